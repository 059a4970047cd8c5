"""Evidence a question names that the passages an answer would quote must hold: a month, a year or a day. Absent
from them, the question is about something the documents do not hold (issue 18: a refusal needs the evidence to be
absent, never a field alone).

- A question about a month ("Trong tháng 10/2022 Giám đốc Sở Nội vụ tiếp dân hôm nào?"): no period those passages
  write holds that month (:func:`textnorm.periods.find_periods`: "ngày 24/9/2021", "tháng 9-2021", "quý III/2021",
  "từ tháng 8 đến tháng 10"), of that year when the question gives one, and none states a recurrence that holds every
  month ("thứ Năm hằng tuần", "ngày 15 hàng tháng").
- A question asking for a year ("diễn ra năm nào") or a day ("vào ngày nào", "hôm nào") and nothing of a definite
  shape besides (:func:`assistant.evidence.asked_fact`: a document's own date, a date of effect have their checks):
  no passage of the units that speak of the subject (:func:`subject_units`: in the question's scope, not numbering the
  sitting asked otherwise, carrying most of the best coverage) writes a value of that grain, and their documents
  state none (a year read for the year; a news post's date of a day for the day).

A question naming a document by its number is left to the number's own checks for the month (:mod:`assistant.scope`,
:func:`assistant.evidence.absent_named_number`); for a year or a day, the document's own read year and date count.

>>> asked_month("Trong tháng 10/2022 Giám đốc Sở Nội vụ tiếp dân hôm nào?")
(10, 2022)
>>> holds_month("Lịch tiếp dân: 07 giờ 30 ngày 24/6/2022, Giám đốc Sở.", 10, 2022)
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.evidence import (
    asked_fact,
    cued_localities,
    in_question_scope,
    lead_pages,
    numbers_other_events,
    question_text,
    states_fact,
    unit_year_cover,
)
from assistant.grounded.asks import question_asks
from assistant.grounded.config import GroundedConfig
from assistant.scope import evidence_text
from index.model import DocumentMetadata
from retriever.query import resolve_named_documents
from retriever.years import OTHER_YEARS, document_year_table, document_years_of
from textnorm import fold_accents, lexicons
from textnorm.cues import DOCUMENT_TYPE_FORMS, YEAR, YEAR_WORD, PassageRole, question_fold
from textnorm.english import ENGLISH_DAY, english_text
from textnorm.gazetteer import APOSTROPHES
from textnorm.indexes import index_spans, named_indexes
from textnorm.kinds import DocumentKind, document_kind, kind_of_code
from textnorm.patterns import CITED_DOCUMENT, DOCUMENT_REFERENCE, PLACE_NAME, news_dateline, number_digits
from textnorm.periods import WRITTEN_DATE, find_periods

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


def _quoted_in_scope(units: list, analysis, state=None, doc_text=None) -> list[str]:
    """The evidence texts of the units an answer would quote (:func:`_quoted`) among those the question's scope does
    not rule out (:func:`assistant.evidence.in_question_scope`)."""
    scoped = [u for u in units if in_question_scope(u, analysis, state, doc_text)]
    return [evidence_text(u.result) for u in _quoted(scoped)]


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
    asked = asked_month(question_text(analysis))
    if asked is None or not units or _names_documents(analysis, state):
        return ""
    month, year = asked
    if any(holds_month(evidence_text(u.result), month, year) for u in _read_units(units)):
        return ""
    return f"tháng {month}" + (f"/{year}" if year else "")


#: A question asking for a year, folded: "diễn ra năm nào", "năm mấy", "vào năm bao nhiêu".
_ASKS_YEAR = re.compile(r"\bnam (?:nao|may|bao nhieu)\b")
#: A question asking for a day, folded: "vào ngày nào", "ngày mấy", "hôm nào" ("bao nhiêu ngày" asks a duration).
_ASKS_DAY = re.compile(r"\b(?:ngay (?:nao|may|bao nhieu)|hom nao)\b")
#: A weekday, folded: "thứ Năm", "thứ 5", "chủ nhật" (a schedule answers "vào ngày nào" with one).
_WEEKDAY = re.compile(r"\b(?:thu (?:[2-7]|hai|ba|tu|nam|sau|bay)|chu nhat)\b")
#: What each grain is called in a refusal.
GRAIN_NAMES = {"year": "năm", "day": "ngày"}


def asked_grain(question: str) -> str:
    """The grain of time a question asks for: "year" ("diễn ra năm nào"), "day" ("vào ngày nào", "hôm nào"), else
    "" (a day asked with its year counts as a day: a date states both or the day alone answers).

    >>> asked_grain("Phiên họp thứ 4 diễn ra năm nào?"), asked_grain("Đoàn làm việc tại Sở vào ngày nào?")
    ('year', 'day')
    >>> asked_grain("Kiểm tra trong bao nhiêu ngày?"), asked_grain("Khi nào kiểm tra?")
    ('', '')
    """
    folded = fold_accents(question).lower()
    if _ASKS_DAY.search(folded):
        return "day"
    return "year" if _ASKS_YEAR.search(folded) else ""


#: Words that may stand between a cited document's number and its date ("Quyết định số 486/QĐ-UBND ngày 27-2-2018",
#: "Công văn 285/CCTTHC của Tổ công tác ngày 08 tháng 9 năm 2009"): a date that close after a number is that
#: document's, a value of another noun than the event asked (its issuer's name is the longest thing between them).
CITED_DATE_WORDS = 6
#: A date bound to a cited document: its number, at most :data:`CITED_DATE_WORDS` words, "ngày" and the date.
_CITED_DATE = re.compile(r"(?:" + DOCUMENT_REFERENCE.pattern + r")(?:\s+[^\s,;.]+){0," + str(CITED_DATE_WORDS)
                         + r"}?\s+(?i:ngày)\s+" + WRITTEN_DATE.pattern)
#: Two years joined by a dash ("nhiệm kỳ 2021-2026", "giai đoạn 2021 – 2025"): a period the event falls in, not the
#: year it took place.
_YEAR_RANGE = re.compile(r"\b" + YEAR + r"\s*[-–]\s*" + YEAR + r"\b")


#: A question asking when a document was issued, folded ("ban hành nghị quyết … ngày nào", "phê duyệt năm nào"): the
#: noun asked is a document, whose date a line citing it gives; its time is never another noun's.
_ASKS_ISSUE = re.compile(r"\b(?:ban hanh|phe duyet|thong qua)\b")


def event_text(text: str, grain: str) -> str:
    """``text`` without the times that are values of another noun than an event asked: a cited document's date
    (:data:`_CITED_DATE`) and, for a year, a period of years (:data:`_YEAR_RANGE`).

    >>> event_text("UBND tỉnh ban hành Quyết định số 486/QĐ-UBND ngày 27-2-2018 về việc thành lập Đoàn.", "day")
    'UBND tỉnh ban hành Quyết định số  về việc thành lập Đoàn.'
    >>> event_text("Kỳ họp thứ chín của HĐND tỉnh khóa XII, nhiệm kỳ 2021-2026 đã thông qua 18 nghị quyết.", "year")
    'Kỳ họp thứ chín của HĐND tỉnh khóa XII, nhiệm kỳ  đã thông qua 18 nghị quyết.'
    >>> event_text("Sáng ngày 26/4/2025, HĐND tỉnh tổ chức Kỳ họp.", "year")
    'Sáng ngày 26/4/2025, HĐND tỉnh tổ chức Kỳ họp.'
    """
    text = _CITED_DATE.sub("", text or "")
    return _YEAR_RANGE.sub("", text) if grain == "year" else text


def dateline_free(text: str) -> str:
    """``text`` without the lines that are a post's dateline (:func:`textnorm.patterns.news_dateline`: "Cập nhật:
    18:39, 02/03/2018 (GMT+7)", "Thứ tư, 22/09/2021"): they date their page, not an event another page asks about.

    >>> dateline_free("Cập nhật: 18:39, 02/03/2018 (GMT+7)\\nUBND tỉnh vừa thành lập Đoàn kiểm tra.")
    'UBND tỉnh vừa thành lập Đoàn kiểm tra.'
    """
    return "\n".join(line for line in (text or "").split("\n") if not news_dateline(line))


def states_grain(text: str, grain: str) -> bool:
    """Whether ``text`` writes a time of ``grain``: a year ("năm 2023", "19/7/2023", "2021-2025") for "year"; a day
    and month ("19/4", "ngày 15-11", "17 tháng 9"), a weekday or a recurrence ("thứ Năm hằng tuần") for "day". Any
    date counts, a cited document's too (leaving those out refused no more question on any set: the milder reading).

    >>> states_grain("Sáng ngày 19/4, Thủ tướng chủ trì Phiên họp thứ 4.", "day")
    True
    >>> states_grain("Sáng ngày 19/4, Thủ tướng chủ trì Phiên họp thứ 4.", "year")
    False
    >>> states_grain("Chủ tịch tiếp công dân vào thứ Năm hằng tuần.", "day")
    True
    >>> states_grain("The inspection of the districts must be completed before December 10, 2024.", "day")
    True
    """
    text = text or ""
    if grain == "year":
        return bool(YEAR_WORD.search(text))
    folded = fold_accents(text).lower()
    return bool(WRITTEN_DATE.search(text) or _RECURRING.search(folded) or _WEEKDAY.search(folded)
                or (english_text(text) and ENGLISH_DAY.search(text)))  # an English page: "before December 10"


def subject_units(units: list, analysis, state=None, doc_text=None) -> list:
    """The units that speak of the question's subject: among those the question's scope does not rule out
    (:func:`assistant.evidence.in_question_scope`) and that do not number the sitting or round asked otherwise
    (:func:`assistant.evidence.numbers_other_events`), the units read (:func:`_read_units`) carrying at least
    :data:`EVIDENCE_COVERAGE_SHARE` of the best coverage."""
    question = question_text(analysis)
    scoped = [u for u in units if in_question_scope(u, analysis, state, doc_text)
              and not numbers_other_events(question, evidence_text(u.result))]
    best = max((u.coverage for u in scoped), default=0.0)
    return [u for u in _read_units(scoped) if u.coverage >= EVIDENCE_COVERAGE_SHARE * best]


def _document_states(unit, grain: str, state=None) -> bool:
    """The unit's document states a time of ``grain`` by itself: a year read (for a year), a news post's dateline
    read as its date (for either: the post's day dates what it reports)."""
    md = DocumentMetadata.of(unit.result.doc_metadata)
    if grain == "year":
        table = document_year_table(state) if state is not None else {}
        return bool(md.year or table.get(unit.result.passage.doc_id))
    return md.kind == DocumentKind.NEWS and len(md.issue_date.split("-")) == 3


def gives_asked_grain(question: str, text: str) -> bool:
    """Whether a hook's answer ``text`` gives the grain of time ``question`` asks, when it asks one: a year asked is not
    answered by "26/2 (kiểm tra)" (a day of a plan whose year the answer does not write), and the refusal's own
    reading decides instead. Any other question: True.

    >>> gives_asked_grain("Phòng Nội vụ kiểm tra các xã vào năm nào?", "- Tin bài – Nghệ An: 26/2 (kiểm tra)")
    False
    >>> gives_asked_grain("Phòng Nội vụ kiểm tra các xã vào năm nào?", "- Kế hoạch 12/KH-UBND: 26/2/2024 (kiểm tra)")
    True
    >>> gives_asked_grain("Xã nào được kiểm tra?", "- Tin bài: 26/2 (kiểm tra)")
    True
    """
    grain = asked_grain(question)
    return not grain or states_grain(text, grain)


def _asks_more(question: str) -> bool:
    """Whether a question asks more than one thing (:func:`assistant.grounded.asks.question_asks`): a value bound to
    the asked noun is then not required, since the page answers the question's other part ("làm việc ngày nào, do ai
    dẫn đầu")."""
    return len(question_asks(question)) >= 2


def absent_grain(units: list, analysis, state=None, doc_text=None, bound: bool = True) -> str:
    """The grain of time asked ("năm", "ngày") when the question asks nothing of a definite shape besides
    (:func:`assistant.evidence.asked_fact`) and no passage of the units that speak of
    its subject (:func:`subject_units`) writes a time of that grain (:func:`states_grain`), nor does their document
    (:func:`_document_states`); else "".

    With ``bound`` (the answerer's reading), a time counts only where it is the asked event's: not a
    cited document's date nor a term of years (:func:`event_text`), not another page's dateline, line or field
    (:func:`dateline_free`, :func:`assistant.evidence.lead_pages`). Not when the question asks when a document was
    issued (the cited date is its own) or asks more than its time (the page answers its other part): any date written
    counts, as ``bound=False`` reads every question.

    >>> from types import SimpleNamespace as NS
    >>> def unit(text): return NS(score=1.0, coverage=0.5, doc_id="d", text=text, result=NS(
    ...     passage=NS(text=text, section="", doc_id="d"), doc_metadata={"tieu_de": ""}))
    >>> q = NS(original="Phiên họp thứ 4 của Ban Chỉ đạo diễn ra năm nào?", text="", doc_numbers=[], years=[],
    ...        provinces=[], answer_types=("time",))
    >>> absent_grain([unit("Sáng ngày 19/4, Thủ tướng chủ trì Phiên họp thứ 4 của Ban Chỉ đạo.")], q)
    'năm'
    >>> absent_grain([unit("Ngày 19/4/2022, Thủ tướng chủ trì Phiên họp thứ 4 của Ban Chỉ đạo.")], q)
    ''
    """
    question = question_text(analysis)
    grain = asked_grain(question)
    if not grain or not units:
        return ""
    bound = bound and not _ASKS_ISSUE.search(question_fold(question))  # a document asked: its cited date is its own
    # a question asking more than its time ("làm việc ngày nào, do ai dẫn đầu") is answered in part by what the
    # page gives: the time is read as any date written, as before
    bound = bound and not _asks_more(question)
    if asked_fact(analysis.text or question, tuple(getattr(analysis, "answer_types", ()))).kind:
        return ""
    subject = subject_units(units, analysis, state, doc_text)
    # a post's dateline dates what that post reports: the lead page's, not another page's (its line or its field)
    leads = lead_pages(subject) if bound else {u.result.passage.doc_id for u in subject}
    for u in subject:
        text = evidence_text(u.result)
        if bound:
            text = event_text(text if u.result.passage.doc_id in leads else dateline_free(text), grain)
        if states_grain(text, grain) or (_document_states(u, grain, state) and u.result.passage.doc_id in leads):
            return ""
    return GRAIN_NAMES[grain]


# -- the answer's passages all of other years --------------------------------------------------------------------
#: The share of the best unit's score at which the answer quotes a unit of another document
#: (:attr:`assistant.grounded.config.GroundedConfig.doc_min_share`): the units below it are not what the answer shows.
QUOTABLE_SHARE = GroundedConfig().doc_min_share


def quoted_of_other_years(units: list, analysis, state=None, quotable_share: float = QUOTABLE_SHARE) -> str:
    """The years of the documents an answer would quote when the question names a year and every unit the answer
    may quote (a score of at least ``quotable_share`` of the best: the answerer's ``doc_min_share``, by default
    :data:`QUOTABLE_SHARE`) is positively of other years
    (:func:`assistant.evidence.unit_year_cover`: its document's year read is another, or its words name other years
    only; a year unread never counts): the answer would quote another year's document only, whatever unit of the year
    asked ranks below. A question naming a document by its number is left to the number's checks. Else "".

    >>> from types import SimpleNamespace as NS
    >>> def unit(text, score, nam=""): return NS(text=text, score=score, result=NS(
    ...     passage=NS(text=text, section="", doc_id=text), doc_metadata={"nam": nam, "tieu_de": ""}))
    >>> q = NS(years=["2019"], doc_numbers=[])
    >>> plan = unit("Đoàn công tác của Bộ làm việc với 6 tỉnh trong năm 2023.", 3.8, "2023")
    >>> quoted_of_other_years([plan, unit("Năm 2019, tỉnh lập 2 đoàn công tác.", 2.0)], q)
    '2023'
    >>> quoted_of_other_years([plan, unit("Năm 2019, tỉnh lập 2 đoàn công tác.", 3.0)], q)
    ''
    >>> quoted_of_other_years([plan, unit("Đoàn làm việc với 11 cơ quan.", 3.0)], q)  # a year unread
    ''
    """
    years = tuple(getattr(analysis, "years", ()))
    scored = [u for u in units if u.score > 0]
    if not years or not scored or _names_documents(analysis, state):
        return ""
    best = max(u.score for u in scored)
    quoted = [u for u in scored if u.score >= quotable_share * best]
    if any(unit_year_cover(u, years, state) != OTHER_YEARS for u in quoted):  # no number named (above)
        return ""
    found = sorted({y for u in quoted for y in document_years_of(u.result.doc_metadata)} - set(years))
    return ", ".join(found) or "khác"


# -- a document's own fact stated only of other documents -----------------------------------------------------------
#: The kinds of document a question may name as the one it asks the number, date or signer of, folded: the
#: administrative and legal kinds a number carries (a news post, a law, a consolidated text are no such subject).
_ASKABLE_KINDS = tuple(k for k in DocumentKind if k not in (
    DocumentKind.NEWS, DocumentKind.CONSOLIDATED, DocumentKind.CONSTITUTION, DocumentKind.CODE, DocumentKind.LAW))
#: Folded written form → kind: the spelled-out kinds and the abbreviations officials type ("qđ", "kh", "nq").
_KIND_OF_WORD = {fold_accents(k).lower(): k for k in _ASKABLE_KINDS} | {
    fold_accents(code).lower(): document_kind(forms[0]) for code, forms in DOCUMENT_TYPE_FORMS.items()}
#: A kind written in a folded question, not the name of a body ("Sở Kế hoạch và Đầu tư") nor "kế hoạch hóa gia đình".
_KIND_WORD = re.compile(r"(?<!\bso )\b(?P<w>" + "|".join(sorted(_KIND_OF_WORD, key=len, reverse=True))
                        + r")\b(?! hoa\b| va dau tu\b)")
#: The kind right before what is asked ("là kế hoạch số mấy", "theo quyết định nào"; "văn bản" names no kind).
_ASKED_KIND = re.compile(r"\b(?P<w>" + "|".join(sorted(_KIND_OF_WORD, key=len, reverse=True)) + r"|van ban)"
                         r"(?: so)? (?:may|nao|hieu)\b")
#: Folded words before a kind that make it a document the subject rests on, not the subject ("thực hiện kế hoạch số
#: mấy", "ban hành kèm theo quyết định nào").
_CITING_BEFORE = re.compile(r"\b(?:theo|thuc hien|trien khai|kem|tai|can cu|thay the|cua)\s*$")
#: The year a folded question gives its document ("Kế hoạch … năm 2022"), not a target ("đến năm 2025"), nor a year of
#: issue ("ban hành năm 2021": a plan of a year may be issued the year before).
_PLAN_YEAR = re.compile(r"(?<!\bden )(?<!\btu )(?<!\bhanh )(?<!\bky )(?<!\bqua )\bnam (?P<y>" + YEAR + r")\b")
#: A year a title or a citation writes of its document: a target ("đến năm 2030", "định hướng 2030") is none.
_WRITTEN_YEAR = re.compile(r"(?<!\bden nam )(?<!\bden )(?<!\bhuong )\b(?P<y>" + YEAR + r")(?:\s*[-–]\s*(?P<to>" + YEAR
                           + r"))?\b")
#: A year of issue written after a document's number ("Kế hoạch 138/KH-UBND năm 2025 cải cách hành chính … năm 2026",
#: folded), or at the start of the clause following a cited number: the year the document was issued, bound to its
#: number, not the year it is of (a plan issued in December is the next year's plan).
_NUMBER_YEAR = re.compile(r"(^|\d+/[\w.-]+)\s*nam " + YEAR + r"\b")
#: Kinds that issue or approve documents of other kinds ("Quyết định … ban hành Kế hoạch", "Nghị quyết … thông qua
#: Đề án"): of another kind than the one asked, they may still be how the asked document is numbered and dated.
ISSUING_KINDS = frozenset({DocumentKind.DECISION, DocumentKind.RESOLUTION, DocumentKind.DECREE,
                           DocumentKind.CIRCULAR, DocumentKind.JOINT_CIRCULAR})
#: Folded verbs by which a document issues or approves another ("ban hành", "phê duyệt", "thông qua", "kèm theo").
_ISSUES = re.compile(r"\b(?:ban hanh|phe duyet|thong qua|kem theo|ve viec|giao)\b")
#: Roles of the lines that state their own document's number, date or signer (the number line, the place-and-date
#: line, the signature block).
_OWN_ROLES = frozenset({PassageRole.NUMBER, PassageRole.PLACE_DATE, PassageRole.SIGNATURE, PassageRole.AUTHORITY})
#: How far a cited document's description is read after its number and date ("… về Tuyên truyền CCHC trên địa bàn
#: tỉnh năm 2021"): up to the next ";" or line, at most this many characters (a clause, not the next sentence).
CLAUSE_CHARS = 200
#: A document of a year (a plan, a report of the year) is issued from the year before it to the year after it: a
#: date of issue further off is another document's (a plan "năm 2022" dated 16/12/2020 is the plan of 2021).
ISSUE_YEAR_SLACK = 1
#: The year of a written date of issue ("16/12/2020", "30 tháng 6 năm 2014") or of a number ("135/2006/QĐ-UBND").
_ISSUE_YEAR = re.compile(r"(?:[/.-]\s*|\bnăm\s+|^\d+\s*/\s*)(?P<y>" + YEAR + r")\b")


@dataclass(frozen=True)
class DocumentAsked:
    """What a question states of the document whose own number, date or signer it asks: its kind, the year it is of
    and its number (each "" when not stated)."""

    kind: str = ""
    year: str = ""
    number: str = ""

    def __bool__(self) -> bool:
        return bool(self.kind or self.year or self.number)

    def named(self) -> str:
        """How the refusal names it: "kế hoạch năm 2022", "kế hoạch 111/KH-UBND"."""
        return " ".join(p for p in (self.kind.lower() or "văn bản", self.number, self.year and "năm " + self.year) if p)


def asked_document(question: str, years=(), numbers=()) -> DocumentAsked:
    """The document a question asks the own number, date or signer of, as the question describes it; empty when it
    asks the number of another document (one the subject rests on, issues or cites: "ban hành kèm quyết định số
    mấy", "tại tờ trình số mấy").

    >>> asked_document("Kế hoạch tuyên truyền CCHC năm 2022 của tỉnh là kế hoạch số mấy?", ["2022"])
    DocumentAsked(kind='Kế hoạch', year='2022', number='')
    >>> asked_document("so noi vu trinh ke hoach dao tao cong chuc nam 2023 so may", ["2023"]).kind
    'Kế hoạch'
    >>> asked_document("Kế hoạch CCHC 2021-2025 ban hành kèm quyết định số mấy?", ["2021", "2025"])
    DocumentAsked(kind='', year='', number='')
    >>> asked_document("Kế hoạch 111/KH-UBND năm 2021 của thành phố ban hành ngày nào?", ["2021"], ["111/KH-UBND"])
    DocumentAsked(kind='Kế hoạch', year='', number='111/KH-UBND')
    >>> asked_document("Kế hoạch chuyển đổi số đến năm 2025 số mấy?", ["2025"]).year
    ''
    """
    folded = question_fold(question)
    subject = _KIND_WORD.search(folded)
    if subject is None:
        return DocumentAsked()
    kind = _KIND_OF_WORD[subject.group("w")]
    asked = _ASKED_KIND.search(folded)
    if asked and asked.start() != subject.start() and asked.group("w") != "van ban" and (
            _KIND_OF_WORD[asked.group("w")] != kind or _CITING_BEFORE.search(folded[:asked.start()])):
        return DocumentAsked()
    plan_year = _PLAN_YEAR.search(folded)
    year = plan_year.group("y") if plan_year and len(set(years)) == 1 and not numbers else ""
    number = numbers[0] if len(numbers) == 1 else ""
    if number and kind_of_code(number) not in ("", kind):
        return DocumentAsked()  # the number named is another document's ("Kế hoạch thực hiện QĐ 468/QĐ-TTg")
    return DocumentAsked(kind, year, number)


def contradicts(asked: DocumentAsked, kind: str, number: str, description: str, issued: str = "") -> bool:
    """Whether a document of ``kind`` (or of the kind its number's type letters name) and ``number``, described by
    ``description`` (its title, or the clause citing it) and issued in ``issued`` (a year), is positively not the
    document asked: another kind, unless one that issues documents and its description issues or names the kind asked
    (a decision "Ban hành Kế hoạch …"); another number; years written in its description and the year asked not
    among them alone (a period holding it is the plan of the period: "giai đoạn 2021-2025" is not the plan "năm
    2022"); a year of issue more than :data:`ISSUE_YEAR_SLACK` from the year asked. A field unread never contradicts.

    >>> asked = DocumentAsked("Kế hoạch", "2022")
    >>> contradicts(asked, "Báo cáo", "218/BC-UBND", "Kết quả thực hiện kế hoạch kinh tế - xã hội năm 2022")
    True
    >>> contradicts(asked, "Quyết định", "4168/QĐ-UBND", "Ban hành kế hoạch cải cách hành chính năm 2022")
    False
    >>> contradicts(asked, "Quyết định", "4168/QĐ-UBND", "Ban hành kế hoạch cải cách hành chính giai đoạn 2021-2025")
    True
    >>> contradicts(asked, "Kế hoạch", "266/KH-UBND", "của UBND tỉnh về Tuyên truyền CCHC năm 2021")
    True
    >>> contradicts(asked, "Quyết định", "", "")
    False
    >>> contradicts(DocumentAsked("Nghị quyết"), "Quy định", "18/2018/NQ-HĐND", "")  # its number says what it is
    False
    >>> contradicts(DocumentAsked(number="111/KH-UBND"), "", "110/KH-UBND", "")
    True
    >>> contradicts(asked, "Kế hoạch", "266/KH-UBND", "về Tuyên truyền CCHC", "2020")
    True
    >>> contradicts(asked, "Kế hoạch", "138/KH-UBND", "Kế hoạch 138/KH-UBND năm 2022 cải cách hành chính năm 2023")
    True
    >>> contradicts(asked, "Kế hoạch", "138/KH-UBND", "Kế hoạch 138/KH-UBND năm 2022 cải cách hành chính")
    False
    """
    folded = fold_accents(description or "").lower()
    kinds = {k for k in (kind, kind_of_code(number)) if k}
    issues = not folded or (_ISSUES.search(folded) and fold_accents(asked.kind).lower() in folded)
    if asked.kind and kinds and asked.kind not in kinds and not (kinds & ISSUING_KINDS and issues):
        return True
    if asked.number and number_digits(number) and number_digits(asked.number) != number_digits(number):
        return True
    issued = issued or _year_of(number)
    if asked.year and issued and abs(int(issued) - int(asked.year)) > ISSUE_YEAR_SLACK:
        return True
    if asked.year and folded:
        # the year written after the number is its year of issue, read above: the description's own years follow
        described = _NUMBER_YEAR.sub(r"\1", folded)
        spans = [(int(m.group("y")), int(m.group("to") or m.group("y"))) for m in _WRITTEN_YEAR.finditer(described)]
        return bool(spans) and not any(a == b == int(asked.year) for a, b in spans)
    return False


def _year_of(written: str) -> str:
    """The year a written date or number holds ("16/12/2020", "135/2006/QĐ-UBND"), "" when none.

    >>> _year_of("16/12/2020"), _year_of("135/2006/QĐ-UBND"), _year_of("4168/QĐ-UBND")
    ('2020', '2006', '')
    """
    m = _ISSUE_YEAR.search(written or "")
    return m.group("y") if m else ""


def _clause_after(text: str, end: int) -> str:
    """The clause after a citation's number and date: up to the next ";" or line, or the next document cited."""
    rest = text[end:end + CLAUSE_CHARS]
    rest = re.split(r"[;\n]", rest, maxsplit=1)[0]
    nxt = DOCUMENT_REFERENCE.search(rest)
    return rest[: nxt.start()] if nxt else rest


def _values(text: str, fact) -> list[tuple[int, int]]:
    """The spans of the values a line states of the fact asked: numbers, dates of issue."""
    out = []
    if "number" in fact.words:
        out += [m.span() for m in DOCUMENT_REFERENCE.finditer(text)]
    if "issue_date" in fact.words:
        out += [m.span() for m in WRITTEN_DATE.finditer(text)]
    return out


def _cited_documents(text: str, doc_text: str | None, start: int) -> list[tuple]:
    """The documents a line cites: (start, end, kind, number, the clause describing them, the year of their date),
    by their kind and number ("Kế hoạch số 266/KH-UBND ngày 16/12/2020 của UBND tỉnh về …") or by a number whose type
    letters name a kind ("Báo cáo thẩm tra số 10/BC-HĐND"). The clause is read in the document's text when given (a
    unit may stop mid-clause)."""
    whole = doc_text if doc_text and doc_text[start:start + len(text)] == text else None
    out = []
    for m in CITED_DOCUMENT.finditer(text):
        number = m.group("n")
        kind = kind_of_code(number) or document_kind(m.group("kind"))
        clause = _clause_after(whole, start + m.end()) if whole else _clause_after(text, m.end())
        out.append((m.start(), m.end(), kind, number, clause, _year_of(m.group("date") or "")))
    for m in DOCUMENT_REFERENCE.finditer(text):
        if any(s <= m.start() < e for s, e, *_ in out) or not kind_of_code(m.group(0)):
            continue
        end = m.end()
        date = re.match(r"\s+(?:ngày\s+)?" + WRITTEN_DATE.pattern, text[end:], re.IGNORECASE)
        end += date.end() if date else 0
        clause = _clause_after(whole, start + end) if whole else _clause_after(text, end)
        issued = _year_of(date.group(0)) if date else ""
        out.append((m.start(), end, kind_of_code(m.group(0)), m.group(0), clause, issued))
    return out


def _unit_contradicts(unit, asked: DocumentAsked, fact, doc_text=None) -> bool:
    """Whether every value the unit states of the fact asked is of a document positively not the one asked
    (:func:`contradicts`): its own document for a number, place-and-date or signature line; the document a body line
    cites around the value. A value no document can be read for (a date in running text) never contradicts."""
    md = DocumentMetadata.of(unit.result.doc_metadata)
    issued = md.issue_date[:4] if re.match(YEAR + r"-\d", md.issue_date) else ""  # an ISO date read, not a year alone
    own = (document_kind(md.kind) if md.kind else "", md.number, md.title, issued)
    if unit.role in _OWN_ROLES or fact.kind == "signer":
        return unit.role in _OWN_ROLES and contradicts(asked, *own)
    text = doc_text(unit.doc_id) if doc_text is not None else None
    cited = _cited_documents(unit.text, text, unit.start)
    values = _values(unit.text, fact)
    if not values:
        return False
    for s, _ in values:
        owner = next((c for c in cited if c[0] <= s < c[1]), None)
        if owner is None:
            if unit.role != PassageRole.TITLE or not contradicts(asked, *own):
                return False
        elif not contradicts(asked, *owner[2:]):
            return False
    return True


def other_document_fact(stating: list, fact, analysis, doc_text=None) -> str:
    """The document asked (:meth:`DocumentAsked.named`) when the question asks its own number, date of issue or
    signer (:func:`assistant.evidence.asked_fact`), units state one (``stating``: those
    :func:`assistant.evidence.fact_units` found) and every one of them states it of a document positively not the
    one asked (:func:`_unit_contradicts`): the answer would quote another document's number, date or signer. Else "".

    >>> from types import SimpleNamespace as NS
    >>> from assistant.evidence import AskedFact
    >>> def unit(text, role="", kind="", number="", title=""): return NS(text=text, role=role, doc_id="d", start=0,
    ...     result=NS(doc_metadata={"loai_van_ban": kind, "so_hieu": number, "tieu_de": title}))
    >>> q = NS(original="Kế hoạch CCHC năm 2022 của tỉnh là kế hoạch số mấy?", text="", years=["2022"], doc_numbers=[])
    >>> number = AskedFact("identity", ("number",))
    >>> other_document_fact([unit("Số: 218 /BC-UBND", "number", "Báo cáo", "218/BC-UBND", "Kết quả 6 tháng")],
    ...                     number, q)
    'kế hoạch năm 2022'
    >>> other_document_fact([unit("Số: 4168/QĐ-UBND", "number", "Quyết định", "4168/QĐ-UBND", "")], number, q)
    ''
    """
    if fact.kind not in ("identity", "signer") or not stating:
        return ""
    asked = asked_document(question_text(analysis), tuple(getattr(analysis, "years", ())),
                           tuple(getattr(analysis, "doc_numbers", ())))
    if not asked or not all(_unit_contradicts(u, asked, fact, doc_text) for u in stating):
        return ""
    return asked.named()


#: Kinds of document named by what they regulate ("Quy chế hoạt động của Trung tâm …", "Nội quy tiếp công dân …"):
#: the words after the kind are the document's name, as its title writes them. Plans, schemes and "quy định" are
#: named loosely by users ("kế hoạch CCHC năm 2023", "quy định mức chi") and are left out.
#: Folded, as :func:`regulation_asked` returns it → as a refusal writes it.
NAMED_KINDS = {"quy che": "quy chế", "noi quy": "nội quy"}
#: The words of a regulation's name read after its kind: enough to tell "quy chế hoạt động" from "quy chế văn hóa",
#: few enough that a user's wording of the rest ("… của Trung tâm PVHCC tỉnh") does not matter.
NAME_WORDS = 2
#: Folded words that do not begin a regulation's name ("quy chế nào", "quy chế được ban hành", "quy chế của tỉnh").
_NOT_NAME = frozenset({"nao", "gi", "nay", "do", "duoc", "ban", "cua", "va", "so", "tai", "theo", "la", "co", "thi",
                       "khi", "moi", "tren", "trong", "cho", "nam"})
_NAMED_KIND = re.compile(r"(?i)(?<!\w)(" + "|".join(map(re.escape, NAMED_KINDS.values()))
                         + r")\s+(?:về\s+)?(\w+)\s+(\w+)")


def regulation_kind(asked: str) -> str:
    """The kind of a regulation asked (:func:`regulation_asked`) as a refusal writes it; "văn bản" when unknown.

    >>> regulation_kind("quy che hoat dong"), regulation_kind("noi quy tiep cong"), regulation_kind("")
    ('quy chế', 'nội quy', 'văn bản')
    """
    return NAMED_KINDS.get(" ".join(asked.split()[:2]), "văn bản")


def regulation_asked(question: str) -> str:
    """The folded kind and first words of the name of a regulation a question names (:data:`NAMED_KINDS`,
    :data:`NAME_WORDS`): "quy che hoat dong" for "Quy chế hoạt động của Trung tâm Phục vụ hành chính công …"; "" when
    it names none, or the words after the kind are no name (a question word, a function word, a number, an
    abbreviation in capitals whose expansion the document writes: "quy chế BCĐ").

    >>> regulation_asked("Ai ký Quy chế hoạt động của Tổ công nghệ số cộng đồng xã?")
    'quy che hoat dong'
    >>> regulation_asked("Quy chế về công tác văn thư được ban hành ngày nào?")
    'quy che cong tac'
    >>> regulation_asked("Quy chế nào quy định việc này?"), regulation_asked("quy chế BCĐ dân số số mấy")
    ('', '')
    """
    m = _NAMED_KIND.search(question or "")
    if m is None:
        return ""
    words = [m.group(2), m.group(3)][:NAME_WORDS]
    folded = [fold_accents(w).lower() for w in words]
    if any(not w.isalpha() or (len(w) > 1 and w.isupper()) for w in words) or folded[0] in _NOT_NAME:
        return ""
    return " ".join([fold_accents(m.group(1)).lower(), *folded])


def _folded_words(text: str) -> str:
    """A text's folded words, apostrophes inside a name dropped as :func:`assistant.evidence.cued_localities` drops
    them from a place asked.

    >>> _folded_words("UBND huyện Đăk R’lấp, tỉnh Đắk Nông")
    'ubnd huyen dak rlap tinh dak nong'
    """
    return " ".join(re.findall(r"[a-z0-9]+", APOSTROPHES.sub("", fold_accents(text or "").lower())))


def _folded_text(doc_id: str, doc_text, state=None, fallback: str = "") -> str:
    """The folded words of a document's whole text (``fallback`` when it is not given), read once per index state."""
    cache = state.memo("assistant.absence.folded_documents", lambda _: {}) if state is not None else {}
    if doc_id not in cache:
        cache[doc_id] = _folded_words((doc_text(doc_id) if doc_text is not None else None) or fallback)
    return cache[doc_id]


def unnamed_regulation(stating: list, fact, analysis, state=None, doc_text=None) -> str:
    """The regulation asked (:func:`regulation_asked`) when the question asks its own number, date of issue, signer
    or date of effect, units state one (``stating``: :func:`assistant.evidence.fact_units`) and none of their
    documents writes the regulation's name anywhere: the answer would give the number or date of another
    regulation of the place ("Quy chế văn hóa công vụ" quoted for "Quy chế hoạt động của Trung tâm …"). "" otherwise,
    and when the question names a document by its number (the number decides) or ``doc_text`` is not given.

    >>> from types import SimpleNamespace as NS
    >>> from assistant.evidence import AskedFact
    >>> q = NS(original="Tổ công nghệ số cộng đồng xã làm việc theo Quy chế hoạt động nào, số mấy?",
    ...        text="", doc_numbers=[], named_doc_ids=())
    >>> unit = NS(doc_id="d", text="Số: 20/2019/QĐ-UBND")
    >>> texts = {"d": "QUYẾT ĐỊNH Về việc ban hành Quy chế văn hóa công vụ"}
    >>> unnamed_regulation([unit], AskedFact("identity", ("number",)), q, doc_text=texts.get)
    'quy che hoat dong'
    >>> texts = {"d": "QUYẾT ĐỊNH Ban hành Quy chế hoạt động của Tổ công nghệ số cộng đồng"}
    >>> unnamed_regulation([unit], AskedFact("identity", ("number",)), q, doc_text=texts.get)
    ''
    """
    if fact.kind not in REGULATION_FACTS or not stating or doc_text is None:
        return ""
    asked = regulation_asked(question_text(analysis))
    if not asked or (state is not None and resolve_named_documents(analysis, state.records)):
        return ""
    for doc_id in dict.fromkeys(u.doc_id for u in stating):
        if asked in _folded_text(doc_id, doc_text, state):  # not at a word's start: a page may glue words
            return ""
    return asked


#: The facts of a document itself that only the regulation asked can state: its number and date, its signer, its date
#: of effect.
REGULATION_FACTS = frozenset({"identity", "signer", "effect"})


__all__ = ["QUOTED_UNITS", "EVIDENCE_COVERAGE_SHARE", "GRAIN_NAMES", "asked_month", "holds_month", "absent_month",
           "asked_grain", "states_grain", "subject_units", "absent_grain", "QUOTABLE_SHARE", "quoted_of_other_years",
           "ISSUING_KINDS", "CLAUSE_CHARS", "ISSUE_YEAR_SLACK", "DocumentAsked", "asked_document", "contradicts",
           "other_document_fact", "NAMED_KINDS", "NAME_WORDS", "regulation_asked", "regulation_kind",
           "unnamed_regulation"]


# -- the places or offices asked for by name, none named ----------------------------------------------------------
#: The levels a question asks to be named ("kiểm tra những huyện nào", "ở những xã nào", "những sở nào"), folded →
#: as written; a question naming two ("những huyện, thị xã nào", "những quận, huyện nào") asks the first.
#: Provinces are left out: pages name them without their level ("Quảng Ninh dẫn đầu").
NAMED_LEVELS = {"huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "thi tran": "thị trấn", "xa": "xã",
                "phuong": "phường", "so": "sở"}
_LEVEL_WORDS = "|".join(sorted(NAMED_LEVELS, key=len, reverse=True))
#: "những <level> nào", other levels or "ban", "ngành" between ("những huyện, thị xã nào", "những sở, ban nào"):
#: "những quan điểm nào" asks no quận.
_ASKS_NAMED = re.compile(r"\bnhung (?P<level>" + _LEVEL_WORDS + r")(?:,? (?:" + _LEVEL_WORDS
                         + r"|ban|nganh))* nao\b")
#: The same levels as an English page writes them after or before the names ("in Krong Bong and Ea H'leo
#: districts", "the district of Krong Bong").
_ENGLISH_LEVEL = r"(?:districts?|communes?|wards?|towns?|departments?)"
_ENGLISH_NAMED = re.compile(r"[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*\s+" + _ENGLISH_LEVEL + r"\b|\b" + _ENGLISH_LEVEL
                            + r"\s+of\s+[A-Z]")


def asked_level(question: str) -> str:
    """The level of the places or offices a question asks to be named, as written ("huyện", "xã", "sở"), or "".

    >>> asked_level("Đoàn kiểm tra của tỉnh làm việc ở những huyện nào?"), asked_level("nhung so nao")
    ('huyện', 'sở')
    >>> asked_level("doan kiem tra lam viec o nhung huyen, thi xa nao")
    'huyện'
    >>> asked_level("Kế hoạch đặt ra những quan điểm nào?"), asked_level("Kiểm tra bao nhiêu huyện?")
    ('', '')
    """
    m = _ASKS_NAMED.search(question_fold(question))
    return NAMED_LEVELS[m.group("level")] if m else ""


#: Where a level's word may start: at a word's start, and "xã" / "trấn" not as the second word of "thị xã" / "thị
#: trấn" (another level: "thị xã Hồng Lĩnh" names no xã).
_NOT_INSIDE = r"(?<!\w)(?<![Tt]hị )(?<!THỊ )"


def names_of_level(text: str, level: str) -> bool:
    """Whether ``text`` names a place or an office of ``level``: the level and a capitalised name ("huyện Krông Bông",
    "Sở Nội vụ", "các xã: Bình Trị, Bình Lãnh"), or on an English page the names with their level ("in Krong Bong and
    Ea H'leo districts").

    >>> names_of_level("UBND tỉnh sẽ kiểm tra tại 8 sở, ngành và 6 huyện, thị xã.", "huyện")
    False
    >>> names_of_level("Đoàn kiểm tra thực tế tại các xã Bình Trị, Bình Lãnh.", "xã")
    True
    >>> names_of_level("Đoàn kiểm tra tại huyện Krông Bông và huyện Ea H'leo.", "huyện")
    True
    >>> names_of_level("The team will inspect in Krong Bong and Ea H'leo districts.", "huyện")
    True
    >>> names_of_level("kiểm tra các sở, ngành", "sở")
    False
    >>> names_of_level("Đoàn kiểm tra tại thị xã Hồng Lĩnh.", "xã"), names_of_level("Ủy ban phường Bắc Hồng", "xã")
    (False, False)
    """
    text = text or ""
    if re.search(_NOT_INSIDE + r"(?i:" + re.escape(level) + r")\s*:?[^\S\n]+" + PLACE_NAME, text):
        return True
    return english_text(text) and bool(_ENGLISH_NAMED.search(text))


def unnamed_level(units: list, analysis, state=None, doc_text=None) -> str:
    """The level asked to be named ("huyện" of "kiểm tra những huyện nào") when none of the units an answer would quote
    (:func:`_quoted`), among those the question's scope does not rule out
    (:func:`assistant.evidence.in_question_scope`), names one place or office of that level (:func:`names_of_level`);
    else "". A page counting them ("6 huyện, thị xã") or describing them ("các sở, ngành") names none: the answer
    would give the topic without what is asked. A question naming a document by its number is left to the number's
    own checks (the document named wins over the place the question names: its units may be out of that scope).

    >>> from types import SimpleNamespace as NS
    >>> def unit(text): return NS(score=1.0, coverage=0.5, doc_id="d", text=text, result=NS(
    ...     passage=NS(text=text, section="", doc_id="d"), doc_metadata={"tieu_de": ""}))
    >>> q = NS(original="Đoàn của tỉnh kiểm tra những huyện nào?", text="", doc_numbers=[], years=[], provinces=[])
    >>> unnamed_level([unit("Đoàn kiểm tra tại 8 sở, ngành và 6 huyện, thị xã.")], q)
    'huyện'
    >>> unnamed_level([unit("Đoàn kiểm tra tại huyện Hà Quảng và huyện Bảo Lạc.")], q)
    ''
    """
    question = question_text(analysis)
    level = asked_level(question)
    if not level or not units or _names_documents(analysis, state):
        return ""
    if any(names_of_level(text, level) for text in _quoted_in_scope(units, analysis, state, doc_text)):
        return ""
    return level


def unnamed_index(units: list, analysis, state=None, doc_text=None) -> str:
    """The index the question names ("PAPI", "PCI", by any written form of :mod:`textnorm.indexes`) when it names
    exactly one and asks its rank ("xếp thứ mấy"), the units an answer would quote (:func:`_quoted`, among those its
    scope does not rule out: :func:`assistant.evidence.in_question_scope`) state ranks, and every one of them is
    positively not the one asked (:func:`_unit_ranks`): of another index, the last one named before it ("Chỉ số CCHC
    cấp tỉnh (xếp thứ 14/63"), or among fewer provinces than the whole country asked ("trên 63 tỉnh", "cả nước") and
    a page gives ("vị trí thứ 5/14 tỉnh khu vực"). A rank no index is named before may be the one asked and keeps the
    answer, and so does a page stating no rank. Else "". Read from the quoted text only, never from a field.

    >>> from types import SimpleNamespace as NS
    >>> def unit(text): return NS(score=1.0, coverage=0.5, doc_id="d", text=text, result=NS(
    ...     passage=NS(text=text, section="", doc_id="d"), doc_metadata={"tieu_de": ""}))
    >>> q = NS(original="Chỉ số PCI năm 2023 của tỉnh xếp thứ mấy?", text="", doc_numbers=[], years=[], provinces=[])
    >>> unnamed_index([unit("Chỉ số SIPAS xếp thứ 11/63, Chỉ số CCHC xếp thứ 14/63.")], q)
    'PCI'
    >>> unnamed_index([unit("Chỉ số năng lực cạnh tranh cấp tỉnh xếp thứ 20/63.")], q)
    ''
    >>> unnamed_index([unit("Năm 2023, tỉnh xếp thứ 20/63.")], q)  # no index named before the rank
    ''
    """
    question = question_text(analysis)
    asked = named_indexes(question)
    folded_question = question_fold(question)
    if len(asked) != 1 or not _ASKS_RANK.search(folded_question) or not units or _names_documents(analysis, state):
        return ""
    national = bool(_ASKS_NATIONAL.search(folded_question))
    ranks = [rank for text in _quoted_in_scope(units, analysis, state, doc_text) for rank in _unit_ranks(text)]
    if ranks and not any(index in (None, asked[0]) and not (national and narrower) for index, narrower in ranks):
        return str(asked[0])
    return ""


#: A question asking a rank, folded: "xếp thứ mấy", "đứng thứ mấy", "xếp hạng bao nhiêu", "thứ hạng", "ranking".
_ASKS_RANK = re.compile(r"\b(?:xep|dung|dat) (?:thu|hang) (?:may|bao nhieu|nao)\b|\bthu hang\b|\brank(?:ing|ed)?\b")
#: A question asking a rank among every province: "trên 63 tỉnh, thành", "trong 34 tỉnh", "cả nước", "toàn quốc",
#: "out of 63".
_ASKS_NATIONAL = re.compile(r"\b(?:tren|trong|out of) (?:63|34)\b|\bca nuoc\b|\btoan quoc\b|\bnationwide\b")
#: A rank stated, folded: "xếp thứ 14/63", "đứng thứ 19", "vị trí thứ 5/14", "hạng 5", "thứ 11/63" (a bare "thứ 7" is a
#: sitting's number), "ranked 28th out of 63"; groups ``of``, ``tof``, ``enof``: how many it ranks among, when written.
_STATES_RANK = re.compile(r"\b(?:xep|dung|vi tri|hang)(?: thu)? (?P<n>\d+)(?: ?/ ?(?P<of>\d+))?\b"
                          r"|\bthu (?P<t>\d+) ?/ ?(?P<tof>\d+)\b"
                          r"|\branked (?P<en>\d+)(?:st|nd|rd|th)?(?: out of (?P<enof>\d+))?")
#: The country's provinces before and after the mergers of 1 July 2025 (63, then 34): a rank "of 63" or "of 34" is
#: national, one among another count ("5/14") ranks a region.
PROVINCE_COUNTS = frozenset({63, 34})


def _unit_ranks(text: str) -> list[tuple]:
    """The ranks ``text`` states (:data:`_STATES_RANK`): for each, the index last named before it in the text (None
    when none is) and whether it ranks among another count than every province (:data:`PROVINCE_COUNTS`).

    >>> text = "Chỉ số CCHC (xếp thứ 14/63); Chỉ số PAPI nằm trong nhóm. Tỉnh ở vị trí thứ 5/14 tỉnh khu vực."
    >>> [(i.value, narrower) for i, narrower in _unit_ranks(text)]
    [('PAR INDEX', False), ('PAPI', True)]
    >>> _unit_ranks("Năm 2023, tỉnh đứng thứ 19 cả nước.")
    [(None, False)]
    >>> [(i.value, narrower) for i, narrower in _unit_ranks("Năm 2025, Chỉ số PAR INDEX xếp thứ 5/34.")]
    [('PAR INDEX', False)]
    """
    folded = fold_accents(text or "").lower()
    spans = index_spans(folded)
    out = []
    for m in _STATES_RANK.finditer(folded):
        of = m.group("of") or m.group("tof") or m.group("enof")
        owner = next((i for _, e, i in reversed(spans) if e <= m.start()), None)
        out.append((owner, of is not None and int(of) not in PROVINCE_COUNTS))
    return out


# -- a team's head named only for another team ----------------------------------------------------------------------
@lru_cache(maxsize=1)
def _team_name_ends() -> frozenset[str]:
    """The folded words that end a team's name in a question (lexicon ``team_name_ends``: in "Đoàn giám sát chuyển đổi
    số năm 2024 của huyện", "Đoàn kiểm tra … tại phường X do ai …" the year, the body, the place or the verb that
    follow the name are not part of it), read on first use.

    >>> {"cua", "tai", "nam", "xa"} <= _team_name_ends(), "kiem" in _team_name_ends()
    (True, False)
    """
    return frozenset(fold_accents(t).lower() for t in lexicons.terms("team_name_ends"))


#: A team's name read in a question is this many words at least ("kiểm tra công vụ"): two ("Đoàn kiểm tra CCHC" cut
#: at its abbreviation) write only what every team does, no team's name.
TEAM_NAME_WORDS = 3
#: "đoàn" that names a team, not a trade union ("công đoàn") nor a body's mass organisations ("đoàn thể").
_TEAM = re.compile(r"(?<!\bcong )\bdoan\b(?! the\b)")
#: A sentence of a unit: the head and the post it holds are bound when one sentence writes both ("… do ông Trương
#: Văn Đức … làm Trưởng đoàn."); a post named in one sentence and a body in the next bind nothing.
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n")


def asked_team(question: str) -> str:
    """The name of the team whose head a question asks, folded, as the question writes it after "đoàn" (up to the
    year, the body, the place or a vowel-less abbreviation such as "cchc"); "" when it writes fewer than
    :data:`TEAM_NAME_WORDS` words of it.

    >>> asked_team("Đoàn giám sát chuyển đổi số của quận do ai làm trưởng đoàn?")
    'giam sat chuyen doi'
    >>> asked_team("Đoàn kiểm tra công tác nội vụ tại phường An Lạc do ai làm trưởng đoàn?")
    'kiem tra cong tac noi vu'
    >>> asked_team("Ai là trưởng đoàn?"), asked_team("Đoàn kiểm tra CCHC của thị xã do ai làm trưởng đoàn?")
    ('', '')
    """
    folded, ends = question_fold(question), _team_name_ends()
    for m in _TEAM.finditer(folded):
        name = []
        for word in folded[m.end():].split():
            if word in ends or not re.fullmatch(r"[a-z]+", word) or not re.search(r"[aeiouy]", word):
                break
            name.append(word)
        if len(name) >= TEAM_NAME_WORDS:
            return " ".join(name)
    return ""


def _writes(folded_text: str, words: str) -> bool:
    """Whether a folded text writes ``words`` as a run."""
    return bool(re.search(rf"\b{re.escape(words)}\b", folded_text))


def _folded_document(unit, doc_text, state=None) -> str:
    """The folded words of a unit's whole document (its passage when the text is not given), read once per index."""
    return _folded_text(unit.result.passage.doc_id, doc_text, state, unit.result.passage.text)


def _writes_place(folded_text: str, localities: dict) -> bool:
    """Whether a folded text writes a name of every level of place the question names (:func:`assistant.evidence.
    cued_localities`: level → its names)."""
    return all(any(_writes(folded_text, name) for name in names) for names in localities.values())


def _province_of(unit) -> str:
    """The province a unit's document is stored with ("" when unknown)."""
    return DocumentMetadata.of(getattr(unit.result, "doc_metadata", None) or {}).province


#: Words read between a post and the ":" or "là" that gives its holder ("Trưởng đoàn kiểm tra: Lãnh đạo Sở Nội vụ").
POST_NAME_WORDS = 3


def _holds_post(sentence: str, post: tuple) -> bool:
    """Whether a sentence gives the post a holder: someone "làm" / "là" / "giữ" it ("… Lê Sỹ Bảy làm Trưởng đoàn",
    "Vũ Thu Hà là Trưởng đoàn"), names it in apposition ("Nguyễn Sinh Hùng, Trưởng Ban Chỉ đạo"), or the post is
    followed by ":" / "là" / a dash and its holder ("Trưởng đoàn: Lãnh đạo Sở Nội vụ"). A post only referred to
    ("theo phân công của Trưởng đoàn", "do Trưởng đoàn phân công") has none.

    >>> _holds_post("do ông Trương Văn Đức, Phó Giám đốc Sở Nội vụ làm Trưởng đoàn.", ("truong", "doan"))
    True
    >>> _holds_post("Trưởng đoàn kiểm tra: Lãnh đạo Sở Nội vụ", ("truong", "doan"))
    True
    >>> _holds_post("Phó Thủ tướng Nguyễn Sinh Hùng,Trưởng Ban Chỉ đạo Quốc gia có ý kiến", ("truong", "ban"))
    True
    >>> _holds_post("theo phân công của Trưởng đoàn Kiểm tra, con dấu của Sở Nội vụ.", ("truong", "doan"))
    False
    """
    folded = fold_accents(sentence).lower()
    words = r"\s+".join(post)
    return bool(re.search(rf"(?:\b(?:lam|la|giu)\s+(?:chuc\s+)?|[,–-]\s*){words}\b", folded) or re.search(
        rf"\b{words}\b(?:\s+\w+){{0,{POST_NAME_WORDS}}}\s*(?::|–|-\s|\bla\b)", folded))


def head_bound(unit, fact, team: str, localities: dict, provinces: frozenset = frozenset(), doc_text=None,
               state=None) -> bool:
    """Whether a unit states a head of the team asked: one of its sentences gives the post a holder, a name or a
    body (:func:`assistant.evidence.states_fact` and :func:`_holds_post` read on the sentence, not on the unit: "… do
    Trưởng đoàn Kiểm tra phân công. … con dấu của Sở Nội vụ" binds no body to the post); its document writes the
    team's name as the question does (:func:`asked_team`); and it writes the district or ward the question names with
    its level (:func:`assistant.evidence.cued_localities`), or is of no province known, or of a province of the pages
    that write it (``provinces``: a city's plan naming "lãnh đạo Sở Nội vụ làm Trưởng đoàn" heads no team sent to xã
    Tân Kỳ of another province). A name or place the question does not write binds nothing.

    >>> from types import SimpleNamespace as NS
    >>> from assistant.evidence import AskedFact
    >>> head = AskedFact("role", ("truong", "doan"))
    >>> def unit(text, tinh=""): return NS(text=text, result=NS(passage=NS(doc_id="d", text=text),
    ...                                                         doc_metadata={"tinh": tinh}))
    >>> u = unit("Nhiệm vụ do Trưởng đoàn Kiểm tra phân công. Con dấu của Sở Nội vụ, theo phân công của Trưởng đoàn.")
    >>> head_bound(u, head, "", {})
    False
    >>> u = unit("Đoàn kiểm tra CCHC của tỉnh do ông Trương Văn Đức, Phó Giám đốc Sở Nội vụ làm Trưởng đoàn.", "Hà Nội")
    >>> head_bound(u, head, "", {}), head_bound(u, head, "kiem tra cong vu", {})
    (True, False)
    >>> ward = {"ward": frozenset({"tan ky"})}
    >>> head_bound(u, head, "", ward, frozenset({"Hải Dương"})), head_bound(u, head, "", ward, frozenset())
    (False, True)
    """
    if not any(states_fact(s, fact) and _holds_post(s, fact.words) for s in _SENTENCE_END.split(unit.text)):
        return False
    if not team and not localities:
        return True
    folded = _folded_document(unit, doc_text, state)
    province = _province_of(unit)
    placed = not provinces or not province or province in provinces or _writes_place(folded, localities)
    return (not team or _writes(folded, team)) and placed


def other_team_head(stating: list, fact, analysis, state=None, doc_text=None, units: list = ()) -> str:
    """The team asked (its name, or "đoàn") when the question asks who heads a team (:func:`assistant.evidence.
    asked_fact`'s "role": "do ai làm trưởng đoàn") and no unit stating a head (``stating``: those
    :func:`assistant.evidence.fact_units` found) is bound to it (:func:`head_bound`; ``units``: every unit read, for
    the provinces of the pages writing the place asked): the answer would name the head of another team, another
    place's or none. A question asking more than the head is left to its other parts. Else "".

    >>> from types import SimpleNamespace as NS
    >>> from assistant.evidence import AskedFact
    >>> q = NS(original="Đoàn giám sát chuyển đổi số của quận do ai làm trưởng đoàn?", text="")
    >>> u = NS(text="Đoàn giám sát chuyển đổi số do ông Lê Văn Hùng làm Trưởng đoàn.", result=NS(passage=NS(doc_id="d",
    ...        text="Đoàn giám sát chuyển đổi số do ông Lê Văn Hùng làm Trưởng đoàn.")))
    >>> other_team_head([u], AskedFact("role", ("truong", "doan")), q)
    ''
    >>> other_team_head([], AskedFact("role", ("truong", "doan")), q)  # none stated: the fact's own test refuses
    ''
    """
    if fact.kind != "role" or not stating:
        return ""
    question = question_text(analysis)
    if _asks_more(question):  # "kiểm tra những phường nào, ai làm trưởng đoàn": the page answers a part
        return ""
    team = asked_team(question)
    localities = cued_localities(question)
    # the provinces of the pages that write a place asked (of no province known when none does)
    writing = [u for u in units if localities and any(
        _writes(_folded_document(u, doc_text, state), name) for names in localities.values() for name in names)]
    provinces = frozenset(filter(None, map(_province_of, writing)))
    if any(head_bound(u, fact, team, localities, provinces, doc_text, state) for u in stating):
        return ""
    return team or "đoàn"


# -- a count stated only as a date, a share, an ordinal or a year ----------------------------------------------------
#: Numbers that count nothing: a day of a date ("ngày 08/7", "16/07/2024"; "63/65 nhiệm vụ" is no date), a share
#: ("ít nhất 50% các phòng"), an ordinal ("Kỳ họp thứ 7") and a year ("năm 2025 tại cơ quan").
_NOT_COUNTED = re.compile(r"\b(?:0?[1-9]|[12]\d|3[01])\s*/\s*(?:0?[1-9]|1[0-2])(?:\s*/\s*\d{2,4})?\b"
                          r"|\b\d+(?:[.,]\d+)?\s*%|(?i:\bthứ\s+\d+)|(?i:\bnăm\s+)" + YEAR + r"\b")


def value_bound(sentence: str, fact) -> bool:
    """Whether a sentence states a count of the noun asked: :func:`assistant.evidence.states_fact` read on the
    sentence once its dates, shares, ordinals and years are blanked (a date's "ngày 08" counts no days, "50%" no
    offices, "năm 2025 tại cơ quan" no offices).

    >>> from assistant.evidence import AskedFact
    >>> days = AskedFact("count", ("ngay",))
    >>> value_bound("Sáng ngày 08/7, tại Kỳ họp thứ 7 HĐND tỉnh khóa XII", days)
    False
    >>> value_bound("Kỳ họp diễn ra trong 3 ngày, từ ngày 08/7 đến 10/7.", days)
    True
    >>> value_bound("tỉnh đã hoàn thành 63/65 nhiệm vụ theo Kế hoạch năm 2023", AskedFact("count", ("nhiem vu",)))
    True
    """
    return states_fact(_NOT_COUNTED.sub(" ", sentence), fact)


def month_bound(asked: tuple[int, int | None], page: str) -> bool:
    """Whether a count's page (``page``: its document's text) is of the month asked (``asked``: month, year or
    None): it holds the month (:func:`holds_month`) and writes the year asked. Kon Tum's post "Trong tháng 7/2022, …
    tiếp nhận 199 đơn" counts July's letters, not August's; a page writing "tồn từ quý III chuyển sang" and no year at
    all gives no count of August 2022. (Reading the sentence's own period first refused nothing more on tune: left.)

    >>> month_bound((8, 2022), "Trong tháng 7/2022, toàn tỉnh tiếp nhận 199 đơn khiếu nại.")
    False
    >>> month_bound((8, 2022), "Kết quả tiếp công dân tháng 8/2022. Toàn tỉnh tiếp nhận 157 đơn khiếu nại.")
    True
    >>> month_bound((8, 2022), "Tổng số là 33 đơn (trong đó tồn từ quý III chuyển sang là 12 đơn).")
    False
    """
    month, year = asked
    return holds_month(page, month, year) and (year is None or str(year) in page)


def other_noun_count(stating: list, fact, analysis, state=None, doc_text=None, units: list = ()) -> str:
    """"khác" when the question asks a count alone (:func:`assistant.evidence.asked_fact`) and no sentence of the
    units stating one (``stating``: those :func:`assistant.evidence.fact_units` found) states it of the noun asked
    (:func:`value_bound`): the answer would quote a date, a share, an ordinal or a year. Else "".

    >>> from types import SimpleNamespace as NS
    >>> from assistant.evidence import AskedFact
    >>> q = NS(original="Kỳ họp thứ 7 của HĐND kéo dài mấy ngày?", text="")
    >>> other_noun_count([NS(text="Sáng ngày 08/7, tại Kỳ họp thứ 7.")], AskedFact("count", ("ngay",)), q)
    'khác'
    """
    if fact.kind != "count" or not stating:
        return ""
    if _asks_more(question_text(analysis)):  # a question asking more is answered in part by the page
        return ""
    # a month named ("tháng 8/2022 tiếp nhận bao nhiêu đơn"): a count of another month is another noun's value
    month = None if _names_documents(analysis, state) else asked_month(question_text(analysis))
    # the page is read once per unit stating the count, not once per sentence
    if any(any(value_bound(s, fact) for s in _SENTENCE_END.split(u.text))
           and (month is None or month_bound(month, _page_text(u, doc_text))) for u in stating):
        return ""
    return "khác"


def _page_text(unit, doc_text=None) -> str:
    """A unit's whole document text (its passage when the text is not given)."""
    result = getattr(unit, "result", None)
    if result is None:
        return unit.text
    return (doc_text(result.passage.doc_id) if doc_text is not None else None) or result.passage.text
