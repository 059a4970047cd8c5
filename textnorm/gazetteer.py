"""Vietnamese provinces (the 63 units before the 2025 mergers, as documents of that time name them)."""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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


#: Older official spellings of a province still written in documents and on portals, with their accents → the
#: canonical name ("Đắc Lắc" before the 2000s, "Bắc Cạn" of the 1997 re-establishment's texts). A spelling that only
#: leaves a tone out ("Đăk Lăk") needs no entry: :func:`_agrees` accepts it.
SPELLING_VARIANTS = {"Đắc Lắc": "Đắk Lắk", "Đắc Nông": "Đắk Nông", "Bắc Cạn": "Bắc Kạn"}


@lru_cache(maxsize=1)
def folded_provinces() -> dict[str, str]:
    """Folded key ("kiengiang") → canonical province name."""
    table = {fold_for_match(p): p for p in PROVINCES}
    table["hochiminh"] = "Thành phố Hồ Chí Minh"
    table.update({fold_for_match(v): p for v, p in SPELLING_VARIANTS.items()})
    table.update(ALIASES)
    return table


def canonical_province(name: str) -> str | None:
    """Canonical name of a province written any way, or None.

    >>> canonical_province("kien giang"), canonical_province("QuangBinh"), canonical_province("Paris")
    ('Kiên Giang', 'Quảng Bình', None)
    """
    return folded_provinces().get(fold_for_match(name))


def province_key(name: str) -> str:
    """What names of a province are compared by: its canonical name, or the name as written when the gazetteer does
    not know it (a reading is kept, never lost to None).

    >>> province_key("ha noi"), province_key("Hà Nội"), province_key("Xứ Đoài")
    ('Hà Nội', 'Hà Nội', 'Xứ Đoài')
    """
    return canonical_province(name) or name


#: Cue words before a province name ("tỉnh Hòa Bình", "thành phố Cần Thơ", "TP. Hà Nội"), folded.
PROVINCE_CUE = re.compile(r"(?<![a-z])(?:tinh|thanh pho|tp\.?)\s*$")
#: Units below a province named like one ("huyện Quảng Ninh" of Quảng Bình, "thị xã Quảng Trị"), folded.
_LOWER_LEVEL_CUE = re.compile(r"(?:huyen|quan|thi xa|thi tran|xa|phuong)\s*$")
#: Country names a province name can be the tail of ("người Việt Nam định cư" is not Nam Định), folded.
COUNTRY_PHRASES = ("viet nam",)
#: Folded province names that are also common words when typed without accents ("diễn biến", "hòa bình" = peace,
#: "bác cần" = uncle needs, of the older spelling "Bắc Cạn"): in unaccented text they count only after a cue word or
#: when written with capitals.
COMMON_WORD_NAMES = frozenset({"dien bien", "hoa binh", "bac can"})


@lru_cache(maxsize=1)
def _folded_names() -> list[tuple[str, str]]:
    """(folded name with single spaces, canonical name), longest first."""
    names = [(re.sub(r"[^a-z0-9]+", " ", fold_accents(p)).strip(), p) for p in PROVINCES]
    names += [(fold_accents(v), p) for v, p in SPELLING_VARIANTS.items()]
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
    cued = bool(PROVINCE_CUE.search(folded[max(0, start - 12): start]))
    written = text[start:end]
    if accented:
        # accented text writes province names with their accents and capitals ("hòa bình" is peace)
        spelled = _agrees(written, name)  # with its own accents ("diễn biến" is not "Điện Biên")
        # a question typed in a chat writes names in lower case ("kế hoạch đồng nai"); a document capitalises them
        relaxed = query and _words(fold_accents(written)) not in COMMON_WORD_NAMES
        return spelled and (cued or _capitalised(written) or relaxed)
    return cued or _capitalised(written) or _words(fold_accents(written)) not in COMMON_WORD_NAMES


def _agrees(written: str, name: str) -> bool:
    """A province's name written with its accents as the canonical name or an older spelling of it writes them, a
    tone left out allowed ("Đăk Nông"); other tones are another word ("diễn biến" is not "Điện Biên").

    >>> _agrees("Đăk Lăk", "Đắk Lắk"), _agrees("Đắc Lắc", "Đắk Lắk"), _agrees("diễn biến", "Điện Biên")
    (True, True, False)
    >>> _agrees("BINH DINH", "Bình Định")
    False
    """
    if _words(written) in _words(name):
        return True
    if not has_diacritics(written):
        return False  # a name typed without accents inside accented text is judged as before: not a place
    mine = spelling_key(written)
    for spelling in [name] + [v for v, p in SPELLING_VARIANTS.items() if p == name]:
        theirs = spelling_key(spelling)
        if len(theirs) == len(mine) and all(map(_same_syllable, mine, theirs)):
            return True
    return False


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
            if key == "ho chi minh" and not PROVINCE_CUE.search(folded[max(0, s - 12): s]):
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
        if name and (name != folded_provinces().get(key) or " " in name) and (
                len(token) > 3 or token.isupper() or _short_name(text, folded, m.start(), m.end())):
            found.append((name, m.start(), m.end()))  # "QuangBinh Portal", "TPHCM", "HN", "Huế"
    return sorted(found, key=lambda x: x[1])


