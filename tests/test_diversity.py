"""The per-document diversity of the hybrid search adapts to how concentrated the best candidates are."""

from __future__ import annotations

from retriever.hybrid import HybridRetriever, RetrieverConfig


def ranked(scores: dict[str, float], *, adaptive: bool = True, k: int = 5) -> list[str]:
    """Passage ids in the order search would return them; a passage id is "<document>:<n>"."""
    retriever = HybridRetriever(store=None, config=RetrieverConfig(adaptive_diversity=adaptive))
    meta = {pid: {"doc_id": pid.split(":")[0]} for pid in scores}
    return [pid for pid, _ in retriever._diversify(dict(scores), meta, k, retriever.config.diversity)]


# A question about one article of a long law: the law holds most of the best candidates.
ONE_LAW = {"luat:7": 2.0, "luat:12": 1.7, "luat:3": 1.6, "luat:9": 1.5, "luat:1": 1.4, "luat:20": 1.3,
           "ke-hoach-a:2": 0.9, "ke-hoach-b:5": 0.8, "ke-hoach-c:1": 0.7, "luat:15": 0.6}

# A question across plans: each plan has one or two good passages, none dominates.
ACROSS_PLANS = {"kien-giang:3": 2.0, "kien-giang:4": 1.9, "ha-noi:2": 1.8, "ha-nam:6": 1.7, "quang-binh:1": 1.6,
                "son-la:4": 1.5, "ha-noi:3": 1.5, "ha-nam:7": 1.4, "son-la:5": 1.3, "quang-binh:2": 1.2}


def test_one_long_document_holding_the_answer_keeps_its_ranks():
    assert ranked(ONE_LAW)[:4] == ["luat:7", "luat:12", "luat:3", "luat:9"]


def test_the_fixed_factor_pushed_unrelated_documents_into_ranks_two_to_five():
    """The old behaviour this replaces (so the test above can fail)."""
    order = ranked(ONE_LAW, adaptive=False)
    assert order[1] == "ke-hoach-a:2"
    assert sum(pid.startswith("ke-hoach") for pid in order) == 3


def test_a_question_across_plans_is_still_spread_across_documents():
    order = ranked(ACROSS_PLANS)
    assert len({pid.split(":")[0] for pid in order}) == 5
    assert order[0] == "kien-giang:3"


def test_a_single_document_is_ordered_by_score_alone():
    scores = {"luat:1": 1.0, "luat:2": 0.9, "luat:3": 0.8}
    assert ranked(scores) == ["luat:1", "luat:2", "luat:3"]


def test_empty_candidates_give_nothing():
    assert ranked({}) == []
