"""The selection rule of the sixth blind quote pool (issue 14): English Wikinews of 2020, fixed before any of its
articles was read for quotes.

Run from the repository root: ``python3 tests/data/choose_blind6_wn.py PART`` with PART ``a`` or ``b`` (optional
RAW_DIR and POOL.jsonl after it; defaults /tmp/s16/raw_wn_<part> and /tmp/s16/blind6_wn_<part>_pool.jsonl). It prints
the counts per filter step and writes the kept texts, in frame order, one JSON object a line: id, source, outlet, url,
licence, title, author, date, text. An existing pool is only ever extended: when its lines are not the first lines of
the new pool, nothing is written (exit 1).

Source: ``wikinews_2020.csv`` at the root of https://github.com/vanatteveldt/wikinews, commit COMMIT (columns url,
date, title, text; one row per article, in publication-date order; made by the same scraper as the ``wikinews_2019.csv``
of the fifth pool, so the text is the article's ``<p>`` paragraphs joined by blank lines). English Wikinews articles
published since 25 September 2005 are CC BY 2.5.

The rule:
1. Frames, in file order (the file is in date order, not by topic: no shuffle):
   - part a: the rows from the 7th row after the header to the last row dated before 2020-07-01. Rows 1-6 are left
     out because the lead read them while checking the file's format, before this rule was written;
   - part b: the rows from the first row dated 2020-07-01 or later to the end of the file.
   Row n of a part (1 = the part's first row) gets id ``b6-wn-<part>-<n>``.
2-3. Text and cut: rules 2 and 3 of choose_blind5_wn.py unchanged (its ``wn_text``; cut at the first paragraph
   boundary at or after character 6,000).
4. Kept, on the text as cut, in frame order: rule 4 of choose_blind4.py (its ``sieve``): English, at least two
   quote-mark pairs, and new: its first 300 characters start no text of tests/data/quotes_*.jsonl, of an earlier pool
   (EARLIER) or of a text kept earlier, and occur in no file of ../shared/data.
Copies. No bulk download is possible here: the rows are copied by hand from the stored file into RAW_DIR/rows.csv
(same columns; words and punctuation as stored; a long text may stop a paragraph or more after rule 3's cut).
RAW_DIR/frame.tsv lists every row of the part read, in file order: n, url, date, and "copied" or "few_pairs" (not
copied: fewer than two quote-mark pairs in the text, counted by eye at copy time). A row not listed was not fetched.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "data"))

from choose_blind4 import sieve_after, write_pool  # noqa: E402
from choose_blind5_wn import wn_item  # noqa: E402

COMMIT = "ebb25d3c66507269b14c437b5f4b04bf26b3b056"
SOURCE = f"vanatteveldt/wikinews wikinews_2020.csv@{COMMIT}"
TMP = Path("/tmp/s16")
EARLIER = (Path("/tmp/s13/blind4_pool.jsonl"), Path("/tmp/s14/blind5_wn_pool.jsonl"),
           Path("/tmp/s14/blind5_gv_pool.jsonl"), Path("/tmp/s14/devwn_pool.jsonl"))
SPLIT = "2020-07-01"  # part a: dates before it; part b: dates from it on (rule 1)


def items(raw: Path, part: str) -> tuple[list[dict], int]:
    """The part's rows as read (frame.tsv), copied ones with their text, checked against rule 1."""
    with (raw / "rows.csv").open(encoding="utf-8", newline="") as fh:
        rows = {row["url"]: row for row in csv.DictReader(fh)}
    found, before, last_date = [], 0, ""
    for line in (raw / "frame.tsv").open(encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        n, url, date, status = line.rstrip("\n").split("\t")[:4]
        if int(n) != before + 1 or date < last_date or (date < SPLIT) != (part == "a"):
            sys.exit(f"{raw / 'frame.tsv'}: row {n} ({date}) breaks file order or lies outside part {part}")
        before, last_date = int(n), date
        if status != "copied":
            found.append({"judged": status})
            continue
        found.append(wn_item(f"b6-wn-{part}-{n}", f"{SOURCE} part {part} row {n}", url, rows[url]))
    return found, before


def choose(raw: Path, part: str) -> tuple[list[dict], dict[str, int]]:
    earlier = [p for p in EARLIER + tuple(TMP.glob("blind6_wn_*_pool.jsonl"))
               if not p.name.startswith(f"blind6_wn_{part}_")]  # the other part's pool, not its own
    return sieve_after(*items(raw, part), earlier)


def main() -> None:
    args = sys.argv[1:]
    if not args or args[0] not in ("a", "b") or len(args) > 3:
        sys.exit("usage: choose_blind6_wn.py a|b [RAW_DIR [POOL.jsonl]]")
    part = args[0]
    raw = Path(args[1]) if len(args) > 1 else TMP / f"raw_wn_{part}"
    out = Path(args[2]) if len(args) > 2 else TMP / f"blind6_wn_{part}_pool.jsonl"
    write_pool(*choose(raw, part), out)


if __name__ == "__main__":
    main()
