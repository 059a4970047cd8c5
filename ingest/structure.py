"""Recover the structure of a Vietnamese official document: front matter, section tree, lists, tables.

The output is a list of :class:`Block` in document order. Each block knows its section path; tables become one block
per row that names its columns and its group, so a row can stand alone as a passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.model import OPENING_SECTION
from ingest.clean import CELL_BREAK, Line
from ingest.frontmatter import RECIPIENTS, type_head
from ingest.legal import LEGAL_RANKS, clause_label, find_attachments, heading_label, is_title_line, legal_heading
from textnorm.lines import NUMBERED_KINDS, is_list_line, is_upper_line, marker_kind

#: The number cell of a table's group row: a roman numeral ("I", "II.") opens a group, a letter ("a)") a sub-group.
ROMAN_CELL = re.compile(r"^[IVXLC]+\.?$")
ALPHA_CELL = re.compile(r"^[a-zđ][).]$")
_NUMBER_CELL = re.compile(r"^\d{1,3}\.?$")
_STT = re.compile(r"^(stt|tt|số tt|số thứ tự)$", re.IGNORECASE)
_SIGNATURE = re.compile(r"^(TM\.|KT\.|Q\.|TL\.|TUQ\.)?\s*(ỦY BAN NHÂN DÂN|UBND|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC)\b")
_TITLE_MAX = 90
#: An appendix title, with or without accents ("PHỤ LỤC I", "PHU LUC"): a new tree of its own.
_APPENDIX_HEADS = ("PHỤ LỤC", "PHU LUC")


@dataclass
class Block:
    """A paragraph, list item, heading or table row with the section path it belongs to."""

    text: str
    kind: str  # front | heading | para | item | table_row | closing
    section: tuple[str, ...] = ()
    lead_in: bool = False  # a paragraph ending with ":" that introduces the items after it
    cells: dict[str, str] = field(default_factory=dict)  # table rows: column name → value
    #: inside a legal article: the Khoản and Điểm the block belongs to ("Khoản 2", "Điểm a"); the section path
    #: stops at the article, so an article's clauses share its passages and its title
    clause: tuple[str, ...] = ()


def _heading_title(text: str) -> str:
    title = text.split(":", 1)[0] if len(text) > _TITLE_MAX else text
    title = title.rstrip(" :;.")
    return title if len(title) <= _TITLE_MAX else title[: _TITLE_MAX - 1].rstrip() + "…"


def numbered_kind(text: str) -> str | None:
    """The kind of the number that opens a heading or an item ("roman", "dotted", "arabic", "alpha"), or None.

    >>> numbered_kind("1.1. Kiểm tra"), numbered_kind("- Kiểm tra")
    ('dotted', None)
    """
    kind = marker_kind(text)
    return kind if kind in NUMBERED_KINDS else None


def _split_cells(lines: list[Line]) -> list[str]:
    cells, current = [], []
    for line in lines:
        if line.text == CELL_BREAK:
            cells.append(" ".join(current).strip())
            current = []
        else:
            current.append(line.text)
    if current:
        cells.append(" ".join(current).strip())
    return cells


def _column_name(header: str) -> str:
    name = header.strip().rstrip(":")
    return name[:1].upper() + name[1:].lower() if is_upper_line(name) else name


def _parse_cell_table(cells: list[str]) -> tuple[list[Block], int] | None:
    """Parse a one-cell-per-line table that starts with an "STT" header. Returns blocks and cells consumed."""
    if not cells or not _STT.match(cells[0]):
        return None
    header = [cells[0]]
    i = 1
    while i < len(cells) and not (ROMAN_CELL.match(cells[i]) or _NUMBER_CELL.match(cells[i])):
        header.append(cells[i])
        i += 1
    ncols = len(header)
    if ncols < 3 or i >= len(cells):
        return None
    columns = [_column_name(h) for h in header[1:]]
    blocks: list[Block] = []
    group: list[str] = []
    while i < len(cells):
        first = cells[i]
        if ROMAN_CELL.match(first) and i + 1 < len(cells):
            group = [f"{first.rstrip('.')}. {cells[i + 1]}"]
            blocks.append(Block(text=group[-1], kind="heading", section=tuple(group)))  # the group row is text too
            i += 2
        elif ALPHA_CELL.match(first) and i + 1 < len(cells):
            group = group[:1] + [f"{first} {cells[i + 1]}"]
            blocks.append(Block(text=group[-1], kind="heading", section=tuple(group)))
            i += 2
        elif _NUMBER_CELL.match(first) and i + ncols <= len(cells) + 1:
            values = cells[i + 1 : i + ncols]
            if not any(values):
                break
            row = {col: val for col, val in zip(columns, values) if val}
            blocks.append(Block(text="", kind="table_row", section=tuple(group), cells=row))
            blocks[-1].text = _render_row(first.rstrip("."), row)
            i += ncols
        elif not first:
            i += 1
        else:
            break
    return (blocks, i) if any(b.kind == "table_row" for b in blocks) else None


def _render_row(number: str, row: dict[str, str]) -> str:
    """A row as text: "Mục 1." then one "Column: value" line per non-empty cell."""
    return "\n".join([f"Mục {number}."] + [f"{col}: {val}" for col, val in row.items()])


def _unique_columns(header: list[str]) -> list[str]:
    """Column names of a header row, each its own: an empty header cell is "Cột n", a repeated one gets its rank (a
    row's cells are keyed by column, so two columns of one name would keep only one of their values).

    >>> _unique_columns(["STT", "", "Ghi chú", "GHI CHÚ"])
    ['Stt', 'Cột 2', 'Ghi chú', 'Ghi chú (2)']
    """
    columns: list[str] = []
    for j, cell in enumerate(header):
        name = _column_name(cell) or f"Cột {j + 1}"
        base, rank = name, 1
        while name in columns:
            rank += 1
            name = f"{base} ({rank})"
        columns.append(name)
    return columns


def _markdown_table(lines: list[Line], start: int) -> tuple[list[Block], int]:
    header = list(lines[start].cells or ())
    columns = _unique_columns(header)
    blocks, i = [], start + 1
    while i < len(lines) and lines[i].cells is not None:
        cells = lines[i].cells or ()
        row = {columns[j] if j < len(columns) else f"Cột {j + 1}": v for j, v in enumerate(cells) if v}
        number = cells[0] if cells and _NUMBER_CELL.match(cells[0]) else str(len(blocks) + 1)
        blocks.append(Block(text=_render_row(number.rstrip("."), row), kind="table_row", cells=row))
        i += 1
    used = {name for b in blocks for name in b.cells}
    if any(name and name not in used for name in columns):
        # a column no row fills ("Ghi chú"): its header lives in no row, so the header line stays as text
        blocks.insert(0, Block(text=lines[start].text, kind="para"))
    return blocks, i


class _SectionStack:
    """Heading levels follow the order in which marker kinds first appear under their parent."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, str, str]] = []  # (marker kind, title, marker)
        self.clause: tuple[str, ...] = ()  # Khoản / Điểm open inside the current article

    def push(self, kind: str, title: str, marker: str = "") -> None:
        for depth, (k, _, _) in enumerate(self.entries):
            if k == kind:
                del self.entries[depth:]
                break
        self.entries.append((kind, title, marker))

    def push_legal(self, level: str, title: str) -> None:
        """Phần / Chương / Mục / Điều: close every open heading of the same rank or below, and any plan heading."""
        rank = LEGAL_RANKS[level]
        keep = 0
        for kind, _, _ in self.entries:
            if not (kind == "part" or LEGAL_RANKS.get(kind, rank) < rank):
                break
            keep += 1
        del self.entries[keep:]
        self.entries.append((level, title, ""))
        self.clause = ()

    def in_article(self) -> bool:
        """True when the innermost open heading is an article (its "1." are Khoản, its "a)" Điểm)."""
        return bool(self.entries) and self.entries[-1][0] == "dieu"

    def open_clause(self, kind: str, marker: str) -> tuple[str, ...]:
        label = clause_label(kind, marker)
        if kind == "arabic" or not self.clause:
            self.clause = (label,)
        else:
            self.clause = self.clause[:1] + (label,) if self.clause[0].startswith("Khoản") else (label,)
        return self.clause

    def start_part(self, title: str) -> None:
        """A sub-document (the plan attached to a decision): a new tree under its own root."""
        self.entries = [("part", title, "")]
        self.clause = ()

    def reset_to(self, kind: str, title: str) -> None:
        self.entries = [e for e in self.entries if e[0] == "part"] + [(kind, title, "")]

    def continues(self, kind: str, marker: str) -> bool:
        """True when ``marker`` is the next sibling of an open heading of the same kind (2. after 1.)."""
        for k, _, open_marker in self.entries:
            if k == kind and open_marker.isdigit() and marker.isdigit():
                return int(marker) == int(open_marker) + 1
            if k == kind and len(open_marker) == 1 and len(marker) == 1 and open_marker.isalpha():
                return ord(marker) == ord(open_marker) + 1
        return False

    def path(self) -> tuple[str, ...]:
        return tuple(t for _, t, _ in self.entries)


def parse_structure(lines: list[Line]) -> list[Block]:
    """Classify logical lines into blocks with section paths.

    Args:
        lines: output of :func:`ingest.clean.clean_lines`.

    Returns:
        Blocks in document order.

    >>> from ingest.clean import clean_lines
    >>> blocks = parse_structure(clean_lines("I. MỤC ĐÍCH\\n\\n1. Mục đích\\n\\n- Kiểm tra công tác CCHC."))
    >>> [(b.kind, " > ".join(b.section)) for b in blocks]
    [('heading', 'I. MỤC ĐÍCH'), ('heading', 'I. MỤC ĐÍCH > 1. Mục đích'), ('item', 'I. MỤC ĐÍCH > 1. Mục đích')]

    Legal levels are fixed (Phần > Chương > Mục > Điều); inside an article "1." is a Khoản and "a)" a Điểm:

    >>> raw = "Chương I\\nQUY ĐỊNH CHUNG\\nĐiều 2. Nguyên tắc\\n1. Công khai:\\na) Niêm yết."
    >>> [(b.section[-1], b.clause) for b in parse_structure(clean_lines(raw))]  # doctest: +NORMALIZE_WHITESPACE
    [('Chương I. QUY ĐỊNH CHUNG', ()), ('Điều 2. Nguyên tắc', ()), ('Điều 2. Nguyên tắc', ('Khoản 1',)),
     ('Điều 2. Nguyên tắc', ('Khoản 1', 'Điểm a'))]
    """
    parser = _Parser(lines)
    i = 0
    while i < len(lines):
        i = parser.step(i)
    return parser.blocks


#: A line after the signature longer than this is text, not a fragment of a signature or of the recipients: the text
#: of a document attached there whose title line the parser could not see ("QUY CHẾ LÀM VIỆC của … (Ban hành kèm theo
#: Quyết định …)", a hard-wrapped title joined to its marker).
CLOSING_TEXT_MIN_CHARS = 100
#: The attached text's section is named by at most this much of its first line.
_TITLE_CHARS = 120


def _attached_text(text: str) -> bool:
    """A line after the closing formula that is a document's text, not its end matter: an article or chapter heading,
    or a long line that is no recipient's dash item.

    >>> _attached_text("Điều 1. Đối tượng và phạm vi điều chỉnh"), _attached_text("PHÓ CHỦ TỊCH")
    (True, False)
    >>> _attached_text("- Các sở, ban, ngành, đoàn thể tỉnh; UBND các huyện, thị xã, thành phố và các xã, phường "
    ...                "(để thực hiện);")
    False
    """
    stripped = text.strip()
    return legal_heading(stripped) is not None or (len(stripped) > CLOSING_TEXT_MIN_CHARS
                                                   and not is_list_line(stripped))


class _Parser:
    """The state of one pass of :func:`parse_structure` over a document's lines; one method per kind of line."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.blocks: list[Block] = []
        self.stack = _SectionStack()
        self.main_part, self.parts = find_attachments([line.text for line in lines])
        self.in_body = False
        self.closing = False
        self.previous: Block | None = None

    def add(self, block: Block) -> None:
        """Append a block; a list item after it may belong to it."""
        self.blocks.append(block)
        self.previous = block

    def step(self, i: int) -> int:
        """Read the line at ``i`` (and any lines that belong to it); returns the index of the next line."""
        line = self.lines[i]
        if line.text == CELL_BREAK:
            return i + 1
        table = _cell_table_at(self.lines, i, self.stack.path())
        if table:
            rows, i = table
        elif line.cells is not None:
            rows, i = _markdown_table(self.lines, i)
            for row in rows:
                row.section = self.stack.path()
        else:
            return self.text_line(i)
        self.blocks.extend(rows)
        self.previous = None
        return i

    def text_line(self, i: int) -> int:
        text = self.lines[i].text
        if i in self.parts:
            self.stack.start_part(self.parts[i])
            self.closing, self.in_body = False, True
        if RECIPIENTS.match(text):
            self.closing = True
        signing = self.in_body and _SIGNATURE.match(text) and is_upper_line(text)
        if (self.closing or signing) and self.closing_line(text):
            return i + 1
        following = self.lines[i + 1].text if i + 1 < len(self.lines) and self.lines[i + 1].cells is None else ""
        legal, consumed = _legal_block(text, following, self.stack, self.main_part)
        if legal:
            self.add(legal)
            self.in_body = True
            return i + consumed
        if not self.heading(text):
            self.body_line(text)
        return i + 1

    def closing_line(self, text: str) -> bool:
        """A line after the closing formula: signature, recipients — or an appendix or document attached there.
        False when the line is the text of a document attached there (read as a body line of it, never dropped)."""
        if is_upper_line(text) and (text.startswith(_APPENDIX_HEADS) or type_head(text)):
            # an appendix, or a document attached after the signature ("KẾ HOẠCH" of a decision)
            self.closing = False
            self.stack.reset_to("appendix", _heading_title(text))
            self.add(Block(text, "heading", self.stack.path()))
        elif _attached_text(text):
            self.closing = False
            self.stack.reset_to("appendix", _heading_title(text[:_TITLE_CHARS].split(" (")[0]))
            return False
        else:
            self.blocks.append(Block(text, "closing", self.stack.path()))
        return True

    def heading(self, text: str) -> bool:
        """A numbered heading ("I.", "1.", "1.1.", "a)") or an appendix title: push it; True when it was one."""
        kind = numbered_kind(text)
        marker = _marker_of(text)
        previous = self.previous
        is_item_context = previous is not None and (previous.lead_in or previous.kind == "item")
        is_item = kind in ("alpha", "arabic") and is_item_context and _is_list_like(text, previous)
        if kind and (not is_item or self.stack.continues(kind, marker)) and (
                kind == "roman" or self.in_body or not _looks_front_matter(text)):
            self.in_body = True
            self.stack.push(kind, _heading_title(text), marker)
            self.add(Block(text, "heading", self.stack.path(), lead_in=text.endswith(":")))
            return True
        if is_upper_line(text) and text.startswith(_APPENDIX_HEADS):
            self.stack.reset_to("appendix", _heading_title(text))
            self.add(Block(text, "heading", self.stack.path()))
            return True
        return False

    def body_line(self, text: str) -> None:
        """A paragraph or a list item; before the body starts, a line of the front matter."""
        opening = False
        if not self.in_body:
            if not _is_opening_sentence(text):
                self.add(Block(text, "front", (OPENING_SECTION,)))
                return
            self.in_body = opening = True
        item = is_list_line(text)
        # the opening sentence ("… ban hành Kế hoạch … như sau:") introduces the whole body, not a list
        self.add(Block(text, "item" if item else "para", self.stack.path() or (OPENING_SECTION,),
                       lead_in=text.endswith(":") and not opening))


def _cell_table_at(lines: list[Line], i: int, base: tuple[str, ...]) -> tuple[list[Block], int] | None:
    """The rows of a one-cell-per-line table starting at line ``i`` (under section ``base``) and the index of the
    first line after its last parsed row; None when no such table starts there."""
    if not (_STT.match(lines[i].text) and i + 1 < len(lines) and lines[i + 1].text == CELL_BREAK):
        return None
    j = i
    while j < len(lines) and (lines[j].text == CELL_BREAK or lines[j].cells is None):
        j += 1
    parsed = _parse_cell_table(_split_cells(lines[i:j]))
    if not parsed:
        return None
    rows, consumed_cells = parsed
    for row in rows:
        row.section = base + row.section
    # cells past the last parsed row are plain lines again
    k, seen = i, 0
    while k < j and seen < consumed_cells:
        if lines[k].text == CELL_BREAK:
            seen += 1
        k += 1
    return rows, k


def _legal_block(text: str, following: str, stack: _SectionStack, main_part: str) -> tuple[Block | None, int]:
    """The block of a legal heading (with the title line under a bare "Chương II"/"Điều 5") or of a line inside an
    article (its "1." a Khoản, its "a)" a Điểm), and how many lines it takes; (None, 0) when the line is neither."""
    heading = legal_heading(text)
    # "Mục 1" is a legal level only under a Chương (elsewhere it numbers table rows and plan items)
    if heading and (heading.level != "muc" or any(k == "chuong" for k, _, _ in stack.entries)):
        title_line = following if not heading.rest and is_title_line(following) else ""
        rest = heading.rest or title_line
        label = heading_label(heading)
        if main_part and not any(k == "part" for k, _, _ in stack.entries):
            stack.start_part(main_part)
        stack.push_legal(heading.level, _heading_title(f"{label}. {rest}" if rest else label))
        # the heading and the title line under it are one block ("Điều 5\nQuyền tiếp cận thông tin")
        full = f"{text}\n{title_line}" if title_line else text
        return Block(full, "heading", stack.path(), lead_in=full.endswith(":")), 1 + bool(title_line)
    if not stack.in_article() or (is_upper_line(text) and text.startswith(_APPENDIX_HEADS)):
        return None, 0
    kind = numbered_kind(text)
    if kind in ("roman", "dotted"):
        return None, 0  # a plan inside an article ("Điều 1. Ban hành Kế hoạch … sau đây:" + "I. MỤC TIÊU")
    clause = stack.open_clause(kind, _marker_of(text)) if kind else stack.clause
    item = is_list_line(text)
    return Block(text, "item" if item else "para", stack.path(), lead_in=text.endswith(":"), clause=clause), 1


def _marker_of(text: str) -> str:
    return re.split(r"[.)\s]", text.strip(), maxsplit=1)[0]


def _is_list_like(text: str, previous: Block) -> bool:
    return previous.lead_in or previous.kind == "item" and text.endswith((";", ".", ":")) and len(text) < 400


def _looks_front_matter(text: str) -> bool:
    return len(text) < 12


def _is_opening_sentence(text: str) -> bool:
    """The body starts with the first real sentence (long, not a title, not the date line)."""
    return len(text) > 120 or (not is_upper_line(text) and text.endswith((".", ":")) and len(text) > 60)


__all__ = ["Block", "parse_structure", "is_list_line"]
