"""LLM mode: answer from retrieved passages with an OpenAI-compatible chat model, then verify every citation.

The model sees the passages numbered ``[1]..[n]``, each fenced inside ``<tai_lieu id="n"> … </tai_lieu>`` and
declared to be data, never instructions. Its output is not trusted: after generation every ``[n]`` marker is
checked against the passages given, markers that point nowhere are removed, sentences left without a valid marker
are flagged ``[chưa có trích dẫn]``, a cited sentence its passage does not support (numbers, names, most content
words: :mod:`assistant.support`) loses its markers and is flagged ``[chưa kiểm chứng]``, both listed in
:attr:`Answer.unsupported`; a quotation not word for word in the passages is removed; each passage still cited
becomes a :class:`Citation` whose quote is an exact span of the document's cleaned text: of the passage's quotable
spans (:func:`assistant.grounded.units.split_units`, the grounded answer's, its lines cut into sentences), the one
closest to what the reply said with it, cited as the grounded answer cites it
(:func:`assistant.grounded.rendering.unit_citation`), both shaped by the assistant's
:class:`~assistant.grounded.config.GroundedConfig`.

An answer is an :class:`LLMResponse`, read lazily in the manner of simonw/llm's ``Response``: iterating it streams
the model's text, :meth:`LLMResponse.answer` gives the verified :class:`Answer`. No thread of ours runs: the model's
stream is iterated on the caller's thread; its timeout (``make_chat_model``) bounds each silence through the HTTP
client and the whole answer through a deadline checked as each piece arrives.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import httpx
import openai

from assistant.grounded.config import GroundedConfig
from assistant.grounded.rendering import unit_citation
from assistant.grounded.units import QuotedSpan, split_units
from assistant.prompting import render_prompt
from assistant.support import checked_quotations, is_verbatim, unsupported_reason
from assistant.types import Answer, Citation, Turn
from errors import LLMUnavailable
from index.model import document_label
from retriever.hybrid import SearchResult
from textnorm import fold_accents, fold_word, syllables
from textnorm.citations import MODEL_MARKER, REPEATED_MARKER, marker_numbers
from textnorm.lines import is_lead_in, is_list_line, sentence_spans, strip_bullet, strip_span
from textnorm.terms import STOPWORDS

if TYPE_CHECKING:  # pragma: no cover - typing only; keeps langchain's import for the first model
    from langchain_core.language_models import BaseChatModel

    from settings import Settings

__all__ = ["LLMUnavailable", "LLMResponse", "make_chat_model", "answer_with_llm", "condense_question"]

log = logging.getLogger(__name__)

# -- sentences and list items -----------------------------------------------------------------------------------
#: What the prompt asks the model to answer, alone, when the passages do not hold the answer.
_ABSTAIN_MARKER = "KHÔNG_CÓ_THÔNG_TIN"
_ABSTAIN_KEY = "khong_co_thong_tin"
_ABSTAIN_RE = re.compile(r"KH[OÔ]NG[_ ]C[OÓ][_ ]TH[OÔ]NG[_ ]TIN")
_ABSTAIN_TEXT = "Các tài liệu hiện có không chứa thông tin để trả lời câu hỏi này."
_UNSUPPORTED_TAG = "[chưa có trích dẫn]"
#: The tag of a cited sentence the passage it cites does not support (:func:`assistant.support.unsupported_reason`).
_UNVERIFIED_TAG = "[chưa kiểm chứng]"
#: What replaces a quotation that is not word for word in the passages: the made-up words are never shown as a quote.
_QUOTE_REMOVED_TAG = "[đã bỏ câu trích không có nguyên văn trong tài liệu]"
#: Earlier questions shown to the model as context: enough for a follow-up, few enough to keep the prompt short.
_HISTORY_QUESTIONS = 3
#: Earlier turns shown when a follow-up is rewritten as a standalone question.
_CONDENSE_TURNS = 4
#: What a chat model raises when its endpoint fails: the OpenAI SDK's errors (its HTTP errors and timeouts, also
#: those met while a stream is read, are wrapped in them), httpx's for clients built on httpx, socket errors and
#: timeouts (OSError), and ValueError for a malformed or empty response ("No generations found in stream").
_MODEL_ERRORS = (openai.OpenAIError, httpx.HTTPError, OSError, ValueError)

_MARKER_WITH_SPACE = re.compile(r"[ \t]*" + MODEL_MARKER.pattern, re.IGNORECASE)
_FENCE = re.compile(r"<(\s*/?\s*t[aàáảãạ]i[\s_\-]*l[iíìỉĩị][eêềếểễệéèẻẽẹ]u)", re.IGNORECASE)
_THINK = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)
_MARKERS_ONLY = re.compile(r"(?:\s*" + MODEL_MARKER.pattern + r")+\s*[.!?]*", re.IGNORECASE)
_HEADING_WRAP = re.compile(r"^[#>*_\s]+|[*_\s]+$")
_WORD = re.compile(r"\w", re.UNICODE)
#: Weight of a stopword the reply shares with a quotable span, against 1 for any other word: "của", "và" barely tell
#: spans apart.
_STOPWORD_WEIGHT = 0.2
#: The longest passage line LLM mode quotes whole (``GroundedConfig.max_line_chars`` for its cards): none, a line is
#: cut into its sentences, since a card backs one claim of the reply; the grounded answer quotes whole lines because
#: its quote is the answer.
_LINE_CHARS = 0
#: Least weight a span must share with what the reply said to be quoted for it (one content word); below it, the
#: passage's first span is quoted.
_MIN_SHARED = 1.0


# -- model ------------------------------------------------------------------------------------------------------
def make_chat_model(settings: Settings) -> BaseChatModel:
    """The chat model of LLM mode, built from the settings.

    Args:
        settings: uses ``llm_base_url``, ``llm_model``, ``llm_api_key`` and ``llm_timeout``.

    Returns:
        A streaming :class:`langchain_openai.ChatOpenAI` with no retries and temperature 0. Its HTTP client
        enforces ``llm_timeout`` (connect, and read: the longest silence between two pieces of a response);
        :class:`LLMResponse` bounds the whole answer by the same number of seconds.

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
    except (ImportError, ValueError, openai.OpenAIError) as exc:  # ValueError: pydantic's validation of a setting
        raise LLMUnavailable(f"Không khởi tạo được mô hình ngôn ngữ: {exc}") from exc


