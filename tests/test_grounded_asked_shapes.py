"""The fact asked, quoted (issue 18, target "facts ≥ 0.90"): the answer quotes the line that states the kind of fact
the question asks, and a line that states it is evidence, not a reason to refuse.

One literal test per mechanism, on tiny documents and a tiny lexical state (no Chroma, no embedder), every question
and line written for the test:

- a document cited with its number and date answers "QĐ … số mấy" / "kèm theo quyết định nào, ngày nào" when the
  quoted document has none of its own, or is of another kind; only within the question's year and province;
- a time asked is a time stated, not the year of a document's number, and "có hiệu lực từ ngày nào" is answered by the
  line saying so;
- an enumeration answering a list question is quoted whole;
- a person named in a row answers "ai là người …";
- a venue ("tại Hội trường …") answers "ở đâu", not "ở địa chỉ nào";
- "đăng ký trước ngày nào" asks a deadline, not a date of signing;
- a purpose ("Nhằm …"), a definition ("X là …"), a field ("Học phần: …") and an ordinal ("Kỳ họp thứ 5") are
  matched to the question that asks them;
- a basis line citing the number asked states it, and "xếp hạng Tốt" states a grade (the refusal rules).
"""

from __future__ import annotations

from assistant.abstention import AbstentionRule
from assistant.abstention import features as abstention_features
from assistant.evidence import AskedFact, fact_present, states_fact
from assistant.grounded import GroundedConfig, score_all
from assistant.grounded.scoring import carried_types
from assistant.grounded.units import QuotedSpan
from index.lexical_state import LexicalState
from retriever.hybrid import SearchResult
from retriever.intent import answer_types
from retriever.query import analyze_query
from tests import grounded_state
from tests.grounded_state import search_results as _results

#: Unrelated passages, so that word weights mean something (one more than the shared ones).
OTHERS = (*grounded_state.OTHERS, "Kho bạc nhà nước kiểm soát chi.")


def _state(results: list[SearchResult]) -> LexicalState:
    return grounded_state.tiny_state(results, OTHERS)


def _compose(question: str, results: list[SearchResult], cfg: GroundedConfig = GroundedConfig()):
    return grounded_state.compose(question, results, cfg, OTHERS)


def _refusal(question: str, results: list[SearchResult]) -> str:
    """The refusal reason the rule gives for the question on these passages ("" to answer)."""
    state = _state(results)
    analysis = analyze_query(question, state.restorer)
    units, _ = score_all(results, analysis, state, GroundedConfig())
    rule = AbstentionRule(min_dense=0.0)
    return rule.reason(abstention_features(units, analysis, state, rule))


POST = {"loai_van_ban": "Tin bài", "tinh": "Lào Cai", "source": "corpus/tin-bao-yen.txt",
        "tieu_de": "Huyện Bảo Yên kiểm tra công tác cải cách hành chính năm 2019"}
POST_LINES = [
    ("Phần mở đầu", "Huyện Bảo Yên kiểm tra công tác cải cách hành chính năm 2019"),
    ("Phần mở đầu", "Từ ngày 12/8/2019, huyện kiểm tra cải cách hành chính tại 17 xã, thị trấn theo Quyết định số "
                    "842/QĐ-UBND ngày 02/8/2019 của Chủ tịch UBND huyện về việc lập tổ kiểm tra cải cách hành chính."),
    ("Phần mở đầu", "Qua kiểm tra, các xã đã niêm yết thủ tục hành chính đúng quy định."),
]


def test_a_decision_cited_in_a_post_answers_the_number_asked_by_its_abbreviation():
    question = "QĐ lập tổ kiểm tra cải cách hành chính năm 2019 của huyện Bảo Yên số mấy, ngày nào?"
    results = _results("tin-bao-yen", POST, POST_LINES)
    state = _state(results)
    line = QuotedSpan(results[1], results[1].passage.start, results[1].passage.end, POST_LINES[1][1], "sentence")
    assert {"number", "issue_date"} <= carried_types(line, analyze_query(question, state.restorer))
    assert _refusal(question, results) == ""
    answer = _compose(question, results)
    assert "842/QĐ-UBND ngày 02/8/2019" in answer.citations[0].quote, answer.text


