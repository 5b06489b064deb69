"""HTML pages -> Article: the page decoded and parsed (markup), its self-description read (metadata), the article
body extracted by trafilatura (body), and the publication date decided from the page's own evidence (dates)."""
from __future__ import annotations

from lib.ingest.html.body import body_paragraphs, drop_headlines, extract_document, restore_lead
from lib.ingest.html.dates import decide_page_date
from lib.ingest.html.markup import decode_html, parse_tree
from lib.ingest.html.metadata import (page_author, page_headline, page_language, page_outlet, page_title,
                                      read_page_meta)
from lib.ingest.text import join_paragraphs
from lib.models import Article, make_article_id


def parse_html(data: bytes, origin: str, url: str | None = None) -> Article:
    """One Article from an HTML page's bytes; ParseError when the page has no article body. ``url``: the address
    the page was fetched from, when known (it outranks the page's own canonical link)."""
    from lib.domain.outlets import canonical_outlet

    html = decode_html(data, origin)
    tree = parse_tree(html, origin)
    meta = read_page_meta(tree)
    meta.url = url or meta.url
    doc = extract_document(html, meta.url)
    paragraphs = body_paragraphs(html, doc, meta.url, origin)
    headline = page_headline(doc, meta)
    outlet_raw, outlet = page_outlet(doc, meta, headline)
    author = page_author(doc, meta, outlet)
    title = page_title(headline, outlet, author)
    paragraphs = drop_headlines(paragraphs, meta.titles + [title or "", doc.title if doc and doc.title else ""])
    paragraphs = restore_lead(tree, paragraphs, meta.descriptions)
    text, spans = join_paragraphs(paragraphs)
    dateline = _match_dateline(text, spans[0][1])
    via = dateline.outlet if dateline and dateline.outlet and dateline.outlet != outlet else None
    language = page_language(doc, meta)
    published, source, confidence, note, candidates = decide_page_date(
        tree, meta, dateline, doc.date if doc else None, language)
    return Article(
        id=make_article_id(text, outlet), text=text, outlet=outlet, outlet_raw=outlet_raw,
        via=canonical_outlet(via) if via else None,
        published=published, date_source=source, date_confidence=confidence, date_note=note,
        date_candidates=candidates, dateline=dateline.raw if dateline else None,
        dateline_place=dateline.place if dateline else None, title=title,
        author=author, url=meta.url or (doc.url if doc else None),
        language=language, paragraphs=spans, origin=origin, format="html")


def _match_dateline(text: str, first_end: int):
    """The wire dateline opening the body (lib.domain.datelines), if it lies within the first paragraph."""
    from lib.domain.datelines import match_dateline

    m = match_dateline(text)
    return m if m is not None and len(m.raw) <= first_end else None
