"""Evaluation questions live in the evaluation sets, not in unit tests nor in the examples of the project's modules: a
test that asks one verbatim, or a doctest that asks one with a word left out, is tuned on the set that is meant to
judge it (a unit test or a doctest asks a different literal sentence of the same form)."""

from __future__ import annotations

import ast
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from textnorm import normalize_text
from textnorm.lexicons.build import QUESTION_FILES, question_texts

ROOT = Path(__file__).resolve().parents[1]
#: A question shorter than this is a form shared by chance ("Còn Hà Nam thì sao?"), not a copy.
MIN_COPY_CHARS = 25
#: Word sequences a docstring and a question are compared by: three words in a row are a phrase, not a shared word.
NEAR_GRAM = 3
#: Share of a question's three-word sequences one docstring holding makes it a near copy (a question with a place or
#: a word dropped keeps about 0.7 of them; two sentences of the same form share well under half).
NEAR_SHARE = 0.6
#: Fewest words of a question compared for a near copy (a shorter one is a common form, not a copy).
NEAR_MIN_WORDS = 6
#: Project folders whose modules' docstrings are not checked: the tests (checked verbatim above) and the venv.
NOT_MODULES = ("tests", ".venv")


def _copied(sources: dict[str, str]) -> list[tuple[str, str]]:
    """(file, question) for every evaluation question, its final punctuation aside, found in a source."""
    found = []
    for question in question_texts():
        core = question.rstrip("?.! ")
        if len(core) >= MIN_COPY_CHARS:
            found += [(name, core) for name, text in sources.items() if core in text]
    return found


def test_no_unit_test_asks_an_evaluation_question_verbatim():
    if not any(path.is_file() for path in QUESTION_FILES):
        pytest.skip("no evaluation question file found")
    sources = {str(p.relative_to(ROOT)): normalize_text(p.read_text(encoding="utf-8")).lower()
               for p in sorted((ROOT / "tests").glob("*.py")) if p.name != Path(__file__).name}
    assert _copied(sources) == []


def _grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", normalize_text(text).lower())
    return {tuple(words[i:i + NEAR_GRAM]) for i in range(len(words) - NEAR_GRAM + 1)}


def _near_copies(docstrings: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(module, question) for every evaluation question most of whose phrases one docstring of the module holds.
    A docstring's phrases are looked up in the questions' (which questions hold each), not compared with every
    question in turn."""
    questions = [(q, _grams(q)) for q in dict.fromkeys(question_texts())
                 if len(re.findall(r"\w+", q)) >= NEAR_MIN_WORDS]
    holders: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (_, grams) in enumerate(questions):
        for gram in grams:
            holders[gram].append(i)
    found = []
    for name, docs in docstrings.items():
        for doc in docs:
            shared = Counter(i for gram in _grams(doc) for i in holders.get(gram, ()))
            found += [(name, questions[i][0]) for i in sorted(shared)
                      if shared[i] >= NEAR_SHARE * len(questions[i][1])]
    return list(dict.fromkeys(found))


def _project_modules() -> list[Path]:
    """The project's Python files, the folders of ``NOT_MODULES`` and hidden ones left unwalked (a venv inside the
    project holds tens of thousands of files)."""
    paths = []
    for top in sorted(ROOT.iterdir()):
        if top.name in NOT_MODULES or top.name.startswith("."):
            continue
        paths += sorted(top.rglob("*.py")) if top.is_dir() else [top] if top.suffix == ".py" else []
    return paths


def _docstrings(path: Path) -> list[str]:
    """The module's, its classes' and its functions' docstrings (their doctests included)."""
    nodes = ast.walk(ast.parse(path.read_text(encoding="utf-8")))
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return [doc for node in nodes if isinstance(node, kinds) for doc in [ast.get_docstring(node)] if doc]


def _app_examples() -> list[str]:
    """The example questions the chat offers (``app.EXAMPLES``), read without running the app."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    return [node.value for stmt in tree.body if isinstance(stmt, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "EXAMPLES" for t in stmt.targets)
            for node in ast.walk(stmt.value) if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_no_module_docstring_nor_chat_example_asks_an_evaluation_question():
    if not any(path.is_file() for path in QUESTION_FILES):
        pytest.skip("no evaluation question file found")
    modules = {str(p.relative_to(ROOT)): _docstrings(p) for p in _project_modules()}
    examples = _app_examples()
    assert len(examples) >= 3
    assert _near_copies({**modules, "app.py EXAMPLES": examples}) == []


def test_a_question_with_a_word_left_out_is_found_in_a_docstring():
    question = next((q for q in question_texts() if len(q.split()) >= 2 * NEAR_MIN_WORDS), None)
    if question is None:
        pytest.skip("no evaluation question file found")
    words = question.split()
    shortened = " ".join(words[:3] + words[4:])  # one word dropped near the start
    doc = f">>> answer('{shortened}')"
    assert _near_copies({"m.py": [doc]}) == [("m.py", question)]
    assert _near_copies({"m.py": [">>> answer('Sở Tài chính chủ trì những nhiệm vụ nào?')"]}) == []


def test_a_copied_question_is_found():
    question = next((q for q in question_texts() if len(q) > MIN_COPY_CHARS), None)
    if question is None:
        pytest.skip("no evaluation question file found")
    assert _copied({"test_x.py": f'answer = assistant.ask("{question}")'}) == [("test_x.py", question.rstrip("?.! "))]
