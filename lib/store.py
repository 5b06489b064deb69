"""The DuckDB corpus: articles, quotes, date mentions and the ingest report; idempotent upsert by content id."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import operator
import os
import time
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Sequence

import duckdb
import pandas as pd
import pyarrow as pa

from lib.models import ARTICLE_COLUMNS, DATE_MENTION_COLUMNS, QUOTE_COLUMNS, Article, DateMention, Quote

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, text VARCHAR, outlet VARCHAR, via VARCHAR, published TIMESTAMP,
    date_source VARCHAR, date_confidence DOUBLE, date_note VARCHAR, date_candidates VARCHAR[],
    dateline VARCHAR, dateline_place VARCHAR, title VARCHAR, author VARCHAR, url VARCHAR, language VARCHAR,
    paragraphs INTEGER[][], story VARCHAR, origin VARCHAR, format VARCHAR,
    row_hash VARCHAR,  -- hash of the stored fields: a re-read article whose fields changed is replaced
    outlet_raw VARCHAR  -- the outlet as written in the input
);
ALTER TABLE articles ADD COLUMN IF NOT EXISTS outlet_raw VARCHAR;  -- corpora stored before it existed
CREATE TABLE IF NOT EXISTS article_sources (
    source VARCHAR, id VARCHAR  -- which input files (absolute paths) yield which article
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, kind VARCHAR, speaker VARCHAR,
    speaker_id VARCHAR, speaker_role VARCHAR, cue VARCHAR, cue_class VARCHAR, utterance INTEGER,
    speaker_start INTEGER, speaker_end INTEGER, speaker_type VARCHAR
);
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_type VARCHAR;  -- corpora stored before the column existed
CREATE TABLE IF NOT EXISTS date_mentions (
    article_id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, value DATE, granularity VARCHAR,
    relative BOOLEAN, sentence VARCHAR, sentence_start INTEGER, sentence_end INTEGER
);
CREATE TABLE IF NOT EXISTS pages (
    url VARCHAR PRIMARY KEY, final_url VARCHAR, content_type VARCHAR, redirects VARCHAR[], fetched_at TIMESTAMP,
    data BLOB  -- the raw page as fetched: a re-run or a better parser reads it again without the network
);
CREATE TABLE IF NOT EXISTS outlet_info (
    outlet VARCHAR PRIMARY KEY, aliases VARCHAR[], attributes VARCHAR  -- the user's outlets file; JSON object
);
CREATE TABLE IF NOT EXISTS ingest_report (
    path VARCHAR, status VARCHAR, reason VARCHAR, article_ids VARCHAR[], ingested_at TIMESTAMP
);
"""


def default_db_path() -> Path:
    """The corpus file under the user data folder ($XDG_DATA_HOME or ~/.local/share)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "coverage-compare" / "corpus.duckdb"


# DuckDB hands the memory a finished query freed back to the system at once (from a background thread) instead of
# keeping it for later queries: reading the articles of a 200,000-article corpus left the process 1,330 MB resident
# with its frames holding 425 MB, and 710 MB with these settings (the difference grows with the corpus).
# (Set once connected: a connection opened with other settings than another one to the same file is refused.)
ALLOCATOR_SETTINGS = "SET allocator_flush_threshold = '0MB'; SET allocator_background_threads = true"

# Another process holding the file (a dashboard mid-operation, an ingest committing) blocks only briefly: DuckDB lets
# one process write or many read a file at a time, so a connection that meets a lock retries for this long.
LOCK_WAIT_SECONDS = 10.0
LOCK_RETRY_SECONDS = (0.05, 0.5)  # first and longest pause between attempts (doubling)


class CorpusBusy(Exception):
    """The corpus file stays locked by another process (an ingest or a dashboard upload is writing it)."""


def connect(path: str | os.PathLike | None = None, read_only: bool = False,
            create: bool = True) -> duckdb.DuckDBPyConnection:
    """Open (and, with ``create``, create the tables of) a corpus: a file path, None for the default file, or
    ":memory:". A file locked by another process is retried for LOCK_WAIT_SECONDS, then CorpusBusy (one line)."""
    target = str(default_db_path() if path is None else path)
    if target != ":memory:" and not read_only:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    con = _connect_waiting(target, read_only)
    con.execute(ALLOCATOR_SETTINGS)
    if create and not read_only:
        con.execute(SCHEMA)
    return con


def _connect_waiting(target: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, retried with growing pauses while another process holds the file's lock."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    pause = LOCK_RETRY_SECONDS[0]
    while True:
        try:
            return duckdb.connect(target, read_only=read_only)
        except duckdb.IOException as exc:
            if not is_lock_error(exc):
                raise
            if time.monotonic() + pause > deadline:
                raise CorpusBusy(f"{Path(target).name}: the corpus file is in use by another process (an ingest "
                                 f"or an upload writing it); try again when it has finished") from None
            time.sleep(pause)
            pause = min(pause * 2, LOCK_RETRY_SECONDS[1])


def is_lock_error(exc: BaseException) -> bool:
    """True for DuckDB's "Could not set lock on file" (another process has the file open)."""
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).casefold()


