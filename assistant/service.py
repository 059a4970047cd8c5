"""The answer facade used by the app and the CLI: search, answer (grounded or LLM), abstain, follow-ups."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Generator, Sequence
from dataclasses import replace
from datetime import date

from assistant.abstention import AbstentionRule
from assistant.abstention import features as abstention_features
from assistant.conversation import resolve_followup
from assistant.grounded import GroundedConfig, abstain, compose_grounded_answer, score_all
from assistant.grounded.response import GroundedResponse
from assistant.scope import (
    SCOPE_EVIDENCE_RANKS,
    absent_numbers,
    citing_documents,
    number_reason,
    out_of_scope,
    province_open,
    unindexed_provinces,
)
from assistant.scope import _year_open as _year_open  # noqa: F401 - the year test of the scope, read by its tests
from assistant.types import Answer, Turn
from errors import CchcError, LLMUnavailable
from index.model import OPENING_SECTION, PORTAL_SECTION, document_years
from retriever.features import (
    FIELD_NAMES,
    SCOPE_FIELDS,
    DocumentPlace,
    asked_provinces,
    document_place,
    province_names,
    unread_fields,
)
from retriever.hybrid import HybridRetriever, SearchFilters, SearchResult
from retriever.query import resolve_merged_provinces, resolve_named_documents
from retriever.service import open_retriever
from settings import Settings
from textnorm.cues import HEADER_TYPES, PASSAGE_ROLES, AnswerType, ListTarget
from textnorm.gazetteer import province_key
from textnorm.inputs import visible_text

log = logging.getLogger(__name__)

#: Passages of the one search an answer is composed from.
ANSWER_POOL = 12
#: Leading documents whose front and end matter (number, date, title, Căn cứ, signature) join the pool when the
#: question asks about a document's identity or basis.
HEADER_DOCS = 2
#: Leading documents scanned for an enumeration when the question asks for a list ("những sở nào").
LIST_DOCS = 4
#: A search run when the app opens the assistant, so the embedder and the BM25 cache load before the first question.
WARM_UP_QUERY = "kế hoạch kiểm tra cải cách hành chính"
#: The answer to a question with nothing visible to read: empty, or only control, escape or invisible characters.
EMPTY_QUESTION = "Xin hãy nhập một câu hỏi về các văn bản CCHC."
FALLBACK_NOTICE = "Không dùng được LLM ({reason}); câu trả lời dưới đây được trích nguyên văn từ văn bản."


class Assistant:
    """Answers questions over the index. One per process; per-user state (history) is passed in by the caller."""

    def __init__(self, settings: Settings, retriever: HybridRetriever, chat_model=None, *,
                 grounded: GroundedConfig = GroundedConfig(), abstention: AbstentionRule = AbstentionRule()) -> None:
        """``grounded``: the constants of the grounded answerer; ``abstention``: its refusal thresholds (the dense
        threshold is dropped for an index built with another embedder than the one it was fitted with)."""
        self.settings = settings
        self.retriever = retriever
        self._chat_model = chat_model
        self.grounded = grounded
        self.abstention = abstention.for_embedder(settings.embedding_model)
        #: today's date for "sắp đến hạn" (issue 22); tests and benches replace it
        self.clock: Callable[[], date] = date.today

    @property
    def store(self):
        """The index the retriever reads (``index.store.IndexStore``): the assistant reaches it only through the
        retriever."""
        return self.retriever.store

    def schedule_plans(self) -> list:
        """The indexed plans that state an inspection schedule (the schedule view's rows are read from them)."""
        from assistant.schedule import schedule_plans

        return schedule_plans(self.store.lexical())

    def task_plans(self) -> list:
        """The indexed plans that state reform tasks (the task view's rows are read from them)."""
        from assistant.tasks import task_plans

        return task_plans(self.store.lexical())

    def _document_text(self, doc_id: str) -> str | None:
        """A document's cleaned text (a task is cited by its row of it)."""
        doc = self.store.get_document(doc_id)
        return doc.text if doc is not None else None

    def warm_up(self) -> None:
        """Load the lexical index, the embedding model (one throw-away search) and the plans' task facts with the
        texts their rows are quoted from now, so the first question does not wait for them. Failures are left to that
        first question, which reports them."""
        try:
            from assistant.tasks import warm_tasks

            warm_tasks(self.store.lexical(), self._document_text)
            self.retriever.search(WARM_UP_QUERY, k=1)
        except CchcError:  # an index that cannot answer: the first question says so in Vietnamese
            log.warning("warm-up failed", exc_info=True)

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
            mode: str = "grounded") -> Answer:
        """Answer one question.

        Args:
            question: as typed by the user.
            history: earlier turns of this conversation (follow-ups use them).
            filters: province / year / document type / documents chosen in the UI.
            mode: "grounded" (default, no LLM) or "llm".

        Returns:
            An :class:`Answer` with verifiable citations, or an abstention.
        """
        return self.stream(question, history=history, filters=filters, mode=mode).answer()

    def _answer(self, question: str, *, history: Sequence[Turn] = (), filters: SearchFilters | None = None,
                mode: str = "grounded") -> Generator[str, None, Answer]:
        """:meth:`ask` as a generator: the LLM's text pieces as they stream, then the Answer as its return value."""
        question = readable_question(question)
        if not question:
            return Answer(question=question, text=EMPTY_QUESTION, abstained=True)
        question = question[:2000]
        state = self.store.lexical()
        llm_question = self._condensed(question, history) if mode == "llm" and self.llm_available else question
        # the question is analysed once: a condensed question stands alone, a typed one is read with the conversation
        analysis, filters, notes = _analyse(llm_question, history if llm_question == question else (), filters, state)
        absent = absent_numbers(analysis, state, self.store.fetch_passages)
        if absent:  # a document named by a number no indexed text writes: nothing can answer about it
            answer = abstain(question, self._search(analysis, filters, state), number_reason(absent))
            answer.query = analysis.text
            return _noted(answer, notes)
        # schedule hook (issue 14): who is inspected when is answered from the facts of every plan in scope
        from assistant.schedule import answer_from_schedule

        scheduled = answer_from_schedule(question, analysis, filters, state)
        if scheduled is not None:
            scheduled = _noted(scheduled, unread_note(scheduled.citations, _scope_fields(analysis, filters)))
            return _noted(scheduled, notes)
        # task hook (issue 22): who leads which task by when is answered from the task facts of every plan in scope
        from assistant.tasks import answer_from_tasks

        tasked = answer_from_tasks(question, analysis, filters, state, text_of=self._document_text, today=self.clock())
        if tasked is not None:
            tasked = _noted(tasked, unread_note(tasked.citations, _scope_fields(analysis, filters)))
            return _noted(tasked, notes)
        results = self._search(analysis, filters, state)
        use_llm = mode == "llm" and self.llm_available
        reason = _outside_filter(analysis, filters) or self._out_of_scope(analysis, results, state, use_llm)
        if reason:
            answer = abstain(question, results, reason + _filter_note(filters))
            answer.query = analysis.text
            return _noted(answer, notes)
        if mode == "llm" and self.llm_available:
            from assistant.llm import LLMResponse

            try:
                pool = answer_pool(results, _unfiltered_provinces(analysis, filters, state))
                response = LLMResponse(llm_question, pool[: self.settings.top_k], self.chat_model(),
                                       grounded=self.grounded, history=history)
                yield from response
                answer = response.answer()
                answer.question, answer.query = question, analysis.text
                return answer
            except LLMUnavailable as exc:
                answer = self._grounded(question, analysis, results, state, filters)
                answer.notice = FALLBACK_NOTICE.format(reason=exc)
                return answer
        return _noted(self._grounded(question, analysis, results, state, filters), notes)

    def _condensed(self, question: str, history: Sequence[Turn]) -> str:
        """The question rewritten by the LLM to stand alone in the conversation (LLM mode), or as typed."""
        if not history:
            return question
        try:
            from assistant.llm import condense_question

            return condense_question(question, history, self.chat_model()) or question
        except LLMUnavailable as exc:  # condensing is an optimisation: the question is searched as typed
            log.warning("condense failed: %s", exc)
            return question

    def diagnose(self, question: str, filters: SearchFilters | None = None) -> dict:
        """Why the grounded answerer answers or refuses: the analysis, the rule-based refusal reason, the abstention
        features and the best units with their scores (for tuning and for ``bench.fit_abstention``)."""
        state = self.store.lexical()
        analysis, filters, _ = _analyse(question, (), filters, state)
        results = answer_pool(self._search(analysis, filters, state), _unfiltered_provinces(analysis, filters, state))
        units, _ = score_all(results, analysis, state, self.grounded)
        best = sorted(units, key=lambda u: -u.score)[:5]
        absent = absent_numbers(analysis, state, self.store.fetch_passages)
        return {"analysis": analysis,
                "out_of_scope": number_reason(absent) if absent else self._out_of_scope(analysis, results, state),
                "features": abstention_features(units, analysis, state, self.abstention, self.store.document_text,
                                                self.grounded.doc_min_share),
                "units": [(round(u.score, 3), round(u.coverage, 3), u.kind, u.role, u.doc_id, u.text[:120])
                          for u in best]}

    def stream(self, question: str, *, history: Sequence[Turn] = (), filters: SearchFilters | None = None,
               mode: str = "grounded") -> GroundedResponse:
        """The answer as a :class:`GroundedResponse`, read lazily in both modes: iterating it yields the text to
        show as it comes, ``answer()`` gives the final :class:`Answer` (the arguments are those of :meth:`ask`)."""
        return GroundedResponse(self._answer(question, history=history, filters=filters, mode=mode))

    # -- parts -------------------------------------------------------------------------------------------------
    def _search(self, analysis, filters: SearchFilters | None, state) -> list[SearchResult]:
        """One search; for identity and basis questions, the front and end matter of the leading documents too.
        A document named by its number ("QĐ 251") scopes the search to it, unless the user chose documents; a number
        no document has as its own scopes it to the few documents that write it (a post citing "KH194/UBND")."""
        named = resolve_named_documents(analysis, state.records) or citing_documents(analysis, state,
                                                                                     self.store.fetch_passages)
        if named and not (filters and filters.doc_ids):
            base = filters or SearchFilters()
            filters = SearchFilters(base.provinces, base.years, base.doc_types, tuple(named))
        results = self.retriever.search(analysis.original, k=ANSWER_POOL, filters=filters, analysis=analysis)
        if HEADER_TYPES & set(analysis.answer_types):
            results += self._passages_of_leading(results, HEADER_DOCS, _is_header, state.records)
        if AnswerType.LIST in analysis.answer_types and analysis.list_target:
            results += self._passages_of_leading(results, LIST_DOCS, _enumeration_of(analysis.list_target),
                                                 state.records)
        return results

    def _passages_of_leading(self, results: list[SearchResult], n_docs: int, keep,
                             records: dict) -> list[SearchResult]:
        """Passages of the ``n_docs`` leading documents that ``keep`` accepts and the search did not return; each
        counts with the rank of its document's first result (a scan of those documents, not another search)."""
        seen = {r.passage.id for r in results}
        extra = []
        for doc_id in list(dict.fromkeys(r.passage.doc_id for r in results))[:n_docs]:
            record = records.get(doc_id)
            if record is None:
                continue
            first = next(r for r in results if r.passage.doc_id == doc_id)
            for passage in self.store.passages_of(doc_id, record.version, record.n_passages):
                if passage.id not in seen and keep(passage):
                    seen.add(passage.id)
                    extra.append(SearchResult(rank=first.rank, passage=passage, score=first.score,
                                              doc_metadata=first.doc_metadata, scores={"scan": 1.0},
                                              unread=first.unread))
        return extra

    def _grounded(self, question, analysis, results, state, filters: SearchFilters | None = None) -> Answer:
        cfg = self.grounded
        results = answer_pool(results, _unfiltered_provinces(analysis, filters, state))
        scored = score_all(results, analysis, state, cfg)
        # a document named by its number is the scope: a year the question names does not refuse it
        judged = replace(analysis, years=[]) if resolve_named_documents(analysis, state.records) else analysis
        reason = self.abstention.reason(abstention_features(scored[0], judged, state, self.abstention,
                                                            self.store.document_text, cfg.doc_min_share))
        if reason:
            answer = abstain(question, results, reason + _filter_note(filters))
        else:
            answer = compose_grounded_answer(question, analysis, results, state, cfg, scored=scored)
            answer = _noted(answer, unread_note(answer.citations, _scope_fields(analysis, filters)))
        answer.question, answer.query = question, analysis.text
        return answer

    def _out_of_scope(self, analysis, results, state, use_llm: bool = False) -> str:
        """Why the documents cannot answer before any unit is read, or "" (:func:`assistant.scope.out_of_scope`)."""
        return out_of_scope(analysis, results, state, use_llm=use_llm, foreign=lambda: _is_foreign(analysis, state))


