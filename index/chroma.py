"""Connecting to Chroma: the client (embedded or a server), damage detection of the embedded database, and what
Chroma's failures mean to a user. :class:`index.store.IndexStore` is the only caller.

>>> import tempfile
>>> settings = Settings(data_dir=Path(tempfile.mkdtemp()))
>>> settings.chroma_dir.mkdir()
>>> _ = (settings.chroma_dir / "chroma.sqlite3").write_bytes(b"PK\x03\x04 not a database")
>>> chroma_damage(settings)
'phần đầu tệp chroma.sqlite3 không phải của một cơ sở dữ liệu SQLite'
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import time
from contextlib import closing
from functools import cache
from pathlib import Path

from errors import IndexDamaged, IndexStorageProblem, IndexUnavailable
from settings import Settings

log = logging.getLogger(__name__)

_SQLITE_HEADER = b"SQLite format 3\x00"

#: What SQLite, Chroma and the OS say when a sound database cannot be used *now*, and what the user is told. These
#: are circumstances an operator fixes; they never lead to quarantine or a rebuild (a full disk once made a healthy
#: index look damaged, then a rebuild from the manifest lost a document whose file was gone).
STORAGE_CIRCUMSTANCES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("database or disk is full", "no space left on device", "disk quota exceeded"),
     "ổ đĩa đầy: hãy giải phóng dung lượng rồi thử lại; chỉ mục không bị hỏng và không bị dựng lại"),
    (("readonly database", "read-only file system", "permission denied", "operation not permitted",
      "unable to open database file"),
     "không có quyền ghi vào thư mục dữ liệu hoặc tệp chroma.sqlite3: hãy cấp quyền ghi cho người dùng chạy ứng dụng; "
     "chỉ mục không bị hỏng và không bị dựng lại"),
    (("database is locked", "database table is locked"),
     "tệp đang bị một tiến trình khác giữ: hãy chờ rồi thử lại"),
)
#: OS error numbers with the same meanings (the text of an OSError varies with the platform's language).
_CIRCUMSTANCE_ERRNOS = {errno.ENOSPC: 0, errno.EDQUOT: 0, errno.EACCES: 1, errno.EROFS: 1, errno.EPERM: 1}
#: What SQLite says of a file that is proven damaged (only these, or a file that is not SQLite, are quarantined).
DAMAGE_SIGNS = ("file is not a database", "database disk image is malformed", "malformed database schema")


def get_all(collection, include: list[str], page: int = 5000) -> dict:
    """Every item of a collection, fetched in pages: one unpaged get of ~100k items fails in Chroma's SQLite
    backend with "too many SQL variables"."""
    out: dict = {"ids": [], **{key: [] for key in include}}
    offset = 0
    while True:
        got = collection.get(include=include, limit=page, offset=offset)
        out["ids"] += got["ids"]
        for key in include:
            out[key] += list(got.get(key) or [])
        if len(got["ids"]) < page:
            return out
        offset += page


def make_client(settings: Settings):
    """A Chroma client for the settings: an HTTP client of ``CHROMA_HOST``, or the embedded database after checking
    its files.

    Raises:
        IndexDamaged: the embedded database's files are proven damaged (not SQLite, malformed).
        IndexStorageProblem: the database is sound but cannot be used now (full disk, no right to write, locked).
        IndexUnavailable: the server cannot be reached, or the database cannot be opened.
    """
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if not settings.chroma_host:
        reason = chroma_damage(settings)
        if reason:
            raise IndexDamaged(damaged_message(settings, reason), reason)
        check_writable(settings)
    try:
        if settings.chroma_host:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        Path(settings.chroma_dir).mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    # chromadb's HttpClient raises ValueError when it cannot reach the server
    except (ValueError, *chroma_errors()) as exc:
        problem = storage_problem(exc)
        if problem and not settings.chroma_host:
            raise IndexStorageProblem(storage_message(settings, problem)) from exc
        if not settings.chroma_host and any(sign in _chain_text(exc) for sign in DAMAGE_SIGNS):
            reason = f"SQLite từ chối mở tệp: {_root_cause(exc)}"
            raise IndexDamaged(damaged_message(settings, reason), reason) from exc
        raise IndexUnavailable(connection_message(settings, exc)) from exc


def _chain_text(exc: BaseException) -> str:
    """Every message of an exception chain, lower case."""
    texts = []
    seen: BaseException | None = exc
    while seen is not None and len(texts) < 10:
        texts.append(str(seen))
        seen = seen.__cause__ or seen.__context__
    return " | ".join(texts).lower()


def storage_problem(exc: BaseException) -> str:
    """What keeps a sound store from being used now (a full disk, no right to write, a lock), in Vietnamese, or "".

    >>> storage_problem(OSError(28, "No space left on device"))[:10]
    'ổ đĩa đầy:'
    >>> storage_problem(RuntimeError("attempt to write a readonly database"))[:21]
    'không có quyền ghi và'
    >>> storage_problem(RuntimeError("file is not a database"))
    ''
    """
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in _CIRCUMSTANCE_ERRNOS:
            return STORAGE_CIRCUMSTANCES[_CIRCUMSTANCE_ERRNOS[seen.errno]][1]
        seen = seen.__cause__ or seen.__context__
    text = _chain_text(exc)
    return next((message for signs, message in STORAGE_CIRCUMSTANCES if any(s in text for s in signs)), "")


def storage_message(settings: Settings, problem: str) -> str:
    """The user's message for a storage circumstance, naming where."""
    return f"Không dùng được chỉ mục ở {settings.data_dir}: {problem}."


