"""The selection rule of the fourth blind quote pool (issue 14), fixed before any article was read for quotes.

Run from the repository root: ``python3 tests/data/choose_blind4.py [RAW_DIR [POOL.jsonl]]`` (defaults
/tmp/s13/blind4_raw and /tmp/s13/blind4_pool.jsonl). It prints the counts per publisher and writes the candidates, in
the order they are annotated, one JSON object a line: id, source, outlet, url, licence, title, text.

Sources (licences and attribution in /tmp/s13/blind4_SOURCE.md; both allow copying the texts with attribution):
- GV, Global Voices (CC BY 3.0): the WordPress export ``data/full/globalvoicesonline.wordpress.2012-may.xml`` of
  https://github.com/OpenGenderTracking/globalvoices at commit 3f146b51fdcb59f0cd6fb76246cf79763787d34d. Re-fetch:
  ``git clone`` that repository, ``git checkout`` the commit and copy the file to RAW_DIR/gv/. Every ``*.xml`` in
  RAW_DIR/gv is read; a file may hold the whole export or ``<item>`` elements copied from it verbatim.
- WH, The White House (U.S. government work, public domain): the Markdown copies of whitehouse.gov briefing-room
  releases in https://github.com/brian14708/wh-briefings, folder ``statements-releases/2022-10`` (the commit of each
  version read is in RAW_DIR/wh/fetched.tsv). Re-fetch: clone, copy the files named in RAW_DIR/wh/listing.txt to
  RAW_DIR/wh/files/. listing.txt is the frame: every file of that folder dated 2022-10-01 to 2022-10-17.

The rule:
1. Frames. GV: the export's ``<item>`` elements with ``wp:status`` publish and ``wp:post_type`` post, in file order.
   WH: the files of listing.txt whose name does not mark a kind of text that is not a news or press text or is not
   the White House's own (readouts of calls and meetings, letters to Congress, nominations and appointment lists,
   memoranda, and "What they are reading" reprints of newspaper articles): WH_SKIP below, tested on the file name.
   The WH frame is sorted by name and shuffled with random.Random(SEED).
2. Text. GV: the post's HTML (``content:encoded``) as plain text: WordPress ``[caption]`` image captions, images,
   embedded players and scripts dropped, every other tag removed with its words kept (link words stay), entities
   decoded, one paragraph per blank line or block element, white space inside a paragraph collapsed. WH: the
   Markdown body after the front matter: link targets, emphasis marks and inline HTML tags removed (their words
   kept), backslash escapes undone, the closing "###" dropped, wrapped lines of a paragraph joined with a space.
   Paragraphs are separated by "\\n\\n".
3. Cut: a text over 6,000 characters is cut at the first paragraph boundary at or after character 6,000.
4. Kept, on the text as cut, in frame order: English (at least 20 word tokens, at least 15% of them in
   FUNCTION_WORDS, the test of choose_blind3.py), at least TWO quote-mark pairs ((count of " “ ” « ») // 2 >= 2),
   and new: its first 300 characters (as they are, or with white space collapsed) are neither those of a text of
   any tests/data/quotes_*.jsonl nor of a candidate kept earlier, and its first 300 characters with white space
   collapsed occur in no file of ../shared/data (HTML entities decoded, white space collapsed).
5. Order: each publisher's kept texts shuffled with random.Random(SEED), then taken in turn (GV1, WH1, GV2, WH2, ...);
   a publisher that runs out is skipped. This is the first pool: the first FIRST[publisher] members of each frame, in
   frame order (35 GV posts, the first item to post 317356; 11 WH files), which gave the pool's first 15 lines.
6. Extension (fixed 2026-12-05 before any later member was read): the GV posts after the first 35, in file order,
   go through rules 2-4 unchanged (the "new" test also against every text kept before them), and every kept text is
   APPENDED after the first pool in frame (file) order, with no shuffle: rule 5's shuffle applies to the first pool
   only, so lines already handed to annotators never move. Ids go on as before (b4-gv-<post id>). The WH frame is
   not extended (EXTEND).
Copies. The texts were copied by hand from the stored files (no bulk download was possible), so RAW_DIR holds the
members read so far. WH: RAW_DIR/wh/fetched.tsv names each file read, the commit of the version read and "copied"
(the file is in RAW_DIR/wh/files, from its start to at least the cut) or "few_pairs" (not copied: fewer than two
quote-mark pairs in the text as cut, counted by eye at copy time); a file in RAW_DIR/wh/files that fetched.tsv does
not name counts as copied. GV: an ``<item>`` copied without its text carries
``<b4:not_copied>few_pairs</b4:not_copied>``; copied items keep title, link, wp:post_id, wp:status, wp:post_type and
content:encoded as stored, less the inline tags and [caption] shortcodes that rule 2 removes anyway. Members not read
are "not fetched"; with the whole source files in RAW_DIR the rule runs as is. The extension's copies
(RAW_DIR/gv/items-002.xml) also keep dc:creator for the attribution list, drop iframes and comments, and may stop a few
paragraphs after the text passes 6,000 characters (rule 3 cuts there anyway; each such copy was checked to be cut).
"""
from __future__ import annotations

