"""Places and issuers read by class of page (issue 18, helper WB): a place's name spelt with other tones than the
table's is another place; a page's chrome in lower case names no issuer. Lines written for the test."""

from __future__ import annotations

from tests.reading import metadata_of
from textnorm.gazetteer import place_mentions, spelling_key, spelt_as_in_table

#: A post's lead long enough to be a body.
LEAD = ("Sáng nay, đoàn công tác đã làm việc với lãnh đạo địa phương về tiến độ số hóa hồ sơ hộ tịch; theo báo cáo, "
        "phần lớn hồ sơ đã được cập nhật lên hệ thống và người dân tra cứu được trên môi trường điện tử.")


def test_a_place_written_with_other_tones_is_not_the_tables_place():
    assert [m.province for m in place_mentions("Đoàn làm việc tại huyện Mộc Châu")] == ["Sơn La"]
    assert place_mentions("Đoàn làm việc tại huyện Mốc Châu") == []  # Mộc: a dot below, not an acute


def test_a_bare_name_with_other_tones_decides_no_province():
    assert [m.province for m in place_mentions("các huyện Na Rì, Chợ Đồn")] == ["Bắc Kạn", "Bắc Kạn"]
    assert place_mentions("Thăm hỏi bà con ở Chợ Đốn") == []


def test_a_tone_left_out_or_placed_the_old_way_is_the_same_spelling():
    assert spelt_as_in_table("Đăk Mil", "dak mil", "Đắk Nông")  # "Đăk" for "Đắk": a tone left out
    assert spelling_key("Hoà Bình") == spelling_key("Hòa Bình")
    assert spelt_as_in_table("Moc Chau", "moc chau", "Sơn La")  # a text without accents is not judged


def test_a_post_naming_a_commune_with_other_tones_gets_no_province_from_it():
    md = metadata_of("Đoàn công tác làm việc tại huyện Mốc Châu về số hóa hộ tịch\n\n" + LEAD)
    assert md["tinh"] == ""


def test_a_page_header_in_lower_case_is_chrome_not_an_issuer():
    md = metadata_of("bộ tư pháp nước cộng hòa xã hội chủ nghĩa việt nam\nCổng thông tin điện tử\n"
                     "(Moj.gov.vn) - " + LEAD)
    assert md["co_quan"] == ""
