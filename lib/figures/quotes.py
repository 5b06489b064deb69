"""Quote figures: speakers by outlet, quotes shared between outlets, one quote's lineage, passage reuse flows."""
from __future__ import annotations

from typing import Mapping

import pandas as pd
import plotly.graph_objects as go

from lib.domain.calendar import UNORDERED, same_day_tie
from lib.domain.outlets import UNKNOWN_OUTLET, outlet_label, outlet_labels
from lib.figures.style import (LAYOUT, UNATTRIBUTED, date_axis, day_bar, day_extent, day_points, empty_figure,
                               hover_date, hover_text, legend_entry, integer_ticks, outlet_text, outlets_in_order,
                               plotly_text, tie_reason, view_colours)
from lib.models import shown_speaker

# How much the busy charts draw (the pages say so under them when there is more): more is unreadable, and slow.
HEATMAP_ROWS = 20  # speaker and shared-quote heatmaps: speakers and outlets
FLOW_PAIRS = 20  # passage reuse: the outlet pairs with the most reused characters
MAX_TEXT_CELLS = 150  # heatmap cells that still get their number printed (see _cell_text)
COUNT_SCALE = [[0.0, "#c6dbef"], [1.0, "#08306b"]]  # "Blues" from its first shade a reader tells from white


def speaker_outlet_figure(quotes: pd.DataFrame, top: int = HEATMAP_ROWS, top_outlets: int = HEATMAP_ROWS) -> go.Figure:
    """Heatmap of how often each outlet quotes each speaker (the ``top`` speakers; of ``top_outlets`` outlets, each
    speaker's most-quoting one, then those quoting them most); hover shows one of the quotes."""
    title = "Speakers × outlets: number of quotes"
    if quotes is None or quotes.empty:
        return empty_figure(title, "No quotes match the filters.")
    frame = quotes.assign(outlet=quotes["outlet"].map(outlet_label),
                          who=shown_speaker(quotes).fillna(UNATTRIBUTED).astype(str))
    speakers = frame["who"].value_counts().head(top).index.tolist()
    # The unattributed quotes are a row, the last: no speaker, so they neither pick the outlets nor set the colour
    # scale (one live blog's 121 unattributed fragments made every speaker's cell pale and opened the chart on it).
    named = [s for s in speakers if s != UNATTRIBUTED] or speakers
    speakers = named + [s for s in speakers if s not in named]
    frame = frame[frame["who"].isin(speakers)]
    # Each speaker's own most-quoting outlet first, so no row is empty, then the outlets quoting them most.
    per_cell = frame.groupby(["who", "outlet"]).size()
    own = [min(per_cell[s].index, key=lambda o: (-per_cell[(s, o)], o.casefold())) for s in named]
    ranked = list(dict.fromkeys(outlets_in_order(frame[frame["who"].isin(named)]) + outlets_in_order(frame)))
    chosen = set(list(dict.fromkeys(own + ranked))[:top_outlets])
    outlets = [o for o in ranked if o in chosen]
    frame = frame[frame["outlet"].isin(outlets)]
    # groupby, not pivot_table (5-10 ms of overhead per table on a few hundred quotes); examples looked up in a
    # dict, not per cell in a MultiIndex Series.
    cells = frame.groupby(["who", "outlet"])["text"]
    counts = cells.count().unstack(fill_value=0).reindex(index=speakers, columns=outlets, fill_value=0)
    example = cells.first().to_dict()
    hover = [[hover_text(example.get((s, o), ""), limit=240) for o in outlets] for s in speakers]
    top_count = int(counts.loc[named].values.max())  # the named speakers' busiest cell tops the colour scale
    # An outlet quoting a speaker once is a cell of its own colour, not one a shade off the empty ones: empty cells are
    # left blank and the scale starts at one quote with a shade that shows (one busy cell of 33 made 1 and 0 alike).
    return go.Figure(data=[go.Heatmap(
        z=counts.where(counts > 0).values, x=[plotly_text(o) for o in outlets], y=[plotly_text(s) for s in speakers],
        colorscale=COUNT_SCALE, zmin=1, zmax=max(1, top_count), hoverongaps=False, customdata=hover,
        colorbar=dict(title="Quotes", **integer_ticks(top_count)),
        texttemplate=_cell_text(int((counts.values > 0).sum())),
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
    the outlets of the pairs sharing the most quotes, up to ``top``, in name order: each shown outlet shares with
    another shown one (ranking outlets by their totals left some with an empty row, their partners cut off)."""
    title = "Quotes shared between outlets"
    if matrix is None or matrix.empty:
        return empty_figure(title, "No two outlets share a quote under the filters.")
    frame = matrix.assign(outlet_a=matrix["outlet_a"].map(outlet_label), outlet_b=matrix["outlet_b"].map(outlet_label))
    chosen: list[str] = []
    ranked = frame.sort_values(["shared_quotes", "outlet_a", "outlet_b"], ascending=[False, True, True], kind="stable")
    for a, b in zip(ranked["outlet_a"], ranked["outlet_b"]):
        new = [o for o in dict.fromkeys((a, b)) if o not in chosen]
        if len(chosen) + len(new) <= top:
            chosen += new
        if len(chosen) >= top:
            break
    outlets = sorted(chosen, key=str.casefold)
    frame = frame[frame["outlet_a"].isin(outlets) & frame["outlet_b"].isin(outlets)]
    pairs = frame.groupby(["outlet_a", "outlet_b"])  # not pivot_table: 5-10 ms of overhead per table
    counts = pairs["shared_quotes"].sum().unstack().reindex(index=outlets, columns=outlets).fillna(0).astype(int)
    share = pairs["share_of_a_words_in_b"].max().unstack().reindex(index=outlets, columns=outlets)
    hover = [[("" if pd.isna(v) else f"{v:.0%} of {plotly_text(a)}'s quoted words appear in {plotly_text(b)}")
              for b, v in zip(outlets, row)] for a, row in zip(outlets, share.values)]
    labels = [plotly_text(o) for o in outlets]
    return go.Figure(data=[go.Heatmap(
        z=counts.values, x=labels, y=labels, colorscale="Purples",
        colorbar=dict(title="Shared quotes", **integer_ticks(counts.values.max())),
        texttemplate=_cell_text(counts.size), customdata=hover,
        hovertemplate="<b>%{y}</b> and <b>%{x}</b> share %{z} quote(s)<br>%{customdata}<extra></extra>")], layout=dict(
        LAYOUT, title=title, height=max(300, 36 * len(labels) + 170),
        xaxis=dict(title_text="Outlet (carrying the same quote)", type="category", automargin=True),
        yaxis=dict(title_text="Outlet", type="category", autorange="reversed", automargin=True)))


def lineage_colours(carriers: pd.DataFrame, colours: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each carrier's outlet -> the colour lineage_figure draws it in (the view's colours, in order of publication;
    undated carriers last), so a table beside the chart marks each outlet as the chart does."""
    frame = carriers.sort_values("published", kind="stable", na_position="last")
    return view_colours(colours, frame["outlet"].map(outlet_label).drop_duplicates())


def lineage_figure(carriers: pd.DataFrame, colours: Mapping[str, str] | None = None, quote: str = "") -> go.Figure:
    """One quote's lineage in time: the earliest carrier, then each later carrier linked to it. When several
    outlets carried it first on the same day and a date has no clock time (or the times are equal), they tie:
    all are marked earliest and no one of them is drawn as the source."""
    title = "Quote lineage: earliest carrier → later carriers"
    if carriers is None or carriers.empty or carriers["published"].isna().all():
        return empty_figure(title, "No dated carrier of this quote under the filters.")
    frame = carriers[carriers["published"].notna()].sort_values("published", kind="stable")
    frame = frame.assign(outlet=frame["outlet"].map(outlet_label), published=pd.to_datetime(frame["published"]))
    origin = frame.iloc[0]
    tied = frame["published"].map(lambda p: same_day_tie(origin["published"], p))
    firsts = frame.loc[tied, "outlet"].unique().tolist()
    tie = len(firsts) > 1
    later = frame[~tied]
    x, day_only, when = day_points(frame["published"], hover_date(frame["published"]))
    traces = []
    if not tie:
        # All links in one trace, broken by None gaps: one trace per link was 80+ traces for a widely carried quote.
        traces.append(go.Scatter(
            x=[at for t in x[later.index] for at in (x[frame.index[0]], t, None)],
            y=[y for o in later["outlet"] for y in (outlet_text(origin["outlet"]), outlet_text(o), None)],
            mode="lines", line=dict(color="#bbb", width=1.5), hoverinfo="skip", showlegend=False))
    order = frame["outlet"].drop_duplicates().tolist()
    every = lineage_colours(carriers, colours)  # the table's colours: undated carriers too
    shown = {outlet: every[outlet] for outlet in order}  # the legend counts the outlets drawn
    for outlet in order:
        part = frame[frame["outlet"] == outlet]
        first = tied[part.index]
        role = ["earliest (tie: same day)" if f and tie else "earliest" if f else "later" for f in first]
        bar = day_bar(x[part.index][day_only[part.index]], outlet_text(outlet), shown[outlet])
        traces += [bar] if bar is not None else []
        traces.append(go.Scatter(
            x=x[part.index], y=[outlet_text(outlet)] * len(part), mode="markers", **legend_entry(shown, outlet),
            marker=dict(color=shown[outlet], size=[18 if f else 13 for f in first],
                        symbol=["star" if f else "circle" for f in first], line=dict(width=1, color="white")),
            customdata=list(zip([outlet_text(outlet)] * len(part), role, part["text"].map(hover_text))),
            hovertemplate=[f"<b>%{{customdata[0]}}</b> · {w} · %{{customdata[1]}}<br>“%{{customdata[2]}}”"
                           "<extra></extra>" for w in when[part.index]]))
    undated = int(carriers["published"].isna().sum())
    notes = ([f"Earliest: a tie between {len(firsts)} outlets on the same day "
              f"({tie_reason(frame.loc[tied, 'published'])})"] if tie else []) \
        + ([f"{undated} undated carrier(s) not on the time axis"] if undated else [])
    note = "; ".join(notes)
    subtitle = "<br>".join(x for x in (hover_text(quote, 120, 160) if quote else "", plotly_text(note) if note else "")
                           if x)
    return go.Figure(data=traces, layout=dict(
        LAYOUT, title=title + (f"<br><sup>{subtitle}</sup>" if subtitle else ""),
        height=max(260, 46 * frame["outlet"].nunique() + 170),
        xaxis=date_axis(day_extent(frame["published"], x, day_only), title_text="Published"),
        yaxis=dict(title_text="Outlet", type="category", automargin=True)))


def unnamed_pairs(pairs: pd.DataFrame) -> pd.Series:
    """The article pairs (reuse pairs) of two articles that both name no outlet."""
    return (outlet_labels(pairs["source_outlet"]) == UNKNOWN_OUTLET) \
        & (outlet_labels(pairs["target_outlet"]) == UNKNOWN_OUTLET)


def flow_keys(pairs: pd.DataFrame) -> pd.DataFrame:
    """The article pairs with what the reuse chart draws one bar for: source and target outlet labels, and, for a pair
    with no source (the same day, or undated), how it is unordered ("A ↔ B (same day)" / "(undated)", never "A → B";
    "" for an ordered pair). Its distinct rows are the chart's outlet pairs, as its caption counts them."""
    unordered = (pairs["direction"].map(UNORDERED).fillna("") if "direction" in pairs
                 else pd.Series("", index=pairs.index))
    return pairs.assign(source_outlet=pairs["source_outlet"].map(outlet_label),
                        target_outlet=pairs["target_outlet"].map(outlet_label), unordered=unordered)


def reuse_flows_figure(pairs: pd.DataFrame, colours: Mapping[str, str] | None = None,
                       top: int = FLOW_PAIRS) -> go.Figure:
    """Reused characters per outlet pair (source → target), coloured by the source outlet; two articles that both
    name no outlet are no pair of outlets (nothing tells them apart), and are left out (unnamed_pairs). The title
    speaks of a source only when a pair shown has one."""
    title = "Passage reuse between outlets (characters reused)"
    if pairs is None or pairs.empty:
        return empty_figure(title, "No passage is reused between the filtered articles.")
    pairs = pairs[~unnamed_pairs(pairs)]
    if pairs.empty:
        return empty_figure(title, "Only articles naming no outlet reuse passages here: no outlet to draw them "
                                   "between.")
    frame = flow_keys(pairs).assign(articles=pairs["source_id"].astype(str) + "\n" + pairs["target_id"].astype(str))
    by_pair = frame.groupby(["source_outlet", "target_outlet", "unordered"])  # one call per column: named agg is slower
    flows = (pd.DataFrame({"chars": by_pair["chars"].sum(), "pairs": by_pair["articles"].nunique(),  # 1+ passages each
                           "example": by_pair["target_text"].first()})
             .reset_index().sort_values("chars", ascending=False).head(top).iloc[::-1])
    flows["pair"] = [f"{outlet_text(a)} ↔ {outlet_text(b)} ({u})" if u else f"{outlet_text(a)} → {outlet_text(b)}"
                     for a, b, u in zip(flows["source_outlet"], flows["target_outlet"], flows["unordered"])]
    order = flows["source_outlet"].drop_duplicates().tolist()
    shown = view_colours(colours, order[::-1])
    bars = []
    for outlet in order:
        part = flows[flows["source_outlet"] == outlet]
        bars.append(go.Bar(
            y=part["pair"], x=part["chars"], orientation="h", **legend_entry(shown, outlet),
            marker_color=shown[outlet],
            customdata=list(zip(part["pairs"], part["example"].map(lambda t: hover_text(t, limit=240)))),
            hovertemplate="<b>%{y}</b><br>%{x} characters in %{customdata[0]} article pair(s)<br>"
                          "“%{customdata[1]}”<extra></extra>"))
    ordered = bool((flows["unordered"] == "").any())
    return go.Figure(data=bars, layout=dict(
        LAYOUT, title="Passage reuse between outlets (characters reused, source → target)" if ordered else title,
        height=max(260, 30 * len(flows) + 160),
        legend=dict(LAYOUT["legend"], title_text="Earlier outlet (first named of a pair with no order)" if ordered
                    else "First named outlet of the pair"),
        xaxis=dict(title_text="Characters reused", rangemode="tozero"),
        # Bars by characters reused, largest on top (plotly would group the categories by trace, i.e. by source).
        yaxis=dict(title_text="Outlet pair", type="category", automargin=True, categoryorder="array",
                   categoryarray=flows["pair"].tolist())))
