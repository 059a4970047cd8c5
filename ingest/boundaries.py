"""Find the document inside what was pasted: from its header to its end matter.

Officials paste from legal portals and provincial sites: page titles, a metadata table ("Số hiệu | 186/KH-UBND"),
"Đang tải nội dung…", share buttons and related-document lists come with the document. The document starts at its
header (issuing body, national motto, "Số:", place-and-date line) and ends after its signature block and "Nơi nhận".

Nothing of the document's own text is dropped: the motto is a header only where a header stands (alone on its line,
or with the issuing body, "Số:" or the place-and-date line beside it), never when a law's article names the country;
an anchor with a run of body lines above it (articles, numbered clauses, sentences) is not the document's start; body
lines that stand before the header are kept beside the document (its "Thông tin trang nguồn" section), and only
web lines are dropped. When no header is found the text is kept whole (``Boundaries.header_found`` is False, and the
document's metadata says so: ``boundary`` = "whole"), except lines that are web-page chrome by a short general list
(:data:`WEB_CHROME`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.clean import CELL_BREAK, Line
from ingest.frontmatter import (
    AGENCY,
    NUMBER_LABEL,
    PERSON_NAME,
    RECIPIENTS,
    SIGNATURE_LINE_MAX,
    SIGNATURE_START,
    TITLE_MIN_CHARS,
    header_motto,
    is_motto,
    number_match,
    place_date,
    type_head,
)
from ingest.legal import legal_heading
from textnorm import lexicons
from textnorm.lines import is_list_line, is_upper_line
from textnorm.patterns import (
    BREADCRUMB,
    DATE_TIME_BANNER,
    DOC_NUMBER,
    MENU_ITEM,
    MENU_LINE,
    OCR_GARBLED_WORD,
    OTHER_POSTS_LINE,
    PORTAL_BANNER,
    RELATED_DOCUMENTS_HEADING,
    RELATED_LINK_ITEM,
    SKIP_LINK,
)

#: A document viewer's page counter ("of 3 / 12", "2/15 trang"): arithmetic, not vocabulary, so not in the lexicon.
_PAGE_COUNTER = r"of\s*\d+\s*/\s*\d+|\d+\s*/\s*\d+\s*trang"


def _chrome_pattern() -> re.Pattern[str]:
    """Whole lines of ``textnorm/lexicons/portal_chrome.json`` (a line that is the term, or starts with it) and page
    counters."""
    rows = lexicons.entries("portal_chrome")
    starts = [re.escape(e.term) + ".*" for e in rows if e.field("line") == "starts"]
    whole = [re.escape(e.term) for e in rows if e.field("line") != "starts"]
    return re.compile(r"^(?:" + "|".join(starts + [_PAGE_COUNTER] + whole) + r")\s*$", re.IGNORECASE)


#: Whole lines that belong to a web page or a document viewer, whatever the site (a fallback, not the main rule).
WEB_CHROME = _chrome_pattern()
#: A web page's chrome line is short: a longer line that opens like one ("Tải bản đầy đủ …" and the whole document
#: pasted after it on one line) is text.
WEB_LINE_MAX_CHARS = 160
#: A line longer than this is a paragraph of text whatever its punctuation (also the whole document on one line).
LONG_LINE_CHARS = 200
#: A header line above the anchor (the issuing body, its number line) is short: a longer line is a page's title.
HEADER_LINE_MAX_CHARS = 80
#: A letter or a figure: a line without one (a rule, a border) says nothing and loses nothing.
_WORD_CHAR = re.compile(r"[^\W_]")
#: A header is the motto, or a number line with a place-and-date line at most this many lines away.
HEADER_PAIR_WINDOW = 4
#: Lines above the first header anchor that may still be the issuing body ("ỦY", "BAN NHÂN DÂN", "TỈNH X").
AGENCY_LINES_MAX = 3
#: This many body lines (articles, numbered clauses, sentences) above an anchor make it a mention inside the
#: document, not its start: a portal puts labels and titles above a document, not paragraphs (one or two lead
#: sentences of a news page are kept beside the document instead).
BODY_RUN_MIN = 3
#: A line of at least this many words that ends as a sentence ends is text, not a web page's label or title.
SENTENCE_MIN_WORDS = 12
#: Header lines beside a motto are short (body name, "Số: …", place and date); a longer line near a motto mention
#: is a sentence of the body and makes no header.
CONTEXT_LINE_MAX_CHARS = 120
#: Labels of a legal portal's metadata table → metadata key (read as a fallback, never kept as document text).
WEB_FIELDS = {
    "số hiệu": "so_hieu", "loại văn bản": "loai_van_ban", "ngày ban hành": "ngay_ban_hanh", "người ký": "nguoi_ky",
    "cơ quan ban hành": "co_quan", "nơi ban hành": "co_quan",
}
#: Other labels of those tables: they end the value before them.
_OTHER_LABELS = ("ngày có hiệu lực", "ngày hiệu lực", "ngày công báo", "số công báo", "lĩnh vực", "tình trạng",
                 "ngày hết hiệu lực")
#: A portal may list its fields as bullets ("- Người ký: Nguyễn Xuân Phúc", "• Số hiệu văn bản: …").
_FIELD_BULLET = re.compile(r"^\s*[-–•+*]\s+")
#: More labels of those tables, seen on other portals ("Số kí hiệu Số: 218 /BC-UBND", "Thể loại Văn bản", "• Ngôn
#: ngữ:"): a line opening with one, outside the document, is a row of the portal's table (only for telling web lines).
_TABLE_LABELS = ("số kí hiệu", "số ký hiệu", "số hiệu văn bản", "thể loại", "ngày bắt đầu hiệu lực",
                 "tình trạng hiệu lực", "hiệu lực", "ngôn ngữ", "định dạng văn bản", "thời gian duy trì hiệu lực",
                 "ngày bị bãi bỏ")
_LABEL = re.compile(
    r"(?<!\w)(" + "|".join(sorted((*WEB_FIELDS, *_OTHER_LABELS), key=len, reverse=True)) + r")\s*:?\s*",
    re.IGNORECASE,
)
#: A row of a portal's metadata table: its label first (the value after it, a colon or a bar between, or nothing).
_TABLE_ROW = re.compile(
    r"^(?:" + "|".join(sorted((*WEB_FIELDS, *_OTHER_LABELS, *_TABLE_LABELS), key=len, reverse=True))
    + r")(?![^\W\d_])", re.IGNORECASE)
#: This many menu items in a row, each alone on its line (:data:`textnorm.patterns.MENU_ITEM`), outside the document,
#: are a page's menu: a site's menu has four or more entries, while a header's or a signature's short lines are in
#: capitals or carry a name's title.
MENU_RUN_MIN = 4
#: A page lists five to ten other posts or documents under a heading of them ("Tin liên quan", "Văn bản liên
#: quan"); at most this many short lines under it are those links.
LINKS_UNDER_HEADING_MAX = 12
#: Separators of a menu's or a breadcrumb's items, to find its first item ("Trang chủ | Văn bản", "Trang chủ / Tin").
_NAV_SEPARATOR = re.compile(r"\s*[|>»›/]\s*")


@dataclass
class Boundaries:
    """The document's lines and what was dropped around them."""

    lines: list[Line]
    dropped_before: list[str] = field(default_factory=list)
    dropped_after: list[str] = field(default_factory=list)
    dropped_chrome: list[str] = field(default_factory=list)
    web_fields: dict[str, str] = field(default_factory=dict)
    header_found: bool = False
    above: list[str] = field(default_factory=list)  # every line above the header, in order (lines that do not look
    # like web lines are not dropped: they are kept beside the document, see portal_lines)
    below: list[str] = field(default_factory=list)  # every line after the end matter, in order (the same)

    def dropped(self) -> list[str]:
        """Every dropped line, in order of the three kinds."""
        return self.dropped_before + self.dropped_chrome + self.dropped_after


