"""Our question sets as data: every question checkable against its own document, every document in one half."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench.eval_sets import EVAL, GOLDS, SETS, metadata_report, split_questions
from textnorm import fold_for_match as fold

NEWDOCS = EVAL / "newdocs"
#: Our sets of real documents, each a folder with docs/, metadata.jsonl, questions.jsonl and sources.tsv.
DOC_SETS = ("newdocs", "freshdocs", "freshdocs2", "freshdocs3", "freshdocs4", "freshdocs5", "freshdocs6",
            "freshdocs7", "freshdocs8", "freshdocs9", "freshdocs10", "freshdocs11", "freshdocs12", "freshdocs13",
            "freshdocs14", "freshdocs15", "freshdocs16", "freshdocs17", "freshdocs18", "freshdocs19",
            "freshdocs20")
#: The fresh sets nobody tunes on: every document and question in the check half (``check_only_sets``).
FRESH_SETS = ("freshdocs", "freshdocs2", "freshdocs3", "freshdocs4", "freshdocs5", "freshdocs6", "freshdocs7",
              "freshdocs8", "freshdocs9", "freshdocs10", "freshdocs11", "freshdocs12", "freshdocs13", "freshdocs14",
              "freshdocs15", "freshdocs16", "freshdocs17", "freshdocs18", "freshdocs19",
              "freshdocs20")
SPLITS = json.loads((EVAL / "splits.json").read_text(encoding="utf-8"))
#: Fields of a gold metadata row, as in the shared real documents' gold file.
GOLD_KEYS = {"file", "so_hieu", "loai_van_ban", "co_quan", "tinh", "ngay_ban_hanh", "nam", "tieu_de", "nguoi_ky",
             "notes"}


def _questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


#: New questions written blind over pages of these tune sets (no documents of their own).
FRESHQ12_SOURCES = ("freshdocs2", "freshdocs3", "freshdocs5", "freshdocs6", "freshdocs7")


#: Each blind question set of our own and the sets whose pages its questions are over.
BLIND_QUESTION_SOURCES = {"freshq12": FRESHQ12_SOURCES}


def _owners(name: str) -> set[str]:
    """The pages that own the questions of the blind question set ``name``."""
    return {SPLITS["question_docs"][q["id"]] for q in _questions(SETS[name])}


#: New questions of session 17 written blind over pages of newdocs (its own halves kept) and freshdocs (pages lent).
FRESHQ13_SOURCES = ("newdocs", "freshdocs")
BLIND_QUESTION_SOURCES["freshq13"] = FRESHQ13_SOURCES

#: Questions of session 18 weighted to refusals, over pages of seven tune sets (each page keeps the half it has).
FRESHQ14_SOURCES = ("freshdocs", "freshdocs2", "freshdocs3", "freshdocs5", "freshdocs6", "freshdocs7", "newdocs")
BLIND_QUESTION_SOURCES["freshq14"] = FRESHQ14_SOURCES

#: Questions of session 19 about which document (the right page has a near twin), over the same seven sets' pages.
FRESHQ15_SOURCES = FRESHQ14_SOURCES
BLIND_QUESTION_SOURCES["freshq15"] = FRESHQ15_SOURCES

#: Questions of session 27 weighted to refusals, over the released pages of the judges of sessions 12-18.
FRESHQ16_SOURCES = ("freshdocs8", "freshdocs9", "freshdocs10", "freshdocs11", "freshdocs12")
BLIND_QUESTION_SOURCES["freshq16"] = FRESHQ16_SOURCES

#: Questions of session 28 weighted to refusals, over the released pages of freshdocs9-11 and of freshdocs13 (released
#: in session 28, nobody had tuned on it).
FRESHQ17_SOURCES = ("freshdocs9", "freshdocs10", "freshdocs11", "freshdocs13")
BLIND_QUESTION_SOURCES["freshq17"] = FRESHQ17_SOURCES

#: The blind sets that lend pages of the check-only fresh sets to the tune half (the others keep each page's half).
LENDING_SETS = ("freshq12", "freshq13", "freshq16", "freshq17")


def test_every_new_document_is_in_exactly_one_half():
    docs = {p.name for p in (NEWDOCS / "docs").iterdir()}
    tune, check = set(SPLITS["tune_docs"]) & docs, set(SPLITS["check_docs"]) & docs
    assert len(docs) >= 25 and tune | check == docs and not tune & check


@pytest.mark.parametrize("name", DOC_SETS)
def test_every_question_of_our_real_documents_is_owned_and_literal_in_its_document(name):
    for q in _questions(SETS[name]):
        assert q["id"] in SPLITS["question_docs"], q["id"]
        owner = SPLITS["question_docs"][q["id"]]
        if q["abstain"]:
            assert owner is None and not q["evidence"] and not q["facts"], q["id"]
            continue
        text = fold((EVAL / name / "docs" / owner).read_text(encoding="utf-8"))
        for group in q["evidence"] + q["facts"]:
            assert any(fold(alt) in text for alt in group), (q["id"], group)


def test_both_halves_of_the_new_set_have_answerable_and_unanswerable_questions():
    halves = split_questions(SETS["newdocs"], SPLITS)
    for qs in halves.values():
        assert any(q["abstain"] for q in qs) and sum(not q["abstain"] for q in qs) >= 20


@pytest.mark.parametrize("name", DOC_SETS)
def test_gold_metadata_covers_every_document_with_the_shared_keys(name):
    rows = _questions(EVAL / name / "metadata.jsonl")
    assert {r["file"] for r in rows} == {p.name for p in (EVAL / name / "docs").iterdir()}
    assert all(set(r) == GOLD_KEYS for r in rows)
    assert all(re.fullmatch(r"(\d{4}-\d{2}-\d{2})?", r["ngay_ban_hanh"]) for r in rows)
    assert all(not r["ngay_ban_hanh"] or r["ngay_ban_hanh"][:4] == r["nam"] for r in rows)


@pytest.mark.skipif(not all(g.is_file() for g, _ in GOLDS.values()), reason="../shared/eval/realdocs is absent")
def test_metadata_report_scores_each_gold_file_by_the_halves_of_the_splits():
    report = metadata_report(SPLITS)
    assert "realdocs" in report and "newdocs" in report
    n_check = len(set(SPLITS["check_docs"]) & {p.name for p in (NEWDOCS / "docs").iterdir()})
    assert f"check ({n_check})" in report
    for name in FRESH_SETS:  # a fresh set is all check
        n = len(list((EVAL / name / "docs").iterdir()))
        head = next(line for line in report.splitlines() if line.startswith(f"{name} "))
        assert "tune (0)" in head and f"check ({n})" in head, head


@pytest.mark.parametrize("name", DOC_SETS)
def test_every_document_of_our_real_documents_has_its_address(name):
    rows = [line.split("\t") for line in (EVAL / name / "sources.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    assert {r[0] for r in rows} == {p.name for p in (EVAL / name / "docs").iterdir()}
    assert all(r[1].startswith(("http://", "https://")) for r in rows)


@pytest.mark.parametrize("name", FRESH_SETS)
def test_a_fresh_set_is_all_check_and_owns_every_question(name):
    docs = {p.name for p in (EVAL / name / "docs").iterdir()}
    assert name in SPLITS["check_only_sets"]
    lent = set(SPLITS["tune_docs"]) & set().union(*map(_owners, LENDING_SETS))  # lent to tune
    assert len(docs) >= 14 and docs <= set(SPLITS["check_docs"]) | lent
    assert not docs & set(SPLITS["check_docs"]) & set(SPLITS["tune_docs"])
    owners = {SPLITS["question_docs"][q["id"]] for q in _questions(SETS[name])}
    assert docs <= owners  # every fresh document is asked about


@pytest.mark.parametrize("name", FRESH_SETS)
def test_a_check_only_set_puts_every_question_in_the_check_half_refusals_included(name):
    questions = _questions(SETS[name])
    halves = split_questions(SETS[name], SPLITS, name)
    assert halves["tune"] == [] and halves["check"] == questions
    assert sum(q["abstain"] for q in questions) >= 4 and sum(not q["abstain"] for q in questions) >= 25


def test_the_sets_of_real_documents_share_no_document_and_no_question_id():
    names = [p.name for name in DOC_SETS for p in (EVAL / name / "docs").iterdir()]
    ids = [q["id"] for name in DOC_SETS for q in _questions(SETS[name])]
    assert len(names) == len(set(names)) and len(ids) == len(set(ids))


@pytest.mark.skipif(not all(path.is_file() for path in SETS.values()), reason="../shared/eval is absent")
def test_no_question_id_is_used_by_two_sets():
    """``splits.json``'s ``question_docs`` is keyed by id alone: an id reused by another set (ours or the shared ones,
    whose ids a new set's author may not list) would give one question the other's page (session 25: freshdocs17's
    first ids U01–U66 met the shared realdocs' U01, U02)."""
    ids = [q["id"] for path in SETS.values() for q in _questions(path)]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_a_metadata_report_for_one_half_prints_no_line_of_the_other():
    """``--metadata --verbose --half tune`` prints the tune half's mismatches only (a tuner never reads a check
    half's lines); the shares of both halves stay printed."""
    both = metadata_report(SPLITS, verbose=True, names=("widedocs_a",))
    tune = metadata_report(SPLITS, verbose=True, names=("widedocs_a",), half="tune")
    assert "[check]" in both  # the sample has check-half mismatches to hide
    assert "[check]" not in tune
    assert tune.splitlines()[:9] == both.splitlines()[:9]


@pytest.mark.skipif(not all(g.is_file() for g, _ in GOLDS.values()), reason="../shared/eval/realdocs is absent")
def test_metadata_report_shows_a_fresh_set_as_check_only():
    """A set's report alone, as ``--metadata --sets`` asks for it (the test above checks every fresh set's halves in
    the whole report)."""
    name = FRESH_SETS[0]
    report = metadata_report(SPLITS, names=(name,))  # that set alone: every set's report costs ≈ 10 s
    block = report[report.index(f"{name} "):]
    n = len(list((EVAL / name / "docs").iterdir()))
    assert "tune (0)" in block.splitlines()[0] and f"check ({n})" in block.splitlines()[0]
    assert "—" in block.splitlines()[1]


#: Wide labelled samples, metadata only (no questions, not indexed), one per helper of session 9.
WIDE_SETS_WA = ("widedocs_a",)


@pytest.mark.parametrize("name", WIDE_SETS_WA)
def test_a_wide_sample_is_a_registered_metadata_only_check_set_with_gold_and_addresses(name):
    docs = {p.name for p in (EVAL / name / "docs").iterdir()}
    rows = _questions(EVAL / name / "metadata.jsonl")
    assert len(docs) >= 40 and {r["file"] for r in rows} == docs and all(set(r) == GOLD_KEYS for r in rows)
    assert all(re.fullmatch(r"(\d{4}-\d{2}-\d{2})?", r["ngay_ban_hanh"]) for r in rows)
    sources = [line.split("\t") for line in (EVAL / name / "sources.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    assert {r[0] for r in sources} == docs and all(r[1].startswith(("http://", "https://")) for r in sources)
    assert name in SPLITS["check_only_sets"] and name in GOLDS and name not in SETS


def _halves_of_owned_literal_questions(name: str, min_answerable: int) -> None:
    """Check every question of the blind set ``name``: owned by one page of its sources (a refusal by the page it is
    a near miss of), evidence and facts literal in it; each page in exactly one half; both halves hold refusals and
    at least ``min_answerable`` answerable questions."""
    pages = {p.name: p for source in BLIND_QUESTION_SOURCES[name] for p in (EVAL / source / "docs").iterdir()}
    for q in _questions(SETS[name]):
        owner = SPLITS["question_docs"][q["id"]]
        assert owner in pages, q["id"]
        refusal_kind = q["kind"] == "unanswerable" or q["kind"].startswith("refuse_")  # freshq14 names its class
        assert q["abstain"] == refusal_kind and bool(q["evidence"]) != q["abstain"], q["id"]
        text = fold(pages[owner].read_text(encoding="utf-8"))
        for group in q["evidence"] + q["facts"]:
            assert any(fold(alt) in text for alt in group), (q["id"], group)
    owners = _owners(name)
    tune, check = owners & set(SPLITS["tune_docs"]), owners & set(SPLITS["check_docs"])
    assert tune | check == owners and not tune & check and name not in SPLITS["check_only_sets"]
    for qs in split_questions(SETS[name], SPLITS, name).values():
        assert sum(q["abstain"] for q in qs) >= 5 and sum(not q["abstain"] for q in qs) >= min_answerable


def test_freshq12_questions_are_literal_in_their_page_and_split_by_page():
    """Each question of the five tune sets' pages literal in its page; halves by page (tune 27 pages, check 26)."""
    _halves_of_owned_literal_questions("freshq12", min_answerable=20)


@pytest.mark.parametrize("name", ["freshq12", "freshq13", "freshq14", "freshq15", "freshq16", "freshq17"])
def test_blind_question_ids_are_unique_across_every_set(name):
    """``question_docs`` is keyed by id alone: no other set may hold a ``Q001``-, ``X001``- or ``R001``-style id."""
    ids = {q["id"] for q in _questions(SETS[name])}
    others = {q["id"] for other, path in SETS.items() if other != name and path.is_file() for q in _questions(path)}
    clash = ids & others  # only the clashing ids are shown on failure
    assert len(ids) == len(_questions(SETS[name])) and not clash


def test_freshq13_questions_are_literal_in_their_page_and_split_by_page():
    """Each question of newdocs' and freshdocs' pages literal in its page; a newdocs page keeps newdocs' own half."""
    _halves_of_owned_literal_questions("freshq13", min_answerable=25)
    assert "newdocs" not in SPLITS["check_only_sets"]  # newdocs' halves are its own: freshq13 follows them


def test_freshq14_questions_are_literal_in_their_page_and_split_by_page():
    """Each question literal in its page, each page in one half (the one it already had); both halves weighted to
    refusals (about as many to refuse as to answer)."""
    _halves_of_owned_literal_questions("freshq14", min_answerable=15)
    halves = split_questions(SETS["freshq14"], SPLITS, "freshq14")
    assert all(sum(q["abstain"] for q in qs) >= 15 for qs in halves.values())


def test_freshq15_questions_are_literal_in_their_page_and_split_by_page():
    """Each question literal in its page, each page in one half (the one it already had); both halves hold about as
    many answerable questions as freshq14's and at least ten refusals."""
    _halves_of_owned_literal_questions("freshq15", min_answerable=20)
    halves = split_questions(SETS["freshq15"], SPLITS, "freshq15")
    assert all(sum(q["abstain"] for q in qs) >= 10 for qs in halves.values())


def test_an_index_is_completed_even_when_no_file_was_copied(tmp_path, monkeypatch):
    """An index missing documents (a killed first build, documents deleted from a copy) is ingested again before it
    is scored, although every corpus file is already in place (on main before session 24 it was scored as it was)."""
    import bench.eval_sets as eval_sets

    (tmp_path / "data").mkdir()
    calls = []
    monkeypatch.setattr(eval_sets, "sync_corpus", lambda corpus, *folders: 0)
    monkeypatch.setattr(eval_sets.subprocess, "run", lambda args, **kw: calls.append((args, kw["env"]["DATA_DIR"])))
    eval_sets.build_index(tmp_path, "python")
    assert calls == [(["python", "-m", "ingest"], str(tmp_path / "data"))]


@pytest.mark.parametrize("name, min_answerable, min_refusals", [("freshq16", 20, 14), ("freshq17", 18, 13)])
def test_a_blind_set_over_released_pages_is_literal_and_split_by_page(name, min_answerable, min_refusals):
    """Each question literal in its page, the released pages split by page (freshq16: freshdocs8-12, 25 pages lent to
    tune, 26 kept in check; freshq17: freshdocs9-11 and 13, 22 lent, 21 kept); both halves hold at least
    ``min_answerable`` answerable questions and ``min_refusals`` refusals."""
    _halves_of_owned_literal_questions(name, min_answerable=min_answerable)
    halves = split_questions(SETS[name], SPLITS, name)
    assert all(sum(q["abstain"] for q in qs) >= min_refusals for qs in halves.values())
