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


def clicked_citation(selection, cites: list[CellCitation]) -> int | None:
    """The citation number of the row whose cell was clicked in the schedule table (rows and citations are built
    together, one per fact, so row i is citation i + 1); None when nothing is selected.

    >>> from ui.schedule import CellCitation as C
    >>> cites = [C(1, "d", "KH", "Sở Y tế", "quý III", 0, 9, "q"), C(2, "d", "KH", "Sở Nội vụ", "quý IV", 9, 20, "r")]
    >>> clicked_citation({"rows": [], "columns": [], "cells": [(1, "Quý IV")]}, cites)
    2
    >>> clicked_citation({"rows": [0], "cells": []}, cites), clicked_citation({"cells": []}, cites)
    (1, None)
    """
    selection = selection or {}
    rows = [cell[0] for cell in selection.get("cells", ())] + list(selection.get("rows", ()))
    row = next((r for r in rows if isinstance(r, int) and 0 <= r < len(cites)), None)
    return None if row is None else cites[row].n


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


#: Columns of the Feedback page's CSV: one row per rating, with what was asked, answered and cited.
FEEDBACK_CSV_COLUMNS = ["thoi_gian", "danh_gia", "gop_y", "cau_hoi", "tiep_theo_cau_hoi", "che_do", "cau_tra_loi",
                        "so_trich_dan", "trich_dan"]


def feedback_csv(rows) -> bytes:
    """The Feedback page's ratings as CSV (:func:`to_csv`): "+1"/"-1", the comment, the question, the question it
    followed, the answer mode, the answer and its citations ("[n] label: «quote»" one per line).

    >>> from types import SimpleNamespace as R
    >>> r = R(created_at="2026-12-05T10:00:00", rating=-1, comment="thiếu Sở Y tế", question="Sở nào?", context="",
    ...       mode="grounded", answer_text="Sở Nội vụ [1]",
    ...       citations=[{"n": 1, "label": "KH 36", "quote": "Sở Nội vụ"}])
    >>> feedback_csv([r]).decode("utf-8-sig").splitlines()[1]
    '2026-12-05T10:00:00,-1,thiếu Sở Y tế,Sở nào?,,grounded,Sở Nội vụ [1],1,[1] KH 36: «Sở Nội vụ»'
    """
    out = []
    for r in rows:
        cites = [c for c in (r.citations or []) if isinstance(c, dict)]
        out.append(dict(zip(FEEDBACK_CSV_COLUMNS, (
            r.created_at, f"{r.rating:+d}", r.comment, r.question, r.context, r.mode, r.answer_text, len(cites),
            "\n".join(f"[{c.get('n', '')}] {c.get('label') or c.get('title', '')}: «{c.get('quote', '')}»"
                      for c in cites)))))
    return to_csv(out, FEEDBACK_CSV_COLUMNS)


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


__all__ = ["citation_markdown", "clicked_citation", "feedback_csv", "schedule_rows",
           "plan_choices", "to_csv", "to_xlsx", "CellCitation", "QUARTER_COLUMNS", "MONTH_COLUMNS"]
