"""How a post's headline is told from a header line and from the dateline printed after it (issue 18, session 13):
a headline in capitals may open with a body's name and go on to say what the body did; a portal may print the post's
date and time after its headline, on the same line."""

from __future__ import annotations

import pytest

from tests.reading import metadata_of

LEAD = ("Sáng ngày 14/11/2025, Hội đồng nhân dân xã tổ chức kỳ họp thứ 4 (kỳ họp chuyên đề) để xem xét, thảo luận "
        "và quyết nghị những nội dung quan trọng thuộc thẩm quyền. Chủ tịch HĐND xã chủ tọa kỳ họp, các đại biểu "
        "thảo luận và biểu quyết thông qua các nghị quyết.")
PLAIN_LEAD = ("Thực hiện chương trình hoạt động năm 2023, Hội đồng nhân dân xã khai mạc kỳ họp thứ 8, đánh giá tình "
              "hình thực hiện nhiệm vụ 6 tháng đầu năm 2023 và đề ra giải pháp cho 6 tháng cuối năm; các đại biểu "
              "thảo luận báo cáo của Ủy ban nhân dân xã.")


@pytest.mark.parametrize(
    ("headline", "lead"),
    [
        ("HỘI ĐỒNG NHÂN DÂN XÃ MỸ HÒA HƯNG KHÓA XII, NHIỆM KỲ 2021 – 2026 THÔNG QUA 4 NGHỊ QUYẾT QUAN TRỌNG", LEAD),
        ("HĐND XÃ VI HƯƠNG KHAI MẠC KỲ HỌP THỨ TÁM KỲ HỌP THƯỜNG LỆ GIỮA NĂM", PLAIN_LEAD),
    ],
)
def test_a_capitals_headline_opening_with_a_body_is_a_post_not_its_issuer(headline, lead):
    md = metadata_of(f"{headline}\n{lead}")
    assert md["loai_van_ban"] == "Tin bài"
    assert md["co_quan"] == ""
    assert md["tieu_de"].lower() == headline.lower()


def test_a_body_name_over_a_header_stays_the_issuer():
    md = metadata_of("TỔ CÔNG TÁC CHUYÊN TRÁCH CẢI CÁCH THỦ TỤC HÀNH CHÍNH CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
                     "Số: 467/CCTTHC\nHà Nội, ngày 12 tháng 5 năm 2010\n" + LEAD)
    assert md["co_quan"].lower().startswith("tổ công tác chuyên trách")
    assert md["loai_van_ban"] != "Tin bài"


@pytest.mark.parametrize(
    ("line", "title", "date"),
    [
        ("Lai Châu tạo bước đột phá trong cải cách hành chính (21/05/2020)",
         "Lai Châu tạo bước đột phá trong cải cách hành chính", "2020-05-21"),
        (" date 2025-11-12 An Giang còn 1.401 hồ sơ chậm được tiếp nhận trên Cổng dịch vụ công 12/11/2025 17:51",
         "An Giang còn 1.401 hồ sơ chậm được tiếp nhận trên Cổng dịch vụ công", "2025-11-12"),
    ],
)
def test_a_dateline_after_the_headline_dates_the_post_and_is_no_part_of_its_title(line, title, date):
    lead = ("Để đưa tỉnh thoát khỏi tình trạng đặc biệt khó khăn, những năm qua tỉnh đã đổi mới phương pháp làm việc, "
            "cắt giảm thủ tục hành chính, rút ngắn thời gian giải quyết, hạn chế gây phiền hà cho người dân.")
    md = metadata_of(f"{line}\n\n{lead}")
    assert (md["loai_van_ban"], md["tieu_de"], md["ngay_ban_hanh"]) == ("Tin bài", title, date)


def test_a_date_a_headline_is_about_stays_in_it():
    headline = "Lịch tiếp công dân của Chủ tịch UBND xã ngày 15/03/2024"
    lead = ("Theo lịch, Chủ tịch UBND xã sẽ tiếp công dân tại trụ sở, người dân có thể trình bày kiến nghị, phản ánh "
            "về thủ tục hành chính, đất đai và các chính sách an sinh xã hội trên địa bàn xã.")
    md = metadata_of(f"{headline}\n{lead}")
    assert md["tieu_de"] == headline


