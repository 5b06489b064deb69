"""Stories: same-event grouping, hand overrides, independent sources, labels, the seeds and the gold sets."""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.analyse.reuse import copied_pairs, find_reuse
from lib.analyse.stories import (ASSIGNMENT_COLUMNS, DEFAULT_CONFIG, SPREAD_MIN_PAIRS, STORY_COLUMNS, ArticleTimes,
                                 build_vectors, cluster_stories, date_spread, extract_anchors, neighbour_profiles,
                                 shared_sources, summarise_stories, text_years)
from tests.conftest import SEEDS

# Three outlets on one bridge collapse, in their own words.
BRIDGE = (
    ("Reuters", "2018-08-14", "Motorway bridge collapses in Genoa, dozens feared dead",
     "A large section of the Morandi motorway bridge collapsed in the Italian city of Genoa on Tuesday during a "
     "violent storm, sending cars plunging 45 metres onto railway tracks. Transport Minister Danilo Toninelli "
     "said the collapse of the A10 viaduct was an immense tragedy. Firefighters searched the rubble for survivors."),
    ("BBC", "2018-08-14", "Genoa bridge collapse: Many killed as Morandi viaduct falls",
     "Dozens of people are feared dead after the Morandi bridge on the A10 motorway in Genoa gave way in heavy rain. "
     "Vehicles fell about 45 metres when a 200-metre stretch of the viaduct collapsed. Danilo Toninelli, the "
     "transport minister, called it an immense tragedy as rescuers worked through the night."),
    ("Al Jazeera", "2018-08-15", "Italy: death toll rises after Genoa motorway bridge collapse",
     "Rescuers in Genoa searched through concrete and twisted steel on Wednesday after the Morandi bridge on the "
     "A10 motorway collapsed, killing at least 35 people. Italian transport minister Danilo Toninelli said those "
     "responsible for the viaduct would pay."),
)
# Two similar but different events: earthquakes in different places, months and magnitudes.
QUAKES = (
    ("AP", "2016-08-24", "Magnitude 6.2 earthquake flattens towns in central Italy",
     "A magnitude 6.2 earthquake struck central Italy near Amatrice early on Wednesday, killing at least 120 "
     "people and reducing the mountain town to rubble. Rescuers dug through collapsed buildings in Amatrice and "
     "Accumoli as aftershocks shook the Apennines. Mayor Sergio Pirozzi said half the town was gone."),
    ("Reuters", "2016-08-24", "Strong quake kills scores in Amatrice, Italy",
     "Rescuers searched collapsed buildings in Amatrice after a 6.2 magnitude earthquake hit central Italy on "
     "Wednesday, killing at least 120 people. Amatrice mayor Sergio Pirozzi said half the town was gone as "
     "aftershocks rattled Accumoli and the Apennines."),
    ("AP", "2016-11-13", "Magnitude 7.8 earthquake strikes New Zealand near Kaikoura",
     "A magnitude 7.8 earthquake struck New Zealand's South Island near Kaikoura just after midnight on Monday, "
     "killing two people and triggering a tsunami warning. Rescuers reached Kaikoura by helicopter as aftershocks "
     "shook Canterbury. Prime Minister John Key said the damage was utterly devastating."),
    ("Reuters", "2016-11-14", "Powerful quake hits New Zealand, two dead",
     "A 7.8 magnitude earthquake hit New Zealand's South Island near Kaikoura on Monday, killing two people and "
     "cutting roads. Helicopters flew rescuers to Kaikoura as aftershocks shook Canterbury, and Prime Minister "
     "John Key called the damage utterly devastating."),
)


def make_frame(rows, dated: bool = True, story=None, via=None) -> pd.DataFrame:
    """An articles frame (the load_articles columns this module reads) from (outlet, date, title, text) rows."""
    return pd.DataFrame({
        "id": [f"a{i}" for i in range(len(rows))], "outlet": [r[0] for r in rows],
        "published": pd.to_datetime([r[1] if dated else None for r in rows]),
        "title": [r[2] for r in rows], "text": [r[3] for r in rows],
        "via": via if via is not None else [None] * len(rows),
        "story": story if story is not None else [None] * len(rows), "dateline_place": [None] * len(rows)})


def groups(assignment: pd.DataFrame) -> set[frozenset]:
    """The clustering as a set of article-id sets (independent of story ids)."""
    return {frozenset(g["article_id"]) for _, g in assignment.groupby("story_id")}


@pytest.mark.parametrize("rows, dated, expected", [
    (BRIDGE, True, {frozenset({"a0", "a1", "a2"})}),
    (BRIDGE, False, {frozenset({"a0", "a1", "a2"})}),  # no dates: no window, still one story
    (QUAKES, True, {frozenset({"a0", "a1"}), frozenset({"a2", "a3"})}),
    (QUAKES, False, {frozenset({"a0", "a1"}), frozenset({"a2", "a3"})}),  # told apart by places/numbers alone
    (BRIDGE + QUAKES[:1], True, {frozenset({"a0", "a1", "a2"}), frozenset({"a3"})}),
], ids=["bridge-3-outlets", "bridge-undated", "two-quakes", "two-quakes-undated", "unrelated-singleton"])
def test_cluster_stories_groups(rows, dated, expected):
    assignment = cluster_stories(make_frame(rows, dated))
    assert tuple(assignment.columns) == ASSIGNMENT_COLUMNS
    assert groups(assignment) == expected


