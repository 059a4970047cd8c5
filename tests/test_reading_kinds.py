"""Kinds, titles and signers read from structure that holds for documents not seen (issue 18 items 2, 5): a wrapped
year range, a combined post, a text naming its own kind ("Luật này"), a kind under a form word ("TÓM TẮT ĐỀ ÁN"), a
news post whose headline opens with a kind word or whose lead stands under a site's menu. Literal Vietnamese lines."""

from __future__ import annotations

from ingest.boundaries import find_document
from ingest.clean import clean_lines
from ingest.metadata import extract_metadata
from ingest.structure import parse_structure
from tests.reading import metadata_of

#: A body paragraph under the title (hard-wrapped, so lines are joined).
BODY = ("Thực hiện Nghị quyết số\n06-NQ/TU ngày 18/6/2021 của Ban chấp hành Đảng bộ tỉnh về xây dựng nông thôn mới\n"
        "nâng cao, kiểu mẫu giai đoạn 2021 - 2025, UBND tỉnh ban hành Kế hoạch thực\nhiện cụ thể như sau:\n"
        "I. MỤC ĐÍCH,\nYÊU CẦU\n1. Mục đích\nTriển khai đồng bộ các nhiệm vụ,\ngiải pháp để thực hiện thắng lợi\n"
        "các mục tiêu của nghị quyết\ntrong toàn tỉnh")


def test_a_year_range_wrapped_onto_its_own_line_ends_the_title():
    md = metadata_of("ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\nSố: 82/KH-UBND\nNam Định, ngày 16\ntháng 7 năm 2021\n"
                     "KẾ HOẠCH\nXÂY DỰNG NÔNG THÔN MỚI NÂNG CAO, KIỂU MẪU GIAI ĐOẠN 2021\n- 2025\n" + BODY)
    assert md["tieu_de"] == "Xây dựng nông thôn mới nâng cao, kiểu mẫu giai đoạn 2021 - 2025"
    assert md["ky_ke_hoach"] == "2021-2025"


def test_a_signer_under_two_posts_is_read_and_kept():
    raw = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 2617/VPCP-TCCV\nV/v gửi báo cáo kết quả thống kê thủ tục hành chính\n"
           "Hà Nội, ngày 23 tháng 4 năm 2009\n\nKính gửi: Các Bộ, cơ quan ngang Bộ.\n\n"
           "Văn phòng Chính phủ đề nghị các đồng chí quan tâm chỉ đạo việc thống kê thủ tục hành chính.\n\n"
           "Nơi nhận: - Như trên;\n- Lưu: VT, TCCV (5).\n\nBỘ TRƯỞNG, CHỦ NHIỆM\nNguyễn Xuân Phúc")
    assert find_document(clean_lines(raw)).dropped() == []
    md = metadata_of(raw)
    assert md["nguoi_ky"] == "Nguyễn Xuân Phúc"
    assert md["chuc_vu"] == "Bộ trưởng, chủ nhiệm"


def test_a_page_of_a_law_without_its_header_is_a_law_by_what_it_calls_itself():
    md = metadata_of("CÔNG BÁO/Số 1093 + 1094/Ngày 21-11-2020\n\nĐiều 2. Văn bản quy phạm pháp luật\n\n"
                     "Văn bản quy phạm pháp luật là văn bản có chứa quy phạm pháp luật, được ban hành theo đúng thẩm "
                     "quyền, hình thức, trình tự, thủ tục quy định trong Luật này.\n\nĐiều 3. Giải thích từ ngữ\n\n"
                     "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:")
    assert md["loai_van_ban"] == "Luật"


def test_a_phrase_in_lower_case_names_no_kind():
    md = metadata_of("Các cơ quan, đơn vị thực hiện theo quy định này và báo cáo kết quả về Sở Nội vụ trước ngày "
                     "15 hằng tháng để tổng hợp.")
    assert md["loai_van_ban"] == ""


def test_a_portals_field_under_a_two_post_signature_is_not_the_documents():
    raw = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 1659/VPCP-V.III\nHà Nội, ngày 17 tháng 3 năm 2008\n\n"
           "Văn phòng Chính phủ trân trọng đề nghị đưa Đề án vào Chương trình làm việc./.\n\n"
           "BỘ TRƯỞNG, CHỦ NHIỆM\n- Người ký: Nguyễn Xuân Phúc\n- Tình trạng hiệu lực: Còn hiệu lực")
    bounds = find_document(clean_lines(raw))
    assert [line.text for line in bounds.lines][-1] == "BỘ TRƯỞNG, CHỦ NHIỆM"
    assert bounds.web_fields.get("nguoi_ky") == "Nguyễn Xuân Phúc"


