import itertools

import numpy as np
import pytest

from amity.engine.scheduling.compact.problem import compact
from amity.engine.scheduling.large.bound import build_lp, dual_bound, priority_upper_bound
from amity.engine.scheduling.large.greedy import schedule_fcfs, schedule_priority_greedy
from amity.engine.scheduling.model import (
    Assignment,
    Meeting,
    Objective,
    Participant,
    Problem,
    Schedule,
    Slot,
    Table,
)
from amity.engine.scheduling.objective import explain_unscheduled
from amity.engine.scheduling.synthetic.generator import generate_fair
from amity.engine.scheduling.validate import validate


def _brute_force_priority(problem: Problem) -> int:
    """Best total priority over every meeting -> slot-or-nothing choice that validates."""
    best = 0
    choices = [None, *(s.id for s in problem.slots)]
    for combo in itertools.product(choices, repeat=len(problem.meetings)):
        used: dict[str, int] = {}
        assignments = []
        for meeting, slot in zip(problem.meetings, combo, strict=True):
            if slot is None:
                continue
            n = used.get(slot, 0)
            if n >= len(problem.tables):
                break
            used[slot] = n + 1
            assignments.append(Assignment(meeting.id, slot, problem.tables[n].id))
        else:
            unscheduled = explain_unscheduled(problem, assignments)
            schedule = Schedule(assignments, unscheduled, Objective(0, 0, 0, 0), 0.0)
            report = validate(problem, schedule)
            if report.ok:
                best = max(best, report.objective.priority)
    return best


def _small_fair() -> Problem:
    # Two home and three visiting participants, two slots and one table: capacity binds.
    people = ("h1", "h2", "v1", "v2", "v3")
    return Problem(
        slots=(Slot("s1"), Slot("s2")),
        tables=(Table("t1"),),
        participants=tuple(Participant(p) for p in people),
        meetings=(
            Meeting("a", ("h1", "v1"), priority=3),
            Meeting("b", ("h1", "v2"), priority=2),
            Meeting("c", ("h2", "v1"), priority=2),
            Meeting("d", ("h2", "v3"), priority=1),
            Meeting("e", ("h1", "v3"), priority=1),
        ),
    )


def test_priority_upper_bound_equals_brute_force_on_integral_case():
    problem = _small_fair()

    bound = priority_upper_bound(problem, time_limit=10)

    assert bound == pytest.approx(_brute_force_priority(problem), abs=1e-6)


def test_priority_upper_bound_at_least_brute_force_with_availability():
    problem = Problem(
        slots=(Slot("s1"), Slot("s2"), Slot("s3")),
        tables=(Table("t1"), Table("t2")),
        participants=(
            Participant("h1", available=frozenset({"s1", "s2"})),
            Participant("h2"),
            Participant("v1", available=frozenset({"s2"})),
            Participant("v2", max_meetings=1),
        ),
        meetings=(
            Meeting("a", ("h1", "v1"), priority=3),
            Meeting("b", ("h1", "v2"), priority=2),
            Meeting("c", ("h2", "v1"), priority=2),
            Meeting("d", ("h2", "v2"), priority=3),
        ),
    )

    bound = priority_upper_bound(problem, time_limit=10)

    assert bound >= _brute_force_priority(problem) - 1e-9


def test_priority_upper_bound_above_greedy_schedules_of_generated_fairs():
    for seed in (1, 2, 3):
        problem = generate_fair(150, seed=seed)
        best = max(f(problem).objective.priority for f in (schedule_fcfs, schedule_priority_greedy))

        bound = priority_upper_bound(problem, time_limit=10)

        assert bound >= best


def test_dual_bound_with_zero_duals_is_total_priority():
    problem = _small_fair()
    lp = build_lp(compact(problem))

    bound = dual_bound(lp, np.zeros(lp.a_ub.shape[0]), np.zeros(lp.a_eq.shape[0]))

    # With zero duals every column contributes its upper bound times its priority.
    assert bound == pytest.approx(float(lp.c @ lp.upper), rel=1e-8)
    assert bound >= float(lp.c @ lp.upper)
