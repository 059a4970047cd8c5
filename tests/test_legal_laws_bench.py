"""The law benchmark's question file (bench/data/laws/questions.jsonl) is well-formed; the laws themselves are too
big for the suite and are read only by ``python -m bench.laws``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

LAWS = Path(__file__).resolve().parents[1] / "bench" / "data" / "laws"
#: Each law has at least this many questions (the brief: spread over every law).
MIN_PER_LAW = 10


def rows() -> list[dict]:
    return [json.loads(line) for line in (LAWS / "questions.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_every_question_names_an_existing_law_and_article_with_evidence():
    qs = rows()
    assert len(qs) >= 150
    assert len({q["id"] for q in qs}) == len(qs)
    for q in qs:
        assert (LAWS / f"{q['law']}.txt").exists(), q["id"]
        assert isinstance(q["article"], int) and q["article"] > 0, q["id"]
        assert q["evidence"] and all(g and all(isinstance(a, str) and len(a) >= 15 for a in g) for g in q["evidence"])
        assert q["question"].strip().endswith("?"), q["id"]
        assert not q.get("abstain"), q["id"]


def test_questions_cover_every_law():
    per_law = Counter(q["law"] for q in rows())
    assert set(per_law) == {p.stem for p in LAWS.glob("*.txt")}
    assert min(per_law.values()) >= MIN_PER_LAW
