"""Patterns of Vietnamese questions and official-document text shared by the retriever and the answerer."""

from __future__ import annotations

import re

from textnorm import fold_accents
from textnorm.cues import YEAR
from textnorm.kinds import DocumentKind
from textnorm.letters import CAPITALISED_WORD, UPPER_LETTER

#: A time expression finer than a year in a document: "quý III", "tháng 4", "4/2021", "30/9/2022" (a bare
#: "năm 2021" is in nearly every sentence of a yearly plan and tells nothing about when).
TIME_EXPRESSION = re.compile(
    r"\bquý\s+[IV]+\b|\btháng\s+\d{1,2}\b|\b\d{1,2}/\d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b",
    re.IGNORECASE,
)
#: Questions asking which document (answered by a document's opening: title, number, purpose).
WHICH_DOCUMENT_QUESTION = re.compile(
    r"\b(tài liệu|văn bản|kế hoạch|quyết định|công văn|thông báo|tin bài|bài viết) nào\b|"
    r"\b(tai lieu|van ban|ke hoach|quyet dinh|cong van) nao\b",
    re.IGNORECASE,
)
#: The date of a document cited by number ("Kế hoạch số 189/KH-UBND ngày 30/12/2020"): when that document was
#: issued, not when something happens.
CITED_DOCUMENT_DATE = re.compile(
    r"\d+\s*/\s*[A-ZĐ][\w-]*(?:/[\w-]+)?\s+ngày\s+(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
    re.IGNORECASE,
)
#: The sentence a document opens its body with, naming its issuer before what it does and ending on a colon: "Ủy ban
#: nhân dân xã X thông báo lịch tiếp công dân như sau:", "Sở Nội vụ hướng dẫn …, cụ thể như sau:". The issuer is a
#: committee or a department named with its place (a news lead narrates, it does not end on a colon).
ISSUER_OPENING = re.compile(
    r"^(?P<body>(?:Ủy ban nhân dân|UBND|Sở [^\W\d_]+(?: [^\W\d_]+){0,3})\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|"
    r"phường|thị trấn)\s+" + UPPER_LETTER + r"[^\W\d_]*(?:\s+" + UPPER_LETTER + r"[^\W\d_]*){0,3})\s+"
    r"(?:thông báo|ban hành|báo cáo|hướng dẫn|chỉ đạo|đề nghị|triệu tập)\b[^.;]*:$"
)
#: Levels of a local government unit, as a body's name writes them after "Ủy ban nhân dân" ("xã", "thị xã").
UNIT_LEVELS = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)"
#: A place's name after its level: up to four capitalised words on the same line, an apostrophe inside ("Đăk R’lấp").
PLACE_NAME = (UPPER_LETTER + r"[^\W\d_]*(?:[’'][^\W\d_]+)?(?:[^\S\n]+" + UPPER_LETTER
              + r"[^\W\d_]*(?:[’'][^\W\d_]+)?){0,3}")
#: A local body that gives notice, its name written out or abbreviated, in any capitals ("Ủy Ban nhân dân", "UBND",
#: "HĐND", "Văn phòng UBND", the joint offices "Văn phòng HĐND và UBND", "Văn phòng Đoàn ĐBQH, HĐND và UBND"), its
#: level repeated by a typo ("huyện huyện") and its place's name optional (a notice shown on the unit's own portal may
#: write "UBND xã" alone).
NOTICE_BODY = (r"(?P<body>(?i:văn phòng\s+)?(?P<joint>"
               r"(?P<delegation>(?i:đoàn\s+(?:đbqh|đại biểu quốc hội))\s*(?:,|và)\s*)?"
               r"(?i:hđnd|hội đồng nhân dân)\s*(?:và|&|-)\s*)?"
               r"(?i:ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd)\s+"
               rf"(?P<level>{UNIT_LEVELS})(?:\s+{UNIT_LEVELS})?(?:[^\S\n]+(?P<name>{PLACE_NAME}))?)")
#: The clause of a document's opening that names the body issuing it, with its place, before what it issues:
#: "Triển khai …, Ban Chỉ đạo chuyển đổi số huyện X (sau đây gọi tắt là Ban Chỉ đạo) ban hành Kế hoạch …", "…, UBND
#: xã Y xây dựng kế hoạch …". A news lead narrates it with "vừa" or "đã" (:data:`NEWS_NARRATION`).
ISSUING_BODY = re.compile(
    r"(?:^|[,;]\s*)(?P<body>(?i:ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd|ban chỉ đạo|sở)\s[^,;:()]{0,80}?"
    rf"\b{UNIT_LEVELS}\s+{PLACE_NAME})\s*(?:\([^)]{{0,80}}\)\s*)?"
    r"(?i:ban hành|xây dựng)\s+(?i:kèm theo\s+)?(?i:kế hoạch|chương trình|quy chế|quy định|đề án|hướng dẫn)\b"
)
#: The clause a document without header opens its body with, naming the local body (or a council's standing
#: committee, "Thường trực HĐND") that draws it up, then what it does, ending on "như sau:": "Thực hiện …, Thường
#: trực HĐND huyện xây dựng lịch tiếp công dân … như sau:". A news lead narrates; it does not end on a colon.
OPENING_BODY_CLAUSE = re.compile(
    r"(?:^|[,;]\s*)(?P<standing>(?i:thường trực)\s+)?" + NOTICE_BODY
    + r"\s+(?:xây dựng|ban hành|lập|quy định)\s[^.;]*?(?:như sau|sau đây)\s*:\s*$"
)
#: The clause in which a letter's sender speaks as itself, its body's name before what it asks or gives: "Bộ Nội vụ
#: trân trọng đề nghị …", "…, Hội đồng phối hợp PBGDPL trung ương (sau đây gọi là Hội đồng) đề nghị …". The name opens
#: with a body's head word and runs to the verb within one clause (no punctuation); group ``body``.
LETTER_SPEAKER = re.compile(
    r"(?:^|[.;,:]\s+)(?P<body>(?:Bộ|Ủy ban|Uỷ ban|UBND|Hội đồng|HĐND|Ban|Sở|Văn phòng|Cục|Tổng cục|Thanh tra)\s+"
    r"[^\W\d_][^.,;:()\n]{0,80}?)\s*(?:\(sau đây[^()]{0,60}\)\s*)?(?:trân trọng\s+|kính\s+)?"
    r"(?:đề nghị|hướng dẫn|thông báo|đề xuất|yêu cầu)\b"
)
#: Words a body's name never holds: a clause's tense, preposition or link ("Ban Chỉ đạo đã thống nhất và …", "Bộ
#: trưởng về việc …"), which tell a narrated sentence from a sender speaking.
NOT_IN_BODY_NAME = frozenset({"đã", "đang", "sẽ", "vừa", "cũng", "được", "đến", "về", "tại", "cho", "với", "theo",
                              "của", "là", "có", "không", "tiếp", "tục", "sau", "khi"})


def letter_speaker(text: str) -> re.Match | None:
    """The first clause in which a letter's sender names itself before what it asks (:data:`LETTER_SPEAKER`), its
    name holding none of :data:`NOT_IN_BODY_NAME`.

    >>> letter_speaker("Ngày 3/6/2020, Thủ tướng đã ký Quyết định. Bộ Nội vụ trân trọng đề nghị Quý Cơ quan")["body"]
    'Bộ Nội vụ'
    >>> letter_speaker("Thực hiện Kết luận, Ban Chỉ đạo tỉnh (sau đây gọi là Ban Chỉ đạo) đề nghị các sở")["body"]
    'Ban Chỉ đạo tỉnh'
    >>> letter_speaker("Ban Chỉ đạo đã thống nhất và đề nghị các sở"), letter_speaker("Trân trọng đề nghị Quý Cơ quan")
    (None, None)
    """
    for m in LETTER_SPEAKER.finditer(text):
        if not NOT_IN_BODY_NAME.intersection(m.group("body").lower().split()):
            return m
    return None


#: An abbreviation a text may define and then use inside a body's name ("PBGDPL", "CCHC"): three capitals at least.
DEFINED_ABBREVIATION = re.compile(r"\b[A-ZĐ]{3,10}\b")
#: Abbreviations every reader knows: a body's name keeps them as written (the gold and the header write them so).
KNOWN_ABBREVIATIONS = frozenset({"UBND", "HĐND", "MTTQ", "TTXVN"})


def _definition(abbreviation: str, text: str) -> str:
    """The words a text defines an abbreviation by, written before it in brackets, one word per letter ("phổ biến,
    giáo dục pháp luật (PBGDPL)"); "" when the text defines it nowhere.

    >>> _definition("PBGDPL", "công tác phổ biến, giáo dục pháp luật (PBGDPL) nâng cao")
    'phổ biến, giáo dục pháp luật'
    >>> _definition("PBGDPL", "công tác PBGDPL")
    ''
    """
    n = len(abbreviation)
    for m in re.finditer(r"\(\s*" + re.escape(abbreviation) + r"\s*\)", text):
        words = list(re.finditer(r"[^\W\d_]+", text[max(0, m.start() - 200): m.start()]))[-n:]
        initials = "".join(fold_accents(w.group()[0]) for w in words)
        if len(words) == n and initials == fold_accents(abbreviation):
            before = text[max(0, m.start() - 200): m.start()]
            return re.sub(r"\s+", " ", before[words[0].start():words[-1].end()])
    return ""


def expand_defined(name: str, text: str) -> str:
    """A body's name with the abbreviations the text defines written out (:func:`_definition`); known ones
    (:data:`KNOWN_ABBREVIATIONS`) and undefined ones stay.

    >>> expand_defined("Hội đồng phối hợp PBGDPL trung ương", "Luật phổ biến, giáo dục pháp luật (PBGDPL) quy định")
    'Hội đồng phối hợp phổ biến, giáo dục pháp luật trung ương'
    >>> expand_defined("Sở Tư pháp", "…"), expand_defined("Ban Chỉ đạo CCHC tỉnh", "về công tác CCHC")
    ('Sở Tư pháp', 'Ban Chỉ đạo CCHC tỉnh')
    """
    def written_out(m: re.Match) -> str:
        return m.group() if m.group() in KNOWN_ABBREVIATIONS else _definition(m.group(), text) or m.group()

    return DEFINED_ABBREVIATION.sub(written_out, name)


