"""When each article was written, as far as it tells, and how much that lets two articles share a story.

Each dated article has event days: its publication day and the days its lead refers back to
("On Friday, the minister announced ..."). The cosine of two dated articles decays with the gap between
their nearest event days and is 0 beyond ``window_days``. The half-life is ``half_life_days`` stretched by
(1 + the corpus's day spread, ``date_spread``): a source that dates every report of a story by the
story's day wants a sharp decay; real publication days of one event spread over days and want a gentler
one. Undated articles have no window; they are weak links, never bridges (clustering.cluster_labels lets one join a
dated story only where the texts alone put it with that story's reports, rather than letting it link two). What an
undated article's text tells of its time is the latest year it names (news rarely names a year after its writing; a target "by
2030" agrees only with texts that name 2030 too): two undated reports whose latest years agree within a
year get their direct similarity multiplied by ``year_agreement``, since same-event reports are written
together while similar events recur over the years; disagreeing or yearless texts are left as they are
(a background year proves nothing). The days an undated text names without a year ("on Friday", "Aug. 15")
place it too: reports of one event name its day, so two undated texts naming a common weekday, or
month-days within a week, are drawn together (``day_agreement``), and two naming only different ones
are pushed apart (``day_disagreement``). Months count too ("in June", "last March", "Aug. 15"): a common month draws
two texts together, months none in common push them apart, even over a common weekday (monthly figures, the
reports on them and so their weekdays recur every month: "943,000 jobs in July", "235,000 in August"). On ECB+,
whose articles are undated, this is what keeps reports of one event together while a similar event of another year
stays apart. A month-day that names an event rather than
a day ("the Jan. 6 riot", "Jan. 6 panel": a determiner before it, or a noun after it) or sets a deadline ("until
Oct. 3") does not place a text: every later report on that subject names it too (see _places_text).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from lib.analyse.stories.texts import _article_text, _lead
from lib.domain.calendar import MONTH_NUMBERS, named_years, safe_date, weekday_number
from lib.domain.dates import DEADLINE_WORDS, find_dated_references, find_dates

REFERENCE_PENALTY = 1.0  # extra days on a gap measured from a day the lead refers back to (see _day_gaps)
EVENT_DAYS = 3  # publication day + up to 2 days the lead refers back to
YEAR_TOLERANCE = 1  # latest years this far apart still agree (a January report on a December event)
# date_spread: pairs of dated articles this similar (direct cosine) nearly always report one event (99% of them on
# AllSides), so the days between them measure how far a corpus spreads one event's reports; measured on up to
# SPREAD_SAMPLE articles, and only trusted from SPREAD_MIN_PAIRS such pairs.
SPREAD_COSINE = 0.4
SPREAD_SAMPLE = 2000
SPREAD_MIN_PAIRS = 10
EPOCH = dt.date(1970, 1, 1)  # day numbers count from here
# Days an undated text names without a year ("on Friday", "Aug. 15"): reports of one event name the same days.
# Month-days are compared by week of the year: within one week of each other (adjacent weeks) they agree.
WEEKS = 53
_LEAP_YEAR = 2000  # month-days are placed on a leap year's calendar, so 29 February has a place
_WORD = re.compile(r"[^\W\d_]+")
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
# A month-day after one of these words names an event ("the Jan. 6 riot", "post-Jan. 6") or sets a deadline ("until
# Oct. 3", "through Jan. 31"); so does one followed by a lower-case word that is not a stop word ("Jan. 6 panel"),
# unless "on" stands before it ("on Aug. 15 drew crowds": the word after is a verb): see _places_text.
_NAMING_WORDS = frozenset(("the", "a", "an", "post", "pre"))
_UNTIL_WORDS = DEADLINE_WORDS | {"through"}
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s-]*$")
_WORD_AFTER = re.compile(r"^\s+([^\W\d_]+)")
_MONTH_KINDS = ("cue_month", "my", "rel_month", "month_rel_year")  # find_dates kinds naming a month without a day
NEIGHBOUR_CHARS = 16  # characters read either side of a month-day for the word before and after it
SPREAD_CHUNK = 250  # sampled rows per sparse product in date_spread: bounds its memory

def _day_numbers(published: pd.Series) -> np.ndarray:
    """Days since the epoch as floats, NaN where the article has no date."""
    stamps = pd.to_datetime(published, errors="coerce", utc=True)
    days = (stamps - pd.Timestamp(EPOCH, tz="UTC")) / pd.Timedelta(days=1)
    return np.floor(np.asarray(days, dtype=float))


def lead_references(articles: pd.DataFrame, days: list[dt.date | None],
                    mentions: pd.DataFrame | None = None) -> list[list[dt.date]]:
    """Per article (in row order), the days its lead refers to: its dated references of day granularity within the
    body's first LEAD_WORDS words, for the articles published on ``days`` (None: undated, no references).

    ``mentions`` are the stored dated references (article_id, end, value, granularity: what extraction found); a
    frame without them (an evaluation, a test) has them found in the lead the way extraction finds them, by
    lib.domain.dates past the dateline.
    """
    bodies = [t if isinstance(t, str) else "" for t in articles["text"]]
    lead_ends = [len(_lead(t)) for t in bodies]
    if mentions is None:
        datelines = articles["dateline"] if "dateline" in articles else [None] * len(articles)
        return [[] if day is None else
                [value for _s, _e, _kind, (value, granularity, _r)
                 in find_dated_references(text[:end], day, dateline)
                 if granularity == "day" and value is not None]
                for text, end, day, dateline in zip(bodies, lead_ends, days, datelines)]
    lead_end = dict(zip(articles["id"], lead_ends))
    days_of = mentions[(mentions["granularity"] == "day") & mentions["value"].notna()
                       & (mentions["end"] <= mentions["article_id"].map(lead_end))]
    found = days_of.groupby("article_id")["value"].agg(list).to_dict()
    return [[] if day is None else [pd.Timestamp(v).date() for v in found.get(i, [])]
            for i, day in zip(articles["id"], days)]


def event_days(articles: pd.DataFrame, window_days: float | None, mentions: pd.DataFrame | None = None) -> np.ndarray:
    """(articles x EVENT_DAYS) day numbers: the publication day, then days the lead refers back to.

    A follow-up published days later usually dates the event it reports in its lead ("On Friday, Putin
    announced ...", "yesterday", "September 25"): its lead_references (stored ``mentions`` when given); only
    those within ``window_days`` before publication count. Undated articles get NaN throughout (no window for
    them).
    """
    published = _day_numbers(articles["published"])
    out = np.full((len(published), EVENT_DAYS), np.nan)
    out[:, 0] = published
    reach = window_days if window_days is not None else 0
    if not reach:
        return out
    days = [None if np.isnan(day) else EPOCH + dt.timedelta(days=int(day)) for day in published]
    for i, (day, pub, values) in enumerate(zip(published, days, lead_references(articles, days, mentions))):
        if pub is None:
            continue
        found = [day - (pub - value).days for value in values]
        referenced = sorted({d for d in found if day - reach <= d < day}, reverse=True)[:EVENT_DAYS - 1]
        out[i, 1:1 + len(referenced)] = referenced
    return out


def _day_gaps(days_a: np.ndarray, days_b: np.ndarray, paired: bool = False) -> np.ndarray:
    """Days between articles: the smallest gap between any of their event days (NaN when either is undated).

    A gap measured from a day the lead refers back to counts REFERENCE_PENALTY more per reference: a shared
    publication day is stronger evidence than a follow-up naming the day. ``paired`` compares row i of
    ``days_a`` with row i of ``days_b``; otherwise every row with every row.

    The publication days' gap is one pass over every pair; each pair of other event days only touches the rows and
    columns that hold such a day (few leads refer back), where a pass over every pair per pair of event days made
    two thirds of the neighbour search's time in dense periods.
    """
    with np.errstate(invalid="ignore"):
        gap = np.abs(days_a[:, 0] - days_b[:, 0]) if paired else np.abs(days_a[:, 0][:, None] - days_b[:, 0][None, :])
    cols_of = [np.flatnonzero(~np.isnan(days_b[:, b])) for b in range(days_b.shape[1])]
    for a in range(days_a.shape[1]):
        rows = np.flatnonzero(~np.isnan(days_a[:, a]))
        for b, cols in enumerate(cols_of):
            if a == b == 0:
                continue
            penalty = REFERENCE_PENALTY * ((a > 0) + (b > 0))
            if paired:
                both = np.intersect1d(rows, cols)
                gap[both] = np.fmin(gap[both], np.abs(days_a[both, a] - days_b[both, b]) + penalty)
            elif len(rows) and len(cols):
                cells = np.ix_(rows, cols)
                gap[cells] = np.fmin(gap[cells], np.abs(days_a[rows, a][:, None] - days_b[cols, b][None, :]) + penalty)
    return gap


def time_weights(gap: np.ndarray, window_days: float | None, half_life_days: float | None) -> np.ndarray:
    """Factor on the similarity of two articles this many days apart: decays, and is 0 beyond the window.

    Time decay inside a window, as in retrospective event detection (Yang, Pierce and Carbonell 1998):
    coverage of one event comes in a burst. A NaN gap (an undated article) leaves the similarity as it is.
    """
    weights = np.ones(gap.shape)
    with np.errstate(invalid="ignore"):  # a NaN gap compares False
        if half_life_days:  # the decay only where it is not 0 anyway (half of a neighbour search's pairs are not)
            np.power(0.5, gap / half_life_days, out=weights,
                     where=~np.isnan(gap) if window_days is None else gap <= window_days)
        if window_days is not None:
            np.copyto(weights, 0.0, where=gap > window_days)
    return weights.astype(np.float32)


def text_years(articles: pd.DataFrame) -> np.ndarray:
    """The latest year each undated article's text names (NaN for dated articles and texts naming none)."""
    undated = pd.to_datetime(articles["published"], errors="coerce", utc=True).isna().to_numpy()
    years = np.full(len(articles), np.nan)
    for i, row in enumerate(articles.itertuples(index=False)):
        if undated[i]:
            found = named_years(_article_text(row))
            years[i] = max(found) if found else np.nan
    return years


def _month(written: str) -> int | None:
    """The number of the month a matched date mention names ("Aug. 15", "in June", "last March"), if any."""
    return next((MONTH_NUMBERS[w] for w in _WORD.findall(written.casefold()) if w in MONTH_NUMBERS), None)


def _month_day(written: str) -> dt.date | None:
    """The month-day a matched "Aug. 15" / "15 August" / "October 5, 2021" names, on a leap year's calendar."""
    month = _month(written)
    day = _DAY_NUMBER.search(written)
    return safe_date(_LEAP_YEAR, month, int(day.group())) if month and day else None


def _places_text(text: str, start: int, end: int) -> bool:
    """Whether the month-day at text[start:end] tells when the text was written: not when it names an event (a
    determiner or prefix before it, "the Jan. 6 riot", "post-Jan. 6"; a noun after it, "Jan. 6 panel") or a deadline
    ("until Oct. 3").
    Reports on a subject keep naming its day and its deadlines for months; on the AllSides development slice with
    no dates, month-day agreement was more common between different stories than within one (31% of the falsely
    merged pairs, 9% of the same-story pairs) until these were left out (0% and 2%)."""
    before = _WORD_BEFORE.search(text[max(0, start - NEIGHBOUR_CHARS):start])
    after = _WORD_AFTER.match(text[end:end + NEIGHBOUR_CHARS])
    word_before = before.group(1).casefold() if before else ""
    word_after = after.group(1) if after else ""
    if word_before in _NAMING_WORDS or word_before in _UNTIL_WORDS:
        return False
    return word_before == "on" or not (word_after.islower() and word_after not in ENGLISH_STOP_WORDS)


def text_days(articles: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The days each undated article's text names without a year, as (weekdays, weeks, week reach, months)
    indicator rows: the weekdays it names ("on Friday"), the weeks of the year of the month-days that place it
    ("Aug. 15", "October 5, 2021"; see _places_text), those weeks with their neighbours, and the months of those
    month-days and of the months it names without a day, with or without a year ("in June", "last March", "March
    2011"; the same test). Dated articles get empty rows (their days say more)."""
    undated = pd.to_datetime(articles["published"], errors="coerce", utc=True).isna().to_numpy()
    weekdays = np.zeros((len(articles), 7), dtype=np.float32)
    weeks = np.zeros((len(articles), WEEKS), dtype=np.float32)
    months = np.zeros((len(articles), 12), dtype=np.float32)
    for i, row in enumerate(articles.itertuples(index=False)):
        if not undated[i]:
            continue
        text = _article_text(row)
        for start, end, kind, _resolved in find_dates(text, None):
            written = text[start:end]
            if kind == "weekday":
                number = weekday_number(written.split()[-1])
                if number is not None:
                    weekdays[i, number] = 1.0
            elif kind in ("md", "dm", "mdy", "dmy") and _places_text(text, start, end):
                day = _month_day(written)
                if day is not None:
                    weeks[i, (day.timetuple().tm_yday - 1) // 7] = 1.0
                    months[i, day.month - 1] = 1.0
            elif kind in _MONTH_KINDS and _places_text(text, start, end) and (month := _month(written)):
                months[i, month - 1] = 1.0
    reach = weeks.copy()
    reach[:, 1:] = np.maximum(reach[:, 1:], weeks[:, :-1])
    reach[:, :-1] = np.maximum(reach[:, :-1], weeks[:, 1:])
    return weekdays, weeks, reach, months


@dataclass(frozen=True)
class ArticleTimes:
    """When each article was written, as far as it tells: event days if dated, else the latest year it names."""

    days: np.ndarray  # (articles x EVENT_DAYS) day numbers, NaN when undated (see event_days)
    years: np.ndarray  # latest year an undated article's text names, NaN otherwise (see text_years)
    weekdays: np.ndarray  # (articles x 7) weekdays an undated text names (see text_days)
    weeks: np.ndarray  # (articles x WEEKS) weeks of the year of the month-days an undated text names
    week_reach: np.ndarray  # those weeks and their neighbours
    months: np.ndarray  # (articles x 12) months an undated text names, with or without a day ("in June", "Aug. 15")

    @classmethod
    def of(cls, articles: pd.DataFrame, window_days: float | None,
           mentions: pd.DataFrame | None = None) -> "ArticleTimes":
        """The times of an articles frame (``mentions``: their stored dated references, see lead_references)."""
        return cls(event_days(articles, window_days, mentions), text_years(articles), *text_days(articles))

    def with_rows(self, rows: np.ndarray, other: "ArticleTimes") -> "ArticleTimes":
        """These times with ``rows`` (positions, ascending) taking ``other``'s rows, in order."""
        arrays = {f.name: getattr(self, f.name).copy() for f in fields(self)}
        for name, values in arrays.items():
            values[rows] = getattr(other, name)
        return ArticleTimes(**arrays)

    def subset(self, rows: np.ndarray) -> "ArticleTimes":
        """The times of these rows only."""
        return ArticleTimes(**{f.name: getattr(self, f.name)[rows] for f in fields(self)})

    @property
    def placed(self) -> np.ndarray:
        """Whether each article is placed in time: dated, or its text names a year or a month-day that places it. A
        weekday alone does not: it names a day of any week."""
        return ~np.isnan(self.days[:, 0]) | ~np.isnan(self.years) | (self.weeks.sum(axis=1) > 0)

    def weights(self, a: np.ndarray, b: np.ndarray, cfg: dict, paired: bool = False) -> np.ndarray:
        """Factor on the direct similarity of articles ``a`` x ``b`` (row i with row i when ``paired``).

        Dated pairs: ``time_weights`` of their day gap. Undated pairs whose latest years agree within
        YEAR_TOLERANCE: ``year_agreement``. Undated pairs whose texts name a common weekday (unless their months
        differ), month-days within a week of each other or a common month: ``day_agreement``; whose texts both name
        such days or months, none in common: ``day_disagreement``. Any other pair: 1.
        """
        weights = time_weights(_day_gaps(self.days[a], self.days[b], paired), cfg["window_days"],
                               cfg["half_life_days"])
        years_a, years_b = self.years[a], self.years[b]
        if not (np.isnan(years_a).all() or np.isnan(years_b).all()):  # dated rows have none: most blocks skip this
            if not paired:
                years_a, years_b = years_a[:, None], years_b[None, :]
            with np.errstate(invalid="ignore"):  # NaN (dated or yearless) never agrees
                weights[np.abs(years_a - years_b) <= YEAR_TOLERANCE] *= np.float32(cfg["year_agreement"])
        if self.marked[a].any() and self.marked[b].any():  # only undated texts have marks
            agree, disagree = self._day_marks(a, b, paired)
            weights[agree] *= np.float32(cfg["day_agreement"])
            weights[disagree] *= np.float32(cfg["day_disagreement"])
        return weights

    @functools.cached_property
    def marked(self) -> np.ndarray:
        """Whether each article's text names a yearless day or a month (see text_days): pairs with one unmarked side
        neither agree nor disagree."""
        return (self.weekdays.sum(axis=1) > 0) | (self.weeks.sum(axis=1) > 0) | (self.months.sum(axis=1) > 0)

    def _day_marks(self, a: np.ndarray, b: np.ndarray, paired: bool) -> tuple[np.ndarray, np.ndarray]:
        """(agree, disagree) masks of pairs by the yearless days their texts name (see weights)."""
        def overlap(x, y):
            return (x[a] * y[b]).sum(axis=1) if paired else x[a] @ y[b].T

        def both(x):
            has = x.sum(axis=1) > 0
            return has[a] & has[b] if paired else has[a][:, None] & has[b][None, :]

        same_weekday, near_week = overlap(self.weekdays, self.weekdays) > 0, overlap(self.weeks, self.week_reach) > 0
        same_month = overlap(self.months, self.months) > 0
        months_apart = both(self.months) & ~same_month
        # A weekday shared by texts naming only different months is a coincidence, not one event: the monthly
        # figures of a statistics office come out on one weekday of every month.
        agree = (same_weekday & ~months_apart) | near_week | same_month
        disagree = ~agree & (both(self.weekdays) | both(self.weeks) | months_apart)
        return agree, disagree


def date_spread(vectors, times: ArticleTimes, window_days: float | None, chunk: int = SPREAD_CHUNK) -> float | None:
    """Mean days between the publication days of dated articles, within the window, whose direct cosine is at least
    SPREAD_COSINE: how far this corpus spreads the reports of one event (None: too few such pairs to tell).

    Sources that give every report of a story its story's day measure 0; real publication days of one event
    spread over a day or more (time zones, print the next day, follow-ups), and a fixed half-life tuned on the
    former splits the latter (AllSides with days moved by +-2: F1 0.88 at a 2-day half-life, 0.92 stretched).
    """
    published = times.days[:, 0]
    dated = np.flatnonzero(~np.isnan(published))
    if len(dated) < 2:
        return None
    # By day, then by a key of the text itself (its vector's sum), so the sample does not depend on row order.
    dated = dated[np.lexsort((np.asarray(vectors[dated].sum(axis=1)).ravel(), published[dated]))]
    days = published[dated]
    sample = np.unique(np.linspace(0, len(dated) - 1, min(len(dated), SPREAD_SAMPLE)).astype(int))
    gaps = []
    for start in range(0, len(sample), chunk):
        rows = sample[start:start + chunk]
        lo, hi = 0, len(dated)
        if window_days is not None:
            lo = np.searchsorted(days, days[rows].min() - window_days, side="left")
            hi = np.searchsorted(days, days[rows].max() + window_days, side="right")
        sims = (vectors[dated[rows]] @ vectors[dated[lo:hi]].T).tocoo()  # sparse: no dense block per chunk
        keep = sims.data >= SPREAD_COSINE
        r, c = rows[sims.row[keep]], lo + sims.col[keep]
        gap = np.abs(days[r] - days[c])
        gaps.append(gap[(r != c) & (gap <= (window_days if window_days is not None else np.inf))])
    gaps = np.concatenate(gaps)
    return float(gaps.mean()) if len(gaps) >= SPREAD_MIN_PAIRS else None