def check_writable(settings: Settings) -> None:
    """Raise :class:`IndexStorageProblem` when the embedded database's folder or file exists but cannot be written
    (checked before opening it, so a read-only file is never taken for a damaged one)."""
    folder = Path(settings.chroma_dir)
    for path in (settings.data_dir, folder, folder / "chroma.sqlite3"):
        if Path(path).exists() and not os.access(path, os.W_OK):
            raise IndexStorageProblem(storage_message(settings, f"không có quyền ghi {path}: hãy cấp quyền ghi cho "
                                                                "người dùng chạy ứng dụng; chỉ mục không bị hỏng"))


def chroma_damage(settings: Settings) -> str:
    """Why the embedded Chroma folder cannot be trusted ("" when it looks sound or does not exist yet)."""
    folder = Path(settings.chroma_dir)
    database = folder / "chroma.sqlite3"
    if not folder.is_dir():
        return ""
    if not database.exists():
        return "thiếu tệp chroma.sqlite3 bên cạnh dữ liệu vectơ" if any(folder.iterdir()) else ""
    with open(database, "rb") as handle:
        head = handle.read(len(_SQLITE_HEADER))
    if head and head != _SQLITE_HEADER:
        return "phần đầu tệp chroma.sqlite3 không phải của một cơ sở dữ liệu SQLite"
    return ""


def damaged_message(settings: Settings, reason: str) -> str:
    """What a read path tells the user about a damaged embedded database (it never rebuilds by itself)."""
    return (f"Cơ sở dữ liệu Chroma ở {settings.chroma_dir} bị hỏng ({reason}). Chạy `python -m ingest`: thư mục "
            f"hỏng được chuyển sang chroma.broken-<thời điểm> và chỉ mục được dựng lại từ các nguồn ghi trong "
            f"{settings.manifest_path}.")


def _root_cause(exc: BaseException) -> str:
    """The message of the first exception in a chain (the one that says what really went wrong)."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    return str(exc)


@cache
def chroma_errors() -> tuple[type[Exception], ...]:
    """What a Chroma call raises when it fails: Chroma's own errors, a server that cannot be reached or answers with
    an HTTP error, the embedded database's OS errors. (Imported on first use: chromadb is slow to import.)"""
    import httpx
    from chromadb.errors import ChromaError

    return ChromaError, httpx.HTTPError, OSError


