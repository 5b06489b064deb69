"""What every figure shares: outlet colours, the base layout, empty states and plotly-safe text."""
from __future__ import annotations

import hashlib
import re
import html
import textwrap
from collections import Counter
from typing import Iterable, Mapping

import pandas as pd
import plotly.graph_objects as go

from lib.domain.outlets import UNKNOWN_OUTLET, outlet_label
from lib.domain.sentences import shorten

# ---------------------------------------------------------------- colours, layout, axes
UNKNOWN_COLOUR = "#8c8c8c"
# Outlet colours: Okabe & Ito's colour-blind-safe set (2008) without its yellow (unreadable on white), extended
# greedily by the candidate farthest from those chosen (CIEDE2000). Every two of these differ by CIEDE2000 >= 20 and
# each from UNKNOWN_COLOUR by >= 20 (tests/test_charts.py measures it), where plotly's Dark24 + Alphabet + Light24
# put three near-identical greens into one story. A view never shows more outlets in colour than this.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#782ab6", "#af0038", "#654522",
           "#8db600", "#f97b72", "#3d6020")
# The outlets of one view past the palette: one light grey drawn as one legend entry, "N other outlets"
# (legend_entry), never a palette colour again (two outlets that look alike while named apart are a false statement).
# CIEDE2000 >= 20 from UNKNOWN_COLOUR and from every PALETTE colour (tests/test_charts.py measures it).
OTHER_OUTLETS_COLOUR = "#d4d4d4"
OTHER_OUTLETS = "other outlets"  # their legend group
UNATTRIBUTED = "(unattributed)"  # the speaker row of quotes nobody is named for (charts and the Quotes page)
EMPTY_HEIGHT = 220  # an empty state is one line of text: a short figure, so the page does not jump
INTEGER_TICKS_UP_TO = 10  # on count axes up to this, ticks fall on whole numbers (no 0.2 articles)
# No template of our own (plotly's default applies): the dashboard draws every figure in Streamlit's theme, which
# replaces it, and setting "plotly_white" cost 30-75 ms of template copying per figure, most of a filter change's
# figure time. Each builder passes its whole layout to go.Figure once: every update_layout/update_xaxes call
# validated again (2-5 ms each).
LAYOUT = dict(margin=dict(l=10, r=10, t=60, b=40), hoverlabel=dict(align="left"), showlegend=True,
              legend=dict(title_text="Outlet", tracegroupgap=0))  # no gap around the other outlets' legend group


def outlet_colours(outlets: Iterable, together: Iterable[Iterable] | None = None) -> dict[str, str]:
    """A stable outlet -> colour map for a corpus: one PALETTE colour per outlet, grey for the unknown outlet.

    ``outlets``: the corpus's outlets (repeats ignored). ``together``: optional groups of outlets shown together
    (e.g. each story's outlets). Each outlet, in name order (so the map does not depend on the order or the counts
    of the input), takes the colour least shared with the outlets it appears with (weighted by how often), then the
    least used colour, then palette order (greedy graph colouring), so an outlet keeps one colour on every page and
    the outlets of one view rarely share one; view_colours settles the rest within a view.
    """
    order = sorted({outlet_label(o) for o in outlets} - {UNKNOWN_OUTLET}, key=lambda o: (o.casefold(), o))
    weight: dict[str, Counter] = {}
    for group in together or ():
        names = {outlet_label(o) for o in group} - {UNKNOWN_OUTLET}
        for a in names:
            weight.setdefault(a, Counter()).update(names - {a})
    colours, used = {UNKNOWN_OUTLET: UNKNOWN_COLOUR}, [0] * len(PALETTE)
    for name in order:
        clash = [0] * len(PALETTE)
        for other, n in weight.get(name, {}).items():
            if other in colours and other != name:
                clash[PALETTE.index(colours[other])] += n
        k = min(range(len(PALETTE)), key=lambda i: (clash[i], used[i], i))
        colours[name] = PALETTE[k]
        used[k] += 1
    return colours


