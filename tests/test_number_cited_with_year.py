"""A document number asked with its year is refused as absent ("không có văn bản số …") only when no indexed document
writes it with that year: a number cited in another document's list of related documents is there, even when the
search missed that passage (issue 18: refuse only when the evidence is absent)."""

from __future__ import annotations

import pytest

from assistant.abstention import _absent_number
from assistant.scope import indexed_with_year
from tests.texts_index import index_texts

#: A plan whose basis list cites a decision of 2021 by number (the portal's related documents).
PLAN = """ỦY BAN NHÂN DÂN TỈNH LÀO CAI
Số: 77/KH-UBND
Lào Cai, ngày 02 tháng 3 năm 2022
KẾ HOẠCH
Số hóa kết quả giải quyết thủ tục hành chính năm 2022
Căn cứ các văn bản liên quan:
- Quyết định 31/2021/QĐ-UBND quy định về số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trên địa bàn tỉnh.
- Nghị định số 45/2020/NĐ-CP của Chính phủ.
"""
#: A resolution that writes serial 52 and year 2019 apart, never as one number "52/2019".
RESOLUTION = """HỘI ĐỒNG NHÂN DÂN TỈNH LÀO CAI
Số: 51/2019/NQ-HĐND
Lào Cai, ngày 10 tháng 12 năm 2019
NGHỊ QUYẾT
Quy định mức chi cho công tác cải cách hành chính
Căn cứ Nghị định số 52/2009/NĐ-CP của Chính phủ; Căn cứ Nghị quyết số 50/2019/NQ-HĐND năm 2019.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return index_texts(tmp_path_factory.mktemp("cited"), {"plan.txt": PLAN, "nq.txt": RESOLUTION})[1]


def test_a_number_cited_with_its_year_in_an_indexed_document_is_there(store):
    state = store.lexical(quiet=True)
    assert indexed_with_year("31/2021/QĐ-UBND", state, store.document_text)


def test_a_serial_and_a_year_written_apart_are_not_the_number(store):
    state = store.lexical(quiet=True)
    assert not indexed_with_year("52/2019/NQ-HĐND", state, store.document_text)


def test_the_refusal_by_number_needs_the_number_absent_from_the_index(store):
    from types import SimpleNamespace as NS

    state = store.lexical(quiet=True)
    cited = NS(doc_numbers=["31/2021/QĐ-UBND"], named_doc_ids=())
    absent = NS(doc_numbers=["52/2019/NQ-HĐND"], named_doc_ids=())
    assert _absent_number(cited, [], state, store.document_text) == ""  # the search missed it: no false refusal
    assert _absent_number(absent, [], state, store.document_text) == "52/2019/NQ-HĐND"
