"""HTML pages -> Article: trafilatura for the body and metadata, the page's own date evidence combined by rule.

Body: trafilatura's main-content extraction (Barbaresi 2021), with fallbacks when it comes back empty or short
(``favor_recall``, then trafilatura's ``baseline``); the headline is not repeated in it, menu runs leaked at
its edges are trimmed, and the standfirst is put back when trafilatura drops it (a visible element repeating the
page's description just before the body).

Date: each kind of evidence the page carries gives candidates; the first kind in DATE_EVIDENCE that has one
decides, the others only raise or lower the confidence. Published-metadata comes first (JSON-LD
``datePublished``, ``article:published_time`` and similar meta tags, ``<time pubdate>``): it is the page's
explicit claim, and URL dates are often the day a story slot was created, not the day it went out. htmldate
(``original_date=True``, fast search, run once inside trafilatura) comes after the page's own claims; a visible
byline date (an element marked "published-date", "byline" ...) read by dateparser in the page's language comes
after it, instead of htmldate's extensive search (seconds per page, and a January 1st guess from a copyright
year). UTC stamps are read on the publisher's clock (another offset on the page, else its country domain).
"""
from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape as html_unescape
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import lxml.html
from lxml import etree

from lib.ingest.decode import BOMS, decode_bytes, normalise_text
from lib.models import Article, ParseError, make_article_id

# Meta tags (name/property/itemprop, lower-case) that state the publication time: key -> weight among metadata.
PUBLISHED_META = (
    ("article:published_time", 3), ("og:article:published_time", 3), ("og:published_time", 3),
    ("datepublished", 3), ("published_time", 2), ("article.published", 2), ("article_date_original", 2),
    ("parsely-pub-date", 2), ("sailthru.date", 2), ("pubdate", 2), ("publishdate", 2), ("publish-date", 2),
    ("publish_date", 2), ("date_published", 2), ("publication_date", 2), ("original-publish-date", 2),
    ("cxenseparse:recs:publishtime", 2), ("dc.date.issued", 2), ("dcterms.issued", 2), ("dc.date", 1),
    ("dcterms.date", 1), ("dc.date.created", 1), ("dcterms.created", 1), ("date", 1), ("citation_publication_date", 2),
    ("citation_date", 1), ("rnews:datepublished", 2), ("bt:pubdate", 2), ("pub_date", 2), ("ptime", 1),
    ("article:published", 2), ("og:pubdate", 2), ("release_date", 1), ("dc.date.published", 2),
)
_PUBLISHED_META = dict(PUBLISHED_META)
MODIFIED_META = frozenset((
    "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified", "last-modified",
    "dcterms.modified", "modified_time", "lastmod", "article.updated", "dc.date.modified",
))
# JSON-LD types that describe the article itself (their datePublished is the article's).
ARTICLE_TYPES = frozenset("""
article newsarticle reportagenews analysisnewsarticle opinionnewsarticle reviewnewsarticle backgroundnewsarticle
blogposting socialmediaposting liveblogposting scholarlyarticle techarticle report webpage itempage videoobject
""".split())

# Kinds of date evidence, most trusted first: (kind, Article.date_source, confidence when it decides alone).
DATE_EVIDENCE = (
    ("json-ld", "metadata", 0.9),
    ("meta", "metadata", 0.88),
    ("time-pubdate", "metadata", 0.85),
    ("url", "url", 0.85),
    ("dateline", "dateline", 0.8),
    ("htmldate", "metadata", 0.75),
    ("byline", "byline", 0.6),
    ("time", "byline", 0.55),
    ("modified", "metadata", 0.4),  # last resort: a page's last change bounds its publication from above
)
_EVIDENCE = {kind: (source, conf) for kind, source, conf in DATE_EVIDENCE}
# How each kind of evidence reads in Article.date_note.
EVIDENCE_LABELS = {
    "json-ld": "JSON-LD datePublished", "meta": "a publication-time meta tag", "time-pubdate": "a <time pubdate>",
    "url": "the URL", "dateline": "the dateline", "htmldate": "htmldate", "byline": "the visible byline date",
    "time": "a <time> element", "modified": "the last-modified date",
}
_EVIDENCE_RANK = {kind: i for i, (kind, _, _) in enumerate(DATE_EVIDENCE)}

