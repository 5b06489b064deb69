"""Data contracts shared by every stage: frozen records while extracting, one ``to_frame`` into pandas."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath
from typing import Iterable, Sequence

import pandas as pd

# Where an article's date came from (Article.date_source); most trusted first.
DATE_SOURCES = (
    "header",  # a `Date:` header line or a bulk-file `published` field
    "metadata",  # HTML metadata: JSON-LD, meta tags, <time>
    "url",  # a date written in the article URL
    "dateline",  # the wire dateline, year included
    "byline",  # a visible date near the title/byline of an HTML page, or a date line at the top of a text
    "inferred-from-story",  # dateline without a year, year taken from same-event articles in the batch
    "inferred-from-weekday",  # dateline without a year, year where the weekday mentioned fits
    "inferred-from-mentions",  # year from the latest year the text itself mentions
    "file-mtime",
    "unknown",
)


class ParseError(ValueError):
    """The project's one error type for input it cannot use; ``str()`` is a one-line reason."""

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


def is_missing(v) -> bool:
    """True for a missing scalar cell (None, NaN, NaT, pd.NA); strings, lists and arrays never are."""
    if isinstance(v, str) or hasattr(v, "__len__"):
        return False
    return v is None or bool(pd.isna(v))


def normalise_for_id(text: str) -> str:
    """Case-folded, NFC, whitespace-collapsed text: the basis of content ids."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def make_article_id(text: str, outlet: str | None) -> str:
    """Content id: hash of normalised text + outlet (DESIGN.md), 16 hex digits."""
    key = normalise_for_id(text) + "\x1f" + normalise_for_id(outlet or "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One parsed article; every character offset elsewhere refers to ``text``."""

    id: str
    text: str
    outlet: str | None = None
    via: str | None = None  # syndication source carried inside the outlet (Sputnik inside UrduPoint News)
    published: dt.date | dt.datetime | None = None
    date_source: str = "unknown"  # one of DATE_SOURCES
    date_confidence: float = 0.0  # 0..1
    date_note: str = ""  # human-readable reason, e.g. why a year was inferred
    date_candidates: tuple[str, ...] = ()  # ISO dates considered, best first, each "YYYY-MM-DD source"
    dateline: str | None = None  # the dateline exactly as written (it stays at the start of ``text``)
    dateline_place: str | None = None
    title: str | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None
    paragraphs: tuple[tuple[int, int], ...] = ()  # (start, end) offsets of each paragraph in ``text``
    story: str | None = None  # story assigned by hand in the input; overrides clustering
    origin: str = ""  # input file path, plus ":LINE" for JSONL/CSV rows
    format: str = ""  # txt | html | jsonl | csv
    outlet_raw: str | None = None  # the outlet as the input wrote it ("www.foxnews.com"), before canonical_outlet

    def published_date(self) -> dt.date | None:
        """The publication day, whether ``published`` holds a date or a datetime."""
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published


@dataclass(frozen=True)
class Quote:
    """A direct, partial or reported utterance with its evidence offsets into ``Article.text``."""

    article_id: str
    text: str  # the content, without the quote marks
    start: int
    end: int
    kind: str  # direct | partial | reported
    speaker: str | None = None  # as written at the attribution ("he", "the president", "Putin")
    speaker_id: str | None = None  # canonical person, e.g. "Vladimir Putin"; None when unknown
    speaker_role: str | None = None  # e.g. "Russian President"
    cue: str | None = None  # the reporting verb or phrase as written: said, urged, told Sputnik, according to
    cue_class: str | None = None  # neutral | assertive | proposing | doubting | ...
    utterance: int = 0  # spans of one split quote share this number (per article)
    speaker_start: int | None = None  # offsets of the attribution's speaker mention, when found
    speaker_end: int | None = None
    speaker_type: str | None = None  # person | role | organisation | document; None when there is no speaker


def speaker_of(quotes: pd.DataFrame) -> pd.Series:
    """Each quote's speaker: the canonical ``speaker_id`` where known, else the ``speaker`` as written."""
    speaker = quotes["speaker"] if "speaker" in quotes else pd.Series(None, index=quotes.index, dtype=object)
    if "speaker_id" in quotes:
        return quotes["speaker_id"].where(quotes["speaker_id"].notna(), speaker)
    return speaker


def shown_speaker(quotes: pd.DataFrame) -> pd.Series:
    """Each quote's speaker as the pages show it: the corpus's one spelling of it (the ``who`` column the stored
    analyses add, see lib.analyse.speakers.speaker_names) where the frame has it, else speaker_of."""
    return quotes["who"] if "who" in quotes else speaker_of(quotes)


@dataclass(frozen=True)
class DateMention:
    """A date or period an article mentions, resolved against the article's date where relative."""

    article_id: str
    text: str  # as written: "May 25, 1972", "last year", "on Friday"
    start: int
    end: int
    value: dt.date | None  # first day of the period; None when it cannot be resolved
    granularity: str  # day | month | year | decade | century
    relative: bool  # resolved against the article's own date
    sentence: str
    sentence_start: int
    sentence_end: int


# Column names, as constants (DESIGN.md house style).
ARTICLE_COLUMNS = tuple(f.name for f in dataclasses.fields(Article))
QUOTE_COLUMNS = tuple(f.name for f in dataclasses.fields(Quote))
DATE_MENTION_COLUMNS = tuple(f.name for f in dataclasses.fields(DateMention))


def to_frame(records: Iterable, columns: Sequence[str]) -> pd.DataFrame:
    """One DataFrame from frozen records (tuples stay as Python objects)."""
    rows = [dataclasses.astuple(r) if dataclasses.is_dataclass(r) else tuple(r) for r in records]
    return pd.DataFrame.from_records(rows, columns=list(columns))


def to_dict(record) -> dict:
    """A JSON-ready dict of a record: dates as ISO strings, tuples as lists (see json_value)."""
    return {f.name: json_value(getattr(record, f.name)) for f in dataclasses.fields(record)}


def json_value(v):
    """A JSON-ready value: dicts and lists recursively, tuples and arrays as lists, dates and timestamps as ISO
    strings, numpy scalars as Python ones, and missing scalars (None, NaN, NaT, pd.NA) as None."""
    if isinstance(v, dict):
        return {k: json_value(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [json_value(x) for x in v]
    if getattr(v, "ndim", 0):  # numpy array, pandas Series or Index
        return json_value(v.tolist())
    if is_missing(v):  # before dates: pd.NaT is a datetime
        return None
    if getattr(getattr(v, "dtype", None), "kind", "") == "M":  # numpy datetime64: tolist() may give nanoseconds
        return pd.Timestamp(v).isoformat()
    if isinstance(v, dt.date):  # datetime and pd.Timestamp included
        return v.isoformat()
    if hasattr(v, "tolist") and not isinstance(v, str):  # numpy scalar: int64, bool_, str_ ...
        return v.tolist()
    return v


def shown_path(path: str) -> str:
    """An article's or report row's input as a reader may see it: a fetched page's URL, a file's name (never a server
    folder)."""
    return path if path.lower().startswith(("http://", "https://")) else PurePath(path).name
