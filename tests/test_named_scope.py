"""A document the question names by number is not left out by the province it is about, and is the one of the
question's place and year (session 20, R20): a province the question names does not leave a national body's
document out; "Nghị quyết 18" of a Đồng Nai question is not Hậu Giang's 18/2018/NQ-HĐND; "20/2015/QĐ-UBND" is not
"20/2019/QĐ-UBND" (nor a 25/QĐ-UBND of 2022 "25/2020/QĐ-UBND")."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from retriever.hybrid import HybridRetriever, RetrieverConfig
from retriever.query import analyze_query, documents_named, resolve_named_documents
from tests.texts_index import index_texts

_VPCP = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 1659/VPCP-V.III\nV/v Đề án mở rộng địa giới hành chính Thủ đô Hà Nội\n"
         "Hà Nội, ngày 14 tháng 3 năm 2008\n\nKính gửi: Bộ Nội vụ\n\n"
         "Văn phòng Chính phủ đề nghị đưa Đề án mở rộng địa giới hành chính Thủ đô Hà Nội vào chương trình làm "
         "việc của kỳ họp thứ ba, Quốc hội khóa XII.\n")
_HA_NOI = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 87/KH-UBND\nHà Nội, ngày 10 tháng 3 năm 2021\n\nKẾ HOẠCH\n"
           "Cải cách hành chính năm 2021\n\nI. NỘI DUNG\n"
           "Đề án mở rộng địa giới hành chính của các quận được trình kỳ họp thứ ba của Hội đồng nhân dân thành phố.\n")
_QUESTION = ("CV 1659/VPCP-V.III đề nghị đưa Đề án mở rộng địa giới hành chính Thủ đô Hà Nội vào kỳ họp thứ mấy, "
             "Quốc hội khóa mấy?")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    _, store = index_texts(tmp_path_factory.mktemp("named"), {"vpcp.txt": _VPCP, "hn.txt": _HA_NOI})
    assert store.records()["vpcp"].metadata.get("so_hieu") == "1659/VPCP-V.III"
    return store


def test_a_national_document_named_by_number_is_searched_whatever_province_the_question_names(store):
    results = HybridRetriever(store).search(_QUESTION, k=3)
    assert results[0].passage.doc_id == "vpcp"
    assert "kỳ họp thứ ba" in " ".join(r.passage.text for r in results if r.passage.doc_id == "vpcp")


def test_the_named_scope_is_a_parameter(store):
    off = HybridRetriever(store, RetrieverConfig(named_document_scope=False)).search(_QUESTION, k=3)
    assert {r.passage.doc_id for r in off} == {"hn"}  # the province's scope alone leaves the ministry's letter out


def test_a_document_named_of_the_province_named_keeps_the_scope(store):
    results = HybridRetriever(store).search("KH 87/KH-UBND của Hà Nội trình đề án mở rộng địa giới ở kỳ họp nào?", k=3)
    assert {r.passage.doc_id for r in results} == {"hn"}


def test_a_number_of_another_year_is_not_the_document():
    records = {"ht": SimpleNamespace(metadata={"so_hieu": "20/2019/QĐ-UBND"}),
               "lc": SimpleNamespace(metadata={"so_hieu": "20/2015/QĐ-UBND"})}
    assert documents_named(["20/2015/QĐ-UBND"], records) == ["lc"]
    assert documents_named(["20/QĐ-UBND"], records) == ["ht", "lc"]  # no year written: both may be it
    of_2022 = {"bl": SimpleNamespace(metadata={"so_hieu": "25/QĐ-UBND", "nam": "2022"})}
    assert documents_named(["25/2020/QĐ-UBND"], of_2022) == []  # its own number writes no year: its year does
    assert documents_named(["25/2022/QĐ-UBND"], of_2022) == ["bl"]


def test_a_short_number_of_another_provinces_document_is_not_the_document():
    records = {"hg": SimpleNamespace(metadata={"so_hieu": "18/2018/NQ-HĐND", "tinh": "Hậu Giang"})}
    asked = analyze_query("Ban Thường vụ Tỉnh ủy Đồng Nai tổng kết Nghị quyết 18 vào ngày nào?")
    assert resolve_named_documents(asked, records) == ()
    assert resolve_named_documents(analyze_query("Nghị quyết 18 của Hậu Giang quy định gì?"), records) == ("hg",)
    assert resolve_named_documents(analyze_query("Nghị quyết 18 quy định gì?"), records) == ("hg",)
    # a number with its code names the document whatever place the question names (issue 18, item 4)
    asked = analyze_query("Đồng Nai: 18/2018/NQ-HĐND quy định gì?")
    assert resolve_named_documents(asked, records) == ("hg",)
