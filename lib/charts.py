"""Plotly figure builders (DataFrame in, go.Figure out) and the safe highlight markup the dashboard draws."""
from __future__ import annotations

import hashlib
import html
import textwrap
from typing import Iterable, Mapping, Sequence

import pandas as pd
import plotly.colors as pc
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lib.models import speaker_of

UNKNOWN_OUTLET = "(unknown outlet)"
UNKNOWN_COLOUR = "#8c8c8c"
# Distinct qualitative colours, most distinguishable first; beyond them outlets get a hashed hue.
PALETTE = tuple(dict.fromkeys(pc.qualitative.Dark24 + pc.qualitative.Alphabet + pc.qualitative.Light24))
# Marker symbol per dated-reference granularity (history timeline).
GRANULARITY_SYMBOLS = (("day", "circle"), ("month", "square"), ("year", "diamond"), ("decade", "triangle-up"),
                       ("century", "star"))
# Highlight classes of the article reader: (kind, css class, background, label for the legend).
MARK_STYLES = (
    ("direct", "q-direct", "#ffe08a", "direct quote"),
    ("partial", "q-partial", "#ffd0a8", "partial quote"),
    ("reported", "q-reported", "#d6e4ff", "reported speech"),
    ("speaker", "q-speaker", "#c9f0c9", "speaker"),
    ("date", "q-date", "#f3d1f4", "dated reference"),
    ("reuse", "q-reuse", "#ffe08a", "reused passage"),
    ("quoted", "q-quoted", "#ffe08a", "quoted words"),
)
DAY_MS = 86_400_000
MAX_TEXT_CELLS = 150  # heatmap cells that still get their number printed (see _cell_text)
# How much the busy charts draw (the pages say so under them when there is more): more is unreadable, and slow.
DAILY_OUTLETS = 12  # daily bars: the busiest outlets less one keep a colour, the rest share a grey band
STORY_BARS = 25  # stories in time: the largest stories
VOICE_SPEAKERS = 12  # voices: the most-quoted speakers
TERM_OUTLETS = 4  # distinctive terms: one panel per outlet, the outlets with the most terms
HEATMAP_ROWS = 20  # speaker and shared-quote heatmaps: speakers and outlets
FLOW_PAIRS = 20  # passage reuse: the outlet pairs with the most reused characters
# No template of our own (plotly's default applies): the dashboard draws every figure in Streamlit's theme, which
# replaces it, and setting "plotly_white" cost 30-75 ms of template copying per figure, most of a filter change's
# figure time. Each builder passes its whole layout to go.Figure once: every update_layout/update_xaxes call
# validated again (2-5 ms each).
LAYOUT = dict(margin=dict(l=10, r=10, t=60, b=40), hoverlabel=dict(align="left"), showlegend=True,
              legend=dict(title_text="Outlet"))


def outlet_label(outlet) -> str:
    """The display name of an outlet; missing outlets get one shared label."""
    return UNKNOWN_OUTLET if outlet is None or (not isinstance(outlet, str) and pd.isna(outlet)) or outlet == "" \
        else str(outlet)


def outlet_labels(outlets: pd.Series) -> pd.Series:
    """outlet_label over a whole column at once (a per-cell map costs 0.1 s on 5,000 Arrow-backed strings)."""
    return outlets.where(outlets.notna() & (outlets != ""), UNKNOWN_OUTLET).astype(str)


def outlet_colours(outlets: Iterable) -> dict[str, str]:
    """A stable outlet -> colour map: palette colours in name order, hashed hues past the palette, grey for unknown."""
    names = sorted({outlet_label(o) for o in outlets} - {UNKNOWN_OUTLET}, key=str.casefold)
    colours = {UNKNOWN_OUTLET: UNKNOWN_COLOUR}
    for i, name in enumerate(names):
        colours[name] = PALETTE[i] if i < len(PALETTE) else _hashed_colour(name)
    return colours


def _hashed_colour(name: str) -> str:
    """A deterministic mid-saturation colour for an outlet beyond the palette."""
    h = int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:6], 16)
    return f"hsl({h % 360},{55 + h % 30}%,{35 + (h >> 9) % 25}%)"


