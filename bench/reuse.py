"""Passage-reuse benchmark: planted copies in corpora of real paragraphs; find_reuse against datasketch MinHashLSH.

Each planted copy is 2-4 consecutive paragraphs of a donor under a new lead, one day after the donor, in
another outlet (the issue's protocol). Two corpora:
- ``real``: real articles (ECB+ documents and AllSides excerpts of 3+ paragraphs, deduplicated) plus planted
  copies: the quality check comparable to the issue's 300 real articles with 60 copies. Real articles also
  reuse each other's text (ECB+ reports of one event often carry the same wire copy); those pairs are
  reported separately, they are not counted as false positives only when --natural-ok is given.
- ``synthetic``: N articles recombined from real paragraphs (bench.corpus.synthetic_articles). There are only
  ~4,300 real paragraphs, so at N=100k each would recur ~150 times and every pair carrying one would be true
  reuse; to keep the ground truth exact, every occurrence of a paragraph after its first has one word in four
  replaced by a random corpus word (no 5-word shingle survives), keeping text length and vocabulary real.
Time and peak memory (RSS, from getrusage in a child process per run) cover building the input frame and
the method; recall counts a planted copy found with the right direction (donor -> copy, "earlier").

    python -m bench.reuse                      # real 300+60, synthetic 1k and 10k, both methods
    timeout 1800 python -m bench.reuse --sizes 1000 10000 100000 --baseline-max 10000
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import resource
import subprocess
import sys
import time

import pandas as pd

from bench.corpus import allsides_articles, ecbplus_articles, real_paragraphs, synthetic_articles

SHINGLE = 5
COPY_SHARE = 0.2  # planted copies per article of the corpus (the 60 per 300)
_WORD = re.compile(r"[^\W_]+")


def _shingles(text: str, n: int = SHINGLE) -> set[str]:
    """Lower-cased word n-grams of a text (the baseline's feature set, same as find_reuse's)."""
    w = [t.lower() for t in _WORD.findall(text)]
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


def _mutate(paragraph: str, rng: random.Random, vocab: list[str]) -> str:
    """The paragraph with every fourth word token replaced by a random corpus word (no 5-token shingle survives)."""
    out, last = [], 0
    for k, m in enumerate(_WORD.finditer(paragraph)):
        if k % 4 == 0:
            out.append(paragraph[last:m.start()] + rng.choice(vocab))
            last = m.end()
    return "".join(out) + paragraph[last:]


def _plant(background: list[dict], n_copies: int, rng: random.Random, lead_of) -> tuple[list[dict], set]:
    """Planted copies of distinct donors (2-4 consecutive paragraphs under a new lead); returns (copies, truth)."""
    donors = [d for d in background if d["text"].count("\n\n") >= 2]
    copies, truth = [], set()
    outlets = sorted({d["outlet"] for d in background})
    for k, donor in enumerate(rng.sample(donors, min(n_copies, len(donors)))):
        paras = donor["text"].split("\n\n")
        take = rng.randint(2, min(4, len(paras)))
        first = rng.randrange(len(paras) - take + 1)
        body = paras[first:first + take]
        outlet = rng.choice([o for o in outlets if o != donor["outlet"]] or ["Copier"])
        day = dt.date.fromisoformat(donor["published"][:10]) + dt.timedelta(days=1)
        cid = f"copy-{k:06d}"
        copies.append({"id": cid, "outlet": outlet, "via": None, "published": day.isoformat(),
                       "text": "\n\n".join([lead_of(k)] + body)})
        truth.add((donor["id"], cid))
    return copies, truth


def distinct_paragraphs(min_shared: int = 3) -> list[str]:
    """Real paragraphs sharing fewer than ``min_shared`` 5-word shingles with every earlier one (ECB+ reports
    of one event repeat wire sentences: left in, they would be true reuse outside the ground truth)."""
    owner: dict[str, int] = {}
    kept = []
    for p in real_paragraphs():
        sh = _shingles(p)
        hits: dict[int, int] = {}
        for x in sh:
            if x in owner:
                hits[owner[x]] = hits.get(owner[x], 0) + 1
        if max(hits.values(), default=0) < min_shared:
            kept.append(p)
            for x in sh:
                owner.setdefault(x, len(kept) - 1)
    return kept


def real_corpus(n_copies: int = 60, seed: int = 0) -> tuple[list[dict], set]:
    """~300 real articles (ECB+ and AllSides, 3+ paragraphs) with dates, plus planted copies."""
    rng = random.Random(seed)
    docs = [d for d in ecbplus_articles() + allsides_articles() if d["text"].count("\n\n") >= 2]
    docs = rng.sample(docs, min(300, len(docs)))
    used = {p for d in docs for p in d["text"].split("\n\n")}
    spare = [p for p in real_paragraphs() if p not in used]
    background = []
    for d in docs:
        day = d.get("date") or (dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(700))).isoformat()
        background.append({"id": str(d["id"]), "outlet": d["outlet"] or f"outlet-{d['id']}", "via": None,
                           "published": day, "text": d["text"]})
    copies, truth = _plant(background, n_copies, rng, lambda k: spare[k % len(spare)])
    return background + copies, truth


def synthetic_corpus(n: int, seed: int = 0) -> tuple[list[dict], set]:
    """``n`` articles: recombined real paragraphs (repeats mutated, see module doc) incl. planted copies."""
    rng = random.Random(seed + 1)
    n_copies = int(n * COPY_SHARE / (1 + COPY_SHARE))
    background = synthetic_articles(n - n_copies, seed=seed)
    vocab = sorted({w for p in real_paragraphs() for w in _WORD.findall(p) if len(w) > 2})
    seen = set(real_paragraphs()) - set(distinct_paragraphs())  # near-duplicates are mutated from the start
    for d in background:
        paras = []
        for p in d["text"].split("\n\n"):
            paras.append(_mutate(p, rng, vocab) if p in seen else p)
            seen.add(p)
        d["text"] = "\n\n".join(paras)
        d["via"] = None
    pool = real_paragraphs()
    copies, truth = _plant(background, n_copies, rng, lambda k: _mutate(pool[k % len(pool)], rng, vocab))
    return background + copies, truth


def run_find_reuse(articles: pd.DataFrame) -> set[tuple[str, str, str]]:
    """(source, target, direction) of every pair find_reuse reports."""
    from lib.analyse.reuse import find_reuse

    pairs = find_reuse(articles)
    return set(zip(pairs["source_id"], pairs["target_id"], pairs["direction"]))


def run_minhash(articles: pd.DataFrame, threshold: float = 0.3, num_perm: int = 128) -> set[tuple[str, str, str]]:
    """datasketch MinHashLSH (Jaccard) pairs, oriented by date like find_reuse (earlier -> later)."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    ids, pub = articles["id"].tolist(), dict(zip(articles["id"], articles["published"]))
    outlet = dict(zip(articles["id"], articles["outlet"]))
    sketches = {}
    for i, text in zip(ids, articles["text"]):
        m = MinHash(num_perm=num_perm)
        sh = _shingles(text)
        if sh:
            m.update_batch([s.encode("utf-8") for s in sh])
        sketches[i] = m
        lsh.insert(i, m)
    found = set()
    for i in ids:
        for j in lsh.query(sketches[i]):
            if j == i or outlet[i] == outlet[j]:
                continue
            a, b = (i, j) if (pub[i], i) <= (pub[j], j) else (j, i)
            found.add((a, b, "earlier" if pub[a] != pub[b] else "tie"))
    return found