# Country-code domains -> the country's main time zone: a UTC timestamp names the day as the publisher saw it
# only after conversion to the publisher's clock.
COUNTRY_ZONES = (
    ("it", "Europe/Rome"), ("de", "Europe/Berlin"), ("fr", "Europe/Paris"), ("es", "Europe/Madrid"),
    ("uk", "Europe/London"), ("ie", "Europe/Dublin"), ("nl", "Europe/Amsterdam"), ("be", "Europe/Brussels"),
    ("ch", "Europe/Zurich"), ("at", "Europe/Vienna"), ("pl", "Europe/Warsaw"), ("cz", "Europe/Prague"),
    ("sk", "Europe/Bratislava"), ("hu", "Europe/Budapest"), ("ro", "Europe/Bucharest"), ("bg", "Europe/Sofia"),
    ("gr", "Europe/Athens"), ("pt", "Europe/Lisbon"), ("se", "Europe/Stockholm"), ("no", "Europe/Oslo"),
    ("dk", "Europe/Copenhagen"), ("fi", "Europe/Helsinki"), ("ru", "Europe/Moscow"), ("ua", "Europe/Kiev"),
    ("by", "Europe/Minsk"), ("rs", "Europe/Belgrade"), ("hr", "Europe/Zagreb"), ("si", "Europe/Ljubljana"),
    ("lt", "Europe/Vilnius"), ("lv", "Europe/Riga"), ("ee", "Europe/Tallinn"), ("tr", "Europe/Istanbul"),
    ("il", "Asia/Jerusalem"), ("ir", "Asia/Tehran"), ("pk", "Asia/Karachi"), ("in", "Asia/Kolkata"),
    ("bd", "Asia/Dhaka"), ("cn", "Asia/Shanghai"), ("hk", "Asia/Hong_Kong"), ("tw", "Asia/Taipei"),
    ("jp", "Asia/Tokyo"), ("kr", "Asia/Seoul"), ("sg", "Asia/Singapore"), ("my", "Asia/Kuala_Lumpur"),
    ("id", "Asia/Jakarta"), ("ph", "Asia/Manila"), ("th", "Asia/Bangkok"), ("vn", "Asia/Ho_Chi_Minh"),
    ("au", "Australia/Sydney"), ("nz", "Pacific/Auckland"), ("za", "Africa/Johannesburg"), ("ng", "Africa/Lagos"),
    ("ke", "Africa/Nairobi"), ("eg", "Africa/Cairo"), ("ma", "Africa/Casablanca"), ("br", "America/Sao_Paulo"),
    ("ar", "America/Argentina/Buenos_Aires"), ("mx", "America/Mexico_City"), ("co", "America/Bogota"),
    ("cl", "America/Santiago"), ("pe", "America/Lima"), ("ve", "America/Caracas"), ("ca", "America/Toronto"),
    ("ae", "Asia/Dubai"), ("sa", "Asia/Riyadh"), ("qa", "Asia/Qatar"), ("lb", "Asia/Beirut"), ("jo", "Asia/Amman"),
    ("kz", "Asia/Almaty"), ("ge", "Asia/Tbilisi"), ("am", "Asia/Yerevan"), ("az", "Asia/Baku"),
)
_COUNTRY_ZONES = dict(COUNTRY_ZONES)

MIN_BODY_CHARS = 250  # below this, trafilatura's default pass probably missed the article: try the fallbacks
MIN_BODY_WORDS = 8  # fewer words than this is a menu or a caption, not an article
MIN_LEAD_CHARS = 40
MIN_LINK_RUN = 3  # this many short link-like lines in a row at the body's edge are a menu  # a description shorter than this is a tagline, not a standfirst
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<H>\d{1,2}):(?P<M>\d{1,2})"
                  r"(?::(?P<S>\d{1,2})(?:[.,]\d+)?)?\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?")
