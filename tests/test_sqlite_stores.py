"""The conversation and feedback stores under concurrency and damage (issue 19, items 3–4)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

from assistant.feedback import FeedbackStore
from assistant.history import ConversationStore
from assistant.types import Answer, Turn
from tests.conftest import ROOT

#: Turns each of two writer processes appends to one conversation (enough to interleave many times).
TURNS_PER_WRITER = 600


#: A writer process: waits for the go file (so both write at once), then appends its turns through a store object of
#: its own, as a second process or app instance has.
WRITER = """
import sys, time
from pathlib import Path
from assistant.history import ConversationStore
from assistant.types import Answer, Turn
path, cid, tag, n, folder = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), Path(sys.argv[5])
store = ConversationStore(path)
store.turns(cid)
(folder / f"ready-{tag}").touch()
deadline = time.monotonic() + 300
while not (folder / "go").exists() and time.monotonic() < deadline:
    time.sleep(0.01)
for i in range(n):
    store.add_turn(cid, Turn(f"{tag} {i}", Answer(f"{tag} {i}", "…")))
"""


def test_two_processes_lose_no_turn(tmp_path):
    path = str(tmp_path / "c.sqlite3")
    cid = ConversationStore(path).create("trình-duyệt")
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, path, cid, tag, str(TURNS_PER_WRITER), str(tmp_path)],
                                cwd=ROOT, stderr=subprocess.PIPE, text=True) for tag in ("A", "B")]
    deadline = time.monotonic() + 300
    while not all((tmp_path / f"ready-{t}").exists() for t in "AB") and time.monotonic() < deadline:
        time.sleep(0.05)
    (tmp_path / "go").touch()  # both write at once
    errors = [w.communicate(timeout=300)[1] for w in writers]
    assert all(w.returncode == 0 for w in writers), errors
    turns = ConversationStore(path).turns(cid)
    assert len(turns) == 2 * TURNS_PER_WRITER
    with sqlite3.connect(path) as conn:
        idx = [r[0] for r in conn.execute("SELECT idx FROM turns WHERE conversation = ? ORDER BY idx", (cid,))]
    assert idx == list(range(2 * TURNS_PER_WRITER))
    for tag in ("A", "B"):  # each writer's turns stay in its own order
        mine = [int(t.question.split()[1]) for t in turns if t.question.startswith(tag)]
        assert mine == list(range(TURNS_PER_WRITER))


def test_a_damaged_conversation_database_is_moved_aside_and_the_chat_goes_on(tmp_path):
    path = tmp_path / "conversations.sqlite3"
    path.write_bytes(b"\x00garbage that is not SQLite" * 100)
    store = ConversationStore(path)
    cid = store.create("trình-duyệt")
    assert store.add_turn(cid, Turn("Ai ký?", Answer("Ai ký?", "Ông A [1]."))) == 0
    assert store.moved_aside is not None and store.moved_aside.read_bytes().startswith(b"\x00garbage")
    assert [t.question for t in store.turns(cid)] == ["Ai ký?"]


def test_a_damaged_feedback_database_is_moved_aside(tmp_path):
    path = tmp_path / "feedback.sqlite3"
    path.write_text("SQLite format 3 — but truncated", encoding="utf-8")
    store = FeedbackStore(path)
    assert store.list_feedback() == []
    assert store.moved_aside is not None and store.moved_aside.exists()


def test_a_failed_write_is_rolled_back(tmp_path):
    store = ConversationStore(tmp_path / "c.sqlite3")
    cid = store.create("b")
    try:
        with store._transaction() as conn:
            conn.execute("INSERT INTO turns (conversation, idx, created_at, turn_json) VALUES (?, 0, '', '{}')",
                         (cid,))
            raise RuntimeError("giữa chừng")
    except RuntimeError:
        pass
    assert store.turns(cid) == []
