"""Hand-made task facts of the bundled Kiên Giang plan 189/KH-UBND (its appendix, as the cleaner writes it: one
"Mục N." record per row), with exact offsets — what the task answerer and the task view are tested on until the
extraction at ingest (issue 22, item 1) lands. Not an extractor: the reform areas are given by hand (the cleaned text
does not keep the area rows), and the record form read here is the one this document's cleaning produces."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from index.lexical import LexicalIndex
from index.lexical_state import LexicalState
from index.task_facts import PlanTasks, Span, Stage, TaskFact, tasks_to_json
from textnorm.periods import find_periods, fold_same_length

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "corpus" / "kien-giang-2020-189-KH-UBND-ke-hoach-cchc-2021.txt"
#: The appendix's reform areas, in order, with how many rows each holds (from the original table).
AREAS = (("I. CẢI CÁCH THỂ CHẾ", 4), ("II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 5),
         ("III. CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", 2), ("IV. CẢI CÁCH CÔNG VỤ", 2), ("V. CẢI CÁCH TÀI CHÍNH CÔNG", 5),
         ("VI. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ", 7),
         ("VII. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 6))
RECORD = re.compile(r"Mục (?P<n>\d+)\.\nNội dung: (?P<content>[^\n]*)\nSản phẩm: (?P<product>[^\n]*)\n"
                    r"Cơ quan chủ trì: (?P<lead>[^\n]*)\nCơ quan phối hợp: (?P<partners>[^\n]*)\n"
                    r"Thời gian ban hành: (?P<deadline>[^\n]*)")
RECURRING = (("thuong xuyen", "thuong_xuyen"), ("theo giai doan", "theo_giai_doan"), ("trong nam", "hang_nam"))


def stages(cell: str) -> tuple[Stage, ...]:
    """The stages of a deadline cell: one per ";"-separated part, each with its label and its period."""
    out = []
    for part in (p.strip(" -.") for p in cell.split(";")):
        found = find_periods(part)
        folded = fold_same_length(part).lower()
        if found:
            label = part[:found[0][0]].strip(" -:")
            out.append(Stage("" if len(cell.split(";")) == 1 else label, found[0][2]))
            continue
        hit = next(((folded.index(word), kind) for word, kind in RECURRING if word in folded), None)
        if hit:
            out.append(Stage(part[:hit[0]].strip() if ";" in cell else "", None, hit[1]))
    return tuple(out)


def bundled_plan(text: str, doc_id: str) -> PlanTasks:
    """The 31 rows of the appendix as facts; every span points into ``text``. A text holding other rows in the same
    form (a synthetic copy of the plan, for the bench) gives their facts without reform areas."""
    start = text.find("PHỤ LỤC")
    records = list(RECORD.finditer(text, max(start, 0)))
    areas = [area for area, n in AREAS for _ in range(n)]
    if len(records) != len(areas):
        areas = [""] * len(records)
    facts = []
    for area, m in zip(areas, records, strict=True):
        def span(name, m=m):
            return Span(m.start(name), m.end(name))

        facts.append(TaskFact(doc_id, area=area, content=m["content"], product=m["product"], lead=m["lead"],
                              partners=(m["partners"],), deadline_text=m["deadline"], stages=stages(m["deadline"]),
                              row=Span(m.start(), m.end()), content_span=span("content"), lead_span=span("lead"),
                              partner_spans=(span("partners"),), deadline_span=span("deadline"),
                              product_span=span("product"), number=m["n"], source_form="table"))
    return PlanTasks(doc_id, facts)


def bundled_document():
    from ingest.document import build_document

    return build_document("kg-189", BUNDLED.name, BUNDLED.read_text(encoding="utf-8"))


def fake_state(plans: dict[str, tuple[PlanTasks, dict]]):
    """A lexical state holding documents' records and their task facts (``derived["tasks"]``)."""
    records = {doc_id: SimpleNamespace(doc_id=doc_id, metadata=md, title=md.get("tieu_de", ""), source=f"{doc_id}.txt")
               for doc_id, (_, md) in plans.items()}
    return records_state(records, {"tasks": {d: tasks_to_json(p) for d, (p, _) in plans.items()}})


def records_state(records: dict, derived: dict | None = None) -> LexicalState:
    """A lexical state of no passage over document records and their derived facts (what the task answerer reads)."""
    return LexicalState(LexicalIndex.build([], []), {}, None, records, derived or {})
