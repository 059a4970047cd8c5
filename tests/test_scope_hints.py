"""Metadata is a hint, never a gate (issue 18, item 4): a province, year or kind the reader did not read never excludes
a document from a search nor refuses by itself; a document named by its number is found whatever place the question
names; a refusal needs the evidence (a document known to be of the place, a passage naming it) to be absent.

A tiny corpus indexed with the hashing embedder: a Kiên Giang plan with its header, a Hà Nam plan with its header,
and an excerpt pasted without its header (no province, no year, no kind read), as officials paste them.
"""

from __future__ import annotations

import pytest

from assistant.service import Assistant
from ingest.pipeline import ingest_paths
from retriever.hybrid import HybridRetriever, SearchFilters
from tests.texts_index import HA_NAM_PLAN, index_texts

KIEN_GIANG = """ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG
Số: 36/KH-UBND
Kiên Giang, ngày 28 tháng 02 năm 2021
KẾ HOẠCH
Kiểm tra công tác cải cách hành chính năm 2021
I. ĐỐI TƯỢNG KIỂM TRA
Sở Nội vụ, Sở Tư pháp và Ủy ban nhân dân huyện Tân Hiệp được kiểm tra trong quý III năm 2021.
II. NỘI DUNG KIỂM TRA
Kiểm tra việc niêm yết công khai thủ tục hành chính tại Bộ phận một cửa.
"""


#: A body pasted without its header: the reader finds no province, year nor kind of document.
EXCERPT = """Để khắc phục các hạn chế nêu trên, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các xã, phường rà soát danh mục
thủ tục hành chính và số hóa hồ sơ giải quyết thủ tục hành chính trên Cổng dịch vụ công trước ngày 30 tháng 6.
Các xã, phường báo cáo kết quả số hóa hồ sơ về Sở Nội vụ hằng quý.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return index_texts(tmp_path_factory.mktemp("scope"), {"kg.txt": KIEN_GIANG, "hn.txt": HA_NAM_PLAN,
                                                          "trich-doan.txt": EXCERPT})


@pytest.fixture(scope="module")
def docs(corpus):
    _, store = corpus
    records = store.lexical().records
    by_name = {record.source.rsplit("/", 1)[-1]: doc_id for doc_id, record in records.items()}
    excerpt = records[by_name["trich-doan.txt"]].metadata
    assert not excerpt.get("tinh") and not excerpt.get("nam")  # the premise: nothing read from the excerpt
    return by_name


@pytest.fixture(scope="module")
def assistant(corpus):
    settings, store = corpus
    return Assistant(settings, HybridRetriever(store))


def test_unread_province_stays_searchable_below_the_known_ones(assistant, docs):
    """Kiên Giang is indexed, so the question's province scopes the search: the excerpt (province unread) stays in
    it, ranked after the Kiên Giang plan and labelled; the Hà Nam plan (known, another province) does not."""
    results = assistant.retriever.search("Kiên Giang yêu cầu các xã số hóa hồ sơ thủ tục hành chính", k=10)
    ids = [r.passage.doc_id for r in results]
    assert docs["trich-doan.txt"] in ids and docs["hn.txt"] not in ids
    first_unread = ids.index(docs["trich-doan.txt"])
    assert all(r.passage.doc_id == docs["kg.txt"] for r in results[:first_unread])
    assert all(r.unread == ("tinh",) for r in results if r.passage.doc_id == docs["trich-doan.txt"])


def test_sidebar_filter_keeps_documents_with_the_field_unread(assistant, docs):
    results = assistant.retriever.search("số hóa hồ sơ thủ tục hành chính", k=10,
                                         filters=SearchFilters(provinces=("Hà Nam",), years=("2022",)))
    by_doc = {r.passage.doc_id: r.unread for r in results}
    assert by_doc.get(docs["trich-doan.txt"]) == ("tinh", "years")
    assert docs["kg.txt"] not in by_doc  # known to be of another province: filtered out, as the user asked


def test_question_about_a_province_not_read_is_answered_and_labelled(assistant, docs):
    """No document is known to be of Bắc Kạn, but the excerpt's province was not read: no refusal by a field."""
    answer = assistant.ask("Bắc Kạn yêu cầu các xã số hóa hồ sơ thủ tục hành chính trước ngày nào?")
    assert not answer.abstained, answer.text
    assert "không có văn bản nào của" not in answer.text
    # only the document that may be of Bắc Kạn is quoted: the plans known to be of other provinces are not
    assert {c.doc_id for c in answer.citations} == {docs["trich-doan.txt"]}
    assert "30 tháng 6" in answer.text
    assert "chưa rõ tỉnh" in answer.notice


