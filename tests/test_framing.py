"""Claim alignment and framing: units, alignment, points, omissions, additions, voices, leads; seeds and public data."""
import json
import os
import random

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.analyse.framing import (_runs, ADDITION_COLUMNS, CELL_COLUMNS, LEAD_COLUMNS, OMISSION_COLUMNS, POINT_COLUMNS,
                                 NEAR_IDENTICAL, VOICE_COLUMNS, align_units, article_leads, build_units,
                                 frame_story, is_cut, make_label)
from lib.analyse.overlap import quote_keys
from lib.analyse.similarity import ENCODERS, encode_units, resolve_encoder
from lib.analyse.terms import TERM_COLUMNS
from lib.domain.outlets import UNKNOWN_OUTLET
from tests.conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden" / "seed_framing.json"


def story(*texts_by_outlet, quotes=()):
    """An articles frame (one article per outlet) and a quotes frame from plain tuples."""
    articles = pd.DataFrame([{"id": f"a{i}", "outlet": outlet, "text": text, "dateline": None,
                              "published": f"2021-01-0{i + 1}"} for i, (outlet, text) in enumerate(texts_by_outlet)])
    return articles, pd.DataFrame(list(quotes))


def point_of(framing, outlet, fragment):
    """The point id of the cell of ``outlet`` whose wording contains ``fragment``."""
    cells = framing.cells[(framing.cells["outlet"] == outlet) & framing.cells["unit_text"].str.contains(fragment,
                                                                                                          regex=False)]
    assert len(cells) == 1, f"{outlet}: {len(cells)} cells contain {fragment!r}"
    return int(cells.iloc[0]["point_id"])


# --------------------------------------------------------------------------- units


def test_units_carry_quote_attributes_and_offsets():
    text = ('LONDON (Wire) - Ministers met on Monday. "We will cut taxes next year," the minister said. '
            'She urged banks to lend more to small firms.')
    quote_start = text.index("We will")
    reported_start = text.index("banks to")
    articles, quotes = story(("Wire", text), quotes=[
        {"article_id": "a0", "text": "We will cut taxes next year,", "start": quote_start,
         "end": quote_start + len("We will cut taxes next year,"), "kind": "direct", "speaker": "the minister",
         "speaker_id": "Jane Doe", "cue": "said", "cue_class": "neutral"},
        {"article_id": "a0", "text": "banks to lend more to small firms", "start": reported_start,
         "end": reported_start + len("banks to lend more to small firms"), "kind": "reported", "speaker": "She",
         "speaker_id": "Jane Doe", "cue": "urged", "cue_class": "proposing"},
    ])
    articles.loc[0, "dateline"] = "LONDON (Wire) -"
    units = build_units(articles, quotes)
    assert list(units["mode"]) == ["own voice", "direct", "reported"]
    assert units.iloc[0]["unit_text"] == "Ministers met on Monday."  # the dateline is not a unit
    assert list(units["speaker"])[1:] == ["Jane Doe", "Jane Doe"]
    assert list(units["is_proposing"]) == [False, False, True]
    for row in units.itertuples():
        assert text[row.start:row.end] == row.unit_text


@pytest.mark.parametrize("sentence, proposing", [
    ("He proposed a joint commission on trade.", True),
    ("The minister called for an immediate ceasefire in the region.", True),
    ("She called on both sides to show restraint.", True),
    ("They urged the council to act quickly.", True),
    ("The president invited the United States to agree on a programme.", True),
    ("Moscow offered to host the next round of talks.", True),
    ("He put forward a proposal to cap emissions.", True),
    ("He made a number of proposals for cooperation in cybersecurity.", True),
    ("The minister said the talks went well.", False),
    ("The proposal was rejected by parliament last week.", True),
    ("Officials called the meeting productive.", False),  # "called" without for/on is naming, not proposing
    ("The company's offer price was cut in half.", False),
])
def test_proposing_cues(sentence, proposing):
    units = build_units(*story(("X", sentence)))
    assert bool(units.iloc[0]["is_proposing"]) is proposing


# --------------------------------------------------------------------------- alignment


