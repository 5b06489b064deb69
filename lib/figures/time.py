"""Figures in time: articles per day, stories from first to last report, who reported a story first, and the
history each outlet invoked."""
from __future__ import annotations

from typing import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from lib.domain.outlets import UNKNOWN_OUTLET, outlet_label
from lib.domain.sentences import shorten
from lib.figures.style import (DAY_MS, LAYOUT, OTHER_OUTLETS_COLOUR, UNNAMED_IN_OTHERS, date_axis, day_bar, day_extent,
                               day_points, empty_figure, hover_date, hover_text, integer_ticks, legend_entry,
                               others_name, outlet_text, outlets_in_order, plotly_text, tie_reason, view_colours)

# How much the busy charts draw (the pages say so under them when there is more): more is unreadable, and slow.
DAILY_OUTLETS = 12  # daily bars: the busiest outlets less one keep a colour, the rest share a grey band
STORY_BARS = 25  # stories in time: the stories covered by the most outlets
MIN_BAR_SHARE = 0.015  # the narrowest story bar, as a share of the time axis (about 10 pixels)
STORY_LABEL_CHARS = 60  # a story's axis label is cut to this
STORY_LINE_CHARS = 34  # ... and wrapped at this
TITLE_STORY_CHARS = 70  # a story's name in a figure title is cut to this (a long first sentence ran off the figure)
STORY_HOVER_OUTLETS = 12  # a story's hover names this many outlets, then "and N more"
STORY_SCALE = [[0, "#a6c8e0"], [1, "#08306b"]]  # stories in time: more outlets, darker blue (never near white)
STORY_SCALE_ROOM = 56  # pixels under the date axis for that scale
STORY_AXIS_PAD = 0.05  # share of the stories' span added past the last day
LABEL_CHAR_PX = 7  # pixels a character of a bar's label takes (plotly's default 12 px font)
# Marker symbol per dated-reference granularity (history timeline).
GRANULARITY_SYMBOLS = (("day", "circle"), ("month", "square"), ("year", "diamond"), ("decade", "triangle-up"),
                       ("century", "star"))
_SYMBOL_GLYPHS = {"circle": "●", "square": "■", "diamond": "◆", "triangle-up": "▲", "star": "★"}  # for the key


def joined_titles(frame: pd.DataFrame, keys: list[str], column: str, n: int = 3, more: str = "") -> pd.DataFrame:
    """Per group of ``keys``: the first ``n`` values of ``column`` joined by " · ", plus ``more`` when the group has
    more (rows missing a key or the value are left out), as columns keys + titles.

    The joins run in one Python pass over the rows: pandas' agg(" · ".join) builds a Series per group (0.15 s for
    5,000 Arrow strings, measured).
    """
    present = frame.dropna(subset=[*keys, column])
    groups = present.groupby(keys)
    sizes = groups.size()  # in group-number order, as ngroup numbers them
    firsts: list[list[str]] = [[] for _ in range(len(sizes))]
    for group, rank, value in zip(groups.ngroup().tolist(), groups.cumcount().tolist(), present[column].tolist()):
        if rank < n:
            firsts[group].append(value)
    joined = [" · ".join(values) + (more if size > n else "") for values, size in zip(firsts, sizes.tolist())]
    return sizes.index.to_frame(index=False).assign(titles=joined)


