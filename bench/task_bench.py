"""Answer time of task questions at a given index size (issue 22 target: p95 ≤ 300 ms at 10k passages).

    python -m bench.task_bench [--passages 10000] [--repeats 5] [--data-dir /tmp/x-tasks]

The index is the schedule bench's (:func:`bench.schedule_bench.build`: the bundled corpus, the schedule fixtures and
synthetic documents grown from the corpus, hashing embedder). Task facts are the index's own
(``LexicalState.derived["tasks"]``) when ingest extracts them; until then they are the hand-made facts of the bundled
plan's appendix (:mod:`tests.task_rows`) for every document holding rows in its form (the bundled plan and its
synthetic copies), so the facts grow with the index. Times are of :meth:`Assistant.ask` after the app's warm-up
(:meth:`Assistant.warm_up`: the facts and the texts their rows are quoted from, read once per lexical state) and one
question.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import date
from pathlib import Path

QUESTIONS = (
    "Sở Tài chính chủ trì những nhiệm vụ nào?",
    "so noi vu chu tri nhung nhiem vu nao trong quy I/2021",
    "Nhiệm vụ nào đến hạn trong tháng 01/2021?",
    "Những việc nào phải xong trước ngày 15/02/2021?",
    "Nhiệm vụ nào sắp đến hạn?",
    "Sở TT&TT phối hợp những nhiệm vụ nào?",
    "Sở Y tế chủ trì những nhiệm vụ nào?",
)
#: The day "sắp đến hạn" counts from in the bench (inside the bundled plan's year, so the answer lists tasks).
TODAY = date(2021, 1, 10)


def _hand_made_facts(store) -> dict[str, str]:
    """doc_id → task facts (JSON) read from the rows of every document in the bundled appendix's form."""
    from index.task_facts import tasks_to_json
    from tests.task_rows import bundled_plan

    out = {}
    for doc_id in store.records():
        doc = store.get_document(doc_id)
        if doc is not None and "\nCơ quan chủ trì: " in doc.text:
            raw = tasks_to_json(bundled_plan(doc.text, doc_id))
            if raw:
                out[doc_id] = raw
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="build the index here, or reuse the one a previous run built (default: a temporary one)")
    args = parser.parse_args(argv)
    if args.data_dir is not None:
        return _run(args.data_dir, args)
    with tempfile.TemporaryDirectory() as tmp:
        return _run(Path(tmp), args)


def _open(folder: Path, passages: int):
    """The bench index in ``folder``: built there once (:func:`bench.schedule_bench.build`), reused after."""
    from bench import schedule_bench
    from settings import load_settings

    if (folder / "data").is_dir():
        settings = load_settings({}, embedding_model="hashing:64", data_dir=folder / "data",
                                 corpus_dir=folder / "corpus")
        return settings, {"reused": str(folder)}
    return schedule_bench.build(folder, passages)


def _run(folder: Path, args) -> int:
    import assistant.tasks as tasks
    from assistant.service import open_assistant
    from bench import schedule_bench

    t0 = time.perf_counter()
    settings, info = _open(folder, args.passages)
    info["build_s"] = round(time.perf_counter() - t0, 1)
    assistant = open_assistant(settings)
    records = assistant.store.records()
    info["documents"], info["passages"] = len(records), sum(r.n_passages for r in records.values())
    assistant.clock = lambda: TODAY
    own = tasks._raw_tasks(assistant.store.lexical())
    info["facts"] = "index" if own else "hand-made (tests.task_rows)"
    if not own:
        served = _hand_made_facts(assistant.store)
        tasks._raw_tasks = lambda state: served
    t0 = time.perf_counter()
    assistant.warm_up()  # as the app does when it opens: the facts and the texts their rows are quoted from
    info["warm_up_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    info["plans_with_tasks"] = len(assistant.task_plans())
    info["tasks"] = sum(len(p.tasks) for p in assistant.task_plans())
    t0 = time.perf_counter()
    assistant.ask(QUESTIONS[0])
    info["first_answer_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    info["warm"] = schedule_bench.timed(assistant, args.repeats, QUESTIONS)
    assistant.store.freshness_seconds = 0.0
    info["records_checked_each_time"] = schedule_bench.timed(assistant, args.repeats, QUESTIONS)
    print(json.dumps(info, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
