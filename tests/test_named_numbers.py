"""A document named by its number in an abbreviated form ("KH36/UBND", "kh36", "36/UBND") or known only through a
news post that reports on it is the scope of the question, whatever place or year the question names (issue 18,
item 4): never a refusal for a field.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from retriever.query import analyze_query, documents_named, named_documents
from tests.texts_index import HA_NAM_PLAN, index_texts

KIEN_GIANG = """ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG
Số: 36/KH-UBND
Kiên Giang, ngày 28 tháng 02 năm 2021
KẾ HOẠCH
Kiểm tra công tác cải cách hành chính năm 2021
I. ĐỐI TƯỢNG KIỂM TRA
Sở Nội vụ, Sở Tư pháp và Ủy ban nhân dân huyện Tân Hiệp được kiểm tra trong quý III năm 2021.
"""


#: A post of 2017 reporting on a plan of 2016 that is not itself indexed.
POST = "\n".join((
    "Thông tin được đưa ngày: 25-12-2017",
    "Kết quả thực hiện công tác cải cách hành chính năm 2017 của tỉnh Kiên Giang",
    "Về công tác chỉ đạo, điều hành: Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 139/KH-UBND ngày 10/12/2016 về"
    " công tác cải cách hành chính năm 2017, trong đó giao Sở Nội vụ theo dõi, đôn đốc các sở, ngành thực hiện.",
    ""))


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("numbers"), {"kg.txt": KIEN_GIANG, "hn.txt": HA_NAM_PLAN,
                                                                        "tin.txt": POST})
    return Assistant(settings, HybridRetriever(store))


def _records(**numbers):
    return {doc: SimpleNamespace(metadata=md) for doc, md in numbers.items()}


def test_abbreviated_numbers_name_the_document():
    records = _records(kg={"so_hieu": "36/KH-UBND"}, qd={"so_hieu": "1961/QĐ-UBND"})
    assert named_documents("KH36/UBND kiểm tra những sở nào") == ["36/KH-UBND"]
    assert documents_named(named_documents("KH36/UBND kiểm tra những sở nào"), records) == ["kg"]
    assert documents_named(["36/UBND"], records) == ["kg"]  # the type letters left out
    assert documents_named(named_documents("qd1961 ban hanh ngay nao"), records) == ["qd"]
    assert documents_named(["KH 1961"], records) == []  # the number of a decision, not of a plan
    # the handle names the document: it is not a word of the topic (an unknown word would weigh most)
    assert "kh36" not in analyze_query("KH36/UBND kiểm tra những sở nào?").topic_terms


def test_a_document_known_only_through_a_post_names_the_post():
    records = _records(kg={"so_hieu": "36/KH-UBND"}, tin={"so_hieu": "", "van_ban_lien_quan":
                                                         "Kế hoạch số 139/KH-UBND ngày 10/12/2016"})
    assert documents_named(["139/KH-UBND"], records) == ["tin"]
    assert documents_named(["36/KH-UBND"], records) == ["kg"]


def test_an_abbreviated_number_wins_over_the_place_named(assistant):
    answer = assistant.ask("Hà Nam: KH36/UBND kiểm tra những sở nào?")
    assert not answer.abstained, answer.text
    assert "Sở Tư pháp" in answer.text and "Sở Xây dựng" not in answer.text


def test_a_plan_reported_by_a_post_of_another_year_is_answered(assistant):
    answer = assistant.ask("Kế hoạch 139/KH-UBND năm 2016 của Kiên Giang giao Sở Nội vụ làm gì?")
    assert not answer.abstained, answer.text
    assert "theo dõi, đôn đốc" in answer.text
