"""Word documents (.docx): paragraphs and tables in document order, runs in TCVN3/VNI fonts converted to Unicode.

A .docx is a ZIP package: its declared inflated size is checked before anything is inflated (a zip bomb is
refused), and a Word 97-2003 file renamed .docx is recognised by its signature.
"""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

from errors import DocumentError
from ingest.legacy_encoding import ENCODING_LABELS, convert_legacy
from ingest.loaders.base import Limits, LoadedFile, megabytes

log = logging.getLogger(__name__)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Containers whose runs are part of the paragraph text (w:del / w:moveFrom = deleted revisions are skipped,
#: drawings/text boxes are not descended into because Word stores them twice, as Choice and Fallback).
_RUN_CONTAINERS = frozenset(
    _W + tag for tag in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "moveTo",
                         "dir", "bdo")
)
#: Containers whose paragraphs and tables are blocks of the body.
_BLOCK_CONTAINERS = frozenset(_W + tag for tag in ("sdt", "sdtContent", "customXml"))
#: How far a style's ``basedOn`` chain is followed (a guard against cycles).
_MAX_STYLE_DEPTH = 20
#: The first bytes of an OLE2 compound file: a Word 97-2003 .doc.
_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0"


def read_docx(path: Path, raw: bytes, limits: Limits) -> LoadedFile:
    """The text of a .docx package: paragraphs as blocks, each table row as one ``| a | b |`` line."""
    check_inflated_size(path, raw, limits.max_unzipped_bytes)
    if raw.startswith(_OLE2_SIGNATURE):
        raise DocumentError(
            path,
            "tệp là tài liệu Word 97-2003 (.doc) bị đặt đuôi .docx; hãy mở bằng Word và lưu lại dạng .docx.",
        )
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise DocumentError(
            path,
            "tệp .docx bị hỏng hoặc không phải tài liệu Word (không phải gói ZIP hợp lệ).",
        )
    try:
        text, converted = _docx_text(io.BytesIO(raw))
    except Exception as exc:  # noqa: BLE001 - python-docx and lxml raise anything on a broken package
        # the user reads the one Vietnamese line; lxml's 40-line traceback is for a developer (DEBUG)
        log.debug("python-docx could not read %s", path, exc_info=True)
        raise DocumentError(
            path,
            f"tệp .docx bị hỏng, không đọc được nội dung Word ({type(exc).__name__}).",
        ) from exc
    if not text.strip():
        raise DocumentError(path, "tài liệu Word không có đoạn văn hay bảng nào chứa chữ.")
    notes = tuple(f"đã chuyển các đoạn dùng phông {ENCODING_LABELS[enc]} sang Unicode." for enc in sorted(converted))
    return LoadedFile(text, "docx", notes)


