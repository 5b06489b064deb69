"""Outlet descriptions from a user's outlets file (CSV or JSON): what each outlet is, so coverage can be compared by
kind of outlet (state media, wire services, public broadcasters, by country, by any column the user adds).

One row per outlet: `outlet` (required), `aliases` (other names or domains it goes by: a JSON list, or one string
separated by `;` or `|`), and any other columns, kept as the outlet's attributes (`domain`, `country`, `language`,
`type` such as state-affiliated / public broadcaster / wire service / private, a lean rating...). A bad row is one
line naming the file, the row and the reason; the other rows are read.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field

from lib.ingest.decode import decode_bytes, normalise_text
from lib.models import ParseError

_ALIAS_SPLIT = re.compile(r"\s*[;|]\s*")
MAX_ATTRIBUTES = 50  # columns kept per outlet: a descriptions file, not a data dump


@dataclass(frozen=True)
class OutletInfo:
    """One described outlet: its name as the user writes it, its other names, and its attributes."""

    outlet: str
    aliases: tuple[str, ...] = ()
    attributes: dict[str, str] = field(default_factory=dict)


def read_outlets(data: bytes, origin: str) -> tuple[list[OutletInfo], list[str]]:
    """Outlets described in a CSV/TSV or JSON (array or lines) file, and one-line errors for rows left out."""
    text = normalise_text(decode_bytes(data, origin)).strip()  # decode_bytes says "empty file" for no bytes
    if not text:
        raise ParseError(origin, "empty outlets file")
    rows = _json_rows(text, origin) if text[0] in "[{" else _csv_rows(text, origin)
    infos, errors, seen = [], [], {}
    for number, row in rows:
        where = f"{origin}:{number}"
        if not isinstance(row, dict):
            errors.append(f"{where}: not an object with an `outlet` field")
            continue
        values = {str(k).strip().casefold(): v for k, v in row.items() if k is not None and str(k).strip()}
        name = values.pop("outlet", None)
        if not isinstance(name, str) or not name.strip():
            errors.append(f"{where}: no `outlet` name in this row")
            continue
        name = " ".join(name.split())
        if name.casefold() in seen:
            errors.append(f"{where}: outlet {name!r} is described already at row {seen[name.casefold()]}")
            continue
        seen[name.casefold()] = number
        aliases = _aliases(values.pop("aliases", None))
        attributes = {k: _cell(v) for k, v in list(values.items())[:MAX_ATTRIBUTES] if _cell(v)}
        infos.append(OutletInfo(name, aliases, attributes))
    if not infos and not errors:
        raise ParseError(origin, "no outlet rows")
    return infos, errors


def _json_rows(text: str, origin: str) -> list[tuple[int, object]]:
    if text[0] == "[":
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ParseError(origin, f"broken JSON array at line {exc.lineno}: {exc.msg}") from None
        return list(enumerate(items, start=1))
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                rows.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                rows.append((number, f"broken JSON line ({exc.msg})"))
    return rows


def _csv_rows(text: str, origin: str) -> list[tuple[int, object]]:
    header = text.split("\n", 1)[0]
    delimiter = max(",\t;|", key=header.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if not reader.fieldnames or "outlet" not in {f.strip().casefold() for f in reader.fieldnames if f}:
        raise ParseError(origin, "no `outlet` column in the header row")
    try:
        return [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        raise ParseError(origin, f"malformed CSV at line {reader.line_num} ({exc})") from None


def _aliases(value) -> tuple[str, ...]:
    """Aliases from a JSON list or a `;`/`|`-separated string, blanks dropped, order kept."""
    items = value if isinstance(value, list) else _ALIAS_SPLIT.split(value) if isinstance(value, str) else []
    return tuple(dict.fromkeys(" ".join(str(a).split()) for a in items if str(a).strip()))


def _cell(value) -> str:
    """An attribute value as one line of text (numbers and booleans written out; lists joined)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value if _cell(v))
    return " ".join(str(value).split())