def _timeout_seconds(chat_model) -> float | None:
    """The read timeout the model's HTTP client enforces (named in the message), when the model says."""
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


def _model_pieces(chat_model, messages) -> Iterator[str]:
    """The model's raw text, piece by piece as its response arrives; one ``invoke`` when it cannot stream.

    Nothing is sent before the first ``next()``; closing this iterator drops the model's stream, which closes its
    HTTP response. Errors of the model propagate unchanged.
    """
    if not callable(getattr(chat_model, "stream", None)):
        yield _content_text(chat_model.invoke(messages))
        return
    produced = False
    try:
        for chunk in chat_model.stream(messages):
            produced = True
            yield _content_text(chunk)
    except NotImplementedError:
        if produced:
            raise
        yield _content_text(chat_model.invoke(messages))


class _AbstainGate:
    """Holds back the start of a reply while it could still be only the abstention marker, which is never shown."""

    def __init__(self) -> None:
        self.buffer = ""
        self.open = False

    @staticmethod
    def _folded(text: str) -> str:
        return re.sub(r"[\s.!]+$", "", fold_accents(text).strip()).replace(" ", "_")

    def feed(self, token: str) -> str:
        """The text to show now for ``token``: empty while held back."""
        if self.open:
            return token
        self.buffer += token
        if _ABSTAIN_KEY.startswith(self._folded(self.buffer)):
            return ""
        self.open = True
        return self.buffer

    def finish(self) -> str:
        """The text still held back at the end of the reply: empty when the reply was the bare marker."""
        if self.open or self._folded(self.buffer) == _ABSTAIN_KEY:
            return ""
        return self.buffer


# -- prompt -----------------------------------------------------------------------------------------------------
def _neutralise(text: str) -> str:
    """Defuse anything that could open or close a ``<tai_lieu>`` fence (``</tai_lieu`` → ``‹/tai_lieu``)."""
    return _FENCE.sub(lambda m: "‹" + m.group(1), text or "")


