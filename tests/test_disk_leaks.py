"""Issue 19, item 8: no leaks on disk. Every generation the pointer does not name is dropped by the next ingest or
rebuild, the vector folders of deleted collections are removed (never one a live collection uses), and temp files
a killed process left are cleaned when an ingest starts."""

from __future__ import annotations

import os
import time

from tests.conftest import CORPUS


def _names(store) -> set[str]:
    return {c.name for c in store.client.list_collections()}


def test_a_killed_rebuilds_generation_is_dropped_by_the_next_rebuild(hashed_index):
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths

    settings, store = hashed_index
    orphan = store.new_generation()  # a rebuild killed after it created its collections
    _ = orphan.passages, orphan.docs
    assert orphan.generation and any(orphan.generation in n for n in _names(store))
    ingest_paths([CORPUS], settings, IndexStore(settings), rebuild=True)
    assert not any(orphan.generation in n for n in _names(store))
    assert len(IndexStore(settings).records()) == 5


def test_the_first_generation_left_by_a_kill_mid_swap_is_dropped_by_the_next_ingest(hashed_index, monkeypatch):
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths

    settings, store = hashed_index
    built = store.new_generation()
    ingest_paths([CORPUS], settings, built)  # the rebuilt generation, complete
    built._pointer.upsert(ids=["active"], metadatas=[{"generation": built.generation}], documents=[built.generation],
                          embeddings=[[0.0]])  # the swap's one write, then the process dies before any drop
    assert settings.collection in _names(store)
    ingest_paths([CORPUS], settings, IndexStore(settings))
    names = _names(store)
    assert settings.collection not in names and settings.collection + "_docs" not in names
    assert len(IndexStore(settings).records()) == 5


def test_other_collections_are_never_dropped(hashed_index):
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths

    settings, store = hashed_index
    store.client.get_or_create_collection("ung-dung-khac")
    store.client.get_or_create_collection(settings.collection + "_gazette")
    ingest_paths([CORPUS], settings, IndexStore(settings), rebuild=True)
    assert {"ung-dung-khac", settings.collection + "_gazette"} <= _names(store)


def test_vector_folders_of_deleted_collections_are_removed_and_live_ones_kept(hashed_index):
    from index.chroma import live_segment_ids
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths

    settings, store = hashed_index
    for _ in range(3):
        ingest_paths([CORPUS], settings, IndexStore(settings), rebuild=True)
    folders = {p.name for p in settings.chroma_dir.iterdir() if p.is_dir()}
    assert folders <= live_segment_ids(settings.chroma_dir), "no folder of a deleted collection is left"
    fresh = IndexStore(settings)
    assert len(fresh.records()) == 5 and fresh.dense_search(fresh.embedder.embed_query("kiểm tra"), 3)


def test_remove_unused_segment_folders_touches_only_dead_segment_folders(hashed_index):
    from index.chroma import live_segment_ids, remove_unused_segment_folders

    settings, store = hashed_index
    _ = store.passages.count()
    live = {p.name for p in settings.chroma_dir.iterdir() if p.is_dir()}
    dead = settings.chroma_dir / "0d4b4e5f-e7de-4908-a43f-b7e211b24a46"
    dead.mkdir()
    (dead / "data_level0.bin").write_bytes(b"\0" * 100)
    mine = settings.chroma_dir / "ghi-chu-cua-toi"  # not named like a segment: not ours to remove
    mine.mkdir()
    assert remove_unused_segment_folders(settings.chroma_dir) == 1
    assert not dead.exists() and mine.is_dir()
    assert live <= {p.name for p in settings.chroma_dir.iterdir()} and live <= live_segment_ids(settings.chroma_dir)


def test_leftover_temp_files_are_cleaned_when_an_ingest_starts(hashed_index):
    from index.lexical_state import TEMP_MIN_AGE_SECONDS
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths

    settings, _ = hashed_index
    data = settings.data_dir
    killed_save = data / ".lexical-abc123"
    killed_save.mkdir()
    (killed_save / "weights.npz").write_bytes(b"x")
    old = time.time() - 2 * TEMP_MIN_AGE_SECONDS
    os.utime(killed_save, (old, old))
    running_save = data / ".lexical-def456"  # young: another process may be saving its cache right now
    running_save.mkdir()
    manifest_part = data / ".manifest.json.4242.part"
    manifest_part.write_text("{", encoding="utf-8")
    settings.uploads_dir.mkdir(parents=True, exist_ok=True)
    upload_part = settings.uploads_dir / ".ke-hoach.txt.part"
    upload_part.write_bytes(b"nua chung")
    ingest_paths([CORPUS], settings, IndexStore(settings))
    assert not killed_save.exists() and not manifest_part.exists() and not upload_part.exists()
    assert running_save.is_dir()
    assert (settings.lexical_dir / "meta.json").is_file()
