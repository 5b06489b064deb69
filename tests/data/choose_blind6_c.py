"""The selection rule of the sixth blind quote pool, part c (issue 14): English Wikinews of November 2004 to January
2005 from the WikinewsSum dataset, fixed before any of its articles was read for quotes.

Run from the repository root: ``python3 tests/data/choose_blind6_c.py [RAW_DIR [POOL.jsonl]]`` (defaults
/tmp/s16/raw_c and /tmp/s16/blind6_c_pool.jsonl). It prints the counts per filter step and writes the kept texts, in
frame order, one JSON object a line: id, source, outlet, url, licence, title, author, date, text. An existing pool is
only ever extended: when its lines are not the first lines of the new pool, nothing is written (exit 1).

Source: ``endataset.json`` at the root of https://github.com/airKlizz/WikinewsSum, commit COMMIT (one JSON object a
line: title, text = the article's wikitext as a list of paragraph strings, categories, sources = the cited source
pages' texts; the records run in publication order from November 2004 to January 2005, not by topic). English
Wikinews articles published before 25 September 2005 are in the public domain ({{PD-Article}}); later ones are CC BY
2.5 (https://en.wikinews.org/wiki/Wikinews:Copyright).

The rule:
1. Frame: the file's records (lines) in file order, no shuffle; record n (1 = first line) gets id ``b6-c-<n>``.
   Records 1 and 2 and the file's last two records are left out: they were seen while checking the file's format,
   before this rule was written.
2. Text (wiki_text): the record's text paragraphs, up to the first "Sources"/"Related news"/"External links"/"See
   also" heading or {{haveyoursay}}; dropped: HTML comments, <ref> notes, images ([[File:]]/[[Image:]]), tables
   ("{|" ... "|}"), headings, lines of a list of sources, and every template ({{date|...}}, {{publish}}, country
   boxes, also one left with a lost opening brace as "{publish}}"; the stored texts often begin with the remnant
   "{{byline|date" of a template whose end was lost, with the lead paragraph's words following it: only the remnant
   is dropped, the words are kept, amendment 1 below), except that {{w|target|words}} and
   [[w:target|words]] / [[target|words]] / [[target]] keep their words, [url words] keeps its words, bold and italic
   marks are removed, other HTML tags are removed with their words kept and entities decoded. Then rule 2 of
   choose_blind5_wn.py (its ``wn_text``: white space collapsed, dateline-only and orphaned attribution paragraphs
   dropped, paragraphs joined by "\\n\\n"). Date: the {{date|Month D, YYYY}} template of the text, ISO.
3. Cut: a text over 6,000 characters is cut at the first paragraph boundary at or after character 6,000.
4. Kept, on the text as cut, in frame order: rule 4 of choose_blind4.py (its ``sieve``): English, at least two
   quote-mark pairs, and new: its first 300 characters start no text of tests/data/quotes_*.jsonl, of an earlier pool
   (EARLIER, and every /tmp/s16/blind6_wn_*_pool.jsonl) or of a text kept earlier, and occur in no file of
   ../shared/data.
Amendment 1 (after records 3-12 were read for the format, before any was annotated): the "{{byline|date" remnant
   is dropped alone; the first version of rule 2 dropped the whole unclosed line and with it most lead paragraphs.
   Records 3-12 were judged again under the amended rule (frame.tsv holds the amended judgements only).
Copies. No bulk download is possible here: the records are copied by hand from the stored file. RAW_DIR/records.jsonl
holds each copied record's title and text fields as stored (the categories and the long source texts are not
copied); RAW_DIR/frame.tsv lists every record read, in file order: n, title, and "copied" or "few_pairs" (not copied:
fewer than two quote-mark pairs in the text, counted by eye at copy time). A record not listed was not fetched.
"""
from __future__ import annotations

import html
import json
import re
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "data"))

from choose_blind4 import sieve_after, write_pool  # noqa: E402
from choose_blind5_wn import AUTHOR, LICENCE, OUTLET, wn_text  # noqa: E402
from choose_blind6_wn import EARLIER  # noqa: E402

COMMIT = "1d985031625909c908766812e8a18d0c88116ec8"
SOURCE = f"airKlizz/WikinewsSum endataset.json@{COMMIT}"
PD = "Public domain (English Wikinews article published before 25 September 2005, {{PD-Article}})"
PD_UNTIL = "2005-09-25"
FILE_UNTIL = "2005-01-07"  # date of the file's last record: a record without a date template is older
TMP = Path("/tmp/s16")
SEEN = {1, 2}  # records read while checking the format (rule 1); the file's last two are listed by title below
SEEN_TITLES = {"'Noise' takes on 'Fockers' in weekend box office race", "Discovery of the most powerful explosion in "
               "the Universe"}
