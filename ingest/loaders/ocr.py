"""Optical character recognition of a PDF page with Tesseract's Vietnamese model, when it is installed.

Both tools are optional at run time: the page is rendered by ``pypdfium2`` (any image encoding a scanner writes,
JBIG2 and CCITT fax included) and read by the ``tesseract`` program with the ``vie`` data (Debian packages
``tesseract-ocr`` and ``tesseract-ocr-vie``), called as a subprocess with a time limit. :func:`ocr_engine` says
whether both are there; without them the PDF reader refuses a scan with the way to OCR it, as before.

>>> from PIL import Image
>>> is_blank(Image.new("L", (40, 40), 255)), is_blank(Image.new("L", (40, 40), 0))
(True, False)
>>> page_scale(595, 842), round(page_scale(595 * 10, 842 * 10), 3)
(4.166666666666667, 0.894)
"""

from __future__ import annotations

import functools
import io
import logging
import math
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass

log = logging.getLogger(__name__)

#: Tesseract's model for Vietnamese (package tesseract-ocr-vie): reads the diacritics the ``eng`` model drops.
OCR_LANGUAGE = "vie"
#: Dots per inch a page is rendered at: Tesseract's own recommendation for body text (10–12 pt, as plans are set).
OCR_DPI = 300
#: Most pixels one rendered page may have (an A3 page at 300 dpi has 17 million): a poster-sized page is rendered
#: smaller instead of taking gigabytes of memory.
MAX_OCR_PIXELS = 40_000_000
#: Seconds Tesseract may spend on one page (a dense A4 page takes 3–10 s here): past it the page is skipped, with a
#: note, and the others are still read; no page can hang an ingest.
OCR_PAGE_SECONDS = 120
#: Seconds the version and language check of the tesseract program may take (it answers at once when healthy).
_PROBE_SECONDS = 15
#: A gray level below this is ink: a rendered page with no pixel this dark is blank and is not sent to Tesseract.
INK_LEVEL = 128
#: PDF user-space units per inch (the page sizes pdfium reports are in these).
_POINTS_PER_INCH = 72


class OcrFailed(Exception):
    """One page could not be recognised; ``reason`` is a Vietnamese phrase for the note naming the page."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class OcrEngine:
    """What recognises a page: the tesseract program, its language, and the pdfium module that renders pages."""

    tesseract: str
    language: str
    pdfium: object


def ocr_engine() -> OcrEngine | None:
    """The installed OCR tools, or ``None`` when pypdfium2, tesseract or its Vietnamese data is missing."""
    command = _tesseract_with_language(OCR_LANGUAGE)
    if command is None:
        return None
    try:
        import pypdfium2
    except ImportError:
        log.info("pypdfium2 is not installed: scanned PDF pages cannot be rendered for OCR")
        return None
    return OcrEngine(command, OCR_LANGUAGE, pypdfium2)


@functools.lru_cache(maxsize=4)
def _tesseract_with_language(language: str) -> str | None:
    """The path of a working ``tesseract`` that has ``language`` installed (checked once per process)."""
    command = shutil.which("tesseract")
    if command is None:
        return None
    try:
        listed = subprocess.run([command, "--list-langs"], capture_output=True, timeout=_PROBE_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError):
        log.warning("tesseract at %s does not run", command, exc_info=True)
        return None
    languages = set(listed.stdout.decode("utf-8", "replace").split()[1:])  # after the "List of … languages" line
    if language not in languages:
        log.info("tesseract has no '%s' data (package tesseract-ocr-%s)", language, language)
        return None
    return command


def page_scale(width: float, height: float) -> float:
    """Render scale of a page of ``width`` × ``height`` points: :data:`OCR_DPI`, or less where that would exceed
    :data:`MAX_OCR_PIXELS`."""
    scale = OCR_DPI / _POINTS_PER_INCH
    pixels = width * height * scale * scale
    return scale if pixels <= MAX_OCR_PIXELS else math.sqrt(MAX_OCR_PIXELS / (width * height))


def render_page(document, index: int):
    """Page ``index`` (from 0) of an open ``pypdfium2.PdfDocument`` as a grayscale PIL image."""
    page = document[index]
    try:
        width, height = page.get_size()
        bitmap = page.render(scale=page_scale(width, height), grayscale=True)
        return bitmap.to_pil().convert("L")
    finally:
        page.close()


def is_blank(image) -> bool:
    """Whether a grayscale page image has no pixel dark enough to be ink."""
    darkest, _ = image.getextrema()
    return darkest >= INK_LEVEL


def recognise(engine: OcrEngine, image, seconds: float = OCR_PAGE_SECONDS) -> str:
    """The text Tesseract reads on a page image, lines kept, NFC; raises :class:`OcrFailed` with the reason."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1)  # fast; a page's PNG goes through a pipe, never a file
    dpi = round(OCR_DPI * min(1.0, math.sqrt(MAX_OCR_PIXELS / max(1, image.width * image.height))))
    command = [engine.tesseract, "stdin", "stdout", "-l", engine.language, "--dpi", str(dpi)]
    try:
        done = subprocess.run(command, input=buffer.getvalue(), capture_output=True, timeout=seconds, check=False)
    except subprocess.TimeoutExpired as exc:
        raise OcrFailed(f"nhận dạng quá {seconds:g} giây") from exc
    except OSError as exc:
        raise OcrFailed(f"không chạy được Tesseract ({exc.strerror or type(exc).__name__})") from exc
    if done.returncode != 0:
        log.warning("tesseract failed (%d): %s", done.returncode, done.stderr.decode("utf-8", "replace")[:500])
        raise OcrFailed(f"Tesseract báo lỗi (mã {done.returncode})")
    return unicodedata.normalize("NFC", done.stdout.decode("utf-8", "replace").replace("\f", "\n")).strip()
