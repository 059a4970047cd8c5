"""Issue 18, item 1: around the document, a line is dropped only when it looks like a web line by a positive rule
(:func:`ingest.boundaries.web_line_reason`); a garbled OCR line, a name or a short line of unknown kind is kept."""

from __future__ import annotations

import pytest

from bench.coverage import measure_text
from index.model import PORTAL_SECTION
from ingest.boundaries import find_document, portal_lines, web_line_reason
from ingest.clean import clean_lines
from ingest.document import build_document

#: A scan of a Cà Mau plan, OCR'd without the Vietnamese model: its issuing body and department are garbled.
GARBLED_SCAN = ("TJBND TiNH CA MAU\n"
                "so NOi vU\n"
                "CQNG HOA XA HQI CHU NGHIA VIET NAM\n"
                "Doc lap - Tu do - Hanh phuc\n"
                "So: 45/KH-SNV\n"
                "Ca Mau, ngay 3 thang 4 nam 2021\n"
                "KE HOACH\n"
                "Kiem tra cong tac cai cach hanh chinh nam 2021\n"
                "I. MUC DICH\n"
                "1. Danh gia ket qua thuc hien nhiem vu cai cach hanh chinh tai cac phong, ban.\n")

#: A provincial portal's page around a plan: its menu (a bar menu, split into its items by the cleaner), breadcrumb,
#: date banner, buttons and links to other posts, and two short lines of unknown kind (the department that posted
#: it, the source under the plan).
PORTAL_PAGE = ("Giới thiệu | Tin tức | Văn bản | Liên hệ\n"
               "Trang chủ > Văn bản > Cải cách hành chính\n"
               "Thứ Hai, 15/03/2021 08:30\n"
               "Phòng Nội vụ huyện Tân Phú\n"
               "ỦY BAN NHÂN DÂN\n"
               "HUYỆN TÂN PHÚ\n"
               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
               "Độc lập - Tự do - Hạnh phúc\n"
               "Số: 12/KH-UBND\n"
               "Tân Phú, ngày 10 tháng 3 năm 2021\n"
               "KẾ HOẠCH\n"
               "Tuyên truyền cải cách hành chính năm 2021\n"
               "I. MỤC ĐÍCH\n"
               "1. Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.\n"
               "Nơi nhận:\n"
               "- UBND tỉnh;\n"
               "CHỦ TỊCH\n"
               "Lê Văn Hai\n"
               "Nguồn: Văn phòng HĐND và UBND huyện\n"
               "Chia sẻ\n"
               "In trang\n"
               "Tin liên quan\n"
               "Huyện Định Quán ra quân cải cách hành chính\n")


def test_a_garbled_scans_header_is_the_documents():
    """The garbled issuing body above the motto is the header's: kept with the document, nothing dropped."""
    bounds = find_document(clean_lines(GARBLED_SCAN))
    assert bounds.dropped() == []
    assert [line.text for line in bounds.lines[:2]] == ["TJBND TiNH CA MAU", "so NOi vU"]
    assert "so NOi vU" in build_document("vd", "vd.txt", GARBLED_SCAN).text
    assert measure_text("scan.txt", GARBLED_SCAN).dropped_other == 0


def test_a_portal_menu_is_still_dropped_and_an_unknown_short_line_kept():
    bounds = find_document(clean_lines(PORTAL_PAGE))
    dropped = bounds.dropped()
    for web in ("Giới thiệu", "Tin tức", "Liên hệ", "Trang chủ > Văn bản > Cải cách hành chính",
                "Thứ Hai, 15/03/2021 08:30", "Chia sẻ", "In trang", "Tin liên quan",
                "Huyện Định Quán ra quân cải cách hành chính"):  # another post's headline under "Tin liên quan"
        assert web in dropped, web
    assert "Phòng Nội vụ huyện Tân Phú" not in dropped
    assert "Nguồn: Văn phòng HĐND và UBND huyện" not in dropped
    kept = portal_lines(bounds)
    assert "Phòng Nội vụ huyện Tân Phú" in kept and "Nguồn: Văn phòng HĐND và UBND huyện" in kept
    doc = build_document("vd", "vd.txt", PORTAL_PAGE)
    beside = [p.text for p in doc.passages if PORTAL_SECTION in p.section]
    assert any("Phòng Nội vụ huyện Tân Phú" in t for t in beside), beside
    assert not any("Giới thiệu" in p.text or "Liên hệ" in p.text for p in doc.passages)
    # a kept line of the page is not read as the document's issuer or title
    assert doc.metadata.get("tieu_de", "").startswith("Tuyên truyền cải cách hành chính")
    assert "Phòng Nội vụ" not in doc.metadata.get("co_quan", "")
    assert measure_text("page.txt", PORTAL_PAGE).dropped_other == 0


@pytest.mark.parametrize("line, reason", [
    ("Giới thiệu | Tin tức | Văn bản | Liên hệ", "navigation"),
    ("Trang chủ | Văn bản", "navigation"),
    ("Trang chủ » Tin tức", "navigation"),
    ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐỒNG NAI", "banner"),
    ("(12/05/2016 04:00:00 PM)", "date banner"),
    ("10.03.2025 15:02 11 đã xem", "date banner"),
    ("- 2Quyết định 468/QĐ-TTg năm 2016 phê duyệt Đề án", "links"),
    ("Đăng nhập", "chrome"),
    ("Lĩnh vực: Bộ máy hành chính", "table"),
    ("• Ngôn ngữ:", "table"),
    ("================", "no words"),
])
def test_web_lines_by_a_positive_rule(line, reason):
    assert web_line_reason(line) == reason


@pytest.mark.parametrize("line", [
    "TJBND TiNH DONG THAP", "so NOi vU", "Nguyễn Thị Lan", "BÁO CÁO TỔNG KẾT NĂM 2020", "Ban Chỉ đạo",
    "Quyết định 119/QĐ-UBND", "2021 - 2025", "Nguồn: Sở Nội vụ",
])
def test_a_line_of_unknown_kind_is_no_web_line(line):
    assert web_line_reason(line) == ""