def test_verbatim_copies_take_their_originals_story():
    """Copies run by other outlets (same title, text, time) are clustered once: each joins its original's story,
    and the originals are grouped exactly as without the copies."""
    rows = BRIDGE + QUAKES
    alone = cluster_stories(make_frame(rows))
    copies = [(f"Paper {k}", *rows[k % len(rows)][1:]) for k in range(40)]
    frame = make_frame(rows + tuple(copies))
    both = cluster_stories(frame)
    story = dict(zip(both["article_id"], both["story_id"]))
    assert groups(both[both["article_id"].isin(alone["article_id"])]) == groups(alone)
    assert all(story[f"a{len(rows) + k}"] == story[f"a{k % len(rows)}"] for k in range(40))


def test_window_splits_same_words_far_apart():
    """The same text published a month apart is two stories (a dated window), undated it is one."""
    rows = (BRIDGE[0], BRIDGE[0][:1] + ("2018-09-20",) + BRIDGE[0][2:])
    assert len(groups(cluster_stories(make_frame(rows)))) == 2
    assert len(groups(cluster_stories(make_frame(rows, dated=False)))) == 1


@pytest.mark.parametrize("story, expected", [
    (["gen", None, None], {frozenset({"a0"}), frozenset({"a1", "a2"})}),  # hand story pulls a0 out
    (["x", "x", "x"], {frozenset({"a0", "a1", "a2"})}),
    (["x", "y", ""], {frozenset({"a0"}), frozenset({"a1"}), frozenset({"a2"})}),  # "" means no hand story
])
def test_hand_story_overrides(story, expected):
    assignment = cluster_stories(make_frame(BRIDGE, story=story))
    assert groups(assignment) == expected
    for sid, s, by in zip(assignment["story_id"], story, assignment["assigned_by"]):
        assert (sid == s and by == "hand") if s else (sid.startswith("s-") and by == "auto")


WIRE_ADDITION = ("Local officials in Liguria said schools near the viaduct would stay closed for the rest of the "
                 "week while engineers inspected the remaining pillars.")


@pytest.mark.parametrize("outlets, via, texts, expected", [
    (None, [None, None, None], None, 3),
    (None, ["Sputnik", "Sputnik", None], None, 2),  # the same wire inside two outlets counts once
    (None, ["AFP", "Reuters", None], None, 3),
    (None, [None, None, None], [BRIDGE[0][3]] * 3, 1),  # verbatim copies count once
    # a wire text run with an outlet's own addition is still a copy; a copy under another title too
    (None, [None, None, None], [BRIDGE[0][3], BRIDGE[0][3] + " " + WIRE_ADDITION, BRIDGE[2][3]], 2),
    # an outlet's own articles are not merged as such (an aggregator carries one AP and one Reuters text)
    (["Yahoo", "Yahoo", "BBC"], [None, None, None], None, 3),
    (["Yahoo", "Yahoo", "BBC"], ["AP", "Reuters", None], None, 3),
])
def test_independent_sources(outlets, via, texts, expected):
    frame = make_frame(BRIDGE, story=["s", "s", "s"], via=via)
    if outlets:
        frame["outlet"] = outlets
    if texts:
        frame["text"] = texts
    copied = copied_pairs(find_reuse(frame))
    stories = summarise_stories(frame, cluster_stories(frame), copied)
    assert stories["independent_sources"].tolist() == [expected]
    if not texts:
        assert copied.empty  # three reports in their own words share no passage


def test_shared_sources_name_the_outlets_merged():
    """The outlets the count merged: by wire or by copy, two or more outlets a group; one outlet's own articles and
    outlets of no group are not listed."""
    frame = make_frame(BRIDGE + BRIDGE[:1], story=["s"] * 4, via=["AFP", None, "AFP", None])
    frame["outlet"] = ["Reuters", "BBC", "Ansa", "Corriere"]
    frame.loc[3, "text"] = frame.loc[1, "text"] + " " + WIRE_ADDITION  # Corriere runs the BBC's text with more
    assert shared_sources(frame, copied_pairs(find_reuse(frame))) == [["Ansa", "Reuters"], ["BBC", "Corriere"]]
    assert shared_sources(frame.iloc[:2], None) == []


def test_a_copy_across_stories_links_no_sources():
    """A copy whose two ends were grouped into different stories joins neither story's sources."""
    frame = make_frame(BRIDGE, story=["s", "s", "t"])
    frame["text"] = [BRIDGE[0][3], BRIDGE[1][3], BRIDGE[0][3]]
    stories = summarise_stories(frame, cluster_stories(frame), copied_pairs(find_reuse(frame)))
    assert dict(zip(stories["n_articles"], stories["independent_sources"])) == {2: 2, 1: 1}


def test_summary_columns_label_and_dates():
    frame = make_frame(BRIDGE + QUAKES, dated=True)
    stories = summarise_stories(frame, cluster_stories(frame))
    assert tuple(stories.columns) == STORY_COLUMNS
    assert len(stories) == 3
    bridge = stories[stories["article_ids"].map(lambda ids: "a0" in ids)].iloc[0]
    # the most representative headline: the one whose words the other headlines share most ("Genoa", "motorway",
    # "bridge", "collapse"), not merely the earliest
    assert bridge["label"] == BRIDGE[2][2]
    assert bridge["first"] == pd.Timestamp("2018-08-14") and bridge["last"] == pd.Timestamp("2018-08-15")
    assert bridge["outlets"] == ["Al Jazeera", "BBC", "Reuters"] and bridge["n_outlets"] == 3
    assert {"genoa", "morandi"} & set(bridge["terms"])
    assert stories["first"].is_monotonic_increasing


def test_untitled_story_label_is_its_first_sentence_cut():
    frame = make_frame(QUAKES[2:]).assign(title=None)
    stories = summarise_stories(frame, cluster_stories(frame))
    label = stories.loc[0, "label"]
    assert label.startswith("A magnitude 7.8 earthquake struck New Zealand") and label.endswith("…")
    assert "kaikoura" in stories.loc[0, "terms"]


