"""What an HTML page says about itself: meta tags and JSON-LD read into PageMeta, then the Article's title, outlet,
author and language chosen from them (trafilatura's own metadata as the fallback)."""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html import unescape as html_unescape
from urllib.parse import urlsplit

from lib.domain.calendar import WEEKDAYS
from lib.domain.names import normalise_name
from lib.ingest.html.body import UNSPACED_CHARS, count_words
from lib.ingest.html.markup import collapse, fold, inside

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
# Other meta tags (lower-case key) -> the PageMeta list their content goes to.
META_FIELDS = (
    ("og:title", "titles"), ("twitter:title", "titles"), ("headline", "titles"),
    ("description", "descriptions"), ("og:description", "descriptions"), ("twitter:description", "descriptions"),
    ("og:site_name", "site_names"), ("application-name", "app_names"), ("publisher", "site_names"),
    ("cre", "site_names"),
    ("author", "authors"), ("article:author", "authors"), ("byl", "authors"), ("parsely-author", "authors"),
    ("sailthru.author", "authors"), ("dc.creator", "authors"),
    ("og:locale", "languages"), ("content-language", "languages"), ("language", "languages"),
    ("dc.language", "languages"), ("inlanguage", "languages"),
)
_META_FIELDS = dict(META_FIELDS)
# JSON-LD types that describe the article itself (their datePublished is the article's).
ARTICLE_TYPES = frozenset("""
article newsarticle reportagenews analysisnewsarticle opinionnewsarticle reviewnewsarticle backgroundnewsarticle
blogposting socialmediaposting liveblogposting scholarlyarticle techarticle report webpage itempage videoobject
""".split())
# JSON-LD types that name the site rather than the article.
SITE_TYPES = frozenset(("organization", "newsmediaorganization", "website"))
# Weights of date claims among their kind (see PUBLISHED_META): the page's own article outweighs related ones.
MAIN_WEIGHT, CLAIM_WEIGHT, MINOR_WEIGHT = 3, 2, 1

_BY = re.compile(r"^[Bb]y\s+")
_TITLE_SEPARATORS = re.compile(r"\s+[-–—|·:»]\s+")
# junk site names: a web address (a scheme, or a host with a path: "tdg.ch/"), an e-mail address ("Lüder Hoppe
# info@buero-hoppe.de": a contact line), a copyright line; a handle ("@Bafa_Bund", "Achgut_com": one word with an
# underscore) names an account, not the site
_NOT_A_NAME = re.compile(r"\bhttps?:|^www\.|\w\.[a-z]{2,}/|\w@\w|©|&copy;|\bcopyright\b|^\W*$|^@|^\S*_\S*$",
                         re.IGNORECASE)
# a site named by its host ("www.chocolate.com"): no name, but the page's own word for its host
_WWW_HOST = re.compile(r"^www\.(\S+\.[a-z]{2,})$", re.IGNORECASE)
# a title's part that is a web address ("... - http://www.tafelblog.com"): the site's, not the headline's
_WEB_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# a sentence's end inside a text: a full stop after a word in lower case, before the next word ("Vegetarier zu sein.
# Bedarf, ..."); a word of one or two letters before the stop is an abbreviation, as in names ("e. V.", "Co. KG")
_SENTENCE_END = re.compile(r"(?<![\w.])([^\W\d_]{3,})\.\s+\w")
_DOMAIN_SUFFIX = re.compile(r"\.(?:com|net|org|ru|co\.uk|com\.pk|pk|cn|de|fr|es|it)$", re.IGNORECASE)
_NOT_AN_AUTHOR = re.compile(r"[/@\d]|\bwww\b|\.(?:com|org|net|es|fr|de|it|ru|co|uk)\b|\b(?:com|org|net)$",
                            re.IGNORECASE)
_DATE_WORDS = frozenset(w.casefold() for w in WEEKDAYS) | {"today", "yesterday"}
_LANG = re.compile(r"^[A-Za-z]{2,3}(?=$|[-_])")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A heading inside these is a menu's, a footer's or a sidebar's ("header" is left out: it often holds the article's h1).
_NOT_THE_ARTICLE = ("nav", "footer", "aside")
# Words shorter than this are mostly function words ("the", "und", "les"), shared by any two texts of a language.
MIN_CONTENT_CHARS = 4
_WORD = re.compile(r"\w+")
_UNSPACED_CHAR = re.compile(UNSPACED_CHARS)
# A code identifier ("civ2-blog-frontend", "main_app"): a single-page app's package name as its <title>, no headline.
_IDENTIFIER = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")


