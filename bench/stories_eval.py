"""Story clustering against gold same-event sets (ECB+, AllSides): B-cubed precision/recall/F1 vs a baseline.

Run: python -m bench.stories_eval            (main table, the dates-removed runs, then the sensitivity tables and
                                              perturbed inputs)
     python -m bench.stories_eval --no-grid  (main table only)
The sensitivity table gives F1 on both sets (ECB+/AllSides) as the clustering threshold and the number of
profile neighbours move around the default, every other setting at its default: a reader can see whether
the one configuration sits in a flat region or at the edge of one. A last line does the same for
year_agreement, the raise of undated articles whose latest named years agree (1 = off; only ECB+ is undated), one
for unplaced_floor, the word cosine two articles nothing places in time need to share a story (without dates), and
one for unplaced_share, the share of either article's best word cosine such a pair needs besides.
Then perturbed inputs, default configuration, to show what the score rests on: both sets as one corpus (also each
set's own F1 in it, AllSides dated and dated as ingest reads it: undated ECB+ must not suffer from dated neighbours); no
titles; only each text's first two sentences; AllSides, whose articles all carry their story's date, with
those dates moved the way real publication days spread (+-1, +-2 days; a lag of floor(Exp(mean 1.5)) days);
ECB+ cut to 2 or 3 reports per event (three random draws each), fewer than an
article's profile neighbours.
The baseline is plain TF-IDF (sublinear, English stop words) + average-linkage at one fixed cosine threshold;
ours is lib.analyse.stories.cluster_stories with its one default configuration on both sets.
Vectors alone: how well our rows and the baseline's separate stories by cosine on each dev slice (before time
weights, neighbours and linkage).
Best single cut (no dates): the B-cubed F1 that one linkage (average, complete) over one similarity alone reaches at
its best cosine cut, the cut chosen on each slice itself: an upper bound for that similarity and linkage, not a result;
on the dev and aside slices and on the whole set. Similarities: the baseline's TF-IDF, our vectors, the plain words that
undated pairs are held to (word_vectors), and with the optional embedding extra (--encoder, as framing chooses: auto
uses it when its model loads) sentence embeddings alone and averaged with the TF-IDF; the embedding's cost per article
is printed beside them.
Pair signals (no dates): for signals beyond the word cosine that could tell sibling stories apart or join one story
told in other words (a quote carried by both texts, found by the quote extraction and overlap analysis; a 5-word passage
in both; alike titles; weekdays named by both, none in common; numbers with one unit word, none in common), the share
of same-story pairs among the pairs of middling word cosine that carry the signal and among those that do not.
Dates removed: each set dated as given, with half of each story's articles undated, with no dates, and with no dates but
the ones ingest reads from a row without a date field (its URL, a dated dateline, a date line at the top of the text:
ECB+'s only dates); each on a development slice, on the slice set aside before the undated handling was tuned (every
4th story or topic), and on the whole set.
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from dataclasses import asdict

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.metrics import roc_auc_score

from bench.corpus import allsides_articles, ecbplus_articles
from lib.analyse.stories import DEFAULT_CONFIG, build_vectors, cluster_stories
from lib.analyse.overlap import shared_quotes
from lib.analyse.similarity import ENCODER_NAMES, embedding_ready, resolve_encoder, sentence_embeddings
from lib.analyse.stories.clustering import _average_linkage
from lib.analyse.stories.texts import _article_text
from lib.analyse.stories.times import text_days
from lib.analyse.stories.vectors import extract_anchors, word_vectors
from lib.extract.quotes import extract_quotes
from lib.ingest.bulk import parse_jsonl
from lib.domain.sentences import split_sentences
from lib.models import Article

BASELINE_THRESHOLD = 0.2  # cosine similarity cut for the baseline (fixed, not tuned per set)
GRID_THRESHOLDS = (-0.03, -0.02, -0.01, 0.0, 0.01, 0.02, 0.03)  # offsets from the default threshold
GRID_NEIGHBOURS = (-2, -1, 0, 1, 2)  # offsets from the default profile_neighbours
GRID_YEAR_AGREEMENT = (1.0, 1.5, 2.0, 3.0)  # 1.0 switches the year agreement off
GRID_UNPLACED_FLOOR = (0.0, 0.05, 0.075, 0.09, 0.1, 0.11, 0.125, 0.15)  # 0 switches the unplaced-pair floor off
GRID_UNPLACED_SHARE = (0.0, 0.3, 0.35, 0.4, 0.45, 0.5)  # 0 switches the unplaced pairs' relative cut off
CEILING_CUTS = tuple(round(c, 3) for c in np.arange(0.05, 0.801, 0.025))  # cosine cuts tried by best_cut
CEILING_LINKAGES = ("average", "complete")
# signal_table: pairs whose plain word cosine lies here, from unplaced_floor up to where nearly every pair reports one
# story, are where the undated runs' errors fall; a signal helps there only if it tells their stories apart.
SIGNAL_BAND = (0.1, 0.35)
PASSAGE_WORDS = 5  # words in a row two texts share: a quote or a wire passage carried by both
TITLES_ALIKE = 0.25  # title TF-IDF cosine (about the median of same-story pairs on AllSides' dev slice)
ASIDE_EVERY = 4  # every 4th story (AllSides) or topic (ECB+) is the slice set aside (see split_aside)


def ecbplus_frame() -> pd.DataFrame:
    """ECB+ documents as an articles frame (no dates: ECB+ has no reliable date field); gold in `gold`."""
    docs = ecbplus_articles()
    return pd.DataFrame({"id": [d["id"] for d in docs], "text": [d["text"] for d in docs],
                         "outlet": [d["outlet"] for d in docs], "title": [d["title"] for d in docs],
                         "published": pd.NaT, "via": None, "story": None, "dateline_place": None,
                         "url": [d["url"] for d in docs],
                         "gold": [d["event_cluster"] for d in docs], "topic": [d["topic"] for d in docs]})


def allsides_frame() -> pd.DataFrame:
    """AllSides story excerpts as an articles frame dated by their story date; gold in `gold`."""
    docs = allsides_articles()
    return pd.DataFrame({"id": [d["id"] for d in docs], "text": [d["text"] for d in docs],
                         "outlet": [d["outlet"] for d in docs], "title": [d["title"] for d in docs],
                         "published": pd.to_datetime([d["date"] or None for d in docs], errors="coerce"),
                         "via": None, "story": None, "dateline_place": None, "url": [d["url"] for d in docs],
                         "gold": [d["story"] for d in docs]})


def bcubed(gold, predicted) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998) of a predicted clustering against gold."""
    gold, predicted = list(gold), list(predicted)
    pair = Counter(zip(gold, predicted))
    gold_size, pred_size = Counter(gold), Counter(predicted)
    n = len(gold)
    precision = sum(c * c / pred_size[p] for (g, p), c in pair.items()) / n
    recall = sum(c * c / gold_size[g] for (g, p), c in pair.items()) / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def pair_errors(gold, predicted) -> tuple[int, int]:
    """(pairs of articles put together that gold keeps apart, pairs kept apart that gold puts together)."""
    gold, predicted = np.asarray(gold), np.asarray(predicted)
    left, right = np.triu_indices(len(gold), 1)
    same_gold, same_pred = gold[left] == gold[right], predicted[left] == predicted[right]
    return int((same_pred & ~same_gold).sum()), int((same_gold & ~same_pred).sum())


