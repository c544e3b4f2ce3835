"""Greedy schedulers: the baselines the large-fair solver is measured against, and its start.

* First come, first served (what fair platforms do): meetings in request order, each in the
  first slot, table and interpreter that are still free.
* Priority greedy: required and fixed meetings first, then by decreasing priority (the most
  constrained meeting first on ties), each in the slot that adds the fewest breaks.
"""

from __future__ import annotations

import time

from amity.engine.scheduling.compact.occupancy import UNPLACED, Occupancy
from amity.engine.scheduling.compact.problem import CompactProblem, compact
from amity.engine.scheduling.compact.result import build_schedule
from amity.engine.scheduling.model import Problem, Schedule


def fcfs_fill(cp: CompactProblem, occ: Occupancy) -> None:
    """Place every unplaced meeting, in request order, in its first free candidate slot.

    Fixed and required meetings go first, as any platform books those before opening requests.
    """
    first = sorted(
        range(cp.n_meetings), key=lambda m: (cp.fixed_slot[m] is None, not cp.required[m], m)
    )
    for m in first:
        if occ.slot_of[m] != UNPLACED:
            continue
        for s in cp.candidates[m]:
            k = occ.fits(m, s)
            if k is not None:
                occ.place(m, s, k)
                break


def priority_order(cp: CompactProblem) -> list[int]:
    """Fixed, then required, then high priority; fewer candidate slots first on ties."""
    return sorted(
        range(cp.n_meetings),
        key=lambda m: (
            cp.fixed_slot[m] is None,
            not cp.required[m],
            -cp.priority[m],
            len(cp.candidates[m]),
            m,
        ),
    )


def best_slot(cp: CompactProblem, occ: Occupancy, m: int) -> tuple[int, int] | None:
    """The free candidate slot (and interpreter type) adding the fewest breaks, or None."""
    best: tuple[tuple[int, int], int, int] | None = None
    for s in cp.candidates[m]:
        k = occ.fits(m, s)
        if k is None:
            continue
        score = occ.added_breaks(m, s)
        if best is None or score < best[0]:
            best = (score, s, k)
    return None if best is None else (best[1], best[2])


def priority_fill(cp: CompactProblem, occ: Occupancy, order: list[int] | None = None) -> None:
    """Place unplaced meetings in `order` (default: `priority_order`) in their best slot."""
    for m in priority_order(cp) if order is None else order:
        if occ.slot_of[m] != UNPLACED:
            continue
        choice = best_slot(cp, occ, m)
        if choice is not None:
            occ.place(m, *choice)


def earliest_fill(cp: CompactProblem, occ: Occupancy, order: list[int] | None = None) -> None:
    """Place unplaced meetings in `order` (default: `priority_order`) in their first free slot.

    The plain priority greedy: it ignores breaks, so it packs the early slots densely and
    leaves later slots to the meetings that need them.
    """
    for m in priority_order(cp) if order is None else order:
        if occ.slot_of[m] != UNPLACED:
            continue
        for s in cp.candidates[m]:
            k = occ.fits(m, s)
            if k is not None:
                occ.place(m, s, k)
                break


def demand_order(cp: CompactProblem) -> list[int]:
    """Like `priority_order`, but on ties the meetings of the least-demanded participants
    first: a star's many requests then queue behind those that have few alternatives."""
    demand = [len(ms) for ms in cp.part_meetings]
    return sorted(
        range(cp.n_meetings),
        key=lambda m: (
            cp.fixed_slot[m] is None,
            not cp.required[m],
            -cp.priority[m],
            max(demand[p] for p in cp.meeting_parts[m]),
            len(cp.candidates[m]),
            m,
        ),
    )


def request_order(cp: CompactProblem) -> list[int]:
    """Fixed, then required, then high priority; ties in request order: the plain priority
    greedy most fair platforms run, kept in the portfolio so the result never loses to it."""
    return sorted(
        range(cp.n_meetings),
        key=lambda m: (cp.fixed_slot[m] is None, not cp.required[m], -cp.priority[m], m),
    )


def greedy_portfolio(cp: CompactProblem) -> tuple[Occupancy, str]:
    """The best of a few greedy schedules (priority, then breaks) and the name of its order.

    Each is a valid schedule in well under a second at 3,000 participants; taking the best
    means the large-fair method starts from, and never returns less than, any of them.
    """
    best: Occupancy | None = None
    name = ""
    for label, fill, order in (
        ("priority_breaks", priority_fill, None),
        ("priority_earliest", earliest_fill, None),
        ("demand_breaks", priority_fill, demand_order(cp)),
        ("request_earliest", earliest_fill, request_order(cp)),
    ):
        occ = Occupancy(cp)
        fill(cp, occ, order)
        if best is None or _better(occ, best):
            best, name = occ, label
    assert best is not None
    return best, name


def _better(a: Occupancy, b: Occupancy) -> bool:
    return (a.total_priority(), -a.total_breaks()) > (b.total_priority(), -b.total_breaks())


def schedule_fcfs(problem: Problem) -> Schedule:
    """First-come-first-served schedule of `problem` (the platforms' baseline)."""
    start = time.perf_counter()
    cp = compact(problem)
    occ = Occupancy(cp)
    fcfs_fill(cp, occ)
    return build_schedule(problem, occ, {"greedy_fcfs": time.perf_counter() - start})


def schedule_priority_greedy(problem: Problem) -> Schedule:
    """Priority-ordered, break-aware greedy schedule of `problem`."""
    start = time.perf_counter()
    cp = compact(problem)
    occ = Occupancy(cp)
    priority_fill(cp, occ)
    return build_schedule(problem, occ, {"greedy_priority": time.perf_counter() - start})
