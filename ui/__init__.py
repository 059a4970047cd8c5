"""Glue between the Streamlit pages and the library: settings, the shared assistant, sidebar options.

Tests replace :func:`get_assistant` (``monkeypatch.setattr(ui, "get_assistant", lambda: fake)``): every page
calls it through the module (``ui.get_assistant()``), at run time, never at import.
Nothing here imports Streamlit at import time; :mod:`ui.render` and :mod:`ui.upload` stay pure.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass, field
from pathlib import Path

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

        @st.cache_resource(show_spinner="Đang nạp mô hình và chỉ mục văn bản (lần đầu có thể mất một lúc)…")
        def _open_assistant(key: str, _settings):
            from assistant.service import open_assistant

            assistant = open_assistant(_settings)
            warm_up(assistant)
            return assistant

        _cached_open = _open_assistant
    return _cached_open


def get_assistant():
    """The process-wide :class:`assistant.service.Assistant` for the current settings (opened once, cached)."""
    settings = get_settings()
    return _opener()(repr(settings), settings)


#: A search run once when the assistant opens, so the embedder and the BM25 cache load before the first question.
WARM_UP_QUERY = "kế hoạch kiểm tra cải cách hành chính"


def warm_up(assistant) -> None:
    """Load the embedding model and the lexical index now (one throw-away search); failures are left to the
    first real question, which reports them."""
    try:
        assistant.store.lexical()
        assistant.retriever.search(WARM_UP_QUERY, k=1)
    except Exception:  # noqa: BLE001 - warming is an optimisation
        pass


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


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def vn_date(value: str) -> str:
    """A date as officials write it, dd/mm/yyyy (a year alone, or anything else, is kept as it is).

    >>> vn_date("2021-02-28"), vn_date("2022"), vn_date("2026-12-01T23:05:00+07:00"), vn_date("")
    ('28/02/2021', '2022', '01/12/2026 23:05', '')
    """
    value = str(value or "")
    m = _ISO_DATE.match(value)
    if not m:
        return value
    date = f"{m.group(3)}/{m.group(2)}/{m.group(1)}"
    clock = re.match(r"^T(\d{2}:\d{2})", value[10:])
    return f"{date} {clock.group(1)}" if clock else date


def scope_of(provinces=(), years=(), doc_types=(), doc_labels=()) -> dict:
    """The filters of a question as {label: values}, empty groups left out (stored with the turn, shown as chips).

    >>> scope_of(["Hà Nam"], ["2022"])
    {'Tỉnh': ['Hà Nam'], 'Năm': ['2022']}
    """
    groups = (("Tỉnh", provinces), ("Năm", years), ("Loại", doc_types), ("Văn bản", doc_labels))
    return {label: [str(v) for v in values] for label, values in groups if values}


def scope_text(scope: dict) -> str:
    """The chips' text: "Lọc: Hà Nam · 2022" (empty without filters).

    >>> scope_text({"Tỉnh": ["Hà Nam"], "Năm": ["2022"]}), scope_text({})
    ('Lọc: Hà Nam · 2022', '')
    """
    values = [v for vs in (scope or {}).values() for v in vs]
    return ("Lọc: " + " · ".join(values)) if values else ""


def page_title(path: Path) -> tuple[str, str]:
    """(title, icon) of a page file named like ``1_📄_Văn_bản.py``.

    >>> page_title(Path("pages/2_👍_Phản_hồi.py"))
    ('Phản hồi', '👍')
    """
    parts = path.stem.split("_")
    if len(parts) >= 3 and parts[0].isdigit():
        return " ".join(parts[2:]), parts[1]
    return path.stem.replace("_", " "), "📄"


def source_file(source: str) -> Path:
    """The file a document was read from (a stored source is relative to the project root unless absolute)."""
    from ingest.pipeline import _source_path  # noqa: PLC2701 - the resolution ingest itself used

    return _source_path(str(source))


__all__ = ["get_settings", "get_assistant", "filter_options", "FilterOptions", "password_ok", "MODE_LABELS",
           "vn_date", "scope_of", "scope_text", "page_title", "source_file", "warm_up"]
