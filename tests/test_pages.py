"""What the pages state under filters and links (issue 15) and how they treat what the files say (issue 12), in
Streamlit's AppTest on small prepared corpora: counts that follow the filters, the default story, links by id and to
missing things, downloads of each view, no "None", any stored date, failed analyses, metadata as plain text, the
password gate; plus the helpers under them."""
import json
import random
import re
import time
import urllib.parse
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.media_file_storage import MediaFileKind, MediaFileStorageError
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from app.exports import table_bytes, view_stem
from app.gate import OneShotDownloads, failure_delay, gate_state, guard_downloads, guard_uploads
from app.markup import plain_markdown
from app.source import ENV_CORPUS
from app.tables import display_title, display_titles, stories_under_filter
from lib import store
from lib.analyse import stored
from lib.analyse.stored import prepare_analyses
from lib.pipeline import ingest_paths
from tests.conftest import ROOT, open_page, write_jsonl

IMAGE_AUTHOR = "![x](http://127.0.0.1:9/x.png)"


@pytest.fixture(autouse=True)
def dashboard_argv(monkeypatch):
    """The dashboard reads its corpus from sys.argv: not pytest's arguments."""
    monkeypatch.setattr("sys.argv", ["dashboard.py"])
    monkeypatch.delenv(ENV_CORPUS, raising=False)


def corpus(folder: Path, rows: list[dict], prepare: bool = True) -> Path:
    """A DuckDB corpus ingested from JSONL ``rows`` (analyses stored unless ``prepare`` is False)."""
    write_jsonl(folder / "rows.jsonl", rows)
    db = folder / "corpus.duckdb"
    con = store.connect(str(db))
    ingest_paths(con, [str(folder / "rows.jsonl")])
    if prepare:
        prepare_analyses(con)
    con.close()
    return db


def texts(at: AppTest) -> str:
    """Every text element and st.html body of the page."""
    parts = [e.value for kind in ("markdown", "title", "header", "subheader", "caption", "info", "error", "success",
                                  "warning") for e in getattr(at, kind)]
    return "\n".join(map(str, parts)) + "\n" + "\n".join(e.proto.body for e in at.get("html"))


def metric(at: AppTest, label: str) -> str:
    """A metric's value by label."""
    return next(m.value for m in at.metric if m.label == label)


def share_link(at: AppTest) -> str:
    """The address in "Share this view"."""
    return next(c.value for c in at.code)


def story_text(n: int, outlet: str, shared: str = "") -> str:
    """A distinct body for article ``n``, words drawn at random for it (no two bodies share a passage: each is an
    independent source), with a quote of Jane Roe's, after ``shared`` (a sentence other articles carry too)."""
    rng = random.Random(n)

    def words(k: int) -> str:
        return " ".join(rng.choice(_STORY_WORDS) for _ in range(k))

    return (f"{shared}The {words(3)} plan of {outlet} was {words(4)} on Monday, after {n + 3} hours of {words(5)}. "
            f'"We will {words(6)} by {n + 1} March," said Jane Roe. Officials counted {n * 7 + 11} {words(7)}.')


_STORY_WORDS = ("harbour council bridge budget ferry tunnel school market river station library clinic stadium "
                "airport canal garden museum depot quarry orchard pier lighthouse brewery mill debated fought "
                "weighed approved rejected delayed funded mapped surveyed argued over cheap costly quiet busy old "
                "new northern southern late early public private local regional fresh bold slow rapid").split()


@pytest.fixture
def two_stories(tmp_path, monkeypatch):
    """Story "wide": four outlets A-D, one article each, each in its own words; story "pair": outlets A and E, E's
    article a copy of A's with an addition (one reused passage). Read-only, prepared."""
    rows = [{"id": f"wide-{o.lower()}", "outlet": f"Outlet {o}", "published": f"2021-03-0{i + 1}",
             "title": f"Harbour vote {o}", "story": "wide",
             "text": story_text(i, o, '"The harbour must stay open to every ship," said Mayor Ann Lee. ')}
            for i, o in enumerate("ABCD")]
    rows += [{"id": f"pair-{o.lower()}", "outlet": f"Outlet {o}", "published": "2021-04-02", "title": f"Ferry fare {o}",
              "story": "pair", "text": story_text(20, "A") + (" " + story_text(21, o) if i else "")}
             for i, o in enumerate("AE")]
    db = corpus(tmp_path, rows)
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(db), "--read-only"])
    return db


# ---------------------------------------------------------------- counts count what the filters let through
def test_story_counts_follow_the_outlet_filter(two_stories):
    at = open_page("story", {"story": "wide", "outlet": ["Outlet A", "Outlet B"]})
    assert (metric(at, "Articles"), metric(at, "Outlets"), metric(at, "Independent reports")) == ("2", "2", "2")
    assert any("the whole story has 4 article(s) from 4 outlet(s)" in c.value for c in at.caption)


def test_story_page_names_the_outlets_counted_as_one(two_stories):
    at = open_page("story", {"story": "pair"})
    assert (metric(at, "Outlets"), metric(at, "Independent reports")) == ("2", "1")
    assert any(c.value.startswith("Counted as one report (the same wire, or one copying another's text), carried by: "
                                  "Outlet A and Outlet E.") for c in at.caption)
    wide = open_page("story", {"story": "wide"})
    assert not any("Counted as one" in c.value for c in wide.caption)
    # whose headline names the story
    assert any(c.value == f"Headline of Outlet {wide.title[0].value[-1]}: of the story's headlines, the one whose "
               "words the others share most." for c in wide.caption)


