"""HTML ingestion: date evidence, body extraction, metadata, bad input; and the public gold sets' thresholds."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.domain.calendar import read_date
from lib.ingest.html import parse_html
from lib.ingest.html.body import _split_paragraphs, trim_link_runs
from lib.models import ParseError

PARAGRAPHS = [
    "The city council voted on Tuesday to approve a new budget that expands funding for public libraries and "
    "school transport, after months of debate between the mayor's office and neighbourhood associations.",
    "Supporters said the plan would reopen three branches that closed during the pandemic, while critics "
    "warned that the spending relied on optimistic forecasts of property tax revenue over the next decade.",
    "The budget now goes to the state review board, which has thirty days to raise objections before the "
    "new spending takes effect at the start of the fiscal year in July.",
]


def page(head: str = "", body_top: str = "", paragraphs=PARAGRAPHS, extra: str = "", charset: str = "utf-8") -> bytes:
    """A small news page: head extras, an article with a headline and paragraphs, a nav and a script."""
    ps = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="{charset}"><title>Council approves budget - City News</title>
{head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport section menu link</a></li></ul></nav>
<script>var trackingCode = "console.log('tracking pixel loaded')";</script>
<article><h1>Council approves budget</h1>{body_top}
{ps}
</article>{extra}
<footer>Copyright 2019 City News. All rights reserved.</footer></body></html>"""
    return html.encode(charset)


def json_ld(obj) -> str:
    """A JSON-LD script tag."""
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


@pytest.mark.parametrize("head, expected_day, expected_source", [
    (json_ld({"@type": "NewsArticle", "headline": "Council approves budget", "datePublished": "2020-07-09T10:04:04Z"}),
     "2020-07-09", "metadata"),
    ('<meta property="article:published_time" content="2019-03-02T08:00:00+01:00">', "2019-03-02", "metadata"),
    ('<meta name="parsely-pub-date" content="2018-11-05T17:30:00Z">', "2018-11-05", "metadata"),
    ('<meta name="sailthru.date" content="Tue, Sep 15 2020 10:01:41 EDT">', "2020-09-15", "metadata"),
    ('<link rel="canonical" href="https://news.example.com/politics/2017/05/21/council-budget/">', "2017-05-21", "url"),
    ('<link rel="canonical" href="https://news.example.com/politics/council-budget-20170521.html">', "2017-05-21",
     "url"),
    # published metadata beats a URL date that is a day off (the story slot was created the day before)
    ('<link rel="canonical" href="https://news.example.com/2020/07/08/budget/">'
     + json_ld({"@type": "NewsArticle", "datePublished": "2020-07-09T10:04:04Z"}), "2020-07-09", "metadata"),
    # the first article object is the page's article; later ones are related stories
    (json_ld([{"@type": "NewsArticle", "datePublished": "2020-07-09"}, {"@type": "NewsArticle", "datePublished":
              "2020-07-01"}, {"@type": "NewsArticle", "datePublished": "2020-06-30"}]), "2020-07-09", "metadata"),
    # a UTC stamp is read on the publisher's clock: the country domain's zone (Italy, UTC+1 in December)
    ('<link rel="canonical" href="https://www.giornale.example.it/mondo/voto.html">'
     '<meta property="article:published_time" content="2020-12-05T23:15:00Z">', "2020-12-06", "metadata"),
    # a modification date is only a last resort (low confidence, checked below)
    ('<meta property="article:modified_time" content="2021-01-01T10:00:00Z">', "2021-01-01", "metadata"),
    ('<meta property="article:modified_time" content="2021-01-01T10:00:00Z">'
     '<meta property="article:published_time" content="2020-12-30T10:00:00Z">', "2020-12-30", "metadata"),
    ("", None, "unknown"),
])
def test_page_date(head, expected_day, expected_source):
    """The page's own date claims decide ``published`` and ``date_source``."""
    article = parse_html(page(head), "page.html")
    day = article.published_date()
    assert (day.isoformat() if day else None, article.date_source) == (expected_day, expected_source)
    if expected_day:
        assert article.date_candidates[0].startswith(expected_day)
        assert 0.3 <= article.date_confidence <= 0.99
        assert (article.date_confidence < 0.5) == ("modified" in article.date_candidates[0])