def view_colours(colours: Mapping[str, str] | None, outlets: Iterable) -> dict[str, str]:
    """The colours of the outlets of one view (in the view's order, most important first). Up to len(PALETTE) known
    outlets each have a colour none of the others has: first the outlets that ``colours`` gives a colour of their own
    (outlet_colours, or a page's page_colours), in the view's order, each keeping it unless an earlier one has it, then
    those it puts among the other outlets (past a page's palette's worth), while the view has room; a recoloured one
    takes a palette colour none of the view's outlets keeps (so an outlet that keeps its colour is never pushed off it).
    The rest share OTHER_OUTLETS_COLOUR, drawn as one legend entry (legend_entry); the unknown outlet is grey. Under a
    page's map every outlet the page colours so keeps its page colour in whatever order a chart lists them, and a chart
    of a few of the page's other outlets draws them apart, not as one grey (the screenshot pass read a reuse chart of
    five outlets in one colour and four greys)."""
    names = list(dict.fromkeys(outlet_label(o) for o in outlets))
    known = [name for name in names if name != UNKNOWN_OUTLET]
    greyed = {name for name in known if (colours or {}).get(name) == OTHER_OUTLETS_COLOUR}
    coloured = ([name for name in known if name not in greyed] + [name for name in known if name in greyed])[
        :len(PALETTE)]
    out: dict[str, str] = {}
    for name in coloured:
        colour = colour_of(colours, name)
        if colour in PALETTE and colour not in out.values():
            out[name] = colour
    spare = iter([c for c in PALETTE if c not in out.values()])
    out.update({name: next(spare) for name in coloured if name not in out})
    return {name: UNKNOWN_COLOUR if name == UNKNOWN_OUTLET else out.get(name, OTHER_OUTLETS_COLOUR) for name in names}


def legend_entry(shown: Mapping[str, str], outlet: str) -> dict:
    """Legend settings of the trace of one outlet of a view coloured by view_colours: the outlet's own entry, or, for
    the outlets past the palette, the one entry they share, which counts them ("8 other outlets")."""
    if shown[outlet] != OTHER_OUTLETS_COLOUR:
        return dict(name=outlet_text(outlet))
    others = [o for o, colour in shown.items() if colour == OTHER_OUTLETS_COLOUR]
    return dict(name=others_name(len(others)), legendgroup=OTHER_OUTLETS, showlegend=outlet == others[0])


UNNAMED_IN_OTHERS = "and articles naming none"  # after others_name when the grey band holds such articles too


def others_name(n: int) -> str:
    """The legend entry of ``n`` outlets drawn as one: "8 other outlets"."""
    return f"{n:,} {OTHER_OUTLETS}" if n != 1 else f"1 {OTHER_OUTLETS[:-1]}"


def page_colours(colours: Mapping[str, str] | None, sides: pd.Series, dated: pd.Series | None = None) -> dict[str, str]:
    """The colours of one page's compared sides (``sides``: each article's outlet or group): view_colours over them,
    the side with most dated articles first (``dated``: whether each article has a date; most charts are in time),
    then with most articles, then by name. Every chart and table of the page takes this map, and since its first
    len(PALETTE) sides share no colour, each chart's own view_colours keeps them: one colour per side on the page,
    whatever order a chart lists them in. The sides past them are grey in the page's tables and in a chart with no
    room left; a chart with room gives them colours of its own (view_colours)."""
    counts = sides.value_counts()
    on_axis = sides[dated.to_numpy()].value_counts() if dated is not None else counts
    return view_colours(colours, sorted(counts.index, key=lambda side: (-on_axis.get(side, 0), -counts[side],
                                                                       str(side).casefold())))


def colour_of(colours: Mapping[str, str] | None, outlet) -> str:
    """The colour of one outlet under a map (a palette colour picked by a stable hash of the name when the map does
    not know it: the same outlet gets the same colour on every page)."""
    name = outlet_label(outlet)
    if colours and name in colours:
        return colours[name]
    if name == UNKNOWN_OUTLET:
        return UNKNOWN_COLOUR
    return PALETTE[int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16) % len(PALETTE)]


def empty_figure(title: str, reason: str) -> go.Figure:
    """A figure that says why it has nothing to draw."""
    note = dict(text=plotly_text(reason), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                font=dict(size=14, color="#555"))
    return go.Figure(layout=dict(LAYOUT, title=title, height=EMPTY_HEIGHT, annotations=[note],
                                 xaxis=dict(visible=False), yaxis=dict(visible=False)))


