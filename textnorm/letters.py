"""Regex classes of Vietnamese letters by case: the one place for "a capital letter" and "a small letter".

``[A-ZĐÀ-Ỹ]`` does not say "a capital": the range À–Ỹ (U+00C0–U+1EF8) spans thousands of code points, small letters
("à", "ư", "ạ"), combining marks, Greek and Cyrillic among them; ``[a-zà-ỹđ]`` likewise holds capitals ("Ư", "Ạ").
These classes hold exactly the letters of Vietnamese, each vowel with each tone mark.

>>> import re
>>> [bool(re.fullmatch(UPPER_LETTER, c)) for c in ("À", "Ặ", "Đ", "Q", "à", "ư", "đ", "×")]
[True, True, True, True, False, False, False, False]
>>> [bool(re.fullmatch(LOWER_LETTER, c)) for c in ("à", "ặ", "đ", "q", "À", "Ư", "Đ")]
[True, True, True, True, False, False, False]
>>> re.findall(CAPITALISED_WORD, "ông Nguyễn Văn Ánh, ở Ủy ban")
['Nguyễn', 'Văn', 'Ánh', 'Ủy']
>>> re.findall(NOT_SMALL_LETTER + "+", "KẾ HOẠCH kiểm tra SỞ NỘI VỤ")
['KẾ', 'HOẠCH', 'SỞ', 'NỘI', 'VỤ']
"""

from __future__ import annotations

import unicodedata

#: The vowels of Vietnamese, each written with any of the tones below ("ă", "ơ", "ư" are letters of their own).
VOWELS = "aăâeêioôơuưy"
#: The tone marks, as combining characters: none (ngang), grave (huyền), acute (sắc), hook (hỏi), tilde (ngã), dot
#: below (nặng).
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def _letters(ascii_letters: str, d: str, case) -> str:
    """``ascii_letters``, ``d`` ("đ" or "Đ") and every toned vowel in ``case`` (``str.lower`` or ``str.upper``)."""
    toned = {unicodedata.normalize("NFC", case(vowel) + tone) for vowel in VOWELS for tone in TONES}
    return ascii_letters + d + "".join(sorted(c for c in toned if not c.isascii()))


#: A capital letter of Vietnamese (A–Z, Đ, "À", "Ặ", "Ư" …): a regex character class.
UPPER_LETTER = "[" + _letters("A-Z", "Đ", str.upper) + "]"
#: A small letter of Vietnamese (a–z, đ, "à", "ặ", "ư" …): a regex character class.
LOWER_LETTER = "[" + _letters("a-z", "đ", str.lower) + "]"

#: A letter that is not a small one (a capital, or a letter without case): what a run of capitals is made of.
#: ``[^\W\d_a-zà-ỹđ]`` is not that: "Ư", "Ạ", "Ộ" lie in à–ỹ, so "KẾ HOẠCH" would be no run of capitals.
NOT_SMALL_LETTER = "[^\\W\\d_" + LOWER_LETTER[1:-1] + "]"
#: A word written with a capital then small letters, as a name is ("Nguyễn", "Ánh"): a regex.
CAPITALISED_WORD = UPPER_LETTER + LOWER_LETTER + "+"

__all__ = ["UPPER_LETTER", "LOWER_LETTER", "NOT_SMALL_LETTER", "CAPITALISED_WORD", "VOWELS", "TONES"]
