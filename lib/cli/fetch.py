"""`python -m lib fetch URL... | --urls FILE | --feed URL | --sitemap URL [--db FILE]`: download pages politely and
ingest them; every URL that gives no article is one report line (URL, status, reason)."""
from __future__ import annotations

import sys

from lib.cli import add_db_argument
from lib.cli.outlets import add_outlets_argument, store_outlets_file

EXAMPLES = """  python -m lib fetch https://example.org/news/2024/05/01/story.html
  python -m lib fetch --urls links.txt --db corpus.duckdb
  python -m lib fetch --feed https://example.org/rss.xml --delay 2
  python -m lib fetch --sitemap https://example.org/sitemap.xml --limit 500
"""


def configure(parser) -> None:
    """Options: where the links come from, the corpus file, politeness and limits."""
    from lib.fetch.http import FetchSettings

    d = FetchSettings()
    parser.add_argument("urls", nargs="*", metavar="URL", help="page URLs to fetch")
    parser.add_argument("--urls", dest="url_file", metavar="FILE", help="a file of URLs, one per line ('#' comments)")
    parser.add_argument("--feed", action="append", default=[], metavar="URL", help="an RSS, Atom or JSON feed")
    parser.add_argument("--sitemap", action="append", default=[], metavar="URL",
                        help="a sitemap or sitemap index (XML, .xml.gz or a text list)")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="fetch at most N pages")
    parser.add_argument("--refresh", action="store_true",
                        help="download pages again even when the corpus holds them (default: re-parse stored pages)")
    parser.add_argument("--delay", type=float, default=d.delay, metavar="S",
                        help=f"seconds between two requests to one host (default {d.delay}; robots.txt may raise it)")
    parser.add_argument("--timeout", type=float, default=d.timeout, metavar="S", help=f"default {d.timeout}")
    parser.add_argument("--retries", type=int, default=d.retries, metavar="N",
                        help=f"further tries after a 429/5xx or a dropped connection (default {d.retries})")
    parser.add_argument("--max-bytes", type=int, default=d.max_bytes, metavar="N",
                        help=f"largest page accepted (default {d.max_bytes:,})")
    add_db_argument(parser)
    add_outlets_argument(parser)


def run(args) -> int:
    """Collect the links, fetch and ingest them with a progress bar, store the analyses, print the report.

    Exit 0 if any article was stored, 1 if none, 2 when no link was given or found."""
    from tqdm import tqdm

    from lib.analyse.stored import prepare_analyses
    from lib.fetch import fetch_urls
    from lib.fetch.discover import feed_links, sitemap_links
    from lib.fetch.http import Fetcher, FetchSettings
    from lib.store import connect, default_db_path

    fetcher = Fetcher(FetchSettings(delay=args.delay, timeout=args.timeout, retries=args.retries,
                                    max_bytes=args.max_bytes))
    urls, problems = list(args.urls), []
    if args.url_file:
        try:
            with open(args.url_file, encoding="utf-8", errors="replace") as handle:
                urls += [line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#")]
        except OSError as exc:
            problems.append(f"{args.url_file}: cannot read ({exc.strerror or exc})")
    for feed in args.feed:
        links, problem = feed_links(fetcher, feed)
        urls += links
        problems += [f"{feed}: {problem}"] if problem else []
    for sitemap in args.sitemap:
        links, found = sitemap_links(fetcher, sitemap)
        urls += links
        problems += found
    urls = list(dict.fromkeys(urls))[:args.limit]
    for problem in problems:
        print(problem, file=sys.stderr)
    if not urls:
        print("no URL to fetch (give URLs, --urls FILE, --feed URL or --sitemap URL)", file=sys.stderr)
        return 2
    con = connect(args.db)
    try:
        if args.outlets:
            store_outlets_file(con, args.outlets)
        with tqdm(total=len(urls), unit="page", file=sys.stderr, disable=None) as bar:
            results = fetch_urls(con, urls, fetcher, refresh=args.refresh,
                                 progress=lambda done, total, url: bar.update(1))
        spent = prepare_analyses(con)
    finally:
        con.close()
    ok = [r for r in results if r.status == "ok"]
    print(f"urls: {len(results)} ({len(ok)} ok, {len(results) - len(ok)} rejected; "
          f"{sum(r.downloaded for r in results)} downloaded, {sum(not r.downloaded for r in results)} "
          f"read from the corpus)")
    print(f"corpus: {args.db or default_db_path()}")
    if spent:
        print("analyses stored: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in spent.items()))
    for r in results:
        if r.reason:
            print(f"{r.url}: {r.status}: {r.reason}")
    return 0 if ok else 1
