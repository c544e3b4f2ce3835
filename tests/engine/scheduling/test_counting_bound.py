"""The counting bound: valid on every problem, tight where halving the meetings is not."""

from hypothesis import given, settings

from amity.engine.scheduling.compact.problem import compact
from amity.engine.scheduling.exact.search import solve_exact
from amity.engine.scheduling.large.bound import priority_bound
from amity.engine.scheduling.large.counting_bound import counting_bound
from amity.engine.scheduling.large.search import BOUND_KINDS, solve_large
from amity.engine.scheduling.model import (
    InfeasibleProblem,
    Meeting,
    Participant,
    Problem,
    Slot,
    Table,
)
from amity.engine.scheduling.synthetic.generator import HARD_SHAPE, generate_fair
from tests.engine.scheduling.large_strategies import small_problems


def _star(tables: int = 2) -> Problem:
    # s may meet once; a and b have room: halving gives 1.5 + 1.5 + 1.5, the optimum is 3.
    return Problem(
        slots=(Slot("s1"), Slot("s2")),
        tables=tuple(Table(f"t{i}") for i in range(tables)),
        participants=(Participant("s", max_meetings=1), Participant("a"), Participant("b")),
        meetings=(Meeting("m1", ("s", "a"), priority=3), Meeting("m2", ("s", "b"), priority=3)),
    )


def test_counting_bound_lowers_the_prices_of_a_star_to_the_optimum():
    assert counting_bound(compact(_star())) == 3


def test_counting_bound_counts_the_tables_of_each_slot():
    people = tuple(Participant(f"p{i}") for i in range(10))
    problem = Problem(
        slots=(Slot("s1"), Slot("s2")),
        tables=(Table("t1"),),
        participants=people,
        meetings=tuple(
            Meeting(f"m{i}", (f"p{2 * i}", f"p{2 * i + 1}"), priority=i) for i in range(5)
        ),
    )

    # One table in each of two slots: two meetings at most, the two best.
    assert counting_bound(compact(problem)) == 4 + 3


def test_priority_bound_without_time_for_the_lp_reports_the_counting_bound():
    cp = compact(generate_fair(300, 2, HARD_SHAPE))
    with_lp = priority_bound(cp, 30)

    found = priority_bound(cp, 0.0)

    assert found.kind == "counting"
    assert found.value == counting_bound(cp)
    # Close, not equal: the counting bound ignores who else wants the same slot.
    assert with_lp.value <= found.value <= 1.05 * with_lp.value


def test_solve_large_reports_the_counting_kind_when_it_is_the_smallest():
    schedule = solve_large(_star(), time_limit=2)

    assert BOUND_KINDS[int(schedule.stats["bound_kind"])] in ("counting", "coarse", "fine")
    assert schedule.priority_upper_bound >= schedule.objective.priority


@settings(max_examples=40, deadline=None)
@given(small_problems())
def test_counting_bound_is_at_least_any_schedule_the_large_method_returns(problem):
    schedule = solve_large(problem, time_limit=1)

    assert counting_bound(compact(problem)) >= schedule.objective.priority


@settings(max_examples=25, deadline=None)
@given(small_problems())
def test_counting_bound_is_at_least_the_proven_optimum(problem):
    try:
        schedule = solve_exact(problem, time_limit=5)
    except InfeasibleProblem:
        # Meetings fixed to clashing slots: no schedule, so no optimum to stay above.
        return

    if schedule.proven_optimal.get("priority"):
        assert counting_bound(compact(problem)) >= schedule.objective.priority
