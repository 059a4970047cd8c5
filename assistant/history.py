"""Saved conversations, per owner, in SQLite at ``settings.data_dir / "conversations.sqlite3"``.

The owner is an account (``acct:<name>``, see :func:`account_owner`: the conversations follow it to any browser) or,
for anonymous use, a browser named by an opaque id (the app keeps it in a cookie). A conversation is named by another
id (the app keeps it in the URL, ``?c=…``); its owner may share it read-only with every signed-in account and revoke
that (:func:`access` is the rule). Every call opens its own short connection, so one store is safe across Streamlit
sessions.

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
from enum import IntEnum
from pathlib import Path

from assistant.sqlite_store import SqliteStore, store_of
from assistant.types import Answer, Citation, Turn
from errors import AccountError
from textnorm import fold_word, syllables

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
#: Prefix of an owner that is an account (the rest is its login); any other owner is a browser's id.
ACCOUNT_OWNER = "acct:"


class Share(IntEnum):
    """Whether a conversation is shared read-only with the other signed-in accounts."""

    #: Never shared: only its owner opens it.
    PRIVATE = 0
    #: Shared: every signed-in account opens it read-only through its link.
    SHARED = 1
    #: Shared once, then revoked by its owner (the link says so).
    REVOKED = 2


NOT_FOUND = "Không tìm thấy cuộc trò chuyện trong đường dẫn (có thể đã bị xóa)."
LOGIN_NEEDED = "Cuộc trò chuyện trong đường dẫn thuộc một tài khoản: hãy đăng nhập để mở."
NOT_SHARED = "Cuộc trò chuyện trong đường dẫn thuộc tài khoản khác và không được chia sẻ."
REVOKED = "Chủ cuộc trò chuyện trong đường dẫn đã ngừng chia sẻ nó."
OTHER_BROWSER = ("Cuộc trò chuyện trong đường dẫn được lưu ẩn danh trên một trình duyệt khác (hoặc trên trình duyệt "
                 "này khi chưa đăng nhập): chỉ mở được từ đó khi không đăng nhập.")


def account_owner(name: str) -> str:
    """The owner of an account's conversations.

    >>> account_owner("lan"), owner_account("acct:lan"), owner_account("3f2a9c")
    ('acct:lan', 'lan', None)
    """
    return ACCOUNT_OWNER + name


def owner_account(owner: str) -> str | None:
    """The login an owner names, or None for a browser's id."""
    return owner[len(ACCOUNT_OWNER):] if owner.startswith(ACCOUNT_OWNER) else None


@dataclass(frozen=True)
class Access:
    """What a viewer may do with one conversation: ``write`` (its owner), read only, or nothing and ``reason``."""

    read: bool
    write: bool
    reason: str = ""


def access(owner: str | None, share: int, viewer: str, signed_in: bool) -> Access:
    """The sharing rule: the owner reads and writes; a conversation of an account that is shared is read by every
    other signed-in account; anything else is refused with a Vietnamese ``reason``.

    >>> access("acct:lan", Share.PRIVATE, "acct:lan", True)
    Access(read=True, write=True, reason='')
    >>> access("acct:lan", Share.SHARED, "acct:minh", True).write, access("acct:lan", Share.SHARED, "b1", False).read
    (False, False)
    >>> access("acct:lan", Share.REVOKED, "acct:minh", True).reason == REVOKED, access(None, 0, "b1", False).read
    (True, False)
    """
    if owner is None:
        return Access(False, False, NOT_FOUND)
    if owner == viewer:
        return Access(True, True)
    if owner_account(owner) is None:
        return Access(False, False, OTHER_BROWSER)
    if not signed_in:
        return Access(False, False, LOGIN_NEEDED)
    if share == Share.SHARED:
        return Access(True, False)
    return Access(False, False, REVOKED if share == Share.REVOKED else NOT_SHARED)


def search_words(text: str) -> frozenset[str]:
    """The folded words a search compares (accents and case removed: "kiem tra" finds "Kiểm tra").

    >>> sorted(search_words("Kiểm tra Sở Nội vụ?"))
    ['kiem', 'noi', 'so', 'tra', 'vu']
    """
    return frozenset(fold_word(w) for w in syllables(text or ""))


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
        columns = {row[1] for row in conn.execute("PRAGMA table_info(conversations)")}
        if "share" not in columns:  # a file from before sharing: its conversations stay private
            conn.execute("ALTER TABLE conversations ADD COLUMN share INTEGER NOT NULL DEFAULT 0")

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

    def share(self, cid: str) -> Share:
        rows = self._read("SELECT share FROM conversations WHERE id = ?", (cid,))
        return Share(rows[0][0]) if rows else Share.PRIVATE

    def access(self, cid: str, viewer: str, signed_in: bool) -> Access:
        """:func:`access` for the stored conversation ``cid``."""
        rows = self._read("SELECT browser, share FROM conversations WHERE id = ?", (cid,))
        owner, share = rows[0] if rows else (None, Share.PRIVATE)
        return access(owner, share, viewer, signed_in)

    def set_shared(self, cid: str, owner: str, shared: bool) -> None:
        """Share ``cid`` read-only with the signed-in accounts, or revoke that; only its owner, an account, may."""
        if owner_account(owner) is None:
            raise AccountError("Chỉ cuộc trò chuyện của một tài khoản đã đăng nhập mới chia sẻ được.")
        current = self.share(cid)
        state = Share.SHARED if shared else (Share.REVOKED if current != Share.PRIVATE else Share.PRIVATE)
        self._write("UPDATE conversations SET share = ? WHERE id = ? AND browser = ?", (int(state), cid, owner))

    def search(self, owner: str, query: str) -> list[ConversationInfo]:
        """Conversations of ``owner`` whose questions or title hold every word of ``query`` (folded, in any order),
        most recently used first; every one of them for an empty query."""
        wanted = search_words(query)
        found = []
        for info in self.list(owner):
            if not wanted:
                found.append(info)
                continue
            questions = self._read("SELECT turn_json FROM turns WHERE conversation = ?", (info.id,))
            words = search_words(info.title).union(*(search_words(json.loads(q[0]).get("question", ""))
                                                     for q in questions))
            if wanted <= words:
                found.append(info)
        return found

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
           "local_now", "Share", "Access", "access", "account_owner", "owner_account", "search_words"]
