"""The large-fair method (optional requests with priorities, thousands of meetings): priority
greedy (``greedy.py``), LP bound (``bound.py``), CP-SAT neighbourhood repair (``lns.py``),
Kempe-chain local search for breaks (``kempe.py``, ``fairness.py``), run in phases by
``search.py``."""

from amity.engine.scheduling.large.search import solve_large

__all__ = ["solve_large"]
