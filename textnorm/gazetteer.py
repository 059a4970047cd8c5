"""Vietnamese provinces (the 63 units before the 2025 mergers, as documents of that time name them)."""

from __future__ import annotations

import re
from functools import lru_cache

from textnorm import fold_accents, fold_for_match, has_diacritics, syllables

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


#: Cue words before a province name ("tỉnh Hòa Bình", "thành phố Cần Thơ", "TP. Hà Nội"), folded.
_CUE = re.compile(r"(?:tinh|thanh pho|tp\.?)\s*$")
#: Units below a province named like one ("huyện Quảng Ninh" of Quảng Bình, "thị xã Quảng Trị"), folded.
_LOWER_LEVEL_CUE = re.compile(r"(?:huyen|quan|thi xa|thi tran|xa|phuong)\s*$")
#: Country names a province name can be the tail of ("người Việt Nam định cư" is not Nam Định), folded.
COUNTRY_PHRASES = ("viet nam",)
#: Folded province names that are also common words when typed without accents ("diễn biến", "hòa bình" = peace):
#: in unaccented text they count only after a cue word or when written with capitals.
COMMON_WORD_NAMES = frozenset({"dien bien", "hoa binh"})


@lru_cache(maxsize=1)
def _folded_names() -> list[tuple[str, str]]:
    """(folded name with single spaces, canonical name), longest first."""
    names = [(re.sub(r"[^a-z0-9]+", " ", fold_accents(p)).strip(), p) for p in PROVINCES]
    return sorted(names, key=lambda x: -len(x[0])) + [("ho chi minh", "Thành phố Hồ Chí Minh")]


def _words(text: str) -> str:
    return " ".join(syllables(text))


def _in_country_phrase(folded: str, start: int, end: int) -> bool:
    for phrase in COUNTRY_PHRASES:
        for m in re.finditer(r"(?<![a-z])" + re.escape(phrase) + r"(?![a-z])", folded):
            if m.start() < end and start < m.end() and (m.start(), m.end()) != (start, end):
                return True
    return False


def _capitalised(words: str) -> bool:
    return all(w[:1].isupper() for w in words.split() if w[:1].isalpha())


def _accepted(text: str, folded: str, start: int, end: int, name: str, accented: bool, query: bool = False) -> bool:
    if _in_country_phrase(folded, start, end) or _LOWER_LEVEL_CUE.search(folded[max(0, start - 10): start]):
        return False
    cued = bool(_CUE.search(folded[max(0, start - 12): start]))
    written = text[start:end]
    if accented:
        # accented text writes province names with their accents and capitals ("hòa bình" is peace)
        spelled = _words(written) in _words(name)  # with its own accents ("diễn biến" is not "Điện Biên")
        # a question typed in a chat writes names in lower case ("kế hoạch đồng nai"); a document capitalises them
        relaxed = query and _words(fold_accents(written)) not in COMMON_WORD_NAMES
        return spelled and (cued or _capitalised(written) or relaxed)
    return cued or _capitalised(written) or _words(fold_accents(written)) not in COMMON_WORD_NAMES


def province_mentions(text: str, *, query: bool = False) -> list[tuple[str, int, int]]:
    """Provinces named in a text, with the offsets of each mention, where they are place names.

    Accented text must write the name with its accents, capitalised or after "tỉnh"/"thành phố"; folded matching
    is for text typed without diacritics, and a name inside "Việt Nam …" or a common word typed without accents
    ("dien bien" = diễn biến) does not count.

    >>> [m[0] for m in province_mentions("Ủy ban nhân dân tỉnh Kiên Giang và TP. Hồ Chí Minh")]
    ['Kiên Giang', 'Thành phố Hồ Chí Minh']
    >>> province_mentions("người Việt Nam định cư ở nước ngoài; diễn biến phức tạp; giữ gìn hòa bình")
    []
    >>> [m[0] for m in province_mentions("ke hoach cchc ha noi nam 2021")], province_mentions("dien bien phuc tap")
    (['Hà Nội'], [])
    """
    folded = fold_accents(text)
    if len(folded) != len(text):
        return []
    accented = has_diacritics(text)
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for key, name in _folded_names():
        pattern = r"(?<![a-z0-9])" + r"[^a-z0-9]{1,3}".join(re.escape(w) for w in key.split()) + r"(?![a-z0-9])"
        for m in re.finditer(pattern, folded):
            s, e = m.start(), m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if key == "ho chi minh" and not _CUE.search(folded[max(0, s - 12): s]):
                continue  # "tư tưởng Hồ Chí Minh" is not the city
            if _accepted(text, folded, s, e, name, accented, query):
                found.append((name, s, e))
                taken.append((s, e))
    for m in re.finditer(r"[A-Za-zÀ-ỹĐđ]{2,}", text):
        token = m.group()
        if any(m.start() < te and ts < m.end() for ts, te in taken):
            continue
        key = fold_for_match(token)
        name = ALIASES.get(key) or (folded_provinces().get(key) if len(token) >= 6 else None)
        if name and (name != folded_provinces().get(key) or " " in name) and (len(token) > 3 or token.isupper()):
            found.append((name, m.start(), m.end()))  # "QuangBinh Portal", "TPHCM", "HN"
    return sorted(found, key=lambda x: x[1])


