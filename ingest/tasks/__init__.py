"""Reform tasks as facts (issue 22): who leads which task of a plan, with whom, by when — read from a built
document's appendix tables (:mod:`ingest.tasks.extract`) and its prose assignments (:mod:`ingest.tasks.prose`) at
ingest, stored as one kind of derived facts (:mod:`ingest.facts`), in the format of :mod:`index.task_facts`."""

from __future__ import annotations

from index.model import Document
from index.task_facts import PlanTasks, Span, tasks_to_json
from ingest.schedule.extract import plan_year
from ingest.tasks.extract import records_spans, table_tasks
from ingest.tasks.prose import prose_tasks


def extract_tasks(doc: Document) -> PlanTasks:
    """Every task the document assigns: its table rows, then its prose assignments, in document order."""
    year = plan_year(doc.metadata)  # the year a deadline without its own takes, as the schedule reads it
    table = table_tasks(doc, year)
    prose = prose_tasks(doc, year, [Span(s, e) for s, e in records_spans(doc.text)])
    return PlanTasks(doc.doc_id, sorted(table + prose, key=lambda t: t.row.start))


def tasks_json(doc) -> str:
    """The document's tasks as stored ("" when it assigns none).

    >>> from ingest.document import build_document
    >>> tasks_json(build_document("a", "a.txt", "Kiểm tra công tác CCHC."))
    ''
    """
    return tasks_to_json(extract_tasks(doc))


__all__ = ["extract_tasks", "tasks_json"]
