"""Story clustering: articles that report the same event, grouped by similarity within their time window.

- Similarity. The clustering similarity mixes the time-weighted cosine with the shared-neighbour
  similarity (Jarvis and Patrick 1973): the cosine of two articles' profiles over their
  ``profile_neighbours`` nearest neighbours. Reports of one event share their neighbours even when their
  wording overlaps little; two similar but different events (two earthquakes, two elections in one
  country) each keep their own neighbourhood.
- Scale. Neighbours come from sparse matrix products in row chunks, each chunk against the date band it
  can reach, so the work grows with articles x articles-per-window, not articles squared; undated articles, which no
  window bounds, are compared with all the others.
- Clustering. Average linkage (UPGMA) cut at ``threshold``, run inside the connected components of the
  ">= threshold" candidate graph. Why not connected components alone: they chain (A~B, B~C puts A with
  C even when A and C report different events), while average linkage merges two groups only when their
  MEAN pairwise similarity clears the threshold. A merge at mean >= t needs at least one pair >= t, so
  the components are an exact blocking for average linkage over the candidate pairs, at a fraction of
  the cost. A component larger than ``max_block`` (a chained giant) is split first by raising its edge
  threshold, which keeps memory bounded.
- Articles nothing places in time (undated, naming no year and no placing day; ArticleTimes.placed) are weaker
  links: two of them whose plain word TF-IDF cosine falls below ``unplaced_floor``, or below ``unplaced_share`` of what
  the weaker-linked of the two shares with its closest partner, are set apart before the linkage, so a story of such
  articles holds only pairs that share wording, not just names and neighbours. In a partly dated corpus an undated
  article joins a dated story only where clustering the texts alone (dates set aside) puts it with that story's reports,
  and of several such stories the one it is most like on the vectors and plain words together (attach_undated).
- Without dates, the rest of AllSides' errors are sibling stories (one subject, another event), and the whole set's
  F1 (0.874) sits at what plain words reach at their best cut chosen on the gold (0.877; bench/stories_eval.py).
  Tried beyond the words and not kept, F1 AllSides without dates dev/aside/all against 0.901/0.938/0.874: pairs
  whose texts' weekdays all differ held apart 0.891/0.917/0.864 (ECB+ whole set 0.984 -> 0.953), the leads'
  weekdays 0.886/0.928/0.862; weekdays that point forward ("will vote Thursday") left out 0.906/0.938/0.870; numbers
  with one unit and none in common held apart 0.897/0.931/0.868 (ECB+ 0.976); titles in the word measure
  0.903/0.923/0.868; a group joining another only at 0.3 of its own mean similarity 0.897/0.919/0.869 (ECB+ 0.963);
  sentence embeddings (the optional extra) in the word measure 0.861/0.909/0.841; each story re-split on a TF-IDF
  fitted to its own texts (the subject's words then weigh little, the event's more), average linkage at 0.12 for
  stories of 4 or more 0.915/0.952/0.896 but ECB+ 0.886/0.924/0.894 (its long reports share little beyond the subject),
  or only where the two halves' mean cosine is under 0.4 of each half's own 0.903/0.938/0.878, ECB+ 0.971. A quote
  two texts share (the quote overlap analysis) always meant one story, but only 15 AllSides pairs share one, and 14 were together already.
Hand-assigned stories (the `story` field) override: those articles keep their story and are not clustered.
"""
from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform
from sklearn.preprocessing import normalize

from lib.analyse.stories.texts import ARTICLE_INPUT_COLUMNS
from lib.analyse.stories.times import ArticleTimes, date_spread
from lib.analyse.stories.vectors import ANCHOR_WEIGHT, LEAD_WEIGHT, build_vectors, word_vectors
from lib.models import is_missing

