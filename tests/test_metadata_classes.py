"""Metadata read by class of page, not by page (issue 18, helper M): each test is one general fact about Vietnamese
documents or web pages, on lines written for the test."""

from __future__ import annotations

from ingest.clean import clean_lines
from ingest.frontmatter import is_agency
from tests.reading import metadata_of
from textnorm.lines import is_part_label

#: A lead of two sentences, long enough to be a post's body anywhere on the page.
LONG_LEAD = ("Chiều nay, lãnh đạo các phòng chuyên môn cùng trao đổi kinh nghiệm về việc giải quyết hồ sơ "
             "trực tuyến. Theo số liệu của bộ phận một cửa, tỷ lệ hồ sơ trả đúng hẹn trong quý đạt trên chín mươi phần "
             "trăm, tăng so với cùng kỳ năm trước.")


# --- a post's headline ---------------------------------------------------------------------------------------------

def test_a_headline_naming_a_body_before_a_colon_is_a_post_not_a_header():
    md = metadata_of("Sở Tư pháp: Đổi mới cách tiếp nhận hồ sơ của người dân\n" + LONG_LEAD)
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", "Sở Tư pháp: Đổi mới cách tiếp nhận hồ sơ của người dân")
    assert md["co_quan"] == ""  # the body the headline names did not write the post


def test_a_tag_line_above_the_headline_is_neither_the_headline_nor_a_reason_to_miss_the_post():
    md = metadata_of("chuyển đổi số\n\nKhai trương hệ thống tiếp nhận phản ánh của người dân qua điện thoại\n"
                     + LONG_LEAD)
    assert md["loai_van_ban"] == "Tin bài"
    assert md["tieu_de"] == "Khai trương hệ thống tiếp nhận phản ánh của người dân qua điện thoại"


def test_one_summary_sentence_under_a_headline_ends_a_list_page_and_is_a_lead():
    md = metadata_of("Bảy huyện hoàn thành rà soát thủ tục hành chính trước thời hạn\n"
                     "Theo báo cáo của Văn phòng UBND tỉnh, tính đến hết ngày 15/5 có bảy trên mười huyện đã hoàn "
                     "thành việc rà soát, đơn giản hóa thủ tục hành chính năm nay.")
    assert md["loai_van_ban"] == "Tin bài"
    assert md["tieu_de"].startswith("Bảy huyện hoàn thành")


def test_a_short_sentence_in_the_middle_of_a_page_is_no_lead():
    md = metadata_of("Danh mục thủ tục hành chính được chuẩn hóa trong năm\n"
                     "Các thủ tục được công bố lại.\n"
                     "- Thủ tục cấp phiếu lý lịch tư pháp;\n- Thủ tục chứng thực bản sao.")
    assert md["loai_van_ban"] == ""


def test_a_header_line_naming_a_body_alone_is_still_a_header():
    md = metadata_of("Sở Tư pháp tỉnh Hà Nam\nThông tin về công tác tiếp nhận hồ sơ trong tháng\n" + LONG_LEAD)
    assert md["loai_van_ban"] == ""  # a body's name over prose may open a document: unsure, so no kind


# --- where a title ends --------------------------------------------------------------------------------------------

def test_the_head_of_a_board_under_the_title_is_its_authority_line_not_the_title():
    assert is_agency("TRƯỞNG BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH")
    md = metadata_of("BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                     "Số: 5/QĐ-BCĐ\nNam Định, ngày 3 tháng 4 năm 2024\nQUYẾT ĐỊNH\n"
                     "VỀ VIỆC BAN HÀNH QUY CHẾ HOẠT ĐỘNG CỦA TỔ GIÚP VIỆC\n"
                     "TRƯỞNG BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH\n"
                     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nQUYẾT ĐỊNH:\n"
                     "Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động của Tổ giúp việc.")
    assert md["tieu_de"] == "Về việc ban hành quy chế hoạt động của tổ giúp việc"


