"""Reform tasks as facts (issue 22): who leads which task of a plan, with whom, by when — the plain data and its
JSON storage format, shared by ingest (which reads them from appendix tables and prose) and the answerer and task
view (which read them back), like :mod:`index.schedule_facts`.

Every span is an offset pair into the document's cleaned text, so each fact cites its row.

>>> from textnorm.periods import find_periods
>>> text = "1 | Rà soát TTHC | Kế hoạch | Sở Tư pháp | Sở Nội vụ | Quý I/2030"
>>> q1 = find_periods(text)[0][2]
>>> fact = TaskFact("kh-1", area="I. CẢI CÁCH THỂ CHẾ", content="Rà soát TTHC", product="Kế hoạch",
...     lead="Sở Tư pháp", partners=("Sở Nội vụ",), deadline_text="Quý I/2030", stages=(Stage("", q1),),
...     row=Span(0, len(text)), content_span=Span(4, 16), lead_span=Span(30, 40), partner_spans=(Span(43, 52),),
...     deadline_span=Span(55, 65))
>>> plan = PlanTasks("kh-1", [fact])
>>> again = load_tasks(tasks_to_json(plan))
>>> again == plan, text[again.tasks[0].lead_span.start:again.tasks[0].lead_span.end]
(True, 'Sở Tư pháp')
>>> load_tasks(""), load_tasks("{not json"), tasks_to_json(PlanTasks("kh-2"))
(None, None, '')
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from textnorm.periods import Period


@dataclass(frozen=True)
class Span:
    """``text[start:end]`` of the document's cleaned text."""

    start: int
    end: int


@dataclass(frozen=True)
class Stage:
    """One stage of a deadline: "XD kế hoạch Quý I; thực hiện quý IV" has two (("XD kế hoạch", quý I), ("thực hiện",
    quý IV)); a plain deadline has one with an empty label. ``period`` is None for a deadline without a date
    ("thường xuyên", "theo giai đoạn ổn định"): ``recurring`` then says which."""

    label: str
    period: Period | None
    recurring: str = ""  # "" | thuong_xuyen | theo_giai_doan | hang_nam | hang_quy | hang_thang

    def to_dict(self) -> dict:
        return {"label": self.label, "period": self.period.to_dict() if self.period else None,
                "recurring": self.recurring}

    @staticmethod
    def from_dict(d: dict) -> "Stage":
        period = d.get("period")
        return Stage(d.get("label", ""), Period.from_dict(period) if period else None, d.get("recurring", ""))


@dataclass(frozen=True)
class TaskFact:
    """One task of one plan: its reform area, content, product, lead agency, partners and deadline, each with the span
    it was read from (``None``/empty when the plan does not state it)."""

    doc_id: str
    area: str  # the reform area (section heading) the task stands under, "" when none
    content: str
    product: str  # Kế hoạch | Báo cáo | Quyết định | …, "" when not stated
    lead: str  # cơ quan chủ trì, as written
    partners: tuple[str, ...]  # cơ quan phối hợp, as written
    deadline_text: str  # as written: "XD kế hoạch Quý I; thực hiện quý IV"
    stages: tuple[Stage, ...]  # the deadline read as periods (empty when unread)
    row: Span  # the whole row or sentence: the citation
    content_span: Span
    lead_span: Span | None
    partner_spans: tuple[Span, ...] = ()
    deadline_span: Span | None = None
    product_span: Span | None = None
    area_span: Span | None = None
    number: str = ""  # the task's number in its table ("1", "2.3"), "" when none
    source_form: str = ""  # table | prose: how the task was stated

    def to_dict(self) -> dict:
        d = asdict(self)
        d["stages"] = [s.to_dict() for s in self.stages]
        return d

    @staticmethod
    def from_dict(d: dict) -> "TaskFact":
        def span(v):
            return Span(**v) if v else None

        return TaskFact(**{**d, "partners": tuple(d.get("partners", ())),
                           "stages": tuple(Stage.from_dict(s) for s in d.get("stages", ())),
                           "row": Span(**d["row"]), "content_span": Span(**d["content_span"]),
                           "lead_span": span(d.get("lead_span")),
                           "partner_spans": tuple(Span(**s) for s in d.get("partner_spans", ())),
                           "deadline_span": span(d.get("deadline_span")),
                           "product_span": span(d.get("product_span")), "area_span": span(d.get("area_span"))})


@dataclass
class PlanTasks:
    """The task facts of one document."""

    doc_id: str
    tasks: list[TaskFact] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "tasks": [t.to_dict() for t in self.tasks]}

    @staticmethod
    def from_dict(d: dict) -> "PlanTasks":
        return PlanTasks(d.get("doc_id", ""), [TaskFact.from_dict(t) for t in d.get("tasks", [])])


def tasks_to_json(plan: PlanTasks) -> str:
    """The stored form of a plan's tasks: compact JSON ("" when the plan states none)."""
    if not plan.tasks:
        return ""
    return json.dumps(plan.to_dict(), ensure_ascii=False, separators=(",", ":"))


def load_tasks(raw: str) -> PlanTasks | None:
    """Stored tasks, or None when absent or unreadable."""
    if not raw:
        return None
    try:
        return PlanTasks.from_dict(json.loads(raw))
    except (ValueError, KeyError, TypeError):
        return None


__all__ = ["Span", "Stage", "TaskFact", "PlanTasks", "tasks_to_json", "load_tasks"]
