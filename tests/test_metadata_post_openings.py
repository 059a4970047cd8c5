"""Kind and title of pages by how they open (issue 18, helper K5): a post shown without its headline, under a tag
line, in another language or with its headline in capitals or printed twice; a headline over a one-sentence
teaser; a post reporting a notice; a council's resolution without its title line; a calendar. Each test
is one general fact about a class of pages, on lines written for the test; each fails on the main of the session."""

from __future__ import annotations

from tests.reading import metadata_of

#: A post's paragraph of prose, long enough to be a lead anywhere on a page.
PROSE = ("Trong hai ngày làm việc, đoàn giám sát đã nghe các phòng chuyên môn báo cáo kết quả tiếp nhận hồ sơ trực "
         "tuyến, đồng thời đề nghị huyện rà soát lại quy trình nội bộ để rút ngắn thời gian giải quyết cho người dân "
         "và doanh nghiệp.")
#: Two sentences of a lead, each short of a paragraph of prose.
FIRST = "Năm nay, thị trấn Đồng Tâm đã số hóa toàn bộ hồ sơ hộ tịch lưu tại bộ phận một cửa."
SECOND = "Cán bộ tư pháp được phân công hỗ trợ người cao tuổi nộp hồ sơ trên cổng dịch vụ công."


# --- a page that opens with prose --------------------------------------------------------------------------------

def test_a_page_opening_with_a_paragraph_of_prose_is_a_post_unless_cut_inside_a_sentence_or_numbered():
    md = metadata_of(PROSE + "\n\nT.LINH")
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", "")
    cut = metadata_of("nghiệp vụ, đặc biệt là " + PROSE[0].lower() + PROSE[1:])
    assert cut["loai_van_ban"] == ""
    body = metadata_of(PROSE + "\n\n1. Tiếp tục rà soát, đơn giản hóa thủ tục hành chính\n\nCác phòng chuyên môn "
                       "thực hiện thường xuyên.\n\n2. Nâng cao chất lượng phục vụ\n\nBộ phận một cửa bảo đảm đúng giờ.")
    assert body["loai_van_ban"] == ""
    for part in ("Điều 2. Chánh Văn phòng chịu trách nhiệm thi hành.", "a) Rà soát quy trình nội bộ."):
        assert metadata_of(PROSE + "\n\n" + part)["loai_van_ban"] == "", part  # an article, a lettered point


def test_a_tag_line_in_small_letters_and_a_dash_above_a_teaser_are_not_its_headline():
    md = metadata_of("chuyển đổi số\n-\n" + PROSE + "\n-\n-")
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", "")


def test_two_sentences_of_a_lead_make_a_post_also_in_another_language():
    assert metadata_of(FIRST + "\n\n" + SECOND + "\n\n" + SECOND)["loai_van_ban"] == "Tin bài"
    english = ("The district People's Committee has just set up a team to check how communes handle records online.\n\n"
               "The team will visit eight communes and report its findings to the committee before the end of June.")
    assert metadata_of(english)["loai_van_ban"] == "Tin bài"


# --- headlines -----------------------------------------------------------------------------------------------------

def test_a_headline_in_capitals_over_prose_is_a_posts_headline_in_sentence_case():
    md = metadata_of("NÂNG CAO CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN TẠI BỘ PHẬN MỘT CỬA\n\n" + PROSE)
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", "Nâng cao chất lượng phục vụ người dân tại bộ phận một "
                                                               "cửa")


def test_a_headline_printed_twice_is_read_once_without_the_breadcrumbs_prefix():
    headline = "Số hóa toàn bộ hồ sơ hộ tịch tại thị trấn Đồng Tâm"
    md = metadata_of(f"Asset Publisher\n\nnull {headline}\n\n{headline}\n\n{FIRST}\n\nẢnh: bộ phận một cửa\n\n{SECOND}")
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", headline)


