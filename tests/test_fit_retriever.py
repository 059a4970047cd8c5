"""The retriever fit (bench.fit_retriever) on fake objectives: the descent takes the best value of a grid only when it
gains enough evidence groups, and the check half decides which fitted value is kept (issue 18)."""

from __future__ import annotations

from dataclasses import dataclass

from bench.fit_retriever import MIN_GAIN_GROUPS, Score, _check_decides, descend


@dataclass(frozen=True)
class Knobs:
    unread_field_factor: float = 0.5
    other_years_factor: float = 0.5


def _fake(best_unread: float, best_years: float):
    """An objective peaking at the given values: 10 groups lost per 0.1 away from each peak."""
    def score(c: Knobs) -> Score:
        lost = round(100 * (abs(c.unread_field_factor - best_unread) + abs(c.other_years_factor - best_years)))
        return Score(hits=300 - lost, rr=0.0, groups=300)
    return score


def test_the_descent_moves_each_constant_to_its_best_grid_value():
    fitted, moves = descend(_fake(1.0, 0.25), Knobs(), {"unread_field_factor": (0.1, 0.75, 1.0),
                                                        "other_years_factor": (0.25, 1.0)})
    assert fitted == Knobs(1.0, 0.25)
    taken = [(name, value) for name, value, _, _ in moves]
    assert taken == [("unread_field_factor", 1.0), ("other_years_factor", 0.25)]


def test_a_gain_below_the_minimum_is_not_a_move():
    def score(c: Knobs) -> Score:
        return Score(hits=300 + (MIN_GAIN_GROUPS - 1) * (c.unread_field_factor == 1.0), rr=0.0, groups=300)

    assert descend(score, Knobs(), {"unread_field_factor": (1.0,)}) == (Knobs(), [])


def test_the_check_half_drops_a_value_it_falls_with():
    fitted = Knobs(1.0, 0.25)
    check = _fake(1.0, 0.5)  # the check half agrees on the unread factor, not on the other-years one
    final, verdicts = _check_decides(check, Knobs(), fitted, ["unread_field_factor", "other_years_factor"])
    assert final == Knobs(1.0, 0.5)
    assert verdicts == {"other_years_factor": "dropped: check falls with it alone", "unread_field_factor": "kept"}