def _article_row(a: Article) -> tuple:
    """One articles-table row (without row_hash); an aware `published` keeps the outlet's own wall clock."""
    pub = a.published
    if isinstance(pub, dt.date) and not isinstance(pub, dt.datetime):
        pub = dt.datetime(pub.year, pub.month, pub.day)
    if isinstance(pub, dt.datetime) and pub.tzinfo is not None:
        pub = pub.replace(tzinfo=None)  # the publisher's day is the one readers and timelines mean
    values = {c: getattr(a, c) for c in ARTICLE_COLUMNS}  # not dataclasses.asdict: it deep-copies every field
    values["published"] = pub
    values["date_candidates"] = list(a.date_candidates)
    values["paragraphs"] = [list(p) for p in a.paragraphs]
    return tuple(values[c] for c in ARTICLE_COLUMNS)


def _row_hash(row: tuple) -> str:
    """Hash of everything an article row says except where it came from, so an edit is seen as a change."""
    key = json.dumps([v for c, v in zip(ARTICLE_COLUMNS, row) if c not in ("origin", "format")], default=str)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def store_file(con: duckdb.DuckDBPyConnection, source: str, articles: Sequence[Article],
               quotes: Iterable[Quote] = (), mentions: Iterable[DateMention] = (), prune: bool = True
               ) -> tuple[int, int]:
    """Store what one input file yields, in one transaction; returns (added or replaced, removed)."""
    return store_files(con, [(source, articles, quotes, mentions, prune)])[0]


def store_files(con: duckdb.DuckDBPyConnection, batch: Iterable[tuple]) -> list[tuple[int, int]]:
    """Upsert many input files in one transaction; returns (added or replaced, removed) per file.

    Each batch entry is (source, articles, quotes, mentions[, prune]). An article whose content id and
    fields are already stored is left as it is (re-ingesting adds nothing); one whose fields changed (a
    new Date header, an edited row that keeps its given id) is replaced with its quotes and mentions.
    With prune (a file read whole), ids the file yielded before and no longer does are unlinked from it;
    an article is removed only when no input file yields it any more, so a partial re-read or an edited
    duplicate never loses what another file still holds. One commit per batch: a file commit costs ~10 ms.
    """
    entries = [(e[0], list(e[1]), list(e[2]), list(e[3]), e[4] if len(e) > 4 else True) for e in batch]
    if not entries:
        return []
    rows: dict[str, tuple] = {}  # id -> (row, hash, index of the entry that yields it first)
    spelling = _outlet_spellings(con, {a.outlet for _, articles, *_ in entries for a in articles if a.outlet})
    for k, (_, articles, _, _, _) in enumerate(entries):
        for a in articles:
            if a.id not in rows:
                row = _article_row(replace(a, outlet=spelling[a.outlet]) if a.outlet in spelling else a)
                rows[a.id] = (row, _row_hash(row), k)
    links = sorted({(source, a.id) for source, articles, *_ in entries for a in articles})
    pruned = sorted({source for source, *_, prune in entries if prune})
    con.execute("BEGIN TRANSACTION")
    try:
        unlinked: dict[str, int] = {}
        if pruned:
            gone = con.execute(
                "SELECT source, id FROM article_sources WHERE source IN (SELECT unnest(?))", [pruned]).fetchall()
            keep = set(links)
            gone = [(s, i) for s, i in gone if (s, i) not in keep]
            if gone:
                frame = pd.DataFrame.from_records(gone, columns=["source", "id"])
                con.register("_gone", frame)
                con.execute("DELETE FROM article_sources WHERE (source, id) IN (SELECT (source, id) FROM _gone)")
                orphans = [r[0] for r in con.execute(
                    "SELECT DISTINCT g.id FROM _gone g WHERE g.id NOT IN (SELECT id FROM article_sources)"
                ).fetchall()]
                con.unregister("_gone")
                orphan_set = set(orphans)
                _delete_ids(con, orphans)
                for s, i in gone:
                    if i in orphan_set:
                        unlinked[s] = unlinked.get(s, 0) + 1
        stored = dict(con.execute("SELECT id, row_hash FROM articles WHERE id IN (SELECT unnest(?))",
                                  [list(rows)]).fetchall()) if rows else {}
        changed = [i for i, (_, h, _) in rows.items() if i in stored and stored[i] != h]
        _delete_ids(con, changed)
        fresh = {i: k for i, (_, h, k) in rows.items() if stored.get(i) != h}
        if fresh:
            frame = pd.DataFrame.from_records([rows[i][0] + (rows[i][1],) for i in fresh],
                                              columns=list(ARTICLE_COLUMNS) + ["row_hash"])
            con.register("_new_articles", frame)
            con.execute("INSERT INTO articles BY NAME SELECT * FROM _new_articles")
            con.unregister("_new_articles")
            _insert_records(con, "quotes", QUOTE_COLUMNS,
                            [q for k, e in enumerate(entries) for q in e[2] if fresh.get(q.article_id) == k])
            _insert_records(con, "date_mentions", DATE_MENTION_COLUMNS,
                            [m for k, e in enumerate(entries) for m in e[3] if fresh.get(m.article_id) == k])
        if links:
            con.register("_links", pd.DataFrame.from_records(links, columns=["source", "id"]))
            con.execute("INSERT INTO article_sources SELECT * FROM _links "
                        "WHERE (source, id) NOT IN (SELECT (source, id) FROM article_sources)")
            con.unregister("_links")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return [(sum(1 for a in e[1] if fresh.get(a.id) == k), unlinked.pop(e[0], 0)) for k, e in enumerate(entries)]


