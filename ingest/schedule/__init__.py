"""Inspection schedules as facts (issue 14): who is inspected when, read from a built document at ingest.

The facts of a document are stored as one JSON string per document version in the index's schedule collection
(``index.store.IndexStore.schedule_items``), written before the document's record and superseded versions removed
after it, exactly like passages: they are replaced and removed atomically with the document, and shared by every
app instance of a Chroma server. They are read once when the lexical state is built (``LexicalState.schedules``),
not on the frequent freshness check of the records (measured: with the facts inside the records, that check read
~10× more data at 10k passages and answer p95 rose to ~300 ms).
"""

from __future__ import annotations

import json
import logging

from ingest.schedule.extract import PlanSchedule, ScheduleFact, extract_schedule, plan_year

log = logging.getLogger(__name__)


def schedule_json(doc) -> str:
    """The document's schedule as stored in its record ("" when it states none; never raises).

    >>> from ingest.document import build_document
    >>> schedule_json(build_document("a", "a.txt", "Sở Nội vụ chủ trì."))
    ''
    """
    try:
        plan = extract_schedule(doc)
    except Exception as exc:  # noqa: BLE001 - a schedule the reader cannot follow must not stop the ingest
        log.warning("Không đọc được lịch kiểm tra của %s: %s", doc.doc_id, exc)
        return ""
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


__all__ = ["PlanSchedule", "ScheduleFact", "extract_schedule", "schedule_json", "load_schedule", "plan_year"]
