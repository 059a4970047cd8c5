"""Document forms read from the text (issue 18, the last reading gaps): one literal example per form."""

from __future__ import annotations

import pytest

from tests.reading import metadata_of
from textnorm.patterns import NATIONAL_RANKING, NEWS_AGENCY_DATELINE, NEWS_CREDIT

#: A lead long enough to be prose (a news post's body).
LEAD_REST = ("Theo đó, đoàn kiểm tra làm việc với các sở, ban, ngành và UBND các huyện về công tác chỉ đạo, điều hành, "
             "cải cách thủ tục hành chính, cải cách tổ chức bộ máy và hiện đại hóa hành chính trong năm.")


# --- the committee's authority line without the province's name, glued to the title -----------------------------

def test_committee_authority_without_its_name_glued_to_the_title_is_not_title():
    md = metadata_of("ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nSố: 636/QĐ-UBND\nBình Định, ngày 21 tháng 11 năm 2012\n\n"
                     "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY ĐỊNH VỀ THEO DÕI ĐÁNH GIÁ KẾT QUẢ CẢI CÁCH HÀNH CHÍNH\n"
                     "TRÊN ĐỊA BÀN TỈNH BÌNH ĐỊNH\nỦY BAN NHÂN DÂN TỈNH\n"
                     "Căn cứ Luật Tổ chức HĐND và UBND ngày 26 tháng 11 năm 2003;")
    assert md["tieu_de"] == ("Về việc ban hành quy định về theo dõi đánh giá kết quả cải cách hành chính trên địa bàn "
                             "tỉnh Bình Định")


def test_title_naming_the_committee_of_its_province_keeps_it():
    md = metadata_of("Số: 12/KH-UBND\n\nKẾ HOẠCH\nKIỂM TRA CÁC ĐƠN VỊ TRỰC THUỘC ỦY BAN NHÂN DÂN TỈNH\n"
                     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
    assert md["tieu_de"] == "Kiểm tra các đơn vị trực thuộc ủy ban nhân dân tỉnh"
    md = metadata_of("Số: 12/KH-VPUBND\n\nKẾ HOẠCH\nCẢI CÁCH HÀNH CHÍNH NĂM 2021 CỦA VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH\n"
                     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
    assert md["tieu_de"] == "Cải cách hành chính năm 2021 của văn phòng ủy ban nhân dân tỉnh"


# --- news posts -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "NHN Online - Qua thời gian theo dõi, đánh giá cho thấy việc chấp hành sự chỉ đạo của UBND tỉnh Gia Lai chưa "
    "nghiêm; Chủ tịch UBND tỉnh vừa ký văn bản chấn chỉnh.",
    "VOV.VN -Từ thực tế cho thấy, việc tinh giản biên chế bộ máy hành chính tỉnh Gia Lai sẽ không đơn giản.",
], ids=["online", "site-name"])
def test_lead_credited_to_an_outlet_without_brackets_is_news(lead):
    md = metadata_of(lead)
    assert (md["loai_van_ban"], md["tinh"], md["ngay_ban_hanh"], md["tieu_de"]) == ("Tin bài", "Gia Lai", "", "")


@pytest.mark.parametrize("line", ["UBND - Các sở thực hiện báo cáo.", "Kế hoạch - Tổ chức thực hiện"])
def test_a_plan_line_opening_with_an_acronym_and_a_dash_is_no_credit(line):
    assert not NEWS_CREDIT.match(line)


def test_news_agency_dateline_in_the_lead_dates_the_post_and_its_place_is_not_the_subject():
    md = metadata_of("Hà Nội (TTXVN 18/4/2024) Trong năm 2023, Quảng Ninh đứng đầu bảng xếp hạng Chỉ số cải cách "
                     "hành chính; thành phố Hải Phòng xếp thứ 2/63 tỉnh, thành phố trực thuộc Trung ương. "
                     + LEAD_REST + "\n\nQuảng Ninh đứng đầu trên cả 2 bảng xếp hạng PAR INDEX và SIPAS năm 2023")
    assert (md["loai_van_ban"], md["ngay_ban_hanh"], md["nam"]) == ("Tin bài", "2024-04-18", "2024")
    assert md["tinh"] == ""  # a national ranking: about the country, not Hà Nội where the agency wrote
    assert md["tieu_de"] == ""  # a caption under the lead is no headline