def test_a_cited_decision_of_another_year_or_province_is_no_answer():
    results = _results("tin-bao-yen", POST, POST_LINES)
    state = _state(results)
    line = QuotedSpan(results[1], results[1].passage.start, results[1].passage.end, POST_LINES[1][1], "sentence")
    for question, carries in (("QĐ lập tổ kiểm tra của huyện Bảo Yên năm 2019 số mấy?", True),
                              ("QĐ lập tổ kiểm tra của huyện Bảo Yên năm 2021 số mấy?", False),
                              ("QĐ lập tổ kiểm tra năm 2019 của tỉnh Điện Biên số mấy?", False)):
        analysis = analyze_query(question, state.restorer)
        assert ("number" in carried_types(line, analysis)) is carries, question


def test_a_rule_issued_with_a_decision_answers_which_decision_and_its_date():
    meta = {"loai_van_ban": "Quy định", "so_hieu": "21/2015/QĐ-UBND", "tinh": "Hà Giang", "nam": "2015",
            "tieu_de": "Quy định về công tác lưu trữ", "source": "corpus/quy-dinh-luu-tru.txt"}
    results = _results("quy-dinh-luu-tru", meta, [
        ("Phần mở đầu", "QUY ĐỊNH Về công tác lưu trữ trên địa bàn tỉnh Hà Giang"),
        ("Phần mở đầu", "(Ban hành kèm theo Quyết định số 21/2015/QĐ-UBND ngày 14 tháng 8 năm 2015 của UBND tỉnh)"),
        ("Điều 1", "1. Quy định này áp dụng đối với các cơ quan, tổ chức thuộc tỉnh về công tác lưu trữ."),
    ])
    question = "Quy định về công tác lưu trữ của tỉnh Hà Giang được ban hành kèm theo quyết định nào, ngày nào?"
    assert _refusal(question, results) == ""
    answer = _compose(question, results)
    assert "ngày 14 tháng 8 năm 2015" in answer.citations[0].quote, answer.text


def test_the_date_of_effect_is_the_line_saying_so_not_a_title_with_a_year():
    meta = {"loai_van_ban": "Nghị định", "so_hieu": "61/2018/NĐ-CP", "nam": "2018",
            "tieu_de": "Về thực hiện cơ chế một cửa", "source": "corpus/nd-61.txt"}
    results = _results("nd-61", meta, [
        ("Chương VI", "Nghị định 61/2018/NĐ-CP về thực hiện cơ chế một cửa trong giải quyết thủ tục hành chính"),
        ("Điều 40", "2. Các bộ, ngành hoàn thiện cơ chế một cửa trong giải quyết thủ tục hành chính trước ngày 31 "
                    "tháng 12 năm 2018."),
        ("Điều 41", "1. Nghị định này có hiệu lực thi hành từ ngày 21 tháng 6 năm 2018."),
    ])
    answer = _compose("Nghị định 61/2018/NĐ-CP về cơ chế một cửa trong giải quyết thủ tục hành chính có hiệu lực "
                      "từ ngày nào?", results)
    assert answer.citations[0].quote.endswith("từ ngày 21 tháng 6 năm 2018."), answer.text


def test_an_enumeration_answering_a_list_question_is_quoted_whole():
    meta = {"loai_van_ban": "Nghị định", "so_hieu": "12/2012/NĐ-CP", "nam": "2012", "source": "corpus/nd-12.txt"}
    fields = "; ".join(f"lĩnh vực thứ {n} gồm quản lý công việc số {n}" for n in range(1, 14)) + "; lưu trữ hồ sơ."
    line = "Sở Nội vụ tham mưu quản lý nhà nước về các ngành, lĩnh vực: " + fields
    assert len(line) > GroundedConfig().max_quote_chars
    results = _results("nd-12", meta, [("Điều 1", line)])
    answer = _compose("Sở Nội vụ tham mưu quản lý nhà nước về những ngành, lĩnh vực nào?", results)
    assert "lưu trữ hồ sơ" in answer.text, answer.text


