"""Which corpus the dashboard shows: the `-- --db/--read-only/PATH` arguments or $COVERAGE_CORPUS, opening it, its
version, and storing uploaded files into it."""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import pandas as pd

from lib import store
from lib.ingest import DEFAULT_MAX_BYTES
from lib.pipeline import ingest_paths

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
UPLOAD_TYPES = ("txt", "html", "htm", "jsonl", "csv")
ENV_CORPUS = "COVERAGE_CORPUS"  # a DuckDB file or folder for hosted deployments, where no -- arguments exist
REPORT_COLUMNS = ("file", "status", "reason", "articles", "added", "removed")
DIGEST_CHARS = 12  # hex digits of a path's SHA-1 naming its cache file or upload folder: unique enough per machine


@dataclass(frozen=True)
class CorpusSource:
    """Where the corpus comes from: the bundled seeds, a DuckDB file, or a folder of input files."""

    kind: str  # seeds | db | folder | parquet (a batch dataset, always read-only)
    path: str
    read_only: bool = False

    def describe(self) -> str:
        """One line for the page: what is loaded and whether uploads can change it."""
        what = {"seeds": "the two seed articles", "db": f"DuckDB corpus {self.path}",
                "folder": f"files under {self.path}", "parquet": f"Parquet dataset {self.path}"}[self.kind]
        return what + (" (read-only)" if self.read_only else "")


def parse_source(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> CorpusSource:
    """The corpus named by the arguments after ``streamlit run dashboard.py --`` (or $COVERAGE_CORPUS)."""
    parser = argparse.ArgumentParser(prog="streamlit run dashboard.py --", add_help=False)
    parser.add_argument("--db", default=None)
    parser.add_argument("--read-only", action="store_true")
    parser.add_argument("--parquet", default=None)  # a `python -m lib batch` output folder
    parser.add_argument("path", nargs="?", default=None)
    args, _ = parser.parse_known_args(list(argv))
    if args.parquet:
        return CorpusSource("parquet", str(Path(args.parquet).expanduser().resolve()), read_only=True)
    environ = os.environ if environ is None else environ
    target = args.db or args.path or environ.get(ENV_CORPUS)
    if not target:
        return CorpusSource("seeds", str(SEEDS))
    path = Path(target).expanduser().resolve()
    kind = "folder" if path.is_dir() else "db"
    return CorpusSource(kind, str(path), read_only=args.read_only)


def folder_db_path(folder: str) -> Path:
    """The DuckDB file that caches an ingested folder (one per folder, under the user data folder)."""
    digest = hashlib.sha1(folder.encode("utf-8")).hexdigest()[:DIGEST_CHARS]
    return store.default_db_path().parent / "folders" / f"{Path(folder).name or 'root'}-{digest}.duckdb"


def open_corpus(source: CorpusSource):
    """Open the corpus: seeds are ingested into memory, a folder into its cache file, a DuckDB file as it is, a
    Parquet dataset as views over its files."""
    if source.kind == "parquet":
        from lib.spark.dataset import open_dataset

        return open_dataset(source.path)
    if source.kind == "db":
        if source.read_only and not Path(source.path).exists():
            raise FileNotFoundError(f"{source.path}: no such DuckDB corpus (a read-only corpus must exist)")
        return store.connect(source.path, read_only=source.read_only)
    con = store.connect(":memory:" if source.kind == "seeds" else folder_db_path(source.path))
    # Re-ingesting is idempotent: unchanged files add nothing, changed files replace their old articles.
    ingest_paths(con, [source.path])
    return con


def upload_folder(source: CorpusSource) -> Path:
    """Where uploads to this corpus are kept: a stable folder, so a re-uploaded file replaces its old version."""
    digest = hashlib.sha1(f"{source.kind}:{source.path}".encode("utf-8")).hexdigest()[:DIGEST_CHARS]
    base = Path(tempfile.gettempdir()) if source.kind == "seeds" else store.default_db_path().parent
    return base / "coverage-compare-uploads" / digest


def corpus_version(con) -> str:
    """A short string that changes whenever the stored corpus changes (the cache key of every derived frame)."""
    n_articles, n_quotes = con.execute("SELECT (SELECT count(*) FROM articles), "
                                       "(SELECT count(*) FROM quotes)").fetchone()
    n_reports, last = con.execute("SELECT count(*), max(ingested_at) FROM ingest_report").fetchone()
    return f"{n_articles}-{n_quotes}-{n_reports}-{last.isoformat() if last else 'never'}"


def safe_file_name(name: str) -> str:
    """An upload's base name with anything outside [word . - space] replaced (no paths, no hidden files)."""
    base = os.path.basename(name.replace("\\", "/")).strip()
    base = re.sub(r"[^\w.\- ]+", "_", base).lstrip(".")
    return base or "upload"


def ingest_uploads(con, files: Iterable[tuple[str, bytes]], folder: Path,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> pd.DataFrame:
    """Store uploaded (name, bytes) files into the corpus; one report row per file, oversize files refused."""
    folder.mkdir(parents=True, exist_ok=True)
    rows, paths, names = [], [], {}
    for name, data in files:
        clean = safe_file_name(name)
        if len(data) > max_bytes:
            reason = f"file is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB upload limit"
            store.record_report(con, [(clean, "rejected", reason, [])])
            rows.append((clean, "rejected", reason, 0, 0, 0))
            continue
        path = folder / clean
        path.write_bytes(data)
        paths.append(str(path))
        names[str(path)] = clean
    if paths:
        for result, added, removed in ingest_paths(con, paths, max_bytes=max_bytes):
            rows.append((names.get(result.path, Path(result.path).name), result.status, result.reason,
                         len(result.articles), added, removed))
    return pd.DataFrame.from_records(rows, columns=list(REPORT_COLUMNS))
