"""Issue 19, item 11: renamed files, emptied files, control characters and hidden names in file names, and the
malformed .docx traceback."""

from __future__ import annotations

import io
import logging
import shutil
import zipfile

PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n\nSố: 21/KH-UBND\n\nKẾ HOẠCH\nKiểm tra công tác cải cách hành chính năm 2021"
        "\n\nI. MỤC ĐÍCH\n\n- Đánh giá kết quả cải cách hành chính.\n\nII. THỜI GIAN\n\n- Quý III năm 2021 kiểm tra "
        "Sở Nội vụ.\n")


def _ingest(settings, *paths, **kwargs):
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths

    return ingest_paths(list(paths), settings, IndexStore(settings), **kwargs)


def _records(settings):
    from index.store import IndexStore

    return IndexStore(settings).records()


# -- a renamed file ------------------------------------------------------------------------------------------------
def test_a_renamed_file_moves_its_document_instead_of_adding_a_second(settings, tmp_path, monkeypatch):
    from index.store import IndexStore

    folder = tmp_path / "kho"
    folder.mkdir()
    (folder / "ke-hoach-cu.txt").write_text(PLAN, encoding="utf-8")
    _ingest(settings, folder)
    (before,) = _records(settings).values()
    (folder / "ke-hoach-cu.txt").rename(folder / "Kế hoạch 21 năm 2021.txt")
    embedder = type(IndexStore(settings).embedder)
    embedded = []
    real = embedder.embed_passages
    monkeypatch.setattr(embedder, "embed_passages", lambda self, texts: embedded.append(1) or real(self, texts))
    report = _ingest(settings, folder)
    (after,) = _records(settings).values()
    assert after.doc_id == before.doc_id and after.version == before.version
    assert after.source.endswith("Kế hoạch 21 năm 2021.txt")
    assert report.renamed == [(before.source, after.source)] and not report.added and report.exit_status() == 0
    assert "Đổi tên" in report.summary() and not embedded and report.passages == 0, "nothing is embedded again"
    store = IndexStore(settings)
    passages = store.passages_of(after.doc_id, after.version)
    assert passages and store.get_document(after.doc_id).source == after.source
    from retriever.hybrid import HybridRetriever

    hits = HybridRetriever(store).search("Quý III kiểm tra Sở Nội vụ", k=5)
    assert hits and {r.passage.doc_id for r in hits} == {after.doc_id}


def test_two_copies_of_a_renamed_file_give_one_document(settings, tmp_path):
    folder = tmp_path / "kho"
    folder.mkdir()
    (folder / "goc.txt").write_text(PLAN, encoding="utf-8")
    _ingest(settings, folder)
    (folder / "goc.txt").rename(folder / "ban-a.txt")
    shutil.copy(folder / "ban-a.txt", folder / "ban-b.txt")
    report = _ingest(settings, folder)
    assert len(_records(settings)) == 1 and len(report.renamed) == 1
    assert any("trùng nội dung" in reason for _, reason in report.refused)


def test_a_file_copied_while_its_original_stays_is_still_refused_as_a_copy(settings, tmp_path):
    folder = tmp_path / "kho"
    folder.mkdir()
    (folder / "goc.txt").write_text(PLAN, encoding="utf-8")
    _ingest(settings, folder)
    shutil.copy(folder / "goc.txt", folder / "ban-sao.txt")
    report = _ingest(settings, folder)
    assert not report.renamed and len(_records(settings)) == 1


# -- a file emptied on disk ----------------------------------------------------------------------------------------
def test_an_emptied_file_is_refused_and_told_that_its_earlier_version_stays(settings, tmp_path):
    folder = tmp_path / "kho"
    folder.mkdir()
    (folder / "ke-hoach.txt").write_text(PLAN, encoding="utf-8")
    _ingest(settings, folder)
    (folder / "ke-hoach.txt").write_text("", encoding="utf-8")
    report = _ingest(settings, folder, prune=True)
    ((_, reason),) = report.refused
    assert "vẫn được giữ" in reason and "--prune" in reason
    assert len(_records(settings)) == 1 and not report.removed  # the earlier text is not lost by a bad save


def test_a_new_empty_file_is_refused_without_the_earlier_version_note(settings, tmp_path):
    (tmp_path / "moi.txt").write_text("", encoding="utf-8")
    report = _ingest(settings, tmp_path / "moi.txt")
    ((_, reason),) = report.refused
    assert "vẫn được giữ" not in reason


