"""Questions typed on a command line or piped into one: bytes that are not UTF-8 are named per line, never a crash
that leaves the following questions unanswered.

>>> import io
>>> list(numbered_lines(io.BytesIO("Ai ký?\\n".encode() + b"\\xff\\xfe h\\xe1i\\n" + "Khi nào?".encode())))
[(1, 'Ai ký?'), (2, None), (3, 'Khi nào?')]
>>> argument_text("Sở Nội vụ"), argument_text("b\\udcffad") is None
('Sở Nội vụ', True)
>>> visible_text("\\x00\\x1b[31m \\u200b").strip()
''
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from typing import BinaryIO

#: What a line that is not UTF-8 text gets instead of an answer ({n}: its line number; 0 for the argument).
NOT_UTF8 = ("Dòng {n} không phải văn bản UTF-8 hợp lệ nên không được xử lý; hãy lưu câu hỏi dưới dạng UTF-8 "
            "rồi thử lại.")


#: Terminal escape sequences (CSI such as a colour "\\x1b[31m", OSC such as a window title "\\x1b]0;…\\x07", and the
#: two-character ones): a line pasted from a coloured terminal carries them, and their letters ("31m") are not text.
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]")
#: Unicode categories shown as nothing: control characters (Cc) and invisible format characters (Cf: zero-width
#: spaces and joiners, byte-order marks, direction marks).
_INVISIBLE = frozenset({"Cc", "Cf"})
#: Control characters that lay text out (tab, line ends): kept, as any white space.
_LAYOUT = frozenset("\t\n\r")


def visible_text(text: str) -> str:
    """What a question shows when printed: no terminal escape sequences, control or invisible characters (tabs and
    line ends stay; nothing visible is removed).

    >>> visible_text("Ai ký\\u200b Kế hoạch\\x07 87/KH-UBND?\\nCòn Hà Nam?")
    'Ai ký Kế hoạch 87/KH-UBND?\\nCòn Hà Nam?'
    >>> visible_text("\\x1b]0;tiêu đề\\x07\\x1b[1mSở Nội vụ\\x1b[0m")
    'Sở Nội vụ'
    """
    text = _ESCAPE.sub("", text or "")
    return "".join(ch for ch in text if ch in _LAYOUT or unicodedata.category(ch) not in _INVISIBLE)


def numbered_lines(stream: BinaryIO) -> Iterator[tuple[int, str | None]]:
    """Each line of a byte stream with its number (from 1), decoded as UTF-8 without its line end; None for a line
    that is not UTF-8."""
    for n, raw in enumerate(stream, start=1):
        try:
            yield n, raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            yield n, None


def argument_text(arg: str) -> str | None:
    """A command-line argument as text, or None when the bytes given were not UTF-8 (Python keeps such bytes as
    lone surrogates, which fail later when printed or encoded)."""
    try:
        return os.fsencode(arg).decode("utf-8")
    except UnicodeDecodeError:
        return None


def questions_of(argument: str | None, stream) -> Iterator[tuple[int, str | None]]:
    """The one question given as an argument (numbered 0), or every line of ``stream`` (its bytes when it has
    them)."""
    if argument is not None:
        yield 0, argument_text(argument)
        return
    yield from numbered_lines(getattr(stream, "buffer", stream))


__all__ = ["NOT_UTF8", "numbered_lines", "argument_text", "questions_of", "visible_text"]
