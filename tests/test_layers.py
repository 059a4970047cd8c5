"""The layers of CONTRIBUTING.md, checked on every import of every library module (top level and inside functions).

    textnorm  ←  ingest  →  index  ←  retriever  ←  assistant  ←  app.py, pages/, ui/

The table below is the data of CONTRIBUTING.md's table; a test keeps the two the same.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Our own top-level modules and packages: imports of anything else (the standard library, third parties) are free.
FIRST_PARTY = ("textnorm", "ingest", "index", "retriever", "assistant", "ui", "errors", "settings", "app", "pages",
               "bench", "tests")
#: Importable from every layer.
EVERYWHERE = ("errors", "settings")
#: Layer → what it may import besides itself and EVERYWHERE; a module allows its submodules.
ALLOWED = {
    "errors": (),
    "settings": (),
    "textnorm": (),
    "index": ("textnorm",),
    "ingest": ("textnorm", "index"),
    "retriever": ("textnorm", "index"),
    "assistant": ("textnorm", "index.model", "index.schedule_facts", "index.task_facts", "retriever"),
    "ui": ("assistant", "ingest.service", "index.model"),
}
#: Where each layer's modules live (``app.py`` and ``pages/`` are the UI's too).
LAYER_FILES = {
    "errors": ["errors.py"],
    "settings": ["settings.py"],
    "textnorm": ["textnorm"],
    "index": ["index"],
    "ingest": ["ingest"],
    "retriever": ["retriever"],
    "assistant": ["assistant"],
    "ui": ["ui", "app.py", "pages"],
}


def _is_module(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imported_modules(source: str, package: str = "") -> list[tuple[int, str]]:
    """(line, module) of every first-party import in ``source``, wherever it stands (module level, functions,
    ``if TYPE_CHECKING``). ``from a import b`` imports ``a.b`` when ``b`` is a module, else ``a``.

    >>> imported_modules("import os\\nfrom ingest import service, pipeline\\ndef f():\\n    import index.store as s")
    [(2, 'ingest.service'), (2, 'ingest.pipeline'), (4, 'index.store')]
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolved against the importing package
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(p for p in (*parts, base) if p)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.append((node.lineno, full if _is_module(full) else base))
    return sorted(((line, name) for line, name in found if name.split(".")[0] in FIRST_PARTY), key=lambda x: x[0])


def _allowed(module: str, rules) -> bool:
    return any(module == rule or module.startswith(rule + ".") for rule in rules)


def violations(layer: str, source: str, package: str = "") -> list[str]:
    """The imports of ``source`` (a module of ``layer``) that the layers forbid, as "line N: module".

    >>> violations("retriever", "from index.store import IndexStore\\nfrom ingest.pipeline import ingest_paths")
    ['line 2: ingest.pipeline']
    """
    rules = (layer, *EVERYWHERE, *ALLOWED[layer])
    return [f"line {line}: {module}" for line, module in imported_modules(source, package)
            if not _allowed(module, rules)]


def library_modules() -> list[tuple[str, Path]]:
    """(layer, file) of every library module."""
    out = []
    for layer, places in LAYER_FILES.items():
        for place in places:
            path = ROOT / place
            out += [(layer, f) for f in (sorted(path.rglob("*.py")) if path.is_dir() else [path])]
    return out


def _package(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts if path.name == "__init__.py" else parts[:-1])


# -- the checker fails on a forbidden import --------------------------------------------------------------------------
def test_checker_reports_forbidden_imports_at_top_level_and_in_functions():
    ui_source = ("import streamlit as st\n"
                 "import ui\n"
                 "from assistant.service import SearchFilters\n"
                 "from ingest.service import DocumentLibrary\n"
                 "from index.model import Document\n"
                 "from errors import CchcError\n"
                 "from ingest.pipeline import ingest_paths\n"
                 "\n"
                 "def page():\n"
                 "    from index.store import IndexStore\n"
                 "    import retriever.hybrid\n"
                 "    from ingest import service, pipeline\n")
    assert violations("ui", ui_source) == ["line 7: ingest.pipeline", "line 10: index.store",
                                           "line 11: retriever.hybrid", "line 12: ingest.pipeline"]
    assert violations("assistant", "from ingest.schedule import schedule_json") == ["line 1: ingest.schedule"]
    assert violations("assistant", "from index.store import IndexStore") == ["line 1: index.store"]
    assert violations("retriever", "def f():\n    from ingest.manifest import read_manifest\n") == [
        "line 2: ingest.manifest"]
    assert violations("index", "from retriever.query import analyze_query") == ["line 1: retriever.query"]
    assert violations("textnorm", "from index.model import Passage\nfrom bench import synth") == [
        "line 1: index.model", "line 2: bench.synth"]
    assert violations("ingest", "from .pipeline import ingest_paths\nfrom ..assistant import types",
                      package="ingest") == ["line 2: assistant.types"]


# -- the library keeps to the layers ----------------------------------------------------------------------------------
@pytest.mark.parametrize("layer", list(LAYER_FILES))
def test_every_library_module_keeps_to_its_layer(layer):
    found = {}
    for own, path in library_modules():
        if own != layer:
            continue
        bad = violations(layer, path.read_text(encoding="utf-8"), _package(path))
        if bad:
            found[str(path.relative_to(ROOT))] = bad
    assert not found, f"imports the layers of CONTRIBUTING.md forbid: {found}"


def test_every_library_file_is_in_a_layer():
    assert len(library_modules()) > 50
    for name in FIRST_PARTY:
        path = ROOT / name
        if name not in ("bench", "tests", "app", "pages") and (path.is_dir() or path.with_suffix(".py").is_file()):
            assert name in LAYER_FILES, name


def test_contributing_table_is_this_table():
    """CONTRIBUTING.md's table names, for each package, exactly the modules ALLOWED gives it."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = {}
    for row in re.findall(r"^\|(.+)\|\s*$", text, re.MULTILINE):
        cells = [c.strip() for c in row.split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        places = [p.rstrip("/").removesuffix(".py") for p in re.findall(r"`([^`]+)`", cells[0])]
        layer = next(p for p in places if p in ALLOWED)
        table[layer] = set(re.findall(r"`([^`]+)`", cells[2])) - {layer} - set(EVERYWHERE)
    assert table == {layer: set(rules) for layer, rules in ALLOWED.items() if layer not in EVERYWHERE}
    assert all(f"`{name}.py`" in text for name in EVERYWHERE) and "Known exceptions" not in text
