"""Passage reuse: copies built from real ECB+ articles are found with direction and exact offsets, boilerplate not."""
from __future__ import annotations

import re

import duckdb
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.analyse.reuse import (EDGE_COLUMNS, FULL_DF, GROUP_COLUMNS, MAX_GAP, MAX_REPEAT, PASSAGE_COLUMNS, SHINGLE,
                               _token_spans, boilerplate_chars, chain_runs, copied_pairs, find_reuse, lineage,
                               orient_pair, reuse_frames, reuse_groups)

BOILERPLATE = ("Copyright 2009 The Associated Press. All rights reserved. This material may not be published, "
               "broadcast, rewritten or redistributed.\n\n(Reporting by Anna Smith; Editing by John Doe)")


def frame(*rows: dict) -> pd.DataFrame:
    """An articles frame as lib.store.load_articles returns it (id, text, outlet, via, published, story)."""
    out = pd.DataFrame([{"via": None, "story": None, **r} for r in rows])
    out["published"] = pd.to_datetime(out["published"])
    return out


@pytest.fixture
def wire(shared_data):
    """A real multi-paragraph wire story (ECB+) with at least five paragraphs."""
    from bench.corpus import ecbplus_articles

    doc = next(d for d in ecbplus_articles() if d["text"].count("\n\n") >= 6 and len(d["text"]) > 1500)
    return {"id": "wire", "outlet": "Wire Service", "published": "2009-01-10", "text": doc["text"]}


