"""HTML ingestion against public gold: publication-date accuracy per set and slice, and body-start recall, with
the libraries the project builds on run on the same bytes.

    python -m bench.html_eval            # dates per set and slice (and the whole set), then bodies
    python -m bench.html_eval --signals  # plus each kind of date evidence's precision (development slices)
    python -m bench.html_eval --verbose  # plus one line per miss (development slices only)

Dates: two sets, ../shared/data/htmldate_default (779 pages of all kinds, gold.jsonl) and
../shared/data/htmldate_mediacloud (50 news pages, gold_dev.jsonl). Each is split by a fixed rule into a
development slice and a blind slice (``blind_slice``: a hash of the file name), fixed before any tuning: the
blind slice's pages are only ever counted, never listed. Exact-day accuracy of ``Article.published_date()``
from ``parse_html`` without the page's URL (as the pipeline sees a saved file) and with it, beside htmldate
alone (``find_date(original_date=True)``) and trafilatura alone (``bare_extraction(...).date``), each with
and without the URL. A page the project rejects (no article body) counts as a miss.

Bodies, whole: tests/data/bodies_gold.jsonl (BODIES_GOLD.md), 90 pages of both date sets whose article bodies were
marked by hand, block by block. Shingle precision, recall and F1 (word 4-grams, counted with repeats; each character of
an unspaced script a word), the mean over the article pages of each set and slice (the same blind rule), beside
trafilatura's own ``extract`` with its defaults and with comments and tables left out as the project asks; and how many
of the pages with no article each returns a body for.

Bodies, start (../shared/data/goose3_fixtures, index_dev.jsonl): a page counts when the extracted body, whitespace
collapsed, contains the first BODY_PREFIX_CHARS characters of goose3's expected ``cleaned_text`` (the whole
of it when shorter), whitespace collapsed; baseline trafilatura alone (``extract``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import time
from collections import Counter, defaultdict

from bench.corpus import DATA, GOLD, require
from lib.ingest.html.body import UNSPACED_CHARS

BODY_PREFIX_CHARS = 100
BODY_VERBOSE_F1 = 0.8  # --verbose lists the development pages whose project body scores below this shingle F1
DATE_SETS = (("htmldate_default", "gold.jsonl"), ("htmldate_mediacloud", "gold_dev.jsonl"))
BLIND_SHARE = 5  # one page in BLIND_SHARE (by file-name hash) is in the blind slice
METHODS = ("project", "project+url", "htmldate", "htmldate+url", "trafilatura", "trafilatura+url")


def _collapse(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())


def blind_slice(file: str) -> bool:
    """True for a page of the blind slice: a fixed rule on its file name (set before any tuning)."""
    name = file.rsplit("/", 1)[-1]
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % BLIND_SHARE == 0


def _answer_kinds(candidates) -> dict[str, str]:
    """Each evidence kind's own answer, from Article.date_candidates (each kind's answer comes first)."""
    out: dict[str, str] = {}
    for entry in candidates:
        day, kind = entry.split(" ", 1)
        out.setdefault(kind, day)
    return out


def evaluate_dates(verbose: bool = False, signals: bool = False) -> dict[str, dict[str, float]]:
    """Exact-day accuracy per (set, slice) of the project and of htmldate and trafilatura alone, with and
    without the URL; with ``signals``, each evidence kind's precision on the development slices."""
    import trafilatura
    from htmldate import find_date

    from lib.ingest.html import parse_html
    from lib.models import ParseError

    results: dict[str, dict[str, float]] = {}
    for set_name, gold_file in DATE_SETS:
        folder = require(DATA / set_name)
        rows = [json.loads(line) for line in (folder / gold_file).open(encoding="utf-8")]
        hits = {sl: dict.fromkeys(METHODS, 0) for sl in ("dev", "blind")}
        counts = {"dev": 0, "blind": 0}
        # kind -> right, answered, right where htmldate differs, differs, htmldate right where it differs
        precision = defaultdict(lambda: [0, 0, 0, 0, 0])
        seconds = 0.0
        for row in rows:
            path = folder / row["file"] if (folder / row["file"]).exists() else folder / "html" / row["file"]
            data, gold, url = path.read_bytes(), row["gold_date"], row["url"]
            sl = "blind" if blind_slice(row["file"]) else "dev"
            counts[sl] += 1
            got, kinds = {}, {}
            for name, given in (("project", None), ("project+url", url)):
                t0 = time.perf_counter()
                try:
                    article = parse_html(data, row["file"], url=given)
                    day = article.published_date()
                    got[name] = day.isoformat() if day else None
                    kinds = kinds or _answer_kinds(article.date_candidates)
                except ParseError:
                    got[name] = None
                seconds += time.perf_counter() - t0
            got["htmldate"] = find_date(data, original_date=True)
            got["htmldate+url"] = find_date(data, url=url, original_date=True)
            got["trafilatura"] = getattr(trafilatura.bare_extraction(data, with_metadata=True), "date", None)
            got["trafilatura+url"] = getattr(trafilatura.bare_extraction(data, url=url, with_metadata=True), "date", None)
            for name, value in got.items():
                hits[sl][name] += value == gold
            if sl == "dev":
                for kind, day in kinds.items():
                    stats = precision[kind]
                    stats[0] += day == gold
                    stats[1] += 1
                    if kind != "htmldate" and kinds.get("htmldate") not in (None, day):
                        stats[2] += day == gold
                        stats[3] += 1
                        stats[4] += kinds["htmldate"] == gold
                if verbose and got["project"] != gold:
                    print(f"  date miss {row['file']}: gold {gold} project {got['project']} "
                          f"htmldate {got['htmldate']} evidence {kinds}")
        print(f"dates, {set_name}: exact-day accuracy (a page the project rejects counts as a miss)")
        print(f"  {'slice':<6} {'pages':>5}  " + "  ".join(f"{m:>15}" for m in METHODS))
        for sl in ("dev", "blind"):
            n = counts[sl]
            results[f"{set_name}/{sl}"] = {m: hits[sl][m] / n for m in METHODS}
            print(f"  {sl:<6} {n:>5}  " + "  ".join(f"{hits[sl][m] / n:>15.3f}" for m in METHODS))
        total = len(rows)
        print(f"  {'all':<6} {total:>5}  " + "  ".join(
            f"{(hits['dev'][m] + hits['blind'][m]) / total:>15.3f}" for m in METHODS))
        print(f"  parse_html: {2 * len(rows) / seconds:.1f} pages/s")
        if signals:
            print("  evidence kinds on the dev slice: precision (answer is gold / pages it answers); where it "
                  "and htmldate name different days, how often each is right (neither on the rest)")
            for kind, (right, answered, won, differs, lost) in sorted(precision.items(), key=lambda kv: -kv[1][0] / kv[1][1]):
                print(f"    {kind:<13} {right / answered:.3f} ({right}/{answered})   "
                      + (f"differs from htmldate on {differs}: right on {won}, htmldate on {lost}" if kind != "htmldate" else ""))
    return results


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


