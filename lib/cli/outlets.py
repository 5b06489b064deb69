"""`python -m lib outlets FILE [--db FILE]`: store what each outlet is (the outlets file), or list what is stored."""
from __future__ import annotations

import sys

from lib.cli import add_db_argument, add_format_argument, print_frame

EXAMPLES = """  python -m lib outlets outlets.csv --db corpus.duckdb
  python -m lib outlets --db corpus.duckdb            # list the described outlets
"""


def configure(parser) -> None:
    """Options: the outlets file (CSV or JSON) to store; without one, the stored descriptions are listed."""
    parser.add_argument("file", nargs="?", metavar="FILE",
                        help="outlets file: `outlet`, `aliases`, and any attribute columns (type, country, ...)")
    add_db_argument(parser)
    add_format_argument(parser)


def run(args) -> int:
    """Store the file's outlets (exit 1 if none was read) or print the stored ones."""
    from lib.store import connect, load_outlets

    con = connect(args.db)
    try:
        if args.file:
            stored = store_outlets_file(con, args.file)
            return 0 if stored else 1
        frame = load_outlets(con)
        frame["aliases"] = frame["aliases"].map("; ".join)
        print_frame(frame, args.format)
        return 0
    finally:
        con.close()


def add_outlets_argument(parser) -> None:
    """The --outlets option that ingest and fetch share."""
    parser.add_argument("--outlets", metavar="FILE",
                        help="an outlets file describing the outlets (see `python -m lib outlets --help`)")


def store_outlets_file(con, path: str) -> int:
    """Read and store an outlets file; print what was stored and one line per problem; returns the count stored."""
    from lib.ingest.outlets import read_outlets
    from lib.models import ParseError
    from lib.store import store_outlets

    try:
        with open(path, "rb") as handle:
            infos, errors = read_outlets(handle.read(), path)
    except OSError as exc:
        print(f"{path}: cannot read ({exc.strerror or exc})", file=sys.stderr)
        return 0
    except ParseError as exc:
        print(str(exc), file=sys.stderr)
        return 0
    stored = store_outlets(con, infos)
    attributes = sorted({k for i in infos for k in i.attributes})
    print(f"outlets: {stored} described ({', '.join(attributes) or 'no attributes'})")
    for error in errors:
        print(error, file=sys.stderr)
    return stored
