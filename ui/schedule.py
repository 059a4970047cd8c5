"""The schedule view's data: unit × quarter (or month) rows from the plans' facts, and their CSV / .xlsx export.

Pure functions (no Streamlit): the page ``pages/3_📅_Lịch_kiểm_tra.py`` shows them, tests call them directly.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ui.render import escape_markdown

QUARTER_COLUMNS = ("Quý I", "Quý II", "Quý III", "Quý IV")
MONTH_COLUMNS = tuple(f"T{m}" for m in range(1, 13))
#: Mark of a cell whose unit is inspected in that quarter or month; the cell's citation number follows it.
MARK = "✓"


@dataclass(frozen=True)
class CellCitation:
    """Where a row's period and unit were read: the document and the exact span of its cleaned text."""

    n: int
    doc_id: str
    label: str
    unit: str
    period: str
    start: int
    end: int
    quote: str


def _province_year(plan) -> tuple[str, str]:
    return plan.province, plan.year


def plan_choices(plans) -> tuple[list[str], list[str]]:
    """Provinces and years (newest first) of the plans that hold a schedule.

    >>> from types import SimpleNamespace as P
    >>> plan_choices([P(province="Hà Nam", year="2022"), P(province="Kiên Giang", year="2021")])
    (['Hà Nam', 'Kiên Giang'], ['2022', '2021'])
    """
    provinces = sorted({p.province for p in plans if p.province})
    years = sorted({p.year for p in plans if p.year}, reverse=True)
    return provinces, years


def schedule_rows(plans, provinces=(), years=(), by: str = "quarter") -> tuple[list[dict], list[CellCitation]]:
    """One row per plan × unit × activity; a column per quarter (or month) marked with the citation number.

    Args:
        plans: :func:`assistant.schedule.schedule_plans` of the current index.
        provinces, years: scope (empty = every plan).
        by: "quarter" or "month".

    Returns:
        (rows, citations): rows as dicts in column order; citations numbered as the cells show them.
    """
    columns = QUARTER_COLUMNS if by == "quarter" else MONTH_COLUMNS
    rows, cites = [], []
    for plan in plans:
        province, year = _province_year(plan)
        if (provinces and province not in provinces) or (years and year not in years):
            continue
        for fact in plan.schedule.facts:
            n = len(cites) + 1
            quote = plan.schedule.quote(fact.start, fact.end)
            cites.append(CellCitation(n, plan.doc_id, plan.label, fact.unit, fact.period.label(), fact.start,
                                      fact.end, quote))
            covered = fact.period.quarters if by == "quarter" else fact.period.months
            row = {"Kế hoạch": plan.label, "Đơn vị": fact.unit, "Hoạt động": fact.activity,
                   "Thời gian (như văn bản ghi)": fact.period.stated()}
            for i, name in enumerate(columns, start=1):
                row[name] = f"{MARK} [{n}]" if i in covered else ""
            row["Ghi chú"] = f"chỉ ghi {fact.period.label()}" if fact.period.half else ""
            row["Trích dẫn"] = f"[{n}] {plan.doc_id} [{fact.start}:{fact.end}]: {quote}"
            rows.append(row)
    return rows, cites


def citation_markdown(cite: CellCitation) -> str:
    r"""The line of a cell's citation for ``st.markdown``: the plan's label in bold, its quote in «…», both shown as
    text (a link, an image or a heading written in a plan line stays inert).

    >>> from ui.schedule import CellCitation as C
    >>> print(citation_markdown(C(1, "d", "KH 36", "Sở Y tế", "quý III", 0, 9, "![x](http://h/a) [b](c)")))
    **KH 36** — «\!\[x\]\(http\://h/a\) \[b\]\(c\)»
    """
    return f"**{escape_markdown(cite.label)}** — «{escape_markdown(cite.quote)}»"


def to_csv(rows: list[dict], columns: list[str] | None = None) -> bytes:
    """CSV (UTF-8 with BOM, so Excel opens Vietnamese text correctly); ``columns`` heads an empty table too.

    >>> to_csv([{"Đơn vị": "Sở Y tế", "Quý III": "✓ [1]"}]).decode("utf-8-sig").splitlines()
    ['Đơn vị,Quý III', 'Sở Y tế,✓ [1]']
    """
    out = io.StringIO()
    columns = columns or (list(rows[0]) if rows else [])
    if columns:
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(rows: list[dict], sheet: str = "Lịch kiểm tra") -> bytes:
    """An .xlsx workbook of the rows (openpyxl)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    if rows:
        header = list(rows[0])
        ws.append(header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append([row.get(h, "") for h in header])
        for i, name in enumerate(header, start=1):
            width = 60 if name == "Trích dẫn" else max(10, min(40, max(len(str(r.get(name, ""))) for r in rows)))
            ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = width
        for cells in ws.iter_rows(min_row=2):
            for cell in cells:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


__all__ = ["citation_markdown", "schedule_rows",
           "plan_choices", "to_csv", "to_xlsx", "CellCitation", "QUARTER_COLUMNS", "MONTH_COLUMNS"]
