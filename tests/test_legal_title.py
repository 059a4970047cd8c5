"""A law's title as it is cited, read from its header: the kind and the name ("BỘ LUẬT" / "LAO ĐỘNG" → "Bộ luật Lao
động"), with and without the motto, beside its number ("Bộ luật số: 45/2019/QH14")."""

from __future__ import annotations

import pytest

from tests.reading import metadata_of

BODY = ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\n"
        "Chương I\nNHỮNG QUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\nBộ luật này quy định tiêu chuẩn lao động.")
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


@pytest.mark.parametrize("motto", [MOTTO, ""], ids=["motto", "no-motto"])
@pytest.mark.parametrize(("head", "number", "kind", "title"), [
    ("Bộ luật số: 45/2019/QH14\n\nBỘ LUẬT\nLAO ĐỘNG", "45/2019/QH14", "Bộ luật", "Bộ luật Lao động"),
    ("Luật số: 58/2010/QH12\n\nLUẬT VIÊN CHỨC", "58/2010/QH12", "Luật", "Luật Viên chức"),
    ("Bộ luật số: 95/2015/QH13\n\nBỘ LUẬT\nHÀNG HẢI VIỆT NAM", "95/2015/QH13", "Bộ luật", "Bộ luật Hàng hải Việt Nam"),
], ids=["code-two-lines", "law-one-line", "country-name"])
def test_law_title_is_its_kind_and_name(motto, head, number, kind, title):
    md = metadata_of(f"QUỐC HỘI\n{motto}{head}\n\n{BODY}")
    assert (md["so_hieu"], md["loai_van_ban"], md["tieu_de"], md["co_quan"]) == (number, kind, title, "Quốc hội")


def test_a_plan_title_stays_its_subject():
    md = metadata_of("Số: 36/KH-UBND\n\nKiên Giang, ngày 28 tháng 02 năm 2021\n\n"
                     "KẾ HOẠCH\nKiểm tra công tác CCHC năm 2021")
    assert md["tieu_de"] == "Kiểm tra công tác CCHC năm 2021"
