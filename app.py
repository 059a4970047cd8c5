"""Trợ lý CCHC – entry point and chat page. Run: ``streamlit run app.py``.

Only widgets here: answers come from ``ui.get_assistant()`` (one Assistant per process, cached), documents from
``ui.get_library()`` (the ingest service, cached too), HTML from ``ui.render`` (escaped document text), exports from
``assistant.export``, ratings and citation verdicts from ``assistant.feedback``, saved conversations from
``assistant.history``. Per-user state lives in ``st.session_state``;
the conversation shown is named by the URL (``?c=…``); its owner is the signed-in account (``ui.auth``), else the
browser, named by a cookie.
"""

from __future__ import annotations

import itertools
import logging
import uuid
from pathlib import Path

import streamlit as st

import ui
from assistant.conversation import asked_turn
from assistant.export import conversation_to_docx, conversation_to_markdown, file_name
from assistant.feedback import VERDICTS, citations_to_json, open_feedback
from assistant.history import LOGIN_NEEDED, Share, account_owner, open_conversations, owner_account
from assistant.review import answer_key
from assistant.service import EMPTY_QUESTION, SearchFilters, readable_question
from assistant.types import Turn
from errors import CchcError
from index.model import document_label
from ui import auth, render
from ui.auth import current_account
from ui.review import may_judge, reviewer_fields, verdict_lines

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent
#: Suggested questions, each answered on target by the bundled corpus (a suggestion is the first impression: the
#: broad "… có những nội dung gì?" opened with an off-target unit, "3. Đối với cơ quan, đơn vị được kiểm tra").
EXAMPLES = (
    "Sở Thông tin và Truyền thông Kiên Giang chủ trì những nhiệm vụ nào năm 2021?",
    "Ai làm trưởng đoàn kiểm tra công tác CCHC của Hà Nội năm 2021?",
    "Quảng Bình kiểm tra cải cách hành chính năm 2018 tại những đơn vị nào?",
)
ABSTAIN_NOTICE = ("Trợ lý không tìm thấy câu trả lời trong các văn bản đã nạp. Hãy thử hỏi cụ thể hơn "
                  "(tên tỉnh, năm, loại văn bản) hoặc bỏ bớt bộ lọc.")
FILTERED_ABSTAIN = "Câu hỏi được hỏi trong phạm vi bộ lọc ({scope}); văn bản ngoài bộ lọc không được tìm."
FILTER_KEYS = ("f_tinh", "f_nam", "f_loai", "f_docs")
BROWSER_COOKIE = "cchc_browser"
#: Days the browser's id cookie lasts (the saved conversations stay reachable that long without a link).
COOKIE_DAYS = 365
#: Characters of a quote shown on its card (the whole quote is in the source panel).
CARD_QUOTE_CHARS = 220


# -- state --------------------------------------------------------------------------------------------------------
def _init_state() -> None:
    ss = st.session_state
    ss.setdefault("history", [])  # list[Turn] of the conversation shown
    ss.setdefault("conv_id", None)  # id of that conversation in the store (None until its first question)
    ss.setdefault("rated", {})  # answer key -> +1 / -1
    ss.setdefault("panel", None)  # (answer key, turn index, citation n) shown in the source panel


def _browser_id() -> str:
    """This browser's id: the cookie when the browser has it, else a new one the page stores in the cookie."""
    ss = st.session_state
    if "browser" not in ss:
        cookie = st.context.cookies.get(BROWSER_COOKIE)  # empty without a request (tests, bare mode)
        cookie = cookie if isinstance(cookie, str) and cookie.isalnum() else None  # only an id this app wrote
        ss["browser"] = cookie or uuid.uuid4().hex
        ss["browser_new"] = not cookie
    if ss.pop("browser_new", False):
        st.html(render.cookie_script(BROWSER_COOKIE, ss["browser"], COOKIE_DAYS), unsafe_allow_javascript=True)
    return ss["browser"]