def is_web_chrome(text: str) -> bool:
    """A short line of a web page or a document viewer (:data:`WEB_CHROME`), never a long line that opens like one.

    >>> is_web_chrome("Chia sẻ"), is_web_chrome("Tải bản đầy đủ (.pdf) (12 trang) " + "Điều 1. Ban hành quy chế. " * 9)
    (True, False)
    """
    return len(text) <= WEB_LINE_MAX_CHARS and WEB_CHROME.match(text) is not None


def web_line_reason(text: str, previous: str = "") -> str:
    """Why a line outside the document is a web page's line, or "" when nothing says so (then it is kept).

    A positive rule only: the chrome lexicon, a line without a letter or a figure, a breadcrumb or a menu, the
    portal's banner, a skip link, a link to other posts or a related document, a date-and-time banner, a row of the
    portal's metadata table (or the value under a label alone on its line). A garbled OCR line, a name or a short
    line of unknown kind gets "".

    >>> [web_line_reason(t) for t in ("Chia sẻ", "Trang chủ > Tin tức", "(20/07/2012 3:16:17 CH)", "–––––––")]
    ['chrome', 'navigation', 'date banner', 'no words']
    >>> web_line_reason("Mai Sơn", previous="Người ký"), web_line_reason("Lĩnh vực: Công nghệ thông tin")
    ('table', 'table')
    >>> web_line_reason("TJBND TiNH BAC LIEU"), web_line_reason("Mai Sơn"), web_line_reason("BÁO CÁO SƠ KẾT 2018")
    ('', '', '')
    """
    text = text.strip(" |")
    if len(text) > WEB_LINE_MAX_CHARS or is_body_line(text):
        return ""
    if is_web_chrome(text):
        return "chrome"
    if not _WORD_CHAR.search(text):
        return "no words"
    first = _NAV_SEPARATOR.split(text, maxsplit=1)[0]
    if BREADCRUMB.search(text) or MENU_LINE.match(text) or first != text and is_web_chrome(first):
        return "navigation"
    if PORTAL_BANNER.match(text) or SKIP_LINK.match(text):
        return "banner"
    if OTHER_POSTS_LINE.match(text) or RELATED_LINK_ITEM.match(text):
        return "links"
    if DATE_TIME_BANNER.match(text):
        return "date banner"
    label = _FIELD_BULLET.sub("", previous).strip(" :|").lower()
    if _TABLE_ROW.match(_FIELD_BULLET.sub("", text)) or label and _TABLE_ROW.fullmatch(label):
        return "table"
    return ""


