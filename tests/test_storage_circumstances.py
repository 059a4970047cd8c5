"""A full disk, a read-only file, a lock: named as such, never taken for damage, never quarantined or rebuilt
(issue 19, item 1)."""

from __future__ import annotations

import pytest

from errors import IndexDamaged, IndexStorageProblem
from index.chroma import storage_problem
from index.store import IndexStore
from ingest.pipeline import ingest_paths


def _failing_client(message: str):
    from chromadb.errors import InternalError

    def make(*_args, **_kwargs):
        raise InternalError(message)
    return make


@pytest.mark.parametrize("message, said", [
    ("error returned from database: (code: 13) database or disk is full", "ổ đĩa đầy"),
    ("error returned from database: (code: 8) attempt to write a readonly database", "không có quyền ghi"),
    ("error returned from database: (code: 5) database is locked", "tiến trình khác"),
])
def test_a_circumstance_is_named_and_nothing_is_moved(hashed_index, monkeypatch, message, said):
    settings, _ = hashed_index
    import chromadb

    monkeypatch.setattr(chromadb, "PersistentClient", _failing_client(message))
    with pytest.raises(IndexStorageProblem) as caught:
        IndexStore(settings).records()
    assert said in caught.value.user_message and not isinstance(caught.value, IndexDamaged)
    with pytest.raises(IndexStorageProblem):  # and ingest (which quarantines damage) moves nothing aside
        ingest_paths([settings.corpus_dir], settings, IndexStore(settings))
    assert not list(settings.data_dir.glob("chroma.broken-*"))
    assert (settings.chroma_dir / "chroma.sqlite3").is_file()


def test_proven_damage_is_still_damage(hashed_index, monkeypatch):
    settings, _ = hashed_index
    import chromadb

    monkeypatch.setattr(chromadb, "PersistentClient", _failing_client("file is not a database"))
    with pytest.raises(IndexDamaged):
        IndexStore(settings).records()


def test_another_database_error_is_neither_damage_nor_rebuilt(hashed_index, monkeypatch):
    settings, _ = hashed_index
    import chromadb

    monkeypatch.setattr(chromadb, "PersistentClient", _failing_client("no such column: foo (database)"))
    with pytest.raises(Exception) as caught:
        IndexStore(settings).records()
    assert not isinstance(caught.value, IndexDamaged)


def test_a_read_only_database_file_is_named_before_opening(hashed_index, monkeypatch):
    settings, _ = hashed_index
    import os

    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p).endswith("chroma.sqlite3") else real(p, mode))
    with pytest.raises(IndexStorageProblem) as caught:
        IndexStore(settings).records()
    assert "không có quyền ghi" in caught.value.user_message


def test_a_full_disk_while_writing_is_named(hashed_index, monkeypatch):
    settings, store = hashed_index
    from chromadb.errors import InternalError

    doc = store.get_document(next(iter(store.records())))
    passages = store.passages

    def full(*_a, **_k):
        raise InternalError("error returned from database: (code: 13) database or disk is full")

    monkeypatch.setattr(type(passages), "upsert", full)

    with pytest.raises(IndexStorageProblem) as caught:
        store.write_document(doc, store.embedder.embed_passages([p.text for p in doc.passages]))
    assert "ổ đĩa đầy" in caught.value.user_message


def test_a_data_folder_that_cannot_be_written_is_named_by_ingest(settings, monkeypatch):
    from pathlib import Path

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(IndexStorageProblem) as caught:
        ingest_paths([settings.corpus_dir], settings)
    assert "không có quyền ghi" in caught.value.user_message


def test_os_errors_by_number():
    assert storage_problem(OSError(28, "Không còn chỗ trống")).startswith("ổ đĩa đầy")
    assert storage_problem(OSError(30, "Read-only file system")).startswith("không có quyền ghi")
    assert storage_problem(OSError(2, "No such file")) == ""