def test_a_part_label_under_a_wrapped_title_opens_the_part_and_ends_the_title():
    assert is_part_label("Phần thứ hai") and is_part_label("CHƯƠNG III") and not is_part_label("Phần lớn các xã")
    lines = [ln.text for ln in clean_lines("BÁO CÁO\nKết quả thực hiện nhiệm vụ\nnăm 2023 của xã\nPhần thứ hai\n"
                                          "PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024")]
    assert "Phần thứ hai" in lines


# --- drafts and templates with their blanks ------------------------------------------------------------------------

def test_a_header_flattened_column_by_column_keeps_the_body_above_the_numbers_label():
    from ingest.boundaries import find_document

    raw = ("Tải về bản đầy đủ của tài liệu\n\nBỘ TƯ PHÁP\nSố:\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Độc lập - Tự do - Hạnh phúc\n\n/TTr-BTP\n\nHà Nội, ngày 3 tháng 5 năm 2019\n\nTỜ TRÌNH\n"
           "Về dự án Luật sửa đổi, bổ sung một số điều của Luật Hộ tịch\n\nI. SỰ CẦN THIẾT\n\nLuật đã bộc lộ bất cập.")
    kept = [line.text for line in find_document(clean_lines(raw)).lines]
    assert kept[:2] == ["BỘ TƯ PHÁP", "Số:"]
    assert metadata_of(raw)["co_quan"] == "Bộ Tư pháp"


def test_a_templates_blank_body_and_place_name_nothing_but_its_date_stands():
    md = metadata_of("ỦY BAN NHÂN DÂN XÃ ..........\nSố: /BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Độc lập - Tự do - Hạnh phúc\n.........., ngày 14 tháng 12 năm 2021\nBÁO CÁO\n"
                     "Kết quả thực hiện công tác dân vận chính quyền năm 2021\n\nI. ĐẶC ĐIỂM TÌNH HÌNH\n\n"
                     "Xã có 5 thôn.")
    assert (md["co_quan"], md["tinh"]) == ("", "")
    assert (md["ngay_ban_hanh"], md["nam"], md["loai_van_ban"]) == ("2021-12-14", "2021", "Báo cáo")


def test_a_place_and_date_line_split_at_a_drafts_blanks_is_one_line():
    lines = [line.text for line in clean_lines("Đà Nẵng, ngày\n\ntháng\n\nnăm 2019\n\nDỰ THẢO")]
    assert lines[0] == "Đà Nẵng, ngày tháng năm 2019"
    joined = [line.text for line in clean_lines("Đà Nẵng, ngày 4\ntháng 6 năm 2019")]
    assert joined == ["Đà Nẵng, ngày 4 tháng 6 năm 2019"]
    assert metadata_of("BỘ NỘI VỤ\nSố: /TTr-BNV\nĐà Nẵng, ngày\n\ntháng\n\nnăm 2019\n\nTỜ TRÌNH\n"
                       "Về việc thành lập thị xã\n\nKính gửi: Chính phủ")["nam"] == "2019"


def test_an_attached_text_shown_without_its_decision_takes_the_decisions_number_and_date():
    md = metadata_of("QUY CHẾ\nLÀM VIỆC CỦA BỘ PHẬN MỘT CỬA CẤP HUYỆN TỈNH THÁI BÌNH\n"
                     "(Ban hành kèm theo Quyết định số 7/2021/QĐ-UBND ngày 14 tháng 5 năm 2021 của UBND tỉnh)\n\n"
                     "Chương I\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\n\n"
                     "Quy chế này quy định việc tiếp nhận hồ sơ.")
    assert (md["loai_van_ban"], md["so_hieu"], md["ngay_ban_hanh"]) == ("Quy chế", "7/2021/QĐ-UBND", "2021-05-14")
    assert (md["tinh"], md["co_quan"]) == ("Thái Bình", "Ủy ban nhân dân tỉnh Thái Bình")


