"""Inspection schedules of a plan as facts: which unit, when, doing what, read from which span of the cleaned text.

Three shapes of text are read, all with the same rules:
- lines of a list or a sentence ("Quý I/2030: Sở A, Sở B."; "Trong quý III năm 2030, Đoàn kiểm tra tiến hành kiểm
  tra tại Sở D và Sở E"; "a) Cấp tỉnh gồm các Sở: …" under "Đối tượng kiểm tra");
- table rows that name their columns ("Đơn vị được kiểm tra: Sở Y tế" / "Thời gian: IV/2030");
- one-cell-per-line tables (a Word or PDF table flattened: "STT", the headers, then the cells row by row).

A unit's period is the one stated nearest before it on its line (else the first after it), else a period heading
line above it in the same passage ("Quý I/2030:"), else the plan's own inspection period ("Thời gian kiểm tra:
quý III/2021"; in a news post, "Việc kiểm tra được tiến hành từ tháng 6 đến cuối tháng 8-2019"). A unit listed under
a round ("Đợt 2: Sở Y tế") takes that round's period. Only periods of work count
(:func:`textnorm.periods.work_periods`): a post's dateline, a signature date, the date of a cited document and a
report deadline never are. A fact keeps the offsets of the line or row naming the unit, and of the period it took.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from index.schedule_facts import PlanSchedule, ScheduleFact
from textnorm.cues import YEAR
from textnorm.periods import Period, fold_same_length, last_round, work_periods
from textnorm.units import find_bodies

#: Words that make a line (or its lead-in, or its heading) about inspecting the units it names.
INSPECTION_CUE = re.compile(r"kiem tra|lam viec (?:tai|voi)|lich lam viec|doi tuong")
#: Roles that are not "being inspected": members of the inspection team, the lead agency, those who co-operate.
NOT_INSPECTED = re.compile(
    r"thanh lap doan|gom dai dien|thanh vien|cu cong chuc|tham gia doan|chu tri|phoi hop|tham muu|truong doan|"
    r"dau moi|thuong truc|noi nhan|giao so|de nghi")
#: Innermost headings read as a line's context ("1. Đối tượng kiểm tra > a) Cấp tỉnh:"); the outer ones are too
#: broad ("II. NỘI DUNG, ĐỐI TƯỢNG, THỜI GIAN KIỂM TRA" covers every line of its part).
HEADINGS_READ = 2
#: What ends the clause a unit's role is read in.
_CLAUSE_ENDS = (";", ".", "\n")
#: An inspection verb, with what may introduce a list after it ("kiểm tra trực tiếp tại các đơn vị:").
INSPECT_INTRO = re.compile(r"(?:kiem tra|lam viec)(?:\s+truc tiep)?(?:\s+(?:tai|voi|doi voi))?"
                           r"(?:\s+(?:cac|nhung)\s+(?:don vi|co quan|dia phuong|so|nganh)[^:;.\n]{0,40}:)?")
#: What follows a unit that is the subject of the sentence, not the one inspected.
ACTOR_AFTER = re.compile(r"\s*(?:la co quan|co trach nhiem|chu tri|kiem tra,|kiem tra va|tong hop|theo doi|huong dan|"
                         r"thuc hien|to chuc|phoi hop|tham muu|xay dung|chuan bi|bao cao)")
#: Table columns that list the units inspected, and columns that list other roles.
UNIT_COLUMN = re.compile(r"duoc kiem tra|don vi|co quan|doi tuong|dia phuong")
OTHER_ROLE_COLUMN = re.compile(r"chu tri|phoi hop|thuc hien|tham muu|ban hanh|thanh phan|truong doan")
#: Table columns that state when.
TIME_COLUMN = re.compile(r"thoi gian|thoi diem|ngay|quy|thang|lich")
#: A line stating the plan's own inspection period.
PLAN_PERIOD_CUE = re.compile(r"thoi gian")
#: A sentence saying when the inspections take place (a news post has no "Thời gian" heading): "Việc kiểm tra
#: được tiến hành từ tháng 6 đến cuối tháng 8-2019", "Đợt kiểm tra diễn ra trong quý III".
INSPECTION_PERIOD_CUE = re.compile(r"kiem tra[^.;\n]{0,40}(?:tien hanh|dien ra|bat dau)|"
                                   r"(?:tien hanh|dien ra|bat dau)[^.;\n]{0,20}kiem tra")
#: Periods of other work stated under "thời gian" (self-inspection, reports, issuing a document).
NOT_PLAN_PERIOD = re.compile(r"tu kiem tra|bao cao|ban hanh|tong hop")
#: Phrases that make a line mentioning a report still an inspection of the units it names.
INSPECTS = re.compile(r"kiem tra(?: truc tiep)? tai|tien hanh kiem tra|lam viec tai|: kiem tra|duoc kiem tra|"
                      r"kiem tra truc tiep|kiem tra\s+(?:cac\s+)?(?:so|ubnd|uy ban|ban|huyen|thi xa|xa|thanh pho)\b")
#: The first cell of a row: a number, or the Roman numeral / capital letter of a group row ("I", "A").
_ROW_NUMBER = re.compile(r"\d+\.?|[IVX]+\.?|[A-Z]\.?")
_ROW_FIELD = re.compile(r"^([^:\n]{2,80}):[ \t]*(.*)$", re.MULTILINE)
#: A line holding one day and nothing else ("26/11/2014" under a headline) dates a post; it heads no list.
_LONE_DAY = re.compile(r"\s*(?:ngay\s*)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*")
_BULLET = re.compile(r"^[\s\-–+*•]*(?:(?:\d+(?:\.\d+)*|[a-zđ]|[ivx]+)[.)]\s*)?")


@dataclass
class _Segment:
    """A line or a table row: where it is, what introduces it, and the periods it states."""

    start: int
    end: int
    context: str  # folded lead-in lines and heading
    unit_ranges: list[tuple[int, int]]  # where units may be named (doc offsets); the whole segment for lines
    period_ranges: list[tuple[int, int]]  # where its own period may be stated
    block: int = -1  # start of the passage it belongs to (a period heading applies within its passage)
    section: str = ""


def plan_year(metadata: dict) -> int | None:
    """The year a plan is for: the year in its title ("… năm 2021"), else its year of issue.

    >>> plan_year({"tieu_de": "Công tác cải cách hành chính năm 2021", "nam": "2020"})
    2021
    """
    m = re.search(r"năm\s+(" + YEAR + ")", metadata.get("tieu_de", "") or "")
    year = m.group(1) if m else str(metadata.get("nam", "") or "")
    return int(year) if year.isdigit() else None


def _periods_in(text: str, lo: int, hi: int, year: int | None) -> list[tuple[int, int, Period]]:
    """Periods of work in text[lo:hi], doc offsets: no deadline, dateline, signature date nor date of a cited
    document (:func:`textnorm.periods.work_periods`)."""
    return [(lo + s, lo + e, p.with_year(year) if year else p) for s, e, p in work_periods(text[lo:hi])]


def _activity(folded: str, context: str) -> str:
    if "tu kiem tra" in folded:
        return "tự kiểm tra"
    if re.search(r"\bbao cao\b", folded) and not INSPECTS.search(folded) or "qua bao cao" in context:
        return "báo cáo"
    if "dot xuat" in folded:
        return "kiểm tra đột xuất"
    if "truc tiep" in folded + context:
        return "kiểm tra trực tiếp"
    return "kiểm tra"


def _line_segments(passage, skip: set[int]) -> list[_Segment]:
    """Each line of a passage, with its lead-in (earlier lines ending in ':') and its headings as context."""
    section = fold_same_length(" > ".join(passage.section.split(" > ")[-HEADINGS_READ:]) if passage.section else "")
    out, lead = [], []
    pos = passage.start
    for line in passage.text.split("\n"):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        if lo in skip or not line.strip():
            continue
        out.append(_Segment(lo, hi, " ".join(lead + [section]), [(lo, hi)], [(lo, hi)], passage.start,
                            passage.section))
        folded = fold_same_length(line)
        if folded.rstrip().endswith(":"):
            lead.append(folded)
    return out


def _row_segment(lo: int, hi: int, fields: list[tuple[str, int, int]], section: str) -> _Segment | None:
    """A table row from its (header, value start, value end) fields, or None when no column lists units."""
    units, times, cue = [], [], False
    for header, vs, ve in fields:
        h = fold_same_length(header)
        if TIME_COLUMN.search(h):
            times.append((vs, ve))
        elif UNIT_COLUMN.search(h) and not OTHER_ROLE_COLUMN.search(h):
            units.append((vs, ve))
            cue = cue or "kiem tra" in h
    if not units:
        return None
    context = fold_same_length(section) + (" kiem tra" if cue else "")
    return _Segment(lo, hi, context, units, times, section=section)


def _table_row_segments(passage) -> list[_Segment]:
    """A passage that is one table row ("Header: value" lines)."""
    fields = [(m.group(1), passage.start + m.start(2), passage.start + m.end(2))
              for m in _ROW_FIELD.finditer(passage.text)]
    seg = _row_segment(passage.start, passage.end, fields, passage.section)
    return [seg] if seg else []


def _cell_table_segments(passage) -> tuple[list[_Segment], set[int]]:
    """One-cell-per-line tables inside a passage: "STT", headers, then rows of as many lines, each row numbered."""
    lines, pos = [], passage.start
    for line in passage.text.split("\n"):
        lines.append((pos, pos + len(line), line.strip()))
        pos += len(line) + 1
    segments, used = [], set()
    i = 0
    while i < len(lines):
        if fold_same_length(lines[i][2]) not in ("stt", "tt", "so tt"):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not re.fullmatch(r"\d+\.?", lines[j][2]):
            j += 1
        headers = [lines[i][2]] + [x[2] for x in lines[i + 1:j]]
        n = len(headers)
        if n < 2 or j >= len(lines):
            i += 1
            continue
        used.update(x[0] for x in lines[i:j])
        while j + n <= len(lines) and _ROW_NUMBER.fullmatch(lines[j][2]):
            row = lines[j:j + n]
            fields = [(h, lo, hi) for h, (lo, hi, _) in zip(headers, row)]
            seg = _row_segment(row[0][0], row[-1][1], fields, passage.section)
            if seg:
                segments.append(seg)
            used.update(x[0] for x in row)
            j += n
        i = j
    return segments, used


def _cells(line: str, lo: int) -> list[tuple[str, int, int]]:
    """Cells of a pipe-table line with their offsets ("| 1 | Sở Y tế | Quý I/2030 |")."""
    out, start = [], 0
    for part in line.split("|"):
        stripped = part.strip()
        if stripped:
            at = line.index(stripped, start)
            out.append((stripped, lo + at, lo + at + len(stripped)))
        start += len(part) + 1
    return out


def _pipe_table_segments(passage) -> tuple[list[_Segment], set[int]]:
    """Pipe tables left as text: the first pipe line of a run is the header, the others rows."""
    segments, used, header = [], set(), None
    pos = passage.start
    for line in passage.text.split("\n"):
        lo, pos = pos, pos + len(line) + 1
        if line.count("|") < 2:
            header = None
            continue
        used.add(lo)
        cells = _cells(line, lo)
        if header is None:
            header = [c[0] for c in cells]
        elif cells and not all(set(c[0]) <= set("-: ") for c in cells):
            fields = [(h, s, e) for h, (_, s, e) in zip(header, cells)]
            seg = _row_segment(lo, lo + len(line), fields, passage.section)
            if seg:
                segments.append(seg)
    return segments, used


def _segments(doc) -> list[_Segment]:
    out = []
    for passage in doc.passages:
        if passage.kind == "table_row":
            out.extend(_table_row_segments(passage))
            continue
        cells, used = _cell_table_segments(passage)
        piped, piped_used = _pipe_table_segments(passage)
        out.extend(cells + piped)
        out.extend(_line_segments(passage, used | piped_used))
    return out


def _plan_periods(doc, year: int | None) -> list[tuple[int, int, Period]]:
    """The plan's own inspection period: the first line (not a table row) stating a period under a "thời gian"
    line or heading, in a plan about inspection."""
    about_inspection = "kiem tra" in fold_same_length(doc.title + " " + doc.metadata.get("tieu_de", ""))
    for passage in doc.passages:
        if passage.kind == "table_row":
            continue
        section = fold_same_length(passage.section.split(" > ")[-1] if passage.section else "")
        pos = passage.start
        for line in passage.text.split("\n"):
            lo, hi = pos, pos + len(line)
            pos = hi + 1
            folded = fold_same_length(line)
            cued = PLAN_PERIOD_CUE.search(folded + " " + section) or INSPECTION_PERIOD_CUE.search(folded)
            if not cued or NOT_PLAN_PERIOD.search(folded):
                continue
            if not (about_inspection or "kiem tra" in folded + section):
                continue
            found = _periods_in(doc.text, lo, hi, year)
            if found:
                return found[:1]
    return []


def _period_for(unit_pos: int, seg: _Segment, own: list, headers: list, plan: list, section: list):
    """(start, end, Period) for a unit: its segment's own period nearest before it, else after it, else the nearest
    period heading above in its passage, else a period in its section heading, else the plan's period."""
    if own:
        before = [p for p in own if p[0] <= unit_pos]
        return before[-1] if before else own[0]
    above = [h for h in headers if seg.block <= h[0] < seg.start]
    if above:
        return above[-1]
    if section:
        return section[0]
    return plan[0] if plan else None


