"""`python -m lib stories`: group the stored articles into stories and list them."""
from __future__ import annotations

from lib.cli import add_db_argument, add_format_argument, open_stored_corpus, print_frame

EXAMPLES = """  python -m lib stories --db corpus.duckdb
  python -m lib stories --db corpus.duckdb --format jsonl > stories.jsonl
"""
OUTPUT_COLUMNS = ("story_id", "label", "first", "last", "n_articles", "independent_sources", "n_outlets", "outlets",
                  "article_ids")
LABEL_WIDTH = 70  # label characters in the table: a headline's length; --format jsonl has the whole label


def configure(parser) -> None:
    """Options: the corpus file and the output format."""
    add_db_argument(parser)
    add_format_argument(parser)


def run(args) -> int:
    """Print the corpus's stories (as stored by `ingest`, else grouped now), one row each, earliest first."""
    import pandas as pd

    from lib.analyse.stored import stored_analysis

    con = open_stored_corpus(args.db)
    if con is None:
        return 2
    try:  # as `ingest` stored them (computed here when the corpus lacks them or they are stale)
        stories = stored_analysis(con, "stories")
    finally:
        con.close()
    frame = stories[list(OUTPUT_COLUMNS)].copy()
    for col in ("first", "last"):
        frame[col] = frame[col].map(lambda v: None if pd.isna(v) else pd.Timestamp(v).isoformat())
    if args.format == "table":
        frame["outlets"] = frame["outlets"].map(", ".join)
        frame["article_ids"] = frame["article_ids"].map(" ".join)
        frame["label"] = frame["label"].str.slice(0, LABEL_WIDTH)
    print_frame(frame, args.format)
    return 0
