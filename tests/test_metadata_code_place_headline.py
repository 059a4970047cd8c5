"""Posts without a dateline on provincial portals (issue 18, helper K22): a lead citing a document's number and date
("(Kế hoạch số 03/KH-UBND, ngày 07/1/2019)") is no header's place-and-date line, so the post reads as a post; and a
post's headline is the line its lead retells, not a site's slogan banner above it. Lines are written for the tests
in the portals' forms; each page test fails on the main of session 22."""

from __future__ import annotations

import pytest

from tests.reading import metadata_of
from textnorm.patterns import NEWS_CREDIT, PLACE_DATE, capitalised_place_start

#: A site's slogan banner, printed above every post of the portal.
BANNER = "Quyết tâm thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI, nhiệm kỳ 2015 - 2020"
#: The post's headline: a plan's name, as posts about a plan write it.
HEADLINE = "Kế hoạch kiểm tra công tác cải cách hành chính huyện năm 2024"
#: A short lead citing the plan's number and date in brackets (no "vừa", no dateline).
LEAD = ("UBND huyện ban hành Kế hoạch kiểm tra công tác cải cách hành chính huyện năm 2024 "
        "(Kế hoạch số 15/KH-UBND, ngày 12/3/2024).")
#: The body's next paragraph and the reporter's name.
BODY = ("Theo đó, đoàn kiểm tra sẽ làm việc trực tiếp tại bộ phận một cửa của các xã, xem xét việc niêm yết công khai "
        "thủ tục hành chính, việc tiếp nhận và trả kết quả hồ sơ trực tuyến, và ghi nhận kiến nghị của người dân.")


def test_a_lead_citing_a_plans_number_and_date_is_a_post_under_its_headline_not_the_banner():
    md = metadata_of(f"{BANNER}\n\n{HEADLINE}\n\n{LEAD}\n\n{BODY}\n\nMinh Anh")
    assert (md["loai_van_ban"], md["tieu_de"], md["ngay_ban_hanh"]) == ("Tin bài", HEADLINE, "")


def test_a_one_paragraph_post_opening_on_its_outlets_code_is_a_post():
    lead = ("STO - Sáng ngày 17/12, tại Tỉnh ủy, Ban Chỉ đạo cấp tỉnh về tổng kết thực hiện Nghị quyết số 18-NQ/TW, "
            "ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng tổ chức họp Thường trực Ban Chỉ đạo tỉnh để cho ý kiến "
            "một số nội dung thuộc thẩm quyền.")
    md = metadata_of(lead)
    assert (md["loai_van_ban"], md["ngay_ban_hanh"]) == ("Tin bài", "")


def test_a_headline_the_lead_retells_stays_first_over_a_later_line():
    sapo = "Đoàn kiểm tra làm việc tại các xã trong tháng 4"
    md = metadata_of(f"{HEADLINE}\n\n{sapo}\n\n{LEAD}\n\n{BODY}\n\nMinh Anh")
    assert md["tieu_de"] == HEADLINE


def test_a_documents_header_keeps_its_place_and_date():
    src = ("ỦY BAN NHÂN DÂN HUYỆN BẢO LÂM\n\nSố: 15/KH-UBND\n\nBảo Lâm, ngày 12 tháng 3 năm 2024\n\nKẾ HOẠCH\n"
           "Kiểm tra công tác cải cách hành chính năm 2024")
    md = metadata_of(src)
    assert (md["loai_van_ban"], md["ngay_ban_hanh"], md["so_hieu"]) == ("Kế hoạch", "2024-03-12", "15/KH-UBND")


@pytest.mark.parametrize("line, place", [
    ("Bảo Lâm, ngày 12 tháng 3 năm 2024", "Bảo Lâm"),
    ("Số: 651 /BC-UBND Phương Sơn, ngày 02 tháng 7 năm 2020", "Phương Sơn"),  # the place follows the code
    ("Độc lập - Tự do - Hạnh phúc Hà Nội, ngày 29 tháng 03 năm 2022", "Hà Nội"),  # a motto's spaced dash
    ("(Kế hoạch số 03/KH-UBND, ngày 07/1/2019)", None),  # a cited code's tail
    ("Nghị quyết số 18-NQ/TW, ngày 25/10/2017", None),
])
def test_a_word_glued_after_a_codes_slash_or_dash_is_no_place(line, place):
    m = PLACE_DATE.search(line)
    start = capitalised_place_start(line, m)
    assert (None if start is None else line[start:m.end("place")]) == place


@pytest.mark.parametrize("lead, credited", [
    ("(Quanlynhanuoc) – Sự xuất hiện của chính phủ số đã tạo nền tảng phát triển hạ tầng số", True),
    ("(Chinhphu.vn) - Văn phòng Chính phủ vừa có văn bản", True),
    ("(TTXVN) - Ngày 9-10, …", True),
    ("(Dự thảo) Quy chế làm việc", False),  # no dash: a draft's label, not an outlet
    ("(a) – điểm a khoản 1", False),
])
def test_an_outlets_site_name_as_one_word_credits_a_lead(lead, credited):
    assert bool(NEWS_CREDIT.match(lead)) is credited