#: The formula a notice's body opens or closes with, naming the body that gives notice: "Ủy ban nhân dân xã X thông
#: báo lịch tiếp công dân như sau:", "Vậy, UBND huyện thông báo để các cơ quan … được biết./.", "Văn phòng UBND tỉnh
#: thông báo đến quý cơ quan … biết". A news post reports what a body said; it does not address its readers so.
NOTICE_FORMULA = re.compile(
    r"(?:^|[,;:.]\s+|\s)" + NOTICE_BODY + r"\s+thông báo\s+"
    r"(?:(?:để|đến|tới|cho)\b[^.]*?\b(?:biết|thực hiện|thông cảm)\b|[^.;]*?(?:như sau|sau đây)\s*:)"
)
#: A section heading that may follow a title in capitals without a blank line ("PHẦN I. KẾT QUẢ …", "Chương II",
#: "I. MỤC ĐÍCH"): the title has ended, the body has begun. A roman number opens no title.
SECTION_START = re.compile(
    r"^(?:(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:(?:thứ|THỨ)\s+\w+|[IVXLC]{1,6}|\d{1,3})(?![\w])|[IVXLC]{1,6}\.\s)"
)
#: The addressee line of a tờ trình or a công văn ("Kính gửi: Ủy ban nhân dân tỉnh …"): the letter has begun, the
#: title above it has ended (it opens its own line, also in a hard-wrapped text).
ADDRESSEE = re.compile(r"^Kính\s+gửi\b", re.IGNORECASE)
#: A line holding only the years a long title ends with, wrapped onto a line of its own ("2021 - 2025", "GIAI ĐOẠN
#: 2021-2030", "NĂM 2024"): it still belongs to the title above it.
TITLE_YEARS_LINE = re.compile(r"^(?:(?:giai đoạn|năm|thời kỳ)\s+)?" + YEAR + r"(?:\s*[-–—]\s*" + YEAR + r")?\s*$",
                              re.IGNORECASE)
#: A document number such as "189/KH-UBND" (its letters are not abbreviations to expand).
DOC_NUMBER = re.compile(r"\b\d+\s*/\s*[A-ZĐa-zđ]+(?:-[A-ZĐa-zđ]+)*")
#: A clock time beside a news post's date: "21:54", "16:03:31", "04:00:00 PM", "10h05".
_CLOCK = r"\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?"
#: A time of day as a text states it: "07h30", "13:00", "7 giờ 30", "14 giờ" (the hours a service is open, a meeting's
#: start), not a date.
CLOCK_TIME = re.compile(r"\b(?:" + _CLOCK + r"|\d{1,2}\s*giờ(?:\s*\d{2}(?:\s*phút)?)?)", re.IGNORECASE)
#: A news post's dateline, alone on its line, as portals print it: "04/06/2019 - 21:54", "10:05, 05/05/2022",
#: "THỨ BA, 20/09/2022 16:03:31", "Thứ Sáu, 23/04/2021, 18:49 [GMT+7]", "Cập nhật: 12/05/2016 04:00:00 PM",
#: "Ngày đăng: 05/05/2022 | Lượt xem: 128" (the view count after a bar, a dash or a comma: "Đăng ngày 03-10-2023
#: 15:23, Lượt xem: 88"), "Cập nhật lúc 08:48, Thứ Năm, 12/07/2018 (GMT+7)" (the time before the weekday), or in
#: brackets "(12/03/2023 10:05)", or after its author's name ("Tuấn Điệp - 05/08/2025 - 09:17": one to four words,
#: then a dash). It dates the post; it is never the period of what the post reports.
NEWS_DATELINE = re.compile(
    r"^[-–•|\s]*(?:[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s+[-–|]\s+)?"
    r"[(\[]?\s*(?:(?:Cập nhật|Ngày cập nhật|Ngày đăng|Đăng ngày|Ngày xuất bản|Xuất bản|Ngày phát hành|"
    r"Đăng lúc|Thời gian đăng|Thông tin được đưa ngày|Được đưa ngày|Ngày)\s*(?:lúc|ngày)?\s*:?\s*)?"
    r"(?:" + _CLOCK + r"\s*[,|-]?\s*(?=Thứ\s|Chủ\s+nhật|T[2-7]\b|CN\b))?"
    r"(?:(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+nhật|T[2-7]|CN)\s*[,-]?\s*)?"
    r"(?:" + _CLOCK + r"\s*(?:[,|-]|ngày)?\s*)?"
    r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>" + YEAR + r")"
    r"(?:\s*(?:[,|-]|lúc)?\s*" + _CLOCK + r")?"
    r"(?:\s*[\[(]?\s*GMT\s*\+\s*0?7(?::00)?\s*[\])]?)?"
    r"(?:\s*[|,-]\s*(?:Lượt xem|Lượt đọc|Đã xem|Lượt truy cập)\s*:?\s*[\d.,]+)?\s*[)\]]?\s*$",
    re.IGNORECASE,
)
#: The same dateline with the date written out, alone on its line ("Ngày 12 tháng 3 năm 2023", "10:05 ngày 12 tháng 3
#: năm 2023"); a document's place-and-date line names its place first, so it is not one, and a weekday before it
#: ("Chủ nhật, ngày 3 tháng 12 năm 2023") is a portal's "today" banner, not the post's date.
NEWS_DATELINE_WORDS = re.compile(
    r"^[-–•|\s]*(?:" + _CLOCK + r"\s*[,|-]?\s*)?"
    r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>" + YEAR + r")"
    r"(?:\s*(?:[,|-]|lúc)?\s*" + _CLOCK + r")?\s*$",
    re.IGNORECASE,
)

#: A dateline with its time first and the post's view count glued after it, unlabelled: "11:13 30/11/2025 98" (the
#: time first tells a dateline from a table row of a date and a figure).
NEWS_DATELINE_COUNTED = re.compile(
    r"^[-–•|\s]*" + _CLOCK + r"\s*[,|-]?\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>" + YEAR + r")"
    r"\s+[\d.,]{1,9}\s*$",
    re.IGNORECASE,
)


#: A labelled segment of a post's information line ("Tác giả: Minh Hà", "Lượt xem: 123"): one to three words, a
#: colon, a short value.
_INFO_SEGMENT = r"[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*:\s*[^|\n:]{1,40}?"
#: What stands between two segments of that line: a bar, or a dash between spaces ("Đăng bởi: Admin - 12/03/2023").
_INFO_SEPARATOR = r"\s*(?:\||\s[-–])\s*"
#: A post's information line whose date (maybe labelled) stands among labelled segments split by "|" or a dash
#: ("Tác giả: Minh Hà | 12/03/2023", "Lượt xem: 123 | 12/03/2023 10:05", "Người đăng: X | Ngày đăng: 12/03/2023"),
#: or with its view count after it unseparated ("12/03/2023 10:05 Lượt xem: 345"). Every other segment is labelled:
#: a table row of a date and a deadline is not one.
NEWS_DATELINE_SEGMENTS = re.compile(
    r"^[-–•|\s]*(?:" + _INFO_SEGMENT + _INFO_SEPARATOR + r"){0,3}"
    r"(?:(?:Ngày đăng|Đăng ngày|Ngày cập nhật|Cập nhật|Ngày)\s*:?\s*)?"
    r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>" + YEAR + r")(?:\s*[,-]?\s*" + _CLOCK + r")?"
    r"(?:" + _INFO_SEPARATOR + _INFO_SEGMENT + r"){0,3}"
    r"(?:\s+(?:Lượt xem|Lượt đọc|Đã xem|Lượt truy cập)\s*:?\s*[\d.,]+)?\s*$",
    re.IGNORECASE,
)
#: A dateline with its month as a word and no "năm", alone on its line: "12 Tháng 3, 2023", "Thứ Hai, 12 Tháng 3 2023
#: 10:05" (a document's date always writes "năm"; a place-and-date line names its place first).
NEWS_DATELINE_MONTH_WORD = re.compile(
    r"^[-–•|\s]*(?:(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+nhật)\s*[,-]?\s*)?"
    r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*[,/]?\s*(?P<y>" + YEAR + r")"
    r"(?:\s*(?:[,|-]|lúc)?\s*" + _CLOCK + r")?(?:\s*[\[(]?\s*GMT\s*\+\s*0?7(?::00)?\s*[\])]?)?\s*$",
    re.IGNORECASE,
)


#: A dateline glued to the label a page's text joins it to, no space before the day: an author's label or a
#: publisher's name and the date ("author05/10/2020 08:09", "Báo Lạng SơnBáo Lạng Sơn12/06/2024"): one to six words,
#: then the date ending the line (a clock may follow). A sentence never glues a word to a date so.
NEWS_DATELINE_GLUED = re.compile(
    r"^\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,5}(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>" + YEAR + r")"
    r"(?:\s*[,|-]?\s*" + _CLOCK + r")?\s*$"
)


def _weekday_dateline(text: str) -> re.Match | None:
    """A short line opening with a post's weekday, date and time, maybe "ngày" before the date and the page's buttons
    after it ("Thứ Năm, 05/05/2022 - 10:05 Cỡ chữ: A A A", "Thứ năm, ngày 05/05/2022 10:05"): :data:`WEEKDAY_STAMP`
    at the start of the line."""
    text = text.strip()
    m = WEEKDAY_STAMP.match(text)
    return m if m and len(text.split()) <= WEEKDAY_STAMP_WORDS else None


