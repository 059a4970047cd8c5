"""Vietnamese text normalisation shared by ingest and retriever.

Every function here is pure and cheap except :func:`word_segments`, which loads underthesea lazily.

>>> normalize_text("Uỷ ban nhân dân hoà giải")
'Ủy ban nhân dân hòa giải'
>>> fold_accents("Sở Nội vụ")
'so noi vu'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# A syllable-final "oa", "oe" or "uy" (no consonant after it): the old, official convention puts the tone on the
# first vowel ("hòa", "thủy"), the "new" one on the second ("hoà", "thuỷ"). We normalise to the official one.
_LETTER = r"[^\W\d_]"
_SYLLABLE_FINAL_PAIR = re.compile(
    r"(?<![qQ])([oO][aAeE]|[uU][yY])([\u0300\u0301\u0303\u0309\u0323])(?![\u0300-\u036f]|" + _LETTER + ")"
)
_WORD = re.compile(r"\w+", re.UNICODE)
#: Look-alikes of "Đ" and "đ" read as them: "Ð" (U+00D0, capital eth) and its small "ð" (U+00F0), which text converted
#: from old fonts or pasted from Word carries (Bộ luật Tố tụng hình sự as published heads 12 articles "Ðiều …").
#: Folded where text is read (:func:`reading_form`, the folded and searched forms), never in the stored text: a quote
#: must stay the document's own characters.
D_LOOK_ALIKES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ"})
#: Look-alikes of "Ư" and "ư" read as them: "Ƣ" (U+01A2) and "ƣ" (U+01A3), the letter "oi" that text extracted from
#: PDFs in some fonts carries for every ư ("ngƣời", "PHƢỜNG"); same rule as :data:`D_LOOK_ALIKES`.
HORN_LOOK_ALIKES = str.maketrans({"\u01a2": "Ư", "\u01a3": "ư"})
#: Every look-alike a text is read through (:func:`reading_form`).
LOOK_ALIKES = D_LOOK_ALIKES | HORN_LOOK_ALIKES
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def _move_tone_to_first_vowel(nfd: str) -> str:
    # In NFD "hoà" is "h o a \u0300"; other combining marks (breve, circumflex, horn) never sit on o/a/e/u/y pairs
    # that we touch because the pattern requires the tone to follow the second vowel directly.
    return _SYLLABLE_FINAL_PAIR.sub(lambda m: m.group(1)[0] + m.group(2) + m.group(1)[1], nfd)


def normalize_text(text: str) -> str:
    """Unicode NFC, one tone-placement convention, no zero-width characters, non-breaking spaces as spaces.

    Args:
        text: any Vietnamese text.

    Returns:
        The normalised text; its length may differ from the input's.

    >>> normalize_text("Thuỷ lợi, hoá đơn")
    'Thủy lợi, hóa đơn'
    """
    if not text:
        return ""
    text = _ZERO_WIDTH.sub("", text).replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    nfd = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _move_tone_to_first_vowel(nfd))


def reading_form(text: str) -> str:
    """The text as it is read: the look-alikes of "Đ" and "Ư" written as them (:data:`LOOK_ALIKES`); same length.

    >>> reading_form("\u00d0iều 5 Luật \u00f0ất đai") == "Điều 5 Luật đất đai"
    True
    >>> reading_form("sự hài lòng của ng\u01a3ời dân, PH\u01a2ỜNG")
    'sự hài lòng của người dân, PHƯỜNG'
    """
    return text.translate(LOOK_ALIKES)


def fold_accents(text: str) -> str:
    """Lower case, accents removed, ``đ`` as ``d`` (and the look-alikes, :data:`LOOK_ALIKES`); spacing and
    punctuation kept.

    >>> fold_accents("Đoàn Kiểm tra"), fold_accents("\u00d0iều 413")
    ('doan kiem tra', 'dieu 413')
    """
    nfd = unicodedata.normalize("NFD", reading_form(text).replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in nfd if not unicodedata.combining(c)).lower()


def fold_for_match(text: str) -> str:
    """The comparison key of the evaluation: accents and case removed, only a-z and 0-9 kept.

    >>> fold_for_match("Quý III/2021")
    'quyiii2021'
    """
    return re.sub(r"[^a-z0-9]+", "", fold_accents(text))


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese diacritic (or đ).

    >>> has_diacritics("so noi vu"), has_diacritics("sở nội vụ")
    (False, True)
    """
    return fold_accents(text) != text.lower()


def syllables(text: str) -> list[str]:
    """Lower-case word characters runs (Vietnamese syllables, numbers, abbreviations).

    >>> syllables("Sở Nội vụ, quý III/2021")
    ['sở', 'nội', 'vụ', 'quý', 'iii', '2021']
    >>> syllables("\u00d0iều 2") == ["điều", "2"]  # "Ð" (U+00D0) read as "Đ"
    True
    """
    return [w.lower() for w in _WORD.findall(reading_form(text))]


def fold_word(word: str) -> str:
    """Accent-folded form of one word (cached).

    >>> fold_word("Thương")
    'thuong'
    """
    return _fold_word(word)


#: Folding the same few thousand words of a corpus again and again: cache them (whole texts are not cached).
_fold_word = lru_cache(maxsize=65536)(fold_accents)


@lru_cache(maxsize=1)
def _underthesea_word_tokenize():
    from underthesea import word_tokenize  # heavy import (≈ 2 s): only on first use

    return word_tokenize


def word_segments(text: str) -> list[str]:
    """Multi-syllable words found by underthesea, lower case, syllables joined by ``_``.

    Only words of two or more syllables are returned: single syllables are already covered by :func:`syllables`.

    >>> word_segments("Sở Nội vụ chủ trì")
    ['nội_vụ', 'chủ_trì']
    """
    if not text.strip():
        return []
    tokens = _underthesea_word_tokenize()(text)
    out = []
    for token in tokens:
        parts = syllables(token)
        if len(parts) > 1:
            out.append("_".join(parts))
    return out


__all__ = [
    "normalize_text",
    "reading_form",
    "D_LOOK_ALIKES",
    "HORN_LOOK_ALIKES",
    "LOOK_ALIKES",
    "fold_accents",
    "fold_for_match",
    "fold_word",
    "has_diacritics",
    "syllables",
    "word_segments",
]