def _outlet_spellings(con, outlets: set[str]) -> dict[str, str]:
    """Outlet names -> the spelling the corpus already stores for a name that differs only in case ("FOCUS Online"
    stored, "FOCUS online" read from another page of the site), or the batch's first not in capitals ("People", not
    "PEOPLE"): one outlet, one name."""
    folded = {o.lower() for o in outlets}
    stored = con.execute("SELECT DISTINCT outlet FROM articles WHERE lower(outlet) IN (SELECT unnest(?))",
                         [sorted(folded)]).fetchall() if folded else []
    chosen: dict[str, str] = {}
    for name in [o for (o,) in sorted(stored)] + sorted(outlets, key=lambda o: (o.isupper(), o)):
        chosen.setdefault(name.lower(), name)
    return {o: chosen[o.lower()] for o in outlets if chosen[o.lower()] != o}


def _insert_records(con, table: str, columns: Sequence[str], records: list) -> None:
    """Bulk insert frozen records into a table whose columns are exactly ``columns``."""
    if not records:
        return
    row = operator.attrgetter(*columns)  # not dataclasses.astuple: it deep-copies every field (most of a store)
    frame = pd.DataFrame.from_records([row(r) for r in records], columns=list(columns))
    con.register("_new_rows", frame)
    cols = ", ".join(f'"{c}"' for c in columns)
    con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _new_rows")
    con.unregister("_new_rows")


def _delete_ids(con, ids: list[str]) -> None:
    """Remove articles and everything derived from them."""
    for table, key in (("quotes", "article_id"), ("date_mentions", "article_id"), ("articles", "id")):
        con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?))", [ids])


def record_report(con, rows: Iterable[tuple[str, str, str, Sequence[str]]]) -> None:
    """Append ingest-report rows (path, status, reason, article ids)."""
    now = dt.datetime.now()
    data = [(p, s, r, list(ids), now) for p, s, r, ids in rows]
    if data:  # one insert from a frame: executemany costs ~10 ms a row on a file
        frame = pd.DataFrame.from_records(data, columns=["path", "status", "reason", "article_ids", "ingested_at"])
        con.register("_new_report", frame)
        con.execute("INSERT INTO ingest_report SELECT * FROM _new_report")
        con.unregister("_new_report")


# Article columns holding lists: slow to read and copy, and neither the analyses nor the pages read them.
LIST_COLUMNS = ("paragraphs", "date_candidates")