def _short_name(text: str, folded: str, start: int, end: int) -> bool:
    """A short alias written as a name: after "thành phố" / "TP", or capitalised with its accents and not inside a
    person's name ("Huế", not "Nguyễn Thị Huế")."""
    written = text[start:end]
    if PROVINCE_CUE.search(folded[max(0, start - 12): start]):
        return True
    return written[:1].isupper() and has_diacritics(written) and not _part_of_longer_name(text, start, end)


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


# ------------------------------------------------------------------------------ web addresses
#: A web address or an e-mail's domain written in a text ("sonla.gov.vn", "(Baonghean.vn)", "www.baodaklak.vn/…",
#: "ubnd@langson.gov.vn"): its host, ending in a top-level domain a Vietnamese site uses.
WEB_HOST = re.compile(r"(?<![\w.-])(?:https?://)?(?P<host>(?:[a-z0-9-]+\.)+(?:vn|com|net|org))(?![\w-])", re.I)
#: Labels of a host that name no place: the top- and second-level domains and "www".
HOST_SUFFIXES = frozenset({"vn", "gov", "com", "net", "org", "edu", "www"})
#: The word a province's newspaper writes before the province's name in its host ("baonghean.vn" is Báo Nghệ An,
#: "baodaklak.vn" Báo Đắk Lắk); a province's portal and its bodies' sites write the name alone ("sonla.gov.vn",
#: "sotuphap.langson.gov.vn"). No table of sites: the host is read through the provinces' folded names.
HOST_NAME_PREFIXES = ("", "bao")
#: The shortest host label read as a province: shorter aliases ("hn", "hp", "hcm", "hue") are other sites' initials
#: or words too.
MIN_HOST_LABEL = 5


def host_province(host: str) -> str | None:
    """The province a web host names by one of its labels ("sonla.gov.vn", "baonghean.vn"), or None.

    >>> host_province("sonla.gov.vn"), host_province("Baonghean.vn"), host_province("sotuphap.langson.gov.vn")
    ('Sơn La', 'Nghệ An', 'Lạng Sơn')
    >>> host_province("baria-vungtau.gov.vn"), host_province("laodong.vn"), host_province("hn.gov.vn")
    ('Bà Rịa - Vũng Tàu', None, None)
    """
    for label in host.lower().split(".")[:-1]:
        key = label.replace("-", "")
        if key in HOST_SUFFIXES:
            continue
        for prefix in HOST_NAME_PREFIXES:
            rest = key[len(prefix):]
            if key.startswith(prefix) and len(rest) >= MIN_HOST_LABEL and rest in folded_provinces():
                return folded_provinces()[rest]
    return None


def web_address_provinces(text: str) -> list[tuple[str, int, int]]:
    """Provinces named by the hosts of the web addresses a text writes (:func:`host_province`), with the host's
    offsets: a site's own mark (its credit, its address in a footer), not a place the text is about.

    >>> web_address_provinces("(Baonghean.vn) - Sáng 12/12 … Email: ubnd@sonla.gov.vn; xem baochinhphu.vn")
    [('Nghệ An', 1, 13), ('Sơn La', 42, 54)]
    """
    out = []
    for m in WEB_HOST.finditer(text):
        name = host_province(m.group("host"))
        if name:
            out.append((name, m.start("host"), m.end("host")))
    return out


#: Centrally-run cities among the 63 (their 2025 name is asked as "Thành phố X").
CENTRAL_CITIES = frozenset({"Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Thành phố Hồ Chí Minh"})
#: Provinces that became a centrally-run city under another name before the 2025 mergers: the date (ISO) and the
#: city's name (Thừa Thiên Huế became the city of Huế on 1 January 2025, Nghị quyết 1314/NQ-UBTVQH15).
CITY_SINCE = {"Thừa Thiên Huế": ("2025-01-01", "Huế")}


def province_unit_name(province: str, date: str = "") -> str:
    """How a province's own bodies name it on a date (ISO date or year; "" for unknown): "tỉnh X", or "thành phố X"
    for a centrally-run city.

    >>> province_unit_name("Kiên Giang"), province_unit_name("Thành phố Hồ Chí Minh"), province_unit_name("Cần Thơ")
    ('tỉnh Kiên Giang', 'thành phố Hồ Chí Minh', 'thành phố Cần Thơ')
    >>> province_unit_name("Thừa Thiên Huế", "2024-12-30"), province_unit_name("Thừa Thiên Huế", "2025-12-29")
    ('tỉnh Thừa Thiên Huế', 'thành phố Huế')
    """
    since = CITY_SINCE.get(province)
    if since and date and date >= since[0][: len(date)]:
        return f"thành phố {since[1]}"
    if province in CENTRAL_CITIES:
        return f"thành phố {province.removeprefix('Thành phố ')}"
    return f"tỉnh {province}"


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


#: The day the 2025 mergers took effect (Nghị quyết 202/2025/QH15): a document of a merged province's new name issued
#: from then on is of the whole new province, the old provinces merged into it included.
MERGERS_EFFECTIVE = "2025-07-01"
#: Each of the 63 provinces → the province it belongs to since the 2025 mergers.
_MERGED = {old: MERGED_INTO.get(old, old) for old in PROVINCES}


def current_province(old_name: str) -> str | None:
    """The province a pre-2025 province belongs to since the 2025 mergers, or None for an unknown name.

    >>> current_province("Kiên Giang"), current_province("tinh Ha Nam"), current_province("Nghệ An")
    ('An Giang', 'Ninh Bình', 'Nghệ An')
    """
    old = canonical_province(re.sub(r"^(?:tỉnh|tinh|thành phố|thanh pho)\s+", "", old_name.strip(), flags=re.I))
    return _MERGED.get(old) if old else None