@pytest.fixture
def other_texts(shared_data):
    """Two real articles on topics unrelated to each other and to the wire fixture."""
    from bench.corpus import ecbplus_articles

    docs = ecbplus_articles()
    first = next(d for d in docs if d["topic"] == docs[-1]["topic"] and len(d["text"]) > 800)
    second = next(d for d in docs if d["topic"] == docs[len(docs) // 2]["topic"] and len(d["text"]) > 800)
    return first["text"], second["text"]


def assert_offsets(pairs: pd.DataFrame, articles: pd.DataFrame) -> None:
    """Every passage's text is exactly its source/target text sliced at the reported offsets."""
    text = dict(zip(articles["id"], articles["text"]))
    for r in pairs.itertuples():
        assert text[r.source_id][r.source_start:r.source_end] == r.source_text
        assert text[r.target_id][r.target_start:r.target_end] == r.target_text


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a bench.corpus article."""
    return text.split("\n\n")


def test_copied_whole(wire):
    """A wire story copied whole a day later: one passage, the wire is the source, the target is all reuse."""
    copy = {"id": "copy", "outlet": "Daily Paper", "published": "2009-01-11", "text": wire["text"]}
    arts = frame(copy, wire)
    pairs = find_reuse(arts)
    assert list(pairs.columns) == list(PASSAGE_COLUMNS)
    assert set(zip(pairs["source_id"], pairs["target_id"], pairs["direction"])) == {("wire", "copy", "earlier")}
    assert pairs["share_of_target"].iloc[0] > 0.97
    assert pairs["target_start"].min() == 0 and pairs["target_end"].max() >= len(wire["text"]) - 2
    assert_offsets(pairs, arts)


def test_copied_with_edited_lead(wire, other_texts):
    """The lead is rewritten: the passage starts at the copy's second paragraph and the wire's second one."""
    paras = paragraphs(wire["text"])
    new_lead = paragraphs(other_texts[0])[0]
    copy_text = "\n\n".join([new_lead] + paras[1:])
    arts = frame(wire, {"id": "copy", "outlet": "Daily Paper", "published": "2009-01-12", "text": copy_text})
    pairs = find_reuse(arts)
    assert set(pairs["direction"]) == {"earlier"} and set(pairs["source_id"]) == {"wire"}
    first = pairs.sort_values("target_start").iloc[0]
    assert first["target_start"] == len(new_lead) + 2
    assert first["source_start"] == len(paras[0]) + 2
    assert 0.6 < first["share_of_target"] < 1.0
    assert_offsets(pairs, arts)


def test_one_word_altered_stays_one_passage(wire):
    """A word changed mid-paragraph is an edit inside one passage, not two passages."""
    text = wire["text"]
    words = list(re.finditer(r"[A-Za-z]{5,}", text))
    target = words[len(words) // 2]
    altered = text[:target.start()] + "XYZZY" + text[target.end():]
    arts = frame(wire, {"id": "copy", "outlet": "Daily Paper", "published": "2009-01-11", "text": altered})
    pairs = find_reuse(arts)
    assert len(pairs) == 1 and pairs["source_id"].iloc[0] == "wire"
    assert pairs["target_start"].iloc[0] < target.start() < pairs["target_end"].iloc[0]
    assert_offsets(pairs, arts)


@pytest.mark.parametrize("copy_fields, expected", [
    ({"published": "2009-01-10"}, "tie"),  # same day
    ({"published": "2009-01-09"}, "earlier"),  # the "copy" ran first: it is the source
    ({"published": "2009-01-11", "via": "AP"}, "syndication"),  # both carry the same wire
    ({"published": None}, "undated"),  # undated: nobody can say who came first, and it is not "the same day"
])
def test_direction(wire, copy_fields, expected):
    """Earlier is the source; the same day is a tie; a missing date is undated; the same wire (via) is syndication."""
    base = {**wire, "via": "AP" if copy_fields.get("via") else None}
    copy = {"id": "copy", "outlet": "Daily Paper", "text": wire["text"], **copy_fields}
    pairs = find_reuse(frame(base, copy))
    assert set(pairs["direction"]) == {expected}
    if expected == "earlier":
        assert set(pairs["source_id"]) == {"copy"}


def test_wire_outlet_is_source_of_its_carriers():
    """An outlet's article carrying that outlet as `via` is syndication from it, whatever the dates."""
    a = {"id": "a", "outlet": "Sputnik", "via": None, "published": pd.Timestamp("2020-09-30")}
    b = {"id": "b", "outlet": "UrduPoint News", "via": "Sputnik", "published": pd.Timestamp("2020-09-29")}
    src, tgt, direction = orient_pair(b, a)
    assert (src["id"], tgt["id"], direction) == ("a", "b", "syndication")


def test_same_outlet_excluded_unless_asked(wire):
    """Reuse inside one outlet (a re-run, an update) is left out by default and reported on request."""
    arts = frame(wire, {"id": "update", "outlet": "Wire Service", "published": "2009-01-11", "text": wire["text"]})
    assert find_reuse(arts).empty
    assert len(find_reuse(arts, same_outlet=True)) == 1


def test_boilerplate_only_is_not_reuse(other_texts):
    """Two unrelated real articles ending with the same copyright line and sign-off produce nothing."""
    a, b = other_texts
    arts = frame({"id": "a", "outlet": "AP", "published": "2009-01-10", "text": a + "\n\n" + BOILERPLATE},
                 {"id": "b", "outlet": "Reuters", "published": "2009-01-11", "text": b + "\n\n" + BOILERPLATE})
    assert find_reuse(arts).empty
    assert find_reuse(arts, min_chars=20).empty  # even a low threshold does not count boilerplate


def test_unrelated_articles_share_nothing(other_texts):
    """No passage between articles on different events."""
    arts = frame({"id": "a", "outlet": "A", "published": "2009-01-10", "text": other_texts[0]},
                 {"id": "b", "outlet": "B", "published": "2009-01-10", "text": other_texts[1]})
    assert find_reuse(arts).empty


@pytest.mark.parametrize("text, expected", [
    (BOILERPLATE, len(BOILERPLATE) - 2),  # every sentence is boilerplate (the paragraph break is not)
    ("The minister said the bill would be voted on by parliament next week.", 0),
    ("Follow us on Twitter. Police said two people died.", len("Follow us on Twitter.")),
])
def test_boilerplate_chars(text, expected):
    """Boilerplate is counted by whole sentence, and ordinary sentences are not boilerplate."""
    assert boilerplate_chars(text) == expected


@pytest.mark.parametrize("c2_via, c2_source", [
    (None, "c1"),  # equal text in two earlier carriers: the latest one before the copy is credited
    ("Wire Service", "wire"),  # ...unless the copy names its wire: then the wire's own article is the source
])
def test_lineage_and_independent_sources(wire, other_texts, c2_via, c2_source):
    """Two copies of one wire story and one independent report: one source per copy, and both copies rest on the
    wire."""
    paras = paragraphs(wire["text"])
    arts = frame(
        {**wire, "story": "s"},
        {"id": "c1", "outlet": "Paper One", "published": "2009-01-11", "text": wire["text"], "story": "s"},
        {"id": "c2", "outlet": "Paper Two", "published": "2009-01-12", "story": "s", "via": c2_via,
         "text": "\n\n".join([paragraphs(other_texts[0])[0]] + paras[1:5])},
        {"id": "own", "outlet": "Paper Three", "published": "2009-01-11", "text": other_texts[1], "story": "s"})
    pairs = find_reuse(arts)
    edges = lineage(pairs, arts)
    assert list(edges.columns) == list(EDGE_COLUMNS)
    # One source per copied stretch: c2 is credited to one earlier carrier, not to both.
    assert set(zip(edges["source_id"], edges["target_id"])) == {("wire", "c1"), (c2_source, "c2")}
    assert set(edges["story"]) == {"s"}
    # the two copies rest on the wire (c2 runs four of its paragraphs under an opening of its own); "own" copies none
    assert {frozenset(p) for p in copied_pairs(pairs).itertuples(index=False)} == {
        frozenset({"wire", "c1"}), frozenset({c2_source, "c2"})}
    every = find_reuse(arts, one_source=False)
    assert {("wire", "c2"), ("c1", "c2")} <= set(zip(every["source_id"], every["target_id"]))


def test_empty_inputs():
    """No articles, one article, or no reuse: empty frames with the documented columns."""
    empty = frame({"id": "a", "outlet": "A", "published": "2020-01-01", "text": "Short text."})
    assert list(find_reuse(empty).columns) == list(PASSAGE_COLUMNS)
    assert lineage(find_reuse(empty), empty).empty


def test_duckdb_and_python_tokenise_alike():
    """The char offsets come from Python tokens, the shingles from DuckDB's: they must be the same tokens."""
    samples = ["İstanbul'da ‘quoted’ text — naïve café, 3½ km², x_y, Ünïcödé ٣٤ 東京 abc",
               "Straße ǅemal ⅻ ¹²³ e\u0301tude"]
    con = duckdb.connect()
    for text in samples:
        ours = [text[s:e] for s, e in _token_spans(text)]
        theirs = con.execute(r"SELECT regexp_extract_all(?, '[\pL\pN]+')", [text]).fetchone()[0]
        assert ours == theirs


@settings(max_examples=60, deadline=None)
# Cn (unassigned in this Python's Unicode tables) is left out: RE2 may know newer code points (U+31350 is a
# Unicode 15 ideograph, Python 3.11 has Unicode 14), and text in characters newer than Python cannot be tokenised.
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cn")), max_size=200))
def test_tokenisers_agree_on_any_text(text):
    """Invariant: Python spans and DuckDB's RE2 tokens agree on arbitrary (assigned) Unicode text."""
    ours = [text[s:e] for s, e in _token_spans(text)]
    theirs = duckdb.execute(r"SELECT regexp_extract_all(?, '[\pL\pN]+')", [text]).fetchone()[0]
    assert ours == theirs


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=400), min_size=3, max_size=8, unique=True),
       st.integers(min_value=1, max_value=3))
