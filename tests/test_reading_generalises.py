"""Reading that generalises (issue 18 items 2, 3, 8): one literal Vietnamese line per form, each a mechanism (a
dateline's shape, a number's code, a place's level), never a phrase of one document."""

from __future__ import annotations

import pytest

from tests.reading import metadata_of
from textnorm.patterns import NEWS_CREDIT, news_dateline

#: A lead long enough to be prose (a news post's body).
LEAD_REST = ("Theo đó, đoàn kiểm tra làm việc với các sở, ban, ngành và UBND các huyện về công tác chỉ đạo, điều hành, "
             "cải cách thủ tục hành chính, cải cách tổ chức bộ máy và hiện đại hóa hành chính trong năm.")


# --- datelines and credits of news items ---------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "ymd"), [
    ("Tuấn Điệp - 05/08/2025 - 09:17", ("05", "08", "2025")),
    ("Minh Anh | 12/03/2023 10:05", ("12", "03", "2023")),
])
def test_a_dateline_after_its_authors_name(line, ymd):
    assert news_dateline(line).group("d", "m", "y") == ymd


def test_a_plan_line_with_a_dash_and_a_date_is_no_dateline():
    assert news_dateline("Kế hoạch số 12 - 05/08/2025") is None
    assert news_dateline("Hà Nội, ngày 12 tháng 3 năm 2023") is None


def test_a_post_dated_after_its_byline_reads_as_news():
    md = metadata_of("Sau một tháng vận hành chính quyền địa phương 2 cấp: Người dân tin tưởng, hài lòng\n"
                     "Tuấn Điệp - 05/08/2025 - 09:17\n"
                     "Sau một tháng thực hiện mô hình chính quyền địa phương 2 cấp, từ những ghi nhận tại các xã, "
                     "phường ở thành phố Hà Nội, có thể thấy " + LEAD_REST)
    assert (md["loai_van_ban"], md["ngay_ban_hanh"], md["tinh"]) == ("Tin bài", "2025-08-05", "Hà Nội")
    assert md["tieu_de"].startswith("Sau một tháng vận hành")


@pytest.mark.parametrize("lead", ["TT(Hà Nội) - Ngày 9-10, đoàn công tác đã làm việc.",
                                  "TTXVN (Huế) - Sáng 1/7, đoàn công tác đã làm việc."])
def test_an_outlets_initials_with_its_place_in_brackets_credit_the_lead(lead):
    assert NEWS_CREDIT.match(lead)


@pytest.mark.parametrize("line", ["UBND (tỉnh) - các sở thực hiện.", "KH(2020) - Các sở thực hiện."])
def test_a_bracketed_word_after_an_acronym_is_no_credit(line):
    assert not NEWS_CREDIT.match(line)


def test_a_lead_credited_with_its_place_is_news_without_a_year():
    md = metadata_of("Hà Nội còn 455 thủ tục hành chính\n\nGốc\n"
                     "TT(Hà Nội) - Ngày 9-10, đoàn công tác cải cách hành chính của Chính phủ đã làm việc với UBND TP "
                     "Hà Nội. " + LEAD_REST)
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", "Hà Nội còn 455 thủ tục hành chính")
    assert (md["ngay_ban_hanh"], md["nam"]) == ("", "")


# --- a document a portal posts under a line naming it, without its header -------------------------------------------

SO_CONG_VAN = ("Công văn số 1448/SNV-CCHC ngày 27/12/2016 V/v xin ý kiến vào dự thảo Kế hoạch Tuyên truyền công tác "
               "cải cách hành chính tỉnh Sơn La năm 2017.\n\n"
               "Đăng ngày: 28/12/2016 14:38:11\n\n"
               "Kính gửi:\n\n– Sở Thông tin và Truyền thông;\n\n– Báo Sơn La;\n\n"
               "Sở Nội vụ xây dựng dự thảo Kế hoạch tuyên truyền cải cách hành chính năm 2017 để tổ chức triển khai "
               "thực hiện trên địa bàn tỉnh (có dự thảo kế hoạch kèm theo). Sở Nội vụ đề nghị các cơ quan, đơn vị "
               "nghiên cứu và tham gia ý kiến vào Dự thảo./.")


def test_a_line_naming_the_document_gives_its_number_type_date_and_subject_not_the_posting_day():
    md = metadata_of(SO_CONG_VAN)
    assert (md["so_hieu"], md["loai_van_ban"], md["ngay_ban_hanh"], md["nam"]) == (
        "1448/SNV-CCHC", "Công văn", "2016-12-27", "2016")
    assert md["tieu_de"].startswith("Xin ý kiến vào dự thảo Kế hoạch Tuyên truyền")