def test_overview_story_table_counts_follow_the_outlet_filter(two_stories):
    table = open_page("overview", {"outlet": ["Outlet A", "Outlet B"], "section": "Story table"}).dataframe[0].value \
        .set_index("Story id")
    assert table.loc["wide", ["Articles", "Outlets", "Independent reports"]].tolist() == [2, 2, 2]
    assert table.loc["pair", ["Articles", "Outlets", "Independent reports"]].tolist() == [1, 1, 1]
    whole = open_page("overview", {"section": "Story table"}).dataframe[0].value.set_index("Story id")
    assert whole.loc["wide", ["Articles", "Outlets", "Independent reports"]].tolist() == [4, 4, 4]


def test_default_story_is_the_one_the_filtered_outlets_cover_most(two_stories):
    # "wide" has the most outlets in the corpus, but only Outlet A of these two carries it; both carry "pair".
    at = open_page("story", {"outlet": ["Outlet A", "Outlet E"]})
    assert at.title[0].value.startswith("Ferry fare")
    assert any("the filtered outlets cover most" in c.value for c in at.caption)


def test_outlets_metric_and_the_busiest_caption_agree_or_say_why(tmp_path, monkeypatch):
    rows = [{"outlet": f"Dated {i:02d}", "published": f"2021-05-{i + 1:02d}", "title": f"Item {i}",
             "text": story_text(i, str(i))} for i in range(14)]
    rows += [{"outlet": f"Undated {i}", "title": f"Loose {i}", "text": story_text(40 + i, str(i))} for i in range(3)]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    at = open_page("overview", {"section": "Articles over time"})
    assert metric(at, "Outlets") == "17"
    assert any(c.value.startswith("11 of the 14 outlets with dated articles (3 more outlets have only "
                                  "undated articles) have a colour") for c in at.caption)


def test_the_busiest_caption_counts_no_colour_taken_by_articles_naming_no_outlet(tmp_path, monkeypatch):
    """Dated articles naming no outlet take one of the chart's colours; the caption counts outlets only (the screenshot
    pass read "11 of the 89 outlets ... have a colour" above a legend of 10 outlets and "(unknown outlet)")."""
    rows = [{"outlet": f"Dated {i:02d}", "published": f"2021-05-{i + 1:02d}", "title": f"Item {i}",
             "text": story_text(i, str(i))} for i in range(14)]
    rows += [{"published": "2021-05-20", "title": f"Wire {i}", "text": story_text(40 + i, str(i))} for i in range(3)]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    at = open_page("overview", {"section": "Articles over time"})
    assert any(c.value.startswith("10 of the 14 outlets with dated articles have a colour") for c in at.caption)


def test_a_chosen_outlet_with_only_undated_articles_is_named_off_the_time_axis(tmp_path, monkeypatch):
    """Outlets filtered to two, one of them with undated articles only: the chart draws one, and the page says which
    outlet is not on the time axis (the screenshot pass found Fox News silently missing)."""
    rows = [{"outlet": "Outlet A", "published": f"2021-05-0{i + 1}", "title": f"A {i}", "text": story_text(i, "A")}
            for i in range(3)]
    rows += [{"outlet": "Outlet B", "title": f"B {i}", "text": story_text(10 + i, "B")} for i in range(2)]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    at = open_page("overview", {"outlet": ["Outlet A", "Outlet B"], "section": "Articles over time"})
    assert "Not on the time axis, their articles all undated: Outlet B." in [c.value for c in at.caption]


def test_outlets_with_dated_articles_keep_their_colours_in_articles_over_time(tmp_path, monkeypatch):
    """The page colours the outlets with most dated articles first: outlets busy only with undated articles never take
    the colours of those on the time axis (the screenshot pass found four of "the 11 busiest" drawn in the other
    outlets' grey, and Politico's 13 dated articles grey beside a one-article outlet's colour)."""
    rows = [{"outlet": f"Undated {i:02d}", "title": f"Loose {i}.{k}", "text": story_text(10 * i + k, f"{i}{k}")}
            for i in range(12) for k in range(3)]
    rows += [{"outlet": f"Dated {i}", "published": f"2021-05-0{i + 1}", "title": f"Item {i}",
              "text": story_text(500 + i, f"d{i}")} for i in range(5)]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    at = open_page("overview", {"section": "Articles over time"})
    traces = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    assert sorted(t["name"] for t in traces) == [f"Dated {i}" for i in range(5)]
    assert len({t["marker"]["color"] for t in traces}) == 5 and not any("grey band" in c.value for c in at.caption)


def test_stories_under_filter_recounts_only_cut_stories():
    articles = pd.DataFrame({"id": ["a", "b", "c"], "outlet": ["X", "Y", "X"], "via": [None, None, None],
                             "published": pd.to_datetime(["2021-01-01", "2021-01-03", "2021-02-01"]),
                             "title": ["t1", "t2", "t3"], "text": ["one text here", "another text there", "third"]})
    assignment = pd.DataFrame({"article_id": ["a", "b", "c"], "story_id": ["s1", "s1", "s2"]})
    stories = pd.DataFrame({"story_id": ["s1", "s2"], "label": ["Corpus label", "Other"], "terms": [[], []],
                            "first": pd.to_datetime(["2021-01-01", "2021-02-01"]),
                            "last": pd.to_datetime(["2021-01-03", "2021-02-01"]), "n_articles": [2, 1],
                            "outlets": [["X", "Y"], ["X"]], "n_outlets": [2, 1], "independent_sources": [2, 1],
                            "article_ids": [["a", "b"], ["c"]]})
    out = stories_under_filter(stories, assignment, articles[articles["id"].isin(["b", "c"])]).set_index("story_id")
    assert out.loc["s1", ["label", "n_articles", "n_outlets", "independent_sources"]].tolist() == \
        ["Corpus label", 1, 1, 1]
    assert out.loc["s1", "article_ids"] == ["b"] and out.loc["s1", "first"] == pd.Timestamp("2021-01-03")
    assert out.loc["s2", "n_articles"] == 1