END = re.compile(r"^\s*(==+\s*(Sources?|Related news|External links|See also)\s*==+|\{\{haveyoursay\}\})",
                 re.M | re.I)
DATE = re.compile(r"\{\{date\|([A-Z][a-z]+ \d{1,2}, \d{4})\}\}")


def unwiki(text: str) -> str:
    text = re.sub(r"<!--.*?(-->|$)", " ", text, flags=re.S)
    text = re.sub(r"^!--.*$", " ", text, flags=re.M)
    text = re.sub(r"<ref[^>/]*/>|<ref[^>]*>.*?</ref>", " ", text, flags=re.S | re.I)
    text = re.sub(r"^\{\|(?:(?!\n\s*\n).)*?^\|\}", " ", text, flags=re.S | re.M)
    text = re.sub(r"^\{\|.*$", " ", text, flags=re.M)
    text = re.sub(r"\{\{byline\|date", " ", text, flags=re.I)
    text = re.sub(r"\{\{w\|(?:[^{}|]*\|)?([^{}|]*)\}\}", r"\1", text)
    while True:
        new = re.sub(r"\[\[(?:File|Image):(?:[^\[\]]|\[\[[^\[\]]*\]\])*\]\]", " ", text, flags=re.I)
        new = re.sub(r"\{\{[^{}]*\}\}", " ", new)
        if new == text:
            break
        text = new
    text = re.sub(r"^\{?[A-Za-z-]+\}\}|\{\{[^{}\n]*$", " ", text, flags=re.M)
    text = re.sub(r"\[\[(?:[^\[\]|]*\|)?([^\[\]|]*)\]\]", r"\1", text)
    text = re.sub(r"\[(?:https?|ftp)://[^\s\]]+\s*([^\]]*)\]", r"\1", text)
    text = re.sub(r"^=+[^=\n]*=+\s*$|^\s*\*.*$", "", text, flags=re.M)
    text = re.sub(r"'''''|'''|''", "", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def wiki_text(paras: list[str]) -> str:
    whole = "\n\n".join(paras)
    return wn_text(unwiki(whole[:m.start()] if (m := END.search(whole)) else whole))


def date_of(paras: list[str]) -> str:
    m = DATE.search("\n".join(paras))
    return datetime.strptime(m.group(1), "%B %d, %Y").date().isoformat() if m else ""


def items(raw: Path, prefix: str = "b6-c-", first: int = 3) -> tuple[list[dict], int]:
    """The frame's records read, from record ``first`` on, as pool items with ids ``prefix<n>``, and their count."""
    records = {}
    if (raw / "records.jsonl").exists():
        records = {r["n"]: r for r in map(json.loads, (raw / "records.jsonl").open(encoding="utf-8"))}
    found, before = [], 0
    for line in (raw / "frame.tsv").open(encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        n, title, status = line.rstrip("\n").split("\t")[:3]
        if int(n) <= before or int(n) < first or int(n) in SEEN or title in SEEN_TITLES:
            sys.exit(f"{raw / 'frame.tsv'}: record {n} breaks file order or was seen before the rule")
        before = int(n)
        if status != "copied":
            found.append({"judged": status})
            continue
        rec = records[int(n)]
        date = date_of(rec["text"])
        pd = "{{PD-Article}}" in "".join(rec["text"]) or (date or FILE_UNTIL) < PD_UNTIL
        found.append({"id": f"{prefix}{n}", "source": f"{SOURCE} record {n}", "outlet": OUTLET,
                      "url": "https://en.wikinews.org/wiki/" + quote(rec["title"].replace(" ", "_"), safe=",()'!:"),
                      "licence": PD if pd else LICENCE, "title": " ".join(rec["title"].split()), "author": AUTHOR,
                      "date": date, "raw": wiki_text(rec["text"])})
    return found, len(found)


def choose(raw: Path) -> tuple[list[dict], dict[str, int]]:
    return sieve_after(*items(raw), EARLIER + tuple(TMP.glob("blind6_wn_*_pool.jsonl")))


def main(pick=choose, raw_dir: Path = TMP / "raw_c", pool: Path = TMP / "blind6_c_pool.jsonl") -> None:
    """Run a rule ``pick`` over the raw copies (RAW_DIR, else ``raw_dir``) into POOL (else ``pool``)."""
    args = sys.argv[1:]
    if len(args) > 2 or any(a.startswith("-") for a in args):
        sys.exit(f"usage: {Path(sys.argv[0]).name} [RAW_DIR [POOL.jsonl]]")
    raw = Path(args[0]) if args else raw_dir
    out = Path(args[1]) if len(args) > 1 else pool
    write_pool(*pick(raw), out)


if __name__ == "__main__":
    main()
