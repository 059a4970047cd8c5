"""Dates, years and issuers a web page gives outside a document's header (issue 18, helper WB): each test is one
general fact about how pages print them, on lines written for the test."""

from __future__ import annotations

import pytest

from tests.reading import metadata_of
from textnorm.patterns import NEWS_DATELINE_GLUED, PORTAL_TITLE_LINE, SEARCH_DATE_PREFIX

#: A lead long enough to be a post's body.
LEAD = ("Sáng nay, đoàn công tác của huyện đã làm việc với các xã về tiến độ giải quyết hồ sơ trực tuyến; theo báo cáo "
        "của bộ phận một cửa, tỷ lệ hồ sơ trả đúng hẹn đạt trên chín mươi phần trăm, cao hơn cùng kỳ năm trước.")


# --- a month stamp before the text ---------------------------------------------------------------------------------

def test_a_month_stamp_opening_a_page_gives_its_year_and_no_day():
    md = metadata_of(" date 2019-11 " + LEAD)
    assert (md["nam"], md["ngay_ban_hanh"]) == ("2019", "")


def test_a_month_stamp_is_only_a_stamp_at_the_top_and_in_its_iso_form():
    assert SEARCH_DATE_PREFIX.match(" date 2021-03 Theo kế hoạch")
    assert not SEARCH_DATE_PREFIX.match("Kế hoạch date 2021-03")
    assert not SEARCH_DATE_PREFIX.match(" date 2021-13 sai tháng")


def test_a_stamp_with_its_day_dates_the_page():
    md = metadata_of(" date 2021-03-15 " + LEAD)
    assert (md["nam"], md["ngay_ban_hanh"]) == ("2021", "2021-03-15")


def test_a_page_dated_by_its_header_keeps_the_header_year_over_a_stamp():
    md = metadata_of(" date 2024-01\nSố: 15/KH-UBND\n\nLạng Sơn, ngày 20 tháng 12 năm 2023\n\nKẾ HOẠCH\nKiểm tra")
    assert md["nam"] == "2023"


# --- a dateline glued to its label ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "date"), [
    ("author12/03/2021 07:15", ("12", "03", "2021")),
    ("Báo Lạng SơnBáo Lạng Sơn02/11/2024", ("02", "11", "2024")),
    ("Cập nhật lúc09/01/2023", ("09", "01", "2023")),
])
def test_a_date_glued_to_its_label_is_a_dateline(line, date):
    m = NEWS_DATELINE_GLUED.match(line)
    assert m and (m.group("d"), m.group("m"), m.group("y")) == date


@pytest.mark.parametrize("line", ["Hạn chót 12/03/2021", "Tổ dân phố số 5 năm 2021", "xã12/03/2021 có 5 thôn"])
def test_a_spaced_word_before_a_date_or_text_after_it_is_no_glued_dateline(line):
    assert not NEWS_DATELINE_GLUED.match(line)


def test_a_post_dated_by_a_glued_author_line_has_its_day():
    md = metadata_of("Hai phường hợp nhất sau khi lấy ý kiến cử tri tại khu phố\nTin trong nước\n"
                     "author14/08/2020 10:30\n\n" + LEAD)
    assert (md["ngay_ban_hanh"], md["nam"]) == ("2020-08-14", "2020")


def test_a_sapo_credited_to_its_outlet_does_not_hide_the_dateline_under_it():
    sapo = ("(Baotinhnha.vn) - Toàn văn kế hoạch của Ủy ban nhân dân tỉnh về việc sắp xếp lại các thôn, tổ dân phố "
            "trên địa bàn các huyện miền núi trong năm nay, kèm theo danh sách các thôn được hợp nhất và tên gọi mới.")
    assert len(sapo) >= 200  # as long as a body's paragraph
    md = metadata_of("Sắp xếp lại các thôn, tổ dân phố ở các huyện miền núi\n\n" + sapo + "\n\nBáo Tỉnh Nhà"
                     "Báo Tỉnh Nhà21/05/2025\n\n" + LEAD)
    assert (md["ngay_ban_hanh"], md["nam"]) == ("2025-05-21", "2025")


