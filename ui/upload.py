"""Uploaded files: safe names, size limit, saved under ``settings.data_dir / "uploads"``, then ingested.

>>> safe_filename("../../etc/passwd")
'passwd'
>>> safe_filename("Kế hoạch 36.docx")
'Kế hoạch 36.docx'
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from settings import Settings

#: Extensions the upload widget accepts (ingest also reads .htm).
UPLOAD_TYPES = ("txt", "md", "docx", "pdf", "html")
_ALLOWED_SUFFIXES = tuple("." + t for t in UPLOAD_TYPES) + (".htm",)
_UNSAFE = re.compile(r"[^\w\s.\-()]", re.UNICODE)  # \w covers Vietnamese letters and digits
_SPACES = re.compile(r"\s+")
_MAX_NAME = 120
DEFAULT_NAME = "tep-tai-len"
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def uploads_dir(settings: Settings) -> Path:
    return Path(settings.data_dir) / "uploads"


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


@dataclass
class UploadResult:
    """What happened to one uploaded file: ``status`` is added, updated, unchanged or refused."""

    name: str  # the name the user gave
    saved_as: str = ""  # the safe file name on disk
    status: str = "refused"
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "refused"

    def message(self) -> str:
        labels = {"added": "đã thêm", "updated": "đã cập nhật", "unchanged": "không đổi (đã có trong chỉ mục)",
                  "refused": "bị từ chối"}
        text = f"{self.name}: {labels.get(self.status, self.status)}"
        return f"{text} — {self.reason}" if self.reason else text


@dataclass
class UploadBatch:
    results: list[UploadResult] = field(default_factory=list)
    summary: str = ""


def save_upload(name: str, data: bytes, settings: Settings) -> tuple[Path | None, str]:
    """Save one file under the uploads folder; returns (path, "") or (None, Vietnamese reason)."""
    safe = safe_filename(name)
    suffix = Path(safe).suffix.lower()
    if suffix not in _ALLOWED_SUFFIXES:
        return None, (f"định dạng '{suffix or '(không có đuôi)'}' không được hỗ trợ; chỉ nhận "
                      + ", ".join("." + t for t in UPLOAD_TYPES))
    limit = settings.max_file_mb * 1024 * 1024
    if len(data) > limit:
        return None, f"tệp quá lớn ({len(data) / 1024 / 1024:.1f} MB; giới hạn {settings.max_file_mb:g} MB)"
    if not data:
        return None, "tệp rỗng"
    folder = uploads_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    target = (folder / safe).resolve()
    if target.parent != folder.resolve():  # defence in depth: never outside the uploads folder
        return None, "tên tệp không hợp lệ"
    tmp = target.with_name(f".{target.name}.part")
    tmp.write_bytes(data)
    os.replace(tmp, target)
    return target, ""


def handle_uploads(files: Iterable[tuple[str, bytes]], settings: Settings, store,
                   progress: Callable[..., None] | None = None) -> UploadBatch:
    """Save uploaded files then ingest them; one result per file (refused files carry their reason).

    Args:
        files: (original name, content) pairs — ``[(f.name, f.getvalue()) for f in st.file_uploader(...)]``.
        settings: limits and folders.
        store: the app's open IndexStore.
        progress: ``progress(done, total, file)`` forwarded to ingest.

    Raises:
        ingest.pipeline.IngestBusy: another ingest runs on the same data directory.
    """
    from ingest.pipeline import ingest_paths, relative_source

    batch = UploadBatch()
    saved: dict[str, UploadResult] = {}
    paths: list[Path] = []
    for name, data in files:
        path, reason = save_upload(name, data, settings)
        result = UploadResult(name=str(name), saved_as=path.name if path else "")
        batch.results.append(result)
        if path is None:
            result.reason = reason
            continue
        source = relative_source(path)
        if source in saved:  # two uploads with the same safe name: the later one wins
            saved[source].reason = "được thay bằng tệp cùng tên tải lên sau"
        saved[source] = result
        if path not in paths:
            paths.append(path)
    if not paths:
        batch.summary = "Không có tệp hợp lệ để nạp."
        return batch
    report = ingest_paths(paths, settings, store, progress=progress)
    for status, sources in (("added", report.added), ("updated", report.updated), ("unchanged", report.unchanged)):
        for source in sources:
            if source in saved:
                saved[source].status = status
    for source, reason in report.refused:
        if source in saved:
            saved[source].status = "refused"
            saved[source].reason = reason
            _discard(source)  # keep the uploads folder to files the index holds, so re-index stays quiet
    for result in saved.values():
        if result.status == "refused" and not result.reason:
            result.reason = "không nạp được tệp"
    batch.summary = report.summary()
    return batch


def _discard(source: str) -> None:
    from ingest.pipeline import _source_path  # noqa: PLC2701 - same resolution ingest used

    try:
        _source_path(source).unlink(missing_ok=True)
    except OSError:
        pass


__all__ = ["safe_filename", "save_upload", "handle_uploads", "uploads_dir", "UploadResult", "UploadBatch",
           "UPLOAD_TYPES"]
