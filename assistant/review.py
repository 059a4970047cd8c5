"""The reviewers' work over every recorded answer: which citations still wait for a verdict (the queue, oldest
first) and, per document, the share judged "Sai" and the share not reviewed yet (issue 20).

Pure functions over the conversation store's turns (:meth:`~assistant.history.ConversationStore.recorded_turns`)
and the verdicts of :class:`~assistant.feedback.FeedbackStore`; the pages only show what they return.

>>> from assistant.types import Answer, Citation, Turn
>>> c1, c2 = (Citation(n=i, doc_id="kh-ha-nam", title="KH", source="", section="", quote="Sở Y tế", start=0, end=7,
...                    label="KH 12/KH-UBND") for i in (1, 2))
>>> turn = Turn("Sở nào được kiểm tra?", Answer("Sở nào được kiểm tra?", "Sở Y tế [1] [2].", citations=[c1, c2]))
>>> recorded = recorded_citations([("abc", 0, "2026-12-05T10:00:00+07:00", turn)])
>>> [(r.key, r.citation.n) for r in recorded]
[('cabct0', 1), ('cabct0', 2)]
>>> [(r.key, r.citation.n) for r in review_queue(recorded, [])]
[('cabct0', 1)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.feedback import ReviewRow
from assistant.types import Citation, Turn


def answer_key(conversation: str, index: int) -> str:
    """The key naming one answer shown in the chat (its verdicts and rating are stored under it).

    >>> answer_key("3f2a", 1)
    'c3f2at1'
    """
    return f"c{conversation}t{index}"


@dataclass(frozen=True)
class RecordedCitation:
    """One citation of one recorded answer."""

    key: str  # the answer's key (:func:`answer_key`)
    created_at: str  # when the answer was given
    turn: Turn
    citation: Citation

    @property
    def mode(self) -> str:
        return self.turn.answer.mode or "grounded"

    @property
    def doc_label(self) -> str:
        return self.citation.label or self.citation.title or self.citation.doc_id


def recorded_citations(turns: Iterable[tuple[str, int, str, Turn]]) -> list[RecordedCitation]:
    """Every citation of the recorded answers, in the order the turns come (oldest first), then by [n]."""
    found = []
    for cid, idx, created_at, turn in turns:
        for c in sorted(turn.answer.citations, key=lambda c: c.n):
            found.append(RecordedCitation(answer_key(cid, idx), created_at, turn, c))
    return found


def _judged(reviews: Iterable[ReviewRow], reviewer: str | None) -> set[tuple[str, int]]:
    return {(r.answer_key, r.n) for r in reviews if reviewer is None or r.reviewer == reviewer}


def review_queue(recorded: Iterable[RecordedCitation], reviews: Iterable[ReviewRow], *, doc_ids=(), modes=(),
                 reviewer: str | None = None, skipped=()) -> list[RecordedCitation]:
    """The next unreviewed citation of every recorded answer, oldest answer first.

    A citation is unreviewed when it holds no verdict (``reviewer=None``) or none from ``reviewer`` (an account's
    login: the citations that reviewer has not judged yet, for a second opinion). ``doc_ids`` and ``modes``, when
    given, keep only citations of those documents and answers composed in those modes; ``skipped`` (answer key,
    n) pairs are passed over as if judged.
    """
    judged = _judged(reviews, reviewer) | set(skipped)
    queue: list[RecordedCitation] = []
    seen: set[str] = set()
    for item in recorded:
        if item.key in seen or (item.key, item.citation.n) in judged:
            continue
        if (doc_ids and item.citation.doc_id not in doc_ids) or (modes and item.mode not in modes):
            continue
        seen.add(item.key)
        queue.append(item)
    return queue


@dataclass(frozen=True)
class DocumentReview:
    """How the citations of one document fared with the reviewers."""

    doc_id: str
    label: str
    citations: int  # distinct citations of the document (recorded, or judged in an answer since deleted)
    unreviewed: int  # recorded citations holding no verdict
    verdicts: int  # verdicts given (one per reviewer and citation)
    wrong: int  # of them "sai"

    @property
    def share_wrong(self) -> float:
        return self.wrong / self.verdicts if self.verdicts else 0.0

    @property
    def share_unreviewed(self) -> float:
        return self.unreviewed / self.citations if self.citations else 0.0


def document_reviews(recorded: Iterable[RecordedCitation], reviews: Iterable[ReviewRow]) -> list[DocumentReview]:
    """Per document: citations, the unreviewed ones, verdicts and "Sai" verdicts; the worst share of "Sai" first.

    >>> from assistant.types import Answer, Citation, Turn
    >>> cites = [Citation(n=i, doc_id=d, title="", source="", section="", quote="q", start=0, end=1, label=d.upper())
    ...          for i, d in ((1, "a"), (2, "a"), (3, "b"))]
    >>> recorded = recorded_citations([("x", 0, "2026", Turn("?", Answer("?", "[1] [2] [3]", citations=cites)))])
    >>> sai = ReviewRow(1, "2026", "cxt0", "?", "", 1, "a", "A", 0, 1, "q", "sai", "", "lan", "Lan")
    >>> [(d.label, d.citations, d.unreviewed, d.share_wrong, d.share_unreviewed)
    ...  for d in document_reviews(recorded, [sai])]
    [('A', 2, 1, 1.0, 0.5), ('B', 1, 1, 0.0, 1.0)]
    """
    reviews = list(reviews)
    judged = _judged(reviews, None)
    labels: dict[str, str] = {}
    cited: dict[str, set[tuple[str, int]]] = {}
    unreviewed: dict[str, int] = {}
    for item in recorded:
        doc = item.citation.doc_id
        labels.setdefault(doc, item.doc_label)
        cited.setdefault(doc, set()).add((item.key, item.citation.n))
        unreviewed[doc] = unreviewed.get(doc, 0) + ((item.key, item.citation.n) not in judged)
    counts: dict[str, list[int]] = {}
    for r in reviews:
        labels.setdefault(r.doc_id, r.doc_label or r.doc_id)
        cited.setdefault(r.doc_id, set()).add((r.answer_key, r.n))
        pair = counts.setdefault(r.doc_id, [0, 0])
        pair[0] += 1
        pair[1] += r.verdict == "sai"
    rows = [DocumentReview(doc, labels[doc], len(keys), unreviewed.get(doc, 0), *counts.get(doc, (0, 0)))
            for doc, keys in cited.items()]
    return sorted(rows, key=lambda d: (-d.share_wrong, -d.share_unreviewed, d.label))


__all__ = ["RecordedCitation", "DocumentReview", "answer_key", "recorded_citations", "review_queue",
           "document_reviews"]