# --- a legal portal's title line -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "year", "issuer"), [
    ("Quyết định 1021/QĐ-TTg 2022 thành lập Tổ công tác rà soát văn bản", "2022", "Thủ tướng Chính phủ"),
    ("Văn bản hợp nhất 12/VBHN-VPQH 2019 hợp nhất Luật Tiếp công dân", "2019", "Văn phòng Quốc hội"),
    ("Thông tư 05/2022/TT-BNV 2022 hướng dẫn chế độ báo cáo", "2022", "Bộ Nội vụ"),
])
def test_a_portal_title_line_gives_the_year_after_the_number_and_the_national_issuer(line, year, issuer):
    md = metadata_of(line)
    assert (md["nam"], md["co_quan"], md["ngay_ban_hanh"]) == (year, issuer, "")


def test_a_portal_title_line_of_a_local_number_gives_the_year_but_no_issuer():
    md = metadata_of("Kế hoạch 77/KH-UBND 2023 kiểm tra công tác cải cách hành chính")
    assert (md["nam"], md["co_quan"]) == ("2023", "")


def test_a_sentence_citing_a_number_and_a_year_is_no_title_line():
    assert not PORTAL_TITLE_LINE.match("Theo Quyết định 1021/QĐ-TTg 2022 các bộ phải báo cáo")
    assert not PORTAL_TITLE_LINE.match("Quyết định 1021/QĐ-TTg ngày 5/3/2022")


# --- a blank day -----------------------------------------------------------------------------------------------------

def test_a_draft_with_a_blank_day_and_month_has_its_year_and_no_date():
    md = metadata_of("Số:      /TTr-UBND\n\nCao Bằng, ngày   tháng   năm 2020\n\nTỜ TRÌNH\nVề việc ban hành quy chế")
    assert (md["ngay_ban_hanh"], md["nam"]) == ("", "2020")


# --- a dateline inside the first line; a lead's full date -------------------------------------------------------------

def test_a_time_and_date_between_a_headline_and_a_credited_lead_date_the_post():
    md = metadata_of("Tuyên Quang: Sơ kết phong trào thi đua dân vận khéo 14:05 03/10/2022 (Dân vận) -Sáng 1/10, "
                     "Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết phong trào tại các xã vùng cao của tỉnh.")
    assert (md["ngay_ban_hanh"], md["nam"]) == ("2022-10-03", "2022")


def test_a_date_inside_a_lead_without_a_credit_after_it_is_no_dateline():
    md = metadata_of("Kết quả rà soát hộ nghèo năm nay được công bố lúc 14:05 03/10/2022 tại hội trường xã "
                     "trước sự chứng kiến của đại diện các thôn.")
    assert md["ngay_ban_hanh"] == ""


@pytest.mark.parametrize(("lead", "year"), [
    ("Sáng nay ngày 12/9/2019 chi đoàn thôn tổ chức ra quân dọn vệ sinh đường làng, thu hút nhiều đoàn viên.",
     "2019"),
    ("Chiều 5/6/2021 UBND xã tổ chức đối thoại với nhân dân về công tác giải phóng mặt bằng trên địa bàn xã.", "2021"),
])
def test_a_lead_opening_with_the_part_of_day_and_a_full_date_gives_the_year(lead, year):
    md = metadata_of(lead)
    assert (md["nam"], md["ngay_ban_hanh"]) == (year, "")


def test_a_date_the_sentence_is_about_is_not_a_leads_date():
    md = metadata_of("Ngày 1/1/2026 là mốc quan trọng để các xã hoàn thành việc số hóa hồ sơ hộ tịch theo kế hoạch của "
                     "tỉnh, bảo đảm người dân tra cứu được trên môi trường điện tử.")
    assert md["nam"] == ""
