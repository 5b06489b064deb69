"""Plain-text wire copy: optional ``Key: value`` header lines, title/byline lines, paragraphs, the dateline.

``build_article`` is shared with the bulk (JSONL/CSV) reader: a body plus known fields -> an Article, with
the dateline recorded (it stays in ``text``) and, when the date has no year, the (month, day) left for
``lib.ingest.years`` to resolve across the batch. Without a date field or a dated dateline, a date written in
the ``URL:`` header's (or the row's ``url``) path dates the article (lib.ingest.urls).
"""
from __future__ import annotations

import datetime as dt
import re
from contextlib import suppress
from dataclasses import dataclass

from lib.domain.calendar import ISO_DATE, MONTH_NAMES, read_date, read_month_day
from lib.domain.datelines import DATE_LINE_PARAGRAPHS, is_date_line, match_dateline
from lib.domain.outlets import canonical_outlet, outlet_and_writer
from lib.ingest.decode import normalise_text
from lib.ingest.urls import plausible_publication_day, url_date, url_month
from lib.ingest.written import BYLINE_CONFIDENCE, first_written_day
from lib.models import Article, ParseError, make_article_id

# Header line keys (case-insensitive) -> Article field. Header lines take precedence over the dateline.
HEADER_KEYS = (
    ("title", "title"), ("headline", "title"), ("outlet", "outlet"), ("source", "outlet"),
    ("publication", "outlet"), ("publisher", "outlet"), ("via", "via"), ("agency", "via"),
    ("date", "published"), ("published", "published"), ("publication date", "published"),
    ("url", "url"), ("link", "url"), ("author", "author"), ("authors", "author"), ("byline", "author"),
    ("by", "author"), ("language", "language"), ("lang", "language"), ("story", "story"), ("id", "id"),
)
_HEADER_FIELDS = dict(HEADER_KEYS)
_HEADER_LINE = re.compile(r"[ \t]*([A-Za-z][A-Za-z _-]{0,24}?)[ \t]*:[ \t]*(.*)")
_BYLINE = re.compile(r"(?:By|BY|by)\s+(?P<author>[A-ZÀ-Þ][\w.'’\-]*(?:,?\s+(?:and\s+)?[A-ZÀ-Þ][\w.'’\-]*){0,7})")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t]+")
_TITLE_MAX_WORDS = 20

# Confidence of each way of knowing the date (the rest are set by lib.ingest.years); a date line's is the HTML
# byline's, an update's line names a day on or after the publication.
# "url month": a yearless dateline or field whose month the URL's year and month folders name ("/2008/12/").
CONFIDENCE = {"header": 0.95, "dateline": 0.9, "url month": 0.85, "date line": BYLINE_CONFIDENCE, "update line": 0.6}
# A date line at the top of a text (lib.domain.datelines.is_date_line): the title or one of the first
# DATE_LINE_PARAGRAPHS paragraphs, holding a whole date.
_UPDATE_LABEL = re.compile(r"\bupdated\b", re.IGNORECASE)
_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted)\b", re.IGNORECASE)  # "Updated ... | Originally published ..."
_DAY_RANGE = re.compile(r"[^\W\d_]\.?[ \t]+\d{1,2}[ \t]*[-–][ \t]*\d{1,2}\b")  # "June 3-9, 2013": no one day
# "05 / 02 / 2013", "4: 59", "2012 - 04 - 04" as a tokeniser spaced them
_SPACED_SEPARATOR = re.compile(r"(?<=\d)[ \t]*([/.:-])[ \t]*(?=\d)")
_NUMERIC_DAY = re.compile(r"(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(?:\d{2}){1,2}(?!\d)")


@dataclass(frozen=True)
class Yearless:
    """A day and month known without its year (a dateline such as ``September 25``), to be resolved."""

    month: int
    day: int
    written: str  # as written, for the note

    def describe(self) -> str:
        """'September 25' for notes."""
        return f"{MONTH_NAMES[self.month]} {self.day}"


