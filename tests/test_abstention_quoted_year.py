"""Refusals where the question names a year and every passage the answer may quote is of another year's document
(issue 18: the evidence absent, not a field): the plan of 2023 of a steering committee asked about its plan of 2019,
while a province's plan of 2019 ranks far below what the answer would show. The same question is answered when a
document of the year asked is among what the answer quotes, and a document whose year is unread never refuses.

A tiny corpus indexed with the hashing embedder (its words decide, not a model).
"""

from __future__ import annotations

import pytest

from assistant.absence import QUOTABLE_SHARE, quoted_of_other_years
from assistant.abstention import AbstentionFeatures, AbstentionRule
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import index_texts

#: A central decision issuing a steering committee's inspection plan of 2023.
COMMITTEE_DECISION_2023 = "\n".join((
    "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH CỦA CHÍNH PHỦ", "Số: 12/QĐ-BCĐCCHC",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Hà Nội, ngày 20 tháng 3 năm 2023",
    "QUYẾT ĐỊNH",
    "Về việc ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2023 của Ban Chỉ đạo cải cách hành chính "
    "của Chính phủ",
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm tra công tác cải cách hành chính năm 2023 của Ban Chỉ đạo "
    "cải cách hành chính của Chính phủ.",
    "Đoàn kiểm tra làm việc tại Bộ Tư pháp, Bộ Y tế và các tỉnh Hà Giang, Cà Mau.",
    ""))
#: The same committee's plan of 2019: the document that answers a question on 2019.
COMMITTEE_DECISION_2019 = "\n".join((
    "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH CỦA CHÍNH PHỦ", "Số: 5/QĐ-BCĐCCHC",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Hà Nội, ngày 15 tháng 3 năm 2019",
    "QUYẾT ĐỊNH",
    "Về việc ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2019 của Ban Chỉ đạo cải cách hành chính "
    "của Chính phủ",
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm tra công tác cải cách hành chính năm 2019 của Ban Chỉ đạo "
    "cải cách hành chính của Chính phủ.",
    "Đoàn kiểm tra làm việc tại Bộ Công Thương và các tỉnh Lào Cai, Sóc Trăng.",
    ""))
#: A province's post on its own plan of 2019: of the year asked, but not of the committee.
PROVINCE_POST_2019 = "\n".join((
    "Ninh Bình ban hành kế hoạch kiểm tra cải cách hành chính",
    "Ngày 06/5/2019, Ban Chỉ đạo cải cách hành chính tỉnh Ninh Bình ban hành Kế hoạch số 214/KH-UBND kiểm tra "
    "công tác cải cách hành chính năm 2019 tại các sở, ngành.",
    "Mục đích của kế hoạch là đánh giá việc tổ chức thực hiện của các sở, ngành.",
    ""))
#: The question on the plan of 2019 and the one on the plan of 2023 (written for this test).
ASKED_2019 = ("Theo kế hoạch năm 2019, đoàn kiểm tra cải cách hành chính của Ban Chỉ đạo Chính phủ làm việc tại "
              "những bộ, tỉnh nào?")
ASKED_2023 = ASKED_2019.replace("2019", "2023")


@pytest.fixture(scope="module")
def without_2019(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("quoted-year"), {
        "trung-uong-12-qd-bcdcchc.txt": COMMITTEE_DECISION_2023, "ninh-binh-tin-214.txt": PROVINCE_POST_2019})
    return Assistant(settings, HybridRetriever(store))


@pytest.fixture(scope="module")
def with_2019(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("quoted-year-2019"), {
        "trung-uong-12-qd-bcdcchc.txt": COMMITTEE_DECISION_2023, "ninh-binh-tin-214.txt": PROVINCE_POST_2019,
        "trung-uong-5-qd-bcdcchc.txt": COMMITTEE_DECISION_2019})
    return Assistant(settings, HybridRetriever(store))


def test_a_year_only_another_years_document_would_be_quoted_for_is_refused(without_2019):
    answer = without_2019.ask(ASKED_2019)
    assert answer.abstained, answer.text
    assert without_2019.diagnose(ASKED_2019)["features"].quoted_year == "2023"


def test_the_year_of_the_document_quoted_is_answered(without_2019):
    answer = without_2019.ask(ASKED_2023)
    assert not answer.abstained, answer.text
    assert without_2019.diagnose(ASKED_2023)["features"].quoted_year == ""


def test_the_same_question_is_answered_when_the_year_asked_is_quoted(with_2019):
    answer = with_2019.ask(ASKED_2019)
    assert not answer.abstained, answer.text
    assert "2019" in answer.text
    assert with_2019.diagnose(ASKED_2019)["features"].quoted_year == ""


def test_the_answerers_own_quoting_share_is_the_one_read(without_2019):
    """An answerer configured to quote every document (``doc_min_share`` 0) would show the 2019 post too: no refusal
    for the year."""
    from dataclasses import replace

    from assistant.grounded import GroundedConfig

    quoting_all = Assistant(without_2019.settings, without_2019.retriever,
                            grounded=replace(GroundedConfig(), doc_min_share=0.0))
    assert quoting_all.diagnose(ASKED_2019)["features"].quoted_year == ""


def _unit(text: str, score: float, nam: str = ""):
    from types import SimpleNamespace as NS

    return NS(text=text, score=score, result=NS(passage=NS(text=text, section="", doc_id=text),
                                                doc_metadata={"nam": nam, "tieu_de": ""}))


def test_a_unit_of_the_year_asked_within_the_quoted_share_keeps_the_answer():
    from types import SimpleNamespace as NS

    q = NS(years=["2019"], doc_numbers=[])
    plan = _unit("Kế hoạch kiểm tra công tác cải cách hành chính năm 2023.", 1.0, "2023")
    near = _unit("Ngày 06/5/2019, UBND tỉnh ban hành Kế hoạch kiểm tra năm 2019.", QUOTABLE_SHARE + 0.01)
    far = _unit("Ngày 06/5/2019, UBND tỉnh ban hành Kế hoạch kiểm tra năm 2019.", QUOTABLE_SHARE - 0.01)
    assert quoted_of_other_years([plan, near], q) == ""
    assert quoted_of_other_years([plan, far], q) == "2023"
    assert quoted_of_other_years([plan, far], q, quotable_share=QUOTABLE_SHARE - 0.02) == ""  # configured lower
    # a year unread, within the share, never refuses; nor a question naming no year
    assert quoted_of_other_years([plan, _unit("Đoàn kiểm tra làm việc tại 11 cơ quan.", 0.9)], q) == ""
    assert quoted_of_other_years([plan], NS(years=[], doc_numbers=[])) == ""


def test_the_branch_is_named_and_switchable():
    f = AbstentionFeatures(coverage=0.9, unknown_share=0.0, unknown=(), type_found=True, quoted_year="2023")
    assert AbstentionRule().branches(f) == [("quoted_year", "Các văn bản hiện có nói về nội dung này của năm 2023, "
                                                            "không có đoạn nào nói về năm được hỏi.")]
    assert AbstentionRule(require_quoted_year=False).branches(f) == []
