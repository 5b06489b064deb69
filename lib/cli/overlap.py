"""`python -m lib overlap`: quotes shared across articles, each rendering diffed against the earliest."""
from __future__ import annotations

import sys

from lib.cli import add_db_argument, add_format_argument, open_stored_corpus, print_frame, write_jsonl

EXAMPLES = """  python -m lib overlap --db corpus.duckdb
  python -m lib overlap --db corpus.duckdb --format jsonl > shared_quotes.jsonl"""

TABLE_COLUMNS = ("group_id", "role", "outlet", "published", "relation", "similarity", "changes", "text")


def configure(parser) -> None:
    """Options: --db, --format."""
    add_db_argument(parser)
    add_format_argument(parser)


def describe_changes(rendering: dict) -> str:
    """A compact diff for a table cell: -dropped +added ~old->new, 'cut short' when truncated."""
    parts = [f"~{old}->{new}" for old, new in rendering["replaced"]]
    parts += [f"-{w}" for w in rendering["dropped"]] + [f"+{w}" for w in rendering["added"]]
    if rendering["truncated"]:
        parts.insert(0, "cut short")
    return "; ".join(parts)


def run(args) -> int:
    """Print the plain summary, then the shared-quote groups (table) or one JSON group per line."""
    from lib.analyse.overlap import quote_groups, overlap_summary, shared_quotes
    from lib.cli.reuse import one_line
    from lib.store import load_quotes

    con = open_stored_corpus(args.db)
    if con is None:
        return 2
    quotes = load_quotes(con)
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    renderings = shared_quotes(quotes)
    groups = quote_groups(renderings)
    summary = overlap_summary(groups, renderings, quotes, n_articles=n_articles)
    if args.format == "jsonl":
        if renderings.empty:
            sys.stderr.write(summary + "\n")
        by_group = {g: rows.drop(columns="group_id") for g, rows in renderings.groupby("group_id")}
        write_jsonl({**rec, "renderings": by_group[rec["group_id"]].to_dict(orient="records")}
                    for rec in groups.to_dict(orient="records"))
        return 0
    print(summary)
    if not renderings.empty:
        table = renderings.assign(changes=[describe_changes(r) for r in renderings.to_dict(orient="records")],
                                  text=renderings["text"].map(one_line))
        print_frame(table[list(TABLE_COLUMNS)], "table")
    return 0