def test_offsets_always_slice_to_passage_text(indices, cut):
    """Invariant: for any recombination of real paragraphs, reported offsets slice to the reported text."""
    from bench.corpus import DATA, real_paragraphs

    if not DATA.exists():
        pytest.skip("public sample data not found")
    pool = real_paragraphs()
    paras = [pool[i] for i in indices]
    src = "\n\n".join(paras)
    tgt = "\n\n".join([pool[500]] + paras[cut:])
    arts = frame({"id": "s", "outlet": "A", "published": "2020-01-01", "text": src},
                 {"id": "t", "outlet": "B", "published": "2020-01-02", "text": tgt})
    pairs = find_reuse(arts)
    assert_offsets(pairs, arts)
    assert (pairs["source_start"] < pairs["source_end"]).all() and (pairs["share_of_target"] <= 1).all()


def test_cli_reuse_table_and_jsonl(tmp_path, wire):
    """`python -m lib reuse` prints the passage with direction; JSONL offsets slice the stored texts."""
    import datetime as dt
    import json
    import subprocess
    import sys

    from lib.models import Article
    from lib.store import connect, store_file
    from tests.conftest import ROOT

    db = tmp_path / "c.duckdb"
    con = connect(db)
    store_file(con, "w.txt", [Article(id="wire", text=wire["text"], outlet="Wire Service",
                                      published=dt.date(2009, 1, 10))])
    store_file(con, "c.txt", [Article(id="copy", text=wire["text"], outlet="Daily Paper",
                                      published=dt.date(2009, 1, 11))])
    con.close()

    def run(*args):
        return subprocess.run([sys.executable, "-m", "lib", "reuse", "--db", str(db), *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=300)

    table = run()
    assert table.returncode == 0, table.stderr
    assert table.stdout.splitlines()[0] == "1 reused passages in 1 article pairs."
    assert "earlier" in table.stdout and "Wire Service" in table.stdout
    rows = [json.loads(line) for line in run("--format", "jsonl").stdout.splitlines()]
    assert len(rows) == 1 and (rows[0]["source_id"], rows[0]["target_id"]) == ("wire", "copy")
    assert wire["text"][rows[0]["source_start"]:rows[0]["source_end"]] == rows[0]["source_text"]
    # Above twice the article's length even a brief item copied whole is below the threshold.
    nothing = run("--min-chars", str(2 * len(wire["text"]) + 10))
    assert nothing.stdout.startswith("No passage of")
    groups = run("--groups")
    assert groups.returncode == 0, groups.stderr
    assert "group 1: 2 carriers (2 outlets)" in groups.stdout and "source Wire Service wire" in groups.stdout
    assert "    Daily Paper: copy" in groups.stdout
    one = [json.loads(line) for line in run("--groups", "--format", "jsonl").stdout.splitlines()]
    assert len(one) == 1 and one[0]["source_id"] == "wire" and sorted(one[0]["carrier_ids"]) == ["copy", "wire"]


def carried(wire: dict, k: int) -> pd.DataFrame:
    """The wire story run by k outlets over k days, every other carrier with a line of its own, newest first."""
    rows = [{"id": f"c{j:02d}", "outlet": f"Paper {j}", "published": f"2009-01-{10 + j % 15:02d}",
             "text": (f"Paper {j} carries this report.\n\n" if j % 2 else "") + wire["text"]} for j in range(1, k)]
    rows.append({**wire, "published": "2009-01-09"})
    return frame(*rows[::-1])


def test_passage_of_sixty_carriers_is_one_group(wire):
    """60 outlets carrying one story: one group of 60 named by the earliest carrier, not 1,770 pairs."""
    arts = carried(wire, 60)
    pairs = find_reuse(arts, one_source=False)
    assert pairs.groupby(["source_id", "target_id"]).ngroups == 59  # each carrier linked to the first one
    assert set(pairs["source_id"]) == {"wire"}
    groups = reuse_groups(pairs, arts)
    assert list(groups.columns) == list(GROUP_COLUMNS) and len(groups) == 1
    g = groups.iloc[0]
    assert (g["n_carriers"], g["n_outlets"], g["source_id"], g["source_outlet"]) == (60, 60, "wire", "Wire Service")
    assert sorted(g["carrier_ids"]) == sorted(arts["id"])
    assert g["text"] == wire["text"][g["source_start"]:g["source_end"]] and g["chars"] > 0.9 * len(wire["text"])
    # The stored analysis (one source per target stretch) gives the same group.
    same = reuse_groups(find_reuse(arts), arts).iloc[0]
    assert (same["n_carriers"], same["source_id"]) == (60, "wire")


def test_carriers_of_a_group_all_carry_its_passage(wire):
    """Two articles that each ran a different paragraph of a wire story are no carriers of one passage; a paragraph's
    group also lists the full copies, which carry it too; the full story's group lists only the full copies."""
    paragraphs = wire["text"].split("\n\n")
    first, last = "\n\n".join(paragraphs[:2]), "\n\n".join(paragraphs[-2:])
    arts = frame({**wire, "published": "2009-01-09"},
                 {"id": "full", "outlet": "Paper F", "published": "2009-01-10", "text": wire["text"]},
                 {"id": "head", "outlet": "Paper H", "published": "2009-01-11",
                  "text": f"Paper H adds its own words here.\n\n{first}\n\nNothing else."},
                 {"id": "tail", "outlet": "Paper T", "published": "2009-01-11",
                  "text": f"Paper T adds its own words here.\n\n{last}\n\nNothing else."})
    groups = reuse_groups(find_reuse(arts), arts)
    carriers = [set(ids) for ids in groups["carrier_ids"]]
    assert {"head", "tail"} not in [c & {"head", "tail"} for c in carriers]
    assert {"wire", "full", "head"} in carriers and {"wire", "full", "tail"} in carriers
    assert {"wire", "full"} in carriers  # the whole story
    texts = dict(zip(arts["id"], arts["text"]))
    for g in groups.itertuples():
        assert all(g.text[:40] in texts[i] for i in g.carrier_ids)


def test_copies_of_a_source_the_view_leaves_out_share_its_passage(wire):
    """Two outlets that both ran a wire story share its passage in a view without the wire, though the stored pairs
    link each copy to the wire only; the wire is counted outside; a view of one copy has no group."""
    arts = frame(wire, *({"id": f"c0{j}", "outlet": f"Paper {j}", "via": wire["outlet"],
                          "published": f"2009-01-1{j}", "text": wire["text"]} for j in (1, 2)))
    pairs = find_reuse(arts)
    assert set(zip(pairs["source_id"], pairs["target_id"])) == {("wire", "c01"), ("wire", "c02")}
    copies = ["c01", "c02"]
    groups = reuse_groups(pairs, arts, shown=copies)
    assert len(groups) == 1
    g = groups.iloc[0]
    assert sorted(g["carrier_ids"]) == copies and g["n_carriers"] == 2 and g["outside"] == 1
    assert g["source_id"] == "c01" and g["text"] in wire["text"]  # the earlier shown copy names it
    assert reuse_groups(pairs, arts, shown=["c01"]).empty
    assert reuse_groups(pairs, arts)["outside"].tolist() == [0]


@pytest.mark.parametrize("days, first", [
    # day-only dates: the earliest ties with every carrier of its day, and names them
    (("2009-01-09", "2009-01-09", "2009-01-10"), {"Wire Service", "Paper 2"}),
    # a clock time on both: ordered, no tie; a later day: no tie
    (("2009-01-09 08:00", "2009-01-09 09:00", "2009-01-09 10:00"), {"Wire Service"}),
    (("2009-01-09", "2009-01-10", "2009-01-11"), {"Wire Service"}),
])
def test_a_passage_names_the_carriers_tied_with_its_earliest(wire, days, first):
    """Carriers of one day without a clock time cannot be ordered: the group names them beside its earliest."""
    arts = carried(wire, 3).assign(published=list(days))  # wire, Paper 2, Paper 1
    g = reuse_groups(find_reuse(arts), arts).iloc[0]
    assert {g["source_outlet"], *g["tied_outlets"]} == first and g["source_outlet"] not in g["tied_outlets"]


def test_passages_in_frames_are_the_passages_in_order(wire):
    """reuse_frames (what the ingest stores, a frame at a time) gives find_reuse's rows in its order, every frame
    typed alike, even where one frame's outlets are all missing."""
    arts = carried(wire, 12)
    arts.loc[arts.index[:6], "outlet"] = None
    whole = find_reuse(arts)
    frames = list(reuse_frames(arts, rows=3))
    assert len(frames) > 2
    assert {tuple(f.dtypes.astype(str)) for f in frames} == {tuple(frames[0].dtypes.astype(str))}
    pd.testing.assert_frame_equal(pd.concat(frames, ignore_index=True), whole)
    assert whole.equals(whole.sort_values(["source_id", "target_id", "target_start"], ignore_index=True))
    assert_offsets(whole, arts)


def test_no_passages_is_one_empty_frame(other_texts):
    arts = frame({"id": "a", "outlet": "A", "published": "2009-01-01", "text": other_texts[0]},
                 {"id": "b", "outlet": "B", "published": "2009-01-02", "text": other_texts[1]})
    frames = list(reuse_frames(arts))
    assert len(frames) == 1 and frames[0].empty and list(frames[0].columns) == list(PASSAGE_COLUMNS)


def test_few_carriers_are_every_pair(wire):
    """Up to FULL_DF carriers, every aligned pair is reported (passim's output), and they form one group."""
    arts = carried(wire, FULL_DF)
    pairs = find_reuse(arts, one_source=False)
    assert pairs.groupby(["source_id", "target_id"]).ngroups == FULL_DF * (FULL_DF - 1) // 2
    assert reuse_groups(pairs, arts)["n_carriers"].tolist() == [FULL_DF]
    assert reuse_groups(find_reuse(arts.iloc[:0]), arts.iloc[:0]).empty


@pytest.mark.parametrize("a_time, b_time, expected", [
    ("2009-01-10", "2009-01-10 15:00", "tie"),  # a day without a clock time: the day cannot be ordered within
    ("2009-01-10 15:00", "2009-01-10", "tie"),
    ("2009-01-10 09:00", "2009-01-10 15:00", "earlier"),  # both with clock times: 09:00 is earlier
    ("2009-01-10 15:00", "2009-01-10 15:00", "tie"),
    ("2009-01-09 23:00", "2009-01-10", "earlier"),
])
def test_same_day_is_a_tie_with_day_precision(a_time, b_time, expected):
    """Issue 15: with day-precision dates a tie is a tie; lineage edges carry the direction on."""
    a = {"id": "a", "outlet": "A", "via": None, "published": pd.Timestamp(a_time)}
    b = {"id": "b", "outlet": "B", "via": None, "published": pd.Timestamp(b_time)}
    for x, y in ((a, b), (b, a)):
        src, _, direction = orient_pair(x, y)
        assert direction == expected
        if expected == "earlier":
            assert src["id"] == "a"


def _chain_runs_scanning_every_run(pos_a, pos_b, n=SHINGLE, max_gap=MAX_GAP):
    """chain_runs as it was before it dropped finished runs and repeated positions: the reference it must equal."""
    runs = []
    for pa, pb in zip(pos_a, pos_b):
        best = None
        for r in runs:
            if r[1] < pa <= r[1] + max_gap + 1 and r[3] < pb <= r[3] + max_gap + 1:
                if best is None or (pb - r[3]) < (pb - best[3]):
                    best = r
        if best is None:
            runs.append([pa, pa, pb, pb, 1])
        else:
            best[1], best[3], best[4] = pa, pb, best[4] + 1
    return [(a0, a1 + n - 1, b0, b1 + n - 1, m) for a0, a1, b0, b1, m in runs]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=300, unique=True))
