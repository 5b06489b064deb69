"""Figure builders: titles, labelled axes, legends naming outlets, escaped evidence in hovers, stable colours,
empty states that say why; and the escaped highlight markup."""
import html
import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.markup import highlight_html, plain_markdown
from lib.domain.outlets import UNKNOWN_OUTLET, outlet_label
from lib.figures.framing import terms_figure, voices_figure
from lib.figures.quotes import lineage_colours, lineage_figure, reuse_flows_figure, shared_quotes_figure, speaker_outlet_figure
from lib.figures.style import OTHER_OUTLETS_COLOUR, PALETTE, UNKNOWN_COLOUR, colour_of, hover_text, outlet_colours
from lib.figures.time import (coverage_timeline_figure, daily_counts_figure, history_timeline_figure, joined_titles,
                              stories_figure)

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)">'
T = pd.Timestamp


def _coverage():
    return pd.DataFrame({
        "story_id": ["s1"] * 3, "article_id": ["a", "b", "c"], "outlet": ["TASS", "UrduPoint News", None],
        "published": [T("2020-09-25"), T("2020-09-30 10:00"), T("2020-10-01")],
        "title": ["Putin proposes " + EVIL, "UN welcomes", "Third"], "is_first": [True, False, False],
        "lag_hours": [0.0, 130.0, 144.0]})


def _stories():
    return pd.DataFrame({"story_id": ["s1", "s2"], "label": ["Cyber proposals", "Other"],
                         "first": [T("2020-09-25"), T("2020-09-27")], "last": [T("2020-10-01"), T("2020-09-27")],
                         "n_articles": [3, 1], "outlets": [["TASS", "UrduPoint News"], ["TASS"]], "n_outlets": [2, 1],
                         "independent_sources": [2, 1], "article_ids": [["a", "b", "c"], ["d"]]})


def _daily():
    return pd.DataFrame({"day": [T("2020-09-25"), T("2020-09-30")], "outlet": ["TASS", "UrduPoint News"],
                         "articles": [1, 2], "titles": ["t1 " + EVIL, "t2"]})


def _history():
    return pd.DataFrame({"article_id": ["a", "b"], "outlet": ["TASS", "UrduPoint News"],
                         "published": [T("2020-09-25"), T("2020-09-30")], "value": [T("1972-05-25"), T("2018-01-01")],
                         "granularity": ["day", "year"], "text": ["May 25, 1972", "2018"],
                         "sentence": ["the Soviet-US Agreement of May 25, 1972 " + EVIL, "established in 2018"],
                         "start": [0, 5], "end": [10, 9]})


def _voices():
    return pd.DataFrame({"outlet": ["TASS", "UrduPoint News", "UrduPoint News"],
                         "speaker": ["Vladimir Putin", "Izumi Nakamitsu", "Vladimir Putin"],
                         "quoted_words": [133, 130, 0], "share": [1.0, 1.0, 0.0]})


def _terms():
    return pd.DataFrame({"outlet": ["TASS", "TASS", "UrduPoint News"], "term": ["cyberspace", "agencies", "icts"],
                         "log_odds": [0.7, 0.6, 0.9], "z": [1.0, 0.8, 1.2], "count": [4, 3, 5], "others": [0, 1, 0],
                         "expected": [0.0, 0.5, 0.0]})


def _quotes():
    return pd.DataFrame({"article_id": ["a", "a", "b"], "outlet": ["TASS", "TASS", "UrduPoint News"],
                         "speaker": ["Putin", "he", "Nakamitsu"],
                         "speaker_id": ["Vladimir Putin", "Vladimir Putin", "Izumi Nakamitsu"],
                         "text": ["Special responsibility " + EVIL, "It might be possible", "I welcome"]})


def _matrix():
    return pd.DataFrame({"outlet_a": ["TASS", "UrduPoint News"], "outlet_b": ["UrduPoint News", "TASS"],
                         "shared_quotes": [2, 2], "share_of_a_words_in_b": [0.4, 0.9]})


def _renderings():
    return pd.DataFrame({"group_id": [1, 1], "article_id": ["a", "b"], "outlet": ["TASS", "UrduPoint News"],
                         "published": [T("2020-09-25"), T("2020-09-30")], "text": ["we call " + EVIL, "we call"]})


def _pairs():
    return pd.DataFrame({"source_id": ["a"], "target_id": ["b"], "source_outlet": ["TASS"],
                         "target_outlet": ["UrduPoint News"], "source_start": [0], "source_end": [130],
                         "target_start": [0], "target_end": [130], "chars": [130], "source_text": ["x" * 130],
                         "target_text": ["copied " + EVIL], "share_of_target": [0.5], "direction": ["earlier"]})


COLOURS = outlet_colours(["TASS", "UrduPoint News", None])

# (builder, frame factory, expected legend names (None: a heatmap, axes name the outlets), evidence expected in hover)
BUILDERS = [
    (lambda f: daily_counts_figure(f, COLOURS), _daily, {"TASS", "UrduPoint News"}, "t1"),
    # stories in time names no outlet in a legend (sixty outlets said nothing): the hover lists them
    (lambda f: stories_figure(f, _coverage(), COLOURS), _stories, set(), "TASS, UrduPoint News"),
    (lambda f: coverage_timeline_figure(f, COLOURS), _coverage, {"TASS", "UrduPoint News",
                                                                         UNKNOWN_OUTLET}, "Putin proposes"),
    (lambda f: history_timeline_figure(f, COLOURS), _history, {"TASS", "UrduPoint News"}, "Soviet-US"),
    (lambda f: voices_figure(f, COLOURS), _voices, {"TASS", "UrduPoint News"}, None),
    # distinctive terms: each outlet's name heads its own panel; the legend explains the grey bars
    (lambda f: terms_figure(f, COLOURS), _terms, {"at the other outlets' rate"}, "other outlets"),
    (speaker_outlet_figure, _quotes, None, "Special responsibility"),
    (shared_quotes_figure, _matrix, None, "quoted words"),
    (lambda f: lineage_figure(f, COLOURS), _renderings, {"TASS", "UrduPoint News"}, "we call"),
    (lambda f: reuse_flows_figure(f, COLOURS), _pairs, {"TASS"}, "copied"),
]


def _hover_strings(fig: go.Figure) -> str:
    """Every string a hover can show: templates and customdata, flattened."""
    out = []
    for trace in fig.data:
        out.append(str(trace.hovertemplate or ""))
        custom = trace.customdata
        if custom is not None:
            out.append(repr(custom.tolist() if hasattr(custom, "tolist") else custom))
    return " ".join(out)


def test_history_keys_outlets_by_colour_and_precision_by_shape():
    """The legend keys each outlet by a circle of its colour (not by its first reference's shape); the subtitle says
    which shape is which precision, for the precisions shown."""
    fig = history_timeline_figure(_history(), COLOURS)
    keys = [t for t in fig.data if t.showlegend is not False and t.name]
    assert {t.marker.symbol for t in keys} == {"circle"} and {t.name for t in keys} == {"TASS", "UrduPoint News"}
    groups = {t.legendgroup for t in fig.data}  # a key and its outlet's points share a group: clicking it hides both
    assert groups == {"TASS", "UrduPoint News"} and len(fig.data) == 4
    assert "Shape: what the text names (● a day, ◆ a year)" in fig.layout.title.text
    one = history_timeline_figure(_history().iloc[:1], COLOURS)
    assert "Shape" not in one.layout.title.text  # one precision: nothing to tell apart


