"""Pure UI helpers: escaped highlighting, safe upload names, Markdown export, feedback store."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from assistant.export import answer_to_markdown
from assistant.feedback import FeedbackStore, citations_to_json
from assistant.types import Answer, Citation, Turn
from ingest.service import safe_filename, save_upload
from ui import render

EVIL = ('Mở đầu & "trích": Sở <b>Nội vụ</b> <script>alert("x")</script> kiểm tra quý III. '
        "$5 **đậm** [1](javascript:x)\n\n# Hết")


def _span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def test_highlight_escapes_script_and_marks_exact_quote():
    quote = 'Sở <b>Nội vụ</b> <script>alert("x")</script>'
    start, end = _span(EVIL, quote)
    out = render.highlight_html(EVIL, start, end, "cite-1")
    assert "&lt;script&gt;" in out
    assert "<script>" not in out and "</script>" not in out and "<b>" not in out
    marked = out.split('<mark id="cite-1" class="cchc-mark">', 1)[1].split("</mark>", 1)[0]
    assert marked == render.escape_text(quote)
    assert marked == ('Sở &lt;b&gt;Nội vụ&lt;/b&gt; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    assert out.count("<mark") == 1
    # one line: Markdown never re-parses a piece of it; Markdown/LaTeX triggers are entities
    assert "\n" not in out and "$" not in out and "**" not in out and "[1]" not in out
    assert "<br><br>&#35; Hết" in out


@pytest.mark.parametrize("builder", ["passage", "document"])
def test_passage_and_document_views_escape_and_highlight(builder):
    text = ("Đoạn đầu không liên quan. " * 40) + EVIL + (" Đoạn cuối." * 40)
    quote = "<script>alert(\"x\")</script> kiểm tra quý III."
    start, end = _span(text, quote)
    if builder == "passage":
        out = render.passage_html(text, start, end, quote, "cite-x", context=80)
        assert out.count("…") == 2 and len(out) < len(text)
    else:
        out = render.document_html(text, start, end, quote, "doc-x")
        assert 'class="cchc-document"' in out and "overflow-y:auto" in out
    assert "<script>" not in out and "&lt;script&gt;" in out
    mark_id = "cite-x" if builder == "passage" else "doc-x"
    assert f'<mark id="{mark_id}" class="cchc-mark">{render.escape_text(quote)}</mark>' in out


def test_moved_offsets_are_recovered_and_missing_quote_is_shown_escaped():
    text = "xx " + EVIL
    quote = "<script>"
    start, end = _span(EVIL, quote)  # offsets of the old version
    out = render.passage_html(text, start, end, quote, "m")
    assert '<mark id="m" class="cchc-mark">&lt;script&gt;</mark>' in out
    gone = render.passage_html("văn bản khác", 0, 8, "<script>x</script>", "m")
    assert "Không tìm thấy" in gone and "<script>" not in gone and "&lt;script&gt;x" in gone


def test_ids_and_scroll_script_are_safe():
    assert render.anchor_id("cite", 'c0t1"><script>', 3) == "cite-c0t1-script-3"
    script = render.scroll_script('doc-"x"')
    assert '"doc-\\"x\\""' in script and "scrollTop" in script


def test_escape_markdown_for_titles():
    assert render.escape_markdown("Số: 36/KH-UBND\n**<b>**") == "Số\\: 36/KH\\-UBND \\*\\*\\<b\\>\\*\\*"


@pytest.mark.parametrize(("raw", "safe"), [
    ("../../etc/passwd", "passwd"),
    ("Kế hoạch 36.docx", "Kế hoạch 36.docx"),
    ("..\\..\\Windows\\System32\\evil.pdf", "evil.pdf"),
    ("/abs/path/Quyết định 1331 (2018).pdf", "Quyết định 1331 (2018).pdf"),
    ("..", "tep-tai-len"),
    ("", "tep-tai-len"),
    (".hidden.txt", "hidden.txt"),
    ("a;rm -rf *|x`y`.txt", "a_rm -rf __x_y_.txt"),
    ("tab\tnew\nline.md", "tab new line.md"),
    ("Ke\u0302\u0301 hoa\u0323ch.txt", "Kế hoạch.txt"),  # decomposed (NFD) Vietnamese is normalised to NFC
    ("CON.txt", "_CON.txt"),
])
def test_safe_filename(raw, safe):
    assert safe_filename(raw) == safe


def test_safe_filename_caps_length_and_keeps_extension():
    name = safe_filename("ừ" * 500 + ".docx")
    assert len(name) <= 120 and name.endswith(".docx")


def test_save_upload_stays_in_uploads_and_checks_size(settings):
    path, reason = save_upload("../../../x/Kế hoạch 36.txt", b"noi dung", settings)
    assert reason == "" and path.parent == (settings.data_dir / "uploads").resolve() and path.name == "Kế hoạch 36.txt"
    small = settings.with_overrides(max_file_mb=0.001)
    path, reason = save_upload("lon.txt", b"x" * 5000, small)
    assert path is None and "quá lớn" in reason
    path, reason = save_upload("virus.exe", b"MZ", settings)
    assert path is None and "không được hỗ trợ" in reason


def _answer() -> Answer:
    cites = [
        Citation(1, "kg-36", "Kiểm tra công tác CCHC năm 2021", "corpus/kien-giang.txt", "II. THỜI GIAN",
                 "Quý III/2021: kiểm tra Sở Nội vụ", 100, 131, label="Kế hoạch 36/KH-UBND – Kiên Giang, 2021",
                 metadata={"so_hieu": "36/KH-UBND", "tinh": "Kiên Giang", "nam": "2021"}),
        Citation(2, "hn-2022", "Kiểm tra CCHC năm 2022", "corpus/ha-nam.txt", "III. TIẾN ĐỘ",
                 "Trong quý III năm 2022\ncác sở được kiểm tra", 50, 91, label="Kế hoạch – Hà Nam, 2022"),
    ]
    return Answer("Những sở nào được kiểm tra trong quý III?", "Sở Nội vụ [1]; các sở [2].", citations=cites,
                  notice="LLM không phản hồi; đã trả lời bằng chế độ trích dẫn.")


def test_markdown_export_lists_every_citation():
    answer = _answer()
    md = answer_to_markdown(answer)
    assert answer.question in md and answer.text in md and answer.notice in md
    for c in answer.citations:
        assert c.label in md and c.section in md and Path(c.source).name in md
        assert c.source.rsplit("/", 1)[0] + "/" not in md  # a file name, not the server's folders
        for line in c.quote.split("\n"):
            assert f"> {line}" in md
    assert md.index("[1] Kế hoạch 36") < md.index("[2] Kế hoạch – Hà Nam")


def test_feedback_store_lazy_and_thread_safe(tmp_path):
    path = tmp_path / "sub" / "fb.sqlite3"
    store = FeedbackStore(path)
    assert store.list_feedback() == [] and not path.exists()
    answer = _answer()

    def worker(k):
        store.record(answer.question, answer.text, citations_to_json(answer), 1 if k % 2 else -1, "grounded")

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rows = FeedbackStore(path).list_feedback()
    assert len(rows) == 8 and sorted(r.rating for r in rows) == [-1] * 4 + [1] * 4
    assert rows[0].citations[0]["label"] == "Kế hoạch 36/KH-UBND – Kiên Giang, 2021"
    assert json.loads(rows[0].citations_json)[1]["quote"].startswith("Trong quý III")
    with pytest.raises(ValueError):
        store.record("q", "a", "[]", 0)


def test_answer_links_escape_document_text_and_link_markers():
    from ui.render import answer_with_refs

    text = "**Kế hoạch 36** – Hà Nam\n- <img src=x onerror=alert(1)> [link](javascript:x) $5 [1] [12]"
    out = answer_with_refs(text, lambda n: f"k0_src_{n}")
    assert "<img" not in out and "&lt;img src=x onerror=alert\\(1\\)&gt;" in out
    assert "](javascript" not in out and "\\]\\(javascript" in out  # shown as text, not a link
    assert out.count('<a class="cchc-ref"') == 2 and 'data-ref="k0_src_12">[12]</a>' in out
    assert out.startswith("**Kế hoạch 36**")


def test_a_bracketed_year_in_an_answer_is_not_a_citation_link():
    from ui.render import answer_with_refs

    out = answer_with_refs("Kế hoạch năm [2021] giao Sở Nội vụ [1].", lambda n: f"k0_src_{n}")
    assert out.count('<a class="cchc-ref"') == 1 and 'data-ref="k0_src_1">[1]</a>' in out
    assert "k0_src_2021" not in out


def test_conversation_store_history_roundtrip_and_isolation(tmp_path):
    from assistant.history import ConversationStore

    store = ConversationStore(tmp_path / "c.sqlite3")
    answer = _answer()
    first, other = store.create("trinhduyet1"), store.create("trinhduyet2")
    assert store.list("trinhduyet1") == []  # an empty conversation is not listed
    store.add_turn(first, Turn(answer.question, answer, ("Kiên Giang",), scope={"Tỉnh": ["Kiên Giang"]}))
    store.add_turn(other, Turn("Câu khác?", answer))
    (info,) = store.list("trinhduyet1")
    assert info.id == first and info.title == answer.question
    (turn,) = store.turns(first)
    assert turn.answer.citations == answer.citations and turn.scope == {"Tỉnh": ["Kiên Giang"]}
    assert turn.provinces == ("Kiên Giang",)
    store.rename(first, "  Đổi tên  ")
    assert store.list("trinhduyet1")[0].title == "Đổi tên"
    store.delete(first)
    assert store.list("trinhduyet1") == [] and store.turns(first) == [] and len(store.list("trinhduyet2")) == 1