def test_paraphrases_align_and_unrelated_sentences_do_not():
    a = ("The government announced a plan to build 300,000 new homes in northern England by 2030. "
         "The finance minister warned that interest rates could rise again this autumn. "
         "A local football club celebrated its centenary with a parade.")
    b = ("Ministers unveiled plans for 300,000 new homes across the north of England by 2030. "
         "Interest rates may rise again in the autumn, the finance minister cautioned. "
         "Heavy snow closed several mountain passes in the Alps on Tuesday.")
    framing = frame_story(*story(("Paper A", a), ("Paper B", b)), encoder="tfidf")
    assert point_of(framing, "Paper A", "300,000") == point_of(framing, "Paper B", "300,000")
    assert point_of(framing, "Paper A", "interest rates") == point_of(framing, "Paper B", "Interest rates")
    club, snow = point_of(framing, "Paper A", "football"), point_of(framing, "Paper B", "snow")
    assert club != snow
    assert set(framing.additions["unit_text"].str.slice(0, 10)) == {"A local fo", "Heavy snow"}
    assert set(map(tuple, framing.omissions.values.tolist())) == {(club, "Paper B"), (snow, "Paper A")}


def test_one_article_never_gives_two_units_to_one_point():
    a = "Rates rose sharply in March. Rates rose sharply again in April."
    b = "Rates rose sharply in March and April, the bank said."
    framing = frame_story(*story(("A", a), ("B", b)), encoder="tfidf")
    per_point = framing.cells.groupby("point_id")["article_id"].apply(list)
    assert all(len(ids) == len(set(ids)) for ids in per_point)


def test_single_outlet_story_has_no_additions_or_omissions():
    framing = frame_story(*story(("Only", "The council approved the budget. Critics called for a recount.")),
                          encoder="tfidf")
    assert framing.omissions.empty and framing.additions.empty and framing.terms.empty
    assert framing.points["is_proposal"].tolist() == [True, False]  # proposals first


def test_an_excerpt_cut_short_omits_nothing():
    """An outlet whose text is an excerpt ending in an ellipsis is listed as one; what it lacks is no omission.
    A full text ending in a full stop does omit."""
    full = "The council approved the budget on Monday. Critics called for a recount of the votes."
    framing = frame_story(*story(("Full", full), ("Cut", "The council approved the budget on Monday. Critics …"),
                                 ("Short", "The council approved the budget on Monday.")), encoder="tfidf")
    assert framing.excerpts == ("Cut",)
    assert set(framing.omissions["outlet"]) == {"Short"}


@pytest.mark.parametrize("text, cut", [
    ("He said the vote …", True), ("He said the vote...", True), ("He said the vote [...]\n", True),
    ("He said the vote would … [+2345 chars]", True),
    ("He said the vote.", False), ("He said: \"We wait …\" and left.", False), (None, False),
])
def test_is_cut(text, cut):
    assert is_cut(text) is cut


def test_empty_story_gives_empty_frames_with_columns():
    framing = frame_story(pd.DataFrame(columns=["id", "text", "outlet"]), pd.DataFrame(), encoder="tfidf")
    for frame, columns in ((framing.points, POINT_COLUMNS), (framing.cells, CELL_COLUMNS),
                           (framing.omissions, OMISSION_COLUMNS), (framing.additions, ADDITION_COLUMNS),
                           (framing.voices, VOICE_COLUMNS), (framing.leads, LEAD_COLUMNS),
                           (framing.terms, TERM_COLUMNS)):
        assert frame.empty and list(frame.columns) == list(columns)


@pytest.mark.parametrize("article, quote", [
    ({"id": "a0", "text": None, "outlet": "X"}, None),  # no text: no units, no crash
    ({"id": "a0", "text": "The council approved the new budget today.", "outlet": None}, None),  # no outlet
    ({"id": "a0", "text": "The council approved the new budget today.", "outlet": "X"},
     {"article_id": "a0", "text": "approved", "start": None, "end": None, "kind": "reported"}),  # no offsets
    ({"id": "a0", "text": "The council approved the new budget today.", "outlet": "X"},
     {"article_id": "a0", "text": "approved", "start": 12, "end": 20, "kind": None}),  # no kind
])
def test_incomplete_rows_do_not_break_a_story(article, quote):
    other = {"id": "b0", "text": "Councillors voted through the new budget on Monday.", "outlet": "Y"}
    framing = frame_story(pd.DataFrame([article, other]), pd.DataFrame([quote] if quote else []), encoder="tfidf")
    assert set(framing.cells["mode"]) <= {"direct", "partial", "reported", "own voice"}
    assert framing.cells["article_id"].isin(["a0", "b0"]).all()
    assert "b0" in set(framing.cells["article_id"])


