"""End-to-end: the CLI as a user drives it, on a real DuckDB file and a messy folder of real and broken inputs.

The folder mixes the seeds, ECB+/AllSides articles written as wire copy under each dateline form, JSONL/CSV
exports (an `id` column, mixed-case headers, a broken line, a CSV without text), real HTML pages, and bad
inputs (empty, PNG renamed .txt, over --max-bytes, an HTML page without a body). Every command goes through
lib.cli.main, so what is checked is what the user sees: report lines, exit codes and the stored corpus.
"""
from __future__ import annotations

import csv
import json
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import duckdb
import pytest

from lib.cli import COMMANDS, main
from tests.conftest import ROOT, SEEDS

MAX_BYTES = 100_000  # small enough to reject the padded text below, large enough for the HTML pages we keep
TASS_ID_FILE = "000_6c2b300fd0bd74a3.txt"
URDU_ID_FILE = "004_782949620f890c67.txt"

# (file under wire/, dateline put before an ECB+ text, ECB+ doc id)
WIRE_FORMS = (
    ("reuters.txt", "WASHINGTON (Reuters) - ", "1_11ecb"),
    ("ap.txt", "LOS ANGELES (AP) — ", "1_14ecb"),
    ("afp.txt", "PARIS (AFP) - ", "1_12ecb"),
    ("xinhua.txt", "BEIJING, Sept. 25 (Xinhua) -- ", "1_10ecb"),
    ("cnn.txt", "Washington (CNN) -- ", "1_15ecb"),
    ("bare.txt", "WASHINGTON — ", "1_17ecb"),
    ("nodateline.txt", "", "1_13ecb"),
)

# (file, expected outlet (None = unknown), dateline place, text must start with / contain)
PARSED_TABLE = (
    ("wire/reuters.txt", "Reuters", "WASHINGTON", "Tara Reid"),
    ("wire/ap.txt", "Associated Press", "LOS ANGELES", "Tara Reid"),
    ("wire/afp.txt", "AFP", "PARIS", "Tara Reid"),
    ("wire/xinhua.txt", "Xinhua", "BEIJING", "Tara Reid"),
    ("wire/cnn.txt", "CNN", "Washington", "Tara Reid"),
    ("wire/bare.txt", None, "WASHINGTON", "Tara Reid"),
    ("wire/nodateline.txt", None, None, "Tara Reid"),
    ("wire/headers.txt", "The Example Gazette", None, "Clean Energy"),
    ("enc/cp1251.txt", "TASS", "МОСКВА", "Владимир Путин"),
    ("enc/latin1.txt", "AFP", "PARIS", "Le président français a déclaré"),
    ("enc/bom.txt", "Reuters", "LONDON", "Britain's economy"),
    ("seeds/" + TASS_ID_FILE, "TASS", "MOSCOW", "Vladimir Putin"),
    ("seeds/" + URDU_ID_FILE, "UrduPoint News", "GENOA", "Nakamitsu"),
)

# (the file or file:line a report line must name, a word its reason must contain)
REJECTED_TABLE = (
    ("bad/empty.txt", "empty"),
    ("bad/picture.txt", "binary"),
    ("bad/big.txt", "too large"),
    ("bulk/notext.csv", "text"),
    ("bulk/export.jsonl:2", "JSON"),
    ("html/nobody.html", "body"),
)

_BUILT: dict[str, Path] = {}