def _section_periods(text: str, seg: _Segment, year) -> list[tuple[int, int, Period]]:
    """Periods stated in the innermost heading of the segment's section that states one ("1. Quý I/2030")."""
    for heading in reversed(seg.section.split(" > ") if seg.section else []):
        at = text.rfind(heading, 0, seg.start + 1)
        if at >= 0:
            found = _periods_in(text, at, at + len(heading), year)
            if found:
                return found[:1]
    return []


def _heading_periods(text: str, segments: list[_Segment], year) -> list[tuple[int, int, Period]]:
    """Lines naming no unit that open with a period ("Quý I/2030:", "Đợt 2: tháng 9/2030") or introduce a list with
    one ("Trong quý III/2030, Đoàn kiểm tra làm việc tại các đơn vị sau:"), as headings of the lines after them; a
    day alone on its line is a post's date, not a heading."""
    out = []
    for seg in segments:
        line = text[seg.start:seg.end]
        folded = fold_same_length(line)
        head = _BULLET.match(folded).end()
        found = _periods_in(text, seg.start + head, seg.end, year)
        if not found or find_bodies(line) or _LONE_DAY.fullmatch(folded[head:]):
            continue
        opens = found[0][0] == seg.start + head or (found[0][2].round and folded.startswith("dot", head))
        if opens or line.rstrip().endswith(":"):
            out.append(found[-1])
    return out


