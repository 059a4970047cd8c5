"""Document metadata read from the text itself (file names of real uploads are arbitrary).

Each field is read from a front- or end-matter unit (:mod:`ingest.frontmatter`) and keeps the offsets of the text it
was read from, so a card can cite it: ``metadata["spans"]`` is a JSON object ``{"so_hieu": [start, end], …}`` over
the document's cleaned text. A legal portal's metadata table (dropped from the text by :mod:`ingest.boundaries`) is
a fallback: a field read from it has no span.
"""

from __future__ import annotations

import datetime
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from index.model import CENTRAL_LEVEL, METADATA_KEYS
from ingest.frontmatter import (
    ATTACHED_NOTE,
    DOC_TYPES,
    HEAD_POSTS,
    ISSUER_ISSUES,
    NAMED_TITLE,
    NAMED_TYPES,
    NUMBER,
    PERSON_NAME,
    SIGNATURE_START,
    SUBJECT_LINE,
    UNIT_UNDER_BODY,
    MatterLine,
    is_agency,
    is_motto,
    law_part_prefix,
    matter_lines,
    note_in_brackets,
    place_date,
    type_head,
)
from ingest.structure import Block
from textnorm import fold_accents, has_diacritics, reading_form
from textnorm.agencies import find_agencies
from textnorm.cues import ANCHOR_ROLES, YEAR
from textnorm.gazetteer import (
    CENTRAL_CITIES,
    CITY_SINCE,
    PROVINCE_CUE,
    canonical_province,
    central_issuer,
    current_province,
    is_central_body,
    place_mentions,
    province_mentions,
    province_of_place,
    province_unit_name,
    settled_provinces,
    web_address_provinces,
)
from textnorm.kinds import KIND_OF_CODE, DocumentKind, document_kind, kind_of_code
from textnorm.letters import CAPITALISED_WORD, LOWER_LETTER, UPPER_LETTER
from textnorm.lines import ARTICLE_FORM, is_list_line, is_upper_line, marker_kind
from textnorm.patterns import (
    ADDRESSEE,
    AUTHOR_WITH_DEGREE,
    BARE_NUMBER,
    BASIS,
    BLANK_FIELD,
    BREADCRUMB,
    CALENDAR_HEADLINE,
    CITED_DOCUMENT,
    COVER_MONTH_YEAR,
    COVER_PLACE_YEAR,
    EVENT_DAY,
    INLINE_DATELINE,
    ISSUED_ON_LEAD,
    ISSUER_OPENING,
    ISSUING_BODY,
    JUST_ISSUED,
    LEAD_DATES_A_DOCUMENT,
    LEAD_FULL_DATE,
    LEAD_NAMES_ISSUED,
    MEETING_LEAD,
    NATIONAL_RANKING,
    NEWS_AGENCY_DATELINE,
    NEWS_CREDIT,
    NEWS_LEAD_DATE,
    NEWS_NARRATION,
    NOTICE_FORMULA,
    OCR_DATELINE_YEAR,
    OPENING_BODY_CLAUSE,
    OTHER_POSTS_LINE,
    PERIODIC_REPORT_TITLE,
    PHOTO_CAPTION,
    PHOTO_CREDIT_END,
    PLACE_NAME,
    PORTAL_BANNER,
    PORTAL_TITLE_LINE,
    PUBLISHER_NAME,
    REPORTS_ISSUING,
    SEARCH_DATE_PREFIX,
    SECTION_DATE_LINE,
    SECTION_START,
    SELF_KIND,
    SKIP_LINK,
    SUBJECT_LABEL,
    TAGS_LABEL,
    TITLE_OF_BODY,
    TODAY_LEAD,
    WEEKDAY_STAMP,
    WEEKDAY_STAMP_WORDS,
    byline_stamp,
    expand_defined,
    headline_end_stamp,
    is_council_session,
    letter_speaker,
    news_dateline,
    page_stamp,
)
from textnorm.periods import WRITTEN_DATE

#: A number whose code opens with its issuing body instead of a type ("2345/UBND-VX", "1187/SNV-CCHC") is a công
#: văn's (Nghị định 30/2020/NĐ-CP, Phụ lục III: công văn carry no type letters).
LETTER_TYPE = DocumentKind.LETTER
#: A consolidated text ("01/VBHN-BNV", "03/VBHN-VPQH") repeats the type heading of the text it consolidates
#: ("NGHỊ ĐỊNH", "LUẬT"): its number's code says what it is (Pháp lệnh Hợp nhất văn bản quy phạm pháp luật 2012).
CONSOLIDATED_CODE = "VBHN"
CONSOLIDATED_TYPE = DocumentKind.CONSOLIDATED
#: The sentence a consolidated text opens with, naming the text it consolidates and then the texts that amended it:
#: "Nghị định số 63/2010/NĐ-CP … có hiệu lực kể từ ngày 14 tháng 9 năm 2010, được sửa đổi, bổ sung bởi:".
CONSOLIDATION_OPENING = re.compile(r"\bđược sửa đổi,\s*bổ sung(?:\s+một số điều)?\s+bởi\s*:")
#: A number labelled with its type ("Luật số: 99/2021/QH15", "Bộ luật số 45/2019/QH14").
NAMED_NUMBER = re.compile(r"^(Luật|Bộ luật|Pháp lệnh)\s+số", re.IGNORECASE)
#: Types issued by national bodies for the whole country: no province.
NATIONAL_TYPES = frozenset({
    DocumentKind.LAW, DocumentKind.CODE, DocumentKind.CONSTITUTION, DocumentKind.DECREE, DocumentKind.CIRCULAR,
    DocumentKind.JOINT_CIRCULAR, DocumentKind.ORDINANCE,
})
#: Issuers of a number that are national bodies ("…/QĐ-BNV", "…/NĐ-CP", "…/QH14", "…/QĐ-TTg").
CENTRAL_CODE = re.compile(r"(?:^|[-/])(?:CP|TTg|QH\d*|UBTVQH\d*|B[A-ZĐ]{1,4}|BCĐ)$")
#: A department of a ministry that issues in its own name, written under the ministry ("BỘ TÀI CHÍNH" / "TỔNG CỤC
#: THUẾ"); a ministry's vụ signs in the ministry's name.
CENTRAL_SUBORDINATE = re.compile(r"^(?:TỔNG CỤC|CỤC)\s", re.IGNORECASE)
#: A national text without its header says who enacts it, in its last basis line: "Chính phủ ban hành Nghị định …",
#: "Quốc hội ban hành Luật …", "Bộ trưởng Bộ Nội vụ ban hành Thông tư …" (the body, not the post).
ENACTING_CLAUSE = re.compile(
    r"(?:^|[;,.]\s*)(?:Bộ trưởng\s+(?=Bộ\s))?(?P<body>Chính phủ|Quốc hội|Ủy ban Thường vụ Quốc hội|Thủ tướng Chính phủ|"
    r"Bộ\s+[^,;.]{2,40}?)\s+ban hành\s+(?:Nghị định|Luật|Bộ luật|Pháp lệnh|Nghị quyết|Thông tư|Quyết định)\b"
)
#: Body paragraphs searched for that clause (it closes the bases, before the first chapter or article).
ENACTING_PARAGRAPHS = 8
#: The capital, where the national bodies sit and date their documents.
CAPITAL = "Hà Nội"
#: A number's code that names a local body ("KH-UBND", "NQ-HĐND", "SNV-CCHC", "VP-KSTT" of a province's office).
LOCAL_CODE = re.compile(r"(?:UBND|HĐND|^S[A-ZĐ]{1,6}-|[-/]S[A-ZĐ]{1,6}$|^VP-|[-/]VP$)")
#: A department under a provincial committee, written on the line below it in the header.
SUBORDINATE = re.compile(r"^(?:SỞ|BAN|VĂN PHÒNG|CHI CỤC|TRUNG TÂM|THANH TRA|TỔNG CỤC|CỤC|PHÒNG|THƯỜNG TRỰC)(?:\s|$)",
                         re.IGNORECASE)
#: The rest of a department's name wrapped onto the next header line is short ("SỞ THÔNG TIN VÀ" / "TRUYỀN THÔNG").
WRAPPED_NAME_MAX = 60
#: A committee's office written "VĂN PHÒNG" alone under the committee's name is that committee's office.
OFFICE = "VĂN PHÒNG"
#: A people's committee, with or without accents ("ỦY BAN NHÂN DÂN", "UY BAN NHAN DAN", "UBND"), folded.
COMMITTEE = re.compile(r"^(?:uy ban nhan dan|ubnd)\b")
#: A district-level committee ("ỦY BAN NHÂN DÂN HUYỆN TÂN HIỆP"): level and name.
LOCAL_UNIT = re.compile(r"\b(HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|XÃ|PHƯỜNG|THỊ TRẤN)\s+(.+)$")
#: Levels of a district-level committee (the others are communes, wards and towns: "cap" Xã).
DISTRICT_LEVEL_WORDS = frozenset({"huyện", "quận", "thị xã", "thành phố"})
#: Posts written before the body name in an authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X").
_POST_PREFIX = re.compile("^" + HEAD_POSTS + r"\s+", re.IGNORECASE)
#: Posts of a signer ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"), or two posts one person holds ("BỘ TRƯỞNG, CHỦ NHIỆM").
_ONE_POST = (r"(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|TRƯỞNG BAN|THỦ TƯỚNG|CHÁNH VĂN PHÒNG|"
             r"TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|CHỦ NHIỆM|TỔ TRƯỞNG)(?:\s+THƯỜNG TRỰC)?")
POST = re.compile(rf"^(?:(?:TM|KT|Q|TL|TUQ)\.?\s*)?({_ONE_POST}(?:\s*,\s*{_ONE_POST})?)\s*$")
#: A signer's name at the end of a signature block flattened onto one line, after its post in capitals ("… PHÓ CHỦ
#: TỊCH Nguyễn Văn Út").
NAME_AFTER_POST = re.compile(r"(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|TRƯỞNG BAN|THỦ TƯỚNG|CHỦ NHIỆM|CHÁNH VĂN PHÒNG)\s+"
                             r"(?P<name>" + CAPITALISED_WORD + r"(?: " + CAPITALISED_WORD + r"){1,4})\s*$")
#: A person's name typed in capitals under a signer's post: two to five words of capital letters.
CAPITALS_NAME = re.compile("^" + UPPER_LETTER + r"{1,7}(?: " + UPPER_LETTER + r"{1,7}){1,4}$")
#: Votes of a place named with its level ("tỉnh X", "huyện Y", "xã Z" of one province only): a document names its
#: own place that way.
CUED_VOTES = 3
#: Votes of a bare province or district name (a name alone may be a word, a person, a place named in passing).
BARE_VOTES = 1
#: Bodies of the courts and the procuracy named before a place ("Tòa án nhân dân thành phố Hà Nội"): the place is
#: theirs, not the document's (a national law names them), folded.
OTHER_BRANCH_BEFORE = re.compile(r"(?:toa an|vien kiem sat|thi hanh an)[^,;.\n]{0,40}$")
#: Institutions named after a place ("Trường Đại học Thái Bình", "Học viện Chính trị khu vực I", "Bệnh viện Đa khoa
#: tỉnh"): a bare name right after one is the institution's name, not the place a page is about, folded.
#: The kinds a header names, as a regex alternation, the longest first ("Thông tư liên tịch" before "Thông tư").
_KIND_NAMES = "|".join(sorted(set(DOC_TYPES.values()), key=len, reverse=True))
INSTITUTION_BEFORE = re.compile(r"(?<![a-z])(?:truong|dai hoc|cao dang|hoc vien|benh vien|cong ty|ngan hang)\s*$")
#: A line naming a document by kind and number first, as a portal's list of related or cited documents does ("- 1Nghị
#: định 93/2001/NĐ-CP quy định phân cấp … cho thành phố Hồ Chí Minh"): the places of its title are that document's.
CITED_TITLE_LINE = re.compile(
    r"^[-–•+*\s]*\d{0,3}\.?\s*(?:" + _KIND_NAMES
    + r")\s+(?:số\s*:?\s*)?\d+[a-z]?/\S+", re.IGNORECASE | re.MULTILINE)
#: Headlines a portal lists under a heading of other posts ("Tin liên quan"): a page shows five to ten.
OTHER_POSTS_MAX = 12
#: A line of tags separates them with commas ("Hải Phòng, Đề án sắp xếp …, ý kiến cử tri, …"); a headline has a
#: comma or none.
TAG_LIST_COMMAS = 2
#: Provinces merged with a page's province in 2025 that the page names as places ("tỉnh Hà Nam, tỉnh Nam Định và
#: tỉnh Ninh Bình"): from two on it reports the merger of the group (one may be a neighbour named in passing).
MERGER_PARTNERS_MIN = 2
#: The province a page is about has at least this share of every province vote it casts (its own districts vote for
#: it): a page of the mergers or a region names many provinces as often as each other and is about none of them.
SUBJECT_SHARE = 0.5
#: The lead is within the first paragraphs (after the headline and a photo caption or a rating line). A lead's
#: "Ngày 13/4/2018, …" (:data:`textnorm.patterns.NEWS_LEAD_DATE`) gives the post's year, not its day.
DATELINE_PARAGRAPHS = 6
#: A post's dateline line comes before its body, among its first blocks (a portal's menu may come first).
DATELINE_BLOCKS = 40
#: A post may print its date under the article instead, among its last blocks (before "Back To Top", a footer).
DATELINE_TAIL_BLOCKS = 4
#: A news post may end with its author's name in capitals, two to four words ("HỒ VĂN", "NGUYỄN THỊ HÀ"), or in
#: title case ("Việt Hà", "Đình Thuyết": a pen name, often no family name), two to four syllables.
#: The name may be labelled ("Tác giả: Minh Hà", "Bài, ảnh: HỒ VĂN", "Tin: Việt Hà"), or stand for the paper's
#: reporters ("P.V", "PV", "Nhóm PV": phóng viên).
BYLINE = re.compile(
    r"^(?:(?:Tác giả|Người viết|Bài(?:,? ảnh)?|Tin(?:,? ảnh)?|Phóng viên)\s*:\s*)?"
    r"(?:(?:Nhóm\s+)?P\.?\s?V\.?|" + UPPER_LETTER + r"{1,8}(?: " + UPPER_LETTER + r"{1,8}){1,3}|"
    + UPPER_LETTER + LOWER_LETTER + r"{0,7}(?: " + UPPER_LETTER + LOWER_LETTER + r"{0,7}){1,3})$"
)
#: A block this long is prose: the post's body has begun, its dateline is above.
PROSE_MIN_CHARS = 200
#: The last block of a page is prose from half that length (an excerpt cut in its lead; a one-sentence summary).
CUT_PROSE_MIN_CHARS = PROSE_MIN_CHARS // 2
#: Category, tag or breadcrumb lines a page may print above a post's headline.
LABEL_LINES_MAX = 2
#: Lines without letters ("-", "|") a page may print between its labels and its first block.
SEPARATOR_LINES_MAX = 2
#: The headline is at most this far from the dateline (a rating or views line may stand between them).
HEADLINE_REACH = 3
#: A headline ends on none of these: a sentence's or a list's end, or the separator of a menu of links ("Khu đô thị
#: sông Hồng sẽ không thu hẹp không gian thoát lũ -": other posts' headlines, one after another).
NOT_HEADLINE_ENDS = (".", ":", ";", " -", " –", "|")
#: A portal's "today" banner ("Chủ nhật, ngày 3 tháng 12 năm 2023", "Hôm nay, Thứ bảy ngày 15/08/2020") is not a
#: headline.
_WEEKDAY = re.compile(r"^(?:Hôm\s+nay\s*,?\s*)?(?:Thứ\s+\w+|Chủ\s+nhật)\b", re.IGNORECASE)
#: A headline has at least this many words (shorter lines are breadcrumbs or categories: "Tin tức - Sự kiện").
HEADLINE_MIN_WORDS = 5
#: A post names its source last, as a name, not a sentence: "Theo QuangBinh Portal", "Nguồn: baobackan.vn", maybe
#: with the address of the original after it ("Nguồn Quốc Hội TV: http://quochoitv.vn/…").
_SOURCE_LINE = re.compile(r"^(?:Theo|Nguồn)\s*:?\s+([^,;:|]{3,60}?)\.?(?:\s*[:(–-]?\s*(?:https?://|www\.)\S+?\)?)?$")
#: The year inside a number ("22/2008/QH12").
NUMBER_YEAR = re.compile(rf"^\d+[a-z]?/({YEAR})/")
#: The period a plan covers, read from its title: "giai đoạn 2021-2025", "2026 - 2030", "năm 2021", or a range
#: whose dash a PDF extraction lost ("20112020").
_PERIOD = re.compile(rf"({YEAR})\s*[-–—]\s*({YEAR})|({YEAR})({YEAR})")
_SINGLE_YEAR = re.compile(rf"\b({YEAR})\b")
#: The first paragraphs of the body where "… ban hành Kế hoạch …" tells the type of a document without header.
OPENING_PARAGRAPHS = 3
#: Titles are cut to this many characters: a decision's trích yếu may name the two decrees it follows with their numbers
#: and dates (400 characters and more); only a runaway title (a body glued to it) is longer.
TITLE_MAX_CHARS = 500
#: A post's headline is at most this long (a longer line is a paragraph).
HEADLINE_MAX_CHARS = 300
#: A title says what the document is about in at least this many words; one word under the type line is a title cut
#: by the end of a pasted excerpt ("THÔNG TƯ LIÊN TỊCH" / "HƯỚN"), unless the type names it ("LUẬT" / "THUẾ").
TITLE_MIN_WORDS = 2
#: A legal portal's headline naming the document by type and number, then its title: "Quyết định 1383/QĐ-BNV năm
#: 2012 phê duyệt Đề án …", "Chương 5 Nghị định 45/2020/NĐ-CP về thực hiện …" (a page of one part of it). What
#: follows the number must be the title, not its date or its signers ("… ngày 28/01/2011 giữa …").
PORTAL_HEADLINE = re.compile(
    r"^(?:(?:Chương|Mục|Phần|Điều)\s+(?:\d{1,3}|[IVXLC]{1,6})[a-z]?\.?\s+)?"
    r"(?:" + _KIND_NAMES + r")\s+(?:số\s+)?"
    r"(?P<n>\d+[a-z]?/[^\s:]+):?(?:\s+năm\s+" + YEAR + r")?\s+(?P<title>(?!ngày\b|của\b|giữa\b|số\b)[^\W\d_].{8,})$"
)
#: A legal site's short title of a document, as the whole of a page: type, number, the place and year it names, then
#: its subject ("Quyết định 45/QĐ-UBND Nghệ An 2023 phê duyệt danh mục …", "Quyết định 12/QĐ-TTg 2022 Ban Chỉ đạo
#: …"). The place is a few words without figures and the year closes them; a number that holds its year may have no
#: year after the place ("Quyết định 27/2016/QĐ-UBND Quảng Bình quy chế …": the province's name opens the rest).
#: Kinds a legal site's short title may open with: the kinds a header names, and a consolidated text, which the site
#: names by its label ("Văn bản hợp nhất 03/VBHN-VPQH 2021 hợp nhất Luật Khiếu nại").
_SHORT_TITLE_KINDS = CONSOLIDATED_TYPE + "|" + _KIND_NAMES
PORTAL_SHORT_TITLE = re.compile(
    r"^(?P<kind>" + _SHORT_TITLE_KINDS + r")\s+(?:số\s+)?"
    r"(?P<n>\d+[a-z]?/[^\s:]+)\s+(?:(?:[^\W\d_]+\s+){0,4}?(?P<y>" + YEAR + r")\s+)?"
    r"(?P<title>(?!ngày\b|của\b|giữa\b|số\b|năm\b)[^\W\d_].{8,})$"
)
#: The same headline naming the document's date and signers before its title: "Thông tư liên tịch số
#: 02/2011/TTLT-VPCP-BNV ngày 28/01/2011 giữa Chủ nhiệm Văn Phòng Chính Phủ và Bộ trưởng Bộ Nội vụ Hướng dẫn về …".
#: The signers' names are capitalised too; the title starts at the first capitalised word a trích yếu opens with. A
#: portal may bullet it.
PORTAL_HEADLINE_SIGNED = re.compile(
    r"^(?:[•+*-]\s*)?(?:" + _KIND_NAMES + r")\s+(?:số\s+)?"
    r"(?P<n>\d+[a-z]?/\S+)\s+ngày\s+\d{1,2}/\d{1,2}/\d{4}\s+(?:của|giữa)\s+.{3,160}?\s"
    r"(?P<title>(?:Hướng dẫn|Quy định|Về|Ban hành|Sửa đổi|Phê duyệt|Thành lập|Bãi bỏ|Triển khai|Thực hiện)\s.{8,}?)"
    r"(?:\s*\((?:Văn bản )?(?:hết|còn) hiệu lực[^)]*\))?$"
)
#: Blocks at each end of a text where a portal prints that headline (above the document, or in a trailer under it).
PORTAL_HEADLINE_BLOCKS = 3
#: A portal posting a document without its header names it on its first line, by type, number and date, then its
#: subject: "Công văn số 1448/SNV-CCHC ngày 27/12/2016 V/v xin ý kiến …", "Kế hoạch số 12/KH-UBND ngày 5 tháng 3
#: năm 2020 về kiểm tra …". That line is the document's own number, type, date and title (a news lead cites a
#: document inside a sentence, never as its first line).
NAMED_DOCUMENT_LINE = re.compile(
    "^" + CITED_DOCUMENT.pattern + r"\s*,?\s+(?:V/v|v/v|về việc|Về việc|về|Về)\s+(?P<title>[^\W\d_].{8,}?)\.?$"
)
#: Blocks at the top of an attached text where its note stands (under its title, which may wrap).
ATTACHMENT_NOTE_BLOCKS = 4
#: Lines of a header above an attached text's title (its body's name and the motto, each on up to two lines): the note
#: stands that much lower when the attached text keeps its own header, never past its first heading.
HEADER_BLOCKS_MAX = 4
#: Kinds of an office a number's code may name as its issuer ("SNV" → Sở Nội vụ, "VPUBND" → the committee's office).
CODE_ISSUER_KINDS = frozenset({"so", "office"})
#: Provinces named one after another ("Đà Nẵng, Thừa Thiên Huế, Quảng Ninh, Hải Phòng") are examples of a list:
#: from this many on, none of them is the text's own place (one province's districts listed are its places).
ENUMERATION_MIN = 3
#: What stands between two names of a list.
_LIST_GAP = re.compile(r"^\s*(?:,|;|và|hoặc|,\s*và)\s*$")


