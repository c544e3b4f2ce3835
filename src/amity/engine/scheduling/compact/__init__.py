"""The shared representation of the heuristics: a problem as dense integer arrays
(``problem.py``), a mutable partial schedule with O(1) feasibility checks (``occupancy.py``),
and its conversion back to a ``Schedule`` (``result.py``)."""

from amity.engine.scheduling.compact.occupancy import Occupancy
from amity.engine.scheduling.compact.problem import CompactProblem, compact
from amity.engine.scheduling.compact.result import build_schedule

__all__ = ["CompactProblem", "Occupancy", "build_schedule", "compact"]
