"""The batch pipeline on Spark (local mode, one session per test run) against the single-machine DuckDB path, on the
public samples: the same articles, quotes and report rows (same ids), the same reuse passages and shared-quote
groups, story groupings in B-cubed agreement, and the Parquet dataset opened by the read paths."""
import glob
import importlib.util
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import write_jsonl

pytestmark = pytest.mark.spark


@pytest.fixture(scope="session")
def spark():
    """One local Spark session (two cores: the machine is shared) for the whole test run; a skip saying why when
    pyspark is missing (a skip here, not at import: a run that deselects these tests reports nothing of them)."""
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is not installed (pip install -r requirements-spark.txt; .ci/run runs these in a venv)")
    from lib.spark.session import start_session

    session = start_session("local[2]", app_name="coverage-compare tests")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """A mixed batch from the public samples: ECB+ and AllSides as JSONL (AllSides without its hand story, so it is
    clustered), real HTML pages, the seeds' text wire copy (a yearless dateline), and bad input of every kind."""
    from bench.corpus import DATA, allsides_articles, ecbplus_articles

    if not DATA.exists():
        pytest.skip(f"public sample data not found at {DATA} (it sits beside the project in ../shared/data)")
    root = tmp_path_factory.mktemp("spark-inputs")
    write_jsonl(root / "ecbplus.jsonl", ({k: d[k] for k in ("id", "outlet", "url", "title", "text")}
                                          for d in ecbplus_articles()))
    allsides = [{"outlet": d["outlet"], "published": d["date"], "title": d["title"], "url": d["url"],
                 "text": d["text"]} for d in allsides_articles()]
    write_jsonl(root / "allsides.jsonl", allsides)
    with (root / "allsides.jsonl").open("a", encoding="utf-8") as fh:  # broken and textless rows: rejected alone
        fh.write('{"outlet": "x", "text": "unterminated\n{"outlet": "y"}\n')
    shutil.copytree(DATA / "htmldate_mediacloud" / "html", root / "pages")
    shutil.copytree(DATA / "goose3_fixtures" / "html", root / "pages" / "goose3")
    shutil.copytree(Path(__file__).resolve().parents[1] / "seeds", root / "wire")
    (root / "wire" / "empty.txt").write_bytes(b"")
    (root / "wire" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (root / "no_text.csv").write_text("outlet,title\nA,B\n", encoding="utf-8")
    return [str(root)]


@pytest.fixture(scope="module")
def single(inputs, tmp_path_factory):
    """The single-machine path: `ingest` into a DuckDB file and its stored analyses."""
    from lib import store
    from lib.analyse.stored import prepare_analyses, stored_analysis
    from lib.pipeline import ingest_paths

    con = store.connect(tmp_path_factory.mktemp("duck") / "corpus.duckdb")
    ingest_paths(con, inputs)
    prepare_analyses(con)
    yield con, {name: stored_analysis(con, name) for name in ("assignment", "renderings", "passages")}
    con.close()


@pytest.fixture(scope="module")
def batch(spark, inputs, tmp_path_factory):
    """The Spark path: the whole batch into a Parquet dataset, opened read-only."""
    from lib.spark.batch import run_batch
    from lib.spark.dataset import open_dataset

    out = tmp_path_factory.mktemp("parquet") / "corpus"
    counts = run_batch(spark, inputs, out)
    con = open_dataset(out)
    yield out, counts, con
    con.close()


def _frame(con, sql: str) -> pd.DataFrame:
    """A query's rows, sorted by every column, index reset (row order is not part of the contract)."""
    frame = con.execute(sql).df()
    return frame.sort_values(list(frame.columns), ignore_index=True)


def test_same_articles_quotes_and_mentions(single, batch):
    """Every stored table holds the same rows (ids, values, offsets) on both paths."""
    con, _ = single
    _, _, parquet = batch
    for sql in ("SELECT * EXCLUDE (date_candidates, paragraphs), to_json(date_candidates) AS c, "
                "to_json(paragraphs) AS p FROM articles",
                "SELECT * FROM quotes", "SELECT * FROM date_mentions"):
        expected, got = _frame(con, sql), _frame(parquet, sql)
        assert len(expected) > 100
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_report_has_a_row_per_file_and_per_rejected_line(single, batch):
    """The files' report rows are the store's; each rejected line of a bulk file has a row of its own."""
    con, _ = single
    _, _, parquet = batch
    sql = "SELECT path, status, reason, to_json(article_ids) AS ids FROM ingest_report WHERE {}"
    expected = _frame(con, sql.format("true"))
    files = _frame(parquet, sql.format("path IN (SELECT path FROM ingest_report WHERE status <> 'rejected' "
                                       "OR path NOT LIKE '%.jsonl:%')"))
    assert expected["status"].eq("rejected").sum() >= 3  # empty, binary, no text column
    pd.testing.assert_frame_equal(files[files["path"].isin(expected["path"])].reset_index(drop=True), expected)
    lines = parquet.execute("SELECT path, reason FROM ingest_report WHERE path LIKE '%allsides.jsonl:%'").fetchall()
    assert len(lines) == 2 and all(reason for _, reason in lines)


def test_same_reuse_passages(single, batch):
    """Passage reuse on Spark finds the DuckDB path's passages: same pairs, offsets, direction, share."""
    from lib.analyse.reuse import PASSAGE_COLUMNS

    _, analyses = single
    _, _, parquet = batch
    expected = analyses["passages"][list(PASSAGE_COLUMNS)]
    got = parquet.execute("SELECT * FROM analysis_passages").df()[list(PASSAGE_COLUMNS)]
    assert len(expected) > 0
    key = ["source_id", "target_id", "target_start"]
    pd.testing.assert_frame_equal(got.sort_values(key, ignore_index=True),
                                  expected.sort_values(key, ignore_index=True), check_dtype=False)


def _groups(renderings: pd.DataFrame) -> set:
    """Shared-quote groups as sets of (article, offset, role, relation), whatever their numbers."""
    return {frozenset(zip(g["article_id"], g["start"].astype(int), g["role"], g["relation"]))
            for _, g in renderings.groupby("group_id")}


def test_same_shared_quote_groups(single, batch):
    """Shared quotes on Spark: the same groups, each with the same earliest rendering and relations."""
    _, analyses = single
    _, _, parquet = batch
    expected = _groups(analyses["renderings"])
    assert len(expected) > 0
    got = parquet.execute("SELECT * FROM analysis_renderings").df()
    assert _groups(got) == expected
    assert len(got) == len(analyses["renderings"])  # no group twice (sets of groups would not show it)


def test_a_same_day_tie_numbers_its_group_once(spark, tmp_path):
    """Two outlets carrying a quote on the same day (dates without a clock time) are both "earliest" of its group:
    the group is still numbered once, so each rendering is one row, as on one machine (the 10k bench gave 9,037
    renderings against 8,708: every tied group twice)."""
    from lib import store
    from lib.analyse import overlap
    from lib.analyse.stored import corpus_quotes
    from lib.pipeline import ingest_paths
    from lib.spark import analyses

    said = ('"We will rebuild every bridge the flood took from this valley before the winter comes," '
            "Governor Ana Ruiz said on Monday.")
    other = '"The river rose faster than any model we had predicted for this season," engineer Tom Weller said.'
    docs = [("Valley Times", "2024-03-04", said), ("River Post", "2024-03-04", said + " " + other),
            ("Daily Ledger", "2024-03-05", said), ("Hill Gazette", "2024-03-05", other.replace(" for this season", ""))]
    write_jsonl(tmp_path / "flood.jsonl", [{"outlet": o, "published": d, "title": f"Flood {n}", "url":
                                             f"https://news.example/{n}", "text": f"Floods hit the valley. {t}"}
                                            for n, (o, d, t) in enumerate(docs)])
    con = store.connect(tmp_path / "corpus.duckdb")
    ingest_paths(con, [str(tmp_path / "flood.jsonl")])
    expected = overlap.shared_quotes(corpus_quotes(con))
    assert expected["role"].eq("earliest").groupby(expected["group_id"]).sum().max() == 2  # a tie
    for table in ("quotes", "articles"):  # typed as stored (pandas cannot type an all-missing column for Spark)
        con.execute(f"COPY {table} TO '{tmp_path / table}.parquet' (FORMAT parquet)")
    con.close()
    quotes, articles = (spark.read.parquet(str(tmp_path / f"{t}.parquet")) for t in ("quotes", "articles"))
    got = analyses.renderings(quotes, articles).toPandas()
    columns = ["group_id", "article_id", "start", "role", "relation"]
    pd.testing.assert_frame_equal(got[columns].sort_values(columns, ignore_index=True),
                                  expected[columns].sort_values(columns, ignore_index=True), check_dtype=False)


def test_connected_components_of_a_graph_without_edges(spark):
    """No two texts linked (every shared quote carried verbatim): each node is its own component, not an error."""
    from lib.spark.analyses import connected_components

    nodes = spark.createDataFrame([("a",), ("b",)], "node STRING")
    edges = spark.createDataFrame([], "src STRING, dst STRING")
    got = connected_components(edges, nodes).toPandas()
    assert dict(zip(got["node"], got["component"])) == {"a": "a", "b": "b"}


def bcubed_f1(a: dict, b: dict) -> float:
    """B-cubed F1 of grouping ``a`` against grouping ``b`` (both article -> group), over the same articles."""
    def members(grouping):
        """Group -> its articles."""
        out: dict = {}
        for item, group in grouping.items():
            out.setdefault(group, set()).add(item)
        return out

    ga, gb = members(a), members(b)
    precision = sum(len(ga[a[i]] & gb[b[i]]) / len(ga[a[i]]) for i in a) / len(a)
    recall = sum(len(ga[a[i]] & gb[b[i]]) / len(gb[b[i]]) for i in a) / len(a)
    return 2 * precision * recall / (precision + recall)


def test_story_grouping_agrees(single, batch):
    """Story grouping per candidate block agrees with the whole-corpus grouping (B-cubed F1 >= 0.99)."""
    _, analyses = single
    _, _, parquet = batch
    expected = dict(zip(analyses["assignment"]["article_id"], analyses["assignment"]["story_id"]))
    got = dict(parquet.execute("SELECT article_id, story_id FROM analysis_assignment").fetchall())
    assert set(got) == set(expected) and len(set(expected.values())) > 20
    assert bcubed_f1(got, expected) >= 0.99


def test_a_large_block_is_clustered_in_overlapping_pieces(spark):
    """A block over max_block is cut into cores in date order, each clustered with a halo of the articles within the
    halo days of its first and last day (at most a quarter of max_block a side); a few undated articles sit in every
    piece and in one of their own; no piece exceeds max_block, every article has one home piece."""
    from lib.spark.analyses import _pieces

    rows = [(f"a{i:02d}", f"0{i:02d}", "c", 18000 + i // 2) for i in range(40)]  # two a day over 20 days
    rows += [(f"u{i}", f"1u{i}", "c", None) for i in range(3)] + [("b0", "0b0", "d", 18000), ("b1", "0b1", "d", 18001)]
    blocks = spark.createDataFrame(rows, "id STRING, order STRING, component STRING, day INT")
    members, homes = (f.toPandas() for f in _pieces(blocks, max_block=20, halo_days=3))
    assert homes["id"].is_unique and len(homes) == len(rows)
    home = dict(zip(homes["id"], homes["piece"]))
    assert {home[f"u{i}"] for i in range(3)} == {6} and {home["b0"], home["b1"]} == {0}  # 40 dated: 6 cores of 7
    cut = members[members["component"] == "c"]
    assert cut.groupby("piece").size().max() <= 20
    day = {r[0]: r[3] for r in rows}
    for piece, group in cut.groupby("piece"):
        ids = set(group["id"])
        assert {f"u{i}" for i in range(3)} <= ids  # the undated ones in every piece
        core = [i for i in ids if home[i] == piece and day[i] is not None]
        halo = [i for i in ids if home[i] != piece and day[i] is not None]
        assert all(min(day[c] for c in core) - 3 <= day[h] <= max(day[c] for c in core) + 3 for h in halo)
        if 0 < piece < 5:  # 3 days reach 6 articles, a quarter of max_block is 5: 5 on either side
            assert len(halo) == 10 and len(core) == 7
    assert set(members.loc[members["component"] == "d", "piece"]) == {0}


def test_a_story_across_a_cut_is_given_whole(spark):
    """A piece gives the stories whose earliest article is in its core: a story that starts before a cut and goes on
    after it is one story, as the earlier piece (which sees past the cut) found it; the later piece, which sees its
    start only in its halo, does not split it again."""
    from lib.analyse.stories.clustering import _stable_hash
    from lib.spark.analyses import _resolved

    homes = spark.createDataFrame([("a", "01", "c", 0), ("z", "02", "c", 0), ("x", "03", "c", 1), ("y", "04", "c", 1)],
                                  "id STRING, order STRING, component STRING, piece LONG")
    local = spark.createDataFrame(
        [("a", "p0-ax", "c", 0), ("x", "p0-ax", "c", 0), ("z", "p0-z", "c", 0),  # piece 0: its core a, z; x in halo
         ("a", "p1-a", "c", 1), ("x", "p1-xy", "c", 1), ("y", "p1-xy", "c", 1)],  # piece 1 sees a in its halo only
        "article_id STRING, story_id STRING, component STRING, piece LONG")
    got = _resolved(local, homes).toPandas()
    stories = {frozenset(g["article_id"]) for _, g in got.groupby("story_id")}
    assert stories == {frozenset("ax"), frozenset("z"), frozenset("y")}
    assert set(got["story_id"]) == {"s-" + _stable_hash(list(s)) for s in stories}  # named as on one machine


def test_dataset_opens_for_the_read_paths(batch, single):
    """The dataset opens in DuckDB read-only: the stored analyses are current and the stories summarise from them."""
    from lib.analyse.stored import stored_analysis

    out, counts, parquet = batch
    assert (out / "articles").is_dir() and any((out / "articles").glob("published_month=*"))
    stories = stored_analysis(parquet, "stories")
    assert len(stories) == parquet.execute("SELECT count(DISTINCT story_id) FROM analysis_assignment").fetchone()[0]
    with pytest.raises(Exception):
        parquet.execute("INSERT INTO articles (id) VALUES ('x')")


def test_read_commands_and_dashboard_open_the_dataset(batch, capsys):
    """`--db DIR` opens a dataset for the read commands; `--parquet DIR` names it to the dashboard, read-only."""
    from app.source import open_corpus, parse_source
    from lib.cli import main

    out, counts, _ = batch
    assert main(["stories", "--db", str(out), "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) >= 20
    source = parse_source(["--parquet", str(out)])
    assert (source.kind, source.read_only) == ("parquet", True)
    con = open_corpus(source)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == counts["articles"]


@pytest.fixture(scope="module")
def bulk_folder(tmp_path_factory):
    """JSON-lines files with bad lines of every kind spread through them, and the odd files beside them: a JSON
    array, an empty file, a name with spaces and glob characters, one starting with "_", a README."""
    from bench.corpus import DATA, ecbplus_articles

    if not DATA.exists():
        pytest.skip(f"public sample data not found at {DATA} (it sits beside the project in ../shared/data)")
    docs = [{k: d[k] for k in ("outlet", "url", "title", "text")} for d in ecbplus_articles()[:120]]
    root = tmp_path_factory.mktemp("bulk lines")
    lines = [json.dumps(d, ensure_ascii=False).encode() for d in docs]
    bad = {7: b'{"outlet": "x", "text": "unterminated', 19: b"[1, 2]", 23: b"caf\xe9 latin-1 line",
           31: b'{"outlet": "x", "text": ""}', 40: lines[3], 55: b'{"text": 5}', 61: b"   ",
           77: b'{"url": "http://a.b/c"}'}
    for at, line in sorted(bad.items()):
        lines.insert(at, line)
    (root / "big.jsonl").write_bytes(b"\n".join(lines) + b"\r\n")
    (root / "a [1] b.ndjson").write_bytes(b"\n".join(lines[:30]))
    (root / "_under.jsonl").write_bytes(b"\n".join(lines[40:50]) + b"\n")
    (root / "array.json").write_text(json.dumps(docs[:2]), encoding="utf-8")
    (root / "empty.jsonl").write_bytes(b"")
    (root / "no_text.jsonl").write_text('{"outlet": "A", "title": "B"}\n', encoding="utf-8")
    (root / "README.md").write_text("about these files\n", encoding="utf-8")
    return root


def test_bulk_files_read_line_by_line_give_the_single_machine_rows(spark, bulk_folder):
    """A JSON-lines file named by a file:// glob is split into blocks and parsed line by line (it passes a size limit
    that would reject it whole); its articles, ids and line numbers, its report row and one row per rejected line
    are the single-machine parser's. Files that are no JSON lines are read whole, as on one machine."""
    from lib.ingest import parse_paths
    from lib.spark.ingest import ingest_files, list_inputs

    expected = parse_paths(sorted(glob.glob(f"{bulk_folder}/*")))  # a glob names each file, the README too
    assert (bulk_folder / "big.jsonl").stat().st_size > 3 * 64 * 1024
    spark.conf.set("spark.sql.files.maxPartitionBytes", "64k")  # big.jsonl: 4 blocks, lines cut at their edges
    try:
        missing = [f"file://{bulk_folder}/nothing/*.jsonl", "s3a://no-connector-here/news.jsonl"]
        files = list_inputs(spark, [f"file://{bulk_folder}/*", *missing])  # a URI as Hadoop takes it: as written
        tables = ingest_files(spark, files, max_bytes=len((bulk_folder / "big.jsonl").read_bytes()) // 4)
        report = tables["ingest_report"].toPandas()
        articles = tables["articles"].select("id", "origin").toPandas()
    finally:
        spark.conf.unset("spark.sql.files.maxPartitionBytes")
        for rdd in tables.pop("_cached", []):
            rdd.unpersist()
    local = lambda path: path.removeprefix("file:")  # noqa: E731 - Hadoop names the same files file:/...
    report["path"] = report["path"].map(local)
    rows = {r.path: (r.status, r.reason.replace("file:", ""), list(r.article_ids)) for r in report.itertuples()}
    for result in expected:
        assert rows.get(result.path) == (result.status, result.reason, [a.id for a in result.articles]), result.path
        for error in result.errors:
            where, _, reason = error[len(result.path) + 1:].partition(": ")
            assert rows[f"{result.path}:{where}"] == ("rejected", reason, []), error
    big = next(r for r in expected if r.path.endswith("big.jsonl"))
    assert big.status == "partial" and len(big.errors) == 7 and len(big.articles) == 120
    assert len(report) == len(expected) + sum(len(r.errors) for r in expected) + len(missing)
    unread = report[report["path"].isin([local(m) for m in missing])].set_index("path")["reason"]
    assert unread[local(missing[0])] == "cannot read: No such file or directory"
    assert "S3AFileSystem not found" in unread[missing[1]]  # an object store without its connector: one row
    first = {}
    for article in (a for r in expected for a in r.articles):  # an id in several files: stored from the first
        first.setdefault(article.id, article.origin)
    assert dict(zip(articles["id"], articles["origin"].map(local))) == first and len(articles) == len(first)


def test_code_archive_runs_lib_outside_the_project(spark, tmp_path):
    """What the executors import: `lib` from the shipped zip alone (no project folder on the path), data files
    included (the outlet alias table is read as package data)."""
    import subprocess
    import sys

    from lib.spark.session import code_archive

    script = ("import lib.domain.outlets as o, sys; assert '.zip' in o.__file__, o.__file__; "
              "print(len(o.OUTLET_ALIASES))")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env={"PYTHONPATH": code_archive()},
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 100
