"""Which corpus the dashboard shows: the `-- --db/--read-only/PATH` arguments or $COVERAGE_CORPUS, opening it, its
version, and storing uploaded files into it."""
from __future__ import annotations

import argparse
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import pandas as pd

from lib import store
from lib.ingest import DEFAULT_MAX_BYTES, printable
from lib.pipeline import ingest_paths, report_reason

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
        name = Path(self.path).name  # not its folder: a hosted dashboard shows this line to every reader
        what = {"seeds": "the two seed articles", "db": f"DuckDB corpus {name}",
                "folder": f"files under {name}", "parquet": f"Parquet dataset {name}"}[self.kind]
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


class CorpusUnavailable(Exception):
    """The corpus cannot be opened now: missing, not a DuckDB file, damaged, or held by a writer; one plain line
    for the page (no traceback, no server path)."""


class CorpusFile:
    """A corpus file opened per operation: ``cursor()`` opens a connection and closing it (a ``with`` block) lets go
    of the file, so between two page operations a CLI command can read it and an ``ingest`` can write it.

    DuckDB lets one process write a file, or many read it, at a time; a dashboard that held one connection for its
    whole life locked every other process out. All connections of one handle share one configuration (read-only or
    not): DuckDB refuses two configurations of one file in one process.
    """

    def __init__(self, path: str, read_only: bool):
        """Check that the file opens now (CorpusUnavailable, one line, when it does not)."""
        self.path, self.read_only = path, read_only
        with open_file(path, read_only, create=not read_only) as con:  # a writable corpus gets its tables, once
            if not con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'articles'"
                               ).fetchone()[0]:
                raise CorpusUnavailable(f"The file {Path(path).name} is a DuckDB database but not a corpus (no "
                                        "articles table); prepare one with `python -m lib ingest`.")

    def cursor(self):
        """A new connection (close it after the operation: ``with handle.cursor() as cur``)."""
        return open_file(self.path, self.read_only)


def open_file(path: str, read_only: bool, create: bool = False):
    """A connection to a corpus file, or CorpusUnavailable saying in one line why not (the file's name, not its
    folder: a hosted dashboard shows it to every reader)."""
    import duckdb

    name = Path(path).name
    if read_only and not Path(path).exists():
        raise CorpusUnavailable(f"The corpus file {name} does not exist (a read-only corpus must be prepared "
                                "first with `python -m lib ingest`).")
    try:
        return store.connect(path, read_only=read_only, create=create)
    except store.CorpusBusy:
        raise CorpusUnavailable(f"The corpus {name} is being written by another process (an ingest or an "
                                "upload); retry in a moment.") from None
    except duckdb.Error as exc:
        kind = "is not a DuckDB database" if "not a valid DuckDB database" in str(exc) else "is damaged or truncated"
        raise CorpusUnavailable(f"The corpus file {name} {kind} and cannot be opened; prepare it again with "
                                "`python -m lib ingest`.") from None


def open_corpus(source: CorpusSource):
    """Open the corpus: seeds are ingested into memory and a Parquet dataset is opened as views over its files (one
    connection each for the server's life), a folder is ingested into its cache file, a DuckDB file is used as it
    is; a file is a CorpusFile, opened per operation."""
    if source.kind == "seeds":
        con = store.connect(":memory:")
        ingest_paths(con, [source.path])
        return con
    if source.kind == "parquet":
        from lib.spark.dataset import open_dataset

        return open_dataset(source.path)
    if source.kind == "db":
        return CorpusFile(source.path, source.read_only)
    path = str(folder_db_path(source.path))
    with open_file(path, read_only=False, create=True) as con:
        # Re-ingesting is idempotent: unchanged files add nothing, changed files replace their old articles.
        ingest_paths(con, [source.path])
    return CorpusFile(path, read_only=False)


def upload_folder(source: CorpusSource) -> Path:
    """Where uploads to this corpus are kept: a stable folder, so a re-uploaded file replaces its old version."""
    digest = hashlib.sha1(f"{source.kind}:{source.path}".encode("utf-8")).hexdigest()[:DIGEST_CHARS]
    base = Path(tempfile.gettempdir()) if source.kind == "seeds" else store.default_db_path().parent
    return base / "coverage-compare-uploads" / digest


