"""Nhiệm vụ: the reform tasks of every plan — who leads, with whom, by when — filtered by plan, lead agency, area and
period ("đến hạn trong 30 ngày tới"), counted per agency, each row opening its row in its document; CSV and .xlsx."""

from __future__ import annotations

import streamlit as st

import ui
from ui import render
from ui.tasks import PERIODS, TaskFilter, agency_counts, choices, citation_markdown, export_csv, export_xlsx, task_rows

st.set_page_config(page_title="Nhiệm vụ – Trợ lý CCHC", page_icon="✅", layout="wide")
st.html(render.style_block())
st.title("✅ Nhiệm vụ cải cách hành chính theo kế hoạch")

library = ui.or_stop("Không mở được chỉ mục văn bản", ui.get_library)
assistant = ui.or_stop("Không mở được chỉ mục văn bản", ui.get_assistant)
plans = ui.or_stop("Không mở được chỉ mục văn bản", assistant.task_plans)

if not plans:
    st.info("Chưa có kế hoạch nào nêu nhiệm vụ (nội dung, cơ quan chủ trì, thời hạn) trong các văn bản đã nạp.")
    st.stop()

options = choices(plans)
labels = dict(options["plans"])
top = st.columns([3, 3, 3])
chosen_plans = top[0].multiselect("Kế hoạch", list(labels), format_func=labels.get, key="task_plans")
chosen_agencies = top[1].multiselect("Cơ quan chủ trì", options["agencies"], key="task_agencies")
chosen_areas = top[2].multiselect("Lĩnh vực", options["areas"], key="task_areas")
left, right = st.columns([3, 1])
period = left.radio("Thời hạn", PERIODS, key="task_period", horizontal=True)
year = right.selectbox("Năm (với quý)", [None, *options["years"]], key="task_year",
                       format_func=lambda y: "Mọi năm" if y is None else str(y))

rows, cites = task_rows(plans, TaskFilter(tuple(chosen_plans), tuple(chosen_agencies), tuple(chosen_areas), period,
                                          year), today=assistant.clock())
if not rows:
    st.warning("Không có nhiệm vụ nào trong phạm vi đã chọn.")
    st.stop()

st.caption(f"{len(rows)} nhiệm vụ của {len({r['Kế hoạch'] for r in rows})} kế hoạch. Mỗi dòng có trích dẫn [n]: "
           "dòng của bảng nhiệm vụ trong văn bản (chọn bên dưới để mở).")
table, counts = st.columns([4, 1])
table.dataframe(rows, hide_index=True, width="stretch")
counts.dataframe(agency_counts(rows), hide_index=True, width="stretch")

a, b = st.columns(2)
a.download_button("Tải CSV", export_csv(rows), file_name="nhiem-vu.csv", mime="text/csv", key="task_csv")
b.download_button("Tải Excel (.xlsx)", export_xlsx(rows), file_name="nhiem-vu.xlsx", key="task_xlsx",
                  mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

st.subheader("Trích dẫn")
names = {c.n: f"[{c.n}] {c.lead} – {c.content[:80]} – {c.label}" for c in cites}
n = st.selectbox("Xem dòng của nhiệm vụ trong văn bản", list(names), format_func=names.get, key="task_cite")
cite = next(c for c in cites if c.n == n)
doc = library.document(cite.doc_id)
if doc is None:
    st.warning("Văn bản không còn trong chỉ mục.")
else:
    st.markdown(citation_markdown(cite, doc.text[cite.start:cite.end]))
    with st.expander("Xem trong toàn văn", expanded=False):
        st.markdown(render.document_html(doc.text, cite.start, cite.end, doc.text[cite.start:cite.end],
                                         render.anchor_id("task", cite.doc_id, cite.n)), unsafe_allow_html=True)
