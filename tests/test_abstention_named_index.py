"""A question asking the rank of one index (PAPI, PCI, SIPAS, PAR INDEX, DDCI, DTI, PGI) is refused when every rank
the passages an answer would quote in its scope state is positively not the one asked (issue 18, sessions 22-23: a
detail the right page lacks): of another index, the last one named before the rank (the page ranks the SIPAS and the
PAR INDEX, the question asks the PCI), or, when the whole country is asked ("trên 63 tỉnh", "cả nước"), among fewer
provinces ("vị trí thứ 5/14 tỉnh khu vực"). A rank of the index asked, a rank no index is named before, or a page
stating no rank keeps the answer.
"""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from assistant.absence import unnamed_index
from assistant.abstention import AbstentionFeatures, AbstentionRule
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import index_texts
from textnorm.indexes import INDEX_FORMS, NamedIndex, named_indexes

#: Lines of the shapes tune pages write (written for this test): two indexes ranked, the index asked ranked.
OTHER_RANKS = ("Năm 2022, sự hài lòng của người dân, tổ chức đối với sự phục vụ của các cơ quan hành chính nhà nước "
               "trên địa bàn tỉnh xếp thứ 11/63 tỉnh thành; Chỉ số CCHC cấp tỉnh xếp thứ 14/63 tỉnh, thành.")
ASKED_RANK = "Chỉ số năng lực cạnh tranh cấp tỉnh năm 2022 của tỉnh xếp thứ 30/63, tăng 5 bậc."
NO_INDEX = "Năm 2022, tỉnh tiếp tục duy trì ở vị trí thứ 5/14 tỉnh khu vực Trung du và miền núi phía Bắc."
#: The question (written for this test, not an evaluation question).
ASKED = "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2022 của tỉnh Yên Bái xếp thứ mấy trong cả nước?"


def test_every_index_is_read_by_its_abbreviation_and_its_vietnamese_name():
    assert named_indexes("chi so nang luc canh tranh cap tinh pci cua lam dong") == (NamedIndex.PCI,)
    assert named_indexes("Chỉ số hiệu quả và quản trị hành chính công (PAPI)") == (NamedIndex.PAPI,)
    assert named_indexes("Chỉ số CCHC cấp tỉnh xếp thứ 14/63") == (NamedIndex.PAR_INDEX,)
    assert named_indexes("Chỉ số hài lòng SIPAS năm 2023") == (NamedIndex.SIPAS,)
    assert named_indexes("Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương") == (NamedIndex.DDCI,)
    assert named_indexes("Which rank did Lam Dong reach in the PAPI of 2021?") == (NamedIndex.PAPI,)
    assert all(INDEX_FORMS[index] for index in NamedIndex)  # every member has its forms and reasons


def test_a_plan_or_a_word_inside_another_names_no_index():
    assert named_indexes("Kế hoạch cải cách hành chính năm 2023 của tỉnh") == ()
    assert named_indexes("Đề án chuyển đổi số của tỉnh") == ()  # the subject, not the DTI
    assert named_indexes("capcity, ddcix, sipass") == ()


def _unit(text: str, doc_id: str = "d"):
    passage = NS(text=text, section="", doc_id=doc_id)
    return NS(text=text, score=1.0, coverage=0.8, doc_id=doc_id, result=NS(passage=passage, doc_metadata={}))


def _analysis(question: str):
    return NS(original=question, text=question, provinces=[], years=[], doc_numbers=[], named_doc_ids=())


def test_other_indexes_ranked_do_not_answer_the_index_asked():
    assert unnamed_index([_unit(OTHER_RANKS), _unit(NO_INDEX)], _analysis(ASKED)) == "PCI"


def test_the_index_asked_named_in_any_form_or_no_index_named_keeps_the_answer():
    assert unnamed_index([_unit(OTHER_RANKS), _unit(ASKED_RANK)], _analysis(ASKED)) == ""
    assert unnamed_index([_unit("Năm 2022, tỉnh xếp thứ 20/63 tỉnh, thành.")], _analysis(ASKED)) == ""  # whose?
    assert unnamed_index([_unit("Tỉnh tiếp tục hỗ trợ doanh nghiệp.")], _analysis(ASKED)) == ""  # no rank stated
    # a question naming two indexes, or none, is not read
    assert unnamed_index([_unit(OTHER_RANKS)], _analysis("Chỉ số PAPI và PCI năm 2022 xếp thứ mấy?")) == ""
    assert unnamed_index([_unit(OTHER_RANKS)], _analysis("Năm 2022 tỉnh xếp thứ mấy?")) == ""


