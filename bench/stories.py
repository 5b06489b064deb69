"""Story clustering at scale: time and peak memory on 2.5k..20k synthetic articles vs a naive all-pairs baseline.

Run: python -m bench.stories [--sizes 2500 5000 10000 20000] [--naive 500 1000] [--undated 0.5]
Each size runs in its own subprocess so its peak resident memory (ru_maxrss) is its own. The corpus is
bench.corpus.synthetic_articles (real ECB+/AllSides paragraphs recombined, random outlets and dates over two
years) with planted stories: groups of 2-6 articles, published within two days of each other, that share
two or three paragraphs of one source text; the planted groups give a recovery figure (B-cubed F1 over the
planted articles) next to the timings. Wall seconds depend on what else the machine runs; cpu_seconds are this process's own. The naive baseline is what one writes without a sparse plan: TF-IDF
dicts compared pair by pair in Python, single-link above a cosine; it is timed on small slices and its
quadratic growth gives the 20k estimate.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import resource
import subprocess
import sys
import time
from collections import Counter

import pandas as pd

from bench.corpus import real_paragraphs, synthetic_articles

PLANTED_SHARE = 0.3  # share of the corpus that belongs to planted multi-article stories
NAIVE_THRESHOLD = 0.3


def planted_corpus(n: int, seed: int = 0, undated: float = 0.0) -> pd.DataFrame:
    """``n`` synthetic articles, PLANTED_SHARE of them in planted stories; column `gold` (None = unplanted); a seeded
    ``undated`` share of them (any article, planted or not) without a date."""
    rng = random.Random(seed)
    base = synthetic_articles(n, seed=seed)
    pool = real_paragraphs()
    gold: list[str | None] = [None] * n
    i = 0
    story = 0
    while i < int(n * PLANTED_SHARE):
        size = min(rng.randint(2, 6), n - i)
        shared = rng.sample(pool, 3)
        day = dt.date.fromisoformat(base[i]["published"])
        for j in range(i, i + size):
            own = base[j]["text"].split("\n\n")
            keep = rng.sample(shared, rng.randint(2, 3))
            base[j]["text"] = "\n\n".join(keep + own[:3])
            base[j]["published"] = (day + dt.timedelta(days=rng.randint(0, 2))).isoformat()
            base[j]["title"] = keep[0].split(". ")[0][:120]
            gold[j] = f"planted-{story}"
        i += size
        story += 1
    frame = pd.DataFrame(base)
    frame["published"] = pd.to_datetime(frame["published"])
    frame.loc[[rng.random() < undated for _ in range(n)], "published"] = pd.NaT
    frame["via"] = None
    frame["story"] = None
    frame["dateline_place"] = None
    frame["gold"] = gold
    return frame


def planted_f1(frame: pd.DataFrame, predicted) -> float:
    """B-cubed F1 of the predicted stories over the planted articles only."""
    from bench.stories_eval import bcubed

    mask = frame["gold"].notna().to_numpy()
    return bcubed(frame["gold"][mask], pd.Series(list(predicted))[mask])[2]


def run_one(n: int, undated: float = 0.0) -> dict:
    """Cluster an ``n``-article corpus (``undated``: share without a date) in this process: seconds, peak RSS in MB,
    stories, planted F1."""
    from lib.analyse.stories import cluster_stories

    frame = planted_corpus(n, undated=undated)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    assignment = cluster_stories(frame)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": n, "undated": undated, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "peak_rss_mb": round(peak), "corpus_rss_mb": round(before),
            "stories": int(assignment["story_id"].nunique()),
            "planted_f1": round(planted_f1(frame, assignment["story_id"]), 4)}


def _tokens(text: str) -> list[str]:
    """Lower-case words of 2+ letters (the naive baseline's tokeniser)."""
    word, out = [], []
    for ch in text.casefold() + " ":
        if ch.isalpha():
            word.append(ch)
        elif word:
            if len(word) > 1:
                out.append("".join(word))
            word = []
    return out


def run_naive(n: int) -> dict:
    """The naive plan on ``n`` articles: TF-IDF dicts, every pair compared in Python, single-link groups."""
    frame = planted_corpus(n)
    t0, c0 = time.perf_counter(), time.process_time()
    docs = [Counter(_tokens(t)) for t in frame["text"]]
    df = Counter(w for d in docs for w in d)
    vectors = []
    for d in docs:
        v = {w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[w])) for w, c in d.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    parent = list(range(n))

    def find(i: int) -> int:
        """Union-find root."""
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        vi = vectors[i]
        for j in range(i + 1, n):
            vj = vectors[j]
            small, large = (vi, vj) if len(vi) < len(vj) else (vj, vi)
            if sum(x * large.get(w, 0.0) for w, x in small.items()) >= NAIVE_THRESHOLD:
                parent[find(i)] = find(j)
    labels = [find(i) for i in range(n)]
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": n, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "peak_rss_mb": round(peak),
            "stories": len(set(labels)),
            "planted_f1": round(planted_f1(frame, labels), 4)}


def in_subprocess(kind: str, n: int, undated: float = 0.0) -> dict:
    """Run one measurement in a fresh interpreter (so peak memory is per run) and return its figures."""
    out = subprocess.run([sys.executable, "-m", "bench.stories", "--one", kind, str(n), "--undated", str(undated)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def growth(rows: list[dict]) -> list[float | None]:
    """Growth exponent of CPU time between consecutive sizes: log(time ratio) / log(size ratio); 1 = linear."""
    out: list[float | None] = [None]
    for a, b in zip(rows, rows[1:]):
        out.append(round(math.log(b["cpu_seconds"] / a["cpu_seconds"]) / math.log(b["articles"] / a["articles"]), 2)
                   if a["cpu_seconds"] > 0 and b["cpu_seconds"] > 0 else None)
    return out


def main(argv: list[str] | None = None) -> int:
    """Measure, then print one table per method and the headline ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000, 20000])
    parser.add_argument("--naive", type=int, nargs="+", default=[500, 1000])
    parser.add_argument("--undated", type=float, default=0.0,
                        help="share of articles without a date (undated ones are attached or clustered apart)")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        kind, n = args.one[0], int(args.one[1])
        print(json.dumps(run_one(n, args.undated) if kind == "stories" else run_naive(n)))
        return 0
    ours = [in_subprocess("stories", n, args.undated) for n in args.sizes]
    naive = [in_subprocess("naive", n) for n in args.naive]
    for name, rows in (("cluster_stories", ours), ("naive all-pairs", naive)):
        table = pd.DataFrame(rows)
        table["growth_exponent"] = growth(rows)
        print(f"{name}:\n{table.to_string(index=False)}\n")
    largest, small = ours[-1], naive[-1]
    scale = (largest["articles"] / small["articles"]) ** 2
    print(f"naive all-pairs at {largest['articles']} articles, extrapolated quadratically from {small['articles']}: "
          f"~{small['cpu_seconds'] * scale:.0f} s CPU vs {largest['cpu_seconds']} s CPU measured "
          f"({small['cpu_seconds'] * scale / largest['cpu_seconds']:.0f}x)")
    for key in ("cpu_seconds", "seconds"):
        verdict = "met" if largest[key] < 60 and largest["peak_rss_mb"] < 2048 else "NOT met"
        print(f"target {largest['articles']} articles under 60 s and 2048 MB, by {key}: {largest[key]} s, "
              f"{largest['peak_rss_mb']} MB -> {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
