"""Pure table helpers the pages and loaders share: filter the articles, keep the quotes they still share, search
quotes, label articles and stories, highlight spans of one article."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Iterable, Mapping, Sequence

import pandas as pd

from lib.domain.outlets import outlet_labels
from lib.models import speaker_of

LABEL_CHARS = 90  # a label longer than this is cut with "…", so a picker option or axis label stays short
STORY_LABEL_CHARS = 80  # a story in the sidebar picker: its whole label is still searched ("Find a story")
ARTICLE_LABEL_CHARS = 110  # "Outlet · day · title" carries more before the title: a wider cut
TITLE_STANDIN_CHARS = 60  # an untitled article is labelled by the start of its text, this long
HIGHLIGHTED_KINDS = ("direct", "partial", "reported")  # quote kinds with a highlight class of their own


def date_bounds(articles: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """The first and last publication day of a corpus, or None when nothing is dated."""
    published = pd.to_datetime(articles["published"]).dropna() if len(articles) else pd.Series(dtype="datetime64[ns]")
    if published.empty:
        return None
    return published.min().date(), published.max().date()


def filter_articles(articles: pd.DataFrame, outlets: Sequence[str] = (), start: dt.date | None = None,
                    end: dt.date | None = None, ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Articles from the given outlets (all when empty), published in [start, end] (days), within ``ids``."""
    keep = pd.Series(True, index=articles.index)
    if outlets:
        keep &= outlet_labels(articles["outlet"]).isin(set(outlets))
    if start is not None or end is not None:
        day = pd.to_datetime(articles["published"]).dt.normalize()
        if start is not None:
            keep &= day >= pd.Timestamp(start)
        if end is not None:
            keep &= day <= pd.Timestamp(end)
        keep &= day.notna()
    if ids is not None:
        keep &= articles["id"].isin(set(ids))
    return articles[keep]


def keep_shared(renderings: pd.DataFrame, ids: Iterable[str]) -> pd.DataFrame:
    """Renderings of the given articles, only for quotes that two or more of those articles still share."""
    ids = set(ids)
    kept = renderings[renderings["article_id"].isin(ids)]
    kept = kept[kept.groupby("group_id")["article_id"].transform("nunique") >= 2]
    # A group whose corpus-wide earliest carrier is filtered out starts at its earliest remaining carrier (its
    # diff still reads against the corpus-wide earliest wording, which is what a fact-checker compares with).
    orphan = ~(kept["role"] == "earliest").groupby(kept["group_id"]).transform("any").astype(bool)
    if orphan.any():
        first = kept[orphan].sort_values(["published", "article_id", "start"], na_position="last") \
            .drop_duplicates("group_id").index
        kept = kept.copy()
        kept.loc[first, "role"] = "earliest"
    return kept


def search_quotes(quotes: pd.DataFrame, needle: str | None) -> pd.DataFrame:
    """Quotes whose text or speaker contains ``needle`` (case-insensitive); all of them when it is empty."""
    if not needle:
        return quotes
    n = needle.casefold()
    who = quotes["who"] if "who" in quotes else speaker_of(quotes)
    return quotes[quotes["text"].str.casefold().str.contains(n, regex=False)
                  | who.fillna("").str.casefold().str.contains(n, regex=False)]


def unique_labels(ids: Sequence[str], labels: Sequence[str], width: int = LABEL_CHARS) -> dict[str, str]:
    """id -> display label, shortened to ``width`` and made unique by appending the id where labels collide."""
    short = [(str(l) if l is not None and not (isinstance(l, float) and pd.isna(l)) else str(i)) for i, l in
             zip(ids, labels)]
    short = [s if len(s) <= width else s[: width - 1] + "…" for s in short]
    counts = Counter(short)
    return {i: (s if counts[s] == 1 else f"{s} [{str(i)[:8]}]") for i, s in zip(ids, short)}


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """id -> "Outlet · YYYY-MM-DD · Title" for choosing one article."""
    day = pd.to_datetime(articles["published"]).dt.strftime("%Y-%m-%d").fillna("undated")
    outlet = outlet_labels(articles["outlet"])
    title = articles["title"].fillna(articles["text"].str.slice(0, TITLE_STANDIN_CHARS))
    return unique_labels(list(articles["id"]), list(outlet + " · " + day + " · " + title), width=ARTICLE_LABEL_CHARS)


def article_spans(article: Mapping, quotes: pd.DataFrame, mentions: pd.DataFrame) -> list[tuple[int, int, str]]:
    """Highlight spans of one article: quotes by kind, speaker mentions, dated references."""
    spans = []
    q = quotes[quotes["article_id"] == article["id"]]
    for row in q.itertuples():
        spans.append((row.start, row.end, row.kind if row.kind in HIGHLIGHTED_KINDS else "direct"))
        if row.speaker_start is not None and not pd.isna(row.speaker_start) and not pd.isna(row.speaker_end):
            spans.append((int(row.speaker_start), int(row.speaker_end), "speaker"))
    m = mentions[mentions["article_id"] == article["id"]]
    spans.extend((row.start, row.end, "date") for row in m.itertuples())
    return spans
