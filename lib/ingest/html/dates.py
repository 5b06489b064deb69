"""An HTML page's publication date: each kind of date evidence the page carries answers with a day, and a
measured order decides.

htmldate (``original_date=True``, its extensive search included, run once inside trafilatura) is the floor. The
page's own explicit claims (a date in the URL's path, JSON-LD ``datePublished``, publication meta tags, the date
shown just below the headline) overrule it when they agree with one another: on the development slices of both
HTML sets each is more precise than htmldate, and each is right more often than htmldate where the two differ
(the URL's day never differs from htmldate's there: htmldate reads the URL too). When the claims disagree, the
date under the headline decides if another kind of evidence names its day too, else htmldate's day if it is one
of theirs. Below htmldate, and used only when it finds nothing: a wire dateline (no page of either set has a
dated one, so its reliability is unmeasured), ``<time pubdate>``, a visible byline date read in the page's
language, the last-modified date, any ``<time>``. UTC times are read on the publisher's
clock when the site's zone is known (another offset on the page, its country domain); otherwise a URL's day the
UTC time can have fallen on is taken as the local day. Written dates are read by lib.domain.calendar.read_date;
URL dates by lib.ingest.urls. Every decision comes with a note saying where the date came from and why.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Sequence
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from lxml import etree

from lib.domain.calendar import ISO_DATE, MAX_WRITTEN_DATE_CHARS, UTC_NAMES, fixed_offset, read_date
from lib.domain.languages import language_code
from lib.ingest.html.markup import NOT_CONTENT, collapse, inside
from lib.ingest.urls import plausible_publication_day, url_date
from lib.ingest.written import BYLINE_CONFIDENCE, first_written_day

# Kinds of date evidence, most reliable first: (kind, Article.date_source, confidence when it decides).
# The order is measured, not assumed: each kind's precision (its answer is the gold day) on the development
# slices of both HTML sets, and how often it is right where it and htmldate name different days
# (``python -m bench.html_eval --signals`` prints the table). htmldate is the floor: only the page's own
# explicit claims (PAGE_CLAIMS), which beat it on both sets where they differ, rank above it; the kinds below
# it were right less often than htmldate where they differed and only speak when htmldate finds nothing.
# The confidences follow the measured precisions.
DATE_EVIDENCE = (
    ("url", "url", 0.95),
    ("json-ld", "metadata", 0.93),
    ("meta", "metadata", 0.92),
    ("headline", "byline", 0.9),
    ("htmldate", "metadata", 0.88),
    ("dateline", "dateline", 0.86),  # no page of either set has a dated dateline: unmeasured, so below the floor
    ("time-pubdate", "metadata", 0.85),
    ("byline", "byline", BYLINE_CONFIDENCE),
    ("modified", "metadata", 0.72),  # a page's last change: its publication when nothing else dates it
    ("time", "byline", 0.7),
)
# The page's own explicit publication claims: they overrule htmldate when they agree with one another. When
# they disagree (a related story's JSON-LD, a stale meta tag, a URL made the day before) the page contradicts
# itself, and htmldate's day decides if it is one of theirs (see decide_page_date).
PAGE_CLAIMS = ("url", "json-ld", "meta", "headline")
# Kinds that name the publisher's local day (a URL path, a wire dateline), for reading a UTC time whose zone
# is unknown (see _local_reading).
LOCAL_DAY_KINDS = ("url", "dateline")
# The zones news publishers keep, from the American west coast to New Zealand: a UTC time on a site whose zone
# is unknown fell, locally, on a day between its time at the first offset and its time at the second.
PUBLISHER_OFFSETS_HOURS = (-8, 13)
_EVIDENCE = {kind: (source, conf) for kind, source, conf in DATE_EVIDENCE}
_EVIDENCE_RANK = {kind: i for i, (kind, _, _) in enumerate(DATE_EVIDENCE)}
# How each kind of evidence reads in Article.date_note.
EVIDENCE_LABELS = {
    "json-ld": "JSON-LD datePublished", "meta": "a publication-time meta tag", "time-pubdate": "a <time pubdate>",
    "url": "the URL", "dateline": "the dateline", "htmldate": "htmldate", "byline": "the visible byline date",
    "time": "a <time> element", "modified": "the last-modified date",
    "headline": "the date shown under the headline",
}
# Why each kind of evidence decides when it does, for Article.date_note (see DATE_EVIDENCE for the measurements).
EVIDENCE_REASONS = {
    "url": "a date in the URL's path is the day the site filed the story",
    "json-ld": "the page's structured data states its publication time",
    "meta": "the page's metadata states its publication time",
    "dateline": "the wire dateline dates the story, and nothing more reliable dates the page",
    "htmldate": "htmldate's search of the page finds it and the page states no publication time of its own",
    "time-pubdate": "the page marks it as the publication time, and nothing more reliable dates the page",
    "byline": "the page shows it by its author's name, and nothing more reliable dates the page",
    "modified": "the page's last change is the only date it carries",
    "time": "the only dated element on the page",
    "headline": "the page shows it to the reader under its title, and nothing more reliable dates the page",
}
# Weight of a candidate among its kind, for the kinds found outside the page's metadata (metadata claims
# carry their own, see lib.ingest.html.metadata): one URL date is as sure as a main JSON-LD claim.
EVIDENCE_WEIGHTS = {"url": 3, "dateline": 2, "htmldate": 2, "byline": 1, "headline": 1, "modified": 1}
# Confidence moves: each other kind naming the same day adds, each naming another day takes away; the result
# stays inside (MIN_CONFIDENCE, MAX_CONFIDENCE) because no page's own claim is certain or worthless.
AGREE_BONUS, DISAGREE_PENALTY = 0.03, 0.05
MIN_CONFIDENCE, MAX_CONFIDENCE = 0.3, 0.99
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

_BYLINE_MARK = re.compile(r"date|time|publish|posted|byline|dateline")
_NOT_PUBLISHED_MARK = re.compile(r"updat|modif|comment|copyright|footer|expir|event|weather")
# A visible date names its own day: a year, or a numeric day.month.year; relative dates ("2 hours ago") count
# from the moment the page was saved, which nobody knows, and would read as the day it is parsed.
_WHOLE_DATE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2}(?!\d)")
# Text nodes after an element in document order, outside scripts and styles.
_TEXT_AFTER = "following::text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]"
# Characters of visible text below the headline searched for its date: the byline line and a standfirst's start.
HEADLINE_WINDOW_CHARS = 300
_LABEL = re.compile(r"^[^\w]*(?:[^\W\d]+\s*){0,3}:\s*|^[^\w]+")  # "Published: ", "/ "


@dataclass(frozen=True)
class DateCandidate:
    """One dated claim the page makes: the day it names, where it comes from, how much it weighs."""

    day: dt.date
    kind: str  # a DATE_EVIDENCE kind
    weight: int
    stamp: dt.datetime | None = None  # the full time when the claim carries one (publisher's clock)
    clock: str | None = None  # how a UTC time was moved to the publisher's clock, for the note
    utc_unzoned: bool = False  # a UTC time on a site whose zone is unknown: its local day is uncertain


def date_evidence(tree, meta, dateline, htmldate_value: str | None = None,
                  language: str | None = None) -> list[DateCandidate]:
    """Every dated claim the page carries, of every DATE_EVIDENCE kind; ``htmldate_value`` is htmldate's
    original-date answer for the page (run inside trafilatura)."""
    zone = _publisher_zone(meta)
    # metadata values are machine-written: read as written, not in the visible text's language
    candidates = [c for value, kind, weight in meta.dates if (c := _candidate(value, kind, weight, zone))]
    found = url_date(meta.url)
    if found is not None:
        candidates.append(DateCandidate(found.day, "url", EVIDENCE_WEIGHTS["url"]))
    if dateline is not None and dateline.year and dateline.month and dateline.day:
        try:
            day = dt.date(dateline.year, dateline.month, dateline.day)
            candidates.append(DateCandidate(day, "dateline", EVIDENCE_WEIGHTS["dateline"]))
        except ValueError:
            pass
    candidates += _htmldate_candidates(htmldate_value)
    day_first = _day_first(language, meta.url, meta.languages)
    candidates += byline_date_candidates(tree, language, day_first)
    candidates += headline_date_candidates(tree, language, day_first)
    return candidates


def kind_days(candidates: list[DateCandidate]) -> dict[str, DateCandidate]:
    """Each kind's own answer: the day its candidates weigh most for (ties: the earliest, the original date)."""
    votes: dict[tuple[str, dt.date], int] = {}
    for c in candidates:
        votes[c.kind, c.day] = votes.get((c.kind, c.day), 0) + c.weight
    best: dict[str, DateCandidate] = {}
    for c in candidates:
        held = best.get(c.kind)
        key = (votes[c.kind, c.day], -c.day.toordinal(), c.stamp is not None)
        if held is None or key > (votes[held.kind, held.day], -held.day.toordinal(), held.stamp is not None):
            best[c.kind] = c
    return best


