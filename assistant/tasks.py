"""Questions about a plan's reform tasks answered from the task facts of every plan in scope (issue 22).

"Sở Tài chính chủ trì những nhiệm vụ nào?" lists every task each plan gives that agency to lead; "… phối hợp …" the
tasks it partners (by name, then as one of a group such as "các sở, ban, ngành"); "Nhiệm vụ nào đến hạn trong tháng
01/2021?", "… trước ngày 15/02/2021", "… sắp đến hạn" list the tasks due then; a reform area or a product narrows the
list. One line per task, cited by its row. An agency that leads nothing, or a period with nothing due, is refused
plainly, naming what the plans do hold. Other questions return None and go to the passage answerer.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from assistant.absence import gives_asked_grain
from assistant.types import Answer, Citation
from index.model import document_label
from index.task_facts import PlanTasks, Span, TaskFact, load_tasks
from retriever.query import canonical_quarters, documents_named
from textnorm import normalize_text
from textnorm.agencies import GROUP, agency_key, belongs_to, canonical_agency, find_agencies, is_group
from textnorm.cues import WHEN, asks_when
from textnorm.gazetteer import province_key
from textnorm.kinds import DocumentKind
from textnorm.patterns import DOC_NUMBER
from textnorm.periods import Period, find_periods, fold_same_length, stamp_spans
from textnorm.terms import content_terms

#: The cue table: what a question about tasks says, by role (matched on the accent-folded question).
#:  lead: who leads (the lead column); assigned: any assignment, which plans make in prose as well as in tables;
#:  partner: who takes part; task: the tasks themselves; due: a deadline; soon: due shortly; product: what a task
#:  produces.
CUES = {
    "lead": re.compile(r"\b(?:chu tri|phu trach|dau moi)\b"),
    "assigned": re.compile(r"\b(?:duoc giao|giao cho|(?:chiu|co) trach nhiem)\b"),
    "partner": re.compile(r"\bphoi hop\b"),
    "task": re.compile(r"\b(?:nhiem vu|cong viec|nhung viec|phai lam)\b"),
    "due": re.compile(r"\b(?:den han|toi han|thoi han|han chot|han hoan thanh|het han|phai hoan thanh|"
                      r"phai xong|phai nop|hoan thanh truoc)\b"),
    "soon": re.compile(r"\b(?:sap|gan|sap toi|sap den)\s+(?:den\s+|toi\s+)?han\b|\bsap het han\b"),
    "product": re.compile(r"\bsan pham\b"),
}
#: Days ahead that "sắp đến hạn" covers (the task view's "đến hạn trong 30 ngày tới" too).
SOON_DAYS = 30
#: Document forms a task's product is named by (the kinds of document a plan's task produces), as a task writes them.
PRODUCT_FORMS = tuple(kind.lower() for kind in (
    DocumentKind.PLAN, DocumentKind.REPORT, DocumentKind.DECISION, DocumentKind.SCHEME, DocumentKind.LETTER,
    DocumentKind.DIRECTIVE, DocumentKind.SUBMISSION, DocumentKind.PROGRAMME, DocumentKind.GUIDANCE, DocumentKind.RULES))
#: Words before a date that ask for what is due by it, not in it ("trước ngày 15/02/2021"; "đến hạn quý I" is in).
BEFORE = re.compile(r"\b(?:truoc|cham nhat|khong qua|muon nhat)\s*(?:ngay|thang)?\s*$")
#: Share of a question's topic syllables a task's content must hold: to answer "who leads <task>" from the facts, and
#: for a task to be of the topic a question narrows to ("về cơ chế tự chủ").
CONTENT_MATCH = 0.75
#: Fewest own words a question must have for its task to be looked up by content.
CONTENT_MIN_WORDS = 3
#: Share of the tasks in scope beyond which a syllable of their contents is generic ("kiểm tra" in an inspection
#: plan): a question asking only when must name its task by other words.
GENERIC_SHARE = 0.5
#: Longest task content shown in a line (the citation holds the whole row).
CONTENT_CHARS = 220
#: Task lines of a chat answer: beyond them the head still counts every task and names every plan, and the task view
#: lists them all (a question over dozens of plans would otherwise be answered with a whole register).
MAX_TASK_LINES = 200
#: Task lines of the "giao chung cho nhóm" section shown in a chat answer (a group is every Sở: its list is the whole
#: plan; the task view lists them all).
MAX_GROUP_LINES = 20
#: Lead agencies and deadlines named when a refusal says what the plans do hold.
MAX_SHOWN = 12
#: A question asking who ("ai chủ trì …", "cơ quan nào phối hợp …"): the agencies it names describe the task.
WHO = re.compile(r"\b(?:ai|(?:co quan|don vi|so|ban|noi) nao)\b")
#: Words of a task question's frame, besides the cues: never a task's topic (folded, matched as whole words).
FRAME = re.compile(r"\b(?:co quan|don vi|ke hoach|thuc hien|danh sach|bao nhieu|uy ban nhan dan|ubnd|"
                   r"cai cach hanh chinh|cchc|"
                   r"cap (?:tinh|huyen|xa)|tinh (?:tu|den)|so|ban|nganh|tinh|nam|giao|lam|trinh|xong|nop|truoc|sau|"
                   r"nao|ai|han)\b")
#: Fewest topic syllables that make a question about particular tasks ("về cơ chế tự chủ"), not all of an agency's.
TOPIC_MIN = 2


class Due(NamedTuple):
    """One stage of a task's deadline: as shown, its period's label, its last day and its first day (both None for a
    recurring stage: "thường xuyên", "theo giai đoạn")."""

    label: str
    plain: str
    day: date | None
    start: date | None


@dataclass
class _Task:
    fact: TaskFact
    lead: str  # canonical
    lead_key: str
    partners: list[tuple[str, str, str]]  # (canonical, kind, key)
    dues: list[Due]
    area_key: str = ""  # the area without its numbering, folded
    words: frozenset = frozenset()  # folded syllables of its content and product (a question's topic is matched)
    group_lead: bool = False  # its lead is a group ("Các sở, ban, ngành tỉnh"): every member is given it


@dataclass
class _Plan:
    doc_id: str
    label: str
    record: object
    plan: PlanTasks
    province: str
    year: str
    tasks: list[_Task] = field(default_factory=list)

    def years(self) -> set[str]:
        return {str(d.day.year) for t in self.tasks for d in t.dues if d.day} | ({self.year} - {""})


# -- reading the facts --------------------------------------------------------------------------------------------
def due_date(period: Period) -> date | None:
    """The last day of a stated period (a date is its own day).

    >>> [due_date(p).isoformat() for _, _, p in find_periods("Tháng 02/2021, Quý IV/2020, trước ngày 15/02/2021")]
    ['2021-02-28', '2020-12-31', '2021-02-15']
    """
    parts = [int(x) for x in (period.end or "").split("-") if x]
    if not period.year or not parts:
        return None
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


def start_date(period: Period) -> date | None:
    """The first day of a stated period.

    >>> [start_date(p).isoformat() for _, _, p in find_periods("Quý IV/2020, ngày 15/02/2021")]
    ['2020-10-01', '2021-02-15']
    """
    parts = [int(x) for x in (period.start or "").split("-") if x]
    if not period.year or not parts:
        return None
    return date(parts[0], *(parts[1:] + [1, 1])[:2])


def _stage_year(plan: PlanTasks, fallback: str) -> int | None:
    """The year a plan's deadlines state most (a stage written "Quý I" without a year is of it), else the plan's."""
    years = Counter(s.period.year for t in plan.tasks for s in t.stages if s.period and s.period.year)
    if years:
        return years.most_common(1)[0][0]
    return int(fallback) if fallback.isdigit() else None


def _dues(fact: TaskFact, year: int | None) -> list[Due]:
    out = []
    for stage in fact.stages:
        period = stage.period
        if period is not None and not period.year and year:
            period = period.with_year(year)
        plain = period.stated() if period is not None else stage.recurring.replace("_", " ")
        label = f"{stage.label} {plain}" if stage.label else plain
        out.append(Due(label, plain, *((due_date(period), start_date(period)) if period is not None else (None, None))))
    return out


def _partners(fact: TaskFact) -> list[tuple[str, str, str]]:
    out = []
    for written in fact.partners:
        found = find_agencies(written)
        out += [(a.name, a.kind) for a in found] or [(canonical_agency(written), "")]
    return [(name, kind, agency_key(name)) for name, kind in dict.fromkeys(out)]


def _read(plan: PlanTasks, fallback_year: str) -> list[_Task]:
    year = _stage_year(plan, fallback_year)
    out = []
    for fact in plan.tasks:
        lead = canonical_agency(fact.lead) if fact.lead else ""
        out.append(_Task(fact, lead, agency_key(lead) if lead else "", _partners(fact), _dues(fact, year),
                         _area_key(fact.area), frozenset(_words(fact.content + " " + fact.product)),
                         bool(fact.lead) and is_group(fact.lead)))
    return out


def _raw_tasks(state) -> dict:
    derived = getattr(state, "derived", None) or {}
    return derived.get("tasks", {}) or {}


def _texts_of(state, text_of: Callable[[str], str | None]) -> Callable[[str], str | None]:
    """``text_of`` remembered per lexical state (in its memo): a plan's text is fetched once, however many rows
    cite it."""
    texts = state.memo("tasks.texts", lambda s: {})

    def lookup(doc_id: str) -> str | None:
        if doc_id not in texts:
            texts[doc_id] = text_of(doc_id)
        return texts[doc_id]

    return lookup


def task_plans(state) -> list[_Plan]:
    """Plans with task facts among the indexed documents (read once per lexical state: kept in its memo), newest
    first."""
    return state.memo("tasks.plans", _read_plans)


def _read_plans(state) -> list[_Plan]:
    plans = []
    records = getattr(state, "records", {}) or {}
    for doc_id, raw in sorted(_raw_tasks(state).items()):
        plan = PlanTasks.from_dict(raw) if isinstance(raw, dict) else load_tasks(raw)
        record = records.get(doc_id)
        if plan is None or not plan.tasks or record is None:
            continue
        md = record.metadata
        entry = _Plan(doc_id, document_label(md, record.title), record, plan,
                      province_key(md.get("tinh", "")), str(md.get("nam", "")))
        entry.tasks = _read(plan, entry.year)
        plans.append(entry)
    plans.sort(key=lambda p: (-int(p.year) if p.year.isdigit() else 0, p.province, p.doc_id))
    return plans


def warm_tasks(state, text_of: Callable[[str], str | None]) -> int:
    """Read the plans' task facts of a lexical state and the texts their rows are quoted from, so the first task
    question does not wait for them (the app's warm-up). Returns how many plans hold tasks."""
    plans = task_plans(state)
    lookup = _texts_of(state, text_of)
    for plan in plans:
        lookup(plan.doc_id)
    return len(plans)


# -- the question -------------------------------------------------------------------------------------------------
@dataclass
class Window:
    """The days a question asks about: ``first``/``last`` (None: open), and how to say them."""

    first: date | None
    last: date | None
    label: str
    months: tuple[int, ...] = ()  # a period asked without a year: its months, any year

    within: bool = True  # a stage must lie within the window ("quý IV" does not hold "năm 2021"); else only end in it

    def holds(self, due: Due) -> bool:
        day = due.day
        if day is None:
            return False
        if self.months:
            return day.month in self.months and (not self.within or due.start is None
                                                  or (due.start.year, due.start.month) >= (day.year, self.months[0]))
        if self.within and self.first is not None and (due.start is None or due.start < self.first):
            return False
        return (self.first is None or day >= self.first) and (self.last is None or day <= self.last)


def _vn(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def question_window(question: str, today: date) -> Window | None:
    """The deadline window a question asks about: a period, "trước ngày …", or "sắp đến hạn" (from the date asked, or
    today).

    >>> question_window("Nhiệm vụ nào đến hạn trong tháng 01/2021?", date(2026, 1, 1)).label
    'tháng 1/2021'
    >>> w = question_window("Việc nào phải xong trước ngày 15/02/2021?", date(2026, 1, 1)); (w.first, w.last)
    (None, datetime.date(2021, 2, 15))
    >>> question_window("nhiem vu nao sap den han", date(2021, 1, 20)).label
    'từ 20/01/2021 đến 19/02/2021 (30 ngày tới)'
    >>> question_window("quý 1 có nhiệm vụ gì", date(2026, 1, 1)).months
    (1, 2, 3)
    """
    text = canonical_quarters(normalize_text(question or ""))
    folded = fold_same_length(text)
    stamps = stamp_spans(text)  # the date of a document cited ("Chỉ thị … ngày 07/7/2017") is not a deadline asked
    found = [(s, e, p) for s, e, p in find_periods(text) if not any(ss <= s < se for ss, se in stamps)]
    periods = [p for _, _, p in found]
    if CUES["soon"].search(folded):
        dated = [due_date(p) for p in periods if p.kind == "date" and p.year]
        start = dated[0] if dated and dated[0] else today
        end = start + timedelta(days=SOON_DAYS)
        return Window(start, end, f"từ {_vn(start)} đến {_vn(end)} ({SOON_DAYS} ngày tới)", within=False)
    deadline = next((p for s, _, p in found if BEFORE.search(folded[max(0, s - 24):s]) and due_date(p)), None)
    if deadline is not None:
        return Window(None, due_date(deadline), f"trước ngày {_vn(due_date(deadline))}", within=False)
    if not periods:
        return None
    period = periods[-1]
    if not period.year:
        return Window(None, None, period.label(), tuple(period.months))
    first = date(period.year, period.months[0], 1) if period.months else date(period.year, 1, 1)
    if period.kind == "date" or (period.start.count("-") == 2):
        first = date(*[int(x) for x in period.start.split("-")])
    return Window(first, due_date(period), period.label())


def _roles(folded: str) -> set[str]:
    return {role for role, pattern in CUES.items() if pattern.search(folded)}


def _asked_agency(question: str) -> tuple[str, str] | None:
    """(canonical, kind) of the one agency (not a group) the question names first."""
    named = [a for a in find_agencies(question) if a.kind != GROUP]
    return (named[0].name, named[0].kind) if named else None


def _area_key(area: str) -> str:
    """ "I. CẢI CÁCH THỂ CHẾ" → "cai cach the che" (numbering dropped)."""
    folded = fold_same_length(re.sub(r"\s+", " ", area)).lower()
    return re.sub(r"^\s*(?:[ivxlc]+|\d+|[a-z])\s*[.)]\s*", "", folded).strip(" .:")


def _asked_area(folded: str, plans: list[_Plan]) -> tuple[str, str] | None:
    """(key, name as written) of the reform area of the facts a question names (the longest one named)."""
    keys = {t.area_key: t.fact.area for p in plans for t in p.tasks if t.area_key}
    named = [k for k in keys if re.search(r"\b" + re.escape(k) + r"\b", folded)]
    if not named:
        return None
    key = max(named, key=len)
    return key, re.sub(r"^\s*(?:[IVXLC]+|\d+|[a-zđ])\s*[.)]\s*", "", re.sub(r"\s+", " ", keys[key])).strip(" .:")


def _asked_product(folded: str) -> str | None:
    """The document form a question asks a task to produce ("sản phẩm là báo cáo")."""
    cue = CUES["product"].search(folded)
    after = folded[cue.end():] if cue else ""
    return next((form for form in PRODUCT_FORMS if fold_same_length(form) in after), None)


# -- answering ----------------------------------------------------------------------------------------------------
def quoted_span(fact: TaskFact) -> Span:
    """What a task's citation quotes: a prose task's sentence; a table task's content cell — the row as the cleaned
    text renders it ("Mục 1. / Nội dung: …") carries column labels the source does not hold, so only a cell is word
    for word in the document the official has (the source panel still highlights the whole row).

    >>> row, cell = Span(0, 60), Span(18, 40)
    >>> quoted_span(TaskFact("d", "", "x", "", "", (), "", (), row, cell, None, source_form="table")) == cell
    True
    >>> quoted_span(TaskFact("d", "", "x", "", "", (), "", (), row, cell, None, source_form="prose")) == row
    True
    """
    return fact.content_span if fact.source_form == "table" else fact.row


class _Cites:
    """Numbered citations, one per task row."""

    def __init__(self, text_of: Callable[[str], str | None]) -> None:
        self.items: list[Citation] = []
        self._index: dict = {}
        self._text_of = text_of

    def cite(self, plan: _Plan, fact: TaskFact) -> str:
        span = quoted_span(fact)
        key = (plan.doc_id, span.start, span.end)
        if key not in self._index:
            text = self._text_of(plan.doc_id) or ""
            quote = text[span.start:span.end]
            if not quote:
                return ""  # the row cannot be shown: no marker rather than an unverifiable one
            md = plan.record.metadata
            self.items.append(Citation(n=len(self.items) + 1, doc_id=plan.doc_id, title=md.get("tieu_de", "")
                                       or plan.doc_id, source=plan.record.source, section=fact.area, quote=quote,
                                       start=span.start, end=span.end, label=plan.label,
                                       metadata={k: v for k, v in md.items() if isinstance(v, str)}))
            self._index[key] = len(self.items)
        return f" [{self._index[key]}]"


def _short(text: str, limit: int = CONTENT_CHARS) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def task_ref(fact: TaskFact) -> str:
    """A task's reference: its area's numeral and its number ("V.1"), or its number alone.

    >>> from index.task_facts import Span
    >>> task_ref(TaskFact("d", "V. CẢI CÁCH TÀI CHÍNH CÔNG", "x", "", "", (), "", (), Span(0, 1), Span(0, 1), None,
    ...                   number="1"))
    'V.1'
    """
    if not fact.number:
        return ""
    numeral = re.match(r"\s*([IVXLC]+|\d+)\s*[.)]", fact.area or "")
    return ".".join(x for x in (numeral.group(1) if numeral else "", fact.number) if x)


def task_line(task: _Task, due: str = "") -> str:
    """One task as a line: its reference, content, lead, partners, product and deadline (as written)."""
    f = task.fact
    lead = re.sub(r"\s+", " ", f.lead) if task.group_lead else task.lead  # a group as the plan names it
    parts = [f"chủ trì: {_short(lead, 80)}" if lead else "",
             "phối hợp: " + "; ".join(_short(p, 100) for p in f.partners) if f.partners else "",
             f"sản phẩm: {_short(f.product, 50)}" if f.product else "",
             f"thời hạn: {_short(f.deadline_text, 80)}" if f.deadline_text else ""]
    if due and len(task.dues) > 1:
        parts.append(f"đến hạn: {due}")
    ref = task_ref(f)
    return f"- {ref + '. ' if ref else ''}{_short(f.content)} — {'; '.join(p for p in parts if p)}"


def _due_in(task: _Task, window: Window | None) -> str | None:
    """The stage labels of a task due in the window ("" when no window is asked), None when none is."""
    if window is None:
        return ""
    hit = [due.label for due in task.dues if window.holds(due)]
    return "; ".join(hit) if hit else None


def _listing(question: str, head: str, groups: list[tuple[str, list[tuple[_Plan, _Task, str]]]],
             cites: _Cites) -> Answer:
    """The answer: a head counting tasks and plans, then per section and plan one line per task with its citation."""
    lines, room = [head], MAX_TASK_LINES
    several = len({p.doc_id for _, rows in groups for p, _, _ in rows}) > 1
    for title, rows in groups:
        if not rows or room <= 0:
            continue
        if title:
            lines.append(title)
        current = None if several else rows[0][0].doc_id
        for plan, task, due in rows[:room]:
            if plan.doc_id != current:
                lines.append(f"{plan.label}:")
                current = plan.doc_id
            lines.append(task_line(task, due) + cites.cite(plan, task.fact))
        room -= len(rows)
    if room < 0:
        lines.append(f"… và {-room} nhiệm vụ khác: danh sách đầy đủ ở trang Nhiệm vụ.")
    return Answer(question=question, text="\n".join(lines), citations=cites.items, mode="tasks")


def _plans_phrase(rows) -> str:
    """ "Kế hoạch 189/KH-UBND – Kiên Giang, 2020", or "3 kế hoạch (189/KH-UBND – Kiên Giang, 2020: 4; …)": every plan
    named in the head, with its count, however long the list below."""
    counts = Counter(p.label for p, _, _ in rows)
    if len(counts) == 1:
        return next(iter(counts))
    named = "; ".join(f"{label.removeprefix('Kế hoạch ')}: {n}" for label, n in counts.items())
    return f"{len(counts)} kế hoạch ({named})"


def _refusal(question: str, text: str) -> Answer:
    return Answer(question=question, text=text, abstained=True, mode="tasks")


def _leads_held(plans: list[_Plan]) -> str:
    counts = Counter(t.lead for p in plans for t in p.tasks if t.lead)
    shown = [f"{_short(name, 60)} ({n})" for name, n in counts.most_common(MAX_SHOWN)]
    return " Các cơ quan chủ trì nhiệm vụ trong các kế hoạch này: " + ", ".join(shown) + "." if shown else ""


def _dues_held(plans: list[_Plan], tasks=None) -> str:
    days = sorted({(day, plain) for p in plans for t in p.tasks if tasks is None or t in tasks
                   for _, plain, day, _ in t.dues if day})
    labels = list(dict.fromkeys(plain for _, plain in days))
    return ", ".join(labels[:MAX_SHOWN]) + (" …" if len(labels) > MAX_SHOWN else "") if labels else ""


def _agency_rows(name: str, lead_asked: bool, partner_asked: bool, plans: list[_Plan], window: Window | None,
                 narrow: Callable[[_Task], bool], given_asked: bool = False) -> tuple[list, list, list, list]:
    """(tasks it leads, tasks naming it as a partner, tasks whose partners are a group it is one of, and — when what
    it is given is asked — tasks given to a group it is one of)."""
    key = agency_key(name)
    leads, named, grouped, group_led = [], [], [], []
    for plan in plans:
        for task in plan.tasks:
            due = _due_in(task, window)
            if due is None or not narrow(task):
                continue
            if lead_asked and task.lead_key == key:
                leads.append((plan, task, due))
            elif given_asked and task.group_lead and belongs_to(name, task.fact.lead):
                group_led.append((plan, task, due))
            elif partner_asked and any(k == key for _, _, k in task.partners):
                named.append((plan, task, due))
            elif partner_asked and task.lead_key != key and any(kind == GROUP and belongs_to(name, p)
                                                                 for p, kind, _ in task.partners):
                grouped.append((plan, task, due))
    return leads, named, grouped, group_led


def _group_refs(grouped: list, name: str) -> str:
    """The tasks given to a group the agency is one of, by reference, plan by plan (their rows are in the view)."""
    lines = []
    for label in dict.fromkeys(p.label for p, _, _ in grouped):
        refs = [task_ref(t.fact) or _short(t.fact.content, 40) for p, t, _ in grouped if p.label == label]
        lines.append(f"Ngoài ra, {label} giao chung cho nhóm cơ quan có {name} phối hợp {len(refs)} nhiệm vụ: "
                     f"{', '.join(refs)} (xem trang Nhiệm vụ).")
    return "\n".join(lines)


def answer_by_agency(question: str, agency: tuple[str, str], roles: set[str], plans: list[_Plan],
                     window: Window | None, narrow: Callable[[_Task], bool], text_of) -> Answer:
    """The tasks an agency leads (and partners, when asked "phối hợp"), due in the window if one is asked. Tasks
    given to a group it is one of ("các sở, ban, ngành") are listed when the plans name it nowhere, else referred to."""
    name, _ = agency
    partner_asked = "partner" in roles
    lead_asked = bool(roles & {"lead", "assigned"}) or not partner_asked
    given_asked = lead_asked and "lead" not in roles  # "được giao gì", "có nhiệm vụ gì": a group's tasks are its too
    leads, named, grouped, group_led = _agency_rows(name, lead_asked, partner_asked, plans, window, narrow,
                                                    given_asked)
    within = f" đến hạn {window.label}" if window else ""
    if not (leads or named or grouped or group_led):
        return _refusal(question, _nothing_for_agency(name, lead_asked, partner_asked, within, plans, narrow))
    parts = [(f"được giao {len(leads)} nhiệm vụ" if given_asked else f"chủ trì {len(leads)} nhiệm vụ")] \
        if lead_asked else []
    if partner_asked:
        parts.append(f"phối hợp {len(named)} nhiệm vụ được nêu tên" + (
            f" và {len(grouped)} nhiệm vụ giao chung cho nhóm cơ quan có {name}" if grouped else ""))
    named_somewhere = bool(leads or named)
    shown = [] if named_somewhere else grouped[:MAX_GROUP_LINES]
    head = f"{name} {', '.join(parts)}{within} theo {_plans_phrase(leads + named + grouped + group_led)}:"
    groups = [("Chủ trì:" if partner_asked and lead_asked else "", leads),
              ("Phối hợp (được nêu tên):" if partner_asked else "", named),
              (f"Phối hợp (giao chung cho nhóm cơ quan có {name}):", shown),
              (f"Ngoài ra, giao chung cho nhóm cơ quan có {name}:", group_led[:MAX_GROUP_LINES])]
    answer = _listing(question, head, groups, _Cites(text_of))
    if named_somewhere and grouped:
        answer.text += "\n" + _group_refs(grouped, name)
    elif len(grouped) > MAX_GROUP_LINES:
        answer.text += (f"\n… và {len(grouped) - MAX_GROUP_LINES} nhiệm vụ khác giao chung cho nhóm: xem trang "
                        "Nhiệm vụ.")
    return answer


def _nothing_for_agency(name: str, lead_asked: bool, partner_asked: bool, within: str, plans: list[_Plan],
                        narrow) -> str:
    role = " và ".join(x for x, on in (("chủ trì", lead_asked), ("phối hợp", partner_asked)) if on)
    text = f"Không có kế hoạch nào trong phạm vi giao {name} {role} nhiệm vụ nào{within}."
    key = agency_key(name)
    own = [t for p in plans for t in p.tasks if t.lead_key == key and narrow(t)]
    if within and own:
        return text + f" {name} chủ trì {len(own)} nhiệm vụ có hạn vào: {_dues_held(plans, own)}."
    return text + _leads_held(plans)


def answer_by_window(question: str, window: Window, plans: list[_Plan], narrow, text_of) -> Answer:
    """The tasks due in a window, every plan in scope; nothing due → refused, naming when tasks are due."""
    rows = [(plan, task, due) for plan in plans for task in plan.tasks
            if (due := _due_in(task, window)) is not None and narrow(task)]
    if not rows:
        held = _dues_held(plans)
        text = f"Không có nhiệm vụ nào đến hạn {window.label} trong các kế hoạch trong phạm vi."
        return _refusal(question, text + (f" Các nhiệm vụ trong các kế hoạch này đến hạn vào: {held}." if held
                                          else ""))
    head = f"{len(rows)} nhiệm vụ đến hạn {window.label} theo {_plans_phrase(rows)}:"
    return _listing(question, head, [("", rows)], _Cites(text_of))


def answer_by_kind(question: str, what: str, plans: list[_Plan], narrow, text_of) -> Answer:
    """The tasks of a reform area or of a product."""
    rows = [(plan, task, "") for plan in plans for task in plan.tasks if narrow(task)]
    if not rows:
        return _refusal(question, f"Không có nhiệm vụ nào {what} trong các kế hoạch trong phạm vi.")
    return _listing(question, f"{len(rows)} nhiệm vụ {what} theo {_plans_phrase(rows)}:", [("", rows)],
                    _Cites(text_of))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", fold_same_length(text).lower()))


def topic_words(question: str, plans: list[_Plan], *, keep_agencies: bool = False, drop: str = "") -> set[str]:
    """The syllables of a question naming particular tasks: its content terms without the agencies it asks about (kept
    with ``keep_agencies``: "ai chủ trì số hóa hồ sơ của Sở Tư pháp"), periods, document numbers, the words asking
    when ("thời gian nào"), the plans' provinces, the frame of a task question and the words of ``drop`` (the area or
    product asked).

    >>> sorted(topic_words("Sở Tài chính chủ trì những nhiệm vụ nào về cơ chế tự chủ trong quý I/2021?", []))
    ['che', 'chu', 'co', 'tu']
    >>> topic_words("Theo Kế hoạch 42/KH-UBND, Sở Tư pháp được giao những việc gì?", [])
    set()
    >>> sorted(topic_words("Điện Biên kiểm tra công vụ vào thời gian nào?", []))
    ['bien', 'cong', 'dien', 'kiem', 'tra', 'vu']
    """
    folded = fold_same_length(question).lower()
    spans = [(s, e) for s, e, _ in find_periods(question)] + [m.span() for m in DOC_NUMBER.finditer(question)]
    spans += [m.span() for m in WHEN.finditer(folded)]  # "vào thời gian nào" asks when, names no task
    spans += [m.span() for pattern in (*CUES.values(), FRAME) for m in pattern.finditer(folded)]
    if not keep_agencies:
        spans += [(a.start, a.end) for a in find_agencies(question)]
    masked = list(question)
    for s, e in spans:
        masked[s:e] = " " * (e - s)
    places = set().union(*(_words(p.province) for p in plans)) if plans else set()
    return {w for w in content_terms("".join(masked)) if w not in places and w not in _words(drop)
            and not w.isdigit() and len(w) > 1}


def _share(words: set[str], task: _Task) -> float:
    """The share of the topic's syllables a task's content and product hold."""
    return len(words & task.words) / len(words) if words else 1.0


def _generic_words(plans: list[_Plan]) -> set[str]:
    """Syllables held by more than :data:`GENERIC_SHARE` of the tasks in scope: they tell no task from another."""
    tasks = [t for p in plans for t in p.tasks]
    counts = Counter(w for t in tasks for w in t.words)
    return {w for w, n in counts.items() if n > GENERIC_SHARE * len(tasks)}


def answer_who_leads(question: str, words: set[str], plans: list[_Plan], text_of, *,
                     one: bool = False) -> Answer | None:
    """Who leads the task a question describes, when a task's content holds most of the question's topic. With
    ``one`` (a question asking only when, "… vào thời gian nào?"), only a task stating its deadline can answer, and the
    topic must pick out one: by enough words
    that most tasks in scope do not share (an inspection plan's "kiểm tra" names none of its tasks), and no other task
    as near — else it names a kind of work ("kiểm tra công tác CCHC"), not a task, and the schedule or the passages
    answer."""
    words = words - _generic_words(plans) if one else words  # asked when: only the words that tell tasks apart
    if len(words) < CONTENT_MIN_WORDS:
        return None
    scored = [(_share(words, task), plan, task) for plan in plans for task in plan.tasks
              if not one or task.fact.deadline_text]  # asked when: a task that states no deadline cannot say
    best = max((s for s, _, _ in scored), default=0.0)
    if best < CONTENT_MATCH:
        return None
    rows = [(plan, task, "") for s, plan, task in scored if s == best]
    if one and len(rows) > 1:
        return None
    head = f"Cơ quan chủ trì và phối hợp theo {_plans_phrase(rows)}:"
    return _listing(question, head, [("", rows)], _Cites(text_of))


# -- scope and entry point ----------------------------------------------------------------------------------------
def _in_scope(plan: _Plan, provinces: set[str], years: set[str], doc_ids: set[str], unread_ok: bool) -> bool:
    if doc_ids and plan.doc_id not in doc_ids:
        return False
    if provinces and plan.province not in provinces and not (unread_ok and not plan.province):
        return False
    if years:
        known = plan.years()
        return bool(years & known) or (unread_ok and not known)
    return True


def _plans_in_scope(plans: list[_Plan], analysis, filters, window: Window | None,
                    named: tuple[str, ...] = ()) -> list[_Plan]:
    """The plans a question names by number (whatever place or year it also names); else plans of the province and
    year asked or chosen; when none is known to be, those whose province or year was not read (metadata is a hint,
    never a gate)."""
    if named:
        return [p for p in plans if p.doc_id in named]
    provinces = set(getattr(filters, "provinces", ()) or ()) | set(getattr(analysis, "provinces", ()) or ())
    years = set(getattr(filters, "years", ()) or ()) | set(getattr(analysis, "years", ()) or ())
    if window is not None:
        years -= {str(d.year) for d in (window.first, window.last) if d}  # the deadline carries the year asked
    doc_ids = set(getattr(filters, "doc_ids", ()) or ())
    known = [p for p in plans if _in_scope(p, provinces, years, doc_ids, False)]
    return known or [p for p in plans if _in_scope(p, provinces, years, doc_ids, True)]


def _narrowing(asked_text: str, folded: str, plans: list[_Plan]) -> tuple[Callable[[_Task], bool], str, bool]:
    """A test for the reform area, product and topic a question names; how to say the area and product; whether a
    topic is named."""
    asked_area, product = _asked_area(folded, plans), _asked_product(folded)
    area, area_name = asked_area or (None, "")
    words = topic_words(asked_text, plans, drop=f"{area or ''} {product or ''}")
    words = words if len(words) >= TOPIC_MIN else set()

    def narrow(task: _Task) -> bool:
        return (area is None or task.area_key == area) and \
            (product is None or fold_same_length(product) in fold_same_length(task.fact.product).lower()) and \
            (not words or _share(words, task) >= CONTENT_MATCH)

    said = " ".join(x for x in (f"thuộc lĩnh vực {area_name}" if area else "",
                                f"có sản phẩm là {product}" if product else "") if x)
    return narrow, said, bool(words)


@dataclass
class _Asked:
    """A question as the task answerer reads it."""

    question: str
    text: str  # as resolved from the conversation
    folded: str
    roles: set[str]
    window: Window | None
    narrow: Callable[[_Task], bool]
    said: str  # the area and product asked, as the answer says them
    topical: bool  # the question names particular tasks


def _route(asked: _Asked, plans: list[_Plan], text_of) -> Answer | None:
    """The answer the question asks for: who leads a task described, an agency's tasks, what is due, an area's or a
    product's tasks — or None (the passage answerer goes on)."""
    roles, asks_lead = asked.roles, bool(asked.roles & {"lead", "partner"})
    when = asks_when(asked.text) and not DOC_NUMBER.search(asked.text)  # a document's date is not a task's
    who = topic_words(asked.text, plans, keep_agencies=True) if WHO.search(asked.folded) or when else set()
    if len(who) >= CONTENT_MIN_WORDS and (asks_lead or when):
        return answer_who_leads(asked.question, who, plans, text_of, one=not asks_lead)
    agency = _asked_agency(asked.text)
    if agency and roles & {"lead", "assigned", "partner", "task", "due"}:
        return answer_by_agency(asked.question, agency, roles, plans, asked.window, asked.narrow, text_of)
    if asked.window is not None and roles & {"due", "soon", "task", "lead", "assigned"}:
        return answer_by_window(asked.question, asked.window, plans, asked.narrow, text_of)
    if asked.said and roles & {"task", "product", "lead", "assigned"}:
        return answer_by_kind(asked.question, asked.said, plans, asked.narrow, text_of)
    return None


def answer_from_tasks(question: str, analysis, filters, state, *, text_of: Callable[[str], str | None],
                      today: date | None = None) -> Answer | None:
    """The answer from task facts, or None when the question is not about who does which task by when.

    Args:
        question: as typed.
        analysis: its :class:`retriever.query.QueryAnalysis` (``original``, ``text``, ``provinces``, ``years``).
        filters: the :class:`retriever.hybrid.SearchFilters` chosen in the UI (or None).
        state: the index's lexical state (``derived["tasks"]``: doc_id → task facts).
        text_of: a document's cleaned text by doc_id (each task is cited by its row of it).
        today: the day "sắp đến hạn" counts from (default: the system's date).

    Returns:
        An :class:`Answer` (``mode="tasks"``), or None: the passage answerer goes on.
    """
    text_of = _texts_of(state, text_of)
    asked_text = getattr(analysis, "original", "") or question
    folded = fold_same_length(asked_text).lower()
    roles = _roles(folded) | ({"when"} if asks_when(asked_text) else set())
    all_plans = task_plans(state)
    if not roles or not all_plans:
        return None
    window = question_window(asked_text, today or date.today())
    named = tuple(documents_named(list(getattr(analysis, "doc_numbers", ()) or ()), getattr(state, "records", {})))
    plans = _plans_in_scope(all_plans, analysis, filters, window, named)
    if not plans:
        return None
    narrow, said, topical = _narrowing(asked_text, folded, plans)
    if topical and not any(narrow(t) for p in plans for t in p.tasks):
        return None  # no task is about what the question names: the plan's prose may be
    asked = _Asked(question, asked_text, folded, roles, window, narrow, said, topical)
    answer = _route(asked, plans, text_of)
    if answer is None or not gives_asked_grain(question, answer.text):
        return None  # a year asked and a day without its year answered: the refusal's own reading decides
    answer.query = getattr(analysis, "text", question)
    return answer


__all__ = ["answer_from_tasks", "task_plans", "warm_tasks", "question_window", "due_date", "start_date", "task_line",
           "task_ref", "Window", "Due", "CUES", "SOON_DAYS"]
