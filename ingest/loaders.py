"""Read one source file (.txt, .md, .docx, .pdf, .html, .htm) into plain Unicode text.

Structure is kept as lines: paragraphs are separated by blank lines and every table row becomes one
``| cell | cell |`` line.  Anything that cannot be read confidently raises :class:`DocumentError`
with one Vietnamese sentence saying what is wrong and why, never a parser traceback.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = p.write_text("Thủ tục cấp giấy phép xây dựng", encoding="utf-8")
>>> load_file(p)
LoadedFile(text='Thủ tục cấp giấy phép xây dựng', encoding='utf-8', notes=())
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from errors import DocumentError
from ingest.legacy_encoding import (
    ENCODING_LABELS,
    convert_legacy,
    detect_legacy_encoding,
)

SUPPORTED_EXTENSIONS = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: Defaults of ``MAX_UNZIPPED_MB`` and ``MAX_DOCUMENT_CHARS`` (see settings.py) for callers without settings.
DEFAULT_MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_CHARS = 2_000_000
_MIN_PDF_CHARS = 20


@dataclass(frozen=True)
class LoadedFile:
    """Text of one document plus how it was decoded.

    Attributes:
        text: plain Unicode text; paragraphs as lines, table rows as ``| a | b |`` lines.
        encoding: ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-32``, ``cp1258``, ``tcvn3``, ``vni``,
            ``utf-8+tcvn3`` / ``utf-8+vni`` (UTF-8 file holding TCVN3/VNI mojibake), ``docx``,
            ``pdf`` or ``html``.
        notes: Vietnamese notes for the user about conversions that were made.
    """

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def load_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
              max_unzipped_bytes: int = DEFAULT_MAX_UNZIPPED_BYTES, max_chars: int = DEFAULT_MAX_CHARS) -> LoadedFile:
    """Load a document as plain text.

    Args:
        path: the file to read.
        max_bytes: files larger than this are refused before being read.
        max_unzipped_bytes: a .docx whose parts would inflate beyond this is refused before any is inflated.
        max_chars: a document whose extracted text is longer than this is refused.

    Returns:
        The :class:`LoadedFile`.

    Raises:
        DocumentError: missing, unsupported, too large, empty, binary, corrupt, scanned (no text
            layer) or in an encoding that cannot be converted confidently.
    """
    path = Path(path)
    if not path.exists():
        raise DocumentError(path, "không tìm thấy tệp: tệp không tồn tại hoặc đã bị xóa/di chuyển.")
    if not path.is_file():
        raise DocumentError(path, "đường dẫn này là thư mục hoặc tệp đặc biệt, không phải tệp tài liệu.")
    ext = path.suffix.lower()
    loader = _LOADERS.get(ext)
    if loader is None:
        shown = f"'{ext}'" if ext else "(không có phần mở rộng)"
        raise DocumentError(
            path,
            f"định dạng {shown} không được hỗ trợ; chỉ nạp được các tệp {', '.join(SUPPORTED_EXTENSIONS)}.",
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise DocumentError(
            path,
            f"tệp quá lớn ({_megabytes(size)} MB), vượt giới hạn {_megabytes(max_bytes)} MB cho mỗi tệp.",
        )
    if size == 0:
        raise DocumentError(path, "tệp rỗng (0 byte), không có nội dung để nạp.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, f"không đọc được tệp ({exc.strerror or type(exc).__name__}).") from exc
    if ext == ".docx":
        _check_inflated_size(path, raw, max_unzipped_bytes)
    try:
        loaded = loader(path, raw)
    except DocumentError:
        raise
    except Exception as exc:
        raise DocumentError(
            path,
            f"lỗi không mong đợi khi đọc tệp {ext} ({type(exc).__name__}); tệp có thể bị hỏng.",
        ) from exc
    if not loaded.text.strip():
        raise DocumentError(path, "tệp không có nội dung văn bản nào sau khi trích xuất.")
    if len(loaded.text) > max_chars:
        raise DocumentError(path, f"văn bản quá dài ({_thousands(len(loaded.text))} ký tự), vượt giới hạn "
                                  f"{_thousands(max_chars)} ký tự cho mỗi văn bản (MAX_DOCUMENT_CHARS); hãy tách "
                                  "thành nhiều tệp.")
    return loaded


def _check_inflated_size(path: Path, raw: bytes, limit: int) -> None:
    """Refuse a ZIP package whose parts add up to more than ``limit`` bytes once inflated (a zip bomb), from the
    sizes its directory declares: Python's zipfile never inflates a part beyond its declared size."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            total = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # the loader says what is wrong with the package
    if total > limit:
        raise DocumentError(path, f"tệp .docx giải nén ra {_megabytes(total)} MB, vượt giới hạn "
                                  f"{_megabytes(limit)} MB (MAX_UNZIPPED_MB); tệp có thể là bom nén hoặc chứa ảnh "
                                  "rất lớn, không nạp.")


