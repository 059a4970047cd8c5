"""Derived facts: what ingest reads from a built document's cleaned text beside its passages, in one step.

Each kind of facts (:data:`index.model.FACT_KINDS`) has one extractor, a function of the built document that returns
its facts as JSON ("" when the document states none). :func:`derive_facts` runs them all; a failing extractor is
logged and yields "" for its kind — a fact is an addition and never stops the ingest. The facts are stored with the
document version in the index's facts collection (:mod:`index.derived_facts`) and read back as
``LexicalState.derived`` (kind → doc_id → JSON). A correction of the document's fields re-derives them
(:mod:`ingest.corrections`), since periods without a year take the plan's.

>>> from ingest.document import build_document
>>> doc = build_document("a", "a.txt", "Giao Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản QPPL, "
...                      "hoàn thành trước ngày 30/6/2030.")
>>> sorted(doc.facts), doc.schedule
(['tasks'], '')
>>> derive_facts(doc, {"tasks": _failing})["tasks"]
''
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from index.model import SCHEDULE_FACTS, TASK_FACTS, Document

log = logging.getLogger(__name__)

#: An extractor: the built document → its facts of one kind as JSON ("" when it states none).
Extractor = Callable[[Document], str]


def _schedule(doc: Document) -> str:
    from ingest.schedule import schedule_json

    return schedule_json(doc)


def _tasks(doc: Document) -> str:
    from ingest.tasks import tasks_json

    return tasks_json(doc)


#: The extractor of each kind of facts, in the order they run.
EXTRACTORS: dict[str, Extractor] = {SCHEDULE_FACTS: _schedule, TASK_FACTS: _tasks}


def _failing(doc: Document) -> str:
    raise ValueError("an extractor that cannot follow the text")


def derive_facts(doc: Document, extractors: dict[str, Extractor] | None = None) -> dict[str, str]:
    """Kind → facts JSON of the document, "" for a kind it does not state or whose extractor failed."""
    out: dict[str, str] = {}
    for kind, extract in (EXTRACTORS if extractors is None else extractors).items():
        try:
            out[kind] = extract(doc)
        except Exception:  # noqa: BLE001 - a derived fact is an addition: one kind that fails never stops the ingest
            log.warning("Không rút được dữ kiện loại %s của %s", kind, doc.doc_id, exc_info=True)
            out[kind] = ""
    return out


def with_facts(doc: Document) -> Document:
    """The document with its derived facts (only the kinds it states)."""
    return dataclasses.replace(doc, facts={k: v for k, v in derive_facts(doc).items() if v})


__all__ = ["EXTRACTORS", "Extractor", "derive_facts", "with_facts"]
