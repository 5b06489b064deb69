"""Stories: group articles that report the same event, label them and count their independent sources.

Method (why it is built this way):
- Vectors. Each article is one sparse row of four L2-normalised blocks: distinctive words (TF-IDF,
  sublinear tf, English stop words out) and "anchors" of the whole text, then the same two for its lead
  (first LEAD_WORDS words, weight ``lead_weight``): in news the lead states who, what, where and when,
  while background paragraphs are what similar events share. Anchors are what tell two similar events
  apart: capitalised names, places (the dateline place too), numbers with their unit word, years and
  explicit dates, found by the rule-based ``extract_anchors`` (no trained NER is available). The IDF
  counts BACKGROUND_DOCS unseen documents so that a small corpus does not penalise shared words.
- Time. Each dated article has event days: its publication day and the days its lead refers back to
  ("On Friday, the minister announced ..."). The cosine of two dated articles decays with the gap between
  their nearest event days and is 0 beyond ``window_days``. The half-life is ``half_life_days`` stretched by
  (1 + the corpus's day spread, ``date_spread``): a source that dates every report of a story by the
  story's day wants a sharp decay; real publication days of one event spread over days and want a gentler
  one. An undated article is compared with everything (no window for it). What an undated article's text
  tells of its time is the latest year it names (news rarely names a year after its writing; a target "by
  2030" agrees only with texts that name 2030 too): two undated reports whose latest years agree within a
  year get their direct similarity multiplied by ``year_agreement``, since same-event reports are written
  together while similar events recur over the years; disagreeing or yearless texts are left as they are
  (a background year proves nothing). On ECB+, whose articles are undated, this is what keeps reports of
  one event together while a similar event of another year stays apart.
- Similarity. The clustering similarity mixes the time-weighted cosine with the shared-neighbour
  similarity (Jarvis and Patrick 1973): the cosine of two articles' profiles over their
  ``profile_neighbours`` nearest neighbours. Reports of one event share their neighbours even when their
  wording overlaps little; two similar but different events (two earthquakes, two elections in one
  country) each keep their own neighbourhood.
- Scale. Neighbours come from sparse matrix products in row chunks, each chunk against the date band it
  can reach, so the work grows with articles x articles-per-window, not articles squared.
- Clustering. Average linkage (UPGMA) cut at ``threshold``, run inside the connected components of the
  ">= threshold" candidate graph. Why not connected components alone: they chain (A~B, B~C puts A with
  C even when A and C report different events), while average linkage merges two groups only when their
  MEAN pairwise similarity clears the threshold. A merge at mean >= t needs at least one pair >= t, so
  the components are an exact blocking for average linkage over the candidate pairs, at a fraction of
  the cost. A component larger than ``max_block`` (a chained giant) is split first by raising its edge
  threshold, which keeps memory bounded.
Hand-assigned stories (the `story` field) override: those articles keep their story and are not clustered.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

# Columns of the frames this module reads and returns.
ARTICLE_INPUT_COLUMNS = ("id", "text", "outlet", "via", "published", "title", "story", "dateline_place")
ASSIGNMENT_COLUMNS = ("article_id", "story_id", "assigned_by")  # assigned_by: "hand" | "auto"
STORY_COLUMNS = ("story_id", "label", "terms", "first", "last", "n_articles", "outlets", "n_outlets",
                 "independent_sources", "article_ids")

# One configuration for every corpus; cluster_stories(**config) overrides any of these.
DEFAULT_CONFIG = {
    # Average-linkage cut on the combined similarity: ECB+ F1 is flat (0.978) from 0.105 to 0.135 at these settings
    # while AllSides falls from 0.955 to 0.943 (bench/stories_eval.py's table); 0.115 is well inside both.
    "threshold": 0.115,
    "direct_share": 0.4,  # combined = direct_share * cosine + (1 - direct_share) * shared-neighbour similarity
    # Nearest neighbours that make an article's profile (shared-neighbour similarity). Keep it below the size
    # of the events to separate: once k reaches an event's size its profiles take in the nearest other event
    # (on ECB+ the sibling sub-topic); profile_ratio limits the damage where events are smaller than k.
    "profile_neighbours": 4,
    # A profile keeps only neighbours at least this share of the article's best neighbour: a report's closest
    # partners, not a same-topic report of another event well below them. ECB+ cut to 3 reports per event: F1
    # 0.84 without it, 0.91 with it; the full sets unchanged (bench/stories_eval.py's perturbed inputs).
    "profile_ratio": 0.6,
    "anchor_weight": 1.0,  # weight of the anchor blocks against the word blocks (1.0 = equal)
    "lead_weight": 0.5,  # weight of the lead (first LEAD_WORDS words) blocks against the whole text's
    "window_days": 7,  # dated articles further apart than this never share a story
    # The direct similarity halves every this many days between two dated articles, in a corpus whose reports of
    # one event share their day; stretched by (1 + the corpus's measured day spread, see date_spread).
    "half_life_days": 2,
    "year_agreement": 2.0,  # factor on two undated articles whose texts' latest years agree (see ArticleTimes)
    "neighbours": 30,  # best partners kept per article when building the graph
    "chunk": 1000,  # rows per sparse product
    "max_block": 3000,  # largest component clustered densely
}
LEAD_WORDS = 60
REFERENCE_PENALTY = 1.0  # extra days on a gap measured from a day the lead refers back to (see _day_gaps)
SMALL_BLOCK = 200  # components up to this size are scored pairwise in one batch
EVENT_DAYS = 3  # publication day + up to 2 days the lead refers back to
YEAR_TOLERANCE = 1  # latest years this far apart still agree (a January report on a December event)
# date_spread: pairs of dated articles this similar (direct cosine) nearly always report one event (99% of them on
# AllSides), so the days between them measure how far a corpus spreads one event's reports; measured on up to
# SPREAD_SAMPLE articles, and only trusted from SPREAD_MIN_PAIRS such pairs.
SPREAD_COSINE = 0.4
SPREAD_SAMPLE = 2000
SPREAD_MIN_PAIRS = 10
BACKGROUND_DOCS = 1000  # unseen documents assumed in every IDF (see _tfidf_block)
WORD_OPTIONS = {"stop_words": "english", "token_pattern": r"(?u)\b[^\W\d_]{2,}\b"}  # words of 2+ letters
NEAR_DUPLICATE = 0.8  # share of the shorter text's word 3-grams found in the other: a syndicated copy
LABEL_TERMS = 5

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|" \
            r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# Explicit dates, "September 25[, 2020]" or "25[th] [of] September[ 2020]"; the lookahead skips most positions fast.
_DATE_RE = re.compile(
    rf"\b(?=[JFMASOND0-9])(?:(?P<month>{_MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH_RE})(?:,?\s+(?P<year2>(?:19|20)\d\d))?)\b")
_YEAR_RE = re.compile(r"(?<![\d.,])\b(?:19|20)\d\d\b(?![.,]\d)")  # whole words: not "2013a", "1990s", "2,013"
# A number and, when there is one, the word after it ("6.1 magnitude", "150 billion", "33 people").
_NUMBER_RE = re.compile(r"(?=[\d$£€])(?<![\w.,])(\$|£|€)?(\d+(?:[.,]\d+)*)(?:\s*(%|percent|per cent)|\s*-?\s*([A-Za-z]+))?")
_CONNECTOR_RE = r"(?:of(?:[ \t\xa0]+the)?|de|del|della|la|le|van|von|der|al|bin|da|du|dos)"
_WORD_RE = r"(?:[A-Z][\w'’.-]*\w|[A-Z])"
_NAME_RE = re.compile(rf"{_WORD_RE}(?:[ \t\xa0]+(?:{_CONNECTOR_RE}[ \t\xa0]+)?{_WORD_RE})*")  # "Bank of England", "Tara Reid"
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?…]['\"”’)]?\s+|\n)\s*['\"“‘(]?")  # ends where a sentence starts
_LEAD_RE = re.compile(r"\s*(?:\S+\s+){0,%d}\S+" % (LEAD_WORDS - 1))
_LOWER_WORD_RE = re.compile(r"[a-z]+")  # lower-case words (and tails of others: harmless for the lookup)
# Capitalised words that are not names even mid-sentence (titles, pronouns, calendar words).
_NOT_NAMES = frozenset("""
i a an the this that these those he she it we they you his her its our their my your mr mrs ms dr
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
but and or so if when while after before as at by in on of for to from with
""".split())
_SMALL_NUMBERS = 10  # bare numbers up to this are too common to tell events apart


def _stable_hash(parts) -> str:
    """A short, order-independent hash of strings (stable story ids)."""
    return hashlib.sha1("\x1f".join(sorted(parts)).encode("utf-8")).hexdigest()[:12]


def _month_number(word: str) -> int:
    """1..12 from a month name or abbreviation."""
    return _MONTH_ABBR[word.rstrip(".").casefold()[:3]]


def _date_parts(m: re.Match) -> tuple[int, int, int | None]:
    """(day, month, year or None) of a _DATE_RE match, whichever order it was written in."""
    day, month, year = (m.group("day"), m.group("month"), m.group("year")) if m.group("month") else \
        (m.group("day2"), m.group("month2"), m.group("year2"))
    return int(day), _month_number(month), int(year) if year else None


def extract_anchors(text: str, place: str | None = None) -> list[str]:
    """Event anchors of a text: names, places, numbers with units, years and dates, as normalised tokens."""
    return [token for _, token in anchor_spans(text, place)]


def anchor_spans(text: str, place: str | None = None) -> list[tuple[int, str]]:
    """(offset, anchor) pairs of a text, in no particular order; a dateline place counts at offset 0."""
    text = text or ""
    out: list[tuple[int, str]] = []
    lower_words = set(_LOWER_WORD_RE.findall(text))
    sentence_starts = {m.end() for m in _SENTENCE_START_RE.finditer(text)}
    names: list[tuple[int, str]] = []  # names found mid-sentence (or multi-word)
    openers: list[tuple[int, str]] = []  # lone capitalised words opening a sentence: names only if seen mid-sentence
    for m in _NAME_RE.finditer(text):
        found, at = m.group(0), m.start()
        if " " not in found:  # one word: the common case, kept cheap
            name = found.strip(".'’").casefold()
            if name.endswith(("'s", "’s")):
                name = name[:-2]
            if len(name) < 2 or name in _NOT_NAMES:
                continue
            if at not in sentence_starts:
                names.append((at, name))
            elif name not in lower_words:  # "Police said" opens a sentence; "police" elsewhere: not a name
                openers.append((at, name))
            continue
        words = found.split()
        first = words[0].casefold()
        if first in _NOT_NAMES or (at in sentence_starts and first in lower_words):
            words = words[1:]  # "The", "Police" opening a sentence are not part of the name
            while words and words[0].casefold() in _NOT_NAMES:
                words = words[1:]
        if not words:
            continue
        name = " ".join(words).strip(".'’").casefold()
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        if len(words) == 1 and (name in _NOT_NAMES or len(name) < 2):
            continue
        names.append((at, name))
    mid_sentence = {name for _, name in names}
    out.extend((at, "n:" + name) for at, name in names)
    out.extend((at, "n:" + name) for at, name in openers if name in mid_sentence)
    date_starts = set()
    for m in _DATE_RE.finditer(text):
        date_starts.update(range(*m.span()))
        day, month, year = _date_parts(m)
        if not 1 <= day <= 31:
            continue
        out.append((m.start(), f"d:{month:02d}-{day:02d}"))
        if year:
            out.append((m.start(), f"d:{year}-{month:02d}-{day:02d}"))
    out.extend((m.start(), "y:" + m.group(0)) for m in _YEAR_RE.finditer(text))
    for m in _NUMBER_RE.finditer(text):
        if m.start() in date_starts:
            continue  # the day of a date already counted
        currency, number, percent, unit = m.groups()
        value = number.replace(",", "")
        if _YEAR_RE.fullmatch(value):
            continue
        try:
            magnitude = float(value)
        except ValueError:
            continue
        if magnitude <= _SMALL_NUMBERS and "." not in value and not (currency or percent):
            continue
        out.append((m.start(), "#:" + (currency or "") + value + ("%" if percent else "")))
        if unit and not percent and unit.casefold() not in _NOT_NAMES:
            out.append((m.start(), "#:" + (currency or "") + value + " " + unit.casefold()))
    if place and isinstance(place, str) and place.strip():
        out.append((0, "n:" + place.strip().casefold()))
    return out


def _article_text(row) -> str:
    """Title and body as one string (the title once, even when the body starts with it)."""
    title = row.title if isinstance(row.title, str) else ""
    text = row.text if isinstance(row.text, str) else ""
    if title and not text.lstrip().startswith(title.strip()[:40]):
        return title + "\n\n" + text
    return text


def _as_tokens(tokens: list[str]) -> list[str]:
    """TF-IDF analyzer for anchors: they are tokens already."""
    return tokens


def _lead(text: str) -> str:
    """The first LEAD_WORDS words (title and lead): where a news report states who, what, where and when."""
    m = _LEAD_RE.match(text)
    return m.group(0) if m else text


def _tfidf_block(docs: list, **options) -> sp.csr_matrix:
    """Sublinear TF-IDF rows (L2-normalised) with BACKGROUND_DOCS unseen documents in the IDF."""
    return _tfidf_vocabulary(docs, **options)[0]


def _tfidf_vocabulary(docs: list, **options) -> tuple[sp.csr_matrix, np.ndarray]:
    """(TF-IDF rows, vocabulary): sublinear tf, L2 rows, BACKGROUND_DOCS unseen documents in the IDF.

    The pseudo-documents (which contain none of the terms) keep a small corpus from penalising exactly
    the words its articles share: with two articles, plain IDF ranks every shared word below every
    unshared one. On large corpora they make no difference.
    """
    vectoriser = CountVectorizer(dtype=np.float32, **options)
    try:
        counts = vectoriser.fit_transform(docs).tocsr()
    except ValueError:  # empty vocabulary: only stop words, numbers or nothing at all
        return sp.csr_matrix((len(docs), 0), dtype=np.float32), np.array([], dtype=object)
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((counts.shape[0] + BACKGROUND_DOCS + 1) / (df + 1)).astype(np.float32)
    counts.data = 1.0 + np.log(counts.data)  # sublinear tf
    return normalize(counts @ sp.diags(idf)).astype(np.float32).tocsr(), vectoriser.get_feature_names_out()


def build_vectors(articles: pd.DataFrame, anchor_weight: float = DEFAULT_CONFIG["anchor_weight"],
                  lead_weight: float = DEFAULT_CONFIG["lead_weight"]) -> sp.csr_matrix:
    """One L2-normalised row per article: words and anchors of the whole text, and again of its lead."""
    rows = list(articles.itertuples(index=False))
    texts = [_article_text(r) for r in rows]
    leads = [_lead(t) for t in texts]
    # Anchors once per text; the lead's are those that start inside it (names judged on the whole text).
    spans = [anchor_spans(t, getattr(r, "dateline_place", None)) for t, r in zip(texts, rows)]
    anchors = [[a for _, a in found] for found in spans]
    lead_anchors = [[a for at, a in found if at < len(lead)] for found, lead in zip(spans, leads)]
    blocks = []
    for docs, doc_anchors, weight in ((texts, anchors, 1.0), (leads, lead_anchors, lead_weight)):
        blocks.append(_tfidf_block(docs, **WORD_OPTIONS) * np.float32(weight))
        blocks.append(_tfidf_block(doc_anchors, analyzer=_as_tokens) * np.float32(weight * anchor_weight))
    return normalize(sp.hstack(blocks, format="csr")).astype(np.float32)


def _day_numbers(published: pd.Series) -> np.ndarray:
    """Days since the epoch as floats, NaN where the article has no date."""
    stamps = pd.to_datetime(published, errors="coerce", utc=True)
    days = (stamps - pd.Timestamp("1970-01-01", tz="UTC")) / pd.Timedelta(days=1)
    return np.floor(np.asarray(days, dtype=float))


def event_days(articles: pd.DataFrame, window_days: float | None) -> np.ndarray:
    """(articles x EVENT_DAYS) day numbers: the publication day, then days the lead refers back to.

    A follow-up published days later usually dates the event it reports in its lead ("On Friday, Putin
    announced ..."); weekdays resolve to the latest such day on or before publication, month-day dates
    to the nearest year; only references within ``window_days`` before publication count. Undated
    articles get NaN throughout (no window for them).
    """
    published = _day_numbers(articles["published"])
    out = np.full((len(published), EVENT_DAYS), np.nan)
    out[:, 0] = published
    reach = window_days if window_days is not None else 0
    texts = [_lead(_article_text(r)) for r in articles.itertuples(index=False)]
    for i, (day, text) in enumerate(zip(published, texts)):
        if np.isnan(day) or not reach:
            continue
        pub = dt.date(1970, 1, 1) + dt.timedelta(days=int(day))
        found = []
        for m in _WEEKDAY_RE.finditer(text):
            back = (pub.weekday() - _WEEKDAYS.index(m.group(1).casefold())) % 7
            found.append(day - back)
        for m in _DATE_RE.finditer(text):
            mday, month, year = _date_parts(m)
            try:
                when = dt.date(year or pub.year, month, mday)
                if not year and when > pub:  # "December 30" in a January article: last year
                    when = when.replace(year=pub.year - 1)
            except ValueError:  # February 30, or February 29 in a common year
                continue
            found.append(day - (pub - when).days)
        referenced = sorted({d for d in found if day - reach <= d < day}, reverse=True)[:EVENT_DAYS - 1]
        out[i, 1:1 + len(referenced)] = referenced
    return out


def _day_gaps(days_a: np.ndarray, days_b: np.ndarray, paired: bool = False) -> np.ndarray:
    """Days between articles: the smallest gap between any of their event days (NaN when either is undated).

    A gap measured from a day the lead refers back to counts REFERENCE_PENALTY more per reference: a shared
    publication day is stronger evidence than a follow-up naming the day. ``paired`` compares row i of
    ``days_a`` with row i of ``days_b``; otherwise every row with every row.
    """
    shape = (len(days_a),) if paired else (len(days_a), len(days_b))
    gap = np.full(shape, np.inf)
    used_a = [c for c in range(days_a.shape[1]) if c == 0 or not np.isnan(days_a[:, c]).all()]
    used_b = [c for c in range(days_b.shape[1]) if c == 0 or not np.isnan(days_b[:, c]).all()]
    for a in used_a:
        for b in used_b:
            left, right = (days_a[:, a], days_b[:, b]) if paired else (days_a[:, a][:, None], days_b[:, b][None, :])
            with np.errstate(invalid="ignore"):
                gap = np.fmin(gap, np.abs(left - right) + REFERENCE_PENALTY * ((a > 0) + (b > 0)))
    gap[np.isinf(gap)] = np.nan
    return gap


def time_weights(gap: np.ndarray, window_days: float | None, half_life_days: float | None) -> np.ndarray:
    """Factor on the similarity of two articles this many days apart: decays, and is 0 beyond the window.

    Time decay inside a window, as in retrospective event detection (Yang, Pierce and Carbonell 1998):
    coverage of one event comes in a burst. A NaN gap (an undated article) leaves the similarity as it is.
    """
    weights = np.ones(gap.shape, dtype=np.float32)
    dated = ~np.isnan(gap)
    if half_life_days:
        weights[dated] = 0.5 ** (gap[dated] / half_life_days)
    if window_days is not None:
        weights[dated & (np.nan_to_num(gap, nan=0.0) > window_days)] = 0.0
    return weights


def text_years(articles: pd.DataFrame) -> np.ndarray:
    """The latest year each undated article's text names (NaN for dated articles and texts naming none)."""
    undated = pd.to_datetime(articles["published"], errors="coerce", utc=True).isna().to_numpy()
    years = np.full(len(articles), np.nan)
    for i, row in enumerate(articles.itertuples(index=False)):
        if undated[i]:
            found = [int(y) for y in _YEAR_RE.findall(_article_text(row))]
            years[i] = max(found) if found else np.nan
    return years


@dataclass(frozen=True)
class ArticleTimes:
    """When each article was written, as far as it tells: event days if dated, else the latest year it names."""

    days: np.ndarray  # (articles x EVENT_DAYS) day numbers, NaN when undated (see event_days)
    years: np.ndarray  # latest year an undated article's text names, NaN otherwise (see text_years)

    @classmethod
    def of(cls, articles: pd.DataFrame, window_days: float | None) -> "ArticleTimes":
        """The times of an articles frame."""
        return cls(event_days(articles, window_days), text_years(articles))

    def weights(self, a: np.ndarray, b: np.ndarray, cfg: dict, paired: bool = False) -> np.ndarray:
        """Factor on the direct similarity of articles ``a`` x ``b`` (row i with row i when ``paired``).

        Dated pairs: ``time_weights`` of their day gap. Undated pairs whose latest years agree within
        YEAR_TOLERANCE: ``year_agreement``. Any other pair: 1.
        """
        weights = time_weights(_day_gaps(self.days[a], self.days[b], paired), cfg["window_days"],
                               cfg["half_life_days"])
        years_a, years_b = (self.years[a], self.years[b]) if paired else (self.years[a][:, None], self.years[b][None, :])
        with np.errstate(invalid="ignore"):  # NaN (dated or yearless) never agrees
            weights[np.abs(years_a - years_b) <= YEAR_TOLERANCE] *= np.float32(cfg["year_agreement"])
        return weights


def date_spread(vectors, times: ArticleTimes, window_days: float | None, chunk: int = 250) -> float | None:
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


def find_neighbours(vectors, times: ArticleTimes, cfg: dict) -> sp.csr_matrix:
    """Each article's ``neighbours`` most similar articles (time-weighted cosine > 0), as a sparse matrix.

    Rows are processed in chunks sorted by date, each against the articles its window can reach plus
    the undated ones, so dated corpora cost articles x articles-per-window, not articles squared.
    """
    n, window, chunk = vectors.shape[0], cfg["window_days"], cfg["chunk"]
    published = times.days[:, 0]
    dated = ~np.isnan(published)
    order = np.argsort(np.where(dated, published, np.inf), kind="stable")  # dated first, by date
    sorted_days = published[order]
    n_dated = int(dated.sum())
    undated_idx = order[n_dated:]
    rows_out, cols_out, vals_out = [], [], []
    for start in range(0, n, chunk):
        block = order[start:start + chunk]
        block_days = sorted_days[start:start + chunk]
        if window is not None and start < n_dated and np.isfinite(block_days).all():
            # event days reach back at most one window, so partners lie within two windows
            lo = np.searchsorted(sorted_days[:n_dated], block_days.min() - 2 * window, side="left")
            hi = np.searchsorted(sorted_days[:n_dated], block_days.max() + 2 * window, side="right")
            candidates = np.concatenate([order[lo:hi], undated_idx])
        else:
            candidates = np.arange(n)
        sims = (vectors[block] @ vectors[candidates].T).toarray()
        sims *= times.weights(block, candidates, cfg)
        sims[block[:, None] == candidates[None, :]] = 0.0
        k = min(cfg["neighbours"], sims.shape[1])
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        top_sims = np.take_along_axis(sims, top, axis=1)
        keep = (top_sims > 0).ravel()
        rows_out.append(np.repeat(block, k)[keep])
        cols_out.append(candidates[top].ravel()[keep])
        vals_out.append(top_sims.ravel()[keep])
    return sp.csr_matrix((np.concatenate(vals_out), (np.concatenate(rows_out), np.concatenate(cols_out))),
                         shape=(n, n), dtype=np.float32)


def neighbour_profiles(neighbours: sp.csr_matrix, k: int, floor: float, ratio: float) -> sp.csr_matrix:
    """L2-normalised rows of each article's k nearest neighbours' similarities (>= floor, and >= ratio x the
    nearest one's), itself with 1.

    The floor (the clustering threshold) keeps weak partners out: in a small corpus every article is
    among every other's k nearest, and unrelated ones must not make profiles look alike. The ratio does the
    same relative to the article's own closest partner: where an event has fewer reports than k, the rest
    of the k are reports of a similar event, which would make the two events' profiles alike.

    The dot product of two profiles is the shared-neighbour similarity (Jarvis and Patrick 1973): two
    reports of one event have the same nearest neighbours even when their own wording overlaps little,
    while two similar but different events each keep their own neighbourhood.
    """
    n = neighbours.shape[0]
    rows, cols, vals = [np.arange(n)], [np.arange(n)], [np.ones(n, dtype=np.float32)]
    for i in range(n):  # rows hold at most ``neighbours`` entries: this loop is linear in articles
        lo, hi = neighbours.indptr[i], neighbours.indptr[i + 1]
        if hi > lo:
            best = np.argsort(-neighbours.data[lo:hi], kind="stable")[:k]
            best = best[neighbours.data[lo:hi][best] >= max(floor, ratio * neighbours.data[lo:hi][best[0]])]
            rows.append(np.full(len(best), i))
            cols.append(neighbours.indices[lo:hi][best])
            vals.append(neighbours.data[lo:hi][best])
    profiles = sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n))
    return normalize(profiles).astype(np.float32)


