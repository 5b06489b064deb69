"""Timelines: first report and lag per story, daily counts per outlet, history of dated references."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from lib.analyse.timeline import (COVERAGE_COLUMNS, DAILY_COLUMNS, HISTORY_COLUMNS, coverage_timeline, daily_counts,
                                  history_timeline)
from lib.domain.outlets import UNKNOWN_OUTLET


def articles(rows) -> pd.DataFrame:
    """An articles frame from (id, outlet, published ISO or None, title) rows."""
    return pd.DataFrame({"id": [r[0] for r in rows], "outlet": [r[1] for r in rows],
                         "published": pd.to_datetime([r[2] for r in rows], format="ISO8601"), "title": [r[3] for r in rows]})


def assignment(pairs) -> pd.DataFrame:
    """An assignment frame from (article id, story id) pairs."""
    return pd.DataFrame({"article_id": [p[0] for p in pairs], "story_id": [p[1] for p in pairs],
                         "assigned_by": "auto"})


@pytest.mark.parametrize("rows, stories, expected", [
    # (id -> (is_first, lag_hours)); TASS first, UrduPoint five days (120 h) later
    ([("a", "TASS", "2020-09-25 09:00", "t1"), ("b", "UrduPoint", "2020-09-30 09:00", "t2")],
     [("a", "s1"), ("b", "s1")], {"a": (True, 0.0), "b": (False, 120.0)}),
    # ties for the earliest time are all first
    ([("a", "X", "2021-01-01 10:00", None), ("b", "Y", "2021-01-01 10:00", None), ("c", "Z", "2021-01-01 16:30", None)],
     [("a", "s"), ("b", "s"), ("c", "s")], {"a": (True, 0.0), "b": (True, 0.0), "c": (False, 6.5)}),
    # lags are per story, not corpus-wide
    ([("a", "X", "2021-01-01", None), ("b", "Y", "2021-03-01", None), ("c", "Z", "2021-03-02", None)],
     [("a", "s1"), ("b", "s2"), ("c", "s2")], {"a": (True, 0.0), "b": (True, 0.0), "c": (False, 24.0)}),
    # an undated article stays listed, never first, lag unknown
    ([("a", "X", "2021-01-01", None), ("b", "Y", None, None)],
     [("a", "s"), ("b", "s")], {"a": (True, 0.0), "b": (False, None)}),
    # issue 15: a day without a clock time ties with every report of that day (it may have come first)
    ([("a", "X", "2021-01-01", None), ("b", "Y", "2021-01-01 15:00", None), ("c", "Z", "2021-01-02 08:00", None)],
     [("a", "s"), ("b", "s"), ("c", "s")], {"a": (True, 0.0), "b": (True, 0.0), "c": (False, 24.0)}),
    # ...but two clock times on that day still order each other; lags in whole days once a day-only report ties
    ([("a", "X", "2021-01-01", None), ("b", "Y", "2021-01-01 09:00", None), ("c", "Z", "2021-01-01 15:00", None)],
     [("a", "s"), ("b", "s"), ("c", "s")], {"a": (True, 0.0), "b": (True, 0.0), "c": (False, 0.0)}),
])
def test_coverage_timeline_first_and_lag(rows, stories, expected):
    out = coverage_timeline(articles(rows), assignment(stories))
    assert tuple(out.columns) == COVERAGE_COLUMNS
    got = {r.article_id: (bool(r.is_first), None if pd.isna(r.lag_hours) else round(r.lag_hours, 3))
           for r in out.itertuples()}
    assert got == expected


@pytest.mark.parametrize("rows, tie", [
    ([("a", "X", "2021-01-01", None), ("b", "Y", "2021-01-01", None)], True),  # two outlets, one day: a tie
    ([("a", "X", "2021-01-01", None), ("b", "X", "2021-01-01", None)], False),  # one outlet twice: not a tie
    ([("a", "X", "2021-01-01", None), ("b", "Y", "2021-01-02", None)], False),
])
def test_coverage_timeline_first_tie(rows, tie):
    out = coverage_timeline(articles(rows), assignment([(r[0], "s") for r in rows]))
    assert out["first_tie"].tolist() == [tie, tie]


def test_coverage_timeline_sorted_in_time_and_ignores_unassigned():
    frame = articles([("late", "B", "2021-01-02", None), ("early", "A", "2021-01-01", None),
                      ("lonely", "C", "2021-01-01", None)])
    out = coverage_timeline(frame, assignment([("late", "s"), ("early", "s")]))
    assert out["article_id"].tolist() == ["early", "late"]


@pytest.mark.parametrize("frame", [articles([]), articles([("a", "X", "2021-01-01", None)])])
def test_coverage_timeline_empty_assignment(frame):
    assert list(coverage_timeline(frame, assignment([])).columns) == list(COVERAGE_COLUMNS)


def test_daily_counts_per_outlet_and_day():
    frame = articles([("a", "X", "2021-01-01 08:00", None), ("b", "X", "2021-01-01 22:00", None),
                      ("c", "Y", "2021-01-01 12:00", None), ("d", None, "2021-01-02", None), ("e", "X", None, None)])
    out = daily_counts(frame)
    assert tuple(out.columns) == DAILY_COLUMNS
    assert [(d.date().isoformat(), o, n) for d, o, n in out.itertuples(index=False)] == [
        ("2021-01-01", "X", 2), ("2021-01-01", "Y", 1), ("2021-01-02", UNKNOWN_OUTLET, 1)]


def test_daily_counts_all_undated():
    assert daily_counts(articles([("a", "X", None, None)])).empty


def mentions_frame() -> pd.DataFrame:
    """Date mentions as lib.store.load_date_mentions returns them (value may be missing)."""
    rows = [("a", "May 25, 1972", dt.date(1972, 5, 25), "day", "TASS", "2020-09-25"),
            ("b", "in 1998", dt.date(1998, 1, 1), "year", "UrduPoint", "2020-09-30"),
            ("b", "1972", dt.date(1972, 1, 1), "year", "UrduPoint", "2020-09-30"),
            ("a", "some day", None, "day", "TASS", "2020-09-25")]
    return pd.DataFrame({"article_id": [r[0] for r in rows], "text": [r[1] for r in rows],
                         "start": [0, 10, 20, 30], "end": [5, 15, 25, 35],
                         "value": pd.to_datetime([r[2] for r in rows]), "granularity": [r[3] for r in rows],
                         "relative": False, "sentence": ["s"] * 4, "sentence_start": 0, "sentence_end": 40,
                         "outlet": [r[4] for r in rows], "published": pd.to_datetime([r[5] for r in rows])})


def test_history_timeline_sorted_by_referenced_date():
    out = history_timeline(mentions_frame())
    assert tuple(out.columns) == HISTORY_COLUMNS
    assert out["text"].tolist() == ["1972", "May 25, 1972", "in 1998"]  # unresolved mention dropped
    assert out["outlet"].tolist() == ["UrduPoint", "TASS", "UrduPoint"]


def test_history_timeline_from_the_store():
    """Real DuckDB round trip: what load_date_mentions returns feeds history_timeline as it is."""
    from lib.models import Article, DateMention
    from lib.store import connect, load_date_mentions, store_file

    con = connect(":memory:")
    text = "The agreement of May 25, 1972 was cited."
    art = Article(id="x1", text=text, outlet="TASS", published=dt.date(2020, 9, 25))
    mention = DateMention("x1", "May 25, 1972", 18, 30, dt.date(1972, 5, 25), "day", False, text, 0, len(text))
    store_file(con, "f", [art], mentions=[mention])
    out = history_timeline(load_date_mentions(con))
    assert out.loc[0, ["article_id", "outlet", "text", "granularity"]].tolist() == ["x1", "TASS", "May 25, 1972", "day"]
    assert out.loc[0, "value"] == pd.Timestamp("1972-05-25")


def test_history_timeline_empty():
    assert list(history_timeline(mentions_frame().iloc[0:0]).columns) == list(HISTORY_COLUMNS)
