"""BM25's k1 and b are settings (BM25_K1, BM25_B) the store builds its lexical index with, saves with it, and checks
when it loads it: a cache built with other values is rebuilt."""

from __future__ import annotations

import json

import numpy as np
import pytest

from errors import SettingsError
from index.lexical import K1, B, LexicalIndex, passage_terms
from index.lexical_state import build_lexical_state
from index.model import Passage
from settings import Settings, load_settings


def test_settings_default_to_the_named_constants():
    assert (Settings().bm25_k1, Settings().bm25_b) == (K1, B)


def test_settings_read_them_from_the_environment_and_refuse_what_bm25_cannot_use():
    s = load_settings({"BM25_K1": "0.9", "BM25_B": "0.4"})
    assert (s.bm25_k1, s.bm25_b) == (0.9, 0.4)
    assert load_settings({"BM25_K1": "0", "BM25_B": "1"}).bm25_b == 1.0  # binary term weights, full normalisation
    for environ, name in (({"BM25_K1": "-1"}, "BM25_K1"), ({"BM25_K1": "nan"}, "BM25_K1"),
                          ({"BM25_B": "1.5"}, "BM25_B"), ({"BM25_B": "-0.1"}, "BM25_B")):
        with pytest.raises(SettingsError, match=name):
            load_settings(environ)


def test_built_state_saves_the_values_it_was_built_with(tmp_path):
    text = "Sở Nội vụ kiểm tra công tác cải cách hành chính."
    rows = [(Passage("a@1#0", "a", text, 0, len(text), ""), {}, passage_terms(text, segment=False))]
    state = build_lexical_state(rows, {}, "stamp", tmp_path / "lexical", k1=0.9, b=0.4)
    assert (state.index.k1, state.index.b) == (0.9, 0.4)
    loaded = LexicalIndex.load(tmp_path / "lexical")
    assert (loaded.k1, loaded.b) == (0.9, 0.4)
    saved = json.loads((tmp_path / "lexical" / "meta.json").read_text(encoding="utf-8"))
    assert (saved["k1"], saved["b"]) == (0.9, 0.4)


def test_store_builds_with_the_settings_values_and_rebuilds_a_cache_of_others(hashed_index):
    from index.store import IndexStore

    settings, store = hashed_index
    default = store.lexical()
    assert (default.index.k1, default.index.b) == (K1, B)
    other = IndexStore(settings.with_overrides(bm25_k1=2.0, bm25_b=0.3))
    rebuilt = other.lexical()
    assert (rebuilt.index.k1, rebuilt.index.b) == (2.0, 0.3)
    assert any("k1=1.2, b=0.75" in m and "k1=2, b=0.3" in m for m in other.messages), other.messages
    assert rebuilt.index.ids == default.index.ids
    query = {"~kiem": 1.0, "~tra": 1.0}
    assert not np.allclose(rebuilt.index.scores(query), default.index.scores(query))
    assert (LexicalIndex.load(settings.lexical_dir).k1, LexicalIndex.load(settings.lexical_dir).b) == (2.0, 0.3)
    again = IndexStore(settings.with_overrides(bm25_k1=2.0, bm25_b=0.3))
    again.lexical()
    assert again.messages == [], "a cache of the configured values is loaded, not rebuilt"