def news_dateline(text: str) -> re.Match | None:
    """The dateline of a news post on its own line, in figures or in words (groups ``d``, ``m``, ``y``).

    >>> [news_dateline(t).group("y") for t in ("(12/03/2023 10:05)", "Ngày 12 tháng 3 năm 2023", "04/06/2019 - 21:54")]
    ['2023', '2023', '2019']
    >>> news_dateline("Hà Nội, ngày 12 tháng 3 năm 2023"), news_dateline("Ngày 12 tháng 3 năm 2023, đoàn đã kiểm tra")
    (None, None)
    >>> news_dateline("Chủ nhật, ngày 3 tháng 12 năm 2023") is None
    True
    >>> news_dateline("Đăng ngày 03-10-2023 15:23, Lượt xem: 88").group("y")
    '2023'
    >>> news_dateline("11:13 30/11/2025 98").group("d"), news_dateline("30/11/2025 98")
    ('30', None)

    A label glued to the date (:data:`NEWS_DATELINE_GLUED`); a spaced word before a date is no dateline:

    >>> news_dateline("author12/03/2021 07:15").group("d"), news_dateline("Hạn chót 12/03/2021")
    ('12', None)

    Among labelled segments, or with the month as a word and no "năm":

    >>> news_dateline("Tác giả: Minh Hà | 12/03/2023").group("m"), news_dateline("12 Tháng 3, 2023").group("y")
    ('03', '2023')
    >>> news_dateline("Thời hạn | 12/03/2023 | nộp báo cáo"), news_dateline("Ngày 12 tháng 3, 2023 đoàn đến")
    (None, None)

    A weekday, date and time with the page's buttons after them; a date the ISO way is a visit counter's clock:

    >>> news_dateline("Thứ Năm, 05/05/2022 - 10:05 Cỡ chữ: A A A")["y"], news_dateline("2020-09-26 10:58")
    ('2022', None)
    >>> news_dateline("Thứ năm, ngày 05/05/2022 10:05")["m"], news_dateline("Thứ năm, 05/05/2022 đoàn đến xã")
    ('05', None)

    The clock before the weekday, after a label:

    >>> news_dateline("Cập nhật lúc 08:48, Thứ Năm, 12/07/2018 (GMT+7)")["d"]
    '12'
    """
    return (NEWS_DATELINE.match(text) or NEWS_DATELINE_WORDS.match(text) or NEWS_DATELINE_COUNTED.match(text)
            or NEWS_DATELINE_GLUED.match(text) or NEWS_DATELINE_SEGMENTS.match(text)
            or NEWS_DATELINE_MONTH_WORD.match(text) or _weekday_dateline(text))


#: A post's time and date printed inside its first line, between the headline and a lead credited to its outlet:
#: "Tổng kết phong trào thi đua 08:15 12/04/2022 (Tin tức) -Sáng 10/4, …". The bracketed credit and its dash tell it
#: from a date the lead mentions.
INLINE_DATELINE = re.compile(
    r"\s(?:" + _CLOCK + r")\s+(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>" + YEAR + r")\s*"
    r"\([^()\d]{2,40}\)\s*[-–—]"
)
#: A lead opening with the part of the day and the full date of its event, the comma after it left out: "Sáng nay
#: ngày 31/8/2018 đoàn xã tổ chức …", "Chiều 5/6/2021 UBND huyện …" (with the comma, :data:`NEWS_LEAD_DATE`). It gives
#: the post's year only. A bare "Ngày 1/7/2025 đánh dấu …" is a date the sentence is about, not a lead's.
LEAD_FULL_DATE = re.compile(
    r"^(?:(?:Sáng|Chiều|Tối|Trưa|Đêm)(?:\s+nay)?|Hôm nay)\s+(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*"
    r"(?P<y>" + YEAR + r")(?!\d)(?!\s*[/.-]\s*\d)",
    re.IGNORECASE,
)
#: A page's title line naming a document by its kind and the body whose it is, then its subject: "Chỉ thị của Chủ
#: tịch Ủy ban nhân dân tỉnh về việc …", "Kế hoạch của UBND huyện Yên Lập về triển khai …". A chairman's or a
#: director's document is the body's (``post`` is left out of ``body``); the Prime Minister is his own issuer.
TITLE_OF_BODY = re.compile(
    r"^(?i:kế hoạch|quyết định|chỉ thị|thông báo|báo cáo|hướng dẫn|công văn|chương trình|quy chế|đề án|tờ trình)"
    r"(?:\s+(?i:số)\s+\S+)?\s+của\s+(?:(?P<post>Chủ tịch|Giám đốc|Trưởng ban)\s+)?"
    r"(?P<body>(?:[UỦ][ỷỶyY] ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Sở|Bộ|Ban|Văn phòng|Thủ tướng Chính phủ|"
    r"Chính phủ)(?:\s+[^\s,;:()]+){0,8}?)\s+(?:về|V/v)\s"
)
#: A legal portal's title line of one document and nothing else: its kind, its number, the year, then its subject
#: ("Quyết định 439/QĐ-TTg 2023 Ban Chỉ đạo …", "Văn bản hợp nhất 03/VBHN-VPQH 2021 hợp nhất Luật …"). The year
#: written after the number is the document's (a subject's period or horizon comes after it, never there).
PORTAL_TITLE_LINE = re.compile(
    r"^(?P<kind>(?i:văn bản hợp nhất|quyết định|nghị định|nghị quyết|thông tư liên tịch|thông tư|chỉ thị|"
    r"kế hoạch|công văn|công điện|thông báo|hướng dẫn|báo cáo|luật|pháp lệnh))\s+(?:(?i:số)\s*:?\s*)?"
    r"(?P<n>\d{1,6}[a-z]?(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9.]*)*)"
    r"\s+(?:(?i:năm)\s+)?(?P<y>" + YEAR + r")(?=\s|$)"
)
#: The kinds a post cites a document by (any case).
CITED_KINDS = (r"(?i:kế hoạch|quyết định|công văn|chỉ thị|thông báo|báo cáo|chương trình|tờ trình|nghị quyết|"
               r"hướng dẫn|đề án)")
#: A document cited by type, number and (optionally) date: "Kế hoạch số 517/KH-UBND ngày 27/02/2020",
#: "Quyết định số 1331/QĐ-UBND", "Công văn số 2345/UBND-VX ngày 12 tháng 5 năm 2022", "công văn 5783/VPCP-HC".
CITED_DOCUMENT = re.compile(
    r"\b(?P<kind>" + CITED_KINDS + r")\s+(?:(?i:số)\s*:?\s*)?"
    r"(?P<n>\d{1,6}[a-z]?(?:\s*/\s*\d{4})?\s*/\s*[A-ZĐ][A-Za-zĐđ0-9]*(?:\s?-\s?[A-ZĐ][A-Za-zĐđ0-9]*)*)"
    r"(?:\s+(?i:ngày)\s+(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+(?i:tháng)\s+\d{1,2}\s+(?i:năm)\s+\d{4}))?"
)
#: A news lead opening with the day of the event it reports: "Ngày 13/4/2018, UBND tỉnh …", "Sáng ngày 7.10, Đoàn …",
#: "Ngày 01 tháng 6 năm 2015, Chủ tịch …", "Ngày 17/9, …", "Chiều 13-3, …" (the year is often left out).
NEWS_LEAD_DATE = re.compile(
    r"^(?:(?:Sáng|Chiều|Tối|Trưa|Đêm)\s+)?(?:ngày\s+)?"
    r"(?:\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*(?P<y>" + YEAR + r"))?|"
    r"\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+(?P<y2>" + YEAR + r"))?)\s*,",
    re.IGNORECASE,
)
#: A lead's first sentence telling that a body held a meeting, a conference or a council's session ("Sáng ngày
#: 01/11/2023, Ban Chỉ đạo … đã tổ chức họp …", "…, HĐND xã … tổ chức Kỳ họp thứ 4", "…, UBND thị xã tổ chức cuộc
#: họp thường kỳ"): its date is the meeting's day, not the post's. A lead dating a document it reports keeps it, also
#: a document about a meeting ("…, UBND huyện ban hành kế hoạch tổ chức hội nghị …": the words of
#: :data:`DOCUMENT_BEFORE_MEETING` come first).
DOCUMENT_BEFORE_MEETING = r"ban hành|kế hoạch|thông báo|quyết định|văn bản|công văn"
MEETING_LEAD = re.compile(
    r"^(?:(?!\b(?:" + DOCUMENT_BEFORE_MEETING + r")\b)[^.;])*?\b(?:tổ chức|tiến hành|khai mạc|diễn ra)\s+"
    r"(?:cuộc\s+|buổi\s+)?(?:họp|hội nghị|kỳ họp|phiên họp)\b",
    re.IGNORECASE,
)
#: A news lead opening with "today" and the day it means, maybe after the outlet's code glued by a dash: "LSO-Hôm nay
#: (3/11), Đoàn kiểm tra …", "Sáng nay (12/5), …", "Hôm nay, ngày 3/11, …" (groups ``d``, ``m`` and maybe ``y``): the
#: post is of that day.
TODAY_LEAD = re.compile(
    r"^(?:\(?[A-ZĐ][A-Za-zĐđ.]{1,15}\)?\s*[-–—]\s*)?(?:Hôm nay|(?:Sáng|Chiều|Tối|Trưa)\s+nay)\s*"
    r"(?:\(\s*(?:ngày\s+)?|,?\s*ngày\s+)(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})(?:\s*[/.-]\s*(?P<y>" + YEAR + r"))?"
    r"\s*\)?\s*[,:]?",
    re.IGNORECASE,
)
#: A lead reporting that a document was issued: "… vừa ký ban hành Công văn số 2577/UBND-NCKS …", "… đã ban hành
#: Quyết định số 891/QĐ-UBND …" (a document's own issuing clause names no number of itself).
#: The verb a post reports an issuing with, after "vừa" / "đã": "(ký) ban hành", "ký", "có", "phê duyệt".
ISSUING_VERB = r"(?:ký\s+)?(?:ban hành|ký|có|phê duyệt)\s+"
REPORTS_ISSUING = re.compile(r"\b(?:vừa|đã)\s+" + ISSUING_VERB + r"(?=" + CITED_DOCUMENT.pattern + ")")
#: A lead saying a body has *just* issued a document of a kind, with or without its number: "UBND tỉnh vừa ban hành
#: Kế hoạch tổ chức Hội nghị …", "UBND tỉnh vừa có thông báo tạm hoãn …". "Vừa" is a reporter's word: a document's
#: own issuing clause ("UBND tỉnh ban hành Kế hoạch … như sau:") never says it has just issued itself.
JUST_ISSUED = re.compile(r"\bvừa\s+" + ISSUING_VERB + r"(?:" + CITED_KINDS + r"|văn bản)\b")
#: A lead that opens by naming a body that issued a document by number and date, without "vừa"/"đã" ("Bộ Nội vụ ban
#: hành Công văn số 812/BNV-CCHC ngày 14/3/2024 hướng dẫn …"): a post's first sentence; a document's own
#: text cites others in its bases ("Căn cứ …", "Thực hiện …") and names no number of itself.
LEAD_NAMES_ISSUED = re.compile(
    r"^(?:Văn phòng|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Bộ|Sở|Chính phủ|Thủ tướng|Chủ tịch|Ban)\b[^.;:,]{0,80}?\s"
    r"(?:ký\s+)?ban hành\s+(?=" + CITED_DOCUMENT.pattern + r")"
)
#: What a lead's date is the date of when the sentence goes on to issue, sign or approve a document by number
#: ("Ngày 07/12/2017, Sở Nội vụ ban hành Văn bản số 1593/SNV-CCHC …", "Ngày 11/12/2013, Chủ tịch UBND tỉnh … đã ký
#: Quyết định số 1984/QĐ-UBND …"): that document's date, not the post's (matched after the date). "… đã có Quyết định
#: số …" is left out: it may say a decision is in force, and the bundled Quảng Bình post keeps its year so. The subject
#: may be long: "thừa lệnh Chủ tịch UBND tỉnh X, Phó Chánh Văn phòng UBND tỉnh X Nguyễn Văn A đã ký ban hành văn bản
#: số …" (:data:`LEAD_SUBJECT_MAX` characters).
LEAD_SUBJECT_MAX = 180
LEAD_DATES_A_DOCUMENT = re.compile(
    r"[^.;]{0," + str(LEAD_SUBJECT_MAX) + r"}?\b(?:(?:ký\s+)?ban hành|ký|phê duyệt)\s+"
    r"(?:(?i:văn bản)\s+(?i:số)\s*:?\s*\d|" + CITED_DOCUMENT.pattern + ")"
)
#: A lead stating the day a document was issued, naming it by its kind and subject, no number ("ngày 01/7/2021 UBND
#: huyện đã ban hành Báo cáo tình hình …", "Ngày 5 tháng 3 năm 2022, Sở Nội vụ ban hành Kế hoạch kiểm tra …"): groups
#: ``d``, ``m``, ``y`` (or ``d2``, ``m2``, ``y2``) and ``named``, the words after "ban hành".
ISSUED_ON_LEAD = re.compile(
    r"^(?:vào\s+)?ngày\s+(?:(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>" + YEAR + r")|"
    r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>" + YEAR + r"))\s*,?\s+"
    r"[^.;]{0,80}?\b(?:ký\s+)?ban hành\s+(?P<named>[^.;]{3,})",
    re.IGNORECASE,
)
#: The kinds a text names itself by with "này" (:data:`SELF_KIND`): legal texts, and the administrative kinds whose
#: body refers to itself ("Kế hoạch này", "Quy chế này"); "Thông tư liên tịch" before "Thông tư", the longer first.
SELF_KINDS = (DocumentKind.CODE, DocumentKind.LAW, DocumentKind.ORDINANCE, DocumentKind.DECREE,
              DocumentKind.JOINT_CIRCULAR, DocumentKind.CIRCULAR, DocumentKind.RESOLUTION, DocumentKind.DECISION,
              DocumentKind.DIRECTIVE, DocumentKind.REGULATION, DocumentKind.RULES, DocumentKind.PLAN,
              DocumentKind.GUIDANCE, DocumentKind.SCHEME, DocumentKind.PROGRAMME)