@pytest.mark.parametrize("build, make, legend, evidence", BUILDERS)
def test_figure_has_title_axes_legend_and_escaped_evidence(build, make, legend, evidence):
    fig = build(make())
    assert fig.layout.title.text
    # every figure names its axes (a figure of stacked panels names them on one of its panels)
    for side in ("xaxis", "yaxis"):
        assert any(getattr(fig.layout, k).title.text for k in fig.layout if k.startswith(side)), side
    names = {t.name for t in fig.data if t.showlegend is not False and t.name}
    if legend is not None:
        assert names == legend
    else:
        axis_labels = set(map(str, fig.data[0].x)) | set(map(str, fig.data[0].y))
        assert {"TASS", "UrduPoint News"} & axis_labels
    hovers = _hover_strings(fig)
    if evidence:
        assert evidence in hovers
    assert "<script>" not in hovers and "<img" not in hovers


@pytest.mark.parametrize("build, make, legend, evidence", BUILDERS)
def test_empty_input_says_why(build, make, legend, evidence):
    fig = build(make().iloc[0:0])
    assert fig.layout.title.text
    assert fig.layout.annotations and re.search(r"\b(no|too little|one)\b", fig.layout.annotations[0].text, re.I)


@pytest.mark.parametrize("sides, reason", [(1, "Only one outlet"), (3, "Too little text"), (None, "Too little text")])
def test_no_distinctive_terms_says_the_true_reason(sides, reason):
    """With one outlet there is nothing to be distinct from; with several, too little text."""
    fig = terms_figure(_terms().iloc[0:0], COLOURS, sides=sides)
    assert fig.layout.annotations[0].text.startswith(reason)


def test_trace_colours_follow_the_outlet_map():
    fig = coverage_timeline_figure(_coverage(), COLOURS)
    for trace in fig.data:
        assert trace.marker.color == COLOURS[trace.name]


@pytest.mark.parametrize("outlets, other_order", [
    (["TASS", "UrduPoint News", "Reuters"], ["Reuters", "UrduPoint News", "TASS", "TASS"]),
    ([f"Outlet {i:03d}" for i in range(120)], [f"Outlet {i:03d}" for i in reversed(range(120))]),
])
def test_outlet_colours_are_stable_and_distinct(outlets, other_order):
    a, b = outlet_colours(outlets), outlet_colours(other_order)
    assert a == b
    palette_part = [a[o] for o in sorted(set(outlets), key=str.casefold)[:len(PALETTE)]]
    assert len(set(palette_part)) == len(palette_part)
    assert a[UNKNOWN_OUTLET] == UNKNOWN_COLOUR


def test_colour_of_unknown_outlet_is_deterministic():
    assert colour_of({}, "Never Seen") == colour_of(None, "Never Seen")
    assert colour_of(COLOURS, None) == UNKNOWN_COLOUR


@pytest.mark.parametrize("text, expected", [
    ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
    ("a & b", "a &amp; b"),
    (None, ""),
    (float("nan"), ""),
    ("word " * 40, "<br>"),
    ('Putin: "reset" of relations', 'Putin: "reset" of relations'),  # plotly.js would show &quot; literally
    ("It's over", "It's over"),
])
def test_hover_text_escapes_and_wraps(text, expected):
    assert expected in hover_text(text)


@pytest.mark.parametrize("text, spans, expected", [
    ("He said hi", [(8, 10, "direct")], 'He said <mark class="q-direct" title="direct">hi</mark>'),
    (EVIL, [], html.escape(EVIL)),
    ("<b>x</b>", [(3, 4, "date")], '&lt;b&gt;<mark class="q-date" title="date">x</mark>&lt;/b&gt;'),
    ("abcdef", [(0, 4, "direct"), (2, 3, "speaker")], '<mark class="q-direct" title="direct">ab</mark>'
                                                       '<mark class="q-speaker" title="speaker">c</mark>'
                                                       '<mark class="q-direct" title="direct">d</mark>ef'),
    ("abc", [(5, 9, "date"), (2, 1, "date")], "abc"),  # out of range or empty spans are ignored
    ("a\nb", [], "a<br>b"),
])
def test_highlight_html(text, spans, expected):
    assert highlight_html(text, spans) == expected


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.lists(st.tuples(st.integers(-5, 210), st.integers(-5, 210),
                                                  st.sampled_from(["direct", "date", "speaker"])), max_size=6))
def test_highlight_html_keeps_the_text_and_never_lets_markup_through(text, spans):
    out = highlight_html(text, spans)
    plain = re.sub(r"<mark [^>]*>|</mark>", "", out).replace("<br>", "\n")
    assert "<" not in plain
    assert html.unescape(plain) == text


@pytest.mark.parametrize("text, forbidden", [
    ("*bold* _it_", "*bold*"),
    ("<script>x</script>", "<script>"),
    ("[link](javascript:alert(1))", "[link]("),
])
def test_plain_markdown_escapes(text, forbidden):
    assert forbidden not in plain_markdown(text)
    assert plain_markdown(text).replace("\\", "") == text


@pytest.mark.parametrize("days, unit, bars", [(30, "day", 2), (400, "week", 2), (18 * 365, "month", 2)])
def test_daily_counts_switch_to_weeks_on_long_spans(days, unit, bars):
    daily = pd.DataFrame({"day": [T("2020-01-01"), T("2020-01-02"), T("2020-01-01") + pd.Timedelta(days=days)],
                          "outlet": ["TASS"] * 3, "articles": [1, 2, 4], "titles": ["a", "b", "c"]})
    fig = daily_counts_figure(daily)
    assert f"per {unit}" in fig.layout.title.text
    assert len(fig.data[0].x) == (3 if unit == "day" else bars)
    assert sum(fig.data[0].y) == 7


def test_daily_counts_keep_the_outlets_with_most_articles():
    """The busiest outlets are those with the most articles, not the most bars: one outlet's 30 articles on one day
    outrank another's 3 days of one article each."""
    daily = pd.DataFrame({"day": [T("2020-01-01")] + [T("2020-01-01") + pd.Timedelta(days=i) for i in range(3)]
                          + [T("2020-01-02")], "outlet": ["Big"] + ["Steady"] * 3 + ["Small"],
                          "articles": [30, 1, 1, 1, 2]})
    fig = daily_counts_figure(daily, max_outlets=2)
    assert [t.name for t in fig.data][0] == "Big"


def test_the_grey_band_counts_outlets_not_articles_naming_none():
    """Articles naming no outlet in the grey band are no further outlet: "3 other outlets and articles naming none",
    not "4 other outlets" beside a caption counting named outlets."""
    outlets = ["A", "B", "C", "D", "E", None]
    daily = pd.DataFrame({"day": [T("2020-01-01")] * 6, "outlet": outlets, "articles": [9, 8, 3, 2, 1, 1]})
    names = [t.name for t in daily_counts_figure(daily, max_outlets=3).data]
    assert names == ["A", "B", "3 other outlets and articles naming none"]
    only_unnamed = daily_counts_figure(daily[daily["outlet"].isin(["A", "B", "C"]) | daily["outlet"].isna()],
                                       max_outlets=4)
    assert "(unknown outlet)" in [t.name for t in only_unnamed.data]


def test_daily_counts_group_quiet_outlets_into_one_band():
    daily = pd.DataFrame({"day": [T("2020-01-01")] * 20, "outlet": [f"Outlet {i:02d}" for i in range(20)],
                          "articles": list(range(20, 0, -1))})
    fig = daily_counts_figure(daily, max_outlets=5)
    names = [t.name for t in fig.data]
    assert names == ["Outlet 00", "Outlet 01", "Outlet 02", "Outlet 03", "16 other outlets"]
    assert sum(sum(t.y) for t in fig.data) == sum(range(1, 21))
    assert fig.data[-1].marker.color == OTHER_OUTLETS_COLOUR


