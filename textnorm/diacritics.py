"""Diacritics restoration for questions typed without accents, guided by the indexed text."""

from __future__ import annotations

import json
import math
import re
from collections import Counter

from textnorm import fold_word, has_diacritics, syllables

#: Question and function words a corpus of official documents rarely writes ("gì", "mấy"): used when the indexed
#: text has no accented form of the folded word.
QUESTION_WORDS = {fold_word(w): w for w in "gì nào đâu mấy nhiêu ai sao thế trăm".split()}
#: Question phrases and the count added to their bigram, so that "bao nhieu" is "bao nhiêu" even in a corpus where
#: "báo" (of "báo cáo") is far more frequent than "bao".
QUESTION_PHRASES = {tuple(p.split()): 50 for p in (
    "bao nhiêu", "bao giờ", "khi nào", "là gì", "ở đâu", "thế nào", "số mấy", "tháng mấy", "quý mấy", "ngày nào",
    "những gì", "phần trăm", "mấy ngày", "nào không", "làm gì", "những ai", "là ai", "ai ký", "sở nào",
    "cơ quan nào", "đơn vị nào", "huyện nào", "năm nào")}
_TOKEN = re.compile(r"\w+", re.UNICODE)
#: Tokens restoration leaves alone: numbers, words with digits, and a document number's parts ("189/KH-UBND").
_PROTECTED = re.compile(r"\b\d+\s*/\s*[\w-]+(?:/[\w-]+)*|\w*\d\w*", re.UNICODE)


class DiacriticRestorer:
    """Restores Vietnamese diacritics with a syllable bigram model of the indexed text (Viterbi).

    >>> r = DiacriticRestorer.from_texts(["Sở Nội vụ chủ trì kiểm tra", "Số hiệu văn bản"])
    >>> r.restore("so noi vu chu tri kiem tra")
    'sở nội vụ chủ trì kiểm tra'
    """

    def __init__(self, unigrams: dict[str, Counter], bigrams: Counter, total: int) -> None:
        self.unigrams = unigrams  # folded → Counter(accented)
        self.bigrams = bigrams  # (accented, accented) → count
        self.total = max(total, 1)

    @classmethod
    def from_texts(cls, texts) -> "DiacriticRestorer":
        unigrams: dict[str, Counter] = {}
        bigrams: Counter = Counter()
        total = 0
        for text in texts:
            sylls = syllables(text)
            total += len(sylls)
            for s in sylls:
                unigrams.setdefault(fold_word(s), Counter())[s] += 1
            bigrams.update(zip(sylls, sylls[1:]))
        return cls(unigrams, bigrams, total)

    def to_json(self) -> str:
        return json.dumps({"total": self.total, "unigrams": self.unigrams,
                           "bigrams": [[a, b, c] for (a, b), c in self.bigrams.items()]}, ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> "DiacriticRestorer":
        raw = json.loads(data)
        return cls({k: Counter(v) for k, v in raw["unigrams"].items()},
                   Counter({(a, b): c for a, b, c in raw["bigrams"]}), int(raw["total"]))

    def _count(self, accented: str) -> int:
        count = self.unigrams.get(fold_word(accented), Counter()).get(accented, 0)
        return count or (1 if QUESTION_WORDS.get(fold_word(accented)) == accented else 0)

    def _options(self, word: str) -> list[str]:
        """Accented candidates of an unaccented word, most frequent first (the word itself when none)."""
        options = self.unigrams.get(fold_word(word))
        fallback = QUESTION_WORDS.get(fold_word(word))
        cands = [a for a, _ in options.most_common(6)] if options else []
        cands += [c for c in (fallback, word.lower()) if c and c not in cands]
        return cands

    def _best_path(self, lattice: list[list[str]]) -> list[str]:
        best = {c: (math.log(self._count(c) + 0.1), [c]) for c in lattice[0]}
        for cands in lattice[1:]:
            nxt = {}
            for c in cands:
                uni = self._count(c)
                scored = []
                for prev, (score, path) in best.items():
                    big = self.bigrams.get((prev, c), 0) + QUESTION_PHRASES.get((prev, c), 0)
                    p = (big + 0.01 * (uni + 0.1) / self.total * 100) / (self._count(prev) + 1)
                    scored.append((score + math.log(p + 1e-9), path))
                score, path = max(scored, key=lambda x: x[0])
                nxt[c] = (score, path + [c])
            best = nxt
        return max(best.values(), key=lambda x: x[0])[1]

    def restore(self, text: str) -> str:
        """The text with diacritics restored on unaccented words; numbers, punctuation, case and document numbers
        are kept as typed.

        Args:
            text: a question typed (partly) without diacritics.

        Returns:
            The same text, each unaccented word replaced by its most likely accented form.

        >>> r = DiacriticRestorer.from_texts(["Kế hoạch số 189/KH-UBND ngày 30/9/2022 của Sở Nội vụ là"])
        >>> r.restore("Ke hoach 189/KH-UBND ngay 30/9/2022 cua so noi vu la gi?")
        'Kế hoạch 189/KH-UBND ngày 30/9/2022 của sở nội vụ là gì?'
        """
        protected = [m.span() for m in _PROTECTED.finditer(text)]
        tokens = list(_TOKEN.finditer(text))
        if not tokens:
            return text
        fixed = [has_diacritics(t.group(0)) or any(s <= t.start() and t.end() <= e for s, e in protected)
                 for t in tokens]
        # fixed tokens stay in the lattice, so "nam 2021" is read with its year as context
        lattice = [[t.group(0).lower()] if keep else self._options(t.group(0)) for t, keep in zip(tokens, fixed)]
        path = self._best_path(lattice)
        out, last = [], 0
        for token, word, keep in zip(tokens, path, fixed):
            out.append(text[last:token.start()])
            out.append(token.group(0) if keep else _with_case(word, token.group(0)))
            last = token.end()
        out.append(text[last:])
        return "".join(out)


def _with_case(word: str, typed: str) -> str:
    """``word`` in the case the user typed: "KH" stays upper case, "Ke" capitalised.

    >>> _with_case("kế", "Ke"), _with_case("ubnd", "UBND"), _with_case("sở", "so")
    ('Kế', 'UBND', 'sở')
    """
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


__all__ = ["DiacriticRestorer", "QUESTION_WORDS"]
