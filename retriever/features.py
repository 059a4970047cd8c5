"""What the retriever reads off the plain data the index keeps about each passage
(:attr:`index.lexical_state.LexicalState.meta`, see :func:`index.lexical_state.passage_data`).

Passage features, which question types prefer: a passage that states a time ("khi nào?"), a document's opening and
its title ("văn bản nào?"). The document table behind filters and scope: the names each indexed province goes by,
and the passages whose document passes a test.

>>> states_time({"kind": "list", "dated": True}), states_time({"kind": "basis", "dated": True})
(True, False)
>>> is_opening({"kind": "text", "section": OPENING_SECTION}), is_opening({"kind": "text", "section": "I. MỤC ĐÍCH"})
(True, False)
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import numpy as np

from index.lexical_state import LexicalState
from index.model import OPENING_SECTION
from textnorm.gazetteer import canonical_province

#: Kinds of passage that, in a document's opening section, say what the document is (the number, date, bases and
#: signature are their own passages and say which, when, why and who).
_OPENING_KINDS = ("text", "list")

#: :func:`province_names` of each live state, computed once per state.
_PROVINCE_NAMES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def states_time(meta: dict) -> bool:
    """A passage that states a time the document sets: a basis line's date is the cited document's, not one."""
    return bool(meta.get("dated")) and meta.get("kind") != "basis"


def is_opening(meta: dict) -> bool:
    """A passage that says what its document is: the title, or the opening text before section I."""
    kind = meta.get("kind")
    return kind == "title" or (meta.get("section") == OPENING_SECTION and kind in _OPENING_KINDS)


def is_title(meta: dict) -> bool:
    """The title passage (type word and trích yếu), which says most plainly what a document is."""
    return meta.get("kind") == "title"


def province_names(state: LexicalState) -> dict[str, set[str]]:
    """Each indexed province (canonical name) → the names its documents give it ("Hà Nội", "Ha Noi").

    Computed once per state (the gazetteer is asked once per document, never per search).
    """
    names = _PROVINCE_NAMES.get(state)
    if names is None:
        names = {}
        for m in state.doc_meta.values():
            tinh = m.get("tinh", "")
            if tinh:
                names.setdefault(canonical_province(tinh) or tinh, set()).add(tinh)
        _PROVINCE_NAMES[state] = names
    return names


def documents_where(state: LexicalState, keep: Callable[[str, dict], bool]) -> np.ndarray:
    """Boolean mask over the indexed passages whose document's metadata satisfies ``keep(doc_id, doc_meta)``
    (decided once per document, not per passage)."""
    wanted = np.asarray([keep(d, state.doc_meta.get(d, {})) for d in state.doc_ids] + [False], dtype=bool)
    return wanted[state.passage_docs]


__all__ = ["states_time", "is_opening", "is_title", "province_names", "documents_where"]
