"""Deadlines as plans state them in a task's "Thời gian / Thời hạn / Tiến độ" cell or sentence, read as stages.

A deadline has one stage or several, one per clause ("XD kế hoạch Quý I; thực hiện quý IV": two, each with its label
and its period); a stage is a period (:func:`textnorm.periods.find_periods`: a month, a quarter, a date — "trước
ngày" marks a due date —, a range, a half-year; "Năm 2021" and "trong năm" are the whole year), or a recurrence
without a date ("Thường xuyên", "Hằng năm", "Theo giai đoạn ổn định"). A period without its year takes the plan's.

>>> [(s.label, s.period.label() if s.period else s.recurring) for s in read_deadline("Tháng 01/2021")]
[('', 'tháng 1/2021')]
>>> [(s.label, s.period.label()) for s in read_deadline("XD kế hoạch Quý I; thực hiện quý IV", plan_year=2021)]
[('XD kế hoạch', 'quý I/2021'), ('thực hiện', 'quý IV/2021')]
>>> [(s.label, s.period.label() if s.period else s.recurring)
...  for s in read_deadline("- Ban hành tháng 12/2020; - Thực hiện thường xuyên")]
[('Ban hành', 'tháng 12/2020'), ('Thực hiện', 'thuong_xuyen')]
>>> stage = read_deadline("Trước ngày 15/02/2021")[0]
>>> stage.period.label(), stage.period.deadline
('15/02/2021', True)
>>> [s.recurring for s in read_deadline("Theo giai đoạn ổn định") + read_deadline("Hằng năm")]
['theo_giai_doan', 'hang_nam']
>>> [s.period.label() for s in read_deadline("Năm 2021") + read_deadline("Tháng 3-6/2021")]
['2021', 'tháng 3/2021 – tháng 6/2021']
>>> read_deadline("6 tháng đầu năm", plan_year=2021)[0].period.label(), read_deadline("Theo yêu cầu")
('6 tháng đầu năm 2021', ())
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textnorm.cues import YEAR
from textnorm.periods import Period, find_periods, fold_same_length

#: Recurrences a deadline cell states instead of a date (folded), with the name each is stored under.
RECURRENCES = (
    ("thuong_xuyen", re.compile(r"\bthuong xuyen\b|\blien tuc\b")),
    ("theo_giai_doan", re.compile(r"\btheo (?:tung |moi )?giai doan\b")),
    ("hang_nam", re.compile(r"\b(?:hang|moi) nam\b|\bdinh ky (?:hang )?nam\b")),
    ("hang_quy", re.compile(r"\b(?:hang|moi) quy\b|\bdinh ky (?:hang )?quy\b")),
    ("hang_thang", re.compile(r"\b(?:hang|moi) thang\b|\bdinh ky (?:hang )?thang\b")),
)
#: A whole year: "Năm 2021", "trong năm 2021", "cả năm"; "trong năm" alone is the plan's year.
_WHOLE_YEAR = re.compile(r"\b(?:trong\s+|ca\s+)?nam\s*(" + YEAR + r")\b|\b(?:trong|ca)\s+nam\b(?!\s*" + YEAR + ")")
#: What separates the stages of one deadline: ";", a line break, a bullet opening a clause.
_CLAUSES = re.compile(r"[;\n]+|(?:^|\s)[-–+•](?=\s)")
#: Words that lead into a period and belong to neither the stage's label nor the period ("Thực hiện trong năm").
_LEAD_IN = re.compile(r"(?:\s|\b(?:trong|vao|truoc|tu|den|cham nhat|han|khong qua|ngay|thoi han)\b|[:,(–-])+$")


@dataclass(frozen=True)
class DeadlineStage:
    """One stage of a deadline: its label ("" for a one-stage deadline), its period or recurrence, and where its
    clause lies in the deadline text (``text[start:end]``)."""

    label: str
    period: Period | None
    recurring: str  # "" | thuong_xuyen | theo_giai_doan | hang_nam | hang_quy | hang_thang
    start: int
    end: int


def whole_year(year: int | None) -> Period:
    """The period of a whole year ("Năm 2021").

    >>> whole_year(2021).months == tuple(range(1, 13)), whole_year(2021).quarters
    (True, (1, 2, 3, 4))
    """
    head = str(year) if year else ""
    return Period("year", year, tuple(range(1, 13)), head, head, (1, 2, 3, 4))


def _clauses(text: str) -> list[tuple[int, int]]:
    """The spans of the deadline's clauses, stripped of spaces and bullets; empty clauses dropped."""
    spans, last = [], 0
    for m in _CLAUSES.finditer(text):
        spans.append((last, m.start()))
        last = m.end()
    spans.append((last, len(text)))
    out = []
    for start, end in spans:
        while start < end and (text[start].isspace() or text[start] in "-–+•"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".;,"):
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def _clause_stages(clause: str, plan_year: int | None) -> list[tuple[int, Period | None, str]]:
    """(offset in the clause, period, recurrence) of what one clause states, left to right."""
    periods = find_periods(clause)
    found = [(s, p.with_year(plan_year) if plan_year else p, "") for s, _, p in periods]
    folded = fold_same_length(clause)
    taken = [(s, e) for s, e, _ in periods]
    for m in _WHOLE_YEAR.finditer(folded):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            year = int(m.group(1)) if m.group(1) else plan_year
            found.append((m.start(), whole_year(year), ""))
    for name, pattern in RECURRENCES:
        hit = pattern.search(folded)
        if hit:
            found.append((hit.start(), None, name))
    return sorted(found, key=lambda t: t[0])


def _label(clause: str, offset: int) -> str:
    """The words before a clause's first period: what is due then ("XD kế hoạch")."""
    head = clause[:offset]
    return head[: len(_LEAD_IN.sub("", fold_same_length(head)))].strip()


def read_deadline(text: str, *, plan_year: int | None = None) -> tuple[DeadlineStage, ...]:
    """The stages of a deadline as written (empty when it states neither a period nor a recurrence).

    Args:
        text: the deadline cell or phrase.
        plan_year: the plan's year, given to a period that states none.
    """
    clauses = _clauses(text)
    stages: list[DeadlineStage] = []
    for start, end in clauses:
        clause = text[start:end]
        for offset, period, recurring in _clause_stages(clause, plan_year):
            label = _label(clause, offset) if len(clauses) > 1 else ""
            stages.append(DeadlineStage(label, period, recurring, start, end))
    return tuple(stages)


__all__ = ["DeadlineStage", "read_deadline", "whole_year", "RECURRENCES"]
