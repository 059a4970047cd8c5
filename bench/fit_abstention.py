"""Fit the abstention thresholds on the tune half; report refusal precision and recall on both halves.

    python -m bench.fit_abstention --data-dir DIR      # DIR as built by ``python -m bench.eval_sets``

Questions: the shared dev and real-document sets and ours (``eval/reworded.jsonl``, ``eval/probes.jsonl``). A
question is a positive when it must be refused. Questions the rules refuse before the decision (a province or year
no document covers, a question in English) are counted with the rules.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import replace
from pathlib import Path

from assistant.abstention import AbstentionRule
from bench.eval_sets import SETS, halves_of, use_index

GRID = {
    "min_coverage": [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6],
    "min_coverage_without_type": [0.4, 0.5, 0.6, 0.7, 0.8],
    "max_unknown_share": [0.1, 0.15, 0.2, 0.25, 0.34],
    "min_unknown_words": [2, 3],  # never 1: one unknown word ("khoảng", "chót") must not refuse alone
    "min_dense": [0.0, 0.8, 0.82, 0.84, 0.85, 0.86, 0.87, 0.88],
}


def collect(assistant, questions: list[dict]) -> list[tuple[dict, str, object]]:
    rows = []
    for q in questions:
        d = assistant.diagnose(q["question"])
        rows.append((q, d["out_of_scope"], d["features"]))
    return rows


def confusion(rows, rule: AbstentionRule) -> dict:
    tp = fp = fn = tn = 0
    for q, rule_reason, f in rows:
        refused = bool(rule_reason) or bool(rule.reason(f))
        must = bool(q.get("abstain"))
        tp += refused and must
        fp += refused and not must
        fn += (not refused) and must
        tn += (not refused) and not must
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": round(precision, 3), "recall": round(recall, 3),
            "accuracy": round((tp + tn) / max(len(rows), 1), 3)}


def fit(rows, default: AbstentionRule) -> AbstentionRule:
    """The rule with the most right decisions on ``rows``; among ties, the mildest (each threshold at the tied value
    that refuses least: a false refusal of a real question costs more than a vague answer to an odd one)."""
    scored = []
    for values in itertools.product(*GRID.values()):
        c = confusion(rows, replace(default, **dict(zip(GRID, values))))
        scored.append(((c["tp"] + c["tn"], -c["fp"]), values))
    top = max(key for key, _ in scored)
    tied = [values for key, values in scored if key == top]
    mild = tuple((max if name in ("max_unknown_share", "min_unknown_words") else min)(v[i] for v in tied)
                 for i, name in enumerate(GRID))
    return replace(default, **dict(zip(GRID, mild if mild in tied else tied[0])))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fit_abstention")
    parser.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args(argv)
    use_index(args.data_dir)
    from assistant.service import open_assistant
    from settings import load_settings

    assistant = open_assistant(load_settings())
    halves = halves_of(SETS)
    rows = {half: collect(assistant, qs) for half, qs in halves.items()}
    default = AbstentionRule()
    print("current rule:", default)
    for half in rows:
        print(f"  {half}: {confusion(rows[half], default)}")
    rule = fit(rows["tune"], default)
    print("fitted on the tune half:", rule)
    for half in rows:
        print(f"  {half}: {confusion(rows[half], rule)}")
    for half in rows:
        for q, reason, f in rows[half]:
            refused = bool(reason) or bool(rule.reason(f))
            if refused != bool(q.get("abstain")):
                print(f"  {half} {'false refusal' if refused else 'missed refusal'} {q['id']}: {f.as_row()} "
                      f"{q['question'][:70]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
