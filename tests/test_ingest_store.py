"""Batched storing (lib.store.store_files, used by the pipeline): same rules as store_file, one transaction."""
import pytest

from lib.models import Article, Quote, make_article_id
from lib.store import connect, load_articles, load_quotes, load_report, record_report, store_file, store_files


def art(text: str, outlet: str = "AP") -> Article:
    """A minimal article with a content id."""
    return Article(id=make_article_id(text, outlet), text=text, outlet=outlet, paragraphs=((0, len(text)),))


@pytest.fixture
def con(tmp_path):
    """A real DuckDB file."""
    c = connect(tmp_path / "c.duckdb")
    yield c
    c.close()


def test_batch_counts_and_rules(con):
    a, b, c = art("one"), art("two"), art("three")
    q = Quote(article_id=a.id, text="one", start=0, end=3, kind="direct")
    assert store_files(con, [("f1", [a, b], [q], []), ("f2", [b, c], [], [])]) == [(2, 0), (1, 0)]
    assert len(load_articles(con)) == 3 and len(load_quotes(con)) == 1
    assert store_files(con, [("f1", [a, b], [q], []), ("f2", [b, c], [], [])]) == [(0, 0), (0, 0)]
    d = art("one, corrected")
    assert store_files(con, [("f1", [d, b], [], [])]) == [(1, 1)]  # a changed file replaces its old version
    assert set(load_articles(con)["id"]) == {b.id, c.id, d.id} and load_quotes(con).empty
    assert store_files(con, []) == []


def test_store_file_is_a_batch_of_one(con):
    a = art("alone")
    assert store_file(con, "f", [a]) == (1, 0)
    assert store_file(con, "f", [a]) == (0, 0)
    assert store_file(con, "f", []) == (0, 1)


def test_failed_batch_rolls_back(con):
    store_files(con, [("f1", [art("kept")], [], [])])
    with pytest.raises(Exception):
        store_files(con, [("f2", [art("new")], [], []), ("f3", [object()], [], [])])
    assert list(load_articles(con)["text"]) == ["kept"]


def test_report_rows(con):
    record_report(con, [("a.txt", "ok", "", ["x"]), ("b.png", "rejected", "binary file", [])])
    report = load_report(con)
    assert sorted(report["status"]) == ["ok", "rejected"] and list(report.loc[report.path == "a.txt", "article_ids"].iloc[0]) == ["x"]