# ---------------------------------------------------------------- links: ids, every control, missing things
def test_links_name_stories_and_articles_by_id(two_stories):
    at = open_page("story", {"story": "wide"})
    assert "story=wide" in share_link(at)
    links = [e.proto for e in at.get("page_link") if e.proto.page.endswith("articles")]
    assert {dict(urllib.parse.parse_qsl(link.query_string))["article"] for link in links} == \
        {"wide-a", "wide-b", "wide-c", "wide-d"}
    at = open_page("articles", {"article": "wide-c"})
    assert at.selectbox(key="article").value == "wide-c" and "article=wide-c" in share_link(at)
    assert "Harbour vote C" in texts(at)


@pytest.mark.parametrize("page, query, what", [
    ("story", {"story": "no-such-story"}, "story “no\\-such\\-story”"),
    ("overview", {"story": "no-such-story"}, "story “no\\-such\\-story”"),
    ("overview", {"outlet": "Outlet Z"}, "outlet “Outlet Z”"),
    ("quotes", {"outlet": ["Outlet A", "Outlet Z"]}, "outlet “Outlet Z”"),
    ("articles", {"article": "0000000000000000"}, "article “0000000000000000”"),
    ("articles", {"speaker": "Nobody Atall"}, "speaker “Nobody Atall”"),
    ("quotes", {"quote": "0000-1"}, "shared quote “0000\\-1”"),
])
def test_a_link_to_something_missing_says_so_and_shows_nothing_in_its_place(two_stories, page, query, what):
    at = open_page(page, query)
    assert any(what in e.value and "not in this corpus" in e.value for e in at.error), [e.value for e in at.error]
    if "quote" in query:  # the page's other sections stand; the lineage of the asked quote is what is missing
        assert not [c for c in at.get("plotly_chart") if c.proto.id and "lineage" in c.proto.id]
        assert "<table class='cc-matrix'>" not in texts(at)
        return
    assert not at.get("plotly_chart") and not at.dataframe and not at.metric
    assert "Harbour vote" not in texts(at) and "Ferry fare" not in texts(at)


def test_a_link_to_an_article_the_filters_leave_out_says_so(two_stories):
    at = open_page("articles", {"article": "wide-a", "outlet": "Outlet E"})
    assert any("article “wide\\-a”, which the filters leave out" in e.value for e in at.error)
    assert "Harbour vote" not in texts(at)


def test_a_shared_quote_is_linked_by_its_earliest_rendering(two_stories):
    at = open_page("quotes", {"section": "Quote lineage"})
    key = at.selectbox(key="quote").value
    assert re.fullmatch(r"wide-a-\d+", key)  # the earliest carrier's article id and the quote's offset
    at = open_page("quotes", {"quote": key, "outlet": ["Outlet B", "Outlet C"]})  # the same id under another filter
    picker = at.selectbox(key="quote")
    assert picker.value == key and not at.error
    # The picker sits in a closed popover: the page names the quote it shows.
    label = picker.format_func(key)
    assert f"**Quote:** {plain_markdown(label)}" in [m.value for m in at.markdown]


def test_the_default_shared_quote_is_one_with_a_dated_carrier(tmp_path, monkeypatch):
    # The quote carried by the most outlets has no dated carrier (its lineage would say so and draw nothing); the
    # default is the widest quote that has one.
    def body(n: int, quote: str) -> str:
        return quote + f"Item {n} of the agenda took {n + 2} hours; {n * 3 + 5} residents spoke on it."
    undated = '"Every bridge in the county will be inspected before winter," said Commissioner Ray Ortiz. '
    dated = '"The library will open on Sundays from next month," said Librarian Jo Park. '
    rows = [{"id": f"loose-{o.lower()}", "outlet": f"Outlet {o}", "title": f"Bridges {o}",
             "text": body(i, undated)} for i, o in enumerate("ABCD")]
    rows += [{"id": f"dated-{o.lower()}", "outlet": f"Outlet {o}", "published": f"2021-06-0{i + 1}",
              "title": f"Library {o}", "text": body(30 + i, dated)} for i, o in enumerate("EF")]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    at = open_page("quotes", {"section": "Quote lineage"})
    assert at.selectbox(key="quote").value.startswith("dated-")
    assert "No dated carrier" not in texts(at)


def test_the_lineage_picker_is_capped_and_still_offers_a_linked_quote(tmp_path, monkeypatch):
    # Two outlets carry the same 320 quotes: the picker offers fewer and says so; a link to any other still opens it.
    rnd = random.Random(7)
    words = ("harbour bridge council budget ferry tunnel school market river station garden museum library clinic "
             "airport stadium theatre tower canal forest winter summer rail road water power price wage rent tax "
             "court police union farm mine port fleet grain steel coal oil gas wind solar").split()
    quotes = [f'"{" ".join(rnd.choice(words) for _ in range(10)).capitalize()}," said Senator Ada Moss. '
              for _ in range(320)]
    rows = [{"id": f"cap-{o.lower()}", "outlet": f"Outlet {o}", "published": f"2021-06-0{i + 1}",
             "title": f"Harbour bill {o}", "text": "".join(quotes)} for i, o in enumerate("AB")]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    at = open_page("quotes", {"section": "Quote lineage"})
    options = at.selectbox(key="quote").options
    assert len(options) < 320 and f"Showing {len(options):,} of 320 shared quotes" in texts(at)
    offered = {o[:40] for o in options}  # (a label is the quote, shortened)
    left_out = next(q for q in quotes if q[1:41] not in offered)
    key = f"cap-a-{rows[0]['text'].index(left_out) + 1}"
    at = open_page("quotes", {"quote": key})
    assert at.selectbox(key="quote").value == key and len(at.selectbox(key="quote").options) == len(options) + 1
    assert not at.error and not at.warning


