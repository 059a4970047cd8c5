"""Lịch kiểm tra: who is inspected when across every plan in scope, a unit × quarter (or month) table with citations,
exportable as CSV and .xlsx."""

from __future__ import annotations

import streamlit as st

import ui
from ui import render
from ui.schedule import citation_markdown, clicked_citation, plan_choices, schedule_rows, to_csv, to_xlsx

st.set_page_config(page_title="Lịch kiểm tra – Trợ lý CCHC", page_icon="📅", layout="wide")
st.html(render.style_block())
st.title("📅 Lịch kiểm tra theo kế hoạch")

ss = st.session_state
library = ui.or_stop("Không mở được chỉ mục văn bản", ui.get_library)
plans = ui.or_stop("Không mở được chỉ mục văn bản", lambda: ui.get_assistant().schedule_plans())

if not plans:
    st.info("Chưa có kế hoạch nào nêu lịch kiểm tra (đơn vị được kiểm tra và thời gian) trong các văn bản đã nạp.")
    st.stop()

provinces, years = plan_choices(plans)
left, middle, right = st.columns([2, 2, 1])
chosen_provinces = left.multiselect("Tỉnh/thành phố", provinces, key="sched_provinces", placeholder="Tất cả",
                                    select_all=False)
chosen_years = middle.multiselect("Năm của kế hoạch", years, key="sched_years", placeholder="Tất cả",
                                  select_all=False)
by = right.radio("Cột theo", ["quarter", "month"], key="sched_by", horizontal=True,
                 format_func=lambda x: "Quý" if x == "quarter" else "Tháng")

rows, cites = schedule_rows(plans, chosen_provinces, chosen_years, by)
if not rows:
    st.warning("Không có lịch kiểm tra nào trong phạm vi đã chọn.")
    st.stop()

n_plans = len({r["Kế hoạch"] for r in rows})
st.caption(f"{len(rows)} lượt kiểm tra của {n_plans} kế hoạch. Mỗi ô ✓ [n] ứng với trích dẫn [n] bên dưới: "
           "đoạn văn bản nêu đơn vị và thời gian đó. Bấm vào một ô để mở dòng đó trong văn bản.")
shown = [{k: v for k, v in r.items() if k != "Trích dẫn"} for r in rows]
event = st.dataframe(shown, hide_index=True, width="stretch", key="sched_table", on_select="rerun",
                     selection_mode="single-cell")
clicked = clicked_citation(event.selection if event else None, cites)
if clicked is not None and clicked != ss.get("sched_clicked"):  # a new click: show that row's citation, opened
    ss["sched_clicked"] = ss["sched_cite"] = clicked

a, b = st.columns(2)
a.download_button("Tải CSV", to_csv(rows), file_name="lich-kiem-tra.csv", mime="text/csv", key="sched_csv")
b.download_button("Tải Excel (.xlsx)", to_xlsx(rows), file_name="lich-kiem-tra.xlsx", key="sched_xlsx",
                  mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

st.subheader("Trích dẫn")
labels = {c.n: f"[{c.n}] {c.unit} – {c.period} – {c.label}" for c in cites}
n = st.selectbox("Xem đoạn văn bản của ô", list(labels), format_func=labels.get, key="sched_cite",
                 placeholder="Chọn ô")
cite = next(c for c in cites if c.n == n)
st.markdown(citation_markdown(cite))
with st.expander("Xem trong toàn văn", expanded=clicked is not None and clicked == n):
    doc = library.document(cite.doc_id)
    if doc is None:
        st.warning("Văn bản không còn trong chỉ mục.")
    else:
        st.markdown(render.document_html(doc.text, cite.start, cite.end, cite.quote,
                                         render.anchor_id("sched", cite.doc_id, cite.n), doc.passages),
                    unsafe_allow_html=True)
