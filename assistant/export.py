"""Markdown export of an answer with its citations (label, section, quote, source).

>>> from assistant.types import Answer, Citation
>>> c = Citation(1, "kg-36", "Kiểm tra CCHC", "corpus/kg.txt", "II. THỜI GIAN", "Quý III/2021", 10, 22,
...              label="Kế hoạch 36/KH-UBND – Kiên Giang, 2021")
>>> md = answer_to_markdown(Answer("Khi nào?", "Trong quý III/2021 [1].", citations=[c]))
>>> "Kế hoạch 36/KH-UBND – Kiên Giang, 2021" in md and "> Quý III/2021" in md and "corpus/kg.txt" in md
True
"""

from __future__ import annotations

from assistant.types import Answer

_MODE_LABELS = {"grounded": "Trích dẫn (không cần LLM)", "llm": "LLM",
                "schedule": "Lịch kiểm tra (trích dẫn, không cần LLM)"}  # schedule hook (issue 14)


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
    out += [f"_Chế độ trả lời: {_MODE_LABELS.get(answer.mode, answer.mode)}_", ""]
    if answer.citations:
        out += ["## Trích dẫn", ""]
        for c in answer.citations:
            label = c.label or c.title or c.doc_id
            out.append(f"{c.n}. **[{c.n}] {label}**")
            if c.title and c.title not in label:
                out.append(f"   - Tiêu đề: {c.title}")
            if c.section:
                out.append(f"   - Mục: {c.section}")
            out.append(f"   - Nguồn: `{c.source}` (ký tự {c.start}–{c.end})")
            out.append("")
            out.append(_quote_block(c.quote))
            out.append("")
    if answer.unsupported:
        out += ["## Câu chưa có trích dẫn hợp lệ", ""] + [f"- {s}" for s in answer.unsupported] + [""]
    return "\n".join(out).rstrip() + "\n"


__all__ = ["answer_to_markdown"]
