"""Fetching by URL, feed and sitemap against a real HTTP server on 127.0.0.1 started here (never another address):
robots.txt, a 429 then 200, a redirect, a timeout, a huge page, a non-HTML response, re-runs from the store."""
from __future__ import annotations

import json

import pytest

from lib.cli import main as cli_main
from lib.fetch import fetch_urls
from lib.fetch.discover import feed_links, sitemap_links
from lib.fetch.http import Fetcher, FetchSettings
from lib.store import connect, load_articles, load_report

def fast_fetcher(**overrides) -> Fetcher:
    return Fetcher(FetchSettings(**{"delay": 0.0, "backoff": 0.01, "timeout": 0.5, "retries": 2, **overrides}))


@pytest.mark.parametrize("path, ok, reason", [
    ("/news/2024/05/01/night-buses.html", True, ""),
    ("/private/draft.html", False, "forbidden by the site's robots.txt"),
    ("/down", False, "HTTP 503 after 3 tries"),
    ("/missing", False, "HTTP 404"),
    ("/slow", False, "timed out after 3 tries"),
    ("/report.pdf", True, ""),
])
def test_one_url_either_comes_or_says_why(site, path, ok, reason):
    page = fast_fetcher().get(site.base + path)
    assert page.ok is ok
    assert page.reason == reason


def test_a_429_is_retried_and_then_served(site):
    page = fast_fetcher().get(site.base + "/flaky")
    assert page.ok and b"Flaky story" in page.data


def test_redirects_are_followed_and_recorded(site):
    page = fast_fetcher().get(site.base + "/moved")
    assert page.ok and page.final_url == site.base + "/news/council-budget"
    assert page.redirects == (site.base + "/moved", site.base + "/news/council-budget")


def test_a_page_over_the_size_cap_is_refused(site):
    page = fast_fetcher(max_bytes=100_000).get(site.base + "/huge")
    assert not page.ok and "over the cap of 100,000" in page.reason and page.data == b""


def test_not_http_is_refused_without_a_request():
    assert fast_fetcher().get("file:///etc/passwd").reason == "not an http(s) URL"


def test_the_per_host_delay_is_kept_between_requests(site):
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    fetcher = Fetcher(FetchSettings(delay=2.0), sleep=sleep, clock=lambda: now[0])
    fetcher.get(site.base + "/news/council-budget")  # robots.txt, then the page: one wait between them
    fetcher.get(site.base + "/news/council-budget")
    assert slept == [2.0, 2.0]


def test_feed_and_sitemap_list_the_article_links(site):
    fetcher = fast_fetcher()
    links, problem = feed_links(fetcher, site.base + "/feed.xml")
    assert problem == "" and links == [site.base + p for p in (
        "/news/2024/05/01/night-buses.html", "/news/council-budget", "/private/draft.html")]
    links, problems = sitemap_links(fetcher, site.base + "/sitemap.xml")
    assert problems == [] and links == [site.base + "/news/2024/05/01/night-buses.html", site.base + "/moved"]


def test_a_page_that_is_not_a_feed_says_so(site):
    links, problem = feed_links(fast_fetcher(), site.base + "/news/council-budget")
    assert links == [] and "not an RSS, Atom or JSON feed" in problem


def test_fetch_stores_articles_and_reports_every_url(site, tmp_path):
    con = connect(tmp_path / "corpus.duckdb")
    urls = [site.base + p for p in ("/news/2024/05/01/night-buses.html", "/moved", "/private/draft.html",
                                    "/report.pdf", "/down")]
    results = fetch_urls(con, urls, fast_fetcher())
    assert [r.status for r in results] == ["ok", "ok", "rejected", "rejected", "rejected"]
    assert results[1].reason == f"redirected to {site.base}/news/council-budget"
    assert results[3].reason == "not an HTML page (application/pdf)"
    articles = load_articles(con)
    assert len(articles) == 2
    night = articles[articles["title"].str.contains("Night buses")].iloc[0]
    assert night["url"] == urls[0]
    assert str(night["published"])[:10] == "2024-05-01"  # the page's own URL dates it
    assert set(load_report(con)["path"]) == set(urls)
    con.close()


def test_a_rerun_reads_stored_pages_and_refresh_downloads_again(site, tmp_path):
    con = connect(tmp_path / "corpus.duckdb")
    url = site.base + "/news/council-budget"
    first = fetch_urls(con, [url], fast_fetcher())
    hits = site.hits[url.removeprefix(site.base)]
    again = fetch_urls(con, [url], fast_fetcher())
    assert first[0].downloaded and not again[0].downloaded
    assert site.hits["/news/council-budget"] == hits
    assert again[0].article_ids == first[0].article_ids and len(load_articles(con)) == 1
    fetch_urls(con, [url], fast_fetcher(), refresh=True)
    assert site.hits["/news/council-budget"] == hits + 1
    con.close()


def test_the_fetch_command_takes_a_feed(site, tmp_path, capsys):
    db = str(tmp_path / "corpus.duckdb")
    code = cli_main(["fetch", "--feed", site.base + "/feed.xml", "--delay", "0", "--db", db])
    out = capsys.readouterr().out
    assert code == 0
    assert "urls: 3 (2 ok, 1 rejected" in out
    assert f"{site.base}/private/draft.html: rejected: forbidden by the site's robots.txt" in out
    con = connect(db, read_only=True)
    assert len(load_articles(con)) == 2
    con.close()


