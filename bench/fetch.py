"""Fetch throughput: pages per second downloaded from a loopback HTTP server and ingested, beside ingesting the
same pages from files (the baseline, measured in the same run), with the per-host delay set to zero.

Wall time depends on what else the machine runs; CPU time is the phase's own work (the fetch phase's includes the
loopback server, which runs in the same process). The pages are the real news pages of ../shared/data/htmldate_mediacloud (50 pages, 6.6 MB: realistic sizes),
served again under distinct URLs until --n pages. Each phase runs in a fresh process, so ru_maxrss minus the RSS
after imports is its own peak memory.

    python -m bench.fetch            # 500 pages
    python -m bench.fetch --n 200
"""
from __future__ import annotations

import argparse
import http.server
import multiprocessing as mp
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.corpus import DATA, require


def page_files() -> list[Path]:
    return sorted(require(DATA / "htmldate_mediacloud" / "html").glob("*.html"))


def serve(pages: list[bytes]):
    """A loopback server giving page i at /p/<i>.html (an empty robots.txt); returns (server, base URL)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path == "/robots.txt":
                body, ctype = b"", "text/plain"
            else:
                body, ctype = pages[int(self.path.split("/")[-1].split(".")[0]) % len(pages)], "text/html"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def phase(name: str, n: int, folder: str, queue) -> None:
    """One phase in its own process: 'files' ingests n page files, 'fetch' fetches n URLs; puts figures."""
    from lib.fetch import fetch_urls
    from lib.fetch.http import Fetcher, FetchSettings
    from lib.pipeline import ingest_paths
    from lib.store import connect

    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    files = page_files()
    con = connect(Path(folder) / f"{name}.duckdb")
    t0, c0 = time.perf_counter(), time.process_time()
    if name == "files":
        copies = Path(folder) / "pages"
        copies.mkdir(exist_ok=True)
        for i in range(n):
            (copies / f"{i}.html").write_bytes(files[i % len(files)].read_bytes())
        t0, c0 = time.perf_counter(), time.process_time()
        ingest_paths(con, [str(copies)])
    else:
        server, base = serve([f.read_bytes() for f in files])
        fetch_urls(con, [f"{base}/p/{i}.html" for i in range(n)], Fetcher(FetchSettings(delay=0.0)))
        server.shutdown()
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base_rss
    queue.put((name, seconds, cpu, stored, peak / 1024))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    args = parser.parse_args(argv)
    ctx = mp.get_context("spawn")
    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        for name in ("files", "fetch"):
            queue = ctx.Queue()
            proc = ctx.Process(target=phase, args=(name, args.n, folder, queue))
            proc.start()
            figures[name] = queue.get()
            proc.join()
    print(f"{'phase':<8} {'pages':>6} {'seconds':>8} {'cpu s':>7} {'pages/s':>8} {'stored':>7} {'peak MB':>8}")
    for name, seconds, cpu, stored, peak in figures.values():
        print(f"{name:<8} {args.n:>6} {seconds:>8.1f} {cpu:>7.1f} {args.n / seconds:>8.1f} {stored:>7} {peak:>8.0f}")
    print(f"fetch / files ratio: wall {figures['fetch'][1] / figures['files'][1]:.2f}, cpu "
          f"{figures['fetch'][2] / figures['files'][2]:.2f} (HTTP, serving the pages in-process, keeping raw pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
