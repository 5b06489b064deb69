"""Corpus tables as download bytes: CSV (UTF-8) or Parquet, list cells written as JSON text."""
from __future__ import annotations

import io
import json

import pandas as pd

from lib.models import json_value

EXPORT_TABLES = ("articles", "quotes", "date_mentions", "stories", "ingest_report")


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
