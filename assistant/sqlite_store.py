"""One SQLite file under ``DATA_DIR`` (conversations, feedback): a connection per call, writes serialised in-process,
tables made on first use."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


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

    def _migrate(self, conn: sqlite3.Connection) -> None:
        raise NotImplementedError

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=10.0)
        if not self._ready:
            with conn:
                self._migrate(conn)
            self._ready = True
        return conn

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A connection for writes: serialised in-process, committed on success, rolled back on error, closed."""
        with self._lock:
            conn = self._connect()
            try:
                with conn:
                    yield conn
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


__all__ = ["SqliteStore"]
