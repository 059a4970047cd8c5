"""Refusals where a plan's own number is asked by the year it is of and the only plan the pages hold is of the next
year, issued in the year asked (session 27): "Kế hoạch 138/KH-UBND năm 2025 cải cách hành chính … năm 2026" is the
plan of 2026; the "năm 2025" after its number is its year of issue (read as such already: ``issued``), not the year
the plan is of. Near miss: a plan whose title writes its number's year and no other stays the plan of that year.

A tiny corpus indexed with the hashing embedder (its words decide, not a model).
"""

from __future__ import annotations

import pytest

from assistant.absence import _WRITTEN_YEAR, DocumentAsked, contradicts
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import index_texts


def _plan(number: str, province: str, issued: str, signer: str, issue_year: str, plan_year: str) -> str:
    """A province's plan as a legal portal pastes it: its title writing the year of issue after the number and the
    year the plan is of, the portal's header table, the document's header and its first line."""
    day, month, _ = issued.split("/")
    return "\n".join((
        f"Kế hoạch {number} năm {issue_year} cải cách hành chính nhà nước tỉnh {province} năm {plan_year}",
        f"| Số hiệu | {number} |", f"| Ngày ban hành | {issued} |", "| Loại văn bản | Kế hoạch |",
        f"| Cơ quan ban hành | Tỉnh {province} |", f"| Người ký | {signer} |",
        "ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}", f"Số: {number}",
        f"{province}, ngày {day} tháng {month} năm {issue_year}",
        "KẾ HOẠCH", f"CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH {province.upper()} NĂM {plan_year}",
        f"Triển khai công tác cải cách hành chính năm {plan_year} một cách kịp thời, thông suốt và hiệu quả.",
        ""))


#: A province's plan issued in December for the next year, its title writing the year of issue after the number.
NEXT_YEAR_PLAN = _plan("138/KH-UBND", "Hưng Yên", "19/12/2025", "Phạm Văn Nghiêm", "2025", "2026")
#: The near miss: a plan whose title writes its number's year and the same year as the plan's.
SAME_YEAR_PLAN = _plan("41/KH-UBND", "Hòa Bình", "15/01/2024", "Bùi Văn Khánh", "2024", "2024")
TITLE = "Kế hoạch 138/KH-UBND năm 2025 cải cách hành chính nhà nước tỉnh Hưng Yên năm 2026"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("number-year"), {
        "hung-yen-138-kh.txt": NEXT_YEAR_PLAN, "hoa-binh-41-kh.txt": SAME_YEAR_PLAN})
    return Assistant(settings, HybridRetriever(store))


def test_the_year_after_the_number_is_the_year_of_issue_not_the_plans():
    # main's reading: every year the title writes is a year the plan is of, 2025 among them: no contradiction
    assert [m.group("y") for m in _WRITTEN_YEAR.finditer(TITLE.lower())] == ["2025", "2026"]
    # the branch's: the year bound to the number is read as the year of issue; the plan is of 2026
    assert contradicts(DocumentAsked("Kế hoạch", "2025"), "Kế hoạch", "138/KH-UBND", TITLE, "2025")
    assert not contradicts(DocumentAsked("Kế hoạch", "2026"), "Kế hoạch", "138/KH-UBND", TITLE, "2025")


def test_the_plan_of_the_year_of_issue_asked_is_refused(assistant):
    answer = assistant.ask("Kế hoạch cải cách hành chính nhà nước năm 2025 của tỉnh Hưng Yên là kế hoạch số mấy?")
    assert answer.abstained, answer.text
    assert "chỉ có của các văn bản khác" in answer.text


def test_the_plan_of_the_year_its_title_writes_is_answered(assistant):
    answer = assistant.ask("Kế hoạch cải cách hành chính nhà nước năm 2026 của tỉnh Hưng Yên là kế hoạch số mấy?")
    assert not answer.abstained, answer.text
    assert "138/KH-UBND" in answer.text


def test_a_title_writing_its_number_year_alone_is_answered(assistant):
    answer = assistant.ask("Kế hoạch cải cách hành chính nhà nước năm 2024 của tỉnh Hòa Bình là kế hoạch số mấy?")
    assert not answer.abstained, answer.text
    assert "41/KH-UBND" in answer.text