@pytest.mark.parametrize("query, section, charts", [
    ({}, None, set()),  # the quote table; the chart of speakers by outlet is the next section
    ({"section": "Speakers by outlet"}, "Speakers by outlet", {"speakers"}),
    ({"section": "Reused passages"}, "Reused passages", set()),
    ({"section": "Shared quotes"}, "Shared quotes", {"shared"}),  # one quote's lineage is the next section
    ({"section": "Quote lineage"}, "Quote lineage", {"lineage"}),
    ({"quote": "wide-a-0"}, "Quote lineage", set()),  # a link naming a quote opens the section showing it
    ({"section": "Passage reuse"}, "Passage reuse", {"reuse"}),
    ({"section": "Article pair"}, "Article pair", set()),
    ({"pair": "wide-a>wide-b"}, "Article pair", set()),  # a link naming a pair opens the section showing it
    ({"section": "Voices"}, None, set()),  # another page's section: this page's first one
])
def test_only_the_open_section_is_drawn_and_it_is_in_the_link(two_stories, query, section, charts):
    at = open_page("quotes", query)
    assert {c.proto.id.rsplit("-", 1)[-1] for c in at.get("plotly_chart")} == charts
    link = urllib.parse.parse_qs(urllib.parse.urlparse(share_link(at)).query)
    assert link.get("section") == ([section] if section else None)


def test_the_passage_length_slider_is_in_the_url(two_stories):
    at = open_page("quotes", {"min_chars": "400"})
    assert at.slider(key="min_chars").value == 400 and "min_chars=400" in share_link(at)
    assert "Passages of 400 characters or more." in [c.value for c in at.caption]  # the slider sits in a popover


# ---------------------------------------------------------------- downloads of what the filters show
def test_each_page_offers_what_it_shows_for_download(two_stories):
    expected = {("overview", None): {"articles", "stories"}, ("story", None): {"articles"},
                ("story", "Side-by-side framing"): {"articles", "framing points"}, ("quotes", None): {"quotes"},
                ("quotes", "Shared quotes"): {"shared quotes"}, ("quotes", "Quote lineage"): {"shared quotes"},
                ("quotes", "Passage reuse"): {"reuse pairs", "reused passages"},
                ("quotes", "Article pair"): {"reuse pairs", "reused passages"},
                ("articles", None): {"articles"}}
    for (page, section), tables in expected.items():
        at = open_page(page, {"outlet": ["Outlet A", "Outlet B"], **({"section": section} if section else {})})
        downloads = at.session_state["view"].downloads
        assert tables <= set(downloads), (page, set(downloads))
        if "articles" in downloads:
            assert set(downloads["articles"]()["outlet"]) <= {"Outlet A", "Outlet B"}
        names = {e.proto.label: e for e in at.get("download_button")}
        assert names, page
        files = [b.proto.file_name if hasattr(b.proto, "file_name") else "" for b in at.get("download_button")]
        assert all(f.startswith(f"{page}-outlet-a-outlet-b-") for f in files if f), files
    quotes = open_page("quotes", {"outlet": "Outlet B"}).session_state["view"].downloads["quotes"]()
    assert set(quotes["Outlet"]) == {"Outlet B"} and "None" not in quotes["Speaker"].astype(str).tolist()


def test_framing_points_download_carries_each_outlets_wording_and_mode(two_stories):
    at = open_page("story", {"story": "wide", "section": "Side-by-side framing"})
    points = at.session_state["view"].downloads["framing points"]()
    assert {"label", "outlet", "mode", "unit_text", "carried"} <= set(points.columns)
    assert points["outlet"].str.startswith("Outlet").all() and points["mode"].notna().all()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_download_bytes_round_trip(fmt, tmp_path):
    frame = pd.DataFrame({"quote": ["a-1"], "diff_text": ["to try [-to-] {+and+} keep"], "added": [["and"]]})
    path = tmp_path / f"x.{fmt}"
    path.write_bytes(table_bytes(frame, fmt))
    back = pd.read_csv(path) if fmt == "csv" else pd.read_parquet(path)
    assert back["diff_text"].iloc[0] == "to try [-to-] {+and+} keep" and json.loads(back["added"].iloc[0]) == ["and"]


@pytest.mark.parametrize("filters, stem", [
    ({}, "quotes"),
    ({"outlets": ["Fox News", "a/b"], "story": "s-1a2b"}, "quotes-fox-news-a-b-s-1a2b"),
    ({"outlets": list("ABCDE")}, "quotes-a-b-c-and-2-more"),
])
def test_view_stem(filters, stem):
    assert view_stem("Quotes", filters) == stem


# ---------------------------------------------------------------- no None, no (untitled), any stored date
@pytest.mark.parametrize("title, text, shown", [
    ("Budget passes", "Anything.", "Budget passes"),
    (None, "The council met on Monday. It voted.", "The council met on Monday."),
    (float("nan"), "Mr. Ng spoke at length. Then left.", "Mr. Ng spoke at length."),
    ("  ", "One sentence " + "very " * 40 + "long.", "One sentence" + " very" * 13 + "…"),  # cut at a word
    (None, "", "(no text)"),
])
def test_display_title(title, text, shown):
    assert display_title(title, text) == shown
    assert display_titles(pd.DataFrame({"title": [title], "text": [text]})).tolist() == [shown]


