"""Every part of a question quoted (issue 18, item 6): a question asking two things ("từ ngày nào, áp dụng hình thức
nào") gets the line answering each; a list question asking more keeps the lead document's own answer first when only
other documents enumerate; a long line's quote keeps the number of the document asked; a line left open (";") is
quoted with the lines that close it. Literal texts, tiny lexical state."""

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


POST = {"loai_van_ban": "Tin bài", "tinh": "Quảng Trị", "nam": "2022", "source": "corpus/tin-quang-tri.txt",
        "tieu_de": "Kết quả công tác tuyên truyền cải cách hành chính năm 2022"}


def test_a_long_lines_quote_keeps_the_number_and_date_of_the_document_asked():
    line = ("- Qua các buổi giao ban, các đơn vị đã tập trung tuyên truyền Chương trình tổng thể cải cách hành chính "
            "giai đoạn 2021-2030 và Kế hoạch cải cách hành chính năm 2022 của tỉnh; "
            "Quyết định số 1520/QĐ-UBND ngày 20/12/2021 của UBND tỉnh về phê duyệt Kế hoạch cải cách hành chính năm "
            "2022; Kế hoạch số 301/KH-UBND ngày 28/12/2021 của UBND tỉnh về chuyển đổi số năm 2022; Kế hoạch số "
            "288/KH-UBND ngày 15/12/2021 của UBND tỉnh về tuyên truyền cải cách hành chính năm 2022.")
    results = _results("tin-quang-tri", POST, [("1. Kết quả", line)])
    answer = _compose("Kế hoạch tuyên truyền cải cách hành chính năm 2022 của tỉnh là kế hoạch số mấy, ngày nào?",
                      results)
    quote = answer.citations[0].quote
    assert "288/KH-UBND ngày 15/12/2021" in quote, answer.text
    assert len(quote) < len(line)  # still cut: the clauses about the plan asked, not the whole line


def test_a_list_question_asking_more_keeps_the_lead_documents_answer():
    thesis = {"loai_van_ban": "", "source": "corpus/luan-van.txt", "tieu_de": "Dịch vụ hành chính công"}
    plan = {"loai_van_ban": "Kế hoạch", "so_hieu": "9/KH-UBND", "tinh": "Bắc Giang", "nam": "2016",
            "source": "corpus/kh-9.txt", "tieu_de": "Kế hoạch cải cách hành chính năm 2016"}
    lead = _results("luan-van", thesis, [
        ("Chương 1", "Chương trình cải cách hành chính giai đoạn 2001 - 2010 được ban hành tại Quyết định số "
                     "136/QĐ-TTg; chương trình xác định rõ bốn lĩnh vực cải cách: thể chế, tổ chức bộ máy, "
                     "đội ngũ cán bộ và tài chính công."),
    ])
    other = [r.__class__(rank=2, passage=r.passage, score=0.5, doc_metadata=r.doc_metadata)
             for r in _results("kh-9", plan, [
                 ("II. Nhiệm vụ", "Các quyết định của tỉnh gồm: Quyết định số 5/QĐ-UBND, Quyết định số 6/QĐ-UBND, "
                                  "Quyết định số 7/QĐ-UBND, Quyết định số 8/QĐ-UBND."),
             ])]
    answer = _compose("Chương trình cải cách hành chính giai đoạn 2001 - 2010 ban hành theo quyết định nào, xác định "
                      "những lĩnh vực nào?", lead + other)
    assert "136/QĐ-TTg" in answer.citations[0].quote and "bốn lĩnh vực" in answer.text, answer.text  # first
    assert "5/QĐ-UBND" in answer.text  # the other document's enumeration still follows


def test_a_line_left_open_is_quoted_with_the_lines_that_close_it():
    meta = {"loai_van_ban": "Thông báo", "tinh": "Quảng Trị", "source": "corpus/tb-xa.txt",
            "tieu_de": "Lịch tiếp công dân của Chủ tịch UBND xã"}
    results = _results("tb-xa", meta, [
        ("Phần mở đầu", "Chủ tịch UBND xã tiếp công dân vào thứ hai hàng tuần."),
        ("1. Thời gian", "Giờ tiếp: - Buổi sáng: từ 7 giờ 30 đến 11 giờ;"),
        ("1. Thời gian", "- Buổi chiều: từ 13 giờ 30 đến 16 giờ 30."),
        ("2. Địa điểm", "Phòng tiếp công dân của xã, thôn Đông Hà."),
    ])
    answer = _compose("Chủ tịch UBND xã tiếp công dân giờ nào?", results)
    assert "11 giờ" in answer.text and "16 giờ 30" in answer.text, answer.text
