"""Repairs around one participant: the break-spread bound brought back by Kempe moves and
CP-SAT steps over a participant's neighbourhood (their meetings and their partners')."""

from __future__ import annotations

import random
import time

from amity.engine.scheduling.compact.occupancy import UNPLACED, Occupancy
from amity.engine.scheduling.large.kempe import KempeSearch
from amity.engine.scheduling.large.lns import reoptimize

# Meetings freed around one participant for a CP-SAT step.
NEIGHBOURHOOD_MEETINGS = 40
# CP-SAT steps for participants the Kempe repair leaves above the fairness cap, and the
# deterministic time of each (bigger than a priority step: it must find a feasible layout).
FAIRNESS_STEPS = 20
FAIRNESS_STEP_WORK = 0.5


def repair_fairness(
    occ: Occupancy, spread: int, rng: random.Random, moves: int, deadline: float
) -> bool:
    """Bring the break spread within the bound by Kempe moves (priority unchanged); whether
    it could not be done, in which case the schedule is returned with the spread it has.

    The break search already honours the bound, but the meetings added after it (and the
    greedy and LNS phases before it) may break it; a last search, judged by excess first,
    repairs that. The exact path proves the bound infeasible at maximum priority before
    relaxing it; here "not found within the budget" is all that can be said.
    """
    repair = KempeSearch(occ, rng, spread)
    assert repair.ledger is not None
    if repair.ledger.excess:
        repair.run(max(1000, moves // 10), deadline)
    # What chain swaps inside a block cannot fix (a participant whose interpreted meetings
    # are pinned to few slots, say), CP-SAT may: each violator's meetings and its partners'
    # over all slots, with its breaks capped and nobody else pushed above the cap.
    for _ in range(FAIRNESS_STEPS):
        ledger = repair.ledger
        if not ledger.excess or time.perf_counter() >= deadline:
            break
        target = ledger.violators()[0]
        free = meetings_around(occ, target)
        step = reoptimize(
            occ,
            free,
            [],
            None,
            seed=rng.randrange(1 << 30),
            work_limit=FAIRNESS_STEP_WORK,
            fair=(target, ledger.lo + spread),
        )
        if not step.improved:
            break
        repair = KempeSearch(occ, rng, spread)
        assert repair.ledger is not None
        # Win back, within the bound, the breaks the step cost the others.
        repair.climb_all(max(1000, moves // 100), deadline)
    return repair.ledger.excess > 0


def meetings_around(occ: Occupancy, p: int) -> list[int]:
    """Placed meetings of p and of its partners, up to the neighbourhood size."""
    cp = occ.cp
    mine = [m for m in cp.part_meetings[p] if occ.slot_of[m] != UNPLACED]
    free = list(mine)
    seen = set(mine)
    for m in mine:
        for q in cp.meeting_parts[m]:
            for o in cp.part_meetings[q]:
                if (
                    len(free) < NEIGHBOURHOOD_MEETINGS
                    and o not in seen
                    and occ.slot_of[o] != UNPLACED
                ):
                    free.append(o)
                    seen.add(o)
    return free