def _other_role(text: str, lo: int, hi: int, unit) -> bool:
    """The unit leads, joins, receives or acts rather than being inspected ("Sở Nội vụ chủ trì, phối hợp với Sở Tài
    chính"; "Sở Nội vụ kiểm tra, tổng hợp…"). After an inspection verb ("Đoàn do Giám đốc Sở Nội vụ làm Trưởng
    đoàn, kiểm tra các đơn vị: Sở Y tế…") only what follows the nearest one, up to the end of its clause, is read."""
    folded = fold_same_length(text[lo:hi])
    if ACTOR_AFTER.match(folded[unit.end:unit.end + 40]):
        return True
    intro = max((m.end() for m in INSPECT_INTRO.finditer(folded, 0, unit.start)), default=-1)
    if intro < 0:
        return bool(NOT_INSPECTED.search(folded))
    ends = [i for i in (folded.find(c, unit.end) for c in _CLAUSE_ENDS) if i >= 0]
    return bool(NOT_INSPECTED.search(folded[intro:min(ends) if ends else len(folded)]))


def _round_periods(text: str, year) -> dict[int, list[tuple[int, int, Period]]]:
    """The periods the text states for each round ("Thời gian: đợt 1 tháng 5/2022; đợt 2 tháng 9/2022")."""
    out: dict[int, list[tuple[int, int, Period]]] = {}
    for found in _periods_in(text, 0, len(text), year):
        if found[2].round:
            out.setdefault(found[2].round, []).append(found)
    return out


