"""Numbered text blocks of an HTML page, the view the body annotators of ``bodies_gold.jsonl`` worked from.

Run from the repository root: ``python3 tests/data/dump_blocks.py PAGE.html`` prints one line per block,
``[n] <tag> text``. A block is the text an element holds itself (its text and its inline children's); nested blocks
get their own lines, in document order. Scripts, styles, templates and form controls are left out. The page is decoded
as the project decodes it (``decode_html``), so block numbers and texts are those the gold's ranges point into
(``BODIES_GOLD.md``). No extraction library is involved: the annotators chose blocks by reading.
"""
from __future__ import annotations

import re
import sys

import lxml.html

BLOCK_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre figcaption td th dd dt div section article header footer "
                       "nav aside main ul ol table tr form figure address caption body".split())
DROPPED = frozenset("script style noscript template svg iframe head button select option input".split())
_SPACES = re.compile(r"\s+")


def page_blocks(html: str) -> list[tuple[str, str]]:
    """(tag, text) of every non-empty block of a decoded page, in document order."""
    root = lxml.html.fromstring(html)
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.tag.lower() in DROPPED and el.getparent() is not None:
            el.drop_tree()

    def is_block(el) -> bool:
        return isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS

    def inline(el) -> str:
        """An element's text with its inline children's, a space where a nested block stands."""
        parts = [el.text or ""]
        for child in el:
            parts.append(" " if is_block(child) else inline(child) if isinstance(child.tag, str) else "")
            parts.append(child.tail or "")
        return "".join(parts)

    out: list[tuple[str, str]] = []

    def walk(el) -> None:
        if is_block(el) and (text := _SPACES.sub(" ", inline(el)).strip()):
            out.append((el.tag.lower(), text))
        for child in el:
            if isinstance(child.tag, str) and (is_block(child) or any(is_block(d) for d in child.iterdescendants())):
                walk(child)

    walk(root)
    return out


def main(path: str) -> None:
    """Print a page's numbered blocks."""
    sys.path.insert(0, ".")
    from lib.ingest.html.markup import _XML_ENCODING, decode_html

    with open(path, "rb") as handle:
        html = _XML_ENCODING.sub("", decode_html(handle.read(), path), count=1)
    for i, (tag, text) in enumerate(page_blocks(html)):
        print(f"[{i}] <{tag}> {text}")


if __name__ == "__main__":
    main(sys.argv[1])
