"""Evidence a question names that the passages an answer would quote must hold: a document of a kind and a year, a
month. Absent from them, the question is about something the documents do not hold (issue 18: a refusal needs the
evidence to be absent, never a field alone).

- A question about a document of a kind and a year ("Kế hoạch tuyên truyền về chuyển đổi số năm 2023 của tỉnh Phú
  Yên …"): the passages an answer would quote, their sections and their documents' titles write no document
  of that kind with that year (the kind's word, then within a clause the year, a date of that year or a period
  holding it: "Kế hoạch số 45/KH-UBND ngày 12/01/2023", "kế hoạch … giai đoạn 2021-2025"), and none of their
  documents is of that kind with that year read from its own text (its header, its date line, its title). A document
  whose year was not read is no evidence either way: only what its text writes counts.
- A question about a month ("Trong tháng 10/2022 Giám đốc Sở Nội vụ tiếp dân hôm nào?"): no period those passages
  write holds that month (:func:`textnorm.periods.find_periods`: "ngày 24/9/2021", "tháng 9-2021", "quý III/2021",
  "từ tháng 8 đến tháng 10"), of that year when the question gives one, and none states a recurrence that holds every
  month ("thứ Năm hằng tuần", "ngày 15 hàng tháng").

A question naming a document by its number is left to the number's own checks (:mod:`assistant.scope`,
:func:`assistant.evidence.absent_named_number`).

>>> asked_kind_year("Kế hoạch thi đua khen thưởng năm 2023 của huyện Đông Hải giao việc gì?").year
'2023'
>>> writes_kind_year("Thực hiện Kế hoạch số 1642/KH-UBND của UBND tỉnh về kiểm tra năm 2019", "ke hoach", "2023")
False
>>> asked_month("Trong tháng 10/2022 Giám đốc Sở Nội vụ tiếp dân hôm nào?")
(10, 2022)
>>> holds_month("Lịch tiếp dân: 07 giờ 30 ngày 24/6/2022, Giám đốc Sở.", 10, 2022)
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.scope import evidence_text
from retriever.query import resolve_named_documents
from retriever.years import document_year_table, document_years_of
from textnorm import fold_accents
from textnorm.cues import YEAR
from textnorm.kinds import DocumentKind
from textnorm.patterns import YEAR_PERIOD
from textnorm.periods import find_periods

#: The kinds a question names as the document it asks about by its year, folded: the plans, the assistant's subject
#: (a plan is asked by its year and place, "Kế hoạch kiểm tra CCHC năm 2023 của tỉnh …"; other kinds are asked by
#: their numbers, which :mod:`assistant.scope` checks).
ASKED_KINDS = (fold_accents(DocumentKind.PLAN).lower(),)
_KIND = r"\b(?P<kind>" + "|".join(ASKED_KINDS) + r")\b"
#: At most this many words between the kind and "năm …" in a question: "Kế hoạch triển khai công tác kiểm tra thực
#: hiện cải cách hành chính năm 2016" has 9; farther, the year is no longer the document's.
QUESTION_KIND_YEAR_WORDS = 12
#: A clause break: the year after it belongs to another clause ("Kế hoạch …, năm 2023 tỉnh …").
_CLAUSE_BREAK = r"?.,;:()\n"
#: "đến năm 2025", "trước năm 2030", "từ năm 2021": a target, a deadline or a start the plan sets, not its own year
#: ("Kế hoạch chuyển đổi số … đến năm 2025, định hướng đến năm 2030").
_NOT_TARGET = r"(?<!den )(?<!toi )(?<!truoc )(?<!sau )(?<!tu )"
#: The kind and the year of the document a question asks about, folded: the kind's word, then "năm" and the year within
#: :data:`QUESTION_KIND_YEAR_WORDS` words of one clause.
_ASKED_KIND_YEAR = re.compile(_KIND + r"(?:\s+[^\s" + _CLAUSE_BREAK + r"]+){0," + str(QUESTION_KIND_YEAR_WORDS)
                              + r"}?\s+" + _NOT_TARGET + r"nam\s+(?P<year>" + YEAR + r")\b")
#: At most this many words after a kind's word in a passage's sentence for a year to be that document's: one sentence
#: ("Nội dung Kế hoạch phải đảm bảo đầy đủ các nhiệm vụ … đồng thời xác định nhiệm vụ trọng tâm năm 2021" has 26).
EVIDENCE_KIND_YEAR_WORDS = 40
#: Where a passage's clause ends (a year after it is another clause's): a stop, a semicolon, a question mark.
_SENTENCE_END = re.compile(r"[.;?!](?:\s|$)")
#: A year written as a year (not inside a longer number).
_YEAR_TOKEN = re.compile(r"(?<!\d)(" + YEAR + r")(?!\d)")
#: A month named in a question, folded: "tháng 9", "tháng 9/2021", "tháng 12-2024", "tháng 1 năm 2026" ("tháng mấy"
#: asks a month: no digit, no match).
_ASKED_MONTH = re.compile(r"\bthang\s*(?P<m>\d{1,2})(?:\s*(?:/|-|nam)\s*(?P<y>" + YEAR + r"))?\b(?!\s*/\s*\d)")
#: A recurrence that holds every month: "thứ Năm hằng tuần", "ngày 15 hàng tháng", "mỗi tháng" (folded).
_RECURRING = re.compile(r"\b(?:hang|moi)\s+(?:tuan|thang)\b")


@dataclass(frozen=True)
class AskedDocument:
    """The document a question asks about by its kind (folded) and its year."""

    kind: str
    year: str


def asked_kind_year(question: str) -> AskedDocument | None:
    """The document a question asks about when it names its kind and its year ("Kế hoạch phòng chống thiên tai năm
    2021 của huyện Mỹ Xuyên …"), else None.

    >>> asked_kind_year("ubnd huyen my xuyen ky ke hoach phong chong thien tai nam 2021 ngay nao")
    AskedDocument(kind='ke hoach', year='2021')
    >>> asked_kind_year("Nghị quyết về Chương trình giảm nghèo của tỉnh Điện Biên năm 2016 do ai ký?")
    >>> asked_kind_year("Năm 2023 huyện Đông Hải có bao nhiêu hồ sơ?"), asked_kind_year("Kế hoạch số mấy, năm 2023?")
    (None, None)
    >>> asked_kind_year("Kế hoạch trồng rừng của huyện Mỹ Xuyên đến năm 2025 số mấy?")
    """
    m = _ASKED_KIND_YEAR.search(fold_accents(question).lower())
    return AskedDocument(m.group("kind"), m.group("year")) if m else None


def _names_kind(text: str, kind: str) -> bool:
    """Whether ``text`` writes the folded ``kind``'s word."""
    return bool(re.search(r"\b" + re.escape(kind) + r"\b", fold_accents(text or "").lower()))


def writes_year(text: str, year: str) -> bool:
    """Whether ``text`` writes ``year``: as a year, in a date or a document's number, or inside a period.

    >>> writes_year("ngày 12/01/2023", "2023"), writes_year("giai đoạn 2021-2025", "2023"), writes_year("12023", "2023")
    (True, True, False)
    """
    return year in _YEAR_TOKEN.findall(text or "") or any(
        int(p.group(1)) <= int(year) <= int(p.group(2)) for p in YEAR_PERIOD.finditer(text or ""))


def writes_kind_year(text: str, kind: str, year: str) -> bool:
    """Whether ``text`` writes a document of the folded ``kind`` with ``year``: the kind's word, then within its
    sentence (:data:`EVIDENCE_KIND_YEAR_WORDS` words at most) the year (:func:`writes_year`).

    >>> writes_kind_year("Kế hoạch số 45/KH-UBND ngày 12/01/2023 của UBND tỉnh", "ke hoach", "2023")
    True
    >>> writes_kind_year("Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính giai đoạn 2021-2025.",
    ...                  "ke hoach", "2023")
    True
    >>> writes_kind_year("Kế hoạch cải cách hành chính. Năm 2023 tỉnh đạt 85 điểm.", "ke hoach", "2023")
    False
    """
    folded = fold_accents(text or "").lower()
    for m in re.finditer(r"\b" + re.escape(kind) + r"\b", folded):
        after = _SENTENCE_END.split(folded[m.end():], maxsplit=1)[0]
        if writes_year(" ".join(after.split()[:EVIDENCE_KIND_YEAR_WORDS]), year):
            return True
    return False


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


def of_kind_and_year(result, asked: AskedDocument, state=None) -> bool:
    """A search result whose passage (with its section and its document's title) writes both the kind and the year
    asked, or whose document covers the year as read from its own text (its date line, its period, its title) and is of
    the kind asked (read from its header or its number's code) or names that kind in the passage found (a decision
    whose article issues the plan: "Ban hành kèm theo Quyết định này Kế hoạch …")."""
    text = evidence_text(result)
    named = _names_kind(text, asked.kind)
    if named and writes_year(text, asked.year):
        return True
    table = document_year_table(state) if state is not None else {}
    doc_id = result.passage.doc_id
    if asked.year not in (table[doc_id] if doc_id in table else document_years_of(result.doc_metadata)):
        return False
    return named or fold_accents(str(result.doc_metadata.get("loai_van_ban", ""))).lower() == asked.kind


def _document_writes(doc_id: str, asked: AskedDocument, state, doc_text) -> bool:
    """:func:`writes_kind_year` of a document's whole text (its title line where the reader left the title unread),
    kept with the index state."""
    cache = state.memo("assistant.absence.document_kind_year", lambda _: {}) if state is not None else {}
    key = (doc_id, asked)
    if key not in cache:
        cache[key] = writes_kind_year(doc_text(doc_id) or "", asked.kind, asked.year)
    return cache[key]


def _read_units(units: list) -> list:
    """The units whose passages are read for the evidence: those an answer would quote (:func:`_quoted`) and those
    carrying at least :data:`EVIDENCE_COVERAGE_SHARE` of the best coverage."""
    best = max((u.coverage for u in units), default=0.0)
    read = {id(u): u for u in _quoted(units)}
    read.update({id(u): u for u in units if u.coverage >= EVIDENCE_COVERAGE_SHARE * best})
    return list(read.values())


def absent_kind_year(units: list, analysis, state=None, doc_text=None) -> str:
    """The document a question asks about by its kind and year ("kế hoạch năm 2023") when none of the units read
    (:func:`_read_units`) is evidence of one (:func:`of_kind_and_year`), nor its document's text writes one
    (:func:`writes_kind_year`, with ``doc_text``: doc_id → text), else "".

    >>> from types import SimpleNamespace as NS
    >>> def unit(text, score=1.0): return NS(score=score, coverage=0.5, result=NS(
    ...     passage=NS(text=text, section="", doc_id="d"), doc_metadata={"tieu_de": ""}))
    >>> q = NS(original="Kế hoạch bồi dưỡng công chức năm 2023 của tỉnh X mở mấy lớp?", text="", doc_numbers=[])
    >>> absent_kind_year([unit("Thực hiện Kế hoạch số 12/KH-UBND về bồi dưỡng năm 2019, Sở mở lớp.")], q)
    'kế hoạch năm 2023'
    >>> absent_kind_year([unit("Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2023, Sở mở lớp.")], q)
    ''
    """
    asked = asked_kind_year(getattr(analysis, "original", "") or analysis.text)
    if asked is None or not units or _names_documents(analysis, state):
        return ""
    for u in _read_units(units):
        if of_kind_and_year(u.result, asked, state):
            return ""
        if doc_text is not None and _document_writes(u.result.passage.doc_id, asked, state, doc_text):
            return ""
    label = next((k.lower() for k in DocumentKind if fold_accents(k).lower() == asked.kind), asked.kind)
    return f"{label} năm {asked.year}"


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


__all__ = ["ASKED_KINDS", "QUOTED_UNITS", "EVIDENCE_COVERAGE_SHARE", "AskedDocument", "asked_kind_year", "writes_year",
           "writes_kind_year", "asked_month", "holds_month", "of_kind_and_year", "absent_kind_year", "absent_month"]