def find_provinces(text: str, *, query: bool = False) -> list[str]:
    """Distinct provinces named in a text, in order of first mention (see :func:`province_mentions`); ``query``
    accepts names a chat question writes in lower case ("kế hoạch đồng nai"), except common words ("hòa bình").

    >>> find_provinces("kiem tra cchc ha noi nam 2021"), find_provinces("Còn Hà Nam thì sao?")
    (['Hà Nội'], ['Hà Nam'])
    """
    out: list[str] = []
    for name, _, _ in province_mentions(text, query=query):
        if name not in out:
            out.append(name)
    return out


#: Centrally-run cities among the 63 (their 2025 name is asked as "Thành phố X").
CENTRAL_CITIES = frozenset({"Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Thành phố Hồ Chí Minh"})
#: The 2025 mergers (63 provinces → 34), as ``underthesea.address.convert_address`` gives them: each pre-2025
#: province that now belongs to another one → that province (the others kept their name). Written out, not computed
#: at the first question (importing the address table takes seconds); ``tests/test_frontmatter.py`` checks it
#: against underthesea. Thừa Thiên Huế became the city of Huế in January 2025, before the mergers.
MERGED_INTO = {
    "Bà Rịa - Vũng Tàu": "Thành phố Hồ Chí Minh", "Bình Dương": "Thành phố Hồ Chí Minh", "Bình Phước": "Đồng Nai",
    "Bình Thuận": "Lâm Đồng", "Bình Định": "Gia Lai", "Bạc Liêu": "Cà Mau", "Bắc Giang": "Bắc Ninh",
    "Bắc Kạn": "Thái Nguyên", "Bến Tre": "Vĩnh Long", "Hà Giang": "Tuyên Quang", "Hà Nam": "Ninh Bình",
    "Hòa Bình": "Phú Thọ", "Hải Dương": "Hải Phòng", "Hậu Giang": "Cần Thơ", "Kiên Giang": "An Giang",
    "Kon Tum": "Quảng Ngãi", "Long An": "Tây Ninh", "Nam Định": "Ninh Bình", "Ninh Thuận": "Khánh Hòa",
    "Phú Yên": "Đắk Lắk", "Quảng Bình": "Quảng Trị", "Quảng Nam": "Đà Nẵng", "Sóc Trăng": "Cần Thơ",
    "Thái Bình": "Hưng Yên", "Thừa Thiên Huế": "Huế", "Tiền Giang": "Đồng Tháp", "Trà Vinh": "Vĩnh Long",
    "Vĩnh Phúc": "Phú Thọ", "Yên Bái": "Lào Cai", "Đắk Nông": "Lâm Đồng",
}


#: Each of the 63 provinces → the province it belongs to since the 2025 mergers.
_MERGED = {old: MERGED_INTO.get(old, old) for old in PROVINCES}


def current_province(old_name: str) -> str | None:
    """The province a pre-2025 province belongs to since the 2025 mergers, or None for an unknown name.

    >>> current_province("Kiên Giang"), current_province("tinh Ha Nam"), current_province("Nghệ An")
    ('An Giang', 'Ninh Bình', 'Nghệ An')
    """
    old = canonical_province(re.sub(r"^(?:tỉnh|tinh|thành phố|thanh pho)\s+", "", old_name.strip(), flags=re.I))
    return _MERGED.get(old) if old else None


def provinces_merged_into(new_name: str) -> list[str]:
    """The pre-2025 provinces that make up a province after the 2025 mergers (itself included when it kept its
    name); [] for a name that is not a province today.

    >>> provinces_merged_into("An Giang"), provinces_merged_into("Thành phố Hồ Chí Minh")
    (['An Giang', 'Kiên Giang'], ['Bà Rịa - Vũng Tàu', 'Bình Dương', 'Thành phố Hồ Chí Minh'])
    """
    key = re.sub(r"^(?:tỉnh|tinh)\s+", "", new_name.strip(), flags=re.I)
    new = key if key in set(_MERGED.values()) else canonical_province(key) or key  # "Huế" is a unit of its own
    return sorted(old for old, merged in _MERGED.items() if merged == new)