def colour_of(colours: Mapping[str, str] | None, outlet) -> str:
    """The colour of one outlet under a map (hashed when the map does not know it)."""
    name = outlet_label(outlet)
    if colours and name in colours:
        return colours[name]
    return UNKNOWN_COLOUR if name == UNKNOWN_OUTLET else _hashed_colour(name)


def plotly_text(text) -> str:
    """Text for a plotly label, title or hover: <, > and & escaped, so it never becomes markup.

    Quotes stay as they are: plotly.js decodes only a few named entities, so html.escape's &quot; showed
    literally (a story label on the overview read &quot;), and a quote cannot open a tag.
    """
    return html.escape(str(text), quote=False)


def hover_text(text, width: int = 80, limit: int = 600) -> str:
    """Evidence text for a plotly hover: shortened, wrapped with <br>, escaped by plotly_text (never markup)."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    s = " ".join(str(text).split())
    if len(s) > limit:
        s = s[: limit - 1].rsplit(" ", 1)[0] + "…"
    lines = textwrap.wrap(s, width, break_long_words=False, break_on_hyphens=False) or [""]
    return "<br>".join(plotly_text(line) for line in lines)


def _empty_figure(title: str, reason: str) -> go.Figure:
    """A figure that says why it has nothing to draw."""
    note = dict(text=plotly_text(reason), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                font=dict(size=14, color="#555"))
    return go.Figure(layout=dict(LAYOUT, title=title, height=220, annotations=[note], xaxis=dict(visible=False),
                                 yaxis=dict(visible=False)))


def _time_range(times, min_span: pd.Timedelta = pd.Timedelta(days=2)) -> dict:
    """Date-axis settings widening an axis whose points span less than ``min_span`` (one article would get
    sub-second ticks); none when they span more."""
    times = pd.to_datetime(pd.Series(list(times)), errors="coerce").dropna()
    if times.empty:
        return {}
    lo, hi = times.min(), times.max()
    if hi - lo >= min_span:
        return {}
    mid = lo + (hi - lo) / 2
    return {"range": [mid - min_span / 2, mid + min_span / 2]}


def _integer_ticks(top: float) -> dict:
    """Axis settings for whole-number ticks on a count axis with small counts (no 0.2 articles)."""
    return {"dtick": 1, "tick0": 0} if top <= 10 else {}


def _outlets_in_order(frame: pd.DataFrame, column: str = "outlet") -> list[str]:
    """Outlet labels of a frame, most rows first, then by name (legend and axis order)."""
    labels = frame[column].map(outlet_label)
    counts = labels.value_counts()
    return sorted(counts.index, key=lambda o: (-counts[o], o.casefold()))


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


def daily_counts_figure(daily: pd.DataFrame, colours: Mapping[str, str] | None = None,
                        weekly_after_days: int = 180, max_outlets: int = DAILY_OUTLETS) -> go.Figure:
    """Stacked bars of articles per day (per week past ``weekly_after_days`` of span) per outlet.

    The busiest ``max_outlets - 1`` outlets keep their colour, the rest share one grey band (filter the outlets
    to see them). The hover lists titles when a `titles` column is given. Why: two years by 60 outlets is
    thousands of bars the browser redraws slowly and nobody can read.
    """
    if daily is None or daily.empty:
        return _empty_figure("Articles per day, by outlet", "No dated articles match the filters.")
    frame = daily.assign(outlet=daily["outlet"].map(outlet_label), day=pd.to_datetime(daily["day"]))
    if "titles" not in frame:
        frame["titles"] = ""
    weekly = (frame["day"].max() - frame["day"].min()).days > weekly_after_days
    if weekly:
        frame = _merge_bars(frame.assign(day=frame["day"].dt.to_period("W-SUN").dt.start_time))
    unit, span = ("week", 7) if weekly else ("day", 1)
    order = _outlets_in_order(frame)
    if len(order) > max_outlets:  # the busiest outlets by name, the rest as one grey band
        rest = set(order[max_outlets - 1:])
        other = f"{len(rest)} other outlets"
        frame = _merge_bars(frame.assign(outlet=frame["outlet"].where(~frame["outlet"].isin(rest), other)))
        order = order[:max_outlets - 1] + [other]
        colours = {**(colours or {}), other: UNKNOWN_COLOUR}
    bars = []
    for outlet in order:
        part = frame[frame["outlet"] == outlet]
        bars.append(go.Bar(
            # Explicit width: plotly sizes date bars by the closest pair of x values, a lone day gets none.
            x=part["day"] + pd.Timedelta(hours=12 * span), y=part["articles"], name=outlet,
            width=DAY_MS * span * 0.85, marker_color=colour_of(colours, outlet),
            customdata=list(zip([plotly_text(outlet)] * len(part), part["day"].dt.strftime("%Y-%m-%d"),
                                part["titles"].map(lambda t: hover_text(t, limit=240)))),
            hovertemplate=f"<b>%{{customdata[0]}}</b> · {unit} of %{{customdata[1]}}<br>%{{y}} article(s)<br>"
                          "%{customdata[2]}<extra></extra>"))
    return go.Figure(data=bars, layout=dict(
        LAYOUT, title=f"Articles per {unit}, by outlet", barmode="stack", height=380, bargap=0.1,
        xaxis=dict(title_text="Publication week (starting Monday)" if weekly else "Publication day", type="date",
                   **_time_range(frame["day"], pd.Timedelta(days=7))),
        yaxis=dict(title_text="Articles", **_integer_ticks(frame.groupby("day")["articles"].sum().max()))))


def stories_figure(stories: pd.DataFrame, coverage: pd.DataFrame | None = None,
                   colours: Mapping[str, str] | None = None, top: int = STORY_BARS) -> go.Figure:
    """Stories as bars in time (first to last report) with outlet and independent-source counts; each report a dot."""
    title = "Stories in time: first to last report"
    if stories is None or stories.empty:
        return _empty_figure(title, "No stories: no articles match the filters.")
    frame = stories.dropna(subset=["first"]).sort_values(["n_articles", "first"], ascending=[False, True]).head(top)
    if frame.empty:
        return _empty_figure(title, "No story has a dated article.")
    frame = frame.sort_values("first", ascending=False)
    names = [f"{_story_name(r)}<br><sup>{int(r.n_articles)} article(s) · {int(r.n_outlets)} outlet(s) · "
             f"{int(r.independent_sources)} independent</sup>" for r in frame.itertuples()]
    first = pd.to_datetime(frame["first"])
    last = pd.to_datetime(frame["last"])
    # A one-day story still gets a visible bar: half a day either side.
    pad = pd.Timedelta(hours=12)
    duration_ms = ((last + pad) - (first - pad)).dt.total_seconds() * 1000
    counts = [f"{int(r.n_outlets)} outlet(s) · {int(r.independent_sources)} independent"
              for r in frame.itertuples()]
    outlets = [hover_text(", ".join(map(outlet_label, o)) if isinstance(o, (list, tuple)) or hasattr(o, "tolist")
                          else o) for o in frame["outlets"]]
    traces = [go.Bar(
        y=names, x=duration_ms, base=(first - pad), orientation="h", name="story span",
        marker_color="rgba(120,120,140,0.25)", marker_line_color="rgba(80,80,100,0.6)", marker_line_width=1,
        showlegend=False,
        customdata=list(zip(first.dt.strftime("%Y-%m-%d"), last.dt.strftime("%Y-%m-%d"),
                            frame["n_articles"], counts, outlets)),
        hovertemplate="<b>%{y}</b><br>%{customdata[0]} → %{customdata[1]}<br>%{customdata[2]} article(s), "
                      "%{customdata[3]}<br>%{customdata[4]}<extra></extra>")]
    if coverage is not None and not coverage.empty:
        name_of = dict(zip(frame["story_id"], names))
        dots = coverage[coverage["story_id"].isin(name_of) & coverage["published"].notna()]
        dots = dots.assign(outlet=dots["outlet"].map(outlet_label))
        for outlet in _outlets_in_order(dots):
            part = dots[dots["outlet"] == outlet]
            traces.append(go.Scatter(
                x=part["published"], y=part["story_id"].map(name_of), mode="markers", name=outlet,
                marker=dict(color=colour_of(colours, outlet), size=9, line=dict(width=1, color="white")),
                customdata=list(zip([plotly_text(outlet)] * len(part), part["title"].map(hover_text))),
                hovertemplate="<b>%{customdata[0]}</b> · %{x|%Y-%m-%d %H:%M}<br>%{customdata[1]}<extra></extra>"))
    return go.Figure(data=traces, layout=dict(
        LAYOUT, title=title, height=max(260, 44 * len(frame) + 130), barmode="overlay",
        # Room for the story names on the left: plotly's automargin does not measure <br><sup> labels well.
        margin=dict(LAYOUT["margin"], l=min(460, 12 + 7 * max(len(_story_name(r)) for r in frame.itertuples()))),
        xaxis=dict(title_text="Date", type="date", **_time_range(pd.concat([first, last]), pd.Timedelta(days=4))),
        yaxis=dict(title_text="Story", type="category", automargin=True)))


def _story_name(row) -> str:
    """A short axis label for a story row."""
    label = str(row.label) if getattr(row, "label", None) is not None else str(row.story_id)
    return plotly_text(label if len(label) <= 60 else label[:59] + "…")


def coverage_timeline_figure(coverage: pd.DataFrame, colours: Mapping[str, str] | None = None,
                             story: str = "") -> go.Figure:
    """Each outlet's articles on one story in time; the first report is a star, hover gives title and lag."""
    title = "Coverage timeline: who reported first" + (f" — {plotly_text(story)}" if story else "")
    if coverage is None or coverage.empty or coverage["published"].isna().all():
        return _empty_figure(title, "No dated article in this story matches the filters.")
    frame = coverage[coverage["published"].notna()]
    frame = frame.assign(outlet=frame["outlet"].map(outlet_label))
    order = (frame.groupby("outlet")["published"].min().sort_values().index.tolist())
    points = []
    for outlet in order:
        part = frame[frame["outlet"] == outlet]
        first = part["is_first"].fillna(False).astype(bool)
        lag = part["lag_hours"].map(lambda h: "first report" if pd.isna(h) or h == 0 else _lag_text(h))
        points.append(go.Scatter(
            x=part["published"], y=[outlet] * len(part), mode="markers", name=outlet,
            marker=dict(color=colour_of(colours, outlet), size=[20 if f else 12 for f in first],
                        symbol=["star" if f else "circle" for f in first], line=dict(width=1, color="white")),
            customdata=list(zip([plotly_text(outlet)] * len(part), lag, part["title"].map(hover_text))),
            hovertemplate="<b>%{customdata[0]}</b> · %{x|%Y-%m-%d %H:%M}<br>%{customdata[1]}<br>%{customdata[2]}"
                          "<extra></extra>"))
    return go.Figure(data=points, layout=dict(
        LAYOUT, title=title, height=max(240, 46 * len(order) + 140),
        xaxis=dict(title_text="Published", type="date", **_time_range(frame["published"])),
        yaxis=dict(title_text="Outlet", type="category", categoryorder="array", categoryarray=order[::-1],
                   automargin=True)))


