"""Exact against approximate dense candidates (session 22, D22; ``DENSE_SEARCH``): time per search, memory, and how
often the two lists differ, on an existing index.

    CORPUS_DIR=/tmp/X/corpus DATA_DIR=/tmp/X/data python -m bench.dense_search QUESTIONS.txt [--scale 50000]

For each question (one a line) in one process: the whole search (:meth:`HybridRetriever.search`, k 5) under each
setting, the dense call alone (Chroma's HNSW query against :meth:`IndexStore.exact_dense_search`), whether the 60
candidates and their similarities agree, and the one read of the stored vectors (time, bytes). ``--scale N`` also
times the exact top 60 over N random unit vectors of the index's length, for an index larger than ours.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np

#: Searches timed per question and setting (the median is reported; the first of a process is a warm-up).
REPEATS = 3


def _candidates() -> int:
    """Dense candidates per search: the retriever's own (``RetrieverConfig.candidates``), read when a run starts."""
    from retriever.hybrid import RetrieverConfig

    return RetrieverConfig().candidates


def _median_ms(call, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def scaled(n: int, dim: int, seed: int = 0) -> dict[str, float]:
    """Time and memory of the exact top 60 over ``n`` random unit vectors (a store's matrix, without Chroma)."""
    from index.store import IndexStore

    rng = np.random.default_rng(seed)
    matrix = rng.standard_normal((n, dim), dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    present = np.ones(n, bool)

    class _State:  # what exact_dense_search reads of a state
        class index:  # noqa: N801 - mirrors LexicalState.index
            ids = [str(i) for i in range(n)]

        @staticmethod
        def memo(_key, _compute):
            return matrix, present

    store = IndexStore.__new__(IndexStore)
    query = rng.standard_normal(dim).astype(np.float32)
    candidates = _candidates()
    store.exact_dense_search(_State, query, candidates)
    return {"passages": n, "ms": _median_ms(lambda: store.exact_dense_search(_State, query, candidates), 10),
            "mb": matrix.nbytes / 2**20}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dense_search", description=__doc__.split("\n")[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--scale", type=int, default=0, help="also time the exact top over this many vectors")
    args = parser.parse_args(argv)
    from index.store import IndexStore
    from retriever.hybrid import HybridRetriever, RetrieverConfig
    from settings import DenseSearch, load_settings

    candidates = RetrieverConfig().candidates

    questions = [q for q in args.questions.read_text(encoding="utf-8").splitlines() if q.strip()]
    settings = load_settings()
    stores = {mode: IndexStore(settings.with_overrides(dense_search=mode)) for mode in DenseSearch}
    exact_store = stores["exact"]
    state = exact_store.lexical()
    start = time.perf_counter()
    matrix, _present = exact_store.dense_vectors(state)
    read_s = time.perf_counter() - start
    retrievers = {mode: HybridRetriever(store) for mode, store in stores.items()}
    for retriever in retrievers.values():
        retriever.search(questions[0], k=5)  # warm-up: the lexical state, the embedder, the vectors
    search_ms = {mode: [] for mode in retrievers}
    dense_ms = {mode: [] for mode in retrievers}
    differ = moved = 0
    for question in questions:
        for mode, retriever in retrievers.items():
            search_ms[mode].append(_median_ms(lambda r=retriever, q=question: r.search(q, k=5)))
        vector = exact_store.embedder.embed_query(question)
        dense_ms["approximate"].append(_median_ms(lambda v=vector: stores["approximate"].dense_search(v, candidates)))
        dense_ms["exact"].append(_median_ms(lambda v=vector: exact_store.exact_dense_search(state, v, candidates)))
        approximate = {pid: s for pid, s in stores["approximate"].dense_search(vector, candidates) if pid in state.meta}
        exact = dict(exact_store.exact_dense_search(state, vector, candidates))
        differ += set(approximate) != set(exact)
        moved += max((abs(s - exact[pid]) for pid, s in approximate.items() if pid in exact), default=0.0) > 1e-5
    print(f"index: {len(state.index.ids)} passages; vectors read once per state: {read_s:.2f} s, "
          f"{matrix.nbytes / 2**20:.1f} MB ({matrix.shape[1]} floats each)")
    print(f"{len(questions)} questions, median of {REPEATS} per question, ms:")
    print(f"{'':12} {'search mean':>12} {'search median':>14} {'dense mean':>11}")
    for mode in retrievers:
        print(f"{mode:12} {statistics.mean(search_ms[mode]):12.1f} {statistics.median(search_ms[mode]):14.1f} "
              f"{statistics.mean(dense_ms[mode]):11.2f}")
    print(f"candidate sets differing (approximate vs exact): {differ} of {len(questions)}; "
          f"a shared candidate's similarity off by > 1e-5: {moved}")
    if args.scale:
        got = scaled(args.scale, matrix.shape[1])
        print(f"exact top {candidates} over {got['passages']} random vectors: {got['ms']:.1f} ms, {got['mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