@dataclass
class PageMeta:
    """What the page's markup says about itself, before the body is extracted."""

    url: str | None = None
    titles: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)  # those of site_names that <meta name="publisher"> gives
    app_names: list[str] = field(default_factory=list)  # application-name: a site's name, or its page's title
    authors: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    dates: list[tuple[str, str, int]] = field(default_factory=list)  # (value as written, kind, weight)
    head_title: str | None = None  # the <title> element's text
    headings: list[str] = field(default_factory=list)  # h1-h6 texts outside menus, sidebars and footers


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
            meta.dates.append((content, "modified", MINOR_WEIGHT))
        elif key == "og:url":
            if content.startswith("http"):
                meta.url = meta.url or content
        elif key in _META_FIELDS:
            if _META_FIELDS[key] == "authors":
                if content.startswith("http"):
                    continue  # a profile link, not a name
                content = _BY.sub("", content)
            getattr(meta, _META_FIELDS[key]).append(content)
            if key == "publisher":
                meta.publishers.append(content)
    # the first <title>: an inline SVG's own <title> names an icon ("login-white"), not the page
    head_title = next((el for el in tree.iter("title") if not inside(el, ("svg",))), None)
    if head_title is not None:
        meta.head_title = collapse(head_title.text_content()) or None
    meta.headings = [text for el in tree.iter(*_HEADINGS) if not inside(el, _NOT_THE_ARTICLE)
                     and (text := collapse(el.text_content()))]
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
            meta.dates.append((value, "time-pubdate", CLAIM_WEIGHT))
        else:
            meta.dates.append((value, "time", MINOR_WEIGHT))
    for el in tree.xpath('//*[@itemprop="datePublished"][not(self::meta)][not(self::time)]'):
        value = el.get("content") or el.get("datetime") or el.text_content()
        if value and value.strip():
            meta.dates.append((value.strip(), "meta", CLAIM_WEIGHT))
    return meta


def _json_ld_objects(raw: str) -> list[dict]:
    """The objects of one JSON-LD script (lists and @graph flattened); [] when it is not valid JSON."""
    try:
        data = json.loads(raw)
    except ValueError:
        try:  # trailing commas and a closing semicolon: common hand-written slips
            data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw.strip().rstrip(";")), strict=False)
        except ValueError:
            return []
    out, stack = [], [_unescaped(data)]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            if isinstance(item.get("@graph"), list):
                stack.extend(reversed(item["@graph"]))
    return out


def _unescaped(value):
    """JSON-LD values with HTML character references resolved: CMSs (WordPress among them) write the page's escaped
    text into the JSON ("Assad&#8217;s troops", "France&#039;s"), which JSON itself never decodes."""
    if isinstance(value, str):
        return html_unescape(value) if "&" in value else value
    if isinstance(value, list):
        return [_unescaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _unescaped(v) for k, v in value.items()}
    return value


