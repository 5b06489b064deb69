"""Issue 12: no input stops a batch, nothing stored is lost, every failure is one plain line.

Each test here failed before the change it pins (see the docstring of each)."""
import datetime as dt
import json
import os
import subprocess
import sys
import time

import pytest

from conftest import ROOT, run_command, write_jsonl
from lib import store
from lib.domain.dates import find_dates
from lib.ingest import parse_paths, printable
from lib.ingest.text import Yearless
from lib.ingest.years import resolve_years
from lib.models import Article

WIRE = "WASHINGTON (Reuters) - The minister said on Friday that talks would resume, \"soon\", officials said.\n"


# ---------------------------------------------------------------- crash sites of the dates recogniser
@pytest.mark.parametrize("published", [dt.date(9999, 12, 31), dt.date(1, 1, 1)])
@pytest.mark.parametrize("text", [
    "They meet next Friday.", "They met last Friday.", "on Friday", "last spring", "next spring", "this winter",
    "next week", "last week", "next month", "last month", "next year", "last year", "tomorrow", "yesterday",
    "next May", "last May", "in May", "May next year", "August last year", "two days ago", "next decade",
    "next century", "the '90s", "by Friday", "He will meet on Monday",
])
def test_relative_dates_at_the_edges_of_the_calendar_resolve_or_say_none(text, published):
    """Published 9999-12-31 or 0001-01-01: "next May" raised ValueError (year 10000), "in May" AttributeError."""
    for start, end, _kind, (value, _granularity, _relative) in find_dates(text, published):
        assert 0 <= start < end <= len(text)
        assert value is None or isinstance(value, dt.date)


@pytest.mark.parametrize("text, published, expected", [
    ("May 3 to June 5, 2019", None, [dt.date(2019, 5, 3), dt.date(2019, 6, 5)]),  # was a KeyError
    ("last spring", dt.date(2020, 11, 1), [dt.date(2020, 3, 1)]),
])
def test_date_range_and_season_cases_stay_fixed(text, published, expected):
    assert [r[3][0] for r in find_dates(text, published)] == expected


def test_next_spring_in_november_resolves():
    """Was a ValueError (no candidates); "this spring" in November is the coming one, so "next" is the one after."""
    [(_, _, _, (value, granularity, _))] = find_dates("next spring", dt.date(2020, 11, 1))
    assert granularity == "season" and value is not None and value > dt.date(2020, 11, 1)


# ---------------------------------------------------------------- failure is local
def _article_ids(con) -> set[str]:
    return {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}


