"""Every refusal rule's record on every set: the refusals each made that were right and wrong, and what switching
it off would change.

    python -m bench.refusal_rules --data-dir DIR [--save rows.json] [--ids]    # DIR as built by bench.eval_sets
    python -m bench.refusal_rules --load rows.json [--ids]                     # the table again, from saved rows

A question passes the refusal path as the answerer runs it (:class:`assistant.service.Assistant`): a document number
no indexed text holds refuses first (``number``); the schedule and task hooks may then answer (``hook``: no rule
below is read); then the checks before any unit is read (:func:`assistant.scope.scope_checks`) and the branches of
the fitted rule (:meth:`assistant.abstention.AbstentionRule.branches`): every rule is a member of
:class:`assistant.refusal.Refusal`, named in the rows by its value. Each rule is tested on its own, so a
question lists every rule that would refuse it. A rule's record on a half: ``right`` / ``wrong`` = the refusals it
makes of questions that must / must not be refused; ``off -right`` / ``off -wrong`` = the right / wrong refusals lost
when only it is switched off (it alone refuses them). Questions: the halves of ``--sets`` and every question of
``--tune-sets`` (as ``bench.fit_abstention`` reads them). The scope's year check is ``year:scope``, the rule's
``year``.
"""

from __future__ import annotations

import json
import sys

from assistant.refusal import BEFORE_HOOKS, Refusal
from bench.fit_abstention import parse_without_judges, tune_rows_parser

#: The rules in the order the answerer reads them (the table's rows).
RULES = tuple(Refusal)


def refused(row: dict, off: frozenset = frozenset()) -> bool:
    """Whether the question of ``row`` is refused with the rules ``off`` switched off.

    >>> refused({"fired": ["number"], "hook": True}), refused({"fired": ["place"], "hook": True})
    (True, False)
    >>> refused({"fired": ["place", "year"], "hook": False}, frozenset({"place"}))
    True
    """
    fired = [r for r in row["fired"] if r not in off]
    return any(r in BEFORE_HOOKS for r in fired) or (not row["hook"] and bool(fired))


def record_of(rows: list[dict], rule: str) -> dict[str, int]:
    """One rule's record on ``rows``: right and wrong refusals it makes, and those lost when it alone is off.

    >>> rows = [{"must": True, "fired": ["year"], "hook": False},
    ...         {"must": False, "fired": ["year", "place"], "hook": False},
    ...         {"must": False, "fired": ["year"], "hook": False}]
    >>> record_of(rows, "year")
    {'right': 1, 'wrong': 2, 'off -right': 1, 'off -wrong': 1}
    """
    out = {"right": 0, "wrong": 0, "off -right": 0, "off -wrong": 0}
    for row in rows:
        if rule not in row["fired"] or not refused(row):
            continue
        out["right" if row["must"] else "wrong"] += 1
        if not refused(row, frozenset({rule})):
            out["off -right" if row["must"] else "off -wrong"] += 1
    return out


def ids_of(rows: list[dict], rule: str) -> dict[str, list[str]]:
    """The question ids behind a rule's record: its right and wrong refusals, a star on those it alone makes."""
    out: dict[str, list[str]] = {"right": [], "wrong": []}
    for row in rows:
        if rule in row["fired"] and refused(row):
            alone = "*" if not refused(row, frozenset({rule})) else ""
            out["right" if row["must"] else "wrong"].append(row["id"] + alone)
    return out


def totals(rows: list[dict]) -> dict[str, int]:
    """Right refusals, wrong refusals and refusals not made on ``rows``."""
    return {"right": sum(refused(r) and r["must"] for r in rows),
            "wrong": sum(refused(r) and not r["must"] for r in rows),
            "missed": sum(not refused(r) and r["must"] for r in rows), "n": len(rows)}


