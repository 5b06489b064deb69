"""The DuckDB corpus: articles, quotes, date mentions and the ingest report; idempotent upsert by content id."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path
from typing import Iterable, Sequence

import duckdb
import pandas as pd

from lib.models import ARTICLE_COLUMNS, DATE_MENTION_COLUMNS, QUOTE_COLUMNS, Article, DateMention, Quote

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, text VARCHAR, outlet VARCHAR, via VARCHAR, published TIMESTAMP,
    date_source VARCHAR, date_confidence DOUBLE, date_note VARCHAR, date_candidates VARCHAR[],
    dateline VARCHAR, dateline_place VARCHAR, title VARCHAR, author VARCHAR, url VARCHAR, language VARCHAR,
    paragraphs INTEGER[][], story VARCHAR, origin VARCHAR, format VARCHAR,
    source VARCHAR  -- absolute path of the input file: a changed file replaces what it stored before
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, kind VARCHAR, speaker VARCHAR,
    speaker_id VARCHAR, speaker_role VARCHAR, cue VARCHAR, cue_class VARCHAR, utterance INTEGER,
    speaker_start INTEGER, speaker_end INTEGER
);
CREATE TABLE IF NOT EXISTS date_mentions (
    article_id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, value DATE, granularity VARCHAR,
    relative BOOLEAN, sentence VARCHAR, sentence_start INTEGER, sentence_end INTEGER
);
CREATE TABLE IF NOT EXISTS ingest_report (
    path VARCHAR, status VARCHAR, reason VARCHAR, article_ids VARCHAR[], ingested_at TIMESTAMP
);
"""


def default_db_path() -> Path:
    """The corpus file under the user data folder ($XDG_DATA_HOME or ~/.local/share)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "coverage-compare" / "corpus.duckdb"


def connect(path: str | os.PathLike | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and create) a corpus: a file path, None for the default file, or ":memory:"."""
    target = str(default_db_path() if path is None else path)
    if target != ":memory:" and not read_only:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(target, read_only=read_only)
    if not read_only:
        con.execute(SCHEMA)
    return con


def _article_row(a: Article, source: str) -> tuple:
    """One articles-table row; a date-only `published` becomes midnight."""
    pub = a.published
    if isinstance(pub, dt.date) and not isinstance(pub, dt.datetime):
        pub = dt.datetime(pub.year, pub.month, pub.day)
    if isinstance(pub, dt.datetime) and pub.tzinfo is not None:
        pub = pub.astimezone(dt.timezone.utc).replace(tzinfo=None)
    values = {c: getattr(a, c) for c in ARTICLE_COLUMNS}  # not dataclasses.asdict: it deep-copies every field
    values["published"] = pub
    values["date_candidates"] = list(a.date_candidates)
    values["paragraphs"] = [list(p) for p in a.paragraphs]
    return tuple(values[c] for c in ARTICLE_COLUMNS) + (source,)


def store_file(con: duckdb.DuckDBPyConnection, source: str, articles: Sequence[Article],
               quotes: Iterable[Quote] = (), mentions: Iterable[DateMention] = ()) -> tuple[int, int]:
    """Replace what one input file stored with its new articles, in one transaction; returns (added, removed).

    Articles already stored with the same content id are left as they are (re-ingesting adds nothing);
    articles this file stored before and no longer yields are removed with their quotes and mentions.
    """
    return store_files(con, [(source, articles, quotes, mentions)])[0]


