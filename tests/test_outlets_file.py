"""The outlets file: what each outlet is, read from CSV or JSON, stored in the corpus, and used to group outlets."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from lib.analyse.groups import UNDESCRIBED, group_attributes, outlet_groups
from lib.cli import main as cli_main
from lib.ingest.outlets import read_outlets
from lib.models import ParseError
from lib.store import connect, load_outlets, store_outlets

CSV = (b"outlet,aliases,domain,country,type,lean\n"
       b"Harbour Herald,The Herald; harbourherald.example,harbourherald.example,NZ,private,centre\n"
       b"State Wire,SW|State Wire Agency,statewire.example,XY,state-affiliated,\n"
       b",no name,,,,\n"
       b"Harbour Herald,again,,,,\n")


def test_csv_rows_give_outlets_aliases_and_attributes():
    infos, errors = read_outlets(CSV, "outlets.csv")
    assert [i.outlet for i in infos] == ["Harbour Herald", "State Wire"]
    assert infos[0].aliases == ("The Herald", "harbourherald.example")
    assert infos[1].aliases == ("SW", "State Wire Agency")
    assert infos[0].attributes == {"domain": "harbourherald.example", "country": "NZ", "type": "private",
                                   "lean": "centre"}
    assert "lean" not in infos[1].attributes  # a blank cell is no attribute
    assert errors == ["outlets.csv:4: no `outlet` name in this row",
                      "outlets.csv:5: outlet 'Harbour Herald' is described already at row 2"]


def test_json_array_and_lines_are_read_alike():
    rows = [{"outlet": "Harbour Herald", "aliases": ["The Herald"], "type": "private", "audience": 12000},
            {"outlet": "State Wire", "type": "state-affiliated", "tags": ["wire", "state"]}, "not an object"]
    for data in (json.dumps(rows).encode(), "\n".join(json.dumps(r) for r in rows).encode()):
        infos, errors = read_outlets(data, "o.json")
        assert [i.outlet for i in infos] == ["Harbour Herald", "State Wire"]
        assert infos[0].attributes == {"type": "private", "audience": "12000"}
        assert infos[1].attributes["tags"] == "wire; state"
        assert errors == ["o.json:3: not an object with an `outlet` field"]


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"name,type\nA,private\n", "no `outlet` column in the header row"),
    (b"[{\"outlet\": ", "broken JSON array"),
])
def test_unusable_files_say_why(data, reason):
    with pytest.raises(ParseError, match=reason):
        read_outlets(data, "x")


def test_stored_descriptions_group_outlets_by_name_alias_or_domain(tmp_path):
    con = connect(tmp_path / "c.duckdb")
    store_outlets(con, read_outlets(CSV, "outlets.csv")[0])
    described = load_outlets(con)
    assert group_attributes(described) == ["domain", "country", "type", "lean"]
    stored = pd.Series(["Harbour Herald", "The Herald", "harbourherald.example", "SW", "Other Paper", None])
    assert list(outlet_groups(stored, described, "type")) == [
        "private", "private", "private", "state-affiliated", UNDESCRIBED, UNDESCRIBED]
    assert list(outlet_groups(stored, described, "lean"))[3] == UNDESCRIBED  # described, but blank
    # a second file replaces what it describes again and keeps the rest
    store_outlets(con, read_outlets(b"outlet,type\nState Wire,public broadcaster\n", "b.csv")[0])
    assert dict(zip(load_outlets(con)["outlet"], load_outlets(con)["type"])) == {
        "Harbour Herald": "private", "State Wire": "public broadcaster"}
    con.close()


def test_ingest_takes_an_outlets_file(tmp_path, capsys):
    (tmp_path / "outlets.csv").write_bytes(CSV)
    article = tmp_path / "a.txt"
    article.write_text("Outlet: The Herald\nDate: 2024-05-01\n\nThe council met on Tuesday and voted on the plan.\n")
    db = str(tmp_path / "c.duckdb")
    assert cli_main(["ingest", str(article), "--outlets", str(tmp_path / "outlets.csv"), "--db", db]) == 0
    out = capsys.readouterr()
    assert "outlets: 2 described (country, domain, lean, type)" in out.out
    assert "outlets.csv:4: no `outlet` name in this row" in out.err
    assert cli_main(["outlets", "--db", db]) == 0
    assert "State Wire" in capsys.readouterr().out
