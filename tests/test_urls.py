"""Dates written in URLs (lib.ingest.urls): a table of forms that are dates and numbers that are not, and the
bulk rows and text files they date."""
import datetime as dt

import pytest

from lib.domain.datelines import match_dateline
from lib.ingest import parse_paths
from lib.ingest.text import date_line, decide_date
from lib.ingest.urls import URL_DATE_FORMS, url_date, url_month

FORMS = {form for form, _pattern, _confidence in URL_DATE_FORMS}


@pytest.mark.parametrize("url, expected, form", [
    ("https://x.example/2018/03/01/story-slug", dt.date(2018, 3, 1), "year/month/day folders"),
    ("https://x.example/world/2018/3/1/story", dt.date(2018, 3, 1), "year/month/day folders"),
    ("https://x.example/2018/03/01", dt.date(2018, 3, 1), "year/month/day folders"),
    ("http://www.cnn.com/2010/POLITICS/08/13/democrats.social.security/index.html", dt.date(2010, 8, 13),
     "year/month/day folders"),
    ("https://x.example/2018/10/05-slug", dt.date(2018, 10, 5), "year/month/day folders"),
    ("https://x.example/world/2018/mar/01/story", dt.date(2018, 3, 1), "year/month-name/day folders"),
    ("https://x.example/2018/September/04/story", dt.date(2018, 9, 4), "year/month-name/day folders"),
    ("https://x.example/news/story-2018-03-01-1234", dt.date(2018, 3, 1), "year-month-day in the path"),
    ("https://x.example/2018-03-01/story", dt.date(2018, 3, 1), "year-month-day in the path"),
    ("https://x.example/story_2018_03_01.html", dt.date(2018, 3, 1), "year-month-day in the path"),
    ("https://x.example/archive?date=2018-03-01", dt.date(2018, 3, 1), "year-month-day in the path"),
    ("https://x.example/a/20180301/story", dt.date(2018, 3, 1), "yearmonthday in the path"),
    ("https://x.example/news/story_20180301.html", dt.date(2018, 3, 1), "yearmonthday in the path"),
    ("https://x.example/news/art-20180301-0042.html", dt.date(2018, 3, 1), "yearmonthday in the path"),
    # numbers that are not a publication day
    ("https://x.example/news/120200622120908039/story", None, None),  # digits inside an id
    ("https://x.example/article/201803011234", None, None),  # a date's digits opening a longer id
    ("https://x.example/id/1234567890", None, None),  # a ten-digit id
    ("https://x.example/2018/13/40/story", None, None),  # no 13th month
    ("https://x.example/2018/02/30/story", None, None),  # no 30 February
    ("https://x.example/2018/03/", None, None),  # a month's archive page
    ("http://sports.blogspot.com/2005_05_01_archive.html", None, None),  # the first day of a blog's archive page
    ("https://x.example/2005-05-22-archives/", None, None),
    ("https://x.example/2018/story", None, None),  # a year's archive
    ("https://x.example/2018/10/5-things-to-know", None, None),  # a slug opening with a number
    ("https://x.example/top-100-2018-list", None, None),
    ("https://x.example/1990/01/01/story", None, None),  # before news sites published on the web
    ("https://x.example/2999/01/01/story", None, None),  # ahead of today
    ("https://x.example/p/19990231", None, None),  # not a real day
    ("https://x.example/call-555-2018-0301", None, None),  # a phone number
    ("http://blog.example/?p=959/", None, None),
    ("https://x.example/story", None, None),
    ("not a url at all", None, None),
    ("", None, None),
])
def test_url_date_forms(url, expected, form):
    """Each form of URL_DATE_FORMS reads its day; numbers that are not a whole, real, plausible day read as none."""
    found = url_date(url)
    assert (found.day if found else None) == expected
    if found:
        assert found.form == form and form in FORMS and 0 < found.confidence < 1
        assert expected.isoformat() in found.note()


