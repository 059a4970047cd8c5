"""The documents the assistant answers from, as the app manages them: list, read, upload, delete, re-index, and the
index's first build. The one module of ``ingest`` the UI imports (``app.py``, ``pages/``, ``ui/``).

>>> safe_filename("../../etc/passwd")
'passwd'
>>> safe_filename("Kế hoạch 36.docx")
'Kế hoạch 36.docx'
"""

from __future__ import annotations

import logging
import os
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from errors import CorrectionInvalid, IndexDamaged
from index.corrections import (
    DEFAULT_WHO,
    FIELDS,
    FieldReading,
    append_log,
    field_readings,
    fields_of,
    log_entry,
    normalise_value,
    read_corrections,
    read_log,
    readings,
    write_corrections,
)
from index.manifest import source_path
from index.model import Document, document_label
from index.store import IndexStore, index_texts
from ingest.corrections import corrected_document, merged_fields
from ingest.loaders import check_file
from ingest.pipeline import (
    IngestReport,
    delete_documents,
    ingest_lock,
    ingest_locked,
    ingest_paths,
    rebuild_sources,
    relative_source,
)
from settings import Settings

log = logging.getLogger(__name__)

#: Extensions the upload widget offers (ingest also reads .htm, which browsers save as .html anyway).
UPLOAD_TYPES = ("txt", "md", "docx", "pdf", "html")
_UNSAFE = re.compile(r"[^\w\s.\-()]", re.UNICODE)  # \w covers Vietnamese letters and digits
_SPACES = re.compile(r"\s+")
#: Longest file name kept for an upload (well under every file system's limit, extension included).
_MAX_NAME = 120
#: The name of an upload whose own name has nothing safe left.
DEFAULT_NAME = "tep-tai-len"
#: Names Windows reserves for devices: an upload named so gets a leading "_".
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
#: Characters of a title added to a document's label when it has no number to tell it from the others.
_LABEL_TITLE_CHARS = 60
#: Why a saved upload is not in the index when ingest gave no reason of its own.
NOT_INGESTED = "không nạp được tệp"
#: The reason given to an upload that a later one of the same safe name replaced.
REPLACED = "được thay bằng tệp cùng tên tải lên sau"


# -- the file rule ----------------------------------------------------------------------------------------------------
def file_refusal(name: str, size: int, settings: Settings) -> str:
    """Why a file is refused before it is read (an unsupported type, over the size limit, empty), or "" when it may
    be read: the loaders' rule (:func:`ingest.loaders.check_file`) with this deployment's size limit.

    >>> from settings import load_settings
    >>> s = load_settings({}, max_file_mb=1)
    >>> file_refusal("Kế hoạch.DOCX", 10, s), file_refusal("a.txt", 0, s)
    ('', 'tệp rỗng (0 byte), không có nội dung để nạp.')
    >>> file_refusal("lon.pdf", 3 * 1024 * 1024 + 5000, s)
    'tệp quá lớn (3 MB), vượt giới hạn 1 MB cho mỗi tệp.'
    """
    return check_file(name, size, max_bytes=settings.max_file_bytes) or ""


