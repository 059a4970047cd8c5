"""Cleaning of converted Vietnamese official documents into logical lines.

What it undoes: Markdown emphasis and heading marks, decorative rules, the two-cell header rows written with ``|``,
lines a converter hard-wrapped mid-sentence, and the lists of related documents that web portals put around a plan.
What it keeps: every word of the body, in order, so that quotes of the cleaned text are found in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textnorm import normalize_text
from textnorm.cues import YEAR
from textnorm.lines import is_list_line, is_part_label, is_upper_line
from textnorm.patterns import ADDRESSEE, SECTION_START

#: A cell separator on a line of its own (tables exported one cell per line).
CELL_BREAK = "|"

_DECORATIVE = re.compile(r"^\s*[-=_*~.]{3,}\s*$")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s*")
_MD_STRONG = re.compile(r"\*\*|__")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_DASH_BEFORE_NUMBER = re.compile(r"^[-•]\s+(?=\d+(?:\.\d+)*\.\s)")
_SPACES = re.compile(r"[ \t\f\v]+")
_TERMINAL = tuple(".;:!?")
_RELATED_DOC = re.compile(
    r"^-\s*\d{1,3}\s+(Kế hoạch|Quyết định|Chỉ thị|Nghị quyết|Nghị định|Thông tư|Công văn|Luật|Báo cáo|Thông báo"
    r"|Hướng dẫn|Văn bản|Đề án|Chương trình)\b",
)
_MD_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
#: The end of a year range wrapped onto a line of its own ("… GIAI ĐOẠN 2021" / "- 2025"): the rest of the line
#: above, not a list item (a list item says something; a dash and a year alone never do).
_RANGE_END = re.compile(rf"^[-–—]\s*{YEAR}\)?$")
#: A line ending on a year, the start of such a range.
_ENDS_ON_YEAR = re.compile(rf"\b{YEAR}$")
#: A place-and-date line a draft's blanks split over lines ("Hà Nội, ngày" / "tháng" / "năm 2016"): a piece that
#: ends on "ngày" or "tháng" (and its figure or blank, if any) and the piece that goes on with "tháng" or "năm".
_DATE_PIECE_END = re.compile(r",\s*ngày(?:\s*\d{1,2})?(?:\s*tháng(?:\s*\d{1,2})?)?[\s.…_]*$")
_DATE_PIECE_START = re.compile(r"^(?:tháng|năm)\b")


@dataclass
class Line:
    """One logical line of a cleaned document.

    ``hard`` is True where the line cannot be joined to the previous one (a cell or paragraph boundary).
    ``cells`` is set for rows of a Markdown table.
    """

    text: str
    hard: bool = True
    cells: tuple[str, ...] | None = None


def strip_markup(line: str) -> str:
    """Remove Markdown emphasis/heading marks and squeeze spaces.

    >>> strip_markup("### **III. ĐỐI TƯỢNG, THỜI GIAN KIỂM TRA**")
    'III. ĐỐI TƯỢNG, THỜI GIAN KIỂM TRA'
    >>> strip_markup("Phụ lục (*gửi kèm Kế hoạch này*)")
    'Phụ lục (gửi kèm Kế hoạch này)'
    """
    line = _MD_HEADING.sub("", line)
    line = _MD_STRONG.sub("", line)
    line = _MD_EMPHASIS.sub(r"\1", line)
    line = _DASH_BEFORE_NUMBER.sub("", line.strip())
    return _SPACES.sub(" ", line).strip()


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def _starts_lower(text: str) -> bool:
    first = next((c for c in text if c.isalnum()), "")
    return first.isalpha() and first.islower()


def _first_word_mixed(text: str) -> bool:
    word = text.split(" ", 1)[0]
    letters = _letters(word)
    return len(letters) > 1 and letters[0].isupper() and any(c.islower() for c in letters[1:])


def _is_related_documents_run(lines: list[str], i: int) -> int:
    """Length of a run of "- 1 Kế hoạch …", "- 2 Quyết định …" lines starting at i (0 when none)."""
    n = 0
    while i + n < len(lines) and _RELATED_DOC.match(lines[i + n].strip()):
        n += 1
    return n if n >= 2 else 0


def _looks_hard_wrapped(raw_lines: list[str]) -> bool:
    pairs = wrapped = 0
    for a, b in zip(raw_lines, raw_lines[1:]):
        a, b = a.strip(), b.strip()
        if not a or not b or a == CELL_BREAK or b == CELL_BREAK:
            continue
        pairs += 1
        if not a.endswith(_TERMINAL) and _starts_lower(b) and not is_list_line(b):
            wrapped += 1
    return wrapped >= 5 and wrapped >= 0.1 * pairs


#: A number's label alone on its line ("Luật số:" / "22/2008/QH12"): joined with the number under it.
_NUMBER_LABEL = re.compile(r"^(?:Luật|Bộ luật|Pháp lệnh)\s+số\s*:$", re.IGNORECASE)


def _should_join(previous: str, following: str) -> bool:
    if not previous or not following:
        return False
    if is_list_line(following) or is_part_label(following) or ADDRESSEE.match(following):
        return False  # "Phần thứ nhất" under a wrapped title opens a part, "Kính gửi:" the letter
    if is_upper_line(following) and SECTION_START.match(following):
        return False  # "PHẦN I. KẾT QUẢ …" under a title in capitals: a part and its heading, not the title's end
    if ADDRESSEE.match(previous) and not _starts_lower(following):
        return False  # "Kính gửi: Chính phủ" / "Thực hiện …": the letter's first sentence
    if previous.endswith(_TERMINAL):
        # "Số:" followed by "189/KH-UBND": a short label is a wrapped field, not the end of a sentence.
        return previous.endswith(":") and (len(previous) <= 6 or bool(_NUMBER_LABEL.match(previous)))
    if is_upper_line(previous) and not is_upper_line(following):
        # "IV. KINH PHÍ THỰC HIỆN" is a title; "Kinh phí thực hiện …" starts the paragraph under it.
        return not _first_word_mixed(following)
    if not is_upper_line(previous) and is_upper_line(following) and len(following) < 60:
        return False
    return True


def _split_inline_cells(text: str) -> list[str]:
    return [c.strip() for c in text.strip().strip("|").split("|") if c.strip()]


def _row_cells(text: str) -> list[str]:
    """The cells of a pipe row, empty ones kept in place so that every value stays under its column.

    >>> _row_cells("| 1 | Rà soát | | Quý II |")
    ['1', 'Rà soát', '', 'Quý II']
    """
    inner = text.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip() for c in inner.split("|")]


#: Cells of a pipe row that, followed by another such row, opens a table without a Markdown separator line (a Word
#: table as the .docx loader renders it); a two-cell row is a page-header layout ("ỦY BAN NHÂN DÂN | CỘNG HÒA …").
TABLE_MIN_CELLS = 3


def _opens_table(cells: list[str], following: str) -> bool:
    """A row of at least :data:`TABLE_MIN_CELLS` cells followed by another pipe row (of two cells or more: a merged
    row of a reform area, "| I | CẢI CÁCH THỂ CHẾ |", may come first): the header of a table without separator.

    >>> _opens_table(["STT", "Nội dung", "Thời gian"], "| 1 | Rà soát | Quý II |")
    True
    >>> _opens_table(["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], "| SỞ NỘI VỤ | Độc lập |")
    False
    """
    nxt = following.strip()
    return (len(cells) >= TABLE_MIN_CELLS and nxt.startswith("|") and not _MD_TABLE_SEPARATOR.match(nxt)
            and len(_split_inline_cells(nxt)) >= 2)


def _joins_previous(out: list[Line], cleaned: str, may_wrap: bool) -> bool:
    """The line continues the previous one: the end of a year range (wrapped or not), or a hard-wrapped line."""
    if not out or out[-1].cells is not None or out[-1].text == CELL_BREAK:
        return False
    if _RANGE_END.match(cleaned) and _ENDS_ON_YEAR.search(out[-1].text):
        return True  # "GIAI ĐOẠN 2021" / "- 2025"
    if _DATE_PIECE_START.match(cleaned) and _DATE_PIECE_END.search(out[-1].text):
        return True  # "Hà Nội, ngày" / "tháng" / "năm 2016"
    return may_wrap and _should_join(out[-1].text, cleaned)


def _is_pipe_row(stripped: str) -> bool:
    """A line written with "|" cell separators (a pipe-table row or a flattened two-cell layout row).

    >>> _is_pipe_row("| STT | Nội dung |"), _is_pipe_row("a | b | c"), _is_pipe_row("Có 1 | dấu"), _is_pipe_row("|")
    (True, True, False, False)
    """
    return (stripped.count("|") >= 1 and stripped != CELL_BREAK and len(_split_inline_cells(stripped)) >= 1
            and (stripped.startswith("|") or stripped.endswith("|") or stripped.count("|") >= 2))


def _pipe_row_lines(stripped: str, nxt: str, out: list[Line]) -> list[Line]:
    """The lines of a pipe row: one table row (its cells kept, empty edge cells too) when it is in a table (after a
    row, over a Markdown separator, or opening one), else each cell its own line (a two-cell layout row "ỦY BAN NHÂN
    DÂN | CỘNG HÒA …")."""
    cells = tuple(strip_markup(c) for c in _row_cells(stripped))
    in_table = ((out and out[-1].cells is not None) or _MD_TABLE_SEPARATOR.match(nxt) is not None
                or _opens_table(list(cells), nxt))
    if in_table and len(_split_inline_cells(stripped)) >= 2:
        return [Line(" | ".join(cells).strip(), hard=True, cells=cells)]
    return [Line(c, hard=True) for c in cells if c]


def clean_lines(raw: str) -> list[Line]:
    """Turn a converted document into logical lines.

    Args:
        raw: text as a loader returned it (any Unicode normalisation, hard-wrapped or not).

    Returns:
        Logical lines in document order, emphasis and decoration removed, hard-wrapped lines joined.
        A line that is exactly ``"|"`` marks a table cell boundary and is kept for the structure parser.

    >>> [l.text for l in clean_lines("**1. Mục đích**\\n- Kiểm tra để\\nđánh giá đúng")]
    ['1. Mục đích', '- Kiểm tra để', 'đánh giá đúng']
    >>> [l.text for l in clean_lines("KẾ HOẠCH\\nNÔNG THÔN MỚI GIAI ĐOẠN 2021\\n- 2025\\n- Sở Nội vụ")]
    ['KẾ HOẠCH', 'NÔNG THÔN MỚI GIAI ĐOẠN 2021 - 2025', '- Sở Nội vụ']
    """
    text = normalize_text(raw)
    raw_lines = text.split("\n")
    wrapped = _looks_hard_wrapped(raw_lines)
    out: list[Line] = []
    pending_hard = True
    i = 0
    while i < len(raw_lines):
        skip = _is_related_documents_run(raw_lines, i)
        if skip:
            i += skip
            pending_hard = True
            continue
        stripped = raw_lines[i].strip()
        i += 1
        if not stripped:
            pending_hard = True
            continue
        if stripped == CELL_BREAK:
            out.append(Line(CELL_BREAK))
            pending_hard = True
            continue
        if _DECORATIVE.match(stripped) or _MD_TABLE_SEPARATOR.match(stripped) and "-" in stripped:
            if _MD_TABLE_SEPARATOR.match(stripped) and out and out[-1].cells is not None:
                continue  # separator under a Markdown table header
            pending_hard = True
            continue
        if _is_pipe_row(stripped):
            out.extend(_pipe_row_lines(stripped, raw_lines[i].strip() if i < len(raw_lines) else "", out))
            pending_hard = True
            continue
        cleaned = strip_markup(stripped)
        if not cleaned:
            continue
        if _joins_previous(out, cleaned, wrapped and not pending_hard):
            out[-1].text = out[-1].text + " " + cleaned
            continue
        out.append(Line(cleaned, hard=pending_hard))
        pending_hard = not wrapped
    return out


__all__ = ["Line", "clean_lines", "strip_markup", "CELL_BREAK"]
