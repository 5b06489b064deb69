"""Dated references: parametrized (text, expected) cases incl. negatives, the seeds, and offset invariants."""
from __future__ import annotations

import datetime as dt
import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.extract.date_mentions import extract_date_mentions
from lib.models import Article
from tests.conftest import ROOT, SEEDS

PUBLISHED = dt.date(2020, 9, 25)  # a Friday


def mentions(text: str, published=PUBLISHED, dateline=None) -> list[tuple[str, str | None, str]]:
    """(text, ISO value, granularity) of every mention found in ``text``."""
    article = Article(id="t", text=text, published=published, dateline=dateline)
    return [(m.text, m.value.isoformat() if m.value else None, m.granularity) for m in extract_date_mentions(article)]


@pytest.mark.parametrize("text, expected", [
    # full dates
    ("the agreement of May 25, 1972, was signed", [("May 25, 1972", "1972-05-25", "day")]),
    ("signed on 25 May 1972 in Moscow", [("25 May 1972", "1972-05-25", "day")]),
    ("signed on 25th of May, 1972.", [("25th of May, 1972", "1972-05-25", "day")]),
    ("Data from 2020-09-25 show", [("2020-09-25", "2020-09-25", "day")]),
    ("On Monday, Sept. 21, 2020, he left", [("Monday, Sept. 21, 2020", "2020-09-21", "day")]),
    ("on 21.09.2020 and 9/21/2020", [("21.09.2020", "2020-09-21", "day"), ("9/21/2020", "2020-09-21", "day")]),
    ("talks on May 25-26, 2019 ended", [("May 25-26, 2019", "2019-05-25", "day")]),
    # yearless days take the year that puts them near the article's date
    ("the vote on Sept. 25 was close", [("Sept. 25", "2020-09-25", "day")]),
    ("on 3 October the panel meets", [("3 October", "2020-10-03", "day")]),
    ("since Dec. 10 prices rose", [("Dec. 10", "2019-12-10", "day")]),
    # a past verb right before: done by the article's day (Sept. 25, 2020), so never in the weeks after it
    ("he was fired on Oct. 8 after the audit", [("Oct. 8", "2019-10-08", "day")]),
    ("she died on Sept. 30, her family said", [("Sept. 30", "2019-09-30", "day")]),
    ("he rear-ended a truck on the freeway on Oct. 8", [("Oct. 8", "2019-10-08", "day")]),
    ("the inmate remained at large until Oct. 8", [("Oct. 8", "2019-10-08", "day")]),
    # negatives: a present or future passive, a future marker, a present verb: the weeks ahead stay in reach
    ("the vote is scheduled on Oct. 8", [("Oct. 8", "2020-10-08", "day")]),
    ("he will be sworn in on Oct. 8", [("Oct. 8", "2020-10-08", "day")]),
    ("the talks resume on Oct. 8", [("Oct. 8", "2020-10-08", "day")]),
    ("a bill passed last week sets the vote on Oct. 8",
     [("last week", "2020-09-14", "week"), ("Oct. 8", "2020-10-08", "day")]),
    # months
    ("emails from March and April 2019 show", [("March", "2019-03-01", "month"), ("April 2019", "2019-04-01", "month")]),
    ("from May 3 to June 5, 2018 the", [("May 3", "2018-05-03", "day"), ("June 5, 2018", "2018-06-05", "day")]),
    ("extended until July.", [("July", "2021-07-01", "month")]),  # "until" looks ahead
    # ... but a deadline opening a sentence told in the past has passed; not one told in the future
    ("Talks stalled. By July, many reports grew more pessimistic.", [("July", "2020-07-01", "month")]),
    ("Talks stalled. By July, the company will have hired 500 people.", [("July", "2021-07-01", "month")]),
    ("since Dec. 10 prices rose", [("Dec. 10", "2019-12-10", "day")]),
    ("in September 2020 the", [("September 2020", "2020-09-01", "month")]),
    ("in March the agency", [("March", "2020-03-01", "month")]),
    ("last May the agency", [("last May", "2020-05-01", "month")]),
    ("In March President Trump said", [("March", "2020-03-01", "month")]),
    ("next January the agency", [("next January", "2021-01-01", "month")]),
    ("since September this year", [("September this year", "2020-09-01", "month")]),
    ("in August last year", [("August last year", "2019-08-01", "month")]),
    # seasons
    ("in the summer of 2019 and Fall 2009", [("summer of 2019", "2019-06-01", "season"),
                                              ("Fall 2009", "2009-09-01", "season")]),
    ("last summer and this winter", [("last summer", "2019-06-01", "season"), ("this winter", "2020-12-01", "season")]),
    ("next spring the", [("next spring", "2021-03-01", "season")]),
    # years, decades, centuries
    ("first introduced in 1998 on the subject", [("1998", "1998-01-01", "year")]),
    ("established for this purpose in 2018.", [("2018", "2018-01-01", "year")]),
    ("from 2019-2020 it grew", [("2019", "2019-01-01", "year"), ("2020", "2020-01-01", "year")]),
    ("in the 1990s and the '80s", [("1990s", "1990-01-01", "decade"), ("'80s", "1980-01-01", "decade")]),
    ("in the 20th century", [("20th century", "1901-01-01", "century")]),
    ("in the late 1800s and the 2000s", [("1800s", "1800-01-01", "century"), ("2000s", "2000-01-01", "decade")]),
    ("below 1990 levels", [("1990", "1990-01-01", "year")]),
    ("the 2016 elections", [("2016", "2016-01-01", "year")]),
    ("the battle of 1066", [("1066", "1066-01-01", "year")]),
    # relative
    ("Last year, the organization passed", [("Last year", "2019-01-01", "year")]),
    ("next month the", [("next month", "2020-10-01", "month")]),
    ("this year the", [("this year", "2020-01-01", "year")]),
    ("last week the", [("last week", "2020-09-14", "week")]),
    ("two years ago the", [("two years ago", "2018-01-01", "year")]),
    ("3 days ago the", [("3 days ago", "2020-09-22", "day")]),
    ("yesterday the", [("yesterday", "2020-09-24", "day")]),
    ("uploaded to the website on Friday.", [("Friday", "2020-09-25", "day")]),
    ("He met them on Tuesday.", [("Tuesday", "2020-09-22", "day")]),
    ("He will meet them on Tuesday.", [("Tuesday", "2020-09-29", "day")]),
    ("He said on Tuesday he will go.", [("Tuesday", "2020-09-22", "day")]),
    ("The school must respond by Tuesday.", [("Tuesday", "2020-09-29", "day")]),
    ("The store was closed until Tuesday.", [("Tuesday", "2020-09-22", "day")]),
    ("last Friday the", [("last Friday", "2020-09-18", "day")]),
    ("next Friday the", [("next Friday", "2020-10-02", "day")]),
    # negatives
    ("adopted as resolution 53/70 by the Assembly", []),
    ("it cost $1998 in total", []),
    ("1,500 people marched", []),
    ("2000 soldiers were sent", []),
    ("call 555-2020 now", []),
    ("He may go. They may 25 times.", []),
    ("protesters march in the rain", []),
    ("Black Friday sales and Good Friday", []),
    ("at 1800 GMT", []),
    ("one of the greatest challenges of today", []),
    ("sales fell compared with the previous year", []),  # relative to a year in the text, not to the article
    ("on Super Bowl Sunday and Oscar Sunday", []),
    ("a plan backed by May said little", []),  # Theresa May, not the month
    ("a note from April was read", []),
    ("He flew an A320 and a 747 in 20 minutes", []),
    ("the 2,000th visitor in 1500 metres", []),
])
def test_mentions(text, expected):
    """Each text yields exactly the expected mentions."""
    assert mentions(text) == expected


