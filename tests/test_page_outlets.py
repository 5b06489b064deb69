"""The outlet of an HTML page: the site's name as the page states it, unless the stated name is evidently no site's (a
headline, words of the headline, a sentence, a contact line, a web address, the firm or person behind the site), when
the next name or the host stands in. Outlets become chart legends, filter choices and heatmap columns."""
from __future__ import annotations

import json

import pytest

from lib.ingest.html import parse_html

PARAGRAPHS = [
    "Ferry fares on the harbour routes will rise by eight percent in March, the transport board said on Monday, "
    "the first increase since the service was taken over by the city a decade ago.",
    "The board blamed fuel prices and the cost of two new boats, while commuter groups said the rise would push "
    "more people back into cars on the coastal road.",
]
HEADLINE = "Ferry fares rise for the first time in a decade"


def page(head: str) -> bytes:
    """A small article page: a <title>, head tags, an <h1> headline and two paragraphs."""
    ps = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{HEADLINE}</title>{head}</head>
<body><article><h1>{HEADLINE}</h1>{ps}</article></body></html>""".encode()


def site(name: str) -> str:
    """The og:site_name tag."""
    return f'<meta property="og:site_name" content="{name}">'


def og_title(text: str) -> str:
    """The og:title tag: the headline the project takes."""
    return f'<meta property="og:title" content="{text}">'


def publisher(name: str) -> str:
    """The <meta name="publisher"> tag."""
    return f'<meta name="publisher" content="{name}">'


def ld_publisher(name: str) -> str:
    """A JSON-LD article naming its publisher."""
    obj = {"@type": "NewsArticle", "headline": HEADLINE, "publisher": {"@type": "Organization", "name": name}}
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


URL = "https://www.harbourtimes.example/transport/ferry-fares"


@pytest.mark.parametrize("head, url, outlet", [
    # stated apart from the headline, a part of the title of its own
    (site("The Washington Post") + og_title(f"{HEADLINE} - The Washington Post"),
     "https://www.washingtonpost.com/local/ferry-fares", "The Washington Post"),
    (site("Annals of Internal Medicine") + og_title(f"{HEADLINE} | Annals of Internal Medicine"),
     "https://www.acpjournals.org/doi/10.7326/M20-1234", "Annals of Internal Medicine"),
    # a word of the headline too, but the title also has it as a part of its own
    (site("Ferry") + og_title(f"{HEADLINE} | Ferry"), "https://www.faehren.example/fares", "Ferry"),
    # at the start of the headline, run on by a separator without spaces
    (site("Night Desk") + og_title(f"Night Desk|{HEADLINE}"), "https://www.nd-online.example/fares", "Night Desk"),
    # inside the headline, but the host shares a word with it: a site that writes its own name into a headline
    (site("Süddeutsche Zeitung") + og_title("Fares rise, Süddeutsche Zeitung readers complain"),
     "https://www.sueddeutsche.de/fares", "Süddeutsche Zeitung"),
    (site("BLINKER"), "https://www.blinker.de/fares", "BLINKER"),
    # abbreviations and marks of names are no sentence, a slash between words no web address
    (site("Harbour Rowing Club e. V."), "https://www.hrc-online.example/fares", "Harbour Rowing Club e. V."),
    (site("Das Leben, der Meister und ich..."), "https://lebenblog.example/fares", "Das Leben, der Meister und ich..."),
    (site("Bündnis 90/Die Grünen Bundestagsfraktion"), "https://www.gruene-bundestag.de/fares",
     "Bündnis 90/Die Grünen Bundestagsfraktion"),
    # a publisher tag naming the host, or stated by the site's own tags too, is the site
    (publisher("Harbour Times Verlag GmbH"), URL, "Harbour Times Verlag GmbH"),
    (publisher("Valley Courier") + site("Valley Courier"), "https://www.vc-online.example/fares", "Valley Courier"),
    # with no host to stand in, a publisher tag is all there is
    (publisher("Maria Lindqvist"), None, "Maria Lindqvist"),
])
def test_site_names_are_kept(head, url, outlet):
    """Real site names stay the outlet (as the page writes it), whatever shape they take."""
    assert parse_html(page(head), "o.html", url=url).outlet_raw == outlet


@pytest.mark.parametrize("head, url, outlet", [
    # the headline itself (a site name tag copied from the title), even when it names the host
    (site(HEADLINE) + og_title(HEADLINE), URL, "harbourtimes.example"),
    (site("Harbour Times fares rise for the first time") + og_title("Harbour Times fares rise for the first time"),
     URL, "harbourtimes.example"),
    # words in the middle of the headline: the page's subject, not the site
    (site("Pier Lights") + og_title("Council closes Pier Lights for the winter"), URL, "harbourtimes.example"),
    # a sentence or a question
    (site("Eat well. Live long"), URL, "harbourtimes.example"),
    (site("Is the ferry worth it?"), URL, "harbourtimes.example"),
    # a contact line, a web address with a path: the next name the page states stands in
    (site("Jo Vale info@harbourtimes.example"), URL, "harbourtimes.example"),
    (site("harbourtimes.example/") + ld_publisher("Harbour Times"), URL, "Harbour Times"),
    (site("Ferry news - http://www.harbourtimes.example"), URL, "harbourtimes.example"),
    # a publisher tag that is the firm or the person behind the site, where the host can stand in
    (publisher("Maria Lindqvist"), URL, "harbourtimes.example"),
    (publisher("RS-Regio Media Services Ltd. & Co. KG"), URL, "harbourtimes.example"),
    # a site named by its host is on that host, wherever its canonical link points
    (site("www.harbourtimes.example") + '<link rel="canonical" href="https://www.syndicator.example/ferry-fares">',
     None, "harbourtimes.example"),
    # without a host, a headline is still no outlet
    (site(HEADLINE) + og_title(HEADLINE), None, None),
])
def test_names_that_are_no_site_are_passed_over(head, url, outlet):
    """A stated name that is evidently not a publisher's gives way to the next name or the host."""
    assert parse_html(page(head), "o.html", url=url).outlet_raw == outlet


