"""Read a plan's reform tasks from its table rows (its prose assignments: :mod:`ingest.tasks.prose`).

Tables. Every table form ingest reads — one-cell-per-line tables ("STT | NỘI DUNG | … " as the bundled plan's
appendix), pipe tables ("| 1 | … |"), Word tables (the loader renders each row as a pipe row) — reaches the cleaned
text as one record per row (:func:`ingest.structure._render_row`): a "Mục N." line, then one "Column: value" line per
non-empty cell. A record is a task when its columns, mapped by their words (:data:`COLUMN_ROLES`), give a content and a
lead agency. The reform area is the roman-numbered row above it ("I | CẢI CÁCH THỂ CHẾ"): a row of its own in a pipe
table, the table group of the record's section path in a one-cell table. A header repeated on each page is a row whose
values are its column names (skipped); a one-cell table cut by a repeated header goes on with the area it had.

Every span is an offset pair into ``doc.text``.

>>> from ingest.document import build_document
>>> src = ("KẾ HOẠCH\\nCải cách hành chính năm 2030\\n\\n"
...        "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\\n"
...        "| I | CẢI CÁCH THỂ CHẾ | | | |\\n| 1 | Rà soát văn bản QPPL | Sở Tư pháp | Sở Nội vụ | Quý II |\\n")
>>> doc = build_document("kh", "kh.txt", src)
>>> [(t.area, t.content, t.lead, t.partners, t.deadline_text) for t in table_tasks(doc)]
[('I. CẢI CÁCH THỂ CHẾ', 'Rà soát văn bản QPPL', 'Sở Tư pháp', ('Sở Nội vụ',), 'Quý II')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from index.model import Document
from index.task_facts import Span, Stage, TaskFact
from ingest.structure import ALPHA_CELL as _ALPHA
from ingest.structure import ROMAN_CELL as _ROMAN
from textnorm.deadlines import read_deadline
from textnorm.patterns import AGENCY
from textnorm.periods import fold_same_length

#: The role of a table column by the words of its header (folded), first match wins: a deadline column before the
#: lead ("Thời gian thực hiện" is a time, "Đơn vị thực hiện" a lead), partners before the lead ("Cơ quan phối hợp").
COLUMN_ROLES = (
    ("number", re.compile(r"^(?:stt|tt|so tt|so thu tu)$")),
    ("deadline", re.compile(r"\b(?:thoi gian|thoi han|tien do|han hoan thanh|thoi diem)\b")),
    ("partners", re.compile(r"\bphoi hop\b")),
    ("lead", re.compile(r"\b(?:chu tri|thuc hien|tham muu|trach nhiem)\b")),
    ("product", re.compile(r"\b(?:san pham|ket qua|hinh thuc)\b")),
    ("note", re.compile(r"\bghi chu\b")),
    ("content", re.compile(r"\b(?:noi dung|nhiem vu|cong viec|hoat dong|ten)\b")),
)
#: The first line of a rendered table row.
_RECORD_HEAD = re.compile(r"^Mục (?P<number>[\w.]{1,8})\.$")
#: One "Column: value" line of a rendered row (a column name is short and has no colon).
_FIELD = re.compile(r"^(?P<label>[^:\n]{1,80}): (?P<value>.*\S)\s*$")
#: A section-path component opened by a roman number: a reform area ("I. CẢI CÁCH THỂ CHẾ").
_ROMAN_COMPONENT = re.compile(r"^[IVXLC]+\.\s")
#: Where partners divide: ";", or a comma or "và" before another agency ("Các sở, ban, ngành tỉnh và UBND cấp huyện"
#: is two; "Sở Văn hóa, Thể thao và Du lịch" is one).
_PARTNER_SPLIT = re.compile(r"\s*;\s*|\s*(?:,|\bvà\b)\s*(?=(?:[Cc]ác\s+(?:cơ quan|đơn vị|Sở|sở)\b|" + AGENCY.pattern
                            + r"))")
@dataclass
class _Field:
    role: str
    label: str
    start: int
    end: int


@dataclass
class _Record:
    number: str
    start: int
    end: int
    fields: list[_Field] = field(default_factory=list)

    def get(self, role: str) -> _Field | None:
        """The row's cell of that role: the first one, but for a deadline the last ("Thời gian bắt đầu | Thời gian
        hoàn thành": the task is due at the second)."""
        cells = [f for f in self.fields if f.role == role]
        return (cells[-1] if role == "deadline" else cells[0]) if cells else None


