"""A reading of the index is the same from one process to the next (session 21, D21): Chroma (1.x) hands metadata
back in the order of a Rust hash map seeded afresh in every process, so the store sorts the keys."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from settings import PROJECT_ROOT

#: Prints, for every document record, its metadata keys in the order the store gives them, and those of one passage.
CHILD = """
import json, sys
from pathlib import Path
from index.store import IndexStore
from settings import load_settings
store = IndexStore(load_settings({}, embedding_model="hashing:64", data_dir=Path(sys.argv[1])))
records = store.records()
first = sorted(records)[0]
passage = store.get_document(first).passages[0]
print(json.dumps({"records": {k: list(r.metadata) for k, r in sorted(records.items())},
                  "document": list(store.get_document(first).metadata), "passage": list(passage.metadata)}))
"""


def test_metadata_keys_come_out_sorted(hashed_index):
    _settings, store = hashed_index
    records = store.records()
    assert records and all(len(r.metadata) >= 8 for r in records.values())  # 8! orders: sorted by chance is rare
    for record in records.values():
        assert list(record.metadata) == sorted(record.metadata)
    doc = store.get_document(sorted(records)[0])
    assert list(doc.metadata) == sorted(k for k in doc.metadata if k != "source") + ["source"]
    for passage in doc.passages:
        assert list(passage.metadata) == sorted(passage.metadata)


def test_two_processes_read_the_same_key_order(hashed_index):
    settings, _store = hashed_index
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(PROJECT_ROOT)}
        run = subprocess.run([sys.executable, "-c", CHILD, str(settings.data_dir)], capture_output=True, text=True,
                             env=env, cwd=PROJECT_ROOT, timeout=120)
        assert run.returncode == 0, run.stderr[-2000:]
        outputs.append(json.loads(run.stdout.strip().splitlines()[-1]))
    assert outputs[0] == outputs[1]
