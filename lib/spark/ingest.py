"""Parse and extract on Spark: the same articles, ids, values and report rows as `python -m lib ingest`.

Inputs are local paths (named and expanded as on one machine) or any URI Hadoop's filesystems read (file://,
hdfs://, s3a:// where the cluster has the connector), listed on the driver through Hadoop's FileSystem. A JSON-lines
file is spread over the cluster line by line (Spark's text reader splits it into blocks; each line goes through
lib.ingest.bulk's per-line functions, keeps its file name and line number, and a bad line is one report row); every
other file (HTML, text, CSV, JSON arrays and exports) is read whole by an executor and parsed by
lib.ingest.parse_data. Yearless datelines are resolved across the whole batch by lib.ingest.years, each article is
extracted by lib.extract, and the rows are made by lib.store's own row builder.
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from operator import add
from typing import Sequence
from urllib.parse import unquote

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from lib import ingest, store
from lib.ingest import bulk, years
from lib.ingest.decode import _checked
from lib.ingest.exports import export_records, recognise_export
from lib.pipeline import extract_or_report, with_failures
from lib.models import ARTICLE_COLUMNS, DATE_MENTION_COLUMNS, QUOTE_COLUMNS, ParseError
from lib.spark.dataset import PARTITION, UNDATED, table_columns

ARTICLES_PER_TASK = 500  # articles per extraction task at most (a bulk file's rows are spread over many tasks)
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:/")  # file:/..., hdfs://..., s3a://... (not C:\ or a bare name)
LINE_FORMATS = ("jsonl",)  # read line by line: a JSON line is a record of its own (a CSV record may span lines)
_GLOB_CHARS = re.compile(r"([\\*?\[\]{}])")

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


@dataclass(frozen=True)
class InputFile:
    """One input file: its name in the report and in its articles' origin, and Hadoop's name for it."""

    name: str  # a local path as the single-machine path names it, or the URI Hadoop lists
    uri: str  # what Spark reads ("file:/abs/path" for a local path)
    size: int
    skip: str = ""  # documentation found in a folder: reported as skipped, not read
    error: str = ""  # why it cannot be read (not found, no filesystem for its scheme), else ""


def list_inputs(spark: SparkSession, inputs: Sequence[str]) -> list[InputFile]:
    """Input files in the single-machine order: folders recursive and sorted, hidden files left out, documentation
    found in a folder marked skipped. Local paths have shell globs expanded as a shell would; URIs are listed through
    Hadoop's FileSystem (its globs, then the same walk)."""
    out: list[InputFile] = []
    for item in inputs:
        if URI.match(item):
            out.extend(_hadoop_files(spark, item))
            continue
        matches = sorted(glob.glob(item)) if glob.has_magic(item) else [item]
        for name, skip in ingest.walk_paths(matches or [item]):  # an unmatched name is reported as unreadable
            try:
                size = os.path.getsize(name)
            except OSError as exc:
                out.append(InputFile(name, name, 0, skip, f"cannot read: {exc.strerror or exc}"))
                continue
            out.append(InputFile(name, "file:" + os.path.abspath(name), size, skip))
    return out


def _hadoop_files(spark: SparkSession, uri: str) -> list[InputFile]:
    """The files a URI names (a file, a folder, a glob) as Hadoop's FileSystem lists them."""
    path = spark._jvm.org.apache.hadoop.fs.Path(uri)
    try:
        fs = path.getFileSystem(spark._jsc.hadoopConfiguration())
        statuses = fs.globStatus(path)
    except Exception as exc:  # no filesystem for the scheme (s3a without hadoop-aws), a malformed URI ...
        return [InputFile(uri, uri, 0, error=f"cannot read: {_java_message(exc)}")]
    if not statuses:  # None: no such path; []: a glob that matches nothing
        return [InputFile(uri, uri, 0, error="cannot read: No such file or directory")]
    out: list[InputFile] = []
    for status in sorted(statuses, key=lambda s: s.getPath().toString()):
        if status.isDirectory():
            out.extend(_walk(fs, status.getPath()))
        else:
            out.append(InputFile(status.getPath().toString(), status.getPath().toString(), status.getLen()))
    return out


def _walk(fs, folder) -> list[InputFile]:
    """A folder's files as lib.ingest.walk_paths walks a local one: its files by name, then each subfolder."""
    files, folders = [], []
    for status in fs.listStatus(folder):
        name = status.getPath().getName()
        if not name.startswith("."):
            (folders if status.isDirectory() else files).append((name, status))
    out = [InputFile(s.getPath().toString(), s.getPath().toString(), s.getLen(), ingest.documentation_reason(n))
           for n, s in sorted(files, key=lambda f: f[0])]
    for _, status in sorted(folders, key=lambda f: f[0]):
        out.extend(_walk(fs, status.getPath()))
    return out


