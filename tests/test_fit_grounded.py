"""The fit of the grounded answerer's constants (``bench.fit_grounded``): its search on tiny fake objectives, the
questions it reads, its replay of the grounded step and the rewriting of ``config.py``. Offline: fakes stand for the
assistant."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

import pytest

from bench import fit_grounded as fg
from bench.eval_sets import EVAL, SETS, split_questions


@dataclass(frozen=True)
class Knobs:
    x: float = 1.0
    n: int = 3


def score_of(hits: int, direct: int = 0, wrong=(), facts: float | None = None, refuse: float = 1.0) -> fg.Score:
    return fg.Score(hits, direct, hits / 10 if facts is None else facts, direct / 10, refuse, frozenset(wrong),
                    (str(hits), str(direct)))


def test_descent_finds_the_best_value_of_the_grid():
    # facts peak at x = 2: the grid of 1.0 holds 2.0 (×2), the descent must move there and nowhere else
    def score(cfg):
        return score_of(10 - int(4 * abs(cfg.x - 2.0)))

    fitted, moves = fg.descend(score, Knobs(), ["x"], lambda name, v: [v * f for f in (0.5, 2.0, 4.0)], passes=2)
    assert fitted.x == 2.0
    assert [(m.name, m.value, m.before.hits, m.after.hits) for m in moves] == [("x", 2.0, 6, 10)]


def test_no_move_below_the_minimum_gain():
    # one fact group more at n = 4 is below a minimum of two groups: the descent stays
    def score(cfg):
        return score_of(10 + (cfg.n == 4))

    fitted, moves = fg.descend(score, Knobs(), ["n"], lambda name, v: [v + 1], min_gain=2)
    assert fitted == Knobs() and moves == []
    fitted, _ = fg.descend(score, Knobs(), ["n"], lambda name, v: [v + 1], min_gain=1)
    assert fitted.n == 4


def test_no_move_that_makes_a_right_refusal_wrong():
    # x = 4 finds far more facts but refuses a question it must answer: never taken; x = 0.5 gains less, cleanly
    def score(cfg):
        if cfg.x == 4.0:
            return score_of(20, wrong=["probes:p1"])
        return score_of(12 if cfg.x == 0.5 else 10)

    fitted, moves = fg.descend(score, Knobs(), ["x"], lambda name, v: [0.5, 4.0])
    assert fitted.x == 0.5 and [m.value for m in moves] == [0.5]


def test_a_refusal_already_wrong_does_not_block_a_move():
    wrong = ["dev:q9"]

    def score(cfg):
        return score_of(12 if cfg.x == 2.0 else 10, wrong=wrong)

    assert fg.descend(score, Knobs(), ["x"], lambda name, v: [2.0])[0].x == 2.0


def test_direct_facts_break_a_tie():
    def score(cfg):
        return score_of(10, direct=7 if cfg.n == 2 else 5)

    assert fg.descend(score, Knobs(), ["n"], lambda name, v: [2, 4])[0].n == 2


def test_idle_constants_are_listed():
    def score(cfg):
        return score_of(10 + (cfg.x == 2.0))

    idle: set = set()
    fg.descend(score, Knobs(), ["x", "n"], lambda name, v: [v * 2], idle=idle)
    assert idle == {"n"}


def test_the_check_half_drops_a_value_it_falls_with():
    # the tune fit moved both; the check half falls with n = 5 alone: only x is kept
    start, fitted = Knobs(), Knobs(x=2.0, n=5)

    def check(cfg):
        return score_of(0, facts=0.9 + 0.01 * (cfg.x == 2.0) - 0.02 * (cfg.n == 5))

    kept, verdicts = fg.check_decides(check, start, fitted)
    assert kept == Knobs(x=2.0, n=3)
    assert verdicts["x"] == "kept" and verdicts["n"].startswith("dropped")


def test_the_check_half_drops_a_value_that_falls_in_the_combination():
    # each alone holds, together they lose: the one whose removal restores the check figure goes
    def check(cfg):
        return score_of(0, facts=0.9 - 0.05 * (cfg.x == 2.0 and cfg.n == 5))

    kept, verdicts = fg.check_decides(check, Knobs(), Knobs(x=2.0, n=5))
    assert kept in (Knobs(x=2.0), Knobs(n=5))
    assert sorted(verdicts.values()) == ["dropped: check falls with it in the combination", "kept"]


def test_grid_of_an_integer_stays_integer_and_positive():
    values = fg.grid("max_support_units", 3)
    assert all(isinstance(v, int) and v >= 0 for v in values) and 3 not in values
    assert {0, 1, 2, 4, 5, 6, 12} <= set(values)


def test_tune_questions_hold_no_check_question():
    splits = json.loads((EVAL / "splits.json").read_text(encoding="utf-8"))
    sets, tune_sets = fg.DEFAULT_SETS.split(","), fg.DEFAULT_TUNE_SETS.split(",")
    items = fg.collect(sets, tune_sets, splits)
    tune = {(name, q["id"]) for name, q in items["tune"]}
    check = {(name, q["id"]) for name, q in items["check"]}
    assert tune and check and not tune & check
    for name in sets:  # every check-half question of the split sets is in the check list, none in the tune list
        held = {(name, q["id"]) for q in split_questions(SETS[name], splits, name)["check"]}
        assert held <= check and not held & tune
    assert {name for name, _ in items["tune"]} == {*sets, *tune_sets}


@pytest.mark.parametrize("judge", ["freshdocs4",
                                   "freshdocs14",
                                   "freshdocs15", "freshdocs16", "freshdocs17",
                                   "freshdocs18", "freshdocs19",
                                   "freshdocs20"])
def test_a_judge_set_is_never_read(judge):
    with pytest.raises(ValueError, match=judge):
        fg.collect(["dev"], [judge], {})
    with pytest.raises(ValueError, match=judge):
        fg.collect([judge], [], {})


class FakeAnswer:
    def __init__(self, text: str, abstained: bool = False) -> None:
        self.text, self.abstained = text, abstained


class FakeAssistant:
    """Answers "lịch" questions before the grounded step (as the schedule hook does), the rest through it; the
    grounded step quotes the answer's date only when its constant ``n`` is at least 2."""

    def __init__(self) -> None:
        self.grounded = Knobs(n=1)
        self.asked = 0
        self.grounded_calls = 0

    def ask(self, question: str):
        self.asked += 1
        if "lịch" in question.lower():
            return FakeAnswer("Lịch kiểm tra: tháng 6/2025")
        return self._grounded(question)

    def _grounded(self, question: str):
        self.grounded_calls += 1
        return FakeAnswer("Kiểm tra trong quý III" + (", ngày 15/8/2025" if self.grounded.n >= 2 else ""))


