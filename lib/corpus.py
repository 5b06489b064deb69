"""Which corpus the dashboard shows and pure helpers to open, version, filter and export it (no streamlit here)."""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import pandas as pd

from lib import store
from lib.figures.style import outlet_labels
from lib.ingest import DEFAULT_MAX_BYTES
from lib.models import speaker_of
from lib.pipeline import ingest_paths

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
UPLOAD_TYPES = ("txt", "html", "htm", "jsonl", "csv")
EXPORT_TABLES = ("articles", "quotes", "date_mentions", "stories", "ingest_report")
ENV_CORPUS = "COVERAGE_CORPUS"  # a DuckDB file or folder for hosted deployments, where no -- arguments exist
LIST_COLUMNS = ("paragraphs", "date_candidates")  # article columns holding lists (slow to copy, unused by the pages)
REPORT_COLUMNS = ("file", "status", "reason", "articles", "added", "removed")


@dataclass(frozen=True)
class CorpusSource:
    """Where the corpus comes from: the bundled seeds, a DuckDB file, or a folder of input files."""

    kind: str  # seeds | db | folder
    path: str
    read_only: bool = False

    def describe(self) -> str:
        """One line for the page: what is loaded and whether uploads can change it."""
        what = {"seeds": "the two seed articles", "db": f"DuckDB corpus {self.path}",
                "folder": f"files under {self.path}"}[self.kind]
        return what + (" (read-only)" if self.read_only else "")


def parse_source(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> CorpusSource:
    """The corpus named by the arguments after ``streamlit run dashboard.py --`` (or $COVERAGE_CORPUS)."""
    parser = argparse.ArgumentParser(prog="streamlit run dashboard.py --", add_help=False)
    parser.add_argument("--db", default=None)
    parser.add_argument("--read-only", action="store_true")
    parser.add_argument("path", nargs="?", default=None)
    args, _ = parser.parse_known_args(list(argv))
    environ = os.environ if environ is None else environ
    target = args.db or args.path or environ.get(ENV_CORPUS)
    if not target:
        return CorpusSource("seeds", str(SEEDS))
    path = Path(target).expanduser().resolve()
    kind = "folder" if path.is_dir() else "db"
    return CorpusSource(kind, str(path), read_only=args.read_only)


def folder_db_path(folder: str) -> Path:
    """The DuckDB file that caches an ingested folder (one per folder, under the user data folder)."""
    digest = hashlib.sha1(folder.encode("utf-8")).hexdigest()[:12]
    return store.default_db_path().parent / "folders" / f"{Path(folder).name or 'root'}-{digest}.duckdb"


def open_corpus(source: CorpusSource):
    """Open the corpus: seeds are ingested into memory, a folder into its cache file, a DuckDB file as it is."""
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
    digest = hashlib.sha1(f"{source.kind}:{source.path}".encode("utf-8")).hexdigest()[:12]
    base = Path(tempfile.gettempdir()) if source.kind == "seeds" else store.default_db_path().parent
    return base / "coverage-compare-uploads" / digest


def corpus_version(con) -> str:
    """A short string that changes whenever the stored corpus changes (the cache key of every derived frame)."""
    n_articles, n_quotes = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes)").fetchone()
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


