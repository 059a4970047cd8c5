"""Fit the grounded answerer's constants (:class:`assistant.grounded.GroundedConfig`) on every tune question at once;
the check halves decide which fitted value is kept.

    python -m bench.fit_grounded --data-dir DIR [--sets dev,realdocs,reworded,probes,newdocs]
                                 [--tune-sets freshdocs,freshdocs2,freshdocs3,freshdocs5] [--only NAME,…]
                                 [--passes 1] [--loso] [--write]      # DIR as built by ``python -m bench.eval_sets``

Questions: the tune halves of ``--sets`` and every question of ``--tune-sets`` (the fresh sets that were the blind
judge once and are tuned on now); the check halves of ``--sets`` judge. The judges (freshdocs4, 6, 7) are never read.
Each question is searched and analysed once: everything the answer does before the unit scorer (analysis, search,
schedule and task hooks, scope refusals) does not depend on these constants, so only the grounded step
(``Assistant._grounded``: units scored, refusal features, answer composed) runs again for each configuration.

The search is a coordinate descent (:func:`descend`): each constant in turn over its grid (:func:`grid`: off, ×¼,
×½, ×¾, ×1½, ×2, ×4, and the integers around an integer one), :data:`PASSES` passes; a move is taken only when it gains
at least :data:`MIN_GAIN_GROUPS` fact groups within the answer budget (or, facts equal, within the direct budget) and
makes no refusal decision wrong that was right. Then the check halves decide (:func:`check_decides`): a fitted
value is kept only when the check facts do not fall with it, alone and in the final combination. ``--loso`` adds the
leave-one-set-out view: fitted on every tune set but one freshdocs set, scored on the one left out.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

from bench.ablate_grounded import ANSWER_BUDGET, DIRECT_BUDGET, OFF, MemoRetriever
from bench.eval_sets import EVAL, SETS, split_questions, use_index
from bench.fit_abstention import DEFAULT_SETS, DEFAULT_TUNE_SETS, JUDGE_SETS

#: The objective, in order: fact groups found within the reference scorer's answer budget (its headline, summed over
#: answerable tune questions, so one group is one unit of gain), then within the direct budget (a direct answer
#: first, the scorer's second figure). Refusal decisions are a constraint, not a term: see :func:`better`.
OBJECTIVE = ("facts within 1,200 characters (fact groups)", "facts within 400 characters (fact groups)")
#: A move must gain at least this many fact groups on tune (in the first term, or the second when the first is
#: equal): one group is one fact of one question. Two, because one was noise when measured: the first run's first move
#: (rank_weight 0.5 → 1) gained one group of 1,2xx on tune and cost the check half 0.898 → 0.875.
MIN_GAIN_GROUPS = 2
#: Passes of the coordinate descent over every constant (a value moved late may make an earlier one move). One by
#: default: a pass over 23 constants takes about 40 minutes on 2 shared cores; ``--passes 2`` for a second.
PASSES = 1
#: Multipliers of a constant's value tried besides "off" (the brief's grid: quarter to four times).
FACTORS = (0.25, 0.5, 0.75, 1.5, 2.0, 4.0)
#: Integer constants also try the integers this far around their value (a count moves by ones).
INT_STEPS = (-2, -1, 1, 2)
#: Sets whose left-out view is reported with ``--loso``: the real-page sets tuned on whole.
LOSO_SETS = ("freshdocs", "freshdocs2", "freshdocs3", "freshdocs5")
CONFIG_FILE = Path(__file__).resolve().parents[1] / "assistant" / "grounded" / "config.py"


@dataclass(frozen=True)
class Outcome:
    """One question answered under one configuration: fact groups found in each budget, whether the refusal
    decision is right, and a digest of the answer's text (to count answers a change changes)."""

    hits: int
    direct: int
    groups: int
    right: bool
    digest: str


@dataclass(frozen=True)
class Score:
    """A configuration's outcomes over some questions, summed: the objective's terms and the wrong refusals."""

    hits: int
    direct: int
    facts: float
    direct_share: float
    refuse: float
    wrong: frozenset
    digests: tuple

    def key(self) -> tuple[int, int]:
        return self.hits, self.direct


