"""Metadata-only gold sets (issue 18: wide labelled samples): registered for ``--metadata`` only, never indexed for the
answer sets, every page with its address and a gold row of the shared keys."""

from __future__ import annotations

import json
import re

import pytest

from bench.eval_sets import DOC_FOLDERS, EVAL, GOLDS, SETS, metadata_report

SPLITS = json.loads((EVAL / "splits.json").read_text(encoding="utf-8"))
#: Metadata tune sets: gold without questions, every page in the tune half (fresh pages collected to tune the reader).
METADATA_TUNE = ("metadocs14",)
#: Gold sets without questions that are check only: the wide labelled samples.
METADATA_ONLY = tuple(name for name in GOLDS if name not in SETS and name not in METADATA_TUNE)
#: Fields of a gold metadata row, as in the shared real documents' gold file.
GOLD_KEYS = {"file", "so_hieu", "loai_van_ban", "co_quan", "tinh", "ngay_ban_hanh", "nam", "tieu_de", "nguoi_ky",
             "notes"}


def test_a_wide_sample_is_registered():
    assert "widedocs_b" in METADATA_ONLY


@pytest.mark.parametrize("name", METADATA_ONLY)
def test_a_metadata_only_set_is_check_only_and_not_indexed(name):
    assert name in SPLITS["check_only_sets"]
    assert GOLDS[name][1] not in DOC_FOLDERS


@pytest.mark.parametrize("name", METADATA_ONLY)
def test_every_page_has_its_address_and_a_gold_row_of_the_shared_keys(name):
    _assert_labelled_with_addresses(name, minimum=40)


@pytest.mark.parametrize("name", METADATA_ONLY)
def test_a_metadata_only_set_is_scored_all_in_its_check_half(name):
    head = metadata_report(SPLITS, names=(name,)).splitlines()[0]
    n = len(list(GOLDS[name][1].iterdir()))
    assert "tune (0)" in head and f"check ({n})" in head


@pytest.mark.parametrize("name", METADATA_TUNE)
def test_a_metadata_tune_set_is_tune_only_not_indexed_and_fully_labelled(name):
    docs = GOLDS[name][1]
    assert name not in SPLITS["check_only_sets"] and name not in SETS and docs not in DOC_FOLDERS
    assert not {p.name for p in docs.iterdir()} & set(SPLITS["check_docs"])
    _assert_labelled_with_addresses(name, minimum=20)


@pytest.mark.parametrize("name", METADATA_TUNE)
def test_a_metadata_tune_set_is_scored_all_in_its_tune_half(name):
    head = metadata_report(SPLITS, names=(name,)).splitlines()[0]
    n = len(list(GOLDS[name][1].iterdir()))
    assert f"tune ({n})" in head and "check (0)" in head


def _assert_labelled_with_addresses(name: str, minimum: int) -> None:
    """Every page of set ``name`` has one gold row of the shared keys (a date agreeing with its year) and an address
    in ``sources.tsv``; the set holds at least ``minimum`` pages."""
    gold, docs = GOLDS[name]
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    files = {p.name for p in docs.iterdir()}
    assert {r["file"] for r in rows} == files and len(rows) == len(files) >= minimum
    assert all(set(r) == GOLD_KEYS for r in rows)
    assert all(re.fullmatch(r"(\d{4}-\d{2}-\d{2})?", r["ngay_ban_hanh"]) for r in rows)
    assert all(not r["ngay_ban_hanh"] or r["ngay_ban_hanh"][:4] == r["nam"] for r in rows)
    sources = [line.split("\t") for line in (docs.parent / "sources.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    assert {s[0] for s in sources} == files and all(s[1].startswith(("http://", "https://")) for s in sources)
