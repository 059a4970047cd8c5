"""The answer facade used by the app and the CLI: search, answer (grounded or LLM), abstain, follow-ups."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence

from assistant.conversation import resolve_followup
from assistant.grounded import abstain, compose_grounded_answer, content_terms, list_target
from assistant.types import Answer, Turn
from index.store import IndexStore
from retriever.hybrid import HybridRetriever, SearchFilters, SearchResult
from retriever.service import open_retriever
from settings import Settings

log = logging.getLogger(__name__)

#: Passages read to compose an answer.
ANSWER_PASSAGES = 8
#: Leading documents searched again on their own, and passages taken from each.
PER_DOC_DOCS = 4
PER_DOC_PASSAGES = 5
#: Share of the question's topic weight the best quoted unit must carry (calibrated on the dev set, see README).
MIN_COVERAGE = 0.5
#: Share of the question's topic words that no indexed passage uses, above which the documents cannot answer it
#: (dev answerable questions: at most 1 in 12; off-topic probes: 1 in 7 or more).
MAX_UNKNOWN_SHARE = 0.12
FALLBACK_NOTICE = "Không dùng được LLM ({reason}); câu trả lời dưới đây được trích nguyên văn từ văn bản."


class Assistant:
    """Answers questions over the index. One per process; per-user state (history) is passed in by the caller."""

    def __init__(self, settings: Settings, retriever: HybridRetriever, chat_model=None) -> None:
        self.settings = settings
        self.retriever = retriever
        self._chat_model = chat_model

    @property
    def store(self) -> IndexStore:
        return self.retriever.store

    @property
    def llm_available(self) -> bool:
        return self._chat_model is not None or self.settings.llm_enabled

    def chat_model(self):
        if self._chat_model is None and self.settings.llm_enabled:
            from assistant.llm import make_chat_model

            self._chat_model = make_chat_model(self.settings)
        return self._chat_model

    # -- public ------------------------------------------------------------------------------------------------
    def ask(self, question: str, *, history: Sequence[Turn] = (), filters: SearchFilters | None = None,
            mode: str = "grounded", on_token=None) -> Answer:
        """Answer one question.

        Args:
            question: as typed by the user.
            history: earlier turns of this conversation (follow-ups use them).
            filters: province / year / document type / documents chosen in the UI.
            mode: "grounded" (default, no LLM) or "llm".
            on_token: called with each chunk of text as the LLM streams it.

        Returns:
            An :class:`Answer` with verifiable citations, or an abstention.
        """
        question = (question or "").strip()
        if not re.search(r"\w", question):
            return Answer(question=question, text="Xin hãy nhập một câu hỏi về các văn bản CCHC.", abstained=True)
        question = question[:2000]
        state = self.store.lexical()
        analysis, filters = resolve_followup(question, history, filters, state.restorer)
        llm_question = question
        if mode == "llm" and self.llm_available and history:
            try:
                from assistant.llm import condense_question

                condensed = condense_question(question, history, self.chat_model())
                if condensed and condensed != question:
                    llm_question = condensed
                    analysis, filters = resolve_followup(condensed, (), filters, state.restorer)
            except Exception as exc:  # noqa: BLE001 - condensing is an optimisation
                log.warning("condense failed: %s", exc)
        # schedule hook (issue 14): who is inspected when is answered from the facts of every plan in scope
        from assistant.schedule import answer_from_schedule

        scheduled = answer_from_schedule(question, analysis, filters, state)
        if scheduled is not None:
            return scheduled
        results = self._search(analysis, filters)
        use_llm = mode == "llm" and self.llm_available
        reason = self._out_of_scope(analysis, results, state, use_llm)
        if reason:
            answer = abstain(question, results, reason)
            answer.query = analysis.text
            return answer
        if mode == "llm" and self.llm_available:
            from assistant.llm import LLMUnavailable, answer_with_llm

            try:
                answer = answer_with_llm(llm_question, results[:6], self.chat_model(), history=history,
                                         on_token=on_token)
                answer.question, answer.query = question, analysis.text
                return answer
            except LLMUnavailable as exc:
                answer = self._grounded(question, analysis, results, state)
                answer.notice = FALLBACK_NOTICE.format(reason=exc)
                return answer
        return self._grounded(question, analysis, results, state)

    def stream(self, question: str, *, history: Sequence[Turn] = (), filters: SearchFilters | None = None,
               mode: str = "grounded") -> Iterator[str | Answer]:
        """Yield the answer text in chunks, then the final :class:`Answer` as the last item."""
        if mode == "llm" and self.llm_available:
            import queue
            import threading

            chunks: queue.Queue = queue.Queue()
            box: dict = {}

            def work():
                try:
                    box["answer"] = self.ask(question, history=history, filters=filters, mode=mode,
                                             on_token=chunks.put)
                except Exception as exc:  # noqa: BLE001
                    box["error"] = exc
                finally:
                    chunks.put(None)

            threading.Thread(target=work, daemon=True).start()
            streamed = []
            while (chunk := chunks.get()) is not None:
                streamed.append(chunk)
                yield chunk
            if "error" in box:
                raise box["error"]
            answer = box["answer"]
            if not streamed:
                yield answer.text  # nothing came from the model (fallback or abstention): the answer itself
            elif "".join(streamed) != answer.text:
                # the verified text differs from the raw stream (markers renumbered, unsupported sentences flagged)
                yield "\n\n---\n"
                yield "(Bản đã kiểm tra trích dẫn ở trên được hiển thị bên dưới.)"
            yield answer
            return
        answer = self.ask(question, history=history, filters=filters, mode=mode)
        if answer.notice:
            yield f"_{answer.notice}_\n\n"
        for piece in re.findall(r"\S+\s*", answer.text):
            yield piece
        yield answer

    # -- parts -------------------------------------------------------------------------------------------------
    def _search(self, analysis, filters: SearchFilters | None) -> list:
        """The best passages overall, plus the best few inside each of the leading documents: the sentence that
        answers may sit in another section of a document than the one that matched best."""
        results = self.retriever.search(analysis.original, k=ANSWER_PASSAGES, filters=filters, analysis=analysis)
        seen = {r.passage.id for r in results}
        leading = list(dict.fromkeys(r.passage.doc_id for r in results))[:PER_DOC_DOCS]
        base = filters or SearchFilters()
        extra = []
        for doc_id in leading:
            scoped = SearchFilters(base.provinces, base.years, base.doc_types, (doc_id,))
            for r in self.retriever.search(analysis.original, k=PER_DOC_PASSAGES, filters=scoped, analysis=analysis):
                if r.passage.id not in seen:
                    seen.add(r.passage.id)
                    extra.append(r)
        target = list_target(analysis.text)
        if target:
            extra.extend(self._enumerations(leading, target, seen))
        ranked = results + extra
        return [SearchResult(rank=i + 1, passage=r.passage, score=r.score, doc_metadata=r.doc_metadata)
                for i, r in enumerate(ranked)]

    def _enumerations(self, doc_ids: list[str], target: list[str], seen: set) -> list[SearchResult]:
        """Passages of the leading documents that enumerate what a list question asks for ("các Sở: …")."""
        records = self.store.lexical().records
        found = []
        for doc_id in doc_ids:
            record = records.get(doc_id)
            if record is None:
                continue
            for passage in self.store.passages_of(doc_id, record.version):
                if passage.id in seen or passage.text.count(",") < 3:
                    continue
                if target != ["__any__"] and not re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, target))
                                                           + r"(?!\w)", passage.text.lower()):
                    continue
                seen.add(passage.id)
                found.append(SearchResult(rank=99, passage=passage, score=0.0,
                                          doc_metadata={**record.metadata, "source": record.source}))
        return found

    def _grounded(self, question, analysis, results, state) -> Answer:
        answer = compose_grounded_answer(question, analysis, results, state)
        if not answer.abstained and _coverage(answer, analysis, state) < MIN_COVERAGE:
            answer = abstain(question, results)
            answer.query = analysis.text
        answer.question = question
        return answer

    def _out_of_scope(self, analysis, results, state, use_llm: bool = False) -> str:
        missing = [p for p in analysis.provinces if p not in state.province_names]
        if missing and len(missing) == len(analysis.provinces):
            return (f"Các văn bản hiện có không có văn bản nào của {', '.join(missing)}, nên không thể trả lời "
                    "câu hỏi này.")
        if not results:
            return "Không tìm thấy đoạn văn bản nào liên quan đến câu hỏi."
        if _is_foreign(analysis, state) and not use_llm:
            # word-level checks cannot tell a foreign-language question's topic; the multilingual embedder finds the
            # closest documents, but quoting needs the words: ask in Vietnamese (or use LLM mode)
            return ("Chế độ trích dẫn chỉ trả lời câu hỏi bằng tiếng Việt (có hoặc không dấu). Hãy đặt lại câu hỏi "
                    "bằng tiếng Việt, hoặc dùng chế độ LLM nếu đã cấu hình.")
        unknown = [] if use_llm else _unknown_terms(analysis, state)
        if unknown and len(unknown) / max(len(_topic_words(analysis)), 1) > MAX_UNKNOWN_SHARE:
            return ("Các văn bản hiện có không nói về nội dung này (không văn bản nào dùng các từ: "
                    + ", ".join(unknown[:5]) + ").")
        if analysis.years:
            seen = " ".join(r.passage.text + " " + " ".join(str(v) for v in r.doc_metadata.values())
                            for r in results)
            if not any(y in seen for y in analysis.years):
                return (f"Các văn bản hiện có không nói về năm {', '.join(analysis.years)}, nên không thể trả lời "
                        "câu hỏi này.")
        return ""


def _is_foreign(analysis, state) -> bool:
    """A question in another language (English…): no Vietnamese diacritics and most words unknown to the corpus."""
    from textnorm import has_diacritics, syllables

    words = [w for w in syllables(analysis.original) if not w.isdigit()]
    if len(words) < 3 or has_diacritics(analysis.text):
        return False
    unknown = sum(1 for w in words if state.index.document_frequency("~" + w) == 0)
    return unknown / len(words) >= 0.5


def _topic_words(analysis) -> list[str]:
    """Words of the question that say what it is about (not function words, numbers or the place asked about)."""
    from assistant.grounded import STOPWORDS
    from textnorm import fold_word, syllables
    from textnorm.gazetteer import ALIASES

    place = {fold_word(w) for p in analysis.provinces for w in syllables(p)}
    return [w for w in syllables(analysis.text) if fold_word(w) not in STOPWORDS and not w.isdigit()
            and fold_word(w) not in place and fold_word(w) not in ALIASES]


def _unknown_terms(analysis, state) -> list[str]:
    """Topic words of the question that no indexed passage contains (accented form)."""
    index = state.index
    return list(dict.fromkeys(w for w in _topic_words(analysis) if index.document_frequency(w) == 0))


def _coverage(answer: Answer, analysis, state) -> float:
    """Share of the question's topic weight found in the best cited unit's passage."""
    from assistant.grounded import _idf_table
    from textnorm import fold_word, syllables
    from textnorm.gazetteer import ALIASES

    terms = set(content_terms(analysis.search_text)) - set(ALIASES)  # "HN" is the place, matched by the filter
    if not terms:
        return 0.0
    idf = _idf_table(state)
    total = sum(idf(t) for t in terms)
    best = 0.0
    for result in answer.passages[:ANSWER_PASSAGES]:
        if not any(c.doc_id == result.passage.doc_id for c in answer.citations):
            continue
        words = {fold_word(s) for s in syllables(result.passage.text + " " + result.passage.section + " "
                                                 + " ".join(str(v) for v in result.doc_metadata.values()))}
        best = max(best, sum(idf(t) for t in terms if t in words) / total)
    return best


def open_assistant(settings: Settings, *, chat_model=None, build: bool = True) -> Assistant:
    """An :class:`Assistant` over the configured index (built from the corpus first when empty)."""
    return Assistant(settings, open_retriever(settings, build=build), chat_model=chat_model)


__all__ = ["Assistant", "open_assistant", "MIN_COVERAGE"]