def test_a_summary_of_a_plan_is_of_that_kind_and_two_joined_provinces_end_its_title():
    md = metadata_of("TÓM TẮT ĐỀ ÁN\n\nSẮP XẾP, SÁP NHẬP ĐƠN VỊ HÀNH CHÍNH\n\nTỈNH LONG AN VÀ TỈNH TÂY NINH\n\n"
                     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/02/2025;\n\n"
                     "Sau khi phối hợp, tỉnh Tây Ninh tỉnh Long An xây dựng nội dung tóm tắt Đề án như sau:")
    assert md["loai_van_ban"] == "Đề án"
    assert md["tieu_de"] == "Sắp xếp, sáp nhập đơn vị hành chính tỉnh Long An và tỉnh Tây Ninh"
    assert md["co_quan"] == ""


def test_a_draft_decree_is_a_decree():
    md = metadata_of("DỰ THẢO NGHỊ ĐỊNH\nQUY ĐỊNH VỀ TỔ CHỨC CÁC CƠ QUAN CHUYÊN MÔN THUỘC ỦY BAN NHÂN DÂN TỈNH\n\n"
                     "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;")
    assert md["loai_van_ban"] == "Nghị định"
    assert md["tieu_de"].startswith("Quy định về tổ chức các cơ quan chuyên môn")


#: A lead long enough to be prose (a news post's body).
LEAD_REST = ("Theo đó, đoàn kiểm tra làm việc với các sở, ban, ngành và UBND các huyện về công tác chỉ đạo, điều hành, "
             "cải cách thủ tục hành chính, cải cách tổ chức bộ máy và hiện đại hóa hành chính trong năm.")
#: A news lead that dates the document it reports, not the post.
ISSUE_LEAD = ("Ngày 07/12/2017, Sở Nội vụ ban hành Văn bản số 1593/SNV-CCHC thông báo lịch chấm điểm Chỉ số CCHC trên "
              "địa bàn tỉnh năm 2017.")


def test_a_headline_opening_with_a_kind_word_over_a_news_lead_is_a_post():
    md = metadata_of("THÔNG BÁO VỀ LỊCH CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017 CỦA CÁC CƠ QUAN, ĐƠN VỊ\n"
                     + ISSUE_LEAD + "\n\nCụ thể lịch chấm điểm bắt đầu từ ngày 12/12/2017.")
    assert md["loai_van_ban"] == "Tin bài"
    assert md["tieu_de"] == ("Thông báo về lịch chấm điểm chỉ số cải cách hành chính năm 2017 của các cơ quan, "
                             "đơn vị")
    assert md["nam"] == ""  # 2017 dates the Văn bản the post reports, the post itself is undated


def test_a_kind_word_on_its_own_line_under_a_header_stays_the_documents():
    md = metadata_of("Số: 12/TB-SNV\nĐồng Nai, ngày 7 tháng 12 năm 2017\nTHÔNG BÁO\n"
                     "Về lịch chấm điểm Chỉ số cải cách hành chính năm 2017\n" + ISSUE_LEAD)
    assert (md["loai_van_ban"], md["nam"]) == ("Thông báo", "2017")


def test_a_lead_dating_an_event_still_gives_the_posts_year():
    md = metadata_of("Kiểm tra công tác cải cách hành chính tại huyện Na Rì\n"
                     "Ngày 13/4/2018, Đoàn kiểm tra của UBND tỉnh đã làm việc tại UBND huyện Na Rì. " + LEAD_REST)
    assert (md["loai_van_ban"], md["nam"]) == ("Tin bài", "2018")


def test_a_lead_under_a_sites_menu_of_links_is_read_as_news_and_no_link_is_its_title():
    menu = ("-\nKhu đô thị sông Hồng sẽ không thu hẹp không gian thoát lũ -\n"
            "Dự án Khu công nghiệp Quảng Trị đã hoàn thành san nền đợt 1 -\n"
            "Khánh thành giai đoạn 1 nhà máy Castem Việt Nam tại khu công nghiệp Amata Hạ Long -\n"
            "Bộ trưởng Bộ Xây dựng yêu cầu giữ vững nhịp thi công cao tốc Đồng Đăng - Trà Lĩnh -\n"
            "Xác lập quyền sở hữu toàn dân đối với tài sản Dự án BOT Quốc lộ 51 -\n"
            "Hưng Ngân Group được giao cải tạo nút giao Quốc lộ 3 mới và Quốc lộ 18\n\n")
    lead = ("UBND tỉnh Phú Thọ vừa ban hành Chỉ thị số 19/CT-UBND do Chủ tịch UBND tỉnh ký, yêu cầu nâng cao trách "
            "nhiệm của người đứng đầu trong triển khai nhiệm vụ cải cách hành chính, coi đây là thước đo năng lực "
            "điều hành và kỷ luật, kỷ cương của bộ máy chính quyền.")
    md = metadata_of(menu + lead)
    assert (md["loai_van_ban"], md["tieu_de"], md["so_hieu"]) == ("Tin bài", "", "")