def _menu_item(text: str) -> bool:
    text = text.strip(" |")
    return bool(MENU_ITEM.match(text)) and not is_upper_line(text)


def _mark_links_under_heading(texts: list[str], reasons: list[str]) -> None:
    """Mark the short lines under a heading of other posts or documents as links (up to
    :data:`LINKS_UNDER_HEADING_MAX`, until a sentence of text)."""
    for n, text in enumerate(texts):
        m = OTHER_POSTS_LINE.match(text.strip(" |"))
        if not (m and m.group("heading") is not None or RELATED_DOCUMENTS_HEADING.match(text.strip(" |"))):
            continue
        reasons[n] = reasons[n] or "links"
        for k in range(n + 1, min(len(texts), n + 1 + LINKS_UNDER_HEADING_MAX)):
            if (reasons[k] or is_body_line(texts[k]) or len(texts[k]) > WEB_LINE_MAX_CHARS
                    or texts[k].rstrip().endswith((".", ";"))):  # a headline ends without a full stop
                break
            reasons[k] = "links"


def web_reasons(texts: list[str]) -> list[str]:
    """:func:`web_line_reason` of each line, the line above it read for a table's label, and a run of
    :data:`MENU_RUN_MIN` menu items or more ("Giới thiệu", "Tin tức", …) a menu.

    >>> web_reasons(["Số hiệu", "186/KH-UBND", "so crAo DUc vA DAo r4o"])
    ['table', 'table', '']
    >>> web_reasons(["Giới thiệu", "Tin tức", "Văn bản", "Liên hệ", "Sở Nội vụ tỉnh Gia Lai"])
    ['navigation', 'navigation', 'navigation', 'navigation', '']
    >>> web_reasons(["Giới thiệu", "Tin tức", "Lê Văn Hai"])
    ['', '', '']
    >>> web_reasons(["Tin liên quan", "Huyện Na Rì kiểm tra cải cách hành chính", "Đoàn làm việc tại xã."])
    ['links', 'links', '']
    """
    reasons = [web_line_reason(t, texts[n - 1] if n else "") for n, t in enumerate(texts)]
    _mark_links_under_heading(texts, reasons)
    n = 0
    while n < len(texts):
        run = n
        while run < len(texts) and not reasons[run] and _menu_item(texts[run]):
            run += 1
        if run - n >= MENU_RUN_MIN:
            reasons[n:run] = ["navigation"] * (run - n)
        n = max(run, n + 1)
    return reasons