def _owner() -> str:
    """Who owns the conversations asked now: the signed-in account (they follow it to any browser), else this
    browser."""
    browser = _browser_id()
    account = auth.current_account()
    return account_owner(account.name) if account else browser


def _owner_name(owner: str | None) -> str:
    """The display name of the account owning a conversation (its login when the account is gone)."""
    name = owner_account(owner or "") or ""
    account = auth.account_store().get(name) if name else None
    return account.display_name if account else name


def _sync_conversation(store, owner: str) -> None:
    """Load the conversation the URL names when ``owner`` may read it (read-only when it is another account's shared
    one); a link that cannot be opened is dropped and says why (kept in ``conv_refused``). Checked again when the
    viewer changes (sign-in, sign-out)."""
    ss = st.session_state
    if ss.get("conv_after_login") and auth.current_account() is not None:  # the link that asked to sign in first
        st.query_params["c"] = ss.pop("conv_after_login")
    wanted = st.query_params.get("c")
    if wanted == ss["conv_id"] and ss.get("conv_viewer") == owner:
        return
    fresh_link = wanted != ss["conv_id"]
    ss["conv_viewer"], ss["read_only"], ss["panel"] = owner, "", None
    if wanted:
        allowed = store.access(wanted, owner, auth.current_account() is not None)
        if allowed.read:
            ss["history"], ss["conv_id"], ss["conv_refused"] = store.turns(wanted), wanted, ""
            ss["read_only"] = "" if allowed.write else (_owner_name(store.owner(wanted)) or "?")
            return
        if fresh_link:  # a link opened now says why; a conversation left behind by a sign-out just closes
            ss["conv_refused"] = allowed.reason
            if allowed.reason == LOGIN_NEEDED:
                ss["conv_after_login"] = wanted  # opened once the visitor signs in
    ss["history"], ss["conv_id"] = [], None
    st.query_params.pop("c", None)


def _conversation_notice() -> None:
    """Above the chat: why the link could not be opened, or whose read-only conversation this is."""
    ss = st.session_state
    if ss.get("read_only"):
        st.info(f"Bạn đang xem cuộc trò chuyện của {render.escape_markdown(ss['read_only'])}, được chia sẻ để đọc: "
                "không thể hỏi tiếp trong đó. Bấm “➕ Cuộc trò chuyện mới” để hỏi.")
    elif ss.get("conv_refused") and not ss["conv_id"]:
        st.warning(ss["conv_refused"])


def _new_conversation() -> None:
    ss = st.session_state
    ss["history"], ss["conv_id"], ss["panel"] = [], None, None
    ss["read_only"], ss["conv_refused"] = "", ""
    ss.pop("pending", None)
    st.query_params.pop("c", None)


def _open_conversation(cid: str) -> None:
    st.query_params["c"] = cid


def _ask_example(question: str) -> None:
    st.session_state["pending"] = question


def _ask_standalone(question: str) -> None:
    """The "bỏ" of an inherited scope: ask the question again on its own (no earlier turn to carry a scope from)."""
    st.session_state["standalone"] = question


def _ask_without_filters(question: str) -> None:
    for key in FILTER_KEYS:
        st.session_state[key] = []
    st.session_state["pending"] = question


def _open_citation(key: str, index: int, n: int) -> None:
    """Open citation ``n``'s panel on the verdict saved for it: its verdict widgets' state is dropped, so the panel
    prefills them from the store (a state kept from an earlier opening, after an interrupted rerun, was drawn blank)."""
    for name in (f"{key}_rv_{n}", f"{key}_rvc_{n}"):
        st.session_state.pop(name, None)
    st.session_state["panel"] = (key, index, n)


def _close_panel() -> None:
    st.session_state["panel"] = None


# -- sidebar ------------------------------------------------------------------------------------------------------
def _clean_selection(key: str, options) -> None:
    """Drop remembered choices that are no longer offered (a document deleted meanwhile)."""
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]


def _unread_caption(options: ui.FilterOptions, name: str) -> None:
    """Under a filter: how many documents do not state its field (a filter keeps them, ranked lower)."""
    caption = options.unread_caption(name)
    if caption:
        st.caption(caption)


