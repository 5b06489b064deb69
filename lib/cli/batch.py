"""`python -m lib batch`: the batch pipeline on Apache Spark (parse, extract, analyses) into a Parquet dataset."""
from __future__ import annotations

import argparse
import sys

EXAMPLES = """\
  python -m lib batch my_articles/ exports/*.jsonl --out corpus.parquet               # local mode, every core
  python -m lib batch /shared/news --out /shared/corpus.parquet --master spark://host:7077
  spark-submit --py-files lib.zip -m lib batch /shared/news --out /shared/corpus.parquet   # see README
  streamlit run dashboard.py -- --parquet corpus.parquet                              # open the result
"""


def configure(parser: argparse.ArgumentParser) -> None:
    """Inputs, the output folder and the Spark master."""
    from lib.ingest import DEFAULT_MAX_BYTES

    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="files, folders or shell globs on a filesystem every executor reads (local, NFS ...)")
    parser.add_argument("--out", required=True, help="output folder of the Parquet dataset (replaced)")
    parser.add_argument("--master", default=None,
                        help="Spark master: local[*] (default), local[N], spark://host:7077, yarn ... "
                             "(under spark-submit, the one it was given)")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                        help=f"reject files larger than this (default {DEFAULT_MAX_BYTES:,})")


def run(args: argparse.Namespace) -> int:
    """Run the batch; exit 0 when any article was written, 1 when none was."""
    try:
        from lib.spark.batch import run_batch
        from lib.spark.session import start_session
    except ImportError as exc:
        print(f"error: the Spark batch needs pyspark (pip install -r requirements-spark.txt): {exc}", file=sys.stderr)
        return 2
    spark = start_session(args.master)
    try:
        counts = run_batch(spark, args.inputs, args.out, max_bytes=args.max_bytes)
    finally:
        spark.stop()
    print(f"{args.out}: " + ", ".join(f"{n} {table}" for table, n in counts.items()))
    return 0 if counts.get("articles") else 1
