"""Vietnamese provinces (the 63 units before the 2025 mergers, as documents of that time name them)."""

from __future__ import annotations

from functools import lru_cache

from textnorm import fold_for_match

PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
    "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ",
    "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Thành phố Hồ Chí Minh",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)

#: Other spellings found in documents and questions, folded, mapped to the canonical name.
ALIASES = {
    "hcm": "Thành phố Hồ Chí Minh",
    "tphcm": "Thành phố Hồ Chí Minh",
    "hochiminh": "Thành phố Hồ Chí Minh",
    "saigon": "Thành phố Hồ Chí Minh",
    "brvt": "Bà Rịa - Vũng Tàu",
    "bariavungtau": "Bà Rịa - Vũng Tàu",
    "hue": "Thừa Thiên Huế",
    "thuathienhue": "Thừa Thiên Huế",
    "daklak": "Đắk Lắk",
    "daknong": "Đắk Nông",
    "backan": "Bắc Kạn",
    "hn": "Hà Nội",
    "hp": "Hải Phòng",
}


@lru_cache(maxsize=1)
def folded_provinces() -> dict[str, str]:
    """Folded key ("kiengiang") → canonical province name."""
    table = {fold_for_match(p): p for p in PROVINCES}
    table["hochiminh"] = "Thành phố Hồ Chí Minh"
    table.update(ALIASES)
    return table


def canonical_province(name: str) -> str | None:
    """Canonical name of a province written any way, or None.

    >>> canonical_province("kien giang"), canonical_province("QuangBinh"), canonical_province("Paris")
    ('Kiên Giang', 'Quảng Bình', None)
    """
    return folded_provinces().get(fold_for_match(name))