def corpus_version(con) -> str:
    """A short string that changes whenever the stored corpus or its outlet descriptions change (the cache key of every
    derived frame)."""
    n_articles, n_quotes = con.execute("SELECT (SELECT count(*) FROM articles), "
                                       "(SELECT count(*) FROM quotes)").fetchone()
    n_reports, last = con.execute("SELECT count(*), max(ingested_at) FROM ingest_report").fetchone()
    described = con.execute("SELECT count(*), coalesce(md5(string_agg(concat_ws('|', outlet, aliases, attributes), "
                            "',' ORDER BY outlet)), '') FROM outlet_info").fetchone()  # an outlets file groups views
    return (f"{n_articles}-{n_quotes}-{n_reports}-{last.isoformat() if last else 'never'}"
            f"-{described[0]}{described[1][:8]}")


# Characters kept as they are in an upload's stored file name; every other one (and "%") is written %XX (UTF-8
# bytes), so two different names never become one file ("a<1>.txt", "a>1<.txt") and no name reaches a folder.
_NAME_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.()")
MAX_NAME_BYTES = 255  # a file name's limit on common file systems
NAME_HASH_CHARS = 16  # hex digits of SHA-1 ending a name shortened to fit


def upload_key(name: str) -> str:
    """The stored file name of an upload called ``name`` (as the browser gave it, folders included): distinct names
    give distinct keys, a name uploaded again gives the same key (so it replaces its earlier version)."""
    key = "".join(c if c in _NAME_SAFE else "".join(f"%{b:02X}" for b in c.encode("utf-8")) for c in name)
    if key.startswith("."):  # never a hidden file, never "." or ".."
        key = "%2E" + key[1:]
    key = key or "%00"  # the empty name is a name too
    if len(key) > MAX_NAME_BYTES:
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:NAME_HASH_CHARS]
        stem, ext = os.path.splitext(key)
        ext = ext if len(ext) <= 16 else ""
        key = f"{stem[:MAX_NAME_BYTES - len(ext) - NAME_HASH_CHARS - 1]}~{digest}{ext}"
    return key


def ingest_uploads(con, files: Iterable[tuple[str, bytes]], folder: Path,
                   max_bytes: int = DEFAULT_MAX_BYTES) -> pd.DataFrame:
    """Store uploaded (name, bytes) files into the corpus; one report row per file (its name escaped for display),
    oversize files refused. Each file keeps its own identity: a name repeated within one upload gets " (2)"."""
    folder.mkdir(parents=True, exist_ok=True)
    rows, paths, names, seen = [], [], {}, {}
    for name, data in files:
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            stem, ext = os.path.splitext(name)
            name = f"{stem} ({seen[name]}){ext}"
        shown = printable(name) or "(no name)"
        if len(data) > max_bytes:
            reason = f"file is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB upload limit"
            store.record_report(con, [(shown, "rejected", reason, [])])
            rows.append((shown, "rejected", reason, 0, 0, 0))
            continue
        path = folder / upload_key(name)
        path.write_bytes(data)
        paths.append(str(path))
        names[str(path)] = shown
    if paths:
        for result, added, removed in ingest_paths(con, paths, max_bytes=max_bytes):
            rows.append((names.get(result.path, Path(result.path).name), result.status, report_reason(result),
                         len(result.articles), added, removed))
    return pd.DataFrame.from_records(rows, columns=list(REPORT_COLUMNS))


MAX_LINKS_PER_REQUEST = 50  # URLs fetched per paste: a page request stays within minutes at the polite delay
LINK_COLUMNS = ("url", "status", "reason")


def links_in(text: str) -> list[str]:
    """The http(s) URLs pasted in ``text`` (one per line or separated by spaces), first occurrence kept."""
    return list(dict.fromkeys(w for w in text.split() if w.lower().startswith(("http://", "https://"))))


def fetch_links(con, urls: Sequence[str], progress=None) -> pd.DataFrame:
    """Fetch pasted URLs politely and store their articles; one row per URL (url, status, reason)."""
    from lib.fetch import fetch_urls
    from lib.fetch.http import Fetcher

    results = fetch_urls(con, list(urls)[:MAX_LINKS_PER_REQUEST], Fetcher(), progress=progress)
    return pd.DataFrame([(r.url, r.status, r.reason) for r in results], columns=list(LINK_COLUMNS))


def describe_outlets(con, name: str, data: bytes) -> tuple[int, list[str]]:
    """Store an uploaded outlets file: (outlets described, one line per problem)."""
    from lib.ingest.outlets import read_outlets
    from lib.models import ParseError

    shown = printable(name) or "(no name)"
    try:
        infos, errors = read_outlets(data, shown)
    except ParseError as exc:
        return 0, [str(exc)]
    return store.store_outlets(con, infos), errors
