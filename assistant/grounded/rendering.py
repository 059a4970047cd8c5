"""Rendering: the selected units written as the answer's text, each quote an exact span of its document (a long unit
cut to its clauses that carry the question's words), numbered as citations in the order they appear."""

from __future__ import annotations

import re

from assistant.grounded.config import GroundedConfig
from assistant.grounded.scoring import NUMERAL
from assistant.grounded.selection import Selection
from assistant.grounded.units import QuotedSpan, result_label, said_weight
from assistant.types import Citation
from textnorm.citations import disarm_markers
from textnorm.cues import AnswerType
from textnorm.lines import strip_bullet
from textnorm.patterns import CITED_DOCUMENT_DATE, DOCUMENT_REFERENCE, RELATIVE_TIME, TIME_EXPRESSION

_ROW_FIELD = re.compile(r"^([^:\n]{2,40}):\s*(.+)$")
_CLAUSE_END = re.compile(r"[,;:]\s+")


def quote_span(unit: QuotedSpan, weights: dict[str, float], limit: int, wanted: re.Pattern | None = None, *,
               context_chars: int) -> tuple[int, int, str]:
    """The unit, or its run of clauses that carries most of the question's words (and the asked kind of answer,
    ``wanted``, read with the ``context_chars`` before it) when it is longer than ``limit`` (still an exact span of
    the document). A clause longer than ``limit`` is a candidate too, cut at a word. A run that cuts a quotation the
    unit opens and closes (:func:`cuts_quotation`) is none: its commas are the quotation's, not clause ends.

    >>> u = QuotedSpan(None, 100, 133, "Thực hiện công văn số 5 và 6, như sau:", "lead_in")
    >>> quote_span(u, {}, 24, context_chars=40)  # the long first clause, cut at a word, not "như sau"
    (100, 123, 'Thực hiện công văn số 5')
    >>> u = QuotedSpan(None, 0, 75, "Tỉnh cải cách, với phương châm “Kỷ cương, liêm chính, hiệu quả”.", "sentence")
    >>> quote_span(u, {"phuong": 1.0, "cham": 1.0}, 60, context_chars=40)[2]
    'với phương châm “Kỷ cương, liêm chính, hiệu quả”.'
    """
    if len(unit.text) <= limit:
        return unit.start, unit.end, unit.text
    cuts = [0] + [m.end() for m in _CLAUSE_END.finditer(unit.text)] + [len(unit.text)]
    paired = not cuts_quotation(unit.text)  # a unit whose own quotation marks pair: no quote of it cuts one
    best: tuple[bool, float, int, int] | None = None
    for i, a in enumerate(cuts[:-1]):
        for b in cuts[i + 1:]:
            too_long = b - a > limit
            if too_long and b > cuts[i + 1]:
                break  # a run of clauses past the limit
            if too_long:
                b = _word_cut(unit.text, a, limit)  # one clause past the limit: its words up to the limit
            # most of the question's words and the asked kind of answer; then the longest run
            value = said_weight(unit.text[a:b], weights) + 0.0001 * (b - a) - 0.00001 * a
            if wanted is not None:
                value += _answer_context(unit.text[a:b], wanted, weights, context_chars)
            # "phương châm “Kỷ cương": a quotation is quoted whole, a run cutting one only when every run does
            whole = not (paired and not too_long and cuts_quotation(unit.text[a:b]))
            if unit.text[a:b].strip(" ,;:") and (best is None or (whole, value) > best[:2]):
                best = (whole, value, a, b)
            if too_long:
                break
    _, _, a, b = best if best is not None else (True, 0.0, 0, _word_cut(unit.text, 0, limit))
    text = unit.text[a:b].rstrip(" ,;:")
    return unit.start + a, unit.start + a + len(text), text


#: Quotation marks that open and close a quoted name, slogan or title (“…”, «…»): its commas are not clause ends.
_QUOTATION_MARKS = (("“", "”"), ("«", "»"))


def cuts_quotation(text: str) -> bool:
    """The text opens a quotation it does not close, or closes one it did not open: a quote cut there stops inside a
    quoted name, slogan or title (its commas read as clause ends) and loses what the quotation says.

    >>> cuts_quotation("với phương châm hành động “Kỷ cương"), cuts_quotation("liêm chính, hành động”")
    (True, True)
    >>> cuts_quotation("với phương châm “Kỷ cương, liêm chính”, hiệu quả"), cuts_quotation("không có ngoặc")
    (False, False)
    """
    return any(text.count(opening) != text.count(closing) for opening, closing in _QUOTATION_MARKS)