def table(rows: list[dict], ids: bool = False) -> str:
    """The record of every rule on each half, one line a rule (``ids``: the question ids under each line)."""
    halves = list(dict.fromkeys(r["half"] for r in rows))
    head = f"{'rule':18}" + "".join(f" | {h:5} right wrong off-right off-wrong" for h in halves)
    lines = [head, "-" * len(head)]
    for rule in RULES:
        cells = [record_of([r for r in rows if r["half"] == h], rule) for h in halves]
        lines.append(f"{rule:18}" + "".join(f" | {'':5} {c['right']:5} {c['wrong']:5} {c['off -right']:9} "
                                            f"{c['off -wrong']:9}" for c in cells))
        if ids:
            for h in halves:
                got = ids_of([r for r in rows if r["half"] == h], rule)
                if got["right"] or got["wrong"]:
                    lines.append(f"    {h}: right {' '.join(got['right'])} | wrong {' '.join(got['wrong'])}")
    for h in halves:
        t = totals([r for r in rows if r["half"] == h])
        lines.append(f"{h}: {t['n']} questions, right refusals {t['right']}, wrong refusals {t['wrong']}, "
                     f"refusals not made {t['missed']}")
        if ids:
            missed = [r["id"] for r in rows if r["half"] == h and r["must"] and not refused(r)]
            lines.append(f"    not made: {' '.join(missed)}")
    return "\n".join(lines)


def fired_rules(assistant, question: str) -> dict:
    """Every rule that would refuse ``question`` (tested each on its own), whether a hook answers it, and the
    abstention features (:meth:`AbstentionFeatures.as_row`), read along the answerer's own path."""
    from dataclasses import replace

    from assistant.abstention import features as abstention_features
    from assistant.grounded import score_all
    from assistant.schedule import answer_from_schedule
    from assistant.scope import absent_numbers, scope_checks
    from assistant.service import _analyse, _is_foreign, _unfiltered_provinces, answer_pool
    from assistant.tasks import answer_from_tasks
    from retriever.query import resolve_named_documents

    state = assistant.store.lexical()
    analysis, _, _ = _analyse(question, (), None, state)
    fired = [Refusal.NUMBER] if absent_numbers(analysis, state, assistant.store.fetch_passages) else []
    hook = answer_from_schedule(question, analysis, None, state) is not None or answer_from_tasks(
        question, analysis, None, state, text_of=assistant._document_text, today=assistant.clock()) is not None
    results = assistant._search(analysis, None, state)
    checks = scope_checks(analysis, results, state, foreign=lambda: _is_foreign(analysis, state), every=True)
    fired += [rule for rule, _ in checks]
    pool = answer_pool(results, _unfiltered_provinces(analysis, None, state))
    units = score_all(pool, analysis, state, assistant.grounded)[0]
    judged = replace(analysis, years=[]) if resolve_named_documents(analysis, state.records) else analysis
    f = abstention_features(units, judged, state, assistant.abstention, assistant.store.document_text,
                            assistant.grounded.doc_min_share)
    fired += [name for name, _ in assistant.abstention.branches(f)]
    return {"fired": fired, "hook": hook, "features": f.as_row()}


def collect(assistant, halves: dict[str, list[dict]]) -> list[dict]:
    """One row per question of each half: its id, set, gold refusal and :func:`fired_rules`."""
    rows = []
    for half, questions in halves.items():
        for q in questions:
            rows.append({"id": q["id"], "half": half, "must": bool(q.get("abstain")), "question": q["question"],
                         **fired_rules(assistant, q["question"])})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = tune_rows_parser("python -m bench.refusal_rules")
    parser.add_argument("--ids", action="store_true", help="the question ids behind each line (* = it alone)")
    args = parse_without_judges(parser, argv)
    if args.load:
        rows = json.loads(args.load.read_text(encoding="utf-8"))
    elif args.data_dir:
        from bench.eval_sets import halves_of, use_index

        use_index(args.data_dir)
        from assistant.service import open_assistant
        from settings import load_settings

        halves = halves_of(args.sets.split(","))
        whole = [name for name in args.tune_sets.split(",") if name]
        if whole:
            halves["tune"] += [q for qs in halves_of(whole).values() for q in qs]
        rows = collect(open_assistant(load_settings()), halves)
        if args.save:
            args.save.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        parser.error("--data-dir or --load")
    print(table(rows, ids=args.ids))
    return 0


if __name__ == "__main__":
    sys.exit(main())
