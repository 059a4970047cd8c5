"""Dates, years and issuers of pages the reader has not seen (issue 18, helper D7): each test is one general fact about
how a page dates itself or names its body, on lines written for the test."""

from __future__ import annotations

from tests.reading import metadata_of
from textnorm.patterns import COVER_MONTH_YEAR, LEAD_DATES_A_DOCUMENT, TODAY_LEAD

#: A lead long enough to be a post's body.
REST = ("Theo đó, đoàn kiểm tra làm việc với các sở, ban, ngành và UBND các huyện về công tác chỉ đạo, điều hành, "
        "cải cách thủ tục hành chính, cải cách tổ chức bộ máy và hiện đại hóa hành chính trong năm.")


# --- a post's own date vs the date of the document it reports ------------------------------------------------------

def test_a_lead_that_signs_a_document_dates_the_document_not_the_post():
    md = metadata_of("Thành lập Phòng Kiểm soát thủ tục hành chính thuộc Sở Tư pháp\n"
                     "Ngày 5/3/2020, Chủ tịch UBND tỉnh Bắc Kạn đã ký Quyết định số 123/QĐ-UBND về việc thành lập "
                     "Phòng Kiểm soát thủ tục hành chính thuộc Sở Tư pháp. " + REST)
    assert (md["loai_van_ban"], md["ngay_ban_hanh"], md["nam"]) == ("Tin bài", "", "")


def test_a_long_signing_clause_still_dates_the_document():
    lead = ("Ngày 23/11/2018, thừa lệnh Chủ tịch UBND tỉnh Tuyên Quang, Phó Chánh Văn phòng UBND tỉnh Tuyên Quang "
            "Nguyễn Văn An đã ký ban hành văn bản số 3653/UBND-TNMT về việc đề xuất của Sở Tài nguyên và Môi trường.")
    assert LEAD_DATES_A_DOCUMENT.match(lead, lead.index(","))
    md = metadata_of("UBND tỉnh có ý kiến về đề xuất của Sở Tài nguyên và Môi trường\n" + lead + " " + REST)
    assert md["nam"] == ""


def test_a_lead_dating_an_event_or_a_decision_in_force_keeps_the_posts_year():
    event = "Ngày 13/4/2018, Đoàn kiểm tra của UBND tỉnh đã làm việc tại UBND huyện Na Rì."
    in_force = "Ngày 13/4/2018, UBND tỉnh đã có Quyết định số 1331/QĐ-UBND về việc ban hành Kế hoạch kiểm tra."
    assert not LEAD_DATES_A_DOCUMENT.match(event, event.index(","))
    assert not LEAD_DATES_A_DOCUMENT.match(in_force, in_force.index(","))


# --- a site's day banner ---------------------------------------------------------------------------------------------

def test_a_stamp_whose_lead_says_today_is_another_day_dates_nothing():
    md = metadata_of("Thứ tư,  22/09/2021\n\nKiểm tra công tác cải cách thủ tục hành chính tại Sở Tư pháp\n\n"
                     "LSO-Hôm nay (3/11), Đoàn kiểm tra của Văn phòng UBND tỉnh kiểm tra việc thực hiện kiểm soát "
                     "thủ tục hành chính tại Sở Tư pháp. " + REST)
    assert (md["loai_van_ban"], md["ngay_ban_hanh"], md["nam"]) == ("Tin bài", "", "")


def test_a_stamp_of_the_day_the_lead_says_today_dates_the_post():
    md = metadata_of("Thứ tư, 03/11/2021\n\nKiểm tra công tác cải cách thủ tục hành chính tại Sở Tư pháp\n\n"
                     "Hôm nay (3/11), Đoàn kiểm tra của Văn phòng UBND tỉnh kiểm tra việc thực hiện kiểm soát "
                     "thủ tục hành chính tại Sở Tư pháp. " + REST)
    assert (md["ngay_ban_hanh"], md["nam"]) == ("2021-11-03", "2021")


