"""Fit the abstention thresholds on the tune half; report refusal precision and recall on both halves.

    python -m bench.fit_abstention --data-dir DIR [--write]    # DIR as built by ``python -m bench.eval_sets``

Questions: the shared dev and real-document sets and ours (``eval/reworded.jsonl``, ``eval/probes.jsonl``,
``eval/newdocs``; ``--sets`` to choose), split into their halves, plus every question of the fresh sets that were
once the blind judge and are tune sets now (``--tune-sets``; the current judges are never read here). A question is a
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
from assistant.refusal import BEFORE_HOOKS, FEATURES, FITTED
from bench.eval_sets import halves_of, use_index

#: The values tried for each fitted threshold: wide enough that the fit lands inside (an edge value is reported).
#: (The last fit landed on min_coverage 0.1, the edge: the grid now reaches 0.05; 0.0 would switch the branch off,
#: which is a decision about the rule (``bench.refusal_rules``), not a fit.)
GRID = {
    "min_coverage": [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6],
    "min_coverage_without_type": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
    "max_unknown_share": [0.1, 0.15, 0.2, 0.25, 0.34, 0.4, 0.5, 0.6, 0.75, 0.9],
    # never under 3: an official's own small index lacks ordinary words ("nội dung", "quy định" in three documents),
    # and two of them unknown are no absence of the topic; one ("khoảng", "chót") never refuses alone
    "min_unknown_words": [3, 4, 5, 6],
    "min_dense": [0.0, 0.8, 0.82, 0.84, 0.85, 0.86, 0.87, 0.88, 0.9],
    "min_typed_share": [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7],  # 0.0: no such test (the fit before it)
}
#: Sets the fit reads by default, split by document into their tune and check halves.
DEFAULT_SETS = "dev,realdocs,reworded,probes,newdocs"
#: Sets whose every question is a tune question: the fresh sets that were once the blind judge and have been looked at
#: since (``eval/splits.json`` lists them check-only so that their rows stay reported).
DEFAULT_TUNE_SETS = ("freshdocs,freshdocs2,freshdocs3,freshdocs5,freshdocs6,freshdocs7,freshdocs8,freshdocs9,"
                     "freshdocs10,freshdocs11,freshdocs12,freshdocs13")
#: Sets no fit reads (this one, ``bench.fit_grounded``, ``bench.fit_retriever``, ``bench.refusal_rules``): the check
#: set freshdocs4 and the blind judges of sessions 21, 23, 24, 25, 26, 27 and 28 (their questions must not shape
#: a threshold or a constant; freshdocs19 is the judge of session 27, freshdocs20 the judge of session 28).
#: freshdocs8 and freshdocs9, the judges of sessions 12 and 13, are tune sets since session 24; freshdocs10, the
#: judge of session 14, since session 25; freshdocs11, the judge of session 16, since session 26; freshdocs12, the
#: judge of session 18, since session 27; freshdocs13, the judge of session 20, since session 28.
JUDGE_SETS = frozenset({"freshdocs4",
                        "freshdocs14", "freshdocs15", "freshdocs16",
                        "freshdocs17", "freshdocs18", "freshdocs19", "freshdocs20"})


def judge_sets_named(*lists: str) -> list[str]:
    """The judge sets among comma-separated lists of set names (a fit refuses to read them).

    >>> judge_sets_named("dev,newdocs", "freshdocs,freshdocs14")
    ['freshdocs14']
    """
    return sorted(JUDGE_SETS & {name for names in lists for name in names.split(",")})


def tune_rows_parser(prog: str, sets: str = DEFAULT_SETS, sets_help: str | None = None) -> argparse.ArgumentParser:
    """The arguments of a script that answers the tune questions into rows (``bench.refusal_rules``,
    ``bench.absence_features``): the index, the sets read by their tune halves, the sets read whole, rows saved or
    loaded. :func:`parse_without_judges` reads them.

    >>> tune_rows_parser("x").parse_args(["--load", "rows.json"]).sets == DEFAULT_SETS
    True
    """
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--sets", default=sets, help=sets_help)
    parser.add_argument("--tune-sets", default=DEFAULT_TUNE_SETS, help="sets whose every question is tuned on")
    parser.add_argument("--save", type=Path, help="write the rows (JSON) for --load")
    parser.add_argument("--load", type=Path, help="read saved rows instead of running the questions")
    return parser


def parse_without_judges(parser: argparse.ArgumentParser, argv: list[str] | None,
                         refusal: str = "never read here") -> argparse.Namespace:
    """``argv`` parsed by a parser with ``--sets`` and ``--tune-sets`` (:func:`tune_rows_parser`, this module's own);
    an error (exit 2) saying ``refusal`` and the judge sets when one is named.

    >>> parse_without_judges(tune_rows_parser("x"), ["--sets", "dev"]).sets
    'dev'
    """
    args = parser.parse_args(argv)
    if judge_sets_named(args.sets, args.tune_sets):
        parser.error(f"{refusal}: " + ", ".join(judge_sets_named(args.sets, args.tune_sets)))
    return args


def loaded(path: Path) -> dict[str, list[tuple[dict, str, object]]]:
    """The rows of :func:`collect` by half, from rows ``python -m bench.refusal_rules --save`` wrote: read along the
    answerer's path (a hook's answer is never refused by the rule: its features are None), in seconds.

    >>> import tempfile
    >>> row = {"id": "X1", "half": "tune", "must": False, "question": "…", "fired": ["coverage"], "hook": True,
    ...        "features": {"coverage": 0.1, "unknown_share": 0.0, "unknown": [], "type_found": True}}
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (Path(d) / "rows.json").write_text(json.dumps([row]), encoding="utf-8")
    ...     loaded(Path(d) / "rows.json")["tune"]
    [({'id': 'X1', 'question': '…', 'abstain': False}, '', None)]
    """
    from assistant.abstention import AbstentionFeatures

    out: dict[str, list] = {"tune": [], "check": []}
    for row in json.loads(path.read_text(encoding="utf-8")):
        # the branches the fitted thresholds decide and those read from features are recomputed from the features
        fixed = [r for r in row["fired"] if r not in FITTED and r not in FEATURES]
        before_hooks = any(r in BEFORE_HOOKS for r in fixed)
        features = {**row["features"], "unknown": tuple(row["features"]["unknown"])}
        f = None if row["hook"] else AbstentionFeatures(**features)
        reason = ",".join(fixed) if before_hooks or not row["hook"] else ""
        q = {"id": row["id"], "question": row["question"], "abstain": row["must"]}
        out.setdefault(row["half"], []).append((q, reason, f))
    return out


def collect(assistant, questions: list[dict]) -> list[tuple[dict, str, object]]:
    rows = []
    for q in questions:
        d = assistant.diagnose(q["question"])
        rows.append((q, d["out_of_scope"], d["features"]))
    return rows


def confusion(rows, rule: AbstentionRule) -> dict:
    tp = fp = fn = tn = 0
    for q, rule_reason, f in rows:
        refused = bool(rule_reason) or (f is not None and bool(rule.reason(f)))
        must = bool(q.get("abstain"))
        tp += refused and must
        fp += refused and not must
        fn += (not refused) and must
        tn += (not refused) and not must
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": round(precision, 3), "recall": round(recall, 3),
            "accuracy": round((tp + tn) / max(len(rows), 1), 3)}


#: Thresholds that refuse less as they grow (the others refuse less as they shrink).
MILDER_WHEN_HIGHER = ("max_unknown_share", "min_unknown_words")


def _steps(name: str, value) -> int:
    """The position in its grid of the grid value nearest ``value``."""
    values = GRID[name]
    return min(range(len(values)), key=lambda i: abs(values[i] - value))


def tied_rules(rows, current: AbstentionRule) -> list[tuple]:
    """The grid's rules (values in :data:`GRID` order) with the most right decisions on ``rows``, then fewest false
    refusals."""
    scored = []
    for values in itertools.product(*GRID.values()):
        c = confusion(rows, replace(current, **dict(zip(GRID, values))))
        scored.append(((c["tp"] + c["tn"], -c["fp"]), values))
    top = max(key for key, _ in scored)
    return [values for key, values in scored if key == top]


def fit(tied: list[tuple], current: AbstentionRule) -> AbstentionRule:
    """Of the rules with the most right decisions (``tied``, :func:`tied_rules`), the mildest (refusing least: a
    false refusal of an answerable question costs more than a vague answer to an odd one; on the blind sets the
    largest loss was answerable questions refused, issue 18), then the one nearest ``current`` in grid steps. A
    threshold the tune questions leave free over its whole grid (every value ties) is no evidence either way: it is
    not made milder, it stays nearest ``current`` (the mildest end of a flat grid would switch its branch off)."""
    here = {name: _steps(name, getattr(current, name)) for name in GRID}
    ranges = tied_ranges(tied)
    free = {name for name, values in GRID.items() if ranges[name] == [values[0], values[-1]]}

    def key(values: tuple) -> tuple[int, int]:
        steps = [_steps(name, v) for name, v in zip(GRID, values)]
        distance = sum(abs(s - here[name]) for name, s in zip(GRID, steps))
        mildness = sum(s if name in MILDER_WHEN_HIGHER else -s for name, s in zip(GRID, steps) if name not in free)
        return -mildness, distance

    return replace(current, **dict(zip(GRID, min(tied, key=key))))


def tied_ranges(tied: list[tuple]) -> dict[str, list]:
    """Each threshold's lowest and highest value among the rules tied at the top: how flat the fit is."""
    return {name: [min(v[i] for v in tied), max(v[i] for v in tied)] for i, name in enumerate(GRID)}


