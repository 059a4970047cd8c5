"""Ingest files into the index: incremental by content hash, one bad file never stops the batch."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from errors import DocumentError, IndexDamaged, IndexStorageProblem, IndexUnavailable, IngestBusy
from index.chroma import quarantine_chroma, storage_message, storage_problem
from index.corrections import read_corrections
from index.lexical_state import remove_leftover_saves
from index.manifest import read_manifest, source_path, write_manifest
from index.model import OCR_KEY, Document
from index.store import DocRecord, IndexStore, index_texts
from ingest.corrections import apply_stored
from ingest.document import build_document, content_hash, make_doc_id
from ingest.loaders import check_file
from settings import PROJECT_ROOT, Settings

log = logging.getLogger(__name__)

#: ``progress(done, total, file, detail)``: files done of total, the file at work, and its stage ("nhúng 64/300 đoạn").
Progress = Callable[[int, int, str, str], None]
#: Passages embedded per call, so a long file reports "N/M đoạn" as it goes (large enough to keep the model busy).
EMBED_BATCH = 64
#: What reading, cleaning, embedding and writing one broken file may raise besides DocumentError: the file is refused
#: and the batch goes on. Anything else (TypeError, AttributeError…) is a bug: it stops the batch and reaches the CLI
#: or UI edge, which logs its traceback.
FILE_ERRORS = (OSError, ValueError, LookupError, ArithmeticError, RuntimeError)


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
    stored: int = -1  # documents the index holds after the run (-1: not counted)
    paths: dict[str, Path] = field(default_factory=dict)  # source → resolved file, for the manifest
    #: documents a removal would have dropped, kept until the user confirms (``--yes``, the app's dialog)
    held: list[str] = field(default_factory=list)
    #: (old source, new source): a file renamed or moved, its document kept (same id, not embedded again)
    renamed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """One Vietnamese paragraph for the CLI and the app."""
        parts = [
            f"{len(self.added)} văn bản mới, {len(self.updated)} cập nhật, {len(self.unchanged)} không đổi",
            f"{len(self.removed)} gỡ bỏ",
            f"{len(self.refused)} bị từ chối",
            f"{self.passages} đoạn đã nhúng",
            f"{self.seconds:.1f} giây",
        ]
        if self.stored >= 0:
            parts.append(f"chỉ mục có {self.stored} văn bản")
        lines = ["; ".join(parts) + "."]
        lines += [f"Từ chối {path}: {reason}" for path, reason in self.refused]
        lines += [f"Đổi tên {old} → {new}: giữ văn bản, không nhúng lại." for old, new in self.renamed]
        lines += self.notes
        return "\n".join(map(shown, lines))  # one line each, whatever a file name holds

    def exit_status(self) -> int:
        """For ``python -m ingest``: 1 when documents wait for a confirmation to be removed, 2 when no file given is
        in the index, 1 when some file was refused, else 0."""
        if self.held:
            return 1
        if not (self.added or self.updated or self.unchanged or self.removed or self.renamed):
            return 2
        return 1 if self.refused else 0


#: Invisible characters that reorder or break a line (bidirectional overrides and isolates, directional marks): in
#: a file name they would make a progress or report line show something else than what it says.
_LINE_FORGERS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def shown(text: str) -> str:
    """``text`` safe for one progress or report line: control characters, line and paragraph separators and bidi
    overrides written as escapes (``\\n``), so a file name cannot forge another line.

    >>> shown("a\\n[2/2] b.txt: xong.txt"), shown("kế hoạch\\u202etxt.exe"), shown("Sở Nội vụ")
    ('a\\\\n[2/2] b.txt: xong.txt', 'kế hoạch\\\\u202etxt.exe', 'Sở Nội vụ')
    """
    import unicodedata

    if text.isprintable() and not _LINE_FORGERS.intersection(text):
        return text
    return "".join(ch.encode("unicode_escape").decode("ascii")
                   if unicodedata.category(ch) in ("Cc", "Zl", "Zp") or ch in _LINE_FORGERS else ch for ch in text)


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


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files named, and files under folders named (recursively, hidden files skipped), each resolved, in order;
    plus what was refused: a path that does not exist, a link resolving outside the folder it was found in."""
    files: list[Path] = []
    refused: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for given in map(Path, paths):
        if not given.exists():
            refused.append((str(given), "không tìm thấy tệp hoặc thư mục này."))
            continue
        if given.is_dir():
            root = given.resolve()
            found = sorted(f for f in given.rglob("*") if (f.is_file() or f.is_symlink())
                           and not any(part.startswith(".") for part in f.relative_to(given).parts))
        else:
            root, found = Path(os.path.abspath(given)).parent.resolve(), [given]
        for f in found:
            real = f.resolve()
            if not real.is_relative_to(root):
                refused.append((relative_source(f), f"là liên kết trỏ ra ngoài thư mục được chọn ({real}); chỉ đọc "
                                                    "tệp nằm trong các thư mục đã cho."))
            elif real not in seen:
                seen.add(real)
                files.append(real)
    return files, refused


