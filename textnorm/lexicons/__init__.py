"""Lexicons as data: one versioned JSON file per lexicon in this folder, each entry saying why it is there.

A file reads ``{"version": 1, "lexicon": "...", "about": "...", "entries": [{"term": ..., "why": ..., "seen": ...}]}``;
an entry may carry more fields (an abbreviation's ``expansion``, a portal line's ``site``). ``why`` is one of
:data:`REASONS`; ``seen`` says where the term was seen (a document of ``corpus/`` or of the shared real documents, a
statute, or "grammar" for a function word). A file is read at its first use and kept (:func:`entries`); nothing is
read at import. ``python -m textnorm.lexicons.build`` fills ``seen`` from the documents; ``tests/test_lexicons.py``
fails when an entry is not grammar and appears in no document (a term seen only in evaluation questions).

>>> [e.term for e in entries("stopwords")][:3]
['ai', 'gì', 'nào']
>>> entries("abbreviations")[0].field("expansion")
'cải cách hành chính'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from errors import CchcError

#: The folder of the lexicon files (one ``NAME.json`` per lexicon).
LEXICON_DIR = Path(__file__).resolve().parent
#: The file format this loader reads; a file of another version is refused rather than half read.
FORMAT_VERSION = 1
#: Why an entry may be in a lexicon: only these four kinds of knowledge are general enough to be written down.
REASONS = ("grammar", "administrative vocabulary", "document form", "portal")


class LexiconError(CchcError):
    """A lexicon file that is missing or does not follow the format (a packaging or editing mistake)."""


@dataclass(frozen=True)
class Entry:
    """One term of a lexicon, why it is there, where it was seen, and its other fields (``expansion``, ``site``…)."""

    term: str
    why: str
    seen: str
    extra: tuple[tuple[str, str], ...] = field(default=())

    def field(self, name: str, default: str = "") -> str:
        """The value of another field of the entry (``expansion`` of an abbreviation), or ``default``."""
        return dict(self.extra).get(name, default)


def names() -> list[str]:
    """The lexicons shipped, by file name.

    >>> {"stopwords", "abbreviations", "departments", "department_abbreviations", "portal_chrome"} <= set(names())
    True
    """
    return sorted(p.stem for p in LEXICON_DIR.glob("*.json"))


def _entry(name: str, raw: dict) -> Entry:
    term, why = raw.get("term"), raw.get("why")
    if not isinstance(term, str) or not term or why not in REASONS:
        raise LexiconError(f"Từ điển {name} có mục không hợp lệ: {raw!r}.")
    extra = tuple(sorted((k, str(v)) for k, v in raw.items() if k not in ("term", "why", "seen")))
    return Entry(term, why, str(raw.get("seen", "")), extra)


@lru_cache(maxsize=None)
def entries(name: str) -> tuple[Entry, ...]:
    """The entries of lexicon ``name`` in file order (read once, on first use).

    Raises:
        LexiconError: the file is missing, is not JSON, has another format version or an entry without a term or
            with a reason outside :data:`REASONS`.
    """
    path = LEXICON_DIR / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LexiconError(f"Không đọc được từ điển {name} ({path.name}).") from exc
    if data.get("version") != FORMAT_VERSION or not isinstance(data.get("entries"), list):
        raise LexiconError(f"Từ điển {name} không đúng định dạng phiên bản {FORMAT_VERSION}.")
    return tuple(_entry(name, raw) for raw in data["entries"])


def terms(name: str) -> tuple[str, ...]:
    """The terms of lexicon ``name`` in file order.

    >>> "có" in terms("stopwords"), "cơ" in terms("stopwords"), "làm" in terms("stopwords")
    (True, False, False)
    """
    return tuple(e.term for e in entries(name))


def mapping(name: str, value: str) -> dict[str, str]:
    """Term → the entry's field ``value``, in file order (an abbreviation → its expansion).

    >>> mapping("abbreviations", "expansion")["ubnd"]
    'ủy ban nhân dân'
    """
    return {e.term: e.field(value) for e in entries(name)}


__all__ = ["Entry", "LexiconError", "LEXICON_DIR", "REASONS", "entries", "mapping", "names", "terms"]
