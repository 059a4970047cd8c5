"""Tests for ingest.pipeline and ``python -m ingest``: real Chroma in tmp dirs, the hashing embedder."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest

from errors import IndexUnavailable, IngestBusy
from index.store import IndexStore
from ingest.pipeline import ingest_lock, ingest_paths, relative_source

ROOT = Path(__file__).resolve().parents[1]
KG_36 = "kien-giang-2021-36-KH-UBND-kiem-tra-cchc.txt"
QB = "quang-binh-2018-tin-kiem-tra-cchc.txt"


def all_passage_ids(store: IndexStore) -> set[str]:
    return set(store.passages.get()["ids"])


def record_of(store: IndexStore, path: Path):
    source = relative_source(path)
    (record,) = [r for r in store.records().values() if r.source == source]
    return record


def cli_env(settings, **extra) -> dict:
    env = dict(os.environ)
    env.update(DATA_DIR=str(settings.data_dir), EMBEDDING_MODEL=settings.embedding_model, PYTHONPATH=str(ROOT),
               HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False", **extra)
    return env


def scanned_pdf() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


GOOD = (
    "Số: 12/KH-SNV\n\nKiên Giang, ngày 10 tháng 3 năm 2021\n\nKẾ HOẠCH\nTập huấn nghiệp vụ cải cách hành chính\n\n"
    "I. MỤC ĐÍCH\n\n- Sở Nội vụ tổ chức tập huấn nghiệp vụ kiểm soát thủ tục hành chính cho công chức đầu mối.\n"
)


# ------------------------------------------------------------------------------------------- incremental ingest
def test_ingest_corpus_then_reingest_unchanged_does_nothing(settings, store, corpus_copy):
    report = ingest_paths([corpus_copy], settings, store)
    assert len(report.added) == 5 and not report.refused
    records = store.records()
    assert len(records) == 5
    assert {r.metadata["so_hieu"] for r in records.values()} == {"36/KH-UBND", "87/KH-UBND", "189/KH-UBND", ""}
    assert report.passages == sum(r.n_passages for r in records.values())
    ids = all_passage_ids(store)
    assert len(ids) == report.passages
    for record in records.values():
        assert len(store.passages_of(record.doc_id, record.version)) == record.n_passages

    again = ingest_paths([corpus_copy], settings, store)
    assert len(again.unchanged) == 5
    assert not again.added and not again.updated and not again.removed and not again.refused
    assert again.passages == 0
    assert all_passage_ids(store) == ids
    assert {k: (r.version, r.written) for k, r in store.records().items()} == \
           {k: (r.version, r.written) for k, r in records.items()}


def test_changed_file_replaces_its_passages(settings, store, corpus_copy):
    from retriever.hybrid import HybridRetriever

    ingest_paths([corpus_copy], settings, store)
    path = corpus_copy / KG_36
    old = record_of(store, path)
    old_ids = {p.id for p in store.passages_of(old.doc_id, old.version)}
    path.write_text(path.read_text(encoding="utf-8").replace("Giồng Riềng", "Phú Quốc"), encoding="utf-8")

    report = ingest_paths([corpus_copy], settings, store)
    assert report.updated == [relative_source(path)]
    assert len(report.unchanged) == 4
    new = record_of(store, path)
    assert new.doc_id == old.doc_id and new.version != old.version
    assert store.passages_of(old.doc_id, old.version) == []
    new_passages = store.passages_of(new.doc_id, new.version)
    assert len(new_passages) == new.n_passages
    assert not old_ids & all_passage_ids(store)
    assert any("Phú Quốc" in p.text for p in new_passages)
    assert not any("Giồng Riềng" in p.text for p in new_passages)
    assert "Giồng Riềng" not in store.get_document(new.doc_id).text

    results = HybridRetriever(store).search("huyện Giồng Riềng Phú Quốc được kiểm tra", k=10)
    assert results
    assert not any("Giồng Riềng" in r.passage.text for r in results)
    assert any("Phú Quốc" in r.passage.text for r in results)


def test_prune_removes_documents_whose_file_is_gone(settings, store, corpus_copy):
    ingest_paths([corpus_copy], settings, store)
    gone = corpus_copy / QB
    doc_id = record_of(store, gone).doc_id
    gone.unlink()

    kept = ingest_paths([corpus_copy], settings, store)
    assert kept.removed == [] and len(store.records()) == 5  # without --prune nothing is removed

    report = ingest_paths([corpus_copy], settings, store, prune=True)
    assert report.removed == [relative_source(gone)]
    assert len(report.unchanged) == 4
    assert doc_id not in store.records()
    assert store.passages.get(where={"doc_id": doc_id})["ids"] == []
    assert len(store.records()) == 4


# ------------------------------------------------------------------------------------------- refused files
def test_bad_files_are_refused_one_by_one_and_good_ones_ingested(settings, store, corpus_copy, tmp_path):
    ingest_paths([corpus_copy], settings, store)
    before = {k: r.version for k, r in store.records().items()}

    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "rong.txt").write_bytes(b"")
    (batch / "nhi-phan.txt").write_bytes(bytes(range(256)) * 16)
    (batch / "hong.docx").write_bytes(b"PK\x03\x04 day khong phai goi zip" * 4)
    (batch / "hong.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    (batch / "anh-quet.pdf").write_bytes(scanned_pdf())
    (batch / "bang-tinh.xyz").write_text("Sở Nội vụ", encoding="utf-8")
    shutil.copy(corpus_copy / KG_36, batch / "ban-sao-ke-hoach-36.txt")
    (batch / "tot.txt").write_text(GOOD, encoding="utf-8")
    (batch / "tot-2.md").write_text(GOOD.replace("Tập huấn", "Hội thảo"), encoding="utf-8")

    report = ingest_paths([batch], settings, store)
    reasons = {Path(path).name: reason for path, reason in report.refused}
    assert set(reasons) == {"rong.txt", "nhi-phan.txt", "hong.docx", "hong.pdf", "anh-quet.pdf", "bang-tinh.xyz",
                            "ban-sao-ke-hoach-36.txt"}
    assert "rỗng" in reasons["rong.txt"]
    assert "nhị phân" in reasons["nhi-phan.txt"]
    assert ".docx bị hỏng" in reasons["hong.docx"]
    assert "PDF bị hỏng" in reasons["hong.pdf"]
    assert "ảnh quét" in reasons["anh-quet.pdf"] and "OCR" in reasons["anh-quet.pdf"]
    assert "'.xyz'" in reasons["bang-tinh.xyz"] and "không được hỗ trợ" in reasons["bang-tinh.xyz"]
    assert "trùng nội dung" in reasons["ban-sao-ke-hoach-36.txt"]
    assert relative_source(corpus_copy / KG_36) in reasons["ban-sao-ke-hoach-36.txt"]

    assert sorted(Path(p).name for p in report.added) == ["tot-2.md", "tot.txt"]
    records = store.records()
    assert len(records) == 7
    assert all(records[k].version == v for k, v in before.items())  # earlier documents untouched
    for record in records.values():
        assert len(store.passages_of(record.doc_id, record.version)) == record.n_passages
    assert all(reason in report.summary() for reason in reasons.values())


def test_duplicate_inside_one_batch_is_refused(settings, store, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a.txt").write_text(GOOD, encoding="utf-8")
    (batch / "b.txt").write_text(GOOD, encoding="utf-8")
    report = ingest_paths([batch], settings, store)
    assert [Path(p).name for p in report.added] == ["a.txt"]
    ((path, reason),) = report.refused
    assert Path(path).name == "b.txt" and "trùng nội dung" in reason and "cùng lượt nạp" in reason


def test_file_over_the_size_limit_is_refused(settings, store, tmp_path):
    small = settings.with_overrides(max_file_mb=0.001)  # about 1 KB
    big = tmp_path / "lon.txt"
    big.write_text(GOOD * 10, encoding="utf-8")
    fits = tmp_path / "vua.txt"
    fits.write_text("Sở Nội vụ tổ chức kiểm tra công tác cải cách hành chính tại các huyện.", encoding="utf-8")
    report = ingest_paths([big, fits], small, store)
    ((path, reason),) = report.refused
    assert Path(path).name == "lon.txt"
    assert "quá lớn" in reason and "giới hạn 0,001 MB" in reason
    assert "(0.0 MB" not in reason  # the size shown is the file's real size
    assert [Path(p).name for p in report.added] == ["vua.txt"]


def test_missing_file_is_refused(settings, store, tmp_path):
    report = ingest_paths([tmp_path / "khong-co.txt"], settings, store)
    ((path, reason),) = report.refused
    assert "không tìm thấy" in reason


# ------------------------------------------------------------------------------------------- index guards
def test_embedder_mismatch_is_a_clear_error(settings, store, tmp_path, capsys, monkeypatch):
    (tmp_path / "tot.txt").write_text(GOOD, encoding="utf-8")
    ingest_paths([tmp_path / "tot.txt"], settings, store)
    assert store.embedder_name_in_index() == "hashing:64"

    other = IndexStore(settings.with_overrides(embedding_model="hashing:32"))
    with pytest.raises(IndexUnavailable) as info:
        other.check_embedder()
    message = str(info.value)
    assert "'hashing:64'" in message and "'hashing:32'" in message
    assert "EMBEDDING_MODEL" in message and "--rebuild" in message
    with pytest.raises(IndexUnavailable):
        ingest_paths([tmp_path / "tot.txt"], other.settings, other)
    assert len(store.records()) == 1  # nothing written by the refused ingest

    from ingest.__main__ import main

    monkeypatch.setenv("DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("EMBEDDING_MODEL", "hashing:32")
    assert main([str(tmp_path / "tot.txt")]) == 2
    assert "hashing:64" in capsys.readouterr().err


def test_ingest_lock_held_by_another_handle(settings, store, tmp_path):
    (tmp_path / "tot.txt").write_text(GOOD, encoding="utf-8")
    with ingest_lock(settings):
        with pytest.raises(IngestBusy) as info:
            ingest_paths([tmp_path / "tot.txt"], settings, store)
    assert "đang chạy" in str(info.value)
    assert store.records() == {}
    assert ingest_paths([tmp_path / "tot.txt"], settings, store).added  # released afterwards


def test_ingest_lock_held_by_another_process(settings, store, tmp_path):
    (tmp_path / "tot.txt").write_text(GOOD, encoding="utf-8")
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import fcntl, sys, time\n"
         f"h = open({str(settings.lock_path)!r}, 'a+')\n"
         "fcntl.flock(h, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
         "print('locked', flush=True)\n"
         "time.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(IngestBusy):
            ingest_paths([tmp_path / "tot.txt"], settings, store)
    finally:
        holder.kill()
        holder.wait()
    assert ingest_paths([tmp_path / "tot.txt"], settings, store).added


# ------------------------------------------------------------------------------------------- CLI
def test_cli_list_json(settings, store, corpus_copy):
    ingest_paths([corpus_copy], settings, store)
    done = subprocess.run([sys.executable, "-m", "ingest", "list", "--json"], cwd=ROOT, env=cli_env(settings),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert len(rows) == 5
    by_number = {row["so_hieu"]: row for row in rows if row["so_hieu"]}
    assert set(by_number) == {"36/KH-UBND", "87/KH-UBND", "189/KH-UBND"}
    assert by_number["36/KH-UBND"]["tinh"] == "Kiên Giang"
    assert by_number["87/KH-UBND"]["ngay_ban_hanh"] == "2021-04-05"
    records = store.records()
    for row in rows:
        assert row["passages"] == records[row["doc_id"]].n_passages
        assert row["source"] == records[row["doc_id"]].source
    assert [row["source"] for row in rows] == sorted(row["source"] for row in rows)


# ------------------------------------------------------------------------------------------- interrupted ingest
def _generated_copies(folder: Path, n: int) -> None:
    base = (folder / QB).read_text(encoding="utf-8")
    for i in range(n):
        text = base.replace("năm 2018", f"năm {2030 + i}").replace("Ba Đồn", f"Ba Đồn số {i}")
        (folder / f"z-ban-tin-{i:02d}.txt").write_text(text + f"\nBản tin bổ sung số {i}.\n", encoding="utf-8")


def test_killed_ingest_leaves_the_previous_index_searchable(settings, store, corpus_copy):
    from retriever.hybrid import HybridRetriever

    ingest_paths([corpus_copy], settings, store)
    complete = {k: r.version for k, r in store.records().items()}
    assert len(complete) == 5
    _generated_copies(corpus_copy, 40)

    proc = subprocess.Popen([sys.executable, "-m", "ingest", str(corpus_copy)], cwd=ROOT, env=cli_env(settings),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if len(store.records()) >= len(complete) + 2:  # the first new documents are committed
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the ingest finished before it could be interrupted"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    records = store.records()
    assert len(complete) + 2 <= len(records) < len(complete) + 40
    for doc_id, version in complete.items():
        assert records[doc_id].version == version
        assert len(store.passages_of(doc_id, version)) == records[doc_id].n_passages

    fresh = IndexStore(settings)
    results = HybridRetriever(fresh).search("Những sở nào được kiểm tra trực tiếp ở Kiên Giang năm 2021?", k=5)
    assert results
    assert any("Công Thương" in r.passage.text and r.doc_metadata.get("so_hieu") == "36/KH-UBND" for r in results)

    report = ingest_paths([corpus_copy], settings, fresh)
    assert not report.refused
    assert len(report.unchanged) + len(report.added) + len(report.updated) == 45
    assert len(fresh.records()) == 45
    assert fresh.drop_orphans() == 0
    counted = 0
    for record in fresh.records().values():
        passages = fresh.passages_of(record.doc_id, record.version)
        assert len(passages) == record.n_passages > 0
        counted += len(passages)
    assert counted == len(all_passage_ids(fresh))


# ------------------------------------------------------------------------------------------- the ingest service
@pytest.fixture
def library(settings, corpus_copy):
    """A library over a tmp index whose corpus is a writable copy of the bundled one (hashing embedder)."""
    from ingest.service import DocumentLibrary

    own = settings.with_overrides(corpus_dir=corpus_copy)
    return DocumentLibrary(own, IndexStore(own))


def test_service_first_start_builds_the_corpus_once_and_says_so(library):
    notice = library.ensure_index()
    assert "lần khởi động đầu tiên" in notice and "5 văn bản mới" in notice and library.first_start == notice
    assert len(library.documents()) == 5
    assert library.ensure_index() == "" and library.first_start == notice  # the index was ready: nothing done


def test_service_lists_reads_adds_and_deletes(library):
    library.ensure_index()
    kg = next(d for d in library.documents() if d.metadata.get("so_hieu") == "36/KH-UBND")
    assert kg.label == "Kế hoạch 36/KH-UBND – Kiên Giang, 2021" and kg.file_name == KG_36 and not kg.uploaded
    assert kg.passages == library.store.records()[kg.doc_id].n_passages > 0
    assert library.document(kg.doc_id).text == library.store.get_document(kg.doc_id).text
    assert library.document("khong-co") is None
    assert library.source_path(library.store.records()[kg.doc_id].source) == library.settings.corpus_dir / KG_36

    batch = library.add_files([("../tot.txt", GOOD.encode()), ("rong.txt", b""), ("tot.txt", GOOD.encode() + b"\n")])
    assert [(r.name, r.status) for r in batch.results] == [("../tot.txt", "refused"), ("rong.txt", "refused"),
                                                          ("tot.txt", "added")]
    assert batch.results[0].reason == "được thay bằng tệp cùng tên tải lên sau" and "rỗng" in batch.results[1].reason
    (upload,) = [d for d in library.documents() if d.uploaded]
    assert upload.file_name == "tot.txt" and upload.metadata["so_hieu"] == "12/KH-SNV"
    assert len(library.documents()) == 6

    assert library.delete([upload.doc_id, kg.doc_id, "khong-co"]) == 2
    assert {d.doc_id for d in library.documents()} & {upload.doc_id, kg.doc_id} == set()
    assert not (library.uploads_dir / "tot.txt").exists()  # the upload's file goes with it
    assert (library.settings.corpus_dir / KG_36).exists()  # a corpus file stays: re-indexing brings it back
    from index.manifest import read_manifest

    assert len(read_manifest(library.settings)) == 4


def test_service_delete_takes_the_ingest_lock(library):
    library.ensure_index()
    victim = library.documents()[0].doc_id
    with ingest_lock(library.settings), pytest.raises(IngestBusy):
        library.delete([victim])
    assert victim in {d.doc_id for d in library.documents()}  # nothing removed while another holds the lock


def test_service_reindex_prunes_and_rebuild_keeps_uploads(library):
    library.ensure_index()
    library.add_files([("tot.txt", GOOD.encode())])
    assert library.reindex_folders() == [library.settings.corpus_dir, library.uploads_dir]
    (library.settings.corpus_dir / QB).unlink()
    report = library.reindex()
    assert [Path(s).name for s in report.removed] == [QB] and len(report.unchanged) == 5
    generation = library.store.generation
    rebuilt = library.reindex(rebuild=True)
    assert len(rebuilt.added) == 5 and library.store.generation != generation  # a new index, swapped in
    assert {d.file_name for d in library.documents() if d.uploaded} == {"tot.txt"}
    with ingest_lock(library.settings), pytest.raises(IngestBusy):
        library.reindex()


def test_one_file_rule_for_uploads_the_page_and_the_pipeline(settings, store, tmp_path):
    from ingest.service import DocumentLibrary, file_refusal, save_upload

    small = settings.with_overrides(max_file_mb=0.001)
    big = tmp_path / "lon.txt"
    big.write_text(GOOD * 10, encoding="utf-8")
    size = big.stat().st_size
    rule = file_refusal("lon.txt", size, small)
    assert rule.startswith("tệp quá lớn")
    ((_, reason),) = ingest_paths([big], small, store).refused
    assert reason == rule  # the pipeline asks the same rule
    assert save_upload("lon.txt", big.read_bytes(), small) == (None, rule)
    assert DocumentLibrary(small, store).refusal("lon.txt", size) == rule  # the page, before reading the bytes
    for name, size in (("bang.xlsx", 10), ("rong.txt", 0)):
        assert save_upload(name, b"x" * size, settings) == (None, file_refusal(name, size, settings))
