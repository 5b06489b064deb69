"""The dashboard in Streamlit's AppTest on real corpora (seeds, hand-made folders): every page loads, the URL
filters change what is shown, the Story page aligns proposals and omissions, nothing reaches the page as raw
HTML, uploads are stored or refused, the optional password gate works; plus the pure corpus helpers."""
import datetime as dt
import json
import re
import time
import urllib.parse
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app.exports import EXPORT_TABLES, table_bytes
from app.markup import ENTER_APPLIES_DATES_JS, plain_markdown
from app.sidebar import filters_summary
from app.source import ENV_CORPUS, corpus_version, ingest_uploads, parse_source
from app.tables import STORY_LABEL_CHARS, filter_articles, keep_shared, unique_labels
from lib import store
from lib.analyse.reuse import copied_pairs
from lib.analyse.stored import (ANALYSES, compute_analysis, corpus_key, corpus_quotes, prepare_analyses, read_analysis,
                                stored_key, write_analysis)
from lib.domain.outlets import outlet_label, outlet_labels
from lib.ingest import DEFAULT_MAX_BYTES
from lib.pipeline import ingest_paths
from tests.conftest import PAGES, ROOT, SEEDS, open_page, write_jsonl

EVIL_TITLE = "<script>alert('title')</script>"
EVIL_BODY = 'It said <img src=x onerror="alert(1)"> and <script>alert(2)</script> in the body.'


def html_text(at: AppTest) -> str:
    """Everything drawn with st.html on the page (but the app's own constant script, which carries no data)."""
    return "\n".join(e.proto.body for e in at.get("html") if e.proto.body != ENTER_APPLIES_DATES_JS)


def all_text(at: AppTest) -> str:
    """Markdown, titles, captions and html of the page."""
    parts = [e.value for kind in ("markdown", "title", "header", "subheader", "caption", "info", "error", "success")
             for e in getattr(at, kind)]
    return "\n".join(map(str, parts)) + "\n" + html_text(at)


def frame_of(at: AppTest, i: int = 0) -> pd.DataFrame:
    """The i-th st.dataframe of the page."""
    return at.dataframe[i].value


def metric(at: AppTest, label: str) -> str:
    """A metric's value by label."""
    return next(m.value for m in at.metric if m.label == label)


@pytest.fixture(autouse=True)
def dashboard_argv(monkeypatch):
    """The dashboard reads its corpus from sys.argv (streamlit run dashboard.py -- ...): not pytest's arguments."""
    monkeypatch.setattr("sys.argv", ["dashboard.py"])
    monkeypatch.delenv(ENV_CORPUS, raising=False)


@pytest.fixture
def folder_corpus(tmp_path, monkeypatch):
    """Point the dashboard at a folder of input files (its DuckDB cache under a temporary data folder)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "articles"
    folder.mkdir()
    monkeypatch.setenv(ENV_CORPUS, str(folder))
    return folder


def seed_story_jsonl(folder: Path) -> None:
    """The two seed texts as one hand-assigned story in a JSONL export (so framing does not depend on clustering)."""
    rows = [{"outlet": "TASS", "published": "2020-09-25", "title": "Putin proposes cyber cooperation",
             "story": "cyber", "text": (SEEDS / "000_6c2b300fd0bd74a3.txt").read_text(encoding="utf-8")},
            {"outlet": "UrduPoint News", "via": "Sputnik", "published": "2020-09-30", "title": "UN welcomes efforts",
             "story": "cyber", "text": (SEEDS / "004_782949620f890c67.txt").read_text(encoding="utf-8")}]
    write_jsonl(folder / "cyber.jsonl", rows)


# ---------------------------------------------------------------- every page on the seeds
# (page, its sections: the tabs of which only the open one is drawn, named in the URL as ``section``)
SECTIONS = [("overview", [None, "Story table", "Articles over time"]),
            ("story", [None, "Side-by-side framing", "Voices", "Distinctive terms"]),
            ("quotes", [None, "Speakers by outlet", "Shared quotes", "Quote lineage", "Passage reuse", "Article pair"]),
            ("articles", [None]), ("data", [None])]
PAGE_SECTIONS = [(page, section) for page, sections in SECTIONS for section in sections]


def section_query(section: str | None) -> dict:
    """The URL parameters that open a page's section (none for its first section)."""
    return {"section": section} if section else {}


