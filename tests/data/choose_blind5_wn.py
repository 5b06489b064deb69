"""The selection rule of the fifth blind quote pool, part WN (Wikinews), fixed before any article was read for quotes.

Run from the repository root: ``python3 tests/data/choose_blind5_wn.py [--dev] [RAW_DIR [POOL.jsonl]]`` (defaults
/tmp/s14/blind5_raw/wn and /tmp/s14/blind5_wn_pool.jsonl; with --dev /tmp/s14/devwn_raw and /tmp/s14/devwn_pool.jsonl). It prints the counts per filter step and writes the kept
texts, in frame order, one JSON object a line: id, source, outlet, url, licence, title, author, text. An existing pool
is only ever extended: when its lines are not the first lines of the new pool, nothing is written (exit 1).

Source (licence and attribution in /tmp/s14/blind5_wn_SOURCE.md): English Wikinews articles of 2019 as scraped to plain
text by https://github.com/vanatteveldt/wikinews, file ``data/wikinews_2019.csv`` at commit COMMIT (columns url, date,
title, text; one row per article; the text is the article's ``<p>`` paragraphs joined by blank lines, cut before
"Have an opinion on this story? Share it!", so source lists, "Related news" and categories, which are not ``<p>``
elements, are already out). Wikinews articles published since 25 September 2005 are CC BY 2.5.

The rule:
1. Frame: the rows of data/wikinews_2019.csv in file order (the file is in publication-date order, not by topic,
   so no shuffle). Row n (1 = first row after the header) gets id ``b5-wn-2019-<n>``.
2. Text: the text column split into paragraphs at blank lines, white space inside a paragraph collapsed, and dropped:
   a first paragraph that is only the dateline ("Friday, January 4, 2019"), and paragraphs that are only a
   pull-quote's attribution left without its quote ("—Troy Roberts": a dash and at most 12 words, no sentence end),
   and any paragraph that is only a Wikinews section heading or category line (SECTION). Paragraphs are
   joined by "\\n\\n". The text holds no markup (the scraper kept only the words of links).
3. Cut: a text over 6,000 characters is cut at the first paragraph boundary at or after character 6,000.
4. Kept, on the text as cut, in frame order: rule 4 of choose_blind4.py (its ``sieve``): English, at least two
   quote-mark pairs, and new: its first 300 characters (as they are or white space collapsed) start no text of
   tests/data/quotes_*.jsonl, of the fourth blind pool (/tmp/s13/blind4_pool.jsonl) or of a text kept earlier, and
   occur in no file of ../shared/data.
5. Two frames (FRAMES): the blind one is rows 1-96 (ids ``b5-wn-2019-<n>``); the development one (--dev) is rows
   97-171, which nobody had read when the blind pool was made (ids ``dev-wn-2019-<n>``), and its "new" test of rule 4
   also takes the blind pools of this session (Wikinews and Global Voices parts). A frame file listing a row outside
   its frame's range, or rows out of file order, is refused. Same rules 2-4 for both.
Copies. No bulk download was possible: the rows were copied by hand from the stored file into RAW_DIR/rows.csv
(same columns; words and punctuation as stored, runs of blank lines and trailing spaces not kept exactly: rule 2
collapses them anyway; a long text may stop a paragraph or more after rule 3's cut). RAW_DIR/frame.tsv lists every
row read, in file order: row number, url, and "copied" or "few_pairs" (not copied: fewer than two quote-mark pairs in
the text, counted by eye at copy time). Rows not listed are "not fetched".
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "data"))

from choose_blind4 import paragraphs, sieve_after, write_pool  # noqa: E402

COMMIT = "b134aa9d261fe904f5c50a82b4d3cb001f8771bf"
SOURCE = f"vanatteveldt/wikinews data/wikinews_2019.csv@{COMMIT}"
OUTLET = "Wikinews"
LICENCE = "CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/)"
AUTHOR = "Wikinews contributors"
BLIND4 = Path("/tmp/s13/blind4_pool.jsonl")
BLIND5 = (Path("/tmp/s14/blind5_wn_pool.jsonl"), Path("/tmp/s14/blind5_gv_pool.jsonl"))
# frame: (raw dir, pool, id prefix, first row, last row, earlier pools whose texts count as taken)
FRAMES = {"blind": (Path("/tmp/s14/blind5_raw/wn"), BLIND5[0], "b5-wn-2019", 1, 96, (BLIND4,)),
          "dev": (Path("/tmp/s14/devwn_raw"), Path("/tmp/s14/devwn_pool.jsonl"), "dev-wn-2019", 97, 171,
                  (BLIND4, *BLIND5))}
DATELINE = re.compile(r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]+ \d{1,2}, \d{4}")
ATTRIBUTION = re.compile(r"[—–-]\s*(\S+\s*){1,12}")
SECTION = re.compile(r"Sources|Related news|External links|See also|Categor(y|ies):.*")


def wn_text(raw: str) -> str:
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw)]
    paras = [p for p in paras if p]
    if paras and DATELINE.fullmatch(paras[0]):
        paras = paras[1:]
    return paragraphs([p for p in paras if not SECTION.fullmatch(p)
                       and not (ATTRIBUTION.fullmatch(p) and not p.rstrip().endswith((".", "!", "?", '"', "”")))])


def wn_items(raw: Path, frame: str) -> tuple[list[dict], int]:
    _, _, prefix, first, last, _ = FRAMES[frame]
    rows = {}
    if (raw / "rows.csv").exists():
        with (raw / "rows.csv").open(encoding="utf-8", newline="") as fh:
            rows = {row["url"]: row for row in csv.DictReader(fh)}
    items, listed, before = [], 0, first - 1
    for line in (raw / "frame.tsv").open(encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        n, url, status = line.rstrip("\n").split("\t")[:3]
        listed += 1
        if not before < int(n) <= last:
            sys.exit(f"{raw / 'frame.tsv'}: row {n} is out of file order or outside rows {first}-{last}")
        before = int(n)
        if status != "copied":
            items.append({"judged": status})
            continue
        items.append(wn_item(f"{prefix}-{int(n)}", f"{SOURCE} row {int(n)}", url, rows[url]))
    return items, listed


def wn_item(id_: str, source: str, url: str, row: dict) -> dict:
    """The pool item of a copied row (rows.csv), its text not cut yet: the frame gives its id and source."""
    return {"id": id_, "source": source, "outlet": OUTLET, "url": url.replace("org//wiki/", "org/wiki/"),
            "licence": LICENCE, "title": " ".join(row["title"].split()), "author": AUTHOR, "date": row["date"],
            "raw": wn_text(row["text"])}


def choose(raw: Path, frame: str = "blind") -> tuple[list[dict], dict[str, int]]:
    return sieve_after(*wn_items(raw, frame), FRAMES[frame][5])


def main() -> None:
    args = sys.argv[1:]
    frame = "dev" if args[:1] == ["--dev"] else "blind"
    args = args[1:] if frame == "dev" else args
    if any(a.startswith("-") for a in args) or len(args) > 2:
        sys.exit("usage: choose_blind5_wn.py [--dev] [RAW_DIR [POOL.jsonl]]")
    raw = Path(args[0]) if args else FRAMES[frame][0]
    out = Path(args[1]) if len(args) > 1 else FRAMES[frame][1]
    if frame == "dev" and out.resolve() in {p.resolve() for p in (BLIND4, *BLIND5)}:
        sys.exit(f"{out}: a blind pool; the development pool goes elsewhere")
    write_pool(*choose(raw, frame), out)


if __name__ == "__main__":
    main()
