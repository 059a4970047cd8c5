"""A place named with a level the administrative table does not give that name (issue 18, helper D6): "xã Ngọc Thụy"
where the table has only Hà Nội's "phường Ngọc Thụy" may be an upgraded commune or another province's commune the
table no longer lists; it votes as a bare name, never as a place named with its level. Lines written for the tests."""

from __future__ import annotations

from tests.reading import metadata_of
from textnorm.gazetteer import place_mentions

#: A post's tail naming a district of Bắc Kạn only, bare.
BAC_KAN_TAIL = " Đoàn cũng làm việc với các phòng chuyên môn của Na Rì về kết quả giải quyết hồ sơ."


def test_a_level_the_table_does_not_give_that_name_is_marked():
    (m,) = place_mentions("Hội nghị tại xã Ngọc Thụy")
    assert (m.province, m.cued, m.level_as_written) == ("Hà Nội", True, False)
    (m,) = place_mentions("Hội nghị tại phường Ngọc Thụy")
    assert (m.province, m.level_as_written) == ("Hà Nội", True)


def test_a_commune_read_through_another_level_does_not_outvote_a_bare_district():
    md = metadata_of("Ngày 12/5, đoàn công tác của huyện làm việc với xã Ngọc Thụy về việc lấy ý kiến đề án sắp xếp "
                     "đơn vị hành chính cấp xã trên địa bàn." + BAC_KAN_TAIL)
    assert md["tinh"] != "Hà Nội"


def test_a_ward_named_with_its_own_level_still_decides():
    md = metadata_of("Ngày 12/5, đoàn công tác của quận làm việc với phường Ngọc Thụy về việc lấy ý kiến đề án sắp "
                     "xếp đơn vị hành chính cấp xã trên địa bàn." + BAC_KAN_TAIL)
    assert md["tinh"] == "Hà Nội"


def test_a_list_of_provinces_after_a_plural_level_names_none_of_them_as_the_subject():
    md = metadata_of("Bộ Nội vụ kiểm tra công tác cải cách hành chính năm 2022\n\n05/05/2022 10:05\n\n"
                     "Sáng 5/5, đoàn kiểm tra của Bộ Nội vụ đã làm việc với các tỉnh Bắc Kạn, Cao Bằng, Lạng Sơn "
                     "về kết quả thực hiện nhiệm vụ cải cách hành chính. Qua kiểm tra, đoàn đánh giá các địa phương "
                     "đã triển khai nghiêm túc các nhiệm vụ được giao.")
    assert md["tinh"] == ""


def test_a_province_named_with_its_level_alone_is_still_the_subject():
    md = metadata_of("Kiểm tra công tác cải cách hành chính năm 2022\n\n05/05/2022 10:05\n\n"
                     "Sáng 5/5, đoàn kiểm tra của UBND tỉnh Bắc Kạn đã làm việc với các xã về kết quả thực hiện nhiệm "
                     "vụ cải cách hành chính, đánh giá các xã đã triển khai nghiêm túc các nhiệm vụ được giao.")
    assert md["tinh"] == "Bắc Kạn"
