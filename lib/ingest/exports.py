"""News-database exports, recognised by their columns: Media Cloud story exports and GDELT DOC 2.0 article lists.

Each format is a row of EXPORT_FORMATS: the columns that identify it, the column -> article field mapping, and
(for JSON) the key that holds its rows. Such exports often carry no text: their rows are links, which the bulk
reader reports one by one ("no text, only a link") and `python -m lib ingest FILE --fetch` downloads.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportFormat:
    """One export format: how to tell it, and what its columns mean."""

    name: str
    signature: frozenset[str]  # case-folded columns that all appear in a file of this format
    columns: tuple[tuple[str, str], ...]  # (column, article field), case-folded column names
    records_key: str | None = None  # JSON: the top-level key whose list holds the rows


# From the formats' public documentation: Media Cloud's search tool CSV download (id, indexed_date, language,
# media_name, media_url, publish_date, title, url; text when the export includes it) and its older API v2 story
# lists (stories_id, publish_date, title, url, language, media_name, media_url); GDELT DOC 2.0 `mode=ArtList` in
# JSON ({"articles": [{url, url_mobile, title, seendate, socialimage, domain, language, sourcecountry}]}) and as
# the CSV its clients write from it (the same fields as columns).
EXPORT_FORMATS = (
    ExportFormat(
        "Media Cloud story export",
        frozenset({"media_name", "publish_date", "url"}),
        (("url", "url"), ("title", "title"), ("publish_date", "published"), ("media_name", "outlet"),
         ("language", "language"), ("text", "text"), ("story_text", "text")),
    ),
    ExportFormat(
        "GDELT DOC 2.0 article list",
        frozenset({"url", "seendate", "domain"}),
        (("url", "url"), ("title", "title"), ("seendate", "published"), ("domain", "outlet"),
         ("language", "language")),
        records_key="articles",
    ),
)


def recognise_export(columns) -> ExportFormat | None:
    """The export format whose identifying columns are all among ``columns`` (any case), else None."""
    names = {str(c).strip().casefold() for c in columns}
    return next((f for f in EXPORT_FORMATS if f.signature <= names), None)


def export_records(document) -> tuple[ExportFormat, list] | None:
    """(format, rows) when a parsed JSON document is an export envelope such as GDELT's {"articles": [...]}."""
    if not isinstance(document, dict):
        return None
    for fmt in EXPORT_FORMATS:
        rows = document.get(fmt.records_key) if fmt.records_key else None
        if isinstance(rows, list) and all(isinstance(r, dict) for r in rows):
            return fmt, rows
    return None
