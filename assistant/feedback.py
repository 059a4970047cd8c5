"""Feedback on answers (👍/👎, a comment) and reviewers' verdicts on citations, in SQLite at ``settings.feedback_db``.

The database and its table are created on first use; every call opens its own short connection, so the
store is safe to share between Streamlit sessions (threads) and between processes.

>>> import tempfile, pathlib
>>> store = FeedbackStore(pathlib.Path(tempfile.mkdtemp()) / "fb.sqlite3")
>>> store.record("Câu hỏi?", "Trả lời [1].", "[]", +1, "grounded")
1
>>> [(r.question, r.rating) for r in store.list_feedback()]
[('Câu hỏi?', 1)]
>>> store.record("Câu hỏi?", "Trả lời [1].", "[]", -1, key="c1t0", comment="Thiếu Sở Y tế") == store.record(
...     "Câu hỏi?", "Trả lời [1].", "[]", 1, key="c1t0", comment="")
True
>>> store.review("c1t0", "Câu hỏi?", "Trả lời [1].", {"n": 1, "doc_id": "d", "start": 0, "end": 3, "quote": "abc"},
...              "sai", "không khớp")
1
>>> [(r.doc_id, r.verdict, r.comment) for r in store.list_reviews()]
[('d', 'sai', 'không khớp')]
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from assistant.history import local_now
from assistant.sqlite_store import SqliteStore, store_of

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
#: Columns added after the first release (added to an older database on first use).
_LATER_COLUMNS = (("comment", "TEXT NOT NULL DEFAULT ''"), ("context", "TEXT NOT NULL DEFAULT ''"),
                  ("answer_key", "TEXT NOT NULL DEFAULT ''"))
_REVIEW_SCHEMA = """
CREATE TABLE IF NOT EXISTS citation_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    answer_key TEXT NOT NULL,
    question TEXT NOT NULL,
    answer_text TEXT NOT NULL,
    n INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    doc_label TEXT NOT NULL DEFAULT '',
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('dung', 'sai', 'khong_ro')),
    comment TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    reviewer_name TEXT NOT NULL DEFAULT '',
    UNIQUE (answer_key, n, reviewer)
)
"""
#: The columns of a verdict row as selected (``ReviewRow``'s fields, in order).
_REVIEW_COLUMNS = ('id, created_at, answer_key, question, answer_text, n, doc_id, doc_label, start, "end", quote, '
                   "verdict, comment, reviewer, reviewer_name")
#: The columns a database written before verdicts carried their reviewer holds (copied when it is migrated).
_OLD_REVIEW_COLUMNS = ('id, created_at, answer_key, question, answer_text, n, doc_id, doc_label, start, "end", '
                       "quote, verdict, comment")
#: Who a verdict is from when no account was signed in.
ANONYMOUS = "ẩn danh"
#: Reviewers' verdicts on one citation, with their Vietnamese labels.
VERDICTS = {"dung": "Đúng", "sai": "Sai", "khong_ro": "Không rõ"}


@dataclass(frozen=True)
class FeedbackRow:
    id: int
    created_at: str
    question: str
    answer_text: str
    citations_json: str
    rating: int
    mode: str
    comment: str = ""
    context: str = ""  # the question a follow-up followed
    answer_key: str = ""

    @property
    def citations(self) -> list:
        try:
            value = json.loads(self.citations_json or "[]")
        except ValueError:
            return []
        return value if isinstance(value, list) else []


@dataclass(frozen=True)
class ReviewRow:
    id: int
    created_at: str
    answer_key: str
    question: str
    answer_text: str
    n: int
    doc_id: str
    doc_label: str
    start: int
    end: int
    quote: str
    verdict: str
    comment: str
    reviewer: str = ""  # the account's login name ("" when no account was signed in)
    reviewer_name: str = ""  # the account's display name when the verdict was given

    @property
    def who(self) -> str:
        """The reviewer as pages show them: the display name, else the login, else "ẩn danh".

        >>> ReviewRow(1, "", "k", "q", "a", 1, "d", "", 0, 1, "x", "sai", "", "lan", "Nguyễn Thị Lan").who
        'Nguyễn Thị Lan'
        >>> ReviewRow(1, "", "k", "q", "a", 1, "d", "", 0, 1, "x", "sai", "").who
        'ẩn danh'
        """
        return self.reviewer_name or self.reviewer or ANONYMOUS


class FeedbackStore(SqliteStore):
    """SQLite feedback table; thread-safe (a connection per call, writes serialised in-process)."""

    def _migrate(self, conn: sqlite3.Connection) -> None:
        conn.execute(_SCHEMA)
        have = {row[1] for row in conn.execute("PRAGMA table_info(feedback)")}
        for name, decl in _LATER_COLUMNS:
            if name not in have:
                conn.execute(f"ALTER TABLE feedback ADD COLUMN {name} {decl}")
        _migrate_reviews(conn)

    def record(self, question: str, answer_text: str, citations_json: str | list, rating: int,
               mode: str = "grounded", *, comment: str = "", context: str = "", key: str = "") -> int:
        """Store one rating (+1 or -1) with an optional comment and the question it followed; returns the row id.

        With a ``key`` (one per answer shown), a later call changes the earlier rating instead of adding one.
        """
        rating = int(rating)
        if rating not in (1, -1):
            raise ValueError("Đánh giá phải là +1 (hữu ích) hoặc -1 (chưa đúng).")
        if not isinstance(citations_json, str):
            citations_json = json.dumps(citations_json, ensure_ascii=False)
        values = (local_now(), str(question), str(answer_text), citations_json, rating, str(mode or "grounded"),
                  str(comment or ""), str(context or ""), str(key or ""))
        with self._transaction() as conn:
            row = conn.execute("SELECT id FROM feedback WHERE answer_key = ? AND answer_key != ''",
                               (values[-1],)).fetchone()
            if row:
                conn.execute("UPDATE feedback SET created_at = ?, rating = ?, comment = ? WHERE id = ?",
                             (values[0], rating, values[6], row[0]))
                return int(row[0])
            cur = conn.execute(
                "INSERT INTO feedback (created_at, question, answer_text, citations_json, rating, mode, "
                "comment, context, answer_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
        return int(cur.lastrowid)

    def review(self, key: str, question: str, answer_text: str, citation: dict, verdict: str,
               comment: str = "", *, reviewer: str = "", reviewer_name: str = "") -> int:
        """Store a reviewer's verdict on citation ``citation["n"]`` of the answer ``key``; returns the row id.

        Each reviewer (account login; "" when anonymous) has one verdict per citation: a later one replaces their
        own earlier one, and the verdicts of other reviewers on the same citation are kept beside it.
        """
        if verdict not in VERDICTS:
            raise ValueError("Kết luận phải là Đúng, Sai hoặc Không rõ.")
        c = citation
        values = (local_now(), str(key), str(question), str(answer_text), int(c["n"]), str(c["doc_id"]),
                  str(c.get("label") or c.get("title") or ""), int(c["start"]), int(c["end"]), str(c["quote"]),
                  verdict, str(comment or ""), str(reviewer or ""), str(reviewer_name or ""))
        with self._transaction() as conn:
            conn.execute(
                'INSERT INTO citation_reviews (created_at, answer_key, question, answer_text, n, doc_id, '
                'doc_label, start, "end", quote, verdict, comment, reviewer, reviewer_name) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (answer_key, n, reviewer) DO UPDATE SET created_at = excluded.created_at, "
                "verdict = excluded.verdict, comment = excluded.comment, reviewer_name = excluded.reviewer_name",
                values)
            (rid,) = conn.execute("SELECT id FROM citation_reviews WHERE answer_key = ? AND n = ? AND reviewer = ?",
                                  (values[1], values[4], values[12])).fetchone()
        return int(rid)

    def _reviews(self, where: str = "", params: tuple = (), order: str = "created_at DESC, id DESC") -> list[ReviewRow]:
        if not self.path.exists():
            return []
        with self._reading() as conn:
            return [ReviewRow(*row) for row in conn.execute(
                f"SELECT {_REVIEW_COLUMNS} FROM citation_reviews {where} ORDER BY {order}", params)]

    def list_reviews(self) -> list[ReviewRow]:
        """All citation verdicts, newest first."""
        return self._reviews()

    def verdicts_of(self, key: str, n: int) -> list[ReviewRow]:
        """The verdicts on citation ``n`` of the answer ``key``, one per reviewer, oldest first."""
        return self._reviews("WHERE answer_key = ? AND n = ?", (str(key), int(n)), "created_at, id")

    def reviewed_numbers(self, key: str) -> set[int]:
        """The citation numbers of the answer ``key`` that hold at least one verdict."""
        return {r.n for r in self._reviews("WHERE answer_key = ?", (str(key),))}

    def disagreements(self) -> list[list[ReviewRow]]:
        """Citations judged both "Đúng" and "Sai" (by different reviewers): each one's verdicts, oldest first; the
        most recently judged citation first."""
        return disagreements(self.list_reviews())

    def list_feedback(self, limit: int | None = None) -> list[FeedbackRow]:
        """All ratings, newest first (an empty list when nothing was recorded yet)."""
        if not self.path.exists():
            return []
        with self._reading() as conn:
            sql = ("SELECT id, created_at, question, answer_text, citations_json, rating, mode, comment, context, "
                   "answer_key FROM feedback "
                   "ORDER BY id DESC")
            params: tuple = ()
            if limit is not None:
                sql += " LIMIT ?"
                params = (int(limit),)
            return [FeedbackRow(*row) for row in conn.execute(sql, params)]


def _migrate_reviews(conn: sqlite3.Connection) -> None:
    """Make the verdict table; a table from before verdicts carried their reviewer is rebuilt (SQLite cannot change a
    UNIQUE constraint in place): its rows are kept, with reviewer "" (anonymous)."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(citation_reviews)")}
    if have and "reviewer" not in have:
        if not conn.in_transaction:
            conn.execute("BEGIN IMMEDIATE")  # the rename, copy and drop happen together or not at all
        conn.execute("ALTER TABLE citation_reviews RENAME TO citation_reviews_before_reviewer")
        conn.execute(_REVIEW_SCHEMA)
        conn.execute(f"INSERT INTO citation_reviews ({_OLD_REVIEW_COLUMNS}) "
                     f"SELECT {_OLD_REVIEW_COLUMNS} FROM citation_reviews_before_reviewer")
        conn.execute("DROP TABLE citation_reviews_before_reviewer")
    else:
        conn.execute(_REVIEW_SCHEMA)