@pytest.mark.parametrize("n_outlets, text", [(3, "%{z}"), (30, None)])
def test_shared_quotes_heatmap_draws_the_outlets_sharing_most(n_outlets, text):
    outlets = [f"Outlet {i:02d}" for i in range(n_outlets)]
    # Outlet i shares n - i quotes with every other outlet: the first outlets share the most.
    matrix = pd.DataFrame([{"outlet_a": a, "outlet_b": b, "shared_quotes": n_outlets - min(i, j),
                            "share_of_a_words_in_b": 0.5}
                           for i, a in enumerate(outlets) for j, b in enumerate(outlets) if a != b])
    fig = shared_quotes_figure(matrix, top=20)
    assert list(fig.data[0].x) == outlets[:20] and list(fig.data[0].y) == outlets[:20]
    assert fig.data[0].texttemplate == text  # numbers in the cells only while the cells are few


def test_speaker_heatmap_draws_the_outlets_quoting_the_top_speakers_most():
    quotes = pd.DataFrame({"outlet": [f"Outlet {i:02d}" for i in range(30) for _ in range(30 - i)],
                           "speaker_id": "Jane Roe", "text": "We will act"})
    quotes = pd.concat([quotes, pd.DataFrame({"outlet": ["Outlet 29"] * 50, "speaker_id": "Other", "text": "x"})])
    fig = speaker_outlet_figure(quotes, top=1, top_outlets=20)
    assert list(fig.data[0].y) == ["Jane Roe"]
    assert list(fig.data[0].x) == [f"Outlet {i:02d}" for i in range(20)]  # Outlet 29's 50 quotes are of "Other"


def test_speaker_heatmap_rows_are_the_speakers_as_the_table_names_them():
    """One speaker under two spellings ("officials" / "Officials") is one row, as in the quote table and the captions:
    the heatmap reads the corpus's merged name (`who`) where the frame has it."""
    quotes = pd.DataFrame({"outlet": ["A", "B", "C"], "speaker": ["officials", "Officials", "Ann Lee"],
                           "speaker_id": [None, None, "Ann Lee"], "text": "x"})
    quotes["who"] = ["officials", "officials", "Ann Lee"]
    assert sorted(speaker_outlet_figure(quotes).data[0].y) == ["Ann Lee", "officials"]


def test_unattributed_quotes_are_the_last_row_and_set_no_scale():
    """One live blog's 121 unattributed fragments opened the heatmap on their cell and made every speaker's pale: the
    unattributed row comes last, picks no outlet and sets no colour scale."""
    blog = pd.DataFrame({"outlet": "Live Blog", "speaker_id": None, "text": [f"fragment {i}" for i in range(121)]})
    named = pd.DataFrame({"outlet": ["Paper A"] * 6 + ["Paper B"] * 3, "speaker_id": ["Jane Roe"] * 6 + ["Ann Lee"] * 3,
                          "text": "We will act"})
    heat = speaker_outlet_figure(pd.concat([blog, named]), top=3, top_outlets=2).data[0]
    assert list(heat.y) == ["Jane Roe", "Ann Lee", "(unattributed)"]
    assert list(heat.x) == ["Paper A", "Paper B"] and heat.zmax == 6


def test_speaker_heatmap_has_no_empty_row():
    """A top speaker quoted only by an outlet outside the busiest ones still gets a row with its quotes."""
    busy = pd.DataFrame({"outlet": [f"Outlet {i}" for i in range(3) for _ in range(10)], "speaker_id": "Jane Roe",
                         "text": "We will act"})
    rare = pd.DataFrame({"outlet": ["Small Paper"] * 2, "speaker_id": "Ann Lee", "text": "Not now"})
    fig = speaker_outlet_figure(pd.concat([busy, rare]), top=2, top_outlets=2)
    z = dict(zip(fig.data[0].y, fig.data[0].z))
    assert set(fig.data[0].x) == {"Outlet 0", "Small Paper"} and all(np.nansum(row) > 0 for row in z.values())


def test_speaker_heatmap_leaves_empty_cells_blank_and_shows_one_quote():
    """An empty cell is blank, not the palest shade, and the scale starts at one quote with a shade a reader tells
    from white: one busy cell of 33 quotes made cells of 1 or 2 look empty."""
    from lib.figures.quotes import COUNT_SCALE
    busy = pd.DataFrame({"outlet": "Paper A", "speaker_id": "Jane Roe", "text": [f"We will act {i}" for i in range(33)]})
    once = pd.DataFrame({"outlet": ["Paper B"], "speaker_id": ["Ann Lee"], "text": ["Not now"]})
    heat = speaker_outlet_figure(pd.concat([busy, once])).data[0]
    z = pd.DataFrame(heat.z, index=heat.y, columns=heat.x)
    assert z.loc["Ann Lee", "Paper B"] == 1 and np.isnan(z.loc["Ann Lee", "Paper A"])
    assert heat.zmin == 1 and heat.colorscale[0][1] == COUNT_SCALE[0][1] != "#ffffff"


def test_reuse_flows_are_ordered_by_characters_not_grouped_by_source():
    flows = [("TASS", "Sputnik", 900), ("Reuters", "AP", 500), ("TASS", "UrduPoint News", 200)]
    pairs = pd.concat([_pairs().assign(source_outlet=s, target_outlet=t, chars=c) for s, t, c in flows])
    fig = reuse_flows_figure(pairs, COLOURS)
    assert list(fig.layout.yaxis.categoryarray) == ["TASS → UrduPoint News", "Reuters → AP", "TASS → Sputnik"]
    assert {t.name for t in fig.data} == {"TASS", "Reuters"}  # still one colour per source outlet


@pytest.mark.parametrize("titles, more, expected", [
    (["a", "b"], "", {("d1", "X"): "a · b"}),
    (["a", "b", "c", "d"], " …", {("d1", "X"): "a · b · c …"}),  # the first three in row order, then the marker
    (["a", "b", "c"], " …", {("d1", "X"): "a · b · c"}),  # exactly three: nothing left out, no marker
    ([None, "b", None, "d"], "", {("d1", "X"): "b · d"}),  # missing titles are skipped, not joined
    ([None], "", {}),
])
def test_joined_titles(titles, more, expected):
    frame = pd.DataFrame({"day": "d1", "outlet": "X", "title": titles})
    out = joined_titles(frame, ["day", "outlet"], "title", more=more)
    assert dict(zip(zip(out["day"], out["outlet"]), out["titles"])) == expected


def test_joined_titles_keeps_groups_apart_and_leaves_out_missing_keys():
    frame = pd.DataFrame({"day": [T("2020-01-02"), T("2020-01-01"), None, T("2020-01-02")],
                          "outlet": ["A", "A", "A", "B"], "title": ["late", "early", "undated", "other"]})
    out = joined_titles(frame, ["day", "outlet"], "title")
    assert list(out.itertuples(index=False, name=None)) == [(T("2020-01-01"), "A", "early"),
                                                            (T("2020-01-02"), "A", "late"),
                                                            (T("2020-01-02"), "B", "other")]


# ---------------------------------------------------------------- issue 15: charts that read at a glance

