"""The default answerer: no LLM, only verbatim sentences, list items and table rows of the passages found.

It selects the units (sentences, list items, rows) that answer the question, keeps a list with its lead-in, groups
them by document (plan, số hiệu, province, year) and follows each quoted span with its [n]. Every citation's quote is
an exact span of the document's cleaned text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.types import Answer, Citation
from index.model import document_label
from ingest.clean import is_upper_line
from retriever.hybrid import SearchResult
from retriever.query import QueryAnalysis
from textnorm import fold_word, syllables
from textnorm.patterns import DOC_NUMBER, asks_when, has_time_expression

#: Words that carry no topic: question words, function words, generic verbs of the domain's questions.
STOPWORDS = frozenset(fold_word(w) for w in """
ai gì nào những các của được là có không thì sao trong về cho và với khi ở tại đâu bằng vào gồm hãy biết tôi
muốn bao nhiêu mấy như thế nào này đó kia một hay hoặc để do từ đến theo ra nên mà rằng cũng đã đang sẽ còn
việc gồm có nhằm bởi vì nữa lúc
""".split())
#: Words before "nào" that ask for a time or an amount, not for members of a list.
_NOT_TARGET = STOPWORDS | {"khi", "luc", "bao", "nam", "thang", "ngay", "quy"}
#: Accented function words that end a list target ("những sở nào" → "sở", but "cơ quan nào" → "cơ quan").
_FUNCTION_WORDS = frozenset("những các của được là có không thì trong về cho và với ở tại vào gồm".split())
MAX_DOCS = 4
MAX_UNITS_PER_DOC = 3
MAX_QUOTE_CHARS = 420
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_HEADING_LINE = re.compile(r"^\s*(?:[IVXLC]+\.|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))\s")
#: Questions about a document's identity, and the lines of its front matter that answer them.
_FIELD_QUESTIONS = (
    (re.compile(r"số hiệu|ký hiệu|so hieu|ky hieu|số văn bản", re.IGNORECASE), re.compile(r"^Số\s*:")),
    (re.compile(r"ngày ban hành|ban hành (ngày|khi nào|lúc nào)|ngay ban hanh|ban hanh ngay", re.IGNORECASE),
     re.compile(r",\s*ngày\s+\d{1,2}\s+tháng|,\s*ngày\s+\d{1,2}/\d{1,2}/\d{4}")),
)
_BULLET = re.compile(r"^[-+*•]\s+")
_ROW_FIELD = re.compile(r"^([^:\n]{2,40}):\s*(.+)$")


@dataclass
class Unit:
    """A quotable piece of a passage: absolute offsets in the document's cleaned text."""

    result: SearchResult
    start: int
    end: int
    text: str
    kind: str  # sentence | item | lead_in | row
    order: int
    score: float = 0.0
    answers_list: bool = False  # an enumeration of what a list question asks for


def content_terms(text: str) -> list[str]:
    """Folded syllables of a question that carry its topic.

    >>> content_terms("Những sở nào được kiểm tra trong quý III?")
    ['so', 'kiem', 'tra', 'quy', 'iii']
    """
    return [w for w in (fold_word(s) for s in syllables(text)) if w not in STOPWORDS]


def split_units(result: SearchResult) -> list[Unit]:
    """Cut a passage into lines (list items, headings, rows) and sentences, with absolute offsets."""
    p = result.passage
    if p.kind == "table_row":
        return [Unit(result, p.start, p.end, p.text, "row", 0)]
    units: list[Unit] = []
    pos = 0
    for line in p.text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        is_item = bool(re.match(r"^\s*(?:[-+*•]|[a-zđ]\)|\d{1,2}[.)]|[IVX]+\.)\s", line))
        if len(line) <= MAX_QUOTE_CHARS:
            kind = "lead_in" if line.rstrip().endswith(":") else ("item" if is_item else "sentence")
            units.append(Unit(result, p.start + line_start, p.start + line_start + len(line), line, kind,
                              len(units)))
            continue
        for m in _SENTENCE.finditer(line):
            text = m.group(0)
            stripped = text.strip()
            if len(stripped) < 3:
                continue
            lead = len(text) - len(text.lstrip())
            s = p.start + line_start + m.start() + lead
            kind = "lead_in" if stripped.endswith(":") else ("item" if is_item and m.start() == 0 else "sentence")
            units.append(Unit(result, s, s + len(stripped), stripped, kind, len(units)))
    return units + _list_units(units, p) + _headed_units(units, p)


