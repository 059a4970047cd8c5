"""PDF (.pdf): the text layer of every page; a page without one (a scan) is read by OCR with Tesseract's Vietnamese
model when it is installed (:mod:`ingest.loaders.ocr`), and otherwise a PDF with no text at all is refused with the
way to OCR it.

A page is a scan when its text layer is (nearly) empty and it carries an image; when the whole PDF has no text, every
page is rendered (a scan drawn as vector paths has no image). A page's OCR text is kept when most of its words are not
in the page's text layer already (a digital-signature stamp or a page number is all a scan's text layer holds; a
typed page with a signature image is not read twice). OCR is bounded: :data:`MAX_OCR_PAGES` pages,
:data:`OCR_TOTAL_SECONDS` in all, :data:`~ingest.loaders.ocr.OCR_PAGE_SECONDS` a page; pages left unread are named
in a note.

>>> new_word_share("Số 36, Kiên Giang", "Số 36"), new_word_share("Kiên Giang", "KIEN GIANG")
(0.5, 0.0)
>>> page_list([1, 2, 3, 5, 8, 9])
'1–3, 5, 8–9'
"""

from __future__ import annotations

import io
import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from errors import DocumentError
from ingest.loaders.base import Limits, LoadedFile, fix_mojibake
from ingest.loaders.ocr import OCR_PAGE_SECONDS, OcrEngine, OcrFailed, is_blank, ocr_engine, recognise, render_page
from textnorm import fold_word, syllables

log = logging.getLogger(__name__)

#: A scanned PDF has no text to read: the way forward is OCR with the Vietnamese model, then ingest its output.
SCANNED_PDF_MESSAGE = (
    "PDF dạng ảnh quét, không có lớp văn bản nên không đọc được chữ; cần OCR (nhận dạng ký tự) tiếng Việt trước "
    "khi nạp, ví dụ: ocrmypdf -l vie tệp.pdf tệp-ocr.pdf (cần Tesseract và gói tiếng Việt tesseract-ocr-vie), "
    "rồi nạp tệp tệp-ocr.pdf."
)
#: OCR ran on every page and found nothing: blank pages, or an image too faint or small to read.
OCR_EMPTY_MESSAGE = (
    "PDF dạng ảnh quét, không có lớp văn bản, và nhận dạng chữ (OCR tiếng Việt) không đọc được chữ nào trên {pages}: "
    "trang trắng, hoặc ảnh quá mờ hay quá nhỏ; hãy quét lại rõ hơn (300 dpi) rồi nạp lại."
)
#: Fewer non-space characters than this in the whole text layer means a scan (page numbers, a stray header).
_MIN_PDF_CHARS = 20
#: A page whose text layer has fewer non-space characters than this, and that carries an image, is a scanned page
#: (a typed A4 page holds 2,000–3,500; a scan's text layer at most a page number or a digital-signature stamp).
SCAN_PAGE_CHARS = 200
#: OCR text is kept beside a page's text layer when at least this share of its words is not there already: a
#: scan's stamp shares almost none, a typed page read again shares nearly all (OCR misreads a few).
OCR_NEW_WORDS_SHARE = 0.5
#: Most pages OCR'd in one PDF (a plan with its annexes is under 100 pages; 200 pages at 3–6 s each is 10–20 min):
#: a 2,000-page scan cannot hold an ingest for hours; the pages after it are named as unread.
MAX_OCR_PAGES = 200
#: Seconds the OCR of one PDF may take in all (about 300 dense pages at the pace measured here): the pages after
#: it are named as unread.
OCR_TOTAL_SECONDS = 30 * 60
#: How far into the file the ``%PDF`` header may start (the specification allows leading junk).
_HEADER_WINDOW = 1024


@dataclass
class OcrPass:
    """What OCR did to one PDF: pages read (numbered from 1), pages it failed on with why, pages left unread."""

    total: int = 0
    read: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    unread: list[int] = field(default_factory=list)
    blocked: str = ""  # why no page could be rendered at all

    def notes(self) -> list[str]:
        """Vietnamese notes for the user about the pages OCR read, failed on or left."""
        notes = []
        if self.read:
            notes.append(f"đã nhận dạng chữ (OCR tiếng Việt, Tesseract) trang ảnh quét {page_list(self.read)}; chữ "
                         "nhận dạng có thể sai, hãy đối chiếu với bản gốc khi trích dẫn.")
        notes += [f"trang {page}: không nhận dạng được chữ ({why})." for page, why in self.failed.items()]
        if self.unread:
            notes.append(f"chưa nhận dạng trang {page_list(self.unread)} (giới hạn {MAX_OCR_PAGES} trang hoặc "
                         f"{OCR_TOTAL_SECONDS // 60} phút OCR cho mỗi tệp); hãy tách tệp để nạp phần còn lại.")
        if self.blocked:
            notes.append(f"không dựng được ảnh trang để nhận dạng chữ ({self.blocked}).")
        return notes