def store_files(con: duckdb.DuckDBPyConnection,
                batch: Iterable[tuple[str, Sequence[Article], Iterable[Quote], Iterable[DateMention]]]
                ) -> list[tuple[int, int]]:
    """``store_file`` for many input files in one transaction, set-based; returns (added, removed) per file.

    One commit and three queries per batch instead of per file (a file-backed commit alone costs ~10 ms).
    An id that several files of the batch yield is stored once, for the first of them.
    """
    batch = [(source, list(articles), list(quotes), list(mentions)) for source, articles, quotes, mentions in batch]
    if not batch:
        return []
    new_ids: dict[str, set[str]] = {}
    for source, articles, _, _ in batch:
        new_ids.setdefault(source, set()).update(a.id for a in articles)
    con.execute("BEGIN TRANSACTION")
    try:
        stale: dict[str, list[str]] = {}
        for source, old_id in con.execute("SELECT source, id FROM articles WHERE source IN (SELECT unnest(?))",
                                          [sorted(new_ids)]).fetchall():
            if old_id not in new_ids[source]:
                stale.setdefault(source, []).append(old_id)
        if stale:
            _delete_ids(con, sorted({i for ids in stale.values() for i in ids}))
        wanted = sorted(set().union(*new_ids.values()))
        present = {r[0] for r in con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [wanted]).fetchall()} if wanted else set()
        owner: dict[str, int] = {}  # fresh id -> index of the file in the batch that stores it
        rows, counts = [], []
        for k, (source, articles, _, _) in enumerate(batch):
            added = 0
            for a in articles:
                if a.id not in present and a.id not in owner:
                    owner[a.id] = k
                    rows.append(_article_row(a, source))
                    added += 1
            counts.append((added, len(stale.pop(source, ()))))
        if rows:
            frame = pd.DataFrame.from_records(rows, columns=list(ARTICLE_COLUMNS) + ["source"])
            con.register("_new_articles", frame)
            con.execute("INSERT INTO articles SELECT * FROM _new_articles")
            con.unregister("_new_articles")
            _insert_records(con, "quotes", QUOTE_COLUMNS,
                            [q for k, b in enumerate(batch) for q in b[2] if owner.get(q.article_id) == k])
            _insert_records(con, "date_mentions", DATE_MENTION_COLUMNS,
                            [m for k, b in enumerate(batch) for m in b[3] if owner.get(m.article_id) == k])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return counts


def _insert_records(con, table: str, columns: Sequence[str], records: list) -> None:
    """Bulk insert frozen records into a table whose columns are exactly ``columns``."""
    if not records:
        return
    frame = pd.DataFrame.from_records([dataclasses.astuple(r) for r in records], columns=list(columns))
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


def load_articles(con) -> pd.DataFrame:
    """All articles, one row each, ``published`` as pandas datetime."""
    return con.execute("SELECT * EXCLUDE (source) FROM articles ORDER BY published NULLS LAST, id").df()


def load_quotes(con) -> pd.DataFrame:
    """All quotes (direct, partial, reported) with the outlet and date of their article."""
    return con.execute(
        "SELECT q.*, a.outlet, a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
        "ORDER BY a.published NULLS LAST, q.article_id, q.start").df()


def load_date_mentions(con) -> pd.DataFrame:
    """All dated references with the outlet and date of their article."""
    return con.execute(
        "SELECT m.*, a.outlet, a.published FROM date_mentions m JOIN articles a ON a.id = m.article_id "
        "ORDER BY m.value NULLS LAST, m.article_id, m.start").df()


def load_report(con) -> pd.DataFrame:
    """The ingest report, newest first."""
    return con.execute("SELECT * FROM ingest_report ORDER BY ingested_at DESC, path").df()


def frame_to_articles(frame: pd.DataFrame) -> list[Article]:
    """Rebuild Article records from ``load_articles`` rows (for analyses that take records)."""
    out = []
    for rec in frame.to_dict(orient="records"):
        pub = rec.get("published")
        pub = None if pub is None or pd.isna(pub) else pd.Timestamp(pub).to_pydatetime()
        if pub is not None and pub.time() == dt.time(0):
            pub = pub.date()
        fields = {c: (None if _is_missing(rec.get(c)) else rec.get(c)) for c in ARTICLE_COLUMNS}
        fields["published"] = pub
        fields["date_candidates"] = tuple(_listify(rec.get("date_candidates")))
        fields["paragraphs"] = tuple(tuple(int(x) for x in p) for p in _listify(rec.get("paragraphs")))
        for key, default in (("date_source", "unknown"), ("date_confidence", 0.0), ("date_note", ""),
                             ("origin", ""), ("format", "")):
            if fields[key] is None:
                fields[key] = default
        out.append(Article(**fields))
    return out


def _listify(v) -> list:
    """A list from a DuckDB list cell (list, numpy array or missing)."""
    return [] if v is None or (not hasattr(v, "__len__") and pd.isna(v)) else list(v)


def _is_missing(v) -> bool:
    """True for None/NaN/NaT scalars (lists and arrays are never missing)."""
    if isinstance(v, (list, tuple)) or hasattr(v, "__len__") and not isinstance(v, str):
        return False
    return v is None or bool(pd.isna(v))
