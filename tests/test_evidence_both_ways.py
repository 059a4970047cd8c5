"""Refusals that follow the evidence, both ways (issue 18, item 4): a question is answered when a unit the answer would
quote holds what it asks, and refused when none does, whatever the fields read from the text say.

Answered, not refused: a signer in a portal's "Người ký" cell flattened without a colon; a count written in words
("mỗi tháng một lần"); "khi nào" answered by the case a rule applies in ("Trường hợp …"); a news post's date on its
dateline. Refused, not answered: a signer read from a province's name in an article ("… tỉnh Hà Giang"); a rank
stated of another province; a document's number and date the text does not give; a date of effect the excerpt does
not reach; a numbered sitting ("phiên họp thứ tám") when only another one is reported.

A tiny corpus indexed with the hashing embedder (its words decide, not a model).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.abstention import AbstentionFeatures, AbstentionRule
from assistant.evidence import (
    AskedFact,
    answers_when_by_condition,
    asked_fact,
    names_other_places,
    ordinal_conflict,
    states_fact,
)
from assistant.grounded.units import line_role
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import index_texts
from textnorm.patterns import SIGNER_FIELD, number_words_as_digits

#: A portal page: the fields table flattened, label and value on one line without a colon, then the plan's excerpt.
PORTAL_PLAN = "\n".join((
    "Kế hoạch 77/KH-UBND về kiểm tra công tác văn thư lưu trữ trên địa bàn tỉnh Bình Phước năm 2024",
    "Số hiệu 77/KH-UBND",
    "Ngày ban hành 12/03/2024",
    "Loại văn bản Kế hoạch",
    "Người ký Trần Tuyết Minh",
    "",
    "ỦY BAN NHÂN DÂN",
    "TỈNH BÌNH PHƯỚC",
    "Số: 77/KH-UBND",
    "Bình Phước, ngày 12 tháng 3 năm 2024",
    "KẾ HOẠCH",
    "Kiểm tra công tác văn thư lưu trữ trên địa bàn tỉnh năm 2024",
    "I. MỤC ĐÍCH",
    "Đánh giá việc chấp hành quy định về văn thư lưu trữ của các cơ quan, đơn vị.",
    ""))

#: A district's working rules: sittings counted in words, a sitting called on a condition.
RULES = "\n".join((
    "QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN HUYỆN LỘC NINH",
    "Chương V. HỘI HỌP",
    "Điều 21. Phiên họp Ủy ban nhân dân huyện",
    "1. Ủy ban nhân dân huyện họp thường kỳ mỗi tháng một lần vào tuần cuối của tháng.",
    "2. Chủ tịch Ủy ban nhân dân huyện triệu tập phiên họp thường kỳ. Trường hợp xét thấy cần thiết hoặc theo yêu cầu"
    " của ít nhất một phần ba tổng số thành viên, Chủ tịch Ủy ban nhân dân huyện triệu tập phiên họp bất thường.",
    ""))

#: A decision excerpt: its executing article names posts and the province; no signature block.
DECISION = "\n".join((
    "ỦY BAN NHÂN DÂN",
    "TỈNH CAO BẰNG",
    "Số: 905/QĐ-UBND",
    "Cao Bằng, ngày 06 tháng 6 năm 2016",
    "QUYẾT ĐỊNH",
    "Về việc ban hành Quy chế hoạt động của Ban Chỉ đạo phổ biến giáo dục pháp luật tỉnh Cao Bằng",
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động của Ban Chỉ đạo phổ biến giáo dục pháp luật tỉnh.",
    "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở, Chủ tịch Ủy ban nhân dân các huyện và các thành"
    " viên Ban Chỉ đạo phổ biến giáo dục pháp luật tỉnh Cao Bằng căn cứ Quyết định thi hành.",
    ""))

#: A national news post: ranks stated of other provinces; a sitting numbered; a dateline.
NEWS = "\n".join((
    "Công bố chỉ số năng lực cạnh tranh cấp tỉnh",
    "08:15 14/05/2022 | Lượt xem: 2041",
    "Chỉ số năng lực cạnh tranh cấp tỉnh năm 2021 của 63 địa phương đã được công bố.",
    "Thành phố Đà Nẵng xếp thứ 2/63 tỉnh, thành phố về chỉ số năng lực cạnh tranh cấp tỉnh, đạt 70,5 điểm; tỉnh"
    " Quảng Ninh xếp thứ 1/63 tỉnh, thành phố.",
    "Chiều 12/5, Hội đồng tư vấn cải cách thủ tục hành chính tổ chức Phiên họp thứ bảy để đánh giá kết quả năm 2021.",
    ""))

#: A province's post on the same index that states no rank of its own.
PROVINCE_NEWS = "\n".join((
    "UBND tỉnh Quảng Nam họp bàn giải pháp nâng cao chỉ số năng lực cạnh tranh cấp tỉnh",
    "Ngày 20/5/2022, UBND tỉnh Quảng Nam tổ chức hội nghị bàn giải pháp nâng cao chỉ số năng lực cạnh tranh cấp tỉnh"
    " trong năm 2022.",
    ""))
#: A notice without its number or date; a decree's excerpt that ends before its article on effect.
NOTICE = "\n".join((
    "Thông báo lịch trực tiếp nhận hồ sơ của UBND xã Minh Hưng năm 2025",
    "Ủy ban nhân dân xã Minh Hưng thông báo lịch trực tiếp nhận hồ sơ như sau:",
    "1. Công chức Văn phòng - Thống kê trực vào sáng thứ Hai và thứ Tư hằng tuần.",
    ""))
DECREE = "\n".join((
    "CHÍNH PHỦ",
    "Số: 36/2012/NĐ-CP",
    "Hà Nội, ngày 18 tháng 4 năm 2012",
    "NGHỊ ĐỊNH",
    "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của bộ, cơ quan ngang bộ",
    "Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;",
    "Điều 1. Vị trí và chức năng của bộ, cơ quan ngang bộ",
    "Bộ, cơ quan ngang bộ là cơ quan của Chính phủ thực hiện chức năng quản lý nhà nước về một hoặc một số ngành.",
    ""))


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("both-ways"), {
        "kh-binh-phuoc.txt": PORTAL_PLAN, "quy-che-loc-ninh.txt": RULES, "qd-cao-bang.txt": DECISION,
        "tin-chi-so.txt": NEWS, "tin-quang-nam.txt": PROVINCE_NEWS, "tb-minh-hung.txt": NOTICE, "nd-36.txt": DECREE})
    return Assistant(settings, HybridRetriever(store))


@pytest.mark.parametrize(("question", "fact"), [
    ("Kế hoạch kiểm tra văn thư lưu trữ năm 2024 của Bình Phước do ai ký?", "Trần Tuyết Minh"),
    ("ai ky ke hoach kiem tra van thu luu tru binh phuoc 2024", "Trần Tuyết Minh"),
    ("UBND huyện Lộc Ninh họp thường kỳ mấy lần một tháng?", "mỗi tháng một lần"),
    ("Theo quy chế, khi nào Chủ tịch UBND huyện Lộc Ninh triệu tập phiên họp bất thường?", "một phần ba"),
])
def test_evidence_in_the_quoted_units_is_answered(assistant, question, fact):
    answer = assistant.ask(question)
    assert not answer.abstained, answer.text
    assert fact in answer.text


@pytest.mark.parametrize(("question", "why"), [
    ("Ai ký Quyết định 905/QĐ-UBND về quy chế Ban Chỉ đạo phổ biến giáo dục pháp luật tỉnh Cao Bằng?", "người ký"),
    ("Chỉ số năng lực cạnh tranh cấp tỉnh năm 2022 của tỉnh Quảng Nam xếp thứ mấy?", "xếp hạng"),
    ("Thông báo lịch trực tiếp nhận hồ sơ của UBND xã Minh Hưng ký ngày nào, số mấy?", "số hiệu"),
    ("Nghị định 36/2012/NĐ-CP về chức năng của bộ, cơ quan ngang bộ có hiệu lực từ ngày nào?", "hiệu lực"),
    ("Phiên họp thứ tám của Hội đồng tư vấn cải cách thủ tục hành chính diễn ra khi nào?", "số thứ tự"),
])
def test_evidence_absent_from_the_quoted_units_is_refused(assistant, question, why):
    answer = assistant.ask(question)
    assert answer.abstained, answer.text
    assert why in answer.text


def test_a_news_post_is_dated_by_its_dateline(assistant):
    answer = assistant.ask("Bài công bố chỉ số năng lực cạnh tranh cấp tỉnh đăng ngày nào?")
    assert not answer.abstained, answer.text
    assert "14/05/2022" in answer.text


# -- the mechanisms, one by one ----------------------------------------------------------------------------------
def test_a_portal_signer_cell_is_read_with_or_without_its_colon():
    assert line_role("Người ký Trần Tuyết Minh") == "signature"
    assert [SIGNER_FIELD.search(t).group("name") for t in ("| Người ký | Lê Văn Tám |", "Người ký: Hồ Thị Lan")] == [
        "Lê Văn Tám", "Hồ Thị Lan"]
    assert SIGNER_FIELD.search("Người ký: đang cập nhật") is None


def test_a_province_named_after_posts_is_no_signer():
    text = "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở và Ban Chỉ đạo tỉnh Cao Bằng thi hành."
    assert not states_fact(text, AskedFact("signer"))
    assert states_fact("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Xuân Ánh", AskedFact("signer"))


def test_a_count_written_in_words_is_a_count():
    assert number_words_as_digits("họp mỗi quý hai lần; một số xã") == "họp mỗi quý 2 lần; một số xã"
    assert states_fact("Hội đồng họp mỗi quý hai lần.", asked_fact("Hội đồng họp mấy lần một quý?"))
    assert not states_fact("Hội đồng họp định kỳ theo quy chế.", asked_fact("Hội đồng họp mấy lần một quý?"))


def test_a_condition_answers_khi_nao_only():
    rule = "Trường hợp có yêu cầu của cơ quan cấp trên, Trưởng ban triệu tập họp đột xuất."
    assert answers_when_by_condition("Khi nào Trưởng ban triệu tập họp đột xuất?", rule)
    assert not answers_when_by_condition("Trưởng ban triệu tập họp đột xuất vào tháng mấy?", rule)


def test_a_rank_of_another_province_is_not_the_one_asked():
    question = SimpleNamespace(provinces=["Quảng Nam"])
    stated = SimpleNamespace(text="Thành phố Đà Nẵng xếp thứ 2/63 tỉnh, thành phố.",
                             result=SimpleNamespace(doc_metadata={"tinh": ""}))
    assert names_other_places(stated, question)
    own = SimpleNamespace(text=stated.text, result=SimpleNamespace(doc_metadata={"tinh": "Quảng Nam"}))
    assert not names_other_places(own, question)


def test_an_identity_or_effect_asked_needs_it_stated():
    identity = asked_fact("Thông báo của xã ký ngày nào, số mấy?", ("number", "issue_date"))
    assert states_fact("Thông báo số 08/TB-UBND ngày 05/01/2025 của UBND xã", identity)
    assert not states_fact("Ủy ban nhân dân xã thông báo lịch trực như sau:", identity)
    effect = asked_fact("Nghị định này có hiệu lực từ khi nào?")
    assert states_fact("Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 6 năm 2012.", effect)
    assert not states_fact("Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;", effect)


def test_another_numbered_sitting_is_not_the_one_asked():
    units = [SimpleNamespace(text="Hội đồng tổ chức Phiên họp thứ bảy để đánh giá kết quả.", score=1.0)]
    assert ordinal_conflict("Phiên họp thứ tám của Hội đồng diễn ra khi nào?", units) == "phien hop 8"
    assert ordinal_conflict("Phiên họp thứ 7 của Hội đồng diễn ra khi nào?", units) == ""
    assert ordinal_conflict("Hội đồng họp khi nào?", units) == ""
    refused = AbstentionRule().reason(AbstentionFeatures(coverage=0.9, unknown_share=0.0, unknown=(),
                                                         type_found=True, other_ordinal="phien hop 8"))
    assert "số thứ tự" in refused


def test_a_dateline_counts_with_its_post():
    from assistant.abstention import _dated_coverage

    line = SimpleNamespace(text="08:15 14/05/2022 | Lượt xem: 2041", doc_id="tin", coverage=0.2)
    lead = SimpleNamespace(text="Chỉ số năng lực cạnh tranh cấp tỉnh đã được công bố.", doc_id="tin", coverage=0.8)
    other = SimpleNamespace(text="Bình Phước, ngày 12 tháng 3 năm 2024", doc_id="kh", coverage=0.9)
    assert _dated_coverage(line, [line, lead, other]) == 0.8
    assert _dated_coverage(other, [line, lead, other]) == 0.9  # a place-and-date line is lifted by the scorer
