"""A count asked of a month ("Tháng 8/2022 tỉnh Kon Tum tiếp nhận bao nhiêu đơn …?") is read where it is that month's
(session 27): a page of another month ("Trong tháng 7/2022, … tiếp nhận 199 đơn") counts that month's, and a page
writing no year asked ("tồn từ quý III chuyển sang", no year at all) gives no count of August 2022. Main's reading
(A26's ``value_bound``) took any count of the noun. Near misses stay answered: the month asked written, a page dated
the month asked, a question naming no month.
"""

from __future__ import annotations

from types import SimpleNamespace

from assistant.absence import other_noun_count, value_bound
from assistant.evidence import AskedFact

#: The complaints counted, as Kon Tum's July post writes them (literal lines of freshdocs12's page).
JULY = ("Trong tháng 7/2022, toàn tỉnh Kon Tum đã đã tiếp 40 lượt/54 người đến khiếu nại, tố cáo, kiến nghị, phản "
        "ánh; tiếp nhận 199 đơn khiếu nại, tố cáo, kiến nghị, phản ánh của công dân.")
#: A quarter's report writing no year at all; its only period is the backlog's quarter.
NO_YEAR = ("Cơ quan hành chính các cấp đã tiếp 556 lượt công dân/422 công dân; tiếp nhận 64 đơn khiếu nại, tố cáo (48 "
           "đơn khiếu nại và 16 đơn tố cáo). Tổng số đơn khiếu nại, tố cáo thuộc thẩm quyền giải quyết của thủ trưởng "
           "các cơ quan hành chính các cấp là 33 đơn (trong đó tồn từ quý III chuyển sang là 12 đơn)")
LETTERS = AskedFact("count", ("don",))


def _unit(text, page=None):
    return SimpleNamespace(text=text, result=SimpleNamespace(passage=SimpleNamespace(doc_id="d", text=page or text)))


def _asks(question, years=()):
    return SimpleNamespace(original=question, text="", years=list(years), doc_numbers=[])


def test_a_count_of_another_month_is_no_count_of_the_month_asked():
    asks = _asks("Trong tháng 8 năm 2022, tỉnh Kon Tum nhận được bao nhiêu đơn khiếu nại, tố cáo?", ["2022"])
    assert value_bound(JULY, LETTERS)  # main's reading: July's 199 letters bound to the noun asked
    assert other_noun_count([_unit(JULY)], LETTERS, asks) == "khác"
    assert other_noun_count([_unit(JULY), _unit(NO_YEAR)], LETTERS, asks) == "khác"


def test_the_month_asked_written_keeps_the_answer():
    asks = _asks("Trong tháng 8 năm 2022, tỉnh Kon Tum nhận được bao nhiêu đơn khiếu nại, tố cáo?", ["2022"])
    august = _unit("Trong tháng 8/2022, toàn tỉnh tiếp nhận 157 đơn khiếu nại, tố cáo của công dân.")
    assert other_noun_count([_unit(JULY), august], LETTERS, asks) == ""
    # a sentence writing no period, on a page of the month asked
    dated = _unit("Toàn tỉnh tiếp nhận 157 đơn khiếu nại, tố cáo của công dân.",
                  "Kết quả tiếp công dân tháng 8/2022\nToàn tỉnh tiếp nhận 157 đơn khiếu nại, tố cáo của công dân.")
    assert other_noun_count([dated], LETTERS, asks) == ""


def test_a_question_naming_no_month_reads_as_on_main():
    asks = _asks("Trong năm 2022, tỉnh Kon Tum nhận được bao nhiêu đơn khiếu nại, tố cáo?", ["2022"])
    assert other_noun_count([_unit(JULY)], LETTERS, asks) == ""
