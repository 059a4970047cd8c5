"""Kind and title of pages without a header (issue 18): a legal site's short title of a consolidated text, a post's
headline over nothing but captions and furniture, a tag page's labels, captions and a site's name that are no
headline, the periodic socio-economic report a portal publishes. Lines written for these tests."""

from ingest.clean import clean_lines
from ingest.metadata import extract_metadata, is_headline
from ingest.structure import parse_structure

#: A lead long enough to be a post's body.
LEAD = ("Theo Sở Nội vụ, đến nay toàn bộ các huyện trong tỉnh đã hoàn thành việc lấy ý kiến cử tri về phương án sắp "
        "xếp đơn vị hành chính cấp xã, tỷ lệ cử tri đồng ý đạt trên 90%, bảo đảm đúng quy định và tiến độ đề ra.")


def _read(src: str) -> dict:
    return extract_metadata(parse_structure(clean_lines(src)), src)


def test_a_consolidated_texts_short_title_gives_number_kind_and_title():
    md = _read("Văn bản hợp nhất 05/VBHN-BNV 2022 hợp nhất Nghị định về tổ chức các cơ quan chuyên môn")
    assert md["so_hieu"] == "05/VBHN-BNV"
    assert md["loai_van_ban"] == "Văn bản hợp nhất"
    assert md["tieu_de"] == "Hợp nhất Nghị định về tổ chức các cơ quan chuyên môn"


def test_a_headline_over_captions_and_furniture_is_a_post():
    src = ("Sắp xếp thôn, tổ dân phố: không chạy theo số lượng mà phải bảo đảm đồng thuận\n"
           "Quang cảnh hội nghị triển khai tại huyện. Ảnh: M.H\n"
           "Quang cảnh hội nghị triển khai tại huyện. Ảnh: M.H\n"
           "Lên top")
    md = _read(src)
    assert md["loai_van_ban"] == "Tin bài"
    assert md["tieu_de"] == "Sắp xếp thôn, tổ dân phố: không chạy theo số lượng mà phải bảo đảm đồng thuận"


def test_a_title_naming_its_kind_over_furniture_gives_that_kind():
    md = _read("Quy chế tiếp công dân tại trụ sở Ủy ban nhân dân xã\nIn bài viết")
    assert md["loai_van_ban"] == "Quy chế"
    assert md["tieu_de"] == "Tiếp công dân tại trụ sở Ủy ban nhân dân xã"


def test_a_title_naming_its_author_keeps_the_subject_only():
    md = _read("Chỉ thị của Chủ tịch Ủy ban nhân dân huyện về việc tăng cường kỷ luật, kỷ cương hành chính\nLên top")
    assert md["loai_van_ban"] == "Chỉ thị"
    assert md["tieu_de"] == "Về việc tăng cường kỷ luật, kỷ cương hành chính"


def test_a_line_alone_stays_unread():
    # a tag page's tag, a site's title of a document and a post's headline read alike: unsure stays empty
    for line in ("Huyện Yên Lạc dự kiến giảm bốn xã sau khi sắp xếp đơn vị hành chính",
                 "Hướng dẫn chấm điểm chỉ số cải cách hành chính cấp xã"):
        md = _read(line)
        assert (md["loai_van_ban"], md["tieu_de"]) == ("", "")


def test_a_tag_pages_label_and_the_headline_printed_twice():
    headline = "Bộ Nội vụ hoàn thiện hồ sơ đề án sắp xếp đơn vị hành chính cấp xã năm 2025"
    md = _read(f"Tags:\ncấp xã\n{headline}\n{headline}\n{LEAD}")
    assert md["loai_van_ban"] == "Tin bài"
    assert md["tieu_de"] == headline


def test_a_tag_pages_heading_is_not_the_headline():
    headline = "Hai năm sắp xếp giảm được năm huyện và hơn ba trăm xã"
    md = _read(f"cấp huyện\nTin tức mới nhất về cấp huyện\n{headline}\n{LEAD}")
    assert md["tieu_de"] == headline


