"""An HTML page's article body: trafilatura's main-content extraction (Barbaresi 2021) with fallbacks, cleaned.

Tables are kept, as trafilatura keeps them by default: an article's own tables (results, figures, a letter's
signatories) and pages laid out in tables are body text; comments are not. Against hand-marked bodies
(bench/html_eval.py), keeping them raised the htmldate_default development pages' shingle F1 from 0.950 to 0.959 (a
magazine page laid out in a table, 0.66 -> 1.00) and lowered no development page.

trafilatura's default pass first; when it comes back empty or short, ``favor_recall`` and then trafilatura's
``baseline``. The headline is not repeated in the body, menu runs leaked at its edges are trimmed, and the
standfirst is put back when trafilatura drops it (a visible element repeating the page's description just
before the body).
"""
from __future__ import annotations

import re

from lxml import etree

from lib.ingest.decode import normalise_text
from lib.ingest.html.markup import NOT_CONTENT, collapse, fold, inside
from lib.models import ParseError

MIN_BODY_CHARS = 250  # below this, trafilatura's default pass probably missed the article: try the fallbacks
MIN_BODY_WORDS = 8  # fewer words than this is a menu or a caption, not an article
MIN_LEAD_CHARS = 40  # a description shorter than this is a tagline, not a standfirst
MIN_LINK_RUN = 3  # this many short link-like lines in a row at the body's edge are a menu
# A menu entry ("Home", "- World", "Москва") is at most this long and has no sentence end.
LINK_MAX_CHARS, LINK_MAX_WORDS = 40, 4
SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", "\"", "”", "»")
# Characters of folded text compared when looking for the body's start: enough to be unique on a page, short
# enough to survive an element that adds a caption after the first sentence.
MATCH_PREFIX_CHARS = 60
# A standfirst already kept by trafilatura sits within the body's first few paragraphs.
LEAD_CHECK_PARAGRAPHS = 3
# Elements with more children than this are containers: only near-leaf elements can be a standfirst or the
# body's first paragraph (and skipping containers keeps the scan linear).
MAX_LEAF_CHILDREN = 3
# Scripts written without spaces between words: CJK ideographs, Japanese kana, Thai, Lao, Khmer, Myanmar.
UNSPACED_CHARS = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]"
_UNSPACED = re.compile(UNSPACED_CHARS)
# The line trafilatura writes under a table's header row ("|---|---|"), and a row of empty cells (a layout table's).
_TABLE_RULE = re.compile(r"\|(?:\s*:?-+:?\s*\|)+|\|(?:\s*\|)+")
# Ancestors that mark page furniture, not the article.
FURNITURE = ("nav", "header", "footer", "aside", "head")
# trafilatura runs htmldate for its metadata: ask for htmldate's original-date search, extensive search included,
# so that result is htmldate's own answer (lib.ingest.html.dates) and htmldate is not run twice.
_HTMLDATE_PARAMS = {"extensive_search": True, "original_date": True}


def count_words(text: str) -> int:
    """Words in a text: runs between spaces, and each character of a script written without spaces (Chinese,
    Japanese kana and kanji, Thai ...), where one character is about one word."""
    return len(text.split()) + len(_UNSPACED.findall(text))


def extract_document(html: str, url: str | None):
    """trafilatura's default extraction with metadata (a Document, or None)."""
    import trafilatura  # slow to import: only HTML pages need it

    return trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                       date_extraction_params=_HTMLDATE_PARAMS)


def body_paragraphs(html: str, doc, url: str | None, origin: str) -> list[str]:
    """The body's paragraphs from the default pass or, when it kept too little, the longer fallback; menu runs
    trimmed. ParseError when no pass finds an article body."""
    paragraphs = _split_paragraphs(doc.text if doc else "")
    if sum(map(len, paragraphs)) < MIN_BODY_CHARS:
        for fallback in (_extract_recall, _extract_baseline):
            more = _split_paragraphs(fallback(html, url))
            if sum(map(len, more)) > sum(map(len, paragraphs)):
                paragraphs = more
    if sum(count_words(p) for p in paragraphs) < MIN_BODY_WORDS:
        raise ParseError(origin, "HTML page has no article body")
    return trim_link_runs(paragraphs)