def test_articles_naming_no_outlet_are_one_side_labelled_as_the_pages_label_it():
    """The story page's columns, charts and captions call an article with no outlet "(unknown outlet)": its framing
    cells, voices and omissions must carry that name, or the page finds no point of it ("bodies too short to align")
    and calls it silent beside a chart of its voices."""
    articles, quotes = story((None, "The council approved the new budget today. Parks get more money."),
                             ("", "The council approved the new budget on Monday, the mayor said."),
                             ("Daily Star", "Councillors voted through the new budget on Monday."),
                             quotes=[{"article_id": "a1", "text": "approved the new budget", "start": 12,
                                      "end": 35, "kind": "reported", "speaker_name": "the mayor"}])
    framing = frame_story(articles, quotes, encoder="tfidf")
    assert set(framing.cells["outlet"]) == {UNKNOWN_OUTLET, "Daily Star"}
    assert set(framing.voices["outlet"]) == {UNKNOWN_OUTLET}
    assert set(framing.omissions["outlet"]) <= {UNKNOWN_OUTLET, "Daily Star"}


@pytest.mark.parametrize("name, ok", [("tfidf", True), ("auto", True), ("bogus", False)])
def test_resolve_encoder(name, ok):
    if ok:
        assert resolve_encoder(name).name in {e.name for e in ENCODERS}
    else:
        with pytest.raises(ValueError, match="unknown encoder"):
            resolve_encoder(name)


@pytest.mark.embedding
def test_embedding_encoder_meets_paraphrase_tfidf_misses(embedding_extra):
    claim = "Putin proposed a global agreement not to strike first in cyberspace."
    texts = [claim, "Putin called for a worldwide pact on not striking first in cyberspace.",
             "The Russian leader called for a worldwide pact on no first use of cyber weapons.",  # no word shared
             "Snow closed the mountain roads on Tuesday."]
    mixed, tfidf = ((encode_units(texts, e) @ encode_units(texts, e).T).toarray() for e in (embedding_extra, "tfidf"))
    assert mixed.diagonal() == pytest.approx([1.0] * 4, abs=1e-5)
    assert mixed[0, 1] >= resolve_encoder(embedding_extra).threshold > mixed[0, 3]
    assert mixed[0, 2] > 3 * tfidf[0, 2]  # the rewording TF-IDF cannot see still ranks well above the unrelated
    assert mixed[0, 2] > 10 * mixed[0, 3]
    assert resolve_encoder("auto").name == "embedding"  # installed and loadable: auto picks it


def test_tfidf_vectors_are_unit_length():
    vectors = encode_units(["A short claim about taxes.", "Another claim, about trade.", "..."], "tfidf")
    norms = (vectors.multiply(vectors)).sum(axis=1).A.ravel()
    assert norms[:2] == pytest.approx([1.0, 1.0])


_words = st.sampled_from("tax trade rates rose fell minister bank said plan homes snow talks urged the a of".split())
_sentence = st.lists(_words, min_size=3, max_size=9).map(lambda ws: " ".join(ws).capitalize() + ".")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(_sentence, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=4))
def test_alignment_invariants(texts):
    """A point holds two units of one article only when they repeat each other (cosine >= NEAR_IDENTICAL)."""
    articles, quotes = story(*[(f"Outlet {i % 3}", t) for i, t in enumerate(texts)])
    units = build_units(articles, quotes)
    groups, similarity = align_units(units, "tfidf", resolve_encoder("tfidf").threshold)
    sims = similarity.rows(list(range(len(units))))
    assert len(groups) == len(units)
    for (_, _), members in units.groupby([groups, units["article_id"]]).groups.items():
        members = list(members)
        for k in members if len(members) > 1 else ():
            assert max(sims[k, j] for j in members if j != k) >= NEAR_IDENTICAL - 1e-9


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(_sentence, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=4))
def test_framing_invariants(texts):
    articles, quotes = story(*[(f"Outlet {i % 3}", t) for i, t in enumerate(texts)])
    framing = frame_story(articles, quotes, encoder="tfidf")
    text_of = dict(zip(articles["id"], articles["text"]))
    for cell in framing.cells.itertuples():
        assert text_of[cell.article_id][cell.start:cell.end] == cell.unit_text
    # every unit is in exactly one point, a second only for words of that point it carries (these texts quote nothing:
    # FACT_RUN words in a row of one of its units)
    cells = framing.cells

    def shares_run(cell) -> bool:
        others = cells[(cells["point_id"] == cell.point_id) & (cells["outlet"] != cell.outlet)]
        return any(_runs(quote_keys(cell.unit_text)) & _runs(quote_keys(t)) for t in others["unit_text"])

    repeated = cells[cells.duplicated(["article_id", "start"], keep=False)]
    for _, rows in repeated.groupby(["article_id", "start"]):
        assert any(shares_run(cell) for cell in rows.itertuples())
    assert set(framing.cells["point_id"]) == set(framing.points["point_id"])
    # Outlets carried + outlets omitting = the story's outlets, for every point.
    outlets = set(articles["outlet"])
    for point in framing.points.itertuples():
        omitted = set(framing.omissions.loc[framing.omissions["point_id"] == point.point_id, "outlet"])
        assert omitted | set(point.outlets) == outlets if len(outlets) > 1 else not omitted
        assert not omitted & set(point.outlets)
    assert list(framing.points["is_proposal"]) == sorted(framing.points["is_proposal"], reverse=True)


