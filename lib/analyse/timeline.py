"""Timelines: who covered each story when (first report, each outlet's lag), daily volume, and invoked history."""
from __future__ import annotations

import pandas as pd

from lib.domain.outlets import UNKNOWN_OUTLET

COVERAGE_COLUMNS = ("story_id", "article_id", "outlet", "published", "title", "is_first", "lag_hours", "first_tie")
DAILY_COLUMNS = ("day", "outlet", "articles")
HISTORY_COLUMNS = ("article_id", "outlet", "published", "value", "granularity", "text", "sentence", "start", "end")


def coverage_timeline(articles: pd.DataFrame, assignment: pd.DataFrame) -> pd.DataFrame:
    """Each story's articles in time: is_first marks the earliest report(s), lag_hours is the delay behind it,
    first_tie marks stories whose first reports come from more than one outlet.

    A date without a clock time (stored at midnight) says only the day: an article is first unless another is
    certainly earlier (an earlier day, or both with clock times and an earlier time), so same-day reports tie when
    either has no clock time, and the lag of an article is counted in whole days when it or the first report has
    no clock time (lib.domain.calendar.same_day_tie, here over whole columns). Articles without a date stay in the
    frame with ``lag_hours`` missing and ``is_first`` False.
    """
    if articles.empty or assignment.empty:
        return pd.DataFrame(columns=list(COVERAGE_COLUMNS))
    frame = articles[["id", "outlet", "published", "title"]].copy()
    frame["id"] = frame["id"].astype(str)
    merged = assignment[["article_id", "story_id"]].astype(str).merge(frame, left_on="article_id", right_on="id")
    merged["published"] = pd.to_datetime(merged["published"], errors="coerce")
    published = merged["published"]
    day = published.dt.normalize()
    day_only = published.notna() & (published == day)
    first_day = day.groupby(merged["story_id"]).transform("min")
    on_first_day = day == first_day
    # the earliest clock time on the first day, and whether a day-only report shares that day
    clock_first = published.where(on_first_day & ~day_only).groupby(merged["story_id"]).transform("min")
    day_tie = (on_first_day & day_only).groupby(merged["story_id"]).transform("any")
    merged["is_first"] = (on_first_day & (day_only | (published == clock_first))).fillna(False).astype(bool)
    exact = ~day_only & ~day_tie & clock_first.notna()
    lag = ((published - clock_first) / pd.Timedelta(hours=1)).where(exact, (day - first_day).dt.days * 24.0)
    merged["lag_hours"] = lag.where(~merged["is_first"], 0.0).where(published.notna()).astype(float)
    first_outlets = merged["outlet"].fillna(UNKNOWN_OUTLET).where(merged["is_first"])
    merged["first_tie"] = first_outlets.groupby(merged["story_id"]).transform("nunique") > 1
    out = merged.sort_values(["story_id", "published", "article_id"], na_position="last")
    return out[list(COVERAGE_COLUMNS)].reset_index(drop=True)


def daily_counts(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles per day per outlet over the whole corpus (undated articles are left out)."""
    published = pd.to_datetime(articles["published"], errors="coerce") if "published" in articles else pd.Series()
    frame = pd.DataFrame({"day": published.dt.normalize(),
                          "outlet": articles["outlet"].fillna(UNKNOWN_OUTLET) if "outlet" in articles else None})
    frame = frame.dropna(subset=["day"])
    if frame.empty:  # typed all the same: a frame of days merges with other frames of days
        frame = frame.astype({"day": "datetime64[ns]"})
    out = frame.groupby(["day", "outlet"]).size().rename("articles").reset_index()
    return out.sort_values(["day", "outlet"]).reset_index(drop=True)[list(DAILY_COLUMNS)]


def history_timeline(mentions: pd.DataFrame) -> pd.DataFrame:
    """The dated references of each article (from lib.store.load_date_mentions), oldest referenced date first.

    Mentions that could not be resolved to a date are dropped: they cannot be placed on a time axis.
    """
    if mentions.empty:
        return pd.DataFrame(columns=list(HISTORY_COLUMNS))
    frame = mentions.copy()
    for col in HISTORY_COLUMNS:
        if col not in frame.columns:
            frame[col] = None
    frame["value"] = pd.to_datetime(frame["value"], errors="coerce")
    frame["published"] = pd.to_datetime(frame["published"], errors="coerce")
    frame = frame.dropna(subset=["value"])
    return frame.sort_values(["value", "published", "article_id", "start"], na_position="last")[
        list(HISTORY_COLUMNS)].reset_index(drop=True)
