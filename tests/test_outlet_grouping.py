"""Comparing outlets by what they are (issue 17): with an outlets file stored, every comparison can group outlets by
any described attribute (timelines, framing columns naming each group's outlets, the shared-quote heatmap, voices and
distinctive terms), filter by its values, and keep both in the URL."""
import base64
import urllib.parse

import numpy as np
import pandas as pd
import pytest

from lib import store
from lib.analyse.framing import frame_story
from lib.analyse.groups import UNDESCRIBED, regroup
from lib.ingest.outlets import read_outlets
from tests.conftest import open_page
from tests.test_pages import corpus, metric, share_link, story_text, texts

OUTLETS = (b"outlet,aliases,type,country\n"
           b"Outlet A,,state-affiliated,XY\n"
           b"Outlet B,,state-affiliated,XY\n"
           b"Outlet C,,private,NZ\n"
           b"Outlet D,,private,\n")
SHARED = '"The harbour must stay open to every ship," said Mayor Ann Lee. '


@pytest.fixture
def described(tmp_path, monkeypatch):
    """Story "wide" carried by outlets A-D (A and B state-affiliated, C and D private) and E (not described), with an
    outlets file stored in the corpus. Read-only, prepared."""
    rows = [{"id": f"wide-{o.lower()}", "outlet": f"Outlet {o}", "published": f"2021-03-0{i + 1}",
             "title": f"Harbour vote {o}", "story": "wide", "text": story_text(i, o, SHARED)}
            for i, o in enumerate("ABCDE")]
    db = corpus(tmp_path, rows)
    con = store.connect(str(db))
    store.store_outlets(con, read_outlets(OUTLETS, "outlets.csv")[0])
    con.close()
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(db), "--read-only"])
    return db


def _names(trace) -> list:
    """A trace's category values, decoded when plotly stored them as base64 arrays."""
    value = trace.get("y")
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value or [])


def test_regroup_names_groups_and_keeps_who_published_in_the_title():
    frame = pd.DataFrame({"outlet": ["Outlet A", "Outlet E", None], "title": ["Vote", None, "Loose"]})
    grouped = regroup(frame, {"Outlet A": "state"}, named_in="title")
    assert grouped["outlet"].tolist() == ["state", UNDESCRIBED, UNDESCRIBED]
    assert grouped["title"].tolist() == ["Outlet A: Vote", "Outlet E", "(unknown outlet): Loose"]
    assert regroup(frame, None) is frame


def test_framing_by_group_aligns_outlet_by_outlet_and_names_each_cells_outlet():
    articles = pd.DataFrame({"id": list("abc"), "outlet": ["Outlet A", "Outlet B", "Outlet C"],
                             "published": ["2021-03-01", "2021-03-02", "2021-03-03"], "dateline": None,
                             "text": [story_text(i, o, SHARED) for i, o in enumerate("ABC")]})
    sides = {"Outlet A": "state", "Outlet B": "state", "Outlet C": "private"}
    plain, grouped = frame_story(articles, pd.DataFrame()), frame_story(articles, pd.DataFrame(), sides=sides)
    assert set(grouped.cells["outlet"]) == {"state", "private"}
    assert set(grouped.cells["member"]) == {"Outlet A", "Outlet B", "Outlet C"}
    assert (plain.cells["member"] == plain.cells["outlet"]).all()
    # the same points: grouping changes what is compared, not how the units were aligned
    def units_of(framing):
        return sorted(sorted(zip(c["article_id"], c["start"])) for _, c in framing.cells.groupby("point_id"))

    assert units_of(plain) == units_of(grouped)
    shared = grouped.points[grouped.points["label"].str.contains("harbour must stay open")]
    assert shared["outlets"].iloc[0] == ["state", "private"] and shared["n_outlets"].iloc[0] == 2
    assert set(grouped.terms["outlet"]) <= {"state", "private"}
    assert set(grouped.leads["member"]) == {"Outlet A", "Outlet B", "Outlet C"}


def test_story_page_compares_groups_and_names_their_outlets(described):
    at = open_page("story", {"story": "wide", "by": "type", "section": "Side-by-side framing"})
    matrix = next(e.proto.body for e in at.get("html") if "cc-matrix" in e.proto.body)
    head = matrix.split("</thead>")[0]
    assert "state-affiliated" in head and "private" in head and UNDESCRIBED in head and "Outlet A" not in head
    assert "<b>Outlet A</b>" in matrix and "<b>Outlet C</b>" in matrix  # each rendering names its outlet
    assert metric(at, "Outlets") == "5"  # the outlet count stays a count of outlets
    view = at.session_state["view"]
    coverage = view.figure("coverage", ids=view.articles["id"].tolist()).to_dict()
    assert {n for t in coverage["data"] for n in _names(t)} <= {"state-affiliated", "private", UNDESCRIBED}
    terms = view.figure("terms", ids=view.articles["id"].tolist()).to_dict()
    assert "Outlet A" not in str(terms["layout"]) and "state-affiliated" in str(terms["layout"])
    assert "by=type" in share_link(at)


def test_filtering_by_group_values_narrows_every_count_and_is_in_the_url(described):
    at = open_page("overview", {"by": "type", "by_value": ["state-affiliated"], "section": "Articles over time"})
    assert metric(at, "Articles") == "2" and metric(at, "Outlets") == "2"
    link = urllib.parse.urlparse(share_link(at))
    assert urllib.parse.parse_qs(link.query)["by_value"] == ["state-affiliated"]
    daily = at.session_state["view"].figure("daily").to_dict()
    assert {t["name"] for t in daily["data"]} == {"state-affiliated"}
    assert any("hover names each article's outlet" in c.value for c in at.caption)


def test_heatmap_compares_groups(described):
    at = open_page("quotes", {"by": "country"})
    matrix = at.session_state["view"].figure("shared").to_dict()
    shown = str(matrix["data"][0].get("x")) + str(matrix["data"][0].get("y"))
    assert "XY" in shown and "NZ" in shown and "Outlet A" not in shown
    assert matrix["layout"]["title"]["text"] == "Quotes shared between country groups"  # says what it compares


def test_a_link_to_an_attribute_or_group_the_file_lacks_says_so(described):
    at = open_page("overview", {"by": "ownership"})
    assert "asks for the outlet attribute “ownership”, which is not in this corpus" in texts(at)
    at = open_page("overview", {"by": "type", "by_value": "wire service"})
    assert "asks for the outlet group “wire service”" in texts(at)


def test_without_an_outlets_file_there_is_no_grouping_control(tmp_path, monkeypatch):
    rows = [{"outlet": "Outlet A", "published": "2021-03-01", "title": "T", "text": story_text(1, "A")}]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    at = open_page("overview")
    assert not [s for s in at.selectbox if s.label == "Compare outlets by"]
