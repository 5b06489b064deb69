"""Text ingestion: seeds (golden file), header lines, paragraphs and offsets, decoding, bad input, folders."""
import hashlib
import json
import os
import shutil

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT, SEEDS
from lib.ingest import FileResult, parse_file, parse_paths, sniff_format
from lib.ingest.text import parse_text
from lib.models import DATE_SOURCES, ParseError

GOLDEN = ROOT / "tests" / "golden" / "seed_articles.json"
GOLDEN_FIELDS = ("id", "outlet", "via", "published", "date_source", "dateline", "dateline_place", "title", "author",
                 "url", "paragraphs", "format")


def golden_record(article) -> dict:
    """The stable part of a parsed seed: fields, text length and hash (date_note names the batch's paths)."""
    record = {f: getattr(article, f) for f in GOLDEN_FIELDS}
    record["published"] = article.published.isoformat() if article.published else None
    record["paragraphs"] = [list(p) for p in article.paragraphs]
    record["origin"] = os.path.basename(article.origin)
    record["text_chars"] = len(article.text)
    record["text_sha256"] = hashlib.sha256(article.text.encode()).hexdigest()
    return record


def test_seeds_match_golden_file():
    results = parse_paths([str(SEEDS)])
    records = [golden_record(a) for r in results for a in r.articles]
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert records == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_seeds_acceptance():
    by_outlet = {a.outlet: a for r in parse_paths([str(SEEDS)]) for a in r.articles}
    tass, urdu = by_outlet["TASS"], by_outlet["UrduPoint News"]
    assert (tass.dateline_place, tass.published.isoformat(), tass.date_source) == ("MOSCOW", "2020-09-25",
                                                                                  "inferred-from-story")
    assert "without a year" in tass.date_note and "On Friday" in tass.date_note
    assert "004_782949620f890c67.txt" in tass.date_note
    assert tass.date_candidates[0] == "2020-09-25 inferred-from-story"
    assert (urdu.via, urdu.dateline_place, urdu.published.isoformat(), urdu.date_source) == (
        "Sputnik", "GENOA", "2020-09-30", "dateline")
    for article in (tass, urdu):
        assert article.text.startswith(article.dateline)  # the dateline stays in the text


def test_seed_alone_is_inferred_from_weekday_not_silently():
    """Without the UrduPoint piece, TASS's year comes from 'on Friday' and says so."""
    article = parse_paths([str(SEEDS / "000_6c2b300fd0bd74a3.txt")])[0].articles[0]
    assert article.date_source == "inferred-from-weekday"
    assert article.published.weekday() == 4 and (article.published.month, article.published.day) == (9, 25)
    assert "Friday" in article.date_note


HEADER_CASES = [
    # (file text, expected fields)
    ("Title: Cyber pact\nOutlet: AP\nDate: 2021-05-04\nURL: https://x.test/a\nAuthor: Jane Roe\n\n"
     "MOSCOW, September 25. /TASS/. Body text here.",
     {"title": "Cyber pact", "outlet": "Associated Press", "via": "TASS", "published": "2021-05-04",
      "date_source": "header", "url": "https://x.test/a", "author": "Jane Roe", "dateline_place": "MOSCOW"}),
    ("source: Daily Planet\nvia: Reuters\ndate: March 3, 2019\n\nMetropolis — The mayor spoke.",
     {"outlet": "Daily Planet", "via": "Reuters", "published": "2019-03-03", "date_source": "header",
      "dateline": None}),
    ("Outlet: Reuters\n\nLONDON, Oct 3 (Reuters) - Shares rose.", {"outlet": "Reuters", "via": None}),
    ("Date: 2020-09-30T10:15:00+03:00\n\nGENOA (UrduPoint News / Sputnik - 30th September, 2020) Text.",
     {"published": "2020-09-30T10:15:00+03:00", "date_source": "header", "outlet": "UrduPoint News", "via": "Sputnik"}),
    ("Headline: One\nLanguage: en\nStory: cyber-2020\n\nText body.", {"title": "One", "language": "en",
                                                                     "story": "cyber-2020"}),
    ("Note: not a header we know.\nText body.", {"title": None, "text": "Note: not a header we know.\n\nText body."}),
    ("LONDON, Oct 3, 2021 (Reuters) - Body.", {"published": "2021-10-03", "date_source": "dateline"}),
]


