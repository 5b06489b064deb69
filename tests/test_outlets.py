"""Outlet identity: one outlet per publisher, whatever form the input wrote it in (issue 15)."""
import datetime as dt

import pytest

from lib import store
from lib.domain.outlets import ALIASES_FILE, OUTLET_ALIASES, _read_aliases, canonical_outlet, is_known_outlet
from lib.models import Article, make_article_id


@pytest.mark.parametrize("written,expected", [
    # one publisher, many spellings: site name, domain, host, URL, AllSides-style medium qualifier
    ("foxnews.com", "Fox News"), ("Fox News", "Fox News"), ("www.foxnews.com", "Fox News"),
    ("Fox News (Online News)", "Fox News"), ("http://www.foxnews.com/politics/a.html", "Fox News"),
    ("CNN", "CNN"), ("CNN.com", "CNN"), ("edition.cnn.com", "CNN"), ("CNN (Opinion)", "CNN"),
    ("articles.philly.com", "The Philadelphia Inquirer"), ("Philadelphia Inquirer", "The Philadelphia Inquirer"),
    ("news.bbc.co.uk", "BBC"), ("BBC News", "BBC"), ("abcnews.go.com", "ABC News"), ("tass.ru", "TASS"),
    ("New York Times (News)", "The New York Times"), ("nytimes.com", "The New York Times"),
    # unknown publishers: the registered domain, or the name as written (tidied)
    ("ktla.com", "ktla.com"), ("www.example-news.co.uk", "example-news.co.uk"),
    ("Daily Planet", "Daily Planet"), ("  Daily   Planet. ", "Daily Planet"),
    # not hosts: abbreviations with dots, names with a parenthesis that is not a medium
    ("A.P.", "Associated Press"), ("U.S. News", "U.S. News"), ("x.y", "x.y"),
    ("One America News Network (OAN)", "One America News Network (OAN)"),
    # a publisher's legal form is no part of the outlet; a name that is one stays
    ("The Philadelphia Inquirer, LLC", "The Philadelphia Inquirer"), ("Harlan Media GmbH", "Harlan Media"),
    ("Harlan Times Ltd.", "Harlan Times"), ("LLC", "LLC"),
    ("", None), ("  ", None), (None, None),
])
def test_canonical_outlet(written, expected):
    assert canonical_outlet(written) == expected


def test_different_publishers_stay_apart():
    # fox news and fox business, cnn.com and a cnn-like domain, go.com's tenants
    assert canonical_outlet("foxbusiness.com") != canonical_outlet("foxnews.com")
    assert canonical_outlet("cnnespanol-example.com") != canonical_outlet("cnn.com")
    assert canonical_outlet("abcnews.go.com") != canonical_outlet("espn.go.com")


@pytest.mark.parametrize("written,known", [("www.foxnews.com", True), ("The Guardian", True),
                                           ("ktla.com", False), ("Daily Planet", False)])
def test_is_known_outlet(written, known):
    assert is_known_outlet(written) is known


def test_alias_table_is_data_and_canonical_names_are_fixed_points():
    assert len(OUTLET_ALIASES) >= 100 and OUTLET_ALIASES == _read_aliases(ALIASES_FILE)
    for _, outlet in OUTLET_ALIASES:
        assert canonical_outlet(outlet) == outlet, outlet  # a readable name maps to itself


def test_bad_alias_row_is_a_clear_error(tmp_path):
    bad = tmp_path / "aliases.csv"
    bad.write_text("written,outlet\nfoo.com,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"aliases.csv:2"):
        _read_aliases(bad)


def test_outlet_raw_is_stored_and_old_corpora_gain_the_column(tmp_path):
    path = tmp_path / "c.duckdb"
    con = store.connect(path)
    con.execute("ALTER TABLE articles DROP COLUMN outlet_raw")  # a corpus stored before the column existed
    con.close()
    con = store.connect(path)
    text = "WASHINGTON (AP) - Something happened today, officials said."
    a = Article(id=make_article_id(text, "Fox News"), text=text, outlet=canonical_outlet("www.foxnews.com"),
                outlet_raw="www.foxnews.com", published=dt.date(2020, 1, 2))
    store.store_file(con, "a.txt", [a])
    row = store.load_articles(con).iloc[0]
    assert (row["outlet"], row["outlet_raw"]) == ("Fox News", "www.foxnews.com")


@pytest.mark.parametrize("written,expected", [
    # hosting domains: each subdomain is its own publisher (a blog, a broadcaster's site), never the host's owner
    ("sports.espn.go.com", "ESPN"), ("abcnews.go.com", "ABC News"), ("oscar.go.com", "oscar.go.com"),
    ("www.espn.co.uk", "ESPN"),  # a national edition: the alias of its name (as "tass.ru" is TASS)
    ("druzifer.blogspot.nl", "druzifer.blogspot.nl"), ("someone.wordpress.com", "someone.wordpress.com"),
])
def test_hosting_domains_keep_the_publishers_apart(written, expected):
    assert canonical_outlet(written) == expected
