"""`python -m lib fetch URL... | --urls FILE | --feed URL | --sitemap URL | --export FILE [--db FILE]`: download pages politely and
ingest them; every URL that gives no article is one report line (URL, status, reason)."""
from __future__ import annotations

import sys

from lib.cli import add_db_argument
from lib.cli.outlets import add_outlets_argument, store_outlets_file

EXAMPLES = """  python -m lib fetch https://example.org/news/2024/05/01/story.html
  python -m lib fetch --urls links.txt --db corpus.duckdb
  python -m lib fetch --feed https://example.org/rss.xml --delay 2
  python -m lib fetch --sitemap https://example.org/sitemap.xml --limit 500
  python -m lib fetch --export mediacloud-stories.csv --delay 2
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
    parser.add_argument("--export", action="append", default=[], metavar="FILE",
                        help="a news-database export (Media Cloud CSV, GDELT JSON/CSV): its rows' URLs, their "
                             "titles, outlets and dates filling what a page leaves out")
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
    from lib.analyse.stored import prepare_analyses
    from lib.fetch import export_links
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
    hints, found = export_links(args.export)
    urls += list(hints)
    problems += found
    urls = list(dict.fromkeys(urls))[:args.limit]
    for problem in problems:
        print(problem, file=sys.stderr)
    if not urls:
        print("no URL to fetch (give URLs, --urls FILE, --feed URL, --sitemap URL or --export FILE)", file=sys.stderr)
        return 2
    con = connect(args.db)
    failed: dict[str, str] = {}
    try:
        if args.outlets:
            store_outlets_file(con, args.outlets)
        results = run_fetch(con, urls, fetcher, refresh=args.refresh, hints=hints)
        spent = prepare_analyses(con, failures=failed)
    finally:
        con.close()
    print(f"corpus: {args.db or default_db_path()}")
    if spent:
        print("analyses stored: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in spent.items()))
    for name, why in failed.items():
        print(f"analysis {name} failed: {why}")
    print_fetched(results)
    return 0 if any(r.status == "ok" for r in results) else 1


def run_fetch(con, urls, fetcher, refresh: bool = False, hints=None) -> list:
    """fetch_urls with a progress bar on stderr (shown on a terminal only)."""
    from tqdm import tqdm

    from lib.fetch import fetch_urls

    with tqdm(total=len(urls), unit="page", file=sys.stderr, disable=None) as bar:
        return fetch_urls(con, urls, fetcher, refresh=refresh, hints=hints,
                          progress=lambda done, total, url: bar.update(1))


def print_fetched(results) -> None:
    """The fetch counts, then one line per URL with something to say (URL, status, reason)."""
    if not results:
        return
    ok = sum(r.status == "ok" for r in results)
    print(f"urls: {len(results)} ({ok} ok, {len(results) - ok} rejected; {sum(r.downloaded for r in results)} "
          f"downloaded, {sum(not r.downloaded for r in results)} read from the corpus)")
    for r in results:
        if r.reason:
            print(f"{r.url}: {r.status}: {r.reason}")