def _combine(direct, shared, alpha: float):
    """The clustering similarity: a mix of the direct cosine and the shared-neighbour similarity."""
    return direct * alpha + shared * (1.0 - alpha)


def _block_similarity(vectors, profiles, members: np.ndarray, times: ArticleTimes, cfg: dict) -> np.ndarray:
    """Dense combined similarity inside one component (time weights applied to the direct part)."""
    direct = (vectors[members] @ vectors[members].T).toarray()
    direct *= times.weights(members, members, cfg)
    shared = (profiles[members] @ profiles[members].T).toarray()
    return _combine(direct, shared, cfg["direct_share"])


def _pair_similarity(vectors, profiles, left: np.ndarray, right: np.ndarray, times: ArticleTimes,
                     cfg: dict) -> np.ndarray:
    """Combined similarity of many (left[i], right[i]) pairs at once: the small components in one pass."""
    direct = np.asarray(vectors[left].multiply(vectors[right]).sum(axis=1)).ravel()
    direct *= times.weights(left, right, cfg, paired=True)
    shared = np.asarray(profiles[left].multiply(profiles[right]).sum(axis=1)).ravel()
    return _combine(direct, shared, cfg["direct_share"])


def _average_linkage(sims: np.ndarray, threshold: float) -> np.ndarray:
    """Flat average-linkage (UPGMA) clusters of a similarity matrix cut at ``threshold``."""
    if len(sims) == 1:
        return np.zeros(1, dtype=int)
    dist = np.clip(1.0 - sims.astype(float), 0.0, None)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    return fcluster(tree, t=1.0 - threshold + 1e-9, criterion="distance") - 1


