"""Document boundaries, front/end matter as passages, metadata with offsets, place names, the gold check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.boundaries import find_document
from ingest.check import GOLD_FIELDS, accuracy, check_metadata, report
from ingest.clean import clean_lines
from ingest.document import build_document
from textnorm import fold_for_match
from textnorm.gazetteer import PROVINCES, find_provinces

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
#: The shared folder beside the project (a git worktree one level deeper finds it one level up).
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()),
              ROOT.parent / "shared")
GOLD = SHARED / "eval" / "realdocs" / "metadata.jsonl"


def md_of(raw: str) -> dict:
    return build_document("vd", "vd.txt", raw).metadata


def spans_of(md: dict) -> dict:
    return json.loads(md["spans"])


HEADER = "ỦY BAN NHÂN DÂN\nTỈNH {tinh}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n{so}\n\n"


# ------------------------------------------------------------------------------------------- header forms
@pytest.mark.parametrize(
    ("number_line", "expected"),
    [
        ("Số: 87/KH-UBND", "87/KH-UBND"),
        ("Số: 30/2018/QĐ-UBND", "30/2018/QĐ-UBND"),
        ("Số: 35/CTr-UBND", "35/CTr-UBND"),
        ("S64934/KH-UBND", "4934/KH-UBND"),  # OCR read "Số:" as "S6"
        ("Số: 1961/QĐUBND", "1961/QĐ-UBND"),  # the hyphen a PDF extraction lost
        ("Số:  1331 / QĐ-UBND", "1331/QĐ-UBND"),
    ],
)
def test_number_forms(number_line, expected):
    raw = HEADER.format(tinh="SƠN LA", so=number_line) + "Sơn La, ngày 06 tháng 7 năm 2020\n\nKẾ HOẠCH\nĐo lường"
    md = md_of(raw)
    assert md["so_hieu"] == expected
    doc = build_document("vd", "vd.txt", raw)
    s, e = spans_of(md)["so_hieu"]
    assert fold_for_match(doc.text[s:e]) in (fold_for_match(expected), fold_for_match(expected).replace("6", "", 1))


def test_programme_type_word_with_its_suffix():
    raw = HEADER.format(tinh="QUẢNG NINH", so="Số: 35/CTr-UBND") + (
        "Quảng Ninh, ngày 08 tháng 02 năm 2021\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n\nTHỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH "
        "NHIỆM KỲ 2020 - 2025\n\nI. MỤC TIÊU\n\nQuán triệt quan điểm.")
    md = md_of(raw)
    assert (md["loai_van_ban"], md["tieu_de"]) == (
        "Chương trình", "Thực hiện nghị quyết đại hội đảng bộ tỉnh nhiệm kỳ 2020 - 2025")
    assert md["ky_ke_hoach"] == "2020-2025"


def test_central_ministry_has_no_province():
    raw = ("BỘ NỘI VỤ\n\nSố: 251/QĐ-BNV\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
           "Hà Nội, ngày 29 tháng 3 năm 2022\n\nQUYẾT ĐỊNH\nBan hành Kế hoạch tuyên truyền cải cách hành chính năm 2022"
           "\n\nBỘ TRƯỞNG BỘ NỘI VỤ\n\nCăn cứ Nghị định số 34/2017/NĐ-CP;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Kế hoạch.")
    md = md_of(raw)
    assert (md["tinh"], md["cap"], md["co_quan"]) == ("", "Trung ương", "Bộ Nội vụ")
    assert (md["ngay_ban_hanh"], md["loai_van_ban"], md["ky_ke_hoach"]) == ("2022-03-29", "Quyết định", "2022")


def test_government_steering_committee_is_central():
    raw = ("BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH CỦA CHÍNH PHỦ\n\nSố: 12/TB-BCĐ\n\nHà Nội, ngày 5 tháng 6 năm 2023\n\n"
           "THÔNG BÁO\nKết luận của Trưởng Ban Chỉ đạo tại phiên họp thứ năm\n\nNgày 20 tháng 5 năm 2023, Ban Chỉ đạo "
           "đã họp phiên thứ năm để đánh giá kết quả cải cách hành chính của các bộ và tỉnh Hòa Bình.")
    md = md_of(raw)
    assert (md["tinh"], md["cap"], md["loai_van_ban"]) == ("", "Trung ương", "Thông báo")


def test_law_is_typed_numbered_and_national():
    raw = ("QUỐC HỘI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nLuật số: 59/2020/QH14\n\n"
           "LUẬT\nDOANH NGHIỆP\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\n"
           "Quốc hội ban hành Luật Doanh nghiệp.\n\nChương I\nNHỮNG QUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\n\n"
           "Luật này quy định về doanh nghiệp của người Việt Nam định cư ở nước ngoài và diễn biến thị trường.")
    md = md_of(raw)
    assert (md["loai_van_ban"], md["so_hieu"], md["tinh"], md["cap"]) == ("Luật", "59/2020/QH14", "", "Trung ương")
    assert md["tieu_de"] == "Doanh nghiệp"


def test_authority_line_of_the_chairman_names_the_province():
    raw = ("ỦY BAN NHÂN DÂN\n\nSố: 1961/QĐ-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
           "Rạch Giá, ngày 28 tháng 8 năm 2019\n\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ PHỐI HỢP MỘT CỬA\n\n"
           "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:")
    md = md_of(raw)
    assert (md["tinh"], md["co_quan"]) == ("Kiên Giang", "Ủy ban nhân dân tỉnh Kiên Giang")
    assert md["tieu_de"] == "Ban hành quy chế phối hợp một cửa"
    doc = build_document("vd", "vd.txt", raw)
    s, e = spans_of(md)["co_quan"]
    assert doc.text[s:e] == "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG"  # the body is cited from its authority line
    assert not [p for p in doc.passages if "CHỦ TỊCH ỦY BAN" in p.text]  # … which is no passage of its own


def test_provincial_capital_in_the_place_line():
    raw = ("ỦY BAN NHÂN DÂN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 135/2006/QĐ-UBND\n\n"
           "Vinh, ngày 27 tháng 12 năm 2006\n\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch giai đoạn 2007 - 2010")
    md = md_of(raw)
    assert (md["tinh"], md["ngay_ban_hanh"], md["nam"], md["ky_ke_hoach"]) == (
        "Nghệ An", "2006-12-27", "2006", "2007-2010")
    assert md["co_quan"] == "Ủy ban nhân dân tỉnh Nghệ An"


def test_news_post_quoting_a_plan_is_news():
    raw = ("Kiểm tra cải cách hành chính năm 2018\n\nNgày 13/4/2018, UBND tỉnh đã ban hành Kế hoạch số 1331/KH-UBND "
           "kiểm tra công tác cải cách hành chính tại các sở của tỉnh Quảng Bình.\n\nTheo Báo Quảng Bình")
    md = md_of(raw)
    # 2018 dates the Kế hoạch the post reports (issued that day), not the post: no year rather than a guess
    assert (md["loai_van_ban"], md["so_hieu"], md["nam"], md["tinh"]) == ("Tin bài", "", "", "Quảng Bình")


def test_body_without_header_is_not_news_and_has_no_year_from_citations():
    raw = ("Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ, Ủy ban nhân dân thành phố "
           "ban hành Kế hoạch triển khai như sau:\n\n1. Thống nhất tiêu chí đánh giá.")
    md = md_of(raw)
    assert (md["loai_van_ban"], md["nam"], md["tinh"], md["tieu_de"]) == ("Kế hoạch", "", "", "")


DECISION_WITH_PLAN = (
    "Trang chủ | Văn bản pháp luật\nĐang tải nội dung, vui lòng chờ giây lát...\n"
    "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 12/QĐ-UBND\n\nHà Nam, ngày 5 tháng 1 năm 2022\n\n"
    "QUYẾT ĐỊNH\nBan hành Kế hoạch cải cách hành chính năm 2022\n\n"
    "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 38/TTr-SNV.\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2022.\n\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
    "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n\n"
    "KẾ HOẠCH\nCải cách hành chính năm 2022\n(Kèm theo Quyết định số 12/QĐ-UBND ngày 5/1/2022)\n\n"
    "I. MỤC TIÊU\n\n- Nâng cao chỉ số cải cách hành chính.\n"
)


def test_decision_with_attached_plan_keeps_the_plan_and_drops_the_portal():
    doc = build_document("vd", "vd.txt", DECISION_WITH_PLAN)
    md = doc.metadata
    assert (md["loai_van_ban"], md["so_hieu"], md["nguoi_ky"], md["chuc_vu"]) == (
        "Quyết định", "12/QĐ-UBND", "Nguyễn Văn An", "Phó Chủ tịch")
    assert "Nâng cao chỉ số cải cách hành chính" in doc.text
    assert "Đang tải" not in doc.text and "Trang chủ" not in doc.text
    kinds = [p.kind for p in doc.passages]
    for kind in ("number", "place_date", "title", "basis", "recipients", "signature"):
        assert kind in kinds, kind
    basis = next(p for p in doc.passages if p.kind == "basis")
    assert basis.text.startswith("Căn cứ") and "Theo đề nghị" in basis.text  # a short run is one passage
    signature = next(p for p in doc.passages if p.kind == "signature")
    assert signature.text == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An"
    assert signature.section == "Phần kết"


def test_portal_lines_after_the_end_matter_are_dropped():
    raw = (HEADER.format(tinh="SƠN LA", so="Số: 148/KH-UBND") + "Sơn La, ngày 06 tháng 7 năm 2020\n\nKẾ HOẠCH\n"
           "Đo lường sự hài lòng\n\nI. MỤC ĐÍCH\n\n- Đo lường.\n\nNơi nhận:\n- Bộ Nội vụ;\n\nCHỦ TỊCH\n\n"
           "Hoàng Quốc Khánh\n\nVăn bản liên quan\nChia sẻ\nof 18 /18")
    bounds = find_document(clean_lines(raw))
    assert bounds.lines[-1].text == "Hoàng Quốc Khánh"
    assert bounds.dropped_after == ["Văn bản liên quan", "Chia sẻ", "of 18 /18"]


def test_portal_metadata_table_is_a_fallback_not_text():
    raw = ("Kế hoạch 186/KH-UBND năm 2025\n| Số hiệu | 186/KH-UBND |\n| Người ký | Mai Sơn |\n|\n"
           "ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\nSố: 186/KH-UBND |\n"
           "Bắc Ninh, ngày 29 tháng 12 năm 2025 |\nKẾ HOẠCH\nPHÁT TRIỂN CHÍNH QUYỀN SỐ GIAI ĐOẠN 2026-2030\n")
    doc = build_document("vd", "vd.txt", raw)
    assert doc.metadata["nguoi_ky"] == "Mai Sơn"
    assert "nguoi_ky" not in spans_of(doc.metadata)  # read from the portal, not from the document
    body, portal = _split_portal(doc)
    assert "Người ký" not in body and "Mai Sơn" not in body
    assert "Người ký: Mai Sơn" in portal  # kept after the document, in its own section, so it can be quoted
    assert (doc.metadata["tinh"], doc.metadata["ky_ke_hoach"]) == ("Bắc Ninh", "2026-2030")


def test_text_without_header_is_kept_whole():
    raw = "Để khắc phục hạn chế, Chủ tịch UBND tỉnh yêu cầu các sở thực hiện:\n\n1. Tiếp tục quán triệt.\n"
    bounds = find_document(clean_lines(raw))
    assert not bounds.header_found and not bounds.dropped()
    assert md_of(raw)["loai_van_ban"] == ""


# ------------------------------------------------------------------------------------------- place names
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("người Việt Nam định cư ở nước ngoài", []),
        ("diễn biến phức tạp của thời tiết", []),
        ("giữ gìn hòa bình và ổn định", []),
        ("Ủy ban nhân dân tỉnh Hòa Bình", ["Hòa Bình"]),
        ("UBND TỈNH ĐIỆN BIÊN", ["Điện Biên"]),
        ("ke hoach cchc tinh hoa binh 2021", ["Hòa Bình"]),
        ("dien bien phuc tap", []),
        ("nguoi viet nam dinh cu", []),
        ("các huyện Quảng Trạch, huyện Quảng Ninh", []),
        ("kiem tra cchc ha noi nam 2021", ["Hà Nội"]),
    ],
)
def test_place_names_only_where_they_are_place_names(text, expected):
    assert find_provinces(text) == expected


def test_retriever_uses_the_same_place_names():
    from retriever.query import find_provinces as query_provinces

    for text in ("người Việt Nam định cư", "Kế hoạch của tỉnh Nam Định", "hoa binh"):
        assert query_provinces(text) == find_provinces(text)


# ------------------------------------------------------------------------------------------- every span cites its field
NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu")
TYPES = (("KẾ HOẠCH", "Kế hoạch", "KH"), ("QUYẾT ĐỊNH", "Quyết định", "QĐ"), ("CHỈ THỊ", "Chỉ thị", "CT"))
CORE_PROVINCES = [p for p in PROVINCES if " - " not in p and not p.startswith("Thành phố")]


@settings(max_examples=40, deadline=None)
@given(
    province=st.sampled_from(CORE_PROVINCES),
    number=st.integers(1, 99999),
    day=st.integers(1, 28), month=st.integers(1, 12), year=st.integers(2000, 2030),
    kind=st.sampled_from(TYPES), signer=st.sampled_from(NAMES), period=st.integers(0, 5),
)
def test_every_field_span_points_at_text_that_contains_it(province, number, day, month, year, kind, signer, period):
    title = f"Cải cách hành chính giai đoạn {year}-{year + period}" if period else f"Cải cách hành chính năm {year}"
    raw = (f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
           f"Số: {number}/{kind[2]}-UBND\n\n{province}, ngày {day} tháng {month} năm {year}\n\n{kind[0]}\n{title}\n\n"
           f"I. MỤC TIÊU\n\n- Nâng cao hiệu quả.\n\nNơi nhận:\n- Bộ Nội vụ;\n\n"
           f"TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n{signer}")
    doc = build_document("vd", "vd.txt", raw)
    md, spans = doc.metadata, spans_of(doc.metadata)
    assert {"so_hieu", "loai_van_ban", "tinh", "ngay_ban_hanh", "nam", "tieu_de", "nguoi_ky", "chuc_vu",
            "ky_ke_hoach", "co_quan"} <= set(spans)
    for key, (s, e) in spans.items():
        cited = doc.text[s:e]
        if key == "ngay_ban_hanh":
            assert [int(x) for x in md[key].split("-")] == [year, month, day]
            assert all(str(x) in cited for x in (day, month, year))
        elif key == "co_quan":
            assert fold_for_match(province) in fold_for_match(cited)
        elif key == "ky_ke_hoach":
            assert all(y in cited for y in md[key].split("-"))
        else:
            assert fold_for_match(md[key]) in fold_for_match(cited), (key, md[key], cited)
    assert (md["tinh"], md["nguoi_ky"], md["so_hieu"]) == (province, signer, f"{number}/{kind[2]}-UBND")


# ------------------------------------------------------------------------------------------- bundled corpus
def corpus_doc(name: str):
    path = CORPUS / name
    return build_document(path.stem, f"corpus/{name}", path.read_text(encoding="utf-8"))


KG_36 = "kien-giang-2021-36-KH-UBND-kiem-tra-cchc.txt"
KG_189 = "kien-giang-2020-189-KH-UBND-ke-hoach-cchc-2021.txt"
HN_87 = "ha-noi-2021-87-KH-UBND-kiem-tra-cchc.txt"
HA_NAM = "ha-nam-2022-KH-UBND-kiem-tra-cchc.txt"


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        (KG_36, {"number", "place_date", "title", "recipients", "signature"}),
        (KG_189, {"number", "place_date", "title", "basis", "recipients", "signature"}),
        (HN_87, {"number", "place_date", "title", "recipients", "signature"}),
        (HA_NAM, {"number", "place_date", "title", "recipients", "signature"}),
    ],
)
def test_front_and_end_matter_passages_of_the_corpus(name, kinds):
    doc = corpus_doc(name)
    for p in doc.passages:
        assert doc.text[p.start:p.end] == p.text
    assert kinds <= {p.kind for p in doc.passages}
    number = next(p for p in doc.passages if p.kind == "number")
    assert number.text.startswith("Số:")
    recipients = next(p for p in doc.passages if p.kind == "recipients")
    assert recipients.text.startswith("Nơi nhận")


@pytest.mark.parametrize(
    ("name", "signer", "date"),
    [
        (KG_36, "Lâm Minh Thành", "2021-02-28"),
        (KG_189, "Lâm Minh Thành", "2020-12-30"),
        (HA_NAM, "Trương Quốc Huy", ""),  # "ngày    tháng    năm 2022": the year only (nam), no date
        (HN_87, "", "2021-04-05"),
    ],
)
def test_signer_and_date_of_the_bundled_documents(name, signer, date):
    doc = corpus_doc(name)
    assert (doc.metadata["nguoi_ky"], doc.metadata["ngay_ban_hanh"]) == (signer, date)
    place_date = next(p for p in doc.passages if p.kind == "place_date")
    assert date[:4] in place_date.text
    if signer:
        signature = [p for p in doc.passages if p.kind == "signature"]
        assert any(signer in p.text for p in signature)
        s, e = spans_of(doc.metadata)["nguoi_ky"]
        assert doc.text[s:e] == signer


# ------------------------------------------------------------------------------------------- the gold check
@pytest.mark.skipif(not GOLD.is_file(), reason=f"shared gold metadata not found at {GOLD}")
def test_gold_metadata_of_the_shared_real_documents():
    results = check_metadata(GOLD)
    assert len(results) == 13 and not any(r.error for r in results)
    table = accuracy(results)
    assert set(table) == set(GOLD_FIELDS)
    assert all(v >= 0.95 for v in table.values()), report(results)


@pytest.mark.skipif(not GOLD.is_file(), reason=f"shared gold metadata not found at {GOLD}")
def test_no_web_page_line_is_kept_in_a_shared_document():
    navigation = ("Đang tải nội dung", "Bạn đang xem bản rút gọn", "Để sử dụng toàn bộ tiện ích", "Hệ thống pháp luật",
                  "Tải bản đầy đủ", "Nội dung toàn văn")
    for path in sorted((GOLD.parent / "docs").glob("*.txt")):
        doc = build_document(path.stem, path.name, path.read_text(encoding="utf-8"))
        body, portal = _split_portal(doc)
        assert not [c for c in (*navigation, "Số hiệu", "Người ký") if c in body], path.name
        assert not [c for c in navigation if c in portal], path.name


def _split_portal(doc) -> tuple[str, str]:
    """The document's own text, and the portal lines kept after it (section "Thông tin trang nguồn")."""
    from index.model import PORTAL_SECTION

    starts = [p.start for p in doc.passages if p.section == PORTAL_SECTION]
    cut = min(starts) if starts else len(doc.text)
    return doc.text[:cut], doc.text[cut:]


