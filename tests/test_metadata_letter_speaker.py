"""The issuer of a letter shown from its addressee, its header cut above (issue 18, helper D6): the body that speaks in
its first paragraphs ("Bộ … trân trọng đề nghị …"), the abbreviations the letter defines written out. Lines written
for the tests."""

from __future__ import annotations

from tests.reading import metadata_of

ADDRESSEES = "Kính gửi:\n- Các bộ, cơ quan ngang bộ;\n- Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.\n\n"


def test_a_ministry_speaking_in_its_letter_is_the_issuer():
    md = metadata_of(ADDRESSEES + "Ngày 12/4/2021, Chính phủ đã ban hành Nghị định số 45/2021/NĐ-CP. Bộ Tài chính trân "
                     "trọng đề nghị Quý Cơ quan chỉ đạo triển khai các nội dung được giao.\n\nTrân trọng./.")
    assert md["co_quan"] == "Bộ Tài chính"
    assert md["tinh"] == ""


def test_a_council_named_by_an_abbreviation_the_letter_defines_is_written_out():
    md = metadata_of(ADDRESSEES + "Thực hiện công tác cải cách hành chính (CCHC) năm 2024, Ban chỉ đạo CCHC trung ương "
                     "(sau đây gọi là Ban chỉ đạo) đề nghị các cơ quan rà soát kết quả thực hiện.\n\nTrân trọng./.")
    assert md["co_quan"] == "Ban chỉ đạo cải cách hành chính trung ương"


def test_a_body_narrated_in_a_letter_is_not_its_sender():
    md = metadata_of(ADDRESSEES + "Ban Chỉ đạo tỉnh đã thống nhất và đề nghị các sở báo cáo kết quả trước ngày 15.\n\n"
                     "Trân trọng./.")
    assert md["co_quan"] == ""


def test_a_text_without_addressee_gets_no_sender_from_its_body():
    md = metadata_of("Kiểm tra cải cách hành chính tại các xã của huyện\n\nSở Nội vụ đề nghị các xã chuẩn bị "
                     "hồ sơ, báo cáo đầy đủ kết quả thực hiện nhiệm vụ cải cách hành chính năm 2023 để đoàn "
                     "kiểm tra làm việc.")
    assert md["co_quan"] != "Sở Nội vụ"


def test_a_councils_standing_committee_in_the_header_is_named_after_its_council():
    md = metadata_of("HĐND HUYỆN NGÂN SƠN\nTHƯỜNG TRỰC\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Độc lập - Tự do - Hạnh phúc\n\nSố: 21/TB-TTHĐND\n\nNgân Sơn, ngày 4 tháng 3 năm 2024\n\n"
                     "THÔNG BÁO\nLịch tiếp công dân tháng 3\n\n"
                     "Thường trực HĐND huyện thông báo lịch tiếp công dân như sau:")
    assert md["co_quan"] == "Thường trực Hội đồng nhân dân huyện Ngân Sơn"
