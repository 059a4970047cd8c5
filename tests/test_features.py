"""Retrieval features read off the index's plain passage data (retriever.features)."""

from __future__ import annotations

import pytest

from index.lexical import LexicalIndex
from index.lexical_state import LexicalState
from index.model import OPENING_SECTION
from retriever import features
from retriever.features import documents_where, is_opening, is_title, province_names, states_time
from textnorm.diacritics import DiacriticRestorer

PASSAGES = {  # passage id → (doc_id, province as the document writes it, type)
    "hn:0": ("hn", "Ha Noi", "Kế hoạch"),
    "hn:1": ("hn", "Ha Noi", "Kế hoạch"),
    "hn2:0": ("hn2", "Hà Nội", "Quyết định"),
    "kg:0": ("kg", "Kiên Giang", "Kế hoạch"),
    "x:0": ("x", "", "Tin bài"),
}


def _state() -> LexicalState:
    ids = list(PASSAGES)
    meta = {pid: {"doc_id": d, "tinh": t, "loai_van_ban": kind} for pid, (d, t, kind) in PASSAGES.items()}
    return LexicalState(LexicalIndex.build(ids, [["a"]] * len(ids)), meta, DiacriticRestorer.from_texts([]))


@pytest.mark.parametrize("meta, time, opening, title", [
    ({"kind": "title", "section": OPENING_SECTION, "dated": True}, True, True, True),
    ({"kind": "text", "section": OPENING_SECTION, "dated": False}, False, True, False),
    ({"kind": "list", "section": OPENING_SECTION, "dated": True}, True, True, False),
    ({"kind": "basis", "section": OPENING_SECTION, "dated": True}, False, False, False),
    ({"kind": "signature", "section": "Phần kết thúc", "dated": True}, True, False, False),
    ({"kind": "text", "section": "II. THỜI GIAN", "dated": True}, True, False, False),
    ({}, False, False, False),
])
def test_passage_features(meta, time, opening, title):
    assert (states_time(meta), is_opening(meta), is_title(meta)) == (time, opening, title)


def test_province_names_group_the_names_documents_use_and_are_computed_once_per_state(monkeypatch):
    calls = []
    key = features.province_key
    monkeypatch.setattr(features, "province_key", lambda name: calls.append(name) or key(name))
    state = _state()
    names = province_names(state)
    assert names == {"Hà Nội": {"Ha Noi", "Hà Nội"}, "Kiên Giang": {"Kiên Giang"}}
    assert sorted(calls) == ["Ha Noi", "Hà Nội", "Kiên Giang"]  # once per document with a province
    assert province_names(state) is names and len(calls) == 3
    assert province_names(_state()) == names and len(calls) == 6, "another state is computed afresh"


def test_documents_where_masks_passages_by_their_document():
    state = _state()
    mask = documents_where(state, lambda doc_id, m: m.get("loai_van_ban") == "Kế hoạch")
    assert [pid for pid, keep in zip(state.index.ids, mask) if keep] == ["hn:0", "hn:1", "kg:0"]
    assert not documents_where(state, lambda doc_id, m: doc_id == "none").any()
