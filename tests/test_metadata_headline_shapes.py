"""How a news post's headline is delimited (issue 18, helper T12): a headline's line may end with the post's stamp,
a headline in capitals may open with the body it reports on, and a post's information line may put its view count
after a comma. Each test is one general fact about such pages, on lines written for the test."""

from __future__ import annotations

from ingest.document import build_document
from tests.reading import metadata_of

#: A post's lead: two sentences of prose, long enough to be a lead anywhere on the page.
LEAD = ("Sáng ngày 14/11/2025, các đại biểu đã thảo luận về kết quả thực hiện nhiệm vụ của năm và thống nhất các giải "
        "pháp cho thời gian tới. Nhiều ý kiến đề nghị tiếp tục đẩy mạnh giải quyết hồ sơ trực tuyến, rút ngắn thời "
        "gian chờ của người dân tại bộ phận một cửa.")


# --- the stamp ending a headline's line ------------------------------------------------------------------------------

def test_a_date_and_time_after_the_headline_is_the_posts_stamp_not_a_word_of_its_title():
    md = metadata_of(" date 2025-11-12 Tỉnh còn 1.401 hồ sơ chậm được tiếp nhận trên Cổng dịch vụ công "
                     "12/11/2025 17:51\n\n" + LEAD)
    assert md["loai_van_ban"] == "Tin bài"
    assert md["tieu_de"] == "Tỉnh còn 1.401 hồ sơ chậm được tiếp nhận trên Cổng dịch vụ công"
    assert md["ngay_ban_hanh"] == "2025-11-12"


def test_a_bracketed_date_after_the_headline_is_its_stamp():
    md = metadata_of("Huyện tạo bước đột phá trong cải cách hành chính (21/05/2020)\n\n" + LEAD)
    assert md["tieu_de"] == "Huyện tạo bước đột phá trong cải cách hành chính"
    assert md["ngay_ban_hanh"] == "2020-05-21"


def test_a_date_the_headline_names_without_a_time_stays_in_the_title():
    md = metadata_of("Tổng kết công tác cải cách hành chính được tổ chức ngày 12/11/2025\n\n" + LEAD)
    assert md["tieu_de"].endswith("ngày 12/11/2025")


def test_the_sentence_right_over_the_dateline_is_the_headline_not_the_sites_banner_above_it():
    md = metadata_of("Chào mừng dịp kỷ niệm 80 năm Cách mạng tháng Tám và Quốc khánh 2/9\n\n"
                     "Xã Phú Lâm triển khai Kế hoạch kiểm tra công tác cải cách hành chính năm 2026.\n\n"
                     "Thứ hai - 02/02/2026 16:30\n\n" + LEAD)
    assert md["tieu_de"] == "Xã Phú Lâm triển khai Kế hoạch kiểm tra công tác cải cách hành chính năm 2026."
    assert md["ngay_ban_hanh"] == "2026-02-02"


def test_two_sentences_over_the_dateline_are_no_headline():
    md = metadata_of("Trang tin cải cách hành chính của huyện\n\nĐoàn đã kiểm tra xã. Xã đã khắc phục ngay các tồn "
                     "tại.\n\nThứ hai - 02/02/2026 16:30\n\n" + LEAD)
    assert md["tieu_de"] == "Trang tin cải cách hành chính của huyện"


# --- a headline in capitals that opens with a body's name ------------------------------------------------------------

def test_a_capitals_headline_over_the_lead_is_the_posts_title_and_names_no_issuer():
    md = metadata_of("HĐND XÃ VI HƯƠNG KHAI MẠC KỲ HỌP THỨ TÁM KỲ HỌP THƯỜNG LỆ GIỮA NĂM\n\n"
                     "Thực hiện chương trình hoạt động năm 2023. " + LEAD)
    assert md["loai_van_ban"] == "Tin bài"
    assert md["co_quan"] == ""
    assert md["tieu_de"].lower() == "hđnd xã vi hương khai mạc kỳ họp thứ tám kỳ họp thường lệ giữa năm"


def test_a_headers_body_name_over_its_number_is_still_the_issuer():
    md = metadata_of("ỦY BAN NHÂN DÂN\nXÃ VI HƯƠNG\n\nSố: 12/KH-UBND\n\nVi Hương, ngày 5 tháng 3 năm 2023\n\n"
                     "KẾ HOẠCH\nKiểm tra công tác cải cách hành chính năm 2023\n\n" + LEAD)
    assert md["co_quan"] == "Ủy ban nhân dân xã Vi Hương"
    assert md["loai_van_ban"] == "Kế hoạch"


def test_a_capitals_headline_keeps_every_line_of_the_post():
    src = "HĐND XÃ VI HƯƠNG KHAI MẠC KỲ HỌP THỨ TÁM KỲ HỌP THƯỜNG LỆ GIỮA NĂM\n\n" + LEAD
    doc = build_document("vd", "vd.txt", src)
    assert doc.text.startswith("HĐND XÃ VI HƯƠNG KHAI MẠC KỲ HỌP THỨ TÁM")  # metadata only: the text is whole
    assert any("bộ phận một cửa" in p.text for p in doc.passages)


# --- a post's information line ---------------------------------------------------------------------------------------

def test_a_posted_on_line_with_its_view_count_after_a_comma_dates_the_post():
    md = metadata_of("Triển khai các nhiệm vụ cải cách thủ tục hành chính đến hết năm\n"
                     "Đăng ngày 03-10-2023 15:23, Lượt xem: 88\n\n" + LEAD)
    assert (md["loai_van_ban"], md["ngay_ban_hanh"], md["nam"]) == ("Tin bài", "2023-10-03", "2023")


# --- a PDF's look-alike letters --------------------------------------------------------------------------------------

def test_a_title_extracted_with_the_look_alike_of_u_horn_is_given_with_the_letter():
    md = metadata_of("Số: 12/BC-UBND\n\nHà Nam, ngày 5 tháng 3 năm 2019\n\nBÁO CÁO\n"
                     "Chỉ số hài lòng của ng\u01a3ời dân đối với sự phục vụ của cơ quan hành chính nhà n\u01a3ớc\n\n"
                     "I. KẾT QUẢ\n\n- Khảo sát.")
    assert md["tieu_de"] == "Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước"
