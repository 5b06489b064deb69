"""Ingestion: files and folders -> Article records (text wire copy, HTML pages, JSONL/CSV bulk files).

``parse_paths`` walks the inputs, detects each file's format by content and extension, parses it, and then
infers missing years across the whole batch (lib.ingest.years); ``parse_chunks`` does the same a chunk of files at a
time, for batches too large to hold. Bad input never stops a batch: each file
yields a FileResult whose ``reason`` says in one line what was wrong. In a folder, documentation that travels with
data (README, LICENSE, SOURCE.md ...) is reported as skipped, not read as an article.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from typing import Callable, Iterator, Sequence

from lib.domain.languages import detect_language, language_code
from lib.models import Article, ParseError

DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class FileResult:
    """What one input file yielded: its articles, and why it (or some of its rows) was rejected."""

    path: str  # the file path as given/found
    status: str  # "ok" | "partial" (some rows rejected) | "rejected" | "skipped" (documentation in a folder)
    reason: str  # "" when ok (or a one-line warning, e.g. no dateline); else why
    articles: tuple[Article, ...]
    errors: tuple[str, ...] = ()  # one-line messages "path:LINE: reason" for rejected rows
    warnings: tuple[str, ...] = ()  # one-line messages about stored articles (an extraction that failed)


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
    """Parse every file under ``paths`` (files and folders, recursive, sorted, hidden files skipped), in that order."""
    numbered = [pair for chunk in _numbered_chunks(paths, max_bytes, FILES_PER_CHUNK) for pair in chunk]
    return [result for _, result in sorted(numbered, key=lambda pair: pair[0])]


FILES_PER_CHUNK = 500  # files parsed before a chunk is handed on (ingest stores each chunk in one transaction)


def parse_chunks(paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, files: int = FILES_PER_CHUNK
                 ) -> Iterator[list[FileResult]]:
    """parse_paths a chunk of ``files`` files at a time, so that a batch of any size is held one chunk at a time.

    Files come in walk order, except that a file with a date missing its year comes in the last chunk: that year is
    inferred from the whole batch (lib.ingest.years), of which only what the inference reads is kept until then
    (YearEvidence).
    """
    for chunk in _numbered_chunks(paths, max_bytes, files):
        yield [result for _, result in chunk]


def _numbered_chunks(paths: Sequence[str], max_bytes: int, files: int) -> Iterator[list[tuple[int, FileResult]]]:
    """parse_chunks' chunks, each result with its file's place in the walk (parse_paths restores that order)."""
    from lib.ingest.years import YearEvidence, resolve_years

    evidence = YearEvidence()
    deferred: list[tuple[int, FileResult, list]] = []  # files with a date still missing its year, and those dates
    chunk: list[tuple[int, FileResult]] = []
    for k, (path, skip) in enumerate(walk_paths(paths)):
        if skip:
            chunk.append((k, FileResult(path, "skipped", skip, ())))
        else:
            result, yearless = parse_file(path, max_bytes=max_bytes)
            evidence.add(result.articles)
            if any(partial is not None for partial in yearless):
                deferred.append((k, result, yearless))
            else:
                chunk.append((k, _with_warning(result)))
        if len(chunk) >= files:
            yield chunk
            chunk = []
    if deferred:
        pending = [(a, partial) for _, r, yearless in deferred for a, partial in zip(r.articles, yearless)
                   if partial is not None]
        try:
            resolved = iter(resolve_years(evidence.articles(), pending))
        except Exception as exc:  # a bug in the batch-wide inference leaves those dates unknown, and says so
            why = f"year inference failed ({type(exc).__name__}: {str(exc).strip()[:200]}): date unknown"
            resolved = iter([replace(a, date_note=f"{a.date_note}; {why}") for a, _ in pending])
        for k, result, yearless in deferred:
            articles = tuple(a if partial is None else next(resolved) for a, partial in zip(result.articles, yearless))
            chunk.append((k, _with_warning(replace(result, articles=articles))))
    if chunk:
        yield chunk


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Files named and files found under folders (recursive, sorted, hidden files and documentation skipped)."""
    return [path for path, skip in walk_paths(paths) if not skip]


