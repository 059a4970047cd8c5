"""The task view's data: one row per task of every plan (plan × lead agency × deadline), filters, counts per agency,
"due in the next 30 days", and CSV / .xlsx export (issue 22).

Pure functions (no Streamlit): the page ``pages/7_✅_Nhiệm_vụ.py`` shows them, tests call them directly. The plans are
:meth:`assistant.service.Assistant.task_plans` (each with ``label``, ``province``, ``year``, ``doc_id`` and its read
``tasks``: lead, partners, deadline stages with their due dates).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.tasks import SOON_DAYS, Window
from ui.render import escape_markdown
from ui.schedule import to_csv, to_xlsx

#: Period filter values: every task, those due in the next days, or those due in a quarter of the year chosen.
PERIODS = ("Tất cả", "Đến hạn trong 30 ngày tới", "Quý I", "Quý II", "Quý III", "Quý IV")
#: Columns of the table, in order (the citation column is exported, not shown).
COLUMNS = ("Kế hoạch", "Lĩnh vực", "STT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
           "Thời hạn (như văn bản ghi)", "Hạn (ngày)", "Trích dẫn")


@dataclass(frozen=True)
class RowCitation:
    """Where a task was read: its document and the exact span of its row in the cleaned text."""

    n: int
    doc_id: str
    label: str
    lead: str
    content: str
    start: int
    end: int


@dataclass(frozen=True)
class TaskFilter:
    """What the user chose (empty = everything)."""

    doc_ids: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    period: str = PERIODS[0]
    year: int | None = None  # the year of a quarter chosen; None: any year


def choices(plans) -> dict[str, list]:
    """The values each filter offers: plans (doc_id → label), lead agencies, reform areas, years with deadlines.

    >>> from types import SimpleNamespace as N
    >>> from assistant.tasks import Due
    >>> t = N(lead="Sở Tư pháp", fact=N(area="I. CẢI CÁCH THỂ CHẾ"), dues=[Due("", "", date(2021, 1, 31), None)])
    >>> choices([N(doc_id="d", label="KH 189", tasks=[t])])["agencies"]
    ['Sở Tư pháp']
    """
    return {"plans": [(p.doc_id, p.label) for p in plans],
            "agencies": sorted({t.lead for p in plans for t in p.tasks if t.lead}),
            "areas": sorted({t.fact.area for p in plans for t in p.tasks if t.fact.area}),
            "years": sorted({d.day.year for p in plans for t in p.tasks for d in t.dues if d.day}, reverse=True)}


def period_window(chosen: TaskFilter, today: date) -> Window | None:
    """The deadline window of the period chosen, read by the answerer's rule (:class:`assistant.tasks.Window`): None
    for every task.

    >>> period_window(TaskFilter(period="Quý IV", year=2021), date(2021, 1, 1)).label
    'quý IV/2021'
    >>> w = period_window(TaskFilter(period=PERIODS[1]), date(2021, 1, 10)); (w.first, w.last)
    (datetime.date(2021, 1, 10), datetime.date(2021, 2, 9))
    """
    if chosen.period == PERIODS[0]:
        return None
    if chosen.period == PERIODS[1]:
        return Window(today, today + timedelta(days=SOON_DAYS), f"{SOON_DAYS} ngày tới", within=False)
    quarter = PERIODS.index(chosen.period) - 1
    months = tuple(range(3 * quarter - 2, 3 * quarter + 1))
    label = "q" + chosen.period[1:] + (f"/{chosen.year}" if chosen.year else "")
    if chosen.year is None:
        return Window(None, None, label, months)
    last = date(chosen.year, months[-1], 1) + timedelta(days=31)
    return Window(date(chosen.year, months[0], 1), last.replace(day=1) - timedelta(days=1), label)


def _due_in(task, window: Window | None) -> list[date | None]:
    """The due dates of a task's stages in the window ([] when none is; every due date, or [None], without one)."""
    if window is None:
        return [d.day for d in task.dues if d.day] or [None]
    return [d.day for d in task.dues if window.holds(d)]