def _lag_text(hours: float) -> str:
    """A lag after the first report in words."""
    return f"{hours:.0f} h after the first report" if hours < 48 else f"{hours / 24:.1f} days after the first report"


def history_timeline_figure(history: pd.DataFrame, colours: Mapping[str, str] | None = None) -> go.Figure:
    """The dated references (history) each outlet invoked, on one time axis; hover gives the sentence."""
    title = "History each outlet invoked: dated references in the text"
    if history is None or history.empty or history["value"].isna().all():
        return _empty_figure(title, "These articles mention no resolvable date.")
    frame = history[history["value"].notna()]
    frame = frame.assign(outlet=frame["outlet"].map(outlet_label))
    symbols = dict(GRANULARITY_SYMBOLS)
    order = _outlets_in_order(frame)
    points = []
    for outlet in order:
        part = frame[frame["outlet"] == outlet]
        points.append(go.Scatter(
            x=pd.to_datetime(part["value"]), y=[outlet] * len(part), mode="markers", name=outlet,
            marker=dict(color=colour_of(colours, outlet), size=12, opacity=0.85,
                        symbol=[symbols.get(g, "circle") for g in part["granularity"]],
                        line=dict(width=1, color="white")),
            customdata=list(zip([plotly_text(outlet)] * len(part), part["text"].map(hover_text),
                                part["granularity"].fillna(""), part["sentence"].map(hover_text))),
            hovertemplate="<b>%{customdata[0]}</b>: “%{customdata[1]}” (%{customdata[2]})<br>%{customdata[3]}"
                          "<extra></extra>"))
    return go.Figure(data=points, layout=dict(
        LAYOUT, title=title, height=max(240, 46 * len(order) + 140),
        xaxis=dict(title_text="Date referred to", type="date", **_time_range(frame["value"], pd.Timedelta(days=60))),
        yaxis=dict(title_text="Outlet", type="category", automargin=True)))