def _strip_markers(text: str) -> str:
    """The text without citation markers, unsupported tags or a leading list bullet."""
    for tag in (_UNSUPPORTED_TAG, _UNVERIFIED_TAG, _QUOTE_REMOVED_TAG):
        text = text.replace(tag, "")
    text = MODEL_MARKER.sub("", text)
    text = re.sub(r"[ \t]+([.,;:!?…])", r"\1", text)
    text = strip_bullet(text)
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
def _segments(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of the reply ``text`` (:func:`textnorm.lines.sentence_spans`); a list item line stays
    whole. Every sentence of a reply is a claim of its own, so a line is always cut (a passage line is one quotable
    span up to :attr:`GroundedConfig.max_line_chars`: :func:`~assistant.grounded.units.split_units`).

    Citation markers after the final punctuation belong to the sentence before them, also alone on the next line.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        if is_list_line(line.group()):
            spans.append(strip_span(text, *line.span()))
        else:
            spans += [(line.start() + s, line.start() + e) for s, e in sentence_spans(line.group())]
    merged: list[tuple[int, int]] = []
    for span in (s for s in spans if s[1] > s[0]):
        if merged and _MARKERS_ONLY.fullmatch(text[span[0]:span[1]]):
            merged[-1] = (merged[-1][0], span[1])  # "[1]" alone on the next line cites the sentence before it
        else:
            merged.append(span)
    return merged


def _folded_syllables(text: str) -> set[str]:
    return {fold_word(w) for w in syllables(text)}


def _said_weights(said: str) -> dict[str, float]:
    """The words of what the reply said with a passage, each weighted (a stopword counts little)."""
    return {w: _STOPWORD_WEIGHT if w in STOPWORDS else 1.0 for w in _folded_syllables(said)}


def _closest_span(spans: Sequence[QuotedSpan], weights: dict[str, float]) -> QuotedSpan:
    """The span sharing the most weight with what the reply said, the denser on a tie; the first span when none
    shares a content word."""
    best, best_key = spans[0], (0.0, 0.0)
    for span in spans:
        words = _folded_syllables(span.text)
        if not words:
            continue
        score = sum(weights.get(w, 0.0) for w in words)
        key = (score, score / len(words))
        if key > best_key:
            best, best_key = span, key
    return best if best_key[0] >= _MIN_SHARED else spans[0]


def _is_heading(content: str) -> bool:
    """A line of the reply that introduces what follows: a lead-in (:func:`textnorm.lines.is_lead_in`) also inside
    the Markdown a model writes ("**Đối tượng:**"), a Markdown heading ("# …") or a line all in bold."""
    stripped = content.strip()
    return (is_lead_in(_HEADING_WRAP.sub("", content)) or stripped.startswith("#")
            or bool(re.fullmatch(r"(\*\*|__).+(\*\*|__)\s*:?", stripped)))


def _abstained(question: str, results: Sequence[SearchResult]) -> Answer:
    return Answer(question=question, text=_ABSTAIN_TEXT, abstained=True, mode="llm", passages=list(results))


def _has_abstain_marker(text: str) -> bool:
    return bool(_ABSTAIN_RE.search(text)) or _ABSTAIN_KEY in fold_accents(text)


@dataclass(frozen=True)
class _Unit:
    """One sentence (or list line) of the reply, with the passage numbers its markers name."""

    start: int
    end: int
    piece: str  # as written, markers included
    content: str  # without markers
    valid: list[int]  # numbers of passages that were given
    invalid: list[int]  # numbers that point nowhere
    abstain: bool  # holds the abstention marker
    unverified: str = ""  # why the passages it cites do not support it ("" when they do, or it cites none)
    quotes_removed: int = 0  # quotations removed because they are not word for word in the passages


def _units(text: str, n_results: int) -> list[_Unit]:
    """The reply cut into sentences, each with the passage numbers it cites."""
    units = []
    for start, end in _segments(text):
        piece = text[start:end]
        numbers = [n for m in MODEL_MARKER.finditer(piece) for n in marker_numbers(m.group(1))]
        units.append(_Unit(start, end, piece, _strip_markers(piece),
                           valid=[n for n in numbers if 1 <= n <= n_results],
                           invalid=[n for n in numbers if not 1 <= n <= n_results],
                           abstain=_has_abstain_marker(piece)))
    return units


def _support_texts(results: Sequence[SearchResult]) -> list[str]:
    """What a sentence citing these passages may rest on: their text and section, their document's label, title and
    metadata values (the document's number, province and year are known from its label, not only its text)."""
    texts = []
    for result in results:
        md = result.doc_metadata or {}
        texts += [result.passage.text, result.passage.section or "", document_label(md, result.title),
                  result.title or "", *(str(v) for v in md.values() if isinstance(v, (str, int)))]
    return texts


def _without_false_quotes(piece: str, support: Sequence[str]) -> tuple[str, int]:
    """``piece`` with each quotation that is not word for word in ``support`` replaced by a tag; how many."""
    removed = 0
    for start, end, quoted in reversed(checked_quotations(piece)):
        if not is_verbatim(quoted, *support):
            piece = piece[:start] + _QUOTE_REMOVED_TAG + piece[end:]
            removed += 1
    return piece, removed


def _vetted(unit: _Unit, results: Sequence[SearchResult]) -> _Unit:
    """``unit`` checked against the passages it cites: false quotations removed; when the passages do not support
    it, its markers dropped (a citation card never quotes a passage for a claim it does not make) and the reason
    kept in ``unverified``."""
    if unit.abstain:
        return unit
    cited = [results[n - 1] for n in dict.fromkeys(unit.valid)]
    support = _support_texts(cited)
    piece, removed = _without_false_quotes(unit.piece, support or _support_texts(results))
    content = _strip_markers(piece)
    reason = unsupported_reason(content, *support) if cited and _WORD.search(content) else ""
    if reason:
        piece = _MARKER_WITH_SPACE.sub("", piece).strip()
    kept = {n for m in MODEL_MARKER.finditer(piece) for n in marker_numbers(m.group(1))}  # a removed quote's go with it
    return replace(unit, piece=piece, content=content, valid=[n for n in unit.valid if n in kept], unverified=reason,
                   quotes_removed=removed)


def _renumbering(units: Sequence[_Unit]) -> dict[int, int]:
    """Passage number → citation number: 1..k in order of first citation (sentences that abstain cite nothing)."""
    renumber: dict[int, int] = {}
    for unit in units:
        if not unit.abstain:
            for n in unit.valid:
                renumber.setdefault(n, len(renumber) + 1)
    return renumber


def _renumbered(piece: str, renumber: dict[int, int]) -> str:
    """``piece`` with each marker group rewritten as ``[k]…`` in the new numbers; groups naming none vanish."""

    def rewrite(m: re.Match) -> str:
        new = []
        for n in marker_numbers(m.group(1)):
            if n in renumber and renumber[n] not in new:
                new.append(renumber[n])
        if not new:
            return ""
        lead = m.group(0)[: len(m.group(0)) - len(m.group(0).lstrip(" \t"))]
        return lead + "".join(f"[{k}]" for k in new)

    return REPEATED_MARKER.sub(r"\1", _MARKER_WITH_SPACE.sub(rewrite, piece)).strip()


def _claims(units: Sequence[_Unit]) -> set[int]:
    """Indexes of the units that state something, and so need a citation: worded, not abstaining, not a heading
    (a heading introduces the lines after it; the last worded unit is a claim even when it looks like one)."""
    worded = [i for i, u in enumerate(units) if _WORD.search(u.content) and not u.abstain]
    last = worded[-1] if worded else -1
    return {i for i in worded if not (_is_heading(units[i].content) and i != last)}


def _checked_text(text: str, units: Sequence[_Unit], renumber: dict[int, int]) -> tuple[str, list[str]]:
    """The reply with its markers renumbered, abstaining sentences dropped and each claim without a valid citation
    tagged ``[chưa có trích dẫn]``; and the contents of those claims."""
    claims = _claims(units)
    out: list[str] = []
    unsupported: list[str] = []
    cursor = 0
    for i, unit in enumerate(units):
        out.append(text[cursor:unit.start])
        cursor = unit.end
        if unit.abstain:
            continue
        rewritten = _renumbered(unit.piece, renumber)
        if unit.unverified:
            unsupported.append(unit.content)
            rewritten = f"{rewritten} {_UNVERIFIED_TAG}"
        elif i in claims and not unit.valid:
            unsupported.append(unit.content)
            rewritten = f"{rewritten} {_UNSUPPORTED_TAG}"
        out.append(rewritten)
    out.append(text[cursor:])
    return re.sub(r"\n{3,}", "\n\n", "".join(out)).strip(), unsupported


def _citation(result: SearchResult, n: int, said: str, cfg: GroundedConfig) -> Citation:
    """Citation ``n`` of one passage: of its quotable spans (the grounded answer's), the one closest to what the reply
    ``said`` with it, cited as the grounded answer cites a span."""
    p = result.passage
    spans = split_units(result, replace(cfg, max_line_chars=_LINE_CHARS))
    spans = spans or [QuotedSpan(result, p.start, p.end, p.text, "sentence")]
    weights = _said_weights(said)
    return unit_citation(_closest_span(spans, weights), n, weights, cfg)


def _citations(results: Sequence[SearchResult], units: Sequence[_Unit], renumber: dict[int, int],
               cfg: GroundedConfig) -> list[Citation]:
    """One citation per cited passage, in the new numbering."""
    return [_citation(results[old - 1], new,
                      " ".join(u.content for u in units if not u.abstain and old in u.valid), cfg)
            for old, new in renumber.items()]


def _removed_notice(units: Sequence[_Unit]) -> str:
    """The notice naming the markers that pointed at no passage given, how many cited sentences their passage does
    not support and how many quotations were not word for word; empty when there were none."""
    parts = []
    invalid = list(dict.fromkeys(n for u in units if not u.abstain for n in u.invalid))
    if invalid:
        listed = ", ".join(f"[{n}]" for n in invalid)
        parts.append(f"Đã loại bỏ trích dẫn không có trong tài liệu được cung cấp: {listed}.")
    unverified = sum(1 for u in units if u.unverified)
    if unverified:
        parts.append(f"{unverified} câu không được đoạn văn bản nó trích dẫn xác nhận (số liệu, tên hoặc nội dung "
                     f"không có trong đoạn đó), đánh dấu {_UNVERIFIED_TAG}.")
    quotes = sum(u.quotes_removed for u in units)
    if quotes:
        parts.append(f"Đã bỏ {quotes} câu trích không có nguyên văn trong tài liệu.")
    return " ".join(parts)


def _verify(question: str, raw: str, results: Sequence[SearchResult], cfg: GroundedConfig) -> Answer:
    """The answer the reply ``raw`` supports: renumbered markers, exact quotes, unsupported claims flagged."""
    text = raw.strip()
    units = _units(text, len(results))
    if _has_abstain_marker(text) and not any(u.valid for u in units if not u.abstain):
        return _abstained(question, results)
    units = [_vetted(u, results) for u in units]
    renumber = _renumbering(units)
    answer_text, unsupported = _checked_text(text, units, renumber)
    return Answer(question=question, text=answer_text, citations=_citations(results, units, renumber, cfg), mode="llm",
                  notice=_removed_notice(units), passages=list(results), unsupported=unsupported)


# -- public -----------------------------------------------------------------------------------------------------
class LLMResponse:
    """The model's answer to one question from retrieved passages, read lazily.

    Nothing is sent to the model before the first ``next()``. Iterating yields the model's text as it arrives, raw
    (markers not yet renumbered; a reply that is only the abstention marker is never yielded); once the stream has
    been read to its end, iterating again replays the same pieces. :meth:`text` reads the stream and returns the
    joined pieces; :meth:`answer` reads it and returns the verified :class:`Answer`, whose ``text`` replaces the
    streamed text. A response is one request: after a failure every read raises the same error.

    Iterating raises :class:`LLMUnavailable` when the model cannot be reached, fails, times out (the HTTP client's
    timeout, see :func:`make_chat_model`, or the whole answer takes longer than that) or returns nothing.

    Args:
        question: the question (already made standalone, see :func:`condense_question`).
        results: the passages to answer from; they are numbered ``[1]..[n]`` in this order. With none, the answer
            abstains and the model is not called.
        chat_model: a LangChain chat model (:func:`make_chat_model`, or a fake one in tests).
        grounded: the grounded answerer's constants (the assistant's own): which spans of a passage are quotable
            and how long a quote may be.
        history: earlier turns; their questions are shown to the model as context only.
    """

    def __init__(self, question: str, results: Sequence[SearchResult], chat_model, *, grounded: GroundedConfig,
                 history: Sequence[Turn] = ()) -> None:
        self.question = question
        self.results = list(results)
        self.chat_model = chat_model
        self.grounded = grounded
        self.history = tuple(history)
        self._shown: list[str] = []
        self._raw: list[str] = []
        self._done = False
        self._error: LLMUnavailable | None = None
        self._answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        if self._error is not None:
            raise self._error
        if self._done:
            yield from self._shown
            return
        try:
            yield from self._read()
        except LLMUnavailable as exc:
            self._error = exc
            raise
        self._done = True

    def _read(self) -> Iterator[str]:
        """One request: the pieces to show, recorded with the raw text as they pass."""
        self._shown, self._raw = [], []
        if not self.results:
            return
        gate = _AbstainGate()
        for raw in self._model_text():
            self._raw.append(raw)
            if shown := gate.feed(raw):
                self._shown.append(shown)
                yield shown
        if shown := gate.finish():
            self._shown.append(shown)
            yield shown
        if not self._reply():
            raise LLMUnavailable("Mô hình ngôn ngữ không trả về nội dung.")

    def _model_text(self) -> Iterator[str]:
        """The model's raw pieces; its errors become :class:`LLMUnavailable` here, where the stream is read.

        The model's timeout bounds the whole answer, not only the silence between two pieces: a piece that arrives
        after the deadline closes the stream (and its HTTP response) and raises :class:`LLMUnavailable`, so the
        caller answers without the model. A silence is bounded by the HTTP client's read timeout, so the longest
        wait is the deadline plus one silence shorter than the timeout.
        """
        messages = _prompt_messages(self.question, self.results, self.history)
        timeout = _timeout_seconds(self.chat_model)
        deadline = time.monotonic() + timeout if timeout else None
        pieces = _model_pieces(self.chat_model, messages)
        try:
            for piece in pieces:
                if deadline is not None and time.monotonic() > deadline:
                    raise LLMUnavailable(f"Máy chủ LLM chưa trả lời xong sau {timeout:g} giây (hết thời gian chờ).")
                if piece:
                    yield piece
        except _MODEL_ERRORS as exc:
            raise _unavailable(exc, timeout) from exc
        finally:
            pieces.close()

    def _reply(self) -> str:
        """The whole raw reply without the model's ``<think>`` section."""
        return _THINK.sub("", "".join(self._raw)).strip()

    def text(self) -> str:
        """Read the whole stream (if not read yet) and return the joined pieces."""
        for _ in self:
            pass
        return "".join(self._shown)

    def answer(self) -> Answer:
        """Read the whole stream (if not read yet) and return the verified answer.

        Returns:
            An :class:`Answer` with ``mode="llm"``: citations renumbered 1..k in order of first appearance with
            exact quotes, ``unsupported`` listing sentences without a valid citation (tagged ``[chưa có trích
            dẫn]`` in the text) or not supported by the passage they cite (tagged ``[chưa kiểm chứng]``),
            ``notice`` naming removed out-of-range markers and counting unsupported sentences and removed
            quotations. ``abstained=True`` when there were no passages, or when the model says the passages do not
            hold the answer.
        """
        if self._answer is None:
            self.text()
            self._answer = (_verify(self.question, self._reply(), self.results, self.grounded) if self.results
                            else _abstained(self.question, self.results))
        return self._answer


def answer_with_llm(question: str, results: Sequence[SearchResult], chat_model, *, grounded: GroundedConfig,
                    history: Sequence[Turn] = ()) -> Answer:
    """The verified answer of :class:`LLMResponse`, without streaming.

    Raises:
        LLMUnavailable: the model could not be reached, failed, timed out or returned nothing.
    """
    return LLMResponse(question, results, chat_model, grounded=grounded, history=history).answer()


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
    from langchain_core.messages import HumanMessage

    turns = [{"question": t.question.strip(), "answer": _strip_markers(t.answer.text)[:400]}
             for t in list(history)[-_CONDENSE_TURNS:]]
    prompt = render_prompt("condense_question", history=turns, question=question.strip())
    try:
        output = _content_text(chat_model.invoke([HumanMessage(content=prompt)]))
    except _MODEL_ERRORS as exc:
        log.warning("condensing the follow-up failed; the question is kept as typed: %s", exc)
        return question
    return _clean_condensed(output, question) or question