def half_undated(frame: pd.DataFrame, seed: int = 0) -> pd.DataFrame:
    """The frame with every second article of each gold story (in a seeded shuffle) undated: half of an even story."""
    order = frame.sample(frac=1, random_state=seed)
    drop = order.index[order.groupby("gold").cumcount() % 2 == 1]
    out = frame.copy()
    out.loc[drop, "published"] = pd.NaT
    return out


def ingest_dated(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its dates removed, then dated the way ingest dates a bulk row without a date field: from its
    URL, a dated dateline, or a date line at the top of the text (lib.ingest.text.decide_date)."""
    rows = [json.dumps({"id": i, "title": t, "text": x, "url": u})
            for i, t, x, u in zip(frame["id"], frame["title"], frame["text"], frame["url"])]
    parsed, errors = parse_jsonl("\n".join(rows).encode("utf-8"), "stories_eval.jsonl")
    if errors or len(parsed) != len(frame):
        raise ValueError(f"ingest read {len(parsed)} of {len(frame)} rows: {errors[:1]}")
    days = [article.published for article, _ in parsed]
    return frame.assign(published=pd.to_datetime(pd.Series(days, index=frame.index, dtype=object)))


def split_aside(frame: pd.DataFrame, key: str) -> dict[str, pd.DataFrame]:
    """{"dev": ..., "aside": ...}: every ASIDE_EVERY-th value of ``key`` (a story, an ECB+ topic), in the data's order,
    is set aside; its articles were not looked at while the story settings were chosen (dev only)."""
    keys = pd.unique(frame[key])
    aside = frame[key].isin(set(keys[ASIDE_EVERY - 1::ASIDE_EVERY]))
    return {"dev": frame[~aside], "aside": frame[aside]}


def time_runs() -> pd.DataFrame:
    """B-cubed F1 of ours and the baseline per set with all dates, half of each story's dates removed (three
    draws, mean), every date removed, and dates removed but read as ingest reads them (see ingest_dated); each
    on the development slice, the slice set aside (each clustered on its own) and the whole set."""
    rows = []
    for name, frame, key in (("ecbplus", ecbplus_frame(), "topic"), ("allsides", allsides_frame(), "gold")):
        runs = [("dated", [frame]), ("every 2nd of a story undated, 3 draws", [half_undated(frame, seed) for seed in range(3)]),
                ("undated", [frame.assign(published=pd.NaT)])]
        runs.append(("undated, dates read as ingest reads them", [ingest_dated(frame)]))
        for run, frames in runs:
            row = {"dataset": name, "run": run, "dated": int(frames[0]["published"].notna().sum())}
            for part in ("dev", "aside", "all"):
                parts = [f if part == "all" else split_aside(f, key)[part] for f in frames]
                predicted = [cluster_stories(f)["story_id"].to_numpy() for f in parts]
                scores = [bcubed(f["gold"], pred) for f, pred in zip(parts, predicted)]
                p, r, f1 = (float(np.mean([x[i] for x in scores])) for i in range(3))
                base = baseline_clusters(parts[0])
                row |= {f"f1_{part}": round(f1, 4), f"base_{part}": round(bcubed(parts[0]["gold"], base)[2], 4)}
                if part == "dev":  # the kind of error, ours against the baseline's (first draw)
                    ours_errors, base_errors = pair_errors(parts[0]["gold"], predicted[0]), pair_errors(
                        parts[0]["gold"], base)
                    row |= {"merged_dev": f"{ours_errors[0]}/{base_errors[0]}",
                            "split_dev": f"{ours_errors[1]}/{base_errors[1]}"}
                if part == "all":
                    row |= {"p_all": round(p, 4), "r_all": round(r, 4)}
            rows.append(row)
    return pd.DataFrame(rows)


def baseline_vectors(frame: pd.DataFrame):
    """The baseline's rows: plain TF-IDF (sublinear tf, English stop words) of title and text."""
    texts = (frame["title"].fillna("") + "\n\n" + frame["text"].fillna("")).tolist()
    return TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)