def voices_figure(voices: pd.DataFrame, colours: Mapping[str, str] | None = None,
                  top: int = VOICE_SPEAKERS) -> go.Figure:
    """Whose voices each outlet carried: share of the outlet's quoted words per speaker, one bar group per speaker.

    An optional ``example`` column (one quote of that speaker in that outlet) is shown in the hover.
    """
    title = "Whose voices each outlet carried (share of quoted words)"
    if voices is None or voices.empty:
        return _empty_figure(title, "No outlet quotes anyone in this story.")
    frame = voices.assign(outlet=voices["outlet"].map(outlet_label),
                          speaker=voices["speaker"].fillna("(unattributed)").astype(str))
    speakers = frame.groupby("speaker")["quoted_words"].sum().sort_values(ascending=False).head(top).index
    frame = frame[frame["speaker"].isin(speakers)]
    bars = []
    for outlet in _outlets_in_order(frame):
        part = frame[frame["outlet"] == outlet]
        bars.append(go.Bar(
            y=part["speaker"], x=part["share"], name=outlet, orientation="h", marker_color=colour_of(colours, outlet),
            customdata=list(zip([plotly_text(outlet)] * len(part), part["quoted_words"],
                                part["example"].map(lambda t: hover_text(t, limit=240)) if "example" in part
                                else [""] * len(part))),
            hovertemplate="<b>%{customdata[0]}</b> quoting %{y}<br>%{x:.0%} of its quoted words "
                          "(%{customdata[1]} words)<br>%{customdata[2]}<extra></extra>"))
    return go.Figure(data=bars, layout=dict(
        LAYOUT, title=title, barmode="group", height=max(260, 40 * len(speakers) + 140),
        xaxis=dict(title_text="Share of the outlet's quoted words", tickformat=".0%", rangemode="tozero"),
        yaxis=dict(title_text="Speaker", type="category", categoryorder="array", categoryarray=list(speakers)[::-1],
                   automargin=True)))


