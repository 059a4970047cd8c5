"""Tests for ingest.loaders and ingest.legacy_encoding (offline; every input is built in tmp_path)."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st

from errors import DocumentError
from ingest.legacy_encoding import (
    convert_legacy,
    detect_legacy_encoding,
    encode_legacy,
)
from ingest.loaders import READERS, SUPPORTED_EXTENSIONS, LoadedFile, check_file, load_file

_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
LOWER = "".join(unicodedata.normalize("NFC", base + tone) for base in "aăâeêioôơuưy" for tone in _TONES) + "đ"
VIETNAMESE_LOWER = "".join(ch for ch in LOWER if not ch.isascii())
VIETNAMESE_ALL = VIETNAMESE_LOWER + VIETNAMESE_LOWER.upper()

SENTENCE = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; "
    "Ủy ban nhân dân tỉnh Kiên Giang quyết định ban hành quy chế phối hợp giải quyết "
    "thủ tục hành chính theo cơ chế một cửa, một cửa liên thông. Người yêu cầu nộp hồ sơ "
    "trực tuyến hoặc trực tiếp tại Bộ phận tiếp nhận và trả kết quả; cán bộ kiểm tra, "
    "hướng dẫn bổ sung giấy tờ còn thiếu, ghi rõ ngày hẹn trả. Đề nghị các sở, ban, ngành "
    "phối hợp thực hiện nghiêm túc, kịp thời báo cáo những khó khăn, vướng mắc."
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def refused(path: Path, **kwargs) -> str:
    with pytest.raises(DocumentError) as info:
        load_file(path, **kwargs)
    assert info.value.path == str(path)
    return info.value.reason


def pdf_with_text(lines: list[str] | list[bytes]) -> bytes:
    """A minimal one-page PDF whose Helvetica (WinAnsi) text layer holds ``lines``."""
    ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
    for line in lines:
        raw = line if isinstance(line, bytes) else line.encode("cp1252")
        esc = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append("(" + esc.decode("latin-1") + ") Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# ---------------------------------------------------------------- plain text
def test_utf8_text_is_returned_unchanged(tmp_path):
    path = write(tmp_path, "a.txt", "Thủ tục cấp giấy phép xây dựng\r\n\r\nBước 1: nộp hồ sơ.")
    loaded = load_file(path)
    assert loaded == LoadedFile("Thủ tục cấp giấy phép xây dựng\n\nBước 1: nộp hồ sơ.", "utf-8")


def test_utf8_bom_and_markdown(tmp_path):
    path = write(tmp_path, "b.md", "\ufeff# Hướng dẫn\n\n- Bước một".encode("utf-8"))
    loaded = load_file(path)
    assert loaded.text == "# Hướng dẫn\n\n- Bước một"
    assert loaded.encoding == "utf-8-sig"


def test_utf16_with_bom(tmp_path):
    path = write(tmp_path, "c.txt", "Sở Tư pháp tỉnh Kiên Giang".encode("utf-16"))
    assert load_file(path) == LoadedFile("Sở Tư pháp tỉnh Kiên Giang", "utf-16")


def test_utf16_without_bom_and_str_path(tmp_path):
    path = write(tmp_path, "le.txt", "Phường Vĩnh Thanh Vân, thành phố Rạch Giá".encode("utf-16-le"))
    loaded = load_file(str(path))
    assert loaded.text == "Phường Vĩnh Thanh Vân, thành phố Rạch Giá"
    assert loaded.encoding == "utf-16"


def test_unicode_vietnamese_is_never_treated_as_legacy(tmp_path):
    # Words made only of Latin-1 letters ("Tên và mã") must not be mistaken for TCVN3.
    text = "Tên và mã số hồ sơ\nCộng hòa xã hội chủ nghĩa Việt Nam\n" + SENTENCE
    loaded = load_file(write(tmp_path, "u.txt", text))
    assert loaded.text == text
    assert loaded.notes == ()
    assert detect_legacy_encoding(text) is None
    assert detect_legacy_encoding("Tên và mã") is None


def test_cp1258_bytes_are_converted_to_nfc(tmp_path):
    raw = encode_legacy("Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n", "cp1258")
    assert raw.startswith(b"C\xf4\xf2ng ho\xcca")  # precomposed ô + combining dot below (0xF2)
    loaded = load_file(write(tmp_path, "d.txt", raw))
    assert loaded.text == "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n"
    assert unicodedata.is_normalized("NFC", loaded.text)
    assert loaded.encoding == "cp1258"
    assert "Windows-1258" in loaded.notes[0]


def test_tcvn3_bytes_are_converted(tmp_path):
    raw = (
        "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n"
        "Uû ban nh©n d©n tØnh Kiªn Giang\nQuyÕt ®Þnh vÒ viÖc ban hµnh quy chÕ lµm viÖc"
    ).encode("cp1252")
    loaded = load_file(write(tmp_path, "e.txt", raw))
    assert loaded.text == (
        "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n"
        "Uỷ ban nhân dân tỉnh Kiên Giang\nQuyết định về việc ban hành quy chế làm việc"
    )
    assert loaded.encoding == "tcvn3"
    assert loaded.notes == ("đã chuyển từ bảng mã TCVN3 (ABC) sang Unicode.",)


def test_vni_bytes_are_converted(tmp_path):
    raw = (
        "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\n"
        "UÛy ban nhaân daân tænh Kieân Giang\nSôû Tö phaùp höôùng daãn thuû tuïc chöùng thöïc"
    ).encode("cp1252")
    loaded = load_file(write(tmp_path, "f.txt", raw))
    assert loaded.text == (
        "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n"
        "Ủy ban nhân dân tỉnh Kiên Giang\nSở Tư pháp hướng dẫn thủ tục chứng thực"
    )
    assert loaded.encoding == "vni"


def test_tcvn3_mojibake_saved_as_utf8(tmp_path):
    text = "Uû ban nh©n d©n tØnh Kiªn Giang\nQuyÕt ®Þnh vÒ viÖc ban hµnh quy chÕ lµm viÖc"
    loaded = load_file(write(tmp_path, "g.txt", text))
    assert loaded.text == "Uỷ ban nhân dân tỉnh Kiên Giang\nQuyết định về việc ban hành quy chế làm việc"
    assert loaded.encoding == "utf-8+tcvn3"
    assert "TCVN3" in loaded.notes[0]


def test_vni_mojibake_saved_as_utf8(tmp_path):
    text = "UÛy ban nhaân daân tænh Kieân Giang\nQuyeát ñònh veà vieäc ban haønh quy cheá laøm vieäc"
    loaded = load_file(write(tmp_path, "h.md", text))
    assert loaded.text == "Ủy ban nhân dân tỉnh Kiên Giang\nQuyết định về việc ban hành quy chế làm việc"
    assert loaded.encoding == "utf-8+vni"


def test_undetectable_legacy_encoding_is_refused(tmp_path):
    raw = "Grüße aus München, schöne Grüße und frohe Weihnachten".encode("cp1252")
    reason = refused(write(tmp_path, "de.txt", raw))
    assert "không phải UTF-8" in reason and "bảng mã" in reason


# ---------------------------------------------------------------- legacy tables
@pytest.mark.parametrize(
    ("encoded", "encoding", "expected"),
    [
        # VN3 has no toned capitals, so TCVN3 "Ủy" is written (and read back) with lower-case ủ.
        ("ñy ban nh©n d©n tØnh Kiªn Giang", "tcvn3", "ủy ban nhân dân tỉnh Kiên Giang"),
        ("Uû ban nh©n d©n tØnh Kiªn Giang", "tcvn3", "Uỷ ban nhân dân tỉnh Kiên Giang"),
        (
            "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM",
            "tcvn3",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ),
        ("§éc lËp - Tù do - H¹nh phóc", "tcvn3", "Độc lập - Tự do - Hạnh phúc"),
        ("Tõ ngµy 01/7/2024", "tcvn3", "Từ ngày 01/7/2024"),
        ("Sè: 12/Q§-UBND", "tcvn3", "Số: 12/QĐ-UBND"),
        ("§éC LËP - Tù DO", "tcvn3", "ĐỘC LẬP - TỰ DO"),
        ("ñY BAN", "tcvn3", "ỦY BAN"),
        ("Së T\xad ph¸p h\xadíng dÉn", "tcvn3", "Sở Tư pháp hướng dẫn"),
        (
            "UÛy ban nhaân daân tænh Kieân Giang",
            "vni",
            "Ủy ban nhân dân tỉnh Kiên Giang",
        ),
        ("Uûy ban nhaân daân", "vni", "Ủy ban nhân dân"),
        (
            "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
            "vni",
            "Cộng hòa xã hội chủ nghĩa Việt Nam",
        ),
        ("ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", "vni", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
        ("Sôû Tö phaùp höôùng daãn", "vni", "Sở Tư pháp hướng dẫn"),
        ("Vi\xea\xf2t Nam", "cp1258", "Việt Nam"),
    ],
)
def test_literal_legacy_pairs(encoded, encoding, expected):
    assert convert_legacy(encoded, encoding) == expected
    assert convert_legacy(encoded.encode("cp1252"), encoding) == expected


def test_tables_cover_all_134_letters():
    assert len(VIETNAMESE_LOWER) == 67
    for encoding in ("vni", "cp1258"):
        assert convert_legacy(encode_legacy(VIETNAMESE_ALL, encoding), encoding) == VIETNAMESE_ALL
    # TCVN3: capitals with a tone mark come back lower-case, the seven toneless capitals keep
    # their case (letters are spaced so the all-capitals word heuristic does not apply).
    spaced = " ".join(VIETNAMESE_ALL)
    expected = " ".join(ch if ch.islower() or ch in "ĂÂÊÔƠƯĐ" else ch.lower() for ch in VIETNAMESE_ALL)
    assert convert_legacy(encode_legacy(spaced, "tcvn3"), "tcvn3") == expected
    assert len(set(encode_legacy(VIETNAMESE_LOWER, "tcvn3"))) == 67  # one byte per letter


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
def test_round_trip_and_detection_of_a_long_sentence(encoding):
    raw = encode_legacy(SENTENCE, encoding)
    assert raw != SENTENCE.encode("utf-8")
    assert detect_legacy_encoding(raw) == encoding
    expected = SENTENCE.replace("Ủy", "ủy") if encoding == "tcvn3" else SENTENCE
    assert convert_legacy(raw, encoding) == expected
    mojibake = raw.decode("cp1252")
    if encoding != "cp1258":
        assert detect_legacy_encoding(mojibake) == encoding
        assert convert_legacy(mojibake, encoding) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=VIETNAMESE_ALL + "abcdghklmnpqrstvxyABCDGHKLMNTQ .,;:-()0123456789\n"))
def test_round_trip_property_vni_and_cp1258(text):
    for encoding in ("vni", "cp1258"):
        assert convert_legacy(encode_legacy(text, encoding), encoding) == unicodedata.normalize("NFC", text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=VIETNAMESE_LOWER + "abcdghklmnpqrstvxy .,;:-0123456789\n"))
def test_round_trip_property_tcvn3_lower_case(text):
    assert convert_legacy(encode_legacy(text, "tcvn3"), "tcvn3") == text


# ---------------------------------------------------------------- refusals
def test_missing_file(tmp_path):
    assert "không tìm thấy tệp" in refused(tmp_path / "khong-co.txt")


def test_unknown_extension_lists_supported_ones(tmp_path):
    reason = refused(write(tmp_path, "bang.xlsx", b"PK\x03\x04"))
    assert "'.xlsx'" in reason and "không được hỗ trợ" in reason
    assert all(ext in reason for ext in SUPPORTED_EXTENSIONS)


def test_too_large_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path, "lon.txt", "a" * 2500)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("tệp không được đọc"))
    reason = refused(path, max_bytes=1000)
    assert "quá lớn" in reason
    assert "0,00238 MB" in reason and "0,000954 MB" in reason


def test_empty_file(tmp_path):
    assert "rỗng" in refused(write(tmp_path, "rong.txt", b""))


def test_whitespace_only_file(tmp_path):
    assert "chỉ chứa khoảng trắng" in refused(write(tmp_path, "trang.md", " \n\t\r\n  \n"))


def test_binary_renamed_as_txt(tmp_path):
    raw = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64 + bytes(range(256))
    assert "tệp nhị phân" in refused(write(tmp_path, "anh.txt", raw))


def test_control_characters_look_binary(tmp_path):
    raw = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 20 + b"abc"
    assert "tệp nhị phân" in refused(write(tmp_path, "x.txt", raw))


@pytest.mark.parametrize("name, data, max_bytes", [
    ("bang.xlsx", b"PK\x03\x04", 1000),
    ("khong-duoi", b"abc", 1000),
    ("lon.txt", b"a" * 2500, 1000),
    ("rong.pdf", b"", 1000),
])
def test_check_file_is_the_rule_load_file_applies(tmp_path, name, data, max_bytes):
    reason = check_file(name, len(data), max_bytes=max_bytes)
    assert reason
    assert refused(write(tmp_path, name, data), max_bytes=max_bytes) == reason


def test_check_file_takes_every_supported_suffix_in_any_case():
    assert all(check_file("van-ban" + ext.upper(), 10) is None for ext in SUPPORTED_EXTENSIONS)
    assert check_file("a.txt", 1001, max_bytes=1000).startswith("tệp quá lớn")
    assert check_file("a.txt", 1000, max_bytes=1000) is None


def test_every_supported_suffix_has_a_reader_and_dispatch_ignores_case(tmp_path):
    assert SUPPORTED_EXTENSIONS == tuple(READERS) and all(ext == ext.lower() for ext in READERS)
    assert load_file(write(tmp_path, "HOA.TXT", "Sở Nội vụ")) == LoadedFile("Sở Nội vụ", "utf-8")
    assert load_file(write(tmp_path, "Trang.HTM", "<p>Sở Nội vụ</p>")).encoding == "html"


# ---------------------------------------------------------------- .docx
def test_docx_keeps_order_of_paragraphs_and_tables(tmp_path):
    document = docx.Document()
    document.add_heading("QUY CHẾ LÀM VIỆC", level=1)
    document.add_paragraph("Điều 1. Phạm vi điều chỉnh")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["STT", "Thủ tục", "Thời hạn"], ["1", "Cấp\nbản sao", "1 ngày"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Ghi chú chung"
    table.cell(2, 2).text = "—"
    document.add_paragraph("")
    document.add_paragraph("Điều 2. Hiệu lực thi hành")
    path = tmp_path / "quy-che.docx"
    document.save(path)

    loaded = load_file(path)
    assert loaded.encoding == "docx"
    assert loaded.text == (
        "QUY CHẾ LÀM VIỆC\n\n"
        "Điều 1. Phạm vi điều chỉnh\n\n"
        "| STT | Thủ tục | Thời hạn |\n"
        "| 1 | Cấp bản sao | 1 ngày |\n"
        "| Ghi chú chung | — |\n\n"
        "Điều 2. Hiệu lực thi hành"
    )


def test_docx_legacy_font_runs_are_converted(tmp_path):
    document = docx.Document()
    run = document.add_paragraph().add_run("Uû ban nh©n d©n tØnh Kiªn Giang")
    run.font.name = ".VnTime"
    mixed = document.add_paragraph()
    unicode_run = mixed.add_run("Tên và mã: ")  # must stay as is ("ê" would become "ờ" in TCVN3)
    unicode_run.font.name = "Times New Roman"
    legacy = mixed.add_run("QuyÕt ®Þnh sè 12")
    legacy.font.name = ".VnTime"
    title = document.add_paragraph().add_run("céng hoµ x· héi chñ nghÜa")
    title.font.name = ".VnTimeH"  # capitals-only TCVN3 font
    title.font.size = Pt(13)
    vni = document.add_paragraph().add_run("Sôû Tö phaùp")
    vni.font.name = "VNI-Times"
    styled = document.styles["Normal"]
    styled.font.name = ".VnTime"  # paragraph without run font inherits from the style
    document.add_paragraph("Th«ng b¸o")
    path = tmp_path / "cu.docx"
    document.save(path)

    loaded = load_file(path)
    assert loaded.text.split("\n\n") == [
        "Uỷ ban nhân dân tỉnh Kiên Giang",
        "Tên và mã: Quyết định số 12",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA",
        "Sở Tư pháp",
        "Thông báo",
    ]
    assert any("TCVN3" in note for note in loaded.notes)
    assert any("VNI" in note for note in loaded.notes)


def test_docx_irregular_grid_reads_the_cells_present(tmp_path):
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([["Đơn vị", "Thời gian"], ["Sở Y tế", "Quý III"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    # a vertical merge that continues a cell above the first row: python-docx cannot resolve the row's cells
    table.cell(0, 0)._tc.get_or_add_tcPr().append(OxmlElement("w:vMerge"))
    assert table.rows[0]._tr.tc_lst[0].tcPr.find(qn("w:vMerge")) is not None
    with pytest.raises(ValueError):
        list(table.rows[0].cells)
    path = tmp_path / "luoi.docx"
    document.save(path)
    assert load_file(path).text == "| Đơn vị | Thời gian |\n| Sở Y tế | Quý III |"


def test_corrupt_docx_random_bytes(tmp_path):
    reason = refused(write(tmp_path, "hong.docx", bytes(range(256)) * 4))
    assert ".docx bị hỏng" in reason


def test_old_word_doc_renamed_docx(tmp_path):
    raw = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    assert "Word 97-2003 (.doc)" in refused(write(tmp_path, "cu.docx", raw))


def test_corrupt_docx_zip_without_word_xml(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    assert ".docx bị hỏng" in refused(write(tmp_path, "zip.docx", buffer.getvalue()))


def test_docx_without_text(tmp_path):
    path = tmp_path / "trong.docx"
    docx.Document().save(path)
    assert "không có đoạn văn" in refused(path)


# ---------------------------------------------------------------- .pdf
def test_pdf_with_text_layer(tmp_path):
    path = write(
        tmp_path,
        "qd.pdf",
        pdf_with_text(["Quyet dinh so 123/QD-UBND", "Ve viec ban hanh quy che (sua doi)"]),
    )
    loaded = load_file(path)
    assert loaded.encoding == "pdf"
    assert "Quyet dinh so 123/QD-UBND" in loaded.text
    assert "Ve viec ban hanh quy che (sua doi)" in loaded.text


def test_pdf_with_tcvn3_font_text_is_converted(tmp_path):
    lines = [
        "Uû ban nh©n d©n tØnh Kiªn Giang",
        "QuyÕt ®Þnh vÒ viÖc ban hµnh quy chÕ lµm viÖc",
    ]
    loaded = load_file(write(tmp_path, "cu.pdf", pdf_with_text(lines)))
    assert "Uỷ ban nhân dân tỉnh Kiên Giang" in loaded.text
    assert "Quyết định về việc ban hành quy chế làm việc" in loaded.text
    assert any("TCVN3" in note for note in loaded.notes)


def test_scanned_pdf_without_text(tmp_path, monkeypatch):
    import ingest.loaders.pdf

    monkeypatch.setattr(ingest.loaders.pdf, "ocr_engine", lambda: None)  # as on a machine without Tesseract
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    reason = refused(write(tmp_path, "scan.pdf", buffer.getvalue()))
    assert reason.startswith("PDF dạng ảnh quét, không có lớp văn bản")
    assert "OCR" in reason and "ocrmypdf -l vie" in reason  # names the way forward, with the Vietnamese model


def test_corrupt_pdf(tmp_path):
    assert "PDF" in refused(write(tmp_path, "rac.pdf", bytes(range(256)) * 3))
    truncated = pdf_with_text(["Quyet dinh so 123"])[:60]
    assert "PDF bị hỏng" in refused(write(tmp_path, "cut.pdf", truncated))


def test_password_protected_pdf(tmp_path):
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_with_text(["Mat"] * 9))))
    writer.encrypt(user_password="bi-mat", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "mật khẩu" in refused(write(tmp_path, "khoa.pdf", buffer.getvalue()))


# ---------------------------------------------------------------- .html
HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Cổng dịch vụ công</title>
<style>p {{ color: red; }}</style><script>var x = "<p>không lấy</p>";</script></head>
<body>
<header>Trang chủ | Liên hệ</header>
<nav><ul><li>Menu 1</li><li>Menu 2</li></ul></nav>
<h1>Thủ tục đăng ký khai sinh</h1>
<p>Người đi đăng ký <b>nộp</b> tờ khai<br>và giấy chứng sinh.</p>
<ul><li>Bước 1: nộp hồ sơ</li><li>Bước 2: nhận kết quả</li></ul>
<table><tr><th>Lệ phí</th><th>Thời hạn</th></tr><tr><td>Miễn phí</td><td>Trong ngày</td></tr></table>
<div style="display:none">ẩn</div>
<footer>Bản quyền</footer>
<noscript>Bật JavaScript</noscript>
</body></html>"""