# --------------------------------------------------------------------------- seeds (golden)


@pytest.fixture(scope="module")
def seed_corpus():
    """The seeds ingested into a real in-memory DuckDB: (articles, quotes)."""
    from lib.pipeline import ingest_paths
    from lib.store import connect, load_articles, load_quotes

    con = connect(":memory:")
    ingest_paths(con, [str(SEEDS)])
    articles, quotes = load_articles(con), load_quotes(con)
    con.close()
    return articles, quotes


@pytest.fixture(scope="module")
def seed_framing(seed_corpus):
    """The seeds framed as one story with the default TF-IDF encoder (what the golden file pins)."""
    articles, quotes = seed_corpus
    return articles, frame_story(articles, quotes, encoder="tfidf")


@pytest.fixture(scope="module", params=["tfidf", pytest.param("embedding", marks=pytest.mark.embedding)])
def seed_framing_any(request, seed_corpus):
    """The seeds framed with each encoder: both must read right to a person (embedding skips when not installed)."""
    encoder = request.param if request.param == "tfidf" else request.getfixturevalue("embedding_extra")
    articles, quotes = seed_corpus
    return articles, frame_story(articles, quotes, encoder=encoder)


def outlet_named(articles, word):
    """The stored outlet name containing ``word``."""
    names = [o for o in articles["outlet"] if word.lower() in o.lower()]
    assert len(names) == 1, names
    return names[0]


@pytest.mark.parametrize("tass_words, urdu_words", [
    ("no first use", "no-first-strike"),  # the global agreement
    ("High Seas", "High Seas"),  # the 1972-style incident agreement
    ("resetting relations", "reboot bilateral relations"),  # the reset programme
])
def test_seed_points_align_tass_with_urdupoint(seed_framing_any, tass_words, urdu_words):
    articles, framing = seed_framing_any
    tass, urdu = outlet_named(articles, "TASS"), outlet_named(articles, "Urdu")
    point = point_of(framing, tass, tass_words)
    assert point == point_of(framing, urdu, urdu_words)
    row = framing.points.set_index("point_id").loc[point]
    assert row["is_proposal"] and row["n_outlets"] == 2


@pytest.mark.parametrize("tass_words", ["expert dialogue", "non-interference", "inter-departmental dialogue",
                                        "communication channels"])
def test_seed_proposals_only_tass_carries_show_urdupoint_omitting(seed_framing_any, tass_words):
    articles, framing = seed_framing_any
    tass, urdu = outlet_named(articles, "TASS"), outlet_named(articles, "Urdu")
    point = point_of(framing, tass, tass_words)
    assert framing.points.set_index("point_id").loc[point, "is_proposal"]
    assert ((framing.omissions["point_id"] == point) & (framing.omissions["outlet"] == urdu)).any()


@pytest.mark.parametrize("urdu_words", [
    "I welcome serious efforts", "remain fully committed",  # the UN reaction (Nakamitsu's quotes)
    "in 2018", "draft resolution in 1998", "countering cybercrime",  # the UN background
])
def test_seed_un_reaction_and_background_are_urdupoint_additions(seed_framing_any, urdu_words):
    articles, framing = seed_framing_any
    urdu = outlet_named(articles, "Urdu")
    added = framing.additions[framing.additions["unit_text"].str.contains(urdu_words, regex=False)]
    assert list(added["outlet"]) == [urdu]