@pytest.fixture
def odd_corpus(tmp_path, monkeypatch):
    """Articles dated 1865 and 1899, untitled ones, a speakerless quote, and metadata written as Markdown."""
    rows = [{"id": "old-1865", "outlet": "Old Gazette", "published": "1865-04-15", "title": "The president is dead",
             "text": "WASHINGTON - The president died this morning. \"It is a sad day,\" said Edwin Stanton."},
            {"id": "old-1899", "outlet": "Old Times", "published": "1899-12-31",
             "text": "The century ends tonight in London. \"We are ready for the new age.\" Crowds gathered."},
            {"id": "markup", "outlet": "Old Gazette", "published": "2021-01-01", "author": IMAGE_AUTHOR,
             "url": "http://e.com/[a](b)", "title": "Markup $x^2$ :red[red] [link](http://e.com)",
             "text": "Budget talks began on Monday. \"We will win,\" said Ann Lee."},
            {"id": "undated", "outlet": "Old Times",
             "text": "An undated note about the budget talks. \"We will win again,\" said Ann Lee."}]
    db = corpus(tmp_path, rows)
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(db), "--read-only"])
    return db


@pytest.mark.parametrize("page, section", [("overview", None), ("overview", "Story table"), ("story", None),
                                           ("quotes", None), ("articles", None), ("data", None)])
def test_every_page_takes_any_stored_date(odd_corpus, page, section):
    at = open_page(page, {"section": section} if section else {})
    dates = at.sidebar.date_input[0]
    assert dates.value[0].year == 1865
    assert "None" not in [str(v) for d in at.dataframe for v in d.value.astype(str).to_numpy().ravel()]
    assert "(untitled)" not in texts(at) and "nan" not in texts(at).split()


def test_a_date_filter_before_1900_narrows_the_view(odd_corpus):
    at = open_page("overview", {"dates": ["1865-01-01", "1899-12-31"]})
    assert metric(at, "Articles") == "2"


def test_an_untitled_article_shows_its_first_sentence(odd_corpus):
    at = open_page("articles", {"article": "old-1899"})
    assert "<h3 style='margin-bottom:0'>The century ends tonight in London.</h3>" in texts(at)
    assert at.selectbox(key="article").options[0].startswith("Old Gazette")
    assert any("The century ends tonight in London." in o for o in at.selectbox(key="article").options)


def test_an_article_in_another_language_is_not_said_to_mention_no_date(tmp_path, monkeypatch):
    """The date reader knows English words: a Spanish article's "6 de diciembre" is not read, and the page says so
    rather than "mentions no date"; an English article without a date still mentions none."""
    rows = [{"id": "es-1", "outlet": "Diario", "published": "2021-12-07", "language": "es", "title": "Reunión",
             "text": "El ministro anunció el 6 de diciembre que la reunión se celebrará este miércoles en Madrid."},
            {"id": "en-1", "outlet": "Daily", "published": "2021-12-07", "language": "en", "title": "Meeting",
             "text": "The minister announced that the council meeting will be held in Madrid."}]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    page = texts(open_page("articles", {"article": "es-1"}))
    assert "read in English text only" in page and "mentions no date" not in page
    assert "This article mentions no date." in texts(open_page("articles", {"article": "en-1"}))


# ---------------------------------------------------------------- metadata is plain text everywhere
def test_article_metadata_is_plain_text(odd_corpus):
    at = open_page("articles", {"article": "markup"})
    assert not at.table  # st.table renders Markdown in its cells
    body = texts(at)
    assert f"<td>{IMAGE_AUTHOR}</td>" in body and "<td>http://e.com/[a](b)</td>" in body
    assert "Markup $x^2$ :red[red] [link](http://e.com)</h3>" in body
    link = next(e.proto.label for e in at.get("page_link"))
    assert "\\$x^2\\$" in link or "\\$x" in link and "\\[link\\]" in link


def test_outlet_names_in_labels_are_plain_text(tmp_path, monkeypatch):
    evil = "![x](http://127.0.0.1:9/o.png)"
    rows = [{"outlet": evil, "published": "2021-02-01", "title": "Road plan", "story": "road",
             "text": "The road plan was approved on Monday by the council. A second lane opens in June.\n\n"
                     "The mayor promised new buses for the northern district next year."},
            {"outlet": "Plain Post", "published": "2021-02-02", "title": "Road plan approved", "story": "road",
             "text": "The road plan was approved on Monday by the council. Critics said it costs too much.\n\n"
                     "Cyclists will get a separate path along the river, officials said."}]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    at = open_page("story")
    labels = [e.label for e in at.expander] + [e.proto.label for e in at.get("page_link")]
    assert labels and not [label for label in labels if "![x](" in label]
    assert any("\\!\\[x\\]" in label for label in labels)


# ---------------------------------------------------------------- a failed corpus analysis stays on its page
@pytest.mark.parametrize("name, page, section, others", [
    ("renderings", "quotes", "Shared quotes", ["overview", "story", "articles"]),
    ("passages", "quotes", "Passage reuse", ["overview", "story"]),
    ("assignment", "story", None, ["quotes", "articles"]),
])
def test_a_failed_analysis_is_reported_on_the_page_that_needs_it(tmp_path, monkeypatch, name, page, section, others):
    def broken(*_):
        raise OverflowError("Cannot convert Timestamp to nanoseconds without overflow.")

    monkeypatch.setitem(stored.REGISTRY, name, stored.Analysis(broken, stored.REGISTRY[name].inputs))
    rows = [{"outlet": o, "published": "2021-02-01", "title": "Road plan", "text": story_text(i, o)}
            for i, o in enumerate(["North Post", "South Post"])]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows, prepare=False))])
    at = open_page(page, {"section": section} if section else {})
    assert any("failed on this corpus (OverflowError" in w.value for w in at.warning), [w.value for w in at.warning]
    for other in others:
        assert open_page(other).title  # every other page still draws