def _thousands(n: int) -> str:
    """Vietnamese digit grouping.

    >>> _thousands(2000000)
    '2.000.000'
    """
    return f"{n:,}".replace(",", ".")


def _megabytes(n: int) -> str:
    mb = n / (1024 * 1024)
    shown = f"{mb:.0f}" if mb >= 100 else f"{mb:.3g}"
    return shown.replace(".", ",")


# ---------------------------------------------------------------- plain text (.txt, .md)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if "\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > 0.05 * max(len(sample), 1)


def _binary_error(path: Path) -> DocumentError:
    return DocumentError(
        path,
        "tệp có vẻ là tệp nhị phân (chứa byte NUL hoặc nhiều ký tự điều khiển), không phải văn bản; "
        "hãy kiểm tra lại định dạng tệp.",
    )


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text saved without BOM: one half of the bytes is almost all NUL, the other half is not."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    even_nul = raw[0::2].count(0) / (len(raw) // 2)
    odd_nul = raw[1::2].count(0) / (len(raw) // 2)
    codec = (
        "utf-16-le" if odd_nul > 0.6 and even_nul < 0.05 else "utf-16-be" if even_nul > 0.6 and odd_nul < 0.05 else None
    )
    if codec is None:
        return None
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode_text(path: Path, raw: bytes) -> LoadedFile:
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                return LoadedFile(raw.decode(codec), label)
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    path,
                    f"tệp có dấu BOM {label.upper()} nhưng nội dung không giải mã được theo bảng mã đó.",
                ) from exc
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return LoadedFile(utf16, "utf-16", ("tệp UTF-16 không có BOM đã được nhận dạng tự động.",))
    if b"\x00" in raw[:65536]:
        raise _binary_error(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(path, raw)
    return _fix_mojibake(LoadedFile(text, "utf-8"))


def _decode_legacy(path: Path, raw: bytes) -> LoadedFile:
    if _looks_binary(raw.decode("latin-1")):
        raise _binary_error(path)
    encoding = detect_legacy_encoding(raw)
    if encoding is None:
        raise DocumentError(
            path,
            "tệp không phải UTF-8 và không nhận ra chắc chắn bảng mã cũ (đã thử Windows-1258, TCVN3, VNI); "
            "hãy mở bằng Word/Unikey và lưu lại dạng Unicode UTF-8.",
        )
    note = f"đã chuyển từ bảng mã {ENCODING_LABELS[encoding]} sang Unicode."
    return LoadedFile(convert_legacy(raw, encoding), encoding, (note,))


def _fix_mojibake(loaded: LoadedFile) -> LoadedFile:
    """Convert text that is valid UTF-8 but holds TCVN3/VNI read as Windows-1252 (``nh©n d©n``)."""
    encoding = detect_legacy_encoding(loaded.text)
    if encoding is None:
        return loaded
    note = (
        f"nội dung là chữ {ENCODING_LABELS[encoding]} bị lưu nhầm dạng ký tự Latin (lỗi phông); đã chuyển sang Unicode."
    )
    label = loaded.encoding if loaded.encoding in ("docx", "pdf", "html") else f"{loaded.encoding}+{encoding}"
    return LoadedFile(convert_legacy(loaded.text, encoding), label, (*loaded.notes, note))


def _load_text(path: Path, raw: bytes) -> LoadedFile:
    loaded = _decode_text(path, raw)
    text = loaded.text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(text):
        raise _binary_error(path)
    if not text.strip():
        raise DocumentError(path, "tệp chỉ chứa khoảng trắng/dòng trống, không có nội dung văn bản.")
    return LoadedFile(text, loaded.encoding, loaded.notes)


# ---------------------------------------------------------------- .docx
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Containers whose runs are part of the paragraph text (w:del / w:moveFrom = deleted revisions are skipped,
# drawings/text boxes are not descended into because Word stores them twice, as Choice and Fallback).
_RUN_CONTAINERS = frozenset(
    _W + tag
    for tag in (
        "hyperlink",
        "ins",
        "smartTag",
        "sdt",
        "sdtContent",
        "fldSimple",
        "customXml",
        "moveTo",
        "dir",
        "bdo",
    )
)


def _legacy_font(name: str | None) -> tuple[str | None, bool]:
    """(legacy encoding, draws upper-case) for a font name: ``.VnTime`` -> TCVN3, ``VNI-Times`` -> VNI."""
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
        for _ in range(20):  # basedOn chain, guarded against cycles
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


def _table_lines(tbl, parent, fonts: _DocxFonts, converted: set[str]) -> list[str]:
    from docx.table import Table

    lines = []
    for row in Table(tbl, parent).rows:
        try:
            cells = list(row.cells)
        except Exception:  # noqa: BLE001 - irregular grid: fall back to the physical cells
            from docx.table import _Cell

            cells = [_Cell(tc, parent) for tc in row._tr.tc_lst]
        values, previous = [], None
        for cell in cells:
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
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
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


def _load_docx(path: Path, raw: bytes) -> LoadedFile:
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
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
    except DocumentError:
        raise
    except Exception as exc:
        raise DocumentError(
            path,
            f"tệp .docx bị hỏng, không đọc được nội dung Word ({type(exc).__name__}).",
        ) from exc
    if not text.strip():
        raise DocumentError(path, "tài liệu Word không có đoạn văn hay bảng nào chứa chữ.")
    notes = tuple(f"đã chuyển các đoạn dùng phông {ENCODING_LABELS[enc]} sang Unicode." for enc in sorted(converted))
    return LoadedFile(text, "docx", notes)


# ---------------------------------------------------------------- .pdf
#: A scanned PDF has no text to read: the way forward is OCR with the Vietnamese model, then ingest its output.
SCANNED_PDF_MESSAGE = (
    "PDF dạng ảnh quét, không có lớp văn bản nên không đọc được chữ; cần OCR (nhận dạng ký tự) tiếng Việt trước "
    "khi nạp, ví dụ: ocrmypdf -l vie tệp.pdf tệp-ocr.pdf (cần Tesseract và gói tiếng Việt tesseract-ocr-vie), "
    "rồi nạp tệp tệp-ocr.pdf."
)


def _load_pdf(path: Path, raw: bytes) -> LoadedFile:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    if b"%PDF" not in raw[:1024]:
        raise DocumentError(path, "tệp .pdf bị hỏng hoặc không phải PDF (thiếu phần đầu '%PDF').")
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(
                path,
                "PDF được bảo vệ bằng mật khẩu, không mở được; hãy gỡ mật khẩu trước khi nạp.",
            )
        pages = list(reader.pages)
    except DocumentError:
        raise
    except DependencyError as exc:
        raise DocumentError(
            path,
            "PDF được mã hóa (AES), không giải mã được; hãy gỡ bảo vệ trước khi nạp.",
        ) from exc
    except Exception as exc:
        kind = "PDF bị hỏng" if isinstance(exc, PdfReadError) else f"PDF bị hỏng ({type(exc).__name__})"
        raise DocumentError(path, f"{kind}, không đọc được cấu trúc tệp.") from exc
    texts, failed = [], []
    for number, page in enumerate(pages, start=1):
        try:
            texts.append((page.extract_text() or "").replace("\x00", "").strip())
        except Exception:
            failed.append(number)
    if not pages:
        raise DocumentError(path, "PDF không có trang nào, không có nội dung để nạp.")
    if len(failed) == len(pages):
        raise DocumentError(path, "PDF bị hỏng: không trích xuất được văn bản ở bất kỳ trang nào.")
    text = "\n\n".join(t for t in texts if t)
    if len(re.sub(r"\s", "", text)) < _MIN_PDF_CHARS:
        raise DocumentError(path, SCANNED_PDF_MESSAGE)
    notes = (f"không trích xuất được văn bản ở trang {', '.join(map(str, failed))}.",) if failed else ()
    return _fix_mojibake(LoadedFile(text, "pdf", notes))


# ---------------------------------------------------------------- .html / .htm


def _words(text: str) -> frozenset[str]:
    """Space-separated word list -> set (lists read better as text)."""
    return frozenset(text.split())


_HTML_DROP = _words(
    "script style noscript nav header footer form iframe svg head template object embed canvas button select textarea"
)
_HTML_BLOCK = _words(
    "p div h1 h2 h3 h4 h5 h6 tr section article main aside blockquote ul ol dl dt dd "
    "address figure figcaption caption hr center fieldset details summary body html table "
    "tbody thead tfoot td th li pre"
)


class _HtmlText:
    """Walk a parsed page and collect its visible text as lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._buffer: list[str] = []
        self._prefix = ""

    def flush(self) -> None:
        line = " ".join("".join(self._buffer).split())
        self._buffer = []
        if line:
            self.lines.append(self._prefix + line)
            self._prefix = ""

    def walk(self, node) -> None:
        from bs4 import NavigableString, Tag

        for child in node.children:
            if type(child) is NavigableString:
                self._buffer.append(str(child))
            elif isinstance(child, Tag) and not _hidden(child):
                self._tag(child)

    def _tag(self, tag) -> None:
        name = tag.name.lower()
        if name in _HTML_DROP:
            return
        if name == "br":
            self.flush()
        elif name == "table" and not _layout_table(tag):
            self.flush()
            self.lines.extend(_html_table_lines(tag))
        elif name == "li":
            self.flush()
            self._prefix = "- "
            self.walk(tag)
            self.flush()
            self._prefix = ""
        elif name == "pre":
            self.flush()
            self.lines.extend(line.rstrip() for line in tag.get_text().splitlines() if line.strip())
        elif name in _HTML_BLOCK:
            self.flush()
            self.walk(tag)
            self.flush()
        else:
            self.walk(tag)


def _hidden(tag) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower()
    return tag.has_attr("hidden") or "display:none" in style or tag.get("aria-hidden") == "true"


def _own_rows(table):
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _layout_table(table) -> bool:
    """Tables used for page layout (one column, or tables inside tables) are read as ordinary blocks."""
    rows = _own_rows(table)
    return table.find("table") is not None or all(len(tr.find_all(["td", "th"], recursive=False)) <= 1 for tr in rows)


def _html_table_lines(table) -> list[str]:
    lines = []
    for tr in _own_rows(table):
        values = []
        for cell in tr.find_all(["td", "th"], recursive=False):
            walker = _HtmlText()
            walker.walk(cell)
            walker.flush()
            values.append(" ".join(walker.lines))
        if any(values):
            lines.append("| " + " | ".join(values) + " |")
    return lines


def _html_text(markup: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    walker = _HtmlText()
    walker.walk(soup)
    walker.flush()
    return "\n".join(walker.lines)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode_html(raw: bytes) -> tuple[str, tuple[str, ...], bool]:
    """Return (text, notes, already_converted)."""
    for bom, codec, _label in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace").lstrip("\ufeff"), (), False
    head = raw[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if match:
        try:
            codec = codecs.lookup(match.group(1).decode("ascii")).name
        except LookupError:
            codec = None
        if codec:
            text = raw.decode(codec, errors="replace")
            notes = ("một số ký tự không giải mã được theo bảng mã khai báo.",) if "\ufffd" in text else ()
            return unicodedata.normalize("NFC", text), notes, False
    try:
        return raw.decode("utf-8"), (), False
    except UnicodeDecodeError:
        pass
    encoding = detect_legacy_encoding(raw)
    if encoding:
        note = f"trang không khai báo bảng mã; đã chuyển từ {ENCODING_LABELS[encoding]} sang Unicode."
        return convert_legacy(raw, encoding), (note,), True
    return (
        raw.decode("utf-8", errors="replace"),
        ("một số ký tự không giải mã được (không rõ bảng mã).",),
        False,
    )


def _load_html(path: Path, raw: bytes) -> LoadedFile:
    markup, notes, converted = _decode_html(raw)
    text = _html_text(markup)
    if not text.strip():
        raise DocumentError(
            path,
            "trang HTML không có nội dung văn bản (chỉ có thẻ, mã script/style hoặc điều hướng).",
        )
    loaded = LoadedFile(text, "html", notes)
    return loaded if converted else _fix_mojibake(loaded)


_LOADERS: dict[str, Callable[[Path, bytes], LoadedFile]] = {
    ".txt": _load_text,
    ".md": _load_text,
    ".docx": _load_docx,
    ".pdf": _load_pdf,
    ".html": _load_html,
    ".htm": _load_html,
}
