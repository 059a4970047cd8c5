"""A search asks Chroma for nothing whose cost grows with the index beyond the ANN query (issue 21, item 5; not even
that with an exact dense top, session 22): no count, no unfiltered get; what it fetches is the chosen passages by id.
Counted with spies around Chroma's collection."""

from __future__ import annotations

import pytest

from retriever.hybrid import HybridRetriever, SearchFilters

QUESTIONS = ("Những sở nào được kiểm tra trong quý III năm 2021?", "thoi gian kiem tra cchc cua ha nam",
             "Kế hoạch số 36/KH-UBND quy định gì?")



@pytest.mark.parametrize("dense", ["approximate", "exact"])
@pytest.mark.parametrize("filters", [None, SearchFilters(provinces=("Hà Nam",))])
def test_a_search_makes_one_ann_query_and_fetches_its_results_by_id(hashed_index, chroma_calls, filters, dense):
    """One ANN query per search (DENSE_SEARCH=approximate), none when the dense top is exact (its vectors are read
    once per index state, with the lexical state: ``tests/test_exact_dense.py``)."""
    from index.store import IndexStore

    settings, _ = hashed_index
    store = IndexStore(settings.with_overrides(dense_search=dense))
    retriever = HybridRetriever(store)
    retriever.search(QUESTIONS[0], k=5, filters=filters)  # the lexical state is read (and checked) once here
    chroma_calls.clear()
    for question in QUESTIONS:
        results = retriever.search(question, k=5, filters=filters)
        assert results
    names = [name for name, _ in chroma_calls]
    assert names.count("query") == (len(QUESTIONS) if dense == "approximate" else 0) and "count" not in names
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


def _docs_reads(calls) -> int:
    """Reads of the document records (a get without ids: every record)."""
    return sum(1 for name, kwargs in calls if name == "get" and not kwargs.get("ids"))


def test_the_freshness_check_reads_the_records_only_after_a_write(hashed_index, chroma_calls, tmp_path):
    """Each app instance checks every few seconds whether another one wrote: one stamp read by id, and the records
    (which grow with the index) only when the stamp changed."""
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths

    settings, reader = hashed_index
    reader.freshness_seconds = 0.0  # every search checks, as one does after a few seconds
    writer = IndexStore(settings)  # another instance (the upload page of another process)
    reader.lexical()
    chroma_calls.clear()
    for _ in range(3):
        reader.lexical()
    assert _docs_reads(chroma_calls) == 0, "nothing was written: the records are not read again"
    plan = tmp_path / "ke-hoach-moi.txt"
    plan.write_text("KẾ HOẠCH\nKiểm tra công tác cải cách hành chính năm 2030 tại Sở Nội vụ.", encoding="utf-8")
    ingest_paths([plan], settings, writer)
    assert "ke-hoach-moi" in reader.lexical().records, "another instance's write is seen at the next check"
    writer.delete_document("ke-hoach-moi")
    assert "ke-hoach-moi" not in reader.lexical().records


def test_an_index_written_before_stamps_is_checked_by_its_records(hashed_index, chroma_calls):
    settings, reader = hashed_index
    reader._pointer.delete(ids=["written:" + reader.generation])  # as an older version of the app left it
    reader.freshness_seconds = 0.0
    reader.lexical()
    chroma_calls.clear()
    reader.lexical()
    assert _docs_reads(chroma_calls) == 1


def test_a_documents_passages_are_fetched_by_their_ids(hashed_index, chroma_calls):
    """The answerer's scan of a leading document, and a document read whole, look its passages up by id: a filter on
    the metadata costs a scan that grows with the index."""
    _, store = hashed_index
    record = max(store.records().values(), key=lambda r: r.n_passages)
    chroma_calls.clear()
    by_id = store.passages_of(record.doc_id, record.version, record.n_passages)
    document = store.get_document(record.doc_id)
    assert not [kwargs for _, kwargs in chroma_calls if kwargs.get("where")]
    assert len(by_id) == record.n_passages and document.passages == tuple(by_id)
    assert by_id == store.passages_of(record.doc_id, record.version), "the same passages as the filter finds"
    assert [p.start for p in by_id] == sorted(p.start for p in by_id)
