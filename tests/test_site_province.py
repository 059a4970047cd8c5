"""The province of posts that name it only outside a header (issue 18, item 3): a newspaper's credit gives the
``tinh`` (the paper is the province's), read through the provinces' names in its web address; a ward formed in 2025
gives its new province; a place name many provinces share decides nothing. Literal lines as portals and papers
write them."""

from __future__ import annotations

import json

import pytest

from tests.reading import metadata_of
from textnorm.gazetteer import host_province, web_address_provinces


def span_text(md: dict, raw: str, key: str) -> str:
    start, end = json.loads(md["spans"])[key]
    return raw[start:end]


# ------------------------------------------------------------------------------------------------ web hosts
@pytest.mark.parametrize("host, province", [
    ("sonla.gov.vn", "Sơn La"),  # a province's portal
    ("sotuphap.langson.gov.vn", "Lạng Sơn"),  # a department's site under it
    ("baodaklak.vn", "Đắk Lắk"),  # a province's paper: "báo" + the name
    ("www.baogialai.com.vn", "Gia Lai"),
    ("Baonghean.vn", "Nghệ An"),  # as a credit writes it
    ("baria-vungtau.gov.vn", "Bà Rịa - Vũng Tàu"),
    ("laodong.vn", None),  # national papers and bodies name no province
    ("baochinhphu.vn", None),
    ("moha.gov.vn", None),
    ("hn.gov.vn", None),  # a short alias is too often another site's initials
])
def test_a_host_names_its_province_through_the_provinces_names(host, province):
    assert host_province(host) == province


def test_web_addresses_in_a_footer_and_an_email_are_found_with_their_offsets():
    text = "Địa chỉ: 36 Tô Hiệu. Email: banbientap@sonla.gov.vn. Website: https://www.baodaklak.vn/xa-hoi"
    assert [(name, text[s:e]) for name, s, e in web_address_provinces(text)] == [
        ("Sơn La", "sonla.gov.vn"), ("Đắk Lắk", "www.baodaklak.vn")]


# ------------------------------------------------------------------------------------------------ reading
CREDITED_POST = (
    "HĐND tỉnh thông qua 11 nhóm giải pháp phát triển kinh tế - xã hội năm 2020\n"
    "(Baonghean.vn) - Sáng 12/12, HĐND tỉnh đã thông qua Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm "
    "2020 với 28 chỉ tiêu chủ yếu."
)


def test_a_post_credited_to_its_provinces_paper_is_of_that_province():
    md = metadata_of(CREDITED_POST)
    assert md["tinh"] == "Nghệ An" and span_text(md, CREDITED_POST, "tinh") == "Baonghean.vn"


def test_a_ward_formed_in_2025_gives_its_new_province():
    raw = ("Phường Hội An Tây đối thoại với người dân về thủ tục hành chính\n"
           "Sáng 28/10/2025, UBND phường Hội An Tây tổ chức hội nghị đối thoại với người dân, doanh nghiệp về thủ tục "
           "hành chính và cải cách hành chính.")
    md = metadata_of(raw)
    assert md["tinh"] == "Đà Nẵng" and span_text(md, raw, "tinh") == "Hội An Tây"


def test_a_place_name_many_provinces_share_decides_nothing():
    raw = ("Kiểm tra cải cách hành chính tại UBND huyện Châu Thành\n"
           "Ngày 12/5/2021, Đoàn kiểm tra đã làm việc tại UBND huyện Châu Thành về giải quyết thủ tục hành chính.")
    md = metadata_of(raw)
    assert md["tinh"] == ""