# ---------------------------------------------------------------- the password gate
def test_wrong_passwords_wait_longer_each_time(monkeypatch):
    waits = []
    monkeypatch.setattr("app.gate.sleep", waits.append)
    gate_state.clear()  # no failures left by other tests of this process
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.secrets["password"] = "open sesame"
    at.run()
    for typed in ("wrong", "still wrong", "wrong again"):
        at.text_input[0].set_value(typed).run()
    assert waits == [0.0, 1.0, 2.0]
    assert "The next try waits 4 s." in at.error[0].value
    assert not at.get("download_button") and not at.file_uploader


@pytest.mark.parametrize("failures, wait", [(0, 0.0), (1, 1.0), (2, 2.0), (5, 16.0), (50, 30.0)])
def test_failure_delay(failures, wait):
    assert failure_delay(failures) == wait


def test_a_download_address_serves_its_file_for_one_click(monkeypatch):
    monkeypatch.setattr(OneShotDownloads, "CLICK_WINDOW_S", 0.2)
    storage = MemoryMediaFileStorage("/media")
    guard_downloads(storage)
    assert isinstance(storage, OneShotDownloads)
    file_id = storage.load_and_get_id(b"secret,table\n", "text/csv", MediaFileKind.DOWNLOADABLE, "view.csv")
    name = storage.get_url(file_id).rsplit("/", 1)[1]
    # one click: the frontend's check, then the download
    assert storage.get_file(name).content == storage.get_file(name).content == b"secret,table\n"
    with pytest.raises(MediaFileStorageError):
        storage.get_file(name)
    file_id = storage.load_and_get_id(b"secret,table\n", "text/csv", MediaFileKind.DOWNLOADABLE, "view.csv")
    assert storage.get_file(name).content == b"secret,table\n"  # a click whose download came from the cache
    time.sleep(0.5)
    with pytest.raises(MediaFileStorageError):
        storage.get_file(name)
    image = storage.load_and_get_id(b"png", "image/png", MediaFileKind.MEDIA, None)
    assert storage.get_file(f"{image}.png") is storage.get_file(f"{image}.png")  # other media are served as usual


def test_uploads_are_kept_only_for_sessions_that_passed_the_gate():
    class Uploads:
        def __init__(self):
            self.kept = []

        def add_file(self, session_id, file):
            self.kept.append((session_id, file))

    uploads, passed = Uploads(), {"passed-session"}
    guard_uploads(uploads, passed)
    uploads.add_file("passed-session", "f1")
    with pytest.raises(PermissionError):
        uploads.add_file("other-session", "f2")
    assert uploads.kept == [("passed-session", "f1")]


# ---------------------------------------------------------------- shared quotes: altered between carriers, ties
def test_quotes_page_shows_words_changed_between_two_carriers_and_same_day_ties(tmp_path, monkeypatch):
    """Two long renderings that differ by a word, each containing an earlier short fragment: the page shows the
    changed word between them, and a same-day reuse pair reads as a tie, never as source and target."""
    base = ("The ferry board met on Monday to discuss the winter timetable and the new fares for the island route, "
            "which residents have criticised for months. ")
    rows = [{"id": "q-a", "outlet": "Outlet A", "published": "2021-05-01", "title": "Ferry fares", "story": "s",
             "text": base + 'The chair said the board would "keep the boats running every single night" this winter.'},
            {"id": "q-b", "outlet": "Outlet B", "published": "2021-05-02", "title": "Ferry fares B", "story": "s",
             "text": base + '"We will try to keep the boats running every single night of the winter," the chair '
                            'said.'},
            {"id": "q-c", "outlet": "Outlet C", "published": "2021-05-02", "title": "Ferry fares C", "story": "s",
             "text": base + '"We will try and keep the boats running every single night of the winter," the chair '
                            'said.'}]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    page = texts(open_page("quotes", {"section": "Quote lineage"})) + texts(open_page("quotes", {"section":
                                                                                                 "Article pair"}))
    assert "Differs where they overlap from" in page
    assert "<del style='background:#fdd'>to</del>" in page or "<del style='background:#fdd'>and</del>" in page
    assert "Same day, " in page and " (order unknown)" in page and "Earlier (source)" not in page


def test_an_undated_reuse_pair_is_not_called_the_same_day(tmp_path, monkeypatch):
    """A pair where one article has no date has no source, and nothing says they ran the same day."""
    shared = ("The ferry board met on Monday to discuss the winter timetable and the new fares for the island route, "
              "which residents have criticised for months, and voted to keep the night crossings until March. ")
    rows = [{"id": "u-a", "outlet": "Outlet A", "published": "2021-05-01", "title": "Ferry fares", "story": "s",
             "text": shared + "The chair spoke after the vote."},
            {"id": "u-b", "outlet": "Outlet B", "title": "Ferry fares B", "story": "s",
             "text": shared + "Residents left before the vote."}]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    page = texts(open_page("quotes", {"section": "Article pair"}))
    assert "Undated (order unknown)" in page and "a date is missing" in page
    assert "same day" not in page.casefold() and "Earlier (source)" not in page


