"""The break model's window literals and per-participant fairness cap (exact path)."""

from amity.engine.scheduling.exact.cpsat_model import ExactOptions
from amity.engine.scheduling.exact.stage import solve_stage
from amity.engine.scheduling.model import Participant
from tests.engine.scheduling.problem_factories import make_problem

WINDOWS = ExactOptions(windows=True, linearization_level=2)


def _hub_problem(partner_slots: tuple[str, ...], n_slots: int, fairness: int | None = None):
    """Participant "hub" meets one partner per entry, each partner free only in that slot."""
    partners = tuple(f"q{k}" for k in range(len(partner_slots)))
    others = [
        Participant(id=q, available=frozenset({s}))
        for q, s in zip(partners, partner_slots, strict=True)
    ]
    people = (Participant(id="hub"), *others)
    pairs = tuple(("hub", q) for q in partners)
    return make_problem(n_slots, 2, pairs, participants=people, fairness=fairness, required=True)


def test_breaks_stage_with_windows_rejects_zero_budget_when_meetings_are_apart():
    # Partners free only in s1 and s4: the hub's meetings cannot be consecutive.
    problem = _hub_problem(("s1", "s4"), 4)

    result = solve_stage(
        problem, "breaks", time_limit=10, max_breaks=0, minimize=False, opts=WINDOWS
    )

    assert result.status == "INFEASIBLE"


def test_breaks_stage_with_windows_finds_the_one_break_schedule():
    problem = _hub_problem(("s1", "s4"), 4)

    result = solve_stage(
        problem, "breaks", time_limit=10, max_breaks=1, minimize=False, opts=WINDOWS
    )

    assert (result.found, result.value, result.slots) == (True, 1, {"m1": "s1", "m2": "s4"})


def test_breaks_stage_with_windows_keeps_consecutive_meetings_break_free():
    # Partners free in s2 and s3: one window (s2-s3) holds both meetings.
    problem = _hub_problem(("s2", "s3"), 4)

    result = solve_stage(
        problem, "breaks", time_limit=10, max_breaks=0, minimize=False, opts=WINDOWS
    )

    assert (result.found, result.value) == (True, 0)


def test_breaks_stage_fairness_rejects_two_breaks_for_one_participant_above_spread():
    # The hub must break twice (s1, s3, s5); its partners, with one meeting, never break,
    # so a spread of 1 is impossible.
    problem = _hub_problem(("s1", "s3", "s5"), 5, fairness=1)

    result = solve_stage(problem, "breaks", time_limit=10)

    assert result.status == "INFEASIBLE"


def test_breaks_stage_fairness_allows_two_breaks_within_spread():
    problem = _hub_problem(("s1", "s3", "s5"), 5, fairness=2)

    result = solve_stage(problem, "breaks", time_limit=10)

    assert (result.status, result.value) == ("OPTIMAL", 2)