def check_inflated_size(path: Path, raw: bytes, limit: int) -> None:
    """Refuse a ZIP package whose parts add up to more than ``limit`` bytes once inflated (a zip bomb), from the
    sizes its directory declares: Python's zipfile never inflates a part beyond its declared size."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            total = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # the reader says what is wrong with the package
    if total > limit:
        raise DocumentError(path, f"tệp .docx giải nén ra {megabytes(total)} MB, vượt giới hạn "
                                  f"{megabytes(limit)} MB (MAX_UNZIPPED_MB); tệp có thể là bom nén hoặc chứa ảnh "
                                  "rất lớn, không nạp.")


def _legacy_font(name: str | None) -> tuple[str | None, bool]:
    """(legacy encoding, draws upper-case) for a font name: ``.VnTime`` -> TCVN3, ``VNI-Times`` -> VNI.

    >>> _legacy_font(".VnTimeH"), _legacy_font("VNI-Times"), _legacy_font("Times New Roman")
    (('tcvn3', True), ('vni', False), (None, False))
    """
    low = (name or "").strip().lower()
    if low.startswith(".vn"):
        return "tcvn3", low.endswith("h")  # .VnTimeH, .VnArialH: capitals-only fonts
    if low.startswith("vni"):
        return "vni", False
    return None, False


def _rfonts(rpr) -> str | None:
    if rpr is None:
        return None
    fonts = rpr.find(_W + "rFonts")
    if fonts is None:
        return None
    # Bytes >= 0x80 (where legacy letters live) are drawn with the hAnsi font.
    return fonts.get(_W + "hAnsi") or fonts.get(_W + "ascii")


class _DocxFonts:
    """Resolve the font a run is drawn with: run properties, character style, paragraph style, defaults."""

    def __init__(self, styles_element) -> None:
        self._styles = {s.get(_W + "styleId"): s for s in styles_element.findall(_W + "style")}
        self._default_para = next(
            (
                sid
                for sid, s in self._styles.items()
                if s.get(_W + "type") == "paragraph" and s.get(_W + "default") in ("1", "true")
            ),
            None,
        )
        defaults = styles_element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        self._default_font = _rfonts(defaults)

    def _style_font(self, style_id: str | None) -> str | None:
        for _ in range(_MAX_STYLE_DEPTH):
            style = self._styles.get(style_id)
            if style is None:
                return None
            name = _rfonts(style.find(_W + "rPr"))
            if name:
                return name
            based = style.find(_W + "basedOn")
            style_id = based.get(_W + "val") if based is not None else None
        return None

    def font_of(self, run, para_style: str | None) -> str | None:
        rpr = run.find(_W + "rPr")
        name = _rfonts(rpr)
        if not name and rpr is not None and rpr.find(_W + "rStyle") is not None:
            name = self._style_font(rpr.find(_W + "rStyle").get(_W + "val"))
        return name or self._style_font(para_style or self._default_para) or self._default_font


def _iter_runs(element):
    for child in element:
        if child.tag == _W + "r":
            yield child
        elif child.tag in _RUN_CONTAINERS:
            yield from _iter_runs(child)


def _paragraph_text(p, fonts: _DocxFonts, converted: set[str]) -> str:
    ppr = p.find(_W + "pPr")
    pstyle = ppr.find(_W + "pStyle") if ppr is not None else None
    para_style = pstyle.get(_W + "val") if pstyle is not None else None
    parts = []
    for run in _iter_runs(p):
        text = run.text or ""
        encoding, upper = _legacy_font(fonts.font_of(run, para_style)) if text else (None, False)
        if encoding and not text.isascii():
            text = convert_legacy(text, encoding)
            converted.add(encoding)
        parts.append(text.upper() if upper else text)
    return "\n".join(line.rstrip() for line in "".join(parts).split("\n")).strip()


def _row_cells(row, parent) -> list:
    """A row's cells; on an irregular grid (a vertical merge with nothing above, spans past the grid) python-docx
    raises, and the cells physically present are read instead."""
    from docx.exceptions import PythonDocxError

    try:
        return list(row.cells)
    except (ValueError, PythonDocxError):
        from docx.table import _Cell

        return [_Cell(tc, parent) for tc in row._tr.tc_lst]


def _table_lines(tbl, parent, fonts: _DocxFonts, converted: set[str]) -> list[str]:
    from docx.table import Table

    lines = []
    for row in Table(tbl, parent).rows:
        values, previous = [], None
        for cell in _row_cells(row, parent):
            if cell._tc is previous:  # python-docx repeats a horizontally merged cell
                continue
            previous = cell._tc
            values.append(_cell_text(cell, fonts, converted))
        if any(values):
            lines.append("| " + " | ".join(values) + " |")
    return lines


def _cell_text(cell, fonts: _DocxFonts, converted: set[str]) -> str:
    parts = []
    for child in cell._tc:
        if child.tag == _W + "p":
            parts.append(_paragraph_text(child, fonts, converted))
        elif child.tag == _W + "tbl":
            parts.extend(line.strip("| ") for line in _table_lines(child, cell, fonts, converted))
    return " ".join(" ".join(parts).split())


def _iter_blocks(element):
    for child in element:
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _iter_blocks(child)


def _docx_text(stream) -> tuple[str, set[str]]:
    """Paragraphs and tables in document order; returns (text, legacy encodings converted)."""
    import docx

    document = docx.Document(stream)
    fonts = _DocxFonts(document.styles.element)
    converted: set[str] = set()
    blocks = []
    for element in _iter_blocks(document.element.body):
        if element.tag == _W + "p":
            text = _paragraph_text(element, fonts, converted)
        else:
            text = "\n".join(_table_lines(element, document._body, fonts, converted))
        if text.strip():
            blocks.append(text)
    return "\n\n".join(blocks), converted