def readable_question(text: str | None) -> str:
    """The question as it shows (:func:`textnorm.inputs.visible_text`, stripped), or "" when it has no word to read:
    an escape sequence's "31m" or a zero-width space asks nothing (the service and the chat page read it alike).

    >>> readable_question("  Ai ký\\u200b?\\x00 "), readable_question("\\x00\\x1b[31m \\u200b"), readable_question("?!")
    ('Ai ký?', '', '')
    """
    question = visible_text(text or "").strip()
    return question if re.search(r"\w", question) else ""


def _unfiltered_provinces(analysis, filters: SearchFilters | None, state) -> list[str]:
    """The provinces the question names that the search could not filter on (the index holds no document known to be
    theirs), unless documents are named by number or chosen (they are the scope)."""
    if filters is not None and (filters.provinces or filters.doc_ids):
        return []
    if resolve_named_documents(analysis, state.records):
        return []
    missing = unindexed_provinces(analysis, state)
    return missing if missing and len(missing) == len(analysis.provinces) else []


def _scope_fields(analysis, filters: SearchFilters | None) -> tuple[str, ...]:
    """The document fields the question's scope reads: its province and year, the sidebar's province, year and kind."""
    f = filters or SearchFilters()
    wanted = {"tinh": bool(analysis.provinces or f.provinces), "years": bool(analysis.years or f.years),
              "loai_van_ban": bool(f.doc_types)}
    return tuple(name for name in SCOPE_FIELDS if wanted[name])


