"""The calendar as news copy writes it: month and weekday names, seasons, number words, and date arithmetic.

Every stage that reads or resolves a date imports this module: the dateline grammar, ingest's year inference, the
dated-reference recogniser (lib.domain.dates) and the stories' event days.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

# (number, English name, English abbreviations, Russian forms: genitive, nominative, abbreviations). English
# abbreviations may carry a full stop when written.
MONTH_ROWS = (
    (1, "January", ("Jan",), ("января", "январь", "янв")),
    (2, "February", ("Feb",), ("февраля", "февраль", "фев")),
    (3, "March", ("Mar",), ("марта", "март", "мар")),
    (4, "April", ("Apr",), ("апреля", "апрель", "апр")),
    (5, "May", (), ("мая", "май")),
    (6, "June", ("Jun",), ("июня", "июнь", "июн")),
    (7, "July", ("Jul",), ("июля", "июль", "июл")),
    (8, "August", ("Aug",), ("августа", "август", "авг")),
    (9, "September", ("Sept", "Sep"), ("сентября", "сентябрь", "сен", "сент")),
    (10, "October", ("Oct",), ("октября", "октябрь", "окт")),
    (11, "November", ("Nov",), ("ноября", "ноябрь", "ноя")),
    (12, "December", ("Dec",), ("декабря", "декабрь", "дек")),
)
MONTH_NAMES = {number: name for number, name, _, _ in MONTH_ROWS}  # 9 -> "September"
# English names and abbreviations as written (capitalised) and case-folded -> month number.
ENGLISH_MONTH_FORMS = tuple(form for _, name, abbrs, _ in MONTH_ROWS for form in (name, *abbrs))
ENGLISH_MONTHS = {form.casefold(): number for number, name, abbrs, _ in MONTH_ROWS for form in (name, *abbrs)}
# Every written form, English and Russian -> month number.
MONTH_NUMBERS = {**ENGLISH_MONTHS, **{form: number for number, _, _, forms in MONTH_ROWS for form in forms}}

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBREVIATIONS = (("mon",), ("tue", "tues"), ("wed",), ("thu", "thur", "thurs"), ("fri",), ("sat",), ("sun",))
# Case-folded weekday names and their abbreviations -> 0 (Monday) .. 6.
WEEKDAY_NUMBERS = {**{name.casefold(): i for i, name in enumerate(WEEKDAYS)},
                   **{abbr: i for i, abbrs in enumerate(WEEKDAY_ABBREVIATIONS) for abbr in abbrs}}

# Seasons -> the month they start in (meteorological seasons, northern hemisphere: the usual reading in news).
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# Number words for "two years ago", "a decade ago".
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "a couple of": 2, "a hundred": 100,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21,
}
# Words for days relative to the article's own -> days from it.
DAY_WORD_STEPS = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "tonight": 0,
                  "this morning": 0, "this afternoon": 0, "this evening": 0, "earlier today": 0,
                  "later today": 0, "tomorrow": 1, "the day after tomorrow": 2}


# A year written as a word, 1800-2099: not inside a number ("2,013", "20135"), not a tag ("2013a") nor a decade
# ("1990s"). What a text's years tell of its time (the latest it names) reads this.
YEAR_WORD = re.compile(r"(?<![\d.,])\b(?:1[89]|20)\d\d\b(?![.,]\d)")


def named_years(text: str) -> list[int]:
    """The years a text names as words (YEAR_WORD), in text order."""
    return [int(y) for y in YEAR_WORD.findall(text)]


def month_pattern(forms=MONTH_NUMBERS) -> str:
    """A regex alternation of month forms, longest first (so "Sept" is tried before "Sep")."""
    return "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))


def month_number(written: str) -> int | None:
    """1..12 for a month name or abbreviation as written ("Sept.", "сентября"), else None."""
    return MONTH_NUMBERS.get(written.rstrip(".").casefold())


def weekday_number(written: str) -> int | None:
    """0 (Monday) .. 6 for a weekday name or abbreviation as written ("Fri.", "friday"), else None."""
    return WEEKDAY_NUMBERS.get(written.rstrip(".").casefold())


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the fields do not form one (31 September, year 0 or 10000)."""
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def days_in_month(month: int, year: int | None) -> int:
    """Days in a month (29 for February when the year is unknown)."""
    if month == 2:
        return 29 if year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def shift_days(day: dt.date, days: int) -> dt.date | None:
    """``day`` moved by ``days`` (None off the calendar, before year 1 or after 9999)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def shift_months(day: dt.date, months: int) -> dt.date | None:
    """First day of the month ``months`` away from ``day``'s month (None off the calendar, before year 1 or after 9999)."""
    index = day.year * 12 + day.month - 1 + months
    return safe_date(index // 12, index % 12 + 1, 1)


def weekday_on_or_before(day: dt.date, weekday: int, strict: bool = False) -> dt.date | None:
    """The latest ``weekday`` on or before ``day`` ("on Friday"); before it when ``strict`` ("last Friday")."""
    back = (day.weekday() - weekday) % 7
    return shift_days(day, -(back or (7 if strict else 0)))


def weekday_on_or_after(day: dt.date, weekday: int, strict: bool = False) -> dt.date | None:
    """The first ``weekday`` on or after ``day`` ("will meet on Friday"); after it when ``strict`` ("next Friday")."""
    ahead = (weekday - day.weekday()) % 7
    return shift_days(day, ahead or (7 if strict else 0))


# ---- written dates -----------------------------------------------------------------------------------------
# One reader for a date as a page, a header line, a bulk column or a byline writes it: ISO 8601 and its
# compact and Unix-time cousins by regex (fast, exact), anything else by dateparser with one settings table.

# Longer than this, a value is a sentence holding a date, not a date; dateparser's time grows with its length.
MAX_WRITTEN_DATE_CHARS = 80
# Digits of a Unix timestamp in a date field: 10 for seconds, 13 for milliseconds (years 2001-2286).
UNIX_TIME_DIGITS = (10, 13)
UTC_NAMES = ("Z", "UTC", "GMT")
# 2020-07-08, 2020-7-8 10:04, 2020-12-05T23:15:0Z (one-digit seconds occur in the wild), +0100, +01:00, +01.
ISO_DATE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<H>\d{1,2}):(?P<M>\d{1,2})"
                      r"(?::(?P<S>\d{1,2})(?:[.,]\d+)?)?\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?")
