"""The layers of ARCHITECTURE.md, checked over the source: who may import whom (lazy imports inside functions too)."""
import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

# Layer -> the project layers it may import (besides itself). Read top-down, it is the data flow:
# models and domain knowledge at the bottom, then ingest and extract, store, analyse, figures, the CLI, the app.
ALLOWED = {
    "lib.models": set(),
    "lib.domain": {"lib.models"},
    "lib.ingest": {"lib.models", "lib.domain"},
    "lib.extract": {"lib.models", "lib.domain"},
    "lib.store": {"lib.models"},
    "lib.pipeline": {"lib.models", "lib.ingest", "lib.extract", "lib.store"},
    "lib.fetch": {"lib.models", "lib.domain", "lib.ingest", "lib.extract", "lib.store", "lib.pipeline"},
    "lib.analyse": {"lib.models", "lib.domain", "lib.store"},
    "lib.figures": {"lib.models", "lib.domain"},
    "lib.spark": {"lib.models", "lib.domain", "lib.ingest", "lib.extract", "lib.store", "lib.analyse", "lib.pipeline"},
    "lib.cli": {"lib.models", "lib.domain", "lib.ingest", "lib.extract", "lib.store", "lib.pipeline", "lib.fetch",
                "lib.analyse", "lib.spark"},
    "lib.__main__": {"lib.cli"},
    "lib": set(),
    "app": {"lib.models", "lib.domain", "lib.ingest", "lib.store", "lib.pipeline", "lib.fetch", "lib.analyse",
            "lib.figures", "lib.spark"},
    "dashboard": {"app"},
}
PROJECT = ("lib", "app", "dashboard")
FORBIDDEN_IN_LIB = ("streamlit",)  # the library runs without the app: no UI framework below app/


def layer_of(module: str) -> str | None:
    """The layer of a dotted module name ("lib.ingest.html.dates" -> "lib.ingest"), None outside the project."""
    parts = module.split(".")
    if parts[0] not in PROJECT:
        return None
    if parts[0] != "lib" or len(parts) == 1:
        return parts[0]
    return "lib." + parts[1]


def module_of(path: Path) -> str:
    """The dotted module name of a source file under ROOT."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in a file, those inside functions and relative ones included."""
    out = []
    package = module_of(path).split(".")[:None if path.name == "__init__.py" else -1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            # "from lib import store" (or "from .. import store") names the layer in the alias, not in the module
            out.extend([(node.lineno, f"{module}.{alias.name}") for alias in node.names] if module in ("lib", "")
                       else [(node.lineno, module)])
    return out


SOURCES = sorted([*(ROOT / "lib").rglob("*.py"), *(ROOT / "app").rglob("*.py"), ROOT / "dashboard.py"])


def violations(sources) -> list[str]:
    """One line per import that crosses the layers the wrong way."""
    bad = []
    for path in sources:
        layer = layer_of(module_of(path))
        for line, name in imported_modules(path):
            target = layer_of(name)
            where = f"{path.relative_to(ROOT)}:{line} imports {name}"
            if layer.startswith("lib") and name.split(".")[0] in FORBIDDEN_IN_LIB:
                bad.append(where + " (the library never imports the UI)")
            elif target is not None and target != layer and target not in ALLOWED[layer]:
                bad.append(where + f" ({layer} may import {sorted(ALLOWED[layer]) or 'no other layer'})")
    return bad


def test_every_source_file_has_a_layer():
    assert all(layer_of(module_of(p)) in ALLOWED for p in SOURCES), [p for p in SOURCES
                                                                     if layer_of(module_of(p)) not in ALLOWED]


def test_imports_follow_the_layers():
    assert violations(SOURCES) == []


@pytest.mark.parametrize("layer,source,expected", [
    ("lib/extract/bad.py", "from lib.analyse.stories import cluster_stories\n", "lib.extract may import"),
    ("lib/ingest/bad.py", "def f():\n    from lib.extract import quotes\n", "lib.ingest may import"),
    ("lib/figures/bad.py", "import streamlit as st\n", "never imports the UI"),
    ("lib/store.py", "from lib import analyse\n", "lib.store may import"),
    ("lib/domain/bad.py", "from app.view import View\n", "lib.domain may import"),
    ("lib/extract/bad.py", "from ..analyse import stored\n", "lib.extract may import"),  # relative imports too
    ("lib/ingest/html/bad.py", "from ...store import connect\n", "lib.ingest may import"),
    ("lib/ingest/html/ok.py", "from . import markup\nfrom ..text import parse_text\n", None),
    ("lib/analyse/ok.py", "from lib.store import connect\nimport pandas\n", None),
    ("app/ok.py", "import streamlit\nfrom lib.analyse import stored\n", None),
])
def test_checker_catches_a_wrong_import(tmp_path, monkeypatch, layer, source, expected):
    """The checker itself: a planted wrong-way import is reported, a right-way one is not."""
    path = tmp_path / layer
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    found = violations([path])
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and expected in found[0]
