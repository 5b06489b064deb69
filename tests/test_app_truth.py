"""What the pages say must hold in the state shown: a section's name matches the bin its chart counts by, a hint to
pick a story is gone once one is picked, and a comparison of outlets with one outlet in the filter says it needs two
instead of reporting that nothing is shared (Streamlit's AppTest on small corpora written here)."""
import json

import pytest

from tests.conftest import open_page, write_jsonl
from tests.test_dashboard import dashboard_argv, folder_corpus  # noqa: F401 (fixtures: the argv, a folder corpus)


@pytest.fixture
def corpus(folder_corpus):  # noqa: F811
    """Write the given JSONL rows into the folder corpus."""
    def write(rows):
        write_jsonl(folder_corpus / "rows.jsonl", rows)
    return write


BODY = ("The harbour board voted on Tuesday to close the old pier for repairs. \"We cannot keep a pier open that might "
        "fall into the sea,\" said Mara Olsen, the board's chair. Repairs are to take eight months and cost about "
        "four million. Fishing boats will moor at the north quay until the work is done, the board said.")


def page_text(at) -> str:
    """Every caption, markdown, info and tab label of the page, and the metrics' help."""
    parts = [e.value for kind in ("markdown", "caption", "info", "warning") for e in getattr(at, kind)]
    parts += [t.label for t in at.tabs] + [m.proto.help for m in at.metric]
    return "\n".join(map(str, parts))


def chart_titles(at) -> list[str]:
    """The titles of the page's plotly charts."""
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


def test_the_daily_section_never_says_per_day_of_weekly_bars(corpus):
    """Two years of articles are counted per week: no label of the page may call them articles per day."""
    corpus([{"outlet": o, "published": d, "title": f"Pier {d}", "text": BODY}
            for o, d in (("Harbour News", "2021-01-04"), ("Quay Times", "2022-11-20"))])
    at = open_page("overview", {"section": "Articles over time"})
    assert chart_titles(at) == ["Articles per week, by outlet"]
    assert "per day" not in page_text(at)


def test_a_link_to_the_old_daily_section_still_opens_it(corpus):
    corpus([{"outlet": "Harbour News", "published": "2021-01-04", "title": "Pier", "text": BODY}])
    at = open_page("overview", {"section": "Articles per day"})
    assert chart_titles(at) == ["Articles per day, by outlet"]


@pytest.mark.parametrize("section", [None, "Story table"])
def test_no_hint_to_pick_a_story_once_one_is_picked(section):
    """On the seeds: the hint shows with no story picked, and not with one."""
    query = {"section": section} if section else {}
    at = open_page("overview", query)
    assert "Pick a story" in page_text(at)
    story = next(iter(at.session_state["view"].story_names))
    text = page_text(open_page("overview", {**query, "story": story}))
    assert "Pick a story" not in text and "Story page" in text


@pytest.mark.parametrize("section", ["Shared quotes", "Quote lineage", "Passage reuse", "Article pair",
                                     "Reused passages"])
def test_one_outlet_in_the_filter_says_the_comparison_needs_two(section):
    """With one outlet picked nothing can be shared between outlets: the page says the comparison needs two, not
    that these articles share nothing (which reads as a finding)."""
    at = open_page("quotes", {"section": section, "outlet": "TASS"})
    text = page_text(at)
    assert "at least two outlets" in text
    assert "share no" not in text and not at.get("plotly_chart")


@pytest.mark.parametrize("section, finding", [("Shared quotes", "share no quote"),
                                              ("Passage reuse", "share no verbatim passage")])
def test_two_outlets_sharing_nothing_still_say_so(section, finding):
    """The seeds' two outlets share nothing: that is a finding, and the page still says it."""
    text = page_text(open_page("quotes", {"section": section}))
    assert finding in text and "at least two outlets" not in text


def test_the_quote_count_under_a_speaker_filter_says_whose_they_are():
    """The speaker filter picks the articles quoting the speaker; the Overview's quote count is all their quotes, so
    its label says how many of them are the speaker's (as the Quotes page does)."""
    at = open_page("overview")
    who = at.session_state["view"].quotes["who"].value_counts()
    speaker = who.index[0]
    at = open_page("overview", {"speaker": speaker})
    quotes = at.session_state["view"].quotes
    (metric,) = [m for m in at.metric if m.label.startswith("Quotes")]
    assert metric.label == f"Quotes ({int((quotes['who'] == speaker).sum()):,} theirs)"
    assert metric.value == f"{len(quotes):,}" and speaker in metric.proto.help