def column_role(label: str) -> str:
    """The role of a column by the words of its header ("" when none applies).

    >>> [column_role(c) for c in ("STT", "Nội dung", "Cơ quan chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện")]
    ['number', 'content', 'lead', 'partners', 'deadline']
    >>> [column_role(c) for c in ("Sản phẩm", "Tiến độ", "NHIỆM VỤ", "Ghi chú", "Kinh phí")]
    ['product', 'deadline', 'content', 'note', '']
    """
    folded = fold_same_length(label).strip()
    return next((role for role, pattern in COLUMN_ROLES if pattern.search(folded)), "")


def _records(text: str) -> list[_Record]:
    """The rendered table rows of the text, with each value's span."""
    records: list[_Record] = []
    current: _Record | None = None
    for line in re.finditer(r"[^\n]*", text):
        body = line.group()
        head = _RECORD_HEAD.match(body)
        found = _FIELD.match(body) if current is not None and not head else None
        if head:
            current = _Record(head.group("number"), line.start(), line.end())
            records.append(current)
        elif found and current is not None:
            start, end = line.start() + found.start("value"), line.start() + found.end("value")
            label = found.group("label")
            current.fields.append(_Field(column_role(label), label, start, end))
            current.end = end
        elif line.start() != line.end() or body.strip():
            current = None
    return [r for r in records if r.fields]


def records_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the text's rendered table rows (what prose reading leaves to the tables)."""
    return [(r.start, r.end) for r in _records(text)]


def _is_header_repeat(record: _Record, text: str) -> bool:
    """A header row repeated on a new page: its values are its column names."""
    return all(fold_same_length(text[f.start:f.end]).strip(" :") == fold_same_length(f.label).strip()
               for f in record.fields)


def _area_row(record: _Record, text: str) -> tuple[str, str, Span] | None:
    """("roman" | "alpha", label, span of its title) when the row is a reform area's or sub-group's row."""
    number, content = record.get("number"), record.get("content")
    if content is None or record.get("lead") is not None:
        return None
    marker = text[number.start:number.end].strip() if number else ""
    title = text[content.start:content.end]
    if _ROMAN.match(marker):
        return "roman", f"{marker.rstrip('.')}. {title}", Span(content.start, content.end)
    if _ALPHA.match(marker):
        return "alpha", f"{marker} {title}", Span(content.start, content.end)
    if not marker and title.isupper():
        return "roman", title, Span(content.start, content.end)
    return None


def split_partners(text: str, start: int, end: int) -> list[tuple[str, Span]]:
    """The partners named in ``text[start:end]``, each with its span.

    >>> cell = "Các sở, ban, ngành tỉnh và UBND cấp huyện; Sở Văn hóa, Thể thao và Du lịch"
    >>> [name for name, _ in split_partners(cell, 0, len(cell))]
    ['Các sở, ban, ngành tỉnh', 'UBND cấp huyện', 'Sở Văn hóa, Thể thao và Du lịch']
    """
    out, last = [], start
    for m in _PARTNER_SPLIT.finditer(text, start, end):
        out.append((last, m.start()))
        last = m.end()
    out.append((last, end))
    spans = []
    for s, e in out:
        while s < e and text[s] in " ,.;":
            s += 1
        while e > s and text[e - 1] in " ,.;":
            e -= 1
        if s < e:
            spans.append((text[s:e], Span(s, e)))
    return spans


def stages_of(deadline: str, year: int | None) -> tuple[Stage, ...]:
    return tuple(Stage(s.label, s.period, s.recurring) for s in read_deadline(deadline, plan_year=year))


