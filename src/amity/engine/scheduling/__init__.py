"""Meeting scheduling for matching fairs: the public API (``docs/algorithms/scheduling.md``).

from amity.engine.scheduling import Budget, Problem, Schedule, solve, validate
"""

from amity.engine.scheduling.budget import Budget
from amity.engine.scheduling.model import (
    Assignment,
    Fairness,
    InfeasibleProblem,
    Interpreter,
    Meeting,
    Objective,
    OutOfTime,
    Participant,
    Problem,
    ProblemError,
    Progress,
    Schedule,
    Slot,
    Table,
    Unscheduled,
    UnscheduledReason,
)
from amity.engine.scheduling.validate import validate


def __getattr__(name: str):
    # ``solve`` pulls in OR-Tools, SciPy and HiGHS (most of a second): loaded on first use, so
    # the web app's processes and the problem types' users do not pay for it at start-up.
    if name == "solve":
        from amity.engine.scheduling.solver import solve

        return solve
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Assignment",
    "Budget",
    "Fairness",
    "InfeasibleProblem",
    "Interpreter",
    "Meeting",
    "Objective",
    "OutOfTime",
    "Participant",
    "Problem",
    "ProblemError",
    "Progress",
    "Schedule",
    "Slot",
    "Table",
    "Unscheduled",
    "UnscheduledReason",
    "solve",
    "validate",
]
