"""Parse and extract on Spark: each input file parsed on an executor by lib.ingest.parse_file, yearless datelines
resolved across the whole batch by lib.ingest.years, each article extracted by lib.extract.extract_article, and the
rows made by lib.store's own row builder: the same articles, ids and values as `python -m lib ingest`."""
from __future__ import annotations

import datetime as dt
import glob
from dataclasses import replace
from typing import Sequence

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from lib import ingest, store
from lib.extract import extract_article
from lib.ingest import years
from lib.models import ARTICLE_COLUMNS, DATE_MENTION_COLUMNS, QUOTE_COLUMNS
from lib.spark.dataset import PARTITION, UNDATED, table_columns

FILES_PER_TASK = 50  # input files per parse task at most: enough to amortise a task's start, small enough to spread
ARTICLES_PER_TASK = 500  # articles per extraction task at most (a bulk file's rows are spread over many tasks)

# DuckDB type (as DESCRIBE prints it) -> Spark type; nested lists are built from the element type.
_SPARK_TYPES = {"VARCHAR": T.StringType(), "TIMESTAMP": T.TimestampNTZType(), "DOUBLE": T.DoubleType(),
                "INTEGER": T.IntegerType(), "DATE": T.DateType(), "BOOLEAN": T.BooleanType(),
                "BIGINT": T.LongType()}


def spark_type(duck: str) -> T.DataType:
    """The Spark type of a DuckDB column type (``INTEGER[][]`` -> array<array<int>>)."""
    if duck.endswith("[]"):
        return T.ArrayType(spark_type(duck[:-2]))
    return _SPARK_TYPES[duck]


ARTICLE_TABLE = tuple(c for c, _ in table_columns("articles"))  # the store's column order (row_hash included)


def table_schema(table: str) -> T.StructType:
    """The Spark schema of a store table, column for column as lib.store.SCHEMA declares it."""
    return T.StructType([T.StructField(c, spark_type(kind)) for c, kind in table_columns(table)])


def list_inputs(inputs: Sequence[str]) -> list[str]:
    """Input files in the single-machine order (lib.ingest.expand_paths), shell globs expanded first."""
    named = []
    for item in inputs:
        path = item[len("file:"):] if item.startswith("file:") else item
        matches = sorted(glob.glob(path)) if glob.has_magic(path) else [path]
        named.extend(matches or [path])  # an unmatched name is reported as unreadable, as on one machine
    return ingest.expand_paths(named)


def _parse(indexed: tuple[int, str], max_bytes: int) -> tuple[int, object, list]:
    """(file index, FileResult, yearless per article) of one input file: lib.ingest.parse_file on an executor."""
    index, path = indexed
    result, yearless = ingest.parse_file(path, max_bytes=max_bytes)
    return index, result, yearless


def _with_years(parsed: tuple[int, object, list], resolved: dict) -> tuple[int, object]:
    """A file's result with its yearless articles dated by the batch, and its warning, as lib.ingest gives it."""
    index, result, _ = parsed
    if any((index, j) in resolved for j in range(len(result.articles))):
        result = replace(result, articles=tuple(resolved.get((index, j), a) for j, a in enumerate(result.articles)))
    return index, ingest._with_warning(result)


def resolve_batch_years(parsed) -> dict[tuple[int, int], object]:
    """(file index, article index) -> article dated from the batch, for the articles whose dateline has no year.

    The only step that needs other files: on the driver, the yearless articles and the trusted-date articles
    published on the days they can reach (lib.ingest.years picks the same-story ones among them).
    """
    pending = sorted(parsed.flatMap(lambda p: [((p[0], j), (p[1].articles[j], y)) for j, y in enumerate(p[2])
                                                if y is not None]).collect(), key=lambda kv: kv[0])
    if not pending:
        return {}
    reach = years._reachable_days([partial for _, (_, partial) in pending])
    trusted = years.TRUSTED_SOURCES

    def dated(p):
        """Trusted-date articles of one file that a pending article could take its year from."""
        return [((p[0], j), a) for j, a in enumerate(p[1].articles) if a.published is not None
                and a.date_source in trusted and (a.published.month, a.published.day) in reach]

    candidates = [a for _, a in sorted(parsed.flatMap(dated).collect(), key=lambda kv: kv[0])]
    resolved = years.resolve_years(candidates, [pair for _, pair in pending])
    return {key: article for (key, _), article in zip(pending, resolved)}


