"""HTML ingestion against public gold: publication-date accuracy and body-start recall, with baselines.

    python -m bench.html_eval            # both evaluations, figures printed
    python -m bench.html_eval --verbose  # plus one line per miss

Dates (../shared/data/htmldate_mediacloud, gold_dev.jsonl): exact-day accuracy of ``Article.published_date()``
from ``parse_html`` (page bytes only, as the pipeline sees a saved file), against htmldate alone
(``find_date(original_date=True)``) and trafilatura alone (``bare_extraction(...).date``) on the same bytes.
A page whose gold date is null counts as correct only when the method returns no date.

Bodies (../shared/data/goose3_fixtures, index_dev.jsonl): a page counts when the extracted body, whitespace
collapsed, contains the first BODY_PREFIX_CHARS characters of goose3's expected ``cleaned_text`` (the whole
of it when shorter), whitespace collapsed; baseline trafilatura alone (``extract``).
"""
from __future__ import annotations

import argparse
import json
import time

from bench.corpus import DATA, require

BODY_PREFIX_CHARS = 100


def _collapse(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())


def evaluate_dates(verbose: bool = False, baselines: bool = True) -> dict[str, float]:
    """Exact-day accuracy of ours (and, with ``baselines``, htmldate alone and trafilatura alone) on MediaCloud."""
    import trafilatura
    from htmldate import find_date

    from lib.ingest.html import parse_html
    from lib.models import ParseError

    folder = require(DATA / "htmldate_mediacloud")
    rows = [json.loads(line) for line in (folder / "gold_dev.jsonl").open(encoding="utf-8")]
    hits = {"ours": 0, "htmldate": 0, "trafilatura": 0, "htmldate+url": 0} if baselines else {"ours": 0}
    seconds = 0.0
    for row in rows:
        data = (folder / row["file"]).read_bytes()
        gold = row["gold_date"]
        t0 = time.perf_counter()
        try:
            day = parse_html(data, row["file"]).published_date()
        except ParseError:
            day = None
        seconds += time.perf_counter() - t0
        got = {"ours": day.isoformat() if day else None}
        if baselines:
            got["htmldate"] = find_date(data, original_date=True)
            got["htmldate+url"] = find_date(data, url=row["url"], original_date=True)
            got["trafilatura"] = getattr(trafilatura.bare_extraction(data, with_metadata=True), "date", None)
        for name, value in got.items():
            hits[name] += value == gold
        if verbose and got["ours"] != gold:
            print(f"  date miss {row['file']}: gold {gold} ours {got['ours']} htmldate {got.get('htmldate')}")
    n = len(rows)
    nulls = sum(r["gold_date"] is None for r in rows)
    print(f"dates: {n} pages ({nulls} with null gold, correct only if no date is returned)")
    for name, h in hits.items():
        print(f"  {name:<14} exact-day accuracy {h / n:.3f} ({h}/{n})")
    print(f"  parse_html: {n / seconds:.1f} pages/s")
    return {k: v / n for k, v in hits.items()}


def evaluate_bodies(verbose: bool = False, baselines: bool = True) -> dict[str, float]:
    """Share of goose3 pages whose body contains the start of goose3's expected text: ours (and trafilatura)."""
    import trafilatura

    from lib.ingest.html import parse_html
    from lib.models import ParseError

    folder = require(DATA / "goose3_fixtures")
    rows = [json.loads(line) for line in (folder / "index_dev.jsonl").open(encoding="utf-8")]
    hits = {"ours": 0, "trafilatura": 0} if baselines else {"ours": 0}
    for row in rows:
        data = (folder / row["html_file"]).read_bytes()
        expected = _collapse(row["expected"]["cleaned_text"])[:BODY_PREFIX_CHARS]
        try:
            ours = parse_html(data, row["html_file"]).text
        except ParseError:
            ours = ""
        got = {"ours": ours}
        if baselines:
            got["trafilatura"] = trafilatura.extract(data) or ""
        for name, body in got.items():
            hits[name] += expected in _collapse(body)
        if verbose and expected not in _collapse(ours):
            print(f"  body miss {row['name']}: expected {expected[:60]!r} got {_collapse(ours)[:60]!r}")
    n = len(rows)
    print(f"bodies: {n} pages, expected text's first {BODY_PREFIX_CHARS} chars (whitespace collapsed) in the body")
    for name, h in hits.items():
        print(f"  {name:<14} share {h / n:.3f} ({h}/{n})")
    return {k: v / n for k, v in hits.items()}


def main() -> None:
    """Run both evaluations and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="one line per miss")
    args = parser.parse_args()
    evaluate_dates(args.verbose)
    evaluate_bodies(args.verbose)


if __name__ == "__main__":
    main()
