"""Pure table helpers the pages and loaders share: filter the articles, keep the quotes they still share, search
quotes, label articles and stories, highlight spans of one article."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Iterable, Mapping, Sequence

import pandas as pd

from lib.analyse.reuse import COPIED_SHARE
from lib.analyse.stories.summaries import summarise_stories
from lib.analyse.terms import first_sentence
from lib.domain.outlets import UNKNOWN_OUTLET, outlet_labels
from lib.domain.sentences import shorten
from lib.models import shown_speaker

LABEL_CHARS = 90  # a label longer than this is cut with "…", so a picker option or axis label stays short
STORY_LABEL_CHARS = 80  # a story in the sidebar picker: its whole label is still searched ("Find a story")
ARTICLE_LABEL_CHARS = 110  # "Outlet · day · title" carries more before the title: a wider cut
TITLE_STANDIN_CHARS = 80  # an untitled article is labelled by its first sentence, cut to this with "…"
TITLE_STANDIN_SCAN = 2000  # characters of the text read for that first sentence (the splitter is linear in it)
UNDATED = "undated"  # shown for a missing date, never "None" or "NaT"
# The name and meaning of the independent-report count (stories' `independent_sources`), wherever a page shows it.
INDEPENDENT_LABEL = "Independent reports"
INDEPENDENT_HELP = ("Reports in their own words: articles that name the same wire, or copy one another (a passage "
                    f"taken from another article makes up {COPIED_SHARE:.0%} or more of the copy), count as one.")
STORY_COUNT_COLUMNS = ("first", "last", "n_articles", "outlets", "n_outlets", "independent_sources", "article_ids")
HIGHLIGHTED_KINDS = ("direct", "partial", "reported")  # quote kinds with a highlight class of their own


def named_outlets(outlets: pd.Series) -> pd.Series:
    """The outlet labels of articles, those that name no outlet left out: a count of outlets counts named ones, as the
    story table's does (lib.analyse.stories.summaries), and says how many articles name none (unnamed_note)."""
    labels = outlet_labels(outlets)
    return labels[labels != UNKNOWN_OUTLET]


# What a table's "Outlets" count counts (the story and reused-passage tables): a row whose articles name no outlet
# counts 0 and lists "(unknown outlet)" or "none named".
OUTLETS_COUNT_HELP = "Outlets named by the articles; articles that name no outlet are not counted."


def unnamed_note(outlets: pd.Series, named: pd.Series) -> str | None:
    """"N article(s) name no outlet" for a count of the outlets of articles (``named``: named_outlets(``outlets``)), or
    None when every one names one."""
    unnamed = len(outlets) - len(named)
    return f"{unnamed:,} article(s) name no outlet: not counted." if unnamed else None


def is_missing(value) -> bool:
    """True for None, NaN, NaT and pandas' NA (a scalar check that never raises on strings)."""
    return value is None or (not isinstance(value, (str, list, tuple, dict)) and bool(pd.isna(value)))


def text_or_blank(value) -> str:
    """A cell as text, "" when missing (None, NaN, NaT): no page shows "None" or "nan" as a value."""
    return "" if is_missing(value) else str(value)


def day_text(value, missing: str = UNDATED) -> str:
    """YYYY-MM-DD of a date or timestamp (any year), ``missing`` when there is none."""
    if is_missing(value):
        return missing
    return pd.Timestamp(value).strftime("%Y-%m-%d") if not isinstance(value, dt.date) else value.strftime("%Y-%m-%d")


def days_text(values: pd.Series, missing: str = UNDATED) -> pd.Series:
    """day_text over a column."""
    return pd.to_datetime(values).dt.strftime("%Y-%m-%d").fillna(missing)


def title_standin(text, width: int = TITLE_STANDIN_CHARS) -> str:
    """The stand-in for a missing title: the first sentence of ``text`` that says something (first_sentence: not a
    dateline, a date line or a web address), else its opening words, cut to ``width`` characters with "…"."""
    text = text_or_blank(text)
    sentence = first_sentence(text, width, TITLE_STANDIN_SCAN)
    if sentence:
        return sentence
    opening = " ".join(text[:TITLE_STANDIN_SCAN].split())
    return shorten(opening, width) if opening else "(no text)"


def display_title(title, text, width: int = TITLE_STANDIN_CHARS) -> str:
    """An article's title, or its first sentence (cut) when it has none: never "(untitled)", "None" or "nan"."""
    title = " ".join(text_or_blank(title).split())
    return title if title else title_standin(text, width)


def display_titles(articles: pd.DataFrame, width: int = TITLE_STANDIN_CHARS) -> pd.Series:
    """display_title of every article (the first sentence only computed where the title is missing)."""
    titles = articles["title"].astype("string").str.strip()
    missing = titles.isna() | (titles == "")
    out = titles.astype(object).where(~missing, None)
    if missing.any():
        out[missing] = [title_standin(t, width) for t in articles.loc[missing, "text"]]
    return out.astype(str)


def stories_under_filter(stories: pd.DataFrame, assignment: pd.DataFrame, articles: pd.DataFrame,
                         copied: pd.DataFrame | None = None) -> pd.DataFrame:
    """The stories holding at least one of ``articles`` (the filtered ones), every count recomputed over those
    articles only (articles, outlets, independent sources with ``copied``, the corpus's copies, first and last
    report, members); labels stay the corpus's. A story the filters leave whole keeps its stored row."""
    ids = set(articles["id"])
    members = assignment[assignment["article_id"].isin(ids)]
    kept = members.groupby("story_id").size()
    rows = stories[stories["story_id"].isin(set(kept.index))]
    cut = rows.loc[rows["n_articles"].to_numpy() != kept.reindex(rows["story_id"]).to_numpy(), "story_id"]
    if cut.empty:
        return rows
    cut_ids = set(cut)
    part = members[members["story_id"].isin(cut_ids)]
    counts = summarise_stories(articles[articles["id"].isin(set(part["article_id"]))], part, copied)
    counts = counts.set_index("story_id")[list(STORY_COUNT_COLUMNS)]
    out = rows.copy()
    where = out["story_id"].isin(cut_ids)
    for col in STORY_COUNT_COLUMNS:
        out[col] = out[col].astype(object)
        out.loc[where, col] = out.loc[where, "story_id"].map(counts[col])
    for col in ("first", "last"):
        out[col] = pd.to_datetime(out[col])
    for col in ("n_articles", "n_outlets", "independent_sources"):
        out[col] = out[col].astype(int)
    return out


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
    who = shown_speaker(quotes)
    return quotes[quotes["text"].str.casefold().str.contains(n, regex=False)
                  | who.fillna("").str.casefold().str.contains(n, regex=False)]


def unique_labels(ids: Sequence[str], labels: Sequence[str], width: int = LABEL_CHARS) -> dict[str, str]:
    """id -> display label, shortened to ``width`` and made unique by appending the id where labels collide."""
    short = [(str(l) if l is not None and not (isinstance(l, float) and pd.isna(l)) else str(i)) for i, l in
             zip(ids, labels)]
    short = [shorten(s, width) for s in short]
    counts = Counter(short)
    return {i: (s if counts[s] == 1 else f"{s} [{str(i)[:8]}]") for i, s in zip(ids, short)}


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """id -> "Outlet · YYYY-MM-DD · Title" for choosing one article (the first sentence where it has no title)."""
    day = days_text(articles["published"])
    outlet = outlet_labels(articles["outlet"])
    title = display_titles(articles)
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