def disagreements(reviews) -> list[list[ReviewRow]]:
    """Group verdicts by citation and keep the citations judged both "dung" and "sai"; in the order the reviews come,
    each group oldest first.

    >>> def row(i, who, verdict, n=1):
    ...     return ReviewRow(i, f"2026-12-0{i}", "k", "q", "a", n, "d", "", 0, 1, "x", verdict, "", who, who)
    >>> [[(r.who, r.verdict) for r in g] for g in disagreements([row(3, "an", "sai"), row(2, "lan", "dung"),
    ...                                                          row(1, "lan", "dung", n=2)])]
    [[('lan', 'dung'), ('an', 'sai')]]
    """
    groups: dict[tuple[str, int], list[ReviewRow]] = {}
    for r in reviews:
        groups.setdefault((r.answer_key, r.n), []).append(r)
    found = []
    for rows in groups.values():
        if {"dung", "sai"} <= {r.verdict for r in rows}:
            found.append(sorted(rows, key=lambda r: (r.created_at, r.id)))
    return found


def citations_to_json(answer) -> str:
    """The citations of an :class:`~assistant.types.Answer` as JSON (what reviewers need to check them)."""
    return json.dumps([c.to_dict() for c in getattr(answer, "citations", [])], ensure_ascii=False)


def open_feedback(settings) -> FeedbackStore:
    """The process's one store of the feedback database."""
    return store_of(FeedbackStore, settings.feedback_db)


__all__ = ["FeedbackStore", "FeedbackRow", "ReviewRow", "VERDICTS", "ANONYMOUS", "citations_to_json",
           "disagreements", "open_feedback"]
