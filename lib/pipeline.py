"""parse -> extract -> store, one file at a time, with one report row per input file."""
from __future__ import annotations

import os
from typing import Sequence

from lib.extract import extract_article
from lib.ingest import DEFAULT_MAX_BYTES, FileResult, parse_paths
from lib.store import record_report, store_file


def ingest_paths(con, paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES) -> list[tuple[FileResult, int, int]]:
    """Parse, extract and store every file under ``paths``; returns (result, added, removed) per file.

    A rejected file stores nothing and removes nothing, so a broken re-upload never loses what was stored.
    """
    out = []
    for result in parse_paths(paths, max_bytes=max_bytes):
        added = removed = 0
        if result.articles:
            quotes, mentions = [], []
            for article in result.articles:
                q, m = extract_article(article)
                quotes.extend(q)
                mentions.extend(m)
            added, removed = store_file(con, os.path.abspath(result.path), result.articles, quotes, mentions)
        record_report(con, [(result.path, result.status, result.reason, [a.id for a in result.articles])])
        out.append((result, added, removed))
    return out
