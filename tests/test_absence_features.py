"""The separation table of ``bench.absence_features``: its AUC, its threshold at half the refusals not made, the
subject words' share, and the judge sets it refuses to read."""

from __future__ import annotations

import pytest

from bench.absence_features import auc, doc_features, document_table, main, separation, word_share


def test_auc_counts_must_refuse_below_answerable_ties_half():
    assert auc([0.1, 0.2], [0.5, 0.9]) == 1.0
    assert auc([0.9], [0.1]) == 0.0
    assert auc([0.5], [0.5]) == 0.5


def test_separation_reads_answered_rows_only():
    rows = [{"must": True, "subject_first": 0.1, "facts": None},
            {"must": True, "subject_first": 0.3, "facts": None},
            {"must": False, "subject_first": 0.2, "facts": 1.0},
            {"must": False, "subject_first": 0.9, "facts": 0.5},
            {"must": True, "refused": True, "facts": None}]  # refused: no features, not counted
    table = separation(rows)
    assert "2 must refuse, 2 answerable, 1 with every fact" in table
    line = next(x for x in table.splitlines() if x.startswith("subject_first"))
    assert line.split()[1:3] == ["0.75", "0.100"]  # AUC; the threshold refusing half of the 2
    assert line.split()[4:] == ["0/2", "0"]


def test_a_subject_word_is_read_through_the_abbreviations():
    assert word_share({"cai": 1.0, "cach": 1.0}, "Kiểm tra công tác CCHC") == 1.0
    assert word_share({"papi": 3.0, "xep": 1.0}, "xếp hạng SIPAS") == 0.25


def test_judge_sets_are_refused():
    with pytest.raises(SystemExit):
        main(["--load", "rows.json", "--tune-sets", "freshdocs14"])


def _doc(tinh="", nam="", places=(), years=(), spans=()):
    return {"tinh": tinh, "nam": nam, "kind": "tinbai", "places": list(places), "years": list(years),
            "spans": [list(s) for s in spans], "bodies": [], "opening": ""}


def _row(must, lead, others=(), margin=0.5, years=("2023",), places=("Cà Mau",)):
    info = {"lead": lead, **{f"d{i}": d for i, d in enumerate(others)}}
    return {"id": "Q", "must": must, "facts": None if must else 1.0, "margin": margin, "q_places": list(places),
            "q_places_wide": list(places), "q_years": list(years), "lead": "lead", "cited": ["lead"],
            "retrieved": list(info), "body_in": None, "kind_in": None, "doc_info": info}


def test_document_features_read_the_lead_the_cited_and_the_retrieved_documents():
    other_year = _row(True, _doc(places=["Bạc Liêu"], years=["2019"]), [_doc(tinh="Cà Mau", nam="2023")])
    f = doc_features(other_year)
    assert (f["year_lead"], f["year_cited"], f["year_any"]) == (False, False, True)
    assert (f["place_lead"], f["place_lead_not_other"], f["place_any"]) == (False, False, True)
    assert f["body_lead"] is None and f["kind_lead"] is None  # the question names no body, no kind
    period = doc_features(_row(False, _doc(spans=[(2021, 2025)])))
    assert period["year_lead"] is True and period["place_lead_not_other"] is True  # a page naming no province


def test_document_table_counts_a_conjunction_with_the_margin():
    rows = [_row(True, _doc(years=["2019"]), margin=0.2), _row(False, _doc(years=["2019"]), margin=0.8),
            _row(False, _doc(years=["2023"]), margin=0.1)]
    line = next(x for x in document_table(rows).splitlines() if x.startswith("year_lead "))
    cells = line.split()
    assert cells[1:3] == ["1/2", "0.75"]  # 1 must, 2 answerable; AUC: below the True one (1), tied with the other (½)
    assert cells[3:5] == ["1/1(1)", "1/1(1)"]  # alone, and under a margin of 1.0
    assert cells[5] == "1/0(0)"  # under 0.5 the answerable page of another year is kept
