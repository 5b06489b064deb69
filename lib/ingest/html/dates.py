"""An HTML page's publication date: each kind of date evidence the page carries gives candidates, combined by rule.

The first kind in DATE_EVIDENCE that has a candidate decides; the others only raise or lower the confidence.
Published-metadata comes first (JSON-LD ``datePublished``, ``article:published_time`` and similar meta tags,
``<time pubdate>``): it is the page's explicit claim, and URL dates are often the day a story slot was created,
not the day it went out. htmldate (``original_date=True``, fast search, run once inside trafilatura) comes after
the page's own claims; a visible byline date (an element marked "published-date", "byline" ...) read in the
page's language comes after it, instead of htmldate's extensive search (seconds per page, and a January 1st
guess from a copyright year). UTC stamps are read on the publisher's clock (another offset on the page, else
its country domain). Written dates are read by lib.domain.calendar.read_date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from lxml import etree

from lib.domain.calendar import ISO_DATE, MAX_WRITTEN_DATE_CHARS, UTC_NAMES, fixed_offset, read_date
from lib.ingest.html.markup import NOT_CONTENT, collapse

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
_EVIDENCE_RANK = {kind: i for i, (kind, _, _) in enumerate(DATE_EVIDENCE)}
# How each kind of evidence reads in Article.date_note.
EVIDENCE_LABELS = {
    "json-ld": "JSON-LD datePublished", "meta": "a publication-time meta tag", "time-pubdate": "a <time pubdate>",
    "url": "the URL", "dateline": "the dateline", "htmldate": "htmldate", "byline": "the visible byline date",
    "time": "a <time> element", "modified": "the last-modified date",
}
# Weight of a candidate among its kind, for the kinds found outside the page's metadata (metadata claims
# carry their own, see lib.ingest.html.metadata): one URL date is as sure as a main JSON-LD claim.
EVIDENCE_WEIGHTS = {"url": 3, "dateline": 2, "htmldate": 2, "byline": 1, "modified": 1}
# Confidence moves: each other kind naming the same day adds, each naming another day takes away; the result
# stays inside (MIN_CONFIDENCE, MAX_CONFIDENCE) because no page's own claim is certain or worthless.
AGREE_BONUS, DISAGREE_PENALTY = 0.03, 0.05
MIN_CONFIDENCE, MAX_CONFIDENCE = 0.3, 0.99
# Before this, no news site published on the web: an earlier date is a placeholder (1970, 1900), not a date.
EARLIEST_PUBLICATION = dt.date(1995, 1, 1)
# A date up to this many days ahead of today is real (time zones, embargoed stories); further is a placeholder.
FUTURE_SLACK_DAYS = 2
# A byline date is written in at least this many characters ("2.4.20"); a longer text is not a byline.
MIN_BYLINE_DATE_CHARS = 6
# Elements with more children than this are containers, not the byline's own element.
MAX_BYLINE_CHILDREN = 2

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

# Dates in URL paths: /2020/07/08/, /2010/POLITICS/08/13/, /2020-07-08, _20200708_ (as htmldate's URL rules).
_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?:[A-Za-z][\w-]*/)?(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$|[-_.])"),
    re.compile(r"[/_.-](?P<y>(?:19|20)\d{2})[-_.](?P<m>[01]\d)[-_.](?P<d>[0-3]\d)(?:[/_.-]|$)"),
    re.compile(r"[/_.-](?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:[/_.-]|$)"),
)
_BYLINE_MARK = re.compile(r"date|time|publish|posted|byline|dateline")
_NOT_PUBLISHED_MARK = re.compile(r"updat|modif|comment|copyright|footer|expir|event|weather")
_LABEL = re.compile(r"^[^\w]*(?:[^\W\d]+\s*){0,3}:\s*|^[^\w]+")  # "Published: ", "/ "


@dataclass(frozen=True)
class DateCandidate:
    """One dated claim the page makes: the day it names, where it comes from, how much it weighs."""

    day: dt.date
    kind: str  # a DATE_EVIDENCE kind
    weight: int
    stamp: dt.datetime | None = None  # the full time when the claim carries one (publisher's clock)


def decide_page_date(tree, meta, dateline, fast_date: str | None = None, language: str | None = None) -> tuple:
    """(published, date_source, confidence, note, candidates) from every date claim the page carries;
    ``fast_date`` is htmldate's fast-search result when trafilatura already ran it."""
    zone = _publisher_zone(meta)
    # metadata values are machine-written: read as written, not in the visible text's language
    candidates = [c for value, kind, weight in meta.dates if (c := _candidate(value, kind, weight, zone))]
    if meta.url:
        candidates += url_date_candidates(meta.url)
    if dateline is not None and dateline.year and dateline.month and dateline.day:
        try:
            day = dt.date(dateline.year, dateline.month, dateline.day)
            candidates.append(DateCandidate(day, "dateline", EVIDENCE_WEIGHTS["dateline"]))
        except ValueError:
            pass
    # htmldate falls back to modification dates; alone, such a vote is only a modification date.
    for c in _htmldate_candidates(fast_date):
        seen = {x.kind for x in candidates if x.day == c.day}
        candidates.append(DateCandidate(c.day, "modified", EVIDENCE_WEIGHTS["modified"]) if seen == {"modified"} else c)
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
    confidence = confidence + AGREE_BONUS * (len(agree) - 1) - DISAGREE_PENALTY * len(disagree)
    if dateline is not None and dateline.month and not dateline.year and (dateline.month, dateline.day) == (
            day.month, day.day):
        confidence += AGREE_BONUS  # a yearless dateline naming the same day agrees too
    stamp = next((c.stamp for c in candidates if c.kind == best_kind and c.day == day and c.stamp), None)
    note = f"from {EVIDENCE_LABELS[best_kind]}"
    if len(agree) > 1:
        others = sorted(agree - {best_kind}, key=_EVIDENCE_RANK.get)
        note += "; agrees: " + ", ".join(EVIDENCE_LABELS[k] for k in others)
    if disagree:
        note += "; other days from " + ", ".join(EVIDENCE_LABELS[k] for k in sorted(disagree, key=_EVIDENCE_RANK.get))
    ordered = tuple(x for x in listed if x.startswith(day.isoformat())) + tuple(
        x for x in listed if not x.startswith(day.isoformat()))
    return stamp or day, source, round(min(MAX_CONFIDENCE, max(confidence, MIN_CONFIDENCE)), 2), note, ordered


