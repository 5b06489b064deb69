"""The selection rule of the fifth blind quote pool, part GV (issue 14), fixed before any of its posts was read.

Run from the repository root: ``python3 tests/data/choose_blind5_gv.py [GV_DIR [POOL.jsonl]]`` (defaults
/tmp/s14/blind5_raw/gv and /tmp/s14/blind5_gv_pool.jsonl). It prints the counts per filter step and writes the kept
texts in file order, one JSON object a line: id, source, outlet, author, url, licence, title, text.

Source (licence and attribution in /tmp/s14/blind5_gv_SOURCE.md): the Global Voices (CC BY 3.0) WordPress export
``data/full/globalvoicesonline.wordpress.2012-may.xml`` of https://github.com/OpenGenderTracking/globalvoices at commit
3f146b51fdcb59f0cd6fb76246cf79763787d34d, the same file as the fourth pool's GV part (choose_blind4.py).

The rule:
1. Frame: the export's ``<item>`` elements with ``wp:status`` publish and ``wp:post_type`` post that come AFTER post
   320227 in file order (the last post read for the fourth pool; every post up to it was read for that pool).
2-4. Text, cut and kept: rules 2-4 of choose_blind4.py unchanged (its gv_text, cut at 6,000 characters, English, at
   least two quote-mark pairs, new), through its own functions; the "new" test also checks the first 300 characters
   against every text of /tmp/s13/blind4_pool.jsonl (the fourth pool) besides tests/data/quotes_*.jsonl, the texts kept
   before, and ../shared/data.
5. Order: file (frame) order, no shuffle. Ids ``b5-gv-<post id>``; ``author`` is the post's dc:creator.
The pool is written to a temporary file and moved into place, and only if every line of the pool already there is
unchanged at the start of the new one (annotators take lines while it grows); otherwise the script stops.

Copies. No bulk download was possible (network only to package registries; the stored-file reader returns 16,000
characters a call), so the posts are copied by hand into GV_DIR/*.xml, read in name order, with the conventions of the
fourth pool's items-002.xml: each published post in file order, keeping title, link, dc:creator, wp:post_id, wp:status,
wp:post_type and content:encoded as stored less what rule 2 removes anyway (inline tags such as a/strong/em/span/img,
[caption] shortcodes, iframes and scripts; block tags, words, entities and blank lines as in the file); a long post may
stop a few paragraphs after its plain text passes 6,000 characters (rule 3 cuts there); a post with fewer than two
quote-mark pairs in its text as cut, counted by eye at copy time, is listed without its text and carries
``<b4:not_copied>few_pairs</b4:not_copied>``; drafts, pending posts and comments are not listed. Re-fetch: ``git clone``
the repository, ``git checkout`` the commit, and put into GV_DIR only the export's items after post 320227 (the rule
reads every item of GV_DIR, so the file as a whole would bring back the fourth pool's posts).
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from choose_blind4 import CUT, first300, gv_items, shared_text, sieve, taken  # noqa: E402

AFTER = 320227  # the last post read for the fourth pool (rule 1)
FOURTH_POOL = Path("/tmp/s13/blind4_pool.jsonl")


def creators(folder: Path) -> dict[str, str]:
    """Post id -> dc:creator ("" if none) of every item in folder."""
    found = {}
    for path in sorted(folder.glob("*.xml")):
        for item in re.findall(r"<item>(.*?)</item>", path.read_text(encoding="utf-8"), flags=re.S):
            post = re.search(r"<wp:post_id>(\d+)</wp:post_id>", item)
            name = re.search(r"<dc:creator>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</dc:creator>", item, flags=re.S)
            if post:
                found[post.group(1)] = name.group(1).strip() if name else ""
    return found


def choose(folder: Path) -> tuple[list[dict], Counter]:
    starts = taken()
    for line in FOURTH_POOL.open(encoding="utf-8"):
        starts.update(first300(json.loads(line)["text"]))
    authors = creators(folder)
    if str(AFTER) in authors:
        sys.exit(f"post {AFTER} is in {folder}: the frame starts after it (rule 1), copy only the items after it")
    items = gv_items(folder)
    c = Counter(fetched=len(items))
    kept = sieve(items, c, starts, shared_text())
    rows = []
    for row in kept:
        post = row["id"].rsplit("-", 1)[1]
        rows.append({"id": f"b5-gv-{post}", "source": row["source"], "outlet": row["outlet"],
                     "author": authors.get(post, ""), "url": row["url"], "licence": row["licence"],
                     "title": row["title"], "text": row["text"]})
    return rows, c


def write(rows: list[dict], out: Path) -> None:
    """Write the pool through a temporary file, refusing if a line already handed out would change."""
    lines = [json.dumps(row, ensure_ascii=False) + "\n" for row in rows]
    old = out.read_text(encoding="utf-8").splitlines(keepends=True) if out.exists() else []
    if lines[:len(old)] != old:
        sys.exit(f"{out}: an earlier line would change; pool not rewritten")
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    os.replace(tmp, out)
    print(f"{len(old)} lines unchanged, {len(lines) - len(old)} appended")


def main() -> None:
    if any(a.startswith("-") for a in sys.argv[1:]):
        sys.exit("usage: choose_blind5_gv.py [GV_DIR [POOL.jsonl]]")
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/s14/blind5_raw/gv")
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/s14/blind5_gv_pool.jsonl")
    rows, c = choose(folder)
    write(rows, out)
    print(dict(c))
    print(len(rows), "texts in file order, cut at", CUT, "->", out)


if __name__ == "__main__":
    main()
