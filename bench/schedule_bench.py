"""Answer time of schedule questions at a given index size (issue 14 target: p95 ≤ 300 ms at 10k passages).

    python -m bench.schedule_bench [--passages 10000] [--repeats 5]

The index holds the bundled corpus and the schedule fixtures, plus synthetic documents grown from the corpus
(:mod:`bench.synth`: the inspection plans among them carry their own schedules, so the facts grow with the index)
written in the exact format of an ingest (:func:`bench.run_bench.bulk_write`). Vectors come from the test-only
hashing embedder: schedule answers read facts, not vectors. Times are of :meth:`Assistant.ask` after one warm-up
call (which loads the facts once per lexical state).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

QUESTIONS = (
    "Những sở nào được kiểm tra trong quý III?",
    "so nao duoc kiem tra Q3 2021",
    "quý 4 Hà Nam kiểm tra đơn vị nào",
    "Sở Y tế được kiểm tra khi nào?",
    "Những đơn vị nào được kiểm tra trong 6 tháng cuối năm 2030?",
    "Những sở nào được kiểm tra trong quý I năm 2031?",
)
ROOT = Path(__file__).resolve().parents[1]


def build(data: Path, passages: int) -> tuple[object, dict]:
    from bench.run_bench import bulk_write
    from bench.synth import CorpusSynth
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths
    from settings import load_settings

    corpus = data / "corpus"
    corpus.mkdir(parents=True)
    for f in list((ROOT / "corpus").iterdir()) + list((ROOT / "tests/fixtures/schedules").iterdir()):
        if f.suffix in (".txt", ".docx"):
            shutil.copy(f, corpus / f.name)
    settings = load_settings({}, embedding_model="hashing:64", data_dir=data / "data", corpus_dir=corpus)
    store = IndexStore(settings)
    ingest_paths([corpus], settings, store)
    have = sum(r.n_passages for r in store.records().values())
    batch = []
    for sd in CorpusSynth().documents(max(0, passages - have)):
        batch.append((sd.document, store.embedder.embed_passages([p.text for p in sd.document.passages])))
        if len(batch) >= 50:
            bulk_write(store, batch)
            batch = []
    if batch:
        bulk_write(store, batch)
    records = store.records()
    info = {"documents": len(records), "passages": sum(r.n_passages for r in records.values()),
            "plans_with_schedule": len(store.schedules(records))}
    return settings, info


def timed(assistant, repeats: int, questions=QUESTIONS) -> dict:
    """p50/p95/max of :meth:`Assistant.ask` over the questions, asked ``repeats`` times each."""
    times, modes, lengths = [], set(), []
    for _ in range(repeats):
        for q in questions:
            t0 = time.perf_counter()
            answer = assistant.ask(q)
            times.append((time.perf_counter() - t0) * 1000)
            modes.add(answer.mode)
            lengths.append(len(answer.text))
    times.sort()
    return {"answers": len(times), "modes": sorted(modes), "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1), "max_ms": round(times[-1], 1),
            "longest_answer_chars": max(lengths)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    from assistant.service import open_assistant

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        settings, info = build(Path(tmp), args.passages)
        info["build_s"] = round(time.perf_counter() - t0, 1)
        assistant = open_assistant(settings)
        t0 = time.perf_counter()
        assistant.ask(QUESTIONS[0])
        info["first_answer_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        info["warm"] = timed(assistant, args.repeats)
        # every question re-reads the document records from Chroma (as after another instance's ingest)
        assistant.store.freshness_seconds = 0.0
        info["records_checked_each_time"] = timed(assistant, args.repeats)
    print(json.dumps(info, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