def _extract_recall(html: str, url: str | None) -> str:
    """trafilatura tuned for recall: for pages where the default pass keeps too little."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, favor_recall=True, include_comments=False)
    return doc.text if doc and doc.text else ""


def _extract_baseline(html: str, url: str | None) -> str:
    """trafilatura's baseline (article/JSON-LD body or all paragraphs): the last resort."""
    from trafilatura import baseline

    _tree, text, _length = baseline(html)
    return text or ""


def _split_paragraphs(text: str) -> list[str]:
    """Paragraphs of an extracted body: one per line, inner whitespace collapsed, Unicode normalised; a table's rows
    kept as trafilatura writes them ("| 1. | Leverkusen | 28 |"), the line under its header ("|---|---|") and rows of
    empty cells dropped."""
    if not text:
        return []
    text = normalise_text(text)
    return [p for p in (collapse(line) for line in text.split("\n")) if p and not _TABLE_RULE.fullmatch(p)]


def trim_link_runs(paragraphs: list[str]) -> list[str]:
    """The body without menu runs at its edges: MIN_LINK_RUN or more consecutive one-to-four-word lines with
    no sentence punctuation ("Home", "- World", "Москва") are navigation that leaked into the extraction."""
    def is_link(p: str) -> bool:
        """A short line with no sentence end."""
        return len(p) <= LINK_MAX_CHARS and len(p.split()) <= LINK_MAX_WORDS and not p.endswith(SENTENCE_ENDS)

    start = 0
    while start < len(paragraphs) and is_link(paragraphs[start]):
        start += 1
    end = len(paragraphs)
    while end > start and is_link(paragraphs[end - 1]):
        end -= 1
    if start < MIN_LINK_RUN:
        start = 0
    if len(paragraphs) - end < MIN_LINK_RUN:
        end = len(paragraphs)
    kept = paragraphs[start:end]
    return kept if kept else paragraphs


def drop_headlines(paragraphs: list[str], headlines: list[str]) -> list[str]:
    """The body without leading paragraphs that repeat a headline (the headline is Article.title; in the body
    it would enter every offset and hash); never the last paragraph."""
    folded = {fold(t) for t in headlines if t}
    while len(paragraphs) > 1 and fold(paragraphs[0]) in folded:
        paragraphs = paragraphs[1:]
    return paragraphs


def restore_lead(tree, paragraphs: list[str], descriptions: list[str]) -> list[str]:
    """The body with its standfirst first, when trafilatura dropped it.

    A standfirst (dek, lead) is shown above the body and usually repeats the page's meta description. It is
    put back only when a visible element in the page body holds exactly that description, that element comes
    before the body's first paragraph in document order, and the body does not contain it already.
    """
    body_start = fold(paragraphs[0])[:MATCH_PREFIX_CHARS]
    joined = fold(" ".join(paragraphs[:LEAD_CHECK_PARAGRAPHS]))
    for description in dict.fromkeys(descriptions):
        lead = fold(description)
        if len(lead) < MIN_LEAD_CHARS or lead[:MATCH_PREFIX_CHARS] in joined:
            continue
        lead_pos = start_pos = None
        for i, el in enumerate(tree.iter(etree.Element)):
            if len(el) > MAX_LEAF_CHILDREN or el.tag in NOT_CONTENT:
                continue
            own = fold(el.text_content())
            if lead_pos is None and own == lead:
                lead_pos = (i, el)
            elif start_pos is None and own.startswith(body_start):
                start_pos = i
        if lead_pos and start_pos is not None and lead_pos[0] < start_pos and not inside(lead_pos[1], FURNITURE):
            return [collapse(normalise_text(lead_pos[1].text_content()))] + paragraphs
    return paragraphs
