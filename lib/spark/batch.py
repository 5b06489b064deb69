"""`python -m lib batch`: parse, extract and the corpus-wide analyses on Spark, written as a Parquet dataset."""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Callable, Sequence

from pyspark.sql import DataFrame, SparkSession

from lib.ingest import DEFAULT_MAX_BYTES
from lib.spark import analyses
from lib.spark.dataset import CORPUS_TABLES, MARKER, PARTITION, UNDATED, table_columns
from lib.spark.ingest import ingest_files, list_inputs


def write_table(frame: DataFrame, out: Path, table: str) -> int:
    """Write one table's Parquet files (month partitions for the corpus tables); returns its rows."""
    target = str(out / table)
    if CORPUS_TABLES.get(table):
        columns = [c for c, _ in table_columns(table)] + [PARTITION]
        frame = frame.select(*columns)
        frame.write.mode("overwrite").partitionBy(PARTITION).parquet(target)
    else:
        frame.write.mode("overwrite").parquet(target)
    rows = frame.sparkSession.read.parquet(target).count()
    if rows == 0 and CORPUS_TABLES.get(table):  # no partition folder was written: one empty file keeps the schema
        frame.drop(PARTITION).limit(0).write.mode("overwrite").parquet(f"{target}/{PARTITION}={UNDATED}")
    return rows


class Progress:
    """One line per stage on stderr: what it did, its rows and its seconds."""

    def __init__(self, out=None):
        """Stages are timed from their start() call."""
        self.out = out or sys.stderr
        self.started = time.perf_counter()
        self.times: dict[str, float] = {}

    def stage(self, name: str, run: Callable[[], str]):
        """Run one stage and print its line."""
        began = time.perf_counter()
        self.out.write(f"[batch] {name} ...\n")
        self.out.flush()
        said = run()
        self.times[name] = time.perf_counter() - began
        self.out.write(f"[batch] {name}: {said} ({self.times[name]:.1f} s)\n")
        self.out.flush()


def run_batch(spark: SparkSession, inputs: Sequence[str], out: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
              progress: Progress | None = None) -> dict[str, int]:
    """Every stage of the batch over ``inputs``, written under ``out`` (replaced); rows written per table."""
    out = Path(out).resolve()
    progress = progress or Progress()
    counts: dict[str, int] = {}
    if out.exists():
        (out / MARKER).unlink(missing_ok=True)  # a half-replaced dataset is never taken for a complete one
    files: list = []
    tables: dict = {}

    def listed() -> str:
        """List the input files."""
        files.extend(list_inputs(spark, inputs))
        return f"{len(files)} files"

    def parsed() -> str:
        """Parse and extract, and write the corpus tables."""
        tables.update(ingest_files(spark, files, max_bytes=max_bytes))
        for table in CORPUS_TABLES:
            counts[table] = write_table(tables[table], out, table)
        rejected = spark.read.parquet(str(out / "ingest_report")).where("status <> 'ok'").count()
        for rdd in tables.pop("_cached"):
            rdd.unpersist()
        return (f"{counts['articles']} articles, {counts['quotes']} quotes, {counts['date_mentions']} dated "
                f"references; {rejected} report rows rejected or partial")

    _stage(spark, progress, "list inputs", listed)
    _stage(spark, progress, "parse + extract", parsed)
    counts.update(run_analyses(spark, out, progress))
    return counts


def _stage(spark: SparkSession, progress: Progress, name: str, run: Callable[[], str]) -> None:
    """One stage, its Spark jobs grouped under its name (the cluster UI and event log show them so)."""
    spark.sparkContext.setJobGroup(name, f"batch: {name}")
    progress.stage(name, run)


ANALYSIS_STAGES = ("passage reuse", "shared quotes", "story grouping")


def run_analyses(spark: SparkSession, out: str | Path, progress: Progress | None = None,
                 stages: Sequence[str] = ANALYSIS_STAGES) -> dict[str, int]:
    """The corpus-wide analyses (``stages`` of ANALYSIS_STAGES) over the corpus tables already written under
    ``out``; rows written per analysis. The dataset is marked complete once all three have been written."""
    out = Path(out).resolve()
    progress = progress or Progress()
    (out / MARKER).unlink(missing_ok=True)
    counts: dict[str, int] = {}
    articles = spark.read.parquet(str(out / "articles"))
    quotes = spark.read.parquet(str(out / "quotes"))
    mentions = spark.read.parquet(str(out / "date_mentions"))

    def analysis(name: str, compute: Callable[[], DataFrame], noun: str,
                 more: Callable[[], str] = lambda: "") -> Callable[[], str]:
        """A stage that computes one corpus-wide analysis and writes it (``more`` adds to its line)."""
        def run() -> str:
            """Compute and write."""
            counts[f"analysis_{name}"] = write_table(compute(), out, f"analysis_{name}")
            spark.catalog.clearCache()  # what the analysis persisted is done with once it is written
            return f"{counts[f'analysis_{name}']} {noun}{more()}"
        return run

    blocks: dict = {}
    runs = {"passage reuse": analysis("passages", lambda: analyses.passages(articles), "passages"),
            "shared quotes": analysis("renderings", lambda: analyses.renderings(quotes, articles),
                                      "renderings of shared quotes"),
            "story grouping": analysis(
                "assignment", lambda: analyses.assignment(articles, mentions, blocks_seen=blocks), "articles assigned",
                lambda: ("; {blocks} candidate blocks, the largest {largest} articles; {cut} cut into overlapping "
                         "pieces, {pieces} pieces clustered").format(**blocks))}
    for name in ANALYSIS_STAGES:
        if name in stages:
            _stage(spark, progress, name, runs[name])
    if all((out / f"analysis_{name}").is_dir() for name in ("passages", "renderings", "assignment")):
        (out / MARKER).write_text("coverage-compare batch dataset\n", encoding="utf-8")
    return counts