@pytest.mark.parametrize("raw,expected", HEADER_CASES)
def test_header_lines_take_precedence(raw, expected):
    article, _ = parse_text(raw, "f.txt")
    got = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in
           ((k, getattr(article, k)) for k in expected)}
    assert got == expected
    assert not article.text.lower().startswith(("title:", "outlet:", "source:", "date:", "headline:"))


def test_header_text_is_not_body():
    article, _ = parse_text("Title: T\nDate: 2021-01-02\n\nFirst para.\n\nSecond para.", "f.txt")
    assert article.text == "First para.\n\nSecond para."


@pytest.mark.parametrize("raw,title,author,text_start", [
    ("Putin proposes cyber pact\n\nMOSCOW, September 25. /TASS/. Body.", "Putin proposes cyber pact", None, "MOSCOW"),
    ("Putin proposes cyber pact\n\nBy Jane Roe and John Doe\n\nWASHINGTON — Body.", "Putin proposes cyber pact",
     "Jane Roe and John Doe", "WASHINGTON"),
    ("A full sentence that ends with a period.\n\nSecond paragraph.", None, None, "A full sentence"),
    ("Only one paragraph", None, None, "Only one"),
])
def test_title_and_byline_lines(raw, title, author, text_start):
    article, _ = parse_text(raw, "f.txt")
    assert (article.title, article.author) == (title, author)
    assert article.text.startswith(text_start)


@pytest.mark.parametrize("raw,paragraphs", [
    ("One.\n\nTwo.\n\n\n\nThree.", ["One.", "Two.", "Three."]),
    ("One.\r\nTwo.\r\nThree.", ["One.", "Two.", "Three."]),  # one paragraph per line when no blank lines
    ("Hard wrapped\nline one.\n\nSecond\tpara   with  spaces.", ["Hard wrapped line one.", "Second para with spaces."]),
    ("Cafe\u0301 au lait.\u00a0Yes.\r\rNext.", ["Café au lait. Yes.", "Next."]),  # NFC, no-break space, CR
    ("\ufeffBOM first.\n\n  indented para. ", ["BOM first.", "indented para."]),
])
def test_paragraphs_and_offsets(raw, paragraphs):
    article, _ = parse_text(raw, "f.txt")
    assert [article.text[s:e] for s, e in article.paragraphs] == paragraphs


ENCODING_CASES = [
    ("utf-8", "MOSCOW, September 25. /TASS/. Владимир Путин — «Cyber» café."),
    ("utf-8-sig", "MOSCOW, September 25. /TASS/. Владимир Путин заявил о безопасности."),
    ("cp1251", "МОСКВА, 25 сентября. /ТАСС/. Президент России Владимир Путин выступил с заявлением о "
               "сотрудничестве в области международной информационной безопасности."),
    ("latin-1", "PARIS (AFP) - Le président français a déclaré vendredi que la réforme des retraites était "
                "« nécessaire » et qu'il ne céderait pas. Les syndicats répondent à Müller."),
    ("utf-16", "BERLIN (dpa) - Grüße aus München, sagte er."),
]


