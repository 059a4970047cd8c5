"""Title and kind of forms the reader met on unseen pages (issue 18): a dateline with its clock before its weekday, a
media label before a headline, a resolution whose council line the page joined to its title, a plan whose title
cites a decision's number without a type line above it. Lines written for these tests."""

from ingest.clean import clean_lines
from ingest.metadata import extract_metadata
from ingest.structure import parse_structure

#: A lead long enough to be a post's body.
LEAD = ("Nhằm nâng cao chất lượng giải quyết thủ tục hành chính, UBND huyện vừa chỉ đạo các cơ quan chuyên môn phải "
        "gửi văn bản xin lỗi tổ chức, cá nhân khi hồ sơ bị trễ hạn, nêu rõ lý do và thời hạn trả kết quả mới.")


def _read(src: str) -> dict:
    return extract_metadata(parse_structure(clean_lines(src)), src)


def test_a_dateline_with_its_clock_before_its_weekday_dates_a_post():
    md = _read("Trễ hạn hồ sơ phải gửi thư xin lỗi người dân\n"
               "Cập nhật lúc 09:15, Thứ Hai, 16/09/2019 (GMT+7)\n" + LEAD)
    assert md["loai_van_ban"] == "Tin bài"
    assert md["tieu_de"] == "Trễ hạn hồ sơ phải gửi thư xin lỗi người dân"
    assert (md["ngay_ban_hanh"], md["nam"]) == ("2019-09-16", "2019")


def test_a_media_label_before_a_headline_is_no_part_of_the_title():
    md = _read("[Video] Trễ hạn hồ sơ phải gửi thư xin lỗi người dân\n"
               "Thứ Hai, 16/09/2019 09:15\n" + LEAD)
    assert md["tieu_de"] == "Trễ hạn hồ sơ phải gửi thư xin lỗi người dân"


def test_a_council_line_joined_to_a_resolutions_title_is_left_out():
    src = ("HỘI ĐỒNG NHÂN DÂN TỈNH BẾN TRE | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Số: 21/2021/NQ-HĐND | Bến Tre, ngày 10 tháng 12 năm 2021\n"
           "NGHỊ QUYẾT\n"
           "VỀ KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2022 HỘI ĐỒNG NHÂN DÂN TỈNH BẾN TRE, KHÓA X - KỲ HỌP THỨ 4\n"
           "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
    md = _read(src)
    assert md["loai_van_ban"] == "Nghị quyết"
    assert md["tieu_de"] == "Về kế hoạch đầu tư công năm 2022"


def test_a_title_citing_a_decision_without_a_type_line_is_the_title():
    src = ("ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Số: 85/KH-UBND |\n"
           "Nam Định, ngày 12 tháng 5 năm 2021 |\n"
           "TRIỂN KHAI THỰC HIỆN QUYẾT ĐỊNH SỐ 468/QĐ-TTG NGÀY 27/3/2021 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ CƠ CHẾ MỘT CỬA\n"
           "Thực hiện Quyết định số 468/QĐ-TTg ngày 27/3/2021 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh xây dựng "
           "kế hoạch thực hiện như sau:")
    md = _read(src)
    assert (md["so_hieu"], md["loai_van_ban"]) == ("85/KH-UBND", "Kế hoạch")
    assert md["tieu_de"].startswith("Triển khai thực hiện quyết định số 468/QĐ-TTG ngày 27/3/2021")


def test_a_post_under_a_today_banner_whose_lead_says_when_its_meeting_sat():
    src = ("Hôm nay, Thứ tư ngày 12/08/2020\n"
           "Tin tức trong Huyện\n"
           "Hội nghị góp ý dự thảo báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2019\n"
           "Thực hiện chương trình công tác năm, chiều 12/11, tại hội trường, UBND huyện tổ chức Hội nghị góp ý "
           "dự thảo báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2019 và phương hướng năm "
           "2020. Đồng chí Chủ tịch UBND huyện chủ trì hội nghị.")
    md = _read(src)
    assert md["loai_van_ban"] == "Tin bài"
    assert md["tieu_de"] == ("Hội nghị góp ý dự thảo báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã "
                             "hội năm 2019")
    assert (md["ngay_ban_hanh"], md["nam"]) == ("", "")  # the banner is the day of the visit


def test_a_headline_run_into_its_lead_is_cut_at_the_leads_day():
    src = ("Hội nghị tổng kết công tác cải cách hành chính năm 2023 của phường Hòa An Chiều ngày 20/12/2023, tại hội "
           "trường UBND phường đã tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2023 và triển khai "
           "nhiệm vụ năm 2024. Đồng chí Chủ tịch UBND phường chủ trì hội nghị, các công chức cùng dự.")
    md = _read(src)
    assert md["tieu_de"] == "Hội nghị tổng kết công tác cải cách hành chính năm 2023 của phường Hòa An"


def test_a_short_headline_counts_its_figures_as_words():
    md = _read("Quận 3 nhập 12 phường?\n"
               "Tin Việt Nam\n"
               "Thứ Hai, 05/10/2020 08:09\n" + LEAD)
    assert md["loai_van_ban"] == "Tin bài"
    assert md["tieu_de"] == "Quận 3 nhập 12 phường?"


def test_a_weekday_stamp_among_buttons_is_no_headline():
    md = _read("Print Thứ Ba, 29/06/2021 10:51 Gốc\n" + LEAD)
    assert md["tieu_de"] == ""