def test_the_fetch_command_without_links_says_so(capsys):
    assert cli_main(["fetch"]) == 2
    assert "no URL to fetch" in capsys.readouterr().err


# News-database exports, written from the formats' public documentation: Media Cloud's story CSV (id, indexed_date,
# language, media_name, media_url, publish_date, title, url) and GDELT DOC 2.0 ArtList JSON ({"articles": [...]}:
# url, url_mobile, title, seendate, socialimage, domain, language, sourcecountry) and the CSV its clients write.
def mediacloud_csv(base: str, text: bool = False) -> bytes:
    head = "id,indexed_date,language,media_name,media_url,publish_date,title,url" + (",text" if text else "")
    rows = [f"101,2024-05-02 10:00:00,en,harbourherald.example,https://harbourherald.example,2024-05-01 08:30:00,"
            f"Night buses,{base}/news/2024/05/01/night-buses.html",
            f"102,2024-05-03 10:00:00,en,loopback gazette,{base},2024-04-30,Council budget,{base}/news/council-budget"]
    if text:
        rows = [r + ',"The council met on Tuesday. ""We will act,"" the mayor said."' for r in rows]
    return (head + "\n" + "\n".join(rows) + "\n").encode()


def gdelt_json(base: str) -> bytes:
    return json.dumps({"articles": [
        {"url": f"{base}/news/council-budget", "url_mobile": "", "title": "Council passes the budget",
         "seendate": "20240430T101500Z", "socialimage": "", "domain": "127.0.0.1", "language": "English",
         "sourcecountry": "United States"}]}).encode()


def test_exports_without_text_are_link_rows_each_reported(site, tmp_path):
    from lib.ingest import parse_paths

    (tmp_path / "mc.csv").write_bytes(mediacloud_csv(site.base))
    (tmp_path / "gdelt.json").write_bytes(gdelt_json(site.base))
    (tmp_path / "gdelt.csv").write_bytes(b"url,url_mobile,title,seendate,socialimage,domain,language,sourcecountry\n"
                                         + f"{site.base}/x,,X,20240430T101500Z,,example.org,English,US\n".encode())
    results = {r.path.rsplit("/", 1)[1]: r for r in parse_paths([str(tmp_path)])}
    assert {name: r.status for name, r in results.items()} == {"gdelt.csv": "rejected", "gdelt.json": "rejected",
                                                                "mc.csv": "rejected"}
    assert results["mc.csv"].errors[0] == (f"{tmp_path}/mc.csv:2: no text, only a link "
                                           f"({site.base}/news/2024/05/01/night-buses.html): `ingest --fetch` "
                                           f"downloads it")
    assert len(results["mc.csv"].errors) == 2 and len(results["gdelt.json"].errors) == 1


def test_an_export_with_text_maps_its_columns(site, tmp_path):
    from lib.ingest import parse_paths

    (tmp_path / "mc.csv").write_bytes(mediacloud_csv(site.base, text=True))
    (tmp_path / "g.json").write_bytes(json.dumps({"articles": [{
        "url": "https://harbourherald.example/a", "title": "T", "seendate": "20240430T101500Z",
        "domain": "harbourherald.example", "language": "English", "text": "Rain fell on the city all day."}]}).encode())
    articles = {a.origin.rsplit("/", 1)[1].split(":")[0] + ":" + a.title: a
                for r in parse_paths([str(tmp_path)]) for a in r.articles}
    night = articles["mc.csv:Night buses"]
    assert (night.outlet, str(night.published)[:16], night.language) == ("harbourherald.example", "2024-05-01 08:30",
                                                                         "en")
    gdelt = articles["g.json:T"]
    assert str(gdelt.published)[:16] == "2024-04-30 10:15" and gdelt.outlet == "harbourherald.example"


def test_ingest_fetch_downloads_link_rows_and_fills_gaps_from_the_row(site, tmp_path, capsys):
    (tmp_path / "mc.csv").write_bytes(mediacloud_csv(site.base))
    db = str(tmp_path / "c.duckdb")
    assert cli_main(["ingest", str(tmp_path / "mc.csv"), "--fetch", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "urls: 2 (2 ok, 0 rejected; 2 downloaded" in out
    con = connect(db, read_only=True)
    articles = load_articles(con).set_index("url")
    con.close()
    budget = articles.loc[site.base + "/news/council-budget"]  # the page has no date: the export's is used
    assert str(budget["published"])[:10] == "2024-04-30" and budget["date_source"] == "header"
    assert "link list" in budget["date_note"]
    night = articles.loc[site.base + "/news/2024/05/01/night-buses.html"]
    assert night["date_source"] == "url"  # the page's own evidence wins over the row


def test_fetch_takes_an_export_file(site, tmp_path, capsys):
    (tmp_path / "g.json").write_bytes(gdelt_json(site.base))
    assert cli_main(["fetch", "--export", str(tmp_path / "g.json"), "--delay", "0",
                     "--db", str(tmp_path / "c.duckdb")]) == 0
    assert "urls: 1 (1 ok" in capsys.readouterr().out
