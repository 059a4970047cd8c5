"""Front matter and end matter of a Vietnamese official document, line by line.

A document opens with the issuing body, the national motto, "Số: …", the place-and-date line, the type word
(KẾ HOẠCH, QUYẾT ĐỊNH…) and the title (trích yếu), then the legal bases ("Căn cứ …"); it ends with "Nơi nhận" and the
signature block (TM./KT. …, chức vụ, name). This module recognises those lines and cuts them into *units*: spans of a
block's text, each with a role, so they become quotable passages and the sources of the metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.model import OPENING_SECTION
from textnorm import fold_accents, has_diacritics
from textnorm.cues import ANCHOR_ROLES, MATTER_ROLES, YEAR
from textnorm.kinds import DocumentKind
from textnorm.letters import CAPITALISED_WORD, NOT_SMALL_LETTER, UPPER_LETTER
from textnorm.lines import is_list_line, is_upper_line
from textnorm.patterns import (
    ADDRESSEE,
    BARE_NUMBER,
    BASIS,
    BLANK_FIELD,
    FOLDED_PLACE_DATE,
    MOTTO_PHRASES,
    NUMBER,
    NUMBER_LABEL,
    PLACE_DATE,
    SECTION_START,
    TITLE_YEARS_LINE,
    capitalised_place_start,
    fuzzy_phrase_span,
)

#: The national motto, matched on letters only so that flattened or OCR'd forms ("CỘNG HÒA XàHỘI") still count.
MOTTO_KEYS = ("conghoaxahoi", "chunghiavietnam", "doclaptudohanhphuc")
_MOTTO_SPAN = re.compile(
    r"C[ỘO]NG\s*H[ÒOÀ]A.*?(?:NAM|Nam)(?:\s*Độc\s+lập\W+Tự\s+do\W+Hạnh\s+phúc)?|Độc\s+lập\W+Tự\s+do\W+Hạnh\s+phúc",
    re.IGNORECASE,
)
#: OCR'd mottos are looked for in this many first characters of a line only (a header line opens with the body's
#: name and the motto; the fuzzy match is slower than the exact one and body sentences need not pay it).
MOTTO_FUZZY_ZONE = 400
#: A piece of a header line that is no anchor (body name, tail) is header text only up to this length; longer text
#: after a flattened header is the document's body and must stay in its passages.
HEADER_PIECE_MAX_CHARS = 120
#: The motto alone on a line is at least this share of its letters; a sentence that names the country ("… Quốc hội
#: nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV thông qua …") is no header.
MOTTO_LINE_SHARE = 0.5
#: Kinds a document's header names by its type word, in capitals ("KẾ HOẠCH", "QUYẾT ĐỊNH"); the longer of two that
#: start alike first ("THÔNG TƯ LIÊN TỊCH" before "THÔNG TƯ").
HEADER_TYPE_KINDS = (
    DocumentKind.PLAN, DocumentKind.DECISION, DocumentKind.DIRECTIVE, DocumentKind.PROGRAMME, DocumentKind.LETTER,
    DocumentKind.NOTICE, DocumentKind.REPORT, DocumentKind.REGULATION, DocumentKind.RULES, DocumentKind.SCHEME,
    DocumentKind.RESOLUTION, DocumentKind.SUBMISSION, DocumentKind.GUIDANCE, DocumentKind.CODE, DocumentKind.LAW,
    DocumentKind.DECREE, DocumentKind.JOINT_CIRCULAR, DocumentKind.CIRCULAR, DocumentKind.CONSTITUTION,
    DocumentKind.ORDINANCE, DocumentKind.DISPATCH, DocumentKind.CONTINGENCY,
)
#: Type words of the documents this assistant reads, in capitals as the header writes them → loại văn bản.
DOC_TYPES = {kind.upper(): kind for kind in HEADER_TYPE_KINDS}
#: The trích yếu of a công văn, written under its number instead of a type word ("V/v triển khai kiểm tra …").
SUBJECT_LINE = re.compile(r"^[Vv]/[Vv]\b\s*:?\s*(?=\S)")
#: Types whose title is a name, written in a line of its own in mixed case when pasted ("Luật Viên chức").
NAMED_TYPES = ("LUẬT", "BỘ LUẬT", "PHÁP LỆNH")
#: The name after such a type word: capitalised, no digits, no sentence end ("Luật này quy định …" is a sentence);
#: it may close with the law's year, as laws are cited ("Luật Cán bộ, công chức năm 2025", "Luật Đất đai 2024").
NAMED_TITLE = re.compile("^" + UPPER_LETTER + r"[^\d.;:]*?(?:\s+(?:năm\s+)?(?P<year>" + YEAR + r"))?$")
#: A legal portal's page of one part of a law is headed by the part and the law's name ("Chương 7 Luật Cán bộ, công
#: chức năm 2025", "Điều 5 Luật Đất đai 2024"): the law pasted without its header names itself there.
LAW_PART_PREFIX = re.compile(
    r"^(?:Chương|Mục|Phần|Điều)\s+(?:\d{1,3}|[IVXLC]{1,6})[a-z]?\.?\s+(?=(?:Bộ luật|Luật|Pháp lệnh)\s)"
)
#: A form word before a document's type line, in capitals: a summary, a draft or an excerpt of the document ("TÓM
#: TẮT ĐỀ ÁN", "DỰ THẢO NGHỊ ĐỊNH", "TRÍCH KẾ HOẠCH"): the type is the document's; the form word is no title.
FORM_PREFIX = re.compile(r"^(?:TÓM TẮT|DỰ THẢO|TRÍCH(?: LỤC)?)\s+")
#: Two units joined by "VÀ" ("TỈNH LONG AN VÀ TỈNH TÂY NINH"): what a title is about; a body or an authority line
#: names one unit.
_LEVELS = r"(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)"
JOINED_UNITS = re.compile(rf"^{_LEVELS}\s.+\sVÀ\s{_LEVELS}\s", re.IGNORECASE)
NAMED_TITLE_MAX = 100
#: Type words without diacritics ("KE HOACH"), same length as the accented ones.
_FOLDED_TYPES = {marker: fold_accents(marker).upper() for marker in DOC_TYPES}
#: Words that may follow a type word and still belong to it ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "KẾ HOẠCH LIÊN TỊCH").
TYPE_SUFFIXES = ("HÀNH ĐỘNG", "LIÊN TỊCH")
#: Posts written before the body they head in an authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X").
HEAD_POSTS = r"(?:CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TRƯỞNG BAN)"
#: National bodies whose name opens with no word of a local one ("THANH TRA CHÍNH PHỦ"; "THANH TRA TỈNH" is a
#: department, read as one under its committee); a national committee of any name ("ỦY BAN QUỐC GIA VỀ …").
NATIONAL_BODIES = (r"THANH TRA CHÍNH PHỦ|KIỂM TOÁN NHÀ NƯỚC|NGÂN HÀNG NHÀ NƯỚC|ỦY BAN DÂN TỘC|BẢO HIỂM XÃ HỘI VIỆT NAM|"
                   r"[UỦ][ỶY] BAN QUỐC GIA\s|TÒA ÁN NHÂN DÂN TỐI CAO|VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO")
#: Lines naming an issuing body or an authority ("ỦY BAN NHÂN DÂN TỈNH X", "BỘ TRƯỞNG BỘ NỘI VỤ"), or the unit of a
#: committee named on the line below it, down to a commune ("XÃ ĐƯNG K’NỚ"; "XÃ HỘI …" is a word), or a task force
#: that signs in its own name ("TỔ CÔNG TÁC CHUYÊN TRÁCH CẢI CÁCH THỦ TỤC HÀNH CHÍNH CỦA THỦ TƯỚNG CHÍNH PHỦ"), or a
#: council's standing board, also jointly with the committee and broken after its first words ("THƯỜNG TRỰC" /
#: "HĐND - UBND TỈNH X"); "HĐND" opens a header's line in capitals, a headline's in mixed case ("HĐND tỉnh thông qua
#: …" is no body's name). The head
#: of a board shares its word "BAN" with the board's name ("TRƯỞNG BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH CỦA CHÍNH PHỦ").
AGENCY = re.compile(
    r"^(?:" + HEAD_POSTS + r"\s+|TRƯỞNG\s+(?=BAN\s))?"
    r"(?:[UỦ][ỶY] BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|(?-i:HĐND(?=\s*[-–&]|\s+[A-ZĐ]))|"
    r"THƯỜNG TRỰC(?:\s+(?:HĐND|HỘI ĐỒNG NHÂN DÂN)\b|\s*$)|"
    r"BỘ\s|SỞ\s|VĂN PHÒNG(?:\s|$)|BAN CHỈ ĐẠO|CHÍNH PHỦ|QUỐC HỘI|"
    r"THỦ TƯỚNG|TỈNH\s|THÀNH PHỐ\s|HUYỆN\s|QUẬN\s|THỊ XÃ\s|XÃ\s(?!HỘI)|PHƯỜNG\s|THỊ TRẤN\s|ĐẶC KHU\s|CỤC\s|"
    r"TỔNG CỤC\s|TỔ CÔNG TÁC\s|" + NATIONAL_BODIES + ")",
    re.IGNORECASE,
)
#: AGENCY on a line typed or OCR'd without diacritics, folded ("UY BAN NHAN DAN", "TINH GIA LAI").
FOLDED_AGENCY = re.compile(
    r"^(?:(?:chu tich|bo truong|thu tuong|giam doc|truong ban)\s+)?(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd\b|"
    r"thuong truc\s+(?:hdnd|hoi dong nhan dan)\b|bo\s|"
    r"so\s|van phong(?:\s|$)|ban chi dao|chinh phu|quoc hoi|thu tuong|tinh\s|thanh pho\s|huyen\s|quan\s|thi xa\s|"
    r"xa\s(?!hoi)|phuong\s|thi tran\s|dac khu\s|cuc\s|tong cuc\s|to cong tac\s)"
)


def is_agency(text: str) -> bool:
    """True for a line that names an issuing body or an authority, also without diacritics.

    >>> is_agency("ỦY BAN NHÂN DÂN TỈNH HÀ NAM"), is_agency("UY BAN NHAN DAN"), is_agency("Uy ban co trach nhiem")
    (True, True, False)
    """
    if AGENCY.match(text):
        return True
    return not has_diacritics(text) and text.isupper() and bool(FOLDED_AGENCY.match(fold_accents(text)))


#: Posts a signer signs under, in capitals.
SIGNING_POSTS = (r"(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|THỦ TƯỚNG|"
                 r"CHỦ NHIỆM|TỔ TRƯỞNG)")
#: A signature block opens with a delegation mark or a post in capitals, or two posts one person holds ("BỘ TRƯỞNG,
#: CHỦ NHIỆM": the minister heading the Government's office).
#: The mark may be typed without its dot before the post ("KT BỘ TRƯỞNG, CHỦ NHIỆM VPCP"); a consolidated text is
#: signed under "XÁC THỰC VĂN BẢN HỢP NHẤT".
SIGNATURE_START = re.compile(
    r"^(?:TM\.|KT\.|Q\.|TL\.|TUQ\.|T/M|K/T)\s*\S|^(?:TM|KT|TL|TUQ)\s+" + UPPER_LETTER + r"{2}|"
    rf"^{SIGNING_POSTS}(?:\s*,\s*{SIGNING_POSTS})?\s*$|"
    r"^XÁC THỰC VĂN BẢN HỢP NHẤT\s*$"
)
RECIPIENTS = re.compile(r"^(?:Nơi nhận|Nơi gửi)\s*:?", re.IGNORECASE)
#: The note under an attached text's title saying what it was issued with ("(Ban hành kèm theo Quyết định số
#: 123/QĐ-UBND ngày …)", "(Kèm theo Công văn số …)"): it ends the title.
ATTACHED_NOTE = re.compile(r"^[(\[]?\s*(?:Ban hành\s+)?kèm theo\b", re.IGNORECASE)
#: How a line of the recipients' list opens ("- Như trên;", "+ Sở Nội vụ;", "Lưu: VT."). A page that flattened the
#: closing's two columns row by row puts them between the lines of the signature block.
RECIPIENT_ITEM = ("-", "+", "•", "Lưu")
#: A person's name: two to five capitalised syllables ("Lâm Minh Thành").
PERSON_NAME = re.compile("^" + CAPITALISED_WORD + r"(?: " + CAPITALISED_WORD + r"){1,4}$")
#: "Ủy ban nhân dân tỉnh ban hành Kế hoạch …": the body issuing the document, and its type.
#: ("… của UBND tỉnh về ban hành Chương trình …" cites another document: "của" before the body, "về" before the verb).
ISSUER_ISSUES = re.compile(r"(?<!của\s)(?:Ủy ban nhân dân|UBND|Chủ tịch)[^,;:]{0,60}(?<!về)(?<!việc)\s"
                           r"(?:ban hành|đề ra|xây dựng)\s+"
                           r"(?:kèm theo\s+)?(kế hoạch|chương trình|quy chế|quy định|đề án)\b", re.IGNORECASE)
#: The sentence that issues the document ("… ban hành Kế hoạch … như sau:") opens the body; it is not a basis even
#: when it starts with "Căn cứ …" or "Thực hiện …".
ISSUING_CLAUSE = re.compile(r":\s*$|" + ISSUER_ISSUES.pattern, re.IGNORECASE)
#: An authority line a converter glued to the end of the title ("… TỈNH KIÊN GIANG CHỦ TỊCH ỦY BAN NHÂN DÂN …").
#: The committee itself may be the authority ("… TRÊN ĐỊA BÀN TỈNH KON TUM ỦY BAN NHÂN DÂN TỈNH KON TUM"): a short
#: committee name closing the line, not one the title names ("… CỦA ỦY BAN NHÂN DÂN TỈNH X"). Like the chairman's
#: ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), the committee's authority line may leave out the province's name ("… TRÊN ĐỊA
#: BÀN TỈNH BÌNH ĐỊNH ỦY BAN NHÂN DÂN TỈNH"): a title never ends on a level word without its name.
GLUED_AUTHORITY = re.compile(
    r"\s(" + HEAD_POSTS + r"\s+(?:[UỦ][ỶY] BAN|BỘ|SỞ|BAN)\s.*|"
    r"(?<!CỦA )(?<!THUỘC )(?<!VÀ )(?<!GIỮA )(?<!VỚI )(?<!PHÒNG )[UỦ][ỶY] BAN NHÂN DÂN (?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|"
    r"THỊ XÃ)(?: [^\s]+){0,4})$"
)
#: A flattened header line may hold the body name and the motto before "Số: …" (two body lines and the motto).
NUMBER_PREFIX_MAX = 160
#: A title may itself open like a basis ("CHƯƠNG TRÌNH HÀNH ĐỘNG / Thực hiện Nghị quyết …") when it is the first
#: line under the type word and is short; a basis line ends with ";" or ",".
#: Where the title of a text run into its header line ends: the bases or the first section begin ("Căn cứ", "Thực
#: hiện", "Xét đề nghị", "Theo đề nghị", "I."), matched on folded text (an OCR'd page lost its diacritics) where the
#: word opens with a capital ("… việc thực hiện …" inside a title is no basis).
RUN_ON_BASIS = re.compile(r"\s(?:can cu|thuc hien|xet de nghi|theo de nghi|tren co so|i\.)\s", re.IGNORECASE)
#: A title run into the header line is at most this long (a longer run is the text, not a title).
RUN_ON_TITLE_MAX = 300
TITLE_BASIS = re.compile(r"^Thực hiện\s")
TITLE_BASIS_MAX = 200
#: Basis lines are one passage together when their run is at most this long (else one passage each).
BASIS_RUN_MAX_CHARS = 500
#: A body's name in a header broken after a linking word ("ỦY BAN QUỐC GIA VỀ" / "CHUYỂN ĐỔI SỐ"): the name goes on
#: on the next capital line.
OPEN_NAME_END = re.compile(r"\s(?:VỀ|VÀ|CỦA|PHÒNG,?\s+CHỐNG)$")
#: The rest of a broken body name is a short line (a title is longer).
OPEN_NAME_REST_MAX = 60
#: A day of the week as a portal's banner writes it ("Thứ Hai", "Thứ 2", "THỨ BA", "Chủ nhật"): never a place.
WEEKDAY_NAME = re.compile(r"(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+nhật)", re.IGNORECASE)
#: A unit written in capitals on the line under its parent body's name ("UBND HUYỆN X" / "PHÒNG NỘI VỤ", "UBND TỈNH X"
#: / "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "CHI CỤC VĂN THƯ - LƯU TRỮ"): the issuing
#: unit, read as a body's name only there (elsewhere "PHÒNG, CHỐNG …" or "BAN HÀNH …" opens a heading).
UNIT_UNDER_BODY = re.compile(r"^(?:PHÒNG|BAN|TRUNG TÂM|CHI CỤC|THANH TRA|HỘI ĐỒNG|ĐOÀN)\s+(?!,|CHỐNG|HÀNH)\S")
#: A title line is at least this long (shorter capital lines are labels such as "TỈNH X" or "DÂN").
TITLE_MIN_CHARS = 12
#: Lines of a signature block besides posts and names are short ("Luith" scribbles, "(Đã ký)").
SIGNATURE_LINE_MAX = 40

#: Roles of units (:data:`textnorm.cues.MATTER_ROLES`); those that become passages of that kind are
#: :data:`textnorm.cues.PASSAGE_ROLES` (the body is cited from the metadata's span, co_quan, instead).
ROLES = MATTER_ROLES
#: Section path of the end matter (signature and recipients).
CLOSING_SECTION = "Phần kết"


@dataclass(frozen=True)
class MatterLine:
    """A line of a document's front or end matter: the span ``[start, end)`` of a block's text and its role
    (:class:`textnorm.cues.PassageRole`)."""

    block: int
    start: int
    end: int
    role: str


def letters_key(text: str) -> str:
    """Folded letters only: how the motto is recognised whatever its spacing or dashes.

    >>> letters_key("Độc lập  Tự do  Hạnh phúc")
    'doclaptudohanhphuc'
    """
    return re.sub(r"[^a-z]", "", fold_accents(text).lower())


def is_motto(text: str) -> bool:
    """True for a line of the national motto.

    >>> is_motto("CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM"), is_motto("Cộng đồng dân cư")
    (True, False)
    """
    key = letters_key(text)
    return any(k in key for k in MOTTO_KEYS) or motto_span(text) is not None


def motto_span(text: str) -> tuple[int, int] | None:
    """Where the motto stands in a line: exactly, or OCR'd without diacritics and with a few letters wrong.

    >>> line = "UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VItT NAM Dec lap - Tkr do - Hanh phtic Gia Lai"
    >>> a, b = motto_span(line); line[a:b]
    'CONG HOA XA HOI CHU NGHIA VItT NAM Dec lap - Tkr do - Hanh phtic'
    >>> motto_span("Cộng đồng dân cư tự do đi lại") is None
    True
    """
    exact = _MOTTO_SPAN.search(text)
    if exact and letters_key(exact.group()).endswith("hanhphuc"):
        return exact.span()
    folded = fold_accents(text[:MOTTO_FUZZY_ZONE])
    if len(folded) != len(text[:MOTTO_FUZZY_ZONE]):
        return exact.span() if exact else None
    found = [s for s in (fuzzy_phrase_span(folded, p) for p in MOTTO_PHRASES) if s]
    if exact:
        found.append(exact.span())
    return (min(s for s, _ in found), max(e for _, e in found)) if found else None


def header_motto(text: str) -> tuple[int, int] | None:
    """The motto's span where it is a header piece: most of its line, or beside a number or a place-and-date line.

    >>> header_motto("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    (0, 34)
    >>> header_motto("Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV thông qua.") is None
    True
    """
    span = motto_span(text)
    if not span:
        return None
    letters = sum(c.isalpha() for c in text)
    if sum(c.isalpha() for c in text[span[0]:span[1]]) >= MOTTO_LINE_SHARE * letters:
        return span
    return span if number_match(text) or place_date(text) else None


def place_date(text: str) -> re.Match | None:
    """The place-and-date match in a line, its place trimmed to the capitalised words before ", ngày".

    >>> m = place_date("Độc lập - Tự do - Hạnh phúc Hà Nội, ngày 29 tháng 03 năm 2022")
    >>> m.group("place"), m.group("y")
    ('Hà Nội', '2022')

    A weekday is no place: "Thứ Hai, ngày 16 tháng 6 năm 2025" is a portal's "today" banner.

    >>> place_date("Thứ Hai, ngày 16 tháng 6 năm 2025"), place_date("Chủ nhật, ngày 3 tháng 12 năm 2023")
    (None, None)
    """
    for m in PLACE_DATE.finditer(text):
        if re.fullmatch(BLANK_FIELD, m.group("place")):
            return m  # a template's blank place (".........., ngày 20 tháng 6 năm 2018"): the date is still its own
        start = capitalised_place_start(text, m)
        if start is not None and not WEEKDAY_NAME.fullmatch(text[start: m.end("place")]):
            return PLACE_DATE.match(text, start)
    m = folded_place_date(text)
    return None if m and WEEKDAY_NAME.fullmatch(text[m.start("place"): m.end("place")]) else m


def folded_place_date(text: str) -> re.Match | None:
    """The place-and-date line typed without diacritics or OCR'd ("Gia Lai, ngay.10 thcing 9 nom 2018"): a match on
    the folded line, whose offsets are those of ``text``; the place is the capitalised words of ``text``.

    >>> m = folded_place_date("Dec lap - Tkr do - Hanh phtic Gia Lai, ngay.10 thcing 9 nom 2018 KE HOACH")
    >>> m.group("place"), m.group("d"), m.group("m"), m.group("y")
    ('gia lai', '10', '9', '2018')
    """
    folded = fold_accents(text)
    if len(folded) != len(text):
        return None
    for m in FOLDED_PLACE_DATE.finditer(folded):
        start = capitalised_place_start(text, m)
        if start is not None:
            return FOLDED_PLACE_DATE.match(folded, start)
    return None


def number_match(text: str) -> re.Match | None:
    """The document number label in a header line: at its start, or after a short body name ("Bộ Nội vụ Số: …").

    >>> number_match("Bộ Nội vụ Số: 251/QĐ-BNV").group("n", "code")
    ('251', 'QĐ-BNV')
    >>> number_match("Xét đề nghị tại văn bản số 1187/SNV-CCHC") is None
    True
    >>> number_match("UY BAN NHAN DAN TINH GIA LAI S64934/KH-UBND").group("n", "code")
    ('4934', 'KH-UBND')
    >>> number_match("TRIỂN KHAI THỰC HIỆN QUYẾT ĐỊNH SỐ 468/QĐ-TTG NGÀY 27/3/2021") is None
    True
    """
    m = NUMBER.search(text)
    if not m:
        return None
    prefix = text[: m.start()]
    if m.start() == 0 or (len(prefix) <= 50 and ":" in text[m.start(): m.start("code")] and not prefix.endswith(" số")):
        return m
    if len(prefix) <= NUMBER_PREFIX_MAX and (is_upper_line(prefix) or is_motto(prefix)) and not _cites_kind(prefix):
        return m  # a flattened header: the body name (and the motto) in capitals, then the number
    return None


#: A header's body name never ends with a kind of document: "TRIỂN KHAI THỰC HIỆN QUYẾT ĐỊNH SỐ 468/QĐ-TTG …" is a
#: title citing a document by its kind and number, not a flattened header with its number. A law labels its own
#: number with its kind ("LUẬT SỐ 99/2021/QH15"): the named kinds are left out.
_KIND_BEFORE_NUMBER = re.compile(
    r"\b(?:" + "|".join(sorted(set(DOC_TYPES) - set(NAMED_TYPES), key=len, reverse=True)) + r")\s*$")


def _cites_kind(prefix: str) -> bool:
    """The words before a number end with a kind of document, in capitals ("… QUYẾT ĐỊNH ")."""
    return bool(_KIND_BEFORE_NUMBER.search(prefix.upper()))


def type_word(text: str) -> str | None:
    """The loại văn bản a type-word line announces ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "Quyết định").

    >>> type_word("CHƯƠNG TRÌNH HÀNH ĐỘNG"), type_word("KẾ HOẠCH CÔNG TÁC CCHC NĂM 2021"), type_word("Kế hoạch số 5")
    ('Chương trình', 'Kế hoạch', None)
    >>> type_word("KE HOACH"), type_word("QUYET DINH"), type_word("KE HOACH KIEM TRA CCHC NAM 2018")
    ('Kế hoạch', 'Quyết định', 'Kế hoạch')
    >>> type_word("Luật Viên chức"), type_word("Luật Phòng, chống ma túy"), type_word("Luật này quy định về viên chức.")
    ('Luật', 'Luật', None)
    """
    head = type_head(text)
    return DOC_TYPES[head[1]] if head else None


def law_part_prefix(text: str) -> int:
    """Length of a part heading before a law's name ("Chương 7 " of "Chương 7 Luật Viên chức"), else 0.

    >>> law_part_prefix("Chương 7 Luật Cán bộ, công chức năm 2025"), law_part_prefix("Chương 7 QUY ĐỊNH CHUNG")
    (9, 0)

    A form word before the type line counts the same way (a summary or a draft of the document):

    >>> law_part_prefix("TÓM TẮT ĐỀ ÁN"), law_part_prefix("DỰ THẢO NGHỊ ĐỊNH"), law_part_prefix("TÓM TẮT NỘI DUNG")
    (8, 8, 0)
    """
    m = LAW_PART_PREFIX.match(text) or FORM_PREFIX.match(text)
    return m.end() if m and type_head(text[m.end():]) else 0


def type_head(text: str) -> tuple[int, str] | None:
    """Length of the type word at the start of a line (with its suffix) and the key in :data:`DOC_TYPES`."""
    stripped = text.rstrip(" :")
    upper = stripped.upper()
    folded = not has_diacritics(stripped)  # "KE HOACH" typed or OCR'd without diacritics
    for marker in DOC_TYPES:
        if folded and upper.startswith(_FOLDED_TYPES[marker]):
            upper = marker + upper[len(marker):]
        if not upper.startswith(marker):
            continue
        rest = stripped[len(marker):]
        if rest and not rest.startswith(" "):
            continue
        if stripped != stripped.upper() and rest.strip():
            if marker in NAMED_TYPES and NAMED_TITLE.match(rest.strip()) and len(stripped) <= NAMED_TITLE_MAX:
                return len(marker), marker  # "Luật Viên chức": a law's name is its title
            return None  # "Kế hoạch số 5 …": a sentence, not a type word
        length = len(marker)
        for suffix in TYPE_SUFFIXES:
            if rest.strip().startswith(suffix):
                length = len(marker) + rest.index(suffix) + len(suffix)
        if rest.strip() and not is_upper_line(stripped):
            return None
        return length, marker
    return None


def _date_after(text: str, number: re.Match | None, motto: tuple[int, int] | None = None) -> re.Match | None:
    """The place-and-date line of a header line, never starting inside its number ("Số: 1888/KH-VPUBND Bình Định,
    ngày …": "VPUBND" is no place) nor inside the motto ("… CHỦ NGHĨA VIỆT NAM Hà Nội, ngày …": "VIỆT NAM" is no
    place); offsets are those of ``text``."""
    date = place_date(text)
    for end in (number.end() if number else None, motto[1] if motto else None):
        if date and end is not None and date.start() < end:
            date = place_date(" " * end + text[end:])
    return date


def header_pieces(text: str) -> list[tuple[int, int, str]]:
    """Cut one header line into (start, end, role) pieces: body name, motto, number, place-and-date.

    >>> line = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Hà Nội, ngày 29 tháng 03 năm 2022"
    >>> [(line[s:e], r) for s, e, r in header_pieces(line)][-1]
    ('Hà Nội, ngày 29 tháng 03 năm 2022', 'place_date')
    >>> [(r, "Bộ Nội vụ Số: 251/QĐ-BNV"[s:e]) for s, e, r in header_pieces("Bộ Nội vụ Số: 251/QĐ-BNV")]
    [('header', 'Bộ Nội vụ'), ('number', 'Số: 251/QĐ-BNV')]

    The motto's first half alone, the place-and-date cell glued after it: the place starts after the motto.

    >>> line = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Hà Nội, ngày 30 tháng 3 năm 2020 |"
    >>> [(line[s:e], r) for s, e, r in header_pieces(line)][-1]
    ('Hà Nội, ngày 30 tháng 3 năm 2020', 'place_date')
    """
    anchors: list[tuple[int, int, str]] = []
    number = number_match(text)
    if number:
        anchors.append((number.start(), number.end(), "number"))
    motto = header_motto(text)
    date = _date_after(text, number, motto)
    if date:
        anchors.append((date.start(), date.end(), "place_date"))
    if motto:
        anchors.append((*motto, "header"))
    elif is_motto(text) and not motto_span(text) and len(text) <= HEADER_PIECE_MAX_CHARS:
        anchors.append((0, len(text), "header"))
    if not anchors or not motto and _cites_in_prose(text, min(s for s, _, _ in anchors)):
        return []
    anchors.sort()
    pieces: list[tuple[int, int, str]] = []
    pos = 0
    for s, e, role in anchors:
        if s < pos:
            continue
        gap = text[pos:s].strip(" |")
        if gap and len(gap) <= HEADER_PIECE_MAX_CHARS:
            g0 = text.index(gap, pos)
            pieces.append((g0, g0 + len(gap), "title" if SUBJECT_LINE.match(gap) else "header"))  # "Số: … V/v …"
        pieces.append((s, e, role))
        pos = e
    tail = text[pos:].strip(" |")
    if tail:
        t0 = text.index(tail, pos)
        if pieces and pieces[-1][2] == "number" and len(tail) <= 10:
            pieces[-1] = (pieces[-1][0], t0 + len(tail), "number")
        elif len(tail) <= HEADER_PIECE_MAX_CHARS:
            pieces.append((t0, t0 + len(tail), "title" if SUBJECT_LINE.match(tail) else "header"))
        else:  # a longer tail is the document's text run into the header line: it stays in a passage
            pieces += [(t0 + a, t0 + b, "title") for a, b in _run_on_title(tail)]
    return pieces


def _cites_in_prose(text: str, first: int) -> bool:
    """A sentence that cites a document's number and date in passing ("… (Kế hoạch số 77/KH-UBND, ngày 3/10/2023)."):
    more than a header piece of prose in mixed case before its first number or date, so no line of a header.

    >>> line = ("UBND huyện vừa ban hành Kế hoạch tổ chức tuần lễ cải cách hành chính của năm nay trên địa bàn huyện "
    ...         "theo chỉ đạo (Kế hoạch số 77/KH-UBND, ngày 3/10/2023).")
    >>> _cites_in_prose(line, line.index("77/"))
    True
    >>> _cites_in_prose("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG Số: 36/KH-UBND", 32)
    False
    """
    return first > HEADER_PIECE_MAX_CHARS and not is_upper_line(text[:first])


def _run_on_title(tail: str) -> list[tuple[int, int]]:
    """The type word and the title at the start of a document's text run into its header line (an OCR'd page pasted
    as one line: "KE HOACH Kiem tra cong tac … nam 2018 Thuc hien Quyet dinh …"): the title ends where the bases
    begin (:data:`RUN_ON_BASIS`); without them, there is no telling where it ends, and nothing is returned.

    >>> t = "KE HOACH Kiem tra cong tac cai cach hanh chinh nam 2018 Thuc hien Quyet dinh so 12/QD-UBND"
    >>> [t[a:b] for a, b in _run_on_title(t)]
    ['KE HOACH', 'Kiem tra cong tac cai cach hanh chinh nam 2018']
    >>> _run_on_title("Thuc hien Quyet dinh so 12/QD-UBND, UBND tinh ban hanh ke hoach")
    []
    >>> t = "KE HOACH Kiem tra viec thuc hien cai cach hanh chinh I. MUC DICH Danh gia"
    >>> t[slice(*_run_on_title(t)[1])]
    'Kiem tra viec thuc hien cai cach hanh chinh'
    """
    caps = re.match(r"(?:" + NOT_SMALL_LETTER + r"+\s+)*" + NOT_SMALL_LETTER + r"+(?=\s|$)", tail)
    head = type_head(caps.group()) if caps else None
    if not head:
        return []
    folded = fold_accents(tail)
    ends = RUN_ON_BASIS.finditer(folded, head[0]) if len(folded) == len(tail) else iter(())
    end = next((m for m in ends if tail[m.start() + 1].isupper()), None)  # a sentence opens with a capital
    if not end or end.start() - head[0] > RUN_ON_TITLE_MAX:
        return []
    title = tail[head[0]: end.start()].strip()
    if not title:
        return []
    start = tail.index(title, head[0])
    return [(0, head[0]), (start, start + len(title))]


def _continues_title(text: str, upper: bool | None) -> bool:
    """A line after the type word that still belongs to the title (trích yếu)."""
    if BASIS.match(text) and not (upper is None and TITLE_BASIS.match(text) and len(text) <= TITLE_BASIS_MAX
                                  and not text.endswith(",")):
        return False
    wrapped_parts = upper is None and text.endswith(";") and not BASIS.match(text)  # "Kết quả …;" / "Phương hướng …"
    if (is_list_line(text) or len(text) > 300 or text.endswith(":") or text.endswith(";") and not wrapped_parts
            or ADDRESSEE.match(text)
            or ATTACHED_NOTE.match(text) or SECTION_START.match(text)):
        return False
    if is_upper_line(text) and is_agency(text) and not JOINED_UNITS.match(text):
        return False  # the authority line ("ỦY BAN NHÂN DÂN TỈNH X") follows the title
    if note_in_brackets(text):
        return False  # "(trình phiên họp thường kỳ tháng 5/2019)": a note under the title, not part of it
    if upper is None or TITLE_YEARS_LINE.match(text):
        return True  # the first line, or the years a long title ends with ("… GIAI ĐOẠN" / "2021 - 2025")
    if upper:
        return is_upper_line(text)
    return not is_upper_line(text) and (text[:1].islower() or not text.endswith("."))


#: A note in brackets under a title says where the document goes or what stage it is at ("(trình phiên họp thường kỳ
#: tháng 5/2019)", "(Dự thảo lần 2)", "(Tài liệu phục vụ kỳ họp)"); any other bracket ("(sửa đổi)", "(áp
#: dụng cho cấp xã)") is the end of the title.
BRACKET_NOTE = re.compile(r"^\(\s*(?:trình|dự thảo|tài liệu|lưu hành|gửi kèm)\b[^()]*\)$", re.IGNORECASE)


def note_in_brackets(text: str) -> bool:
    """A line wholly in brackets that is a note about the document rather than the end of its title.

    >>> note_in_brackets("(trình phiên họp thường kỳ tháng 5/2019)"), note_in_brackets("(sửa đổi)")
    (True, False)
    """
    return bool(BRACKET_NOTE.match(text.strip()))


def _title_pieces(text: str) -> list[tuple[int, int, str]]:
    glued = GLUED_AUTHORITY.search(text) if is_upper_line(text) else None
    if glued:
        return [(0, glued.start(), "title"), (glued.start(1), len(text), "authority")]
    return [(0, len(text), "title")]


class _Opening:
    """Roles of the lines before the body, in the order a header writes them."""

    def __init__(self) -> None:
        self.state = "head"  # head → title → after
        self.anchor = False  # a number or place-and-date line was seen
        self.title_upper: bool | None = None
        self.body = False
        self.label = False  # the last header line was a number's label alone ("Luật số:")
        self.subject = False  # the last header line was a công văn's "V/v …" (it may wrap onto the next line)
        self.open_name = False  # the last header line was a body's name broken after a linking word ("… VỀ")
        self.named = False  # the last header line was a body's name (a unit under it may follow)

    def role_pieces(self, text: str, kind: str) -> list[tuple[int, int, str]]:
        if self.state == "title":
            number = NUMBER.match(text)
            if number and number.group("n") and len(text) - number.end() <= TITLE_MIN_CHARS:
                self.anchor = True
                return [(0, len(text), "number")]  # "NGHỊ ĐỊNH" / "Số: 24/2014/NĐ-CP" / title
            if _continues_title(text, self.title_upper):
                if self.title_upper is None:
                    self.title_upper = is_upper_line(text)
                return _title_pieces(text)
            self.state = "after"
        if self.state == "head":
            pieces = self._head_pieces(text)
            if pieces:
                return pieces
        whole = (0, len(text))
        if is_upper_line(text) and is_agency(text) and len(text) <= 120:
            self.state = "after"
            return [(*whole, "authority")]
        if BASIS.match(text) and not ISSUING_CLAUSE.search(text):
            self.state = "after"
            return [(*whole, "basis")]
        if self.state == "after":
            self.body = True  # the first line after the header that is none of its parts: the body has begun
        if kind == "para":
            self.state = "after"
        return []

    def _head_pieces(self, text: str) -> list[tuple[int, int, str]]:
        """A line of the header block (number, place and date, agency), or the type line opening the title."""
        subject, self.subject = self.subject, False
        label, self.label = self.label, bool(NUMBER_LABEL.match(text))
        if self.label or label and BARE_NUMBER.match(text):
            self.anchor = self.anchor or not self.label
            return [(0, len(text), "number")]  # "Luật số:" / "22/2008/QH12" on two lines
        if self.anchor and (SUBJECT_LINE.match(text) or subject and text[:1].islower()):
            self.subject = True  # a công văn's trích yếu stands in the header, beside the motto and the date
            return [(0, len(text), "title")]
        pieces = header_pieces(text) if not BASIS.match(text) else []  # "Căn cứ Hiến pháp nước Cộng hòa …"
        if pieces:
            self.anchor = self.anchor or any(r in ANCHOR_ROLES for _, _, r in pieces)
            return pieces
        head = type_head(text[law_part_prefix(text):])  # "Chương 7 Luật …": the law's name, under a part heading
        if head:
            rest = text[head[0]:].strip(" :")
            self.state, self.title_upper = "title", (is_upper_line(rest) if rest else None)
            return _title_pieces(text)
        open_name, self.open_name = self.open_name, False
        named, self.named = self.named, False
        under = named and not self.anchor and bool(UNIT_UNDER_BODY.match(text))  # "UBND HUYỆN X" / "PHÒNG NỘI VỤ"
        if is_upper_line(text) and (is_agency(text) or under or open_name and len(text) <= OPEN_NAME_REST_MAX):
            self.open_name = bool(OPEN_NAME_END.search(text))
            self.named = not is_motto(text)
            return [(0, len(text), "header")]
        if self.anchor and is_upper_line(text) and len(text) >= TITLE_MIN_CHARS:
            self.state, self.title_upper = "title", True
            return [(0, len(text), "title")]
        return []


def _signature_line(text: str) -> bool:
    if PERSON_NAME.match(text):
        return True
    return len(text) <= SIGNATURE_LINE_MAX and not text.endswith((".", ";", ":")) and not is_list_line(text)


def _closing_units(blocks, start: int) -> list[MatterLine]:
    units: list[MatterLine] = []
    mode = None
    for i in range(start, len(blocks)):
        text, kind = blocks[i].text, blocks[i].kind
        if kind in ("heading", "table_row") or type_head(text):
            mode = None
        elif RECIPIENTS.match(text):
            mode = "recipients"
        elif SIGNATURE_START.match(text) and (kind == "closing" or is_upper_line(text)):
            mode = "signature"
        elif mode == "signed":
            mode = None
        elif mode == "signature" and text.startswith(RECIPIENT_ITEM):
            units.append(MatterLine(i, 0, len(text), "recipients"))  # a flattened two-column closing interleaves them
            continue
        elif mode == "recipients" and (text.startswith(RECIPIENT_ITEM) or kind == "closing"
                                       and not _signature_line(text)):
            pass
        elif mode and _signature_line(text):
            mode = "signature"
        else:
            mode = None
        if mode:
            units.append(MatterLine(i, 0, len(text), mode))
            if mode == "signature" and PERSON_NAME.match(text):
                mode = "signed"  # the name ends the signature block
    return units


def matter_lines(blocks) -> list[MatterLine]:
    """Front-matter and end-matter units of a document's blocks, in order.

    Args:
        blocks: output of :func:`ingest.structure.parse_structure`.

    Returns:
        Units (block index, span inside the block's text, role); roles are those of :data:`ROLES`.

    >>> from ingest.clean import clean_lines
    >>> from ingest.structure import parse_structure
    >>> src = ("ỦY BAN NHÂN DÂN\\nTỈNH HÀ NAM\\n\\nSố: 12/KH-UBND\\n\\nHà Nam, ngày 5 tháng 3 năm 2022\\n\\n"
    ...        "KẾ HOẠCH\\nKiểm tra công tác CCHC năm 2022\\n\\nI. MỤC ĐÍCH\\n\\n- Kiểm tra.\\n\\n"
    ...        "Nơi nhận:\\n- Bộ Nội vụ;\\n\\nKT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH\\nNguyễn Văn An")
    >>> blocks = parse_structure(clean_lines(src))
    >>> [(u.role, blocks[u.block].text[u.start:u.end]) for u in matter_lines(blocks)][2:5]
    [('number', 'Số: 12/KH-UBND'), ('place_date', 'Hà Nam, ngày 5 tháng 3 năm 2022'), ('title', 'KẾ HOẠCH')]
    >>> [u.role for u in matter_lines(blocks)][-5:]
    ['recipients', 'recipients', 'signature', 'signature', 'signature']
    """
    units: list[MatterLine] = []
    opening = _Opening()
    i = 0
    while i < len(blocks) and blocks[i].kind not in ("heading", "table_row", "closing"):
        if blocks[i].section and blocks[i].section[0] != OPENING_SECTION:
            break
        units += [MatterLine(i, s, e, r) for s, e, r in opening.role_pieces(blocks[i].text, blocks[i].kind)]
        if opening.body:
            break
        i += 1
    return units + _closing_units(blocks, i)
