"""Bulk files: JSON lines (or a JSON array) and CSV/TSV, one article per line/row; bad rows rejected alone.

Columns/fields are matched case-insensitively through COLUMN_ALIASES; the JSONL that ``python -m lib parse``
prints reads back in (its ``date_source``/``date_note`` are kept when valid).
"""
from __future__ import annotations

import csv
import io
import json
import sys

from lib.ingest.decode import BOMS, decode_bytes, normalise_text, refuse_binary, utf16_without_bom
from lib.ingest.exports import ExportFormat, export_records, recognise_export
from lib.ingest.text import CONFIDENCE, build_article, parse_date_value, split_paragraphs
from lib.models import DATE_SOURCES, ParseError

# Accepted column/field names (case-insensitive) -> the field they fill.
COLUMN_ALIASES = (
    ("text", "text"), ("body", "text"), ("content", "text"), ("article", "text"), ("full_text", "text"),
    ("outlet", "outlet"), ("source", "outlet"), ("publication", "outlet"), ("media_name", "outlet"),
    ("published", "published"), ("date", "published"), ("publish_date", "published"),
    ("published_at", "published"), ("title", "title"), ("headline", "title"), ("url", "url"), ("link", "url"),
    ("id", "id"), ("author", "author"), ("authors", "author"), ("byline", "author"), ("language", "language"),
    ("lang", "language"), ("via", "via"), ("story", "story"),
    ("date_source", "date_source"), ("date_confidence", "date_confidence"), ("date_note", "date_note"),
)
_ALIASES = dict(COLUMN_ALIASES)
_TEXT_NAMES = ", ".join(f"`{name}`" for name, field in COLUMN_ALIASES if field == "text")
_DELIMITERS = ",\t;|"  # ties go to the first


def parse_jsonl(data: bytes, origin: str) -> tuple[list, list[str]]:
    """Articles of a JSON-lines file (or JSON array, or an export's JSON envelope such as GDELT's
    {"articles": [...]}): ([(Article, Yearless | None)], row errors)."""
    objects, errors, export = _jsonl_objects(data, origin)
    require_text_field({k for _, r in objects for k in r}, export, origin)
    aliases = aliases_of(export)
    return _articles(((n, canonical_row(r, aliases)) for n, r in objects), origin, "jsonl", errors)


def require_text_field(keys: set, export: ExportFormat | None, origin: str) -> None:
    """ParseError when rows were read (``keys``: every field name they use) but none names the article text."""
    fields_seen = {str(k).strip().casefold() for k in keys}
    if keys and export is None and not any(_ALIASES.get(k) == "text" for k in fields_seen):
        raise ParseError(origin, f"no `text` field in any row (accepted: {_TEXT_NAMES}; found: "
                                 f"{', '.join(sorted(fields_seen))})")


def _jsonl_objects(data: bytes, origin: str) -> tuple[list[tuple[int, dict]], list[str], ExportFormat | None]:
    """(line number, object) per row, errors for lines that are not objects, and the export format recognised."""
    text, errors = decode_json_text(data, origin)
    rows: list[tuple[int, object]] = []
    stripped = text.lstrip()
    envelope = None
    if stripped.startswith("{"):
        try:
            envelope = export_records(json.loads(text))
        except json.JSONDecodeError:
            envelope = None  # JSON lines, each an object
    if envelope is not None:
        rows = list(enumerate(envelope[1], start=1))
    elif stripped.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ParseError(origin, f"broken JSON array at line {exc.lineno}: {exc.msg}") from None
        rows = list(enumerate(items if isinstance(items, list) else [items], start=1))
    else:
        # split on "\n" only: a raw U+2028 or CR inside a JSON string is part of its value, not a line break
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            value, error = json_line(line, number, origin)
            if error:
                errors.append(error)
            else:
                rows.append((number, value))
    objects = [(n, r) for n, r in rows if isinstance(r, dict)]
    errors += [not_an_object(origin, n) for n, r in rows if not isinstance(r, dict)]
    export = envelope[0] if envelope is not None else recognise_export({k for _, r in objects for k in r})
    return objects, errors, export


