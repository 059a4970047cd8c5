"""The tooling keeps its promises: bench/ runs with the runtime requirements, and every dev requirement is used."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import ROOT

#: Distribution name → the module it is imported as, where the two differ.
_IMPORT_NAMES = {"langchain-tests": "langchain_tests"}


def _requirements(name: str) -> set[str]:
    lines = [ln.strip() for ln in (ROOT / name).read_text(encoding="utf-8").splitlines()]
    return {re.split(r"[=<>\[ ]", ln)[0].lower() for ln in lines if ln and not ln.startswith(("#", "-"))}


#: bench scripts that drive Chromium, as the browser tests do: like them they need the dev requirements (selenium);
#: neither `make eval` nor `make bench` runs them.
BROWSER_BENCHES = ("browser_latency.py",)


def _imported_modules(folder: Path, skip: tuple[str, ...] = ()) -> set[str]:
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        if path.name in skip:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return found


def _dev_only() -> dict[str, str]:
    dev = _requirements("requirements-dev.txt") - _requirements("requirements.txt")
    return {d: _IMPORT_NAMES.get(d, d.replace("-", "_")) for d in dev}


def test_bench_needs_no_dev_tool():
    """`make eval` and `make bench` install only the runtime requirements (as `make run` does)."""
    used = _imported_modules(ROOT / "bench", skip=BROWSER_BENCHES)
    assert not {d for d, module in _dev_only().items() if module in used}


def test_every_dev_requirement_is_used_by_the_tests_or_the_tooling():
    used = _imported_modules(ROOT / "tests")
    tools = {"pytest", "ruff", "pytest-xdist"}  # run as commands by the Makefile (xdist as `pytest -n`), not imported
    unused = {d for d, module in _dev_only().items() if module not in used and d not in tools}
    assert not unused, f"dev requirements nothing uses: {sorted(unused)}"