@cache
def retryable_errors() -> tuple[type[Exception], ...]:
    """What :meth:`IndexStore._retrying` handles: a failed connection, or a collection a rebuild swapped away."""
    import httpx
    from chromadb.errors import NotFoundError

    return httpx.TransportError, ConnectionError, TimeoutError, NotFoundError


def is_transient(exc: BaseException) -> bool:
    """A connection to a Chroma server that failed (refused, reset, timed out): worth retrying."""
    import httpx

    return isinstance(exc, (httpx.TransportError, ConnectionError, TimeoutError))


def is_missing_collection(exc: BaseException) -> bool:
    """A collection that does not exist (any more: a rebuild elsewhere swapped it away)."""
    from chromadb.errors import NotFoundError

    return isinstance(exc, NotFoundError)


def connection_message(settings: Settings, exc: Exception) -> str:
    """What a failed Chroma call means to the user, in Vietnamese, with what to do about it."""
    if is_missing_collection(exc):
        return (f"Chỉ mục không còn bộ sưu tập Chroma cần đọc ({_root_cause(exc)}); có thể một lượt dựng lại khác "
                "vừa thay nó. Hãy thử lại, hoặc chạy `python -m ingest`.")
    if settings.chroma_host:
        return (f"Không kết nối được máy chủ Chroma {settings.chroma_host}:{settings.chroma_port} "
                f"({_root_cause(exc)}). Kiểm tra CHROMA_HOST/CHROMA_PORT và máy chủ `chroma run`.")
    return f"Không mở được Chroma ở {settings.chroma_dir} ({_root_cause(exc)})."


#: Chroma names each vector segment's folder by the segment's id, a UUID.
_SEGMENT_FOLDER = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def live_segment_ids(chroma_dir: Path) -> set[str]:
    """The ids of every segment and collection the embedded database still holds (read-only, from its
    ``segments`` and ``collections`` tables): a folder named by either is live."""
    import sqlite3

    uri = f"{(Path(chroma_dir) / 'chroma.sqlite3').resolve().as_uri()}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=10)) as con:
            rows = con.execute("SELECT id FROM segments UNION SELECT id FROM collections").fetchall()
            return {str(row[0]) for row in rows}
    except sqlite3.Error as exc:
        raise OSError(f"không đọc được bảng segments của {chroma_dir}: {exc}") from exc


def remove_unused_segment_folders(chroma_dir: Path) -> int:
    """Remove the vector folders of segments the database no longer holds: Chroma's ``delete_collection`` leaves
    them on disk (about 135 MB per rebuild at 100k passages). Folders are listed *before* the segments are read, so
    a collection created meanwhile is never touched; anything not named like a segment is left alone.

    Returns:
        How many folders were removed.

    Raises:
        OSError: the database or a folder could not be read or removed.
    """
    folder = Path(chroma_dir)
    if not (folder / "chroma.sqlite3").is_file():
        return 0
    candidates = [p for p in folder.iterdir() if p.is_dir() and _SEGMENT_FOLDER.fullmatch(p.name)]
    if not candidates:
        return 0
    live = live_segment_ids(folder)
    unused = [p for p in candidates if p.name not in live]
    for path in unused:
        shutil.rmtree(path)
    return len(unused)


def quarantine_chroma(settings: Settings) -> Path:
    """Move a damaged embedded Chroma folder aside as ``chroma.broken-<time>``; returns where it went."""
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()  # this process must not keep serving the damaged files
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = settings.data_dir / f"chroma.broken-{stamp}"
    n = 1
    while target.exists():
        n += 1
        target = settings.data_dir / f"chroma.broken-{stamp}-{n}"
    os.replace(settings.chroma_dir, target)
    log.info("Chroma hỏng: đã chuyển %s sang %s", settings.chroma_dir, target)
    return target


__all__ = ["make_client", "storage_problem", "storage_message", "check_writable",
           "quarantine_chroma", "chroma_damage", "damaged_message", "get_all", "chroma_errors",
           "retryable_errors", "is_transient",
           "remove_unused_segment_folders", "live_segment_ids", "is_missing_collection", "connection_message"]
