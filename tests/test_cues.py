"""One vocabulary of question understanding (issue 21 items 1 and 6): typed answer types and roles, one table of
cues read by the retriever, the answerers and the schedule answerer, the question read once, typed metadata."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from index.model import DocumentMetadata, document_label, document_years
from ingest.document import build_document
from retriever.intent import answer_types, list_target
from retriever.query import (
    QueryAnalysis,
    analyze_query,
    named_documents,
    resolve_merged_provinces,
    resolve_named_documents,
    years_named,
)
from textnorm.cues import (
    ANY_MEMBERS,
    PASSAGE_ROLES,
    AnswerType,
    PassageRole,
    asks_when,
    names_a_document,
    time_question_words,
)

ROOT = Path(__file__).resolve().parents[1]


def test_answer_types_are_typed_and_read_as_their_stored_strings():
    types = answer_types("Kế hoạch số mấy, ban hành ngày nào?")
    assert all(isinstance(t, AnswerType) for t in types)
    assert types == ("number", "issue_date") and json.dumps(types) == '["number", "issue_date"]'
    assert analyze_query("Mục tiêu chung là gì?").answer_types == (AnswerType.CONTENT,)


def test_a_list_question_about_any_members_is_typed_not_a_sentinel_string():
    target = list_target("Đoàn kiểm tra gồm những ai?")
    assert target == ANY_MEMBERS and target.words == () and bool(target)
    assert list_target("Những sở nào được kiểm tra?").words == ("sở",)
    assert not list_target("Khi nào kiểm tra?")
    assert answer_types("Thành phần đoàn kiểm tra gồm những ai?") == ("list",)


@pytest.mark.parametrize("question", [
    "Sở Y tế được kiểm tra vào quý nào?",
    "kt cchc QB năm 2018 làm quý mấy",  # "quý mấy" was missing from the retriever's list
    "Đề án áp dụng cho giai đoạn nào?",
    "han chot nop bao cao",  # typed without accents
    "Kiểm tra bắt đầu từ tháng mấy?",
])
def test_one_list_of_when_words_for_the_retriever_the_answer_type_and_the_schedule(question):
    assert asks_when(question)
    assert analyze_query(question).asks_when
    assert "time" in answer_types(question)


def test_an_accented_word_that_is_not_a_question_word_does_not_ask_when():
    assert not asks_when("Kiện toàn bộ máy tháng máy")  # "máy" is not "mấy"
    assert not asks_when("Ai chủ trì kiểm tra?")


@pytest.mark.parametrize("question", [
    "Các cơ quan gửi báo cáo số liệu theo phụ lục nào?",
    "gui bao cao theo phu luc nao",  # typed without accents
    "Quyết định còn hiệu lực nào khác?",
])
def test_an_annex_or_an_effect_asked_is_no_time_asked(question):
    # "phụ lục nào" and "hiệu lực nào" fold to "… luc nao", the words of "lúc nào"
    assert not asks_when(question)
    assert "time" not in answer_types(question)
    assert not time_question_words(question)
    assert asks_when(question.replace("phụ lục", "lúc").replace("phu luc", "luc").replace("hiệu lực", "lúc"))


def test_a_document_named_by_number_is_read_in_every_form():
    assert named_documents("chi thi so 23 ve day manh cchc do ai ky") == ["chi thi so 23"]
    assert named_documents("Nghị quyết 76 về chương trình tổng thể") == ["Nghị quyết 76"]
    assert named_documents("Quyết định 2071/QĐ-UBND") == ["2071/QĐ-UBND"]  # the full number, not "Quyết định 2071"
    # a question naming its document asks for another one's number: the basis
    assert names_a_document("Quyết định 30/2018/QĐ-UBND ban hành theo tờ trình số mấy?")
    assert answer_types("Quyết định 30/2018/QĐ-UBND ban hành theo đề nghị tại tờ trình số mấy?") == ("basis",)


def test_one_year_pattern_for_questions_and_documents():
    assert years_named("kế hoạch giai đoạn 2021-2025, tầm nhìn đến năm 2050") == ["2021", "2025"]
    assert years_named("Quyết định 2096 năm 2017") == ["2017"]
    written = [str(p.relative_to(ROOT)) for layer in ("textnorm", "index", "ingest", "retriever", "assistant")
               for p in (ROOT / layer).rglob("*.py") if p.name != "cues.py" and re.search(
                   r"\(\?:19\|20\)|\(19\|20\)|19\[5-9\]", p.read_text(encoding="utf-8"))]
    assert written == []  # every year is textnorm.cues.YEAR


def test_the_merged_provinces_are_resolved_once_per_question():
    analysis = QueryAnalysis("Quảng Ngãi", "Quảng Ngãi", provinces=["Quảng Ngãi"])
    note = resolve_merged_provinces(analysis, {"Quảng Ngãi", "Kon Tum"})
    assert analysis.provinces == ["Quảng Ngãi", "Kon Tum"] and "Kon Tum" in note
    # the retriever asks again with the same index: the first resolution stands, nothing is added twice
    assert resolve_merged_provinces(analysis, {"Quảng Ngãi", "Kon Tum"}) == note
    assert analysis.provinces == ["Quảng Ngãi", "Kon Tum"]


def test_the_documents_a_question_names_are_resolved_once_per_question():
    class Record:
        def __init__(self, so_hieu):
            self.metadata = {"so_hieu": so_hieu}

    analysis = analyze_query("QĐ 251 căn cứ những văn bản nào?")
    assert resolve_named_documents(analysis, {"a": Record("251/QĐ-BNV"), "b": Record("36/KH-UBND")}) == ("a",)
    assert resolve_named_documents(analysis, {}) == ("a",)  # read once: the same question, the same answer


def test_document_metadata_is_typed_over_the_stored_keys():
    stored = {"so_hieu": "36/KH-UBND", "loai_van_ban": "Kế hoạch", "tinh": "Kiên Giang", "nam": "2020",
              "ky_ke_hoach": "2021", "tieu_de": "Kiểm tra CCHC năm 2021", "source": "x.txt"}
    md = DocumentMetadata.of(stored)
    assert (md.number, md.kind, md.province, md.year, md.period, md.title) == (
        "36/KH-UBND", "Kế hoạch", "Kiên Giang", "2020", "2021", "Kiểm tra CCHC năm 2021")
    assert md.years == document_years(stored) == ["2020", "2021"]
    assert md.label() == document_label(stored) == "Kế hoạch 36/KH-UBND – Kiên Giang, 2020"
    assert DocumentMetadata.of({}).number == ""


def test_ingest_writes_passage_kinds_from_the_one_set_of_roles():
    doc = build_document("vd", "vd.txt", "Số: 36/KH-UBND\n\nKẾ HOẠCH\nKiểm tra CCHC\n\nI. MỤC ĐÍCH\n\n- Kiểm tra.")
    kinds = [p.kind for p in doc.passages]
    assert kinds == ["number", "title", "list"]
    assert {k for k in kinds if k not in ("text", "list", "table_row")} <= set(PASSAGE_ROLES)
    assert PassageRole(kinds[0]) is PassageRole.NUMBER


def test_a_generic_body_noun_asks_for_a_list_only_when_the_question_says_so():
    assert answer_types("Sở nào được kiểm tra trực tiếp?") == ("list",)  # every Sở inspected
    assert answer_types("Huyện nào được kiểm tra?") == ("list",)
    assert answer_types("Báo cáo gửi về cơ quan nào?") == ("content",)  # one body
    assert answer_types("Những cơ quan nào được kiểm tra?") == ("list",)