def _java_message(exc: Exception) -> str:
    """The first line of a Java exception's message as py4j carries it."""
    java = getattr(exc, "java_exception", None)
    text = (java.toString() if java is not None else str(exc)).strip()
    return (text.splitlines() or ["unknown error"])[0][:300]


def _escaped(uri: str) -> str:
    """A file's URI with Hadoop's glob characters escaped: Spark's readers take their paths as globs."""
    return _GLOB_CHARS.sub(r"\\\1", uri)


def _line_format(file: InputFile) -> bool:
    """True when a file is one the batch reads line by line (by its extension, as lib.ingest.sniff_format names
    it; whether its content is JSON lines is checked on its first lines)."""
    ext = os.path.splitext(file.name)[1].lower()
    return file.size > 0 and any(ext in exts and fmt in LINE_FORMATS for exts, fmt in ingest.EXTENSIONS)


# ---- JSON-lines files, line by line --------------------------------------------------------------------------

def _read_lines(rows, index: dict, base: dict, names: dict):
    """Per line of a partition of Spark's text reader: ("obj", file, line, value) or ("err", file, (order, line),
    message); then one ("sum", file, summary) per file the partition saw. The line number is the lines of the file's
    earlier blocks (``base``) plus the line's place in its block; ``order`` sorts errors as lib.ingest.bulk lists
    them (undecodable lines, broken lines, lines that are not objects)."""
    summaries: dict[int, list] = {}
    block, count, unquoted = None, 0, {}
    for row in rows:
        file = unquoted.get(row.file) or unquoted.setdefault(row.file, unquote(row.file))
        i = index[file]
        if (i, row.start) != block:
            block, count = (i, row.start), 0
        count += 1
        number = base[block] + count
        raw = bytes(row.line)
        s = summaries.setdefault(i, [set(), True, False, None, b""])  # keys, all UTF-8, NUL, first line, head
        if row.start == 0 and len(s[4]) < ingest.SNIFF_PAGE:
            s[4] += raw + b"\n"
        s[2] = s[2] or b"\x00" in raw
        text, error = bulk.decode_json_line(raw, number, names[i])
        if error:
            s[1] = False
            yield "err", i, (0, number), error
            continue
        if not text.strip():
            continue
        value, error = bulk.json_line(text, number, names[i])
        if s[3] is None or number < s[3][0]:
            s[3] = (number, isinstance(value, dict) and export_records(value) is None)
        if error:
            yield "err", i, (1, number), error
        elif isinstance(value, dict):
            s[0].update(value)
            yield "obj", i, number, value
        else:
            yield "err", i, (2, number), bulk.not_an_object(names[i], number)
    for i, (keys, utf8, nul, first, head) in summaries.items():
        yield "sum", i, (keys, utf8, nul, first, _head_is_text(head, names[i]) if head else None)


def _head_is_text(head: bytes, name: str) -> bool:
    """False when a file's first bytes would have it refused as binary (control characters) when read whole."""
    try:
        _checked(head[:ingest.SNIFF_PAGE].decode("utf-8", errors="replace"), name)
    except ParseError:
        return False
    return True


def _merge_summaries(a: tuple, b: tuple) -> tuple:
    """Two partitions' summaries of one file: keys united, flags combined, the earlier first line, the head."""
    first = min((f for f in (a[3], b[3]) if f is not None), default=None)
    return a[0] | b[0], a[1] and b[1], a[2] or b[2], first, a[4] if a[4] is not None else b[4]


def _line_mode(summary: tuple | None) -> bool:
    """True when a file read line by line reads exactly as it does whole: its first non-blank line is a JSON object
    (not an export envelope), no NUL bytes, a head that is text. Anything else (a JSON array, a UTF-16 file, a
    binary file named .jsonl, an empty one) is read whole instead, by the single-machine parser."""
    if summary is None:
        return False
    _, _, nul, first, head_ok = summary
    return first is not None and first[1] and not nul and head_ok is True


