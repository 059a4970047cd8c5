"""The period a question asks about: "quý III", "quy 3", "Q3", "III/2030", "tháng 7–9", "6 tháng cuối năm", a date.

Quarters are first written canonically by :func:`retriever.query.canonical_quarters` ("Q3" → "quý III"); the
grammar of :mod:`textnorm.periods` then reads the same forms plans use, accented or not.
"""

from __future__ import annotations

import re

from retriever.query import canonical_quarters
from textnorm import normalize_text
from textnorm.cues import YEAR, YEAR_WORD
from textnorm.periods import QUARTER_MONTHS, Period, find_periods, fold_same_length

#: "III/2030" written alone in a question (plans write it in table cells; a question may copy it).
_BARE_QUARTER = re.compile(r"(?<![\w/])(iv|i{1,3})\s*/\s*(" + YEAR + r")\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def question_period(question: str, years: list[str] | tuple[str, ...] = ()) -> Period | None:
    """The period a question names, with the question's year where the period itself has none.

    Args:
        question: the question as typed (accents optional).
        years: years the question names elsewhere ("… năm 2021").

    Returns:
        A :class:`textnorm.periods.Period`, or None when the question names no period.

    >>> question_period("Những sở nào được kiểm tra trong quý III?").quarters
    (3,)
    >>> p = question_period("so nao duoc kiem tra Q3 2021"); (p.quarters, p.year)
    ((3,), 2021)
    >>> question_period("kiểm tra tháng 7–9/2030").label(), question_period("6 thang cuoi nam").label()
    ('quý III/2030', '6 tháng cuối năm')
    """
    text = canonical_quarters(normalize_text(question or ""))
    found = [p for _, _, p in find_periods(text) if not p.deadline]
    if not found:
        m = _BARE_QUARTER.search(fold_same_length(text))
        if not m:
            return None
        q, year = _ROMAN[m.group(1)], int(m.group(2))
        months = QUARTER_MONTHS[q]
        return Period("quarter", year, months, f"{year}-{months[0]:02d}", f"{year}-{months[-1]:02d}", (q,))
    period = found[-1]  # a follow-up resolved from the conversation ends with the period it asks about now
    if period.kind == "range" and len(period.quarters) == 1 and period.months == QUARTER_MONTHS[period.quarters[0]]:
        period = Period("quarter", period.year, period.months, period.start, period.end, period.quarters)
    if period.year is None:
        named = list(years) or YEAR_WORD.findall(text)
        if named:
            period = period.with_year(int(named[0]))
    return period


__all__ = ["question_period"]
