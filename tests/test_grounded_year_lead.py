"""The page whose line writes the year asked leads the answer (issue 18, F22): a question asking about a year ("Từ đầu
năm 2025 đến nay …") led by a page whose best line writes only other years ("tạm ngưng … từ ngày 01/4/2020") is
answered from the page whose best line writes the year asked. Literal texts, tiny lexical state."""

from __future__ import annotations

from dataclasses import replace

from assistant.grounded import GroundedConfig, compose_grounded_answer
from retriever.query import analyze_query
from tests.grounded_state import search_results, tiny_state


def _first(text: str, figure: str, other: str) -> bool:
    """``figure`` is stated before ``other`` (or ``other`` not at all)."""
    return figure in text and (other not in text or text.index(figure) < text.index(other))


def _answer(question: str, results):
    state = tiny_state(results)
    return compose_grounded_answer(question, analyze_query(question, state.restorer), results, state, GroundedConfig())


OLD_POST = {"loai_van_ban": "Tin bài", "tinh": "Đồng Tháp", "nam": "2020", "source": "corpus/tin-2020.txt"}
NEW_POST = {"loai_van_ban": "Tin bài", "tinh": "Đồng Tháp", "nam": "", "source": "corpus/tin-2025.txt"}
OLD_LINE = ("Bộ phận tiếp nhận và trả kết quả phường tạm ngưng tiếp nhận hồ sơ thủ tục hành chính trực tiếp từ ngày "
            "01/4/2020; hồ sơ thủ tục hành chính tiếp nhận qua bưu điện.")
NEW_LINE = "Từ đầu năm 2025 đến nay, phường đã giải quyết 656 hồ sơ."


def _posts(new_line: str = NEW_LINE):
    first = search_results("tin-2020", OLD_POST, [("Tin bài", OLD_LINE)])
    second = search_results("tin-2025", NEW_POST, [("Tin bài", new_line)])
    return first + [replace(r, rank=len(first) + n + 1) for n, r in enumerate(second)]


def test_the_page_whose_line_writes_the_year_asked_leads():
    answer = _answer("Từ đầu năm 2025 đến nay, Bộ phận tiếp nhận và trả kết quả phường đã tiếp nhận và giải quyết "
                     "bao nhiêu hồ sơ thủ tục hành chính?", _posts())
    assert _first(answer.text, "656", "01/4/2020"), answer.text


def test_a_line_writing_no_year_does_not_lead_for_the_year_asked():
    answer = _answer("Từ đầu năm 2025 đến nay, Bộ phận tiếp nhận và trả kết quả phường đã tiếp nhận và giải quyết "
                     "bao nhiêu hồ sơ thủ tục hành chính?", _posts(NEW_LINE.replace("Từ đầu năm 2025 đến nay, ", "")))
    assert _first(answer.text, "01/4/2020", "656"), answer.text