def parse_one(tmp_path, name: str, content: str):
    """The FileResult of one file written to tmp_path."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return parse_paths([str(path)])[0]


BODY = "The council approved the budget after a long debate about libraries and school transport."


def test_bulk_rows_dated_from_their_url(tmp_path):
    """A JSONL/CSV row without `published` is dated from its URL's path, source "url", with a note saying so; a
    row whose URL has no date stays undated; a `published` field outranks the URL."""
    jsonl = "\n".join([
        f'{{"id": "a", "text": "{BODY}", "url": "https://x.example/2018/03/01/budget"}}',
        f'{{"id": "b", "text": "{BODY} Two.", "url": "https://x.example/news/123456/budget"}}',
        f'{{"id": "c", "text": "{BODY} Three.", "url": "https://x.example/2018/03/01/b", "published": "2018-03-02"}}',
    ])
    by_id = {a.id: a for a in parse_one(tmp_path, "rows.jsonl", jsonl).articles}
    assert by_id["a"].published == dt.date(2018, 3, 1) and by_id["a"].date_source == "url"
    assert 0 < by_id["a"].date_confidence < 1 and "URL" in by_id["a"].date_note
    assert by_id["b"].published is None and by_id["b"].date_source == "unknown"
    assert by_id["c"].published == dt.date(2018, 3, 2) and by_id["c"].date_source == "header"
    csv = f'id,text,link\nd,"{BODY}",https://x.example/news/budget-20180301.html\n'
    (article,) = parse_one(tmp_path, "rows.csv", csv).articles
    assert (article.published, article.date_source) == (dt.date(2018, 3, 1), "url")


def test_text_file_dated_from_its_url_header(tmp_path):
    """A text file with a `URL:` header line and no date is dated from the URL's path."""
    (article,) = parse_one(tmp_path, "a.txt", f"URL: https://x.example/2018/03/01/budget\n\n{BODY}\n").articles
    assert (article.published, article.date_source) == (dt.date(2018, 3, 1), "url")
    assert "2018-03-01" in article.date_note and "URL" in article.date_note
    (undated,) = parse_one(tmp_path, "b.txt", f"URL: https://x.example/budget/2018\n\n{BODY}\n").articles
    assert undated.published is None


@pytest.mark.parametrize("line, expected, update", [
    ("First Published: June 13, 2013 4:59 PM EDT", dt.date(2013, 6, 13), False),
    ("Posted on Thu Jun 13, 2013 08:45 AM PDT", dt.date(2013, 6, 13), False),
    ("14 June 2013", dt.date(2013, 6, 14), False),
    ("PUBLISHED: 22:07 GMT, 7 July 2012", dt.date(2012, 7, 7), False),
    ("published: 2012-04-04 11:47:35", dt.date(2012, 4, 4), False),
    ("Article posted on 08. 07. 2012", dt.date(2012, 7, 8), False),  # dots: the day first
    ("27/09/2013", dt.date(2013, 9, 27), False),  # no month 27: the day first
    ("May 2, 2013, 1: 12 PM", dt.date(2013, 5, 2), False),  # as a tokeniser spaced it
    ("Updated: November 11, 2011 20:09 IST", dt.date(2011, 11, 11), True),
    # no date line: day and month can trade places, a narrative sentence, a relative day, a download date
    ("05/02/2013", None, None),
    ("The fire broke out on July 21, 2013.", None, None),
    ("Posted 1 year, 160 days ago [downloaded on 2 October 2013]", None, None),
    ("Published 3 hours ago", None, None),
    ("June 3-9, 2013", None, None),  # a range names no one day
    # an update's line that also gives the publication: the publication's day
    ("Updated June 14, 2013 | Originally published June 13, 2013", dt.date(2013, 6, 13), False),
])
def test_date_lines(line, expected, update):
    found = date_line([line])
    assert (found[0], found[2]) == (expected, update) if expected else found is None


def test_text_dated_from_a_date_line_at_its_top(tmp_path):
    """A row or text with no date field, no dateline and no dated URL is dated from a date line at its top, source
    "byline", the line quoted in the note; a publication's line outranks an update's, and a URL outranks both."""
    jsonl = "\n".join([
        f'{{"id": "a", "title": "Budget passes", "text": "Updated: March 2, 2018\\n\\nPosted on March 1, 2018\\n\\n{BODY}"}}',
        f'{{"id": "b", "title": "March 1, 2018", "text": "{BODY}"}}',
        f'{{"id": "c", "title": "Budget", "text": "March 1, 2018\\n\\n{BODY}", "url": "https://x.example/2018/02/28/b"}}',
        f'{{"id": "d", "title": "Budget", "text": "{BODY} It passed on March 1, 2018."}}',
    ])
    by_id = {a.id: a for a in parse_one(tmp_path, "rows.jsonl", jsonl).articles}
    assert (by_id["a"].published, by_id["a"].date_source) == (dt.date(2018, 3, 1), "byline")
    assert by_id["a"].date_note == "from the date line “Posted on March 1, 2018” at the top of the text"
    assert by_id["b"].published == dt.date(2018, 3, 1)  # a title that is a date, which the note says
    assert by_id["b"].date_note == "from the date line “March 1, 2018” in the title field"
    assert (by_id["c"].published, by_id["c"].date_source) == (dt.date(2018, 2, 28), "url")
    assert by_id["d"].published is None


