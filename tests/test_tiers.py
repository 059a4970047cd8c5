"""The test tiers keep their promise (issue 21, item 8): a test is put in its tier by what it uses, `make test-fast`
leaves out exactly the slow tiers, and the indexes a session shares are only read."""

from __future__ import annotations

import re
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import (
    COSTLIEST_FIRST,
    ROOT,
    SLOW_TIERS,
    built_once,
    costliest_modules_first,
    index_state,
    private_copy,
    tier_markers,
)


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


# -- the run's shared indexes under pytest-xdist (tests/conftest.py built_once) ---------------------------------------
class _Worker:
    """The ``tmp_path_factory`` of one pytest-xdist worker of a run whose folder is ``run``."""

    def __init__(self, run, name):
        self.base = run / f"popen-{name}"

    def getbasetemp(self):
        return self.base

    def mktemp(self, name):
        folder = self.base / name
        folder.mkdir(parents=True)
        return folder


def _counting_build(built: list):
    def build(folder):
        time.sleep(0.2)  # long enough for a second worker to arrive while the first builds
        (folder / "chi-muc.txt").write_text("Sở Nội vụ", encoding="utf-8")
        built.append(folder)
    return build


def test_the_workers_of_a_run_build_a_shared_folder_once_and_each_reads_its_own_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    built: list = []
    workers = [_Worker(tmp_path, "gw0"), _Worker(tmp_path, "gw1")]
    with ThreadPoolExecutor(2) as pool:  # both ask at once: the second waits on the lock, then finds it built
        folders = list(pool.map(lambda w: built_once(w, "chi-muc", _counting_build(built)), workers))
    assert len(built) == 1 and folders == [tmp_path / "chi-muc"] * 2
    copies = [private_copy(w, folders[0], "chi-muc") for w in workers]
    (copies[0] / "chi-muc.txt").write_text("Sở Tư pháp", encoding="utf-8")
    assert (folders[0] / "chi-muc.txt").read_text(encoding="utf-8") == "Sở Nội vụ"
    assert (copies[1] / "chi-muc.txt").read_text(encoding="utf-8") == "Sở Nội vụ"


def test_a_build_that_died_half_way_is_built_again_and_a_plain_run_keeps_to_its_own_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    run = _Worker(tmp_path, "plain")

    def dies(folder):
        (folder / "nua-chung.txt").write_text("", encoding="utf-8")
        raise OSError("hết chỗ trên đĩa")

    with pytest.raises(OSError):
        built_once(run, "chi-muc", dies)
    built: list = []
    folder = built_once(run, "chi-muc", _counting_build(built))
    assert built == [folder] and folder.parent == run.base  # not the folder other runs share
    assert sorted(p.name for p in folder.iterdir()) == ["chi-muc.txt"]
    assert built_once(run, "chi-muc", _counting_build(built)) == folder and len(built) == 1


def test_make_test_runs_every_test_on_workers_a_module_on_one():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    options = re.search(r"^test: .*\n\t.* -m pytest(.*)$", makefile, re.M).group(1).split()
    assert not {"-m", "-k", "--lf", "-x"} & set(options)  # every test, whatever fails
    assert "-n" in options and options[options.index("--dist") + 1] == "loadfile"
    assert "--no-loadscope-reorder" in options  # the order tests/conftest.py gives (costliest modules first) holds


def test_workers_get_the_costliest_modules_first_each_module_whole():
    def item(nodeid, *tiers):
        return SimpleNamespace(nodeid=nodeid, iter_markers=lambda: [SimpleNamespace(name=t) for t in tiers])

    items = [item("tests/test_a.py::test_1"), item("tests/test_a.py::test_2", "model"),
             item("tests/test_b.py::test_1"), item("textnorm/folding.py::textnorm.folding.fold"),
             item("tests/test_c.py::test_1", "parametrize"), item("tests/test_c.py::test_2", "browser")]
    costliest_modules_first(items)
    assert [i.nodeid for i in items] == [
        "tests/test_c.py::test_1", "tests/test_c.py::test_2", "tests/test_a.py::test_1", "tests/test_a.py::test_2",
        "tests/test_b.py::test_1", "textnorm/folding.py::textnorm.folding.fold"]
    assert set(COSTLIEST_FIRST) == set(SLOW_TIERS)