def test_a_headline_over_a_one_sentence_teaser_is_a_post():
    md = metadata_of("Đồng Tâm số hóa toàn bộ hồ sơ hộ tịch\n\n" + FIRST)
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", "Đồng Tâm số hóa toàn bộ hồ sơ hộ tịch")


# --- a post reporting a notice --------------------------------------------------------------------------------------

def test_a_post_reporting_a_notice_by_number_stays_a_post_and_its_photo_caption_is_no_headline():
    md = metadata_of("UBND huyện Đồng Tâm vừa có Thông báo số 88/TB-UBND về việc lùi lịch tiếp công dân tháng 5.\n\n"
                     "UBND huyen lui lich tiep cong dan - Anh 1\n\n"
                     "Lịch tiếp công dân định kỳ trùng ngày nghỉ lễ nên được chuyển sang thứ Hai tuần sau.\n\n"
                     "UBND huyện thông báo để các cơ quan, tổ chức và công dân biết.\n\nK.T")
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", "")


# --- a council's resolution without its title line --------------------------------------------------------------------

def test_a_councils_term_and_session_line_is_not_the_title_of_a_resolution_without_one():
    md = metadata_of("HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                     "Số: 21/2019/NQ-HĐND | Lạng Sơn, ngày 10 tháng 12 năm 2019 |\n"
                     "HỘI ĐỒNG NHÂN DÂN TỈNH LẠNG SƠN\nKHÓA XVI, KỲ HỌP THỨ MƯỜI HAI\n"
                     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
                     "Điều 1. Quy định mức chi hỗ trợ công tác hòa giải ở cơ sở.")
    assert (md["loai_van_ban"], md["tieu_de"], md["so_hieu"]) == ("Nghị quyết", "", "21/2019/NQ-HĐND")


# --- calendars ------------------------------------------------------------------------------------------------------

def test_a_calendar_is_a_notice_titled_by_its_headline():
    md = metadata_of("Lịch tiếp công dân tháng 8 năm 2025 của Chủ tịch UBND xã Đồng Tâm\n"
                     "- Thứ Ba, ngày 5/8/2025: Chủ tịch UBND xã tiếp công dân tại trụ sở.\n"
                     "- Thứ Ba, ngày 19/8/2025: Phó Chủ tịch UBND xã tiếp công dân.")
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Thông báo", "Lịch tiếp công dân tháng 8 năm 2025 của Chủ tịch "
                                                                 "UBND xã Đồng Tâm")


def test_a_dated_post_of_a_calendar_stays_a_post_titled_by_its_short_headline():
    md = metadata_of("Lịch công tác\n\n08:00 04/08/2025\n\n1. Sáng thứ Hai: giao ban lãnh đạo.\n\n"
                     "2. Chiều thứ Tư: làm việc với các phòng chuyên môn.")
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", "Lịch công tác")


def test_a_short_headline_opening_with_a_bodys_name_is_a_headline_not_a_header():
    md = metadata_of("Phường Tân An tổ chức đối thoại với thanh niên\n\n" + FIRST + "\n\n" + SECOND)
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", "Phường Tân An tổ chức đối thoại với thanh niên")
    assert metadata_of("Sở Tư pháp tỉnh Hòa Bình")["loai_van_ban"] == ""  # a body's name alone is no headline


# --- page furniture above a headline --------------------------------------------------------------------------------

def test_a_portals_banner_a_bodys_name_in_capitals_or_a_breadcrumb_is_not_the_headline_under_it():
    headline = "Kiểm tra việc số hóa hồ sơ hộ tịch tại thị trấn Đồng Tâm"
    for chrome in ("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ĐỒNG TÂM", "ỦY BAN NHÂN DÂN HUYỆN ĐỒNG TÂM",
                   "Trang chủ > Tin tức > Tư pháp"):
        md = metadata_of(f"{chrome}\n\n{headline}\n\n{PROSE}")
        assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", headline), chrome
