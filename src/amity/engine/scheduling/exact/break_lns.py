"""Improve a schedule's breaks by large-neighbourhood search, with a deterministic budget.

The exact path's first schedule can be far from the optimum (forum-13crafb: 73 breaks where 6
is optimal), and a search from below that is cut short used to return it as it was. This
repeats one step until its work budget is spent or the proven lower bound is reached:

    pick a participant with breaks (the most breaks first, ties in a seeded order);
    free its meetings and those of a few of its partners, keep every other meeting fixed;
    re-optimise the freed meetings exactly with CP-SAT (``large_lns.reoptimize``), keeping
    each touched participant's breaks within the band that the untouched participants and
    the fairness bound allow, so the bound still holds; keep the step if breaks went down.

The work charged is CP-SAT's deterministic time plus the cost of building and presolving the
step's model, counted from its size (``BUILD_DT_PER_OPTION``): CP-SAT's dt leaves that out,
and it is most of a step's wall time (forum-13crafb: 0.107 s a step against 0.036 dt). So the
same schedule, seed and budget always give the same result, and the charge follows the wall
clock the steps cost. The wall-clock deadline is only the guard: no step is started when the
slowest step so far would not end before it (``Improved.cut``).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from amity.engine.scheduling.compact.occupancy import Occupancy
from amity.engine.scheduling.compact.problem import CompactProblem, block_breaks, compact
from amity.engine.scheduling.large.lns import reoptimize
from amity.engine.scheduling.model import Problem

# Partners whose meetings are freed with the target's, and the work of one step (dt): small
# neighbourhoods solved to optimality beat large ones cut short (forum-13crafb, seed 1:
# 73 -> 55 breaks in 0.4 dt with 2 partners, 0.03 dt a step).
PARTNERS = 2
STEP_WORK = 0.03
WINDOW = 4
# The dt charged per (meeting, candidate slot) of a step's model for building and presolving
# it: measured on forum-13crafb (about 780 options a step) 0.107 s a step of which 0.036 dt
# searching; at about 0.6 s per dt that is 0.18 dt a step, 0.14 of them outside the search.
BUILD_DT_PER_OPTION = 1.8e-4


@dataclass
class Improved:
    slots: dict[str, str]
    interpreters: dict[str, str | None]
    breaks: int
    steps: int
    work: float
    # The wall clock, not the work, ended the search (the result depends on the machine).
    cut: bool = False


def load_schedule(cp: CompactProblem, slots: dict[str, str]) -> Occupancy | None:
    """The schedule as an occupancy, or None if an interpreter type cannot be matched."""
    occ = Occupancy(cp)
    index = {s.id: i for i, s in enumerate(cp.problem.slots)}
    for m, meeting in enumerate(cp.problem.meetings):
        sid = slots.get(meeting.id)
        if sid is None:
            continue
        k = occ.fits(m, index[sid])
        if k is None:
            return None
        occ.place(m, index[sid], k)
    return occ


def _person_breaks(occ: Occupancy, p: int) -> int:
    return sum(block_breaks(mask) for mask in occ.masks[p])


def _neighbourhood(cp: CompactProblem, target: int, rng: random.Random) -> list[int]:
    partners = sorted({q for m in cp.part_meetings[target] for q in cp.meeting_parts[m]} - {target})
    rng.shuffle(partners)
    people = [target, *partners[:PARTNERS]]
    return sorted({m for q in people for m in cp.part_meetings[q]})


def _window(occ: Occupancy, target: int, rng: random.Random, width: int) -> list[int]:
    """The meetings of ``width`` consecutive slots around one of the target's breaks, and the
    target's own: re-timetabling a stretch of the day closes gaps that need several
    participants to move at once, which the participant neighbourhood cannot do."""
    cp = occ.cp
    gaps = []
    for b, mask in enumerate(occ.masks[target]):
        if block_breaks(mask):
            first, last = (mask & -mask).bit_length() - 1, mask.bit_length() - 1
            gaps += [(b, i) for i in range(first, last) if not mask >> i & 1]
    if not gaps:
        return []
    b, i = gaps[rng.randrange(len(gaps))]
    slots = cp.block_slots[b]
    lo = max(0, min(i - width // 2, len(slots) - width))
    window = set(slots[lo : lo + width])
    chosen = {m for m in range(cp.n_meetings) if occ.slot_of[m] in window}
    return sorted(chosen | set(cp.part_meetings[target]))


def _band(occ: Occupancy, free: list[int], spread: int | None) -> tuple[int, int] | None:
    """Breaks each touched participant may have so that the spread stays within the bound."""
    if spread is None:
        return None
    cp = occ.cp
    touched = {q for m in free for q in cp.meeting_parts[m]}
    rest = [_person_breaks(occ, q) for q in range(cp.n_participants) if q not in touched]
    if not rest:
        return (0, spread)
    return (max(0, max(rest) - spread), min(rest) + spread)


def improve_breaks(
    problem: Problem,
    slots: dict[str, str],
    *,
    spread: int | None,
    lower: int,
    work: float,
    seed: int,
    deadline: float,
) -> Improved | None:
    """A schedule with at most as many breaks as ``slots`` (same meetings), or None."""
    cp = compact(problem)
    occ = load_schedule(cp, slots)
    if occ is None:
        return None
    rng = random.Random(seed)
    used, steps, failures, slowest, cut = 0.0, 0, 0, 0.0, False
    while used < work and occ.total_breaks() > lower:
        if time.monotonic() + slowest >= deadline:
            cut = True
            break
        breakers = [q for q in range(cp.n_participants) if _person_breaks(occ, q) > 0]
        if not breakers or failures > 3 * len(breakers):
            break
        rng.shuffle(breakers)
        breakers.sort(key=lambda q: -_person_breaks(occ, q))
        target = breakers[failures % len(breakers)]
        if WINDOW and steps % 2:
            free = _window(occ, target, rng, WINDOW)
        else:
            free = _neighbourhood(cp, target, rng)
        build = BUILD_DT_PER_OPTION * sum(len(cp.candidates[m]) for m in free)
        if used + build + STEP_WORK > work:
            # A step that may not fit in the work left is not started: the ledger holds.
            break
        started = time.monotonic()
        step = reoptimize(
            occ,
            free,
            [],
            None,
            seed=rng.randrange(1 << 30),
            work_limit=STEP_WORK,
            band=_band(occ, free, spread),
        )
        slowest = max(slowest, time.monotonic() - started)
        used += step.work + build
        steps += 1
        failures = 0 if step.improved and step.breaks_gain > 0 else failures + 1
    assignments = occ.assignments()
    return Improved(
        slots={a.meeting: a.slot for a in assignments},
        interpreters={a.meeting: a.interpreter for a in assignments},
        breaks=occ.total_breaks(),
        steps=steps,
        work=used,
        cut=cut,
    )
