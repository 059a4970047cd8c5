"""Every part of a question quoted (issue 18, item 6): a question asking two things ("từ ngày nào, bố trí ở đâu")
gets the line answering each; a list question keeps the lead document's own answer when only other documents
enumerate; a long line's quote keeps the number of the document asked. Literal texts, tiny lexical state."""

from __future__ import annotations

from retriever.query import analyze_query
from tests.grounded_state import compose as _compose
from tests.grounded_state import search_results as _results

NOTICE = {"loai_van_ban": "Thông báo", "tinh": "Lào Cai", "nam": "2024", "source": "corpus/tb-lao-cai.txt",
          "tieu_de": "Về việc vận hành Bộ phận một cửa cấp huyện theo mô hình mới"}


def test_each_part_of_a_question_gets_its_phrase():
    from assistant.grounded.scoring import asked_phrases

    phrases = asked_phrases(analyze_query("Huyện đưa Bộ phận một cửa vào hoạt động từ ngày nào, phòng làm việc "
                                          "bố trí ở đâu?"))
    assert phrases[-1][-1] == "bo tri" and "phong lam" in phrases[-1], phrases  # not the words of "từ ngày nào"
    assert asked_phrases(analyze_query("Kế hoạch số mấy, ngày nào?")) == [("ke hoach",)]  # "ngày nào": a date


def test_a_question_asking_two_things_quotes_the_line_of_each():
    results = _results("tb-lao-cai", NOTICE, [
        ("Phần mở đầu", "Từ ngày 15/8/2024, huyện đưa Bộ phận một cửa vào hoạt động theo mô hình mới, tiếp nhận "
                        "hồ sơ của người dân và doanh nghiệp trên địa bàn huyện."),
        ("1. Nhiệm vụ", "Bộ phận một cửa của huyện hoạt động theo mô hình mới, tiếp nhận hồ sơ của người dân."),
        ("1. Nhiệm vụ", "Bộ phận một cửa của huyện đưa vào hoạt động dịch vụ công, tiếp nhận hồ sơ của doanh nghiệp."),
        ("1. Nhiệm vụ", "Huyện đưa Bộ phận một cửa vào hoạt động cùng Trung tâm phục vụ hành chính công tỉnh."),
        ("2. Cách làm", "Hình thức áp dụng là trực tuyến toàn trình qua Cổng dịch vụ công quốc gia."),
    ])
    # "áp dụng hình thức nào" asks no shape (no date, place, agency): only its words tell its line
    answer = _compose("Huyện đưa Bộ phận một cửa vào hoạt động tiếp nhận hồ sơ từ ngày nào, áp dụng hình thức nào?",
                      results)
    assert "15/8/2024" in answer.text and "trực tuyến toàn trình" in answer.text, answer.text
    only_date = _compose("Huyện đưa Bộ phận một cửa vào hoạt động tiếp nhận hồ sơ từ ngày nào?", results)
    assert "15/8/2024" in only_date.text and "trực tuyến toàn trình" not in only_date.text, only_date.text