def is_body_line(text: str) -> bool:
    """A line of a document's body rather than of a web page: an article or chapter heading, a numbered clause or
    point, or a sentence of :data:`SENTENCE_MIN_WORDS` words or more.

    >>> is_body_line("Điều 3. Giải thích từ ngữ"), is_body_line("a) Cấp tỉnh gồm các Sở")
    (True, True)
    >>> is_body_line("Số hiệu: 186/KH-UBND Loại văn bản: Kế hoạch"), is_body_line("Tải bản đầy đủ (.pdf) (12 trang)")
    (False, False)
    """
    if is_web_chrome(text):
        return False
    numbered = is_list_line(text) and not text.startswith(("-", "+", "•", "*"))  # a bullet may be a link list
    if len(text) > LONG_LINE_CHARS or legal_heading(text) or numbered:
        return True
    return len(text.split()) >= SENTENCE_MIN_WORDS and text.rstrip(" )\"'”").endswith((".", ";", ":", "!", "?"))


def _header_context(text: str) -> bool:
    """A number, a place-and-date line or an issuing body in capitals: what stands beside the motto in a header."""
    return bool(number_match(text) or place_date(text) or is_upper_line(text) and AGENCY.match(text))


def _motto_anchor(lines: list[Line], i: int) -> bool:
    """The motto where a header stands: alone on its line (most of its letters), or with header lines around it."""
    text = lines[i].text
    if header_motto(text) or _header_context(text):
        return True
    window = lines[max(0, i - HEADER_PAIR_WINDOW): i + HEADER_PAIR_WINDOW + 1]
    return any(_header_context(w.text) for w in window if len(w.text) <= CONTEXT_LINE_MAX_CHARS)


def _anchor(lines: list[Line], i: int) -> bool:
    text = lines[i].text
    if is_motto(text):
        return _motto_anchor(lines, i)
    if number_match(text) or place_date(text):
        window = [w.text for w in lines[max(0, i - HEADER_PAIR_WINDOW): i + HEADER_PAIR_WINDOW + 1]]
        return any(number_match(t) for t in window) and any(place_date(t) for t in window)
    return False


def is_garbled_header_line(text: str) -> bool:
    """A header line an OCR garbled ("TJBND TiNH BAC LIEU", "so crAo DUc vA DAo r4o"): short, no web line, no body
    line, no other document's number, with a letter's case flipped inside a word or a figure between letters. Above
    the motto it is the issuing body's line, not a web page's.

    >>> is_garbled_header_line("TJBND TiNH BAC LIEU so crAo DUc vA DAo r4o"), is_garbled_header_line("Mai Sơn")
    (True, False)
    >>> is_garbled_header_line("Quyết định 119/QĐ-UBND"), is_garbled_header_line("Trang chủ | Tin tức | Văn bản")
    (False, False)
    """
    if (len(text) > HEADER_LINE_MAX_CHARS or web_line_reason(text) or is_body_line(text) or DOC_NUMBER.search(text)
            or text.rstrip().endswith((".", ";", "!", "?"))):
        return False
    return bool(OCR_GARBLED_WORD.search(text)) or any(
        a.islower() and b.isupper() for word in text.split() for a, b in zip(word, word[1:]))