def _lab(colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB hex colour (CIE 15:2004)."""
    rgb = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    xyz = [sum(m * c for m, c in zip(row, lin)) for row in ((0.4124564, 0.3575761, 0.1804375),
                                                              (0.2126729, 0.7151522, 0.0721750),
                                                              (0.0193339, 0.1191920, 0.9503041))]
    f = [t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29
         for t in (xyz[0] / 0.95047, xyz[1] / 1.0, xyz[2] / 1.08883)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def delta_e(c1: str, c2: str) -> float:
    """CIEDE2000 colour difference (Sharma, Wu & Dalal 2005)."""
    import math
    (l1, a1, b1), (l2, a2, b2) = _lab(c1), _lab(c2)
    cb = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(cb ** 7 / (cb ** 7 + 25 ** 7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = math.degrees(math.atan2(b1, a1)) % 360, math.degrees(math.atan2(b2, a2)) % 360
    dh = 0 if c1p * c2p == 0 else (h2 - h1 if abs(h2 - h1) <= 180 else h2 - h1 - 360 if h2 > h1 else h2 - h1 + 360)
    dH = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lb, cbp = (l1 + l2) / 2, (c1p + c2p) / 2
    hb = h1 + h2 if c1p * c2p == 0 else ((h1 + h2) / 2 if abs(h1 - h2) <= 180 else
                                          (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2)
    t = (1 - 0.17 * math.cos(math.radians(hb - 30)) + 0.24 * math.cos(math.radians(2 * hb))
         + 0.32 * math.cos(math.radians(3 * hb + 6)) - 0.20 * math.cos(math.radians(4 * hb - 63)))
    rc = 2 * math.sqrt(cbp ** 7 / (cbp ** 7 + 25 ** 7))
    sl = 1 + 0.015 * (lb - 50) ** 2 / math.sqrt(20 + (lb - 50) ** 2)
    sc, sh = 1 + 0.045 * cbp, 1 + 0.015 * cbp * t
    rt = -math.sin(math.radians(60 * math.exp(-((hb - 275) / 25) ** 2))) * rc
    return math.sqrt(((l2 - l1) / sl) ** 2 + ((c2p - c1p) / sc) ** 2 + (dH / sh) ** 2 + rt * (c2p - c1p) / sc * dH / sh)


@pytest.mark.parametrize("c1, c2, expected", [  # reference pairs of Sharma, Wu & Dalal's test data, via sRGB
    ("#000000", "#000000", 0.0), ("#ffffff", "#000000", 100.0)])
def test_delta_e_reference(c1, c2, expected):
    assert delta_e(c1, c2) == pytest.approx(expected, abs=0.1)


MIN_DELTA_E = 20  # CIEDE2000 between two outlet colours shown together: clearly different at a glance


def test_palette_colours_are_far_apart():
    from itertools import combinations
    assert len(PALETTE) >= 10
    assert min(delta_e(a, b) for a, b in combinations(PALETTE, 2)) >= MIN_DELTA_E
    assert min(delta_e(c, UNKNOWN_COLOUR) for c in PALETTE) >= MIN_DELTA_E
    assert min(delta_e(c, OTHER_OUTLETS_COLOUR) for c in (*PALETTE, UNKNOWN_COLOUR)) >= MIN_DELTA_E


CORPUS = [f"Outlet {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(60)]


@given(st.lists(st.sampled_from(CORPUS), min_size=2, max_size=len(PALETTE), unique=True))
@settings(max_examples=200, deadline=None)
def test_outlets_of_one_view_get_clearly_different_colours(view):
    from itertools import combinations

    from lib.figures.style import view_colours
    shown = view_colours(outlet_colours(CORPUS), view)
    assert min(delta_e(shown[a], shown[b]) for a, b in combinations(view, 2)) >= MIN_DELTA_E


def test_an_outlet_keeps_its_colour_across_views():
    from lib.figures.style import view_colours
    corpus = outlet_colours(CORPUS)
    # two pages showing one outlet among different others: same colour while the view has no clash
    assert view_colours(corpus, ["Outlet AA", "Outlet AB"])["Outlet AA"] == \
        view_colours(corpus, ["Outlet AA", "Outlet CD", "Outlet BZ"])["Outlet AA"] == corpus["Outlet AA"]
    # outlets seen together (one story) get different corpus colours, so no view has to recolour them
    together = outlet_colours(CORPUS, together=[CORPUS[:12], CORPUS[12:30]])
    assert len({together[o] for o in CORPUS[:12]}) == 12


@given(st.lists(st.sampled_from(CORPUS), min_size=2, max_size=60), st.randoms())
@settings(max_examples=100, deadline=None)
def test_every_chart_of_a_page_gives_an_outlet_the_page_colour(articles, rnd):
    """Charts list a page's outlets in their own orders (by time, by quotes); with the page's map (page_colours) each
    chart's own view_colours keeps every page colour, so sections and tables of one page agree even where corpus
    colours clash: here every outlet has one corpus colour. The page's outlets past the palette (grey in its tables)
    take colours free in a chart that has room for them, grey only past the chart's palette's worth."""
    from lib.figures.style import page_colours, view_colours
    clash = {o: PALETTE[0] for o in CORPUS}
    page = page_colours(clash, pd.Series(articles))
    outlets = list(page)
    rnd.shuffle(outlets)
    chart = outlets[:rnd.randint(1, len(outlets))]
    shown = view_colours(page, chart)
    assert all(shown[o] == page[o] for o in chart if page[o] != OTHER_OUTLETS_COLOUR)
    in_colour = [shown[o] for o in chart if shown[o] != OTHER_OUTLETS_COLOUR]
    assert len(in_colour) == len(set(in_colour)) == min(len(chart), len(PALETTE)) and set(in_colour) <= set(PALETTE)
    assert len({page[o] for o in list(page)[:len(PALETTE)]}) == min(len(page), len(PALETTE))
    first, counts = next(iter(page)), pd.Series(articles).value_counts()
    assert page[first] == PALETTE[0] and counts[first] == counts.max()  # the most covered keeps its corpus colour


def test_a_chart_of_a_page_s_grey_outlets_draws_them_apart():
    """The screenshot pass: a reuse chart of five outlets, four of them past the page's twelve, was one colour and
    four greys. They take the colours free in the chart; the outlet the page colours keeps its own."""
    from lib.figures.style import page_colours, view_colours
    articles = [o for i, o in enumerate(CORPUS[:17]) for _ in range(20 - i)]  # 17 outlets, the first 12 coloured
    page = page_colours(outlet_colours(CORPUS), pd.Series(articles))
    chart = [CORPUS[0], *CORPUS[13:17]]
    assert all(page[o] == OTHER_OUTLETS_COLOUR for o in chart[1:])
    shown = view_colours(page, chart)
    assert shown[CORPUS[0]] == page[CORPUS[0]] and len(set(shown.values())) == 5
    assert OTHER_OUTLETS_COLOUR not in shown.values()


@given(st.lists(st.sampled_from(CORPUS + [None]), min_size=1, max_size=61, unique=True))
@settings(max_examples=200, deadline=None)
def test_a_view_colours_the_palette_s_worth_of_outlets_and_greys_the_rest(view):
    """Any number of outlets in one view: the first len(PALETTE) known ones get different palette colours, each its
    corpus colour unless an earlier one has it, the rest OTHER_OUTLETS_COLOUR, the unknown outlet UNKNOWN_COLOUR."""
    from lib.figures.style import view_colours
    corpus = outlet_colours(CORPUS)
    shown = view_colours(corpus, view)
    known = [outlet_label(o) for o in view if o is not None]
    first, rest = known[:len(PALETTE)], known[len(PALETTE):]
    assert len({shown[o] for o in first}) == len(first) and {shown[o] for o in first} <= set(PALETTE)
    assert all(shown[o] == OTHER_OUTLETS_COLOUR for o in rest)
    assert None not in view or shown[UNKNOWN_OUTLET] == UNKNOWN_COLOUR
    kept = [o for i, o in enumerate(first) if corpus[o] not in {corpus[p] for p in first[:i]}]
    assert all(shown[o] == corpus[o] for o in kept)


def test_voices_an_outlet_carried_only_as_reported_speech_get_no_empty_bar():
    """An outlet whose share of a voice is reported speech only (0 quoted words) is named in the title, not drawn as a
    legend entry with no bar; a speaker no outlet quoted has no empty row."""
    voices = pd.DataFrame({"outlet": ["A", "A", "B"], "speaker": ["Jo Hale", "Officials", "Jo Hale"],
                           "quoted_words": [30, 0, 0], "share": [1.0, 0.0, 0.0]})
    fig = voices_figure(voices)
    assert [t.name for t in fig.data] == ["A"] and list(fig.data[0].y) == ["Jo Hale"]
    assert "Reported speech only, no quoted words: B" in fig.layout.title.text
    assert "only as reported speech" in str(voices_figure(voices.assign(quoted_words=0)).layout)


def _all_strings(fig: go.Figure) -> list[str]:
    """Every string in a figure's JSON: trace names, axis labels, hovers, annotations, titles."""
    out = []

    def walk(v):
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, (list, tuple)):
            for x in v:
                walk(x)
        elif hasattr(v, "tolist"):
            walk(v.tolist())

    walk(fig.to_plotly_json())
    return out


