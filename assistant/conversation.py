"""Follow-up questions resolved from the conversation, without an LLM.

"Còn Hà Nam thì sao?" after "Kiên Giang kiểm tra CCHC vào thời gian nào?" becomes the earlier question about Hà Nam;
"Hạn nộp báo cáo là khi nào?" keeps the province (and year) the conversation was about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.types import Turn
from retriever.hybrid import SearchFilters
from retriever.query import QueryAnalysis, analyze_query, find_provinces
from textnorm import fold_accents

_FOLLOW_UP_CUES = re.compile(r"^(còn|vậy|thế|thì|và|con|vay|the|thi|va)\b|\b(thì sao|thi sao|thế nào|the nao|"
                             r"ra sao|nữa|nua|đó|do|này|nay|ấy|ay)\s*\??$", re.IGNORECASE)


def _without_provinces(text: str, provinces: Sequence[str]) -> str:
    out = text
    for p in provinces:
        pattern = r"\s*".join(re.escape(part) for part in p.split())
        out = re.sub(r"(tỉnh|thành phố|tp\.?)?\s*" + pattern, " ", out, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", out).strip()


def resolve_followup(question: str, history: Sequence[Turn], filters: SearchFilters | None,
                     restorer=None) -> tuple[QueryAnalysis, SearchFilters | None]:
    """Analyse a question in the light of the conversation before it.

    Args:
        question: the new question.
        history: earlier turns, oldest first.
        filters: filters chosen by the user when asking (they always win: with any filter set, nothing of the
            earlier turns' scope is carried over; the previous *question's* province is carried only without one).
        restorer: diacritics model of the index.

    Returns:
        The analysis to search with and the filters to apply.

    >>> from assistant.types import Answer
    >>> past = [Turn("Kiên Giang kiểm tra CCHC vào thời gian nào?", Answer("", ""), ("Kiên Giang",))]
    >>> a, f = resolve_followup("Còn Hà Nam thì sao?", past, None)
    >>> a.original
    'Hà Nam kiểm tra CCHC vào thời gian nào?'
    >>> resolve_followup("Hạn nộp báo cáo là khi nào?", past, None)[0].provinces
    ['Kiên Giang']
    >>> resolve_followup("Hạn nộp báo cáo là khi nào?", past, SearchFilters(years=("2022",)))[0].provinces
    []
    """
    analysis = analyze_query(question, restorer)
    if not history:
        return analysis, filters
    if filters is not None and not filters.is_empty():
        # the sidebar at the moment of asking is the whole scope: nothing of an earlier turn is carried into it
        return analysis, filters
    previous = history[-1]
    from textnorm.terms import content_terms

    own_topic = [t for t in content_terms(_without_provinces(question, analysis.provinces))
                 if t not in {"con", "thi", "sao", "the", "vay", "nua"}]
    elliptical = len(own_topic) <= 1 or bool(_FOLLOW_UP_CUES.search(question.strip())) and len(own_topic) <= 3
    if elliptical:
        previous_provinces = list(previous.provinces) or find_provinces(previous.question)
        base = _without_provinces(previous.question, previous_provinces)
        if analysis.provinces and not analysis.years:
            # another place: the earlier year belonged to the earlier place's plan
            base = re.sub(r"\s*(năm|nam)?\s*\b(19|20)\d\d\b", "", base).strip()
        place = " ".join(analysis.provinces)
        extra = " ".join(w for w in question.split() if fold_accents(w).strip("?.,!") not in
                         {"con", "thi", "sao", "vay", "the", "nao", "nua"} and not any(
                             fold_accents(w) in fold_accents(p) for p in analysis.provinces))
        combined = " ".join(x for x in (place, base if not extra or len(own_topic) <= 1 else f"{base} {extra}") if x)
        analysis = analyze_query(combined, restorer)
        if not analysis.provinces and previous_provinces:
            analysis.provinces = list(previous_provinces)
    elif not analysis.provinces and previous.provinces:
        analysis.provinces = list(previous.provinces)
    if not analysis.years and previous.years and elliptical and not find_provinces(question):
        analysis.years = list(previous.years)
    return analysis, filters


def make_turn(question: str, answer, analysis: QueryAnalysis | None = None) -> Turn:
    """The record of one exchange the caller keeps for follow-ups: the question as searched, its place and years,
    the documents cited."""
    own = answer.query or question
    provinces = tuple(analysis.provinces) if analysis else tuple(find_provinces(own))
    years = tuple(analysis.years) if analysis else tuple(dict.fromkeys(re.findall(r"\b(?:19|20)\d\d\b", own)))
    doc_ids = tuple(dict.fromkeys(c.doc_id for c in answer.citations))
    return Turn(question=own, answer=answer, provinces=provinces, years=years, doc_ids=doc_ids)


def asked_turn(question: str, answer, scope: dict | None = None) -> Turn:
    """The turn the app keeps: :func:`make_turn` with the question as the user typed it and the filters chosen when
    asking (``scope``, shown as chips). The place and years stay those of the question as searched (never the
    sidebar's: a later follow-up carries these, and only when the user sets no filter for it).

    >>> from assistant.types import Answer
    >>> t = asked_turn("Còn Hà Nam?", Answer("", "", query="Hà Nam năm 2022, 2022"), {"Năm": ["2022"]})
    >>> t.question, t.provinces, t.years, t.scope
    ('Còn Hà Nam?', ('Hà Nam',), ('2022',), {'Năm': ['2022']})
    """
    return replace(make_turn(question, answer), question=question, scope=scope or {})


__all__ = ["resolve_followup", "make_turn", "asked_turn"]