def test_replay_runs_only_the_grounded_step_again():
    questions = [("dev", {"id": "a", "question": "Lịch kiểm tra tháng nào?", "facts": [["tháng 6"]]}),
                 ("dev", {"id": "b", "question": "Kiểm tra ngày nào?", "facts": [["quý III"], ["15/8/2025"]]})]
    assistant = fg.recorder(FakeAssistant())
    cases = fg.record(assistant, questions)
    assert [c.fixed is not None for c in cases] == [True, False]
    replay = fg.Replayer(assistant, cases)
    score = replay.scorer([c.key for c in cases])
    assert score(Knobs(n=1)).hits == 2 and score(Knobs(n=2)).hits == 3
    calls = assistant.grounded_calls
    assert score(Knobs(n=2)).hits == 3 and assistant.grounded_calls == calls  # each configuration answered once
    assert assistant.asked == 2  # searched and hooked once per question, whatever the configurations


def test_rewrite_config_changes_a_default_and_keeps_the_file_valid():
    text = fg.CONFIG_FILE.read_text(encoding="utf-8")
    out = fg.rewrite_config(text, {"rank_weight": 0.75},
                            {"rank_weight": "Fitted (bench.fit_grounded, test): tune a → b, check c → d.",
                             "max_docs": "By hand, fit kept it (bench.fit_grounded, test)."})
    namespace: dict = {}
    exec(compile(out, "config.py", "exec"), namespace)
    cfg = namespace["GroundedConfig"]()
    assert cfg.rank_weight == 0.75 and cfg.max_docs == replace(cfg).max_docs
    assert out.count("Fitted (bench.fit_grounded, test)") == 1
    again = fg.rewrite_config(out, {}, {"rank_weight": "Fitted (bench.fit_grounded, again)."})
    assert "Fitted (bench.fit_grounded, test)" not in again and "again" in again
