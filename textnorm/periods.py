"""Periods of time as Vietnamese plans and questions state them: quarters, months, dates, ranges, half-years.

One grammar read by ingest (schedule facts) and by the retriever (periods in questions). Matching runs on the
accent-folded, lower-cased text (same length as the original), so "quý III", "quy 3" and "Quý 3 năm 2030" are one
form, and every match keeps exact offsets into the original text.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from textnorm import fold_accents
from textnorm.cues import YEAR
from textnorm.letters import UPPER_LETTER
from textnorm.patterns import CITED_DOCUMENT_DATE

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
          "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4}  # "quý ba", "quý tư" spelled out
_ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}
#: Months of each quarter.
QUARTER_MONTHS = {q: tuple(range(3 * q - 2, 3 * q + 1)) for q in (1, 2, 3, 4)}
#: Months of each half-year ("6 tháng đầu năm" = 1, "6 tháng cuối năm" = 2).
HALF_MONTHS = {1: tuple(range(1, 7)), 2: tuple(range(7, 13))}

_YEAR = r"(" + YEAR + r")"
_QLIST = (r"(?:quy|qui|q)\s*\.?\s*((?:(?:iv|i{1,3}|[1-4]|(?<=quy )(?:mot|hai|ba|bon|tu))\b\s*(?:,|va|-|den|;)?\s*"
          r"(?:qu[yi]\s*)?)+)")
_YEAR_TAIL = r"(?:\s*(?:/|nam|-)\s*" + _YEAR + r")?"
_DATE = r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*" + _YEAR
#: "tháng 8", "thg 8", and "T8" glued to its number (news posts write "T8/2019").
_MONTH_WORD = r"(?:thang|thg|t(?=\d))"
#: Where in a month a range starts or ends ("từ đầu tháng 6 đến cuối tháng 8-2019"): the month is what is kept.
_MONTH_PART = r"(?:(?:dau|giua|cuoi|het)\s*)?"
#: Separators a list of quarters may leave at the end of its match ("quý I; ", "quý II và ").
_TRAILING = re.compile(r"(?:[\s,;\-–]|\b(?:va|den)\b)+$")
_DEADLINE = re.compile(r"(?:truoc|cham nhat|han chot|han|khong qua|muon nhat)\s*(?:ngay|thang)?\s*$")
#: Characters read before a period for what qualifies it ("Đợt 2 (dự kiến từ …").
_LOOK_BEHIND = 48
#: "dự kiến" earlier in the same clause, or right after the period ("quý III/2030 (dự kiến)"): planned, not fixed.
_TENTATIVE_BEFORE = re.compile(r"\bdu kien\b[^.;\n]{0,40}$")
_TENTATIVE_AFTER = re.compile(r"\s*[(,\-–]?\s*du kien\b")
#: "Đợt 1: tháng 5 – tháng 6", "đợt II (quý III/2022)": the round a period opens; no other number in between.
_ROUND_WORD = r"\bdot\s*(\d{1,2}|iv|i{1,3}|v|mot|hai|ba|bon)\b"
_ROUND_BEFORE = re.compile(_ROUND_WORD + r"[^.;\n\d]{0,30}$")
_ROUND = re.compile(_ROUND_WORD)
#: Round numbers as written: digits, Roman numerals, words ("đợt hai").
_ROUND_NUMBERS = {**{str(n): n for n in range(1, 100)}, **_ROMAN, "v": 5}
#: A clock time as datelines write it ("21:54", "16:03:31", "04:00:00 PM"); "8h00" of a working timetable is not one.
_CLOCK = r"\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*[ap]m\b)?"
#: "Thứ Hai" … "Chủ nhật" (folded), as a dateline opens.
_WEEKDAY = r"(?:\bthu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])|\bchu\s*nhat)\s*,?\s*"
#: A day with its month and year ("04/06/2019").
_FULL_DATE = r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*" + YEAR
#: A news post's dateline: a date and a clock time side by side, a weekday optional ("04/06/2019 - 21:54",
#: "10:05, 05/05/2022", "Thứ Sáu, 23/04/2021, 18:49 [GMT+7]"). A timetable writes "8:00 ngày 15/7" (not matched).
DATELINE = re.compile(r"(?:" + _WEEKDAY + r")?(?<!ngay )" + _FULL_DATE + r"\s*[-,|]?\s*" + _CLOCK + r"(?!\s*[:\d])"
                      r"|" + _CLOCK + r"\s*[-,|]?\s*(?:" + _WEEKDAY + r")?" + _FULL_DATE + r"(?!\s*:)")
#: A clause citing the documents a text rests on: "Căn cứ Luật … ngày 19 tháng 6 năm 2015;".
_BASIS = re.compile(r"\bcan cu\b[^;\n]*")
#: A day as a clause opens with it: "13/4/2018", "17/9", "13 tháng 4 năm 2018".
_ANY_DATE = r"(?:\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*" + YEAR + r")?|\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*" + YEAR + ")"
#: A date opening a clause whose verb is issuing a document ("Ngày 13/4/2018, UBND tỉnh đã có Quyết định số …").
_ISSUED = re.compile(r"(?:^|(?<=[\n.;:]))\s*(?:[-–•+*]\s*)?(?:ngay\s*)?" + _ANY_DATE + r"\s*,?(?:(?!kiem tra|lam viec)"
                     r"[^.;\n]){0,60}?\b(?:ban hanh|da co (?:quyet dinh|ke hoach|van ban|cong van)|da ky|phe duyet)\b",
                     re.MULTILINE)
#: The place-and-date line of a document's header: a capitalised place, "ngày …", then the end of the line, a cell
#: border or the next capitalised heading ("Hà Nội, ngày 05 tháng 4 năm 2021 | KẾ HOẠCH"); a unit is no place
#: ("| Sở Y tế, ngày 15/7/2030 |" is a row of a timetable).
_NOT_A_PLACE = r"(?!(?:Sở|UBND|Ủy|Uỷ|Ban|Phòng|Đoàn|Trung tâm)\b)"
_SIGNATURE = re.compile(r"(?:^|(?<=\|))\s*" + _NOT_A_PLACE + UPPER_LETTER
                        + r"[^\W\d_]*\.?(?:\s+[^\W\d_]+\.?){0,4}\s*,\s*"
                        r"(?P<date>ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})"
                        r"(?=\s*(?:$|\||" + UPPER_LETTER + r"{2}))", re.MULTILINE)

#: (kind, pattern) in priority order: ranges before the single forms they contain.
_PATTERNS = [
    ("date_range", re.compile(r"(?:tu\s*)?ngay\s*(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*" + _YEAR + r")?\s*(?:den|-|–)\s*"
                              r"(?:ngay\s*)?" + _DATE)),
    ("date_range", re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*" + _YEAR + r")?\s*(?:den|-|–)\s*"
                              r"(?:ngay\s*)?" + _DATE)),
    ("day_range", re.compile(r"(?<![\d/])(\d{1,2})\s*(?:-|–)\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*" + _YEAR)),
    ("day_range", re.compile(r"ngay\s*(\d{1,2})\s*(?:-|–|den|va)\s*(?:ngay\s*)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*"
                             + _YEAR)),
    # "từ ngày 15/5 đến ngày 30/6": both ends without a year (the plan's year is added later)
    ("day_month_range", re.compile(r"(?:tu\s*)?ngay\s*(\d{1,2})\s*/\s*(\d{1,2})\s*(?:den|-|–)\s*(?:ngay\s*)?"
                                   r"(\d{1,2})\s*/\s*(\d{1,2})\b(?!\s*/)")),
    ("month_range", re.compile(r"(?:tu\s*)?" + _MONTH_PART + _MONTH_WORD + r"\s*(\d{1,2})(?:\s*/\s*" + _YEAR
                               + r")?\s*(?:den|-|–)\s*" + _MONTH_PART + r"(?:" + _MONTH_WORD + r"\s*)?(\d{1,2})"
                               + _YEAR_TAIL + r"\b")),
    ("month_list", re.compile(r"thang\s*(\d{1,2})((?:\s*(?:,|va)\s*(?:thang\s*)?\d{1,2})+)(?:\s*(?:/|nam)\s*" + _YEAR
                              + r")?\b(?!\s*/)")),
    ("half", re.compile(r"(?:(?:6|sau)\s*thang|nua)\s*(dau|cuoi)\s*(?:nam)?(?:\s*" + _YEAR + r")?")),
    ("quarters", re.compile(_QLIST + _YEAR_TAIL)),
    ("date", re.compile(r"(?:ngay\s*)?" + _DATE)),
    ("day_month", re.compile(r"ngay\s*(\d{1,2})\s*/\s*(\d{1,2})\b(?!\s*/)")),
    ("long_date", re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*" + _YEAR)),
    ("month", re.compile(_MONTH_WORD + r"\s*(\d{1,2})" + _YEAR_TAIL + r"\b(?!\s*/)")),
    ("bare_quarter", re.compile(r"(?:(?<=^)|(?<=[\n:|]))\s*(iv|i{1,3})\s*/\s*" + _YEAR + r"\b")),
    # "08/2030" (a table cell); not a document number "01/2021/TT-BNV"
    ("month", re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*" + _YEAR + r"\b(?!\s*/)")),
]


@dataclass(frozen=True)
class Period:
    """A stated period: which year, which months, and as precisely as stated, its first and last day."""

    kind: str  # quarter | month | date | half | range
    year: int | None
    months: tuple[int, ...]  # months covered, 1–12
    start: str  # ISO, as precise as stated: "2030-07-01", "2030-07", "2030"
    end: str
    quarters: tuple[int, ...] = ()  # quarters the period lies in; empty for a half-year
    half: int = 0  # 1 or 2 for "6 tháng đầu/cuối năm"
    deadline: bool = False  # "trước ngày 30/9/2021": a due date, not a period of work
    tentative: bool = False  # "dự kiến quý III": planned, not fixed
    round: int = 0  # "đợt 2: tháng 9": the round of inspections the period belongs to (0: none stated)

    def label(self) -> str:
        """Vietnamese label.

        >>> find_periods("Quý III/2030")[0][2].label(), find_periods("6 tháng cuối năm 2030")[0][2].label()
        ('quý III/2030', '6 tháng cuối năm 2030')
        """
        year = f"/{self.year}" if self.year else ""
        if self.half:
            return f"6 tháng {'đầu' if self.half == 1 else 'cuối'} năm" + (f" {self.year}" if self.year else "")
        if self.kind == "quarter":
            return "quý " + ", ".join(_ROMAN_OUT[q] for q in self.quarters) + year
        if self.kind == "month" and len(self.months) == 1:
            return f"tháng {self.months[0]}{year}"
        if self.start == self.end:
            return _vn_date(self.start)
        return f"{_vn_date(self.start)} – {_vn_date(self.end)}"

    def stated(self, label: str = "") -> str:
        """The label (``label`` when given: the period as a text writes it) with what the text says of the period: its
        round and whether it is only planned.

        >>> find_periods("Đợt 2: dự kiến quý III/2030")[0][2].stated()
        'đợt 2, quý III/2030 (dự kiến)'
        """
        head = f"đợt {self.round}, " if self.round else ""
        return head + (label or self.label()) + (" (dự kiến)" if self.tentative else "")

    def stated_as_written(self, written: str) -> str:
        """:meth:`stated`, with a single day written as ``written`` (the text stating the period) writes it: "17/9",
        not "17/09"; a period of another kind, or a day the text does not write, keeps its label.

        >>> p = find_periods("Ngày 17/9/2021, đoàn kiểm tra xã Tân Kỳ.")[0][2]
        >>> p.stated(), p.stated_as_written("Ngày 17/9, đoàn kiểm tra xã Tân Kỳ.")
        ('17/09/2021', '17/9')
        >>> p.stated_as_written("ngày 17 tháng 9 năm 2021"), p.stated_as_written("ngày 18/9")
        ('17 tháng 9 năm 2021', '17/09/2021')
        """
        parts = self.start.split("-")
        if self.start != self.end or len(parts) != 3 or self.half:
            return self.stated()
        day, month = int(parts[2]), int(parts[1])
        for m in WRITTEN_DATE.finditer(written):
            if int(m.group("day")) == day and int(m.group("month")) == month:
                return self.stated(m.group(0))
        return self.stated()

    def with_year(self, year: int) -> "Period":
        """The same period in a year the text gave elsewhere (a plan's own year)."""
        if self.year:
            return self
        return dataclasses.replace(self, year=year, start=self.start and f"{year}{self.start}",
                                   end=self.end and f"{year}{self.end}")

    def to_dict(self) -> dict:
        return {"kind": self.kind, "year": self.year, "months": list(self.months), "start": self.start,
                "end": self.end, "quarters": list(self.quarters), "half": self.half, "deadline": self.deadline,
                "tentative": self.tentative, "round": self.round}

    @staticmethod
    def from_dict(d: dict) -> "Period":
        return Period(d["kind"], d.get("year"), tuple(d.get("months", ())), d.get("start", ""), d.get("end", ""),
                      tuple(d.get("quarters", ())), int(d.get("half", 0)), bool(d.get("deadline", False)),
                      bool(d.get("tentative", False)), int(d.get("round", 0)))


#: A day and month as a text writes them, its year when written: "17/9", "17-9-2021", "17 tháng 9 năm 2021".
WRITTEN_DATE = re.compile(r"(?<![\d/.-])(?P<day>\d{1,2})\s*(?:[/.-]|\s+tháng\s+)(?P<month>\d{1,2})"
                          r"(?:\s*[/.-]\s*\d{4}|\s+năm\s+\d{4})?(?![\d/])", re.IGNORECASE)


def _vn_date(iso: str) -> str:
    parts = iso.split("-")
    year = f"/{parts[0]}" if parts[0] else ""
    if len(parts) == 3:
        return f"{int(parts[2]):02d}/{int(parts[1]):02d}{year}"
    if len(parts) == 2:
        return f"tháng {int(parts[1])}{year}"
    return iso


def _quarters_of(months: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(sorted({(m - 1) // 3 + 1 for m in months}))


def _make(kind: str, year: int | None, months, start: str, end: str, *, half: int = 0,
          deadline: bool = False) -> Period:
    months = tuple(sorted(set(months)))
    quarters = () if half else _quarters_of(months)
    return Period(kind, year, months, start, end, quarters, half, deadline)


def _iso(year: int | None, month: int, day: int | None = None) -> str:
    head = f"{year}" if year else ""
    return f"{head}-{month:02d}" + (f"-{day:02d}" if day else "")


def _month_span(m1: int, m2: int) -> tuple[int, ...]:
    return tuple(range(m1, m2 + 1)) if m1 <= m2 else ()


def _build(kind: str, g: tuple) -> Period | None:
    """A Period from one match's groups, or None when the numbers are not a calendar."""
    builder = _BUILDERS[kind]
    try:
        return builder(g)
    except (ValueError, KeyError):
        return None


def _b_date_range(g) -> Period | None:
    d1, m1, y1, d2, m2, y2 = (int(x) if x else 0 for x in g)
    y1 = y1 or y2
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12 and 1 <= d1 <= 31 and 1 <= d2 <= 31) or y1 != y2 or m1 > m2:
        return None
    return _make("range", y1, _month_span(m1, m2), _iso(y1, m1, d1), _iso(y2, m2, d2))


def _b_day_range(g) -> Period | None:
    d1, d2, m, y = (int(x) for x in g)
    if not (1 <= m <= 12 and 1 <= d1 <= d2 <= 31):
        return None
    return _make("range", y, (m,), _iso(y, m, d1), _iso(y, m, d2))


def _b_month_range(g) -> Period | None:
    m1, y1, m2, y2 = int(g[0]), g[1] and int(g[1]), int(g[2]), g[3] and int(g[3])
    year = y2 or y1 or None
    if not (1 <= m1 < m2 <= 12):
        return None
    return _make("range", year, _month_span(m1, m2), _iso(y1 or year, m1), _iso(year, m2))


def _b_month_list(g) -> Period | None:
    months = [int(g[0])] + [int(x) for x in re.findall(r"\d{1,2}", g[1])]
    year = int(g[2]) if g[2] else None
    if not all(1 <= m <= 12 for m in months):
        return None
    return _make("month", year, months, _iso(year, min(months)), _iso(year, max(months)))


def _b_day_month_range(g) -> Period | None:
    d1, m1, d2, m2 = (int(x) for x in g)
    if not (1 <= m1 <= m2 <= 12 and 1 <= d1 <= 31 and 1 <= d2 <= 31) or (m1, d1) > (m2, d2):
        return None
    return _make("range", None, _month_span(m1, m2), _iso(None, m1, d1), _iso(None, m2, d2))


def _b_day_month(g) -> Period | None:
    d, m = int(g[0]), int(g[1])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return _make("date", None, (m,), _iso(None, m, d), _iso(None, m, d))


def _b_half(g) -> Period:
    half = 1 if g[0] == "dau" else 2
    year = int(g[1]) if g[1] else None
    months = HALF_MONTHS[half]
    return _make("half", year, months, _iso(year, months[0]), _iso(year, months[-1]), half=half)


def _b_quarters(g) -> Period | None:
    quarters = sorted({_ROMAN[t] for t in re.findall(r"\b(?:iv|i{1,3}|[1-4]|mot|hai|ba|bon|tu)\b", g[0])})
    year = int(g[1]) if g[1] else None
    months = tuple(m for q in quarters for m in QUARTER_MONTHS[q])
    if not quarters:
        return None
    return _make("quarter", year, months, _iso(year, months[0]), _iso(year, months[-1]))


def _b_date(g) -> Period | None:
    d, m, y = (int(x) for x in g)
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return _make("date", y, (m,), _iso(y, m, d), _iso(y, m, d))


def _b_month(g) -> Period | None:
    m, year = int(g[0]), g[1] and int(g[1])
    if not 1 <= m <= 12:
        return None
    return _make("month", year or None, (m,), _iso(year or None, m), _iso(year or None, m))


def _b_bare_quarter(g) -> Period:
    q, year = _ROMAN[g[0]], int(g[1])
    months = QUARTER_MONTHS[q]
    return _make("quarter", year, months, _iso(year, months[0]), _iso(year, months[-1]))


_BUILDERS = {"date_range": _b_date_range, "day_range": _b_day_range, "day_month_range": _b_day_month_range,
             "month_range": _b_month_range,
             "month_list": _b_month_list, "half": _b_half, "quarters": _b_quarters, "date": _b_date,
             "day_month": _b_day_month, "long_date": _b_date, "month": _b_month, "bare_quarter": _b_bare_quarter}


def fold_same_length(text: str) -> str:
    """Accent-folded, lower-cased text with the same length as ``text`` (offsets stay valid).

    >>> fold_same_length("Quý III – Đoàn")
    'quy iii – doan'
    """
    folded = fold_accents(text)
    if len(folded) == len(text):
        return folded
    out = []
    for ch in text:
        f = fold_accents(ch)
        out.append(f if len(f) == 1 else ch.lower())
    return "".join(out)


def _bounded(folded: str, start: int, end: int) -> bool:
    """The match is not glued to letters or digits on either side ("quyết" is not "quý")."""
    before = folded[start - 1] if start > 0 else " "
    after = folded[end] if end < len(folded) else " "
    return not (before.isalnum() or (after.isalnum() and folded[end - 1].isalpha()))


def find_periods(text: str) -> list[tuple[int, int, Period]]:
    """Every period stated in the text, with its offsets, left to right, non-overlapping.

    >>> [(s, e, p.label()) for s, e, p in find_periods("Quý I/2030: Sở A. Từ ngày 01/7/2030 đến ngày 20/8/2030")]
    [(0, 10, 'quý I/2030'), (18, 54, '01/07/2030 – 20/08/2030')]
    >>> find_periods("báo cáo trước ngày 30/9/2021")[0][2].deadline
    True
    """
    folded = fold_same_length(text)
    taken: list[tuple[int, int, Period]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            start, end = m.start(), m.end()
            while start < end and folded[start].isspace():
                start += 1
            end = start + len(_TRAILING.sub("", folded[start:end]))
            if not _bounded(folded, start, end) or any(s < end and start < e for s, e, _ in taken):
                continue
            period = _build(kind, m.groups())
            if period is None:
                continue
            taken.append((start, end, _annotated(folded, start, end, period)))
    return sorted(taken, key=lambda t: t[0])


def _annotated(folded: str, start: int, end: int, period: Period) -> Period:
    """The period with what its surroundings say: a due date, "dự kiến", the round it belongs to."""
    before = folded[max(0, start - _LOOK_BEHIND):start]
    deadline = bool(_DEADLINE.search(before[-24:]))
    tentative = bool(_TENTATIVE_BEFORE.search(before) or _TENTATIVE_AFTER.match(folded, end))
    rounds = _ROUND_BEFORE.search(before)
    number = _ROUND_NUMBERS.get(rounds.group(1), 0) if rounds else 0
    if not (deadline or tentative or number):
        return period
    return dataclasses.replace(period, deadline=deadline, tentative=tentative, round=number)


def last_round(text: str) -> int:
    """The round the text names last ("Đợt 2 gồm các đơn vị: …" → 2), 0 when it names none.

    >>> last_round("Đợt 1: Sở Tư pháp; đợt II: "), last_round("kiểm tra đột xuất")
    (2, 0)
    """
    found = _ROUND.findall(fold_same_length(text))
    return _ROUND_NUMBERS.get(found[-1], 0) if found else 0


def stamp_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` whose dates are never a period of work: a news post's dateline ("04/06/2019 - 21:54",
    "THỨ BA, 20/09/2022 16:03:31"), the place-and-date line of a signature ("Hà Nội, ngày 05 tháng 4 năm 2021"), the
    date of a cited document ("Kế hoạch số 517/KH-UBND ngày 27/02/2020"), a "Căn cứ" clause, and the date a document
    was issued ("Ngày 11/5/2016, UBND tỉnh ban hành Kế hoạch …").

    >>> text = "10:05, 05/05/2022\\nNgày 11/5/2016, UBND tỉnh ban hành Kế hoạch số 1173/KH-UBND triển khai công tác"
    >>> [text[s:e] for s, e in stamp_spans(text)]
    ['10:05, 05/05/2022', 'Ngày 11/5/2016, UBND tỉnh ban hành']
    """
    folded = fold_same_length(text)
    spans = [m.span() for pattern in (DATELINE, _BASIS, _ISSUED) for m in pattern.finditer(folded)]
    spans += [m.span() for m in CITED_DOCUMENT_DATE.finditer(text)]
    spans += [m.span("date") for m in _SIGNATURE.finditer(text)]
    return sorted(spans)


def work_periods(text: str) -> list[tuple[int, int, Period]]:
    """The periods of work a text states: :func:`find_periods` without due dates and without the dates of
    :func:`stamp_spans` (a news post's dateline is when it was posted, not when the inspections run).

    >>> text = "04/06/2019 - 21:54\\nTừ tháng 6 đến cuối tháng 8-2019, Đoàn kiểm tra sẽ kiểm tra tại Sở Y tế."
    >>> [p.label() for _, _, p in work_periods(text)]
    ['tháng 6/2019 – tháng 8/2019']
    """
    stamps = stamp_spans(text)
    return [(s, e, p) for s, e, p in find_periods(text)
            if not p.deadline and not any(ss <= s < se for ss, se in stamps)]


def overlaps(a: Period, b: Period) -> bool:
    """Whether two periods share a month (and a year, where both state one)."""
    if a.year and b.year and a.year != b.year:
        return False
    return bool(set(a.months) & set(b.months))


__all__ = ["Period", "find_periods", "work_periods", "stamp_spans", "last_round", "fold_same_length", "overlaps",
           "QUARTER_MONTHS", "HALF_MONTHS", "DATELINE"]