def test_the_issuer_of_a_document_without_header_comes_from_its_numbers_code_and_its_province():
    md = metadata_of(SO_CONG_VAN)
    assert (md["co_quan"], md["tinh"]) == ("Sở Nội vụ tỉnh Sơn La", "Sơn La")


@pytest.mark.parametrize("line", [
    "Kế hoạch số 12/KH-UBND ngày 5 tháng 3 năm 2020 về kiểm tra công tác cải cách hành chính",
    "Quyết định số 891/QĐ-UBND ngày 01/6/2015 về việc thành lập Đoàn kiểm tra cải cách hành chính",
])
def test_named_lines_in_both_date_forms(line):
    md = metadata_of(line + "\n\n" + LEAD_REST)
    assert md["so_hieu"] and md["ngay_ban_hanh"] and md["tieu_de"].split()[0] in ("Kiểm", "Thành")


def test_a_lead_citing_a_document_inside_its_sentence_is_no_name_of_the_text():
    md = metadata_of("Kiểm tra công tác cải cách hành chính tại huyện Na Rì năm 2019\n04/06/2019 - 21:54\n"
                     "Thực hiện Kế hoạch số 517/KH-UBND ngày 27/02/2020 về kiểm tra cải cách hành chính, đoàn đã làm "
                     "việc tại huyện Na Rì. " + LEAD_REST)
    assert (md["so_hieu"], md["loai_van_ban"]) == ("", "Tin bài")


# --- a list of provinces names examples, not the text's place --------------------------------------------------------

def test_provinces_listed_as_examples_do_not_outvote_the_province_the_text_is_about():
    md = metadata_of(
        "Những mô hình này đã được triển khai rất hiệu quả ở một số địa phương tiêu biểu như Đà Nẵng, Thừa Thiên Huế, "
        "Quảng Ninh, Hải Phòng. Tại Trung tâm HCC tỉnh và cấp huyện ở Quảng Bình hiện nay đang ứng dụng phần mềm mới.\n"
        "Tỉnh Quảng Bình có thể học tập mô hình ở Trung tâm HCC tỉnh Thừa Thiên Huế về việc luân chuyển công chức.")
    assert md["tinh"] == "Quảng Bình"


# --- essays and studies: no kind, no issuer, the headline above the author --------------------------------------------

ESSAY = ("TRƯỜNG CHÍNH TRỊ LÊ DUẨN\n\n"
         "Thực tiễn công tác sắp xếp đơn vị hành chính cấp huyện, cấp xã trên địa bàn tỉnh Quảng Trị\n\n"
         "ThS. Lê Thị Huyền\nKhoa Nhà nước và pháp luật\n\n"
         "Công tác đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả luôn "
         "được Đảng và Nhà nước quan tâm. Tại tỉnh Quảng Trị, Tỉnh ủy đã ban hành Kế hoạch số 86-KH/TU ngày 07/5/2018. "
         + LEAD_REST)


def test_an_essay_signed_with_a_degree_has_its_headline_as_title_and_no_kind_or_issuer():
    md = metadata_of(ESSAY)
    assert md["tieu_de"].startswith("Thực tiễn công tác sắp xếp đơn vị hành chính")
    assert (md["loai_van_ban"], md["co_quan"], md["so_hieu"], md["tinh"]) == ("", "", "", "Quảng Trị")


@pytest.mark.parametrize(("line", "is_author"), [
    ("ThS. Lê Thị Huyền", True), ("PGS.TS Trần Văn Ngợi", True), ("TS. Nguyễn Văn Bình", True),
    ("KT. CHỦ TỊCH", False), ("Thông tư số 01/2018/TT-VPCP", False), ("TS Hà Nội quyết tâm cải cách", False),
])
def test_author_line_with_a_degree(line, is_author):
    from textnorm.patterns import AUTHOR_WITH_DEGREE
    assert bool(AUTHOR_WITH_DEGREE.match(line)) is is_author


# --- a national task force that signs in its own name ---------------------------------------------------------------

TASK_FORCE = ("TỔ CÔNG TÁC CHUYÊN TRÁCH CẢI CÁCH THỦ TỤC HÀNH CHÍNH CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
              "Số: 285/CCTTHC\nV/v chuẩn bị công bố cơ sở dữ liệu quốc gia về thủ tục hành chính\n"
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 08 tháng 9 năm 2009\n"
              "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\n"
              "Tổ công tác đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo các sở, ban, "
              "ngành hoàn thành việc rà soát, cập nhật thủ tục hành chính vào cơ sở dữ liệu quốc gia trước ngày 15 "
              "tháng 9 năm 2009.\nKT. TỔ TRƯỞNG\nTỔ PHÓ\nNguyễn Xuân Phúc\n")