def _header_start(lines: list[Line]) -> int | None:
    """Index of the header's first line, or None when no header stands before a run of body lines."""
    first, body = None, 0
    for i, line in enumerate(lines):
        if _anchor(lines, i):
            first = i
            break
        body += is_body_line(line.text)
        if body >= BODY_RUN_MIN:
            return None  # the document began above any header anchor: whatever anchor follows is a mention
    if first is None:
        return None
    start, taken = first, 0
    j = first - 1
    motto = is_motto(lines[first].text)
    while j >= 0 and taken < AGENCY_LINES_MAX:
        text = lines[j].text
        if text == CELL_BREAK or not _WORD_CHAR.search(text):
            j -= 1  # a rule under the body's name ("–––––––") or a cell's border: the header goes on above it
            continue
        # a header flattened column by column leaves the number's label alone ("Số:") under the body's name
        header = is_upper_line(text) or number_match(text) or NUMBER_LABEL.match(text)
        if (lines[j].cells is not None or len(text) > HEADER_LINE_MAX_CHARS or web_line_reason(text)
                or not (header or motto and is_garbled_header_line(text))):
            break
        start, taken, j = j, taken + 1, j - 1
    return start


def _end_matter_step(text: str, mode: str) -> str | None:
    """Next state of the walk through the end matter ("r" recipients, "s" signature, "done" after the name), or
    None when ``text`` is past it."""
    if RECIPIENTS.match(text):
        return "r"
    if SIGNATURE_START.match(text) and is_upper_line(text):
        return "s"
    if text == CELL_BREAK:
        return mode
    if _LABEL.match(_FIELD_BULLET.sub("", text)):
        return None  # "- Người ký: …": a portal's field under the signature, not the document's
    if mode == "r" and text.startswith(("-", "+", "•", "Lưu")):
        return mode
    if mode == "s" and PERSON_NAME.match(text):
        return "done"
    if mode == "s" and len(text) <= SIGNATURE_LINE_MAX and not text.endswith((".", ";", ":")):
        return mode  # the post under "KT. CHỦ TỊCH", a scribble, "(Đã ký)"
    return None


def _continues_document(text: str) -> bool:
    """An appendix, an attached plan or any structured text after the signature belongs to the document."""
    return bool(is_list_line(text) and not text.startswith(("-", "+")) or type_head(text)
                or text.startswith(("PHỤ LỤC", "Phụ lục", "(Kèm theo", "(Ban hành kèm"))
                or is_upper_line(text) and len(text) >= TITLE_MIN_CHARS and not AGENCY.match(text)
                and not SIGNATURE_START.match(text))


def _end(lines: list[Line], start: int) -> int:
    """Index after the end matter, or len(lines) when the document has none or continues after it."""
    first = next((i for i in range(start, len(lines)) if RECIPIENTS.match(lines[i].text)
                  or SIGNATURE_START.match(lines[i].text) and is_upper_line(lines[i].text)), None)
    if first is None:
        return len(lines)
    end, mode = first, ""
    while end < len(lines):
        step = _end_matter_step(lines[end].text, mode)
        if step is None:
            break
        mode, end = step, end + 1
    rest = lines[end:]
    if any(_continues_document(line.text) or is_body_line(line.text) for line in rest):
        return len(lines)
    return end


#: The border between two cells of a table row flattened onto one line ("| Số hiệu: | 99/2024/NĐ-CP | Ngày đăng công
#: báo: | Đang cập nhật |"): a field's value ends at the next cell, whatever its label.
_CELL_BORDER = " | "


def _first_cell(value: str) -> str:
    """A field's value up to the end of its cell.

    >>> _first_cell(" | 99/2024/NĐ-CP | Ngày đăng công báo: | Đang cập nhật |"), _first_cell(" Phan Đình Trạc")
    ('99/2024/NĐ-CP', 'Phan Đình Trạc')
    """
    return value.strip(" |,").split(_CELL_BORDER)[0].strip(" |,")