def _filters(options: ui.FilterOptions) -> tuple[SearchFilters, dict]:
    for key, opts in zip(FILTER_KEYS, (options.provinces, options.years, options.doc_types,
                                       list(options.documents)), strict=True):
        _clean_selection(key, opts)
    common = {"placeholder": "Tất cả", "select_all": False}
    provinces = st.multiselect("Tỉnh/thành phố", options.provinces, key="f_tinh", **common)
    _unread_caption(options, "tinh")
    years = st.multiselect(ui.YEAR_FILTER_LABEL, options.years, key="f_nam", help=ui.YEAR_FILTER_HELP, **common)
    _unread_caption(options, "years")
    doc_types = st.multiselect("Loại văn bản", options.doc_types, key="f_loai", **common)
    _unread_caption(options, "loai_van_ban")
    doc_ids = st.multiselect("Văn bản", list(options.documents), key="f_docs",
                             format_func=lambda d: options.documents.get(d, d), **common)
    filters = SearchFilters(provinces=tuple(provinces), years=tuple(years), doc_types=tuple(doc_types),
                            doc_ids=tuple(doc_ids))
    scope = ui.scope_of(provinces, years, doc_types, [options.documents.get(d, d) for d in doc_ids])
    return filters, scope


def _set_shared(store, cid: str, owner: str) -> None:
    store.set_shared(cid, owner, bool(st.session_state.get(f"share_{cid}")))


def _share_box(store, cid: str, owner: str) -> None:
    """The owner's share switch (accounts only) and, while shared, the link to send."""
    if not owner_account(owner):
        st.caption("Đăng nhập để chia sẻ cuộc trò chuyện với đồng nghiệp.")
        return
    shared = store.share(cid) == Share.SHARED
    st.toggle("Chia sẻ (chỉ xem) với người đã đăng nhập", value=shared, key=f"share_{cid}", on_change=_set_shared,
              args=(store, cid, owner), help="Người nhận đường dẫn phải đăng nhập; tắt để thu hồi.")
    if shared:
        base = (st.context.url or "").split("?")[0]
        st.code(f"{base}?c={cid}", language=None, wrap_lines=True)


def _history_list(store, owner: str) -> None:
    ss = st.session_state
    st.header("Cuộc trò chuyện")
    st.button("➕ Cuộc trò chuyện mới", on_click=_new_conversation, width="stretch", key="new_chat")
    query = st.text_input("Tìm trong câu hỏi đã hỏi", key="conv_search", placeholder="Ví dụ: kiểm tra quý III")
    found = store.search(owner, query)
    if query.strip() and not found:
        st.caption("Không có cuộc trò chuyện nào khớp.")
    for info in found:
        current = info.id == ss["conv_id"]
        st.button(render.escape_markdown(info.title) or "(không tên)", key=f"conv_{info.id}", width="stretch",
                  type="primary" if current else "secondary", on_click=_open_conversation, args=(info.id,),
                  help=f"Cập nhật {ui.vn_date(info.updated_at)}")
    cid = ss["conv_id"]
    if not cid or ss.get("read_only"):
        return
    history = ss["history"]
    with st.popover("Đổi tên, xóa, tải về", width="stretch"):
        name = next((c.title for c in store.list(owner) if c.id == cid), "")
        title = st.text_input("Tên cuộc trò chuyện", value=name, key=f"rename_{cid}")  # prefilled: edit, not retype
        if st.button("Đổi tên", key=f"do_rename_{cid}", disabled=not title.strip() or title.strip() == name):
            store.rename(cid, title)
            st.rerun()
        st.download_button("⬇️ Tải .docx", data=conversation_to_docx(history, name), file_name="tro-chuyen.docx",
                           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           key=f"docx_{cid}", on_click="ignore")
        st.download_button("⬇️ Tải Markdown", data=conversation_to_markdown(history, name),
                           file_name="tro-chuyen.md", mime="text/markdown", key=f"md_{cid}", on_click="ignore")
        _share_box(store, cid, owner)
        if st.checkbox("Tôi muốn xóa cuộc trò chuyện này", key=f"del_sure_{cid}"):
            if st.button("Xóa cuộc trò chuyện", key=f"do_del_{cid}"):
                store.delete(cid)
                _new_conversation()
                st.rerun()


