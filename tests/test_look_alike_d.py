""""Ð" (U+00D0, the capital eth that old fonts and Word pastes put for "Đ") is read as "Đ" where text is read —
folded and searched forms, questions — while the stored text keeps the document's own characters."""

from __future__ import annotations

from index.lexical import LexicalIndex, passage_terms
from ingest.clean import clean_lines
from textnorm import fold_accents, normalize_text, syllables

#: A published law's article heading with the look-alike, and the same heading typed with "Đ".
WITH_ETH = "\u00d0iều 413. Phạm vi áp dụng \u00f0ối với người dưới 18 tuổi"
TYPED = "Điều 413. Phạm vi áp dụng đối với người dưới 18 tuổi"


def test_read_forms_fold_the_look_alike():
    assert fold_accents(WITH_ETH) == fold_accents(TYPED) == "dieu 413. pham vi ap dung doi voi nguoi duoi 18 tuoi"
    assert syllables(WITH_ETH) == syllables(TYPED)
    assert passage_terms(WITH_ETH, segment=False) == passage_terms(TYPED, segment=False)


def test_a_question_typed_with_d_finds_the_passage_written_with_eth():
    texts = [WITH_ETH, "Điều 414. Độ tuổi chịu trách nhiệm hình sự"]
    index = LexicalIndex.build(["a", "b"], [passage_terms(t, segment=False) for t in texts])
    scores = index.scores({t: 1.0 for t in ("điều", "413", "đối")})
    assert scores[0] > scores[1] and index.document_frequency("điều") == 2


def test_the_stored_text_keeps_the_document_characters():
    assert normalize_text(WITH_ETH) == WITH_ETH
    assert [line.text for line in clean_lines(WITH_ETH)] == [WITH_ETH]
