"""Issuers a page's title line gives when the page has no header (issue 18, helper WB). Lines written for the test."""

from __future__ import annotations

import pytest

from tests.reading import metadata_of


@pytest.mark.parametrize(("line", "issuer"), [
    ("Chỉ thị của Chủ tịch Ủy ban nhân dân tỉnh về việc tăng cường công tác phòng cháy trong mùa khô",
     "Ủy ban nhân dân tỉnh"),
    ("Kế hoạch của UBND huyện Yên Lập về triển khai số hóa hồ sơ hộ tịch năm 2024", "Ủy ban nhân dân huyện Yên Lập"),
    ("Hướng dẫn của Sở Nội vụ về việc chấm điểm chỉ số cải cách hành chính", "Sở Nội vụ"),
])
def test_a_title_line_naming_the_documents_body_gives_the_issuer(line, issuer):
    assert metadata_of(line)["co_quan"] == issuer


def test_a_title_line_naming_no_body_gives_no_issuer():
    assert metadata_of("Kế hoạch về việc tăng cường công tác phòng cháy trong mùa khô")["co_quan"] == ""


def test_a_header_names_the_issuer_before_any_title_line():
    md = metadata_of("ỦY BAN NHÂN DÂN\nHUYỆN YÊN LẬP\nSố: 12/KH-UBND\n\nYên Lập, ngày 5 tháng 3 năm 2024\n\n"
                     "KẾ HOẠCH\nTriển khai số hóa hồ sơ hộ tịch năm 2024")
    assert md["co_quan"] == "Ủy ban nhân dân huyện Yên Lập"
