"""Inspection-schedule facts as the index stores them (issue 14): the plain data and its JSON storage format.

Ingest writes them (``ingest.schedule.schedule_json``: one JSON string per document version, the "schedule" kind of
its derived facts, :mod:`index.derived_facts`); the answerer reads them back (``assistant.schedule``) from
``LexicalState.schedules``. Both use this
module, so the format lives in one place, with the index's other plain data.

>>> from textnorm.periods import find_periods
>>> period = find_periods("quý III/2030")[0][2]
>>> fact = ScheduleFact("Sở Y tế", "so", "kiểm tra", period, 0, 20, 0, 7, 8, 20)
>>> plan = PlanSchedule("kh-1", [fact], quotes={"0:20": "Sở Y tế: quý III/2030"})
>>> again = load_schedule(schedule_to_json(plan))
>>> again == plan, again.facts[0].is_inspection, again.quote(0, 20)
(True, True, 'Sở Y tế: quý III/2030')
>>> load_schedule(""), load_schedule("{not json")
(None, None)
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from textnorm.periods import Period


@dataclass(frozen=True)
class ScheduleFact:
    """One unit inspected (or reporting) in one period, as one plan states it."""

    unit: str  # "Sở Y tế"
    unit_kind: str  # so | ban | ubnd
    activity: str  # kiểm tra trực tiếp | kiểm tra | kiểm tra đột xuất | tự kiểm tra | báo cáo
    period: Period
    start: int  # the line or table row naming the unit: text[start:end]
    end: int
    unit_start: int  # the unit's name inside it
    unit_end: int
    period_start: int  # where the period is stated (may be another line)
    period_end: int
    doc_id: str = ""
    section: str = ""  # section path of the passage it was read from

    def to_dict(self) -> dict:
        d = asdict(self)
        d["period"] = self.period.to_dict()
        return d

    @staticmethod
    def from_dict(d: dict) -> "ScheduleFact":
        return ScheduleFact(**{**d, "period": Period.from_dict(d["period"])})

    @property
    def is_inspection(self) -> bool:
        return self.activity != "báo cáo"


@dataclass
class PlanSchedule:
    """The facts of one document and the inspection period the plan states for itself."""

    doc_id: str
    facts: list[ScheduleFact] = field(default_factory=list)
    periods: list[tuple[int, int, Period]] = field(default_factory=list)  # the plan's own inspection periods
    quotes: dict[str, str] = field(default_factory=dict)  # "start:end" → text[start:end] of every span above

    def quote(self, start: int, end: int) -> str:
        return self.quotes.get(f"{start}:{end}", "")

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "facts": [f.to_dict() for f in self.facts],
                "periods": [[s, e, p.to_dict()] for s, e, p in self.periods], "quotes": self.quotes}

    @staticmethod
    def from_dict(d: dict) -> "PlanSchedule":
        return PlanSchedule(d.get("doc_id", ""), [ScheduleFact.from_dict(f) for f in d.get("facts", [])],
                            [(s, e, Period.from_dict(p)) for s, e, p in d.get("periods", [])],
                            dict(d.get("quotes", {})))


def schedule_to_json(plan: PlanSchedule) -> str:
    """The stored form of a plan's schedule: compact JSON ("" when the plan states neither facts nor periods)."""
    if not plan.facts and not plan.periods:
        return ""
    return json.dumps(plan.to_dict(), ensure_ascii=False, separators=(",", ":"))


def load_schedule(raw: str) -> PlanSchedule | None:
    """A stored schedule, or None when absent or unreadable."""
    if not raw:
        return None
    try:
        return PlanSchedule.from_dict(json.loads(raw))
    except (ValueError, KeyError, TypeError):
        return None


__all__ = ["ScheduleFact", "PlanSchedule", "schedule_to_json", "load_schedule"]
