"""A question asking to name the districts, communes or offices ("kiểm tra những huyện nào", "ở những sở nào") is
refused when no passage read in its scope names one of that level (issue 18, session 22: a detail the right page
lacks): the page counts them ("6 huyện, thị xã") or describes them ("các sở, ngành, UBND các huyện"), and the
answer would quote the topic without what is asked. A page naming one ("huyện Hà Quảng", "các xã: Bình Trị, …",
"Cu Kuin and Lak districts") keeps the answer.
"""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from assistant.absence import asked_level, names_of_level, unnamed_level
from assistant.abstention import AbstentionFeatures, AbstentionRule
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import index_texts

#: Lines of the shapes tune pages write (written for this test): the districts counted, described, named.
COUNTED = ("Trong tháng 9 tới, 3 đoàn kiểm tra cải cách hành chính của UBND tỉnh sẽ kiểm tra tại 10 sở, ngành và 5 "
           "huyện, thị xã (mỗi huyện, thị xã kiểm tra 2 UBND cấp xã).")
DESCRIBED = ("Ban hành kèm theo Quyết định này Đề án theo dõi, đánh giá kết quả cải cách hành chính đối với các sở, "
             "ngành tỉnh, Ủy ban nhân dân các huyện, thành phố thuộc tỉnh.")
NAMED = "Cùng với xã Tân An, đoàn kiểm tra của huyện sẽ kiểm tra thực tế tại các xã Tân Hòa, Tân Lộc, Tân Phú."
ENGLISH = "The provincial team will carry out an inspection of administrative reform in Cu Kuin and Lak districts."


def test_the_level_asked_is_read_from_the_question():
    assert asked_level("Năm 2020 tỉnh Sơn La kiểm tra công vụ ở những huyện nào?") == "huyện"
    assert asked_level("Đoàn của tỉnh làm việc tại những sở, ban nào trong quý II?") == "sở"
    assert asked_level("son la 2020 kiem tra cong vu o nhung huyen, thi xa nao") == "huyện"
    # "những quan điểm nào" asks no quận; a count asks no name
    assert asked_level("Đề án chuyển đổi số của tỉnh nêu những quan điểm nào?") == ""
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


def _unit(text: str, doc_id: str = "d"):
    passage = NS(text=text, section="", doc_id=doc_id)
    return NS(text=text, score=1.0, coverage=0.8, doc_id=doc_id, result=NS(passage=passage, doc_metadata={}))


def _analysis(question: str):
    return NS(original=question, text=question, provinces=[], years=[], doc_numbers=[], named_doc_ids=())


ASKED = "Theo kế hoạch năm 2024, đoàn kiểm tra công vụ của tỉnh làm việc ở những huyện nào?"


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
             "Độc lập - Tự do - Hạnh phúc", "Cao Bằng, ngày 10 tháng 3 năm 2024", "KẾ HOẠCH",
             "Kiểm tra công vụ năm 2024")
COUNTING_PLAN = "\n".join((*PLAN_HEAD,
                           "I. ĐỐI TƯỢNG KIỂM TRA",
                           "Đoàn kiểm tra công vụ của tỉnh kiểm tra tại 8 sở, ngành và 6 huyện.",
                           ""))
NAMING_PLAN = "\n".join((*PLAN_HEAD,
                         "I. ĐỐI TƯỢNG KIỂM TRA",
                         "Đoàn kiểm tra công vụ của tỉnh kiểm tra tại huyện Hà Quảng, huyện Bảo Lạc và huyện "
                         "Trùng Khánh.",
                         ""))
#: The question (written for this test).
PLAN_ASKED = "Đoàn kiểm tra công vụ năm 2024 của tỉnh Cao Bằng kiểm tra tại những huyện nào?"


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


def test_a_town_of_the_thi_xa_level_names_no_commune():
    # session 23: "thị xã Hồng Lĩnh" was read as naming an "xã" (the level matched inside "thị xã")
    assert not names_of_level("Đoàn kiểm tra của tỉnh làm việc tại thị xã Hồng Lĩnh và thị trấn Nghèn.", "xã")
    assert names_of_level("Đoàn kiểm tra của thị xã làm việc tại xã Thuận Lộc.", "xã")
    assert names_of_level("Đoàn kiểm tra làm việc tại thị xã Hồng Lĩnh.", "thị xã")
