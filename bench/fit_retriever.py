"""Fit the retriever's hand-set ranking constants (:class:`retriever.hybrid.RetrieverConfig`) on every tune question;
the check halves decide which fitted value is kept (issue 18: metadata is a hint, how much it weighs is measured).

    python -m bench.fit_retriever --data-dir DIR [--sets dev,realdocs,reworded,probes,newdocs]
                                  [--tune-sets freshdocs,freshdocs2,freshdocs3,freshdocs5] [--only NAME,…]
                                  [--facts]                  # DIR as built by ``python -m bench.eval_sets``

Questions: the tune halves of ``--sets`` and every question of ``--tune-sets``; the check halves of ``--sets`` judge
(:func:`bench.fit_grounded.collect`; the judges freshdocs4, 6, 7 are never read). The objective is recall@5 of the
evidence groups (:data:`OBJECTIVE`), searched as :func:`bench.ablate_retriever.measure` does. What does not depend
on the constants is computed once: the query embeddings (every question's vector is kept, not only
:data:`retriever.hybrid.QUERY_VECTORS_KEPT`), the dense search of a vector under a scope, and the passages fetched.

Each constant of :data:`GRIDS` in turn is set to the best value of its named grid when it gains at least
:data:`MIN_GAIN_GROUPS` evidence groups within the first five (:func:`bench.fit_grounded.descend`, one pass); then
the check halves decide (:func:`bench.fit_grounded.check_decides`): a fitted value is kept only when check recall
(and, with ``--facts``, check facts: every check question answered by the assistant under the configuration) does
not fall with it, alone and in the final combination. ``--facts`` also reports tune facts before → after.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from bench.eval_sets import EVAL, use_index
from bench.fit_abstention import DEFAULT_SETS, DEFAULT_TUNE_SETS
from bench.fit_grounded import check_decides, collect, outcome, summarise
from bench.fit_grounded import holds as answers_hold

#: The constants fitted and the grid of each: the shares a scope leaves to a document whose field is unread or that is
#: about other years (from a near gate, 0.1, to no hint at all, 1.0), and the share a content question leaves to a
#: document's identity lines (the same kind of hand-set factor on the same scale).
GRIDS = {"unread_field_factor": (0.1, 0.25, 0.5, 0.75, 0.9, 1.0),
         "other_years_factor": (0.1, 0.25, 0.5, 0.75, 0.9, 1.0),
         "identity_factor": (0.25, 0.5, 0.75, 1.0)}
#: The objective, in order: evidence groups found in the first five passages (summed over tune questions with
#: evidence: one group is one unit of gain), then the reciprocal rank of the first passage with all evidence within
#: ten (summed).
OBJECTIVE = ("evidence groups within the first 5 passages", "reciprocal rank within 10 (sum)")
#: A move must gain at least this many evidence groups at 5 on tune (or, groups equal, this much summed reciprocal
#: rank): one group is one question's fact found; one alone is noise (bench.fit_grounded measured it so).
MIN_GAIN_GROUPS = 2
#: How many passages a question's search returns (recall at 5, reciprocal rank within 10).
SEARCH_K = 10


@dataclass(frozen=True)
class Score:
    """A configuration's search outcomes over some questions, summed (the fields :func:`bench.fit_grounded.descend`
    reads: ``wrong`` and ``digests``)."""

    hits: int
    rr: float
    groups: int
    wrong: frozenset = frozenset()
    digests: tuple = ()

    @property
    def recall(self) -> float:
        return self.hits / max(self.groups, 1)


def better(new: Score, old: Score, min_gain: int = MIN_GAIN_GROUPS) -> bool:
    """Whether ``new`` is worth a move from ``old``: at least ``min_gain`` evidence groups more at 5, or as many and
    at least ``min_gain`` more summed reciprocal rank.

    >>> s = lambda h, rr: Score(h, rr, 100)
    >>> better(s(12, 0), s(10, 5)), better(s(11, 9), s(10, 5)), better(s(10, 7.5), s(10, 5)), better(s(10, 6), s(10, 5))
    (True, False, True, False)
    """
    if new.hits != old.hits:
        return new.hits - old.hits >= min_gain
    return new.rr - old.rr >= min_gain


def descend(score: Callable[[object], Score], start, grids: dict[str, Sequence],
            min_gain: int = MIN_GAIN_GROUPS, report: Callable[[str, object, Score], None] | None = None):
    """One pass of coordinate descent from ``start`` (a dataclass): each constant of ``grids`` in turn is set to the
    value of its grid that scores best (groups, then reciprocal rank) when that value is :func:`better` than the
    current one. Returns the configuration and the
    moves ``(name, value, before, after)``.

    >>> from dataclasses import dataclass as dc
    >>> @dc(frozen=True)
    ... class C:
    ...     a: float = 0.5
    ...     b: float = 0.5
    >>> fake = lambda c: Score(int(10 * c.a) - int(10 * abs(c.b - 0.5)), 0.0, 10)   # a best at 1, b best at 0.5
    >>> fitted, moves = descend(fake, C(), {"a": (0.1, 0.5, 1.0), "b": (0.1, 0.9)})
    >>> fitted, [(n, v) for n, v, _, _ in moves]
    (C(a=1.0, b=0.5), [('a', 1.0)])
    >>> descend(fake, C(), {"a": (0.6,)})[0]   # one group more is not a move (MIN_GAIN_GROUPS)
    C(a=0.5, b=0.5)
    """
    current, now, moves = start, score(start), []
    for name, values in grids.items():
        tried = []
        for value in values:
            if value == getattr(current, name):
                continue
            candidate = replace(current, **{name: value})
            tried.append((score(candidate), candidate))
            if report:
                report(name, value, tried[-1][0])
        if not tried:
            continue
        best_score, best = max(tried, key=lambda t: (t[0].hits, t[0].rr))  # the first of equals: the grid's order
        if better(best_score, now, min_gain):
            moves.append((name, getattr(best, name), now, best_score))
            current, now = best, best_score
    return current, moves


def holds(new, old) -> bool:
    """Whether the check half keeps its figures: recall@5 not lower (and facts, when measured, not lower).

    >>> holds(Score(10, 1.0, 20), Score(10, 2.0, 20)), holds(Score(9, 9.0, 20), Score(10, 2.0, 20))
    (True, False)
    """
    if isinstance(new, tuple):
        return all(holds(n, o) for n, o in zip(new, old))
    if isinstance(new, Score):
        return new.hits >= old.hits
    return answers_hold(new, old)


# -- what does not depend on the constants, computed once -------------------------------------------------------------
def memoise_store(store) -> None:
    """Rebind ``store.dense_search`` and ``store.fetch_passages`` (in this process) to memos: the same vector under
    the same scope finds the same passages whatever the ranking constants."""
    dense, fetch = store.dense_search, store.fetch_passages
    seen: dict = {}
    passages: dict = {}

    def dense_search(vector, n, where=None):
        key = (bytes(memoryview(vector.astype("float32"))), n, json.dumps(where, sort_keys=True))
        if key not in seen:
            seen[key] = dense(vector, n, where)
        return seen[key]

    def fetch_passages(ids):
        missing = [i for i in ids if i not in passages]
        if missing:
            passages.update(fetch(missing))
            passages.update({i: None for i in missing if i not in passages})
        return {i: passages[i] for i in ids if passages.get(i) is not None}

    store.dense_search, store.fetch_passages = dense_search, fetch_passages


def searcher(store):
    """A function ``config → HybridRetriever`` whose retrievers share one store and one kept vector per question."""
    from collections import OrderedDict

    import retriever.hybrid as hybrid

    hybrid.QUERY_VECTORS_KEPT = 1 << 20  # every question's vector is kept in this process
    vectors: OrderedDict = OrderedDict()

    def make(config):
        retriever = hybrid.HybridRetriever(store, config)
        retriever._vectors = vectors
        return retriever

    return make


def search_score(retriever, items: Sequence[tuple[str, dict]]) -> Score:
    """Evidence groups at 5 and summed reciprocal rank within :data:`SEARCH_K` of ``(set, question)`` pairs."""
    from retriever.evaluate import evidence_rank, group_hits

    hits, rr, groups, digests = 0, 0.0, 0, []
    for _, q in items:
        if not q.get("evidence"):
            continue
        texts = [r.passage.text for r in retriever.search(q["question"], k=SEARCH_K)]
        hits += sum(group_hits(q["evidence"], texts[:5]))
        rank = evidence_rank(q["evidence"], texts)
        rr += 1.0 / rank if rank else 0.0
        groups += len(q["evidence"])
        digests.append(hash(tuple(texts[:5])))
    return Score(hits, rr, groups, frozenset(), tuple(digests))


#: Answers' facts already measured in this process: (configuration, first question's key, count) → summary.
_FACTS: dict = {}


def facts_score(assistant, config, items: Sequence[tuple[str, dict]]):
    """The answers' facts of ``items`` with the assistant's retriever under ``config``
    (:func:`bench.fit_grounded.summarise`), measured once per configuration and questions."""
    key = (repr(config), repr(items[:1]), len(items))
    if key not in _FACTS:
        assistant.retriever.config = config
        _FACTS[key] = summarise([(f"{name}:{q['id']}", outcome(q, assistant.ask(q["question"])))
                                 for name, q in items])
    return _FACTS[key]


# -- the run --------------------------------------------------------------------------------------------------------
def _parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.fit_retriever")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--sets", default=DEFAULT_SETS)
    parser.add_argument("--tune-sets", default=DEFAULT_TUNE_SETS)
    parser.add_argument("--only", default="", help="constants of GRIDS to fit (comma-separated; all by default)")
    parser.add_argument("--facts", action="store_true", help="check (and report) answers' facts too (slow)")
    return parser.parse_args(argv)


def _row(label: str, s: Score) -> str:
    return f"{label:<34} R@5 {s.recall:.3f} ({s.hits}/{s.groups})  MRR-sum {s.rr:7.2f}"


def main(argv: list[str] | None = None) -> int:

    args = _parse(argv)
    use_index(args.data_dir)
    from retriever.hybrid import RetrieverConfig
    from retriever.service import open_retriever
    from settings import load_settings

    splits = json.loads((EVAL / "splits.json").read_text(encoding="utf-8"))
    items = collect([s for s in args.sets.split(",") if s], [s for s in args.tune_sets.split(",") if s], splits)
    grids = {n: GRIDS[n] for n in (args.only.split(",") if args.only else GRIDS)}
    store = open_retriever(load_settings()).store
    memoise_store(store)
    make = searcher(store)
    start = RetrieverConfig()
    print(f"questions: tune {len(items['tune'])}, check {len(items['check'])}; objective: {', '.join(OBJECTIVE)}")
    tune = lambda c: search_score(make(c), items["tune"])  # noqa: E731 - the score the descent calls
    fitted, moves = descend(tune, start, grids,
                            report=lambda n, v, s: print(_row(f"  tune {n}={v}", s), flush=True))
    print(_row("tune start", tune(start)))
    for name, value, before, after in moves:
        print(f"move {name} {getattr(start, name)} → {value}: tune R@5 {before.recall:.3f} → {after.recall:.3f}")
    assistant = None
    if args.facts:
        from assistant.service import open_assistant

        assistant = open_assistant(load_settings(), store=store)
        assistant.retriever = make(start)

    def check(c):
        s = search_score(make(c), items["check"])
        return (s, facts_score(assistant, c, items["check"])) if assistant else s

    final, verdicts = _check_decides(check, start, fitted, [m[0] for m in moves])
    for name, verdict in verdicts.items():
        print(f"check {name}={getattr(fitted, name)}: {verdict}")
    _report_final(start, final, items, make, assistant, grids)
    return 0


def _check_decides(check, start, fitted, moved: Sequence[str]):
    """:func:`bench.fit_grounded.check_decides` with this fit's :func:`holds`: a moved value is kept only when the
    check does not fall with it alone and in the final combination."""
    return check_decides(check, start, fitted, keeps=holds, moved=moved)


def _report_final(start, final, items, make, assistant, grids) -> None:
    for half in ("tune", "check"):
        a, b = (search_score(make(c), items[half]) for c in (start, final))
        print(f"{half}: R@5 {a.recall:.3f} → {b.recall:.3f}, MRR-sum {a.rr:.2f} → {b.rr:.2f}")
        if assistant:
            fa, fb = (facts_score(assistant, c, items[half]) for c in (start, final))
            print(f"{half}: facts {fa.facts:.3f} → {fb.facts:.3f}, refusal {fa.refuse:.3f} → {fb.refuse:.3f}")
    print("final:", {n: getattr(final, n) for n in grids})


if __name__ == "__main__":
    sys.exit(main())
