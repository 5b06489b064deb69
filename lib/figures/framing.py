"""Framing figures of one story: whose voices each outlet carried, and each outlet's distinctive terms."""
from __future__ import annotations

from typing import Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lib.domain.outlets import outlet_label
from lib.domain.sentences import shorten
from lib.figures.style import (LAYOUT, OTHER_OUTLETS_COLOUR, UNATTRIBUTED, empty_figure, hover_text, legend_entry,
                               outlet_text, outlets_in_order, plotly_text, view_colours)

# How much the busy charts draw (the pages say so under them when there is more): more is unreadable, and slow.
VOICE_SPEAKERS = 12  # voices: the most-quoted speakers
VOICE_BAR_PX = 7  # height of one outlet's bar in a speaker's group (voices)
VOICE_BAR_OUTLETS = 6  # voices: up to this many outlets, bars grouped by speaker; more, a speaker x outlet grid
TERM_OUTLETS = 6  # distinctive terms: one panel per outlet, the outlets with the most terms
TERMS_PER_OUTLET = 8  # distinctive terms: rows per panel, enough to read the outlet's angle at a glance
MIN_TERM_USES = 2  # a word an outlet used once is not its vocabulary (and every such word gets the same score)
TERM_ROW_PX, TERM_HEADER_PX, TERM_GAP_PX = 30, 34, 60  # row height, room for an outlet's name, gap between panels
NOTE_LINE_PX = 20  # room above a chart for each line of notes under its title
TERM_AXIS_MIN = 6  # the uses axis spans at least this: two uses are a short stroke, not a full-width bar


def repeated_terms(terms: pd.DataFrame) -> pd.DataFrame:
    """The distinctive terms the terms chart draws: those an outlet used MIN_TERM_USES times or more."""
    return terms[terms["count"] >= MIN_TERM_USES] if "count" in terms else terms


def voices_figure(voices: pd.DataFrame, colours: Mapping[str, str] | None = None,
                  top: int = VOICE_SPEAKERS) -> go.Figure:
    """Whose voices each outlet carried: share of the outlet's quoted words per speaker, one bar group per speaker.

    An optional ``example`` column (one quote of that speaker in that outlet) is shown in the hover.
    """
    title = "Whose voices each outlet carried (share of quoted words)"
    if voices is None or voices.empty:
        return empty_figure(title, "No outlet quotes anyone in this story.")
    frame = voices.assign(outlet=voices["outlet"].map(outlet_label),
                          speaker=voices["speaker"].map(lambda v: plotly_text(v, UNATTRIBUTED)))
    # An outlet that carried a voice only as reported speech quoted no words of it: no bar, and said so, for an outlet
    # quoting no one and for a named voice another outlet quotes (the seeds: UrduPoint quotes the UN's Nakamitsu and
    # only reports Putin, whom TASS quotes; the chart alone read as if UrduPoint gave Putin no voice)
    quoted = frame[frame["quoted_words"] > 0]
    reported = sorted(set(frame["outlet"]) - set(quoted["outlet"]), key=str.casefold)
    unquoted = frame[(frame["quoted_words"] == 0) & frame["outlet"].isin(set(quoted["outlet"]))
                     & frame["speaker"].isin(set(quoted["speaker"]) - {UNATTRIBUTED})]  # a voice others quote
    voices_of = [f"{outlet} ({', '.join(sorted(part['speaker'], key=str.casefold))})"
                 for outlet, part in unquoted.groupby("outlet", sort=False)]
    lines = [f"Reported speech only, no quoted words: {plotly_text(', '.join(reported))}"] if reported else []
    lines += [f"Voices carried only as reported speech: {plotly_text(shorten('; '.join(voices_of), 200))}"] \
        if voices_of else []
    note = "".join(f"<br><sup>{line}</sup>" for line in lines)
    margin = dict(LAYOUT["margin"], t=LAYOUT["margin"]["t"] + NOTE_LINE_PX * len(lines))  # the notes above the bars
    if quoted.empty:
        return empty_figure(title, "The outlets carried these voices only as reported speech: no quoted words.")
    frame = quoted
    speakers = frame.groupby("speaker")["quoted_words"].sum().sort_values(ascending=False).head(top).index
    frame = frame[frame["speaker"].isin(speakers)]
    order = outlets_in_order(frame)
    if len(order) > VOICE_BAR_OUTLETS:
        return _voices_grid(frame, list(speakers), order, title + note, margin)
    bars = []
    shown = view_colours(colours, order)
    for outlet in order:
        part = frame[frame["outlet"] == outlet]
        bars.append(go.Bar(
            y=part["speaker"], x=part["share"], **legend_entry(shown, outlet), orientation="h",
            marker_color=shown[outlet],
            customdata=list(zip([outlet_text(outlet)] * len(part), part["quoted_words"],
                                part["example"].map(lambda t: hover_text(t, limit=240)) if "example" in part
                                else [""] * len(part))),
            hovertemplate="<b>%{customdata[0]}</b> quoting %{y}<br>%{x:.0%} of its quoted words "
                          "(%{customdata[1]} words)<br>%{customdata[2]}<extra></extra>"))
    # a speaker's group holds a slot per outlet: it grows with the outlets, or 21 outlets got 3-pixel bars
    per_speaker = max(40, VOICE_BAR_PX * len(order) + 16)
    return go.Figure(data=bars, layout=dict(
        LAYOUT, title=title + note, margin=margin, barmode="group",
        height=max(260, per_speaker * len(speakers) + 140) + margin["t"] - LAYOUT["margin"]["t"],
        xaxis=dict(title_text="Share of the outlet's quoted words", tickformat=".0%", rangemode="tozero"),
        yaxis=dict(title_text="Speaker", type="category", categoryorder="array", categoryarray=list(speakers)[::-1],
                   automargin=True)))


