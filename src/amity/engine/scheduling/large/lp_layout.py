"""The LP relaxation's choice of meetings laid into the greedy's layout (Kempe insertions)."""

from __future__ import annotations

import random

import numpy as np

from amity.engine.scheduling.compact.occupancy import UNPLACED, Occupancy
from amity.engine.scheduling.compact.problem import CompactProblem
from amity.engine.scheduling.large.bound import AggregatedLP, PriorityBound
from amity.engine.scheduling.large.greedy import priority_fill, priority_order
from amity.engine.scheduling.large.kempe import KempeSearch


def base_layout(
    cp: CompactProblem,
    greedy: Occupancy,
    found: PriorityBound,
    rng: random.Random,
    moves: int,
    deadline: float,
    stats: dict[str, float],
) -> Occupancy:
    """The greedy's layout, with its breaks reduced, is the base the LP's choices are laid
    into: insertions then disturb an already compact layout. The LP-guided one is kept if it
    is better."""
    occ = Occupancy(cp)
    occ.copy_from(greedy)
    KempeSearch(occ, rng).climb_all(moves // 10, deadline)
    if found.x is None or found.lp is None:
        return occ
    guided = lp_guided(cp, occ, found.lp, found.x, rng)
    stats["lp_guided_priority"] = float(guided.total_priority())
    if (guided.total_priority(), -guided.total_breaks()) > (
        occ.total_priority(),
        -occ.total_breaks(),
    ):
        return guided
    return occ


def lp_guided(
    cp: CompactProblem,
    greedy: Occupancy,
    lp: AggregatedLP,
    x: np.ndarray,
    rng: random.Random,
) -> Occupancy:
    """A schedule of the meetings the LP relaxation keeps, laid out block by block.

    On the generated fairs the relaxation is integral or nearly so; its meetings fit the
    blocks' per-participant capacities, so they can be laid out in slots (edge colouring):
    the greedy's placements of those meetings are kept, the others are inserted with
    Kempe-chain swaps in the LP's block, then anything else that still fits is added.
    """
    pairs = lp.pairs
    share = [0.0] * cp.n_meetings
    best_class: list[int | None] = [None] * cp.n_meetings
    best_value = [0.0] * cp.n_meetings
    for j, (m, c) in enumerate(pairs):
        v = float(x[j])
        share[m] += v
        if v > best_value[m]:
            best_value[m], best_class[m] = v, c
    keep = [share[m] > 0.5 for m in range(cp.n_meetings)]
    occ = Occupancy(cp)
    for m, s in enumerate(greedy.slot_of):
        if s != UNPLACED and keep[m]:
            occ.place(m, s, greedy.type_of[m])
    kempe = KempeSearch(occ, rng)
    for m in priority_order(cp):
        c = best_class[m]
        if not keep[m] or occ.slot_of[m] != UNPLACED or c is None:
            continue
        if not kempe.insert(m, cp.block_slots[lp.class_block[c]]):
            for block in cp.block_slots:
                if kempe.insert(m, block):
                    break
    priority_fill(cp, occ)
    return occ
