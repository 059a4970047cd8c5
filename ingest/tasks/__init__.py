"""Reform tasks as facts (issue 22): who leads which task of a plan, with whom, by when — read from a built
document's appendix tables and its prose assignments at ingest (:mod:`ingest.tasks.extract`), stored as one kind of
derived facts (:mod:`ingest.facts`), in the format of :mod:`index.task_facts`."""

from __future__ import annotations

from index.task_facts import tasks_to_json
from ingest.tasks.extract import extract_tasks


def tasks_json(doc) -> str:
    """The document's tasks as stored ("" when it assigns none).

    >>> from ingest.document import build_document
    >>> tasks_json(build_document("a", "a.txt", "Kiểm tra công tác CCHC."))
    ''
    """
    return tasks_to_json(extract_tasks(doc))


__all__ = ["extract_tasks", "tasks_json"]
