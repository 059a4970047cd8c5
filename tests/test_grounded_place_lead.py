"""The page of the province asked leads the answer (issue 18, F22): a question naming a province whose words another
province's page shares better ("chỉ số CCHC năm 2023 … Đắk Lắk", a page of Phú Yên, merged into it in 2025, first,
its line naming Phú Yên) is answered from the page of the province named, or from a page whose province is not read.
Literal texts, tiny lexical state."""

from __future__ import annotations

from dataclasses import replace

from assistant.grounded import GroundedConfig, compose_grounded_answer
from retriever.query import analyze_query
from tests.grounded_state import search_results, tiny_state

PHU_YEN = {"loai_van_ban": "Tin bài", "tinh": "Phú Yên", "nam": "2024", "source": "corpus/tin-phu-yen.txt"}
DAK_LAK = {"loai_van_ban": "Tin bài", "tinh": "Đắk Lắk", "nam": "2024", "source": "corpus/tin-dak-lak.txt"}
UNREAD = {"loai_van_ban": "Tin bài", "tinh": "", "nam": "2024", "source": "corpus/tin-khong-ro.txt"}

PY_LINE = ("Chỉ số cải cách hành chính năm 2023 của tỉnh Phú Yên tăng 11 bậc, xếp 52/63, đạt 85,39%, tăng 9,4 điểm "
           "so với năm 2022, chỉ số cải cách hành chính năm 2023 cao nhất từ trước đến nay.")
DL_LINE = "Năm 2023 tỉnh Đắk Lắk đạt 87,33 điểm, xếp thứ 28/63 tỉnh, thành phố."


def _results(second_meta: dict, first_line: str = PY_LINE):
    first = search_results("tin-phu-yen", PHU_YEN, [("Tin bài", first_line)])
    second = search_results("tin-dak-lak", second_meta, [("Tin bài", DL_LINE)])
    return first + [replace(r, rank=len(first) + n + 1) for n, r in enumerate(second)]


def _first(text: str, figure: str, other: str) -> bool:
    """``figure`` is stated before ``other`` (or ``other`` not at all)."""
    return figure in text and (other not in text or text.index(figure) < text.index(other))


def _answer(question: str, results, widened: tuple[str, ...] = ()):
    state = tiny_state(results)
    analysis = analyze_query(question, state.restorer)
    if widened:  # as resolve_merged_provinces reads a merged province's name: its older siblings searched too
        analysis = replace(analysis, provinces=[*analysis.provinces, *widened], widened=widened)
    return compose_grounded_answer(question, analysis, results, state, GroundedConfig())


def test_the_page_of_the_province_named_leads_over_another_provinces():
    answer = _answer("Chỉ số cải cách hành chính năm 2023 của tỉnh Đắk Lắk đạt bao nhiêu điểm?", _results(DAK_LAK))
    assert _first(answer.text, "87,33", "85,39"), answer.text


def test_a_merged_siblings_page_does_not_lead_the_province_named():
    answer = _answer("Chỉ số cải cách hành chính năm 2023 của tỉnh Đắk Lắk đạt bao nhiêu điểm?", _results(DAK_LAK),
                     widened=("Phú Yên",))
    assert _first(answer.text, "87,33", "85,39"), answer.text


def test_a_page_whose_province_is_not_read_may_lead():
    answer = _answer("Chỉ số cải cách hành chính năm 2023 của tỉnh Đắk Lắk đạt bao nhiêu điểm?", _results(UNREAD))
    assert _first(answer.text, "87,33", "85,39"), answer.text


def test_the_province_named_keeps_its_own_page_first():
    answer = _answer("Chỉ số cải cách hành chính năm 2023 của tỉnh Phú Yên đạt bao nhiêu điểm?", _results(DAK_LAK))
    assert _first(answer.text, "85,39", "87,33"), answer.text


def test_a_line_that_does_not_name_its_province_keeps_its_page_first():
    # a page of Phú Yên asked about as "Đắk Lắk" (merged into it): its line says nothing of another province
    line = PY_LINE.replace(" của tỉnh Phú Yên", "")
    answer = _answer("Chỉ số cải cách hành chính năm 2023 của tỉnh Đắk Lắk đạt bao nhiêu điểm?",
                     _results(DAK_LAK, line), widened=("Phú Yên",))
    assert _first(answer.text, "85,39", "87,33"), answer.text


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
