"""Batched storing (lib.store.store_files, used by the pipeline): same rules as store_file, one transaction."""
import pytest

from lib.models import Article, Quote, make_article_id
from lib.store import connect, load_articles, load_quotes, load_report, record_report, store_file, store_files


def art(text: str, outlet: str = "AP") -> Article:
    """A minimal article with a content id."""
    return Article(id=make_article_id(text, outlet), text=text, outlet=outlet, paragraphs=((0, len(text)),))


@pytest.fixture
def con(tmp_path):
    """A real DuckDB file."""
    c = connect(tmp_path / "c.duckdb")
    yield c
    c.close()


def test_batch_counts_and_rules(con):
    a, b, c = art("one"), art("two"), art("three")
    q = Quote(article_id=a.id, text="one", start=0, end=3, kind="direct")
    assert store_files(con, [("f1", [a, b], [q], []), ("f2", [b, c], [], [])]) == [(2, 0), (1, 0)]
    assert len(load_articles(con)) == 3 and len(load_quotes(con)) == 1
    assert store_files(con, [("f1", [a, b], [q], []), ("f2", [b, c], [], [])]) == [(0, 0), (0, 0)]
    d = art("one, corrected")
    assert store_files(con, [("f1", [d, b], [], [])]) == [(1, 1)]  # a changed file replaces its old version
    assert set(load_articles(con)["id"]) == {b.id, c.id, d.id} and load_quotes(con).empty
    assert store_files(con, []) == []


def test_store_file_is_a_batch_of_one(con):
    a = art("alone")
    assert store_file(con, "f", [a]) == (1, 0)
    assert store_file(con, "f", [a]) == (0, 0)
    assert store_file(con, "f", []) == (0, 1)


def test_failed_batch_rolls_back(con):
    store_files(con, [("f1", [art("kept")], [], [])])
    with pytest.raises(Exception):
        store_files(con, [("f2", [art("new")], [], []), ("f3", [object()], [], [])])
    assert list(load_articles(con)["text"]) == ["kept"]


def test_one_outlet_keeps_one_spelling_whatever_the_case(con):
    """Two pages of one site that spell its name in two cases ("FOCUS Online", "FOCUS online") are one outlet: the
    spelling stored first, in this batch or a later one; re-storing changes nothing."""
    store_files(con, [("f1", [art("one", "FOCUS Online"), art("two", "FOCUS online")], [], [])])
    assert set(load_articles(con)["outlet"]) == {"FOCUS Online"}
    later = art("three", "Focus ONLINE")
    assert store_files(con, [("f2", [later], [], [])]) == [(1, 0)]
    assert store_files(con, [("f2", [later], [], [])]) == [(0, 0)]
    articles = load_articles(con)
    assert set(articles["outlet"]) == {"FOCUS Online"} and len(articles) == 3
    store_files(con, [("f3", [art("four", "Focus")], [], [])])  # another name stays its own
    assert set(load_articles(con)["outlet"]) == {"FOCUS Online", "Focus"}
    store_files(con, [("f4", [art("five", "PEOPLE"), art("six", "People")], [], [])])  # not the capitals
    assert set(load_articles(con)["outlet"]) == {"FOCUS Online", "Focus", "People"}


def test_report_rows(con):
    record_report(con, [("a.txt", "ok", "", ["x"]), ("b.png", "rejected", "binary file", [])])
    report = load_report(con)
    assert sorted(report["status"]) == ["ok", "rejected"] and list(report.loc[report.path == "a.txt", "article_ids"].iloc[0]) == ["x"]


WIRE_COPY = ('The minister arrived on Friday. "We will rebuild the bridge," Jane Smith, the minister, said.\n\n'
             'Work starts on Monday, officials said.')


def test_a_verbatim_copy_takes_its_originals_quotes_and_reads_its_own_dates(tmp_path):
    """Quotes of a wire story run unchanged by another outlet on another day are the original's (not extracted
    again); its dated references are its own, read from its own publication day."""
    from lib.extract import extract_article
    from lib.pipeline import ingest_paths

    folder = tmp_path / "in"
    folder.mkdir()
    for k, (outlet, day) in enumerate((("Wire", "2021-03-01"), ("Paper", "2021-03-09"))):
        (folder / f"{k}.txt").write_text(f"Title: Bridge\nOutlet: {outlet}\nDate: {day}\n\n{WIRE_COPY}",
                                           encoding="utf-8")
    con = connect(tmp_path / "c.duckdb")
    results = [r for r, _, _ in ingest_paths(con, [str(folder)])]
    first, copy = (r.articles[0] for r in results)
    quotes = load_quotes(con)
    mine = {a.id: quotes[quotes["article_id"] == a.id][["text", "start", "speaker"]].values.tolist()
            for a in (first, copy)}
    assert mine[first.id] and mine[first.id] == mine[copy.id]
    for a in (first, copy):  # the same as extracting each alone
        assert [[q.text, q.start, q.speaker] for q in extract_article(a)[0]] == mine[a.id]
        dates = con.execute("SELECT value FROM date_mentions WHERE article_id = ? ORDER BY start", [a.id]).fetchall()
        assert [d[0] for d in dates] == [m.value for m in extract_article(a)[1]]
    days = con.execute("SELECT article_id, min(value) FROM date_mentions GROUP BY 1").fetchall()
    assert len({d for _, d in days}) == 2  # 'on Friday' is a different day for each
    con.close()


