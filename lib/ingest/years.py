"""The year of a dateline that gives only a day and month (TASS's ``September 25``), inferred, never assumed.

Evidence, in order (the first that yields a year wins; every candidate is kept with its reason):
1. explicit metadata (a Date header or field: handled before this module is reached);
2. the story: other articles in the batch with a trusted date that report the same event (TF-IDF cosine
   over words and names) and refer to the same day ("On Friday, ... Putin announced" in a piece dated
   2020-09-30 is 2020-09-25), or, more weakly, were published a few days after that day;
3. weekdays: a weekday the article mentions ("uploaded ... on Friday") picks the most recent year, not in
   the future, in which the day falls on that weekday;
4. the latest year the text itself mentions, only when it lies near the batch's other evidence: within
   MENTION_REACH_YEARS of a trusted date of the batch, or, in a batch without one, within WEEKDAY_YEARS_BACK of
   today: "the bridge, built in 1865" says nothing of when the report ran.
"""
from __future__ import annotations

import datetime as dt
import re
import zlib
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

import numpy as np

from lib.domain.calendar import WEEKDAY_NUMBERS, WEEKDAYS, named_years
from lib.domain.dates import find_dates
from lib.ingest.text import Yearless
from lib.models import Article, shown_path

TRUSTED_SOURCES = ("header", "metadata", "url", "dateline", "byline")
STORY_MIN_SIMILARITY = 0.12  # TF-IDF cosine above which two articles plausibly report the same event
STORY_PROXIMITY_SIMILARITY = 0.3  # stricter: a same-story date without a matching mention
STORY_NEIGHBOURS = 10
STORY_LEAD_CHARS = 1200  # similarity reads the lead, where the event is named
DATED_WINDOW_DAYS = 70  # "on September 25" (no year), "on Friday": days up to ten weeks before a piece
PROXIMITY_WINDOW = (-2, 21)  # a same-story piece appears from 2 days before to 3 weeks after the event
SAME_OR_LAST_WEEK = frozenset(("weekday",))  # dated-reference kinds that name a weekday
HASHED_FEATURES = 2 ** 20  # hashed word columns: collisions negligible for a batch's leads, no vocabulary to keep
QUERY_BATCH = 256  # pending articles scored per dense block (bounds memory: batch x dated articles)
MAX_INFERRED_CONFIDENCE = 0.95  # an inferred year never reaches a written date's confidence
WEEKDAY_YEARS_BACK = 60  # a weekday fits a day and month every few years: look back this far at most
MENTION_REACH_YEARS = 10  # a year mentioned dates a report alone only this close to the batch's other evidence
CONFIDENCE = {"story-mention": 0.85, "story-proximity": 0.6, "weekday": 0.45, "mentions": 0.3,
              "agreement-bonus": 0.05}

_PLAIN_WEEKDAY = re.compile(r"\b(?:" + "|".join(w.casefold() for w in WEEKDAYS) + r")\b")
_QUALIFIED = re.compile(r"\b(?:last|next|previous|coming|following|past)\s+$")


def resolve_years(batch: Sequence[Article], pending: Sequence[tuple[Article, Yearless]],
                  today: dt.date | None = None) -> list[Article]:
    """Each pending article with ``published`` set from the best evidence (or still None, with the reason)."""
    today = today or dt.date.today()
    story = StoryIndex(batch, pending)
    evidence = evidence_years(batch, today)
    return [infer_year(article, partial, story.neighbours(article), today, evidence) for article, partial in pending]


class YearEvidence:
    """What resolve_years reads of a batch's articles, kept while a batch of any size is parsed a chunk at a time: each
    article with a trusted date, reduced to its id, date, outlet and origin, and its text compressed (a tenth of
    the parsed article's memory); read back as articles only when some date lacks its year."""

    def __init__(self):
        self.kept: list[tuple] = []

    def add(self, articles: Sequence[Article]) -> None:
        """Keep the trusted-date articles among ``articles``."""
        self.kept.extend((a.id, a.published, a.date_source, a.outlet, a.origin,
                          zlib.compress(a.text.encode("utf-8", "surrogatepass"), 1))
                         for a in articles if a.published is not None and a.date_source in TRUSTED_SOURCES)

    def articles(self) -> list[Article]:
        """The kept articles, as resolve_years reads them."""
        return [Article(id=i, text=zlib.decompress(z).decode("utf-8", "surrogatepass"), published=p, date_source=d,
                        outlet=o, origin=g) for i, p, d, o, g, z in self.kept]


def evidence_years(batch: Sequence[Article], today: dt.date) -> frozenset[int]:
    """The years a year mentioned alone must lie near: those of the batch's trusted dates, or, when it has none, the
    years the weekday search reaches (WEEKDAY_YEARS_BACK up to today)."""
    trusted = {a.published.year for a in batch if a.published is not None and a.date_source in TRUSTED_SOURCES}
    return frozenset(trusted) if trusted else frozenset(range(today.year - WEEKDAY_YEARS_BACK + MENTION_REACH_YEARS,
                                                              today.year + 1))