def decide_page_date(tree, meta, dateline, htmldate_value: str | None = None, language: str | None = None) -> tuple:
    """(published, date_source, confidence, note, candidates) from every date claim the page carries.

    Each kind of evidence answers with its own day (kind_days). The page's own claims (PAGE_CLAIMS) decide when
    they agree; when they disagree, htmldate's day if it is one of theirs, else the most reliable claim's; without
    them, the most reliable kind that answers (DATE_EVIDENCE). The confidence is the deciding kind's, raised by
    each other kind naming the same day and lowered by each naming another.
    """
    candidates = date_evidence(tree, meta, dateline, htmldate_value, language)
    if not candidates:
        return (None, "unknown", 0.0,
                "date unknown: the page carries no date (no date metadata, none in the URL or the visible text)", ())
    answers = _local_reading(kind_days(candidates))
    guess = answers.get("htmldate")
    if guess is not None and (guess.day.month, guess.day.day) == (1, 1) and not any(
            c.day == guess.day for k, c in answers.items() if k != "htmldate"):
        # htmldate's extensive search falls back to January 1st of a year it finds (a copyright line): alone,
        # that is a year, not a day (none of these was the publication day on the development slices)
        del answers["htmldate"]
        if not answers:
            return (None, "unknown", 0.0, f"date unknown: htmldate finds only the year {guess.day.year}, and the page "
                    "carries no other date", (f"{guess.day.isoformat()} htmldate",))
    claims = [k for k in sorted(answers, key=_EVIDENCE_RANK.get) if k in PAGE_CLAIMS]
    claimed = {answers[k].day for k in claims}
    if len(claimed) <= 1:
        best_kind = claims[0] if claims else min(answers, key=_EVIDENCE_RANK.get)
        day, reason = answers[best_kind].day, EVIDENCE_REASONS[best_kind]
    else:
        # The page contradicts itself. The date shown to the reader under the headline decides when another kind
        # of evidence (a last-modified date, a byline, htmldate, ...) names its day too: where the claims disagree
        # and htmldate names another day, such a headline date was right on 13 of 15 pages of the 779-page set's
        # development slice (htmldate on 2). A headline date nothing else names was right on 1 of 6 there (htmldate
        # on 5: the window caught a related story's or a misread date), so it does not decide (the news set's
        # development slice has no page with disagreeing claims and a headline date). Else htmldate's
        # day, which counts as a vote only when a claim other than the URL names it (htmldate reads the URL too);
        # without such a vote, a stated publication time beats the URL's day (the day the story's slot was made)
        # once the clock cannot explain the difference (_local_reading).
        stated = sorted((k for k in claims if k != "url"), key=_EVIDENCE_RANK.get) + ["url"] * ("url" in claims)
        voted = answers["htmldate"].day if "htmldate" in answers else None
        shown = answers.get("headline")
        if shown is not None and any(c.day == shown.day for k, c in answers.items() if k != "headline"):
            best_kind = "headline"
            reason = ("the page's own date claims disagree, and this is the date it shows under the headline, "
                      "which other evidence on the page names too")
        elif (best_kind := next((k for k in stated if k != "url" and answers[k].day == voted), None)) is not None:
            reason = "the page's own date claims disagree, and htmldate's search of the page finds this one"
        else:
            best_kind = stated[0]
            reason = "the page's own date claims disagree, and a stated publication time outranks a URL's day"
        day = answers[best_kind].day
    chosen = answers[best_kind]
    agree = {k for k, c in answers.items() if c.day == day}
    disagree = {k for k, c in answers.items() if c.day != day}
    source, confidence = _EVIDENCE[best_kind]
    confidence = confidence + AGREE_BONUS * (len(agree) - 1) - DISAGREE_PENALTY * len(disagree)
    if dateline is not None and dateline.month and not dateline.year and (dateline.month, dateline.day) == (
            day.month, day.day):
        confidence += AGREE_BONUS  # a yearless dateline naming the same day agrees too
    note = f"{day.isoformat()} from {EVIDENCE_LABELS[best_kind]}"
    if chosen.clock:
        note += f" ({chosen.clock})"
    note += f": {reason}"
    if len(agree) > 1:
        others = sorted(agree - {best_kind}, key=_EVIDENCE_RANK.get)
        note += "; agrees: " + ", ".join(EVIDENCE_LABELS[k] + (f" ({answers[k].clock})" if answers[k].clock else "")
                                         for k in others)
    if disagree:
        note += "; other days: " + ", ".join(f"{EVIDENCE_LABELS[k]} {answers[k].day.isoformat()}"
                                             for k in sorted(disagree, key=_EVIDENCE_RANK.get))
    # each kind's answer, most reliable kind first, the chosen one leading; then the kinds' other candidates
    ranked = [best_kind] + [k for k in sorted(answers, key=_EVIDENCE_RANK.get) if k != best_kind]
    ordered = tuple(dict.fromkeys(
        [f"{answers[k].day.isoformat()} {k}" for k in ranked]
        + [f"{c.day.isoformat()} {c.kind}" for c in sorted(candidates, key=lambda c: _EVIDENCE_RANK[c.kind])]))
    published = chosen.stamp if chosen.stamp is not None and chosen.stamp.date() == day else day
    return published, source, round(min(MAX_CONFIDENCE, max(confidence, MIN_CONFIDENCE)), 2), note, ordered


