"""Tiny inputs for the grounded composer's tests: search results cut from literal chunks of one document, and a
lexical state over them and a few unrelated passages (no Chroma, no embedder)."""

from __future__ import annotations

from assistant.grounded import GroundedConfig, compose_grounded_answer
from index.lexical import LexicalIndex, passage_terms
from index.lexical_state import LexicalState
from index.model import Passage
from retriever.hybrid import SearchResult
from retriever.query import analyze_query
from textnorm.diacritics import DiacriticRestorer

#: Unrelated passages, so that word weights mean something.
OTHERS = ("Sở Tài chính bố trí kinh phí.", "Ủy ban nhân dân huyện báo cáo kết quả.", "Đào tạo cán bộ, công chức.",
          "Trung tâm phục vụ hành chính công tiếp nhận hồ sơ.")


def search_results(doc: str, meta: dict, chunks: list[tuple[str, str]], kind: str = "text") -> list[SearchResult]:
    """One search result per (section, text) chunk of a document, in order, offsets as in the joined text."""
    out, pos = [], 0
    for n, (section, text) in enumerate(chunks):
        passage = Passage(f"{doc}:{n}", doc, text, pos, pos + len(text), section, kind, {})
        out.append(SearchResult(rank=n + 1, passage=passage, score=1.0 / (n + 1), doc_metadata=meta))
        pos += len(text) + 2
    return out


def tiny_state(results: list[SearchResult], others: tuple[str, ...] = OTHERS) -> LexicalState:
    """A lexical state over the results' passages and ``others``."""
    ids = [r.passage.id for r in results] + [f"x:{i}" for i in range(len(others))]
    texts = [r.passage.text for r in results] + list(others)
    index = LexicalIndex.build(ids, [passage_terms(t, segment=False) for t in texts])
    return LexicalState(index, {pid: {"doc_id": pid.split(":")[0]} for pid in ids},
                        DiacriticRestorer.from_texts(texts), {})


def compose(question: str, results: list[SearchResult], cfg: GroundedConfig = GroundedConfig(),
            others: tuple[str, ...] = OTHERS):
    """The grounded answer to ``question`` from ``results``."""
    state = tiny_state(results, others)
    return compose_grounded_answer(question, analyze_query(question, state.restorer), results, state, cfg)
