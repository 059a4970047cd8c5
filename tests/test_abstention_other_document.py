"""Refusals where a document's own number, date of issue or signer is asked and the passages state one only of
documents positively not the one asked (issue 18: the answer would quote another document's): a commune's report for
a plan, a post citing the plan of another year, a decision issuing a five-year plan for the plan of one year.
Near-misses keep their answer: the plan of the year the post cites, a decision issuing the plan asked (its number
answers: another kind, but one that issues it); a decision whose title is unread never contradicts (K50).

A tiny corpus indexed with the hashing embedder (its words decide, not a model).
"""

from __future__ import annotations

import pytest

from assistant.absence import DocumentAsked, asked_document, contradicts
from assistant.abstention import AbstentionFeatures, AbstentionRule
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import index_texts

#: A commune's half-year report: a "Báo cáo" whose title names a plan ("kế hoạch kinh tế - xã hội").
COMMUNE_REPORT = "\n".join((
    "ỦY BAN NHÂN DÂN", "XÃ CẨM HÀ", "Số: 218/BC-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Cẩm Hà, ngày 24 tháng 6 năm 2022",
    "BÁO CÁO",
    "Kết quả thực hiện kế hoạch kinh tế - xã hội 6 tháng đầu năm 2022",
    "Thực hiện kế hoạch năm 2022, UBND xã Cẩm Hà báo cáo kết quả cải cách hành chính 6 tháng đầu năm như sau.",
    ""))
#: A post on a province's propaganda that cites its plans of 2021 by number and date.
PROPAGANDA_POST = "\n".join((
    "Công tác tuyên truyền cải cách hành chính tỉnh Quảng Trị: kết quả năm 2021",
    "Các đơn vị đã tập trung tuyên truyền Kế hoạch số 266/KH-UBND ngày 16/12/2020 của UBND tỉnh Quảng Trị về tuyên "
    "truyền cải cách hành chính trên địa bàn tỉnh năm 2021; Quyết định số 3248/QĐ-UBND ngày 28/12/2020 của UBND tỉnh "
    "về phê duyệt Kế hoạch cải cách hành chính năm 2021.",
    ""))
#: A decision issuing the plan of a year, cut after its title.
ISSUING_DECISION = "\n".join((
    "ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ", "Số: 4168/QĐ-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Cần Thơ, ngày 27 tháng 12 năm 2021",
    "QUYẾT ĐỊNH",
    "Ban hành Kế hoạch kiểm tra cải cách hành chính thành phố Cần Thơ năm 2022",
    ""))
#: A decision issuing a five-year plan: the plan of the period, not of one of its years.
FIVE_YEAR_DECISION = "\n".join((
    "ỦY BAN NHÂN DÂN", "TỈNH HẬU GIANG", "Số: 512/QĐ-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Hậu Giang, ngày 20 tháng 12 năm 2021",
    "QUYẾT ĐỊNH",
    "Ban hành Kế hoạch cải cách hành chính tỉnh Hậu Giang giai đoạn 2021-2025",
    ""))


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("other-document"), {
        "cam-ha-218-bc.txt": COMMUNE_REPORT, "quang-tri-tin-tuyen-truyen.txt": PROPAGANDA_POST,
        "can-tho-4168-qd.txt": ISSUING_DECISION, "hau-giang-512-qd.txt": FIVE_YEAR_DECISION})
    return Assistant(settings, HybridRetriever(store))


def test_a_plan_asked_that_only_a_report_numbers_is_refused(assistant):
    answer = assistant.ask("UBND xã Cẩm Hà ban hành kế hoạch kinh tế - xã hội năm 2022 số mấy?")
    assert answer.abstained, answer.text
    assert "chỉ có của các văn bản khác" in answer.text


def test_a_plan_of_a_year_the_post_cites_only_another_years_plan_of_is_refused(assistant):
    answer = assistant.ask("Kế hoạch tuyên truyền cải cách hành chính năm 2022 của UBND tỉnh Quảng Trị là kế hoạch "
                           "số mấy?")
    assert answer.abstained, answer.text
    assert "chỉ có của các văn bản khác" in answer.text


def test_the_plan_of_the_year_the_post_cites_is_not_refused_by_the_branch(assistant):
    features = assistant.diagnose("Kế hoạch tuyên truyền cải cách hành chính năm 2021 của UBND tỉnh Quảng Trị là "
                                  "kế hoạch số mấy?")["features"]
    assert features.fact == "identity" and features.fact_found
    assert features.other_document == ""


def test_a_decision_issuing_the_plan_asked_is_answered(assistant):
    answer = assistant.ask("Thành phố Cần Thơ: kế hoạch kiểm tra cải cách hành chính năm 2022 là số mấy?")
    assert not answer.abstained, answer.text
    assert "4168/QĐ-UBND" in answer.text


def test_a_plan_of_a_year_that_only_a_five_year_plan_numbers_is_refused(assistant):
    answer = assistant.ask("Tỉnh Hậu Giang: kế hoạch cải cách hành chính năm 2022 là số mấy?")
    assert answer.abstained, answer.text
    assert "chỉ có của các văn bản khác" in answer.text


def test_what_the_question_says_of_the_document_asked():
    assert asked_document("Kế hoạch tuyên truyền CCHC năm 2022 của tỉnh là kế hoạch số mấy?", ["2022"]) == \
        DocumentAsked("Kế hoạch", "2022")
    # the number of a document the subject rests on or is issued with: another document, no description of it
    assert not asked_document("Sở Nội vụ đề nghị ban hành kế hoạch năm 2022 tại tờ trình số mấy?", ["2022"])
    assert not asked_document("Kế hoạch kiểm tra năm 2022 thực hiện kế hoạch số mấy của tỉnh?", ["2022"])
    # a year of issue, a target: not the year of the document
    assert asked_document("Quy chế ban hành năm 2021 là quyết định số mấy?", ["2021"]).year == ""
    assert asked_document("Ai ký Quyết định 34/2024/QĐ-UBND về phân cấp?", ["2024"], ["34/2024/QĐ-UBND"]) == \
        DocumentAsked("Quyết định", "", "34/2024/QĐ-UBND")


def test_a_field_unread_never_contradicts():
    asked = DocumentAsked("Kế hoạch", "2022", "")
    assert not contradicts(asked, "", "", "")
    assert not contradicts(asked, "Quyết định", "4168/QĐ-UBND", "")  # a decision of unread title may issue it
    assert contradicts(asked, "Tờ trình", "2090/TTr-UBND", "")  # a submission never numbers the plan it asks for
    assert not contradicts(asked, "Kế hoạch", "12/KH-UBND", "Kiểm tra cải cách hành chính", "2021")


def test_the_branch_is_named_and_switchable():
    f = AbstentionFeatures(coverage=0.9, unknown_share=0.0, unknown=(), type_found=True,
                           other_document="kế hoạch năm 2022")
    assert [name for name, _ in AbstentionRule().branches(f)] == ["other_document"]
    assert AbstentionRule(require_own_document=False).branches(f) == []