def test_the_branch_refuses_with_its_own_message_and_can_be_switched_off():
    f = AbstentionFeatures(coverage=0.9, unknown_share=0.0, unknown=(), type_found=True, unnamed_index="PCI")
    assert [name for name, _ in AbstentionRule().branches(f)] == ["named_index"]
    assert "không nêu thứ hạng của chỉ số được hỏi (PCI)" in AbstentionRule().reason(f)
    assert AbstentionRule(require_named_index=False).reason(f) == ""


#: A province's news post, written for this test: the SIPAS and the PAR INDEX ranked, no PCI (the words of the
#: PCI's name are there, about firms: the question's words are known, only the index is not named).
POST = "\n".join(("Hội nghị công bố Chỉ số cải cách hành chính năm 2022 của tỉnh Yên Bái",
                  "Ngày 20/6/2023, UBND tỉnh Yên Bái tổ chức Hội nghị công bố Chỉ số cải cách hành chính năm 2022.",
                  OTHER_RANKS.replace("tỉnh xếp", "tỉnh Yên Bái xếp"),
                  "Tỉnh tiếp tục hỗ trợ doanh nghiệp nâng cao năng lực cạnh tranh so với cả nước.",
                  ""))


@pytest.fixture(scope="module")
def ranking(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("index-rank"), {"yen-bai-2023-tin-chi-so.txt": POST})
    return Assistant(settings, HybridRetriever(store))


def test_a_post_ranking_other_indexes_is_no_answer_to_the_pci(ranking):
    answer = ranking.ask(ASKED)
    assert answer.abstained and "không nêu thứ hạng của chỉ số được hỏi" in answer.text, answer.text
    assert ranking.diagnose(ASKED)["features"].unnamed_index == "PCI"


def test_the_same_post_answers_the_index_it_ranks(ranking):
    answer = ranking.ask("Năm 2022, Chỉ số CCHC của tỉnh Yên Bái xếp thứ mấy?")
    assert not answer.abstained, answer.text


def test_the_par_index_is_read_with_words_between_its_name():
    # freshdocs2's G36 (answerable) was refused when this form was not read: a Khánh Hòa post names it so
    assert named_indexes("công bố Chỉ số và xếp hạng kết quả cải cách hành chính (CCHC) năm 2021") == (
        NamedIndex.PAR_INDEX,)


#: A province's post as tune pages write it (written for this test): two indexes ranked among 63, the index asked
#: named with a group, and a rank among a region's 14 provinces after it.
GROUP_AND_REGION = ("Năm 2022, Chỉ số CCHC cấp tỉnh (xếp thứ 14/63 tỉnh, thành, tăng 07 bậc so với năm 2021); Chỉ số "
                    "PAPI tiếp tục nằm trong nhóm \"Trung bình cao\". Trong 2 năm liên tục tỉnh tiếp tục duy trì ở vị "
                    "trí thứ 5/14 tỉnh khu vực Trung du và miền núi phía Bắc.")


def test_a_region_rank_does_not_answer_a_rank_among_every_province():
    national = _analysis("Năm 2022, chỉ số PAPI của tỉnh xếp thứ mấy trên 63 tỉnh, thành?")
    assert unnamed_index([_unit(GROUP_AND_REGION)], national) == "PAPI"
    assert unnamed_index([_unit(NO_INDEX)], _analysis(ASKED)) == "PCI"  # no index named, a region's rank only


def test_a_region_rank_may_answer_when_the_country_is_not_asked():
    assert unnamed_index([_unit(GROUP_AND_REGION)], _analysis("Năm 2022, chỉ số PAPI của tỉnh xếp thứ mấy?")) == ""


def test_an_english_page_ranks_the_index_it_names():
    line = "Phu Yen's PAR Index in 2024 reached 88.2%, ranked 36 out of 63, up 16 places compared to 2023."
    assert unnamed_index([_unit(line)], _analysis("What was Phu Yen's PAPI ranking in 2024?")) == "PAPI"
    assert unnamed_index([_unit(line)], _analysis("What was Phu Yen's PAR Index ranking in 2024?")) == ""
