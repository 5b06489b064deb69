"""Command-line dispatcher: a table of sub-commands, each a module with configure(parser) and run(args)."""
from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

# (command, module under lib.cli, one-line help). Each module defines EXAMPLES, configure(parser), run(args).
# Only the chosen command's module is imported: the modules import the pipeline stages (pandas, DuckDB,
# scikit-learn) that `--help` and the other commands do not need.
COMMANDS = (
    ("parse", "parse", "parse files and print articles without storing them"),
    ("ingest", "ingest", "parse files, extract quotes and dates, and store them in the DuckDB corpus"),
    ("fetch", "fetch", "download pages (URLs, a feed, a sitemap) politely and ingest them"),
    ("outlets", "outlets", "store what each outlet is (type, country, ...) from an outlets file, or list them"),
    ("quotes", "quotes", "list the stored quotes (speaker, outlet, date, text)"),
    ("stories", "stories", "group stored articles into stories"),
    ("framing", "framing", "compare how each outlet framed one story"),
    ("overlap", "overlap", "shared quotes across outlets, with their renderings and diffs"),
    ("reuse", "reuse", "reused passages between articles, with direction"),
    ("batch", "batch", "parse, extract and analyse on Apache Spark into a Parquet dataset (needs pyspark)"),
)

TABLE_WIDTH = 200  # characters per table line: wide enough for a quote row, narrow enough for a terminal log
TABLE_CELL_WIDTH = 80  # longest cell before pandas cuts it with "...": one short sentence of a quote


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """The shared --db option (default: the user data folder's corpus.duckdb)."""
    from lib.store import default_db_path

    parser.add_argument("--db", default=None, help=f"DuckDB corpus file (default: {default_db_path()})")


def open_stored_corpus(db):
    """A read-only connection to an existing corpus file (``:memory:`` is opened writable), or None after saying why."""
    from lib.store import connect, default_db_path

    path = db or default_db_path()
    if os.path.isdir(path):  # a `python -m lib batch` output: its Parquet files, opened in place
        from lib.spark.dataset import open_dataset

        try:
            return open_dataset(path)
        except FileNotFoundError as exc:
            print(exc, file=sys.stderr)
            return None
    if str(path) != ":memory:" and not os.path.exists(path):
        print(f"{path}: no such corpus file (create one with `python -m lib ingest --db {path} FILES`)",
              file=sys.stderr)
        return None
    return connect(path, read_only=str(path) != ":memory:")


def add_format_argument(parser: argparse.ArgumentParser, choices=("table", "jsonl"), default="table") -> None:
    """The shared --format option."""
    parser.add_argument("--format", choices=choices, default=default, help=f"output format (default: {default})")


def print_frame(frame: pd.DataFrame, fmt: str, out=None) -> None:
    """Print a frame as JSONL (one record per line) or as an aligned text table."""
    import pandas as pd

    out = out or sys.stdout
    if fmt == "jsonl":
        write_jsonl(frame.to_dict(orient="records"), out)
    elif frame.empty:
        out.write("(no rows)\n")
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", TABLE_WIDTH,
                               "display.max_colwidth", TABLE_CELL_WIDTH):
            out.write(frame.to_string(index=False) + "\n")


def write_jsonl(records, out=None) -> None:
    """Write dicts as strict JSON lines (missing values as null, never NaN)."""
    from lib.models import json_value

    out = out or sys.stdout
    for rec in records:
        out.write(json.dumps(json_value(rec), ensure_ascii=False, default=str, allow_nan=False) + "\n")


def chosen_command(argv: list[str]) -> str | None:
    """The sub-command named in argv: its first word that is not an option (the top level has only -h)."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The top-level parser with one sub-parser per row of COMMANDS; only ``command``'s module is imported."""
    parser = argparse.ArgumentParser(prog="python -m lib", description=__doc__)
    subs = parser.add_subparsers(dest="command", required=True)
    for name, module_name, help_text in COMMANDS:
        if name != command:  # listed in the top-level help, never parsed: argparse parses only one sub-command
            subs.add_parser(name, help=help_text)
            continue
        module = importlib.import_module(f"lib.cli.{module_name}")
        sub = subs.add_parser(name, help=help_text, description=help_text,
                              epilog="examples:\n" + module.EXAMPLES,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
        module.configure(sub)
        sub.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one sub-command; returns the process exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(chosen_command(argv)).parse_args(argv)
    try:
        return int(args._run(args) or 0)
    except BrokenPipeError:  # `python -m lib parse ... | head`
        return 0
    except Exception as exc:
        if not is_corpus_error(exc):
            raise
        # --db is a folder, not a DuckDB file, damaged, or locked by another process for longer than the wait
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"error: cannot use corpus {getattr(args, 'db', None) or 'file'}: {first}", file=sys.stderr)
        return 2


def is_corpus_error(exc: BaseException) -> bool:
    """True for a DuckDB error or a corpus locked too long by another process; the modules are looked up, not
    imported: a command that never loaded them raised none."""
    duckdb, store = sys.modules.get("duckdb"), sys.modules.get("lib.store")
    return ((duckdb is not None and isinstance(exc, duckdb.Error))
            or (store is not None and isinstance(exc, store.CorpusBusy)))