def _publisher_zone(meta):
    """The publisher's clock: an explicit non-UTC offset used elsewhere on the page, else the country domain's
    main time zone, else None (UTC stays UTC)."""
    for value, _kind, _weight in meta.dates:
        m = ISO_DATE.search(value)
        if m and m.group("tz") and m.group("tz") not in UTC_NAMES and fixed_offset(m.group("tz")):
            return fixed_offset(m.group("tz"))
    host = urlsplit(meta.url).hostname if meta.url else None
    if host:
        zone = _COUNTRY_ZONES.get(host.rsplit(".", 1)[-1].lower())
        if zone:
            return ZoneInfo(zone)
    return None


def _plausible(day: dt.date) -> bool:
    """True for a day a news page can have been published on (not before the web's news sites, not ahead)."""
    return EARLIEST_PUBLICATION <= day <= dt.date.today() + dt.timedelta(days=FUTURE_SLACK_DAYS)


def _candidate(value: str, kind: str, weight: int, zone) -> DateCandidate | None:
    """A candidate from a metadata date value; None when unreadable or implausible (a placeholder)."""
    stamp = read_date(value)
    if stamp is None:
        return None
    if isinstance(stamp, dt.datetime):
        if stamp.tzinfo is not None and stamp.utcoffset() == dt.timedelta(0) and zone is not None:
            stamp = stamp.astimezone(zone)
        day = stamp.date()
    else:
        day, stamp = stamp, None
    return DateCandidate(day, kind, weight, stamp) if _plausible(day) else None


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
            if _plausible(day):
                return [DateCandidate(day, "url", EVIDENCE_WEIGHTS["url"])]
    return []


def _htmldate_candidates(fast: str | None) -> list[DateCandidate]:
    """htmldate's fast original-date search, as run by trafilatura. (Its extensive search is not used: it
    runs dateparser over the whole page, seconds per page, and falls back to January 1st of a copyright year;
    byline_date_candidates covers the visible dates it would find.)"""
    try:
        day = dt.date.fromisoformat(fast[:10]) if fast else None
    except ValueError:
        return []
    return [DateCandidate(day, "htmldate", EVIDENCE_WEIGHTS["htmldate"])] if day else []


def byline_date_candidates(tree, language: str | None) -> list[DateCandidate]:
    """The first visible date in an element whose class or id marks it as the publication date ("published-date",
    "byline", "timestamp"), read in the page's language."""
    for el in tree.iter(etree.Element):
        if len(el) > MAX_BYLINE_CHILDREN or el.tag in NOT_CONTENT:
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if not _BYLINE_MARK.search(marks) or _NOT_PUBLISHED_MARK.search(marks):
            continue
        written = collapse(el.text_content())
        if not MIN_BYLINE_DATE_CHARS <= len(written) <= MAX_WRITTEN_DATE_CHARS:
            continue
        if not any(ch.isdigit() for ch in written):
            continue
        stamp = read_date(_LABEL.sub("", written), language)
        if stamp is not None:
            day = stamp.date() if isinstance(stamp, dt.datetime) else stamp
            if _plausible(day):
                return [DateCandidate(day, "byline", EVIDENCE_WEIGHTS["byline"])]
    return []
