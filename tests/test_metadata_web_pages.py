"""Kind, title and number of pages as officials paste them from the web (issue 18, helper WA): page furniture around a
post, posts without a dateline, documents cut above their header, legal sites' short titles and tables. Each test is
one general fact about such pages, on lines written for the test."""

from __future__ import annotations

from ingest.boundaries import web_fields
from ingest.document import build_document
from tests.reading import metadata_of

#: A post's body: two sentences of prose, long enough to be a lead anywhere on the page.
LEAD = ("Sáng nay, các đại biểu đã thảo luận về kết quả thực hiện nhiệm vụ của năm và thống nhất các giải pháp cho "
        "thời gian tới. Nhiều ý kiến đề nghị tiếp tục đẩy mạnh giải quyết hồ sơ trực tuyến, rút ngắn thời gian chờ của "
        "người dân tại bộ phận một cửa.")


# --- a search index's date before the page's first line --------------------------------------------------------------

def test_a_search_date_before_the_headline_marks_a_post_and_is_not_part_of_its_headline():
    md = metadata_of(" date 2023-07 Kỳ họp thứ mười, Hội đồng nhân dân huyện khóa mới\n\n" + LEAD)
    assert md["loai_van_ban"] == "Tin bài"
    assert md["tieu_de"] == "Kỳ họp thứ mười, Hội đồng nhân dân huyện khóa mới"
    plan = metadata_of(" date 2021-05 I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nNâng cao nhận thức của cán bộ, công chức "
                       "về cải cách hành chính.\n\nII. NỘI DUNG\n\n1. Tuyên truyền trên trang thông tin điện tử.")
    assert plan["loai_van_ban"] != "Tin bài"  # a dated page showing a plan's sections is no post


def test_a_search_date_before_a_section_label_marks_a_post_without_headline():
    md = metadata_of(" date 2025-09-24 Tin tức\n\n\"Các phường phải họp giao ban mỗi tuần\" - đó là chỉ đạo của "
                     "lãnh đạo tỉnh tại hội nghị sáng nay, nhằm bảo đảm công việc được điều hành thống nhất từ tỉnh "
                     "đến cơ sở.")
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", "")


def test_a_line_of_the_posts_section_and_date_marks_a_post():
    md = metadata_of("Đưa các nghị quyết của hội đồng nhân dân sớm vào cuộc sống\n\nThời sự 14-05-2024\n\n"
                     "Kỳ họp giữa năm đã thông qua nhiều nghị quyết quan trọng về đầu tư công và an sinh xã hội.")
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", "Đưa các nghị quyết của hội đồng nhân dân sớm vào "
                                                               "cuộc sống")


# --- page furniture is no headline -----------------------------------------------------------------------------------

def test_a_photo_caption_above_the_lead_is_not_the_headline():
    md = metadata_of("Quang cảnh buổi làm việc của đoàn kiểm tra\n\n" + LEAD + "\n\nMinh Hà")
    assert md["tieu_de"] == ""


def test_a_skip_link_is_not_the_headline_of_the_post_under_it():
    md = metadata_of("Chuyển đến nội dung chính\n\n" + LEAD + "\n\nMinh Hà")
    assert md["tieu_de"] == ""


def test_a_lead_credited_to_its_outlet_ends_where_a_headline_may_stand():
    md = metadata_of("(QNO) - Ngày 12-3, Sở Nội vụ công bố kết quả chấm điểm cải cách hành chính của năm trước.\n"
                     "Người dân nhận kết quả giải quyết hồ sơ tại bộ phận một cửa của xã\n\n" + LEAD)
    assert md["tieu_de"] == ""


def test_a_lead_credited_to_a_paper_and_its_reporter_by_joined_initials_is_news():
    md = metadata_of("(TN-HL) Sáng nay, bộ phận một cửa của huyện bắt đầu nhận hồ sơ đất đai qua dịch vụ bưu chính "
                     "công ích, giúp người dân không phải đi lại nhiều lần để nộp hồ sơ và nhận kết quả.")
    assert md["loai_van_ban"] == "Tin bài"


def test_a_headline_opening_with_a_post_in_mixed_case_is_a_headline_not_a_body_name():
    md = metadata_of("Chủ tịch UBND huyện tiếp công dân định kỳ vào thứ Năm hằng tuần\n\n" + LEAD)
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", "Chủ tịch UBND huyện tiếp công dân định kỳ vào thứ Năm "
                                                                "hằng tuần")


def test_a_document_cited_with_its_date_inside_a_lead_is_not_a_header_line():
    md = metadata_of("Kế hoạch tổ chức tuần lễ chuyển đổi số trên địa bàn tỉnh năm nay\n\n"
                     "UBND tỉnh vừa ban hành Kế hoạch tổ chức tuần lễ chuyển đổi số trên địa bàn tỉnh nhằm nâng cao "
                     "nhận thức của cán bộ và người dân về lợi ích của dịch vụ công trực tuyến (Kế hoạch số "
                     "99/KH-UBND, ngày 20/9/2024).\n\nAn Nhiên")
    assert (md["loai_van_ban"], md["so_hieu"]) == ("Tin bài", "")
    assert md["tieu_de"].startswith("Kế hoạch tổ chức tuần lễ")


def test_a_first_line_naming_a_body_that_issued_a_document_by_number_and_date_is_a_post():
    md = metadata_of("Bộ Nội vụ ban hành Công văn số 812/BNV-CCHC ngày 14/3/2024 hướng dẫn các địa phương tự chấm điểm "
                     "chỉ số cải cách hành chính của năm trước.\n\n" + LEAD)
    assert (md["loai_van_ban"], md["so_hieu"]) == ("Tin bài", "")


