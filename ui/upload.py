"""The upload tab of the Documents page: the file picker, one progress bar moving per file and per stage, and each
file's result beside the picker. Widgets only: checks, saving and ingest are the library's
(:meth:`ingest.service.DocumentLibrary.add_files`).
"""

from __future__ import annotations

import ui
from ingest.service import UPLOAD_TYPES
from ui.render import inert_markdown


def _stage(bar, k: int, n: int, name: str):
    """The progress callback of file ``k`` of ``n``: its stage (đọc → làm sạch → nhúng N/M đoạn), as ingest says."""

    def update(done: int, total: int, file: str, detail: str = "") -> None:
        bar.progress(k / n, text=f"Đang nạp {k + 1}/{n} — {inert_markdown(name)}"
                     + (f": {inert_markdown(detail)}" if detail else ""))

    return update


def _one(library, f, bar, k: int, n: int, refusal: str) -> list[tuple[str, str]]:
    """Ingest one chosen file; its messages as (kind, text). A refused or failed file never stops the batch."""
    if refusal:  # the page's check of this run: refused before its bytes are read
        return [("error", f"{f.name}: bị từ chối — {refusal}")]
    # one broken file never stops the batch
    batch, problem = ui.attempt("không nạp được tệp",
                                lambda: library.add_files([(f.name, f.getvalue())], progress=_stage(bar, k, n, f.name)))
    if problem:
        return [("error", f"{f.name}: {problem}")]
    return [("success" if r.ok else "error", r.message()) for r in batch.results]


def upload_files(library, files, box, reasons: list[str] | None = None) -> None:
    """Ingest the chosen files one at a time (a bar per batch, moving per file); the results are kept for the
    rerun that shows them beside the uploader. ``reasons``: the page's :func:`refusal_reasons` of these files, when
    it has them (the file rule is not applied twice in one run)."""
    import streamlit as st

    reasons = refusal_reasons(library, files) if reasons is None else reasons
    bar = box.progress(0.0, text="Đang nạp…")
    messages = []
    for k, (f, refusal) in enumerate(zip(files, reasons, strict=True)):
        bar.progress(k / len(files), text=f"Đang nạp {k + 1}/{len(files)} — {inert_markdown(f.name)}")
        messages += _one(library, f, bar, k, len(files), refusal)
    bar.progress(1.0, text=f"Đã xử lý {len(files)} tệp.")
    st.session_state["upload_messages"] = messages
    st.session_state["uploader_n"] += 1


def refusal_reasons(library, files) -> list[str]:
    """Why each chosen file would be refused before it is read ("" when it is taken), in order: the library's file
    rule, applied once per file and run of the page."""
    return [library.refusal(f.name, f.size) for f in files]


def refusals(library, files, reasons: list[str] | None = None) -> list[str]:
    """Our own check of the chosen files, before any is read: one Vietnamese line per file refused (too large for
    ``MAX_FILE_MB``, empty, of a type not read), naming the file and the reason with the limit. Streamlit's own
    ceiling (``server.maxUploadSize``) is set far above, so its English message never comes first.

    >>> from types import SimpleNamespace as F
    >>> from settings import load_settings
    >>> from ingest.service import file_refusal
    >>> lib = F(refusal=lambda name, size: file_refusal(name, size, load_settings({}, max_file_mb=20)))
    >>> refusals(lib, [F(name="kh.pdf", size=25 * 1024 * 1024), F(name="ok.txt", size=10)])
    ['kh.pdf: bị từ chối — tệp quá lớn (25 MB), vượt giới hạn 20 MB cho mỗi tệp.']
    """
    reasons = refusal_reasons(library, files) if reasons is None else reasons
    return [f"{f.name}: bị từ chối — {reason}" for f, reason in zip(files, reasons, strict=True) if reason]


def upload_tab(library, settings) -> None:
    """The picker, our size check of the chosen files, the button, and the last results (cleared when new files are
    chosen, so a previous file's error never stays beside the next one)."""
    import streamlit as st

    ss = st.session_state
    ss.setdefault("uploader_n", 0)
    files = st.file_uploader(f"Chọn tệp ({', '.join('.' + t for t in UPLOAD_TYPES)}; tối đa "
                             f"{settings.max_file_mb:g} MB mỗi tệp)", type=list(UPLOAD_TYPES),
                             accept_multiple_files=True, key=f"uploader_{ss['uploader_n']}")
    if files:  # a new choice: the results of the previous upload are about other files
        ss.pop("upload_messages", None)
    reasons = refusal_reasons(library, files or [])
    refused = refusals(library, files or [], reasons)
    for line in refused:
        st.error(inert_markdown(line))
    clicked = st.button("Nạp các tệp đã chọn", disabled=not files or len(refused) == len(files), key="do_upload",
                        type="primary")
    results = st.container()
    if clicked and files:
        upload_files(library, files, results, reasons)
        st.rerun()
    for kind, text in ss.get("upload_messages", []):
        getattr(results, kind)(inert_markdown(text))  # a file name is shown as text, never as Markdown


__all__ = ["upload_tab", "upload_files", "refusals", "refusal_reasons"]
