"""A question asking two things gets both (issue 18, facts): each ask, read by its kind (a date, a count, a number, a
signer), gets the lead document's line carrying that kind, in the order asked; a question asking one thing is
answered as before. Literal texts, tiny lexical state."""

from __future__ import annotations

from assistant.grounded.asks import answers_kind, counts, question_asks
from assistant.grounded.units import QuotedSpan
from tests.grounded_state import compose, search_results
from textnorm.cues import AnswerType

POST = {"loai_van_ban": "Tin bài", "tinh": "Phú Thọ", "nam": "2026", "source": "corpus/tin-xa.txt",
        "tieu_de": "Xã triển khai mô hình Ngày thứ Bảy vì dân"}
CHUNKS = [
    ("Phần mở đầu", "Ngay trong buổi sáng đầu tiên triển khai mô hình, Trung tâm Phục vụ hành chính công xã đã tiếp "
                    "nhận và giải quyết trên 30 hồ sơ thủ tục hành chính, chủ yếu thuộc lĩnh vực đất đai, chính sách "
                    "xã hội, được người dân đánh giá cao."),
    ("Phần mở đầu", "Ngày 17/1 (thứ Bảy), Trung tâm Phục vụ hành chính công xã chính thức tổ chức tiếp nhận thủ tục "
                    "hành chính, thực hiện mô hình Ngày thứ Bảy vì dân."),
    ("Phần mở đầu", "Trong năm 2025, Trung tâm đã giải quyết 1.052 hồ sơ thủ tục hành chính đúng hạn."),
]


def test_asks_are_read_by_their_kinds():
    asks = question_asks("Kế hoạch CCHC năm 2014 là kế hoạch số mấy, ban hành ngày nào và ai ký?")
    assert [sorted(a.kinds) for a in asks] == [["number"], ["issue_date"], ["signer"]]
    assert len(question_asks("Bao nhiêu đơn vị xếp loại Tốt, Khá, Trung bình?")) == 1  # one ask, listed parts
    assert [sorted(a.kinds) for a in question_asks("Có bao nhiêu sở và gồm những đơn vị nào?")] == [["amount"],
                                                                                                  ["list"]]


def test_a_day_and_month_answers_a_date_and_a_year_is_no_count():
    day = QuotedSpan(None, 0, 20, "Ngày 17/1 (thứ Bảy), xã tổ chức", "sentence")
    assert answers_kind(day, AnswerType.TIME)
    assert counts("Trong 2 ngày làm việc", ("ngay",))
    assert not counts("Nghị định 111/2022/NĐ-CP năm 2025; bãi bỏ Nghị quyết số 09/2023/NQ-HĐND", ("nghi", "quyet"))


def test_the_first_asks_line_comes_first_and_the_second_is_quoted():
    results = search_results("tin-xa", POST, CHUNKS)
    answer = compose("Xã bắt đầu mô hình Ngày thứ Bảy vì dân từ ngày nào, buổi sáng đầu tiên giải quyết bao nhiêu "
                     "hồ sơ?", results)
    text = answer.text
    assert "17/1" in text and "30 hồ sơ" in text, text
    assert text.index("17/1") < text.index("30 hồ sơ"), text  # the date asked first is answered first
    assert text.index("30 hồ sơ") < 400, text


def test_one_ask_is_answered_as_before():
    results = search_results("tin-xa", POST, CHUNKS)
    answer = compose("Buổi sáng đầu tiên xã giải quyết bao nhiêu hồ sơ?", results)
    assert answer.text.split("[1]")[0].count("30 hồ sơ") == 1 and "17/1" not in answer.text.split("\n")[0]