def parse_text(raw: str, origin: str) -> tuple[Article, Yearless | None]:
    """One article from a plain-text file's decoded content (ParseError when there is no body)."""
    text = normalise_text(raw)
    fields, body = split_header(text)
    paragraphs = split_paragraphs(body)
    if "title" not in fields:
        title, paragraphs = take_title(paragraphs)
        if title:
            fields["title"] = title
    if "author" not in fields:
        author, paragraphs = take_byline(paragraphs)
        if author:
            fields["author"] = author
    return build_article(paragraphs, fields, origin, "txt")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Known ``Key: value`` lines at the top (first value wins) and the rest of the text."""
    fields: dict[str, str] = {}
    pos = len(text) - len(text.lstrip("\n \t"))
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        m = _HEADER_LINE.fullmatch(text, pos, line_end)
        key = _HEADER_FIELDS.get(" ".join(m.group(1).casefold().replace("_", " ").split())) if m else None
        if key is None:
            break
        value = m.group(2).strip()
        if value and key not in fields:
            fields[key] = value
        pos = line_end + 1
    return fields, text[pos:]


def split_paragraphs(body: str) -> list[str]:
    """Paragraphs with inner whitespace collapsed: blocks between blank lines, else one per line."""
    body = _SPACES.sub(" ", body) if "\t" in body or "  " in body else body
    if _BLANK_LINE.search(body):
        paragraphs = [" ".join(line.strip() for line in block.split("\n") if line.strip()) if "\n" in block
                      else block.strip() for block in _BLANK_LINE.split(body)]
    else:
        paragraphs = [line.strip() for line in body.split("\n")]
    return [p for p in paragraphs if p]


def take_title(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """A short first line with no end punctuation and no dateline is the title (removed from the body); a date line
    ("Posted on Thu Jun 13, 2013") is none, and the line after it may be the title."""
    at = 1 if paragraphs and is_date_line(paragraphs[0]) else 0
    if len(paragraphs) < at + 2:
        return None, paragraphs
    first = paragraphs[at]
    if (len(first.split()) > _TITLE_MAX_WORDS or first[-1] in ".!?:;,\"”’'»)" or first[0] in "\"“'«("
            or match_dateline(first) is not None or _BYLINE.fullmatch(first)):
        return None, paragraphs
    return first, paragraphs[:at] + paragraphs[at + 1:]


def take_byline(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """A ``By Name`` paragraph before the body is the author (removed from the body)."""
    if len(paragraphs) >= 2:
        m = _BYLINE.fullmatch(paragraphs[0])
        if m:
            return m.group("author"), paragraphs[1:]
    return None, paragraphs


def join_paragraphs(paragraphs: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The article text (paragraphs joined by blank lines) and each paragraph's (start, end) offsets."""
    spans, pos = [], 0
    for p in paragraphs:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    return "\n\n".join(paragraphs), tuple(spans)


def build_article(paragraphs: list[str], fields: dict[str, str], origin: str, fmt: str,
                  dates: tuple | None = None) -> tuple[Article, Yearless | None]:
    """An Article from body paragraphs and known fields (header lines or bulk columns), dateline recorded.

    ``dates`` optionally carries (published, date_source, confidence, note) already decided by the caller.
    """
    text, spans = join_paragraphs(paragraphs)
    if not text:
        raise ParseError(origin, "no article text")
    dateline = match_dateline(text)
    if dateline is not None and len(dateline.raw) > spans[0][1]:
        dateline = None  # a dateline never runs past the first paragraph
    # a columnist listed as the outlet ("outlet": "Jo Hale") is the author; the URL names the outlet, as it does when
    # no outlet is given (the dateline's agency is then carried: `via`)
    outlet, writer = outlet_and_writer(fields.get("outlet"), fields.get("url"))
    outlet = outlet or (dateline.outlet if dateline else None)
    via = canonical_outlet(fields.get("via")) or (dateline.via if dateline else None)
    if via is None and dateline is not None and dateline.outlet and dateline.outlet != outlet:
        via = dateline.outlet  # a newspaper's header names it; the dateline names the agency it carries
    if via == outlet:
        via = None
    yearless = None
    if dates is not None:
        published, source, confidence, note = dates
    else:
        published, source, confidence, note, yearless = decide_date(
            fields.get("published"), dateline, fmt, fields.get("url"),
            [fields.get("title"), *paragraphs[:DATE_LINE_PARAGRAPHS]])
    title = fields.get("title")
    if is_date_line(title):
        # a title field that is only a date ("updated 8:41 p.m. EST, Tue March 3, 2009") is no headline: the text's
        # own title line, if it opens with one, is (left in the text as given)
        title = take_title(paragraphs)[0]
    article = Article(
        id=fields.get("id") or make_article_id(text, outlet), text=text, outlet=outlet, via=via,
        outlet_raw=fields.get("outlet"),  # a dateline's outlet as written stays in `dateline`
        published=published, date_source=source, date_confidence=confidence, date_note=note,
        date_candidates=(f"{published.isoformat()[:10]} {source}",) if published else (),
        dateline=dateline.raw if dateline else None, dateline_place=dateline.place if dateline else None,
        title=title, author=fields.get("author") or writer, url=fields.get("url"),
        language=fields.get("language"), paragraphs=spans, story=fields.get("story"), origin=origin, format=fmt)
    return article, yearless