@pytest.mark.parametrize("encoding,text", ENCODING_CASES)
def test_encodings(tmp_path, encoding, text):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    result = parse_paths([str(path)])[0]
    assert result.status == "ok", result.reason
    assert result.articles[0].text == text
    assert result.articles[0].outlet is not None


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
BAD_FILES = [
    # (file name, content, words the one-line reason must contain)
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n \t\n", "empty file"),
    ("image.txt", PNG, "PNG"),
    ("image.html", PNG, "PNG"),
    ("bad_utf8.txt", b"\xef\xbb\xbfWASHINGTON \xff\xfe text", "undecodable bytes as utf-8-sig at byte 11"),
    ("bad_utf16.txt", b"\xff\xfe" + "WASHINGTON".encode("utf-16-le") + b"\x00\xd8", "undecodable bytes as utf-16"),
    ("empty.html", b"", "empty file"),
    ("random.txt", bytes(range(256)) * 8, "binary"),
    ("controls.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50 + b"text", "binary"),
    ("headers_only.txt", b"Title: Nothing else\nDate: 2020-01-01\n", "no article text"),
    ("archive.csv", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
    ("nocol.csv", b"outlet,title\nAP,Hello\n", "no `text` column"),
    ("nofield.jsonl", b'{"outlet": "AP", "title": "x"}\n', "no `text` field"),
    ("allbroken.jsonl", b'{"text": \n{{{\n', "broken JSON line"),
]


@pytest.mark.parametrize("name,content,reason", BAD_FILES)
def test_bad_input_is_one_line_and_batch_goes_on(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    good = tmp_path / "zz_good.txt"
    good.write_text("WASHINGTON (Reuters) - The batch goes on.", encoding="utf-8")
    results = {os.path.basename(r.path): r for r in parse_paths([str(tmp_path)])}
    bad = results[name]
    assert bad.status == "rejected" and bad.articles == ()
    assert reason in bad.reason and "\n" not in bad.reason
    assert results["zz_good.txt"].status == "ok" and results["zz_good.txt"].articles[0].outlet == "Reuters"


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("WASHINGTON — " + "word " * 400, encoding="utf-8")
    result = parse_paths([str(path)], max_bytes=1000)[0]
    assert result.status == "rejected" and "over the limit of 1,000 bytes" in result.reason
    assert parse_paths([str(path)], max_bytes=10_000)[0].status == "ok"


def test_missing_path_is_reported(tmp_path):
    result = parse_paths([str(tmp_path / "nope.txt")])[0]
    assert result.status == "rejected" and "cannot read" in result.reason


def test_no_dateline_is_ingested_and_said(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("The council met on Tuesday to discuss the budget.\n\nIt adjourned early.", encoding="utf-8")
    result = parse_paths([str(path)])[0]
    article = result.articles[0]
    assert result.status == "ok"
    assert (article.outlet, article.published, article.date_source, article.dateline) == (None, None, "unknown", None)
    assert "no dateline" in result.reason and "outlet unknown" in result.reason
    assert "date unknown" in article.date_note


def test_no_dateline_but_headers_give_all(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Outlet: Daily Planet\nDate: 2022-02-02\n\nThe council met.", encoding="utf-8")
    result = parse_paths([str(path)])[0]
    assert (result.status, result.reason, result.articles[0].outlet) == ("ok", "", "Daily Planet")


def test_folders_recursive_sorted_hidden_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ("b/2.txt", "a.txt", ".secret.txt", ".hidden/x.txt", "b/1.txt"):
        (tmp_path / rel).write_text("WASHINGTON — Text of " + rel, encoding="utf-8")
    names = [os.path.relpath(r.path, tmp_path) for r in parse_paths([str(tmp_path)])]
    assert names == ["a.txt", os.path.join("b", "1.txt"), os.path.join("b", "2.txt")]


def test_several_paths_at_once(tmp_path):
    shutil.copy(SEEDS / "000_6c2b300fd0bd74a3.txt", tmp_path / "tass.txt")
    results = parse_paths([str(tmp_path / "tass.txt"), str(SEEDS / "004_782949620f890c67.txt")])
    assert [r.articles[0].outlet for r in results] == ["TASS", "UrduPoint News"]
    assert results[0].articles[0].date_source == "inferred-from-story"  # year inference spans the batch


@pytest.mark.parametrize("name,content,fmt", [
    ("a.txt", b"WASHINGTON - x", "txt"), ("a", b"WASHINGTON - x", "txt"), ("a.html", b"<p>x</p>", "html"),
    ("a.txt", b"<!DOCTYPE html><html><body>x</body></html>", "html"), ("a.jsonl", b'{"text": "x"}', "jsonl"),
    ("a.dat", b'{"text": "x"}\n', "jsonl"), ("a.csv", b"text\nx\n", "csv"), ("a.TSV", b"text\nx\n", "csv"),
])
def test_format_detection(name, content, fmt):
    assert sniff_format(name, content) == fmt


def test_html_is_dispatched_to_the_html_parser(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>T</title></head><body><article><p>WASHINGTON (AP) — A body paragraph "
                    "long enough to count as text for any extractor.</p></article></body></html>", encoding="utf-8")
    result = parse_paths([str(path)])[0]
    assert isinstance(result, FileResult) and result.path == str(path)
    assert result.status == "ok", result.reason
    assert [a.format for a in result.articles] == ["html"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600))
def test_parse_text_never_raises_anything_but_parse_error(raw):
    try:
        article, yearless = parse_text(raw, "h.txt")
    except ParseError as exc:
        assert "\n" not in exc.reason
        return
    assert article.text and article.date_source in DATE_SOURCES
    for start, end in article.paragraphs:
        assert 0 <= start < end <= len(article.text)
        assert article.text[start:end].strip() == article.text[start:end]
    if article.dateline:
        assert article.text.startswith(article.dateline)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), ext=st.sampled_from([".txt", ".csv", ".jsonl", ""]))
def test_parse_file_never_raises_on_arbitrary_bytes(tmp_path, data, ext):
    path = tmp_path / f"x{ext}"
    path.write_bytes(data)
    result, _ = parse_file(str(path))
    assert result.status in ("ok", "partial", "rejected")
    assert result.status != "rejected" or (result.reason and not result.articles)
    assert not result.reason.startswith("internal error"), result.reason


def test_bench_corpus_datelines_all_recognised(shared_data, tmp_path):
    """Every dateline form bench/ingest.py writes is read back (place, outlet or header outlet, a date)."""
    from bench.ingest import DATELINE_FORMS, write_corpus

    write_corpus(tmp_path, 2 * len(DATELINE_FORMS))
    articles = [a for r in parse_paths([str(tmp_path)]) for a in r.articles]
    assert len(articles) == 2 * len(DATELINE_FORMS)
    assert all(a.dateline_place and a.outlet for a in articles)
    assert sum(a.published is not None for a in articles) >= len(articles) * 3 // 4


_GERMAN = ("Die Lage an der Grenze sei ernst, sagte Innenministerin Anna Schulte am Montag in Berlin. „Wir werden "
           "die Kontrollen verstärken“, sagte Schulte. Die Opposition fordert seit Wochen eine Untersuchung der "
           "Vorfälle und kritisiert, dass die Regierung bisher keine Antwort gegeben habe.")


@pytest.mark.parametrize("stated", [None, "en"])
def test_an_article_is_read_in_the_language_its_text_is_written_in(tmp_path, stated):
    """A row stating no language, or its site's ("en" on a German page), was read as English: its German quotes kept
    no speaker, its stop words were English. The text's own language is stored, and attribution reads it."""
    from lib.extract.quotes import extract_quotes
    row = {"outlet": "Beispiel Zeitung", "published": "2024-03-04", "title": "Grenze", "text": _GERMAN}
    if stated:
        row["language"] = stated
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    (result,) = parse_paths([str(path)])
    (article,) = result.articles
    assert article.language == "de"
    assert [q.speaker_id for q in extract_quotes(article) if q.kind != "reported"] == ["Anna Schulte"]


_BLOGGERS = ("Bloggers reacted to the inauguration with a wide spectrum of opinion, from open hostility to support "
             "for the new government, and many of them wrote at length about the protests in the capital.\n\n"
             + "Блогер пишет: «Это был самый странный день в истории города, и никто не знал, что будет дальше. "
               "Полиция стояла на каждом углу, а люди шли молча.» " * 12)  # an English report quoting Russian
_ENGLISH = ("The council voted on Tuesday to rebuild the bridge over the river, after months of debate about the cost "
            "of the work and the closure of the old crossing to traffic.")


@pytest.mark.parametrize("text,stated,language", [
    pytest.param("Kurz.", "fr", "fr", id="short"),
    pytest.param(_BLOGGERS, None, None, id="english-lead"),
    pytest.param(_ENGLISH, "en-GB", "en-GB", id="agrees"),
    pytest.param(_ENGLISH, None, "en", id="none-stated"),
])
def test_a_stated_language_stands_where_the_text_agrees_or_cannot_tell(tmp_path, text, stated, language):
    """Too short to tell, a lead in another language than the opening, or a text in the stated language: as stated
    (a region's tag kept); a row stating none gets its text's."""
    row = {"outlet": "Example", "published": "2024-03-04", "text": text, **({"language": stated} if stated else {})}
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (result,) = parse_paths([str(path)])
    assert result.articles[0].language == language
