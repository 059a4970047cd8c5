"""The grounded answer composed: units scored, selected and written; or a plain abstention."""

from __future__ import annotations

from assistant.grounded.config import GroundedConfig
from assistant.grounded.rendering import write_answer
from assistant.grounded.scoring import ScoredQuestion, score_all
from assistant.grounded.selection import select_units
from assistant.grounded.units import QuotedSpan, result_label
from assistant.types import Answer
from retriever.hybrid import SearchResult
from retriever.query import QueryAnalysis
from textnorm import fold_word, syllables


def compose_grounded_answer(question: str, analysis: QueryAnalysis, results: list[SearchResult],
                            lexical_state, cfg: GroundedConfig,
                            scored: tuple[list[QuotedSpan], ScoredQuestion] | None = None) -> Answer:
    """Compose an extractive answer with citations from search results.

    Args:
        question: the question as asked.
        analysis: the analysed (possibly follow-up-resolved) query.
        results: passages found, best first (the lead documents' header passages may follow).
        lexical_state: the index's lexical state (for word weights).
        cfg: scorer and shape constants.
        scored: units already scored by :func:`score_all` for these results.

    Returns:
        An :class:`Answer`; ``abstained`` when no unit carries the question's topic.
    """
    if not results:
        return abstain(question, results)
    units, q = scored or score_all(results, analysis, lexical_state, cfg)
    selection = select_units(units, results, analysis, cfg, q.weights)
    if selection is None:
        return abstain(question, results)
    place = {fold_word(w): max(q.weights.values(), default=1.0) / 2 for p in analysis.provinces for w in syllables(p)}
    # a long quote keeps the clauses about the place asked too ("… của tỉnh Sơn La giai đoạn 2018 - 2020")
    text, citations = write_answer(selection, {**place, **q.weights}, cfg, analysis.answer_types)
    return Answer(question=question, text=text, citations=citations, passages=list(results), query=analysis.text)


def abstain(question: str, results: list[SearchResult], reason: str = "") -> Answer:
    """A plain Vietnamese statement that the documents do not hold the answer, with the closest documents."""
    text = reason or "Các văn bản hiện có không chứa thông tin để trả lời câu hỏi này."
    closest = []
    for r in results:
        label = result_label(r)
        if label not in closest:
            closest.append(label)
    if closest:
        text += "\n\nCác văn bản gần nhất với câu hỏi:\n" + "\n".join(f"- {c}" for c in closest[:3])
    return Answer(question=question, text=text, abstained=True, passages=list(results))