def _bulk_lines(spark: SparkSession, files: Sequence[InputFile], candidates: list[int]):
    """The JSON-lines files among ``candidates`` parsed line by line: (articles RDD of ((file, line), article,
    yearless), errors RDD of (file, order, message), {file: (status, reason)} of the files read so, RDDs to
    unpersist). The candidates left out of that dict are to be read whole."""
    sc = spark.sparkContext
    if not candidates:
        return sc.emptyRDD(), sc.emptyRDD(), {}, []
    index = {files[i].uri: i for i in candidates}
    names = sc.broadcast({i: files[i].name for i in candidates})
    frame = (spark.read.option("lineSep", "\n").option("recursiveFileLookup", "true")
             .option("ignoreMissingFiles", "true").text([_escaped(files[i].uri) for i in candidates])
             .select(F.col("value").cast("binary").alias("line"), F.col("_metadata.file_path").alias("file"),
                     F.col("_metadata.file_block_start").alias("start")))
    blocks = defaultdict(list)
    for row in frame.groupBy("file", "start").count().collect():
        blocks[index[unquote(row["file"])]].append((row["start"], row["count"]))
    base = {}
    for i, counted in blocks.items():
        before = 0
        for start, n in sorted(counted):
            base[(i, start)] = before
            before += n
    shared = sc.broadcast((index, base))
    lines = frame.rdd.mapPartitions(lambda rows: _read_lines(rows, *shared.value, names.value))
    summaries = lines.filter(lambda r: r[0] == "sum").map(lambda r: (r[1], r[2])) \
        .reduceByKey(_merge_summaries).collectAsMap()
    outcomes: dict[int, tuple[str, str]] = {}
    aliases: dict[int, dict] = {}
    for i in candidates:
        if not _line_mode(summaries.get(i)):
            continue
        keys = summaries[i][0]
        export = recognise_export(keys)
        try:
            bulk.require_text_field(keys, export, files[i].name)
        except ParseError as exc:
            outcomes[i] = ("rejected", exc.reason)
            continue
        aliases[i] = bulk.aliases_of(export)
    table = sc.broadcast(aliases)

    def built(record):
        """A line's article or its error (lines of files read whole or rejected as a whole are dropped)."""
        kind, i = record[0], record[1]
        if kind == "sum" or i not in table.value:
            return []
        if kind == "err":
            return [record]
        number, value = record[2], record[3]
        made, error = bulk.row_article(bulk.canonical_row(value, table.value[i]), number, names.value[i], "jsonl")
        if error:
            return [("err", i, (3, number), error)]
        # the text's own language, as parse_data gives the rows of a file read whole
        return [("art", i, number, (ingest.in_written_language(made[0]), *made[1:]))]

    records = lines.flatMap(built).persist(StorageLevel.MEMORY_AND_DISK)
    # A row repeating an earlier row's id in the same file is rejected, naming that row (lib.ingest.bulk's rule).
    repeats = (records.filter(lambda r: r[0] == "art").map(lambda r: ((r[1], r[3][0].id), [r[2]]))
               .reduceByKey(add).filter(lambda kv: len(kv[1]) > 1).collect())
    later = sc.broadcast({(i, n): min(ns) for (i, _), ns in repeats for n in ns if n != min(ns)})
    articles = (records.filter(lambda r: r[0] == "art" and (r[1], r[2]) not in later.value)
                .map(lambda r: ((r[1], r[2]), *r[3])))
    errors = records.filter(lambda r: r[0] == "err").map(lambda r: (r[1], r[2], r[3])).union(
        sc.parallelize([(i, (3, n), bulk.duplicate_row(files[i].name, n, first))
                        for (i, n), first in later.value.items()], 1))
    made = articles.map(lambda a: (a[0][0], 1)).reduceByKey(add).collectAsMap()
    failed = errors.map(lambda e: (e[0], (1, e[1], e[2]))).reduceByKey(
        lambda a, b: (a[0] + b[0], *min(a[1:], b[1:]))).collectAsMap()
    for i in aliases:
        n_failed, _, first = failed.get(i, (0, None, ""))
        outcomes[i] = ingest.file_status(files[i].name, made.get(i, 0), n_failed, first)
    return articles, errors, outcomes, [records]


# ---- every other file, whole ------------------------------------------------------------------------------------

