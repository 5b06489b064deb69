"""`python -m lib quotes`: list the stored quotes (speaker, outlet, date, kind, cue, text), one speaker id per person."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lib.cli import add_db_argument, add_format_argument, open_stored_corpus, print_frame

EXAMPLES = """  python -m lib quotes --db corpus.duckdb
  python -m lib quotes --db corpus.duckdb --speaker Putin
  python -m lib quotes --db corpus.duckdb --outlet TASS --format jsonl > quotes.jsonl
"""
if TYPE_CHECKING:
    import pandas as pd

OUTPUT_COLUMNS = ("speaker_id", "outlet", "date", "kind", "cue", "text")
QUOTE_WIDTH = 80  # quote characters in the table: the gist on one line; --format jsonl has the whole text
JSONL_COLUMNS = OUTPUT_COLUMNS + ("speaker", "speaker_role", "cue_class", "article_id", "start", "end", "utterance")


def configure(parser) -> None:
    """Options: corpus file, output format, and filters by speaker and outlet."""
    add_db_argument(parser)
    add_format_argument(parser)
    parser.add_argument("--speaker", help="only quotes whose speaker (canonical or as written) contains NAME")
    parser.add_argument("--outlet", help="only quotes from outlets whose name contains NAME")


def filter_quotes(quotes: pd.DataFrame, speaker: str | None = None, outlet: str | None = None) -> pd.DataFrame:
    """Rows whose speaker id / speaker as written, and outlet, contain the given text (case-insensitive)."""
    import pandas as pd

    keep = pd.Series(True, index=quotes.index)
    if speaker:
        keep &= (quotes["speaker_id"].fillna("").str.contains(speaker, case=False, regex=False)
                 | quotes["speaker"].fillna("").str.contains(speaker, case=False, regex=False))
    if outlet:
        keep &= quotes["outlet"].fillna("").str.contains(outlet, case=False, regex=False)
    return quotes[keep]


def run(args) -> int:
    """Load the quotes, give each person one speaker id across the corpus, filter, and print them."""
    import pandas as pd

    from lib.analyse.speakers import canonicalise_speakers
    from lib.store import load_quotes

    con = open_stored_corpus(args.db)
    if con is None:
        return 2
    try:
        quotes = canonicalise_speakers(load_quotes(con))
    finally:
        con.close()
    quotes = filter_quotes(quotes, args.speaker, args.outlet)
    quotes["date"] = quotes["published"].map(lambda v: None if pd.isna(v) else pd.Timestamp(v).date().isoformat())
    frame = quotes[list(JSONL_COLUMNS if args.format == "jsonl" else OUTPUT_COLUMNS)].copy()
    if args.format == "table":
        frame["text"] = frame["text"].str.replace(r"\s+", " ", regex=True).str.slice(0, QUOTE_WIDTH)
    print_frame(frame.astype(object).where(frame.notna(), None), args.format)
    return 0