@pytest.mark.parametrize("page, section, expected", [
    ("overview", None, "Pick a story under Filters"),
    ("overview", "Story table", "Pick a story under Filters"),
    ("overview", "Articles over time", "Pick a story under Filters"),  # not drawn: only the open section is
    ("story", None, "No story chosen under Filters"),
    ("story", "Side-by-side framing", "Omissions"),
    ("story", "Voices", None),
    ("story", "Distinctive terms", None),
    ("quotes", None, "quote(s)"),
    ("quotes", "Speakers by outlet", "quote(s)"),
    ("quotes", "Shared quotes", "share no quote, word for word or altered"),
    ("quotes", "Quote lineage", "share no quote, word for word or altered"),
    ("quotes", "Passage reuse", "share no verbatim passage"),
    ("quotes", "Article pair", "share no verbatim passage"),
    ("articles", None, "Vladimir Putin"),
    ("data", None, "Ingest report"),
])
def test_page_loads_on_the_seeds(page, section, expected):
    at = open_page(page, section_query(section))
    text = all_text(at) + "".join(str(d.value.to_dict()) for d in at.dataframe)
    if section == "Articles over time":
        assert expected not in text and len(at.get("plotly_chart")) == 1
    elif section == "Story table":  # the table, and no chart: the Stories section draws it
        assert expected in text and len(at.dataframe) == 1 and not at.get("plotly_chart")
    elif page == "quotes" and section in (None, "Speakers by outlet"):  # the table and the chart are two sections
        assert expected in text and len(at.dataframe) == (section is None) and \
            len(at.get("plotly_chart")) == (section is not None)
    elif expected:
        assert expected in text
    if page == "story" and section in ("Voices", "Distinctive terms"):  # each chart is a section of its own
        assert {c.proto.id.rsplit("-", 1)[-1] for c in at.get("plotly_chart")} == \
            {"Voices": {"voices"}, "Distinctive terms": {"terms"}}[section]


def test_overview_counts_and_charts_on_the_seeds():
    at = open_page("overview")
    assert metric(at, "Articles") == "2" and metric(at, "Outlets") == "2"
    assert len(at.get("plotly_chart")) == 1 and not at.dataframe  # the stories; the table, the daily chart: elsewhere
    stories = frame_of(open_page("overview", section_query("Story table")))
    assert stories["Articles"].sum() == 2


def test_articles_page_highlights_quotes_speakers_and_dates():
    at = open_page("articles", {"outlet": "TASS"})
    body = html_text(at)
    assert 'class="q-direct"' in body and 'class="q-speaker"' in body and 'class="q-date"' in body
    assert "Special responsibility for its prevention" in body


def test_data_page_offers_every_table_in_both_formats():
    at = open_page("data")
    assert len(at.get("download_button")) == 2 * len(EXPORT_TABLES)
    report = frame_of(at)
    assert set(report["status"]) <= {"ok", "partial", "rejected", "empty"} and len(report) >= 2


# ---------------------------------------------------------------- filters from the URL change what is shown
@pytest.mark.parametrize("query, outlets", [
    ({}, {"TASS", "UrduPoint News"}),
    ({"outlet": "TASS"}, {"TASS"}),
    ({"outlet": ["UrduPoint News"]}, {"UrduPoint News"}),
    ({"dates": ["2020-09-30", "2020-09-30"]}, {"UrduPoint News"}),
    ({"speaker": "Izumi Nakamitsu"}, {"UrduPoint News"}),
])
def test_url_filters_narrow_the_articles(query, outlets):
    at = open_page("articles", query)
    options = at.selectbox(key="article").options
    assert {o.split(" · ")[0] for o in options} == outlets


@pytest.mark.parametrize("query, articles", [({}, "2"), ({"outlet": "TASS"}, "1"),
                                             ({"dates": ["2020-09-20", "2020-09-26"]}, "1")])
def test_url_filters_change_the_overview(query, articles):
    at = open_page("overview", query)
    assert metric(at, "Articles") == articles


def test_url_outlet_filter_changes_the_quotes_table():
    at = open_page("quotes", {"outlet": "UrduPoint News"})
    assert set(frame_of(at)["Outlet"]) == {"UrduPoint News"}
    at = open_page("quotes", {"q": "special responsibility"})
    table = frame_of(at)
    assert len(table) == 1 and table["Speaker"].iloc[0] == "Vladimir Putin"


def test_quotes_count_under_a_speaker_filter_says_what_it_counts():
    """The speaker filter picks the articles that quote the speaker: the count says it holds others' quotes too."""
    at = open_page("quotes", {"speaker": "Vladimir Putin"})
    caption = next(c.value for c in at.caption if "quote(s)" in c.value)
    assert "article(s) quoting Vladimir Putin" in caption and "of them theirs" in caption


