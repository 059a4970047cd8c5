"""Document metadata read from the text itself (file names of real uploads are arbitrary)."""

from __future__ import annotations

import re
from collections import Counter

from index.model import METADATA_KEYS
from ingest.structure import Block
from textnorm import fold_accents, fold_for_match
from textnorm.gazetteer import PROVINCES, canonical_province, folded_provinces

_NUMBER = re.compile(r"\bSố\s*:\s*([0-9]*)\s*/\s*([A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*(?:/[A-ZĐ0-9-]+)?)")
_PLACE_DATE = re.compile(
    r"^([A-ZĐÀ-Ỹ][\wÀ-ỹ\s.-]{1,40}?),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})", re.IGNORECASE
)
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_DOC_TYPES = {
    "KẾ HOẠCH": "Kế hoạch", "QUYẾT ĐỊNH": "Quyết định", "CÔNG VĂN": "Công văn", "BÁO CÁO": "Báo cáo",
    "THÔNG BÁO": "Thông báo", "CHỈ THỊ": "Chỉ thị", "NGHỊ QUYẾT": "Nghị quyết", "TỜ TRÌNH": "Tờ trình",
    "HƯỚNG DẪN": "Hướng dẫn", "CHƯƠNG TRÌNH": "Chương trình", "ĐỀ ÁN": "Đề án", "THÔNG TƯ": "Thông tư",
}
_TYPE_CODES = {
    "KH": "Kế hoạch", "QĐ": "Quyết định", "BC": "Báo cáo", "TB": "Thông báo", "CT": "Chỉ thị",
    "NQ": "Nghị quyết", "TTr": "Tờ trình", "HD": "Hướng dẫn", "CTr": "Chương trình", "TT": "Thông tư",
}
_AGENCY = re.compile(r"^(ỦY BAN NHÂN DÂN|UBND|SỞ [A-ZĐÀ-Ỹ ]+|VĂN PHÒNG [A-ZĐÀ-Ỹ ]+|BỘ [A-ZĐÀ-Ỹ ]+)(.*)$")
_NAME = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?: [A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4}$")
_SOURCE_LINE = re.compile(r"^Theo\s+(.{3,60})$")
_CITIES = ("Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Thành phố Hồ Chí Minh")


def _find_provinces(text: str) -> Counter:
    """Votes for each province named in the text; "tỉnh X"/"thành phố X" and glued forms ("QuangBinh") weigh more."""
    votes: Counter = Counter()
    folded = fold_accents(text)
    for name in PROVINCES:
        key = fold_accents(name)
        for m in re.finditer(r"(?<![a-z])" + re.escape(key) + r"(?![a-z])", folded):
            before = folded[max(0, m.start() - 12) : m.start()]
            votes[name] += 3 if re.search(r"(tinh|thanh pho|tp\.?)\s*$", before) else 1
    for token in re.findall(r"[A-Za-zÀ-ỹĐđ]{6,}", text):
        province = folded_provinces().get(fold_for_match(token))
        if province and " " in province:
            votes[province] += 2  # "QuangBinh Portal"
    return votes


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:].lower() if text.isupper() else text


def extract_metadata(blocks: list[Block], text: str) -> dict:
    """Read số hiệu, loại văn bản, cơ quan ban hành, tỉnh, ngày ban hành, năm, tiêu đề and người ký.

    Args:
        blocks: the document's blocks (front matter first).
        text: the cleaned text.

    Returns:
        A dict with every key of :data:`index.model.METADATA_KEYS`; "" where the text does not say.

    >>> from ingest.clean import clean_lines
    >>> from ingest.structure import parse_structure
    >>> src = ("Số: 36/KH-UBND\\n\\nKiên Giang, ngày 28 tháng 02 năm 2021\\n\\n"
    ...        "KẾ HOẠCH\\nKiểm tra công tác CCHC năm 2021")
    >>> md = extract_metadata(parse_structure(clean_lines(src)), src)
    >>> md["so_hieu"], md["tinh"], md["ngay_ban_hanh"], md["loai_van_ban"]
    ('36/KH-UBND', 'Kiên Giang', '2021-02-28', 'Kế hoạch')
    """
    md = {k: "" for k in METADATA_KEYS}
    front = [b.text for b in blocks if b.kind == "front"]
    head_text = "\n".join(front) or text[:1500]

    m = _NUMBER.search(head_text) or _NUMBER.search(text[:800])
    code = ""
    if m:
        code = m.group(2)
        md["so_hieu"] = f"{m.group(1)}/{code}" if m.group(1) else ""

    for line in front:
        place_date = _PLACE_DATE.match(line)
        if place_date:
            province = canonical_province(place_date.group(1))
            if province:
                md["tinh"] = place_date.group(1).strip()
            day, month, year = place_date.group(2), place_date.group(3), place_date.group(4)
            md["ngay_ban_hanh"] = f"{year}-{int(month):02d}-{int(day):02d}" if day and month else year
            md["nam"] = year
            break

    title_lines: list[str] = []
    for idx, line in enumerate(front):
        upper = line.upper()
        for marker, name in _DOC_TYPES.items():
            if upper == marker or upper.startswith(marker + " "):
                md["loai_van_ban"] = name
                rest = line[len(marker):].strip()
                title_lines = [rest] if rest else []
                for following in front[idx + 1 :]:
                    if _PLACE_DATE.match(following) or following.startswith("Số"):
                        break
                    title_lines.append(following)
                break
        if md["loai_van_ban"]:
            break
    if not md["loai_van_ban"] and code:
        md["loai_van_ban"] = _TYPE_CODES.get(code.split("-")[0], "")
    if not title_lines:
        candidates = [
            line for line in front
            if not _PLACE_DATE.match(line) and not line.startswith("Số") and not _AGENCY.match(line)
            and "CỘNG HÒA" not in line.upper() and "Độc lập" not in line
        ]
        title_lines = [max(candidates, key=len)] if candidates else []
    body_blocks = [b.text for b in blocks if b.kind != "front"]
    if not title_lines and body_blocks:
        title_lines = [body_blocks[0]]
    md["tieu_de"] = _sentence_case(" ".join(title_lines).strip())[:300]

    is_news = not md["so_hieu"] and not md["loai_van_ban"]
    if is_news:
        md["loai_van_ban"] = "Tin bài"

    votes = _find_provinces(text)
    if not md["tinh"] and votes:
        md["tinh"] = votes.most_common(1)[0][0]
    if not md["nam"]:
        years = Counter(_YEAR.findall(md["tieu_de"])) or Counter(_YEAR.findall(text))
        if years:
            md["nam"] = years.most_common(1)[0][0]

    agency = next((line for line in front if _AGENCY.match(line)), "")
    if is_news:
        source = next((m.group(1).strip() for b in reversed(body_blocks) if (m := _SOURCE_LINE.match(b))), "")
        md["co_quan"] = source
    elif (agency.startswith(("ỦY BAN NHÂN DÂN", "UBND")) or (not agency and code.endswith("UBND"))) and md["tinh"]:
        unit = "thành phố" if md["tinh"] in _CITIES else "tỉnh"
        md["co_quan"] = f"Ủy ban nhân dân {unit} {md['tinh']}"
    elif agency:
        md["co_quan"] = _sentence_case(agency)

    closing = [b.text for b in blocks if b.kind == "closing"]
    names = [line for line in closing if _NAME.match(line)]
    md["nguoi_ky"] = names[-1] if names else ""
    return md


__all__ = ["extract_metadata"]
