"""The constants of the unit scorer and of the answer's shape, in one frozen dataclass.

Every value was set by hand when its rule was written (commit named in its comment). ``python -m bench.fit_grounded``
(2026-12-06) fitted them all on 374 tune questions (tune halves of dev, realdocs, reworded, probes, newdocs; all of
freshdocs, 2, 3, 5) by coordinate descent, a move needing two fact groups: it moved two (``rank_weight``,
``doc_min_share``, each on the direct-answer tie-break, no fact group gained), and the 102 check questions fell with
each (0.898 → 0.892), so every value by hand is kept; each field's last ``#:`` line gives its fit. The
``ablation`` notes are ``python -m bench.ablate_grounded`` on the index of ``bench.eval_sets`` (sets dev, realdocs,
reworded, probes, newdocs; 123 tune and 102 check questions): the answers changed with the constant switched off,
tune/check, and the check half's fact figure (default 0.890) when it moves.

    >>> GroundedConfig().max_support_units
    3
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GroundedConfig:
    """Constants of the unit scorer and of the answer's shape: what each does, then where its value came from."""

    #: A unit of the passage ranked r is worth (1 + rank_weight / r): the retriever's order breaks ties, words decide.
    #: By hand (c4cd10a): rank 1 worth 1.5× a far rank. Ablation: off changes 45/40 answers, check 0.896.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): tune moved it to 0.125 (facts 0.953 → 0.953, in400 0.909 →
    #: 0.914), check 0.898 → 0.892: dropped, check falls with it alone.
    rank_weight: float = 0.5
    #: Words of a unit's section path count this much: a heading says what the sentences under it are about.
    #: By hand (c4cd10a), about a third of the unit's own words. Ablation: off changes 1/3, check figures equal.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    section_weight: float = 0.35
    #: Words of a unit's document (type, number, province, year, title) count this much: they tell documents apart.
    #: By hand (c4cd10a), below the section's (farther from the unit). Ablation: off changes 3/4, check refusals 0.941.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    doc_weight: float = 0.25
    #: For a header line (number, date, signature) its document's words are its whole context.
    #: 1: the header line speaks for its whole document (c4cd10a). Ablation: off changes 0/1, check figures equal.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    header_doc_weight: float = 1.0
    #: Each question bigram found in a unit adds this share of the topic weight: "kiểm tra trực tiếp" as a phrase.
    #: By hand (c4cd10a). Ablation: off changes 46/49 answers, check 0.873.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    bigram_weight: float = 0.15
    #: A unit carrying the kind of answer asked for gains this share of the topic weight.
    #: By hand (c4cd10a). Ablation: off changes 18/18, tune 0.934→0.915, check in400 0.835→0.818.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    type_bonus: float = 0.6
    #: An enumeration of what a list question asks for gains this share.
    #: By hand (c4cd10a), as ``type_bonus``. Ablation: off changes 7/5, tune 0.931, check 0.902 (better off).
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    list_bonus: float = 0.6
    #: Closing formulas and recipient lists answer nothing unless asked.
    #: By hand (c4cd10a): a twentieth, so they never lead. Ablation: off changes 5/3, check figures equal.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    boilerplate_factor: float = 0.05
    #: Purpose statements ("Mục đích") answer questions about purpose only.
    #: By hand (c4cd10a). Ablation: off changes 5/5, check 0.890 (in400 0.843).
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    purpose_factor: float = 0.6
    #: Titles and agency lines in capitals name a document; they do not answer a content question.
    #: By hand (c4cd10a). Ablation: off changes 29/24, tune 0.915, check figures equal.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    title_factor: float = 0.3
    #: Long units are diluted: score / (1 + chars / length_chars).
    #: By hand (c4cd10a): a unit of 1,200 characters counts half. Ablation: off changes 25/33 answers.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    length_chars: float = 1200.0
    #: Supporting units must score at least this share of the best unit.
    #: By hand (c4cd10a). Ablation: off changes 61/42 answers, check 0.902 (in400 0.829).
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    support_min_share: float = 0.55
    #: Another document is quoted only when its best unit scores at least this share of the best.
    #: By hand (c4cd10a). Ablation: off changes 5/6, check figures equal.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): tune moved it to 0.9 (facts 0.953 → 0.954, in400 0.909 →
    #: 0.910), check 0.898 → 0.892: dropped, check falls with it alone.
    doc_min_share: float = 0.6
    #: Supporting quotes after the direct answer (a list question's lists are counted separately).
    #: By hand (c4cd10a). Ablation: 0 changes 57/60, check 0.855; 6 changes 18/30, check equal.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    max_support_units: int = 3
    #: Documents quoted in one answer (a list question across plans gets one list per document, up to this many).
    #: By hand (c4cd10a). Ablation: 1 changes 16/16, check facts equal, in400 0.847.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    max_docs: int = 4
    #: A quote longer than this is cut to its clauses that carry the question's words.
    #: By hand (c4cd10a), below ``max_line_chars``. Ablation: never cutting changes 21/13, check 0.902, in400 0.812.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    max_quote_chars: int = 360
    #: A passage line longer than this is cut into its sentences before scoring (a shorter one is one unit).
    #: By hand (c4cd10a; the value answers have used, ``split_units``' old default). Ablation: off changes 21/21.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    max_line_chars: int = 420
    #: A heading is quoted with the line under it only when both fit in one short quote.
    #: By hand (a88d83c). Ablation: off changes 1/6, check figures equal.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    headed_max_chars: int = 300
    #: Characters before an answer (a date, a number) read as its context when choosing which part of a long unit
    #: to quote. By hand (9afcab0). Ablation: off changes 4/0 answers: nothing on the check half.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    answer_context_chars: int = 120
    #: Another document leads the answer instead of the retriever's first when its best unit scores this many times
    #: more. By hand (c4cd10a). Ablation: never switching changes 4/6, check 0.878, in400 0.776.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    lead_switch_ratio: float = 1.5
    #: A part of the question is answered by the lead document's unit carrying at least this share of the weight of
    #: its asked phrase ("tại kỳ họp nào": "KỲ HỌP THỨ TƯ" carries "kỳ họp" of "thông qua … kỳ họp"), when the units
    #: already picked carry less. By hand: half, the phrase's noun without its verb. Ablation (tune sets and
    #: freshdocs 1-5, per question): 0.25 changes one in400 figure (up), 0.75 loses the two "kỳ họp nào" answers.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    phrase_min_share: float = 0.5
    #: Basis lines ("Căn cứ …") quoted for a question that asks for all of them.
    #: By hand (18f869a). Ablation: 1 changes 1/1, check 0.882; 4 and 16 change no check answer.
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    max_basis_lines: int = 8
    #: Direct-answer quotes written on the label's line ("Số: … · Hà Nội, ngày …"); more go one per line.
    #: By hand (18f869a): layout only, the figures cannot see it (0 changes 81/71 answers, every figure equal).
    #: By hand, fit kept it (bench.fit_grounded, 2026-12-06): no grid value gains 2 fact groups on tune.
    inline_direct_units: int = 2
