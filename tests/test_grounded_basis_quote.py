"""A basis line asked for ("theo quyết định nào", "thực hiện theo kế hoạch nào") is quoted for the document it cites
(session 25, F25): its long quote keeps the clause citing the decision although a date is asked too, and in a direct
answer past the 400 characters read first it stops at that clause, so the next ask's line comes within them. Literal
Vietnamese lines, a tiny lexical state (no Chroma, no embedder)."""

from __future__ import annotations

from tests.grounded_state import compose as _compose
from tests.grounded_state import search_results as _results

PLAN = {"loai_van_ban": "Kế hoạch", "so_hieu": "104/KH-UBND", "tinh": "Hưng Yên", "nam": "2021",
        "tieu_de": "Triển khai thực hiện Đề án nâng cao hiệu quả giám sát doanh nghiệp nhà nước",
        "source": "corpus/kh-104.txt"}
PREAMBLE = ("Thực hiện Quyết định số 695/QĐ-TTg ngày 10/5/2021 của Thủ tướng Chính phủ về việc ban hành Đề án “Nâng "
            "cao năng lực, hiệu lực, hiệu quả giám sát, kiểm tra, thanh tra nhằm phòng ngừa, phát hiện, xử lý hành vi "
            "vi phạm pháp luật, tiêu cực, tham nhũng, lãng phí trong doanh nghiệp nhà nước”, Ủy ban nhân dân tỉnh ban "
            "hành kế hoạch triển khai thực hiện Đề án trên địa bàn tỉnh giai đoạn 2021 - 2025 như sau:")


def test_a_long_basis_line_asked_for_keeps_the_decision_it_cites_when_a_date_is_asked_too():
    results = _results("kh-104", PLAN, [
        ("", "Hưng Yên, ngày 02 tháng 7 năm 2021"),
        ("Phần mở đầu", PREAMBLE),
        ("I. MỤC ĐÍCH", "1. Mục tiêu tổng quát: phòng ngừa vi phạm trong doanh nghiệp nhà nước."),
    ])
    answer = _compose("Kế hoạch 104/KH-UBND của tỉnh Hưng Yên triển khai đề án theo quyết định nào của Thủ tướng "
                      "và được ban hành ngày nào?", results)
    assert "695/QĐ-TTg" in answer.text, answer.text


NOTICE = {"loai_van_ban": "Thông báo", "so_hieu": "", "tinh": "Ninh Thuận", "nam": "2019",
          "tieu_de": "Lịch tiếp công dân quý III/2019 của đại biểu HĐND tỉnh", "source": "corpus/tb-ld.txt"}
LEAD_IN = ("Thực hiện Kế hoạch số 03/KH-HĐND ngày 15/01/2019 của Thường trực HĐND tỉnh về tiếp công dân của đại biểu "
           "HĐND tỉnh năm 2019; trên cơ sở đăng ký tiếp công dân của các Tổ đại biểu HĐND tỉnh; thực hiện chỉ đạo của "
           "Thường trực HĐND tỉnh, Văn phòng HĐND tỉnh thông báo lịch tiếp công dân quý III/2019 của đại biểu HĐND "
           "tỉnh như sau:")
HOURS = "1. Thời gian tiếp công dân: Từ 8 giờ 00 đến 11 giờ 00"


def test_the_next_asks_line_comes_within_400_characters_after_a_basis_line_cut_at_its_reference():
    results = _results("tb-ld", NOTICE, [
        ("Phần mở đầu", LEAD_IN),
        ("1. Thời gian", HOURS),
        ("2. Địa điểm", "2. Địa điểm: Trụ sở Tiếp công dân tỉnh."),
    ])
    answer = _compose("Lịch tiếp công dân quý III/2019 của đại biểu HĐND tỉnh Ninh Thuận thực hiện theo kế hoạch nào "
                      "và tiếp công dân trong khung giờ nào?", results)
    head = answer.text[:400]
    assert "03/KH-HĐND" in head and "8 giờ 00 đến 11 giờ 00" in head, answer.text
    assert "thực hiện chỉ đạo" not in head, answer.text  # the lead-in's other clauses are cut


def test_a_basis_line_not_asked_for_is_quoted_as_before():
    results = _results("tb-ld", NOTICE, [
        ("Phần mở đầu", LEAD_IN),
        ("1. Thời gian", HOURS),
    ])
    answer = _compose("Lịch tiếp công dân quý III/2019 của đại biểu HĐND tỉnh Ninh Thuận: đăng ký tiếp công dân "
                      "của các Tổ đại biểu và chỉ đạo của Thường trực HĐND tỉnh thế nào?", results)
    assert all("thực hiện chỉ đạo" in c.quote for c in answer.citations if c.quote.startswith("Thực hiện")), \
        answer.text