# -- file names that would forge lines --------------------------------------------------------------------------
def test_a_newline_in_a_file_name_cannot_forge_progress_or_report_lines(settings, tmp_path):
    folder = tmp_path / "kho"
    folder.mkdir()
    forged = "a.txt: xong\nTừ chối gia-mao.txt: hỏng"
    (folder / f"{forged}.txt").write_text(PLAN, encoding="utf-8")
    (folder / "hong\n.pdf").write_bytes(b"%PDF-1.4 hong")
    seen = []
    report = _ingest(settings, folder, progress=lambda done, total, name, detail="": seen.append((name, detail)))
    assert seen and all("\n" not in name + detail for name, detail in seen)
    assert any("xong\\nTừ chối gia-mao.txt" in name for name, _ in seen)
    lines = report.summary().splitlines()
    assert len(lines) == 1 + len(report.refused) + len(report.notes)
    assert not any(line.startswith("Từ chối gia-mao.txt") for line in lines)
    assert any("hong\\n.pdf" in line for line in lines)
    assert len(report.added) == 1  # the file itself is ingested: only what is shown is escaped


def test_cli_progress_lines_hold_one_file_each(settings, tmp_path, monkeypatch, capsys):
    from ingest.__main__ import main

    folder = tmp_path / "kho"
    folder.mkdir()
    (folder / "x\n[2\u22152] gia.txt").write_text(PLAN, encoding="utf-8")
    monkeypatch.setenv("DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("EMBEDDING_MODEL", "hashing:64")
    assert main([str(folder)]) == 0
    err = capsys.readouterr().err
    assert not any(line.startswith("[2\u22152] gia.txt") for line in err.splitlines())
    assert "x\\n[2\u22152] gia.txt" in err


# -- hidden names --------------------------------------------------------------------------------------------------
def test_hidden_files_and_folders_stay_skipped_and_are_reported(settings, tmp_path):
    folder = tmp_path / "kho"
    (folder / ".nhap").mkdir(parents=True)
    (folder / ".nhap" / "ban-nhap.txt").write_text(PLAN, encoding="utf-8")
    (folder / ".ke-hoach-an.txt").write_text(PLAN.replace("21/KH", "22/KH"), encoding="utf-8")
    (folder / "ke-hoach.txt").write_text(PLAN.replace("21/KH", "23/KH"), encoding="utf-8")
    report = _ingest(settings, folder)
    assert len(report.added) == 1
    (note,) = [n for n in report.notes if "ẩn" in n]
    assert "2 tệp hoặc thư mục ẩn" in note and ".nhap" in note and ".ke-hoach-an.txt" in note
    assert "ban-nhap.txt" not in note  # a hidden folder is named once, not file by file


def test_hidden_entries_of_the_data_folder_are_ours_and_not_reported(settings):
    from index.store import IndexStore
    from ingest.service import DocumentLibrary

    library = DocumentLibrary(settings, IndexStore(settings))
    library.add_files([("ke-hoach.txt", PLAN.encode())])
    batch = library.add_files([("ke-hoach.txt", PLAN.encode() + "Bổ sung.".encode())])  # the old one kept hidden
    assert "ẩn" not in batch.summary


# -- a malformed .docx -----------------------------------------------------------------------------------------------
def _malformed_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types xmlns='http://schemas.openxmlformats.org/package/2006/"
                                                "content-types'><Default Extension='xml' ContentType='")
        archive.writestr("word/document.xml", "<w:document")
    return buffer.getvalue()


def test_a_malformed_docx_gives_one_line_and_its_traceback_only_at_debug(tmp_path, caplog, capsys, monkeypatch):
    from ingest.__main__ import main

    folder = tmp_path / "kho"
    folder.mkdir()
    (folder / "hong.docx").write_bytes(_malformed_docx())
    monkeypatch.setenv("EMBEDDING_MODEL", "hashing:64")
    with caplog.at_level(logging.DEBUG, logger="ingest.loaders.docx"):
        status = main([str(folder)])
    out, err = capsys.readouterr()
    assert status == 2 and ".docx bị hỏng" in out
    assert "Traceback" not in out + err
    records = [r for r in caplog.records if r.name == "ingest.loaders.docx"]
    assert records and all(r.levelno == logging.DEBUG for r in records if r.exc_info)


def test_ingest_list_shows_one_source_line_per_document(settings, tmp_path, monkeypatch, capsys):
    from ingest.__main__ import main

    folder = tmp_path / "kho"
    folder.mkdir()
    (folder / "x\nke-hoach-gia.txt").write_text(PLAN, encoding="utf-8")
    monkeypatch.setenv("DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("EMBEDDING_MODEL", "hashing:64")
    main([str(folder)])
    capsys.readouterr()
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "x\\nke-hoach-gia.txt" in out and not any(line.startswith("ke-hoach-gia") for line in out.splitlines())
