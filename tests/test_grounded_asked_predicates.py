"""The part of a question asked after its question word, and the forms a document writes (issue 18, item 6): "ai làm
trưởng đoàn", "cơ quan nào xếp cuối cùng" are answered by the line stating that role or rank, wherever the name stands
in it; a caption wrapped over two lines is read as one sentence; "về việc gì" is answered by the trích yếu beside the
date asked; a resolution "thông qua ngày nào" by its date line; a schedule writes a day as its plan does ("17/9").
Literal texts, tiny lexical state."""

from __future__ import annotations

from dataclasses import replace

from retriever.intent import answer_types
from retriever.query import analyze_query
from tests.grounded_state import compose as _compose
from tests.grounded_state import search_results as _results

POST = {"loai_van_ban": "Tin bài", "tinh": "Lạng Sơn", "nam": "2021", "source": "corpus/tin-lang-son.txt",
        "tieu_de": "Kiểm tra công tác cải cách thủ tục hành chính tại Sở Tư pháp"}


def test_who_holds_a_role_is_quoted_from_the_caption_naming_them():
    results = _results("tin-lang-son", POST, [
        ("Phần mở đầu", "Qua kiểm tra, đoàn công tác đánh giá: hồ sơ thủ tục hành chính giải quyết đúng hạn chiếm hơn "
                        "97%; thời hạn giải quyết được cắt giảm đạt tỷ lệ hơn 30%."),
        ("Phần mở đầu", "Đồng chí Nguyễn Văn Bình, Chánh Văn phòng UBND tỉnh,\ntrưởng đoàn kiểm tra phát biểu kết "
                        "luận"),
        ("Phần mở đầu", "Phát biểu kết luận buổi kiểm tra, lãnh đạo Văn phòng UBND tỉnh, trưởng đoàn kiểm tra nhấn "
                        "mạnh việc số hóa hồ sơ."),
    ])
    answer = _compose("Đoàn kiểm tra tại Sở Tư pháp: tỷ lệ hồ sơ giải quyết đúng hạn bao nhiêu, ai làm trưởng đoàn?",
                      results)
    assert "97%" in answer.text and "Nguyễn Văn Bình" in answer.text, answer.text
    # the caption is one sentence: one line of the answer, one exact span of the document
    line = next(ln for ln in answer.text.splitlines() if "Nguyễn Văn Bình" in ln)
    assert "trưởng đoàn kiểm tra" in line, answer.text
    caption = next(c for c in answer.citations if "Nguyễn Văn Bình" in c.quote)
    assert caption.quote.endswith("phát biểu kết luận") and "\n" in caption.quote


def test_which_one_ranks_last_is_quoted_where_the_name_follows_the_rank():
    meta = {"loai_van_ban": "Tin bài", "tinh": "", "nam": "2014", "source": "corpus/tin-par-index.txt",
            "tieu_de": "Công bố chỉ số cải cách hành chính 2013"}
    results = _results("tin-par-index", meta, [
        ("Phần mở đầu", "Ngày 5/9, Bộ Nội vụ đã công bố chỉ số cải cách hành chính 2013 (PAR INDEX) đối với 19 bộ, "
                        "cơ quan ngang bộ và 63 tỉnh, thành phố."),
        ("Phần mở đầu", "Kết quả PAR INDEX 2013 cho thấy, Bộ Giao thông vận tải đứng đầu (đạt 81,06%), xếp thứ 2 là "
                        "Ngân hàng Nhà nước (đạt 80,38%)."),
        ("1. Kết quả", "Bộ GTVT đứng đầu (đạt 81,06%), tiếp đến là Bộ Ngoại giao (đạt 80,31%). Vị trí cuối cùng, Ủy "
                       "ban Dân tộc, với 66,71%."),
    ])
    answer = _compose("Chỉ số PAR INDEX năm 2013: cơ quan nào xếp cuối cùng?", results)
    assert "Ủy ban Dân tộc" in answer.text and "66,71%" in answer.text, answer.text


def test_a_question_after_its_subject_or_a_measure_asks_no_predicate():
    from assistant.grounded.scoring import asked_predicates

    # "là" links the one asked to the role: the role is what a line states
    assert asked_predicates(analyze_query("Ai là người phát ngôn?")) == [(("nguoi phat", "phat ngon"), True)]
    assert asked_predicates(analyze_query("Ai ký Quyết định ban hành Quy chế văn hóa công vụ?")) == []
    assert asked_predicates(analyze_query("Gia Lai đạt bao nhiêu điểm, xếp thứ mấy cả nước?")) == []
    assert asked_predicates(analyze_query("Sở Nội vụ trình tại tờ trình số mấy?")) == []


