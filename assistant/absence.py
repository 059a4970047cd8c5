"""Evidence a question names that the passages an answer would quote must hold: a month, a year or a day. Absent
from them, the question is about something the documents do not hold (issue 18: a refusal needs the evidence to be
absent, never a field alone).

- A question about a month ("Trong tháng 10/2022 Giám đốc Sở Nội vụ tiếp dân hôm nào?"): no period those passages
  write holds that month (:func:`textnorm.periods.find_periods`: "ngày 24/9/2021", "tháng 9-2021", "quý III/2021",
  "từ tháng 8 đến tháng 10"), of that year when the question gives one, and none states a recurrence that holds every
  month ("thứ Năm hằng tuần", "ngày 15 hàng tháng").
- A question asking for a year ("diễn ra năm nào") or a day ("vào ngày nào", "hôm nào") and nothing of a definite
  shape besides (:func:`assistant.evidence.asked_fact`: a document's own date, a date of effect have their checks):
  no passage of the units that speak of the subject (:func:`subject_units`: in the question's scope, not numbering the
  sitting asked otherwise, carrying most of the best coverage) writes a value of that grain, and their documents
  state none (a year read for the year; a news post's date of a day for the day).

A question naming a document by its number is left to the number's own checks for the month (:mod:`assistant.scope`,
:func:`assistant.evidence.absent_named_number`); for a year or a day, the document's own read year and date count.

>>> asked_month("Trong tháng 10/2022 Giám đốc Sở Nội vụ tiếp dân hôm nào?")
(10, 2022)
>>> holds_month("Lịch tiếp dân: 07 giờ 30 ngày 24/6/2022, Giám đốc Sở.", 10, 2022)
False
"""

from __future__ import annotations

import re

from assistant.evidence import asked_fact, in_question_scope, numbers_other_events
from assistant.scope import evidence_text
from index.model import DocumentMetadata
from retriever.query import resolve_named_documents
from retriever.years import document_year_table
from textnorm import fold_accents
from textnorm.cues import YEAR, YEAR_WORD
from textnorm.english import ENGLISH_DAY, english_text
from textnorm.kinds import DocumentKind
from textnorm.periods import WRITTEN_DATE, find_periods

#: A month named in a question, folded: "tháng 9", "tháng 9/2021", "tháng 12-2024", "tháng 1 năm 2026" ("tháng mấy"
#: asks a month: no digit, no match).
_ASKED_MONTH = re.compile(r"\bthang\s*(?P<m>\d{1,2})(?:\s*(?:/|-|nam)\s*(?P<y>" + YEAR + r"))?\b(?!\s*/\s*\d)")
#: A recurrence that holds every month: "thứ Năm hằng tuần", "ngày 15 hàng tháng", "mỗi tháng" (folded).
_RECURRING = re.compile(r"\b(?:hang|moi)\s+(?:tuan|thang)\b")


def asked_month(question: str) -> tuple[int, int | None] | None:
    """The month a question names and its year when written with it ("tháng 9/2021" → (9, 2021)), else None.

    >>> asked_month("Hội đồng thi tuyển họp tháng 1 năm 2026 vào những hôm nào?")
    (1, 2026)
    >>> asked_month("Cuộc đối thoại tháng 12/2024 bị hoãn?"), asked_month("Đoàn kiểm tra vào tháng mấy?")
    ((12, 2024), None)
    >>> asked_month("Báo cáo 6 tháng đầu năm 2022"), asked_month("ngày 5 tháng 13")
    (None, None)
    """
    m = _ASKED_MONTH.search(fold_accents(question).lower())
    if m is None or not 1 <= int(m.group("m")) <= 12:
        return None
    return int(m.group("m")), int(m.group("y")) if m.group("y") else None


def holds_month(text: str, month: int, year: int | None = None) -> bool:
    """Whether ``text`` states a period holding ``month`` (of ``year`` when given and the period states one), or a
    recurrence that holds every month.

    >>> holds_month("Đợt 2 kiểm tra trong quý III/2021.", 9, 2021), holds_month("ngày 24/9/2020", 9, 2021)
    (True, False)
    >>> holds_month("Chủ tịch tiếp công dân vào thứ Năm hằng tuần.", 9), holds_month("ngày 15/9", 9, 2021)
    (True, True)
    """
    if _RECURRING.search(fold_accents(text or "").lower()):
        return True
    return any(month in p.months and (year is None or p.year is None or p.year == year)
               for _, _, p in find_periods(text or ""))