def json_line(line: str, number: int, origin: str) -> tuple[object, str]:
    """(the JSON value of one non-blank line of a JSON-lines file, "") or (None, its one-line error)."""
    try:
        return json.loads(line), ""
    except json.JSONDecodeError as exc:
        return None, f"{origin}:{number}: broken JSON line ({exc.msg} at column {exc.colno})"


def not_an_object(origin: str, number: int) -> str:
    """The error of a line whose JSON value is not an object (a list, a number ...)."""
    return f"{origin}:{number}: not a JSON object"


def decode_json_text(data: bytes, origin: str) -> tuple[str, list[str]]:
    """A JSON file's text and one error per line that is not UTF-8 (that line left empty, the others kept).

    JSON is UTF-8 (RFC 8259; UTF-16 with or without a byte-order mark is read too): a legacy-encoding guess over
    the whole file turned one bad line into mojibake in every line, or rejected the good rows with it.
    """
    if data.startswith(tuple(bom for bom, _ in BOMS)) or utf16_without_bom(data) or _is_utf8(data):
        return decode_bytes(data, origin), []
    return _decode_lines(data, origin)


def _is_utf8(data: bytes) -> bool:
    """True when the bytes are valid UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_lines(data: bytes, origin: str) -> tuple[str, list[str]]:
    """Each line decoded as UTF-8 on its own; a line that is not becomes empty and one error."""
    refuse_binary(data, origin)
    lines, errors = [], []
    for number, line in enumerate(data.split(b"\n"), start=1):
        text, error = decode_json_line(line, number, origin)
        lines.append(text)
        if error:
            errors.append(error)
    if not any(line.strip() for line in lines):
        raise ParseError(origin, "undecodable bytes: no line of this JSON file is UTF-8")
    return "\n".join(lines), errors


def decode_json_line(line: bytes, number: int, origin: str) -> tuple[str, str]:
    """(text, "") of one line of a JSON-lines file as UTF-8, or ("", its one-line error) when it is not UTF-8."""
    try:
        return line.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        return "", (f"{origin}:{number}: not UTF-8 (undecodable byte {line[exc.start]:#04x} at byte "
                    f"{exc.start + 1} of the line; JSON lines are UTF-8): line skipped")


def parse_csv(data: bytes, origin: str) -> tuple[list, list[str]]:
    """Articles of a CSV/TSV file with a header row: ([(Article, Yearless | None)], row errors)."""
    header, rows, errors, export = _csv_rows(data, origin)
    if export is None and not any(_ALIASES.get(h.strip().casefold()) == "text" for h in header):
        raise ParseError(origin, f"CSV has no `text` column (accepted: {_TEXT_NAMES}; columns: "
                                 f"{', '.join(h.strip() for h in header) or '(none)'})")
    aliases = aliases_of(export)
    return _articles(((n, canonical_row(r, aliases)) for n, r in rows), origin, "csv", errors)


def _csv_rows(data: bytes, origin: str):
    """(header, rows, errors, export format): rows yields (line number, {column: value}); malformed records go to
    ``errors`` as the rows are read."""
    text = normalise_text(decode_bytes(data, origin))
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), quotechar='"', doublequote=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise ParseError(origin, f"no CSV header row ({exc})" if str(exc) else "no CSV header row") from None
    names = [h.strip().casefold() for h in header]
    errors: list[str] = []

    def rows():
        line = reader.line_num
        while True:
            start = line + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                errors.append(f"{origin}:{start}: malformed CSV row ({exc})")
                line = reader.line_num
                continue
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(names):
                errors.append(f"{origin}:{start}: row has {len(values)} fields, the header has {len(names)}")
                continue
            yield start, dict(zip(names, values))

    return header, rows(), errors, recognise_export(names)


def link_rows(data: bytes, origin: str, fmt: str) -> list[tuple[str, dict]]:
    """(url, canonical row) of the rows of a JSONL/CSV file that give a URL but no text (news-database exports list
    links): what `ingest --fetch` downloads, the row's other fields filling what the page does not say."""
    if fmt == "csv":
        _, rows, _, export = _csv_rows(data, origin)
    else:
        objects, _, export = _jsonl_objects(data, origin)
        rows = iter(objects)
    aliases = aliases_of(export)
    out = []
    for _, row in rows:
        canonical = canonical_row(row, aliases)
        text = canonical.get("text", "")
        if canonical.get("url") and not (isinstance(text, str) and text.strip()):
            out.append((canonical["url"], canonical))
    return out