def test_story_filter_from_the_url_picks_the_story():
    at = open_page("overview")
    story_box = at.selectbox(key="story")
    assert story_box.value is None and len(story_box.options) >= 1
    name = story_box.options[-1]
    story_id = next(s for s in at.session_state["view"].story_names if at.session_state["view"].story_names[s] == name)
    at = open_page("story", {"story": story_id})  # links name a story by its id
    assert at.selectbox(key="story").value == story_id
    assert name.split("<")[0][:30] in at.title[0].value.replace("\\", "")


@pytest.mark.parametrize("query, line", [
    ({}, "No filter: every article of the corpus."),
    ({"outlet": ["UrduPoint News", "TASS"]}, "Only outlets UrduPoint News, TASS."),
    ({"dates": ["2020-09-20", "2020-09-26"]}, "Only published 2020-09-20 to 2020-09-26."),
    # a link's one day (its two equal dates reach the widget as one): that day, not that day to the corpus's last
    ({"dates": ["2020-09-25", "2020-09-25"]}, "Only published 2020-09-25 to 2020-09-25."),
    ({"outlet": "TASS", "speaker": "Vladimir Putin"}, "Only outlets TASS; quoting Vladimir Putin."),
])
def test_the_line_under_the_filters_says_which_are_set(query, line):
    """The filters sit in a closed popover: the line under it is what tells a reader the page is filtered."""
    at = open_page("overview", query)
    assert plain_markdown(line) in [c.value for c in at.sidebar.caption]


@pytest.mark.parametrize("changes, line", [
    ({}, "No filter: every article of the corpus."),
    ({"outlets": ["A", "B", "C", "D", "E"]}, "Only outlets A, B, C and 2 more."),
    ({"by": "lean", "by_value": ["left", "centre"]}, "Only lean left, centre."),
    ({"story": "s-1"}, "Only story “Strike *ends*”."),
    ({"story": "s-gone"}, "Only story “s-gone”."),
    # a date range holds no undated article: a corpus with some says they are left out
    ({"start": dt.date(2021, 5, 1), "end": dt.date(2021, 5, 31), "undated": True},
     "Only published 2021-05-01 to 2021-05-31 (undated articles left out)."),
    ({"undated": True}, "No filter: every article of the corpus."),
])
def test_filters_summary(changes, line):
    filters = {"outlets": [], "by": None, "by_value": [], "start": None, "end": None, "story": None,
               "speaker": None, "undated": False, **changes}
    assert filters_summary(filters, {"s-1": "Strike *ends*"}) == plain_markdown(line)


def test_share_link_carries_the_filters():
    at = open_page("articles", {"outlet": "TASS", "speaker": "Vladimir Putin"})
    link = next(c.value for c in at.code)
    assert "outlet=TASS" in link and "speaker=Vladimir%20Putin" in link


# ---------------------------------------------------------------- the framing issue's acceptance on the seed texts
def test_story_page_lists_aligned_proposals_and_omissions(folder_corpus):
    seed_story_jsonl(folder_corpus)
    at = open_page("story", section_query("Side-by-side framing"))
    matrix = html_text(at)
    assert "cc-matrix" in matrix and ">TASS</th>" in matrix and ">UrduPoint News</th>" in matrix
    assert matrix.count("cc-badge proposal") >= 3
    assert "omitted: not reported by this outlet" in matrix
    omissions = next(d.value for d in at.dataframe if "Left out" in d.value.columns)
    assert set(omissions["Outlet"]) == {"TASS", "UrduPoint News"} and (omissions["Kind"] == "proposal").any()
    assert not at.get("plotly_chart")  # the timeline and voices are other sections: not drawn


def test_story_page_outlet_filter_drops_the_other_column(folder_corpus):
    seed_story_jsonl(folder_corpus)
    at = open_page("story", {"outlet": "TASS", **section_query("Side-by-side framing")})
    matrix = html_text(at)
    assert ">TASS</th>" in matrix and ">UrduPoint News</th>" not in matrix
    assert "framing compares two or more outlets" in all_text(at)


@pytest.mark.parametrize("page, section", PAGE_SECTIONS)
def test_every_section_draws_when_no_filtered_article_is_dated(folder_corpus, page, section):
    rows = [{"outlet": outlet, "title": f"{outlet} on the vote", "published": published, "text": f"{outlet} reported "
             f"the vote. \"We won the vote today,\" said the mayor, Ann Lee."}
            for outlet, published in (("Harlan Post", None), ("Ostwick Times", None), ("Dated Daily", "2021-03-04"))]
    write_jsonl(folder_corpus / "votes.jsonl", rows)
    at = open_page(page, {"outlet": "Harlan Post", **section_query(section)})
    assert not [w.value for w in at.warning if "could not be drawn" in w.value]