def unread_note(citations, fields: tuple[str, ...]) -> str:
    """A label for an answer quoting documents that do not state a field its scope reads ("chưa rõ tỉnh"): they were
    searched because the field was not read, not because it matched.

    >>> from assistant.types import Citation
    >>> c = Citation(1, "d", "", "", "", "q", 0, 1, label="Kế hoạch", metadata={"tinh": "", "nam": "2021"})
    >>> unread_note([c], ("tinh", "years"))
    'Văn bản được trích chưa rõ tỉnh (Kế hoạch): vẫn được tìm vì thông tin này chưa đọc được từ văn bản.'
    >>> unread_note([c], ("years",))
    ''
    """
    by_field: dict[str, list[str]] = {}
    for c in citations:
        md = {**c.metadata, "years": document_years(c.metadata)}
        for name in unread_fields(md, fields):
            if c.label not in by_field.setdefault(name, []):
                by_field[name].append(c.label)
    if not by_field:
        return ""
    what = ", ".join(FIELD_NAMES[name] for name in by_field)
    labels = "; ".join(dict.fromkeys(label for labels in by_field.values() for label in labels))
    return f"Văn bản được trích chưa rõ {what} ({labels}): vẫn được tìm vì thông tin này chưa đọc được từ văn bản."


def answer_pool(results: list[SearchResult], provinces: list[str] = ()) -> list[SearchResult]:
    """The passages an answer is read from, in the search's order.

    - When the question names provinces (``provinces``, none of them filtered on because the index holds no document
      known to be theirs), a passage whose document is known to be of another province and that does not name them
      is left out; a document whose province was not read stays.
    - A document that leaves a field the search filtered on unread (``SearchResult.unread``) is read when one of its
      passages ranks among the first :data:`SCOPE_EVIDENCE_RANKS` despite ranking lower, or when no document known
      to match is left: never a reason to refuse, and never in the way of the documents known to match.

    >>> from index.model import Passage
    >>> def r(rank, doc, tinh="", unread=()):
    ...     p = Passage(f"{doc}:{rank}", doc, "x", 0, 1)
    ...     return SearchResult(rank, p, 1.0 / rank, {"tinh": tinh}, unread=unread)
    >>> late = [r(1, "a", "Đồng Nai")] * 5 + [r(6, "b", unread=("tinh",))]
    >>> {x.passage.doc_id for x in answer_pool(late)}, [x.passage.doc_id for x in answer_pool(late[5:])]
    ({'a'}, ['b'])
    >>> [x.passage.doc_id for x in answer_pool([r(1, "b", unread=("tinh",)), r(2, "a", "Bình Dương")])]
    ['b', 'a']
    >>> [x.passage.doc_id for x in answer_pool([r(1, "a", "Cần Thơ"), r(2, "b")], ["Hà Tĩnh"])]
    ['b']
    """
    if provinces:
        open_ = [r for r in results if province_open(r, provinces) or _province_matches(r, provinces)]
        results = open_ or list(results)
    leading = {r.passage.doc_id for r in results[:SCOPE_EVIDENCE_RANKS]}
    kept = [r for r in results if not r.unread or r.passage.doc_id in leading]
    return kept if any(not r.unread for r in kept) else list(results)