# Columns of the frame cluster_stories returns.
ASSIGNMENT_COLUMNS = ("article_id", "story_id", "assigned_by")  # assigned_by: "hand" | "auto"

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
    "anchor_weight": ANCHOR_WEIGHT,  # 1.0: anchor blocks weigh as much as word blocks (see vectors.py)
    "lead_weight": LEAD_WEIGHT,  # 0.5: the lead blocks against the whole text's (see vectors.py)
    "window_days": 7,  # dated articles further apart than this never share a story
    # The direct similarity halves every this many days between two dated articles, in a corpus whose reports of
    # one event share their day; stretched by (1 + the corpus's measured day spread, see date_spread).
    "half_life_days": 2,
    "year_agreement": 2.0,  # factor on two undated articles whose texts' latest years agree (see ArticleTimes)
    # Factors on two undated articles whose texts name a common yearless day (a weekday, month-days within a
    # week), and on two whose named days have none in common (see ArticleTimes.weights). F1 AllSides without
    # dates, dev/aside/all, and ECB+ (month-days naming an event or a deadline left out, see times._places_text):
    # 0.809/0.881/0.789, 0.978 without them (1, 1); 0.863/0.898/0.832, 0.984 at (1.5, 0.7); 0.853/0.887/0.830, 0.981
    # at (1.5, 0.5); 0.854/0.897/0.832, 0.981 at (1.25, 0.5); 0.855/0.908/0.828, 0.984 at (1.25, 0.7); 0.832/0.892/
    # 0.812, 0.971 at (2, 0.5).
    # Months named with or without a day (see times.text_days), at the settings below, every other one as it is:
    # AllSides 0.901/0.938/0.874 -> 0.901/0.938/0.880, ECB+ dev/aside/all 0.983/0.987/0.984 -> 0.982/0.987/0.986;
    # as disagreement only, 0.901/0.938/0.876 and ECB+ 0.973/0.987/0.976 (ECB+ texts name the months of
    # earlier events: a common month must count as agreement too).
    # Tried: months written with a year left out ("since March 2011" is often background), 0.905/0.938/0.881 and
    # ECB+ 0.980/0.987/0.981; a common month agreeing only where the texts' month-days cannot tell ("Aug. 2" and
    # "Aug. 29" then stay apart), ECB+ 0.980/0.987/0.981.
    "day_agreement": 1.5,
    "day_disagreement": 0.7,
    # Two articles neither placed in time (undated, no year or placing month-day named; see ArticleTimes.placed) share
    # a story only if their plain word TF-IDF cosine (vectors.word_vectors) reaches this: with no time to keep similar
    # events apart, each pair of a story must share wording, and an unplaced article cannot bridge two stories through
    # shared names and neighbours (0 = off). F1 AllSides without dates dev/aside/all, ECB+ dev/aside/all: off 0.863/
    # 0.898/0.832, 0.983/0.987/0.984; 0.05 0.864/0.908/0.839; 0.075 0.870/0.922/0.851; 0.09 0.879/0.923/0.854; 0.1
    # 0.892/0.938/0.871; 0.11 0.892/0.938/0.867 (ECB+ unchanged up to here); 0.125 0.897/0.931/0.871, ECB+ 0.976/0.974/
    # 0.982; 0.15 0.893/0.933/0.870, ECB+ 0.959/0.947/0.973 (bench/stories_eval.py's grid). Dated runs never read it.
    "unplaced_floor": 0.1,
    # ... and only if that cosine reaches this share of the lower of the two articles' best word cosines with any article
    # of their candidate component (0 = off): the floor is one cut for every pair, while how much wording the reports
    # of one story share varies with the texts' length and style; a pair far below what each of its articles shares
    # with its own closest partner reports another event on the subject (sibling stories: the House and the Senate
    # passing one bill). The relative cut lets a short text's weak but best links stand, and holds apart a pair that
    # merely clears the floor beside much closer partners. F1 AllSides without dates dev/aside/all, ECB+ dev/aside/all
    # (bench/stories_eval.py's grid): off 0.892/0.938/0.871, 0.983/0.987/0.984; 0.3 0.896/0.938/0.874; 0.35 0.901/
    # 0.938/0.874; 0.4 0.905/0.938/0.877 (ECB+ unchanged up to here); 0.45 0.907/0.938/0.877, ECB+ 0.977/0.987/0.979;
    # 0.5 0.907/0.938/0.875, ECB+ 0.944/0.930/0.960. 0.35: the middle of the range where no set falls.
    "unplaced_share": 0.35,
    "neighbours": 30,  # best partners kept per article when building the graph
    "chunk": 1000,  # rows per sparse product
    "max_block": 3000,  # largest component clustered densely
}
SMALL_BLOCK = 200  # components up to this size are scored pairwise in batches
PAIR_BATCH = 40_000  # pairs scored per batch of small components (bounds memory: ~4 KB of sparse rows a pair)
SPLIT_LEVELS = 20  # edge thresholds tried, evenly between the clustering threshold and 1, on an oversized component
STORY_ID_DIGITS = 12  # hex digits of a story id: 48 bits, so ids of a million stories hardly ever collide
# The dated stories an undated row is clustered with by its text alone (candidate_reports): its closest on the vectors,
# this many (sibling stories are close on the names that fill the vectors' anchor blocks).
CANDIDATE_STORIES = 3
UNPLACED_APART = -1.0  # similarity of two unplaced articles below unplaced_floor: as far apart as cosines go
_CUT_SLACK = 1e-9  # so that a merge at exactly the threshold survives float rounding in the linkage


