"""Reviewer feedback on answers (👍/👎), kept in SQLite at ``settings.feedback_db``.

The database and its table are created on first use; every call opens its own short connection, so the
store is safe to share between Streamlit sessions (threads) and between processes.

>>> import tempfile, pathlib
>>> store = FeedbackStore(pathlib.Path(tempfile.mkdtemp()) / "fb.sqlite3")
>>> store.record("Câu hỏi?", "Trả lời [1].", "[]", +1, "grounded")
1
>>> [(r.question, r.rating) for r in store.list_feedback()]
[('Câu hỏi?', 1)]
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    answer_text TEXT NOT NULL,
    citations_json TEXT NOT NULL DEFAULT '[]',
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    mode TEXT NOT NULL DEFAULT 'grounded'
)
"""


@dataclass(frozen=True)
class FeedbackRow:
    id: int
    created_at: str
    question: str
    answer_text: str
    citations_json: str
    rating: int
    mode: str

    @property
    def citations(self) -> list:
        try:
            value = json.loads(self.citations_json or "[]")
        except ValueError:
            return []
        return value if isinstance(value, list) else []


class FeedbackStore:
    """SQLite feedback table; thread-safe (a connection per call, writes serialised in-process)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._ready = False

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10.0)
        if not self._ready:
            with conn:
                conn.execute(_SCHEMA)
            self._ready = True
        return conn

    def record(self, question: str, answer_text: str, citations_json: str | list, rating: int,
               mode: str = "grounded") -> int:
        """Store one rating (+1 or -1); returns the row id."""
        rating = int(rating)
        if rating not in (1, -1):
            raise ValueError("Đánh giá phải là +1 (hữu ích) hoặc -1 (chưa đúng).")
        if not isinstance(citations_json, str):
            citations_json = json.dumps(citations_json, ensure_ascii=False)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._lock:
            conn = self._connect()
            try:
                with conn:
                    cur = conn.execute(
                        "INSERT INTO feedback (created_at, question, answer_text, citations_json, rating, mode) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (now, str(question), str(answer_text), citations_json, rating, str(mode or "grounded")))
                return int(cur.lastrowid)
            finally:
                conn.close()

    def list_feedback(self, limit: int | None = None) -> list[FeedbackRow]:
        """All ratings, newest first (an empty list when nothing was recorded yet)."""
        if not self.path.exists():
            return []
        conn = self._connect()
        try:
            sql = ("SELECT id, created_at, question, answer_text, citations_json, rating, mode FROM feedback "
                   "ORDER BY id DESC")
            params: tuple = ()
            if limit is not None:
                sql += " LIMIT ?"
                params = (int(limit),)
            return [FeedbackRow(*row) for row in conn.execute(sql, params)]
        finally:
            conn.close()


def citations_to_json(answer) -> str:
    """The citations of an :class:`~assistant.types.Answer` as JSON (what reviewers need to check them)."""
    return json.dumps([c.to_dict() for c in getattr(answer, "citations", [])], ensure_ascii=False)


def open_feedback(settings) -> FeedbackStore:
    return FeedbackStore(settings.feedback_db)


__all__ = ["FeedbackStore", "FeedbackRow", "citations_to_json", "open_feedback"]