#: Lines a table's value may stand below its label: the label's explanation ("Ngày ban hành là ngày, tháng, năm văn
#: bản được thông qua …", a legal portal's tooltip) and an empty cell's bar may come between.
FIELD_VALUE_REACH = 4
#: A field's explanation, not its value: the label restated and defined ("Ngày ban hành là …"), or the definition
#: alone after it ("là ngày, tháng, năm …").
_FIELD_EXPLANATION = re.compile(r"^(?:(?:" + "|".join(sorted((*WEB_FIELDS, *_OTHER_LABELS), key=len, reverse=True))
                                + r")\s+)?là\s", re.IGNORECASE)


def _value_below(texts: list[str], n: int) -> str:
    """The value of the label alone on line ``n``: the next line, past the label's explanation and empty cells.

    >>> _value_below(["Ngày ban hành:", "Ngày ban hành là ngày văn bản được ký.", "|", "08/12/2025 |"], 0)
    '08/12/2025 |'
    >>> _value_below(["Người ký", "Mai Sơn"], 0), _value_below(["Người ký"], 0)
    ('Mai Sơn', '')
    """
    for text in texts[n + 1: n + 1 + FIELD_VALUE_REACH]:
        if text.strip(" |") and not _FIELD_EXPLANATION.match(text.strip(" |")):
            return text
    return texts[n + 1] if n + 1 < len(texts) else ""


def web_fields(texts: list[str]) -> dict[str, str]:
    """Fields of a portal's metadata table, from lines "Số hiệu: 135/2006/QĐ-UBND Loại văn bản: Quyết định" or
    a label and its value on two lines.

    >>> web_fields(["Nơi ban hành: Tỉnh Nghệ An Người ký: Phan Đình Trạc", "Người ký", "Mai Sơn"])
    {'co_quan': 'Tỉnh Nghệ An', 'nguoi_ky': 'Phan Đình Trạc'}
    >>> web_fields(["- Số hiệu: 45/2020/NĐ-CP", "- Người ký: Nguyễn Xuân Phúc", "Ông Người ký: không"])
    {'so_hieu': '45/2020/NĐ-CP', 'nguoi_ky': 'Nguyễn Xuân Phúc'}

    A label explained under it (a legal portal's tooltip) keeps its value for the cell below the explanation:

    >>> web_fields(["Ngày ban hành:", "Ngày ban hành là ngày văn bản được ký ban hành.", "|", "08/12/2025 |"])
    {'ngay_ban_hanh': '08/12/2025'}
    """
    fields: dict[str, str] = {}
    joined = []
    texts = [_FIELD_BULLET.sub("", t) for t in texts]
    for n, text in enumerate(texts):
        label = text.strip(" :|").lower()
        if label in WEB_FIELDS or label in _OTHER_LABELS:
            joined.append(f"{text.strip(' :|')}: {_value_below(texts, n)}")
        elif n == 0 or texts[n - 1].strip(" :|").lower() not in (*WEB_FIELDS, *_OTHER_LABELS):
            joined.append(text)
    for text in joined:
        found = list(_LABEL.finditer(text))
        for k, m in enumerate(found):
            value = _first_cell(text[m.end(): found[k + 1].start() if k + 1 < len(found) else len(text)])
            key = WEB_FIELDS.get(m.group(1).lower())
            explained = _FIELD_EXPLANATION.match(value)  # "Ngày ban hành là ngày …": the label's tooltip
            if key and value and key not in fields and (m.start() == 0 or k > 0) and not explained:
                fields[key] = value
    return fields


#: Lines of a portal page worth keeping beside the document (in their own section, never read as the document):
#: metadata fields ("Người ký: …"), status lines ("đã được thay thế bởi …") and the page's title naming the document.
_PORTAL_INFO = re.compile(r"\d+\s*/\s*[A-ZĐ]|thay thế|hiệu lực|bãi bỏ|hết hiệu lực", re.IGNORECASE)