def on_edge(rule: AbstentionRule) -> list[str]:
    """The fitted thresholds at the first or last value of their grid (a wider grid might fit better)."""
    return [name for name, values in GRID.items() if getattr(rule, name) in (values[0], values[-1])]


def write_fit(path: Path, rule: AbstentionRule, sets: str, figures: dict, ranges: dict) -> None:
    """The fitted thresholds (what :class:`AbstentionRule` reads), with the grid, the sets and the figures."""
    fitted = {name: getattr(rule, name) for name in (*GRID, "dense_embedder")}
    data = {"rule": fitted, "grid": GRID, "sets": sets.split(","), "figures": figures, "on_edge": on_edge(rule),
            "tied_ranges": ranges, "command": "python -m bench.refusal_rules --data-dir DIR --save ROWS && "
                       "python -m bench.fit_abstention --load ROWS --write",
            "tie_break": "among the rules with the most right decisions on the tune half (then fewest false "
                         "refusals), the mildest (refusing least; a threshold free over its whole grid is not made "
                         "milder), then the nearest to the previous fit in grid steps"}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _collected(args) -> dict[str, list]:
    """The rows of the questions of ``args.sets`` (by half) and ``args.tune_sets`` (tune), run on the index."""
    if args.data_dir is None:
        raise SystemExit("--data-dir or --load")
    use_index(args.data_dir)
    from assistant.service import open_assistant
    from settings import load_settings

    assistant = open_assistant(load_settings())
    halves = halves_of(args.sets.split(","))
    whole = [name for name in args.tune_sets.split(",") if name]
    if whole:  # every question of these sets, whatever half splits.json reports it in
        halves["tune"] += [q for qs in halves_of(whole).values() for q in qs]
    return {half: collect(assistant, qs) for half, qs in halves.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fit_abstention")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--sets", default=DEFAULT_SETS)
    parser.add_argument("--tune-sets", default=DEFAULT_TUNE_SETS,
                        help="sets whose every question is tuned on (\"\" for none)")
    parser.add_argument("--write", action="store_true", help=f"write the fit to {FIT_FILE.name}")
    parser.add_argument("--load", type=Path, help="rows saved by python -m bench.refusal_rules --save (the "
                        "answerer's own path, hooks included) instead of running the questions")
    args = parse_without_judges(parser, argv, "never fitted on a judge set")
    if args.load:
        rows = loaded(args.load)
    else:
        rows = _collected(args)
    default = AbstentionRule()
    print("current rule:", default)
    for half in rows:
        print(f"  {half}: {confusion(rows[half], default)}")
    tied = tied_rules(rows["tune"], default)
    rule, ranges = fit(tied, default), tied_ranges(tied)
    print("fitted on the tune half:", rule)
    print("  range of each threshold among the rules tied at the top:", ranges)
    figures = {half: confusion(rows[half], rule) for half in rows}
    for half in rows:
        print(f"  {half}: {figures[half]}")
    if on_edge(rule):
        print("  on the edge of the grid:", ", ".join(on_edge(rule)))
    if args.write:
        write_fit(FIT_FILE, rule, ",".join(filter(None, (args.sets, args.tune_sets))), figures, ranges)
        print("written to", FIT_FILE)
    for half in rows:
        for q, reason, f in rows[half]:
            refused = bool(reason) or (f is not None and bool(rule.reason(f)))
            if refused != bool(q.get("abstain")):
                print(f"  {half} {'false refusal' if refused else 'missed refusal'} {q['id']}: {f.as_row()} "
                      f"{q['question'][:70]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
