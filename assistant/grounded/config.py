"""The constants of the unit scorer and of the answer's shape, in one frozen dataclass.

    >>> GroundedConfig().max_support_units
    3
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GroundedConfig:
    """Constants of the unit scorer and of the answer's shape, each with its reason."""

    #: A unit of the passage ranked r is worth (1 + rank_weight / r): the retriever's order breaks ties, words decide.
    rank_weight: float = 0.5
    #: Words of a unit's section path count this much: a heading says what the sentences under it are about.
    section_weight: float = 0.35
    #: Words of a unit's document (type, number, province, year, title) count this much: they tell documents apart.
    doc_weight: float = 0.25
    #: For a header line (number, date, signature) its document's words are its whole context.
    header_doc_weight: float = 1.0
    #: Each question bigram found in a unit adds this share of the topic weight: "kiểm tra trực tiếp" as a phrase.
    bigram_weight: float = 0.15
    #: A unit carrying the kind of answer asked for gains this share of the topic weight.
    type_bonus: float = 0.6
    #: An enumeration of what a list question asks for gains this share.
    list_bonus: float = 0.6
    #: Closing formulas and recipient lists answer nothing unless asked.
    boilerplate_factor: float = 0.05
    #: Purpose statements ("Mục đích") answer questions about purpose only.
    purpose_factor: float = 0.6
    #: Titles and agency lines in capitals name a document; they do not answer a content question.
    title_factor: float = 0.3
    #: Long units are diluted: score / (1 + chars / length_chars).
    length_chars: float = 1200.0
    #: Supporting units must score at least this share of the best unit.
    support_min_share: float = 0.55
    #: Another document is quoted only when its best unit scores at least this share of the best.
    doc_min_share: float = 0.6
    #: Supporting quotes after the direct answer (a list question's lists are counted separately).
    max_support_units: int = 3
    #: Documents quoted in one answer (a list question across plans gets one list per document, up to this many).
    max_docs: int = 4
    #: A quote longer than this is cut to its clauses that carry the question's words.
    max_quote_chars: int = 360
    #: A passage line longer than this is cut into its sentences before scoring (a shorter one is one unit).
    max_line_chars: int = 420
    #: A heading is quoted with the line under it only when both fit in one short quote.
    headed_max_chars: int = 300
    #: Characters before an answer (a date, a number) read as its context when choosing which part of a long unit
    #: to quote.
    answer_context_chars: int = 120
    #: Another document leads the answer instead of the retriever's first when its best unit scores this many times
    #: more.
    lead_switch_ratio: float = 1.5
    #: Basis lines ("Căn cứ …") quoted for a question that asks for all of them.
    max_basis_lines: int = 8
    #: Direct-answer quotes written on the label's line ("Số: … · Hà Nội, ngày …"); more go one per line.
    inline_direct_units: int = 2

