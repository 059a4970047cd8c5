"""Tests for ingest.clean (and the normalisation it relies on): literal Vietnamese inputs and expected lines."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ingest.clean import CELL_BREAK, clean_lines, strip_markup
from textnorm import normalize_text
from textnorm.lines import is_list_line, is_upper_line

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
KG_189 = CORPUS / "kien-giang-2020-189-KH-UBND-ke-hoach-cchc-2021.txt"
HN_87 = CORPUS / "ha-noi-2021-87-KH-UBND-kiem-tra-cchc.txt"
HA_NAM = CORPUS / "ha-nam-2022-KH-UBND-kiem-tra-cchc.txt"


def texts(raw: str) -> list[str]:
    return [line.text for line in clean_lines(raw)]


def cleaned_corpus_lines(path: Path) -> list[str]:
    return texts(path.read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------- normalisation
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hoà giải", "hòa giải"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
        ("thuỷ lợi", "thủy lợi"),
        ("hoá đơn", "hóa đơn"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("Khánh Hoà", "Khánh Hòa"),
    ],
)
def test_tone_placement_variants_normalise_the_same(a, b):
    assert normalize_text(a) == normalize_text(b) == b
    assert texts(a) == texts(b) == [b]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("hoàn thành", "hoàn thành"),  # "oa" followed by a consonant: the tone stays where it is
        ("quý III", "quý III"),  # "qu" + "y": not the "uy" pair
        ("thuyết minh", "thuyết minh"),
        ("tuỳ", "tùy"),
    ],
)
def test_tone_normalisation_leaves_other_syllables_alone(word, expected):
    assert normalize_text(word) == expected


def test_decomposed_unicode_is_composed():
    assert texts(unicodedata.normalize("NFD", "Uỷ ban nhân dân")) == ["Ủy ban nhân dân"]


def test_zero_width_and_nbsp_removed():
    assert texts("Sở\u00a0Nội\u200b vụ") == ["Sở Nội vụ"]


# ------------------------------------------------------------------------------------------- markup
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("### **III. ĐỐI TƯỢNG, THỜI GIAN KIỂM TRA**", "III. ĐỐI TƯỢNG, THỜI GIAN KIỂM TRA"),
        ("#### **1. Đối tượng kiểm tra**", "1. Đối tượng kiểm tra"),
        ("**KẾ HOẠCH**  ", "KẾ HOẠCH"),
        ("__Nơi nhận:__", "Nơi nhận:"),
        ("Phụ lục (*gửi kèm Kế hoạch này*)", "Phụ lục (gửi kèm Kế hoạch này)"),
        ("- 6. Công tác cải cách tài chính công;", "6. Công tác cải cách tài chính công;"),
        ("Sở   Nội \t vụ", "Sở Nội vụ"),
    ],
)
def test_strip_markup(raw, expected):
    assert strip_markup(raw) == expected


def test_markdown_marks_never_survive_cleaning():
    raw = "**KẾ HOẠCH**\n\n### **I. MỤC ĐÍCH, YÊU CẦU**\n\n#### **1. Mục đích**\n\n- Kiểm tra *định kỳ*."
    assert texts(raw) == ["KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Kiểm tra định kỳ."]


def test_ha_nam_markdown_removed_from_whole_document():
    lines = cleaned_corpus_lines(HA_NAM)
    assert not any("**" in line or line.lstrip().startswith("#") for line in lines)
    assert "III. ĐỐI TƯỢNG, THỜI GIAN KIỂM TRA" in lines
    assert "1. Đối tượng kiểm tra" in lines
    assert "Trương Quốc Huy" in lines


@pytest.mark.parametrize("rule", ["-------", "---------------", "=====", "_____", "* * *".replace(" ", "")])
def test_decorative_rules_dropped(rule):
    assert texts(f"ỦY BAN NHÂN DÂN\n{rule}\nSố: 36/KH-UBND") == ["ỦY BAN NHÂN DÂN", "Số: 36/KH-UBND"]


# ------------------------------------------------------------------------------------------- markers
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("I. MỤC ĐÍCH", True),
        ("1. Mục đích", True),
        ("2.1. Kiểm tra qua báo cáo", True),
        ("a) Cấp tỉnh gồm các Sở", True),
        ("- Kiểm tra.", True),
        ("+ Sở Nội vụ", True),
        ("• Sở Tư pháp", True),
        ("hành chính nhà nước", False),
        ("Ủy ban nhân dân tỉnh", False),
        ("2021-2025 là giai đoạn", False),
    ],
)
def test_is_list_line(line, expected):
    assert is_list_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("KẾ HOẠCH", True), ("CẢI CÁCH THỂ CHẾ", True), ("Cải cách thể chế", False), ("CCHC năm 2021 như sau", False)],
)
def test_is_upper_line(line, expected):
    assert is_upper_line(line) is expected


# ------------------------------------------------------------------------------------------- hard wrapping
WRAPPED = """Căn cứ Nghị quyết số 30c/NQ-CP ngày
08 tháng 11 năm 2011 của Chính phủ về Chương trình tổng thể cải cách hành chính
nhà nước giai đoạn 2011-2020.
Ủy
ban nhân dân tỉnh đề ra kế hoạch
công tác CCHC năm 2021 như sau:
I. MỤC TIÊU, YÊU CẦU
1. Mục tiêu
- Tiếp tục đẩy mạnh triển khai thực
hiện có hiệu quả định hướng CCHC nhà nước giai đoạn 2021- 2030 theo kế hoạch
đề ra.
- Xây dựng hệ thống các cơ quan hành
chính nhà nước của tỉnh trong sạch, vững mạnh, từng bước hiện đại, hoạt động có
hiệu lực, hiệu quả.
IV. KINH PHÍ THỰC HIỆN
Kinh phí thực hiện các chương trình được bố trí từ nguồn ngân sách nhà nước
hàng năm."""


def test_hard_wrapped_lines_are_joined():
    assert texts(WRAPPED) == [
        "Căn cứ Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011 của Chính phủ về Chương trình tổng thể cải cách "
        "hành chính nhà nước giai đoạn 2011-2020.",
        "Ủy ban nhân dân tỉnh đề ra kế hoạch công tác CCHC năm 2021 như sau:",
        "I. MỤC TIÊU, YÊU CẦU",
        "1. Mục tiêu",
        "- Tiếp tục đẩy mạnh triển khai thực hiện có hiệu quả định hướng CCHC nhà nước giai đoạn 2021- 2030 theo kế "
        "hoạch đề ra.",
        "- Xây dựng hệ thống các cơ quan hành chính nhà nước của tỉnh trong sạch, vững mạnh, từng bước hiện đại, "
        "hoạt động có hiệu lực, hiệu quả.",
        "IV. KINH PHÍ THỰC HIỆN",
        "Kinh phí thực hiện các chương trình được bố trí từ nguồn ngân sách nhà nước hàng năm.",
    ]


def test_short_lines_of_an_unwrapped_document_are_not_joined():
    raw = "KẾ HOẠCH\nKiểm tra công tác cải cách hành chính\nnăm 2022 trên địa bàn tỉnh Hà Nam"
    assert texts(raw) == ["KẾ HOẠCH", "Kiểm tra công tác cải cách hành chính", "năm 2022 trên địa bàn tỉnh Hà Nam"]


def test_189_plan_wrapped_sentence_is_one_line():
    lines = cleaned_corpus_lines(KG_189)
    assert "Ủy ban nhân dân tỉnh đề ra kế hoạch công tác CCHC năm 2021 như sau:" in lines
    assert "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG" in lines
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert "Số: 189/KH-UBND" in lines  # "Số:" and the number were on two lines
    assert "Kiên Giang, ngày 30 tháng 12 năm 2020" in lines
    assert "KẾ HOẠCH CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2021" in lines
    assert "I. MỤC TIÊU, YÊU CẦU" in lines
    assert "IV. KINH PHÍ THỰC HIỆN" in lines


def test_189_plan_no_line_starts_mid_sentence_outside_tables():
    """After joining, a line of the body text never starts with "ban nhân dân" (a wrapped "Ủy")."""
    lines = cleaned_corpus_lines(KG_189)
    assert not any(line.startswith("ban nhân dân") for line in lines)
    assert not any(line in ("Ủy", "Kiên", "CỘNG", "Số:") for line in lines)


def test_189_plan_keeps_cell_breaks_for_the_structure_parser():
    lines = clean_lines(KG_189.read_text(encoding="utf-8"))
    assert sum(1 for line in lines if line.text == CELL_BREAK) > 50
    assert all(line.hard for line in lines if line.text == CELL_BREAK)


# ------------------------------------------------------------------------------------------- layout rows
def test_ha_noi_header_row_becomes_separate_lines():
    lines = cleaned_corpus_lines(HN_87)
    assert lines[:4] == [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 87/KH-UBND",
        "Hà Nội, ngày 05 tháng 4 năm 2021",
    ]
    assert not any("|" in line for line in lines)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
         ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
        ("Số: 87/KH-UBND | Hà Nội, ngày 05 tháng 4 năm 2021 |", ["Số: 87/KH-UBND", "Hà Nội, ngày 05 tháng 4 năm 2021"]),
        ("| **TM. ỦY BAN NHÂN DÂN** |", ["TM. ỦY BAN NHÂN DÂN"]),
    ],
)
def test_two_cell_layout_rows(raw, expected):
    out = clean_lines(raw)
    assert [line.text for line in out] == expected
    assert all(line.cells is None for line in out)


def test_markdown_table_rows_keep_their_cells():
    raw = ("| STT | Nội dung | Cơ quan chủ trì |\n|---|---|---|\n"
           "| 1 | Kế hoạch kiểm tra | Sở Nội vụ |\n| 2 | Báo cáo | Sở Tư pháp |")
    out = clean_lines(raw)
    assert [line.cells for line in out] == [
        ("STT", "Nội dung", "Cơ quan chủ trì"),
        ("1", "Kế hoạch kiểm tra", "Sở Nội vụ"),
        ("2", "Báo cáo", "Sở Tư pháp"),
    ]


# ------------------------------------------------------------------------------------------- related documents
def test_related_document_lists_removed():
    raw = (
        "- 1 Kế hoạch 123/KH-UBND về tiếp tục duy trì Chỉ số cải cách hành chính\n"
        "- 2 Quyết định 5743/QĐ-UBND năm 2020 về Kế hoạch Cải cách hành chính\n"
        "KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2021\n"
        "- 1 Kế hoạch 155/KH-UBND về kiểm tra công tác cải cách hành chính năm 2020\n"
        "- 12 Kế hoạch 288/KH-UBND về kiểm tra công tác Cải cách hành chính năm 2022\n"
    )
    assert texts(raw) == ["KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2021"]


def test_single_numbered_bullet_is_kept():
    """One "- 1 Kế hoạch …" line is not a list of related documents."""
    raw = "- 1 Kế hoạch kiểm tra được ban hành kèm theo."
    assert texts(raw) == ["- 1 Kế hoạch kiểm tra được ban hành kèm theo."]


def test_ha_noi_related_documents_gone_after_cleaning():
    joined = "\n".join(cleaned_corpus_lines(HN_87))
    for title in ("Kế hoạch 123/KH-UBND về tiếp tục duy trì", "Kế hoạch 155/KH-UBND",
                  "Kế hoạch 288/KH-UBND", "Chỉ thị 14/CT-UBND năm 2021"):
        assert title not in joined
    assert "Kế hoạch số 123/KH-UBND ngày 11/06/2020" in joined  # cited in the body: kept


def test_cleaning_keeps_body_words_in_order():
    raw = "**I. MỤC ĐÍCH**\n\n- Kiểm tra để\nđánh giá đúng"
    assert texts(raw) == ["I. MỤC ĐÍCH", "- Kiểm tra để", "đánh giá đúng"]


@pytest.mark.parametrize("raw", ["", "\n\n\n", "   \t  ", "-----", "**  **"])
def test_empty_inputs_give_no_lines(raw):
    assert texts(raw) == []