# Dates in URL paths: /2020/07/08/, /2010/POLITICS/08/13/, /2020-07-08, _20200708_ (as htmldate's URL rules).
_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?:[A-Za-z][\w-]*/)?(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$|[-_.])"),
    re.compile(r"[/_.-](?P<y>(?:19|20)\d{2})[-_.](?P<m>[01]\d)[-_.](?P<d>[0-3]\d)(?:[/_.-]|$)"),
    re.compile(r"[/_.-](?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:[/_.-]|$)"),
)
_COMPACT = re.compile(r"^((?:19|20)\d\d)([01]\d)([0-3]\d)(?:T?([0-2]\d)([0-5]\d)([0-5]\d))?$")
_TITLE_SEPARATORS = re.compile(r"\s+[-–—|·:»]\s+")
_SPACES = re.compile(r"\s+")
_BOMS = tuple(bom for bom, _encoding in BOMS)
_BYLINE_MARK = re.compile(r"date|time|publish|posted|byline|dateline")
_NOT_PUBLISHED_MARK = re.compile(r"updat|modif|comment|copyright|footer|expir|event|weather")
_LABEL = re.compile(r"^[^\w]*(?:[^\W\d]+\s*){0,3}:\s*|^[^\w]+")  # "Published: ", "/ "
_NOT_A_NAME = re.compile(r"^https?:|^www\.|©|&copy;|\bcopyright\b|^\W*$", re.IGNORECASE)  # junk site names
_DOMAIN_SUFFIX = re.compile(r"\.(?:com|net|org|ru|co\.uk|com\.pk|pk|cn|de|fr|es|it)$", re.IGNORECASE)
_NOT_AN_AUTHOR = re.compile(r"[/@\d]|\bwww\b|\.(?:com|org|net|es|fr|de|it|ru|co|uk)\b|\b(?:com|org|net)$",
                            re.IGNORECASE)
_DATE_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())
_NOT_CONTENT = frozenset(("script", "style", "meta", "title", "head", "noscript", "nav", "footer", "aside", "link"))
_LANG = re.compile(r"^[A-Za-z]{2,3}(?=$|[-_])")


@dataclass
class PageMeta:
    """What the page's markup says about itself, before the body is extracted."""

    url: str | None = None
    titles: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    dates: list[tuple[str, str, int]] = field(default_factory=list)  # (value as written, kind, weight)


def parse_html(data: bytes, origin: str) -> Article:
    """One Article from an HTML page's bytes; ParseError when the page has no article body."""
    html = decode_html(data, origin)
    tree = _parse_tree(html, origin)
    meta = read_page_meta(tree)
    doc = _extract(html, meta.url)
    paragraphs = _body_paragraphs(doc.text if doc else "")
    if sum(map(len, paragraphs)) < MIN_BODY_CHARS:
        for fallback in (_extract_recall, _extract_baseline):
            more = _body_paragraphs(fallback(html, meta.url))
            if sum(map(len, more)) > sum(map(len, paragraphs)):
                paragraphs = more
    if sum(len(p.split()) for p in paragraphs) < MIN_BODY_WORDS:
        raise ParseError(origin, "HTML page has no article body")
    paragraphs = trim_link_runs(paragraphs)
    outlet = _outlet(doc, meta)
    author = _author(doc, meta, outlet)
    title = _title(doc, meta, outlet, author)
    # The headline is Article.title; a body that repeats it first would put it into every offset and hash.
    headlines = {_norm(t) for t in meta.titles + [title or "", doc.title if doc and doc.title else ""] if t}
    while len(paragraphs) > 1 and _norm(paragraphs[0]) in headlines:
        paragraphs = paragraphs[1:]
    paragraphs = restore_lead(tree, paragraphs, meta.descriptions)
    text = "\n\n".join(paragraphs)
    spans, pos = [], 0
    for p in paragraphs:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    dateline = _match_dateline(text, spans[0][1])
    from lib.domain.outlets import canonical_outlet

    via = dateline.outlet if dateline and dateline.outlet and dateline.outlet != outlet else None
    language = _language(doc, meta)
    published, source, confidence, note, candidates = decide_page_date(tree, meta, dateline, doc.date if doc else None, language)
    return Article(
        id=make_article_id(text, outlet), text=text, outlet=outlet, via=canonical_outlet(via) if via else None,
        published=published, date_source=source, date_confidence=confidence, date_note=note,
        date_candidates=candidates, dateline=dateline.raw if dateline else None,
        dateline_place=dateline.place if dateline else None, title=title,
        author=author, url=meta.url or (doc.url if doc else None),
        language=language, paragraphs=tuple(spans), origin=origin, format="html")


