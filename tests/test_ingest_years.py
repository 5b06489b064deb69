"""Year inference for datelines without a year: story, weekday and year-mention evidence, never the current year."""
import datetime as dt

import pytest

from lib.ingest.text import parse_text
from lib.ingest.years import resolve_day_references, resolve_years

TODAY = dt.date(2026, 11, 25)

RATE_CUT = ("BEIJING, Oct. 3 (Xinhua) -- The People's Bank of China cut the reserve requirement ratio for commercial "
            "lenders, the central bank said, releasing liquidity to support small businesses hit by tariffs.")


def resolve(*texts: str, today: dt.date = TODAY):
    """Parse texts as one batch and resolve the yearless ones; returns the articles in order."""
    parsed = [parse_text(t, f"doc{i}.txt") for i, t in enumerate(texts)]
    batch = [a for a, _ in parsed]
    pending = [(a, y) for a, y in parsed if y is not None]
    resolved = iter(resolve_years(batch, pending, today=today))
    return [next(resolved) if y is not None else a for a, y in parsed]


@pytest.mark.parametrize("reference", [
    "On Wednesday, the People's Bank of China cut the reserve requirement ratio for lenders",
    "Last Wednesday the People's Bank of China cut the reserve requirement ratio for lenders",
    "The People's Bank of China on October 3 cut the reserve requirement ratio for lenders",
    "Four days ago the People's Bank of China cut the reserve requirement ratio for lenders",
])
def test_story_reference_gives_the_year(reference):
    other = (f"SHANGHAI, October 7, 2018 (Reuters) - {reference}, a move aimed at small businesses hit by "
             "tariffs. Analysts said the central bank would release more liquidity.")
    target, _ = resolve(RATE_CUT, other)
    assert (target.published, target.date_source) == (dt.date(2018, 10, 3), "inferred-from-story")
    assert "doc1.txt" in target.date_note and target.date_confidence >= 0.8
    assert target.date_candidates[0] == "2018-10-03 inferred-from-story"


def test_story_proximity_without_reference_is_weaker():
    other = ("SHANGHAI, October 5, 2018 (Reuters) - The People's Bank of China cut the reserve requirement ratio "
             "for commercial lenders, releasing liquidity to support small businesses hit by tariffs, the central "
             "bank said.")
    target, _ = resolve(RATE_CUT, other)
    assert (target.published, target.date_source) == (dt.date(2018, 10, 3), "inferred-from-story")
    assert 0.5 <= target.date_confidence < 0.8 and "2 days later" in target.date_note


def test_unrelated_article_with_matching_weekday_is_ignored():
    other = ("LONDON, October 7, 2018 (Reuters) - On Wednesday, Chelsea beat Arsenal in a fiery derby at "
             "Stamford Bridge, the football club's manager said after the match.")
    target, _ = resolve(RATE_CUT, other)
    assert target.date_source != "inferred-from-story"
    assert target.published is None and target.date_source == "unknown"


def test_story_wins_over_weekday():
    text = RATE_CUT + " The decision was announced on Wednesday."
    other = ("SHANGHAI, October 7, 2018 (Reuters) - On Wednesday, the People's Bank of China cut the reserve "
             "requirement ratio for lenders to support small businesses hit by tariffs.")
    target, _ = resolve(text, other)
    assert target.published == dt.date(2018, 10, 3)  # the weekday alone would say 2018 too, but via the story
    assert target.date_source == "inferred-from-story" and "Wednesday" in target.date_note


@pytest.mark.parametrize("text,today,expected,source", [
    # most recent year, not in the future, in which March 2 is a Monday
    ("WASHINGTON, March 2 — The Senate met on Monday to vote.", TODAY, dt.date(2026, 3, 2), "inferred-from-weekday"),
    ("WASHINGTON, March 2 — The Senate met on Monday to vote.", dt.date(2026, 3, 1), dt.date(2020, 3, 2),
     "inferred-from-weekday"),
    ("PARIS, May 12 (AFP) - Talks resumed on Monday, a year after the 2013 accord.", dt.date(2024, 1, 1),
     dt.date(2014, 5, 12), "inferred-from-weekday"),
    # the latest year mentioned is a floor: no Monday May 12 in 2015..2023, so the mention decides
    ("PARIS, May 12 (AFP) - Talks resumed on Monday, after the 2015 accord.", dt.date(2024, 1, 1),
     dt.date(2015, 5, 12), "inferred-from-mentions"),
])
def test_weekday_inference(text, today, expected, source):
    (target,) = resolve(text, today=today)
    assert (target.published, target.date_source) == (expected, source)
    assert target.published <= today and target.date_note


