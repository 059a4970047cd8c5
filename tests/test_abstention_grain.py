"""Refusals where the year or the day asked is absent from the passages that speak of the subject (issue 18: a refusal
needs the evidence to be absent, never a field alone), with answered near-misses: a post dating its sitting "Sáng ngày
19/4" answers "vào ngày nào" but not "năm nào"; a post that writes the year answers "năm nào"; a post that gives no
day answers no "ngày nào"; a sitting numbered otherwise ("phiên họp thứ năm … năm 2023") is no evidence of the year of
the fourth.

A tiny corpus indexed with the hashing embedder (its words decide, not a model).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.absence import absent_grain, asked_grain, states_grain
from assistant.abstention import AbstentionFeatures, AbstentionRule
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import index_texts

#: A post on the fourth sitting of a steering committee, dated by day and month only.
FOURTH_SITTING = "\n".join((
    "Ban Chỉ đạo cải cách hành chính tỉnh Phú Thọ họp phiên thứ tư",
    "Sáng ngày 19/4, Chủ tịch UBND tỉnh Phú Thọ, Trưởng Ban Chỉ đạo cải cách hành chính của tỉnh đã chủ trì Phiên "
    "họp thứ 4 của Ban Chỉ đạo cải cách hành chính tỉnh Phú Thọ, tập trung vào cải cách thủ tục hành chính gắn với "
    "chuyển đổi số.",
    ""))
#: A post on the fifth sitting, which writes its year.
FIFTH_SITTING = "\n".join((
    "Ban Chỉ đạo cải cách hành chính tỉnh Phú Thọ họp phiên thứ năm",
    "Ngày 20/7/2023, Chủ tịch UBND tỉnh Phú Thọ, Trưởng Ban Chỉ đạo cải cách hành chính của tỉnh đã chủ trì phiên họp "
    "thứ năm của Ban Chỉ đạo cải cách hành chính tỉnh Phú Thọ, sơ kết 6 tháng đầu năm 2023.",
    ""))
#: A post on an inspection that gives no day at all.
UNDATED_INSPECTION = "\n".join((
    "Kiểm tra giờ giấc làm việc tại thành phố Việt Trì",
    "Đoàn kiểm tra của Sở Nội vụ tỉnh Phú Thọ đã kiểm tra đột xuất giờ giấc làm việc của cán bộ, công chức tại "
    "UBND thành phố Việt Trì; qua kiểm tra, phần lớn cán bộ, công chức chấp hành nghiêm giờ giấc làm việc.",
    ""))


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("grain"), {
        "phien-hop-thu-4.txt": FOURTH_SITTING, "phien-hop-thu-5.txt": FIFTH_SITTING,
        "kiem-tra-viet-tri.txt": UNDATED_INSPECTION})
    return Assistant(settings, HybridRetriever(store))


def test_a_year_the_post_of_the_sitting_does_not_write_is_refused(assistant):
    answer = assistant.ask("Phiên họp thứ 4 của Ban Chỉ đạo cải cách hành chính tỉnh Phú Thọ diễn ra năm nào?")
    assert answer.abstained, answer.text
    assert "không nêu năm" in answer.text


def test_the_day_of_the_same_sitting_is_answered(assistant):
    answer = assistant.ask("Phiên họp thứ 4 của Ban Chỉ đạo cải cách hành chính tỉnh Phú Thọ diễn ra vào ngày nào?")
    assert not answer.abstained, answer.text
    assert "19/4" in answer.text


def test_the_year_a_post_writes_is_answered(assistant):
    answer = assistant.ask("Phiên họp thứ năm của Ban Chỉ đạo cải cách hành chính tỉnh Phú Thọ diễn ra năm nào?")
    assert not answer.abstained, answer.text
    assert "2023" in answer.text


def test_a_day_no_post_gives_is_refused(assistant):
    answer = assistant.ask("Đoàn kiểm tra của Sở Nội vụ kiểm tra giờ giấc làm việc tại thành phố Việt Trì vào "
                           "ngày nào?")
    assert answer.abstained, answer.text
    assert "không nêu ngày" in answer.text


def test_the_branch_is_named_and_switchable():
    f = AbstentionFeatures(coverage=0.9, unknown_share=0.0, unknown=(), type_found=True, absent_grain="năm",
                           topic_coverage=0.9)
    assert [name for name, _ in AbstentionRule().branches(f)] == ["grain"]
    assert AbstentionRule(require_grain=False).branches(f) == []
    # the message says the documents speak of the subject: when no unit does, the coverage branches decide
    weak = AbstentionFeatures(coverage=0.9, unknown_share=0.0, unknown=(), type_found=True, absent_grain="năm",
                              topic_coverage=AbstentionRule().min_coverage_without_type / 2)
    assert "grain" not in [name for name, _ in AbstentionRule().branches(weak)]


@pytest.mark.parametrize(("question", "grain"), [
    ("Phiên họp thứ 4 của Ban Chỉ đạo diễn ra năm nào?", "year"),
    ("Số liệu hồ sơ trễ hạn là của năm mấy?", "year"),
    ("Đoàn kiểm tra làm việc tại Sở Tư pháp vào ngày nào?", "day"),
    ("Buổi đối thoại bị hoãn sang hôm nào?", "day"),
    ("Đoàn kiểm tra làm việc trong bao nhiêu ngày?", ""),  # a duration
    ("Khi nào đoàn kiểm tra làm việc?", ""),  # a time of any grain, or the case it applies in
])
def test_the_grain_asked(question, grain):
    assert asked_grain(question) == grain


def test_a_grain_is_stated_in_its_written_forms():
    assert states_grain("Chủ tịch tiếp công dân vào thứ Năm hằng tuần.", "day")
    assert states_grain("Đến ngày 15-11, Sở Xây dựng vẫn chưa thực hiện.", "day")
    assert states_grain("Ngày 22 tháng 8 năm 2023, Đoàn làm việc tại Sở Y tế.", "year")
    assert not states_grain("Trong 11 tháng đầu năm nay, 1.052 hồ sơ trễ hạn.", "year")
    assert not states_grain("Đoàn kiểm tra đã làm việc tại Sở Tư pháp.", "day")


def _unit(text, score=1.0, coverage=1.0, nam=""):
    result = SimpleNamespace(passage=SimpleNamespace(text=text, section="", doc_id="d"),
                             doc_metadata={"nam": nam, "tieu_de": ""})
    return SimpleNamespace(text=text, result=result, score=score, coverage=coverage, doc_id="d")


def test_only_the_units_that_speak_of_the_subject_are_read():
    asks = SimpleNamespace(original="Đoàn kiểm tra làm việc tại Sở Tư pháp vào ngày nào?", text="", doc_numbers=[],
                           years=[], provinces=[], answer_types=("time",))
    subject = _unit("Đoàn kiểm tra làm việc tại Sở Tư pháp, trao đổi với lãnh đạo Sở.", coverage=0.9)
    aside = _unit("Công trình dự kiến hoàn thành ngày 30/9.", score=0.5, coverage=0.2)
    assert absent_grain([subject, aside], asks) == "ngày"
    assert absent_grain([subject, _unit("Sáng 3/11, Đoàn kiểm tra làm việc tại Sở Tư pháp.", coverage=0.8)],
                        asks) == ""
    # a document whose year was read states it: "năm nào" of a dated plan is its year
    year_asked = SimpleNamespace(**{**vars(asks), "original": "Đoàn kiểm tra làm việc tại Sở Tư pháp năm nào?"})
    assert absent_grain([_unit(subject.text, nam="2021")], year_asked) == ""
