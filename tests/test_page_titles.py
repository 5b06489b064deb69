"""Article titles from HTML pages: trafilatura's heading is kept unless the page itself shows it is site furniture (a
menu, a category, a contact box, the logo) and names another heading as the article's headline."""
from __future__ import annotations

import pytest

from lib.ingest.html import parse_html

FERRY = [
    "Ferry fares on the harbour routes will rise by eight percent in March, the transport board said on Monday, "
    "the first increase since the service was taken over by the city a decade ago.",
    "The board blamed fuel prices and the cost of two new boats, while commuter groups said the rise would push "
    "more people back into cars on the coastal road.",
]
PRESUPUESTO = [
    "El ayuntamiento aprobó el martes un presupuesto que amplía la financiación de las bibliotecas públicas y del "
    "transporte escolar, tras meses de debate entre la alcaldía y las asociaciones vecinales.",
    "Los partidarios dijeron que el plan reabrirá tres sucursales cerradas durante la pandemia, mientras que los "
    "críticos advirtieron de que el gasto depende de previsiones optimistas.",
]
YUSUAN = ["市议会星期二通过了新的年度预算，增加了公共图书馆和学校交通的经费。",
          "支持者说，这项计划将重新开放疫情期间关闭的三家分馆，批评者则担心税收预测过于乐观。"]


def page(title: str | None, top: str, paragraphs: list[str], head: str = "", lang: str = "en") -> bytes:
    """A small page: an optional <title>, markup above the article (headings, boxes) and the article's paragraphs."""
    ps = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    title_el = f"<title>{title}</title>" if title is not None else ""
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{title_el}{head}</head><body>
{top}<article>{ps}</article></body></html>""".encode()


@pytest.mark.parametrize("data, title", [
    # the page's one <h1> is its logo; the headline is a lower heading, and the <title> names it too
    (page("Ferry fares rise for the first time in a decade | Coastline Gazette",
          "<h1>Coastline Gazette</h1><h2>Ferry fares rise for the first time in a decade</h2>", FERRY),
     "Ferry fares rise for the first time in a decade"),
    # a menu heading first among several <h1>: trafilatura takes the first (a <title> with a dot it passes over), the
    # <title> names the second
    (page("www.coastline-gazette.com: Transport / Ferry fares rise for the first time in a decade",
          "<h1>Skip links and search</h1><h1>Ferry fares rise for the first time in a decade</h1>", FERRY),
     "Ferry fares rise for the first time in a decade"),
    # a contact box's label, styled as a headline, that the body holds too: one word the <title> does not name
    (page("Ferry fares rise for the first time in a decade",
          "<h3>Ferry fares rise for the first time in a decade</h3>", FERRY
          + ["Ferry board press office, harbour building, second floor."]).replace(
              b"<article>", b'<article><h2 class="headline">Contacts</h2>'),
     "Ferry fares rise for the first time in a decade"),
    # not English: a Spanish site's menu heading
    (page("El ayuntamiento aprueba el presupuesto de bibliotecas - Diario del Valle",
          "<h1>Menú principal</h1><h2>El ayuntamiento aprueba el presupuesto de bibliotecas</h2>", PRESUPUESTO,
          lang="es"),
     "El ayuntamiento aprueba el presupuesto de bibliotecas"),
    # a single-page app's package name is no headline, and there is no other
    (page("harbour-news-frontend", "", FERRY), None),
], ids=["logo", "menu", "label", "spanish", "identifier"])
def test_furniture_heading_gives_way(data, title):
    """A heading that is evidently not the article's (no word of it in the body, or a lone label the <title> does not
    name) gives way to the heading the <title> names."""
    assert parse_html(data, "t.html").title == title


@pytest.mark.parametrize("data, title", [
    # the <title> is only the site's name, shown as a heading too: the <h1> is the headline
    (page("The Coastline Gazette and Harbour Herald",
          "<h2>The Coastline Gazette and Harbour Herald</h2><h1>Ferry fares rise</h1>", FERRY),
     "Ferry fares rise"),
    # the same with a one-word headline: the site's stated name is never taken for the headline
    (page("The Coastline Gazette and Harbour Herald",
          "<h2>The Coastline Gazette and Harbour Herald</h2><h1>Fares</h1>", FERRY,
          head='<meta property="og:site_name" content="The Coastline Gazette and Harbour Herald">'),
     "Fares"),
    # an editor's <title> differs from the <h1> but the page shows no heading of it: trafilatura's <h1> stands
    (page("Harbour ferry fares to rise eight percent in March - Coastline Gazette", "<h1>Fares up again</h1>", FERRY),
     "Fares up again"),
    # a headline none of whose words the body repeats ("aboard", "price") stays: the site's name in the <title> is
    # longer, but the body does not support it either ...
    (page("All aboard, for a price | The Coastline Gazette of the Southern Bays",
          "<h2>The Coastline Gazette of the Southern Bays</h2><h1>All aboard, for a price</h1>", FERRY),
     "All aboard, for a price"),
    # ... and the section's name the body does support ("transport") is shorter than the headline
    (page("Transport - All aboard, for a price", "<h2>Transport</h2><h1>All aboard, for a price</h1>", FERRY),
     "All aboard, for a price"),
    # the site's tagline in the <title> is a footer's heading: the body supports it, but it is no article's heading
    (page("All aboard, for a price | News of the harbour ferry routes", "<h1>All aboard, for a price</h1>", FERRY)
     .replace(b"</body>", b"<footer><h2>News of the harbour ferry routes</h2></footer></body>"),
     "All aboard, for a price"),
    # only an <h1>, no <title>
    (page(None, "<h1>Ferry fares rise</h1>", FERRY), "Ferry fares rise"),
    # not English, no spaces between words: the <h1> is the headline, the <title> adds the site's name
    (page("市议会通过新预算_城市新闻网", "<h2>城市新闻网</h2><h1>市议会通过新预算</h1>", YUSUAN, lang="zh"),
     "市议会通过新预算"),
], ids=["site-title", "site-title-one-word", "editors-title", "pun-site", "pun-section", "footer", "no-title",
        "chinese"])
def test_headline_heading_is_kept(data, title):
    """trafilatura's heading stands wherever the page gives no clear evidence against it."""
    assert parse_html(data, "t.html").title == title
