"""Property tests: every schedule passes the independent validator and, on problems small
enough to enumerate, equals the brute-force lexicographic optimum."""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amity.engine.scheduling.model import (
    Fairness,
    InfeasibleProblem,
    Meeting,
    Participant,
    Problem,
    Slot,
    Table,
)
from amity.engine.scheduling.solver import solve
from amity.engine.scheduling.validate import validate


@st.composite
def tiny_problems(draw: st.DrawFn) -> Problem:
    n_slots = draw(st.integers(1, 4))
    split = draw(st.integers(0, n_slots))  # slots before `split` are block "am"
    slots = tuple(Slot(id=f"s{k}", block="am" if k < split else "pm") for k in range(n_slots))
    slot_ids = [s.id for s in slots]
    n_tables = draw(st.integers(1, 2))
    names = [f"p{k}" for k in range(draw(st.integers(2, 4)))]
    home_ok = draw(st.booleans())
    people = tuple(
        Participant(
            id=name,
            available=draw(st.one_of(st.none(), st.frozensets(st.sampled_from(slot_ids)))),
            max_meetings=draw(st.one_of(st.none(), st.integers(0, 3))),
            home_table="T0" if home_ok and k == 0 and draw(st.booleans()) else None,
        )
        for k, name in enumerate(names)
    )
    pairs = draw(
        st.lists(st.sampled_from(list(itertools.combinations(names, 2))), min_size=1, max_size=5)
    )
    meetings = tuple(
        Meeting(
            id=f"m{k}",
            participants=pair,
            priority=draw(st.integers(0, 3)),
            required=draw(st.booleans()),
        )
        for k, pair in enumerate(pairs)
    )
    fairness = draw(st.one_of(st.none(), st.integers(0, 1)))
    return Problem(
        slots=slots,
        tables=tuple(Table(id=f"T{k}") for k in range(n_tables)),
        participants=people,
        meetings=meetings,
        fairness=None if fairness is None else Fairness(fairness),
    )


def _breaks(problem: Problem, chosen: dict[str, int]) -> dict[str, int]:
    """Breaks per participant, from the definition: gaps inside one block."""
    members = {m.id: m.participants for m in problem.meetings}
    result = {}
    for p in problem.participants:
        busy = sorted(k for mid, k in chosen.items() if p.id in members[mid])
        result[p.id] = sum(
            1
            for a, b in itertools.pairwise(busy)
            if problem.slots[a].block == problem.slots[b].block and b > a + 1
        )
    return result


def brute_force(problem: Problem) -> tuple[int, int] | None:
    """The best (priority, breaks) over every possible slot assignment, or None if the
    required meetings cannot all be scheduled. Fairness applies when some schedule of
    maximum priority satisfies it (otherwise the solver relaxes it, and so do we)."""
    people = {p.id: p for p in problem.participants}
    options = []
    for m in problem.meetings:
        ok = [
            k
            for k, s in enumerate(problem.slots)
            if all(
                people[pid].available is None or s.id in people[pid].available
                for pid in m.participants
            )
        ]
        options.append(([] if m.required else [None]) + ok)
    found = []
    for combo in itertools.product(*options):
        chosen = {m.id: k for m, k in zip(problem.meetings, combo, strict=True) if k is not None}
        if not _feasible(problem, chosen):
            continue
        breaks = _breaks(problem, chosen)
        spread = max(breaks.values()) - min(breaks.values())
        priority = sum(m.priority for m in problem.meetings if m.id in chosen)
        found.append((priority, sum(breaks.values()), spread))
    if not found:
        return None
    best_priority = max(f[0] for f in found)
    top = [f for f in found if f[0] == best_priority]
    if problem.fairness is not None:
        fair = [f for f in top if f[2] <= problem.fairness.max_break_spread]
        top = fair or top
    return best_priority, min(f[1] for f in top)


def _feasible(problem: Problem, chosen: dict[str, int]) -> bool:
    people = {p.id: p for p in problem.participants}
    members = {m.id: m.participants for m in problem.meetings}
    used = set()
    count: dict[str, int] = {}
    for mid, k in chosen.items():
        for pid in members[mid]:
            if (pid, k) in used:
                return False
            used.add((pid, k))
            count[pid] = count.get(pid, 0) + 1
    if any(
        p.max_meetings is not None and count.get(p.id, 0) > p.max_meetings
        for p in problem.participants
    ):
        return False
    for k in range(len(problem.slots)):
        here = [mid for mid, kk in chosen.items() if kk == k]
        if len(here) > len(problem.tables):
            return False
        at_home = [mid for mid in here if any(people[pid].home_table for pid in members[mid])]
        if len(at_home) > 1:
            return False
    return True


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_problems())
def test_solve_tiny_problem_equals_brute_force_and_validates(problem):
    expected = brute_force(problem)

    if expected is None:
        with pytest.raises(InfeasibleProblem):
            solve(problem, time_limit=10)
        return
    schedule = solve(problem, time_limit=10)
    report = validate(problem, schedule)

    assert (schedule.objective.priority, schedule.objective.breaks) == expected
    assert report.objective == schedule.objective
    assert [v.rule for v in report.violations if v.rule != "fairness"] == []
    assert (schedule.proven_optimal["priority"], schedule.proven_optimal["breaks"]) == (True, True)
