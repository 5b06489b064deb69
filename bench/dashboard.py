"""Dashboard speed and memory on a 5,000-article corpus (synthetic articles from real paragraphs, in DuckDB).

0. The corpus-wide analyses are prepared in the corpus first (as `python -m lib ingest` does), so the server
   serves a prepared read-only corpus; the time to prepare them is printed (once per corpus file).
1. Browser: `streamlit run dashboard.py -- --db FILE` on a free port, headless chromium; time from server start
   to the first complete render of each page (cold: the analyses run), then each page again in a fresh browser
   context (warm: after warm-up; a first-time viewer, nothing in the browser's cache). Peak RSS of the server
   process. The floor, measured the same way: a fresh context opening a one-line Streamlit app with a two-bar
   plotly chart, which already loads Streamlit's frontend and parses the 4.7 MB plotly.js bundle; no page with a
   chart can render faster than that. In the app: a viewer who has the dashboard open clicks each page's link in
   the sidebar (what a journalist does between pages); time from the click to the page's complete render with every
   chart drawn, median of three browsers.
2. Server side: a new session opening each page once every page has run once (caches warm, as for the warm
   browser render; before, pages other than the overview were timed before their first run, so their analyses
   counted), the time of a filter change (AppTest reruns) on each page, median of several changes, and the peak
   RSS of that process.
3. Brand-new browser (issue 15): for each page, and for the one-chart floor app just before it, a new chromium is
   launched, opens the address and is timed until every chart is drawn; the median page / floor ratio of three tries
   is printed (taken in turn, so both see the same load on a shared machine).
Targets (issues 6 and 15): first render < 3 s after warm-up, each page <= 1.5x the floor in a brand-new browser,
filter change < 300 ms, memory < 1.5 GB.

    python3 bench/dashboard.py [--articles 5000] [--db FILE] [--skip-browser]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import synthetic_articles  # noqa: E402
from lib import store  # noqa: E402
from lib.analyse.stored import prepare_analyses  # noqa: E402
from lib.pipeline import ingest_paths  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = (("overview", "/", True), ("story", "/story", True), ("quotes", "/quotes", False),
         ("articles", "/articles", False), ("data", "/data", False))  # (name, path, has plotly charts)
# The pages' other sections (only the open one is drawn), each opened by its own link in a brand-new browser too.
SECTION_PAGES = (("overview: table", "/?section=Story+table", False),
                 ("overview: per day", "/?section=Articles+per+day", True),
                 ("story: framing", "/story?section=Side-by-side+framing", False),
                 ("story: voices", "/story?section=Voices", True),
                 ("story: terms", "/story?section=Distinctive+terms", True),
                 ("quotes: speakers", "/quotes?section=Speakers+by+outlet", True),
                 ("quotes: shared", "/quotes?section=Shared+quotes", True),
                 ("quotes: lineage", "/quotes?section=Quote+lineage", True),
                 ("quotes: reuse", "/quotes?section=Passage+reuse", True),
                 ("quotes: pair", "/quotes?section=Article+pair", False),
                 ("quotes: passages", "/quotes?section=Reused+passages", False))
TARGETS = {"render_s": 3.0, "filter_ms": 300.0, "memory_mb": 1500.0, "floor_ratio": 1.5, "filter_browser_s": 1.0}


def build_corpus(n: int, db: Path) -> float:
    """Ingest ``n`` synthetic articles into ``db`` (reused when it already holds them); seconds spent."""
    if db.exists():
        con = store.connect(str(db), read_only=True)
        have = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.close()
        if have >= n:
            return 0.0
        db.unlink()
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for a in synthetic_articles(n, seed=6):
                f.write(json.dumps(a) + "\n")
        con = store.connect(str(db))
        ingest_paths(con, [str(path)])
        con.close()
    return time.perf_counter() - t


def prepare_corpus(db: Path) -> dict[str, float]:
    """Store the corpus-wide analyses in ``db`` when missing or stale; seconds spent per analysis."""
    con = store.connect(str(db))
    try:
        return prepare_analyses(con)
    finally:
        con.close()


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory of a process (VmHWM), MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def settle(page, charts: bool, timeout: float = 600_000) -> None:
    """Wait for a complete render: the page title, no script run in progress, and every plotly chart drawn (its svg in
    place), checked again after a short pause so a chart a fragment adds later is waited for too."""
    page.wait_for_selector("[data-testid=stMain] h1", timeout=timeout)
    if charts:
        page.wait_for_selector(".js-plotly-plot", timeout=timeout)
    for _ in range(2):
        page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]') && "
                               "[...document.querySelectorAll('.js-plotly-plot')].every(e => e.querySelector('.main-svg'))"
                               " && ![...document.querySelectorAll('[data-testid=stSkeleton], [data-testid=stSpinner]')]"
                               ".length", timeout=timeout, polling=50)
        page.wait_for_timeout(150)


def start_server(script: Path, args: list[str], log) -> tuple[subprocess.Popen, str]:
    """`streamlit run script -- args` on a free port, returned once its health check answers."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
                             "--server.port", str(port), "--browser.gatherUsageStats", "false", "--", *args],
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    while True:
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return proc, base
        except OSError:
            time.sleep(0.2)
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited; log in {log.name}")


