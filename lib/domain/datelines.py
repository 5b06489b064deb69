"""Wire datelines (``MOSCOW, September 25. /TASS/.``, ``WASHINGTON (Reuters) -``): a table-driven grammar.

Each row of DATELINE_ROWS is one written form: a regex built from shared fragments (place, date, agency,
separator) with named groups, as datasette's ``filters.py`` registers filters as data. ``match_dateline``
tries the rows in order at the start of a text; outlet names pass through lib.domain.outlets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lib.domain.calendar import (MONTH_NUMBERS, WEEKDAY_ABBREVIATIONS, WEEKDAY_NUMBERS, days_in_month, month_number,
                                 month_pattern)
from lib.domain.outlets import canonical_outlet, is_known_outlet


@dataclass(frozen=True)
class DatelineMatch:
    """A dateline at the start of a text: as written, where the body starts, and what it says."""

    raw: str  # the dateline as written (without the dash that separates it from the body)
    end: int  # offset just past the dateline, its separator and the following spaces
    place: str | None
    outlet: str | None
    via: str | None
    year: int | None
    month: int | None
    day: int | None




# All-caps words that open a paragraph with a dash but are labels, not places.
NOT_PLACES = frozenset({
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL", "COMMENT", "NOTE",
    "CORRECTION", "WATCH", "LIVE", "VIDEO", "PHOTOS", "URGENT", "FLASH", "ALERT", "FACT CHECK", "REVIEW",
    "EDITOR'S NOTE", "UPDATE 1", "UPDATE 2", "UPDATE 3", "THE", "A", "AN", "IT", "WE", "I", "US", "UK", "EU",
})

# First words that make an all-caps opening a sentence, not a place ("A FIRE — BOMB attack ..."); THE HAGUE stays.
NOT_PLACE_OPENINGS = frozenset({"A", "AN", "BY", "FOR", "IN", "ON", "AT", "IF", "AS", "TO", "OF", "WHEN", "AFTER"})

_MONTH_RE = "(?i:" + month_pattern() + ")"  # English and Russian, full and abbreviated
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
# A date as written in datelines: "September 25", "Sept. 25", "Oct 3", "25 September", "30th September, 2020",
# "September 25, 2020", "25 сентября", "25.09.2020". Parsed afterwards by parse_dateline_date.
DATE = (rf"(?:(?:{_MONTH_RE})\.?\s+{_DAY}(?:,?\s+{_YEAR})?"
        rf"|{_DAY}\s+(?:of\s+)?(?:{_MONTH_RE})\.?(?:,?\s+{_YEAR})?"
        rf"|\d{{1,2}}[./]\d{{1,2}}[./]{_YEAR})")
# Optional weekday before the date ("Friday, Sept. 25").
WEEKDAY = r"(?i:(?:" + "|".join(sorted(WEEKDAY_NUMBERS, key=len, reverse=True)) + r")\.?,?\s+)?"
_NOT_REGION = r"(?:" + "|".join(abbrs[0].capitalize() for abbrs in WEEKDAY_ABBREVIATIONS) + "|" + _MONTH_RE + r")"
# Places: ALL-CAPS words ("NEW YORK", "ST. PETERSBURG", "MOSCOW", "МОСКВА"), optionally followed by a
# title-case region ("SAN JUAN, Puerto Rico"); or a Title-Case place, accepted only before a known agency.
_CAPS_WORD = r"[A-ZÀ-ÞА-ЯЁ][A-ZÀ-ÞА-ЯЁ'’.\-]*"
CAPS_PLACE = rf"{_CAPS_WORD}(?:[ \-]{_CAPS_WORD}){{0,4}}(?:,\s+(?!{_NOT_REGION})[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+\.?){{0,2}}(?=\s*[,(.—–-]))?"
_TITLE_WORD = r"[A-ZА-ЯЁ][a-zа-яё'’.\-]+"
TITLE_PLACE = rf"{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,3}}(?:,\s+{_TITLE_WORD}(?:\s+{_TITLE_WORD})?)?"
# An agency name inside parentheses or slashes: 1-5 words, starts with a capital letter.
AGENCY = r"[^\W\d_][\w.&'’\-]*(?:\s+[\w.&'’\-]+){0,4}"
DASH = r"(?:-{1,2}|[—–])"

# (name, pattern, requires_known_outlet). Groups: place, outlet, via, date. The pattern ends where the
# body starts (separator and spaces included). Rows are tried in order; the first match wins.
DATELINE_ROWS = (
    # MOSCOW, September 25. /TASS/.   МОСКВА, 25 сентября. /ТАСС/.
    ("slashed-agency", rf"(?P<place>{CAPS_PLACE}),\s+(?P<date>{DATE})\.?\s*/(?P<outlet>{AGENCY})/\.?\s*", False),
    # GENOA (UrduPoint News / Sputnik - 30th September, 2020)    ISLAMABAD, (UrduPoint / Pakistan Point News - 25th Sep, 2020) :
    ("agency-date-in-parens",
     rf"(?P<place>{CAPS_PLACE}),?\s+\((?P<outlet>{AGENCY}?)\s*(?:/\s*(?P<via>{AGENCY}?)\s*)?{DASH}\s*"
     rf"(?P<date>{DATE})\s*\)\s*(?:[:.]|{DASH})?\s*", False),
    # LONDON, Oct 3 (Reuters) -   BEIJING, Sept. 25 (Xinhua) --   MOSCOW. Sept 25 (Interfax) -
    ("place-date-agency",
     rf"(?P<place>{CAPS_PLACE})[,.]\s+{WEEKDAY}(?P<date>{DATE})\s*\((?P<outlet>{AGENCY})\)\s*(?:{DASH}|:)?\s*", False),
    # WASHINGTON (Aug. 13) --   (a date in parentheses, no agency)
    ("place-date-in-parens", rf"(?P<place>{CAPS_PLACE})\s*\({WEEKDAY}(?P<date>{DATE})\)\s*(?:{DASH}|:)\s*", False),
    # WASHINGTON (Reuters) -   NEW YORK (AP) —   PARIS (AFP) -   SAN JUAN, Puerto Rico (AP) —
    ("place-agency", rf"(?P<place>{CAPS_PLACE})\s*\((?P<outlet>{AGENCY})\)\s*(?:{DASH}|:)\s*", False),
    # Washington (CNN) --   Washington (CNN)President ...   (known agencies only: "Putin (right)" is no dateline)
    ("titlecase-place-agency", rf"(?P<place>{TITLE_PLACE})\s*\((?P<outlet>{AGENCY})\)\s*(?:{DASH}|:)?\s*", True),
    # МОСКВА, 25 сен — РИА Новости.   MOSCOW, Sept 25 - RIA Novosti.
    ("place-date-dash-agency",
     rf"(?P<place>{CAPS_PLACE}),\s+(?P<date>{DATE})\s*{DASH}\s*(?P<outlet>{AGENCY})\.\s+", True),
    # WASHINGTON, Sept. 25 —   WASHINGTON —   (bare newspaper form: a dash must follow)
    ("bare-place-date", rf"(?P<place>{CAPS_PLACE}),\s+{WEEKDAY}(?P<date>{DATE})\s*{DASH}\s*", False),
    ("bare-place", rf"(?P<place>{CAPS_PLACE})\s+{DASH}\s*", False),
)
_COMPILED = tuple((name, re.compile(r"\s*" + pattern), known) for name, pattern, known in DATELINE_ROWS)
_MAX_DATELINE = 160  # datelines are short; never scan further


_DATE_PARTS = (
    re.compile(rf"(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>{_YEAR}))?", re.I),
    re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_RE})\.?(?:,?\s+(?P<year>{_YEAR}))?",
               re.I),
    re.compile(rf"(?P<day>\d{{1,2}})[./](?P<month>\d{{1,2}})[./](?P<year>{_YEAR})"),
)


def parse_dateline_date(written: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a dateline date as written; None when it is no valid day."""
    for pattern in _DATE_PARTS:
        m = pattern.fullmatch(written.strip())
        if not m:
            continue
        month_text = m.group("month")
        month = int(month_text) if month_text.isdigit() else month_number(month_text)
        day = int(m.group("day"))
        year = int(m.group("year")) if m.group("year") else None
        if month is None or not 1 <= month <= 12 or not 1 <= day <= days_in_month(month, year):
            return None
        return year, month, day
    return None


