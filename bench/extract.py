"""Extraction throughput: quotes (direct, partial, reported) and dated references on synthetic articles.

Articles are recombined from real ECB+/AllSides paragraphs (bench.corpus.synthetic_articles). Prints articles/s
for quote extraction alone and for the whole extraction step (lib.extract.extract_article); target >= 300/s.

    python -m bench.extract [--n 10000]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time

from bench.corpus import synthetic_articles
from lib.models import Article


def to_articles(rows: list[dict]) -> list[Article]:
    """Article records from synthetic rows (id, outlet, published, title, text)."""
    return [Article(id=r["id"], text=r["text"], outlet=r["outlet"], title=r["title"],
                    published=dt.date.fromisoformat(r["published"]), date_source="metadata") for r in rows]


def measure(label: str, fn, articles: list[Article]) -> float:
    """Run ``fn`` over the articles; print and return articles per second."""
    t0, c0 = time.perf_counter(), time.process_time()
    found = sum(len(x) if isinstance(x, list) else sum(map(len, x)) for x in map(fn, articles))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    rate = len(articles) / cpu if cpu else float("inf")
    # CPU time is the figure to compare: wall time on a shared machine measures the neighbours too.
    print(f"{label:24} {len(articles):6d} articles  wall {elapsed:6.2f}s ({len(articles) / elapsed:6.1f}/s)  "
          f"cpu {cpu:6.2f}s ({rate:6.1f}/s)  {found} records")
    return rate


def main(argv: list[str] | None = None) -> int:
    """Measure and print extraction throughput (target: >= 300 articles/s)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of synthetic articles (default 10000)")
    args = parser.parse_args(argv)
    from lib.extract import extract_article
    from lib.extract.quotes import extract_quotes

    articles = to_articles(synthetic_articles(args.n, seed=7))
    chars = sum(len(a.text) for a in articles) / len(articles)
    print(f"{len(articles)} synthetic articles, {chars:.0f} characters on average")
    quotes_rate = measure("extract_quotes", extract_quotes, articles)
    measure("extract_article (all)", extract_article, articles)
    print(f"quote extraction: {quotes_rate:.0f} articles per CPU-second (target >= 300): "
          f"{'met' if quotes_rate >= 300 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