def build_folder(root: Path, data: Path) -> Path:
    """Write the messy input folder under ``root`` and return it."""
    from bench.corpus import allsides_articles, ecbplus_articles

    ecb = {d["id"]: d for d in ecbplus_articles()}
    alls = {d["id"]: d for d in allsides_articles()}
    shutil.copytree(SEEDS, root / "seeds")
    for sub in ("wire", "enc", "bulk", "html", "bad"):
        (root / sub).mkdir(parents=True)
    for name, dateline, doc in WIRE_FORMS:
        (root / "wire" / name).write_text(dateline + ecb[doc]["text"] + "\n", encoding="utf-8")
    (root / "wire" / "headers.txt").write_text(
        "Title: Manchin and the clean energy program\nOutlet: The Example Gazette\nDate: 2021-10-19\n"
        "URL: https://example.org/a\nAuthor: Jane Doe\n\n" + alls["5610-left"]["text"] + "\n", encoding="utf-8")
    (root / "enc" / "cp1251.txt").write_bytes(
        "МОСКВА, 25 сентября. /ТАСС/. Президент России Владимир Путин выступил с предложениями о сотрудничестве "
        "в области кибербезопасности. «Особая ответственность лежит на ключевых игроках», — сказал Путин.\n"
        .encode("cp1251"))
    (root / "enc" / "latin1.txt").write_bytes(
        "PARIS (AFP) - Le président français a déclaré jeudi que la sécurité était « une priorité absolue » pour "
        "l'été. Les élèves rentreront à l'école en septembre, a précisé le ministère.\n".encode("latin-1"))
    (root / "enc" / "bom.txt").write_bytes(
        "\ufeffLONDON (Reuters) - Britain's economy grew faster than expected in the third quarter, official "
        "data showed on Friday. \"This is good news for every household,\" finance minister Jane Smith said.\n"
        .encode("utf-8"))
    with (root / "bulk" / "export.jsonl").open("w", encoding="utf-8") as f:
        for i, key in enumerate(("5611-center", "5611-left", "5611-right")):
            d = alls[key]
            f.write(json.dumps({"id": f"my-id-{i}", "Outlet": d["outlet"], "PUBLISHED": d["date"],
                                "title": d["title"], "url": d["url"], "Text": d["text"], "story": "scotus"}) + "\n")
            if i == 0:
                f.write('{"id": "broken", "outlet": "X", "text": "unterminated\n')
    with (root / "bulk" / "export.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["ID", "Outlet", "Published", "TITLE", "Url", "TEXT"])
        for key in ("5610-right", "5610-center"):
            d = alls[key]
            w.writerow([f"csv-{key}", d["outlet"], d["date"], d["title"], d["url"], d["text"]])
    (root / "bulk" / "notext.csv").write_text("id,outlet,published,title\nx1,Foo,2021-01-01,No body\n")
    shutil.copy(data / "goose3_fixtures" / "html" / "test_cnn1.html", root / "html" / "cnn1.html")
    (root / "html" / "nobody.html").write_text(
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav>"
        "</body></html>")
    (root / "bad" / "empty.txt").write_bytes(b"")
    png = (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
           + b"\x00" * 4 + zlib.compress(b"\x00" * 100))
    (root / "bad" / "picture.txt").write_bytes(png)
    (root / "bad" / "big.txt").write_text("WASHINGTON (Reuters) - " + "The long report. " * 7000, encoding="utf-8")
    return root


@pytest.fixture
def messy(shared_data, tmp_path_factory):
    """(folder, corpus file, first ingest's exit code and report) built and ingested once for the module."""
    if "folder" not in _BUILT:
        folder = build_folder(tmp_path_factory.mktemp("messy") / "in", shared_data)
        db = folder.parent / "corpus.duckdb"
        _BUILT.update(folder=folder, db=db)
        _BUILT["first"] = run_cli(["ingest", str(folder), "--db", str(db), "--max-bytes", str(MAX_BYTES)])
    return _BUILT["folder"], _BUILT["db"], _BUILT["first"]


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    """A corpus file holding the two seeds, ingested through the CLI."""
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    code, out, err = run_cli(["ingest", str(SEEDS), "--db", str(db)])
    assert code == 0, out + err
    return db


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """Run `python -m lib ARGV` in this process; (exit code, stdout, stderr)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse (--help, bad options)
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def stored(db: Path, sql: str, params=()) -> list[tuple]:
    """Rows of a query on the corpus file (read-only)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def counts(report: str) -> dict[str, int]:
    """The 'articles: N parsed, N added, N unchanged, N removed' line of an ingest report as a dict."""
    line = next(l for l in report.splitlines() if l.startswith("articles:"))
    return {word: int(n) for n, word in (part.split() for part in line[len("articles:"):].split(","))}


def lines_naming(text: str, name: str) -> list[str]:
    """Report lines that name a file (path ending, optionally with :line)."""
    return [l for l in text.splitlines() if f"/{name}:" in l]


# ---------------------------------------------------------------- help and the process boundary

@pytest.mark.parametrize("command", [c for c, _, _ in COMMANDS])
def test_every_command_has_help_with_examples(command):
    code, out, _ = run_cli([command, "--help"])
    assert code == 0
    assert "examples:" in out and f"python -m lib {command}" in out.split("examples:")[1]


def test_real_process_exit_codes(tmp_path):
    """`python -m lib` as a real process: exit 1 when nothing at all was ingested, one line per bad file."""
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "lib", "ingest", str(tmp_path / "empty.txt"),
                           str(tmp_path / "missing.txt"), "--db", str(tmp_path / "c.duckdb")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert len(lines_naming(proc.stdout + proc.stderr, "empty.txt")) == 1
    assert len(lines_naming(proc.stdout + proc.stderr, "missing.txt")) == 1
    assert "Traceback" not in proc.stderr


# ---------------------------------------------------------------- the seeds, parse and every analysis command

def test_parse_seeds_jsonl_is_the_interchange_format():
    code, out, err = run_cli(["parse", str(SEEDS), "--format", "jsonl"])
    assert code == 0, err
    records = {Path(r["origin"]).name: r for r in map(json.loads, out.splitlines())}
    tass, urdu = records[TASS_ID_FILE], records[URDU_ID_FILE]
    assert (tass["outlet"], tass["published"], tass["dateline_place"]) == ("TASS", "2020-09-25", "MOSCOW")
    assert tass["date_source"].startswith("inferred") and "2020" in tass["date_note"]
    assert (urdu["outlet"], urdu["via"], urdu["published"], urdu["date_source"]) == (
        "UrduPoint News", "Sputnik", "2020-09-30", "dateline")
    for rec in records.values():
        assert rec["quotes"] and rec["date_mentions"]
        for item in rec["quotes"] + rec["date_mentions"]:
            assert rec["text"][item["start"]:item["end"]] == item["text"]
    assert {q["speaker_id"] for q in tass["quotes"] if q["kind"] == "direct"} == {"Vladimir Putin"}


def test_parse_seeds_table_is_readable():
    code, out, _ = run_cli(["parse", str(SEEDS), "--format", "table"])
    header, *rows = out.splitlines()
    assert code == 0 and header.split()[:4] == ["origin", "outlet", "via", "published"]
    assert len(rows) == 2 and all(len(r) <= 200 for r in rows)
    assert any("TASS" in r and "2020-09-25" in r for r in rows)
    assert any("UrduPoint News" in r and "Sputnik" in r and "2020-09-30" in r for r in rows)


def test_analysis_commands_on_the_seeds(seeds_db):
    db = str(seeds_db)
    code, out, _ = run_cli(["quotes", "--db", db, "--format", "jsonl"])
    quotes = [json.loads(l) for l in out.splitlines()]
    assert code == 0 and {q["speaker_id"] for q in quotes if q["kind"] == "direct"} == {
        "Vladimir Putin", "Izumi Nakamitsu"}

    code, out, _ = run_cli(["stories", "--db", db, "--format", "jsonl"])
    stories = [json.loads(l) for l in out.splitlines()]
    assert code == 0 and len(stories) == 1
    assert sorted(stories[0]["outlets"]) == ["TASS", "UrduPoint News"]
    assert (stories[0]["first"][:10], stories[0]["last"][:10]) == ("2020-09-25", "2020-09-30")

    code, out, _ = run_cli(["framing", "--db", db, "--story", stories[0]["story_id"]])
    assert code == 0
    assert "omitted by: UrduPoint News" in out and "PROPOSAL" in out
    assert "TASS [direct, Vladimir Putin" in out and "UrduPoint News [reported, Vladimir Putin" in out

    code, out, _ = run_cli(["overlap", "--db", db])
    assert code == 0 and "share no quote, word for word or altered" in out
    code, out, _ = run_cli(["reuse", "--db", db])
    assert code == 0 and out.startswith("No passage")


@pytest.mark.parametrize("argv", [["quotes"], ["stories"], ["overlap"], ["reuse"], ["framing", "--story", "all"]])
def test_analysis_on_a_missing_corpus_says_so(tmp_path, argv):
    db = tmp_path / "nothing.duckdb"
    code, out, err = run_cli(argv + ["--db", str(db)])
    assert code == 2 and not out
    assert len(err.strip().splitlines()) == 1 and str(db) in err and "ingest" in err
    assert not db.exists()


def test_framing_of_an_unknown_story_is_one_line(seeds_db):
    code, out, err = run_cli(["framing", "--db", str(seeds_db), "--story", "no-such-story"])
    assert code == 2 and not out and "no-such-story" in err and len(err.strip().splitlines()) == 1


# ---------------------------------------------------------------- the messy folder

def test_messy_ingest_reports_every_bad_input_once(messy):
    folder, db, (code, out, err) = messy
    assert code == 0, out + err
    assert "Traceback" not in err
    for name, reason in REJECTED_TABLE:
        named = lines_naming(out + err, name)
        assert len(named) == 1, (name, named)
        assert reason.lower() in named[0].lower(), named[0]
    assert counts(out)["added"] == counts(out)["parsed"] > 15


@pytest.mark.parametrize("name, outlet, place, text_has", PARSED_TABLE)
def test_messy_articles_outlet_place_and_decoded_text(messy, name, outlet, place, text_has):
    folder, db, _ = messy
    rows = stored(db, "SELECT outlet, dateline_place, text FROM articles WHERE origin = ?", [str(folder / name)])
    assert len(rows) == 1, rows
    got_outlet, got_place, text = rows[0]
    assert (got_outlet, got_place) == (outlet, place)
    assert text_has in text
    assert "\ufeff" not in text and "\ufffd" not in text
    if place:  # the dateline starts the body or was removed, never mangled
        assert text.startswith(place) or not text.lstrip().startswith(("(", "-", "—"))


def test_messy_dates_are_plausible(messy):
    folder, db, _ = messy
    by_origin = {Path(o).relative_to(folder).as_posix(): (p, s, c) for o, p, s, c in stored(
        db, "SELECT origin, published, date_source, date_confidence FROM articles")}
    assert by_origin["wire/headers.txt"][0].date().isoformat() == "2021-10-19"
    assert by_origin["wire/headers.txt"][1] == "header"
    assert by_origin["html/cnn1.html"][0].date().isoformat() == "2010-08-13"
    assert by_origin["seeds/" + TASS_ID_FILE][0].date().isoformat() == "2020-09-25"
    assert by_origin["bulk/export.csv:2"][0].date().isoformat() == "2021-10-18"
    for origin, (published, source, confidence) in by_origin.items():
        if published is None:  # unknown is said, not guessed
            assert source == "unknown" and not confidence, origin
        else:
            assert 1990 <= published.year <= 2026 and source != "unknown" and 0 < confidence <= 1, origin
    assert by_origin["wire/nodateline.txt"][:2] == (None, "unknown")


def test_messy_bulk_rows_keep_id_story_and_line(messy):
    folder, db, _ = messy
    rows = {r[0]: r[1:] for r in stored(db, "SELECT id, outlet, story, origin FROM articles "
                                            "WHERE origin LIKE '%export.%'")}
    assert {"my-id-0", "my-id-1", "my-id-2", "csv-5610-right", "csv-5610-center"} <= set(rows)
    assert rows["my-id-0"][:2] == ("The Wall Street Journal", "scotus")  # one outlet per publisher (issue 15)
    assert rows["my-id-1"][2].endswith("export.jsonl:3")  # line 2 is the broken one
    assert rows["csv-5610-right"][0] == "New York Post" and rows["csv-5610-right"][2].endswith(":2")


def test_every_stored_offset_points_at_its_text(messy):
    folder, db, _ = messy
    for table in ("quotes", "date_mentions"):
        bad = stored(db, f'SELECT q.article_id, q.text FROM {table} q JOIN articles a ON a.id = q.article_id '
                         f'WHERE substr(a.text, q.start + 1, q."end" - q.start) <> q.text')
        assert not bad, (table, bad[:3])
        orphans = stored(db, f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans == [(0,)]
    assert stored(db, "SELECT count(*) FROM quotes")[0][0] > 30


def test_messy_analyses_run_and_read(messy):
    folder, db, _ = messy
    code, out, _ = run_cli(["stories", "--db", str(db), "--format", "jsonl"])
    stories = [json.loads(l) for l in out.splitlines()]
    assert code == 0
    by_label = {s["story_id"]: s for s in stories}
    assert sorted(by_label["scotus"]["article_ids"]) == ["my-id-0", "my-id-1", "my-id-2"]
    wire_ids = {r[0] for r in stored(db, "SELECT id FROM articles WHERE origin LIKE '%/wire/%' "
                                         "AND origin NOT LIKE '%headers.txt'")}
    assert any(wire_ids <= set(s["article_ids"]) for s in stories), "the seven Tara Reid reports are one story"
    for argv in (["quotes"], ["overlap"], ["reuse"]):
        code, out, err = run_cli(argv + ["--db", str(db)])
        assert code == 0 and out.strip() and "Traceback" not in err, argv


# ---------------------------------------------------------------- re-ingesting: idempotent, replacing, never losing

def test_reingest_adds_nothing(messy):
    folder, db, (_, first, _) = messy
    before = stored(db, "SELECT count(*) FROM articles")
    code, out, _ = run_cli(["ingest", str(folder), "--db", str(db), "--max-bytes", str(MAX_BYTES)])
    assert code == 0 and counts(out)["added"] == 0 and counts(out)["removed"] == 0
    assert counts(out)["unchanged"] == counts(first)["parsed"]
    assert stored(db, "SELECT count(*) FROM articles") == before


def copy_corpus(messy, tmp_path, sub: str) -> tuple[Path, Path]:
    """A private copy of one sub-folder of the messy folder, ingested into a fresh corpus a test may change."""
    folder, _, _ = messy
    shutil.copytree(folder / sub, tmp_path / "in" / sub)
    shutil.copytree(folder / "bad", tmp_path / "in" / "bad")
    code, out = ingest_one(tmp_path / "in" / sub, tmp_path / "c.duckdb")
    assert code == 0, out
    return tmp_path / "in", tmp_path / "c.duckdb"


def ingest_one(path: Path, db: Path) -> tuple[int, str]:
    """Ingest one file into the corpus; (exit code, report)."""
    code, out, err = run_cli(["ingest", str(path), "--db", str(db)])
    return code, out + err


def test_changed_file_replaces_old_version(messy, tmp_path):
    folder, db = copy_corpus(messy, tmp_path, "wire")
    path = folder / "wire" / "reuters.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("entered a rehab program", "entered a detox program"),
                    encoding="utf-8")
    code, out = ingest_one(path, db)
    assert code == 0 and (counts(out)["added"], counts(out)["removed"]) == (1, 1)
    texts = [t for (t,) in stored(db, "SELECT text FROM articles WHERE text LIKE '%Tara Reid has entered a%'")]
    assert len(texts) == 1 and "detox program" in texts[0]


def test_corrupted_file_loses_nothing(messy, tmp_path):
    folder, db = copy_corpus(messy, tmp_path, "wire")
    before = stored(db, "SELECT id, text FROM articles ORDER BY id")
    path = folder / "wire" / "ap.txt"
    path.write_bytes((folder / "bad" / "picture.txt").read_bytes())
    code, out = ingest_one(folder / "wire", db)
    assert code == 0 and len(lines_naming(out, "ap.txt")) == 1 and "binary" in lines_naming(out, "ap.txt")[0]
    assert stored(db, "SELECT id, text FROM articles ORDER BY id") == before


def test_broken_row_in_reingested_jsonl_loses_nothing(messy, tmp_path):
    folder, db = copy_corpus(messy, tmp_path, "bulk")
    path = folder / "bulk" / "export.jsonl"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2][:200]  # my-id-1, stored before, is cut mid-line
    path.write_text("\n".join(lines), encoding="utf-8")
    code, out = ingest_one(path, db)
    assert code == 0 and len(lines_naming(out, "export.jsonl:3")) == 1
    assert stored(db, "SELECT id FROM articles WHERE id = 'my-id-1'") == [("my-id-1",)]


