"""Quotable units: a passage cut into lines (list items, headings, rows, header lines) and sentences, with absolute
offsets in the document's cleaned text, each with the role its line plays in an official document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.grounded.config import GroundedConfig
from retriever.hybrid import SearchResult
from textnorm import fold_word, syllables
from textnorm.cues import HEADER_LINE_ROLES, PASSAGE_ROLES, PassageRole
from textnorm.lines import (
    ARTICLE_FORM,
    MARKER_FORMS,
    NUMBERED_KINDS,
    is_lead_in,
    is_list_line,
    marker_kind,
    marker_pattern,
    sentence_spans,
)
from textnorm.patterns import (
    BASIS,
    BLANK_FIELD,
    CLOSING_FORMULA,
    NUMBER,
    PLACE_DATE,
    SIGNER_FIELD,
    capitalised_place_start,
)

#: Passage kinds of a document's front and end matter (written by ingest), answered for identity questions.
HEADER_KINDS = frozenset(PASSAGE_ROLES)


#: Which header lines answer which answer type.
#: A legal article's heading ("Điều 3. Tổ chức thực hiện"): like a numbered heading, it names what follows.
_ARTICLE_HEAD = re.compile(r"^\s*" + ARTICLE_FORM + r"\s")

#: A sentence that is only a line's marker ("4." before "Đối với …"): it belongs to the sentence after it.
_MARKER_ONLY = re.compile(marker_pattern(MARKER_FORMS))


@dataclass
class QuotedSpan:
    """A quotable piece of a passage: absolute offsets in the document's cleaned text."""

    result: SearchResult
    start: int
    end: int
    text: str
    kind: str  # sentence | item | lead_in | list | row | headed | header
    role: str = ""  # number | place_date | title | basis | signature | recipients | closing | ""
    score: float = 0.0
    coverage: float = 0.0  # share of the question's topic weight the unit (with its section) carries
    carries: set = field(default_factory=set)  # answer types the unit carries
    answers_list: bool = False  # an enumeration of what a list question asks for

    @property
    def doc_id(self) -> str:
        return self.result.passage.doc_id

    def overlaps(self, other: "QuotedSpan") -> bool:
        """Both quote some of the same characters of one document."""
        return self.doc_id == other.doc_id and self.start < other.end and other.start < self.end


# -- units -------------------------------------------------------------------------------------------------------
def _is_place_date_line(text: str) -> bool:
    """A document's place-and-date line: a place ending on a capitalised word (or a template's blank) before ", ngày"
    and the date, as ingest's reader takes it (:func:`textnorm.patterns.capitalised_place_start`); a sentence of a
    post dating an event ("Sau cuộc làm việc, ngày 23-8-2011, cơ quan …") is none.

    >>> _is_place_date_line("Thành phố Hồ Chí Minh, ngày 05-3-2021"), _is_place_date_line("………, ngày 20/6/2018")
    (True, True)
    >>> _is_place_date_line("Sau cuộc làm việc, ngày 23-8-2011, cơ quan đại diện nhận được thông báo.")
    False
    """
    m = PLACE_DATE.match(text)
    return bool(m) and (re.fullmatch(BLANK_FIELD, m.group("place")) is not None
                        or capitalised_place_start(text, m) is not None)


def line_role(text: str, passage_kind: str = "") -> str:
    """The role of a line in an official document, from the passage kind ingest gave it or from its shape.

    >>> line_role("Số: 87/KH-UBND"), line_role("Hà Nội, ngày 05 tháng 4 năm 2021"), line_role("Căn cứ Luật …")
    ('number', 'place_date', 'basis')
    >>> line_role("Trên đây là Kế hoạch kiểm tra CCHC năm 2021."), line_role("- Sở Y tế.")
    ('closing', '')
    >>> line_role("Người ký: Lâm Minh Thành"), line_role("Người ký Lâm Minh Thành"), line_role("Người ký: không rõ")
    ('signature', 'signature', '')
    """
    if passage_kind in HEADER_KINDS:
        return passage_kind
    if NUMBER.match(text):
        return PassageRole.NUMBER
    if SIGNER_FIELD.search(text):
        return PassageRole.SIGNATURE
    if _is_place_date_line(text):
        return PassageRole.PLACE_DATE
    if BASIS.match(text):
        return PassageRole.BASIS
    if CLOSING_FORMULA.match(text):
        return PassageRole.CLOSING
    return ""


def split_units(result: SearchResult, cfg: GroundedConfig) -> list[QuotedSpan]:
    """Cut a passage into lines (list items, headings, rows, header lines) and sentences, with absolute offsets; a
    line longer than :attr:`GroundedConfig.max_line_chars` is cut into its sentences.

    >>> from assistant.grounded.config import GroundedConfig
    >>> from index.model import Passage
    >>> p = Passage("d:0", "d", "Số: 36/KH-UBND\\nKiên Giang, ngày 28 tháng 02 năm 2021", 0, 51, "Phần mở đầu")
    >>> [(u.kind, u.role) for u in split_units(SearchResult(1, p, 1.0), GroundedConfig())]
    [('header', 'number'), ('header', 'place_date')]
    """
    p = result.passage
    if p.kind == "table_row":
        return [QuotedSpan(result, p.start, p.end, p.text, "row")]
    if p.kind in (PassageRole.SIGNATURE, PassageRole.RECIPIENTS):
        return [QuotedSpan(result, p.start, p.end, p.text, "header", role=p.kind)]
    units: list[QuotedSpan] = []
    pos = 0
    for line in p.text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip())
        role = line_role(line.strip(), p.kind if p.kind in HEADER_LINE_ROLES else "")
        if role in HEADER_LINE_ROLES or len(line) <= cfg.max_line_chars:
            kind = "header" if role in HEADER_LINE_ROLES else _line_kind(line)
            start = p.start + line_start + lead
            units.append(QuotedSpan(result, start, p.start + line_start + len(line.rstrip()), line.strip(), kind,
                              role=role))
            continue
        units.extend(_sentences(result, line, p.start + line_start, role))
    return units + _list_units(units, p) + _headed_units(units, p, cfg.headed_max_chars) + _wrapped_units(units, p)


