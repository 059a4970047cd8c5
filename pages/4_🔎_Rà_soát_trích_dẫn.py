"""Rà soát trích dẫn: reviewers' verdicts on each citation (Đúng / Sai / Không rõ) with who gave them and when, the
citations reviewers disagree on, per document the share judged "Sai" and the share not reviewed yet; CSV export."""

from __future__ import annotations

import streamlit as st

import ui
from assistant.feedback import VERDICTS, disagreements, open_feedback
from assistant.review import document_reviews
from ui import render
from ui.review import recorded, reviewer_gate, reviews_csv

st.set_page_config(page_title="Rà soát trích dẫn – Trợ lý CCHC", page_icon="🔎", layout="wide")
st.html(render.style_block())
st.title("🔎 Rà soát trích dẫn")
st.caption("Đánh giá của người rà soát cho từng trích dẫn (mở trích dẫn [n] ở trang hỏi đáp hoặc dùng trang Hàng đợi "
           "rà soát, chọn Đúng / Sai / Không rõ).")

settings = ui.get_settings()
if not reviewer_gate(settings, "Trang rà soát cần tài khoản người rà soát hoặc quản trị."):
    st.stop()
reviews = ui.or_stop("Không đọc được cơ sở dữ liệu đánh giá", lambda: open_feedback(settings).list_reviews())
citations = ui.or_stop("Không đọc được các câu trả lời đã lưu", lambda: recorded(settings))
if not reviews and not citations:
    st.info("Chưa có trích dẫn nào được đánh giá.")
    st.stop()

# -- per document: share of "Sai", share not reviewed ----------------------------------------------------------------
per_doc = document_reviews(citations, reviews)
labels = {d.doc_id: d.label for d in per_doc}
st.subheader("Theo văn bản: tỉ lệ «Sai» và tỉ lệ chưa rà soát")
st.dataframe([{"Văn bản": d.label, "Số trích dẫn": d.citations, "Chưa rà soát": d.unreviewed,
               "Tỉ lệ chưa rà soát": f"{d.share_unreviewed:.0%}", "Số đánh giá": d.verdicts, "Sai": d.wrong,
               "Tỉ lệ Sai": f"{d.share_wrong:.0%}" if d.verdicts else "—"} for d in per_doc],
             hide_index=True, width="stretch")
if not reviews:
    st.info("Chưa có trích dẫn nào được đánh giá.")
    st.stop()

# -- list ------------------------------------------------------------------------------------------------------------
st.subheader("Các trích dẫn đã đánh giá")
cols = st.columns(3)
docs = cols[0].multiselect("Văn bản", list(labels), format_func=labels.get, key="rv_docs", placeholder="Tất cả",
                           select_all=False)
verdicts = cols[1].multiselect("Kết luận", list(VERDICTS), format_func=VERDICTS.get, key="rv_verdicts",
                               placeholder="Tất cả", select_all=False)
reviewers = sorted({r.who for r in reviews})
who = cols[2].multiselect("Người rà soát", reviewers, key="rv_who", placeholder="Tất cả", select_all=False)
shown = [r for r in reviews
         if (not docs or r.doc_id in docs) and (not verdicts or r.verdict in verdicts) and (not who or r.who in who)]
table = [{"Thời gian": ui.vn_date(r.created_at), "Người rà soát": r.who, "Kết luận": VERDICTS[r.verdict],
          "Ghi chú": r.comment, "Câu hỏi": r.question, "Trích dẫn": f"[{r.n}]", "Văn bản": labels[r.doc_id],
          "Đoạn trích": r.quote, "Vị trí": f"{r.start}–{r.end}"} for r in shown]
st.dataframe(table, hide_index=True, width="stretch")
st.download_button("⬇️ Tải CSV", data=reviews_csv(shown), file_name="ra-soat-trich-dan.csv",
                   mime="text/csv", key="rv_csv", on_click="ignore")

# -- disagreements ---------------------------------------------------------------------------------------------------
st.subheader("Trích dẫn có đánh giá trái ngược")
split = disagreements(reviews)
if not split:
    st.caption("Chưa có trích dẫn nào được người này đánh giá Đúng, người kia đánh giá Sai.")
else:
    st.dataframe([{"Câu hỏi": g[0].question, "Trích dẫn": f"[{g[0].n}]", "Văn bản": labels[g[0].doc_id],
                   "Đoạn trích": g[0].quote,
                   "Đúng": ", ".join(r.who for r in g if r.verdict == "dung"),
                   "Sai": ", ".join(r.who for r in g if r.verdict == "sai"),
                   "Ghi chú": " | ".join(f"{r.who}: {r.comment}" for r in g if r.comment)} for g in split],
                 hide_index=True, width="stretch")

st.subheader("Chi tiết theo câu trả lời")
by_answer: dict[str, list] = {}
for r in shown:
    by_answer.setdefault(r.answer_key, []).append(r)
for items in list(by_answer.values())[:200]:
    first = items[0]
    with st.expander(f"{ui.vn_date(first.created_at)} — {render.escape_markdown(first.question[:100])}"):
        st.markdown(render.answer_markdown(first.answer_text))
        for r in sorted(items, key=lambda r: (r.n, r.created_at)):
            st.markdown(f"**[{r.n}] {VERDICTS[r.verdict]}** — {render.escape_markdown(r.who)} — "
                        f"{render.escape_markdown(labels[r.doc_id])}"
                        + (f" — _{render.escape_markdown(r.comment)}_" if r.comment else ""))
            st.markdown(render.passage_html(r.quote, 0, len(r.quote), r.quote, render.anchor_id("rv", r.id)),
                        unsafe_allow_html=True)