def test_a_person_named_in_a_row_answers_who():
    meta = {"loai_van_ban": "Thông báo", "tinh": "Quảng Trị", "source": "corpus/tb-tiep-dan.txt",
            "tieu_de": "Lịch tiếp công dân của xã Hải Lăng"}
    results = _results("tb-tiep-dan", meta, [
        ("1. Tiếp công dân định kỳ", "UBND xã Hải Lăng thông báo lịch tiếp công dân định kỳ năm 2026 như sau:"),
        ("1. Tiếp công dân định kỳ", "Tháng 3 | Phan Văn Hiếu | Chủ tịch | Ngày 05; 12; 19; 26 |"),
    ])
    answer = _compose("Ai là người tiếp công dân định kỳ của UBND xã Hải Lăng?", results)
    assert "Phan Văn Hiếu" in answer.text.split("\n")[0], answer.text


def test_a_venue_answers_where_but_not_which_address():
    results = _results("tin-cham-diem", {"loai_van_ban": "Tin bài", "source": "corpus/tin-cham-diem.txt"}, [
        ("Phần mở đầu", "Đại diện UBND huyện Vân Đồn chấm điểm chỉ số cải cách hành chính tại Hội trường Sở Nội vụ."),
    ])
    state = _state(results)
    line = QuotedSpan(results[0], 0, 10, results[0].passage.text, "sentence")
    where = analyze_query("Huyện Vân Đồn chấm điểm chỉ số cải cách hành chính ở đâu?", state.restorer)
    address = analyze_query("Sở Nội vụ ở địa chỉ nào?", state.restorer)
    assert "place" in carried_types(line, where)
    assert "place" not in carried_types(line, address)


def test_registering_before_a_day_is_a_deadline_not_a_date_of_signing():
    assert answer_types("Người dân muốn gặp Chủ tịch xã phải đăng ký trước ngày nào?") == ("time",)
    assert answer_types("Thông báo này được ký ngày nào?") == ("issue_date",)


def test_the_shape_asked_is_quoted_purpose_definition_field_ordinal():
    post = {"loai_van_ban": "Tin bài", "source": "corpus/tin-muc-dich.txt"}
    results = _results("tin-muc-dich", post, [
        ("Phần mở đầu", "Tỉnh tổ chức kiểm tra cải cách hành chính năm 2017 tại các sở, ngành và địa phương trên "
                        "địa bàn, theo kế hoạch đã ban hành."),
        ("Phần mở đầu", "Nhằm nắm bắt kết quả thực hiện nhiệm vụ của từng cơ quan."),
    ])
    answer = _compose("Việc kiểm tra cải cách hành chính năm 2017 của tỉnh nhằm mục đích gì?", results)
    assert answer.citations[0].quote.startswith("Nhằm nắm bắt"), answer.text

    law = {"loai_van_ban": "Luật", "source": "corpus/luat-thu-tuc.txt"}
    results = _results("luat-thu-tuc", law, [
        ("Điều 2", "Hồ sơ thủ tục hành chính điện tử là hồ sơ thủ tục hành chính được số hóa và ký số."),
        ("Điều 2", "3. Thủ tục hành chính là trình tự, cách thức thực hiện, hồ sơ và yêu cầu, điều kiện do cơ quan có "
                   "thẩm quyền quy định."),
    ])
    answer = _compose("Theo luật này, thủ tục hành chính là gì?", results)
    assert answer.citations[0].quote.startswith("3. Thủ tục hành chính là trình tự"), answer.text

    essay = {"loai_van_ban": "Văn bản", "source": "corpus/tieu-luan.txt", "tieu_de": "Tiểu luận về văn thư lưu trữ"}
    results = _results("tieu-luan", essay, [
        ("Phần mở đầu", "CHƯƠNG I CƠ SỞ LÝ LUẬN VỀ CÔNG TÁC VĂN THƯ LƯU TRỮ TẠI UBND HUYỆN YÊN THẾ TỈNH BẮC GIANG"),
        ("Phần mở đầu", "TIỂU LUẬN CUỐI KHÓA Môn học: Quản trị văn phòng hiện đại"),
    ])
    answer = _compose("Tiểu luận về công tác văn thư lưu trữ tại UBND huyện Yên Thế thuộc môn học nào?", results)
    assert "Quản trị văn phòng hiện đại" in answer.citations[0].quote, answer.text

    resolution = {"loai_van_ban": "Nghị quyết", "so_hieu": "15/2019/NQ-HĐND", "tinh": "Yên Bái", "nam": "2019",
                  "source": "corpus/nq-15.txt"}
    results = _results("nq-15", resolution, [
        ("Phần mở đầu", "Xét Tờ trình số 88/TTr-UBND của UBND tỉnh về chương trình đào tạo nghề năm 2020; ý kiến "
                        "thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp."),
        ("Phần mở đầu", "KHÓA XVIII, KỲ HỌP THỨ 14"),
    ])
    answer = _compose("Nghị quyết về chương trình đào tạo nghề năm 2020 được thông qua tại kỳ họp thứ mấy?", results)
    assert "KỲ HỌP THỨ 14" in answer.citations[0].quote, answer.text