def decode_html(data: bytes, origin: str) -> str:
    """The page's text: BOM or valid UTF-8 first, then the charset the page declares, then charset-normalizer."""
    declared = _declared_charset(data)
    if declared is not None and declared != "utf-8" and not data.startswith(_BOMS):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return data.decode(declared)
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return decode_bytes(data, origin)
    except ParseError:
        if declared is None:
            raise
    # A page that declares its charset but carries a few stray bytes: keep it when they are rare.
    text = data.decode(declared, errors="replace")
    if text.count("\ufffd") > 0.001 * len(text):
        raise ParseError(origin, f"undecodable bytes: not valid {declared} as the page declares")
    return text


def _declared_charset(data: bytes) -> str | None:
    """The charset the page declares in a meta tag (latin-1 read as cp1252, as browsers do), if any."""
    m = _CHARSET.search(data[:8192])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
        return "cp1252"  # WHATWG Encoding Standard: these labels mean windows-1252
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _parse_tree(html: str, origin: str):
    """The lxml tree of the page (an XML declaration dropped: lxml refuses it on str input)."""
    try:
        tree = lxml.html.fromstring(_XML_ENCODING.sub("", html, count=1))
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(origin, f"HTML page cannot be parsed ({exc})") from None
    return tree


def read_page_meta(tree) -> PageMeta:
    """Titles, descriptions, site names, authors, languages, URL and date claims from meta tags and JSON-LD."""
    meta = PageMeta()
    lang = tree.get("lang") or tree.get("xml:lang")
    if lang:
        meta.languages.append(lang)
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if not key or not content:
            continue
        if key in _PUBLISHED_META:
            meta.dates.append((content, "meta", _PUBLISHED_META[key]))
        elif key in MODIFIED_META:
            meta.dates.append((content, "modified", 1))
        elif key in ("og:title", "twitter:title", "headline"):
            meta.titles.append(content)
        elif key in ("description", "og:description", "twitter:description"):
            meta.descriptions.append(content)
        elif key in ("og:site_name", "application-name", "publisher", "cre"):
            meta.site_names.append(content)
        elif key in ("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator"):
            if not content.startswith("http"):
                meta.authors.append(re.sub(r"^[Bb]y\s+", "", content))
        elif key in ("og:locale", "content-language", "language", "dc.language", "inlanguage"):
            meta.languages.append(content)
        elif key == "og:url" and content.startswith("http"):
            meta.url = meta.url or content
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and (el.get("href") or "").startswith("http"):
            meta.url = el.get("href")
            break
    for script in tree.iter("script"):
        if (script.get("type") or "").lower().strip() == "application/ld+json" and script.text:
            for obj in _json_ld_objects(script.text):
                _read_json_ld(obj, meta)
    for el in tree.iter("time"):
        value = el.get("datetime")
        if not value:
            continue
        cls = (el.get("class") or "").lower()
        if el.get("pubdate") is not None or (el.get("itemprop") or "").lower() == "datepublished" or "publish" in cls:
            meta.dates.append((value, "time-pubdate", 2))
        else:
            meta.dates.append((value, "time", 1))
    for el in tree.xpath('//*[@itemprop="datePublished"][not(self::meta)][not(self::time)]'):
        value = el.get("content") or el.get("datetime") or el.text_content()
        if value and value.strip():
            meta.dates.append((value.strip(), "meta", 2))
    return meta