# ------------------------------------------------------------------------------------------- 2025 mergers
@pytest.mark.parametrize(
    ("old", "new"),
    [("Kiên Giang", "An Giang"), ("Tỉnh Hà Nam", "Ninh Bình"), ("Bình Dương", "Thành phố Hồ Chí Minh"),
     ("Sơn La", "Sơn La"), ("Thừa Thiên Huế", "Huế"), ("Paris", None)],
)
def test_current_province_after_the_2025_mergers(old, new):
    from textnorm.gazetteer import current_province

    assert current_province(old) == new


def test_the_merger_table_is_underthesea_s():
    """MERGED_INTO is written out for speed; underthesea.address is its source."""
    import re

    from underthesea.address import convert_address

    from textnorm.gazetteer import CENTRAL_CITIES, MERGED_INTO, PROVINCES, canonical_province

    for old in PROVINCES:
        query = old if old.startswith("Thành phố") else f"{'Thành phố' if old in CENTRAL_CITIES else 'Tỉnh'} {old}"
        new = re.sub(r"^(?:Tỉnh|Thành phố)\s+", "", convert_address(query).new.province or "")
        expected = canonical_province(new) or new or "Huế"  # underthesea has no Thừa Thiên Huế: Huế since Jan 2025
        assert MERGED_INTO.get(old, old) == expected, old


