"""Plain text (.txt, .md): byte-order marks, UTF-16 without one, UTF-8, then the legacy encodings.

>>> import pathlib
>>> read_text(pathlib.Path("a.txt"), "Sở Tư pháp\\r\\n".encode("utf-16"), Limits())
LoadedFile(text='Sở Tư pháp\\n', encoding='utf-16', notes=())
"""

from __future__ import annotations

import re
from pathlib import Path

from errors import DocumentError
from ingest.legacy_encoding import ENCODING_LABELS, convert_legacy, detect_legacy_encoding
from ingest.loaders.base import BOMS, Limits, LoadedFile, fix_mojibake

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: How much of a file the binary check looks at.
_SNIFF_CHARS = 65536
#: Share of control characters above which a text is taken for a binary file.
_MAX_CONTROL_SHARE = 0.05
#: A UTF-16 text without BOM: one half of its bytes are mostly NUL (above the first share), the other almost never.
_UTF16_NUL_HALF, _UTF16_TEXT_HALF = 0.6, 0.05


def read_text(path: Path, raw: bytes, limits: Limits) -> LoadedFile:
    """The text of a .txt or .md file, with Windows and old Mac line ends made ``\\n``."""
    loaded = _decode_text(path, raw)
    text = loaded.text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if looks_binary(text):
        raise _binary_error(path)
    if not text.strip():
        raise DocumentError(path, "tệp chỉ chứa khoảng trắng/dòng trống, không có nội dung văn bản.")
    return LoadedFile(text, loaded.encoding, loaded.notes)


def looks_binary(text: str) -> bool:
    """A NUL or many control characters near the start.

    >>> looks_binary("Quyết định\\n"), looks_binary("PK\\x03\\x04\\x00")
    (False, True)
    """
    sample = text[:_SNIFF_CHARS]
    if "\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * max(len(sample), 1)


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
    if odd_nul > _UTF16_NUL_HALF and even_nul < _UTF16_TEXT_HALF:
        codec = "utf-16-le"
    elif even_nul > _UTF16_NUL_HALF and odd_nul < _UTF16_TEXT_HALF:
        codec = "utf-16-be"
    else:
        return None
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode_text(path: Path, raw: bytes) -> LoadedFile:
    for bom, codec, label in BOMS:
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
    if b"\x00" in raw[:_SNIFF_CHARS]:
        raise _binary_error(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(path, raw)
    return fix_mojibake(LoadedFile(text, "utf-8"))


def _decode_legacy(path: Path, raw: bytes) -> LoadedFile:
    if looks_binary(raw.decode("latin-1")):
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