def baseline_clusters(frame: pd.DataFrame, threshold: float = BASELINE_THRESHOLD) -> np.ndarray:
    """Plain TF-IDF + average linkage cut at one fixed cosine threshold (the issue's baseline)."""
    vectors = baseline_vectors(frame)
    return _average_linkage((vectors @ vectors.T).toarray(), threshold)


def separation(vectors, gold) -> tuple[float, float]:
    """(ROC AUC of the cosine telling same-story pairs from the rest, share of articles whose nearest article by
    cosine reports their story, among articles whose story has another): how well rows alone separate stories."""
    sims = (vectors @ vectors.T).toarray()
    np.fill_diagonal(sims, -np.inf)
    gold = np.asarray(gold)
    same = gold[:, None] == gold[None, :]
    left, right = np.triu_indices(len(gold), 1)
    paired = same.sum(axis=1) > 1
    return (float(roc_auc_score(same[left, right], sims[left, right])),
            float((gold[sims.argmax(axis=1)] == gold)[paired].mean()))


def vector_separation() -> pd.DataFrame:
    """separation() of our article vectors (build_vectors, default weights) and of the baseline's TF-IDF rows, on
    each set's development slice: the vectors alone, before time weights, neighbours and linkage."""
    rows = []
    for name, frame, key in (("ecbplus", ecbplus_frame(), "topic"), ("allsides", allsides_frame(), "gold")):
        dev = split_aside(frame, key)["dev"]
        (auc, nearest), (base_auc, base_nearest) = (separation(v, dev["gold"]) for v in (
            build_vectors(dev, DEFAULT_CONFIG["anchor_weight"], DEFAULT_CONFIG["lead_weight"]), baseline_vectors(dev)))
        rows.append({"dataset": name, "auc": round(auc, 4), "base_auc": round(base_auc, 4),
                     "nearest_same": round(nearest, 4), "base_nearest_same": round(base_nearest, 4)})
    return pd.DataFrame(rows)


