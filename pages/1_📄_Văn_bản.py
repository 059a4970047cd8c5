"""Văn bản: the indexed documents, a preview of each, and (for administrators) upload, delete, re-index."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import ui
from assistant.export import file_name
from errors import IngestBusy
from ingest.pipeline import delete_documents, ingest_paths
from ui import render
from ui.admin import require_admin
from ui.upload import UPLOAD_TYPES, handle_uploads, uploads_dir

st.set_page_config(page_title="Văn bản – Trợ lý CCHC", page_icon="📄", layout="wide")
st.html(render.style_block())
st.title("📄 Văn bản đã nạp")

settings = ui.get_settings()
try:
    assistant = ui.get_assistant()
    store = assistant.store
    records = store.records()
except Exception as exc:  # noqa: BLE001
    st.error(f"Không mở được chỉ mục văn bản: {exc}")
    st.stop()

ss = st.session_state
ss.setdefault("uploader_n", 0)

# Messages of the last action survive the rerun that refreshes the table.
for kind, text in ss.pop("doc_messages", []):
    getattr(st, kind)(text)

# -- table ----------------------------------------------------------------------------------------------------------
if not records:
    st.info("Chưa có văn bản nào trong chỉ mục.")
else:
    rows = []
    for doc_id, rec in sorted(records.items(), key=lambda kv: (kv[1].metadata.get("tinh", ""), kv[0])):
        md = rec.metadata
        rows.append({"Số hiệu": md.get("so_hieu", ""), "Loại": md.get("loai_van_ban", ""), "Tỉnh": md.get("tinh", ""),
                     "Ngày ban hành": ui.vn_date(md.get("ngay_ban_hanh", "")), "Tiêu đề": rec.title,
                     "Số đoạn": rec.n_passages, "Tệp": file_name(rec.source), "Mã": doc_id})
    st.caption(f"{len(records)} văn bản, {sum(r.n_passages for r in records.values())} đoạn.")
    st.dataframe(rows, hide_index=True, width="stretch")

    options = ui.filter_options(records).documents
    chosen = st.selectbox("Xem toàn văn (đã làm sạch)", [""] + list(options), key="preview_doc",
                          format_func=lambda d: options.get(d, "— Chọn văn bản —"))
    if chosen:
        doc = store.get_document(chosen)
        if doc is None:
            st.warning("Văn bản không còn trong chỉ mục.")
        else:
            st.markdown(render.document_html(doc.text, 0, 0, "", render.anchor_id("preview", chosen)),
                        unsafe_allow_html=True)

# -- administration ---------------------------------------------------------------------------------------------------
st.divider()
st.header("Quản trị")
if not require_admin(settings, "Tải lên, xóa và nạp lại chỉ mục cần mật khẩu quản trị."):
    st.stop()


def _progress_bar(label: str):
    bar = st.progress(0.0, text=label)

    def update(done: int, total: int, name: str, detail: str = "") -> None:
        bar.progress(min(1.0, done / total) if total else 1.0,
                     text=f"{label} {done}/{total}" + (f" — {Path(name).name}" if name else "")
                     + (f": {detail}" if name and detail else ""))

    return update


tab_up, tab_del, tab_re = st.tabs(["Tải lên", "Xóa văn bản", "Nạp lại chỉ mục"])

def _upload(files, box) -> None:
    """Ingest the chosen files one at a time (a bar per batch, moving per file); results stay beside the uploader."""
    limit = settings.max_file_mb * 1024 * 1024
    bar = box.progress(0.0, text="Đang nạp…")
    messages = []
    for k, f in enumerate(files):
        bar.progress(k / len(files), text=f"Đang nạp {k + 1}/{len(files)} — {f.name}")
        if f.size > limit:  # refused before its bytes are read
            messages.append(("error", f"{f.name}: bị từ chối — tệp quá lớn ({f.size / 1024 / 1024:.1f} MB; giới hạn "
                                      f"{settings.max_file_mb:g} MB)"))
            continue
        def stage(done: int, total: int, name: str, detail: str = "", k=k, f=f) -> None:
            # the stage of this file (đọc → làm sạch → nhúng N/M đoạn), as ingest reports it
            bar.progress(k / len(files), text=f"Đang nạp {k + 1}/{len(files)} — {f.name}" + (f": {detail}" if detail
                                                                                              else ""))

        try:
            batch = handle_uploads([(f.name, f.getvalue())], settings, store, progress=stage)
        except IngestBusy as exc:
            messages.append(("error", f"{f.name}: {exc}"))
            continue
        except Exception as exc:  # noqa: BLE001 - one broken file never stops the batch
            messages.append(("error", f"{f.name}: không nạp được tệp — {exc}"))
            continue
        messages += [("success" if r.ok else "error", r.message()) for r in batch.results]
    bar.progress(1.0, text=f"Đã xử lý {len(files)} tệp.")
    ss["upload_messages"] = messages
    ss["uploader_n"] += 1


with tab_up:
    files = st.file_uploader(f"Chọn tệp ({', '.join('.' + t for t in UPLOAD_TYPES)}; tối đa "
                             f"{settings.max_file_mb:g} MB mỗi tệp)", type=list(UPLOAD_TYPES),
                             accept_multiple_files=True, key=f"uploader_{ss['uploader_n']}",
                             max_upload_size=max(1, int(settings.max_file_mb)))
    clicked = st.button("Nạp các tệp đã chọn", disabled=not files, key="do_upload", type="primary")
    results = st.container()
    if clicked and files:
        _upload(files, results)
        st.rerun()
    for kind, text in ss.get("upload_messages", []):
        getattr(results, kind)(text)

with tab_del:
    for kind, text in ss.pop("delete_messages", []):  # beside the action, not at the top of the page
        getattr(st, kind)(text)
    if not records:
        st.caption("Không có văn bản để xóa.")
    else:
        options = ui.filter_options(records).documents
        victim = st.selectbox("Văn bản cần xóa", list(options), format_func=lambda d: options.get(d, d),
                              key="delete_doc")
        source = records[victim].source if victim in records else ""
        # a stored source is relative to the project root when the data folder lies inside it (the default)
        path = ui.source_file(source) if source else None
        in_uploads = path is not None and path.resolve().parent == uploads_dir(settings).resolve()
        st.caption(f"Tệp: {file_name(source)}" + (" (tệp đã tải lên, sẽ bị xóa cùng)" if in_uploads else
                                                  " — văn bản trong kho sẽ được nạp lại nếu bấm «Nạp lại chỉ mục»"))
        sure = st.checkbox("Tôi chắc chắn muốn xóa văn bản này", key="delete_sure")
        if st.button("Xóa văn bản", disabled=not sure, key="do_delete"):
            try:
                delete_documents([victim], settings, store)  # under the ingest lock; the manifest follows
                if in_uploads:
                    path.unlink(missing_ok=True)
            except IngestBusy as exc:
                st.error(str(exc))
            except Exception as exc:  # noqa: BLE001
                st.error(f"Không xóa được văn bản: {exc}")
            else:
                ss["delete_messages"] = [("success", f"Đã xóa {options.get(victim, victim)}.")]
                ss.pop("delete_sure", None)
                st.rerun()

with tab_re:
    folders = [settings.corpus_dir] + ([uploads_dir(settings)] if uploads_dir(settings).is_dir() else [])
    st.caption("Nạp lại kho văn bản (thư mục " + ", ".join(Path(f).name for f in folders) + "): chỉ tệp mới hoặc "
               "đã đổi được nhúng lại; văn bản có tệp gốc không còn sẽ bị gỡ khỏi chỉ mục.")
    if st.button("Nạp lại chỉ mục", key="do_reindex"):
        try:
            report = ingest_paths(folders, settings, store, prune=True, progress=_progress_bar("Đang nạp lại"))
        except IngestBusy as exc:
            st.error(str(exc))
        except Exception as exc:  # noqa: BLE001
            st.error(f"Không nạp lại được chỉ mục: {exc}")
        else:
            ss["doc_messages"] = [("error" if report.refused else "success", line)
                                  for line in report.summary().splitlines()]
            st.rerun()