# --- documents cut above their header --------------------------------------------------------------------------------

def test_a_text_cut_above_its_header_that_opens_with_kinh_gui_is_a_cong_van():
    md = metadata_of("Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- Ủy ban nhân dân các huyện, thị xã.\n\n"
                     "Ngày 05/3/2024, Thủ tướng Chính phủ đã ban hành Quyết định số 10/QĐ-TTg về việc triển khai "
                     "nhiệm vụ năm nay. Sở Nội vụ đề nghị các cơ quan, đơn vị triển khai thực hiện nghiêm túc.\n\n"
                     "Trân trọng./.")
    assert md["loai_van_ban"] == "Công văn"


def test_a_note_under_an_attached_texts_own_header_and_title_names_its_decision():
    md = metadata_of("ỦY BAN NHÂN DÂN XÃ AN BÌNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
                     "Độc lập - Tự do - Hạnh phúc\n\n"
                     "QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN XÃ AN BÌNH NHIỆM KỲ 2021 - 2026\n\n"
                     "(Ban hành kèm theo Quyết định số: 31/QĐ-UBND ngày 15 tháng 7 năm 2021 của Ủy ban nhân dân xã)\n\n"
                     "Chương I\nNHỮNG QUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\n\n1. Quy chế này quy định về "
                     "nguyên tắc làm việc của Ủy ban nhân dân xã.")
    assert (md["loai_van_ban"], md["so_hieu"]) == ("Quy chế", "31/QĐ-UBND")


def test_a_note_in_brackets_closing_the_title_is_not_part_of_it():
    md = metadata_of("BỘ NỘI VỤ\n\nSố: 15/TTr-BNV\n\nHà Nội, ngày 2 tháng 4 năm 2024\n\nTỜ TRÌNH\n"
                     "Về dự thảo Quyết định ban hành Quy chế làm việc (sửa đổi)\n"
                     "(trình phiên họp thường kỳ tháng 4 năm 2024)\n\nKính gửi: Thủ tướng Chính phủ\n\n" + LEAD)
    assert md["tieu_de"] == "Về dự thảo Quyết định ban hành Quy chế làm việc (sửa đổi)"


def test_a_title_in_capitals_keeps_the_level_of_a_city_it_names():
    md = metadata_of("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\n\nSố: 21/KH-UBND\n\n"
                     "Thành phố Hồ Chí Minh, ngày 3 tháng 2 năm 2022\n\nKẾ HOẠCH\n"
                     "TIẾP CÔNG DÂN ĐỊNH KỲ TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH\n\n" + LEAD)
    assert md["tieu_de"] == "Tiếp công dân định kỳ trên địa bàn thành phố Hồ Chí Minh"


def test_a_title_in_two_parts_joined_by_a_semicolon_keeps_both():
    md = metadata_of("ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n\nSố: 15/BC-UBND\n\nAn Bình, ngày 2 tháng 4 năm 2024\n\nBÁO CÁO\n\n"
                     "Kết quả thực hiện nhiệm vụ quý I;\n\nPhương hướng nhiệm vụ quý II năm 2024\n\n" + LEAD)
    assert md["tieu_de"] == "Kết quả thực hiện nhiệm vụ quý I; Phương hướng nhiệm vụ quý II năm 2024"


# --- legal sites: short titles, headlines, tables ---------------------------------------------------------------------

def test_a_legal_sites_one_line_short_title_gives_number_kind_and_subject():
    md = metadata_of("Quyết định 45/QĐ-UBND Nghệ An 2023 phê duyệt danh mục dịch vụ công trực tuyến toàn trình")
    assert (md["so_hieu"], md["loai_van_ban"]) == ("45/QĐ-UBND", "Quyết định")
    assert md["tieu_de"] == "Phê duyệt danh mục dịch vụ công trực tuyến toàn trình"


def test_a_short_title_whose_number_holds_the_year_names_the_province_before_the_subject():
    md = metadata_of("Quyết định 27/2016/QĐ-UBND Quảng Bình quy chế phối hợp quản lý cụm công nghiệp")
    assert (md["so_hieu"], md["tieu_de"]) == ("27/2016/QĐ-UBND", "Quy chế phối hợp quản lý cụm công nghiệp")
    dated = metadata_of("Quyết định 1234/QĐ-UBND ngày 12/3/2024 của UBND tỉnh về việc phê duyệt danh mục dự án")
    assert not dated["tieu_de"].startswith("Ngày")  # a line going on with its date is not a short title


def test_a_table_cell_ends_a_portal_fields_value():
    fields = web_fields(["Số hiệu: | 99/2024/NĐ-CP | Ngày đăng công báo: | Đang cập nhật |"])
    assert fields["so_hieu"] == "99/2024/NĐ-CP"


def test_a_portal_headline_with_a_colon_under_a_menu_of_tabs_gives_the_title():
    text = ("- Tổng quan\n- Nội dung\n- VB gốc\n- Hiệu lực\n- VB liên quan\n\n"
            "Nghị định 99/2024/NĐ-CP: Quy định về tổ chức bộ phận một cửa cấp xã\n"
            "| Cơ quan ban hành: | Chính phủ |\n"
            "| Số hiệu: | 99/2024/NĐ-CP | Ngày đăng công báo: | Đang cập nhật |\n"
            "| Loại văn bản: | Nghị định | Người ký: | Trần Văn Bình |\n")
    md = build_document("nd-99", "nd-99.txt", text).metadata
    assert md["so_hieu"] == "99/2024/NĐ-CP"
    assert md["tieu_de"] == "Quy định về tổ chức bộ phận một cửa cấp xã"