def portal_lines(bounds: Boundaries) -> list[str]:
    """The portal's lines that describe the document (its metadata table, status, title), label and value joined,
    and every line around the document that does not look like a web line (:func:`web_line_reason`): a news lead,
    a name, a garbled line are kept, never dropped.

    >>> b = Boundaries([], ["Trang chủ", "Số hiệu", "186/KH-UBND", "Người ký", "Mai Sơn", "Lĩnh vực", "CNTT"])
    >>> portal_lines(b)
    ['Số hiệu: 186/KH-UBND', 'Người ký: Mai Sơn']
    >>> portal_lines(Boundaries([], above=["Chia sẻ", "Nguyễn Văn An", "Trang chủ > Tin tức"]))
    ['Nguyễn Văn An']
    """
    out: list[str] = []
    texts = [t.strip(" |") for t in (bounds.above or bounds.dropped_before) + (bounds.below or bounds.dropped_after)]
    reasons = web_reasons(texts)
    skip = False
    for n, text in enumerate(texts):
        if skip:
            skip = False
            continue
        label = text.strip(" :").lower()
        if label in WEB_FIELDS and n + 1 < len(texts):
            out.append(f"{text.strip(' :')}: {texts[n + 1]}")
            skip = True
        elif not reasons[n]:
            out.append(text)  # a body line above the header (a news lead), or a line of unknown kind: never dropped
        elif not is_web_chrome(text) and (_PORTAL_INFO.search(text) or any(
                m.group(1).lower() in WEB_FIELDS for m in _LABEL.finditer(text))):
            out.append(text)
    return out


def find_document(lines: list[Line]) -> Boundaries:
    """Cut the pasted text to the document: from its header to its end matter.

    Args:
        lines: output of :func:`ingest.clean.clean_lines`.

    Returns:
        The document's lines, the lines dropped before and after it, and the portal's metadata fields.

    >>> from ingest.clean import clean_lines
    >>> src = ("Trang chủ | Văn bản\\nĐang tải nội dung, vui lòng chờ giây lát...\\nỦY BAN NHÂN DÂN\\nTỈNH SƠN LA\\n"
    ...        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\nSố: 148/KH-UBND\\nSơn La, ngày 06 tháng 7 năm 2020\\nKẾ HOẠCH\\n"
    ...        "Đo lường sự hài lòng\\nI. MỤC ĐÍCH\\n- Đo lường.\\nNơi nhận:\\n- Bộ Nội vụ;\\nCHỦ TỊCH\\n"
    ...        "Hoàng Quốc Khánh\\nVăn bản liên quan\\nChia sẻ")
    >>> b = find_document(clean_lines(src))
    >>> b.lines[0].text, b.lines[-1].text, b.dropped_before[-1]
    ('ỦY BAN NHÂN DÂN', 'Hoàng Quốc Khánh', 'Đang tải nội dung, vui lòng chờ giây lát...')
    >>> b.dropped_after
    ['Văn bản liên quan', 'Chia sẻ']
    """
    start = _header_start(lines)
    if start is None:
        kept = [line for line in lines if not is_web_chrome(line.text)]
        chrome = [line.text for line in lines if is_web_chrome(line.text)]
        return Boundaries(kept, dropped_chrome=chrome, web_fields=web_fields([line.text for line in lines]))
    end = _end(lines, start)
    above = [line.text for line in lines[:start] if line.text != CELL_BREAK]
    below = [line.text for line in lines[end:] if line.text != CELL_BREAK]
    before = [t for t, why in zip(above, web_reasons(above)) if why]  # only web lines are dropped
    after = [t for t, why in zip(below, web_reasons(below)) if why]
    body = lines[start:end]
    kept = [line for line in body if not is_web_chrome(line.text)]
    chrome = [line.text for line in body if is_web_chrome(line.text)]
    fields = web_fields([t for t in above if not is_body_line(t)] + below)  # a list under it too
    return Boundaries(kept, before, after, chrome, fields, True, above, below)


__all__ = ["Boundaries", "find_document", "web_fields", "is_body_line", "is_web_chrome", "WEB_CHROME"]
