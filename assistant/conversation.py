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
from textnorm.cues import YEAR, YEAR_WORD

_FOLLOW_UP_CUES = re.compile(r"^(còn|vậy|thế|thì|và|con|vay|the|thi|va)\b|\b(thì sao|thi sao|thế nào|the nao|"
                             r"ra sao|nữa|nua|đó|do|này|nay|ấy|ay)\s*\??$", re.IGNORECASE)


def _without_provinces(text: str, provinces: Sequence[str]) -> str:
    out = text
    for p in provinces:
        pattern = r"\s*".join(re.escape(part) for part in p.split())
        out = re.sub(r"(tỉnh|thành phố|tp\.?)?\s*" + pattern, " ", out, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", out).strip()


#: How the answer shows a scope carried over from the previous question (the user did not type it this time).
INHERITED_NOTE = "Phạm vi kế thừa từ câu trước: {scope}."


def resolve_followup(question: str, history: Sequence[Turn], filters: SearchFilters | None,
                     restorer=None) -> tuple[QueryAnalysis, SearchFilters | None, str]:
    """Analyse a question in the light of the conversation before it.

    Only an elliptical question ("Còn quý IV?", "Thế còn năm 2022?", "Còn Hà Nam thì sao?") carries the previous
    question's province and years; a full question ("Ai ký kế hoạch 87/KH-UBND?") is its own scope, and a question
    naming a document by its number never takes an earlier place.

    Args:
        question: the new question.
        history: earlier turns, oldest first.
        filters: filters chosen by the user when asking (they always win: with any filter set, nothing of the
            earlier turns' scope is carried over; the previous *question's* province is carried only without one).
        restorer: diacritics model of the index.

    Returns:
        The analysis to search with, the filters to apply, and the note the answer shows about a scope carried
        over ("" when none was).

    >>> from assistant.types import Answer
    >>> past = [Turn("Kiên Giang kiểm tra CCHC vào thời gian nào?", Answer("", ""), ("Kiên Giang",))]
    >>> a, f, note = resolve_followup("Còn Hà Nam thì sao?", past, None)
    >>> a.original, note
    ('Hà Nam kiểm tra CCHC vào thời gian nào?', '')
    >>> a, _, note = resolve_followup("Còn quý IV?", past, None)
    >>> a.provinces, note
    (['Kiên Giang'], 'Phạm vi kế thừa từ câu trước: Kiên Giang.')
    >>> resolve_followup("Ai ký kế hoạch 87/KH-UBND?", past, None)[0].provinces
    []
    >>> resolve_followup("Hạn nộp báo cáo kết quả kiểm tra là khi nào?", past, None)[0].provinces
    []
    >>> resolve_followup("Còn quý IV?", past, SearchFilters(years=("2022",)))[0].provinces
    []
    """
    analysis = analyze_query(question, restorer)
    if not history:
        return analysis, filters, ""
    if filters is not None and not filters.is_empty():
        # the sidebar at the moment of asking is the whole scope: nothing of an earlier turn is carried into it
        return analysis, filters, ""
    if not _elliptical(question, analysis):
        return analysis, filters, ""  # a full question is its own scope
    previous = history[-1]
    previous_provinces = list(previous.provinces) or find_provinces(previous.question)
    analysis = analyze_query(_completed(question, analysis, previous, previous_provinces), restorer)
    inherited: list[str] = []
    if not analysis.provinces and previous_provinces:
        analysis.provinces = list(previous_provinces)
        inherited += previous_provinces
    if not analysis.years and previous.years and not find_provinces(question):
        analysis.years = list(previous.years)
        inherited += [y for y in previous.years if not re.search(rf"\b{y}\b", question)]
    note = INHERITED_NOTE.format(scope=" · ".join(inherited)) if inherited else ""
    return analysis, filters, note


def _own_topic(question: str, analysis: QueryAnalysis) -> list[str]:
    """The words of a question's own topic: not its place, not function words, not the follow-up cues."""
    from textnorm.terms import content_terms

    return [t for t in content_terms(_without_provinces(question, analysis.provinces))
            if t not in {"con", "thi", "sao", "the", "vay", "nua"}]


def _elliptical(question: str, analysis: QueryAnalysis) -> bool:
    """A question that leans on the previous one: at most one word of its own topic, or a follow-up cue ("còn",
    "thì sao") with few words of its own; never one that names a document by its number."""
    if analysis.doc_numbers:
        return False
    own_topic = _own_topic(question, analysis)
    return len(own_topic) <= 1 or bool(_FOLLOW_UP_CUES.search(question.strip())) and len(own_topic) <= 3


def _completed(question: str, analysis: QueryAnalysis, previous: Turn, previous_provinces: list[str]) -> str:
    """The elliptical question completed with the previous one: its place (if it names one), the previous
    question without its place, and the new words ("quý IV")."""
    own_topic = _own_topic(question, analysis)
    base = _without_provinces(previous.question, previous_provinces)
    if analysis.provinces and not analysis.years:
        # another place: the earlier year belonged to the earlier place's plan
        base = re.sub(r"\s*(năm|nam)?\s*\b" + YEAR + r"\b", "", base).strip()
    place = " ".join(analysis.provinces)
    extra = " ".join(w for w in question.split() if fold_accents(w).strip("?.,!") not in
                     {"con", "thi", "sao", "vay", "the", "nao", "nua"} and not any(
                         fold_accents(w) in fold_accents(p) for p in analysis.provinces))
    return " ".join(x for x in (place, base if not extra or len(own_topic) <= 1 else f"{base} {extra}") if x)


def make_turn(question: str, answer, analysis: QueryAnalysis | None = None) -> Turn:
    """The record of one exchange the caller keeps for follow-ups: the question as searched, its place and years,
    the documents cited."""
    own = answer.query or question
    provinces = tuple(analysis.provinces) if analysis else tuple(find_provinces(own))
    years = tuple(analysis.years) if analysis else tuple(dict.fromkeys(YEAR_WORD.findall(own)))
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


__all__ = ["resolve_followup", "make_turn", "asked_turn", "INHERITED_NOTE"]