def test_changed_header_updates_stored_date(messy, tmp_path):
    folder, db = copy_corpus(messy, tmp_path, "wire")
    path = folder / "wire" / "afp.txt"
    path.write_text("Date: 2008-09-26\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    code, out = ingest_one(path, db)
    assert code == 0
    rows = stored(db, "SELECT published, date_source FROM articles WHERE origin = ?", [str(path)])
    assert [(p.date().isoformat() if p else None, s) for p, s in rows] == [("2008-09-26", "header")]


def test_edited_bulk_row_with_id_replaces_text(messy, tmp_path):
    folder, db = copy_corpus(messy, tmp_path, "bulk")
    path = folder / "bulk" / "export.jsonl"
    path.write_text(path.read_text(encoding="utf-8").replace("A commission formed by", "A panel formed by"),
                    encoding="utf-8")
    code, out = ingest_one(path, db)
    assert code == 0
    (text,) = stored(db, "SELECT text FROM articles WHERE id = 'my-id-0'")[0]
    assert text.startswith("A panel formed by")


# ---------------------------------------------------------------- planted copy: overlap and reuse through the CLI

def test_planted_copy_found_by_overlap_and_reuse(shared_data, tmp_path):
    from bench.corpus import ecbplus_articles

    source = next(d for d in ecbplus_articles() if d["id"] == "1_11ecb")["text"]
    paras = source.split("\n\n")
    copy = "\n\n".join(["A new lead written by the copying outlet about the actress and her stay."] + paras[1:])
    copy = copy.replace("respect to her and her family", "respect for her and her family")
    (tmp_path / "orig.txt").write_text(f"Outlet: Daily Planet\nDate: 2008-09-20\n\n{source}\n", encoding="utf-8")
    (tmp_path / "copy.txt").write_text(f"Outlet: Gossip Daily\nDate: 2008-09-21\n\n{copy}\n", encoding="utf-8")
    db = str(tmp_path / "c.duckdb")
    assert run_cli(["ingest", str(tmp_path / "orig.txt"), str(tmp_path / "copy.txt"), "--db", db])[0] == 0

    code, out, _ = run_cli(["overlap", "--db", db, "--format", "jsonl"])
    groups = [json.loads(l) for l in out.splitlines()]
    altered = [r for g in groups for r in g["renderings"] if r["replaced"]]
    assert code == 0 and len(altered) == 1
    assert altered[0]["outlet"] == "Gossip Daily" and [list(p) for p in altered[0]["replaced"]] == [["to", "for"]]

    code, out, _ = run_cli(["reuse", "--db", db, "--format", "jsonl"])
    pairs = [json.loads(l) for l in out.splitlines()]
    assert code == 0 and pairs and {(p["source_outlet"], p["target_outlet"]) for p in pairs} == {
        ("Daily Planet", "Gossip Daily")}
    texts = dict(stored(Path(db), "SELECT id, text FROM articles"))
    for p in pairs:
        assert texts[p["source_id"]][p["source_start"]:p["source_end"]] == p["source_text"]
        assert texts[p["target_id"]][p["target_start"]:p["target_end"]] == p["target_text"]
    assert sum(p["chars"] for p in pairs) > 0.8 * len(copy)


# ---------------------------------------------------------------- bugs seen from the command line

def test_stored_date_is_the_outlets_own_day(shared_data, tmp_path):
    page = tmp_path / "businesstimes.html"  # gold date 2020-10-14 in htmldate_mediacloud/gold_dev.jsonl
    shutil.copy(shared_data / "htmldate_mediacloud" / "html" / "1738268651.html", page)
    db = str(tmp_path / "c.duckdb")
    code, out, _ = run_cli(["parse", str(page), "--format", "jsonl"])
    assert code == 0 and json.loads(out)["published"][:10] == "2020-10-14"  # parsing is right
    assert run_cli(["ingest", str(page), "--db", db])[0] == 0
    code, out, _ = run_cli(["stories", "--db", db, "--format", "jsonl"])
    assert json.loads(out.splitlines()[0])["first"][:10] == "2020-10-14"


def test_framing_units_do_not_start_with_the_dateline_dash(messy, tmp_path):
    folder, _, _ = messy
    db = str(tmp_path / "c.duckdb")
    files = [str(folder / "wire" / n) for n in ("reuters.txt", "xinhua.txt", "cnn.txt", "ap.txt")]
    assert run_cli(["ingest", *files, "--db", db])[0] == 0
    code, out, _ = run_cli(["framing", "--db", db, "--story", "all", "--format", "jsonl"])
    records = [json.loads(l) for l in out.splitlines()]
    texts = [c["unit_text"] for r in records if r["type"] == "point" for c in r["cells"]]
    texts += [r[k] for r in records if r["type"] == "lead" for k in r if k.endswith("text")]
    assert code == 0 and texts
    assert not [t for t in texts if t.lstrip().startswith(("-", "—", "–"))]


@pytest.mark.parametrize("command", [
    "quotes",
    "stories",
    "overlap",
    "reuse",
])
def test_jsonl_output_is_strict_json(messy, command):
    folder, db, _ = messy
    code, out, _ = run_cli([command, "--db", str(db), "--format", "jsonl"])
    assert code == 0 and out.strip()

    def refuse(constant):
        raise ValueError(f"{command} --format jsonl wrote {constant}")

    for line in out.splitlines():
        json.loads(line, parse_constant=refuse)


def test_overlap_never_calls_a_different_quote_altered(messy):
    folder, db, _ = messy
    code, out, _ = run_cli(["overlap", "--db", str(db), "--format", "jsonl"])
    renderings = [r for g in map(json.loads, out.splitlines()) for r in g["renderings"]]
    assert code == 0 and renderings
    weak = [(r["similarity"], r["text"][:60]) for r in renderings if r["relation"] == "near" and r["similarity"] < 60]
    assert not weak


@pytest.mark.parametrize("argv", [["quotes"], ["ingest", str(SEEDS)]])
def test_unusable_corpus_file_is_one_line(tmp_path, argv):
    db = tmp_path / "notes.duckdb"
    db.write_text("not a database\n")
    code, out, err = run_cli(argv + ["--db", str(db)])
    assert code != 0 and str(db) in err and len(err.strip().splitlines()) == 1


def test_editing_one_of_two_identical_files_keeps_the_other(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEEDS / TASS_ID_FILE, folder / name)
    db = tmp_path / "c.duckdb"
    assert ingest_one(folder, db)[0] == 0
    a = folder / "a.txt"
    a.write_text(a.read_text(encoding="utf-8").replace("greatest challenges", "biggest challenges"), encoding="utf-8")
    assert ingest_one(a, db)[0] == 0
    texts = [t for (t,) in stored(db, "SELECT text FROM articles")]
    assert sorted("biggest challenges" in t for t in texts) == [False, True]
