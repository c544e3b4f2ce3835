"""Improve the break stage's incumbent cheaply: annealing over Kempe chains, then break LNS.

The exact path's first schedule can be far from the proven bound (forum-13crafb: 70-88
breaks where 6 is optimal and 3-5 is proven within a second), and everything after it — the
lanes' hints, the schedule a cut-short call returns — starts from it. Break LNS
(``break_lns.py``) improves it, but every step builds and presolves a CP-SAT model: measured
on forum-13crafb, 42 steps took 4.3 s of wall clock for 1.5 dt (81 -> 52 breaks), and 8 dt
only reached 34. Kempe-chain swaps (``large/kempe.py``) never change the set of scheduled
meetings (hence the priority) nor double-book anyone, and plain Python evaluates about
170,000 of them a second; annealed (``anneal.py``) they took the same schedule to 14-18
breaks in 300,000 moves (1.8 s). So:

    simulated annealing over Kempe-chain swaps with ANNEAL_SHARE of the work, stopping
        at the proven lower bound; the best schedule seen is kept;
    break LNS with the rest (its neighbourhoods re-time several participants at once,
        which one chain swap between two slots cannot).

The annealing's budget is counted in moves, converted to deterministic time at
``MOVES_PER_DT`` (what this machine does while CP-SAT does one dt), so the same schedule, seed
and work give the same result; the wall-clock deadline is only the guard (``Improved.cut``).
"""

from __future__ import annotations

from amity.engine.scheduling.compact.problem import compact
from amity.engine.scheduling.exact.anneal import anneal
from amity.engine.scheduling.exact.break_lns import Improved, improve_breaks, load_schedule
from amity.engine.scheduling.model import Problem

# Annealing moves charged as one dt: measured 100,000 Kempe moves in 0.58 s and CP-SAT 1 dt in about
# 0.6 s on this machine when quiet, so the charge follows the wall clock the moves cost.
MOVES_PER_DT = 100_000
# Share of the improvement's work for the annealing (the rest goes to break LNS): after a
# Kempe-chain search, break LNS found little (forum-13crafb, 1 dt: 28 -> 28), so most goes here.
ANNEAL_SHARE = 0.8


def improve_incumbent(
    problem: Problem,
    slots: dict[str, str],
    *,
    spread: int | None,
    lower: int,
    work: float,
    seed: int,
    deadline: float,
) -> Improved | None:
    """A schedule with at most as many breaks as ``slots`` (same meetings), or None.

    ``deadline`` is on ``time.monotonic()``; ``work`` in dt (moves / ``MOVES_PER_DT`` plus the
    break LNS's own count).
    """
    cp = compact(problem)
    occ = load_schedule(cp, slots)
    if occ is None:
        return None
    moves, cut = anneal(occ, spread, lower, int(ANNEAL_SHARE * work * MOVES_PER_DT), seed, deadline)
    kempe_work = moves / MOVES_PER_DT
    assignments = occ.assignments()
    found = Improved(
        slots={a.meeting: a.slot for a in assignments},
        interpreters={a.meeting: a.interpreter for a in assignments},
        breaks=occ.total_breaks(),
        steps=0,
        work=kempe_work,
        cut=cut,
    )
    if cut or found.breaks <= lower or work - kempe_work <= 0.0:
        return found
    after = improve_breaks(
        problem,
        found.slots,
        spread=spread,
        lower=lower,
        work=work - kempe_work,
        seed=seed,
        deadline=deadline,
    )
    if after is None:
        return found
    after.work += kempe_work
    return after