def item_head(unit: QuotedSpan, limit: int) -> tuple[int, int, str]:
    """A list item quoted from its start (its number and the thing it names), cut at a word within ``limit``.

    >>> item_head(QuotedSpan(None, 50, 80, "2. Nghị định số 5 sửa đổi điều 3", "item"), 20)
    (50, 67, '2. Nghị định số 5')
    """
    end = len(unit.text) if len(unit.text) <= limit else _word_cut(unit.text, 0, limit)
    text = unit.text[:end].rstrip(" ,;:")
    return unit.start, unit.start + len(text), text


def _word_cut(text: str, start: int, limit: int) -> int:
    """The end of the words of ``text`` from ``start`` that fit in ``limit`` characters (a hard cut when one word is
    longer than half of it).

    >>> _word_cut("một hai ba bốn", 0, 9)
    7
    """
    end = text.rfind(" ", start, start + limit + 1)
    return end if end > start + limit // 2 else min(len(text), start + limit)


def _answer_context(window: str, wanted: re.Pattern, weights: dict[str, float], context_chars: int) -> float:
    """The weight of the question's words before the best match of the asked kind of answer in ``window`` (and
    after it for a document's number: "Kế hoạch số 266/KH-UBND ngày 16/12/2020 … về Tuyên truyền CCHC" names the
    document after it): the quote keeps the date or number that is said about what the question asks ("… tỉnh Sơn La
    giai đoạn 2018 - 2020"), not another one."""
    best = 0.0
    after = context_chars if wanted is DOCUMENT_REFERENCE else 0  # a date or an amount is said after its subject
    for m in wanted.finditer(window):
        best = max(best, said_weight(window[max(0, m.start() - context_chars): m.end() + after], weights))
    return best


def row_quote(unit: QuotedSpan) -> tuple[int, int, str]:
    """A table row is cited by its first cell's value: cells are verbatim in the source, the column names the row
    passage adds are not.

    >>> u = QuotedSpan(None, 10, 40, "Mục 3.\\nNội dung: Kiểm tra\\nChủ trì: Sở Nội vụ", "row")
    >>> row_quote(u)
    (27, 35, 'Kiểm tra')
    """
    pos = 0
    for line in unit.text.split("\n"):
        m = _ROW_FIELD.match(line)
        if m:
            start = unit.start + pos + m.start(2)
            return start, start + len(m.group(2)), m.group(2)
        pos += len(line) + 1
    return unit.start, unit.end, unit.text


def _row_display(text: str) -> str:
    fields = [m.groups() for m in (_ROW_FIELD.match(line) for line in text.split("\n")) if m]
    return "; ".join(f"{col}: {val}" for col, val in fields) if fields else text


def _display(unit: QuotedSpan, quote: str, n: int, trimmed_front: bool, trimmed_back: bool) -> list[str]:
    """Answer lines for one quoted unit; lists keep their lines, headings stay on their own line."""
    mark = f"[{n}]"
    quote = disarm_markers(quote)  # a document's own "[1]" cannot pose as a citation
    if unit.kind == "row":
        return [f"{_row_display(unit.text)} {mark}"]
    lines = [ln.strip() for ln in quote.split("\n") if ln.strip()]
    if unit.kind == "header" or unit.role == "signature":
        lines = [" – ".join(lines)]  # a signature block or a header reads as one line
    elif unit.kind == "sentence":
        lines = [" ".join(lines)]  # a sentence wrapped over two lines reads as one
    if len(lines) == 1:
        text = ("…" if trimmed_front else "") + lines[0] + ("…" if trimmed_back else "")
        return [f"{text} {mark}"]
    out = [lines[0]]
    out += ["  - " + strip_bullet(ln) for ln in lines[1:]]
    out[-1] += f" {mark}"
    return out




class _Writer:
    """Numbers citations in the order they appear in the text."""

    def __init__(self, weights: dict[str, float], cfg: GroundedConfig, wanted: re.Pattern | None = None) -> None:
        self.weights, self.cfg, self.wanted = weights, cfg, wanted
        self.citations: list[Citation] = []

    def cite(self, unit: QuotedSpan) -> list[str]:
        citation = unit_citation(unit, len(self.citations) + 1, self.weights, self.cfg, self.wanted)
        self.citations.append(citation)
        return _display(unit, citation.quote, citation.n, citation.start > unit.start, citation.end < unit.end)


