"""The domain facts in lib/domain that several stages share: each table answers the same way for every caller."""
import datetime as dt

import pytest

from lib.domain.calendar import (month_number, named_years, weekday_number, weekday_on_or_after,
                                 weekday_on_or_before)
from lib.domain.datelines import body_start
from lib.domain.languages import language_code
from lib.domain.dates import find_dates
from lib.domain.names import given_name_gender
from lib.domain.sentences import excerpt, is_heading_line, shorten, split_sentences
from lib.domain.verbs import PROPOSING_TEXT

FRIDAY = dt.date(2020, 9, 25)


@pytest.mark.parametrize("written,expected", [
    ("September", 9), ("Sept.", 9), ("sep", 9), ("сентября", 9), ("МАЯ", 5), ("May", 5),
    ("Septembre", None), ("", None), ("Mayor", None),
])
def test_month_number(written, expected):
    assert month_number(written) == expected


@pytest.mark.parametrize("written,expected", [("Friday", 4), ("fri.", 4), ("Thurs", 3), ("Sun", 6), ("Fried", None)])
def test_weekday_number(written, expected):
    assert weekday_number(written) == expected


@pytest.mark.parametrize("day,weekday,strict,before,after", [
    (FRIDAY, 4, False, FRIDAY, FRIDAY),  # "on Friday" in a Friday piece: that day
    (FRIDAY, 4, True, dt.date(2020, 9, 18), dt.date(2020, 10, 2)),  # "last / next Friday"
    (FRIDAY, 0, False, dt.date(2020, 9, 21), dt.date(2020, 9, 28)),
    (dt.date(1, 1, 1), 4, True, None, dt.date(1, 1, 5)),  # off the calendar: None, not an OverflowError
])
def test_weekday_arithmetic(day, weekday, strict, before, after):
    assert weekday_on_or_before(day, weekday, strict) == before
    assert weekday_on_or_after(day, weekday, strict) == after


@pytest.mark.parametrize("text,expected", [
    ("Signed in 1972, renewed in 2019-2020; the plan for 2035.", [1972, 2019, 2020, 2035]),
    ("In the 1990s, 2,013 people and item 2013a; code 20135; in 1865", [1865]),
    ("no year here, 123 or 99", []),
])
def test_named_years(text, expected):
    assert named_years(text) == expected


@pytest.mark.parametrize("text,kind,value,granularity", [
    ("On Friday, Putin announced", "weekday", dt.date(2020, 9, 25), "day"),
    ("talks were held yesterday", "day_word", dt.date(2020, 9, 29), "day"),
    ("signed on May 25, 1972", "mdy", dt.date(1972, 5, 25), "day"),
    ("as it did last year", "rel_unit", dt.date(2019, 1, 1), "year"),
])
def test_find_dates_gives_kind_and_value(text, kind, value, granularity):
    """The one recogniser: what extract, year inference and stories all read (published 2020-09-30)."""
    ((start, end, found_kind, (found, found_granularity, _relative)),) = find_dates(text, dt.date(2020, 9, 30))
    assert (found_kind, found, found_granularity) == (kind, value, granularity)
    assert 0 <= start < end <= len(text)


@pytest.mark.parametrize("text,dateline,expected", [
    ("MOSCOW, September 25. /TASS/. Russia proposed a reset.", None, "Russia proposed a reset."),
    ("  WASHINGTON (Reuters) - The Senate voted.", None, "The Senate voted."),
    ("GENOA (UrduPoint News / Sputnik - 30th September, 2020) - The UN welcomed it.", None, "The UN welcomed it."),
    ("MOSCOW, Sept 25 -- Talks began.", "MOSCOW, Sept 25", "Talks began."),  # the recorded dateline
    ("NATO (the alliance) said it would act.", None, "NATO (the alliance) said it would act."),  # no dateline
    ("Putin (right) met Xi.", None, "Putin (right) met Xi."),
    ("The Senate voted.", "MOSCOW", "The Senate voted."),  # a recorded dateline that does not open the text
])
def test_body_start(text, dateline, expected):
    assert text[body_start(text, dateline):] == expected


def test_body_start_inside_a_span():
    """Reported speech asks from a sentence's start: the offset is in the whole text, never before ``start``."""
    text = "First sentence here. MOSCOW, September 25. /TASS/. Then the body."
    start = text.index("MOSCOW")
    assert text[body_start(text, None, start):] == "Then the body."
    assert body_start(text, None, 0) == 0


@pytest.mark.parametrize("text,proposing", [
    ("Putin proposed a reset of relations.", True),
    ("He called on all countries to sign.", True),
    ("Russia will call upon all states to sign.", True),
    ("He offered to mediate.", True),
    ("It was a call for restraint.", True),
    ("The proposal to ban the weapons failed.", True),
    ("She said the offer was generous.", False),  # "offer" proposes only before to/a/the
    ("The report suggests nothing new.", False),
    ("He called the plan a mistake.", False),  # naming, not proposing
    ("It was a film directed by him.", False),  # proposing cues of quotes, not of running text
    ("He pressed the button and ordered lunch.", False),
    ("It was a demanding schedule.", False),
])
def test_proposing_text(text, proposing):
    assert bool(PROPOSING_TEXT.search(text)) is proposing


