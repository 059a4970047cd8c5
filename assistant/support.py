"""Whether a sentence of a model's reply is supported by the passages it cites, and whether its quotations are.

Pure functions over text (no model, no index). A cited sentence is *supported* when its numbers and names all occur
in the passages it cites (their text, section, document label and title) and most of its content syllables do; a
quotation (``«…»``, ``“…”``, ``"…"``) of a few words or more must occur verbatim in them (after
:func:`textnorm.normalize_text`, case and spacing ignored).

>>> passage = "Trong quý III năm 2021, Đoàn kiểm tra làm việc tại Sở Nội vụ và Sở Tư pháp."
>>> unsupported_reason("Quý III năm 2021 Đoàn kiểm tra làm việc tại Sở Nội vụ.", passage)
''
>>> unsupported_reason("Quý III năm 2022 Đoàn kiểm tra làm việc tại Sở Nội vụ.", passage)
'số 2022 không có trong đoạn được trích'
>>> is_verbatim("đoàn kiểm tra  làm việc", passage), is_verbatim("đoàn kiểm tra xử phạt", passage)
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from textnorm import fold_word, has_diacritics, normalize_text, syllables
from textnorm.terms import ABBREVIATIONS, is_stopword

#: Share of a claim's content syllables that must occur in the passages it cites: a faithful paraphrase rewrites the
#: grammar and keeps the facts' words (at most one content syllable in four new); a made-up claim about the same
#: topic shares the topic words ("kiểm tra", "cán bộ") and little more.
MIN_CONTENT_SHARE = 0.75
#: Below this many content syllables the share says nothing (two words of three is chance); numbers and names decide.
MIN_CONTENT_SYLLABLES = 3
#: A quotation shorter than this (in syllables) is a term in quotation marks ("một cửa"), not a quote of the text:
#: its words are checked as content instead.
MIN_QUOTE_SYLLABLES = 4
#: Words an answer uses to frame what a document says, whatever the document: they are not facts to find in it.
FRAMING_WORDS = frozenset(normalize_text(w) for w in """
tài liệu văn bản nêu rõ cụ thể bao gồm sau đây như sau trên dưới đoạn trích nội dung quy định
""".split())

#: A number as documents and answers write it; thousands separators ("1.500", "1,500") are dropped when compared.
_NUMBER = re.compile(r"\d+(?:[.,]\d{3})*(?![.,]?\d)")
#: A word starting with a capital letter (a proper name or an abbreviation such as "UBND").
_CAPITALISED = re.compile(r"\b[^\W\d_a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]\w*")
#: Roman numerals as documents number quarters and parts ("quý III", "Phần IV"): upper case, standing alone.
_ROMAN = re.compile(r"(?<![\w.])[IVX]{1,4}(?![\w])")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10}
#: Characters after which a capital letter opens a clause (orthography), not a name.
_CLAUSE_OPENERS = frozenset(".:;!?-–—•*(\"“«\n[")
#: Quotations of the model: «…», “…” and "…" on one line.
QUOTATION = re.compile(r"«([^«»\n]+)»|“([^“”\n]+)”|\"([^\"\n]+)\"")


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_DIGITS[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def numbers(text: str) -> set[str]:
    """The numbers of ``text`` without thousands separators and leading zeros; Roman numerals (a quarter, a part of a
    plan) by their value, so that "quý III" and "quý 3" agree and "quý II" does not.

    >>> sorted(numbers("Ngày 05/8/2021, 1.500 hồ sơ, mục 3, quý IV"))
    ['1500', '2021', '3', '4', '5', '8']
    """
    found = {re.sub(r"[.,]", "", m.group()).lstrip("0") or "0" for m in _NUMBER.finditer(text)}
    return found | {str(_roman_value(m.group())) for m in _ROMAN.finditer(text)}


def names(text: str) -> list[str]:
    """Words of ``text`` (lower case) written with a capital letter inside a clause: a word that opens the text or a
    clause (after ``.:;!?``, a dash, a bullet, a bracket or a quotation mark) is capitalised by orthography.

    >>> names("Sở Y tế và UBND huyện Kim Bảng; Thời gian: Quý III")
    ['y', 'ubnd', 'kim', 'bảng']
    """
    out = []
    for m in _CAPITALISED.finditer(text):
        before = text[:m.start()].rstrip(" \t*_")
        if before and before[-1] not in _CLAUSE_OPENERS and not _ROMAN.fullmatch(m.group()):
            out.append(m.group().lower())
    return out


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[tuple[list[str], list[str]], ...]:
    """The administrative abbreviations (:data:`textnorm.terms.ABBREVIATIONS`) as syllables."""
    return tuple((syllables(normalize_text(short)), syllables(normalize_text(full)))
                 for short, full in ABBREVIATIONS.items())


def support_words(texts: Iterable[str]) -> set[str]:
    """Syllables of the supporting texts as written (lower case, normalised) and folded (prefixed ``~``), with the
    abbreviations of administrative vocabulary both ways ("Ủy ban nhân dân" supports "UBND" and the reverse).

    >>> {"~ubnd", "ủy", "~uy"} <= support_words(["Ủy ban nhân dân tỉnh"]), "~cai" in support_words(["CCHC"])
    (True, True)
    """
    written = syllables(normalize_text(" ".join(texts)))
    words = set(written) | {"~" + fold_word(w) for w in written}
    folded = " " + " ".join(fold_word(w) for w in written) + " "
    for short_words, full_words in _abbreviations():
        if f" {' '.join(fold_word(w) for w in full_words)} " in folded:
            words.update(short_words + ["~" + fold_word(w) for w in short_words])
        if short_words and f" {' '.join(fold_word(w) for w in short_words)} " in folded:
            words.update(full_words + ["~" + fold_word(w) for w in full_words])
    return words


def found(word: str, words: set[str]) -> bool:
    """Whether a syllable of a claim is among ``words`` (:func:`support_words`): as written when it carries
    diacritics ("phạt" is not "phát"), folded when it does not ("UBND", "iii", a reply typed without accents).

    >>> words = support_words(["phát hiện sai sót của UBND"])
    >>> found("phát", words), found("phạt", words), found("phat", words), found("ủy", words)
    (True, False, True, True)
    """
    word = normalize_text(word.lower())
    return word in words if has_diacritics(word) else "~" + fold_word(word) in words


def content_syllables(text: str) -> list[str]:
    """Folded syllables of a claim that state its facts: no function word, framing word or number.

    >>> content_syllables("Theo văn bản, Đoàn kiểm tra Sở Y tế trong tháng 9.")
    ['đoàn', 'kiểm', 'tra', 'sở', 'y', 'tế', 'tháng']
    """
    return [w for w in syllables(normalize_text(text))
            if not is_stopword(w) and w not in FRAMING_WORDS and not w.isdigit()]


def unsupported_reason(claim: str, *support: str) -> str:
    """Why ``claim`` is not supported by the ``support`` texts (in Vietnamese), or "" when it is.

    Args:
        claim: one sentence of the reply, citation markers removed.
        support: the cited passages' texts, sections, labels and titles.
    """
    missing_numbers = sorted(numbers(claim) - set().union(*(numbers(s) for s in support)))
    if missing_numbers:
        return f"số {', '.join(missing_numbers)} không có trong đoạn được trích"
    words = support_words(support)
    missing_names = [n for n in dict.fromkeys(names(claim)) if not found(n, words)]
    if missing_names:
        return f"tên «{' '.join(missing_names)}» không có trong đoạn được trích"
    content = content_syllables(claim)
    if len(content) >= MIN_CONTENT_SYLLABLES:
        share = sum(1 for w in content if found(w, words)) / len(content)
        if share < MIN_CONTENT_SHARE:
            return f"chỉ {share:.0%} từ nội dung có trong đoạn được trích"
    return ""


def _comparable(text: str) -> str:
    return " " + " ".join(syllables(normalize_text(text))) + " "


def is_verbatim(quote: str, *texts: str) -> bool:
    """Whether ``quote`` occurs word for word in one of ``texts`` (tone placement, case, spacing and punctuation
    between words ignored; accents kept)."""
    wanted = _comparable(quote)
    return wanted.strip() != "" and any(wanted in _comparable(t) for t in texts)


def checked_quotations(text: str) -> list[tuple[int, int, str]]:
    """The quotations of ``text`` long enough to be quotes of a document: (start, end, quoted words).

    >>> checked_quotations('Kế hoạch ghi «kiểm tra tại Sở Nội vụ» và “một cửa”.')
    [(13, 37, 'kiểm tra tại Sở Nội vụ')]
    """
    out = []
    for m in QUOTATION.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        if len(syllables(inner)) >= MIN_QUOTE_SYLLABLES:
            out.append((m.start(), m.end(), inner))
    return out


__all__ = ["MIN_CONTENT_SHARE", "MIN_CONTENT_SYLLABLES", "MIN_QUOTE_SYLLABLES", "FRAMING_WORDS", "QUOTATION",
           "numbers", "names", "support_words", "found", "content_syllables", "unsupported_reason", "is_verbatim",
           "checked_quotations"]