@dataclass
class _Reader:
    """What the readers share: the text, each block's offsets, the units and the portal's fields."""

    blocks: list[Block]
    text: str
    spans: list[tuple[int, int]]
    units: list[MatterLine]
    web: dict[str, str]
    portal: list[str] = field(default_factory=list)
    md: dict = field(default_factory=dict)
    found: dict[str, list[int]] = field(default_factory=dict)

    def role(self, role: str) -> list[tuple[int, int, str]]:
        """(start, end, text) of each unit of a role, in the document's text."""
        out = []
        for u in self.units:
            if u.role == role:
                s = self.spans[u.block][0] + u.start
                out.append((s, s + u.end - u.start, self.text[s: s + u.end - u.start]))
        return out

    def put(self, key: str, value: str, span: tuple[int, int] | None = None) -> None:
        self.md[key] = value
        if value and span:
            self.found[key] = [span[0], span[1]]


def _locate(blocks: list[Block], text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for block in blocks:
        start = text.find(block.text, pos)
        start = pos if start < 0 else start
        spans.append((start, start + len(block.text)))
        pos = start + len(block.text)
    return spans


def normalise_code(code: str) -> str:
    """A number's code with spaces removed and the hyphen a PDF extraction lost put back.

    >>> normalise_code("QĐUBND"), normalise_code("TTr- SKHCN"), normalise_code("2006/QĐ-UBND"), normalise_code("QH14")
    ('QĐ-UBND', 'TTr-SKHCN', '2006/QĐ-UBND', 'QH14')
    """
    code = re.sub(r"\s+", "", code)
    head, _, last = code.rpartition("/")
    if "-" not in last:
        for prefix in sorted(KIND_OF_CODE, key=len, reverse=True):
            rest = last[len(prefix):]
            if last.startswith(prefix) and len(rest) >= 2 and rest[0].isupper() and rest[1].isupper():
                last = f"{prefix}-{rest}"
                break
    return f"{head}/{last}" if head else last


def _read_number(r: _Reader) -> str:
    """so_hieu; returns the number's code (for the type) even when the number itself is blank (a draft)."""
    for start, _end, unit in r.role("number"):
        m = NUMBER.search(unit) or BARE_NUMBER.match(unit)
        if m:
            code = normalise_code(m.group("code"))
            if m.group("n"):
                s = start + m.start("n")
                r.put("so_hieu", f"{m.group('n')}/{code}", (s, start + m.end("code")))
            return code
    if r.web.get("so_hieu"):
        r.put("so_hieu", r.web["so_hieu"])
        return r.web["so_hieu"].split("/", 1)[-1]
    return ""


def _iso(day: str | None, month: str | None, year: str) -> str:
    """The ISO date; "" when the day or the month is blank (a draft's "ngày … tháng … năm 2016" gives its year only).

    >>> _iso("5", "3", "2021"), _iso(None, None, "2016")
    ('2021-03-05', '')
    """
    return f"{year}-{int(month):02d}-{int(day):02d}" if day and month else ""


def _read_date(r: _Reader) -> str:
    """ngay_ban_hanh and nam from the place-and-date line (or the portal's field); returns the place as written."""
    for start, _end, unit in r.role("place_date"):
        m = place_date(unit)
        if m:
            d, mo, y = ("d", "m", "y") if m.group("y") else ("d2", "m2", "y2")  # "ngày 5 tháng 3 năm …" or "5/3/…"
            span = (start + m.start(d) if m.group(d) else start + m.start("place"), start + m.end())
            r.put("ngay_ban_hanh", _iso(m.group(d), m.group(mo), m.group(y)), span)
            r.put("nam", m.group(y), (start + m.start(y), start + m.end(y)))
            r.found["noi_ban_hanh"] = [start + m.start("place"), start + m.end("place")]
            return m.group("place")
    web = re.match(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})", r.web.get("ngay_ban_hanh", ""))
    if web:
        r.put("ngay_ban_hanh", _iso(web.group(1), web.group(2), web.group(3)))
        r.put("nam", web.group(3))
        return ""
    _year_of_number(r)
    return ""


def _year_of_number(r: _Reader) -> None:
    """nam from a number that carries its year ("22/2008/QH12", "30/2018/QĐ-UBND") when no date says it."""
    span = _span_of(r, "so_hieu")
    m = NUMBER_YEAR.search(r.md.get("so_hieu", ""))
    if m and span:
        s = r.text.find(m.group(1), span[0], span[1])
        r.put("nam", m.group(1), (s, s + 4) if s >= 0 else span)


def _body_paragraphs(r: _Reader) -> list[tuple[int, str]]:
    in_units = {u.block for u in r.units}
    return [(r.spans[i][0], b.text) for i, b in enumerate(r.blocks) if i not in in_units and b.kind != "heading"]


def _consolidation_opening(r: _Reader) -> tuple[int, int] | None:
    """Span of the sentence every consolidated text opens with ("Nghị định số 63/2010/NĐ-CP … được sửa đổi, bổ sung
    bởi:"), among the first paragraphs."""
    for start, paragraph in _body_paragraphs(r)[:OPENING_PARAGRAPHS]:
        m = CONSOLIDATION_OPENING.search(paragraph)
        if m:
            return start + m.start(), start + m.end()
    return None


def _read_type(r: _Reader, code: str) -> None:
    if code.rsplit("/", 1)[-1].startswith(CONSOLIDATED_CODE):
        r.put("loai_van_ban", CONSOLIDATED_TYPE, _span_of(r, "so_hieu"))
        return
    if not code and (span := _consolidation_opening(r)):
        r.put("loai_van_ban", CONSOLIDATED_TYPE, span)
        return
    if not code and _glued_kind_headline(r) and _reads_as_news(r):
        return  # "THÔNG BÁO VỀ LỊCH CHẤM ĐIỂM …" over a news lead: a post's headline, the post is news
    if _type_of_header(r) or _type_of_code(r, code):
        return
    if not code and (span := _letter_opening(r)):
        r.put("loai_van_ban", LETTER_TYPE, span)
        return
    if _reads_as_news(r):
        return  # a news item reporting that a plan was issued is not that plan
    for start, paragraph in _body_paragraphs(r)[:OPENING_PARAGRAPHS]:
        m = ISSUER_ISSUES.search(paragraph)
        if m:
            r.put("loai_van_ban", m.group(1).capitalize(), (start + m.start(1), start + m.end(1)))
            return
    if r.web.get("loai_van_ban"):
        r.put("loai_van_ban", r.web["loai_van_ban"])
        return
    _type_it_names_itself(r)


#: Blocks at the top of a text where a letter cut above its header opens with its addressee ("Kính gửi: …").
LETTER_OPENING_BLOCKS = 3


def _letter_opening(r: _Reader) -> tuple[int, int] | None:
    """Span of the addressee line ("Kính gửi:") a text cut above its header opens with: a letter's salutation, which
    a công văn writes under its number and a post never does (a tờ trình's has its type line above it)."""
    for i, block in enumerate(r.blocks[:LETTER_OPENING_BLOCKS]):
        m = ADDRESSEE.match(block.text.strip())
        if m:
            start = r.spans[i][0] + len(block.text) - len(block.text.lstrip())
            return start, start + m.end()
    return None


def _type_it_names_itself(r: _Reader) -> None:
    """loai_van_ban of a text without header, number or opening that says it: the kind it most often names itself
    by ("… quy định trong Luật này" → Luật)."""
    found = [(start + m.start(1), start + m.end(1), m.group(1)) for start, paragraph in _body_paragraphs(r)
             for m in SELF_KIND.finditer(paragraph)]
    if found:
        kind = Counter(k for _, _, k in found).most_common(1)[0][0]
        s, e, _ = next(x for x in found if x[2] == kind)
        r.put("loai_van_ban", kind, (s, e))


def _glued_kind_headline(r: _Reader) -> tuple[int, int, str] | None:
    """The first title line when it is a headline opening with a kind word, its subject on the same line ("THÔNG BÁO
    VỀ LỊCH CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2017"), in a text without number and place-and-date line: a document writes
    its type word on a line of its own under its header, a post's headline may open with one."""
    if any(u.role in ("number", "place_date") for u in r.units):
        return None
    units = r.role("title")
    if not units:
        return None
    start, end, unit = units[0]
    head = type_head(unit)
    rest = unit[head[0]:].strip(" :") if head else ""
    if head and head[1] not in NAMED_TYPES and len(rest.split()) >= HEADLINE_MIN_WORDS and is_headline(unit):
        return start, end, unit
    return None


def _type_of_header(r: _Reader) -> bool:
    """loai_van_ban from the header's type line, a labelled number ("Luật số: …") or a công văn's "V/v" line."""
    for start, _end, unit in r.role("title"):
        part = law_part_prefix(unit)
        head = type_head(unit[part:])
        if head:
            r.put("loai_van_ban", DOC_TYPES[head[1]], (start + part, start + part + head[0]))
            return True
    for start, _end, unit in r.role("number"):
        label = NAMED_NUMBER.match(unit)
        if label:  # "Luật số: 99/2021/QH15" without the type line
            r.put("loai_van_ban", label.group(1).capitalize(), (start, start + label.end(1)))
            return True
    if any(SUBJECT_LINE.match(unit) for _, _, unit in r.role("title")):
        r.put("loai_van_ban", LETTER_TYPE, _span_of(r, "so_hieu"))
        return True
    return False


def _type_of_code(r: _Reader, code: str) -> bool:
    """loai_van_ban from the type letters of the number's code, or "Công văn" for a code that opens with its
    sender's ("2345/UBND-VX")."""
    kind = kind_of_code(code)
    if kind:
        r.put("loai_van_ban", kind, _span_of(r, "so_hieu"))
        return True
    if "-" in code.rsplit("/", 1)[-1] and r.md.get("so_hieu") and not CENTRAL_CODE.search(code):
        r.put("loai_van_ban", LETTER_TYPE, _span_of(r, "so_hieu"))
        return True
    return False


def _span_of(r: _Reader, key: str) -> tuple[int, int] | None:
    span = r.found.get(key)
    return (span[0], span[1]) if span else None


def _sentence_case(text: str) -> str:
    """Capitals of a header line turned into a sentence; numbers and codes ("01-CT/TU") kept as written.

    >>> _sentence_case("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2021 THEO 01-CT/TU")
    'Kế hoạch cải cách hành chính năm 2021 theo 01-CT/TU'

    A province keeps the capitals of its name (a proper name stays one):

    >>> _sentence_case("TRÊN ĐỊA BÀN TỈNH BÌNH ĐỊNH")
    'Trên địa bàn tỉnh Bình Định'

    A city's level written before its name stays in the title:

    >>> _sentence_case("TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH")
    'Trên địa bàn thành phố Hồ Chí Minh'
    """
    if not text.isupper():
        return text
    words = [w if any(c.isdigit() for c in w) else w.lower() for w in text.split(" ")]
    out = " ".join(words)
    if len(out) == len(text):
        for name, s, e in sorted(province_mentions(text), key=lambda m: -m[1]):
            short = name.removeprefix("Thành phố ")
            said = out[s:e].startswith("thành phố ") and short != name  # the level was written: keep it
            out = out[:s] + ("thành phố " if said else "") + short + out[e:]
    return out[:1].upper() + out[1:]


#: A note in brackets closing a title line, joined to it when the page was unwrapped: "… của Chính phủ (sửa đổi)
#: (trình phiên họp thường kỳ tháng 5/2019)".
_TRAILING_BRACKET = re.compile(r"\s*(\([^()]*\))\s*$")


def _without_note(title: str) -> str:
    """A title without the note in brackets that closes it (:func:`ingest.frontmatter.note_in_brackets`); any other
    bracket is the end of the title.

    >>> _without_note("Về dự thảo Nghị định (sửa đổi) (trình phiên họp thường kỳ tháng 5/2019)")
    'Về dự thảo Nghị định (sửa đổi)'
    >>> _without_note("Về dự thảo Nghị định (sửa đổi)")
    'Về dự thảo Nghị định (sửa đổi)'
    """
    m = _TRAILING_BRACKET.search(title)
    return title[:m.start()] if m and m.start() and note_in_brackets(m.group(1)) else title


#: The enacting council a resolution names under its title, with its term and session ("HỘI ĐỒNG NHÂN DÂN TỈNH X,
#: KHÓA IX - KỲ HỌP THỨ 18"), matched folded: when the page joined it to the title's line, the title ends before it.
_ENACTING_COUNCIL = re.compile(r"\s(?:hoi dong nhan dan|hdnd)\b[^,;:]{0,60}?[\s,;:\-–]*khoa\s+[ivxlc]+\b[\s,.;:\-–]*"
                               r"(?:ky hop|nhiem ky)\b", re.IGNORECASE)


def _before_council(unit: str) -> int:
    """Length of a title line without the enacting council's name and session joined after it
    (:data:`_ENACTING_COUNCIL`).

    >>> t = "VỀ NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2021 HỘI ĐỒNG NHÂN DÂN TỈNH X, KHÓA IX - KỲ HỌP THỨ 18"
    >>> t[:_before_council(t)]
    'VỀ NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2021'
    >>> t = "Về quy chế hoạt động của Hội đồng nhân dân tỉnh khóa mới"
    >>> _before_council(t) == len(t)
    True
    """
    folded = fold_accents(unit)
    m = _ENACTING_COUNCIL.search(folded) if len(folded) == len(unit) else None
    return m.start() if m else len(unit)


def _read_title(r: _Reader) -> None:
    units = [u for u in r.role("title") if not is_council_session(u[2])]  # a resolution without its title line
    if not units:
        return
    cut = next((n for n, u in enumerate(units) if _before_council(u[2]) < len(u[2])), None)
    if cut is not None:  # the council's name and session joined to a title line: the title ends there
        start, _end, unit = units[cut]
        units = units[:cut] + [(start, start + _before_council(unit), unit[:_before_council(unit)])]
    parts: list[tuple[int, int]] = []
    for n, (start, end, unit) in enumerate(units):
        part = law_part_prefix(unit) if n == 0 else 0
        head = type_head(unit[part:]) if n == 0 else None
        subject = SUBJECT_LINE.match(unit) if n == 0 else None
        if head and head[1] in NAMED_TYPES:
            end = _law_year(r, start + part + head[0], end)
        if head or subject:
            skip = part + head[0] if head else subject.end()  # the type word, or the "V/v" of a công văn
            rest = unit[skip:]
            start = start + skip + len(rest) - len(rest.lstrip(" :"))
        if start < end:
            parts.append((start, end))
    if parts:
        title = _without_note(" ".join(r.text[s:e] for s, e in parts))
        title = _sentence_case(title.strip())
        named = type_head(units[0][2][law_part_prefix(units[0][2]):])
        if len(title.split()) < TITLE_MIN_WORDS and not (named and named[1] in NAMED_TYPES):
            return
        r.put("tieu_de", (title[:1].upper() + title[1:])[:TITLE_MAX_CHARS], (parts[0][0], parts[-1][1]))


def _read_portal_title(r: _Reader) -> None:
    """tieu_de from a legal portal's headline naming the document's own number, when the header gave none; on a page
    whose number comes from the portal's table, the headline may stand under a menu of tabs ("- Tổng quan", "- Nội
    dung", …), further down."""
    number = r.md.get("so_hieu")
    if r.md.get("tieu_de") or not number:
        return
    top = DATELINE_BLOCKS if r.web.get("so_hieu") else PORTAL_HEADLINE_BLOCKS  # under a portal's menu of tabs
    ends = list(range(min(top, len(r.blocks))))
    ends += range(max(len(ends), len(r.blocks) - PORTAL_HEADLINE_BLOCKS), len(r.blocks))
    lines = [(r.blocks[i].text, r.spans[i][0]) for i in ends] + [(t, None) for t in r.portal]
    for text, start in lines:
        m = PORTAL_HEADLINE.match(text.strip()) or PORTAL_HEADLINE_SIGNED.match(text.strip())
        if m and normalise_code(m.group("n")) == normalise_code(number):
            title = m.group("title").strip()
            span = (start + m.start("title"), start + m.end("title")) if start is not None else None
            r.put("tieu_de", (title[:1].upper() + title[1:])[:TITLE_MAX_CHARS], span)
            return


def _law_year(r: _Reader, start: int, end: int) -> int:
    """The end of a law's name without the year it is cited with ("Cán bộ, công chức năm 2025"), that year read as
    the document's when nothing else dated it."""
    m = NAMED_TITLE.match(r.text[start:end].strip())
    if not (m and m.group("year")):
        return end
    at = r.text.rfind(m.group("year"), start, end)
    if not r.md.get("nam"):
        r.put("nam", m.group("year"), (at, at + 4))
    cut = re.search(r"\s+(?:năm\s+)?$", r.text[start:at])
    return start + cut.start() if cut else at


def _read_period(r: _Reader) -> None:
    """ky_ke_hoach: the year or period the title says the document covers."""
    span = _span_of(r, "tieu_de")
    if not span:
        return
    title = r.text[span[0]: span[1]]
    m = _PERIOD.search(title)
    if m and (m.group(1) or int(m.group(4)) > int(m.group(3))):
        first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        r.put("ky_ke_hoach", f"{first}-{last}", (span[0] + m.start(), span[0] + m.end()))
        return
    years = list(_SINGLE_YEAR.finditer(title))
    if len(years) == 1:
        r.put("ky_ke_hoach", years[0].group(1), (span[0] + years[0].start(), span[0] + years[0].end()))


#: Roles a post's headline in capitals takes in the front matter: it opens with a body's name, so it reads as one
#: (a header's line, or the authority line a header restates).
NAME_ROLES = ("header", "authority")


def _capitals_headline(r: _Reader) -> int | None:
    """Block index of a post's headline written in capitals that opens with the body it reports on ("HĐND XÃ VI HƯƠNG
    KHAI MẠC KỲ HỌP THỨ TÁM …"): the page's only line of a header, a headline's length (:func:`is_headline`), with a
    paragraph of prose right under it (the lead). A document's header names its body over a motto, a number, a date or
    a type line, never over a paragraph; a site's banner stands over the headline.

    >>> from ingest.clean import clean_lines
    >>> from ingest.structure import parse_structure
    >>> lead = ("Sáng ngày 14/11/2025, Hội đồng nhân dân xã tổ chức kỳ họp chuyên đề để xem xét, thảo luận và "
    ...         "quyết nghị những nội dung quan trọng thuộc thẩm quyền, bảo đảm hoạt động thông suốt của bộ máy chính "
    ...         "quyền địa phương sau sắp xếp.")
    >>> def head(src):
    ...     blocks = parse_structure(clean_lines(src))
    ...     return _capitals_headline(_Reader(blocks, src, _locate(blocks, src), matter_lines(blocks), {}))
    >>> head("HĐND XÃ MỸ HÒA HƯNG THÔNG QUA 4 NGHỊ QUYẾT QUAN TRỌNG\\n\\n" + lead)
    0
    >>> head("ỦY BAN NHÂN DÂN XÃ MỸ HÒA HƯNG\\n\\nSố: 12/KH-UBND\\n\\n" + lead) is None
    True
    """
    names = [u for u in r.units if u.role in NAME_ROLES]
    if not names or any(u.role != "basis" and u.block != names[0].block for u in r.units if u.role not in NAME_ROLES):
        return None
    i = names[0].block
    text = r.blocks[i].text
    if (any(u.block != i for u in names) or not is_upper_line(text) or not is_headline(text) or is_motto(text)
            or i + 1 >= len(r.blocks) or r.blocks[i + 1].kind != "para"
            or not _is_prose(r.blocks[i + 1].text, False)):
        return None
    return i