def _unit_round(text: str, seg: _Segment, lo: int, unit) -> int:
    """The round a unit is listed under: named before it on its line ("Đợt 2: Sở Y tế"), else in its lead-in."""
    return last_round(text[seg.start:lo + unit.start]) or last_round(seg.context)


@dataclass
class _Reader:
    """The periods of one document a unit may take: its line's own, the headings', the rounds' and the plan's."""

    text: str
    year: int | None
    plan: list
    headers: list

    @cached_property
    def rounds(self) -> dict[int, list[tuple[int, int, Period]]]:
        """Read once, and only for a document listing a unit under a round (a long law never is)."""
        return _round_periods(self.text, self.year)

    def period(self, seg: _Segment, own: list, lo: int, unit):
        """(start, end, Period) of a unit; a unit listed under a round takes that round's period."""
        got = _period_for(lo + unit.start, seg, own, self.headers, self.plan,
                          _section_periods(self.text, seg, self.year))
        number = _unit_round(self.text, seg, lo, unit)
        if not number or (got is not None and got[2].round == number):
            return got
        same = [p for p in own if p[2].round == number]
        if same:
            return same[0]
        stated = self.rounds.get(number)  # the round's period stated nearest the unit
        return min(stated, key=lambda p: abs(p[0] - lo - unit.start)) if stated else got

    def facts(self, seg: _Segment, doc_id: str) -> list[ScheduleFact]:
        """The facts of one line or row."""
        text = self.text
        folded = fold_same_length(text[seg.start:seg.end])
        if not INSPECTION_CUE.search(folded + " " + seg.context):
            return []
        own = [p for lo, hi in seg.period_ranges for p in _periods_in(text, lo, hi, self.year)]
        activity = _activity(folded, seg.context)
        out = []
        for lo, hi in seg.unit_ranges:
            for unit in find_bodies(text[lo:hi]):
                got = None if _other_role(text, lo, hi, unit) else self.period(seg, own, lo, unit)
                if got is not None:
                    out.append(ScheduleFact(unit.name, unit.kind, activity, got[2], seg.start, seg.end,
                                            lo + unit.start, lo + unit.end, got[0], got[1], doc_id, seg.section))
        return out


