"""LLM mode: answer from retrieved passages with an OpenAI-compatible chat model, then verify every citation.

The model sees the passages numbered ``[1]..[n]``, each fenced inside ``<tai_lieu id="n"> … </tai_lieu>`` and
declared to be data, never instructions. Its output is not trusted: after generation every ``[n]`` marker is
checked against the passages given, markers that point nowhere are removed, sentences left without a valid marker
are flagged ``[chưa có trích dẫn]`` and listed in :attr:`Answer.unsupported`, and each cited passage becomes a
:class:`Citation` whose quote is an exact span of the document's cleaned text.

>>> _expand_numbers("1, 3-4")
[1, 3, 4]
"""

from __future__ import annotations

import contextvars
import queue
import re
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from assistant.prompting import render_prompt
from assistant.types import Answer, Citation, Turn
from errors import LLMUnavailable
from index.model import document_label
from textnorm import fold_accents, fold_word, syllables

if TYPE_CHECKING:  # pragma: no cover - typing only; keeps numpy/chroma out of this module's import
    from langchain_core.language_models import BaseChatModel

    from retriever.hybrid import SearchResult
    from settings import Settings

__all__ = ["LLMUnavailable", "make_chat_model", "answer_with_llm", "condense_question"]

#: What the prompt asks the model to answer, alone, when the passages do not hold the answer.
_ABSTAIN_MARKER = "KHÔNG_CÓ_THÔNG_TIN"
_ABSTAIN_KEY = "khong_co_thong_tin"
_ABSTAIN_RE = re.compile(r"KH[OÔ]NG[_ ]C[OÓ][_ ]TH[OÔ]NG[_ ]TIN")
_ABSTAIN_TEXT = "Các tài liệu hiện có không chứa thông tin để trả lời câu hỏi này."
_UNSUPPORTED_TAG = "[chưa có trích dẫn]"
#: Seconds added to the model's own timeout before the watchdog gives up on a silent model.
_GRACE = 0.5
_HISTORY_QUESTIONS = 3
_CONDENSE_TURNS = 4

# "[1]", "[1, 2]", "[1-3]", "[tài liệu 2]"; 1–3 digits so that "[2021]" is never read as a citation.
_MARKER = re.compile(
    r"\[\s*(?:(?:t[àa]i[ _]li[ệe]u|đoạn|doan|nguồn|nguon)\s*)?(\d{1,3}(?:\s*[,;\-–]\s*\d{1,3})*)\s*\]",
    re.IGNORECASE,
)
_MARKER_WITH_SPACE = re.compile(r"[ \t]*" + _MARKER.pattern, re.IGNORECASE)
_FENCE = re.compile(r"<(\s*/?\s*t[aàáảãạ]i[\s_\-]*l[iíìỉĩị][eêềếểễệéèẻẽẹ]u)", re.IGNORECASE)
_THINK = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•+–]\s+|\d{1,3}[.)]\s+|[a-zđ][.)]\s+)")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)]*(?:[ \t]*\[[^\[\]\n]{1,40}\])*(?=\s|$)")
_NO_BREAK_AFTER = re.compile(
    r"(?:(?:^|[\s(])(?:TP|Tp|TT|ThS|TS|PGS|GS|BS|KS|CN|Q|P|St|TW|v\.v)"
    r"|(?:Điều|Khoản|Mục|Chương|Phần|Điểm|Số|số)\s+[\dIVXLivxl]+[a-zđ]?)$"
)
_MARKERS_ONLY = re.compile(r"(?:\s*" + _MARKER.pattern + r")+\s*[.!?]*", re.IGNORECASE)
_HEADING_WRAP = re.compile(r"^[#>*_\s]+|[*_\s]+$")
_WORD = re.compile(r"\w", re.UNICODE)
_STOP_SYLLABLES = frozenset(
    "cua va cac la duoc trong cho theo voi nhung mot co de tai tren ve nay do khi thi se da cung nhu tu den "
    "ra vao hoac neu ma".split()
)