def _local_reading(answers: dict[str, DateCandidate]) -> dict[str, DateCandidate]:
    """Answers with each UTC time of unknown zone read on the local day a local-day kind names, when that day is
    one the time fell on in a publisher's zone (PUBLISHER_OFFSETS_HOURS): "2023-11-09T03:28Z" on a page whose
    URL says 2023/11/08 was published on the evening of the 8th, American time."""
    local = next((answers[k] for k in LOCAL_DAY_KINDS if k in answers), None)
    if local is None:
        return answers
    west, east = (dt.timedelta(hours=h) for h in PUBLISHER_OFFSETS_HOURS)
    out = dict(answers)
    for kind, c in answers.items():
        if c.utc_unzoned and c.stamp is not None and c.day != local.day and (
                (c.stamp + west).date() <= local.day <= (c.stamp + east).date()):
            out[kind] = replace(c, day=local.day, stamp=None, clock=(
                f"{c.stamp.isoformat()} is UTC and the site's zone unknown: {EVIDENCE_LABELS[local.kind]}'s "
                f"{local.day.isoformat()} is the local day it fell on"))
    return out


def _publisher_zone(meta):
    """(the publisher's clock, how it is known): an explicit non-UTC offset used elsewhere on the page, else the
    country domain's main time zone, else None (the site's zone is unknown: a UTC time keeps its UTC day)."""
    for value, _kind, _weight in meta.dates:
        m = ISO_DATE.search(value)
        if m and m.group("tz") and m.group("tz") not in UTC_NAMES and fixed_offset(m.group("tz")):
            return fixed_offset(m.group("tz")), f"the publisher's clock (UTC{m.group('tz')}, written on the page)"
    host = urlsplit(meta.url).hostname if meta.url else None
    if host:
        suffix = host.rsplit(".", 1)[-1].lower()
        zone = _COUNTRY_ZONES.get(suffix)
        if zone:
            return ZoneInfo(zone), f"the publisher's clock ({zone}, from the .{suffix} domain)"
    return None