def test_title_loses_a_trailing_web_address():
    """A title ending in a web address loses it, as it loses the site's name, also when the address is not the host's
    (a site on two domains): no longer the outlet, the address must go from the title on its own."""
    head = og_title(f"{HEADLINE} - http://www.harbourtimes.example")
    article = parse_html(page(head), "o.html", url="https://harbourtimes-online.example/ferry")
    assert (article.title, article.outlet_raw) == (HEADLINE, "harbourtimes-online.example")


@pytest.mark.parametrize("head, url, outlet", [
    # a site name tag that copies the page's title: the headline's part is the headline, the other part the site's
    (site(f"{HEADLINE} | Harbour Times") + og_title(HEADLINE), None, "Harbour Times"),
    (site(f"Harbour Times | {HEADLINE}") + og_title(HEADLINE), None, "Harbour Times"),
    (site(f"{HEADLINE} - Ferries - Harbour Times") + og_title(HEADLINE), None, "Harbour Times"),
    # the headline inside a longer part ("The GNU General Public License v3.0 - GNU Project")
    (site("Ferry fares in 2024 - Harbour Times") + og_title("Ferry fares"), None, "Harbour Times"),
    # the headline itself with the site's name run on: the part the host shares a word with
    (site(f"{HEADLINE} - Harbour Times") + og_title(f"{HEADLINE} - Harbour Times"), URL, "Harbour Times"),
    # og:title filled with the site's name while the <title> is the headline's: the site's name is no headline (its
    # part the host names)
    (site("Bay Sports Union - BSU") + og_title("Bay Sports Union - BSU"), "https://www.baysports.example/fares",
     "Bay Sports Union"),
])
def test_site_part_of_a_copied_title_is_the_outlet(head, url, outlet):
    """A stated site name that is the headline with the site's name run on gives the site's part."""
    assert parse_html(page(head), "o.html", url=url).outlet_raw == outlet


@pytest.mark.parametrize("head, url, outlet", [
    # a name with a tagline, unrelated to the headline: the part the host names (browser pass 37 read "Boston News,
    # Weather, Sports | WHDH 7News" in the outlet picker); with no host, whole
    (site("Harbour Times - News of the Bay"), URL, "Harbour Times"),
    (site("Harbour Times - News of the Bay"), None, "Harbour Times - News of the Bay"),
    # a headline of one word is too common a word to tell the headline's part
    (site("Ferry Desk - Harbour Times") + og_title("Ferry"), None, "Ferry Desk - Harbour Times"),
    # the headline's part in the middle: which of the others is the site's is not known without the host
    (site(f"Harbour Times | {HEADLINE} | Ferries") + og_title(HEADLINE), None, None),
    # the headline itself, no part of which the host shares a word with: the host stands in
    (site(f"{HEADLINE} - Ferry Desk") + og_title(f"{HEADLINE} - Ferry Desk"), URL, "harbourtimes.example"),
])
def test_a_name_with_separators_splits_only_where_the_host_names_one_part(head, url, outlet):
    """Only a name that holds the headline is split; otherwise it is kept or passed over as a whole."""
    assert parse_html(page(head), "o.html", url=url).outlet_raw == outlet


def front_page(name: str) -> bytes:
    """A site's front page: its <title>, og:title and og:site_name are all the site's name."""
    ps = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{name}</title>{site(name)}
{og_title(name)}</head><body><article><h2>{HEADLINE}</h2>{ps}</article></body></html>""".encode()


@pytest.mark.parametrize("url, outlet", [
    ("https://www.harbourtimes.example/", "Harbour Times Blog"),
    ("https://www.harbourtimes.example", "Harbour Times Blog"),
    # an article's address, or a post's by its query: a name that is the page's headline is none
    ("https://www.harbourtimes.example/blog/", "harbourtimes.example"),
    ("https://www.harbourtimes.example/?p=42", "harbourtimes.example"),
])
def test_front_page_title_is_the_site_name(url, outlet):
    """On a front page the title is the site's own name, so a site name equal to it is no copied headline."""
    assert parse_html(front_page("Harbour Times Blog"), "o.html", url=url).outlet_raw == outlet


def test_site_name_in_og_title_is_no_headline():
    """An og:title that is the site's name, where the <title> says something else, gives way as the headline."""
    head = site("Bay Sports Union - BSU") + og_title("Bay Sports Union - BSU")
    article = parse_html(page(head), "o.html", url="https://www.baysports.example/fares")
    assert (article.title, article.outlet_raw) == (HEADLINE, "Bay Sports Union")


@pytest.mark.parametrize("head, outlet", [
    # no canonical or og:url, a language alternate link trafilatura reads: its host stands in for a headline
    (site(HEADLINE) + '<link rel="alternate" href="https://harbourpost.at/ferry-fares-rise/" hreflang="x-default">',
     "harbourpost.at"),
    # ... and a site's root among them makes no front page of an article
    (site(HEADLINE) + '<link rel="alternate" href="https://harbourpost.at/" hreflang="x-default">', "harbourpost.at"),
])
def test_the_host_of_a_link_the_page_gives_stands_in(head, outlet):
    assert parse_html(page(head), "story.html").outlet == outlet