def test_a_stamp_before_the_day_its_lead_reports_is_a_banner_a_day_after_is_the_posts():
    head = "Kiểm tra cải cách hành chính tại huyện Na Rì\n"
    lead = ", Đoàn kiểm tra của UBND tỉnh Bắc Kạn đã làm việc tại UBND huyện Na Rì. " + REST
    assert metadata_of("Thứ hai, 15/05/2023\n" + head + "Sáng 8/6" + lead)["nam"] == ""
    assert metadata_of("Thứ hai, 15/05/2023\n" + head + "Sáng 14/5" + lead)["ngay_ban_hanh"] == "2023-05-15"
    assert metadata_of("Thứ hai, 02/01/2023\n" + head + "Sáng 28/12" + lead)["nam"] == "2023"  # the year before


def test_today_leads():
    assert TODAY_LEAD.match("LSO-Hôm nay (3/11), Đoàn kiểm tra").group("d", "m") == ("3", "11")
    assert TODAY_LEAD.match("Sáng nay (12/5), UBND huyện").group("d", "m") == ("12", "5")
    assert TODAY_LEAD.match("Hôm nay trời mưa") is None


# --- a report attached to a decision ---------------------------------------------------------------------------------

def test_a_reports_title_page_gives_its_year_not_the_year_it_reports_on():
    md = metadata_of("BỘ NỘI VỤ\n\nBÁO CÁO\nCHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN NĂM 2018\n\nHÀ NỘI, THÁNG 4 NĂM 2019\n\n"
                     "MỤC LỤC\nPHẦN MỘT ........ 1")
    assert (md["nam"], md["ngay_ban_hanh"]) == ("2019", "")


def test_a_cover_line_is_a_place_then_a_month_and_a_year_alone():
    assert COVER_MONTH_YEAR.match("Bắc Giang, tháng 12 năm 2020").group("y") == "2020"
    assert COVER_MONTH_YEAR.match("Hà Nội, năm 2021").group("y") == "2021"
    assert COVER_MONTH_YEAR.match("Kế hoạch thực hiện trong tháng 12 năm 2020") is None


# --- a header flattened into cells, a title citing a decision ------------------------------------------------------

def test_a_place_and_date_cell_glued_after_the_mottos_first_half_is_read():
    md = metadata_of("BỘ QUỐC PHÒNG Số: 1027/QĐ-BQP |\n"
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Hà Nội, ngày 30 tháng 3 năm 2020 |\n"
                     "QUYẾT ĐỊNH\nBan hành Quy chế hoạt động của Bộ phận một cửa\n"
                     "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ;")
    assert (md["co_quan"], md["ngay_ban_hanh"]) == ("Bộ Quốc phòng", "2020-03-30")


def test_a_capital_title_citing_a_decision_by_number_is_no_issuer():
    md = metadata_of("ỦY BAN NHÂN\nDÂN |\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM |\nSố: 110/KH-UBND |\n"
                     "Hải Phòng, ngày 29 tháng 4 năm 2021 |\n"
                     "TRIỂN KHAI THỰC HIỆN QUYẾT ĐỊNH SỐ 468/QĐ-TTG NGÀY 27/3/2021 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ CƠ CHẾ "
                     "MỘT CỬA\nThực hiện Quyết định số 468/QĐ-TTg ngày 27/3/2021 của Thủ tướng Chính phủ, Ủy ban nhân "
                     "dân thành phố xây dựng kế hoạch tổ chức thực hiện, cụ thể như sau:")
    assert (md["so_hieu"], md["co_quan"]) == ("110/KH-UBND", "Ủy ban nhân dân thành phố Hải Phòng")


# --- datelines -----------------------------------------------------------------------------------------------

def test_a_dateline_with_its_time_before_the_weekday_dates_the_post():
    md = metadata_of("Hồ sơ quá hạn giải quyết phải xin lỗi\nCập nhật lúc 08:48, Thứ Năm, 12/07/2018 (GMT+7)\n"
                     "Tiếp tục nâng cao chỉ số cải cách hành chính, UBND huyện Lâm Hà vừa chỉ đạo các cơ quan trực "
                     "thuộc phải xin lỗi bằng văn bản đối với hồ sơ quá hạn giải quyết. " + REST)
    assert (md["loai_van_ban"], md["ngay_ban_hanh"], md["nam"]) == ("Tin bài", "2018-07-12", "2018")
