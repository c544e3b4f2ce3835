"""The meeting-scheduling problem and its solution, as plain typed values.

A problem lists time slots (in chronological order), tables, participants, the requested
one-to-one meetings and, optionally, interpreters and a fairness bound. A schedule assigns
some meetings to a (slot, table, interpreter) and explains why the others were left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Slot:
    id: str
    # Breaks are counted within a block (a morning, a day): free slots between two meetings
    # in different blocks are not a break.
    block: str = "all"
    session: str | None = None
    start: str | None = None
    minutes: int | None = None


@dataclass(frozen=True)
class Table:
    id: str


@dataclass(frozen=True)
class Participant:
    id: str
    languages: frozenset[str] = frozenset()
    # None means available in every slot.
    available: frozenset[str] | None = None
    max_meetings: int | None = None
    home_table: str | None = None


@dataclass(frozen=True)
class Meeting:
    id: str
    participants: tuple[str, ...]
    priority: int = 1
    required: bool = False
    session: str | None = None
    slot: str | None = None


@dataclass(frozen=True)
class Interpreter:
    id: str
    languages: frozenset[str]
    available: frozenset[str] | None = None


@dataclass(frozen=True)
class Fairness:
    max_break_spread: int


@dataclass(frozen=True)
class Problem:
    slots: tuple[Slot, ...]
    tables: tuple[Table, ...]
    participants: tuple[Participant, ...]
    meetings: tuple[Meeting, ...]
    interpreters: tuple[Interpreter, ...] = ()
    fairness: Fairness | None = None


class UnscheduledReason(StrEnum):
    NO_COMMON_FREE_SLOT = "no_common_free_slot"
    NO_INTERPRETER = "no_interpreter"
    CAPACITY = "capacity"
    MAX_MEETINGS = "max_meetings"
    LOST_TO_HIGHER_PRIORITY = "lost_to_higher_priority"


@dataclass(frozen=True)
class Assignment:
    meeting: str
    slot: str
    table: str
    interpreter: str | None = None


@dataclass(frozen=True)
class Unscheduled:
    meeting: str
    reason: UnscheduledReason


@dataclass(frozen=True)
class Objective:
    """The lexicographic objective: priority (max), breaks (min), spread, table changes (min)."""

    priority: int
    breaks: int
    break_spread: int
    table_changes: int


@dataclass
class Schedule:
    assignments: list[Assignment]
    unscheduled: list[Unscheduled]
    objective: Objective
    # An upper bound on the total priority (e.g. the LP relaxation), so users see the gap.
    priority_upper_bound: float
    # Stage name ("priority", "breaks", "table_changes") -> proven optimal.
    proven_optimal: dict[str, bool] = field(default_factory=dict)
    # Phase name -> seconds, plus counters such as solver branches.
    stats: dict[str, float] = field(default_factory=dict)


class InfeasibleProblem(Exception):
    """Raised when required meetings cannot all be scheduled; the message says why."""


class OutOfTime(Exception):
    """Raised when the time limit ran out before any schedule was found (not a proof)."""


class ProblemError(ValueError):
    """Raised for malformed input; the message names the field and the id."""


@dataclass(frozen=True)
class Progress:
    """What a long solve reports while it runs (the CLI prints it on stderr)."""

    phase: str
    elapsed: float
    best_priority: int | None = None
    best_breaks: int | None = None
    bound: float | None = None


ProgressCallback = Callable[[Progress], None]
