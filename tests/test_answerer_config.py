"""The grounded answerer is configured from outside (``Assistant(grounded=…, abstention=…)``), its abstention
thresholds come from the fit file, and both modes answer through one lazy response (issue 21, items 3 and 4)."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from assistant.abstention import FIT_FILE, AbstentionRule
from assistant.grounded import GroundedConfig, GroundedResponse
from assistant.grounded.response import VERIFIED_BELOW
from assistant.types import Answer
from errors import LLMUnavailable

QUESTION = "Mục đích của kế hoạch kiểm tra cải cách hành chính năm 2021 của Kiên Giang là gì?"


def _assistant(hashed_index, **config):
    from assistant.service import Assistant
    from retriever.hybrid import HybridRetriever

    settings, store = hashed_index
    return Assistant(settings, HybridRetriever(store), **config)


# -- configuration ---------------------------------------------------------------------------------------------------
def test_the_injected_grounded_config_shapes_the_answer(hashed_index):
    default = _assistant(hashed_index).ask(QUESTION)
    bare = _assistant(hashed_index, grounded=GroundedConfig(max_support_units=0)).ask(QUESTION)
    assert "Chi tiết:" in default.text and len(default.citations) > 1, default.text
    assert "Chi tiết:" not in bare.text and len(bare.citations) < len(default.citations), bare.text


def test_the_injected_abstention_rule_decides_the_refusal(hashed_index):
    strict = AbstentionRule(min_coverage=2.0, min_coverage_without_type=2.0)
    assert not _assistant(hashed_index).ask(QUESTION).abstained
    refused = _assistant(hashed_index, abstention=strict).ask(QUESTION)
    assert refused.abstained and "không có đoạn nào trả lời đúng" in refused.text


def test_the_abstention_thresholds_are_read_from_the_fit_file():
    fitted = json.loads(FIT_FILE.read_text(encoding="utf-8"))["rule"]
    rule = asdict(AbstentionRule())
    assert fitted and {name: rule[name] for name in fitted} == fitted


# -- one response protocol -------------------------------------------------------------------------------------------
def _producer(pieces, answer, log, error=None):
    log.append("started")
    yield from pieces
    if error is not None:
        raise error
    return answer


def test_a_response_starts_nothing_before_it_is_read_and_replays_once_read():
    log: list[str] = []
    answer = Answer("Khi nào?", "Quý III năm 2021 [1]", notice="Trích nguyên văn.")
    response = GroundedResponse(_producer([], answer, log))
    assert log == []
    first = list(response)
    assert log == ["started"] and first == ["_Trích nguyên văn._\n\n", "Quý ", "III ", "năm ", "2021 ", "[1]"]
    assert list(response) == first and response.text() == "".join(first) and response.answer() is answer
    assert log == ["started"]


def test_a_streamed_reply_is_followed_by_a_line_when_the_verified_text_differs():
    log: list[str] = []
    same = GroundedResponse(_producer(["Quý ", "III [1]"], Answer("q", "Quý III [1]"), log))
    assert list(same) == ["Quý ", "III [1]"]
    renumbered = GroundedResponse(_producer(["Quý ", "III [4]"], Answer("q", "Quý III [1]"), log))
    assert renumbered.answer().text == "Quý III [1]"  # read whole first: iterating afterwards replays the stream
    assert list(renumbered) == ["Quý ", "III [4]", *VERIFIED_BELOW]


def test_a_failure_while_reading_is_raised_again_by_every_later_read():
    log: list[str] = []
    response = GroundedResponse(_producer(["Quý "], None, log, error=LLMUnavailable("ngắt")))
    shown = []
    with pytest.raises(LLMUnavailable):
        for piece in response:
            shown.append(piece)
    assert shown == ["Quý "]
    with pytest.raises(LLMUnavailable):
        response.answer()
    with pytest.raises(LLMUnavailable):
        list(response)
    assert log == ["started"]


def test_the_assistant_streams_one_response_in_both_modes(hashed_index):
    assistant = _assistant(hashed_index)
    response = assistant.stream(QUESTION)
    assert isinstance(response, GroundedResponse) and isinstance(assistant.stream(QUESTION, mode="llm"),
                                                                 GroundedResponse)
    pieces = list(response)
    assert pieces and all(isinstance(p, str) for p in pieces)
    assert "".join(pieces).endswith(response.answer().text) and response.answer().text == assistant.ask(QUESTION).text


# -- the abstention fit ----------------------------------------------------------------------------------------------
def test_the_fit_takes_the_mildest_tied_rule_then_the_nearest_and_says_when_a_value_is_on_the_edge():
    from bench.fit_abstention import GRID, fit, on_edge, tied_ranges

    current = AbstentionRule(min_coverage=0.3, min_coverage_without_type=0.7, max_unknown_share=0.34,
                             min_unknown_words=3, min_dense=0.86, min_typed_share=0.3)
    here = (0.3, 0.7, 0.34, 3, 0.86, 0.3)
    assert fit([here], current) == current and fit([here, (0.35, 0.7, 0.34, 3, 0.86, 0.3)], current) == current
    milder = fit([here, (0.2, 0.7, 0.34, 3, 0.86, 0.3), (0.1, 0.7, 0.34, 3, 0.86, 0.3)], current)
    assert milder.min_coverage == 0.1 and "min_coverage" not in on_edge(milder)  # refusing least wins among ties
    edges = tuple(values[0] for values in GRID.values())
    assert set(on_edge(fit([edges], current))) == set(GRID)
    assert tied_ranges([edges, (0.35, 0.7, 0.34, 3, 0.86, 0.3)])["min_coverage"] == [GRID["min_coverage"][0], 0.35]
