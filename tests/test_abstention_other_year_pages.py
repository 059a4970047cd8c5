"""A year asked is refused when what the best unit's page says is of another year (issue 18, session 22): a page
whose fields hold no year but whose whole text writes other years only and never the year asked (nor a period holding
it). A page
writing no year at all, or the year asked anywhere, or a period holding it, is never ruled out: a year unread is no
evidence (metadata is a hint, never a gate).
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace as NS

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