import html
import json
from collections import Counter
import random
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "data"))

from choose_blind3 import CUT, cut, english, first300, quote_pairs  # noqa: E402

SEED = 2028
MIN_PAIRS = 2
SHARED = ROOT.parent / "shared" / "data"
WH_SKIP = re.compile(r"readout|letters?-to-|nomination|appointments|announces-key-nominee|memorandum"
                     r"|what-they-are-reading")
LICENCE = {"GV": "CC BY 3.0 (https://creativecommons.org/licenses/by/3.0/)",
           "WH": "Public domain (U.S. government work, 17 U.S.C. 105)"}
OUTLET = {"GV": "Global Voices", "WH": "The White House"}
FIRST = {"GV": 35, "WH": 11}  # frame members, in frame order, that made the first pool (rule 5)
EXTEND = ("GV",)  # frames whose later members are appended (rule 6)


def paragraphs(blocks: list[str]) -> str:
    return "\n\n".join(p for p in (" ".join(b.split()) for b in blocks) if p)


def gv_text(content: str) -> str:
    text = re.sub(r"\[caption[^\]]*\].*?\[/caption\]", " ", content, flags=re.S)
    text = re.sub(r"<(script|style|iframe|object|embed)\b.*?</\1>", " ", text, flags=re.S | re.I)
    text = re.sub(r"</?(p|div|blockquote|h[1-6]|ul|ol|li|table|tr|center|pre)\b[^>]*>|<br\s*/?>", "\n\n", text,
                  flags=re.I)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return paragraphs(re.split(r"\n\s*\n", text))


def gv_items(folder: Path) -> list[dict]:
    items = []
    for path in sorted(folder.glob("*.xml")):
        for item in re.findall(r"<item>(.*?)</item>", path.read_text(encoding="utf-8"), flags=re.S):
            def field(tag: str) -> str:
                m = re.search(rf"<{tag}>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</{tag}>", item, flags=re.S)
                return m.group(1) if m else ""
            if field("wp:status") != "publish" or field("wp:post_type") != "post":
                continue
            if field("b4:not_copied"):
                items.append({"judged": field("b4:not_copied")})
                continue
            items.append({"id": f"b4-gv-{field('wp:post_id')}", "source": f"OpenGenderTracking/globalvoices "
                          f"data/full/globalvoicesonline.wordpress.2012-may.xml@3f146b51 post {field('wp:post_id')}",
                          "outlet": OUTLET["GV"], "url": field("link"), "licence": LICENCE["GV"],
                          "title": html.unescape(field("title")).strip(), "raw": gv_text(field("content:encoded"))})
    return items


def wh_text(markdown: str) -> tuple[dict, str]:
    _, head, body = markdown.split("---\n", 2)
    meta = yaml.safe_load(head)
    body = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", body)
    body = re.sub(r"<[^>\s@]+>|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", body)
    body = re.sub(r"\\(.)", r"\1", body)
    return meta, paragraphs(re.split(r"\n\s*\n", body.rstrip().removesuffix("###")))


def wh_items(folder: Path) -> tuple[list[dict], int, int]:
    names = [line.strip() for line in (folder / "listing.txt").open(encoding="utf-8") if line.strip()]
    frame = sorted(n for n in names if not WH_SKIP.search(Path(n).name))
    random.Random(SEED).shuffle(frame)
    manifest = folder / "fetched.tsv"
    fetched = {row[0]: row[1:] for row in (line.rstrip("\n").split("\t") for line in
               manifest.open(encoding="utf-8") if not line.startswith("#"))} if manifest.exists() else {}
    items, missing = [], 0
    for name in frame:
        present = (folder / "files" / Path(name).name).exists()
        commit, status = fetched.get(Path(name).name, ("", "copied" if present else ""))
        if status != "copied":
            missing += not status
            if status:
                items.append({"judged": status})
            continue
        meta, text = wh_text((folder / "files" / Path(name).name).read_text(encoding="utf-8"))
        items.append({"id": f"b4-wh-{Path(name).stem[11:71]}", "source": f"brian14708/wh-briefings {name}@{commit}",
                      "outlet": OUTLET["WH"], "url": str(meta.get("source_url", "")), "licence": LICENCE["WH"],
                      "title": " ".join(str(meta.get("title", "")).split()), "raw": text})
    return items, len(names) - len(frame), missing