def test_time_element_and_byline_date():
    """A <time pubdate> element, and a visible byline date in the page's language, give the date."""
    timed = parse_html(page(body_top='<time datetime="2016-04-03T09:00:00" pubdate>April 3</time>'), "t.html")
    assert (timed.published_date(), timed.date_source) == (dt.date(2016, 4, 3), "metadata")
    spanish = page(body_top='<p class="published-date">/ jueves 2 de abril de 2020</p>').replace(
        b'lang="en"', b'lang="es"')
    byline = parse_html(spanish, "b.html")
    assert byline.published_date() == dt.date(2020, 4, 2) and "2020-04-02 byline" in byline.date_candidates


@pytest.mark.parametrize("lang, expected", [
    ("en-GB", dt.date(2020, 10, 2)),  # British English writes the day first, whatever the site's domain
    ("en_AU", dt.date(2020, 10, 2)),
    ("en-US", dt.date(2020, 2, 10)),  # negatives: American English, and English with no country, the month first
    ("en", dt.date(2020, 2, 10)),
])
def test_a_numeric_byline_date_is_read_as_the_declared_language_writes_it(lang, expected):
    html = page(body_top='<span class="time">02/10/2020</span>').replace(b'lang="en"', f'lang="{lang}"'.encode())
    assert parse_html(html, "b.html").published_date() == expected


def test_body_is_faithful_and_stripped():
    """Paragraphs come out whole, separated by blank lines, with offsets; nav, script and footer are gone."""
    article = parse_html(page(), "p.html")
    assert article.text.split("\n\n") == PARAGRAPHS
    assert [article.text[s:e] for s, e in article.paragraphs] == PARAGRAPHS
    for junk in ("tracking", "Sport section", "All rights reserved"):
        assert junk not in article.text
    assert article.format == "html" and article.origin == "p.html" and article.language == "en"


def test_metadata_fields():
    """Title without the site suffix, outlet from og:site_name, author, id from text and outlet."""
    head = ('<meta property="og:site_name" content="City News"><meta name="author" content="Jane Doe">'
            '<meta property="og:title" content="Council approves budget">')
    article = parse_html(page(head), "m.html")
    assert (article.title, article.outlet, article.author) == ("Council approves budget", "City News", "Jane Doe")
    from lib.models import make_article_id

    assert article.id == make_article_id(article.text, "City News")


def test_json_ld_text_with_html_character_references_is_decoded():
    """CMSs write escaped page text into JSON-LD: the title and author read as the page shows them."""
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Troops near Assad&#8217;s '
          'base &amp; port", "author": {"name": "Ana O&#039;Neill"}}</script>')
    article = parse_html(page(ld), "ld.html")
    assert (article.title, article.author) == ("Troops near Assad’s base & port", "Ana O'Neill")


@pytest.mark.parametrize("site, outlet", [("CNN.com", "CNN"), ("City News", "City News"), ("citynews.com", "citynews.com")])
def test_outlet_names(site, outlet):
    """A known outlet's domain is that outlet (groups with its wire copy); other names stay as written."""
    assert parse_html(page(f'<meta property="og:site_name" content="{site}">'), "o.html").outlet == outlet