@pytest.mark.parametrize("text, published, expected", [
    # in November "this spring" is the coming one (its middle is nearest), so "next spring" is the one after it;
    # the old candidate window ended before it and the resolver raised ValueError on real pages
    ("this spring and next spring", dt.date(2020, 11, 20), [("this spring", "2021-03-01", "season"),
                                                             ("next spring", "2022-03-01", "season")]),
    ("last spring", dt.date(2020, 11, 20), [("last spring", "2020-03-01", "season")]),
    ("next winter", dt.date(9999, 12, 31), [("next winter", None, "season")]),  # off the calendar: no value
    ("last spring", dt.date(1, 1, 1), [("last spring", None, "season")]),
    ("this autumn", dt.date(9999, 6, 1), [("this autumn", "9999-09-01", "season")]),
])
def test_relative_seasons_always_resolve_or_say_none(text, published, expected):
    """Every "last/this/next <season>" gets a season or None, whatever the article's day: never an exception."""
    assert mentions(text, published=published) == expected


@pytest.mark.parametrize("published", [None, PUBLISHED])
def test_a_range_shares_its_year_in_an_undated_article_too(published):
    """"May 3 to June 5, 2019": the first date takes the written year, its month and day read from the match (an
    undated article has no resolved value to read them from; that raised KeyError)."""
    assert mentions("Talks ran from May 3 to June 5, 2019.", published=published) == [
        ("May 3", "2019-05-03", "day"), ("June 5, 2019", "2019-06-05", "day")]


