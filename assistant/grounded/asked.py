"""The unit that adds what is asked: of the lead document's units, the direct answer is one that carries the words
the question asks with (the words around its question word: "phải có lộ trình thế nào", "những địa phương nào đã chủ
động"), not one that only restates the question's subject ("UBND tỉnh ban hành Kế hoạch … như sau:", a news post's
lead, a basis line naming the same programme), however many of the subject's words it repeats."""

from __future__ import annotations

from assistant.grounded.units import QuotedSpan, said_weight

#: A unit leads in place of the best one only when it scores at least this share of it: the asked words decide
#: between units the scorer finds close, not against a unit far better on every other count.
ASKED_MIN_SHARE = 0.5
#: ... and carries more of the weight of the asked words than the best by at least this share of it: one asked word
#: the subject shares ("kiểu mẫu" of "kiểu mẫu phải có lộ trình") is not enough.
ASKED_MARGIN = 0.5


def adding_unit(best: QuotedSpan, candidates: list[QuotedSpan], asked: dict[str, float]) -> QuotedSpan | None:
    """The unit of ``candidates`` (the lead document's, other than ``best``) to quote before ``best``: it scores at
    least :data:`ASKED_MIN_SHARE` of ``best`` and carries more of the asked words (``asked``: folded word → weight)
    than ``best`` by :data:`ASKED_MARGIN` of their weight; the one carrying most (then the better scored). None when
    ``best`` says as much of them as any.

    >>> lead = QuotedSpan(None, 0, 40, "UBND tỉnh ban hành Kế hoạch NTM kiểu mẫu như sau:", "lead_in", score=1.7)
    >>> item = QuotedSpan(None, 50, 90, "- Kế hoạch xây dựng NTM phải có lộ trình hợp lý.", "item", score=1.6)
    >>> asked = {"mau": 1.0, "phai": 1.0, "lo": 2.0, "trinh": 2.0}
    >>> adding_unit(lead, [item], asked).text
    '- Kế hoạch xây dựng NTM phải có lộ trình hợp lý.'
    >>> adding_unit(item, [lead], asked) is None
    True
    """
    total = sum(asked.values())
    if total <= 0:
        return None
    found, found_weight = None, said_weight(best.text, asked) + ASKED_MARGIN * total
    for unit in sorted(candidates, key=lambda u: -u.score):
        if unit.score < ASKED_MIN_SHARE * best.score:
            break
        weight = said_weight(unit.text, asked)
        if weight >= found_weight + (1e-9 if found else 0.0):
            found, found_weight = unit, weight
    return found
