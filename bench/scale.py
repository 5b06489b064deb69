"""Scale benchmark on wire-heavy corpora: the real `python -m lib ingest` CLI per size, time per stage, peak memory.

Two corpora of .txt files (Title/Outlet/Date header lines, then the text), both built from real ECB+/AllSides
paragraphs (bench.corpus.real_paragraphs, ~4,300 of them):
- ``recombined``: bench.ingest's corpus (each article 4-9 real paragraphs drawn at random, varied datelines), so
  every paragraph recurs in ~N*6.5/4300 articles: at 50k each paragraph is carried ~75 times.
- ``wire``: stories of 4-9 real paragraphs in the story's own wording (STORY_WORDING of their words replaced), each
  carried by 20-80 outlets over a few days, verbatim or lightly edited (a local lead sentence, a dropped paragraph, a
  few words changed), the first carrier being one of a few agencies. Without a story's own wording the pool would
  saturate: at 1M each pool paragraph would recur in ~1,500 articles, above reuse's MAX_DF, so its shingles would
  count as boilerplate and the corpus would get easier exactly where it should be hardest.

Each size runs `python -m lib ingest DIR --db FILE` in a fresh process under /usr/bin/time -v: its peak resident
memory ("peak MB": the largest of any one process of the tree, which is the CLI's own; its extraction workers, one
per core, ~135 MB each at 100k, run only during ingest, while the CLI holds under half its analyses' peak), wall time
and CPU time (user + system, all threads and the workers: on a shared, loaded machine the wall time says more about
the neighbours than about the code); the stage times are the ones the CLI prints (ingest = parse+extract+store;
then each stored analysis: stories = assignment + summaries, shared quotes = renderings, reuse = passages).
"x/doubling" is the growth of time per article per doubling of the corpus, ((t2/n2) / (t1/n1)) ** (1 / log2(n2/n1))
between consecutive sizes: 1.0 is linear, 2.0 quadratic; the issue's target is at most ~1.3.

References, on sizes up to --reference-max only (in their own processes, with a time limit): passim-style
all-pairs (find_reuse with every aligned pair reported and no document-frequency cap, as passim does) and
datasketch MinHashLSH (Jaccard 0.3, 128 permutations) on the same articles.

    nice -n 10 python -m bench.scale                               # 10k, 20k, 50k, 100k, both corpora
    nice -n 10 python -m bench.scale --sizes 2500 5000 10000 --corpora wire
    nice -n 10 python -m bench.scale --million                     # adds 1,000,000 (out of core; hours)
    python -m bench.scale --repo /tmp/old-checkout ...             # run another checkout's CLI (before/after)
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

AGENCIES = ("Agence One", "Wire Two", "Press Three")
STAGES = ("ingest", "reuse", "shared quotes", "stories")
# stage -> the analyses the CLI's "analyses stored:" line names for it
STAGE_ANALYSES = {"reuse": ("passages",), "shared quotes": ("renderings",), "stories": ("assignment", "stories")}


STORY_WORDING = 0.3  # share of a pool paragraph's words a story replaces: 5-word runs shared with other stories ~17%


def _edit(paragraph: str, rng: random.Random, vocab: list[str], changes: int | None = None) -> str:
    """A light edit: two or three words replaced by other corpus words (what a copy desk changes); with ``changes``,
    that many."""
    words = paragraph.split(" ")
    for _ in range(rng.randint(2, 3) if changes is None else changes):
        k = rng.randrange(len(words))
        words[k] = rng.choice(vocab)
    return " ".join(words)


def wire_articles(n: int, seed: int = 11, carriers: tuple[int, int] = (20, 80), n_outlets: int = 400
                  ) -> Iterator[dict]:
    """``n`` articles: stories of 4-9 real paragraphs in the story's own wording, each carried by 20-80 outlets,
    verbatim or lightly edited.

    Half the carriers run the story verbatim; the others add a lead sentence of their own, drop one paragraph
    or change a few words. The first carrier is an agency, published first; the others follow over 0-3 days.
    Articles are yielded one at a time (a million do not need to be held together).
    """
    from bench.corpus import real_paragraphs

    rng = random.Random(seed)
    pool = real_paragraphs()
    vocab = sorted({w for p in pool[:500] for w in p.split() if w.isalpha()})
    outlets = [f"Outlet {i:03d}" for i in range(n_outlets)]
    made, story = 0, 0
    while made < n:
        paras = [_edit(p, rng, vocab, round(STORY_WORDING * (p.count(" ") + 1)))
                 for p in rng.sample(pool, rng.randint(4, 9))]
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(730))
        title = re.split(r"(?<=[.!?])\s", paras[0], maxsplit=1)[0][:120]
        k = min(rng.randint(*carriers), n - made)
        for j, outlet in enumerate([rng.choice(AGENCIES)] + rng.sample(outlets, k - 1)):
            body = list(paras)
            if j and rng.random() < 0.5:
                kind = rng.randrange(3)
                if kind == 0:
                    body.insert(0, rng.choice(pool))  # a lead of its own
                elif kind == 1 and len(body) > 4:
                    body.pop(rng.randrange(1, len(body)))
                else:
                    body = [_edit(p, rng, vocab) if rng.random() < 0.5 else p for p in body]
            published = day + dt.timedelta(days=0 if j == 0 else rng.randint(0, 3))
            yield {"id": f"wire{seed}-{story:05d}-{j:02d}", "outlet": outlet, "published": published.isoformat(),
                   "title": title, "text": "\n\n".join(body)}
        made += k
        story += 1


def write_corpus(kind: str, folder: Path, n: int) -> None:
    """The corpus ``kind`` (recombined or wire) of n articles as .txt files under ``folder``."""
    if kind == "recombined":
        from bench.ingest import write_corpus as write_recombined

        write_recombined(folder, n)
        return
    for i, art in enumerate(wire_articles(n)):
        sub = folder / f"{i // 1000:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{art['id']}.txt").write_text(f"Title: {art['title']}\nOutlet: {art['outlet']}\n"
                                              f"Date: {art['published']}\n\n{art['text']}", encoding="utf-8")


def run_ingest(folder: Path, db: Path, repo: Path, timeout: float) -> dict:
    """`python -m lib ingest` in a fresh process under /usr/bin/time -v: wall, peak MB, seconds per stage."""
    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "lib", "ingest", str(folder), "--db", str(db)]
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    wall = time.perf_counter() - started
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", proc.stderr))
    out = {"wall": wall, "cpu": cpu, "peak_mb": int(peak.group(1)) / 1024 if peak else float("nan")}
    if proc.returncode != 0:
        tail = [line for line in proc.stderr.splitlines() if line.strip() and not line.startswith("\t")][-1:]
        out["error"] = f"exit {proc.returncode}: {tail[0] if tail else ''}"
    spent = {}
    for line in proc.stdout.splitlines():
        if line.startswith("analyses stored: "):
            spent = {m.group(1): float(m.group(2)) for m in re.finditer(r"(\w+) ([\d.]+) s", line)}
        if line.startswith("analysis ") and " failed: " in line:
            out.setdefault("failed", []).append(line)
        if line.startswith("ingest: "):  # the CLI's own parse+extract+store time, when it prints one
            out["ingest"] = float(re.search(r"([\d.]+) s", line).group(1))
    for stage, names in STAGE_ANALYSES.items():
        if all(name in spent for name in names):
            out[stage] = sum(spent[name] for name in names)
    if "ingest" not in out:  # older CLI: everything that is not an analysis (imports and the corpus key included)
        out["ingest"] = wall - sum(spent.values())
    return out


def reference_child(kind: str, n: int, method: str) -> dict:
    """One reference method on the corpus (in this child process): seconds, peak MB, pairs found."""
    import resource

    import pandas as pd

    docs = list(wire_articles(n)) if kind == "wire" else __import__("bench.corpus", fromlist=["x"]).synthetic_articles(n, 7)
    articles = pd.DataFrame(docs).assign(via=None)
    articles["published"] = pd.to_datetime(articles["published"])
    started = time.perf_counter()
    if method == "all-pairs":
        from lib.analyse.reuse import find_reuse

        pairs = find_reuse(articles, one_source=False, max_df=len(articles), full_df=len(articles))
        found = pairs.groupby(["source_id", "target_id"]).ngroups if len(pairs) else 0
    else:
        from bench.reuse import run_minhash

        found = len(run_minhash(articles))
    return {"seconds": time.perf_counter() - started, "pairs": found,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_reference(kind: str, n: int, method: str, repo: Path, timeout: float) -> dict:
    """reference_child in a fresh process, with a time limit."""
    cmd = [sys.executable, "-m", "bench.scale", "--reference-child", kind, str(n), method]
    try:
        proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"did not finish in {timeout:.0f} s"}
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def per_doubling(t1: float, t2: float, n1: int, n2: int) -> float:
    """Growth of time (or memory) per article per doubling of the corpus between two sizes (1.0 = linear)."""
    if t1 <= 0 or t2 <= 0 or n2 <= n1:
        return float("nan")
    return ((t2 / n2) / (t1 / n1)) ** (1 / math.log2(n2 / n1))


def main(argv=None) -> int:
    """Build each corpus at each size, run the ingest CLI, print per-stage figures and ratios per doubling."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 20_000, 50_000, 100_000])
    ap.add_argument("--million", action="store_true", help="also run 1,000,000 articles")
    ap.add_argument("--corpora", nargs="*", default=["recombined", "wire"], choices=["recombined", "wire"])
    ap.add_argument("--reference-max", type=int, default=10_000, help="largest size the references run on")
    ap.add_argument("--no-reference", action="store_true", help="skip passim-style all-pairs and MinHashLSH")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds allowed per ingest run")
    ap.add_argument("--reference-timeout", type=float, default=600, help="seconds allowed per reference run")
    ap.add_argument("--repo", type=Path, default=REPO, help="checkout whose `python -m lib ingest` runs")
    ap.add_argument("--tmp", type=Path, default=None, help="folder for corpora and corpus files (default: system)")
    ap.add_argument("--reference-child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.reference_child:
        kind, n, method = args.reference_child
        print(json.dumps(reference_child(kind, int(n), method)))
        return 0
    sizes = sorted(set(args.sizes + ([1_000_000] if args.million else [])))
    print(f"repo: {args.repo}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall times suffer)")
    for kind in args.corpora:
        print(f"\n== {kind} corpus ==")
        print(f"{'articles':>9} {'MB':>6} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} "
              + " ".join(f"{s + ' s':>14}" for s in STAGES))
        rows = []
        for n in sizes:
            with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
                folder = Path(tmp) / "corpus"
                folder.mkdir()
                write_corpus(kind, folder, n)
                size = sum(p.stat().st_size for p in folder.rglob("*.txt")) / 1e6
                res = run_ingest(folder, Path(tmp) / "corpus.duckdb", args.repo, args.timeout)
            rows.append((n, res))
            if "wall" not in res:
                print(f"{n:9,} {size:6.0f}  {res['error']}")
                continue
            stages = " ".join(f"{res[s]:14.1f}" if s in res else f"{'-':>14}" for s in STAGES)
            print(f"{n:9,} {size:6.0f} {res['wall']:7.1f} {res['cpu']:7.1f} {res['peak_mb']:8.0f} {stages}"
                  + (f"  {res['error']}" if "error" in res else "") + "".join(f"  {f}" for f in res.get("failed", [])),
                  flush=True)
        done = [(n, r) for n, r in rows if "wall" in r and "error" not in r]
        for (n1, r1), (n2, r2) in zip(done, done[1:]):
            ratios = " ".join(f"{per_doubling(r1[s], r2[s], n1, n2):14.2f}" if s in r1 and s in r2 else f"{'-':>14}"
                              for s in STAGES)
            print(f"x/doubling {n1:,}->{n2:,}: wall {per_doubling(r1['wall'], r2['wall'], n1, n2):.2f}, "
                  f"peak MB {per_doubling(r1['peak_mb'], r2['peak_mb'], n1, n2):.2f}; stages: {ratios}")
        if args.no_reference:
            continue
        for n in [s for s in sizes if s <= args.reference_max]:
            for method in ("all-pairs", "minhash-lsh"):
                ref = run_reference(kind, n, method, args.repo, args.reference_timeout)
                figures = (f"{ref['seconds']:.1f} s, peak {ref['peak_mb']:.0f} MB, {ref['pairs']:,} article pairs"
                           if "error" not in ref else ref["error"])
                print(f"reference {method:11} {n:9,}: {figures}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