COMPACT_DATE = re.compile(r"^((?:19|20)\d\d)([01]\d)([0-3]\d)(?:T?([0-2]\d)([0-5]\d)([0-5]\d)(Z)?)?$")  # 20200702T101500Z
_TIME_WRITTEN = re.compile(r"\d:\d\d")
_DAY_FIRST = re.compile(r"\d{1,2}[./]")  # 25.09.2020, 25/09/2020: how Europe and Russia write a day
# A dotted numeric date is written day first wherever dots are the separator ("07.11.2023", German, Swiss, Russian,
# Nordic usage); the month-first order is written with slashes ("11/07/2023"), so dots need no language to be read.
_DOTTED_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?!\d)")

# dateparser settings, one table for every caller. REQUIRE_PARTS: a missing part is never filled in from
# today (a yearless date is asked for separately, see read_month_day); PREFER_DAY_OF_MONTH: "September
# 2020" is the 1st, not today's day of the month. Time zones stay as written (aware when one is written).
# dateparser's parsers but "relative-time": "yesterday", "2 days ago", "vor 2 Tagen" name a day relative to when the
# page was read, which a stored page does not say; resolved against the clock they became the day before the run.
DATEPARSER_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
                       "PARSERS": ["timestamp", "custom-formats", "absolute-time", "no-spaces-time"]}


def read_date(written: str, language: str | None = None, day_first: bool = False) -> dt.date | dt.datetime | None:
    """A written date: a date when no time is written, a datetime (aware when a zone is written) when one is.

    ``language`` is the hint for words ("jueves 2 de abril"); ``day_first`` reads a numeric date that opens with a
    one- or two-digit number and a dot or slash ("04.02.2020", "04/02/2020") day first, as people in Europe and
    Russia write them; otherwise dateparser's order applies (month first for machine-written "11/01/2023").
    """
    value = written.strip()
    m = ISO_DATE.match(value)
    if m:
        return _iso_date(m)
    m = COMPACT_DATE.match(value)
    if m:
        return _compact_date(m)
    if value.isdigit() and len(value) in UNIX_TIME_DIGITS:
        return dt.datetime.fromtimestamp(int(value[:10]), dt.timezone.utc)
    if value.isdigit():
        return None  # a bare year or number names no day ("1980" read as 9 January 1980)
    value = value[:MAX_WRITTEN_DATE_CHARS]
    stamp = _parse_with_dateparser(value, language, ("day", "month", "year"),
                                   day_first and bool(_DAY_FIRST.match(value)) or bool(_DOTTED_DATE.match(value)))
    if stamp is None or _TIME_WRITTEN.search(value):
        return stamp  # a datetime only when a time is written: dateparser's midnight is not a time
    return stamp.date()