def test_letters_a_pdf_lost_are_read_back_in_the_title():
    md = metadata_of("BÁO CÁO\nChỉ số hài lòng của ngƣời dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà "
                     "nƣớc năm 2018\n\nI. KẾT QUẢ\n- Chỉ số đạt 82,08%.")
    assert md["tieu_de"].startswith("Chỉ số hài lòng của người dân")
    assert "nhà nước" in md["tieu_de"]


NOTICE_BODY_TEXT = ("PHẦN I. THI TUYỂN CÔNG CHỨC\nI. ĐỐI TƯỢNG, ĐIỀU KIỆN ĐĂNG KÝ DỰ THI\n"
                    "Những người có đủ các điều kiện sau đây được đăng ký dự thi công chức:\n"
                    "a) Là công dân Việt Nam;\nb) Tuổi đời từ đủ 18 tuổi trở lên;")


def test_a_department_giving_notice_in_its_own_name_issues_a_notice():
    md = metadata_of("Sở Nội vụ tỉnh Bắc Giang tuyển dụng công chức, viên chức năm 2023\n\n11/04/2023\n\n"
                     "Sở Nội vụ tỉnh Bắc Giang thông báo thi tuyển công chức, xét tuyển viên chức năm 2023, cụ thể "
                     "như sau:\n\n" + NOTICE_BODY_TEXT)
    assert (md["loai_van_ban"], md["co_quan"], md["ngay_ban_hanh"]) == (
        "Thông báo", "Sở Nội vụ tỉnh Bắc Giang", "2023-04-11")


def test_a_post_telling_that_a_department_gave_notice_stays_a_post():
    md = metadata_of("Bắc Giang tuyển dụng công chức năm 2023\n\n11/04/2023\n\n"
                     "Sở Nội vụ tỉnh Bắc Giang vừa thông báo thi tuyển công chức, xét tuyển viên chức năm 2023 như "
                     "sau: thi tuyển 120 chỉ tiêu công chức, xét tuyển 35 chỉ tiêu viên chức tại các đơn vị sự nghiệp "
                     "trực thuộc; thời gian nhận hồ sơ đến hết tháng 5.")
    assert md["loai_van_ban"] == "Tin bài"


def test_attached_rules_keep_their_heading_as_kind():
    md = metadata_of("QUY ĐỊNH\nCÔNG TÁC VĂN THƯ TRÊN ĐỊA BÀN TỈNH BÌNH PHƯỚC\n(Ban hành kèm theo Quyết định số "
                     "63/2010/QĐ-UBND ngày 29 tháng 9 năm 2010 của UBND tỉnh)\nChương I\nQUY ĐỊNH CHUNG\n"
                     "Điều 1. Phạm vi và đối tượng điều chỉnh")
    assert md["loai_van_ban"] == "Quy định"
    assert md["tieu_de"].lower() == "công tác văn thư trên địa bàn tỉnh bình phước"


def test_a_council_named_without_its_place_beside_the_motto_takes_it_from_the_enacting_line():
    md = metadata_of("HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 18/2018/NQ-HĐND | Hậu Giang, "
                     "ngày 07 tháng 12 năm 2018 |\nQUY ĐỊNH MỘT SỐ NỘI DUNG, MỨC CHI CHẾ ĐỘ HÀNH CHÍNH SỰ NGHIỆP TRÊN "
                     "ĐỊA BÀN TỈNH HẬU GIANG\nHỘI ĐỒNG NHÂN DÂN TỈNH HẬU GIANG\nKHÓA IX KỲ HỌP THỨ MƯỜI\n"
                     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
    assert (md["loai_van_ban"], md["co_quan"]) == ("Nghị quyết", "Hội đồng nhân dân tỉnh Hậu Giang")
    assert md["tieu_de"].startswith("Quy định một số nội dung")