#: A text names its own kind with "này" ("Trong Luật này, …", "Nghị định này có hiệu lực …"): a page of a legal text
#: cut from its header still says what it is. Capitalised, as a kind's name is ("theo quy định này" is a phrase).
SELF_KIND = re.compile(r"\b(" + "|".join(SELF_KINDS) + r")\s+này\b")
#: A lead narrating what was just done, as news does and a document never says of itself: "UBND tỉnh vừa ban hành
#: kế hoạch …", "Đoàn kiểm tra … đã làm việc tại UBND các xã …", "… vừa tổ chức hội nghị …".
NEWS_NARRATION = re.compile(
    r"\bvừa\s+(?:ký\s+)?(?:ban hành|ký|tổ chức|phê duyệt|kiểm tra|làm việc|công bố|thông qua)\b|"
    r"\bđã\s+(?:đến\s+)?(?:làm việc|kiểm tra|tổ chức kiểm tra|tiến hành kiểm tra)\s+(?:tại|với)\b",
    re.IGNORECASE,
)
#: A lead's event told by the part of the day and the day it sat: "…, sáng 05/11, tại phòng họp số 1, UBND huyện tổ
#: chức …", "Chiều ngày 12-3, …". News says when a meeting sat; a document's bases cite documents by their dates, and a
#: plan schedules its events "vào sáng ngày …" (left out).
EVENT_DAY = re.compile(r"(?<!vào )\b(?:sáng|chiều|tối|trưa)\s+(?:nay\s+)?(?:ngày\s+)?\d{1,2}\s*[/-]\s*\d{1,2}\b",
                       re.IGNORECASE)
#: A news lead credited to its outlet: "(Chinhphu.vn) - Văn phòng Chính phủ vừa …", "(Baobackan.vn) – Ngày …",
#: "(TTXVN) - …", or its site's name as one word without its domain ("(Quanlynhanuoc) – …"); or without brackets,
#: as a site name or an outlet's "… Online": "VOV.VN -Từ thực tế …", "NHN Online - Qua thời gian …" (a bare acronym
#: is left out: "UBND - …" may open a line of a plan); or an outlet's initials with the place it wrote from in
#: brackets: "TT(Hà Nội) - Ngày 9-10, …", "TTXVN (Huế) - …"; or the paper's and its reporter's initials joined by a
#: hyphen, a dash or none after them: "(TN-HL) Sáng nay …".
NEWS_CREDIT = re.compile(
    r"^\((?:[A-Za-zĐđ][\w.-]*\.(?:vn|com|net|org)|[A-ZĐ]{2,10}|[A-ZĐ][a-zđ]{3,20})\)\s*[-–—:]|"
    r"^\([A-ZĐ]{1,6}-[A-ZĐ]{1,6}\)\s*[-–—:]?\s*(?=" + UPPER_LETTER + r")|"
    r"^[A-ZĐ]{2,10}\s*\(" + UPPER_LETTER + r"[^()\d]{1,30}\)\s*[-–—]\s*(?=" + UPPER_LETTER + r")|"
    r"^(?:[A-Za-zĐđ][\w-]*\.(?i:vn|com|net|org)|[A-ZĐ][\w]{1,15}\s+Online)\s*[-–—]\s*(?=" + UPPER_LETTER + r")"
)
#: A page as a search index hands it over may open with the date it holds for the page, in ISO form and in English,
#: before the page's own first line: " date 2023-07 Kỳ họp thứ mười …", " date 2025-09-24 Tin tức" (year, month, day
#: or only year and month). It is a stamp of the page, not a line of the document: what follows it on that line is the
#: page's first line (its headline or its lead).
#: The month and the day are checked as dates (" date 2021-13 …" is no stamp). It dates the page to a month (the
#: year only), or with a day to the day.
SEARCH_DATE_PREFIX = re.compile(r"^\s*date\s+(?P<y>" + YEAR + r")"
                                r"(?:-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>0[1-9]|[12]\d|3[01]))?)?(?:\s+|$)")
#: A post's section name with its date on one line, no separator between them ("Thời sự 14-05-2024", "Kinh tế
#: 05/01/2023"): the page's stamp of a post (a document dates itself with its place and "ngày").
SECTION_DATE_LINE = re.compile(r"^" + UPPER_LETTER + r"[^\W\d_]*(?:\s+[^\W\d_]+){0,2}\s+"
                               r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>" + YEAR + r")\s*$")
#: A post's weekday, date and time, which a document never writes together ("Thứ Ba, 29/06/2021 10:51"), found
#: inside a short line of the page's buttons around it ("Print Thứ Ba, 29/06/2021 10:51 Gốc", "In bài | Chủ nhật,
#: 12/03/2023 08:15 | Cỡ chữ"): the post's stamp (groups ``d``, ``m``, ``y``). Searched, not matched.
WEEKDAY_STAMP = re.compile(
    r"(?<!\w)(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+nhật)\s*[,-]?\s*(?:ngày\s+)?"
    r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>" + YEAR + r")\s*(?:[,|-]|lúc)?\s*" + _CLOCK,
    re.IGNORECASE,
)
#: Words at most in a line holding :data:`WEEKDAY_STAMP`: the stamp and a few buttons, not a sentence.
WEEKDAY_STAMP_WORDS = 12


#: A portal's "today" banner ("Hôm nay, Thứ bảy ngày 15/08/2020"): the day the page was visited, never a post's date.
TODAY_BANNER = re.compile(r"^Hôm\s+nay\s*,?\s*(?:(?:Thứ\s+\w+|Chủ\s+nhật)\b|ngày\b)", re.IGNORECASE)
#: A date as a post's stamp writes it, time optional (groups ``d``, ``m``, ``y``).
_STAMP_DATE = (r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>" + YEAR + r")"
               r"(?:\s*[-,|]?\s*" + _CLOCK + r")?")
#: A post's section path and date on one line, the path's parts split by a dash or a comma ("Tin tức - Sự kiện
#: 04/06/2019", "Kinh tế, Xã hội 05/01/2023"): :data:`SECTION_DATE_LINE` with a longer path.
SECTION_PATH_DATE = re.compile(r"^" + UPPER_LETTER + r"[^\W\d_]*(?:\s*[-–,&]?\s+[^\W\d_]+){0,5}\s+"
                               + _STAMP_DATE + r"\s*$")
