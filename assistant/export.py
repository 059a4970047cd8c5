"""Exports of answers and whole conversations with their citations (label, section, quote, file): Markdown, .docx.

>>> from assistant.types import Answer, Citation
>>> c = Citation(1, "kg-36", "Kiểm tra CCHC", "corpus/kg.txt", "II. THỜI GIAN", "Quý III/2021", 10, 22,
...              label="Kế hoạch 36/KH-UBND – Kiên Giang, 2021")
>>> md = answer_to_markdown(Answer("Khi nào?", "Trong quý III/2021 [1].", citations=[c]))
>>> "Kế hoạch 36/KH-UBND – Kiên Giang, 2021" in md and "> Quý III/2021" in md and "kg.txt" in md
True
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import PurePath

from assistant.types import MODE_LABELS, Answer, Turn


def _quote_block(text: str) -> str:
    lines = (text or "").replace("\r\n", "\n").split("\n")
    return "\n".join("   > " + line if line.strip() else "   >" for line in lines)


def answer_to_markdown(answer: Answer) -> str:
    """A self-contained Markdown record of one answer: question, answer text, notices, numbered citations."""
    out = ["# Trợ lý CCHC – câu trả lời", "", "## Câu hỏi", "", answer.question.strip(), "", "## Trả lời", "",
           (answer.text or "").strip(), ""]
    if answer.abstained:
        out += ["_Trợ lý không tìm thấy câu trả lời trong các văn bản đã nạp._", ""]
    if answer.notice:
        out += [f"_Lưu ý: {answer.notice}_", ""]
    out += [f"_Chế độ trả lời: {MODE_LABELS.get(answer.mode, answer.mode)}_", ""]
    if answer.citations:
        out += ["## Trích dẫn", ""]
        for c in answer.citations:
            label = c.label or c.title or c.doc_id
            out.append(f"{c.n}. **[{c.n}] {label}**")
            if c.title and c.title not in label:
                out.append(f"   - Tiêu đề: {c.title}")
            if c.section:
                out.append(f"   - Mục: {c.section}")
            out.append(f"   - Tệp: {file_name(c.source)} (ký tự {c.start}–{c.end})")
            out.append("")
            out.append(_quote_block(c.quote))
            out.append("")
    if answer.unsupported:
        out += ["## Câu chưa có trích dẫn hợp lệ", ""] + [f"- {s}" for s in answer.unsupported] + [""]
    return "\n".join(out).rstrip() + "\n"


def file_name(source: str) -> str:
    """The file name of a stored source path, never the server's folders.

    >>> file_name("/srv/app/data/uploads/Kế hoạch 36.docx"), file_name("corpus/a.txt")
    ('Kế hoạch 36.docx', 'a.txt')
    """
    return PurePath(str(source or "").replace("\\", "/")).name


def conversation_to_markdown(turns: Sequence[Turn], title: str = "") -> str:
    """A whole conversation: each question and answer with its numbered citations (section and quote).

    >>> from assistant.types import Citation
    >>> c = Citation(1, "d", "T", "corpus/d.txt", "II. THỜI GIAN", "Quý III", 0, 7, label="Kế hoạch 1/KH – Hà Nam")
    >>> md = conversation_to_markdown([Turn("Khi nào?", Answer("Khi nào?", "Quý III [1].", citations=[c]))])
    >>> "## 1. Khi nào?" in md and "[1] Kế hoạch 1/KH – Hà Nam" in md and "> Quý III" in md
    True
    """
    out = [f"# {title or 'Trợ lý CCHC – cuộc trò chuyện'}", ""]
    for i, turn in enumerate(turns, 1):
        answer = turn.answer
        out += [f"## {i}. {turn.question.strip()}", ""]
        if turn.scope:
            out += ["_Lọc: " + " · ".join(v for values in turn.scope.values() for v in values) + "_", ""]
        out += [(answer.text or "").strip(), ""]
        for c in answer.citations:
            out.append(f"- **[{c.n}] {c.label or c.title or c.doc_id}**" + (f" — {c.section}" if c.section else ""))
            out.append(_quote_block(c.quote))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def conversation_to_docx(turns: Sequence[Turn], title: str = "") -> bytes:
    """The conversation as a Word document (python-docx): question, answer, numbered citations with document,
    section and quote."""
    from docx import Document

    doc = Document()
    doc.add_heading(title or "Trợ lý CCHC – cuộc trò chuyện", level=1)
    for i, turn in enumerate(turns, 1):
        answer = turn.answer
        doc.add_heading(f"{i}. {turn.question.strip()}", level=2)
        if turn.scope:
            doc.add_paragraph().add_run("Lọc: " + " · ".join(v for vs in turn.scope.values() for v in vs)).italic = True
        for line in (answer.text or "").strip().split("\n"):
            if line.strip():
                doc.add_paragraph(line.replace("**", "").strip())
        if answer.citations:
            doc.add_paragraph("Trích dẫn").runs[0].bold = True
        for c in answer.citations:
            head = doc.add_paragraph()
            head.add_run(f"[{c.n}] {c.label or c.title or c.doc_id}").bold = True
            if c.section:
                head.add_run(f" — {c.section}")
            doc.add_paragraph(c.quote, style="Quote")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


__all__ = ["answer_to_markdown", "conversation_to_markdown", "conversation_to_docx", "file_name"]
