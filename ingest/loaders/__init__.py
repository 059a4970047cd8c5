"""Read one source file (.txt, .md, .docx, .pdf, .html, .htm) into plain Unicode text.

Structure is kept as lines: paragraphs are separated by blank lines and every table row becomes one
``| cell | cell |`` line.  Anything that cannot be read confidently raises :class:`DocumentError`
with one Vietnamese sentence saying what is wrong and why, never a parser traceback.

One module per format (:mod:`~ingest.loaders.text`, :mod:`~ingest.loaders.docx`, :mod:`~ingest.loaders.pdf`,
:mod:`~ingest.loaders.html`), each a :data:`~ingest.loaders.base.Reader` registered by suffix in :data:`READERS`.
The rule for which files are taken at all (type, size, empty) is :func:`check_file`, here and nowhere else.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = p.write_text("Thủ tục cấp giấy phép xây dựng", encoding="utf-8")
>>> load_file(p)
LoadedFile(text='Thủ tục cấp giấy phép xây dựng', encoding='utf-8', notes=())
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from errors import DocumentError
from ingest.loaders.base import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_CHARS,
    DEFAULT_MAX_UNZIPPED_BYTES,
    Limits,
    LoadedFile,
    Reader,
    megabytes,
    thousands,
)
from ingest.loaders.docx import read_docx
from ingest.loaders.html import read_html
from ingest.loaders.pdf import read_pdf
from ingest.loaders.text import read_text

#: The reader of each supported suffix (lower case), in the order the formats are named to users.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
}
SUPPORTED_EXTENSIONS = tuple(READERS)


def check_file(name: str, size: int, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str | None:
    """Whether a file is taken at all, from its name and size alone (before anything is read or saved).

    Args:
        name: the file's name (only its suffix counts, in any case).
        size: its size in bytes.
        max_bytes: the largest size taken (``MAX_FILE_MB`` of the settings).

    Returns:
        ``None`` when the file is taken; otherwise why not, as one Vietnamese sentence.

    >>> check_file("Kế hoạch 36.DOCX", 52_000) is None
    True
    >>> check_file("bang-tinh.xlsx", 10)
    "định dạng '.xlsx' không được hỗ trợ; chỉ nạp được các tệp .txt, .md, .docx, .pdf, .html, .htm."
    >>> check_file("a.pdf", 30 * 1024 * 1024)
    'tệp quá lớn (30 MB), vượt giới hạn 20 MB cho mỗi tệp.'
    >>> check_file("a.txt", 0)
    'tệp rỗng (0 byte), không có nội dung để nạp.'
    """
    ext = Path(name).suffix.lower()
    if ext not in READERS:
        shown = f"'{ext}'" if ext else "(không có phần mở rộng)"
        return f"định dạng {shown} không được hỗ trợ; chỉ nạp được các tệp {', '.join(SUPPORTED_EXTENSIONS)}."
    if size > max_bytes:
        return f"tệp quá lớn ({megabytes(size)} MB), vượt giới hạn {megabytes(max_bytes)} MB cho mỗi tệp."
    if size == 0:
        return "tệp rỗng (0 byte), không có nội dung để nạp."
    return None


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, once the file rule (:func:`check_file`) takes it: the one check of a file read from disk.

    Raises:
        DocumentError: missing, not a file, refused by the rule, or unreadable.
    """
    path = Path(path)
    if not path.exists():
        raise DocumentError(path, "không tìm thấy tệp: tệp không tồn tại hoặc đã bị xóa/di chuyển.")
    if not path.is_file():
        raise DocumentError(path, "đường dẫn này là thư mục hoặc tệp đặc biệt, không phải tệp tài liệu.")
    refused = check_file(path.name, path.stat().st_size, max_bytes=max_bytes)
    if refused:
        raise DocumentError(path, refused)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"không đọc được tệp ({exc.strerror or type(exc).__name__}).") from exc


def load_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
              max_unzipped_bytes: int = DEFAULT_MAX_UNZIPPED_BYTES, max_chars: int = DEFAULT_MAX_CHARS,
              raw: bytes | None = None, progress: Callable[[str], None] | None = None) -> LoadedFile:
    """Load a document as plain text.

    Args:
        path: the file to read.
        max_bytes: files larger than this are refused before being read.
        raw: the file's bytes, when the caller has read them already after the file rule took them
            (:func:`read_file`, or :func:`check_file` at an upload): neither checked nor read again.
        max_unzipped_bytes: a .docx whose parts would inflate beyond this is refused before any is inflated.
        max_chars: a document whose extracted text is longer than this is refused.
        progress: told each step of a long read ("OCR trang 3/12"), when given.

    Returns:
        The :class:`LoadedFile`.

    Raises:
        DocumentError: missing, unsupported, too large, empty, binary, corrupt, scanned (no text
            layer, and no Tesseract to read it) or in an encoding that cannot be converted confidently.
    """
    path = Path(path)
    raw = read_file(path, max_bytes=max_bytes) if raw is None else raw
    loaded = READERS[path.suffix.lower()](path, raw, Limits(max_bytes, max_unzipped_bytes, max_chars, progress))
    if not loaded.text.strip():
        raise DocumentError(path, "tệp không có nội dung văn bản nào sau khi trích xuất.")
    if len(loaded.text) > max_chars:
        raise DocumentError(path, f"văn bản quá dài ({thousands(len(loaded.text))} ký tự), vượt giới hạn "
                                  f"{thousands(max_chars)} ký tự cho mỗi văn bản (MAX_DOCUMENT_CHARS); hãy tách "
                                  "thành nhiều tệp.")
    return loaded


__all__ = ["load_file", "read_file", "check_file", "LoadedFile", "READERS", "SUPPORTED_EXTENSIONS"]
