"""What a question's words are about: the place asked about is scope, not topic; identity lines answer identity."""

from __future__ import annotations

from types import SimpleNamespace

from retriever.hybrid import HybridRetriever, RetrieverConfig
from retriever.query import analyze_query


def test_level_word_before_the_province_asked_about_is_not_topic():
    topic = analyze_query("Năm 2023 thành phố Hà Nội đạt bao nhiêu phần trăm chỉ số hài lòng?").topic_terms
    assert "thanh" not in topic and "pho" not in topic and "hai" in topic
    assert "tinh" not in analyze_query("Tỉnh Kiên Giang kiểm tra những sở nào?").topic_terms


def test_level_word_elsewhere_stays_topic():
    # "thành phố" not followed by the place asked about is part of what the question is about
    assert "thanh" in analyze_query("Kiên Giang kiểm tra UBND các huyện, thành phố nào?").topic_terms


def _boosted(question: str) -> dict[str, float]:
    meta = {"n": {"kind": "number"}, "d": {"kind": "place_date"}, "l": {"kind": "list"}, "t": {"kind": "title"}}
    fused = {pid: 1.0 for pid in meta}
    fake = SimpleNamespace(config=RetrieverConfig())
    return HybridRetriever._boost(fake, fused, analyze_query(question), meta)


def test_content_question_ranks_identity_lines_lower():
    scores = _boosted("Nhiệm vụ trọng tâm của kế hoạch cải cách hành chính Lạng Sơn năm 2016 gồm những gì?")
    assert scores["n"] < scores["l"] and scores["d"] < scores["l"] and scores["t"] == scores["l"]


def test_identity_questions_keep_identity_lines():
    for question in ("Kế hoạch CCHC năm 2014 là văn bản số mấy, ban hành ngày nào?",
                     "Ai ký kế hoạch cải cách hành chính năm 2014?",
                     "Kế hoạch được ban hành khi nào?"):
        scores = _boosted(question)
        assert scores["n"] >= scores["l"] and scores["d"] >= scores["l"], question
