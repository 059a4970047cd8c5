"""Refusals read from the question's grammar and from the text the answer would rest on (issue 18, item 4), one
mechanism each, with its twin:

- "từ mấy giờ" asks a clock time, not a count of hours ("bao nhiêu giờ" still counts them);
- a news post's "Sáng 14-3, …" dates its event: it answers "vào ngày nào" though it writes no year, while a post
  saying no day is still refused;
- the words of a phrase that only asks for a time ("vào thời gian nào") are no topic a passage must carry;
- a line stating the fact asked carries its kind, whatever the scorer read in it: a post's body citing "Quyết định số
  2718/QĐ-UBND … phê duyệt Kế hoạch … năm 2024" answers which decision approved that plan, and its year is the
  year asked (a number line of a plan of 2019 is no reason to refuse), while a year no line is of, or a plan's number
  asked of a post citing a decision only, is still refused;
- the number of a document the body cites ("theo kế hoạch số mấy") is read on the lines an answer would quote;
- a district is the same however its apostrophe is typed ("Đăk R’lấp", "Đắk R'lấp").
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.evidence import AskedFact, asked_fact, document_of_other_localities, fact_present
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import index_texts

#: A district's notice of its chairman's reception hours: the day and the clock times.
RECEPTION = "\n".join((
    "ỦY BAN NHÂN DÂN HUYỆN MƯỜNG TÈ",
    "THÔNG BÁO",
    "Lịch tiếp công dân của Chủ tịch Ủy ban nhân dân huyện Mường Tè",
    "Chủ tịch Ủy ban nhân dân huyện tiếp công dân vào thứ Năm tuần thứ hai hằng tháng.",
    "Buổi chiều từ 13 giờ 30 đến 17 giờ tại phòng tiếp dân của huyện.",
    ""))
#: A news post dating its meeting by day and month only, as posts do.
MEETING = "\n".join((
    "Huyện ủy Tam Đường sơ kết chuyên đề dân vận chính quyền",
    "Sáng 14-3, Ban Thường vụ Huyện ủy Tam Đường tổ chức hội nghị sơ kết chuyên đề dân vận chính quyền.",
    "Hội nghị đánh giá kết quả công tác dân vận của các cơ quan hành chính trên địa bàn huyện.",
    ""))
#: A post about a hearing that names no day.
HEARING = "\n".join((
    "Thành ủy Lai Châu lắng nghe ý kiến thanh niên về chuyển đổi số",
    "Thường trực Thành ủy Lai Châu vừa tổ chức buổi lắng nghe ý kiến thanh niên về chuyển đổi số.",
    "Các ý kiến tập trung vào dịch vụ công trực tuyến và chữ ký số cho thanh niên.",
    ""))
#: A plan of the same topic and province, of 2019: its number and date lines carry a number and a time.
OTHER_PLAN = "\n".join((
    "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN",
    "Số: 31/KH-UBND",
    "Điện Biên, ngày 20 tháng 02 năm 2019",
    "KẾ HOẠCH",
    "Chuyển đổi số trong cơ quan nhà nước tỉnh Điện Biên năm 2019",
    "Các cơ quan ứng dụng chữ ký số trong văn bản điện tử trước ngày 30 tháng 4 năm 2019.",
    ""))
#: A post of 2024 on a plan's approval: the decision cited, dated the year before.
APPROVAL = "\n".join((
    "Tỉnh Điện Biên triển khai kế hoạch chuyển đổi số năm 2024",
    "Các sở, ngành đã xây dựng kế hoạch chuyển đổi số của đơn vị mình theo Quyết định số 2718/QĐ-UBND ngày"
    " 26/12/2023 của UBND tỉnh về phê duyệt Kế hoạch chuyển đổi số năm 2024.",
    "Năm 2024, tỉnh Điện Biên tập trung chuyển đổi số trong giải quyết thủ tục hành chính.",
    ""))


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("grammar"), {
        "tb-tiep-dan-muong-te.txt": RECEPTION, "tin-so-ket-dan-van.txt": MEETING, "tin-lang-nghe.txt": HEARING,
        "kh-31-cay-xanh.txt": OTHER_PLAN, "tin-chuyen-doi-so.txt": APPROVAL})
    return Assistant(settings, HybridRetriever(store))


def test_a_clock_time_asked_is_no_count():
    assert asked_fact("Chủ tịch huyện tiếp công dân buổi chiều từ mấy giờ?").kind == "hour"  # a clock time (A30)
    assert asked_fact("Mỗi năm cán bộ được bồi dưỡng bao nhiêu giờ?") == AskedFact("count", ("gio",))


@pytest.mark.parametrize(("question", "fact"), [
    ("Chủ tịch UBND huyện Mường Tè tiếp công dân vào thứ mấy, buổi chiều từ mấy giờ?", "13 giờ 30"),
    ("Ban Thường vụ Huyện ủy Tam Đường tổ chức hội nghị sơ kết chuyên đề dân vận chính quyền vào ngày nào?", "14-3"),
    ("Hội nghị sơ kết dân vận chính quyền của Huyện ủy Tam Đường diễn ra vào thời gian nào?", "14-3"),
    ("Quyết định phê duyệt kế hoạch chuyển đổi số năm 2024 của tỉnh Điện Biên số mấy?", "2718/QĐ-UBND"),
])
def test_the_fact_in_the_text_is_answered(assistant, question, fact):
    answer = assistant.ask(question)
    assert not answer.abstained, answer.text
    assert fact in answer.text


@pytest.mark.parametrize("question", [
    "Thành ủy Lai Châu tổ chức buổi lắng nghe ý kiến thanh niên về chuyển đổi số vào ngày nào?",
    "Thành ủy Lai Châu lắng nghe ý kiến thanh niên về chuyển đổi số trong bao nhiêu giờ?",
    "Quyết định phê duyệt kế hoạch chuyển đổi số năm 2021 của tỉnh Điện Biên số mấy?",
    "Kế hoạch chuyển đổi số năm 2024 của UBND tỉnh Điện Biên là kế hoạch số mấy?",  # the post cites a decision only
])
def test_the_fact_absent_is_still_refused(assistant, question):
    assert assistant.ask(question).abstained


def _unit(text, coverage, score, doc_id="d"):
    result = SimpleNamespace(passage=SimpleNamespace(text=text, section="", doc_id=doc_id),
                             doc_metadata={"nam": "", "tinh": "", "tieu_de": ""})
    return SimpleNamespace(text=text, result=result, score=score, coverage=coverage, role="", carries=set())


def test_a_cited_documents_number_is_read_on_the_lines_an_answer_quotes():
    asks = SimpleNamespace(years=[], provinces=[], doc_numbers=[])
    topic = _unit("UBND tỉnh yêu cầu cán bộ không dùng xe công đi lễ hội trong giờ hành chính.", 0.9, 3.0)
    cited = _unit("UBND tỉnh vừa ban hành Kế hoạch số 07/KH-UBND ngày 10/01/2024 về nhiệm vụ đầu năm.", 0.4, 1.4)
    unrelated = _unit("UBND tỉnh đề nghị các sở rà soát thủ tục hành chính.", 0.4, 1.4)
    fact = AskedFact("identity", ("number", "basis"))
    assert fact_present([topic, cited], fact, asks)
    assert not fact_present([topic, unrelated], fact, asks)


def test_a_district_is_the_same_whatever_its_apostrophe():
    q = SimpleNamespace(original="Kế hoạch của UBND huyện Đắk R'lấp số mấy?", text="")
    unit = SimpleNamespace(result=SimpleNamespace(passage=SimpleNamespace(text="Kế hoạch số 15/KH-UBND", doc_id="d")))
    own = {"d": "UBND HUYỆN ĐĂK R’LẤP\nKế hoạch của UBND huyện Đăk R’lấp"}.get
    other = {"d": "Kế hoạch của UBND huyện Tuy Đức"}.get
    assert not document_of_other_localities(unit, q, doc_text=own)
    assert document_of_other_localities(unit, q, doc_text=other)