def test_seed_tass_quotes_putin_where_urdupoint_paraphrases(seed_framing_any):
    articles, framing = seed_framing_any
    tass, urdu = outlet_named(articles, "TASS"), outlet_named(articles, "Urdu")
    shared = framing.points.loc[framing.points["n_outlets"] == 2, "point_id"]
    cells = framing.cells[framing.cells["point_id"].isin(shared)]
    modes = cells.pivot_table(index="point_id", columns="outlet", values="mode", aggfunc="first")
    speakers = cells.pivot_table(index="point_id", columns="outlet", values="speaker", aggfunc="first")
    direct_vs_reported = modes[(modes[tass] == "direct") & (modes[urdu] == "reported")].index
    assert len(direct_vs_reported) >= 1
    assert all(speakers.loc[p, tass] == speakers.loc[p, urdu] and "Putin" in speakers.loc[p, tass]
               for p in direct_vs_reported)
    # UrduPoint never quotes Putin directly anywhere in the story.
    urdu_putin = framing.cells[(framing.cells["outlet"] == urdu) & framing.cells["speaker"].fillna("").str.contains(
        "Putin")]
    assert set(urdu_putin["mode"]) == {"reported"}


def test_seed_voices_leads_and_terms(seed_framing_any):
    articles, framing = seed_framing_any
    tass, urdu = outlet_named(articles, "TASS"), outlet_named(articles, "Urdu")
    top_voice = framing.voices.sort_values("quoted_words", ascending=False).groupby("outlet").head(1)
    top = dict(zip(top_voice["outlet"], top_voice["speaker"]))
    assert "Putin" in top[tass] and "Nakamitsu" in top[urdu]
    assert framing.voices.groupby("outlet")["share"].sum().round(6).tolist() == [1.0, 1.0]
    leads = dict(zip(framing.leads["outlet"], framing.leads["lead_text"]))
    assert leads[tass].startswith("Russian President Vladimir Putin has made")
    assert leads[urdu].startswith("The United Nations is welcoming")
    terms = framing.terms.groupby("outlet")["term"].apply(set)
    assert "nakamitsu" in terms[urdu] and "nakamitsu" not in terms[tass]
    assert (framing.terms["z"] > 0).all()


def test_seed_cells_point_back_to_the_text(seed_framing_any):
    articles, framing = seed_framing_any
    text_of = dict(zip(articles["id"], articles["text"]))
    for cell in framing.cells.itertuples():
        assert text_of[cell.article_id][cell.start:cell.end] == cell.unit_text
    for lead in framing.leads.itertuples():
        assert text_of[lead.article_id][lead.start:lead.end] == lead.lead_text


def golden_summary(framing) -> list[dict]:
    """What the golden file pins: each point's flags and each outlet's wording (first 60 characters) and mode."""
    out = []
    for point in framing.points.itertuples():
        cells = framing.cells[framing.cells["point_id"] == point.point_id]
        out.append({"is_proposal": bool(point.is_proposal), "outlets": list(point.outlets),
                    "cells": [[c.outlet, c.mode, c.speaker if isinstance(c.speaker, str) else None,
                               " ".join(c.unit_text.split())[:60]]
                              for c in cells.itertuples()]})
    return out


