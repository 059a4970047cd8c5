"""Fit the abstention thresholds on the tune half; report refusal precision and recall on both halves.

    python -m bench.fit_abstention --data-dir DIR [--write]    # DIR as built by ``python -m bench.eval_sets``

Questions: the shared dev and real-document sets and ours (``eval/reworded.jsonl``, ``eval/probes.jsonl``,
``eval/newdocs``; ``--sets`` to choose; the fresh set, the honest judge, is never read here). A question is a
positive when it must be refused. Questions the rules refuse before the decision (a province or year no document
covers, a question in English) are counted with the rules. ``--write`` writes the fit, with its grid and figures, to
``assistant/abstention_fit.json``, which :class:`assistant.abstention.AbstentionRule` reads at start. A fitted value
on the edge of its grid is reported (the grid should be widened there).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path

from assistant.abstention import FIT_FILE, AbstentionRule
from bench.eval_sets import halves_of, use_index

#: The values tried for each fitted threshold: wide enough that the fit lands inside (an edge value is reported).
GRID = {
    "min_coverage": [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6],
    "min_coverage_without_type": [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
    "max_unknown_share": [0.1, 0.15, 0.2, 0.25, 0.34, 0.4, 0.5, 0.6, 0.75],
    "min_unknown_words": [2, 3, 4, 5],  # never 1: one unknown word ("khoảng", "chót") must not refuse alone
    "min_dense": [0.0, 0.8, 0.82, 0.84, 0.85, 0.86, 0.87, 0.88, 0.9],
}
#: Sets the fit reads by default: every set but the fresh one.
DEFAULT_SETS = "dev,realdocs,reworded,probes,newdocs"


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


def on_edge(rule: AbstentionRule) -> list[str]:
    """The fitted thresholds at the first or last value of their grid (a wider grid might fit better)."""
    return [name for name, values in GRID.items() if getattr(rule, name) in (values[0], values[-1])]


def write_fit(path: Path, rule: AbstentionRule, sets: str, figures: dict) -> None:
    """The fitted thresholds (what :class:`AbstentionRule` reads), with the grid, the sets and the figures."""
    fitted = {name: getattr(rule, name) for name in (*GRID, "dense_embedder")}
    data = {"rule": fitted, "grid": GRID, "sets": sets.split(","), "figures": figures, "on_edge": on_edge(rule),
            "command": f"python -m bench.fit_abstention --data-dir DIR --sets {sets} --write",
            "tie_break": "among rules with the most right decisions on the tune half, each threshold at its mildest"}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fit_abstention")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--sets", default=DEFAULT_SETS)
    parser.add_argument("--write", action="store_true", help=f"write the fit to {FIT_FILE.name}")
    args = parser.parse_args(argv)
    use_index(args.data_dir)
    from assistant.service import open_assistant
    from settings import load_settings

    assistant = open_assistant(load_settings())
    halves = halves_of(args.sets.split(","))
    rows = {half: collect(assistant, qs) for half, qs in halves.items()}
    default = AbstentionRule()
    print("current rule:", default)
    for half in rows:
        print(f"  {half}: {confusion(rows[half], default)}")
    rule = fit(rows["tune"], default)
    print("fitted on the tune half:", rule)
    figures = {half: confusion(rows[half], rule) for half in rows}
    for half in rows:
        print(f"  {half}: {figures[half]}")
    if on_edge(rule):
        print("  on the edge of the grid:", ", ".join(on_edge(rule)))
    if args.write:
        write_fit(FIT_FILE, rule, args.sets, figures)
        print("written to", FIT_FILE)
    for half in rows:
        for q, reason, f in rows[half]:
            refused = bool(reason) or bool(rule.reason(f))
            if refused != bool(q.get("abstain")):
                print(f"  {half} {'false refusal' if refused else 'missed refusal'} {q['id']}: {f.as_row()} "
                      f"{q['question'][:70]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
