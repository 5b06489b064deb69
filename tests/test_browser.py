"""One real-browser test: `streamlit run dashboard.py` on a free port, driven by headless Debian chromium.

Change the outlet filter, check that the address and the view change, open that address in a fresh browser
context and check the same view; screenshots go to a temporary folder (SCREENSHOTS_DIR to keep them).
"""
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM} (.ci/run installs it)"),
]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """The dashboard on the seeds, in its own process group; always killed afterwards."""
    port = free_port()
    log = open(tmp_path / "streamlit.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")})
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                pytest.fail(f"streamlit did not start: {(tmp_path / 'streamlit.log').read_text()[-2000:]}")
            time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def settle(page, timeout: float = 90_000) -> None:
    """Wait until the app has drawn a plotly chart and no script run is in progress."""
    page.wait_for_selector(".js-plotly-plot", timeout=timeout)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=timeout)
    page.wait_for_timeout(500)


def articles_metric(page) -> str:
    """The value of the Overview's "Articles" metric."""
    return page.locator("[data-testid=stMetric]").filter(has_text="Articles").locator(
        "[data-testid=stMetricValue]").inner_text().strip()


def legend_names(page) -> set[str]:
    """Outlet names in the first chart's legend."""
    return set(page.locator(".js-plotly-plot").first.locator(".legendtext").evaluate_all(
        "els => els.map(e => e.textContent)"))


def test_outlet_filter_changes_url_and_view_and_the_url_reproduces_it(server, tmp_path):
    from playwright.sync_api import sync_playwright

    shots = Path(os.environ.get("SCREENSHOTS_DIR") or tmp_path / "screens")
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1100})
            page = context.new_page()
            page.goto(server + "/")
            settle(page)
            assert articles_metric(page) == "2"
            assert legend_names(page) == {"TASS", "UrduPoint News"}
            page.screenshot(path=str(shots / "1-overview-all.png"))

            box = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").first
            box.click()
            page.keyboard.type("TASS")
            page.keyboard.press("Enter")
            page.keyboard.press("Escape")
            page.wait_for_url(re.compile(r"[?&]outlet=TASS\b"), timeout=30_000)
            page.wait_for_function(
                "() => [...document.querySelectorAll('[data-testid=stMetric]')].some(m => "
                "m.innerText.includes('Articles') && m.querySelector('[data-testid=stMetricValue]')"
                ".innerText.trim() === '1')", timeout=60_000)
            settle(page)
            assert articles_metric(page) == "1"
            assert legend_names(page) == {"TASS"}
            shared = page.url
            page.screenshot(path=str(shots / "2-overview-tass.png"))

            page.get_by_text("Share this view").click()
            link = page.locator("[data-testid=stPopoverBody] [data-testid=stCode]").inner_text()
            assert "outlet=TASS" in link
            page.screenshot(path=str(shots / "3-share.png"))
            context.close()

            fresh = browser.new_context(viewport={"width": 1400, "height": 1100})
            again = fresh.new_page()
            again.goto(shared)
            settle(again)
            assert articles_metric(again) == "1"
            assert legend_names(again) == {"TASS"}
            assert "TASS" in again.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").first.inner_text()
            again.screenshot(path=str(shots / "4-fresh-context-same-view.png"))

            again.goto(server + "/story?" + shared.split("?", 1)[1])
            settle(again)
            assert "TASS" in again.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").first.inner_text()
            assert "UrduPoint News" not in again.locator(".js-plotly-plot").first.text_content()
            assert "TASS" in again.locator(".js-plotly-plot").first.text_content()
            again.screenshot(path=str(shots / "5-story-deep-link.png"), full_page=True)
            fresh.close()
        finally:
            browser.close()
    assert len(list(shots.glob("*.png"))) == 5