def _headed_units(units: list[Unit], passage) -> list[Unit]:
    """A section heading with the line under it ("2. Văn phòng … và các Sở: Tư pháp, …" + "Cử công chức …"):
    the heading often names who the sentence is about."""
    if len(units) < 2 or units[0].start != passage.start or not _HEADING_LINE.match(units[0].text):
        return []
    second = units[1]
    if second.kind in ("item", "lead_in") or second.end - units[0].start > MAX_QUOTE_CHARS:
        return []
    text = passage.text[: second.end - passage.start]
    return [Unit(units[0].result, units[0].start, second.end, text, "headed", units[0].order)]


def _list_units(units: list[Unit], passage) -> list[Unit]:
    """A lead-in with the items after it, as one more unit: a list is quoted and cited whole."""
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
            out.append(Unit(unit.result, start, end, text, "list", unit.order))
    return out


def _row_fields(text: str) -> list[tuple[str, str, int]]:
    """(column, value, offset of the value inside the row text) for each "Column: value" line of a table row."""
    out, pos = [], 0
    for line in text.split("\n"):
        m = _ROW_FIELD.match(line)
        if m:
            out.append((m.group(1), m.group(2), pos + m.start(2)))
        pos += len(line) + 1
    return out


def _idf_table(retriever_state) -> callable:
    index = retriever_state.index
    n = max(len(index), 1)

    def idf(term: str) -> float:
        df = index.document_frequency("~" + term)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    return idf


def list_target(question: str) -> list[str]:
    """The noun a list question asks for ("những sở nào" → ["sở"]), lower case; empty for other questions.

    >>> list_target("Những sở nào được kiểm tra?"), list_target("Cơ quan nào chủ trì?"), list_target("Khi nào?")
    (['sở'], ['cơ', 'quan'], [])
    """
    words = syllables(question)
    folded = [fold_word(w) for w in words]
    for i, w in enumerate(folded):
        if w == "nao" and i > 0 and folded[i - 1] not in _NOT_TARGET:
            j = i - 1
            while j > 0 and i - j < 2 and words[j - 1] not in _FUNCTION_WORDS:
                j -= 1
            return words[j:i]
    if "gom" in folded or ("nhung" in folded and "ai" in folded):
        return ["__any__"]
    return []


def _enumerates(unit: Unit, target: list[str]) -> bool:
    """True when the unit lists several things after naming what a list question asks for.

    >>> u = Unit(None, 0, 0, "Cấp tỉnh gồm các Sở: Công Thương, Xây dựng, Y tế, Du lịch.", "item", 0)
    >>> _enumerates(u, ["sở"]), _enumerates(Unit(None, 0, 0, "Báo cáo về Sở Nội vụ, để xem xét.", "item", 0), ["sở"])
    (True, False)
    """
    lowered = unit.text.lower()
    if target == ["__any__"]:
        return unit.kind == "list" or lowered.count(",") >= 3
    m = re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, target)) + r"(?!\w)", lowered)
    if not m:
        return False
    after = re.split(r"[.;](?:\s|$)", lowered[m.end():], maxsplit=1)[0]
    if unit.kind == "list" and after.count(",") + after.count("\n") >= 2:
        return True
    segments = [seg for seg in re.split(r",|\bvà\b", after) if seg.strip()]
    return len(segments) >= 3 and sum(len(seg) for seg in segments) / len(segments) <= 45


