"""Saved conversations, per browser, in SQLite at ``settings.data_dir / "conversations.sqlite3"``.

A browser is named by an opaque id (the app keeps it in a cookie); a conversation by another id (the app keeps it in
the URL, ``?c=…``). Every call opens its own short connection, so one store is safe across Streamlit sessions.

>>> import tempfile, pathlib
>>> from assistant.types import Answer, Turn
>>> store = ConversationStore(pathlib.Path(tempfile.mkdtemp()) / "c.sqlite3")
>>> cid = store.create("trình-duyệt-1")
>>> store.add_turn(cid, Turn("Hà Nam kiểm tra khi nào?", Answer("Hà Nam kiểm tra khi nào?", "Quý III [1].")))
0
>>> [c.title for c in store.list("trình-duyệt-1")], store.list("trình-duyệt-2")
(['Hà Nam kiểm tra khi nào?'], [])
>>> store.turns(cid)[0].answer.text
'Quý III [1].'
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from assistant.sqlite_store import SqliteStore, store_of
from assistant.types import Answer, Citation, Turn

#: Characters of the first question kept as a conversation's default title.
TITLE_CHARS = 80

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS conversations (
        id TEXT PRIMARY KEY, browser TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS turns (
        conversation TEXT NOT NULL, idx INTEGER NOT NULL, created_at TEXT NOT NULL, turn_json TEXT NOT NULL,
        PRIMARY KEY (conversation, idx))""",
    "CREATE INDEX IF NOT EXISTS conversations_browser ON conversations (browser, updated_at)",
)


def local_now() -> str:
    """The current time in Vietnam (Asia/Ho_Chi_Minh), ISO format to the second."""
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).isoformat(timespec="seconds")


def turn_to_dict(turn: Turn) -> dict:
    """A JSON-ready record of one exchange (the passages the answer was composed from are not kept)."""
    return {"question": turn.question, "answer": turn.answer.to_dict(), "provinces": list(turn.provinces),
            "years": list(turn.years), "doc_ids": list(turn.doc_ids), "scope": dict(turn.scope)}


def turn_from_dict(data: dict) -> Turn:
    """The inverse of :func:`turn_to_dict` (unknown keys ignored, so older records still load)."""
    a = data.get("answer") or {}
    fields = set(Citation.__dataclass_fields__)
    citations = [Citation(**{k: v for k, v in c.items() if k in fields}) for c in a.get("citations", [])]
    answer = Answer(question=a.get("question", ""), text=a.get("answer", ""), abstained=bool(a.get("abstained")),
                    citations=citations, mode=a.get("mode", "grounded"), notice=a.get("notice", ""),
                    unsupported=list(a.get("unsupported", [])), query=a.get("query", ""))
    return Turn(question=data.get("question", ""), answer=answer, provinces=tuple(data.get("provinces", ())),
                years=tuple(data.get("years", ())), doc_ids=tuple(data.get("doc_ids", ())),
                scope=dict(data.get("scope") or {}))


@dataclass(frozen=True)
class ConversationInfo:
    id: str
    title: str
    created_at: str
    updated_at: str


class ConversationStore(SqliteStore):
    """Conversations and their turns; thread-safe (a connection per call, writes serialised in-process)."""

    def _migrate(self, conn: sqlite3.Connection) -> None:
        for statement in _SCHEMA:
            conn.execute(statement)

    def _write(self, sql: str, params: tuple) -> int:
        with self._transaction() as conn:
            return conn.execute(sql, params).rowcount

    def _read(self, sql: str, params: tuple) -> list[tuple]:
        with self._reading() as conn:
            return list(conn.execute(sql, params))

    def create(self, browser: str, title: str = "") -> str:
        """A new, empty conversation of ``browser``; returns its id."""
        cid = uuid.uuid4().hex[:12]
        now = local_now()
        self._write("INSERT INTO conversations (id, browser, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    (cid, str(browser), title, now, now))
        return cid

    def owner(self, cid: str) -> str | None:
        rows = self._read("SELECT browser FROM conversations WHERE id = ?", (cid,))
        return rows[0][0] if rows else None

    def list(self, browser: str) -> list[ConversationInfo]:
        """Conversations of a browser that hold at least one question, most recently used first."""
        rows = self._read("SELECT c.id, c.title, c.created_at, c.updated_at FROM conversations c WHERE c.browser = ? "
                          "AND EXISTS (SELECT 1 FROM turns t WHERE t.conversation = c.id) "
                          "ORDER BY c.updated_at DESC, c.rowid DESC", (str(browser),))
        return [ConversationInfo(*row) for row in rows]

    def turns(self, cid: str) -> list[Turn]:
        rows = self._read("SELECT turn_json FROM turns WHERE conversation = ? ORDER BY idx", (cid,))
        return [turn_from_dict(json.loads(r[0])) for r in rows]

    def recorded_turns(self) -> list[tuple[str, int, str, Turn]]:
        """Every saved exchange of every conversation as (conversation id, turn index, when, turn), oldest first
        (what the reviewers' queue walks)."""
        rows = self._read("SELECT conversation, idx, created_at, turn_json FROM turns ORDER BY created_at, rowid", ())
        return [(cid, int(idx), created, turn_from_dict(json.loads(payload))) for cid, idx, created, payload in rows]

    def add_turn(self, cid: str, turn: Turn) -> int:
        """Append one exchange; the first question becomes the title when none was given. Returns its index."""
        now = local_now()
        payload = json.dumps(turn_to_dict(turn), ensure_ascii=False)
        with self._transaction() as conn:
            (idx,) = conn.execute("SELECT COALESCE(MAX(idx) + 1, 0) FROM turns WHERE conversation = ?",
                                  (cid,)).fetchone()
            conn.execute("INSERT INTO turns (conversation, idx, created_at, turn_json) VALUES (?, ?, ?, ?)",
                         (cid, idx, now, payload))
            conn.execute("UPDATE conversations SET updated_at = ?, title = CASE WHEN title = '' THEN ? "
                         "ELSE title END WHERE id = ?", (now, turn.question[:TITLE_CHARS], cid))
        return int(idx)

    def rename(self, cid: str, title: str) -> None:
        self._write("UPDATE conversations SET title = ? WHERE id = ?", ((title or "").strip()[:200], cid))

    def delete(self, cid: str) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM turns WHERE conversation = ?", (cid,))
            conn.execute("DELETE FROM conversations WHERE id = ?", (cid,))


def open_conversations(settings) -> ConversationStore:
    """The process's one store of ``DATA_DIR/conversations.sqlite3`` (one object per file: its in-process lock and
    what it moved aside are shared by every Streamlit session)."""
    return store_of(ConversationStore, Path(settings.data_dir) / "conversations.sqlite3")


__all__ = ["ConversationStore", "ConversationInfo", "open_conversations", "turn_to_dict", "turn_from_dict",
           "local_now"]
