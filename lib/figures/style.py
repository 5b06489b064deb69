"""What every figure shares: outlet colours, the base layout, empty states and plotly-safe text."""
from __future__ import annotations

import hashlib
import html
import textwrap
from typing import Iterable, Mapping

import pandas as pd
import plotly.colors as pc
import plotly.graph_objects as go

from lib.domain.outlets import UNKNOWN_OUTLET, outlet_label

# ---------------------------------------------------------------- colours, layout, axes
UNKNOWN_COLOUR = "#8c8c8c"
# Distinct qualitative colours, most distinguishable first; beyond them outlets get a hashed hue.
PALETTE = tuple(dict.fromkeys(pc.qualitative.Dark24 + pc.qualitative.Alphabet + pc.qualitative.Light24))
UNATTRIBUTED = "(unattributed)"  # the speaker row of quotes nobody is named for (charts and the Quotes page)
EMPTY_HEIGHT = 220  # an empty state is one line of text: a short figure, so the page does not jump
INTEGER_TICKS_UP_TO = 10  # on count axes up to this, ticks fall on whole numbers (no 0.2 articles)
# No template of our own (plotly's default applies): the dashboard draws every figure in Streamlit's theme, which
# replaces it, and setting "plotly_white" cost 30-75 ms of template copying per figure, most of a filter change's
# figure time. Each builder passes its whole layout to go.Figure once: every update_layout/update_xaxes call
# validated again (2-5 ms each).
LAYOUT = dict(margin=dict(l=10, r=10, t=60, b=40), hoverlabel=dict(align="left"), showlegend=True,
              legend=dict(title_text="Outlet"))


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


def empty_figure(title: str, reason: str) -> go.Figure:
    """A figure that says why it has nothing to draw."""
    note = dict(text=plotly_text(reason), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                font=dict(size=14, color="#555"))
    return go.Figure(layout=dict(LAYOUT, title=title, height=EMPTY_HEIGHT, annotations=[note],
                                 xaxis=dict(visible=False), yaxis=dict(visible=False)))


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


def outlets_in_order(frame: pd.DataFrame, column: str = "outlet") -> list[str]:
    """Outlet labels of a frame, most rows first, then by name (legend and axis order)."""
    labels = frame[column].map(outlet_label)
    counts = labels.value_counts()
    return sorted(counts.index, key=lambda o: (-counts[o], o.casefold()))


# ---------------------------------------------------------------- text that plotly shows as text

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