def test_a_caption_with_its_photographers_credit_is_no_headline():
    assert not is_headline("Cử tri phường 5 điền phiếu lấy ý kiến tại khu phố, ngày 3/10. Ảnh:Minh Khoa")
    src = (f"Tin trong nước\n05/10/2020 08:09\n{LEAD}\n"
           "Cử tri phường 5 điền phiếu lấy ý kiến tại khu phố, ngày 3/10. Ảnh:Minh Khoa\n" + LEAD)
    assert _read(src)["tieu_de"] != "Cử tri phường 5 điền phiếu lấy ý kiến tại khu phố, ngày 3/10. Ảnh:Minh Khoa"


def test_a_headline_about_photographs_is_still_a_headline():
    assert is_headline("Cuộc thi ảnh: Vẻ đẹp bộ phận một cửa trong mắt người dân")


def test_a_sites_name_in_small_letters_or_its_publisher_is_no_headline():
    src = ("chính phủ nước cộng hòa xã hội chủ nghĩa việt nam\nBáo Điện tử Chính phủ\n"
           "(Chinhphu.vn) - Bộ Chính trị đã cân nhắc kỹ việc không giữ lại cấp huyện khi sắp xếp bộ máy.")
    assert _read(src)["tieu_de"] == ""


def test_the_periodic_socio_economic_report_is_a_report():
    src = f"Tình hình kinh tế - xã hội tháng 6 và 6 tháng đầu năm 2024\nThứ sáu - 28/06/2024 09:15\n{LEAD}\n{LEAD}"
    md = _read(src)
    assert md["loai_van_ban"] == "Báo cáo"
    assert md["tieu_de"] == "Tình hình kinh tế - xã hội tháng 6 và 6 tháng đầu năm 2024"


def test_the_periodic_report_headline_drops_its_kind_word():
    src = ("Tìm kiếm tin tức\nBáo cáo Tình hình kinh tế - xã hội 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2021\n"
           f"Ngày cập nhật 12/07/2021\n{LEAD}")
    md = _read(src)
    assert md["loai_van_ban"] == "Báo cáo"
    assert md["tieu_de"] == "Tình hình kinh tế - xã hội 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2021"


def test_a_post_on_the_economy_that_is_no_periodic_report_stays_a_post():
    headline = "Tình hình kinh tế tỉnh khởi sắc nhờ thu hút đầu tư"
    md = _read(f"{headline}\n04/06/2024 - 21:54\n{LEAD}\n{LEAD}")
    assert md["loai_van_ban"] == "Tin bài"


def test_a_propaganda_outline_in_capitals_over_its_sections_is_an_outline():
    src = ("ĐỀ CƯƠNG TUYÊN TRUYỀN VỀ CHUYỂN ĐỔI SỐ TRÊN ĐỊA BÀN HUYỆN NĂM 2024\nĐăng ngày 17 - 05 - 2024\n"
           "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao nhận thức của cán bộ và nhân dân về chuyển đổi số.")
    md = _read(src)
    assert md["loai_van_ban"] == "Đề cương"
    assert md["tieu_de"].startswith("Tuyên truyền về chuyển đổi số")


def test_a_post_credited_to_its_reporters_is_a_post():
    src = ("- Chủ tịch UBND huyện tiếp công dân vào ngày thứ năm của tuần đầu tiên trong tháng.\n"
           "- Phó Chủ tịch UBND huyện tiếp công dân vào ngày thứ năm của tuần thứ ba trong tháng.\nP.V")
    assert _read(src)["loai_van_ban"] == "Tin bài"


def test_a_headline_before_an_inline_dateline_is_the_title():
    src = ("Xã Tân Lập: Tổng kết mười năm xây dựng nông thôn mới 09:40 12/05/2023 (Mặt trận) -Sáng 10/5, Ủy ban "
           "nhân dân xã Tân Lập tổ chức hội nghị tổng kết mười năm xây dựng nông thôn mới, đánh giá kết quả đạt được "
           "và đề ra phương hướng, nhiệm vụ cho giai đoạn tiếp theo với nhiều chỉ tiêu cụ thể.")
    assert _read(src)["tieu_de"] == "Xã Tân Lập: Tổng kết mười năm xây dựng nông thôn mới"