def test_next_weekday_is_not_the_event():
    (target,) = resolve("WASHINGTON, March 2 — The Senate will vote next Monday on the bill.")
    assert target.date_source != "inferred-from-weekday"


def test_latest_year_mentioned():
    (target,) = resolve("MOSCOW, September 25. /TASS/. The treaty signed in 1972 and revised in 2011 stands.")
    assert (target.published, target.date_source) == (dt.date(2011, 9, 25), "inferred-from-mentions")
    assert "2011" in target.date_note and target.date_confidence < 0.5


def test_no_evidence_means_unknown_never_the_current_year():
    (target,) = resolve("MOSCOW, September 25. /TASS/. The talks went well, officials said.")
    assert target.published is None and target.date_source == "unknown"
    assert "without a year" in target.date_note and target.date_candidates == ()


def test_future_years_are_not_mentions():
    (target,) = resolve("MOSCOW, September 25. /TASS/. The plan runs to 2035.", today=TODAY)
    assert target.published is None


def test_header_date_beats_inference():
    (target,) = resolve("Date: 2019-09-25\n\nMOSCOW, September 25. /TASS/. Talks on Friday, signed in 2011.")
    assert (target.published, target.date_source) == (dt.date(2019, 9, 25), "header")


def test_yearless_header_date_is_inferred_too():
    (target,) = resolve("Date: Sept 25\n\nThe talks ended on Friday.")
    assert target.published is not None and target.published.weekday() == 4
    assert target.date_source == "inferred-from-weekday"


@pytest.mark.parametrize("text,published,expected", [
    ("On Friday, Putin announced", dt.date(2020, 9, 30), [dt.date(2020, 9, 25)]),
    ("last Friday he spoke", dt.date(2020, 9, 25), [dt.date(2020, 9, 18)]),
    ("on Friday he spoke", dt.date(2020, 9, 25), [dt.date(2020, 9, 25), dt.date(2020, 9, 18)]),
    ("Yesterday the bank said", dt.date(2021, 1, 1), [dt.date(2020, 12, 31)]),
    ("the day before yesterday", dt.date(2021, 1, 1), [dt.date(2020, 12, 30)]),
    ("three days ago", dt.date(2021, 1, 1), [dt.date(2020, 12, 29)]),
    ("on December 30 the bank said", dt.date(2021, 1, 1), [dt.date(2020, 12, 30)]),
    ("on 30th December", dt.date(2021, 1, 1), [dt.date(2020, 12, 30)]),
    ("next Friday", dt.date(2020, 9, 30), []),
    ("on December 30, 2019 the bank said", dt.date(2021, 1, 1), []),  # has its own year: not relative
    ("in May", dt.date(2021, 1, 1), []),
])
def test_day_references(text, published, expected):
    assert [d for d, _ in resolve_day_references(text, published)] == expected


def test_a_same_story_article_dated_after_today_gives_no_year():
    """A yearless dateline is never resolved to a day after today, even when the batch's own evidence says so."""
    other = ("SHANGHAI, October 7, 2038 (Reuters) - On Wednesday the People's Bank of China cut the reserve "
             "requirement ratio for lenders, a move aimed at small businesses hit by tariffs.")
    target, _ = resolve(RATE_CUT, other)
    assert target.published is None or target.published <= TODAY


def test_a_story_note_names_the_other_file_not_its_folder():
    """The date note is shown to readers: it names the same-story article's file, never the server's folders."""
    other = ("SHANGHAI, October 7, 2018 (Reuters) - On Wednesday, the People's Bank of China cut the reserve requirement "
             "ratio for lenders, a move aimed at small businesses hit by tariffs.")
    parsed = [parse_text(t, f"/srv/corpus/feeds/doc{i}.txt") for i, t in enumerate((RATE_CUT, other))]
    (target,) = resolve_years([a for a, _ in parsed], [(a, y) for a, y in parsed if y is not None], today=TODAY)
    assert "same-story article doc1.txt (" in target.date_note and "/srv" not in target.date_note