def summarise(outcomes: Sequence[tuple[str, Outcome]]) -> Score:
    """The :class:`Score` of ``(question key, outcome)`` pairs: facts are the mean share over answerable questions,
    as the reference scorer reports them.

    >>> o = Outcome(1, 0, 2, True, "a")
    >>> s = summarise([("q1", o), ("q2", Outcome(0, 0, 0, False, "b"))])
    >>> s.hits, s.facts, s.refuse, sorted(s.wrong)
    (1, 0.5, 0.5, ['q2'])
    """
    answerable = [o for _, o in outcomes if o.groups]
    return Score(hits=sum(o.hits for o in answerable), direct=sum(o.direct for o in answerable),
                 facts=sum(o.hits / o.groups for o in answerable) / max(len(answerable), 1),
                 direct_share=sum(o.direct / o.groups for o in answerable) / max(len(answerable), 1),
                 refuse=sum(o.right for _, o in outcomes) / max(len(outcomes), 1),
                 wrong=frozenset(k for k, o in outcomes if not o.right), digests=tuple(o.digest for _, o in outcomes))


def better(new: Score, old: Score, base_wrong: frozenset, min_gain: int = MIN_GAIN_GROUPS) -> bool:
    """Whether ``new`` is a move worth taking from ``old``: no refusal decision wrong that was right under the
    starting configuration (``base_wrong`` are the ones wrong there), and at least ``min_gain`` fact groups more within
    the answer budget, or as many and at least ``min_gain`` more within the direct budget.

    >>> s, none = (lambda h, d, w=(): Score(h, d, 0, 0, 0, frozenset(w), ())), frozenset()
    >>> better(s(12, 0), s(10, 5), none), better(s(10, 7), s(10, 5), none), better(s(11, 0), s(10, 0), none)
    (True, True, False)
    >>> better(s(10, 5), s(10, 5), none), better(s(12, 0, ["q"]), s(10, 0), none)
    (False, False)
    """
    if not new.wrong <= base_wrong:
        return False
    if new.hits != old.hits:
        return new.hits - old.hits >= min_gain
    return new.direct - old.direct >= min_gain


def grid(name: str, value) -> list:
    """The values tried for one constant besides ``value``: off (:data:`bench.ablate_grounded.OFF`), the multiples
    of :data:`FACTORS`, and for an integer constant the integers around it (never below 0).

    >>> grid("max_docs", 4)
    [1, 2, 3, 6, 8, 16, 5]
    >>> grid("rank_weight", 0.5)
    [0.0, 0.125, 0.25, 0.375, 0.75, 1.0, 2.0]
    """
    if isinstance(value, int):
        values = [OFF[name], *(int(round(value * f)) for f in FACTORS), *(value + s for s in INT_STEPS)]
        values = [v for v in values if v >= 0]
    else:
        values = [OFF[name], *(value * f for f in FACTORS)]
    return [v for v in dict.fromkeys(values) if v != value]


@dataclass(frozen=True)
class Move:
    """One move of the descent: the constant, its new value, the tune score before and after."""

    name: str
    value: object
    before: Score
    after: Score


def descend(score: Callable[[object], Score], start, names: Sequence[str], grids: Callable[[str, object], list],
            passes: int = PASSES, min_gain: int = MIN_GAIN_GROUPS,
            report: Callable[[Move, object], None] | None = None,
            idle: set | None = None, progress: Callable[[str], None] | None = None) -> tuple[object, list[Move]]:
    """Coordinate descent from ``start`` (a frozen dataclass): each constant of ``names`` in turn is set to the best
    value of its grid when that value is :func:`better` than the current one; ``passes`` passes, fewer when a pass
    moves nothing. ``score`` maps a configuration to its tune :class:`Score`. Returns the configuration and the
    moves taken; ``report(move, configuration)`` is called on each move as it is taken. ``idle``, when given, is
    filled with the constants none of whose grid values changed any answer's text."""
    current, moves = start, []
    now = score(current)
    base_wrong = now.wrong
    acting: set[str] = set()
    for _ in range(passes):
        moved = False
        for name in names:
            if progress:
                progress(name)
            best, best_score = None, now
            for value in grids(name, getattr(current, name)):
                candidate = replace(current, **{name: value})
                s = score(candidate)
                if s.digests != now.digests:
                    acting.add(name)
                if better(s, best_score, base_wrong, min_gain):
                    best, best_score = candidate, s
            if best is not None:
                moves.append(Move(name, getattr(best, name), now, best_score))
                current, now, moved = best, best_score, True
                if report:
                    report(moves[-1], current)
        if not moved:
            break
    if idle is not None:
        idle.update(n for n in names if n not in acting)
    return current, moves