def test_an_essays_cover_gives_its_labelled_subject_as_title_and_its_year():
    md = metadata_of("Trang 1\n\nPHAN HIEU HQC VIEN HANH CHINH QUOC GIA TP HO CHi MINH\n\nTEN CHU DE:\n\n"
                     "CONG TAC XAY DUNG BAO CAO CAI CÁCH HÀNH CHÍNH TẠI UỶ BAN\n\n"
                     "NHAN DAN HUYEN TUY PHUOC, TINH BINH DINH\n\n"
                     "BÀI TIỂU LUẬN KET THUC HQC PHAN Hoc phan: Nghiép vu cai cach hanh chinh\n\n"
                     "TP Hồ Chí Minh — 2024\n\nTrang 2")
    assert md["tieu_de"] == ("Cong tac xay dung bao cao cai cách hành chính tại ủy ban nhan dan huyen tuy phuoc, "
                             "tinh binh dinh")
    assert (md["nam"], md["loai_van_ban"]) == ("2024", "")


def test_a_subject_label_with_its_title_on_the_same_line():
    md = metadata_of("Tên đề tài: Nâng cao chất lượng cải cách thủ tục hành chính cấp xã\n\nHà Nội - 2023")
    assert (md["tieu_de"], md["nam"]) == ("Nâng cao chất lượng cải cách thủ tục hành chính cấp xã", "2023")


def test_a_year_range_is_no_cover_year():
    md = metadata_of("Tên đề tài: Cải cách hành chính cấp huyện\n\nGiai đoạn 2021 - 2025")
    assert md["nam"] == ""


#: A lead of prose that narrates nothing "just done" (no "vừa …", no date): a post all the same.
PROSE_LEAD = ("Trong những năm qua, Trung tâm phục vụ hành chính công của tỉnh luôn chú trọng nâng cao chất lượng "
              "phục vụ, lấy sự hài lòng của người dân và doanh nghiệp làm thước đo, từng bước số hóa hồ sơ và giảm "
              "thời gian chờ đợi tại các quầy tiếp nhận.")


def test_a_headline_over_prose_without_any_form_of_a_document_is_a_post():
    md = metadata_of("Nâng cao chất lượng phục vụ người dân tại Trung tâm phục vụ hành chính công\n\n" + PROSE_LEAD)
    assert (md["loai_van_ban"], md["tieu_de"]) == (
        "Tin bài", "Nâng cao chất lượng phục vụ người dân tại Trung tâm phục vụ hành chính công")


def test_a_headline_over_a_basis_or_an_article_is_no_post():
    basis = metadata_of("Kiểm tra công tác cải cách hành chính năm 2021\n\nThực hiện Quyết định số 12/QĐ-UBND ngày "
                        "5/3/2021 của UBND tỉnh về việc ban hành Kế hoạch cải cách hành chính năm 2021, Sở Nội vụ "
                        "xây dựng nội dung kiểm tra công tác cải cách hành chính tại các sở, ban, ngành như sau:")
    law = metadata_of("Quy định về văn bản quy phạm pháp luật của các cơ quan nhà nước\n\n" + PROSE_LEAD
                      + " Văn bản được ban hành theo đúng thẩm quyền quy định trong Luật này.")
    assert basis["loai_van_ban"] != "Tin bài" and law["loai_van_ban"] == "Luật"


def test_a_portal_headline_naming_signers_before_the_title_gives_the_title():
    raw = "VĂN PHÒNG CHÍNH PHỦ - BỘ NỘI VỤ\nSố: 02/2011/TTLT-VPCP-BNV\nHà Nội, ngày 28 tháng 01 năm 2011"
    blocks = parse_structure(clean_lines(raw))
    portal = ["• Thông tư liên tịch số 02/2011/TTLT-VPCP-BNV ngày 28/01/2011 giữa Chủ nhiệm Văn Phòng Chính Phủ và "
              "Bộ trưởng Bộ Nội vụ Hướng dẫn về chức năng, nhiệm vụ, quyền hạn của Văn phòng Ủy ban nhân dân tỉnh "
              "(Văn bản hết hiệu lực)"]
    md = extract_metadata(blocks, "\n".join(b.text for b in blocks), portal=portal)
    assert md["tieu_de"] == "Hướng dẫn về chức năng, nhiệm vụ, quyền hạn của Văn phòng Ủy ban nhân dân tỉnh"
