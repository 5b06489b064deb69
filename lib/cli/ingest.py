"""`python -m lib ingest PATH... [--db FILE]`: parse, extract and store files, then print the report."""
from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import replace

from lib.cli import add_db_argument
from lib.cli.fetch import print_fetched, run_fetch
from lib.cli.outlets import add_outlets_argument, store_outlets_file
from lib.cli.parse import add_max_bytes_argument, print_problems
from lib.domain.outlets import UNKNOWN_OUTLET, outlet_label

EXAMPLES = """  python -m lib ingest seeds/
  python -m lib ingest wire/ exports/articles.jsonl --db corpus.duckdb
  python -m lib ingest huge.csv --db corpus.duckdb --max-bytes 200000000
"""


def configure(parser) -> None:
    """Options: paths, corpus file, size limit."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (recursive)")
    add_db_argument(parser)
    add_max_bytes_argument(parser)
    add_outlets_argument(parser)
    parser.add_argument("--fetch", action="store_true",
                        help="download the pages of rows that give a URL but no text (Media Cloud, GDELT exports), "
                             "with `fetch`'s default politeness")
    parser.add_argument("--workers", type=int, default=0, metavar="N",
                        help="processes that extract quotes and dates in a large batch (default 0: one per core; "
                             "1: this process only)")


def run(args) -> int:
    """Ingest, then prepare the corpus-wide analyses; print counts plus one line per problem.

    Exit 0 if any article was ingested, else 1. The analyses are stored in the corpus (lib.analyse.stored), so a
    dashboard serving it read-only starts without recomputing them.
    """
    from lib.analyse.stored import prepare_analyses
    from lib.pipeline import ingest_stream
    from lib.store import connect, default_db_path

    con = connect(args.db)
    failed: dict[str, str] = {}
    try:
        if args.outlets:
            store_outlets_file(con, args.outlets)
        started = time.perf_counter()
        # each file's parsed articles go once stored: the analyses read them from the corpus (a batch of any size is
        # held one chunk at a time); of the files, their counts and the results that have something to say are kept
        statuses: Counter = Counter()
        noted, parsed, added, removed = [], 0, 0, 0
        missing: Counter = Counter()  # parsed articles that state no date, that name no outlet
        for result, stored, dropped in ingest_stream(con, args.paths, max_bytes=args.max_bytes,
                                                     workers=args.workers):
            parsed, added, removed = parsed + len(result.articles), added + stored, removed + dropped
            missing.update(undated=sum(a.published is None for a in result.articles),
                           unnamed=sum(outlet_label(a.outlet) == UNKNOWN_OUTLET for a in result.articles))
            statuses[result.status] += 1
            if result.status != "ok" or result.reason or result.errors or result.warnings:
                noted.append(replace(result, articles=()))
        stored_in = time.perf_counter() - started
        fetched = fetch_export_links(con, args.paths) if args.fetch else []
        spent = prepare_analyses(con, failures=failed)
    finally:
        con.close()
    print(f"files: {statuses.total()} ({statuses['ok']} ok, {statuses['partial']} partial, "
          f"{statuses['rejected']} rejected" + (f", {statuses['skipped']} skipped" if statuses['skipped'] else "")
          + ")")
    print(f"articles: {parsed} parsed, {added} added, {parsed - added} unchanged, {removed} removed")
    if missing["undated"] or missing["unnamed"]:
        # not errors, but half a corpus off the time axes or out of every outlet's count is worth knowing at once
        print(f"of the parsed articles: {missing['undated']} with no date found (off the time axes; their stories are "
              f"placed by their texts), {missing['unnamed']} naming no outlet (counted under no outlet)")
    print(f"corpus: {args.db or default_db_path()}")
    print(f"ingest: parsed, extracted and stored in {stored_in:.1f} s")
    if spent:
        print("analyses stored: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in spent.items()))
    for name, why in failed.items():  # the articles are stored; the page that needs this analysis says it failed
        print(f"analysis {name} failed: {why}")
    print_problems(noted, sys.stdout)
    print_fetched(fetched)
    return 0 if parsed or any(r.status == "ok" for r in fetched) else 1


def fetch_export_links(con, paths) -> list:
    """Fetch and ingest the link rows (a URL, no text) of the bulk files under ``paths``."""
    from lib.fetch import export_links
    from lib.fetch.http import Fetcher

    links, problems = export_links(paths)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not links:
        return []
    return run_fetch(con, list(links), Fetcher(), hints=links)