#: A post's date printed at the end of its headline's line: in brackets, after a dash, or glued to its last word
#: ("Rà soát thủ tục tại bộ phận một cửa (04/06/2019)", "… một cửa - 04/06/2019", "… một cửa04/06/2019 - 21:54").
HEADLINE_END_STAMP = re.compile(r"(?:\(\s*|\s[-–]\s+|(?<=[^\W\d_]))" + _STAMP_DATE + r"\s*\)?\s*$")
#: A post's date and time printed after its headline's last word with a space only ("… Cổng dịch vụ công quốc gia
#: 12/11/2025 17:51"): a headline may end on a date, never on a date and a time of day together.
HEADLINE_END_DATE_TIME = re.compile(r"\s(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>" + YEAR + r")"
                                    r"\s*[-,|]?\s*" + _CLOCK + r"\s*$")
#: Words at most before :data:`HEADLINE_END_STAMP`: a headline, not a paragraph.
HEADLINE_STAMP_WORDS = 40
#: An author's byline dated at the foot of a post: "Minh Anh (04/06/2019)", "Tin, ảnh: Minh Anh - 04/06/2019"; the
#: name capitalised, one to five words.
BYLINE_STAMP = re.compile(
    r"^(?:(?:Tin|Bài|Ảnh|Tin và ảnh|Tin, ảnh|Bài, ảnh|Bài và ảnh|Tác giả)\s*:\s*)?"
    + UPPER_LETTER + r"[^\W\d_]*(?:\s+" + UPPER_LETTER + r"[^\W\d_]*){0,4}\s*(?:[-–]\s*|\(\s*)"
    + _STAMP_DATE + r"\s*\)?\s*$"
)


def page_stamp(text: str) -> re.Match | None:
    """A post's stamp above its body that is no dateline of its own line: its section and date ("Chính trị
    22-06-2024", "Tin tức - Sự kiện 04/06/2019"; :data:`SECTION_DATE_LINE`, :data:`SECTION_PATH_DATE`), its weekday,
    date and time among the page's buttons (:data:`WEEKDAY_STAMP`), or its date ending its headline's line
    (:data:`HEADLINE_END_STAMP`). Groups ``d``, ``m``, ``y``.

    >>> page_stamp("Chính trị 22-06-2024").group("d", "m", "y"), page_stamp("Print Thứ Ba, 29/06/2021 10:51 Gốc")[0]
    (('22', '06', '2024'), 'Thứ Ba, 29/06/2021 10:51')
    >>> page_stamp("Thứ Ba, 29/06/2021 đoàn kiểm tra làm việc tại xã")
    >>> page_stamp("Vào sáng thứ Ba, 29/06/2021 10:00 tại hội trường UBND huyện, đoàn kiểm tra của tỉnh đã làm việc")
    >>> [page_stamp(t)["d"] for t in ("Tin tức - Sự kiện 04/06/2019", "Rà soát thủ tục tại một cửa (04/06/2019)",
    ...                                "Rà soát thủ tục tại một cửa04/06/2019 - 21:54")]
    ['04', '04', '04']
    >>> page_stamp("Các xã báo cáo kết quả trước ngày 04/06/2019"), page_stamp("Thời hạn nộp: 04/06/2019")
    (None, None)
    >>> page_stamp("Hôm nay, Thứ bảy ngày 15/08/2020")  # a portal's "today" banner
    """
    text = text.strip()
    if TODAY_BANNER.match(text):
        return None  # the day the page was visited, not the post's
    m = SECTION_DATE_LINE.match(text) or SECTION_PATH_DATE.match(text)
    if m:
        return m
    if len(text.split()) <= WEEKDAY_STAMP_WORDS and (m := WEEKDAY_STAMP.search(text)):
        return m
    return headline_end_stamp(text)


def headline_end_stamp(text: str) -> re.Match | None:
    """A post's date (time optional) ending its headline's line (:data:`HEADLINE_END_STAMP`,
    :data:`HEADLINE_END_DATE_TIME`) in a line of a headline's length; groups ``d``, ``m``, ``y``.

    >>> headline_end_stamp("An Giang còn 1.401 hồ sơ chậm được tiếp nhận 12/11/2025 17:51").group("d", "m", "y")
    ('12', '11', '2025')
    >>> headline_end_stamp("Lai Châu tạo bước đột phá trong cải cách hành chính (21/05/2020)")[0]
    '(21/05/2020)'
    >>> headline_end_stamp("Hội nghị trực tuyến sơ kết được tổ chức ngày 12/11/2025")
    """
    if len(text.split()) > HEADLINE_STAMP_WORDS:
        return None
    return HEADLINE_END_STAMP.search(text) or HEADLINE_END_DATE_TIME.search(text)


def byline_stamp(text: str) -> re.Match | None:
    """An author's dated byline at the foot of a post (:data:`BYLINE_STAMP`); groups ``d``, ``m``, ``y``.

    >>> byline_stamp("Minh Anh (04/06/2019)")["y"], byline_stamp("Tin, ảnh: Minh Anh - 04/06/2019")["m"]
    ('2019', '06')
    >>> byline_stamp("Các xã báo cáo kết quả - 04/06/2019")
    """
    return BYLINE_STAMP.match(text.strip())


#: A web page's skip link to its content ("Nhảy đến nội dung", "Chuyển đến nội dung chính"):
#: page chrome, never a headline.
SKIP_LINK = re.compile(r"^(?:Nhảy|Chuyển|Bỏ qua|Truy cập|Đi)\s+(?:đến\s+|tới\s+)?(?:phần\s+)?nội dung(?:\s+chính)?"
                       r"(?:\s+luôn)?\s*$", re.IGNORECASE)
#: A portal's link to another post, its label glued to or before that post's headline ("Bài trướcNa Rì tổ chức …",
#: "Bài tiếp theo: …"), or the heading of a list of other posts' headlines ("Tin liên quan", "TIN CÙNG CHUYÊN MỤC"):
#: the places and dates on those lines are the other posts'. Group ``heading`` is set when the line is the label alone.
OTHER_POSTS_LINE = re.compile(
    r"^\s*(?:(?:Bài|Tin)\s+(?:trước|tiếp theo|kế tiếp)|(?:Các\s+)?(?:tin|bài|bài viết)\s+(?:liên quan|khác|"
    r"cùng chuyên mục|cùng danh mục|đã đưa|mới hơn|cũ hơn)|Xem thêm|Đọc thêm)(?P<heading>\s*:?\s*$)?",
    re.IGNORECASE | re.MULTILINE,
)
#: The name of a publisher of posts, as a site's header or a dateline's label writes it: a newspaper, a magazine, a
#: broadcaster, a portal, a school or academy that publishes research ("Báo Điện tử Chính phủ", "TRƯỜNG CHÍNH TRỊ LÊ
#: DUẨN", "Báo Thanh Hóa", "Cổng thông tin điện tử tỉnh X"); group ``kind`` is its kind word, ``rest`` its name.
PUBLISHER_NAME = re.compile(
    r"(?P<kind>(?i:báo|tạp chí|đài phát thanh|đài truyền hình|đài phát thanh và truyền hình|"
    r"cổng thông tin(?: điện tử)?|trang thông tin(?: điện tử)?|trường chính trị|trường đại học|học viện|thông tấn xã))"
    r"(?P<rest>(?:[^\S\n]+[^\W\d_]+){1,8})"
)
#: A news photo's caption standing above or under the lead ("Quang cảnh hội nghị", "Ảnh minh họa. Nguồn: …"):
#: it describes a picture, it is not the post's headline.
PHOTO_CAPTION = re.compile(r"^(?:Quang cảnh|Ảnh minh họa|Ảnh minh hoạ|Ảnh\s*:)", re.IGNORECASE)
#: The same caption told by the photographer's credit that closes it, after a sentence's end, a dash or in brackets
#: ("Người dân điền thông tin ở điểm lấy ý kiến. Ảnh: Trung Sơn", "… tại hội nghị (Ảnh: T.A)", "… - Ảnh: VGP"): a
#: headline names no photographer ("Cuộc thi ảnh: Vẻ đẹp quê hương" is a headline).
PHOTO_CREDIT_END = re.compile(r"(?:^|[.!?]\s*|\(\s*|\s[-–]\s*)Ảnh(?:\s+minh\s+họa|\s+minh\s+hoạ)?\s*:\s*[^\W\d_]"
                              r"[^:;()]{0,40}\)?$")
