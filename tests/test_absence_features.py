"""The separation table of ``bench.absence_features``: its AUC, its threshold at half the refusals not made, the
subject words' share, and the judge sets it refuses to read."""

from __future__ import annotations

import pytest

from bench.absence_features import auc, main, separation, word_share


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
        main(["--load", "rows.json", "--tune-sets", "freshdocs8"])