# -- model ------------------------------------------------------------------------------------------------------
def make_chat_model(settings: Settings) -> BaseChatModel:
    """The chat model of LLM mode, built from the settings.

    Args:
        settings: uses ``llm_base_url``, ``llm_model``, ``llm_api_key`` and ``llm_timeout``.

    Returns:
        A streaming :class:`langchain_openai.ChatOpenAI` with no retries and temperature 0.

    Raises:
        LLMUnavailable: ``llm_base_url`` is empty or the OpenAI client cannot be created.
    """
    if not settings.llm_base_url:
        raise LLMUnavailable("Chưa cấu hình máy chủ LLM (LLM_BASE_URL trống).")
    try:
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=settings.llm_api_key or "not-needed",
            timeout=settings.llm_timeout,
            max_retries=0,
            temperature=0,
            streaming=True,
        )
    except Exception as exc:  # noqa: BLE001 - any construction failure means LLM mode is unavailable
        raise LLMUnavailable(f"Không khởi tạo được mô hình ngôn ngữ: {exc}") from exc


def _model_timeout(chat_model) -> float | None:
    for attr in ("request_timeout", "timeout"):
        value = getattr(chat_model, attr, None)
        if isinstance(value, tuple):
            value = max((v for v in value if isinstance(v, (int, float))), default=None)
        elif value is not None and not isinstance(value, (int, float)):
            value = getattr(value, "read", None)  # httpx.Timeout
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
            return float(value)
    return None


def _unavailable(exc: BaseException, timeout: float | None) -> LLMUnavailable:
    name = type(exc).__name__
    status = getattr(exc, "status_code", None)
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else name
    if isinstance(exc, TimeoutError) or "timeout" in name.lower():
        wait = f" trong {timeout:g} giây" if timeout else ""
        message = f"Máy chủ LLM không phản hồi{wait} (hết thời gian chờ)."
    elif isinstance(status, int):
        message = f"Máy chủ LLM trả về lỗi HTTP {status}."
    elif isinstance(exc, ConnectionError) or "connection" in name.lower():
        message = "Không kết nối được máy chủ LLM."
    else:
        message = f"Không gọi được mô hình ngôn ngữ ({name})."
    return LLMUnavailable(f"{message} Chi tiết: {detail}")


def _content_text(message) -> str:
    content = getattr(message, "content", message)
    if isinstance(content, str):
        return str(content)
    if isinstance(content, list):
        parts = []
        for block in content:
            if isinstance(block, str):
                parts.append(block)
            elif isinstance(block, dict) and block.get("type", "text") == "text":
                parts.append(str(block.get("text", "")))
        return "".join(parts)
    return ""


def _call_model(chat_model, messages, *, on_token: Callable[[str], None] | None = None, stream: bool = True) -> str:
    """Run the model in a worker thread; tokens reach ``on_token`` on the caller's thread.

    A watchdog abandons the call when the model stays silent longer than its own timeout (plus a grace), so a
    client whose timeout does not fire still cannot hang the caller. Exceptions of the model become
    :class:`LLMUnavailable`; exceptions of ``on_token`` propagate unchanged.
    """
    timeout = _model_timeout(chat_model)
    events: queue.Queue = queue.Queue()
    stop = threading.Event()

    def produce() -> None:
        try:
            use_stream = stream and callable(getattr(chat_model, "stream", None))
            produced = False
            if use_stream:
                try:
                    for chunk in chat_model.stream(messages):
                        produced = True
                        events.put(("token", _content_text(chunk)))
                        if stop.is_set():
                            return
                except NotImplementedError:
                    if produced:
                        raise
                    use_stream = False
            if not use_stream:
                events.put(("token", _content_text(chat_model.invoke(messages))))
            events.put(("done", None))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            events.put(("error", exc))

    context = contextvars.copy_context()
    worker = threading.Thread(target=context.run, args=(produce,), name="cchc-llm", daemon=True)
    worker.start()
    parts: list[str] = []
    wait = None if timeout is None else timeout + _GRACE
    try:
        while True:
            try:
                kind, value = events.get(timeout=wait)
            except queue.Empty:
                raise LLMUnavailable(
                    f"Máy chủ LLM không phản hồi trong {timeout:g} giây (hết thời gian chờ).") from None
            if kind == "token":
                parts.append(value)
                if on_token is not None and value:
                    on_token(value)
            elif kind == "error":
                raise _unavailable(value, timeout) from value
            else:
                return "".join(parts)
    finally:
        stop.set()