def test_a_wire_passage_is_one_row_with_all_its_carriers(tmp_path, monkeypatch):
    """Six outlets run one agency paragraph (and their own words around it): the Passage reuse section lists it once,
    with the earliest carrier and six carriers, not as fifteen pairs (issue 18)."""
    wire = ("The regional water authority said on Tuesday that the reservoir had fallen to its lowest level in "
            "forty years and that a hosepipe ban would start next week for every household in the three counties. ")
    own = ["Farmers near the river counted their losses.", "A heatwave is forecast for the weekend.",
           "Gardeners were urged to collect rain.", "The minister will visit the dam on Friday.",
           "Swimming in the lakes is discouraged.", "Shops report a run on water butts."]
    rows = [{"id": f"w{i}", "outlet": f"Paper {chr(65 + i)}", "published": f"2022-07-{12 + i:02d}",
             "title": f"Drought {i}", "text": f"{own[i]}\n\n{wire}\n\n{own[(i + 3) % 6]} Paper {i} reports."}
            for i in range(6)]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    at = open_page("quotes", {"section": "Reused passages"})
    table = next(d.value for d in at.dataframe if "Carriers" in d.value.columns)
    wired = table[table["Passage"].str.contains("hosepipe ban")]
    assert len(wired) == 1 and wired[["Earliest", "Carriers", "Outlets"]].iloc[0].tolist() == ["Paper A", 6, 6]
    download = at.session_state["view"].downloads["reused passages"]()
    assert download.loc[download["Passage"].str.contains("hosepipe"), "Carrier article ids"].iloc[0].count("w") == 6


def test_a_passage_carried_first_by_two_outlets_on_one_day_names_both(tmp_path, monkeypatch):
    """Two outlets ran an agency paragraph on the same day (no time of day), a third the next: the Reused passages
    table names both first carriers, not one picked by id."""
    wire = ("The regional water authority said on Tuesday that the reservoir had fallen to its lowest level in "
            "forty years and that a hosepipe ban would start next week for every household in the three counties. ")
    rows = [{"id": f"w{i}", "outlet": f"Paper {chr(65 + i)}", "published": day, "title": f"Drought {i}",
             "text": f"Paper {i} reports.\n\n{wire}"} for i, day in enumerate(("2022-07-12", "2022-07-12",
                                                                                  "2022-07-13"))]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    table = next(d.value for d in open_page("quotes", {"section": "Reused passages"}).dataframe
                 if "Carriers" in d.value.columns)
    assert table["Earliest"].tolist() == ["Paper A, Paper B (same day)"]


def test_two_outlets_that_ran_a_source_the_filters_leave_out_share_its_passage(tmp_path, monkeypatch):
    """Papers B and C both copied Paper A's paragraph; filtered to B and C (no stored pair links them), Reused passages
    lists the paragraph with both and counts A outside the filters, and Passage reuse says so instead of "no
    passage shared"."""
    wire = ("The regional water authority said on Tuesday that the reservoir had fallen to its lowest level in "
            "forty years and that a hosepipe ban would start next week for every household in the three counties. ")
    rows = [{"id": f"w{i}", "outlet": f"Paper {chr(65 + i)}", "published": f"2022-07-{12 + i}", "title": f"Drought {i}",
             "via": None if i == 0 else "Paper A", "text": f"Paper {i} reports.\n\n{wire}"} for i in range(3)]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    at = open_page("quotes", {"section": "Reused passages", "outlet": ["Paper B", "Paper C"]})
    table = next(d.value for d in at.dataframe if "Carriers" in d.value.columns)
    assert table[["Earliest", "Carriers", "Outside the filters"]].values.tolist() == [["Paper B", 2, 1]]
    page = texts(open_page("quotes", {"section": "Passage reuse", "outlet": ["Paper B", "Paper C"]}))
    assert "share no verbatim passage" not in page and "filters leave out" in page


def test_undated_carriers_of_a_quote_are_neither_earliest_nor_later(tmp_path, monkeypatch):
    # Two outlets carry a quote and neither article is dated: the lineage table may not call one earliest.
    quote = '"Every bridge in the county will be inspected before winter," said Commissioner Ray Ortiz. '
    rows = [{"id": f"loose-{o.lower()}", "outlet": f"Outlet {o}", "title": f"Bridges {o}",
             "text": quote + f"Item {i} of the agenda took {i + 2} hours."} for i, o in enumerate("AB")]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    at = open_page("quotes", {"section": "Quote lineage"})
    table = next(h.proto.body for h in at.get("html") if "cc-matrix" in h.proto.body)
    assert table.count("undated (order unknown)") == 2 and ">earliest<" not in table and ">later<" not in table


def test_voices_name_the_outlets_that_quote_nobody(tmp_path, monkeypatch):
    """An outlet of the story that quotes nobody has no bar in the voices chart: the section says which, rather than
    letting it vanish."""
    base = ("The ferry board met on Monday to discuss the winter timetable and the new fares for the island route, "
            "which residents have criticised for months. ")
    rows = [{"id": "v-a", "outlet": "Outlet A", "published": "2021-05-01", "title": "Ferry fares", "story": "s",
             "text": base + '"We will keep the boats running every single night this winter," the chair said.'},
            {"id": "v-b", "outlet": "Outlet B", "published": "2021-05-01", "title": "Ferry fares B", "story": "s",
             "text": base + "The board will publish the timetable next week."}]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    page = texts(open_page("story", {"section": "Voices"}))
    assert "Quoting or reporting nobody in this story, so not in the chart: Outlet B." in page