def score_units(units: list[Unit], analysis: QueryAnalysis, idf) -> None:
    """Score each unit by the weight of the question's topic words it contains (and their bigrams).

    For a list question ("những sở nào …"), enumerations that name what is asked for weigh more.
    """
    place = {fold_word(w) for p in analysis.provinces for w in syllables(p)}
    numbers = {fold_word(w) for m in DOC_NUMBER.finditer(analysis.text) for w in syllables(m.group(0))}
    terms = [t for t in content_terms(analysis.search_text) if t not in place and t not in numbers]
    target = list_target(analysis.text)
    asked = analysis.original + " " + analysis.text
    fields = [line for ask, line in _FIELD_QUESTIONS if ask.search(asked)]
    when = asks_when(asked)
    weights = {t: idf(t) for t in set(terms)}
    bigrams = {f"{a} {b}" for a, b in zip(terms, terms[1:])}
    for unit in units:
        words = [fold_word(s) for s in syllables(unit.text)]
        present = set(words)
        score = sum(w for t, w in weights.items() if t in present)
        pairs = {f"{a} {b}" for a, b in zip(words, words[1:])}
        score += 0.5 * sum(1 for b in bigrams if b in pairs)
        length_penalty = 1.0 + len(unit.text) / 1500
        if len(unit.text) < 80 and is_upper_line(unit.text) and not fields:
            score *= 0.2  # a title or an agency line ("ỦY BAN NHÂN DÂN") names, it does not answer
        rank_bonus = 1.0 + 0.5 / unit.result.rank
        if target and _enumerates(unit, target):
            # the clause that introduces the list says what it is a list of ("Kiểm tra trực tiếp tại các đơn vị:")
            lead = unit.text.lower().split(target[0], 1)[0] if target != ["__any__"] else ""
            lead_words = {fold_word(w) for w in syllables(lead)}
            score = (score + 0.5 * sum(w for t, w in weights.items() if t in lead_words)) * 1.8
            unit.answers_list = True
        if when and has_time_expression(unit.text):
            score *= 1.6
        if any(f.search(unit.text) for f in fields):
            score += max(weights.values(), default=1.0) * 2
        unit.score = score * rank_bonus / length_penalty


def _trim(unit: Unit) -> tuple[int, int, str]:
    """A quote no longer than MAX_QUOTE_CHARS, cut at a word boundary (still an exact span)."""
    if len(unit.text) <= MAX_QUOTE_CHARS:
        return unit.start, unit.end, unit.text
    cut = unit.text.rfind(" ", 0, MAX_QUOTE_CHARS)
    cut = cut if cut > MAX_QUOTE_CHARS // 2 else MAX_QUOTE_CHARS
    text = unit.text[:cut].rstrip(" ,;")
    return unit.start, unit.start + len(text), text


def _select(units_by_doc: dict[str, list[Unit]]) -> dict[str, list[Unit]]:
    best_overall = max((u.score for units in units_by_doc.values() for u in units), default=0.0)
    if best_overall <= 0:
        return {}
    chosen: dict[str, list[Unit]] = {}
    ranked_docs = sorted(units_by_doc, key=lambda d: -max(u.score for u in units_by_doc[d]))
    with_lists = [d for d in ranked_docs if any(u.answers_list for u in units_by_doc[d])]
    if with_lists:
        # a list question: documents that enumerate what is asked come first, the others are left out
        ranked_docs = with_lists
    for doc_id in ranked_docs[:MAX_DOCS]:
        units = units_by_doc[doc_id]
        best = max(u.score for u in units)
        if best < 0.45 * best_overall:
            continue
        picked: list[Unit] = []
        for u in sorted((u for u in units if u.score >= 0.6 * best), key=lambda u: -u.score):
            if len(picked) >= MAX_UNITS_PER_DOC:
                break
            if any(_overlaps(u, v) for v in picked):
                continue
            picked.append(u)
        enumerations = [u for u in units if u.answers_list and u.score > 0]
        if enumerations and not any(u.answers_list for u in picked):
            # a list question is answered with the list: the document's best enumeration always comes along
            best_list = max(enumerations, key=lambda u: u.score)
            picked = [u for u in picked if not _overlaps(u, best_list)][: MAX_UNITS_PER_DOC - 1] + [best_list]
        picked = _with_list_context(picked, units)
        chosen[doc_id] = sorted(picked, key=lambda u: (u.result.passage.start, u.start))
    return chosen


def _overlaps(a: Unit, b: Unit) -> bool:
    return a.result.passage.doc_id == b.result.passage.doc_id and a.start < b.end and b.start < a.end


def _with_list_context(picked: list[Unit], units: list[Unit]) -> list[Unit]:
    """A lead-in brings its items (and an item its lead-in): a list stays a list."""
    lists = [u for u in units if u.kind == "list"]
    headed = [u for u in units if u.kind == "headed"]
    out = []
    for u in picked:
        whole = next((lst for lst in lists if u.kind in ("lead_in", "item") and lst.start <= u.start
                      and u.end <= lst.end), None)
        whole = whole or next((h for h in headed if u.kind != "headed" and h.start < u.start and u.end == h.end), None)
        chosen = whole or u
        if not any(_overlaps(chosen, v) for v in out):
            out.append(chosen)
    return out


