"""Figure builders: titles, labelled axes, legends naming outlets, escaped evidence in hovers, stable colours,
empty states that say why; and the escaped highlight markup."""
import html
import re

import pandas as pd
import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.markup import highlight_html, plain_markdown
from lib.domain.outlets import UNKNOWN_OUTLET
from lib.figures.framing import terms_figure, voices_figure
from lib.figures.quotes import lineage_figure, reuse_flows_figure, shared_quotes_figure, speaker_outlet_figure
from lib.figures.style import PALETTE, UNKNOWN_COLOUR, colour_of, hover_text, outlet_colours
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
                         "log_odds": [0.7, 0.6, 0.9], "z": [1.0, 0.8, 1.2]})


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
    (lambda f: stories_figure(f, _coverage(), COLOURS), _stories, {"TASS", "UrduPoint News",
                                                                           UNKNOWN_OUTLET}, "Putin proposes"),
    (lambda f: coverage_timeline_figure(f, COLOURS), _coverage, {"TASS", "UrduPoint News",
                                                                         UNKNOWN_OUTLET}, "Putin proposes"),
    (lambda f: history_timeline_figure(f, COLOURS), _history, {"TASS", "UrduPoint News"}, "Soviet-US"),
    (lambda f: voices_figure(f, COLOURS), _voices, {"TASS", "UrduPoint News"}, None),
    (lambda f: terms_figure(f, COLOURS), _terms, {"TASS", "UrduPoint News"}, None),
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


@pytest.mark.parametrize("build, make, legend, evidence", BUILDERS)
def test_figure_has_title_axes_legend_and_escaped_evidence(build, make, legend, evidence):
    fig = build(make())
    assert fig.layout.title.text
    assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
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


@pytest.mark.parametrize("days, unit, bars", [(30, "day", 2), (400, "week", 2)])
def test_daily_counts_switch_to_weeks_on_long_spans(days, unit, bars):
    daily = pd.DataFrame({"day": [T("2020-01-01"), T("2020-01-02"), T("2020-01-01") + pd.Timedelta(days=days)],
                          "outlet": ["TASS"] * 3, "articles": [1, 2, 4], "titles": ["a", "b", "c"]})
    fig = daily_counts_figure(daily)
    assert f"per {unit}" in fig.layout.title.text
    assert len(fig.data[0].x) == (3 if unit == "day" else bars)
    assert sum(fig.data[0].y) == 7


def test_daily_counts_group_quiet_outlets_into_one_band():
    daily = pd.DataFrame({"day": [T("2020-01-01")] * 20, "outlet": [f"Outlet {i:02d}" for i in range(20)],
                          "articles": list(range(20, 0, -1))})
    fig = daily_counts_figure(daily, max_outlets=5)
    names = [t.name for t in fig.data]
    assert names == ["Outlet 00", "Outlet 01", "Outlet 02", "Outlet 03", "16 other outlets"]
    assert sum(sum(t.y) for t in fig.data) == sum(range(1, 21))
    assert fig.data[-1].marker.color == UNKNOWN_COLOUR


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
