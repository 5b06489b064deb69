"""Polite downloading: robots.txt, a per-host delay, a user agent naming the tool, timeouts, retries with back-off
on 429 and 5xx, a cap on page size, redirects followed and recorded. urllib3 (the client trafilatura itself uses)
does the HTTP; this module only decides what to ask, when, and what a failure is called.

Every failure is a ``Page`` whose ``reason`` says in one line what went wrong; nothing here raises for a bad URL, a
refusing host or a broken response.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import time
import urllib.parse
import urllib.robotparser
from dataclasses import dataclass, field

import urllib3

USER_AGENT = "coverage-dashboard/1.0 (news coverage comparison; fetches only the pages its user lists)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_RETRY_WAIT = 60.0  # seconds: a Retry-After longer than this is cut to it, so one host cannot stall a run
CHUNK = 65536


@dataclass(frozen=True)
class Page:
    """What one URL gave: the bytes and where they came from, or why there are none."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int  # the last HTTP status; 0 when no response came
    content_type: str
    data: bytes
    redirects: tuple[str, ...]  # every URL redirected through, in order, ending at final_url
    reason: str  # "" when the page came; else one line why not
    fetched_at: dt.datetime

    @property
    def ok(self) -> bool:
        return not self.reason


@dataclass
class FetchSettings:
    """Politeness and limits; the defaults suit fetching news pages from many hosts."""

    delay: float = 1.0  # seconds between two requests to one host (robots.txt Crawl-delay may raise it)
    timeout: float = 15.0  # seconds to connect, and between two reads
    retries: int = 3  # further tries after a 429/5xx or a dropped connection
    backoff: float = 1.0  # first wait before a retry; doubles each time (a Retry-After header wins)
    max_bytes: int = 20_000_000  # a larger page is cut off and reported
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    robots: bool = True  # obey robots.txt (RFC 9309)


