"""A legal text's effect clause with a space lost between two syllables ("Quyết định này có hiệu lực thihành sau 10
ngày kể từ ngày ký", "cóhiệu lực thi hành kể từ ngày 01/04/2004", as scraped pages of Gia Lai write them) still
states the date of effect asked: the question is answered from it, not refused for want of it (session 26, F26:
freshq15 W016, freshdocs11 V50). Literal Vietnamese lines, a tiny lexical state (no Chroma, no embedder)."""

from __future__ import annotations

from assistant.evidence import asked_fact, states_fact
from tests.grounded_state import compose, search_results

QD = {"loai_van_ban": "Quyết định", "so_hieu": "31/2013/QĐ-UBND", "tinh": "Gia Lai", "nam": "2013",
      "tieu_de": "Ban hành Quy chế tổ chức và hoạt động của thôn, làng, tổ dân phố", "source": "corpus/qd-31.txt"}
CHUNKS = [
    ("Điều 1", "Điều 1. Ban hành kèm theo Quyết định này Quy chế tổ chức và hoạt động của thôn, làng, tổ dân phố."),
    ("Điều 2", "Điều 2. Quyết định này có hiệu lực thihành sau 10 ngày kể từ ngày ký."),
]
QUESTION = "Quyết định 31/2013/QĐ-UBND của tỉnh Gia Lai về quy chế thôn, tổ dân phố có hiệu lực khi nào?"


def test_a_glued_effect_clause_states_the_effect():
    effect = asked_fact(QUESTION)
    assert effect.kind == "effect"
    assert states_fact("Quyết định này cóhiệu lực thi hành kể từ ngày 01/04/2004 và thay thế các văn bản:", effect)
    assert states_fact(CHUNKS[1][1], effect)
    assert not states_fact("Quyết định này thay thế Quyết định số 78/2006/QĐ-UBND.", effect)


def test_the_effect_asked_is_answered_from_the_glued_clause():
    answer = compose(QUESTION, search_results("qd-31", QD, CHUNKS))
    assert not answer.abstained and "sau 10 ngày" in answer.text[:400], answer.text
