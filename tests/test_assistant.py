"""The default (grounded) answerer on the real corpus with the real embedder."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from assistant.conversation import make_turn
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from textnorm import fold_for_match

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="module")
def assistant(real_index):
    settings, store = real_index
    return Assistant(settings, HybridRetriever(store))


def _quote_is_exact(store, citation):
    return store.get_document(citation.doc_id).text[citation.start:citation.end] == citation.quote


def test_quarter_three_question_spans_three_documents_with_exact_quotes(assistant):
    answer = assistant.ask("Những sở nào được kiểm tra trong quý III?")
    assert not answer.abstained
    assert len({c.doc_id for c in answer.citations}) >= 3
    assert all(_quote_is_exact(assistant.store, c) for c in answer.citations)
    for label in ("Kiên Giang, 2021", "Hà Nam, 2022", "Quảng Bình, 2018"):
        assert label in answer.text
    # every [n] in the text has a citation and every citation is used
    numbers = {c.n for c in answer.citations}
    assert all(f"[{n}]" in answer.text for n in numbers)


def test_table_row_answer_names_the_lead_agency(assistant):
    answer = assistant.ask("Ai chủ trì việc kiện toàn cơ cấu tổ chức bộ máy Sở Văn hóa và Thể thao của Kiên Giang?")
    assert "Sở Nội vụ" in answer.text and "Quý I/2021" in answer.text


@pytest.mark.parametrize("question", [
    "Tỉnh Long An kiểm tra CCHC ở những huyện nào năm 2021?",
    "Mức lương tối thiểu vùng năm 2023 là bao nhiêu?",
    "Chào bạn, hôm nay trời có mưa không?",
    "Thủ tục cấp thị thực cần giấy tờ gì?",
    # found when the evaluation probe left this test: "thủ tục" and "đăng ký" are corpus words, and KH 189 is quoted
    pytest.param("Thủ tục đăng ký kết hôn cần giấy tờ gì?", marks=pytest.mark.xfail(
        strict=True, reason="an off-topic question made of two corpus words is answered (abstention, issue 21)")),
    "Quy định về xử phạt vi phạm nồng độ cồn?",
])
def test_abstains_when_documents_do_not_answer(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained
    assert "không" in answer.text.lower()


def test_follow_up_carries_the_earlier_question(assistant):
    first = assistant.ask("Kiên Giang tổ chức kiểm tra công tác CCHC năm 2021 vào thời gian nào?")
    second = assistant.ask("Còn Hà Nam thì sao?", history=[make_turn("Kiên Giang tổ chức kiểm tra công tác CCHC năm "
                                                                      "2021 vào thời gian nào?", first)])
    assert not second.abstained
    assert {c.metadata.get("tinh") for c in second.citations} == {"Hà Nam"}
    assert second.query == "Hà Nam tổ chức kiểm tra công tác CCHC vào thời gian nào?"


def test_follow_up_answer_states_the_quarter(assistant):
    first = assistant.ask("Kiên Giang tổ chức kiểm tra công tác CCHC năm 2021 vào thời gian nào?")
    second = assistant.ask("Còn Hà Nam thì sao?", history=[make_turn("Kiên Giang tổ chức kiểm tra công tác CCHC năm "
                                                                      "2021 vào thời gian nào?", first)])
    assert "quyiiinam2022" in fold_for_match(second.text)


@pytest.mark.parametrize("question", ["", "   ", "?!"])
def test_a_question_without_words_asks_for_one_and_cites_nothing(hashed_index, question):
    """The embedder is not the point: the hashing index of the corpus answers as the real one would."""
    settings, store = hashed_index
    answer = Assistant(settings, HybridRetriever(store)).ask(question)
    assert answer.abstained and not answer.citations
    assert "nhập một câu hỏi" in answer.text  # says what to do, not "nothing found"


@pytest.mark.parametrize("question", ["\x00\x1b[31m \u200b", "\u200b\ufeff\u2060\u200e", "\x1b]0;tiêu đề\x07\x1b[0m",
                                      "\x07\x7f\t\x1b[1;32m"])
@pytest.mark.parametrize("mode", ["grounded", "llm"])
def test_a_question_of_only_control_or_invisible_characters_is_an_empty_one(hashed_index, question, mode):
    """A pasted terminal colour ("31m" are word characters) or a zero-width space asks nothing: the answer is the
    empty question's, and LLM mode does not call the model (a model that is called fails the test)."""
    settings, store = hashed_index
    assistant = Assistant(settings, HybridRetriever(store), chat_model=object())
    answer, empty = assistant.ask(question, mode=mode), assistant.ask("", mode=mode)
    assert answer.abstained and not answer.citations and answer.text == empty.text
    assert "nhập một câu hỏi" in answer.text


def test_visible_characters_around_control_ones_are_still_the_question(hashed_index):
    settings, store = hashed_index
    assistant = Assistant(settings, HybridRetriever(store))
    typed = assistant.ask("\x1b[31mNăm 2022 Hà Nam\u200b tổ chức kiểm tra CCHC vào thời gian nào?\x1b[0m\x00")
    clean = assistant.ask("Năm 2022 Hà Nam tổ chức kiểm tra CCHC vào thời gian nào?")
    assert typed.question == clean.question and typed.text == clean.text and not typed.abstained


@pytest.mark.parametrize("question", ["<script>alert(1)</script>", "x" * 10000])
def test_a_hostile_question_is_refused_without_echo_or_citation(hashed_index, question):
    settings, store = hashed_index
    answer = Assistant(settings, HybridRetriever(store)).ask(question)
    assert answer.abstained and not answer.citations
    assert "<script>" not in answer.text and "x" * 40 not in answer.text  # the question is not shown back raw
    assert answer.text.strip() and len(answer.text) < 2_000


def test_ask_cli_contract(tmp_path, _hashed_data):
    shutil.copytree(_hashed_data, tmp_path / "d")  # an index of the bundled corpus (hashing embedder), built once
    env = {**os.environ, "DATA_DIR": str(tmp_path / "d"), "EMBEDDING_MODEL": "hashing:64"}
    proc = subprocess.run([sys.executable, "-m", "assistant", "ask", "--json"], cwd=ROOT, env=env, text=True,
                          input="Năm 2022 Hà Nam tổ chức kiểm tra CCHC vào thời gian nào?\n"
                                "Mức lương tối thiểu vùng năm 2023?\n",
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["abstained"] for r in rows] == [False, True]
    assert {"question", "answer", "abstained", "citations"} <= set(rows[0])
    assert {"n", "doc_id", "title", "source", "section", "quote", "start", "end"} <= set(rows[0]["citations"][0])


def test_question_in_english_gets_a_plain_vietnamese_notice_and_the_closest_documents(assistant):
    answer = assistant.ask("Which departments will be inspected in the third quarter?")
    assert answer.abstained and "tiếng Việt" in answer.text
    assert "Các văn bản gần nhất" in answer.text


def test_question_without_diacritics_is_answered(assistant):
    answer = assistant.ask("ha nam kiem tra cchc nam 2022 vao thoi gian nao")
    assert not answer.abstained
    assert "quyiiinam2022" in fold_for_match(answer.text)