def test_agency_dateline_form():
    m = NEWS_AGENCY_DATELINE.match("Quảng Ninh (TTXVN 05/01/2023) - Sáng nay, tỉnh tổ chức hội nghị")
    assert m.group("place", "d", "m", "y") == ("Quảng Ninh", "05", "01", "2023")
    assert NEWS_AGENCY_DATELINE.match("Hà Nội (cũ) và các tỉnh") is None


def test_a_province_ranked_in_the_country_keeps_its_own_post():
    md = metadata_of("(Baobariavungtau.vn) - Năm 2021, chỉ số SIPAS của tỉnh Bà Rịa - Vũng Tàu đạt 86,72%, xếp thứ "
                     "38/63 tỉnh, thành phố trong cả nước. " + LEAD_REST)
    assert (md["loai_van_ban"], md["tinh"]) == ("Tin bài", "Bà Rịa - Vũng Tàu")


def test_national_ranking_form():
    assert NATIONAL_RANKING.search("Hà Nội xếp thứ 3/63 tỉnh, thành phố trực thuộc Trung ương")
    assert NATIONAL_RANKING.search("Chỉ số Cải cách hành chính (PAR Index) của 63 địa phương")
    assert not NATIONAL_RANKING.search("kiểm tra 3/6 huyện và 63 hồ sơ")


def test_post_ending_with_its_author_in_title_case_is_news_and_a_caption_is_no_headline():
    md = metadata_of("Theo nội dung quyết định, Chủ tịch UBND tỉnh đã thành lập 02 đoàn kiểm tra. Các đơn vị được "
                     "kiểm tra gồm thị xã Giá Rai; huyện Hồng Dân; huyện Đông Hải. " + LEAD_REST
                     + "\n\nĐoàn kiểm tra thực tế tại đơn vị\n\n" + LEAD_REST + "\n\nĐình Thuyết")
    assert (md["loai_van_ban"], md["tinh"], md["tieu_de"], md["nam"]) == ("Tin bài", "Bạc Liêu", "", "")


def test_a_text_ending_with_a_place_name_is_no_byline():
    md = metadata_of(LEAD_REST + "\n\nKiên Giang")
    assert md["loai_van_ban"] == ""


# --- a law pasted without its header ----------------------------------------------------------------------------

LAW_ARTICLE = ("Điều 43. Áp dụng quy định của Luật Cán bộ, công chức đối với các đối tượng khác\n"
               "1. Chính phủ quy định cụ thể việc áp dụng Luật này đối với những người được bầu cử.")


@pytest.mark.parametrize(("heading", "year"), [
    ("Chương 7 Luật Cán bộ, công chức năm 2025", "2025"),
    ("Chương VII Luật Cán bộ, công chức 2025", "2025"),
    ("Luật Cán bộ, công chức năm 2025", "2025"),
    ("Luật Cán bộ, công chức", ""),
], ids=["part-and-year", "roman-part", "name-and-year", "name"])
def test_law_named_by_a_portal_heading_without_its_header(heading, year):
    md = metadata_of(heading + "\n" + LAW_ARTICLE)
    assert (md["loai_van_ban"], md["tieu_de"], md["nam"], md["tinh"], md["so_hieu"]) == (
        "Luật", "Cán bộ, công chức", year, "", "")


def test_a_chapter_heading_without_a_law_name_is_no_title():
    md = metadata_of("Chương 7 QUY ĐỊNH CHUNG\n" + LAW_ARTICLE)
    assert md["tieu_de"] == ""
    assert md["loai_van_ban"] == "Luật"  # from "áp dụng Luật này" in the article, not from the heading


def test_law_year_from_its_date_line_wins_over_its_cited_name():
    md = metadata_of("QUỐC HỘI\nLuật số: 80/2025/QH15\n\nHà Nội, ngày 24 tháng 6 năm 2025\n\n"
                     "LUẬT\nCÁN BỘ, CÔNG CHỨC\n\n" + LAW_ARTICLE)
    assert (md["loai_van_ban"], md["nam"], md["so_hieu"], md["tieu_de"]) == (
        "Luật", "2025", "80/2025/QH15", "Cán bộ, công chức")
