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
from amity.engine.scheduling.solver import solve
from amity.engine.scheduling.validate import validate

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