def terms_figure(terms: pd.DataFrame, colours: Mapping[str, str] | None = None, top: int = 10,
                 max_outlets: int = TERM_OUTLETS) -> go.Figure:
    """Each outlet's most distinctive terms (log-odds z-scores, Monroe et al. 2008), one panel per outlet."""
    title = "Distinctive terms per outlet (weighted log-odds, z-score)"
    if terms is None or terms.empty:
        return _empty_figure(title, "Too little text to find distinctive terms.")
    frame = terms.assign(outlet=terms["outlet"].map(outlet_label))
    outlets = _outlets_in_order(frame)[:max_outlets]
    bars = []
    for outlet in outlets:
        part = frame[frame["outlet"] == outlet].sort_values("z", ascending=False).head(top).iloc[::-1]
        bars.append(go.Bar(
            y=part["term"].astype(str), x=part["z"], name=outlet, orientation="h",
            marker_color=colour_of(colours, outlet),
            customdata=list(zip([plotly_text(outlet)] * len(part), part["log_odds"],
                                part["count"] if "count" in part else [""] * len(part))),
            hovertemplate="<b>%{customdata[0]}</b>: “%{y}” used %{customdata[2]} time(s)<br>z = %{x:.2f}, "
                          "log-odds = %{customdata[1]:.2f}<extra></extra>"))
    fig = make_subplots(rows=1, cols=len(outlets), subplot_titles=[plotly_text(o) for o in outlets],
                        horizontal_spacing=0.12)
    fig.add_traces(bars, rows=1, cols=list(range(1, len(outlets) + 1)))
    # One panel per outlet: x axes "xaxis", "xaxis2", ... as make_subplots names them.
    panels = {f"xaxis{i if i > 1 else ''}": dict(title_text="z-score") for i in range(1, len(outlets) + 1)}
    fig.update_layout(**LAYOUT, title=title, height=max(300, 26 * top + 160), yaxis=dict(title_text="Term"), **panels)
    return fig


