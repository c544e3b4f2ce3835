"""Issue 12: the exact path's incumbent improvement (annealing over Kempe chains, break LNS)."""

import pytest

from amity.engine.scheduling import validate
from amity.engine.scheduling.compact.occupancy import Occupancy
from amity.engine.scheduling.compact.problem import compact
from amity.engine.scheduling.compact.result import build_schedule
from amity.engine.scheduling.exact.anneal import anneal
from amity.engine.scheduling.exact.break_lns import load_schedule
from amity.engine.scheduling.exact.incumbent import improve_incumbent
from amity.engine.scheduling.large.fairness import BreakLedger
from amity.engine.scheduling.large.greedy import earliest_fill
from amity.engine.scheduling.model import Problem
from amity.engine.scheduling.objective import compute_objective
from amity.engine.scheduling.synthetic.generator import HARD_SHAPE, generate_fair
from tests.engine.scheduling.problem_factories import make_problem

FAR = float("inf")


def _poor_occupancy(problem: Problem) -> Occupancy:
    """Every meeting in the first slot it fits, latest meetings first: many breaks."""
    cp = compact(problem)
    occ = Occupancy(cp)
    earliest_fill(cp, occ, list(reversed(range(cp.n_meetings))))
    return occ


def _poor_start(problem: Problem) -> dict[str, str]:
    return {a.meeting: a.slot for a in _poor_occupancy(problem).assignments()}


def _required_fair() -> Problem:
    # Twelve participants, a meeting for each pair whose sum is not a multiple of three, in
    # sixteen slots at six tables, every meeting required, break spread at most 2.
    pairs = tuple((f"p{i}", f"p{j}") for i in range(12) for j in range(i + 1, 12) if (i + j) % 3)
    return make_problem(16, 6, pairs, required=True, fairness=2)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_anneal_keeps_every_meeting_gives_a_valid_schedule_and_never_adds_breaks(seed):
    problem = generate_fair(80, seed, HARD_SHAPE)
    occ = _poor_occupancy(problem)
    placed_before = [s != -1 for s in occ.slot_of]
    breaks_before = occ.total_breaks()
    # The greedy start leaves some required meetings out; the search must not change that.
    missing = validate(problem, build_schedule(problem, occ, {})).violations
    assert {v.rule for v in missing} <= {"required_missing"}

    used, cut = anneal(occ, None, 0, 20_000, seed, FAR)

    schedule = build_schedule(problem, occ, {})
    assert validate(problem, schedule).violations == missing
    assert [s != -1 for s in occ.slot_of] == placed_before
    assert occ.total_breaks() <= breaks_before
    assert used <= 20_000
    assert cut is False


def test_anneal_never_takes_anyone_beyond_the_fairness_bound():
    problem = _required_fair()
    cp = compact(problem)
    occ = load_schedule(cp, _poor_start(problem))
    assert occ is not None
    excess_before = BreakLedger(occ, 2).excess

    anneal(occ, 2, 0, 30_000, 4, FAR)

    assert BreakLedger(occ, 2).excess <= excess_before


def test_improve_incumbent_gives_the_same_schedule_for_the_same_work_twice():
    problem = _required_fair()
    start = _poor_start(problem)

    first = improve_incumbent(problem, start, spread=2, lower=0, work=0.5, seed=3, deadline=FAR)
    second = improve_incumbent(problem, start, spread=2, lower=0, work=0.5, seed=3, deadline=FAR)

    assert first is not None
    assert second is not None
    assert first.slots == second.slots
    assert first.work == second.work
    assert first.cut is second.cut is False


def test_improve_incumbent_is_never_worse_than_its_start_and_keeps_its_work():
    problem = _required_fair()
    start = _poor_start(problem)
    before = compute_objective(problem, _load(problem, start).assignments())

    found = improve_incumbent(problem, start, spread=2, lower=0, work=0.3, seed=0, deadline=FAR)

    assert found is not None
    assert set(found.slots) == set(start)
    assert found.breaks <= before.breaks
    # The moves are counted exactly and no LNS step starts that could overrun the work left;
    # only CP-SAT's own deterministic limit may be passed by a hair.
    assert found.work <= 0.3 + 0.02


def test_improve_incumbent_with_no_time_left_returns_its_start_and_says_so():
    problem = _required_fair()
    start = _poor_start(problem)

    found = improve_incumbent(problem, start, spread=2, lower=0, work=1.0, seed=0, deadline=0.0)

    assert found is not None
    assert found.slots == start
    assert found.cut is True
    assert found.work == 0.0


def test_improve_incumbent_at_the_lower_bound_does_no_work():
    problem = _required_fair()
    start = _poor_start(problem)
    breaks = compute_objective(problem, _load(problem, start).assignments())

    found = improve_incumbent(
        problem, start, spread=2, lower=breaks.breaks, work=1.0, seed=0, deadline=FAR
    )

    assert found is not None
    assert found.slots == start
    assert found.work == 0.0


def _load(problem: Problem, slots: dict[str, str]) -> Occupancy:
    occ = load_schedule(compact(problem), slots)
    assert occ is not None
    return occ
