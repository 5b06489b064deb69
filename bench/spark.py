"""The Spark batch (local[2]) beside the single-machine path on synthetic articles: time and peak memory per stage,
and what Spark shuffles and stores per article.

    python -m bench.spark                      # 10,000 and 20,000 articles
    python -m bench.spark --sizes 10000 100000 # the issue's sizes (100k on Spark, two shared cores: ~46 + ~16 min)
    python -m bench.spark --sizes 100000 --keep /tmp/w --paths single            # ingest once, keep its store
    python -m bench.spark --sizes 100000 --keep /tmp/w --paths spark --analyses-only

With --keep, each size's corpus, DuckDB store and Parquet dataset stay in KEEP/<size>/ (the corpus is written
once and reused). The single path then also writes its store out as the batch's Parquet dataset (the same tables,
columns and month partitions, by DuckDB's COPY), and --analyses-only starts Spark from that dataset: it runs the
three analyses on exactly the rows the single machine analysed, and does not time Spark's parse + extract.

Each (path, size) runs in a process of its own. Peak memory is the largest resident set of the process and its
children (the JVM and Python workers on the Spark side) sampled every SAMPLE_SECONDS during the stage. Shuffle
bytes come from Spark's event log (each stage's jobs carry its name as their job group); stored bytes are the
Parquet files each stage wrote. Needs pyspark (requirements-spark.txt) and the public samples (bench.corpus).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.corpus import synthetic_articles

SAMPLE_SECONDS = 0.5
ARTICLES_PER_FILE = 1000  # a news-database export arrives as many files
STAGE_TABLES = {"parse + extract": ("articles", "quotes", "date_mentions", "ingest_report"),
                "passage reuse": ("analysis_passages",), "shared quotes": ("analysis_renderings",),
                "story grouping": ("analysis_assignment",)}
SINGLE_ANALYSES = {"passage reuse": "passages", "shared quotes": "renderings", "story grouping": "assignment"}


class PeakMemory:
    """The largest summed RSS of this process and its descendants while it runs (read from /proc)."""

    def __init__(self):
        """Start sampling."""
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        """Sample until stopped."""
        while not self._stop.wait(SAMPLE_SECONDS):
            self.peak = max(self.peak, tree_rss(os.getpid()))

    def stop(self) -> int:
        """Stop sampling; the peak in bytes."""
        self._stop.set()
        self._thread.join()
        return max(self.peak, tree_rss(os.getpid()))


def tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and every process below it."""
    parents, rss = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                parents[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/statm") as fh:
                rss[int(entry)] = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(p for p, parent in parents.items() if parent == pid)
    return total


def write_corpus(n: int, folder: Path) -> list[str]:
    """``n`` synthetic articles as JSONL files of ARTICLES_PER_FILE rows."""
    docs = synthetic_articles(n)
    folder.mkdir(parents=True, exist_ok=True)
    for lo in range(0, n, ARTICLES_PER_FILE):
        with (folder / f"part-{lo // ARTICLES_PER_FILE:05d}.jsonl").open("w", encoding="utf-8") as fh:
            for d in docs[lo:lo + ARTICLES_PER_FILE]:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return [str(folder)]


def measured(stages: dict, name: str, run) -> None:
    """Run one stage, recording its seconds and peak memory."""
    memory, began = PeakMemory(), time.perf_counter()
    run()
    stages[name] = {"seconds": round(time.perf_counter() - began, 1), "peak_mb": round(memory.stop() / 2 ** 20)}


def run_single(inputs: list[str], work: Path, export: bool = False) -> dict:
    """The single-machine path: ingest into a DuckDB file, then each analysis the batch computes (and, with
    ``export``, the store written out as the batch's Parquet dataset, untimed)."""
    from lib import store
    from lib.analyse import stored
    from lib.pipeline import ingest_paths

    db = work / "corpus.duckdb"
    db.unlink(missing_ok=True)
    con = store.connect(db)
    stages: dict = {}
    measured(stages, "parse + extract", lambda: ingest_paths(con, inputs))
    key = stored.corpus_key(con)
    loaders = stored.corpus_inputs(con, key, writable=True)
    for stage, name in SINGLE_ANALYSES.items():
        measured(stages, stage, lambda: stored.corpus_analysis(con, name, key, loaders, writable=True))
        print(json.dumps({"stage": stage, **stages[stage]}), file=sys.stderr, flush=True)
    if export:
        export_dataset(con, work / "dataset")
    con.close()
    return stages


def export_dataset(con, out: Path) -> None:
    """A DuckDB store's corpus tables written as the batch's Parquet dataset (lib.spark.dataset's layout: the
    store's columns, corpus tables under month partitions), for the Spark analyses to start from."""
    import shutil

    from lib.spark.dataset import CORPUS_TABLES, MARKER, PARTITION, UNDATED, table_columns

    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    month = f"coalesce(strftime(published, '%Y-%m'), '{UNDATED}')"
    con.execute(f"CREATE OR REPLACE TEMP TABLE export_months AS SELECT id AS article_id, {month} AS {PARTITION} "
                "FROM articles")
    for table, partitioned in CORPUS_TABLES.items():
        cols = ", ".join(f't."{c}"' for c, _ in table_columns(table))
        if not partitioned:
            con.execute(f"COPY (SELECT {cols} FROM {table} t) TO '{out / table}' (FORMAT parquet, PER_THREAD_OUTPUT)")
            continue
        key = "id" if table == "articles" else "article_id"
        con.execute(f"COPY (SELECT {cols}, m.{PARTITION} FROM {table} t JOIN export_months m ON t.{key} = "
                    f"m.article_id) TO '{out / table}' (FORMAT parquet, PARTITION_BY ({PARTITION}))")
    (out / MARKER).write_text("coverage-compare batch dataset (written from a DuckDB store)\n", encoding="utf-8")


def run_spark(inputs: list[str], work: Path, analyses_only: bool = False, only=None) -> dict:
    """The Spark path on local[2], with its event log for the shuffle figures (``analyses_only``: the analyses
    alone, over the dataset already in ``work``)."""
    import shutil

    from lib.spark.batch import Progress, run_analyses, run_batch
    from lib.spark.session import start_session

    events = work / "events"
    shutil.rmtree(events, ignore_errors=True)
    events.mkdir()
    spark = start_session("local[2]", app_name="bench.spark", config={
        "spark.eventLog.enabled": "true", "spark.eventLog.dir": events.as_uri(), "spark.eventLog.compress": "false",
        "spark.driver.memory": "6g"})
    stages: dict = {}

    class Measured(Progress):
        """Progress that also measures each stage."""

        def stage(self, name, run):
            """Measure, then report as usual, and print the stage's figures at once (a long run cut short keeps
            them; the event log may lag, so the final shuffle figures are read again at the end)."""
            measured(stages, name, lambda: super(Measured, self).stage(name, run))
            print(json.dumps({"stage": name, **stages[name], **stage_volumes(name, events, out)}), file=sys.stderr,
                  flush=True)

    out = work / "dataset"
    if analyses_only:
        if not (out / "articles").is_dir():
            raise SystemExit(f"{out}: no dataset to start from (run --paths single --keep first)")
        run_analyses(spark, out, progress=Measured(), **({"stages": only} if only else {}))
    else:
        run_batch(spark, inputs, out, progress=Measured())
    spark.stop()
    for name, figures in stages.items():
        figures.update(stage_volumes(name, events, out))
    return stages


def stage_volumes(name: str, events: Path, out: Path) -> dict:
    """MB shuffled by a batch stage (its job group in the event log) and MB of Parquet it stored."""
    return {"shuffle_mb": round(shuffle_bytes(events).get(name, 0) / 2 ** 20, 1),
            "stored_mb": round(sum(f.stat().st_size for t in STAGE_TABLES.get(name, ())
                                   for f in (out / t).rglob("*.parquet")) / 2 ** 20, 1)}


def shuffle_bytes(events: Path) -> dict[str, int]:
    """Shuffle bytes written per job group (= batch stage), from the Spark event log."""
    group_of_stage: dict[int, str] = {}
    written: dict[str, int] = {}
    for log in sorted(events.rglob("events_*")):  # Spark 4 rolls its log into a folder (beside .crc and status files)
        with log.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    event = json.loads(line)
                except json.JSONDecodeError:  # the line Spark is writing while the run goes on
                    continue
                kind = event.get("Event")
                if kind == "SparkListenerJobStart":
                    group = (event.get("Properties") or {}).get("spark.jobGroup.id", "")
                    for stage in event.get("Stage IDs", []):
                        group_of_stage[stage] = group
                elif kind == "SparkListenerTaskEnd":
                    metrics = (event.get("Task Metrics") or {}).get("Shuffle Write Metrics") or {}
                    group = group_of_stage.get(event.get("Stage ID"), "")
                    written[group] = written.get(group, 0) + int(metrics.get("Shuffle Bytes Written", 0))
    return written


def child(path: str, size: int, keep: str | None = None, analyses_only: bool = False, only=None) -> dict:
    """One measured run in this process (in KEEP/<size> when ``keep`` is given, else in a temporary folder)."""
    with tempfile.TemporaryDirectory(prefix="bench-spark-") as tmp:
        work = Path(keep) / str(size) if keep else Path(tmp)
        if (work / "input").is_dir():
            inputs = [str(work / "input")]
        else:
            inputs = write_corpus(size, work / "input")
        if path == "spark":
            stages = run_spark(inputs, work, analyses_only, only)
        else:
            stages = run_single(inputs, work, export=keep is not None)
    return {"path": path, "articles": size, "stages": stages, "from": "dataset" if analyses_only else "input"}


def main(argv=None) -> int:
    """Run both paths at each size, each in its own process, and print one table plus the per-article figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 20_000], help="synthetic corpus sizes")
    ap.add_argument("--paths", nargs="*", default=["single", "spark"], choices=["single", "spark"],
                    help="which paths to run (default: both)")
    ap.add_argument("--keep", metavar="DIR", help="keep each size's corpus, store and dataset in DIR/<size>/")
    ap.add_argument("--analyses-only", action="store_true",
                    help="Spark: run the analyses alone, from the dataset the single path wrote (needs --keep)")
    ap.add_argument("--stages", nargs="*", metavar="STAGE", help="with --analyses-only: these analyses alone "
                    "(of 'passage reuse', 'shared quotes', 'story grouping'), so each fits a benchmark-lock slot")
    ap.add_argument("--results", metavar="FILE",
                    help="JSON lines: each run's row is appended, and the table covers every row in FILE (runs made "
                         "one size at a time print their per-doubling ratios together)")
    ap.add_argument("--child", nargs=2, metavar=("PATH", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.analyses_only and not args.keep:
        ap.error("--analyses-only starts from a kept dataset: give --keep DIR")
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.keep, args.analyses_only, args.stages)))
        return 0
    rows = []
    if args.results and Path(args.results).is_file():
        rows = [json.loads(line) for line in Path(args.results).read_text(encoding="utf-8").splitlines() if line]
    for size in args.sizes:
        for path in args.paths:
            # the child's stderr (stage lines, per-stage figures) passes through: a long run shows where it is
            extra = [*(["--keep", args.keep] if args.keep else []), *(["--analyses-only"] if args.analyses_only else []),
                     *(["--stages", *args.stages] if args.stages else [])]
            proc = subprocess.run([sys.executable, "-m", "bench.spark", "--child", path, str(size), *extra],
                                  stdout=subprocess.PIPE, text=True)
            if proc.returncode != 0:
                print(f"{path} {size}: failed (exit {proc.returncode}; its stderr is above)", file=sys.stderr)
                continue
            rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)  # a long run keeps what it measured so far
            if args.results:
                with open(args.results, "a", encoding="utf-8") as fh:
                    fh.write(json.dumps(rows[-1]) + "\n")
    print(f"{'articles':>9} {'path':<7} {'stage':<16} {'seconds':>8} {'peak MB':>8} {'shuffle MB':>10} "
          f"{'stored MB':>9} {'shuffle B/article':>17} {'stored B/article':>16}")
    for row in rows:
        for stage, f in row["stages"].items():
            per = row["articles"]
            shuffle, stored = f.get("shuffle_mb"), f.get("stored_mb")
            print(f"{per:>9} {row['path']:<7} {stage:<16} {f['seconds']:>8} {f['peak_mb']:>8} "
                  f"{'' if shuffle is None else shuffle:>10} {'' if stored is None else stored:>9} "
                  f"{'' if shuffle is None else round(shuffle * 2 ** 20 / per):>17} "
                  f"{'' if stored is None else round(stored * 2 ** 20 / per):>16}")
    print_doublings(rows)
    return 0


def print_doublings(rows: list[dict]) -> None:
    """Per path and stage, how its seconds and peak memory grow per doubling of the corpus between consecutive
    measured sizes ((t2/t1) ** (1 / log2(n2/n1)): 2.0 is linear), and what 100,000 would take at the last rate."""
    latest: dict = {}  # a stage measured twice at one size: its last run (runs may measure some stages only)
    for r in rows:
        latest.setdefault((r["path"], r["articles"]), {"stages": {}})["stages"].update(r["stages"])
    sizes = sorted({n for _, n in latest})
    lines = []
    for path in sorted({p for p, _ in latest}):
        have = [n for n in sizes if (path, n) in latest]
        for lo, hi in zip(have, have[1:]):
            for stage, f in latest[(path, hi)]["stages"].items():
                before = latest[(path, lo)]["stages"].get(stage)
                if not before or not before["seconds"]:
                    continue
                step = math.log2(hi / lo)
                rate = (f["seconds"] / before["seconds"]) ** (1 / step)
                memory = (f["peak_mb"] / before["peak_mb"]) ** (1 / step) if before["peak_mb"] else float("nan")
                at_100k = f["seconds"] * rate ** math.log2(100_000 / hi) if hi < 100_000 else None
                lines.append(f"{path:<7} {stage:<16} {lo:>7} -> {hi:<7} x{rate:.2f} time, x{memory:.2f} memory per "
                             f"doubling" + (f"; 100,000 at that rate: ~{at_100k:,.0f} s" if at_100k else ""))
    if lines:
        print("\nper doubling of the corpus (2.00 = linear):")
        print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
