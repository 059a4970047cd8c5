"""Trợ lý CCHC – chat page. Run: ``streamlit run app.py``.

Only widgets here: answers come from ``ui.get_assistant()`` (one Assistant per process, cached), HTML from
``ui.render`` (escaped document text), exports from ``assistant.export``, ratings from ``assistant.feedback``.
Per-user state lives in ``st.session_state`` only.
"""

from __future__ import annotations

import streamlit as st

import ui
from assistant.export import answer_to_markdown
from assistant.feedback import citations_to_json, open_feedback
from assistant.types import Answer, Turn
from index.model import document_label
from retriever.hybrid import SearchFilters
from ui import render

EXAMPLES = (
    "Những sở nào được kiểm tra trong quý III?",
    "Kế hoạch kiểm tra cải cách hành chính năm 2021 của Kiên Giang có những nội dung gì?",
    "Thời gian kiểm tra cải cách hành chính của tỉnh Hà Nam năm 2022?",
)
ABSTAIN_NOTICE = ("Trợ lý không tìm thấy câu trả lời trong các văn bản đã nạp. Hãy thử hỏi cụ thể hơn "
                  "(tên tỉnh, năm, loại văn bản) hoặc bỏ bớt bộ lọc.")


# -- state --------------------------------------------------------------------------------------------------------
def _init_state() -> None:
    ss = st.session_state
    ss.setdefault("history", [])  # list[Turn] of this browser session only
    ss.setdefault("conv", 0)  # conversation number: part of widget keys, so a new chat starts clean
    ss.setdefault("rated", {})  # widget prefix -> +1 / -1


def _new_conversation() -> None:
    ss = st.session_state
    ss["history"] = []
    ss["rated"] = {}
    ss["conv"] = ss.get("conv", 0) + 1
    ss.pop("pending", None)


def _ask_example(question: str) -> None:
    st.session_state["pending"] = question


# -- sidebar ------------------------------------------------------------------------------------------------------
def _clean_selection(key: str, options) -> None:
    """Drop remembered choices that are no longer offered (a document deleted meanwhile)."""
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]


def sidebar(assistant) -> tuple[SearchFilters, str]:
    with st.sidebar:
        st.header("Bộ lọc")
        try:
            options = ui.filter_options(assistant.store.records())
        except Exception as exc:  # noqa: BLE001 - show, keep chatting without filters
            st.error(f"Không đọc được danh sách văn bản: {exc}")
            options = ui.FilterOptions()
        for key, opts in (("f_tinh", options.provinces), ("f_nam", options.years),
                          ("f_loai", options.doc_types), ("f_docs", list(options.documents))):
            _clean_selection(key, opts)
        provinces = st.multiselect("Tỉnh/thành phố", options.provinces, key="f_tinh", placeholder="Tất cả")
        years = st.multiselect("Năm", options.years, key="f_nam", placeholder="Tất cả")
        doc_types = st.multiselect("Loại văn bản", options.doc_types, key="f_loai", placeholder="Tất cả")
        doc_ids = st.multiselect("Văn bản", list(options.documents), key="f_docs", placeholder="Tất cả",
                                 format_func=lambda d: options.documents.get(d, d))
        st.header("Chế độ trả lời")
        modes = ["grounded"] + (["llm"] if assistant.llm_available else [])
        if st.session_state.get("mode") not in modes:
            st.session_state["mode"] = "grounded"
        mode = st.radio("Cách soạn câu trả lời", modes, key="mode",
                        format_func=lambda m: ui.MODE_LABELS.get(m, m))
        if not assistant.llm_available:
            st.caption("Chế độ LLM chưa được cấu hình (đặt LLM_BASE_URL để bật).")
        st.divider()
        st.button("Cuộc trò chuyện mới", on_click=_new_conversation, width="stretch", key="new_chat")
    filters = SearchFilters(provinces=tuple(provinces), years=tuple(years), doc_types=tuple(doc_types),
                            doc_ids=tuple(doc_ids))
    return filters, mode


# -- one answer ---------------------------------------------------------------------------------------------------
class _Docs:
    """Cleaned document texts fetched at most once per script run."""

    def __init__(self, assistant) -> None:
        self.assistant = assistant
        self._texts: dict[str, str | None] = {}

    def text(self, doc_id: str) -> str | None:
        if doc_id not in self._texts:
            try:
                doc = self.assistant.store.get_document(doc_id)
            except Exception:  # noqa: BLE001
                doc = None
            self._texts[doc_id] = doc.text if doc is not None else None
        return self._texts[doc_id]


def _citation_card(c, prefix: str, docs: _Docs) -> None:
    md = c.metadata or {}
    with st.container(border=True):
        label = c.label or document_label(md, c.title or c.doc_id)
        st.markdown(f"**[{c.n}] {render.escape_markdown(label)}**")
        if c.title and c.title not in label:
            st.markdown(render.escape_markdown(c.title))
        facts = [("Số hiệu", md.get("so_hieu")), ("Tỉnh", md.get("tinh")), ("Năm", md.get("nam"))]
        line = " · ".join(f"{k}: {v}" for k, v in facts if v)
        if line:
            st.caption(render.escape_markdown(line))
        if c.section:
            st.caption("Mục: " + render.escape_markdown(c.section))
        text = docs.text(c.doc_id)
        with st.expander("Xem đoạn trích dẫn", expanded=False):
            if text is None:
                st.warning("Văn bản này không còn trong chỉ mục; hiển thị trích dẫn đã lưu.")
            st.markdown(render.passage_html(text or "", c.start, c.end, c.quote,
                                            render.anchor_id("cite", prefix, c.n)), unsafe_allow_html=True)
            st.caption("Nguồn: " + render.escape_markdown(c.source))
        if text is not None and st.toggle("Mở văn bản", key=f"{prefix}_open_{c.n}",
                                          help="Hiển thị toàn văn (đã làm sạch), cuộn tới đoạn được trích dẫn"):
            mark_id = render.anchor_id("doc", prefix, c.n)
            st.markdown(render.document_html(text, c.start, c.end, c.quote, mark_id), unsafe_allow_html=True)
            st.iframe(render.scroll_script(mark_id), height=1)  # same-origin iframe; only the JSON-quoted id varies