# -- uploads ----------------------------------------------------------------------------------------------------------
def safe_filename(name: str) -> str:
    """The base name of an uploaded file, reduced to safe characters (Vietnamese letters kept, NFC).

    No directory part survives (``/`` and ``\\`` both count), control and shell characters become ``_``,
    leading dots are dropped (no hidden files, no ``..``), length is capped keeping the extension.

    >>> safe_filename("..\\\\..\\\\Windows\\\\win.ini")
    'win.ini'
    >>> safe_filename("a<b>|c?.txt")
    'a_b__c_.txt'
    >>> safe_filename("..")
    'tep-tai-len'
    >>> safe_filename(".bashrc")
    'bashrc'
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\x00", "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(" " if ch.isspace() else ("_" if unicodedata.category(ch)[0] == "C" else ch) for ch in name)
    name = _UNSAFE.sub("_", name)
    name = _SPACES.sub(" ", name).strip()
    name = name.lstrip(". ").rstrip(". ")
    if not name or set(name) <= {"_", ".", " "}:
        return DEFAULT_NAME
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    if stem.upper() in _RESERVED:
        stem = "_" + stem
    if len(name) > _MAX_NAME:
        ext = ext[:16]
        stem = stem[: _MAX_NAME - len(ext) - 1].rstrip(" .")
    return f"{stem}.{ext}" if ext else stem


def uploads_dir(settings: Settings) -> Path:
    """The folder uploads are saved in, inside the data folder."""
    return settings.uploads_dir


def save_upload(name: str, data: bytes, settings: Settings) -> tuple[Path | None, str]:
    """Save one file under the uploads folder; returns (path, "") or (None, Vietnamese reason). An earlier version
    of the same name is kept in :data:`VERSIONS_DIR`, never overwritten."""
    path, reason, _ = _save(name, data, settings)
    return path, reason


def _save(name: str, data: bytes, settings: Settings) -> tuple[Path | None, str, Path | None]:
    """:func:`save_upload`, also returning where the earlier version of the file was kept (None: there was none)."""
    safe = safe_filename(name)
    reason = file_refusal(safe, len(data), settings)
    if reason:
        return None, reason, None
    folder = uploads_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    target = (folder / safe).resolve()
    if target.parent != folder.resolve():  # defence in depth: never outside the uploads folder
        return None, "tên tệp không hợp lệ", None
    tmp = target.with_name(f".{target.name}.part")
    tmp.write_bytes(data)
    previous = None
    if target.is_file() and target.read_bytes() != data:  # an earlier version keeps its own file
        previous = previous_version_path(target)
        previous.parent.mkdir(exist_ok=True)
        os.replace(target, previous)
    os.replace(tmp, target)
    return target, "", previous


#: Hidden folder of the uploads folder where an earlier version of a re-uploaded file is kept (ingest skips names
#: starting with "."): a re-upload never overwrites the original an indexed document was read from, and a refused
#: new version gives the original back.
VERSIONS_DIR = ".phien-ban"


def previous_version_path(path: Path) -> Path:
    """Where the current file at ``path`` is kept when a new version replaces it: ``.phien-ban/<stem>.<time><ext>``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    folder = path.parent / VERSIONS_DIR
    candidate, n = folder / f"{path.stem}.{stamp}{path.suffix}", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{path.stem}.{stamp}-{n}{path.suffix}"
    return candidate


@dataclass
class UploadResult:
    """What happened to one uploaded file: ``status`` is added, updated, unchanged or refused.

    >>> UploadResult("a.exe", reason="định dạng không được hỗ trợ").message()
    'a.exe: bị từ chối — định dạng không được hỗ trợ'
    """

    name: str  # the name the user gave
    saved_as: str = ""  # the safe file name on disk
    status: str = "refused"
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "refused"

    def message(self) -> str:
        """One Vietnamese line for the page."""
        labels = {"added": "đã thêm", "updated": "đã cập nhật", "unchanged": "không đổi (đã có trong chỉ mục)",
                  "refused": "bị từ chối"}
        text = f"{self.name}: {labels.get(self.status, self.status)}"
        return f"{text} — {self.reason}" if self.reason else text


@dataclass
class UploadBatch:
    """The results of one upload, one per file in the order given, and the ingest's summary."""

    results: list[UploadResult] = field(default_factory=list)
    summary: str = ""


# -- what the pages show ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DocumentInfo:
    """One indexed document as the pages list it (plain data)."""

    doc_id: str
    label: str  # "Kế hoạch 36/KH-UBND – Kiên Giang, 2021" (with a short title when no number tells it apart)
    title: str
    metadata: dict
    passages: int
    file_name: str  # the name of the file it was read from, never the server's folders
    uploaded: bool  # read from the uploads folder: its file is deleted with it


def choice_label(metadata: dict, title: str, doc_id: str = "") -> str:
    """A document's label in lists and selectors: its type, number, province and year, and a short title when it
    has no number.

    >>> choice_label({"tinh": "Hà Nam", "nam": "2022", "loai_van_ban": "Kế hoạch"}, "T")
    'Kế hoạch – Hà Nam, 2022: T'
    >>> choice_label({"so_hieu": "36/KH-UBND", "loai_van_ban": "Kế hoạch"}, "Kiểm tra CCHC")
    'Kế hoạch 36/KH-UBND'
    """
    label = document_label(metadata, title or doc_id)
    if not metadata.get("so_hieu") and title and title not in label:
        short = title if len(title) <= _LABEL_TITLE_CHARS else title[:_LABEL_TITLE_CHARS - 1].rstrip() + "…"
        label = f"{label}: {short}"
    return label


