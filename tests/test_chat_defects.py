"""The chat's defects seen in a real browser (issue 20), each checked without a browser where it can be: AppTests of
the pages with a deterministic assistant, and the pure helpers on literal Vietnamese lines. The browser-only parts
("Đóng" by mouse, the view after an answer, the upload message, English framework strings) are in
tests/test_browser_chat.py.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest
from test_app import APP, FEEDBACK_PAGE, QUY_III, TIMEOUT, FakeAssistant, _ask, _key, _run, corpus_store  # noqa: F401

import ui
from assistant.conversation import INHERITED_NOTE
from assistant.feedback import open_feedback
from assistant.types import Answer
from ingest.service import DocumentLibrary, file_refusal
from settings import Settings, load_settings
from ui import render

ROOT = Path(__file__).resolve().parents[1]
FOLLOW_UP = "Còn quý IV?"


class ScopedAssistant(FakeAssistant):
    """The fake assistant, answering with a bold document label, and noting a scope carried over from the previous
    question when it has one (what ``resolve_followup`` does for an elliptical question)."""

    def answer(self, question: str, history=()) -> Answer:
        answer = super().answer(question, history)
        answer.text = "**Kế hoạch 36/KH-UBND – Kiên Giang, 2021**: " + answer.text
        if history:
            answer.notice = INHERITED_NOTE.format(scope="Kiên Giang")
        return answer


@pytest.fixture
def scoped(corpus_store, monkeypatch):  # noqa: F811 - the module fixture of test_app
    assistant = ScopedAssistant(corpus_store)
    library = DocumentLibrary(corpus_store.settings, corpus_store)
    monkeypatch.setattr(ui, "get_assistant", lambda: assistant)
    monkeypatch.setattr(ui, "get_library", lambda: library)
    return assistant


def _captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def _html(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.get("html")]


# -- inherited scope: a chip with a one-click "bỏ" ------------------------------------------------------------------
def test_inherited_scope_is_a_chip_whose_button_asks_again_without_it(scoped):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    _ask(at, QUY_III)
    assert not any("kế thừa" in c for c in _captions(at))
    _ask(at, FOLLOW_UP)
    key = _key(at, 1)
    chip = [c for c in _captions(at) if "kế thừa" in c]
    assert chip == ["↪ Phạm vi kế thừa từ câu trước: Kiên Giang"]
    assert not [i for i in at.info if "kế thừa" in i.value]  # the chip, not a notice box
    assert scoped.calls[-1]["history"]
    at.button(key=f"{key}_drop_scope").click()
    _run(at)
    history = at.session_state["history"]
    assert [t.question for t in history] == [QUY_III, FOLLOW_UP, FOLLOW_UP]
    assert scoped.calls[-1]["question"] == FOLLOW_UP and scoped.calls[-1]["history"] == ()
    assert not history[2].answer.notice
    assert len([c for c in _captions(at) if "kế thừa" in c]) == 1  # only the second answer's chip is left


def test_inherited_scope_read_from_the_notice_and_the_rest_kept():
    note = INHERITED_NOTE.format(scope="Hà Nam · 2022")
    assert ui.inherited_scope(f"{note} Không có văn bản năm 2023.") == ("Hà Nam · 2022", "Không có văn bản năm 2023.")
    assert ui.inherited_scope("Không có văn bản năm 2023.") == ("", "Không có văn bản năm 2023.")


# -- the view brought to the start of the new answer ------------------------------------------------------------------
def test_new_answer_is_marked_for_the_view_on_the_run_that_shows_it_only(scoped):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    assert render.answer_scroll_script() in _html(at)  # the page's listener, installed with the page
    _ask(at, QUY_III)
    anchor = render.anchor_id("answer", _key(at))
    assert any(m.value.startswith(f'<span id="{anchor}" class="{render.SCROLL_HERE}"></span>') for m in at.markdown)
    _ask(at, FOLLOW_UP)  # the next answer takes the view; the first keeps its anchor, unmarked
    assert any(m.value.startswith(f'<span id="{anchor}"></span>') for m in at.markdown)
    marked = [m.value for m in at.markdown if render.SCROLL_HERE in m.value]
    assert len(marked) == 1 and render.anchor_id("answer", _key(at, 1)) in marked[0]
    _run(at)  # any later run (a click, a filter) leaves the reader's view alone
    assert not [m for m in at.markdown if render.SCROLL_HERE in m.value]


# -- plain-text copy, prefilled rename --------------------------------------------------------------------------------
def test_copy_button_holds_plain_text_not_markdown(scoped):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    _ask(at, QUY_III)
    answer = at.session_state["history"][0].answer
    (button,) = [h for h in _html(at) if h.startswith('<div class="cchc-copy">')]
    copied = re.search(r"<textarea[^>]*>(.*)</textarea>", button, re.S).group(1)
    assert "**" not in copied and "Kế hoạch 36/KH-UBND – Kiên Giang, 2021: Các sở" in copied
    assert all(f"[{c.n}] {c.label}" in copied for c in answer.citations)
    assert not at.code  # no st.code (its button says "Copy to clipboard")


def test_rename_is_prefilled_with_the_current_title(scoped):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    _ask(at, QUY_III)
    cid = at.session_state["conv_id"]
    box = at.sidebar.text_input(key=f"rename_{cid}")
    assert box.value == QUY_III
    assert at.sidebar.button(key=f"do_rename_{cid}").disabled  # nothing changed yet


# -- the year filter says what it matches ------------------------------------------------------------------------------
def test_year_filter_says_it_matches_issue_and_plan_years(scoped):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    years = at.sidebar.multiselect(key="f_nam")
    assert years.label == "Năm (ban hành hoặc thực hiện)" and "ban hành" in years.help and "thực hiện" in years.help
    # the plan for 2021 issued on 30/12/2020 offers 2021 as well as 2020: the filter matches both
    plan = ui.filter_options([SimpleNamespace(doc_id="kg", label="KH", metadata={"nam": "2020",
                                                                                   "ky_ke_hoach": "2021"})])
    assert plan.years == ["2021", "2020"]


# -- the Feedback page exports CSV -------------------------------------------------------------------------------------
def test_feedback_page_exports_csv(scoped):
    settings = ui.get_settings()
    open_feedback(settings).record(QUY_III, "Sở Y tế [1]", [{"n": 1, "label": "KH 36", "quote": "Sở Y tế"}], -1,
                                   "grounded", comment="thiếu Sở Nội vụ", context="", key="k1")
    at = _run(AppTest.from_file(FEEDBACK_PAGE, default_timeout=TIMEOUT))
    (button,) = [b for b in at.get("download_button") if b.proto.label == "⬇️ Tải CSV"]
    assert button.proto.id  # the page offers it; its content is ui.schedule.feedback_csv (doctest)


# -- Markdown of answers: a blank line after a list --------------------------------------------------------------------
def test_next_document_label_is_not_inside_the_last_bullet():
    text = ("**Kế hoạch 36/KH-UBND – Kiên Giang, 2021**: kiểm tra các sở:\n- Sở Nội vụ [1]\n- Sở Y tế [2]\n"
            "**Kế hoạch 87/KH-UBND – Hà Nội, 2021**: kiểm tra quý III [3]")
    html = MarkdownIt("commonmark").render(render.answer_markdown(text))
    last_item = html.split("<li>")[-1].split("</li>")[0]
    assert "87/KH" not in last_item
    assert re.search(r"</ul>\s*<p><strong>Kế hoạch 87/KH-UBND", html)


# -- the row of a table quote is highlighted whole ---------------------------------------------------------------------
def test_row_highlight_covers_a_pipe_table_row():
    text = ("II. LỊCH KIỂM TRA\n| STT | Đơn vị | Thời gian |\n| 1 | Sở Nội vụ | Quý II/2021 |\n"
            "| 2 | Sở Y tế | Quý III/2021 |\nIII. TỔ CHỨC THỰC HIỆN")
    cell = text.index("Sở Y tế")
    out = render.document_html(text, cell, cell + len("Sở Y tế"), "Sở Y tế", "m")
    marked = re.search(r'<mark id="m" class="cchc-mark">(.*?)</mark>', out).group(1)
    assert marked == render.escape_text("| 2 | Sở Y tế | Quý III/2021 |")


def test_row_highlight_covers_a_one_cell_per_line_row():
    text = ("STT\n|\nĐơn vị\n|\nThời gian\n|\nMục 1.\nĐơn vị: Sở Tư pháp\nThời gian: Tháng 12/2020\n\n"
            "Mục 2.\nĐơn vị: Sở Y tế\nThời gian: Quý III/2021")
    row = SimpleNamespace(kind="table_row", start=text.index("Mục 2."), end=len(text))
    other = SimpleNamespace(kind="table_row", start=text.index("Mục 1."), end=text.index("\n\nMục 2."))
    cell = text.index("Sở Y tế")
    out = render.document_html(text, cell, cell + len("Sở Y tế"), "Sở Y tế", "m", passages=[other, row])
    marked = re.search(r'<mark id="m" class="cchc-mark">(.*?)</mark>', out).group(1)
    assert marked == render.escape_text(text[row.start:])
    prose = "Kiểm tra Sở Y tế trong quý III."
    assert render.row_span(prose, 9, 16, [other]) == (9, 16)  # not in a row: the quote alone


# -- uploads: our own size check, in Vietnamese, before Streamlit's ----------------------------------------------------
def test_our_size_check_comes_before_streamlits():
    from ui.upload import refusals

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] > Settings().max_file_mb  # Streamlit's English refusal never first
    settings = load_settings({}, max_file_mb=2)
    library = SimpleNamespace(refusal=lambda name, size: file_refusal(name, size, settings))
    files = [SimpleNamespace(name="Kế hoạch 36.pdf", size=3 * 1024 * 1024), SimpleNamespace(name="ok.txt", size=9)]
    assert refusals(library, files) == ["Kế hoạch 36.pdf: bị từ chối — tệp quá lớn (3 MB), vượt giới hạn 2 MB cho "
                                        "mỗi tệp."]


def test_users_see_no_traceback_and_no_developer_menu():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["toolbarMode"] == "minimal"


# -- the model and the index load when the server starts -------------------------------------------------------------
def test_warm_up_opens_the_assistant_once_in_the_background(monkeypatch):
    import threading

    opened, release = [], threading.Event()

    def slow_open():
        release.wait(5)
        opened.append(threading.current_thread().name)

    monkeypatch.setattr(ui, "_warm_up_thread", [])
    monkeypatch.setattr(ui, "get_assistant", slow_open)
    assert ui.start_warm_up() is True  # returns at once: the load runs in its own thread
    assert ui.start_warm_up() is False  # once per process
    assert not opened
    release.set()
    ui._warm_up_thread[0].join(5)
    assert opened == ["cchc-warm-up"]


def test_server_entry_starts_the_warm_up_in_its_lifespan():
    """serve.py (``streamlit run serve.py``) is an st.App over app.py whose lifespan starts the warm-up."""
    import ast

    tree = ast.parse((ROOT / "serve.py").read_text(encoding="utf-8"))
    calls = {ast.unparse(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    assert {"ui.start_warm_up", "st.App"} <= calls
    lifespan = next(n for n in ast.walk(tree) if isinstance(n, ast.AsyncFunctionDef))
    assert "ui.start_warm_up" in ast.unparse(lifespan)