#: The units an answer would quote: the best this many by score (as :data:`assistant.evidence.FACT_TOP_UNITS`).
QUOTED_UNITS = 5
#: Units carrying at least this share of the best coverage are read too, as for the year asked
#: (``AbstentionRule.year_coverage_share``): several documents may say the same thing; the right one need not rank
#: first.
EVIDENCE_COVERAGE_SHARE = 0.75


def _quoted(units: list, top: int = QUOTED_UNITS) -> list:
    """The units an answer would quote: the best ``top`` by score."""
    return sorted(units, key=lambda u: -u.score)[:top]


def _names_documents(analysis, state) -> bool:
    """The question names documents by number: their own checks decide (:mod:`assistant.scope`)."""
    return bool(getattr(analysis, "doc_numbers", None)) or bool(
        state is not None and resolve_named_documents(analysis, state.records))


def _read_units(units: list) -> list:
    """The units whose passages are read for the evidence: those an answer would quote (:func:`_quoted`) and those
    carrying at least :data:`EVIDENCE_COVERAGE_SHARE` of the best coverage."""
    best = max((u.coverage for u in units), default=0.0)
    read = {id(u): u for u in _quoted(units)}
    read.update({id(u): u for u in units if u.coverage >= EVIDENCE_COVERAGE_SHARE * best})
    return list(read.values())


def absent_month(units: list, analysis, state=None) -> str:
    """The month a question names ("tháng 9/2021") when no passage of the units read (:func:`_read_units`) holds it
    (:func:`holds_month`), else "".

    >>> from types import SimpleNamespace as NS
    >>> def unit(text): return NS(score=1.0, coverage=0.5, result=NS(passage=NS(text=text, section="", doc_id="d"),
    ...                                                              doc_metadata={"tieu_de": ""}))
    >>> q = NS(original="Trong tháng 9/2021 Ban Tiếp công dân làm việc hôm nào?", text="", doc_numbers=[])
    >>> absent_month([unit("07 giờ 30 ngày 24/6/2021 Giám đốc Sở.")], q), absent_month([unit("ngày 23/9/2021")], q)
    ('tháng 9/2021', '')
    """
    asked = asked_month(getattr(analysis, "original", "") or analysis.text)
    if asked is None or not units or _names_documents(analysis, state):
        return ""
    month, year = asked
    if any(holds_month(evidence_text(u.result), month, year) for u in _read_units(units)):
        return ""
    return f"tháng {month}" + (f"/{year}" if year else "")


#: A question asking for a year, folded: "diễn ra năm nào", "năm mấy", "vào năm bao nhiêu".
_ASKS_YEAR = re.compile(r"\bnam (?:nao|may|bao nhieu)\b")
#: A question asking for a day, folded: "vào ngày nào", "ngày mấy", "hôm nào" ("bao nhiêu ngày" asks a duration).
_ASKS_DAY = re.compile(r"\b(?:ngay (?:nao|may|bao nhieu)|hom nao)\b")
#: A weekday, folded: "thứ Năm", "thứ 5", "chủ nhật" (a schedule answers "vào ngày nào" with one).
_WEEKDAY = re.compile(r"\b(?:thu (?:[2-7]|hai|ba|tu|nam|sau|bay)|chu nhat)\b")
#: What each grain is called in a refusal.
GRAIN_NAMES = {"year": "năm", "day": "ngày"}


def asked_grain(question: str) -> str:
    """The grain of time a question asks for: "year" ("diễn ra năm nào"), "day" ("vào ngày nào", "hôm nào"), else
    "" (a day asked with its year counts as a day: a date states both or the day alone answers).

    >>> asked_grain("Phiên họp thứ 4 diễn ra năm nào?"), asked_grain("Đoàn làm việc tại Sở vào ngày nào?")
    ('year', 'day')
    >>> asked_grain("Kiểm tra trong bao nhiêu ngày?"), asked_grain("Khi nào kiểm tra?")
    ('', '')
    """
    folded = fold_accents(question).lower()
    if _ASKS_DAY.search(folded):
        return "day"
    return "year" if _ASKS_YEAR.search(folded) else ""


