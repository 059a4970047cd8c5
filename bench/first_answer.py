"""Time from a fresh start to the first answer, and warm answer latency (issue 5).

    python -m bench.first_answer [--questions ../shared/eval/dev.jsonl]

Steps, each in a fresh process where it matters, with a new empty DATA_DIR:
1. ``python -m ingest`` on the bundled corpus (what ``make run`` does before starting the app);
2. a new process opens the assistant (model load, BM25 cache load) and answers one question: cold first answer;
3. the same process answers every question of the set: warm answer latency p50/p95.
Results: bench/results/first_answer.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "first_answer.json"
FIRST_QUESTION = "Những sở nào được kiểm tra trong quý III?"

_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from assistant.service import open_assistant
from settings import load_settings
assistant = open_assistant(load_settings())
t_open = time.perf_counter()
assistant.ask(sys.argv[1])
t_first = time.perf_counter()
warm = []
for q in json.loads(sys.argv[2]):
    t = time.perf_counter(); assistant.ask(q); warm.append((time.perf_counter() - t) * 1000)
print(json.dumps({"open_s": t_open - t0, "first_answer_s": t_first - t_open, "warm_ms": warm}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", default=str(ROOT.parent / "shared" / "eval" / "dev.jsonl"))
    args = parser.parse_args()
    questions = [json.loads(line)["question"] for line in open(args.questions, encoding="utf-8") if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATA_DIR": tmp}
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ingest"], cwd=ROOT, env=env, check=True, capture_output=True)
        ingest_s = time.perf_counter() - t
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _CHILD, FIRST_QUESTION, json.dumps(questions)], cwd=ROOT,
                             env=env, check=True, capture_output=True, text=True)
        child_s = time.perf_counter() - t
    row = json.loads(out.stdout.strip().splitlines()[-1])
    warm = sorted(row["warm_ms"])
    result = {
        "command": "python -m bench.first_answer",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "index_build_s": round(ingest_s, 2),
        "process_start_to_first_answer_s": round(child_s - sum(row["warm_ms"]) / 1000, 2),
        "open_assistant_s": round(row["open_s"], 2),
        "first_answer_s": round(row["first_answer_s"], 2),
        "fresh_start_to_first_answer_s": round(ingest_s + child_s - sum(row["warm_ms"]) / 1000, 2),
        "warm_answer_ms": {"n": len(warm), "p50": round(statistics.median(warm), 1),
                           "p95": round(warm[min(len(warm) - 1, int(0.95 * len(warm)))], 1)},
        "note": "make run = ingest + streamlit; Streamlit's own start (≈2 s) is not included.",
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
