"""Open a ready retriever. Read paths never ingest: an empty, missing or damaged index is an error that names the
command that builds it. The app's first start builds the bundled corpus through the ingest service
(``ingest.service.DocumentLibrary.ensure_index``) before it opens the retriever."""

from __future__ import annotations

from errors import IndexEmpty
from index.manifest import read_manifest
from index.store import IndexStore
from retriever.hybrid import HybridRetriever, RetrieverConfig
from settings import Settings

BUILD_COMMAND = "python -m ingest"


def check_index(store: IndexStore, settings: Settings) -> None:
    """Raise :class:`IndexEmpty`, :class:`IndexDamaged` or :class:`IndexUnavailable` (Vietnamese messages naming the
    command that builds the index) unless the index can answer."""
    store.check_embedder()
    if store.records():
        return
    listed = read_manifest(settings)
    lost = (f" Tệp {settings.manifest_path} ghi {len(listed)} văn bản đã nạp trước đây: lệnh trên dựng lại chúng."
            if listed else "")
    raise IndexEmpty(f"Chỉ mục ở {store.location()} chưa có văn bản nào. Hãy nạp văn bản trước: `{BUILD_COMMAND}` "
                     f"(mặc định nạp {settings.corpus_dir}) hoặc `{BUILD_COMMAND} THƯ_MỤC`.{lost}")


def open_retriever(settings: Settings, store: IndexStore | None = None,
                   config: RetrieverConfig | None = None) -> HybridRetriever:
    """A :class:`HybridRetriever` over the configured index.

    Args:
        settings: where the index lives.
        store: an open store (one is made from the settings otherwise).
        config: retrieval parameters.

    Raises:
        IndexUnavailable: the index cannot be used (empty, damaged, another embedder); the message says why and which
            command builds it.
    """
    store = store or IndexStore(settings)
    check_index(store, settings)
    return HybridRetriever(store, config)


__all__ = ["open_retriever", "check_index", "IndexEmpty", "BUILD_COMMAND"]