DAY_MS = 86_400_000  # one day in plotly's date-axis unit (milliseconds)
DAY_TICKS = 8  # at most this many day ticks on a short day-precision axis


def day_points(times: pd.Series, fmt: str) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(x, day-only flags, hover texts), indexed as ``times``, of publication times for a chart that mixes reports
    with a clock time and reports dated by their day alone: a day-only report is drawn at the noon of its day (with
    day_bar across it) and hovers "Nov 8, 2023, time of day not given", not at the midnight that opens its day (the
    screenshot pass read two such reports as first by 20 hours, before the debate they reported on). With no clock
    time in the chart, or none missing, every time is as given. ``fmt``: the d3 format of a timed report's hover
    (hover_date)."""
    times = pd.to_datetime(times)
    day_only = times == times.dt.normalize()
    if not (day_only.any() and (~day_only).any()):
        day_only = pd.Series(False, index=times.index)  # every time as given
    when = pd.Series([f"{t:%b} {t.day}, {t:%Y}, time of day not given" if d else f"%{{x|{fmt}}}"
                      for t, d in zip(times, day_only)], index=times.index, dtype=object)
    return times + pd.to_timedelta(day_only.astype(int) * 12, unit="h"), day_only, when


def day_extent(times: pd.Series, x: pd.Series, day_only: pd.Series) -> pd.Series:
    """The times a chart's axis must show: ``times`` and the end of each day day_points drew across (its day_bar)."""
    return pd.concat([pd.to_datetime(times), x[day_only] + pd.Timedelta(hours=12)])


def day_bar(noons: Iterable, label: str, colour: str) -> go.Scatter | None:
    """A line across each day whose noon is in ``noons`` (day_points' day-only reports of one outlet), on the outlet's
    row: the day the report could have come at any time of; None when there is none. Plotly draws no error bars on
    a date axis."""
    noons = [pd.Timestamp(t) for t in noons]
    if not noons:
        return None
    half = pd.Timedelta(hours=12)
    return go.Scatter(x=[x for t in noons for x in (t - half, t + half, None)], y=[label, label, None] * len(noons),
                      mode="lines", name=label, line=dict(color=colour, width=3), marker=dict(color=colour),
                      opacity=0.45, hoverinfo="skip", showlegend=False)


def tie_reason(times: pd.Series) -> str:
    """Why first reports at these times tie: one published time when each has a clock time, else a day with no clock
    time (also when the tied reports are not shown: no times given)."""
    times = pd.to_datetime(times)
    return "published at the same time" if len(times) and (times != times.dt.normalize()).all() \
        else "a day without a time of day cannot be ordered against that day's others"


def day_precision(times) -> bool:
    """True when every known time is a midnight: dates without a clock time (the store keeps a day as 00:00)."""
    times = pd.to_datetime(pd.Series(list(times)), errors="coerce").dropna()
    return bool((times == times.dt.normalize()).all())


