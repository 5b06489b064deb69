"""Article links from a feed (RSS, Atom, JSON Feed) or a sitemap (XML, gzipped XML, plain text; sitemap indexes
followed), read with trafilatura's own feed and sitemap parsers and downloaded through our polite ``Fetcher``.

trafilatura's link filters (courlan) also judge whether a link looks like a public news page; here the user named
the feed or sitemap, so every http(s) link it lists on the site's own host is taken, and duplicates dropped.
"""
from __future__ import annotations

import gzip
import urllib.parse

from trafilatura.feeds import FeedParameters, find_links
from trafilatura.sitemaps import DETECT_SITEMAP_LINK, SitemapObject, is_plausible_sitemap

from lib.fetch.http import Fetcher

MAX_SITEMAPS = 100  # nested sitemaps read per --sitemap: a news site's index by month runs to a few dozen


def feed_links(fetcher: Fetcher, url: str) -> tuple[list[str], str]:
    """(links the feed lists, "") or ([], why there are none)."""
    page = fetcher.get(url)
    if not page.ok:
        return [], page.reason
    text = page.data.decode("utf-8", errors="replace")
    host = urllib.parse.urlsplit(page.final_url).netloc
    links = _absolute(page.final_url, find_links(text.strip(), FeedParameters(page.final_url, host, url, True)))
    if not links:
        return [], "no links found: not an RSS, Atom or JSON feed, or an empty one"
    return links, ""


def sitemap_links(fetcher: Fetcher, url: str) -> tuple[list[str], list[str]]:
    """(page links of the sitemap and the sitemaps it points to, one-line problems met on the way)."""
    sitemap = _Sitemap(fetcher, url)
    while sitemap.sitemap_urls and len(sitemap.seen) < MAX_SITEMAPS:
        sitemap.current_url = sitemap.sitemap_urls.pop()
        sitemap.fetch()
        sitemap.process()
        sitemap.sitemap_urls = [s for s in sitemap.sitemap_urls if s not in sitemap.seen]
    links = list(dict.fromkeys(sitemap.urls))
    if not links and not sitemap.problems:
        sitemap.problems.append(f"{url}: no page links found in the sitemap")
    return links, sitemap.problems


class _Sitemap(SitemapObject):
    """trafilatura's sitemap reader with our download and a link rule that keeps the sitemap's own host."""

    def __init__(self, fetcher: Fetcher, url: str) -> None:
        parts = urllib.parse.urlsplit(url)
        super().__init__(f"{parts.scheme}://{parts.netloc}", parts.netloc, [url])
        self.fetcher = fetcher
        self.problems: list[str] = []

    def fetch(self) -> None:
        page = self.fetcher.get(self.current_url)
        self.seen.add(self.current_url)
        data = page.data
        if not page.ok:
            self.problems.append(f"{self.current_url}: {page.reason}")
        elif data[:2] == b"\x1f\x8b":
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError):
                self.problems.append(f"{self.current_url}: broken gzip file")
                data = b""
        self.content = data.decode("utf-8", errors="replace").lstrip("\ufeff")
        if page.ok and data and not is_plausible_sitemap(self.current_url, self.content):
            self.problems.append(f"{self.current_url}: not a sitemap (neither XML nor a list of links)")

    def handle_link(self, link: str) -> None:
        link = urllib.parse.urljoin(self.base_url + "/", link.strip())
        if link == self.current_url or urllib.parse.urlsplit(link).netloc != self.domain:
            return
        if urllib.parse.urlsplit(link).scheme not in ("http", "https"):
            return
        (self.sitemap_urls if DETECT_SITEMAP_LINK.search(link) else self.urls).append(link)


def _absolute(base: str, links: list[str]) -> list[str]:
    """Links resolved against ``base``: http(s) pages other than a home page, first occurrence kept."""
    out = []
    for link in links:
        absolute = urllib.parse.urljoin(base, link.strip())
        parts = urllib.parse.urlsplit(absolute)
        if parts.scheme in ("http", "https") and parts.path.strip("/"):  # a home page is the channel, not an item
            out.append(absolute)
    return list(dict.fromkeys(out))