#: The label of a portal's list of tags above the tags and the headline they file ("Tags:", "Từ khóa:", "Thẻ:").
TAGS_LABEL = re.compile(r"^(?:tags?|từ\s+khóa|từ\s+khoá|thẻ)\s*:$", re.IGNORECASE)
#: The periodic report on a place's economy and society that a statistics office or a committee issues every month,
#: quarter, half year and year (Luật Thống kê 2015; chế độ báo cáo định kỳ, Nghị định 09/2019/NĐ-CP), titled by its
#: subject and period with or without its kind word: "Tình hình kinh tế - xã hội tháng 9, quý III và 9 tháng năm
#: 2023", "Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm …". Group ``title`` is the title without the kind word.
PERIODIC_REPORT_TITLE = re.compile(
    r"^(?:Báo\s+cáo\s+)?(?P<title>Tình\s+hình\s+(?:phát\s+triển\s+)?kinh\s+tế\s*[-–]\s*xã\s+hội\s+"
    r"(?:tháng|quý|năm|\d{1,2}\s+tháng|sáu\s+tháng|chín\s+tháng)\b.*)$",
    re.IGNORECASE,
)
#: The author line of an essay or a study, with an academic title before the name: "ThS. Lê Thị Huyền", "TS. Nguyễn
#: Văn Bình", "PGS.TS Trần Văn Ngợi", "NCS. Hoàng Mai". An administrative document is signed under a post, never so.
AUTHOR_WITH_DEGREE = re.compile(
    r"^(?:(?:PGS|GS|TS|ThS|Ths|NCS)\s*\.?\s*){1,2}" + CAPITALISED_WORD + r"(?:\s+" + CAPITALISED_WORD
    + r"){1,4}\s*$"
)
#: The label of an essay's, a thesis's or a study's subject on its cover, matched folded (an OCR'd cover may have lost
#: its diacritics: "TEN CHU DE:"): "Tên đề tài:", "Đề tài:", "Tên chủ đề:", "Chủ đề:". The title follows it.
SUBJECT_LABEL = re.compile(r"^(?:ten\s+)?(?:de tai|chu de)\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
#: A cover ends with its place and year: "TP Hồ Chí Minh — 2024", "Hà Nội - 2023" (a place, a dash, a year alone).
COVER_PLACE_YEAR = re.compile(rf"^(?P<place>[^\W\d_][^\d,;:]{{1,40}}?)\s+[-–—]\s+(?P<y>{YEAR})$")
#: A cover's place with the month and year it was made, no day, alone on its line: "HÀ NỘI, THÁNG 4 NĂM 2019", "Bắc
#: Giang, tháng 12 năm 2020", "Hà Nội, năm 2021" (a report's or a proposal's title page; a dated document writes
#: "ngày").
COVER_MONTH_YEAR = re.compile(
    r"^(?P<place>[^\W\d_][^\d,;:]{1,40}?)\s*,\s*(?:(?i:tháng)\s+(?P<m>\d{1,2})\s+)?(?i:năm)\s+(?P<y>" + YEAR + r")\s*$"
)
#: A ranking of every province of the country ("Hà Nội xếp thứ 3/63 tỉnh, thành phố", "Chỉ số … của 63 địa
#: phương"): a text that ranks several provinces this way is about the country, not about one of them.
NATIONAL_RANKING = re.compile(
    r"\b\d{1,2}\s*/\s*6[34]\s+(?:tỉnh|địa phương)|\b6[34]\s+(?:tỉnh,?\s+thành phố|địa phương)\b", re.IGNORECASE
)
#: A news agency's dateline opening the lead, place then agency and date in brackets: "Hà Nội (TTXVN 18/4/2024)
#: Trong năm 2023, …", "Quảng Ninh (TTXVN 05/01/2023) - …". It dates the post; its place is where the agency wrote,
#: not what the post is about.
NEWS_AGENCY_DATELINE = re.compile(
    r"^(?P<place>" + UPPER_LETTER + r"[\w.]*(?:\s+" + UPPER_LETTER
    + r"[\w.]*){0,3})\s*\(\s*[A-ZĐ][\w.+/]{1,15}\s*[,-]?\s*"
    r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>" + YEAR + r")\s*\)"
)


def has_time_expression(text: str) -> bool:
    """True when the text states a time.

    >>> has_time_expression("Thời gian: quý III/2021"), has_time_expression("Sở Nội vụ chủ trì")
    (True, False)
    >>> has_time_expression("Thực hiện Kế hoạch số 189/KH-UBND ngày 30/12/2020 của UBND tỉnh")
    False
    """
    return bool(TIME_EXPRESSION.search(CITED_DOCUMENT_DATE.sub(" ", text)))


def asks_which_document(question: str) -> bool:
    """True for questions about which document says something.

    >>> asks_which_document("Tài liệu nào nói về việc chấm điểm chỉ số CCHC?"), asks_which_document("Ai chủ trì?")
    (True, False)
    """
    return bool(WHICH_DOCUMENT_QUESTION.search(question))


#: A question asking what a document is about, folded: "về việc gì", "quy định về nội dung gì", "về vấn đề gì" (a
#: document's trích yếu says it: "CHỈ THỊ VỀ VIỆC PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ …").
SUBJECT_QUESTION = re.compile(r"\bve (?:viec|noi dung|van de|linh vuc) gi\b|"
                              r"\bquy dinh (?:ve )?(?:nhung )?noi dung gi\b")


def asks_subject(question: str) -> bool:
    """True for a question asking what a document is about (its title answers it), typed with or without accents.

    >>> asks_subject("Chỉ thị 06/CT-UBND về việc gì, ban hành ngày nào?"), asks_subject("cv 467 ve viec gi")
    (True, True)
    >>> asks_subject("Đoàn kiểm tra những nội dung gì?")
    False
    """
    return bool(SUBJECT_QUESTION.search(re.sub(r"\W+", " ", fold_accents(question))))


#: A question opening with the document it asks about: "Theo Luật Ban hành văn bản quy phạm pháp luật, …", "Theo
#: nghị định quy định chức năng … của Văn phòng Chính phủ, …", "Theo KH 82/KH-UBND, …" (folded: typed with or without
#: accents). What one document says is asked: its passages are not spread across others.
ACCORDING_TO_DOCUMENT = re.compile(
    r"^\W*theo\s+(?:bo luat|luat|phap lenh|nghi dinh|thong tu|nghi quyet|quyet dinh|chi thi|quy che|quy dinh|"
    r"ke hoach|huong dan|de an|chuong trinh|cong van|van ban|kh|qd|nd|tt|cv)\b"
)


def asks_according_to_document(question: str) -> bool:
    """True for a question that opens with the document it asks about ("Theo Luật …, … là gì?").

    >>> asks_according_to_document("Theo Luật Cán bộ, công chức, công chức là ai?")
    True
    >>> asks_according_to_document("theo ke hoach 108 ai chu tri"), asks_according_to_document("Theo UBND tỉnh, …")
    (True, False)
    """
    return bool(ACCORDING_TO_DOCUMENT.match(fold_accents(question)))


#: A reference to a document by number as documents write it (capital codes, a year, a letter suffix): "2468/QĐ-UBND",
#: "135/2006/QĐ-UBND", "1961/QĐUBND", "12-NQ/TU", "30c/NQ-CP". DOC_NUMBER above is the looser form a question may type
#: in lower case ("189/kh-ubnd"), used only to keep abbreviations inside it from being expanded.
DOCUMENT_REFERENCE = re.compile(
    r"\b\d+[a-z]?(?:/\d{4})?\s*/\s*[A-ZĐ][A-ZĐa-zđ&]*(?:\s*[-–]\s*[A-ZĐ][A-ZĐa-zđ&]*)*|\b\d+-[A-ZĐ]+/[A-ZĐ]+"
)
#: "Số: 87/KH-UBND", "Luật số: 59/2020/QH14", OCR'd "S64934/KH-UBND" (ố read as 6), draft "Số: /KH-UBND"; any
#: issuing-office suffix ("KH-VPUBND", "QĐ-BCĐCCHC", "KH-SNV.CCHC", "SNV-CCHC&PC").
_NUMBER_CODE = (
    r"(?P<code>(?:\d{4}\s*/\s*)?[A-ZĐ][A-Za-zĐđ0-9.]*(?:\s?-\s?[A-ZĐ][A-Za-zĐđ0-9&]*(?:\.[A-ZĐ][A-Za-zĐđ0-9&]*)*)*"
    r"(?:/[A-ZĐ][A-Za-zĐđ0-9-]*)?)"
)
NUMBER = re.compile(
    r"(?:(?:Luật|Bộ luật|Pháp lệnh)\s+số|Số|SỐ|So|S[ôo6])\s*:?\s*(?P<n>\d{1,6}[a-z]?)?\s*/\s*" + _NUMBER_CODE
)
#: A number alone on its line, under a label alone on the line above ("Luật số:" / "22/2008/QH12").
BARE_NUMBER = re.compile(r"^(?P<n>\d{1,6}[a-z]?)\s*/\s*" + _NUMBER_CODE + r"\s*$")
#: A number's label alone on its line.
NUMBER_LABEL = re.compile(r"^(?:(?:Luật|Bộ luật|Pháp lệnh)\s+số|Số|SỐ)\s*:?\s*$", re.IGNORECASE)
#: A field left blank to fill in, in a template or a draft: a run of dots, ellipses or underscores.
BLANK_FIELD = r"(?:\.{4,}|…+|_{3,})"
#: "Hà Nội, ngày 05 tháng 4 năm 2021", "…, ngày 05 tháng 4, năm 2021", "…, ngày 05/4/2021" (or "05.4.2021",
#: "05-4-2021": one separator throughout); day and month may be blank in a draft ("ngày   tháng   năm 2022"), the
#: place in a template (".........., ngày 20 tháng 6 năm 2018").
PLACE_DATE = re.compile(
    r"(?P<place>(?:[^\W\d_]+\.?\s+){0,4}[^\W\d_]+|" + BLANK_FIELD + r")\s*,\s*ngày\s*"
    r"(?:(?P<d>\d{1,2})?[\s.…]*tháng\s*(?P<m>\d{1,2})?"
    r"[\s.…,]*năm\s*(?P<y>\d{4})|(?P<d2>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<y2>\d{4}))"
)
#: What stands right before a cited number's last code part ("03/KH-UBND", "18-NQ/TW"): a letter or a figure and a
#: "/" or "-" with no space. A header's place opens its line or follows a space ("… Hạnh phúc Hà Nội, ngày …"), and a
#: motto's dash is spaced (" - "), so a word glued after one is a code's tail, never a place.
CODE_TAIL_BEFORE = re.compile(r"[0-9A-ZĐ][/-]$")