def sidebar(assistant, options: ui.FilterOptions, store, owner: str) -> tuple[SearchFilters, dict, str]:
    with st.sidebar:
        _history_list(store, owner)
        st.divider()
        st.header("Bộ lọc")
        st.caption("Bộ lọc lúc đặt câu hỏi là phạm vi duy nhất của câu hỏi đó.")
        filters, scope = _filters(options)
        modes = ["grounded"] + (["llm"] if assistant.llm_available else [])
        if st.session_state.get("mode") not in modes:
            st.session_state["mode"] = "grounded"
        mode = st.radio("Cách soạn câu trả lời", modes, key="mode", format_func=lambda m: ui.MODE_LABELS.get(m, m))
        if not assistant.llm_available:
            st.caption("Chế độ LLM chưa được cấu hình (đặt LLM_BASE_URL để bật).")
    return filters, scope, mode


# -- one answer ---------------------------------------------------------------------------------------------------
class _Docs:
    """Cleaned documents fetched at most once per script run; None for one that cannot be read (the panel then shows
    the stored quote)."""

    def __init__(self, library) -> None:
        self.library = library
        self._docs: dict = {}

    def get(self, doc_id: str):
        if doc_id not in self._docs:
            # unreadable: the panel shows the stored quote (an unexpected error is logged by ui.attempt)
            self._docs[doc_id], _ = ui.attempt("Không đọc được văn bản", lambda: self.library.document(doc_id))
        return self._docs[doc_id]


def _doc_facts(md: dict) -> str:
    facts = [("Số hiệu", md.get("so_hieu")), ("Cơ quan", md.get("co_quan")),
             ("Ban hành", ui.vn_date(md.get("ngay_ban_hanh", "")))]
    return " · ".join(f"{k}: {v}" for k, v in facts if v)


def _short(text: str, limit: int = CARD_QUOTE_CHARS) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _review_progress(turn: Turn, key: str) -> str:
    """ "đã rà soát k/n trích dẫn" for the sources' heading: shown once a citation holds a verdict, or always to a
    reviewer ("" otherwise, or when the verdicts cannot be read)."""
    reviewed, _ = ui.attempt("Không đọc được đánh giá trích dẫn",
                             lambda: open_feedback(ui.get_settings()).reviewed_numbers(key))
    numbers = {c.n for c in turn.answer.citations}
    done = len(numbers & (reviewed or set()))
    account = current_account()
    if reviewed is None or not (done or (account and account.can_review)):
        return ""
    return f" · đã rà soát {done}/{len(numbers)} trích dẫn"


def _sources(turn: Turn, key: str, index: int) -> None:
    """Citation cards in [n] order, one column; a document's details once, above its first citation."""
    st.markdown(f"**Nguồn ({len(turn.answer.citations)})**" + _review_progress(turn, key))
    previous = None
    for c in turn.answer.citations:
        if c.doc_id != previous:
            label = c.label or document_label(c.metadata or {}, c.title or c.doc_id)
            st.markdown("📄 **" + render.escape_markdown(label) + "**")
            facts = _doc_facts(c.metadata or {})
            if facts:
                st.caption(render.escape_markdown(facts))
            previous = c.doc_id
        cols = st.columns([1, 9], vertical_alignment="center")
        cols[0].button(f"[{c.n}]", key=f"{key}_src_{c.n}", on_click=_open_citation, args=(key, index, c.n),
                       help="Mở trích dẫn này trong khung nguồn")
        where = f"{c.section} — " if c.section else ""
        cols[1].caption(render.escape_markdown(where + "“" + _short(c.quote) + "”"))


