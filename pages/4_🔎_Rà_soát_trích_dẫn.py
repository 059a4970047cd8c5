"""Rà soát trích dẫn: reviewers' verdicts on each citation (Đúng / Sai / Không rõ), by document, exportable as CSV."""

from __future__ import annotations

import streamlit as st

import ui
from assistant.accounts import Role
from assistant.feedback import VERDICTS, open_feedback
from ui import render
from ui.admin import require_role
from ui.schedule import to_csv

st.set_page_config(page_title="Rà soát trích dẫn – Trợ lý CCHC", page_icon="🔎", layout="wide")
st.html(render.style_block())
st.title("🔎 Rà soát trích dẫn")
st.caption("Đánh giá của người rà soát cho từng trích dẫn (mở trích dẫn [n] ở trang hỏi đáp, chọn Đúng / Sai / "
           "Không rõ).")

settings = ui.get_settings()
if not require_role(Role.REVIEWER, "Trang rà soát cần tài khoản người rà soát hoặc quản trị."):
    st.stop()
reviews = ui.or_stop("Không đọc được cơ sở dữ liệu đánh giá", lambda: open_feedback(settings).list_reviews())
if not reviews:
    st.info("Chưa có trích dẫn nào được đánh giá.")
    st.stop()

labels = {r.doc_id: r.doc_label or r.doc_id for r in reviews}

# -- share of "Sai" per document -----------------------------------------------------------------------------------
per_doc: dict[str, list[int]] = {}
for r in reviews:
    counts = per_doc.setdefault(r.doc_id, [0, 0])
    counts[0] += 1
    counts[1] += r.verdict == "sai"
st.subheader("Tỉ lệ trích dẫn bị đánh giá «Sai» theo văn bản")
st.dataframe([{"Văn bản": labels[d], "Số trích dẫn đã đánh giá": n, "Sai": bad, "Tỉ lệ Sai": f"{bad / n:.0%}"}
              for d, (n, bad) in sorted(per_doc.items(), key=lambda kv: -kv[1][1] / kv[1][0])],
             hide_index=True, width="stretch")

# -- list ------------------------------------------------------------------------------------------------------------
st.subheader("Các trích dẫn đã đánh giá")
cols = st.columns(2)
docs = cols[0].multiselect("Văn bản", list(labels), format_func=labels.get, key="rv_docs", placeholder="Tất cả",
                           select_all=False)
verdicts = cols[1].multiselect("Kết luận", list(VERDICTS), format_func=VERDICTS.get, key="rv_verdicts",
                               placeholder="Tất cả", select_all=False)
shown = [r for r in reviews if (not docs or r.doc_id in docs) and (not verdicts or r.verdict in verdicts)]
table = [{"Thời gian": ui.vn_date(r.created_at), "Kết luận": VERDICTS[r.verdict], "Ghi chú": r.comment,
          "Câu hỏi": r.question, "Trích dẫn": f"[{r.n}]", "Văn bản": labels[r.doc_id], "Đoạn trích": r.quote,
          "Vị trí": f"{r.start}–{r.end}"} for r in shown]
st.dataframe(table, hide_index=True, width="stretch")

_CSV_COLUMNS = ["thoi_gian", "ket_luan", "ghi_chu", "cau_hoi", "cau_tra_loi", "n", "doc_id", "van_ban", "start", "end",
                "trich_dan"]
csv_rows = [dict(zip(_CSV_COLUMNS, (r.created_at, VERDICTS[r.verdict], r.comment, r.question, r.answer_text, r.n,
                                    r.doc_id, labels[r.doc_id], r.start, r.end, r.quote))) for r in shown]
st.download_button("⬇️ Tải CSV", data=to_csv(csv_rows, _CSV_COLUMNS), file_name="ra-soat-trich-dan.csv",
                   mime="text/csv", key="rv_csv", on_click="ignore")

st.subheader("Chi tiết theo câu trả lời")
by_answer: dict[str, list] = {}
for r in shown:
    by_answer.setdefault(r.answer_key, []).append(r)
for items in list(by_answer.values())[:200]:
    first = items[0]
    with st.expander(f"{ui.vn_date(first.created_at)} — {render.escape_markdown(first.question[:100])}"):
        st.markdown(render.answer_markdown(first.answer_text))
        for r in sorted(items, key=lambda r: r.n):
            st.markdown(f"**[{r.n}] {VERDICTS[r.verdict]}** — {render.escape_markdown(labels[r.doc_id])}"
                        + (f" — _{render.escape_markdown(r.comment)}_" if r.comment else ""))
            st.markdown(render.passage_html(r.quote, 0, len(r.quote), r.quote, render.anchor_id("rv", r.id)),
                        unsafe_allow_html=True)