def test_story_timeline_says_which_articles_it_cannot_place(folder_corpus):
    rows = [{"outlet": outlet, "title": f"{outlet} on the vote", "published": published, "story": "vote",
             "text": f"{outlet} reported the vote."}
            for outlet, published in (("Harlan Post", None), ("Ostwick Times", "2021-03-05"), ("Dated Daily", "2021-03-04"))]
    write_jsonl(folder_corpus / "votes.jsonl", rows)
    captions = [c.value for c in open_page("story", {"story": "vote"}).caption]
    assert any("1 undated article(s) of this story, from 1 outlet(s) (Harlan Post)" in c for c in captions)


def test_article_pair_gives_each_side_its_own_date_when_the_order_is_unknown(folder_corpus):
    passage = ("The council voted on Tuesday to close the old harbour bridge for two years while engineers replace "
               "its rusted steel frame, a decision that angered shop owners on both banks of the river. ")
    rows = [{"outlet": "Harlan Post", "published": "2021-03-04", "title": "Bridge to close",
             "text": passage + "Traffic will be sent through the northern ring road."},
            {"outlet": "Ostwick Times", "published": None, "title": "Harbour bridge shut",
             "text": "In other news, " + passage + "The ferry will run every twenty minutes."}]
    write_jsonl(folder_corpus / "bridge.jsonl", rows)
    text = all_text(open_page("quotes", section_query("Article pair")))
    assert "2021-03-04 (order unknown)" in text and "Undated (order unknown)" in text


# ---------------------------------------------------------------- safety
@pytest.mark.parametrize("page, section", PAGE_SECTIONS)
def test_markup_in_articles_is_shown_as_text(folder_corpus, page, section):
    (folder_corpus / "evil.txt").write_text(f"Title: {EVIL_TITLE}\nOutlet: Evil <b>Outlet</b>\nDate: 2021-03-04\n\n"
                                            f"{EVIL_BODY}\n\n\"We will not be scripted,\" the minister said.\n",
                                            encoding="utf-8")
    (folder_corpus / "<img src=x onerror=alert(3)>.txt").write_text("Plain text.\n", encoding="utf-8")
    at = open_page(page, section_query(section))
    rendered = all_text(at)
    # Markdown shows backslash-escaped "\\<script\\>" literally; HTML must carry "&lt;script&gt;".
    assert not re.search(r"(?<!\\)<(script|img|b>Outlet)", rendered), rendered
    if page == "articles":
        assert "&lt;script&gt;" in rendered and "onerror=&quot;alert(1)&quot;" in rendered


def test_upload_is_stored_and_oversize_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv(ENV_CORPUS, str(tmp_path / "empty.duckdb"))
    at = open_page("data")
    assert "0 articles" in all_text(at)
    text = "WASHINGTON (Reuters) - The senator said on Monday that \"the bill will pass this week,\" officials said.\n"
    at.file_uploader[0].set_value([("wire.txt", text.encode(), "text/plain"),
                                   ("huge.txt", b"x" * (DEFAULT_MAX_BYTES + 1), "text/plain")])
    at.button[0].click().run()
    assert not at.exception
    assert any("Stored 1 new article" in s.value for s in at.success)
    assert any("huge.txt" in e.value.replace("\\", "") and "upload limit" in e.value for e in at.error)
    at.switch_page(PAGES["overview"]).run()
    assert metric(at, "Articles") == "1"


def test_read_only_corpus_turns_uploads_off(tmp_path, monkeypatch):
    path = tmp_path / "ro.duckdb"
    store.connect(str(path)).close()
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(path), "--read-only"])
    at = open_page("data")
    assert "read-only" in all_text(at) and not at.file_uploader


@pytest.mark.parametrize("typed, opens", [(None, False), ("wrong", False), ("open sesame", True)])
def test_password_gate(typed, opens):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.secrets["password"] = "open sesame"
    at.run()
    assert not at.metric and at.text_input[0].label == "Password"
    if typed:
        at.text_input[0].set_value(typed).run()
    assert bool(at.metric) is opens
    assert (typed == "wrong") is any("Wrong password" in e.value for e in at.error)


