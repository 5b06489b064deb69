"""Precision proxy for passage reuse on ECB+: cross-outlet reuse pairs within gold events versus across events.

ECB+ groups news reports by real-world event (event_cluster) and by topic (two similar events per topic, e.g.
two different earthquakes). Reuse between reports of one event is plausible (the same wire copy); reuse
between different events is almost always a false positive (or shared boilerplate). ECB+ has no dates, so each
document gets a deterministic date (2009-01-01 plus a hash of its id modulo 30 days); directions are then
arbitrary and not scored here.

    python -m bench.reuse_eval [--min-chars N] [--all-pairs] [--examples K]
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
import time

import pandas as pd

from bench.corpus import ecbplus_articles
from lib.analyse.reuse import MIN_CHARS, find_reuse


def ecbplus_frame() -> pd.DataFrame:
    """ECB+ documents as an articles frame (id, text, outlet, via, published, event_cluster, topic)."""
    rows = []
    for d in ecbplus_articles():
        offset = int(hashlib.sha256(d["id"].encode()).hexdigest(), 16) % 30
        rows.append({"id": d["id"], "text": d["text"], "outlet": d["outlet"], "via": None,
                     "published": pd.Timestamp(dt.date(2009, 1, 1) + dt.timedelta(days=offset)),
                     "event_cluster": d["event_cluster"], "topic": d["topic"]})
    return pd.DataFrame(rows)


def main(argv=None) -> int:
    """Run find_reuse on ECB+ and print pair counts within events, across events of a topic, across topics."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-chars", type=int, default=MIN_CHARS)
    ap.add_argument("--all-pairs", action="store_true", help="every aligned pair (passim), not one source per stretch")
    ap.add_argument("--examples", type=int, default=3, help="cross-event passages to print for inspection")
    args = ap.parse_args(argv)
    arts = ecbplus_frame()
    t0 = time.perf_counter()
    passages = find_reuse(arts, min_chars=args.min_chars, one_source=not args.all_pairs)
    seconds = time.perf_counter() - t0
    event = dict(zip(arts["id"], arts["event_cluster"]))
    topic = dict(zip(arts["id"], arts["topic"]))
    pairs = passages.groupby(["source_id", "target_id"], as_index=False).agg(
        chars=("chars", "sum"), share=("share_of_target", "first"))
    pairs["kind"] = ["within event" if event[s] == event[t] else "across events, same topic" if topic[s] == topic[t]
                     else "across topics" for s, t in zip(pairs["source_id"], pairs["target_id"])]
    counts = pairs["kind"].value_counts()
    within = int(counts.get("within event", 0))
    print(f"ECB+ dev: {len(arts)} documents, {arts['event_cluster'].nunique()} events, "
          f"{arts['topic'].nunique()} topics; find_reuse (min_chars={args.min_chars}, "
          f"{'all pairs' if args.all_pairs else 'one source per stretch'}) in {seconds:.2f} s")
    print(f"cross-outlet reuse pairs: {len(pairs)}")
    for kind in ("within event", "across events, same topic", "across topics"):
        print(f"  {kind:<26} {int(counts.get(kind, 0)):>5}")
    print(f"precision proxy (within event / all): {within / len(pairs):.3f}" if len(pairs) else "no pairs")
    print(f"median reused share of the target, within events: "
          f"{pairs.loc[pairs['kind'] == 'within event', 'share'].median():.3f}")
    crossing = passages.merge(pairs[pairs["kind"] != "within event"][["source_id", "target_id", "kind"]])
    for r in crossing.head(args.examples).itertuples():
        print(f"- {r.kind}: {r.source_id} -> {r.target_id} ({r.chars} chars): {r.target_text[:160]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
