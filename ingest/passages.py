"""Render blocks into the cleaned text and cut it into structure-aware passages with exact offsets."""

from __future__ import annotations

from index.model import OPENING_SECTION, Passage
from ingest.frontmatter import BASIS_RUN_MAX_CHARS, CLOSING_SECTION, ROLES, MatterLine, matter_lines
from ingest.structure import Block
from textnorm.cues import PASSAGE_ROLES
from textnorm.lines import sentence_spans

#: Passages grow block by block up to about this many characters; one long paragraph is cut at sentence ends.
MAX_PASSAGE_CHARS = 900
#: No passage is longer than this, whatever the punctuation: a text without sentence ends (a one-line paste, an
#: inflated PDF stream, a giant table cell) is cut at clause ends, then at spaces (a 1.9 M-character line once
#: became one passage and took 4 GB to index). Twice the soft limit: a long table row or sentence stays whole.
HARD_MAX_PASSAGE_CHARS = 2 * MAX_PASSAGE_CHARS
#: Where a forced cut looks for a clause end or a space: not before this share of the hard limit.
_CUT_FROM = 0.5
_CLAUSE_ENDS = ";:,)"


def bounded_spans(text: str, start: int, end: int, limit: int = HARD_MAX_PASSAGE_CHARS) -> list[tuple[int, int]]:
    """``[start, end)`` cut into spans of at most ``limit`` characters: after the last clause end (";", ":", ",")
    in the second half of the window, else at the last space, else at the limit; spaces at a cut are left out.

    >>> t = "Sở Nội vụ, Sở Tư pháp, Sở Y tế, Sở Xây dựng"
    >>> [t[s:e] for s, e in bounded_spans(t, 0, len(t), 24)]
    ['Sở Nội vụ, Sở Tư pháp,', 'Sở Y tế, Sở Xây dựng']
    >>> u = "abcdefghij"
    >>> [u[s:e] for s, e in bounded_spans(u, 0, 10, 4)]
    ['abcd', 'efgh', 'ij']
    """
    out: list[tuple[int, int]] = []
    while end - start > limit:
        window = text[start: start + limit]
        lo = int(limit * _CUT_FROM)
        cut = max(window.rfind(c, lo) for c in _CLAUSE_ENDS) + 1
        if cut <= lo:
            cut = window.rfind(" ", lo)
        if cut <= lo:
            cut = limit
        piece_end = start + cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        out.append((start, piece_end))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))
    return out


def render_blocks(blocks: list[Block]) -> tuple[str, list[tuple[int, int]]]:
    """Join blocks into one text; returns the text and each block's ``[start, end)``.

    >>> blocks = [Block("1. Mục đích", "heading", ("1. Mục đích",)), Block("- Kiểm tra.", "item", ("1. Mục đích",))]
    >>> text, spans = render_blocks(blocks)
    >>> text, spans
    ('1. Mục đích\\n- Kiểm tra.', [(0, 11), (12, 23)])
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    previous: Block | None = None
    for block in blocks:
        if previous is not None:
            sep = "\n\n" if (block.section != previous.section or block.kind in ("heading", "table_row")) else "\n"
            parts.append(sep)
            pos += len(sep)
        parts.append(block.text)
        spans.append((pos, pos + len(block.text)))
        pos += len(block.text)
        previous = block
    return "".join(parts), spans


#: Text of a front- or end-matter block outside its units becomes a passage from this many words on (a flattened
#: header line with the body run into it); fewer are separators and scraps ("|", "-", "số").
REMAINDER_MIN_WORDS = 3


def _pieces(block: Block, span: tuple[int, int], cut: tuple[int, int] | None = None) -> list[tuple[int, int]]:
    """A block (or the part ``cut`` of it, offsets in the block), or its sentences when it is longer than a
    passage."""
    lo, hi = cut or (0, len(block.text))
    start, end = span[0] + lo, span[0] + hi
    if end - start <= MAX_PASSAGE_CHARS or block.kind == "table_row":
        return [(start, end)]
    out: list[tuple[int, int]] = []
    for s, e in ((start + s, start + e) for s, e in sentence_spans(block.text[lo:hi], clauses=True)):
        if out and e - out[-1][0] <= MAX_PASSAGE_CHARS:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _remainders(text: str, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of a block's ``text`` that no unit covers and that hold at least :data:`REMAINDER_MIN_WORDS` words.

    >>> t = "CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM KẾ HOẠCH Kiểm tra công tác cải cách hành chính"
    >>> [t[s:e] for s, e in _remainders(t, [(0, 33)])]
    ['KẾ HOẠCH Kiểm tra công tác cải cách hành chính']
    """
    out: list[tuple[int, int]] = []
    pos = 0
    for s, e in sorted(covered) + [(len(text), len(text))]:
        gap = text[pos:s]
        if s > pos and len(gap.split()) >= REMAINDER_MIN_WORDS:
            lead = len(gap) - len(gap.lstrip(" |-–,;:"))
            trail = len(gap.rstrip(" |-–,;:"))
            out.append((pos + lead, pos + trail))
        pos = max(pos, e)
    return out


