"""Ablate the grounded answerer's constants: answer figures with each :class:`GroundedConfig` value switched off or
varied, by half.

    python -m bench.ablate_grounded --data-dir DIR [--sets dev,realdocs,reworded,probes,newdocs] [--only NAME,…]
                                                     # DIR as built by ``python -m bench.eval_sets``

Each row: the share of fact groups within the first 1,200 characters of the answer (``facts``, the reference
scorer's budget), within the first 400 (``direct``), and the share of right refusal decisions (``refuse``), on the
tune and the check half. The search does not depend on these constants: each question is searched once and its
results reused by every configuration. A constant whose rows equal the default's on the check half of every set is a
candidate for removal (judge a change by what it was not tuned on); the lead decides.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import fields, replace
from pathlib import Path

from bench.eval_sets import halves_of, use_index

#: The reference scorer's budgets (``../shared/eval/score.py``): facts must appear within the first 1,200
#: characters; within the first 400 is reported beside it.
ANSWER_BUDGET, DIRECT_BUDGET = 1200, 400
#: Sets scored by default: every set but the fresh one (the honest judge nobody looks at while tuning).
DEFAULT_SETS = "dev,realdocs,reworded,probes,newdocs"
#: Each constant's values tried besides the default: the first switches it off (or makes it never act), the others
#: halve and double it.
OFF = {
    "rank_weight": 0.0, "section_weight": 0.0, "doc_weight": 0.0, "header_doc_weight": 0.0, "bigram_weight": 0.0,
    "type_bonus": 0.0, "list_bonus": 0.0, "boilerplate_factor": 1.0, "purpose_factor": 1.0, "title_factor": 1.0,
    "length_chars": 1e12, "support_min_share": 0.0, "doc_min_share": 0.0, "max_support_units": 0, "max_docs": 1,
    "max_quote_chars": 10**6, "max_line_chars": 10**6, "headed_max_chars": 0, "answer_context_chars": 0,
    "lead_switch_ratio": 1e12, "max_basis_lines": 1, "inline_direct_units": 0, "phrase_min_share": 1.01,
}


def variants(config) -> dict[str, object]:
    """``name=value`` → the configuration with that one value changed: off, half and double of each constant."""
    out: dict[str, object] = {}
    for f in fields(config):
        value = getattr(config, f.name)
        half, double = (max(value // 2, 0), value * 2) if isinstance(value, int) else (value / 2, value * 2)
        for v in dict.fromkeys((OFF[f.name], half, double)):
            if v != value:
                out[f"{f.name}={v:g}"] = replace(config, **{f.name: v})
    return out


class MemoRetriever:
    """A retriever that searches each (query, k, filters) once: the constants ablated act after the search."""

    def __init__(self, retriever) -> None:
        self._retriever = retriever
        self._seen: dict[tuple, list] = {}

    @property
    def store(self):
        return self._retriever.store

    def search(self, query, k=10, filters=None, analysis=None):
        key = (query, k, repr(filters))
        if key not in self._seen:
            self._seen[key] = self._retriever.search(query, k=k, filters=filters, analysis=analysis)
        return list(self._seen[key])  # the caller extends its list: the cached one stays as found


def measure(assistant, questions: list[dict]) -> tuple[tuple[float, float, float], list[str]]:
    """(facts within the answer budget, facts within the direct budget, right refusal decisions) over ``questions``,
    and the answers' texts (to count the answers a change changes)."""
    from retriever.evaluate import group_hits

    facts, direct, right, texts = [], [], 0, []
    for q in questions:
        answer = assistant.ask(q["question"])
        texts.append(answer.text)
        right += bool(answer.abstained) == bool(q.get("abstain"))
        if q.get("abstain") or not q.get("facts"):
            continue
        facts.append(sum(group_hits(q["facts"], [answer.text[:ANSWER_BUDGET]])) / len(q["facts"]))
        direct.append(sum(group_hits(q["facts"], [answer.text[:DIRECT_BUDGET]])) / len(q["facts"]))
    figures = (sum(facts) / max(len(facts), 1), sum(direct) / max(len(direct), 1), right / max(len(questions), 1))
    return figures, texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ablate_grounded")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--sets", default=DEFAULT_SETS)
    parser.add_argument("--only", default="", help="comma-separated constants to vary (default: all)")
    args = parser.parse_args(argv)
    use_index(args.data_dir)
    from assistant.grounded import GroundedConfig
    from assistant.service import Assistant
    from retriever.service import open_retriever
    from settings import load_settings

    settings = load_settings()
    retriever = MemoRetriever(open_retriever(settings))
    halves = halves_of(args.sets.split(","))
    configs = {"default": GroundedConfig(), **variants(GroundedConfig())}
    if args.only:
        wanted = args.only.split(",")
        configs = {k: v for k, v in configs.items() if k == "default" or k.split("=")[0] in wanted}
    print(f"sets {args.sets}: tune n={len(halves['tune'])}, check n={len(halves['check'])}")
    print(f"{'config':<30} {'tune facts':>10} {'direct':>7} {'refuse':>7} {'changed':>7} {'check facts':>11} "
          f"{'direct':>7} {'refuse':>7} {'changed':>7}")
    baseline: dict[str, list[str]] = {}
    for label, config in configs.items():
        assistant = Assistant(settings, retriever, grounded=config)
        cells = []
        for half in ("tune", "check"):
            figures, texts = measure(assistant, halves[half])
            baseline.setdefault(half, texts)
            changed = sum(a != b for a, b in zip(texts, baseline[half]))  # answers whose text differs from default
            cells.append(" ".join(f"{x:>7.3f}" for x in figures) + f" {changed:>7d}")
        print(f"{label:<30} {'':>3}{cells[0]} {'':>4}{cells[1]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