def capitalised_place_start(text: str, m: re.Match) -> int | None:
    """Where the capitalised words before ", ngày" of a :data:`PLACE_DATE` match begin in ``text``: a place is
    written with capitals ("Thành phố Hồ Chí Minh" → "Hồ Chí Minh"); None when the word before the comma is in small
    letters (a sentence dating an event, "Sau cuộc làm việc, ngày 23-8-2011, …", names no place).

    >>> text = "Sau cuộc làm việc, ngày 23-8-2011, cơ quan nhận được thông báo."
    >>> capitalised_place_start(text, PLACE_DATE.match(text))
    >>> text = "Thành phố Hồ Chí Minh, ngày 05-3-2021"
    >>> text[capitalised_place_start(text, PLACE_DATE.match(text)):]
    'Hồ Chí Minh, ngày 05-3-2021'

    Nor is the tail of a cited number's code a place (:data:`CODE_TAIL_BEFORE`): a sentence citing "(Kế hoạch số
    03/KH-UBND, ngày 07/1/2019)" or "Nghị quyết số 18-NQ/TW, ngày 25/10/2017" dates the document it cites.

    >>> text = "UBND tỉnh ban hành Kế hoạch (Kế hoạch số 03/KH-UBND, ngày 07/1/2019)."
    >>> [capitalised_place_start(text, m) for m in PLACE_DATE.finditer(text)]
    [None]
    >>> text = "Số: 651 /BC-UBND Phương Sơn, ngày 02 tháng 7 năm 2020"
    >>> text[capitalised_place_start(text, PLACE_DATE.search(text)):]
    'Phương Sơn, ngày 02 tháng 7 năm 2020'
    """
    words = text[m.start("place"):m.end("place")].split()
    keep = 0
    for word in reversed(words):
        if not word[:1].isupper():
            break
        keep += 1
    if not keep:
        return None
    while True:
        place = " ".join(words[-keep:])
        start = m.start("place") + text[m.start("place"):m.end("place")].rfind(place)
        if not CODE_TAIL_BEFORE.search(text, 0, start):
            return start
        if keep == 1:
            return None
        keep -= 1  # "Số: 651 /BC-UBND Phương Sơn, ngày …": the place is what follows the code


#: Legal bases and proposals that precede the body ("Căn cứ …", "Theo đề nghị …", "Xét đề nghị …").
BASIS = re.compile(r"^(?:Căn cứ|Theo đề nghị|Xét đề nghị|Thực hiện|Trên cơ sở)\b")
#: Formulas that close a plan and answer nothing: "Trên đây là Kế hoạch …", "Trong quá trình thực hiện, nếu có khó
#: khăn, vướng mắc …".
CLOSING_FORMULA = re.compile(
    r"^\s*(?:[-+•]\s*)?(Trên đây là|Trong quá trình (?:tổ chức )?(?:triển khai|thực hiện)|Quá trình (?:triển khai|"
    r"thực hiện)[^.]*(?:khó khăn|vướng mắc)|Nơi nhận)",
    re.IGNORECASE,
)
#: A relative or absolute moment that answers "khi nào" beyond the patterns of TIME_EXPRESSION.
RELATIVE_TIME = re.compile(
    r"\bkể từ ngày\b|\bsau\s+\d+\s+ngày\b|\btrước ngày\b|\bhàng (?:năm|quý|tháng)\b|\bđịnh kỳ\b|"
    r"\bgiai đoạn\s+\d{4}|\b" + YEAR + r"\s*[-–]\s*" + YEAR + r"\b",
    re.IGNORECASE,
)
#: A condition stated in a rule: "Trường hợp xét thấy cần thiết …", "… khi có yêu cầu", "Nếu …", "theo yêu cầu của …".
#: It answers a "khi nào" that asks in which case (a rule of procedure), where no date is the answer.
CONDITION = re.compile(r"(?<!\w)(?:trường hợp|khi có|nếu|theo yêu cầu của|theo đề nghị của)\s", re.IGNORECASE)
#: Agencies and offices named as doers: "Sở Nội vụ", "Văn phòng UBND tỉnh", "Ban Dân tộc", "UBND cấp huyện".
AGENCY = re.compile(
    r"\b(Sở|Ban|Văn phòng|Thanh tra|Công an|UBND|Ủy ban nhân dân|Bộ|Cục|Chi cục|Trung tâm|Đài|Báo|Phòng|"
    r"Hội đồng|Tổ công tác|Đoàn kiểm tra|Kho bạc|Bảo hiểm xã hội|Cục Thuế)\b"
)
#: A person's name as official documents write it: a common Vietnamese family name and one to three more words.
FULL_NAME = re.compile(
    r"\b(?:Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Mai|Đinh|Trịnh|Lâm|Đoàn|Lương|"
    r"Tô|Hà|Cao|Chu|Châu|Tạ|Quách|Lưu|Thái|Trương|Văn|Đào|Lại|Kiều|Tống|Thân|Triệu|Hứa|La|Đàm|Khúc|Nông)"
    r"(?:\s+" + CAPITALISED_WORD + r"){1,3}\b"
)
#: A portal's "Người ký" field and the name it gives, however the page laid it out: "Người ký: Nguyễn Văn A",
#: "Người ký Nguyễn Văn A" (label and value in two cells, flattened), "| Người ký | Nguyễn Văn A |", "Người ký: | …".
SIGNER_FIELD = re.compile(r"(?:^|(?<=[\s|]))Người ký\s*[:|]?\s*\|?\s*(?P<name>" + CAPITALISED_WORD
                          + r"(?:\s+" + CAPITALISED_WORD + r"){1,4})")
#: A period of years written in a text ("giai đoạn 2021-2025", "2021 – 2030"): its first and last year.
YEAR_PERIOD = re.compile(rf"(?<!\d)({YEAR})\s*[-–—]\s*({YEAR})(?!\d)")
#: A person named with a courtesy word ("bà Kim Thị Thanh Nữ", "đồng chí Lê Văn A"): any family name.
TITLED_PERSON = re.compile(r"\b(?:ông|bà|đồng chí)\s+" + CAPITALISED_WORD + r"(?:\s+" + CAPITALISED_WORD
                           + r"){1,4}\b")
#: Posts of officials (chức danh), folded, the longer ones first: "ai là Giám đốc Sở…" asks for the name of one.
POST_NAMES = ("pho chu tich", "chu tich", "pho giam doc", "giam doc", "pho truong doan", "truong doan",
              "pho truong ban", "truong ban", "to truong", "to pho", "pho bi thu", "bi thu", "pho chanh van phong",
              "chanh van phong", "chanh thanh tra", "pho truong phong", "truong phong", "pho thu tuong", "thu tuong",
              "bo truong", "thu truong", "tong cuc truong", "cuc truong", "vu truong", "chu nhiem", "thu ky")
#: An address: "số 12 đường…", "phường…", "tọa lạc tại…".
ADDRESS = re.compile(r"\bsố\s+\d+\s*,?\s*(?:đường|phố)|\b(?:đường|phường|tọa lạc|trụ sở (?:đặt )?tại|địa chỉ)\b",
                     re.IGNORECASE)
#: A venue, where something is done or seated: "tại Hội trường Sở Nội vụ", "đặt tại tỉnh Yên Bái", "tại Phòng tiếp
#: công dân", "tại trụ sở UBND huyện" ("tại" before a named place or a place noun; not before a document or one of its
#: parts: "tại Kế hoạch số 12", "tại Điều 5" cite, they do not place).
VENUE = re.compile(
    r"\btại\s+(?!(?:Kế hoạch|Quyết định|Công văn|Thông báo|Nghị quyết|Nghị định|Thông tư|Chỉ thị|Tờ trình|Văn bản|"
    r"Luật|Điều|Khoản|Mục|Phụ lục|Chương|Phần)\b)(?:[A-ZĐÀ-Ỹ]|(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|"
    r"thôn|trụ sở|hội trường|phòng|nhà văn hóa|trung tâm)\b)"
)

#: The place-and-date line typed without diacritics or read by OCR, matched on folded text (:func:`fold_accents`):
#: "Gia Lai, ngay.10 thcing 9 nom 2018" — "ngay", a day, a word opening with "th" (tháng) and a month, a word "n?m"
#: or "n??m" (năm) and a year; dots and spaces may be lost or doubled between them.
FOLDED_PLACE_DATE = re.compile(
    r"(?P<place>(?:[a-z]+\.?\s+){0,4}[a-z]+)\s*,\s*ngay\W{0,3}(?P<d>\d{1,2})?[\s.…]*th[a-z]{1,4}\W{0,3}"
    r"(?P<m>\d{1,2})?[\s.…]*n[a-z]{1,2}m\W{0,3}(?P<y>\d{4})"
)
#: The year of a scanned header's place-and-date line that OCR garbled past :data:`FOLDED_PLACE_DATE` ("Bac LiQu,
#: ngdy 18 lfing t ndm 2017"), folded: ", ng?y" then, within the line, "n?m" and four figures. Only the year is sure.
OCR_DATELINE_YEAR = re.compile(r",\s*ng[a-z]{1,2}\W{0,3}\d{0,2}[^\n]{0,24}?\bn[a-z]{1,2}m\W{0,3}(?P<y>" + YEAR + r")\b")
#: The two phrases of the national motto, folded: a header is recognised by them even when OCR garbled a few letters.
MOTTO_PHRASES = ("cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc")
#: Share of a phrase's words an OCR'd span must give back within one edit each ("Dec lap - Tkr do - Hanh phtic": 4
#: of 6): lower would take ordinary words ("do", "lap") for the motto, higher misses real scans.
FUZZY_PHRASE_SHARE = 0.66
_FOLDED_WORD = re.compile(r"[a-z0-9]+")