def best_cut(sims: np.ndarray, gold, method: str) -> tuple[float, float]:
    """(best B-cubed F1, the cosine cut giving it) of one linkage (scipy's method name) over a similarity matrix,
    over CEILING_CUTS: what that similarity and linkage reach at their best, with the cut chosen on the gold."""
    dist = np.clip(1.0 - np.asarray(sims, dtype=float), 0.0, None)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method=method)
    return max((bcubed(gold, fcluster(tree, t=1.0 - cut, criterion="distance"))[2], cut) for cut in CEILING_CUTS)


def similarity_ceiling(encoder: str = "auto") -> tuple[pd.DataFrame, list[str]]:
    """(best_cut per set, similarity and linkage on each slice as "F1 at cut", notes): the similarities of the module
    docstring, without dates; embeddings (all of each set's texts, title and body, encoded once) when ``encoder``
    resolves to the embedding extra, with their cost per article in the notes."""
    use_embedding = resolve_encoder(encoder).name == "embedding"
    if use_embedding and not embedding_ready():
        raise SystemExit("stories_eval: the embedding model did not load (see lib/analyse/similarity.py)")
    cells: dict[tuple, dict] = defaultdict(dict)
    notes = [] if use_embedding else [f"embedding rows: not run (encoder {encoder!r} resolves to tfidf here; "
                                      "pip install -r requirements-embeddings.txt)"]
    for name, frame, key in (("ecbplus", ecbplus_frame(), "topic"), ("allsides", allsides_frame(), "gold")):
        frame = frame.reset_index(drop=True)
        embedded = None
        if use_embedding:
            texts = [_article_text(r) for r in frame.itertuples(index=False)]
            t0 = time.perf_counter()
            embedded = sentence_embeddings(texts)
            seconds = time.perf_counter() - t0
            notes.append(f"embedding cost, {name}: {1000 * seconds / len(texts):.0f} ms per article ({len(texts)} "
                         f"articles, {np.mean([len(t.split()) for t in texts]):.0f} words on average; CPU, this machine)")
        for part, piece in (split_aside(frame, key) | {"all": frame}).items():
            base, ours = baseline_vectors(piece), build_vectors(piece, DEFAULT_CONFIG["anchor_weight"],
                                                               DEFAULT_CONFIG["lead_weight"])
            words = word_vectors(piece)
            sims = {"TF-IDF (baseline's)": (base @ base.T).toarray(), "ours (build_vectors)": (ours @ ours.T).toarray(),
                    "plain words (word_vectors)": (words @ words.T).toarray()}
            if embedded is not None:
                rows = embedded[piece.index.to_numpy()]
                sims["embedding"] = rows @ rows.T
                sims["embedding + TF-IDF, mean"] = (sims["embedding"] + sims["TF-IDF (baseline's)"]) / 2
            for label, matrix in sims.items():
                for method in CEILING_LINKAGES:
                    f1, cut = best_cut(matrix, piece["gold"], method)
                    cells[(name, label, method)][part] = f"{f1:.4f} at {cut:.3f}"
    table = pd.DataFrame([{"dataset": d, "similarity": s, "linkage": m} | parts for (d, s, m), parts in cells.items()])
    return table, notes


def numbers_by_unit(text: str) -> dict[str, set[str]]:
    """The numbers a text names (its number anchors) by the unit word after them ("235,000 jobs"), "%" for
    percentages, "" for the rest."""
    found: dict[str, set[str]] = defaultdict(set)
    for anchor in extract_anchors(text):
        if anchor.startswith("#:"):
            value, _, unit = anchor.removeprefix("#:").partition(" ")
            found[unit or ("%" if value.endswith("%") else "")].add(value)
    return found