def _stable_hash(parts) -> str:
    """A short, order-independent hash of strings (stable story ids)."""
    return hashlib.sha1("\x1f".join(sorted(parts)).encode("utf-8")).hexdigest()[:STORY_ID_DIGITS]


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


def _block_similarity(vectors, profiles, members: np.ndarray, times: ArticleTimes, cfg: dict,
                      words=None) -> np.ndarray:
    """Dense combined similarity inside one component (time weights applied to the direct part; unplaced pairs whose
    wording differs set apart when ``words`` are given, see _hold_apart)."""
    direct = (vectors[members] @ vectors[members].T).toarray()
    direct *= times.weights(members, members, cfg)
    shared = (profiles[members] @ profiles[members].T).toarray()
    sims = _combine(direct, shared, cfg["direct_share"])
    if words is not None:
        _hold_apart(sims, (words[members] @ words[members].T).toarray(), ~times.placed[members], cfg)
    return sims


def _pair_similarity(vectors, profiles, left: np.ndarray, right: np.ndarray, times: ArticleTimes,
                     cfg: dict, words=None) -> tuple[np.ndarray, np.ndarray | None]:
    """(combined similarity, plain word cosine or None without ``words``) of many (left[i], right[i]) pairs at once:
    the small components in one pass."""
    direct = np.asarray(vectors[left].multiply(vectors[right]).sum(axis=1)).ravel()
    direct *= times.weights(left, right, cfg, paired=True)
    shared = np.asarray(profiles[left].multiply(profiles[right]).sum(axis=1)).ravel()
    word_sims = None if words is None else np.asarray(words[left].multiply(words[right]).sum(axis=1)).ravel()
    return _combine(direct, shared, cfg["direct_share"]), word_sims


def _hold_apart(sims: np.ndarray, word_sims: np.ndarray, unplaced: np.ndarray, cfg: dict) -> None:
    """Set to UNPLACED_APART, in one component's dense similarity ``sims``, the pairs of two unplaced articles whose
    word cosine falls below ``unplaced_floor`` or below ``unplaced_share`` of the lower of the two articles' best word
    cosines in the component (``word_sims``, the same rows): never one story. Such a pair pulls any group holding both
    below the average-linkage cut, unless its other pairs are far above it: close to complete linkage for the articles
    nothing places in time."""
    pairs = unplaced[:, None] & unplaced[None, :]
    np.fill_diagonal(pairs, False)
    if not pairs.any():
        return
    others = word_sims.copy()
    np.fill_diagonal(others, -np.inf)
    best = others.max(axis=1)
    bar = np.maximum(cfg["unplaced_floor"], cfg["unplaced_share"] * np.minimum(best[:, None], best[None, :]))
    sims[pairs & (word_sims < bar)] = UNPLACED_APART


