"""The two-lane runner: its outcome must not depend on which thread is faster.

The questions here are answered by a script (a stand-in for CP-SAT, which is the runner's
input, not our code): each answer comes after a chosen real delay and reports a chosen
deterministic time. Every case is run with the real-time order both ways round.
"""

from __future__ import annotations

import time

import pytest

from amity.engine.scheduling.exact.lanes import Question, run_lanes
from amity.engine.scheduling.exact.stage import Cancel, StageResult


def _answer(status: str, value: int = 0, dtime: float = 1.0) -> StageResult:
    slots = {"m1": f"value-{value}"} if status in ("OPTIMAL", "FEASIBLE") else {}
    return StageResult(slots, {}, value, 0.0, status == "OPTIMAL", status, 0.0, dtime=dtime)


def _scripted(script: dict[float, tuple[float, StageResult]], asked: list[float]):
    """Answer the question whose ``max_dtime`` labels it, after a real delay, unless stopped."""

    def ask(q: Question, cancel: Cancel) -> StageResult:
        asked.append(q.max_dtime)
        delay, answer = script[q.max_dtime]
        cancel.attach(None)  # a real solve attaches its solver; the script has none
        end = time.monotonic() + delay
        while time.monotonic() < end:
            if cancel.cancelled:
                return StageResult({}, {}, 0, 0.0, False, "CANCELLED", 0.0)
            time.sleep(0.005)
        return answer

    return ask


def _lane(*questions: Question):
    def gen():
        for q in questions:
            r = yield q
            if r.status == "INFEASIBLE" and q.proves:
                return

    return gen()


@pytest.mark.parametrize(("lane0_delay", "lane1_delay"), [(0.0, 0.3), (0.3, 0.0)])
def test_optimal_schedules_are_ordered_by_virtual_time_not_by_the_wall_clock(
    lane0_delay, lane1_delay
):
    script = {
        1.0: (lane0_delay, _answer("FEASIBLE", value=3, dtime=5.0)),
        2.0: (lane1_delay, _answer("FEASIBLE", value=3, dtime=1.5)),
    }
    outcome = run_lanes(
        3, [_lane(Question(3, 1.0)), _lane(Question(3, 2.0))], _scripted(script, [])
    )

    # Lane 1 found its schedule after 1.5 dt, lane 0 after 5.0 dt: lane 1 wins either way.
    assert (outcome.found.lane, outcome.found.clock) == (1, 1.5)


@pytest.mark.parametrize(("lane0_delay", "lane1_delay"), [(0.0, 0.3), (0.3, 0.0)])
def test_an_easy_level_discards_the_other_lane_whatever_finished_first(lane0_delay, lane1_delay):
    script = {
        1.0: (lane0_delay, _answer("INFEASIBLE", dtime=0.2)),
        # Lane 1 proves the budget above impossible and would find nothing: dropped anyway.
        2.0: (lane1_delay, _answer("INFEASIBLE", dtime=0.1)),
    }
    outcome = run_lanes(
        2,
        [_lane(Question(2, 1.0, phase1=True)), _lane(Question(3, 2.0))],
        _scripted(script, []),
    )

    assert outcome.lane1_discarded is True
    assert outcome.infeasible_upto == 2
    assert outcome.found is None


@pytest.mark.parametrize(("lane0_delay", "lane1_delay"), [(0.0, 0.3), (0.3, 0.0)])
def test_a_schedule_found_one_above_is_kept_when_the_level_was_hard(lane0_delay, lane1_delay):
    script = {
        1.0: (0.0, _answer("UNKNOWN", dtime=2.0)),
        3.0: (lane0_delay, _answer("INFEASIBLE", dtime=7.0)),
        2.0: (lane1_delay, _answer("FEASIBLE", value=6, dtime=9.0)),
    }
    outcome = run_lanes(
        5,
        [_lane(Question(5, 1.0, phase1=True), Question(5, 3.0)), _lane(Question(6, 2.0))],
        _scripted(script, []),
    )

    assert outcome.lane1_discarded is False
    assert outcome.infeasible_upto == 5
    assert outcome.found.result.value == 6


