"""Web pages (.html, .htm) as saved from a portal: the visible text, data tables as ``| a | b |`` lines.

Scripts, styles, navigation, forms and hidden elements are dropped; a table used for page layout is read as
ordinary blocks.

>>> html_text("<p>Kế hoạch <b>36</b></p><script>x()</script><table><tr><td>1</td><td>Sở Nội vụ</td></tr></table>")
'Kế hoạch 36\\n| 1 | Sở Nội vụ |'
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from pathlib import Path

from errors import DocumentError
from ingest.legacy_encoding import ENCODING_LABELS, convert_legacy, detect_legacy_encoding
from ingest.loaders.base import BOMS, Limits, LoadedFile, fix_mojibake

log = logging.getLogger(__name__)


def _words(text: str) -> frozenset[str]:
    """Space-separated word list -> set (lists read better as text)."""
    return frozenset(text.split())


#: Elements whose content is never text of the document.
_HTML_DROP = _words(
    "script style noscript nav header footer form iframe svg head template object embed canvas button select textarea"
)
#: Elements that start a new line.
_HTML_BLOCK = _words(
    "p div h1 h2 h3 h4 h5 h6 tr section article main aside blockquote ul ol dl dt dd "
    "address figure figcaption caption hr center fieldset details summary body html table "
    "tbody thead tfoot td th li pre"
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: How much of the page is searched for a declared charset.
_HEAD_BYTES = 4096


def read_html(path: Path, raw: bytes, limits: Limits) -> LoadedFile:
    """The visible text of a page, decoded by its BOM, its declared charset, UTF-8 or a detected legacy encoding."""
    markup, notes, converted = _decode_html(raw)
    try:
        text = html_text(markup)
    except Exception as exc:  # noqa: BLE001 - BeautifulSoup and lxml raise anything on broken markup
        log.warning("could not parse the page %s", path, exc_info=True)
        raise DocumentError(path, f"trang HTML bị hỏng, không đọc được nội dung ({type(exc).__name__}).") from exc
    if not text.strip():
        raise DocumentError(
            path,
            "trang HTML không có nội dung văn bản (chỉ có thẻ, mã script/style hoặc điều hướng).",
        )
    loaded = LoadedFile(text, "html", notes)
    return loaded if converted else fix_mojibake(loaded)


def html_text(markup: str) -> str:
    """The visible text of markup, one line per block."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    walker = _HtmlText()
    walker.walk(soup)
    walker.flush()
    return "\n".join(walker.lines)


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


def _declared(raw: bytes) -> tuple[str, tuple[str, ...]] | None:
    """The page decoded with the charset it declares ((text, notes)); None when it declares none that decodes text
    (an unknown name, or a codec that is not a text encoding: ``hex``, ``idna``…)."""
    head = raw[:_HEAD_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    try:
        text = raw.decode(codecs.lookup(match.group(1).decode("ascii")).name, errors="replace")
    except (LookupError, UnicodeError):
        return None
    notes = ("một số ký tự không giải mã được theo bảng mã khai báo.",) if "\ufffd" in text else ()
    return unicodedata.normalize("NFC", text), notes


def _decode_html(raw: bytes) -> tuple[str, tuple[str, ...], bool]:
    """Return (text, notes, already_converted)."""
    for bom, codec, _label in BOMS:
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace").lstrip("\ufeff"), (), False
    declared = _declared(raw)
    if declared:
        return (*declared, False)
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