# ---------------------------------------------------------------- the corpus helpers
@pytest.mark.parametrize("argv, env, kind, read_only", [
    ([], {}, "seeds", False),
    (["--db", "/tmp/x.duckdb"], {}, "db", False),
    (["--db", "/tmp/x.duckdb", "--read-only"], {}, "db", True),
    ([str(SEEDS)], {}, "folder", False),
    ([], {ENV_CORPUS: str(SEEDS)}, "folder", False),
    (["--read-only", str(SEEDS)], {}, "folder", True),
    (["--db", "/tmp/x.duckdb"], {ENV_CORPUS: str(SEEDS)}, "db", False),  # the argument wins over the env
])
def test_parse_source(argv, env, kind, read_only):
    source = parse_source(argv, env)
    assert (source.kind, source.read_only) == (kind, read_only)


ARTICLES = pd.DataFrame({"id": ["a", "b", "c", "d"], "outlet": ["TASS", "Reuters", None, "TASS"],
                         "published": pd.to_datetime(["2020-09-25 00:00", "2020-09-30 18:00", "2020-10-02 00:00", None])})


@pytest.mark.parametrize("outlets, start, end, ids, expected", [
    ((), None, None, None, ["a", "b", "c", "d"]),
    (["TASS"], None, None, None, ["a", "d"]),
    (["(unknown outlet)"], None, None, None, ["c"]),
    ((), dt.date(2020, 9, 30), dt.date(2020, 9, 30), None, ["b"]),  # the whole end day counts
    ((), dt.date(2020, 9, 26), None, None, ["b", "c"]),  # a date filter drops undated articles
    (["TASS"], None, None, ["d"], ["d"]),
    (["Nobody"], None, None, None, []),
])
def test_filter_articles(outlets, start, end, ids, expected):
    assert list(filter_articles(ARTICLES, outlets, start, end, ids)["id"]) == expected


def test_unique_labels_disambiguate_collisions():
    labels = unique_labels(["x1", "x2", "x3"], ["Same", "Same", None])
    assert len(set(labels.values())) == 3 and labels["x3"] == "x3"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_bytes_round_trip_with_list_cells(fmt, tmp_path):
    frame = pd.DataFrame({"id": ["a"], "paragraphs": [[[0, 5], [7, 9]]], "n": [3]})
    data = table_bytes(frame, fmt)
    path = tmp_path / f"t.{fmt}"
    path.write_bytes(data)
    back = pd.read_csv(path) if fmt == "csv" else pd.read_parquet(path)
    assert json.loads(back["paragraphs"].iloc[0]) == [[0, 5], [7, 9]] and int(back["n"].iloc[0]) == 3


def test_table_bytes_rejects_unknown_format():
    with pytest.raises(ValueError):
        table_bytes(pd.DataFrame({"a": [1]}), "xlsx")


WIRE = b"MOSCOW, March 3. /TASS/. The minister said the talks went well."


def test_ingest_uploads_stores_refuses_and_is_idempotent(tmp_path):
    con = store.connect(":memory:")
    report = ingest_uploads(con, [("a.txt", WIRE), ("big.txt", b"x" * 101)], tmp_path / "up", max_bytes=100)
    assert list(report["file"]) == ["big.txt", "a.txt"]
    assert report["status"].iloc[0] == "rejected" and "upload limit" in report["reason"].iloc[0]
    assert report["added"].iloc[1] == 1 and len(store.load_articles(con)) == 1
    again = ingest_uploads(con, [("a.txt", WIRE)], tmp_path / "up")
    assert again["added"].iloc[0] == 0 and len(store.load_articles(con)) == 1
    assert {"big.txt", "a.txt"} <= set(store.load_report(con)["path"].map(lambda p: Path(p).name))


def test_corpus_version_changes_with_the_corpus(tmp_path):
    con = store.connect(":memory:")
    before = corpus_version(con)
    ingest_uploads(con, [("a.txt", WIRE)], tmp_path / "up")
    assert corpus_version(con) != before


RENDERINGS = pd.DataFrame({
    "group_id": [1, 1, 1, 2, 2], "article_id": ["a", "b", "c", "a", "d"],
    "published": pd.to_datetime(["2020-01-01 00:00", "2020-01-02 00:00", "2020-01-03 00:00", "2020-01-01 00:00",
                                 "2020-01-05 00:00"]),
    "start": [0, 0, 0, 9, 9], "role": ["earliest", "later", "later", "earliest", "later"]})