def test_a_question_made_pointless_by_a_proof_is_stopped():
    script = {
        1.0: (0.0, _answer("UNKNOWN", dtime=2.0)),
        3.0: (0.2, _answer("INFEASIBLE", dtime=4.0)),
        2.0: (0.0, _answer("FEASIBLE", value=4, dtime=0.1)),
        # The LP at the level, still running when lane 0 proves it: stopped, not waited for.
        4.0: (30.0, _answer("INFEASIBLE", dtime=3.0)),
    }
    asked: list[float] = []
    start = time.monotonic()
    outcome = run_lanes(
        3,
        [
            _lane(Question(3, 1.0, phase1=True), Question(3, 3.0)),
            _lane(Question(4, 2.0), Question(3, 4.0)),
        ],
        _scripted(script, asked),
    )

    assert time.monotonic() - start < 10
    assert outcome.infeasible_upto == 3
    assert outcome.found.result.value == 4
    assert [r.status for _q, r in outcome.results[1]] == ["FEASIBLE"]


def test_the_first_questions_of_lane_0_are_never_stopped_by_lane_1():
    script = {
        # Lane 1 proves 3 breaks impossible at once; lane 0's first question still runs to
        # its own answer, and settling the level there discards lane 1's proof.
        1.0: (0.3, _answer("INFEASIBLE", dtime=0.5)),
        2.0: (0.0, _answer("INFEASIBLE", dtime=0.1)),
    }
    outcome = run_lanes(
        2,
        [_lane(Question(2, 1.0, phase1=True)), _lane(Question(3, 2.0))],
        _scripted(script, []),
    )

    assert [r.status for _q, r in outcome.results[0]] == ["INFEASIBLE"]
    assert outcome.infeasible_upto == 2


def test_an_error_in_a_lane_reaches_the_caller():
    def ask(q: Question, cancel: Cancel) -> StageResult:
        raise RuntimeError("solver failed")

    with pytest.raises(RuntimeError, match="solver failed"):
        run_lanes(2, [_lane(Question(2, 1.0))], ask)


def test_a_lane_whose_budgets_increase_is_refused():
    script = {1.0: (0.0, _answer("UNKNOWN")), 2.0: (0.0, _answer("UNKNOWN"))}

    with pytest.raises(ValueError, match="budgets must not increase"):
        run_lanes(2, [_lane(Question(2, 1.0), Question(3, 2.0))], _scripted(script, []))


def test_an_error_in_one_lane_stops_the_other():
    def ask(q: Question, cancel: Cancel) -> StageResult:
        if q.max_dtime == 1.0:
            time.sleep(0.1)
            raise RuntimeError("solver failed")
        end = time.monotonic() + 30
        while time.monotonic() < end and not cancel.cancelled:
            time.sleep(0.005)
        return StageResult({}, {}, 0, 0.0, False, "CANCELLED", 0.0)

    start = time.monotonic()
    with pytest.raises(RuntimeError, match="solver failed"):
        run_lanes(2, [_lane(Question(2, 1.0)), _lane(Question(3, 2.0))], ask)
    assert time.monotonic() - start < 10


def test_an_allowance_caps_each_lane_and_skips_what_it_cannot_pay_for():
    script = {
        1.0: (0.0, _answer("UNKNOWN", dtime=1.0)),
        # Lane 0's second question, asked with 5 dt, capped at the 0.5 dt its lane has left.
        0.5: (0.0, _answer("UNKNOWN", dtime=0.5)),
        1.5: (0.0, _answer("UNKNOWN", dtime=1.5)),
    }
    asked: list[float] = []
    outcome = run_lanes(
        2,
        [
            _lane(Question(2, 1.0), Question(2, 5.0)),
            # Lane 1 spends its whole 1.5 dt on the first question and never asks the second.
            _lane(Question(3, 1.5), Question(3, 3.0)),
        ],
        _scripted(script, asked),
        allowance=1.5,
    )

    assert sorted(asked) == [0.5, 1.0, 1.5]
    assert outcome.found is None
    assert outcome.charged == 3.0
