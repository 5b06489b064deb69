"""Corpus-wide analyses kept in the corpus: computed once per corpus version, read back after restarts.

Story grouping, shared-quote renderings and passage reuse take tens of seconds on 5,000 articles. Each result
is stored in its own DuckDB table (``analysis_<name>``) with its key in ``analysis_keys``; the key hashes the
stored articles (ids + row hashes), their quotes and the analysis code, so an upload, a re-ingest or a new
version of an analysis makes the stored result stale and it is computed again. A read-only corpus prepared by
``python -m lib ingest`` already carries them; one that lacks them gets them computed in memory.
"""
from __future__ import annotations

import functools
import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

import duckdb
import pandas as pd

from lib import store
from lib.analyse.overlap import shared_quotes
from lib.analyse.reuse import MIN_CHARS, copied_pairs, reuse_frames
from lib.analyse.speakers import canonicalise_speakers, speaker_names
from lib.analyse.stories import cluster_stories, summarise_stories


@dataclass(frozen=True)
class Analysis:
    """One stored corpus-wide analysis: the function that computes it and the inputs it takes, in order."""

    compute: Callable[..., pd.DataFrame | Iterator[pd.DataFrame]]  # one frame, or frames of rows in order
    inputs: tuple[str, ...]  # each one of: articles, quotes, mentions, assignment, copied (see corpus_inputs)


# name -> analysis, in the order they are prepared: "stories" reads "assignment" and the copies "passages" find,
# prepared before it; the analyses that read the articles come first, so that the articles (every text) are let go
# before the quotes are read.
REGISTRY = {
    "assignment": Analysis(cluster_stories, ("articles", "mentions")),
    "passages": Analysis(functools.partial(reuse_frames, min_chars=MIN_CHARS), ("articles",)),
    "stories": Analysis(summarise_stories, ("articles", "assignment", "copied")),
    "renderings": Analysis(shared_quotes, ("quotes",)),
}
ANALYSES = tuple(REGISTRY)
LIST_RESULT_COLUMNS = {"stories": ("terms", "outlets", "article_ids")}  # DuckDB returns lists as arrays
KEYS_TABLE = "analysis_keys"
# The code whose output is stored: the analyses (this file among them) and the domain facts they read; a change to
# any of these files makes every stored result stale.
CODE_FILES = sorted(p for folder in ("analyse", "domain") for p in (Path(__file__).parents[1] / folder).rglob("*.py"))


def corpus_quotes(con) -> pd.DataFrame:
    """Every stored quote, speakers canonicalised across the corpus, plus `who` (canonical id, else as written)."""
    quotes = canonicalise_speakers(store.load_quotes(con))
    return quotes.assign(who=speaker_names(quotes))


def corpus_key(con) -> str:
    """A hash of the stored articles (ids, row hashes), their quotes and dated references, and the analysis code."""
    articles = con.execute("SELECT count(*), coalesce(md5(string_agg(id || ':' || coalesce(row_hash, ''), ',' "
                           "ORDER BY id)), '') FROM articles").fetchone()
    quotes = con.execute("""SELECT count(*), coalesce(md5(string_agg(concat_ws('|', article_id, start, "end", kind,
                            speaker, speaker_id, text), ',' ORDER BY article_id, start, "end")), '') FROM quotes""").fetchone()
    mentions = con.execute("""SELECT count(*), coalesce(md5(string_agg(concat_ws('|', article_id, start, "end", value,
                              granularity), ',' ORDER BY article_id, start, "end")), '') FROM date_mentions""").fetchone()
    code = hashlib.sha1(b"".join(p.read_bytes() for p in CODE_FILES)).hexdigest()
    return hashlib.sha1(f"{articles}|{quotes}|{mentions}|{code}".encode("utf-8")).hexdigest()[:20]


def compute_frames(name: str, inputs: Mapping[str, Callable[[], pd.DataFrame]]) -> Iterator[pd.DataFrame]:
    """One corpus-wide analysis from its inputs (passed as loaders, so each is read only when needed), as frames of
    its rows in order: one frame, or several for an analysis whose whole result would not fit beside its inputs."""
    if name not in REGISTRY:
        raise ValueError(f"no corpus analysis named {name!r} (one of {', '.join(ANALYSES)})")
    analysis = REGISTRY[name]
    result = analysis.compute(*(inputs[given]() for given in analysis.inputs))
    return iter([result]) if isinstance(result, pd.DataFrame) else result


def compute_analysis(name: str, inputs: Mapping[str, Callable[[], pd.DataFrame]]) -> pd.DataFrame:
    """One corpus-wide analysis from its inputs, as one frame."""
    frames = list(compute_frames(name, inputs))
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def stored_key(con, name: str) -> str | None:
    """The corpus key ``name`` was last stored under (None when never)."""
    try:
        row = con.execute(f"SELECT key FROM {KEYS_TABLE} WHERE name = ?", [name]).fetchone()
    except duckdb.CatalogException:  # no analysis stored in this corpus yet
        return None
    return row[0] if row else None


def read_analysis(con, name: str, key: str) -> pd.DataFrame | None:
    """The stored result of ``name`` for this corpus key, or None when it is missing or stale."""
    if stored_key(con, name) != key:
        return None
    frame = con.execute(f"SELECT * FROM analysis_{name}").df()
    for col in LIST_RESULT_COLUMNS.get(name, ()):
        frame[col] = [list(v) if v is not None else [] for v in frame[col]]
    return frame