def taken() -> set[str]:
    """First-300-character keys of every existing quote set (texts read by script only; quotes never read)."""
    starts = set()
    for f in sorted((ROOT / "tests" / "data").glob("quotes_*.jsonl")):
        for line in f.open(encoding="utf-8"):
            starts.update(first300(json.loads(line)["text"]))
    return starts


def shared_text() -> str:
    return "\n".join(" ".join(html.unescape(p.read_text(encoding="utf-8", errors="replace")).split())
                     for p in sorted(SHARED.rglob("*")) if p.is_file())


def sieve(items: list[dict], c: dict[str, int], starts: set[str], shared: str) -> list[dict]:
    """Rules 2-4 over items in frame order: the kept ones, with a count per filter step in c."""
    kept = []
    for item in items:
        if "judged" in item:
            c[item["judged"] + "_at_copy"] += 1
            continue
        text, _ = cut(item.pop("raw"), "\n\n")
        keys = first300(text)
        if starts & set(keys):
            c["same_start"] += 1
            continue
        starts.update(keys)
        if keys[1] in shared:
            c["in_shared"] += 1
            continue
        if not english(text):
            c["not_english"] += 1
            continue
        if quote_pairs(text) < MIN_PAIRS:
            c["few_pairs"] += 1
            continue
        c["kept"] += 1
        kept.append({**item, "text": text})
    return kept



STEPS = ("fetched", "few_pairs_at_copy", "same_start", "in_shared", "not_english", "few_pairs", "kept")


def sieve_after(found: list[dict], listed: int, pools) -> tuple[list[dict], dict[str, int]]:
    """Rules 2-4 (sieve) over a frame's items, ``listed`` of them read, when every quote set's texts and those of the
    earlier ``pools`` present are taken: the kept texts and a count per filter step (STEPS)."""
    starts = taken()
    for pool in pools:
        if pool.exists():
            for line in pool.open(encoding="utf-8"):
                starts.update(first300(json.loads(line)["text"]))
    c: Counter = Counter(fetched=listed)
    kept = sieve(found, c, starts, shared_text())
    return kept, {s: c[s] for s in STEPS}


def write_pool(kept: list[dict], counts: dict[str, int], out: Path) -> None:
    """Write the kept texts to out, only extending it: refused (exit 1) when its lines would not stay first."""
    new = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in kept)
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    if not new.startswith(old):
        sys.exit(f"{out}: its lines are not the first lines of the new pool; not written")
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(new, encoding="utf-8")
    tmp.replace(out)
    print(counts)
    print(len(kept), f"kept ({len(old.splitlines())} before, unchanged), cut at", CUT, "->", out)

def choose(raw: Path) -> tuple[list[dict], dict[str, dict[str, int]]]:
    starts, shared = taken(), shared_text()
    wh, skipped, missing = wh_items(raw / "wh")
    groups = {"GV": (gv_items(raw / "gv"), 0, 0), "WH": (wh, skipped, missing)}
    steps = ("few_pairs_at_copy", "same_start", "in_shared", "not_english", "few_pairs", "kept")
    kept: dict[str, list[dict]] = {}
    counts: dict[str, dict[str, int]] = {}
    for name, (items, skipped, missing) in groups.items():
        c = counts[name] = {"skipped_by_name": skipped, "not_fetched": missing,
                            "fetched": len(items[:FIRST[name]]), **dict.fromkeys(steps, 0)}
        kept[name] = sieve(items[:FIRST[name]], c, starts, shared)
        random.Random(SEED).shuffle(kept[name])
    order = []
    for i in range(max(map(len, kept.values()), default=0)):
        order += [kept[g][i] for g in kept if i < len(kept[g])]
    for name in EXTEND:
        later = groups[name][0][FIRST[name]:]
        c = counts[name + " extension"] = {"fetched": len(later), **dict.fromkeys(steps, 0)}
        order += sieve(later, c, starts, shared)
    return order, counts


def main() -> None:
    if any(a.startswith("-") for a in sys.argv[1:]):
        sys.exit("usage: choose_blind4.py [RAW_DIR [POOL.jsonl]]")  # an option is never taken for a path
    raw = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/s13/blind4_raw")
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/s13/blind4_pool.jsonl")
    order, counts = choose(raw)
    with out.open("w", encoding="utf-8") as fh:
        for row in order:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    for name, c in counts.items():
        print(name, c)
    print(len(order), "candidates in order, cut at", CUT, "->", out)


if __name__ == "__main__":
    main()
