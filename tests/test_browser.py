"""The real-browser tests: `streamlit run dashboard.py` on a free port, driven by headless Debian chromium.

On the seeds plus two articles whose metadata is written as Markdown and HTML pointing at a loopback image server:
every page changes with the outlet filter, keeps it in its address, and that address opened in a fresh browser
context shows the same view; a link to a missing story says so; a typed date applies on Enter; no page makes the
browser fetch the planted images. With the password gate on, a download's address serves nobody else.
Screenshots go to a temporary folder (SCREENSHOTS_DIR to keep them).
"""
import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, write_jsonl

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = {"overview": "/", "story": "/story", "quotes": "/quotes", "articles": "/articles", "data": "/data"}
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM} (.ci/run installs it)"),
]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def image_server():
    """A loopback HTTP server that answers every GET with a tiny image and records the paths asked for."""
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server hook's name
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/gif")
            self.end_headers()
            self.wfile.write(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", asked
    httpd.shutdown()


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory, image_server):
    """The two seed articles, plus a story of two articles whose outlet, author, title, URL and text are Markdown and
    HTML pointing at the image server."""
    img, _ = image_server
    folder = tmp_path_factory.mktemp("corpus")
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, folder / seed.name)
    rows = [{"id": "planted-1", "outlet": f"Evil ![o]({img}/outlet.png)", "author": f"![a]({img}/author.png)",
             "title": f"Road plan ![t]({img}/title.png) <img src='{img}/title-html.png'>", "url": f"{img}/url.png",
             "published": "2021-02-01", "story": "road",
             "text": f"The road plan was approved on Monday by the council. ![b]({img}/body.png) A second lane opens "
                     f"in June.\n\nThe mayor promised new buses for the northern district <img src='{img}/body.gif'> "
                     "next year."},
            {"id": "planted-2", "outlet": "Plain Post", "published": "2021-02-02", "story": "road",
             "title": "Road plan approved",
             "text": "The road plan was approved on Monday by the council. Critics said it costs too much.\n\n"
                     "Cyclists will get a separate path along the river, officials said."}]
    write_jsonl(folder / "planted.jsonl", rows)
    return folder


def start_dashboard(tmp: Path, extra_args=(), env=None) -> tuple[subprocess.Popen, str]:
    """The dashboard in its own process group, returned once its health check answers."""
    port = free_port()
    log = open(tmp / f"streamlit-{port}.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false", *extra_args],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env={**os.environ, "XDG_DATA_HOME": str(tmp / "data"), **(env or {})})
    deadline = time.time() + 120
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return proc, f"http://127.0.0.1:{port}"
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            stop_dashboard(proc)
            pytest.fail(f"streamlit did not start: {Path(log.name).read_text()[-2000:]}")
        time.sleep(0.3)


def stop_dashboard(proc: subprocess.Popen) -> None:
    """End the server and everything it started."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def server(tmp_path_factory, corpus_folder):
    """The dashboard on the corpus folder (ingested on start)."""
    proc, base = start_dashboard(tmp_path_factory.mktemp("server"), env={"COVERAGE_CORPUS": str(corpus_folder)})
    yield base
    stop_dashboard(proc)


@pytest.fixture(scope="module")
def browser():
    """Headless chromium (Debian's), one per module; each test opens its own contexts."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    """Where screenshots go."""
    folder = Path(os.environ.get("SCREENSHOTS_DIR") or tmp_path_factory.mktemp("screens"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def settle(page, timeout: float = 120_000) -> None:
    """Wait until the page has its title, no script run is in progress and every plotly chart is drawn."""
    page.wait_for_selector("[data-testid=stMain] h1", timeout=timeout)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=timeout)
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')]"
                           ".every(e => e.querySelector('.main-svg'))", timeout=timeout)
    page.wait_for_timeout(700)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=timeout)


def signature(page) -> list[str]:
    """What the main area states: title, metrics, captions, widget labels, alerts and chart legends and axes."""
    return page.locator(
        "[data-testid=stMain] :is(h1, [data-testid=stMetricValue], [data-testid=stCaptionContainer], "
        "[data-testid=stWidgetLabel], [data-testid=stAlertContainer], .legendtext, .xtick, .ytick)"
    ).evaluate_all("els => els.map(e => e.innerText || e.textContent)")