def date_axis(times, min_span: pd.Timedelta = pd.Timedelta(days=2), mid_day: bool = False, **axis) -> dict:
    """Date-axis settings for these times: widened when they span less than ``min_span`` (time_range), and, for
    day-precision data, ticks on whole days labelled by day (no 00:00/06:00 ticks between the days); ``mid_day``
    puts the ticks at noon, under bars drawn across their day."""
    settings = dict(type="date", **time_range(times, min_span), **axis)
    known = pd.to_datetime(pd.Series(list(times)), errors="coerce").dropna()
    if len(known) and day_precision(known):
        lo, hi = settings.get("range", (known.min(), known.max()))
        days = max(1, (pd.Timestamp(hi) - pd.Timestamp(lo)).days)
        if days <= 31 * DAY_TICKS:  # longer axes get plotly's own month or year ticks, never hours
            settings.update(dtick=DAY_MS * -(-days // DAY_TICKS), tickformat="%b %-d, %Y",
                            tick0=pd.Timestamp(lo).normalize() + pd.Timedelta(hours=12 if mid_day else 0))
    return settings


def hover_date(times) -> str:
    """The d3 format of a date in a hover: the day alone for day-precision data, else day and clock time."""
    return "%Y-%m-%d" if day_precision(times) else "%Y-%m-%d %H:%M"


def time_range(times, min_span: pd.Timedelta = pd.Timedelta(days=2)) -> dict:
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


def integer_ticks(top: float) -> dict:
    """Axis settings for whole-number ticks on a count axis with small counts (no 0.2 articles)."""
    return {"dtick": 1, "tick0": 0} if top <= INTEGER_TICKS_UP_TO else {}


def outlets_in_order(frame: pd.DataFrame, column: str = "outlet", weight: str | None = None) -> list[str]:
    """Outlet labels of a frame, most rows first (or the largest sum of a ``weight`` column: the articles of a frame
    of daily counts, whose rows are bars), then by name (legend and axis order)."""
    labels = frame[column].map(outlet_label)
    counts = frame[weight].groupby(labels).sum() if weight else labels.value_counts()
    return sorted(counts.index, key=lambda o: (-counts[o], o.casefold()))


# ---------------------------------------------------------------- text that plotly shows as text

def plotly_text(text, missing: str = "unknown") -> str:
    """Text from the files for a plotly legend, axis label, title, annotation or hover: <, > and & escaped, so it
    never becomes markup (an outlet named <a href=...> shows as text, not a link); a missing value reads
    ``missing``, never "None" or "nan".

    Every builder passes text from the data through this (or hover_text). Quotes stay as they are: plotly.js
    decodes only a few named entities, so html.escape's &quot; showed literally (a story label on the overview
    read &quot;), and a quote cannot open a tag.
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return missing
    return html.escape(str(text), quote=False)


def outlet_text(outlet) -> str:
    """An outlet's display label, escaped for plotly (outlet_label, then plotly_text)."""
    return plotly_text(outlet_label(outlet))


def hover_text(text, width: int = 80, limit: int = 600, max_lines: int | None = None) -> str:
    """Evidence text for a plotly hover: shortened, wrapped with <br>, escaped by plotly_text (never markup). With
    ``max_lines``, a label that must keep its height: at most that many lines, the last shortened, and a word longer
    than a line (a Chinese or Japanese title has no spaces) broken inside, or it would be one line as wide as the plot."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    s = " ".join(str(text).split())
    s = shorten(s, limit)
    lines = textwrap.wrap(s, width, break_long_words=max_lines is not None, break_on_hyphens=False) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines - 1] + [shorten(" ".join(lines[max_lines - 1:]), width)]
    return "<br>".join(plotly_text(line) for line in lines)


_OUTLET_WORD = re.compile(r"\b([Oo])utlet(s?)\b")
# others_name's legend entry (the plural's "s" optional), with the articles naming no outlet it may hold
_OTHERS_NAME = re.compile(rf"[\d,]+ {OTHER_OUTLETS}?(?: {UNNAMED_IN_OTHERS})?")


def name_sides(figure: go.Figure, attribute: str) -> go.Figure:
    """A figure that compares groups of outlets says so: "outlet" in its title, axis and legend titles becomes
    "<attribute> group" ("Quotes shared between type groups", "Articles per week, by lean group"), and so does the
    legend entry of the sides past the palette ("3 other lean groups")."""
    def grouped(text):
        if not isinstance(text, str):
            return text
        return _OUTLET_WORD.sub(lambda m: (attribute.capitalize() if m.group(1) == "O" else attribute)
                                + " group" + m.group(2), text)

    layout = figure.layout
    layout.title.text = grouped(layout.title.text)
    layout.legend.title.text = grouped(layout.legend.title.text)
    for axis in ("xaxis", "yaxis"):
        if axis in layout and layout[axis].title.text is not None:
            layout[axis].title.text = grouped(layout[axis].title.text)
    for trace in figure.data:
        if isinstance(trace.name, str) and _OTHERS_NAME.fullmatch(trace.name):
            trace.name = grouped(trace.name)
        colorbar = getattr(trace, "colorbar", None)
        if colorbar is not None and colorbar.title.text is not None:
            colorbar.title.text = grouped(colorbar.title.text)
    return figure
