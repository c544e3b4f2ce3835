"""Issue 12: the budget, the coarse LP bound, the greedy portfolio and the break LNS."""

import pytest

from amity.engine.scheduling import Budget, solve, validate
from amity.engine.scheduling.compact.occupancy import Occupancy
from amity.engine.scheduling.compact.problem import compact
from amity.engine.scheduling.exact.break_lns import improve_breaks
from amity.engine.scheduling.large.bound import build_lp, priority_bound, solve_lp
from amity.engine.scheduling.large.greedy import earliest_fill, greedy_portfolio, priority_fill
from amity.engine.scheduling.large.search import forced_breaks, solve_large
from amity.engine.scheduling.model import Problem
from amity.engine.scheduling.objective import compute_objective
from amity.engine.scheduling.synthetic.generator import HARD_SHAPE, generate_fair
from tests.engine.scheduling.problem_factories import make_problem


def test_budget_rejects_non_positive_limits_and_derives_its_work():
    with pytest.raises(ValueError, match="time_limit"):
        Budget(0)
    with pytest.raises(ValueError, match="work"):
        Budget(10, work=0)

    assert Budget(10).total_work == pytest.approx(15.0)
    assert Budget(10, work=4).scaled(0.5) == Budget(5, 2)


@pytest.mark.parametrize("shape", [None, HARD_SHAPE], ids=["default", "hard"])
def test_coarse_lp_bounds_the_fine_lp_and_every_greedy(shape):
    cp = compact(generate_fair(120, 3, shape))
    fine, _ = solve_lp(build_lp(cp), 30)
    coarse, _ = solve_lp(build_lp(cp, coarse=True), 30)
    occ, _ = greedy_portfolio(cp)

    # The coarse LP relaxes the fine one, which relaxes every schedule.
    assert coarse >= fine - 1e-6
    assert fine >= occ.total_priority() - 1e-6
    assert priority_bound(cp, 30).value <= coarse + 1e-9


def test_greedy_portfolio_is_at_least_as_good_as_each_greedy():
    cp = compact(generate_fair(150, 2, HARD_SHAPE))
    best, _ = greedy_portfolio(cp)
    for fill in (priority_fill, earliest_fill):
        occ = Occupancy(cp)
        fill(cp, occ)

        assert (best.total_priority(), -best.total_breaks()) >= (
            occ.total_priority(),
            -occ.total_breaks(),
        )


def test_solve_large_never_returns_less_than_the_greedy():
    problem = generate_fair(200, 5, HARD_SHAPE)
    greedy, _ = greedy_portfolio(compact(problem))

    schedule = solve_large(problem, time_limit=0.5)

    assert validate(problem, schedule).violations == []
    assert (schedule.objective.priority, -schedule.objective.breaks) >= (
        greedy.total_priority(),
        -greedy.total_breaks(),
    )
    assert schedule.objective.breaks >= schedule.stats["breaks_lower_bound"]


def test_forced_breaks_counts_a_gap_nothing_can_fill():
    # a has fixed meetings in s1 and s3 and is away in s2: a break in every schedule.
    base = make_problem(3, 2, (("a", "b"), ("a", "c")), required=True)
    a = base.participants[0]
    problem = Problem(
        slots=base.slots,
        tables=base.tables,
        participants=(
            type(a)(id="a", available=frozenset({"s1", "s3"})),
            *base.participants[1:],
        ),
        meetings=(
            type(base.meetings[0])("m1", ("a", "b"), required=True, slot="s1"),
            type(base.meetings[0])("m2", ("a", "c"), required=True, slot="s3"),
        ),
    )

    assert forced_breaks(compact(problem)) == 1


def test_break_lns_never_adds_breaks_and_keeps_the_fairness_bound():
    pairs = tuple((f"p{i}", f"p{j}") for i in range(6) for j in range(i + 1, 6) if (i + j) % 2)
    problem = make_problem(8, 3, pairs, required=True, fairness=2)
    # A poor start: every meeting in the first slot it fits, ignoring breaks.
    cp = compact(problem)
    occ = Occupancy(cp)
    earliest_fill(cp, occ, list(reversed(range(cp.n_meetings))))
    start = {a.meeting: a.slot for a in occ.assignments()}
    before = compute_objective(problem, occ.assignments())

    found = improve_breaks(
        problem, start, spread=2, lower=0, work=2.0, seed=1, deadline=float("inf")
    )

    assert found is not None
    assert found.breaks <= before.breaks
    assert set(found.slots) == set(start)


def test_solve_reports_the_bound_kind_and_a_breaks_lower_bound():
    problem = generate_fair(300, 1, HARD_SHAPE)

    schedule = solve(problem, budget=Budget(5))

    assert validate(problem, schedule).ok
    assert schedule.stats["bound_kind"] in (1.0, 2.0)
    assert schedule.objective.priority <= schedule.priority_upper_bound
    assert 0 <= schedule.stats["breaks_lower_bound"] <= schedule.objective.breaks
