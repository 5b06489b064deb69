"""Ingestion: files and folders -> Article records (text wire copy, HTML pages, JSONL/CSV bulk files).

``parse_paths`` walks the inputs, detects each file's format by content and extension, parses it, and then
infers missing years across the whole batch (lib.ingest.years). Bad input never stops a batch: each file
yields a FileResult whose ``reason`` says in one line what was wrong.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from lib.models import Article, ParseError

DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class FileResult:
    """What one input file yielded: its articles, and why it (or some of its rows) was rejected."""

    path: str  # the file path as given/found
    status: str  # "ok" | "partial" (some rows rejected) | "rejected"
    reason: str  # "" when ok (or a one-line warning, e.g. no dateline); else why
    articles: tuple[Article, ...]
    errors: tuple[str, ...] = ()  # one-line messages "path:LINE: reason" for rejected rows


# Extension -> format; content sniffing (sniff_format) overrides it for HTML and JSON lines.
EXTENSIONS = (
    ((".jsonl", ".ndjson", ".json"), "jsonl"),
    ((".csv", ".tsv"), "csv"),
    ((".html", ".htm", ".xhtml", ".shtml"), "html"),
)
_HTML_OPENINGS = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<!--")
SNIFF_HEAD = 4096  # bytes whose opening says markup (after a BOM and blank lines)
SNIFF_PAGE = 65536  # bytes searched for <html> or <body>: past a long head of scripts and styles


def parse_paths(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[FileResult]:
    """Parse every file under ``paths`` (files and folders, recursive, sorted, hidden files skipped)."""
    from lib.ingest.years import resolve_years

    results: list[FileResult] = []
    pending: list = []  # (result index, article index, Yearless) for dates still missing their year
    for path in expand_paths(paths):
        result, yearless = parse_file(path, max_bytes=max_bytes)
        for j, partial in enumerate(yearless):
            if partial is not None:
                pending.append((len(results), j, partial))
        results.append(result)
    if pending:
        batch = [a for r in results for a in r.articles]
        resolved = resolve_years(batch, [(results[i].articles[j], partial) for i, j, partial in pending])
        for (i, j, _), article in zip(pending, resolved):
            arts = list(results[i].articles)
            arts[j] = article
            results[i] = replace(results[i], articles=tuple(arts))
    return [_with_warning(r) for r in results]


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Files named and files found under folders (recursive, sorted, hidden files and folders skipped)."""
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
        else:
            out.append(path)
    return out


def parse_file(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[FileResult, list]:
    """One file's FileResult plus, per article, its yearless (month, day) or None."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise ParseError(path, f"file too large: {size:,} bytes, over the limit of {max_bytes:,} bytes")
        with open(path, "rb") as fh:
            data = fh.read()
        fmt = sniff_format(path, data)
        parsed, errors = PARSERS[fmt](data, path)
    except ParseError as exc:
        return FileResult(path, "rejected", exc.reason, ()), []
    except OSError as exc:
        return FileResult(path, "rejected", f"cannot read: {exc.strerror or exc}", ()), []
    except Exception as exc:  # a bug must not stop the batch; the file is reported, not silently dropped
        return FileResult(path, "rejected", f"internal error while parsing: {type(exc).__name__}: {exc}", ()), []
    articles = tuple(a for a, _ in parsed)
    first = errors[0][len(path) + 1:] if errors and errors[0].startswith(path + ":") else (errors or ["?"])[0]
    if not articles:
        reason = f"no usable rows: {len(errors)} rejected (first: line {first})" if errors else "no articles"
        return FileResult(path, "rejected", reason, (), tuple(errors)), []
    if errors:
        reason = f"{len(errors)} of {len(errors) + len(articles)} rows rejected (first: line {first})"
        return FileResult(path, "partial", reason, articles, tuple(errors)), [y for _, y in parsed]
    return FileResult(path, "ok", "", articles), [y for _, y in parsed]


def sniff_format(path: str, data: bytes) -> str:
    """txt | html | jsonl | csv, by content first (HTML markup, JSON objects), then by extension."""
    head = data[:SNIFF_HEAD].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    start = data[:SNIFF_PAGE].lower()
    if head.startswith(_HTML_OPENINGS) and (b"<html" in start or b"<body" in start
                                            or b"<p" in head or b"<div" in head):
        return "html"
    ext = os.path.splitext(path)[1].lower()
    for extensions, fmt in EXTENSIONS:
        if ext in extensions:
            return fmt
    if head.startswith((b"{", b"[")):
        return "jsonl"
    return "txt"


def _parse_txt(data: bytes, origin: str) -> tuple[list, list[str]]:
    """A plain-text file: one article."""
    from lib.ingest.decode import decode_bytes
    from lib.ingest.text import parse_text

    return [parse_text(decode_bytes(data, origin), origin)], []


def _parse_html(data: bytes, origin: str) -> tuple[list, list[str]]:
    """An HTML page: one article (lib.ingest.html, imported lazily)."""
    from lib.ingest.decode import refuse_binary

    refuse_binary(data, origin)
    try:
        from lib.ingest.html import parse_html
    except ImportError as exc:
        raise ParseError(origin, f"HTML pages cannot be read yet ({exc})") from None
    return [(parse_html(data, origin), None)], []


def _parse_jsonl(data: bytes, origin: str) -> tuple[list, list[str]]:
    """A JSON-lines (or JSON array) file: one article per object."""
    from lib.ingest.bulk import parse_jsonl

    return parse_jsonl(data, origin)


def _parse_csv(data: bytes, origin: str) -> tuple[list, list[str]]:
    """A CSV/TSV file: one article per row."""
    from lib.ingest.bulk import parse_csv

    return parse_csv(data, origin)


# format -> parser(data, origin) -> ([(Article, Yearless | None)], ["path:LINE: reason", ...])
PARSERS: dict[str, Callable] = {"txt": _parse_txt, "html": _parse_html, "jsonl": _parse_jsonl, "csv": _parse_csv}


def _with_warning(result: FileResult) -> FileResult:
    """A single-article text file missing its outlet or date says so in ``reason`` (status stays ok)."""
    if result.status != "ok" or len(result.articles) != 1 or result.articles[0].format != "txt":
        return result
    article = result.articles[0]
    gaps = []
    if article.outlet is None or article.published is None:
        gaps.append("no dateline" if article.dateline is None else f"dateline {article.dateline!r}")
    if article.outlet is None:
        gaps.append("outlet unknown")
    if article.published is None:
        gaps.append(article.date_note or "date unknown")
    return replace(result, reason="; ".join(gaps)) if gaps else result
