"""Places under a province scope (issue 18, items 3-4): a post whose province was not read competes on its evidence
(its year, its words) with the documents known to be of the province asked, and an old province's question keeps
the documents its new province issued since the 2025 mergers. A tiny index with the hashing embedder."""

from __future__ import annotations

import pytest

from retriever.hybrid import HybridRetriever
from tests.texts_index import index_texts

#: A Tây Ninh decision of 2019 on administrative procedures that names the reform's inspections in passing.
TAY_NINH_2019 = """ỦY BAN NHÂN DÂN TỈNH TÂY NINH
Số: 2583/QĐ-UBND
Tây Ninh, ngày 29 tháng 11 năm 2019
QUYẾT ĐỊNH
Ban hành Quy chế phối hợp trong thực hiện thủ tục hành chính thuộc thẩm quyền của Sở
Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp trong thực hiện thủ tục hành chính của UBND tỉnh Tây Ninh.
Điều 2. Giám đốc các sở, ngành của tỉnh Tây Ninh tự kiểm tra cải cách hành chính theo Quy chế này.
"""

#: The province's own post of 2016 that names no province (its portal's address does): "UBND tỉnh", "trên địa bàn
#: tỉnh". Written for this test (not an evaluation document).
POST_2016 = """Đoàn kiểm tra cải cách hành chính làm việc tại các huyện năm 2016
- 03/08/2016 09:15:00 AM
Để nắm tình hình thực hiện cải cách hành chính ở cơ sở và chấn chỉnh kịp thời những tồn tại. Ngày \
02/8/2016, UBND tỉnh thành lập đoàn kiểm tra theo Kế hoạch số 905/KH-UBND, làm việc tại các huyện, thị xã \
trên địa bàn tỉnh trong tháng 8 năm 2016.
"""

KON_TUM_2024 = """ỦY BAN NHÂN DÂN TỈNH KON TUM
Số: 40/KH-UBND
Kon Tum, ngày 15 tháng 01 năm 2024
KẾ HOẠCH
Kiểm tra công tác cải cách hành chính năm 2024
Sở Nội vụ chủ trì kiểm tra các sở, ban, ngành trong quý II năm 2024.
"""

#: The new Quảng Ngãi (Kon Tum merged into it) after the mergers, and the old Quảng Ngãi before them.
QUANG_NGAI_2025 = """ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 50/KH-UBND
Quảng Ngãi, ngày 12 tháng 8 năm 2025
KẾ HOẠCH
Số hóa hồ sơ thủ tục hành chính tại các xã
Các xã hoàn thành số hóa hồ sơ thủ tục hành chính trên Cổng dịch vụ công trước ngày 30 tháng 11 năm 2025.
"""
QUANG_NGAI_2019 = """ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 21/KH-UBND
Quảng Ngãi, ngày 05 tháng 3 năm 2019
KẾ HOẠCH
Số hóa hồ sơ thủ tục hành chính tại các xã
Các xã hoàn thành số hóa hồ sơ thủ tục hành chính trên Cổng dịch vụ công trước ngày 30 tháng 11 năm 2019.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return index_texts(tmp_path_factory.mktemp("places"), {
        "tn-2019.txt": TAY_NINH_2019, "tin-2016.txt": POST_2016, "kt-2024.txt": KON_TUM_2024,
        "qn-2025.txt": QUANG_NGAI_2025, "qn-2019.txt": QUANG_NGAI_2019})


def test_the_reader_leaves_the_posts_province_unread(corpus):
    _, store = corpus
    records = {r.source.rsplit("/", 1)[-1]: r.metadata for r in store.records().values()}
    assert (records["tin-2016.txt"]["tinh"], records["tin-2016.txt"]["nam"]) == ("", "2016")
    assert records["tn-2019.txt"]["tinh"] == "Tây Ninh"


def test_an_unknown_province_post_of_the_year_asked_outranks_a_known_document_of_other_years(corpus):
    _, store = corpus
    question = "Đoàn kiểm tra CCHC của tỉnh Tây Ninh năm 2016 làm việc ở đâu, để làm gì?"
    results = HybridRetriever(store).search(question, k=3)
    assert results[0].passage.doc_id.startswith("tin-2016")
    assert results[0].unread == ("tinh",)  # ranked first on its evidence, still shown as of a province unread


def test_a_document_of_other_years_keeps_its_rank_without_a_year_asked(corpus):
    _, store = corpus
    results = HybridRetriever(store).search("Giám đốc các sở, ngành của tỉnh Tây Ninh tự kiểm tra cải cách hành chính "
                                            "theo quy chế nào?", k=3)
    assert results[0].passage.doc_id.startswith("tn-2019")


def test_an_old_provinces_question_keeps_its_new_provinces_documents_since_the_mergers(corpus):
    _, store = corpus
    results = HybridRetriever(store).search("Kon Tum: số hóa hồ sơ thủ tục hành chính tại các xã hoàn thành trước "
                                            "ngày nào?", k=5)
    docs = {r.passage.doc_id.split("@")[0] for r in results}
    assert any(d.startswith("qn-2025") for d in docs)  # the new Quảng Ngãi holds Kon Tum's land since 01/7/2025
    assert not any(d.startswith("qn-2019") for d in docs)  # the old Quảng Ngãi never did


def test_a_new_name_still_covers_the_old_province_merged_into_it(corpus):
    _, store = corpus
    results = HybridRetriever(store).search("Quảng Ngãi: Sở Nội vụ kiểm tra các sở, ban, ngành vào quý nào?", k=5)
    assert any(r.passage.doc_id.startswith("kt-2024") for r in results)
