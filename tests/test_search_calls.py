"""A search asks Chroma for nothing whose cost grows with the index beyond the ANN query (issue 21, item 5): no count,
no unfiltered get; what it fetches is the chosen passages by id. Counted with spies around Chroma's collection."""

from __future__ import annotations

import pytest
from chromadb.api.models.Collection import Collection

from retriever.hybrid import HybridRetriever, SearchFilters

QUESTIONS = ("Những sở nào được kiểm tra trong quý III năm 2021?", "thoi gian kiem tra cchc cua ha nam",
             "Kế hoạch số 36/KH-UBND quy định gì?")


@pytest.fixture
def chroma_calls(monkeypatch) -> list[tuple[str, dict]]:
    """Every call of a Chroma collection's count, get and query from now on: (method, keyword arguments)."""
    calls: list[tuple[str, dict]] = []
    for name in ("count", "get", "query"):
        real = getattr(Collection, name)

        def spy(self, *args, real=real, name=name, **kwargs):
            calls.append((name, kwargs))
            return real(self, *args, **kwargs)

        monkeypatch.setattr(Collection, name, spy)
    return calls


@pytest.mark.parametrize("filters", [None, SearchFilters(provinces=("Hà Nam",))])
def test_a_search_makes_one_ann_query_and_fetches_its_results_by_id(hashed_index, chroma_calls, filters):
    _, store = hashed_index
    retriever = HybridRetriever(store)
    retriever.search(QUESTIONS[0], k=5, filters=filters)  # the lexical state is read (and checked) once here
    chroma_calls.clear()
    for question in QUESTIONS:
        results = retriever.search(question, k=5, filters=filters)
        assert results
    names = [name for name, _ in chroma_calls]
    assert names.count("query") == len(QUESTIONS) and "count" not in names
    gets = [kwargs for name, kwargs in chroma_calls if name == "get"]
    assert len(gets) == len(QUESTIONS), "one fetch of the chosen passages per search"
    assert all(len(kwargs.get("ids") or ()) <= 5 and not kwargs.get("where") for kwargs in gets)


def test_an_empty_index_is_searched_without_a_count(store, chroma_calls):
    """Chroma answers a query on an empty collection with nothing: the count that guarded it is gone."""
    vector = store.embedder.embed_query("kiểm tra")
    _ = store.passages  # the collections are opened (the generation read) once per store, not per search
    chroma_calls.clear()
    assert store.dense_search(vector, 5) == []
    assert [name for name, _ in chroma_calls] == ["query"]
