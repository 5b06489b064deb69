"""Dated expressions in text: every date or period a text mentions, with offsets, resolved against a given day.

Method: a table of precompiled patterns (rows of kind, starter tokens, regex); one scan of the text's word and
digit tokens tries each pattern only where one of its starters stands. Overlapping candidates are resolved by
keeping the longest span (so "May 25, 1972" wins over "May 25" and "1972"); each kind has a resolver that turns
the match into (value, granularity, relative), and a yearless date joined to a dated one takes its year. Regex groups already give
day, month and year, so dateparser is not needed for absolute forms, and relative forms ("last year", "on
Friday", "two years ago") are date arithmetic on the article's day (dateparser would need a settings object
per article for RELATIVE_BASE and is ~100x slower per call).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from lib.domain.calendar import (DAY_WORD_STEPS, ENGLISH_MONTHS, MONTH_ROWS, NUMBER_WORDS, ORDINAL_WORDS, SEASONS,
                                  WEEKDAY_ABBREVIATIONS, WEEKDAY_NUMBERS, WEEKDAYS, safe_date, shift_months, weekday_number,
                                  weekday_on_or_after, weekday_on_or_before)

# Words before a weekday that make it a named day or event, not a day of the week near the article's date.
WEEKDAY_EVENT_PREFIXES = frozenset(
    "good black cyber super ash holy maundy easter palm bloody whit shrove giving plough trinity oscar bowl".split()
)
# Words after a 4-digit number that make it a count or a measure, not a year.
COUNT_WORDS = frozenset("""
people persons men women children kids troops soldiers police officers workers employees staff residents
refugees migrants civilians protesters voters students patients cases deaths dead victims families homes
houses jobs votes seats members delegates pages words units cars vehicles tonnes tons barrels acres hectares
km kilometres kilometers miles metres meters feet ft m kg pounds lb mw gw kw sq square cubic percent
per hours hrs gmt utc local bc bce
""".split())
# Strong cues before a 4-digit number that make it a year even outside the usual range.
YEAR_CUES = frozenset("""
in since until till by from during before after between year years circa c early late mid fiscal spring
summer autumn fall winter through throughout as of around and or to
""".split())

_month_alternatives = []
for _num, _full, _abbrs, _ in MONTH_ROWS:
    _month_alternatives += [_full, _full.upper()]
    for _a in _abbrs:
        _month_alternatives += [_a + r"\.", _a.upper() + r"\.", _a, _a.upper()]
_MON = r"(?P<mon>" + "|".join(_month_alternatives) + r")\b\.?"
_MON_FULL = r"(?P<mon>" + "|".join(full for _, full, _, _ in MONTH_ROWS) + r")\b"
_WD = "|".join(WEEKDAYS)
_SEASON_ANY_CASE = "|".join(f"[{s[0].upper()}{s[0]}]{s[1:]}" for s in SEASONS)  # "Summer 2019", "summer of 2019"
# The day words, as written at a sentence start or inside one, longest first ("the day before yesterday").
_DAY_WORDS = "|".join(f"[{w[0].upper()}{w[0]}]" + r"\s+".join(map(re.escape, w[1:].split(" ")))
                      for w in sorted(DAY_WORD_STEPS, key=len, reverse=True))
_WD_ABBR = "|".join(abbr.capitalize() for abbrs in WEEKDAY_ABBREVIATIONS
                    for abbr in sorted(abbrs, key=len, reverse=True))
_WD_OPT = r"(?:(?:" + _WD + r"|(?:" + _WD_ABBR + r")\.?),?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY_RANGE = r"(?:\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?)?"
_YEAR4 = r"(?P<year>1\d{3}|20\d{2})\b"
_NUM = r"(?P<num>\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_ORD = r"(?P<ord>" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")"

# The pattern table: (kind, starters, regex). A group named "t" marks the mention text when the match carries
# a cue word. ``starters`` name the tokens a match can begin at ("#digit", "#month", "#weekday", "#apostrophe",
# or lower-case words): each pattern is tried only where such a token starts (see _STARTS), never at every
# character, which keeps the whole table at a few tens of microseconds per article.
_CUE_MONTH_WORDS = ("in", "since", "until", "till", "by", "from", "during", "early", "late", "mid", "through",
                    "before", "after", "end", "beginning", "start", "between")
_REL_WORDS = ("last", "next", "this", "past", "coming")
PATTERNS: tuple[tuple[str, tuple[str, ...], re.Pattern], ...] = tuple(
    (kind, starters, re.compile(rx, flags))
    for kind, starters, rx, flags in (
        ("mdy", ("#weekday", "#month"), _WD_OPT + _MON + r"\s*" + _DAY + _DAY_RANGE + r",?\s+" + _YEAR4, 0),
        ("dmy", ("#weekday", "#digit"), _WD_OPT + _DAY + _DAY_RANGE + r"\s+(?:of\s+)?" + _MON + r",?\s+" + _YEAR4, 0),
        ("iso", ("#digit",), r"\b(?P<year>1[6-9]\d\d|20\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b(?![-/]\d)", 0),
        ("numeric", ("#digit",), r"(?<![\d/.])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
                                 r"(?P<year>1[6-9]\d\d|20\d\d)\b(?![/.]\d)", 0),
        ("md", ("#weekday", "#month"), _WD_OPT + _MON + r"\s*" + _DAY + r"\b(?![.,]?\d|:)", 0),
        ("dm", ("#weekday", "#digit"), _WD_OPT + _DAY + r"\s+(?:of\s+)?" + _MON, 0),
        ("my", ("#month",), _MON + r",?\s+(?:of\s+)?" + _YEAR4, 0),
        ("month_rel_year", ("#month",), _MON_FULL + r"\s+(?P<rel>this|last|next)\s+year\b", 0),
        ("season", tuple(SEASONS), r"\b(?P<season>" + _SEASON_ANY_CASE + r")(?:\s+of)?,?\s+" + _YEAR4, 0),
        ("rel_season", ("last", "this", "next"),
         r"\b(?P<t>(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<season>" + "|".join(SEASONS) + r"))\b", 0),
        ("decade", ("#digit",), r"(?<![\w$£€#/.,])(?P<year>1\d\d0|20\d0)['’]?s\b", 0),
        ("decade2", ("#apostrophe",), r"(?<!\w)['’](?P<yy>\d0)s\b", 0),
        ("century", ("#digit", *ORDINAL_WORDS, "twenty"),
         r"\b(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|" + _ORD + r")[\s-]+[Cc]entury\b", 0),
        ("year", ("#digit",), r"(?<![\w$£€¥#№/\\])(?P<year>\d{4})(?!\w)", 0),
        ("rel_unit", ("last", "next", "this"),
         r"\b(?P<t>(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<unit>week|month|year|decade|century))\b", 0),
        ("rel_month", ("last", "next", "this"), r"\b(?P<t>(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+" + _MON_FULL + r")(?!\s+\d)", 0),
        ("cue_month", _CUE_MONTH_WORDS,
         r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?|"
         r"[Tt]hrough|[Bb]efore|[Aa]fter|[Ee]nd\s+of|[Bb]eginning\s+of|[Ss]tart\s+of|[Bb]etween|"
         r"[Ss]ince\s+early|[Ss]ince\s+late)\s+(?P<t>" + _MON_FULL + r")(?![\s,]+\d)"
         # a month name followed by a verb is a person ("backed by May said", "from April was")
         r"(?!\s+(?:said|says|told|tells|has|had|is|was|will|would|added|wrote)\b)", 0),
        ("weekday", ("#weekday", *_REL_WORDS),
         r"\b(?P<t>(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his(?:\s+(?:coming|past))?|[Pp]ast|[Cc]oming)\s+)?"
         r"(?P<wd>" + _WD + r"))\b", 0),
        ("ago", ("#digit", *{w.split()[0] for w in NUMBER_WORDS}),
         r"\b(?P<t>" + _NUM + r"\s+(?P<unit>days?|weeks?|months?|years?|decades?|century|centuries)\s+ago)\b",
         re.IGNORECASE),
        ("day_word", tuple(dict.fromkeys(words.split()[0] for words in DAY_WORD_STEPS)),
         r"\b(?P<t>" + _DAY_WORDS + r")\b", 0),
    )
)
_CLASS_WORDS = {
    "#month": tuple(ENGLISH_MONTHS),
    "#weekday": tuple(WEEKDAY_NUMBERS),
}


def _build_starts() -> tuple[dict[str, tuple[int, ...]], tuple[int, ...], tuple[int, ...]]:
    """Token -> indices of the patterns that may start there; the same for digit runs and apostrophes."""
    by_word: dict[str, list[int]] = {}
    digits: list[int] = []
    apostrophe: list[int] = []
    for i, (_kind, starters, _rx) in enumerate(PATTERNS):
        for starter in starters:
            if starter == "#digit":
                digits.append(i)
            elif starter == "#apostrophe":
                apostrophe.append(i)
            else:
                for word in _CLASS_WORDS.get(starter, (starter,)):
                    by_word.setdefault(word, []).append(i)
    return {w: tuple(dict.fromkeys(v)) for w, v in by_word.items()}, tuple(digits), tuple(apostrophe)


_STARTS, _DIGIT_STARTS, _APOSTROPHE_STARTS = _build_starts()
# Word and digit tokens; each is looked up in _STARTS (a regex alternation of all starter words measured 3x slower).
_TOKEN = re.compile(r"[A-Za-z]+|\d+|['’](?=\d0s)")

# Pattern kinds whose year is inferred, and kinds that write the year; what may join them ("March and April 2020").
YEARLESS_KINDS = frozenset(("md", "dm", "cue_month"))
DATED_KINDS = frozenset(("mdy", "dmy", "my"))
_COORDINATION = re.compile(r"\s*,?\s*(?:and|or|to|through|until|till|into|[-–—])\s*(?:early\s+|late\s+|mid-?)?")

# Future markers shortly before a bare weekday: "will meet on Friday" points forward, not back.
_FUTURE = re.compile(r"\b(?:will|shall|won't|(?:is|are)\s+(?:due|set|scheduled|expected|slated|going)\s+to|"
                     r"plans?\s+to|to\s+be\s+held)\b|['’]ll\b", re.IGNORECASE)
DEADLINE_WORDS = frozenset(("by", "until", "till"))
_PAST_CLAUSE = re.compile(r"\b(?:was|were|had|said|ended|closed|remained|stayed|lasted)\b")
_PAST_AFTER_FUTURE = re.compile(r"\b(?:said|told|announced|stated|added|was|were|had)\b")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")
_WORD_AFTER = re.compile(r"^\s+([A-Za-z]+)")
_BAD_BEFORE_YEAR = re.compile(r"(?:\d[.,:]|[A-Za-z]-|\bNo\.?\s*|\b(?:[Nn]umber|[Rr]oute|[Rr]esolution|[Ss]ection|"
                              r"[Rr]oom|[Ff]light|[Pp]ages?|[Pp]p?\.|[Cc]ode|[Mm]odel|[Bb]uilding|[Ll]aw|[Dd]ecree|"
                              r"[Oo]rder|[Aa]rticle|[Bb]ill|[Aa]t)\s+)$")
_RANGE_BEFORE = re.compile(r"\b(1\d{3}|20\d{2})\s?[-–/]\s?$")
_DASH_BEFORE = re.compile(r"\d\s?[-–]\s?$")
_BAD_AFTER_YEAR = re.compile(r"^(?:[/%]|[.,:]\d|\s?(?:GMT|UTC|hrs|hours|h)\b)")
_DASH_AFTER = re.compile(r"^\s?[-–]\s?\d")
_RANGE_AFTER = re.compile(r"^\s?[-–/]\s?(?:\d{2}|\d{4})\b")

Resolved = tuple[dt.date | None, str, bool]  # value, granularity, relative
AHEAD_DAYS = 92  # a yearless date may lie a season ahead of the article (news mostly looks back: 9 months back)
YEAR_DAYS = 365
WORD_CHARS = 12  # characters read back for the word before a date ("since", "until")
CONTEXT_CHARS = 16  # characters read around a year or weekday for what makes it a count, code or named day
CLAUSE_CHARS = 60  # characters before a bare weekday searched for a future marker ("will meet on Friday")
LAST_CENTURY = 21  # "the 21st century" is the latest a text names as history
YEAR_FLOOR, CUED_YEAR_FLOOR = 1600, 1000  # a bare 4-digit number is a year from 1600; from 1000 after "in", "since"
YEARS_AHEAD = 30  # years after the article's that still read as a year (targets "by 2050"); plural counts beyond it
LATEST_TARGET_YEAR = 2035  # the latest target year always accepted, whatever the article's year
SEASON_MIDDLE_DAYS = 45  # days from a season's first day to its middle
SEASON_YEARS = 2  # "last/this/next spring": seasons of this many years either side of the article's are candidates


def find_dates(text: str, published: dt.date | None, start: int = 0) -> list[tuple[int, int, str, Resolved]]:
    """Every date or period ``text[start:]`` mentions, in text order: (start, end, kind, (value, granularity,
    relative)), kind a row of PATTERNS, relative forms resolved against ``published`` (value None when they cannot
    be)."""
    candidates = []
    for tok in _TOKEN.finditer(text, start):
        word = tok.group()
        if word[0].isdigit():
            ranks = _DIGIT_STARTS
        elif word[0].isalpha():
            ranks = _STARTS.get(word.casefold(), ())
        else:
            ranks = _APOSTROPHE_STARTS
        for rank in ranks:
            kind, _starters, rx = PATTERNS[rank]
            m = rx.match(text, tok.start())
            if m:
                s, e = m.span("t") if "t" in rx.groupindex else m.span()
                candidates.append((s, e, rank, kind, m))
    # Longest span first, then table order: a full date beats its parts.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    # Characters already inside a kept span, one byte each: a candidate overlaps a kept span only if one of its own
    # characters is marked (a scan of every kept span made a paragraph of many dates quadratic).
    covered = bytearray(len(text)) if candidates else b""
    kept = []
    for s, e, _rank, kind, m in candidates:
        if covered.find(1, s, e) >= 0:
            continue
        resolved = RESOLVERS[kind](m, text, published)
        if resolved is None:
            continue
        covered[s:e] = b"\x01" * (e - s)
        kept.append((s, e, kind, resolved, m))
    kept.sort(key=lambda k: k[0])
    return _share_years(text, kept)


def find_dated_references(text: str, published: dt.date | None,
                          dateline: str | None) -> list[tuple[int, int, str, Resolved]]:
    """find_dates past the ``dateline`` the text opens with (its date is the report's own, not a reference)."""
    return find_dates(text, published, len(dateline) if isinstance(dateline, str) and dateline
                      and text.startswith(dateline) else 0)


def _share_years(text: str, kept: list) -> list:
    """A yearless date coordinated with a dated one takes its year: "March and April 2020", "May 3 to June 5,
    2019" (the year written once for both)."""
    out = []
    for i, (start, end, kind, (value, granularity, relative), m) in enumerate(kept):
        if kind in YEARLESS_KINDS and i + 1 < len(kept):
            n_start, _n_end, n_kind, (n_value, _g, _r), _m = kept[i + 1]
            if n_kind in DATED_KINDS and _COORDINATION.fullmatch(text, end, n_start):
                # month and day as the match wrote them: an undated article has no value to read them from
                day = int(m.group("day")) if "day" in m.re.groupindex else 1
                value = safe_date(n_value.year, _month_of(m), day) or value
                relative = False
        out.append((start, end, kind, (value, granularity, relative)))
    return out


def _month_of(m: re.Match) -> int:
    """Month number of the ``mon`` group ("Sept." -> 9)."""
    return ENGLISH_MONTHS[m.group("mon").rstrip(".").casefold()]


def _nearest_year(month: int, day: int, published: dt.date, ahead: int = AHEAD_DAYS) -> dt.date | None:
    """The yearless date placed in the year that puts it within the year-long window ending ``ahead`` days
    after the article's day: by default 9 months back and 3 ahead (news mostly looks back); LEAN_AHEAD moves
    the window for "since" (all past) and "until"/"by" (mostly future)."""
    for k in (0, -1, 1):
        value = safe_date(published.year + k, month, day)
        if value is not None and ahead - YEAR_DAYS <= (value - published).days <= ahead:
            return value
    return None


# Words before a yearless date that move the window of _nearest_year: days ahead of the article it may reach.
LEAN_AHEAD = {"since": 0, "until": 335, "till": 335, "by": 335, "through": 335}


def _ahead_of(word: str | None) -> int:
    """Days ahead of the article's day a yearless date after ``word`` may lie (LEAN_AHEAD, default AHEAD_DAYS)."""
    return LEAN_AHEAD.get((word or "").casefold(), AHEAD_DAYS)


def _word_before(text: str, pos: int) -> str | None:
    """The word just before ``pos``, if any."""
    w = _WORD_BEFORE.search(text[max(0, pos - WORD_CHARS):pos])
    return w.group(1) if w else None


def _resolve_full(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """Day, month and year all written: "May 25, 1972", "25 May 1972"."""
    value = safe_date(int(m.group("year")), _month_of(m), int(m.group("day")))
    return (value, "day", False) if value else None


def _resolve_iso(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """ISO 8601 day: "2020-09-25"."""
    value = safe_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    return (value, "day", False) if value else None


def _resolve_numeric(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """"25.09.2020" (day first with dots) or "9/25/2020" (month first with slashes), unless a field exceeds 12."""
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    day_first = m.group("sep") == "." or a > 12
    if b > 12:
        day_first = False
    value = safe_date(year, b, a) if day_first else safe_date(year, a, b)
    return (value, "day", False) if value else None


def _resolve_month_day(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """Day and month without a year ("Sept. 25"): the year that puts it nearest the article's day."""
    day, month = int(m.group("day")), _month_of(m)
    if not 1 <= day <= 31 or safe_date(2000, month, day) is None:
        return None
    if published is None:
        return None, "day", True
    ahead = _ahead_of(_word_before(text, m.start()))
    if _done_before(text, m.start()):
        ahead = 0  # "was fired on June 8", "stayed at large until Dec. 7": done by the article's day, not ahead of it
    return _nearest_year(month, day, published, ahead), "day", True


# A verb in the past right before a date ("fired on June 8", "was arrested June 8"), not a passive of the present or
# future ("is scheduled on", "will be held on").
_PAST_VERB_BEFORE = re.compile(r"\b(?:(?P<aux>is|are|be|been|being)\s+)?(?:was|were|had|did|[a-z]{2,}ed)\s+"
                               # its object or place, no verb in it ("rear-ended a truck on the freeway on")
                               r"(?:(?![\w\-’']*(?:s|ed|ing)\b)[\w\-’']+\s+){0,5}?(?:on|until|till|by)?\s*$")


def _done_before(text: str, pos: int) -> bool:
    """Whether the date at ``pos`` follows a past verb in a clause with no future marker."""
    window = text[max(0, pos - CLAUSE_CHARS):pos]
    past = _PAST_VERB_BEFORE.search(window)
    return bool(past) and not past.group("aux") and not _FUTURE.search(window)


def _resolve_month_year(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """Month and year: "September 2020"."""
    return dt.date(int(m.group("year")), _month_of(m), 1), "month", False


def _resolve_decade(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """"1990s" -> 1990, decade; "1800s" names a century in news usage (1800, century), "2000s" a decade."""
    year = int(m.group("year"))
    return dt.date(year, 1, 1), ("century" if year % 100 == 0 and year < 2000 else "decade"), False


def _resolve_short_decade(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """"the '90s": the latest such decade that is not after the article's year."""
    ref = (published or dt.date.today()).year
    year = 2000 + int(m.group("yy"))
    if year > ref:
        year -= 100
    return dt.date(year, 1, 1), "decade", False


def _resolve_century(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """"20th century" -> 1901, century (centuries run from year 1 of their hundred)."""
    n = int(m.group("n")) if m.group("n") else ORDINAL_WORDS[m.group("ord").casefold()]
    if not 1 <= n <= LAST_CENTURY:
        return None
    return dt.date((n - 1) * 100 + 1, 1, 1), "century", False


def _resolve_year(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """A bare year, unless its context says it is a count, an amount, a code or a time."""
    start, end = m.span("year")
    year = int(m.group("year"))
    before = text[max(0, start - CONTEXT_CHARS):start]
    after = text[end:end + CONTEXT_CHARS]
    if _BAD_BEFORE_YEAR.search(before) or _BAD_AFTER_YEAR.match(after):
        return None
    if _DASH_BEFORE.search(before) and not _RANGE_BEFORE.search(before):
        return None
    if _DASH_AFTER.match(after) and not _RANGE_AFTER.match(after):
        return None
    w = _WORD_BEFORE.search(before)
    cued = bool(w and w.group(1).casefold() in YEAR_CUES) or bool(_RANGE_BEFORE.search(before))
    ref = (published or dt.date.today()).year
    low = CUED_YEAR_FLOOR if cued else YEAR_FLOOR
    if not low <= year <= max(ref + YEARS_AHEAD, LATEST_TARGET_YEAR):
        return None
    nxt = _WORD_AFTER.match(after)
    if nxt:
        word = nxt.group(1)
        if word.casefold() in COUNT_WORDS:
            return None
        # "2000 soldiers": a plural right after the number reads as a count unless the number is a recent year
        # ("the 2016 elections") or a cue word says year.
        if word.islower() and word.endswith("s") and not cued and abs(year - ref) > YEARS_AHEAD:
            return None
    return dt.date(year, 1, 1), "year", False


def _resolve_relative_unit(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """"last year", "next month", "this week": the period one step from the article's own."""
    unit = m.group("unit")
    step = {"last": -1, "previous": -1, "next": 1, "this": 0}[m.group("rel").casefold()]
    return _shift_period(published, unit, step)


def _shift_period(published: dt.date | None, unit: str, step: int) -> Resolved:
    """The period of ``unit`` that is ``step`` units from the one containing the article's day (None off the calendar)."""
    granularity = {"week": "week", "month": "month", "year": "year", "decade": "decade", "century": "century",
                   "day": "day"}[unit]
    if published is None:
        return None, granularity, True
    try:
        return _shift_known_period(published, unit, step)
    except (ValueError, OverflowError):  # "25 centuries ago": before year 1, outside Python's calendar
        return None, granularity, True


def _shift_known_period(published: dt.date, unit: str, step: int) -> Resolved:
    """``_shift_period`` for a known article day; raises when the result is outside years 1-9999."""
    if unit == "day":
        return published + dt.timedelta(days=step), "day", True
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        return monday + dt.timedelta(weeks=step), "week", True
    if unit == "month":
        return shift_months(published, step), "month", True
    if unit == "year":
        return dt.date(published.year + step, 1, 1), "year", True
    if unit == "decade":
        return dt.date(published.year // 10 * 10 + 10 * step, 1, 1), "decade", True
    return dt.date(((published.year - 1) // 100 + step) * 100 + 1, 1, 1), "century", True


def _resolve_relative_month(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """"last May": the latest May before the article's month; "next May" the first after; "this May" same year."""
    month = _month_of(m)
    if published is None:
        return None, "month", True
    rel = m.group("rel").casefold()
    year = published.year
    if rel == "last" and month >= published.month:
        year -= 1
    elif rel == "next" and month <= published.month:
        year += 1
    return safe_date(year, month, 1), "month", True  # None off the calendar ("next May" in December 9999)


def _resolve_cue_month(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """"in May" without a year: the May nearest the article's day."""
    month = _month_of(m)
    if published is None:
        return None, "month", True
    cue = m.group(0).split()[0]
    ahead = _ahead_of(cue)
    if cue.casefold() in DEADLINE_WORDS and _past_deadline(text, m.start(), m.end()):
        ahead = AHEAD_DAYS  # "By July, many reports grew more pessimistic": a deadline already passed
    nearest = _nearest_year(month, 1, published, ahead) or _nearest_year(month, 28, published, ahead)
    # no such month in the window only at the calendar's edges (year 1 or 9999)
    return (dt.date(nearest.year, month, 1) if nearest else None), "month", True


# A verb in the past in a deadline's clause: a regular past or a common irregular one ("By July, reports grew ...").
_PAST_IN_CLAUSE = re.compile(r"\b(?:was|were|had|did|[a-z]{3,}ed|grew|became|fell|rose|began|came|went|took|made|"
                             r"gave|saw|knew|told|said|left|got|found|held|kept|thought|brought|sent|spent|lost|won|"
                             r"ran|met|paid|led|built|sought|wrote|broke|chose|spoke|fled|sold|bought)\b")
_CLAUSE_END = re.compile(r"[.;!?\n]")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?\n][\"”’]?\s*)$")
_AUXILIARY_BEFORE = re.compile(r"\b(?:be|been|being|is|are|has|have|get|gets)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _past_deadline(text: str, start: int, end: int) -> bool:
    """Whether a deadline opening its sentence ("By July, ...") is followed by a clause told in the past, with no
    future marker. Not one after its verb: "was extended until July" is a deadline ahead."""
    if not _OPENS_SENTENCE.search(text, max(0, start - CLAUSE_CHARS), start) or text[end:end + 1] != ",":
        return False
    after = _CLAUSE_END.search(text, end, end + 2 * CLAUSE_CHARS)
    clause = text[end:after.start() if after else end + 2 * CLAUSE_CHARS]
    # a participle after an auxiliary is no past ("must be closed by July", "has to be signed by July")
    past = any(not _AUXILIARY_BEFORE.search(clause, 0, v.start()) for v in _PAST_IN_CLAUSE.finditer(clause))
    return past and not _FUTURE.search(clause)


def _resolve_weekday(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """"on Friday": the latest such day on or before the article's day, or the next one when the wording
    points forward ("will meet on Friday", "next Friday")."""
    start = m.start("t")
    prev = _WORD_BEFORE.search(text[max(0, start - CONTEXT_CHARS):start])
    if prev and prev.group(1).casefold() in WEEKDAY_EVENT_PREFIXES:
        return None
    if published is None:
        return None, "day", True
    target = weekday_number(m.group("wd"))
    rel = (m.group("rel") or "").casefold().split()
    forward = bool(rel) and rel[0] in ("next", "coming") or rel == ["this", "coming"] or rel == ["this"]
    strict_past = rel[:1] == ["last"] or rel == ["this", "past"] or rel[:1] == ["past"]
    if not rel:
        window = text[max(0, start - CLAUSE_CHARS):start]
        future = _FUTURE.search(window)
        forward = bool(future) and not _PAST_AFTER_FUTURE.search(window, future.end())
        # a deadline ("must respond by Friday", "has until Monday") points forward unless the clause is past
        if not forward and (prev.group(1).casefold() if prev else "") in DEADLINE_WORDS:
            forward = not _PAST_CLAUSE.search(window)
    if forward:
        return weekday_on_or_after(published, target, strict=rel[:1] == ["next"]), "day", True
    return weekday_on_or_before(published, target, strict=strict_past), "day", True


def _resolve_ago(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """"two years ago": the period that many units before the article's own."""
    num = m.group("num").casefold()
    n = int(num) if num.isdigit() else NUMBER_WORDS[" ".join(num.split())]
    unit = m.group("unit").casefold().rstrip("s")
    if unit.startswith("centur") or unit == "decade":
        # "a decade ago" names the year ten years back, not a calendar decade.
        n, unit = n * (100 if unit.startswith("centur") else 10), "year"
    return _shift_period(published, unit, -n)


def _resolve_month_relative_year(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """"September this year", "August last year": the month in the year one step from the article's."""
    if published is None:
        return None, "month", True
    step = {"last": -1, "this": 0, "next": 1}[m.group("rel")]
    return safe_date(published.year + step, _month_of(m), 1), "month", True


def _resolve_season(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """"summer of 2019", "Fall 2009": the season's first day (winter 2019 starts in December 2019)."""
    return dt.date(int(m.group("year")), SEASONS[m.group("season").casefold()], 1), "season", False


def _resolve_relative_season(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """"this spring" is the spring whose middle is nearest the article's day; "last" is the one before it that
    has ended, "next" the one after it that has not begun (in September, "this summer" is the one just gone)."""
    if published is None:
        return None, "season", True
    month = SEASONS[m.group("season")]
    # Seasons starting two years either side: "this" is one of the middle three, so the one before it ("last") and
    # the one after it ("next") are always among them (the old window ended at next year's, and "next spring" in
    # November, whose "this spring" is next year's, found none). Off the calendar (year 1 or 9999) they are None.
    starts = [d for k in range(-SEASON_YEARS, SEASON_YEARS + 1)
              if (d := safe_date(published.year + k, month, 1)) is not None]
    if not starts:
        return None, "season", True
    rel = m.group("rel").casefold()
    this = min(starts, key=lambda d: abs((d - published).days + SEASON_MIDDLE_DAYS))  # its middle's distance
    if rel == "last":
        this = max((d for d in starts if (shift_months(d, 3) or dt.date.max) <= published and d != this), default=None)
    elif rel == "next":
        this = min((d for d in starts if d > published and d != this), default=None)
    return this, "season", True


def _resolve_day_word(m: re.Match, text: str, published: dt.date | None) -> Resolved | None:
    """"yesterday", "last night", "tomorrow": days from the article's day."""
    step = DAY_WORD_STEPS[" ".join(m.group("t").casefold().split())]
    return _shift_period(published, "day", step)


RESOLVERS: dict[str, Callable[[re.Match, str, dt.date | None], Resolved | None]] = {
    "mdy": _resolve_full,
    "dmy": _resolve_full,
    "iso": _resolve_iso,
    "numeric": _resolve_numeric,
    "md": _resolve_month_day,
    "dm": _resolve_month_day,
    "my": _resolve_month_year,
    "month_rel_year": _resolve_month_relative_year,
    "season": _resolve_season,
    "rel_season": _resolve_relative_season,
    "decade": _resolve_decade,
    "decade2": _resolve_short_decade,
    "century": _resolve_century,
    "year": _resolve_year,
    "rel_unit": _resolve_relative_unit,
    "rel_month": _resolve_relative_month,
    "cue_month": _resolve_cue_month,
    "weekday": _resolve_weekday,
    "ago": _resolve_ago,
    "day_word": _resolve_day_word,
}
