"""`python -m lib parse PATH...`: parse files and print the articles (JSONL interchange or a table), storing nothing."""
from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from lib.cli import add_format_argument, print_frame

if TYPE_CHECKING:
    from lib.ingest import FileResult
    from lib.models import Article

EXAMPLES = """  python -m lib parse seeds/
  python -m lib parse wire.txt exports/ --format jsonl > articles.jsonl
  python -m lib parse big_export.csv --max-bytes 200000000 --format table
"""
FIELD_COLUMNS = ("origin", "outlet", "via", "published", "date_source", "dateline_place")  # Article fields as is
TABLE_COLUMNS = FIELD_COLUMNS + ("title", "chars")
TITLE_WIDTH = 50  # title characters in the table: enough to tell articles apart, short enough for one line


def configure(parser) -> None:
    """Options: paths, output format (JSONL is the interchange format), size limit."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (recursive)")
    add_format_argument(parser, choices=("jsonl", "table"), default="jsonl")
    add_max_bytes_argument(parser)


def add_max_bytes_argument(parser) -> None:
    """The --max-bytes option shared by parse and ingest."""
    from lib.ingest import DEFAULT_MAX_BYTES

    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                        help=f"skip files larger than N bytes (default: {DEFAULT_MAX_BYTES:,})")


def run(args) -> int:
    """Parse and print; problems go to stderr, one line each. Exit 1 only if no article was parsed."""
    from lib.ingest import parse_paths

    results = parse_paths(args.paths, max_bytes=args.max_bytes)
    articles = [a for r in results for a in r.articles]
    if args.format == "jsonl":
        extract = extractor()
        for article in articles:
            sys.stdout.write(json.dumps(article_record(article, extract), ensure_ascii=False) + "\n")
    else:
        import pandas as pd

        rows = [{**{c: _cell(getattr(a, c)) for c in FIELD_COLUMNS}, "title": (a.title or "")[:TITLE_WIDTH],
                 "chars": len(a.text)} for a in articles]
        frame = pd.DataFrame(rows, columns=list(TABLE_COLUMNS))
        print_frame(frame, "table")
    print_problems(results, sys.stderr)
    return 0 if articles else 1


def _cell(value) -> str:
    """A table cell: empty for missing values, ISO for dates."""
    return "" if value is None else value.isoformat() if hasattr(value, "isoformat") else str(value)


def extractor():
    """lib.pipeline.extract_or_report when the extraction stage is importable, else None (fields then omitted)."""
    try:
        from lib.pipeline import extract_or_report
    except ImportError as exc:
        print(f"note: quotes and date_mentions omitted, extraction unavailable ({exc})", file=sys.stderr)
        return None
    return extract_or_report


def article_record(article: Article, extract) -> dict:
    """One JSONL record: the Article fields plus its quotes and dated references when extraction is available (empty,
    with one line on stderr, when it fails on this article)."""
    from lib.ingest import printable
    from lib.models import to_dict

    record = to_dict(article)
    if extract is not None:
        quotes, mentions, failure = extract(article)
        if failure:
            print(printable(failure), file=sys.stderr)
        record["quotes"] = [to_dict(q) for q in quotes]
        record["date_mentions"] = [to_dict(m) for m in mentions]
    return record


def print_problems(results: list[FileResult], out) -> None:
    """One line per rejected or skipped file, per rejected row, per article stored without its extraction, and per
    file that ingested with a warning; file names escaped (a newline or a bidi control in a name stays visible)."""
    from lib.ingest import printable

    for r in results:
        if r.status in ("rejected", "skipped") and not r.errors:
            out.write(f"{printable(r.path)}: {r.status}: {printable(r.reason)}\n")
        for line in r.errors + r.warnings:
            out.write(f"{printable(line)}\n")
        if r.status == "ok" and r.reason:
            out.write(f"{printable(r.path)}: warning: {printable(r.reason)}\n")