def signature_becomes(page, expected: list[str], timeout: float = 60.0) -> list[str]:
    """The page's signature once it equals ``expected`` (a render arrives in parts), or the last one after
    ``timeout`` seconds."""
    deadline = time.time() + timeout
    while True:
        seen = signature(page)
        if seen == expected or time.time() > deadline:
            return seen
        page.wait_for_timeout(300)


def open_filters(page) -> None:
    """Open the sidebar's Filters popover (its fields are mounted only then)."""
    if not page.locator("[data-testid=stPopoverBody]").filter(has_text="Outlets").count():
        page.locator("[data-testid=stSidebar] [data-testid=stPopover]").filter(has_text="Filters").click()
    page.locator("[data-testid=stPopoverBody]").filter(has_text="Outlets").wait_for(timeout=30_000)


def outlet_box(page):
    """The outlet filter, in the open Filters popover."""
    open_filters(page)
    return page.locator("[data-testid=stPopoverBody] [data-testid=stMultiSelect]").first


def filters_line(page) -> str:
    """The line under the closed Filters popover that says which filters are set."""
    return page.locator("[data-testid=stSidebar] [data-testid=stCaptionContainer]").filter(
        has_text=re.compile(r"^(Only |No filter)")).first.inner_text()


def pick_outlet(page, name: str) -> None:
    """Choose one outlet in the Filters popover and wait for the address to carry it."""
    open_filters(page)
    page.get_by_role("combobox", name="Outlets").click()
    page.keyboard.type(name)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(rf"[?&]outlet={re.escape(name)}\b"), timeout=30_000)
    close_filters(page)


def close_filters(page) -> None:
    """Close the Filters popover (Escape, as a reader would, or a click beside it)."""
    body = page.locator("[data-testid=stPopoverBody]").filter(has_text="Outlets")
    for _ in range(10):
        if not body.count():
            return
        page.keyboard.press("Escape")
        page.wait_for_timeout(200)
    raise AssertionError("the Filters popover stays open")


def metric_value(page, label: str) -> str:
    """A metric's value by its label."""
    return page.locator("[data-testid=stMetric]").filter(has_text=label).locator(
        "[data-testid=stMetricValue]").first.inner_text().strip()


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_follows_the_filter_and_its_link_reproduces_the_view(server, browser, shots, name):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(server + PAGES[name])
    settle(page)
    before = signature(page)
    pick_outlet(page, "TASS")
    settle(page)
    page.wait_for_timeout(1500)
    settle(page)
    if name == "story":  # the other outlet leaves the chart (its redraw can outlast settle()'s pauses under load)
        page.wait_for_function("() => !document.querySelector('.js-plotly-plot').textContent.includes('UrduPoint News')",
                               timeout=30_000)
    after = signature(page)
    assert filters_line(page) == "Only outlets TASS."
    if name != "data":  # the Data page is about the whole corpus
        assert after != before
    if name == "overview":
        assert metric_value(page, "Articles") == "1"
    if name == "articles":
        assert "Article (1 match the filters)" in after
    page.screenshot(path=str(shots / f"{name}-tass.png"), full_page=True)
    page.locator("[data-testid=stSidebar]").get_by_text("Share this view").click()
    link = page.locator("[data-testid=stPopoverBody] [data-testid=stCode]").inner_text().strip()
    assert "outlet=TASS" in link and link.split("?")[0].rstrip("/").endswith(PAGES[name].rstrip("/"))
    context.close()

    fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
    again = fresh.new_page()
    again.goto(link)
    settle(again)
    assert signature_becomes(again, after) == after
    assert filters_line(again) == "Only outlets TASS."
    assert "TASS" in outlet_box(again).inner_text()
    close_filters(again)
    again.screenshot(path=str(shots / f"{name}-tass-fresh-context.png"), full_page=True)
    fresh.close()


ONE_OUTLET_LINE = "This comparison needs at least two outlets in the filter"  # the reuse section's, TASS alone