def test_a_basis_line_citing_the_number_asked_states_it_and_a_grade_is_stated_as_ranked():
    meta = {"loai_van_ban": "Đề án", "tinh": "Cao Bằng", "source": "corpus/de-an.txt", "tieu_de": "Đề án sắp xếp"}
    results = _results("de-an", meta, [
        ("Phần mở đầu", "Thực hiện Kết luận số 48-KL/TW ngày 10/3/2025 của Bộ Chính trị về sắp xếp đơn vị hành chính;"),
    ])
    state = _state(results)
    analysis = analyze_query("Đề án sắp xếp đơn vị hành chính thực hiện kết luận số mấy của Bộ Chính trị?",
                             state.restorer)
    units, _ = score_all(results, analysis, state, GroundedConfig())
    assert units[0].role == "basis"
    assert fact_present(units, AskedFact("identity", ("number",)), analysis, state)
    assert states_fact("Trong năm, có 25 đơn vị xếp hạng Tốt, 9 đơn vị xếp hạng Khá.", AskedFact("rank"))


def test_a_lead_in_cut_from_its_items_by_a_passage_boundary_is_quoted_with_them():
    meta = {"loai_van_ban": "Văn bản hợp nhất", "so_hieu": "3/VBHN-BTP", "nam": "2023", "source": "corpus/vbhn-3.txt"}
    results = _results("vbhn-3", meta, [
        ("Phần mở đầu", "Nghị định số 20/2015/NĐ-CP ngày 01 tháng 3 năm 2015 của Chính phủ về công chứng, có hiệu "
                        "lực từ ngày 15 tháng 4 năm 2015, được sửa đổi, bổ sung bởi:"),
        ("Phần mở đầu", "1. Nghị định số 71/2018/NĐ-CP ngày 02 tháng 5 năm 2018 sửa đổi một số điều về công chứng;"),
        ("Phần mở đầu", "2. Nghị định số 16/2022/NĐ-CP ngày 08 tháng 2 năm 2022 sửa đổi một số điều về công chứng."),
    ])
    answer = _compose("Nghị định 20/2015/NĐ-CP về công chứng được sửa đổi, bổ sung bởi những nghị định nào?", results)
    assert "71/2018/NĐ-CP" in answer.text and "16/2022/NĐ-CP" in answer.text, answer.text


def test_the_hours_asked_are_quoted_from_the_line_that_gives_them():
    meta = {"loai_van_ban": "Thông báo", "tinh": "Nghệ An", "source": "corpus/tb-gio.txt"}
    results = _results("tb-gio", meta, [
        ("1. Lịch tiếp", "1. Chủ tịch UBND phường Hưng Dũng tiếp công dân định kỳ vào thứ Ba hằng tuần tại trụ sở "
                         "Ủy ban nhân dân phường Hưng Dũng."),
        ("1. Lịch tiếp", "Buổi sáng: từ 07h30 đến 11h30."),
    ])
    answer = _compose("Chủ tịch UBND phường Hưng Dũng tiếp công dân vào thứ mấy, giờ nào?", results)
    assert "07h30" in answer.text.split("Chi tiết:")[0], answer.text  # in the direct answer, not the support
