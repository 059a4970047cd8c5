"""Command-line input that is not UTF-8 and a --k below one (issue 19, items 6 and 11): a message per line, the
following lines still answered, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT


def _run(hashed_index, args, stdin: bytes):
    settings, _ = hashed_index
    env = {**os.environ, "DATA_DIR": str(settings.data_dir), "CORPUS_DIR": str(settings.corpus_dir),
           "EMBEDDING_MODEL": "hashing:64", "LC_ALL": "C", "PYTHONIOENCODING": ""}
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, input=stdin, capture_output=True, env=env,
                          timeout=300)


def test_a_line_that_is_not_utf8_is_named_and_the_next_is_answered(hashed_index):
    stdin = "Ai ký kế hoạch 36/KH-UBND?\n".encode() + b"\xff\xfe c\xe2u h\xe1i\n" + "Khi nào kiểm tra?\n".encode()
    for args in (["assistant", "ask", "--json"], ["retriever", "search", "--json"]):
        proc = _run(hashed_index, args, stdin)
        rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
        err = proc.stderr.decode()
        assert len(rows) == 3 and "error" in rows[1] and "UTF-8" in rows[1]["error"], (args, rows)
        assert "error" not in rows[2] and proc.returncode == 1 and "Traceback" not in err


def test_an_argument_that_is_not_utf8_is_named(hashed_index):
    settings, _ = hashed_index
    env = {**os.environ, "DATA_DIR": str(settings.data_dir), "CORPUS_DIR": str(settings.corpus_dir),
           "EMBEDDING_MODEL": "hashing:64"}
    proc = subprocess.run([sys.executable.encode(), b"-m", b"assistant", b"ask", b"c\xe2u h\xe1i"], cwd=ROOT,
                          capture_output=True, env=env, timeout=300)
    assert proc.returncode == 1 and "UTF-8" in proc.stderr.decode() and b"Traceback" not in proc.stderr


def test_k_below_one_is_refused(hashed_index):
    proc = _run(hashed_index, ["retriever", "search", "--k", "-1", "quý III"], b"")
    assert proc.returncode == 2 and "lớn hơn 0" in proc.stderr.decode()