def test_a_section_clicked_is_drawn_and_in_the_link(server, browser, shots):
    """Only the open section of a page is drawn: clicking another tab draws it and puts it in the address and the
    share link, which opens that section in a brand-new context; the filters stay."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(server + "/quotes?outlet=TASS&section=Speakers+by+outlet")
    settle(page)
    page.wait_for_selector("[data-testid=stMain] .js-plotly-plot .main-svg")
    assert page.locator("[data-testid=stMain] .js-plotly-plot").count() == 1  # the speakers chart only
    assert not page.locator("[data-testid=stMain] [data-testid=stDataFrame]").count()  # the quote table: its own section
    page.get_by_role("tab", name="Passage reuse").click()
    page.wait_for_url(re.compile(r"[?&]section=Passage(\+|%20)reuse"), timeout=30_000)
    page.get_by_text(ONE_OUTLET_LINE).wait_for(timeout=60_000)  # the section's first line, with one outlet picked
    settle(page)
    page.locator("[data-testid=stSidebar]").get_by_text("Share this view").click()
    link = page.locator("[data-testid=stPopoverBody] [data-testid=stCode]").inner_text().strip()
    assert "section=Passage%20reuse" in link and "outlet=TASS" in link
    context.close()

    fresh = browser.new_context(viewport={"width": 1400, "height": 1000})
    again = fresh.new_page()
    again.goto(link)
    settle(again)
    again.get_by_text(ONE_OUTLET_LINE).wait_for(timeout=60_000)
    assert again.get_by_role("tab", name="Passage reuse").get_attribute("aria-selected") == "true"
    again.screenshot(path=str(shots / "quotes-reuse-section-link.png"), full_page=True)
    fresh.close()


def test_the_address_keeps_the_filters_across_a_page_switch(server, browser, shots):
    """Switching pages in the sidebar keeps the filters in the address bar, not only in the share box: the address a
    reader copies from the browser reproduces the view too."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(server + "/?outlet=TASS")
    settle(page)
    page.locator("[data-testid=stSidebarNav]").get_by_text("Quotes", exact=True).click()
    page.wait_for_url(re.compile(r"/quotes\?(.*&)?outlet=TASS\b"), timeout=30_000)
    settle(page)
    assert filters_line(page) == "Only outlets TASS."
    page.screenshot(path=str(shots / "quotes-after-page-switch.png"), full_page=True)
    context.close()


def test_a_link_to_a_missing_story_says_so(server, browser, shots):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(server + "/story?story=s-000000000000")
    settle(page)
    alert = page.locator("[data-testid=stMain] [data-testid=stAlertContainer]").first.inner_text()
    assert "story “s-000000000000”" in alert and "not in this corpus" in alert
    assert page.locator("[data-testid=stMain] .js-plotly-plot").count() == 0
    assert page.locator("[data-testid=stMain] h1").inner_text() == "Story"
    page.screenshot(path=str(shots / "story-missing.png"))
    context.close()


def test_a_typed_date_applies_on_enter(server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(server + "/")
    settle(page)
    assert metric_value(page, "Articles") == "4"
    assert filters_line(page) == "No filter: every article of the corpus."
    open_filters(page)
    page.get_by_role("spinbutton", name="day, Published between start date").click()
    page.keyboard.type("30")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]dates=2020-09-30\b"), timeout=30_000)
    settle(page)
    assert metric_value(page, "Articles") == "3"
    assert filters_line(page).startswith("Only published 2020-09-30 to ")
    context.close()


def test_markup_in_metadata_makes_the_browser_fetch_nothing(server, browser, image_server, shots):
    img, asked = image_server
    with urllib.request.urlopen(img + "/control.png", timeout=5) as r:  # the counter counts
        assert r.status == 200
    assert asked == ["/control.png"]
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    for path in ("/", "/story?story=road", "/quotes", "/articles?article=planted-1", "/data"):
        page.goto(server + path)
        settle(page)
        for expander in page.locator("[data-testid=stMain] [data-testid=stExpander] summary").all():
            expander.click()  # "what each outlet added", the story's article links
        page.wait_for_timeout(500)
        page.screenshot(path=str(shots / f"planted{path.replace('/', '-').replace('?', '-')}.png"), full_page=True)
    assert asked == ["/control.png"], asked
    page.goto(server + "/articles?article=planted-1")
    settle(page)
    assert f"![a]({img}/author.png)" in page.locator("[data-testid=stMain]").inner_text()  # shown, as text
    context.close()


