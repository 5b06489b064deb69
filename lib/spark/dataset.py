"""A corpus as a Parquet dataset: its layout, and opening it read-only in DuckDB as the stored corpus's tables.

One folder per table; the corpus tables (articles, quotes, dated references) are partitioned by publication month,
so a reader of one month opens only that month's files. Their columns and types are the DuckDB store's (read from
``lib.store.SCHEMA`` itself); the corpus-wide analyses sit beside them as ``analysis_<name>`` folders with the
columns lib.analyse gives them. Opening a dataset gives a DuckDB connection whose views read the files in place and
answer the store's and the stored analyses' queries, so the dashboard and the read commands work unchanged.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import duckdb

from lib import store
from lib.analyse import stored

PARTITION = "published_month"  # "YYYY-MM", or UNDATED for articles without a date
UNDATED = "undated"
# table -> partitioned by month; the ingest report and the analyses are small and read whole.
CORPUS_TABLES = {"articles": True, "quotes": True, "date_mentions": True, "ingest_report": False}
# The analyses a batch computes on Spark (lib.analyse.stored's registry names); "stories" is summarised on read.
SPARK_ANALYSES = ("assignment", "renderings", "passages")
MARKER = "_DATASET"  # written last: a folder without it is not (yet) a complete dataset


@lru_cache(maxsize=None)
def table_columns(table: str) -> tuple[tuple[str, str], ...]:
    """(column, DuckDB type) of a store table, as lib.store.SCHEMA creates it."""
    con = store.connect(":memory:")
    try:
        return tuple((name, kind) for name, kind, *_ in con.execute(f"DESCRIBE {table}").fetchall())
    finally:
        con.close()


def is_dataset(path: str | os.PathLike) -> bool:
    """True when ``path`` is a folder holding a complete batch output."""
    return (Path(path) / MARKER).is_file()


def _glob(root: Path, table: str) -> str:
    """The Parquet files of one table (under its month partitions when it has them)."""
    return str(root / table / ("*/*.parquet" if CORPUS_TABLES.get(table) else "*.parquet"))


def open_dataset(path: str | os.PathLike) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection whose store tables and stored analyses are views over the dataset's files."""
    root = Path(path).resolve()
    if not is_dataset(root):
        raise FileNotFoundError(f"{root}: not a batch dataset (no {MARKER}; create one with `python -m lib batch`)")
    con = duckdb.connect(":memory:")
    for table, partitioned in CORPUS_TABLES.items():
        cols = ", ".join(f'"{c}"' for c, _ in table_columns(table))
        options = ", hive_partitioning = true" if partitioned else ""
        con.execute(f"CREATE VIEW {table} AS SELECT {cols} FROM read_parquet('{_glob(root, table)}'{options})")
    con.execute("CREATE VIEW article_sources AS SELECT NULL::VARCHAR AS source, NULL::VARCHAR AS id LIMIT 0")
    for name in SPARK_ANALYSES:
        con.execute(f"CREATE VIEW analysis_{name} AS SELECT * FROM read_parquet('{_glob(root, 'analysis_' + name)}')")
    # The analyses were computed from exactly these rows: they are current for this corpus by construction.
    key = stored.corpus_key(con)
    con.execute(f"CREATE TABLE {stored.KEYS_TABLE} (name VARCHAR PRIMARY KEY, key VARCHAR, computed_at TIMESTAMP, "
                "seconds DOUBLE)")
    con.executemany(f"INSERT INTO {stored.KEYS_TABLE} VALUES (?, ?, now(), NULL)", [[n, key] for n in SPARK_ANALYSES])
    return con