LINK = '<a href="https://evil.example">x</a>'


def _marked_up(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with markup in every text column a figure shows (outlets, speakers, terms, labels, titles)."""
    out = frame.copy()
    for col in ("outlet", "outlet_a", "outlet_b", "source_outlet", "target_outlet", "speaker", "speaker_id", "term",
                "label", "title", "text", "sentence", "titles"):
        if col in out:
            out[col] = [LINK if v is not None else None for v in out[col]]
    if "outlets" in out:
        out["outlets"] = [[LINK] for _ in range(len(out))]
    return out


@pytest.mark.parametrize("build, make, legend, evidence", BUILDERS)
def test_text_from_files_is_shown_as_text_never_markup(build, make, legend, evidence):
    """An outlet (speaker, term, title) named <a href=...> is escaped in legends, axes, hovers and annotations."""
    make_marked = (lambda: _marked_up(make()))
    fig = build(make_marked()) if make is not _stories else stories_figure(_marked_up(_stories()),
                                                                            _marked_up(_coverage()), COLOURS)
    strings = _all_strings(fig)
    assert not [s for s in strings if "<a " in s or "href=" in s.replace("href=&quot;", "")
                and "&lt;a" not in s]
    assert any("&lt;a href" in s for s in strings)


def _with_missing(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every optional text value missing (None): outlets, speakers, titles, labels, granularity."""
    out = frame.copy()
    for col in ("outlet", "speaker", "speaker_id", "title", "label", "granularity", "sentence", "titles"):
        if col in out:
            out[col] = None
    return out


@pytest.mark.parametrize("build, make, legend, evidence", BUILDERS)
def test_none_is_never_shown_as_a_value(build, make, legend, evidence):
    fig = build(_with_missing(make())) if make is not _stories else stories_figure(
        _with_missing(_stories()), _with_missing(_coverage()), COLOURS)
    shown = " ".join(_all_strings(fig))
    assert not re.search(r"\b(None|nan|NaT)\b", shown), re.findall(r".{30}\b(?:None|nan|NaT)\b.{30}", shown)


def _day_coverage(days, outlets, first):
    return pd.DataFrame({"story_id": "s", "article_id": [f"a{i}" for i in range(len(days))], "outlet": outlets,
                         "published": pd.to_datetime(days), "title": "t", "is_first": first,
                         "lag_hours": [0.0 if f else 24.0 for f in first]})


@pytest.mark.parametrize("build", [
    lambda c: coverage_timeline_figure(c, COLOURS),
    lambda c: lineage_figure(c.assign(text="we call on"), COLOURS),
    lambda c: daily_counts_figure(c.assign(day=c["published"], articles=1), COLOURS),
])
def test_day_precision_data_has_day_ticks_and_day_hovers(build):
    fig = build(_day_coverage(["2020-09-25", "2020-09-26"], ["TASS", "UrduPoint News"], [True, False]))
    axis = fig.layout.xaxis
    assert axis.dtick is not None and int(axis.dtick) % 86_400_000 == 0  # whole days between ticks: no 06:00
    assert "%H" not in (axis.tickformat or "")
    assert all("%H" not in (t.hovertemplate or "") for t in fig.data)


def test_clock_times_keep_their_hours():
    fig = coverage_timeline_figure(_day_coverage(["2020-09-25 09:00", "2020-09-25 15:00"], ["TASS", "X"],
                                                 [True, False]), COLOURS)
    assert any("%H:%M" in str(t.hovertemplate or "") for t in fig.data)


def test_a_day_only_report_among_timed_ones_is_drawn_across_its_day():
    """Browser pass 37: reports dated by their day alone, drawn at the midnight opening it among reports with clock
    times, read as first by 20 hours, before the debate they reported on. They sit at noon with a bar to either
    midnight and hover "time of day not given"; a tie of one clock time says so, not that a day has no time."""
    fig = coverage_timeline_figure(_day_coverage(["2023-11-08 00:00", "2023-11-09 00:51"], ["NY Post", "HuffPost"],
                                                 [True, False]), COLOURS)
    post, huff = ({t.name: t for t in fig.data if t.mode == "markers"}[n] for n in ("NY Post", "HuffPost"))
    assert pd.Timestamp(post.x[0]) == pd.Timestamp("2023-11-08 12:00")
    assert "Nov 8, 2023, time of day not given" in post.hovertemplate[0]
    assert pd.Timestamp(huff.x[0]) == pd.Timestamp("2023-11-09 00:51")
    (bar,) = [t for t in fig.data if t.mode == "lines"]  # the NY Post's day, midnight to midnight, on its row
    assert [pd.Timestamp(x) for x in bar.x[:2]] == [pd.Timestamp("2023-11-08"), pd.Timestamp("2023-11-09")]
    assert bar.y[0] == "NY Post" and bar.hoverinfo == "skip"
    tied = coverage_timeline_figure(_day_coverage(["2021-06-01 06:30", "2021-06-01 06:30"], ["A", "B"], [True, True]),
                                    COLOURS)
    assert "(published at the same time)" in tied.layout.title.text


def test_same_day_first_reports_are_a_tie_in_the_timeline():
    fig = coverage_timeline_figure(_day_coverage(["2020-09-25", "2020-09-25", "2020-09-27"], ["TASS", "RIA", "X"],
                                                 [True, True, False]), COLOURS)
    hovers = _hover_strings(fig)
    assert "tied with 1 other outlet(s) on the same day" in hovers and "'first report'" not in hovers
    assert "tie" in fig.layout.title.text


@pytest.mark.parametrize("rows, note", [
    # the story's first reports tie (first_tie), and an outlet filter left one of them out: still a tie
    ((0, 2), "First report: TASS, tied on the day with outlets not shown"),
    # the filter left every first report out: no outlet shown is first
    ((2,), "The first report is by an outlet not shown"),
    # no filter: the two tied outlets (the figure cannot tell whether others are filtered out: "shown")
    ((0, 1, 2), "2 outlets shown reported first on the same day: a tie"),
])
def test_a_filtered_timeline_does_not_make_a_tied_first_report_the_first(rows, note):
    story = _day_coverage(["2020-09-25", "2020-09-25", "2020-09-27"], ["TASS", "RIA", "X"],
                          [True, True, False]).assign(first_tie=True)
    fig = coverage_timeline_figure(story.iloc[list(rows)], COLOURS)
    assert note in fig.layout.title.text
    if rows == (0, 2):
        assert "tied with outlets not shown" in _hover_strings(fig)


def test_the_lineage_says_how_many_carriers_are_undated():
    """The picker counts every carrier; the chart draws the dated ones and says how many others it leaves out."""
    carriers = _day_coverage(["2020-09-25", "2020-09-27", None], ["TASS", "X", "RIA"],
                             [True, False, False]).assign(text="we call on")
    assert "1 undated carrier(s) not on the time axis" in lineage_figure(carriers, COLOURS).layout.title.text
    assert "undated" not in lineage_figure(carriers.iloc[:2], COLOURS).layout.title.text


def test_same_day_carriers_are_a_tie_in_the_lineage():
    carriers = _day_coverage(["2020-09-25", "2020-09-25", "2020-09-27"], ["TASS", "RIA", "X"],
                             [True, True, False]).assign(text="we call on")
    fig = lineage_figure(carriers, COLOURS)
    assert not [t for t in fig.data if t.mode == "lines"]  # no link drawn from one of the tied outlets
    assert "earliest (tie: same day)" in _hover_strings(fig) and "tie" in fig.layout.title.text
    later = lineage_figure(carriers.assign(published=pd.to_datetime(["2020-09-24", "2020-09-25", "2020-09-27"])))
    assert [t for t in later.data if t.mode == "lines"]


def test_the_lineage_table_marks_each_outlet_as_the_chart_does():
    # Two outlets with one corpus colour: the chart gives the later one another colour, and so must the table beside
    # it (it used the corpus colour: two outlets, one dot colour, neither matching the chart's).
    carriers = _day_coverage(["2020-09-25", None, "2020-09-27"], ["TASS", "Late", "RIA"],
                             [True, False, False]).assign(text="we call on")
    clash = {"TASS": "#1b9e77", "RIA": "#1b9e77", "Late": "#1b9e77"}
    fig = lineage_figure(carriers, clash)
    drawn = {t.name: t.marker.color for t in fig.data if t.mode == "markers"}
    table = lineage_colours(carriers, clash)
    assert {o: table[o] for o in drawn} == drawn and len(set(drawn.values())) == 2
    assert set(table) == {"TASS", "RIA", "Late"} and len(set(table.values())) == 3  # the undated one too


def test_reuse_hover_counts_article_pairs_not_passages():
    # One article pair sharing two passages, and a second pair of the same two outlets: 2 article pairs, 3 passages.
    pairs = pd.concat([_pairs(), _pairs(), _pairs().assign(source_id="c", target_id="d")], ignore_index=True)
    fig = reuse_flows_figure(pairs, COLOURS)
    assert list(fig.data[0].x) == [390] and fig.data[0].customdata[0][0] == 2


def test_same_day_reuse_reads_as_a_pair_not_a_source():
    fig = reuse_flows_figure(_pairs().assign(direction="tie"), COLOURS)
    assert list(fig.data[0].y) == ["TASS ↔ UrduPoint News (same day)"]
    # Undated: no source either, and not "the same day" (it said so of every undated pair)
    assert list(reuse_flows_figure(_pairs().assign(direction="undated"), COLOURS).data[0].y) == [
        "TASS ↔ UrduPoint News (undated)"]
    assert list(reuse_flows_figure(_pairs(), COLOURS).data[0].y) == ["TASS → UrduPoint News"]
    # the title speaks of a source and a target only when a pair shown has them
    assert "source → target" not in fig.layout.title.text and "earlier" not in fig.layout.legend.title.text.lower()
    assert "source → target" in reuse_flows_figure(_pairs(), COLOURS).layout.title.text


def test_stories_in_time_fit_the_filtered_dates_and_count_what_they_show():
    # a story that ran for 16 years, of which the filter lets through two reports a week apart
    stories = pd.DataFrame({"story_id": ["s1"], "label": ["Long story"], "first": [T("2005-01-01")],
                            "last": [T("2021-01-01")], "n_articles": [40], "outlets": [[f"O{i}" for i in range(60)]],
                            "n_outlets": [60], "independent_sources": [9], "article_ids": [[]]})
    coverage = _day_coverage(["2020-09-25", "2020-10-02"], ["TASS", "RIA"], [True, False]).assign(story_id="s1")
    fig = stories_figure(stories, coverage, COLOURS)
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert T("2020-09-20") < lo <= T("2020-09-25") and T("2020-10-02") < hi < T("2020-10-20")
    assert list(fig.data[0].text) == ["2 outlets · 2 articles"]  # what the filter shows, not the whole story
    assert not [t for t in fig.data if t.showlegend]  # no 60-outlet legend


def test_story_bars_count_the_undated_articles_of_a_story_too():
    stories = pd.DataFrame({"story_id": ["s1"], "label": ["Vote"], "first": [T("2020-09-25")],
                            "last": [T("2020-09-26")], "n_articles": [3], "outlets": [["TASS", "RIA", "AP"]],
                            "n_outlets": [3], "independent_sources": [3], "article_ids": [[]]})
    coverage = _day_coverage(["2020-09-25", "2020-09-26", None], ["TASS", "RIA", "AP"],
                             [True, False, False]).assign(story_id="s1")
    assert list(stories_figure(stories, coverage, COLOURS).data[0].text) == ["3 outlets · 3 articles (1 undated)"]


def test_a_short_story_stays_visible_on_an_axis_of_years():
    from lib.figures.time import MIN_BAR_SHARE
    stories = pd.DataFrame({"story_id": ["s1", "s2"], "label": ["Old", "New"], "first": [T("2005-01-01"), T("2021-01-01")],
                            "last": [T("2005-01-01"), T("2021-01-02")], "n_articles": [2, 2], "outlets": [["A", "B"]] * 2,
                            "n_outlets": [2, 2], "independent_sources": [2, 2], "article_ids": [[], []]})
    bars = stories_figure(stories).data[0]
    span_ms = (T("2021-01-03") - T("2005-01-01")).total_seconds() * 1000
    assert min(bars.x) >= MIN_BAR_SHARE * span_ms * 0.99


def test_stories_tied_at_the_cut_are_taken_over_the_whole_span():
    """Forty three-outlet stories, one a day: the chart's ten are spread over the forty days, not the first ten."""
    from lib.figures.time import top_stories
    frame = pd.DataFrame({"story_id": [f"s{i:02d}" for i in range(41)], "n_outlets": [5] + [3] * 40,
                          "n_articles": [5] + [3] * 40, "first": pd.date_range("2021-05-01", periods=41)})
    chosen = top_stories(frame, 10)
    assert len(chosen) == 10 and "s00" in set(chosen["story_id"])  # the widest story first of all
    assert chosen["first"].max() == T("2021-06-10") and chosen["first"].min() == T("2021-05-01")


def test_story_bars_are_coloured_by_colour_not_by_number():
    """Numbers on a colour scale made plotly.js log a warning with a stack trace per bar in the browser: each bar
    gets its colour as a colour, darker for more outlets, and the scale stays readable beside the chart."""
    stories = pd.DataFrame({"story_id": ["s1", "s2"], "label": ["Wide", "Narrow"], "first": [T("2020-09-25")] * 2,
                            "last": [T("2020-09-30")] * 2, "n_articles": [9, 2], "outlets": [["A"] * 9, ["A", "B"]],
                            "n_outlets": [9, 2], "independent_sources": [9, 2], "article_ids": [[], []]})
    bars = stories_figure(stories).data[0]
    shades = dict(zip(bars.y, bars.marker.color))
    assert all(isinstance(c, str) and c.startswith("rgb") for c in shades.values())
    assert sum(map(int, shades["Wide"][4:-1].split(","))) < sum(map(int, shades["Narrow"][4:-1].split(",")))
    assert [t for t in stories_figure(stories).data if t.marker.showscale]  # the scale is explained


def test_story_labels_wrap_so_the_plot_keeps_its_width():
    """A long headline is two lines on the axis, the left margin fits the longer line, and the scale's title stands
    beside its bar (above it, plotly drew it over the bar)."""
    from lib.figures.time import STORY_LINE_CHARS
    head = "Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab After Court Hearing"
    stories = pd.DataFrame({"story_id": ["s1", "s2"], "label": [head, "Short"], "first": [T("2020-09-25")] * 2,
                            "last": [T("2020-09-30")] * 2, "n_articles": [9, 2], "outlets": [["A"] * 9, ["A", "B"]],
                            "n_outlets": [9, 2], "independent_sources": [9, 2], "article_ids": [[], []]})
    fig = stories_figure(stories)
    lines = [n.split("<br>") for n in fig.data[0].y]
    assert max(len(x) for x in lines) == 2 and all(len(line) <= STORY_LINE_CHARS for x in lines for line in x)
    assert fig.layout.margin.l <= 12 + 7 * STORY_LINE_CHARS
    scale = next(t for t in fig.data if t.marker.showscale).marker.colorbar
    assert scale.orientation == "h" and scale.title.side == "right"


def test_shared_quotes_show_no_outlet_without_a_partner_shown():
    """Outlets ranked by their totals left one with an empty row when its partners fell past the cut: each outlet
    shown shares a quote with another outlet shown."""
    pairs = [("Hub", f"Spoke {i}", 5) for i in range(4)] + [("Loner", f"Far {i}", 3) for i in range(6)]
    rows = [(a, b, n) for a, b, n in pairs] + [(b, a, n) for a, b, n in pairs]
    matrix = pd.DataFrame(rows, columns=["outlet_a", "outlet_b", "shared_quotes"]).assign(share_of_a_words_in_b=0.5)
    fig = shared_quotes_figure(matrix, top=6)
    z = pd.DataFrame(fig.data[0].z, index=fig.data[0].y, columns=fig.data[0].x)
    assert 2 <= len(z) <= 6 and (z.sum(axis=1) > 0).all()


def test_voices_of_many_outlets_are_a_grid_and_of_few_keep_their_bar_height():
    """A speaker's bar group holds a slot per outlet: past a few outlets the bars were hairlines apart from their
    labels, so many outlets get a speaker x outlet grid; a few keep bars that grow with them."""
    from lib.figures.framing import VOICE_BAR_OUTLETS, VOICE_BAR_PX

    def voices(n):
        outlets = [f"Outlet {i}" for i in range(n)]
        return pd.DataFrame({"outlet": outlets * 2, "speaker": ["Ann Lee"] * n + ["Tom Bell"] * n,
                             "quoted_words": 10, "share": 0.5, "example": "We will win"})
    grid = voices_figure(voices(21))
    assert [t.type for t in grid.data] == ["heatmap"] and len(grid.data[0].x) == 21 and list(grid.data[0].y) == [
        "Ann Lee", "Tom Bell"]
    bars = voices_figure(voices(VOICE_BAR_OUTLETS))
    assert {t.type for t in bars.data} == {"bar"} and bars.layout.height >= 2 * VOICE_BAR_OUTLETS * VOICE_BAR_PX + 140


def test_distinctive_terms_read_at_a_glance():
    outlets = ["A", "B", "C", "D", "E", "F"]
    terms = pd.DataFrame([(o, f"{o.lower()}word{k}", 1.0, 5.0 - k, c, 0, 0.3) for o in outlets
                          for k, c in enumerate([6, 4, 3, 1, 1, 1])],
                         columns=["outlet", "term", "log_odds", "z", "count", "others", "expected"])
    fig = terms_figure(terms, COLOURS)
    own = [t for t in fig.data if t.name in outlets]
    assert [t.name for t in own] == outlets  # up to six outlets, one panel each
    assert all(min(t.x) >= 2 for t in own)  # no row of equal one-use bars
    # each outlet's name sits above its own panel, one panel under the other: no name overprints another,
    # and no term label sits beside another outlet's bars
    heads = sorted(a.y for a in fig.layout.annotations)
    gaps = [b - a for a, b in zip(heads, heads[1:])]
    assert min(gaps) * fig.layout.height > 60
    assert {fig.layout[f"xaxis{i if i > 1 else ''}"].domain[0] for i in range(1, 7)} == {0.0}


def test_story_headline_is_the_most_representative_title():
    from lib.analyse.terms import story_headline
    assert story_headline(["Manchin demands cuts", "Clean energy program cut from budget bill",
                           "Budget bill drops clean energy program", None]) \
        == "Clean energy program cut from budget bill"
    assert story_headline([None, " "], ["Russia proposed a reset on cybersecurity. More text follows here."]) \
        == "Russia proposed a reset on cybersecurity."
    assert story_headline([], []) is None


MANY = [f"Outlet {chr(65 + i)}" for i in range(20)]  # more outlets than PALETTE has colours


def _many(frame: pd.DataFrame, columns=("outlet",)) -> pd.DataFrame:
    """``frame``'s first row once per outlet of MANY (its outlet columns set to that outlet), the later outlets
    later in time and with less of everything, as a view lists them."""
    rows = []
    for i, outlet in enumerate(MANY):
        row = frame.iloc[0].copy()
        for column in columns:
            row[column] = outlet
        for column in ("published", "day", "value"):
            if column in row:
                row[column] = T("2020-01-01") + pd.Timedelta(days=i)
        for column in ("chars", "articles", "quoted_words"):
            if column in row:
                row[column] = 1000 - i
        for column in ("source_id", "article_id"):
            if column in row:
                row[column] = f"{row[column]}{i}"
        rows.append(row)
    return pd.DataFrame(rows).reset_index(drop=True).assign(**({"is_first": [True] + [False] * (len(MANY) - 1)}
                                                              if "is_first" in frame else {}))


@pytest.mark.parametrize("build", [
    lambda: daily_counts_figure(_many(_daily()), outlet_colours(MANY)),
    lambda: coverage_timeline_figure(_many(_coverage()), outlet_colours(MANY)),
    lambda: history_timeline_figure(_many(_history()), outlet_colours(MANY)),
    lambda: lineage_figure(_many(_renderings()), outlet_colours(MANY)),
    lambda: reuse_flows_figure(_many(_pairs(), ("source_outlet",)), outlet_colours(MANY)),
])
def test_no_two_legend_entries_look_alike_past_the_palette(build):
    """Twenty outlets in one chart (more than PALETTE): every legend entry has a colour of its own, clearly different
    from the others' (CIEDE2000 >= MIN_DELTA_E), and the outlets past the palette share one grey entry that counts
    them, so no two outlets look alike while named apart, and none is left out of the count."""
    from itertools import combinations
    fig = build()
    entries = [t for t in fig.data if t.showlegend is not False and t.name]
    colours = [t.marker.color for t in entries]
    assert min(delta_e(a, b) for a, b in combinations(colours, 2)) >= MIN_DELTA_E
    own = {t.name for t in entries} & set(MANY)
    rest = [t.name for t in entries if t.name not in MANY]
    assert rest == [f"{len(MANY) - len(own)} other outlets"] and len(own) >= len(PALETTE) - 1
    others = [t for t in fig.data if t.name == rest[0]]  # every trace of them: one look, one legend group
    assert len({t.marker.color for t in others}) == 1 and len({t.legendgroup for t in others}) == 1


def test_grouped_sides_past_the_palette_are_named_as_groups():
    """Compared by an outlet attribute, the shared grey entry counts groups, not outlets."""
    from lib.figures.style import name_sides
    fig = name_sides(daily_counts_figure(_many(_daily()), outlet_colours(MANY)), "lean")
    assert fig.data[-1].name == "9 other lean groups"


def test_the_lineage_legend_counts_only_the_outlets_it_draws():
    """Undated carriers are in the table beside the lineage, not in its chart: the grey legend entry counts the dated
    outlets past the palette only."""
    carriers = _many(_renderings())
    dated = carriers["published"].notna()
    undated_outlets = set(carriers.loc[dated, "outlet"].unique()[-3:])
    carriers.loc[carriers["outlet"].isin(undated_outlets), "published"] = None
    fig = lineage_figure(carriers, outlet_colours(MANY))
    drawn = carriers.loc[carriers["published"].notna(), "outlet"].nunique()
    names = [t.name for t in fig.data if t.showlegend is not False and t.name]
    assert [n for n in names if n not in MANY] == [f"{drawn - (len(names) - 1)} other outlets"]


def test_count_colour_scales_tick_whole_numbers():
    """A colour scale of counts names whole numbers only (no 0.5 quotes), and stories that all have one outlet draw
    no scale (their labels say so: a scale of one shade says nothing)."""
    from lib.figures.quotes import speaker_outlet_figure
    quotes = pd.DataFrame({"who": ["Jo Park", "Jo Park", "Ann Lee"], "outlet": ["A", "B", "A"],
                           "text": ["We act.", "We act now.", "No."], "speaker_id": ["Jo Park", "Jo Park", "Ann Lee"],
                           "speaker": ["Jo Park", "Jo Park", "Ann Lee"]})
    heat = speaker_outlet_figure(quotes)
    assert heat.data[0].colorbar.dtick == 1
    single = _stories().assign(n_outlets=[1, 1], outlets=[["TASS"], ["TASS"]])
    assert not [t for t in stories_figure(single, None, COLOURS).data if getattr(t.marker, "showscale", None)]


def test_reuse_between_two_articles_naming_no_outlet_is_no_pair_of_outlets():
    """Two articles that both name no outlet are nothing to draw a flow between (their bars set the scale and left the
    named outlets' bars 1-2 px wide in the screenshot pass); one naming no outlet beside a named outlet stays."""
    unnamed = _pairs().assign(source_id="c", target_id="d", source_outlet=None, target_outlet="", chars=25000)
    half = _pairs().assign(source_id="e", target_id="f", source_outlet=None)
    fig = reuse_flows_figure(pd.concat([_pairs(), unnamed, half], ignore_index=True), COLOURS)
    assert sorted(y for trace in fig.data for y in trace.y) == ["(unknown outlet) → UrduPoint News",
                                                                "TASS → UrduPoint News"]
    only = reuse_flows_figure(unnamed, COLOURS)
    assert not only.data and "Only articles naming no outlet" in only.layout.annotations[0].text


@pytest.mark.parametrize("label, lines", [
    # a title that wraps to three lines at the label's width is cut to two (a third ran into the next row's label)
    ("France's Macron condemns unilateral border control measures at the frontier",
     ["France's Macron condemns", "unilateral border control…"]),
    # a title with no spaces is broken inside its words, not one line as wide as the plot
    ("日本語のテキストはスペースがないので長い一行になりますがどうなるでしょうか", None),
    ("Short one", ["Short one"]),
])
def test_story_labels_are_two_lines_at_most(label, lines):
    stories = pd.DataFrame({"story_id": ["s-1"], "label": [label], "first": [pd.Timestamp("2021-03-01")],
                            "last": [pd.Timestamp("2021-03-02")], "n_articles": [2], "n_outlets": [2],
                            "outlets": [["A", "B"]]})
    (name,) = stories_figure(stories).data[0].y
    assert len(name.split("<br>")) <= 2 and all(len(line) <= 34 for line in name.split("<br>"))
    if lines is not None:
        assert name.split("<br>") == lines


def test_daily_bars_put_an_outlet_the_page_greys_in_the_grey_band():
    """An outlet a page's map draws grey is one of the "other outlets" in the daily chart too, never a bar of its own
    in that grey beside outlets that have a colour."""
    page = {"TASS": PALETTE[0], "UrduPoint News": OTHER_OUTLETS_COLOUR}
    fig = daily_counts_figure(_daily(), page)
    assert [(t.name, t.marker.color) for t in fig.data] == [("TASS", PALETTE[0]), ("1 other outlet",
                                                                                    OTHER_OUTLETS_COLOUR)]


def test_a_reuse_chart_of_outlets_the_page_greys_draws_them_in_colours():
    """A view whose outlets the page's map all draws grey (past its twelve) gives them colours of its own, each with
    its legend entry, not one grey "3 other outlets" (the screenshot passes read both as saying nothing)."""
    from lib.figures.quotes import reuse_flows_figure
    pairs = pd.DataFrame({"source_outlet": ["A", "C"], "target_outlet": ["B", "D"], "source_id": ["a1", "c1"],
                          "target_id": ["b1", "d1"], "chars": [300, 200], "target_text": ["x " * 80, "y " * 80]})
    grey = {o: OTHER_OUTLETS_COLOUR for o in "ABCD"}
    for page in (grey, {**grey, "A": PALETTE[3]}):
        fig = reuse_flows_figure(pairs, page)
        colours = {t.name: t.marker.color for t in fig.data}
        assert sorted(colours) == ["A", "C"] and OTHER_OUTLETS_COLOUR not in colours.values()
        assert len(set(colours.values())) == 2 and all(t.showlegend is not False for t in fig.data)
    assert colours["A"] == PALETTE[3]


def test_voices_name_a_voice_an_outlet_only_reported():
    """An outlet quoting one speaker and only reporting another (the seeds: UrduPoint quotes Nakamitsu, reports Putin)
    is said to carry that voice as reported speech; an outlet quoting no one is named as before."""
    from lib.figures.framing import voices_figure
    voices = pd.DataFrame({"outlet": ["TASS", "UrduPoint News", "UrduPoint News", "RIA", "TASS"],
                           "speaker": ["Vladimir Putin", "Izumi Nakamitsu", "Vladimir Putin", "Vladimir Putin",
                                       "the spokesman"],  # a voice no outlet quotes: no comparison to note
                           "quoted_words": [133, 130, 0, 0, 0], "share": [1.0, 1.0, 0.0, 0.0, 0.0],
                           "reported_words": [77, 63, 83, 20, 9]})
    fig = voices_figure(voices)
    title = fig.layout.title.text
    assert "Reported speech only, no quoted words: RIA" in title
    assert "Voices carried only as reported speech: UrduPoint News (Vladimir Putin)" in title
    assert "spokesman" not in title and fig.layout.margin.t > voices_figure(voices.iloc[:2]).layout.margin.t
    assert "carried only as reported" not in voices_figure(voices.iloc[:2]).layout.title.text


def test_quote_lineage_draws_a_day_only_carrier_across_its_day_and_says_why_carriers_tie():
    """The lineage shares the timeline's reading of day-only dates among timed ones (browser pass 37) and of ties."""
    carriers = _day_coverage(["2023-11-08 00:00", "2023-11-09 00:51"], ["NY Post", "HuffPost"], [True, False])
    fig = lineage_figure(carriers.assign(text="we are not leaving this valley"), COLOURS)
    (bar,) = [t for t in fig.data if t.mode == "lines" and t.name == "NY Post"]
    assert [pd.Timestamp(x) for x in bar.x[:2]] == [pd.Timestamp("2023-11-08"), pd.Timestamp("2023-11-09")]
    tied = _day_coverage(["2021-06-01 06:30", "2021-06-01 06:30"], ["A", "B"], [True, True])
    assert "published at the same time" in lineage_figure(tied.assign(text="x y z"), COLOURS).layout.title.text
