"""The dateline grammar: every wire form, common variants, and openings that must not be datelines."""
import pytest
from hypothesis import given, settings, strategies as st

from lib.domain.datelines import DATELINE_ROWS, match_dateline, parse_dateline_date
from lib.domain.outlets import OUTLET_ALIASES, canonical_outlet

# (opening of a text, raw, place, outlet, via, (year, month, day), the body's first characters)
POSITIVE = [
    ("MOSCOW, September 25. /TASS/. Russian President Vladimir Putin", "MOSCOW, September 25. /TASS/.",
     "MOSCOW", "TASS", None, (None, 9, 25), "Russian"),
    ("GENOA (UrduPoint News / Sputnik - 30th September, 2020) The United Nations",
     "GENOA (UrduPoint News / Sputnik - 30th September, 2020)", "GENOA", "UrduPoint News", "Sputnik",
     (2020, 9, 30), "The United"),
    ("ISLAMABAD, (UrduPoint / Pakistan Point News - 25th Sep, 2020) :The minister",
     "ISLAMABAD, (UrduPoint / Pakistan Point News - 25th Sep, 2020)", "ISLAMABAD", "UrduPoint News",
     "Pakistan Point News", (2020, 9, 25), "The minister"),
    ("WASHINGTON (Reuters) - The U.S. Senate", "WASHINGTON (Reuters)", "WASHINGTON", "Reuters", None,
     (None, None, None), "The U.S."),
    ("LONDON, Oct 3 (Reuters) - British lawmakers", "LONDON, Oct 3 (Reuters)", "LONDON", "Reuters", None,
     (None, 10, 3), "British"),
    ("WASHINGTON (AP) — President Joe Biden", "WASHINGTON (AP)", "WASHINGTON", "Associated Press", None,
     (None, None, None), "President"),
    ("NEW YORK (AP) — Stocks fell", "NEW YORK (AP)", "NEW YORK", "Associated Press", None, (None, None, None),
     "Stocks"),
    ("SAN JUAN, Puerto Rico (AP) — A storm", "SAN JUAN, Puerto Rico (AP)", "SAN JUAN, Puerto Rico",
     "Associated Press", None, (None, None, None), "A storm"),
    ("WASHINGTON, Friday, Sept. 25, 2020 (AP) — The House", "WASHINGTON, Friday, Sept. 25, 2020 (AP)",
     "WASHINGTON", "Associated Press", None, (2020, 9, 25), "The House"),
    ("PARIS (AFP) - France said", "PARIS (AFP)", "PARIS", "AFP", None, (None, None, None), "France"),
    ("Washington (CNN) -- The White House", "Washington (CNN)", "Washington", "CNN", None, (None, None, None),
     "The White"),
    ("Washington (CNN)President Donald Trump", "Washington (CNN)", "Washington", "CNN", None,
     (None, None, None), "President"),
    ("BEIJING, Sept. 25 (Xinhua) -- China on Friday", "BEIJING, Sept. 25 (Xinhua)", "BEIJING", "Xinhua", None,
     (None, 9, 25), "China on"),
    ("MOSCOW. Sept 25 (Interfax) - Russia's Foreign Ministry", "MOSCOW. Sept 25 (Interfax)", "MOSCOW",
     "Interfax", None, (None, 9, 25), "Russia's"),
    ("MOSCOW, September 25 (RIA Novosti) - The Kremlin", "MOSCOW, September 25 (RIA Novosti)", "MOSCOW",
     "RIA Novosti", None, (None, 9, 25), "The Kremlin"),
    ("МОСКВА, 25 сен — РИА Новости. Президент России", "МОСКВА, 25 сен — РИА Новости.", "МОСКВА",
     "RIA Novosti", None, (None, 9, 25), "Президент"),
    ("МОСКВА, 25 сентября. /ТАСС/. Президент России", "МОСКВА, 25 сентября. /ТАСС/.", "МОСКВА", "TASS", None,
     (None, 9, 25), "Президент"),
    ("WASHINGTON — The Senate voted", "WASHINGTON", "WASHINGTON", None, None, (None, None, None), "The Senate"),
    ("WASHINGTON -- The Senate voted", "WASHINGTON", "WASHINGTON", None, None, (None, None, None), "The Senate"),
    ("WASHINGTON, Sept. 25 — The Senate", "WASHINGTON, Sept. 25", "WASHINGTON", None, None, (None, 9, 25),
     "The Senate"),
    ("ST. PETERSBURG, Russia (AP) — Officials", "ST. PETERSBURG, Russia (AP)", "ST. PETERSBURG, Russia",
     "Associated Press", None, (None, None, None), "Officials"),
    ("THE HAGUE, Netherlands (AP) — Judges", "THE HAGUE, Netherlands (AP)", "THE HAGUE, Netherlands",
     "Associated Press", None, (None, None, None), "Judges"),
    ("WASHINGTON (Aug. 13) -- Officials", "WASHINGTON (Aug. 13)", "WASHINGTON", None, None, (None, 8, 13), "Officials"),
    ("KYIV, Ukraine — Officials", "KYIV, Ukraine", "KYIV, Ukraine", None, None, (None, None, None), "Officials"),
    ("  \nBERLIN (dpa) - Germany", "BERLIN (dpa)", "BERLIN", "dpa", None, (None, None, None), "Germany"),
    ("TOKYO, Oct. 3 (Kyodo) -- Japan", "TOKYO, Oct. 3 (Kyodo)", "TOKYO", "Kyodo", None, (None, 10, 3), "Japan"),
    ("NEW DELHI, 30th September, 2020 (IANS) - India", "NEW DELHI, 30th September, 2020 (IANS)", "NEW DELHI",
     "IANS", None, (2020, 9, 30), "India"),
]

