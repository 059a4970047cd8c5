"""LangChain's standard retriever tests, plus the metadata contract, over the bundled corpus (hashing embedder)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from langchain_core.documents import Document
from langchain_tests.integration_tests import RetrieversIntegrationTests

from retriever.langchain import CCHCRetriever

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
QUERY = "Sở Nội vụ chủ trì kiểm tra công tác cải cách hành chính"
METADATA_KEYS = {"id", "doc_id", "title", "source", "section", "start", "end", "score", "rank", "tinh", "nam",
                 "so_hieu", "loai_van_ban"}


@pytest.fixture(scope="module")
def hybrid(tmp_path_factory, _hashed_data):
    """A HybridRetriever over a copy of the session's hashing-embedder index of the corpus (built once per run)."""
    from index.store import IndexStore
    from retriever.hybrid import HybridRetriever
    from settings import load_settings

    data = tmp_path_factory.mktemp("lc-index") / "data"
    shutil.copytree(_hashed_data, data)
    settings = load_settings({}, embedding_model="hashing:64", data_dir=data, corpus_dir=CORPUS)
    return HybridRetriever(IndexStore(settings))


@pytest.mark.anyio  # runs the async standard test (test_ainvoke_returns_documents); no effect on sync tests
class TestCCHCRetrieverStandard(RetrieversIntegrationTests):
    """The standard suite reads ``retriever_constructor_params`` inside each test, after fixtures ran: the
    module-scoped index is handed over by the autouse fixture below."""

    _hybrid = None

    @pytest.fixture
    def anyio_backend(self):
        return "asyncio"

    @pytest.fixture(autouse=True)
    def _use_index(self, hybrid):
        type(self)._hybrid = hybrid

    @property
    def retriever_constructor(self) -> type[CCHCRetriever]:
        return CCHCRetriever

    @property
    def retriever_constructor_params(self) -> dict:
        return {"retriever": self._hybrid, "k": 5}

    @property
    def retriever_query_example(self) -> str:
        return QUERY


def test_documents_carry_passage_and_document_metadata(hybrid):
    docs = CCHCRetriever(retriever=hybrid, k=4).invoke(QUERY)
    assert len(docs) == 4
    for rank, doc in enumerate(docs, 1):
        assert isinstance(doc, Document)
        assert set(doc.metadata) == METADATA_KEYS
        md = doc.metadata
        assert md["rank"] == rank
        assert md["source"].startswith("corpus/") and (ROOT / md["source"]).is_file()
        stored = hybrid.store.get_document(md["doc_id"])
        assert stored.text[md["start"]:md["end"]] == doc.page_content
        assert md["tinh"] == stored.metadata.get("tinh", "")
        assert doc.id == md["id"]
    scores = [d.metadata["score"] for d in docs]
    assert scores == sorted(scores, reverse=True)


def test_per_call_filters_and_mode(hybrid):
    lc = CCHCRetriever(retriever=hybrid, k=5, filters={"provinces": ["Kiên Giang"]})
    docs = lc.invoke(QUERY)
    assert docs and {d.metadata["tinh"] for d in docs} == {"Kiên Giang"}
    docs = lc.invoke(QUERY, filters={"years": "2022"}, mode="lexical", k=2)
    assert len(docs) == 2 and {d.metadata["nam"] for d in docs} == {"2022"}


@pytest.mark.parametrize("query", ["", "   ", "?!...", "😀😀"])
def test_meaningless_query_gives_no_documents(hybrid, query):
    assert CCHCRetriever(retriever=hybrid).invoke(query) == []


def test_bad_mode_is_rejected(hybrid):
    with pytest.raises(ValueError):
        CCHCRetriever(retriever=hybrid).invoke(QUERY, mode="fuzzy")
