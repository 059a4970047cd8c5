"""The unit quoted for a "what / which / how" ask (issue 18, item 6): the line that adds what is asked leads, not a
line that restates the question's subject; a quote of a long line keeps a quotation whole. Literal Vietnamese lines,
a tiny lexical state (no Chroma, no embedder)."""

from __future__ import annotations

from assistant.grounded.rendering import quote_span
from assistant.grounded.units import QuotedSpan
from tests.grounded_state import compose as _compose
from tests.grounded_state import search_results as _results

PLAN = {"loai_van_ban": "Kế hoạch", "so_hieu": "82/KH-UBND", "tinh": "Nam Định", "nam": "2021",
        "tieu_de": "Thực hiện Nghị quyết số 06-NQ/TU về xây dựng nông thôn mới nâng cao, kiểu mẫu",
        "source": "corpus/kh-82.txt"}
PREAMBLE = ("Thực hiện Nghị quyết số 06-NQ/TU ngày 18/6/2021 của Ban chấp hành Đảng bộ tỉnh về xây dựng nông thôn "
            "mới (NTM) nâng cao, kiểu mẫu giai đoạn 2021 - 2025, UBND tỉnh ban hành Kế hoạch thực hiện cụ thể như sau:")
ROADMAP = ("- Kế hoạch triển khai xây dựng NTM nâng cao, kiểu mẫu giai đoạn 2021 - 2025 phải có lộ trình hợp lý, "
           "bước đi vững chắc, phù hợp với tình hình thực tế.")


def test_the_line_adding_what_is_asked_leads_not_the_preamble_restating_the_subject():
    results = _results("kh-82", PLAN, [
        ("Phần mở đầu", PREAMBLE),
        ("I. MỤC ĐÍCH, YÊU CẦU > 2. Yêu cầu", ROADMAP),
        ("II. NHIỆM VỤ", "- Gắn kết quả xây dựng NTM nâng cao, kiểu mẫu với trách nhiệm của người đứng đầu."),
    ])
    answer = _compose("Kế hoạch xây dựng NTM nâng cao, kiểu mẫu phải có lộ trình thế nào?", results)
    assert "lộ trình hợp lý" in answer.citations[0].quote, answer.text


DECISION = {"loai_van_ban": "Quyết định", "so_hieu": "757/QĐ-UBND", "tinh": "Quảng Ninh", "nam": "2014",
            "tieu_de": "Ban hành Quy chế hoạt động của Tổ công tác triển khai Kế hoạch nâng cao chỉ số PCI",
            "source": "corpus/qd-757.txt"}


def test_a_question_whose_answer_is_the_title_line_keeps_it_first():
    article = ("Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động của Tổ công tác triển khai thực hiện Kế "
               "hoạch nâng cao chỉ số năng lực cạnh tranh (PCI) tỉnh Quảng Ninh.")
    results = _results("qd-757", DECISION, [
        ("Điều 1", article),
        ("Điều 3", "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở, ban, ngành; các thành viên Tổ "
                   "công tác chịu trách nhiệm thi hành quyết định này."),
    ])
    answer = _compose("Quyết định 757/QĐ-UBND ban hành quy chế hoạt động của tổ công tác nào?", results)
    assert answer.citations[0].quote == article, answer.text


SLOGAN = ("Lào Cai là tỉnh miền núi phía Bắc, có vị trí chiến lược cả về kinh tế – xã hội, quốc phòng, an ninh. Nhận "
          "thức rõ điều này, nhiều năm qua, tỉnh không ngừng nỗ lực cải cách hành chính hướng tới phục vụ tốt nhất "
          "người dân, doanh nghiệp với phương châm hành động “Kỷ cương, liêm chính, hành động, sáng tạo, hiệu quả”, "
          "tạo môi trường thuận lợi cho đầu tư.")


def test_a_quote_of_a_long_line_keeps_the_quotation_it_reaches_whole():
    unit = QuotedSpan(None, 0, len(SLOGAN), SLOGAN, "sentence")
    weights = {"phuong": 2.0, "cham": 2.0, "hanh": 1.0, "dong": 1.0, "cai": 1.0, "cach": 1.0, "lao": 1.0}
    start, end, quote = quote_span(unit, weights, 300, context_chars=120)
    assert "“Kỷ cương, liêm chính, hành động, sáng tạo, hiệu quả”" in quote, quote
    assert SLOGAN[start:end] == quote and len(quote) <= 300


def test_a_quote_cuts_a_quotation_only_when_the_line_does_not_close_it():
    unclosed = "“Cần thực hiện chính sách hỗ trợ một cách công bằng, minh bạch- Đó là ý kiến chỉ đạo, " * 3
    unit = QuotedSpan(None, 0, len(unclosed), unclosed, "sentence")
    start, end, quote = quote_span(unit, {"chinh": 1.0, "sach": 1.0}, 120, context_chars=120)
    assert quote and unclosed[start:end] == quote and len(quote) <= 120
