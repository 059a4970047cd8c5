"""Tests for ingest.metadata: the metadata of the bundled corpus and of small literal documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.model import METADATA_KEYS
from ingest.clean import clean_lines
from ingest.document import build_document
from ingest.metadata import extract_metadata
from ingest.structure import parse_structure
from tests.reading import metadata_of

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def corpus_metadata(name: str) -> dict:
    path = CORPUS / name
    return build_document(path.stem, f"corpus/{name}", path.read_text(encoding="utf-8")).metadata


KG_36_TITLE = "Kiểm tra công tác cải cách hành chính năm 2021"

EXPECTED = [
    (
        "kien-giang-2021-36-KH-UBND-kiem-tra-cchc.txt",
        {
            "so_hieu": "36/KH-UBND", "loai_van_ban": "Kế hoạch", "co_quan": "Ủy ban nhân dân tỉnh Kiên Giang",
            "tinh": "Kiên Giang", "ngay_ban_hanh": "2021-02-28", "nam": "2021", "tieu_de": KG_36_TITLE,
            "nguoi_ky": "Lâm Minh Thành", "chuc_vu": "Chủ tịch", "cap": "Tỉnh", "ky_ke_hoach": "2021",
            "van_ban_lien_quan": "",
        },
    ),
    (
        "ha-noi-2021-87-KH-UBND-kiem-tra-cchc.txt",
        {
            "so_hieu": "87/KH-UBND", "loai_van_ban": "Kế hoạch", "co_quan": "Ủy ban nhân dân thành phố Hà Nội",
            "tinh": "Hà Nội", "ngay_ban_hanh": "2021-04-05", "nam": "2021",
            "tieu_de": "Kiểm tra công tác cải cách hành chính năm 2021", "nguoi_ky": "",
            "chuc_vu": "", "cap": "Tỉnh", "ky_ke_hoach": "2021",
            "van_ban_lien_quan": "",
        },
    ),
    (
        "kien-giang-2020-189-KH-UBND-ke-hoach-cchc-2021.txt",
        {
            "so_hieu": "189/KH-UBND", "loai_van_ban": "Kế hoạch", "co_quan": "Ủy ban nhân dân tỉnh Kiên Giang",
            "tinh": "Kiên Giang", "ngay_ban_hanh": "2020-12-30", "nam": "2020",
            "tieu_de": "Công tác cải cách hành chính năm 2021", "nguoi_ky": "Lâm Minh Thành",
            "chuc_vu": "Chủ tịch", "cap": "Tỉnh", "ky_ke_hoach": "2021",
            "van_ban_lien_quan": "",
        },
    ),
    (
        "ha-nam-2022-KH-UBND-kiem-tra-cchc.txt",
        {
            "so_hieu": "", "loai_van_ban": "Kế hoạch", "co_quan": "Ủy ban nhân dân tỉnh Hà Nam", "tinh": "Hà Nam",
            "ngay_ban_hanh": "", "nam": "2022",  # "ngày    tháng    năm 2022": a blank day is no date
            "tieu_de": "Kiểm tra việc thực hiện công tác cải cách hành chính năm 2022 trên địa bàn tỉnh Hà Nam",
            "nguoi_ky": "Trương Quốc Huy", "chuc_vu": "Chủ tịch", "cap": "Tỉnh", "ky_ke_hoach": "2022",
            "van_ban_lien_quan": "",
        },
    ),
    (
        "quang-binh-2018-tin-kiem-tra-cchc.txt",
        {
            "so_hieu": "", "loai_van_ban": "Tin bài", "co_quan": "QuangBinh Portal", "tinh": "Quảng Bình",
            "ngay_ban_hanh": "", "nam": "2018",
            "tieu_de": "Trong quý II và III/2018: Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị, "
                       "địa phương trên địa bàn tỉnh",
            "nguoi_ky": "", "chuc_vu": "", "cap": "", "ky_ke_hoach": "2018",
            "van_ban_lien_quan": "Quyết định số 1331/QĐ-UBND",
        },
    ),
]


@pytest.mark.parametrize(("name", "expected"), EXPECTED, ids=[name.split("-KH")[0][:20] for name, _ in EXPECTED])
def test_corpus_metadata(name, expected):
    md = corpus_metadata(name)
    assert {k: md[k] for k in METADATA_KEYS if k != "spans"} == expected
    assert md["source"] == f"corpus/{name}"


def test_expected_table_covers_the_whole_corpus():
    assert sorted(name for name, _ in EXPECTED) == sorted(p.name for p in CORPUS.glob("*.txt"))


@pytest.mark.parametrize(("name", "_"), EXPECTED, ids=[name[:20] for name, _ in EXPECTED])
def test_every_metadata_value_is_a_string(name, _):
    md = corpus_metadata(name)
    assert set(METADATA_KEYS) <= set(md)
    assert all(isinstance(md[k], str) for k in METADATA_KEYS)


# ------------------------------------------------------------------------------------------- small documents
@pytest.mark.parametrize(
    ("raw", "key", "expected"),
    [
        ("Số: 36/KH-UBND\n\nKẾ HOẠCH\nKiểm tra CCHC", "so_hieu", "36/KH-UBND"),
        ("Số:  1331 / QĐ-UBND\n\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch", "so_hieu", "1331/QĐ-UBND"),
        ("Số: /KH-UBND\n\nKẾ HOẠCH\nKiểm tra CCHC", "so_hieu", ""),
        ("Số: 05/BC-SNV\n\nBÁO CÁO\nKết quả CCHC quý I", "loai_van_ban", "Báo cáo"),
        ("Số: 12/QĐ-UBND\n\nVề việc kiện toàn Ban Chỉ đạo", "loai_van_ban", "Quyết định"),
        ("Số: 12/CT-UBND\n\nVề việc đẩy mạnh cải cách hành chính", "loai_van_ban", "Chỉ thị"),
        ("Số: 36/KH-UBND\n\nKiên Giang, ngày 28 tháng 02 năm 2021\n\nKẾ HOẠCH\nKiểm tra", "ngay_ban_hanh",
         "2021-02-28"),
        ("Số: 36/KH-UBND\n\nKiên Giang, ngày 8 tháng 2 năm 2021\n\nKẾ HOẠCH\nKiểm tra", "ngay_ban_hanh", "2021-02-08"),
        ("Số: /KH-UBND\n\nHà Nam, ngày    tháng    năm 2022\n\nKẾ HOẠCH\nKiểm tra", "ngay_ban_hanh", ""),
        ("Số: /KH-UBND\n\nHà Nam, ngày    tháng    năm 2022\n\nKẾ HOẠCH\nKiểm tra", "nam", "2022"),
        ("Số: 36/KH-UBND\n\nKiên Giang, ngày 28 tháng 02 năm 2021\n\nKẾ HOẠCH\nKiểm tra", "tinh", "Kiên Giang"),
        ("Số: 36/KH-UBND\n\nKiên Giang, ngày 28 tháng 02 năm 2021\n\nKẾ HOẠCH\nKiểm tra", "co_quan",
         "Ủy ban nhân dân tỉnh Kiên Giang"),
        ("Số: 87/KH-UBND\n\nHà Nội, ngày 05 tháng 4 năm 2021\n\nKẾ HOẠCH\nKiểm tra", "co_quan",
         "Ủy ban nhân dân thành phố Hà Nội"),
        ("Số: 36/KH-UBND\n\nKẾ HOẠCH\nKiểm tra công tác cải cách hành chính năm 2021", "tieu_de",
         "Kiểm tra công tác cải cách hành chính năm 2021"),
        ("Số: 189/KH-UBND\n\nKẾ HOẠCH CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2021", "tieu_de",
         "Công tác cải cách hành chính năm 2021"),
    ],
)
def test_small_documents(raw, key, expected):
    assert metadata_of(raw)[key] == expected


def test_news_item_without_number_is_tin_bai_with_its_source():
    raw = (
        "Kiểm tra công tác cải cách hành chính tại các huyện\n\n"
        "Ngày 13/4/2018, UBND tỉnh đã ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2018 tại các cơ "
        "quan, đơn vị, địa phương trên địa bàn tỉnh Quảng Bình, tập trung vào công tác chỉ đạo, điều hành.\n\n"
        "Theo QuangBinh Portal"
    )
    md = metadata_of(raw)
    assert md["loai_van_ban"] == "Tin bài"
    assert md["so_hieu"] == ""
    assert md["tinh"] == "Quảng Bình"
    assert md["co_quan"] == "QuangBinh Portal"
    assert md["nam"] == "2018"


def test_province_from_glued_portal_name_alone():
    raw = (
        "Kiểm tra cải cách hành chính\n\n"
        "Đoàn kiểm tra của tỉnh đã làm việc với các sở, ban, ngành và ủy ban nhân dân các huyện về kết quả cải cách "
        "hành chính năm 2018, ghi nhận nhiều chuyển biến tích cực.\n\nTheo QuangBinh Portal"
    )
    assert metadata_of(raw)["tinh"] == "Quảng Bình"


def test_signer_is_the_last_name_in_the_closing():
    raw = (
        "Số: 36/KH-UBND\n\nKiên Giang, ngày 28 tháng 02 năm 2021\n\nKẾ HOẠCH\nKiểm tra công tác CCHC năm 2021\n\n"
        "Thực hiện Kế hoạch số 189/KH-UBND ngày 30/12/2020 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh đề ra "
        "Kế hoạch kiểm tra như sau:\n\nI. MỤC ĐÍCH\n\n- Kiểm tra.\n\n"
        "Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLâm Minh Thành"
    )
    assert metadata_of(raw)["nguoi_ky"] == "Lâm Minh Thành"


def test_no_signer_when_the_closing_has_no_name():
    raw = (
        "Số: 87/KH-UBND\n\nHà Nội, ngày 05 tháng 4 năm 2021\n\nKẾ HOẠCH\nKiểm tra\n\n"
        "UBND Thành phố ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2021 như sau đây để thực hiện:\n\n"
        "1. Mục đích\n- Rà soát.\n\nNơi nhận:\n- Bộ Nội vụ;"
    )
    assert metadata_of(raw)["nguoi_ky"] == ""


def test_metadata_of_empty_text_is_all_blank():
    md = extract_metadata([], "")
    assert set(md) == set(METADATA_KEYS)
    assert md["so_hieu"] == "" and md["tinh"] == "" and md["nguoi_ky"] == ""


# ------------------------------------------------------------------------------------------- news posts
NEWS_LEAD = ("Đoàn kiểm tra cải cách hành chính của tỉnh đã làm việc với các sở, ngành và ủy ban nhân dân các huyện "
             "về kết quả thực hiện công tác cải cách hành chính.")


@pytest.mark.parametrize(
    ("dateline", "date"),
    [
        ("04/06/2019 - 21:54", "2019-06-04"),
        ("10:05, 05/05/2022", "2022-05-05"),
        ("THỨ BA, 20/09/2022 16:03:31", "2022-09-20"),
        ("Thứ Sáu, 23/04/2021, 18:49 [GMT+7]", "2021-04-23"),
        ("08:03, 07/03/2018", "2018-03-07"),
        ("- 12/05/2016 04:00:00 PM", "2016-05-12"),
        ("Cập nhật: 26/11/2014", "2014-11-26"),
        ("Ngày đăng: 05/05/2022 | Lượt xem: 1.280", "2022-05-05"),
        ("10:05 | 05-05-2022", "2022-05-05"),
        ("(12/03/2023 10:05)", "2023-03-12"),
        ("Ngày 12 tháng 3 năm 2023", "2023-03-12"),
        ("10:05 ngày 12 tháng 03 năm 2023", "2023-03-12"),
        ("11:13 30/11/2025 98", "2025-11-30"),
    ],
)
def test_news_dateline_dates_the_post_and_the_headline_is_its_title(dateline, date):
    headline = "Kiểm tra công tác cải cách hành chính tại huyện Na Rì"
    for raw in (f"Trang chủ\n{headline}\n{dateline}\n{NEWS_LEAD}", f"{dateline}\n{headline}\n{NEWS_LEAD}"):
        md = metadata_of(raw)
        assert (md["loai_van_ban"], md["ngay_ban_hanh"], md["nam"], md["tieu_de"]) == (
            "Tin bài", date, date[:4], headline), raw
        spans = json.loads(md["spans"])
        assert date[:4] in raw[spans["nam"][0]: spans["nam"][1]]


def test_news_lead_date_gives_the_year_only():
    md = metadata_of("Kiểm tra cải cách hành chính tại các huyện\n\nNgày 13/4/2018, UBND tỉnh đã ban hành Kế hoạch "
                     "kiểm tra công tác cải cách hành chính năm 2018.\n\nTheo QuangBinh Portal")
    assert (md["loai_van_ban"], md["nam"], md["ngay_ban_hanh"]) == ("Tin bài", "2018", "")


def test_news_keeps_the_plan_it_reports_on_as_related_never_as_its_number():
    raw = ("Kiểm tra công tác cải cách hành chính tại huyện Chợ Đồn\n04/06/2019 - 21:54\n"
           "Thực hiện Kế hoạch số 517/KH-UBND ngày 27/02/2020 của UBND tỉnh, Đoàn kiểm tra đã làm việc với huyện.")
    md = metadata_of(raw)
    assert md["so_hieu"] == ""
    assert md["loai_van_ban"] == "Tin bài"
    assert md["van_ban_lien_quan"] == "Kế hoạch số 517/KH-UBND ngày 27/02/2020"


def test_news_issued_plan_with_office_suffix_is_still_news():
    raw = ("Thứ Sáu, 23/04/2021, 18:49 [GMT+7]\nBan hành kế hoạch kiểm tra cải cách hành chính năm 2021\n"
           "UBND tỉnh vừa ban hành Kế hoạch số 1888/KH-VPUBND về kiểm tra công tác cải cách hành chính năm 2021.")
    md = metadata_of(raw)
    assert (md["loai_van_ban"], md["so_hieu"], md["van_ban_lien_quan"], md["ky_ke_hoach"]) == (
        "Tin bài", "", "Kế hoạch số 1888/KH-VPUBND", "2021")


def test_a_sentence_starting_with_theo_is_not_the_source():
    raw = ("Sở Nội vụ kiểm tra cải cách hành chính tại các xã\n10:05, 05/05/2022\n" + NEWS_LEAD +
           "\nTheo kế hoạch, đoàn sẽ kiểm tra 10 xã trong quý II.")
    assert metadata_of(raw)["co_quan"] == ""


@pytest.mark.parametrize(
    ("lead", "year"),
    [
        ("Ngày 01 tháng 6 năm 2015, Chủ tịch UBND tỉnh đã ban hành Quyết định số 891/QĐ-UBND về việc thành lập Tổ "
         "Công tác kiểm tra.", ""),  # 2015 dates the Quyết định the post reports, not the post
        ("Sáng ngày 7.10, Đoàn kiểm tra công tác cải cách hành chính huyện đã đi kiểm tra công tác của xã.", ""),
        ("Ngày 17/9, Đoàn kiểm tra của UBND huyện đã kiểm tra công tác cải cách hành chính tại xã Tân Kỳ.", ""),
        ("Chiều 13-3, đoàn kiểm tra cải cách hành chính của tỉnh đã làm việc với UBND huyện Na Rì.", ""),
        ("Ngày 13-3-2023, đoàn kiểm tra cải cách hành chính của tỉnh đã làm việc với UBND huyện Na Rì.", "2023"),
    ],
)
def test_news_lead_forms_read_as_news_with_the_year_they_give(lead, year):
    md = metadata_of(f"Tin chuyên ngành\n\n{lead}")
    assert (md["loai_van_ban"], md["nam"], md["ngay_ban_hanh"], md["tieu_de"]) == ("Tin bài", year, "", "")


def test_news_reporting_an_issued_document_is_news():
    raw = ("Tăng cường chấp hành kỷ luật, kỷ cương hành chính nhà nước\n\nChủ tịch UBND tỉnh vừa ký ban hành Công văn "
           "số 2577/UBND-NCKS ngày 27/4/2023 về việc tăng cường chấp hành kỷ luật, kỷ cương hành chính nhà nước")
    md = metadata_of(raw)
    assert (md["loai_van_ban"], md["so_hieu"], md["van_ban_lien_quan"]) == (
        "Tin bài", "", "Công văn số 2577/UBND-NCKS ngày 27/4/2023")
    assert md["tieu_de"] == "Tăng cường chấp hành kỷ luật, kỷ cương hành chính nhà nước"


def test_portal_banner_date_is_neither_the_dateline_nor_the_headline():
    raw = ("banner\nChủ nhật, ngày 3 tháng 12 năm 2023\nSắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn "
           "2023 - 2030\n25-9-2023\n\n" + NEWS_LEAD)
    md = metadata_of(raw)
    assert (md["ngay_ban_hanh"], md["tieu_de"]) == (
        "2023-09-25", "Sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2023 - 2030")


def test_dateline_under_a_portal_menu_and_above_the_headline():
    menu = "\n".join(["Trang chủ", "Liên hệ", "Tin tức - Sự kiện", "Bộ thủ tục hành chính", "GoogleSoNoiVu"] * 3)
    raw = (f"{menu}\nThông tin được đưa ngày: 25-12-2017\nKết quả thực hiện công tác cải cách hành chính năm 2017 "
           f"của Ủy ban nhân dân tỉnh Kiên Giang\n\n{NEWS_LEAD}")
    md = metadata_of(raw)
    assert (md["loai_van_ban"], md["ngay_ban_hanh"], md["tieu_de"][:7]) == ("Tin bài", "2017-12-25", "Kết quả")


# ------------------------------------------------------------------------------------------- kinds and numbers
@pytest.mark.parametrize(
    ("number", "so_hieu", "kind"),
    [
        ("Số: 1888/KH-VPUBND", "1888/KH-VPUBND", "Kế hoạch"),
        ("Số: 12/QĐ-BCĐCCHC", "12/QĐ-BCĐCCHC", "Quyết định"),
        ("Số: 5/KH-BCĐ", "5/KH-BCĐ", "Kế hoạch"),
        ("Số: 45/TB-VP", "45/TB-VP", "Thông báo"),
        ("Số: 30/2021/QĐ-UBND", "30/2021/QĐ-UBND", "Quyết định"),
        ("Số: 123/UBND-KT", "123/UBND-KT", "Công văn"),
        ("Số: 2231/SNV-CCHC&PC", "2231/SNV-CCHC&PC", "Công văn"),
        ("Số: 01/KH-SNV.CCHC", "01/KH-SNV.CCHC", "Kế hoạch"),
        ("Số: 35/CTr-UBND", "35/CTr-UBND", "Chương trình"),
        ("Số: 87/TTr-STP", "87/TTr-STP", "Tờ trình"),
        ("S6 4934/KH-UBND", "4934/KH-UBND", "Kế hoạch"),
        ("S64934/KH-UBND", "4934/KH-UBND", "Kế hoạch"),
    ],
)
def test_number_forms_with_any_office_suffix(number, so_hieu, kind):
    md = metadata_of(f"ỦY BAN NHÂN DÂN TỈNH LÀO CAI\n{number}\nLào Cai, ngày 3 tháng 4 năm 2020\n\n"
                     "Về công tác cải cách hành chính năm 2020\n\nCác cơ quan, đơn vị thực hiện nghiêm túc.")
    assert (md["so_hieu"], md["loai_van_ban"]) == (so_hieu, kind)


def test_flattened_header_line_with_the_motto_before_the_number():
    md = metadata_of("VĂN PHÒNG UBND TỈNH BÌNH ĐỊNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
                     "Số: 1888/KH-VPUBND Bình Định, ngày 5 tháng 3 năm 2021\nKẾ HOẠCH\nKiểm tra công tác cải cách "
                     "hành chính năm 2021\n\nI. MỤC ĐÍCH\n- Kiểm tra.")
    assert (md["so_hieu"], md["loai_van_ban"], md["ngay_ban_hanh"], md["co_quan"]) == (
        "1888/KH-VPUBND", "Kế hoạch", "2021-03-05", "Văn phòng Ủy ban nhân dân tỉnh Bình Định")


def test_cong_van_reads_its_subject_line_as_title():
    raw = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 2345/UBND-VX\nV/v triển khai kiểm tra công tác cải cách hành chính năm "
           "2022\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "Bắc Kạn, ngày 12 tháng 5 năm 2022\n\n"
           "Kính gửi: Các sở, ban, ngành tỉnh.\n\nỦy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị tự kiểm tra.")
    md = metadata_of(raw)
    assert (md["loai_van_ban"], md["tieu_de"], md["ngay_ban_hanh"]) == (
        "Công văn", "Triển khai kiểm tra công tác cải cách hành chính năm 2022", "2022-05-12")


@pytest.mark.parametrize(
    ("head", "kind", "title"),
    [
        ("THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại cuộc họp", "Thông báo",
         "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp"),
        ("BÁO CÁO\nKết quả thực hiện công tác cải cách hành chính quý I", "Báo cáo",
         "Kết quả thực hiện công tác cải cách hành chính quý I"),
        ("CHỈ THỊ\nVề việc đẩy mạnh cải cách hành chính", "Chỉ thị", "Về việc đẩy mạnh cải cách hành chính"),
        ("TỜ TRÌNH\nVề việc ban hành Kế hoạch cải cách hành chính", "Tờ trình",
         "Về việc ban hành Kế hoạch cải cách hành chính"),
        ("CHƯƠNG TRÌNH HÀNH ĐỘNG\nThực hiện Nghị quyết về cải cách hành chính", "Chương trình",
         "Thực hiện Nghị quyết về cải cách hành chính"),
        ("CÔNG ĐIỆN\nVề việc chấn chỉnh kỷ luật hành chính", "Công điện", "Về việc chấn chỉnh kỷ luật hành chính"),
    ],
)
def test_kinds_by_their_type_word_and_title(head, kind, title):
    md = metadata_of(f"UBND TỈNH SƠN LA\nVĂN PHÒNG\nSố: 45/VP-TH\nSơn La, ngày 03 tháng 6 năm 2021\n\n{head}\n\n"
                     "Ngày 01/6/2021, Chủ tịch UBND tỉnh chủ trì cuộc họp.")
    assert (md["loai_van_ban"], md["tieu_de"], md["co_quan"]) == (kind, title, "Văn phòng Ủy ban nhân dân tỉnh Sơn La")


# ------------------------------------------------------------------------------------------- laws
LAW_BODY = ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\n"
            "Quốc hội ban hành Luật Phòng, chống ma túy.\n\n"
            "Chương I\nNHỮNG QUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về phòng, chống ma túy.")


@pytest.mark.parametrize(
    "head",
    ["QUỐC HỘI\nLuật số: 99/2021/QH15\n\nLUẬT\nPHÒNG, CHỐNG MA TÚY",
     "Luật số: 99/2021/QH15\n\nLuật Phòng, chống ma túy",
     "QUỐC HỘI\nLuật số: 99/2021/QH15\n\nLUẬT PHÒNG, CHỐNG MA TÚY"],
)
def test_law_without_motto_reads_issuer_number_kind_and_title(head):
    md = metadata_of(f"{head}\n\n{LAW_BODY}")
    assert (md["so_hieu"], md["loai_van_ban"], md["co_quan"], md["tieu_de"], md["cap"], md["tinh"]) == (
        "99/2021/QH15", "Luật", "Quốc hội", "Phòng, chống ma túy", "Trung ương", "")


def test_law_title_line_in_mixed_case_and_motto_inside_a_basis_is_no_header():
    md = metadata_of("Luật Viên chức\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992;\n\n"
                     "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về viên chức.")
    assert (md["loai_van_ban"], md["tieu_de"], md["co_quan"], md["cap"]) == ("Luật", "Viên chức", "", "Trung ương")


def test_law_number_label_alone_gives_the_kind():
    md = metadata_of("Luật số: 58/2010/QH12\n\n" + LAW_BODY)
    assert (md["so_hieu"], md["loai_van_ban"], md["co_quan"]) == ("58/2010/QH12", "Luật", "Quốc hội")


# ------------------------------------------------------------------------------------------- text without diacritics
OCR_ONE_LINE = ("UY BAN NHAN DAN TINH GIA LAI S64934/KH-UBND CONG HOA XA HOI CHU NGHIA VItT NAM "
                "Dec lap - Tkr do - Hanh "
                "phtic Gia Lai, ngay.10 thcing 9 nom 2018 KE HOACH Kiem tra cong tac cai cach hanh chinh nam 2018 "
                "I. MUC DICH - Kiem tra cac co quan.")
TYPED_FOLDED = ("UY BAN NHAN DAN\nTINH GIA LAI\nSo: 4934/KH-UBND\nGia Lai, ngay 10 thang 9 nam 2018\n\nKE HOACH\n"
                "Kiem tra cong tac cai cach hanh chinh nam 2018\n\nI. MUC DICH\n- Kiem tra cac co quan.")


@pytest.mark.parametrize("raw", [OCR_ONE_LINE, TYPED_FOLDED], ids=["ocr-one-line", "typed-folded"])
def test_header_read_on_text_without_diacritics(raw):
    # the folded place-and-date line itself ("ngay.10 thcing 9 nom 2018") is read by frontmatter.place_date
    md = metadata_of(raw)
    assert (md["so_hieu"], md["loai_van_ban"], md["co_quan"], md["tinh"]) == (
        "4934/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Gia Lai", "Gia Lai")


def test_type_word_and_title_without_diacritics():
    text = "\n".join(b.text for b in parse_structure(clean_lines(TYPED_FOLDED)))
    md = metadata_of(TYPED_FOLDED)
    start, end = json.loads(md["spans"])["loai_van_ban"]
    assert (md["loai_van_ban"], text[start:end]) == ("Kế hoạch", "KE HOACH")
    assert md["tieu_de"] == "Kiem tra cong tac cai cach hanh chinh nam 2018"


def test_loose_date_words_never_read_on_accented_prose():
    md = metadata_of("Số: 12/KH-UBND\n\nKẾ HOẠCH\nKiểm tra\n\nNgười dân, ngây 10 thương 9 nằm 2018 chờ kết quả.")
    assert (md["ngay_ban_hanh"], md["nam"]) == ("", "")


def test_committee_authority_glued_to_the_title_is_not_title():
    md = metadata_of("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 06/2024/QĐ-UBND\nKon Tum, ngày 25 tháng 01 năm 2024\n\n"
                     "QUYẾT ĐỊNH\nQUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ TRÊN ĐỊA BÀN TỈNH KON TUM "
                     "ỦY BAN NHÂN DÂN TỈNH KON TUM\n"
                     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
    assert md["tieu_de"] == "Quy định chế độ báo cáo định kỳ trên địa bàn tỉnh Kon Tum"


def test_title_naming_the_committee_keeps_it():
    md = metadata_of("Số: 06/2024/QĐ-UBND\n\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN TỈNH KON TUM\n"
                     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
    assert md["tieu_de"] == "Ban hành quy chế làm việc của ủy ban nhân dân tỉnh Kon Tum"


def test_law_number_label_wrapped_onto_its_own_line_and_year_from_the_number():
    md = metadata_of("QUỐC HỘI\nLuật số:\n22/2008/QH12\n\nLUẬT\nCÁN BỘ, CÔNG CHỨC\n\n" + LAW_BODY)
    assert (md["so_hieu"], md["nam"], md["ngay_ban_hanh"], md["tieu_de"]) == (
        "22/2008/QH12", "2008", "", "Cán bộ, công chức")


def test_news_credited_to_an_outlet_is_news():
    md = metadata_of("(Chinhphu.vn) - Văn phòng Chính phủ vừa có công văn 5783/VPCP-HC đề nghị UBND các tỉnh rà soát, "
                     "đánh giá kết quả tổ chức thực hiện các quy định về chức năng, nhiệm vụ của Văn phòng UBND "
                     "cấp tỉnh.")
    assert (md["loai_van_ban"], md["so_hieu"], md["van_ban_lien_quan"], md["tieu_de"]) == (
        "Tin bài", "", "công văn 5783/VPCP-HC", "")


def test_law_issuer_and_number_above_the_motto_are_kept_with_the_header():
    raw = ("QUỐC HỘI\nLuật số: 22/2008/QH12\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\n"
           "LUẬT\nCÁN BỘ, CÔNG CHỨC\n\n" + LAW_BODY)
    md = build_document("luat", "luat.txt", raw).metadata
    assert (md["so_hieu"], md["co_quan"], md["nam"], md["loai_van_ban"]) == ("22/2008/QH12", "Quốc hội", "2008", "Luật")


def test_news_date_printed_under_the_article():
    raw = ("1/1/0001\n\nXây dựng và triển khai kế hoạch, biện pháp khắc phục những hạn chế từ kết quả CCHC năm 2021\n\n"
           "Ngày 11/01/2022, UBND tỉnh có quyết định phê duyệt và công bố Chỉ số và xếp hạng kết quả cải cách hành "
           "chính (CCHC) năm 2021. Theo đó, trong số 44 cơ quan, đơn vị, địa phương thuộc đối tượng đánh giá, có 30 "
           "đơn vị xếp hạng Tốt.\n\n13/01/2022\n\nBack To Top")
    md = metadata_of(raw)
    assert (md["loai_van_ban"], md["ngay_ban_hanh"], md["tieu_de"][:20]) == (
        "Tin bài", "2022-01-13", "Xây dựng và triển kh")


def test_news_with_an_author_byline_and_no_dateline():
    raw = ("Thực hiện Kế hoạch số 1642/KH-UBND của UBND tỉnh về kiểm tra công tác cải cách hành chính (CCHC) năm 2019, "
           "đoàn kiểm tra công tác CCHC của tỉnh đã tổ chức kiểm tra đối với 11 cơ quan, đơn vị.\n"
           "Sau kiểm tra, đoàn kiểm tra công tác CCHC của tỉnh đã báo cáo UBND tỉnh về tình hình, kết quả kiểm tra.\n"
           "HỒ VĂN")
    md = metadata_of(raw)
    assert (md["loai_van_ban"], md["so_hieu"], md["van_ban_lien_quan"]) == ("Tin bài", "", "Kế hoạch số 1642/KH-UBND")


def test_a_plan_excerpt_without_header_is_not_news():
    raw = ("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n- Đánh giá thực trạng công tác cải cách hành chính tại các sở, "
           "ban, ngành.\n\nII. NỘI DUNG KIỂM TRA\n\n- Công tác chỉ đạo, điều hành.")
    assert metadata_of(raw)["loai_van_ban"] == ""


# ------------------------------------------------------------------------------------------- central bodies, portals
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def document_metadata(raw: str) -> dict:
    """Metadata as ingest reads a pasted page (boundaries, the portal's fields and lines included)."""
    return build_document("x", "x.txt", raw).metadata


def fields(md: dict, *keys: str) -> tuple[str, ...]:
    return tuple(md[k] for k in keys)


@pytest.mark.parametrize(
    ("body", "consolidated", "signer"),
    [
        ("BỘ NỘI VỤ", "NGHỊ ĐỊNH\nVỀ TUYỂN DỤNG, SỬ DỤNG VÀ QUẢN LÝ CÔNG CHỨC", "BỘ TRƯỞNG\nPhạm Thị Thanh Trà"),
        ("VĂN PHÒNG QUỐC HỘI", "LUẬT\nKHIẾU NẠI", "CHỦ NHIỆM\nBùi Văn Cường"),
    ],
)
def test_consolidated_text_is_typed_by_its_number_not_by_what_it_consolidates(body, consolidated, signer):
    number = "01/VBHN-BNV" if body.startswith("BỘ") else "03/VBHN-VPQH"
    md = document_metadata(
        f"{body}\n-------\n{MOTTO}Số: {number}\nHà Nội, ngày 20 tháng 3 năm 2023\n\n{consolidated}\n\n"
        "Văn bản này được sửa đổi, bổ sung bởi:\nĐiều 1. Phạm vi điều chỉnh\nVăn bản này quy định về công chức.\n"
        f"XÁC THỰC VĂN BẢN HỢP NHẤT\n{signer}")
    assert fields(md, "so_hieu", "loai_van_ban", "tinh", "nguoi_ky") == (
        number, "Văn bản hợp nhất", "", signer.split("\n")[1])
    assert md["co_quan"].lower() == body.lower()


@pytest.mark.parametrize(
    ("header", "co_quan"),
    [
        ("Số: 5783/VPCP-KSTT\nV/v tăng cường cải cách thủ tục hành chính", "Văn phòng Chính phủ"),
        ("THANH TRA CHÍNH PHỦ\n-------\n" + MOTTO + "Số: 123/TTCP-VP\nV/v báo cáo cải cách hành chính",
         "Thanh tra Chính phủ"),
        ("BỘ NỘI VỤ\n" + MOTTO + "Số: 2291/BNV-CQĐP\nV/v sắp xếp đơn vị hành chính", "Bộ Nội vụ"),
    ],
)
def test_a_central_bodys_cong_van_dated_in_ha_noi_has_no_province(header, co_quan):
    md = document_metadata(f"{header}\nHà Nội, ngày 12 tháng 8 năm 2022\nKính gửi: Ủy ban nhân dân các tỉnh.\n"
                           "Thủ tướng Chính phủ có ý kiến như sau: các địa phương rà soát thủ tục hành chính.")
    assert fields(md, "loai_van_ban", "tinh", "ngay_ban_hanh") == ("Công văn", "", "2022-08-12")
    assert md["co_quan"].lower() == co_quan.lower()


def test_delegation_mark_without_its_dot_still_opens_the_signature():
    md = document_metadata(
        "VĂN PHÒNG CHÍNH PHỦ\n" + MOTTO + "Số: 1979/VPCP-KTTH\nV/v tham gia ý kiến về hợp tác du lịch\n\n"
        "Hà Nội, ngày 23 tháng 4 năm 2003\n\nKính gửi\n\n- Bộ Quốc phòng\n- Bộ Công An.\n\n"
        "Văn phòng Chính phủ đã gửi công văn số 1422/VPCP-KTTH ngày 28 tháng 3 năm 2003 đề nghị các cơ quan có ý kiến, "
        "nhưng đến nay Văn phòng Chính phủ vẫn chưa nhận được ý kiến của quý cơ quan về vấn đề trên.\n\n"
        "Đề nghị Bộ Quốc Phòng, Bộ Công an có ý kiến bằng văn bản sớm gửi về Văn phòng Chính phủ./.\n\n"
        "KT BỘ TRƯỞNG, CHỦ NHIỆM VPCP\nPHÓ CHỦ NHIỆM\nNguyễn Quốc Huy")
    assert fields(md, "nguoi_ky", "tinh") == ("Nguyễn Quốc Huy", "")


def test_portal_fields_listed_as_bullets_under_the_document_name_its_signer():
    md = document_metadata(
        "VĂN PHÒNG CHÍNH PHỦ | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 1659/VPCP-V.III | Hà Nội, ngày 17 tháng 3 năm 2008 |\nKính gửi: Chủ nhiệm Văn phòng Quốc hội.\n"
        "Văn phòng Chính phủ trân trọng đề nghị đưa Đề án vào Chương trình làm việc./.\n"
        "Nơi nhận: | BỘ TRƯỞNG, CHỦ NHIỆM |\n- Số hiệu: 1659-VPCP-V.III\n- Loại văn bản: Công văn\n"
        "- Nơi ban hành: Văn phòng Chính phủ\n- Người ký: Nguyễn Xuân Phúc\n- Tình trạng hiệu lực: Còn hiệu lực")
    assert fields(md, "so_hieu", "nguoi_ky", "tinh") == ("1659/VPCP-V.III", "Nguyễn Xuân Phúc", "")


def test_authority_line_left_in_the_header_is_not_part_of_the_body_name():
    md = document_metadata("BỘ NỘI VỤ |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 1383/QĐ-BNV |\n"
                           "Hà Nội, ngày 28 tháng 12 năm 2012 |\nBỘ TRƯỞNG BỘ NỘI VỤ\n"
                           "Căn cứ Nghị định số 61/2012/NĐ-CP của Chính phủ;\nQUYẾT ĐỊNH:\n"
                           "Điều 1. Phê duyệt Đề án đo lường sự hài lòng của người dân.")
    assert fields(md, "co_quan", "loai_van_ban", "tinh") == ("Bộ Nội vụ", "Quyết định", "")


def test_portal_headline_gives_the_title_when_the_header_has_none():
    headline = ("Quyết định 1383/QĐ-BNV năm 2012 phê duyệt Đề án “Xây dựng Phương pháp đo lường sự hài lòng của "
                "người dân”")
    md = document_metadata(f"{headline}\nSố hiệu: | 1383/QĐ-BNV | Loại văn bản: | Quyết định |\nBỘ NỘI VỤ |\n"
                           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 1383/QĐ-BNV |\n"
                           "Hà Nội, ngày 28 tháng 12 năm 2012 |\nBỘ TRƯỞNG BỘ NỘI VỤ\n"
                           "Căn cứ Nghị định số 61/2012/NĐ-CP của Chính phủ;\nQUYẾT ĐỊNH:\n"
                           "Điều 1. Phê duyệt Đề án đo lường sự hài lòng của người dân.")
    assert md["tieu_de"] == "Phê duyệt Đề án “Xây dựng Phương pháp đo lường sự hài lòng của người dân”"


def test_decree_page_of_one_chapter_without_header_is_read_from_its_headline_and_fields():
    md = document_metadata(
        "Chương 5 Nghị định 45/2020/NĐ-CP về thực hiện thủ tục hành chính trên môi trường điện tử\n"
        "1. Nghị định này có hiệu lực thi hành từ ngày 22 tháng 5 năm 2020.\n"
        "2. Bộ trưởng, Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành./.\n"
        "- Số hiệu: 45/2020/NĐ-CP\n- Loại văn bản: Nghị định\n- Ngày ban hành: 08/04/2020\n"
        "- Nơi ban hành: Quốc hội\n- Người ký: Nguyễn Xuân Phúc")
    assert fields(md, "so_hieu", "loai_van_ban", "co_quan", "tinh", "ngay_ban_hanh", "nguoi_ky") == (
        "45/2020/NĐ-CP", "Nghị định", "Chính phủ", "", "2020-04-08", "Nguyễn Xuân Phúc")
    assert md["tieu_de"] == "Về thực hiện thủ tục hành chính trên môi trường điện tử"


def test_a_title_cut_to_one_word_by_the_excerpt_is_no_title():
    md = document_metadata("VĂN PHÒNG CHÍNH PHỦ - BỘ NỘI VỤ\n-------\n" + MOTTO + "Số: 02/2011/TTLT-VPCP-BNV\n"
                           "Hà Nội, ngày 28 tháng 01 năm 2011\n\nTHÔNG TƯ LIÊN TỊCH\n\nHƯỚN")
    assert fields(md, "loai_van_ban", "tieu_de", "tinh") == ("Thông tư liên tịch", "", "")


@pytest.mark.parametrize("years", ["2021 - 2025", "GIAI ĐOẠN 2021-2025"])
def test_a_long_title_ending_with_its_years_on_the_next_line_keeps_them(years):
    first = "KẾ HOẠCH\nCẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH SƠN LA" + (" GIAI ĐOẠN" if years[0].isdigit() else "")
    md = document_metadata("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\n-------\n" + MOTTO + "Số: 148/KH-UBND\n"
                           f"Sơn La, ngày 06 tháng 7 năm 2020\n{first}\n{years}\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích")
    assert md["tieu_de"].lower().endswith(years.lower())
    assert md["ky_ke_hoach"] == "2021-2025"


def test_decree_with_its_header_cut_is_the_governments_by_its_enacting_clause():
    md = document_metadata(
        "NGHỊ ĐỊNH\nVỀ THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG TRONG GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\n"
        "Theo đề nghị của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ;\n\n"
        "Chính phủ ban hành Nghị định quy định về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ "
        "tục hành chính.\n\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n"
        "1. Nghị định này quy định về thực hiện cơ chế một cửa, cơ chế một cửa liên thông.\n")
    assert fields(md, "loai_van_ban", "co_quan", "tinh") == ("Nghị định", "Chính phủ", "")


def test_a_department_of_a_ministry_under_its_name_is_the_issuing_body():
    md = document_metadata("BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ\n" + MOTTO + "Số: 1234/TCT-CS\nV/v chính sách thuế\n"
                           "Hà Nội, ngày 5 tháng 3 năm 2021\nKính gửi: Cục Thuế tỉnh Quảng Nam.\n"
                           "Tổng cục Thuế nhận được công văn của Cục Thuế tỉnh Quảng Nam hỏi về chính sách thuế.")
    assert (md["co_quan"].lower(), md["tinh"]) == ("tổng cục thuế", "")


def test_signer_typed_in_capitals_under_the_post():
    md = document_metadata(
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\n" + MOTTO + "Số: 12/KH-UBND\nQuảng Nam, ngày 5 tháng 3 năm 2021\nKẾ HOẠCH\n"
        "Kiểm tra cải cách hành chính năm 2021\n\nI. MỤC ĐÍCH\n1. Đánh giá kết quả thực hiện nhiệm vụ cải cách hành "
        "chính của các cơ quan, đơn vị trên địa bàn tỉnh.\n\nNơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.\nKT. CHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\nTRẦN VĂN TÂN")
    assert md["nguoi_ky"] == "Trần Văn Tân"


@pytest.mark.parametrize("byline", ["Tác giả: Minh Hà", "Bài, ảnh: HỒ VĂN"])
def test_a_labelled_byline_closes_a_news_post(byline):
    md = document_metadata(
        "Kiểm tra công tác cải cách hành chính tại huyện Na Rì\nĐoàn kiểm tra cải cách hành chính của tỉnh đã làm "
        "việc với UBND huyện Na Rì về công tác cải cách hành chính năm 2023.\nĐoàn đã kiểm tra hồ sơ, tài liệu và "
        f"việc giải quyết thủ tục hành chính tại Bộ phận một cửa của huyện.\n{byline}")
    assert fields(md, "loai_van_ban", "tieu_de") == ("Tin bài", "Kiểm tra công tác cải cách hành chính tại huyện Na Rì")


@pytest.mark.parametrize(
    ("number", "tinh"), [("45/HĐTV-CCHC", ""), ("123/SNV-CCHC", "Hà Nội"), ("87/KH-UBND", "Hà Nội")])
def test_ha_noi_on_the_place_line_alone_is_a_province_only_for_a_local_bodys_number(number, tinh):
    md = document_metadata(f"Số: {number}\nV/v kiểm tra cải cách hành chính\nHà Nội, ngày 5 tháng 3 năm 2021\n"
                           "Kính gửi: Các cơ quan, đơn vị.\nĐề nghị các cơ quan báo cáo kết quả cải cách hành chính.")
    assert (md["tinh"], md["ngay_ban_hanh"]) == (tinh, "2021-03-05")
