"""The scheduler's front door: ``solve`` picks the exact or the large-fair method.

Same input and seed give the same schedule: the exact path runs CP-SAT with one worker per
question and a fixed seed, caps its questions in CP-SAT's deterministic time rather than the
wall clock, and where it asks two questions side by side (``lanes.py``) it settles the outcome
by rules that do not look at which thread was faster. The one caveat is the overall time limit:
if it cuts the search short, how far it got depends on the machine's speed.
"""

from __future__ import annotations

from amity.engine.scheduling.model import Problem, ProgressCallback, Schedule

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
) -> Schedule:
    """Schedule the meetings of ``problem`` (see ``docs/algorithms/scheduling.md``).

    Raises ``InfeasibleProblem`` when the required meetings cannot all be scheduled.
    """
    if is_large(problem):
        try:
            from amity.engine.scheduling.large import solve_large
        except ImportError:
            pass  # the large-fair method is optional; the exact one still answers
        else:
            return solve_large(problem, time_limit=time_limit, seed=seed, progress=progress)
    from amity.engine.scheduling.lexicographic import solve_exact

    return solve_exact(problem, time_limit=time_limit, seed=seed, progress=progress)