def _article_rows(article) -> tuple[tuple, list[tuple], list[tuple]]:
    """The store rows of one article (row hash included), its quotes and its dated references."""
    quotes, mentions = extract_article(article)
    row = store._article_row(article)
    values = dict(zip(ARTICLE_COLUMNS, row), row_hash=store._row_hash(row))
    return (tuple(values[c] for c in ARTICLE_TABLE), [_record(q, QUOTE_COLUMNS) for q in quotes],
            [_record(m, DATE_MENTION_COLUMNS) for m in mentions])


def _record(record, columns) -> tuple:
    """A frozen record's fields as a row, in the store's column order."""
    return tuple(getattr(record, c) for c in columns)


def _report_rows(item: tuple[int, object], when: dt.datetime) -> list[tuple]:
    """The store's report row of one file, and one more per rejected line of a bulk file ("path:LINE")."""
    _, result = item
    rows = [(result.path, result.status, result.reason, [a.id for a in result.articles], when)]
    for error in result.errors:
        where, _, reason = error[len(result.path) + 1:].partition(": ") if error.startswith(result.path + ":") \
            else ("", "", error)
        rows.append((f"{result.path}:{where}" if where else result.path, "rejected", reason or error, [], when))
    return rows


def ingest_files(spark: SparkSession, files: Sequence[str], max_bytes: int = ingest.DEFAULT_MAX_BYTES
                 ) -> dict[str, DataFrame]:
    """Parse and extract ``files`` on the cluster: DataFrames of the store's tables (articles with PARTITION)."""
    sc = spark.sparkContext
    cores = sc.defaultParallelism
    slices = max(1, min(len(files), max(cores, -(-len(files) // FILES_PER_TASK))))
    paths = sc.parallelize(list(enumerate(files)), slices)
    parsed = paths.map(lambda p: _parse(p, max_bytes)).persist()
    resolved = sc.broadcast(resolve_batch_years(parsed))
    results = parsed.map(lambda p: _with_years(p, resolved.value)).persist()
    when = dt.datetime.now().replace(microsecond=0)
    report = spark.createDataFrame(results.flatMap(lambda r: _report_rows(r, when)), table_schema("ingest_report"))
    # An id yielded by several files (or rows) is stored once, from the first in input order, as the store keeps it.
    firsts = (results.flatMap(lambda r: [(a.id, ((r[0], j), a)) for j, a in enumerate(r[1].articles)])
              .reduceByKey(lambda x, y: x if x[0] <= y[0] else y).values())
    n_articles = firsts.count()
    tasks = max(1, min(n_articles, max(cores, -(-n_articles // ARTICLES_PER_TASK))))
    extracted = firsts.repartition(tasks).map(lambda kv: _article_rows(kv[1]))
    extracted = extracted.persist()
    articles = spark.createDataFrame(extracted.map(lambda e: e[0]), table_schema("articles"))
    articles = articles.withColumn(PARTITION, month_of(F.col("published")))
    months = articles.select(F.col("id").alias("article_id"), PARTITION)
    quotes = spark.createDataFrame(extracted.flatMap(lambda e: e[1]), table_schema("quotes")).join(months, "article_id")
    mentions = spark.createDataFrame(extracted.flatMap(lambda e: e[2]), table_schema("date_mentions")) \
        .join(months, "article_id")
    return {"articles": articles, "quotes": quotes, "date_mentions": mentions, "ingest_report": report,
            "_cached": [parsed, results, extracted]}


def month_of(published) -> F.Column:
    """The partition value of a publication time: "YYYY-MM", or UNDATED."""
    return F.coalesce(F.date_format(published, "yyyy-MM"), F.lit(UNDATED))