def test_seed_golden(seed_framing):
    """The whole seed framing, against tests/golden/seed_framing.json (UPDATE_GOLDEN=1 rewrites it)."""
    _, framing = seed_framing
    summary = golden_summary(framing)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert summary == json.loads(GOLDEN.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- public data


def allsides_stories():
    """AllSides stories: story id -> its outlets' articles (opening paragraphs of one event)."""
    from bench.corpus import allsides_articles

    stories = {}
    for doc in allsides_articles():
        stories.setdefault(doc["story"], []).append(doc)
    return stories


def test_allsides_lead_claims_align_and_foreign_sentences_do_not(shared_data):
    """Across every AllSides story: the outlets' leads share a point in most stories; a paragraph from another
    story, slipped into one outlet's article, almost never aligns with anything."""
    stories = allsides_stories()
    keys = sorted(stories)
    rng = random.Random(7)
    leads_aligned = foreign_aligned = 0
    for key in keys:
        docs = stories[key]
        foreign = stories[rng.choice([k for k in keys if k != key])][0]["text"].split("\n\n")[0]
        articles = pd.DataFrame([{"id": d["id"], "outlet": d["outlet"], "published": d["date"],
                                  "text": d["text"] + ("\n\n" + foreign if i == 0 else "")}
                                 for i, d in enumerate(docs)])
        framing = frame_story(articles, pd.DataFrame(), encoder="tfidf")
        shared = set(framing.points.loc[framing.points["n_outlets"] > 1, "point_id"])
        lead_cells = framing.cells.merge(framing.leads[["article_id", "start"]], on=["article_id", "start"])
        leads_aligned += lead_cells["point_id"].duplicated().any()
        foreign_cells = framing.cells[framing.cells["unit_text"].str.contains(foreign[:40], regex=False)]
        foreign_aligned += foreign_cells["point_id"].isin(shared).any()
    assert leads_aligned / len(keys) >= 0.55
    assert foreign_aligned / len(keys) <= 0.03


def test_allsides_story_reads_right(shared_data):
    """One AllSides story read by hand: Manchin's opposition to the clean-energy programme is one point."""
    docs = allsides_stories()[next(k for k, v in allsides_stories().items()
                                   if any("Clean Energy Performance Program" in d["text"] for d in v))]
    articles = pd.DataFrame([{"id": d["id"], "outlet": d["outlet"], "text": d["text"]} for d in docs])
    framing = frame_story(articles, pd.DataFrame(), encoder="tfidf")
    npr = next(o for o in articles["outlet"] if o.startswith("NPR"))
    nbc = next(o for o in articles["outlet"] if o.startswith("NBC"))
    assert point_of(framing, npr, "opposes the key climate measure") == point_of(framing, nbc,
                                                                                   "linchpin of President Biden")


def test_ecbplus_gold_sentence_links(shared_data):
    """ECB+ gold: sentences of two outlets mentioning the same cross-document event are linked with high
    precision, and about half of the sentences that have such a partner find it (mutual best match is 1:1)."""
    from bench.framing_eval import evaluate, load_documents

    scores = evaluate(load_documents(), [resolve_encoder("tfidf").threshold], pairs_per_topic=4)
    same = scores[scores["kind"] == "same event"]
    links = same[same["linked"]]
    assert len(links) >= 25
    assert links["gold"].mean() >= 0.9
    assert same[same["gold"]].groupby(["pair", "unit_a"])["linked"].any().mean() >= 0.4


# --------------------------------------------------------------------------- CLI


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    """A real DuckDB corpus file holding the seeds."""
    from lib.pipeline import ingest_paths
    from lib.store import connect, load_articles

    path = tmp_path_factory.mktemp("framing") / "corpus.duckdb"
    con = connect(path)
    ingest_paths(con, [str(SEEDS)])
    ids = load_articles(con)["id"].tolist()
    con.close()
    return str(path), ids


@pytest.mark.parametrize("story_arg", ["all", "article"])
def test_cli_jsonl(seed_db, capsys, story_arg):
    from lib.cli import main

    path, ids = seed_db
    assert main(["framing", "--db", path, "--story", ids[0] if story_arg == "article" else "all",
                 "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    kinds = {r["type"] for r in records}
    assert kinds == {"point", "addition", "voice", "lead", "term"}
    points = [r for r in records if r["type"] == "point"]
    assert points[0]["is_proposal"] and points[0]["n_outlets"] == 2 and len(points[0]["cells"]) == 2
    assert any(p["omitted_by"] for p in points)


def test_cli_table(seed_db, capsys):
    from lib.cli import main

    path, _ = seed_db
    assert main(["framing", "--db", path, "--story", "all"]) == 0
    out = capsys.readouterr().out
    assert "PROPOSAL" in out and "omitted by:" in out and "## Additions" in out and "## Distinctive terms" in out


@pytest.mark.parametrize("args, message", [
    (["--story", "no-such-story"], "no story or article 'no-such-story'"),
    (["--story", "all", "--encoder", "embedding"], "sentence-transformers"),
])
def test_cli_errors(seed_db, capsys, args, message):
    from lib.analyse.similarity import available_encoders
    from lib.cli import main

    if "embedding" in args and "embedding" in available_encoders():
        pytest.skip("the embedding extra is installed here")
    path, _ = seed_db
    assert main(["framing", "--db", path] + args) == 2
    assert message in capsys.readouterr().err


def test_cli_missing_corpus(tmp_path, capsys):
    from lib.cli import main

    assert main(["framing", "--db", str(tmp_path / "none.duckdb"), "--story", "all"]) == 2
    assert "no such corpus file" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["The board met. Published on March 3, the report found that costs had doubled.",
                                  "Published on March 3, the report found that costs had doubled."])
def test_a_date_opening_a_sentence_stays_in_it(text):
    """A date that opens a sentence as its adverbial, or any sentence but the text's first, is no page stamp."""
    units = build_units(pd.DataFrame({"id": ["a"], "text": [text], "outlet": ["X"]}), pd.DataFrame())
    assert "Published on March 3, the report found that costs had doubled." in units["unit_text"].tolist()


@pytest.mark.parametrize("lines", [["PUBLISHED : 22 : 07 GMT , 7 July 2012", "UPDATED : 22 : 07 GMT , 7 July 2012"],
                                   ["Posted : Jul 07 , 2012 7 : 40 PM ET", "Last Updated : Jul 08 , 2012 1 : 20 AM ET"],
                                   ["Sunday , July 21 , 2013"]])
def test_date_lines_inside_a_text_are_no_units(lines):
    """A line of its own that only dates the page (the browser pass read "PUBLISHED : 22 : 07 GMT , 7 July 2012" as
    Daily Mail's lead) is no framing point, wherever it stands among the first lines."""
    lead = "Vitali Klitschko retained his title on Saturday night, stopping the challenger in the fourth round."
    text = "Klitschko keeps his belt\n\n" + "\n\n".join(lines) + "\n\n" + lead
    articles = pd.DataFrame({"id": ["a"], "text": [text], "outlet": ["X"]})
    units = build_units(articles, pd.DataFrame())
    assert not any(line in units["unit_text"].tolist() for line in lines)
    assert lead in units["unit_text"].tolist()
    # nor part of the lead, which joins a short headline to the next unit kept, not the text between them
    leads = article_leads(units.assign(member=True))
    assert leads["lead_text"].iloc[0] == "Klitschko keeps his belt\n" + lead


@pytest.mark.parametrize("stamp", ["UPDATED 05 / 03 / 2013 at 11: 00 AM EDT ", "MAY 3, 2013 AT 1: 10PM EDT ",
                                   "Posted on Thu Jun 13, 2013 | ", "AUGUST 2, 2013 | 08:06AM PT ",
                                   "Fri Aug 2, 2013 6: 50pm EDT ", "Originally published 05 / 03 / 2013 at 10: 20 AM EDT ",
                                   "Updated 4: 08 p. m. ET "])
def test_a_page_time_stamp_is_no_unit_and_no_lead(stamp):
    """A page's time stamp opening the text is when the page was put up: no framing point, no part of the lead."""
    lead = ("Lindsay Lohan has checked into a rehab facility in California, her lawyer told a court on Friday "
            "morning.")
    articles = pd.DataFrame({"id": ["a"], "text": [stamp + lead], "outlet": ["X"]})
    units = build_units(articles, pd.DataFrame())
    assert units["unit_text"].tolist() == [lead]
    leads = article_leads(units.assign(member=True))
    assert leads["lead_text"].iloc[0] == lead


@pytest.mark.parametrize("address", ["http : / / www . itv . com / westcountry / story - 2013 - 05 - 03 / fire /\n",
                                     "https://www.itv.com/news/westcountry/2013-05-03/fire/\n\n"])
def test_a_page_address_opening_the_text_is_no_unit_and_no_lead(address):
    """A page's address opening a text (a corpus's first line) is no framing point shared by every outlet, and no
    part of its lead."""
    lead = "Fire crews fought a blaze at a barn near Taunton in Somerset through the night, the fire service said."
    articles = pd.DataFrame({"id": ["a"], "text": [address + lead], "outlet": ["X"]})
    units = build_units(articles, pd.DataFrame())
    assert units["unit_text"].tolist() == [lead]
    assert article_leads(units.assign(member=True))["lead_text"].iloc[0] == lead


def test_a_lead_opening_with_a_date_keeps_it():
    text = "May 3 was the day Lindsay Lohan checked into a rehab facility in California, her lawyer said."
    units = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "member": [True], "position": [0], "start": [0],
                          "end": [len(text)], "unit_text": [text]})
    assert article_leads(units)["lead_text"].iloc[0] == text


