"""Our BM25 scores (index.lexical) against an independent implementation: bm25s, whose
``BM25(method="atire", idf_method="lucene")`` is the variant we name (:data:`index.lexical.BM25_VARIANT`).

bm25s builds its own vocabulary, document frequencies and lengths from the same term lists; the two must agree on
every passage's score, for several k1 and b, on a small literal Vietnamese corpus.
"""

from __future__ import annotations

import bm25s
import numpy as np
import pytest

from index import lexical
from index.lexical import BM25_VARIANT, K1, B, LexicalIndex, passage_terms

#: Passages of different lengths, some repeating a term, some sharing terms: length normalisation and
#: saturation both matter, and "kiểm tra" is in most passages (its idf is low, never negative).
PASSAGES = ("Sở Nội vụ chủ trì kiểm tra công tác cải cách hành chính năm 2021.",
            "Ủy ban nhân dân tỉnh ban hành kế hoạch kiểm tra.",
            "Sở Tư pháp.",
            "Kiểm tra, kiểm tra và kiểm tra lại việc giải quyết thủ tục hành chính của Sở Nội vụ.",
            "Thời gian kiểm tra: quý III/2021.")
#: Queries as the retriever sends them (terms, each of weight 1): accented syllables, folded ones, a folded bigram,
#: a term in almost every passage, a term in one only, and a term no passage holds.
QUERIES = (["kiểm", "tra"], ["sở", "~noi_vu"], ["thủ", "tục", "hành", "chính"], ["quý"], ["~kiem", "vắng"])
#: (k1, b) pairs: our defaults, no length normalisation, full normalisation, weak and strong saturation.
PARAMETERS = ((K1, B), (1.2, 0.0), (1.2, 1.0), (0.5, 0.75), (2.0, 0.3))


def _terms() -> list[list[str]]:
    return [passage_terms(text, segment=False) for text in PASSAGES]


def _ours(k1: float, b: float) -> LexicalIndex:
    return LexicalIndex.build([str(i) for i in range(len(PASSAGES))], _terms(), k1=k1, b=b)


def _reference(k1: float, b: float):
    ref = bm25s.BM25(k1=k1, b=b, method="atire", idf_method="lucene")
    ref.index(_terms(), show_progress=False)
    return ref


def _reference_scores(ref, query: list[str]) -> np.ndarray:
    known = [t for t in query if t in ref.vocab_dict]  # bm25s refuses a term it never saw; ours scores it 0
    return ref.get_scores(known) if known else np.zeros(len(PASSAGES))


@pytest.mark.parametrize(("k1", "b"), PARAMETERS)
def test_scores_equal_bm25s_lucene_idf_with_atire_term_part(k1, b):
    ours, ref = _ours(k1, b), _reference(k1, b)
    for query in QUERIES:
        got = ours.scores({t: 1.0 for t in query})
        assert np.allclose(got, _reference_scores(ref, query), rtol=1e-5, atol=1e-6), (k1, b, query)
        assert (got >= 0).all(), "Lucene's idf is never negative"


def test_the_comparison_sees_another_idf(monkeypatch):
    """Robertson's idf in place of Lucene's (negative for "kiểm", in four passages of five): the scores differ."""
    query = {"kiểm": 1.0, "tra": 1.0}
    monkeypatch.setattr(lexical, "idf", lambda df, n: np.log((n - df + 0.5) / (df + 0.5)))
    assert not np.allclose(_ours(K1, B).scores(query), _reference_scores(_reference(K1, B), list(query)), rtol=1e-5)


def test_scores_are_not_those_of_the_other_named_variants():
    """The variant is the one named: plain Lucene (without k1 + 1) scales every score, Robertson's idf differs."""
    ours = _ours(K1, B).scores({"kiểm": 1.0, "tra": 1.0})
    for method, idf_method in (("lucene", "lucene"), ("robertson", "robertson"), ("atire", "atire")):
        other = bm25s.BM25(k1=K1, b=B, method=method, idf_method=idf_method)
        other.index(_terms(), show_progress=False)
        assert not np.allclose(ours, other.get_scores(["kiểm", "tra"]), rtol=1e-5), (BM25_VARIANT, method)