def states_grain(text: str, grain: str) -> bool:
    """Whether ``text`` writes a time of ``grain``: a year ("năm 2023", "19/7/2023", "2021-2025") for "year"; a day
    and month ("19/4", "ngày 15-11", "17 tháng 9"), a weekday or a recurrence ("thứ Năm hằng tuần") for "day". Any
    date counts, a cited document's too (leaving those out refused no more question on any set: the milder reading).

    >>> states_grain("Sáng ngày 19/4, Thủ tướng chủ trì Phiên họp thứ 4.", "day")
    True
    >>> states_grain("Sáng ngày 19/4, Thủ tướng chủ trì Phiên họp thứ 4.", "year")
    False
    >>> states_grain("Chủ tịch tiếp công dân vào thứ Năm hằng tuần.", "day")
    True
    >>> states_grain("The inspection of the districts must be completed before December 10, 2024.", "day")
    True
    """
    text = text or ""
    if grain == "year":
        return bool(YEAR_WORD.search(text))
    folded = fold_accents(text).lower()
    return bool(WRITTEN_DATE.search(text) or _RECURRING.search(folded) or _WEEKDAY.search(folded)
                or (english_text(text) and ENGLISH_DAY.search(text)))  # an English page: "before December 10"


def subject_units(units: list, analysis, state=None, doc_text=None) -> list:
    """The units that speak of the question's subject: among those the question's scope does not rule out
    (:func:`assistant.evidence.in_question_scope`) and that do not number the sitting or round asked otherwise
    (:func:`assistant.evidence.numbers_other_events`), the units read (:func:`_read_units`) carrying at least
    :data:`EVIDENCE_COVERAGE_SHARE` of the best coverage."""
    question = getattr(analysis, "original", "") or analysis.text
    scoped = [u for u in units if in_question_scope(u, analysis, state, doc_text)
              and not numbers_other_events(question, evidence_text(u.result))]
    best = max((u.coverage for u in scoped), default=0.0)
    return [u for u in _read_units(scoped) if u.coverage >= EVIDENCE_COVERAGE_SHARE * best]


def _document_states(unit, grain: str, state=None) -> bool:
    """The unit's document states a time of ``grain`` by itself: a year read (for a year), a news post's dateline
    read as its date (for either: the post's day dates what it reports)."""
    md = DocumentMetadata.of(unit.result.doc_metadata)
    if grain == "year":
        table = document_year_table(state) if state is not None else {}
        return bool(md.year or table.get(unit.result.passage.doc_id))
    return md.kind == DocumentKind.NEWS and len(md.issue_date.split("-")) == 3


def absent_grain(units: list, analysis, state=None, doc_text=None) -> str:
    """The grain of time asked ("năm", "ngày") when the question asks nothing of a definite shape besides
    (:func:`assistant.evidence.asked_fact`) and no passage of the units that speak of
    its subject (:func:`subject_units`) writes a time of that grain (:func:`states_grain`), nor does their document
    (:func:`_document_states`); else "".

    >>> from types import SimpleNamespace as NS
    >>> def unit(text): return NS(score=1.0, coverage=0.5, doc_id="d", text=text, result=NS(
    ...     passage=NS(text=text, section="", doc_id="d"), doc_metadata={"tieu_de": ""}))
    >>> q = NS(original="Phiên họp thứ 4 của Ban Chỉ đạo diễn ra năm nào?", text="", doc_numbers=[], years=[],
    ...        provinces=[], answer_types=("time",))
    >>> absent_grain([unit("Sáng ngày 19/4, Thủ tướng chủ trì Phiên họp thứ 4 của Ban Chỉ đạo.")], q)
    'năm'
    >>> absent_grain([unit("Ngày 19/4/2022, Thủ tướng chủ trì Phiên họp thứ 4 của Ban Chỉ đạo.")], q)
    ''
    """
    question = getattr(analysis, "original", "") or analysis.text
    grain = asked_grain(question)
    if not grain or not units:
        return ""
    if asked_fact(analysis.text or question, tuple(getattr(analysis, "answer_types", ()))).kind:
        return ""
    for u in subject_units(units, analysis, state, doc_text):
        if states_grain(evidence_text(u.result), grain) or _document_states(u, grain, state):
            return ""
    return GRAIN_NAMES[grain]


__all__ = ["QUOTED_UNITS", "EVIDENCE_COVERAGE_SHARE", "GRAIN_NAMES", "asked_month", "holds_month", "absent_month",
           "asked_grain", "states_grain", "subject_units", "absent_grain"]