def test_a_story_label_skips_the_wire_dateline_and_a_bare_date_line():
    from lib.analyse.terms import story_headline

    assert story_headline([None], ["Tuesday, May 24, 2005\n\nThe 76ers fired their coach on Monday. More."]) == \
        "The 76ers fired their coach on Monday."
    assert story_headline([None], ["MOSCOW, September 25. /TASS/. Russia proposed new rules on Friday. More."]) == \
        "Russia proposed new rules on Friday."


@pytest.mark.parametrize("text, label", [
    # a corpus's first line holding the page's address, as written or tokenised: no words of a headline
    ("http : / / www . harbor - news . com / 2013 / 05 / 02 / mayor - quits _ article _ 807\nMayor of Lyon quits after "
     "vote\nThe mayor resigned on Monday.", "Mayor of Lyon quits after vote"),
    ("www.bbc.co.uk/news/world-123\n\nThe mayor of Lyon resigned on Monday after a vote.",
     "The mayor of Lyon resigned on Monday after a vote."),
    # ... and a date line after it ("Last updated at"), past the address
    ("http : / / www . harbor - news . co . uk / news / uk - 1\n21 July 2013 Last updated at 11 : 11 GMT\nFire crews "
     "fought a blaze near Taunton.", "Fire crews fought a blaze near Taunton."),
    ("See https://example.com/a/b for the full list of the new rules.",  # an address inside a sentence stays
     "See https://example.com/a/b for the full list of the new rules."),
])
def test_a_label_or_title_stand_in_skips_a_web_address(text, label):
    from app.tables import title_standin
    from lib.analyse.terms import story_headline

    assert story_headline([None], [text]) == label and title_standin(text, 200) == label


@pytest.mark.parametrize("text, present, absent", [
    ("A magnitude 6.1 earthquake struck Indonesia on Sept. 3, 2009, killing 57 people.",
     ["n:indonesia", "#:6.1", "#:57 people", "d:2009-09-03", "y:2009"], ["#:3", "n:sept"]),
    ("The Bank of England raised rates to 5.25% on Thursday.", ["n:bank of england", "#:5.25%"], ["n:the", "n:thursday"]),
    ("Police said the toll rose. Police in Genoa said 43 died.", ["n:genoa", "#:43 died"], []),
    ("Shares fell. Reports said it was over.", [], ["n:shares", "n:reports"]),  # sentence-initial common words
    ("", [], []),
])
def test_extract_anchors(text, present, absent):
    anchors = extract_anchors(text)
    assert all(a in anchors for a in present), anchors
    assert not any(a in anchors for a in absent), anchors


@pytest.mark.parametrize("published, text, expected", [
    (None, "Turkmenistan votes on Sunday, 14 December 2008; the 2007 reform gave it 125 seats.", 2008.0),
    (None, "The election of 1991 was the last one; in 2013 two parties may run.", 2013.0),
    (None, "Voters went to the polls on Sunday, the 14th.", None),  # names no year
    (None, "2,013 people and 1,998 ballots; flight 2013a", None),  # numbers, not years
    ("2020-09-25", "In 1972 and again in 2018 the sides agreed.", None),  # dated: its date says more
])
def test_text_years(published, text, expected):
    frame = make_frame([("Outlet", published, None, text)], dated=published is not None)
    found = text_years(frame)[0]
    assert (np.isnan(found) if expected is None else found == expected)


# (published a, published b, latest year a, latest year b, expected factor): dated pairs decay with their day gap;
# undated pairs whose latest years agree within a year are raised by year_agreement, any other pair keeps 1.
@pytest.mark.parametrize("day_a, day_b, year_a, year_b, expected", [
    ("2020-09-25", "2020-09-25", None, None, 1.0),
    ("2020-09-25", "2020-09-27", None, None, 0.5),  # one half-life
    ("2020-09-25", "2020-10-25", None, None, 0.0),  # beyond the window
    (None, None, 2013, 2013, DEFAULT_CONFIG["year_agreement"]),
    (None, None, 2012, 2013, DEFAULT_CONFIG["year_agreement"]),  # a January report on a December event
    (None, None, 2008, 2013, 1.0),  # a similar event years apart: no raise, but no proof of a different event
    (None, None, None, 2013, 1.0),
    ("2013-05-02", None, None, 2013, 1.0),  # a dated article keeps its day, not a year
])
def test_time_weights_of_pairs(day_a, day_b, year_a, year_b, expected):
    frame = pd.DataFrame({"published": pd.to_datetime([day_a, day_b]), "title": [None, None], "text": ["", ""]})
    times = ArticleTimes.of(frame, DEFAULT_CONFIG["window_days"])
    times = dataclasses.replace(times, years=np.array([np.nan if y is None else y for y in (year_a, year_b)],
                                                      dtype=float))
    weights = times.weights(np.array([0]), np.array([1]), DEFAULT_CONFIG)
    assert weights[0, 0] == pytest.approx(expected)
    assert times.weights(np.array([0]), np.array([1]), DEFAULT_CONFIG, paired=True)[0] == pytest.approx(expected)


