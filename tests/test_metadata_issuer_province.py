"""Issuer and province read by class of page (issue 18, helper P5): each test is one general fact about Vietnamese
documents or portal pages, on lines written for the test."""

from __future__ import annotations

from tests.reading import metadata_of

# --- a council's resolution cut above its type line ----------------------------------------------------------------

def test_a_council_header_restated_by_its_enacting_line_names_one_body():
    md = metadata_of("HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                     "Số: 07/2019/NQ-HĐND | Lào Cai, ngày 12 tháng 7 năm 2019 |\n"
                     "HỘI ĐỒNG NHÂN DÂN TỈNH LÀO CAI\n"
                     "KHÓA XV KỲ HỌP THỨ CHÍN\n"
                     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n")
    assert md["co_quan"] == "Hội đồng nhân dân tỉnh Lào Cai"
    assert md["tinh"] == "Lào Cai"


# --- a page without header whose opening names its issuer by level ----------------------------------------------

OPENING_BY_LEVEL = ("Lịch tiếp công dân của Chủ tịch HĐND huyện năm 2022\n\n"
                    "Thực hiện Luật Tiếp công dân năm 2013, Thường trực HĐND huyện xây dựng lịch tiếp công dân "
                    "của Chủ tịch HĐND huyện như sau:\n\n"
                    "1. Chủ tịch HĐND huyện tiếp công dân vào ngày 10 hàng tháng.\n\n"
                    "Địa điểm: Trụ sở tiếp công dân huyện Mường Nhé.\n")


def test_a_council_standing_committee_opening_a_page_is_its_issuer_named_with_the_unit_the_page_gives():
    md = metadata_of(OPENING_BY_LEVEL)
    assert md["co_quan"] == "Thường trực Hội đồng nhân dân huyện Mường Nhé"
    assert md["tinh"] == "Điện Biên"


def test_a_body_named_by_its_level_only_in_a_page_naming_no_unit_stays_unknown():
    md = metadata_of("Thực hiện Nghị định số 61/2018/NĐ-CP, Ủy ban nhân dân thành phố ban hành Kế hoạch triển khai "
                     "như sau:\n1. Đánh giá sự hài lòng trên toàn thành phố.\n")
    assert md["co_quan"] == ""


# --- a portal's links to other posts --------------------------------------------------------------------------------

def test_places_in_a_link_to_the_previous_post_do_not_outvote_the_page():
    md = metadata_of(OPENING_BY_LEVEL.replace("huyện Mường Nhé", "huyện Na Rì")
                     + "\nBài trướcNa Rì đón đoàn công tác của Thành phố Hồ Chí Minh\n"
                     "Bài tiếp theoVăn bản về việc phòng, chống dịch\n")
    assert md["tinh"] == "Bắc Kạn"


def test_headlines_listed_under_related_posts_do_not_vote_for_the_province():
    md = metadata_of("Ngày 12/3/2023, UBND huyện Mộc Châu đã tổ chức kiểm tra công tác cải cách hành chính tại năm xã, "
                     "thị trấn trên địa bàn huyện. Qua kiểm tra, đoàn ghi nhận nhiều cách làm hay trong việc tiếp nhận "
                     "hồ sơ trực tuyến của người dân và doanh nghiệp.\n"
                     "Tin liên quan\n"
                     "Tỉnh Quảng Ngãi tập huấn cải cách hành chính\n"
                     "Tỉnh Quảng Ngãi khen thưởng các xã\n")
    assert md["tinh"] == "Sơn La"


# --- a news post reporting a notice ---------------------------------------------------------------------------------

def test_a_post_reporting_a_notice_is_not_the_notice_and_has_no_issuer():
    md = metadata_of("UBND tỉnh Quảng Trị vừa có Thông báo số 211/TB-UBND về việc thay đổi ngày tiếp công dân "
                     "định kỳ tháng 9 năm 2018.\n\n"
                     "Theo đó, phiên tiếp công dân định kỳ của lãnh đạo tỉnh được chuyển sang thứ hai ngày 17.\n\n"
                     "UBND tỉnh thông báo để các sở, ban, ngành và công dân biết, thực hiện.\n\nT.H\n")
    assert md["loai_van_ban"] == "Tin bài"
    assert md["co_quan"] == ""
    assert md["tinh"] == "Quảng Trị"


# --- a joint office of the deputies' delegation, the council and the committee ------------------------------------

def test_the_joint_office_of_three_bodies_keeps_its_name_and_its_province():
    md = metadata_of("Lịch tiếp công dân năm 2020 tại Trụ sở Tiếp công dân tỉnh\n"
                     "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh thông báo lịch tiếp công dân năm 2020 như sau:\n"
                     "1. Ngày 09/01/2020: Chủ tịch UBND tỉnh;\n"
                     "2. Ngày 16/01/2020: Đoàn ĐBQH đơn vị tỉnh Hà Giang;\n")
    assert md["co_quan"] == "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh Hà Giang"


# --- a post's source line -------------------------------------------------------------------------------------------

TEASER = ("CẢI CÁCH THỦ TỤC ĐỂ NGƯỜI DÂN BỚT PHIỀN HÀ\n\n"
          "Tại phiên họp thường kỳ, UBND tỉnh Nam Định sẽ xem xét việc cắt giảm thời gian giải quyết thủ tục hành "
          "chính. Việc làm này nhằm phục vụ người dân và doanh nghiệp được tốt hơn.\n\n")


def test_a_source_line_with_the_original_address_names_the_publisher():
    md = metadata_of(TEASER + "Nguồn VTV Online: http://vtv.vn/thoi-su/2019/9/cai-cach-thu-tuc-123.htm")
    assert md["loai_van_ban"] == "Tin bài"
    assert md["co_quan"] == "VTV Online"


def test_a_source_line_naming_only_a_province_is_a_place_label_not_a_publisher():
    md = metadata_of(TEASER + "Nguồn Nam Định: https://baonamdinh.vn/cai-cach-thu-tuc-post123.html")
    assert md["co_quan"] == ""
    assert md["tinh"] == "Nam Định"


# --- a scan whose header OCR garbled --------------------------------------------------------------------------------

SCAN = ("TJBND TiNH SOC TRANG so N0l VU\n"
        "CQNG HOA XA HQI CHO NGHIA VIET NAM\n"
        "DQc lip - Tg do - H4nh phfc Sd;45 , KH-SNV Soc Tr4ng, ngdy 12 th6ng t ndm 2019\n"
        "KE HOACH\n"
        "Ki6m tra c6ng t6c c6i c6ch h4nh chinh n6m 2019\n")


def test_a_garbled_scan_gives_the_year_of_its_dateline_and_the_province_above_its_motto():
    md = metadata_of(SCAN)
    assert md["nam"] == "2019"
    assert md["ngay_ban_hanh"] == ""  # the month is unreadable
    assert md["tinh"] == "Sóc Trăng"


# --- a page about a 2025 merger --------------------------------------------------------------------------------------

def test_a_post_about_merging_three_provinces_is_about_none_of_them_alone():
    md = metadata_of("date 2025-04 Theo Quyết định số 759/QĐ-TTg ngày 14/4/2025 của Thủ tướng Chính phủ, phương án "
                     "sắp xếp đơn vị hành chính cấp tỉnh đã được công bố.\n\n"
                     "Theo đó, sáp nhập tỉnh Vĩnh Phúc, tỉnh Hòa Bình và tỉnh Phú Thọ thành 1 tỉnh mới có tên gọi là "
                     "tỉnh Phú Thọ, trung tâm hành chính - chính trị đặt tại thành phố Việt Trì, tỉnh Phú Thọ hiện "
                     "nay.\n")
    assert md["tinh"] == ""


# --- a page that kept only a headline, a tag page ------------------------------------------------------------------

def test_a_page_holding_only_a_headline_is_about_the_province_it_names():
    assert metadata_of("Đà Nẵng dự kiến giảm 4 sở sau khi tinh gọn bộ máy")["tinh"] == "Đà Nẵng"


def test_a_tag_page_naming_a_province_among_its_tags_is_about_none():
    assert metadata_of("Đà Nẵng, Đề án sắp xếp các đơn vị hành chính, ý kiến cử tri, lấy ý kiến nhân dân")["tinh"] == ""


# --- a post's publisher, named by the site ---------------------------------------------------------------------------

POST_LEAD = ("(Chinhphu.vn) - Bộ Nội vụ đã xem xét kỹ phương án sắp xếp đơn vị hành chính cấp xã trong cả nước, "
             "bảo đảm đúng tiến độ và quy định.")


def test_a_post_under_its_site_header_is_published_by_the_site():
    md = metadata_of("cổng thông tin điện tử chính phủ\nBáo Điện tử Chính phủ\n" + POST_LEAD)
    assert md["loai_van_ban"] == "Tin bài"
    assert md["co_quan"] == "Báo Điện tử Chính phủ"


def test_a_publisher_glued_to_the_dateline_is_the_post_s_publisher_and_gives_its_province():
    md = metadata_of("Phú Yên sắp xếp đơn vị hành chính cấp xã năm 2025\n\n"
                     "(Baophuyen.vn) - Toàn văn nghị quyết về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh.\n\n"
                     "Báo Phú YênBáo Phú Yên17/06/2025\n\n"
                     "Ủy ban Thường vụ Quốc hội quyết định sắp xếp để thành lập các đơn vị hành chính cấp xã.\n")
    assert md["co_quan"] == "Báo Phú Yên"
    assert md["tinh"] == "Phú Yên"


def test_a_school_site_header_over_an_essay_is_not_an_issuer():
    md = metadata_of("TRƯỜNG CHÍNH TRỊ TỈNH HÀ NAM\n\nMột số giải pháp nâng cao chất lượng cải cách hành chính\n\n"
                     "ThS. Trần Văn Bình\n\n"
                     + "Cải cách hành chính là nhiệm vụ trọng tâm của cả hệ thống chính trị. " * 4)
    assert md["co_quan"] == ""


# --- a post's dateline in more of the forms portals print -----------------------------------------------------------

HEADLINE = "Huyện Krông Pắc tổng kết công tác cải cách hành chính"
LEAD = ("Sáng nay, Ủy ban nhân dân huyện Krông Pắc tổ chức hội nghị tổng kết công tác cải cách hành chính, đánh giá "
        "kết quả thực hiện các nhiệm vụ trọng tâm và đề ra phương hướng cho thời gian tới với nhiều giải pháp cụ thể.")


def test_a_dateline_among_labelled_segments_dates_the_post():
    for line in ("Tác giả: Minh Hà | 12/03/2023", "Lượt xem: 123 | 12/03/2023 10:05", "12/03/2023 10:05 Lượt xem: 345",
                 "Đăng bởi: Admin - 12/03/2023", "Người đăng: Minh Hà | Ngày đăng: 12/03/2023"):
        md = metadata_of(f"{HEADLINE}\n{line}\n{LEAD}")
        assert (md["ngay_ban_hanh"], md["nam"]) == ("2023-03-12", "2023"), line


def test_a_dateline_with_the_month_as_a_word_dates_the_post():
    for line in ("12 Tháng 3, 2023", "Thứ Hai, 12 Tháng 3 2023 10:05"):
        md = metadata_of(f"{line}\n{HEADLINE}\n{LEAD}")
        assert (md["ngay_ban_hanh"], md["nam"]) == ("2023-03-12", "2023"), line



# --- a province written in an older spelling or with a tone left out -------------------------------------------------

def test_a_province_written_in_an_older_spelling_or_with_a_tone_left_out_is_read():
    for written, province in (("Đăk Lăk", "Đắk Lắk"), ("Đắc Lắc", "Đắk Lắk"), ("Đăk Nông", "Đắk Nông"),
                              ("Bắc Cạn", "Bắc Kạn")):
        md = metadata_of(f"Ngày 12/3/2023, UBND tỉnh {written} đã tổ chức kiểm tra công tác cải cách hành chính tại "
                         "các sở, ngành. Qua kiểm tra, đoàn ghi nhận nhiều cách làm hay trong việc tiếp nhận hồ sơ "
                         "trực tuyến của người dân.")
        assert md["tinh"] == province, written


def test_a_common_word_is_still_no_province():
    md = metadata_of("Ngày 12/3/2023, đoàn kiểm tra ghi nhận diễn biến phức tạp của tình hình; bác cần đến trụ sở "
                     "để được hướng dẫn thủ tục hành chính theo quy định hiện hành của Nhà nước về tiếp công dân.")
    assert md["tinh"] == ""


# --- a department written under its parent body in the header -------------------------------------------------------

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def header_doc(body: str, code: str, place: str = "Quảng Nam") -> str:
    return (f"{body}\n{MOTTO}Số: 15/{code}\n{place}, ngày 05 tháng 3 năm 2021\nKẾ HOẠCH\n"
            "Kiểm tra công tác cải cách hành chính năm 2021\nCăn cứ Quyết định số 12/QĐ-UBND;\nI. MỤC ĐÍCH\n")


def test_a_district_department_under_its_committee_is_the_issuer_of_that_district():
    md = metadata_of(header_doc("UBND HUYỆN THĂNG BÌNH\nPHÒNG NỘI VỤ", "KH-PNV"))
    assert md["co_quan"] == "Phòng Nội vụ huyện Thăng Bình"
    assert md["tinh"] == "Quảng Nam"


def test_a_provincial_unit_named_under_the_committee_is_the_issuer():
    for unit, name in (("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "Ban quản lý các khu công nghiệp"),
                       ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Trung tâm phục vụ hành chính công"),
                       ("CHI CỤC VĂN THƯ - LƯU TRỮ", "Chi cục văn thư - lưu trữ")):
        md = metadata_of(header_doc(f"UBND TỈNH QUẢNG NAM\n{unit}", "KH-UBND"))
        assert md["co_quan"].lower() == f"{name} tỉnh Quảng Nam".lower(), unit


def test_a_department_name_wrapped_onto_two_header_lines_is_read_whole():
    md = metadata_of(header_doc("UBND TỈNH QUẢNG NAM\nSỞ THÔNG TIN VÀ\nTRUYỀN THÔNG", "KH-STTTT"))
    assert md["co_quan"].lower() == "sở thông tin và truyền thông tỉnh quảng nam"


def test_a_council_standing_board_under_the_council_is_the_issuer():
    md = metadata_of(header_doc("HĐND TỈNH QUẢNG NAM\nTHƯỜNG TRỰC HĐND", "KH-HĐND"))
    assert md["co_quan"] == "Thường trực Hội đồng nhân dân tỉnh Quảng Nam"


def test_a_provincial_steering_committee_signing_bcd_is_not_a_national_body():
    md = metadata_of(header_doc("UBND TỈNH QUẢNG NAM\nBAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH", "KH-BCĐ"))
    assert md["co_quan"].lower() == "ban chỉ đạo cải cách hành chính tỉnh quảng nam"
    assert md["tinh"] == "Quảng Nam"


# --- a place-and-date line in more of the forms typists use -------------------------------------------------------

def test_a_place_and_date_line_with_a_comma_before_the_year_or_dots_between_figures_dates_the_document():
    for line in ("Quảng Nam, ngày 05 tháng 3, năm 2021", "Quảng Nam, ngày 05.3.2021", "Quảng Nam, ngày 05-3-2021"):
        md = metadata_of(header_doc("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM", "KH-UBND").replace(
            "Quảng Nam, ngày 05 tháng 3 năm 2021", line))
        assert (md["ngay_ban_hanh"], md["nam"]) == ("2021-03-05", "2021"), line


# --- a post of 2025 naming a commune or ward created at the mergers ---------------------------------------------------

def test_a_ward_named_at_the_2025_mergers_gives_the_province_it_belongs_to():
    md = metadata_of("Ngày 15/7/2025, UBND phường An Hội Tây tổ chức hội nghị triển khai mô hình chính quyền địa "
                     "phương hai cấp, tiếp nhận hồ sơ của người dân tại trung tâm phục vụ hành chính công phường.")
    assert md["tinh"] == "Thành phố Hồ Chí Minh"


# --- a portal's "today" banner ------------------------------------------------------------------------------------

def test_a_today_banner_above_a_post_is_no_place_and_date_line():
    md = metadata_of("Thứ Hai, ngày 16 tháng 6 năm 2025\n" + HEADLINE + "\n" + LEAD)
    assert md["ngay_ban_hanh"] == ""