class _TokenGate:
    """Forwards tokens, except that a reply that is only the abstention marker is never shown."""

    def __init__(self, sink: Callable[[str], None] | None) -> None:
        self.sink = sink
        self.buffer = ""
        self.open = sink is None

    @staticmethod
    def _folded(text: str) -> str:
        return re.sub(r"[\s.!]+$", "", fold_accents(text).strip()).replace(" ", "_")

    def _could_be_marker(self, text: str) -> bool:
        return _ABSTAIN_KEY.startswith(self._folded(text))

    def feed(self, token: str) -> None:
        if self.open:
            self.sink(token)
            return
        self.buffer += token
        if not self._could_be_marker(self.buffer):
            self.open = True
            buffered, self.buffer = self.buffer, ""
            self.sink(buffered)

    def finish(self) -> None:
        if not self.open and self.buffer and self._folded(self.buffer) != _ABSTAIN_KEY:
            self.open = True
            self.sink(self.buffer)


# -- prompt -----------------------------------------------------------------------------------------------------
def _neutralise(text: str) -> str:
    """Defuse anything that could open or close a ``<tai_lieu>`` fence (``</tai_lieu`` → ``‹/tai_lieu``)."""
    return _FENCE.sub(lambda m: "‹" + m.group(1), text or "")


def _strip_markers(text: str) -> str:
    """The text without citation markers, unsupported tags or a leading list bullet."""
    text = _MARKER.sub("", text.replace(_UNSUPPORTED_TAG, ""))
    text = re.sub(r"[ \t]+([.,;:!?…])", r"\1", text)
    text = re.sub(r"^[ \t]*[-*•+][ \t]+", "", text, flags=re.MULTILINE)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _prompt_messages(question: str, results: Sequence[SearchResult], history: Sequence[Turn]):
    from langchain_core.messages import HumanMessage, SystemMessage

    passages = []
    for n, result in enumerate(results, start=1):
        md = result.doc_metadata or {}
        passages.append({
            "n": n,
            "label": _neutralise(document_label(md, result.title)),
            "section": _neutralise(result.passage.section or ""),
            "text": _neutralise(result.passage.text),
        })
    previous = [_neutralise(t.question) for t in list(history)[-_HISTORY_QUESTIONS:] if t.question.strip()]
    system = render_prompt("answer_system", abstain_marker=_ABSTAIN_MARKER)
    user = render_prompt("answer_user", question=_neutralise(question), passages=passages, history=previous,
                         abstain_marker=_ABSTAIN_MARKER)
    return [SystemMessage(content=system), HumanMessage(content=user)]