def _json_ld_objects(raw: str) -> list[dict]:
    """The objects of one JSON-LD script (lists and @graph flattened); [] when it is not valid JSON."""
    try:
        data = json.loads(raw)
    except ValueError:
        try:
            data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw.strip().rstrip(";")), strict=False)
        except ValueError:
            return []
    out, stack = [], [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            if isinstance(item.get("@graph"), list):
                stack.extend(reversed(item["@graph"]))
    return out


def _read_json_ld(obj: dict, meta: PageMeta) -> None:
    """Fields of one JSON-LD object that describe the article (its type says whether it is the article)."""
    types = obj.get("@type")
    types = {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
    if not types & ARTICLE_TYPES:
        if types & {"organization", "newsmediaorganization", "website"} and isinstance(obj.get("name"), str):
            meta.site_names.append(obj["name"])
        return
    # A WebPage's dates describe the page, and article objects after the first are usually related stories.
    first_article = not any(kind == "json-ld" and weight == 3 for _v, kind, weight in meta.dates)
    weight = 3 if first_article and not types <= {"webpage", "itempage"} else 1
    if isinstance(obj.get("datePublished"), str):
        meta.dates.append((obj["datePublished"], "json-ld", weight))
    elif isinstance(obj.get("dateCreated"), str):
        meta.dates.append((obj["dateCreated"], "json-ld", 1))
    if isinstance(obj.get("dateModified"), str):
        meta.dates.append((obj["dateModified"], "modified", 1))
    if isinstance(obj.get("headline"), str) and weight == 3:
        meta.titles.insert(0, obj["headline"])
    if isinstance(obj.get("description"), str):
        meta.descriptions.append(obj["description"])
    if isinstance(obj.get("inLanguage"), str):
        meta.languages.append(obj["inLanguage"])
    publisher = obj.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        meta.site_names.append(publisher["name"])
    authors = obj.get("author")
    for a in authors if isinstance(authors, list) else [authors]:
        name = a.get("name") if isinstance(a, dict) else a
        if isinstance(name, str) and name.strip() and not name.startswith("http"):
            meta.authors.append(name.strip())


_HTMLDATE_FAST = {"extensive_search": False, "original_date": True}


def _extract(html: str, url: str | None):
    """trafilatura's default extraction with metadata (a Document, or None)."""
    import trafilatura

    # trafilatura runs htmldate for its metadata: ask for the fast original-date search so that result is
    # htmldate's own vote (decide_page_date) and htmldate is not run twice.
    return trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                       include_tables=False, date_extraction_params=_HTMLDATE_FAST)


def _extract_recall(html: str, url: str | None) -> str:
    """trafilatura tuned for recall: for pages where the default pass keeps too little."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, favor_recall=True, include_comments=False, include_tables=False)
    return doc.text if doc and doc.text else ""


def _extract_baseline(html: str, url: str | None) -> str:
    """trafilatura's baseline (article/JSON-LD body or all paragraphs): the last resort."""
    from trafilatura import baseline

    _tree, text, _length = baseline(html)
    return text or ""


def _body_paragraphs(text: str) -> list[str]:
    """Paragraphs of an extracted body: one per line, inner whitespace collapsed, Unicode normalised."""
    if not text:
        return []
    text = normalise_text(text)
    return [p for p in (_SPACES.sub(" ", line).strip() for line in text.split("\n")) if p]


def trim_link_runs(paragraphs: list[str]) -> list[str]:
    """The body without menu runs at its edges: MIN_LINK_RUN or more consecutive one-to-four-word lines with
    no sentence punctuation ("Home", "- World", "Москва") are navigation that leaked into the extraction."""
    def is_link(p: str) -> bool:
        """A short line with no sentence end."""
        return len(p) <= 40 and len(p.split()) <= 4 and not p.endswith((".", "!", "?", "。", "！", "？", "\"", "”", "»"))

    start = 0
    while start < len(paragraphs) and is_link(paragraphs[start]):
        start += 1
    end = len(paragraphs)
    while end > start and is_link(paragraphs[end - 1]):
        end -= 1
    if start < MIN_LINK_RUN:
        start = 0
    if len(paragraphs) - end < MIN_LINK_RUN:
        end = len(paragraphs)
    kept = paragraphs[start:end]
    return kept if kept else paragraphs


def _norm(text: str) -> str:
    """Whitespace-collapsed, case-folded text for comparisons."""
    return _SPACES.sub(" ", normalise_text(text)).strip().casefold()


def restore_lead(tree, paragraphs: list[str], descriptions: list[str]) -> list[str]:
    """The body with its standfirst first, when trafilatura dropped it.

    A standfirst (dek, lead) is shown above the body and usually repeats the page's meta description. It is
    put back only when a visible element in the page body holds exactly that description, that element comes
    before the body's first paragraph in document order, and the body does not contain it already.
    """
    body_start = _norm(paragraphs[0])[:60]
    joined = _norm(" ".join(paragraphs[:3]))
    for description in dict.fromkeys(descriptions):
        lead = _norm(description)
        if len(lead) < MIN_LEAD_CHARS or lead[:60] in joined:
            continue
        lead_pos = start_pos = None
        for i, el in enumerate(tree.iter(etree.Element)):
            # Only near-leaf elements can be a standfirst or the body's first paragraph (and this keeps it linear).
            if len(el) > 3 or el.tag in _NOT_CONTENT:
                continue
            own = _norm(el.text_content())
            if lead_pos is None and own == lead:
                lead_pos = (i, el)
            elif start_pos is None and own.startswith(body_start):
                start_pos = i
        if lead_pos and start_pos is not None and lead_pos[0] < start_pos:
            if not _inside(lead_pos[1], ("nav", "header", "footer", "aside", "head")):
                return [_SPACES.sub(" ", normalise_text(lead_pos[1].text_content())).strip()] + paragraphs
    return paragraphs


def _inside(el, tags: tuple[str, ...]) -> bool:
    """True when an ancestor of ``el`` is one of ``tags``."""
    return any(a.tag in tags for a in el.iterancestors())


def _match_dateline(text: str, first_end: int):
    """The wire dateline opening the body (lib.domain.datelines), if it lies within the first paragraph."""
    from lib.domain.datelines import match_dateline

    m = match_dateline(text)
    return m if m is not None and len(m.raw) <= first_end else None


def _first(values: list[str]) -> str | None:
    """The first non-empty value, whitespace collapsed."""
    for v in values:
        v = _SPACES.sub(" ", v).strip()
        if v:
            return v
    return None


def _outlet(doc, meta: PageMeta) -> str | None:
    """The site's name: og:site_name / JSON-LD publisher / trafilatura's sitename, else the host name."""
    from lib.domain.outlets import canonical_outlet, is_known_outlet

    names = [html_unescape(n) for n in meta.site_names + ([doc.sitename] if doc and doc.sitename else [])]
    name = _first([n for n in names if not _NOT_A_NAME.search(n)])
    if not name and meta.url:
        host = urlsplit(meta.url).hostname or ""
        name = host[4:] if host.startswith("www.") else host
    if not name:
        return None
    # "CNN.com", "tass.com": a known outlet's domain is that outlet, so pages and wire copy group together
    bare = _DOMAIN_SUFFIX.sub("", name)
    return canonical_outlet(bare if bare != name and is_known_outlet(bare) else name)


def _title(doc, meta: PageMeta, outlet: str | None, author: str | None = None) -> str | None:
    """The headline: JSON-LD/og title, else trafilatura's, without a trailing " - Site name" or " - Author"."""
    title = _first(meta.titles) or (doc.title if doc and doc.title else None)
    if not title:
        return None
    parts = _TITLE_SEPARATORS.split(title)
    tail = _norm(parts[-1]).replace(".com", "")
    suffixes = [_norm(x).replace(".com", "") for x in (outlet, author) if x]
    if len(parts) > 1 and tail and any(tail in x or x in tail for x in suffixes):
        title = title[: title.rfind(parts[-1])].rstrip(" -–—|·:»")
    return _SPACES.sub(" ", title).strip() or None


def _author(doc, meta: PageMeta, outlet: str | None) -> str | None:
    """The byline: the page's author metadata, else trafilatura's; never the outlet, a domain or a date word."""
    rejected = {_squash(outlet)} if outlet else set()
    for value in meta.authors + ([doc.author] if doc and doc.author else []):
        name = _SPACES.sub(" ", html_unescape(value)).strip(" ,;|()")
        # trafilatura prettifies a domain byline ("elmundo.es" -> "Elmundo Es"): compare letters only
        if not name or _NOT_AN_AUTHOR.search(name) or _squash(name) in rejected or name.casefold() in _DATE_WORDS:
            rejected.add(_squash(name))
            continue
        return name
    return None


def _squash(text: str) -> str:
    """Letters and digits only, case-folded: "elmundo.es" and "Elmundo Es" compare equal."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _language(doc, meta: PageMeta) -> str | None:
    """ISO 639 code from the page (html lang, og:locale, JSON-LD inLanguage) or trafilatura."""
    for value in meta.languages + ([doc.language] if doc and doc.language else []):
        m = _LANG.match(value.strip())
        if m:
            return m.group(0).lower()
    return None


# ---- dates -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateCandidate:
    """One dated claim the page makes: the day it names, where it comes from, how much it weighs."""

    day: dt.date
    kind: str  # a DATE_EVIDENCE kind
    weight: int
    stamp: dt.datetime | None = None  # the full time when the claim carries one (publisher's clock)


def decide_page_date(tree, meta: PageMeta, dateline, fast_date: str | None = None,
                     language: str | None = None) -> tuple:
    """(published, date_source, confidence, note, candidates) from every date claim the page carries;
    ``fast_date`` is htmldate's fast-search result when trafilatura already ran it."""
    zone = _publisher_zone(meta)
    candidates = [c for value, kind, weight in meta.dates if (c := _candidate(value, kind, weight, zone))]
    if meta.url:
        candidates += url_date_candidates(meta.url)
    if dateline is not None and dateline.year and dateline.month and dateline.day:
        try:
            candidates.append(DateCandidate(dt.date(dateline.year, dateline.month, dateline.day), "dateline", 2))
        except ValueError:
            pass
    # htmldate falls back to modification dates; alone, such a vote is only a modification date.
    for c in _htmldate_candidates(fast_date):
        seen = {x.kind for x in candidates if x.day == c.day}
        candidates.append(DateCandidate(c.day, "modified", 1) if seen == {"modified"} else c)
    if not candidates:
        candidates += byline_date_candidates(tree, language)
    listed = tuple(dict.fromkeys(f"{c.day.isoformat()} {c.kind}" for c in
                                 sorted(candidates, key=lambda c: (_EVIDENCE_RANK[c.kind], -c.weight))))
    if not candidates:
        return None, "unknown", 0.0, "date unknown: the page carries no date", ()
    best_kind = min(candidates, key=lambda c: _EVIDENCE_RANK[c.kind]).kind
    votes: dict[dt.date, int] = {}
    for c in candidates:
        if c.kind == best_kind:
            votes[c.day] = votes.get(c.day, 0) + c.weight
    day = max(votes, key=lambda d: (votes[d], -d.toordinal()))  # heaviest, then earliest (original date)
    agree = {c.kind for c in candidates if c.day == day}
    disagree = {c.kind for c in candidates if c.day != day and c.kind not in agree}
    source, confidence = _EVIDENCE[best_kind]
    confidence = min(0.99, confidence + 0.03 * (len(agree) - 1) - 0.05 * len(disagree))
    if dateline is not None and dateline.month and not dateline.year and (dateline.month, dateline.day) == (
            day.month, day.day):
        confidence = min(0.99, confidence + 0.03)
    stamp = next((c.stamp for c in candidates if c.kind == best_kind and c.day == day and c.stamp), None)
    note = f"from {EVIDENCE_LABELS[best_kind]}"
    if len(agree) > 1:
        note += "; agrees: " + ", ".join(EVIDENCE_LABELS[k] for k in sorted(agree - {best_kind}, key=_EVIDENCE_RANK.get))
    if disagree:
        note += "; other days from " + ", ".join(EVIDENCE_LABELS[k] for k in sorted(disagree, key=_EVIDENCE_RANK.get))
    ordered = tuple(x for x in listed if x.startswith(day.isoformat())) + tuple(
        x for x in listed if not x.startswith(day.isoformat()))
    return stamp or day, source, round(max(confidence, 0.3), 2), note, ordered


def _publisher_zone(meta: PageMeta):
    """The publisher's clock: an explicit non-UTC offset used elsewhere on the page, else the country domain's
    main time zone, else None (UTC stays UTC)."""
    for value, _kind, _weight in meta.dates:
        m = _ISO.search(value)
        if m and m.group("tz") and m.group("tz") not in ("Z", "UTC", "GMT") and _offset(m.group("tz")):
            return _offset(m.group("tz"))
    host = urlsplit(meta.url).hostname if meta.url else None
    if host:
        zone = _COUNTRY_ZONES.get(host.rsplit(".", 1)[-1].lower())
        if zone:
            return ZoneInfo(zone)
    return None


def _offset(tz: str) -> dt.timezone | None:
    """A fixed offset from "+02:00" / "-0500" / "+03"; None for a zero offset."""
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + (int(digits[2:4]) if len(digits) >= 4 else 0)
    return dt.timezone(sign * dt.timedelta(minutes=minutes)) if minutes else None


def _candidate(value: str, kind: str, weight: int, zone) -> DateCandidate | None:
    """A candidate from a written date (ISO forms by regex, others by dateparser); None when unreadable."""
    stamp = parse_page_date(value.strip())
    if stamp is None:
        return None
    if isinstance(stamp, dt.datetime):
        if stamp.tzinfo is not None and stamp.utcoffset() == dt.timedelta(0) and zone is not None:
            stamp = stamp.astimezone(zone)
        day = stamp.date()
    else:
        day, stamp = stamp, None
    if not dt.date(1995, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=2):
        return None  # before news sites existed, or in the future: a placeholder, not a publication date
    return DateCandidate(day, kind, weight, stamp)


def parse_page_date(value: str) -> dt.date | dt.datetime | None:
    """A date or aware/naive datetime from a metadata value ("2020-12-05T23:15:0Z", "Tue, Sep 15 2020 10:01 EDT")."""
    m = _ISO.match(value)
    if m:
        try:
            day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            return None
        if m.group("H") is None:
            return day
        try:
            stamp = dt.datetime(day.year, day.month, day.day, int(m.group("H")), int(m.group("M")), int(m.group("S") or 0))
        except ValueError:
            return day
        tz = m.group("tz")
        if tz:
            stamp = stamp.replace(tzinfo=dt.timezone.utc if tz in ("Z", "UTC", "GMT") else (_offset(tz) or dt.timezone.utc))
        return stamp
    m = _COMPACT.match(value)
    if m:  # 20200702 or 20200702T101500
        try:
            return dt.datetime(*map(int, m.groups())) if m.group(4) else dt.date(*map(int, m.groups()[:3]))
        except ValueError:
            return None
    if value.isdigit() and len(value) in (10, 13):  # Unix time, seconds or milliseconds
        return dt.datetime.fromtimestamp(int(value[:10]), dt.timezone.utc)
    return _dateparser_parse(value[:80])


@lru_cache(maxsize=2048)
def _dateparser_parse(value: str, language: str | None = None) -> dt.date | dt.datetime | None:
    """dateparser for free-form dates (in the page's language when known); full dates only, nothing filled in
    from today."""
    import dateparser

    try:
        return dateparser.parse(value, languages=[language] if language else None, settings=_DATEPARSER_SETTINGS)
    except ValueError:  # a language dateparser does not know: let it detect one
        return _dateparser_parse(value) if language else None
    except (OverflowError, TypeError, AttributeError, KeyError):  # dateparser's own failures on odd input
        return None


_DATEPARSER_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}