# Openings that are no dateline.
NEGATIVE = [
    "Washington said on Friday it would impose sanctions.",
    "WASHINGTON state officials said the fires were contained.",
    "US officials said the talks had stalled.",
    "Moscow has long sought a treaty on cybersecurity.",
    "Putin (right) said the talks went well.",
    "London is expensive (Reuters) - a survey said.",
    "BREAKING — Markets tumble after the announcement",
    "UPDATE 2 — Markets tumble",
    "The meeting in GENOA (Italy) was short.",
    "MOSCOW, Russia's capital, hosted the talks.",
    "He said: MOSCOW will respond.",
    "NATO and the EU — two institutions — met.",
    "A FIRE — BOMB attack on a bank in Athens.",
    "IN BRIEF — Markets rose.",
    "",
    "   ",
    "MOSCOW, February 30. /TASS/. Impossible day.",
]


@pytest.mark.parametrize("text,raw,place,outlet,via,date,body", POSITIVE)
def test_dateline_forms(text, raw, place, outlet, via, date, body):
    m = match_dateline(text)
    assert m is not None, text
    assert (m.raw, m.place, m.outlet, m.via, (m.year, m.month, m.day)) == (raw, place, outlet, via, date)
    assert text[m.end:].startswith(body)
    assert text[text.index(raw):].startswith(raw)  # the dateline is quoted exactly as written


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_dateline(text):
    assert match_dateline(text) is None


@pytest.mark.parametrize("written,expected", [
    ("September 25", (None, 9, 25)), ("Sept. 25", (None, 9, 25)), ("Oct 3", (None, 10, 3)),
    ("30th September, 2020", (2020, 9, 30)), ("September 25, 2020", (2020, 9, 25)), ("25 сентября", (None, 9, 25)),
    ("1st of May 2021", (2021, 5, 1)), ("25.09.2020", (2020, 9, 25)), ("February 29", (None, 2, 29)),
    ("February 29, 2021", None), ("September 31", None), ("Smarch 3", None),
])
def test_dateline_dates(written, expected):
    assert parse_dateline_date(written) == expected


@pytest.mark.parametrize("written,expected", [
    ("AP", "Associated Press"), ("A.P.", "Associated Press"), ("The Associated Press", "Associated Press"),
    ("ITAR-TASS", "TASS"), ("Reuters", "Reuters"), ("Agence France-Presse", "AFP"), ("urdupoint news", "UrduPoint News"),
    ("Daily Planet", "Daily Planet"), ("  ", None), (None, None),
])
def test_outlet_aliases(written, expected):
    assert canonical_outlet(written) == expected


def test_tables_are_data():
    assert len(DATELINE_ROWS) >= 6 and all(len(row) == 3 for row in DATELINE_ROWS)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in OUTLET_ALIASES)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_match_is_total_and_in_bounds(text):
    m = match_dateline(text)
    if m is not None:
        assert 0 < m.end <= len(text)
        assert m.raw and m.raw in text[:m.end]


@pytest.mark.parametrize("line, expected", [
    ("Posted August 2nd, 2013 at 5: 19 pm", True),
    ("Friday August 2, 2013 @ 8: 13am PDT", True),
    ("Published on: Fri, 11 Nov 2011 at 09: 56 IST", True),
    ("14 June 2013", True),
    # a wire dateline: the date with its year or time, and the agency and place in capitals
    ("TNN Nov 12, 2011, 05. 51AM IST MUMBAI:", True),
    ("PTI | Updated: Mar 3, 2020, 10:41 IST", True),
    # negatives: a sentence naming a date, a weekday alone, a headline, an empty line
    ("The fire broke out on July 21, 2013.", False),
    ("NASA SPENDS 2 BILLION IN MAY 2020:", False),  # a headline in capitals
    ("COVID 19 UPDATE:", False),
    ("Mayor Jo Hale, Nov 12, 2011:", False),
    ("Friday", False),
    ("Ellen DeGeneres To Host 86th Oscars", False),
    ("", False),
])
def test_a_date_line_is_only_a_date(line, expected):
    from lib.domain.datelines import is_date_line
    assert is_date_line(line) is expected


@pytest.mark.parametrize("text, body", [
    ("Posted August 2nd, 2013 at 5: 19 pm\n\nTelevision icon Ellen will host.", "Television icon"),
    ("Updated: May 3, 2013\n\nPosted on May 2, 2013\n\nLONDON (Reuters) - The bank said.", "The bank said"),
    # negatives: no date line; a text that is only a date line keeps it
    ("LONDON (Reuters) - The bank said.", "The bank said"),
    ("May 3, 2013", "May 3, 2013"),
])
def test_the_body_starts_past_the_date_lines_at_the_top(text, body):
    from lib.domain.datelines import body_start
    assert text[body_start(text):].startswith(body)