# -- the service ------------------------------------------------------------------------------------------------------
class DocumentLibrary:
    """The indexed documents as the app manages them, over an open :class:`IndexStore`.

    Uploads, deletes and re-indexing run under the ingest lock of the data folder: a second one at the same time
    raises :class:`errors.IngestBusy` at once. One library per process (the app caches it), shared by every session.

    Setup — the store is passed in, with its Chroma client and embedder (``IndexStore(settings, embedder, client)``):

    >>> import tempfile
    >>> from pathlib import Path
    >>> from index.store import IndexStore
    >>> from settings import load_settings
    >>> settings = load_settings({}, embedding_model="hashing:64", data_dir=Path(tempfile.mkdtemp()))
    >>> library = DocumentLibrary(settings, IndexStore(settings))

    Use:

    >>> plan = "Số: 12/KH-UBND\\n\\nKẾ HOẠCH\\nKiểm tra cải cách hành chính năm 2030\\n\\nI. NỘI DUNG\\n\\n" \\
    ...        "1. Kiểm tra Sở Nội vụ trong quý II năm 2030.\\n"
    >>> batch = library.add_files([("Kế hoạch 12.txt", plan.encode()), ("virus.exe", b"MZ")])
    >>> [(r.name, r.status) for r in batch.results]
    [('Kế hoạch 12.txt', 'added'), ('virus.exe', 'refused')]
    >>> (info,) = library.documents()
    >>> info.label, info.passages > 0, info.file_name, info.uploaded
    ('Kế hoạch 12/KH-UBND', True, 'Kế hoạch 12.txt', True)
    >>> library.document(info.doc_id).text.startswith("Số: 12/KH-UBND")
    True
    >>> library.delete([info.doc_id]), library.documents(), (library.uploads_dir / "Kế hoạch 12.txt").exists()
    (1, [], False)
    """

    def __init__(self, settings: Settings, store: IndexStore) -> None:
        self.settings = settings
        self.store = store  # handed to the assistant at start, so both read one index and load one embedder
        self.first_start = ""  # what the first start did ("" when the index was ready), for the app to show once

    @classmethod
    def open(cls, settings: Settings) -> DocumentLibrary:
        """A library over the index the settings name (a new store, its client and embedder made as needed)."""
        return cls(settings, IndexStore(settings))

    @property
    def uploads_dir(self) -> Path:
        return uploads_dir(self.settings)

    # -- start ------------------------------------------------------------------------------------------------------
    def ensure_index(self) -> str:
        """The app's first start: build the index from ``settings.corpus_dir`` (and the manifest's sources, when the
        database was damaged or lost) when it holds no document.

        Returns:
            What was done, to show once ("" when the index was ready); also kept in :attr:`first_start`.

        Raises:
            IndexUnavailable: the index cannot be used (another embedder built it, the server is unreachable).
        """
        try:
            self.store.check_embedder()
            if self.store.records():
                return ""
            what = f"Chỉ mục trống: lần khởi động đầu tiên, đang nạp kho văn bản đi kèm ({self.settings.corpus_dir})."
        except IndexDamaged as exc:
            what = f"{exc} Đang dựng lại ngay."
        log.warning(what)
        report = ingest_paths([self.settings.corpus_dir], self.settings, self.store)
        self.first_start = f"{what}\n{report.summary()}"
        return self.first_start

    # -- read -------------------------------------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        """Every indexed document, by province then id."""
        infos = [DocumentInfo(doc_id, choice_label(r.metadata or {}, r.title, doc_id), r.title, dict(r.metadata or {}),
                              r.n_passages, PurePath(str(r.source).replace("\\", "/")).name, self._uploaded(r.source))
                 for doc_id, r in self.store.records().items()]
        return sorted(infos, key=lambda d: (d.metadata.get("tinh", ""), d.doc_id))

    def document(self, doc_id: str) -> Document | None:
        """A document with its whole cleaned text (citations point into it), or None when it is no longer indexed."""
        return self.store.get_document(doc_id)

    @staticmethod
    def source_path(source: str) -> Path:
        """The file a stored source (of a document or a citation) was read from."""
        return source_path(source)

    def _uploaded(self, source: str) -> bool:
        """Whether a stored source lies in the uploads folder (a relative source is relative to the project root)."""
        return self.source_path(source).resolve().parent == self.uploads_dir.resolve()

    @staticmethod
    def fields(info: DocumentInfo) -> list[FieldReading]:
        """A document's fields as its card shows them: value, the span it was read from, corrected or not."""
        return field_readings(info.metadata)

    def correction_log(self, doc_id: str) -> list[dict]:
        """The corrections made to a document, oldest first (when, who, field, before, after)."""
        return read_log(self.settings, doc_id)

    def refusal(self, name: str, size: int) -> str:
        """Why a file of this name and size would be refused before it is read ("" when it may be read)."""
        return file_refusal(name, size, self.settings)

    # -- change -----------------------------------------------------------------------------------------------------
    def add_files(self, files: Iterable[tuple[str, bytes]], progress: Callable[..., None] | None = None) -> UploadBatch:
        """Save uploaded files under the uploads folder, then ingest them; one result per file (a refused file
        carries its reason and is not kept).

        Args:
            files: (original name, content) pairs.
            progress: ``progress(done, total, file, detail)`` (or without ``detail``), as ingest reports each stage.

        Raises:
            IngestBusy: another ingest, delete or re-index runs on the same data folder.
        """
        batch = UploadBatch()
        with ingest_lock(self.settings):  # before the uploads folder is touched: a busy refusal changes no file
            saved = self._save_all(files, batch)
            if not saved:
                batch.summary = "Không có tệp hợp lệ để nạp."
                return batch
            # the files were checked by the file rule as they were saved: ingest neither checks nor reads them again
            report = ingest_locked([s.path for s in saved.values()], self.settings, self.store, progress=progress,
                                   accepted={s.path: s.data for s in saved.values()})
            _record(report, saved)
        batch.summary = report.summary()
        return batch

    def _save_all(self, files: Iterable[tuple[str, bytes]], batch: UploadBatch) -> dict[str, _Saved]:
        """Save each file, adding its result to ``batch``; the saved ones by source (a later one of the same safe
        name wins)."""
        saved: dict[str, _Saved] = {}
        for name, data in files:
            path, reason, previous = _save(name, data, self.settings)
            result = UploadResult(name=str(name), saved_as=path.name if path else "", reason=reason)
            batch.results.append(result)
            if path is None:
                continue
            source = relative_source(path)
            if source in saved:
                saved[source].result.reason = REPLACED
                previous = saved[source].previous or previous  # the version before this batch
            saved[source] = _Saved(path, result, previous, data)
        return saved

    def delete(self, doc_ids: Iterable[str]) -> int:
        """Remove documents from the index under the ingest lock (the manifest follows), and the uploaded files they
        were read from; returns how many were removed.

        Raises:
            IngestBusy: another ingest, delete or re-index runs on the same data folder.
        """
        doc_ids = list(doc_ids)
        records = self.store.records()
        uploads = {records[d].source for d in doc_ids if d in records and self._uploaded(records[d].source)}
        removed = delete_documents(doc_ids, self.settings, self.store)
        for source in uploads:
            self.source_path(source).unlink(missing_ok=True)
        if uploads:
            self._forget_corrections(uploads)
        return removed

    def _forget_corrections(self, sources: set[str]) -> None:
        """Drop the corrections of uploads that were deleted with their file: a later upload of the same name is
        another document (a document of the corpus keeps them, since re-indexing brings it back)."""
        with ingest_lock(self.settings):
            documents, _ = read_corrections(self.settings)
            if sources & set(documents):
                write_corrections(self.settings, {k: v for k, v in documents.items() if k not in sources})

    def correct(self, doc_id: str, changes: dict[str, str | None], *, who: str = DEFAULT_WHO) -> list[dict]:
        """Store an administrator's corrections of one document and apply them to the index, under the ingest lock:
        first to ``corrections.json`` (what outlives the index), then to the document's record and passages
        (re-embedded, since they carry its fields), then to the log.

        Args:
            doc_id: the document.
            changes: field (:data:`index.corrections.FIELDS`) → new value; ``None``, or the value the text gave,
                takes the field back to its reading.
            who: written in the log.

        Returns:
            The log entries written, one per field whose value changed (empty when nothing changed).

        Raises:
            CorrectionInvalid: an unknown document or field, a value that is not a year, a date or a province.
            IngestBusy: another ingest, delete or re-index runs on the same data folder.
        """
        wanted = {k: None if v is None else normalise_value(k, v) for k, v in changes.items()}
        with ingest_lock(self.settings):
            doc = self.store.get_document(doc_id)
            if doc is None:
                raise CorrectionInvalid("Văn bản không còn trong chỉ mục; hãy tải lại trang.")
            documents, _ = read_corrections(self.settings)  # a damaged file is moved aside: this one starts afresh
            fields = merged_fields(fields_of(documents, doc.source), readings(doc.metadata), wanted)
            fixed = corrected_document(doc, fields)
            entries = [log_entry(doc_id, doc.source, k, str(doc.metadata.get(k, "")), str(fixed.metadata.get(k, "")),
                                 who) for k in FIELDS if doc.metadata.get(k, "") != fixed.metadata.get(k, "")]
            if not entries:
                return []
            documents[doc.source] = {"doc_id": doc_id, "fields": fields}
            write_corrections(self.settings, {k: v for k, v in documents.items() if v["fields"]})
            texts = index_texts(fixed)
            self.store.write_document(fixed, self.store.embedder.embed_passages(texts), texts)
            append_log(self.settings, entries)
            self.store.lexical(quiet=True)  # the BM25 state rebuilt now, not at the next question
        return entries

    def reindex_folders(self) -> list[Path]:
        """The folders re-indexing reads: the corpus, and the uploads folder once something was uploaded."""
        return [self.settings.corpus_dir] + ([self.uploads_dir] if self.uploads_dir.is_dir() else [])

    def reindex(self, progress: Callable[..., None] | None = None, *, rebuild: bool = False,
                confirm: bool = False) -> IngestReport:
        """Ingest :meth:`reindex_folders` again: new and changed files are embedded, documents whose file is gone are
        removed — none when a folder is missing, and more than a share of the library only with ``confirm``
        (``report.held`` lists what waits for it). With ``rebuild``, a new index is built from those folders, the
        manifest's files and the files the index's records name, then swapped in (searches read the old one until
        then); documents whose file is gone keep the old index unless confirmed.

        Raises:
            IngestBusy: another ingest, delete or re-index runs on the same data folder.
        """
        folders = self.reindex_folders()
        if rebuild:
            sources = list(dict.fromkeys(folders + rebuild_sources(self.settings, self.store)))
            return ingest_paths(sources, self.settings, self.store, rebuild=True, progress=progress, confirm=confirm)
        return ingest_paths(folders, self.settings, self.store, prune=True, progress=progress, confirm=confirm)


