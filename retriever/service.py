"""Open a ready retriever. Read paths never ingest: an empty, missing or damaged index is an error that names the
command that builds it. Only the app's first start (``build=True``) builds the bundled corpus, and says so."""

from __future__ import annotations

import logging

from errors import IndexDamaged, IndexEmpty
from index.store import IndexStore
from retriever.hybrid import HybridRetriever, RetrieverConfig
from settings import Settings

log = logging.getLogger(__name__)

BUILD_COMMAND = "python -m ingest"


def check_index(store: IndexStore, settings: Settings) -> None:
    """Raise :class:`IndexEmpty`, :class:`IndexDamaged` or :class:`IndexUnavailable` (Vietnamese messages naming the
    command that builds the index) unless the index can answer."""
    store.check_embedder()
    if store.records():
        return
    from ingest.manifest import read_manifest

    listed = read_manifest(settings)
    lost = (f" Tệp {settings.manifest_path} ghi {len(listed)} văn bản đã nạp trước đây: lệnh trên dựng lại chúng."
            if listed else "")
    raise IndexEmpty(f"Chỉ mục ở {store.location()} chưa có văn bản nào. Hãy nạp văn bản trước: `{BUILD_COMMAND}` "
                     f"(mặc định nạp {settings.corpus_dir}) hoặc `{BUILD_COMMAND} THƯ_MỤC`.{lost}")


def ensure_index(store: IndexStore, settings: Settings) -> str | None:
    """The app's first start: build the index from ``settings.corpus_dir`` (and the manifest's sources, when the
    database was damaged or lost) when it holds no document; returns what was done, to show, or None."""
    try:
        store.check_embedder()
        if store.records():
            return None
        what = f"Chỉ mục trống: lần khởi động đầu tiên, đang nạp kho văn bản đi kèm ({settings.corpus_dir})."
    except IndexDamaged as exc:
        what = f"{exc} Đang dựng lại ngay."
    from ingest.pipeline import ingest_paths

    log.warning(what)
    report = ingest_paths([settings.corpus_dir], settings, store)
    return f"{what}\n{report.summary()}"


def open_retriever(settings: Settings, store: IndexStore | None = None, config: RetrieverConfig | None = None,
                   *, build: bool = False) -> HybridRetriever:
    """A :class:`HybridRetriever` over the configured index.

    Args:
        settings: where the index lives.
        store: an open store (one is made from the settings otherwise).
        config: retrieval parameters.
        build: the app's first start only: build the bundled corpus when the index is empty or damaged (what was
            done is kept in ``store.first_start`` for the app to show). Otherwise an empty or damaged index raises.

    Raises:
        IndexUnavailable: the index cannot be used; the message says why and which command builds it.
    """
    store = store or IndexStore(settings)
    if build:
        store.first_start = ensure_index(store, settings) or ""
    check_index(store, settings)
    return HybridRetriever(store, config)


__all__ = ["open_retriever", "ensure_index", "check_index", "IndexEmpty", "BUILD_COMMAND"]