def test_provinces_merged_into_a_new_province():
    from textnorm.gazetteer import current_province, provinces_merged_into

    assert provinces_merged_into("Tỉnh Ninh Bình") == ["Hà Nam", "Nam Định", "Ninh Bình"]
    assert provinces_merged_into("Atlantis") == []
    new_units = {current_province(p) for p in PROVINCES}
    assert len(new_units) == 34  # the 34 provinces and cities since 2025
    assert sorted(p for n in new_units for p in provinces_merged_into(n)) == sorted(PROVINCES)


@pytest.mark.parametrize(
    ("agency", "number", "title", "expected"),
    [
        ("UBND TỈNH LÀO CAI\nSỞ NỘI VỤ", "120/KH-SNV", "Kiểm tra công tác CCHC năm 2021",
         ("Sở Nội vụ tỉnh Lào Cai", "Tỉnh", "Lào Cai")),
        ("ỦY BAN NHÂN DÂN\nHUYỆN TÂN HIỆP", "12/KH-UBND", "Cải cách hành chính huyện Tân Hiệp, tỉnh Kiên Giang",
         ("Ủy ban nhân dân huyện Tân Hiệp", "Huyện", "Kiên Giang")),
        ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ", "12/KH-UBND", "Cải cách hành chính năm 2021",
         ("Ủy ban nhân dân thành phố Cần Thơ", "Tỉnh", "Cần Thơ")),
    ],
)
def test_issuing_body_below_the_province(agency, number, title, expected):
    raw = (f"{agency}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: {number}\n\nTân Hiệp, ngày 3/2/2021\n\nKẾ HOẠCH\n"
           f"{title}\n\nI. MỤC ĐÍCH\n\n- Nâng cao.")
    md = md_of(raw)
    assert (md["co_quan"], md["cap"], md["tinh"], md["ngay_ban_hanh"]) == (*expected, "2021-02-03")


def test_decree_signature_after_its_articles():
    raw = ("CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 61/2018/NĐ-CP\n\n"
           "Hà Nội, ngày 23 tháng 4 năm 2018\n\nNGHỊ ĐỊNH\nVề thực hiện cơ chế một cửa\n\n"
           "Căn cứ Luật Tổ chức Chính phủ;\n\nChính phủ ban hành Nghị định.\n\n"
           "Chương I\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi\n\nNghị định này quy định.\n\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\n"
           "Nguyễn Xuân Phúc")
    md = md_of(raw)
    assert (md["loai_van_ban"], md["cap"], md["tinh"], md["co_quan"]) == ("Nghị định", "Trung ương", "", "Chính phủ")
    assert (md["nguoi_ky"], md["chuc_vu"]) == ("Nguyễn Xuân Phúc", "Thủ tướng")
