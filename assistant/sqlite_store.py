"""One SQLite file under ``DATA_DIR`` (conversations, feedback): a connection per call, each write one transaction
that holds SQLite's write lock from its first statement (``BEGIN IMMEDIATE``), so two processes or two store objects
never interleave a read-then-write; tables made on first use. A file that is not a readable SQLite database is moved
aside (``<name>.broken-<time>``), never deleted, and a new one is started: the chat keeps working."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

#: Seconds a connection waits for another writer's lock before giving up (SQLite's busy timeout).
BUSY_SECONDS = 10.0


class SqliteStore:
    """Base of the project's small SQLite stores; a subclass creates its tables in :meth:`_migrate`.

    >>> import tempfile, pathlib
    >>> class Notes(SqliteStore):
    ...     def _migrate(self, conn):
    ...         conn.execute("CREATE TABLE IF NOT EXISTS notes (text TEXT)")
    >>> store = Notes(pathlib.Path(tempfile.mkdtemp()) / "notes.sqlite3")
    >>> with store._transaction() as conn:
    ...     conn.execute("INSERT INTO notes VALUES ('Sở Nội vụ')").rowcount
    1
    >>> with store._reading() as conn:
    ...     conn.execute("SELECT text FROM notes").fetchall()
    [('Sở Nội vụ',)]
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._ready = False
        #: where a damaged database file was moved, once (for the UI to say so)
        self.moved_aside: Path | None = None

    def _migrate(self, conn: sqlite3.Connection) -> None:
        raise NotImplementedError

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self._ready:
            self._open_checked().close()
            self._ready = True
        return sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)

    def _open_checked(self) -> sqlite3.Connection:
        """Open the file and make the tables; a file SQLite cannot read as a database is moved aside first."""
        try:
            return self._migrated()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise  # busy, not damaged
            self.moved_aside = move_aside(self.path)
            log.warning("Cơ sở dữ liệu %s hỏng (%s): đã chuyển sang %s, bắt đầu tệp mới", self.path, exc,
                        self.moved_aside)
            return self._migrated()

    def _migrated(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_SECONDS)
        try:
            with conn:
                conn.execute("PRAGMA schema_version").fetchone()  # reads the header: fails on a non-database file
                self._migrate(conn)
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A connection for writes: serialised in-process, and across processes by SQLite's write lock taken at the
        start (``BEGIN IMMEDIATE``: what a write reads first, such as the next turn number, cannot change under it);
        committed on success, rolled back on error, closed."""
        with self._lock:
            conn = self._connect()
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            finally:
                conn.close()

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A connection for reads, closed after."""
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()


_STORES: dict[tuple[type, Path], SqliteStore] = {}
_STORES_LOCK = threading.Lock()


def store_of(kind: type, path: Path | str) -> SqliteStore:
    """The one ``kind`` store of ``path`` in this process (made on first use).

    >>> import tempfile, pathlib
    >>> class Notes(SqliteStore):
    ...     def _migrate(self, conn): pass
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "n.sqlite3"
    >>> store_of(Notes, p) is store_of(Notes, str(p))
    True
    """
    key = (kind, Path(path).resolve())
    with _STORES_LOCK:
        if key not in _STORES:
            _STORES[key] = kind(path)
        return _STORES[key]


def move_aside(path: Path) -> Path:
    """Rename a damaged database file (and its journal) to ``<name>.broken-<time>``; returns the new path.

    >>> import tempfile, pathlib
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "c.sqlite3"
    >>> _ = bad.write_bytes(b"not a database")
    >>> moved = move_aside(bad)
    >>> bad.exists(), moved.read_bytes(), moved.name.startswith("c.sqlite3.broken-")
    (False, b'not a database', True)
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target, n = path.with_name(f"{path.name}.broken-{stamp}"), 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    os.replace(path, target)
    for suffix in ("-journal", "-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


__all__ = ["SqliteStore", "move_aside", "store_of"]
