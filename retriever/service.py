"""Open a ready retriever: the index, built from the corpus on first use when it is empty."""

from __future__ import annotations

import logging

from index.store import IndexStore
from retriever.hybrid import HybridRetriever, RetrieverConfig
from settings import Settings

log = logging.getLogger(__name__)


def ensure_index(store: IndexStore, settings: Settings) -> str | None:
    """Build the index from ``settings.corpus_dir`` when it holds no document; returns the ingest summary if so."""
    store.check_embedder()
    if store.records():
        return None
    from ingest.pipeline import ingest_paths

    log.info("Chỉ mục trống: nạp %s", settings.corpus_dir)
    report = ingest_paths([settings.corpus_dir], settings, store)
    return report.summary()


def open_retriever(settings: Settings, store: IndexStore | None = None, config: RetrieverConfig | None = None,
                   *, build: bool = True) -> HybridRetriever:
    """A :class:`HybridRetriever` over the configured index (built from the corpus first if empty and ``build``)."""
    store = store or IndexStore(settings)
    if build:
        ensure_index(store, settings)
    return HybridRetriever(store, config)