BODIES_GOLD = GOLD / "bodies_gold.jsonl"
SHINGLE_WORDS = 4
# Words for shingles: runs of letters and digits, and each character of a script written without spaces.
_SHINGLE_TOKEN = re.compile(rf"{UNSPACED_CHARS}|[^\W_]+")
BODY_METHODS = ("project", "trafilatura", "trafilatura, no comments or tables")


def shingles(text: str) -> Counter:
    """The text's word SHINGLE_WORDS-grams, case-folded, with their counts (a shorter text: itself, one shingle)."""
    words = _SHINGLE_TOKEN.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def shingle_scores(extracted: str, gold: str) -> tuple[float, float, float]:
    """Shingle precision, recall and F1 of an extracted body against the gold body (an empty extraction scores 0)."""
    got, want = shingles(extracted), shingles(gold)
    if not got or not want:
        return (0.0, 0.0, 0.0) if got or want else (1.0, 1.0, 1.0)
    shared = sum((got & want).values())
    precision, recall = shared / sum(got.values()), shared / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall) if shared else 0.0


def evaluate_body_gold(verbose: bool = False, baselines: bool = True) -> dict[str, dict[str, float]]:
    """Mean shingle F1 per (set, slice) of the project's body and (with ``baselines``) trafilatura's, on the hand-marked
    article bodies, precision and recall printed too; with ``verbose``, the development pages the project scores
    lowest on."""
    import trafilatura

    from lib.ingest.html import parse_html
    from lib.models import ParseError

    rows = [json.loads(line) for line in BODIES_GOLD.open(encoding="utf-8")]
    methods = BODY_METHODS if baselines else BODY_METHODS[:1]
    scores: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    returned = dict.fromkeys(methods, 0)
    for row in rows:
        data = (require(DATA / row["set"]) / row["file"]).read_bytes()
        try:
            ours = parse_html(data, row["file"], row["url"]).text
        except ParseError:
            ours = ""
        got = {"project": ours}
        if baselines:
            got["trafilatura"] = trafilatura.extract(data, url=row["url"]) or ""
            got["trafilatura, no comments or tables"] = trafilatura.extract(
                data, url=row["url"], include_comments=False, include_tables=False) or ""
        if not row["article"]:
            for method, body in got.items():
                returned[method] += bool(body.strip())
            continue
        sl = "blind" if blind_slice(row["file"]) else "dev"
        scored = {method: shingle_scores(body, row["body"]) for method, body in got.items()}
        for method, result in scored.items():
            scores[(row["set"], sl)][method].append(result)
        if verbose and sl == "dev" and scored["project"][2] < BODY_VERBOSE_F1:
            print(f"  body {row['file']}: project P/R/F1 " + "/".join(f"{v:.2f}" for v in scored["project"]))
    print(f"bodies: {len(rows)} hand-marked pages (tests/data/bodies_gold.jsonl), mean shingle precision / recall / F1 "
          f"over the article pages")
    print(f"  {'set':<20} {'slice':<6} {'pages':>5}  " + "  ".join(f"{m:>34}" for m in methods))
    results = {}
    for set_name in sorted({r["set"] for r in rows}):
        for sl in ("dev", "blind", "all"):
            per = {m: [x for s2 in ("dev", "blind") if sl in (s2, "all") for x in scores[(set_name, s2)][m]]
                   for m in methods}
            means = {m: tuple(statistics.mean(x[i] for x in per[m]) for i in range(3)) for m in methods}
            results[f"{set_name}/{sl}"] = {m: means[m][2] for m in methods}
            print(f"  {set_name:<20} {sl:<6} {len(per['project']):>5}  " + "  ".join(
                f"{'%.3f / %.3f / %.3f' % means[m]:>34}" for m in methods))
    print(f"  pages with no article ({sum(not r['article'] for r in rows)}) given a body: "
          + ", ".join(f"{m} {n}" for m, n in returned.items()))
    return results


def main() -> None:
    """Run both evaluations and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="one line per miss (development slices only)")
    parser.add_argument("--signals", action="store_true", help="each kind of date evidence's precision")
    args = parser.parse_args()
    evaluate_dates(args.verbose, args.signals)
    evaluate_body_gold(args.verbose)
    evaluate_bodies(args.verbose)


if __name__ == "__main__":
    main()