def unit_citation(unit: QuotedSpan, n: int, weights: dict[str, float], cfg: GroundedConfig,
                  wanted: re.Pattern | None = None) -> Citation:
    """Citation ``n`` of a unit, in both modes: a table row by its first cell (:func:`row_quote`), a list or header
    line whole, any other unit cut to :attr:`GroundedConfig.max_quote_chars` around the words of ``weights``
    (:func:`quote_span`); the quote is an exact span of the document's cleaned text."""
    # a list, a row, a header line and an enumeration answering a list question are quoted whole: cut, a list
    # loses its last items ("…; văn thư, lưu trữ nhà nước" after the limit)
    whole = unit.kind in ("list", "row", "header") or (unit.answers_list and unit.kind != "item")
    limit = 10 ** 6 if whole else cfg.max_quote_chars
    if unit.kind == "row":
        start, end, quote = row_quote(unit)
    elif unit.kind == "item" and unit.answers_list:
        start, end, quote = item_head(unit, limit)  # an item of a list answer keeps its number and what it names
    else:
        start, end, quote = quote_span(unit, weights, limit, wanted, context_chars=cfg.answer_context_chars)
    md = unit.result.doc_metadata
    return Citation(n=n, doc_id=unit.doc_id, title=unit.result.document.title or unit.doc_id,
                    source=md.get("source", ""), section=unit.result.passage.section, quote=quote, start=start,
                    end=end, label=result_label(unit.result),
                    metadata={k: v for k, v in md.items() if isinstance(v, str)})


#: What a quote of a long unit should keep for each asked kind of answer.
_TIME_WANTED = re.compile(TIME_EXPRESSION.pattern + "|" + RELATIVE_TIME.pattern, re.IGNORECASE)
#: A document's number and date asked of a unit that cites it ("là kế hoạch số mấy, ngày nào" of a post) are its
#: reference and a date, as a basis and a time are.
_WANTED = {AnswerType.TIME: _TIME_WANTED, AnswerType.ISSUE_DATE: _TIME_WANTED,
           AnswerType.BASIS: DOCUMENT_REFERENCE, AnswerType.NUMBER: DOCUMENT_REFERENCE, AnswerType.AMOUNT: NUMERAL}


def write_answer(selection: Selection, weights: dict[str, float], cfg: GroundedConfig,
                  types: tuple[str, ...] = ()) -> tuple[str, list[Citation]]:
    """The answer text: the direct answer (or one list per document), then support grouped by document."""
    wanted = next((_WANTED[t] for t in types if t in _WANTED), None)
    writer = _Writer(weights, cfg, wanted)
    lines: list[str] = []
    if selection.direct:
        first = selection.direct[0]
        parts = [writer.cite(u) for u in selection.direct]
        if all(len(p) == 1 for p in parts) and len(parts) <= cfg.inline_direct_units:
            lines.append(f"**{result_label(first.result)}**: " + " · ".join(p[0] for p in parts))
        else:
            lines.append(f"**{result_label(first.result)}**:")
            for p in parts:
                lines.extend(["- " + strip_bullet(p[0])] + p[1:])
    for unit in selection.lists:  # a list question: one enumeration per document, after the lead's own answer
        body = writer.cite(unit)
        lines.append(f"**{result_label(unit.result)}**{_period(unit)}: {body[0]}")
        lines.extend(body[1:])
    if selection.support:
        lines.append("")
        lines.append("Chi tiết:")
        shown_lead = {u.doc_id for u in selection.direct + selection.lists}
        for doc_id, units in selection.support.items():
            units = sorted(units, key=lambda u: u.start)
            shared = doc_id in shown_lead and len(selection.support) == 1
            prefix = "" if shared else f"{result_label(units[0].result)}: "
            for unit in units:
                body = writer.cite(unit)
                lines.append(f"- {prefix}{strip_bullet(body[0])}")
                lines.extend("  " + ln for ln in body[1:])
    return "\n".join(lines).strip(), writer.citations


def _period(unit: QuotedSpan) -> str:
    """The period a list belongs to, when its section heading or lead-in states one (", quý III")."""
    for text in (unit.text.split("\n", 1)[0], unit.result.passage.section):
        m = TIME_EXPRESSION.search(CITED_DOCUMENT_DATE.sub(" ", text))
        if m:
            return f", {m.group(0)}"
    return ""


