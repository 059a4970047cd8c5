"""Absent-fact refusals (issue 18): a question asking a fact of a definite shape — a count, a rate, the holder of a
post, a grade — is answered only when a unit the answer would quote states it; else the nearest line on the topic is
not evidence and the question is refused. Questions whose fact is there are still answered.

A tiny corpus indexed with the hashing embedder: a news post about a one-stop inspection team, and a plan.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.abstention import AbstentionFeatures, AbstentionRule
from assistant.evidence import AskedFact, asked_fact, fact_present, states_fact
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import HA_NAM_PLAN, index_texts

POST = "\n".join((
    "Tin chuyên ngành",
    "Ngày 01 tháng 6 năm 2015, Chủ tịch UBND tỉnh Trà Vinh đã ban hành Quyết định số 891/QĐ-UBND về việc thành lập"
    " Tổ Công tác kiểm tra việc thực hiện cơ chế một cửa tại các sở, ngành và UBND các huyện.",
    "Tổ Công tác gồm đại diện các Sở: Nội vụ, Tư pháp, Thông tin và Truyền thông; do bà Kim Thị Thanh Nữ - Phó Giám"
    " đốc Sở Nội vụ làm Tổ trưởng.",
    "Tổ đã kiểm tra thực tế 18 sở, ngành và Ủy ban nhân dân 08 huyện, thành phố từ ngày 10/6/2015 đến ngày 10/7/2015.",
    ""))

PLAN = """ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG
Số: 36/KH-UBND
Kiên Giang, ngày 28 tháng 02 năm 2021
KẾ HOẠCH
Kiểm tra công tác cải cách hành chính năm 2021
I. ĐỐI TƯỢNG KIỂM TRA
Sở Y tế, Sở Tư pháp và Ủy ban nhân dân huyện Tân Hiệp được kiểm tra trong quý III năm 2021.
II. TỔ CHỨC THỰC HIỆN
Giám đốc Sở Nội vụ chủ trì tổ chức kiểm tra và tổng hợp kết quả kiểm tra của các đơn vị báo cáo Ủy ban nhân dân tỉnh.
"""

#: A plan with its signature block.
SIGNED = HA_NAM_PLAN + "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrương Quốc Hùng\n"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("facts"),
                                  {"tin-tra-vinh.txt": POST, "kh-kien-giang.txt": PLAN, "kh-ha-nam.txt": SIGNED})
    return Assistant(settings, HybridRetriever(store))


@pytest.mark.parametrize("question", [
    "Sở Tư pháp tỉnh Trà Vinh có bao nhiêu công chức?",  # a count no document gives
    "Ai là Giám đốc Sở Nội vụ tỉnh Kiên Giang năm 2021?",  # the post is named, its holder is not
    "Kết quả kiểm tra cơ chế một cửa của Trà Vinh năm 2015 được xếp loại gì?",  # no grade is given
    "Kế hoạch kiểm tra cải cách hành chính năm 2021 của Kiên Giang do ai ký?",  # the excerpt ends before its signature
])
def test_a_fact_the_documents_do_not_state_is_refused(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained, answer.text
    assert "không nêu" in answer.text


@pytest.mark.parametrize(("question", "fact"), [
    ("Tổ Công tác của tỉnh Trà Vinh đã kiểm tra thực tế bao nhiêu huyện?", "08 huyện"),
    ("Trà Vinh: ai làm Tổ trưởng Tổ Công tác kiểm tra cơ chế một cửa?", "Kim Thị Thanh Nữ"),
    ("to cong tac tra vinh kiem tra bao nhieu so nganh", "18 sở"),
    ("Kế hoạch kiểm tra cải cách hành chính năm 2022 của Hà Nam do ai ký?", "Trương Quốc Hùng"),
])
def test_a_fact_the_documents_state_is_answered(assistant, question, fact):
    answer = assistant.ask(question)
    assert not answer.abstained, answer.text
    assert fact in answer.text


def test_what_a_question_asks():
    # the noun counted is the whole word ("cán bộ"), not its first syllable (evidence._noun_at)
    assert asked_fact("Sở Tư pháp tỉnh Hậu Giang có bao nhiêu cán bộ, công chức?") == AskedFact("count",
                                                                                                         ("can bo",))
    assert asked_fact("Ai là Giám đốc Sở Tư pháp tỉnh Nam Định năm 2020?").kind == "post"
    assert asked_fact("đoàn kiểm tra do ai làm trưởng đoàn") == AskedFact("role", ("truong", "doan"))
    assert asked_fact("Kết quả kiểm tra năm 2019 của huyện Tân Hiệp được xếp loại gì?").kind == "rank"
    assert asked_fact("Chỉ số hài lòng của tỉnh đạt tỷ lệ bao nhiêu?").kind == "rate"
    # not a definite fact: an ordinal, a subject that is a post
    assert asked_fact("Kế hoạch thực hiện nghị quyết đại hội đảng bộ tỉnh lần thứ mấy?") == AskedFact()
    assert asked_fact("Chủ tịch UBND tỉnh yêu cầu những ai triển khai chỉ thị?") == AskedFact()
    assert asked_fact("Ai ký kế hoạch?", ("signer",)) == AskedFact("signer")


def test_how_a_fact_is_stated():
    role = AskedFact("role", ("truong", "doan"))
    assert states_fact("Trưởng đoàn: Lãnh đạo Sở Nội vụ.", role)  # a role may be answered by a designation …
    assert not states_fact("Trưởng đoàn: Lãnh đạo Sở Nội vụ.", AskedFact("post", ("truong", "doan")))  # … a post not
    assert states_fact("Tỷ lệ hài lòng đạt 92,5%.", AskedFact("rate"))
    assert not states_fact("Nâng cao tỷ lệ hài lòng của người dân.", AskedFact("rate"))
    assert states_fact("Đơn vị được xếp loại Tốt.", AskedFact("rank"))
    signer = AskedFact("signer")
    assert states_fact("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLâm Minh Thành", signer)
    assert states_fact("Phó Thủ tướng Phạm Bình Minh vừa ký ban hành Chỉ thị số 23.", signer)
    assert not states_fact("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", signer)  # the block of a page cut before the name


def _unit(text, score, nam="", tinh=""):
    passage = SimpleNamespace(text=text, section="", doc_id=f"d{score}")
    return SimpleNamespace(text=text, score=score, result=SimpleNamespace(
        passage=passage, doc_metadata={"nam": nam, "tinh": tinh, "tieu_de": ""}, rank=1))


def test_a_fact_stated_by_a_document_of_another_year_is_not_evidence():
    asks = SimpleNamespace(years=["2021"], provinces=[])
    fact = asked_fact("Ai là Giám đốc Sở Nội vụ năm 2021?")
    other_year = _unit("Ông Nguyễn Văn An, Giám đốc Sở Nội vụ làm Trưởng đoàn.", 2.0, nam="2018")
    asked_year = _unit("Giám đốc Sở Nội vụ chủ trì tổ chức kiểm tra.", 2.4, nam="2021")
    assert not fact_present([asked_year, other_year], fact, asks)
    assert fact_present([asked_year, _unit(other_year.text, 2.0, nam="2021")], fact, asks)


def test_the_rule_refuses_an_absent_fact_and_can_be_switched_off():
    f = AbstentionFeatures(coverage=1.0, unknown_share=0.0, unknown=(), type_found=False, fact="count",
                           fact_found=False)
    assert "không nêu số lượng" in AbstentionRule().reason(f)
    assert AbstentionRule(require_asked_fact=False).reason(f) == ""