def numbers_conflict(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    """Whether two texts' numbers_by_unit name one unit with no value in common, and no number in common at all."""
    shared_units = a.keys() & b.keys() - {""}
    return (any(not a[u] & b[u] for u in shared_units)
            and not set().union(*a.values()) & set().union(*b.values()))


def pair_signals(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """(articles x articles) masks, rows in frame order, of the pair signals beyond the word cosine of the module
    docstring, read as if no article were dated."""
    frame = frame.reset_index(drop=True)
    texts = [_article_text(r) for r in frame.itertuples(index=False)]
    quotes = pd.DataFrame([asdict(q) | {"outlet": r.outlet} for r in frame.itertuples(index=False)
                           for q in extract_quotes(Article(id=str(r.id), text=r.text, title=r.title, outlet=r.outlet))])
    row_of = {str(a): i for i, a in enumerate(frame["id"])}
    quoted = np.zeros((len(frame), len(frame)), dtype=bool)
    for _, carriers in shared_quotes(quotes).groupby("group_id")["article_id"]:
        rows = [row_of[a] for a in set(carriers)]
        quoted[np.ix_(rows, rows)] = True
    passages = [set(zip(*(words[i:] for i in range(PASSAGE_WORDS)))) for words in (t.casefold().split() for t in texts)]
    titles = baseline_vectors(frame.assign(text=""))
    weekdays = text_days(frame.assign(published=pd.NaT))[0]
    named = weekdays.sum(axis=1) > 0
    numbers = [numbers_by_unit(t) for t in texts]
    return {"quote shared": quoted,
            f"{PASSAGE_WORDS}-word passage shared": np.array([[bool(a & b) for b in passages] for a in passages]),
            f"titles alike (cosine >= {TITLES_ALIKE})": (titles @ titles.T).toarray() >= TITLES_ALIKE,
            "weekdays disagree": named[:, None] & named[None, :] & ((weekdays @ weekdays.T) == 0),
            "numbers conflict": np.array([[numbers_conflict(a, b) for b in numbers] for a in numbers])}


def signal_table() -> pd.DataFrame:
    """Per set, slice and pair signal (pair_signals), among the pairs without dates whose plain word cosine lies in
    SIGNAL_BAND: how many carry the signal and what share of them report one story, against the pairs without it."""
    rows = []
    for name, frame, key in (("ecbplus", ecbplus_frame(), "topic"), ("allsides", allsides_frame(), "gold")):
        for part, piece in (("dev", split_aside(frame, key)["dev"]), ("all", frame)):
            piece = piece.reset_index(drop=True)
            words = word_vectors(piece)
            cosines = (words @ words.T).toarray()
            gold = piece["gold"].to_numpy()
            band = (cosines >= SIGNAL_BAND[0]) & (cosines < SIGNAL_BAND[1])
            band &= np.triu(np.ones_like(band), 1)
            same = gold[:, None] == gold[None, :]
            for signal, mask in pair_signals(piece).items():
                on, off = band & mask, band & ~mask
                rows.append({"dataset": name, "slice": part, "signal": signal, "pairs": int(band.sum()),
                             "with": int(on.sum()), "same_with": round(float(same[on].mean()), 3) if on.any() else None,
                             "same_without": round(float(same[off].mean()), 3)})
    return pd.DataFrame(rows)


def merged_subtopics(frame: pd.DataFrame, predicted, majority: bool = True) -> int:
    """ECB+ topics whose two sub-topics were merged: one predicted cluster holds most of each (majority=True),
    or holds any document of each (majority=False: any mixing at all)."""
    gold_size = Counter(frame["gold"])
    clusters = defaultdict(Counter)
    for topic, gold, pred in zip(frame["topic"], frame["gold"], predicted):
        clusters[(topic, pred)][gold] += 1
    return len({topic for (topic, _), golds in clusters.items() if len(golds) > 1 and (
        not majority or all(n > gold_size[g] / 2 for g, n in golds.items()))})


def evaluate() -> pd.DataFrame:
    """One row per (dataset, method): B-cubed P/R/F1, clusters, seconds, merged ECB+ topics."""
    rows = []
    for name, frame in (("ecbplus", ecbplus_frame()), ("allsides", allsides_frame())):
        for method in ("baseline", "stories"):
            t0 = time.perf_counter()
            if method == "baseline":
                predicted = baseline_clusters(frame)
            else:
                assignment = cluster_stories(frame)
                predicted = assignment["story_id"].to_numpy()
            seconds = time.perf_counter() - t0
            p, r, f = bcubed(frame["gold"], predicted)
            rows.append({"dataset": name, "method": method, "articles": len(frame),
                         "gold_stories": frame["gold"].nunique(), "clusters": len(set(predicted)),
                         "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                         "merged_topics": merged_subtopics(frame, predicted) if name == "ecbplus" else None,
                         "mixed_topics": merged_subtopics(frame, predicted, False) if name == "ecbplus" else None,
                         "seconds": round(seconds, 2)})
    return pd.DataFrame(rows)


def sensitivity() -> pd.DataFrame:
    """F1 "ECB+/AllSides" per (profile_neighbours row, threshold column) around the default configuration."""
    frames = {"ecbplus": ecbplus_frame(), "allsides": allsides_frame()}
    base_t, base_k = DEFAULT_CONFIG["threshold"], DEFAULT_CONFIG["profile_neighbours"]
    table = {}
    for dk in GRID_NEIGHBOURS:
        k = base_k + dk
        if k < 1:
            continue
        row = {}
        for step in GRID_THRESHOLDS:
            t = round(base_t + step, 3)
            scores = [bcubed(f["gold"], cluster_stories(f, threshold=t, profile_neighbours=k)["story_id"])[2]
                      for f in frames.values()]
            row[f"t={t:.3f}"] = "/".join(f"{x:.3f}" for x in scores)
        table[f"k={k}"] = row
    return pd.DataFrame.from_dict(table, orient="index")


def year_sensitivity() -> str:
    """F1 "ECB+/AllSides" per year_agreement value, every other setting at its default, as one line."""
    frames = (ecbplus_frame(), allsides_frame())
    cells = []
    for factor in GRID_YEAR_AGREEMENT:
        scores = [bcubed(f["gold"], cluster_stories(f, year_agreement=factor)["story_id"])[2] for f in frames]
        cells.append(f"{factor:g}: " + "/".join(f"{x:.3f}" for x in scores))
    return "   ".join(cells)


def unplaced_sensitivity(setting: str, values: tuple[float, ...]) -> str:
    """F1 per value of one setting (unplaced_floor, unplaced_share), "AllSides without dates dev/aside/all, ECB+
    dev/aside/all", a line each."""
    runs = [(frame, split_aside(frame, key)) for frame, key in (
        (allsides_frame().assign(published=pd.NaT), "gold"), (ecbplus_frame(), "topic"))]
    cells = []
    for value in values:
        sets = ["/".join(f"{bcubed(f['gold'], cluster_stories(f, **{setting: value})['story_id'])[2]:.3f}"
                         for f in (parts["dev"], parts["aside"], frame)) for frame, parts in runs]
        cells.append(f"{value:g}: " + ", ".join(sets))
    return "\n  ".join(cells)


def perturbed() -> list[tuple[str, float]]:
    """(input, B-cubed F1) for the perturbed inputs of the module docstring (seeded: the same every run)."""
    ecb, alls = ecbplus_frame(), allsides_frame()
    rng = np.random.default_rng(0)
    shifts = {"+-1 day": rng.integers(-1, 2, len(alls)), "+-2 days": rng.integers(-2, 3, len(alls)),
              "lag Exp(1.5) days": np.floor(rng.exponential(1.5, len(alls))).astype(int)}

    def union(alls_dates: pd.DataFrame) -> pd.DataFrame:
        return pd.concat([ecb.drop(columns="topic").assign(gold="e" + ecb["gold"].astype(str)),
                          alls_dates.assign(gold="a" + alls_dates["gold"].astype(str))], ignore_index=True)

    cases = [("ECB+ and AllSides as one corpus", union(alls))]
    for name, frame in (("ECB+", ecb), ("AllSides", alls)):
        cases += [(f"{name} without titles", frame.assign(title=None)),
                  (f"{name}, first two sentences", frame.assign(
                      text=frame["text"].map(lambda t: " ".join(t[a:b] for a, b in split_sentences(t)[:2]))))]
    cases += [(f"AllSides dates {how}", alls.assign(published=alls["published"] + pd.to_timedelta(d, unit="D")))
              for how, d in shifts.items()]
    for per in (2, 3):  # small events: fewer reports per event than profile_neighbours (three draws each)
        draws = [ecb.sample(frac=1, random_state=seed) for seed in range(3)]
        cases += [(f"ECB+, {per} reports per event (draw {seed})", d[d.groupby("gold").cumcount() < per])
                  for seed, d in enumerate(draws)]
    out = [(name, bcubed(frame["gold"], cluster_stories(frame)["story_id"])[2]) for name, frame in cases]
    # An undated corpus beside a dated or partly dated one must cluster as it does alone: each part's own F1.
    for how, alls_dates in (("dated", alls), ("dated as ingest reads it", ingest_dated(alls))):
        frame = union(alls_dates)
        stories = cluster_stories(frame)["story_id"].to_numpy()
        for part, rows in (("ECB+", slice(0, len(ecb))), ("AllSides", slice(len(ecb), None))):
            out.append((f"{part} in one corpus, AllSides {how}", bcubed(frame["gold"][rows], stories[rows])[2]))
    return out


def main(argv=None) -> int:
    """Print the evaluation table, then (unless --no-grid) the sensitivity tables and the perturbed inputs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-grid", action="store_true", help="skip the threshold x neighbours sensitivity table")
    parser.add_argument("--encoder", choices=ENCODER_NAMES, default="auto",
                        help="similarities of the best-single-cut table: embedding rows need the optional extra")
    args = parser.parse_args(argv)
    with pd.option_context("display.width", 200, "display.max_columns", None):
        print(evaluate().to_string(index=False))
    print(f"baseline: TF-IDF + average linkage at cosine {BASELINE_THRESHOLD}; "
          "merged_topics: ECB+ topics (of 14) where one cluster holds most of both sub-topics; "
          "mixed_topics: where any cluster holds documents of both")
    print("\ndates removed, B-cubed F1 (ECB+ carries no date field: its first three runs are undated, its last dated "
          f"from its texts' date lines; the baseline, base_*, reads no dates).\ndev: the slice settings were chosen "
          f"on; aside: every {ASIDE_EVERY}th story (AllSides) or topic "
          "(ECB+), each slice clustered on its own; all: the whole set, with its precision and recall;\nmerged_dev / "
          "split_dev: pairs of dev articles wrongly put together / wrongly kept apart, ours/baseline (first draw):")
    with pd.option_context("display.width", 200, "display.max_columns", None):
        print(time_runs().to_string(index=False))
    print("\nvectors alone on the dev slices, ours/baseline: auc = ROC AUC of the cosine for same-story pairs; "
          "nearest_same = share of articles whose nearest article reports their story:")
    print(vector_separation().to_string(index=False))
    ceiling, notes = similarity_ceiling(args.encoder)
    print("\nbest single cut without dates, B-cubed F1 at the cosine cut chosen on each slice itself (an upper bound "
          "for one similarity and one linkage, not a result; all: the whole set as one corpus):")
    with pd.option_context("display.width", 200, "display.max_columns", None):
        print(ceiling.to_string(index=False))
    for note in notes:
        print(note)
    print(f"\npair signals beyond the word cosine, without dates: of the pairs whose plain word cosine lies in "
          f"{SIGNAL_BAND} (where the undated runs' errors fall), how many carry each signal and the share of them that "
          "report one story, against the rest of the band:")
    with pd.option_context("display.width", 200, "display.max_columns", None):
        print(signal_table().to_string(index=False))
    if not args.no_grid:
        print(f"\nsensitivity: B-cubed F1 ECB+/AllSides; rows profile_neighbours (k), columns threshold (t); "
              f"default k={DEFAULT_CONFIG['profile_neighbours']}, t={DEFAULT_CONFIG['threshold']}")
        with pd.option_context("display.width", 250, "display.max_columns", None):
            print(sensitivity().to_string())
        print(f"\nyear_agreement (default {DEFAULT_CONFIG['year_agreement']:g}; 1 = off), F1 ECB+/AllSides:  "
              + year_sensitivity())
        for setting, values in (("unplaced_floor", GRID_UNPLACED_FLOOR), ("unplaced_share", GRID_UNPLACED_SHARE)):
            print(f"{setting} (default {DEFAULT_CONFIG[setting]:g}; 0 = off), F1 AllSides without dates dev/aside/all, "
                  "ECB+ dev/aside/all:\n  " + unplaced_sensitivity(setting, values))
        print("\nperturbed inputs, B-cubed F1 (default configuration):")
        for name, f1 in perturbed():
            print(f"  {name:44} {f1:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
