"""What the retriever reads off the plain data the index keeps about each passage
(:attr:`index.lexical_state.LexicalState.meta`, see :func:`index.lexical_state.passage_data`).

Passage features, which question types prefer: a passage that states a time ("khi nào?"), a document's opening and
its title ("văn bản nào?"). The document table behind filters and scope: the names each indexed province goes by,
and the passages whose document passes a test.

>>> states_time({"kind": "list", "dated": True}), states_time({"kind": "basis", "dated": True})
(True, False)
>>> is_opening({"kind": "text", "section": OPENING_SECTION}), is_opening({"kind": "text", "section": "I. MỤC ĐÍCH"})
(True, False)

Metadata is a hint, never a gate: a field the reader could not read (an excerpt without its header, a news post)
neither matches nor contradicts a scope. Filters keep such documents, ranked lower and labelled:

>>> unread_fields({"tinh": "", "years": ["2021"], "loai_van_ban": "Kế hoạch"}, ("tinh", "years"))
('tinh',)
>>> unread_fields({"tinh": "", "cap": CENTRAL_LEVEL}, ("tinh",))  # a ministry's document is of no province
()
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from enum import Enum

import numpy as np

from index.lexical_state import LexicalState
from index.model import CENTRAL_LEVEL, OPENING_SECTION, DocumentMetadata
from textnorm.cues import IDENTITY_ROLES, TYPE_ROLES, AnswerType
from textnorm.gazetteer import find_provinces, province_key, provinces_covered_by

#: Kinds of passage that, in a document's opening section, say what the document is (the number, date, bases and
#: signature are their own passages and say which, when, why and who).
_OPENING_KINDS = ("text", "list")

#: Document fields a scope reads: the question's or the sidebar's province, year and kind of document.
SCOPE_FIELDS = ("tinh", "years", "loai_van_ban")
#: How each field is named to a user when a document does not state it ("chưa rõ tỉnh").
FIELD_NAMES = {"tinh": "tỉnh", "years": "năm", "loai_van_ban": "loại văn bản"}

def states_time(meta: dict) -> bool:
    """A passage that states a time the document sets: a basis line's date is the cited document's, not one."""
    return bool(meta.get("dated")) and meta.get("kind") != "basis"


def is_opening(meta: dict) -> bool:
    """A passage that says what its document is: the title, or the opening text before section I."""
    kind = meta.get("kind")
    return kind == "title" or (meta.get("section") == OPENING_SECTION and kind in _OPENING_KINDS)


#: Answer types that a document's identity lines (:data:`textnorm.cues.IDENTITY_ROLES`: its number, its
#: place-and-date line, its signature block) answer; a question about the content is answered by none of them.
IDENTITY_TYPES = frozenset({AnswerType.SIGNER, AnswerType.PERSON, AnswerType.NUMBER, AnswerType.ISSUE_DATE,
                            AnswerType.BASIS, AnswerType.TIME, AnswerType.PLACE})


def is_identity_line(meta: dict) -> bool:
    """A passage that only identifies its document ("Số: 87/KH-UBND", "Tuyên Quang, ngày 10 tháng 12 năm 2013").

    >>> is_identity_line({"kind": "place_date"}), is_identity_line({"kind": "list"})
    (True, False)
    """
    return meta.get("kind") in IDENTITY_ROLES


def answer_lines(answer_types) -> frozenset[str]:
    """The kinds of passage that state what a question asks of its document: its number, its place-and-date line,
    its signature block (:data:`textnorm.cues.TYPE_ROLES`).

    >>> sorted(answer_lines((AnswerType.NUMBER, AnswerType.ISSUE_DATE))), answer_lines((AnswerType.CONTENT,))
    (['number', 'place_date'], frozenset())
    """
    return frozenset(str(TYPE_ROLES[t].value) for t in answer_types if t in TYPE_ROLES)


def is_title(meta: dict) -> bool:
    """The title passage (type word and trích yếu), which says most plainly what a document is."""
    return meta.get("kind") == "title"


def province_names(state: LexicalState) -> dict[str, set[str]]:
    """Each indexed province (canonical name) → the names its documents give it ("Hà Nội", "Ha Noi").

    Computed once per state, in its memo (the gazetteer is asked once per document, never per search).
    """
    return state.memo("retriever.province_names", _province_names)


def _province_names(state: LexicalState) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for m in state.doc_meta.values():
        tinh = DocumentMetadata.of(m).province
        if tinh:
            names.setdefault(province_key(tinh), set()).add(tinh)
    return names


class DocumentPlace(Enum):
    """Where a document stands against the provinces a question or a filter names, by its metadata alone
    (:func:`document_place`): the one reading the retriever's scope and the answerer's checks share."""

    ASKED = "asked"  # its province is read and is one of them
    OTHER = "other"  # its province is read and is none of them
    CENTRAL = "central"  # no province read, and a central body's (level "Trung ương"): of no province
    UNREAD = "unread"  # no province read: it may be of them (metadata is a hint, never a gate)

    @property
    def elsewhere(self) -> bool:
        """Known to be of none of them: another province's, or a national body's."""
        return self in (DocumentPlace.OTHER, DocumentPlace.CENTRAL)


def asked_provinces(provinces: Iterable[str], *, merged: bool = False) -> frozenset[str]:
    """The names of ``provinces`` as :func:`document_place` compares them (:func:`textnorm.gazetteer.province_key`);
    ``merged``: also every old province each covers since the 2025 mergers (``provinces_covered_by``), as a document
    named by number is read. The answerer reads the provinces the analysis was widened to instead
    (:func:`retriever.query.resolve_merged_provinces`: only those the index holds).

    >>> sorted(asked_provinces(["quang ngai"])), sorted(asked_provinces(["Quảng Ngãi"], merged=True))
    (['Quảng Ngãi'], ['Kon Tum', 'Quảng Ngãi'])
    """
    keys = frozenset(province_key(p) for p in provinces)
    return keys | {old for p in keys for old in provinces_covered_by(p)} if merged else keys


def document_place(metadata: dict, asked: frozenset[str]) -> DocumentPlace:
    """Where a document stands against the provinces ``asked`` (:func:`asked_provinces`), by its metadata: its
    province ("tinh") when read, else its level ("cap").

    >>> asked = asked_provinces(["Tây Ninh"])
    >>> [document_place(m, asked).name for m in ({"tinh": "tay ninh"}, {"tinh": "Hậu Giang"},
    ...                                           {"tinh": "", "cap": CENTRAL_LEVEL}, {}, {"tinh": None})]
    ['ASKED', 'OTHER', 'CENTRAL', 'UNREAD', 'UNREAD']
    >>> DocumentPlace.CENTRAL.elsewhere, DocumentPlace.UNREAD.elsewhere
    (True, False)
    """
    tinh = metadata.get("tinh") or ""
    if tinh:
        return DocumentPlace.ASKED if province_key(tinh) in asked else DocumentPlace.OTHER
    return DocumentPlace.CENTRAL if metadata.get("cap") == CENTRAL_LEVEL else DocumentPlace.UNREAD


def unread_fields(meta: dict, fields) -> tuple[str, ...]:
    """Of the scope ``fields`` (:data:`SCOPE_FIELDS`), those the document's metadata does not state: the reader
    found no province (and the document is not a central body's), no year, no kind of document."""
    out = []
    for name in fields:
        value = meta.get(name)
        if name == "tinh" and not value and meta.get("cap") == CENTRAL_LEVEL:  # document_place's CENTRAL, cheaply
            continue
        if not value:
            out.append(name)
    return tuple(out)


def mentions_province(text: str, provinces) -> bool:
    """Whether a text names one of ``provinces`` (any spelling the gazetteer knows): the text's own evidence of a
    place, whatever its document's metadata says.

    >>> mentions_province("Đoàn kiểm tra của UBND tỉnh Bắc Kạn làm việc tại huyện Na Rì", ["Bắc Kạn"])
    True
    >>> mentions_province("UBND tỉnh Kiên Giang", ["Bắc Kạn"]), mentions_province("", ["Bắc Kạn"])
    (False, False)
    """
    wanted = asked_provinces(provinces)
    return bool(text) and any(province_key(p) in wanted for p in find_provinces(text))


def mentions_year(text: str, years) -> bool:
    """Whether a text writes one of ``years`` as a year (not inside a longer number).

    >>> mentions_year("trong quý III/2021", ["2021"]), mentions_year("Số 12021/QĐ", ["2021"])
    (True, False)
    """
    return any(re.search(rf"(?<!\d){re.escape(str(y))}(?!\d)", text or "") for y in years)


def documents_where(state: LexicalState, keep: Callable[[str, dict], bool]) -> np.ndarray:
    """Boolean mask over the indexed passages whose document's metadata satisfies ``keep(doc_id, doc_meta)``
    (decided once per document, not per passage)."""
    wanted = np.asarray([keep(d, state.doc_meta.get(d, {})) for d in state.doc_ids] + [False], dtype=bool)
    return wanted[state.passage_docs]


__all__ = ["states_time", "answer_lines", "is_opening", "is_title", "province_names", "documents_where",
           "unread_fields", "mentions_province", "mentions_year", "SCOPE_FIELDS", "FIELD_NAMES", "CENTRAL_LEVEL",
           "DocumentPlace", "asked_provinces", "document_place"]