def _candidate(value: str, kind: str, weight: int, zone) -> DateCandidate | None:
    """A candidate from a metadata date value; None when unreadable or implausible (a placeholder)."""
    stamp = read_date(value)
    if stamp is None:
        return None
    if isinstance(stamp, dt.datetime):
        clock, utc = None, stamp.tzinfo is not None and stamp.utcoffset() == dt.timedelta(0)
        if utc and zone is not None:
            local = stamp.astimezone(zone[0])
            if local.date() != stamp.date():
                clock = f"{value.strip()} is UTC: {local.date().isoformat()} on {zone[1]}"
            stamp, utc = local, False
        day = stamp.date()
    else:
        day, stamp, clock, utc = stamp, None, None, False
    return DateCandidate(day, kind, weight, stamp, clock, utc) if plausible_publication_day(day) else None


def _htmldate_candidates(value: str | None) -> list[DateCandidate]:
    """htmldate's original-date answer (its extensive search included), as run by trafilatura."""
    try:
        day = dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return []
    return [DateCandidate(day, "htmldate", EVIDENCE_WEIGHTS["htmldate"])] if day else []


def byline_date_candidates(tree, language: str | None, day_first: bool = False) -> list[DateCandidate]:
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
        if not _WHOLE_DATE.search(written):
            continue  # "vor 2 Stunden", "3 hours ago", "today, 14:30": a day counted from when the page was saved
        stamp = read_date(_LABEL.sub("", written), language, day_first)
        if stamp is not None:
            day = stamp.date() if isinstance(stamp, dt.datetime) else stamp
            if plausible_publication_day(day):
                return [DateCandidate(day, "byline", EVIDENCE_WEIGHTS["byline"])]
    return []


