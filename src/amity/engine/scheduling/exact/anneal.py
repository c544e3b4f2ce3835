"""Simulated annealing over Kempe-chain swaps: the incumbent's breaks, cheaply.

A move takes a random scheduled meeting and a random slot of its block and swaps the Kempe
chain between the two slots (``large/kempe.py``: nobody is double-booked, the set of
scheduled meetings, hence the priority, never changes; tables, home tables, interpreters and
candidate slots are re-checked). Its change in breaks is known before anything moves. A move
that lowers the breaks is made; one that raises them by d is made with probability
exp(-d / T), T falling geometrically from ``T_START`` to ``T_END`` over the move budget
(half the moves aim at a gap of a participant with a break, ``FOCUS``); a
move that would take anyone beyond the fairness bound is never made (one that repairs a
violation always is). The best schedule seen is what is returned.

Accepting worse moves is what the hill climb with kicks of the large-fair method lacks on
the exact path's instances: measured on forum-13crafb from its first 81-break schedule,
300,000 moves (1.8 s) reached 14-17 breaks over three seeds, where the iterated local search
reached 26 after 400,000.
"""

from __future__ import annotations

import math
import random
import time

from amity.engine.scheduling.compact.occupancy import UNPLACED, Occupancy
from amity.engine.scheduling.large.kempe import KempeSearch

# A move adding 2 breaks is made with probability 1/e at the start, almost never at the end
# (exp(-1 / 0.05) = 2e-9): the search ends as a descent from where the walk has taken it.
T_START = 2.0
T_END = 0.05
# Share of the moves aimed at a gap of one of the meeting's participants: on forum-13crafb,
# ticf-13crafb and ticf-13crafc (seeds 0 and 1, 300,000 moves) 0 gave 82 breaks in all, 0.5
# gave 65 and 0.8 gave 69.
FOCUS = 0.5
# Moves between two looks at the wall clock (a thousand moves take about 6 ms).
CHECK_EVERY = 1000


def anneal(
    occ: Occupancy, spread: int | None, lower: int, moves: int, seed: int, deadline: float
) -> tuple[int, bool]:
    """Anneal ``occ`` in place, leaving the best schedule seen in it; (moves used, whether
    the wall clock, on ``time.monotonic()``, cut the search before its moves were spent)."""
    cp = occ.cp
    search = KempeSearch(occ, random.Random(seed), spread=spread)
    rng = random.Random(seed + 1)
    placed = [m for m in range(cp.n_meetings) if occ.slot_of[m] != UNPLACED]
    current = best = occ.total_breaks()
    ledger = search.ledger
    feasible = ledger is None or ledger.excess == 0
    snapshot = _snapshot(occ)
    used = 0
    while used < moves and best > lower and placed:
        if used % CHECK_EVERY == 0 and time.monotonic() >= deadline:
            break
        temperature = T_START * (T_END / T_START) ** (used / moves)
        used += 1
        m = placed[rng.randrange(len(placed))]
        s = occ.slot_of[m]
        t = _target(occ, m, s, rng)
        chain = None if t == s else search.chain(m, s, t)
        if chain is None:
            continue
        delta, changes, _ = search.delta(chain, s, t)
        cost = delta
        if ledger is not None and changes:
            excess = ledger.excess_change({p: ledger.total[p] + c for p, c in changes.items()})
            if excess > 0:
                continue
            if excess < 0:
                cost = min(delta, 0)  # a repair of the fairness bound is always made
        if cost > 0 and rng.random() >= math.exp(-cost / temperature):
            continue
        if search.swap(chain, s, t) is None:
            continue
        current += delta
        if (ledger is None or ledger.excess == 0) and (current < best or not feasible):
            best, feasible, snapshot = current, True, _snapshot(occ)
    _restore(occ, snapshot)
    return used, used < moves and best > lower


def _target(occ: Occupancy, m: int, s: int, rng: random.Random) -> int:
    """The slot to swap m's chain with: half the time, when one of m's participants has a
    break in the block, a slot inside one of its gaps (the move that can close it); otherwise
    any slot of the block."""
    cp = occ.cp
    b = cp.slot_block[s]
    slots = cp.block_slots[b]
    if FOCUS and rng.random() < FOCUS:
        parts = cp.meeting_parts[m]
        mask = occ.masks[parts[rng.randrange(len(parts))]][b]
        first, last = (mask & -mask).bit_length() - 1, mask.bit_length() - 1
        gaps = [i for i in range(first + 1, last) if not mask >> i & 1]
        if gaps:
            return slots[gaps[rng.randrange(len(gaps))]]
    return slots[rng.randrange(len(slots))]


def _snapshot(occ: Occupancy) -> list[tuple[int, int]]:
    return list(zip(occ.slot_of, occ.type_of, strict=True))


def _restore(occ: Occupancy, snapshot: list[tuple[int, int]]) -> None:
    for m in range(occ.cp.n_meetings):
        occ.remove(m)
    for m, (s, k) in enumerate(snapshot):
        if s != UNPLACED:
            occ.place(m, s, k)