def test_chain_runs_equals_scanning_every_run_when_no_position_repeats_much(matches):
    matches = sorted(matches)
    pos_a, pos_b = [m[0] for m in matches], [m[1] for m in matches]
    assert chain_runs(pos_a, pos_b, max_repeat=len(matches) + 1) == _chain_runs_scanning_every_run(pos_a, pos_b)


@pytest.mark.parametrize("extra, kept", [(MAX_REPEAT - 1, True), (MAX_REPEAT, False), (30, False)])
def test_a_position_matching_more_than_max_repeat_places_is_not_used(extra, kept):
    # Words 0-39 of a are words 100-139 of b; a's position 20 also matches ``extra`` far places of b (a refrain).
    matches = sorted([(i, 100 + i) for i in range(40)] + [(20, 300 + 20 * k) for k in range(extra)])
    runs = chain_runs([m[0] for m in matches], [m[1] for m in matches])
    assert runs[0] == (0, 39 + SHINGLE - 1, 100, 139 + SHINGLE - 1, 40 if kept else 39)
    assert len(runs) == (1 + extra if kept else 1)


def test_two_long_repetitive_texts_are_one_passage():
    # 320 sentences of one pattern in both texts: each pattern phrase recurs in many places of the other text. The
    # reuse is still the whole text (before, the pair's matches and open runs grew with the square of its length,
    # and this pair took minutes).
    words = ("harbour bridge council budget ferry tunnel school market river station garden museum library clinic "
             "airport stadium theatre tower canal forest").split()
    text = "".join(f"The {words[k % 20]} and the {words[k // 20 % 20]} need {k + 7} new {words[(k * 7 + 3) % 20]} "
                   f"plans before the {words[(k * 11 + 5) % 20]} vote, said Senator Ada Moss. " for k in range(320))
    articles = pd.DataFrame({"id": ["a", "b"], "text": [text, text], "outlet": ["Outlet A", "Outlet B"],
                             "via": [None, None], "published": pd.to_datetime(["2021-06-01", "2021-06-02"])})
    passages = find_reuse(articles)
    assert passages["chars"].sum() >= 0.95 * len(text)


def test_overlapping_passages_of_the_same_carriers_are_one():
    """Two overlapping stretches of the earliest carrier that the same articles carry are one passage (the screenshot
    pass read one wire passage three times, with the same seven carriers); other carriers keep theirs apart."""
    words = " ".join(f"word{i}" for i in range(200))
    arts = frame(*({"id": i, "outlet": f"Paper {i}", "published": f"2009-01-1{k}", "text": words}
                   for k, i in enumerate(("s", "x", "y", "z"))))
    rows = [("s", 0, 300, t, 0, 300) for t in ("x", "y")] + [("s", 200, 700, t, 200, 700) for t in ("x", "y")]
    rows += [("s", 800, 900, "z", 800, 900), ("s", 850, 1000, "x", 850, 1000)]
    pairs = pd.DataFrame(rows, columns=["source_id", "source_start", "source_end", "target_id", "target_start",
                                        "target_end"])
    groups = reuse_groups(pairs, arts)
    got = sorted((tuple(g.carrier_ids), g.source_start, g.source_end) for g in groups.itertuples())
    assert got == [(("s", "x"), 850, 1000), (("s", "x", "y"), 0, 700), (("s", "z"), 800, 900)]