def match_dateline(text: str) -> DatelineMatch | None:
    """The dateline opening ``text`` (leading spaces allowed), or None when it opens with none."""
    head = text[:_MAX_DATELINE]
    for _name, pattern, known_only in _COMPILED:
        m = pattern.match(head)
        if m is None:
            continue
        found = _build_match(m, known_only)
        if found is not None:
            return found
    return None


_SEPARATOR = re.compile(r"[\s\-\u2010-\u2015:.]*")  # the dash, colon or full stop a dateline ends with


# A date line: a line that is only a date, as pages print it at the top of a text ("First Published: June 13, 2013
# 4:59 PM EDT", "Posted on Thu Jun 13, 2013", "Friday August 2, 2013 @ 8:13am PDT", "14 June 2013"): at most
# DATE_LINE_CHARS long, with a digit, and no word but a label, a weekday, a month and a time's. A text opens with at
# most DATE_LINE_PARAGRAPHS of them.
DATE_LINE_PARAGRAPHS = 3
DATE_LINE_CHARS = 80
_DATE_LINE_WORDS = frozenset(MONTH_NUMBERS) | frozenset(WEEKDAY_NUMBERS) | frozenset(
    "published posted first originally updated last article story created date dated on at of the am pm a m p hrs h "
    "gmt utc bst ist est edt cst cdt mst mdt pst pdt et pt ct mt akdt akst cet cest uk st nd rd th".split())
