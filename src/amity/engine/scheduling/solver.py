"""The scheduler's front door: ``solve`` picks the exact or the large-fair method.

Same input, seed and ``Budget`` give the same schedule as long as the wall-clock guard did not
cut a search short (``stats["clock_cut"]`` says whether it did): the exact path runs CP-SAT
with one worker per question and a fixed seed, caps its questions in CP-SAT's deterministic
time, and where it asks two questions side by side (``lanes.py``) it settles the outcome by
rules that do not look at which thread was faster. See ``budget.py``.
"""

from __future__ import annotations

import math
import time
from dataclasses import replace

# The solvers are imported with this module, not on the first call: OR-Tools, SciPy and NumPy
# take 0.5 s on a quiet machine and seconds on a loaded one, and the CLI counts that time
# against its limit.
from amity.engine.scheduling.budget import Budget
from amity.engine.scheduling.exact.search import solve_exact
from amity.engine.scheduling.large.search import solve_large
from amity.engine.scheduling.model import OutOfTime, Problem, ProgressCallback, Schedule

# Above this many meetings (or this many meeting-slot pairs) the exact model gets too big
# to prove anything in the usual time limits, and the large-fair heuristics take over.
LARGE_MEETINGS = 600
LARGE_PAIRS = 60_000


def is_large(problem: Problem) -> bool:
    """Whether ``solve`` routes the problem to the large-fair method."""
    pairs = len(problem.meetings) * len(problem.slots)
    return len(problem.meetings) > LARGE_MEETINGS or pairs > LARGE_PAIRS


def solve(
    problem: Problem,
    *,
    time_limit: float = 30.0,
    seed: int = 0,
    progress: ProgressCallback | None = None,
    budget: Budget | None = None,
) -> Schedule:
    """Schedule the meetings of ``problem`` (see ``docs/algorithms/scheduling.md``).

    * Large problems: the large-fair method.
    * Every meeting required (the JAIR events: only the breaks are to optimise): the exact
      method.
    * Otherwise (a fair's optional requests with priorities): the large-fair method first —
      on a generated 120-participant fair it reaches the priority optimum and 1 break in 1 s,
      where the exact method alone had 150 breaks after 60 s — then, unless that is proven
      optimal, the exact method from its schedule with the time left; the better of the two
      is returned.

    ``budget`` (default: ``Budget(time_limit)``) caps the search in deterministic work with
    its time limit as the wall-clock guard (``budget.py``).

    Raises ``InfeasibleProblem`` when the required meetings cannot all be scheduled, and
    ``OutOfTime`` when the time limit ran out before any schedule was found.
    """
    budget = budget or Budget(time_limit)
    time_limit = budget.time_limit
    if is_large(problem):
        return solve_large(problem, time_limit=time_limit, seed=seed, progress=progress)
    if all(m.required for m in problem.meetings):
        return solve_exact(problem, budget=budget, seed=seed, progress=progress)
    start = time.monotonic()
    try:
        first = solve_large(problem, time_limit=0.5 * time_limit, seed=seed, progress=progress)
    except OutOfTime:
        # The heuristics could not place every required meeting, which proves nothing: the
        # exact method decides (a schedule, or a proof that there is none).
        left = time_limit - (time.monotonic() - start)
        return solve_exact(
            problem,
            budget=Budget(max(0.1, left), 0.5 * budget.total_work),
            seed=seed,
            progress=progress,
        )
    # Priorities are integers, so the LP bound rounded down is a bound too (3.000000004 is 3).
    first = replace(
        first, priority_upper_bound=float(math.floor(first.priority_upper_bound + 1e-6))
    )
    if first.proven_optimal.get("priority") and first.proven_optimal.get("breaks"):
        return first
    left = time_limit - (time.monotonic() - start)
    if left < 1.0:
        return first
    try:
        exact = solve_exact(
            problem,
            budget=Budget(left, 0.5 * budget.total_work),
            seed=seed,
            progress=progress,
            start_from=first,
        )
    except OutOfTime:
        # The exact method found nothing better in the time left: the schedule stands.
        return first
    return exact if _rank(exact) <= _rank(first) else first


def _rank(schedule: Schedule) -> tuple[int, float, int, int]:
    """The objective's order: priority, the fairness bound kept, breaks, table changes."""
    o = schedule.objective
    return (-o.priority, schedule.stats.get("fairness_relaxed", 0.0), o.breaks, o.table_changes)