def _voices_grid(frame: pd.DataFrame, speakers: list[str], order: list[str], title: str, margin: dict) -> go.Figure:
    """Whose voices each outlet carried as a speaker x outlet grid, the cell's shade the speaker's share of the
    outlet's quoted words: with many outlets, grouped bars keep a slot per outlet under every speaker and turn to
    hairlines that sit apart from their labels."""
    cells = frame.set_index(["speaker", "outlet"])
    share = frame.pivot_table(index="speaker", columns="outlet", values="share", aggfunc="sum").reindex(
        index=speakers, columns=order)
    words = frame.pivot_table(index="speaker", columns="outlet", values="quoted_words", aggfunc="sum").reindex(
        index=speakers, columns=order)
    examples = {key: hover_text(t, limit=240) for key, t in cells["example"].items()} if "example" in cells else {}
    hover = [[("" if pd.isna(words.at[s, o]) else f"{int(words.at[s, o])} words<br>{examples.get((s, o), '')}")
              for o in order] for s in speakers]
    labels = [outlet_text(o) for o in order]
    return go.Figure(data=[go.Heatmap(
        z=share.values, x=labels, y=speakers, colorscale="Blues", zmin=0, zmax=1, customdata=hover, xgap=1, ygap=1,
        colorbar=dict(title="Share of the outlet's quoted words", tickformat=".0%"),
        hovertemplate="<b>%{x}</b> quoting %{y}<br>%{z:.0%} of its quoted words, %{customdata}<extra></extra>")],
        layout=dict(LAYOUT, title=title, margin=margin,
                    height=max(300, 34 * len(speakers) + 200) + margin["t"] - LAYOUT["margin"]["t"],
                    xaxis=dict(title_text="Outlet", type="category", automargin=True, tickangle=-40),
                    yaxis=dict(title_text="Speaker", type="category", autorange="reversed", automargin=True)))