@pytest.fixture(scope="module")
def gated_server(tmp_path_factory):
    """The dashboard on the seeds behind the password gate (a secrets file outside the project)."""
    tmp = tmp_path_factory.mktemp("gated")
    (tmp / "secrets.toml").write_text('password = "open sesame"\n', encoding="utf-8")
    proc, base = start_dashboard(tmp, ["--secrets.files", str(tmp / "secrets.toml")])
    yield base
    stop_dashboard(proc)


def test_behind_the_gate_a_download_address_serves_nobody_else(gated_server, browser, shots):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    media = []
    page.on("request", lambda r: media.append(r.url) if urllib.parse.urlsplit(r.url).path.startswith("/media/")
            else None)
    page.goto(gated_server + "/?outlet=TASS")
    page.wait_for_selector("input[type=password]", timeout=60_000)
    assert page.locator(".js-plotly-plot").count() == 0 and page.locator("[data-testid=stFileUploader]").count() == 0
    page.fill("input[type=password]", "open sesame")
    page.keyboard.press("Enter")
    settle(page)
    page.locator("[data-testid=stSidebar]").get_by_text("Download this view").click()
    with page.expect_download() as download:
        page.locator("[data-testid=stPopoverBody] [data-testid=stDownloadButton]").first.click()
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert download.value.suggested_filename == "overview-tass-articles.csv" and "TASS" in saved
    assert media, "the download came through a /media/ address"
    page.wait_for_timeout(6000)  # past the click's window (OneShotDownloads.CLICK_WINDOW_S)
    for url in media:  # the address the session used, fetched by a client without that session
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url, timeout=5)
        assert refused.value.code == 404
    page.screenshot(path=str(shots / "gate-after-download.png"))
    context.close()


# ---------------------------------------------------------------- pasting links on the Data page
STRIKE_REPORTS = {  # path -> (outlet, headline, published, byline, paragraphs): one event told by three outlets
    "/news/2024/03/12/dockworkers-strike-port.html": (
        "Harbour Herald", "Dockworkers walk out at the container port over night-shift pay", "2024-03-12T07:40:00Z",
        "Mira Castell", (
            "Hundreds of dockworkers walked off the job at the city's container port on Tuesday morning, halting "
            "the unloading of at least six ships after talks over night-shift pay broke down late on Monday.",
            "\u201cWe have been patient for two years and the offer on the table is an insult,\u201d said Tomas "
            "Brenner, who chairs the dockworkers' union branch. \u201cNobody goes back until the night rate is fair.\u201d",
            "The port authority said it regretted the walkout and that its offer of a four per cent rise over two "
            "years remained open. Shipping lines warned that delays could reach supermarket shelves within a week.",
            "The union says night-shift pay has not risen since 2019, while the port handled a record number of "
            "containers last year, according to figures the authority published in January.")),
    "/business/port-strike-ships-wait.html": (
        "Valley Courier", "Ships queue offshore as port strike enters its first day", "2024-03-12T11:05:00Z",
        "Jonah Adeyemi", (
            "Six container ships were waiting at anchor outside the harbour on Tuesday as a strike by dockworkers "
            "over night-shift pay stopped work at the container port.",
            "\u201cNobody goes back until the night rate is fair,\u201d union branch chair Tomas Brenner told "
            "strikers gathered at the main gate, where pickets had formed before dawn.",
            "A spokeswoman for the port authority, Elena Sorvik, said the four per cent offer was \u201cgenerous "
            "by any measure\u201d and urged the union to return to talks this week.",
            "Retailers said stocks of fresh produce were sufficient for several days, but that a longer stoppage "
            "would force them to divert goods through ports further up the coast.")),
    "/wire/port-walkout-talks.html": (
        "Northern Wire", "Port authority calls for talks as dockworkers strike", "2024-03-12T14:30:00Z",
        "Northern Wire staff", (
            "The port authority on Tuesday called on striking dockworkers to resume negotiations, saying its pay "
            "offer was \u201cgenerous by any measure\u201d and that the stoppage was costing the region millions.",
            "The strike, the first at the container port in eleven years, began at six in the morning when the "
            "night shift refused to hand over to the day crews.",
            "Union officials said they would meet the authority only if the night-shift rate was part of the agenda. "
            "Regional transport minister Carla Wendt said she was following the dispute closely.",
            "Economists at the regional chamber of commerce estimated that each day of the strike delays goods "
            "worth about forty million, most of them bound for inland warehouses.")),
}
GONE = "/news/2024/03/11/withdrawn-story.html"
LATER = "/news/2024/03/14/port-strike-ends.html"  # a later report, fetched in a second paste
STRIKE_REPORTS_LATER = {LATER: (
    "Coastal Times", "Port strike ends after night-shift pay deal", "2024-03-14T18:20:00Z", "Ruth Okafor", (
        "Dockworkers at the container port voted on Thursday to accept a new pay offer, ending a three-day strike "
        "that left ships queuing offshore and retailers warning of empty shelves.",
        "\u201cThe night rate is finally fair, and that is what we came out for,\u201d union branch chair Tomas "
        "Brenner said after the vote, which passed by a large majority.",
        "The port authority said the deal raises night-shift pay by seven per cent over two years and that the "
        "first ships would be unloaded before midnight."))}