@pytest.mark.parametrize("text,sentences", [
    ("T.J. Smith arrived. He spoke.", ["T.J. Smith arrived.", "He spoke."]),
    ("Lt. Col. Jones said so on Sept. 5. Then he left.", ["Lt. Col. Jones said so on Sept. 5.", "Then he left."]),
    ("It rained. It poured!", ["It rained.", "It poured!"]),
    # a clock time ends the sentence before a quoted one; not before a weekday
    ('It hit at 7:45 p.m. "No one was hurt," he said.', ["It hit at 7:45 p.m.", '"No one was hurt," he said.']),
    ("It hit at 7:45 p.m. Monday. He left.", ["It hit at 7:45 p.m. Monday.", "He left."]),
    # a time or decimal a tokeniser spaced ("9. 25 a. m.") is no sentence end; a year before a number still is
    ("At 9. 25 a. m. the ship turned. It left.", ["At 9. 25 a. m. the ship turned.", "It left."]),
    ("He was born in 1990. 25 years later he won.", ["He was born in 1990.", "25 years later he won."]),
])
def test_sentences_skip_abbreviations_and_initials(text, sentences):
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


@pytest.mark.parametrize("text,width,expected", [
    ("short enough", 20, "short enough"),
    ("exactly ten", 11, "exactly ten"),
    ("the quick brown fox jumps over the lazy dog", 20, "the quick brown fox…"),  # cut at a word boundary
    ("Antidisestablishmentarianism forever", 12, "Antidisesta…"),  # no space in the second half: a hard cut
    ("ends with a comma, then more words", 19, "ends with a comma,…"),
])
def test_shorten_cuts_at_a_word_with_an_ellipsis(text, width, expected):
    out = shorten(text, width)
    assert out == expected and len(out) <= width


@pytest.mark.parametrize("text,expected", [
    ("The boats were seized.", "The boats were seized."),
    ('He said: "We will return."', 'He said: "We will return."'),
    ("away, Sukanya intercepted the boats.", "… away, Sukanya intercepted the boats."),  # opens inside a sentence
    ("The boats were seized on\n\nMonday and", "The boats were seized on Monday and …"),  # ends inside one
    ("said the IBF, fell to 36 - 3", "… said the IBF, fell to 36 - 3 …"),
    ("PM ET\n\nWladimir Klitschko won.", "… Wladimir Klitschko won."),  # the end of a time stamp's line left out
    ("something that was\n\nspecial to me.", "… something that was special to me."),  # a broken sentence kept
    ("", ""),
])
def test_an_excerpt_marks_where_it_opens_or_ends_inside_a_sentence(text, expected):
    assert excerpt(text) == expected


@pytest.mark.parametrize("line,heading", [
    ("Anti Piracy Ops by INS Sukanya", True),
    ("PUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM", True),
    ("Statement by Francesca Grifo", True),
    ("The navy foiled an attack on Friday", False),  # a sentence without its full stop
    ("Here is the Academy's official release:", False),
    ("ECB Raises Rates Again?", False),
    ("Farewell to another piece of the old dairy", False),
    ("One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen", False),  # too long for a heading
])
def test_a_heading_line_is_a_few_capitalised_words_without_closing_punctuation(line, heading):
    assert is_heading_line(line) is heading


@pytest.mark.parametrize("given, gender", [
    ("Mary", "f"), ("James", "m"),  # the small table
    ("Chiara", "f"), ("Hasan", "m"), ("Yossi", "m"), ("Tigist", "f"), ("Jörg", "m"),  # the wide one, accents folded
    # negatives: a name given to both ("Kim", "Sasha"), a common English word ("Hope", "King"), no name at all
    ("Kim", None), ("Sasha", None), ("Hope", None), ("King", None), ("Social", None), ("Qzxv", None),
])
def test_given_name_gender(given, gender):
    assert given_name_gender(given) == gender


@pytest.mark.parametrize("stated,code", [
    ("en", "en"), ("EN", "en"), ("en-US", "en"), ("en_GB", "en"), ("eng", "en"), ("English", "en"), ("english", "en"),
    ("de-CH", "de"), ("ger", "de"), ("deu", "de"), ("German", "de"), ("Deutsch", "de"), ("fr_FR", "fr"),
    ("Français", "fr"), ("Spanish", "es"), ("español", "es"), ("zh-Hant-TW", "zh"), ("pt-BR", "pt"),
    ("xx-YY", "xx"), (None, None), ("", None), (" ", None), (float("nan"), None),
])
def test_a_stated_language_reads_as_one_code(stated, code):
    """GDELT exports name the language ("English"), bulk rows and pages tag it with a region ("en_US"), catalogues use
    three letters: every reader of a language (attribution, stop words, date order) sees one code."""
    assert language_code(stated) == code


def test_offered_frames_quoted_words_as_a_view_and_proposes_in_running_text():
    """Browser pass 37: 'Hawley offered: "I think it's going to be Biden versus Trump"' carried a proposal badge. As a
    quote's cue "offered" gives a view; "offered to host the talks" still proposes."""
    from lib.domain.verbs import classify_cue
    from lib.extract.quotes import extract_quotes
    from lib.models import Article
    (q,) = extract_quotes(Article("o", 'Hawley offered: "I think it is going to be Biden versus Trump again."'))
    assert (q.cue, q.cue_class) == ("offered", "neutral") and classify_cue("offers") == "neutral"
    assert PROPOSING_TEXT.search("Moscow offered to host the next round of talks.")
