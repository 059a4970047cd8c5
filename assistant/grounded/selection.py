"""Selection: the direct answer (the lead document's best unit and the header lines asked for, or one enumeration
per document for a list question), then supporting units grouped by document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant.evidence import names_person
from assistant.grounded.asked import adding_unit
from assistant.grounded.asks import ask_units, question_asks
from assistant.grounded.config import GroundedConfig
from assistant.grounded.scoring import (
    ASKING_WORDS,
    asked_cited_form,
    asked_phrases,
    asked_predicates,
    asked_shapes,
    is_document_title,
    same_form,
    states_time,
)
from assistant.grounded.units import QuotedSpan
from retriever.hybrid import SearchResult
from retriever.query import QueryAnalysis
from retriever.years import cites_any
from textnorm import fold_word, syllables
from textnorm.cues import (
    BOILERPLATE_ROLES,
    NAMING_ROLES,
    TYPE_ROLES,
    AnswerType,
    PassageRole,
    question_fold,
    shaped,
)
from textnorm.patterns import CITED_DOCUMENT, asks_subject, number_digits


@dataclass
class Selection:
    """The units an answer quotes: the direct answer first, then support grouped by document."""

    direct: list[QuotedSpan]
    support: dict[str, list[QuotedSpan]]
    lists: list[QuotedSpan] = field(default_factory=list)  # a list question: one enumeration per document


def _lead_document(units: list[QuotedSpan], results: list[SearchResult], cfg: GroundedConfig) -> str:
    """The retriever's first document, unless another one's best unit scores clearly higher (a document named by
    number already scoped the search)."""
    first = results[0].passage.doc_id
    best_of = {}
    for u in units:
        best_of[u.doc_id] = max(best_of.get(u.doc_id, 0.0), u.score)
    top = max(best_of, key=best_of.get)
    return top if best_of[top] > cfg.lead_switch_ratio * best_of.get(first, 0.0) else first


#: Characters between a passage's last line and the next passage's first (the line breaks ingest cuts at): a list
#: item starting within this many characters of the previous unit's end continues it.
_NEXT_LINE_CHARS = 3


def _continued_list(scored: list[QuotedSpan], units: list[QuotedSpan], lead: str,
                    cfg: GroundedConfig) -> list[QuotedSpan]:
    """For a list question whose best unit in the lead document is a lead-in ("… được sửa đổi, bổ sung bởi:") cut
    from its items by a passage boundary: the lead-in and the items that follow it line after line (up to
    :attr:`GroundedConfig.max_basis_lines`), each quoted as it is; [] when the lead-in keeps its list in its own
    passage or fewer than two items follow."""
    in_lead = [u for u in scored if u.doc_id == lead]
    if not in_lead:
        return []
    best = max(in_lead, key=lambda u: u.score)
    if best.kind != "lead_in" or _whole_list(best, units) is not best:
        return []
    items = sorted((u for u in units if u.doc_id == lead and u.kind == "item" and u.start > best.end),
                   key=lambda u: u.start)
    chain, end = [best], best.end
    for item in items:
        if item.start - end > _NEXT_LINE_CHARS or len(chain) > cfg.max_basis_lines:
            break
        chain.append(replace(item, answers_list=True))  # quoted as an item of the list (its head kept)
        end = item.end
    return chain if len(chain) >= 3 else []


#: The marks an item left open ends with: its enumeration goes on in the next line ("- Buổi sáng: Từ 07h30 đến 11h30;").
_OPEN_ITEM_END = (";", ",")


def _open_items_closed(direct: list[QuotedSpan], units: list[QuotedSpan], cfg: GroundedConfig) -> list[QuotedSpan]:
    """The lines that continue a direct unit left open (ending on ";" or ","), line after line, up to the one that
    closes it (at most :attr:`GroundedConfig.max_basis_lines`): a quote never stops in the middle of an enumeration
    ("Buổi sáng: …;" is quoted with "Buổi chiều: …")."""
    out: list[QuotedSpan] = []
    for unit in direct:
        end, last = unit.end, unit
        following = sorted((u for u in units if u.doc_id == unit.doc_id and u.start >= end
                            and u.kind in ("item", "sentence")), key=lambda u: u.start)
        for nxt in following:
            if not last.text.rstrip().endswith(_OPEN_ITEM_END) or len(out) >= cfg.max_basis_lines:
                break
            if nxt.start - end > _NEXT_LINE_CHARS:
                break
            if not any(nxt.overlaps(v) for v in direct + out):
                out.append(nxt)
            end, last = nxt.end, nxt
    return out


def _whole_list(unit: QuotedSpan, units: list[QuotedSpan]) -> QuotedSpan:
    """A lead-in is quoted with the items it introduces: a list stays a list."""
    if unit.kind != "lead_in":
        return unit
    return next((u for u in units if u.kind == "list" and u.start == unit.start and u.doc_id == unit.doc_id), unit)


def select_units(units: list[QuotedSpan], results: list[SearchResult], analysis: QueryAnalysis,
                 cfg: GroundedConfig, weights: dict[str, float] | None = None) -> Selection | None:
    """Choose the direct answer and the supporting units (pure: reads scores, writes nothing); ``weights``: the
    question's topic words by rarity (:attr:`~assistant.grounded.scoring.ScoredQuestion.weights`), each 1 when
    not given."""
    scored = [u for u in units if u.score > 0]
    if not scored:
        return None
    lead = _lead_document(scored, results, cfg)
    # the document asked about held only where the lead page cites it ("Quyết định 168a … về việc gì"): its clause
    naming = _citing_named(sorted((u for u in scored if u.doc_id == lead), key=lambda u: -u.score), analysis)
    direct = _direct_units(scored, lead, analysis, cfg, naming)
    direct = _adding_first(direct, scored, units, analysis, weights or {})
    asks_list = _asks_list(analysis)
    if not asks_list:
        direct = [_asked_item(u, scored, units, analysis) for u in direct]
    # "về việc gì, ban hành ngày nào": the trích yếu first, whatever it shares with the question's words; not the
    # lead page's own when the document asked about is one it only cites (its subject is the citing clause)
    title = [] if naming is not None else _subject_title(
        sorted((u for u in units if u.doc_id == lead), key=lambda u: -u.score), analysis)
    direct = title + [u for u in direct if not any(u.overlaps(t) for t in title)]
    direct += _phrase_units(scored, lead, direct, analysis, weights or {}, cfg)
    # "số mấy, ban hành ngày nào": the unit of each ask the direct answer lacks follows it, in the order asked
    direct = ask_units(direct, sorted((u for u in scored if u.doc_id == lead), key=lambda u: -u.score),
                       question_asks(analysis.text, set(analysis.topic_terms)), weights or {})
    direct += _open_items_closed(direct, units, cfg)
    lists: list[QuotedSpan] = []
    continued = _continued_list(scored, units, lead, cfg) if asks_list else []
    if continued:
        direct = continued  # the lead-in that answers best, with its items in the passages after it
    elif asks_list:
        lists = _lists_per_document(scored, lead, cfg)
        if lists and (any(u.doc_id == lead for u in lists) or question_words(analysis.original or analysis.text) < 2):
            direct = []  # the lead document's enumeration is its answer, or the enumerations are the whole answer
        # else a question asking more than a list keeps the lead document's own answer first
    chosen = direct + lists
    if not chosen:
        return None
    best_score = max(u.score for u in chosen)
    support: dict[str, list[QuotedSpan]] = {}
    budget = cfg.max_support_units if not lists else max(cfg.max_support_units - len(lists), 0)
    asked = shaped(analysis.answer_types)
    if asked and asked <= {t for u in direct for t in u.carries} and asked <= set(TYPE_ROLES) \
            and question_words(analysis.original or analysis.text) <= len(asked):
        budget = 0  # a number, a date, a signer and nothing else asked: the header lines are the whole answer
    docs = {u.doc_id for u in chosen}
    for u in sorted(scored, key=lambda u: -u.score):
        if budget <= 0 or u.score < cfg.support_min_share * best_score:
            break
        u = _whole_list(u, units)
        if any(u.overlaps(v) for v in chosen) or u.role in BOILERPLATE_ROLES:
            continue
        if u.doc_id not in docs and (len(docs) >= cfg.max_docs or u.score < cfg.doc_min_share * best_score):
            continue
        chosen.append(u)
        docs.add(u.doc_id)
        support.setdefault(u.doc_id, []).append(u)
        budget -= 1
    return Selection(direct=[_whole_list(u, units) for u in direct], support=support, lists=lists)


def asked_words(analysis: QueryAnalysis, weights: dict[str, float]) -> dict[str, float]:
    """The question's topic words that say what it asks (its asked phrases and predicates, :func:`~assistant.grounded.
    scoring.asked_phrases`), with their weights (1 when ``weights`` has none).

    >>> from retriever.query import analyze_query
    >>> sorted(asked_words(analyze_query("Kế hoạch xây dựng NTM kiểu mẫu phải có lộ trình thế nào?"), {}))
    ['lo', 'mau', 'phai', 'trinh']
    """
    terms = list(asked_phrases(analysis)) + [p for p, _ in asked_predicates(analysis)]
    return {w: weights.get(w, 1.0) for phrase in terms for term in phrase for w in term.split()}


def _adding_first(direct: list[QuotedSpan], scored: list[QuotedSpan], units: list[QuotedSpan],
                  analysis: QueryAnalysis, weights: dict[str, float]) -> list[QuotedSpan]:
    """The direct answer with the lead document's unit that adds what is asked (:func:`~assistant.grounded.asked.
    adding_unit`) first, when the best unit only restates the question's subject; a question about the document
    itself (what it is about, which one) is answered by its name, a shaped fact by its shape: both are left as they
    are."""
    if not direct or shaped(analysis.answer_types) or analysis.asks_document \
            or asks_subject(analysis.original or analysis.text):
        return direct  # a shaped fact (a date, an amount, a person) is found by its shape, not by the asked words
    best = direct[0]
    in_lead = [u for u in scored if u.doc_id == best.doc_id]
    if best.score < max(u.score for u in in_lead) or best.role not in ("", PassageRole.BASIS) \
            or _whole_list(best, units) is not best:
        return direct  # a unit stating the asked shape, a cited document, a header line or a list was put first
    candidates = [u for u in in_lead if u is not best and not u.role and u.kind not in ("lead_in", "list")
                  and not is_document_title(u) and not any(u.overlaps(v) for v in direct)]
    found = adding_unit(best, candidates, asked_words(analysis, weights))
    return direct if found is None else [found, *direct]


def _asked_item(unit: QuotedSpan, scored: list[QuotedSpan], units: list[QuotedSpan],
                analysis: QueryAnalysis) -> QuotedSpan:
    """For a question asking one fact of a shape (an amount, a time, a place), not a list, the best scored item of a
    list quoted whole that carries that shape, in place of the list: a list answers a list question; "đặt mục tiêu
    tăng trưởng GRDP bao nhiêu" is answered by "1. Mục tiêu tổng quát Phấn đấu tốc độ tăng trưởng GRDP từ 11% …",
    not by the article's lead-in and all its items. ``unit`` as it is when it is no list or no item carries the shape.

    >>> from types import SimpleNamespace as NS
    >>> from assistant.grounded.units import QuotedSpan
    >>> res = NS(passage=NS(doc_id="nq"))
    >>> head = QuotedSpan(res, 0, 40, "Điều 2. HĐND tỉnh thống nhất như sau:", "lead_in", score=1.9)
    >>> whole = QuotedSpan(res, 0, 120, "Điều 2. … như sau: 1. … GRDP từ 11% trở lên; 2. …", "list", score=3.0,
    ...                    carries={AnswerType.AMOUNT})
    >>> item = QuotedSpan(res, 41, 90, "1. Mục tiêu tổng quát: GRDP từ 11% trở lên;", "item", score=2.4,
    ...                   carries={AnswerType.AMOUNT})
    >>> ask = NS(answer_types=(AnswerType.AMOUNT,))
    >>> _asked_item(whole, [whole, item, head], [whole, item, head], ask).text
    '1. Mục tiêu tổng quát: GRDP từ 11% trở lên;'
    >>> _asked_item(head, [whole, item, head], [whole, item, head], NS(answer_types=(AnswerType.CONTENT,))).kind
    'lead_in'
    """
    asked = shaped(analysis.answer_types)
    whole = _whole_list(unit, units)
    if not asked or whole.kind != "list":
        return unit
    items = sorted((u for u in scored if u.doc_id == whole.doc_id and u.kind == "item"
                    and whole.start <= u.start and u.end <= whole.end), key=lambda u: -u.score)
    return next((u for u in items if asked & u.carries), unit)


#: A word or a mark that ends a clause, as the text is read for an asked phrase.
_TOKEN = re.compile(r"\w+|[,.;:!?()]")


def _phrase_weight(text: str, phrase: tuple[str, ...], weights: dict[str, float] | None = None,
                   anywhere: bool = False) -> float:
    """The share of an asked phrase's weight (:func:`~assistant.grounded.scoring.asked_phrases`) the text states: a
    term counts where the text has its words next to each other ("căn cứ", not "nội dung" for "dùng") and goes on
    after it in the same clause ("KỲ HỌP THỨ TƯ" says which kỳ họp; "… tại kỳ họp," does not).

    With ``anywhere`` (a predicate asked after its question word, :func:`~assistant.grounded.scoring.
    asked_predicates`) a term counts wherever its words stand together: the answer may come before it ("Ủy ban X xếp
    cuối cùng") or after it ("Vị trí cuối cùng, Ủy ban X").

    >>> w = {"thong": 1.0, "qua": 2.0}
    >>> _phrase_weight("KHÓA XVI KỲ HỌP THỨ TƯ", ("thong qua", "ky hop"), w), _phrase_weight("tại kỳ họp,", ("ky hop",))
    (0.4, 0.0)
    >>> _phrase_weight("Vị trí cuối cùng, Ủy ban Dân tộc", ("cuoi cung",), anywhere=True)
    1.0
    """
    tokens = [fold_word(t) for t in _TOKEN.findall(text)] + ["."]
    present = set()
    for n in range(len(tokens) - 1):
        if anywhere or tokens[n + 1][:1].isalnum():
            present.add(tokens[n])
            if n and tokens[n - 1][:1].isalnum():
                present.add(f"{tokens[n - 1]} {tokens[n]}")

    def weight(term: str) -> float:
        return sum((weights or {}).get(t, 1.0) for t in term.split())

    total = sum(weight(t) for t in phrase)
    return sum(weight(t) for t in phrase if t in present) / total if total else 0.0


def _phrase_units(units: list[QuotedSpan], lead: str, picked: list[QuotedSpan], analysis: QueryAnalysis,
                  weights: dict[str, float], cfg: GroundedConfig) -> list[QuotedSpan]:
    """For each part of the question whose asked phrase (:func:`~assistant.grounded.scoring.asked_phrases`: "kỳ họp
    nào", "trụ sở bố trí ở đâu") no unit already picked answers, the lead document's unit that carries most of it
    (at least :attr:`GroundedConfig.phrase_min_share`; the better scored first): a question asking two things gets
    both quoted. A unit answers the parts it carries best ("Xét Tờ trình số 33 … tại kỳ họp" answers "xét tờ trình
    số mấy", not "kỳ họp nào" too)."""
    # each asked phrase, and how it is asked: before its question word (""), or after it (a predicate: its words may
    # stand anywhere in the line), asking who holds a role ("who": "ai làm trưởng đoàn", a line naming someone
    # answers it) or who or which one does something ("which": "cơ quan nào xếp cuối cùng", "ai xây dựng …")
    phrases = {**{p: "" for p in asked_phrases(analysis)},
               **{p: "who" if who else "which" for p, who in asked_predicates(analysis)}}
    # a headline repeats the question's words and says nothing more; a header line read as the title ("KHÓA XIII,
    # KỲ HỌP THỨ 5") states the session, and a portal's line about the document its status ("được thay thế bởi …")
    in_lead = sorted((u for u in units if u.doc_id == lead and u.role not in BOILERPLATE_ROLES
                      and (u.role in NAMING_ROLES or not is_document_title(u))), key=lambda u: -u.score)
    answered: set[tuple[str, ...]] = set()
    out: list[QuotedSpan] = []

    def answer(unit: QuotedSpan) -> None:
        shares = {p: _phrase_weight(unit.text, p, weights, bool(how)) for p, how in phrases.items()}
        top = max(shares.values(), default=0.0)
        answered.update(p for p, v in shares.items() if v >= cfg.phrase_min_share and v >= top - 1e-9
                        and (phrases[p] != "who" or names_person(unit.text)))  # "ai làm trưởng đoàn": a name

    for unit in picked:
        answer(unit)
    for phrase, how in phrases.items():
        if phrase in answered:
            continue
        free = [u for u in in_lead if not any(u.overlaps(v) for v in picked + out)]
        named = [u for u in free if names_person(u.text)] if how == "who" else []
        best = _carrying_most(named, phrase, weights, cfg) or _carrying_most(free, phrase, weights, cfg, bool(how))
        if best is not None:
            out.append(_whole_list(best, units))
            answered.add(phrase)
    return out


#: Words a title line needs to say what a document is about: more than its kind ("QUYẾT ĐỊNH", "KẾ HOẠCH SỐ 5").
SUBJECT_TITLE_WORDS = 4


def _carrying_most(units: list[QuotedSpan], phrase: tuple[str, ...], weights: dict[str, float], cfg: GroundedConfig,
                   anywhere: bool = True) -> QuotedSpan | None:
    """The unit (of ``units``, best scored first) carrying most of an asked phrase, at least
    :attr:`GroundedConfig.phrase_min_share` of it; None when none does."""
    best, share = None, cfg.phrase_min_share
    for u in units:
        value = _phrase_weight(u.text, phrase, weights, anywhere)
        if value >= share + (1e-9 if best else 0.0):
            best, share = u, value
    return best


def _subject_title(in_lead: list[QuotedSpan], analysis: QueryAnalysis) -> list[QuotedSpan]:
    """For a question asking what the document is about ("về việc gì, ban hành ngày nào": :func:`~textnorm.patterns.
    asks_subject`), the lead document's best title line that says more than its kind (its trích yếu); else []."""
    if not asks_subject(analysis.original or analysis.text):
        return []
    return [u for u in in_lead if u.role == PassageRole.TITLE and len(syllables(u.text)) >= SUBJECT_TITLE_WORDS][:1]


def _direct_units(units: list[QuotedSpan], lead: str, analysis: QueryAnalysis, cfg: GroundedConfig,
                  naming: QuotedSpan | None = None) -> list[QuotedSpan]:
    """The lead document's best unit; for each header type asked (number, date, signer), that header line too;
    ``naming``, the clause citing a document the question names (:func:`_citing_named`), after the best unit."""
    in_lead = sorted((u for u in units if u.doc_id == lead), key=lambda u: -u.score)
    if not in_lead:
        in_lead = sorted(units, key=lambda u: -u.score)
    picked: list[QuotedSpan] = []
    cited = _cited_unit(in_lead, analysis)
    if cited is not None:
        picked.append(cited)  # "tại tờ trình số mấy": the number of the document cited, not the document's own
    # "X là gì": the line "X là …" (not a longer term containing X); "học phần nào": "Học phần: …"; "kỳ họp thứ
    # mấy": "Kỳ họp thứ 5"; "có hiệu lực từ ngày nào": "… có hiệu lực thi hành từ ngày …"; "nhằm mục đích gì":
    # "Nhằm …"; "giờ nào": "từ 07h30 đến 11h30": the best line stating each; the best unit follows them when it is
    # not one of them (it may say more)
    stated = [next((u for u in in_lead if test(u.text)), None) for test in asked_shapes(analysis)]
    for unit in stated:
        if unit is not None and not any(unit.overlaps(v) for v in picked):
            picked.append(unit)
    if any(stated) and not any(in_lead[0].overlaps(v) for v in picked):
        picked.append(in_lead[0])
    for t in analysis.answer_types:
        if cited is not None and (t in _CITED_TYPES or t in cited.carries):
            continue  # the cited document's number and date are the ones asked, not the quoted document's own
        role = TYPE_ROLES.get(t)
        # a header line for a number, date or signer; otherwise the best unit that carries the asked kind of answer
        # (a time stated, not the year of a document's number: "Nghị định 45/2020/NĐ-CP" says no date)
        match = next((u for u in in_lead if (role and u.role == role) or (
            not role and t in u.carries and (t != AnswerType.TIME or states_time(u.text)))), None)
        if match is not None and not any(match.overlaps(v) for v in picked):
            picked.append(match)
    if AnswerType.BASIS in analysis.answer_types and _asks_list(analysis):
        # "căn cứ những văn bản nào": every basis line of the document, in its order
        lines = sorted((u for u in in_lead if u.role == PassageRole.BASIS), key=lambda u: u.start)[:cfg.max_basis_lines]
        picked = [u for u in picked if u.role != PassageRole.BASIS and not any(u.overlaps(v) for v in lines)] + lines
    asked = shaped(analysis.answer_types)
    answered = {t for t in asked if any(t in u.carries for u in picked)}
    best = in_lead[0]
    if (not picked or answered != asked or naming is not None) and not any(best.overlaps(v) for v in picked):
        picked.append(best)
    if naming is not None and not any(naming.overlaps(v) for v in picked):
        picked.append(naming)  # "Quyết định 168a … về việc gì", held only where a page cites it: that clause too
    return picked




def question_words(question: str) -> int:
    """How many question words the question has (accented forms that are not question words do not count).

    >>> question_words("Kế hoạch 12/KH-UBND nhằm mục đích gì, ai ký?"), question_words("Ai ký bộ máy?")
    (2, 1)
    >>> question_words("Kế hoạch số mấy, ngày nào?")
    2
    """
    return sum(1 for w in question_fold(question).split() if w in ASKING_WORDS)


#: Answer types a cited document answers: its number, or the document a decision rests on ("theo tờ trình nào").
_CITED_TYPES = frozenset({AnswerType.NUMBER, AnswerType.BASIS})


def _cited_unit(in_lead: list[QuotedSpan], analysis: QueryAnalysis) -> QuotedSpan | None:
    """The lead document's best unit citing a document of the form asked about (see :func:`asked_cited_form`), or
    None when the number asked is the document's own or no such document is asked for."""
    if not in_lead or not _CITED_TYPES & set(analysis.answer_types):
        return None
    result = in_lead[0].result
    own_number = AnswerType.NUMBER not in analysis.answer_types or bool(result.document.number) or any(
        u.role == PassageRole.NUMBER for u in in_lead)
    form = asked_cited_form(analysis.original or analysis.text, result.document.kind, own_number)
    if not form:
        return None
    return next((u for u in in_lead if any(same_form(m.group("kind"), form)
                                           for m in CITED_DOCUMENT.finditer(u.text))), None)


def _citing_named(in_lead: list[QuotedSpan], analysis: QueryAnalysis) -> QuotedSpan | None:
    """The lead document's best unit citing a document the question names by number, when that number is not the
    lead document's own (the named document is held only where another one cites it); else None.

    >>> from types import SimpleNamespace as NS
    >>> def unit(text, own=""): return NS(text=text, result=NS(document=NS(number=own)))
    >>> notice = [unit("Lịch tiếp công dân của xã năm 2026", "12/TB-UBND"),
    ...           unit("Quyết định số 168a/QĐ-UBND ngày 6/9/2025 về việc phân công công chức tiếp công dân")]
    >>> _citing_named(notice, NS(doc_numbers=["168a/QĐ-UBND"])).text[:23]
    'Quyết định số 168a/QĐ-U'
    >>> _citing_named(notice, NS(doc_numbers=["12/TB-UBND"])) is None  # the lead document's own number
    True
    """
    named = [n for n in getattr(analysis, "doc_numbers", ()) if number_digits(n)]
    if not in_lead or not named:
        return None
    own = number_digits(in_lead[0].result.document.number or "")
    if own and own in map(number_digits, named):
        return None
    unit = next((u for u in in_lead if cites_any(u.text, named)), None)
    return None if unit is None else _clause_citing(unit, named)


#: What parts the clauses of a line citing several documents ("Căn cứ Quyết định số 17/QĐ-UBND …; Quyết định số
#: 168a/QĐ-UBND …"): each cited document's clause ends at a semicolon or a line break.
_CLAUSE_END = re.compile(r"[;\n]")


def _clause_citing(unit: QuotedSpan, named: list[str]) -> QuotedSpan:
    """The clause of ``unit`` that cites one of the ``named`` document numbers, as a span of its own (offsets kept
    exact), or the unit itself when it is one clause.

    >>> from types import SimpleNamespace as NS
    >>> line = "Căn cứ Quyết định số 17/QĐ-UBND ngày 9/7/2025; Quyết định số 168a/QĐ-UBND ngày 6/9/2025 về việc X;"
    >>> _clause_citing(QuotedSpan(NS(), 100, 100 + len(line), line, "sentence"), ["168a/QĐ-UBND"]).text
    'Quyết định số 168a/QĐ-UBND ngày 6/9/2025 về việc X'
    """
    bounds = [0, *(m.end() for m in _CLAUSE_END.finditer(unit.text)), len(unit.text)]
    for a, b in zip(bounds, bounds[1:]):
        piece = unit.text[a:b]
        if not cites_any(piece, named):
            continue
        core = piece.strip().rstrip(";").rstrip()
        if not core or core == unit.text.strip():
            return unit
        start = unit.start + a + piece.index(core)
        return replace(unit, start=start, end=start + len(core), text=core)
    return unit


def _asks_list(analysis: QueryAnalysis) -> bool:
    """The question asks for several things of one kind: a list question ("căn cứ những văn bản nào", "các quyết
    định nào": :mod:`retriever.intent`), not one thing beside a phrase that says "các" ("căn cứ qđ nào … về phương
    pháp đánh giá, chấm điểm các tiêu chí": every basis line quoted in order put the one asked fourth).

    >>> from retriever.query import analyze_query
    >>> _asks_list(analyze_query("Quyết định 30/2018/QĐ-UBND căn cứ những văn bản nào?"))
    True
    >>> _asks_list(analyze_query("Tờ trình căn cứ qđ nào của UBND tỉnh về phương pháp chấm điểm các tiêu chí?"))
    False
    """
    return AnswerType.LIST in analysis.answer_types


def _lists_per_document(units: list[QuotedSpan], lead: str, cfg: GroundedConfig) -> list[QuotedSpan]:
    """The best enumeration of each document that has one, the lead document's first, then by score."""
    best: dict[str, QuotedSpan] = {}
    for u in units:
        if u.answers_list and (u.doc_id not in best or u.score > best[u.doc_id].score):
            best[u.doc_id] = u
    if not best:
        return []
    top = max(u.score for u in best.values())
    ranked = sorted(best.values(), key=lambda u: (u.doc_id != lead, -u.score))
    return [u for u in ranked if u.score >= cfg.doc_min_share * top][: cfg.max_docs]

