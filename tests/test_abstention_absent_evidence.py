"""Refusals where the evidence is absent (issue 18, item 4), one mechanism each, on a tiny index of literal texts:

- a line stating the fact asked for another year ("năm 2022 … đạt 81,25 điểm") is no evidence of the year asked,
  even when another line of its paragraph writes that year or a period holding it;
- a basis line ("Thực hiện Nghị quyết số 15/NQ-CP ngày …") states the number and date of the document it rests on,
  not of the document asked about (a draft whose "Số:" and date are blank);
- "Phó Chủ tịch nào ký …" asks for the signer as "ai ký" does: a page cut after "KT. CHỦ TỊCH" does not name one;
- a province asked whose name no best line's document writes, when those documents name other provinces only (a
  national post ranking three others), while a document naming no province at all is never ruled out;
- a document number asked with its year ("53/2014/NQ-HĐND") that no document has and no passage found writes with
  that year, though its serial is written elsewhere ("Nghị định số 53/2010/NĐ-CP").

Each refusal has an answered twin: the year the line does name, the basis asked for, a page with the name.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.evidence import AskedFact, asked_fact, fact_present, unit_year_cover
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from retriever.intent import answer_types
from tests.texts_index import index_texts

#: A provincial bulletin pasted as one long paragraph (cut into its sentences): a period holding 2023, a score of
#: 2022.
BULLETIN = (
    "Điểm tin tuần của tỉnh Hưng Yên: + Hội nghị sơ kết phong trào thi đua giai đoạn 2021-2025 của tỉnh Hưng Yên đã"
    " được tổ chức tại Nhà văn hóa tỉnh. + Chỉ số hài lòng của người dân đối với dịch vụ hành chính công năm 2022 của"
    " tỉnh Hưng Yên đạt 81,25 điểm, xếp thứ 20/63 tỉnh thành. + Đoàn thanh niên tỉnh Hưng Yên ra quân tình nguyện hè"
    " tại các xã vùng bãi ven sông Hồng. + Sở Nông nghiệp tỉnh Hưng Yên hướng dẫn nông dân chăm sóc lúa xuân, phòng trừ"
    " sâu bệnh và chuẩn bị thu hoạch nhãn lồng.\n")

#: A draft submission: the number and the date left blank, a basis line with another document's number and date.
DRAFT = "\n".join((
    "BỘ NỘI VỤ",
    "Số:",
    "Hà Nội, ngày tháng năm 2026",
    "TỜ TRÌNH",
    "Về dự thảo Quy chế phối hợp giữa các đơn vị trong công tác lưu trữ điện tử",
    "Thực hiện Nghị quyết số 15/NQ-CP ngày 20 tháng 3 năm 2026 của Chính phủ, Bộ Nội vụ kính trình dự thảo Quy chế"
    " phối hợp giữa các đơn vị trong công tác lưu trữ điện tử như sau:",
    "I. SỰ CẦN THIẾT",
    "Công tác lưu trữ điện tử giữa các đơn vị còn thiếu thống nhất, cần một quy chế phối hợp chung.",
    ""))

#: A decision page cut after the post it is signed under (no name), and one with its signature block whole.
CUT = "\n".join((
    "ỦY BAN NHÂN DÂN",
    "TỈNH PHÚ YÊN",
    "Số: 77/QĐ-UBND",
    "Phú Yên, ngày 15 tháng 01 năm 2019",
    "QUYẾT ĐỊNH",
    "Ban hành Quy chế tiếp nhận hồ sơ trực tuyến tại Trung tâm Phục vụ hành chính công tỉnh",
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp nhận hồ sơ trực tuyến tại Trung tâm Phục vụ hành chính"
    " công tỉnh.",
    "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    ""))
#: A resolution whose basis cites a decree with the same serial as the resolution asked about, of another year.
RESOLUTION = "\n".join((
    "HỘI ĐỒNG NHÂN DÂN",
    "TỈNH LAI CHÂU",
    "Số: 52/2014/NQ-HĐND",
    "Lai Châu, ngày 10 tháng 12 năm 2014",
    "NGHỊ QUYẾT",
    "Về chính sách hỗ trợ đào tạo nghề cho lao động nông thôn tỉnh Lai Châu năm 2015",
    "Căn cứ Nghị định số 53/2010/NĐ-CP ngày 15 tháng 5 năm 2010 của Chính phủ về dạy nghề;",
    "Điều 1. Hỗ trợ toàn bộ chi phí học nghề cho lao động nông thôn thuộc hộ nghèo trên địa bàn tỉnh.",
    ""))
#: A national post ranking provinces; none of them is Lai Châu.
RANKING = "\n".join((
    "Công bố Chỉ số năng lực cạnh tranh cấp tỉnh năm 2024",
    "Chỉ số năng lực cạnh tranh cấp tỉnh năm 2024 của 63 tỉnh, thành phố đã được công bố.",
    "Quảng Ninh, Bắc Ninh và Hải Phòng dẫn đầu bảng xếp hạng chỉ số năng lực cạnh tranh cấp tỉnh năm 2024.",
    ""))
WHOLE = CUT.replace("77/QĐ-UBND", "78/QĐ-UBND").replace("tiếp nhận hồ sơ trực tuyến", "lưu trữ hồ sơ điện tử") \
    + "Đào Mạnh Thắng\n"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("absent"), {
        "diem-tin-hung-yen.txt": BULLETIN, "to-trinh-luu-tru.txt": DRAFT, "qd-77.txt": CUT, "qd-78.txt": WHOLE,
        "nq-52.txt": RESOLUTION, "tin-xep-hang.txt": RANKING})
    return Assistant(settings, HybridRetriever(store))


@pytest.mark.parametrize("question", [
    "Chỉ số hài lòng của người dân đối với dịch vụ hành chính công năm 2023 của tỉnh Hưng Yên đạt bao nhiêu điểm?",
    "Tờ trình của Bộ Nội vụ về dự thảo Quy chế phối hợp trong công tác lưu trữ điện tử mang số mấy, ký ngày nào?",
    "Phó Chủ tịch nào ký Quyết định 77/QĐ-UBND về quy chế tiếp nhận hồ sơ trực tuyến của tỉnh Phú Yên?",
    "Nghị quyết số 53/2014/NQ-HĐND của HĐND tỉnh Lai Châu quy định về nội dung gì?",
    "Kết quả chỉ số năng lực cạnh tranh cấp tỉnh của tỉnh Lai Châu ra sao?",
])
def test_a_fact_absent_from_the_lines_that_would_be_quoted_is_refused(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained, answer.text


@pytest.mark.parametrize(("question", "fact"), [
    ("Chỉ số hài lòng của người dân đối với dịch vụ hành chính công năm 2022 của tỉnh Hưng Yên đạt bao nhiêu điểm?",
     "81,25"),
    ("Tờ trình của Bộ Nội vụ về dự thảo Quy chế phối hợp công tác lưu trữ điện tử thực hiện theo nghị quyết số mấy?",
     "15/NQ-CP"),
    ("Phó Chủ tịch nào ký Quyết định 78/QĐ-UBND về quy chế lưu trữ hồ sơ điện tử của tỉnh Phú Yên?", "Đào Mạnh Thắng"),
    ("Nghị quyết số 52/2014/NQ-HĐND của HĐND tỉnh Lai Châu quy định về nội dung gì?", "chi phí học nghề"),
    ("Kết quả chỉ số năng lực cạnh tranh cấp tỉnh của tỉnh Bắc Ninh ra sao?", "dẫn đầu"),
])
def test_the_same_fact_stated_is_answered(assistant, question, fact):
    answer = assistant.ask(question)
    assert not answer.abstained, answer.text
    assert fact in answer.text


def _unit(text, passage, nam="", role=""):
    result = SimpleNamespace(passage=SimpleNamespace(text=passage, section="", doc_id="d"),
                             doc_metadata={"nam": nam, "tinh": "", "tieu_de": ""})
    return SimpleNamespace(text=text, result=result, score=1.0, coverage=1.0, role=role)


def test_a_line_naming_another_year_speaks_of_that_year():
    line = "Tỷ lệ hồ sơ trực tuyến năm 2021 của huyện đạt 64%."
    assert unit_year_cover(_unit(line, "Kế hoạch giai đoạn 2021-2025. " + line), ["2024"]) == "other"
    assert unit_year_cover(_unit(line, line), ["2021"]) == "covers"
    assert unit_year_cover(_unit(line, line, nam="2024"), ["2024"]) == "covers"  # the document's own year decides
    asks = SimpleNamespace(years=["2024"], provinces=[], doc_numbers=[])
    assert not fact_present([_unit(line, "Giai đoạn 2021-2025. " + line)], asked_fact("đạt tỷ lệ bao nhiêu?"), asks)


def test_a_basis_line_states_another_documents_number():
    basis = _unit("Căn cứ Quyết định số 25/QĐ-TTg ngày 05/02/2024 của Thủ tướng Chính phủ;", "", role="basis")
    asks = SimpleNamespace(years=[], provinces=[], doc_numbers=[])
    assert not fact_present([basis], AskedFact("identity", ("number",)), asks)
    assert fact_present([basis], AskedFact("identity", ("number", "basis")), asks)


def test_a_post_asked_with_nao_ky_asks_the_signer():
    assert answer_types("Phó Chủ tịch nào đã ký kế hoạch này?") == ("signer",)
    assert answer_types("ong nao ky quyet dinh thanh lap doan kiem tra") == ("signer",)
    assert "signer" not in answer_types("Quyết định này giao cho sở nào thực hiện?")