@pytest.mark.parametrize("head, url, outlet", [
    # a web archive's copy belongs to the site it archived (three archived blogs are three outlets, not "archive.org")
    ("", "https://web.archive.org/web/20160218174457/http://bewegliche-lettern.de/2010/05/typo/",
     "bewegliche-lettern.de"),
    # a handle names an account, not the site
    ('<meta name="cre" content="Citynews_Desk">', "https://www.citynews-online.de/budget", "citynews-online.de"),
    # the site's stated name outranks an application name that is the page's title, wherever they stand
    ('<meta name="application-name" content="Budget night in Rostock - BLINKER">'
     '<meta property="og:site_name" content="BLINKER">', "https://www.blinker.de/budget", "BLINKER"),
    # a syndicated story names its original publisher too: the site whose host it is wins
    ('<meta name="publisher" content="Metro Wire"><meta property="og:site_name" content="The Valley Courier">',
     "https://www.valleycourier.com/news/budget",
     "The Valley Courier"),
])
def test_outlet_is_the_site_not_a_guess(head, url, outlet):
    """The outlet is the site's stated name, else its host: a line of the page trafilatura takes for a site name (a
    date, a volume number), a handle or an archive's host is no outlet."""
    assert parse_html(page(head), "o.html", url=url).outlet == outlet


@pytest.mark.parametrize("head, author, title", [
    ('<meta name="author" content="Jane Doe"><meta property="og:title" content="Budget passes - Jane Doe">',
     "Jane Doe", "Budget passes"),
    ('<meta property="og:site_name" content="City News"><meta name="author" content="City News">', None,
     "Council approves budget"),
    ('<meta name="author" content="citynews.com">', None, "Council approves budget"),
    ('<meta name="author" content="/people/jane-doe">', None, "Council approves budget"),
])
def test_author_and_title_cleanup(head, author, title):
    """A byline is a person: not the outlet, a domain or a link; a title loses a trailing author or site name."""
    article = parse_html(page(head), "a.html")
    assert (article.author, article.title) == (author, title)


def test_wire_dateline_in_html():
    """A body opening with a wire dateline records it, its place and the agency as ``via``."""
    first = "WASHINGTON (Reuters) - " + PARAGRAPHS[0]
    article = parse_html(page('<meta property="og:site_name" content="City News">',
                              paragraphs=[first] + PARAGRAPHS[1:]), "d.html")
    assert (article.dateline, article.dateline_place, article.via) == ("WASHINGTON (Reuters)", "WASHINGTON", "Reuters")
    assert article.text.startswith("WASHINGTON (Reuters) - ")


def test_standfirst_restored():
    """A standfirst that repeats the meta description, shown above the body, is kept as the first paragraph."""
    lead = "The new budget expands library funding and school transport after months of debate."
    article = parse_html(page(f'<meta name="description" content="{lead}">', body_top=f"<h2>{lead}</h2>"), "s.html")
    assert article.text.split("\n\n")[0] == lead
    assert PARAGRAPHS[0] in article.text


@pytest.mark.parametrize("charset, declared, sentence", [
    ("windows-1251", "windows-1251", "Городской совет во вторник одобрил новый бюджет, который увеличивает "
                                     "финансирование библиотек и школьного транспорта после долгих споров."),
    # "iso-8859-1" means windows-1252 on the web (WHATWG): curly quotes in 0x80-0x9F must survive
    ("cp1252", "iso-8859-1", "The council’s “historic” vote on the budget expands funding for libraries and "
                             "school transport after months of debate in the city."),
    ("koi8-r", "koi8-r", "Городской совет во вторник одобрил новый бюджет, который увеличивает финансирование "
                         "библиотек и школьного транспорта после долгих споров."),
])
def test_declared_charset_is_used(charset, declared, sentence):
    """A page in a legacy charset that it declares decodes to the right text."""
    data = page(paragraphs=[sentence] * 3, charset=charset).replace(f'charset="{charset}"'.encode(),
                                                                    f'charset="{declared}"'.encode())
    assert sentence in parse_html(data, "legacy.html").text


@pytest.mark.parametrize("data, reason", [
    (b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
     "HTML page has no article body"),
    (b"<html><body></body></html>", "HTML page has no article body"),
    (b"   ", "empty file"),
])
def test_no_body_is_a_parse_error(data, reason):
    """A page without an article body is refused with one clear reason naming the file."""
    with pytest.raises(ParseError) as err:
        parse_html(data, "bad.html")
    assert err.value.origin == "bad.html" and reason in err.value.reason