@pytest.mark.parametrize("text_a, text_b, expected", [
    ("The vote took place on Friday.", "Lawmakers voted Friday night.", DEFAULT_CONFIG["day_agreement"]),
    ("The vote took place on Friday.", "Lawmakers voted on Tuesday.", DEFAULT_CONFIG["day_disagreement"]),
    ("The ceremony on Aug. 15 drew crowds.", "Crowds gathered on August 18 for it.", DEFAULT_CONFIG["day_agreement"]),
    ("The ceremony on Aug. 15 drew crowds.", "Crowds gathered on October 3 for it.", DEFAULT_CONFIG["day_disagreement"]),
    ("The vote took place on Friday.", "Lawmakers voted.", 1.0),  # one text names no day: no evidence either way
    # months named without a day
    ("Exports fell in March, the office said.", "March exports were the lowest in years.", 1.0),  # "March exports": a noun after it
    ("Exports fell in March, the office said.", "Shipments abroad dropped sharply during March.",
     DEFAULT_CONFIG["day_agreement"]),
    ("Exports fell in March, the office said.", "Shipments abroad rose in October.", DEFAULT_CONFIG["day_disagreement"]),
    ("Exports fell in March, the office said.", "The firm has grown since 2009.", 1.0),
    ("The ceremony on Aug. 15 drew crowds.", "Crowds kept gathering in August.", DEFAULT_CONFIG["day_agreement"]),
    # a common weekday of texts naming only different months: one weekday every month, not one event
    ("Employers added jobs in July, the report said Friday.", "Employers added jobs in August, Friday's report said.",
     DEFAULT_CONFIG["day_disagreement"]),
    ("Employers added jobs in July, the report said Friday.", "Employers added jobs, Friday's report said.",
     DEFAULT_CONFIG["day_agreement"]),
])
def test_undated_texts_placed_by_the_days_they_name(text_a, text_b, expected):
    """Two undated reports naming the same weekday, or month-days a week apart, are drawn together; naming only
    different ones, pushed apart; a text naming none leaves the pair as it is."""
    frame = pd.DataFrame({"published": [pd.NaT, pd.NaT], "title": [None, None], "text": [text_a, text_b]})
    times = ArticleTimes.of(frame, DEFAULT_CONFIG["window_days"])
    assert times.weights(np.array([0]), np.array([1]), DEFAULT_CONFIG)[0, 0] == pytest.approx(expected)
    assert times.weights(np.array([0]), np.array([1]), DEFAULT_CONFIG, paired=True)[0] == pytest.approx(expected)


@pytest.mark.parametrize("text_a, text_b, expected", [
    # a month-day naming the event both texts are about, or a deadline: no evidence of when either was written
    ("Lawmakers questioned aides about the Jan. 6 riot.", "The panel heard from the Jan. 6 rioters.", 1.0),
    ("Jan. 6 panel subpoenas aides", "Jan. 6 committee sets a hearing", 1.0),
    ("A post-Sept. 11 era of security began.", "After Sept. 11 the nation changed.", 1.0),
    ("The moratorium runs until Oct. 3 for renters.", "Renters are protected through Oct. 3 now.", 1.0),
    ("Payments are paused until Jan. 31 again.", "The pause lasts through Jan. 31 again.", 1.0),
    # a month-day that is the day something happened still places the text (the test above, more forms)
    ("On Jan. 6, rioters stormed the building.", "Rioters stormed the building on Jan. 6 and left.",
     DEFAULT_CONFIG["day_agreement"]),
    ("Officials signed off Aug. 29 on the strike.", "The strike was approved on August 30, officials said.",
     DEFAULT_CONFIG["day_agreement"]),
    ("The summit took place on June 16 in Geneva.", "Leaders met in Geneva on June 16 for talks.",
     DEFAULT_CONFIG["day_agreement"]),
])
def test_month_days_naming_an_event_or_a_deadline_do_not_place_a_text(text_a, text_b, expected):
    """Reports on a subject keep naming its day ("the Jan. 6 riot") and its deadlines for months: those month-days
    draw no two texts together; a month-day on which something happened does."""
    frame = pd.DataFrame({"published": [pd.NaT, pd.NaT], "title": [None, None], "text": [text_a, text_b]})
    times = ArticleTimes.of(frame, DEFAULT_CONFIG["window_days"])
    assert times.weights(np.array([0]), np.array([1]), DEFAULT_CONFIG)[0, 0] == pytest.approx(expected)


@pytest.mark.parametrize("published, text, placed", [
    ("2021-08-31", "Flights left the airport.", True),  # dated
    (None, "The war that began in 2001 ended.", True),  # a year named
    (None, "Flights left the airport on Aug. 30 at midnight.", True),  # a month-day that places the text
    (None, "Flights left the airport on Monday at midnight.", False),  # a weekday: a day of any week
    (None, "Since the Jan. 6 riot, lawmakers have argued.", False),  # a month-day naming an event
    (None, "Flights left the airport at midnight.", False),
])
def test_articles_placed_in_time(published, text, placed):
    """An article is placed in time by its date, a year its text names or a month-day that places it; a weekday alone
    or a month-day naming an event is not enough."""
    frame = pd.DataFrame({"published": pd.to_datetime([published]), "title": [None], "text": [text]})
    assert ArticleTimes.of(frame, DEFAULT_CONFIG["window_days"]).placed.tolist() == [placed]


# Two events in one city, reported without dates or any other time evidence: the same names (Kabul, the Taliban,
# their spokesman), different wording.
KABUL = (
    ("Bomb outside Kabul mosque kills worshippers, Taliban says", "An explosion at the gate of the Eid Gah mosque in "
     "Kabul killed at least five civilians during a memorial service, a Taliban spokesman, Zabihullah Mujahid, said."),
    ("Blast at Kabul mosque leaves several dead", "Zabihullah Mujahid of the Taliban said a bomb went off near the Eid "
     "Gah mosque in Kabul as mourners gathered, killing several people."),
    ("Last American evacuation flights leave Kabul as the Taliban wait", "The final American evacuation flights took "
     "off from the airport at midnight, ending the military withdrawal; Zabihullah Mujahid of the Taliban said the "
     "country was free."),
    ("Final evacuation flight from Kabul ends withdrawal, Taliban say", "The last American military evacuation flight "
     "left the airport at midnight, completing the withdrawal, and Zabihullah Mujahid of the Taliban declared the "
     "country free."),
)


