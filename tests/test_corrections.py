"""Administrators' corrections of what was read: storage beside the manifest, the log, ingest and rebuild applying
them, search filters and schedules following them, and the Documents page's form."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui
from errors import CorrectionInvalid, IngestBusy
from index.corrections import READ_KEY, read_corrections, read_log, write_corrections
from index.store import IndexStore
from ingest.pipeline import ingest_lock, ingest_paths
from ingest.service import DocumentLibrary
from retriever.hybrid import HybridRetriever, SearchFilters

ROOT = Path(__file__).resolve().parents[1]
DOCS_PAGE = str(next((ROOT / "pages").glob("1_*.py")))
#: A news post that names a district several provinces have ("Châu Thành"), not its province: "tinh" stays unread.
POST = """Kiểm tra công tác cải cách hành chính tại huyện Châu Thành

Ngày 15/6/2021, Đoàn kiểm tra cải cách hành chính của UBND tỉnh đã làm việc tại huyện Châu Thành.

Đoàn kiểm tra tình hình thực hiện thủ tục hành chính tại Bộ phận một cửa huyện Châu Thành trong quý III năm 2021.
"""
PLAN = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM

Số: 12/KH-UBND

Hà Nam, ngày 05 tháng 01 năm 2022

KẾ HOẠCH
Kiểm tra công tác cải cách hành chính

I. NỘI DUNG

1. Kiểm tra Sở Nội vụ trong quý II.

2. Kiểm tra Sở Tư pháp trong quý III.
"""


@pytest.fixture
def library(settings, tmp_path):
    """Two small documents in a corpus folder of their own, indexed with the hashing embedder."""
    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "tin-chau-thanh.txt").write_text(POST, encoding="utf-8")
    (corpus / "kh-12.txt").write_text(PLAN, encoding="utf-8")
    settings = settings.with_overrides(corpus_dir=corpus)
    lib = DocumentLibrary(settings, IndexStore(settings))
    report = ingest_paths([corpus], settings, lib.store)
    assert not report.refused, report.summary()
    return lib


def _record(lib: DocumentLibrary, doc_id: str) -> dict:
    return lib.store.records()[doc_id].metadata


# -- storage -----------------------------------------------------------------------------------------------------------
def test_storage_round_trip_and_atomic_write(settings, monkeypatch):
    documents = {"docs/a.txt": {"doc_id": "a", "fields": {"tinh": "Tiền Giang", "nam": "2021"}}}
    write_corrections(settings, documents)
    assert read_corrections(settings) == (documents, "")
    assert [p.name for p in settings.data_dir.iterdir()] == ["corrections.json"]  # no temporary file left behind

    def crash(*args):
        raise OSError("đĩa đầy")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_corrections(settings, {})
    assert read_corrections(settings) == (documents, "")  # a write that failed leaves the old file whole


@pytest.mark.parametrize("content", ['{"format": 1, "documents": {"a.txt": ', '["not", "corrections"]',
                                     '{"format": 99, "documents": {}}'])
def test_damaged_file_is_moved_aside_with_a_message(settings, content):
    settings.data_dir.mkdir(parents=True)
    settings.corrections_path.write_text(content, encoding="utf-8")
    documents, note = read_corrections(settings)
    assert documents == {}
    assert "không đọc được" in note and "corrections.broken-" in note
    (aside,) = settings.data_dir.glob("corrections.broken-*.json")
    assert aside.read_text(encoding="utf-8") == content  # kept for a person to look at
    assert not settings.corrections_path.exists()


def test_ingest_reports_a_damaged_file_and_goes_on(settings, tmp_path):
    settings.data_dir.mkdir(parents=True)
    settings.corrections_path.write_text("{hỏng", encoding="utf-8")
    (tmp_path / "kh-12.txt").write_text(PLAN, encoding="utf-8")
    report = ingest_paths([tmp_path / "kh-12.txt"], settings, IndexStore(settings))
    assert report.added and any("corrections.broken-" in n for n in report.notes)