def test_a_date_line_is_no_title(tmp_path):
    """A date line is no headline: a text file's title is the line after it, and a row whose title field is only a
    date takes its text's title line (the text left as given); both are still dated from it."""
    (txt,) = parse_one(tmp_path, "a.txt", f"Posted on Thu Mar 1, 2018\n\nBudget passes\n\n{BODY}\n").articles
    assert (txt.title, txt.published) == ("Budget passes", dt.date(2018, 3, 1))
    assert txt.text.startswith("Posted on Thu Mar 1, 2018")
    # a date line naming no readable day is no title either, as for a row's title field below
    (odd,) = parse_one(tmp_path, "b.txt", f"8 / 2 / 13 at 1: 30 PM\n\nBudget passes\n\n{BODY}\n").articles
    assert odd.title == "Budget passes" and odd.text.startswith("8 / 2 / 13 at 1: 30 PM")
    jsonl = "\n".join([
        f'{{"id": "a", "title": "updated 8: 41 p. m. EST, Thu March 1, 2018", "text": '
        f'"updated 8: 41 p. m. EST, Thu March 1, 2018\\n\\nBudget passes\\n\\n{BODY}"}}',
        # negatives: a title that names a date among other words is a title; no title line after a date: none
        f'{{"id": "b", "title": "Budget passes on March 1, 2018", "text": "{BODY}"}}',
        f'{{"id": "c", "title": "March 1, 2018", "text": "{BODY}"}}',
        # a date line that names no readable day is still no headline
        f'{{"id": "d", "title": "8 / 2 / 13 at 1: 30 PM", "text": "Budget passes\\n\\n{BODY}"}}',
    ])
    by_id = {a.id: a for a in parse_one(tmp_path, "rows.jsonl", jsonl).articles}
    assert (by_id["a"].title, by_id["a"].published) == ("Budget passes", dt.date(2018, 3, 1))
    assert by_id["a"].text.startswith("updated 8: 41")
    assert by_id["b"].title == "Budget passes on March 1, 2018"
    assert (by_id["c"].title, by_id["c"].published) == (None, dt.date(2018, 3, 1))
    assert by_id["d"].title == "Budget passes"


def test_a_date_line_gives_a_yearless_date_its_year_never_another_day():
    """A dateline or field without a year takes the date line's year when the day agrees; another day leaves it
    yearless (for lib.ingest.years), the dateline being the publisher's own."""
    dateline = match_dateline("LOS ANGELES, June 13 (Reuters) - The studio said on Thursday it would close.")
    assert decide_date(None, dateline, "txt", None, ["Studio", "June 13, 2013"])[:2] == (dt.date(2013, 6, 13), "byline")
    published, source, _, _, yearless = decide_date(None, dateline, "txt", None, ["Studio", "June 20, 2013"])
    assert (published, source, (yearless.month, yearless.day)) == (None, "unknown", (6, 13))


@pytest.mark.parametrize("url, expected", [
    ("https://blog.example/2008/12/council-budget.html", dt.date(2008, 12, 1)),  # Blogger's year/month/slug
    ("https://x.example/news/2018/03/story-slug", dt.date(2018, 3, 1)),
    ("https://x.example/2018/03/", None),  # a month's archive page, no story in it
    ("https://x.example/2018/03/01/story", None),  # a whole day: url_date's
    ("https://x.example/2018/3/story", None),  # one digit: as likely an id as a month
    ("https://x.example/2018/13/story", None),
    ("https://x.example/1990/01/story", None),
    ("https://x.example/story", None),
    (None, None),
])
def test_url_month(url, expected):
    """Year and month folders with no day name a month, which the date note says; nothing else does."""
    assert url_month(url) == expected


def test_a_month_in_the_url_gives_a_yearless_date_its_year_and_the_note_its_month():
    """A yearless field whose month the URL's folders name is dated in the URL's year; another month stays yearless;
    with nothing else the note names the URL's month instead of saying the URL holds no date."""
    url = "https://blog.example/2008/12/council-budget.html"
    published, source, _, note, yearless = decide_date("December 5", None, "jsonl", url)
    assert (published, source, yearless) == (dt.date(2008, 12, 5), "url", None) and "December 2008" in note
    published, source, _, note, yearless = decide_date("March 5", None, "jsonl", url)
    assert published is None and yearless is not None and "the URL names December 2008 but no day" in note
    assert decide_date(None, None, "jsonl", url)[3].endswith("the URL names December 2008 but no day")
    assert decide_date(None, None, "jsonl", "https://x.example/story")[3].endswith("no date in a URL")
