"""Văn bản: the indexed documents, a preview of each with what was read from it (each field and where), and (for
administrators) upload, delete, re-index and corrections of what was read."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import ui
from index.model import BOUNDARY_LABELS
from ui import render
from ui.admin import require_admin
from ui.fields import correction_tab, document_view, field_card, related_list
from ui.upload import upload_tab

st.set_page_config(page_title="Văn bản – Trợ lý CCHC", page_icon="📄", layout="wide")
st.html(render.style_block())
st.title("📄 Văn bản đã nạp")

settings = ui.get_settings()
library = ui.or_stop("Không mở được chỉ mục văn bản", ui.get_library)
documents = ui.or_stop("Không mở được chỉ mục văn bản", library.documents)

ss = st.session_state

# Messages of the last action survive the rerun that refreshes the table.
for kind, text in ss.pop("doc_messages", []):
    getattr(st, kind)(render.inert_markdown(text))  # file names and titles are shown as text

# -- table ----------------------------------------------------------------------------------------------------------
if not documents:
    st.info("Chưa có văn bản nào trong chỉ mục.")
else:
    rows = [{"Số hiệu": d.metadata.get("so_hieu", ""), "Loại": d.metadata.get("loai_van_ban", ""),
             "Tỉnh": d.metadata.get("tinh", ""), "Ngày ban hành": ui.vn_date(d.metadata.get("ngay_ban_hanh", "")),
             "Tiêu đề": d.title, "Số đoạn": d.passages, "Tệp": d.file_name, "Mã": d.doc_id} for d in documents]
    st.caption(f"{len(documents)} văn bản, {sum(d.passages for d in documents)} đoạn.")
    st.dataframe(rows, hide_index=True, width="stretch")

    options = ui.filter_options(documents).documents
    chosen = st.selectbox("Xem thông tin và toàn văn (đã làm sạch)", [""] + list(options), key="preview_doc",
                          format_func=lambda d: options.get(d, "— Chọn văn bản —"), placeholder="Chọn văn bản")
    if chosen:
        doc = library.document(chosen)
        if doc is None:
            st.warning("Văn bản không còn trong chỉ mục.")
        else:
            if doc.metadata.get("boundary") in BOUNDARY_LABELS:
                st.caption(BOUNDARY_LABELS[doc.metadata["boundary"]])
            st.subheader("Thông tin đọc được từ văn bản")
            info = next(d for d in documents if d.doc_id == chosen)
            span = field_card(library, info)
            related_list(info, documents)
            document_view(doc, span)

# -- administration ---------------------------------------------------------------------------------------------------
st.divider()
st.header("Quản trị")
if not require_admin(settings, "Tải lên, xóa, nạp lại chỉ mục và sửa thông tin văn bản cần tài khoản quản trị."):
    st.stop()


def _progress_bar(label: str):
    bar = st.progress(0.0, text=label)

    def update(done: int, total: int, name: str, detail: str = "") -> None:
        bar.progress(min(1.0, done / total) if total else 1.0,
                     text=f"{label} {done}/{total}" + (f" — {render.inert_markdown(Path(name).name)}" if name else "")
                     + (f": {render.inert_markdown(detail)}" if name and detail else ""))

    return update


def _delete(doc_id: str, label: str) -> None:
    # under the ingest lock; the manifest and an uploaded file follow
    _, problem = ui.attempt("Không xóa được văn bản", lambda: library.delete([doc_id]))
    if problem:
        st.error(problem)
    else:
        ss["delete_messages"] = [("success", f"Đã xóa {label}.")]
        ss.pop("delete_sure", None)
        st.rerun()


def _reindex(confirm: bool = False) -> None:
    report, problem = ui.attempt("Không nạp lại được chỉ mục", lambda: library.reindex(
        progress=_progress_bar("Đang nạp lại"), confirm=confirm))
    if problem:
        st.error(problem)
    else:
        ss["doc_messages"] = [("error" if report.refused or report.held else "success", line)
                              for line in report.summary().splitlines()]
        ss["reindex_held"] = list(report.held)  # removals that wait for the admin's confirmation
        st.rerun()


tab_up, tab_del, tab_re, tab_fix = st.tabs(["Tải lên", "Xóa văn bản", "Nạp lại chỉ mục", "Sửa thông tin"])

with tab_up:
    upload_tab(library, settings)

with tab_del:
    for kind, text in ss.pop("delete_messages", []):  # beside the action, not at the top of the page
        getattr(st, kind)(render.inert_markdown(text))
    if not documents:
        st.caption("Không có văn bản để xóa.")
    else:
        options = ui.filter_options(documents).documents
        victim = st.selectbox("Văn bản cần xóa", list(options), format_func=lambda d: options.get(d, d),
                              key="delete_doc", placeholder="Chọn văn bản")
        info = next((d for d in documents if d.doc_id == victim), None)
        if info is not None:
            st.caption(f"Tệp: {render.inert_markdown(info.file_name)}"
                       + (" (tệp đã tải lên, sẽ bị xóa cùng)" if info.uploaded else
                          " — văn bản trong kho sẽ được nạp lại nếu bấm «Nạp lại chỉ mục»"))
        sure = st.checkbox("Tôi chắc chắn muốn xóa văn bản này", key="delete_sure")
        if st.button("Xóa văn bản", disabled=not sure, key="do_delete"):
            _delete(victim, options.get(victim, victim))

with tab_re:
    folders = render.inert_markdown(", ".join(Path(f).name for f in library.reindex_folders()))
    st.caption("Nạp lại kho văn bản (thư mục " + folders
               + "): chỉ tệp mới hoặc đã đổi được nhúng lại; văn bản có tệp gốc không còn sẽ bị gỡ khỏi chỉ mục.")
    if st.button("Nạp lại chỉ mục", key="do_reindex"):
        _reindex()
    held = ss.get("reindex_held") or []
    if held:
        st.warning(f"{len(held)} văn bản sẽ bị gỡ vì không còn tệp gốc; chưa gỡ văn bản nào:")
        st.text("\n".join(held[:20]) + (f"\n… và {len(held) - 20} văn bản khác" if len(held) > 20 else ""))
        if st.button(f"Xác nhận gỡ {len(held)} văn bản", key="confirm_reindex"):
            ss.pop("reindex_held", None)
            _reindex(confirm=True)

with tab_fix:
    correction_tab(library, documents)