def _rate(prefix: str, turn: Turn, rating: int) -> None:
    answer = turn.answer
    try:
        open_feedback(ui.get_settings()).record(turn.question, answer.text, citations_to_json(answer), rating,
                                                answer.mode)
        st.session_state["rated"][prefix] = rating
    except Exception as exc:  # noqa: BLE001
        st.session_state["rated"][prefix] = 0
        st.session_state[f"{prefix}_fb_error"] = f"Không lưu được phản hồi: {exc}"


def render_answer(turn: Turn, prefix: str, docs: _Docs) -> None:
    answer = turn.answer
    if answer.abstained:
        st.warning(ABSTAIN_NOTICE)
    if answer.notice:
        st.info(answer.notice)
    st.markdown(render.answer_markdown(answer.text or ""))
    if answer.unsupported:
        st.caption("Các câu sau chưa có trích dẫn hợp lệ: " + render.escape_markdown(" | ".join(answer.unsupported)))
    if answer.citations:
        st.markdown(f"**Trích dẫn ({len(answer.citations)})**")
        columns = st.columns(2)
        for k, c in enumerate(answer.citations):
            with columns[k % 2]:
                _citation_card(c, prefix, docs)
    cols = st.columns([3, 1, 1, 4])
    cols[0].download_button("⬇️ Tải Markdown", data=answer_to_markdown(answer), file_name=f"tra-loi-{prefix}.md",
                            mime="text/markdown", key=f"{prefix}_dl", on_click="ignore")
    rated = st.session_state["rated"].get(prefix)
    cols[1].button("👍", key=f"{prefix}_up", help="Câu trả lời hữu ích", disabled=rated is not None,
                   on_click=_rate, args=(prefix, turn, 1))
    cols[2].button("👎", key=f"{prefix}_down", help="Câu trả lời chưa đúng", disabled=rated is not None,
                   on_click=_rate, args=(prefix, turn, -1))
    if rated in (1, -1):
        cols[3].caption("Đã ghi nhận phản hồi. Cảm ơn!")
    elif error := st.session_state.get(f"{prefix}_fb_error"):
        cols[3].caption(error)


# -- page -----------------------------------------------------------------------------------------------------------
def _chunks(stream, box: dict):
    """Text pieces for st.write_stream; the final Answer is kept in ``box``."""
    for item in stream:
        if isinstance(item, str):
            yield item
        elif isinstance(item, Answer) or hasattr(item, "citations"):
            box["answer"] = item


def main() -> None:
    st.set_page_config(page_title="Trợ lý CCHC", page_icon="🏛️", layout="wide")
    _init_state()
    st.html(render.style_block())
    try:
        assistant = ui.get_assistant()
    except Exception as exc:  # noqa: BLE001
        st.error(f"Không mở được trợ lý: {exc}")
        st.stop()
    first_start = getattr(getattr(assistant, "store", None), "first_start", "")
    if first_start and not st.session_state.get("first_start_seen"):  # the index was built now: say so, once
        st.session_state["first_start_seen"] = True
        st.info(first_start)
    filters, mode = sidebar(assistant)

    st.title("🏛️ Trợ lý CCHC")
    st.caption("Hỏi đáp về kế hoạch cải cách hành chính; mỗi ý trả lời kèm trích dẫn đến đúng đoạn văn bản gốc.")

    history: list[Turn] = st.session_state["history"]
    conv = st.session_state["conv"]
    docs = _Docs(assistant)
    for i, turn in enumerate(history):
        with st.chat_message("user"):
            st.markdown(render.escape_markdown(turn.question))
        with st.chat_message("assistant"):
            render_answer(turn, f"c{conv}t{i}", docs)

    prompt = st.chat_input("Đặt câu hỏi về kế hoạch cải cách hành chính…", key="chat_input")
    if not prompt:
        prompt = st.session_state.pop("pending", None)
    if not prompt and not history:
        st.markdown("**Câu hỏi gợi ý**")
        for j, example in enumerate(EXAMPLES):
            st.button(example, key=f"example_{j}", on_click=_ask_example, args=(example,))
        return
    if not prompt:
        return

    question = prompt.strip()
    if not question:
        return
    with st.chat_message("user"):
        st.markdown(render.escape_markdown(question))
    with st.chat_message("assistant"):
        slot = st.empty()
        box: dict = {}
        try:
            with slot.container():
                streamed = st.write_stream(_chunks(assistant.stream(question, history=tuple(history), filters=filters,
                                                                    mode=mode), box))
        except Exception as exc:  # noqa: BLE001
            slot.error(f"Không trả lời được câu hỏi: {exc}")
            return
        answer = box.get("answer") or Answer(question=question, text=streamed if isinstance(streamed, str) else "",
                                             mode=mode)
        turn = Turn(question=question, answer=answer, provinces=filters.provinces, years=filters.years,
                    doc_ids=filters.doc_ids)
        history.append(turn)
    # Render the answer from the history on a fresh run: the element tree then stays the same on every later run,
    # so an expander a reader opened stays open when they rate the answer or open a document.
    st.rerun()


main()
