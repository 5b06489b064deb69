"""Fetch articles by URL: download pages politely (``http``), find article links in feeds and sitemaps
(``discover``), keep each raw page in the corpus, and ingest it through the same HTML path as a file.

A URL whose page is stored already is not downloaded again (unless ``refresh``): its stored bytes are parsed again,
so a better parser improves old fetches without the network.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Mapping, Sequence

from lib.fetch.http import Fetcher, Page
from lib.ingest import expand_paths, sniff_format
from lib.ingest.bulk import link_rows
from lib.ingest.html import parse_html
from lib.ingest.text import CONFIDENCE, parse_date_value
from lib.models import Article, ParseError
from lib.pipeline import extract_or_report
from lib.store import load_pages, record_report, store_files, store_pages

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", ""})  # "" : a server that names no type
PAGES_PER_TRANSACTION = 50  # one commit per this many pages: commits are cheap next to downloads


@dataclass(frozen=True)
class FetchResult:
    """One URL's outcome: stored article ids, or why there are none."""

    url: str
    status: str  # "ok" | "rejected"
    reason: str
    article_ids: tuple[str, ...] = ()
    downloaded: bool = False  # False when the stored page was parsed again


def fetch_urls(con, urls: Sequence[str], fetcher: Fetcher, *, refresh: bool = False,
               hints: Mapping[str, Mapping] | None = None,
               progress: Callable[[int, int, str], None] | None = None) -> list[FetchResult]:
    """Fetch (or re-read) each URL, ingest its page, store articles and the report; one result per URL.

    ``hints`` (url -> fields of the export row that listed it: title, outlet, published, language) fill what the
    page itself does not say; the page's own evidence always wins."""
    urls = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    stored = {} if refresh else load_pages(con, urls)
    results: list[FetchResult] = []
    pending: list[tuple[FetchResult, tuple]] = []
    for done, url in enumerate(urls, start=1):
        if url in stored:
            final_url, ctype, _, _, data = stored[url]
            page = None
        else:
            page = fetcher.get(url)
            final_url, ctype, data = page.final_url, page.content_type, page.data
        result, entry = _ingest_page(url, final_url, ctype, data, page, (hints or {}).get(url) or {})
        if page is not None and page.ok:
            store_pages(con, [page])
        results.append(result)
        pending.append((result, entry))
        if len(pending) >= PAGES_PER_TRANSACTION:
            _store(con, pending)
            pending = []
        if progress is not None:
            progress(done, len(urls), url)
    _store(con, pending)
    return results


def export_links(paths: Sequence[str]) -> tuple[dict[str, dict], list[str]]:
    """url -> row fields of every JSONL/CSV row under ``paths`` that gives a URL but no text (news-database exports),
    and one line per file that could not be read."""
    links: dict[str, dict] = {}
    problems: list[str] = []
    for path in expand_paths(paths):
        try:
            with open(path, "rb") as handle:
                data = handle.read()
            fmt = sniff_format(path, data)
            if fmt in ("jsonl", "csv"):
                for url, row in link_rows(data, path, fmt):
                    links.setdefault(url, row)
        except ParseError as exc:
            problems.append(str(exc))
        except OSError as exc:
            problems.append(f"{path}: cannot read ({exc.strerror or exc})")
    return links, problems


def _ingest_page(url: str, final_url: str, ctype: str, data: bytes, page: Page | None, hint: Mapping):
    """(result, store entry or None) for one page's bytes."""
    if page is not None and not page.ok:
        return FetchResult(url, "rejected", page.reason, downloaded=True), None
    if ctype not in HTML_TYPES:
        return FetchResult(url, "rejected", f"not an HTML page ({ctype})", downloaded=page is not None), None
    try:
        article = parse_html(data, url, url=final_url)
    except ParseError as exc:
        return FetchResult(url, "rejected", exc.reason, downloaded=page is not None), None
    article = _with_hint(article, hint)
    quotes, mentions, failure = extract_or_report(article)
    note = "; ".join(n for n in (f"redirected to {final_url}" if final_url != url else "", failure) if n)
    return (FetchResult(url, "ok", note, (article.id,), downloaded=page is not None),
            (url, [article], quotes, mentions, True))


def _with_hint(article: Article, hint: Mapping) -> Article:
    """The article with the gaps the page left (title, outlet, language, date) filled from its export row."""
    fill = {f: hint[f] for f in ("title", "outlet", "language") if hint.get(f) and not getattr(article, f)}
    if article.published is None and hint.get("published"):
        value, _ = parse_date_value(str(hint["published"]))
        if value is not None:
            fill.update(published=value, date_source="header", date_confidence=CONFIDENCE["header"],
                        date_note="no date on the page: the date the link list gives for it",
                        date_candidates=(f"{value.isoformat()[:10]} header",))
    return replace(article, **fill) if fill else article


def _store(con, pending: list[tuple[FetchResult, tuple | None]]) -> None:
    """Store the parsed pages and one report row per URL, in one transaction."""
    entries = [entry for _, entry in pending if entry is not None]
    if entries:
        store_files(con, entries)
    if pending:
        record_report(con, [(r.url, r.status, r.reason, list(r.article_ids)) for r, _ in pending])
