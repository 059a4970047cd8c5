"""What was read from a document, on the Documents page: each field with the span it was read from (one click shows
it highlighted in the text) or "chưa đọc được", "(đã sửa)" beside a corrected field with the text's reading, and the
administrator's correction form and log. Widgets only: readings, checks and storage are the library's
(:meth:`ingest.service.DocumentLibrary.fields`, :meth:`~ingest.service.DocumentLibrary.correct`).
"""

from __future__ import annotations

import ui
from index.model import OCR_KEY, document_label, related_documents
from ui import render

#: Session key of the field whose span the document view highlights: (doc_id, field).
SHOWN_SPAN = "field_span"
#: Session key of the messages the last correction left, shown beside the form after the rerun.
FIX_MESSAGES = "fix_messages"
#: Columns of a field's row: label, value, the button that shows where it was read.
ROW_WIDTHS = (2, 6, 2)
#: What a card says of a field the text gave no value for.
NOT_READ = "chưa đọc được"


def shown(value: str, key: str) -> str:
    """A field's value as the page writes it (a date as dd/mm/yyyy).

    >>> shown("2021-04-05", "ngay_ban_hanh"), shown("2021", "nam")
    ('05/04/2021', '2021')
    """
    return ui.vn_date(value) if key == "ngay_ban_hanh" else value


def _show_span(doc_id: str, key: str) -> None:
    import streamlit as st

    st.session_state[SHOWN_SPAN] = (doc_id, key)


def _value_markdown(reading) -> str:
    """The value column: the value (or "chưa đọc được"), "(đã sửa)" and the text's own reading for a correction."""
    value = shown(reading.value, reading.key)
    text = render.escape_markdown(value) if value else f"_{NOT_READ}_"
    if reading.corrected:
        read = shown(reading.read, reading.key)
        text += " **(đã sửa)**  \nĐọc từ văn bản: " + (f"«{render.escape_markdown(read)}»" if read else f"_{NOT_READ}_")
    return text


def field_card(library, info) -> tuple[int, int]:
    """The document's fields, one row each; returns the span to highlight in its text ((0, 0) for none)."""
    import streamlit as st

    chosen = st.session_state.get(SHOWN_SPAN) or ("", "")
    span = (0, 0)
    if info.metadata.get(OCR_KEY):  # the text was recognised from images: quotes may carry OCR errors
        st.caption(f"🔎 OCR: {info.metadata[OCR_KEY]} trang được đọc bằng nhận dạng ký tự; hãy đối chiếu trích dẫn "
                   "với bản gốc.")
    for reading in library.fields(info):
        label, value, where = st.columns(ROW_WIDTHS)
        label.markdown(f"**{reading.label}**")
        value.markdown(_value_markdown(reading))
        if reading.span is None:
            where.caption("không có vị trí trong văn bản" if reading.value or reading.read else "")
            continue
        where.button("Xem chỗ đọc gốc" if reading.corrected else "Xem chỗ đọc", key=f"span_{info.doc_id}_{reading.key}",
                     on_click=_show_span, args=(info.doc_id, reading.key))
        if chosen == (info.doc_id, reading.key):
            span = reading.span
    return span


def related_lines(metadata: dict, documents) -> list[str]:
    """The documents a document names as related, one Markdown list line each: kind, number and date, and the
    indexed document of that number when there is one.

    >>> from types import SimpleNamespace as NS
    >>> docs = [NS(metadata={"so_hieu": "517/KH-UBND", "loai_van_ban": "Kế hoạch", "tinh": "Tây Ninh"}, title="")]
    >>> print(related_lines({"van_ban_lien_quan": "Kế hoạch số 517/KH-UBND ngày 27/02/2020"}, docs)[0])
    - Kế hoạch số 517/KH\\-UBND, ngày 27/02/2020 — có trong chỉ mục: Kế hoạch 517/KH\\-UBND – Tây Ninh
    """
    def key(number: str) -> str:
        return "".join(ch for ch in number.upper() if ch.isalnum())

    indexed = {key(d.metadata.get("so_hieu", "")): d for d in documents if d.metadata.get("so_hieu")}
    lines = []
    for related in related_documents(metadata):
        line = " ".join(x for x in (related.kind, f"số {related.number}" if related.number else "") if x)
        line += f", ngày {related.date}" if related.date else ""
        match = indexed.get(key(related.number)) if related.number else None
        line = render.escape_markdown(line)
        if match is not None:
            line += " — có trong chỉ mục: " + render.escape_markdown(document_label(match.metadata, match.title))
        lines.append(f"- {line}")
    return lines


def related_list(info, documents) -> None:
    """The "Văn bản liên quan" list of a document's card (nothing when it names none)."""
    import streamlit as st

    lines = related_lines(info.metadata, documents)
    if lines:
        st.markdown("**Văn bản liên quan**")
        st.markdown("\n".join(lines))


