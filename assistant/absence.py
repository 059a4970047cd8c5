"""Evidence a question names that the passages an answer would quote must hold: a month. Absent from them, the
question is about something the documents do not hold (issue 18: a refusal needs the evidence to be absent, never a
field alone).

- A question about a month ("Trong tháng 10/2022 Giám đốc Sở Nội vụ tiếp dân hôm nào?"): no period those passages
  write holds that month (:func:`textnorm.periods.find_periods`: "ngày 24/9/2021", "tháng 9-2021", "quý III/2021",
  "từ tháng 8 đến tháng 10"), of that year when the question gives one, and none states a recurrence that holds every
  month ("thứ Năm hằng tuần", "ngày 15 hàng tháng").

A question naming a document by its number is left to the number's own checks (:mod:`assistant.scope`,
:func:`assistant.evidence.absent_named_number`).

>>> asked_month("Trong tháng 10/2022 Giám đốc Sở Nội vụ tiếp dân hôm nào?")
(10, 2022)
>>> holds_month("Lịch tiếp dân: 07 giờ 30 ngày 24/6/2022, Giám đốc Sở.", 10, 2022)
False
"""

from __future__ import annotations

import re

from assistant.scope import evidence_text
from retriever.query import resolve_named_documents
from textnorm import fold_accents
from textnorm.cues import YEAR
from textnorm.periods import find_periods

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


__all__ = ["QUOTED_UNITS", "EVIDENCE_COVERAGE_SHARE", "asked_month", "holds_month", "absent_month"]