def test_a_task_force_of_the_prime_minister_is_a_central_issuer_with_its_own_signer():
    md = metadata_of(TASK_FORCE)
    assert (md["so_hieu"], md["loai_van_ban"], md["tinh"]) == ("285/CCTTHC", "Công văn", "")
    assert md["co_quan"].lower() == "tổ công tác chuyên trách cải cách thủ tục hành chính của thủ tướng chính phủ"
    assert md["nguoi_ky"] == "Nguyễn Xuân Phúc"


def test_the_task_forces_code_alone_names_it():
    from textnorm.gazetteer import central_issuer
    assert central_issuer("CCTTHC").startswith("Tổ công tác chuyên trách")


def test_the_addressee_line_ends_a_to_trinhs_title():
    md = metadata_of("UBND TỈNH KIÊN GIANG\nSỞ TƯ PHÁP\nSố: 87/TTr-STP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Độc lập - Tự do - Hạnh phúc\nKiên Giang, ngày 02 tháng 6 năm 2021\nTỜ TRÌNH\n"
                     "Về việc ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2021\n"
                     "Kính gửi: Ủy ban nhân dân tỉnh Kiên Giang\n" + LEAD_REST)
    assert (md["loai_van_ban"], md["co_quan"]) == ("Tờ trình", "Sở Tư pháp tỉnh Kiên Giang")
    assert md["tieu_de"] == "Về việc ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2021"


# --- text without diacritics: an OCR'd page pasted as one line --------------------------------------------------------

OCR_ONE_LINE = ("UY BAN NHAN DAN TINH GIA LAI S64934/KH-UBND CONG HOA XA HOI CHU NGHIA VItT NAM Dec lap - Tkr do - "
                "Hanh phtic Gia Lai, ngay.10 thcing 9 nom 2018 KE HOACH Kiem tra viec thuc hien cai cach hanh chinh "
                "nam 2018 Thuc hien Quyet dinh so 12/QD-UBND, UBND tinh ban hanh ke hoach kiem tra nhu sau: I. MUC "
                "DICH Danh gia ket qua thuc hien nhiem vu cai cach hanh chinh tai cac so, ban, nganh.")


def test_the_title_run_into_an_ocr_header_line_ends_where_the_bases_begin():
    md = metadata_of(OCR_ONE_LINE)
    assert (md["so_hieu"], md["loai_van_ban"], md["tinh"], md["ngay_ban_hanh"]) == (
        "4934/KH-UBND", "Kế hoạch", "Gia Lai", "2018-09-10")
    assert md["tieu_de"] == "Kiem tra viec thuc hien cai cach hanh chinh nam 2018"


def test_the_run_on_title_keeps_every_word_in_the_passages():
    from ingest.document import build_document
    text = " ".join(p.text for p in build_document("gl", "gl.txt", OCR_ONE_LINE).passages)
    assert " ".join(text.split()).endswith("Danh gia ket qua thuc hien nhiem vu cai cach hanh chinh tai cac so, "
                                           "ban, nganh.")
    assert "Kiem tra viec thuc hien cai cach hanh chinh nam 2018" in text


# --- a news item without dateline: a headline, then a lead narrating what was just done -------------------------------

NARRATED_LEAD = ("Đoàn kiểm tra công tác cải cách hành chính huyện đã làm việc tại UBND các xã Bình Sa, Bình Triều. "
                 "Qua kiểm tra, đoàn đánh giá cao kết quả đạt được, đồng thời chỉ ra những hạn chế cần khắc phục.")


@pytest.mark.parametrize("lead", [
    "Thực hiện Kế hoạch số 34/KH-UBND của UBND huyện, " + NARRATED_LEAD[0].lower() + NARRATED_LEAD[1:],
    "UBND tỉnh vừa ban hành kế hoạch kiểm tra công tác cải cách hành chính năm 2022 đối với các sở, ban, ngành. "
    "Theo đó, việc kiểm tra được tiến hành từ tháng 6 đến tháng 9 năm 2022.",
])
def test_a_headline_over_a_narrated_lead_is_news_not_the_document_it_reports(lead):
    md = metadata_of("Huyện Thăng Bình kiểm tra công tác cải cách hành chính tại các xã\n" + lead)
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", "Huyện Thăng Bình kiểm tra công tác cải cách hành chính "
                                                              "tại các xã")


def test_a_plan_excerpt_saying_what_to_do_is_not_news():
    md = metadata_of("I. MỤC ĐÍCH, YÊU CẦU CỦA KẾ HOẠCH KIỂM TRA\n" + NARRATED_LEAD)
    assert md["loai_van_ban"] != "Tin bài"
    md = metadata_of("Kế hoạch kiểm tra công tác cải cách hành chính năm 2022\nCác sở, ban, ngành tổ chức tự kiểm tra "
                     "và báo cáo kết quả về Sở Nội vụ trước ngày 30/11/2022.")
    assert md["loai_van_ban"] != "Tin bài"


