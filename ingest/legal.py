"""Legal structure of Vietnamese official documents: Phần / Chương / Mục / Điều headings, Khoản and Điểm inside an
article, and sub-documents attached to a decision ("Kế hoạch … (Ban hành kèm theo Quyết định số …)").

Only patterns and small pure functions live here; :mod:`ingest.structure` uses them while it builds the section tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textnorm import reading_form
from textnorm.lines import is_list_line

#: Fixed rank of each legal level (a heading closes every open heading of its rank or below).
LEGAL_RANKS = {"phan": 0, "chuong": 1, "muc": 2, "dieu": 3}

_SEP = r"\s*(?:[.:\-–]\s*(.*)|$)"
_PHAN = re.compile(r"^(?:Phần|PHẦN)\s+((?:thứ|THỨ)\s+\w+|[IVXLC]+|\d{1,2})" + _SEP)
_CHUONG = re.compile(r"^(?:Chương|CHƯƠNG)\s+([IVXLC]+|\d{1,3})" + _SEP)
_MUC = re.compile(r"^(?:Mục|MỤC)\s+(\d{1,2}|[IVXLC]+)" + _SEP)
#: Matched on the line's reading form (:func:`textnorm.reading_form`): Bộ luật Tố tụng hình sự as published writes 12
#: of its 510 article headings with the look-alike "Ð" (U+00D0, capital eth), "Ðiều 413. Phạm vi áp dụng".
_DIEU = re.compile(r"^(?:Điều|ĐIỀU)\s+(\d{1,3}[a-zđ]?)" + _SEP)
_LEVELS = (("dieu", _DIEU), ("chuong", _CHUONG), ("muc", _MUC), ("phan", _PHAN))

#: "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày …)": the line under the title of an attached document; never
#: "… kèm theo Quyết định này …", the clause of Article 1 that issues it (on its own line when "Điều 1." stands alone).
_ATTACHED = re.compile(
    r"^\(?\s*(?:Ban hành\s+|Được ban hành\s+)?(?:kèm theo|Kèm theo|KÈM THEO)\s+"
    r"(Quyết định|Nghị định|Thông tư|Nghị quyết|Chỉ thị|QUYẾT ĐỊNH|NGHỊ ĐỊNH|THÔNG TƯ)\b(?!\s+(?:này|NÀY)\b)",
)
#: Longest line read as that marker (a body sentence citing "kèm theo Quyết định" is longer and has no parenthesis).
_ATTACHED_MAX = 260
#: Type words that title an attached document, upper case as they are written above its title.
_ATTACHED_TYPES = ("KẾ HOẠCH", "QUY CHẾ", "QUY ĐỊNH", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "ĐIỀU LỆ", "HƯỚNG DẪN", "DANH MỤC",
                   "PHƯƠNG ÁN", "NỘI QUY", "KẾ HOẠCH HÀNH ĐỘNG")
_TYPE_IN_TEXT = re.compile(r"\b(Kế hoạch|Quy chế|Quy định|Chương trình|Đề án|Điều lệ|Hướng dẫn|Danh mục|Phương án)\b")
#: Lines above the "kèm theo" marker that can still be the attached document's title.
_TITLE_LINES_BACK = 4
#: Shortest title line of an attachment without its type word (shorter capitals are signature fragments: "DÂN").
_ATTACHED_TITLE_MIN = 12
#: Signature lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") are never an attachment's title.
_SIGNATURE_PREFIX = re.compile(r"^(?:TM|KT|Q|TL|TUQ)\.")
#: Longest line taken as the title written under a bare "Chương II" / "Điều 5".
_TITLE_LINE_MAX = 150


@dataclass(frozen=True)
class LegalHeading:
    """A Phần / Chương / Mục / Điều heading: its level, its number and the title written on the same line."""

    level: str
    number: str
    rest: str


def legal_heading(text: str) -> LegalHeading | None:
    """The legal heading a line opens with, if any.

    >>> legal_heading("Điều 5. Quyền tiếp cận thông tin")
    LegalHeading(level='dieu', number='5', rest='Quyền tiếp cận thông tin')
    >>> legal_heading("Chương II"), legal_heading("Chương trình tổng thể")
    (LegalHeading(level='chuong', number='II', rest=''), None)
    >>> legal_heading("Phần thứ nhất").level, legal_heading("Điều này áp dụng cho mọi người")
    ('phan', None)
    >>> legal_heading("Ðiều 413. Phạm vi áp dụng").number  # "Ð" (U+00D0) standing for "Đ"
    '413'
    """
    stripped = text.strip()
    read = reading_form(stripped)  # same length: a span of ``read`` is the same span of ``stripped``
    for level, pattern in _LEVELS:
        m = pattern.match(read)
        if m:
            rest = stripped[m.start(2):m.end(2)] if m.group(2) is not None else ""
            return LegalHeading(level, stripped[m.start(1):m.end(1)], rest.strip())
    return None


def is_title_line(text: str) -> bool:
    """True for a line that can be the title written under a bare "Chương II" or "Điều 5".

    >>> is_title_line("NHỮNG QUY ĐỊNH CHUNG"), is_title_line("1. Công dân có quyền tiếp cận thông tin.")
    (True, False)
    """
    stripped = text.strip()
    if not stripped or len(stripped) > _TITLE_LINE_MAX or stripped.endswith((":", ";", "|")):
        return False
    if is_list_line(stripped) or legal_heading(stripped):
        return False
    return not (stripped.endswith(".") and len(stripped) > _TITLE_LINE_MAX // 2)


def heading_label(heading: LegalHeading) -> str:
    """The level word and number as the document writes them in sentence case: "Điều 5", "Chương II".

    >>> heading_label(LegalHeading("phan", "THỨ NHẤT", "")), heading_label(LegalHeading("dieu", "5", "x"))
    ('Phần thứ nhất', 'Điều 5')
    """
    word = {"phan": "Phần", "chuong": "Chương", "muc": "Mục", "dieu": "Điều"}[heading.level]
    number = heading.number.lower() if heading.number.lower().startswith("thứ") else heading.number
    return f"{word} {number}"


def clause_label(kind: str, marker: str) -> str:
    """"Khoản 2" for "2." inside an article, "Điểm a" for "a)".

    >>> clause_label("arabic", "2"), clause_label("alpha", "đ")
    ('Khoản 2', 'Điểm đ')
    """
    return f"Khoản {marker}" if kind == "arabic" else f"Điểm {marker}"


def is_attachment_marker(text: str) -> bool:
    """True for the line under an attached document's title.

    >>> is_attachment_marker("(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/01/2022 của UBND tỉnh)")
    True
    >>> is_attachment_marker("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính.")
    False

    Article 1's clause on a line of its own ("Điều 1." above it) issues the attachment; it is not its marker:

    >>> is_attachment_marker("Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân xã.")
    False
    """
    stripped = text.strip()
    return len(stripped) <= _ATTACHED_MAX and bool(_ATTACHED.match(stripped))


def _type_word(text: str) -> str:
    stripped = text.strip().rstrip(":").strip()
    return stripped if stripped.upper() == stripped and stripped in _ATTACHED_TYPES else ""


def _sentence_case(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def find_attachments(texts: list[str]) -> tuple[str, dict[int, str]]:
    """Where the documents attached to a decision start, and the labels of both parts.

    An attachment is a "kèm theo Quyết định …" line after the decision's articles; it starts at its type word
    ("KẾ HOẠCH") or at the first title line above the marker.

    Args:
        texts: the document's logical lines.

    Returns:
        The label of the main part ("Quyết định"; "" when nothing is attached) and, for each attachment, the index of
        its first line → its label ("Kế hoạch kèm theo").

    >>> lines = ["QUYẾT ĐỊNH:", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm tra.", "Điều 2. Hiệu lực.",
    ...          "KẾ HOẠCH", "KIỂM TRA CÔNG TÁC CCHC", "(Ban hành kèm theo Quyết định số 12/QĐ-UBND)", "I. MỤC ĐÍCH"]
    >>> find_attachments(lines)
    ('Quyết định', {3: 'Kế hoạch kèm theo'})
    """
    first_article = next((n for n, t in enumerate(texts) if (h := legal_heading(t)) and h.level == "dieu"), None)
    if first_article is None:
        return "", {}
    starts: dict[int, str] = {}
    main = ""
    for n in range(first_article + 1, len(texts)):
        if not is_attachment_marker(texts[n]):
            continue
        start, word = _attachment_start(texts, n, floor=max(starts, default=first_article))
        if start is None:
            continue
        if not word:
            named = _TYPE_IN_TEXT.search(" ".join(texts[first_article:start]))
            word = named.group(1) if named else "Văn bản"
        starts[start] = f"{_sentence_case(word)} kèm theo"
        main = main or _sentence_case(_ATTACHED.match(texts[n].strip()).group(1))
    return main, starts


def _attachment_start(texts: list[str], marker: int, floor: int) -> tuple[int | None, str]:
    """The first line of an attachment whose marker is at ``marker``, and its type word ("" when not written)."""
    start = marker
    for n in range(marker - 1, max(floor, marker - 1 - _TITLE_LINES_BACK), -1):
        word = _type_word(texts[n])
        if word:
            return n, word
        text = texts[n].strip()
        if (legal_heading(text) or not is_title_line(text) or text.upper() != text
                or len(text) < _ATTACHED_TITLE_MIN or _SIGNATURE_PREFIX.match(text)):
            break
        start = n
    return (start if start > floor else None), ""


__all__ = ["LEGAL_RANKS", "LegalHeading", "legal_heading", "is_title_line", "heading_label", "clause_label",
           "is_attachment_marker", "find_attachments"]