def strike_page(outlet: str, headline: str, published: str, byline: str, paragraphs) -> bytes:
    """A news page as outlets publish them: site chrome, JSON-LD, a byline, the story, related links, a footer."""
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline,
                     "datePublished": published, "author": {"@type": "Person", "name": byline},
                     "publisher": {"@type": "Organization", "name": outlet}})
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{headline} | {outlet}</title>"
            f"<meta property='og:site_name' content='{outlet}'><meta property='og:title' content='{headline}'>"
            f"<meta property='article:published_time' content='{published}'>"
            f"<script type='application/ld+json'>{ld}</script></head><body>"
            f"<header><a href='/'>{outlet}</a><nav><a href='/news'>News</a> <a href='/business'>Business</a> "
            "<a href='/sport'>Sport</a></nav><form><input name='q' placeholder='Search'></form></header>"
            f"<main><article><h1>{headline}</h1><p class='byline'>By {byline}</p>"
            f"<time datetime='{published}'>{published[:10]}</time>{body}</article>"
            "<aside><h2>Most read</h2><ul><li><a href='/news/a'>Council approves night buses</a></li>"
            "<li><a href='/news/b'>River path reopens after floods</a></li></ul></aside></main>"
            f"<footer>&copy; 2024 {outlet}. All rights reserved. <a href='/privacy'>Privacy</a></footer>"
            "</body></html>").encode()


@pytest.fixture(scope="module")
def news_site():
    """Three outlets' reports of one strike on a loopback server (127.0.0.1 only), each page a little slow so the
    fetch's progress can be seen; anything else is a 404 (robots.txt included: every path may be fetched)."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server hook's name
            report = STRIKE_REPORTS.get(self.path) or STRIKE_REPORTS_LATER.get(self.path)
            if report:
                time.sleep(0.5)
            body = strike_page(*report) if report else b"<html><body><h1>Page not found</h1></body></html>"
            self.send_response(200 if report else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory):
    """The dashboard on a writable DuckDB corpus file holding the two seed articles."""
    from lib import store
    from lib.pipeline import ingest_paths

    tmp = tmp_path_factory.mktemp("writable")
    db = tmp / "corpus.duckdb"
    con = store.connect(str(db), create=True)
    ingest_paths(con, [str(SEEDS)])
    con.close()
    proc, base = start_dashboard(tmp, env={"COVERAGE_CORPUS": str(db)})
    yield base
    stop_dashboard(proc)


def grid_rows(page, grid) -> list[list[str]]:
    """The cells of a dataframe grid, row by row, read from the grid's accessible table (the header row first)."""
    return grid.locator("table [role=row]").evaluate_all(
        "rows => rows.map(r => [...r.querySelectorAll('[role=columnheader], [role=gridcell]')]"
        ".map(c => c.innerText.trim()))")


def paste_and_fetch(page, urls: list[str]) -> list[str]:
    """On the Data page: paste ``urls``, press the fetch button and wait for its outcome; what the progress bar said
    while the fetch ran, in order."""
    page.get_by_label("URLs").fill("\n".join(urls))
    page.get_by_role("button", name="Fetch and add").click()
    said: list[str] = []
    outcome = page.locator("[data-testid=stMain] [data-testid=stAlertContainer]").filter(has_text="URL(s)")
    deadline = time.time() + 120
    while not outcome.count() and time.time() < deadline:
        said.append(page.evaluate("() => document.querySelector('[data-testid=stMain] [data-testid=stProgress]')"
                                  "?.innerText.trim() || ''"))  # the bar goes when the page is drawn again
        page.wait_for_timeout(150)
    settle(page)
    return [text for text in dict.fromkeys(said) if text]