def _stored_rows(con) -> dict:
    """Every stored article, quote and dated reference (not the report's timestamps), in a stable order."""
    return {table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
            for table in ("articles", "quotes", "date_mentions", "article_sources")}


def test_extraction_in_worker_processes_stores_the_same_rows(shared_data, tmp_path, monkeypatch):
    """Wire copy (verbatim and edited carriers of real paragraphs) ingested with two worker processes stores exactly
    what one process stores, and the same report."""
    import lib.pipeline as pipeline
    from bench.scale import write_corpus

    folder = tmp_path / "wire"
    folder.mkdir()
    write_corpus("wire", folder, 240)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_ARTICLES", 0)
    monkeypatch.setattr(pipeline, "ARTICLES_PER_TASK", 7)
    monkeypatch.setattr(pipeline, "FILES_PER_TRANSACTION", 100)  # copies of a story across chunks, and within one
    stored, reports = [], []
    for workers in (1, 2):
        con = connect(tmp_path / f"c{workers}.duckdb")
        outcome = pipeline.ingest_paths(con, [str(folder)], workers=workers)
        reports.append([(r.path, r.status, r.reason, r.warnings, added) for r, added, _ in outcome])
        stored.append(_stored_rows(con))
        con.close()
    assert stored[0]["quotes"] and stored[0]["date_mentions"] and len(stored[0]["articles"]) == 240
    assert stored[0] == stored[1] and reports[0] == reports[1]


def test_workers_that_cannot_start_leave_the_batch_to_this_process(shared_data, tmp_path):
    """A spawned worker re-runs the host's main script (Streamlit's AppTest puts dashboard.py there); when that fails
    in the worker, the pool breaks and the batch is extracted in the calling process: no hang, nothing lost."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    script = tmp_path / "host.py"
    script.write_text(f"""import sys
sys.path.insert(0, {str(root)!r})
if __name__ != "__main__":
    raise RuntimeError("this host script fails when a worker re-runs it")
import lib.pipeline as pipeline
from bench.scale import write_corpus
from lib.store import connect
from pathlib import Path
folder = Path({str(tmp_path)!r}) / "wire"
folder.mkdir()
write_corpus("wire", folder, 150)
pipeline.PARALLEL_MIN_ARTICLES = 0
con = connect(Path({str(tmp_path)!r}) / "c.duckdb")
print(len(pipeline.ingest_paths(con, [str(folder)], workers=2)), con.execute("SELECT count(*) FROM quotes").fetchone()[0])
""", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    files, quotes = map(int, done.stdout.split())
    assert done.returncode == 0 and files == 150 and quotes > 0


def test_a_process_spawned_from_the_app_does_not_run_the_app(tmp_path):
    """A spawned process imports the host's main script as __mp_main__ (under Streamlit, dashboard.py): it must not
    run the app, nor open or create the corpus the host's arguments name (pytest's "-p no:cacheprovider" became a
    DuckDB file in the working folder)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    named = tmp_path / "named.duckdb"
    code = (f"import runpy, sys; sys.path.insert(0, {str(root)!r}); sys.argv = ['dashboard.py', {str(named)!r}]; "
            f"runpy.run_path({str(root / 'dashboard.py')!r}, run_name='__mp_main__'); print('imported')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == "imported", done.stderr[-500:]
    assert not named.exists() and list(tmp_path.iterdir()) == []


def test_frames_read_through_arrow_keep_the_types_duckdb_gives(con):
    """read_frame (the loaders' path, lighter than DuckDB's own .df()) gives the very frame .df() gives: nullable
    integers where a column has nulls, dates as datetime64, a column of nulls only as objects, lists as arrays."""
    import datetime as dt

    import numpy as np
    import pandas as pd

    from lib.models import DateMention
    from lib.store import load_date_mentions, read_frame

    a = art("Jo Park said on Monday: 'It works.'")
    quotes = [Quote(article_id=a.id, text="It works.", start=29, end=38, kind="direct", speaker="Jo Park",
                    speaker_start=0, speaker_end=7),
              Quote(article_id=a.id, text="works", start=32, end=37, kind="partial")]  # no speaker span: a null
    mention = DateMention(article_id=a.id, text="Monday", start=15, end=21, value=dt.date(2024, 3, 4),
                          granularity="day", relative=True, sentence=a.text, sentence_start=0, sentence_end=len(a.text))
    store_files(con, [("f", [a], quotes, [mention])])
    for sql in ("SELECT * EXCLUDE (row_hash) FROM articles", "SELECT * FROM quotes ORDER BY start",
                "SELECT * FROM date_mentions", "SELECT * FROM date_mentions WHERE start < 0"):  # the last: no rows
        expected, got = con.execute(sql).df(), read_frame(con, sql)
        assert list(got.dtypes.astype(str)) == list(expected.dtypes.astype(str)), sql
        for column in expected.columns:
            for x, y in zip(expected[column], got[column]):
                if isinstance(x, np.ndarray):
                    assert [list(v) if isinstance(v, np.ndarray) else v for v in x] == \
                           [list(v) if isinstance(v, np.ndarray) else v for v in y]
                else:
                    assert (pd.isna(x) and pd.isna(y)) or x == y, (sql, column)
    assert str(load_date_mentions(con)["value"].dtype) == "datetime64[us]"
