"""Tests for ingest.metadata: the metadata of the bundled corpus and of small literal documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.model import METADATA_KEYS
from ingest.clean import clean_lines
from ingest.document import build_document
from ingest.metadata import extract_metadata
from ingest.structure import parse_structure

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def corpus_metadata(name: str) -> dict:
    path = CORPUS / name
    return build_document(path.stem, f"corpus/{name}", path.read_text(encoding="utf-8")).metadata


def metadata_of(raw: str) -> dict:
    blocks = parse_structure(clean_lines(raw))
    return extract_metadata(blocks, "\n".join(b.text for b in blocks))


KG_36_TITLE = "Kiểm tra công tác cải cách hành chính năm 2021"

EXPECTED = [
    (
        "kien-giang-2021-36-KH-UBND-kiem-tra-cchc.txt",
        {
            "so_hieu": "36/KH-UBND", "loai_van_ban": "Kế hoạch", "co_quan": "Ủy ban nhân dân tỉnh Kiên Giang",
            "tinh": "Kiên Giang", "ngay_ban_hanh": "2021-02-28", "nam": "2021", "tieu_de": KG_36_TITLE,
            "nguoi_ky": "Lâm Minh Thành", "chuc_vu": "Chủ tịch", "cap": "Tỉnh", "ky_ke_hoach": "2021",
        },
    ),
    (
        "ha-noi-2021-87-KH-UBND-kiem-tra-cchc.txt",
        {
            "so_hieu": "87/KH-UBND", "loai_van_ban": "Kế hoạch", "co_quan": "Ủy ban nhân dân thành phố Hà Nội",
            "tinh": "Hà Nội", "ngay_ban_hanh": "2021-04-05", "nam": "2021",
            "tieu_de": "Kiểm tra công tác cải cách hành chính năm 2021", "nguoi_ky": "",
            "chuc_vu": "", "cap": "Tỉnh", "ky_ke_hoach": "2021",
        },
    ),
    (
        "kien-giang-2020-189-KH-UBND-ke-hoach-cchc-2021.txt",
        {
            "so_hieu": "189/KH-UBND", "loai_van_ban": "Kế hoạch", "co_quan": "Ủy ban nhân dân tỉnh Kiên Giang",
            "tinh": "Kiên Giang", "ngay_ban_hanh": "2020-12-30", "nam": "2020",
            "tieu_de": "Công tác cải cách hành chính năm 2021", "nguoi_ky": "Lâm Minh Thành",
            "chuc_vu": "Chủ tịch", "cap": "Tỉnh", "ky_ke_hoach": "2021",
        },
    ),
    (
        "ha-nam-2022-KH-UBND-kiem-tra-cchc.txt",
        {
            "so_hieu": "", "loai_van_ban": "Kế hoạch", "co_quan": "Ủy ban nhân dân tỉnh Hà Nam", "tinh": "Hà Nam",
            "ngay_ban_hanh": "2022", "nam": "2022",
            "tieu_de": "Kiểm tra việc thực hiện công tác cải cách hành chính năm 2022 trên địa bàn tỉnh Hà Nam",
            "nguoi_ky": "Trương Quốc Huy", "chuc_vu": "Chủ tịch", "cap": "Tỉnh", "ky_ke_hoach": "2022",
        },
    ),
    (
        "quang-binh-2018-tin-kiem-tra-cchc.txt",
        {
            "so_hieu": "", "loai_van_ban": "Tin bài", "co_quan": "QuangBinh Portal", "tinh": "Quảng Bình",
            "ngay_ban_hanh": "", "nam": "2018",
            "tieu_de": "Trong quý II và III/2018: Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị, "
                       "địa phương trên địa bàn tỉnh",
            "nguoi_ky": "", "chuc_vu": "", "cap": "", "ky_ke_hoach": "",
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
        ("Số: /KH-UBND\n\nHà Nam, ngày    tháng    năm 2022\n\nKẾ HOẠCH\nKiểm tra", "ngay_ban_hanh", "2022"),
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