def _average_linkage(sims: np.ndarray, threshold: float) -> np.ndarray:
    """Flat average-linkage (UPGMA) clusters of a similarity matrix cut at ``threshold``."""
    if len(sims) == 1:
        return np.zeros(1, dtype=int)
    dist = np.clip(1.0 - sims.astype(float), 0.0, None)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    return fcluster(tree, t=1.0 - threshold + _CUT_SLACK, criterion="distance") - 1


def _split_block(graph: sp.csr_matrix, members: np.ndarray, threshold: float, max_block: int) -> list[np.ndarray]:
    """Pieces of an oversized component: its edges re-thresholded higher until every piece fits."""
    sub = graph[members][:, members].tocsr()
    labels = np.zeros(len(members), dtype=int)
    for level in np.linspace(threshold, 1.0, SPLIT_LEVELS + 1)[1:]:
        _, labels = connected_components(sub.multiply(sub >= level).tocsr(), directed=False)
        if np.bincount(labels).max() <= max_block:
            break
    pieces = [members[labels == c] for c in np.unique(labels)]
    return [p2 for p in pieces for p2 in np.array_split(p, int(np.ceil(len(p) / max_block)))]


def cluster_labels(vectors, times: ArticleTimes, cfg: dict, words, articles: pd.DataFrame) -> np.ndarray:
    """Story number of each row. Undated articles are weak links, never bridges: when some articles are dated,
    the dated ones are clustered first (their days keep similar events apart); the undated ones are clustered with the
    reports of the dated stories closest to them as an undated corpus is (their texts' named years and days, dates set
    aside), and each joins a dated story only where that text clustering puts it with one of the story's reports
    (attach_undated); the others keep their stories of the text clustering. ``words`` (word_vectors' rows, or None)
    hold apart two articles that nothing places in time and whose wording differs (unplaced_floor, unplaced_share),
    and help choose each join; ``articles`` (the rows' frame) give the dated reports' texts their own times."""
    n = vectors.shape[0]
    dated = ~np.isnan(times.days[:, 0])
    if dated.all() or not dated.any():
        return _linkage_labels(vectors, times, cfg, words)
    labels = np.full(n, -1, dtype=int)
    dated_rows, undated_rows = np.flatnonzero(dated), np.flatnonzero(~dated)
    labels[dated_rows] = _linkage_labels(vectors[dated_rows], times.subset(dated_rows), cfg)
    reports = dated_rows[candidate_reports(vectors[undated_rows], vectors[dated_rows], labels[dated_rows], cfg)]
    context = np.union1d(undated_rows, reports)
    # The undated rows' times are their texts' already; the dated reports' texts are read for theirs.
    text_times = times.subset(context).with_rows(np.flatnonzero(dated[context]), ArticleTimes.of(
        articles.iloc[reports].assign(published=pd.NaT), None))
    text = np.full(n, -1, dtype=int)
    text[context] = _linkage_labels(vectors[context], text_times, cfg, None if words is None else words[context])
    joined = attach_undated(vectors, words, undated_rows, dated_rows, labels[dated_rows], text)
    labels[undated_rows] = joined
    rest = undated_rows[joined < 0]
    labels[rest] = np.unique(text[rest], return_inverse=True)[1] + labels.max() + 1
    return labels