def test_an_article_whose_extraction_fails_is_stored_without_quotes_and_reported(tmp_path, monkeypatch, capsys):
    """Before: the exception stopped the whole ingest and nothing of the batch was stored."""
    import lib.pipeline

    real = lib.pipeline.extract_article

    def failing(article):
        if "BOOM" in article.text:
            raise IndexError("list index out of range")
        return real(article)

    monkeypatch.setattr(lib.pipeline, "extract_article", failing)
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    rows = [{"id": "r1", "outlet": "AP", "published": "2021-01-02", "text": "He said \"fine\" on Friday."},
            {"id": "r2", "outlet": "AP", "published": "2021-01-02", "text": "BOOM said \"no\" on Friday."}]
    write_jsonl(tmp_path / "b.jsonl", rows)
    db = tmp_path / "c.duckdb"
    code, out, _ = run_command("ingest", [str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl"), "--db", str(db)],
                               capsys)
    assert code == 0
    lines = [line for line in out.splitlines() if "extraction failed" in line]
    assert len(lines) == 1
    assert "b.jsonl:2" in lines[0] and "r2" in lines[0] and "IndexError" in lines[0] and "list index" in lines[0]
    con = store.connect(db, read_only=True)
    assert {"r1", "r2"} <= _article_ids(con) and len(_article_ids(con)) == 3
    assert con.execute("SELECT count(*) FROM quotes WHERE article_id = 'r2'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM date_mentions WHERE article_id = 'r2'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM date_mentions WHERE article_id = 'r1'").fetchone()[0] >= 1
    reasons = " ".join(r[0] or "" for r in con.execute("SELECT reason FROM ingest_report").fetchall())
    assert "extraction failed" in reasons


def test_parse_reports_a_failed_extraction_and_prints_the_article(tmp_path, monkeypatch, capsys):
    import lib.pipeline

    def failing(article):
        raise OverflowError("date value out of range")

    monkeypatch.setattr(lib.pipeline, "extract_article", failing)
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    code, out, err = run_command("parse", [str(tmp_path / "a.txt")], capsys)
    assert code == 0
    record = json.loads(out.splitlines()[0])
    assert record["quotes"] == [] and record["date_mentions"] == []
    assert err.count("extraction failed") == 1 and "OverflowError" in err


def test_a_failing_corpus_analysis_does_not_stop_the_ingest(tmp_path, monkeypatch, capsys):
    """Before: an exception in a corpus-wide analysis ended `ingest` with a traceback after storing."""
    from lib.analyse import stored

    def broken(*_args):
        raise ValueError("empty vocabulary")

    monkeypatch.setitem(stored.REGISTRY, "passages", stored.Analysis(broken, ("articles",)))
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    db = tmp_path / "c.duckdb"
    code, out, _ = run_command("ingest", [str(tmp_path / "a.txt"), "--db", str(db)], capsys)
    assert code == 0
    failed = [line for line in out.splitlines() if "passages" in line and "failed" in line]
    assert len(failed) == 1 and "empty vocabulary" in failed[0]
    con = store.connect(db, read_only=True)
    assert stored.stored_key(con, "stories") is not None and stored.stored_key(con, "passages") is None


# ---------------------------------------------------------------- folders: documentation is not an article
@pytest.mark.parametrize("name, skipped", [
    ("README.md", True), ("SOURCE.md", True), ("LICENSE", True), ("LICENSE.txt", True), ("licence.txt", True),
    ("COPYING-CC.TXT", True), ("LICENSEDATA.TXT", True), ("ECBplus_README_LREC2014.txt", True),
    ("NeuS_README.md", True), ("notes.rst", True), ("CHANGELOG", True),
    ("licensed-to-kill-review.txt", False), ("open_source_ai.txt", False), ("readme-fails.html", False),
    ("wire.txt", False), ("page.html", False), ("feed.jsonl", False),
])
def test_folder_ingest_skips_documentation_files(tmp_path, name, skipped):
    """Before: README.md, LICENSE and SOURCE.md of a data folder were stored as articles."""
    (tmp_path / name).write_text(WIRE if not name.endswith(".jsonl") else json.dumps({"text": WIRE}) + "\n",
                                 encoding="utf-8")
    results = parse_paths([str(tmp_path)])
    assert len(results) == 1
    assert (results[0].status == "skipped") == skipped
    if skipped:
        assert not results[0].articles and "documentation" in results[0].reason
    # a file named explicitly is always read
    assert parse_paths([str(tmp_path / name)])[0].status != "skipped"


def test_skipped_files_are_reported_one_line_each(tmp_path, capsys):
    (tmp_path / "README.md").write_text("# Data\nSome words.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    code, out, err = run_command("parse", [str(tmp_path), "--format", "table"], capsys)
    assert code == 0 and err.count("README.md") == 1 and "skipped" in err


# ---------------------------------------------------------------- years far from the batch's evidence
def _pending(text: str) -> tuple[Article, Yearless]:
    article = Article(id="p", text=text, outlet="TASS", via=None, published=None, date_source="unknown",
                      date_confidence=0.0, date_note="", date_candidates=(), dateline="MOSCOW, September 25. /TASS/.",
                      dateline_place="MOSCOW", title=None, author=None, url=None, language=None, paragraphs=((0, 5),),
                      story=None, origin="p.txt", format="txt")
    return article, Yearless(9, 25, "September 25")


def _dated(year: int) -> Article:
    return Article(id=f"d{year}", text="An unrelated report about harvest prices.", outlet="AP", via=None,
                   published=dt.date(year, 3, 1), date_source="header", date_confidence=0.95, date_note="",
                   date_candidates=(), dateline=None, dateline_place=None, title=None, author=None, url=None,
                   language=None, paragraphs=((0, 5),), story=None, origin="d.txt", format="txt")


def test_a_year_mentioned_far_from_the_batch_is_not_inferred():
    """Before: a paragraph mentioning 1865 dated the article to 1865-09-25."""
    article, partial = _pending("MOSCOW, September 25. /TASS/. The bridge, built in 1865, was closed for repairs.")
    batch = [article, _dated(2020), _dated(2021)]
    [resolved] = resolve_years(batch, [(article, partial)], today=dt.date(2022, 1, 1))
    assert resolved.published is None or resolved.published.year >= 2010
    assert "1865" not in (resolved.date_source or "") and (resolved.published is None or resolved.published.year != 1865)


def test_a_year_mentioned_near_the_batch_is_still_inferred():
    article, partial = _pending("MOSCOW, September 25. /TASS/. The 2019 budget was passed in a hurry.")
    [resolved] = resolve_years([article, _dated(2020)], [(article, partial)], today=dt.date(2022, 1, 1))
    assert resolved.published == dt.date(2019, 9, 25) and resolved.date_source == "inferred-from-mentions"


# ---------------------------------------------------------------- data lost without a word
def test_uploads_whose_names_collide_keep_their_own_identity(tmp_path):
    """Before: `a<1>.txt` and `a>1<.txt` became one name (the first never stored), `dir2/report.txt` replaced
    `report.txt`, while the page counted two files."""
    from app.source import ingest_uploads

    con = store.connect(":memory:")
    one = WIRE.encode()
    two = WIRE.replace("minister", "president").encode()
    three = WIRE.replace("minister", "senator").encode()
    four = WIRE.replace("minister", "governor").encode()
    report = ingest_uploads(con, [("a<1>.txt", one), ("a>1<.txt", two)], tmp_path / "up")
    assert list(report["added"]) == [1, 1] and len(store.load_articles(con)) == 2
    ingest_uploads(con, [("report.txt", three)], tmp_path / "up")
    later = ingest_uploads(con, [("dir2/report.txt", four)], tmp_path / "up")
    assert list(later["removed"]) == [0] and len(store.load_articles(con)) == 4
    same_batch = ingest_uploads(con, [("x.txt", one), ("x.txt", two)], tmp_path / "up2")
    assert len(same_batch) == 2 and len(set(same_batch["file"])) == 2
    # the same name uploaded again still replaces its earlier version
    again = ingest_uploads(con, [("report.txt", WIRE.replace("minister", "mayor").encode())], tmp_path / "up")
    assert list(again["removed"]) == [1]


@pytest.mark.parametrize("name", ["a.txt", "dir2/report.txt", "a<1>.txt", "a>1<.txt", ".hidden", "..", "x" * 300,
                                  "línea\nnueva.txt", "\u202etxt.exe", "C:\\x\\y.csv", ""])
def test_upload_names_map_to_distinct_plain_file_names(name):
    from app.source import upload_key

    key = upload_key(name)
    assert key and not key.startswith(".") and "/" not in key and "\\" not in key and len(key.encode()) <= 255
    assert all(c.isprintable() for c in key)


def test_upload_keys_are_distinct():
    from app.source import upload_key

    names = ["report.txt", "dir2/report.txt", "a<1>.txt", "a>1<.txt", "a_1_.txt", "a%3C1%3E.txt", "x" * 300,
             "x" * 301]
    assert len({upload_key(n) for n in names}) == len(names)


def _jsonl(tmp_path, lines: list[bytes], name="rows.jsonl"):
    path = tmp_path / name
    path.write_bytes(b"\n".join(lines) + b"\n")
    return parse_paths([str(path)])[0]


def test_jsonl_with_one_undecodable_line_keeps_the_others_as_utf8(tmp_path):
    """Before: the whole file was decoded as cp1250 and the bad row stored as mojibake."""
    good = json.dumps({"id": "g", "outlet": "AP", "published": "2021-01-02", "text": "A plain ASCII report."}).encode()
    utf8 = json.dumps({"id": "u", "outlet": "AP", "published": "2021-01-02", "text": "Señor Müller spoke."},
                      ensure_ascii=False).encode()
    bad = b'{"id": "b", "outlet": "AP", "text": "caf\xe9 \xe8 cr\xe8me"}'
    result = _jsonl(tmp_path, [good, bad, utf8])
    assert result.status == "partial"
    assert [a.id for a in result.articles] == ["g", "u"]
    assert result.articles[1].text == "Señor Müller spoke."
    assert len(result.errors) == 1 and ":2:" in result.errors[0] and "UTF-8" in result.errors[0]
    only_ascii_and_bad = _jsonl(tmp_path, [good, bad], name="two.jsonl")
    assert [a.id for a in only_ascii_and_bad.articles] == ["g"] and len(only_ascii_and_bad.errors) == 1


@pytest.mark.parametrize("value, reason", [
    (12345, "a number"), (1.5, "a number"), ([1, 2], "a list"), ({"a": 1}, "an object"), (True, "a boolean"),
    (None, "empty `text`"),
])
def test_jsonl_text_that_is_not_a_string_is_rejected(tmp_path, value, reason):
    """Before: 12345 and True were stored as articles; null said "no text field"."""
    good = json.dumps({"id": "g", "text": "A plain report."}).encode()
    result = _jsonl(tmp_path, [good, json.dumps({"id": "x", "text": value}).encode()])
    assert [a.id for a in result.articles] == ["g"]
    assert len(result.errors) == 1 and reason in result.errors[0]


def test_nul_bytes_after_the_first_8kb_are_not_stored(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(WIRE.encode() + b"More text. " * 1000 + b"\x00\x00tail words")
    result = parse_paths([str(path)])[0]
    assert result.status == "ok" and "\x00" not in result.articles[0].text and "tail words" in result.articles[0].text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(tmp_path, encoding):
    """Before: UTF-16LE without a BOM was refused as binary (NUL bytes)."""
    path = tmp_path / "a.txt"
    path.write_bytes(WIRE.encode(encoding))
    result = parse_paths([str(path)])[0]
    assert result.status == "ok", result.reason
    assert result.articles[0].outlet == "Reuters"


@pytest.mark.parametrize("raw, shown", [
    ("a\nb.txt", "a\\nb.txt"), ("\u202eevil.txt", "\\u202eevil.txt"), ("tab\there", "tab\\there"),
    ("plain.txt", "plain.txt"), ("Ünïcode.txt", "Ünïcode.txt"),
])
def test_printable(raw, shown):
    assert printable(raw) == shown


def test_file_names_with_newlines_and_bidi_controls_print_on_one_line(tmp_path, capsys):
    """Before: the name printed across two lines, or reversed."""
    (tmp_path / "bad\nname\u202e.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text(WIRE, encoding="utf-8")
    code, out, err = run_command("parse", [str(tmp_path), "--format", "table"], capsys)
    assert code == 0
    [line] = [line for line in err.splitlines() if "empty file" in line]
    assert "bad\\nname\\u202e.txt" in line and "\u202e" not in err


# ---------------------------------------------------------------- concurrency and unusable corpus files
HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("held", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def _hold(path, seconds: float) -> subprocess.Popen:
    """Another process holding the corpus file open for writing for ``seconds``."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_readers_and_writers_wait_briefly_for_a_lock(tmp_path, monkeypatch):
    """Before: any command failed at once while another process held the file."""
    db = tmp_path / "c.duckdb"
    store.connect(db).close()
    monkeypatch.setattr(store, "LOCK_WAIT_SECONDS", 20.0)
    proc = _hold(db, 1.5)
    try:
        started = time.perf_counter()
        con = store.connect(db, read_only=True)
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
        con.close()
        assert time.perf_counter() - started >= 0.5
    finally:
        proc.wait(timeout=30)


def test_a_lock_held_too_long_is_one_plain_error(tmp_path, monkeypatch):
    db = tmp_path / "c.duckdb"
    store.connect(db).close()
    monkeypatch.setattr(store, "LOCK_WAIT_SECONDS", 0.3)
    proc = _hold(db, 5)
    try:
        with pytest.raises(store.CorpusBusy) as caught:
            store.connect(db)
        assert "\n" not in str(caught.value) and "another process" in str(caught.value)
    finally:
        proc.kill()
        proc.wait()


def test_the_dashboard_holds_the_file_only_during_an_operation(tmp_path):
    """The dashboard's corpus handle opens a connection per operation: between two, a CLI writer and readers
    get the file."""
    from app.source import CorpusSource, open_corpus

    db = tmp_path / "c.duckdb"
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    store.connect(db).close()
    handle = open_corpus(CorpusSource("db", str(db)))
    with handle.cursor() as cur:
        assert cur.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    done = subprocess.run([sys.executable, "-m", "lib", "ingest", str(tmp_path / "a.txt"), "--db", str(db)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([sys.executable, "-m", "lib", "quotes", "--db", str(db)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with handle.cursor() as cur:
        assert cur.execute("SELECT count(*) FROM articles").fetchone() == (1,)


@pytest.mark.parametrize("content", [None, b"", b"DUCK" + b"\x00" * 100, b"not a database at all\n" * 50,
                                     "truncated", "not a corpus"])
def test_an_unusable_read_only_corpus_is_one_plain_line_in_the_dashboard(tmp_path, content):
    """Before: the dashboard showed DuckDB's traceback (with server paths) for a missing or corrupt file."""
    from app.source import CorpusSource, CorpusUnavailable, open_corpus

    db = tmp_path / "c.duckdb"
    if content == "not a corpus":
        import duckdb

        duckdb.connect(str(db)).close()
    elif content == "truncated":
        con = store.connect(db)
        con.execute("CREATE TABLE big AS SELECT range AS n, repeat('x', 100) AS s FROM range(100000)")
        con.close()
        data = db.read_bytes()
        db.write_bytes(data[: len(data) // 3])
    elif content is not None:
        db.write_bytes(content)
    with pytest.raises(CorpusUnavailable) as caught:
        handle = open_corpus(CorpusSource("db", str(db), read_only=True))
        with handle.cursor() as cur:
            cur.execute("SELECT count(*) FROM big").fetchall()
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message and str(tmp_path) not in message
    assert "c.duckdb" in message


@pytest.mark.parametrize("content", [None, b"DUCK" + b"\x00" * 100, b"not a database at all\n" * 50])
def test_an_unusable_corpus_is_one_line_in_the_cli(tmp_path, content):
    db = tmp_path / "c.duckdb"
    if content is not None:
        db.write_bytes(content)
    done = subprocess.run([sys.executable, "-m", "lib", "quotes", "--db", str(db)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode != 0 and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def _dashboard(monkeypatch, argv: list[str]):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setattr("sys.argv", ["dashboard.py", *argv])
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.run()
    return at


@pytest.mark.parametrize("content", [None, b"not a database at all\n" * 50])
def test_the_dashboard_says_in_one_line_that_a_read_only_corpus_is_unusable(tmp_path, monkeypatch, content):
    """Before: a DuckDB (or FileNotFoundError) traceback with the server's paths."""
    db = tmp_path / "c.duckdb"
    if content is not None:
        db.write_bytes(content)
    at = _dashboard(monkeypatch, ["--db", str(db), "--read-only"])
    assert not at.exception
    [error] = at.error
    assert "c.duckdb" in error.value and str(tmp_path) not in error.value and "\n" not in error.value
    assert [b.label for b in at.button] == ["Retry"]


def test_a_dashboard_started_while_an_ingest_writes_says_so_with_a_retry(tmp_path, monkeypatch):
    db = tmp_path / "c.duckdb"
    store.connect(db).close()
    monkeypatch.setattr(store, "LOCK_WAIT_SECONDS", 0.3)
    proc = _hold(db, 60)
    try:
        at = _dashboard(monkeypatch, ["--db", str(db)])
        assert not at.exception
        assert any("being written by another process" in e.value for e in at.error)
    finally:
        proc.kill()
        proc.wait()
    at.button[0].click().run()  # the writer has finished: the retry opens the corpus
    assert not at.exception and not at.error


def test_a_failing_year_inference_leaves_the_dates_unknown_and_says_so(tmp_path, monkeypatch):
    import lib.ingest.years

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(lib.ingest.years, "resolve_years", broken)
    (tmp_path / "a.txt").write_text("MOSCOW, September 25. /TASS/. The talks resumed.", encoding="utf-8")
    [result] = parse_paths([str(tmp_path)])
    assert result.status == "ok" and result.articles[0].published is None
    assert "year inference failed" in result.reason


def test_a_file_that_cannot_be_stored_is_rejected_alone(tmp_path, monkeypatch):
    """A storage error in one file's rows used to roll back and stop the whole batch."""
    import lib.pipeline

    real = lib.pipeline.store_files

    def picky(con, batch):
        if any("bad.txt" in entry[0] for entry in batch):
            raise ValueError("Conversion Error: cannot store this row")
        return real(con, batch)

    monkeypatch.setattr(lib.pipeline, "store_files", picky)
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(WIRE.replace("minister", "mayor"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(WIRE.replace("minister", "judge"), encoding="utf-8")
    con = store.connect(":memory:")
    outcome = {os.path.basename(r.path): (r, added) for r, added, _ in lib.pipeline.ingest_paths(con, [str(tmp_path)])}
    assert outcome["a.txt"][1] == 1 and outcome["c.txt"][1] == 1
    bad = outcome["bad.txt"][0]
    assert bad.status == "rejected" and "could not be stored" in bad.reason and not bad.articles
    assert len(store.load_articles(con)) == 2