def holds(new: Score, old: Score) -> bool:
    """Whether the check half keeps its figures under ``new``: facts not lower, refusal decisions not fewer right.

    >>> s = lambda f, r: Score(0, 0, f, 0, r, frozenset(), ())
    >>> holds(s(0.9, 1.0), s(0.9, 1.0)), holds(s(0.89, 1.0), s(0.9, 1.0)), holds(s(0.95, 0.9), s(0.9, 1.0))
    (True, False, False)
    """
    return new.facts >= old.facts - 1e-9 and new.refuse >= old.refuse - 1e-9


def check_decides(score: Callable[[object], Score], start, fitted, keeps: Callable[[object, object], bool] = holds,
                  moved: Sequence[str] | None = None) -> tuple[object, dict[str, str]]:
    """Per constant the fit moved, keep its fitted value only when the check score ``keeps`` its figures with it alone
    (from ``start``) and in the final combination (against the combination with it put back); repeat until no value
    is dropped. ``score`` maps a configuration to its check score (:class:`Score` for :func:`holds`, the default;
    ``bench.fit_retriever`` passes its own). ``moved``: the constants to judge (default: every field that differs).
    Returns the kept configuration and, per moved constant, "kept" or why it was dropped."""
    base = score(start)
    verdicts: dict[str, str] = {}
    if moved is None:
        moved = [f.name for f in fields(start) if getattr(start, f.name) != getattr(fitted, f.name)]
    for name in moved:
        if not keeps(score(replace(start, **{name: getattr(fitted, name)})), base):
            verdicts[name] = "dropped: check falls with it alone"
    final = replace(fitted, **{n: getattr(start, n) for n in verdicts})
    changed = True
    while changed:
        changed = False
        for name in (n for n in moved if n not in verdicts):
            if not keeps(score(final), score(replace(final, **{name: getattr(start, name)}))):
                verdicts[name] = "dropped: check falls with it in the combination"
                final, changed = replace(final, **{name: getattr(start, name)}), True
    verdicts.update({n: "kept" for n in moved if n not in verdicts})
    return final, verdicts


# -- the questions --------------------------------------------------------------------------------------------------
def collect(sets: Sequence[str], tune_sets: Sequence[str], splits: dict) -> dict[str, list[tuple[str, dict]]]:
    """The questions by role: "tune" (the tune halves of ``sets``, every question of ``tune_sets``) and "check" (the
    check halves of ``sets``), each as ``(set name, question)``. A judge set (:data:`JUDGE_SETS`) is refused."""
    judged = JUDGE_SETS & {*sets, *tune_sets}
    if judged:
        raise ValueError(f"never fitted on a judge set: {', '.join(sorted(judged))}")
    out: dict[str, list[tuple[str, dict]]] = {"tune": [], "check": []}
    for name in sets:
        for half, qs in split_questions(SETS[name], splits, name).items():
            out[half] += [(name, q) for q in qs]
    for name in tune_sets:
        out["tune"] += [(name, q) for qs in split_questions(SETS[name], splits, name).values() for q in qs]
    return out


# -- the answerer replayed ------------------------------------------------------------------------------------------
@dataclass
class Case:
    """One question as the answerer reached it: the final answer when no constant can change it (a hook or a scope
    refusal answered), else the inputs of its grounded step."""

    key: str
    question: dict
    fixed: object = None
    grounded: tuple | None = None


def recorder(assistant):
    """Wrap ``assistant._grounded`` so that the last call's arguments are kept on ``assistant.recorded``."""
    original = assistant._grounded

    def recording(*args, **kwargs):
        assistant.recorded = (args, kwargs)
        return original(*args, **kwargs)

    assistant._grounded = recording
    return assistant


def record(assistant, items: Sequence[tuple[str, dict]]) -> list[Case]:
    """Ask each question once (the search and the hooks run here only) and keep what the grounded step needs."""
    cases = []
    for name, q in items:
        assistant.recorded = None
        answer = assistant.ask(q["question"])
        key = f"{name}:{q['id']}"
        cases.append(Case(key, q, grounded=assistant.recorded) if assistant.recorded else Case(key, q, fixed=answer))
    return cases