def candidate_reports(undated, dated, dated_labels: np.ndarray, cfg: dict) -> np.ndarray:
    """Positions (in ``dated``) of the reports of the CANDIDATE_STORIES dated stories each ``undated`` row is closest to
    on its mean vector cosine with their reports (a mean, as average linkage merges on), of those where that mean
    reaches the clustering threshold: a story further off would not hold the row in average linkage, and keeping
    them out keeps the text clustering to the undated rows and their few likely stories, not the whole corpus.
    Sparse products in row chunks: memory stays bounded."""
    stories = int(dated_labels.max()) + 1
    members = sp.csr_matrix((np.ones(len(dated_labels), dtype=np.float32),
                             (np.arange(len(dated_labels)), dated_labels)), shape=(len(dated_labels), stories))
    sizes = np.asarray(members.sum(axis=0)).ravel()
    chosen = np.zeros(stories, dtype=bool)
    for start in range(0, undated.shape[0], cfg["chunk"]):
        means = ((undated[start:start + cfg["chunk"]] @ dated.T) @ members).multiply(1.0 / sizes[None, :]).tocsr()
        for lo, hi in zip(means.indptr[:-1], means.indptr[1:]):
            if hi > lo:
                top = lo + _top(means.data[lo:hi], CANDIDATE_STORIES)
                chosen[means.indices[top[means.data[top] >= cfg["threshold"]]]] = True
    return np.flatnonzero(chosen[dated_labels])


def attach_undated(vectors, words, undated_rows: np.ndarray, dated_rows: np.ndarray, dated_labels: np.ndarray,
                   text: np.ndarray) -> np.ndarray:
    """For each undated row, the dated story (label) it joins, -1 for none: of the dated stories that have a report in
    the row's story of the text clustering (``text``, per row; -1 outside it), the one whose reports it is most like,
    on the sum of its mean cosines with them on the vectors and on plain ``words`` (without words, the vectors').

    Why the text clustering decides: it compares the row with every report, undated ones included, so a report whose
    closest partners are other undated reports of an event no dated story holds (its outlets' pages carry no date)
    stays with them rather than joining the nearest story on the same subject, and a report as like two sibling
    stories goes where its event's other reports went. The vectors weigh shared names and anchors as much as words,
    and sibling stories share their names: the plain words choose among them. The text clustering is the clustering of
    an undated corpus (the texts' named years and days, and the unplaced pairs held to their wording): a dated
    report's text is read there for its time as an undated one's is. The rows that join none keep their stories of
    the text clustering: an undated corpus beside a dated one (ECB+ beside AllSides) clusters as it does alone.
    F1 dev/aside/all, AllSides dated from URLs only (whole outlets undated), and with every second article of each
    story undated (three draws); planted-story F1 of bench.stories at 3,000 articles, 30% and 60% undated:
    - before, each row joined the story closest on the two means when that mean reached the clustering threshold and
      half the row's best cosine with an undated article: 0.884/0.910/0.863; 0.929/0.949/0.919; 0.942, 0.887;
    - so: 0.905/0.934/0.883; 0.936/0.955/0.922; 0.928, 0.866. Planted F1 falls because the synthetic texts are
      paragraphs of other years' reports recombined: the years and days they name are noise there, not in news.
      bench.stories at 20,000 articles, 30% undated: CPU 22 -> 42 s (the text clustering has no time window),
      planted F1 0.891 -> 0.878. Candidates of every mean, not only those reaching the threshold: 0.940/0.955/0.922
      on the half-undated runs, the rest the same.
    - Tried: the text clustering reading no time at all (every pair held to its wording): 0.908/0.934/0.888;
      0.939/0.946/0.924; 0.946, 0.900, but a multi-item wire roundup whose wording shares little with the other
      reports of its item (an agency text in ECB+) was held apart from them and from their dated story; the
      texts' placed flags without their year and day factors: 0.904/0.919/0.882; 0.939/0.941/0.924; 0.945, 0.906;
      a dated report standing in the text clustering by its publication year and week: 0.880/0.920/0.859; the old
      rule, this one only keeping out a row the text clustering puts with undated rows alone: 0.892/0.922/0.871.
    """
    story_of = pd.DataFrame({"text": text[dated_rows], "story": dated_labels}).drop_duplicates()
    story_of = story_of[story_of["text"] >= 0]
    pairs = pd.DataFrame({"row": np.arange(len(undated_rows)), "text": text[undated_rows]}).merge(story_of, on="text")
    out = np.full(len(undated_rows), -1, dtype=int)
    if pairs.empty:
        return out
    row, story = pairs["row"].to_numpy(), pairs["story"].to_numpy()
    reports = _StoryReports(dated_labels)
    score = reports.mean_cosines(vectors, undated_rows[row], vectors[dated_rows], story)
    if words is not None:
        score = score + reports.mean_cosines(words, undated_rows[row], words[dated_rows], story)
    best = np.lexsort((-score, row))
    best = best[np.r_[True, row[best][1:] != row[best][:-1]]]  # each row's highest score
    out[row[best]] = story[best]
    return out


