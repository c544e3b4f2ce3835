"""Turn a large-fair solver state into the public `Schedule` (objective, reasons, stats)."""

from __future__ import annotations

from amity.engine.scheduling.compact import CompactProblem
from amity.engine.scheduling.model import Problem, Schedule, Unscheduled, UnscheduledReason
from amity.engine.scheduling.objective import compute_objective
from amity.engine.scheduling.occupancy import UNPLACED, Occupancy


def explain_unplaced(occ: Occupancy) -> list[Unscheduled]:
    """Why each unplaced meeting was left out, with the rules of `objective.explain_unscheduled`.

    The shared function rebuilds its lookup tables for every meeting and slot, which takes
    hours on a 10,000-participant fair; this applies the same checks, in the same order, to
    the precomputed candidate slots (a test compares the two on generated fairs).
    """
    cp: CompactProblem = occ.cp
    people = cp.problem.participants
    result = []
    for m, s in enumerate(occ.slot_of):
        if s != UNPLACED:
            continue
        parts = cp.meeting_parts[m]
        slots = cp.interpreted_slots[m]
        if not cp.open_slots[m]:
            reason = UnscheduledReason.NO_COMMON_FREE_SLOT
        elif not slots:
            reason = UnscheduledReason.NO_INTERPRETER
        elif any(
            people[p].max_meetings is not None and occ.count[p] >= people[p].max_meetings
            for p in parts
        ):
            reason = UnscheduledReason.MAX_MEETINGS
        elif all(any(occ.busy[p] >> t & 1 for p in parts) for t in slots):
            reason = UnscheduledReason.LOST_TO_HIGHER_PRIORITY
        else:
            reason = UnscheduledReason.CAPACITY
        result.append(Unscheduled(meeting=cp.problem.meetings[m].id, reason=reason))
    return result


def build_schedule(
    problem: Problem,
    occ: Occupancy,
    stats: dict[str, float],
    *,
    bound: float | None = None,
    proven_optimal: dict[str, bool] | None = None,
) -> Schedule:
    """A `Schedule` for the placements in `occ`, with the objective and why meetings were left out.

    Without a `bound` (the greedy baselines compute none) the reported upper bound is the
    trivial one: the total priority of the meetings that have a candidate slot.
    """
    cp = occ.cp
    if bound is None:
        bound = float(sum(cp.priority[m] for m in range(cp.n_meetings) if cp.candidates[m]))
    assignments = occ.assignments()
    return Schedule(
        assignments=assignments,
        unscheduled=explain_unplaced(occ),
        objective=compute_objective(problem, assignments),
        priority_upper_bound=bound,
        proven_optimal=proven_optimal
        or {"priority": False, "breaks": False, "table_changes": False},
        stats=stats,
    )