def _split_block(graph: sp.csr_matrix, members: np.ndarray, threshold: float, max_block: int) -> list[np.ndarray]:
    """Pieces of an oversized component: its edges re-thresholded higher until every piece fits."""
    sub = graph[members][:, members].tocsr()
    labels = np.zeros(len(members), dtype=int)
    for level in np.linspace(threshold, 1.0, 21)[1:]:
        _, labels = connected_components(sub.multiply(sub >= level).tocsr(), directed=False)
        if np.bincount(labels).max() <= max_block:
            break
    pieces = [members[labels == c] for c in np.unique(labels)]
    return [p2 for p in pieces for p2 in np.array_split(p, int(np.ceil(len(p) / max_block)))]


def cluster_labels(vectors, times: ArticleTimes, cfg: dict) -> np.ndarray:
    """Story number of each row: average linkage inside the components of the ">= threshold" graph."""
    n = vectors.shape[0]
    if n == 0:
        return np.zeros(0, dtype=int)
    spread = date_spread(vectors, times, cfg["window_days"]) if cfg["half_life_days"] else None
    if spread is not None:
        cfg = cfg | {"half_life_days": cfg["half_life_days"] * (1 + spread)}
    neighbours = find_neighbours(vectors, times, cfg)
    neighbours = neighbours.maximum(neighbours.T).tocsr()
    profiles = neighbour_profiles(neighbours, cfg["profile_neighbours"], cfg["threshold"], cfg["profile_ratio"])
    # Pairs that can reach the threshold: direct neighbours, or sharing a neighbour (profile overlap).
    # (a pair outside the direct top lists counts 0 direct here; the dense step below is exact).
    graph = _combine(neighbours, (profiles @ profiles.T).tocsr(), cfg["direct_share"]).tocsr()
    graph.setdiag(0)
    graph = graph.multiply(graph >= cfg["threshold"]).tocsr()
    _, comp = connected_components(graph, directed=False)
    labels = np.full(n, -1, dtype=int)
    groups = list(pd.Series(np.arange(n)).groupby(comp).indices.values())
    blocks = [b for g in groups if len(g) > 1 for b in (
        [g] if len(g) <= cfg["max_block"] else _split_block(graph, g, cfg["threshold"], cfg["max_block"]))]
    singles = np.array([g[0] for g in groups if len(g) == 1], dtype=int)
    labels[singles] = np.arange(len(singles))
    next_label = len(singles)
    # Small blocks: all their within-block pairs scored in one vectorised pass (per-block sparse slicing
    # costs more than the arithmetic); large blocks get a dense matrix each.
    small = [b for b in blocks if len(b) <= SMALL_BLOCK]
    if small:
        left = np.concatenate([np.repeat(b, len(b)) for b in small])
        right = np.concatenate([np.tile(b, len(b)) for b in small])
        pair_sims = _pair_similarity(vectors, profiles, left, right, times, cfg)
    offset = 0
    for block in blocks:
        if len(block) <= SMALL_BLOCK:
            sims = pair_sims[offset:offset + len(block) ** 2].reshape(len(block), len(block))
            offset += len(block) ** 2
        else:
            sims = _block_similarity(vectors, profiles, block, times, cfg)
        local = _average_linkage(sims, cfg["threshold"])
        labels[block] = local + next_label
        next_label += int(local.max()) + 1
    return labels


