"""A question asking to name the districts, communes or offices ("kiểm tra những huyện nào", "ở những sở nào") is
refused when no passage read in its scope names one of that level (issue 18, session 22: a detail the right page
lacks): the page counts them ("6 huyện, thị xã") or describes them ("các sở, ngành, UBND các huyện"), and the
answer would quote the topic without what is asked. A page naming one ("huyện Hà Quảng", "các xã: Bình Trị, …",
"Krong Bong and Ea H'leo districts") keeps the answer.
"""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from assistant.absence import asked_level, names_of_level, unnamed_level
from assistant.abstention import AbstentionFeatures, AbstentionRule
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import index_texts

#: Lines as the tune pages write them (newdocs N25's and dev D19's pages count or describe the districts).
COUNTED = ("Theo kế hoạch, trong tháng 10 tới, 2 đoàn kiểm tra công tác cải cách hành chính (CCHC) năm 2022 của "
           "UBND tỉnh sẽ kiểm tra tại 8 sở, ngành và 6 huyện, thị xã (mỗi huyện, thị xã kiểm tra 2 UBND cấp xã).")
DESCRIBED = ("Ban hành kèm theo Quyết định này Đề án \"Phương pháp theo dõi đánh giá Chỉ số cải cách hành chính đối "
             "với các sở, ngành tỉnh, Ủy ban nhân dân các huyện, thành phố thuộc tỉnh Đồng Tháp\".")
NAMED = "Được biết, đoàn kiểm tra CCHC của huyện sẽ kiểm tra thực tế tại các xã Bình Trị, Bình Lãnh, Bình Quý."
ENGLISH = ("The People's Committee of Dak Lak province has just decided to organize an inspection of administrative "
           "reform work in 2024 in Krong Bong and Ea H'leo districts.")


def test_the_level_asked_is_read_from_the_question():
    assert asked_level("Tỉnh Đồng Tháp kiểm tra CCHC ở những huyện nào năm 2021?") == "huyện"
    assert asked_level("Năm 2018 Quảng Bình kiểm tra CCHC tại những sở, ban nào?") == "sở"
    assert asked_level("quang binh 2018 kiem tra cchc o nhung huyen thi xa nao") == "huyện"
    # "những quan điểm nào" asks no quận; a count asks no name
    assert asked_level("Kế hoạch cải cách hành chính năm 2021 của Đồng Nai đặt ra những quan điểm nào?") == ""
    assert asked_level("Kế hoạch kiểm tra bao nhiêu huyện?") == ""


def test_a_count_or_a_description_names_no_district():
    assert not names_of_level(COUNTED, "huyện")
    assert not names_of_level(DESCRIBED, "huyện")
    assert not names_of_level("Đoàn kiểm tra tại các sở, ngành và UBND các huyện.", "sở")


def test_names_with_their_level_are_read():
    assert names_of_level(NAMED, "xã")
    assert names_of_level("Kiểm tra tại huyện Hà Quảng và huyện Bảo Lạc.", "huyện")
    assert names_of_level("Đoàn kiểm tra làm việc tại Sở Nội vụ, Sở Tư pháp.", "sở")
    assert names_of_level(ENGLISH, "huyện")
    assert names_of_level("Quảng Ninh dẫn đầu với 90,61%.", "tỉnh")


def _unit(text: str, doc_id: str = "d"):
    passage = NS(text=text, section="", doc_id=doc_id)
    return NS(text=text, score=1.0, coverage=0.8, doc_id=doc_id, result=NS(passage=passage, doc_metadata={}))


def _analysis(question: str):
    return NS(original=question, text=question, provinces=[], years=[], doc_numbers=[], named_doc_ids=())


ASKED = "Kế hoạch kiểm tra công tác cải cách hành chính năm 2022 của tỉnh kiểm tra những huyện nào?"


def test_units_that_only_count_the_districts_leave_the_level_unnamed():
    assert unnamed_level([_unit(COUNTED), _unit(DESCRIBED)], _analysis(ASKED)) == "huyện"


def test_one_unit_naming_a_district_keeps_the_answer():
    assert unnamed_level([_unit(COUNTED), _unit("Kiểm tra tại huyện Hà Quảng.")], _analysis(ASKED)) == ""
    # a question asking no name is never refused by this test
    assert unnamed_level([_unit(COUNTED)], _analysis("Kế hoạch kiểm tra bao nhiêu huyện?")) == ""


def test_the_branch_refuses_with_its_own_message_and_can_be_switched_off():
    f = AbstentionFeatures(coverage=0.9, unknown_share=0.0, unknown=(), type_found=True, unnamed_level="huyện")
    assert [name for name, _ in AbstentionRule().branches(f)] == ["named_level"]
    assert "không nêu tên các huyện được hỏi" in AbstentionRule().reason(f)
    assert AbstentionRule(require_named_level=False).reason(f) == ""


#: Two plans of one province, written for this test: one counting the districts it inspects, one naming them.
PLAN_HEAD = ("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG", "Số: 45/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc", "Cao Bằng, ngày 10 tháng 3 năm 2022", "KẾ HOẠCH",
             "Kiểm tra công tác cải cách hành chính năm 2022")
COUNTING_PLAN = "\n".join((*PLAN_HEAD,
                           "I. ĐỐI TƯỢNG KIỂM TRA",
                           "Đoàn kiểm tra công tác cải cách hành chính của tỉnh kiểm tra tại 8 sở, ngành và 6 huyện.",
                           ""))
NAMING_PLAN = "\n".join((*PLAN_HEAD,
                         "I. ĐỐI TƯỢNG KIỂM TRA",
                         "Đoàn kiểm tra công tác cải cách hành chính của tỉnh kiểm tra tại huyện Hà Quảng, huyện Bảo "
                         "Lạc và huyện Trùng Khánh.",
                         ""))
#: The question (written for this test).
PLAN_ASKED = "Kế hoạch kiểm tra công tác cải cách hành chính năm 2022 của tỉnh Cao Bằng kiểm tra những huyện nào?"


@pytest.fixture(scope="module")
def counting(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("level-count"), {
        "cao-bang-2022-45-kh-ubnd.txt": COUNTING_PLAN})
    return Assistant(settings, HybridRetriever(store))


@pytest.fixture(scope="module")
def naming(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("level-name"), {
        "cao-bang-2022-45-kh-ubnd.txt": NAMING_PLAN})
    return Assistant(settings, HybridRetriever(store))


def test_a_plan_counting_the_districts_is_no_answer_to_which(counting):
    answer = counting.ask(PLAN_ASKED)
    assert answer.abstained and "không nêu tên các huyện được hỏi" in answer.text, answer.text
    assert counting.diagnose(PLAN_ASKED)["features"].unnamed_level == "huyện"


def test_a_plan_naming_the_districts_is_answered(naming):
    answer = naming.ask(PLAN_ASKED)
    assert not answer.abstained, answer.text
    assert "Hà Quảng" in answer.text