def test_articles_naming_no_outlet_are_no_outlet_in_any_count(tmp_path, monkeypatch):
    """The story table counts named outlets; the Story page and the Overview count the same, and say how many
    articles name none (the screenshot pass found "Outlets 0" in the table and "Outlets 1" on the Story page)."""
    rows = [{"id": f"u{i}", "outlet": "", "published": "", "title": f"Harbour vote {i}", "story": "harbour",
             "text": story_text(i, "A", '"The harbour must stay open to every ship," said Mayor Ann Lee. ')}
            for i in range(3)]
    rows.append({"id": "n1", "outlet": "Outlet B", "published": "2021-03-01", "title": "Harbour vote B",
                 "story": "harbour", "text": story_text(5, "B")})
    db = corpus(tmp_path, rows)
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(db), "--read-only"])
    at = open_page("story", {"story": "harbour"})
    assert metric(at, "Outlets") == "1"
    assert any(m.label == "Outlets" and m.help == "3 article(s) name no outlet: not counted." for m in at.metric)
    # the timeline's note counts them as articles naming no outlet, never as "1 outlet(s) ((unknown outlet))"
    assert any(c.value.startswith("3 undated article(s) of this story, 3 naming no outlet, are not on the time axis")
               for c in at.caption)
    # framing compares them as the one side every chart of the page names, and finds their points
    at = open_page("story", {"story": "harbour", "section": "Side-by-side framing"})
    matrix = "\n".join(e.proto.body for e in at.get("html"))
    assert ">(unknown outlet)</th>" in matrix and ">Outlet B</th>" in matrix
    assert not any("too short to align" in i.value for i in at.info)
    at = open_page("overview", {})
    assert metric(at, "Outlets") == "1"
    # the Data page counts what its file list does not show: articles off the time axes and in no outlet's count
    at = open_page("data", {})
    assert at.markdown[0].value.endswith(
        "4 articles, of which 3 with no date found (off the time axes) and 3 naming no outlet (in no outlet's count)")
    assert "1 file(s) read; 0 rejected." in [c.value for c in at.caption]  # no "each with its reason" for none


def test_a_story_of_articles_naming_no_outlet_is_one_side_for_distinctive_terms(tmp_path, monkeypatch):
    """Its articles are one side ("(unknown outlet)"), as framing compares them: nothing to be distinct from, not "too
    little text" (the screenshot pass's 22-article story)."""
    rows = [{"id": f"u{i}", "outlet": "", "published": "", "title": f"Harbour vote {i}", "story": "harbour",
             "text": story_text(i, "A")} for i in range(3)]
    db = corpus(tmp_path, rows)
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(db), "--read-only"])
    at = open_page("story", {"story": "harbour", "section": "Distinctive terms"})
    notes = [a["text"] for a in json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["annotations"]]
    # and never "only one outlet" beside an Outlets metric of 0: the metric says the outlets are not named
    assert notes == ["Only one outlet here (or only articles naming none): terms compare an outlet with the others."]
    assert metric(at, "Outlets") == "none named"


def test_reuse_between_articles_naming_no_outlet_is_said_and_not_drawn(tmp_path, monkeypatch):
    """Two articles naming no outlet that share a passage are no pair of outlets: the chart leaves them out and says
    so; a named pair is still drawn."""
    body = story_text(1, "A") * 3
    rows = [{"id": f"u{i}", "outlet": "", "published": f"2021-03-0{i + 1}", "title": f"Copy {i}", "text": body}
            for i in range(2)]
    rows += [{"id": f"n{i}", "outlet": f"Outlet {i}", "published": f"2021-03-0{i + 1}", "title": f"Named {i}",
              "text": story_text(2, "B") * 3} for i in range(2)]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    at = open_page("quotes", {"section": "Passage reuse"})
    assert any(c.value.startswith("1 article pair(s) that both name no outlet are not in the chart") for c in at.caption)
    bars = [y for trace in json.loads(at.get("plotly_chart")[0].proto.spec)["data"] for y in trace["y"]]
    assert bars == ["Outlet 0 → Outlet 1"]


def test_framing_says_how_many_outlets_it_leaves_out_of_the_matrix(tmp_path, monkeypatch):
    """Past six outlets the matrix shows four and a picker: a caption says so, since a point's count of outlets counts
    the hidden ones too (a row read "3 outlet(s)" beside two filled cells)."""
    rows = [{"id": f"w{i}", "outlet": f"Outlet {i}", "published": f"2021-03-0{i + 1}", "title": f"Harbour {i}",
             "story": "wide", "text": story_text(i, str(i), "The harbour council approved the new ferry budget. ")}
            for i in range(8)]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    at = open_page("story", {"story": "wide", "section": "Side-by-side framing"})
    assert any(c.value.startswith("4 of the 8 outlets side by side") for c in at.caption)


def test_a_story_chosen_outside_the_filters_is_named_as_the_reason(two_stories):
    """A story whose articles the other filters all exclude: the page names that story and what to widen, not "no
    article matches the filters" (which blamed the other filters)."""
    at = open_page("story", {"story": "pair", "outlet": ["Outlet B"]})
    assert any("has no article under these filters" in i.value for i in at.info)


def test_span_counts_calendar_days_as_its_help_says(tmp_path, monkeypatch):
    """The screenshot pass: two reports at 09:15 on one day and 07:30 the next read "Span 1 day" beside a help of two
    dates. The span counts the calendar days from the first to the last, both included."""
    rows = [{"outlet": "Outlet A", "published": "2021-08-15T09:15:00", "title": "Kabul falls",
             "text": story_text(1, "a")},
            {"outlet": "Outlet B", "published": "2021-08-16T07:30:00", "title": "Kabul falls",
             "text": story_text(1, "b")}]
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(corpus(tmp_path, rows)), "--read-only"])
    at = open_page("overview", {})
    assert metric(at, "Span") == "2 days"
    assert next(m.help for m in at.metric if m.label == "Span") == "2021-08-15 to 2021-08-16"


def test_the_stories_metric_says_how_many_several_outlets_carried(two_stories):
    """Browser pass 37 read "Stories 747" for 1,046 articles, most of them one article each: the help tells stories
    several outlets carried from single articles."""
    at = open_page("overview", {})
    (help_text,) = [m.help for m in at.metric if m.label == "Stories"]
    assert help_text == ("Stories with at least one article under the filters: 2 carried by two or more outlets, "
                         "0 a single article")  # "wide" (outlets A-D) and "pair" (A and E)
