"""English pages (a portal's machine-translated post) are found by Vietnamese questions (issue 18: documents as
officials have them). The word search over Vietnamese syllables cannot read them: it reads them through the English
words of the question's administrative terms (``textnorm/lexicons/english_terms.json``), and its vote on them is at
least the dense search's (tiny index, hashing embedder). The answerer reads them too: an English unit is measured on
the English words of the question's terms, a question typed in English on its own words, and the facts asked are
read as English writes them (``textnorm/english.py``)."""

from __future__ import annotations

import pytest

from assistant.service import open_assistant
from index.lexical_state import passage_data
from index.model import Passage
from retriever.hybrid import HybridRetriever, english_passages
from retriever.query import analyze_query, english_terms
from tests.texts_index import index_texts
from textnorm.terms import is_english

_ENGLISH_POST = (
    "The People's Committee of Dak Lak province has just decided to organize an inspection of administrative reform "
    "work in 2024 in Krong Bong and Ea H'leo districts.\n"
    "The inspection team is responsible for reporting the inspection results. The inspection must be completed "
    "before December 10, 2024.\n")
_VIETNAMESE_PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 12/KH-UBND\nKon Tum, ngày 10 tháng 3 năm 2024\n\nKẾ HOẠCH\n"
    "Kiểm tra công tác cải cách hành chính năm 2024\n\nI. NỘI DUNG\n"
    "Đoàn kiểm tra cải cách hành chính kiểm tra các sở, các huyện về thủ tục hành chính.\n\n"
    "II. THỜI GIAN\nĐoàn kiểm tra hoàn thành trong quý IV năm 2024.\n")
_UNACCENTED = "UY BAN NHAN DAN TINH GIA LAI Ke hoach kiem tra cong tac cai cach hanh chinh nam 2018 cua tinh"


def test_an_english_text_is_told_from_vietnamese_with_or_without_marks():
    assert is_english(_ENGLISH_POST)
    assert not is_english(_VIETNAMESE_PLAN)
    assert not is_english(_UNACCENTED)  # an OCR'd plan without diacritics is Vietnamese
    assert not is_english("Chỉ số PAR INDEX năm 2023 của tỉnh")  # a few English words in a Vietnamese line
    assert not is_english("Decision No. 41")  # too few words to say


def test_the_passage_data_says_which_passages_are_english():
    english = Passage("a@1#0", "a", _ENGLISH_POST, 0, len(_ENGLISH_POST))
    vietnamese = Passage("b@1#0", "b", _UNACCENTED, 0, len(_UNACCENTED))
    assert passage_data(english, {})["english"] and not passage_data(vietnamese, {})["english"]


def test_a_vietnamese_question_names_its_terms_in_english():
    analysis = analyze_query("Đoàn kiểm tra CCHC tỉnh Đắk Lắk phải hoàn thành trước ngày nào?")
    assert {"administrative reform", "inspection team", "completed", "province"} <= set(analysis.english)
    assert english_terms("How much will the budget revenue be?") == []


@pytest.fixture
def store(tmp_path):
    _, store = index_texts(tmp_path, {"tin-tieng-anh.txt": _ENGLISH_POST, "kh-kon-tum.txt": _VIETNAMESE_PLAN})
    return store


@pytest.fixture
def assistant(tmp_path):
    settings, store = index_texts(tmp_path, {"tin-tieng-anh.txt": _ENGLISH_POST, "tin-cao-bang.txt": _ENGLISH_TEAM,
                                             "kh-kon-tum.txt": _VIETNAMESE_PLAN})
    return open_assistant(settings, store=store)


#: Literal lines of an English portal post (freshdocs7, a tune set) naming a decision and the team's head.
_ENGLISH_TEAM = (
    "The inspection team, consisting of 5 members, was established according to Decision No. 4139/QD-SXD dated "
    "October 6, 2025, of the Cao Bang Provincial Department of Construction, headed by Ms. Trinh Thi Thao, Deputy "
    "Director of the Department.\n")


def test_the_english_passages_are_marked_in_the_index(store):
    state = store.lexical()
    marked = {state.meta[pid]["doc_id"] for pid, english in zip(state.index.ids, english_passages(state)) if english}
    assert marked == {"tin-tieng-anh"}


def test_a_vietnamese_question_finds_the_english_page(store):
    question = "Đoàn kiểm tra cải cách hành chính của tỉnh Đắk Lắk năm 2024 phải hoàn thành trước ngày nào?"
    best = HybridRetriever(store).search(question, k=1)[0]
    assert best.passage.doc_id == "tin-tieng-anh" and "December 10, 2024" in best.passage.text
    lexical = HybridRetriever(store).search(question, k=2, mode="lexical")
    assert lexical[0].passage.doc_id == "tin-tieng-anh"


def test_a_question_about_the_vietnamese_plan_still_finds_it(store):
    best = HybridRetriever(store).search("Kon Tum kiểm tra cải cách hành chính tại những cơ quan nào?", k=1)[0]
    assert best.passage.doc_id == "kh-kon-tum"


@pytest.mark.parametrize("question, fact", [
    ("By what date must the Dak Lak inspection of administrative reform be completed in 2024?", "December 10, 2024"),
    ("Which districts did the 2024 administrative reform inspection of Dak Lak province visit?", "Krong Bong"),
    ("Who headed the inspection team of the Cao Bang Department of Construction?", "Trinh Thi Thao"),
])
def test_an_english_question_is_answered_with_its_fact(assistant, question, fact):
    answer = assistant.ask(question)
    assert not answer.abstained, answer.text
    assert fact in answer.text.split("\n\n")[0]


def test_a_vietnamese_question_is_answered_from_the_english_page(assistant):
    answer = assistant.ask("Đoàn kiểm tra cải cách hành chính tỉnh Đắk Lắk năm 2024 phải hoàn thành trước ngày nào?")
    assert not answer.abstained, answer.text
    assert "December 10, 2024" in answer.text.split("\n\n")[0]


@pytest.mark.parametrize("question", [
    "By what date must the Gia Lai inspection of administrative reform be completed in 2024?",  # no such province
    "Which districts did the 2031 administrative reform inspection of Dak Lak province visit?",  # no such year
])
def test_an_english_question_about_what_no_page_names_is_refused(assistant, question):
    assert assistant.ask(question).abstained


def test_a_vietnamese_question_on_the_vietnamese_plan_is_answered_from_it(assistant):
    answer = assistant.ask("Kế hoạch kiểm tra cải cách hành chính năm 2024 của Kon Tum: đoàn hoàn thành khi nào?")
    assert not answer.abstained and answer.citations[0].doc_id == "kh-kon-tum" and "quý IV" in answer.text
