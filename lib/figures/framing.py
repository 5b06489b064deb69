"""Framing figures of one story: whose voices each outlet carried, and each outlet's distinctive terms."""
from __future__ import annotations

from typing import Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lib.domain.outlets import outlet_label
from lib.figures.style import LAYOUT, UNATTRIBUTED, colour_of, empty_figure, hover_text, outlets_in_order, plotly_text

# How much the busy charts draw (the pages say so under them when there is more): more is unreadable, and slow.
VOICE_SPEAKERS = 12  # voices: the most-quoted speakers
TERM_OUTLETS = 4  # distinctive terms: one panel per outlet, the outlets with the most terms
TERMS_PER_OUTLET = 10  # distinctive terms: bars per panel, as many as a panel shows with readable labels


def voices_figure(voices: pd.DataFrame, colours: Mapping[str, str] | None = None,
                  top: int = VOICE_SPEAKERS) -> go.Figure:
    """Whose voices each outlet carried: share of the outlet's quoted words per speaker, one bar group per speaker.

    An optional ``example`` column (one quote of that speaker in that outlet) is shown in the hover.
    """
    title = "Whose voices each outlet carried (share of quoted words)"
    if voices is None or voices.empty:
        return empty_figure(title, "No outlet quotes anyone in this story.")
    frame = voices.assign(outlet=voices["outlet"].map(outlet_label),
                          speaker=voices["speaker"].fillna(UNATTRIBUTED).astype(str))
    speakers = frame.groupby("speaker")["quoted_words"].sum().sort_values(ascending=False).head(top).index
    frame = frame[frame["speaker"].isin(speakers)]
    bars = []
    for outlet in outlets_in_order(frame):
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


def terms_figure(terms: pd.DataFrame, colours: Mapping[str, str] | None = None, top: int = TERMS_PER_OUTLET,
                 max_outlets: int = TERM_OUTLETS) -> go.Figure:
    """Each outlet's most distinctive terms (log-odds z-scores, Monroe et al. 2008), one panel per outlet."""
    title = "Distinctive terms per outlet (weighted log-odds, z-score)"
    if terms is None or terms.empty:
        return empty_figure(title, "Too little text to find distinctive terms.")
    frame = terms.assign(outlet=terms["outlet"].map(outlet_label))
    outlets = outlets_in_order(frame)[:max_outlets]
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