def date_bounds(articles: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The first and last publication day of a corpus, or None when nothing is dated."""
    published = pd.to_datetime(articles["published"]).dropna() if len(articles) else pd.Series(dtype="datetime64[ns]")
    if published.empty:
        return None
    return published.min().date(), published.max().date()


def filter_articles(articles: pd.DataFrame, outlets: Sequence[str] = (), start: dt.date | None = None,
                    end: dt.date | None = None, ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Articles from the given outlets (all when empty), published in [start, end] (days), within ``ids``."""
    keep = pd.Series(True, index=articles.index)
    if outlets:
        keep &= outlet_labels(articles["outlet"]).isin(set(outlets))
    if start is not None or end is not None:
        day = pd.to_datetime(articles["published"]).dt.normalize()
        if start is not None:
            keep &= day >= pd.Timestamp(start)
        if end is not None:
            keep &= day <= pd.Timestamp(end)
        keep &= day.notna()
    if ids is not None:
        keep &= articles["id"].isin(set(ids))
    return articles[keep]


def keep_shared(renderings: pd.DataFrame, ids: Iterable[str]) -> pd.DataFrame:
    """Renderings of the given articles, only for quotes that two or more of those articles still share."""
    ids = set(ids)
    kept = renderings[renderings["article_id"].isin(ids)]
    kept = kept[kept.groupby("group_id")["article_id"].transform("nunique") >= 2]
    # A group whose corpus-wide earliest carrier is filtered out starts at its earliest remaining carrier (its
    # diff still reads against the corpus-wide earliest wording, which is what a fact-checker compares with).
    orphan = ~(kept["role"] == "earliest").groupby(kept["group_id"]).transform("any").astype(bool)
    if orphan.any():
        first = kept[orphan].sort_values(["published", "article_id", "start"], na_position="last") \
            .drop_duplicates("group_id").index
        kept = kept.copy()
        kept.loc[first, "role"] = "earliest"
    return kept


def search_quotes(quotes: pd.DataFrame, needle: str | None) -> pd.DataFrame:
    """Quotes whose text or speaker contains ``needle`` (case-insensitive); all of them when it is empty."""
    if not needle:
        return quotes
    n = needle.casefold()
    who = quotes["who"] if "who" in quotes else speaker_of(quotes)
    return quotes[quotes["text"].str.casefold().str.contains(n, regex=False)
                  | who.fillna("").str.casefold().str.contains(n, regex=False)]


def unique_labels(ids: Sequence[str], labels: Sequence[str], width: int = 90) -> dict[str, str]:
    """id -> display label, shortened to ``width`` and made unique by appending the id where labels collide."""
    short = [(str(l) if l is not None and not (isinstance(l, float) and pd.isna(l)) else str(i)) for i, l in
             zip(ids, labels)]
    short = [s if len(s) <= width else s[: width - 1] + "…" for s in short]
    counts = Counter(short)
    return {i: (s if counts[s] == 1 else f"{s} [{str(i)[:8]}]") for i, s in zip(ids, short)}


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """id -> "Outlet · YYYY-MM-DD · Title" for choosing one article."""
    day = pd.to_datetime(articles["published"]).dt.strftime("%Y-%m-%d").fillna("undated")
    outlet = outlet_labels(articles["outlet"])
    title = articles["title"].fillna(articles["text"].str.slice(0, 60))
    return unique_labels(list(articles["id"]), list(outlet + " · " + day + " · " + title), width=110)


def article_spans(article: Mapping, quotes: pd.DataFrame, mentions: pd.DataFrame) -> list[tuple[int, int, str]]:
    """Highlight spans of one article: quotes by kind, speaker mentions, dated references."""
    spans = []
    q = quotes[quotes["article_id"] == article["id"]]
    for row in q.itertuples():
        spans.append((row.start, row.end, row.kind if row.kind in ("direct", "partial", "reported") else "direct"))
        if row.speaker_start is not None and not pd.isna(row.speaker_start) and not pd.isna(row.speaker_end):
            spans.append((int(row.speaker_start), int(row.speaker_end), "speaker"))
    m = mentions[mentions["article_id"] == article["id"]]
    spans.extend((row.start, row.end, "date") for row in m.itertuples())
    return spans


def exportable(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose list/array/dict cells are JSON strings, so CSV and Parquet writers take every table."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object and out[col].map(lambda v: hasattr(v, "__len__") and not isinstance(v, str)).any():
            out[col] = out[col].map(lambda v: json.dumps(_jsonable(v), ensure_ascii=False, default=str)
                                    if hasattr(v, "__len__") and not isinstance(v, str) else v)
    return out


def _jsonable(v):
    """Nested lists/tuples/arrays as plain lists."""
    if hasattr(v, "tolist"):
        v = v.tolist()
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    return v


def table_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    """A table as CSV (UTF-8) or Parquet bytes for download."""
    flat = exportable(frame)
    if fmt == "csv":
        return flat.to_csv(index=False).encode("utf-8")
    if fmt == "parquet":
        buf = io.BytesIO()
        flat.to_parquet(buf, index=False)
        return buf.getvalue()
    raise ValueError(f"unknown export format {fmt!r} (csv or parquet)")