@dataclass
class _Saved:
    """One file saved by an upload: where, its result, and where its earlier version was kept (None: none)."""

    path: Path
    result: UploadResult
    previous: Path | None = None
    data: bytes = b""  # what was saved at ``path`` (checked by the file rule)


def _record(report: IngestReport, saved: dict[str, _Saved]) -> None:
    """Each saved upload's status from the ingest report. A refused file is removed from the uploads folder, so that
    the folder holds only files the index holds and re-indexing stays quiet; when it replaced an earlier version,
    that version (still the one the index quotes) is put back."""
    statuses = {source: status for status, sources in (("added", report.added), ("updated", report.updated),
                                                       ("unchanged", report.unchanged)) for source in sources}
    refused = dict(report.refused)
    for source, item in saved.items():
        result = item.result
        if source in statuses:
            result.status = statuses[source]
            continue
        result.status, result.reason = "refused", refused.get(source) or result.reason or NOT_INGESTED
        if source in refused:
            try:
                if item.previous is not None:
                    os.replace(item.previous, item.path)
                else:
                    item.path.unlink(missing_ok=True)
            except OSError:
                log.warning("Không dọn được tệp tải lên bị từ chối %s", item.path, exc_info=True)


__all__ = ["DocumentLibrary", "DocumentInfo", "FieldReading", "FIELDS", "UploadResult", "UploadBatch", "UPLOAD_TYPES",
           "choice_label", "file_refusal", "safe_filename", "save_upload", "uploads_dir"]
