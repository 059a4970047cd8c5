"""Damaged derived caches are rebuilt from Chroma; passages of an interrupted write are never served."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

QUESTION = "Những sở nào được kiểm tra trong quý III?"


def _search(store, query=QUESTION):
    from retriever.hybrid import HybridRetriever

    return HybridRetriever(store).search(query, k=5)


def _ids(results):
    return [r.passage.id for r in results]


@pytest.mark.parametrize("name, garbage", [
    ("meta.json", b"{ this is not json \x00\xff"),
    ("meta.json", json.dumps({"format": 2, "ids": ["x"], "vocab": {}, "k1": 1.2, "b": 0.75}).encode()),
    ("weights.npz", b"PK\x03\x04 garbage, not a zip archive"),
    ("passages.json", b"[1, 2"),
    ("restore.json", b"\xff\xfe\x00"),
])
def test_corrupt_lexical_cache_is_rebuilt(hashed_index, name, garbage):
    from index.store import IndexStore

    settings, store = hashed_index
    expected = _ids(_search(store))
    assert expected
    n = len(store.lexical().index)
    (settings.lexical_dir / name).write_bytes(garbage)

    fresh = IndexStore(settings)  # a restarted app: nothing in memory
    results = _search(fresh)
    assert _ids(results) == expected
    assert len(fresh.lexical().index) == n
    assert any("Dựng lại chỉ mục từ khóa" in m for m in fresh.messages), fresh.messages
    # the rebuilt cache is sound again: the next instance loads it without a message
    again = IndexStore(settings)
    assert _ids(_search(again)) == expected
    assert again.messages == []


def test_deleted_lexical_dir_is_rebuilt(hashed_index):
    from index.store import IndexStore

    settings, store = hashed_index
    expected = _ids(_search(store))
    shutil.rmtree(settings.lexical_dir)
    fresh = IndexStore(settings)
    assert _ids(_search(fresh)) == expected
    assert any("chưa có" in m for m in fresh.messages), fresh.messages
    assert (settings.lexical_dir / "meta.json").is_file()


def test_stale_lexical_cache_of_another_fingerprint_is_rebuilt(hashed_index):
    from index.store import IndexStore

    settings, store = hashed_index
    meta_path = settings.lexical_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["fingerprint"] = "0" * 16
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    fresh = IndexStore(settings)
    assert _search(fresh)
    assert any("cũ hơn Chroma" in m for m in fresh.messages), fresh.messages


def test_passages_of_an_interrupted_write_are_ignored_and_dropped(hashed_index):
    from index.store import IndexStore, index_text
    from ingest.document import build_document

    settings, store = hashed_index
    records = store.records()
    doc_id = sorted(records)[0]
    old = store.get_document(doc_id)
    n_before = store.passages.count()
    lexical_before = len(store.lexical().index)
    marker = "Zyxwvut Qưertyông"  # words found nowhere else
    extra = f"\n\nIV. PHỤ LỤC MỚI\n\n{marker} là nội dung chỉ có trong bản mới."
    new = build_document(doc_id, old.source, old.text + extra, digest="f" * 64)
    version = "f" * 12
    assert version != records[doc_id].version
    vectors = store.embedder.embed_passages([index_text(p, {**new.metadata, **p.metadata}) for p in new.passages])
    metas = [{"doc_id": doc_id, "version": version, "section": p.section, "kind": p.kind, "start": p.start,
              "end": p.end, "tinh": new.metadata.get("tinh", ""), "nam": new.metadata.get("nam", "")}
             for p in new.passages]
    ids = [f"{doc_id}@{version}#{i}" for i in range(len(new.passages))]
    # the write stops here: passages of the new version, no document record
    store.passages.upsert(ids=ids, embeddings=np.asarray(vectors).tolist(), documents=[p.text for p in new.passages],
                          metadatas=metas)
    # and passages of a document that has no record at all
    store.passages.upsert(ids=["ghost@000000000000#0"], embeddings=[np.asarray(vectors[0]).tolist()],
                          documents=[f"{marker} ma"], metadatas=[{"doc_id": "ghost", "version": "000000000000",
                                                                  "section": "", "kind": "text", "start": 0,
                                                                  "end": 10}])
    assert store.passages.count() == n_before + len(ids) + 1
    assert store.records()[doc_id].version == records[doc_id].version, "the record still names the old version"

    fresh = IndexStore(settings)
    assert len(fresh.lexical().index) == lexical_before
    for mode in ("hybrid", "lexical", "dense"):
        from retriever.hybrid import HybridRetriever

        for query in (marker, QUESTION):
            for r in HybridRetriever(fresh).search(query, k=10, mode=mode):
                assert "@" + version not in r.passage.id and not r.passage.id.startswith("ghost"), (mode, r)
                assert marker not in r.passage.text
    assert fresh.get_document(doc_id).text == old.text

    dropped = fresh.drop_orphans()
    assert dropped == len(ids) + 1
    assert fresh.passages.count() == n_before
    assert fresh.drop_orphans() == 0
    assert _search(fresh)