def _hand_story(value) -> str | None:
    """The hand-assigned story of a row, or None when the cell is empty."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    value = str(value).strip()
    return value or None


def cluster_stories(articles: pd.DataFrame, **config) -> pd.DataFrame:
    """Story of every article: the hand-assigned `story` where given, else clustering (ASSIGNMENT_COLUMNS)."""
    unknown = set(config) - set(DEFAULT_CONFIG)
    if unknown:
        raise TypeError(f"unknown story settings: {', '.join(sorted(unknown))}")
    cfg = DEFAULT_CONFIG | config
    frame = articles.reset_index(drop=True)
    for col in ARTICLE_INPUT_COLUMNS:
        if col not in frame.columns:
            frame[col] = None
    hand = [_hand_story(v) for v in frame["story"]]
    auto_idx = np.array([i for i, h in enumerate(hand) if h is None], dtype=int)
    story_ids: list[str | None] = list(hand)
    if len(auto_idx):
        auto = frame.iloc[auto_idx]
        vectors = build_vectors(auto, cfg["anchor_weight"], cfg["lead_weight"])
        labels = cluster_labels(vectors, ArticleTimes.of(auto, cfg["window_days"]), cfg)
        ids = auto["id"].astype(str).to_numpy()
        for members in pd.Series(np.arange(len(labels))).groupby(labels).indices.values():
            sid = "s-" + _stable_hash(ids[members])
            for m in members:
                story_ids[auto_idx[m]] = sid
    return pd.DataFrame({"article_id": frame["id"].astype(str).to_numpy(), "story_id": story_ids,
                         "assigned_by": ["hand" if h is not None else "auto" for h in hand]},
                        columns=list(ASSIGNMENT_COLUMNS))


def _shingles(texts: list[str]) -> sp.csr_matrix:
    """Binary word 3-gram rows of texts (empty columns when no text has three words)."""
    try:
        return CountVectorizer(ngram_range=(3, 3), binary=True, token_pattern=r"(?u)\b\w+\b",
                               dtype=np.int32).fit_transform(texts).tocsr()
    except ValueError:
        return sp.csr_matrix((len(texts), 0), dtype=np.int32)


def _count_sources(vias: list, shingles: sp.csr_matrix) -> int:
    """Connected groups of articles linked by the same `via` or by near-duplicate shingle sets."""
    n = len(vias)
    rows, cols = [], []
    first_by_via: dict[str, int] = {}
    for i, v in enumerate(vias):
        if isinstance(v, str) and v.strip():
            rows.append(i)
            cols.append(first_by_via.setdefault(v.strip().casefold(), i))
    if n > 1 and shingles.shape[1]:
        sizes = np.maximum(np.asarray(shingles.sum(axis=1)).ravel(), 1)
        shared = (shingles @ shingles.T).toarray()
        close = shared / np.minimum(sizes[:, None], sizes[None, :]) >= NEAR_DUPLICATE
        i, j = np.nonzero(np.triu(close, 1))
        rows.extend(i)
        cols.extend(j)
    links = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    return int(connected_components(links, directed=False)[0])


def count_independent_sources(group: pd.DataFrame) -> int:
    """Sources in one story, syndicated copies counted once: same `via`, or near-duplicate bodies.

    Near-duplicate: word 3-gram shingle containment (Broder 1997) >= NEAR_DUPLICATE, so a wire story
    trimmed or retitled by the outlet that carries it still counts as a copy.
    """
    if group.empty:
        return 0
    texts = [t if isinstance(t, str) else "" for t in group["text"]]
    return _count_sources(list(group["via"]), _shingles(texts))


def _top_terms(row_data: np.ndarray, row_indices: np.ndarray, vocabulary: np.ndarray, k: int = LABEL_TERMS) -> list[str]:
    """The story's most distinctive words: highest summed TF-IDF weight over its members."""
    best = np.lexsort((row_indices, -row_data))[:k]
    return [str(vocabulary[row_indices[i]]) for i in best if row_data[i] > 0]


