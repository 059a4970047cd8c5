"""Glue between the Streamlit pages and the library: settings, the shared assistant, sidebar options.

Tests replace :func:`get_assistant` (``monkeypatch.setattr(ui, "get_assistant", lambda: fake)``): every page
calls it through the module (``ui.get_assistant()``), at run time, never at import.
Nothing here imports Streamlit at import time; :mod:`ui.render` and :mod:`ui.upload` stay pure.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field

MODE_LABELS = {"grounded": "Trích dẫn (không cần LLM)", "llm": "LLM"}

_cached_open = None


def get_settings():
    """Settings from the environment (read on every run: cheap, and tests change the environment)."""
    from settings import load_settings

    return load_settings()


def _opener():
    """The ``st.cache_resource`` wrapped opener, created on first use so importing ``ui`` stays light."""
    global _cached_open
    if _cached_open is None:
        import streamlit as st

        @st.cache_resource(show_spinner="Đang mở chỉ mục văn bản (lần đầu sẽ nạp kho văn bản, có thể mất một lúc)…")
        def _open_assistant(key: str, _settings):
            from assistant.service import open_assistant

            return open_assistant(_settings)

        _cached_open = _open_assistant
    return _cached_open


def get_assistant():
    """The process-wide :class:`assistant.service.Assistant` for the current settings (opened once, cached)."""
    settings = get_settings()
    return _opener()(repr(settings), settings)


@dataclass
class FilterOptions:
    provinces: list[str] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    doc_types: list[str] = field(default_factory=list)
    documents: dict[str, str] = field(default_factory=dict)  # doc_id -> label


def filter_options(records: dict) -> FilterOptions:
    """Sidebar choices from ``IndexStore.records()``: provinces, years (newest first), types, documents.

    >>> from types import SimpleNamespace as R
    >>> o = filter_options({"a": R(title="T", metadata={"tinh": "Hà Nam", "nam": "2022", "loai_van_ban": "Kế hoạch"})})
    >>> o.provinces, o.years, o.doc_types, o.documents
    (['Hà Nam'], ['2022'], ['Kế hoạch'], {'a': 'Kế hoạch – Hà Nam, 2022: T'})
    """
    from index.model import document_label

    provinces, years, types, docs = set(), set(), set(), {}
    for doc_id, rec in records.items():
        md = rec.metadata or {}
        if md.get("tinh"):
            provinces.add(str(md["tinh"]))
        if md.get("nam"):
            years.add(str(md["nam"]))
        if md.get("loai_van_ban"):
            types.add(str(md["loai_van_ban"]))
        label = document_label(md, rec.title or doc_id)
        if not md.get("so_hieu") and rec.title and rec.title not in label:
            short = rec.title if len(rec.title) <= 60 else rec.title[:59].rstrip() + "…"
            label = f"{label}: {short}"
        docs[doc_id] = label
    ordered = dict(sorted(docs.items(), key=lambda kv: kv[1]))
    return FilterOptions(sorted(provinces), sorted(years, reverse=True), sorted(types), ordered)


def password_ok(given: str, expected: str) -> bool:
    """Constant-time comparison; an empty expected password means unlocked.

    >>> password_ok("", ""), password_ok("x", "secret"), password_ok("secret", "secret")
    (True, False, True)
    """
    if not expected:
        return True
    return hmac.compare_digest((given or "").encode("utf-8"), expected.encode("utf-8"))


__all__ = ["get_settings", "get_assistant", "filter_options", "FilterOptions", "password_ok", "MODE_LABELS"]