def _keep(plan, task, chosen: TaskFilter) -> bool:
    return (not chosen.doc_ids or plan.doc_id in chosen.doc_ids) and \
        (not chosen.agencies or task.lead in chosen.agencies) and (not chosen.areas or task.fact.area in chosen.areas)


def task_rows(plans, chosen: TaskFilter = TaskFilter(), today: date | None = None
              ) -> tuple[list[dict], list[RowCitation]]:
    """One row per task kept by the filter, ordered by plan then due date; each with its citation number.

    Args:
        plans: :meth:`assistant.service.Assistant.task_plans` of the current index.
        chosen: the filter.
        today: the day "đến hạn trong 30 ngày tới" counts from (default: the system's date).

    Returns:
        (rows, citations): rows as dicts in :data:`COLUMNS` order; citations numbered as the rows show them.
    """
    window = period_window(chosen, today or date.today())
    kept = []
    for plan in plans:
        for task in plan.tasks:
            days = _due_in(task, window) if _keep(plan, task, chosen) else []
            if days:
                kept.append((plan, task, min((d for d in days if d), default=None)))
    rows, cites = [], []
    for plan, task, due in kept:
        f = task.fact
        n = len(cites) + 1
        cites.append(RowCitation(n, plan.doc_id, plan.label, task.lead, f.content, f.row.start, f.row.end))
        rows.append({"Kế hoạch": plan.label, "Lĩnh vực": f.area, "STT": f.number, "Nhiệm vụ": f.content,
                     "Sản phẩm": f.product, "Cơ quan chủ trì": task.lead, "Cơ quan phối hợp": "; ".join(f.partners),
                     "Thời hạn (như văn bản ghi)": f.deadline_text,
                     "Hạn (ngày)": due.strftime("%d/%m/%Y") if due else "",
                     "Trích dẫn": f"[{n}] {plan.doc_id} [{f.row.start}:{f.row.end}]"})
    return rows, cites


def agency_counts(rows: list[dict]) -> list[dict]:
    """Tasks per lead agency among the rows, most first.

    >>> agency_counts([{"Cơ quan chủ trì": "Sở Nội vụ"}, {"Cơ quan chủ trì": "Sở Nội vụ"}, {"Cơ quan chủ trì": "STP"}])
    [{'Cơ quan chủ trì': 'Sở Nội vụ', 'Số nhiệm vụ': 2}, {'Cơ quan chủ trì': 'STP', 'Số nhiệm vụ': 1}]
    """
    counts = Counter(r["Cơ quan chủ trì"] or "(không ghi)" for r in rows)
    return [{"Cơ quan chủ trì": name, "Số nhiệm vụ": n} for name, n in counts.most_common()]


def citation_markdown(cite: RowCitation, quote: str) -> str:
    r"""The line of a row's citation for ``st.markdown``: plan and lead in bold, the row's text in «…», all inert.

    >>> print(citation_markdown(RowCitation(1, "d", "KH 189", "Sở Tư pháp", "x", 0, 3), "[a](b)"))
    **KH 189** — **Sở Tư pháp** — «\[a\]\(b\)»
    """
    return f"**{escape_markdown(cite.label)}** — **{escape_markdown(cite.lead)}** — «{escape_markdown(quote)}»"


def export_csv(rows: list[dict]) -> bytes:
    """The rows as CSV (UTF-8 with BOM; an empty table keeps its header)."""
    return to_csv(rows, list(COLUMNS))


def export_xlsx(rows: list[dict]) -> bytes:
    """The rows as an .xlsx workbook."""
    return to_xlsx(rows, sheet="Nhiệm vụ")


__all__ = ["task_rows", "choices", "period_window", "agency_counts", "citation_markdown", "export_csv", "export_xlsx",
           "TaskFilter", "RowCitation", "PERIODS", "COLUMNS"]
