"""Distinctive vocabulary (Monroe et al. 2008 log-odds), hedge/intensifier tables and the light stemmer."""
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.analyse.similarity import stem_tokens, stem_word
from lib.analyse.terms import TERM_COLUMNS, count_terms, distinctive_terms, find_markers, outlet_terms


@pytest.mark.parametrize("word, expected", [
    ("proposals", "propos"),
    ("proposal", "propos"),
    ("proposed", "propos"),
    ("resetting", "reset"),
    ("relations", "relat"),
    ("Relations", "relat"),
    ("proposing", "propos"),
    ("agreement", "agree"),
    ("countries", "countr"),
    ("Putin's", "putin"),
    ("bus", "bus"),  # too short to strip
    ("is", "is"),
])
def test_stem_word(word, expected):
    assert stem_word(word) == expected


def test_stem_tokens_drop_stop_words_and_split_hyphens():
    assert stem_tokens("The no-first-strike agreement") == ["no-first-strike", "no", "first", "strike", "agree"]


@pytest.mark.parametrize("text, kind, expected", [
    ("It might be possible to draft an agreement", "hedge", ["it might be possible"]),
    ("Talks might resume if possible", "hedge", ["might", "possible"]),
    ("It might be possible to draft an agreement", "intensifier", []),
    ("We remain fully committed to this very important work", "intensifier", ["fully", "very"]),
    ("Officials reportedly said it could take weeks", "hedge", ["reportedly", "could"]),
    ("According to the ministry, talks resumed", "hedge", ["according to"]),
    ("a full-scale dialogue", "intensifier", ["full-scale"]),
    ("The mayoral election", "hedge", []),  # "may" inside a word is not a hedge
    ("", "hedge", []),
])
def test_find_markers(text, kind, expected):
    assert find_markers(text, kind) == expected


@pytest.mark.parametrize("text, expected", [
    ("The treaty of 1972 and the treaty of 1998", Counter({"treaty": 2, "1972": 1, "1998": 1})),
    ("53 people and 70 cars", Counter({"people": 1, "cars": 1})),  # bare numbers are not vocabulary
    ("the and of", Counter()),
    # a page's address is no vocabulary, as written or as a tokenised corpus spaces it
    ("http : / / www . itv . com / westcountry / fire - 1\nBarn fire", Counter({"barn": 1, "fire": 1})),
    ("See https://www.bbc.co.uk/news/uk-1 for the fire", Counter({"fire": 1})),
    ("21 July 2013 Last updated at 11 : 11 GMT\nBarn fire", Counter({"barn": 1, "fire": 1})),  # a page's date line
])
def test_count_terms(text, expected):
    assert count_terms(text) == expected


def test_distinctive_terms_ranks_the_overused_word_first():
    counts = {"A": Counter({"cyber": 12, "talks": 5, "treaty": 5}),
              "B": Counter({"nations": 12, "talks": 5, "treaty": 5})}
    terms = distinctive_terms(counts)
    assert list(terms.columns) == list(TERM_COLUMNS)
    top = terms.groupby("outlet").head(1).set_index("outlet")["term"].to_dict()
    assert top == {"A": "cyber", "B": "nations"}
    # Words both groups use equally are never distinctive.
    assert not terms["term"].isin(["talks", "treaty"]).any()


def test_distinctive_terms_background_prior_changes_weights():
    counts = {"A": Counter({"cyber": 4, "talks": 4}), "B": Counter({"talks": 4, "nations": 4})}
    pooled = distinctive_terms(counts)
    background = distinctive_terms(counts, prior={"cyber": 1000, "talks": 10, "nations": 10}, prior_size=50)
    z_pooled = pooled.set_index(["outlet", "term"])["z"][("A", "cyber")]
    z_background = background.set_index(["outlet", "term"])["z"][("A", "cyber")]
    assert z_background != pytest.approx(z_pooled)


@pytest.mark.parametrize("counts", [{}, {"A": Counter({"x": 3})}, {"A": Counter(), "B": Counter({"x": 1})}])
def test_distinctive_terms_needs_two_groups(counts):
    frame = distinctive_terms(counts)
    assert frame.empty and list(frame.columns) == list(TERM_COLUMNS)


def test_outlet_terms_pools_articles_of_one_outlet():
    frame = outlet_terms([("A", "cyber cyber cyber talks"), ("A", "cyber treaty"), ("B", "nations nations talks")])
    assert set(frame["outlet"]) == {"A", "B"}
    assert frame[frame["outlet"] == "A"].iloc[0]["term"] == "cyber"


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["A", "B", "C"]),
                       st.dictionaries(st.sampled_from(list("abcdefgh")), st.integers(1, 30), min_size=1),
                       min_size=2))
def test_distinctive_terms_invariants(raw):
    counts = {g: Counter(c) for g, c in raw.items()}
    frame = distinctive_terms(counts, top=50)
    assert np.isfinite(frame["z"].astype(float)).all()
    assert (frame["z"] > 0).all()
    for outlet, group in frame.groupby("outlet"):
        assert list(group["z"]) == sorted(group["z"], reverse=True)
        assert all(counts[outlet][t] > 0 for t in group["term"])
