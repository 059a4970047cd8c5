"""An index written by another process while this one has it open (the app running, `python -m ingest` in a
terminal): Chroma's embedded system keeps each collection's vector index in memory from its first use, so without
reopening, this process could not read the new passages' vectors ("Error finding id": found by their words only)
and its nearest-neighbour query never returned them."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
from test_ingest_pipeline import ROOT, _generated_copies, cli_env

from index.store import IndexStore
from ingest.pipeline import ingest_paths

#: Prints how many of the index's passages have a vector Chroma cannot read, in a process of its own.
_UNREADABLE = ("from settings import load_settings; from index.store import IndexStore; "
               "s = IndexStore(load_settings()); print(int((~s.dense_vectors(s.lexical(quiet=True))[1]).sum()))")


def _ingest_elsewhere(settings, folder) -> None:
    subprocess.run([sys.executable, "-m", "ingest", str(folder)], cwd=ROOT, env=cli_env(settings), check=True,
                   capture_output=True)


def _new_ids(store: IndexStore) -> list[str]:
    return [pid for pid in store.lexical(quiet=True).index.ids if pid.startswith("z-ban-tin")]


def test_a_search_reads_the_vectors_another_process_wrote(settings, store, corpus_copy):
    ingest_paths([corpus_copy], settings, store)
    store.freshness_seconds = 0.0
    state = store.lexical(quiet=True)
    assert store.dense_vectors(state)[1].all()  # this process's system has loaded the passages' vectors
    _generated_copies(corpus_copy, 3)
    _ingest_elsewhere(settings, corpus_copy)

    state = store.lexical(quiet=True)
    new = _new_ids(store)
    assert new
    assert store.dense_vectors(state)[1].all(), "every passage's vector is read, the other process's too"
    query = store.embedder.embed_query("Bản tin bổ sung số 1.")
    assert set(new) & {pid for pid, _ in store.dense_search(query, 200)}, "the approximate search sees them too"
    exact = {pid for pid, _ in store.exact_dense_search(state, query, len(state.index.ids))}
    assert set(new) <= exact


def test_an_ingest_after_another_process_wrote_loses_none_of_its_vectors(settings, store, corpus_copy):
    """This process writes after another one did (through the database it opened before): every vector of both writes
    is readable by a third process."""
    ingest_paths([corpus_copy], settings, store)
    assert store.dense_vectors(store.lexical(quiet=True))[1].all()
    _generated_copies(corpus_copy, 3)
    _ingest_elsewhere(settings, corpus_copy)
    extra = corpus_copy / "z-ban-tin-99.txt"
    extra.write_text((corpus_copy / "z-ban-tin-00.txt").read_text(encoding="utf-8") + "\nMột dòng nữa.\n",
                     encoding="utf-8")
    report = ingest_paths([corpus_copy], settings, store)
    assert len(report.added) == 1

    check = subprocess.run([sys.executable, "-c", _UNREADABLE], cwd=ROOT, env=cli_env(settings), capture_output=True,
                           text=True, check=True)
    assert check.stdout.strip() == "0", check.stderr[-2000:]
    vectors, present = store.dense_vectors(store.lexical(quiet=True))
    assert present.all() and np.isfinite(vectors).all()