def outcome(q: dict, answer) -> Outcome:
    """The :class:`Outcome` of one answer, scored as :func:`bench.ablate_grounded.measure` does."""
    from retriever.evaluate import group_hits

    facts = [] if q.get("abstain") else q.get("facts") or []
    hits = sum(group_hits(facts, [answer.text[:ANSWER_BUDGET]])) if facts else 0
    direct = sum(group_hits(facts, [answer.text[:DIRECT_BUDGET]])) if facts else 0
    return Outcome(hits, direct, len(facts), bool(answer.abstained) == bool(q.get("abstain")),
                   hashlib.blake2b(answer.text.encode("utf-8"), digest_size=8).hexdigest())


def unit_signature(units: Sequence) -> tuple:
    """What the refusal features read of the scored units: each unit's span, kind, role, coverage and carried
    answer types, and their order by score (the features take the best units by score). Two scorings with the same
    signature give the same features for the same question.

    >>> from types import SimpleNamespace as U
    >>> a = U(doc_id="d", start=0, end=5, kind="sentence", role="", coverage=0.5, carries={"date"}, score=1.0)
    >>> b = U(doc_id="d", start=6, end=9, kind="item", role="", coverage=0.2, carries=set(), score=2.0)
    >>> unit_signature([a, b])[1], unit_signature([a, b]) == unit_signature([b, a])
    ((1, 0), False)
    """
    spans = tuple((u.doc_id, u.start, u.end, u.kind, u.role, u.coverage, tuple(sorted(u.carries))) for u in units)
    order = tuple(sorted(range(len(units)), key=lambda i: -units[i].score))
    return spans, order


#: Pure readers of a text (the places it names) that the refusal features call on every unit of every question:
#: ``(module, name)`` pairs rebound, in the fitting process only, to a memo of their answers.
TEXT_READERS = (("textnorm.gazetteer", "province_mentions"), ("textnorm.gazetteer", "place_mentions"),
                ("textnorm.gazetteer", "find_provinces"), ("assistant.evidence", "place_mentions"),
                ("assistant.evidence", "find_provinces"))


def memoised(read: Callable) -> Callable:
    """``read`` answering each hashable call once (a call with an unhashable argument is read every time).

    >>> calls = []
    >>> f = memoised(lambda text, *, query=False: calls.append(text) or [text])
    >>> f("Sơn La"), f("Sơn La"), f("Sơn La", query=True), len(calls)
    (['Sơn La'], ['Sơn La'], ['Sơn La'], 2)
    """
    seen: dict = {}

    def wrapper(*args, **kwargs):
        try:
            key = (args, tuple(sorted(kwargs.items())))
            hash(key)
        except TypeError:
            return read(*args, **kwargs)
        if key not in seen:
            seen[key] = read(*args, **kwargs)
        return seen[key]

    return wrapper


def memoise_text_readers() -> None:
    """Rebind :data:`TEXT_READERS` to memos, in this process (the answers are those of the readers)."""
    import importlib

    for module_name, name in TEXT_READERS:
        module = importlib.import_module(module_name)
        setattr(module, name, memoised(getattr(module, name)))


class Replayer:
    """Scores configurations over recorded cases, each (configuration, question) once. The refusal features, the
    costliest part of the grounded step, are read once per question and :func:`unit_signature` (most constants act
    after them, or leave the units' coverage and order as they are)."""

    def __init__(self, assistant, cases: Sequence[Case]) -> None:
        self.assistant = assistant
        self.cases = {c.key: c for c in cases}
        self._memo: dict[tuple, Outcome] = {}
        self._features: dict[tuple, object] = {}
        self._current = ""

    def memoise_features(self) -> None:
        """Rebind the grounded step's refusal features, in this process, to a memo by question and
        :func:`unit_signature`."""
        import assistant.service as service

        read = service.abstention_features

        def features(units, *args, **kwargs):
            key = (self._current, unit_signature(units))
            if key not in self._features:
                self._features[key] = read(units, *args, **kwargs)
            return self._features[key]

        service.abstention_features = features

    def outcome(self, cfg, key: str) -> Outcome:
        case = self.cases[key]
        if case.fixed is not None:
            return self._memo.setdefault(("fixed", key), outcome(case.question, case.fixed))
        memo_key = (cfg, key)
        if memo_key not in self._memo:
            self.assistant.grounded, self._current = cfg, key  # the grounded step reads its constants there
            args, kwargs = case.grounded
            self._memo[memo_key] = outcome(case.question, self.assistant._grounded(*args, **kwargs))
        return self._memo[memo_key]

    def scorer(self, keys: Sequence[str]) -> Callable[[object], Score]:
        return lambda cfg: summarise([(k, self.outcome(cfg, k)) for k in keys])