def stop_server(proc: subprocess.Popen) -> None:
    """End the server and everything it started."""
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)


def render_s(context, url: str, charts: bool) -> float:
    """Seconds from opening ``url`` in a new tab of ``context`` to its complete render."""
    page = context.new_page()
    t = time.perf_counter()
    page.goto(url)
    settle(page, charts)
    spent = time.perf_counter() - t
    page.close()
    return spent


def navigation_bench(browser, base: str, repeats: int = 3) -> dict:
    """Median seconds from clicking a page's sidebar link, in a browser showing the overview, to its complete render."""
    times: dict[str, list[float]] = {}
    for _ in range(repeats):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(base)
        settle(page, True)
        for name, path, charts in PAGES[1:] + PAGES[:1]:  # every other page, then back to the overview
            title = page.inner_text("[data-testid=stMain] h1")
            t = time.perf_counter()
            page.locator("[data-testid=stSidebarNav] a").nth([p for _, p, _ in PAGES].index(path)).click()
            page.wait_for_function("t => document.querySelector('[data-testid=stMain] h1')?.innerText !== t",
                                   arg=title, timeout=120_000)
            settle(page, charts)
            page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')]"
                                   ".every(e => e.querySelector('.main-svg'))", timeout=120_000)
            times.setdefault(name, []).append(time.perf_counter() - t)
        context.close()
    return {name: statistics.median(ts) for name, ts in times.items()}


# Notes when the app's script starts a run, so the end of the rerun a filter change starts is told from the page
# before it (whose charts are all drawn already).
RUN_WATCH = ("() => { window.__ran = false; const app = document.querySelector('[data-testid=stApp]'); "
             "new MutationObserver(() => { if (app.getAttribute('data-test-script-state') === 'running') "
             "window.__ran = true; }).observe(app, {attributes: true}); }")


def filter_change_bench(browser, base: str, outlets: list[str]) -> dict:
    """Median seconds from picking an outlet in the sidebar's Filters popover (Enter pressed) to the page redrawn with
    every chart, in a browser already showing the page (or section), one try per outlet."""
    times: dict[str, list[float]] = {}
    for name, path, charts in PAGES + SECTION_PAGES:
        for outlet in outlets:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            page.goto(base + path)
            settle(page, charts)
            page.locator("[data-testid=stSidebar] [data-testid=stPopover]").filter(has_text="Filters").click()
            page.get_by_role("combobox", name="Outlets").click()
            page.keyboard.type(outlet)
            page.evaluate(RUN_WATCH)
            t = time.perf_counter()
            page.keyboard.press("Enter")
            page.wait_for_function("() => window.__ran && document.querySelector('[data-testid=stApp]')"
                                   ".getAttribute('data-test-script-state') === 'notRunning'", timeout=120_000,
                                   polling=20)
            settle(page, False)  # every chart drawn; one outlet alone may have none to draw (no reuse with itself)
            times.setdefault(name, []).append(time.perf_counter() - t)
            context.close()
    return {name: statistics.median(ts) for name, ts in times.items()}


def new_browser_render_s(playwright, url: str, charts: bool, repeats: int = 3) -> float:
    """Median seconds from a brand-new chromium (launched for each try) opening ``url`` to every chart drawn."""
    times = []
    for _ in range(repeats):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        times.append(render_s(context, url, charts))
        browser.close()
    return statistics.median(times)