@dataclass
class Fetcher:
    """Downloads pages one at a time, remembering each host's robots.txt and the time of its last request."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    sleep: object = time.sleep
    clock: object = time.monotonic

    def __post_init__(self) -> None:
        s = self.settings
        self._pool = urllib3.PoolManager(headers={"User-Agent": s.user_agent},
                                         timeout=urllib3.Timeout(connect=s.timeout, read=s.timeout),
                                         retries=False)
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._last: dict[str, float] = {}

    def get(self, url: str) -> Page:
        """The page at ``url``, following redirects (each hop checked against its host's robots.txt)."""
        url = url.strip()
        hops: list[str] = []
        current = url
        for _ in range(self.settings.max_redirects + 1):
            problem = _scheme_problem(current)
            if problem:
                return _failure(url, current, hops, 0, problem)
            refusal = self._robots_refusal(current)
            if refusal:
                return _failure(url, current, hops, 0, refusal)
            response, problem = self._request(current)
            if response is None:
                return _failure(url, current, hops, 0, problem)
            if response.status in REDIRECT_STATUSES and response.headers.get("Location"):
                response.release_conn()
                hops.append(current)
                current = urllib.parse.urljoin(current, response.headers["Location"])
                continue
            return self._read(url, current, hops, response)
        return _failure(url, current, hops, 0, f"more than {self.settings.max_redirects} redirects")

    def _request(self, url: str):
        """(response, "") after the host's delay and any retries; (None, reason) when none came."""
        s = self.settings
        response, reason = None, ""
        for attempt in range(s.retries + 1):
            self._wait_for_host(url)
            try:
                response = self._pool.request("GET", url, preload_content=False, redirect=False)
            except urllib3.exceptions.HTTPError as exc:
                response, reason = None, _network_reason(exc)
            if response is not None and response.status not in RETRY_STATUSES:
                return response, ""
            if response is not None:
                reason = f"HTTP {response.status}"
            if attempt == s.retries:
                break
            wait = _retry_after(response) if response is not None else None
            if response is not None:
                response.release_conn()
            self.sleep(min(MAX_RETRY_WAIT, wait if wait is not None else s.backoff * 2 ** attempt))
        if response is not None:
            response.release_conn()
        return None, f"{reason} after {s.retries + 1} tries"

    def _read(self, url: str, final: str, hops: list[str], response) -> Page:
        """The body, cut at the size cap; a status other than 200 is a failure with its code."""
        s = self.settings
        ctype = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        redirects = tuple(hops + [final]) if hops else ()
        if response.status != 200:
            response.release_conn()
            return _failure(url, final, hops, response.status, f"HTTP {response.status}", ctype)
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > s.max_bytes:
            response.release_conn()
            return _failure(url, final, hops, 200, f"page of {int(declared):,} bytes is over the cap of "
                                                   f"{s.max_bytes:,}", ctype)
        chunks, size = [], 0
        try:
            for chunk in response.stream(CHUNK):
                chunks.append(chunk)
                size += len(chunk)
                if size > s.max_bytes:
                    return _failure(url, final, hops, 200, f"page is over the cap of {s.max_bytes:,} bytes", ctype)
        except urllib3.exceptions.HTTPError as exc:
            return _failure(url, final, hops, 200, _network_reason(exc), ctype)
        finally:
            response.release_conn()
        return Page(url, final, 200, ctype, b"".join(chunks), redirects, "", _now())

    def _wait_for_host(self, url: str) -> None:
        """Sleep until the host's delay since its last request has passed."""
        host = _host(url)
        delay = self.settings.delay
        robots = self._robots.get(host)
        if isinstance(robots, urllib.robotparser.RobotFileParser):
            delay = max(delay, float(robots.crawl_delay(self.settings.user_agent) or 0))
        last = self._last.get(host)
        if last is not None:
            remaining = last + delay - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self._last[host] = self.clock()

    def _robots_refusal(self, url: str) -> str:
        """Why robots.txt forbids ``url`` ("" when it allows it). Per RFC 9309: a missing file (4xx) allows
        everything; an unreachable one (5xx, no answer) forbids everything on that host for this run."""
        if not self.settings.robots:
            return ""
        host = _host(url)
        if host not in self._robots:
            self._robots[host] = self._load_robots(host)
        robots = self._robots[host]
        if isinstance(robots, str):
            return robots
        if robots.can_fetch(self.settings.user_agent, url):
            return ""
        return "forbidden by the site's robots.txt"

    def _load_robots(self, host: str):
        """The host's parsed robots.txt, or the one-line reason it forbids everything."""
        parser = urllib.robotparser.RobotFileParser(host + "/robots.txt")
        response, problem = self._request(host + "/robots.txt")
        if response is None:
            return f"robots.txt unreachable ({problem}): the host is skipped"
        try:
            if response.status >= 400:
                parser.parse([])  # no robots.txt: everything allowed
            else:
                body = response.read(self.settings.max_bytes)
                parser.parse(body.decode("utf-8", errors="replace").splitlines())
        except urllib3.exceptions.HTTPError as exc:
            return f"robots.txt unreachable ({_network_reason(exc)}): the host is skipped"
        finally:
            response.release_conn()
        return parser


def _host(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _scheme_problem(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "not an http(s) URL"
    return ""


def _retry_after(response) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), else None."""
    value = (response.headers.get("Retry-After") or "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


def _network_reason(exc: Exception) -> str:
    """A network error in words: timeouts and refused connections by name, anything else by its class."""
    if isinstance(exc, (urllib3.exceptions.TimeoutError, urllib3.exceptions.ReadTimeoutError,
                        urllib3.exceptions.ConnectTimeoutError)):
        return "timed out"
    if isinstance(exc, urllib3.exceptions.NameResolutionError):  # a subclass of NewConnectionError
        return "host name not found"
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return "connection refused or host unreachable"
    if isinstance(exc, urllib3.exceptions.ProtocolError):
        return "connection dropped"
    return f"network error ({type(exc).__name__})"


def _failure(url: str, final: str, hops: list[str], status: int, reason: str, ctype: str = "") -> Page:
    return Page(url, final, status, ctype, b"", tuple(hops + [final]) if hops else (), reason, _now())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