def _rate(key: str, turn: Turn, previous_question: str, rating: int) -> None:
    answer = turn.answer
    comment = st.session_state.get(f"{key}_comment", "")
    _, problem = ui.attempt("Không lưu được phản hồi", lambda: open_feedback(ui.get_settings()).record(
        turn.question, answer.text, citations_to_json(answer), rating, answer.mode, comment=comment,
        context=previous_question, key=key))
    if problem:
        st.session_state[f"{key}_fb_error"] = problem
    else:
        st.session_state["rated"][key] = rating
        st.session_state.pop(f"{key}_fb_error", None)


def _feedback_row(turn: Turn, key: str, previous_question: str) -> None:
    rated = st.session_state["rated"].get(key)
    cols = st.columns([1, 1, 8], vertical_alignment="center")
    cols[0].button("👍", key=f"{key}_up", help="Câu trả lời hữu ích", type="primary" if rated == 1 else "secondary",
                   on_click=_rate, args=(key, turn, previous_question, 1))
    cols[1].button("👎", key=f"{key}_down", help="Câu trả lời chưa đúng",
                   type="primary" if rated == -1 else "secondary", on_click=_rate,
                   args=(key, turn, previous_question, -1))
    if error := st.session_state.get(f"{key}_fb_error"):
        cols[2].caption(error)
    elif rated in (1, -1):
        with cols[2]:
            st.text_input("Góp ý thêm (không bắt buộc)", key=f"{key}_comment", placeholder="Góp ý thêm (không bắt "
                          "buộc), Enter để lưu", label_visibility="collapsed", on_change=_rate,
                          args=(key, turn, previous_question, rated))


def _inherited_chip(scope: str, key: str, question: str) -> None:
    """The scope the question carried over from the previous one, with a one-click "bỏ" that asks it again alone."""
    cols = st.columns([8, 1], vertical_alignment="center")
    cols[0].caption("↪ Phạm vi kế thừa từ câu trước: " + render.inert_markdown(scope))
    cols[1].button("bỏ", key=f"{key}_drop_scope", on_click=_ask_standalone, args=(question,),
                   help="Hỏi lại câu này không kèm phạm vi của câu trước")


def render_answer(turn: Turn, key: str, index: int, previous_question: str) -> None:
    answer = turn.answer
    chips = ui.scope_text(turn.scope)
    if chips:
        st.caption("🔎 " + render.escape_markdown(chips))
    if answer.abstained:
        st.warning(ABSTAIN_NOTICE + (" " + FILTERED_ABSTAIN.format(scope=chips[5:]) if chips else ""))
        if chips:
            st.button("Hỏi lại không lọc", key=f"{key}_nofilter", on_click=_ask_without_filters,
                      args=(turn.question,), type="primary")
    inherited, notice = ui.inherited_scope(answer.notice)
    if inherited:
        _inherited_chip(inherited, key, turn.question)
    if notice:
        st.info(render.inert_markdown(notice))
    # where the view goes when this answer has just arrived (render.answer_scroll_script)
    anchor = render.answer_anchor(render.anchor_id("answer", key), fresh=st.session_state.get("scroll_to") == key)
    st.markdown(anchor + render.answer_with_refs(answer.text or "", lambda n: f"{key}_src_{n}"),
                unsafe_allow_html=True)
    if answer.unsupported:
        st.caption("Các câu sau chưa có trích dẫn hợp lệ: " + render.escape_markdown(" | ".join(answer.unsupported)))
    if answer.citations:
        _sources(turn, key, index)
        # the answer and its numbered quotes as plain text (no Markdown marks), copied by render.copy_script
        st.html(render.copy_button_html(render.plain_answer(answer.text, answer.citations),
                                        "📋 Sao chép câu trả lời"))
    _feedback_row(turn, key, previous_question)