def test_relative_without_published_date_has_no_value():
    """With no article date, relative mentions are kept but unresolved; absolute ones still resolve."""
    assert mentions("Last year, in 1998, on Friday", published=None) == [
        ("Last year", None, "year"), ("1998", "1998-01-01", "year"), ("Friday", None, "day")]


def test_dateline_date_is_not_a_mention():
    """The article's own dateline is not a reference to a date."""
    dateline = "GENOA (UrduPoint News / Sputnik - 30th September, 2020)"
    found = mentions(dateline + " The UN said in 2018.", published=dt.date(2020, 9, 30), dateline=dateline)
    assert found == [("2018", "2018-01-01", "year")]


def test_sentence_and_flags():
    """A mention carries its sentence, and relative ones say so."""
    text = "First sentence here. Last year, the body passed a text. It was in 1998."
    found = extract_date_mentions(Article(id="t", text=text, published=PUBLISHED))
    assert [(m.sentence, m.relative) for m in found] == [
        ("Last year, the body passed a text.", True), ("It was in 1998.", False)]
    assert all(text[m.sentence_start:m.sentence_end] == m.sentence for m in found)


GOLDEN = ROOT / "tests" / "data" / "date_mentions_seeds.json"


def seed_mentions() -> dict[str, list[dict]]:
    """The seeds parsed by the ingestion pipeline, and their date mentions as JSON-ready dicts."""
    from lib.ingest import parse_paths
    from lib.models import to_dict

    out = {}
    for result in parse_paths([str(SEEDS)]):
        for article in result.articles:
            rows = [to_dict(m) for m in extract_date_mentions(article)]
            out[os.path.basename(result.path)] = [{k: v for k, v in r.items() if k != "article_id"} for r in rows]
    return out


def test_seeds_golden():
    """The seeds' dated references, parsed through lib.ingest, match the golden file (UPDATE_GOLDEN=1 rewrites it)."""
    found = seed_mentions()
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert found == json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name, expected", [
    ("000_6c2b300fd0bd74a3.txt", [("Friday", "2020-09-25", "day"), ("May 25, 1972", "1972-05-25", "day")]),
    ("004_782949620f890c67.txt",
     [("Friday", "2020-09-25", "day"), ("2018", "2018-01-01", "year"), ("1998", "1998-01-01", "year"),
      ("1972", "1972-01-01", "year"), ("Last year", "2019-01-01", "year")]),
])
def test_seeds(name, expected):
    """The acceptance items: 1972 (with May 25), 1998, 2018, Friday -> 2020-09-25, last year -> 2019."""
    assert [(m["text"], m["value"], m["granularity"]) for m in seed_mentions()[name]] == expected


VOCABULARY = ("May", "may", "25", "25th", "1972", "2020", "1990s", "'90s", ",", ".", "-", "/", "$", "of", "in", "since",
              "last", "next", "this", "year", "week", "summer", "winter", "Friday", "Sept.", "ago", "two", "a",
              "decade", "century", "20th", "yesterday", "the", "will", "said", "on", "2020-09-25", "09/25/2020",
              "\n\n", "March", "people", "Black")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), max_size=30).map(" ".join),
       st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))))
def test_offsets_are_inside_text(text, published):
    """Whatever the text and date, mentions point at their own text, sit in their sentence, never overlap."""
    found = extract_date_mentions(Article(id="t", text=text, published=published))
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.sentence_start <= m.start < m.end <= m.sentence_end
        assert m.granularity in ("day", "week", "month", "season", "year", "decade", "century")
        assert m.value is not None or m.relative
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