def aliases_of(export: ExportFormat | None) -> dict[str, str]:
    """The column -> field table: COLUMN_ALIASES, with a recognised export's own columns taking precedence."""
    return {**_ALIASES, **dict(export.columns)} if export is not None else _ALIASES


def _delimiter(text: str) -> str:
    """The delimiter that occurs most in the header line (csv.Sniffer misreads quoted multi-line fields)."""
    header = text.lstrip("\n").split("\n", 1)[0]
    return max(_DELIMITERS, key=header.count)


def canonical_row(row: dict, aliases: dict[str, str] = _ALIASES) -> dict[str, object]:
    """Row keys mapped through ``aliases`` (first non-empty value wins), values as stripped strings; a `text`
    that is not a string is kept as it is (``_articles`` rejects the row), a null `text` is empty."""
    out: dict[str, object] = {}
    for key, value in row.items():
        field = aliases.get(str(key).strip().casefold())
        if field is None or field in out or (value is None and field != "text"):
            continue
        if field == "text":
            out[field] = "" if value is None else value
            continue
        value = value if isinstance(value, str) else json.dumps(value) if isinstance(value, (list, dict)) else str(value)
        if value.strip():
            out[field] = normalise_text(value).strip()
    return out


def _json_kind(value: object) -> str:
    """'a number', 'a list' ... for a JSON value that is not a string."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "a list" if isinstance(value, list) else "an object" if isinstance(value, dict) else type(value).__name__


def _articles(rows, origin: str, fmt: str, errors: list[str]) -> tuple[list, list[str]]:
    """Articles from canonical rows; rows without text, or repeating an earlier row, become errors."""
    parsed, first_line = [], {}
    for number, row in rows:
        built, error = row_article(row, number, origin, fmt)
        if error:
            errors.append(error)
            continue
        article, _ = built
        if article.id in first_line:
            errors.append(duplicate_row(origin, number, first_line[article.id]))
            continue
        first_line[article.id] = number
        parsed.append(built)
    return parsed, errors


def row_article(row: dict, number: int, origin: str, fmt: str) -> tuple[tuple | None, str]:
    """((Article, Yearless | None), "") of one canonical row (line ``number`` of ``origin``), or (None, the row's
    one-line error). Duplicates within a file are the caller's to find (duplicate_row)."""
    where = f"{origin}:{number}"
    if not isinstance(row.get("text", ""), str):
        return None, f"{where}: `text` is {_json_kind(row['text'])}, not a string (row skipped)"
    if not row.get("text", "").strip():
        if row.get("url"):
            return None, f"{where}: no text, only a link ({row['url']}): `ingest --fetch` downloads it"
        return None, f"{where}: no `text` in this row" if "text" not in row else f"{where}: empty `text`"
    try:
        return build_article(split_paragraphs(normalise_text(row["text"])), row, where, fmt,
                             dates=_given_dates(row)), ""
    except ParseError as exc:
        return None, f"{where}: {exc.reason}"


def duplicate_row(origin: str, number: int, first: int) -> str:
    """The error of a row whose article id an earlier row of the same file (line ``first``) already gave."""
    return f"{origin}:{number}: same id/content as line {first} (duplicate row skipped)"


def _given_dates(row: dict[str, str]):
    """(published, date_source, confidence, note) kept from a row that states its own date_source, else None."""
    source = row.get("date_source")
    if not source or source not in DATE_SOURCES or source in ("header", "unknown") or not row.get("published"):
        return None
    value, _ = parse_date_value(row["published"])
    if value is None:
        return None
    try:
        confidence = float(row.get("date_confidence", ""))
    except ValueError:
        confidence = CONFIDENCE["header"]
    return value, source, confidence, row.get("date_note", "")