# -- source panel -------------------------------------------------------------------------------------------------
def _review(key: str, turn: Turn, citation) -> None:
    verdict = st.session_state.get(f"{key}_rv_{citation.n}")
    if not verdict:
        return
    comment = st.session_state.get(f"{key}_rvc_{citation.n}", "")
    who = reviewer_fields()
    _, problem = ui.attempt("Không lưu được đánh giá", lambda: open_feedback(ui.get_settings()).review(
        key, turn.question, turn.answer.text, citation.to_dict(), verdict, comment, **who))
    if problem:
        st.session_state[f"{key}_rv_error_{citation.n}"] = problem
    else:
        st.session_state[f"{key}_rv_saved_{citation.n}"] = True


def _original_download(c, key: str, docs: _Docs) -> None:
    path = docs.library.source_path(c.source)
    try:
        data = path.read_bytes()
    except OSError:
        st.caption("Tệp gốc không còn trên máy chủ.")
        return
    st.download_button(f"⬇️ Tải tệp gốc ({file_name(c.source)})", data=data, file_name=file_name(c.source),
                       key=f"{key}_orig_{c.n}", on_click="ignore")


def _verdicts_given(key: str, c) -> None:
    """Show the verdicts already given on citation ``c`` (who, what, when, note) and prefill this account's own
    (without an account: the one given without an account, which a new verdict would replace)."""
    rows, problem = ui.attempt("Không đọc được đánh giá trích dẫn",
                               lambda: open_feedback(ui.get_settings()).verdicts_of(key, c.n))
    account = current_account()
    me = account.name if account else ""
    if problem:
        st.caption(problem)
    elif rows:
        st.markdown("**Đánh giá đã có**\n\n" + verdict_lines(rows, me))
    own = next((r for r in rows or [] if r.reviewer == me), None)
    if own is not None and f"{key}_rv_{c.n}" not in st.session_state:  # reopened: your verdict, ready to change
        st.session_state[f"{key}_rv_{c.n}"] = own.verdict
        st.session_state[f"{key}_rvc_{c.n}"] = own.comment


def _verdict_form(key: str, turn: Turn, c) -> None:
    """The verdicts on this citation with their reviewers, then this reviewer's own (prefilled when given)."""
    _verdicts_given(key, c)
    if not may_judge():
        st.caption("Chỉ người rà soát được đánh giá trích dẫn.")
        return
    st.radio("Trích dẫn này có đúng không?", list(VERDICTS), key=f"{key}_rv_{c.n}", index=None,
             horizontal=True, format_func=VERDICTS.get, on_change=_review, args=(key, turn, c))
    st.text_input("Ghi chú (không bắt buộc)", key=f"{key}_rvc_{c.n}", on_change=_review, args=(key, turn, c))
    if error := st.session_state.get(f"{key}_rv_error_{c.n}"):
        st.error(error)
    elif st.session_state.get(f"{key}_rv_saved_{c.n}"):
        st.caption("Đã lưu đánh giá trích dẫn.")


@st.dialog("Nguồn trích dẫn", width="large", on_dismiss=_close_panel)
def _source_dialog(history: list[Turn], docs: _Docs) -> None:
    source_panel(history, docs)


def source_panel(history: list[Turn], docs: _Docs) -> None:
    """One citation: the whole document with the quote marked (left), its details and the reviewer's verdict."""
    panel = st.session_state.get("panel")
    if not panel:  # closed meanwhile (a button of the dialog reruns only the dialog): the page reruns without it
        st.rerun()
    key, index, n = panel
    turn = history[index] if index < len(history) else None
    c = next((c for c in turn.answer.citations if c.n == n), None) if turn else None
    if c is None:
        st.warning("Trích dẫn này không còn.")
        return
    md = c.metadata or {}
    left, right = st.columns([3, 2], gap="medium")
    with right:
        st.markdown(f"#### [{c.n}] " + render.escape_markdown(c.label or document_label(md, c.title)))
        if c.title:
            st.markdown(render.escape_markdown(c.title))
        facts = [("Số hiệu", md.get("so_hieu")), ("Cơ quan", md.get("co_quan")),
                 ("Ngày ban hành", ui.vn_date(md.get("ngay_ban_hanh", ""))), ("Mục", c.section)]
        st.markdown("  \n".join(f"**{k}:** {render.escape_markdown(str(v))}" for k, v in facts if v))
        _original_download(c, key, docs)
        _verdict_form(key, turn, c)
        if st.button("Đóng", key="panel_close"):  # no callback: it would run before this dialog-only rerun
            _close_panel()
            st.rerun()
    with left:
        doc = docs.get(c.doc_id)
        mark_id = render.anchor_id("doc", key, c.n)
        if doc is None:
            st.warning("Văn bản này không còn trong chỉ mục; hiển thị trích dẫn đã lưu.")
            st.markdown(render.passage_html("", c.start, c.end, c.quote, mark_id), unsafe_allow_html=True)
            return
        st.markdown(render.document_html(doc.text, c.start, c.end, c.quote, mark_id,
                                         doc.passages), unsafe_allow_html=True)
        st.iframe(render.scroll_script(mark_id), height=1)  # same-origin iframe; only the JSON-quoted id varies