# -- saving a correction -----------------------------------------------------------------------------------------------
def test_correction_applies_to_the_index_and_is_logged(library):
    read = _record(library, "tin-chau-thanh")
    assert read["tinh"] != "Tiền Giang" and read["nam"] != "2022"
    entries = library.correct("tin-chau-thanh", {"tinh": "tinh tien giang", "nam": "2022",
                                                 "nguoi_ky": read["nguoi_ky"]})
    assert [e["field"] for e in entries] == ["tinh", "nam"]  # the signer given as read is no change
    md = _record(library, "tin-chau-thanh")
    assert md["tinh"] == "Tiền Giang" and md["nam"] == "2022"
    assert json.loads(md[READ_KEY])["tinh"] == read["tinh"]
    doc = library.document("tin-chau-thanh")
    assert {p.metadata["tinh"] for p in doc.passages} == {"Tiền Giang"}  # the passages carry the corrected field
    (line,) = [e for e in read_log(library.settings, "tin-chau-thanh") if e["field"] == "tinh"]
    assert (line["before"], line["after"], line["who"], line["source"]) == (read["tinh"], "Tiền Giang", "quản trị",
                                                                           doc.source)
    assert line["when"][:2] == "20"
    logged = library.settings.corrections_log_path.read_text(encoding="utf-8").splitlines()
    assert len(logged) == len(entries)
    stored, _ = read_corrections(library.settings)
    assert stored[doc.source] == {"doc_id": "tin-chau-thanh", "fields": {"tinh": "Tiền Giang", "nam": "2022"}}
    assert library.correct("tin-chau-thanh", {"tinh": "Tiền Giang"}) == []  # nothing changed: nothing logged
    assert len(library.settings.corrections_log_path.read_text(encoding="utf-8").splitlines()) == len(entries)


def test_card_shows_corrected_field_with_its_reading_and_span(library):
    library.correct("kh-12", {"so_hieu": "12/KH-UBND-SỬA"})
    info = next(d for d in library.documents() if d.doc_id == "kh-12")
    fields = {f.key: f for f in library.fields(info)}
    number = fields["so_hieu"]
    assert (number.value, number.corrected, number.read) == ("12/KH-UBND-SỬA", True, "12/KH-UBND")
    doc = library.document("kh-12")
    assert doc.text[number.span[0]:number.span[1]].endswith("12/KH-UBND")  # where the reading came from
    assert fields["tinh"].span is not None and not fields["tinh"].corrected
    assert not fields["co_quan"].editable


def test_taking_a_field_back_to_its_reading(library):
    read = _record(library, "kh-12")["nam"]
    library.correct("kh-12", {"nam": "2030", "tinh": "Sơn La"})
    library.correct("kh-12", {"nam": None})
    md = _record(library, "kh-12")
    assert md["nam"] == read and md["tinh"] == "Sơn La" and json.loads(md[READ_KEY]) == {"tinh": "Hà Nam"}
    library.correct("kh-12", {"tinh": "Hà Nam"})  # typing the value the text gives is no correction either
    assert READ_KEY not in _record(library, "kh-12")
    stored, _ = read_corrections(library.settings)
    assert stored == {}
    assert [e["after"] for e in read_log(library.settings, "kh-12")] == ["Sơn La", "2030", read, "Hà Nam"]


@pytest.mark.parametrize("changes,words", [({"nam": "202"}, "Năm «202»"), ({"tinh": "Paris"}, "Không nhận ra tỉnh"),
                                           ({"ngay_ban_hanh": "30/02/2021"}, "Ngày «30/02/2021»"),
                                           ({"co_quan": "Sở Nội vụ"}, "không sửa được")])
def test_invalid_value_is_refused_and_nothing_is_written(library, changes, words):
    before = _record(library, "kh-12")
    with pytest.raises(CorrectionInvalid, match=words):
        library.correct("kh-12", changes)
    assert _record(library, "kh-12") == before
    assert not library.settings.corrections_path.exists() and not library.settings.corrections_log_path.exists()


def test_unknown_document_and_busy_lock(library):
    with pytest.raises(CorrectionInvalid, match="không còn trong chỉ mục"):
        library.correct("khong-co", {"nam": "2021"})
    with ingest_lock(library.settings), pytest.raises(IngestBusy):
        library.correct("kh-12", {"nam": "2021"})


# -- persistence -------------------------------------------------------------------------------------------------------
def test_correction_survives_rebuild_reindex_and_restart(library):
    library.correct("tin-chau-thanh", {"tinh": "Tiền Giang", "ngay_ban_hanh": "15/06/2021"})
    report = library.reindex(rebuild=True)
    assert "Đã dựng lại chỉ mục" in report.summary()
    md = _record(library, "tin-chau-thanh")
    assert (md["tinh"], md["ngay_ban_hanh"]) == ("Tiền Giang", "2021-06-15")
    # the file changes: re-indexing reads it again and the correction still wins over the new reading
    source = Path(library.settings.corpus_dir) / "tin-chau-thanh.txt"
    source.write_text(POST + "\nĐoàn kiểm tra sẽ báo cáo kết quả.\n", encoding="utf-8")
    report = library.reindex()
    assert report.updated
    assert _record(library, "tin-chau-thanh")["tinh"] == "Tiền Giang"
    restarted = DocumentLibrary(library.settings, IndexStore(library.settings))
    info = next(d for d in restarted.documents() if d.doc_id == "tin-chau-thanh")
    assert info.metadata["tinh"] == "Tiền Giang" and "Tiền Giang" in info.label
    # without the stored corrections, the same file gives back what the text says
    library.settings.corrections_path.unlink()
    library.reindex(rebuild=True)
    assert READ_KEY not in _record(library, "tin-chau-thanh")