_LETTER_WORD = re.compile(r"[^\W\d_]+")
_WIRE_CAPS_WORDS = 3  # an agency and a place ("TNN", "NEW DELHI") beside a wire dateline's date
_YEAR_OR_TIME = re.compile(r"(?<!\d)(?:(?:19|20)\d{2}|\d{1,2}[ \t]*[.:][ \t]*\d{2})(?!\d)")


def is_date_line(line) -> bool:
    """Whether a line is only a date, as a page prints it above or below its headline (see _DATE_LINE_WORDS), or a
    wire dateline: a day with its year or time and a few words in capitals, the agency and place ("TNN Nov 12, 2011,
    05. 51AM IST MUMBAI:", "PTI | Updated: Mar 3, 2020, 10:41 IST")."""
    if not (isinstance(line, str) and 0 < len(line.strip()) <= DATE_LINE_CHARS and any(c.isdigit() for c in line)):
        return False
    words = _LETTER_WORD.findall(line)
    if all(w.casefold() in _DATE_LINE_WORDS for w in words):
        return True
    caps = [w for w in words if w.casefold() not in _DATE_LINE_WORDS]
    return len(caps) <= _WIRE_CAPS_WORDS and all(w.isupper() and len(w) > 1 for w in caps) \
        and any(w.casefold() in MONTH_NUMBERS for w in words) and bool(_YEAR_OR_TIME.search(line))


def body_start(text: str, dateline: str | None = None, start: int = 0, end: int | None = None) -> int:
    """Offset where the body begins in ``text[start:end]``: past the date lines that open it (is_date_line), then
    past the recorded ``dateline`` when the span opens with it (wire copy keeps its dateline in the text), else past a
    dateline the grammar reads there, else ``start`` (or past those date lines)."""
    end = len(text) if end is None else end
    at = start
    while at < end and text[at].isspace():
        at += 1
    for _ in range(DATE_LINE_PARAGRAPHS):
        line_end = text.find("\n", at, end)
        line_end = end if line_end < 0 else line_end
        if line_end == end or not is_date_line(text[at:line_end]):
            break  # a date line is followed by the text it dates
        at = line_end
        while at < end and text[at].isspace():
            at += 1
        start = at
    written = dateline.strip() if isinstance(dateline, str) else ""
    if written and text.startswith(written, at):
        return min(end, _SEPARATOR.match(text, at + len(written)).end())
    found = match_dateline(text[at:end])
    return at + found.end if found is not None else start


def _build_match(m: re.Match, known_only: bool) -> DatelineMatch | None:
    """Check one row's regex match against the tables and turn it into a DatelineMatch (None if rejected)."""
    groups = m.groupdict()
    place = " ".join(groups["place"].split()).rstrip(",")
    if place.upper() in NOT_PLACES or place.rstrip(".") in NOT_PLACES or place.split()[0] in NOT_PLACE_OPENINGS:
        return None
    outlet_written = groups.get("outlet")
    if outlet_written is not None and not outlet_written.strip():
        outlet_written = None
    if known_only and (outlet_written is None or not is_known_outlet(outlet_written)):
        return None
    if outlet_written is not None and not _looks_like_agency(outlet_written):
        return None
    year = month = day = None
    if groups.get("date"):
        parsed = parse_dateline_date(groups["date"])
        if parsed is None:
            return None
        year, month, day = parsed
    start = m.start("place")
    raw = m.string[start:m.end()].rstrip()
    raw = re.sub(rf"\s*{DASH}$", "", raw).rstrip(" :")
    return DatelineMatch(raw=raw, end=m.end(), place=place, outlet=canonical_outlet(outlet_written),
                         via=canonical_outlet(groups.get("via")), year=year, month=month, day=day)


def _looks_like_agency(written: str) -> bool:
    """An agency name is short and not a sentence fragment ("AP", "UrduPoint News"; not "right, pictured")."""
    if is_known_outlet(written):
        return True
    words = written.split()
    return (0 < len(words) <= 4 and not any(w.islower() and len(w) > 3 for w in words)
            and not any(ch.isdigit() for ch in written))