def changed(a: Score, b: Score) -> int:
    """Answers whose text differs between two scores of the same questions."""
    return sum(x != y for x, y in zip(a.digests, b.digests))


def row(label: str, tune: Score, check: Score, base_tune: Score, base_check: Score) -> str:
    return (f"{label:<34} tune {tune.facts:.3f} ({tune.hits}) in400 {tune.direct_share:.3f} refuse {tune.refuse:.3f}"
            f" changed {changed(tune, base_tune):>3} | check {check.facts:.3f} in400 {check.direct_share:.3f}"
            f" refuse {check.refuse:.3f} changed {changed(check, base_check):>3}")


# -- writing the fit --------------------------------------------------------------------------------------------------
#: The project's line length (ruff): a note longer is wrapped.
LINE_LENGTH = 120
#: A line written by :func:`rewrite_config` before: replaced, not repeated, when the fit is written again.
_FIT_NOTE = re.compile(r"^    #: (?:Fitted \(bench\.fit_grounded|By hand, fit kept it)")


def rewrite_config(text: str, values: dict[str, object], notes: dict[str, str]) -> str:
    r"""``config.py``'s text with each field of ``values`` given that default, and a ``#:`` line of ``notes`` just
    above each noted field (replacing the one an earlier fit wrote there).

    >>> src = "    #: Why.\n    rank_weight: float = 0.5\n    max_docs: int = 4\n"
    >>> out = rewrite_config(src, {"rank_weight": 0.75}, {"rank_weight": "Fitted: a", "max_docs": "By hand, kept."})
    >>> [line.strip() for line in out.splitlines()]
    ['#: Why.', '#: Fitted: a', 'rank_weight: float = 0.75', '#: By hand, kept.', 'max_docs: int = 4']
    >>> rewrite_config(out, {}, {"rank_weight": "Fitted (bench.fit_grounded, b)"}).count("Fitted")
    2
    >>> long = rewrite_config(src, {}, {"rank_weight": "By hand, fit kept it (bench.fit_grounded, c): " + "x " * 70})
    >>> [len(line) <= LINE_LENGTH for line in long.splitlines()], long.count("#:")
    ([True, True, True, True, True], 3)
    >>> rewrite_config(long, {}, {"rank_weight": "By hand, fit kept it (bench.fit_grounded, d)."}).count("#:")
    2
    """
    out: list[str] = []
    for line in text.split("\n"):
        m = re.match(r"^    (\w+): (\w+) = ", line)
        if m and m.group(1) in notes:
            block = len(out)
            while block and out[block - 1].startswith("    #: "):
                block -= 1
            earlier = [i for i in range(block, len(out)) if _FIT_NOTE.match(out[i])]
            del out[earlier[0] if earlier else len(out):]  # the fit's note ends the field's comment
            out += textwrap.wrap(notes[m.group(1)], LINE_LENGTH, initial_indent="    #: ",
                                 subsequent_indent="    #: ", break_on_hyphens=False)
            if m.group(1) in values:
                line = f"    {m.group(1)}: {m.group(2)} = {values[m.group(1)]!r}"
        out.append(line)
    return "\n".join(out)


