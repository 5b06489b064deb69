"""The selection rule of the third blind quote set (QUOTES_BLIND3.md), fixed before any article was read for quotes.

Run from the repository root: ``python3 tests/data/choose_blind3.py [POOL.jsonl]``. It prints the counts per group
and writes the candidates, in the order they are annotated, to POOL.jsonl (default /tmp/blind3_pool.jsonl; the pool
is a working file, not part of the repository). Each row: id, source, outlet, group, cut, text.
``python3 tests/data/choose_blind3.py --check`` checks quotes_blind3.jsonl against the rule and the format.

The rule is that of QUOTES_BLIND2.md with one change, at least ONE quote-mark pair instead of two, and seed 2027:
1. Groups: A AllSides excerpts; W htmldate_default and htmldate_mediacloud pages; E ECB+ documents and goose3 pages.
2. Dropped: a source in any tests/data/quotes_*.jsonl, or a text whose first 300 characters (as they are, or with
   white space collapsed) equal those of a text there or of a candidate kept earlier in the same order.
3. Texts over 6,000 characters are cut at the first paragraph boundary at or after character 6,000 (``\\n\\n`` for
   corpus texts, ``\\n`` for trafilatura texts); the tests below run on the text as cut, the text annotated.
4. Each group sorted by source, shuffled with random.Random(2027); kept when English (at least 20 word tokens, at
   least 15% of them in FUNCTION_WORDS) and holding at least one quote-mark pair (count of " “ ” « ») // 2 >= 1.
5. Order: A1, W1, E1, A2, W2, E2, ...; a group that runs out is skipped.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.corpus import DATA, allsides_articles, ecbplus_articles  # noqa: E402

SEED = 2027
CUT = 6000
FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it was on with as he she at by this be are from or his her an they not have has "
    "but had we you i which said were".split())
QUOTE_MARKS = '"“”«»'


def first300(text: str) -> tuple[str, str]:
    return text[:300], " ".join(text.split())[:300]


def cut(text: str, boundary: str) -> tuple[str, bool]:
    """The text up to the first paragraph boundary at or after CUT characters (whole when shorter or none)."""
    if len(text) <= CUT:
        return text, False
    at = text.find(boundary, CUT)
    return (text, False) if at < 0 else (text[:at], True)


def english(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.lower())
    return len(words) >= 20 and sum(w in FUNCTION_WORDS for w in words) >= 0.15 * len(words)


def quote_pairs(text: str) -> int:
    return sum(text.count(m) for m in QUOTE_MARKS) // 2


def web_text(path: Path) -> str:
    import trafilatura
    return trafilatura.extract(path.read_text(encoding="utf-8", errors="replace")) or ""


def candidates() -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {"A": [], "W": [], "E": []}
    for a in allsides_articles():
        groups["A"].append({"id": f"b3-as-{a['id']}", "source": f"allsides:{a['id']}", "outlet": a["outlet"],
                            "raw": a["text"], "boundary": "\n\n"})
    for row in map(json.loads, (DATA / "htmldate_default" / "gold.jsonl").open(encoding="utf-8")):
        groups["W"].append({"id": f"b3-hd-{row['file']}", "source": f"htmldate_default:{row['file']}",
                            "outlet": row["url"], "path": DATA / "htmldate_default" / "html" / row["file"],
                            "boundary": "\n"})
    for row in map(json.loads, (DATA / "htmldate_mediacloud" / "gold_dev.jsonl").open(encoding="utf-8")):
        name = Path(row["file"]).stem
        groups["W"].append({"id": f"b3-mc-{name}", "source": f"htmldate_mediacloud:{name}", "outlet": row["url"],
                            "path": DATA / "htmldate_mediacloud" / row["file"], "boundary": "\n"})
    for a in ecbplus_articles():
        groups["E"].append({"id": f"b3-ecb-{a['id']}", "source": f"ecbplus:{a['id']}", "outlet": a["outlet"],
                            "raw": a["text"], "boundary": "\n\n"})
    for row in map(json.loads, (DATA / "goose3_fixtures" / "index_dev.jsonl").open(encoding="utf-8")):
        domain = (row.get("expected") or {}).get("domain") or row["url"]
        groups["E"].append({"id": f"b3-g3-{row['name']}", "source": f"goose3:{row['name']}", "outlet": domain,
                            "path": DATA / "goose3_fixtures" / row["html_file"], "boundary": "\n"})
    return groups


def taken() -> tuple[set[str], set[str]]:
    """Sources and first-300-character keys of every existing quote set (read by script only, never shown)."""
    sources, starts = set(), set()
    for f in sorted((ROOT / "tests" / "data").glob("quotes_*.jsonl")):
        if f.name == "quotes_blind3.jsonl":
            continue
        for line in f.open(encoding="utf-8"):
            d = json.loads(line)
            sources.add(d["source"])
            starts.update(first300(d["text"]))
    return sources, starts


def choose() -> tuple[list[dict], dict[str, dict[str, int]]]:
    sources, starts = taken()
    groups = candidates()
    kept: dict[str, list[dict]] = {}
    counts: dict[str, dict[str, int]] = {}
    for name, group in groups.items():
        group.sort(key=lambda c: c["source"])
        random.Random(SEED).shuffle(group)
        c = counts[name] = {"candidates": len(group), "used_before": 0, "same_start": 0, "not_english": 0,
                            "no_pair": 0, "kept": 0}
        kept[name] = []
        for cand in group:
            if cand["source"] in sources:
                c["used_before"] += 1
                continue
            raw = cand.pop("raw", None)
            if raw is None:
                raw = web_text(cand.pop("path"))
            else:
                cand.pop("path", None)
            text, was_cut = cut(raw, cand.pop("boundary"))
            keys = first300(text)
            if starts & set(keys):
                c["same_start"] += 1
                continue
            starts.update(keys)
            if not english(text):
                c["not_english"] += 1
                continue
            if quote_pairs(text) < 1:
                c["no_pair"] += 1
                continue
            c["kept"] += 1
            kept[name].append({**cand, "group": name, "cut": was_cut, "text": text})
    order = []
    for i in range(max(map(len, kept.values()))):
        order += [kept[g][i] for g in ("A", "W", "E") if i < len(kept[g])]
    return order, counts


def check() -> list[str]:
    """The set is the first N candidates of the order, texts as made here; format and quote checks of QUOTES_BLIND3.md."""
    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / "quotes_blind3.jsonl").open(encoding="utf-8")]
    order, _ = choose()
    errors = []
    for row, cand in zip(rows, order):
        if [row[k] for k in ("id", "source", "outlet", "text")] != [cand[k] for k in ("id", "source", "outlet", "text")]:
            errors.append(f"{row['id']}: not candidate {cand['id']} of the order, or its text differs")
    if len(rows) > len(order):
        errors.append("more rows than candidates")
    for row in rows:
        if list(row) != ["id", "source", "outlet", "text", "quotes"]:
            errors.append(f"{row['id']}: keys {list(row)}")
        text, at = row["text"], 0
        for q in row["quotes"]:
            name = f"{row['id']}: {q['text'][:40]!r}"
            if list(q) != ["text", "speaker", "kind", "speaker_type"]:
                errors.append(f"{name}: keys {list(q)}")
            if q["text"] != q["text"].strip() or q["text"][0] in QUOTE_MARKS or q["text"][-1] in QUOTE_MARKS:
                errors.append(f"{name}: enclosing space or mark")
            found = text.find(q["text"], at)
            if found < 0:
                errors.append(f"{name}: not in the text after the previous quote")
            at = max(at, found + 1)
            if q["kind"] not in ("direct", "partial"):
                errors.append(f"{name}: kind {q['kind']}")
            if q["speaker_type"] not in ("person", "role", "organisation", "document", "none") or (
                    q["speaker_type"] == "none") != (q["speaker"] is None):
                errors.append(f"{name}: speaker_type {q['speaker_type']} for {q['speaker']}")
            if q["speaker"] and not all(p.lower() in text.lower() for p in q["speaker"].split(" and ")):
                errors.append(f"{name}: speaker {q['speaker']!r} not in the text")
    return errors


def main() -> None:
    if sys.argv[1:] == ["--check"]:
        errors = check()
        print("\n".join(errors) or "quotes_blind3.jsonl: 0 errors")
        sys.exit(1 if errors else 0)
    if any(a.startswith("-") for a in sys.argv[1:]):
        sys.exit("usage: choose_blind3.py [POOL.jsonl] | --check")  # an option is never taken for a path
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/blind3_pool.jsonl")
    order, counts = choose()
    with out.open("w", encoding="utf-8") as fh:
        for row in order:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    for name, c in counts.items():
        print(name, c)
    print(len(order), "candidates in order; first 60:", " ".join(r["source"] for r in order[:60]))


if __name__ == "__main__":
    main()