def test_a_decision_with_its_own_number_keeps_it_over_a_note_it_cites():
    md = metadata_of("Số: 15/KH-UBND\nThái Bình, ngày 2 tháng 6 năm 2021\nKẾ HOẠCH\nTriển khai Quy chế một cửa\n"
                     "(Kèm theo Quyết định số 7/2021/QĐ-UBND ngày 14 tháng 5 năm 2021)\n\nI. MỤC ĐÍCH\n\n- Thực hiện.")
    assert (md["so_hieu"], md["ngay_ban_hanh"]) == ("15/KH-UBND", "2021-06-02")


def test_a_long_trich_yeu_naming_two_decrees_is_kept_whole():
    subject = ("Về việc ban hành Quy chế phối hợp giữa các sở, ban, ngành và UBND các huyện, thành phố trong việc "
               "tiếp nhận, giải quyết hồ sơ theo cơ chế một cửa, một cửa liên thông theo quy định tại Nghị định số\n"
               "61/2018/NĐ-CP ngày 23/4/2018 và Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ trên địa "
               "bàn tỉnh")
    assert len(subject) > 300  # wrapped over two lines, as a header's trích yếu is
    md = metadata_of("ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\nSố: 20/QĐ-UBND\nPhú Yên, ngày 5 tháng 1 năm 2022\nQUYẾT ĐỊNH\n"
                     + subject + "\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
    assert md["tieu_de"].endswith("trên địa bàn tỉnh")


# --- the issuer named by the body's opening sentence ---------------------------------------------------------------

def test_a_notice_without_header_is_issued_by_the_body_its_opening_sentence_names():
    md = metadata_of("THÔNG BÁO\nLịch trực tiếp nhận hồ sơ của UBND phường Hòa Khánh năm 2025\n"
                     "Căn cứ Luật Tiếp công dân ngày 25/11/2013;\n"
                     "UBND phường Hòa Khánh thông báo lịch trực tiếp nhận hồ sơ như sau:\n"
                     "1. Buổi sáng từ 7 giờ 30 phút.\n2. Buổi chiều từ 13 giờ 30 phút.")
    assert (md["loai_van_ban"], md["co_quan"], md["cap"]) == ("Thông báo", "Ủy ban nhân dân phường Hòa Khánh", "Xã")


def test_a_sentence_naming_a_body_that_does_not_open_on_a_colon_issues_nothing():
    from textnorm.patterns import ISSUER_OPENING

    assert ISSUER_OPENING.match("UBND huyện Bạch Thông thông báo lịch tiếp công dân như sau:")
    assert not ISSUER_OPENING.match("UBND huyện Bạch Thông thông báo kết quả kiểm tra tại các xã.")
    assert not ISSUER_OPENING.match("Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:")  # no place: not named


def test_an_addressee_line_opens_its_own_line_in_a_hard_wrapped_text():
    raw = ("Thực hiện chỉ đạo của Thủ tướng Chính phủ, Bộ Nội vụ đã xây dựng\ndự thảo Nghị định và đề nghị\n"
           "các bộ, ngành cho ý kiến về nội dung\ncủa dự thảo trước khi trình\nChính phủ xem xét, quyết định\n"
           "trong tháng tới theo đúng\nTỜ TRÌNH\nVề dự thảo Nghị định quy định chế độ báo cáo\nKính gửi: Chính phủ\n"
           "Thực hiện Chương trình công tác năm, Bộ Nội vụ trình\nChính phủ dự thảo Nghị định\nvới các nội dung\n"
           "chủ yếu như sau:")
    texts = [line.text for line in clean_lines(raw)]
    assert "Kính gửi: Chính phủ" in texts
    two_lines = raw.replace("Kính gửi: Chính phủ", "Kính gửi: Ủy ban nhân dân các\nhuyện")
    wrapped = [line.text for line in clean_lines(two_lines)]
    assert "Kính gửi: Ủy ban nhân dân các huyện" in wrapped  # an addressee wrapped onto a line in lower case
    assert "Về dự thảo Nghị định quy định chế độ báo cáo" in texts


# --- a notice shown as its body only (issue 18, helper M2) ---------------------------------------------------------

def test_a_notice_closing_with_its_formula_is_a_notice_of_the_unit_the_text_names():
    md = metadata_of("1. Chủ tịch UBND phường tiếp công dân vào sáng thứ ba hằng tuần tại trụ sở, số 12 đường Lê Lợi, "
                     "phường Hòa Thuận, nếu trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp.\n"
                     "2. Công dân mang theo giấy tờ tùy thân khi đến trình bày.\n"
                     "UBND phường thông báo để cán bộ và nhân dân trên địa bàn được biết./.")
    assert (md["loai_van_ban"], md["co_quan"]) == ("Thông báo", "Ủy ban nhân dân phường Hòa Thuận")
    assert md["tieu_de"] == ""  # no headline: the first item is no title


def test_a_notice_naming_two_units_of_its_level_keeps_the_bare_level():
    md = metadata_of("Lịch làm việc của bộ phận một cửa tại xã An Bình và xã An Phú được điều chỉnh từ tháng sau, "
                     "buổi chiều kéo dài thêm một giờ để người dân kịp nộp hồ sơ sau giờ làm việc.\n"
                     "UBND xã thông báo đến các cơ quan, đơn vị và nhân dân biết.")
    assert md["loai_van_ban"] == "Thông báo"
    assert md["co_quan"] == "Ủy ban nhân dân xã"  # two communes named: neither is surely the issuer's
    office = metadata_of("Buổi tiếp công dân định kỳ của Chủ tịch UBND tỉnh trong tháng này được lùi sang tuần sau do "
                         "lãnh đạo tỉnh dự hội nghị của Chính phủ; thời gian cụ thể sẽ được báo trên cổng thông tin.\n"
                         "Văn phòng UBND tỉnh thông báo đến quý cơ quan và công dân biết.")
    assert (office["loai_van_ban"], office["co_quan"]) == ("Thông báo", "Văn phòng Ủy ban nhân dân tỉnh")


def test_a_notice_opening_with_its_formula_takes_its_headline_without_the_kind_word():
    md = metadata_of("Thông báo lịch trực lãnh đạo của Ủy ban nhân dân xã Hòa Phong tháng Tư\n"
                     "Ủy Ban nhân dân xã Hòa Phong thông báo lịch trực lãnh đạo trong tháng như sau:\n"
                     "- Thứ hai: đồng chí Chủ tịch.\n- Thứ ba: đồng chí Phó Chủ tịch.")
    assert (md["loai_van_ban"], md["co_quan"]) == ("Thông báo", "Ủy ban nhân dân xã Hòa Phong")
    assert md["tieu_de"] == "Lịch trực lãnh đạo của Ủy ban nhân dân xã Hòa Phong tháng Tư"


def test_a_post_reporting_that_a_body_gave_notice_stays_a_post():
    md = metadata_of("Huyện tạm dừng tiếp công dân định kỳ trong tháng Bảy\n15/07/2021 - 09:30\n"
                     "Do ảnh hưởng của dịch bệnh, lãnh đạo huyện quyết định tạm dừng buổi tiếp công dân định kỳ của "
                     "tháng này; người dân có thể gửi đơn qua đường bưu điện hoặc hộp thư điện tử của huyện. UBND "
                     "huyện đã thông báo rộng rãi trên đài truyền thanh.")
    assert md["loai_van_ban"] == "Tin bài"


# --- where a title ends, and a national committee ------------------------------------------------------------------

def test_a_part_heading_under_a_title_in_capitals_is_not_the_title():
    md = metadata_of("ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH\nSố: 88/KH-UBND\nNam Định, ngày 2 tháng 3 năm 2023\nKẾ HOẠCH\n"
                     "CẢI CÁCH HÀNH CHÍNH TỈNH NAM ĐỊNH NĂM 2023\nPHẦN I. ĐÁNH GIÁ KẾT QUẢ NĂM 2022\n"
                     "I. KẾT QUẢ\n1. Công tác chỉ đạo\nTrong năm, tỉnh đã ban hành\nnhiều văn bản chỉ đạo về\n"
                     "cải cách thủ tục hành chính,\ntổ chức bộ máy và\nxây dựng chính quyền số\ntheo đúng kế hoạch\n"
                     "đã đề ra từ đầu năm.")  # a hard-wrapped page: its lines are joined where a sentence runs on
    assert md["tieu_de"] == "Cải cách hành chính tỉnh Nam Định năm 2023"


def test_a_national_committees_decision_is_central_and_its_chairmans_line_ends_the_title():
    md = metadata_of("ỦY BAN QUỐC GIA VỀ\nNGƯỜI CAO TUỔI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Độc lập - Tự do - Hạnh phúc\nSố: 5/QĐ-UBQGNCT\nHà Nội, ngày 3 tháng 4 năm 2022\nQUYẾT ĐỊNH\n"
                     "BAN HÀNH KẾ HOẠCH HOẠT ĐỘNG NĂM 2022\nCHỦ TỊCH ỦY BAN QUỐC GIA VỀ NGƯỜI CAO TUỔI\n"
                     "Căn cứ Luật Người cao tuổi ngày 23 tháng 11 năm 2009;")
    assert md["tieu_de"] == "Ban hành kế hoạch hoạt động năm 2022"
    assert (md["co_quan"].lower(), md["tinh"], md["cap"]) == ("ủy ban quốc gia về người cao tuổi", "", "Trung ương")


# --- a page that opens with its kind, its issuer in the opening, a post with a summary ------------------------------

def test_a_headline_opening_with_a_kind_word_over_a_report_gives_the_kind_and_the_title():
    md = metadata_of("Báo cáo kết quả công tác cải cách hành chính quý I và nhiệm vụ quý II năm 2019\n\n"
                     "I. KẾT QUẢ THỰC HIỆN TRONG QUÝ I\n\n"
                     "Trong quý, UBND huyện tập trung chỉ đạo các phòng chuyên môn rà soát thủ tục hành chính, "
                     "công khai quy trình giải quyết tại bộ phận một cửa và tiếp nhận hồ sơ trực tuyến.")
    assert md["loai_van_ban"] == "Báo cáo"
    assert md["tieu_de"] == "Kết quả công tác cải cách hành chính quý I và nhiệm vụ quý II năm 2019"


def test_a_headline_citing_a_plan_by_number_is_not_that_plans_kind():
    from ingest.metadata import kind_headline

    assert kind_headline("Kế hoạch số 45/KH-UBND về kiểm tra công vụ năm 2022") is None
    assert kind_headline("Kế hoạch kiểm tra công vụ năm 2022").group("kind") == "Kế hoạch"


def test_a_steering_committee_issuing_its_plan_in_the_opening_is_the_issuer():
    md = metadata_of("KẾ HOẠCH\nTuyên truyền cải cách hành chính của Ban Chỉ đạo huyện Ea Súp năm 2024\n"
                     "Thực hiện Kế hoạch số 12/KH-UBND ngày 5/1/2024 của UBND tỉnh, Ban Chỉ đạo cải cách hành chính "
                     "huyện Ea Súp (sau đây gọi là Ban Chỉ đạo) ban hành Kế hoạch tuyên truyền như sau:\n"
                     "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của cán bộ.")
    assert md["co_quan"] == "Ban Chỉ đạo cải cách hành chính huyện Ea Súp"


def test_a_list_item_under_a_dateline_is_not_the_headline():
    md = metadata_of("Giờ làm việc\n\n08:00 02/03/2019\n\n1. Giờ làm việc mùa hè:\n\n- Buổi sáng: Từ 7h00 đến 11h00\n\n"
                     "- Buổi chiều: Từ 13h30 đến 17h00")
    assert md["tieu_de"] == ""


def test_a_headline_a_one_sentence_summary_and_the_article_are_a_post():
    md = metadata_of("UBND huyện Bắc Sơn tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2023\n\n"
                     "Hội nghị đánh giá kết quả cải cách hành chính trong năm và bàn nhiệm vụ trọng tâm của năm tới\n\n"
                     + LONG_LEAD)
    assert md["loai_van_ban"] == "Tin bài"
    assert md["tieu_de"].startswith("UBND huyện Bắc Sơn tổ chức hội nghị")


def test_the_joint_office_giving_notice_is_named_whole_and_a_name_never_spans_a_line_break():
    md = metadata_of("Lịch tiếp công dân của Chủ tịch UBND thị xã trong quý được điều chỉnh như sau để phù hợp với "
                     "lịch công tác của lãnh đạo, bảo đảm mỗi tháng có hai buổi tiếp tại trụ sở thị xã Bình Minh.\n"
                     "Văn phòng HĐND và UBND thị xã Bình Minh thông báo để nhân dân biết và đăng ký./.")
    assert md["co_quan"] == "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thị xã Bình Minh"
    split = metadata_of("Thông báo về việc lùi buổi tiếp công dân của lãnh đạo UBND huyện\n\nHiện nay lãnh đạo "
                        "huyện bận dự hội nghị của tỉnh nên buổi tiếp công dân định kỳ của tháng được lùi một tuần, "
                        "địa điểm vẫn tại phòng tiếp công dân.\n\nUBND huyện thông báo để các tổ chức và công dân "
                        "biết; đề nghị các xã niêm yết công khai.")
    assert (split["loai_van_ban"], split["co_quan"]) == ("Thông báo", "Ủy ban nhân dân huyện")
    assert split["tieu_de"] == "Về việc lùi buổi tiếp công dân của lãnh đạo UBND huyện"


def test_a_dated_page_headed_by_its_kind_and_showing_its_sections_is_that_document_not_a_post():
    md = metadata_of("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024\n"
                     "Ngày 5 tháng 2 năm 2024, Ủy ban nhân dân xã Tân Lập đã ban hành Quyết định số 12/QĐ-UBND.\n"
                     "UBND xã Tân Lập ban hành Kế hoạch cải cách hành chính năm 2024 trên địa bàn xã như sau:\n"
                     "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao chất lượng phục vụ người dân.")
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Kế hoạch", "Cải cách hành chính năm 2024")
    assert md["co_quan"] == "Ủy ban nhân dân xã Tân Lập"


def test_a_councils_standing_board_issuing_jointly_with_the_committee_is_the_issuer_as_written():
    assert is_agency("THƯỜNG TRỰC HĐND - UBND TỈNH NINH THUẬN") and is_agency("THUONG TRUC HDND TINH NINH THUAN")
    assert not is_agency("HĐND tỉnh thông qua sáu nghị quyết tại kỳ họp chuyên đề")  # a headline, not a header
    md = metadata_of("THƯỜNG TRỰC\nHĐND - UBND TỈNH NINH THUẬN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Độc lập - Tự do - Hạnh phúc\nSố: 02/QC-TT.HĐND-UBND\nNinh Thuận, ngày 4 tháng 5 năm 2017\n"
                     "QUY CHẾ\nPHỐI HỢP CÔNG TÁC NHIỆM KỲ 2016 - 2021\nCăn cứ Luật Tổ chức chính quyền địa phương;")
    assert md["co_quan"].lower() == "thường trực hội đồng nhân dân - ủy ban nhân dân tỉnh ninh thuận"
