"""A question asking two things gets both: its asks read by their kinds, and the lead document's unit for each.

"Kế hoạch … số mấy, ban hành ngày nào?", "ai chủ trì, tổng giá trị ước đạt bao nhiêu", "bắt đầu từ ngày nào, buổi
sáng đầu tiên giải quyết bao nhiêu hồ sơ": each part of the question that holds its own question word is one ask
(:func:`question_asks`), and what it asks is its kind (a number, a date, a signer, a count, a place, a person or an
agency, a document cited), read from its own words (:func:`retriever.intent.answer_types`). The answer quotes, for
each ask, the unit that carries that ask's kind (the one saying most of the ask's own words, then the best scored):
a unit answering the second ask is not left to the support or out of the answer. The units the direct answer lacks
follow it, in the order asked. A question with one ask is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.grounded.scoring import (
    ASKING_WORDS,
    COPULAS,
    carries_amount,
    nearest_run,
    states_time,
)
from assistant.grounded.units import QuotedSpan, said_weight
from retriever.intent import amount_measure, answer_types
from retriever.years import cites_any
from textnorm.cues import BOILERPLATE_ROLES, TYPE_ROLES, AnswerType, PassageRole, question_fold, shaped
from textnorm.patterns import DOCUMENT_REFERENCE

#: Where a question's parts end: a comma, a semicolon, a question mark, "và" ("ban hành ngày nào và ai ký"), a colon.
_PART_END = re.compile(r"[,;:?!]|\s(?:và|va)\s", re.IGNORECASE)


@dataclass(frozen=True)
class Ask:
    """One ask of a question: its words as typed, the kinds of answer it asks (shaped ones only), its folded topic
    words that no other ask of the question has."""

    text: str
    kinds: frozenset
    words: frozenset
    measure: tuple = ()  # what its count counts, folded ("hồ sơ" of "giải quyết bao nhiêu hồ sơ"); () when unsaid


def _has_question_word(part: str) -> bool:
    return any(w in ASKING_WORDS for w in question_fold(part).split())


def _words(clause: str) -> list[str]:
    return [w.rstrip("_") for w in question_fold(clause).split()]


def _asked_words(clause: str, topic: set[str]) -> set[str]:
    """The topic words of an ask that say what it asks: the run of them right before its first question word (as an
    asked phrase reads it: :func:`~assistant.grounded.scoring.asked_phrases`; "tỉnh Gia Lai đạt bao nhiêu" asks
    about "đạt", not about the subject "Chỉ số hài lòng" before the place) and every one after it, less the verbs
    linking a role ("ai làm trưởng đoàn": :data:`~assistant.grounded.scoring.COPULAS`).

    >>> sorted(_asked_words("Chỉ số hài lòng của tỉnh Gia Lai đạt bao nhiêu", {"chi", "so", "hai", "long", "dat"}))
    ['dat']
    >>> sorted(_asked_words("ai làm trưởng đoàn", {"lam", "truong", "doan"}))
    ['doan', 'truong']
    """
    marked = question_fold(clause).split()  # "máy" of "bộ máy" keeps its mark: no question word
    at = next((i for i, w in enumerate(marked) if w in ASKING_WORDS), len(marked))
    words = [w.rstrip("_") for w in marked]
    before = [w for _, w in nearest_run([(j, w) for j, w in enumerate(words[:at]) if w in topic], at)]
    return {w for w in before + words[at:] if w in topic and w not in COPULAS}


def question_asks(question: str, topic: set[str] | frozenset = frozenset()) -> list[Ask]:
    """The asks of a question: its parts that hold a question word, each with the parts before it that hold none
    (the subject, a qualifier); each ask's kinds are those its own words ask (:func:`~retriever.intent.answer_types`,
    shaped kinds only), its words the ``topic`` words (folded) it alone says. One ask, or none, for a question asking
    one thing.

    >>> [sorted(a.kinds) for a in question_asks("Kế hoạch CCHC năm 2014 là kế hoạch số mấy, ban hành ngày nào?")]
    [['number'], ['issue_date']]
    >>> [sorted(a.kinds) for a in question_asks("Hội nghị do ai chủ trì, tổng giá trị sản xuất ước đạt bao nhiêu")]
    [['agent'], ['amount']]
    >>> len(question_asks("bao nhiêu đơn vị xếp loại Tốt, Khá, Trung bình?")), len(question_asks("Ai ký?"))
    (1, 1)
    >>> [sorted(a.words) for a in question_asks("Xã bắt đầu từ ngày nào, buổi sáng giải quyết bao nhiêu hồ sơ?",
    ...                                         {"xa", "bat", "dau", "buoi", "sang", "giai", "quyet", "ho", "so"})]
    [['bat', 'dau', 'xa'], ['buoi', 'giai', 'ho', 'quyet', 'sang', 'so']]
    """
    parts = [p for p in _PART_END.split(question) if p.strip()]
    clauses: list[str] = []
    pending = ""
    for part in parts:
        if _has_question_word(part):
            clauses.append(f"{pending} {part}".strip())
            pending = ""
        elif clauses and not pending:
            clauses[-1] += f", {part.strip()}"  # "bao nhiêu đơn vị Tốt, Khá, Trung bình": one ask
        else:
            pending = f"{pending} {part}".strip()  # the subject before the first question word
    if pending and clauses:
        clauses[-1] += f" {pending}"
    said = [_asked_words(c, set(topic)) for c in clauses]
    asks = []
    for i, clause in enumerate(clauses):
        others = {w for j, c in enumerate(clauses) if j != i for w in _words(c)}
        types = answer_types(clause)
        # a count and "gồm những đơn vị nào": a list too; a person is asked as an agent ("ai chủ trì"), "tên gì"
        # of a province is no person
        kinds = (shaped(types) - {AnswerType.PERSON}) | ({AnswerType.LIST} & set(types))
        asks.append(Ask(clause, frozenset(kinds), frozenset(said[i] - others), tuple(amount_measure(clause))))
    return asks


def counts(text: str, measure: tuple[str, ...]) -> bool:
    """The text states a count of what ``measure`` counts (any count when it is empty), a document's number aside
    (:func:`~assistant.grounded.scoring.carries_amount`, read with the ask's own measure).

    >>> counts("Trong 2 ngày làm việc, HĐND nghe báo cáo", ("ngay",)), counts("tăng 12,78%", ())
    (True, True)
    >>> counts("tăng 12,78%", ("ngay",))
    False
    """
    return carries_amount(DOCUMENT_REFERENCE.sub(" ", text), list(measure))


def answers_kind(unit: QuotedSpan, kind: AnswerType, measure: tuple[str, ...] = ()) -> bool:
    """The unit carries an answer of that kind: the header line of its role (a number, a date, a signature), a date
    written, a count of what the ask counts (``measure``), the page's own number, or the kind the scorer found it
    carrying."""
    if kind == AnswerType.AMOUNT:
        return counts(unit.text, measure)
    if kind == AnswerType.NUMBER:
        own = unit.result.document.number if unit.result is not None else ""
        if own and cites_any(unit.text, [own]):
            return True  # "Quyết định 5157/QĐ-UBND …": the document's own number, written where it is named
        if unit.role == PassageRole.BASIS:
            return False  # a "Căn cứ" line writes the number of another document
    role = TYPE_ROLES.get(kind)
    if role is not None and unit.role == role:
        return True
    if kind in (AnswerType.AGENT, AnswerType.PERSON):
        return bool({AnswerType.AGENT, AnswerType.PERSON} & set(unit.carries))  # "ai chủ trì": a person named
    if kind == AnswerType.LIST:
        return unit.answers_list or unit.kind == "list"
    if kind == AnswerType.TIME:
        return AnswerType.TIME in unit.carries and states_time(unit.text)
    return kind in unit.carries


def answers_ask(unit: QuotedSpan, ask: Ask) -> bool:
    """The unit carries one of the kinds the ask asks."""
    return any(answers_kind(unit, k, ask.measure) for k in ask.kinds)


def ask_units(direct: list[QuotedSpan], in_lead: list[QuotedSpan], asks: list[Ask],
              weights: dict[str, float]) -> list[QuotedSpan]:
    """The direct answer with, for each ask, the unit answering it: of the lead document's units carrying the ask's
    kind (``in_lead``: scored, best first; one not quoted yet must say some of the ask's own words), the header line
    of that kind when quoted ("Số: …" for "số mấy"), else the one saying most of the ask's own words, then one
    already quoted, then the best scored (one unit may answer two asks). The units answering an ask that ``direct``
    does not already quote follow it, in the order asked: the direct answer's own order is kept (the asks' units put
    first lost a check answer's fact past 400 characters). ``direct`` as it is when the question has fewer than two
    asks or one ask names no kind.

    >>> from types import SimpleNamespace as NS
    >>> r = NS(passage=NS(doc_id="d"))
    >>> cost = QuotedSpan(r, 0, 60, "Công trình có tổng mức đầu tư 4.499 triệu đồng.", "sentence", score=2.0,
    ...                   carries={AnswerType.AMOUNT})
    >>> other = QuotedSpan(r, 70, 120, "Tỉ lệ học sinh hoàn thành chương trình đạt 98%.", "sentence", score=1.0)
    >>> due = QuotedSpan(r, 130, 160, "Dự kiến tháng 9/2024 hoàn thành.", "sentence", score=0.5,
    ...                  carries={AnswerType.TIME})
    >>> asks = question_asks("Công trình có tổng mức đầu tư bao nhiêu, dự kiến hoàn thành khi nào?",
    ...                      {"cong", "trinh", "tong", "muc", "dau", "tu", "du", "kien", "hoan", "thanh"})
    >>> [u.text[:14] for u in ask_units([cost, other], [cost, other, due], asks, {})]
    ['Công trình có ', 'Tỉ lệ học sinh', 'Dự kiến tháng ']
    >>> ask_units([cost], [cost, due], asks[:1], {}) == [cost]
    True
    """
    if len(asks) < 2 or not all(a.kinds for a in asks):
        return direct
    added: list[QuotedSpan] = []
    for ask in asks:
        own = {w: weights.get(w, 1.0) for w in ask.words}
        quoted = direct + added
        candidates = [u for u in in_lead if answers_ask(u, ask) and u.role not in BOILERPLATE_ROLES and (
            any(u is v for v in quoted) or (said_weight(u.text, own) > 0 and not any(u.overlaps(v) for v in quoted)))]
        if not candidates:
            continue
        # the header line of the kind asked, when quoted, is its answer ("Số: …" for "số mấy"); else the unit
        # saying most of the ask's own words, one already quoted, the best scored
        best = max(candidates, key=lambda u: (any(u is v for v in quoted) and any(
            TYPE_ROLES.get(k) == u.role for k in ask.kinds), said_weight(u.text, own), any(u is v for v in quoted),
            u.score))
        if not any(best is v for v in quoted):
            added.append(best)
    return direct + added


__all__ = ["Ask", "question_asks", "answers_kind", "answers_ask", "ask_units"]