BODY = ["The council voted on Tuesday to approve the new budget.", "Critics warned that it relied on forecasts."]


@pytest.mark.parametrize("paragraphs, expected", [
    (["Home", "World", "- News", "Sport"] + BODY, BODY),  # a leaked menu at the top
    (BODY + ["Share", "Tweet", "Email"], BODY),  # and at the bottom
    (["Home", "World"] + BODY, ["Home", "World"] + BODY),  # two short lines are not a menu run
    (["Key points:", "Budget passes.", "Libraries reopen."] + BODY,
     ["Key points:", "Budget passes.", "Libraries reopen."] + BODY),  # sentences are kept
    (["Home", "World", "News"], ["Home", "World", "News"]),  # never empties the body
])
def test_trim_link_runs(paragraphs, expected):
    """Runs of short link-like lines at the body's edges are dropped; everything else stays."""
    assert trim_link_runs(paragraphs) == expected


def test_table_rows_are_body_text_and_their_rules_are_not():
    """A table's rows stay as trafilatura writes them; the line under its header and rows of empty cells go."""
    text = "Results:\n| Rank | Club |\n|---|---|\n| 1. | Leverkusen |\n| | | |\n|:--|--:|\nThe season goes on."
    assert _split_paragraphs(text) == ["Results:", "| Rank | Club |", "| 1. | Leverkusen |", "The season goes on."]




