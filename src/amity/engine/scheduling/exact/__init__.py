"""The exact method (every meeting required, as at the JAIR events): CP-SAT models
(``cpsat_model.py``) asked question by question (``stage.py``), two lanes side by side
(``lanes.py``), incumbent improvement (``incumbent.py``: annealing over Kempe chains in
``anneal.py``, break LNS in ``break_lns.py``) and table assignment (``tables.py``), driven
stage by stage (priority, breaks, table changes) by ``search.py``."""

from amity.engine.scheduling.exact.search import solve_exact

__all__ = ["solve_exact"]