def _merge_bars(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows summed per (day, outlet): articles added, the first three titles joined."""
    keys = ["day", "outlet"]
    out = frame.groupby(keys, as_index=False)["articles"].sum()
    return out.merge(joined_titles(frame, keys, "titles"), on=keys, how="left").fillna({"titles": ""})


def daily_coloured(order: list[str], colours: Mapping[str, str] | None = None,
                   max_outlets: int = DAILY_OUTLETS) -> list[str]:
    """The outlets (busiest first, ``order``) the daily chart draws in a colour of their own: the busiest by name, the
    rest as one grey band, with those a page's map puts among its other outlets (the page's outlets past its palette's
    worth, page_colours: the daily chart draws all of them, so it has no room for more colours). "(unknown outlet)"
    takes a place like any outlet."""
    named = [o for o in order if (colours or {}).get(o) != OTHER_OUTLETS_COLOUR]
    return named[:max_outlets - 1] if len(order) > max_outlets else named


def daily_counts_figure(daily: pd.DataFrame, colours: Mapping[str, str] | None = None,
                        weekly_after_days: int = 180, monthly_after_days: int = 3 * 365,
                        max_outlets: int = DAILY_OUTLETS) -> go.Figure:
    """Stacked bars of articles per day (per week past ``weekly_after_days`` of span, per month past
    ``monthly_after_days``: eighteen years of weeks were hairlines) per outlet.

    The busiest ``max_outlets - 1`` outlets keep their colour, the rest share one grey band (filter the outlets
    to see them), as do the outlets ``colours`` (a page's map) draws grey. The hover lists titles when a `titles`
    column is given. Why: two years by 60 outlets is thousands of bars the browser redraws slowly and nobody can read.
    """
    if daily is None or daily.empty:
        return empty_figure("Articles per day, by outlet", "No dated articles match the filters.")
    frame = daily.assign(outlet=daily["outlet"].map(outlet_label), day=pd.to_datetime(daily["day"]))
    if "titles" not in frame:
        frame["titles"] = ""
    days = (frame["day"].max() - frame["day"].min()).days
    unit, span, period, axis_title = ("month", 30, "M", "Publication month") if days > monthly_after_days else \
        ("week", 7, "W-SUN", "Publication week (starting Monday)") if days > weekly_after_days else \
        ("day", 1, None, "Publication day")
    if period:
        frame = _merge_bars(frame.assign(day=frame["day"].dt.to_period(period).dt.start_time))
    order = outlets_in_order(frame, weight="articles")  # by articles, not by bars
    rest = set(order) - set(daily_coloured(order, colours, max_outlets))
    if rest:
        # the band counts outlets: articles naming none are in it, not one more outlet ("11 of 314 outlets" beside
        # "303 other outlets and articles naming none", not "304 other outlets")
        named = len(rest - {UNKNOWN_OUTLET})
        other = UNKNOWN_OUTLET if not named else others_name(named) + (
            f" {UNNAMED_IN_OTHERS}" if UNKNOWN_OUTLET in rest else "")
        frame = _merge_bars(frame.assign(outlet=frame["outlet"].where(~frame["outlet"].isin(rest), other)))
        order = [o for o in order if o not in rest] + [other]
        shown = {**view_colours(colours, order[:-1]), other: OTHER_OUTLETS_COLOUR}
    else:
        shown = view_colours(colours, order)
    bars = []
    for outlet in order:
        part = frame[frame["outlet"] == outlet]
        bars.append(go.Bar(
            # Explicit width: plotly sizes date bars by the closest pair of x values, a lone day gets none.
            x=part["day"] + pd.Timedelta(hours=12 * span), y=part["articles"], name=outlet_text(outlet),
            width=DAY_MS * span * 0.85, marker_color=shown[outlet],
            customdata=list(zip([outlet_text(outlet)] * len(part), part["day"].dt.strftime("%Y-%m-%d"),
                                part["titles"].map(lambda t: hover_text(t, limit=240)))),
            hovertemplate=f"<b>%{{customdata[0]}}</b> · {unit} of %{{customdata[1]}}<br>%{{y}} article(s)<br>"
                          "%{customdata[2]}<extra></extra>"))
    return go.Figure(data=bars, layout=dict(
        LAYOUT, title=f"Articles per {unit}, by outlet", barmode="stack", height=380, bargap=0.1,
        xaxis=date_axis(frame["day"], pd.Timedelta(days=7), mid_day=unit == "day", title_text=axis_title),
        yaxis=dict(title_text="Articles", **integer_ticks(frame.groupby("day")["articles"].sum().max()))))


def stories_figure(stories: pd.DataFrame, coverage: pd.DataFrame | None = None,
                   colours: Mapping[str, str] | None = None, top: int = STORY_BARS) -> go.Figure:
    """Stories to pick from: each story's span from its first to its last report, one row per story in order of
    first report, the bar darker the more outlets covered it and labelled with its outlet and article counts; a
    tick for each day with a report. With ``coverage`` (the filtered articles' rows, coverage_timeline) spans and
    counts are those of the filtered articles, on an axis that fits their dates; the ``top`` stories covered by
    the most outlets are drawn. No outlet legend: sixty outlets in one legend said nothing; the Story page has them.
    ``colours`` is accepted for a uniform builder signature and not used (no outlet is coloured here)."""
    title = "Stories in time: first to last report"
    if stories is None or stories.empty:
        return empty_figure(title, "No stories: no articles match the filters.")
    frame = _story_spans(stories, coverage)
    if frame.empty:
        return empty_figure(title, "No story has a dated article.")
    frame = top_stories(frame, top).sort_values(["first", "story_id"], ascending=[False, True])  # earliest at the top
    names = [_story_name(r) for r in frame.itertuples()]
    first, last = pd.to_datetime(frame["first"]), pd.to_datetime(frame["last"])
    day, pad = pd.Timedelta(days=1), pd.Timedelta(hours=12)  # a bar covers its days whole; a report tick is at noon
    height = max(260, 34 * len(frame) + 140)
    undated = frame["n_undated"] if "n_undated" in frame else pd.Series(0, index=frame.index)
    counts = [f"{_count(r.n_outlets, 'outlet')} · {_count(r.n_articles, 'article')}"
              + (f" ({int(u)} undated)" if u else "") for r, u in zip(frame.itertuples(), undated)]
    outlets = [hover_text(", ".join(outlet_label(o) for o in list(v)[:STORY_HOVER_OUTLETS])
                          + (f" and {len(v) - STORY_HOVER_OUTLETS} more" if len(v) > STORY_HOVER_OUTLETS else ""))
               for v in frame["outlets"]]
    top_outlets = max(2, int(frame["n_outlets"].max()))
    # Each bar's colour given as a colour: numbers on a colour scale made plotly.js log a warning with a stack trace
    # per bar and label in the browser (225 on a 25-story chart, ~0.1 s); the scale is shown by a marker-less trace.
    shades = sample_colorscale(STORY_SCALE, [(n - 1) / (top_outlets - 1) for n in frame["n_outlets"]])
    # a story of a few days on an axis of years would be a hairline whose shade (its outlets) nobody can read: a bar
    # is drawn at least MIN_BAR_SHARE of the axis wide (the hover and the day ticks give its true days)
    shortest = max(day, ((last + day).max() - first.min()) * MIN_BAR_SHARE)
    traces = [go.Bar(
        y=names, x=((last + day) - first).clip(lower=shortest).dt.total_seconds() * 1000, base=first, orientation="h",
        marker=dict(color=shades, line=dict(color="rgba(40,40,60,0.6)", width=1)),
        text=counts, textposition="outside", cliponaxis=False, showlegend=False,
        customdata=list(zip(first.dt.strftime("%Y-%m-%d"), last.dt.strftime("%Y-%m-%d"), counts, outlets)),
        hovertemplate="<b>%{y}</b><br>%{customdata[0]} → %{customdata[1]}<br>%{customdata[2]}<br>"
                      "%{customdata[3]}<extra></extra>")]
    # The scale under the axis, not beside it, where the labels at the latest bars' ends ran under it; none when
    # every story has as many outlets (the labels say how many: a scale of one shade says nothing).
    scaled = frame["n_outlets"].nunique() > 1
    bottom = LAYOUT["margin"]["b"] + (STORY_SCALE_ROOM if scaled else 0)
    if scaled:
        traces.append(go.Scatter(
            x=[None], y=[None], mode="markers", hoverinfo="skip", showlegend=False,
            marker=dict(color=[1], colorscale=STORY_SCALE, cmin=1, cmax=top_outlets, showscale=True,
                        colorbar=dict(title=dict(text="Outlets", side="right"), orientation="h", thickness=10,
                                      lenmode="pixels", len=220, x=1, xanchor="right", yref="container", y=0,
                                      yanchor="bottom", **integer_ticks(top_outlets)))))
    days = frame.get("days")
    if days is not None:
        ticks = [(name, d) for name, ds in zip(names, days) for d in ds]
        if ticks:
            traces.append(go.Scatter(
                x=[d + pad for _, d in ticks], y=[n for n, _ in ticks], mode="markers", hoverinfo="skip",
                marker=dict(symbol="line-ns", size=14, line=dict(width=2, color="rgba(20,20,30,0.75)")),
                showlegend=False))
    # The labels at the bars' ends need room past the last day: the right margin holds the longest label (it may run
    # past the plot, cliponaxis off), and the axis is widened a little, in whole days (so that day-precision dates keep
    # day ticks, at noon under the bars' days).
    lo, hi = first.min(), (last + day).max()
    extra = max((hi - lo) * STORY_AXIS_PAD, day).ceil("D")
    axis = date_axis([lo, hi + extra], pd.Timedelta(days=4), mid_day=True, title_text="Date of the stories' reports")
    axis.setdefault("range", [lo - pd.Timedelta(hours=6), hi + extra])
    return go.Figure(data=traces, layout=dict(
        LAYOUT, title=title, height=height + bottom - LAYOUT["margin"]["b"], showlegend=False, bargap=0.35,
        margin=dict(LAYOUT["margin"], l=min(460, 12 + 7 * max(len(line) for n in names for line in n.split("<br>"))),
                    b=bottom,
                    r=LABEL_CHAR_PX * max(len(c) for c in counts)),
        xaxis=axis, yaxis=dict(title_text="Story (headline)", type="category", automargin=True)))


def top_stories(frame: pd.DataFrame, top: int) -> pd.DataFrame:
    """The ``top`` stories covered by the most outlets, then by the most articles; the stories tied at the cut are
    taken evenly over their span of first reports (in a corpus of three-outlet stories nearly all tie, and the
    earliest ones alone would crowd the chart into the first weeks of the filtered dates)."""
    ranked = frame.sort_values(["n_outlets", "n_articles", "first", "story_id"], ascending=[False, False, True, True])
    if len(ranked) <= top:
        return ranked
    key = ranked[["n_outlets", "n_articles"]].apply(tuple, axis=1)
    tied = key == key.iloc[top - 1]
    above, pool = ranked.iloc[:top][~tied.iloc[:top]], ranked[tied]
    picks = np.unique(np.linspace(0, len(pool) - 1, top - len(above)).round().astype(int))
    return pd.concat([above, pool.iloc[picks]])


def _story_spans(stories: pd.DataFrame, coverage: pd.DataFrame | None) -> pd.DataFrame:
    """Per story with a dated article: label, first, last, n_articles, n_outlets, outlets, the report days and
    n_undated; from the filtered articles' ``coverage`` rows when given (so the chart counts what the filters let
    through: every article of the story, its span from the dated ones), else from the story rows."""
    labels = stories.drop_duplicates("story_id").set_index("story_id")["label"] if "label" in stories \
        else pd.Series(dtype=object)
    if coverage is None or coverage.empty:
        frame = stories.dropna(subset=["first"])
        return frame.assign(outlets=frame["outlets"].map(lambda v: [] if v is None else list(v))
                            if "outlets" in frame else [[]] * len(frame))
    rows = coverage[coverage["story_id"].isin(labels.index)]
    rows = rows.assign(published=pd.to_datetime(rows["published"]), outlet=rows["outlet"].map(outlet_label))
    dated = rows[rows["published"].notna()]
    if dated.empty:
        return pd.DataFrame(columns=["story_id", "label", "first", "last", "n_articles", "n_outlets", "outlets"])
    by_story, by_dated = rows[rows["story_id"].isin(set(dated["story_id"]))].groupby("story_id"), \
        dated.groupby("story_id")
    n_articles = by_story["article_id"].nunique()
    out = pd.DataFrame({"first": by_dated["published"].min(), "last": by_dated["published"].max(),
                        "n_articles": n_articles, "n_outlets": by_story["outlet"].nunique(),
                        "n_undated": n_articles - by_dated["article_id"].nunique(),
                        "outlets": by_story["outlet"].agg(lambda o: sorted(set(o), key=str.casefold)),
                        "days": by_dated["published"].agg(lambda p: sorted(set(p.dt.normalize())))})
    return out.assign(label=labels.reindex(out.index)).reset_index()


def _count(n, noun: str) -> str:
    """'1 outlet', '3 outlets'."""
    return f"{int(n)} {noun}{'' if int(n) == 1 else 's'}"


def _story_name(row) -> str:
    """A short axis label for a story row: its label (cut), escaped; "untitled story" when it has none."""
    label = getattr(row, "label", None)
    label = f"untitled story {row.story_id}" if label is None or (not isinstance(label, str) and pd.isna(label)) \
        or not str(label).strip() else " ".join(str(label).split())
    # two lines at most, a row's height (a third ran into the next row's label)
    return hover_text(label, STORY_LINE_CHARS, STORY_LABEL_CHARS, max_lines=2)


def coverage_timeline_figure(coverage: pd.DataFrame, colours: Mapping[str, str] | None = None,
                             story: str = "") -> go.Figure:
    """Each outlet's articles on one story in time; the first report is a star, hover gives title and lag."""
    story = " ".join(str(story).split()) if story else ""
    story = shorten(story, TITLE_STORY_CHARS)
    title = "Coverage timeline: who reported first" + (f" — {plotly_text(story)}" if story else "")
    if coverage is not None and "is_first" not in coverage:
        coverage = coverage.assign(is_first=False, lag_hours=float("nan"))
    if coverage is None or coverage.empty or coverage["published"].isna().all():
        return empty_figure(title, "None of the articles shown has a publication date: there is no timeline to draw.")
    frame = coverage[coverage["published"].notna()]
    frame = frame.assign(outlet=frame["outlet"].map(outlet_label))
    order = (frame.groupby("outlet")["published"].min().sort_values(kind="stable").index.tolist())
    shown = view_colours(colours, order)
    first_rows = frame["is_first"].fillna(False).astype(bool)
    firsts = frame.loc[first_rows, "outlet"].unique().tolist()
    # With day-precision dates two outlets on the first day cannot be ordered: each is "first (tie)", never the one.
    # A filter may leave one of them out: the story's own tie (first_tie) still holds.
    first_tied = "first_tie" in frame and bool(frame.loc[first_rows, "first_tie"].fillna(False).astype(bool).any())
    hidden_tie = len(firsts) == 1 and first_tied
    tie = len(firsts) > 1 or hidden_tie
    # why the first reports tie (a filter may hide the tied ones: then a day without a clock time)
    why = tie_reason(frame.loc[first_rows, "published"] if len(firsts) > 1 else pd.Series(dtype="datetime64[ns]"))
    x, day_only, when = day_points(frame["published"], hover_date(frame["published"]))
    points = []
    for outlet in order:
        part = frame[frame["outlet"] == outlet]
        first = part["is_first"].fillna(False).astype(bool)
        lag = [_first_text(tie, len(firsts)) if f else "same day as the first report" if h == 0 else _lag_text(h)
               for f, h in zip(first, part["lag_hours"])]
        bar = day_bar(x[part.index][day_only[part.index]], outlet_text(outlet), shown[outlet])
        points += [bar] if bar is not None else []
        points.append(go.Scatter(
            x=x[part.index], y=[outlet_text(outlet)] * len(part), mode="markers", **legend_entry(shown, outlet),
            marker=dict(color=shown[outlet], size=[20 if f else 12 for f in first],
                        symbol=["star" if f else "circle" for f in first], line=dict(width=1, color="white")),
            customdata=list(zip([outlet_text(outlet)] * len(part), lag, part["title"].map(hover_text))),
            hovertemplate=[f"<b>%{{customdata[0]}}</b> · {w}<br>%{{customdata[1]}}<br>%{{customdata[2]}}"
                           "<extra></extra>" for w in when[part.index]]))
    note = (f"First report: {outlet_text(firsts[0])}, tied on the day with outlets not shown ({why})" if hidden_tie
            else f"{len(firsts)} outlets{' shown' if first_tied else ''} reported first on the same day: a tie ({why})"
            if tie else f"First report: {outlet_text(firsts[0])}" if firsts
            else "The first report is by an outlet not shown" if frame["lag_hours"].gt(0).any() else "")
    return go.Figure(data=points, layout=dict(
        LAYOUT, title=dict(text=title + (f"<br><sup>{note}</sup>" if note else "")),
        height=max(240, 46 * len(order) + 150),
        xaxis=date_axis(day_extent(frame["published"], x, day_only), title_text="Published"),
        yaxis=dict(title_text="Outlet", type="category", categoryorder="array",
                   categoryarray=[outlet_text(o) for o in order[::-1]], automargin=True)))


def _first_text(tie: bool, n: int) -> str:
    """What a first report's hover says: first, or first on the same day as others (a tie; n: the first outlets
    shown, one when the others are not)."""
    if not tie:
        return "first report"
    return f"first report, tied with {n - 1} other outlet(s) on the same day" if n > 1 \
        else "first report, tied with outlets not shown on the same day"


def _lag_text(hours: float) -> str:
    """A lag after the first report in words."""
    return f"{hours:.0f} h after the first report" if hours < 48 else f"{hours / 24:.1f} days after the first report"


def history_timeline_figure(history: pd.DataFrame, colours: Mapping[str, str] | None = None) -> go.Figure:
    """The dated references (history) each outlet invoked, on one time axis; hover gives the sentence."""
    title = "History each outlet invoked: dated references in the text"
    if history is None or history.empty or history["value"].isna().all():
        return empty_figure(title, "These articles mention no resolvable date.")
    frame = history[history["value"].notna()]
    frame = frame.assign(outlet=frame["outlet"].map(outlet_label))
    symbols = dict(GRANULARITY_SYMBOLS)
    order = outlets_in_order(frame)
    shown = view_colours(colours, order)
    points = []
    for outlet in order:
        part = frame[frame["outlet"] == outlet]
        entry = {"legendgroup": outlet_text(outlet), **legend_entry(shown, outlet)}  # its key hides its points too
        # the legend keys an outlet by its colour alone (a trace's key takes its first point's shape, which tells
        # that reference's precision, not the outlet)
        points.append(go.Scatter(x=[None], y=[None], mode="markers", **entry, hoverinfo="skip",
                                 marker=dict(color=shown[outlet], size=12, symbol="circle")))
        points.append(go.Scatter(
            x=pd.to_datetime(part["value"]), y=[outlet_text(outlet)] * len(part), mode="markers",
            **{**entry, "showlegend": False}, marker=dict(color=shown[outlet], size=12, opacity=0.85,
                                                  symbol=[symbols.get(g, "circle") for g in part["granularity"]],
                                                  line=dict(width=1, color="white")),
            customdata=list(zip([outlet_text(outlet)] * len(part), part["text"].map(hover_text),
                                part["granularity"].map(lambda g: plotly_text(g, "precision unknown")),
                                part["sentence"].map(hover_text))),
            hovertemplate="<b>%{customdata[0]}</b>: “%{customdata[1]}” (%{customdata[2]})<br>%{customdata[3]}"
                          "<extra></extra>"))
    used = [g for g, _ in GRANULARITY_SYMBOLS if g in set(frame["granularity"])]
    key = ", ".join(f"{_SYMBOL_GLYPHS[symbols[g]]} a {g}" for g in used)
    return go.Figure(data=points, layout=dict(
        LAYOUT, title=title + (f"<br><sup>Shape: what the text names ({key})</sup>" if len(used) > 1 else ""),
        height=max(240, 46 * len(order) + 140),
        xaxis=date_axis(frame["value"], pd.Timedelta(days=60), title_text="Date referred to"),
        yaxis=dict(title_text="Outlet", type="category", automargin=True)))