def _read_json_ld(obj: dict, meta: PageMeta) -> None:
    """Fields of one JSON-LD object that describe the article (its type says whether it is the article)."""
    types = obj.get("@type")
    types = {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
    if not types & ARTICLE_TYPES:
        if types & SITE_TYPES and isinstance(obj.get("name"), str):
            meta.site_names.append(obj["name"])
        return
    # A WebPage's dates describe the page, and article objects after the first are usually related stories.
    first_article = not any(kind == "json-ld" and weight == MAIN_WEIGHT for _v, kind, weight in meta.dates)
    weight = MAIN_WEIGHT if first_article and not types <= {"webpage", "itempage"} else MINOR_WEIGHT
    if isinstance(obj.get("datePublished"), str):
        meta.dates.append((obj["datePublished"], "json-ld", weight))
    elif isinstance(obj.get("dateCreated"), str):
        meta.dates.append((obj["dateCreated"], "json-ld", MINOR_WEIGHT))
    if isinstance(obj.get("dateModified"), str):
        meta.dates.append((obj["dateModified"], "modified", MINOR_WEIGHT))
    if isinstance(obj.get("headline"), str) and weight == MAIN_WEIGHT:
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


def _first(values: list[str]) -> str | None:
    """The first non-empty value, whitespace collapsed."""
    for v in values:
        v = collapse(v)
        if v:
            return v
    return None


def page_outlet(doc, meta: PageMeta, headline: str | None) -> tuple[str | None, str | None]:
    """(the site's name as the page writes it, its canonical outlet): og:site_name / JSON-LD publisher /
    trafilatura's sitename, else the host name. A name that is evidently no site's (_may_name_site) is passed over for
    the next one or the host: the outlet is a chart's legend, a filter's choice and a heatmap's column, where a
    headline or a contact line misleads and a host name does not. ``headline``: the page's (page_headline)."""
    from lib.domain.outlets import canonical_outlet, is_known_outlet, site_url

    url = meta.url or (doc.url if doc else None)  # the page's own link, else the one trafilatura found in it
    host = (urlsplit(site_url(url)).hostname or "").removeprefix("www.") if url else ""
    # a front page's title is the site's own name ("The WordPress.com Blog" on en.blog.wordpress.com/): no headline a
    # site name could be copied from (the page's own link: trafilatura's may be a site's root the page links to)
    stated = urlsplit(meta.url) if meta.url else None
    if stated and stated.path in ("", "/") and not stated.query:
        headline = None
    # trafilatura's sitename is its own guess, at times a line of the page ("6. Jahrgang", "02.11.2021") or an
    # account's handle run together ("Rosaluxstiftung", "LAOLA1Redaktion"): it counts when the host shares a word
    # with it, as a site's name does ("BLINKER" on blinker.de), or when it is words with no number ("Annals of
    # Internal Medicine" on acpjournals.org); an application name is often the page's title, so it comes after the
    # site names the page states
    guessed = [doc.sitename] if doc and doc.sitename and (
        not host or _names_host(doc.sitename, host)
        or len(doc.sitename.split()) > 1 and not any(ch.isdigit() for ch in doc.sitename)) else []
    # <meta name="publisher"> is as often the firm or the person that publishes the site ("RS-RegioMediaServices Ltd. &
    # Co. KG", an owner's name) as the site: a name only it gives counts when the host shares a word with it, or when
    # there is no host to stand in
    firms = set(meta.publishers) - set(Counter(meta.site_names) - Counter(meta.publishers))
    names = [collapse(html_unescape(n)) for n in meta.site_names + guessed + meta.app_names
             if not (host and n in firms and not _names_host(n, host))]
    names = [part for n in names if (part := _site_part(n, host, headline or ""))]
    names = [n for n in names if _may_name_site(n, host, headline or "")]
    # a name the host shares a word with first: a syndicated story's page names its original publisher too ("The
    # Washington Post" in the JSON-LD of a page on inquirer.com); a site named by its host ("www.chocolate.com") is on
    # that host, wherever its canonical link points
    name = next((n for n in names if host and _names_host(n, host)), names[0] if names else None)
    name = name or next((m.group(1) for n in meta.site_names if (m := _WWW_HOST.match(n.strip()))), None) or host
    if not name:
        return None, None
    # "CNN.com", "tass.com": a known outlet's domain is that outlet, so pages and wire copy group together
    bare = _DOMAIN_SUFFIX.sub("", name)
    return name, canonical_outlet(bare if bare != name and is_known_outlet(bare) else name)


def _site_part(name: str, host: str, headline: str) -> str | None:
    """``name``, or its part that names the site when it is the headline with the site's name run on: a tag that
    copies the page's title ("Achtsam durch die Krise | Die FURCHE", where "Achtsam durch die Krise" is the headline;
    "Cup-Vorschau: ... - Handball Schweiz", the headline itself). The headline's part is the one that is the headline
    or holds it as words (a headline of one word is too common a word to tell), or, when the name is the whole
    headline, its longest part. The site's part is the shortest other one the host shares a word with (_names_host; a
    headline's part may share one by chance: "time" of "for the first time" in harbourtimes), else, where the headline
    stands apart as a part, the outermost one away from it ("<headline> | <section> | <site>", "<site> | <headline>");
    none when the headline is the whole name or stands in its middle and the host names no part. A name holding no
    headline whose one part the host names is that part (a tagline run on: "WSVN 7News | Miami News, Weather, Sports";
    "International Biathlon Union - IBU" on biathlonworld.com: the name in full); any other name is kept whole."""
    parts = _TITLE_SEPARATORS.split(name)
    folded = fold(headline)
    if len(parts) < 2:
        return name
    holds = [i for i, part in enumerate(parts) if folded and (fold(part) == folded
             or count_words(headline) > 1 and _names_words(fold(part), folded))]
    whole = not holds and bool(folded) and fold(name) == folded
    if whole:
        holds = [max(range(len(parts)), key=lambda i: count_words(parts[i]))]
    elif not holds:
        # a site's name with its tagline ("Boston News, Weather, Sports | WHDH 7News" on whdh.com): the one part the
        # host names
        named = [part for part in parts if host and _names_host(part, host)]
        return named[0] if len(named) == 1 else name
    named = [part for i, part in enumerate(parts) if i not in holds and host and _names_host(part, host)]
    if named or whole or 0 < holds[0] < len(parts) - 1:
        return min(named, key=count_words) if named else None
    return parts[-1] if holds[0] == 0 else parts[0]


def _may_name_site(name: str, host: str, headline: str) -> bool:
    """Whether ``name`` may be the site's name, not a line of the page that a tag or trafilatura's guess holds.

    It may not be junk (_NOT_A_NAME), a sentence (a question, or a full stop between words: a headline or a tagline
    said as one), the page's headline itself, nor words in the middle of a phrase of the headline, as a guess taken
    from the page's title can be ("Spiel-Talstraße" of "Keine Spiel-Talstraße zur ..."). A site's name stands apart:
    a part of the headline of its own ("Bees die - Bees", where it may be a word of the other part too), or at the
    start or the end of one ("NEWS WEB EASY|..."); a name the host shares a word with is the site's (_names_host)
    wherever it stands ("City News wins award" on citynews.com), but not when it is the whole headline."""
    if not name or _NOT_A_NAME.search(name) or "?" in name:
        return False
    if any(word.islower() for word in _SENTENCE_END.findall(name)):
        return False
    folded = fold(name)
    if folded == fold(headline):
        return False
    if host and _names_host(name, host):
        return True
    parts = [fold(part) for part in _TITLE_SEPARATORS.split(headline)]
    within = re.compile(rf"\w.*(?<!\w){re.escape(folded)}(?!\w).*\w", re.DOTALL)
    return folded in parts or not any(within.search(part) for part in parts)


_MIN_SHARED_CHARS = 4  # a longer word of a site's name is found inside its host's letters ("zeit" in zeit.de)


def _names_host(name: str, host: str) -> bool:
    """Whether a site's name shares a word with its host name: one of at least _MIN_SHARED_CHARS letters inside the
    host's letters (umlauts as the host spells them: "Süddeutsche Zeitung" ~ sueddeutsche.de), or one that is a
    label of the host ("BBC News" ~ bbc.co.uk)."""
    labels = [_squash(label) for label in fold(host).split(".")]
    letters = "".join(labels)
    spelt = {letters, letters.replace("ue", "u").replace("oe", "o").replace("ae", "a")}
    words = [_squash(w) for w in normalise_name(name).split()]  # accents stripped ("Süddeutsche" -> "suddeutsche")
    return any(len(w) >= _MIN_SHARED_CHARS and any(w in x for x in spelt) or len(w) > 1 and w in labels
               for w in words)


def page_headline(doc, meta: PageMeta) -> str | None:
    """The page's headline as it states it: JSON-LD/og title, else trafilatura's (see _extracted_title); read once per
    page, for the outlet (a site name that is the headline is none) and the title.

    An og/JSON-LD title that is the site's name the page states while its <title> shares no word with it is the
    site's, not the headline ("International Biathlon Union - IBU" on a page whose <title> is "Peking 2022 – Eine
    große Chance ..."): a CMS that fills og:title with the site's name on every page. The <title> then stands in when
    trafilatura's title is that name too (it reads og:title first). A <title> that agrees (a front page's, "The
    WordPress.com Blog") keeps it."""
    names = {fold(n) for n in meta.site_names}
    page = _content_words(meta.head_title or "")

    def site_named(title: str) -> bool:
        return bool(page) and fold(title) in names and not _content_words(title) & page

    headline = _first([t for t in meta.titles if not site_named(t)]) or _extracted_title(doc, meta)
    return meta.head_title if headline and site_named(headline) else headline


def page_title(title: str | None, outlet: str | None, author: str | None = None) -> str | None:
    """The headline (page_headline) without a trailing " - Site name", " - Author" or " - web address" (which is no
    outlet name, so the outlet need not match it: "... - http://www.tafelblog.com" on tafelblog.de)."""
    if not title:
        return None
    parts = _TITLE_SEPARATORS.split(title)
    tail = fold(parts[-1]).replace(".com", "")
    suffixes = [fold(x).replace(".com", "") for x in (outlet, author) if x]
    if len(parts) > 1 and tail and (any(tail in x or x in tail for x in suffixes) or _WEB_ADDRESS.match(parts[-1])):
        title = title[: title.rfind(parts[-1])].rstrip(" -–—|·:»")
    return collapse(title) or None


def _extracted_title(doc, meta: PageMeta) -> str | None:
    """trafilatura's title, unless the page itself shows it is furniture rather than the article's headline.

    trafilatura takes a page's only <h1>, else a heading with a title-like class, before the <title> element (and the
    first <h1> or <h2> after it), and is usually right; but on some pages that heading is the site's menu, a category or
    a contact box ("Navigation und Service", "Allgemein", "Ansprechpartner") while the article's headline is a lower
    heading. It is replaced by _headline_shown only on the page's own evidence. A code identifier (a single-page app's
    package name, which its <title> repeats) is no title at all: a story's label then falls back to its first
    sentence."""
    title = collapse(doc.title) if doc and doc.title else None
    if not title:
        return None
    shown = _headline_shown(title, doc.text or "", meta)
    if shown:
        return shown
    return None if _IDENTIFIER.fullmatch(title) else title


def _headline_shown(title: str, body: str, meta: PageMeta) -> str | None:
    """The article's headline when trafilatura's ``title`` is evidently not it, else None.

    The candidate is the longest heading of the page that the <title> element names too, as whole words: the page
    states it twice, and as a heading it comes without the <title>'s site-name parts ("... | Site"). It is taken only
    when it is longer than ``title`` (a headline is a phrase, furniture a label), is not the site's name as the page
    states it (a logo is often a heading, and the whole <title> of many pages), and ``title`` is either
    - outweighed: no content word of it is in the extracted body while one of the candidate's is, or
    - a label: a single word the <title> does not name (a contact box's heading; the body may hold the box, so the
      body's support proves nothing there).
    Both tests compare the page's own words, not a language's vocabulary."""
    page = fold(meta.head_title or "")
    folded = fold(title)
    names = {fold(n) for n in meta.site_names}
    shown = [h for h in meta.headings if fold(h) != folded and fold(h) not in names and _names_words(page, fold(h))]
    if not shown:
        return None
    candidate = max(shown, key=len)
    if count_words(candidate) <= count_words(title):
        return None
    words = _content_words(body)
    outweighed = not _content_words(title) & words and bool(_content_words(candidate) & words)
    label = count_words(title) == 1 and not _names_words(page, folded)
    return candidate if outweighed or label else None


def _names_words(text: str, part: str) -> bool:
    """Whether ``part`` occurs in ``text`` as whole words ("Ablauf" is no part of "Ablaufplan")."""
    return bool(part) and re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text) is not None


