"""Ingestion throughput and peak memory on 10,000 generated wire-copy .txt files.

Articles come from bench.corpus.synthetic_articles (real ECB+/AllSides paragraphs recombined), written as .txt
files that open with datelines of several forms (TASS, UrduPoint/Sputnik, Reuters, AP, Xinhua, CNN, bare),
some with `Key: value` header lines, a third without a year (so batch year inference runs). Each phase runs in
a fresh process, so its peak RSS (ru_maxrss) minus the RSS after imports is that phase's own peak memory ("peak
MB"); "process MB" is the whole process's peak, imports included.

    python3 bench/ingest.py            # 10,000 articles
    python3 bench/ingest.py --n 2000   # quicker

Wall time depends on what else the machine runs; CPU time (time.process_time) is the phase's own work, so
articles per CPU-second is the figure to compare across runs on a shared machine.
"""
from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_PER_SECOND = 500
PLACES = ("MOSCOW", "WASHINGTON", "GENOA", "BEIJING", "LONDON", "NEW YORK", "PARIS", "ISLAMABAD", "KYIV")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
# (dateline template, header lines?) rows; {place}, {month}, {mon}, {day}, {year} are filled per article.
DATELINE_FORMS = (
    ("{place}, {month} {day}. /TASS/. ", False),  # no year: inferred across the batch
    ("{place} (UrduPoint News / Sputnik - {day}th {month}, {year}) ", False),
    ("{place} (Reuters) - ", True),
    ("{place}, {mon}. {day} (Xinhua) -- ", False),  # no year
    ("{place} (AP) — ", True),
    ("{title_place} (CNN) -- ", True),
    ("{place}, {month} {day}, {year} (Reuters) - ", False),
    ("{place} — ", True),
)


def write_corpus(folder: Path, n: int) -> None:
    """n synthetic articles as .txt files with varied datelines (and headers for the forms without a date)."""
    from bench.corpus import synthetic_articles

    for i, art in enumerate(synthetic_articles(n, seed=7)):
        form, headers = DATELINE_FORMS[i % len(DATELINE_FORMS)]
        day = dt.date.fromisoformat(art["published"])
        place = PLACES[i % len(PLACES)]
        opening = form.format(place=place, title_place=place.title(), month=MONTH_NAMES[day.month - 1],
                              mon=MONTH_NAMES[day.month - 1][:3], day=day.day, year=day.year)
        head = f"Title: {art['title']}\nOutlet: {art['outlet']}\nDate: {art['published']}\n\n" if headers else ""
        (folder / f"{i // 1000:02d}").mkdir(exist_ok=True)
        (folder / f"{i // 1000:02d}" / f"{art['id']}.txt").write_text(head + opening + art["text"], encoding="utf-8")


def rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (ru_maxrss is KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_read(folder: str) -> int:
    """Baseline: read and decode every file, nothing else."""
    from lib.ingest import expand_paths
    from lib.ingest.decode import decode_bytes

    n = 0
    for path in expand_paths([folder]):
        decode_bytes(Path(path).read_bytes(), path)
        n += 1
    return n


def phase_parse(folder: str) -> int:
    """parse_paths alone (decode, headers, datelines, paragraphs, batch year inference)."""
    from lib.ingest import parse_paths

    return sum(len(r.articles) for r in parse_paths([folder]))


def phase_parse_store(folder: str) -> int:
    """parse_paths, then every file stored in a DuckDB file (no extraction)."""
    from lib import store
    from lib.ingest import parse_paths

    results = parse_paths([folder])
    with tempfile.TemporaryDirectory() as tmp:
        con = store.connect(Path(tmp) / "bench.duckdb")
        if hasattr(store, "store_files"):
            store.store_files(con, [(os.path.abspath(r.path), r.articles, (), ()) for r in results])
        else:
            for r in results:
                store.store_file(con, os.path.abspath(r.path), r.articles)
        store.record_report(con, [(r.path, r.status, r.reason, [a.id for a in r.articles]) for r in results])
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.close()
    return n


def phase_pipeline(folder: str) -> int:
    """lib.pipeline.ingest_paths: parse + extract quotes and dates + store (what `python -m lib ingest` runs)."""
    from lib.pipeline import ingest_paths
    from lib.store import connect

    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "bench.duckdb")
        outcome = ingest_paths(con, [folder])
        con.close()
    return sum(len(r.articles) for r, _, _ in outcome)


PHASES = (("read+decode only (baseline)", phase_read), ("parse", phase_parse),
          ("parse+store", phase_parse_store), ("parse+extract+store (pipeline)", phase_pipeline))


def run_phase(name: str, folder: str, queue) -> None:
    """Child process: import, note RSS, run the phase, report (articles, seconds, peak MB, RSS after imports)."""
    func = dict(PHASES)[name]
    try:
        import lib.ingest.years  # noqa: F401  (imports are not what we measure)
        import lib.store  # noqa: F401
        import sklearn.feature_extraction.text  # noqa: F401
        if name.startswith("parse+extract"):
            import lib.pipeline  # noqa: F401
    except ImportError as exc:
        queue.put((name, None, 0.0, 0.0, 0.0, 0.0, f"not importable: {exc}"))
        return
    base = rss_mb()
    start, cpu_start = time.perf_counter(), time.process_time()
    n = func(folder)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    queue.put((name, n, seconds, cpu, rss_mb(), base, ""))


def main() -> None:
    """Generate the corpus, run each phase in its own process, print figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles to generate (default 10,000)")
    parser.add_argument("--skip-pipeline", action="store_true", help="skip the parse+extract+store phase")
    args = parser.parse_args()
    ctx = mp.get_context("spawn")
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        write_corpus(Path(tmp), args.n)
        size = sum(p.stat().st_size for p in Path(tmp).rglob("*.txt"))
        print(f"corpus: {args.n:,} .txt files, {size / 1e6:.1f} MB, written in {time.perf_counter() - t0:.1f} s; "
              f"{len(DATELINE_FORMS)} dateline forms, 2 of them without a year")
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall time suffers; "
              "CPU time is this process's own work)")
        print(f"{'phase':32} {'articles':>8} {'wall s':>7} {'art/s':>6} {'CPU s':>6} {'art/CPU-s':>9} "
              f"{'peak MB':>7} {'process MB':>10} {'CPU vs read':>11}")
        baseline = None
        for name, _ in PHASES:
            if args.skip_pipeline and name.startswith("parse+extract"):
                continue
            queue = ctx.Queue()
            proc = ctx.Process(target=run_phase, args=(name, tmp, queue))
            proc.start()
            name, n, seconds, cpu, peak, base, note = queue.get()
            proc.join()
            if n is None:
                print(f"{name:34} {note}")
                continue
            rate, cpu_rate = n / max(seconds, 1e-9), n / max(cpu, 1e-9)
            baseline = baseline or cpu
            verdict = "" if not name.startswith("parse+") else (
                f"  target >= {TARGET_PER_SECOND}/s: wall {'met' if rate >= TARGET_PER_SECOND else 'NOT met'}, "
                f"CPU {'met' if cpu_rate >= TARGET_PER_SECOND else 'NOT met'}")
            print(f"{name:32} {n:8,} {seconds:7.1f} {rate:6.0f} {cpu:6.1f} {cpu_rate:9.0f} {peak - base:7.0f} "
                  f"{peak:10.0f} {cpu / baseline:10.1f}x{verdict}")

if __name__ == "__main__":
    main()
