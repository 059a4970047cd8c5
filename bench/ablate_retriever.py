"""Ablate the retriever's knobs: recall@5 and MRR@10 with each set to its neutral value, by half.

    python -m bench.ablate_retriever --data-dir DIR     # DIR as built by ``python -m bench.eval_sets``

A knob that changes nothing on the check half of any set is a candidate for removal (see CONTRIBUTING rules in the
team guide: judge a change by what it was not tuned on).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from bench.eval_sets import halves_of, use_index

#: Each knob and the value that switches it off.
NEUTRAL = {"time_boost": 0.0, "opening_boost": 0.0, "answer_line_boost": 0.0, "title_boost": 0.0,
           "adaptive_diversity": False, "diversity": 1.0}


def measure(retriever, questions: list[dict]) -> tuple[float, float]:
    from retriever.evaluate import evidence_rank, group_hits

    recall, rr, n = 0.0, 0.0, 0
    for q in questions:
        if not q.get("evidence"):
            continue
        texts = [r.passage.text for r in retriever.search(q["question"], k=10)]
        recall += sum(group_hits(q["evidence"], texts[:5])) / len(q["evidence"])
        rank = evidence_rank(q["evidence"], texts)
        rr += 1.0 / rank if rank else 0.0
        n += 1
    return recall / max(n, 1), rr / max(n, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ablate_retriever")
    parser.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args(argv)
    use_index(args.data_dir)
    from retriever.hybrid import HybridRetriever, RetrieverConfig
    from retriever.service import open_retriever
    from settings import load_settings

    base = open_retriever(load_settings())
    halves = halves_of(("dev", "realdocs", "reworded"))
    configs = {"default": RetrieverConfig()}
    configs.update({f"{k}={v}": replace(RetrieverConfig(), **{k: v}) for k, v in NEUTRAL.items()})
    print(f"{'config':<28} {'tune R@5':>9} {'tune MRR':>9} {'check R@5':>10} {'check MRR':>10}")
    for label, config in configs.items():
        retriever = HybridRetriever(base.store, config)
        row = [measure(retriever, halves[h]) for h in ("tune", "check")]
        print(f"{label:<28} {row[0][0]:>9.3f} {row[0][1]:>9.3f} {row[1][0]:>10.3f} {row[1][1]:>10.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