def read_frame(con, sql: str) -> pd.DataFrame:
    """A query's rows as a DataFrame, read through Arrow, with the types DuckDB's own ``.df()`` gives for the corpus
    tables' column types (a nullable integer or boolean column where a column has nulls, dates as datetime64, a text
    column of nulls only, or of no rows, as objects; DECIMAL, which no table holds, would come back as objects).
    Through Arrow the conversion's peak is lower: 500 MB against 810 MB for the articles of a 100,000-article corpus.
    (DuckDB warns that Arrow output of a DB-API result copies the rows once more, which that figure includes, hence
    the filter below; its relational API, which does not copy, refuses to run while a caller's earlier result is
    unfinished.)"""
    table = con.execute(sql).to_arrow_table()
    out = table.to_pandas(date_as_object=False)
    for field, column in zip(table.schema, table.columns):
        if pa.types.is_integer(field.type) and column.null_count:
            signed = "UInt" if pa.types.is_unsigned_integer(field.type) else "Int"
            out[field.name] = out[field.name].astype(f"{signed}{field.type.bit_width}")
        elif pa.types.is_boolean(field.type) and column.null_count:
            out[field.name] = out[field.name].astype("boolean")
        elif pa.types.is_date(field.type):
            out[field.name] = out[field.name].astype("datetime64[us]")
        elif pa.types.is_string(field.type) and column.null_count == len(column):  # no rows, or nulls only
            out[field.name] = pd.Series([None] * len(column), dtype=object, index=out.index)
    return out


# read_frame's measured choice (once per process: warnings.catch_warnings around each call is not thread-safe, and
# the app reads from several threads)
warnings.filterwarnings("ignore", "Arrow output on a DB-API result", UserWarning)


def load_articles(con, lists: bool = True) -> pd.DataFrame:
    """All articles, one row each, ``published`` as pandas datetime; without LIST_COLUMNS unless ``lists``."""
    excluded = ", ".join(("row_hash", *(() if lists else LIST_COLUMNS)))
    return read_frame(con, f"SELECT * EXCLUDE ({excluded}) FROM articles ORDER BY published NULLS LAST, id")


def load_quotes(con) -> pd.DataFrame:
    """All quotes (direct, partial, reported) with the outlet and date of their article."""
    return read_frame(con, "SELECT q.*, a.outlet, a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
                           "ORDER BY a.published NULLS LAST, q.article_id, q.start")


def load_date_mentions(con) -> pd.DataFrame:
    """All dated references with the outlet and date of their article."""
    return read_frame(con, "SELECT m.*, a.outlet, a.published FROM date_mentions m JOIN articles a ON a.id = m.article_id "
                           "ORDER BY m.value NULLS LAST, m.article_id, m.start")


def load_report(con) -> pd.DataFrame:
    """The ingest report, newest first."""
    return con.execute("SELECT * FROM ingest_report ORDER BY ingested_at DESC, path").df()


def store_pages(con, pages: Iterable) -> None:
    """Keep fetched pages (lib.fetch.http.Page) as they came, replacing an earlier fetch of the same URL."""
    rows = [(p.url, p.final_url, p.content_type, list(p.redirects), p.fetched_at, p.data) for p in pages]
    if rows:
        con.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?)", rows)


def load_pages(con, urls: Sequence[str]) -> dict[str, tuple]:
    """url -> (final_url, content_type, redirects, fetched_at, data) of the stored pages among ``urls``."""
    if not urls:
        return {}
    found = con.execute("SELECT url, final_url, content_type, redirects, fetched_at, data FROM pages "
                        "WHERE url IN (SELECT unnest(?))", [list(urls)]).fetchall()
    return {row[0]: row[1:] for row in found}


def store_outlets(con, infos: Iterable) -> int:
    """Keep outlet descriptions (lib.ingest.outlets.OutletInfo), replacing an outlet described before; returns the
    number stored."""
    rows = [(i.outlet, list(i.aliases), json.dumps(i.attributes, ensure_ascii=False)) for i in infos]
    if rows:
        con.executemany("INSERT OR REPLACE INTO outlet_info VALUES (?, ?, ?)", rows)
    return len(rows)


def load_outlets(con) -> pd.DataFrame:
    """The described outlets: outlet, aliases, and one column per attribute (empty where an outlet has none)."""
    rows = con.execute("SELECT outlet, aliases, attributes FROM outlet_info ORDER BY outlet").fetchall()
    attributes = [json.loads(a or "{}") for _, _, a in rows]
    names = list(dict.fromkeys(k for a in attributes for k in a))
    return pd.DataFrame([{"outlet": o, "aliases": list(al or []), **{k: a.get(k, "") for k in names}}
                         for (o, al, _), a in zip(rows, attributes)], columns=["outlet", "aliases", *names])
