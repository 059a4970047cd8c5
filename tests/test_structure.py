"""Tests for ingest.structure and the structure-aware passages of the bundled corpus."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from ingest.boundaries import find_document
from ingest.clean import clean_lines
from ingest.document import build_document
from ingest.passages import render_blocks
from ingest.structure import parse_structure

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
KG_36 = "kien-giang-2021-36-KH-UBND-kiem-tra-cchc.txt"
KG_189 = "kien-giang-2020-189-KH-UBND-ke-hoach-cchc-2021.txt"
HN_87 = "ha-noi-2021-87-KH-UBND-kiem-tra-cchc.txt"
HA_NAM = "ha-nam-2022-KH-UBND-kiem-tra-cchc.txt"
QB = "quang-binh-2018-tin-kiem-tra-cchc.txt"
ALL = [KG_36, KG_189, HN_87, HA_NAM, QB]


@lru_cache(maxsize=None)
def doc(name: str):
    path = CORPUS / name
    return build_document(path.stem, f"corpus/{name}", path.read_text(encoding="utf-8"))


def blocks_of(raw: str):
    return parse_structure(clean_lines(raw))


def passages_containing(name: str, needle: str):
    return [p for p in doc(name).passages if needle in p.text]


# ------------------------------------------------------------------------------------------- small inputs
def test_heading_levels_follow_marker_order():
    blocks = blocks_of("I. MỤC ĐÍCH\n\n1. Mục đích\n\n- Kiểm tra công tác CCHC.\n\n"
                       "II. NỘI DUNG\n\n1. Nội dung\n\n- Rà soát.")
    assert [(b.kind, b.section) for b in blocks] == [
        ("heading", ("I. MỤC ĐÍCH",)),
        ("heading", ("I. MỤC ĐÍCH", "1. Mục đích")),
        ("item", ("I. MỤC ĐÍCH", "1. Mục đích")),
        ("heading", ("II. NỘI DUNG",)),
        ("heading", ("II. NỘI DUNG", "1. Nội dung")),
        ("item", ("II. NỘI DUNG", "1. Nội dung")),
    ]


def test_alpha_under_arabic_under_roman():
    blocks = blocks_of("II. NHIỆM VỤ\n\n6. Chính quyền điện tử\n\na) Hạ tầng số\n\n- Đầu tư hạ tầng.\n\n"
                       "b) ISO 9001\n\n- Áp dụng.")
    assert blocks[-1].section == ("II. NHIỆM VỤ", "6. Chính quyền điện tử", "b) ISO 9001")
    assert blocks[2].section == ("II. NHIỆM VỤ", "6. Chính quyền điện tử", "a) Hạ tầng số")


def test_numbered_items_after_a_lead_in_stay_items():
    raw = (
        "II. NỘI DUNG KIỂM TRA\n\nKiểm tra việc triển khai nhiệm vụ công tác CCHC, cụ thể:\n"
        "1. Công tác chỉ đạo, điều hành CCHC;\n2. Công tác cải cách thể chế;\n3. Cải cách tài chính công."
    )
    blocks = blocks_of(raw)
    assert [b.kind for b in blocks] == ["heading", "para", "item", "item", "item"]
    assert blocks[1].lead_in
    assert {b.section for b in blocks} == {("II. NỘI DUNG KIỂM TRA",)}


def test_front_matter_before_the_first_sentence():
    raw = ("Số: 36/KH-UBND\n\nKiên Giang, ngày 28 tháng 02 năm 2021\n\nKẾ HOẠCH\nKiểm tra công tác CCHC\n\n"
           "I. MỤC ĐÍCH\n\n- Kiểm tra.")
    kinds = [(b.kind, b.text) for b in blocks_of(raw)]
    assert kinds[:4] == [("front", "Số: 36/KH-UBND"), ("front", "Kiên Giang, ngày 28 tháng 02 năm 2021"),
                         ("front", "KẾ HOẠCH"), ("front", "Kiểm tra công tác CCHC")]
    assert kinds[4] == ("heading", "I. MỤC ĐÍCH")


def test_opening_sentence_is_not_the_lead_in_of_the_first_section():
    """A plan without Roman headings: "1. Mục đích:" after "… như sau:" opens a section, it is not a list item."""
    raw = (
        "Số: 87/KH-UBND\nHà Nội, ngày 05 tháng 4 năm 2021\nKIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2021\n"
        "Thực hiện Quyết định 5743/QĐ-UBND, UBND Thành phố ban hành Kế hoạch kiểm tra công tác CCHC năm 2021 như sau:\n"
        "1. Mục đích:\n- Rà soát, đánh giá việc triển khai.\n- Đôn đốc, hướng dẫn.\n2. Yêu cầu\n- Đúng pháp luật."
    )
    blocks = blocks_of(raw)
    heading = next(b for b in blocks if b.text == "1. Mục đích:")
    assert heading.kind == "heading"
    assert next(b for b in blocks if b.text.startswith("- Rà soát")).section == ("1. Mục đích",)
    assert next(b for b in blocks if b.text == "- Đúng pháp luật.").section == ("2. Yêu cầu",)


def test_closing_blocks_after_noi_nhan():
    raw = ("I. MỤC ĐÍCH\n\n- Kiểm tra.\n\nNơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.\n\nCHỦ TỊCH\n\nLâm Minh Thành")
    blocks = blocks_of(raw)
    assert [b.kind for b in blocks] == ["heading", "item", "closing", "closing", "closing", "closing", "closing"]


def test_markdown_table_rows_name_their_columns():
    raw = ("II. NHIỆM VỤ\n\n| STT | NỘI DUNG | CƠ QUAN CHỦ TRÌ |\n|---|---|---|\n"
           "| 1 | Kế hoạch kiểm tra | Sở Nội vụ |\n| 2 | Báo cáo | Sở Tư pháp |")
    rows = [b for b in blocks_of(raw) if b.kind == "table_row"]
    assert [r.cells for r in rows] == [
        {"Stt": "1", "Nội dung": "Kế hoạch kiểm tra", "Cơ quan chủ trì": "Sở Nội vụ"},
        {"Stt": "2", "Nội dung": "Báo cáo", "Cơ quan chủ trì": "Sở Tư pháp"},
    ]
    assert rows[0].section == ("II. NHIỆM VỤ",)
    assert rows[1].text.splitlines()[0] == "Mục 2."


def test_cell_table_rows_take_their_group():
    cells = ["STT", "Nội dung", "Sản phẩm", "Cơ quan chủ trì", "I.", "CẢI CÁCH THỂ CHẾ",
             "1", "Kế hoạch rà soát văn bản", "Kế hoạch", "Sở Tư pháp",
             "II.", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "1", "Kế hoạch kiểm soát TTHC", "Quyết định", "Văn phòng UBND tỉnh"]
    raw = "PHỤ LỤC NHIỆM VỤ NĂM 2021\n" + "\n|\n".join(cells) + "\n|"
    rows = [b for b in blocks_of(raw) if b.kind == "table_row"]
    assert [r.section for r in rows] == [
        ("PHỤ LỤC NHIỆM VỤ NĂM 2021", "I. CẢI CÁCH THỂ CHẾ"),
        ("PHỤ LỤC NHIỆM VỤ NĂM 2021", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
    ]
    assert rows[1].cells == {"Nội dung": "Kế hoạch kiểm soát TTHC", "Sản phẩm": "Quyết định",
                             "Cơ quan chủ trì": "Văn phòng UBND tỉnh"}
    assert rows[1].text == ("Mục 1.\nNội dung: Kế hoạch kiểm soát TTHC\nSản phẩm: Quyết định\n"
                            "Cơ quan chủ trì: Văn phòng UBND tỉnh")


def test_long_heading_title_is_cut_at_its_colon():
    text = "2. Đối tượng kiểm tra trực tiếp: " + "các sở, ngành tỉnh và UBND cấp huyện, cấp xã " * 2 + "như sau:"
    blocks = blocks_of("II. ĐỐI TƯỢNG\n\n" + text)
    assert blocks[1].section == ("II. ĐỐI TƯỢNG", "2. Đối tượng kiểm tra trực tiếp")
    assert blocks[1].lead_in


# ------------------------------------------------------------------------------------------- Kiên Giang 36
SEVEN_SO = ["Công Thương", "Nông nghiệp và Phát triển nông thôn", "Giao thông vận tải", "Xây dựng",
            "Khoa học và Công nghệ", "Y tế", "Du lịch"]


def test_kg36_seven_departments_in_one_passage_with_their_lead_in():
    hits = passages_containing(KG_36, "Cấp tỉnh gồm các Sở")
    assert len(hits) == 1
    p = hits[0]
    for so in SEVEN_SO:
        assert so in p.text
    assert "Đối tượng kiểm tra trực tiếp" in p.text
    assert p.text.index("Đối tượng kiểm tra trực tiếp") < p.text.index("Công Thương") < p.text.index("Du lịch")
    assert ("a) Cấp tỉnh gồm các Sở: Công Thương, Nông nghiệp và Phát triển nông thôn, Giao thông vận tải, Xây dựng, "
            "Khoa học và Công nghệ, Y tế, Du lịch.") in p.text
    path = p.section.split(" > ")
    assert path[0].startswith("II.")
    assert "2. Đối tượng kiểm tra trực tiếp" in path
    assert p.kind == "list"


def test_kg36_districts_and_communes_share_the_lead_in_passage():
    p = passages_containing(KG_36, "Cấp tỉnh gồm các Sở")[0]
    assert ("b) Cấp huyện gồm Ủy ban nhân dân các huyện: Tân Hiệp, Châu Thành, Giồng Riềng, Gò Quao và "
            "Vĩnh Thuận.") in p.text
    assert "c) Cấp xã: chọn 02 xã" in p.text


def test_kg36_time_is_its_own_section():
    (p,) = passages_containing(KG_36, "quý III/2021")
    assert p.section.startswith("II. NỘI DUNG, ĐỐI TƯỢNG, THỜI GIAN KIỂM TRA > 3. Thời gian")
    assert "Công Thương" not in p.text


# ------------------------------------------------------------------------------------------- Kiên Giang 189 appendix
def test_kg189_digital_transformation_row_is_one_table_row_passage():
    hits = passages_containing(KG_189, "Kế hoạch Chuyển đổi số tỉnh Kiên Giang giai đoạn 2021-2025")
    rows = [p for p in hits if p.kind == "table_row"]
    assert len(rows) == 1
    p = rows[0]
    assert "Sở Thông tin và Truyền thông" in p.text
    assert "Quý IV năm 2020" in p.text
    for column in ("Nội dung:", "Sản phẩm:", "Cơ quan chủ trì:", "Cơ quan phối hợp:", "Thời gian"):
        assert column in p.text
    assert "Cơ quan chủ trì: Sở Thông tin và Truyền thông" in p.text
    assert "VI. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ" in p.section.split(" > ")
    assert p.section.startswith("PHỤ LỤC")
    # one row only: the neighbouring rows of the same group are separate passages
    assert "Kế hoạch ứng dụng công nghệ thông tin" not in p.text
    assert p.text.count("Nội dung:") == 1


def test_kg189_appendix_rows_all_name_their_group():
    rows = [p for p in doc(KG_189).passages if p.kind == "table_row"]
    assert len(rows) >= 25
    groups = {p.section.split(" > ")[1] for p in rows}
    assert {"I. CẢI CÁCH THỂ CHẾ", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "VI. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ",
            "VII. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"} <= groups
    assert all(p.text.startswith("Mục ") and "Nội dung: " in p.text for p in rows)


def test_kg189_body_sections():
    sections = {p.section for p in doc(KG_189).passages}
    assert "I. MỤC TIÊU, YÊU CẦU > 1. Mục tiêu" in sections
    assert "II. NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH > 1. Cải cách thể chế" in sections
    assert "IV. KINH PHÍ THỰC HIỆN" in sections


# ------------------------------------------------------------------------------------------- Hà Nội 87
RELATED = [
    "Kế hoạch 155/KH-UBND về kiểm tra công tác cải cách hành chính năm 2020",
    "Kế hoạch 288/KH-UBND",
    "Quyết định 4832/QĐ-UBND năm 2020",
    "Kế hoạch 2042/KH-UBND về kiểm tra công tác cải cách hành chính năm 2021 do tỉnh Bình Dương",
    "Kế hoạch 123/KH-UBND về tiếp tục duy trì",
    "Kế hoạch 36/KH-UBND về kiểm tra công tác cải cách hành chính năm 2021 do tỉnh Kiên Giang",
]


@pytest.mark.parametrize("title", RELATED)
def test_ha_noi_related_documents_in_no_passage(title):
    assert passages_containing(HN_87, title) == []
    assert title not in doc(HN_87).text


_HEADING_LINE = re.compile(r"^(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*)\.\s")


def test_ha_noi_no_passage_mixes_two_sections():
    """A numbered heading ("1. Mục đích:", "2. Yêu cầu", "2.1. …", "2.2. …") only ever opens a passage."""
    for p in doc(HN_87).passages:
        inner = p.text.splitlines()[1:]
        assert not [line for line in inner if _HEADING_LINE.match(line)], p.id


def test_ha_noi_purpose_and_requirements_are_separate():
    (purpose,) = passages_containing(HN_87, "Rà soát, đánh giá việc triển khai")
    assert purpose.section == "1. Mục đích"
    assert "ỦY BAN NHÂN DÂN" not in purpose.text and "Số: 87/KH-UBND" not in purpose.text
    (requirement,) = passages_containing(HN_87, "Hoạt động kiểm tra đảm bảo đúng pháp luật")
    assert requirement.section == "2. Yêu cầu"
    assert "Mục đích" not in requirement.text


@pytest.mark.parametrize("name", ALL)
def test_no_passage_spans_blocks_of_two_sections(name):
    """Every block a passage covers belongs to the passage's section."""
    d = doc(name)
    blocks = parse_structure(find_document(clean_lines((CORPUS / name).read_text(encoding="utf-8"))).lines)
    text, spans = render_blocks(blocks)
    assert text == d.text
    for p in d.passages:
        if p.kind in ("signature", "recipients"):
            continue  # end matter has its own section, "Phần kết"
        inside = [b for b, (s, e) in zip(blocks, spans, strict=True)
                  if s < p.end and e > p.start and b.kind != "closing"]
        assert inside, p.id
        assert {" > ".join(b.section) for b in inside} == {p.section}, p.id


@pytest.mark.parametrize("name", ALL)
def test_closing_lines_are_only_in_end_matter_passages(name):
    for p in doc(name).passages:
        if p.kind not in ("recipients", "signature"):
            assert "Nơi nhận" not in p.text
            assert "Lưu: VT" not in p.text