def hidden_entries(paths: Iterable[Path], *, inside: Path | None = None) -> list[str]:
    """The hidden files and folders (name starting with ".") that :func:`collect_files` skips under the folders
    given, each named once at its top (a skipped folder's files are not listed), except those under ``inside`` (the
    data folder: its hidden entries are ours, such as the uploads' earlier versions).

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for name in (".git/config", ".ban-nhap.txt", "a/.DS_Store", "a/b.txt"):
    ...     (root / name).parent.mkdir(parents=True, exist_ok=True); _ = (root / name).write_text("x")
    >>> [Path(p).name for p in hidden_entries([root])]
    ['.ban-nhap.txt', '.git', '.DS_Store']
    """
    found: list[str] = []
    for given in map(Path, paths):
        if not given.is_dir() or (inside is not None and given.resolve().is_relative_to(inside.resolve())):
            continue
        for entry in sorted(given.rglob(".*")):
            parts = entry.relative_to(given).parts
            if not any(part.startswith(".") for part in parts[:-1]):
                found.append(relative_source(entry))
    return found


@contextlib.contextmanager
def ingest_lock(settings: Settings):
    """Serialise ingests and every destructive operation sharing a data directory; the second one is told so at
    once. A ``filelock`` lock file: released by the OS when the holder dies, on Linux and Windows alike."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(settings.lock_path), timeout=0)
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except Timeout as exc:  # (a TimeoutError, so an OSError: caught first)
        raise IngestBusy(
            "Một lượt nạp văn bản khác đang chạy trên cùng thư mục dữ liệu; hãy chờ nó xong rồi thử lại."
        ) from exc
    except OSError as exc:  # a read-only or full data folder: named, not a traceback nor "some file refused"
        raise IndexStorageProblem(storage_message(settings, storage_problem(exc) or f"không tạo được tệp khoá "
                                                  f"{settings.lock_path} ({exc})")) from exc
    try:
        yield
    finally:
        lock.release()


def load_document(path: Path, settings: Settings, doc_id: str | None = None, raw: bytes | None = None,
                  progress: Callable[[str], None] | None = None, *, digest: str = "") -> Document:
    """Read, convert, clean and structure one file (no index involved), within the size limits of the settings.

    The file is checked (the file rule), read and hashed once: ``raw``, its bytes, when the caller has read them
    after the rule took them (neither checked nor read again here); ``digest``, their content hash, when the caller
    computed it; ``progress``: told each step of a long read ("OCR trang 3/12")."""
    from ingest.loaders import load_file, read_file

    raw = read_file(path, max_bytes=settings.max_file_bytes) if raw is None else raw
    loaded = load_file(path, max_bytes=settings.max_file_bytes, max_unzipped_bytes=settings.max_unzipped_bytes,
                       max_chars=settings.max_document_chars, raw=raw, progress=progress)
    source = relative_source(path)
    digest = digest or content_hash(raw)
    doc = build_document(doc_id or make_doc_id(source), source, loaded.text, digest=digest, notes=loaded.notes,
                         extra={OCR_KEY: loaded.ocr} if loaded.ocr else None)
    if not doc.passages:
        raise DocumentError(source, "không tìm thấy đoạn văn bản nào có nội dung sau khi làm sạch")
    if len(doc.passages) > settings.max_passages:
        raise DocumentError(source, f"văn bản được cắt thành {len(doc.passages)} đoạn, vượt giới hạn "
                                    f"{settings.max_passages} đoạn cho mỗi văn bản (MAX_PASSAGES); hãy tách thành "
                                    "nhiều tệp.")
    return doc



def ingest_paths(paths: Iterable[Path], settings: Settings, store: IndexStore | None = None, *,
                 prune: bool = False, rebuild: bool = False, progress: Progress | None = None,
                 confirm: bool = False) -> IngestReport:
    """Ingest files and folders into the index.

    Args:
        paths: files or folders.
        settings: where the index lives and which embedder builds it.
        store: an open :class:`IndexStore` (one is made from the settings otherwise).
        prune: also remove documents whose file no longer exists.
        rebuild: build a new index from ``paths`` alone, then swap it in (searches read the old one until then).
        progress: called as ``progress(done, total, file, detail)``.
        confirm: the user agreed to lose what cannot be re-read: a prune removing more than
            :data:`REMOVAL_CONFIRM_SHARE` of the documents, a rebuild or a recovery without some documents' files.
            Without it those documents are kept and listed in ``report.held``.

    Returns:
        An :class:`IngestReport`; refused files are listed with their reason, never raised. A damaged or lost
        Chroma database is moved aside and rebuilt from the manifest's sources, and the report says so.

    Raises:
        IngestBusy: another ingest is running on the same data directory.
    """
    with ingest_lock(settings):
        return ingest_locked(paths, settings, store, prune=prune, rebuild=rebuild, progress=progress,
                             confirm=confirm)


def ingest_locked(paths: Iterable[Path], settings: Settings, store: IndexStore | None = None, *,
                  prune: bool = False, rebuild: bool = False, progress: Progress | None = None,
                  confirm: bool = False, accepted: dict[Path, bytes] | None = None) -> IngestReport:
    """:func:`ingest_paths` for a caller that already holds :func:`ingest_lock` (an upload saves its files under
    the lock, then ingests them). ``accepted``: resolved path → bytes of files the caller has checked with the file
    rule and written itself (an upload's saved files): neither checked nor read again."""
    started = time.perf_counter()
    report = IngestReport()
    store = store or IndexStore(settings)
    remove_leftovers(settings)
    paths = list(paths)
    paths += _recover(settings, store, report, confirm)
    if rebuild and not _may_replace(store, report, confirm):
        report.seconds = time.perf_counter() - started
        return report
    hints = {r.source: r.doc_id for r in store.records().values()}
    store.drop_stale_generations()  # a killed rebuild's generation, a replaced first one, their vector folders
    target = store.new_generation() if rebuild else store
    _ingest_files(paths, settings, target, report, hints, _with_detail(progress), accepted or {})
    if prune:
        _prune(target, report, paths, confirm)
    if rebuild:
        _swap(store, target, report)
    _finish(settings, store, report)
    report.seconds = time.perf_counter() - started
    return report


#: Temp files our own writes leave when killed, under the ingest lock (so none is being written when an ingest
#: starts): the manifest's (``index.manifest.write_manifest``) in DATA_DIR, an upload's in the uploads folder.
_LEFTOVER_PATTERNS = ((".", ".manifest.json.*.part"), ("uploads", ".*.part"))


def remove_leftovers(settings: Settings) -> int:
    """Remove the temp files and folders a killed ingest, upload or cache save left in DATA_DIR; returns how many.
    Best effort: a file that cannot be removed is logged and left."""
    removed = remove_leftover_saves(settings.lexical_dir)
    for where, pattern in _LEFTOVER_PATTERNS:
        folder = settings.data_dir if where == "." else settings.uploads_dir
        for path in folder.glob(pattern) if folder.is_dir() else []:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed += 1
    if removed:
        log.info("Đã dọn %d tệp tạm còn sót trong %s", removed, settings.data_dir)
    return removed


def delete_documents(doc_ids: Iterable[str], settings: Settings, store: IndexStore) -> int:
    """Remove documents from the index under the ingest lock, and update the manifest; returns how many."""
    with ingest_lock(settings):
        records = store.records()
        gone = [d for d in doc_ids if d in records]
        for doc_id in gone:
            store.delete_document(doc_id)
        write_manifest(settings, store.records(), {})
    return len(gone)


def _with_detail(progress: Callable | None) -> Progress:
    """The callback as ``progress(done, total, file, detail)``; one written for three arguments gets three."""
    import inspect

    if progress is None:
        return lambda done, total, name, detail="": None
    try:
        inspect.signature(progress).bind(0, 0, "", "")
    except TypeError:
        return lambda done, total, name, detail="": progress(done, total, shown(name))
    except ValueError:  # a builtin without a signature: assume the full one
        pass
    return lambda done, total, name, detail="": progress(done, total, shown(name), shown(detail))


def _recover(settings: Settings, store: IndexStore, report: IngestReport, confirm: bool = False) -> list[Path]:
    """When the Chroma database is damaged (moved aside here, never deleted) or empty while the manifest lists
    documents, the manifest's files and the uploads to ingest again, with a note saying so; otherwise nothing.

    Raises:
        IndexDamaged: the database is damaged and some documents it holds could not be re-read (their files are
            gone): nothing is moved until the user confirms (``confirm``).
    """
    try:
        if store.records():
            return []
        what = "Chỉ mục trống"
    except IndexDamaged as exc:
        present, missing = manifest_files(settings)
        if missing and not confirm:
            raise IndexDamaged(f"{exc.user_message} Không dựng lại: {len(missing)} văn bản không còn tệp để đọc lại "
                               f"({_listed(missing)}). Khôi phục các tệp đó, hoặc chạy `python -m ingest --yes` để "
                               "vẫn dựng lại không có chúng (thư mục hỏng được giữ nguyên).", exc.reason) from exc
        broken = quarantine_chroma(settings)
        store.reset()
        what = f"Cơ sở dữ liệu Chroma bị hỏng ({exc.reason}); đã chuyển sang {broken} (giữ nguyên, không xoá)"
    present, missing = manifest_files(settings)
    present += _uploads(settings)
    if present or missing:
        report.notes.append(f"{what}: đang dựng lại chỉ mục từ {len(present)} nguồn ghi trong "
                            f"{settings.manifest_path} và thư mục tải lên.")
    elif what != "Chỉ mục trống":
        report.notes.append(f"{what}; không có manifest để dựng lại, chỉ nạp các đường dẫn đã cho.")
    report.notes += [f"Không còn tệp {m} (ghi trong manifest): không nạp lại được." for m in missing]
    return present


#: A prune or rebuild that would remove more than this share of the index's documents asks for confirmation: a
#: routine prune drops a few renamed or deleted files; a third of the library at once is more likely a folder moved,
#: unmounted or mistyped.
REMOVAL_CONFIRM_SHARE = 0.3
#: Sources named in one note before "…".
_LISTED_MAX = 8


def _listed(sources: list[str]) -> str:
    """Sources for a note, the first few by name.

    >>> _listed(["a.txt", "b.txt"]), _listed([f"{i}.txt" for i in range(10)])[-19:]
    ('a.txt, b.txt', '… và 2 văn bản khác')
    """
    head = ", ".join(sources[:_LISTED_MAX])
    return head + (f"… và {len(sources) - _LISTED_MAX} văn bản khác" if len(sources) > _LISTED_MAX else "")


def _uploads(settings: Settings) -> list[Path]:
    """The uploads folder, when it exists (re-read by a recovery or a rebuild even when the manifest is lost)."""
    return [settings.uploads_dir] if settings.uploads_dir.is_dir() else []


def rebuild_sources(settings: Settings, store: IndexStore) -> list[Path]:
    """Every file a rebuild with no path re-reads: CORPUS_DIR, the manifest's files, the files the index's records
    name (when the manifest is missing, empty or unreadable they still are known) and the uploads folder."""
    found: dict[Path, None] = {Path(settings.corpus_dir): None}
    try:
        records = store.records().values()
    except IndexDamaged:
        records = []
    candidates = manifest_files(settings)[0] + [source_path(r.source) for r in records] + _uploads(settings)
    for path in candidates:
        if path.exists():
            found.setdefault(path.resolve(), None)
    return list(found)


def _may_replace(store: IndexStore, report: IngestReport, confirm: bool) -> bool:
    """Whether a rebuild may replace the index: every document it holds can be re-read, or the user confirmed."""
    unreadable = sorted(r.source for r in store.records().values() if not source_path(r.source).is_file())
    if not unreadable or confirm:
        if unreadable:
            report.notes.append(f"Đã xác nhận: dựng lại không có {len(unreadable)} văn bản không còn tệp "
                                f"({_listed(unreadable)}).")
        return True
    report.held = unreadable
    report.notes.append(f"Không dựng lại: {len(unreadable)} văn bản trong chỉ mục không còn tệp để đọc lại "
                        f"({_listed(unreadable)}); chỉ mục giữ nguyên. Khôi phục các tệp, hoặc xác nhận "
                        "(`python -m ingest --rebuild --yes`) để dựng lại không có chúng.")
    return False


def manifest_files(settings: Settings) -> tuple[list[Path], list[str]]:
    """The manifest's files that still exist, and the sources of those that do not."""
    listed = read_manifest(settings)
    present = [Path(d["path"]) for d in listed if Path(d["path"]).is_file()]
    missing = [d.get("source", d["path"]) for d in listed if not Path(d["path"]).is_file()]
    return present, missing


@dataclass
class _Seen:
    """What one run has met so far: records before it, content versions and doc ids given out during it."""

    by_source: dict
    by_hash: dict
    hints: dict
    hashes: dict = field(default_factory=dict)
    taken: set = field(default_factory=set)
    corrections: dict = field(default_factory=dict)  # source → an administrator's corrections (index.corrections)
    accepted: dict = field(default_factory=dict)  # resolved path → bytes the caller checked and wrote (an upload)


def _ingest_files(paths: list[Path], settings: Settings, store: IndexStore, report: IngestReport, hints: dict,
                  progress: Progress, accepted: dict[Path, bytes]) -> None:
    store.check_embedder(claim=True)
    orphans = store.drop_orphans()
    if orphans:
        report.notes.append(f"Đã dọn {orphans} đoạn còn sót từ một lượt nạp bị ngắt.")
    records = store.records()
    corrections, note = read_corrections(settings)
    report.notes += [note] if note else []
    seen = _Seen({r.source: r for r in records.values()}, {r.version: r for r in records.values()}, hints,
                 taken={r.doc_id for r in records.values()}, corrections=corrections, accepted=accepted)
    files, refused = collect_files(paths)
    report.refused += refused
    hidden = hidden_entries(paths, inside=settings.data_dir)
    if hidden:
        report.notes.append(f"Bỏ qua {len(hidden)} tệp hoặc thư mục ẩn (tên bắt đầu bằng dấu chấm): {_listed(hidden)}.")
    for done, path in enumerate(files, start=1):
        source = relative_source(path)
        report.paths[source] = path

        def tick(detail: str, done=done, source=source) -> None:
            progress(done - 1, len(files), source, detail)

        try:
            _ingest_one(path, source, settings, store, report, seen, tick)
        except DocumentError as exc:
            report.refused.append((exc.path, exc.reason + _still_served(seen, source)))
        except IndexUnavailable:
            raise  # the index itself cannot be used: every other file would fail the same way
        except FILE_ERRORS as exc:  # one broken file never stops the batch
            log.exception("ingest failed for %s", source)
            report.refused.append((source, f"lỗi không mong đợi khi xử lý tệp ({type(exc).__name__}: {exc})"))
    progress(len(files), len(files), "", "")


def _still_served(seen: _Seen, source: str) -> str:
    """For a refused file already in the index (emptied, damaged, grown past a limit on disk): the user is told its
    earlier version stays searchable, so nothing is lost by a bad save, and how to remove it on purpose."""
    if source not in seen.by_source:
        return ""
    return (" Bản đã nạp trước đó của tệp này vẫn được giữ và vẫn được tìm kiếm, trích dẫn; sửa tệp rồi nạp lại, hoặc "
            "xoá tệp rồi chạy `python -m ingest --prune` (hoặc xoá trong ứng dụng) nếu muốn gỡ.")


def _prune(store: IndexStore, report: IngestReport, given: list[Path], confirm: bool) -> None:
    """Remove documents whose file is gone; nothing when a folder or file given cannot be read (a missing folder
    is not a folder emptied), and nothing beyond :data:`REMOVAL_CONFIRM_SHARE` without confirmation."""
    unreadable = [str(p) for p in given if not Path(p).exists() or not os.access(p, os.R_OK)]
    if unreadable:
        report.notes.append(f"Không gỡ văn bản nào: không đọc được {_listed(unreadable)}; một thư mục thiếu không "
                            "có nghĩa là các văn bản của nó đã bị xoá.")
        return
    records = store.records().values()
    gone = [r for r in records if not source_path(r.source).exists()]
    if len(gone) > 1 and len(gone) > REMOVAL_CONFIRM_SHARE * len(records) and not confirm:
        report.held = sorted(r.source for r in gone)
        report.notes.append(f"Không gỡ: {len(gone)}/{len(records)} văn bản sẽ bị gỡ vì không còn tệp "
                            f"({_listed(report.held)}). Nếu đúng là đã xoá, xác nhận (`python -m ingest --prune "
                            "--yes`, hoặc nút xác nhận trong ứng dụng).")
        return
    for record in gone:
        store.delete_document(record.doc_id)
        report.removed.append(record.source)


def _swap(store: IndexStore, built: IndexStore, report: IngestReport) -> None:
    n = len(built.records())
    if not n:
        built.discard()
        report.notes.append("Dựng lại không lưu được văn bản nào: giữ nguyên chỉ mục cũ.")
        return
    store.activate(built)
    report.notes.append(f"Đã dựng lại chỉ mục ({n} văn bản) và chuyển sang bản mới; các tìm kiếm dùng bản cũ tới lúc "
                        "chuyển.")


def _finish(settings: Settings, store: IndexStore, report: IngestReport) -> None:
    records = store.records()
    report.stored = len(records)
    try:
        write_manifest(settings, records, report.paths)
    except OSError as exc:
        report.notes.append(f"Không ghi được {settings.manifest_path}: {exc}")
    store.lexical(quiet=True)  # rebuild the BM25 cache now (expected after writes), not on the first search


def _checked_bytes(path: Path, source: str, settings: Settings) -> bytes:
    """A file's bytes once the file rule takes it (:func:`ingest.loaders.check_file`, its one check in an ingest);
    a refusal names the file by its source."""
    if not path.is_file():
        raise DocumentError(source, "không tìm thấy tệp")
    reason = check_file(path.name, path.stat().st_size, max_bytes=settings.max_file_bytes)
    if reason:
        raise DocumentError(source, reason)
    return path.read_bytes()


def _ingest_one(path: Path, source: str, settings: Settings, store: IndexStore, report: IngestReport,
                seen: _Seen, tick: Callable[[str], None]) -> None:
    raw = seen.accepted.get(path)
    if raw is None:
        raw = _checked_bytes(path, source, settings)
    digest = content_hash(raw)  # hashed once: the version here, the document's content hash in load_document
    version = digest[:12]
    existing = seen.by_source.get(source)
    if existing and existing.version == version:
        report.unchanged.append(source)
        return
    twin = seen.by_hash.get(version)
    if twin and twin.source != source and source_path(twin.source).exists():
        raise DocumentError(source, f"trùng nội dung với văn bản đã nạp {twin.source}; bỏ qua bản sao")
    if twin and twin.source != source and not existing:  # its file was renamed or moved: one document, not two
        _move(store, twin, source, report, seen)
        return
    if version in seen.hashes:
        raise DocumentError(source, f"trùng nội dung với {seen.hashes[version]} trong cùng lượt nạp; bỏ qua bản sao")
    seen.hashes[version] = source
    tick("đọc và làm sạch")
    doc_id = existing.doc_id if existing else _free_doc_id(seen.hints.get(source) or make_doc_id(source), source,
                                                           seen.taken)
    doc = apply_stored(load_document(path, settings, doc_id, raw, tick, digest=digest), seen.corrections)
    texts = index_texts(doc)  # once: embedded here, their BM25 terms taken by write_document
    vectors = _embed(store, texts, tick)
    tick("ghi vào chỉ mục")
    store.write_document(doc, vectors, texts)
    seen.taken.add(doc_id)
    report.passages += len(doc.passages)
    report.notes.extend(f"{source}: {note}" for note in doc.notes)
    (report.updated if existing else report.added).append(source)


def _move(store: IndexStore, record: DocRecord, source: str, report: IngestReport, seen: _Seen) -> None:
    """The document of a file that no longer exists follows its content to ``source`` (same doc id, same passages)."""
    store.move_document(record.doc_id, source)
    moved = dataclasses.replace(record, source=source)
    seen.by_hash[record.version] = seen.by_source[source] = moved
    seen.by_source.pop(record.source, None)
    seen.hashes[record.version] = source
    report.renamed.append((record.source, source))


def _embed(store: IndexStore, texts: list[str], tick: Callable[[str], None]):
    import numpy as np

    parts = []
    for lo in range(0, len(texts), EMBED_BATCH):
        tick(f"nhúng {lo}/{len(texts)} đoạn")
        parts.append(store.embedder.embed_passages(texts[lo:lo + EMBED_BATCH]))
    tick(f"nhúng {len(texts)}/{len(texts)} đoạn")
    return np.vstack(parts)


def _free_doc_id(doc_id: str, source: str, taken: set) -> str:
    """``doc_id``, or a variant no document of the index or of this run has yet (a suffix from the source path).

    >>> _free_doc_id("kh-36", "a/kh 36.txt", set()), _free_doc_id("kh-36", "a/kh 36.txt", {"kh-36"})
    ('kh-36', 'kh-36-afec8b')
    """
    if doc_id not in taken:
        return doc_id
    import hashlib

    candidate = f"{doc_id}-{hashlib.sha1(source.encode()).hexdigest()[:6]}"
    n = 1
    while candidate in taken:
        n += 1
        candidate = f"{doc_id}-{hashlib.sha1(source.encode()).hexdigest()[:6]}-{n}"
    return candidate


__all__ = ["ingest_paths", "ingest_locked", "rebuild_sources", "REMOVAL_CONFIRM_SHARE",
            "delete_documents", "IngestReport", "IngestBusy", "load_document", "relative_source",
           "collect_files", "hidden_entries", "manifest_files", "ingest_lock", "shown"]