def _province_matches(result: SearchResult, provinces: list[str]) -> bool:
    """The passage's document is known to be of one of ``provinces``."""
    return document_place(result.doc_metadata, asked_provinces(provinces)) is DocumentPlace.ASKED


def _is_foreign(analysis, state) -> bool:
    """A question in another language (English…): no Vietnamese diacritics and most words unknown to the corpus."""
    from textnorm import has_diacritics, syllables

    words = [w for w in syllables(analysis.original) if not w.isdigit()]
    if len(words) < 3 or has_diacritics(analysis.text):
        return False
    unknown = sum(1 for w in words if state.index.document_frequency("~" + w) == 0)
    return unknown / len(words) >= 0.5


def _analyse(question: str, history, filters: SearchFilters | None, state):
    """The question read once, in the light of the conversation; a province named by its post-2025 name stands for
    the indexed provinces merged into it. Returns the analysis, the filters and the notes the answer shows (a scope
    carried over from the previous question, a merger)."""
    analysis, filters, inherited = resolve_followup(question, history, filters, state.restorer)
    merged = resolve_merged_provinces(analysis, province_names(state))
    return analysis, filters, f"{inherited} {merged}".strip()


def _noted(answer: Answer, note: str) -> Answer:
    """The answer with a notice (e.g. a province read under its pre-2025 name)."""
    if note:
        answer.notice = f"{answer.notice} {note}".strip()
    return answer


