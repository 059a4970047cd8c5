"""The unit quoted first for a question asking one thing (issue 18, item 6): a list answers a list question, so an
amount asked is quoted from the list's item that states it, not from the article's lead-in and every item; and every
basis line of a decision is quoted in order only for a list question ("căn cứ những văn bản nào"), not because the
question says "các" elsewhere. Literal Vietnamese lines, a tiny lexical state (no Chroma, no embedder)."""

from __future__ import annotations

from tests.grounded_state import compose as _compose
from tests.grounded_state import search_results as _results

RESOLUTION = {"loai_van_ban": "Nghị quyết", "so_hieu": "15/2020/NQ-HĐND", "tinh": "Trà Vinh", "nam": "2020",
              "tieu_de": "Về nhiệm vụ phát triển kinh tế - xã hội năm 2021", "source": "corpus/nq-15.txt"}
ARTICLE_2 = ("Điều 2. Hội đồng nhân dân tỉnh thống nhất các mục tiêu, chỉ tiêu, nhiệm vụ và giải pháp chủ yếu phát "
             "triển kinh tế - xã hội năm 2021, nhất là các giải pháp đã được đề ra trong báo cáo của Ủy ban nhân dân "
             "tỉnh. Trong đó, Hội đồng nhân dân tỉnh đề nghị Ủy ban nhân dân tỉnh tập trung tổ chức thực hiện tốt "
             "một số nội dung trọng tâm như sau:\n"
             "1. Mục tiêu tổng quát Phấn đấu tốc độ tăng trưởng GRDP từ 11% trở lên so với năm 2020; đẩy mạnh tái "
             "cơ cấu kinh tế, đổi mới mô hình tăng trưởng;\n"
             "2. Các chỉ tiêu chủ yếu: thu nhập bình quân đầu người đạt 68 triệu đồng; tỷ lệ hộ nghèo giảm 1%.")


def test_an_amount_asked_is_quoted_from_the_item_stating_it_not_from_the_lead_in():
    results = _results("nq-15", RESOLUTION, [
        ("Điều 2", ARTICLE_2),
        ("Điều 1", "Điều 1. Thống nhất với báo cáo của Ủy ban nhân dân tỉnh về kết quả thực hiện nhiệm vụ phát "
                   "triển kinh tế - xã hội năm 2020."),
    ])
    answer = _compose("Nghị quyết 15/2020/NQ-HĐND về phát triển kinh tế - xã hội năm 2021 đặt mục tiêu tăng "
                      "trưởng GRDP bao nhiêu?", results)
    assert answer.citations[0].quote.startswith("1. Mục tiêu tổng quát"), answer.text
    assert answer.text.index("11% trở lên") < 400, answer.text


SUBMISSION = {"loai_van_ban": "Tờ trình", "so_hieu": "28/TTr-UBND", "tinh": "Hà Nam", "nam": "2015",
              "tieu_de": "Đề nghị công nhận xã Công Lý đạt chuẩn nông thôn mới", "source": "corpus/ttr-28.txt"}
BASIS = ["Căn cứ Quyết định số 491/QĐ-TTg ngày 16 tháng 4 năm 2009 của Thủ tướng Chính phủ về việc ban hành Bộ "
         "tiêu chí Quốc gia về nông thôn mới;",
         "Căn cứ Thông tư số 41/2013/TT-BNNPTNT ngày 04/10/2013 của Bộ Nông nghiệp và Phát triển nông thôn hướng dẫn "
         "thực hiện Bộ tiêu chí Quốc gia về nông thôn mới;",
         "Căn cứ Thông tư số 40/2014/TT-BNNPTNT ngày 13 tháng 11 năm 2014 của Bộ Nông nghiệp và Phát triển nông "
         "thôn hướng dẫn trình tự, thủ tục hồ sơ xét công nhận xã đạt chuẩn nông thôn mới;",
         "Căn cứ Quyết định số 126/QĐ-UBND ngày 23 tháng 01 năm 2015 của UBND tỉnh Hà Nam về việc ban hành Quy định "
         "phương pháp đánh giá, chấm điểm các tiêu chí công nhận xã đạt chuẩn nông thôn mới tỉnh Hà Nam;"]


def _submission():
    return _results("ttr-28", SUBMISSION, [("Phần mở đầu", "\n".join(BASIS)),
                                           ("I", "Xã Công Lý đã hoàn thành 19/19 tiêu chí nông thôn mới.")])


def test_one_basis_asked_beside_a_phrase_saying_cac_is_quoted_first():
    answer = _compose("Tờ trình của xã Công Lý căn cứ quyết định nào của UBND tỉnh Hà Nam về phương pháp đánh giá, "
                      "chấm điểm các tiêu chí?", _submission())
    assert "126/QĐ-UBND" in answer.citations[0].quote, answer.text


def test_a_list_of_bases_asked_is_quoted_in_the_document_order():
    answer = _compose("Tờ trình của xã Công Lý căn cứ những văn bản nào?", _submission())
    quotes = [c.quote for c in answer.citations]
    assert any("491/QĐ-TTg" in q for q in quotes[:1]) and any("126/QĐ-UBND" in q for q in quotes), answer.text