def speaker_outlet_figure(quotes: pd.DataFrame, top: int = HEATMAP_ROWS, top_outlets: int = HEATMAP_ROWS) -> go.Figure:
    """Heatmap of how often each outlet quotes each speaker (the ``top`` speakers, the ``top_outlets`` outlets
    quoting them most); hover shows one of the quotes."""
    title = "Speakers × outlets: number of quotes"
    if quotes is None or quotes.empty:
        return _empty_figure(title, "No quotes match the filters.")
    frame = quotes.assign(outlet=quotes["outlet"].map(outlet_label),
                          who=speaker_of(quotes).fillna("(unattributed)").astype(str))
    speakers = frame["who"].value_counts().head(top).index.tolist()
    frame = frame[frame["who"].isin(speakers)]
    outlets = _outlets_in_order(frame)[:top_outlets]
    frame = frame[frame["outlet"].isin(outlets)]
    # groupby, not pivot_table (5-10 ms of overhead per table on a few hundred quotes); examples looked up in a
    # dict, not per cell in a MultiIndex Series.
    cells = frame.groupby(["who", "outlet"])["text"]
    counts = cells.count().unstack(fill_value=0).reindex(index=speakers, columns=outlets, fill_value=0)
    example = cells.first().to_dict()
    hover = [[hover_text(example.get((s, o), ""), limit=240) for o in outlets] for s in speakers]
    return go.Figure(data=[go.Heatmap(
        z=counts.values, x=[plotly_text(o) for o in outlets], y=[plotly_text(s) for s in speakers],
        colorscale="Blues", customdata=hover, colorbar=dict(title="Quotes"), texttemplate=_cell_text(counts.size),
        hovertemplate="<b>%{x}</b> quoting <b>%{y}</b>: %{z}<br>%{customdata}<extra></extra>")], layout=dict(
        LAYOUT, title=title, height=max(280, 28 * len(speakers) + 160),
        xaxis=dict(title_text="Outlet", type="category", automargin=True),
        yaxis=dict(title_text="Speaker", type="category", autorange="reversed", automargin=True)))


def _cell_text(cells: int) -> str | None:
    """Numbers printed in heatmap cells while they are few: plotly draws one SVG text per cell, and 3,600 of them
    took 3 s to draw in the browser (the number stays in the hover and the colour scale)."""
    return "%{z}" if cells <= MAX_TEXT_CELLS else None