def _is_header(passage) -> bool:
    """Front and end matter, and the portal's lines about the document ("Người ký: …")."""
    return passage.kind in PASSAGE_ROLES or passage.section in (OPENING_SECTION, PORTAL_SECTION)


def _enumeration_of(target: ListTarget):
    """A test for passages that enumerate what a list question asks for ("các Sở: Công Thương, Y tế, …")."""
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, target.words[:1])) + r"(?!\w)[^.;]*?(?:,[^,]+){2,}",
                         re.IGNORECASE) if target.words else re.compile(r"(?:,[^,]+){3,}")
    return lambda passage: bool(pattern.search(passage.text))


def _outside_filter(analysis, filters: SearchFilters | None) -> str:
    """A question about a province the user's filter leaves out is not answered from the filtered documents."""
    if filters is None or not filters.provinces or not analysis.provinces:
        return ""
    chosen = asked_provinces(filters.provinces)
    named = [p for p in analysis.provinces if province_key(p) not in chosen]
    if len(named) < len(analysis.provinces):
        return ""
    return f"Câu hỏi nói về {', '.join(named)}, nằm ngoài bộ lọc đang chọn."


def _filter_note(filters: SearchFilters | None) -> str:
    """A refusal under a filter says so: the filter may have excluded the documents that answer."""
    if filters is None or filters.is_empty():
        return ""
    parts = list(filters.provinces) + list(filters.years) + list(filters.doc_types)
    if filters.doc_ids:
        parts.append(f"{len(filters.doc_ids)} văn bản đã chọn")
    return (f"\n\nCâu hỏi chỉ được tìm trong các văn bản theo bộ lọc đang chọn ({' · '.join(parts)}); bộ lọc có thể đã "
            "loại văn bản chứa câu trả lời. Hãy bỏ bộ lọc và hỏi lại.")


def open_assistant(settings: Settings, *, chat_model=None, store=None, **config) -> Assistant:
    """An :class:`Assistant` over the configured index, or over ``store`` when one is given (the app shares the
    ingest service's store); ``config``: its ``grounded`` and ``abstention`` settings when not the defaults. An empty
    or damaged index raises :class:`errors.IndexUnavailable`: the app builds it first
    (``ingest.service.DocumentLibrary.ensure_index``), the CLI says which command does."""
    return Assistant(settings, open_retriever(settings, store), chat_model=chat_model, **config)


#: ``SearchFilters`` is the type of ``Assistant.ask(filters=…)``: the UI builds it from this module.
#: The scope fields and the test of a field a document leaves unread are the UI's too (the sidebar counts them).
__all__ = ["Assistant", "open_assistant", "ANSWER_POOL", "SearchFilters", "SCOPE_FIELDS", "FIELD_NAMES",
           "unread_fields", "unread_note", "answer_pool"]
