"""`python -m lib reuse`: passages reused between stored articles, with who ran them first."""
from __future__ import annotations

import pandas as pd

from lib.cli import add_db_argument, add_format_argument, open_stored_corpus, print_frame
from lib.domain.sentences import shorten

EXAMPLES = """  python -m lib reuse --db corpus.duckdb
  python -m lib reuse --db corpus.duckdb --min-chars 300 --format jsonl
  python -m lib reuse --db corpus.duckdb --same-outlet   # include reuse inside one outlet
  python -m lib reuse --db corpus.duckdb --groups        # one line per passage with all its carriers"""

TABLE_COLUMNS = ("source_outlet", "target_outlet", "direction", "source_start", "source_end", "target_start",
                 "target_end", "chars", "share_of_target", "target_text")
PASSAGE_WIDTH = 100  # passage characters on a table line: its opening words, enough to recognise it


def configure(parser) -> None:
    """Options: --db, --min-chars, --same-outlet, --groups, --format."""
    from lib.analyse.reuse import MIN_CHARS

    add_db_argument(parser)
    parser.add_argument("--min-chars", type=int, default=MIN_CHARS,
                        help=f"shortest reused passage to report, in characters (default: {MIN_CHARS}); a brief "
                             "item copied whole counts from half that length")
    parser.add_argument("--same-outlet", action="store_true", help="also report reuse inside one outlet")
    parser.add_argument("--groups", action="store_true",
                        help="one row per reused passage with every article carrying it and its earliest source "
                             "(a passage run by 60 outlets is one group of 60, not 1,770 pairs); the table lists "
                             "each group's members under it")
    add_format_argument(parser)


def one_line(text: str, width: int = PASSAGE_WIDTH) -> str:
    """A passage on one table line: paragraph breaks as ' / ', long passages cut with an ellipsis."""
    flat = " / ".join(part.strip() for part in text.split("\n") if part.strip())
    return shorten(flat, width)


def run(args) -> int:
    """Print one row per reused passage (table) or one JSON passage per line."""
    from lib.analyse.reuse import find_reuse, reuse_groups
    from lib.store import load_articles

    con = open_stored_corpus(args.db)
    if con is None:
        return 2
    articles = load_articles(con)
    pairs = find_reuse(articles, min_chars=args.min_chars, same_outlet=args.same_outlet)
    if args.groups:
        return print_groups(reuse_groups(pairs, articles), args.format, len(articles), args.min_chars)
    if args.format == "jsonl":
        print_frame(pairs, "jsonl")
        return 0
    if pairs.empty:
        print(f"No passage of {args.min_chars}+ characters is shared by these {len(articles)} articles.")
        return 0
    n_pairs = pairs.groupby(["source_id", "target_id"]).ngroups
    print(f"{len(pairs)} reused passages in {n_pairs} article pairs.")
    table = pairs.assign(target_text=pairs["target_text"].map(one_line))
    print_frame(table[list(TABLE_COLUMNS)], "table")
    return 0


def print_groups(groups, fmt: str, n_articles: int, min_chars: int) -> int:
    """Print one JSON group per line, or one table line per group followed by its members (outlet, article id)."""
    if fmt == "jsonl":
        print_frame(groups, "jsonl")
        return 0
    if groups.empty:
        print(f"No passage of {min_chars}+ characters is shared by these {n_articles} articles.")
        return 0
    print(f"{len(groups)} reused passages carried by {int(groups['n_carriers'].sum())} article copies in all; "
          "each group names its earliest carrier as source.")
    for row in groups.itertuples(index=False):
        published = "" if row.source_published is None or pd.isna(row.source_published) else \
            f", first {pd.Timestamp(row.source_published):%Y-%m-%d %H:%M}"
        tied = f" (tied on the day with {', '.join(row.tied_outlets)})" if len(row.tied_outlets) else ""
        print(f"\ngroup {row.group}: {row.n_carriers} carriers ({row.n_outlets} outlets), {row.chars} chars, "
              f"source {row.source_outlet or '(unknown outlet)'} {row.source_id}{published}{tied}")
        print(f"  {one_line(row.text or '')}")
        for article, outlet in zip(row.carrier_ids, row.carrier_outlets):
            print(f"    {outlet or '(unknown outlet)'}: {article}")
    return 0