def write_analysis(con, name: str, key: str, frames: pd.DataFrame | Iterable[pd.DataFrame], started: float) -> None:
    """Store (replace) the result of ``name`` under this corpus key: one frame, or frames of rows in order (each
    written as it comes, so the whole result is never held); ``started`` is the time.perf_counter() at which its
    computing began (frames may be computed while they are written), for the seconds stored beside it."""
    con.execute(f"CREATE TABLE IF NOT EXISTS {KEYS_TABLE} (name VARCHAR PRIMARY KEY, key VARCHAR, "
                "computed_at TIMESTAMP, seconds DOUBLE)")
    for k, frame in enumerate([frames] if isinstance(frames, pd.DataFrame) else frames):
        if frame.empty and k == 0:  # no rows to infer column types from: empty VARCHAR columns keep the names
            columns = ", ".join(f'NULL::VARCHAR AS "{c}"' for c in frame.columns) or "NULL::VARCHAR AS empty"
            con.execute(f"CREATE OR REPLACE TABLE analysis_{name} AS SELECT {columns} LIMIT 0")
        elif not frame.empty:
            con.register("_analysis_frame", frame)
            try:
                con.execute(f"CREATE OR REPLACE TABLE analysis_{name} AS SELECT * FROM _analysis_frame" if k == 0
                            else f"INSERT INTO analysis_{name} SELECT * FROM _analysis_frame")
            finally:
                con.unregister("_analysis_frame")
    con.execute(f"INSERT OR REPLACE INTO {KEYS_TABLE} VALUES (?, ?, now(), ?)",
                [name, key, time.perf_counter() - started])


def corpus_analysis(con, name: str, key: str, inputs: Mapping[str, Callable[[], pd.DataFrame]],
                    writable: bool) -> pd.DataFrame:
    """The stored result of ``name`` when current, else computed (and stored when the corpus is writable)."""
    frame = read_analysis(con, name, key)
    if frame is not None:
        return frame
    if not writable:
        return compute_analysis(name, inputs)
    write_analysis(con, name, key, compute_frames(name, inputs), time.perf_counter())
    return read_analysis(con, name, key)


class Inputs(dict):
    """name -> loader of an analysis input, each read at most once and kept until released."""

    def __init__(self, loaded: dict[str, pd.DataFrame]):
        super().__init__()
        self.loaded = loaded

    def release(self, keep: set[str]) -> None:
        """Let go of every input read so far except those named in ``keep`` (read again if asked for again)."""
        for name in [n for n in self.loaded if n not in keep]:
            del self.loaded[name]


def corpus_inputs(con, key: str, writable: bool) -> Inputs:
    """Loaders of what an analysis may read, from the corpus itself, each read at most once: stored articles (without
    their list columns), canonicalised quotes, dated references, the story assignment and the articles' copies
    (stored or computed)."""
    loaded: dict[str, pd.DataFrame] = {}

    def once(name: str, load: Callable[[], pd.DataFrame]) -> Callable[[], pd.DataFrame]:
        """``load``, called on first use only."""
        def loader() -> pd.DataFrame:
            """The input, read once."""
            if name not in loaded:
                loaded[name] = load()
            return loaded[name]
        return loader

    inputs = Inputs(loaded)
    inputs.update({"articles": once("articles", lambda: store.load_articles(con, lists=False)),
                   "quotes": once("quotes", lambda: corpus_quotes(con)),
                   "mentions": once("mentions", lambda: store.load_date_mentions(con))})
    inputs["assignment"] = once("assignment", lambda: corpus_analysis(con, "assignment", key, inputs, writable))
    inputs["copied"] = once("copied", lambda: _copied(con, key, inputs, writable))
    return inputs


def _copied(con, key: str, inputs: Inputs, writable: bool) -> pd.DataFrame:
    """The articles' copies (reuse.copied_pairs) from the passages, stored (read back without their texts) or
    computed now; none when the passages cannot be found: that failure is the passages' own (prepare_analyses
    reports it), and the stories still stand, their reports told apart by `via` alone."""
    if stored_key(con, "passages") == key:
        return copied_pairs(con.execute("SELECT source_id, target_id, share_of_target FROM analysis_passages").df())
    try:
        return copied_pairs(corpus_analysis(con, "passages", key, inputs, writable))
    except Exception:  # noqa: BLE001 - a failure of passage reuse must not take the stories with it
        return copied_pairs(None)


def stored_analysis(con, name: str, writable: bool = False) -> pd.DataFrame:
    """A corpus-wide analysis as the corpus holds it: read back when current, else computed from the corpus."""
    key = corpus_key(con)
    return corpus_analysis(con, name, key, corpus_inputs(con, key, writable), writable)


def prepare_analyses(con, failures: dict[str, str] | None = None) -> dict[str, float]:
    """Compute and store every missing or stale corpus analysis; seconds spent per analysis computed.

    With ``failures`` (a dict), an analysis that raises is recorded there (name -> the error in words) and the
    others are still prepared (one that reads a failed one fails with it); without it, the error propagates.
    """
    key = corpus_key(con)
    inputs = corpus_inputs(con, key, writable=True)
    spent = {}
    for k, name in enumerate(ANALYSES):
        # an input no analysis left to prepare reads is let go (a 100k corpus's quotes while passages are found)
        inputs.release({given for later in ANALYSES[k:] for given in REGISTRY[later].inputs})
        if stored_key(con, name) != key:
            started = time.perf_counter()
            try:
                write_analysis(con, name, key, compute_frames(name, inputs), started)
            except Exception as exc:
                if failures is None:
                    raise
                words = str(exc).strip().splitlines()[0] if str(exc).strip() else "no message"
                failures[name] = f"{type(exc).__name__}: {words}"
                continue
            spent[name] = time.perf_counter() - started
    return spent
