"""What readers derive from a lexical state is kept in the state's memo (index.lexical_state.LexicalState.memo):
computed once per state, started afresh by a new state, and dropped with the state it came from."""

from __future__ import annotations

import dataclasses
import gc
import weakref
from pathlib import Path

from assistant import schedule, tasks
from index.derived_facts import by_kind, pack_facts
from index.lexical import passage_terms
from index.lexical_state import build_lexical_state
from index.store import DocRecord
from ingest.document import build_document
from retriever.features import province_names

PLAN = Path(__file__).parent / "fixtures" / "schedules" / "cao-bang-2030-40-KH-UBND-kiem-tra-van-xuoi.txt"


def _state():
    """The state of one indexed plan that schedules inspections (Cao Bằng)."""
    doc = build_document("cb", "cb.txt", PLAN.read_text(encoding="utf-8"))
    records = {"cb": DocRecord("cb", "cb.txt", doc.title, "v1", doc.metadata, len(doc.passages))}
    rows = [(p, doc.metadata, passage_terms(p.text, segment=False)) for p in doc.passages]
    return build_lexical_state(rows, records, "f", None, by_kind({"cb": pack_facts(doc.facts)}))


def _derive_everything(state) -> tuple:
    """Everything the retriever and the answerers derive from a state, as they derive it."""
    texts = tasks._texts_of(state, lambda doc_id: "văn bản " + doc_id)
    return (province_names(state), schedule.schedule_plans(state), schedule._unit_keys(state),
            tasks.task_plans(state), texts("cb"))


def test_derived_data_is_computed_once_per_state(monkeypatch):
    state = _state()
    first = _derive_everything(state)
    assert first[0] == {"Cao Bằng": {"Cao Bằng"}} and [p.doc_id for p in first[1]] == ["cb"] and first[2]
    monkeypatch.setattr(schedule, "load_schedule", lambda raw: (_ for _ in ()).throw(AssertionError("read again")))
    again = _derive_everything(state)
    assert all(a is b for a, b in zip(first[:4], again[:4])), "the same objects: nothing derived twice"


def test_a_new_state_starts_empty():
    state = _state()
    plans = schedule.schedule_plans(state)
    fresh = dataclasses.replace(state, records=dict(state.records))  # what IndexStore.lexical makes of new records
    assert schedule.schedule_plans(fresh) is not plans and [p.doc_id for p in schedule.schedule_plans(fresh)] == ["cb"]
    assert province_names(fresh) is not province_names(state)


def test_an_old_state_is_collected_once_nobody_reads_it():
    state = _state()
    _derive_everything(state)
    gone = weakref.ref(state)
    del state  # the store moved to a newer state; no question has read that one yet
    gc.collect()
    assert gone() is None, "no module-level cache may keep an old state (and its BM25 matrix) alive"