DIRECTIVE = {"loai_van_ban": "Chỉ thị", "tinh": "Thanh Hóa", "nam": "2022", "so_hieu": "06/CT-UBND",
             "source": "corpus/thanh-hoa-06-ct.txt", "tieu_de": "Về việc phát triển chính quyền điện tử"}


def _directive() -> list:
    """The directive's header passages as ingest writes them (number, place and date, title), then its body."""
    from dataclasses import replace

    header = _results("thanh-hoa-06-ct", DIRECTIVE, [
        ("Phần mở đầu", "Số: 06/CT-UBND"), ("Phần mở đầu", "Thanh Hóa, ngày 16 tháng 5 năm 2022"),
        ("Phần mở đầu", "CHỈ THỊ\nVỀ VIỆC PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ HƯỚNG TỚI CHÍNH QUYỀN SỐ"),
        ("Nội dung", "Thời gian qua, việc triển khai các nhiệm vụ chuyển đổi số còn chậm.")])
    kinds = ("number", "place_date", "title", "text")
    return [replace(r, passage=replace(r.passage, kind=k)) for r, k in zip(header, kinds)]


def test_what_a_document_is_about_is_its_title_beside_the_date_asked():
    results = _directive()
    answer = _compose("Chỉ thị số 06 của UBND tỉnh về việc gì, được ký ban hành ngày nào?", results)
    assert "16 tháng 5 năm 2022" in answer.text and "CHÍNH QUYỀN ĐIỆN TỬ" in answer.text, answer.text
    only_date = _compose("Chỉ thị số 06 của UBND tỉnh được ký ban hành ngày nào?", results)
    assert "CHÍNH QUYỀN ĐIỆN TỬ" not in only_date.text, only_date.text


def test_a_resolution_adopted_on_a_day_asks_its_date_of_issue():
    assert answer_types("Nghị quyết 15/2020/NQ-HĐND được thông qua ngày nào, tại kỳ họp thứ mấy?")[0] == "issue_date"
    assert "issue_date" not in answer_types("Nghị quyết được thông qua tại kỳ họp nào?")


def test_a_day_is_written_as_the_plan_writes_it():
    from textnorm.periods import find_periods

    period = find_periods("Ngày 17/9/2021, đoàn kiểm tra xã Tân Kỳ.")[0][2]
    assert period.stated_as_written("Ngày 17/9, Đoàn kiểm tra của UBND huyện đã kiểm tra tại xã Tân Kỳ.") == "17/9"
    assert period.stated_as_written("ngày 17-09-2021") == "17-09-2021"
    assert period.stated_as_written("Quý III/2021") == period.stated()  # the text writes no such day
    quarter = find_periods("Quý III/2021")[0][2]
    assert quarter.stated_as_written("quý 3 năm 2021") == quarter.stated()  # only a day keeps its written form


def test_a_document_held_only_where_a_page_cites_it_is_answered_by_the_citing_clause_not_the_pages_title():
    notice = {"loai_van_ban": "Thông báo", "tinh": "Lạng Sơn", "nam": "2026", "so_hieu": "12/TB-UBND",
              "source": "corpus/tb-tan-doan.txt", "tieu_de": "Lịch tiếp công dân của UBND xã Tân Đoàn năm 2026"}
    results = _results("tb-tan-doan", notice, [
        ("Phần mở đầu", "THÔNG BÁO\nLịch tiếp công dân của UBND xã Tân Đoàn năm 2026"),
        ("Nội dung", "Căn cứ Quyết định số 17/QĐ-UBND ngày 9/7/2025 của UBND xã về việc ban hành Nội quy tiếp công "
                     "dân; Quyết định số 168a/QĐ-UBND ngày 6/9/2025 về việc phân công công chức tiếp công dân thường "
                     "xuyên tại UBND xã;"),
        ("Nội dung", "Ủy ban nhân dân xã Tân Đoàn thông báo lịch tiếp công dân như sau:")])
    results = [replace(r, passage=replace(r.passage, kind=k)) for r, k in zip(results, ("title", "text", "text"))]
    answer = _compose("Quyết định 168a/QĐ-UBND của UBND xã Tân Đoàn về việc gì?", results)
    assert "phân công công chức tiếp công dân thường xuyên" in answer.text, answer.text
    clause = next(c for c in answer.citations if "168a" in c.quote)
    assert clause.quote.startswith("Quyết định số 168a") and "17/QĐ-UBND" not in clause.quote  # its clause only
    assert "Lịch tiếp công dân của UBND xã Tân Đoàn năm 2026" not in answer.text.split("Chi tiết")[0], answer.text