@pytest.mark.parametrize("ids, groups, earliest", [
    ({"a", "b", "c", "d"}, {1, 2}, {"a"}),
    ({"b", "c"}, {1}, {"b"}),  # the corpus-wide earliest is filtered out: the next carrier starts the group
    ({"a", "b"}, {1}, {"a"}),
    ({"a"}, set(), set()),  # one article alone shares nothing
    ({"c", "d"}, set(), set()),
])
def test_keep_shared(ids, groups, earliest):
    kept = keep_shared(RENDERINGS, ids)
    assert set(kept["group_id"]) == groups
    assert set(kept.loc[kept["role"] == "earliest", "article_id"]) == earliest
    assert (kept.groupby("group_id")["role"].apply(lambda r: (r == "earliest").sum()) == 1).all()


def test_story_page_on_the_seeds_aligns_both_outlets():
    at = open_page("story", section_query("Side-by-side framing"))
    matrix = html_text(at)
    assert ">TASS</th>" in matrix and ">UrduPoint News</th>" in matrix
    assert matrix.count("cc-badge proposal") >= 3 and "omitted: not reported by this outlet" in matrix


# ---------------------------------------------------------------- a corpus past the caps: pages say what they leave out
N_WIDE = 230  # articles, each its own hand-assigned story, from 25 outlets, 5 quotes each


@pytest.fixture(scope="module")
def wide_corpus(tmp_path_factory):
    """A prepared corpus with more stories, outlets and quotes than the pages draw (one shared quote everywhere)."""
    folder = tmp_path_factory.mktemp("wide")
    rows = [{"outlet": f"Outlet {i % 25:02d}", "published": f"2021-03-{i % 28 + 1:02d}", "title": f"Council {i} meets",
             "story": f"story-{i:03d}",
             "text": f"Council {i} met in town {i} on day {i % 28 + 1} of the month. "
                     f'"We will act now on this matter," said Jane Roe. "Plan {i} is ready for review {i}," said John '
                     f'Doe. "Costs in district {i} will rise," said Mary Major. "Road {i} opens in spring," said Richard '
                     f'Miles. "Vote {i} comes soon," said Ann Lee.'} for i in range(N_WIDE)]
    return prepared_corpus(folder, rows)


def prepared_corpus(folder: Path, rows: list[dict]) -> Path:
    """A DuckDB corpus in ``folder`` ingested from ``rows`` (JSONL records), its analyses prepared."""
    write_jsonl(folder / "rows.jsonl", rows)
    db = folder / "corpus.duckdb"
    con = store.connect(str(db))
    ingest_paths(con, [str(folder / "rows.jsonl")])
    prepare_analyses(con)
    con.close()
    return db


def story_labels(db: Path) -> list[str]:
    """Every story's label as the sidebar shows it, largest story first (the picker's order)."""
    con = store.connect(str(db), read_only=True)
    stories = read_analysis(con, "stories", corpus_key(con))
    con.close()
    names = unique_labels(list(stories["story_id"]), list(stories["label"]), width=STORY_LABEL_CHARS)
    ordered = stories.sort_values(["n_articles", "first"], ascending=[False, True])["story_id"]
    return [names[s] for s in ordered]


def test_capped_story_picker_finds_any_story_and_opens_one_named_in_the_url(wide_corpus, monkeypatch):
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(wide_corpus), "--read-only"])
    labels = story_labels(wide_corpus)
    at = open_page("overview")
    assert at.selectbox(key="story").options == labels[:200]
    number = re.search(r"Council (\d+) meets", labels[-1]).group(1)  # the smallest story: not among the 200 offered
    at.text_input(key="story_find").input(f"council {number} meets").run()
    assert at.selectbox(key="story").options == [labels[-1]]
    assert any(f"1 of {N_WIDE} stories match." == c.value for c in at.sidebar.caption)
    at.text_input(key="story_find").input("council").run()
    assert len(at.selectbox(key="story").options) == 200
    assert any(f"{N_WIDE} of {N_WIDE} stories match; the 200 largest are listed." == c.value for c in at.sidebar.caption)
    names = at.session_state["view"].story_names
    story_id = next(s for s in names if names[s] == labels[-1])
    at = open_page("story", {"story": story_id})  # not among the 200 offered
    assert at.selectbox(key="story").value == story_id and at.selectbox(key="story").options[-1] == labels[-1]
    assert labels[-1].split("<")[0][:30] in at.title[0].value.replace("\\", "")


