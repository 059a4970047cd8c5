"""A quote is never empty: a unit whose first clause is longer than the quote limit is quoted by its words up to the
limit, not by the short tail after its last comma (which once quoted nothing and crashed the answer)."""
import itertools

from assistant.grounded.rendering import _display, quote_span
from assistant.grounded.units import QuotedSpan
from textnorm.patterns import DOCUMENT_REFERENCE

LEAD_IN = ("Căn cứ Công văn số 215/SNV-CCHC ngày 12/02/2025 của Sở Nội vụ tỉnh Bắc Ninh về việc hướng dẫn chế độ "
           "báo cáo định kỳ công tác cải cách hành chính và Công văn số 640/SNV-CCHC ngày 08/5/2025 của Sở Nội vụ "
           "về việc đôn đốc gửi báo cáo quý II năm 2025 đúng thời hạn quy định. Ủy ban nhân dân xã Tân Chi báo cáo "
           "kết quả thực hiện công tác cải cách hành chính quý II năm 2025, như sau:")


def _unit(text: str) -> QuotedSpan:
    return QuotedSpan(None, 1000, 1000 + len(text), text, "lead_in", "basis")


def test_a_lead_in_longer_than_the_limit_is_quoted_by_its_words_not_its_tail():
    unit = _unit(LEAD_IN)
    start, end, quote = quote_span(unit, {"cong": 1.0, "van": 1.0}, 300, DOCUMENT_REFERENCE, context_chars=80)
    assert quote.startswith("Căn cứ Công văn số 215/SNV-CCHC")
    assert LEAD_IN[start - 1000:end - 1000] == quote and len(quote) <= 300


def test_every_quote_of_a_long_unit_has_text_and_displays():
    unit = _unit(LEAD_IN)
    for limit, weights in itertools.product((40, 120, 300, len(LEAD_IN) - 1), ({}, {"nhu": 1.0, "sau": 1.0})):
        start, end, quote = quote_span(unit, weights, limit, DOCUMENT_REFERENCE, context_chars=80)
        assert quote.strip() and LEAD_IN[start - 1000:end - 1000] == quote
        assert _display(unit, quote, 1, start > unit.start, end < unit.end)[0].endswith("[1]")
