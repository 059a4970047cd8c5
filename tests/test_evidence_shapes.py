"""The shape of the fact asked decides what counts as stating it (issue 18, item 4: refuse only when the evidence is
absent), each rule with its answered twin:

- a sum of money ("mức phụ cấp … là bao nhiêu") is stated only by a number with its currency; a line about the
  allowance that gives no amount is no answer;
- a count's noun is the whole word: "bao nhiêu thành viên" is not answered by "07 xã, thành phố";
- a line naming other districts than the question's states none of their facts: the number of a notice of another
  district is not the number of the notice asked;
- a document that never writes the commune asked, and names another, is no evidence of the year asked (another
  commune's schedule for 2026 does not make a question about this commune's 2026 schedule answerable).

Tiny corpora indexed with the hashing embedder (their words decide, not a model); the texts are written for these
tests.
"""

from __future__ import annotations

import pytest

from assistant.evidence import asked_fact, names_other_localities, states_fact
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import index_texts

#: A province's plan that speaks of an allowance without its amount.
ALLOWANCE_PLAN = "\n".join((
    "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN",
    "Số: 41/KH-UBND",
    "Ninh Thuận, ngày 05 tháng 3 năm 2023",
    "KẾ HOẠCH",
    "Rà soát chế độ đối với người hoạt động không chuyên trách ở thôn",
    "1. Sở Nội vụ rà soát, đề xuất điều chỉnh mức phụ cấp trách nhiệm của trưởng thôn theo lộ trình cải cách.",
    ""))
#: A district's decision that states an allowance with its amount.
ALLOWANCE_DECISION = "\n".join((
    "ỦY BAN NHÂN DÂN HUYỆN HÒA VANG",
    "Số: 88/QĐ-UBND",
    "Hòa Vang, ngày 12 tháng 4 năm 2023",
    "QUYẾT ĐỊNH",
    "Về chế độ kiêm nhiệm của công chức văn phòng xã",
    "Điều 1. Công chức văn phòng xã kiêm nhiệm công tác văn thư được hưởng mức phụ cấp kiêm nhiệm 350.000 đồng/tháng.",
    ""))
#: A news post about an inspection team: where it worked, not how many members it has.
TEAM_POST = "\n".join((
    "Tổ công tác liên ngành tỉnh Ninh Thuận kiểm tra bộ phận một cửa",
    "Tổ công tác liên ngành của tỉnh Ninh Thuận đã làm việc tại 07 xã, thành phố và thị trấn trong tháng 5.",
    "Qua kiểm tra, Tổ công tác liên ngành đề nghị các địa phương niêm yết đầy đủ thủ tục hành chính.",
    ""))
#: A district's decision setting up a team, its members counted.
TEAM_DECISION = "\n".join((
    "ỦY BAN NHÂN DÂN HUYỆN HÒA VANG",
    "Số: 95/QĐ-UBND",
    "Hòa Vang, ngày 20 tháng 4 năm 2023",
    "QUYẾT ĐỊNH",
    "Thành lập Tổ kiểm tra văn thư lưu trữ của huyện",
    "Điều 1. Thành lập Tổ kiểm tra văn thư lưu trữ của huyện Hòa Vang gồm 09 thành viên.",
    ""))
#: A news post quoting the notice of one district (its number and date) …
DISTRICT_NEWS = "\n".join((
    "Lãnh đạo huyện tiếp công dân định kỳ",
    "Theo Thông báo số 45/TB-UBND ngày 03 tháng 01 năm 2024 của UBND huyện A Lưới về lịch tiếp công dân định kỳ năm"
    " 2024, Chủ tịch UBND huyện tiếp công dân vào ngày 15 hằng tháng.",
    ""))
#: … and another district's schedule of audiences, which writes neither its number nor its date.
DISTRICT_SCHEDULE = "\n".join((
    "Lịch tiếp công dân định kỳ của Chủ tịch UBND huyện Quảng Điền",
    "1. Chủ tịch UBND huyện Quảng Điền tiếp công dân định kỳ vào ngày thứ Ba của tuần đầu tiên hằng tháng tại trụ sở.",
    "2. Công chức Ban tiếp công dân tiếp thường xuyên trong giờ hành chính.",
    ""))


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("shapes"), {
        "kh-phu-cap.txt": ALLOWANCE_PLAN, "qd-phu-cap.txt": ALLOWANCE_DECISION, "tin-to-cong-tac.txt": TEAM_POST,
        "qd-to-kiem-tra.txt": TEAM_DECISION, "tin-tiep-dan.txt": DISTRICT_NEWS, "lich-tiep-dan.txt": DISTRICT_SCHEDULE})
    return Assistant(settings, HybridRetriever(store))


@pytest.mark.parametrize(("question", "fact"), [
    ("Công chức văn phòng xã kiêm nhiệm văn thư ở Hòa Vang được hưởng mức phụ cấp bao nhiêu?", "350.000 đồng"),
    ("Tổ kiểm tra văn thư lưu trữ của huyện Hòa Vang có bao nhiêu thành viên?", "09 thành viên"),
    ("Lịch tiếp công dân định kỳ năm 2024 của huyện A Lưới theo thông báo số mấy?", "45/TB-UBND"),
])
def test_the_fact_stated_in_its_shape_is_answered(assistant, question, fact):
    answer = assistant.ask(question)
    assert not answer.abstained, answer.text
    assert fact in answer.text