def _whole_files(spark: SparkSession, files: Sequence[InputFile], chosen: list[int]):
    """``chosen`` files read whole by executors (Spark's binary file reader) and parsed by lib.ingest.parse_data:
    RDD of (file, FileResult, yearless per article). A file Spark's reader leaves out (empty, or a name starting
    with "_", which Spark takes for its own bookkeeping) is read by the driver instead."""
    sc = spark.sparkContext
    if not chosen:
        return sc.emptyRDD()
    index = sc.broadcast({files[i].uri: i for i in chosen})
    names = sc.broadcast({i: files[i].name for i in chosen})

    def parsed(row):
        """One file's parse on an executor."""
        i = index.value[row.path]
        return (i, *ingest.parse_data(names.value[i], bytes(row.content)))

    frame = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
             .option("ignoreMissingFiles", "true").load([_escaped(files[i].uri) for i in chosen]))
    results = frame.select("path", "content").rdd.map(parsed).persist(StorageLevel.MEMORY_AND_DISK)
    seen = set(results.map(lambda r: r[0]).collect())
    left = [(i, *_read_on_driver(spark, files[i])) for i in chosen if i not in seen]
    return results.union(sc.parallelize(left, 1)) if left else results


def _read_on_driver(spark: SparkSession, file: InputFile) -> tuple:
    """(FileResult, yearless) of a file read by the driver: the local file itself, or a URI through Hadoop."""
    if not URI.match(file.name):
        return ingest.parse_file(file.name)
    try:
        path = spark._jvm.org.apache.hadoop.fs.Path(file.uri)
        stream = path.getFileSystem(spark._jsc.hadoopConfiguration()).open(path)
        try:
            data = bytes(spark._jvm.org.apache.commons.io.IOUtils.toByteArray(stream))
        finally:
            stream.close()
    except Exception as exc:
        return ingest.FileResult(file.name, "rejected", f"cannot read: {_java_message(exc)}", ()), []
    return ingest.parse_data(file.name, data)


# ---- the batch ---------------------------------------------------------------------------------------------------

def resolve_batch_years(articles) -> dict[tuple[int, int], object]:
    """(file, place) -> article dated from the batch, for the articles whose dateline has no year.

    The only step that needs other files: on the driver, the yearless articles and the trusted-date articles
    published on the days they can reach (lib.ingest.years picks the same-story ones among them).
    """
    pending = sorted(articles.filter(lambda a: a[2] is not None).map(lambda a: (a[0], (a[1], a[2]))).collect(),
                     key=lambda kv: kv[0])
    if not pending:
        return {}
    reach = years._reachable_days([partial for _, (_, partial) in pending])
    trusted = years.TRUSTED_SOURCES
    candidates = [a for _, a in sorted(articles.filter(
        lambda a: a[1].published is not None and a[1].date_source in trusted
        and (a[1].published.month, a[1].published.day) in reach).map(lambda a: (a[0], a[1])).collect(),
        key=lambda kv: kv[0])]
    resolved = years.resolve_years(candidates, [pair for _, pair in pending])
    return {key: article for (key, _), article in zip(pending, resolved)}


def _article_rows(article) -> tuple[tuple, list[tuple], list[tuple], str]:
    """The store rows of one article (row hash included), its quotes, its dated references, and the one-line
    report of an extraction that failed ("" when none did: the article is stored without quotes, as on one
    machine, and the batch goes on)."""
    quotes, mentions, failure = extract_or_report(article)
    row = store._article_row(article)
    values = dict(zip(ARTICLE_COLUMNS, row), row_hash=store._row_hash(row))
    return (tuple(values[c] for c in ARTICLE_TABLE), [_record(q, QUOTE_COLUMNS) for q in quotes],
            [_record(m, DATE_MENTION_COLUMNS) for m in mentions], failure)


def _record(record, columns) -> tuple:
    """A frozen record's fields as a row, in the store's column order."""
    return tuple(getattr(record, c) for c in columns)


def _line_row(error: tuple, names: dict, when: dt.datetime) -> tuple:
    """The report row of one rejected line ("path:LINE", the reason without the path and line)."""
    i, _, message = error
    name = names[i]
    where, _, reason = message[len(name) + 1:].partition(": ") if message.startswith(name + ":") else ("", "", "")
    return (f"{name}:{where}" if where else name, "rejected", reason or message, [], when)