def shared_quotes_figure(matrix: pd.DataFrame, top: int = HEATMAP_ROWS) -> go.Figure:
    """Outlet × outlet heatmap of shared quotes, from (outlet_a, outlet_b, shared_quotes, share_of_a_words_in_b) rows;
    the ``top`` outlets sharing the most quotes, in name order."""
    title = "Quotes shared between outlets"
    if matrix is None or matrix.empty:
        return _empty_figure(title, "No two outlets share a quote under the filters.")
    frame = matrix.assign(outlet_a=matrix["outlet_a"].map(outlet_label), outlet_b=matrix["outlet_b"].map(outlet_label))
    by_side = [frame.groupby(side)["shared_quotes"].sum() for side in ("outlet_a", "outlet_b")]
    totals = pd.concat(by_side).groupby(level=0).sum()
    outlets = sorted(sorted(totals.index, key=lambda o: (-totals[o], o.casefold()))[:top], key=str.casefold)
    frame = frame[frame["outlet_a"].isin(outlets) & frame["outlet_b"].isin(outlets)]
    pairs = frame.groupby(["outlet_a", "outlet_b"])  # not pivot_table: 5-10 ms of overhead per table
    counts = pairs["shared_quotes"].sum().unstack().reindex(index=outlets, columns=outlets).fillna(0).astype(int)
    share = pairs["share_of_a_words_in_b"].max().unstack().reindex(index=outlets, columns=outlets)
    hover = [[("" if pd.isna(v) else f"{v:.0%} of {plotly_text(a)}'s quoted words appear in {plotly_text(b)}")
              for b, v in zip(outlets, row)] for a, row in zip(outlets, share.values)]
    labels = [plotly_text(o) for o in outlets]
    return go.Figure(data=[go.Heatmap(
        z=counts.values, x=labels, y=labels, colorscale="Purples", colorbar=dict(title="Shared quotes"),
        texttemplate=_cell_text(counts.size), customdata=hover,
        hovertemplate="<b>%{y}</b> and <b>%{x}</b> share %{z} quote(s)<br>%{customdata}<extra></extra>")], layout=dict(
        LAYOUT, title=title, height=max(300, 36 * len(labels) + 170),
        xaxis=dict(title_text="Outlet (carrying the same quote)", type="category", automargin=True),
        yaxis=dict(title_text="Outlet", type="category", autorange="reversed", automargin=True)))


def lineage_figure(carriers: pd.DataFrame, colours: Mapping[str, str] | None = None, quote: str = "") -> go.Figure:
    """One quote's lineage in time: the earliest carrier, then each later carrier linked to it."""
    title = "Quote lineage: earliest carrier → later carriers"
    if carriers is None or carriers.empty or carriers["published"].isna().all():
        return _empty_figure(title, "No dated carrier of this quote under the filters.")
    frame = carriers[carriers["published"].notna()].sort_values("published")
    frame = frame.assign(outlet=frame["outlet"].map(outlet_label))
    origin = frame.iloc[0]
    later = frame.iloc[1:]
    # All links in one trace, broken by None gaps: one trace per link was 80+ traces for a widely carried quote.
    traces = [go.Scatter(
        x=[x for t in later["published"] for x in (origin["published"], t, None)],
        y=[y for o in later["outlet"] for y in (origin["outlet"], o, None)],
        mode="lines", line=dict(color="#bbb", width=1.5), hoverinfo="skip", showlegend=False)]
    for outlet in frame["outlet"].drop_duplicates():
        part = frame[frame["outlet"] == outlet]
        traces.append(go.Scatter(
            x=part["published"], y=part["outlet"], mode="markers", name=outlet,
            marker=dict(color=colour_of(colours, outlet), size=14, line=dict(width=1, color="white")),
            customdata=list(zip([plotly_text(outlet)] * len(part), part["text"].map(hover_text))),
            hovertemplate="<b>%{customdata[0]}</b> · %{x|%Y-%m-%d %H:%M}<br>“%{customdata[1]}”<extra></extra>"))
    return go.Figure(data=traces, layout=dict(
        LAYOUT, title=title + (f"<br><sup>{hover_text(quote, 120, 160)}</sup>" if quote else ""),
        height=max(260, 46 * frame["outlet"].nunique() + 160),
        xaxis=dict(title_text="Published", type="date", **_time_range(frame["published"])),
        yaxis=dict(title_text="Outlet", type="category", automargin=True)))


