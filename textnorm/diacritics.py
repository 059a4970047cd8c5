"""Diacritics restoration for questions typed without accents, guided by the indexed text."""

from __future__ import annotations

import json
import math
from collections import Counter

from textnorm import fold_word, has_diacritics, syllables


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
        return self.unigrams.get(fold_word(accented), Counter()).get(accented, 0)

    def restore(self, text: str) -> str:
        words = syllables(text)
        if not words:
            return text
        lattice = []
        for w in words:
            options = self.unigrams.get(fold_word(w))
            if has_diacritics(w) or not options:
                lattice.append([w])
            else:
                cands = [a for a, _ in options.most_common(6)]
                lattice.append(cands if w in cands else cands + [w])
        best = {c: (math.log(self._count(c) + 0.1), [c]) for c in lattice[0]}
        for cands in lattice[1:]:
            nxt = {}
            for c in cands:
                uni = self._count(c)
                scored = []
                for prev, (score, path) in best.items():
                    big = self.bigrams.get((prev, c), 0)
                    p = (big + 0.01 * (uni + 0.1) / self.total * 100) / (self._count(prev) + 1)
                    scored.append((score + math.log(p + 1e-9), path))
                score, path = max(scored, key=lambda x: x[0])
                nxt[c] = (score, path + [c])
            best = nxt
        return " ".join(max(best.values(), key=lambda x: x[0])[1])


__all__ = ["DiacriticRestorer"]
