"""Scoring: every unit rated against the question's :class:`~retriever.query.QueryAnalysis` (the weight of its
topic words the unit carries, the rank of its passage, the kind of answer it carries), with damping of boilerplate,
titles and headings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.evidence import AskedFact, asked_fact, fact_stated, names_person, states_fact
from assistant.grounded.config import GroundedConfig
from assistant.grounded.units import QuotedSpan, result_label, split_units
from index.model import OPENING_SECTION, PORTAL_SECTION
from retriever.features import DocumentPlace, asked_provinces, document_place, mentions_province
from retriever.hybrid import SearchResult
from retriever.query import QueryAnalysis, english_glosses
from textnorm import fold_accents, fold_word, syllables
from textnorm.cues import (
    BODY_NOUNS,
    BOILERPLATE_ROLES,
    DOCUMENT_TYPE_FORMS,
    IDENTITY_ROLES,
    NAMING_ROLES,
    SHAPED_TYPES,
    TYPE_ROLES,
    YEAR,
    AnswerType,
    PassageRole,
    question_fold,
)
from textnorm.diacritics import QUESTION_PHRASES, QUESTION_WORDS
from textnorm.english import (
    ENGLISH_AGENCY,
    ENGLISH_DATE,
    ENGLISH_NUMBER,
    ENGLISH_PERSON,
    ENGLISH_RATE,
    english_stem,
    english_text,
)
from textnorm.lines import is_upper_line
from textnorm.patterns import (
    ADDRESS,
    AGENCY,
    CITED_DOCUMENT,
    CITED_DOCUMENT_DATE,
    CLOCK_TIME,
    DOCUMENT_REFERENCE,
    FULL_NAME,
    RELATIVE_TIME,
    SIGNER_FIELD,
    TIME_EXPRESSION,
    VENUE,
    number_words_as_digits,
)

#: Question words (folded) that each ask one thing: "phê duyệt đề án gì và ai ký?" asks two, a signer and content.
#: "thế", "trăm" and "sao" are left out: they only qualify another one ("thế nào", "bao nhiêu phần trăm").
ASKING_WORDS = frozenset(QUESTION_WORDS) - {"the", "tram", "sao"}

#: A person named as documents name people: after "ông", "bà", "đồng chí" (a portal's "Người ký" field: SIGNER_FIELD).
_NAMED_PERSON = re.compile(r"\b(?:ông|bà|đồng chí)\s+" + FULL_NAME.pattern)
_PURPOSE_SECTION = re.compile(r"mục đích|muc dich", re.IGNORECASE)
#: A sentence stating a purpose: opening on "Nhằm …", "Để …", "Mục đích …", or saying "nhằm" / "với mục đích" (the
#: answer to "nhằm mục đích gì", wherever it stands: a news post's lead has no "Mục đích" section).
STATES_PURPOSE = re.compile(r"^\W*(?:nhằm|để|mục đích)\b|\b(?:nhằm|với mục đích|mục đích là)\b", re.IGNORECASE)

#: A number as written ("04", "1.490.000", "30"), not a part of a date or a document number ("12/2021").
NUMERAL = re.compile(r"\b\d+(?:[.,]\d+)*\b(?![/.]\d)")
#: Words around a number that make it a date, a year or a heading number, not a quantity.
_NOT_QUANTITY_BEFORE = re.compile(r"(?:ngày|tháng|năm|quý|mục|điều|khoản|số|giai đoạn|phụ lục|kỳ)\s*$", re.I)
_NOT_QUANTITY_AFTER = re.compile(r"^\s*(?:[./-]\s*\d|tháng|năm\b|\)|\.\s|$)", re.I)


def _is_quantity(text: str, m: re.Match) -> bool:
    """A number that counts something ("04 thủ tục", "30%", "1.490.000 đồng"), not a date, year or heading."""
    before, after = text[max(0, m.start() - 12): m.start()], text[m.end(): m.end() + 8]
    if re.fullmatch(YEAR, m.group(0)):
        return False
    return not _NOT_QUANTITY_BEFORE.search(before) and not _NOT_QUANTITY_AFTER.match(after)


def idf_table(lexical_state):
    """A function giving the inverse document frequency of a folded word in the index.

    Args:
        lexical_state: the index's :class:`~index.lexical_state.LexicalState`.

    Returns:
        ``idf(word) -> float``, BM25's formula (``LexicalIndex.term_idf``); unknown words get the highest weight.
    """
    index = lexical_state.index
    return lambda term: index.term_idf("~" + term)


#: A question asking for an address ("ở địa chỉ nào"), folded: a street and a ward answer it, a venue ("tại Trung tâm
#: …") does not; "ở đâu", "địa điểm" are answered by either.
_ASKS_ADDRESS = re.compile(r"\bdia chi\b")


def carried_types(unit: QuotedSpan, analysis: QueryAnalysis) -> set[str]:
    """The answer types a unit carries: header roles, times, document references, amounts, agencies.

    >>> from retriever.query import analyze_query
    >>> u = QuotedSpan(None, 0, 0, "Thời gian kiểm tra: quý III/2021.", "sentence")
    >>> sorted(carried_types(u, analyze_query("Khi nào?")))
    ['time']
    """
    text = unit.text
    out = {t for t, role in TYPE_ROLES.items() if unit.role == role}
    if unit.role == PassageRole.PLACE_DATE and AnswerType.ISSUE_DATE in analysis.answer_types:
        out.add(AnswerType.PLACE)  # "ban hành ở đâu, ngày nào": the place of issue
    without_cited = CITED_DOCUMENT_DATE.sub(" ", text)
    if TIME_EXPRESSION.search(without_cited) or (RELATIVE_TIME.search(without_cited)
                                                 and unit.role != PassageRole.PLACE_DATE):
        out.add(AnswerType.TIME)
    named = {fold_word(n) for n in analysis.doc_numbers}
    own = fold_word(unit.result.document.number) if unit.result is not None else ""
    references = [m.group(0) for m in DOCUMENT_REFERENCE.finditer(text)]
    if unit.role == PassageRole.BASIS or (unit.role != PassageRole.NUMBER and any(
            fold_word(r) not in named and fold_word(r) != own for r in references)):
        out.add(AnswerType.BASIS)
    if AnswerType.NUMBER in analysis.answer_types and cites_number_asked(text, analysis.original or analysis.text):
        out.add(AnswerType.NUMBER)  # "thực hiện kết luận số mấy": "Kết luận số 127-KL/TW" is the number asked
    if unit.result is not None and unit.role != PassageRole.NUMBER:
        out |= cited_types(text, analysis, unit.result)
    if carries_amount(DOCUMENT_REFERENCE.sub(" ", text), analysis.measure):
        out.add(AnswerType.AMOUNT)
    if unit.role == PassageRole.SIGNATURE or _NAMED_PERSON.search(text) or SIGNER_FIELD.search(text) or (
            AnswerType.PERSON in analysis.answer_types and names_person(text)):
        out.add(AnswerType.PERSON)  # "ai là người tiếp công dân": a row "Tháng 9 | Nguyễn Văn A | Chủ tịch | …" too
    if ADDRESS.search(text) or (VENUE.search(text) and not _ASKS_ADDRESS.search(question_fold(analysis.text))):
        out.add(AnswerType.PLACE)
    if AGENCY.search(text):
        out.add(AnswerType.AGENT)
    if unit.result is not None and english_text(unit.result.passage.text):
        out |= _english_types(text, analysis)
    return out


def _english_types(text: str, analysis: QueryAnalysis) -> set[str]:
    """The answer types a unit of an English page carries, as English writes them (:mod:`textnorm.english`).

    >>> from retriever.query import analyze_query
    >>> sorted(_english_types("headed by Ms. Trinh Thi Thao on October 6, 2025", analyze_query("Ai làm trưởng đoàn?")))
    ['agent', 'person', 'time']
    """
    out: set[str] = set()
    if ENGLISH_DATE.search(text):
        out.add(AnswerType.TIME)
        if AnswerType.ISSUE_DATE in analysis.answer_types:
            out.add(AnswerType.ISSUE_DATE)  # "Plan No. 26/KH-UBND dated August 1, 2025"
    if ENGLISH_NUMBER.search(DOCUMENT_REFERENCE.sub(" ", ENGLISH_DATE.sub(" ", text))) or ENGLISH_RATE.search(text):
        out.add(AnswerType.AMOUNT)
    if ENGLISH_PERSON.search(text):
        out |= {AnswerType.PERSON, AnswerType.AGENT}  # "Ai làm trưởng đoàn": a person answers who leads
    if ENGLISH_AGENCY.search(text):
        out.add(AnswerType.AGENT)
    return out


#: The document forms a document is cited by, as :data:`textnorm.patterns.CITED_DOCUMENT` reads them.
_FORMS = re.search(r"\(\?P<kind>(\(\?i:[^)]*\))\)", CITED_DOCUMENT.pattern).group(1)
#: A document form right before the number or the document asked ("tại tờ trình số mấy", "theo công văn nào").
_ASKED_FORM = re.compile(r"(?P<kind>" + _FORMS + r")\s+(?:(?i:số)\s+)?(?:mấy|nào)\b")
#: The first document form a question names ("Kế hoạch chuyển đổi số … số mấy?").
_NAMED_FORM = re.compile(_FORMS)
#: A kind of document typed as its abbreviation ("QĐ thành lập đoàn … số mấy?", "theo KH nào"), read as the spelled-out
#: form documents cite it by (:data:`textnorm.cues.DOCUMENT_TYPE_FORMS`).
_TYPED_FORM = re.compile(r"(?<!\w)(?P<code>" + "|".join(sorted(DOCUMENT_TYPE_FORMS, key=len, reverse=True))
                         + r")(?![\w/-])", re.IGNORECASE)


def _spelled_forms(question: str) -> str:
    """The question with the kinds of document typed as abbreviations spelled out.

    >>> _spelled_forms("QĐ thành lập đoàn số mấy? theo KH nào")
    'quyết định thành lập đoàn số mấy? theo kế hoạch nào'
    """
    return _TYPED_FORM.sub(lambda m: DOCUMENT_TYPE_FORMS[m.group("code").lower()][0], question)


def same_form(a: str, b: str) -> bool:
    """Two written kinds of document are the same ("Quyết định", "quyết định").

    >>> same_form("Quyết định", "quyết định"), same_form("Kế hoạch", "quyết định")
    (True, False)
    """
    return fold_word(a) == fold_word(b)


def asked_cited_form(question: str, own_kind: str, has_own_number: bool) -> str:
    """The form of the document whose number a question asks when it is not the quoted document's own: the form
    before "số mấy" / "nào" when it differs from the document's kind, or the form the question names when the
    document has no number of its own (a post or a plan citing the one asked about); "" otherwise. A form typed as
    its abbreviation ("QĐ") counts as spelled out.

    >>> asked_cited_form("Sở đề nghị ban hành kế hoạch tại tờ trình số mấy?", "Quyết định", True)
    'tờ trình'
    >>> asked_cited_form("Quyết định này số mấy?", "Quyết định", True)
    ''
    >>> asked_cited_form("Kế hoạch phát triển du lịch của huyện số mấy?", "Tin bài", False)
    'kế hoạch'
    >>> asked_cited_form("QĐ lập tổ công tác của huyện số mấy?", "Tin bài", False)
    'quyết định'
    """
    question = _spelled_forms(question)
    m = _ASKED_FORM.search(question)
    if m and own_kind and not same_form(m.group("kind"), own_kind):
        return m.group("kind").lower()
    named = _NAMED_FORM.search(question)
    if not has_own_number and named:
        return named.group(0).lower()
    return ""


#: Answer types a document cited with its number answers: its number, or the document asked to rest on ("theo tờ
#: trình nào"); with its date written, its date of issue ("kèm theo quyết định nào, ngày nào").
_CITED_ANSWERS = frozenset({AnswerType.NUMBER, AnswerType.BASIS})


def cited_types(text: str, analysis: QueryAnalysis, result: SearchResult) -> set[str]:
    """The answer types a line carries by citing, with its number, a document of the form whose number or date the
    question asks when that document is not the quoted one (:func:`asked_cited_form`): "Quyết định số 12/QĐ-UBND
    ngày 01/7/2020 …" answers "QĐ thành lập đoàn … số mấy?" in a news post that has no number of its own.

    >>> from index.model import Passage
    >>> from retriever.query import analyze_query
    >>> r = SearchResult(1, Passage("p:0", "p", "", 0, 0), 1.0, doc_metadata={"loai_van_ban": "Tin bài"})
    >>> line = "Chủ tịch huyện ban hành Quyết định số 12/QĐ-UBND ngày 01/7/2020 về việc lập tổ kiểm tra."
    >>> sorted(cited_types(line, analyze_query("QĐ lập tổ kiểm tra của huyện số mấy, ngày nào?"), r))
    ['issue_date', 'number']
    >>> cited_types("Kế hoạch số 5/KH-UBND ngày 02/01/2020.", analyze_query("QĐ lập tổ số mấy?"), r)
    set()
    """
    asked = set(analysis.answer_types)
    if not asked & _CITED_ANSWERS:
        return set()
    md = result.document
    form = asked_cited_form(analysis.original or analysis.text, md.kind,
                            AnswerType.NUMBER not in asked or bool(md.number))
    out: set[str] = set()
    for m in CITED_DOCUMENT.finditer(text) if form else ():
        # the document's own number too: "ban hành kèm theo Quyết định số …"
        if same_form(m.group("kind"), form) and _cited_in_scope(m, analysis, result):
            out |= asked & _CITED_ANSWERS
            if m.group("date") and AnswerType.ISSUE_DATE in asked:
                out.add(AnswerType.ISSUE_DATE)
    return out


def _cited_in_scope(cited: re.Match, analysis: QueryAnalysis, result: SearchResult) -> bool:
    """A document cited (a :data:`~textnorm.patterns.CITED_DOCUMENT` match) can be the one a question asks about: its
    date, when written, is of a year the question names, and the citing document is of a province the question names
    or its passage names one (a plan of another province cited in a post is not the one asked about).

    >>> from index.model import Passage
    >>> from retriever.query import analyze_query
    >>> p = Passage("p:0", "p", "UBND tỉnh Kon Tum ban hành Kế hoạch số 5/KH-UBND ngày 02/01/2019.", 0, 0)
    >>> r = SearchResult(1, p, 1.0)
    >>> m = CITED_DOCUMENT.search(p.text)
    >>> _cited_in_scope(m, analyze_query("Kế hoạch CCHC năm 2019 của Kon Tum số mấy?"), r)
    True
    >>> _cited_in_scope(m, analyze_query("Kế hoạch CCHC năm 2020 của Kon Tum số mấy?"), r)
    False
    >>> _cited_in_scope(m, analyze_query("Kế hoạch CCHC năm 2019 của Lâm Đồng số mấy?"), r)
    False
    """
    date = cited.group("date")
    if analysis.years and date and date[-4:] not in analysis.years:
        return False
    provinces = list(getattr(analysis, "provinces", ()))
    if not provinces:
        return True
    return (document_place(result.doc_metadata, asked_provinces(provinces)) is DocumentPlace.ASKED
            or mentions_province(result.passage.text, provinces))


#: The one or two words before "số mấy" in a question: the kind of document whose number is asked ("kết luận").
_NUMBER_ASKED_OF = re.compile(r"(?:(\w+)\s+)?(\w+)\s+số\s+mấy\b", re.IGNORECASE)


def cites_number_asked(text: str, question: str) -> bool:
    """The text cites, with its number, a document of the kind whose number the question asks ("… kết luận số
    mấy?" and "Thực hiện Kết luận số 127-KL/TW …").

    >>> q = "Đề án thực hiện kết luận số mấy của Bộ Chính trị?"
    >>> cites_number_asked("Thực hiện Kết luận số 127-KL/TW ngày 28/02/2025", q), cites_number_asked("Số: 12/ĐA", q)
    (True, False)
    """
    m = _NUMBER_ASKED_OF.search(question)
    if not m:
        return False
    nouns = [n for n in (f"{m.group(1)} {m.group(2)}" if m.group(1) else "", m.group(2)) if n]
    for noun in nouns:
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, noun.split())) + r"\s+số\s*:?\s*(?=\d)"
        for cited in re.finditer(pattern, text, re.IGNORECASE):
            if DOCUMENT_REFERENCE.match(text, cited.end()):
                return True
    return False


def states_time(text: str) -> bool:
    """The text states a time of its own: a date, a period or a year outside the numbers and dates of the documents
    it cites (those still count as a time for :func:`carried_types`, which the refusal rules read).

    >>> states_time("Nghị định 45/2020/NĐ-CP về thủ tục hành chính"), states_time("có hiệu lực từ ngày 22/5/2020")
    (False, True)
    """
    plain = DOCUMENT_REFERENCE.sub(" ", CITED_DOCUMENT_DATE.sub(" ", text))
    return bool(TIME_EXPRESSION.search(plain) or RELATIVE_TIME.search(plain))


def carries_amount(text: str, measure: list[str]) -> bool:
    """A number, followed by what the question counts when it says ("04 thủ tục", "30%").

    >>> carries_amount("bổ sung 04 thủ tục hành chính", ["thu", "tuc"]), carries_amount("năm 2021", ["xa"])
    (True, False)
    >>> carries_amount("Hội đồng họp mỗi quý một lần.", ["lan"])
    True
    """
    if not measure:
        return any(_is_quantity(text, m) for m in NUMERAL.finditer(text))
    if measure == ["%"]:
        return bool(re.search(r"\d\s*%|phần trăm", text))
    folded = " ".join(fold_word(w) for w in re.findall(r"\w+|%", number_words_as_digits(text)))
    return bool(re.search(r"\b\d+(?: \d+)? (?:\w+ ){0,2}?" + r" ".join(map(re.escape, measure)) + r"\b", folded))




#: Generic nouns for agencies: a list question about them is answered by an enumeration of named agencies.
_AGENCY_NOUNS = frozenset({"cơ quan", "đơn vị", "cơ quan, đơn vị"})


def _enumerates(unit: QuotedSpan, target: list[str]) -> bool:
    """True when the unit lists several things after naming what a list question asks for.

    >>> u = QuotedSpan(None, 0, 0, "Cấp tỉnh gồm các Sở: Công Thương, Xây dựng, Y tế, Du lịch.", "item")
    >>> _enumerates(u, ["sở"]), _enumerates(QuotedSpan(None, 0, 0, "Báo cáo về Sở Nội vụ, để xem xét.", "item"), ["sở"])
    (True, False)
    """
    lowered = unit.text.lower()
    if not target:  # no noun named ("gồm những gì"): any enumeration
        return unit.kind == "list" or lowered.count(",") >= 3
    m = re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, target)) + r"(?!\w)", lowered) or \
        re.search(r"(?<!\w)" + re.escape(target[0]) + r"(?!\w)", lowered)  # "những sở, ban nào" → "các sở: …"
    if not m and " ".join(target) in _AGENCY_NOUNS:
        m = AGENCY.search(unit.text)  # "những cơ quan nào": agencies are named ("Văn phòng …, các Sở: …")
    if not m:
        return False
    rest = unit.text[m.end():]
    after = re.split(r"[.;](?:\s|$)", rest, maxsplit=1)[0]
    items = _semicolon_items(rest)
    if len(items) >= _MIN_SEMICOLON_ITEMS:
        after = "\n".join(items)  # "lĩnh vực: tổ chức hành chính, sự nghiệp nhà nước; chính quyền địa phương; …"
    segments = [seg.strip(" :\n-+•") for seg in re.split(r",|\bvà\b|\n", after) if seg.strip(" :\n-+•")]
    if len(items) >= _MIN_SEMICOLON_ITEMS:
        segments = items
    if " ".join(fold_word(w) for w in target) in BODY_NOUNS:
        # units are named ("Sở: Công Thương, Xây dựng, Y tế"), not described ("các sở, ban, ngành")
        named = sum(1 for seg in segments if seg[:1].isupper())
        if named * 2 < len(segments):
            return False
    if unit.kind == "list" and len(segments) >= 2:
        return True
    return len(segments) >= 3 and sum(len(seg) for seg in segments) / len(segments) <= 45


#: Items of an enumeration written in one sentence with semicolons ("a, b; c; d"): this many make a list.
_MIN_SEMICOLON_ITEMS = 3


def _semicolon_items(rest: str) -> list[str]:
    """The items of an enumeration that follows a colon and separates its items with semicolons, up to the sentence's
    end; [] when the text is not such an enumeration.

    >>> _semicolon_items(": tổ chức hành chính, sự nghiệp; chính quyền địa phương; văn thư, lưu trữ.")
    ['tổ chức hành chính, sự nghiệp', 'chính quyền địa phương', 'văn thư, lưu trữ']
    >>> _semicolon_items(" của tỉnh; kiểm tra năm 2021.")
    []
    """
    head = rest.lstrip()
    if not head.startswith(":"):
        return []
    sentence = re.split(r"\.(?:\s|$)", head[1:], maxsplit=1)[0]
    items = [seg.strip(" \n-+•") for seg in sentence.split(";") if seg.strip(" \n-+•")]
    return items if len(items) >= _MIN_SEMICOLON_ITEMS else []


#: A definition asked: the term right before "là gì" / "nghĩa là gì" / "được hiểu là gì", after any clause before it
#: ("Theo Nghị định …, văn bản điện tử là gì?"), folded; at most this many words (a term, not a sentence).
_DEFINED = re.compile(r"(?:^|[,:;?]\s*)(?P<term>[^,:;?]+?)\s+(?:được hiểu |nghĩa |có nghĩa )?là gì\b", re.IGNORECASE)
#: The most words a defined term has.
_MAX_TERM_WORDS = 8


def defined_term(question: str) -> str:
    """The term a definition question asks about, folded ("" when it asks none).

    >>> defined_term("Theo Nghị định về công tác văn thư, văn bản điện tử là gì?")
    'van ban dien tu'
    >>> defined_term("Mục tiêu chung của kế hoạch là gì?"), defined_term("Ai ký?")
    ('muc tieu chung cua ke hoach', '')
    """
    m = _DEFINED.search(question.strip())
    if not m:
        return ""
    words = [fold_word(w) for w in syllables(m.group("term"))]
    return " ".join(words) if 0 < len(words) <= _MAX_TERM_WORDS else ""


def defines(text: str, term: str) -> bool:
    """The text opens (after a list marker) on the term followed by "là": it defines that term, not a longer one.

    >>> defines("2. Văn bản điện tử là văn bản dưới dạng thông điệp dữ liệu.", "van ban dien tu")
    True
    >>> defines("Bản sao văn bản điện tử là bản chụp từ văn bản gốc.", "van ban dien tu")
    False
    """
    words = [fold_word(w) for w in syllables(text)[: len(term.split()) + 3]]
    while words and (words[0].isdigit() or len(words[0]) == 1):
        words = words[1:]  # "2.", "a)"
    n = len(term.split())
    return " ".join(words[:n]) == term and words[n:n + 1] == ["la"]


def states_field(text: str, name: str) -> bool:
    """The text gives a field of that name a value ("Học phần: Nghiệp vụ …", typed with or without accents).

    >>> states_field("BÀI TIỂU LUẬN Hoc phan: Nghiep vu cai cach", "hoc phan"), states_field("Học phần mới", "hoc phan")
    (True, False)
    """
    return bool(re.search(r"(?<!\w)" + re.escape(name).replace(r"\ ", r"\s+") + r"\s*:\s*\w", fold_accents(text)))


#: An ordinal asked: the one or two words before "thứ mấy" ("kỳ họp thứ mấy", "định kỳ vào thứ mấy").
_ORDINAL_ASKED = re.compile(r"(?:(\w+)\s+)?(\w+)\s+thứ\s+mấy\b", re.IGNORECASE)
#: An ordinal as written, folded: a numeral, a Roman numeral, or a number word ("thứ năm", "thứ hai").
_ORDINAL_VALUE = r"(?:\d+|[ivxl]+|hai|ba|tu|nam|sau|bay|tam|chin|muoi)\b"


def ordinal_asked(question: str) -> tuple[str, ...]:
    """The words an ordinal is asked after, folded, the two-word form first ("" when none is asked).

    >>> ordinal_asked("Nghị quyết được thông qua tại kỳ họp thứ mấy?"), ordinal_asked("Ai ký?")
    (('ky hop', 'hop'), ())
    """
    m = _ORDINAL_ASKED.search(question)
    if not m:
        return ()
    last = fold_word(m.group(2))
    return ((f"{fold_word(m.group(1))} {last}",) if m.group(1) else ()) + (last,)


def states_asked(text: str, defined: str, field_name: str, ordinal_of: tuple[str, ...]) -> bool:
    """The text states what the question asks in one of three shapes: the definition of the term asked
    (:func:`defines`), the value of the field asked (:func:`states_field`), the ordinal asked after its words
    ("KỲ HỌP THỨ 5" for "kỳ họp thứ mấy", "vào thứ 5 hàng tuần" for "vào thứ mấy").

    >>> states_asked("KHOÁ XIII, KỲ HỌP THỨ 5", "", "", ("ky hop", "hop")), states_asked("Kỳ họp", "", "", ("hop",))
    (True, False)
    """
    if defined and defines(text, defined):
        return True
    if field_name and states_field(text, field_name):
        return True
    folded = " ".join(re.findall(r"\w+", fold_accents(text)))
    return any(re.search(rf"\b{re.escape(words)} thu {_ORDINAL_VALUE}", folded) for words in ordinal_of)


def asked_shapes(analysis: QueryAnalysis) -> list:
    """Tests of a line's text, one per shape of fact the question asks that its answer types do not name: a
    definition, a field, an ordinal (:func:`states_asked`), a fact of the body (the date of effect, a grade, a rate,
    a post's holder: :func:`assistant.evidence.states_fact`), a purpose (:data:`STATES_PURPOSE`), a time of day
    (:data:`textnorm.patterns.CLOCK_TIME`); [] when it asks none.

    >>> from retriever.query import analyze_query
    >>> [test] = asked_shapes(analyze_query("Quyết định 9/2020/QĐ-UBND có hiệu lực từ ngày nào?"))
    >>> test("Quyết định này có hiệu lực kể từ ngày 01/7/2020."), test("Ban hành ngày 12/6/2020.")
    (True, False)
    >>> len(asked_shapes(analyze_query("Tiếp công dân vào thứ mấy, giờ nào?"))), asked_shapes(analyze_query("Ai ký?"))
    (2, [])
    """
    question = analysis.original or analysis.text
    field_name = analysis.list_target.folded if AnswerType.LIST not in analysis.answer_types else ""
    defined, ordinal_of, fact = defined_term(question), ordinal_asked(question), _body_fact(analysis)
    tests = []
    if defined or field_name:
        tests.append(lambda text: states_asked(text, defined, field_name, ()))
    if ordinal_of:
        tests.append(lambda text: states_asked(text, "", "", ordinal_of))
    if fact.kind:
        tests.append(lambda text: states_fact(text, fact))
    if _PURPOSE_SECTION.search(" ".join(syllables(analysis.text))):
        tests.append(lambda text: bool(STATES_PURPOSE.search(text)))
    if _ASKS_CLOCK.search(question_fold(question)):
        tests.append(lambda text: bool(CLOCK_TIME.search(text)))
    return tests


#: Content words read before a question word as the thing it asks about: "được thông qua tại kỳ họp nào" asks
#: about "thông qua … kỳ họp", "trụ sở bố trí ở đâu" about "trụ sở bố trí"; four reach back over a two-syllable noun
#: and its verb, not into the question's subject.
ASKED_PHRASE_WORDS = 4
#: Marks that end a part of a question ("… từ ngày nào, trụ sở bố trí ở đâu?"): an asked phrase stops at them.
_QUESTION_PART_END = re.compile(r"[,;:?!]|\.(?!\d)")


#: Question phrases (folded word pairs: "ngày nào", "số mấy", "sở nào") whose noun names the kind of answer asked.
_FOLDED_QUESTION_PHRASES = frozenset(tuple(fold_word(w) for w in p) for p in QUESTION_PHRASES if len(p) == 2)


def asked_phrases(analysis: QueryAnalysis) -> list[tuple[str, ...]]:
    """For each question word, the topic words right before it in its part of the question (up to
    :data:`ASKED_PHRASE_WORDS`): what that part of the question asks about, as its terms: each pair of topic words
    next to each other in the question ("ky hop"), or a topic word alone between others; a question word with no
    topic word before it ("số mấy, ngày nào") gives none.

    >>> from retriever.query import analyze_query
    >>> asked_phrases(analyze_query("Nghị quyết 5 được thông qua tại kỳ họp nào, xét tờ trình số mấy?"))
    [('thong qua', 'ky hop'), ('xet to', 'to trinh')]
    >>> asked_phrases(analyze_query("Trung tâm vận hành từ ngày nào, trụ sở bố trí ở đâu?"))
    [('trung tam', 'tam van', 'van hanh'), ('tru so', 'so bo', 'bo tri')]
    """
    topic = set(analysis.topic_terms)
    out: list[tuple[str, ...]] = []
    for part in _QUESTION_PART_END.split(analysis.text):
        words = [w.rstrip("_") if w.rstrip("_") in topic else w for w in question_fold(part).split()]  # "ky_"
        start = 0
        for i, word in enumerate(words):
            if word not in ASKING_WORDS:
                continue
            before = nearest_run([(j, w) for j, w in enumerate(words[start:i], start) if w in topic], i)
            if before and before[-1][0] == i - 1 and (before[-1][1], word) in _FOLDED_QUESTION_PHRASES:
                before.pop()  # "từ ngày nào": "ngày" says a date is asked (its answer type), not what about
            start = i + 1
            phrase = tuple(dict.fromkeys(_phrase_terms(before[-ASKED_PHRASE_WORDS:])))
            if phrase and phrase not in out:
                out.append(phrase)
    return out


#: Words a question word may follow and still open its clause: the noun of the answer asked ("cơ quan nào", "sở
#: nào"); "ai" stands alone. More make it a question about a subject already named ("Sở Nội vụ trình tờ trình nào").
SUBJECT_NOUN_WORDS = 2


#: Folded question words that ask who or which one does something when they open a clause ("ai làm …", "cơ quan nào
#: xếp …"); "mấy", "bao nhiêu", "gì" open a measure or an object ("thứ mấy cả nước", "bao nhiêu quy trình").
SUBJECT_ASKING_WORDS = frozenset({"ai", "nao"})
#: Folded verbs that link the one asked about to the role asked ("ai làm trưởng đoàn", "ai là người phát ngôn"): the
#: predicate is the role; a line naming the holder writes the role without them ("Ông A, trưởng đoàn").
COPULAS = frozenset({"la", "lam", "giu"})


def asked_predicates(analysis: QueryAnalysis) -> list[tuple[tuple[str, ...], bool]]:
    """For each question word that opens its part of the question (after at most :data:`SUBJECT_NOUN_WORDS` words: a
    question about who or which one does something), the topic words right after it, up to
    :data:`ASKED_PHRASE_WORDS`, as :func:`asked_phrases` gives its terms: what that one does, which the line
    answering it states beside the answer ("Đồng chí Phạm Văn A, Chánh Văn phòng, trưởng đoàn"; "Vị trí cuối cùng,
    Ủy ban X, với 66,71%"); each with whether it asks who holds a role ("ai làm trưởng đoàn", "ai là …": a person
    answers it; "ai xây dựng kế hoạch" may be answered by an agency).

    >>> from retriever.query import analyze_query
    >>> asked_predicates(analyze_query("Tỷ lệ đúng hạn bao nhiêu, ai làm trưởng đoàn?"))
    [(('truong doan',), True)]
    >>> asked_predicates(analyze_query("Năm 2015, bộ nào xếp cuối cùng?"))
    [(('xep cuoi', 'cuoi cung'), False)]
    >>> asked_predicates(analyze_query("Ai xây dựng kế hoạch đào tạo?"))
    [(('xay dung', 'dung ke', 'ke hoach'), False)]
    >>> [asked_predicates(analyze_query(q)) for q in ("Sở Nội vụ đề nghị tại văn bản số mấy?",
    ...                                               "Ai ký Chỉ thị 18/CT-UBND về kỷ cương?",
    ...                                               "Tỉnh đạt bao nhiêu, xếp thứ mấy cả nước?")]
    [[], [], []]
    """
    topic = set(analysis.topic_terms)
    out: list[tuple[tuple[str, ...], bool]] = []
    for part in _QUESTION_PART_END.split(analysis.text):
        words = [w.rstrip("_") if w.rstrip("_") in topic else w for w in question_fold(part).split()]
        opener = next((i for i, w in enumerate(words[: SUBJECT_NOUN_WORDS + 1]) if w in ASKING_WORDS), None)
        if opener is None or words[opener] not in SUBJECT_ASKING_WORDS or words[opener + 1: opener + 2] == ["ky"]:
            continue  # "thứ mấy cả nước", "bao nhiêu quy trình" ask a measure; "ai ký" a signer (its header line)
        after: list[tuple[int, str]] = []
        first = opener + 2 if opener + 1 < len(words) and words[opener + 1] in COPULAS else opener + 1
        for j in range(first, len(words)):
            if words[j] in ASKING_WORDS:
                break
            if words[j] in topic:
                after.append((j, words[j]))
            if not after or j - after[-1][0] > _PHRASE_GAP:
                break  # the predicate starts right after its question word ("ai ký Quyết định …" asks a signer)
        phrase = tuple(dict.fromkeys(_phrase_terms(after[:ASKED_PHRASE_WORDS])))
        if phrase and all(phrase != p for p, _ in out):
            out.append((phrase, words[opener] == "ai" and first > opener + 1))
    return out


#: Words between two topic words of one asked phrase ("thông qua tại kỳ họp"): more start another phrase ("giải quyết
#: việc làm năm 2013 tại kỳ họp" asks about "kỳ họp"); and between the phrase and its question word ("bố trí ở đâu").
_PHRASE_GAP = 1
_QUESTION_GAP = 2


def nearest_run(words: list[tuple[int, str]], asked_at: int) -> list[tuple[int, str]]:
    """The (position, word) pairs of the run of topic words right before the question word at ``asked_at``.

    >>> nearest_run([(0, "quyet"), (2, "lam"), (5, "ky"), (6, "hop")], 8)
    [(5, 'ky'), (6, 'hop')]
    >>> nearest_run([(0, "ky"), (1, "hop")], 5)
    []
    """
    run: list[tuple[int, str]] = []
    last = asked_at
    for j, w in reversed(words):
        if last - j - 1 > (_QUESTION_GAP if not run else _PHRASE_GAP):
            break
        run.insert(0, (j, w))
        last = j
    return run


def _phrase_terms(words: list[tuple[int, str]]) -> list[str]:
    """Terms of a phrase from its (position, word) pairs: each pair of neighbours, or a word with none.

    >>> _phrase_terms([(0, "thong"), (1, "qua"), (3, "ky"), (4, "hop"), (6, "lan")])
    ['thong qua', 'ky hop', 'lan']
    """
    terms = []
    for n, (j, w) in enumerate(words):
        pairs = [f"{w} {words[n + 1][1]}"] if n + 1 < len(words) and words[n + 1][0] == j + 1 else []
        alone = not pairs and not (n and words[n - 1][0] == j - 1)
        terms += pairs + ([w] if alone else [])
    return terms


#: A question asking a time of day, folded: "giờ nào", "mấy giờ", "lúc mấy giờ", "khung giờ" ("từ 07h30 đến 11h30").
_ASKS_CLOCK = re.compile(r"\b(?:gio nao|may gio|khung gio)\b")


@dataclass
class ScoredQuestion:
    """What the scorer reads of the analysis, computed once per answer."""

    weights: dict[str, float]
    total: float
    bigrams: set[str]
    types: tuple[AnswerType, ...]
    target: list[str]
    asks_purpose: bool
    asks_header: bool
    asks_document: bool = False  # "văn bản nào …": a document's title answers it
    #: the term a definition question asks about ("văn bản điện tử là gì" → "van ban dien tu"), folded
    defined: str = ""
    #: the noun a question asks the value of ("thuộc học phần nào" → "hoc phan"), folded: "Học phần: …" states it
    field_name: str = ""
    #: the one or two words before "thứ mấy" ("kỳ họp thứ mấy" → ("ky hop", "hop")), folded: "Kỳ họp thứ 5" states it
    ordinal_of: tuple[str, ...] = ()
    #: each topic syllable of the question → the English words that say it on an English page
    #: (:func:`retriever.query.english_glosses`; empty for a question typed in English)
    glosses: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: the question is typed in English: its words are matched on an English page by their stems
    in_english: bool = False
    #: the definite fact asked in the body of a document (a date of effect, a rank, a rate, a post's holder, a count:
    #: :func:`assistant.evidence.asked_fact`); a document's own number, date and signer are its header lines' roles
    fact: AskedFact = AskedFact()


def _question(analysis: QueryAnalysis, idf) -> ScoredQuestion:
    terms = analysis.topic_terms
    weights = {t: idf(t) for t in dict.fromkeys(terms)}
    types = tuple(analysis.answer_types)
    asks_header = bool(set(types) & set(TYPE_ROLES))
    asked = " ".join(syllables(analysis.text))
    return ScoredQuestion(weights=weights, total=sum(weights.values()) or 1.0,
                     bigrams={f"{a} {b}" for a, b in zip(terms, terms[1:])}, types=types,
                     target=list(analysis.list_target.words), asks_purpose=bool(_PURPOSE_SECTION.search(asked)),
                     asks_header=asks_header,
                     asks_document=analysis.asks_document, fact=_body_fact(analysis),
                     defined=defined_term(analysis.original or analysis.text),
                     field_name=analysis.list_target.folded if AnswerType.LIST not in types else "",
                     ordinal_of=ordinal_asked(analysis.original or analysis.text),
                     glosses={} if analysis.in_english else english_glosses(analysis.text),
                     in_english=analysis.in_english)


def _body_fact(analysis: QueryAnalysis) -> AskedFact:
    """The definite fact a question asks that a line of a document's body states (not its header's number, date
    or signer).

    >>> from retriever.query import analyze_query
    >>> _body_fact(analyze_query("Nghị định 12/2020/NĐ-CP có hiệu lực từ ngày nào?")).kind
    'effect'
    >>> _body_fact(analyze_query("Kế hoạch 12/KH-UBND số mấy?")).kind
    ''
    """
    fact = asked_fact(analysis.text, tuple(analysis.answer_types))
    return fact if fact.kind in _BODY_FACTS else AskedFact()


#: Definite facts that narrow the kind of answer asked to one statement of it: the date a text takes effect among its
#: dates, a grade or a rank, a rate, the holder of a post among the names. A count is not one: the amount asked is
#: already what it is (a number of the noun counted), and a second bonus would only push the other half of a
#: two-part question ("bao nhiêu hồ sơ, tỷ lệ thế nào") out of the answer.
_BODY_FACTS = frozenset({"effect", "rank", "rate", "post", "role"})


def score_unit(unit: QuotedSpan, q: ScoredQuestion, analysis: QueryAnalysis, cfg: GroundedConfig,
               words: list[str] | None = None, said: frozenset | None = None) -> None:
    """Score one unit for the question (sets ``unit.score`` and ``unit.carries``; ``unit.coverage`` is set first by
    :func:`score_all`).

    The score is the share of the question's topic weight the unit carries (its own words, then its section's at
    :attr:`GroundedConfig.section_weight`), plus phrase, answer-type and list bonuses, times the rank factor of its
    passage, divided by a length factor; boilerplate, purpose statements and titles are damped. ``words`` are the
    unit's folded syllables when the caller has them; ``said``, the question's terms a unit of an English page says in
    English (:func:`said_in_english`), None for a unit of a Vietnamese one.
    """
    words = [fold_word(s) for s in syllables(unit.text)] if words is None else words
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:])}
    if said:  # an English page says a term's syllables together, in its English words
        pairs |= {b for b in q.bigrams if set(b.split()) <= said}
    phrase = cfg.bigram_weight * sum(1 for b in q.bigrams if b in pairs)
    unit.carries = carried_types(unit, analysis)
    asked = [t for t in q.types if t in SHAPED_TYPES]
    score = unit.coverage + phrase
    earned = unit.carries & set(asked)
    if AnswerType.TIME in earned and not (states_time(unit.text) if said is None else ENGLISH_DATE.search(unit.text)):
        earned.discard(AnswerType.TIME)  # the year of a document number ("Nghị định 45/2020/NĐ-CP") is not a time,
        # nor is a year on an English page ("in 2024"): a date is ("before December 10, 2024")
    if earned:
        score += cfg.type_bonus * len(earned) / len(asked)
    if states_asked(unit.text, q.defined, q.field_name, q.ordinal_of):
        score += cfg.type_bonus  # "X là gì": "X là …"; "thuộc học phần nào": "Học phần: …"; "kỳ họp thứ mấy"
    if q.asks_purpose and STATES_PURPOSE.search(unit.text):
        score += cfg.type_bonus  # "nhằm mục đích gì": "Nhằm đánh giá thực chất …"
    if q.fact.kind and fact_stated(unit, q.fact):
        score += cfg.type_bonus  # "có hiệu lực từ ngày nào": the line saying "có hiệu lực … từ ngày …"
    if AnswerType.LIST in q.types and unit.kind not in ("lead_in", "row") and _enumerates(unit, q.target):
        unit.answers_list = True
        score += cfg.list_bonus
    score *= _damping(unit, q, cfg)
    score *= 1.0 + cfg.rank_weight / max(unit.result.rank, 1)
    unit.score = score / (1.0 + len(unit.text) / cfg.length_chars)


def _document_words(result: SearchResult) -> set[str]:
    md = result.document
    text = " ".join((result_label(result), md.title, md.period, md.issuer))
    return {fold_word(s) for s in syllables(text)}


def _coverage(unit: QuotedSpan, words: list[str], q: ScoredQuestion, cfg: GroundedConfig,
              context: tuple[set[str], set[str]]) -> float:
    """Share of the question's topic weight in the unit, its section path and its document (each word counted once,
    at the weight of the closest place it is found); ``context`` is (section words, document words) of its passage."""
    present = set(words)
    section, document = context
    doc_weight = cfg.header_doc_weight if unit.role in NAMING_ROLES else \
        cfg.doc_weight
    total = 0.0
    for term, weight in q.weights.items():
        if term in present:
            total += weight
        elif term in section:
            total += cfg.section_weight * weight
        elif term in document:
            total += doc_weight * weight
    return total / q.total


def said_in_english(text: str, words: list[str], q: ScoredQuestion) -> set[str]:
    """The question's topic terms an English unit says: by its English gloss for a Vietnamese question ("kiểm tra":
    "inspection"), by the stem of the word for an English one. Names and numbers both languages write alike ("Dak
    Lak", "2024") are in the unit's words already.

    >>> q = ScoredQuestion({"kiem": 1.0, "tra": 1.0, "lak": 1.0}, 3.0, set(), (), [], False, False,
    ...                    glosses={"kiem": ("inspection",), "tra": ("inspection",)})
    >>> sorted(said_in_english("The inspection team visited Dak Lak.", ["the", "inspection"], q))
    ['kiem', 'tra']
    >>> e = ScoredQuestion({"inspected": 1.0, "wards": 1.0}, 2.0, set(), (), [], False, False, in_english=True)
    >>> sorted(said_in_english("", ["inspection", "ward"], e))
    ['inspected', 'wards']
    """
    if q.in_english:
        stems = {english_stem(w) for w in words}
        return {t for t in q.weights if english_stem(t) in stems}
    stems = _stemmed(text)
    return {t for t, english in q.glosses.items() if t in q.weights and any(_stemmed(e) in stems for e in english)}


def _stemmed(text: str) -> str:
    """The words of an English text by their stems (:func:`english_stem`), lower case, between spaces.

    >>> _stemmed("Krong Bong districts"), _stemmed("district") in _stemmed("Krong Bong districts")
    (' krong bong district ', True)
    """
    return " " + " ".join(english_stem(w.lower()) for w in syllables(text)) + " "


def _is_heading(unit: QuotedSpan) -> bool:
    """A heading line on its own ("2. Thời gian kiểm tra"): it names a section, it does not answer."""
    title = unit.result.passage.section.rsplit(" > ", 1)[-1].strip().rstrip(":…")
    text = unit.text.strip().rstrip(":")
    return bool(title) and unit.kind in ("item", "sentence") and (text == title or (
        len(text) >= 8 and title.startswith(text)))


def is_document_title(unit: QuotedSpan) -> bool:
    """The document's title as read (a news post's headline, a plan's trích yếu) quoted on its own: it names the
    document and repeats the words of any question about it, but says nothing the document says.

    >>> from index.model import Passage
    >>> p = Passage("d:0", "d", "UBND tỉnh yêu cầu các xã đẩy mạnh CCHC", 0, 38, OPENING_SECTION)
    >>> r = SearchResult(1, p, 1.0, doc_metadata={"tieu_de": "UBND tỉnh yêu cầu các xã đẩy mạnh CCHC"})
    >>> whole, part = QuotedSpan(r, 0, 38, p.text, "sentence"), QuotedSpan(r, 0, 8, "UBND tỉnh", "item")
    >>> is_document_title(whole), is_document_title(part)
    (True, False)
    """
    title = unit.result.document.title
    if not title or unit.result.passage.section not in (OPENING_SECTION, PORTAL_SECTION):
        return False
    words = [fold_word(w) for w in syllables(unit.text)]
    return len(words) >= 4 and words == [fold_word(w) for w in syllables(title)][: len(words)]


def _damping(unit: QuotedSpan, q: ScoredQuestion, cfg: GroundedConfig) -> float:
    if unit.role in BOILERPLATE_ROLES or _is_heading(unit):
        return cfg.boilerplate_factor
    if unit.role in NAMING_ROLES and not q.asks_header:
        return cfg.title_factor
    if not (q.asks_header or q.asks_document) and (
            unit.result.passage.section == PORTAL_SECTION or is_document_title(unit)):
        # the portal's lines about a document (related documents, status, page title) and the document's own title
        # name it; what a content or basis question asks is in its body ("Xét đề nghị … tại Tờ trình số …")
        return cfg.title_factor
    if _PURPOSE_SECTION.search(unit.result.passage.section) and not q.asks_purpose:
        return cfg.purpose_factor
    if len(unit.text) < 90 and is_upper_line(unit.text):
        return cfg.title_factor
    return 1.0



def score_all(results: list[SearchResult], analysis: QueryAnalysis, lexical_state,
              cfg: GroundedConfig) -> tuple[list[QuotedSpan], ScoredQuestion]:
    """Every unit of the results, scored for the question (shared by the composer and the abstention decision)."""
    q = _question(analysis, idf_table(lexical_state))
    units: list[QuotedSpan] = []
    words: dict[int, list[str]] = {}  # id(unit) → its folded syllables, read once for coverage and score
    said: dict[int, frozenset | None] = {}  # id(unit) → the question's terms an English unit says in English
    seen: set[tuple[str, int, int]] = set()
    for result in results:
        # the words of the passage's section path and of its document, read once for all its units
        context = ({fold_word(s) for s in syllables(result.passage.section)}, _document_words(result))
        english = english_text(result.passage.text)
        for unit in split_units(result, cfg):
            key = (unit.doc_id, unit.start, unit.end)
            if key not in seen:
                seen.add(key)
                words[id(unit)] = [fold_word(s) for s in syllables(unit.text)]
                # an English page says the question's terms in English: its units are measured on those words
                said[id(unit)] = frozenset(said_in_english(unit.text, words[id(unit)], q)) if english else None
                unit.coverage = _coverage(unit, words[id(unit)] + sorted(said[id(unit)] or ()), q, cfg, context)
                units.append(unit)
    doc_best: dict[str, float] = {}
    for unit in units:
        doc_best[unit.doc_id] = max(doc_best.get(unit.doc_id, 0.0), unit.coverage)
    for unit in units:
        if unit.role in IDENTITY_ROLES:
            # a number, date or signature line speaks for its whole document: "is this the document asked about"
            unit.coverage = max(unit.coverage, doc_best[unit.doc_id])
        score_unit(unit, q, analysis, cfg, words[id(unit)], said[id(unit)])
    return units, q

