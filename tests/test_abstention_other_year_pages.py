"""A year asked is refused when what the best unit's page says is of another year (issue 18, session 22): a page
whose fields hold no year but whose whole text writes other years only and never the year asked (nor a period holding
it). A page
writing no year at all, or the year asked anywhere, or a period holding it, is never ruled out: a year unread is no
evidence (metadata is a hint, never a gate).
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace as NS

from assistant.absence import quoted_of_other_years
from assistant.abstention import AbstentionRule, _year_ok

#: The line an answer would quote: a post on a directive, whose own fields hold no year.
DIRECTIVE = ("Chủ tịch UBND tỉnh vừa ban hành Chỉ thị số 26/CT-UBND về tăng cường kỷ luật, kỷ cương trong các cơ quan "
             "hành chính nhà nước.")
#: The rest of that post, of another year than the one asked.
POST_2016 = ("Tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước\n" + DIRECTIVE + "\n"
             "Trong năm 2016, các sở, ban, ngành phải chấn chỉnh quy chế làm việc của UBND tỉnh.")
#: The same post writing no year at all, and one writing a period that holds the year asked.
POST_NO_YEAR = "Tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước\n" + DIRECTIVE
POST_PERIOD = POST_NO_YEAR + "\nChỉ thị được thực hiện trong giai đoạn 2021 - 2025."
#: A cited document's date is the cited document's, not the post's.
POST_CITING = POST_NO_YEAR + "\nThực hiện Kế hoạch số 517/KH-UBND ngày 27/02/2016 của UBND tỉnh."

ASKED = "Chỉ thị tăng cường kỷ cương, kỷ luật hành chính năm 2025 của tỉnh là chỉ thị số mấy?"


class _State:
    records: dict = {}
    doc_meta: dict = {}

    def __init__(self):
        self._memo = {}

    def memo(self, key, make):
        return self._memo.setdefault(key, make(self))


def _unit(text: str, doc_id: str = "post", coverage: float = 0.8, **metadata):
    passage = NS(text=text, doc_id=doc_id, section="")
    return NS(text=text, coverage=coverage, result=NS(passage=passage, doc_metadata=metadata))


def _analysis(question: str, years: list[str]):
    return NS(original=question, text=question, provinces=[], years=years, doc_numbers=[], named_doc_ids=())


def _ok(question, years, units, docs=None, rule=AbstentionRule()):
    return _year_ok(units, max(u.coverage for u in units), _analysis(question, years), rule, _State(),
                    (docs or {}).get)


def test_a_page_writing_other_years_only_is_no_evidence_of_the_year_asked():
    assert not _ok(ASKED, ["2025"], [_unit(DIRECTIVE)], {"post": POST_2016})


def test_the_knob_off_keeps_the_answer():
    rule = replace(AbstentionRule(), read_document_years=False)
    assert _ok(ASKED, ["2025"], [_unit(DIRECTIVE)], {"post": POST_2016}, rule)


def test_a_page_writing_no_year_is_never_ruled_out():
    assert _ok(ASKED, ["2025"], [_unit(DIRECTIVE)], {"post": POST_NO_YEAR})


def test_a_page_writing_a_period_holding_the_year_is_never_ruled_out():
    assert _ok(ASKED, ["2023"], [_unit(DIRECTIVE)], {"post": POST_PERIOD})


def test_a_cited_documents_date_is_not_the_pages_year():
    assert _ok(ASKED, ["2025"], [_unit(DIRECTIVE)], {"post": POST_CITING})


def test_the_page_writing_the_year_asked_anywhere_keeps_the_answer():
    assert _ok(ASKED, ["2016"], [_unit(DIRECTIVE)], {"post": POST_2016})


#: Two posts an answer would quote for an inspection plan of 2023: one of the fourth quarter of 2022, one silent on
#: its year (a field unread, and no year anywhere on its page).
QUARTER_2022 = ("Theo đó, trong quý IV/2022, UBND tỉnh sẽ thành lập Đoàn kiểm tra công tác cải cách hành chính và kiểm "
                "soát thủ tục hành chính.")
SILENT = ("Chủ tịch UBND tỉnh đề nghị các đơn vị được kiểm tra căn cứ theo kế hoạch và đề cương hướng dẫn báo cáo của "
          "Đoàn kiểm tra.")
ASKED_PLAN = "Kế hoạch kiểm tra công tác cải cách hành chính năm 2023 của tỉnh kiểm tra những đơn vị nào?"


def _quoted(units, docs, years=("2023",), read=True):
    for u in units:
        u.score = u.coverage
    return quoted_of_other_years(units, _analysis(ASKED_PLAN, list(years)), _State(), 0.5,
                                 docs.get if read else None)


def test_a_silent_page_beside_another_years_page_is_no_evidence_of_the_year_asked():
    units = [_unit(SILENT, "silent", 0.9), _unit(QUARTER_2022, "q4", 0.85)]
    assert _quoted(units, {"silent": SILENT, "q4": QUARTER_2022}) == "khác"


def test_silent_pages_alone_never_refuse():
    units = [_unit(SILENT, "silent", 0.9)]
    assert _quoted(units, {"silent": SILENT}) == ""


def test_a_quoted_page_writing_the_year_asked_keeps_the_answer():
    units = [_unit(SILENT, "silent", 0.9), _unit(QUARTER_2022, "q4", 0.85)]
    assert _quoted(units, {"silent": SILENT + "\nNăm 2023, tỉnh kiểm tra 11 đơn vị.", "q4": QUARTER_2022}) == ""


def test_the_pages_unread_keep_the_answer():
    units = [_unit(SILENT, "silent", 0.9), _unit(QUARTER_2022, "q4", 0.85)]
    assert _quoted(units, {"silent": SILENT, "q4": QUARTER_2022}, read=False) == ""