@pytest.mark.parametrize(("question", "why"), [
    ("Mức phụ cấp trách nhiệm của trưởng thôn ở Ninh Thuận là bao nhiêu?", "số tiền"),
    ("Tổ công tác liên ngành kiểm tra một cửa của tỉnh Ninh Thuận có bao nhiêu thành viên?", "số lượng"),
    ("Lịch tiếp công dân định kỳ của Chủ tịch UBND huyện Quảng Điền theo thông báo số mấy?", "số hiệu"),
])
def test_the_fact_absent_in_its_shape_is_refused(assistant, question, why):
    answer = assistant.ask(question)
    assert answer.abstained, answer.text
    assert why in answer.text


def test_a_sum_of_money_needs_its_currency():
    asked = asked_fact("Mức học phí của trường năm nay là bao nhiêu?")
    assert asked.kind == "money"
    assert states_fact("Học phí được thu 1.250.000 đồng mỗi tháng.", asked)
    assert states_fact("Tổng kinh phí thực hiện là 2,5 tỷ đồng.", asked)
    assert not states_fact("Nhà trường công khai mức học phí theo quy định.", asked)
    assert not states_fact("Có 06 đồng chí tham gia đoàn.", asked)
    # a province or a river whose name holds "tiền" or "đồng" is no sum asked
    assert asked_fact("Tỉnh Đồng Nai có bao nhiêu huyện?").kind == "count"
    assert asked_fact("Kế hoạch của Tiền Giang được ban hành năm mấy?").kind != "money"


def test_a_count_is_of_the_whole_noun():
    asked = asked_fact("Ban chỉ đạo của huyện có bao nhiêu thành viên?")
    assert asked.words == ("thanh vien",)
    assert states_fact("Ban chỉ đạo gồm 11 thành viên.", asked)
    assert not states_fact("Ban chỉ đạo làm việc tại 05 xã, thành phố.", asked)
    assert asked_fact("Huyện có mấy xã?").words == ("xa",)  # a one-syllable noun stays one syllable


def test_a_line_naming_another_district_is_not_about_the_one_asked():
    from types import SimpleNamespace as NS

    asked = NS(original="Quyết định thành lập đoàn kiểm tra của UBND huyện A Lưới số mấy?", text="")
    assert names_other_localities(NS(text="Quyết định số 12/QĐ-UBND của UBND huyện Quảng Điền"), asked)
    assert not names_other_localities(NS(text="Quyết định số 12/QĐ-UBND của UBND huyện A Lưới"), asked)
    assert not names_other_localities(NS(text="Quyết định số 12/QĐ-UBND ngày 02/3/2024"), asked)
    # a question naming no district rules out no line
    assert not names_other_localities(NS(text="Quyết định của UBND huyện Quảng Điền"),
                                      NS(original="Quyết định thành lập đoàn kiểm tra số mấy?", text=""))


def _schedule_unit(doc_id: str, line: str, year: str, coverage: float):
    """A unit of a commune's schedule of audiences whose document's year was read as ``year``."""
    from types import SimpleNamespace as NS

    passage = NS(text=line, section="", doc_id=doc_id)
    return NS(text=line, coverage=coverage, result=NS(passage=passage, doc_metadata={"nam": year, "tieu_de": ""}))


@pytest.mark.parametrize(("commune", "year", "covered"), [
    ("Ea Tu", "2026", True),  # the commune asked, the year of its own schedule
    ("Hòa Bắc", "2025", True),
    ("Hòa Bắc", "2026", False),  # only another commune's schedule is of 2026: no evidence of Hòa Bắc's
])
def test_another_communes_year_is_no_evidence_of_the_year_asked(commune, year, covered):
    from types import SimpleNamespace as NS

    from assistant.abstention import AbstentionRule, _year_ok

    texts = {"hoa-bac": "Lịch tiếp công dân định kỳ năm 2025\nĐịa điểm: trụ sở UBND xã Hòa Bắc.",
             "ea-tu": "Thông báo lịch tiếp công dân của UBND xã Ea Tu năm 2026"}
    units = [_schedule_unit("hoa-bac", "Chủ tịch UBND xã tiếp công dân vào thứ Năm hằng tuần.", "2025", 0.83),
             _schedule_unit("ea-tu", "Chủ tịch UBND xã tiếp công dân vào thứ Tư hằng tuần.", "2026", 0.70)]
    question = NS(original=f"Chủ tịch UBND xã {commune} tiếp công dân định kỳ năm {year} vào thứ mấy?", text="",
                  years=[year], provinces=[], doc_numbers=[])
    state = NS(memo=lambda key, build: {}, records={})
    assert _year_ok(units, 0.83, question, AbstentionRule(), state, texts.get) is covered


def test_a_document_number_asked_beside_funds_is_no_sum_asked():
    """"số mấy" asks the number of a document; naming the funds it is about ("vốn", "kinh phí") asks no sum, so the
    rule that refuses a sum no passage states must not fire (it refused such questions before)."""
    number_asked = asked_fact("Quyết định phân bổ vốn sự nghiệp năm 2024 được ban hành theo tờ trình số mấy?")
    assert number_asked.kind != "money"
    assert asked_fact("Kinh phí tổ chức hội nghị là bao nhiêu?").kind == "money"
    assert asked_fact("Ngân sách cấp cho mỗi xã là mấy tỷ đồng?").kind == "money"
