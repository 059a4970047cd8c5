"""Refusals where the month asked is absent from what an answer would quote (issue 18: a refusal needs the evidence to
be absent, never a field alone), with answered near-misses: a month asked ("Trong tháng 9/2021 … hôm nào?") that no
quoted passage holds in any written form, while the month it does hold ("24/6/2021") is answered, and a recurrence
("thứ Năm hằng tuần") answers every month.

A tiny corpus indexed with the hashing embedder (its words decide, not a model).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.absence import absent_month, asked_month, holds_month
from assistant.abstention import AbstentionFeatures, AbstentionRule
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import HA_NAM_PLAN, index_texts

#: A department's schedule of citizen receptions for the first half of a year.
SCHEDULE = "\n".join((
    "LỊCH TIẾP CÔNG DÂN NĂM 2021 CỦA GIÁM ĐỐC SỞ TƯ PHÁP TỈNH PHÚ THỌ",
    "Giám đốc Sở Tư pháp tỉnh Phú Thọ tiếp công dân định kỳ tại trụ sở Sở vào các ngày sau:",
    "- 07 giờ 30 ngày 22/4/2021;",
    "- 07 giờ 30 ngày 24/6/2021.",
    ""))
#: A commune's weekly reception: holds every month.
WEEKLY = "\n".join((
    "THÔNG BÁO LỊCH TIẾP CÔNG DÂN CỦA UBND XÃ TÂN LẬP",
    "Chủ tịch UBND xã Tân Lập tiếp công dân định kỳ vào thứ Năm hằng tuần tại Phòng tiếp công dân của UBND xã.",
    ""))


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return index_texts(tmp_path_factory.mktemp("kind_month"), {
        "lich-phu-tho.txt": SCHEDULE, "ke-hoach-ha-nam.txt": HA_NAM_PLAN})


@pytest.fixture(scope="module")
def assistant(index):
    settings, store = index
    return Assistant(settings, HybridRetriever(store))


def test_a_month_no_quoted_passage_holds_is_refused(assistant):
    answer = assistant.ask("Trong tháng 9/2021 Giám đốc Sở Tư pháp tỉnh Phú Thọ tiếp dân hôm nào?")
    assert answer.abstained, answer.text
    assert "tháng 9/2021" in answer.text


def test_the_month_the_schedule_holds_is_answered(assistant):
    answer = assistant.ask("Trong tháng 6/2021 Giám đốc Sở Tư pháp tỉnh Phú Thọ tiếp dân hôm nào?")
    assert not answer.abstained, answer.text
    assert "24/6/2021" in answer.text


def test_a_weekly_reception_holds_every_month(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("weekly"), {"lich-tan-lap.txt": WEEKLY})
    assistant = Assistant(settings, HybridRetriever(store))
    answer = assistant.ask("Trong tháng 11/2025 Chủ tịch UBND xã Tân Lập tiếp dân những hôm nào?")
    assert not answer.abstained, answer.text
    assert "hằng tuần" in answer.text


def test_the_branches_are_named_and_switchable():
    f = AbstentionFeatures(coverage=0.9, unknown_share=0.0, unknown=(), type_found=True,
                           absent_month="tháng 9/2021")
    assert [name for name, _ in AbstentionRule().branches(f)] == ["month"]
    assert AbstentionRule(require_month=False).branches(f) == []


@pytest.mark.parametrize(("question", "asked"), [
    ("Cuộc đối thoại với thanh niên tháng 12/2024 bị hoãn sang hôm nào?", (12, 2024)),
    ("Hội đồng thi tuyển viên chức họp tháng 1 năm 2026 vào những hôm nào?", (1, 2026)),
    ("Hội nghị giao ban tháng 8-2021 được tổ chức khi nào?", (8, 2021)),
    ("Đoàn kiểm tra làm việc tại Sở Tư pháp vào tháng mấy?", None),  # the month is what is asked
    ("Kết quả 6 tháng đầu năm 2022 ra sao?", None),
])
def test_the_month_asked(question, asked):
    assert asked_month(question) == asked


def test_a_month_is_held_in_any_written_form():
    assert holds_month("Đợt 2 kiểm tra từ tháng 8 đến tháng 10 năm 2021.", 9, 2021)
    assert holds_month("Ngày 15 tháng 9 năm 2021, Đoàn làm việc tại Sở Y tế.", 9, 2021)
    assert holds_month("Kiểm tra trong quý III/2021.", 9, 2021)
    assert holds_month("tiếp công dân vào ngày 15 hàng tháng", 9, 2021)
    assert not holds_month("Kiểm tra trong quý III/2020.", 9, 2021)
    assert not holds_month("Ngày 15/10/2021, Đoàn làm việc tại Sở Y tế.", 9, 2021)


def _unit(text, nam="", kind="", score=1.0, coverage=1.0):
    result = SimpleNamespace(passage=SimpleNamespace(text=text, section="", doc_id="d"),
                             doc_metadata={"nam": nam, "loai_van_ban": kind, "tieu_de": ""})
    return SimpleNamespace(text=text, result=result, score=score, coverage=coverage)


def test_the_evidence_of_a_month_is_read_in_every_unit_an_answer_would_quote():
    asks = SimpleNamespace(original="Trong tháng 9/2021 Giám đốc Sở Tư pháp tiếp dân hôm nào?", text="",
                           doc_numbers=[])
    units = [_unit(f"07 giờ 30 ngày {d}/2021", score=1.0 - i / 10) for i, d in enumerate(("22/4", "24/6", "23/9"))]
    assert absent_month(units, asks) == ""
    assert absent_month(units[:2], asks) == "tháng 9/2021"
