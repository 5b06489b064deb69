"""Tables as download bytes (CSV in UTF-8 or Parquet, list cells written as JSON text), and the menu that offers
what a page shows under its filters, in files named after the view."""
from __future__ import annotations

import io
import json
import re
from typing import Callable, Mapping

import pandas as pd
import streamlit as st

from app.markup import plain_markdown
from lib.models import json_value

EXPORT_TABLES = ("articles", "quotes", "date_mentions", "stories", "ingest_report")
FORMATS = (("csv", "text/csv"), ("parquet", "application/vnd.apache.parquet"))
NAMED_OUTLETS = 3  # outlets spelt out in a file name; more are counted ("tass-reuters-ap-and-4-more")
STEM_CHARS = 120  # a file name's view part is cut to this, so every system takes the name


def exportable(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose list/array/dict cells are JSON strings, so CSV and Parquet writers take every table."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object and out[col].map(lambda v: hasattr(v, "__len__") and not isinstance(v, str)).any():
            out[col] = out[col].map(lambda v: json.dumps(json_value(v), ensure_ascii=False, default=str)
                                    if hasattr(v, "__len__") and not isinstance(v, str) else v)
    return out


def table_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    """A table as CSV (UTF-8) or Parquet bytes for download."""
    flat = exportable(frame)
    if fmt == "csv":
        return flat.to_csv(index=False).encode("utf-8")
    if fmt == "parquet":
        buf = io.BytesIO()
        flat.to_parquet(buf, index=False)
        return buf.getvalue()
    raise ValueError(f"unknown export format {fmt!r} (csv or parquet)")


def view_stem(page: str, filters: Mapping) -> str:
    """A file-name stem naming the view: page, outlets, dates, story, speaker and outlet grouping ("story-tass-reuters-
    2020-09-25-to-2020-09-30-s-1a2b3c-by-type"), in lower-case letters, digits, dots and dashes."""
    parts = [page]
    outlets = list(filters.get("outlets") or [])
    parts += outlets[:NAMED_OUTLETS] + ([f"and {len(outlets) - NAMED_OUTLETS} more"] if len(outlets) > NAMED_OUTLETS
                                        else [])
    if filters.get("start") is not None:
        parts.append(f"{filters['start']:%Y-%m-%d} to {filters['end']:%Y-%m-%d}")
    parts += [str(filters[k]) for k in ("story", "speaker") if filters.get(k)]
    if filters.get("by"):
        parts += [f"by {filters['by']}", *map(str, filters.get("by_value") or [])]
    stem = re.sub(r"[^\w.]+", "-", " ".join(parts).casefold(), flags=re.ASCII).strip("-.")
    return stem[:STEM_CHARS].rstrip("-.") or "view"


def download_menu(page: str, tables: Mapping[str, Callable[[], pd.DataFrame]], filters: Mapping) -> None:
    """The sidebar's "Download this view": each table the page offered, as CSV and Parquet, built on click."""
    with st.popover("Download this view", icon=":material/download:", width="stretch"):
        if not tables:
            st.caption("This page offers no table to download; the Data page has the whole corpus.")
            return
        st.caption("What this page shows under the filters, as CSV or Parquet (lists are JSON text in CSV). The "
                   "whole corpus is on the Data page.")
        stem = view_stem(page, filters)
        for name, frame in tables.items():
            cols = st.columns([3, 2, 2], vertical_alignment="center")
            cols[0].markdown(plain_markdown(name))
            for col, (fmt, mime) in zip(cols[1:], FORMATS):
                col.download_button(fmt.upper(), data=lambda frame=frame, fmt=fmt: table_bytes(frame(), fmt),
                                    file_name=f"{stem}-{name.replace(' ', '-')}.{fmt}", mime=mime,
                                    key=f"view-{name}-{fmt}", on_click="ignore", icon=":material/download:")