# -- page -----------------------------------------------------------------------------------------------------------
def _stream_inert(pieces) -> str:
    """Show the model's text as it arrives, as plain text (``st.text``: no Markdown, HTML, link or image is
    rendered, so a reply holding ``![x](http://host/…)`` makes the browser fetch nothing). It is data until
    verified: the verified answer, rendered like every answer, replaces it on the next run. Returns the text shown.
    """
    box = st.empty()
    text = ""
    for piece in pieces:
        text += piece
        box.text(text)
    return text


def _answer_now(assistant, question: str, filters: SearchFilters, scope: dict, mode: str, n_docs: int,
                alone: bool = False) -> Turn | None:
    """Ask and show the answer as it comes; ``alone``: without the earlier turns (the "bỏ" of an inherited scope)."""
    history: list[Turn] = [] if alone else st.session_state["history"]
    try:
        response = assistant.stream(question, history=tuple(history), filters=filters, mode=mode)
        pieces = iter(response)
        with st.spinner(f"Đang tìm trong {n_docs} văn bản…"):
            # the search; a grounded answer is complete before its first word: no typing effect to wait for
            first = next(pieces, None)
        if mode == "llm":
            _stream_inert(itertools.chain([first] if first is not None else [], pieces))
        answer = response.answer()
    except CchcError as exc:
        st.error(render.inert_markdown(exc.user_message))
        return None
    except Exception:  # noqa: BLE001 - UI edge: the chat says so; the traceback goes to the log
        st.error(ui.unexpected("Không trả lời được câu hỏi"))
        return None
    return asked_turn(question, answer, scope)


def _save_turn(store, owner: str, turn: Turn) -> None:
    ss = st.session_state

    def save() -> None:
        if not ss["conv_id"]:
            ss["conv_id"] = store.create(owner)
            st.query_params["c"] = ss["conv_id"]
        store.add_turn(ss["conv_id"], turn)

    _, problem = ui.attempt("Không lưu được cuộc trò chuyện", save)
    if problem:
        st.toast(problem)  # the chat goes on, only saving failed


def _turn_key(index: int) -> str:
    return answer_key(st.session_state["conv_id"] or "new", index)


def _open():
    """The library, the assistant and the indexed documents; the page stops with a Vietnamese message when they
    cannot be opened."""
    library = ui.or_stop("Không mở được trợ lý", ui.get_library)
    assistant = ui.or_stop("Không mở được trợ lý", ui.get_assistant)
    return library, assistant, ui.or_stop("Không mở được trợ lý", library.documents)


def _say_once(library, store) -> None:
    """Notices shown once per session: the index was built at this start; a damaged conversation file was set aside."""
    if library.first_start and not st.session_state.get("first_start_seen"):
        st.session_state["first_start_seen"] = True
        st.info(library.first_start)
    if store.moved_aside and not st.session_state.get("moved_aside_seen"):
        st.session_state["moved_aside_seen"] = True
        st.warning(f"Tệp hội thoại đã lưu bị hỏng nên được cất sang {store.moved_aside.name}; các câu hỏi mới được "
                   "lưu vào tệp mới.")


