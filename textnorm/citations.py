"""Citation markers of an answer ("[1]", "[1, 2]", "[1-3]", "[tài liệu 2]"): the one rule that reads, renumbers and
disarms them, for the grounded answerer, LLM mode, the schedule's answers and the page's [n] links.

>>> cited_numbers("Sở Nội vụ [2], Sở Tư pháp [1] [2]; năm [2021]")
[2, 1]
>>> renumber_markers("Sở Nội vụ [2], Sở Tư pháp [1]; năm [2021]", {2: 1, 1: 2})
'Sở Nội vụ [1], Sở Tư pháp [2]; năm [2021]'
>>> [marker_numbers(m.group(1)) for m in MODEL_MARKER.finditer("quý III [tài liệu 2] và [1, 3-4]")]
[[2], [1, 3, 4]]
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: The digits of a marker: 1 to 3, so that a year in brackets ("[2021]") is never read as a citation.
_NUMBER = r"\d{1,3}"
#: One marker as the answers write it, "[n]" (group 1: n).
MARKER = re.compile(rf"\[({_NUMBER})\]")
#: A marker as a model may write it: "[1]", "[1, 2]", "[1-3]", "[tài liệu 2]", "[nguồn 1]" (group 1: the numbers,
#: read by :func:`marker_numbers`).
MODEL_MARKER = re.compile(
    rf"\[\s*(?:(?:t[àa]i[ _]li[ệe]u|đoạn|doan|nguồn|nguon)\s*)?({_NUMBER}(?:\s*[,;\-–]\s*{_NUMBER})*)\s*\]",
    re.IGNORECASE,
)
#: The same "[n]" twice or more in a row, "[1] [1]" (group 1: the first).
REPEATED_MARKER = re.compile(rf"(\[{_NUMBER}\])(?:\s*\1)+")
#: "[n]" as Markdown-escaped text shows it, "\[n\]" (group 1: n).
ESCAPED_MARKER = re.compile(rf"\\\[({_NUMBER})\\\]")
#: The widest range "[3-5]" is read as (a wider one, "[1-900]", is read as its two ends).
_MAX_RANGE = 20


def marker_numbers(group: str) -> list[int]:
    """The numbers of one model marker's group (:data:`MODEL_MARKER` group 1), ranges expanded.

    >>> marker_numbers("1, 3-4"), marker_numbers("2; 5"), marker_numbers("1-900")
    ([1, 3, 4], [2, 5], [1, 900])
    """
    out: list[int] = []
    for part in re.split(r"\s*[,;]\s*", group.strip()):
        bounds = [int(x) for x in re.split(r"\s*[\-–]\s*", part) if x]
        if len(bounds) == 2 and bounds[0] < bounds[1] <= bounds[0] + _MAX_RANGE:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return out


def cited_numbers(text: str) -> list[int]:
    """The numbers of the "[n]" markers of ``text``, each once, in the order they first appear (see the module's
    example)."""
    return list(dict.fromkeys(int(n) for n in MARKER.findall(text)))


def renumber_markers(text: str, new: Mapping[int, int]) -> str:
    """``text`` with each "[n]" written "[new[n]]" (a number ``new`` lacks is kept; see the module's example)."""
    return MARKER.sub(lambda m: f"[{new.get(int(m.group(1)), int(m.group(1)))}]", text)


def disarm_markers(text: str) -> str:
    """A document's own "[n]" shown with fullwidth brackets, so that it cannot pose as one of our markers.

    >>> disarm_markers("theo ghi chú [1] của năm [2021]")
    'theo ghi chú ［1］ của năm [2021]'
    """
    return MARKER.sub(r"［\1］", text)
