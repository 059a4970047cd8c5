"""Dates and issuers that unseen pages carry outside a document's header (issue 18, helper D6): a post's stamp among
the page's buttons or beside its section, a legal portal's table whose labels carry an explanation, a portal's
"Nguồn tin" label. Lines written for the tests."""

from __future__ import annotations

from ingest.boundaries import web_fields
from ingest.document import build_document
from tests.reading import metadata_of

#: A lead long enough to be a post's body.
LEAD = ("UBND huyện vừa có văn bản đề nghị các xã, thị trấn rà soát lại toàn bộ thủ tục hành chính đang tiếp nhận tại "
        "bộ phận một cửa, công khai đầy đủ quy trình và thời hạn giải quyết để người dân dễ theo dõi. Các xã báo cáo "
        "kết quả về Phòng Nội vụ trước ngày 15 tháng sau để tổng hợp.")


def test_a_weekday_date_and_time_among_the_page_buttons_dates_the_post():
    md = metadata_of("In bài Thứ Năm, 14/10/2021 08:20 Cỡ chữ\n\n" + LEAD)
    assert (md["ngay_ban_hanh"], md["nam"]) == ("2021-10-14", "2021")


def test_a_section_name_glued_to_its_date_dates_the_post():
    md = metadata_of("Rà soát thủ tục hành chính tại bộ phận một cửa cấp xã\n\nXã hội 03-11-2022\n\n" + LEAD)
    assert (md["ngay_ban_hanh"], md["nam"]) == ("2022-11-03", "2022")


def test_a_weekday_and_a_date_in_a_sentence_are_no_stamp():
    md = metadata_of("Thứ Năm, 14/10/2021 đoàn kiểm tra làm việc với các xã\n\n" + LEAD)
    assert md["ngay_ban_hanh"] == ""


def test_a_portal_label_explained_under_it_keeps_its_value_for_the_cell_below():
    rows = ["| Số hiệu: | 27/2023/NĐ-CP |", "Ngày ban hành:",
            "Ngày ban hành là ngày, tháng, năm văn bản được thông qua hoặc ký ban hành.", "|", "17/05/2023 |"]
    assert web_fields(rows)["ngay_ban_hanh"] == "17/05/2023"


def test_a_legal_portal_page_with_explained_labels_dates_the_document():
    page = "\n".join([
        "- Tổng quan", "- Nội dung", "- VB gốc",
        "Nghị định 27/2023/NĐ-CP: Sửa đổi quy định về thủ tục hành chính",
        "| Cơ quan ban hành: | Chính phủ |", "| Số hiệu: | 27/2023/NĐ-CP | Ngày đăng công báo: | Đang cập nhật |",
        "| Loại văn bản: | Nghị định | Người ký: | Trần Văn Bình |", "|", "Ngày ban hành:",
        "Ngày ban hành là ngày, tháng, năm văn bản được thông qua hoặc ký ban hành.", "|", "17/05/2023 |",
        "Ngày hết hiệu lực:", "Ngày hết hiệu lực là ngày văn bản không còn hiệu lực.", "|", "Đang cập nhật |",
    ])
    md = build_document("d", "d.txt", page).metadata
    assert (md["ngay_ban_hanh"], md["nam"]) == ("2023-05-17", "2023")


def test_the_label_nguon_tin_names_no_issuer():
    md = metadata_of("Hoãn buổi tiếp công dân định kỳ tháng này của huyện\n\n" + LEAD + "\n\nNguồn tin")
    assert md["co_quan"] == ""


def test_a_closing_source_line_still_names_its_source():
    md = metadata_of("Hoãn buổi tiếp công dân định kỳ tháng này của huyện\n\n" + LEAD + "\n\nTheo Báo Nhân Dân")
    assert md["co_quan"] == "Báo Nhân Dân"


def test_a_page_showing_a_document_is_dated_by_the_day_its_lead_says_it_was_issued():
    md = metadata_of("Tìm kiếm\n\nKế hoạch kiểm tra công tác cải cách hành chính năm 2022 tại các xã\n\n"
                     "Ngày cập nhật 20/03/2022\n\n"
                     "ngày 05/3/2022 UBND huyện đã ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2022\n\n"
                     + LEAD)
    assert (md["ngay_ban_hanh"], md["nam"]) == ("2022-03-05", "2022")


def test_a_lead_issuing_another_document_leaves_the_posting_date():
    md = metadata_of("Kế hoạch kiểm tra công tác cải cách hành chính năm 2022 tại các xã\n\n"
                     "Ngày cập nhật 20/03/2022\n\n"
                     "ngày 05/3/2022 UBND huyện đã ban hành Quyết định thành lập đoàn kiểm tra\n\n" + LEAD)
    assert md["ngay_ban_hanh"] != "2022-03-05"


def test_a_dateline_with_its_weekday_time_and_the_page_buttons_dates_the_post_and_makes_it_one():
    md = metadata_of("Rà soát thủ tục hành chính tại bộ phận một cửa cấp xã\n\n"
                     "Thứ Năm, 05/05/2022 - 10:05 Cỡ chữ: A A A\n\n"
                     "UBND huyện vừa đề nghị các xã rà soát lại toàn bộ thủ tục hành chính tại bộ phận một cửa.")
    assert (md["loai_van_ban"], md["ngay_ban_hanh"], md["nam"]) == ("Tin bài", "2022-05-05", "2022")


def test_a_weekday_and_ngay_before_the_date_and_time_is_a_dateline():
    md = metadata_of("Thứ năm, ngày 05/05/2022 10:05\n\nRà soát thủ tục hành chính tại bộ phận một cửa cấp xã\n\n"
                     + LEAD)
    assert md["ngay_ban_hanh"] == "2022-05-05"


def test_a_visit_counters_clock_written_the_iso_way_dates_nothing():
    md = metadata_of("Today 12\nYesterday 30\n2020-09-26 10:58\n\nĐiều 20. Các cuộc họp của Ủy ban nhân dân huyện\n\n"
                     "1. Ủy ban nhân dân huyện họp thường kỳ mỗi tháng một lần, do Chủ tịch triệu tập và chủ trì.")
    assert md["ngay_ban_hanh"] == "" and md["nam"] == ""


#: A short lead: the page reads as a post by its narration, not by a dateline.
SHORT_LEAD = "UBND huyện vừa đề nghị các xã rà soát lại toàn bộ thủ tục hành chính tại bộ phận một cửa."


def test_a_date_in_brackets_ending_the_headline_dates_the_post():
    md = metadata_of("Rà soát thủ tục hành chính tại bộ phận một cửa cấp xã (14/10/2021)\n\n" + LEAD)
    assert (md["ngay_ban_hanh"], md["nam"]) == ("2021-10-14", "2021")


def test_a_dated_byline_at_the_foot_dates_the_post():
    md = metadata_of("Rà soát thủ tục hành chính tại bộ phận một cửa cấp xã\n\n" + SHORT_LEAD + "\n\n" + LEAD
                     + "\n\nTin, ảnh: Hoàng Lan - 14/10/2021")
    assert (md["ngay_ban_hanh"], md["nam"]) == ("2021-10-14", "2021")


def test_a_deadline_ending_a_sentence_is_no_stamp():
    md = metadata_of("Rà soát thủ tục hành chính tại bộ phận một cửa cấp xã\n\n" + LEAD
                     + "\n\nCác xã gửi báo cáo về Phòng Nội vụ trước ngày 14/10/2021.")
    assert md["ngay_ban_hanh"] == ""
