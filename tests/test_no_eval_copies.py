"""Evaluation questions live in the evaluation sets, not in unit tests: a test that asks one verbatim is tuned on the
set that is meant to judge it (a unit test asks a different literal sentence of the same form)."""

from __future__ import annotations

from pathlib import Path

import pytest

from textnorm import normalize_text
from textnorm.lexicons.build import QUESTION_FILES, question_texts

ROOT = Path(__file__).resolve().parents[1]
#: A question shorter than this is a form shared by chance ("Còn Hà Nam thì sao?"), not a copy.
MIN_COPY_CHARS = 25


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


def test_a_copied_question_is_found():
    question = next((q for q in question_texts() if len(q) > MIN_COPY_CHARS), None)
    if question is None:
        pytest.skip("no evaluation question file found")
    assert _copied({"test_x.py": f'answer = assistant.ask("{question}")'}) == [("test_x.py", question.rstrip("?.! "))]
