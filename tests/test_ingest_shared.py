"""Every file of every public sample under ../shared/data (HTML pages included) ingested in one batch."""
import os

import pytest

from lib import store
from lib.ingest import printable
from lib.pipeline import ingest_paths

pytestmark = pytest.mark.slow


def test_the_whole_shared_data_folder_ingests_in_one_batch(shared_data, tmp_path):
    """No exception; every file reported once; every parsed article stored; documentation skipped, not stored."""
    files = sorted(os.path.join(root, f) for root, dirs, names in os.walk(shared_data)
                   for f in names if not f.startswith(".") and not any(p.startswith(".") for p in
                                                                       os.path.relpath(root, shared_data).split(os.sep)
                                                                       if p != "."))
    con = store.connect(tmp_path / "all.duckdb")
    outcome = ingest_paths(con, [str(shared_data)])
    results = [r for r, _, _ in outcome]
    assert sorted(r.path for r in results) == files
    report = con.execute("SELECT path, status FROM ingest_report").fetchall()
    assert sorted(p for p, _ in report) == files
    parsed = {a.id for r in results for a in r.articles}
    stored = {row[0] for row in con.execute("SELECT id FROM articles").fetchall()}
    assert parsed and parsed == stored
    skipped = {os.path.basename(r.path) for r in results if r.status == "skipped"}
    assert {"README.md", "SOURCE.md", "LICENSE", "LICENSE.txt"} <= skipped
    assert not any(r.articles for r in results if os.path.basename(r.path).upper().startswith(("README", "LICENSE")))
    for r in results:  # every problem is one printable line naming its file
        for line in (r.reason, *r.errors, *r.warnings):
            assert "\n" not in printable(line)