def ingest_files(spark: SparkSession, files: Sequence[InputFile], max_bytes: int = ingest.DEFAULT_MAX_BYTES
                 ) -> dict[str, DataFrame]:
    """Parse and extract ``files`` on the cluster: DataFrames of the store's tables (articles with PARTITION)."""
    sc = spark.sparkContext
    outcomes: dict[int, tuple[str, str]] = {}  # file -> (status, reason) of the report's file row
    for i, file in enumerate(files):
        if file.skip or file.error:
            outcomes[i] = ("skipped", file.skip) if file.skip else ("rejected", file.error)
    readable = [i for i in range(len(files)) if i not in outcomes]
    line_articles, line_errors, line_outcomes, cached = _bulk_lines(
        spark, files, [i for i in readable if _line_format(files[i])])
    outcomes.update(line_outcomes)
    chosen = [i for i in readable if i not in line_outcomes]
    for i in chosen:  # a file read whole is bounded by --max-bytes, as on one machine
        if files[i].size > max_bytes:
            outcomes[i] = ("rejected", ingest.too_large(files[i].size, max_bytes))
    results = _whole_files(spark, files, [i for i in chosen if i not in outcomes])
    articles = results.flatMap(lambda r: [((r[0], j), a, y) for j, (a, y) in enumerate(zip(r[1].articles, r[2]))]) \
        .union(line_articles)
    errors = results.flatMap(lambda r: [(r[0], (0, k), e) for k, e in enumerate(r[1].errors)]).union(line_errors)
    resolved = sc.broadcast(resolve_batch_years(articles))
    dated = articles.map(lambda a: (a[0], resolved.value.get(a[0], a[1]))).persist(StorageLevel.MEMORY_AND_DISK)

    def file_row(r):
        """A file read whole: its status and reason once its articles are dated (a text file without a dateline
        says so, lib.ingest's warning)."""
        i, result, _ = r
        arts = tuple(resolved.value.get((i, j), a) for j, a in enumerate(result.articles))
        result = ingest._with_warning(replace(result, articles=arts))
        return i, (result.status, result.reason)

    outcomes.update(results.map(file_row).collect())
    # An id yielded by several files (or rows) is stored once, from the first in input order, as the store keeps it.
    firsts = dated.map(lambda kv: (kv[1].id, kv)).reduceByKey(lambda x, y: x if x[0] <= y[0] else y).values()
    n_articles = firsts.count()
    cores = sc.defaultParallelism
    tasks = max(1, min(n_articles, max(cores, -(-n_articles // ARTICLES_PER_TASK))))
    kept = firsts.repartition(tasks).map(lambda kv: (kv[0], _article_rows(kv[1]))).persist()
    failures = kept.filter(lambda e: e[1][3]).map(lambda e: (e[0][0], (1, e[0][1], e[1][3]))) \
        .reduceByKey(lambda a, b: (a[0] + b[0], *min(a[1:], b[1:]))).collectAsMap()
    if failures:  # the file's report row counts its articles stored without quotes, as lib.pipeline words it
        held = dated.map(lambda a: (a[0][0], 1)).reduceByKey(add).collectAsMap()
        for i, (failed, _, first) in failures.items():
            outcomes[i] = (outcomes[i][0], with_failures(outcomes[i][1], failed, held.get(i, 0), first))
    extracted = kept.values()
    when = dt.datetime.now().replace(microsecond=0)
    ids = spark.createDataFrame(dated.map(lambda a: (a[0][0], (a[0][1], a[1].id))).groupByKey()
                                .map(lambda kv: (kv[0], [id_ for _, id_ in sorted(kv[1])])),
                                "file INT, article_ids ARRAY<STRING>")
    names = {i: f.name for i, f in enumerate(files)}
    file_rows = spark.createDataFrame([(i, names[i], *outcomes[i], when) for i in range(len(files))],
                                      "file INT, path STRING, status STRING, reason STRING, ingested_at TIMESTAMP_NTZ")
    file_rows = file_rows.join(ids, "file", "left").select(
        "path", "status", "reason", F.coalesce("article_ids", F.array().cast("array<string>")).alias("article_ids"),
        "ingested_at")
    shared_names = sc.broadcast(names)
    report = file_rows.unionByName(spark.createDataFrame(
        errors.map(lambda e: _line_row(e, shared_names.value, when)), table_schema("ingest_report")))
    frame = spark.createDataFrame(extracted.map(lambda e: e[0]), table_schema("articles"))
    frame = frame.withColumn(PARTITION, month_of(F.col("published")))
    months = frame.select(F.col("id").alias("article_id"), PARTITION)
    quotes = spark.createDataFrame(extracted.flatMap(lambda e: e[1]), table_schema("quotes")).join(months, "article_id")
    mentions = spark.createDataFrame(extracted.flatMap(lambda e: e[2]), table_schema("date_mentions")) \
        .join(months, "article_id")
    return {"articles": frame, "quotes": quotes, "date_mentions": mentions, "ingest_report": report,
            "_cached": [*cached, results, dated, kept]}


def month_of(published) -> F.Column:
    """The partition value of a publication time: "YYYY-MM", or UNDATED."""
    return F.coalesce(F.date_format(published, "yyyy-MM"), F.lit(UNDATED))
