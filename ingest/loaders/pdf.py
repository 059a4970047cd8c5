"""PDF (.pdf): the text layer of every page; a PDF without one (a scan) is refused with the way to OCR it."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from errors import DocumentError
from ingest.loaders.base import Limits, LoadedFile, fix_mojibake

log = logging.getLogger(__name__)

#: A scanned PDF has no text to read: the way forward is OCR with the Vietnamese model, then ingest its output.
SCANNED_PDF_MESSAGE = (
    "PDF dạng ảnh quét, không có lớp văn bản nên không đọc được chữ; cần OCR (nhận dạng ký tự) tiếng Việt trước "
    "khi nạp, ví dụ: ocrmypdf -l vie tệp.pdf tệp-ocr.pdf (cần Tesseract và gói tiếng Việt tesseract-ocr-vie), "
    "rồi nạp tệp tệp-ocr.pdf."
)
#: Fewer non-space characters than this in the whole text layer means a scan (page numbers, a stray header).
_MIN_PDF_CHARS = 20
#: How far into the file the ``%PDF`` header may start (the specification allows leading junk).
_HEADER_WINDOW = 1024


def read_pdf(path: Path, raw: bytes, limits: Limits) -> LoadedFile:
    """The text layer of a PDF, pages separated by blank lines; pages that fail are named in a note."""
    if b"%PDF" not in raw[:_HEADER_WINDOW]:
        raise DocumentError(path, "tệp .pdf bị hỏng hoặc không phải PDF (thiếu phần đầu '%PDF').")
    pages = _pages(path, raw)
    if not pages:
        raise DocumentError(path, "PDF không có trang nào, không có nội dung để nạp.")
    texts, failed = [], []
    for number, page in enumerate(pages, start=1):
        try:
            texts.append((page.extract_text() or "").replace("\x00", "").strip())
        except Exception:  # noqa: BLE001 - pypdf raises anything on a broken page; the others are still read
            log.warning("pypdf could not read page %d of %s", number, path, exc_info=True)
            failed.append(number)
    if len(failed) == len(pages):
        raise DocumentError(path, "PDF bị hỏng: không trích xuất được văn bản ở bất kỳ trang nào.")
    text = "\n\n".join(t for t in texts if t)
    if len(re.sub(r"\s", "", text)) < _MIN_PDF_CHARS:
        raise DocumentError(path, SCANNED_PDF_MESSAGE)
    notes = (f"không trích xuất được văn bản ở trang {', '.join(map(str, failed))}.",) if failed else ()
    return fix_mojibake(LoadedFile(text, "pdf", notes))


def _pages(path: Path, raw: bytes) -> list:
    """The pages of an opened (decrypted when it has an empty password) PDF."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(
                path,
                "PDF được bảo vệ bằng mật khẩu, không mở được; hãy gỡ mật khẩu trước khi nạp.",
            )
        return list(reader.pages)
    except DocumentError:
        raise
    except DependencyError as exc:
        raise DocumentError(
            path,
            "PDF được mã hóa (AES), không giải mã được; hãy gỡ bảo vệ trước khi nạp.",
        ) from exc
    except Exception as exc:  # noqa: BLE001 - pypdf raises anything on a broken file
        log.warning("pypdf could not open %s", path, exc_info=True)
        kind = "PDF bị hỏng" if isinstance(exc, PdfReadError) else f"PDF bị hỏng ({type(exc).__name__})"
        raise DocumentError(path, f"{kind}, không đọc được cấu trúc tệp.") from exc
