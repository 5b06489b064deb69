"""The parse and ingest commands, and idempotent ingestion into a real DuckDB file."""
import importlib
import importlib.util
import json
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS, run_command

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@pytest.fixture
def corpus_dir(tmp_path):
    """A folder with the two seeds, one bulk file and one broken file."""
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in SEEDS.iterdir():
        shutil.copy(seed, folder / seed.name)
    (folder / "bulk.jsonl").write_text(
        json.dumps({"id": "b1", "outlet": "AP", "published": "2021-01-02", "text": "WASHINGTON (AP) — One."}) + "\n"
        + "{broken\n", encoding="utf-8")
    (folder / "image.txt").write_bytes(PNG)
    return folder


def test_parse_jsonl_output(corpus_dir, capsys):
    code, out, err = run_command("parse", [str(corpus_dir)], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(records) == 3
    by_outlet = {r["outlet"]: r for r in records}
    assert by_outlet["TASS"]["published"] == "2020-09-25" and by_outlet["TASS"]["origin"].endswith(".txt")
    assert by_outlet["Associated Press"]["origin"] == f"{corpus_dir / 'bulk.jsonl'}:1"
    if importlib.util.find_spec("lib.extract") is not None and "quotes" in records[0]:
        assert isinstance(records[0]["quotes"], list) and isinstance(records[0]["date_mentions"], list)
    assert f"{corpus_dir / 'image.txt'}: rejected: binary file (PNG image), not text" in err
    assert f"{corpus_dir / 'bulk.jsonl'}:2: broken JSON line" in err


def test_parse_table_and_nothing_parsed(corpus_dir, capsys, tmp_path):
    code, out, _ = run_command("parse", [str(corpus_dir), "--format", "table"], capsys)
    assert code == 0 and "inferred-from-story" in out and "UrduPoint News" in out
    code, out, err = run_command("parse", [str(corpus_dir / "image.txt")], capsys)
    assert code == 1 and out == "" and "PNG" in err


def test_max_bytes_option(corpus_dir, capsys):
    code, out, err = run_command("parse", [str(corpus_dir), "--max-bytes", "500"], capsys)
    assert code == 0 and err.count("over the limit of 500 bytes") == 2  # the two seeds
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["b1"]  # the small bulk file still parses


def article_count(db) -> int:
    """Rows in the articles table of a corpus file."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_ingest_is_idempotent_and_replaces_changed_files(corpus_dir, capsys, tmp_path):
    pytest.importorskip("lib.pipeline", reason="lib.pipeline needs lib.extract, which is not importable yet")
    db = tmp_path / "corpus.duckdb"
    code, out, _ = run_command("ingest", [str(corpus_dir), "--db", str(db)], capsys)
    assert code == 0 and "articles: 3 parsed, 3 added, 0 unchanged, 0 removed" in out
    assert "files: 4 (2 ok, 1 partial, 1 rejected)" in out and "binary file (PNG image)" in out
    assert article_count(db) == 3

    code, out, _ = run_command("ingest", [str(corpus_dir), "--db", str(db)], capsys)
    assert code == 0 and "articles: 3 parsed, 0 added, 3 unchanged, 0 removed" in out
    assert article_count(db) == 3

    seed = corpus_dir / "004_782949620f890c67.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nA correction was appended.", encoding="utf-8")
    code, out, _ = run_command("ingest", [str(seed), "--db", str(db)], capsys)
    assert "articles: 1 parsed, 1 added, 0 unchanged, 1 removed" in out and article_count(db) == 3

    seed.write_bytes(PNG)  # a broken re-upload loses nothing
    code, out, _ = run_command("ingest", [str(seed), "--db", str(db)], capsys)
    assert code == 1 and "rejected" in out and article_count(db) == 3


@pytest.mark.skipif(any(importlib.util.find_spec(f"lib.cli.{m}") is None
                        for m in ("parse", "ingest", "quotes", "stories", "framing", "overlap", "reuse")),
                    reason="not every sub-command module of lib/cli/__init__.py COMMANDS exists yet")
def test_python_m_lib_help_and_ingest(tmp_path):
    for name in ("parse", "ingest"):
        done = subprocess.run([sys.executable, "-m", "lib", name, "--help"], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0 and "examples:" in done.stdout
    done = subprocess.run([sys.executable, "-m", "lib", "ingest", str(SEEDS), "--db", str(tmp_path / "c.duckdb")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "2 added" in done.stdout


def test_ingest_report_counts_undated_and_outletless_articles(tmp_path, capsys):
    """Articles with no date or no outlet are stored as they are, and the report says how many (the screenshot pass
    found half a corpus undated and a fifth with no outlet under a report that said only "ok")."""
    rows = [{"outlet": "Outlet A", "published": "2021-03-01", "title": "Harbour", "text": "The harbour vote passed. " * 5},
            {"outlet": "", "title": "Ferry", "text": "The ferry fare rose again on Monday. " * 5},
            {"outlet": "Outlet B", "title": "Bridge", "text": "The bridge reopened to traffic today. " * 5}]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    code, out, _ = run_command("ingest", [str(path), "--db", str(tmp_path / "c.duckdb")], capsys)
    assert code == 0 and "of the parsed articles: 2 with no date found" in out and "1 naming no outlet" in out