def terms_figure(terms: pd.DataFrame, colours: Mapping[str, str] | None = None, top: int = TERMS_PER_OUTLET,
                 max_outlets: int = TERM_OUTLETS, sides: int | None = None) -> go.Figure:
    """Words each outlet used far more often than the others, and how strongly: one panel per outlet, stacked (the
    outlet's name above its own rows, never beside another's marks), each word a dumbbell from how often the outlet
    would have used it at the other outlets' rate (grey) to how often it did (its colour); the words are the
    outlet's most distinctive by the log-odds z-score (Monroe et al. 2008), longest first. A word used once is
    left out (one use tells nothing about vocabulary, and every such word gets the same score)."""
    title = "Words each outlet used far more often than the others"
    if terms is None or terms.empty:
        if sides == 1:  # ``sides``: how many outlets (or groups) the view holds, when the caller knows
            return empty_figure(title, "Only one outlet here (or only articles naming none): terms compare an "
                                       "outlet with the others.")
        return empty_figure(title, "Too little text to find distinctive terms.")
    frame = repeated_terms(terms)
    if frame.empty:
        return empty_figure(title, "No outlet used any word more than once that the others did not use as much.")
    frame = frame.assign(outlet=frame["outlet"].map(outlet_label))
    outlets = outlets_in_order(frame)[:max_outlets]
    shown = view_colours(colours, outlets)
    expected = "expected" in frame
    sizes = [min(top, int((frame["outlet"] == o).sum())) for o in outlets]
    height = TERM_ROW_PX * sum(sizes) + (TERM_HEADER_PX + TERM_GAP_PX) * len(outlets) + 150
    fig = make_subplots(rows=len(outlets), cols=1, shared_xaxes=True, row_heights=sizes,
                        vertical_spacing=(TERM_HEADER_PX + TERM_GAP_PX) / height if len(outlets) > 1 else 0)
    for n, outlet in enumerate(outlets, start=1):
        # the outlet's most distinctive words (z), drawn longest bar on top so the panel reads as a ranking
        part = (frame[frame["outlet"] == outlet].sort_values("z", ascending=False, kind="stable").head(top)
                .sort_values(["count", "z"], kind="stable"))
        words = part["term"].map(plotly_text).tolist()
        others = part["others"] if "others" in part else pd.Series([0] * len(part), index=part.index)
        rate = part["expected"] if expected else pd.Series([0.0] * len(part), index=part.index)
        label = outlet_text(outlet)
        hover = list(zip([label] * len(part), part["count"], others, part["z"], rate))
        # A dumbbell per word (Cleveland's dot plot, two values): grey at the other outlets' rate, the outlet's colour
        # at its own uses; the gap between them is how strongly the outlet favoured the word. Equal counts line up
        # as dots in a column, not as a block of equal bars.
        fig.add_trace(go.Scatter(
            x=[x for a, b in zip(rate, part["count"]) for x in (a, b, None)],
            y=[y for w in words for y in (w, w, None)], mode="lines", line=dict(color=OTHER_OUTLETS_COLOUR, width=3),
            hoverinfo="skip", showlegend=False), row=n, col=1)
        fig.add_trace(go.Scatter(
            x=rate, y=words, mode="markers", name="at the other outlets' rate", showlegend=n == 1,
            legendgroup="others", marker=dict(color="white", size=9, line=dict(color="#888", width=2)),
            customdata=hover, hovertemplate="At the other outlets' rate, <b>%{customdata[0]}</b> would have used "
                                            "“%{y}” %{x:.1f} time(s)<extra></extra>"), row=n, col=1)
        fig.add_trace(go.Scatter(
            x=part["count"], y=words, mode="markers+text", name=label, showlegend=False,
            marker=dict(color=shown[outlet], size=13, line=dict(color="white", width=1)),
            text=part["count"].map(str), textposition="middle right", cliponaxis=False,  # a count, not "2×": no ratio
            customdata=hover,
            hovertemplate="<b>%{customdata[0]}</b> used “%{y}” %{x} time(s); the other outlets %{customdata[2]} "
                          "time(s) in all (%{customdata[4]:.1f} at this outlet's length)<br>distinctiveness "
                          "z = %{customdata[3]:.1f}<extra></extra>"), row=n, col=1)
    # Each outlet's name above its own panel, left-aligned: subplot titles centred over side-by-side panels overprinted
    # each other.
    heads = []
    for n, outlet in enumerate(outlets, start=1):
        domain = fig.layout[f"yaxis{n if n > 1 else ''}"].domain
        heads.append(dict(text=f"<b>{outlet_text(outlet)}</b>", x=0, xref="paper", xanchor="left", y=domain[1],
                          yref="paper", yanchor="bottom", showarrow=False, font=dict(size=13, color=shown[outlet])))
    axes = {f"yaxis{n if n > 1 else ''}": dict(type="category", automargin=True, ticksuffix=" ")
            for n in range(1, len(outlets) + 1)}
    fig.update_layout(dict(LAYOUT, title=title, height=height, annotations=heads, margin=dict(LAYOUT["margin"], t=90, b=80),
                           legend=dict(title_text="", orientation="h", x=1, xanchor="right", y=1,
                                       yanchor="bottom"), **axes))
    top_count = float(frame.loc[frame["outlet"].isin(outlets), "count"].max())
    fig.update_xaxes(range=[-0.3, max(TERM_AXIS_MIN, top_count * 1.15 + 0.5)], zeroline=False)
    fig.update_xaxes(title_text="Times used (grey: at the other outlets' rate)", row=len(outlets), col=1)
    fig.update_yaxes(title_text="")
    fig.update_yaxes(title_text="Word", row=1, col=1)
    return fig