def _within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` becomes ``b`` by at most one insertion, deletion or substitution.

    >>> _within_one_edit("vitt", "viet"), _within_one_edit("dec", "doc"), _within_one_edit("tkr", "tu")
    (True, True, False)
    """
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def fuzzy_phrase_span(folded: str, phrase: str, share: float = FUZZY_PHRASE_SHARE) -> tuple[int, int] | None:
    """The first span of ``folded`` text whose words give back ``phrase`` word by word, each within one edit, for
    at least ``share`` of the phrase's words, first and last word included (OCR noise tolerated, not other text).

    Args:
        folded: text folded with :func:`textnorm.fold_accents` (lower case, no accents).
        phrase: folded words separated by spaces.

    >>> s = "uy ban cong hoa xa hoi chu nghia vitt nam dec lap - tkr do - hanh phtic gia lai"
    >>> a, b = fuzzy_phrase_span(s, "doc lap tu do hanh phuc"); s[a:b]
    'dec lap - tkr do - hanh phtic'
    >>> fuzzy_phrase_span("lap ke hoach tu do", "doc lap tu do hanh phuc") is None
    True
    """
    target = phrase.split()
    words = list(_FOLDED_WORD.finditer(folded))
    need = max(2, -(-int(share * 100 * len(target)) // 100))
    for i in range(len(words) - len(target) + 1):
        window = words[i:i + len(target)]
        if not _within_one_edit(window[0].group(), target[0]):
            continue
        hits = sum(_within_one_edit(w.group(), t) for w, t in zip(window, target))
        last_ok = _within_one_edit(window[-1].group(), target[-1]) or window[-1].group()[:2] == target[-1][:2]
        if hits >= need and last_ok:
            return window[0].start(), window[-1].end()
    return None


#: Small numbers written as words, as documents count ("mỗi tháng một lần", "hai đợt", "ba xã"), accented and in lower
#: case: folded, "sáu" (six) would be "sau" (after) and "bà" (Mrs) "ba"; capitalised, "Ba Vì" and "Hai Bà Trưng" are
#: places. "năm" is left out (nearly always "year"), and "tư" ("Sở Tư pháp", "tư nhân").
NUMBER_WORDS = {"một": "1", "hai": "2", "ba": "3", "bốn": "4", "sáu": "6", "bảy": "7", "bẩy": "7",
                "tám": "8", "chín": "9", "mười": "10"}
#: "một" before these words is an article, not a count: "một số xã", "một cách", "một trong", "một vài".
_NOT_COUNTED_AFTER_ONE = ("số", "cách", "trong", "vài", "khi", "mặt", "lúc")
#: A number word standing alone, not an article "một" (the words of NUMBER_WORDS, in lower case).
_NUMBER_WORD = re.compile(r"(?<!\w)(" + "|".join(NUMBER_WORDS) + r")(?!\w)(?!\s+(?:" + "|".join(_NOT_COUNTED_AFTER_ONE)
                          + r")\b)")


def number_words_as_digits(text: str) -> str:
    """``text`` with its small numbers written as words turned into digits (of the same meaning, not the same length),
    so a count reads the same whichever way it was written; "một" as an article stays.

    >>> number_words_as_digits("Ủy ban nhân dân huyện họp thường kỳ mỗi tháng một lần, tổ chức hai đợt.")
    'Ủy ban nhân dân huyện họp thường kỳ mỗi tháng 1 lần, tổ chức 2 đợt.'
    >>> number_words_as_digits("Chỉ một số xã chưa báo cáo; sau đó bà Lan ở huyện Ba Vì ký.")
    'Chỉ một số xã chưa báo cáo; sau đó bà Lan ở huyện Ba Vì ký.'
    """
    return _NUMBER_WORD.sub(lambda m: NUMBER_WORDS[m.group(1)], text)


def number_digits(number: str) -> str:
    """The serial number of a document number, without leading zeros ("06/2024/QĐ-UBND" → "6", "KH số 36" → "36").

    >>> number_digits("06/2024/QĐ-UBND"), number_digits("KH số 36"), number_digits("QĐ")
    ('6', '36', '')
    """
    m = re.search(r"\d+", number)
    return (m.group(0).lstrip("0") or "0") if m else ""


#: A document number written with its year ("39/2012/NQ-HĐND", "10/2016/NĐ-CP"): serial and year.
NUMBER_WITH_YEAR = re.compile(r"(?<!\d)0*(?P<serial>\d+)\s*/\s*(?P<year>" + YEAR + r")\s*/")


def writes_number(text: str, digits: str) -> bool:
    """Whether a text writes ``digits`` as a document's number: before a slash ("194/KH-UBND", "194 /UBND",
    "06/2024/QĐ-UBND", a party's "12-NQ/TU"), glued to letters ("KH194/UBND", "kh194"), or after "số" ("Kế hoạch
    số 194 ngày …").

    >>> writes_number("Thực hiện Kế hoạch số 194/KH-UBND ngày 5/3/2023", "194"), writes_number("KH194/UBND", "194")
    (True, True)
    >>> writes_number("Quyết định số 06/2024/QĐ-UBND", "6"), writes_number("kế hoạch so 194 ngay 12/3", "194")
    (True, True)
    >>> writes_number("Nghị quyết 12-NQ/TU của Tỉnh ủy", "12"), writes_number("từ 12-15/3", "12")
    (True, False)
    >>> writes_number("UY BAN NHAN DAN TINH GIA LAI S64934/KH-UBND", "4934")  # OCR's "S6" is "Số"
    True
    >>> writes_number("Có 194 hồ sơ; Kế hoạch 1194/KH-UBND; ngày 12/01/2019", "194")
    False
    >>> writes_number("Quyết định 168a/QĐ-UBND ngày 6/9/2025", "168")  # a serial added between two ends in a letter
    True
    """
    folded = fold_accents(text or "")
    number = rf"0*{re.escape(digits)}(?!\d)"
    return bool(re.search(rf"(?<![\w/.,]){number}[a-z]?\s*(?:/|-\s*[a-z]+\s*/)\s*[a-z0-9]", folded)
                or re.search(rf"(?<![\w/.,])[a-z]{{1,8}}{number}", folded)
                or re.search(rf"(?<![a-z])s[o6]\s*:?\s*{number}", folded))


#: A council's term and session line, under its name in a resolution's header ("KHÓA XV KỲ HỌP THỨ BẢY", "KHÓA IX,
#: KỲ HỌP BẤT THƯỜNG", "Khoá X - Kỳ họp thứ 5"), matched folded: it says when the council sat, it is
#: never the resolution's title.
_COUNCIL_SESSION = re.compile(r"^khoa\s+[ivxlc]+\b[\s,.;:\-–]*(?:ky hop|nhiem ky)\b")


def is_council_session(text: str) -> bool:
    """Whether a line is a council's term and session line (:data:`_COUNCIL_SESSION`).

    >>> is_council_session("KHÓA XV KỲ HỌP THỨ BẢY"), is_council_session("KHOÁ IX, KỲ HỌP BẤT THƯỜNG LẦN THỨ HAI")
    (True, True)
    >>> is_council_session("Về khóa học bồi dưỡng kỹ năng cho công chức"), is_council_session("KHÓA HỌP")
    (False, False)
    """
    return bool(_COUNCIL_SESSION.match(fold_accents(text.strip()).lower()))


#: A calendar's headline: a body's schedule of receiving citizens, of work or of duty ("Lịch tiếp công dân định kỳ
#: của Chủ tịch UBND xã …", "Lịch công tác tuần 23 của Lãnh đạo UBND tỉnh", "Lịch trực Tết"). A body announces its
#: calendar; the words are the forms' own names (Luật Tiếp công dân 2013, Điều 12: "lịch tiếp công dân").
CALENDAR_HEADLINE = re.compile(r"^Lịch\s+(?:tiếp\s+(?:công\s+)?dân|công\s+tác|làm\s+việc|trực)\b", re.IGNORECASE)


#: A breadcrumb of a web page, its items joined by an arrow ("Trang chủ > Tin tức > Cải cách hành chính", "Trang chủ »
#: Tin tức"): where the page sits on its site, never its headline.
BREADCRUMB = re.compile(r"[^\W\d_]\s*[>»›]\s*[^\W\d_]")
#: A portal's banner: the site's name ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH …", "Trang thông tin điện tử huyện …"), printed
#: above every post of the site.
PORTAL_BANNER = re.compile(r"^(?:cổng|trang)\s+thông\s+tin\s+điện\s+tử\b", re.IGNORECASE)
#: A part of a page's date-and-time banner: a clock, a weekday, the words a portal prints around them ("ngày", "lúc",
#: "GMT+7", a view count "đã xem", "Lượt xem"), a figure.
_BANNER_PART = (r"(?:" + _CLOCK + r"|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|ngày|lúc|gmt\s*[+-]\s*\d{1,2}"
                r"|lượt\s+xem|lượt\s+đọc|đã\s+xem|lượt\s+truy\s+cập|\d+)(?![^\W\d_])")
#: A line that is only a page's date and time (with its weekday, its time zone, its view count): "(20/07/2012 3:16:17
#: CH)", "10.03.2025 15:0211 đã xem", "Thứ Hai, 06/12/2026". It holds a date in figures or a clock; a year range
#: alone ("2021 - 2025", the end of a title) is not one.
DATE_TIME_BANNER = re.compile(
    r"^(?=.*(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s*[:h]\s*\d{2}))[\W_]*(?:" + _BANNER_PART
    + r"[\W_]*)+$", re.IGNORECASE)
#: A page's menu: three or more short items (one to four words, no figure) between bars or bullets ("Giới thiệu |
#: Tin tức | Văn bản"). A header flattened into one line has long items (the motto) or figures.
MENU_LINE = re.compile(r"^\s*[|•·]?\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,3}(?:\s*[|•·]\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,3}){2,}"
                       r"\s*[|•·]?\s*$")
#: An item of a portal's list of related documents, its counter glued to the document's name ("- 1Luật ngân sách nhà
#: nước 2015", "- 2Quyết định 468/QĐ-TTg …"): a link to another page, never the document's text.
RELATED_LINK_ITEM = re.compile(r"^[-–•+*]\s*\d{1,3}(?=[A-ZĐ][^\W\d_])")
#: A word an OCR garbled with a figure between its letters ("r4o", "H4nh", "tl6nh"): a scan's text, never a web
#: page's (a page's words are typed).
OCR_GARBLED_WORD = re.compile(r"[^\W\d_]\d+[^\W\d_]")
#: An item of a page's menu alone on its line (a copied menu, or a bar menu split into cells): one to three words,
#: letters only ("Giới thiệu", "Tin tức", "Liên hệ"). Only a run of them is a menu (:data:`MENU_RUN_MIN` in
#: :mod:`ingest.boundaries`).
MENU_ITEM = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+){0,2}$")
#: The heading of a legal portal's list of links to other documents ("Văn bản liên quan", "Các văn bản cùng lĩnh
#: vực:"): the lines under it name other documents.
RELATED_DOCUMENTS_HEADING = re.compile(r"^(?:các\s+)?văn bản\s+(?:liên quan|cùng lĩnh vực|khác|được hướng dẫn)"
                                       r"\s*:?\s*$", re.IGNORECASE)