def test_pasted_links_are_fetched_with_progress_and_counted_on_the_overview(writable_server, news_site, browser,
                                                                             shots):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(writable_server + "/")
    settle(page)
    assert metric_value(page, "Articles") == "2" and metric_value(page, "Outlets") == "2"

    page.goto(writable_server + "/data")
    settle(page)
    said = paste_and_fetch(page, [news_site + path for path in STRIKE_REPORTS] + [news_site + GONE])
    assert any(re.fullmatch(r"Fetched [123] of 4: http://127\.0\.0\.1:\d+/\S+", text) for text in said), said
    main = page.locator("[data-testid=stMain]")
    assert main.locator("[data-testid=stAlertContainer]").all_inner_texts() == ["Stored 3 article(s) from 4 URL(s)."]
    # the page is drawn again on the grown corpus: its counts and the sidebar's are current
    assert main.locator("[data-testid=stMarkdown]").first.inner_text().endswith("corpus.duckdb · 5 articles")
    assert "corpus.duckdb · 5 articles" in page.locator("[data-testid=stSidebar]").inner_text()
    links, report = (grid_rows(page, main.locator("[data-testid=stDataFrame]").filter(has_text=head).first)
                     for head in ("Status", "Ingested"))
    assert links[0][-3:] == ["URL", "Status", "Reason"], links
    assert sorted(r[-2] for r in links[1:]) == ["ok", "ok", "ok", "rejected"], links
    assert [r[-3:] for r in links[1:] if r[-2] == "rejected"] == [[news_site + GONE, "rejected", "HTTP 404"]]
    files = sorted(r[-5] for r in report[1:])  # URLs as pasted, files by name: never a folder of the server
    assert files[2:] == sorted([news_site + path for path in STRIKE_REPORTS] + [news_site + GONE]), files
    assert all(re.fullmatch(r"\d{3}_\w+\.txt", f) for f in files[:2]), files  # the seeds, by name
    assert "/tmp/" not in page.locator("body").inner_text() and str(ROOT) not in page.locator("body").inner_text()
    page.set_viewport_size({"width": 1400, "height": 2400})  # the page scrolls inside its own pane
    settle(page)
    page.screenshot(path=str(shots / "data-after-paste.png"))
    context.close()

    fresh = browser.new_context(viewport={"width": 1400, "height": 1800})
    page = fresh.new_page()
    page.goto(writable_server + "/?section=Articles+per+day")  # the daily chart's legend names the outlets
    settle(page)
    page.wait_for_selector("[data-testid=stMain] .js-plotly-plot .main-svg")
    assert metric_value(page, "Articles") == "5" and metric_value(page, "Outlets") == "5"
    legend = page.locator("[data-testid=stMain] .legendtext").evaluate_all("els => els.map(e => e.textContent)")
    assert {"Harbour Herald", "Valley Courier", "Northern Wire"} <= set(legend), legend
    page.screenshot(path=str(shots / "overview-after-paste.png"))
    fresh.close()


def test_after_a_fetch_the_overview_of_the_same_session_counts_the_new_articles(writable_server, news_site, browser,
                                                                                shots):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(writable_server + "/")
    settle(page)
    before = int(metric_value(page, "Articles").replace(",", ""))
    page.locator("[data-testid=stSidebarNav] a").filter(has_text="Data").click()
    settle(page)
    paste_and_fetch(page, [news_site + LATER])
    page.locator("[data-testid=stSidebarNav] a").filter(has_text="Overview").click()
    page.wait_for_url(re.compile(r"/(\?.*)?$"), timeout=30_000)
    settle(page)
    page.wait_for_selector("[data-testid=stMain] .js-plotly-plot .main-svg")
    page.screenshot(path=str(shots / "overview-same-session-after-paste.png"))
    assert metric_value(page, "Articles") == str(before + 1)
    context.close()