def headline_date_candidates(tree, language: str | None, day_first: bool = False) -> list[DateCandidate]:
    """The first whole date in the visible text just below the page's headline (its first <h1> outside the page
    furniture): where pages show the publication date to the reader, whatever the element's class says."""
    for h1 in tree.iter("h1"):
        if inside(h1, tuple(NOT_CONTENT)):
            continue
        seen, parts = 0, []
        for node in h1.xpath(_TEXT_AFTER):
            text = collapse(str(node))
            if not text:
                continue
            parts.append(text)
            seen += len(text)
            if seen >= HEADLINE_WINDOW_CHARS:
                break
        day = first_written_day(" ".join(parts)[:HEADLINE_WINDOW_CHARS], language, day_first)
        return [DateCandidate(day, "headline", EVIDENCE_WEIGHTS["headline"])] if day else []
    return []


def _day_first(language: str | None, url: str | None, declared: Sequence[str] = ()) -> bool:
    """Whether a numeric date on the page is written day first ("04.02.2022", "04/02/2022"): everywhere but on
    English pages outside a country domain (American sites write the month first; British, Irish, Indian,
    Australian ones do not), or whose declared language names no such country ("en-GB" on an msn.com page)."""
    if language_code(language) != "en":
        return language is not None
    regions = {m.group(1).lower() for v in declared if (m := _ENGLISH_REGION.match(v.strip()))}
    if any(_REGION_ZONES.get(r, r) in _COUNTRY_ZONES for r in regions):
        return True
    host = urlsplit(url).hostname if url else None
    return bool(host) and host.rsplit(".", 1)[-1].lower() in _COUNTRY_ZONES


_ENGLISH_REGION = re.compile(r"en[-_]([A-Za-z]{2})\b")  # "en-GB", "en_AU": English as a country writes it
_REGION_ZONES = {"gb": "uk"}  # a region subtag whose country domain differs
