"""Local bodies named in a header as officials write them (issue 18, helper D6): a province's capital city is no
province, a district's or commune's council keeps its place's capitals, initials stay initials. Lines written for the
tests."""

from __future__ import annotations

from tests.reading import metadata_of

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
BODY = ("QUYẾT ĐỊNH\nVề việc kiện toàn tổ công tác cải cách hành chính\n\nĐiều 1. Kiện toàn tổ công tác.\n\n"
        "Nơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n\nLê Văn Bình")


def test_the_committee_of_a_provinces_capital_city_is_the_citys_not_the_provinces():
    md = metadata_of("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ THÁI NGUYÊN\n\n" + MOTTO + "Số: 12/QĐ-UBND\n\n"
                     "Thái Nguyên, ngày 3 tháng 4 năm 2023\n\n" + BODY)
    assert (md["co_quan"], md["tinh"], md["cap"]) == ("Ủy ban nhân dân thành phố Thái Nguyên", "Thái Nguyên", "Huyện")


def test_a_centrally_run_citys_committee_is_still_the_city():
    md = metadata_of("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\n\n" + MOTTO + "Số: 12/QĐ-UBND\n\n"
                     "Đà Nẵng, ngày 3 tháng 4 năm 2023\n\n" + BODY)
    assert (md["co_quan"], md["cap"]) == ("Ủy ban nhân dân thành phố Đà Nẵng", "Tỉnh")


def test_a_district_council_keeps_its_place_name_capitalised():
    md = metadata_of("HỘI ĐỒNG NHÂN DÂN\nHUYỆN BẠCH THÔNG\n\n" + MOTTO + "Số: 12/NQ-HĐND\n\n"
                     "Bạch Thông, ngày 3 tháng 4 năm 2023\n\n" + BODY)
    assert md["co_quan"] == "Hội đồng nhân dân huyện Bạch Thông"


def test_initials_in_a_body_name_stay_in_capitals():
    md = metadata_of("BAN CHỈ ĐẠO CCHC\nHUYỆN BẠCH THÔNG\n\n" + MOTTO + "Số: 12/KH-BCĐ\n\n"
                     "Bạch Thông, ngày 3 tháng 4 năm 2023\n\n" + BODY)
    assert md["co_quan"] == "Ban Chỉ đạo CCHC huyện Bạch Thông"


def test_the_office_under_a_council_is_the_councils_office():
    md = metadata_of("HĐND TỈNH LẠNG SƠN\nVĂN PHÒNG\n\n" + MOTTO + "Số: 12/TB-VP\n\n"
                     "Lạng Sơn, ngày 3 tháng 4 năm 2023\n\n" + BODY)
    assert md["co_quan"] == "Văn phòng Hội đồng nhân dân tỉnh Lạng Sơn"


def test_the_office_under_a_committee_is_still_the_committees_office():
    md = metadata_of("UBND TỈNH LẠNG SƠN\nVĂN PHÒNG\n\n" + MOTTO + "Số: 12/TB-VP\n\n"
                     "Lạng Sơn, ngày 3 tháng 4 năm 2023\n\n" + BODY)
    assert md["co_quan"] == "Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn"