# -- verification -----------------------------------------------------------------------------------------------
def _expand_numbers(group: str) -> list[int]:
    """Numbers of one marker group: "1, 3-4" → [1, 3, 4]."""
    out: list[int] = []
    for part in re.split(r"\s*[,;]\s*", group.strip()):
        bounds = [int(x) for x in re.split(r"\s*[\-–]\s*", part) if x]
        if len(bounds) == 2 and bounds[0] < bounds[1] <= bounds[0] + 20:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _segments(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``: split on . ! ? and newlines; a list item line stays whole.

    Citation markers right after the final punctuation ("… quý III. [1]") belong to the sentence before them.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        line_start, line_end = line.span()
        body = line.group()
        if not body.strip():
            continue
        if _LIST_ITEM.match(body):
            spans.append(_trim(text, line_start, line_end))
            continue
        start = line_start
        for m in _SENTENCE_END.finditer(body):
            before = text[start:line_start + m.start()].rstrip()
            if not _WORD.search(before) or _NO_BREAK_AFTER.search(before):
                continue
            spans.append(_trim(text, start, line_start + m.end()))
            start = line_start + m.end()
        if text[start:line_end].strip():
            spans.append(_trim(text, start, line_end))
    merged: list[tuple[int, int]] = []
    for span in (s for s in spans if s[1] > s[0]):
        if merged and _MARKERS_ONLY.fullmatch(text[span[0]:span[1]]):
            merged[-1] = (merged[-1][0], span[1])  # "[1]" alone on the next line cites the sentence before it
        else:
            merged.append(span)
    return merged


def _folded_syllables(text: str) -> set[str]:
    return {fold_word(w) for w in syllables(text)}


def _best_quote(passage_text: str, target: set[str]) -> tuple[int, int]:
    """Offsets in ``passage_text`` of its sentence (or list line) sharing the most syllables with ``target``."""
    best, best_key = None, (0.0, 0.0)
    for start, end in _segments(passage_text):
        words = _folded_syllables(passage_text[start:end])
        if not words:
            continue
        shared = words & target
        score = sum(0.2 if w in _STOP_SYLLABLES else 1.0 for w in shared)
        key = (score, score / len(words))
        if key > best_key:
            best, best_key = (start, end), key
    if best is None or best_key[0] < 1.0:
        return _trim(passage_text, 0, len(passage_text))
    return best


def _is_heading(content: str) -> bool:
    bare = _HEADING_WRAP.sub("", content)
    stripped = content.strip()
    return (bare.endswith(":") or stripped.startswith("#")
            or bool(re.fullmatch(r"(\*\*|__).+(\*\*|__)\s*:?", stripped)))


def _abstained(question: str, results: Sequence[SearchResult]) -> Answer:
    return Answer(question=question, text=_ABSTAIN_TEXT, abstained=True, mode="llm", passages=list(results))


def _has_abstain_marker(text: str) -> bool:
    return bool(_ABSTAIN_RE.search(text)) or _ABSTAIN_KEY in fold_accents(text)


def _verify(question: str, raw: str, results: Sequence[SearchResult]) -> Answer:
    n_results = len(results)
    text = raw.strip()
    spans = _segments(text)
    units = []
    for start, end in spans:
        piece = text[start:end]
        numbers = [n for m in _MARKER.finditer(piece) for n in _expand_numbers(m.group(1))]
        content = _strip_markers(piece)
        units.append({"span": (start, end), "piece": piece, "content": content,
                      "valid": [n for n in numbers if 1 <= n <= n_results],
                      "invalid": [n for n in numbers if not 1 <= n <= n_results],
                      "abstain": _has_abstain_marker(piece)})
    any_valid = any(u["valid"] for u in units if not u["abstain"])
    if _has_abstain_marker(text) and not any_valid:
        return _abstained(question, results)

    renumber: dict[int, int] = {}
    for unit in units:
        if unit["abstain"]:
            continue
        for n in unit["valid"]:
            renumber.setdefault(n, len(renumber) + 1)

    def rewrite_marker(m: re.Match) -> str:
        new = []
        for n in _expand_numbers(m.group(1)):
            if n in renumber and renumber[n] not in new:
                new.append(renumber[n])
        if not new:
            return ""
        lead = m.group(0)[: len(m.group(0)) - len(m.group(0).lstrip(" \t"))]
        return lead + "".join(f"[{k}]" for k in new)

    worded = [i for i, u in enumerate(units) if _WORD.search(u["content"]) and not u["abstain"]]
    last_worded = worded[-1] if worded else -1
    out: list[str] = []
    cursor = 0
    unsupported: list[str] = []
    invalid: list[int] = []
    citing: dict[int, list[str]] = {}
    for i, unit in enumerate(units):
        start, end = unit["span"]
        out.append(text[cursor:start])
        cursor = end
        if unit["abstain"]:
            continue
        invalid.extend(n for n in unit["invalid"] if n not in invalid)
        rewritten = _MARKER_WITH_SPACE.sub(rewrite_marker, unit["piece"])
        rewritten = re.sub(r"(\[\d+\])(?:\s*\1)+", r"\1", rewritten).strip()
        claim = i in worded and not (_is_heading(unit["content"]) and i != last_worded)
        if claim and not unit["valid"]:
            unsupported.append(unit["content"])
            rewritten = f"{rewritten} {_UNSUPPORTED_TAG}"
        for n in unit["valid"]:
            citing.setdefault(n, []).append(unit["content"])
        out.append(rewritten)
    out.append(text[cursor:])
    answer_text = re.sub(r"\n{3,}", "\n\n", "".join(out)).strip()

    citations = []
    for old, new in sorted(renumber.items(), key=lambda kv: kv[1]):
        result = results[old - 1]
        passage = result.passage
        target = _folded_syllables(" ".join(citing.get(old, [])))
        q_start, q_end = _best_quote(passage.text, target)
        md = dict(result.doc_metadata or {})
        citations.append(Citation(
            n=new, doc_id=passage.doc_id, title=result.title, source=result.source, section=passage.section,
            quote=passage.text[q_start:q_end], start=passage.start + q_start, end=passage.start + q_end,
            label=document_label(md, result.title), metadata=md))
    notice = ""
    if invalid:
        listed = ", ".join(f"[{n}]" for n in invalid)
        notice = f"Đã loại bỏ trích dẫn không có trong tài liệu được cung cấp: {listed}."
    return Answer(question=question, text=answer_text, citations=citations, mode="llm", notice=notice,
                  passages=list(results), unsupported=unsupported)


# -- public -----------------------------------------------------------------------------------------------------
def answer_with_llm(question: str, results: list[SearchResult], chat_model, *, history: Sequence[Turn] = (),
                    on_token: Callable[[str], None] | None = None) -> Answer:
    """Answer a question from retrieved passages with a chat model, then verify its citations.

    Args:
        question: the question (already made standalone, see :func:`condense_question`).
        results: the passages to answer from; they are numbered ``[1]..[n]`` in this order.
        chat_model: a LangChain chat model (:func:`make_chat_model`, or a fake one in tests).
        history: earlier turns; their questions are shown to the model as context only.
        on_token: called on the caller's thread with each streamed chunk of raw model text (markers not yet
            renumbered; a bare abstention marker is never forwarded). Replace the streamed text by
            ``Answer.text`` once this function returns.

    Returns:
        An :class:`Answer` with ``mode="llm"``: citations renumbered 1..k in order of first appearance with exact
        quotes, ``unsupported`` listing sentences without a valid citation (tagged ``[chưa có trích dẫn]`` in the
        text), ``notice`` naming removed out-of-range markers. ``abstained=True`` (and no model call) when
        ``results`` is empty, or when the model says the passages do not hold the answer.

    Raises:
        LLMUnavailable: the model could not be reached, failed, timed out or returned nothing.
    """
    if not results:
        return _abstained(question, results)
    messages = _prompt_messages(question, results, history)
    gate = _TokenGate(on_token)
    raw = _call_model(chat_model, messages, on_token=gate.feed if on_token is not None else None, stream=True)
    if on_token is not None:
        gate.finish()
    raw = _THINK.sub("", raw).strip()
    if not raw:
        raise LLMUnavailable("Mô hình ngôn ngữ không trả về nội dung.")
    return _verify(question, raw, results)


def _clean_condensed(output: str, question: str) -> str:
    text = _THINK.sub("", output or "").strip()
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    line = re.sub(r"^(?:câu hỏi(?: viết lại| mới| độc lập)?|question)\s*:\s*", "", line, flags=re.IGNORECASE)
    line = line.strip().strip("\"'“”‘’«»`").strip()
    if not _WORD.search(line) or _has_abstain_marker(line) or len(line) > max(300, 4 * len(question)):
        return ""
    return line


def condense_question(question: str, history: Sequence[Turn], chat_model) -> str:
    """Rewrite a follow-up ("Còn Hà Nam thì sao?") as a standalone question using the conversation.

    Args:
        question: the new question as typed.
        history: earlier turns, oldest first; only the last few are used.
        chat_model: a LangChain chat model.

    Returns:
        The standalone question; the original ``question`` when ``history`` is empty, the model fails or
        returns something unusable. Never raises for model failures.
    """
    if not history or not question.strip():
        return question
    try:
        from langchain_core.messages import HumanMessage

        turns = [{"question": t.question.strip(), "answer": _strip_markers(t.answer.text)[:400]}
                 for t in list(history)[-_CONDENSE_TURNS:]]
        prompt = render_prompt("condense_question", history=turns, question=question.strip())
        output = _call_model(chat_model, [HumanMessage(content=prompt)], stream=False)
    except Exception:  # noqa: BLE001 - any failure keeps the question as typed
        return question
    return _clean_condensed(output, question) or question
