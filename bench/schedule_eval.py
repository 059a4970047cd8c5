"""Schedule answers measured against the expected units of each plan, and their speed.

    CORPUS_DIR=… DATA_DIR=… python -m bench.schedule_eval --questions tests/fixtures/schedules/questions.jsonl

For every question carrying a ``schedule`` field (``expected_units``: plan key → units inspected in the period
asked; ``half_only``: plans that must be said to state only a half-year), each plan line of the answer
("- Kế hoạch 15/KH-UBND – Yên Bái, 2030, quý I/2030: Sở Tư pháp, … [1]") is read back: units expected and listed,
units listed that are not expected for that plan and period (wrong period, or not inspected), and every citation is
checked against the document's cleaned text. Questions with ``abstain`` must be refused. Answer times are timed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path


def _plan_key(line: str, keys) -> str | None:
    return next((k for k in keys if k in line.split(":", 1)[0]), None)


def score_answer(answer, spec: dict) -> dict:
    """Counts for one answer: expected, listed (of the expected), wrong, half-only plans said."""
    from textnorm.units import find_bodies

    expected = {k: set(v) for k, v in spec.get("expected_units", {}).items()}
    half_only = set(spec.get("half_only", ()))
    listed, wrong, half_said = 0, [], set()
    for line in answer.text.splitlines():
        if not line.startswith("- ") or ":" not in line:
            continue
        key = _plan_key(line, list(expected) + sorted(half_only))
        units = {u.name for u in find_bodies(line.split(":", 1)[1])}
        if "chỉ ghi" in line:
            if key in half_only:
                half_said.add(key)
            continue
        want = expected.get(key, set())
        listed += len(units & want)
        wrong += [f"{key}: {u}" for u in sorted(units - want)]
    return {"expected": sum(len(v) for v in expected.values()), "listed": listed, "wrong": wrong,
            "half_expected": len(half_only), "half_said": len(half_said)}


def check_citations(answer, store) -> tuple[int, int]:
    texts: dict = {}
    ok = 0
    for c in answer.citations:
        if c.doc_id not in texts:
            doc = store.get_document(c.doc_id)
            texts[c.doc_id] = doc.text if doc else ""
        ok += texts[c.doc_id][c.start:c.end] == c.quote and bool(c.quote)
    return ok, len(answer.citations)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", default="tests/fixtures/schedules/questions.jsonl")
    args = parser.parse_args(argv)
    from assistant.service import open_assistant
    from settings import load_settings

    settings = load_settings()
    assistant = open_assistant(settings)
    questions = [json.loads(x) for x in Path(args.questions).read_text(encoding="utf-8").splitlines() if x.strip()]
    totals = {"expected": 0, "listed": 0, "wrong": 0, "half_expected": 0, "half_said": 0}
    abstain_ok = abstain_n = cites_ok = cites_n = 0
    times = []
    for q in questions:
        t0 = time.perf_counter()
        answer = assistant.ask(q["question"])
        times.append((time.perf_counter() - t0) * 1000)
        ok, n = check_citations(answer, assistant.store)
        cites_ok, cites_n = cites_ok + ok, cites_n + n
        if q.get("abstain"):
            abstain_n += 1
            abstain_ok += answer.abstained
            if not answer.abstained:
                print(f"  not refused {q['id']}: {q['question']}")
            continue
        if "schedule" not in q:
            continue
        got = score_answer(answer, q["schedule"])
        for key in ("expected", "listed", "half_expected", "half_said"):
            totals[key] += got[key]
        totals["wrong"] += len(got["wrong"])
        if got["listed"] < got["expected"] or got["wrong"] or got["half_said"] < got["half_expected"]:
            print(f"  {q['id']} listed {got['listed']}/{got['expected']}, wrong {got['wrong']}, "
                  f"half-only {got['half_said']}/{got['half_expected']}")
    print(f"units listed {totals['listed']}/{totals['expected']}; units from a wrong period or role "
          f"{totals['wrong']}; half-year-only plans said {totals['half_said']}/{totals['half_expected']}")
    print(f"abstentions {abstain_ok}/{abstain_n}; citations verifiable {cites_ok}/{cites_n}")
    print(f"answer time ms: p50 {statistics.median(times):.1f}, max {max(times):.1f} (n={len(times)})")
    return 0 if totals["listed"] == totals["expected"] and not totals["wrong"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