class StoryIndex:
    """TF-IDF vectors of the batch's trusted-date articles, to find each pending article's same-story pieces."""

    def __init__(self, batch: Sequence[Article], pending: Sequence[tuple[Article, Yearless]]):
        """Vectorise the leads of the dated articles that could report a pending day, plus the pending
        articles (hashed TF-IDF, batch-local IDF); then find each one's nearest dated articles."""
        self.found: dict[int, list[tuple[Article, float]]] = {}
        queries = [a for a, _ in pending]
        reach = _reachable_days([p for _, p in pending])
        dated = [a for a in batch if a.published is not None and a.date_source in TRUSTED_SOURCES
                 and (a.published.month, a.published.day) in reach]
        if not dated or not queries:
            return
        from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

        hashing = HashingVectorizer(stop_words="english", token_pattern=r"(?u)\b[^\W\d_]{3,}\b", n_features=HASHED_FEATURES,
                                    alternate_sign=False, norm=None, dtype=np.float64)
        # the lead paragraphs name the event; reading only them keeps large batches fast
        counts = hashing.transform([a.text[:STORY_LEAD_CHARS] for a in dated + queries])
        matrix = TfidfTransformer(sublinear_tf=True).fit_transform(counts).tocsr()
        dated_t = matrix[: len(dated)].T.tocsr()
        k = min(STORY_NEIGHBOURS + 1, len(dated))
        for lo in range(0, len(queries), QUERY_BATCH):
            scores = (matrix[len(dated) + lo: len(dated) + lo + QUERY_BATCH] @ dated_t).toarray()
            tops = np.argpartition(-scores, k - 1, axis=1)[:, :k]
            for j, (row, top) in enumerate(zip(scores, tops)):
                query = queries[lo + j]
                top = top[np.argsort(-row[top])]
                self.found[id(query)] = [(dated[i], float(row[i])) for i in top
                                         if row[i] >= STORY_MIN_SIMILARITY and dated[i].id != query.id]

    def neighbours(self, article: Article) -> list[tuple[Article, float]]:
        """Dated articles of the same story, most similar first, with their cosine similarity."""
        return self.found.get(id(article), [])[:STORY_NEIGHBOURS]


def infer_year(article: Article, partial: Yearless, neighbours: list[tuple[Article, float]],
               today: dt.date, evidence: frozenset[int] = frozenset()) -> Article:
    """One article's date from story, weekday and year-mention evidence; candidates and reason recorded. A year
    the text mentions counts alone only within MENTION_REACH_YEARS of a year in ``evidence`` (evidence_years)."""
    floor = latest_year(article.text, today)
    weekdays = mentioned_weekdays(article.text)
    candidates: list[tuple[dt.date, str, float, str]] = []  # (date, source, confidence, reason)
    candidates += story_candidates(partial, neighbours, floor)
    candidates += weekday_candidates(weekdays, partial, today, floor)
    in_floor_year = _valid(floor, partial) if floor is not None else None
    evidence = evidence or evidence_years((), today)
    near = floor is not None and any(abs(floor - year) <= MENTION_REACH_YEARS for year in evidence)
    if in_floor_year is not None and in_floor_year <= today and near:
        candidates.append((in_floor_year, "inferred-from-mentions", CONFIDENCE["mentions"],
                           f"the latest year the text mentions is {floor}"))
    candidates = [c for c in candidates if c[0] <= today]  # a report is never from after today, whatever the batch says
    if not candidates:
        note = (f"{partial.written!r} gives {partial.describe()} without a year, and nothing in the batch "
                "(metadata, a same-story article, a weekday or a year mentioned) tells which year: date unknown")
        return replace(article, published=None, date_source="unknown", date_confidence=0.0, date_note=note,
                       date_candidates=())
    best = candidates[0]
    agreeing = [c[3] for c in candidates[1:] if c[0] == best[0] and c[1] != best[1]]
    weekday = WEEKDAYS[best[0].weekday()].casefold()
    if best[1] != "inferred-from-weekday" and weekday in weekdays:
        agreeing.append(f"the text mentions {weekday.capitalize()}, and {best[0].isoformat()} was one")
    agreeing = list(dict.fromkeys(agreeing))
    confidence = min(MAX_INFERRED_CONFIDENCE, best[2] + CONFIDENCE["agreement-bonus"] * len(agreeing))
    note = f"year inferred: {partial.written!r} gives {partial.describe()} without a year; {best[3]}"
    if agreeing:
        note += "; consistent with: " + "; ".join(agreeing)
    return replace(article, published=best[0], date_source=best[1], date_confidence=round(confidence, 3),
                   date_note=note, date_candidates=_listed(candidates))


