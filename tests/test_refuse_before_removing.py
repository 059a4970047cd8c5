"""Operations refuse before they remove (issue 19, item 2): a missing folder prunes nothing, a large removal waits
for confirmation, a rebuild re-reads every document the index names even without a manifest, and a rebuild or a
recovery that cannot re-read a document keeps it unless the user confirms."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from errors import IndexDamaged
from index.store import IndexStore
from ingest.pipeline import ingest_paths, rebuild_sources


def _sources(store):
    return sorted(r.source for r in store.records().values())


@pytest.fixture
def library(hashed_index, tmp_path):
    """The bundled corpus (from a writable copy), two files of another folder and one upload: 8 documents."""
    settings, _ = hashed_index
    corpus = tmp_path / "corpus-copy"
    shutil.copytree(settings.corpus_dir, corpus)
    settings = dataclasses.replace(settings, corpus_dir=corpus)
    store = IndexStore(settings)
    other = tmp_path / "khac"
    other.mkdir()
    (other / "kh-1.txt").write_text("KẾ HOẠCH\nKiểm tra cải cách hành chính tại Sở Tư pháp trong quý II.\n",
                                    encoding="utf-8")
    (other / "kh-2.txt").write_text("THÔNG BÁO\nKết quả kiểm tra công tác cải cách hành chính năm 2022.\n",
                                    encoding="utf-8")
    settings.uploads_dir.mkdir(parents=True)
    (settings.uploads_dir / "tai-len.txt").write_text("BÁO CÁO\nCải cách thủ tục hành chính quý III.\n",
                                                      encoding="utf-8")
    report = ingest_paths([corpus, other, settings.uploads_dir], settings, store, rebuild=True, confirm=True)
    assert report.stored == 8, report.summary()
    return settings, store, corpus, other


def test_a_missing_folder_prunes_nothing(library):
    settings, store, corpus, _ = library
    before = _sources(store)
    shutil.rmtree(corpus)
    report = ingest_paths([corpus], settings, store, prune=True)
    assert _sources(store) == before and not report.removed
    assert any("Không gỡ văn bản nào" in n for n in report.notes)


def test_a_large_removal_waits_for_confirmation(library):
    settings, store, corpus, other = library
    for f in list(corpus.iterdir())[:3]:
        f.unlink()
    report = ingest_paths([corpus, other, settings.uploads_dir], settings, store, prune=True)
    assert len(report.held) == 3 and not report.removed and len(_sources(store)) == 8
    assert report.exit_status() == 1
    confirmed = ingest_paths([corpus, other, settings.uploads_dir], settings, store, prune=True, confirm=True)
    assert len(confirmed.removed) == 3 and len(_sources(store)) == 5


def test_a_small_removal_needs_no_confirmation(library):
    settings, store, corpus, other = library
    (other / "kh-1.txt").unlink()
    report = ingest_paths([corpus, other, settings.uploads_dir], settings, store, prune=True)
    assert len(report.removed) == 1 and len(_sources(store)) == 7


def test_a_rebuild_without_manifest_keeps_every_document(library):
    settings, store, _, _ = library
    before = _sources(store)
    settings.manifest_path.unlink()
    report = ingest_paths(rebuild_sources(settings, store), settings, store, rebuild=True)
    assert _sources(store) == before, report.summary()


def test_a_rebuild_with_an_unreadable_manifest_keeps_every_document(library):
    settings, store, _, _ = library
    before = _sources(store)
    settings.manifest_path.write_text("{ hỏng", encoding="utf-8")
    ingest_paths(rebuild_sources(settings, store), settings, store, rebuild=True)
    assert _sources(store) == before


def test_a_rebuild_that_cannot_reread_a_document_keeps_the_index(library):
    settings, store, _, other = library
    before = _sources(store)
    (other / "kh-2.txt").unlink()
    report = ingest_paths(rebuild_sources(settings, store), settings, store, rebuild=True)
    assert _sources(store) == before and len(report.held) == 1 and report.exit_status() == 1
    confirmed = ingest_paths(rebuild_sources(settings, store), settings, store, rebuild=True, confirm=True)
    assert len(_sources(store)) == len(before) - 1, confirmed.summary()


def test_a_damaged_index_whose_documents_cannot_all_be_reread_is_not_moved(library):
    settings, store, _, other = library
    (other / "kh-1.txt").unlink()
    store.reset()
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
    (settings.chroma_dir / "chroma.sqlite3").write_bytes(b"PK\x03\x04 not a database")
    with pytest.raises(IndexDamaged) as caught:
        ingest_paths([], settings)
    assert "--yes" in caught.value.user_message
    assert not list(settings.data_dir.glob("chroma.broken-*"))
    report = ingest_paths([], settings, confirm=True)
    assert list(settings.data_dir.glob("chroma.broken-*")) and report.stored == 7, report.summary()