def test_capped_charts_and_tables_say_what_they_leave_out(wide_corpus, monkeypatch):
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(wide_corpus), "--read-only"])
    captions = [c.value for c in open_page("overview").caption]
    assert f"Showing 25 of {N_WIDE} stories in the chart (those covered by the most outlets, then with the most articles; ties taken evenly over " \
        "the dates); the Story table lists more. " \
           "Narrow the dates or outlets under Filters to chart others." in captions
    captions = [c.value for c in open_page("overview", section_query("Articles over time")).caption]
    assert any(c.startswith("11 of the 25 outlets with dated articles have a colour") for c in captions)
    at = open_page("quotes")
    captions = [c.value for c in at.caption]
    assert len(frame_of(at)) == 1000 and any(c.startswith("Showing 1,000 of ") for c in captions)
    captions = [c.value for c in open_page("quotes", section_query("Speakers by outlet")).caption]
    assert "Showing 20 of 25 outlets in the chart (those quoting them most); pick outlets under Filters to see " \
           "others." in captions
    captions = [c.value for c in open_page("quotes", section_query("Shared quotes")).caption]
    assert "Showing 20 of 25 outlets in the chart (those sharing the most quotes); pick outlets under Filters to " \
           "compare others." in captions
    for section in (None, "Speakers by outlet", "Shared quotes"):
        narrowed = open_page("quotes", {"outlet": ["Outlet 00", "Outlet 01"], **section_query(section)})
        assert not any(c.value.startswith("Showing") for c in narrowed.caption)  # nothing left out: nothing said


SURNAMES = ("Adams Baker Clark Davis Evans Foster Grant Hayes Irwin Jones Keller Lowe Moore Nolan Owens Price Quinn "
            "Reed Stone Turner Walsh").split()


def test_the_speaker_chart_caption_counts_speakers_not_the_unattributed_row(tmp_path, monkeypatch):
    """21 named speakers and more unattributed quotes than any of them: the chart's 20 rows are 19 speakers and the
    unattributed row, and its caption says so ("19 of 21 speakers"), not "20 of 22"."""
    rows = [{"outlet": f"Outlet {i % 3}", "published": "2021-03-01", "title": f"Council {i} meets",
             "text": f'"Plan {i} is ready for review now," said Jane {surname}.\n\nThe shop stayed shut all week.\n\n'
                     f'"Closed until further notice for repairs {i}."\n\nThe hall stayed shut too.\n\n'
                     f'"Closed for cleaning until spring {i}."'} for i, surname in enumerate(SURNAMES)]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(prepared_corpus(tmp_path, rows)), "--read-only"])
    captions = [c.value for c in open_page("quotes", section_query("Speakers by outlet")).caption]
    assert any(c.startswith("Showing 19 of 21 speakers in the chart (the most quoted)") for c in captions), captions


def test_an_article_link_made_under_a_filter_opens_that_article_without_it(tmp_path, monkeypatch):
    """Two articles with one outlet, day and title: their labels (the `article` URL parameter) carry their ids, and
    the link the Story page gives under a speaker filter that keeps one of them opens that one with no filter."""
    twins = [{"id": f"twin-{who.split()[0].lower()}", "outlet": "Daily Post", "published": "2021-05-02",
              "title": "Budget vote", "story": "budget",
              "text": f'The budget vote was close on Sunday. "We will appeal the result," said {who}.'}
             for who in ("Bob Ray", "Ann Lee")]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(prepared_corpus(tmp_path, twins)), "--read-only"])
    for who in ("Bob Ray", "Ann Lee"):
        links = [e.proto for e in open_page("story", {"speaker": who}).get("page_link")
                 if e.proto.page.endswith("articles")]
        assert len(links) == 1
        article = dict(urllib.parse.parse_qsl(links[0].query_string))["article"]
        assert article == f"twin-{who.split()[0].lower()}"  # the link names the article by its id
        assert open_page("articles", {"article": article}).selectbox(key="article").value == article


def test_empty_state_says_why_and_keeps_the_share_link():
    at = open_page("quotes", {"dates": ["2019-01-01", "2019-01-02"]})
    assert any("No article matches the filters" in i.value for i in at.info)
    assert "dates=2019-01-01" in next(c.value for c in at.code)


# ---------------------------------------------------------------- corpus analyses kept in the corpus
def seeds_corpus(path: Path, files=("000_6c2b300fd0bd74a3.txt", "004_782949620f890c67.txt")):
    """A corpus file holding the given seed files."""
    con = store.connect(str(path))
    ingest_paths(con, [str(SEEDS / f) for f in files])
    return con