def url_date_candidates(url: str) -> list[DateCandidate]:
    """The date written in a URL's path (/2020/07/08/, -2020-07-08-, _20200708_), if any."""
    path = urlsplit(url).path
    for rx in _URL_DATES:
        m = rx.search(path)
        if m:
            try:
                day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            except ValueError:
                continue
            if dt.date(1995, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=2):
                return [DateCandidate(day, "url", 3)]
    return []


def _htmldate_candidates(fast: str | None) -> list[DateCandidate]:
    """htmldate's fast original-date search, as run by trafilatura. (Its extensive search is not used: it
    runs dateparser over the whole page, seconds per page, and falls back to January 1st of a copyright year;
    byline_date_candidates covers the visible dates it would find.)"""
    try:
        return [DateCandidate(dt.date.fromisoformat(fast[:10]), "htmldate", 2)] if fast else []
    except ValueError:
        return []


def byline_date_candidates(tree, language: str | None) -> list[DateCandidate]:
    """The first visible date in an element whose class or id marks it as the publication date ("published-date",
    "byline", "timestamp"), parsed by dateparser in the page's language."""
    for el in tree.iter(etree.Element):
        if len(el) > 2 or el.tag in _NOT_CONTENT:
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if not _BYLINE_MARK.search(marks) or _NOT_PUBLISHED_MARK.search(marks):
            continue
        written = _SPACES.sub(" ", el.text_content()).strip()
        if not 6 <= len(written) <= 80 or not any(ch.isdigit() for ch in written):
            continue
        written = _LABEL.sub("", written)
        stamp = _dateparser_parse(written, language)
        if stamp is not None:
            day = stamp.date() if isinstance(stamp, dt.datetime) else stamp
            if dt.date(1995, 1, 1) <= day <= dt.date.today() + dt.timedelta(days=2):
                return [DateCandidate(day, "byline", 1)]
    return []