def _figure(s: Score) -> str:
    return f"{s.facts:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fit_grounded", description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--sets", default=DEFAULT_SETS)
    parser.add_argument("--tune-sets", default=DEFAULT_TUNE_SETS)
    parser.add_argument("--only", default="", help="comma-separated constants to fit (default: all)")
    parser.add_argument("--passes", type=int, default=PASSES)
    parser.add_argument("--loso", action="store_true", help="also fit leaving out each freshdocs set")
    parser.add_argument("--start", default="", help="NAME=VALUE,… to start from instead of the defaults (the "
                        "values by hand, once a fit is written)")
    parser.add_argument("--write", action="store_true", help=f"write the kept values to {CONFIG_FILE.name}")
    args = parser.parse_args(argv)
    use_index(args.data_dir)
    import json

    from assistant.grounded import GroundedConfig
    from assistant.service import Assistant
    from retriever.service import open_retriever
    from settings import load_settings

    settings = load_settings()
    items = collect([s for s in args.sets.split(",") if s], [s for s in args.tune_sets.split(",") if s],
                    json.loads((EVAL / "splits.json").read_text(encoding="utf-8")))
    assistant = recorder(Assistant(settings, MemoRetriever(open_retriever(settings))))
    memoise_text_readers()
    start = starting(GroundedConfig(), args.start)
    cases = {half: record(assistant, qs) for half, qs in items.items()}
    replay = Replayer(assistant, [c for cs in cases.values() for c in cs])
    replay.memoise_features()
    keys = {half: [c.key for c in cs] for half, cs in cases.items()}
    tune, check = replay.scorer(keys["tune"]), replay.scorer(keys["check"])
    fixed = sum(c.fixed is not None for cs in cases.values() for c in cs)
    print(f"tune n={len(keys['tune'])}, check n={len(keys['check'])} ({fixed} answered before the grounded step)")
    names = args.only.split(",") if args.only else [f.name for f in fields(start)]
    base_t, base_c = tune(start), check(start)
    print(row("start (by hand)", base_t, base_c, base_t, base_c), flush=True)
    last_check = [base_c]

    def report(m: Move, cfg) -> None:
        now_c = check(cfg)
        print(f"move {m.name}={m.value:g}: tune {m.before.facts:.3f} ({m.before.hits}) → {m.after.facts:.3f} "
              f"({m.after.hits}), in400 {m.after.direct_share:.3f}; check {last_check[0].facts:.3f} → "
              f"{now_c.facts:.3f}, refuse {now_c.refuse:.3f}; answers changed tune {changed(m.after, m.before)}, "
              f"check {changed(now_c, last_check[0])}", flush=True)
        last_check[0] = now_c

    idle: set[str] = set()
    fitted, moves = descend(tune, start, names, grid, args.passes, report=report, idle=idle,
                            progress=lambda name: print(f"  {name} …", flush=True))
    kept, verdicts = check_decides(check, start, fitted)
    for name, verdict in verdicts.items():
        alone = replace(start, **{name: getattr(fitted, name)})
        print(row(f"{name}={getattr(fitted, name):g} alone", tune(alone), check(alone), base_t, base_c), verdict)
    print(row("fitted (tune)", tune(fitted), check(fitted), base_t, base_c))
    print(row("kept (check decides)", tune(kept), check(kept), base_t, base_c), flush=True)
    _per_set(replay, keys, start, kept)
    _removal_candidates(check, start, sorted(idle))
    if args.write:
        _write(start, fitted, kept, verdicts, names, tune, check)
    if args.loso:
        _leave_one_set_out(replay, keys, start, names, args.passes)
    return 0


def _removal_candidates(check: Callable[[object], Score], start, idle: Sequence[str]) -> None:
    """Of the constants no grid value changed a tune answer of, those whose grid values change no check answer
    either: nothing measures them (the lead decides)."""
    base = check(start).digests
    none = [n for n in idle if all(check(replace(start, **{n: v})).digests == base for v in grid(n, getattr(start, n)))]
    print("removal candidates (no grid value changes a tune or check answer):", ", ".join(none) or "none", flush=True)


def starting(default, spec: str):
    """``default`` with the ``NAME=VALUE,…`` of ``spec`` (each value of its field's type).

    >>> from assistant.grounded import GroundedConfig
    >>> cfg = starting(GroundedConfig(), "rank_weight=0.25,max_docs=2")
    >>> cfg.rank_weight, cfg.max_docs
    (0.25, 2)
    """
    values = dict(item.split("=", 1) for item in spec.split(",") if item)
    return replace(default, **{k: type(getattr(default, k))(float(v)) for k, v in values.items()})


def _per_set(replay: Replayer, keys: dict, start, kept) -> None:
    """Facts of each set's tune and check questions, start → kept: does the fit help every set or one?"""
    for half, ks in keys.items():
        for name in dict.fromkeys(k.split(":", 1)[0] for k in ks):
            score = replay.scorer([k for k in ks if k.split(":", 1)[0] == name])
            a, b = score(start), score(kept)
            print(f"  {half:<5} {name:<10} n={len(a.digests):>3} facts {a.facts:.3f} → {b.facts:.3f}, in400 "
                  f"{a.direct_share:.3f} → {b.direct_share:.3f}, refuse {a.refuse:.3f} → {b.refuse:.3f}, "
                  f"changed {changed(a, b)}", flush=True)