def read_pdf(path: Path, raw: bytes, limits: Limits) -> LoadedFile:
    """The text of a PDF, pages separated by blank lines: each page's text layer, or its OCR text for a scanned
    page when Tesseract is installed; pages that fail are named in a note."""
    if b"%PDF" not in raw[:_HEADER_WINDOW]:
        raise DocumentError(path, "tệp .pdf bị hỏng hoặc không phải PDF (thiếu phần đầu '%PDF').")
    pages = _pages(path, raw)
    if not pages:
        raise DocumentError(path, "PDF không có trang nào, không có nội dung để nạp.")
    texts, failed = _text_layer(path, pages)
    if len(failed) == len(pages):
        raise DocumentError(path, "PDF bị hỏng: không trích xuất được văn bản ở bất kỳ trang nào.")
    wanted = scanned_pages(pages, texts, failed)
    engine = ocr_engine() if wanted else None
    done = _ocr(raw, wanted, texts, engine, limits) if engine else OcrPass()
    text = "\n\n".join(t for t in texts if t)
    if _ink(text) < _MIN_PDF_CHARS:
        raise DocumentError(path, _nothing_read(done, len(pages)) if engine else SCANNED_PDF_MESSAGE)
    failed = [n for n in failed if n not in done.read]
    notes = [f"không trích xuất được văn bản ở trang {', '.join(map(str, failed))}."] if failed else []
    notes += done.notes() if engine else _unread_scans_note([n for n in wanted if n not in failed])
    ocr = f"{len(done.read)}/{len(pages)}" if done.read else ""
    return fix_mojibake(LoadedFile(text, "pdf", tuple(notes), ocr))


def scanned_pages(pages: list, texts: list[str], failed: list[int]) -> list[int]:
    """Numbers (from 1) of the pages to OCR: pages whose text could not be extracted, pages with an image and (almost)
    no text layer; every page when the PDF has no text at all."""
    if _ink("".join(texts)) < _MIN_PDF_CHARS:
        return list(range(1, len(pages) + 1))
    return [n for n, (page, text) in enumerate(zip(pages, texts), start=1)
            if n in failed or (_ink(text) < SCAN_PAGE_CHARS and _has_image(page))]


def new_word_share(found: str, layer: str) -> float:
    """Share of the words of ``found`` (OCR text) that the page's text layer does not have, compared folded."""
    words = [fold_word(w) for w in syllables(found)]
    if not words:
        return 0.0
    known = {fold_word(w) for w in syllables(layer)}
    return sum(w not in known for w in words) / len(words)


def page_list(numbers: list[int]) -> str:
    """Page numbers as runs, the way a reader writes them."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _ink(text: str) -> int:
    return len(re.sub(r"\s", "", text))


def _text_layer(path: Path, pages: list) -> tuple[list[str], list[int]]:
    """Each page's text layer ("" where it cannot be read), and the numbers of the pages that could not."""
    texts, failed = [], []
    for number, page in enumerate(pages, start=1):
        try:
            texts.append((page.extract_text() or "").replace("\x00", "").strip())
        except Exception:  # noqa: BLE001 - pypdf raises anything on a broken page; the others are still read
            log.warning("pypdf could not read page %d of %s", number, path, exc_info=True)
            texts.append("")
            failed.append(number)
    return texts, failed


def _has_image(page) -> bool:
    try:
        return len(page.images) > 0
    except Exception:  # noqa: BLE001 - pypdf raises anything on a broken resource dictionary; the page is tried
        return True


def _ocr(raw: bytes, wanted: list[int], texts: list[str], engine: OcrEngine, limits: Limits) -> OcrPass:
    """OCR the ``wanted`` pages within the limits, writing the text kept into ``texts``."""
    done = OcrPass(total=len(wanted))
    try:
        document = engine.pdfium.PdfDocument(raw)
    except engine.pdfium.PdfiumError as exc:
        log.warning("pdfium could not open a PDF that pypdf read", exc_info=True)
        done.blocked = str(exc) or type(exc).__name__
        return done
    started = time.monotonic()
    try:
        for k, number in enumerate(wanted, start=1):
            left = OCR_TOTAL_SECONDS - (time.monotonic() - started)
            if k > MAX_OCR_PAGES or left <= 0 or sum(map(len, texts)) > limits.max_chars:
                done.unread = wanted[k - 1:]
                break
            limits.report(f"OCR trang {k}/{len(wanted)}")
            _ocr_page(document, number, texts, engine, min(OCR_PAGE_SECONDS, left), done)
    finally:
        document.close()
    return done


def _ocr_page(document, number: int, texts: list[str], engine: OcrEngine, seconds: float, done: OcrPass) -> None:
    try:
        image = render_page(document, number - 1)
    except engine.pdfium.PdfiumError as exc:
        done.failed[number] = f"không dựng được ảnh trang: {exc}"
        return
    if is_blank(image):
        return
    try:
        found = recognise(engine, image, seconds)
    except OcrFailed as exc:
        done.failed[number] = exc.reason
        return
    layer = texts[number - 1]
    if found and (_ink(layer) < _MIN_PDF_CHARS or new_word_share(found, layer) >= OCR_NEW_WORDS_SHARE):
        texts[number - 1] = "\n\n".join(t for t in (found, layer) if t)  # the stamp or page number after the page
        done.read.append(number)


def _nothing_read(done: OcrPass, pages: int) -> str:
    """Why a PDF that OCR was run on is refused: no character on any page it tried (or could not render)."""
    if done.blocked:
        return f"{SCANNED_PDF_MESSAGE} (Không dựng được ảnh trang để nhận dạng chữ: {done.blocked}.)"
    tried = done.total - len(done.unread)
    shown = f"{tried} trang đầu (trong {pages} trang)" if done.unread else f"{tried} trang"
    return OCR_EMPTY_MESSAGE.format(pages=shown)


def _unread_scans_note(wanted: list[int]) -> list[str]:
    """Without Tesseract, the pages of a PDF with text elsewhere that look scanned are named (the text is read)."""
    if not wanted:
        return []
    return [f"trang {page_list(wanted)} là ảnh, gần như không có lớp văn bản: nếu là trang quét thì chữ trên đó chưa "
            "được đọc; cần OCR tiếng Việt (cài Tesseract và gói tesseract-ocr-vie rồi nạp lại, hoặc: ocrmypdf -l vie "
            "tệp.pdf tệp-ocr.pdf)."]


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
