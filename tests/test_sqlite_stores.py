"""The conversation and feedback stores under concurrency and damage (issue 19, items 3–4)."""

from __future__ import annotations

import multiprocessing
import sqlite3

from assistant.feedback import FeedbackStore
from assistant.history import ConversationStore
from assistant.types import Answer, Turn

#: Turns each of two writer processes appends to one conversation (enough to interleave many times).
TURNS_PER_WRITER = 600


def _append_turns(path: str, cid: str, tag: str, n: int, ready, go) -> None:
    store = ConversationStore(path)  # a store object of its own, as a second process or app instance has
    store.turns(cid)  # connected and migrated before the race starts
    ready.release()
    go.wait(60)
    for i in range(n):
        store.add_turn(cid, Turn(f"{tag} {i}", Answer(f"{tag} {i}", "…")))


def test_two_processes_lose_no_turn(tmp_path):
    path = str(tmp_path / "c.sqlite3")
    cid = ConversationStore(path).create("trình-duyệt")
    ctx = multiprocessing.get_context("spawn")
    ready, go = ctx.Semaphore(0), ctx.Event()
    writers = [ctx.Process(target=_append_turns, args=(path, cid, tag, TURNS_PER_WRITER, ready, go))
               for tag in ("A", "B")]
    for w in writers:
        w.start()
    for _ in writers:
        assert ready.acquire(timeout=120)
    go.set()  # both write at once
    for w in writers:
        w.join(timeout=120)
        assert w.exitcode == 0
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