def test_the_cli_rebuild_keeps_corrections(library, monkeypatch):
    from ingest.__main__ import main

    library.correct("kh-12", {"nguoi_ky": "Nguyễn Văn A"})
    monkeypatch.setenv("DATA_DIR", str(library.settings.data_dir))
    monkeypatch.setenv("EMBEDDING_MODEL", "hashing:64")
    monkeypatch.setenv("CORPUS_DIR", str(library.settings.corpus_dir))
    assert main(["--rebuild"]) == 0
    assert IndexStore(library.settings).records()["kh-12"].metadata["nguoi_ky"] == "Nguyễn Văn A"


# -- what the correction changes downstream ----------------------------------------------------------------------------
def test_a_corrected_province_is_found_by_the_province_filter(library):
    search = HybridRetriever(library.store)
    son_la = SearchFilters(provinces=("Sơn La",))
    question = "Đoàn kiểm tra làm việc tại Bộ phận một cửa"
    before = [r for r in search.search(question, k=5, filters=son_la) if r.passage.doc_id == "tin-chau-thanh"]
    assert all("tinh" in r.unread for r in before)  # kept under the filter as a hint, labelled unread
    library.correct("tin-chau-thanh", {"tinh": "Sơn La"})
    results = search.search(question, k=5, filters=son_la)  # the same retriever: the store's state was renewed
    assert results and {r.passage.doc_id for r in results} == {"tin-chau-thanh"}
    assert {r.doc_metadata["tinh"] for r in results} == {"Sơn La"} and not any(r.unread for r in results)


def test_a_corrected_year_reaches_the_schedule(library):
    from assistant.schedule import schedule_plans
    from index.schedule_facts import load_schedule

    def plan_years() -> dict:
        return {p.doc_id: p.year for p in schedule_plans(library.store.lexical())}

    assert plan_years().get("kh-12") == "2022"
    library.correct("kh-12", {"nam": "2023"})
    assert plan_years()["kh-12"] == "2023"
    schedule = load_schedule(library.store.lexical().schedules["kh-12"])
    assert {f.period.year for f in schedule.facts} == {2023}  # "quý II" without a year takes the plan's new year


# -- the page ----------------------------------------------------------------------------------------------------------
def _run(page: AppTest) -> AppTest:
    page.run()
    assert not page.exception, [e.message for e in page.exception]
    return page


def test_documents_page_shows_fields_and_corrects_one(library, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "bí-mật")
    monkeypatch.setattr(ui, "get_library", lambda: library)
    page = _run(AppTest.from_file(DOCS_PAGE, default_timeout=60))
    page.selectbox(key="preview_doc").set_value("kh-12")
    _run(page)
    markdown = [m.value for m in page.markdown]
    assert "**Số hiệu**" in markdown and any("12/KH\\-UBND" in m for m in markdown)
    assert any("chưa đọc được" in m for m in markdown)  # a field the plan does not state (no signer)
    page.button(key="span_kh-12_so_hieu").click()
    _run(page)
    assert any('<mark id="preview-kh-12" class="cchc-mark">' in m and "12/KH-UBND</mark>" in m for m in markdown
               + [m.value for m in page.markdown])
    page.text_input(key="gate_name").input("admin")  # the first administrator, made from ADMIN_PASSWORD
    page.text_input(key="gate_pw").input("bí-mật")
    page.button(key="gate_submit").click()
    _run(page)
    assert [t.label for t in page.tabs][-1] == "Sửa thông tin"
    page.selectbox(key="fix_doc").set_value("kh-12")
    _run(page)
    assert page.text_input(key="fix_kh-12_tinh").value == "Hà Nam"
    page.text_input(key="fix_kh-12_tinh").input("Ninh Bình")
    page.text_input(key="fix_kh-12_ngay_ban_hanh").input("06/01/2022")
    page.button(key="do_fix").click()
    _run(page)
    assert any("Đã sửa Tỉnh: «Hà Nam» → «Ninh Bình»." == s.value for s in page.success)
    assert any("Ngày ban hành" in s.value and "«06/01/2022»" in s.value for s in page.success)
    assert (_record(library, "kh-12")["tinh"], _record(library, "kh-12")["ngay_ban_hanh"]) == ("Ninh Bình",
                                                                                             "2022-01-06")
    assert any("(đã sửa)" in m.value and "Ninh Bình" in m.value for m in page.markdown)
    assert page.text_input(key="fix_kh-12_tinh").label == "Tỉnh (đã sửa)"
    log_table = page.dataframe[-1].value
    assert set(log_table["Sau"]) == {"Ninh Bình", "06/01/2022"} and set(log_table["Người sửa"]) == {"quản trị"}
    page.text_input(key="fix_kh-12_nam").input("hai nghìn")
    page.button(key="do_fix").click()
    _run(page)
    assert any("Năm «hai nghìn» không hợp lệ" in e.value for e in page.error)
    page.multiselect(key="fix_revert_kh-12").set_value(["tinh"])
    _run(page)
    page.button(key="do_revert").click()
    _run(page)
    assert _record(library, "kh-12")["tinh"] == "Hà Nam"
    assert any("«Ninh Bình» → «Hà Nam»" in s.value for s in page.success)