def successor_of(old_name: str) -> str | None:
    """The province an old province was merged into in 2025, when it took another's name (None when it kept its own
    or the name is unknown).

    >>> successor_of("Kon Tum"), successor_of("Quảng Ngãi"), successor_of("Paris")
    ('Quảng Ngãi', None, None)
    """
    new = current_province(old_name)
    return new if new and new != canonical_province(old_name) else None


def after_mergers(date: str, year: str) -> bool:
    """Whether a document issued on ``date`` (ISO, may be empty) of ``year`` may be of a province as it stands since
    the 2025 mergers: issued from :data:`MERGERS_EFFECTIVE` on, or of 2025 on with no day read, or with neither read.

    >>> after_mergers("2025-08-12", "2025"), after_mergers("", "2025"), after_mergers("2019-03-01", "2019")
    (True, True, False)
    >>> after_mergers("", ""), after_mergers("2025-03-01", "2025")
    (True, False)
    """
    if len(date) == len(MERGERS_EFFECTIVE):
        return date >= MERGERS_EFFECTIVE
    return not year or year >= MERGERS_EFFECTIVE[:4]


def provinces_merged_into(new_name: str) -> list[str]:
    """The pre-2025 provinces that make up a province after the 2025 mergers (itself included when it kept its
    name); [] for a name that is not a province today.

    >>> provinces_merged_into("An Giang"), provinces_merged_into("Thành phố Hồ Chí Minh")
    (['An Giang', 'Kiên Giang'], ['Bà Rịa - Vũng Tàu', 'Bình Dương', 'Thành phố Hồ Chí Minh'])
    """
    key = re.sub(r"^(?:tỉnh|tinh)\s+", "", new_name.strip(), flags=re.I)
    new = key if key in set(_MERGED.values()) else province_key(key)  # "Huế" is a unit of its own
    return sorted(old for old, merged in _MERGED.items() if merged == new)


def provinces_covered_by(name: str) -> list[str]:
    """The pre-2025 provinces a province's name covers: a name that is a province since the 2025 mergers covers every
    old province merged into it, also when it was an old name too (Quảng Ngãi ⊃ Kon Tum); an old name that was
    merged away covers itself only; [] for a name that is not a province.

    >>> provinces_covered_by("Quảng Ngãi"), provinces_covered_by("vinh long")
    (['Kon Tum', 'Quảng Ngãi'], ['Bến Tre', 'Trà Vinh', 'Vĩnh Long'])
    >>> provinces_covered_by("Kon Tum"), provinces_covered_by("Nghệ An"), provinces_covered_by("Paris")
    (['Kon Tum'], ['Nghệ An'], [])
    """
    merged = provinces_merged_into(name)
    if merged:
        return merged
    old = canonical_province(re.sub(r"^(?:tỉnh|tinh|thành phố|thanh pho)\s+", "", name.strip(), flags=re.I))
    return [old] if old else []


# ------------------------------------------------------------------------------ districts, towns and wards
#: underthesea's table of administrative units (vietnamadminunits 1.0.4): the 63 provinces with their districts and
#: wards as they stood on 30 June 2025, and the 2025 mapping. Read as a file, lazily: importing
#: ``underthesea.address`` takes seconds, and most texts name their province without needing it.
ADMIN_TABLE = ("address", "data", "mapping.json")
#: Levels of a district-level unit (huyện, quận, thị xã, thành phố thuộc tỉnh) as the table writes them, folded.
DISTRICT_LEVELS = ("thanh pho", "thi xa", "huyen", "quan")
#: Levels of a ward-level unit (xã, phường, thị trấn), folded.
WARD_LEVELS = ("thi tran", "phuong", "xa")
#: A district-level cue before a name, in accented text ("huyện Mộc Châu", "TP. Vinh", "TX Ba Đồn"), lower case.
_DISTRICT_CUE = re.compile(r"(?<!\w)(?:huyện|quận|thị xã|thành phố|tp\.?|tx\.?)\s*$")
#: The same cue typed without accents ("huyen moc chau"); "quan" after "co" is "cơ quan", not "quận".
_DISTRICT_CUE_FOLDED = re.compile(r"(?<![a-z])(?:huyen|(?<!co )quan|thi xa|thanh pho|tp\.?|tx\.?)\s*$")
#: A ward-level cue ("xã Cư Pơng", "phường Bạch Đằng", "thị trấn Chợ Rã"); "thị xã" is a district-level cue.
_WARD_CUE = re.compile(r"(?<!\w)(?<!thị )(?:xã|phường|thị trấn)\s*$")
_WARD_CUE_FOLDED = re.compile(r"(?<![a-z])(?<!thi )(?:xa|phuong|thi tran)\s*$")
#: Words before a capitalised name that make it a street or a person, not a place ("đường Mộc Châu", "ông …").
_NOT_A_PLACE_BEFORE = re.compile(r"(?<![a-z])(?:duong|pho|ong|ba|anh|chi|dong chi)\s*$")
#: Abbreviated levels ("TP. Vinh", "TX. Ba Đồn"), folded → the level.
LEVEL_ABBREVIATIONS = {"tp": "thanh pho", "tx": "thi xa"}
#: Longest place name in syllables ("Phan Rang - Tháp Chàm" has four).
_MAX_PLACE_SYLLABLES = 5


