"""The unit quoted for a fact (issue 18, item 6): the line that states it, not a line that repeats the question.

One literal test per mechanism of the grounded composer, on tiny documents and a tiny lexical state (no Chroma, no
embedder): a year inside a document number earns no time bonus; an answer of header lines keeps its support when the
question asks something more; the number of a cited document is quoted when its kind is asked. (An echo damping and a
longer quote for one-sentence enumerations were measured and removed: neither moved a check-half figure.)"""

from __future__ import annotations

from assistant.grounded import GroundedConfig, score_all
from retriever.query import analyze_query
from tests.grounded_state import compose as _compose
from tests.grounded_state import search_results as _results
from tests.grounded_state import tiny_state as _state

DECREE = {"loai_van_ban": "Nghị định", "so_hieu": "30/2019/NĐ-CP", "nam": "2019",
          "tieu_de": "Về công tác văn thư trong cơ quan nhà nước", "source": "corpus/nd-30.txt"}


def test_a_year_inside_a_document_number_earns_no_time_bonus():
    results = _results("nd-30", DECREE, [
        ("Chương II", "Chương 2 của Nghị định 30/2019/NĐ-CP về công tác văn thư"),
        ("Điều 40", "Công tác văn thư được thực hiện từ ngày 05 tháng 3 năm 2020."),
    ])
    state = _state(results)
    analysis = analyze_query("Công tác văn thư của Nghị định thực hiện khi nào?", state.restorer)
    assert "time" in analysis.answer_types

    def scores(cfg):
        units, _ = score_all(results, analysis, state, cfg)
        return {u.text[:10]: u.score for u in units}

    with_bonus, without = scores(GroundedConfig()), scores(GroundedConfig(type_bonus=0.0))
    assert with_bonus["Chương 2 c"] == without["Chương 2 c"]  # it still carries "time" for the refusal rules
    assert with_bonus["Công tác v"] > without["Công tác v"]


def test_a_signer_answer_keeps_its_support_when_the_question_asks_more():
    meta = {"loai_van_ban": "Kế hoạch", "so_hieu": "36/KH-UBND", "tinh": "Kiên Giang", "nam": "2021",
            "tieu_de": "Kiểm tra công tác cải cách hành chính năm 2021", "source": "corpus/kh-36.txt"}
    results = _results("kh-36", meta, [
        ("I. MỤC ĐÍCH, YÊU CẦU", "Yêu cầu các cơ quan tự kiểm tra và khắc phục ngay các tồn tại được chỉ ra."),
        ("Phần cuối", "Người ký: Lê Thị Minh Phụng"),
    ])
    answer = _compose("Kế hoạch 36/KH-UBND yêu cầu cơ quan tự kiểm tra điều gì và do ai ký?", results)
    assert "Lê Thị Minh Phụng" in answer.text
    assert "khắc phục ngay các tồn tại" in answer.text, answer.text
    only_signer = _compose("Kế hoạch 36/KH-UBND do ai ký?", results)
    assert "khắc phục ngay" not in only_signer.text  # a signer and nothing else: the header line is the answer


def test_the_number_of_a_cited_document_is_quoted_not_the_documents_own():
    meta = {"loai_van_ban": "Quyết định", "so_hieu": "704/QĐ-UBND", "tinh": "Phú Yên", "nam": "2022",
            "tieu_de": "Ban hành Kế hoạch phát triển du lịch cộng đồng", "source": "corpus/qd-704.txt"}
    results = _results("qd-704", meta, [
        ("Phần mở đầu", "Số: 704/QĐ-UBND"),
        ("Phần mở đầu", "Căn cứ Luật Du lịch ngày 19 tháng 6 năm 2017;"),
        ("Phần mở đầu", "Xét đề nghị của Sở Văn hóa, Thể thao và Du lịch tại Tờ trình số 58/TTr-SVHTTDL ngày "
                        "02/3/2022."),
    ])
    for question in ("Sở Văn hóa đề nghị ban hành kế hoạch du lịch cộng đồng tại tờ trình số mấy?",
                     "Kế hoạch du lịch cộng đồng được ban hành theo tờ trình nào?"):
        answer = _compose(question, results)
        assert "58/TTr-SVHTTDL" in answer.citations[0].quote, answer.text  # quoted first, and no other number
        assert not any("704/QĐ-UBND" in c.quote for c in answer.citations), answer.text
    own = _compose("Quyết định ban hành kế hoạch du lịch cộng đồng số mấy?", results)
    assert own.citations[0].quote == "Số: 704/QĐ-UBND", own.text


def test_a_line_citing_the_kind_of_document_whose_number_is_asked_carries_that_number():
    from assistant.grounded.scoring import carried_types
    from assistant.grounded.units import QuotedSpan

    analysis = analyze_query("Kế hoạch sáp nhập hai xã thực hiện nghị quyết số mấy của tỉnh ủy?")
    assert "number" in analysis.answer_types
    cited = QuotedSpan(None, 0, 0, "Thực hiện Nghị quyết số 09-NQ/TU ngày 14/3/2025 của Tỉnh ủy về sắp xếp", "sentence")
    other = QuotedSpan(None, 0, 0, "Thực hiện Quyết định số 15/QĐ-UBND ngày 14/3/2025 của tỉnh", "sentence")
    assert "number" in carried_types(cited, analysis)
    assert "number" not in carried_types(other, analysis)