def summarise_stories(articles: pd.DataFrame, assignment: pd.DataFrame) -> pd.DataFrame:
    """One row per story (STORY_COLUMNS), earliest first; label = earliest article's title, else top terms."""
    frame = articles.reset_index(drop=True).copy()
    for col in ARTICLE_INPUT_COLUMNS:
        if col not in frame.columns:
            frame[col] = None
    frame["id"] = frame["id"].astype(str)
    merged = frame.merge(assignment[["article_id", "story_id"]].astype(str), left_on="id", right_on="article_id",
                         how="inner")
    if merged.empty:
        return pd.DataFrame(columns=list(STORY_COLUMNS))
    merged["published"] = pd.to_datetime(merged["published"], errors="coerce")
    merged = merged.sort_values(["story_id", "published", "id"], na_position="last", kind="stable")
    merged = merged.reset_index(drop=True)
    texts = [_article_text(r) for r in merged.itertuples(index=False)]
    word_vectors, vocabulary = _tfidf_vocabulary(texts, **WORD_OPTIONS)
    codes, story_ids = pd.factorize(merged["story_id"])  # rows are sorted by story: codes ascend
    sizes = np.bincount(codes)
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    indicator = sp.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))), shape=(len(sizes), len(codes)))
    term_sums = (indicator @ word_vectors).tocsr()
    multi = np.flatnonzero(sizes[codes] > 1)  # shingles only where syndication can happen
    shingles = _shingles([texts[i] for i in multi])
    shingle_row = np.full(len(codes), -1)
    shingle_row[multi] = np.arange(len(multi))
    published, ids = merged["published"].to_numpy(), merged["id"].to_numpy()
    titles, outlets_col, vias = merged["title"].to_numpy(), merged["outlet"].to_numpy(), merged["via"].to_numpy()
    rows = []
    for s, sid in enumerate(story_ids):
        lo, hi = bounds[s], bounds[s + 1]
        terms = _top_terms(term_sums.data[term_sums.indptr[s]:term_sums.indptr[s + 1]],
                           term_sums.indices[term_sums.indptr[s]:term_sums.indptr[s + 1]], vocabulary)
        title = next((t.strip() for t in titles[lo:hi] if isinstance(t, str) and t.strip()), None)
        outlets = sorted({o for o in outlets_col[lo:hi] if isinstance(o, str) and o})
        dates = published[lo:hi][~pd.isna(published[lo:hi])]
        sources = 1 if hi - lo == 1 else _count_sources(list(vias[lo:hi]), shingles[shingle_row[lo:hi]])
        rows.append({
            "story_id": sid, "label": title or " ".join(terms), "terms": terms,
            "first": dates.min() if len(dates) else pd.NaT, "last": dates.max() if len(dates) else pd.NaT,
            "n_articles": int(hi - lo), "outlets": outlets, "n_outlets": len(outlets),
            "independent_sources": sources, "article_ids": list(ids[lo:hi]),
        })
    out = pd.DataFrame(rows, columns=list(STORY_COLUMNS))
    out["first"] = pd.to_datetime(out["first"])
    out["last"] = pd.to_datetime(out["last"])
    return out.sort_values(["first", "n_articles", "story_id"], ascending=[True, False, True],
                           na_position="last").reset_index(drop=True)