@pytest.mark.parametrize("year", ["", " It was 2021."])
def test_unplaced_reports_sharing_names_but_not_wording_stay_apart(year):
    """With nothing placing them in time, two stories whose reports share names but little wording stay apart
    (unplaced_floor); without the floor and the relative cut their names and shared neighbours made them one. Texts that name a year are
    placed, and the floor leaves them as it found them."""
    frame = pd.DataFrame({"id": ["m1", "m2", "f1", "f2"], "outlet": ["A", "B", "C", "D"],
                          "title": [t for t, _ in KABUL], "text": [x + year for _, x in KABUL], "published": pd.NaT})
    stories = cluster_stories(frame).set_index("article_id")["story_id"]
    off = cluster_stories(frame, unplaced_floor=0, unplaced_share=0).set_index("article_id")["story_id"]
    if year:
        assert stories.equals(off)
    else:
        assert stories["m1"] == stories["m2"] and stories["f1"] == stories["f2"] and stories["m1"] != stories["f1"]
        assert off.nunique() == 1


# Two sibling events, reported without dates: one bill passing the House, then the Senate. The reports of each share
# most of their wording; across the two they share the bill's name and clear the word floor, far below that.
SIBLINGS = (
    ("House passes Asian American hate crimes bill", "The House voted to pass the Asian American hate crimes bill, "
     "sending it to President Biden, Speaker Nancy Pelosi said, after weeks of lobbying by advocacy groups."),
    ("House sends Asian American hate crimes bill to Biden", "The House voted to pass the Asian American hate crimes "
     "bill and send it to President Biden, Speaker Nancy Pelosi said after weeks of lobbying by advocacy groups."),
    ("Senate approves Asian American hate crimes bill", "Senators approved the Asian American hate crimes bill in a "
     "rare bipartisan vote, Majority Leader Chuck Schumer said, and Senator Mazie Hirono praised the unity."),
    ("Senate passes Asian American hate crimes bill", "Senators passed the Asian American hate crimes bill in a rare "
     "bipartisan vote, Majority Leader Chuck Schumer said, as Senator Mazie Hirono praised the unity shown."),
)


def test_unplaced_sibling_events_clearing_the_floor_stay_apart():
    """Unplaced reports of two sibling events whose cross pairs clear unplaced_floor stay apart when those pairs share
    far less wording than each report shares with its closest partner (unplaced_share); without that relative cut the
    shared names and wording made them one story."""
    from lib.analyse.stories.vectors import word_vectors

    frame = pd.DataFrame({"id": ["h1", "h2", "s1", "s2"], "outlet": ["A", "B", "C", "D"],
                          "title": [t for t, _ in SIBLINGS], "text": [x for _, x in SIBLINGS], "published": pd.NaT})
    words = word_vectors(frame)
    cross = (words[:2] @ words[2:].T).toarray()
    assert (cross >= DEFAULT_CONFIG["unplaced_floor"]).all()  # the absolute floor alone holds no pair apart
    stories = cluster_stories(frame).set_index("article_id")["story_id"]
    assert stories["h1"] == stories["h2"] and stories["s1"] == stories["s2"] and stories["h1"] != stories["s1"]
    assert cluster_stories(frame, unplaced_share=0)["story_id"].nunique() == 1
    dated = frame.assign(published=pd.to_datetime(["2021-05-18"] * 2 + ["2021-04-22"] * 2))
    assert cluster_stories(dated, unplaced_share=0)["story_id"].nunique() == 2  # dates alone part them as well


def test_undated_row_joins_the_story_closest_on_vectors_and_words_together():
    """attach_undated picks, among the dated stories the text clustering puts the row with, the one with the highest sum
    of the two mean cosines (vectors, plain words): a story a little closer on the vectors (shared names) but far apart
    in wording loses to one sharing the row's wording; a story outside the row's text cluster is never joined."""
    from lib.analyse.stories.clustering import attach_undated

    def rows(*cosines):  # unit rows whose cosine with the first axis is each value
        return sp.csr_matrix([[c, np.sqrt(1 - c * c) if i == 0 else 0.0, np.sqrt(1 - c * c) if i == 1 else 0.0]
                              for i, c in enumerate(cosines)])

    vectors, words = rows(1.0, 0.3, 0.4), rows(1.0, 0.6, 0.1)  # row 0 undated; rows 1, 2 dated stories 0 and 1
    undated, dated, labels = np.array([0]), np.array([1, 2]), np.array([0, 1])
    together = np.array([0, 0, 0])
    assert attach_undated(vectors, None, undated, dated, labels, together).tolist() == [1]  # vectors alone
    assert attach_undated(vectors, words, undated, dated, labels, together).tolist() == [0]
    assert attach_undated(vectors, None, undated, dated, labels, np.array([0, 1, 0])).tolist() == [1]
    assert attach_undated(vectors, words, undated, dated, labels, np.array([0, 1, 0])).tolist() == [1]
    assert attach_undated(vectors, words, undated, dated, labels, np.array([2, 0, 1])).tolist() == [-1]


