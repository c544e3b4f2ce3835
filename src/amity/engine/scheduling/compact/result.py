"""Turn a large-fair solver state into the public `Schedule` (objective, reasons, stats)."""

from __future__ import annotations

from amity.engine.scheduling.compact.occupancy import Occupancy
from amity.engine.scheduling.model import Problem, Schedule
from amity.engine.scheduling.objective import compute_objective, explain_unscheduled


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
        unscheduled=explain_unscheduled(problem, assignments),
        objective=compute_objective(problem, assignments),
        priority_upper_bound=bound,
        proven_optimal=proven_optimal
        or {"priority": False, "breaks": False, "table_changes": False},
        stats=stats,
    )