def _unit_groups(units: list[MatterLine], blocks: list[Block], spans: list[tuple[int, int]]) -> dict[int, list]:
    """Front- and end-matter units grouped into passages, keyed by the index of their first block.

    Consecutive units of one role are one passage; a run of legal bases is one passage only when it is short.
    """
    runs: list[tuple[str, list[tuple[int, int, int]]]] = []
    for u in units:
        s, e = spans[u.block][0] + u.start, spans[u.block][0] + u.end
        if runs and runs[-1][0] == u.role and runs[-1][1][-1][2] >= u.block - 1:
            runs[-1][1].append((s, e, u.block))
        else:
            runs.append((u.role, [(s, e, u.block)]))
    groups: dict[int, list] = {}
    for role, members in runs:
        if role not in PASSAGE_ROLES:
            continue
        section = (CLOSING_SECTION,) if role in ("signature", "recipients") else (OPENING_SECTION,)
        pieces = [members]
        if role == "basis" and members[-1][1] - members[0][0] > BASIS_RUN_MAX_CHARS:
            pieces = [[m] for m in members]
        for piece in pieces:
            groups.setdefault(piece[0][2], []).append(
                (section, role, [(s, e, blocks[b]) for s, e, b in piece]))
    return groups


def _carried(members: list[tuple[int, int, Block]], block: Block, end: int) -> int:
    """How many trailing blocks of a full passage move on with ``block`` (ending at ``end``) to the next passage.

    Inside an article the cut falls at a Khoản boundary: the blocks already taken from ``block``'s Khoản move on
    when that Khoản fits in one passage. Otherwise a lead-in moves on with the list it introduces. The passage left
    behind always keeps a block that is not a heading (an article's title stays with its body).
    """
    n = 0
    khoan = block.clause[:1]
    if khoan and khoan[0].startswith("Khoản"):
        while n < len(members) and members[-1 - n][2].clause[:1] == khoan:
            n += 1
        if n and end - members[-n][0] > MAX_PASSAGE_CHARS:
            n = 0  # the Khoản alone is longer than a passage: cut inside it
    if not n and members[-1][2].lead_in:
        n = 1
    while n and all(b.kind == "heading" for _, _, b in members[:-n]):
        n -= 1
    return n


#: Characters a heading may have beyond its section title and still be named by it ("Chương I\nX" vs "Chương I. X").
_TITLE_SLACK = 3


def _named_by_path(block: Block) -> bool:
    """True when the section path holds the whole heading (a long heading such as "Điều 1. Ban hành Kế hoạch …, với
    những nội dung sau đây:" is shortened there, so its text must stay in a passage)."""
    return not block.section or len(block.text) <= len(block.section[-1]) + _TITLE_SLACK