def test_small_and_large_blocks_score_unplaced_pairs_alike():
    """The two scoring paths (small blocks pair by pair, large ones as one matrix) set the same pairs apart."""
    from lib.analyse.stories import clustering
    from lib.analyse.stories.vectors import word_vectors

    frame = pd.DataFrame({"id": ["m1", "m2", "f1", "f2"], "title": [t for t, _ in KABUL],
                          "text": [x for _, x in KABUL], "published": pd.NaT, "dateline_place": None})
    vectors, words = build_vectors(frame), word_vectors(frame)
    times, cfg = ArticleTimes.of(frame, DEFAULT_CONFIG["window_days"]), DEFAULT_CONFIG
    profiles = neighbour_profiles(sp.csr_matrix(vectors @ vectors.T), cfg["profile_neighbours"], cfg["threshold"],
                                  cfg["profile_ratio"])
    members = np.arange(4)
    block = clustering._block_similarity(vectors, profiles, members, times, cfg, words)
    [(_, pairs)] = clustering._scored_blocks(vectors, profiles, [members], times, cfg, words, ~times.placed)
    assert len(members) <= clustering.SMALL_BLOCK  # so _scored_blocks scored it pair by pair
    assert np.allclose(block, pairs, atol=1e-5)
    assert (block == clustering.UNPLACED_APART).any()


def test_undated_article_never_bridges_two_dated_stories():
    """An undated report as like two dated stories months apart joins one of them at most: the two stay apart."""
    first = "Flooding in the river valley forced thousands of residents to leave their homes as water rose."
    second = "Flooding in the river valley returned as water rose again and residents were told to leave."
    bridge = first + " " + second
    frame = pd.DataFrame({"id": ["a1", "a2", "b1", "b2", "u"], "outlet": ["A", "B", "A", "B", "C"],
                          "title": [None] * 5, "text": [first, first, second, second, bridge],
                          "published": pd.to_datetime(["2020-03-01", "2020-03-01", "2020-09-01", "2020-09-01", None])})
    stories = cluster_stories(frame).set_index("article_id")["story_id"]
    assert stories["a1"] == stories["a2"] and stories["b1"] == stories["b2"] and stories["a1"] != stories["b1"]


def test_undated_reports_of_an_event_no_dated_story_holds_stay_together():
    """Two undated reports far closer to each other than to a dated story on the same subject are their own story;
    an undated report most like that dated story joins it."""
    dated = ("The city council approved the new budget for schools and roads after a long debate on Monday. "
             "Council members said the budget raises spending on schools.")
    undated = ("Teachers in the city walked out of schools on strike over pay, closing forty schools, the union said. "
               "The strike by teachers over pay closed forty schools across the city.")
    other = ("A fire destroyed the old mill by the harbour overnight, firefighters said. The mill fire burned for "
             "six hours before firefighters put it out.")
    frame = pd.DataFrame({"id": ["d1", "d2", "u1", "u2", "u3", "u4", "u5"], "outlet": list("ABCDEFG"),
                          "title": [None] * 7, "text": [dated, dated + " Roads too.", undated, undated + " Pay talks.",
                                                         dated + " Parents welcomed it.", other, other + " No one hurt."],
                          "published": pd.to_datetime(["2020-03-02", "2020-03-02", None, None, None, None, None])})
    stories = cluster_stories(frame).set_index("article_id")["story_id"]
    assert stories["u1"] == stories["u2"] != stories["d1"] == stories["d2"] == stories["u3"]
    assert stories["u4"] == stories["u5"] and stories["u4"] not in {stories["u1"], stories["d1"]}  # two undated stories


def twin_reports(lag_days: int, events: int) -> pd.DataFrame:
    """Two outlets' reports of each of ``events`` distinct events, the second outlet ``lag_days`` later."""
    rows = []
    for e in range(events):
        words = f"Mayor {e} Ross opened bridge {e} over river {e} at Harbour {e}, costing {e + 3} million dollars."
        day = dt.date(2021, 1, 1) + dt.timedelta(days=10 * e)
        rows += [("Daily", str(day), f"Bridge {e}", words),
                 ("Herald", str(day + dt.timedelta(days=lag_days)), f"Bridge {e} opens", words + " Crowds came.")]
    return make_frame(rows)


@pytest.mark.parametrize("lag_days", [0, 2])
def test_date_spread_measures_the_days_between_reports_of_one_event(lag_days):
    frame = twin_reports(lag_days, events=SPREAD_MIN_PAIRS)
    times = ArticleTimes.of(frame, DEFAULT_CONFIG["window_days"])
    assert date_spread(build_vectors(frame), times, DEFAULT_CONFIG["window_days"]) == pytest.approx(lag_days)
    few = twin_reports(lag_days, events=2)  # 4 pairs (each counted from both sides) are too few to tell
    assert date_spread(build_vectors(few), ArticleTimes.of(few, 7), 7) is None
    undated = make_frame([("Daily", None, "t", "Mayor Ross opened the bridge.")] * 30, dated=False)
    assert date_spread(build_vectors(undated), ArticleTimes.of(undated, 7), 7) is None


def test_profiles_keep_neighbours_comparable_to_the_nearest():
    """Article 0's closest partner is 1 (0.8); 2 (0.3) passes the floor but not 0.6 x 0.8, so it stays out."""
    neighbours = sp.csr_matrix(np.array([[0, 0.8, 0.3], [0.8, 0, 0], [0.3, 0, 0]], dtype=np.float32))
    profiles = neighbour_profiles(neighbours, k=4, floor=0.1, ratio=0.6).toarray()
    assert profiles[0, 2] == 0 and profiles[0, 1] > 0
    assert neighbour_profiles(neighbours, k=4, floor=0.1, ratio=0.0).toarray()[0, 2] > 0


@settings(max_examples=20, deadline=None)
@given(st.permutations(range(len(BRIDGE + QUAKES))))
def test_story_ids_do_not_depend_on_row_order(order):
    frame = make_frame(BRIDGE + QUAKES)
    base = dict(zip(*cluster_stories(frame)[["article_id", "story_id"]].T.values))
    shuffled = cluster_stories(frame.iloc[list(order)])
    assert dict(zip(shuffled["article_id"], shuffled["story_id"])) == base


