"""Hàng đợi rà soát: the next unreviewed citation of every recorded answer, oldest first, with its question, its
answer and the quoted span marked in its document; a verdict saves and moves on to the next one."""

from __future__ import annotations

import streamlit as st

import ui
from assistant.feedback import VERDICTS, open_feedback
from assistant.review import RecordedCitation, review_queue
from index.model import document_label
from ui import render
from ui.auth import current_account
from ui.review import cited_lines, recorded, reviewer_fields, reviewer_gate, verdict_lines

#: Answers listed ahead of the one shown (the rest are only counted).
UPCOMING_SHOWN = 10

st.set_page_config(page_title="Hàng đợi rà soát – Trợ lý CCHC", page_icon="📋", layout="wide")
st.html(render.style_block())
st.title("📋 Hàng đợi rà soát")
st.caption("Trích dẫn chưa được rà soát của từng câu trả lời đã lưu, câu cũ nhất trước. Chọn Đúng / Sai / Không rõ "
           "để lưu và chuyển sang trích dẫn tiếp theo.")

settings = ui.get_settings()
if not reviewer_gate(settings, "Hàng đợi rà soát dành cho người rà soát."):
    st.stop()
feedback = open_feedback(settings)
citations = ui.or_stop("Không đọc được các câu trả lời đã lưu", lambda: recorded(settings))
reviews = ui.or_stop("Không đọc được cơ sở dữ liệu đánh giá", feedback.list_reviews)
if not citations:
    st.info("Chưa có câu trả lời nào có trích dẫn để rà soát.")
    st.stop()

ss = st.session_state
ss.setdefault("rq_skipped", [])
account = current_account()


def _judge(item: RecordedCitation, verdict: str) -> None:
    comment = ss.get(f"rq_note_{item.key}_{item.citation.n}", "")
    _, problem = ui.attempt("Không lưu được đánh giá", lambda: feedback.review(
        item.key, item.turn.question, item.turn.answer.text, item.citation.to_dict(), verdict, comment,
        **reviewer_fields()))
    ss["rq_message"] = (problem, "") if problem else ("", f"Đã lưu «{VERDICTS[verdict]}» cho trích dẫn "
                                                          f"[{item.citation.n}].")


def _skip(item: RecordedCitation) -> None:
    ss["rq_skipped"].append((item.key, item.citation.n))
    ss.pop("rq_message", None)


def _details(item: RecordedCitation) -> None:
    """The question, its answer, which citation, and the verdicts it already holds."""
    c, answer = item.citation, item.turn.answer
    st.markdown(f"**Câu hỏi** ({ui.vn_date(item.created_at)} · {ui.MODE_LABELS.get(item.mode, item.mode)}): "
                + render.escape_markdown(item.turn.question))
    label = c.label or document_label(c.metadata or {}, c.title or c.doc_id)
    st.markdown(f"#### Trích dẫn [{c.n}] — " + render.escape_markdown(label))
    if c.section:
        st.caption(render.escape_markdown(c.section))
    claims = cited_lines(answer.text or "", c.n)
    if claims:
        st.markdown("**Câu trả lời nói:**")
        st.markdown(render.answer_markdown("\n".join(claims)))
    given = [r for r in reviews if r.answer_key == item.key and r.n == c.n]
    if given:
        st.markdown("**Đánh giá đã có**\n\n" + verdict_lines(given, account.name if account else ""))


def _document(item: RecordedCitation) -> None:
    """The cited document, whole, the quoted span marked and scrolled to (the stored quote when it is gone)."""
    c = item.citation
    doc, _ = ui.attempt("Không đọc được văn bản", lambda: ui.get_library().document(c.doc_id))
    mark_id = render.anchor_id("rq", item.key, c.n)
    if doc is None:
        st.warning("Văn bản này không còn trong chỉ mục; hiển thị trích dẫn đã lưu.")
        st.markdown(render.passage_html("", c.start, c.end, c.quote, mark_id), unsafe_allow_html=True)
        return
    st.markdown(render.document_html(doc.text, c.start, c.end, c.quote, mark_id), unsafe_allow_html=True)
    st.iframe(render.scroll_script(mark_id), height=1)  # same-origin iframe; only the JSON-quoted id varies


def _verdict_buttons(item: RecordedCitation) -> None:
    n = item.citation.n
    st.text_input("Ghi chú (không bắt buộc)", key=f"rq_note_{item.key}_{n}")
    cols = st.columns(len(VERDICTS) + 1)
    for col, (verdict, label) in zip(cols, VERDICTS.items(), strict=False):
        col.button(label, key=f"rq_{verdict}", on_click=_judge, args=(item, verdict), width="stretch")
    cols[-1].button("Bỏ qua", key="rq_skip", on_click=_skip, args=(item,), width="stretch",
                    help="Để lại trích dẫn này, xem trích dẫn tiếp theo")


labels = {r.citation.doc_id: r.doc_label for r in citations}
modes = sorted({r.mode for r in citations})
cols = st.columns(3)
doc_ids = cols[0].multiselect("Văn bản", sorted(labels, key=labels.get), format_func=labels.get, key="rq_docs",
                              placeholder="Tất cả", select_all=False)
chosen_modes = cols[1].multiselect("Cách soạn câu trả lời", modes, key="rq_modes", placeholder="Tất cả",
                                   select_all=False, format_func=lambda m: ui.MODE_LABELS.get(m, m))
second = bool(account) and cols[2].toggle("Cả trích dẫn người khác đã rà soát", key="rq_second",
                                          help="Đưa vào hàng đợi cả trích dẫn đã có đánh giá của người khác, "
                                               "để đối chiếu.")
queue = review_queue(citations, reviews, doc_ids=doc_ids, modes=chosen_modes, skipped=ss["rq_skipped"],
                     reviewer=account.name if second else None)
error, saved = ss.pop("rq_message", ("", ""))
if error:
    st.error(error)
elif saved:
    st.success(saved)
if not queue:
    st.info("Không còn trích dẫn nào chờ rà soát" + (" trong phạm vi đã chọn." if doc_ids or chosen_modes else "."))
    if ss["rq_skipped"]:
        st.button("Xem lại các trích dẫn đã bỏ qua", key="rq_unskip", on_click=lambda: ss.update(rq_skipped=[]))
    st.stop()
st.caption(f"Còn {len(queue)} câu trả lời có trích dẫn chờ rà soát.")
current = queue[0]
left, right = st.columns([3, 2], gap="medium")
with right:
    _details(current)
    _verdict_buttons(current)
    with st.expander("Toàn bộ câu trả lời"):
        st.markdown(render.answer_markdown(current.turn.answer.text or ""))
with left:
    _document(current)
if len(queue) > 1:
    st.markdown("**Tiếp theo**")
    st.dataframe([{"Thời gian": ui.vn_date(q.created_at), "Câu hỏi": q.turn.question, "Trích dẫn": f"[{q.citation.n}]",
                   "Văn bản": q.doc_label} for q in queue[1:1 + UPCOMING_SHOWN]], hide_index=True, width="stretch")