def _show_history(history: list[Turn]) -> None:
    """The page's title and every turn of the conversation, each answer with its citations."""
    st.title("🏛️ Trợ lý CCHC")
    st.caption("Hỏi đáp về kế hoạch cải cách hành chính; mỗi ý trả lời kèm trích dẫn [n] — bấm để xem đúng đoạn "
               "trong văn bản gốc.")
    _conversation_notice()
    for i, turn in enumerate(history):
        with st.chat_message("user"):
            st.markdown(render.escape_markdown(turn.question))
        with st.chat_message("assistant"):
            render_answer(turn, _turn_key(i), i, history[i - 1].question if i else "")


def _next_prompt(ss) -> tuple[str | None, str | None]:
    """What is asked on this run: the chat input, else an example or a follow-up waiting, else a question asked
    standalone; nothing in another account's shared conversation (read only). Also the standalone question."""
    prompt = st.chat_input("Đặt câu hỏi về kế hoạch cải cách hành chính…", key="chat_input",
                           disabled=bool(ss.get("read_only")))
    standalone = ss.pop("standalone", None)
    if not prompt:
        prompt = ss.pop("pending", None) or standalone
    if ss.get("read_only"):
        prompt = None
    return prompt, standalone


def chat_page() -> None:
    _init_state()  # the page's style comes from main(), for every page
    st.html(render.refs_script(), unsafe_allow_javascript=True)
    st.html(render.copy_script(), unsafe_allow_javascript=True)
    st.html(render.answer_scroll_script(), unsafe_allow_javascript=True)
    library, assistant, documents = _open()
    store = open_conversations(ui.get_settings())
    owner = _owner()
    _sync_conversation(store, owner)
    _say_once(library, store)
    filters, scope, mode = sidebar(assistant, ui.filter_options(documents), store, owner)

    ss = st.session_state
    history: list[Turn] = ss["history"]
    if ss["panel"] and ss["panel"][1] >= len(history):
        ss["panel"] = None
    main = st.container()
    with main:
        _show_history(history)
    if ss["panel"]:
        _source_dialog(history, _Docs(library))

    ss.pop("scroll_to", None)  # marked once, on the run that shows the new answer
    prompt, standalone = _next_prompt(ss)
    question = readable_question(prompt)
    if not question:
        if (prompt or "").strip():  # typed, but no word to read (control or invisible characters): as the service says
            with main:
                st.info(EMPTY_QUESTION)
        if not history:
            with main:
                st.markdown("**Câu hỏi gợi ý**")
                for j, example in enumerate(EXAMPLES):
                    st.button(example, key=f"example_{j}", on_click=_ask_example, args=(example,))
        return
    with main:
        with st.chat_message("user"):
            st.markdown(render.escape_markdown(question))
        with st.chat_message("assistant"):
            turn = _answer_now(assistant, question, filters, scope, mode, len(documents),
                               alone=bool(standalone) and prompt == standalone)
    if turn is None:
        return
    history.append(turn)
    _save_turn(store, owner, turn)
    ss["scroll_to"] = _turn_key(len(history) - 1)
    # Render the answer from the history on a fresh run: the element tree then stays the same on every later run.
    st.rerun()


def main() -> None:
    st.set_page_config(page_title="Trợ lý CCHC", page_icon="🏛️", layout="wide")
    pages = [st.Page(chat_page, title="Hỏi đáp", icon="🏛️", default=True)]
    for path in sorted((ROOT / "pages").glob("*.py")):
        title, icon = ui.page_title(path)
        pages.append(st.Page(str(path), title=title, icon=icon))
    navigation = st.navigation(pages)
    st.html(render.style_block())  # every page: hides Streamlit's English controls (no user data inside)
    if not auth.login_wall(ui.get_settings()):  # REQUIRE_LOGIN=1 and nobody signed in: the login form only
        return
    auth.account_box()  # the sidebar's top on every page: who is signed in, or the login form
    navigation.run()


main()