LEAD_PIECE = "On Friday the talks ended without a deal, officials said. " + "More words follow here. " * 20


@pytest.mark.parametrize("text,expected", [
    (LEAD_PIECE, [dt.date(2020, 9, 25)]),  # in the lead: the event day it refers back to
    ("The talks ended without a deal. " + "More words follow here. " * 20 + "Yesterday they met.", []),  # past it
    ("MOSCOW, September 29. /TASS/. Talks ended.", []),  # the dateline is no reference
    ("Talks will resume next Friday.", [dt.date(2020, 10, 2)]),  # ahead: event_days keeps only days before
])
def test_lead_references_read_and_stored_agree(text, expected):
    """The lead's day references, read from the text or taken from the stored dated references, are the same."""
    from lib.analyse.stories.times import lead_references
    from lib.extract.date_mentions import extract_date_mentions
    from lib.models import Article

    published = dt.date(2020, 9, 30)
    dateline = "MOSCOW, September 29. /TASS/." if text.startswith("MOSCOW") else None
    frame = pd.DataFrame({"id": ["a"], "text": [text], "published": [pd.Timestamp(published)], "dateline": [dateline]})
    stored = pd.DataFrame([vars(m) for m in extract_date_mentions(Article("a", text, published=published,
                                                                          dateline=dateline))],
                          columns=["article_id", "start", "end", "value", "granularity"])
    assert lead_references(frame, [published]) == [expected]
    assert lead_references(frame, [published], stored) == [expected]
    assert lead_references(frame, [None], stored) == [[]]  # undated: nothing to resolve against


def test_seeds_event_days_from_the_store_match_the_text():
    """The stored dated references date the seeds' events as reading the leads does: UrduPoint's "On Friday"."""
    from lib import store
    from lib.analyse.stories.times import event_days
    from lib.pipeline import ingest_paths

    con = store.connect(":memory:")
    ingest_paths(con, [str(SEEDS)])
    articles, mentions = store.load_articles(con, lists=False), store.load_date_mentions(con)
    read, stored = event_days(articles, 14, None), event_days(articles, 14, mentions)
    np.testing.assert_array_equal(read, stored)
    friday = (pd.Timestamp("2020-09-25") - pd.Timestamp("1970-01-01")).days
    assert friday in stored[:, 1]


def test_empty_frame():
    empty = make_frame(())
    assert cluster_stories(empty).empty and summarise_stories(empty, cluster_stories(empty)).empty


def test_unknown_setting_is_refused():
    with pytest.raises(TypeError, match="threshhold"):
        cluster_stories(make_frame(BRIDGE), threshhold=0.3)


def seed_frame() -> pd.DataFrame:
    """The two seed articles as stored articles: via the ingest parser when present, else read as plain text."""
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    try:
        from lib.ingest import parse_paths
        from lib.models import ARTICLE_COLUMNS, to_frame

        articles = [a for r in parse_paths(paths) for a in r.articles]
    except ImportError:  # the ingest package is still being written: read the seeds as plain text
        articles = []
    if len(articles) == 2:
        frame = to_frame(articles, ARTICLE_COLUMNS)
        frame["published"] = pd.to_datetime(frame["published"], errors="coerce")
        return frame
    rows = [("TASS", "2020-09-25", None, (SEEDS / "000_6c2b300fd0bd74a3.txt").read_text(encoding="utf-8")),
            ("UrduPoint News", "2020-09-30", None, (SEEDS / "004_782949620f890c67.txt").read_text(encoding="utf-8"))]
    return make_frame(rows)


def test_seeds_are_one_story_with_both_outlets():
    frame = seed_frame()
    stories = summarise_stories(frame, cluster_stories(frame))
    assert len(stories) == 1
    assert len(stories.loc[0, "outlets"]) == 2 and stories.loc[0, "independent_sources"] == 2


def test_cli_prints_stories(tmp_path, capsys):
    from lib.cli import stories as cli
    from lib.models import Article, make_article_id
    from lib.store import connect, store_file

    db = tmp_path / "corpus.duckdb"
    con = connect(db)
    for i, (outlet, day, title, text) in enumerate(BRIDGE + QUAKES[2:3]):
        store_file(con, f"file{i}", [Article(id=make_article_id(text, outlet), text=text, outlet=outlet,
                                             published=dt.date.fromisoformat(day), title=title)])
    con.close()
    parser = argparse.ArgumentParser()
    cli.configure(parser)
    assert cli.run(parser.parse_args(["--db", str(db), "--format", "jsonl"])) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    bridge = next(r for r in lines if len(r["article_ids"]) == 3)
    assert len(lines) == 2 and bridge["first"].startswith("2018-08-14") and bridge["independent_sources"] == 3
    assert cli.run(parser.parse_args(["--db", str(db)])) == 0
    assert "Genoa" in capsys.readouterr().out
    assert cli.run(parser.parse_args(["--db", str(tmp_path / "missing.duckdb")])) == 2
    assert "missing.duckdb" in capsys.readouterr().err


@pytest.mark.parametrize("dataset, minimum", [("ecbplus", 0.975), ("allsides", 0.95)])
def test_gold_sets_bcubed_f1(shared_data, dataset, minimum):
    """One configuration on both dev sets; measured 0.9782 (ECB+) and 0.9522 (AllSides), the issue's target is 0.95.

    The floor sits just under what we measure, above the 0.92 the unseen sets must reach, so a change that
    costs quality fails here. ECB+'s two sub-topics of a topic must also never end up as one story.
    """
    from bench.stories_eval import allsides_frame, bcubed, ecbplus_frame

    from bench.stories_eval import merged_subtopics

    frame = ecbplus_frame() if dataset == "ecbplus" else allsides_frame()
    predicted = cluster_stories(frame)["story_id"]
    _, _, f1 = bcubed(frame["gold"], predicted)
    assert f1 >= minimum
    if dataset == "ecbplus":
        assert merged_subtopics(frame, predicted) == 0