class Sections:
    """The section path of any offset of the text (from the passage that holds it), and which path components are
    headings written in the text (the others are table groups, such as a one-cell table's reform areas)."""

    def __init__(self, doc: Document) -> None:
        self.passages = sorted(doc.passages, key=lambda p: p.start)
        self.starts = [p.start for p in self.passages]
        self.text = doc.text
        self._headings: dict[str, list[int]] = {}

    def passage_at(self, offset: int):
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.passages[i] if 0 <= i < len(self.passages) and offset < self.passages[i].end else None

    def path(self, offset: int) -> list[str]:
        passage = self.passage_at(offset)
        return [c.strip() for c in passage.section.split(" > ")] if passage and passage.section else []

    def heading_span(self, component: str, before: int) -> Span | None:
        """The last line opening with ``component`` before offset ``before`` (None: not written in the text)."""
        head = component.rstrip("…")
        if head not in self._headings:
            self._headings[head] = [m.start() for m in re.finditer(r"(?m)^" + re.escape(head), self.text)]
        starts = self._headings[head]
        i = bisect.bisect_left(starts, before) - 1
        return Span(starts[i], starts[i] + len(head)) if i >= 0 else None

    def path_before(self, offset: int) -> list[str]:
        """The section path of the last passage that ends at or before ``offset`` (what a table stands under)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        while i >= 0 and self.passages[i].end > offset:
            i -= 1
        passage = self.passages[i] if i >= 0 else None
        return [c.strip() for c in passage.section.split(" > ")] if passage and passage.section else []

    def area(self, offset: int, base: list[str] | None = None) -> tuple[str, Span | None]:
        """The innermost roman-numbered component of the path at ``offset`` and its heading's span; with ``base``
        (the path a table stands under), only the components the table adds: its groups, which no heading of the
        text writes (span None)."""
        path = self.path(offset)
        if base is not None:
            shared = next((i for i, (a, b) in enumerate(zip(path, base)) if a != b), min(len(path), len(base)))
            path = path[shared:]
        for component in reversed(path):
            if _ROMAN_COMPONENT.match(component):
                return component, None if base is not None else self.heading_span(component, offset)
        return "", None


def _table_fact(doc: Document, record: _Record, area: str, area_span: Span | None, year: int | None) -> TaskFact:
    text = doc.text
    content, lead = record.get("content"), record.get("lead")
    product, partners, deadline = record.get("product"), record.get("partners"), record.get("deadline")
    named = split_partners(text, partners.start, partners.end) if partners else []
    deadline_text = text[deadline.start:deadline.end] if deadline else ""
    number = record.get("number")
    return TaskFact(
        doc.doc_id, area=area, content=text[content.start:content.end],
        product=text[product.start:product.end] if product else "", lead=text[lead.start:lead.end],
        partners=tuple(name for name, _ in named), deadline_text=deadline_text, stages=stages_of(deadline_text, year),
        row=Span(record.start, record.end), content_span=Span(content.start, content.end),
        lead_span=Span(lead.start, lead.end), partner_spans=tuple(span for _, span in named),
        deadline_span=Span(deadline.start, deadline.end) if deadline else None,
        product_span=Span(product.start, product.end) if product else None, area_span=area_span,
        number=text[number.start:number.end].strip() if number else record.number, source_form="table")


def table_tasks(doc: Document, year: int | None = None) -> list[TaskFact]:
    """The tasks of the document's table rows, in document order."""
    text, sections = doc.text, Sections(doc)
    tasks: list[TaskFact] = []
    area, area_span, previous_end, base = "", None, None, []
    for record in _records(text):
        contiguous = previous_end is not None and not text[previous_end:record.start].strip()
        if not contiguous:  # a new table: what it stands under, and no area yet
            area, area_span, base = "", None, sections.path_before(record.start)
        previous_end = record.end
        row_area = _area_row(record, text)
        if row_area is not None:
            if row_area[0] == "roman":
                area, area_span = row_area[1], row_area[2]
            continue
        if _is_header_repeat(record, text) or record.get("content") is None or record.get("lead") is None:
            continue
        group, _ = sections.area(record.start, base)
        if group and area_span is None:
            area = group  # a one-cell table's reform area (not written as a row in the text)
        elif not area:
            area, area_span = sections.area(record.start)
        tasks.append(_table_fact(doc, record, area, area_span, year))
    return tasks


__all__ = ["table_tasks", "column_role", "split_partners", "stages_of", "Sections", "COLUMN_ROLES"]
