"""Refuse what is not there (issue 18, item 4): a document named by a number that no indexed text writes, and a
province after the 2025 mergers: a new name covers the old provinces merged into it, an old name covers itself only.
Refusals need the evidence absent: a number written in another form, or cited by another document, is present.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.scope import absent_numbers, writes_number
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import HA_NAM_PLAN, index_texts

PLAN = """ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Số: 193/KH-UBND
Lạng Sơn, ngày 15 tháng 3 năm 2023
KẾ HOẠCH
Kiểm tra công tác cải cách hành chính năm 2023
I. ĐỐI TƯỢNG KIỂM TRA
Sở Y tế, Sở Xây dựng và Ủy ban nhân dân huyện Cao Lộc được kiểm tra trong quý III năm 2023.
"""

#: A post citing another plan in the glued form officials type ("KH194/UBND"), which no reader parses as a number.
GLUED_POST = """Tin hoạt động
Thực hiện KH194/UBND của UBND tỉnh Lạng Sơn về tuyên truyền cải cách hành chính năm 2023, Sở Nội vụ tổ chức hội nghị
tập huấn cho cán bộ, công chức làm công tác một cửa tại các huyện Cao Lộc, Chi Lăng.
"""


#: A Hà Nam post that states no year: Hà Nam is part of Ninh Bình since 1 July 2025.
HA_NAM_POST = """Tin cải cách hành chính
Đoàn kiểm tra cải cách hành chính của tỉnh Hà Nam đã làm việc tại Ủy ban nhân dân thị xã Duy Tiên và huyện Kim Bảng,
kiểm tra việc giải quyết thủ tục hành chính tại bộ phận một cửa.
"""


@pytest.fixture(scope="module")
def plan_only(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("plan"), {"ls.txt": PLAN})
    return Assistant(settings, HybridRetriever(store))


@pytest.fixture(scope="module")
def plan_and_post(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("post"), {"ls.txt": PLAN, "tin.txt": GLUED_POST})
    return Assistant(settings, HybridRetriever(store))


@pytest.fixture(scope="module")
def ha_nam(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("hanam"), {"hn.txt": HA_NAM_PLAN, "tin.txt": HA_NAM_POST})
    return Assistant(settings, HybridRetriever(store))


def test_a_number_no_text_writes_is_refused_naming_it_and_the_closest_documents(plan_only):
    answer = plan_only.ask("Kế hoạch số 194/KH-UBND năm 2023 của UBND tỉnh Lạng Sơn về việc gì?")
    assert answer.abstained
    assert "194/KH-UBND" in answer.text and "193/KH-UBND" in answer.text  # the number asked, the plan found


def test_the_same_number_written_glued_in_a_post_is_present_and_the_post_answers(plan_and_post):
    for question in ("Theo Kế hoạch số 194/KH-UBND của tỉnh Lạng Sơn, Sở Nội vụ tập huấn cho những ai?",
                     "KH194/UBND: Sở Nội vụ tập huấn cho những ai?"):
        answer = plan_and_post.ask(question)
        assert not answer.abstained, question
        # the post that writes the number is the scope, not the plan of a neighbouring number
        assert {c.doc_id for c in answer.citations} == {"tin"}, question
        assert "cán bộ, công chức làm công tác một cửa" in answer.text


def test_a_number_that_is_a_documents_own_is_never_checked_against_the_text(plan_only):
    store = plan_only.store
    analysis = plan_only.retriever.analyze("Kế hoạch 193/KH-UBND kiểm tra những sở nào?")
    assert absent_numbers(analysis, store.lexical(), store.fetch_passages) == []
    assert not plan_only.ask("Kế hoạch 193/KH-UBND kiểm tra những sở nào?").abstained


def test_numbers_written_as_documents_write_them():
    assert writes_number("Căn cứ Quyết định số 06/2024/QĐ-UBND ngày 02/02/2024", "6")
    assert writes_number("thực hiện kh194/ubnd", "194") and writes_number("Kế hoạch số 194 ngày 3/4/2023", "194")
    assert not writes_number("Đã giải quyết 194 hồ sơ, Kế hoạch 2194/KH-UBND", "194")


def test_an_old_province_with_only_a_siblings_document_is_refused(ha_nam):
    # Nam Định and Hà Nam both merged into Ninh Bình: the old name covers itself, not its sibling
    answer = ha_nam.ask("Kế hoạch kiểm tra cải cách hành chính năm 2022 của tỉnh Nam Định kiểm tra những sở nào?")
    assert answer.abstained and "Nam Định" in answer.text
    assert "Nam Định từ 01/7/2025 thuộc Ninh Bình" in answer.text  # where its documents would be found now


def test_the_new_name_is_answered_from_the_old_provinces_document_and_names_it(ha_nam):
    answer = ha_nam.ask("Kế hoạch kiểm tra cải cách hành chính năm 2022 của tỉnh Ninh Bình kiểm tra những sở nào?")
    assert not answer.abstained
    assert "Hà Nam" in answer.notice and "Ninh Bình" in answer.notice
    assert any(c.metadata.get("tinh") == "Hà Nam" for c in answer.citations)


def test_the_new_name_and_a_year_are_answered_from_an_undated_post_of_the_old_province(ha_nam):
    # the Hà Nam post states no year: no text tells whether it is of the year asked, so it is not refused (an undated
    # post is a hint, never a refusal) and the answer says it was found under the old province's name
    answer = ha_nam.ask("Đoàn kiểm tra cải cách hành chính của tỉnh Ninh Bình năm 2024 làm việc ở đâu?")
    assert not answer.abstained
    assert "Hà Nam (nay thuộc Ninh Bình)" in answer.notice and "chưa rõ năm" in answer.notice


def _one_passage_state(text):
    from index.lexical import LexicalIndex, passage_terms
    from index.lexical_state import LexicalState

    state = LexicalState(LexicalIndex.build(["a#0"], [passage_terms(text, segment=False)]), {"a#0": {"doc_id": "a"}},
                         None, records={})
    return state, lambda ids: {i: SimpleNamespace(doc_id="a", text=text) for i in ids}


def test_an_ocr_read_number_label_glued_to_the_number_holds_it():
    # a scan read without diacritics: "Số" became "S6", glued to the number, and no field was read
    state, fetch = _one_passage_state("UY BAN NHAN DAN TINH GIA LAI S64934/KH-UBND KE HOACH kiem tra cai cach")
    asks = SimpleNamespace(doc_numbers=["4934/KH-UBND"], named_doc_ids=None)
    assert absent_numbers(asks, state, fetch) == []
    other = SimpleNamespace(doc_numbers=["4935/KH-UBND"], named_doc_ids=None)
    assert absent_numbers(other, state, fetch) == ["4935/KH-UBND"]


def test_a_serial_ending_in_a_letter_is_held_where_a_text_writes_it():
    # a notice's basis line cites a decision whose serial ends in a letter (a number added between two others)
    state, fetch = _one_passage_state("Căn cứ Quyết định số 168a/QĐ-UBND ngày 6/9/2025 của UBND xã về việc phân công "
                                      "công chức tiếp công dân thường xuyên")
    asks = SimpleNamespace(doc_numbers=["168a/QĐ-UBND"], named_doc_ids=None)
    assert absent_numbers(asks, state, fetch) == []
    other = SimpleNamespace(doc_numbers=["169/QĐ-UBND"], named_doc_ids=None)
    assert absent_numbers(other, state, fetch) == ["169/QĐ-UBND"]
