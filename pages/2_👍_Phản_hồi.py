"""Phản hồi: ratings users gave to answers (with their comments and the question a follow-up followed)."""

from __future__ import annotations

import streamlit as st

import ui
from assistant.accounts import Role
from assistant.feedback import open_feedback
from ui import render
from ui.admin import require_role
from ui.schedule import feedback_csv

st.set_page_config(page_title="Phản hồi – Trợ lý CCHC", page_icon="👍", layout="wide")
st.title("👍 Phản hồi về câu trả lời")

settings = ui.get_settings()
if not require_role(Role.REVIEWER, "Trang phản hồi cần tài khoản người rà soát hoặc quản trị."):
    st.stop()
rows = ui.or_stop("Không đọc được cơ sở dữ liệu phản hồi", lambda: open_feedback(settings).list_feedback())

if not rows:
    st.info("Chưa có phản hồi nào. Người dùng đánh giá câu trả lời bằng nút 👍/👎 ở trang hỏi đáp.")
    st.stop()

up = sum(1 for r in rows if r.rating > 0)
c1, c2, c3 = st.columns(3)
c1.metric("Tổng số", len(rows))
c2.metric("👍 Hữu ích", up)
c3.metric("👎 Chưa đúng", len(rows) - up)

which = st.radio("Hiển thị", ["Tất cả", "👎 Chưa đúng", "👍 Hữu ích"], horizontal=True, key="fb_filter")
if which != "Tất cả":
    rows = [r for r in rows if (r.rating > 0) == (which == "👍 Hữu ích")]

st.dataframe([{"Thời gian": ui.vn_date(r.created_at), "Đánh giá": "👍 Hữu ích" if r.rating > 0 else "👎 Chưa đúng",
               "Góp ý": r.comment, "Câu hỏi": r.question, "Tiếp theo câu hỏi": r.context,
               "Chế độ": ui.MODE_LABELS.get(r.mode, r.mode), "Số trích dẫn": len(r.citations)} for r in rows],
             hide_index=True, width="stretch")

st.download_button("⬇️ Tải CSV", data=feedback_csv(rows), file_name="phan-hoi.csv", mime="text/csv", key="fb_csv",
                   on_click="ignore")

st.subheader("Chi tiết")
for r in rows[:200]:
    icon = "👍" if r.rating > 0 else "👎"
    with st.expander(f"{icon} {ui.vn_date(r.created_at)} — {render.escape_markdown(r.question[:100])}"):
        if r.context:
            st.caption("Câu hỏi tiếp theo của: " + render.escape_markdown(r.context))
        st.markdown("**Câu hỏi:** " + render.escape_markdown(r.question))
        if r.comment:
            st.markdown("**Góp ý:** " + render.escape_markdown(r.comment))
        st.markdown("**Trả lời:**")
        st.markdown(render.answer_markdown(r.answer_text))
        for c in r.citations:
            if not isinstance(c, dict):
                continue
            st.markdown(f"**[{c.get('n', '')}] {render.escape_markdown(c.get('label') or c.get('title', ''))}** — "
                        + render.escape_markdown(c.get("section", "")))
            st.markdown(render.passage_html(c.get("quote", ""), 0, len(c.get("quote", "")), c.get("quote", ""),
                                            render.anchor_id("fb", r.id, c.get("n", ""))), unsafe_allow_html=True)