def _leave_one_set_out(replay: Replayer, keys: dict, start, names: Sequence[str], passes: int) -> None:
    """Fit on every tune question but one set's, score that set: does a fitted value generalise across sets?"""
    for left in LOSO_SETS:
        held = [k for k in keys["tune"] if k.split(":", 1)[0] == left]
        if not held:
            continue
        rest = [k for k in keys["tune"] if k.split(":", 1)[0] != left]
        fitted, moves = descend(replay.scorer(rest), start, names, grid, passes)
        out = replay.scorer(held)
        moved = ", ".join(f"{m.name}={m.value:g}" for m in moves) or "nothing"
        print(f"leave out {left} (n={len(held)}): fitted {moved}; {left} facts {out(start).facts:.3f} → "
              f"{out(fitted).facts:.3f}, in400 {out(start).direct_share:.3f} → {out(fitted).direct_share:.3f}, "
              f"refuse {out(start).refuse:.3f} → {out(fitted).refuse:.3f}", flush=True)


def fit_note(name: str, start, fitted, kept, verdict: str, tune, check, today: str) -> str:
    """The ``#:`` line :func:`_write` puts above a constant: its fitted value kept with its figures (facts, tune and
    check, the value alone against the start), or the value by hand kept and why.

    >>> from dataclasses import make_dataclass
    >>> K = make_dataclass("K", [("x", float, 1.0)], frozen=True)
    >>> figures = lambda cfg: Score(0, 0, 0.9 + 0.01 * cfg.x, 0.8, 1.0, frozenset(), ())
    >>> fit_note("x", K(), K(2.0), K(2.0), "kept", figures, figures, "D")
    'Fitted (bench.fit_grounded, D): 1 → 2, facts tune 0.910 → 0.920, check 0.910 → 0.920.'
    >>> fit_note("x", K(), K(2.0), K(), "dropped: check falls with it alone", figures, figures, "D")
    'By hand, fit kept it (bench.fit_grounded, D): tune moved it to 2 (facts 0.910 → 0.920, in400 0.800 → 0.800), check 0.910 → 0.920: dropped, check falls with it alone.'
    >>> fit_note("x", K(), K(), K(), "", figures, figures, "D")[-42:]
    'no grid value gains 2 fact groups on tune.'
    """  # noqa: E501 - doctest output lines
    was, to = getattr(start, name), getattr(fitted, name)
    alone = replace(start, **{name: to})
    if getattr(kept, name) != was:
        return (f"Fitted (bench.fit_grounded, {today}): {was:g} → {to:g}, facts tune {_figure(tune(start))} → "
                f"{_figure(tune(alone))}, check {_figure(check(start))} → {_figure(check(alone))}.")
    if to != was:
        t0, t1 = tune(start), tune(alone)
        return (f"By hand, fit kept it (bench.fit_grounded, {today}): tune moved it to {to:g} (facts {t0.facts:.3f} → "
                f"{t1.facts:.3f}, in400 {t0.direct_share:.3f} → {t1.direct_share:.3f}), check "
                f"{_figure(check(start))} → {_figure(check(alone))}: {verdict.replace(': ', ', ')}.")
    return (f"By hand, fit kept it (bench.fit_grounded, {today}): no grid value gains {MIN_GAIN_GROUPS} fact groups "
            f"on tune.")


def _write(start, fitted, kept, verdicts: dict, names: Sequence[str], tune, check) -> None:
    """Rewrite the defaults of :data:`CONFIG_FILE` with the kept values, each with its figures."""
    today = date.today().isoformat()
    notes = {n: fit_note(n, start, fitted, kept, verdicts.get(n, ""), tune, check, today) for n in names}
    values = {n: getattr(kept, n) for n in names if getattr(kept, n) != getattr(start, n)}
    CONFIG_FILE.write_text(rewrite_config(CONFIG_FILE.read_text(encoding="utf-8"), values, notes), encoding="utf-8")
    print("written to", CONFIG_FILE)


if __name__ == "__main__":
    sys.exit(main())
