"""Questions typed on a command line or piped into one: bytes that are not UTF-8 are named per line, never a crash
that leaves the following questions unanswered.

>>> import io
>>> list(numbered_lines(io.BytesIO("Ai ký?\\n".encode() + b"\\xff\\xfe h\\xe1i\\n" + "Khi nào?".encode())))
[(1, 'Ai ký?'), (2, None), (3, 'Khi nào?')]
>>> argument_text("Sở Nội vụ"), argument_text("b\\udcffad") is None
('Sở Nội vụ', True)
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import BinaryIO

#: What a line that is not UTF-8 text gets instead of an answer ({n}: its line number; 0 for the argument).
NOT_UTF8 = ("Dòng {n} không phải văn bản UTF-8 hợp lệ nên không được xử lý; hãy lưu câu hỏi dưới dạng UTF-8 "
            "rồi thử lại.")


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


__all__ = ["NOT_UTF8", "numbered_lines", "argument_text", "questions_of"]