def _line_kind(line: str) -> str:
    if is_lead_in(line):
        return "lead_in"
    return "item" if is_list_line(line) else "sentence"


def _line_sentences(line: str) -> list[tuple[int, int]]:
    """The sentences of a line; a list marker that ends like a sentence ("4. Đối với …": a full stop before a
    capital) stays with the sentence it opens, so an item keeps its number and its kind.

    >>> line = "4. Đối với các cơ quan: tự kiểm tra. Báo cáo trước ngày 15/12."
    >>> [line[s:e] for s, e in _line_sentences(line)]
    ['4. Đối với các cơ quan: tự kiểm tra.', 'Báo cáo trước ngày 15/12.']
    """
    spans = sentence_spans(line)
    if len(spans) > 1 and _MARKER_ONLY.fullmatch(line, spans[0][0], spans[0][1]):
        spans = [(spans[0][0], spans[1][1]), *spans[2:]]
    return spans


def _sentences(result: SearchResult, line: str, offset: int, role: str) -> list[QuotedSpan]:
    out = []
    is_item = is_list_line(line)
    for number, (start, end) in enumerate(_line_sentences(line)):
        text = line[start:end]
        if len(text) < 3:
            continue
        kind = "lead_in" if is_lead_in(text) else ("item" if is_item and number == 0 else "sentence")
        out.append(QuotedSpan(result, offset + start, offset + end, text, kind,
                        role=role if number == 0 else line_role(text)))
    return out


def _is_heading_line(text: str) -> bool:
    return marker_kind(text) in NUMBERED_KINDS or _ARTICLE_HEAD.match(text) is not None


def _headed_units(units: list[QuotedSpan], passage, headed_max_chars: int) -> list[QuotedSpan]:
    """A section heading with the line under it ("2. Văn phòng … và các Sở: Tư pháp, …" + "Cử công chức …"):
    the heading often names who the sentence is about."""
    if len(units) < 2 or units[0].start != passage.start or not _is_heading_line(units[0].text):
        return []
    second = units[1]
    if second.kind in ("item", "lead_in") or second.end - units[0].start > headed_max_chars:
        return []
    text = passage.text[: second.end - passage.start]
    return [QuotedSpan(units[0].result, units[0].start, second.end, text, "headed")]


def _wrapped_units(units: list[QuotedSpan], passage) -> list[QuotedSpan]:
    """A sentence wrapped over two lines (a photo caption, a pasted paragraph): a line left open on a comma and the
    next line going on in lower case, as one more unit, so that what the second line says is read with whom the first
    names ("Đồng chí Phạm Văn A, Chánh Văn phòng UBND tỉnh," / "trưởng đoàn kiểm tra phát biểu kết luận").

    >>> from index.model import Passage
    >>> p = Passage("d:0", "d", "Đồng chí Phạm Văn A, Chánh Văn phòng,\\ntrưởng đoàn phát biểu.", 0, 59)
    >>> [u.text for u in _wrapped_units(split_units(SearchResult(1, p, 1.0), GroundedConfig())[:2], p)]
    ['Đồng chí Phạm Văn A, Chánh Văn phòng,\\ntrưởng đoàn phát biểu.']
    """
    out = []
    for first, second in zip(units, units[1:]):
        gap = passage.text[first.end - passage.start: second.start - passage.start]
        if first.text.endswith(",") and gap == "\n" and second.text[:1].islower() and not first.role \
                and not second.role:
            text = passage.text[first.start - passage.start: second.end - passage.start]
            out.append(QuotedSpan(first.result, first.start, second.end, text, "sentence"))
    return out


def _list_units(units: list[QuotedSpan], passage) -> list[QuotedSpan]:
    """A lead-in with the items after it, as one more unit: a list is quoted and cited whole, in its order."""
    out = []
    for i, unit in enumerate(units):
        if unit.kind != "lead_in":
            continue
        j = i + 1
        while j < len(units) and units[j].kind == "item":
            j += 1
        if j - i >= 2:
            start, end = unit.start, units[j - 1].end
            text = passage.text[start - passage.start : end - passage.start]
            out.append(QuotedSpan(unit.result, start, end, text, "list"))
    return out


def result_label(result: SearchResult) -> str:
    """The label a document goes by in an answer ("Kế hoạch 87/KH-UBND …"), from its search result."""
    md = result.document
    return md.label(md.title)


def said_weight(text: str, weights: dict[str, float]) -> float:
    """The weight of the words of ``weights`` (folded word → weight) that ``text`` says: how much of what the
    question asks a quote or a unit carries.

    >>> said_weight("Kế hoạch phải có lộ trình hợp lý.", {"lo": 2.0, "mau": 1.0})
    2.0
    """
    words = {fold_word(s) for s in syllables(text)}
    return sum(w for t, w in weights.items() if t in words)