def _in_capitals_headline(r: _Reader) -> Callable[[int], bool]:
    """Whether an offset of the text lies in the post's headline in capitals (:func:`_capitals_headline`), which
    names no issuer."""
    headline = _capitals_headline(r)
    if headline is None:
        return lambda start: False
    low, high = r.spans[headline]
    return lambda start: low <= start < high


def _agency_lines(r: _Reader) -> list[tuple[int, int, str]]:
    """The header's body-name lines (not the motto, also typed or OCR'd without accents: "CONG HOA XA HOI"); a post's
    headline in capitals names no issuer (:func:`_in_capitals_headline`)."""
    in_headline = _in_capitals_headline(r)
    lines = [(s, e, t) for s, e, t in r.role("header")  # a page's chrome in lower case names no issuer
             if not t.islower() and not in_headline(s)
             and (is_agency(t) or COMMITTEE.match(fold_accents(t)) or t[:1].isupper() and len(t) < 40)]
    lines = [x for x in lines if not is_motto(x[2])]
    names = [x for x in lines if not _POST_PREFIX.match(x[2])]
    return _without_restated(names or lines)  # an authority line left in the header repeats the body's name


def _without_restated(lines: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Body-name lines without those a later line restates with more words: a council's header "HỘI ĐỒNG NHÂN DÂN"
    (the cell beside the motto) then its enacting line "HỘI ĐỒNG NHÂN DÂN TỈNH X" name one body, not two.

    >>> lines = [(0, 17, "HỘI ĐỒNG NHÂN DÂN"), (60, 91, "HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BÌNH")]
    >>> [t for _, _, t in _without_restated(lines)]
    ['HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BÌNH']
    >>> len(_without_restated([(0, 20, "UBND TỈNH BẮC KẠN"), (21, 30, "SỞ NỘI VỤ")]))
    2
    """
    def restated(text: str, later: list[tuple[int, int, str]]) -> bool:
        words = fold_accents(text).split()
        return any(len(w := fold_accents(t).split()) > len(words) and w[: len(words)] == words for _, _, t in later)
    return [x for i, x in enumerate(lines) if not restated(x[2], lines[i + 1:])]


def _agency(r: _Reader) -> tuple[str, tuple[int, int] | None]:
    """The issuing body as the header writes it (body-name lines, or the authority line without its post)."""
    lines = _agency_lines(r)
    if lines:
        return " ".join(t for _, _, t in lines), (lines[0][0], lines[-1][1])
    in_headline = _in_capitals_headline(r)
    for s, e, t in r.role("authority"):
        if in_headline(s):
            continue  # a post's headline in capitals
        post = _POST_PREFIX.match(t)
        return t[post.end():] if post else t, (s + (post.end() if post else 0), e)
    return "", None


def _local_unit(r: _Reader, agency: str) -> re.Match | None:
    """The level and name of a committee below the province, from the last header line that names one ("XÃ ĐƯNG
    K’NỚ", "ỦY BAN NHÂN DÂN XÃ TÂN KỲ" under "UBND HUYỆN TỨ KỲ"), else from the whole body name."""
    for _, _, line in reversed(_agency_lines(r)):  # "UBND HUYỆN TỨ KỲ" / "ỦY BAN NHÂN DÂN XÃ TÂN KỲ": the lowest issues
        m = LOCAL_UNIT.search(line.upper())
        if m and (m.start() == 0 or COMMITTEE.match(fold_accents(line[: m.start()]).strip())):
            return m
    return LOCAL_UNIT.search(agency.upper())


#: The level a province's capital city is named with ("THÀNH PHỐ BẮC KẠN"); a province itself is "tỉnh X".
CITY_LEVEL = "THÀNH PHỐ"


def _provincial_city(unit: re.Match) -> bool:
    """A local unit "THÀNH PHỐ X" whose X is a province that is no centrally-run city: the province's capital city (a
    district-level city, "Ủy ban nhân dân thành phố Bắc Kạn"), not the province, whose bodies write "tỉnh X". The city
    of Huế is left out: it became a centrally-run city in 2025 (:data:`textnorm.gazetteer.CITY_SINCE`).

    >>> [_provincial_city(LOCAL_UNIT.search(t)) for t in ("UBND THÀNH PHỐ BẮC KẠN", "UBND THÀNH PHỐ HẢI PHÒNG")]
    [True, False]
    >>> [_provincial_city(LOCAL_UNIT.search(t)) for t in ("UBND THÀNH PHỐ HUẾ", "UBND HUYỆN NA RÌ")]
    [False, False]
    """
    name = unit.group(2).strip().title()
    province = canonical_province(name)
    later_cities = {city for _, city in CITY_SINCE.values()}
    return (unit.group(1) == CITY_LEVEL and bool(province) and province not in CENTRAL_CITIES
            and province not in CITY_SINCE and name not in later_cities)


def _province_in(r: _Reader, span: tuple[int, int] | None) -> tuple[str, tuple[int, int] | None]:
    """The province a span names: a province's name, else a district, town or ward of one province only
    ("ỦY BAN NHÂN DÂN HUYỆN MỘC CHÂU" → Sơn La)."""
    if not span:
        return "", None
    piece = r.text[span[0]: span[1]]
    mentions = province_mentions(piece) or _settled_places(piece)
    if mentions:
        name, s, e = mentions[0]
        return name, (span[0] + s, span[0] + e)
    return "", None


def _settled_places(text: str) -> list[tuple[str, int, int]]:
    """(province, start, end) of the districts, towns and wards of a text naming no province whose name decides
    their province, or whose province the text's other places settle (:func:`textnorm.gazetteer.settled_provinces`):
    "UBND XÃ TÂN KỲ" alone names none (Hải Dương has a xã, Nghệ An a thị trấn of that name), under "UBND HUYỆN TỨ
    KỲ" it is Hải Dương's.

    >>> _settled_places("UBND XÃ TÂN KỲ"), _settled_places("UBND HUYỆN TỨ KỲ\\nUBND XÃ TÂN KỲ")[1]
    ([], ('Hải Dương', 25, 31))
    """
    mentions = place_mentions(text)
    return [(p, m.start, m.end) for m, p in zip(mentions, settled_provinces(text, [], mentions)) if p]


def _is_header_commune(r: _Reader, place: str, agency: str) -> bool:
    """The place of the place-and-date line is the commune, ward or town whose committee the header names ("ỦY BAN
    NHÂN DÂN XÃ TÂN KỲ" / "Tân Kỳ, ngày …"): the same unit, so no more evidence of its province than the header
    gave (:func:`_settled_places`), and no district of that name elsewhere (Nghệ An's huyện Tân Kỳ)."""
    unit = _local_unit(r, agency)
    return bool(unit) and unit.group(1).lower() not in DISTRICT_LEVEL_WORDS and (
        fold_accents(unit.group(2)).split() == fold_accents(place).lower().split())


def _province_of_place_line(r: _Reader, place: str) -> str:
    """The province of the place of a place-and-date line from the table of districts ("Vinh" → Nghệ An), with the
    part of a dashed name the line's pattern leaves out ("Phan Rang - Tháp Chàm")."""
    span = _span_of(r, "noi_ban_hanh")
    before = r.text[max(0, span[0] - 30): span[0]] if span else ""
    head = re.search(r"((?:[^\W\d_]+ ){0,2}[^\W\d_]+)\s*[-–]\s*$", before)
    return (head and province_of_place(f"{head.group(1)} - {place}")) or province_of_place(place) or ""


def _read_province(r: _Reader, place: str, agency_span: tuple[int, int] | None, local_code: bool = True) -> None:
    """tinh: the header's body name or authority line, then the place-and-date line, then the title, the body."""
    authority = r.role("authority")
    candidates = [agency_span] + [(s, e) for s, e, _ in authority] + [_span_of(r, "tieu_de")]
    for span in candidates[:1 + len(authority)]:
        name, where = _province_in(r, span)
        if name:
            r.put("tinh", name, where)
            return
    if place and agency_span and _is_header_commune(r, place, r.text[agency_span[0]: agency_span[1]]):
        place = ""  # "UBND XÃ TÂN KỲ" / "Tân Kỳ, ngày …": the commune again, not Nghệ An's huyện Tân Kỳ
    name = canonical_province(place) or _province_of_place_line(r, place) if place else ""  # "Vinh, ngày …"
    if name == CAPITAL and not agency_span and not local_code:
        return  # "Hà Nội, ngày …" under no body's name: where every central body writes, not a province's mark
    if name:
        r.put("tinh", name, _span_of(r, "noi_ban_hanh"))
        return
    name, where = _province_in(r, candidates[-1])
    if name:
        r.put("tinh", name, where)
        return
    _vote_body_province(r, BARE_VOTES if _headline_only(r) else CUED_VOTES)


def _headline_only(r: _Reader) -> bool:
    """The whole text is one headline-long line (a page that kept only a post's headline): a place it names is its
    subject ("Hà Nội dự kiến giảm 5 sở sau tinh gọn bộ máy"). A tag page's line of tags is a list, not a headline
    ("Hải Phòng, Đề án sắp xếp các đơn vị hành chính, ý kiến cử tri, …")."""
    text = r.text.strip()
    return 0 < len(text) <= HEADLINE_MAX_CHARS and "\n" not in text and text.count(",") < TAG_LIST_COMMAS


#: The tier whose units keep their name when their level changes: a district upgraded ("huyện Mộc Châu" of 2020 is
#: "thị xã Mộc Châu" in the table) is that district, named with its level. A commune or ward named with a level the
#: table does not give that name ("xã X" of the table's "phường X") may be another province's commune the table no
#: longer lists (merged before 2025; commune names repeat across the country): it votes as a bare name.
DISTRICT_TIER = "district"


def _body_votes(text: str, skip: tuple[tuple[int, int], ...] = ()) -> tuple[Counter, dict[str, tuple[int, int]]]:
    """Votes of each province the body names, directly or through its districts, towns and wards, and the first
    span naming it. A place named after a court or a procuracy is theirs and does not vote, nor one inside a span of
    ``skip`` (a news agency's dateline: where it wrote)."""
    votes: Counter = Counter()
    first: dict[str, tuple[int, int]] = {}
    folded = fold_accents(text)
    provinces = province_mentions(text)
    mentions = [(name, s, e, bool(PROVINCE_CUE.search(folded[max(0, s - 12): s]))) for name, s, e in provinces]
    places = place_mentions(text, provinces=provinces)
    # a commune, ward or town whose name several provinces have and no other name settles
    # (:func:`textnorm.gazetteer.settled_provinces`) votes as a bare name (:data:`BARE_VOTES`), however its level is
    # written: a post whose one place it is ("tại xã Tân Kỳ") keeps it, a plan needs more (no vote lost two tune posts)
    for m, settled in zip(places, settled_provinces(text, [name for name, _, _ in provinces], places)):
        cued = bool(settled) and m.cued and (m.level_as_written or m.level == DISTRICT_TIER)
        mentions.append((settled or m.province, m.start, m.end, cued))
    listed = _mixed_lists(text, mentions)
    skip = tuple(skip) + _cited_title_lines(text) + _other_post_lines(text) + _links(text)
    for name, s, e, cued in sorted(mentions, key=lambda m: m[1]):
        if (OTHER_BRANCH_BEFORE.search(folded[max(0, s - 60): s]) or any(a <= s < b for a, b in skip) or s in listed
                or (not cued and INSTITUTION_BEFORE.search(folded[max(0, s - 20): s]))):
            continue
        votes[name] += CUED_VOTES if cued else BARE_VOTES
        first.setdefault(name, (s, e))
    return votes, first


#: A web address written in the text ("Source: https://baodaknong.vn/dak-nong-sap-xep-…", "www.quangninh.gov.vn/…"):
#: the words of its path name the page it links to, not the text's place (a province only in an address gives none).
LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def _links(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the web addresses the text writes (:data:`LINK`).

    >>> t = "Source: https://baodaknong.vn/dak-nong-sap-xep-he-thong.html\\nComment (0)"
    >>> [t[s:e] for s, e in _links(t)]
    ['https://baodaknong.vn/dak-nong-sap-xep-he-thong.html']
    """
    return tuple(m.span() for m in LINK.finditer(text))


def _cited_title_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the lines that name another document by kind and number first (:data:`CITED_TITLE_LINE`).

    >>> _cited_title_lines("- 1Nghị định 93/2001/NĐ-CP quy định phân cấp cho thành phố Hồ Chí Minh\\nUBND tỉnh")
    ((0, 70),)
    """
    spans = []
    for m in CITED_TITLE_LINE.finditer(text):
        end = text.find("\n", m.start())
        spans.append((m.start(), len(text) if end < 0 else end))
    return tuple(spans)


def _other_post_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of a portal's links to other posts (:data:`textnorm.patterns.OTHER_POSTS_LINE`): a labelled link's
    line, or a heading's line and the short lines under it (the headlines it lists, up to :data:`OTHER_POSTS_MAX`).

    >>> t = "Địa điểm: huyện Na Rì.\\nBài trướcNa Rì gặp mặt tại Thành phố Hồ Chí Minh\\nTin liên quan\\nHuế: họp\\n"
    >>> [t[s:e] for s, e in _other_post_lines(t)]
    ['Bài trướcNa Rì gặp mặt tại Thành phố Hồ Chí Minh', 'Tin liên quan', 'Huế: họp']
    """
    spans = []
    for m in OTHER_POSTS_LINE.finditer(text):
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        spans.append((m.start(), end))
        if m.group("heading") is None:
            continue
        listed = 0
        for line in re.finditer(r"[^\n]+", text[end:]):
            if len(line.group()) >= PROSE_MIN_CHARS or listed >= OTHER_POSTS_MAX:
                break
            if line.group().strip():
                spans.append((end + line.start(), end + line.end()))
                listed += 1
    return tuple(spans)


def _lists(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The spans grouped into lists of at least :data:`ENUMERATION_MIN` names, one after another."""
    runs: list[list[tuple[int, int]]] = []
    for span in sorted(set(spans)):
        if runs and _LIST_GAP.match(text[runs[-1][-1][1]: span[0]]):
            runs[-1].append(span)
        else:
            runs.append([span])
    return [run for run in runs if len(run) >= ENUMERATION_MIN]


def _mixed_lists(text: str, mentions: list[tuple[str, int, int, bool]]) -> set[int]:
    """Starts of the names, its level before the first one or not, in a list naming several provinces ("các tỉnh Bắc
    Kạn, Cao Bằng, Lạng Sơn"): none of them is the text's place. A list of one province's districts ("các huyện Na Rì,
    Chợ Đồn và Bạch Thông", or bare: "Na Rì, Chợ Đồn, Bạch Thông") is not one: they settle their province.

    >>> t = "các tỉnh Bắc Kạn, Cao Bằng, Lạng Sơn; các huyện Na Rì, Chợ Đồn, Bạch Thông"
    >>> m = [("Bắc Kạn", 9, 16, True), ("Cao Bằng", 18, 26, False), ("Lạng Sơn", 28, 36, False),
    ...      ("Bắc Kạn", 49, 54, True), ("Bắc Kạn", 56, 63, False), ("Bắc Kạn", 65, 75, False)]
    >>> sorted(_mixed_lists(t, m))
    [9, 18, 28]
    >>> t = "ở một số địa phương như Đà Nẵng, Huế, Quảng Ninh và Hải Phòng; tại Quảng Bình"
    >>> m = [("Đà Nẵng", 24, 31, False), ("Thừa Thiên Huế", 33, 36, False), ("Quảng Ninh", 38, 48, False),
    ...      ("Hải Phòng", 52, 61, False), ("Quảng Bình", 67, 77, False)]
    >>> sorted(_mixed_lists(t, m))
    [24, 33, 38, 52]
    """
    province_at = {(s, e): name for name, s, e, _ in mentions}
    return {s for run in _lists(text, list(province_at)) if len({province_at[x] for x in run}) > 1 for s, _ in run}


def _vote_body_province(r: _Reader, min_votes: int = CUED_VOTES) -> None:
    """Most named province of the body (:func:`_body_votes`). A document needs ``min_votes`` (a "tỉnh X", a
    "huyện Y" of X, or three bare mentions: a plan names its own place with its level)."""
    votes, first = _body_votes(r.text, _agency_datelines(r))
    if len(votes) > 1 and NATIONAL_RANKING.search(r.text):
        return  # a ranking of the country's provinces names several of them and is about none
    if not votes:
        web = canonical_province(re.sub(r"^(?:tỉnh|thành phố)\s+", "", r.web.get("co_quan", ""), flags=re.I))
        if web:
            r.put("tinh", web)
        return
    (name, count), *others = votes.most_common(2)
    if _merger_group(votes, name):
        return  # "sáp nhập tỉnh Hà Nam, tỉnh Nam Định và tỉnh Ninh Bình": about the merger, none of the three alone
    if count >= min_votes and count >= SUBJECT_SHARE * sum(votes.values()) and (not others or others[0][1] < count):
        r.put("tinh", name, first[name])


def _merger_group(votes: Counter, name: str) -> bool:
    """The text names, beside ``name``, at least :data:`MERGER_PARTNERS_MIN` other provinces merged with it in 2025,
    each as its own place ("tỉnh X") and together about as often as ``name`` (:data:`SUBJECT_SHARE` of its votes):
    a page about that merger, whose provinces are its subject together. A page about one of them that recalls the
    merger once names its own places far more often.

    >>> _merger_group(Counter({"Ninh Bình": 9, "Hà Nam": 3, "Nam Định": 3}), "Ninh Bình")
    True
    >>> _merger_group(Counter({"Thành phố Hồ Chí Minh": 29, "Bình Dương": 3, "Bà Rịa - Vũng Tàu": 3}),
    ...               "Thành phố Hồ Chí Minh")
    False
    """
    group = current_province(name)
    partners = [n for p, n in votes.items() if p != name and n >= CUED_VOTES and current_province(p) == group]
    return len(partners) >= MERGER_PARTNERS_MIN and sum(partners) >= SUBJECT_SHARE * votes[name]


def _agency_datelines(r: _Reader) -> tuple[tuple[int, int], ...]:
    """Spans of the place of a news agency's dateline opening a paragraph ("Hà Nội (TTXVN 18/4/2024) …")."""
    out = []
    for (start, _end), block in zip(r.spans[:DATELINE_BLOCKS], r.blocks[:DATELINE_BLOCKS]):
        m = NEWS_AGENCY_DATELINE.match(block.text)
        if m:
            out.append((start + m.start("place"), start + m.end("place")))
    return tuple(out)


#: A blank left to fill in a template or a draft (:data:`textnorm.patterns.BLANK_FIELD`): no value.
TEMPLATE_BLANK = re.compile(BLANK_FIELD)
#: A national committee of any name ("ỦY BAN QUỐC GIA VỀ CHUYỂN ĐỔI SỐ"): a central body, whatever place its header
#: line gives (Hà Nội is where it sits, not whose it is).
NATIONAL_COMMITTEE = re.compile(r"^(?:[UỦ][ỶY] BAN QUỐC GIA|Ủy ban Quốc gia)\b", re.IGNORECASE)
#: A body of a local unit, whose level is the unit's ("Ban Chỉ đạo … huyện X" works at the district's level).
LOCAL_BODY = re.compile(r"^(?:thuong truc\s+)?(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|ban chi dao)\b",
                        re.IGNORECASE)
#: A council's standing committee ("Thường trực HĐND huyện"), which acts for the council between its sessions.
STANDING_BODY = "Thường trực "
#: Abbreviations in a body name, written out as the name reads ("VĂN PHÒNG UBND TỈNH X").
BODY_ABBREVIATIONS = {"ubnd": "Ủy ban nhân dân", "hđnd": "Hội đồng nhân dân"}


def _body_name(text: str) -> str:
    """A body name in capitals written as a name: "BỘ NỘI VỤ" → "Bộ Nội vụ"; its province keeps its capitals.

    >>> _body_name("BỘ NỘI VỤ"), _body_name("VĂN PHÒNG UBND TỈNH BÌNH ĐỊNH")
    ('Bộ Nội vụ', 'Văn phòng Ủy ban nhân dân tỉnh Bình Định')
    """
    if not text.isupper():
        return text
    out = text.lower()
    if len(out) == len(text):
        for name, s, e in sorted(province_mentions(text), key=lambda m: -m[1]):
            out = out[:s] + name.removeprefix("Thành phố ") + out[e:]
    words = [w.upper() if _is_initials(w) else BODY_ABBREVIATIONS.get(w, w) for w in out.split()]
    if len(words) > 1 and words[0] in ("bộ", "sở", "ban", "cục", "vụ", "văn", "tổng", "phòng", "chi", "trung"):
        k = 2 if words[0] in ("văn", "tổng", "chi", "trung") and len(words) > 2 else 1
        words[k] = words[k][:1].upper() + words[k][1:]
    out = _local_place_capitalised(" ".join(words))
    return out[:1].upper() + out[1:]


#: Letters that make a word pronounceable: a word in capitals without any is initials ("CCHC", "PBGDPL").
_VOWELS = frozenset("aeiouy")


def _is_initials(word: str) -> bool:
    """A word of a body's name that is initials, kept in capitals ("cchc" of "BAN CHỈ ĐẠO CCHC"); the council's and
    committee's own initials are written out instead (:data:`BODY_ABBREVIATIONS`).

    >>> _is_initials("cchc"), _is_initials("hđnd"), _is_initials("nội"), _is_initials("vụ")
    (True, False, False, False)
    """
    letters = fold_accents(word)
    return len(word) > 1 and word.isalpha() and word not in BODY_ABBREVIATIONS and not _VOWELS.intersection(letters)


#: A local body's name up to its unit's level ("hội đồng nhân dân huyện", "ban chỉ đạo … xã"), lower case: the words
#: after it are the unit's place name.
_LOCAL_BODY_UNIT = re.compile(r"^(?:thường trực\s+)?(?:ủy ban nhân dân|hội đồng nhân dân|ban chỉ đạo)\b.*?"
                              r"\b(?:huyện|quận|thị xã|thành phố|xã|phường|thị trấn)\s+(?=\S)")


def _local_place_capitalised(name: str) -> str:
    """A local body's name with its unit's place name capitalised ("hội đồng nhân dân huyện na rì" → "… huyện Na Rì").

    >>> _local_place_capitalised("hội đồng nhân dân huyện na rì"), _local_place_capitalised("sở lao động và xã hội")
    ('hội đồng nhân dân huyện Na Rì', 'sở lao động và xã hội')
    """
    m = _LOCAL_BODY_UNIT.match(name.lower())
    if not m:
        return name
    return name[: m.end()] + " ".join(w[:1].upper() + w[1:] for w in name[m.end():].split(" "))


def _is_central(r: _Reader, agency: str, code: str) -> bool:
    """A national body's document: by its type, its header's body, or its number's code, unless the header names a
    local body ("UBND TỈNH X" / "BAN CHỈ ĐẠO …" signs "…/KH-BCĐ" as the national steering committee does)."""
    local_header = bool(agency) and bool(province_mentions(agency) or LOCAL_UNIT.search(agency.upper()))
    return bool(r.md.get("loai_van_ban") in NATIONAL_TYPES or (agency and is_central_body(agency))
                or NATIONAL_COMMITTEE.match(agency)
                or (code and (CENTRAL_CODE.search(code) or central_issuer(code)) and not code.endswith("UBND")
                    and not local_header))


def _naming_span(r: _Reader, agency_span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The header line that names the body with its province ("ỦY BAN NHÂN DÂN TỈNH X"), else the body name."""
    for span in [agency_span] + [_body_span(s, e, t) for s, e, t in r.role("authority")]:
        if span and province_mentions(r.text[span[0]: span[1]]):
            return span
    return agency_span


def _body_span(start: int, end: int, text: str) -> tuple[int, int]:
    post = _POST_PREFIX.match(text)
    return (start + post.end(), end) if post else (start, end)


def _subordinate(r: _Reader) -> tuple[int, int, str] | None:
    """The last body-name line when it is a department under the body above it ("UBND TỈNH X" / "SỞ NỘI VỤ", "UBND
    HUYỆN Y" / "PHÒNG NỘI VỤ"), with the rest of its name when it wraps ("SỞ THÔNG TIN VÀ" / "TRUYỀN THÔNG")."""
    found = _units_under(r)
    return found[1] if found else None


def _units_under(r: _Reader) -> tuple[tuple[int, int, str], tuple[int, int, str]] | None:
    """(parent, unit): the header's last department under a body named above it, the rest of its name joined."""
    lines = [x for x in r.role("header") if not is_motto(x[2])]
    names = [i for i, (_, _, t) in enumerate(lines) if is_agency(t) or UNIT_UNDER_BODY.match(t)]
    units = [i for i in names[1:] if SUBORDINATE.match(lines[i][2])]
    if not units:
        return None
    last = end = units[-1]
    while (end + 1 < len(lines) and end + 1 not in names and is_upper_line(lines[end + 1][2])
           and len(lines[end + 1][2]) <= WRAPPED_NAME_MAX and lines[end + 1][0] - lines[end][1] <= 1):
        end += 1  # the rest of a wrapped name ("TRUYỀN THÔNG"), on the next line
    text = " ".join(t for _, _, t in lines[last: end + 1])
    return lines[names[names.index(last) - 1]], (lines[last][0], lines[end][1], text)


#: The council or committee a header names above its standing committee ("HĐND TỈNH X" / "THƯỜNG TRỰC"), folded.
_COUNCIL = re.compile(r"^(?:hdnd|hoi dong nhan dan)\b")


def _standing_name(parent: str) -> str:
    """The name of the standing committee a header shows under its council ("HĐND HUYỆN NA RÌ" / "THƯỜNG TRỰC" →
    "Thường trực Hội đồng nhân dân", its place added as a department's is).

    >>> _standing_name("HĐND HUYỆN NA RÌ"), _standing_name("ỦY BAN NHÂN DÂN TỈNH X")
    ('Thường trực Hội đồng nhân dân', 'Thường trực Ủy ban nhân dân')
    """
    council = _COUNCIL.match(fold_accents(parent))
    return STANDING_BODY + (BODY_ABBREVIATIONS["hđnd"] if council else BODY_ABBREVIATIONS["ubnd"])


def _office_name(parent: str) -> str:
    """The name of the office ("VĂN PHÒNG") a header shows under its council or committee, its place added as a
    department's is: "Văn phòng Hội đồng nhân dân" under "HĐND TỈNH X", else "Văn phòng Ủy ban nhân dân".

    >>> _office_name("HĐND TỈNH BẮC KẠN"), _office_name("UBND TỈNH BẮC KẠN")
    ('Văn phòng Hội đồng nhân dân', 'Văn phòng Ủy ban nhân dân')
    """
    council = _COUNCIL.match(fold_accents(parent))
    return "Văn phòng " + (BODY_ABBREVIATIONS["hđnd"] if council else BODY_ABBREVIATIONS["ubnd"])


def _unit_place(parent: str, tinh: str, issued: str) -> tuple[str, str]:
    """The place a department's name is completed with, and its level: the district of a district's committee
    ("UBND HUYỆN THĂNG BÌNH" → "huyện Thăng Bình", "Huyện"), else the province ("tỉnh Quảng Nam", "Tỉnh").

    >>> _unit_place("UBND HUYỆN THĂNG BÌNH", "Quảng Nam", ""), _unit_place("UBND TỈNH QUẢNG NAM", "Quảng Nam", "")
    (('huyện Thăng Bình', 'Huyện'), ('tỉnh Quảng Nam', 'Tỉnh'))
    """
    unit = LOCAL_UNIT.search(parent.upper())
    if unit and not province_mentions(parent) and unit.group(1).lower() in DISTRICT_LEVEL_WORDS:
        return f"{unit.group(1).lower()} {unit.group(2).title()}", "Huyện"
    return (province_unit_name(tinh, issued), "Tỉnh") if tinh else ("", "")


def _issued(r: _Reader) -> str:
    """The date of issue, else the year ("" when unknown): a province's bodies are named as on that date."""
    return r.md.get("ngay_ban_hanh") or r.md.get("nam") or ""




def _read_central_body(r: _Reader, agency: str, agency_span: tuple[int, int] | None, code: str) -> None:
    """co_quan of a national body: the header's name (a department under a ministry: "BỘ TÀI CHÍNH" / "TỔNG CỤC
    THUẾ" → the department), else the body its number's code names, else the one its enacting clause names."""
    r.put("cap", CENTRAL_LEVEL)
    subordinate = _subordinate(r)
    if subordinate and CENTRAL_SUBORDINATE.match(subordinate[2]):
        r.put("co_quan", _body_name(subordinate[2]), subordinate[:2])
    elif agency:
        r.put("co_quan", _body_name(agency), agency_span)
    elif code and central_issuer(code):
        r.put("co_quan", central_issuer(code), _span_of(r, "so_hieu"))
    else:
        for start, paragraph in _body_paragraphs(r)[:ENACTING_PARAGRAPHS]:
            m = ENACTING_CLAUSE.search(paragraph)
            if m:
                r.put("co_quan", m.group("body"), (start + m.start("body"), start + m.end("body")))
                return


def _read_body(r: _Reader, code: str, place: str) -> None:
    """co_quan, cap and tinh; a template's body left blank ("ỦY BAN NHÂN DÂN XÃ ..........") is no body."""
    _read_body_name(r, code, place)
    if TEMPLATE_BLANK.search(r.md.get("co_quan", "")):
        r.md["co_quan"] = ""
        r.found.pop("co_quan", None)


def _read_body_name(r: _Reader, code: str, place: str) -> None:
    """co_quan, cap and tinh as the header, the place-and-date line or the number's code name them."""
    agency, agency_span = _agency(r)
    if _is_central(r, agency, code):
        _read_central_body(r, agency, agency_span, code)
        return
    _read_province(r, place, agency_span, bool(LOCAL_CODE.search(code)))
    tinh = r.md.get("tinh", "")
    subordinate = _subordinate(r)
    district = _local_unit(r, agency)
    is_committee = COMMITTEE.match(fold_accents(agency)) or (
        not agency and code.endswith("UBND"))
    if subordinate:
        parent = _units_under(r)[0][2]
        name = _body_name(subordinate[2]) if subordinate[2].upper() != OFFICE else _office_name(parent)
        name = _standing_name(parent) if subordinate[2].upper() == STANDING_BODY.strip().upper() else name
        place, level = _unit_place(parent, tinh, _issued(r))
        where = f" {place}" if place and not province_mentions(subordinate[2]) else ""
        r.put("co_quan", name + where, subordinate[:2])
        r.put("cap", level)
    elif is_committee and district and (not province_mentions(agency) or _provincial_city(district)):
        level, name = district.group(1).lower(), district.group(2).title()
        r.put("co_quan", f"Ủy ban nhân dân {level} {name}", agency_span)
        r.put("cap", "Huyện" if level in DISTRICT_LEVEL_WORDS else "Xã")
    elif is_committee and tinh:
        r.put("co_quan", f"Ủy ban nhân dân {province_unit_name(tinh, _issued(r))}", _naming_span(r, agency_span))
        r.put("cap", "Tỉnh")
    elif agency:
        r.put("co_quan", _body_name(agency), agency_span)
    else:
        _read_code_issuer(r, code, tinh)
    if not r.md.get("co_quan") and not _reads_as_news(r):
        _read_opening_issuer(r)


def _read_letter_speaker(r: _Reader) -> None:
    """co_quan of a letter cut above its header (it opens with its addressee, :func:`_letter_opening`) from the clause
    in which its sender speaks as itself ("Bộ Thông tin và Truyền thông trân trọng đề nghị …",
    :func:`textnorm.patterns.letter_speaker`), the abbreviations the text defines written out; its province when the
    name gives one."""
    if r.md.get("co_quan") or not _letter_opening(r):
        return
    body = [(r.spans[i][0], b.text) for i, b in enumerate(r.blocks) if b.kind == "para"]  # under the addressees
    for start, paragraph in body[:ENACTING_PARAGRAPHS]:
        m = letter_speaker(paragraph)
        if m:
            span = (start + m.start("body"), start + m.end("body"))
            r.put("co_quan", expand_defined(re.sub(r"\s+", " ", m.group("body")), r.text), span)
            if not r.md.get("tinh"):
                province, where = _province_in(r, span)
                r.put("tinh", province, where)
            return


def _read_opening_issuer(r: _Reader) -> None:
    """co_quan (and cap, tinh if unknown) of a document without a header from the sentence its body opens with ("Ủy
    ban nhân dân xã X thông báo … như sau:", :data:`textnorm.patterns.ISSUER_OPENING`)."""
    for start, paragraph in _body_paragraphs(r)[:ENACTING_PARAGRAPHS]:
        found = _opening_body(r, paragraph.strip())
        if not found:
            continue
        name, (s, e) = found
        at = start + len(paragraph) - len(paragraph.lstrip())
        span = (at + s, at + e)
        r.put("co_quan", name, span)
        unit = LOCAL_UNIT.search(name.upper())
        level = unit.group(1).lower() if unit and LOCAL_BODY.match(fold_accents(name)) else ""
        r.put("cap", "Tỉnh" if not level or level == "tỉnh" else "Huyện" if level in DISTRICT_LEVEL_WORDS else "Xã")
        if not r.md.get("tinh"):
            province, where = _province_in(r, span)
            r.put("tinh", province, where)
        return


def _opening_body(r: _Reader, paragraph: str) -> tuple[str, tuple[int, int]] | None:
    """The body an opening paragraph names as its issuer, written out, and its offsets in the paragraph: a committee
    or department with its place (:data:`textnorm.patterns.ISSUER_OPENING`, :data:`textnorm.patterns.ISSUING_BODY`),
    else a local body by its level whose name the text gives elsewhere (:data:`textnorm.patterns.OPENING_BODY_CLAUSE`:
    "Thường trực HĐND huyện xây dựng … như sau:" → "Thường trực Hội đồng nhân dân huyện X")."""
    m = ISSUER_OPENING.match(paragraph) or ISSUING_BODY.search(paragraph)
    if m:
        name = re.sub(r"^UBND\b", BODY_ABBREVIATIONS["ubnd"], m.group("body"))
        return name[:1].upper() + name[1:], (m.start("body"), m.end("body"))
    m = OPENING_BODY_CLAUSE.search(paragraph)
    body = _notice_body(r, m) if m else ""
    if not m or body.endswith(m.group("level")):
        return None  # "Ủy ban nhân dân thành phố ban hành …" of a text naming no city: which one is unknown
    standing = STANDING_BODY if m.group("standing") else ""
    return standing + body, (m.start("standing") if standing else m.start("body"), m.end("body"))


def _code_issuer(code: str) -> str:
    """The office a local number's code names as its sender, after the type letters if any ("SNV-CCHC",
    "KH-SNV" → Sở Nội vụ; "KH-VPUBND" → the committee's office); "" for a committee's or an unknown code.

    >>> _code_issuer("SNV-CCHC"), _code_issuer("KH-VPUBND"), _code_issuer("KH-UBND"), _code_issuer("UBND-VX")
    ('Sở Nội vụ', 'Văn phòng Ủy ban nhân dân', '', '')
    """
    parts = [p for p in code.split("/")[-1].split("-") if p]
    if parts and parts[0] in KIND_OF_CODE:
        parts = parts[1:]
    found = find_agencies(parts[0]) if parts else []
    if len(found) != 1 or found[0].kind not in CODE_ISSUER_KINDS:
        return ""
    return "Văn phòng Ủy ban nhân dân" if found[0].kind == "office" else found[0].name


def _read_code_issuer(r: _Reader, code: str, tinh: str) -> None:
    """co_quan of a document without a body's name in its header, from its number's code and its province."""
    name = _code_issuer(code)
    if name:
        where = f" {province_unit_name(tinh, _issued(r))}" if tinh else ""
        r.put("co_quan", name + where, _span_of(r, "so_hieu"))


def _named_line(r: _Reader) -> tuple[int, re.Match] | None:
    """The first line naming the document itself (:data:`NAMED_DOCUMENT_LINE`) in a text without a header."""
    if any(u.role in ("number", "place_date") for u in r.units):
        return None
    for i, block in enumerate(r.blocks[:PORTAL_HEADLINE_BLOCKS]):
        m = NAMED_DOCUMENT_LINE.match(block.text.strip())
        if m and m.group("date"):
            return r.spans[i][0] + len(block.text) - len(block.text.lstrip()), m
    return None


def _read_named_line(r: _Reader) -> str:
    """so_hieu, loai_van_ban, ngay_ban_hanh, nam and tieu_de from the line naming the document; returns its code."""
    named = _named_line(r)
    if not named:
        return ""
    start, m = named
    code = normalise_code(re.sub(r"\s+", "", m.group("n")).split("/", 1)[-1])
    number = re.sub(r"\s+", "", m.group("n")).split("/", 1)[0]
    r.put("so_hieu", f"{number}/{code}", (start + m.start("n"), start + m.end("n")))
    r.put("loai_van_ban", m.group("kind").capitalize(), (start + m.start("kind"), start + m.end("kind")))
    date = re.findall(r"\d+", m.group("date"))
    r.put("ngay_ban_hanh", _iso(date[0], date[1], date[2]), (start + m.start("date"), start + m.end("date")))
    r.put("nam", date[2], (start + m.end("date") - 4, start + m.end("date")))
    title = m.group("title").strip()
    span = (start + m.start("title"), start + m.end("title"))
    r.put("tieu_de", (title[:1].upper() + title[1:])[:TITLE_MAX_CHARS], span)
    return code


def _read_short_title(r: _Reader) -> str:
    """so_hieu, loai_van_ban and tieu_de of a page that is a legal site's short title of a document
    (:data:`PORTAL_SHORT_TITLE`) on its first line, with no header; returns the number's code."""
    if any(u.role in ANCHOR_ROLES for u in r.units) or not r.blocks:
        return ""
    text = r.blocks[0].text
    m = PORTAL_SHORT_TITLE.match(text.strip())
    if not m:
        return ""
    start = r.spans[0][0] + len(text) - len(text.lstrip())
    number, code = m.group("n").split("/", 1)
    code = normalise_code(code)
    r.put("so_hieu", f"{number}/{code}", (start + m.start("n"), start + m.end("n")))
    r.put("loai_van_ban", m.group("kind"), (start + m.start("kind"), start + m.end("kind")))
    title, at = m.group("title").strip(), start + m.start("title")
    if not m.group("y"):
        place = next((e for _, s, e in province_mentions(title) if s == 0), 0)
        title, at = title[place:].strip(), at + place  # "Quảng Bình quy chế …": the place, then the subject
    r.put("tieu_de", (title[:1].upper() + title[1:])[:TITLE_MAX_CHARS], (at, at + len(title)))
    return code


def _attachment_note(r: _Reader) -> tuple[int, re.Match] | None:
    """(offset, match) of the document an attached text was issued with, named by number and date in the note under
    its title ("(Ban hành kèm theo Quyết định số 12/2019/QĐ-UBND ngày 5 tháng 3 năm 2019 …)"), in a text shown without
    that document (no number or place-and-date line of its own)."""
    if any(u.role in ("number", "place_date") for u in r.units):
        return None
    headed = any(u.role == "header" for u in r.units)
    reach = ATTACHMENT_NOTE_BLOCKS + (HEADER_BLOCKS_MAX if headed else 0)
    for i, block in enumerate(itertools.takewhile(lambda b: b.kind != "heading", r.blocks[:reach])):
        m = CITED_DOCUMENT.search(block.text) if ATTACHED_NOTE.match(block.text) else None
        if m and m.group("date"):
            return r.spans[i][0], m
    return None


def _read_attachment_note(r: _Reader) -> str:
    """so_hieu, ngay_ban_hanh and nam of an attached text shown without its decision: those of the decision its note
    names (the attached text carries no number of its own); returns the number's code (for the issuer)."""
    note = _attachment_note(r)
    if not note:
        return ""
    start, m = note
    head, _, code = re.sub(r"\s+", "", m.group("n")).rpartition("/")
    code = normalise_code(code)
    r.put("so_hieu", f"{head}/{code}", (start + m.start("n"), start + m.end("n")))
    date = re.findall(r"\d+", m.group("date"))
    r.put("ngay_ban_hanh", _iso(date[0], date[1], date[2]), (start + m.start("date"), start + m.end("date")))
    r.put("nam", date[2], (start + m.end("date") - 4, start + m.end("date")))
    return code


def _name_in_capitals(lines: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The signer's name typed in capitals ("TRẦN VĂN TÂN"): the last line of a signature block, under its post, two
    to five words of letters that are neither a post nor a body's name."""
    if len(lines) < 2 or not any(POST.match(t) for _, _, t in lines[:-1]):
        return []
    s, e, last = lines[-1]
    if (CAPITALS_NAME.match(last) and not POST.match(last) and not is_agency(last)
            and not SIGNATURE_START.match(last)):
        return [(s, e, last)]
    return []


def _name_after_post(lines: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The signer's name at the end of a signature block flattened onto one line ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn
    Văn Út"): a person's name after a post in capitals."""
    for s, _e, t in reversed(lines):
        m = NAME_AFTER_POST.search(t)
        if m and SIGNATURE_START.match(t):
            return [(s + m.start("name"), s + m.end("name"), m.group("name"))]
    return []


def _read_signer(r: _Reader) -> None:
    """nguoi_ky and chuc_vu from the signature block, or the portal's "Người ký" field."""
    lines = r.role("signature")
    names = ([(s, e, t) for s, e, t in lines if PERSON_NAME.match(t)] or _name_in_capitals(lines)
             or _name_after_post(lines))
    if names:
        s, e, name = names[-1]
        r.put("nguoi_ky", name if not name.isupper() else name.title(), (s, e))
        posts = [(ps, pe, POST.match(t)) for ps, pe, t in lines if ps < s and POST.match(t)]
        if posts:
            ps, pe, m = posts[-1]
            post = m.group(1).lower()
            post = re.sub(r"^phó (\w)", lambda x: "phó " + x.group(1).upper(), post)
            r.put("chuc_vu", post[:1].upper() + post[1:], (ps + m.start(1), ps + m.end(1)))
    elif r.web.get("nguoi_ky"):
        r.put("nguoi_ky", r.web["nguoi_ky"])


def _dateline(r: _Reader) -> re.Match | None:
    return next((m for _, t in _body_paragraphs(r)[:DATELINE_PARAGRAPHS] if (m := NEWS_LEAD_DATE.match(t))), None)


def _stamp(r: _Reader) -> tuple[int, re.Match] | None:
    """(block index, match) of the post's dateline line ("04/06/2019 - 21:54") above its body, else one of its last
    lines (a date printed under the article, before the page's footer)."""
    for i, block in enumerate(r.blocks[:DATELINE_BLOCKS]):
        m = news_dateline(block.text) or NEWS_AGENCY_DATELINE.match(block.text)  # "Hà Nội (TTXVN 18/4/2024) …"
        if m:
            return i, m
        if len(block.text) >= PROSE_MIN_CHARS and not NEWS_CREDIT.match(block.text):
            break  # the body starts; a sapo credited to its outlet ("(Baothanhhoa.vn) - …") may stand above a dateline
    tail = range(max(0, len(r.blocks) - DATELINE_TAIL_BLOCKS), len(r.blocks))
    return next(((i, m) for i in tail if (m := news_dateline(r.blocks[i].text))), None)


def _byline(r: _Reader) -> bool:
    """The text ends with an author's name in capitals ("HỒ VĂN", "HÀ VY") and has no signature block."""
    if not r.blocks or r.role("signature"):
        return False
    last = r.blocks[-1].text
    return bool(BYLINE.match(last)) and not is_agency(last) and not type_head(last) and not province_mentions(last)


def _reports_issuing(r: _Reader) -> bool:
    """The opening reports that a document was issued ("… vừa ký ban hành Công văn số 2577/UBND-NCKS …"; a first
    line "Bộ Nội vụ ban hành Công văn số … ngày …"), or just issued (:data:`textnorm.patterns.JUST_ISSUED`: "UBND tỉnh
    vừa ban hành Kế hoạch tổ chức …", no number needed), or is credited to a news outlet ("(Chinhphu.vn) - …").

    >>> from ingest.clean import clean_lines
    >>> from ingest.structure import parse_structure
    >>> def reports(text):
    ...     blocks = parse_structure(clean_lines(text))
    ...     return _reports_issuing(_Reader(blocks, text, _locate(blocks, text), [], {}))
    >>> reports("Nhằm tổng kết giai đoạn 2021 - 2025, UBND huyện vừa ban hành Kế hoạch tổ chức hội nghị tổng kết.")
    True
    >>> reports("UBND huyện ban hành Kế hoạch tổ chức hội nghị tổng kết giai đoạn 2021 - 2025 như sau:")
    False
    """
    opening = _opening(r)
    first = opening[0][1] if opening and opening[0][0] == (r.spans[0][0] if r.spans else -1) else ""
    dated = LEAD_NAMES_ISSUED.match(first)
    return (bool(dated and dated.group("date")) or any(REPORTS_ISSUING.search(t) or JUST_ISSUED.search(t)
                                                        or NEWS_CREDIT.match(t) for _, t in opening))


def _opening(r: _Reader) -> list[tuple[int, str]]:
    """The first body paragraphs and the lead: the first prose paragraph, also when a site's menu of other posts'
    headlines stands above it."""
    paragraphs = _body_paragraphs(r)
    head = paragraphs[:DATELINE_PARAGRAPHS]
    lead = next((p for p in paragraphs if len(p[1]) >= PROSE_MIN_CHARS), None)
    return head + [lead] if lead and lead not in head else head


def _headline_then_narration(r: _Reader) -> bool:
    """The text opens with a headline (a few words, no list or section mark, not all capitals), under a portal's
    "today" banner and its category labels if any, and its lead narrates what was just done
    (:data:`textnorm.patterns.NEWS_NARRATION`) or when in the day its event sat (:data:`textnorm.patterns.EVENT_DAY`).
    """
    at = next((i for i, b in enumerate(r.blocks[:LABEL_LINES_MAX + 2])
               if not _WEEKDAY.match(b.text.strip()) and not _is_label(b.text)), None)
    if at is None or at + 1 >= len(r.blocks):
        return False
    first = r.blocks[at].text
    if not is_headline(first) or is_list_line(first) or is_upper_line(first):
        return False
    lead = r.blocks[at + 1].text[:PROSE_MIN_CHARS]  # the lead may open "Thực hiện …"
    return bool(NEWS_NARRATION.search(lead) or EVENT_DAY.search(lead))


def _is_label(text: str) -> bool:
    """A page's category, tag or breadcrumb line above a headline ("Tin tức - Sự kiện", "cải cách bộ máy"): a few
    words, no sentence, no body's name, no date.

    >>> _is_label("cải cách bộ máy"), _is_label("Tin tức - Sự kiện"), _is_label("UBND tỉnh")
    (True, True, False)
    >>> _is_label("Kiểm tra công tác cải cách hành chính tại huyện"), _is_label("12/3/2024")
    (False, False)
    """
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return (0 < len(words) < HEADLINE_MIN_WORDS and not any(c.isdigit() for c in text) and not is_agency(text)
            and not text.endswith(NOT_HEADLINE_ENDS[:3]))


#: Words of the longest body name a header writes in mixed case ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân
#: huyện X" is 14); a longer line opening with a body is a sentence or a headline.
BODY_NAME_MAX_WORDS = 14


def _names_a_body(text: str) -> bool:
    """A line naming a body as a header does: the name alone, no subject after a colon ("Sở Nội vụ: Học Bác …" is a
    headline quoting its subject; a header's line never has one).

    >>> _names_a_body("Sở Nội vụ tỉnh Hà Nam"), _names_a_body("Sở Nội vụ: Học tập và làm theo gương Bác")
    (True, False)

    A headline opening with a body, then what it did, runs longer than a name:

    >>> _names_a_body("UBND huyện Bắc Sơn tổ chức hội nghị tổng kết công tác cải cách hành chính năm nay")
    False
    >>> _names_a_body("Chủ tịch UBND huyện tiếp công dân định kỳ vào thứ Năm")
    False
    """
    words = text.split()
    if not text.isupper() and _POST_PREFIX.match(text):
        return False  # "Chủ tịch UBND huyện tiếp công dân …": a post in mixed case opens a sentence, not a header
    return is_agency(text) and ":" not in text and not (len(words) > BODY_NAME_MAX_WORDS and not text.isupper())


def _is_prose(text: str, last: bool) -> bool:
    """A paragraph long enough to be a post's lead; as the text's last block (an excerpt cut inside its lead, a list
    or tag page showing one summary sentence under the headline) half that length suffices.

    >>> _is_prose("Theo báo cáo của Sở Nội vụ, đến nay 8 huyện đã hoàn thành lấy ý kiến cử tri về đề án.", True)
    False
    >>> _is_prose("Theo báo cáo của Sở Nội vụ, tính đến ngày 20/4 đã có 8 trên 9 huyện, thành phố hoàn thành lấy ý "
    ...           "kiến cử tri về đề án sắp xếp đơn vị hành chính.", True)
    True
    """
    return len(text) >= (CUT_PROSE_MIN_CHARS if last else PROSE_MIN_CHARS)


def _is_sapo(text: str) -> bool:
    """A post's summary under its headline: one sentence of a few words or more, no list item, basis, heading or
    headline in capitals.

    >>> _is_sapo("Từ ngày 3/10 đến ngày 19/11, UBND huyện kiểm tra công tác cải cách hành chính tại 15 xã")
    True
    >>> _is_sapo("I. MỤC ĐÍCH"), _is_sapo("- Buổi sáng: từ 7 giờ đến 11 giờ")
    (False, False)
    """
    return (len(text.split()) >= 2 * HEADLINE_MIN_WORDS and len(text) < PROSE_MIN_CHARS and not is_list_line(text)
            and not is_upper_line(text) and not BASIS.match(text) and not text.rstrip().endswith(":"))


def _headline_then_prose(r: _Reader) -> bool:
    """A page with nothing of a document's form (no header, type line, bases, signature; no section heading, no
    article, no kind it calls itself) that opens with a headline (under its category or tag lines, if any) over a
    paragraph of prose: a post, whatever its lead narrates. A lead opening with a basis ("Thực hiện …") or saying
    what it issues is a document's opening."""
    if r.units or any(b.kind == "heading" for b in r.blocks):
        return False
    top = 1 if r.blocks and TAGS_LABEL.match(r.blocks[0].text.strip()) else 0  # "Tags:" above the tags
    at = next((i for i, b in enumerate(r.blocks[:top + LABEL_LINES_MAX + 1]) if i >= top and not _is_label(b.text)),
              len(r.blocks))
    if at + 1 < len(r.blocks) and r.blocks[at + 1].text.strip() == r.blocks[at].text.strip():
        at += 1  # the headline printed twice (a tag page's link, then the item's own headline)
    if at + 1 >= len(r.blocks):
        return False
    first, lead = r.blocks[at].text, r.blocks[at + 1].text
    if not is_headline(first) or is_list_line(first) or _names_a_body(first):
        return False
    if is_upper_line(first) and type_head(first):
        return False  # "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH …": a document's type line in capitals, not a post's headline
    if _is_sapo(lead) and at + 2 < len(r.blocks) and _is_prose(r.blocks[at + 2].text, at + 3 == len(r.blocks)):
        lead = r.blocks[at + 2].text  # headline, a one-sentence summary (sapo), then the article
    if (not _is_prose(lead, at + 2 == len(r.blocks)) or is_list_line(lead) or BASIS.match(lead)
            or ISSUER_ISSUES.search(lead)):
        return False
    return not any(SELF_KIND.search(b.text) or AUTHOR_WITH_DEGREE.match(b.text.strip()) for b in r.blocks)


def _is_tag(text: str) -> bool:
    """A portal's tag line: a few words in small letters, no sentence (a headline and a lead open with a capital).

    >>> _is_tag("chuyển đổi số cấp xã"), _is_tag("Chuyển đổi số cấp xã năm 2025 đạt nhiều kết quả")
    (True, False)
    >>> _is_tag("trình, đến năm 2020 các xã đều đã có bộ phận một cửa đạt chuẩn về trang thiết bị.")
    False
    """
    words = text.split()
    return (bool(words) and words[0][:1].islower() and len(words) < 2 * HEADLINE_MIN_WORDS
            and not text.rstrip().endswith(NOT_HEADLINE_ENDS[:3]))


def _opening_block(r: _Reader) -> int | None:
    """Index of the block a page opens with under its category or tag lines, their separators ("chuyển đổi số",
    "-") and its banner or breadcrumb: the first block with letters that is none of them."""
    for i, block in enumerate(r.blocks[:LABEL_LINES_MAX + SEPARATOR_LINES_MAX + 1]):
        if (any(c.isalpha() for c in block.text) and not _is_label(block.text) and not _is_tag(block.text)
                and not _is_page_chrome(block.text)):
            return i
    return None


def _opens_a_sentence(text: str) -> bool:
    """A paragraph that opens a sentence: a capital first, or a quotation mark before it; a page cut inside a
    sentence ("trình, đến năm 2020 …", "vụ, nhất là …") opens in small letters.

    >>> _opens_a_sentence("“Phải coi người dân là trung tâm …"), _opens_a_sentence("vụ, nhất là ở cấp xã …")
    (True, False)
    """
    letter = next((c for c in text if c.isalnum()), "")
    return letter.isupper() or letter.isdigit()


#: A heading numbered as a document numbers its sections and items, its text opening with a capital ("1. Tiếp tục
#: quán triệt …", "II. NHIỆM VỤ", "a) Đối với …" is an item in small letters): a body's part, not a post's.
NUMBERED_HEADING = re.compile(r"^\s*(?:[IVXLC]{1,6}|\d{1,2})[.)]\s+" + UPPER_LETTER)


def _opens_with_prose(r: _Reader) -> bool:
    """A page that opens with a paragraph of prose, under nothing but its labels: a post shown without its headline
    (a portal's teaser or excerpt, a post put into another language). A document opens with its header, its type
    line, its title, its bases or a section, never with a paragraph; an excerpt that shows a document's sections, calls
    itself by its kind ("Quyết định này") or opens by issuing ("UBND tỉnh ban hành Kế hoạch …") is not one, nor is
    an essay under its author's name.

    >>> from ingest.clean import clean_lines
    >>> from ingest.structure import parse_structure
    >>> lead = ("Trong đợt làm việc tuần qua, đoàn công tác ghi nhận phần lớn bộ phận một cửa cấp xã mở cửa đúng "
    ...         "giờ, niêm yết đủ thủ tục; riêng hai xã còn để hồ sơ trễ hạn nên được yêu cầu khắc phục ngay trong "
    ...         "tháng này.")
    >>> def opens(text):
    ...     blocks = parse_structure(clean_lines(text))
    ...     return _opens_with_prose(_Reader(blocks, text, _locate(blocks, text), [], {}))
    >>> opens(lead + "\\nT.LINH"), opens("cải cách hành chính\\n-\\n" + lead)
    (True, True)
    >>> opens("I. MỤC ĐÍCH, YÊU CẦU\\n" + lead), opens(lead + "\\nII. NỘI DUNG\\n- Kiểm tra.")
    (False, False)
    """
    if any((u.role != "header" or not _is_page_chrome(r.blocks[u.block].text))
           and not (u.role == "basis" and _narrates_after_basis(r.blocks[u.block].text)) for u in r.units):
        return False  # a header, beyond the name of the body whose site it is in capitals; a basis, unless narrated
    at = _opening_block(r)
    headed = at is not None and _is_post_headline(r, at)
    if headed:
        at += 2 if _repeats_next(r, at) else 1  # the headline (printed twice: in the breadcrumb, over the article)
    if at is None or at >= len(r.blocks) or r.blocks[at].kind != "para" or not _lead_is_prose(r, at, headed):
        return False
    if any(_is_document_part(b) for b in r.blocks):
        return False
    return not any(SELF_KIND.search(b.text) or AUTHOR_WITH_DEGREE.match(b.text.strip()) for b in r.blocks)


#: An article's heading opening a line ("Điều 2. Tổ chức thực hiện"): a legal text's or a decision's part.
_ARTICLE = re.compile(r"^\s*" + ARTICLE_FORM)


def _is_document_part(block: Block) -> bool:
    """A block only a document has: a part or a chapter (:data:`textnorm.patterns.SECTION_START`), a numbered heading,
    an article ("Điều 2."), or a point lettered "a)" (a post may list with dashes, it does not letter its points)."""
    text = block.text.strip()
    return bool(SECTION_START.match(text) or block.kind == "heading" and NUMBERED_HEADING.match(text)
                or _ARTICLE.match(text) or marker_kind(text) == "alpha")


def _lead_is_prose(r: _Reader, at: int, headed: bool) -> bool:
    """The block opens a post's body: a paragraph of prose, or a sentence followed by another one, or under a headline
    a sentence alone (a tag page's teaser); a sentence, never a basis or the clause issuing a document. Without a
    headline, a page of one short paragraph may be a sentence of a document's: it is no lead."""
    lead, last = r.blocks[at].text, at + 1 == len(r.blocks)
    nxt = next((i for i in range(at + 1, len(r.blocks)) if not PHOTO_CAPTION.match(r.blocks[i].text.strip())), None)
    after = r.blocks[nxt].text if nxt is not None else ""  # the next paragraph, a photo's caption aside
    prose = _is_prose(lead, last and headed) or _is_sapo(lead) and (
        _is_sapo(after) or _is_prose(after, nxt == len(r.blocks) - 1) or headed and last)
    return (prose and _opens_a_sentence(lead) and (not BASIS.match(lead) or _narrates_after_basis(lead))
            and not ISSUER_ISSUES.search(lead))


#: What a post's lead tells after the plan or the direction it carried out ("Thực hiện Kế hoạch số …, … đã xây dựng
#: dự thảo …", "…, ngày 1/7/2016, Cụm thi đua … tổ chức Hội nghị sơ kết …"): a thing done, or a meeting held. A
#: document's basis goes on to what the document itself does ("…, UBND huyện ban hành Kế hoạch …", "… như sau:").
NARRATED_AFTER_BASIS = re.compile(r"\b(?:đã|vừa)\s+\w|\b(?:tổ chức|khai mạc|diễn ra)\s+(?:cuộc\s+|buổi\s+)?"
                                  r"(?:họp|hội nghị|kỳ họp|phiên họp|hội thi|lễ)\b", re.IGNORECASE)


def _narrates_after_basis(lead: str) -> bool:
    """A paragraph opening as a basis does ("Thực hiện …") that narrates what was done (:data:`NARRATED_AFTER_BASIS`)
    and closes as a sentence, not on the colon a document's basis leads to its content with: a post's lead.

    >>> _narrates_after_basis("Thực hiện sự chỉ đạo của Đảng ủy phường, Ủy ban MTTQ phường đã xây dựng dự thảo Kế "
    ...                       "hoạch tổ chức bầu Tổ trưởng tổ dân phố nhiệm kỳ 2015-2017.")
    True
    >>> _narrates_after_basis("Thực hiện Kế hoạch số 74/KH-UBND ngày 25/02/2016 của UBND tỉnh, UBND huyện tổ chức hội "
    ...                       "nghị sơ kết công tác thi đua như sau:")
    False
    >>> _narrates_after_basis("Thực hiện Kế hoạch số 74/KH-UBND ngày 25/02/2016 của UBND tỉnh, đề nghị các xã báo cáo "
    ...                       "kết quả trước ngày 15/6/2016.")
    False
    """
    lead = lead.rstrip()
    return lead.endswith(".") and not lead.rstrip(".").rstrip().endswith("như sau") and bool(
        NARRATED_AFTER_BASIS.search(lead))


def _is_post_headline(r: _Reader, i: int) -> bool:
    """The block can be a post's headline over its lead: a headline, not a paragraph, a list item, a body's name, a
    document's type line in capitals or a headline naming the kind of the document the page shows
    (:func:`kind_headline`)."""
    text = r.blocks[i].text
    return (is_headline(text) and not _is_prose(text, False) and not is_list_line(text)
            and not (is_upper_line(text) and (type_head(text) or _names_a_body(text))) and not kind_headline(text))


def _repeats_next(r: _Reader, i: int) -> bool:
    """The block ends with the next one, which is the same headline again: a portal prints a post's headline in its
    breadcrumb (after a widget's name: "null Xã X tổ chức …") and then above the article."""
    if i + 1 >= len(r.blocks):
        return False
    text, after = r.blocks[i].text.strip(), r.blocks[i + 1].text.strip()
    return bool(after) and text != after and text.endswith(after)


#: A source's name as a closing "Theo …"/"Nguồn …" line gives it: a proper name (capitalised: "Báo Hải Phòng",
#: "VOV") or a site's address ("baochinhphu.vn"); a lower-case word is the label itself ("Nguồn tin", "Theo dõi").
_SITE_ADDRESS = re.compile(r"^\S+\.(?:vn|com|net|org|gov)\b", re.IGNORECASE)


def _names_a_source(name: str) -> bool:
    """The words after "Theo"/"Nguồn" name a source or a site's address (:data:`_SITE_ADDRESS`), not a portal's label.

    >>> _names_a_source("Báo Hải Phòng"), _names_a_source("baochinhphu.vn"), _names_a_source("tin")
    (True, True, False)
    >>> _names_a_source("dõi"), _names_a_source("TTXVN")
    (False, True)
    """
    name = name.strip()
    return name[:1].isupper() or bool(_SITE_ADDRESS.match(name))


def _source_line(r: _Reader) -> tuple[int, re.Match] | None:
    return next(((s, m) for s, t in reversed(_body_paragraphs(r)) if (m := _SOURCE_LINE.match(t))), None)


def _reads_as_news(r: _Reader) -> bool:
    """No header (no number, no place-and-date line) and a dateline, a lead of news, a closing "Theo <source>" line
    or an author's byline."""
    if r.md.get("so_hieu") or any(u.role in ANCHOR_ROLES for u in r.units):
        return False
    return bool(_stamp(r) or _stamped_post(r) or _section_date(r) or _dateline(r) or _source_line(r)
                or _reports_issuing(r) or _byline(r) or _headline_then_narration(r) or _headline_then_prose(r)
                or _opens_with_prose(r) or _capitals_headline_post(r))


def _capitals_headline_post(r: _Reader) -> bool:
    """A post under its headline in capitals (:func:`_capitals_headline`) that shows nothing of a document's parts
    (a section, an article, a lettered point) and never calls itself by a document's kind."""
    return (_capitals_headline(r) is not None and not any(_is_document_part(b) for b in r.blocks)
            and not any(SELF_KIND.search(b.text) for b in r.blocks))


def _section_date(r: _Reader) -> bool:
    """A line of a post's section and date (:data:`textnorm.patterns.SECTION_DATE_LINE`) above its body."""
    above = itertools.takewhile(lambda b: len(b.text) < PROSE_MIN_CHARS, r.blocks[:DATELINE_BLOCKS])
    return any(SECTION_DATE_LINE.match(b.text.strip()) for b in above)


def _stamped_post(r: _Reader) -> bool:
    """A page a search index dated (:func:`_search_stamp`) that shows none of a document's sections ("I. MỤC ĐÍCH",
    "Điều 1."): the index dates web pages, plans and decisions among them."""
    return bool(_search_stamp(r)) and not _shows_sections(r, 0)


def _search_stamp(r: _Reader) -> re.Match | None:
    """The date a search index prints before a page's first line (:data:`textnorm.patterns.SEARCH_DATE_PREFIX`): a
    stamp only a page of the web carries, never a document's header."""
    return SEARCH_DATE_PREFIX.match(r.blocks[0].text) if r.blocks else None


def is_headline(text: str) -> bool:
    """A line that can be a post's headline: a few words, not a sentence, not a dateline.

    >>> is_headline("Kiểm tra công tác cải cách hành chính tại huyện Na Rì"), is_headline("Tin tức - Sự kiện")
    (True, False)
    >>> is_headline("Đoàn kiểm tra đã làm việc với UBND huyện."), is_headline("04/06/2019 - 21:54")
    (False, False)
    >>> is_headline("Khu đô thị sông Hồng sẽ không thu hẹp không gian thoát lũ -")
    False

    A skip link or a photo's caption is page furniture, not a headline:

    >>> is_headline("Chuyển đến nội dung chính"), is_headline("Quang cảnh buổi tiếp xúc cử tri ở phường")
    (False, False)
    >>> is_headline("Người dân xếp hàng nộp hồ sơ tại bộ phận một cửa của phường. Ảnh: Minh Anh")
    False

    A figure counts as a word:

    >>> is_headline("TP.HCM sát nhập 19 phường?")
    True
    """
    words = [w for w in text.split() if any(c.isalnum() for c in w)]  # a figure counts: "… sát nhập 19 phường?"
    return (HEADLINE_MIN_WORDS <= len(words) and len(text) <= HEADLINE_MAX_CHARS
            and not text.endswith(NOT_HEADLINE_ENDS) and not news_dateline(text) and not _WEEKDAY.match(text)
            and not SKIP_LINK.match(text.strip()) and not PHOTO_CAPTION.match(text.strip())
            and not PHOTO_CREDIT_END.search(text.strip()))


#: A lead restating fewer than this share of the first headline-like line's words does not retell it (a slogan
#: banner shares a few common words with any lead: "thực hiện", "tỉnh").
UNRESTATED_SHARE = 0.5
#: A lead restating at least this share of a later line's words retells that line: the post's headline.
RESTATED_SHARE = 0.8


def _headline(r: _Reader, stamp: int | None) -> int | None:
    """Block index of the headline: the headline-like block nearest the dateline, the one above it first (a
    dateline may also be printed under a menu and above the headline); without a dateline above the body, the first
    one."""
    under_body = stamp is not None and any(len(b.text) >= PROSE_MIN_CHARS for b in r.blocks[:stamp])
    if stamp is not None and len(r.blocks[stamp].text) >= PROSE_MIN_CHARS:
        order = list(range(stamp - 1, max(-1, stamp - 1 - HEADLINE_REACH), -1))  # a lead's dateline: headline above
    elif stamp is None or under_body:
        order = _above_body(r)
    else:
        order = [i for k in range(1, HEADLINE_REACH + 1) for i in (stamp - k, stamp + k) if 0 <= i < len(r.blocks)]
    fits = [i for i in order if _reads_as_headline(r.blocks[i].text, i + 1 == stamp)
            and not is_list_line(r.blocks[i].text) and not _is_tag(r.blocks[i].text) and not _repeats_next(r, i)
            and not _is_page_chrome(r.blocks[i].text) and _opens_a_sentence(r.blocks[i].text)
            and not _heads_its_tag(r, i) and not _publisher(r.blocks[i].text)
            and not _weekday_stamp_line(r.blocks[i].text)]
    if len(fits) > 1 and (stamp is None or under_body):
        return _restated_headline(r, fits)
    return fits[0] if fits else None


def _restated_headline(r: _Reader, fits: list[int]) -> int:
    """Of the lines above the body that read as headlines, the first, unless its lead restates few of its words
    (:data:`UNRESTATED_SHARE`: a site's slogan banner, "Quyết tâm thực hiện thắng lợi Nghị quyết Đại hội …") and
    restates most of a later one's (:data:`RESTATED_SHARE`): a post's lead retells its headline.

    >>> from ingest.clean import clean_lines
    >>> from ingest.structure import parse_structure
    >>> src = ("Siết chặt kỷ cương, tăng cường trách nhiệm, quyết liệt hành động, sáng tạo, bứt phá\\n\\n"
    ...        "Họp Ban Chỉ đạo Cải cách hành chính tỉnh năm 2023\\n\\n"
    ...        "Sáng ngày 01/11/2023, Ban Chỉ đạo Cải cách hành chính tỉnh đã tổ chức họp để đánh giá kết quả triển "
    ...        "khai thực hiện công tác cải cách hành chính 10 tháng đầu năm 2023 và phương hướng 2 tháng cuối năm.")
    >>> blocks = parse_structure(clean_lines(src))
    >>> _restated_headline(_Reader(blocks, src, _locate(blocks, src), [], {}), [0, 1])
    1
    """
    lead = next((b.text for b in r.blocks[fits[-1] + 1:]
                 if len(b.text) >= PROSE_MIN_CHARS or _is_lead_sentence(b.text)), "")
    said = set(_words(lead))
    if not said:
        return fits[0]

    def share(i: int) -> float:
        words = _words(r.blocks[i].text)
        return sum(w in said for w in words) / len(words) if words else 0.0

    if share(fits[0]) >= UNRESTATED_SHARE:
        return fits[0]
    return next((i for i in fits[1:] if share(i) >= RESTATED_SHARE), fits[0])


def _words(text: str) -> list[str]:
    """The folded words of a text (accents and case dropped), figures kept.

    >>> _words("Họp Ban Chỉ đạo năm 2023")
    ['hop', 'ban', 'chi', 'dao', 'nam', '2023']
    """
    return re.findall(r"[a-z0-9]+", fold_accents(text.lower()))


#: Where one sentence ends and another begins: a full stop, a question or exclamation mark, a space, a capital (a
#: figure's "1.401" or an abbreviation's "TP.HCM" is none).
SENTENCE_BREAK = re.compile(r"[.!?]\s+" + UPPER_LETTER)


def _reads_as_headline(text: str, over_stamp: bool) -> bool:
    """A headline (:func:`is_headline`); right over the post's dateline, also one sentence closed by a full stop ("Xã
    X triển khai kế hoạch kiểm tra năm 2026."): a lead stands under the dateline, never over it.

    >>> _reads_as_headline("Xã Phú Lâm triển khai kế hoạch kiểm tra cải cách hành chính năm 2026.", True)
    True
    >>> _reads_as_headline("Xã Phú Lâm triển khai kế hoạch kiểm tra cải cách hành chính năm 2026.", False)
    False
    >>> _reads_as_headline("Đoàn đã kiểm tra xã. Xã đã khắc phục ngay các tồn tại được chỉ ra.", True)
    False
    >>> _reads_as_headline("Tỉnh còn 1.401 hồ sơ chậm được tiếp nhận trên Cổng dịch vụ công.", True)
    True
    """
    if over_stamp and text.rstrip().endswith(".") and not text.rstrip().endswith(".."):
        head = text.rstrip()[:-1]
        return not SENTENCE_BREAK.search(head) and is_headline(head)
    return is_headline(text)


def _weekday_stamp_line(text: str) -> bool:
    """A post's weekday stamp among the page's buttons ("Print Thứ Ba, 29/06/2021 10:51 Gốc"): it tells a post, it is
    never its headline.

    >>> _weekday_stamp_line("Print Thứ Ba, 29/06/2021 10:51 Gốc"), _weekday_stamp_line("Thứ Ba tuần này họp dân")
    (True, False)
    """
    return len(text.split()) <= WEEKDAY_STAMP_WORDS and bool(WEEKDAY_STAMP.search(text))


def _heads_its_tag(r: _Reader, i: int) -> bool:
    """The block is a tag page's heading, which ends with the tag printed above it ("cấp xã" / "Cập nhật tin tức cấp
    xã"): the page's name, not a post's headline.

    >>> from ingest.clean import clean_lines
    >>> from ingest.structure import parse_structure
    >>> src = "cấp xã\\nCập nhật tin tức cấp xã\\nBa năm sắp xếp giảm được tám huyện và nhiều xã"
    >>> blocks = parse_structure(clean_lines(src))
    >>> r = _Reader(blocks, src, _locate(blocks, src), [], {})
    >>> _heads_its_tag(r, 1), _heads_its_tag(r, 2)
    (True, False)
    """
    if i == 0:
        return False
    above, text = r.blocks[i - 1].text.strip(), r.blocks[i].text.strip()
    return (_is_tag(above) or _is_label(above)) and text != above and text.lower().endswith(" " + above.lower())


def _is_page_chrome(text: str) -> bool:
    """A line of a page's furniture above a post: a breadcrumb, the portal's banner, or the name of the body whose
    site it is in capitals (:data:`textnorm.patterns.BREADCRUMB`, :data:`textnorm.patterns.PORTAL_BANNER`).

    >>> _is_page_chrome("Trang chủ > Tin tức > Cải cách hành chính"), _is_page_chrome("ỦY BAN NHÂN DÂN HUYỆN CHỢ MỚI")
    (True, True)
    >>> _is_page_chrome("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH BẮC KẠN"), _is_page_chrome("KIỂM TRA CẢI CÁCH HÀNH CHÍNH TẠI XÃ")
    (True, False)
    """
    text = text.strip()
    body = is_upper_line(text) and len(text.split()) <= BODY_NAME_MAX_WORDS and _names_a_body(text)
    return bool(BREADCRUMB.search(text) or PORTAL_BANNER.match(text) or body)


def _above_body(r: _Reader) -> list[int]:
    """Blocks that may hold the headline when no dateline tells: the first ones, above the first prose block or the
    lead credited to its outlet ("(ĐN) - Ngày 19-4, …", however short): a photo caption or a subheading under the
    lead is no headline."""
    first = range(min(len(r.blocks), DATELINE_PARAGRAPHS))
    above = list(itertools.takewhile(lambda i: len(r.blocks[i].text) < PROSE_MIN_CHARS
                                     and not NEWS_CREDIT.match(r.blocks[i].text), first))
    lead = next((n for n, i in enumerate(above) if _is_lead_sentence(r.blocks[i].text)), len(above))
    return above[:lead]  # a photo's caption under a short lead is no headline


def _is_lead_sentence(text: str) -> bool:
    """A sentence of a lead: a few words at least, ended by a full stop (a headline ends on none; it may ask a question
    or exclaim).

    >>> _is_lead_sentence("UBND huyện vừa có văn bản lùi buổi đối thoại với thanh niên sang tuần sau.")
    True
    >>> _is_lead_sentence("Kiểm tra công tác cải cách hành chính tại huyện Na Rì"), _is_lead_sentence("Tin.")
    (False, False)
    >>> _is_lead_sentence("Vì sao người dân còn ngại nộp hồ sơ trực tuyến?")
    False
    """
    return text.rstrip().endswith(".") and len(text.split()) >= HEADLINE_MIN_WORDS


#: A format label a site prints in brackets before a headline ("[Infographics] Chỉ số …", "[Video] Hội nghị …"): a few
#: words without a figure, the kind of media the post is, not a word of its headline.
HEADLINE_MEDIA_LABEL = re.compile(r"^\s*\[[^\]\[\d]{2,30}\]\s*(?=\S)")


def _headline_span(start: int, text: str) -> tuple[int, str]:
    """The headline of a line without the media label before it (:data:`HEADLINE_MEDIA_LABEL`), and where it starts.

    >>> _headline_span(10, "[Infographics] Chỉ số hài lòng năm 2023")
    (25, 'Chỉ số hài lòng năm 2023')
    >>> _headline_span(10, "Chỉ số hài lòng [SIPAS] năm 2023")
    (10, 'Chỉ số hài lòng [SIPAS] năm 2023')
    """
    m = HEADLINE_MEDIA_LABEL.match(text)
    return (start + m.end(), text[m.end():]) if m else (start, text)


def _without_end_stamp(text: str) -> str:
    """A headline without the post's date (and time) its line ends with (:func:`textnorm.patterns.headline_end_stamp`):
    the page's stamp, not a word of the title; kept when nothing of a title would be left.

    >>> _without_end_stamp("An Giang còn 1.401 hồ sơ chậm được tiếp nhận trên Cổng dịch vụ công 12/11/2025 17:51")
    'An Giang còn 1.401 hồ sơ chậm được tiếp nhận trên Cổng dịch vụ công'
    >>> _without_end_stamp("Lai Châu tạo bước đột phá trong cải cách hành chính (21/05/2020)")
    'Lai Châu tạo bước đột phá trong cải cách hành chính'
    >>> _without_end_stamp("Tổng kết công tác cải cách hành chính ngày 12/11/2025")
    'Tổng kết công tác cải cách hành chính ngày 12/11/2025'
    """
    m = headline_end_stamp(text)
    head = text[:m.start()].rstrip(" -–(") if m else text
    return head if len(head.split()) >= TITLE_MIN_WORDS else text


def _read_news_title(r: _Reader, stamp: tuple[int, re.Match] | None) -> None:
    """The headline; none when no line reads as one (a lead sentence or a category label is not a title). A first
    line that a search index's date opens (" date 2023-07 Kỳ họp thứ mười, …") is read without that date; a
    headline's line is read without the date it ends with (:func:`_without_end_stamp`)."""
    prefix = _search_stamp(r)
    if prefix:
        rest = r.blocks[0].text[prefix.end():]
        if is_headline(rest) and not is_list_line(rest) and not _is_label(rest):
            s, title = r.spans[0][0] + prefix.end(), _without_end_stamp(rest.strip())
            r.put("tieu_de", title, (s, s + len(title)))
            return
    index = _headline(r, stamp[0] if stamp else None)
    if index is not None:
        s, text = _headline_span(r.spans[index][0], r.blocks[index].text)
        text = _without_end_stamp(text)
        r.put("tieu_de", _sentence_case(text), (s, s + len(text)))


def _page_stamp(r: _Reader) -> tuple[int, re.Match] | None:
    """(block index, match) of a post's stamp that is no dateline of its own line: among the short lines above its
    body (:func:`textnorm.patterns.page_stamp`: "Chính trị 22-06-2024", "Print Thứ Ba, 29/06/2021 10:51 Gốc", a date
    ending the headline's line), else its author's dated byline among its last lines
    (:func:`textnorm.patterns.byline_stamp`: "Minh Anh (04/06/2019)")."""
    above = itertools.takewhile(lambda ib: len(ib[1].text) < PROSE_MIN_CHARS, enumerate(r.blocks[:DATELINE_BLOCKS]))
    found = next(((i, m) for i, b in above if (m := page_stamp(b.text))), None)
    tail = range(max(0, len(r.blocks) - DATELINE_TAIL_BLOCKS), len(r.blocks))
    return found or next(((i, m) for i in tail if (m := byline_stamp(r.blocks[i].text))), None)


#: Days a post's stamp may differ from the day its lead calls "today" (a post written late at night, stamped after
#: midnight), or precede the day its lead reports as past.
STAMP_SLACK_DAYS = 1
#: A lead's day without a year that falls more than this after the stamp (in the stamp's year) is of the year before
#: ("Ngày 28/12, …" under a stamp of 02/01): a post reports the last months, not a day half a year ahead.
LEAD_AHEAD_MAX_DAYS = 180
#: Words of a lead announcing what is to come ("Ngày 20/11, sẽ diễn ra …"): its day may follow the post's.
FUTURE_WORDS = re.compile(r"\b(?:sẽ|dự kiến|sắp)\b", re.IGNORECASE)


def _day(d: str | None, m: str | None, y: str | None) -> datetime.date | None:
    try:
        return datetime.date(int(y), int(m), int(d)) if d and m and y else None
    except ValueError:
        return None


def _lead_day(r: _Reader, year: str) -> tuple[datetime.date, bool] | None:
    """The day the lead's event happened (its own year, else ``year``) and whether the lead calls it "today"
    (:data:`textnorm.patterns.TODAY_LEAD`, else :data:`textnorm.patterns.NEWS_LEAD_DATE`), among the first
    paragraphs; None for a lead announcing what is to come."""
    for _, text in _body_paragraphs(r)[:DATELINE_PARAGRAPHS]:
        today = TODAY_LEAD.match(text)
        if today:
            day = _day(today.group("d"), today.group("m"), today.group("y") or year)
            return (day, True) if day else None
        lead = NEWS_LEAD_DATE.match(text)
        if lead:
            parts = WRITTEN_DATE.search(lead.group())
            day = parts and _day(parts.group("day"), parts.group("month"), lead.group("y") or lead.group("y2") or year)
            sentence = text[: text.find(".") if "." in text else len(text)]
            return (day, False) if day and not FUTURE_WORDS.search(sentence) else None
    return None


def _stamp_contradicted(r: _Reader, m: re.Match) -> bool:
    """The lead contradicts the stamp: the day it calls "today" is another ("Thứ tư, 22/09/2021" above "LSO-Hôm nay
    (3/11), …"), or the day it reports falls after it (the stamp is the site's day banner, not the post's date)."""
    stamp = _day(m.group("d"), m.group("m"), m.group("y"))
    lead = stamp and _lead_day(r, m.group("y"))
    if not lead:
        return False
    gap = (lead[0] - stamp).days
    return abs(gap) > STAMP_SLACK_DAYS if lead[1] else STAMP_SLACK_DAYS < gap <= LEAD_AHEAD_MAX_DAYS


def _read_news_date(r: _Reader, stamp: tuple[int, re.Match] | None) -> None:
    """The dateline dates the post (day and year), else its stamp among the page's buttons or beside its section; a
    lead's "Ngày 13/4/2018, …" gives only the year. A stamp the lead contradicts dates nothing."""
    stamp = stamp or _page_stamp(r)
    if stamp and _stamp_contradicted(r, stamp[1]):
        return
    if stamp:
        start, m = r.spans[stamp[0]][0], stamp[1]
        r.put("ngay_ban_hanh", _iso(m.group("d"), m.group("m"), m.group("y")), (start + m.start(), start + m.end()))
        r.put("nam", m.group("y"), (start + m.start("y"), start + m.end("y")))
        return
    dateline = _dateline(r)
    if dateline and LEAD_DATES_A_DOCUMENT.match(dateline.string, dateline.end()):
        return  # "Ngày 07/12/2017, Sở Nội vụ ban hành Văn bản số …": the date of the document, not of the post
    if dateline and MEETING_LEAD.match(dateline.string):
        return  # "Sáng ngày 01/11/2023, Ban Chỉ đạo … tổ chức họp …": the meeting's day, not the post's
    group = dateline and ("y" if dateline.group("y") else "y2")
    if group and dateline.group(group) and not r.md.get("nam"):
        start = next(s for s, t in _body_paragraphs(r) if t == dateline.string)
        r.put("nam", dateline.group(group), (start + dateline.start(group), start + dateline.end(group)))


def _read_related(r: _Reader) -> None:
    """van_ban_lien_quan: the document a post reports on, the first one its opening cites by number ("Kế hoạch số
    517/KH-UBND ngày 27/02/2020"); never the post's own number."""
    for i, block in enumerate(r.blocks[:DATELINE_BLOCKS + DATELINE_PARAGRAPHS]):
        m = CITED_DOCUMENT.search(block.text)
        if m:
            start = r.spans[i][0]
            r.put("van_ban_lien_quan", re.sub(r"\s+", " ", m.group()), (start + m.start(), start + m.end()))
            return


#: The kind of a news post or a portal's article.
NEWS_TYPE = DocumentKind.NEWS


def _read_news(r: _Reader) -> None:
    """A text that reads as news → "Tin bài", its headline as title, its dateline as date, the document it reports
    on, its source, its province."""
    if r.md.get("loai_van_ban") or not _reads_as_news(r):
        return
    r.put("loai_van_ban", NEWS_TYPE)
    stamp = _stamp(r)
    glued = _glued_kind_headline(r)
    if glued:
        r.put("tieu_de", _sentence_case(glued[2])[:TITLE_MAX_CHARS], glued[:2])
    elif (headline := _capitals_headline(r)) is not None:
        text = _without_end_stamp(r.blocks[headline].text.strip())
        s = r.spans[headline][0] + len(r.blocks[headline].text) - len(r.blocks[headline].text.lstrip())
        r.put("tieu_de", _sentence_case(text), (s, s + len(text)))
    else:
        _read_news_title(r, stamp)
    _read_period(r)
    _read_news_date(r, stamp)
    _read_related(r)
    source = _source_line(r)
    if source:
        span = (source[0] + source[1].start(1), source[0] + source[1].end(1))
        name = source[1].group(1).strip()
        if not canonical_province(name) and _names_a_source(name):  # "Nguồn Hà Tĩnh: …": an aggregator's place label
            r.put("co_quan", name, span)
        if not r.md.get("tinh"):
            # the publisher's own name ("QuangBinh Portal"), or its address ("Theo Baonghean.vn")
            name, where = _province_in(r, span)
            r.put("tinh", *((name, where) if name else _site_province(r, span)))
    if not r.md.get("tinh"):
        _read_credit_province(r)
    if not r.md.get("tinh"):
        _vote_body_province(r, min_votes=1)


def _site_province(r: _Reader, span: tuple[int, int]) -> tuple[str, tuple[int, int] | None]:
    """The province a span names through a web address ("Baonghean.vn" → Nghệ An), with the address's span."""
    found = web_address_provinces(r.text[span[0]: span[1]])
    if not found:
        return "", None
    name, s, e = found[0]
    return name, (span[0] + s, span[0] + e)


def _read_credit_province(r: _Reader) -> None:
    """tinh of a post whose lead is credited to a province's own site ("(Baonghean.vn) - On the morning …", Báo Nghệ
    An's): the paper is the province's, and so is the post (:data:`textnorm.patterns.NEWS_CREDIT`). A place an agency
    wrote from ("TTXVN (Huế) - …") is no site and gives none."""
    for i, block in enumerate(r.blocks[:DATELINE_PARAGRAPHS]):
        m = NEWS_CREDIT.match(block.text)
        if m:
            name, where = _site_province(r, (r.spans[i][0] + m.start(), r.spans[i][0] + m.end()))
            r.put("tinh", name, where)
            return


def _read_inline_headline(r: _Reader) -> None:
    """tieu_de of a post whose time and date stand inside its first line (:data:`textnorm.patterns.INLINE_DATELINE`):
    the headline before them ("Tổng kết phong trào thi đua 08:15 12/04/2022 (Tin tức) -Sáng 10/4, …").

    >>> from ingest.clean import clean_lines
    >>> from ingest.structure import parse_structure
    >>> src = ("Huyện Ba Vì: Sơ kết công tác cải cách hành chính 6 tháng 10:05 20/06/2023 (Tin tức) -Sáng 18/6, "
    ...        "UBND huyện tổ chức hội nghị sơ kết công tác cải cách hành chính sáu tháng đầu năm, đánh giá kết quả "
    ...        "thực hiện kế hoạch và đề ra nhiệm vụ trọng tâm sáu tháng cuối năm.")
    >>> extract_metadata(parse_structure(clean_lines(src)), src)["tieu_de"]
    'Huyện Ba Vì: Sơ kết công tác cải cách hành chính 6 tháng'
    """
    _read_headline_before(r, INLINE_DATELINE, TITLE_MAX_CHARS)


#: A lead's opening day run onto its headline's line when the page's lines were joined: a capital, no full stop before
#: it ("… 6 tháng cuối năm 2024 Sáng ngày 24/6/2024, Tại phòng họp …"). Case-sensitive: inside a sentence the part of
#: the day is written in small letters.
RUN_ON_LEAD = re.compile(r"(?<=[^\W_.!?:;])\s+(?=(?:Sáng|Chiều|Tối|Trưa|Ngày)\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}"
                         r"(?:\s*[/.-]\s*\d{4})?\s*,)")


def _read_run_on_headline(r: _Reader) -> None:
    """tieu_de of a post whose first line runs its headline into its lead (:data:`RUN_ON_LEAD`): the words before the
    lead's opening day, when they read as a title.

    >>> from ingest.clean import clean_lines
    >>> from ingest.structure import parse_structure
    >>> src = ("UBND xã Tân Hòa sơ kết tình hình thực hiện nhiệm vụ 6 tháng đầu năm 2024 Sáng ngày 24/6/2024, tại "
    ...        "phòng họp UBND xã đã tổ chức cuộc họp đánh giá tình hình thực hiện nhiệm vụ kinh tế - xã hội 6 tháng "
    ...        "đầu năm và phương hướng, nhiệm vụ 6 tháng cuối năm. Đồng chí Chủ tịch UBND xã chủ trì hội nghị.")
    >>> extract_metadata(parse_structure(clean_lines(src)), src)["tieu_de"]
    'UBND xã Tân Hòa sơ kết tình hình thực hiện nhiệm vụ 6 tháng đầu năm 2024'
    """
    _read_headline_before(r, RUN_ON_LEAD, HEADLINE_MAX_CHARS)


def _read_headline_before(r: _Reader, marker: re.Pattern, within: int) -> None:
    """tieu_de of an untitled post: the words of its first line before ``marker`` (found in its first ``within``
    characters), when they read as a title."""
    if r.md.get("loai_van_ban") != NEWS_TYPE or r.md.get("tieu_de") or not r.blocks:
        return
    text = r.blocks[0].text
    m = marker.search(text, 0, within)
    head = text[:m.start()] if m else ""
    title = head.strip()
    if title and _title_line(title):
        s = r.spans[0][0] + len(head) - len(head.lstrip())
        r.put("tieu_de", title, (s, s + len(title)))


#: Kinds a page's lone title line may open with: every kind but a post's ("Hướng dẫn tự đánh giá …", "Quy chế 3 công
#: khai …"), the longest first. With no body under it, the line is the title a site lists a document by; under a
#: headline with a body, "Hướng dẫn" may open a how-to post (:data:`HEADLINE_KINDS`).
TITLE_PAGE_KINDS = tuple(sorted((k for k in DocumentKind if k != NEWS_TYPE), key=len, reverse=True))
#: A lone title line opening with its kind, its subject after it (a citation "Kế hoạch số 12/…", "Quyết định
#: 45/QĐ-…" is none; "Quy chế 3 công khai …" is one).
TITLE_PAGE_KIND = re.compile(r"^(?P<kind>" + "|".join(TITLE_PAGE_KINDS) + r")\s+(?!số\b|\d+/)(?P<rest>\S.*)$",
                             re.IGNORECASE)
#: The author a lone title line names between its kind and its subject ("Chỉ thị của Chủ tịch Ủy ban nhân dân tỉnh
#: về việc …"): the subject opens at "về".
TITLE_PAGE_ISSUER = re.compile(r"^của\s+[^,;:]{3,120}?\s+(?=về\s)", re.IGNORECASE)
#: A tag glued to the headline it files by a hyphen without spaces ("sáp nhập sở-Bộ trưởng Nội vụ giải thích …"): a
#: few words in small letters, no figure (a number's code has hyphens: "20/NQ-HĐND").
GLUED_TAG = re.compile(r"^" + LOWER_LETTER + r"(?:[^\W\d_]|[^\S\n]){0,40}?[^\W\d_]-(?=" + UPPER_LETTER + r")")
#: A lone line is a post's headline from this many words (a tag page's tag is a few words: "Nghị quyết sắp xếp
#: hành chính"); a title naming its kind needs only its subject.
LONE_HEADLINE_MIN_WORDS = 2 * HEADLINE_MIN_WORDS


def _title_line(text: str) -> bool:
    """A line that can stand alone as a page's title: a few words at least, opening with a capital, no sentence, list,
    dateline, caption, body's name or type line in capitals.

    >>> _title_line("Hà Nội dự kiến giảm năm sở sau tinh gọn bộ máy"), _title_line("Đoàn đã làm việc với huyện.")
    (True, False)
    >>> _title_line("- Chủ tịch UBND huyện tiếp công dân vào thứ Năm"), _title_line("Sở Nội vụ tỉnh Hà Nam")
    (False, False)
    """
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return (len(words) >= HEADLINE_MIN_WORDS and len(text) <= TITLE_MAX_CHARS and not text.endswith(NOT_HEADLINE_ENDS)
            and _opens_a_sentence(text) and text.count(",") < TAG_LIST_COMMAS and has_diacritics(text)
            and not is_list_line(text) and not is_upper_line(text)
            and not news_dateline(text) and not PHOTO_CAPTION.match(text) and not PHOTO_CREDIT_END.search(text)
            and not _names_a_body(text) and not _WEEKDAY.match(text) and not SUBJECT_LABEL.match(fold_accents(text)))


def _furniture(text: str, title: str) -> bool:
    """A line a page may print under its lone title: the title again, a photo's caption, a few words of its furniture
    ("Lên top", "In bài viết"), not a cover's place and year."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return (text == title or bool(PHOTO_CAPTION.match(text) or PHOTO_CREDIT_END.search(text))
            or len(words) < HEADLINE_MIN_WORDS and not COVER_PLACE_YEAR.match(text))  # "Hà Nội - 2023": a cover's


def _title_page(r: _Reader) -> tuple[int, int] | None:
    """(block, offset in it) of the one title line of a page that shows nothing else: under its tags and labels, the
    line, then only the line again, captions and furniture. A tag glued to it is left out. A line alone is no such
    page: a tag page's tag, a site's title of a document and a post's headline read alike there."""
    if r.md.get("so_hieu") or r.md.get("loai_van_ban") or any(u.role in ANCHOR_ROLES for u in r.units):
        return None
    top = 1 if r.blocks and TAGS_LABEL.match(r.blocks[0].text.strip()) else 0
    at = next((i for i, b in enumerate(r.blocks[:top + LABEL_LINES_MAX + 1])
               if i >= top and not _is_label(b.text) and not _is_tag(b.text)), None)
    if at is None:
        return None
    text = r.blocks[at].text.strip()
    glued = GLUED_TAG.match(text)
    offset = glued.end() if glued else 0
    line = text[offset:]
    if at + 1 >= len(r.blocks) or not _title_line(line):
        return None
    if not all(_furniture(b.text.strip(), text) for b in r.blocks[at + 1:]):
        return None
    return at, len(r.blocks[at].text) - len(r.blocks[at].text.lstrip()) + offset


def _read_title_page(r: _Reader) -> None:
    """loai_van_ban and tieu_de of a page that is one title line (:func:`_title_page`): the kind it opens with and
    the subject after it (after the author it may name, "của Chủ tịch … về việc …"), else a post's headline.

    >>> from ingest.clean import clean_lines
    >>> from ingest.structure import parse_structure
    >>> def read(src):
    ...     md = extract_metadata(parse_structure(clean_lines(src)), src)
    ...     return md["loai_van_ban"], md["tieu_de"]
    >>> read("Hướng dẫn chấm điểm chỉ số cải cách hành chính cấp xã\\nIn bài viết")
    ('Hướng dẫn', 'Chấm điểm chỉ số cải cách hành chính cấp xã')
    >>> read("Hướng dẫn chấm điểm chỉ số cải cách hành chính cấp xã")  # a line alone: a tag, a title or a headline
    ('', '')
    >>> read("Quảng Trị dự kiến giảm bốn sở sau khi sắp xếp lại bộ máy\\nLên top")
    ('Tin bài', 'Quảng Trị dự kiến giảm bốn sở sau khi sắp xếp lại bộ máy')
    >>> read("Sắp xếp đơn vị hành chính cấp xã\\nLên top")  # a few words: a tag page's tag
    ('', '')
    """
    found = _title_page(r)
    if not found:
        return
    at, offset = found
    start, line = r.spans[at][0] + offset, r.blocks[at].text[offset:].rstrip()
    m = TITLE_PAGE_KIND.match(line)
    if m and len(m.group("rest").split()) >= TITLE_MIN_WORDS:
        r.put("loai_van_ban", document_kind(m.group("kind")), (start + m.start("kind"), start + m.end("kind")))
        issuer = TITLE_PAGE_ISSUER.match(m.group("rest"))
        subject = m.start("rest") + (issuer.end() if issuer else 0)
        title = line[subject:]
        r.put("tieu_de", (title[:1].upper() + title[1:])[:TITLE_MAX_CHARS], (start + subject, start + len(line)))
        return
    if len([w for w in line.split() if any(c.isalpha() for c in w)]) >= LONE_HEADLINE_MIN_WORDS:
        r.put("loai_van_ban", NEWS_TYPE)
        r.put("tieu_de", line[:TITLE_MAX_CHARS], (start, start + len(line)))


#: The kind a notice's formula gives a page without header (:data:`textnorm.patterns.NOTICE_FORMULA`).
NOTICE_TYPE = DocumentKind.NOTICE
#: Paragraphs at each end of a page where a notice's opening or closing formula stands.
NOTICE_ENDS = 6
#: Kinds a page may have been given before its notice formula was seen: none, or a post's (a dated portal page).
NOTICE_OVERRIDES = ("", NEWS_TYPE)


def _notice_formula(r: _Reader) -> tuple[int, re.Match] | None:
    """(start, match) of the formula with which a body gives notice, in the first or last paragraphs of a page without
    number or place-and-date line."""
    if r.md.get("so_hieu") or any(u.role in ANCHOR_ROLES for u in r.units):
        return None
    paragraphs = _body_paragraphs(r)
    ends = paragraphs[:NOTICE_ENDS] + paragraphs[max(NOTICE_ENDS, len(paragraphs) - NOTICE_ENDS):]
    return next(((s, m) for s, t in ends if (m := NOTICE_FORMULA.search(t))), None)


def _named_unit(r: _Reader, level: str) -> str:
    """The one unit of a level the text names ("… xã Quảng An, huyện …" → "Quảng An"); "" when none or several."""
    names = {_capitalised(m.group(1)) for m in re.finditer(rf"\b{level}[^\S\n]+({PLACE_NAME})", r.text)} - {""}
    return names.pop() if len(names) == 1 else ""


def _capitalised(name: str) -> str:
    """The leading words of a name that open with a capital (a character range of capitals also spans small letters).

    >>> _capitalised("Quảng An"), _capitalised("được biết"), _capitalised("Tây Sơn thông")
    ('Quảng An', '', 'Tây Sơn')
    """
    return " ".join(itertools.takewhile(lambda w: w[:1].isupper(), name.split()))


def _notice_body(r: _Reader, m: re.Match) -> str:
    """The body a notice's formula names, written out ("UBND" → "Ủy ban nhân dân", "Ủy Ban" → "Ủy ban"), a bare
    level completed with the one unit of that level the text names ("UBND xã" → "Ủy ban nhân dân xã Quảng An")."""
    body = m.group("body")
    name = _capitalised(m.group("name") or "") or _named_unit(r, m.group("level"))
    if m.group("delegation"):  # the office of three bodies keeps the name the text gives it
        return body[: m.end("level") - m.start("body")] + (f" {name}" if name else "")
    head = body[(m.end("joint") if m.group("joint") else 0) - m.start("body"): m.start("level") - m.start("body")]
    folded = fold_accents(head.strip()).lower()
    kind = "Hội đồng nhân dân" if re.search(r"\b(?:hdnd|hoi dong)\b", folded) else "Ủy ban nhân dân"
    kind = f"Hội đồng nhân dân và {kind}" if m.group("joint") else kind  # "Văn phòng HĐND và UBND huyện"
    office = "Văn phòng " if fold_accents(body).lower().startswith("van phong") else ""
    return f"{office}{kind} {m.group('level')}" + (f" {name}" if name else "")


def _strip_kind_word(r: _Reader, kind: str) -> None:
    """A title opening with the page's kind ("Thông báo lịch tiếp công dân …") keeps what follows it: the kind is a
    field of its own."""
    title, span = r.md.get("tieu_de", ""), r.found.get("tieu_de")
    word = re.match(rf"{kind}\s+(?=\S)", title, re.IGNORECASE)
    if word and len(title[word.end():].split()) >= TITLE_MIN_WORDS:
        rest = title[word.end():]
        r.put("tieu_de", rest[:1].upper() + rest[1:], (span[0] + word.end(), span[1]) if span else None)


def _read_notice(r: _Reader) -> None:
    """A page without header whose body gives notice ("UBND xã thông báo để … biết") is a "Thông báo" of the body it
    names; its headline, if any, is its title without the kind word."""
    if r.md.get("loai_van_ban") not in NOTICE_OVERRIDES:
        return
    if r.md.get("loai_van_ban") == NEWS_TYPE and _reports_issuing(r):
        return  # "UBND huyện vừa có Thông báo số …": a post reporting the notice, quoting its formula
    found = _notice_formula(r)
    if not found:
        return
    start, m = found
    r.put("loai_van_ban", NOTICE_TYPE, (start + m.start("body"), start + m.end("body")))
    if not r.md.get("co_quan"):
        r.put("co_quan", _notice_body(r, m), (start + m.start("body"), start + m.end("body")))
    if not r.md.get("tieu_de") and r.blocks and is_headline(r.blocks[0].text) and not is_list_line(r.blocks[0].text):
        text = r.blocks[0].text
        r.put("tieu_de", text[:TITLE_MAX_CHARS], (r.spans[0][0], r.spans[0][0] + len(text)))
    _strip_kind_word(r, NOTICE_TYPE)


def _calendar_headline(r: _Reader) -> int | None:
    """Index of a calendar's headline (:data:`textnorm.patterns.CALENDAR_HEADLINE`) among a page's first blocks: a line
    of a few words that is no sentence ("Lịch tiếp công dân", "Lịch công tác tuần 23 của Lãnh đạo UBND tỉnh")."""
    for i, block in enumerate(r.blocks[:LABEL_LINES_MAX + 1]):
        text = block.text.strip()
        if (CALENDAR_HEADLINE.match(text) and len(text) <= HEADLINE_MAX_CHARS and not text.endswith(NOT_HEADLINE_ENDS)
                and not is_list_line(text)):
            return i
    return None


def _read_calendar(r: _Reader) -> None:
    """A page without header under a calendar's headline: the headline as its title, and "Thông báo" as its kind when
    nothing else told it (a body announces its calendar; a dated portal post of one stays a post)."""
    if r.md.get("so_hieu"):
        return  # a numbered document's kind and title are its header's (a list item's "ngày …" may read as a date)
    at = _calendar_headline(r)
    if at is None:
        return
    text, start = r.blocks[at].text.strip(), r.spans[at][0] + len(r.blocks[at].text) - len(r.blocks[at].text.lstrip())
    if not r.md.get("loai_van_ban"):
        r.put("loai_van_ban", NOTICE_TYPE, (start, start + len(text)))
    if not r.md.get("tieu_de"):
        r.put("tieu_de", _sentence_case(text)[:TITLE_MAX_CHARS], (start, start + len(text)))


#: Kinds a portal page's headline may open with, in mixed case, when the page shows a document without its header
#: ("Báo cáo công tác chỉ đạo điều hành …", "Kế hoạch tổ chức …"); "Hướng dẫn" also opens a how-to post: not one.
HEADLINE_KINDS = (
    DocumentKind.REPORT, DocumentKind.NOTICE, DocumentKind.PLAN, DocumentKind.SUBMISSION, DocumentKind.PROGRAMME,
    DocumentKind.DECISION, DocumentKind.DIRECTIVE, DocumentKind.OUTLINE,
)
#: A headline opening with such a kind word, its subject after it (a citation "Kế hoạch số 12/…" is no headline).
KIND_HEADLINE = re.compile(r"^(?P<kind>" + "|".join(HEADLINE_KINDS) + r")\s+(?!số\b|\d)(?P<rest>\S.*)$", re.IGNORECASE)


def kind_headline(text: str) -> re.Match | None:
    """A headline that opens with the kind of the document the page shows, in mixed case.

    >>> kind_headline("Báo cáo tình hình kinh tế - xã hội tháng 5 năm 2017").group("kind", "rest")
    ('Báo cáo', 'tình hình kinh tế - xã hội tháng 5 năm 2017')
    >>> kind_headline("Kế hoạch số 12/KH-UBND ngày 3/2/2020 của UBND huyện"), kind_headline("Báo cáo viên")
    (None, None)
    >>> kind_headline("Quyết định 876/QĐ-BNV của Bộ Nội vụ phê duyệt Đề án xác định Chỉ số")  # a post citing it
    """
    m = KIND_HEADLINE.match(text.strip())
    return m if m and is_headline(text) and len(m.group("rest").split()) >= TITLE_MIN_WORDS else None


def _shows_sections(r: _Reader, after: int) -> bool:
    """The page shows a document's sections below its headline ("I. MỤC ĐÍCH, YÊU CẦU"), as a post does not."""
    return any(b.kind == "heading" or SECTION_START.match(b.text.strip()) for b in r.blocks[after + 1:])


def _read_kind_headline(r: _Reader) -> None:
    """A page without header whose headline (under its category lines) names its kind ("Báo cáo công tác …", "KẾ
    HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025"), when no kind was read or the page was read as a post although it shows the
    document's sections: that kind, the rest of the headline as the title, the issuer its opening names."""
    if r.md.get("so_hieu") or any(u.role in ANCHOR_ROLES for u in r.units):
        return
    at = next((i for i, b in enumerate(r.blocks[:LABEL_LINES_MAX + 1]) if not _is_label(b.text)), None)
    m = kind_headline(r.blocks[at].text) if at is not None else None
    news = r.md.get("loai_van_ban") == NEWS_TYPE
    if not m or r.md.get("loai_van_ban") and not (news and _shows_sections(r, at)):
        return
    lead = r.spans[at][0] + len(r.blocks[at].text) - len(r.blocks[at].text.lstrip())
    kind = next(k for k in HEADLINE_KINDS if k.lower() == m.group("kind").lower())
    r.put("loai_van_ban", kind, (lead + m.start("kind"), lead + m.end("kind")))
    if not r.md.get("tieu_de") or news:
        author = TITLE_PAGE_ISSUER.match(m.group("rest"))  # "Chỉ thị của Chủ tịch … về việc …": the subject only
        skip = author.end() if author else 0
        rest = _sentence_case(m.group("rest")[skip:].strip())
        span = (lead + m.start("rest") + skip, lead + m.end("rest"))
        r.put("tieu_de", (rest[:1].upper() + rest[1:])[:TITLE_MAX_CHARS], span)
    if news and not r.md.get("co_quan"):
        _read_opening_issuer(r)


#: Kinds a page may have been given before its title told it is the periodic report: none, or a post's (a portal
#: dates the page it publishes a report on).
PERIODIC_REPORT_OVERRIDES = ("", NEWS_TYPE)


def _periodic_report_title(r: _Reader) -> tuple[int, re.Match] | None:
    """(offset, match) of the periodic report's title (:data:`textnorm.patterns.PERIODIC_REPORT_TITLE`) that a page
    without header is titled by: its headline read so far, else the line it opens with under its labels."""
    span = r.found.get("tieu_de")
    if r.md.get("tieu_de") and span:
        m = PERIODIC_REPORT_TITLE.match(r.text[span[0]:span[1]])
        if m:
            return span[0], m
    at = _opening_block(r)
    if at is None:
        return None
    text = r.blocks[at].text
    m = PERIODIC_REPORT_TITLE.match(text.strip())
    return (r.spans[at][0] + len(text) - len(text.lstrip()), m) if m and _title_line(m.group()) else None


def _read_periodic_report(r: _Reader) -> None:
    """A page without header titled as the periodic report on a place's economy and society ("Tình hình kinh tế - xã
    hội tháng 9, quý III và 9 tháng năm 2023", with or without "Báo cáo"): a "Báo cáo", titled without its kind word,
    also when a portal's dateline made it read as a post.

    >>> from ingest.clean import clean_lines
    >>> from ingest.structure import parse_structure
    >>> src = ("Tình hình kinh tế - xã hội quý II và 6 tháng đầu năm 2024\\n1. Sản xuất nông nghiệp\\n"
    ...        "Diện tích gieo trồng vụ hè thu toàn tỉnh đạt 98% kế hoạch.")
    >>> md = extract_metadata(parse_structure(clean_lines(src)), src)
    >>> md["loai_van_ban"], md["tieu_de"]
    ('Báo cáo', 'Tình hình kinh tế - xã hội quý II và 6 tháng đầu năm 2024')
    """
    if (r.md.get("so_hieu") or r.md.get("loai_van_ban") not in PERIODIC_REPORT_OVERRIDES
            or any(u.role in ANCHOR_ROLES for u in r.units)):
        return
    found = _periodic_report_title(r)
    if not found:
        return
    start, m = found
    r.put("loai_van_ban", DocumentKind.REPORT, (start + m.start(), start + m.end()))
    title = m.group("title").strip()
    r.put("tieu_de", _sentence_case(title)[:TITLE_MAX_CHARS], (start + m.start("title"), start + m.end("title")))


#: Blocks under a page's headline where the lead stating its document's issuing may stand (a posting date between).
ISSUED_LEAD_REACH = 2
#: Words of a headline's subject that the lead must repeat to name the same document.
SAME_SUBJECT_WORDS = 4


def _issued_on_lead(r: _Reader) -> tuple[int, re.Match] | None:
    """(block index, :data:`textnorm.patterns.ISSUED_ON_LEAD` match) of a lead under a headline naming a document by
    its kind ("Báo cáo tình hình …") that says on which day that same document (its kind and the first words of its
    subject) was issued."""
    for i, block in enumerate(r.blocks[:DATELINE_BLOCKS]):
        head = kind_headline(block.text)
        if not head:
            continue
        subject = fold_accents(f"{head.group('kind')} {head.group('rest')}").split()[:SAME_SUBJECT_WORDS]
        for k in range(i + 1, min(len(r.blocks), i + 1 + ISSUED_LEAD_REACH)):
            m = ISSUED_ON_LEAD.match(r.blocks[k].text.strip())
            if m and fold_accents(m.group("named")).split()[:SAME_SUBJECT_WORDS] == subject:
                return k, m
        return None
    return None


def _read_shown_document_date(r: _Reader) -> None:
    """ngay_ban_hanh and nam of a page that shows a document under its headline ("Báo cáo tình hình …") when its lead
    says the day that document was issued ("ngày 01/7/2021 UBND huyện đã ban hành Báo cáo tình hình …"): the
    document's date, not the page's posting date ("Ngày cập nhật 12/07/2021")."""
    if r.md.get("so_hieu") or any(u.role in ANCHOR_ROLES for u in r.units):
        return
    found = _issued_on_lead(r)
    if not found:
        return
    k, m = found
    start = r.spans[k][0] + len(r.blocks[k].text) - len(r.blocks[k].text.lstrip())
    d, mo, y = ("d", "m", "y") if m.group("y") else ("d2", "m2", "y2")
    r.put("ngay_ban_hanh", _iso(m.group(d), m.group(mo), m.group(y)), (start + m.start(d), start + m.end(y)))
    r.put("nam", m.group(y), (start + m.start(y), start + m.end(y)))


#: Capital lines a labelled subject may wrap onto (a cover's title of two or three lines).
SUBJECT_LINES_MAX = 3
#: Blocks of a cover (its labels, its title, its place and year) at the top of a text.
COVER_BLOCKS = 15


def _read_cover(r: _Reader) -> None:
    """tieu_de and nam of an essay's or a study's cover (no kind): the capital lines under its subject's label ("TÊN
    ĐỀ TÀI:" / "CÔNG TÁC …"), and the year of its place-and-year line ("TP Hồ Chí Minh — 2024")."""
    if r.md.get("loai_van_ban"):
        return
    blocks = r.blocks[:COVER_BLOCKS]
    for i, block in enumerate(blocks):
        label = SUBJECT_LABEL.match(fold_accents(block.text.strip()))
        if label and not r.md.get("tieu_de"):
            _put_subject(r, i, bool(label.group("rest")))
    for i, block in enumerate(blocks):
        m = COVER_PLACE_YEAR.match(block.text.strip())
        if m and province_mentions(m.group("place")) and not r.md.get("nam"):
            s = r.spans[i][0] + len(block.text) - len(block.text.lstrip())
            r.put("nam", m.group("y"), (s + m.start("y"), s + m.end("y")))


def _put_subject(r: _Reader, label: int, same_line: bool) -> None:
    """The title a subject's label names: the rest of its line, else the capital lines under it."""
    if same_line:
        text = r.blocks[label].text
        rest = text[text.index(":") + 1:].strip()
        s = r.spans[label][0] + text.index(rest, text.index(":"))
        r.put("tieu_de", _sentence_case(rest)[:TITLE_MAX_CHARS], (s, s + len(rest)))
        return
    lines = list(itertools.takewhile(lambda k: is_upper_line(r.blocks[k].text) and ":" not in r.blocks[k].text,
                                     range(label + 1, min(len(r.blocks), label + 1 + SUBJECT_LINES_MAX))))
    if lines:
        title = " ".join(r.blocks[k].text.strip() for k in lines)
        r.put("tieu_de", _sentence_case(title)[:TITLE_MAX_CHARS], (r.spans[lines[0]][0], r.spans[lines[-1]][1]))


def _read_essay_title(r: _Reader) -> None:
    """tieu_de of an essay or a study (no kind, no issuer): the headline above its author's line ("ThS. …")."""
    _read_cover(r)
    if r.md.get("loai_van_ban") or r.md.get("tieu_de"):
        return
    for i, block in enumerate(r.blocks[:DATELINE_PARAGRAPHS]):
        if AUTHOR_WITH_DEGREE.match(block.text.strip()):
            above = [k for k in range(i - 1, max(-1, i - 1 - HEADLINE_REACH), -1) if is_headline(r.blocks[k].text)]
            if above:
                s, text = r.spans[above[0]][0], r.blocks[above[0]].text
                r.put("tieu_de", text[:TITLE_MAX_CHARS], (s, s + len(text)))
            return


def _read_month_stamp(r: _Reader) -> None:
    """nam (and the date, when the stamp has a day) of a page stamped with its publication month before its text
    (:func:`_search_stamp`), when nothing else dated it."""
    if r.md.get("nam") or not r.blocks:
        return
    m = _search_stamp(r)
    if m:
        s = r.spans[0][0]
        r.put("nam", m.group("y"), (s + m.start("y"), s + m.end("y")))
        if m.group("d") and not r.md.get("ngay_ban_hanh"):
            r.put("ngay_ban_hanh", _iso(m.group("d"), m.group("m"), m.group("y")), (s + m.start("y"), s + m.end("d")))


def _read_title_line_dates(r: _Reader) -> None:
    """nam and co_quan of a page holding a legal portal's title line (:data:`textnorm.patterns.PORTAL_TITLE_LINE`)
    and no header of its own: the year written after the number, the national body the number's code names."""
    if any(u.role in ("number", "place_date") for u in r.units):
        return
    for i, block in enumerate(r.blocks[:PORTAL_HEADLINE_BLOCKS]):
        m = PORTAL_TITLE_LINE.match(block.text.strip())
        if not m:
            continue
        at = r.spans[i][0] + len(block.text) - len(block.text.lstrip())
        if not r.md.get("nam"):
            r.put("nam", m.group("y"), (at + m.start("y"), at + m.end("y")))
        issuer = central_issuer(m.group("n").split("/")[-1])
        if issuer and not r.md.get("co_quan"):
            r.put("co_quan", issuer, (at + m.start("n"), at + m.end("n")))
        return


def _read_inline_dateline(r: _Reader) -> None:
    """ngay_ban_hanh and nam of a post whose time and date stand inside its first line, before its credited lead
    (:data:`textnorm.patterns.INLINE_DATELINE`)."""
    if r.md.get("ngay_ban_hanh") or not r.blocks:
        return
    m = INLINE_DATELINE.search(r.blocks[0].text)
    if m:
        s = r.spans[0][0]
        r.put("ngay_ban_hanh", _iso(m.group("d"), m.group("m"), m.group("y")), (s + m.start("d"), s + m.end("y")))
        r.put("nam", m.group("y"), (s + m.start("y"), s + m.end("y")))


#: The word by which a lead says its event is of the post's own day ("Sáng nay ngày 31/8/2018 …", "Hôm nay …").
TODAY_WORD = "nay"


def _read_lead_year(r: _Reader) -> None:
    """nam of a page without header whose lead opens with its event's full date, no comma after it
    (:data:`textnorm.patterns.LEAD_FULL_DATE`); not when the sentence issues a document (its date, not the post's) nor
    when it tells of a meeting held on another day than "today" (:data:`textnorm.patterns.MEETING_LEAD`: the
    meeting's day; "Sáng nay ngày …" is the post's own)."""
    if r.md.get("nam") or any(u.role in ("number", "place_date") for u in r.units):
        return
    for start, paragraph in _body_paragraphs(r)[:1]:
        m = LEAD_FULL_DATE.match(paragraph)
        if m and not LEAD_DATES_A_DOCUMENT.match(paragraph, m.end()) and not _meeting_day(paragraph, m):
            r.put("nam", m.group("y"), (start + m.start("y"), start + m.end("y")))


def _meeting_day(lead: str, date: re.Match) -> bool:
    """The lead's date is the day of a meeting it reports (:data:`textnorm.patterns.MEETING_LEAD`), not "today".

    >>> lead = "Sáng ngày 14/11/2025, HĐND xã Mỹ Hòa Hưng tổ chức Kỳ họp thứ 4 (kỳ họp chuyên đề)."
    >>> _meeting_day(lead, LEAD_FULL_DATE.match(lead))
    True
    >>> lead = "Sáng nay ngày 31/8/2018 đoàn xã tổ chức hội nghị tổng kết công tác năm."
    >>> _meeting_day(lead, LEAD_FULL_DATE.match(lead))
    False
    """
    return bool(MEETING_LEAD.match(lead)) and TODAY_WORD not in date.group().lower().split()


def _read_title_body(r: _Reader) -> None:
    """co_quan of a page without header whose first line names the document by its kind and its body
    (:data:`textnorm.patterns.TITLE_OF_BODY`): the body as written, its abbreviation spelt out."""
    if r.md.get("co_quan") or not r.blocks or any(u.role in ANCHOR_ROLES for u in r.units):
        return
    m = TITLE_OF_BODY.match(r.blocks[0].text.strip())
    if m:
        at = r.spans[0][0] + len(r.blocks[0].text) - len(r.blocks[0].text.lstrip())
        name = re.sub(r"^(?:UBND|[UỦ][ỷỶyY] ban nhân dân)", BODY_ABBREVIATIONS["ubnd"], m.group("body"))
        name = re.sub(r"^HĐND\b", BODY_ABBREVIATIONS["hđnd"], name)
        r.put("co_quan", name, (at + m.start("body"), at + m.end("body")))


#: Blocks at the top of a page where a site's header names its publisher (above the headline, a menu line between).
SITE_HEADER_BLOCKS = 3
#: Kinds of page whose publisher is their issuer: a post only (an essay on a school's site has no issuer; a plan or a
#: notice names its own body).
PUBLISHED_KINDS = (NEWS_TYPE,)


def _publisher(text: str) -> re.Match | None:
    """A line that is a publisher's name and nothing else (:data:`textnorm.patterns.PUBLISHER_NAME`), written as a
    name: in capitals, or at least half the words after its kind word capitalised ("Báo Điện tử Chính phủ"; a
    headline "Trường học an toàn cho học sinh" is none).

    >>> _publisher("TRƯỜNG CHÍNH TRỊ LÊ DUẨN").group(), _publisher("Báo Điện tử Chính phủ").group()
    ('TRƯỜNG CHÍNH TRỊ LÊ DUẨN', 'Báo Điện tử Chính phủ')
    >>> _publisher("Trường học an toàn cho học sinh vùng lũ") is None
    True
    """
    m = PUBLISHER_NAME.fullmatch(text.strip())
    if not m:
        return None
    words = m.group("rest").split()
    return m if text.isupper() or 2 * sum(w[:1].isupper() for w in words) >= len(words) else None


def _read_publisher(r: _Reader) -> None:
    """co_quan (and tinh, if unknown) of a post or an untyped page without header: the publisher its site's header
    names above the body ("TRƯỜNG CHÍNH TRỊ LÊ DUẨN", "Báo Điện tử Chính phủ"), else the one its dateline is glued to
    ("Báo Thanh HóaBáo Thanh Hóa17/06/2025")."""
    if (r.md.get("co_quan") or r.md.get("so_hieu") or r.md.get("loai_van_ban") not in PUBLISHED_KINDS
            or any(u.role in ANCHOR_ROLES for u in r.units)):
        return
    found = None
    for i, block in enumerate(r.blocks[:SITE_HEADER_BLOCKS]):
        if len(block.text) >= PROSE_MIN_CHARS:
            break
        m = _publisher(block.text)
        if m:
            found = (r.spans[i][0] + m.start(), r.spans[i][0] + m.end(), m.group())
            break
    stamp = _stamp(r)
    if not found and stamp:
        i, m = stamp
        label = r.blocks[i].text[: m.start("d")].strip()
        half = label[: len(label) // 2]
        label = half if half and label == half * 2 else label  # a site prints the name twice, glued
        p = _publisher(label)
        if p:
            found = (r.spans[i][0] + p.start(), r.spans[i][0] + p.end(), p.group())
    if not found:
        return
    r.put("co_quan", _body_name(found[2]), found[:2])
    if not r.md.get("tinh"):
        name, where = _province_in(r, found[:2])  # "Báo Thanh Hóa": the province's paper
        r.put("tinh", name, where)


#: Blocks at the top of a scan where its motto stands (beside or under the body's name, one or two lines each).
SCAN_MOTTO_BLOCKS = 3
#: Blocks under the motto where a scan's number and place-and-date line stand.
SCAN_DATELINE_BLOCKS = 2


def _read_scanned_header(r: _Reader) -> None:
    """tinh and nam of a scan whose header OCR garbled past reading ("TJBND TiNH BAC LIEU" / "CQNG HOA XA HQI …" /
    "… Bac LiQu, ngdy 18 lfing t ndm 2017"): the province the lines above the motto name ("TINH X"), the year of the
    dateline under it (:data:`textnorm.patterns.OCR_DATELINE_YEAR`). The body's name itself stays unread."""
    motto = next((i for i, b in enumerate(r.blocks[:SCAN_MOTTO_BLOCKS]) if is_motto(b.text)), None)
    if motto is None:
        return
    if not r.md.get("tinh") and motto > 0:
        start, end = r.spans[0][0], r.spans[motto - 1][1]
        cued = [(n, s, e) for n, s, e in province_mentions(r.text[start:end])
                if PROVINCE_CUE.search(fold_accents(r.text[start:end][max(0, s - 12): s]))]
        if len({n for n, _, _ in cued}) == 1:
            r.put("tinh", cued[0][0], (start + cued[0][1], start + cued[0][2]))
    if not r.md.get("nam"):
        for i in range(motto, min(len(r.blocks), motto + 1 + SCAN_DATELINE_BLOCKS)):
            folded = fold_accents(r.blocks[i].text)
            m = OCR_DATELINE_YEAR.search(folded) if len(folded) == len(r.blocks[i].text) else None
            if m:
                r.put("nam", m.group("y"), (r.spans[i][0] + m.start("y"), r.spans[i][0] + m.end("y")))
                return


def _read_cover_month(r: _Reader) -> None:
    """nam of a text without a dated header whose title page ends on its place, month and year
    (:data:`textnorm.patterns.COVER_MONTH_YEAR`: "HÀ NỘI, THÁNG 4 NĂM 2019"): a report attached to a decision dates
    its cover so; the year in its title is the year it reports on."""
    if r.md.get("nam") or any(u.role in ("number", "place_date") for u in r.units):
        return
    for i, block in enumerate(r.blocks[:COVER_BLOCKS]):
        m = COVER_MONTH_YEAR.match(block.text.strip())
        if m and province_mentions(m.group("place")):
            s = r.spans[i][0] + len(block.text) - len(block.text.lstrip())
            r.put("nam", m.group("y"), (s + m.start("y"), s + m.end("y")))
            return


def _read_page_dates(r: _Reader) -> None:
    """Dates a page gives outside a document's header or a post's dateline: a month stamp, a portal's title line,
    a dateline inside the first line, a lead's full date."""
    _read_title_line_dates(r)
    _read_cover_month(r)
    _read_inline_dateline(r)
    _read_month_stamp(r)
    _read_lead_year(r)


def extract_metadata(blocks: list[Block], text: str, *, spans: list[tuple[int, int]] | None = None,
                     web_fields: dict[str, str] | None = None, units: list | None = None,
                     portal: list[str] | None = None) -> dict:
    """Read số hiệu, loại văn bản, cơ quan ban hành, cấp, tỉnh, ngày ban hành, năm, kỳ kế hoạch, tiêu đề, người ký
    and chức vụ, each with the offsets of the text it was read from.

    Args:
        blocks: the document's blocks (front matter first).
        text: the cleaned text.
        spans: each block's offsets in ``text`` (found by searching when not given).
        web_fields: a legal portal's metadata fields (:func:`ingest.boundaries.web_fields`), used as a fallback.
        portal: the portal's lines about the document (:func:`ingest.boundaries.portal_lines`), for its headline.

    Returns:
        A dict with every key of :data:`index.model.METADATA_KEYS`; "" where the text does not say; ``spans`` is a
        JSON object of the offsets each field was read from.

    >>> from ingest.clean import clean_lines
    >>> from ingest.structure import parse_structure
    >>> src = ("Số: 36/KH-UBND\\n\\nKiên Giang, ngày 28 tháng 02 năm 2021\\n\\n"
    ...        "KẾ HOẠCH\\nKiểm tra công tác CCHC năm 2021")
    >>> md = extract_metadata(parse_structure(clean_lines(src)), src)
    >>> md["so_hieu"], md["tinh"], md["ngay_ban_hanh"], md["loai_van_ban"], md["ky_ke_hoach"]
    ('36/KH-UBND', 'Kiên Giang', '2021-02-28', 'Kế hoạch', '2021')
    >>> json.loads(md["spans"])["so_hieu"], src[4:14]
    ([4, 14], '36/KH-UBND')
    """
    r = _Reader(blocks, text, spans or _locate(blocks, text), matter_lines(blocks) if units is None else units,
                web_fields or {}, list(portal or ()))
    r.md = {k: "" for k in METADATA_KEYS}
    code = _read_number(r) or _read_named_line(r) or _read_attachment_note(r) or _read_short_title(r)
    place = _read_date(r) if not r.md.get("ngay_ban_hanh") else ""
    if not r.md.get("loai_van_ban"):
        _read_type(r, code)
    if not r.md.get("tieu_de"):
        _read_title(r)
    _read_portal_title(r)
    _read_period(r)
    _read_body(r, code, place)
    _read_letter_speaker(r)
    _read_scanned_header(r)
    _read_signer(r)
    _read_title_page(r)
    _read_news(r)
    _read_inline_headline(r)
    _read_run_on_headline(r)
    _read_notice(r)
    _read_calendar(r)
    _read_kind_headline(r)
    _read_periodic_report(r)
    _read_shown_document_date(r)
    _read_publisher(r)
    _read_essay_title(r)
    _read_page_dates(r)
    _read_title_body(r)
    r.md.update({k: reading_form(v) for k, v in r.md.items() if isinstance(v, str)})  # "ngƣời" shown as "người"
    r.md["spans"] = json.dumps({k: v for k, v in r.found.items() if k in r.md and r.md[k]}, sort_keys=True)
    return r.md


__all__ = ["extract_metadata", "normalise_code"]