def test_html_text_structure(tmp_path):
    loaded = load_file(write(tmp_path, "trang.html", HTML_PAGE))
    assert loaded.encoding == "html"
    assert loaded.text == (
        "Thủ tục đăng ký khai sinh\n"
        "Người đi đăng ký nộp tờ khai\n"
        "và giấy chứng sinh.\n"
        "- Bước 1: nộp hồ sơ\n"
        "- Bước 2: nhận kết quả\n"
        "| Lệ phí | Thời hạn |\n"
        "| Miễn phí | Trong ngày |"
    )
    for dropped in (
        "var x",
        "không lấy",
        "Menu",
        "Trang chủ",
        "Bản quyền",
        "ẩn",
        "<",
        "JavaScript",
    ):
        assert dropped not in loaded.text


def test_html_declared_charset_cp1258(tmp_path):
    body = encode_legacy("<p>Cộng hòa xã hội chủ nghĩa Việt Nam</p>", "cp1258")
    raw = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    loaded = load_file(write(tmp_path, "cu.htm", raw + b"</head><body>" + body + b"</body></html>"))
    assert loaded.text == "Cộng hòa xã hội chủ nghĩa Việt Nam"


def test_html_with_vni_font_text(tmp_path):
    page = '<p><font face="VNI-Times">UÛy ban nhaân daân tænh Kieân Giang</font></p>'
    loaded = load_file(write(tmp_path, "vni.html", page))
    assert loaded.text == "Ủy ban nhân dân tỉnh Kiên Giang"


def test_html_without_text(tmp_path):
    page = "<html><head><script>alert(1)</script></head><body><nav>Menu</nav><img src=a.png></body></html>"
    assert "HTML không có nội dung văn bản" in refused(write(tmp_path, "rong.html", page))


@pytest.mark.parametrize("charset", ["hex", "idna", "khong-co-bang-ma-nay"])
def test_html_declared_charset_that_decodes_no_text_is_ignored(tmp_path, charset):
    page = f'<html><head><meta charset="{charset}"></head><body><p>Sở Nội vụ chủ trì</p></body></html>'
    loaded = load_file(write(tmp_path, "bang-ma.html", page.encode("utf-8")))
    assert loaded == LoadedFile("Sở Nội vụ chủ trì", "html")


def test_html_parser_failure_is_a_document_error(tmp_path, monkeypatch, caplog):
    import ingest.loaders.html

    def broken(markup):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(ingest.loaders.html, "html_text", broken)
    reason = refused(write(tmp_path, "sau.html", "<p>Sở Nội vụ</p>"))
    assert reason == "trang HTML bị hỏng, không đọc được nội dung (RecursionError)."
    assert "could not parse the page" in caplog.text