@pytest.mark.parametrize("speaker, cue, label", [
    ("Ann Cole", "said", "Ann Cole said: The bridge will reopen in May"),
    ("the Ledger", "according to", "According to the Ledger: The bridge will reopen in May"),
    (None, "told us", "The bridge will reopen in May"),  # a cue with no one to say it labels nothing
])
def test_a_quoted_point_is_labelled_by_who_said_it(speaker, cue, label):
    unit = {"unit_text": '"The bridge will reopen in May," x.', "quoted_text": "The bridge will reopen in May,",
            "mode": "direct", "speaker": speaker, "cue": cue}
    assert make_label(unit) == label


def test_a_sentence_carrying_two_quotes_renders_both_points():
    """One outlet puts two quotes in one sentence, another gives each its own: the first outlet carries both points
    (it was shown omitting the quote alignment had not put its sentence with), and nobody omits either quote."""
    from lib.extract import extract_quotes
    from lib.models import Article

    one = ('The singer will host the awards again. "I am so excited to be hosting the awards for a second time," '
           'Mara Lind said, joking that "you know what they say, the third time is the charm."')
    two = ('Mara Lind is back as host. "I am so excited to be hosting the awards for a second time," Lind said in a '
           'statement. "You know what they say, the third time is the charm," she added.')
    articles, _ = story(("Daily", one), ("Herald", two))
    quotes = pd.DataFrame([{**vars(q), "article_id": a} for a, text in (("a0", one), ("a1", two))
                           for q in extract_quotes(Article(id=a, text=text))])
    framing = frame_story(articles, quotes, encoder="tfidf")
    excited = point_of(framing, "Herald", "so excited")
    charm = point_of(framing, "Herald", "third time")
    assert excited != charm
    daily = framing.cells[framing.cells["outlet"] == "Daily"]
    assert {excited, charm} <= set(daily["point_id"])  # the one sentence in both points
    assert not set(framing.omissions["point_id"]) & {excited, charm}