def extract_schedule(doc) -> PlanSchedule:
    """Schedule facts of a built :class:`index.model.Document`.

    >>> from ingest.document import build_document
    >>> src = "KẾ HOẠCH\\nKiểm tra CCHC năm 2030\\n\\nI. LỊCH\\n\\nQuý I/2030: kiểm tra Sở Y tế, Sở Xây dựng."
    >>> doc = build_document("kh", "kh.txt", src)
    >>> [(f.unit, f.period.label()) for f in extract_schedule(doc).facts]
    [('Sở Y tế', 'quý I/2030'), ('Sở Xây dựng', 'quý I/2030')]
    """
    year = plan_year(doc.metadata)
    text = doc.text
    plan = _plan_periods(doc, year)
    segments = _segments(doc)
    reader = _Reader(text, year, plan, _heading_periods(text, [s for s in segments if s.block >= 0], year))
    facts, seen = [], set()
    for seg in segments:
        for fact in reader.facts(seg, doc.doc_id):
            key = (fact.unit, fact.period.months, fact.period.year, fact.activity)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    spans = {(f.start, f.end) for f in facts} | {(f.period_start, f.period_end) for f in facts}
    spans |= {(s, e) for s, e, _ in plan}
    return PlanSchedule(doc.doc_id, facts, plan, {f"{s}:{e}": text[s:e] for s, e in sorted(spans)})


__all__ = ["extract_schedule", "plan_year"]