def date_line(lines) -> tuple[dt.date, str, bool] | None:
    """(day, line as written, whether it dates an update) of the date line among ``lines`` (the title and the first
    paragraphs, see DATE_LINE_PARAGRAPHS): the first that is not an update's, else the first update's. A numeric date
    whose day and month can trade places ("05/02/2013") names no day, unless written with dots (day first, as
    Europe writes them)."""
    update = None
    for line in lines:
        if not is_date_line(line) or _DAY_RANGE.search(line):
            continue
        updated, published = _UPDATE_LABEL.search(line), _PUBLISHED_LABEL.search(line)
        read = line[published.start():] if updated and published and published.start() > updated.start() else line
        compact = _SPACED_SEPARATOR.sub(r"\1", read.strip())  # "Updated June 14 | Originally published June 13"
        numeric = _NUMERIC_DAY.search(compact)
        first, separator, second = (int(numeric.group(1)), numeric.group(2), int(numeric.group(3))) if numeric \
            else (0, "", 0)
        if numeric and first <= 12 and second <= 12 and first != second and separator != ".":
            continue
        iso = ISO_DATE.search(compact)  # "2012-04-04 11:47:35"
        stamp = read_date(iso.group(0)) if iso else None
        day = (stamp.date() if isinstance(stamp, dt.datetime) else stamp) if stamp is not None \
            else first_written_day(compact, None, day_first=separator == "." or first > 12)
        if day is None or not plausible_publication_day(day):
            continue
        if not updated or published:
            return day, line.strip(), False
        update = update or (day, line.strip(), True)
    return update


def decide_date(written: str | None, dateline, fmt: str, url: str | None = None, head=()):
    """(published, date_source, confidence, note, yearless) from a Date header/field, the dateline, a date written
    in the URL (lib.ingest.urls) and a date line at the top of the text (``head``: its title and first paragraphs,
    see date_line), in that order of trust."""
    field_name = "Date header" if fmt == "txt" else "published field"
    yearless = None
    if written:
        value, partial = parse_date_value(written)
        if value is not None:
            return value, "header", CONFIDENCE["header"], f"from the {field_name} “{written}”", None
        if partial is not None:
            yearless = Yearless(partial[0], partial[1], written)
    in_url = url_date(url)
    if dateline is not None and dateline.month is not None:
        if dateline.year is not None:
            day = dt.date(dateline.year, dateline.month, dateline.day)
            note = f"from the dateline “{dateline.raw}”"
            if in_url is not None:
                note += "; the URL agrees" if in_url.day == day else f"; the URL names {in_url.day.isoformat()}"
            return day, "dateline", CONFIDENCE["dateline"], note, None
        yearless = yearless or Yearless(dateline.month, dateline.day, dateline.raw)
    if in_url is not None:
        note = f"from {in_url.note()}"
        if yearless is not None:
            same = (yearless.month, yearless.day) == (in_url.day.month, in_url.day.day)
            note += f"; “{yearless.written}” {'agrees' if same else 'names ' + yearless.describe()}"
        elif written:
            note += f"; the {field_name} “{written}” cannot be read"
        else:
            note += f"; no {field_name}"
        return in_url.day, "url", in_url.confidence, note, None
    line = date_line(head)
    if line is not None and (yearless is None or (yearless.month, yearless.day) == (line[0].month, line[0].day)):
        # a date line gives a yearless dateline or field its year, never another day
        day, shown, update = line
        kind = "update line" if update else "date line"
        titled = bool(head) and isinstance(head[0], str) and head[0].strip() == shown  # a title that is only a date
        where = f"in the {'Title header' if fmt == 'txt' else 'title field'}" if titled else "at the top of the text"
        return day, "byline", CONFIDENCE[kind], f"from the {kind} “{shown}” {where}", None
    month = url_month(url)
    url_says = f"the URL names {month:%B %Y} but no day" if month else "no date in a URL"
    in_month = f"; {url_says}" if month else ""
    if yearless is not None and month is not None and yearless.month == month.month:
        day = None
        with suppress(ValueError):  # 29 February of a year without it: no day
            day = dt.date(month.year, yearless.month, yearless.day)
        if day is not None and plausible_publication_day(day):
            return (day, "url", CONFIDENCE["url month"],
                    f"“{yearless.written}” with the year of the URL's year and month folders ({month:%B %Y})", None)
    if yearless is not None:
        return (None, "unknown", 0.0, f"“{yearless.written}” gives {yearless.describe()} without a year{in_month}",
                yearless)
    if written:
        return None, "unknown", 0.0, f"date unknown: cannot read the {field_name} “{written}”{in_month}", None
    if dateline is None:
        return None, "unknown", 0.0, f"date unknown: no dateline, no {field_name} and {url_says}", None
    return (None, "unknown", 0.0,
            f"date unknown: the dateline “{dateline.raw}” has no date and no {field_name}{in_month}", None)


def parse_date_value(written: str) -> tuple[dt.date | dt.datetime | None, tuple[int, int] | None]:
    """A written date: (full date or datetime, None), or (None, (month, day)) when the year is missing."""
    value = read_date(written, day_first=True)  # typed by people: 04.02.2020 is 4 February
    return (value, None) if value is not None else (None, read_month_day(written))
