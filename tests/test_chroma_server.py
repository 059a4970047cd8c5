"""Client/server mode: a real `chroma run` server shared by two app instances; an unreachable server fails fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench.faults import HANG_SECONDS, ChromaServer, free_port
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    server = ChromaServer(tmp_path_factory.mktemp("chroma-server"))
    if not server.binary.exists():
        pytest.skip(f"chroma CLI not found at {server.binary}")
    try:
        server.start(timeout=60)
        yield server.port
    finally:
        server.stop()


def _server_settings(port: int, data_dir: Path):
    from settings import load_settings

    return load_settings({}, chroma_host="127.0.0.1", chroma_port=port, embedding_model="hashing:64",
                         data_dir=data_dir, corpus_dir=CORPUS)


@pytest.mark.slow
def test_ingest_and_search_through_server_shared_by_two_instances(chroma_server, tmp_path):
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths
    from retriever.hybrid import HybridRetriever

    first = _server_settings(chroma_server, tmp_path / "app1")
    store1 = IndexStore(first)
    assert store1.location() == f"Chroma 127.0.0.1:{chroma_server}"
    report = ingest_paths([CORPUS], first, store1)
    assert len(report.added) == 5 and not report.refused, report.summary()
    assert not (first.chroma_dir).exists(), "server mode must not create an embedded Chroma folder"

    results = HybridRetriever(store1).search("Những sở nào được kiểm tra trong quý III?", k=5)
    assert results and results[0].passage.text
    assert any("Kiên Giang" in (r.doc_metadata.get("tinh") or "") for r in results)

    # A second app instance: another data dir (no lexical cache yet), same server.
    second = _server_settings(chroma_server, tmp_path / "app2")
    store2 = IndexStore(second)
    assert set(store2.records()) == set(store1.records())
    assert store2.fingerprint() == store1.fingerprint()
    assert not second.lexical_dir.exists()
    state = store2.lexical()
    assert second.lexical_dir.is_dir(), "the second instance builds its own lexical cache"
    assert len(state.index) == report.passages
    again = HybridRetriever(store2).search("Những sở nào được kiểm tra trong quý III?", k=5)
    assert [r.passage.id for r in again] == [r.passage.id for r in results]

    # Ingesting the same files from the second instance changes nothing.
    report2 = ingest_paths([CORPUS], second, store2)
    assert len(report2.unchanged) == 5 and not report2.added


def test_unreachable_server_fails_fast_with_clear_message(tmp_path):
    from errors import IndexUnavailable
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths

    port = free_port()  # nothing listens there
    settings = _server_settings(port, tmp_path / "app")
    started = time.monotonic()
    with pytest.raises(IndexUnavailable) as info:
        store = IndexStore(settings)
        store.records()
    elapsed = time.monotonic() - started
    assert elapsed < HANG_SECONDS, f"took {elapsed:.1f} s"  # refused, not retried for minutes (a guard, not a speed)
    message = str(info.value)
    assert f"127.0.0.1:{port}" in message and "CHROMA_HOST" in message

    started = time.monotonic()
    with pytest.raises(IndexUnavailable):
        ingest_paths([CORPUS], settings, IndexStore(settings))
    assert time.monotonic() - started < HANG_SECONDS


@pytest.mark.slow
def test_rebuild_on_one_instance_is_followed_by_another(chroma_server, tmp_path):
    """Server mode: a rebuild swaps the pointer record; another instance keeps serving the old generation until its
    fingerprint check, then reads the new one (the old collections are gone)."""
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths
    from retriever.hybrid import HybridRetriever

    first = _server_settings(chroma_server, tmp_path / "app1").with_overrides(collection="rebuild_probe")
    second = first.with_overrides(data_dir=tmp_path / "app2")
    ingest_paths([CORPUS], first, IndexStore(first))
    reader = IndexStore(second)
    question = "Những sở nào được kiểm tra trong quý III?"
    before = [r.passage.text for r in HybridRetriever(reader).search(question, k=5)]
    old = reader.generation
    report = ingest_paths([CORPUS], first, IndexStore(first), rebuild=True)
    assert len(report.added) == 5
    assert reader.generation == old, "the reader has not looked yet"
    reader.freshness_seconds = 0
    after = [r.passage.text for r in HybridRetriever(reader).search(question, k=5)]
    assert reader.generation != old and after == before
    assert len(reader.records()) == 5
