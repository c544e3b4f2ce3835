"""How much search one call to ``solve`` may do, in one typed object.

Two budgets, because they answer two questions:

* ``time_limit`` (wall-clock seconds) is the promise to the caller: the whole call ends within
  ``time_limit + GUARD`` seconds whatever the machine's load. It is a *guard*: when it cuts a
  search short, how far the search got depends on the machine, and the schedule says so
  (``stats["clock_cut"] == 1``).
* ``work`` (CP-SAT deterministic time, "dt": a count of the solver's basic operations, the
  same on every run) caps the searches whose outcome must not depend on the load. ``None``
  derives it from the time limit (``WORK_PER_SECOND`` dt per second, about what this 2-core
  machine does when quiet), so on a quiet machine the guard rarely fires.

Same problem, seed and budget give the same schedule as long as the guard did not fire; a
caller who needs that under any load gives a generous ``time_limit`` and the ``work`` it wants.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

# The call may end this much after its time limit (building the last model, writing tables).
GUARD = 0.5
# The searches aim this much before the limit (at most 5 % of it): stopping CP-SAT, building a
# last model and the table stage overran by up to 0.7 s on a loaded machine.
SAFETY = 0.3
# Deterministic time per second of time limit when ``work`` is not given (measured: the pure
# clause-learning search does about 1.5 dt per second on this machine when it is quiet).
WORK_PER_SECOND = 1.5


def seconds_since_process_start() -> float:
    """How long this process has been running (Linux; 0.0 where that cannot be read).

    ``amity schedule`` counts its start-up (importing OR-Tools, SciPy and NumPy: about 0.5 s
    on a quiet machine, several seconds on a loaded one) against its time limit, so that the
    *whole call* ends within the limit plus the guard.
    """
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        ticks = os.sysconf("SC_CLK_TCK")
        return max(0.0, uptime - int(fields[19]) / ticks)
    except (OSError, ValueError, IndexError):
        return 0.0


@dataclass(frozen=True)
class Budget:
    """The limits of one ``solve`` call (see the module docstring)."""

    time_limit: float = 30.0
    work: float | None = None

    def __post_init__(self) -> None:
        if self.time_limit <= 0:
            raise ValueError("time_limit must be positive")
        if self.work is not None and self.work <= 0:
            raise ValueError("work must be positive")

    @property
    def total_work(self) -> float:
        """The deterministic work of the whole call (given, or derived from the time limit)."""
        return self.work if self.work is not None else WORK_PER_SECOND * self.time_limit

    def scaled(self, share: float) -> Budget:
        """A budget for a part of the call: ``share`` of both the time and the work."""
        return Budget(self.time_limit * share, self.total_work * share)


@dataclass
class Clock:
    """The wall-clock guard of one call: the deadline, and whether it cut anything."""

    budget: Budget
    start: float = field(default_factory=time.monotonic)
    cut: bool = False

    @property
    def deadline(self) -> float:
        """When the searches should be done (the call itself may take ``GUARD`` longer)."""
        limit = self.budget.time_limit
        return self.start + limit - min(SAFETY, 0.05 * limit)

    def elapsed(self) -> float:
        return time.monotonic() - self.start

    def left(self, reserve: float = 0.0) -> float:
        """Seconds before the deadline, keeping ``reserve`` seconds for what comes after."""
        return max(0.0, self.deadline - reserve - time.monotonic())

    def note_cut(self) -> None:
        """Record that the guard stopped a search before its deterministic budget ran out."""
        self.cut = True