def _content_words(text: str) -> set[str]:
    """A text's folded words of at least MIN_CONTENT_CHARS letters, and each character of a script written without
    spaces (one character is about one word)."""
    words = set()
    for word in _WORD.findall(fold(text)):
        if _UNSPACED_CHAR.search(word):
            words.update(_UNSPACED_CHAR.findall(word))
        elif len(word) >= MIN_CONTENT_CHARS and not word.isdigit():
            words.add(word)
    return words


def page_author(doc, meta: PageMeta, outlet: str | None) -> str | None:
    """The byline: the page's author metadata, else trafilatura's; never the outlet, a domain or a date word."""
    rejected = {_squash(outlet)} if outlet else set()
    for value in meta.authors + ([doc.author] if doc and doc.author else []):
        name = collapse(html_unescape(value)).strip(" ,;|()")
        # trafilatura prettifies a domain byline ("elmundo.es" -> "Elmundo Es"): compare letters only
        if not name or _NOT_AN_AUTHOR.search(name) or _squash(name) in rejected or name.casefold() in _DATE_WORDS:
            rejected.add(_squash(name))
            continue
        return name
    return None


def _squash(text: str) -> str:
    """Letters and digits only, case-folded: "elmundo.es" and "Elmundo Es" compare equal."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def page_language(doc, meta: PageMeta) -> str | None:
    """ISO 639 code from the page (html lang, og:locale, JSON-LD inLanguage) or trafilatura."""
    for value in meta.languages + ([doc.language] if doc and doc.language else []):
        m = _LANG.match(value.strip())
        if m:
            return m.group(0).lower()
    return None
