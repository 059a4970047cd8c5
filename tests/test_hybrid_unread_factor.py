"""The shares a scope leaves to a document whose field is unread, or that is about other years, are parameters of
:class:`RetrieverConfig` (tiny index, hashing embedder): a document with an unread field ranks by the configured
factor (issue 18: how much a hint weighs is measured by ``bench.fit_retriever``)."""

from __future__ import annotations

import pytest

from retriever.hybrid import OTHER_YEARS_FACTOR, UNREAD_FIELD_FACTOR, HybridRetriever, RetrieverConfig
from tests.texts_index import index_texts

_PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 12/KH-UBND\nKon Tum, ngày 10 tháng 3 năm 2023\n\nKẾ HOẠCH\n"
         "Tổ chức tiếp xúc cử tri năm 2023\n\nI. MỤC ĐÍCH\n"
         "UBND tỉnh tổ chức các buổi tiếp xúc cử tri tại các huyện.\n\n"
         "II. NỘI DUNG\nCác sở chuẩn bị tài liệu cho hội nghị.\n")
_POST = ("Kết quả trả lời ý kiến cử tri\nTrước và sau Kỳ họp thứ 6 HĐND tỉnh khóa XII, Thường trực HĐND tỉnh đã "
         "chuyển 84 lượt ý kiến, kiến nghị của cử tri đến UBND tỉnh để giải quyết.\n")
_QUESTION = ("Thường trực HĐND tỉnh Kon Tum đã chuyển bao nhiêu lượt ý kiến, kiến nghị của cử tri trước và sau "
             "Kỳ họp thứ 6?")


@pytest.fixture
def store(tmp_path):
    _, store = index_texts(tmp_path, {"kh-kon-tum.txt": _PLAN, "tin-cu-tri.txt": _POST})
    assert not store.records()["tin-cu-tri"].metadata.get("tinh")  # the post's province is unread
    return store


def _post_score(store, factor: float) -> float:
    results = HybridRetriever(store, RetrieverConfig(unread_field_factor=factor)).search(_QUESTION, k=10)
    return max(r.score for r in results if r.passage.doc_id == "tin-cu-tri")


def test_the_defaults_are_the_module_constants():
    config = RetrieverConfig()
    assert (config.unread_field_factor, config.other_years_factor) == (UNREAD_FIELD_FACTOR, OTHER_YEARS_FACTOR)


def test_an_unread_documents_score_is_its_score_times_the_configured_factor(store):
    full = _post_score(store, 1.0)
    assert _post_score(store, 0.5) == pytest.approx(0.5 * full)
    assert _post_score(store, 0.2) == pytest.approx(0.2 * full)


def test_an_unread_document_ranks_by_the_configured_factor(store):
    def first(factor: float) -> str:
        return HybridRetriever(store, RetrieverConfig(unread_field_factor=factor)).search(_QUESTION, k=3)[0]

    assert first(1.0).passage.doc_id == "tin-cu-tri" and first(1.0).unread == ("tinh",)
    assert first(0.01).passage.doc_id == "kh-kon-tum"  # a near gate: the plan of the province named ranks first


_TAY_NINH_2016 = ("ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\nSố: 40/KH-UBND\nTây Ninh, ngày 10 tháng 3 năm 2016\n\nKẾ HOẠCH\n"
                  "Kiểm tra cải cách hành chính năm 2016\n\nI. NỘI DUNG\n"
                  "Đoàn kiểm tra cải cách hành chính kiểm tra các sở, các huyện về thủ tục hành chính.\n")
_TAY_NINH_2019 = ("ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\nSố: 52/KH-UBND\nTây Ninh, ngày 12 tháng 2 năm 2019\n\nKẾ HOẠCH\n"
                  "Kiểm tra cải cách hành chính năm 2019\n\nI. NỘI DUNG\n"
                  "Năm 2019 kiểm tra cải cách hành chính tại Sở Y tế.\n")


def test_a_document_of_other_years_keeps_the_configured_share(tmp_path):
    _, store = index_texts(tmp_path, {"kh-2016.txt": _TAY_NINH_2016, "kh-2019.txt": _TAY_NINH_2019})
    question = "Tây Ninh năm 2019 kiểm tra cải cách hành chính các sở, các huyện về thủ tục hành chính thế nào?"

    def score(factor: float) -> float:
        results = HybridRetriever(store, RetrieverConfig(other_years_factor=factor)).search(question, k=10)
        return max(r.score for r in results if r.passage.doc_id == "kh-2016" and "Đoàn" in r.passage.text)

    assert score(1.0) > 0 and score(0.25) == pytest.approx(0.25 * score(1.0))