def test_year_not_read_never_refuses_by_itself(assistant, docs):
    answer = assistant.ask("Năm 2023 các xã phải báo cáo kết quả số hóa hồ sơ về cơ quan nào?")
    assert not answer.abstained, answer.text
    assert "năm được hỏi" not in answer.text and "không nói về năm" not in answer.text
    assert "Sở Nội vụ" in answer.text and "chưa rõ năm" in answer.notice


@pytest.mark.parametrize("question", [
    "Tỉnh Đồng Tháp kiểm tra cải cách hành chính những sở nào năm 2021?",
    "Hà Nam kiểm tra cải cách hành chính năm 2024 những sở nào?",
])
def test_refusal_stays_when_every_known_field_contradicts(assistant, question):
    """The evidence is absent: no document of Đồng Tháp (nor of Hà Nam in 2024) and no passage naming it."""
    answer = assistant.ask(question)
    assert answer.abstained


def test_a_document_named_by_number_is_found_whatever_place_the_question_names(assistant, docs):
    """The number wins over the place: "Hà Nam" (indexed, another plan) does not hide the Kiên Giang plan 36."""
    answer = assistant.ask("Hà Nam: Kế hoạch 36/KH-UBND kiểm tra những sở nào?")
    assert not answer.abstained, answer.text
    assert {c.doc_id for c in answer.citations} == {docs["kg.txt"]}
    assert "Sở Tư pháp" in answer.text
    answer = assistant.ask("Đồng Tháp: Kế hoạch 36/KH-UBND kiểm tra những sở nào?")
    assert not answer.abstained and "Sở Tư pháp" in answer.text
    answer = assistant.ask("Kế hoạch 36/KH-UBND năm 2023 kiểm tra những sở nào?")  # its year is 2021: labelled so
    assert not answer.abstained and "Kiên Giang, 2021" in answer.text


# -- the chat's inherited scope ----------------------------------------------------------------------------------
def _turn(assistant, question):
    from assistant.conversation import make_turn

    return make_turn(question, assistant.ask(question))


def test_a_full_question_does_not_inherit_the_previous_province(assistant, docs):
    """"Kế hoạch 12/KH-UBND …" after a Kiên Giang question is about the Hà Nam plan it names, not Kiên Giang."""
    history = [_turn(assistant, "Kiên Giang kiểm tra những sở nào trong quý III?")]
    assert history[0].provinces == ("Kiên Giang",)
    answer = assistant.ask("Kế hoạch 12/KH-UBND kiểm tra những sở nào?", history=history)
    assert not answer.abstained, answer.text
    assert {c.doc_id for c in answer.citations} == {docs["hn.txt"]}
    assert "kế thừa" not in answer.notice


def test_an_elliptical_question_inherits_and_says_so(assistant, docs):
    history = [_turn(assistant, "Hà Nam kiểm tra những sở nào trong quý II?")]
    answer = assistant.ask("Còn quý III?", history=history)
    assert "Phạm vi kế thừa từ câu trước: Hà Nam" in answer.notice
    assert all(c.doc_id == docs["hn.txt"] for c in answer.citations)


# -- schedules ---------------------------------------------------------------------------------------------------
#: A schedule pasted without its plan's header: no province, no year read.
SCHEDULE = """Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị theo lịch sau:
- Quý III: Sở Y tế, Sở Công Thương.
- Quý IV: Sở Tài chính, Sở Xây dựng.
"""


def test_schedule_of_a_plan_whose_province_was_not_read_answers_a_question_naming_one(tmp_path):
    """No plan is known to be of Bắc Kạn: the plan whose province was not read answers, labelled; a plan known to
    be of another province (Kiên Giang) does not."""
    from index.store import IndexStore
    from settings import load_settings

    paths = []
    for name, text in (("kg.txt", KIEN_GIANG), ("lich.txt", SCHEDULE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    settings = load_settings({}, data_dir=tmp_path / "data", embedding_model="hashing:64", corpus_dir=tmp_path)
    store = IndexStore(settings)
    ingest_paths(paths, settings, store)
    answer = Assistant(settings, HybridRetriever(store)).ask("Bắc Kạn: những sở nào được kiểm tra trong quý III?")
    assert answer.mode == "schedule" and not answer.abstained, answer.text
    assert "Sở Y tế" in answer.text and "Sở Tư pháp" not in answer.text
    assert "chưa rõ tỉnh" in answer.notice
