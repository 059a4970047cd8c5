"""The lexical state and its cache (index.lexical_state, index.accents, index.lexical); the store's notes on it."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from index.accents import ACCENT_MODEL_FILE, load_accent_model
from index.lexical import LexicalIndex, idf, passage_terms
from index.lexical_state import (
    PASSAGES_FILE,
    PASSAGES_FORMAT,
    build_lexical_state,
    load_lexical_state,
    passage_data,
)
from index.model import OPENING_SECTION, Passage

TEXTS = ("Kế hoạch kiểm tra công tác cải cách hành chính năm 2021",
         "Thời gian kiểm tra: quý III/2021.",
         "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;",
         "Sở Nội vụ chủ trì, phối hợp với các sở, ngành.")
KINDS = ("title", "list", "basis", "text")
SECTIONS = (OPENING_SECTION, "II. THỜI GIAN", OPENING_SECTION, "III. TỔ CHỨC THỰC HIỆN")
DOCUMENT = {"tinh": "Kiên Giang", "nam": "2021", "ky_ke_hoach": "2021", "loai_van_ban": "Kế hoạch"}


def _rows():
    passages = [Passage(f"kh@1#{i}", "kh", text, 0, len(text), section, kind)
                for i, (text, kind, section) in enumerate(zip(TEXTS, KINDS, SECTIONS))]
    return [(p, DOCUMENT, passage_terms(p.text, segment=False)) for p in passages]


def test_built_state_is_saved_and_loads_back_the_same(tmp_path):
    folder = tmp_path / "lexical"
    built = build_lexical_state(_rows(), {}, "stamp", folder, {"kh": "{}"})
    assert {p.name for p in folder.iterdir()} == {ACCENT_MODEL_FILE, "meta.json", PASSAGES_FILE, "weights.npz"}
    lex = LexicalIndex.load(folder)
    loaded = load_lexical_state(folder, lex, {}, {"kh": "{}"})
    assert loaded.meta == built.meta and lex.fingerprint == "stamp"
    assert loaded.doc_ids == ["kh"] and loaded.passage_docs.tolist() == [0, 0, 0, 0]
    assert loaded.restorer.restore("kiem tra") == "kiểm tra"
    assert np.allclose(lex.scores({"~kiem": 1.0}), built.index.scores({"~kiem": 1.0}))
    assert loaded is not built and loaded != built, "a state is one snapshot: states compare by identity"


def test_passage_data_is_plain_data_about_the_passage_and_its_document():
    rows = _rows()
    data = [passage_data(p, document) for p, document, _ in rows]
    assert [d["kind"] for d in data] == list(KINDS) and [d["section"] for d in data] == list(SECTIONS)
    assert [d["dated"] for d in data] == [False, True, False, False]  # a cited document's date is not a time
    assert data[0]["years"] == ["2021"] and data[0]["tinh"] == "Kiên Giang"
    assert not {"time", "opening", "title"} & set(data[0]), "features are the retriever's (retriever.features)"


def test_a_cache_of_the_previous_format_is_refused(tmp_path):
    folder = tmp_path / "lexical"
    state = build_lexical_state(_rows(), {}, "stamp", folder)
    (folder / PASSAGES_FILE).write_text(json.dumps(state.meta), encoding="utf-8")  # format 1: no version
    with pytest.raises(ValueError, match="định dạng cũ"):
        load_lexical_state(folder, LexicalIndex.load(folder), {}, {})
    assert PASSAGES_FORMAT == 3  # 3: each passage says whether it is written in English


@pytest.mark.parametrize("name, garbage", [
    ("meta.json", b"[]"),
    ("meta.json", json.dumps({"format": 2, "ids": [], "vocab": {}}).encode()),  # no k1, b
    ("weights.npz", b"PK\x03\x04\x14\x00\x00\x00\x08\x00garbage"),
    (PASSAGES_FILE, b'{"format": 2, "passages": []}'),
    (ACCENT_MODEL_FILE, b'{"unigrams": 1, "bigrams": [], "total": 0}'),
    (ACCENT_MODEL_FILE, b"[]"),
])
def test_damage_of_any_cache_file_is_a_value_error(tmp_path, name, garbage):
    folder = tmp_path / "lexical"
    build_lexical_state(_rows(), {}, "stamp", folder)
    (folder / name).write_bytes(garbage)
    with pytest.raises(ValueError):
        load_lexical_state(folder, LexicalIndex.load(folder), {}, {})


def test_accent_model_missing_is_a_value_error(tmp_path):
    with pytest.raises(ValueError, match="thiếu hoặc bị hỏng"):
        load_accent_model(tmp_path)


def test_idf_is_the_weight_bm25_uses_and_the_answerer_computes():
    from assistant.grounded import idf_table

    state = build_lexical_state(_rows(), {}, "stamp", None)
    index = state.index
    n = len(index)
    for term in ("kiem", "noi", "thoi"):
        df = index.document_frequency("~" + term)
        assert df > 0
        assert idf_table(state)(term) == pytest.approx(float(idf(df, n)), rel=1e-6)
    # a term found once, in one passage of four: its BM25 weight is idf × (k1 + 1) / (1 + k1 × length norm)
    row = index.vocab["~chu_tri"]
    (passage,) = index.weights[row].indices
    lengths = [len(terms) for _, _, terms in _rows()]
    norm = index.k1 * (1 - index.b + index.b * lengths[passage] / (sum(lengths) / n))
    expected = math.log(1 + (n - 1 + 0.5) / 1.5) * (index.k1 + 1) / (1 + norm)
    assert index.weights[row, passage] == pytest.approx(expected, rel=1e-5)


def test_store_keeps_only_the_latest_notes(hashed_index):
    from index.store import IndexStore

    settings, store = hashed_index
    for doc_id in sorted(store.records())[1:]:  # one document left: each of the 23 rebuilds below stays cheap
        store.delete_document(doc_id)
    store = IndexStore(settings)
    store.freshness_seconds = 0.0
    meta_path = settings.lexical_dir / "meta.json"
    for _ in range(23):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["fingerprint"] = "0" * 16
        meta_path.write_text(json.dumps(meta), encoding="utf-8")
        store.invalidate()
        store.lexical()
    assert store.messages == ["Chỉ mục từ khóa cũ hơn Chroma: đã dựng lại từ Chroma."] * 20


def test_store_rebuilds_a_cache_of_the_previous_format_and_says_so(hashed_index):
    from index.store import IndexStore

    settings, store = hashed_index
    state = store.lexical()
    path = settings.lexical_dir / PASSAGES_FILE
    path.write_text(json.dumps({pid: {"doc_id": m["doc_id"], "time": False, "opening": False, "title": False}
                                for pid, m in state.meta.items()}), encoding="utf-8")
    fresh = IndexStore(settings)
    assert fresh.lexical().meta == state.meta
    assert any("định dạng cũ" in m for m in fresh.messages), fresh.messages
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == PASSAGES_FORMAT
