"""Quote extraction against the hand-annotated gold set: precision, recall, F1, speaker accuracy, attributed recall.

A predicted quote matches a gold quote when they share at least half of the shorter one's words (issue 3);
matching is one-to-one per article, best overlap first. Speakers match when they name the same person:
normalised names equal, or the same surname when the gold gives a full name.

    python -m bench.quotes_eval [--gold tests/data/quotes_gold.jsonl] [--errors]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from lib.domain.names import normalise_name
from lib.extract.quotes import extract_quotes
from lib.models import Article

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes_gold.jsonl"
_WORD = re.compile(r"\w+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


def word_set(text: str) -> set[str]:
    """Case-folded words of a quote."""
    return set(_WORD.findall(text.casefold()))


def quotes_match(a: str, b: str) -> bool:
    """True when two quote texts share at least half of the shorter one's words."""
    wa, wb = word_set(a), word_set(b)
    shorter = min(len(wa), len(wb))
    return shorter > 0 and len(wa & wb) * 2 >= shorter


def speaker_key(name: str | None) -> str:
    """Normalised speaker name without a leading article ("the Capitol Police" -> "capitol police")."""
    return _LEADING_ARTICLE.sub("", normalise_name(name)) if name else ""


def speakers_match(gold: str | None, predicted: str | None) -> bool:
    """Same person: equal normalised names, or the same surname when the gold gives a full name ("Vladimir
    Putin" ~ "Putin", as issue 3 defines it) or only a surname (a gold "Obama" ~ "Barack Obama")."""
    g, p = speaker_key(gold), speaker_key(predicted)
    if not g or not p:
        return g == p
    if g == p:
        return True
    gw, pw = g.split(), p.split()
    return pw[-1] == gw[-1] and (len(gw) >= 2 or len(pw) >= 2)


def match_article(gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, highest word overlap first."""
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if quotes_match(g["text"], p["text"]):
                overlap = len(word_set(g["text"]) & word_set(p["text"]))
                scored.append((-overlap, abs(gi - pi), gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for _, _, gi, pi in sorted(scored):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def predict(record: dict) -> list[dict]:
    """Direct and partial quotes the extractor finds in a gold record's text (speaker id, else as written)."""
    article = Article(id=record["id"], text=record["text"], outlet=record.get("outlet"))
    return [{"text": q.text, "speaker": q.speaker_id or q.speaker, "kind": q.kind}
            for q in extract_quotes(article) if q.kind in ("direct", "partial")]


def evaluate(records: list[dict], show_errors: bool = False, out=sys.stdout) -> dict:
    """Scores over all records; with ``show_errors`` prints each miss, false alarm and wrong speaker."""
    counts = Counter()
    by_source: dict[str, Counter] = {}
    for rec in records:
        gold, pred = rec["quotes"], predict(rec)
        pairs = match_article(gold, pred)
        c = Counter(gold=len(gold), predicted=len(pred), matched=len(pairs),
                    named=sum(1 for g in gold if g.get("speaker")))
        for gi, pi in pairs:
            ok = speakers_match(gold[gi].get("speaker"), pred[pi]["speaker"])
            c["speaker_ok"] += ok
            c["attributed"] += ok and bool(gold[gi].get("speaker"))
            if show_errors and not ok:
                out.write(f"SPEAKER {rec['id']}: gold={gold[gi].get('speaker')!r} got={pred[pi]['speaker']!r} "
                          f"| {gold[gi]['text'][:70]!r}\n")
        if show_errors:
            for gi in sorted(set(range(len(gold))) - {g for g, _ in pairs}):
                out.write(f"MISSED  {rec['id']}: {gold[gi].get('speaker')!r} | {gold[gi]['text'][:90]!r}\n")
            for pi in sorted(set(range(len(pred))) - {p for _, p in pairs}):
                out.write(f"EXTRA   {rec['id']}: {pred[pi]['speaker']!r} | {pred[pi]['text'][:90]!r}\n")
        counts.update(c)
        by_source.setdefault(rec.get("source", "?").split(":")[0], Counter()).update(c)
    return {"all": scores(counts), **{k: scores(v) for k, v in sorted(by_source.items())}}


def scores(c: Counter) -> dict:
    """Precision, recall, F1, speaker accuracy and attributed recall from match counts."""
    p = c["matched"] / c["predicted"] if c["predicted"] else 0.0
    r = c["matched"] / c["gold"] if c["gold"] else 0.0
    return {"gold": c["gold"], "predicted": c["predicted"], "matched": c["matched"], "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "speaker_accuracy": c["speaker_ok"] / c["matched"] if c["matched"] else 0.0,
            "attributed_recall": c["attributed"] / c["named"] if c["named"] else 0.0}


def load_gold(path: Path) -> list[dict]:
    """Gold records, one JSON object a line; a bad line is reported and skipped."""
    records = []
    for n, line in enumerate(path.open(encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec.get("text"), str) or not isinstance(rec.get("quotes"), list):
                raise ValueError("needs a text string and a quotes list")
            records.append(rec)
        except ValueError as exc:
            print(f"{path}:{n}: skipped: {exc}", file=sys.stderr)
    return records


def main(argv: list[str] | None = None) -> int:
    """Print the scores (and, with --errors, every disagreement) for the gold file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help=f"gold JSONL (default: {GOLD})")
    parser.add_argument("--errors", action="store_true", help="list misses, false alarms and wrong speakers")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"{args.gold}: gold file not found", file=sys.stderr)
        return 1
    records = load_gold(args.gold)
    t0 = time.perf_counter()
    result = evaluate(records, args.errors)
    elapsed = time.perf_counter() - t0
    print(f"{len(records)} articles from {args.gold.name}, evaluated in {elapsed:.2f}s "
          f"(targets: F1 >= 0.95, speaker accuracy >= 0.90, attributed recall >= 0.85)")
    print(f"{'subset':10} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} {'spk_acc':>8} {'attr_R':>7}")
    for name, s in result.items():
        print(f"{name:10} {s['gold']:5d} {s['predicted']:5d} {s['matched']:5d} {s['precision']:6.3f} "
              f"{s['recall']:6.3f} {s['f1']:6.3f} {s['speaker_accuracy']:8.3f} {s['attributed_recall']:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