@pytest.mark.parametrize("max_block, largest", [(3000, 3), (2, 2)])
def test_oversized_components_are_split_to_fit(max_block, largest):
    """A component above max_block is split (bounded memory); stories never exceed the block size."""
    assignment = cluster_stories(make_frame(BRIDGE + QUAKES), max_block=max_block)
    assert assignment["story_id"].value_counts().max() == largest


@pytest.mark.embedding
def test_sentence_embeddings_for_the_story_evaluation(embedding_extra):
    """The embedding rows bench/stories_eval.py compares: one unit-length row per text, two reports of one event
    closer than a report of another event in the same city."""
    from lib.analyse.similarity import sentence_embeddings

    rows = sentence_embeddings([x for _, x in KABUL[:3]])
    assert rows.shape[0] == 3 and np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    assert rows[0] @ rows[1] > rows[0] @ rows[2]


def test_pair_signals_of_the_story_evaluation():
    """bench/stories_eval.py's pair signals on texts written here: two reports of one vote share a quote, a passage, a
    weekday and the tally; a report of another vote names another weekday and another tally."""
    from bench.stories_eval import pair_signals

    quote = '"This bill sends a message that hate has no place in our country," the senator said after the vote.'
    frame = make_frame([
        ("Daily A", None, "Senate passes hate crimes bill", "The Senate on Tuesday passed the hate crimes bill by "
         "94 votes to 1. " + quote),
        ("Daily B", None, "Hate crimes bill clears the Senate", "Senators on Tuesday approved the measure with 94 votes "
         "in favour. " + quote),
        ("Daily C", None, "House sends measure to the president", "The House on Thursday passed the bill with 364 votes, "
         "sending it to the president.")], dated=False)
    signals = pair_signals(frame)
    for name in ("quote shared", "5-word passage shared"):
        assert signals[name][0, 1] and not signals[name][0, 2] and not signals[name][1, 2]
    assert signals["weekdays disagree"][0, 2] and signals["weekdays disagree"][1, 2]
    assert not signals["weekdays disagree"][0, 1]
    assert signals["numbers conflict"][1, 2] and not signals["numbers conflict"][0, 1]
    assert signals["titles alike (cosine >= 0.25)"][0, 1] and not signals["titles alike (cosine >= 0.25)"][0, 2]


def test_numbers_conflict():
    """Numbers with one unit word and no value in common conflict; a number in common, or no common unit, does not."""
    from bench.stories_eval import numbers_by_unit, numbers_conflict

    july = numbers_by_unit("The economy added 943,000 jobs in July as the jobless rate fell to 5.4%.")
    august = numbers_by_unit("Employers added 235,000 jobs in August, down from 943,000 jobs in July.")
    forecast = numbers_by_unit("Economists expected 720,000 jobs and a 5.2% jobless rate.")
    assert dict(august) == {"": {"235000", "943000"}, "jobs": {"235000", "943000"}}
    assert numbers_conflict(july, forecast) and numbers_conflict(august, forecast)
    assert not numbers_conflict(july, august)  # 943,000 in both
    assert not numbers_conflict(july, numbers_by_unit("Rents rose 12 dollars; 300 tenants protested."))


GERMAN = [  # four reports of one day on four events, and a second report of the first event
    "Die Schauspielerin ist am Samstag im Alter von 92 Jahren in Wien gestorben. Sie war eine der bekanntesten "
    "Figuren der Wiener Gesellschaft und hat sich für die Kultur der Stadt eingesetzt, die sie nie verlassen hat.",
    "Beim Flugplatzfest in Dessau war das alte Flugzeug der Hingucker. Die Mechaniker haben es in vier Jahren wieder "
    "aufgebaut, und es ist nun kurz vor der Zulassung, wie der Verein mitteilte, der es sich für den Sommer wünscht.",
    "Die Stadt verklagt die Baufirma wegen schlechter Pflastersteine. Die Steine auf dem Marktplatz sind nach zwei "
    "Wintern gebrochen, und die Stadt will das Geld für die Sanierung von der Firma zurück, die nicht zahlen will.",
    "Der Wochenrückblick des Kolumnisten handelt von der Hochzeit im Königshaus, von der Krone und von den Gästen, "
    "die aus ganz Europa angereist sind und die nach der Feier noch lange auf dem Schloss geblieben sind.",
    "Die Wiener Schauspielerin ist am Samstag mit 92 Jahren gestorben. Die Figur der Wiener Gesellschaft hat sich "
    "ihr Leben lang für die Kultur der Stadt eingesetzt.",
]


def test_german_reports_of_one_day_share_no_story_on_function_words():
    """Four German reports of one day on four events shared a story on "der", "die", "und" (English stop words
    only); with the stop words of their stated language each event keeps its own, and the two reports of one
    death still share theirs."""
    frame = pd.DataFrame({"id": [f"g{i}" for i in range(5)], "text": GERMAN,
                          "outlet": [f"Zeitung {i}" for i in range(5)], "published": pd.Timestamp("2019-10-19"),
                          "title": None, "language": "de"})
    story = dict(zip(*cluster_stories(frame)[["article_id", "story_id"]].to_numpy().T))
    assert len({story[f"g{i}"] for i in range(4)}) == 4
    assert story["g0"] == story["g4"]
