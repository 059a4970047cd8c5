"""Readers in threads, one ingest at a time, searches while an ingest runs."""

from __future__ import annotations

import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import CORPUS, ROOT

QUERIES = [
    "Những sở nào được kiểm tra trong quý III?",
    "kinh phi kiem tra cchc",
    "Sở Nội vụ có nhiệm vụ gì?",
    "Thời gian kiểm tra của Hà Nội năm 2021",
    "Kế hoạch 36/KH-UBND Kiên Giang",
    "Quảng Bình kiểm tra cải cách hành chính quý II",
    "dịch vụ công trực tuyến",
    "Đối tượng kiểm tra trực tiếp ở Hà Nam",
]

BUSY_MESSAGE = "Một lượt nạp văn bản khác đang chạy trên cùng thư mục dữ liệu"


def _ids(results) -> list[tuple[str, float]]:
    return [(r.passage.id, round(r.score, 9)) for r in results]


def test_parallel_searches_match_serial(hashed_index):
    from retriever.hybrid import HybridRetriever

    _, store = hashed_index
    retriever = HybridRetriever(store)
    serial = {q: _ids(retriever.search(q, k=5)) for q in QUERIES}
    assert all(serial.values())
    work = QUERIES * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda q: (q, _ids(retriever.search(q, k=5))), work))
    for q, got in parallel:
        assert got == serial[q], q


def test_parallel_searches_on_a_cold_store(hashed_index):
    """Eight threads hitting a store whose lexical cache is not loaded yet all get the same answer."""
    from index.store import IndexStore
    from retriever.hybrid import HybridRetriever

    settings, warm = hashed_index
    expected = _ids(HybridRetriever(warm).search(QUERIES[0], k=5))
    cold = HybridRetriever(IndexStore(settings))
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda _: _ids(cold.search(QUERIES[0], k=5)), range(16)))
    assert all(g == expected for g in got)


def test_second_ingest_is_refused_while_lock_held_in_thread(settings, store):
    from errors import IngestBusy
    from ingest.pipeline import ingest_lock, ingest_paths

    holding, release = threading.Event(), threading.Event()

    def hold():
        with ingest_lock(settings):
            holding.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert holding.wait(10)
        with pytest.raises(IngestBusy) as info:
            ingest_paths([CORPUS], settings, store)
        # told while the lock is still held: an ingest that waited for it would run once it is let go, not refuse
        assert holder.is_alive(), "the second ingest is told at once, it does not wait"
        assert BUSY_MESSAGE in str(info.value)
        assert "thử lại" in str(info.value)
    finally:
        release.set()
        holder.join(10)
    report = ingest_paths([CORPUS], settings, store)  # lock released: works again
    assert len(report.added) == 5


#: A process that takes the ingest lock, says so on stdout, and holds it until its stdin is closed.
_HOLD_LOCK = """
import sys
from pathlib import Path
from ingest.pipeline import ingest_lock
from settings import load_settings
with ingest_lock(load_settings({}, data_dir=Path(sys.argv[1]))):
    print("holding", flush=True)
    sys.stdin.read()
"""


def test_second_ingest_is_refused_while_lock_held_in_other_process(settings, store):
    """Driven by the holder's messages, not by a timeout: it prints once it holds the lock, and lets go when its
    stdin is closed (a crash closes its stdout, so ``readline`` never waits for nothing)."""
    from errors import IngestBusy
    from ingest.pipeline import ingest_paths

    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(settings.data_dir)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding", "the helper process did not take the lock"
        before = {k: r.version for k, r in store.records().items()}
        with pytest.raises(IngestBusy) as info:
            ingest_paths([CORPUS], settings, store)
        assert BUSY_MESSAGE in str(info.value)
        assert {k: r.version for k, r in store.records().items()} == before, "a refused ingest writes nothing"
    finally:
        holder.stdin.close()
        holder.wait()
    assert holder.returncode == 0
    report = ingest_paths([CORPUS], settings, store)  # the holder is gone: the lock is free again
    assert len(report.added) == 5


def test_searches_keep_working_during_an_ingest(hashed_index, corpus_copy):
    from ingest.pipeline import ingest_paths
    from retriever.hybrid import HybridRetriever

    settings, store = hashed_index
    for f in corpus_copy.iterdir():  # new content, so the copies are ingested rather than refused as duplicates
        f.write_text(f.read_text(encoding="utf-8") + "\n\nBản sao dùng cho kiểm thử đồng thời.\n", encoding="utf-8")
    store.freshness_seconds = 0.0  # check Chroma on every search: the most contention
    retriever = HybridRetriever(store)
    errors: list[BaseException] = []
    counts: list[int] = []
    done = threading.Event()
    reports = []

    def ingest():
        try:
            reports.append(ingest_paths([corpus_copy], settings, store))
        except BaseException as exc:  # noqa: BLE001 - any failure in the thread is reported by the test
            errors.append(exc)
        finally:
            done.set()

    def search_loop():
        i = 0
        while not done.is_set() or i < 3:
            try:
                counts.append(len(retriever.search(QUERIES[i % len(QUERIES)], k=5)))
            except BaseException as exc:  # noqa: BLE001 - any failure in the thread is reported by the test
                errors.append(exc)
                return
            i += 1

    threads = [threading.Thread(target=ingest), threading.Thread(target=search_loop)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    assert reports and len(reports[0].added) == 5, reports[0].summary() if reports else "no report"
    assert len(counts) >= 3 and all(c > 0 for c in counts)
    assert len(store.records()) == 10