def _top(values: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k largest values (all when fewer), the largest first (the first of equal ones first)."""
    if k == 1:
        return np.array([int(np.argmax(values))])
    top = np.argpartition(-values, k - 1)[:k] if len(values) > k else np.arange(len(values))
    return top[np.lexsort((top, -values[top]))]


class _StoryReports:
    """The rows of each dated story's reports, for mean cosines with a story's reports pair by pair."""

    def __init__(self, labels: np.ndarray):
        self.order = np.argsort(labels, kind="stable")
        self.bounds = np.searchsorted(labels[self.order], np.arange(int(labels.max()) + 2))

    def mean_cosines(self, left, left_rows: np.ndarray, right, stories: np.ndarray) -> np.ndarray:
        """Mean cosine of each ``left`` row (left_rows[i]) with the ``right`` rows of story stories[i]'s reports, scored
        in batches of at most PAIR_BATCH pairs."""
        counts = self.bounds[stories + 1] - self.bounds[stories]
        totals = np.zeros(len(stories))
        first = 0
        while first < len(stories):
            last = first + max(1, int(np.searchsorted(np.cumsum(counts[first:]), PAIR_BATCH, side="right")))
            pair_left = np.repeat(left_rows[first:last], counts[first:last])
            pair_right = np.concatenate([self.order[self.bounds[s]:self.bounds[s + 1]] for s in stories[first:last]])
            dots = np.asarray(left[pair_left].multiply(right[pair_right]).sum(axis=1)).ravel()
            totals[first:last] = np.add.reduceat(dots, np.r_[0, np.cumsum(counts[first:last])[:-1]])
            first = last
        return totals / counts


def _linkage_labels(vectors, times: ArticleTimes, cfg: dict, words=None) -> np.ndarray:
    """Story number of each row: average linkage inside the components of the ">= threshold" graph (``words``: see
    cluster_labels)."""
    n = vectors.shape[0]
    if n == 0:
        return np.zeros(0, dtype=int)
    if words is not None and (not (cfg["unplaced_floor"] or cfg["unplaced_share"]) or (~times.placed).sum() < 2):
        words = None  # no pair to hold apart
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
    # Small blocks: their within-block pairs scored in vectorised passes of at most PAIR_BATCH pairs (per-block
    # sparse slicing costs more than the arithmetic; one pass over all of them held every pair's rows at once: 1.5 GB
    # at 20,000 wire articles); large blocks get a dense matrix each.
    for block, sims in _scored_blocks(vectors, profiles, blocks, times, cfg, words, ~times.placed):
        local = _average_linkage(sims, cfg["threshold"])
        labels[block] = local + next_label
        next_label += int(local.max()) + 1
    return labels


def _scored_blocks(vectors, profiles, blocks: list[np.ndarray], times: ArticleTimes, cfg: dict, words=None,
                   unplaced: np.ndarray | None = None):
    """(block, its dense combined similarity) for every block: small ones in batches of up to PAIR_BATCH pairs
    (``words``: unplaced pairs held apart, see _hold_apart; ``unplaced``: times.placed negated, read once)."""
    batch: list[np.ndarray] = []
    pairs = 0
    for block in blocks + [None]:
        if batch and (block is None or pairs + len(block) ** 2 > PAIR_BATCH):
            left = np.concatenate([np.repeat(b, len(b)) for b in batch])
            right = np.concatenate([np.tile(b, len(b)) for b in batch])
            pair_sims, word_sims = _pair_similarity(vectors, profiles, left, right, times, cfg, words)
            offset = 0
            for b in batch:
                sims = pair_sims[offset:offset + len(b) ** 2].reshape(len(b), len(b))
                if word_sims is not None:
                    _hold_apart(sims, word_sims[offset:offset + len(b) ** 2].reshape(len(b), len(b)), unplaced[b], cfg)
                yield b, sims
                offset += len(b) ** 2
            batch, pairs = [], 0
        if block is None:
            return
        if len(block) <= SMALL_BLOCK:
            batch.append(block)
            pairs += len(block) ** 2
        else:
            yield block, _block_similarity(vectors, profiles, block, times, cfg, words)


def _hand_story(value) -> str | None:
    """The hand-assigned story of a row, or None when the cell is empty."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    value = str(value).strip()
    return value or None


def duplicate_representatives(articles: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(reps, rep_of): the rows of the first article of each set of copies that stories cannot tell apart (same
    title, text, dateline and publication time), and for every row the index in ``reps`` of its representative."""
    def digest(*values) -> bytes:
        return hashlib.blake2b("\x1f".join("" if is_missing(v) else str(v) for v in values).encode("utf-8"),
                               digest_size=16).digest()

    keys = [digest(*row) for row in zip(articles["title"], articles["text"], articles["dateline"],
                                        articles["dateline_place"], articles["published"])]
    codes, firsts = pd.factorize(pd.Series(keys, dtype=object))
    reps = np.full(len(firsts), -1, dtype=int)
    order = np.arange(len(codes))[::-1]
    reps[codes[order]] = order  # the first row of each code wins (written last)
    return reps, codes


def cluster_stories(articles: pd.DataFrame, mentions: pd.DataFrame | None = None, **config) -> pd.DataFrame:
    """Story of every article: the hand-assigned `story` where given, else clustering (ASSIGNMENT_COLUMNS).

    ``mentions``: the articles' stored dated references, which date the events their leads refer to (without them,
    the leads are read for them; see lead_references)."""
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
        # (a row selection copies every text of a pandas string column: none when no story is hand-assigned)
        auto = frame if len(auto_idx) == len(frame) else frame.iloc[auto_idx]
        # Verbatim copies (one wire story run by dozens of outlets) are clustered once: their representative's
        # story is theirs, and blocks stay as small as the number of distinct texts.
        reps, rep_of = duplicate_representatives(auto)
        unique = auto.iloc[reps]
        vectors = build_vectors(unique, cfg["anchor_weight"], cfg["lead_weight"])
        times = ArticleTimes.of(unique, cfg["window_days"], mentions)
        # Plain word rows only where two articles lack any time evidence (_hold_apart reads them) or an undated one may
        # join a dated story (attach_undated).
        undated = np.isnan(times.days[:, 0])
        pairs = bool(cfg["unplaced_floor"] or cfg["unplaced_share"]) and (~times.placed).sum() > 1
        joins = undated.any() and not undated.all()
        words = word_vectors(unique) if pairs or joins else None
        labels = cluster_labels(vectors, times, cfg, words, unique)[rep_of]
        ids = auto["id"].astype(str).to_numpy()
        for members in pd.Series(np.arange(len(labels))).groupby(labels).indices.values():
            sid = "s-" + _stable_hash(ids[members])
            for m in members:
                story_ids[auto_idx[m]] = sid
    return pd.DataFrame({"article_id": frame["id"].astype(str).to_numpy(), "story_id": story_ids,
                         "assigned_by": ["hand" if h is not None else "auto" for h in hand]},
                        columns=list(ASSIGNMENT_COLUMNS))