@pytest.mark.parametrize("written, expected", [
    ("2020-12-05T23:15:0Z", dt.datetime(2020, 12, 5, 23, 15, tzinfo=dt.timezone.utc)),
    ("2019-03-02", dt.date(2019, 3, 2)),
    ("2019-03-02T08:00:00+0100", dt.datetime(2019, 3, 2, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
    ("20200702", dt.date(2020, 7, 2)),
    ("20200702T101500", dt.datetime(2020, 7, 2, 10, 15)),
    ("not a date", None),
    ("2019-13-45", None),
    # a dotted date is day first with no language to tell (Swiss, German, Russian usage); slashes stay month first
    ("07.11.2023", dt.date(2023, 11, 7)),
    ("7.11.23", dt.date(2023, 11, 7)),
    ("11/07/2023", dt.date(2023, 11, 7)),
])
def test_read_date_metadata_values(written, expected):
    """Metadata date values, including malformed ISO seconds, parse to what they say."""
    assert read_date(written) == expected


@pytest.mark.parametrize("written", ["yesterday", "today", "1 day ago", "2 days ago at 10:00", "vor 2 Tagen",
                                     "hace 1 día", "il y a 3 jours"])
def test_a_day_relative_to_reading_is_no_date(written):
    """A page's "yesterday" or "2 days ago" is relative to when it was read, which a stored page does not say: never
    the day before this run (a blind page was dated the day before the benchmark ran)."""
    assert read_date(written) is None


@pytest.mark.parametrize("written", ["1980", "2021", "12", "202103"])
def test_a_bare_number_names_no_day(written):
    """A year alone, or a number that is no ISO, compact or Unix date, names no day ("1980" was read as 9 January
    1980)."""
    assert read_date(written) is None


@pytest.mark.parametrize("written, language, expected", [
    ("Tue, Sep 15 2020", None, dt.date(2020, 9, 15)),  # no time written: a date, not an invented midnight
    ("04/02/2020", "en", dt.date(2020, 4, 2)),  # the language's own order when it is known
    ("11/01/2023 12:43:42", None, dt.datetime(2023, 11, 1, 12, 43, 42)),  # machine-written: month first
    ("jueves 2 de abril de 2020", "es", dt.date(2020, 4, 2)),
    ("2 апреля 2020", "xx", dt.date(2020, 4, 2)),  # a language dateparser does not know: detected instead
    ("Sat, 19 Oct 2019 00:04:00 +0200", "de",  # an English stamp on a German page: detected when the hint fails
     dt.datetime(2019, 10, 19, 0, 4, tzinfo=dt.timezone(dt.timedelta(hours=2)))),
    ("1600000000", None, dt.datetime(2020, 9, 13, 12, 26, 40, tzinfo=dt.timezone.utc)),  # Unix seconds
    ("September 25", None, None),  # no year: never filled in from today
    ("x" * 200 + " 2020-01-01", None, None),  # a sentence holding a date is not a date
])
def test_read_date_forms(written, language, expected):
    """The one reader of written dates: regex forms, dateparser forms, day order and language hints."""
    assert read_date(written, language) == expected


@pytest.mark.parametrize("written, expected", [
    ("04.02.2020", dt.date(2020, 2, 4)), ("04/02/2020", dt.date(2020, 2, 4)), ("25/09/2020", dt.date(2020, 9, 25)),
    ("Sept 25, 2020", dt.date(2020, 9, 25)), ("2020-02-04", dt.date(2020, 2, 4)),
])
def test_read_date_day_first_as_people_type_it(written, expected):
    """Header lines and bulk columns are typed by people: a numeric date opening with d. or d/ is day first."""
    assert read_date(written, day_first=True) == expected


@pytest.mark.parametrize("written, expected", [
    ("September 25", (9, 25)), ("25 сентября", (9, 25)), ("Friday", None), ("not a date", None),
])
def test_read_month_day(written, expected):
    """A date written without its year gives its month and day (for the batch's year inference)."""
    from lib.domain.calendar import read_month_day

    assert read_month_day(written) == expected


@settings(max_examples=25, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode()))
def test_parse_html_only_raises_parse_error(data):
    """Arbitrary bytes give an Article or a ParseError, never another exception."""
    try:
        article = parse_html(data, "x.html")
    except ParseError:
        return
    assert article.text and all(0 <= s < e <= len(article.text) for s, e in article.paragraphs)


def _page(head: str, url: str | None = None) -> bytes:
    """A news page with the given <head> content and a real body."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    link = f'<link rel="canonical" href="{url}">' if url else ""
    return f"<html><head>{link}{head}</head><body><article>{body}</article></body></html>".encode()


def test_utc_time_of_unknown_zone_read_on_the_urls_local_day():
    """A UTC time on a .com site (zone unknown) that falls on the URL's day in a publisher's zone is read on that
    day, and the note says why; a UTC time the URL's day cannot explain leaves the URL to decide alone."""
    evening = _page('<meta property="article:published_time" content="2023-11-09T03:28:35+00:00">',
                    "https://news.example.com/2023/11/08/council-budget/")
    article = parse_html(evening, "a.html")
    assert article.published_date() == dt.date(2023, 11, 8) and article.date_source == "url"
    assert "UTC" in article.date_note and "2023-11-08" in article.date_note


def test_disagreeing_page_claims_fall_back_to_htmldate_among_them():
    """JSON-LD and a meta tag naming different days: the page contradicts itself, and the day htmldate's search
    finds among theirs decides; agreeing claims decide alone."""
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-01-04"}</script>'
            '<meta property="article:published_time" content="2022-01-06">')
    article = parse_html(_page(head), "a.html")
    candidates = dict(reversed(c.split(" ", 1)) for c in article.date_candidates)
    if candidates.get("htmldate") in ("2022-01-04", "2022-01-06"):
        assert article.published_date().isoformat() == candidates["htmldate"]
        assert "disagree" in article.date_note


def test_every_chosen_date_says_where_and_why():
    """A dated page's note names the date, its evidence and a reason in words; an undated one says it is unknown."""
    dated = parse_html(_page('<meta property="article:published_time" content="2021-05-04T10:00:00+02:00">'), "a.html")
    assert dated.published_date() == dt.date(2021, 5, 4)
    assert dated.date_note.startswith("2021-05-04 from ") and ":" in dated.date_note
    undated = parse_html(_page(""), "b.html")
    assert undated.published is None or undated.date_note.startswith(undated.published_date().isoformat())