@dataclass(frozen=True)
class PlaceMention:
    """A district, town or ward named in a text, and the province it lies in (a pre-2025 canonical name)."""

    province: str
    start: int  # offsets of the place's name (without its level word)
    end: int
    level: str  # "district" or "ward"
    cued: bool  # written with its level ("huyện Mộc Châu") rather than bare ("Mộc Châu")
    #: the table has a unit of that name at the level written; False when only another level of its tier has it ("xã
    #: Thạch Bàn" read as Hà Nội's "phường Thạch Bàn": an upgraded commune, or another province's commune the table
    #: no longer lists since an earlier merger)
    level_as_written: bool = True


#: Apostrophes inside a name of the Central Highlands, typed three ways ("Đưng K’Nớ", "Đắk R'lấp"; the table writes
#: "Đưng KNớ"): dropped wherever a place's name is compared.
APOSTROPHES = re.compile(r"['’ʼ]")
#: A word of a place name, apostrophes inside it kept ("k’no"), folded.
_PLACE_WORD = re.compile(r"[a-z0-9]+(?:" + APOSTROPHES.pattern + r"[a-z0-9]+)*")


def _place_key(name: str) -> str:
    return " ".join(APOSTROPHES.sub("", w) for w in _PLACE_WORD.findall(fold_accents(name)))


def _split_level(unit: str, levels: tuple[str, ...]) -> tuple[str, str]:
    """A unit's level and name, folded ("Thị Xã Việt Yên" → ("thi xa", "viet yen")); level "" when it has none."""
    key = _place_key(unit)
    for level in levels:
        if key.startswith(level + " "):
            return level, key[len(level) + 1:]
    return "", key


#: Prefix of a province's name in underthesea's table ("Tỉnh Bắc Ninh", "Thành phố Hà Nội"), dropped before lookup.
_TABLE_PROVINCE_PREFIX = re.compile(r"^(?:Tỉnh|Thành phố)\s+")


def _table_province(name: str) -> str | None:
    """The canonical province of a province's name as the table writes it ("Tỉnh Kiên Giang" → "Kiên Giang")."""
    return canonical_province(_TABLE_PROVINCE_PREFIX.sub("", name))


def _admin_rows() -> list[dict]:
    spec = importlib.util.find_spec("underthesea")  # the package's folder, without importing it
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(next(iter(spec.submodule_search_locations)), *ADMIN_TABLE)
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("ward_mapping", [])
    except (OSError, ValueError):
        return []  # no table: places are not read, provinces still are


@dataclass(frozen=True)
class AdminPlaces:
    """Folded names of units below a province → the provinces having a unit of that name."""

    districts: dict[str, frozenset[str]]  # district-level units, any level ("moc chau")
    wards: dict[str, frozenset[str]]  # ward-level units, any level ("tan ky")
    by_level: dict[tuple[str, str], frozenset[str]]  # (folded level, name): ("xa", "tan ky"), ("thi tran", "tan ky")

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.districts) | frozenset(self.wards)


@lru_cache(maxsize=1)
def admin_places() -> AdminPlaces:
    """The districts, towns and wards of underthesea's table (read once, on first use).

    >>> places = admin_places()
    >>> sorted(places.districts["moc chau"]), len(places.districts["chau thanh"]) > 1, sorted(places.wards["cu pong"])
    (['Sơn La'], True, ['Đắk Lắk'])
    >>> sorted(places.by_level["xa", "tan ky"]), sorted(places.by_level["thi tran", "tan ky"])
    (['Hải Dương'], ['Nghệ An'])
    """
    tiers: dict[str, dict[str, set[str]]] = {"district": {}, "ward": {}}
    by_level: dict[tuple[str, str], set[str]] = {}
    for row in _admin_rows():
        province = _table_province(row.get("old_province", ""))
        if not province:
            continue
        for tier, unit, levels in (("district", row.get("old_district", ""), DISTRICT_LEVELS),
                                   ("ward", row.get("old_ward", ""), WARD_LEVELS)):
            level, name = _split_level(unit, levels)
            if name and not name.isdigit():  # "Quận 1" names nothing without its city
                tiers[tier].setdefault(name, set()).add(province)
                by_level.setdefault((level, name), set()).add(province)

    _add_new_wards(tiers, by_level)

    def frozen(table: dict) -> dict:
        return {k: frozenset(v) for k, v in table.items()}

    return AdminPlaces(frozen(tiers["district"]), frozen(tiers["ward"]), frozen(by_level))


def _add_new_wards(tiers: dict[str, dict[str, set[str]]], by_level: dict[tuple[str, str], set[str]]) -> None:
    """The communes and wards of the 2025 map whose name no unit had before (named at the mergers), each with the
    province it belongs to since then: only a text written after the mergers names it, and that text is of the new
    province ("phường Chánh Hiệp" of Thành phố Hồ Chí Minh, though its wards were Bình Dương's). A name the old map
    already has keeps its old provinces (a new name never makes an old one ambiguous)."""
    new: dict[tuple[str, str], set[str]] = {}
    for row in _admin_rows():
        province = _table_province(row.get("new_province", ""))
        level, name = _split_level(row.get("new_ward", ""), WARD_LEVELS)
        if province and name and not name.isdigit() and name not in tiers["ward"] and name not in tiers["district"]:
            new.setdefault((level, name), set()).add(province)
    for (level, name), provinces in new.items():
        tiers["ward"].setdefault(name, set()).update(provinces)
        by_level.setdefault((level, name), set()).update(provinces)


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    return admin_places().names