def test_an_answer_follows_a_corrected_province(library):
    from assistant.service import open_assistant

    assistant = open_assistant(library.settings, store=library.store)
    question = "Đoàn kiểm tra của tỉnh Sơn La làm việc ở Bộ phận một cửa trong thời gian nào?"
    before = assistant.ask(question)
    assert all(c.metadata.get("tinh") != "Sơn La" for c in before.citations)  # no document of Sơn La yet
    library.correct("tin-chau-thanh", {"tinh": "Sơn La"})
    after = assistant.ask(question)
    assert not after.abstained and after.citations and "quý III" in after.text
    assert {(c.doc_id, c.metadata["tinh"]) for c in after.citations} == {("tin-chau-thanh", "Sơn La")}
    assert "Sơn La" in after.citations[0].label  # the answer names the document as corrected


def test_a_deleted_upload_takes_its_corrections_along(settings):
    library = DocumentLibrary(settings, IndexStore(settings))
    library.add_files([("kh.txt", PLAN.encode())])
    (doc_id,) = library.store.records()
    library.correct(doc_id, {"nguoi_ky": "Nguyễn Văn A"})
    library.delete([doc_id])
    assert read_corrections(settings) == ({}, "")
    library.add_files([("kh.txt", PLAN.replace("Sở Tư pháp", "Sở Tài chính").encode())])  # another document
    (doc_id,) = library.store.records()
    assert _record(library, doc_id)["nguoi_ky"] == "" and READ_KEY not in _record(library, doc_id)
    assert [e["after"] for e in read_log(settings)] == ["Nguyễn Văn A"]  # the log keeps what was done


#: A news post on a plan (its related document) and the plan itself, both indexed.
NEWS_ON_PLAN = """Kiểm tra cải cách hành chính tại huyện Bình Lục

Ngày 20/6/2022, thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2022 của UBND tỉnh, Đoàn kiểm tra cải cách hành chính
của tỉnh đã làm việc tại huyện Bình Lục.

Đoàn kiểm tra việc giải quyết thủ tục hành chính tại Bộ phận một cửa của huyện.
"""


def test_documents_page_lists_a_document_s_related_documents(library, monkeypatch):
    ingest_paths([_write(library, "tin-binh-luc.txt", NEWS_ON_PLAN)], library.settings, library.store)
    assert _record(library, "tin-binh-luc")["van_ban_lien_quan"] == "Kế hoạch số 12/KH-UBND ngày 05/01/2022"
    monkeypatch.setattr(ui, "get_library", lambda: library)
    page = _run(AppTest.from_file(DOCS_PAGE, default_timeout=60))
    page.selectbox(key="preview_doc").set_value("tin-binh-luc")
    _run(page)
    markdown = [m.value for m in page.markdown]
    assert "**Văn bản liên quan**" in markdown
    assert any(m.startswith("- Kế hoạch số 12/KH\\-UBND, ngày 05/01/2022 — có trong chỉ mục: Kế hoạch 12/KH\\-UBND")
               for m in markdown)
    page.selectbox(key="preview_doc").set_value("kh-12")  # the plan names no related document: no list
    _run(page)
    assert "**Văn bản liên quan**" not in [m.value for m in page.markdown]


def _write(lib: DocumentLibrary, name: str, text: str) -> Path:
    path = Path(lib.settings.corpus_dir) / name
    path.write_text(text, encoding="utf-8")
    return path
