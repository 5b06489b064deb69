"""parse -> extract -> store, files stored in batches (one transaction each), one report row per input file."""
from __future__ import annotations

import os
from typing import Sequence

from lib.extract import extract_article
from lib.ingest import DEFAULT_MAX_BYTES, FileResult, parse_paths
from lib.store import record_report, store_files

FILES_PER_TRANSACTION = 500  # one commit per this many files: a file-backed DuckDB commit costs ~10 ms


def ingest_paths(con, paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES) -> list[tuple[FileResult, int, int]]:
    """Parse, extract and store every file under ``paths``; returns (result, added, removed) per file.

    A rejected file stores nothing and removes nothing, so a broken re-upload never loses what was stored.
    """
    results = parse_paths(paths, max_bytes=max_bytes)
    out = []
    for lo in range(0, len(results), FILES_PER_TRANSACTION):
        chunk = results[lo:lo + FILES_PER_TRANSACTION]
        batch = []
        for result in chunk:
            if result.articles:
                quotes, mentions = [], []
                for article in result.articles:
                    q, m = extract_article(article)
                    quotes.extend(q)
                    mentions.extend(m)
                # a partial file (some rows unreadable) adds and replaces but never prunes
                batch.append((os.path.abspath(result.path), result.articles, quotes, mentions,
                              result.status == "ok"))
        counts = iter(store_files(con, batch))
        record_report(con, [(r.path, r.status, r.reason, [a.id for a in r.articles]) for r in chunk])
        out.extend((r, *next(counts)) if r.articles else (r, 0, 0) for r in chunk)
    return out