def test_goose3_bodies_meet_target(shared_data):
    """At least 90% of goose3 pages' bodies contain the start of goose3's expected text."""
    from bench.html_eval import evaluate_bodies

    assert evaluate_bodies(baselines=False)["ours"] >= 0.90


def test_hand_marked_bodies_meet_target(shared_data):
    """The project's mean shingle F1 on the hand-marked bodies is at least 0.90 on each set (tests/data/BODIES_GOLD.md;
    trafilatura's own extract scores 0.92 and 0.89 there)."""
    from bench.html_eval import evaluate_body_gold

    results = evaluate_body_gold(baselines=False)
    assert all(results[f"{name}/all"]["project"] >= 0.90 for name in ("htmldate_default", "htmldate_mediacloud"))


@pytest.mark.parametrize("extracted, gold, expected", [
    ("one two three four five", "one two three four five", (1.0, 1.0, 1.0)),
    ("one two three four five six", "one two three four five", (2 / 3, 1.0, 0.8)),  # a shingle too many
    ("", "one two three four", (0.0, 0.0, 0.0)),  # nothing extracted
    ("日本語の本文", "日本語の本文", (1.0, 1.0, 1.0)),  # an unspaced script: a character a word
])
def test_shingle_scores(extracted, gold, expected):
    """Shingle precision, recall and F1 count word 4-grams with their repeats."""
    from bench.html_eval import shingle_scores

    assert shingle_scores(extracted, gold) == pytest.approx(expected)


def test_body_in_a_script_written_without_spaces_is_an_article():
    """A Japanese or Chinese body has few spaces: its characters count as words, so the page is not rejected."""
    from lib.ingest.html.body import count_words

    assert count_words("子どもへの虐待をなくすための法律ができました。") > 8 and count_words("two words") == 2
    body = "<p>子どもへの虐待をなくすための法律ができて、親が子どもを教育するために体罰を禁止することになりました。</p>" * 3
    html = f"<html><head><title>ニュース</title></head><body><article>{body}</article></body></html>".encode()
    assert "法律" in parse_html(html, "ja.html").text


def test_date_shown_under_the_headline():
    """The date a page shows just below its headline is evidence of its own ("headline"), whatever the element's
    class; a relative "2 min" before it is not read as today; a German page writes numeric dates day first."""
    german = page(body_top="<p>Von Anna Berg, 2 min 04.02.2022</p>").replace(b'lang="en"', b'lang="de"')
    article = parse_html(german, "h.html")
    assert "2022-02-04 headline" in article.date_candidates and article.published_date() == dt.date(2022, 2, 4)
    written = parse_html(page(body_top="<div><span>Posted on</span> <span>February 1, 2022</span> by Anna</div>"),
                         "w.html")
    assert "2022-02-01 headline" in written.date_candidates


def test_headline_date_decides_when_the_page_claims_disagree_and_other_evidence_names_it():
    """JSON-LD says one day, the page shows another under the headline that its last-modified date names too: the
    shown date decides, and says so; a shown date nothing else on the page names does not overrule the JSON-LD."""
    head = json_ld({"@type": "NewsArticle", "datePublished": "2021-03-16"})
    modified = '<meta property="article:modified_time" content="2021-03-20T09:00:00+01:00">'
    shown = "<p>20.03.2021 | Anna Berg</p>"
    article = parse_html(page(head=head + modified, body_top=shown).replace(b'lang="en"', b'lang="de"'), "d.html")
    assert article.published_date() == dt.date(2021, 3, 20)
    assert "under the headline" in article.date_note and "JSON-LD datePublished 2021-03-16" in article.date_note
    alone = parse_html(page(head=head, body_top=shown).replace(b'lang="en"', b'lang="de"'), "e.html")
    assert alone.published_date() == dt.date(2021, 3, 16) and "2021-03-20 headline" in alone.date_candidates
    assert "disagree" in alone.date_note and "the date shown under the headline 2021-03-20" in alone.date_note
