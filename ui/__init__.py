"""Glue between the Streamlit pages and the library: settings, the shared assistant and document library, sidebar
options, and the error shown at the UI's edge.

The pages talk to two objects only: the :class:`assistant.service.Assistant` (answers, schedule plans) and the
:class:`ingest.service.DocumentLibrary` (documents: list, read, upload, delete, re-index). Both are opened once per
process (``st.cache_resource``) and shared by every session; they read one index through one store.
Tests replace :func:`get_assistant` and :func:`get_library` (``monkeypatch.setattr(ui, "get_assistant", …)``): every
page calls them through the module (``ui.get_assistant()``), at run time, never at import.
Nothing here imports Streamlit at import time; :mod:`ui.render` stays pure.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from assistant.types import MODE_LABELS

log = logging.getLogger(__name__)
T = TypeVar("T")

#: What the spinner says while the library opens (the first start builds the index of the bundled corpus).
LIBRARY_SPINNER = "Đang mở chỉ mục văn bản (lần đầu: đang nạp kho văn bản đi kèm, có thể mất một lúc)…"
#: What the spinner says while the assistant opens (the embedding model and the BM25 cache load).
ASSISTANT_SPINNER = "Đang nạp mô hình và chỉ mục văn bản (lần đầu có thể mất một lúc)…"
#: Said instead of an unexpected error's text, which is logged with its traceback (it may name server paths).
UNEXPECTED = "{what}: lỗi không mong đợi (đã ghi vào nhật ký máy chủ). Hãy thử lại hoặc báo quản trị viên."

_cached: dict = {}


def get_settings():
    """Settings from the environment (read on every run: cheap, and tests change the environment)."""
    from settings import load_settings

    return load_settings()


def _open_library(key: str, _settings):
    from ingest.service import DocumentLibrary

    library = DocumentLibrary.open(_settings)
    library.ensure_index()  # the first start builds the bundled corpus, and says so (library.first_start)
    return library


def _open_assistant(key: str, _settings):
    from assistant.service import open_assistant

    # the composition root: the assistant reads the library's store (one index, one embedder loaded)
    assistant = open_assistant(_settings, store=get_library().store)
    assistant.warm_up()
    return assistant


def _resource(opener, spinner: str):
    """``opener`` wrapped in ``st.cache_resource``, wrapped on first use so importing ``ui`` stays light."""
    if opener not in _cached:
        import streamlit as st

        _cached[opener] = st.cache_resource(show_spinner=spinner)(opener)
    return _cached[opener]


def get_library():
    """The process-wide :class:`ingest.service.DocumentLibrary` for the current settings (opened once, cached); its
    first opening builds the index when it is empty."""
    settings = get_settings()
    return _resource(_open_library, LIBRARY_SPINNER)(settings.cache_key(), settings)


def get_assistant():
    """The process-wide :class:`assistant.service.Assistant` for the current settings (opened once, cached)."""
    settings = get_settings()
    return _resource(_open_assistant, ASSISTANT_SPINNER)(settings.cache_key(), settings)


_warm_up_lock = threading.Lock()
_warm_up_thread: list[threading.Thread] = []  # the one warm-up thread of this process, once started


def start_warm_up() -> bool:
    """Open the document library and the assistant (embedding model, BM25 cache, one throw-away search) in a
    background thread, once per process, so that neither the first page nor the first question waits for them.

    Called only by the server entry (``serve.py``, when the server starts), never at the import of a module. The
    thread fills the same ``st.cache_resource`` entries the pages read: a page that asks meanwhile waits for this
    one loading (Streamlit holds one lock per cached value) instead of loading twice. True when this call started it.
    """
    with _warm_up_lock:
        if _warm_up_thread:
            return False
        thread = threading.Thread(target=_warm_up, name="cchc-warm-up", daemon=True)
        _warm_up_thread.append(thread)
    thread.start()
    return True


def _warm_up() -> None:
    started = time.perf_counter()
    try:
        get_assistant()  # opens the library first (the assistant reads its store)
    except Exception:  # noqa: BLE001 - background thread: the first page opens again and shows the error in Vietnamese
        log.warning("warm-up failed; the first page will open the assistant itself", exc_info=True)
        return
    log.info("warm-up done in %.1f s", time.perf_counter() - started)


def attempt(what: str, action: Callable[[], T]) -> tuple[T | None, str]:
    """Run one action at the UI's edge: ``(its result, "")``, or ``(None, the Vietnamese message to show)``.

    A :class:`~errors.CchcError` gives its ``user_message``; anything else is logged with its traceback and gives
    :data:`UNEXPECTED` about ``what`` (its text may name server paths).

    >>> from errors import IngestBusy
    >>> attempt("Không xóa được văn bản", lambda: 2 + 2)
    (4, '')
    >>> def busy():
    ...     raise IngestBusy("Một lượt nạp văn bản khác đang chạy.")
    >>> attempt("Không xóa được văn bản", busy)
    (None, 'Một lượt nạp văn bản khác đang chạy.')
    """
    from errors import CchcError

    try:
        return action(), ""
    except CchcError as exc:
        return None, exc.user_message
    except Exception:  # noqa: BLE001 - the UI's one broad catch: the user is told, the traceback is logged
        return None, unexpected(what)


def or_stop(what: str, action: Callable[[], T]) -> T:
    """:func:`attempt` for what a page cannot go on without: on failure the message is shown and the page stops."""
    import streamlit as st

    value, problem = attempt(what, action)
    if problem:
        from ui.render import inert_markdown

        st.error(inert_markdown(problem))  # a message may name a file or quote a server: shown as text
        st.stop()
    return value


def unexpected(what: str) -> str:
    """For the broad catch at the UI's edge: log the exception being handled with its traceback, and return the
    Vietnamese sentence to show instead of its text.

    >>> try:
    ...     raise RuntimeError("/srv/data/chroma: disk I/O error")
    ... except RuntimeError:
    ...     unexpected("Không mở được trợ lý")
    'Không mở được trợ lý: lỗi không mong đợi (đã ghi vào nhật ký máy chủ). Hãy thử lại hoặc báo quản trị viên.'
    """
    log.exception(what)
    return UNEXPECTED.format(what=what)


#: The year filter's label: it matches a document's year of issue and every year its plan covers (a plan for 2021
#: is often issued in December 2020), so it must not say only "Năm ban hành".
YEAR_FILTER_LABEL = "Năm (ban hành hoặc thực hiện)"
#: The year filter's help, saying exactly what it matches.
YEAR_FILTER_HELP = ("Giữ văn bản ban hành trong năm đã chọn và kế hoạch thực hiện trong năm đó (ví dụ kế hoạch năm "
                    "2021 ban hành ngày 30/12/2020).")
#: Under a sidebar filter, how many documents do not state its field: a filter keeps them (ranked lower, labelled).
UNREAD_CAPTION = "{n} văn bản chưa rõ {field} — vẫn được tìm"


@dataclass
class FilterOptions:
    provinces: list[str] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    doc_types: list[str] = field(default_factory=list)
    documents: dict[str, str] = field(default_factory=dict)  # doc_id -> label
    #: document field ("tinh", "years", "loai_van_ban") → how many documents do not state it
    unread: dict[str, int] = field(default_factory=dict)

    def unread_caption(self, name: str) -> str:
        """The caption under the filter of field ``name`` ("" when every document states it).

        >>> FilterOptions(unread={"tinh": 12}).unread_caption("tinh"), FilterOptions().unread_caption("tinh")
        ('12 văn bản chưa rõ tỉnh — vẫn được tìm', '')
        """
        from assistant.service import FIELD_NAMES

        n = self.unread.get(name, 0)
        return UNREAD_CAPTION.format(n=n, field=FIELD_NAMES[name]) if n else ""


def filter_options(documents) -> FilterOptions:
    """Sidebar choices from ``DocumentLibrary.documents()``: provinces, years (newest first; a year of issue or a
    year the plan covers, as the year filter matches both), types, documents, and how many documents leave each field
    unread.

    >>> from types import SimpleNamespace as D
    >>> md = {"tinh": "Hà Nam", "nam": "2022", "loai_van_ban": "Kế hoạch"}
    >>> o = filter_options([D(doc_id="a", label="Kế hoạch – Hà Nam, 2022: T", metadata=md),
    ...                     D(doc_id="b", label="Văn bản", metadata={"tinh": "", "nam": ""})])
    >>> o.provinces, o.years, o.doc_types, o.documents
    (['Hà Nam'], ['2022'], ['Kế hoạch'], {'a': 'Kế hoạch – Hà Nam, 2022: T', 'b': 'Văn bản'})
    >>> o.unread
    {'tinh': 1, 'years': 1, 'loai_van_ban': 1}
    >>> filter_options([D(doc_id="c", label="KH", metadata={"nam": "2020", "ky_ke_hoach": "2021"})]).years
    ['2021', '2020']
    """
    from assistant.service import SCOPE_FIELDS, unread_fields
    from index.model import document_years

    provinces, years, types, labels = set(), set(), set(), {}
    unread = dict.fromkeys(SCOPE_FIELDS, 0)
    for doc in documents:
        md = doc.metadata or {}
        if md.get("tinh"):
            provinces.add(str(md["tinh"]))
        years.update(document_years(md))  # what the year filter matches: the year of issue and the years covered
        if md.get("loai_van_ban"):
            types.add(str(md["loai_van_ban"]))
        for name in unread_fields({**md, "years": document_years(md)}, SCOPE_FIELDS):
            unread[name] += 1
        labels[doc.doc_id] = doc.label
    ordered = dict(sorted(labels.items(), key=lambda kv: kv[1]))
    return FilterOptions(sorted(provinces), sorted(years, reverse=True), sorted(types), ordered,
                         {k: n for k, n in unread.items() if n})


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


def inherited_scope(notice: str) -> tuple[str, str]:
    """The scope an elliptical question carried over from the previous one, read from its answer's notice (shown as
    a chip with a "bỏ" button instead), and the rest of the notice.

    >>> inherited_scope("Phạm vi kế thừa từ câu trước: Kiên Giang · 2021. Tỉnh An Giang nay thuộc An Giang mới.")
    ('Kiên Giang · 2021', 'Tỉnh An Giang nay thuộc An Giang mới.')
    >>> inherited_scope("LLM không phản hồi.")
    ('', 'LLM không phản hồi.')
    """
    from assistant.conversation import INHERITED_NOTE

    head, _, tail = INHERITED_NOTE.partition("{scope}")
    notice = notice or ""
    m = re.search(re.escape(head) + r"(.+?)" + re.escape(tail), notice)
    if not m:
        return "", notice
    return m.group(1), " ".join((notice[:m.start()] + " " + notice[m.end():]).split())


def page_title(path: Path) -> tuple[str, str]:
    """(title, icon) of a page file named like ``1_📄_Văn_bản.py``.

    >>> page_title(Path("pages/2_👍_Phản_hồi.py"))
    ('Phản hồi', '👍')
    """
    parts = path.stem.split("_")
    if len(parts) >= 3 and parts[0].isdigit():
        return " ".join(parts[2:]), parts[1]
    return path.stem.replace("_", " "), "📄"


__all__ = ["get_settings", "get_assistant", "get_library", "start_warm_up", "filter_options", "FilterOptions",
           "UNREAD_CAPTION", "YEAR_FILTER_LABEL", "YEAR_FILTER_HELP", "MODE_LABELS", "inherited_scope", "vn_date",
           "scope_of", "scope_text", "page_title", "unexpected"]