def split_into_passages(doc_id: str, text: str, blocks: list[Block], spans: list[tuple[int, int]],
                        metadata: dict | None = None, units: list[MatterLine] | None = None) -> list[Passage]:
    """Group blocks of one section into passages; a lead-in sentence stays with the list that follows it.

    Args:
        doc_id: document id, used to build passage ids ``{doc_id}:{n}``.
        text: the cleaned text returned by :func:`render_blocks`.
        blocks: the blocks, in order.
        spans: each block's offsets in ``text``.
        metadata: document metadata copied into every passage.
        units: the blocks' front- and end-matter units, when the caller has them (else they are found here).

    Returns:
        Passages with ``text[p.start:p.end] == p.text``; a passage never spans two sections.
    """
    units = matter_lines(blocks) if units is None else units
    return _passages_of(_grouped(blocks, spans, units), text, doc_id, metadata or {})


#: A group of blocks that becomes one passage (or several, when too long): its section path, its kind, its members
#: (start, end, block).
_Group = tuple[tuple[str, ...], str, list[tuple[int, int, Block]]]


def _grouped(blocks: list[Block], spans: list[tuple[int, int]], units: list[MatterLine]) -> list[_Group]:
    """Blocks grouped into would-be passages: front- and end-matter units on their own, a section's blocks together
    up to :data:`MAX_PASSAGE_CHARS`, a table row alone, a dangling lead-in carried to the next group."""
    unit_groups = _unit_groups(units, blocks, spans)
    in_units: dict[int, list[tuple[int, int]]] = {}
    for u in units:
        in_units.setdefault(u.block, []).append((u.start, u.end))
    groups: list[_Group] = []
    for index, (block, span) in enumerate(zip(blocks, spans)):
        groups.extend(unit_groups.get(index, []))
        if block.kind == "closing" and index not in in_units:
            continue
        cuts = _remainders(block.text, in_units[index]) if index in in_units else [None]
        for s, e in (piece for cut in cuts for piece in _pieces(block, span, cut)):
            current = groups[-1] if groups else None
            same_section = (current is not None and current[0] == block.section
                            and current[1] not in ("table_row", *ROLES)
                            and block.kind != "heading")  # a heading opens a passage (also a repeated one)
            fits = same_section and e - current[2][0][0] <= MAX_PASSAGE_CHARS
            if block.kind == "table_row" or not fits:
                carry = _carried(current[2], block, e) if same_section and block.kind != "table_row" else 0
                if carry:
                    # a dangling lead-in, or the start of the Khoản being cut, moves to the new passage
                    carried = current[2][-carry:]
                    del current[2][-carry:]
                    groups.append((block.section, block.kind, carried + [(s, e, block)]))
                    continue
                groups.append((block.section, block.kind, [(s, e, block)]))
            else:
                current[2].append((s, e, block))
    return groups


def _passages_of(groups: list[_Group], text: str, doc_id: str, metadata: dict) -> list[Passage]:
    """The passages of the groups, in order (a title over its sub-sections, or a table's group row over its rows, is
    no passage of its own: it lives on in their section paths)."""
    passages: list[Passage] = []
    for n, (section, kind, members) in enumerate(groups):
        following = groups[n + 1][0] if n + 1 < len(groups) else ()
        # a title over sub-sections, or a table's group row over its rows: both live on in their section paths
        is_title = (len(following) > len(section) and following[: len(section)] == section) or (
            n + 1 < len(groups) and following == section and groups[n + 1][1] == "table_row")
        if is_title and all(b.kind == "heading" and _named_by_path(b) for _, _, b in members):
            continue
        kinds = {b.kind for _, _, b in members}
        passage_kind = kind if kind in ("table_row", *ROLES) else ("list" if "item" in kinds else "text")
        for start, end in bounded_spans(text, members[0][0], members[-1][1]):
            passages.append(
                Passage(
                    id=f"{doc_id}:{len(passages)}",
                    doc_id=doc_id,
                    text=text[start:end],
                    start=start,
                    end=end,
                    section=" > ".join(section),
                    kind=passage_kind,
                    metadata=dict(metadata),
                )
            )
    return passages


__all__ = ["render_blocks", "split_into_passages", "bounded_spans", "MAX_PASSAGE_CHARS", "HARD_MAX_PASSAGE_CHARS"]
