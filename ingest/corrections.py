"""Administrators' corrections applied to a document (storage and format: :mod:`index.corrections`).

Ingest applies the stored corrections over what it read whenever it writes a document (:func:`apply_stored`), so a
re-index, a rebuild and a restart keep them; saving one (:meth:`ingest.service.DocumentLibrary.correct`) re-applies
the document's corrections to what the index holds, under the ingest lock: its record, its passages (which carry the
document's fields into the search) and its derived facts (whose periods take the plan's year). The new record's
stamp makes every instance's BM25 state rebuild at its next fingerprint check.

>>> from index.model import Passage
>>> doc = Document("a", "a.txt", "a", "Kế hoạch kiểm tra.", {"tinh": "Bắc Kạn", "nam": "2021", "tieu_de": ""},
...                (Passage("a#0", "a", "Kế hoạch kiểm tra.", 0, 18, metadata={"tinh": "Bắc Kạn"}),))
>>> fixed = corrected_document(doc, {"tinh": "Sơn La", "tieu_de": "Kiểm tra CCHC"})
>>> fixed.metadata["tinh"], fixed.passages[0].metadata["tinh"], fixed.title, fixed.metadata["da_sua"]
('Sơn La', 'Sơn La', 'Kiểm tra CCHC', '{"tieu_de": "", "tinh": "Bắc Kạn"}')
"""

from __future__ import annotations

import dataclasses

from index.corrections import FIELDS, fields_of, overlay
from index.model import Document


def corrected_document(doc: Document, fields: dict[str, str]) -> Document:
    """``doc`` with ``fields`` over what its text gave (earlier corrections undone first): its metadata, the copy of
    it each passage carries, its title and its derived facts (schedules, tasks)."""
    from ingest.facts import with_facts

    metadata = overlay(doc.metadata, fields)
    changed = {k: metadata.get(k, "") for k in FIELDS}
    passages = tuple(dataclasses.replace(p, metadata={**p.metadata, **{k: v for k, v in changed.items()
                                                                        if k in p.metadata or v}})
                     for p in doc.passages)
    fixed = dataclasses.replace(doc, metadata=metadata, passages=passages,
                                title=metadata.get("tieu_de") or doc.doc_id)
    return with_facts(fixed)


def apply_stored(doc: Document, documents: dict[str, dict]) -> Document:
    """``doc`` as ingest read it, with the corrections stored for its source (unchanged when there are none)."""
    fields = fields_of(documents, doc.source)
    return corrected_document(doc, fields) if fields else doc


def merged_fields(stored: dict[str, str], read: dict, wanted: dict[str, str | None]) -> dict[str, str]:
    """The corrections to keep: the stored ones with ``wanted`` over them; a field set back to what the text gave
    (or to ``None``) is no longer a correction.

    >>> merged_fields({"tinh": "Sơn La"}, {"tinh": "Bắc Kạn", "nam": "2021"}, {"nam": "2022", "tinh": "Bắc Kạn"})
    {'nam': '2022'}
    """
    fields = dict(stored)
    for key, value in wanted.items():
        if value is None or value == str(read.get(key, "")):
            fields.pop(key, None)
        else:
            fields[key] = value
    return fields


__all__ = ["corrected_document", "apply_stored", "merged_fields"]