# --- signers of a closing flattened by a page -----------------------------------------------------------------------

PLAN_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH LONG AN\nSố: 11/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "Độc lập - Tự do - Hạnh phúc\nLong An, ngày 3 tháng 2 năm 2022\nKẾ HOẠCH\n"
             "Kiểm tra công tác cải cách hành chính năm 2022\n" + LEAD_REST + "\n")


@pytest.mark.parametrize("closing", [
    "Nơi nhận: | KT. CHỦ TỊCH |\n- Như trên; | PHÓ CHỦ TỊCH |\n- Lưu: VT. | Nguyễn Văn Út |\n",
    "| Nơi nhận: - Như trên; - Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn Út |\n",
])
def test_the_signer_of_a_closing_flattened_row_by_row_or_onto_one_line(closing):
    assert metadata_of(PLAN_HEAD + closing)["nguoi_ky"] == "Nguyễn Văn Út"


def test_no_signer_is_read_from_a_recipient_line():
    assert metadata_of(PLAN_HEAD + "Nơi nhận:\n- Như trên;\n- Chủ tịch Nguyễn Văn Út;\n- Lưu: VT.\n")["nguoi_ky"] == ""


# --- headers: a công văn's subject in the number's cell, a commune under its district ---------------------------------

def test_a_cong_vans_subject_in_the_numbers_cell_is_its_title():
    md = metadata_of("BỘ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                     "Số: 2345/BNV-CCHC V/v báo cáo công tác cải cách hành chính 6 tháng đầu năm 2020 | Hà Nội, ngày "
                     "20 tháng 5 năm 2020 |\nKính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\n"
                     + LEAD_REST)
    assert (md["so_hieu"], md["co_quan"], md["tinh"]) == ("2345/BNV-CCHC", "Bộ Nội vụ", "")
    assert md["tieu_de"] == "Báo cáo công tác cải cách hành chính 6 tháng đầu năm 2020"


def test_a_commune_committee_under_its_districts_name_issues():
    md = metadata_of("UBND HUYỆN TỨ KỲ\nỦY BAN NHÂN DÂN XÃ TÂN KỲ\nSố: 31 /BC-UBND\n"
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                     "Tân Kỳ, ngày 7 tháng 3 năm 2025\nBÁO CÁO\n"
                     "Kết quả công tác cải cách hành chính Quý I năm 2025\n" + LEAD_REST)
    assert (md["so_hieu"], md["loai_van_ban"], md["tinh"]) == ("31/BC-UBND", "Báo cáo", "Hải Dương")
    assert md["co_quan"] == "Ủy ban nhân dân xã Tân Kỳ"


# --- openings: a number under the type word, an attached plan's note, a consolidated text -----------------------------

def test_a_number_under_the_type_word_is_the_number_not_the_title():
    md = metadata_of("NGHỊ ĐỊNH\nSố: 24/2014/NĐ-CP\n"
                     "QUY ĐỊNH TỔ CHỨC CÁC CƠ QUAN CHUYÊN MÔN THUỘC ỦY BAN NHÂN DÂN TỈNH\n"
                     "Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;\n"
                     "Chính phủ ban hành Nghị định quy định tổ chức các cơ quan chuyên môn.\n" + LEAD_REST)
    assert (md["so_hieu"], md["loai_van_ban"], md["co_quan"], md["nam"]) == (
        "24/2014/NĐ-CP", "Nghị định", "Chính phủ", "2014")
    assert md["tieu_de"].lower() == "quy định tổ chức các cơ quan chuyên môn thuộc ủy ban nhân dân tỉnh"


def test_the_note_of_what_a_plan_was_issued_with_ends_its_title():
    md = metadata_of("KẾ HOẠCH\nKiểm tra công tác cải cách hành chính năm 2020\n(Kèm theo Quyết định số 123/QĐ-UBND "
                     "ngày 05/3/2020 của Chủ tịch UBND tỉnh Kon Tum)\nI. MỤC ĐÍCH, YÊU CẦU\n" + LEAD_REST)
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Kế hoạch", "Kiểm tra công tác cải cách hành chính năm 2020")


def test_a_consolidated_text_without_its_number_is_known_by_its_opening_sentence():
    md = metadata_of("NGHỊ ĐỊNH\nVề kiểm soát thủ tục hành chính\nNghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 "
                     "của Chính phủ về kiểm soát thủ tục hành chính, có hiệu lực kể từ ngày 14 tháng 9 năm 2010, được "
                     "sửa đổi, bổ sung bởi:\n" + LEAD_REST)
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Văn bản hợp nhất", "Về kiểm soát thủ tục hành chính")