def test_a_sentence_sharing_a_fact_word_for_word_renders_its_point():
    """A fact two outlets give in the same words ("with six AK 47 rifles, 12 magazines and about 300 rounds") in
    sentences alignment puts in different points is no omission of either; a few words in common are not enough."""
    one = ("The navy foiled a pirate attack in the Gulf of Aden on Friday. Sailors boarded the boats and captured "
           "26 pirates with six AK 47 rifles, 12 magazines and about 300 rounds of ammunition.")
    two = ("The navy foiled a pirate attack in the Gulf of Aden on Friday, the ministry said, and it was the fifth "
           "such operation this year, while sailors seized six AK-47 rifles, 12 magazines and about 300 rounds of "
           "ammunition. Sailors boarded the boats at dawn.")
    framing = frame_story(*story(("Daily", one), ("Herald", two)), encoder="tfidf")
    rifles = point_of(framing, "Daily", "AK 47")
    assert "Herald" in set(framing.cells.loc[framing.cells["point_id"] == rifles, "outlet"])
    assert not (framing.omissions["point_id"] == rifles).any()
    few = frame_story(*story(("Daily", "Sailors seized six rifles and ammunition on Friday. The talks resume."),
                             ("Herald", "The ministry said six rifles were found. Sailors boarded the boats.")),
                      encoder="tfidf")
    assert len(few.cells) == len(few.cells.drop_duplicates(["article_id", "start"]))  # no sentence in two points


def test_a_sentence_giving_the_same_counts_renders_its_point():
    """A fact two outlets give in other words but with the same counts of the same things ("three boats ... 26
    Somali crew", "the remaining three boats ... nabbed 26 Somali pirates") is no omission; one count alike is not
    enough."""
    one = ("The navy foiled a pirate attack in the Gulf of Aden on Friday. While two got away, the warship "
           "intercepted the remaining skiffs after a search. The three boats had a total of 26 Somali crew onboard.")
    two = ("The navy foiled a pirate attack in the Gulf of Aden on Friday, the ministry said. While two got away, the "
           "warship intercepted the remaining 3 boats after a search and nabbed 26 Somali pirates.")
    framing = frame_story(*story(("Daily", one), ("Herald", two)), encoder="tfidf")
    crew = point_of(framing, "Daily", "26 Somali crew")
    assert "Herald" in set(framing.cells.loc[framing.cells["point_id"] == crew, "outlet"])
    assert not (framing.omissions["point_id"] == crew).any()
    apart = frame_story(*story(("Daily", one), ("Herald", "The navy foiled a pirate attack in the Gulf of Aden on "
                                                           "Friday, the ministry said. Officials said 26 Somali "
                                                           "nationals were still missing after the storm.")),
                        encoder="tfidf")
    assert (apart.omissions["point_id"] == point_of(apart, "Daily", "26 Somali crew")).any()
