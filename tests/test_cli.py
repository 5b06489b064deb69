"""The CLI dispatcher: only the chosen sub-command's module (and the stages it needs) is imported."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT
from lib.cli import COMMANDS, chosen_command, is_corpus_error

HEAVY = ("sklearn", "pandas", "duckdb", "scipy")

# A small -c script: run lib.cli.main on argv (a JSON list) and print which heavy packages got imported.
LOADED_SCRIPT = """
import json, sys
from lib.cli import main
try:
    main(json.loads(sys.argv[1]))
except SystemExit:
    pass
print(json.dumps(sorted(m for m in {heavy} if m in sys.modules)), file=sys.stderr)
""".format(heavy=HEAVY)


def imported_packages(argv: list[str]) -> tuple[subprocess.CompletedProcess, set[str]]:
    """Run `python -X importtime -m lib ARGV` and return the process and the top-level packages it imported."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "lib", *argv], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    names = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines()
             if line.startswith("import time:")}
    return done, names


@pytest.mark.parametrize("argv, loaded, not_loaded", [
    (["--help"], (), HEAVY),
    (["quotes", "--help"], ("pandas", "duckdb"), ("sklearn", "scipy")),
    (["stories", "--help"], ("duckdb",), ("sklearn",)),
    (["reuse", "--help"], ("duckdb",), ("sklearn",)),
    (["ingest", "--help"], ("duckdb",), ("sklearn",)),
    (["parse", "--help"], (), ("sklearn", "duckdb")),
    # the control: framing's --encoder choices come from lib.analyse.similarity, which needs scikit-learn
    (["framing", "--help"], ("sklearn",), ()),
])
def test_help_imports_only_what_the_command_needs(argv, loaded, not_loaded):
    done, names = imported_packages(argv)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage: python -m lib" in done.stdout
    assert set(loaded) <= names and not names & set(not_loaded)


@pytest.mark.parametrize("argv, not_loaded", [
    (["--help"], HEAVY),
    (["quotes", "--help"], ("sklearn",)),
    (["nosuchcommand"], HEAVY),
])
def test_main_in_a_fresh_process_leaves_heavy_packages_unloaded(argv, not_loaded):
    done = subprocess.run([sys.executable, "-c", LOADED_SCRIPT, json.dumps(argv)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert done.returncode == 0 and not set(loaded) & set(not_loaded), done.stderr[-2000:]


@pytest.mark.parametrize("argv, expected", [
    (["quotes", "--db", "x.duckdb"], "quotes"),
    (["-h"], None),
    ([], None),
    (["--help", "framing"], "framing"),
    (["parse", "a.txt", "b.txt"], "parse"),
    (["nosuchcommand", "--db", "x"], "nosuchcommand"),  # argparse then rejects it
])
def test_chosen_command(argv, expected):
    assert chosen_command(argv) == expected


def test_every_command_row_names_a_module_with_its_parts():
    import importlib

    for name, module_name, help_text in COMMANDS:
        module = importlib.import_module(f"lib.cli.{module_name}")
        assert help_text and f"python -m lib {name}" in module.EXAMPLES
        assert callable(module.configure) and callable(module.run)


def test_is_corpus_error():
    import duckdb

    assert is_corpus_error(duckdb.IOException("locked"))
    assert not is_corpus_error(ValueError("not a corpus problem"))
