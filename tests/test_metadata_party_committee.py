"""A province named through its Party committee (issue 18, helper T14): "Tỉnh ủy X" and "Thành ủy X" name the place X
with its level, as "tỉnh X" does, so a page read as no post whose only place is its Party committee is of that
province. Each test is one general fact about such pages, on lines written for the test."""

from __future__ import annotations

from tests.reading import metadata_of

#: A page of one lead sentence that cites a document by number and date (read as no post): its one place is the
#: Party committee where the meeting sat.
LEAD = ("Chiều ngày 5/3, tại {where}, Ban Chỉ đạo tổng kết Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị đã "
        "họp để cho ý kiến vào dự thảo báo cáo tổng kết và một số nội dung thuộc thẩm quyền....")


def test_a_province_named_after_its_party_committee_is_the_pages_province():
    assert metadata_of(LEAD.format(where="Tỉnh ủy Hà Giang"))["tinh"] == "Hà Giang"


def test_a_city_named_after_its_party_committee_is_the_pages_city():
    assert metadata_of(LEAD.format(where="Thành ủy Cần Thơ"))["tinh"] == "Cần Thơ"


def test_a_party_committee_without_a_name_names_no_province():
    assert metadata_of(LEAD.format(where="Tỉnh ủy"))["tinh"] == ""
