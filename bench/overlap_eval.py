"""Shared-quote grouping on real text (ECB+ + AllSides) and its cost on a synthetic corpus.

Prints, for the real corpus: groups, altered groups, renderings by relation, 'near' renderings whose character
similarity to the group's earliest is below NEAR_RATIO (admitted by the word rules) and the minimum, and
renderings NOT related to their group's earliest (must be 0). Then shared_quotes time on n and n/4 synthetic
articles (recombined real paragraphs, so many quotes are shared) and the ratio, to show near-linear growth.

    python3 -m bench.overlap_eval [--n 2000]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time

import pandas as pd

from bench.corpus import allsides_articles, ecbplus_articles, synthetic_articles
from lib.analyse.overlap import NEAR_RATIO, _key, classify_pair, quote_groups, shared_quotes, tokenise_quote
from lib.extract import extract_article
from lib.models import QUOTE_COLUMNS, Article, to_frame


def quotes_of(rows: list[dict]) -> pd.DataFrame:
    """Quotes extracted from article rows (id, outlet, text, optional published/date), with outlet and date."""
    frames = []
    for r in rows:
        day = r.get("published") or r.get("date") or ""
        article = Article(id=r["id"], text=r["text"], outlet=r["outlet"],
                          published=dt.date.fromisoformat(day) if len(day) == 10 else None)
        q = to_frame(extract_article(article)[0], QUOTE_COLUMNS)
        frames.append(q.assign(outlet=article.outlet, published=pd.Timestamp(article.published)
                               if article.published else pd.NaT))
    return pd.concat(frames, ignore_index=True)


def unrelated_to_earliest(r: pd.DataFrame) -> int:
    """Renderings whose recorded relation is not what classify_pair says against the group's earliest."""
    first = r[r["role"] == "earliest"].drop_duplicates("group_id").set_index("group_id")["text"]  # same-day ties: the first
    bad = 0
    for g, text, relation in zip(r["group_id"], r["text"], r["relation"]):
        a, b = ([_key(w) for w in tokenise_quote(t)] for t in (first[g], text))
        bad += classify_pair(a, b)[0] is None
    return bad


def main(argv: list[str] | None = None) -> int:
    """Print the real-corpus figures and the synthetic timing."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=2000, help="synthetic articles for the timing (default 2000)")
    args = p.parse_args(argv)
    quotes = quotes_of(list(ecbplus_articles()) + list(allsides_articles()))
    t = time.perf_counter()
    r = shared_quotes(quotes)
    took = time.perf_counter() - t
    g, near = quote_groups(r), r[r["relation"] == "near"]
    print(f"real: {quotes['article_id'].nunique()} articles, {len(quotes)} quotes -> {len(g)} groups, "
          f"{int(g['altered'].sum())} altered, {len(r)} renderings {r['relation'].value_counts().to_dict()}; "
          f"near below {NEAR_RATIO:g}: {int((near['similarity'] < NEAR_RATIO).sum())}, "
          f"min near similarity {near['similarity'].min()}; unrelated to earliest: {unrelated_to_earliest(r)}; "
          f"{took:.2f} s")
    times = {}
    for n in (args.n // 4, args.n):
        q = quotes_of(synthetic_articles(n, seed=3))
        t = time.perf_counter()
        r = shared_quotes(q)
        times[n] = time.perf_counter() - t
        print(f"synthetic: {n} articles, {len(q)} quotes -> {r['group_id'].nunique()} groups in {times[n]:.2f} s")
    print(f"time ratio {args.n}/{args.n // 4} articles: {times[args.n] / times[args.n // 4]:.1f} (4.0 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
