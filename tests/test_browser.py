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

from tests.conftest import ROOT, SEEDS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = {"overview": "/", "story": "/story", "quotes": "/quotes", "articles": "/articles", "data": "/data"}
pytestmark = [
    pytest.mark.browser,
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
    (folder / "planted.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
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


def outlet_box(page):
    """The sidebar's outlet filter."""
    return page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").first


def pick_outlet(page, name: str) -> None:
    """Choose one outlet in the sidebar filter and wait for the address to carry it."""
    outlet_box(page).click()
    page.keyboard.type(name)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(rf"[?&]outlet={re.escape(name)}\b"), timeout=30_000)


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
    after = signature(page)
    if name != "data":  # the Data page is about the whole corpus
        assert after != before
    if name == "overview":
        assert metric_value(page, "Articles") == "1"
    if name == "story":
        assert "UrduPoint News" not in page.locator(".js-plotly-plot").first.text_content()
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
    assert "TASS" in outlet_box(again).inner_text()
    assert signature_becomes(again, after) == after
    again.screenshot(path=str(shots / f"{name}-tass-fresh-context.png"), full_page=True)
    fresh.close()


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
    page.get_by_role("spinbutton", name="day, Published between start date").click()
    page.keyboard.type("30")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]dates=2020-09-30\b"), timeout=30_000)
    settle(page)
    assert metric_value(page, "Articles") == "3"
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