def document_view(doc, span: tuple[int, int]) -> None:
    """The whole cleaned text, ``span`` highlighted and scrolled into view (the chat's source panel does the same)."""
    import streamlit as st

    mark_id = render.anchor_id("preview", doc.doc_id)
    st.markdown(render.document_html(doc.text, span[0], span[1], "", mark_id), unsafe_allow_html=True)
    if span[1] > span[0]:
        st.iframe(render.scroll_script(mark_id), height=1)  # same-origin iframe; only the JSON-quoted id varies


# -- the administrator's form ---------------------------------------------------------------------------------------
def _entry_line(entry: dict) -> str:
    """One changed field, as the page says it.

    >>> _entry_line({"field": "tinh", "before": "Bắc Kạn", "after": "Sơn La"})
    'Đã sửa Tỉnh: «Bắc Kạn» → «Sơn La».'
    >>> _entry_line({"field": "ngay_ban_hanh", "before": "", "after": "2021-04-05"})
    'Đã sửa Ngày ban hành: (chưa đọc được) → «05/04/2021».'
    """
    from ingest.service import FIELDS

    def say(value: str) -> str:
        return f"«{shown(value, entry['field'])}»" if value else f"({NOT_READ})"

    return f"Đã sửa {FIELDS.get(entry['field'], entry['field'])}: {say(entry['before'])} → {say(entry['after'])}."


def _save(library, doc_id: str, changes: dict, keys: list[str]) -> None:
    """Store the changes through the library; the outcome is kept for the rerun, the inputs re-read the values."""
    import streamlit as st

    ss = st.session_state
    with st.spinner("Đang lưu sửa đổi và cập nhật chỉ mục của văn bản…"):  # its passages are embedded again
        entries, problem = ui.attempt("Không lưu được sửa đổi", lambda: library.correct(doc_id, changes))
    if problem:
        st.error(problem)  # beside the form, which keeps what was typed
        return
    ss[FIX_MESSAGES] = [("success", _entry_line(e)) for e in entries] or [("info", "Không có gì thay đổi.")]
    for key in keys:
        ss.pop(key, None)
    st.rerun()


def _revert(library, info, readings) -> None:
    """Take chosen corrected fields back to what the text gives."""
    import streamlit as st

    corrected = {r.key: r.label for r in readings if r.corrected}
    if not corrected:
        return
    keys = st.multiselect("Trả về giá trị đọc từ văn bản", list(corrected), format_func=corrected.get,
                          key=f"fix_revert_{info.doc_id}", placeholder="Chọn thông tin", select_all=False)
    if st.button("Bỏ các sửa đổi đã chọn", disabled=not keys, key="do_revert"):
        _save(library, info.doc_id, dict.fromkeys(keys), [f"fix_{info.doc_id}_{k}" for k in corrected])


def _history(library, doc_id: str) -> None:
    import streamlit as st

    from ingest.service import FIELDS

    entries = library.correction_log(doc_id)
    if entries:
        st.caption("Nhật ký sửa đổi của văn bản này")
        st.dataframe([{"Lúc": ui.vn_date(e.get("when", "")), "Người sửa": e.get("who", ""),
                       "Trường": FIELDS.get(e.get("field", ""), e.get("field", "")),
                       "Trước": shown(e.get("before", ""), e.get("field", "")),
                       "Sau": shown(e.get("after", ""), e.get("field", ""))} for e in reversed(entries)],
                     hide_index=True, width="stretch")


def correction_tab(library, documents) -> None:
    """The form that corrects what was read: one input per field, prefilled with its value; saved fields apply to the
    index at once and survive re-indexing (the library stores them beside the manifest)."""
    import streamlit as st

    ss = st.session_state
    for kind, text in ss.pop(FIX_MESSAGES, []):
        getattr(st, kind)(text)
    if not documents:
        st.caption("Không có văn bản để sửa.")
        return
    options = ui.filter_options(documents).documents
    doc_id = st.selectbox("Văn bản cần sửa thông tin", list(options), format_func=lambda d: options.get(d, d),
                          key="fix_doc", placeholder="Chọn văn bản")
    info = next((d for d in documents if d.doc_id == doc_id), None)
    if info is None:
        return
    readings = [r for r in library.fields(info) if r.editable]
    keys = {r.key: f"fix_{doc_id}_{r.key}" for r in readings}
    with st.form(key="fix_form"):
        st.caption("Sửa những gì hệ thống đọc sai hoặc chưa đọc được; để trống nếu văn bản không ghi. Ngày viết "
                   "dd/mm/yyyy.")
        values = {r.key: st.text_input(r.label + (" (đã sửa)" if r.corrected else ""), value=shown(r.value, r.key),
                                       key=keys[r.key]) for r in readings}
        submitted = st.form_submit_button("Lưu sửa đổi", key="do_fix", type="primary")
    if submitted:
        before = {r.key: shown(r.value, r.key) for r in readings}
        _save(library, doc_id, {k: v for k, v in values.items() if v.strip() != before[k]}, list(keys.values()))
    _revert(library, info, readings)
    _history(library, doc_id)


__all__ = ["field_card", "document_view", "correction_tab", "shown", "NOT_READ"]