def read_month_day(written: str, language: str | None = None) -> tuple[int, int] | None:
    """(month, day) of a date written without its year ("September 25", "25 сентября"), else None."""
    stamp = _parse_with_dateparser(written.strip()[:MAX_WRITTEN_DATE_CHARS], language, ("day", "month"), False)
    return (stamp.month, stamp.day) if stamp is not None else None


def fixed_offset(tz: str) -> dt.timezone | None:
    """A fixed offset from "+02:00" / "-0500" / "+03"; None for a zero offset."""
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + (int(digits[2:4]) if len(digits) >= 4 else 0)
    return dt.timezone(sign * dt.timedelta(minutes=minutes)) if minutes else None


def _iso_date(m: re.Match) -> dt.date | dt.datetime | None:
    """The date or datetime an ISO_DATE match names; None when its fields are off the calendar."""
    day = safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if day is None or m.group("H") is None:
        return day
    try:
        stamp = dt.datetime(day.year, day.month, day.day, int(m.group("H")), int(m.group("M")), int(m.group("S") or 0))
    except ValueError:
        return day  # 25:70 is a broken time on a good day
    tz = m.group("tz")
    if tz:
        stamp = stamp.replace(tzinfo=dt.timezone.utc if tz in UTC_NAMES else (fixed_offset(tz) or dt.timezone.utc))
    return stamp


def _compact_date(m: re.Match) -> dt.date | dt.datetime | None:
    """The date or datetime a COMPACT_DATE match names (aware UTC with a trailing Z, as GDELT writes its times);
    None when its fields are off the calendar."""
    try:
        if not m.group(4):
            return dt.date(*map(int, m.groups()[:3]))
        stamp = dt.datetime(*map(int, m.groups()[:6]))
    except ValueError:
        return None
    return stamp.replace(tzinfo=dt.timezone.utc) if m.group(7) else stamp


@lru_cache(maxsize=4096)
def _parse_with_dateparser(value: str, language: str | None, parts: tuple[str, ...],
                           day_first: bool) -> dt.datetime | None:
    """dateparser with DATEPARSER_SETTINGS, requiring ``parts``, day first when asked: in ``language`` first when
    given, else detected."""
    import dateparser  # slow to import (seconds): only free-form dates need it

    settings = {**DATEPARSER_SETTINGS, "REQUIRE_PARTS": list(parts)}
    if day_first:
        settings["DATE_ORDER"] = "DMY"
    try:
        stamp = dateparser.parse(value, languages=[language] if language else None, settings=settings)
    except ValueError:  # a language dateparser does not know
        stamp = None
    except (OverflowError, TypeError, AttributeError, KeyError):  # dateparser's own failures on odd input
        return None
    if stamp is None and language:
        # The hint is the page's language, yet machine-written dates ("Sat, 19 Oct 2019") are English on a
        # German page: let dateparser detect the language instead.
        return _parse_with_dateparser(value, None, parts, day_first)
    return stamp


# Reuse directions (lib.analyse.reuse.orient_pair) with no source: the same day with no time of day to order the two
# ("tie"), or a date missing ("undated"); direction -> what a reader is told.
UNORDERED = {"tie": "same day", "undated": "undated"}
UNORDERED_WHY = {"tie": "published the same day", "undated": "a date is missing"}  # why the order is unknown (one or both)


def same_day_tie(a, b) -> bool:
    """True when two publication times cannot be ordered: equal, or on one day with either known to the day only
    (no clock time: a day-only report may have come first that day). An unknown time ties with nothing."""
    import pandas as pd  # the callers hold pandas timestamps; the date readers above do not need pandas

    if a is None or b is None or pd.isna(a) or pd.isna(b):
        return False
    a, b = pd.Timestamp(a), pd.Timestamp(b)
    return a == b or (a.normalize() == b.normalize() and (a == a.normalize() or b == b.normalize()))
