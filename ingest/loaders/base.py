"""What every reader shares: the :class:`LoadedFile` it returns, the limits it reads within, and the encoding checks
(byte-order marks, TCVN3/VNI text saved as Latin characters).

A reader is a function ``read(path, raw, limits) -> LoadedFile`` for one format; it raises
:class:`~errors.DocumentError` with one Vietnamese sentence when the file cannot be read confidently.

>>> fix_mojibake(LoadedFile("Uû ban nh©n d©n tØnh Kiªn Giang", "utf-8")).text
'Uỷ ban nhân dân tỉnh Kiên Giang'
>>> megabytes(20 * 1024 * 1024), thousands(2000000)
('20', '2.000.000')
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ingest.legacy_encoding import ENCODING_LABELS, convert_legacy, detect_legacy_encoding

#: Largest source file read, in bytes: default of ``MAX_FILE_MB`` (settings.py) for callers without settings.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: Defaults of ``MAX_UNZIPPED_MB`` and ``MAX_DOCUMENT_CHARS`` (see settings.py) for callers without settings.
DEFAULT_MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_CHARS = 2_000_000

#: Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark): (mark, codec, encoding label).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
#: Labels of files whose text came out of a parser: their label stays as it is when mojibake is converted.
_PARSED_LABELS = ("docx", "pdf", "html")


@dataclass(frozen=True)
class LoadedFile:
    """Text of one document plus how it was decoded.

    Attributes:
        text: plain Unicode text; paragraphs as lines, table rows as ``| a | b |`` lines.
        encoding: ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-32``, ``cp1258``, ``tcvn3``, ``vni``,
            ``utf-8+tcvn3`` / ``utf-8+vni`` (UTF-8 file holding TCVN3/VNI mojibake), ``docx``,
            ``pdf`` or ``html``.
        notes: Vietnamese notes for the user about conversions that were made.
        ocr: pages whose text was recognised by OCR, of all pages (``"3/12"``); empty when none was.
    """

    text: str
    encoding: str
    notes: tuple[str, ...] = ()
    ocr: str = field(default="", repr=False)  # shown only where it matters: a repr stays as before for text files


@dataclass(frozen=True)
class Limits:
    """How much a reader may read: bytes on disk, bytes once a ZIP package is inflated, characters of text; and
    where a slow reader (OCR) reports each step, as a Vietnamese phrase ("OCR trang 3/12")."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_unzipped_bytes: int = DEFAULT_MAX_UNZIPPED_BYTES
    max_chars: int = DEFAULT_MAX_CHARS
    progress: Callable[[str], None] | None = field(default=None, compare=False)

    def report(self, step: str) -> None:
        """Tell the caller (when it listens) which step of a long read is under way."""
        if self.progress is not None:
            self.progress(step)


#: The reader interface: one function per format, registered by suffix in :data:`ingest.loaders.READERS`.
Reader = Callable[[Path, bytes, Limits], LoadedFile]


def fix_mojibake(loaded: LoadedFile) -> LoadedFile:
    """Convert text that is valid Unicode but holds TCVN3/VNI read as Windows-1252 (``nh©n d©n``)."""
    encoding = detect_legacy_encoding(loaded.text)
    if encoding is None:
        return loaded
    note = (
        f"nội dung là chữ {ENCODING_LABELS[encoding]} bị lưu nhầm dạng ký tự Latin (lỗi phông); đã chuyển sang Unicode."
    )
    label = loaded.encoding if loaded.encoding in _PARSED_LABELS else f"{loaded.encoding}+{encoding}"
    return replace(loaded, text=convert_legacy(loaded.text, encoding), encoding=label, notes=(*loaded.notes, note))


def thousands(n: int) -> str:
    """Vietnamese digit grouping.

    >>> thousands(1234)
    '1.234'
    """
    return f"{n:,}".replace(",", ".")


def megabytes(n: int) -> str:
    """A size in MB as a Vietnamese reader writes it: three significant digits, a decimal comma.

    >>> megabytes(1536 * 1024), megabytes(150 * 1024 * 1024)
    ('1,5', '150')
    """
    mb = n / (1024 * 1024)
    shown = f"{mb:.0f}" if mb >= 100 else f"{mb:.3g}"
    return shown.replace(".", ",")