def score(found: set[tuple[str, str, str]], truth: set[tuple[str, str]]) -> dict:
    """Recall (any direction and right direction) and precision against the planted copies."""
    undirected = {frozenset(p[:2]) for p in found}
    hit = sum(1 for s, t in truth if frozenset((s, t)) in undirected)
    directed = sum(1 for s, t, d in found if (s, t) in truth and d == "earlier")
    truth_pairs = {frozenset(x) for x in truth}
    tp = len(undirected & truth_pairs)
    return {"pairs": len(undirected), "recall": hit / len(truth) if truth else 0.0,
            "recall_directed": directed / len(truth) if truth else 0.0,
            "precision": tp / len(undirected) if undirected else 0.0}


def _cpu() -> float:
    """CPU seconds of this process, all threads (wall time lies on a machine shared by 8 engineers)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def child(corpus: str, size: int, method: str, threshold: float = 0.3) -> dict:
    """One measured run in this (child) process: build corpus, run the method, score; JSON-ready figures."""
    docs, truth = real_corpus() if corpus == "real" else synthetic_corpus(size)
    frame_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, cpu0 = time.perf_counter(), _cpu()
    articles = pd.DataFrame(docs)
    articles["published"] = pd.to_datetime(articles["published"])
    found = run_find_reuse(articles) if method == "find_reuse" else run_minhash(articles, threshold)
    seconds, cpu = time.perf_counter() - t0, _cpu() - cpu0
    out = {"corpus": corpus, "articles": len(docs), "copies": len(truth), "method": method,
           "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
           "corpus_rss_mb": round(frame_rss / 1024)}
    out.update({k: round(v, 4) if isinstance(v, float) else v for k, v in score(found, truth).items()})
    if corpus == "real":
        # Pairs between two real articles are natural reuse (one event's reports carrying the same wire
        # sentences) or false positives; precision_planted leaves them out and scores pairs with a copy.
        ids = {d["id"] for d in docs if not d["id"].startswith("copy-")}
        natural = {frozenset(p[:2]) for p in found if p[0] in ids and p[1] in ids}
        out["pairs_between_real_articles"] = len(natural)
        out["precision_planted"] = round(score({p for p in found if frozenset(p[:2]) not in natural},
                                               truth)["precision"], 4)
    return out


def main(argv=None) -> int:
    """Run every (corpus, size, method) in its own process and print one table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000], help="synthetic corpus sizes")
    ap.add_argument("--baseline-max", type=int, default=10000, help="largest size to run MinHashLSH on")
    ap.add_argument("--no-real", action="store_true", help="skip the 300 real articles + 60 copies run")
    ap.add_argument("--lsh-threshold", type=float, default=0.3,
                    help="MinHashLSH Jaccard threshold (a copy shares only part of its donor: 0.5 misses most)")
    ap.add_argument("--child", nargs=3, metavar=("CORPUS", "SIZE", "METHOD"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.child[2], args.lsh_threshold)))
        return 0
    runs = [] if args.no_real else [("real", 300, m) for m in ("find_reuse", "minhash")]
    for n in args.sizes:
        runs += [("synthetic", n, "find_reuse")] + ([("synthetic", n, "minhash")] if n <= args.baseline_max else [])
    rows = []
    for corpus, size, method in runs:
        proc = subprocess.run([sys.executable, "-m", "bench.reuse", "--child", corpus, str(size), method,
                               "--lsh-threshold", str(args.lsh_threshold)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"{corpus} {size} {method}: failed: {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            continue
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    table = pd.DataFrame(rows)
    with pd.option_context("display.width", 200, "display.max_columns", None):
        print(table.to_string(index=False))
    for (corpus, n), g in table.groupby(["corpus", "articles"]):
        by = g.set_index("method")
        if {"find_reuse", "minhash"} <= set(by.index):
            f, m = by.loc["find_reuse"], by.loc["minhash"]
            print(f"{corpus} {n}: find_reuse takes {f['seconds'] / m['seconds']:.2f}x the wall time of MinHashLSH "
                  f"({f['cpu_seconds'] / m['cpu_seconds']:.2f}x its CPU time); directed recall "
                  f"{f['recall_directed']:.3f} vs {m['recall_directed']:.3f}, precision {f['precision']:.3f} vs "
                  f"{m['precision']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
