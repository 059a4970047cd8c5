"""A question asking two things gets both (issue 18, facts): each ask, read by its kind (a date, a count, a number, a
signer), gets the lead document's line carrying that kind (after the direct answer when it lacks it, in the order
asked); a question asking one thing is answered as before. Literal texts, tiny lexical state."""

from __future__ import annotations

from assistant.grounded.asks import counts, question_asks
from tests.grounded_state import compose, search_results

POST = {"loai_van_ban": "Tin bài", "tinh": "Phú Thọ", "nam": "2026", "source": "corpus/tin-xa.txt",
        "tieu_de": "Xã triển khai mô hình Ngày thứ Bảy vì dân"}
CHUNKS = [
    ("Phần mở đầu", "Ngay trong buổi sáng đầu tiên triển khai mô hình, Trung tâm Phục vụ hành chính công xã đã tiếp "
                    "nhận và giải quyết trên 30 hồ sơ thủ tục hành chính, chủ yếu thuộc lĩnh vực đất đai, chính sách "
                    "xã hội, được người dân đánh giá cao."),
    ("Phần mở đầu", "Ngày 17/1 (thứ Bảy), Trung tâm Phục vụ hành chính công xã chính thức tổ chức tiếp nhận thủ tục "
                    "hành chính, thực hiện mô hình Ngày thứ Bảy vì dân."),
    ("Phần mở đầu", "Trong năm 2025, Trung tâm đã giải quyết 1.052 hồ sơ thủ tục hành chính đúng hạn."),
]


def test_asks_are_read_by_their_kinds():
    asks = question_asks("Kế hoạch CCHC năm 2014 là kế hoạch số mấy, ban hành ngày nào và ai ký?")
    assert [sorted(a.kinds) for a in asks] == [["number"], ["issue_date"], ["signer"]]
    assert len(question_asks("Bao nhiêu đơn vị xếp loại Tốt, Khá, Trung bình?")) == 1  # one ask, listed parts
    assert [sorted(a.kinds) for a in question_asks("Có bao nhiêu sở và gồm những đơn vị nào?")] == [["amount"],
                                                                                                  ["list"]]


def test_a_count_is_read_with_its_asks_measure():
    assert counts("Trong 2 ngày làm việc", ("ngay",)) and not counts("doanh thu tăng 12,78%", ("ngay",))
    assert counts("doanh thu tăng 12,78%", ())


WORKS = {"loai_van_ban": "Tin bài", "tinh": "Bình Thuận", "nam": "2024", "source": "corpus/tin-cho.txt",
         "tieu_de": "Sơ kết xây dựng nông thôn mới xã Tiến Thành"}
WORK_CHUNKS = [
    ("Phần mở đầu", "Công trình nâng cấp, cải tạo chợ Tiến Thành từ nguồn vốn đầu tư phát triển với tổng mức đầu tư "
                    "4.499.591.692 đồng, đang thi công."),
    ("1. Kết quả", "Công tác giáo dục, tỉ lệ học sinh hoàn thành chương trình bậc tiểu học đạt 100%."),
    ("1. Kết quả", "Dự kiến tháng 9/2024 hoàn thành."),
]


def test_the_second_asks_line_is_quoted():
    results = search_results("tin-cho", WORKS, WORK_CHUNKS)
    answer = compose("Công trình nâng cấp, cải tạo chợ Tiến Thành có tổng mức đầu tư bao nhiêu, dự kiến hoàn "
                     "thành khi nào?", results)
    text = answer.text.split("Chi tiết:")[0]  # the direct answer, before the support
    assert "4.499.591.692" in text and "tháng 9/2024" in text, answer.text


def test_the_second_ask_of_a_date_gets_the_line_saying_its_words():
    results = search_results("tt-08", {"loai_van_ban": "Thông tư", "so_hieu": "08/2004/TT-BNV", "nam": "2004",
                                       "source": "corpus/tt-08.txt", "tieu_de": "Hướng dẫn chế độ công chức dự bị"}, [
        ("Phần mở đầu", "Thi hành Nghị định số 115/2003/NĐ-CP ngày 10 tháng 10 năm 2003 của Chính phủ về chế độ công "
                        "chức dự bị, Bộ Nội vụ hướng dẫn thực hiện như sau:"),
        ("Thuộc tính", "Hướng dẫn thực hiện Nghị định số 115/2003/NĐ-CP ngày 10/10/2003 về chế độ công chức dự bị"),
        ("Thuộc tính", "Ngày có hiệu lực: 16/03/2004"),
        ("Thuộc tính", "Hiệu lực: Hết hiệu lực toàn bộ"),
        ("Thuộc tính", "Tình trạng hiệu lực: Hết hiệu lực toàn bộ từ ngày ban hành văn bản thay thế"),
        ("Thuộc tính", "Ngày hết hiệu lực: 15/02/2011"),
    ])
    answer = compose("TT 08/2004/TT-BNV hướng dẫn thực hiện nghị định nào về chế độ công chức dự bị, và hết hiệu lực "
                     "ngày nào?", results)
    # the date of effect answers "ngày nào" too; the line saying "hết hiệu lực" is the one asked (main: left out)
    assert "115/2003/NĐ-CP" in answer.text and "15/02/2011" in answer.text.split("Chi tiết:")[0], answer.text


def test_one_ask_is_answered_as_before():
    results = search_results("tin-xa", POST, CHUNKS)
    answer = compose("Buổi sáng đầu tiên xã giải quyết bao nhiêu hồ sơ?", results)
    assert answer.text.split("[1]")[0].count("30 hồ sơ") == 1 and "17/1" not in answer.text.split("\n")[0]