def reuse_flows_figure(pairs: pd.DataFrame, colours: Mapping[str, str] | None = None,
                       top: int = FLOW_PAIRS) -> go.Figure:
    """Reused characters per outlet pair (source → target), coloured by the source outlet."""
    title = "Passage reuse between outlets (characters reused, source → target)"
    if pairs is None or pairs.empty:
        return _empty_figure(title, "No passage is reused between the filtered articles.")
    frame = pairs.assign(source_outlet=pairs["source_outlet"].map(outlet_label),
                         target_outlet=pairs["target_outlet"].map(outlet_label))
    by_pair = frame.groupby(["source_outlet", "target_outlet"])  # one call per column: the named agg(...) is slower
    flows = (pd.DataFrame({"chars": by_pair["chars"].sum(), "pairs": by_pair.size(),
                           "example": by_pair["target_text"].first()})
             .reset_index().sort_values("chars", ascending=False).head(top).iloc[::-1])
    flows["pair"] = flows["source_outlet"] + " → " + flows["target_outlet"]
    bars = []
    for outlet in flows["source_outlet"].drop_duplicates():
        part = flows[flows["source_outlet"] == outlet]
        bars.append(go.Bar(
            y=part["pair"].map(plotly_text), x=part["chars"], orientation="h", name=outlet,
            marker_color=colour_of(colours, outlet),
            customdata=list(zip(part["pairs"], part["example"].map(lambda t: hover_text(t, limit=240)))),
            hovertemplate="<b>%{y}</b><br>%{x} characters in %{customdata[0]} article pair(s)<br>"
                          "“%{customdata[1]}”<extra></extra>"))
    return go.Figure(data=bars, layout=dict(
        LAYOUT, title=title, height=max(260, 30 * len(flows) + 160), legend=dict(title_text="Source outlet"),
        xaxis=dict(title_text="Characters reused", rangemode="tozero"),
        # Bars by characters reused, largest on top (plotly would group the categories by trace, i.e. by source).
        yaxis=dict(title_text="Outlet pair", type="category", automargin=True, categoryorder="array",
                   categoryarray=flows["pair"].map(plotly_text).tolist())))


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+-.!|~$:"})


def plain_markdown(text) -> str:
    """Text that Streamlit markdown shows literally: every markdown/HTML special character backslash-escaped."""
    return "" if text is None else str(text).translate(_MARKDOWN_SPECIAL)


def highlight_html(text: str, spans: Sequence[tuple[int, int, str]], title_of=None) -> str:
    """``text`` as escaped HTML with ``<mark>`` around each (start, end, kind) span; overlaps nest by start order.

    Every character of ``text`` goes through html.escape, so markup inside an article shows as text.
    """
    classes = {kind: css for kind, css, _, _ in MARK_STYLES}
    events = []
    n = len(text)
    for start, end, kind in spans:
        start, end = max(0, int(start)), min(n, int(end))
        if end > start:
            events.append((start, end, kind))
    # Flatten overlaps: cut the text at every boundary, each piece takes the innermost (latest-starting) span.
    cuts = sorted({0, n, *(s for s, _, _ in events), *(e for _, e, _ in events)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [ev for ev in events if ev[0] <= a and ev[1] >= b]
        piece = html.escape(text[a:b]).replace("\n", "<br>")
        if covering:
            kind = max(covering, key=lambda ev: (ev[0], -ev[1]))[2]
            tip = html.escape(title_of(kind) if title_of else kind, quote=True)
            out.append(f'<mark class="{classes.get(kind, "q-quoted")}" title="{tip}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def highlight_css() -> str:
    """The <style> block for highlight_html marks and the framing matrix badges."""
    marks = "".join(f"mark.{css}{{background:{bg};padding:0 1px;border-radius:2px}}" for _, css, bg, _ in MARK_STYLES)
    return ("<style>" + marks +
            ".cc-badge{display:inline-block;font-size:0.72em;padding:1px 6px;border-radius:8px;margin-right:4px;"
            "background:#eef;color:#223;border:1px solid #ccd;white-space:nowrap}"
            ".cc-badge.direct{background:#ffe08a}.cc-badge.partial{background:#ffd0a8}"
            ".cc-badge.reported{background:#d6e4ff}.cc-badge.own{background:#e8e8e8}"
            ".cc-badge.proposal{background:#d8f5d0}"
            ".cc-omit{color:#999;font-style:italic}"
            ".cc-matrix{border-collapse:collapse;width:100%;font-size:0.9em}"
            ".cc-matrix th,.cc-matrix td{border:1px solid #ddd;padding:6px;vertical-align:top;text-align:left}"
            ".cc-matrix th{background:#f6f6f9}"
            ".cc-outlet{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:5px}"
            ".cc-text{line-height:1.6}</style>")


def legend_html() -> str:
    """A one-line legend of the highlight classes used in the article reader."""
    return " ".join(f'<mark class="{css}">{html.escape(label)}</mark>' for kind, css, _, label in MARK_STYLES
                    if kind in ("direct", "partial", "reported", "speaker", "date"))