def story_candidates(partial: Yearless, neighbours: list[tuple[Article, float]],
                     floor: int | None) -> list[tuple[dt.date, str, float, str]]:
    """Dates from same-story articles: a matching day reference first, then publication proximity."""
    exact, near = [], []
    for other, similarity in neighbours:
        published = other.published_date()
        named = shown_path(other.origin) if other.origin else other.id  # its file's name, never a server folder
        reachable = any(day and 0 <= (published - day).days <= DATED_WINDOW_DAYS
                        for day in (_valid(published.year, partial), _valid(published.year - 1, partial)))
        for day, phrase in (_day_references(other.text, published) if reachable else ()):
            if (day.month, day.day) == (partial.month, partial.day) and (floor is None or day.year >= floor):
                exact.append((similarity, day, f"same-story article {named} "
                              f"({other.outlet or 'outlet unknown'}, {published.isoformat()}, similarity "
                              f"{similarity:.2f}) refers to {phrase!r} = {day.isoformat()}"))
        if similarity >= STORY_PROXIMITY_SIMILARITY:
            for year in (published.year - 1, published.year, published.year + 1):
                day = _valid(year, partial)
                if day and PROXIMITY_WINDOW[0] <= (published - day).days <= PROXIMITY_WINDOW[1]:
                    near.append((similarity, day, f"same-story article {named} "
                                 f"({other.outlet or 'outlet unknown'}) was published {published.isoformat()}, "
                                 f"{(published - day).days} days later (similarity {similarity:.2f})"))
    exact.sort(key=lambda c: -c[0])
    near.sort(key=lambda c: -c[0])
    return ([(d, "inferred-from-story", CONFIDENCE["story-mention"], why) for _, d, why in exact]
            + [(d, "inferred-from-story", CONFIDENCE["story-proximity"], why) for _, d, why in near])


def resolve_day_references(text: str, published: dt.date) -> list[tuple[dt.date, str]]:
    """Days an article refers to relative to its own date ("on Friday", "yesterday", "September 25"), within
    DATED_WINDOW_DAYS before it: the dated references of lib.domain.dates whose year is not written."""
    found = []
    for start, end, kind, (day, granularity, relative) in find_dates(text, published):
        if granularity != "day" or not relative or day is None or not 0 <= (published - day).days <= DATED_WINDOW_DAYS:
            continue
        if text[max(0, start - 3):start].casefold() == "on ":  # quoted as written: "On Friday", not "Friday"
            start -= 3
        found.append((day, text[start:end]))
        if kind in SAME_OR_LAST_WEEK and day == published:  # "on Friday" in a Friday piece: today or a week ago
            found.append((day - dt.timedelta(days=7), text[start:end]))
    return found


@lru_cache(maxsize=8192)
def _day_references(text: str, published: dt.date) -> tuple[tuple[dt.date, str], ...]:
    """resolve_day_references, cached: one dated article is a neighbour of many pending ones."""
    return tuple(resolve_day_references(text, published))


def weekday_candidates(weekdays: list[str], partial: Yearless, today: dt.date,
                       floor: int | None) -> list[tuple[dt.date, str, float, str]]:
    """For each weekday the text mentions, the most recent past year in which the day falls on it."""
    out = []
    for name in weekdays:
        target = WEEKDAY_NUMBERS[name]
        for year in range(today.year, (floor or today.year - WEEKDAY_YEARS_BACK) - 1, -1):
            day = _valid(year, partial)
            if day and day <= today and day.weekday() == target:
                out.append((day, "inferred-from-weekday", CONFIDENCE["weekday"],
                            f"the text mentions {name.capitalize()}, and {partial.describe()} was a "
                            f"{name.capitalize()} in {year} (most recent such year, not in the future"
                            + (f", not before {floor}, the latest year mentioned)" if floor else ")")))
                break
    out.sort(key=lambda c: c[0], reverse=True)
    return out


def mentioned_weekdays(text: str) -> list[str]:
    """Weekdays the text names without 'last'/'next' (those point away from the article's own day)."""
    mentioned: list[str] = []
    lower = text.lower()  # a case-sensitive pattern on lowered text: several times faster than re.I
    for m in _PLAIN_WEEKDAY.finditer(lower):
        name = m.group(0)
        if name not in mentioned and not _QUALIFIED.search(lower, max(0, m.start() - 12), m.start()):
            mentioned.append(name)
    return mentioned


def latest_year(text: str, today: dt.date) -> int | None:
    """The latest plausible year (not after this year) that the text mentions."""
    years = [y for y in named_years(text) if y <= today.year]
    return max(years) if years else None


def _reachable_days(partials: Sequence[Yearless]) -> set[tuple[int, int]]:
    """(month, day) publication days from which a same-story article could refer to a pending day."""
    reach = set()
    for partial in {(p.month, p.day) for p in partials}:
        base = dt.date(2000, *partial)  # a leap year, so 29 February has a place
        for delta in range(PROXIMITY_WINDOW[0], DATED_WINDOW_DAYS + 1):
            day = base + dt.timedelta(days=delta)
            reach.add((day.month, day.day))
    return reach


def _valid(year: int, partial: Yearless) -> dt.date | None:
    """date(year, month, day), or None (29 February outside leap years)."""
    try:
        return dt.date(year, partial.month, partial.day)
    except ValueError:
        return None


def _listed(candidates: list[tuple[dt.date, str, float, str]]) -> tuple[str, ...]:
    """Distinct 'YYYY-MM-DD source' strings, best first."""
    return tuple(dict.fromkeys(f"{d.isoformat()} {source}" for d, source, _, _ in candidates))

