"""Lines of Vietnamese official text: the markers that open headings and list items, and sentences with offsets.

The one place for these rules: cleaning and structure (ingest), the answer's units (assistant) and LLM mode's
segments all read them from here.

>>> marker_kind("1.2. Sở Nội vụ chủ trì"), marker_kind("- Sở Tư pháp"), marker_kind("Sở Tư pháp")
('dotted', 'bullet', None)
>>> text = "Kiểm tra tại TP. Hà Nội. Báo cáo trước ngày 15/12/2021."
>>> [text[s:e] for s, e in sentence_spans(text)]
['Kiểm tra tại TP. Hà Nội.', 'Báo cáo trước ngày 15/12/2021.']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from textnorm.letters import UPPER_LETTER

#: The markers that open a numbered heading or a list item, by kind, tried in this order.
MARKER_FORMS: dict[str, str] = {
    "roman": r"[IVXLC]+\.",  # "I." "IV." — parts of a plan; "I.MỤC TIÊU" (no space) is common in portal pastes
    "dotted": r"\d{1,3}(?:\.\d{1,3})+\.?",  # "1.1" "2.3." — sub-sections
    "arabic": r"\d{1,3}[.)]",  # "1." "2)" — sections or list items
    "alpha": r"[a-zđ]\)",  # "a)" "đ)" — points
    "paren": r"\((?:\d{1,3}|[a-zđ])\)",  # "(1)" "(a)" — enumerations inside a paragraph
    "bullet": r"[-+*•–—]",  # dashes and bullets
}
#: Kinds that number a heading or an item (a bullet or a bracketed number does not).
NUMBERED_KINDS = frozenset({"roman", "dotted", "arabic", "alpha"})
#: A legal article's heading ("Điều 3.", "Điều 2:"): it opens a line as a section's number does.
ARTICLE_FORM = r"Điều\s+\d{1,3}[.:)]"
#: Markdown a pasted web page puts before a line's marker ("## 1. …", "**2. Sở Tư pháp**").
MARKDOWN_OPENING = r"(?:#{1,6}\s*)?(?:\*\*)?"
#: What follows a marker: a space or the end; after "I." an upper-case title may follow directly ("I.MỤC TIÊU").
_MARKER_END = r"(?:(?=\s|$)|(?<=\.)(?=" + UPPER_LETTER + r"))"

_MARKER = re.compile(
    r"^\s*(?:" + "|".join(f"(?P<{kind}>{form})" for kind, form in MARKER_FORMS.items()) + r")" + _MARKER_END
)
_BULLET = re.compile(r"^\s*" + MARKER_FORMS["bullet"] + r"\s+")

#: Where a sentence may end: . ! ? … (and ; when clauses are asked for), with closing quotes or brackets, and a
#: bracketed reference right after it ("… quý III. [1]": the citation belongs to the sentence it follows).
_END_TAIL = r"[\"'”’)]*(?:[ \t]*\[[^\[\]\n]{1,40}\])*(?=\s|$)"
_SENTENCE_END = re.compile(r"[.!?…]+" + _END_TAIL)
_CLAUSE_END = re.compile(r"(?:[.!?…]+|;)" + _END_TAIL)
#: Text before a full stop that does not end a sentence: titles and abbreviations ("TP.", "ThS.", and on English
#: pages "Ms.", "No." before a name or a number), and a number of an article, a clause or a document ("Điều 1.",
#: "số 2.").
_NO_BREAK_AFTER = re.compile(
    r"(?:(?:^|[\s(])(?:TP|Tp|TT|ThS|TS|PGS|GS|BS|KS|CN|Q|P|St|TW|v\.v|Mr|Ms|Mrs|Dr|No)"
    r"|(?:Điều|Khoản|Mục|Chương|Phần|Điểm|Số|số)\s+[\dIVXLivxl]+[a-zđ]?)$"
)


def marker_pattern(kinds: Iterable[str], *, article: bool = False) -> str:
    """The regular expression (not anchored: for ``match(text, pos)``) of a marker of one of ``kinds`` (keys of
    :data:`MARKER_FORMS`), or with ``article`` of an article's heading, followed by what may follow a marker.

    >>> opening = re.compile(MARKDOWN_OPENING + marker_pattern(sorted(NUMBERED_KINDS), article=True))
    >>> [bool(opening.match(t)) for t in ("## 2. Sở Tư pháp", "Điều 3. Tổ chức", "a) Cấp tỉnh", "2021 là năm")]
    [True, True, True, False]
    """
    forms = [MARKER_FORMS[kind] for kind in kinds] + ([ARTICLE_FORM] if article else [])
    return "(?:" + "|".join(forms) + ")" + _MARKER_END


def marker_kind(line: str) -> str | None:
    """The kind of heading or list marker that opens a line, or None.

    Args:
        line: one line of text.

    Returns:
        One of the keys of :data:`MARKER_FORMS` ("roman", "dotted", "arabic", "alpha", "paren", "bullet").

    >>> marker_kind("I.MỤC ĐÍCH, YÊU CẦU"), marker_kind("a) Cấp tỉnh"), marker_kind("(2) Cấp huyện")
    ('roman', 'alpha', 'paren')
    >>> marker_kind("2021 là năm"), marker_kind("15/12/2021: họp")
    (None, None)
    """
    m = _MARKER.match(line)
    return m.lastgroup if m else None


def is_list_line(line: str) -> bool:
    """True when a line opens with a heading or list marker (I., 1., 1.1., a), (1), -, +, •).

    >>> is_list_line("a) Cấp tỉnh gồm các Sở"), is_list_line("hành chính nhà nước")
    (True, False)
    """
    return _MARKER.match(line) is not None


def is_upper_line(text: str) -> bool:
    """Mostly capital letters (more than 80% of at least two letters): titles such as "KẾ HOẠCH".

    >>> is_upper_line("CẢI CÁCH THỂ CHẾ"), is_upper_line("Cải cách thể chế"), is_upper_line("I.")
    (True, False, False)
    """
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def is_lead_in(line: str) -> bool:
    """A line (or sentence) that introduces what follows it: it ends with a colon (the grounded answer quotes it with
    its list; LLM mode does not ask it for a citation).

    >>> is_lead_in("Đối tượng kiểm tra năm 2022: "), is_lead_in("- Sở Y tế: kiểm tra trong tháng 9.")
    (True, False)
    """
    return line.rstrip().endswith(":")


#: A part's or a chapter's label alone on its line ("Phần thứ nhất", "PHẦN II", "Chương 3."): it opens a section; a
#: hard-wrapped sentence never leaves its label alone on a line.
_PART_LABEL = re.compile(r"^(?:Phần|PHẦN|Chương|CHƯƠNG)\s+(?:(?:thứ|THỨ)\s+\w+|[IVXLC]{1,6}|\d{1,3})\s*[.:]?$")


def is_part_label(text: str) -> bool:
    """A part's or a chapter's label standing alone on its line.

    >>> is_part_label("Phần thứ nhất"), is_part_label("CHƯƠNG IV"), is_part_label("Chương II của Luật này")
    (True, True, False)
    """
    return bool(_PART_LABEL.match(text.strip()))


def strip_bullet(line: str) -> str:
    """The line without its leading dash or bullet (numbers and letters are kept: they are part of the text).

    >>> strip_bullet("- Sở Nội vụ"), strip_bullet("1. Sở Nội vụ")
    ('Sở Nội vụ', '1. Sở Nội vụ')
    """
    return _BULLET.sub("", line, count=1)


def sentence_spans(text: str, *, clauses: bool = False) -> list[tuple[int, int]]:
    """The sentences of a text as ``(start, end)`` offsets into it, without the spaces around them.

    A sentence ends at . ! ? or … (and at ; with ``clauses``) before a space or a line end, unless the full stop
    follows an abbreviation or an article number, or the next word is in lower case. A line break also ends one.

    Args:
        text: the text to split.
        clauses: also end at ";" (long enumerations of one sentence are split into their clauses).

    Returns:
        Spans in order; ``text[start:end]`` is the sentence.

    >>> text = "Điều 1. Ban hành Kế hoạch; giao Sở Nội vụ.\\nĐiều 2. Hiệu lực."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Điều 1. Ban hành Kế hoạch; giao Sở Nội vụ.', 'Điều 2. Hiệu lực.']
    >>> [text[s:e] for s, e in sentence_spans(text, clauses=True)][:2]
    ['Điều 1. Ban hành Kế hoạch;', 'giao Sở Nội vụ.']
    >>> text = "Decision No. 4139/QD-SXD, headed by Ms. Trinh Thi Thao. It met."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Decision No. 4139/QD-SXD, headed by Ms. Trinh Thi Thao.', 'It met.']
    >>> text = "Kiểm tra trong quý III. [1] Sở Nội vụ chủ trì [2]."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Kiểm tra trong quý III. [1]', 'Sở Nội vụ chủ trì [2].']
    """
    ends = _CLAUSE_END if clauses else _SENTENCE_END
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for m in ends.finditer(text, line.start(), line.end()):
            before = text[start:m.start()]
            if _NO_BREAK_AFTER.search(before) or text[m.start()] != ";" and _next_is_lower(text, m.end()):
                continue
            spans.append(strip_span(text, start, m.end()))
            start = m.end()
        spans.append(strip_span(text, start, line.end()))
    return [s for s in spans if s[1] > s[0]]


def _next_is_lower(text: str, position: int) -> bool:
    """True when the next word starts in lower case: "… quý III. và …" goes on, it does not start a sentence."""
    rest = text[position:position + 4].lstrip()
    return bool(rest) and rest[0].islower()


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past white space.

    >>> strip_span("  Sở Nội vụ ", 0, 12)
    (2, 11)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


__all__ = [
    "ARTICLE_FORM", "MARKDOWN_OPENING", "MARKER_FORMS", "NUMBERED_KINDS", "is_lead_in", "is_list_line",
    "is_part_label", "is_upper_line", "marker_kind", "marker_pattern", "sentence_spans", "strip_bullet",
    "strip_span",
]
