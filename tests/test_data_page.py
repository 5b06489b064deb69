"""The Data page's links and outlets sections in Streamlit's AppTest, fetching from the loopback site (conftest)."""
from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from app.source import ENV_CORPUS, MAX_LINKS_PER_REQUEST, links_in
from conftest import ROOT, SEEDS


@pytest.fixture
def corpus_folder(tmp_path, monkeypatch):
    """A writable folder corpus holding one seed article."""
    monkeypatch.setattr("sys.argv", ["dashboard.py"])
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(next(SEEDS.glob("*.txt")), folder)
    monkeypatch.setenv(ENV_CORPUS, str(folder))
    return folder


def data_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.run()
    at.switch_page("app/pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_links_in_pasted_text():
    text = "https://a.example/1\nnot a link  http://b.example/2 https://a.example/1\nftp://c.example/3"
    assert links_in(text) == ["https://a.example/1", "http://b.example/2"]
    assert MAX_LINKS_PER_REQUEST >= 10


def test_pasted_links_are_fetched_stored_and_each_reported(site, corpus_folder):
    at = data_page()
    at.text_area[0].set_value(f"{site.base}/news/2024/05/01/night-buses.html\n{site.base}/private/draft.html")
    next(b for b in at.button if b.label == "Fetch and add").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == ["Stored 1 article(s) from 2 URL(s)."]
    table = next(df.value for df in at.dataframe if "url" in df.value.columns)
    assert list(table["status"]) == ["ok", "rejected"]
    assert table["reason"].iloc[1] == "forbidden by the site's robots.txt"
    at.run()  # the pages read the new corpus version
    assert any(" · 2 articles" in str(m.value) for m in at.markdown)


def test_an_outlets_file_is_stored_from_the_page(corpus_folder):
    at = data_page()
    at.file_uploader(key="outlets_file").set_value(
        [("outlets.csv", b"outlet,type\nTASS,state-affiliated\n,x\n", "text/csv")]).run()
    next(b for b in at.button if b.label == "Store the outlet descriptions").click().run()
    assert [s.value for s in at.success] == ["1 outlet(s) described."]
    assert any("name in this row" in e.value for e in at.error)  # escaped as plain text: outlets\\.csv\\:3\\: ...


def test_a_read_only_corpus_offers_no_paste_box(tmp_path, monkeypatch):
    from lib import store
    from lib.pipeline import ingest_paths

    db = tmp_path / "corpus.duckdb"
    con = store.connect(str(db))
    ingest_paths(con, [str(SEEDS)])
    con.close()
    monkeypatch.setattr("sys.argv", ["dashboard.py", "--db", str(db), "--read-only"])
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    at = data_page()
    assert not at.text_area and not any(b.label == "Fetch and add" for b in at.button)
    assert any("served read-only" in i.value for i in at.info)
    corpus_line = at.markdown[0].value  # the file's name, never its server folder
    assert corpus_line.startswith("Corpus: DuckDB corpus corpus") and str(tmp_path) not in corpus_line


@pytest.mark.parametrize("path, shown", [
    ("/srv/corpora/in/wire/afp.txt", "afp.txt"),  # never a server folder (Data and Articles pages)
    ("/srv/corpora/in/bulk/export.csv:2", "export.csv:2"),  # a bulk row keeps its line
    ("https://example.org/2021/05/01/story.html", "https://example.org/2021/05/01/story.html"),
])
def test_shown_path(path, shown):
    from lib.models import shown_path
    assert shown_path(path) == shown