def test_prepared_analyses_read_back_as_computed(tmp_path):
    con = seeds_corpus(tmp_path / "c.duckdb")
    assert set(prepare_analyses(con)) == set(ANALYSES)
    assert prepare_analyses(con) == {}  # stored and current: nothing recomputed
    key = corpus_key(con)
    inputs = {"articles": lambda: store.load_articles(con), "quotes": lambda: corpus_quotes(con),
              "mentions": lambda: store.load_date_mentions(con),
              "assignment": lambda: read_analysis(con, "assignment", key),
              "copied": lambda: copied_pairs(read_analysis(con, "passages", key))}
    for name in ANALYSES:
        stored = read_analysis(con, name, key)
        fresh = compute_analysis(name, inputs)
        pd.testing.assert_frame_equal(stored, fresh, check_dtype=False)
    assert read_analysis(con, "stories", key)["article_ids"].map(type).eq(list).all()


def test_corpus_key_changes_with_the_corpus_and_stale_results_are_not_read(tmp_path):
    con = seeds_corpus(tmp_path / "c.duckdb", files=("000_6c2b300fd0bd74a3.txt",))
    prepare_analyses(con)
    before = corpus_key(con)
    assert corpus_key(con) == before
    ingest_paths(con, [str(SEEDS / "004_782949620f890c67.txt")])
    after = corpus_key(con)
    assert after != before
    assert read_analysis(con, "assignment", after) is None
    assert len(read_analysis(con, "assignment", before)) == 1
    assert set(prepare_analyses(con)) == set(ANALYSES)
    assert len(read_analysis(con, "assignment", after)) == 2


def test_corpus_key_follows_the_dated_references(tmp_path):
    """Story grouping reads the stored dated references: a change to them makes the stored results stale."""
    con = seeds_corpus(tmp_path / "c.duckdb")
    before = corpus_key(con)
    con.execute("UPDATE date_mentions SET value = DATE '2020-09-24' WHERE text = 'Friday'")
    assert corpus_key(con) != before


@pytest.mark.parametrize("frame", [pd.DataFrame({"a": pd.Series([], dtype=object), "b": pd.Series([], dtype=int)}),
                                   pd.DataFrame({"a": ["x", None], "b": [1, 2]})])
def test_write_analysis_keeps_columns_and_rows(frame):
    con = store.connect(":memory:")
    assert read_analysis(con, "passages", "k") is None  # nothing stored yet
    write_analysis(con, "passages", "k", frame, time.perf_counter())
    back = read_analysis(con, "passages", "k")
    assert list(back.columns) == ["a", "b"] and back["a"].tolist() == frame["a"].tolist()
    assert read_analysis(con, "passages", "other") is None


def test_write_analysis_writes_frames_one_at_a_time():
    """An analysis given as frames (passages at a million articles) is stored as their rows in order."""
    con = store.connect(":memory:")
    frames = [pd.DataFrame({"a": pd.Series([None, None], dtype="str"), "b": [1, 2]}),
              pd.DataFrame({"a": pd.Series(["x"], dtype="str"), "b": [3]}),
              pd.DataFrame({"a": pd.Series([], dtype="str"), "b": pd.Series([], dtype="int64")})]
    write_analysis(con, "passages", "k", iter(frames), time.perf_counter())
    back = read_analysis(con, "passages", "k")
    assert back["b"].tolist() == [1, 2, 3] and back["a"].tolist()[2] == "x" and back["a"].isna().sum() == 2


def test_ingest_command_prepares_the_analyses(tmp_path, capsys):
    from lib.cli import main as cli_main
    db = tmp_path / "c.duckdb"
    assert cli_main(["ingest", str(SEEDS), "--db", str(db)]) == 0
    assert "analyses stored: assignment" in capsys.readouterr().out
    con = store.connect(str(db), read_only=True)
    key = corpus_key(con)
    assert all(stored_key(con, name) == key for name in ANALYSES)


def test_read_only_prepared_corpus_serves_stored_stories(tmp_path, monkeypatch):
    db = tmp_path / "c.duckdb"
    seeds_corpus(db).close()
    con = store.connect(str(db))
    prepare_analyses(con)
    # A stored label nobody could compute shows on the page: the dashboard read it, it did not recompute.
    con.execute("UPDATE analysis_stories SET label = 'Stored label'")
    con.close()
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(db), "--read-only"])
    at = open_page("story")
    assert at.title[0].value == "Stored label"


@pytest.mark.parametrize("values", [["TASS", None, "", "Reuters"], ["TASS", float("nan")], []])
@pytest.mark.parametrize("dtype", [object, "string"])
def test_outlet_labels_match_outlet_label(values, dtype):
    column = pd.Series(values, dtype=dtype)
    assert outlet_labels(column).tolist() == [outlet_label(v) for v in column]