def province_of_place(name: str) -> str | None:
    """The province of a district-level place written alone ("Vinh", "Đồng Xoài", the place of a place-and-date
    line), or None when no district, town or city of one province only has that name.

    >>> province_of_place("Vinh"), province_of_place("Phan Rang - Tháp Chàm"), province_of_place("Châu Thành")
    ('Nghệ An', 'Ninh Thuận', None)
    """
    provinces = admin_places().districts.get(_split_level(name, DISTRICT_LEVELS)[1], frozenset())
    return next(iter(provinces)) if len(provinces) == 1 else None


def _tokens(folded: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PLACE_WORD.finditer(folded)]


@lru_cache(maxsize=1)
def _place_prefixes() -> frozenset[str]:
    """Every place name and each run of its leading words ("phan", "phan rang", …): a scan stops at the first run
    that begins no name."""
    out: set[str] = set()
    for name in _place_names():
        words = name.split()
        out.update(" ".join(words[:k]) for k in range(1, len(words) + 1))
    return frozenset(out)


def _joinable(gap: str) -> bool:
    """The words of a name are separated by spaces, a line break or one dash ("Phan Rang - Tháp Chàm")."""
    return len(gap) <= 3 and not gap.strip(" \t\n-–") and gap.count("-") + gap.count("–") <= 1


def _longest_place(folded: str, tokens: list[tuple[int, int]], i: int) -> int:
    """Number of tokens from ``i`` that form the longest place name (0 when none)."""
    names, prefixes = _place_names(), _place_prefixes()
    key, best = "", 0
    for n in range(min(_MAX_PLACE_SYLLABLES, len(tokens) - i)):
        s, e = tokens[i + n]
        if n and not _joinable(folded[tokens[i + n - 1][1]: s]):
            break
        word = APOSTROPHES.sub("", folded[s:e])
        key = f"{key} {word}" if n else word
        if key not in prefixes:
            break
        if key in names:
            best = n + 1
    return best


