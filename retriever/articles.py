"""Legal articles in ranking: an article's heading ("Điều 65. Thương lượng tập thể") says what every passage of it is
about, also the tail of a long article split into several passages, whose own text never repeats it.

A question in a law's words often names the heading ("Những trường hợp nào thì hợp đồng lao động chấm dứt?" —
"Điều 34. Các trường hợp chấm dứt hợp đồng lao động"), while its body matches a neighbour's passage as well. The
retriever adds, to each candidate passage, the share of the question's topic words that its article's heading holds
(each word weighted by its rarity in the index): the heading acts as a short, precise field beside the body (as
BM25F weighs a title), read from the passage's section path, so nothing is re-embedded or re-indexed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from index.lexical_state import LexicalState
from textnorm import fold_word, syllables

#: Separator of a passage's section path ("Chương V. … > Mục 2. … > Điều 65. Thương lượng tập thể").
SECTION_SEPARATOR = " > "
#: Folded first word of an article heading ("Ðiều", written with the capital eth U+00D0 as Bộ luật Tố tụng hình sự is
#: published, is read as "Điều" by :func:`textnorm.syllables`).
ARTICLE_WORDS = frozenset({"dieu"})


def article_heading_words(section: str) -> frozenset[str]:
    """Folded words of the article heading a passage's section path ends with (its number left out); empty when the
    passage is not in an article (a plan's "I. MỤC ĐÍCH", a post's paragraph).

    >>> sorted(article_heading_words("Chương V. THƯƠNG LƯỢNG > Điều 65. Thương lượng tập thể"))
    ['luong', 'tap', 'the', 'thuong']
    >>> sorted(article_heading_words("Ðiều 413. Phạm vi áp dụng")), article_heading_words("II. NỘI DUNG")
    (['ap', 'dung', 'pham', 'vi'], frozenset())
    """
    last = section.rsplit(SECTION_SEPARATOR, 1)[-1]
    words = [fold_word(s) for s in syllables(last.replace("…", " "))]
    if len(words) < 3 or words[0] not in ARTICLE_WORDS or not words[1][:1].isdigit():
        return frozenset()
    return frozenset(words[2:])


def heading_table(state: LexicalState) -> dict[str, frozenset[str]]:
    """Each passage id of the state → :func:`article_heading_words` of its section (only passages in an article)."""
    def compute(s: LexicalState) -> dict[str, frozenset[str]]:
        out = {}
        for pid, m in s.meta.items():
            words = article_heading_words(m.get("section") or "")
            if words:
                out[pid] = words
        return out

    return state.memo("articles.headings", compute)


def heading_coverage(topic: Iterable[str], heading: frozenset[str], weight: Callable[[str], float]) -> float:
    """The share of a question's topic words (folded) that an article heading holds, each word counted once and
    weighted by ``weight`` (its rarity): 0 for no heading or no topic, 1 when the heading holds every topic word.

    >>> equal = lambda word: 1.0
    >>> heading_coverage(["truong", "hop", "cham", "dut"], frozenset({"cac", "truong", "hop", "cham", "dut"}), equal)
    1.0
    >>> heading_coverage(["cham", "dut", "boi", "thuong"], frozenset({"cham", "dut"}), equal)
    0.5
    >>> heading_coverage(["cham"], frozenset(), equal)
    0.0
    """
    words = set(topic)
    if not words or not heading:
        return 0.0
    total = sum(weight(w) for w in words)
    return sum(weight(w) for w in words if w in heading) / total if total > 0 else 0.0


__all__ = ["ARTICLE_WORDS", "article_heading_words", "heading_coverage", "heading_table"]
