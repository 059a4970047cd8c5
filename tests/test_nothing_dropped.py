"""Issue 18, item 1: whatever boundary finding, front matter and cleaning decide, a file with text yields passages,
and no line of the document's own body is dropped as web text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.coverage import MIN_KEPT, files_under, measure_file, measure_text, shapes, strip_accents
from ingest.boundaries import find_document, is_body_line, portal_lines
from ingest.clean import clean_lines
from ingest.document import build_document
from ingest.frontmatter import motto_span, place_date
from ingest.pipeline import load_document
from settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
LEGAL = sorted((ROOT / "tests" / "fixtures" / "legal").glob("*.txt"))
SHARED_DOCS = ROOT.parent / "shared" / "eval" / "realdocs" / "docs"
ARTICLE_LINE = re.compile(r"^(?:Điều|ĐIỀU) \d+[^\n]*", re.MULTILINE)

#: The OCR'd Gia Lai plan of issue 18 (no diacritics, letters misread, pasted as one line), with its body.
OCR_PLAN = ("UY BAN NHAN DAN TINH GIA LAI S64934/KH-UBND CONG HOA XA HOI CHU NGHIA VItT NAM Dec lap - Tkr do - "
            "Hanh phtic Gia Lai, ngay.10 thcing 9 nom 2018 KE HOACH Kiem tra cong tac cai cach hanh chinh nam 2018 "
            "I. MUC DICH, YEU CAU Danh gia ket qua thuc hien nhiem vu cai cach hanh chinh tai cac so, ban, nganh. "
            "II. THOI GIAN KIEM TRA Doan kiem tra lam viec tai UBND huyen Chu Se trong thang 10 nam 2018.")


def _without_header(text: str) -> str:
    """A law or decision pasted from its body: everything before its first "Chương" or "Điều" line cut off."""
    return text[re.search(r"^(?:Chương|Điều)\s", text, re.MULTILINE).start():]


def _articles_indexed(text: str) -> tuple[list[str], list[str]]:
    """Every article heading line of ``text``, and those no passage of the built document holds."""
    doc = build_document("luat", "luat.txt", text)
    heads = [m.group() for m in ARTICLE_LINE.finditer(text)]
    missing = [h for h in heads if not any(h in p.text for p in doc.passages)]
    return heads, missing


@pytest.mark.parametrize("path", LEGAL, ids=[p.stem for p in LEGAL])
@pytest.mark.parametrize("shape", ["with header", "without header"])
def test_every_article_is_indexed_with_and_without_header(path, shape):
    text = path.read_text(encoding="utf-8")
    text = text if shape == "with header" else _without_header(text)
    heads, missing = _articles_indexed(text)
    assert len(heads) >= 10 and not missing


def test_a_law_naming_the_country_in_its_last_line_keeps_its_body():
    # the line that closes a law ("… Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam … thông qua") is no header
    law = ("Điều 1. Phạm vi điều chỉnh\nLuật này quy định về viên chức.\nĐiều 2. Viên chức\n"
           "Viên chức là công dân Việt Nam được tuyển dụng theo vị trí việc làm.\n"
           "Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XII thông qua ngày 15 tháng 11 "
           "năm 2010.\nCHỦ TỊCH QUỐC HỘI\nNguyễn Phú Trọng")
    bounds = find_document(clean_lines(law))
    assert not bounds.header_found and not bounds.dropped()
    doc = build_document("vc", "vc.txt", law)
    assert any("Viên chức là công dân" in p.text for p in doc.passages)
    assert doc.metadata["boundary"] == "whole"


def test_a_mention_of_the_country_in_the_first_article_is_no_header():
    law = ("Điều 1. Quốc tịch\nNước Cộng hòa xã hội chủ nghĩa Việt Nam là nhà nước thống nhất của các dân tộc cùng "
           "sinh sống trên đất nước Việt Nam.\nĐiều 2. Quyền về quốc tịch\nCông dân có quyền có quốc tịch.")
    assert not find_document(clean_lines(law)).header_found
    heads, missing = _articles_indexed(law)
    assert heads == ["Điều 1. Quốc tịch", "Điều 2. Quyền về quốc tịch"] and not missing


def test_the_motto_in_a_header_is_still_the_start():
    src = ("Trang chủ\nSố hiệu\n12/KH-UBND\nNgười ký\nTrần Xuân Dưỡng\nỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n"
           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\n"
           "Hà Nam, ngày 5 tháng 3 năm 2022\nKẾ HOẠCH\nKiểm tra công tác CCHC năm 2022\nI. MỤC ĐÍCH\n- Kiểm tra.")
    bounds = find_document(clean_lines(src))
    assert bounds.header_found and bounds.lines[0].text == "ỦY BAN NHÂN DÂN"
    assert bounds.dropped_before == ["Trang chủ", "Số hiệu", "12/KH-UBND", "Người ký", "Trần Xuân Dưỡng"]
    assert build_document("hn", "hn.txt", src).metadata["boundary"] == "header"


def test_body_lines_above_the_header_are_kept_beside_the_document():
    lead = ("Ngày 5/3/2022, Ủy ban nhân dân tỉnh Hà Nam ban hành Kế hoạch kiểm tra công tác cải cách hành chính "
            "năm 2022 tại các sở, ngành và huyện.")
    src = (f"Cổng thông tin điện tử tỉnh Hà Nam\n{lead}\nỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n"
           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\n"
           "Hà Nam, ngày 5 tháng 3 năm 2022\nKẾ HOẠCH\nKiểm tra công tác CCHC năm 2022\nI. MỤC ĐÍCH\n- Kiểm tra.")
    bounds = find_document(clean_lines(src))
    assert bounds.dropped_before == ["Cổng thông tin điện tử tỉnh Hà Nam"]
    assert lead in portal_lines(bounds)
    doc = build_document("hn", "hn.txt", src)
    assert any(lead in p.text for p in doc.passages)


def test_three_body_lines_above_a_header_mean_it_is_no_start():
    src = ("1. Sở Nội vụ chủ trì kiểm tra.\n2. Sở Tư pháp phối hợp.\n3. Các huyện báo cáo.\n"
           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\n"
           "Hà Nam, ngày 5 tháng 3 năm 2022\nKẾ HOẠCH\nKiểm tra công tác CCHC năm 2022")
    bounds = find_document(clean_lines(src))
    assert not bounds.header_found and bounds.lines[0].text == "1. Sở Nội vụ chủ trì kiểm tra."


def test_body_text_after_the_signature_is_kept():
    src = ("Số: 12/KH-UBND\nHà Nam, ngày 5 tháng 3 năm 2022\nKẾ HOẠCH\nKiểm tra CCHC\nI. MỤC ĐÍCH\n- Kiểm tra.\n"
           "Nơi nhận:\n- Bộ Nội vụ;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"
           "Đoàn kiểm tra làm việc tại Ủy ban nhân dân huyện Kim Bảng vào ngày 15 tháng 4 năm 2022 theo lịch "
           "đã thông báo.\nChia sẻ")
    bounds = find_document(clean_lines(src))
    assert bounds.lines[-1].text.startswith("Đoàn kiểm tra làm việc") and bounds.dropped_chrome == ["Chia sẻ"]


def test_a_long_line_opening_like_web_chrome_is_text():
    line = "Tải bản đầy đủ (.pdf) (12 trang) QUYẾT ĐỊNH Ban hành quy chế làm việc. " + "Điều 1. Nội dung. " * 12
    assert not is_body_line("Tải bản đầy đủ (.pdf) (12 trang)") and is_body_line(line)
    doc = build_document("qd", "qd.txt", line)
    assert doc.passages and "Điều 1. Nội dung." in doc.text


def test_ocr_one_line_plan_is_indexed_with_its_header_located():
    bounds = find_document(clean_lines(OCR_PLAN))
    assert bounds.header_found and not bounds.dropped()
    a, b = motto_span(OCR_PLAN)
    assert OCR_PLAN[a:b] == "CONG HOA XA HOI CHU NGHIA VItT NAM Dec lap - Tkr do - Hanh phtic"
    m = place_date(OCR_PLAN)
    assert (m.group("d"), m.group("m"), m.group("y")) == ("10", "9", "2018")
    doc = build_document("gl", "gl.txt", OCR_PLAN)
    text = "\n".join(p.text for p in doc.passages)
    assert "Danh gia ket qua thuc hien nhiem vu" in text and "UBND huyen Chu Se" in text


def test_ocr_one_line_plan_is_not_refused_by_ingest(tmp_path):
    path = tmp_path / "gia-lai-ocr.txt"
    path.write_text(OCR_PLAN, encoding="utf-8")
    doc = load_document(path, load_settings())
    assert measure_text(path.name, OCR_PLAN).kept >= MIN_KEPT and doc.passages


@pytest.mark.parametrize("line", [
    "CONG HOA XA HOI CHU NGHIA VIET NAM",
    "Doc lap - Tu do - Hanh phuc",
    "CQNG HOA XA HOI CHU NGHIA VIET NAM Doc lap - Tu do - Hanh phuc",
])
def test_motto_without_diacritics_or_with_ocr_noise(line):
    a, b = motto_span(line)
    assert b - a >= len(line) - 2


@pytest.mark.parametrize("line", ["Cộng đồng dân cư tự do đi lại", "Lập kế hoạch tự do hóa thương mại"])
def test_ordinary_words_are_no_motto(line):
    assert motto_span(line) is None


@pytest.mark.parametrize("line", ["Gia Lai, ngay 10 thang 9 nam 2018", "Ha Noi, ngay.05 thang.4 nam 2021"])
def test_place_and_date_without_diacritics(line):
    assert place_date(line).group("y") in ("2018", "2021")


def test_a_text_the_front_matter_takes_whole_still_yields_passages():
    doc = build_document("m", "m.txt", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc")
    assert doc.passages


def _project_files() -> list[Path]:
    folders = [ROOT / "corpus", ROOT / "tests" / "fixtures"] + ([SHARED_DOCS] if SHARED_DOCS.is_dir() else [])
    return files_under([str(f) for f in folders])


@pytest.mark.parametrize("path", _project_files(), ids=lambda p: p.name)
def test_every_file_keeps_its_words_in_every_shape(path):
    """Every fixture, bundled and shared document, also without header, as one line and without diacritics."""
    for c in measure_file(path, with_shapes=True):
        assert not c.error and c.passages, c
        assert c.kept >= MIN_KEPT and not c.dropped_body, c


#: Lines of three kinds a paste mixes: the document's body, its header, a web page's own lines.
BODY_LINES = [
    "Điều 3. Nguyên tắc tiếp công dân",
    "1. Sở Nội vụ chủ trì, phối hợp với các sở, ngành kiểm tra công tác cải cách hành chính năm 2022.",
    "Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV thông qua ngày 20 tháng 6 năm 2025.",
    "Đoàn kiểm tra làm việc trực tiếp tại Ủy ban nhân dân các huyện trong quý III năm 2022 theo lịch đã báo.",
    "a) Kiểm tra việc niêm yết công khai thủ tục hành chính tại bộ phận một cửa.",
]
HEADER_LINES = ["ỦY BAN NHÂN DÂN", "TỈNH HÀ NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-UBND", "Hà Nam, ngày 5 tháng 3 năm 2022", "KẾ HOẠCH"]
WEB_LINES = ["Trang chủ", "Chia sẻ", "Đang tải nội dung, vui lòng chờ giây lát...", "Số hiệu", "Người ký"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(BODY_LINES + HEADER_LINES + WEB_LINES), min_size=1, max_size=14),
       st.booleans())
def test_no_body_line_is_ever_dropped(lines, folded):
    text = "\n".join(lines)
    text = strip_accents(text) if folded else text
    doc = build_document("p", "p.txt", text)
    kept = "\n".join(p.text for p in doc.passages)
    for line in lines:
        if line in BODY_LINES:
            body = strip_accents(line) if folded else line
            assert body in kept or body[:40] in kept, (body, kept)
    if any(line not in WEB_LINES for line in lines):
        assert doc.passages


def test_shapes_cover_the_bad_pastes():
    assert set(shapes("QUỐC HỘI\nĐiều 1. Phạm vi\nLuật này.")) == {"no-header", "flat", "folded", "flat+folded"}


def test_a_file_whose_every_line_cleaning_removes_is_still_indexed(tmp_path):
    # a list of related documents is removed around a plan by cleaning; alone in a file it is the user's text
    path = tmp_path / "danh-muc.txt"
    path.write_text("- 1 Kế hoạch số 12/KH-UBND kiểm tra CCHC\n- 2 Quyết định số 5/QĐ-UBND công bố TTHC\n",
                    encoding="utf-8")
    doc = load_document(path, load_settings())
    assert "Quyết định số 5/QĐ-UBND" in doc.passages[0].text and doc.metadata["boundary"] == "whole"
