"""Ingest files into the index: incremental by content hash, one bad file never stops the batch."""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from index.model import Document
from index.store import IndexStore, index_text
from ingest.document import build_document, content_hash, make_doc_id
from ingest.errors import DocumentError
from settings import PROJECT_ROOT, Settings

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


class IngestBusy(RuntimeError):
    """Another ingest holds the lock."""


@dataclass
class IngestReport:
    """What one ingest did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    passages: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One Vietnamese paragraph for the CLI and the app."""
        parts = [
            f"{len(self.added)} văn bản mới, {len(self.updated)} cập nhật, {len(self.unchanged)} không đổi",
            f"{len(self.removed)} gỡ bỏ",
            f"{self.passages} đoạn đã nhúng",
            f"{self.seconds:.1f} giây",
        ]
        lines = ["; ".join(parts) + "."]
        lines += [f"Từ chối {path}: {reason}" for path, reason in self.refused]
        lines += self.notes
        return "\n".join(lines)


def relative_source(path: Path) -> str:
    """A file's path relative to the project root (absolute when it lies outside).

    >>> relative_source(PROJECT_ROOT / "corpus" / "a.txt")
    'corpus/a.txt'
    """
    path = Path(os.path.abspath(path))
    try:
        return path.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named, and files under folders named (recursively, hidden files skipped), sorted."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and not any(
                part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out


@contextlib.contextmanager
def ingest_lock(settings: Settings):
    """Serialise ingests sharing a data directory; the second one is told so at once."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise IngestBusy(
                "Một lượt nạp văn bản khác đang chạy trên cùng thư mục dữ liệu; hãy chờ nó xong rồi thử lại."
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def load_document(path: Path, settings: Settings, doc_id: str | None = None) -> Document:
    """Read, convert, clean and structure one file (no index involved)."""
    from ingest.loaders import load_file

    loaded = load_file(path, max_bytes=int(settings.max_file_mb * 1024 * 1024))
    source = relative_source(path)
    digest = content_hash(path.read_bytes())
    doc = build_document(doc_id or make_doc_id(source), source, loaded.text, digest=digest, notes=loaded.notes)
    if not doc.passages:
        raise DocumentError(source, "không tìm thấy đoạn văn bản nào có nội dung sau khi làm sạch")
    return doc


def ingest_paths(paths: Iterable[Path], settings: Settings, store: IndexStore | None = None, *,
                 prune: bool = False, progress: Progress | None = None) -> IngestReport:
    """Ingest files and folders into the index.

    Args:
        paths: files or folders.
        settings: where the index lives and which embedder builds it.
        store: an open :class:`IndexStore` (one is made from the settings otherwise).
        prune: also remove documents whose file no longer exists.
        progress: called as ``progress(done, total, file)``.

    Returns:
        An :class:`IngestReport`; refused files are listed with their reason, never raised.

    Raises:
        IngestBusy: another ingest is running on the same data directory.
    """
    started = time.perf_counter()
    store = store or IndexStore(settings)
    report = IngestReport()
    with ingest_lock(settings):
        store.check_embedder(claim=True)
        orphans = store.drop_orphans()
        if orphans:
            report.notes.append(f"Đã dọn {orphans} đoạn còn sót từ một lượt nạp bị ngắt.")
        records = store.records()
        by_source = {r.source: r for r in records.values()}
        by_hash = {r.version: r for r in records.values()}
        files = expand_paths(paths)
        seen_hashes: dict[str, str] = {}
        for done, path in enumerate(files, start=1):
            source = relative_source(path)
            if progress:
                progress(done - 1, len(files), source)
            try:
                _ingest_one(path, source, settings, store, report, by_source, by_hash, seen_hashes)
            except DocumentError as exc:
                report.refused.append((exc.path, exc.reason))
            except Exception as exc:  # noqa: BLE001 - one broken file never stops the batch
                log.exception("ingest failed for %s", source)
                report.refused.append((source, f"lỗi không mong đợi khi xử lý tệp ({type(exc).__name__}: {exc})"))
        if prune:
            for record in store.records().values():
                if not _source_path(record.source).exists():
                    store.delete_document(record.doc_id)
                    report.removed.append(record.source)
        if progress:
            progress(len(files), len(files), "")
        store.lexical(quiet=True)  # rebuild the BM25 cache now (expected after writes), not on the first search
    report.seconds = time.perf_counter() - started
    return report


def _source_path(source: str) -> Path:
    path = Path(source)
    return path if path.is_absolute() else PROJECT_ROOT / path


def _ingest_one(path: Path, source: str, settings: Settings, store: IndexStore, report: IngestReport,
                by_source: dict, by_hash: dict, seen_hashes: dict) -> None:
    from ingest.loaders import SUPPORTED_EXTENSIONS

    if path.suffix.lower() not in SUPPORTED_EXTENSIONS:
        raise DocumentError(source, f"định dạng '{path.suffix or '(không có đuôi)'}' không được hỗ trợ; chỉ nhận "
                                    + ", ".join(SUPPORTED_EXTENSIONS))
    if not path.is_file():
        raise DocumentError(source, "không tìm thấy tệp")
    size = path.stat().st_size
    limit = settings.max_file_mb * 1024 * 1024
    if size > limit:
        raise DocumentError(source, f"tệp quá lớn ({size / 1024 / 1024:.4g} MB; giới hạn {settings.max_file_mb:g} MB)")
    digest = content_hash(path.read_bytes())
    version = digest[:12]
    existing = by_source.get(source)
    if existing and existing.version == version:
        report.unchanged.append(source)
        return
    twin = by_hash.get(version)
    if twin and twin.source != source and _source_path(twin.source).exists():
        raise DocumentError(source, f"trùng nội dung với văn bản đã nạp {twin.source}; bỏ qua bản sao")
    if version in seen_hashes:
        raise DocumentError(source, f"trùng nội dung với {seen_hashes[version]} trong cùng lượt nạp; bỏ qua bản sao")
    seen_hashes[version] = source
    doc_id = existing.doc_id if existing else _free_doc_id(make_doc_id(source), source, by_source)
    doc = load_document(path, settings, doc_id)
    vectors = store.embedder.embed_passages([index_text(p, {**doc.metadata, **p.metadata}) for p in doc.passages])
    store.write_document(doc, vectors)
    report.passages += len(doc.passages)
    report.notes.extend(f"{source}: {note}" for note in doc.notes)
    (report.updated if existing else report.added).append(source)


def _free_doc_id(doc_id: str, source: str, by_source: dict) -> str:
    taken = {r.doc_id for r in by_source.values()}
    if doc_id not in taken:
        return doc_id
    import hashlib

    return f"{doc_id}-{hashlib.sha1(source.encode()).hexdigest()[:6]}"


__all__ = ["ingest_paths", "IngestReport", "IngestBusy", "load_document", "relative_source", "expand_paths"]