def walk_paths(paths: Sequence[str]) -> list[tuple[str, str]]:
    """(path, why it is skipped or "") for files named and files found under folders (recursive, sorted, hidden
    files and folders left out). A file named explicitly is always read; one found in a folder is skipped when
    documentation_reason says it documents the data rather than being part of it."""
    out: list[tuple[str, str]] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend((os.path.join(root, f), documentation_reason(f)) for f in sorted(files)
                           if not f.startswith("."))
        else:
            out.append((path, ""))
    return out


# A folder of articles often carries files about the data: READMEs, licences, change logs, source notes. The rule:
# a documentation markup extension (no article format is Markdown or reST), a name that is one of these words
# (any case: "license.txt"), or a word of the name written in capitals that starts with one ("COPYING-CC.TXT",
# "ECBplus_README_LREC2014.txt"): the convention for such files. "licensed-to-kill.txt" is read.
DOCUMENTATION_NAMES = ("readme", "license", "licence", "copying", "changelog", "contributing")
DOCUMENTATION_EXTENSIONS = (".md", ".markdown", ".rst")
_NAME_WORDS = re.compile(r"[A-Za-z]+")


def documentation_reason(name: str) -> str:
    """Why a file found in a folder is documentation, not an article (``""`` when it is read)."""
    stem, ext = os.path.splitext(name)
    words = _NAME_WORDS.findall(stem)
    if (ext.lower() in DOCUMENTATION_EXTENSIONS or name.split(".")[0].casefold() in DOCUMENTATION_NAMES
            or any(w.isupper() and w.casefold().startswith(DOCUMENTATION_NAMES) for w in words)):
        return ("documentation file (a README, licence or notes file found in a folder), not an article; "
                "name it explicitly to read it")
    return ""


def printable(text: str) -> str:
    """``text`` on one line as written, with control, format (bidi) and separator characters escaped: a file name
    with a newline or a right-to-left override prints as ``a\\nb.txt``, never across lines or reversed."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)  # repr escapes exactly these


def parse_file(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[FileResult, list]:
    """One file's FileResult plus, per article, its yearless (month, day) or None."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise ParseError(path, too_large(size, max_bytes))
        with open(path, "rb") as fh:
            data = fh.read()
    except ParseError as exc:
        return FileResult(path, "rejected", exc.reason, ()), []
    except OSError as exc:
        return FileResult(path, "rejected", f"cannot read: {exc.strerror or exc}", ()), []
    return parse_data(path, data)


def too_large(size: int, max_bytes: int) -> str:
    """The reason a file over the size limit is rejected."""
    return f"file too large: {size:,} bytes, over the limit of {max_bytes:,} bytes"


def parse_data(path: str, data: bytes) -> tuple[FileResult, list]:
    """parse_file on bytes already read (the Spark batch reads them through Hadoop's filesystems)."""
    try:
        fmt = sniff_format(path, data)
        parsed, errors = PARSERS[fmt](data, path)
    except ParseError as exc:
        return FileResult(path, "rejected", exc.reason, ()), []
    except Exception as exc:  # a bug must not stop the batch; the file is reported, not silently dropped
        return FileResult(path, "rejected", f"internal error while parsing: {type(exc).__name__}: {exc}", ()), []
    articles = tuple(in_written_language(a) for a, _ in parsed)
    status, reason = file_status(path, len(articles), len(errors), errors[0] if errors else "")
    return (FileResult(path, status, reason, articles if articles else (), tuple(errors)),
            [y for _, y in parsed] if articles else [])


def in_written_language(article: Article) -> Article:
    """The article with the language its text is written in, where the identifier tells it (detect_language): a row
    or file that states none, or a page that states its site's ("en" on a German page), is read in its own language
    by attribution, stop words and the Articles page (the page's dates were read before, with its stated language)."""
    written = detect_language(article.text)
    return replace(article, language=written) if written and written != language_code(article.language) else article


def file_status(path: str, articles: int, rejected: int, first_error: str) -> tuple[str, str]:
    """(status, reason) of a file that gave ``articles`` articles and ``rejected`` row errors, the first of them
    ``first_error`` ("path:LINE: reason")."""
    first = first_error[len(path) + 1:] if first_error.startswith(path + ":") else first_error or "?"
    if not articles:
        return "rejected", f"no usable rows: {rejected} rejected (first: line {first})" if rejected else "no articles"
    if rejected:
        return "partial", f"{rejected} of {rejected + articles} rows rejected (first: line {first})"
    return "ok", ""


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
