"""The test tiers keep their promise (issue 21, item 8): a test is put in its tier by what it uses, `make test-fast`
leaves out exactly the slow tiers, and the indexes a session shares are only read."""

from __future__ import annotations

import re
import tomllib

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, SLOW_TIERS, index_state, tier_markers


def _app_test():
    return AppTest.from_file("app.py")


def _page_helper():
    return _app_test().run()


def _runs_a_page():
    assert _page_helper() is not None


def _first_start(library):
    assert library.ensure_index()


def _plain(settings):
    assert settings.data_dir.name == "data"


#: Test-shaped functions whose tier is checked; reached through this table, so that the tests checking them do not
#: take their tier (a test's tier follows the suite's functions it names).
PROBES = {"page": _runs_a_page, "first start": _first_start, "plain": _plain}


def test_fast_tier_leaves_out_exactly_the_registered_slow_tiers():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    fast = re.search(r"^FAST_TIER := (.+)$", makefile, re.M).group(1)
    assert set(re.findall(r"not (\w+)", fast)) == set(SLOW_TIERS)
    assert set(re.findall(r"\b(?:and|or)\s+(\w+)", fast)) <= {"not"}  # only "not X and not Y …"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    registered = {m.split(":")[0] for m in pyproject["tool"]["pytest"]["ini_options"]["markers"]}
    assert registered == set(SLOW_TIERS)


def test_a_test_that_runs_a_page_is_in_the_app_tier_even_through_two_helpers():
    assert tier_markers(PROBES["page"]) == {"app"}


def test_the_service_first_start_indexes_the_corpus():
    assert tier_markers(PROBES["first start"], ["library"]) == {"index"}


def test_fixtures_name_their_tier_and_a_plain_test_has_none():
    assert tier_markers(PROBES["plain"], ["settings", "tmp_path"]) == set()
    assert tier_markers(PROBES["plain"], ["real_index"]) == {"model"}
    assert tier_markers(None, ["driver", "chroma_server"]) == {"browser", "server"}


def test_index_state_sees_a_write_and_not_a_read(hashed_index, tmp_path):
    from ingest.pipeline import ingest_paths
    from retriever.hybrid import HybridRetriever

    settings, store = hashed_index
    before = index_state(settings, store)
    assert HybridRetriever(store).search("Sở Nội vụ chủ trì kiểm tra", k=3)
    assert index_state(settings, store) == before  # a search is a read
    (tmp_path / "kh-moi.txt").write_text("KẾ HOẠCH\nKiểm tra công tác cải cách hành chính năm 2024.\n",
                                         encoding="utf-8")
    ingest_paths([tmp_path / "kh-moi.txt"], settings, store)
    assert index_state(settings, store) != before
