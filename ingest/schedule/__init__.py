"""Inspection schedules as facts (issue 14): who is inspected when, read from a built document at ingest.

The facts of a document are one kind of its derived facts (:mod:`ingest.facts`), stored with the other kinds in one
item per document version in the index's facts collection (``index.store.IndexStore.facts_items``), written before
the document's record and superseded versions removed after it, exactly like passages: they are replaced and removed
atomically with the document, and shared by every app instance of a Chroma server. They are read once when the
lexical state is built (``LexicalState.derived["schedule"]``, also ``LexicalState.schedules``),
not on the frequent freshness check of the records (measured: with the facts inside the records, that check read
~10× more data at 10k passages and answer p95 rose to ~300 ms). Their data model and storage format are plain index
data (:mod:`index.schedule_facts`), read back by the answerer; the unit grammar is :mod:`textnorm.units`.
"""

from __future__ import annotations

import logging

from index.schedule_facts import schedule_to_json
from ingest.schedule.extract import extract_schedule

log = logging.getLogger(__name__)


def schedule_json(doc) -> str:
    """The document's schedule as stored in its record ("" when it states none, or when the reader cannot follow
    it: a schedule never stops the ingest).

    >>> from ingest.document import build_document
    >>> schedule_json(build_document("a", "a.txt", "Sở Nội vụ chủ trì."))
    ''
    """
    try:
        plan = extract_schedule(doc)
    except (ValueError, LookupError) as exc:  # offsets or periods the reader cannot follow: no schedule, go on
        log.warning("Không đọc được lịch kiểm tra của %s: %s", doc.doc_id, exc, exc_info=True)
        return ""
    return schedule_to_json(plan)


__all__ = ["extract_schedule", "schedule_json"]