def _outside(tokens: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The tokens that start outside every span (both sorted by offset)."""
    out, k = [], 0
    for token in tokens:
        while k < len(spans) and spans[k][1] <= token[0]:
            k += 1
        if not (k < len(spans) and spans[k][0] <= token[0]):
            out.append(token)
    return out


#: A line break between a level word and a name: a cleaned text holds one paragraph per line, so the paragraph ended
#: and the word is not the name's level.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*$")


def _cue(text: str, folded: str, start: int, accented: bool) -> tuple[str, str]:
    """The tier ("district", "ward" or "") and the folded level ("huyen", "xa"…) of the level word written just
    before a name, in the same paragraph (a line ending "xã, thị trấn" above a paragraph opening "Từ ngày" names no
    "thị trấn Từ").

    >>> _cue("xã, thị trấn\\nTừ ngày", "xa, thi tran\\ntu ngay", 13, True), _cue("huyện Mộc Châu", "", 6, True)
    (('', ''), ('district', 'huyen'))
    """
    if _PARAGRAPH_BREAK.search(text[max(0, start - 12): start]):
        return "", ""
    if accented:
        before = text[max(0, start - 12): start].lower()
        district, ward = _DISTRICT_CUE.search(before), _WARD_CUE.search(before)
    else:
        before = folded[max(0, start - 12): start]
        district, ward = _DISTRICT_CUE_FOLDED.search(before), _WARD_CUE_FOLDED.search(before)
    found = district or ward
    if not found:
        return "", ""
    level = fold_accents(found.group()).strip().rstrip(".")
    return ("district" if district else "ward"), LEVEL_ABBREVIATIONS.get(level, level)


def _part_of_longer_name(text: str, start: int, end: int) -> bool:
    """A capitalised name that runs on into another capitalised word ("Nguyễn Văn Lâm", "Mộc Châu Milk")."""
    before = re.search(r"(\w+)\s+$", text[max(0, start - 30): start])
    after = re.match(r"\s+(\w+)", text[end: end + 30])
    return bool(before and before.group(1)[:1].isupper() or after and after.group(1)[:1].isupper())


#: Combining marks of the five tones (grave, acute, tilde, hook, dot below): where a tone sits in a syllable ("Hoà" or
#: "Hòa") differs between spellings; which tone it is never does.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def spelling_key(name: str) -> tuple[tuple[str, str], ...]:
    """A name's spelling with its tones, wherever a tone mark sits: each syllable's letters (with their shape marks:
    ă, â, ê, ô, ơ, ư, đ) and its tone. Names a folded key joins keep apart here ("Thạch Đỉnh" and "Thạch Định").

    >>> spelling_key("Hoà Bình") == spelling_key("Hòa Bình"), spelling_key("Thạch Đỉnh") == spelling_key("Thạch Định")
    (True, False)
    >>> spelling_key("Đưng K’Nớ") == spelling_key("Đưng KNớ")
    True
    """
    out = []
    for word in re.findall(r"[^\W\d_]+", APOSTROPHES.sub("", name.lower())):  # "K’Nớ" is written "KNớ" too
        marks = unicodedata.normalize("NFD", word)
        tone = "".join(c for c in marks if c in _TONE_MARKS)
        out.append((unicodedata.normalize("NFC", "".join(c for c in marks if c not in _TONE_MARKS)), tone))
    return tuple(out)


@lru_cache(maxsize=1)
def _place_spellings() -> dict[tuple[str, str], frozenset[tuple[tuple[str, str], ...]]]:
    """(folded name, province) → the spellings underthesea's table gives that district, town or ward."""
    out: dict[tuple[str, str], set] = {}
    for row in _admin_rows():
        province = _table_province(row.get("old_province", ""))
        for unit, levels in ((row.get("old_district", ""), DISTRICT_LEVELS), (row.get("old_ward", ""), WARD_LEVELS)):
            level, name = _split_level(unit, levels)
            if province and name:
                written = " ".join(unit.split()[len(level.split()):])  # the name without its level's words
                out.setdefault((name, province), set()).add(spelling_key(written))
    return {k: frozenset(v) for k, v in out.items()}


def spelt_as_in_table(written: str, key: str, province: str) -> bool:
    """True unless a name written with its accents is spelt, in that province, with other tones than the text's: an
    accented "xã Thạch Đỉnh" is not Thanh Hóa's "xã Thạch Định" (a folded key joins them). A name written without
    accents, or one the table does not spell, is not judged; a syllable left without its tone agrees (see below).

    >>> spelt_as_in_table("Mộc Châu", "moc chau", "Sơn La"), spelt_as_in_table("Moc Chau", "moc chau", "Sơn La")
    (True, True)
    >>> spelt_as_in_table("Mốc Châu", "moc chau", "Sơn La")
    False
    """
    spellings = _place_spellings().get((key, province))
    if not spellings or not has_diacritics(written):
        return True
    mine = spelling_key(written)
    return any(len(theirs) == len(mine) and all(map(_same_syllable, mine, theirs)) for theirs in spellings)


def _same_syllable(mine: tuple[str, str], theirs: tuple[str, str]) -> bool:
    """Two spellings of a syllable agree unless both mark it and the marks differ: "Đăk" and "Đắk" are spellings of one
    name (a tone left out), "Đỉnh" and "Định" are two names.

    >>> _same_syllable(("đăk", ""), ("đăk", "\u0301")), _same_syllable(("đinh", "\u0309"), ("đinh", "\u0323"))
    (True, False)
    """
    (letters, tone), (other_letters, other_tone) = mine, theirs
    same_letters = letters == other_letters or fold_accents(letters) in (letters, other_letters)
    return same_letters and (not tone or not other_tone or tone == other_tone)


def _bare_place(text: str, folded: str, start: int, end: int, key: str, judge_spelling: bool = True) -> str | None:
    """The province of a district-level name written without its level, when it can only be that place: one province
    has a district, town or ward of that name, it is not a province's name, it has two syllables or more, and it is
    written as a name (capitalised, not inside a heading in capitals nor a longer name, not a street or a person)."""
    places = admin_places()
    provinces = places.districts.get(key, frozenset()) | places.wards.get(key, frozenset())
    written = text[start:end]
    if (len(provinces) != 1 or judge_spelling and not spelt_as_in_table(written, key, next(iter(provinces)))
            or key not in places.districts or key.replace(" ", "") in folded_provinces()
            or " " not in key or not _capitalised(written) or written.isupper()
            or _part_of_longer_name(text, start, end)
            or _NOT_A_PLACE_BEFORE.search(folded[max(0, start - 10): start])):
        return None
    return next(iter(provinces))


def place_mentions(text: str, *, query: bool = False,
                   provinces: list[tuple[str, int, int]] | None = None) -> list[PlaceMention]:
    """Districts, towns and wards named in a text, each with its province, where the name decides the province.

    A name written with its level ("huyện Mộc Châu", "UBND HUYỆN TÂN HIỆP", "xã Cư Pơng", "thi xa ba don") counts when
    one province only has a unit of that level and name; a bare name ("Na Rì, Chợ Đồn") counts only when one
    province only has any unit of that name, and it is written as a name. Names shared by several provinces
    ("huyện Châu Thành") never decide. A document writes names capitalised; a question (``query``) may not.
    ``provinces``: the text's :func:`province_mentions` when the caller has them (they are not read as places).

    >>> [(m.province, m.cued) for m in place_mentions("Đoàn làm việc tại huyện Mộc Châu; các huyện Na Rì, Chợ Đồn")]
    [('Sơn La', True), ('Bắc Kạn', True), ('Bắc Kạn', False)]
    >>> place_mentions("UBND huyện Châu Thành; đồng chí Nguyễn Văn Lâm")
    []
    >>> [m.province for m in place_mentions("huyen moc chau", query=True)]
    ['Sơn La']
    """
    folded = fold_accents(text)
    if len(folded) != len(text):
        return []
    accented = folded != text.lower()  # has_diacritics, without folding the text again
    if provinces is None:
        provinces = province_mentions(text, query=query)
    # a province's name is not read again as a place ("Bà Rịa - Vũng Tàu" is the province, not the city of Bà Rịa)
    tokens = _outside(_tokens(folded), sorted((s, e) for _, s, e in provinces))
    found: list[PlaceMention] = []
    i = 0
    while i < len(tokens):
        # a document capitalises a place's name ("huyện miền núi" is none); a question may not
        n = _longest_place(folded, tokens, i) if query or text[tokens[i][0]].isupper() else 0
        if not n:
            i += 1
            continue
        start, end = tokens[i][0], tokens[i + n - 1][1]
        key = " ".join(APOSTROPHES.sub("", folded[s:e]) for s, e in tokens[i: i + n])
        mention = _mention(text, folded, start, end, key, accented and not query)  # a user's tones are not judged
        if mention:
            found.append(mention)
        i += n if mention else 1  # a name read as none may start inside another ("xã Đưng K’Nớ")
    return found


def _mention(text: str, folded: str, start: int, end: int, key: str, accented: bool) -> PlaceMention | None:
    tier, level = _cue(text, folded, start, accented)
    if tier:
        places = admin_places()
        # the level as written first ("xã Tân Kỳ" is not "thị trấn Tân Kỳ"), then any of its tier ("huyện Việt Yên"
        # of 2018 is "thị xã Việt Yên" in the table)
        as_written = places.by_level.get((level, key))
        provinces = as_written or (places.districts if tier == "district" else places.wards).get(key, frozenset())
        if len(provinces) != 1 or accented and not spelt_as_in_table(text[start:end], key, next(iter(provinces))):
            return None
        return PlaceMention(next(iter(provinces)), start, end, tier, True, bool(as_written))
    province = _bare_place(text, folded, start, end, key, judge_spelling=accented)
    return PlaceMention(province, start, end, "district", False) if province else None


@lru_cache(maxsize=1)
def ward_provinces() -> dict[str, frozenset[str]]:
    """Folded name of a commune, ward or town → every province that has one of that name, at any of the three levels
    (communes become wards and towns, so "xã", "phường" and "thị trấn" of one name are one name to a reader): on the
    map of 30 June 2025, and among the units the 2025 mergers made, where a new unit is another place when none of
    the units merged into it had its name. The table lacks units merged away before 2025 (Nha Trang's "phường Phương
    Sơn"), so even a name it gives one province only may be another's.

    >>> sorted(ward_provinces()["phuong son"]), sorted(ward_provinces()["cu pong"])
    (['Bắc Giang', 'Hà Nội'], ['Đắk Lắk'])
    """
    out = {name: set(provinces) for name, provinces in admin_places().wards.items()}
    merged_from: dict[tuple[str, str], set[str]] = {}
    for row in _admin_rows():
        province = _table_province(row.get("new_province", ""))
        name = _split_level(row.get("new_ward", ""), WARD_LEVELS)[1]
        if province and name:
            merged_from.setdefault((province, name), set()).update(
                (_split_level(row.get("old_ward", ""), WARD_LEVELS)[1],
                 _split_level(row.get("old_district", ""), DISTRICT_LEVELS)[1]))
    for (province, name), old_names in merged_from.items():
        if name in out and name not in old_names:  # a new unit named after none of its parts: another place
            out[name].add(province)
    return {name: frozenset(provinces) for name, provinces in out.items()}


def settled_provinces(text: str, named: list[str], mentions: list[PlaceMention]) -> list[str]:
    """The province each of ``mentions`` (districts, towns and wards read in ``text``) decides, "" where it decides
    none: the national-ambiguity rule, for questions and documents alike.

    A district decides as :func:`place_mentions` reads it (its level and name, or a bare name no other place has).
    A commune, ward or town decides only when the name is one province's nationally (:func:`ward_provinces`), or
    when another name of the text settles it: a province ``named`` (or covering it since the mergers: "Hải Phòng"
    covers Hải Dương) or a district read, among the provinces having such a ward; else, when the text names two
    wards or more, the one province having all of them ("phường Nam Hồng … phường Đức Thuận": Hà Tĩnh). A ward's
    name shared by several provinces, with nothing to settle it, gives no province: a wrong place leaves the right
    document out.

    >>> text = "UBND huyện Tứ Kỳ kiểm tra tại xã Tân Kỳ; xã Cư Pơng"
    >>> settled_provinces(text, [], place_mentions(text))
    ['Hải Dương', 'Hải Dương', 'Đắk Lắk']
    >>> settled_provinces("Kiểm tra tại xã Tân Kỳ", [], place_mentions("Kiểm tra tại xã Tân Kỳ"))
    ['']
    """
    wards = ward_provinces() if any(m.level == "ward" for m in mentions) else {}  # the table read for a ward only
    keys = [_place_key(text[m.start:m.end]) for m in mentions]
    candidates = [wards.get(key, frozenset({m.province})) if m.level == "ward" else frozenset({m.province})
                  for m, key in zip(mentions, keys)]
    decided = [next(iter(c)) for c in candidates if len(c) == 1]
    covered = {old for name in [*named, *decided] for old in provinces_covered_by(name) or [name]}
    shared = {key: c for key, c in zip(keys, candidates) if len(c) > 1}
    common = frozenset.intersection(*shared.values()) if len(shared) > 1 else frozenset()  # two names or more
    out = []
    for c in candidates:
        settled = c if len(c) == 1 else c & covered or common
        out.append(next(iter(settled)) if len(settled) == 1 else "")
    return out


def scope_of_places(text: str, named: list[str], mentions: list[PlaceMention] | None = None) -> list[str]:
    """The provinces a question's districts, towns and wards scope it to, beyond the provinces it ``named``, each
    once, as :func:`settled_provinces` decides them.

    >>> scope_of_places("phuong Phuong Son 6 thang dau nam 2020 tong thu ngan sach", [])
    []
    >>> scope_of_places("UBND phường Phương Sơn (Nha Trang) báo cáo số mấy?", [])
    ['Khánh Hòa']
    >>> scope_of_places("Hải Phòng: kiểm tra tại xã Tân Kỳ ngày nào?", ["Hải Phòng"])
    ['Hải Dương']
    >>> scope_of_places("Kế hoạch của xã Cư Pơng", []), scope_of_places("huyện Mộc Châu kiểm tra khi nào", [])
    (['Đắk Lắk'], ['Sơn La'])
    >>> scope_of_places("Đoàn làm việc tại phường Nam Hồng và phường Đức Thuận", [])
    ['Hà Tĩnh']
    """
    if mentions is None:
        mentions = place_mentions(text, query=True)
    out: list[str] = []
    for province in settled_provinces(text, named, mentions):
        if province and province not in out:
            out.append(province)
    return out


#: National bodies (a ministry, the Government Office, the National Assembly's bodies, the courts and procuracy at the
#: top) by the code they sign their numbers with → their name. They sit in Hà Nội, and their place-and-date line says
#: so ("Hà Nội, ngày …"), but a central body has no province: its documents are for the country (a ministry's office in
#: a province's legal database may even print that province there). The codes are the ones Nghị định 30/2020/NĐ-CP
#: (Phụ lục VI) and the bodies' own documents use.
CENTRAL_BODIES = {
    "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "VPCP": "Văn phòng Chính phủ", "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội", "VPQH": "Văn phòng Quốc hội", "VPCTN": "Văn phòng Chủ tịch nước",
    "TTCP": "Thanh tra Chính phủ", "KTNN": "Kiểm toán nhà nước", "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "UBDT": "Ủy ban Dân tộc", "BHXH": "Bảo hiểm xã hội Việt Nam", "TANDTC": "Tòa án nhân dân tối cao",
    "VKSTC": "Viện kiểm sát nhân dân tối cao", "BNV": "Bộ Nội vụ", "BTC": "Bộ Tài chính",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư", "BTP": "Bộ Tư pháp", "BCA": "Bộ Công an", "BQP": "Bộ Quốc phòng",
    "BNG": "Bộ Ngoại giao", "BGDĐT": "Bộ Giáo dục và Đào tạo", "BYT": "Bộ Y tế", "BCT": "Bộ Công Thương",
    "BXD": "Bộ Xây dựng", "BGTVT": "Bộ Giao thông vận tải", "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn", "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch", "BTTTT": "Bộ Thông tin và Truyền thông",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "CCTTHC": "Tổ công tác chuyên trách cải cách thủ tục hành chính của Thủ tướng Chính phủ",
}
#: A header line naming a national body in capitals ("BỘ NỘI VỤ", "THANH TRA CHÍNH PHỦ", "VĂN PHÒNG QUỐC HỘI", "BAN
#: CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH CỦA CHÍNH PHỦ", a task force "… CỦA THỦ TƯỚNG CHÍNH PHỦ"); "BẢO HIỂM XÃ HỘI" and "THANH
#: TRA" alone are also provincial bodies.
CENTRAL_BODY_LINE = re.compile(
    r"^(?:BỘ\s|CHÍNH PHỦ|QUỐC HỘI|THỦ TƯỚNG|VĂN PHÒNG (?:CHÍNH PHỦ|QUỐC HỘI|CHỦ TỊCH NƯỚC)|ỦY BAN THƯỜNG VỤ QUỐC HỘI|"
    r"THANH TRA CHÍNH PHỦ|KIỂM TOÁN NHÀ NƯỚC|NGÂN HÀNG NHÀ NƯỚC|ỦY BAN DÂN TỘC|BẢO HIỂM XÃ HỘI VIỆT NAM|"
    r"TÒA ÁN NHÂN DÂN TỐI CAO|VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO)|CỦA (?:THỦ TƯỚNG )?CHÍNH PHỦ$",
    re.IGNORECASE,
)


def central_issuer(code: str) -> str:
    """The national body a number's code names, as issuer ("NĐ-CP", "QH15") or as a công văn's sender ("VPCP-KSTT",
    "BNV-CCHC"); "" for a local one ("KH-UBND", "SNV-CCHC").

    >>> central_issuer("VPCP-KSTT"), central_issuer("2021/NĐ-CP"), central_issuer("QĐ-BNV"), central_issuer("QH15")
    ('Văn phòng Chính phủ', 'Chính phủ', 'Bộ Nội vụ', 'Quốc hội')
    >>> central_issuer("VBHN-VPQH"), central_issuer("KH-UBND"), central_issuer("UBND-VX"), central_issuer("KH-BCĐ")
    ('Văn phòng Quốc hội', '', '', '')
    """
    parts = [re.sub(r"\d+$", "", p) for p in re.split(r"[-/]", code) if p and not p.isdigit()]
    for part in (parts[-1:] + parts[:1]) if parts else []:
        if part in CENTRAL_BODIES:
            return CENTRAL_BODIES[part]
    return ""


def is_central_body(line: str) -> bool:
    """True for a header line naming a national body.

    >>> is_central_body("THANH TRA CHÍNH PHỦ"), is_central_body("BỘ NỘI VỤ"), is_central_body("THANH TRA TỈNH")
    (True, True, False)
    """
    return bool(CENTRAL_BODY_LINE.search(line))