FLOOR_APP = ('import plotly.graph_objects as go\nimport streamlit as st\n\nst.title("Floor")\n'
             'st.plotly_chart(go.Figure(go.Bar(x=[1, 2], y=[3, 4])))\n')


def floor_and_pages(playwright, base: str, log, repeats: int = 3) -> tuple[float, dict[str, float], dict[str, float]]:
    """The floor (a one-line app drawing a two-bar plotly chart) and each page, each opened by a brand-new chromium
    until every chart is drawn, taken in turn (floor, page, floor, page ...) so both see the same machine load:
    (median floor seconds, median seconds per page, median of the page / neighbouring-floor ratios per page)."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "floor.py"
        script.write_text(FLOOR_APP)
        proc, floor_base = start_server(script, [], log)
        try:
            floors, pages, ratios = [], {}, {}
            for _ in range(repeats):
                for name, path, charts in PAGES + SECTION_PAGES:
                    floor = new_browser_render_s(playwright, floor_base, True, 1)
                    spent = new_browser_render_s(playwright, base + path, charts, 1)
                    floors.append(floor)
                    pages.setdefault(name, []).append(spent)
                    ratios.setdefault(name, []).append(spent / floor)
            return (statistics.median(floors), {k: statistics.median(v) for k, v in pages.items()},
                    {k: statistics.median(v) for k, v in ratios.items()})
        finally:
            stop_server(proc)


def browser_bench(db: Path) -> dict:
    """Server start -> first complete render per page (cold), each page again in a fresh context (warm), the floor."""
    from playwright.sync_api import sync_playwright

    log = tempfile.NamedTemporaryFile("w", suffix=".log", delete=False)
    started = time.perf_counter()
    proc, base = start_server(ROOT / "dashboard.py", ["--db", str(db), "--read-only"], log)
    out = {"cold": {}, "warm": {}, "server_up_s": time.perf_counter() - started}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for phase in ("cold", "warm"):
                for name, path, charts in PAGES:
                    context = browser.new_context(viewport={"width": 1400, "height": 1000})
                    spent = render_s(context, base + path, charts)
                    out[phase][name] = time.perf_counter() - started if phase == "cold" and name == "overview" \
                        else spent
                    context.close()
            out["in_app"] = navigation_bench(browser, base)
            con = store.connect(str(db), read_only=True)
            outlets = [r[0] for r in con.execute("SELECT outlet FROM articles GROUP BY outlet ORDER BY count(*) DESC, "
                                                 "outlet LIMIT 3").fetchall()]
            con.close()
            out["filter_s"] = filter_change_bench(browser, base, outlets)
            out["server_peak_mb"] = peak_rss_mb(proc.pid)
            browser.close()
            out["floor_s"], out["new_browser"], out["ratio"] = floor_and_pages(p, base, log)
    finally:
        stop_server(proc)
    return out


def filter_bench(db: Path, repeats: int = 3) -> dict:
    """Server-side time of a filter change on each page (AppTest reruns after warm-up), median ms."""
    from streamlit.testing.v1 import AppTest

    sys.argv = ["dashboard.py", "--db", str(db), "--read-only"]
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=900).run()
    outlets = at.multiselect(key="outlet").options
    speakers = at.selectbox(key="speaker").options
    changes = [("outlet", lambda a, i: a.multiselect(key="outlet").set_value(outlets[i:i + 3])),
               ("speaker", lambda a, i: a.selectbox(key="speaker").set_value(speakers[i] if speakers else None)),
               ("clear", lambda a, i: (a.multiselect(key="outlet").set_value([]),
                                       a.selectbox(key="speaker").set_value(None)))]
    for name, _, _ in PAGES[1:]:  # warm-up: every page's analyses for the unfiltered corpus
        at.switch_page(f"app/pages/{name}.py").run()
    at.switch_page("app/pages/overview.py").run()
    out = {"fresh": {}}
    for name, _, _ in PAGES:  # a new session opening this page, caches warm (server side of a first render)
        fresh = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=900)
        t = time.perf_counter()
        fresh.run()
        if name != "overview":
            fresh.switch_page(f"app/pages/{name}.py").run()
        out["fresh"][name] = time.perf_counter() - t
    for name, path, _ in PAGES:
        if name != "overview":
            at.switch_page(f"app/pages/{name}.py")
        at.run()  # warm-up: this page's analyses for the unfiltered corpus
        times = []
        for i in range(repeats):
            for label, change in changes:
                change(at, i * 3)
                t = time.perf_counter()
                at.run()
                times.append((time.perf_counter() - t) * 1000)
                if at.exception:
                    raise RuntimeError(f"{name} after {label}: {at.exception[0].value}")
        out[name] = (statistics.median(times), max(times))
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main(argv=None) -> int:
    """Build (or reuse) the corpus, run both benchmarks, print the figures against the targets."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--db", default=None, help="corpus file (default: a reused file in the temp folder)")
    ap.add_argument("--skip-browser", action="store_true")
    args = ap.parse_args(argv)
    db = Path(args.db or Path(tempfile.gettempdir()) / f"bench-dashboard-{args.articles}.duckdb")
    spent = build_corpus(args.articles, db)
    prepared = prepare_corpus(db)
    con = store.connect(str(db), read_only=True)
    n, q = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes)").fetchone()
    con.close()
    print(f"corpus: {n:,} articles, {q:,} quotes in {db}" + (f" (ingested in {spent:.1f} s)" if spent else ""))
    print("analyses " + ("prepared: " + ", ".join(f"{k} {v:.1f} s" for k, v in prepared.items()) if prepared
                         else "already stored in the corpus"))
    print(f"machine load average (1, 5, 15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    if not args.skip_browser:
        b = browser_bench(db)
        print(f"server up (health ok) after {b['server_up_s']:.2f} s")
        print(f"{'page':10} {'cold first render (s)':>22} {'warm, new browser (s)':>22} {'warm, in the app (s)':>21}"
              f"  target < {TARGETS['render_s']} s warm")
        for name, _, _ in PAGES:
            warm, in_app = b["warm"][name], b["in_app"][name]
            print(f"{name:10} {b['cold'][name]:22.2f} {warm:22.2f} {in_app:21.2f}  "
                  f"{'ok' if warm < TARGETS['render_s'] else 'OVER'} / {'ok' if in_app < TARGETS['render_s'] else 'OVER'}")
        print("  (cold overview counts from server start; other cold pages from their navigation; new browser: a fresh"
              " context\n   opens the page's URL; in the app: its sidebar link clicked from another page)")
        print(f"floor: a one-line app with a two-bar plotly chart renders in {b['floor_s']:.2f} s in a brand-new "
              "browser (median, taken in turn with the pages below)")
        print(f"{'page (section)':18} {'brand-new browser, every chart (s)':>36} {'ratio to floor':>15}  target <= "
              f"{TARGETS['floor_ratio']}x")
        for name, _, _ in PAGES + SECTION_PAGES:
            ratio = b["ratio"][name]
            print(f"{name:18} {b['new_browser'][name]:36.2f} {ratio:14.2f}x  "
                  f"{'ok' if ratio <= TARGETS['floor_ratio'] else 'OVER'}")
        print("  (ratio: median over three tries of the page's time over the floor's, measured just before it; a page opens\n"
              "   its first section, the lines with a colon open another section by its link)")
        print(f"{'page (section)':18} {'filter change until every chart is drawn (s)':>46}  target < "
              f"{TARGETS['filter_browser_s']} s")
        for name, _, _ in PAGES + SECTION_PAGES:
            spent = b["filter_s"][name]
            print(f"{name:18} {spent:46.2f}  {'ok' if spent < TARGETS['filter_browser_s'] else 'OVER'}")
        print("  (an outlet picked in the sidebar of a browser showing the page: from Enter to the redrawn page, median"
              " of\n   the three busiest outlets)")
        print(f"server peak RSS: {b['server_peak_mb']:.0f} MB  target < {TARGETS['memory_mb']:.0f} MB")
    f = filter_bench(db)
    print(f"{'page':10} {'new session, server (s)':>24} {'filter change median (ms)':>26} {'max (ms)':>10}"
          f"  targets < {TARGETS['render_s']} s, < {TARGETS['filter_ms']:.0f} ms")
    for name, _, _ in PAGES:
        med, worst = f[name]
        print(f"{name:10} {f['fresh'][name]:24.2f} {med:26.0f} {worst:10.0f}  "
              f"{'ok' if f['fresh'][name] < TARGETS['render_s'] else 'OVER'} / "
              f"{'ok' if med < TARGETS['filter_ms'] else 'OVER'}")
    print("  (a new session on the overview runs the frame once; other pages run it, then the page)")
    print(f"AppTest process peak RSS: {f['peak_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
