"""Issue 11: every probe of the fault report holds (small files), plus the mechanisms behind them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from bench import faults
from tests.conftest import CORPUS

#: Every probe starts processes or rebuilds an index: the whole file is in the slow tier.
pytestmark = pytest.mark.slow

QUICK_PROBES = [name for name in faults.PROBES if name != "Chroma server stops under a running search"]


@pytest.mark.parametrize("name", QUICK_PROBES)
def test_fault_probe_holds(name, tmp_path):
    result = faults.run_probe(name, tmp_path, quick=True)
    assert result.ok, result.outcome


@pytest.mark.slow
def test_search_cli_survives_a_chroma_server_restart(tmp_path):
    if not (faults.ChromaServer(tmp_path).binary.exists()):
        pytest.skip("chroma CLI not installed")
    result = faults.run_probe("Chroma server stops under a running search", tmp_path, quick=True)
    assert result.ok, result.outcome


# -- mechanisms --------------------------------------------------------------------------------------------------
def test_rebuilt_generation_is_followed_by_a_store_opened_before_the_swap(hashed_index):
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths
    from retriever.hybrid import HybridRetriever

    settings, store = hashed_index
    reader = IndexStore(settings)  # another reader, its collections cached before the rebuild
    before = [r.passage.text for r in HybridRetriever(reader).search(faults.QUESTION, k=5)]
    old_generation = reader.generation
    report = ingest_paths([CORPUS], settings, IndexStore(settings), rebuild=True)
    assert len(report.added) == 5
    reader.freshness_seconds = 0  # its next search checks the fingerprint, as it would after a few seconds
    after = [r.passage.text for r in HybridRetriever(reader).search(faults.QUESTION, k=5)]
    assert reader.generation != old_generation
    assert after == before
    names = {c.name for c in reader.client.list_collections()}
    assert settings.collection not in names, "the replaced generation is dropped"


def test_rebuild_that_stores_nothing_keeps_the_old_index(hashed_index, tmp_path):
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths

    settings, store = hashed_index
    (tmp_path / "rong.txt").write_text("  \n", encoding="utf-8")
    report = ingest_paths([tmp_path / "rong.txt"], settings, IndexStore(settings), rebuild=True)
    assert "giữ nguyên chỉ mục cũ" in report.summary()
    assert len(IndexStore(settings).records()) == 5
    assert report.exit_status() == 2


def test_rebuild_may_change_the_embedder(hashed_index):
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths

    settings, _ = hashed_index
    other = settings.with_overrides(embedding_model="hashing:32")
    ingest_paths([CORPUS], other, IndexStore(other), rebuild=True)
    assert IndexStore(other).embedder_name_in_index() == "hashing:32"


def test_manifest_lists_every_document_with_its_file(hashed_index):
    import json

    settings, store = hashed_index
    data = json.loads(settings.manifest_path.read_text(encoding="utf-8"))
    rows = {d["doc_id"]: d for d in data["documents"]}
    assert set(rows) == set(store.records())
    assert {Path(d["path"]) for d in rows.values()} == {p.resolve() for p in CORPUS.iterdir()}
    assert {d["version"] for d in rows.values()} == {r.version for r in store.records().values()}


def test_delete_takes_the_lock_and_updates_the_manifest(hashed_index):
    from errors import IngestBusy
    from index.manifest import read_manifest
    from ingest.pipeline import delete_documents, ingest_lock

    settings, store = hashed_index
    victim = sorted(store.records())[0]
    with ingest_lock(settings), pytest.raises(IngestBusy):
        delete_documents([victim], settings, store)
    assert victim in store.records()
    assert delete_documents([victim], settings, store) == 1
    assert victim not in {d["doc_id"] for d in read_manifest(settings)}


def test_docx_limit_uses_declared_sizes_in_seconds(tmp_path):
    from errors import DocumentError
    from ingest.loaders import load_file

    bomb = faults._zip_bomb(tmp_path / "b.docx", 2)
    assert "Cải cách hành chính" in load_file(bomb).text[:200], "a readable Word file: only its size is refused"
    with pytest.raises(DocumentError, match="MAX_UNZIPPED_MB"):
        load_file(bomb, max_unzipped_bytes=1024 * 1024)
    with zipfile.ZipFile(bomb) as z:
        assert sum(i.file_size for i in z.infolist()) > 1024 * 1024 > bomb.stat().st_size


def test_missing_path_and_link_outside_are_refused_with_reasons(tmp_path):
    from ingest.pipeline import collect_files

    inside = tmp_path / "kho"
    inside.mkdir()
    (inside / "a.txt").write_text("Kế hoạch", encoding="utf-8")
    (tmp_path / "ngoai.txt").write_text("bí mật", encoding="utf-8")
    (inside / "b.txt").symlink_to(tmp_path / "ngoai.txt")
    files, refused = collect_files([inside, inside / "b.txt", tmp_path / "khong-co"])
    assert files == [(inside / "a.txt").resolve()]
    reasons = [r for _, r in refused]
    assert sum("ngoài thư mục" in r for r in reasons) == 2 and any("không tìm thấy" in r for r in reasons)


def test_progress_callbacks_of_three_arguments_still_work(settings, store, tmp_path):
    from ingest.pipeline import ingest_paths

    (tmp_path / "a.txt").write_text(faults.GOOD_TEXT.format(tinh="Cà Mau", so="1"), encoding="utf-8")
    seen = []
    ingest_paths([tmp_path / "a.txt"], settings, store, progress=lambda d, t, f: seen.append((d, t)))
    assert seen[-1] == (1, 1)


def test_first_start_rebuilds_a_damaged_database_from_the_manifest_and_says_so(hashed_index, tmp_path):
    from errors import IndexDamaged
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths
    from ingest.service import DocumentLibrary
    from retriever.service import open_retriever

    settings, _ = hashed_index
    upload = tmp_path / "uploads" / "tai-len.txt"
    upload.parent.mkdir()
    upload.write_text(faults.GOOD_TEXT.format(tinh="Cà Mau", so="12"), encoding="utf-8")
    ingest_paths([upload.parent], settings, IndexStore(settings))
    with open(settings.chroma_dir / "chroma.sqlite3", "r+b") as handle:
        handle.write(b"\x00" * 100)
    with pytest.raises(IndexDamaged, match="python -m ingest"):
        open_retriever(settings)  # a read path: says what to do, builds nothing
    store = IndexStore(settings)
    notice = DocumentLibrary(settings, store).ensure_index()  # the app's first start
    retriever = open_retriever(settings, store)
    assert "bị hỏng" in notice and "manifest" in notice
    assert len(store.records()) == 6, "the upload, listed in the manifest only, is back"
    assert list(settings.data_dir.glob("chroma.broken-*"))
    assert retriever.search(faults.QUESTION, k=3)