def _doc_heading(result: SearchResult) -> str:
    md = result.doc_metadata
    label = document_label(md, md.get("tieu_de", ""))
    title = md.get("tieu_de", "")
    return f"**{label}**" + (f" ({title})" if title and title not in label else "")


def compose_grounded_answer(question: str, analysis: QueryAnalysis, results: list[SearchResult],
                            lexical_state) -> Answer:
    """Compose an extractive answer with citations from search results.

    Args:
        question: the question as asked.
        analysis: the analysed (possibly follow-up-resolved) query.
        results: passages found, best first.
        lexical_state: the index's lexical state (for word weights).

    Returns:
        An :class:`Answer`; ``abstained`` when no passage carries the question's topic.
    """
    idf = _idf_table(lexical_state)
    units_by_doc: dict[str, list[Unit]] = {}
    for result in results:
        units = split_units(result)
        score_units(units, analysis, idf)
        units_by_doc.setdefault(result.passage.doc_id, []).extend(units)
    chosen = _select(units_by_doc)
    if not chosen:
        return abstain(question, results)
    citations: list[Citation] = []
    lines: list[str] = []
    for doc_id, units in chosen.items():
        lines.append(_doc_heading(units[0].result) + ":")
        for unit in units:
            n = len(citations) + 1
            result = unit.result
            if unit.kind == "row":
                fields = _row_fields(unit.text)
                quote_field = fields[0] if fields else None
                if quote_field:
                    start = unit.start + quote_field[2]
                    end = start + len(quote_field[1])
                    quote = quote_field[1]
                else:
                    start, end, quote = _trim(unit)
                shown = "; ".join(f"{col}: {val}" for col, val, _ in fields) or quote
                lines.append(f"- {shown} [{n}]")
            elif unit.kind == "list":
                start, end, quote = unit.start, unit.end, unit.text
                list_lines = [ln.strip() for ln in quote.split("\n") if ln.strip()]
                lines.append(f"- {list_lines[0]}")
                lines.extend("  - " + _BULLET.sub("", ln) for ln in list_lines[1:-1])
                last = _BULLET.sub("", list_lines[-1]) if len(list_lines) > 1 else ""
                if last:
                    lines.append(f"  - {last} [{n}]")
                else:
                    lines[-1] += f" [{n}]"
            else:
                start, end, quote = _trim(unit)
                suffix = "…" if end < unit.end else ""
                indent = "  " if unit.kind == "item" and any(u.kind == "lead_in" for u in units) else ""
                bullet = "" if re.match(r"^[-+*•]\s", quote) else "- "
                shown = quote.replace("\n", "\n" + indent + "  ")
                lines.append(f"{indent}{bullet}{shown}{suffix} [{n}]")
            md = result.doc_metadata
            citations.append(Citation(n=n, doc_id=doc_id, title=md.get("tieu_de", "") or doc_id,
                                      source=md.get("source", ""), section=result.passage.section, quote=quote,
                                      start=start, end=end, label=document_label(md, md.get("tieu_de", "")),
                                      metadata={k: v for k, v in md.items() if isinstance(v, str)}))
        lines.append("")
    return Answer(question=question, text="\n".join(lines).strip(), citations=citations, passages=list(results),
                  query=analysis.text)


def abstain(question: str, results: list[SearchResult], reason: str = "") -> Answer:
    """A plain Vietnamese statement that the documents do not hold the answer, with the closest documents."""
    text = reason or "Các văn bản hiện có không chứa thông tin để trả lời câu hỏi này."
    closest = []
    for r in results:
        label = document_label(r.doc_metadata, r.doc_metadata.get("tieu_de", ""))
        if label not in closest:
            closest.append(label)
    if closest:
        text += "\n\nCác văn bản gần nhất với câu hỏi:\n" + "\n".join(f"- {c}" for c in closest[:3])
    return Answer(question=question, text=text, abstained=True, passages=list(results))


__all__ = ["compose_grounded_answer", "abstain", "content_terms", "split_units", "STOPWORDS"]
