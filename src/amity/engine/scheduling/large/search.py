"""The large-fair solver: greedy, LP bound, LP-guided layout, CP-SAT repair, Kempe search.

Phases (each reported through the progress callback and timed in `Schedule.stats`):

1. ``greedy`` — the priority greedy (`greedy.py`): a complete, valid schedule in seconds.
2. ``bound`` — the aggregated LP relaxation (`bound.py`): a valid upper bound on the priority
   and, as it is integral or nearly so on realistic fairs, a choice of meetings and blocks.
3. ``lp_guided`` — the greedy layout is first compacted (Kempe hill climb), then the meetings
   the LP drops are removed and those it adds are inserted in the LP's block, with Kempe-chain
   swaps where no slot is free for both sides (`large_kempe.py`). Kept if it beats the greedy.
4. ``priority`` — while priority is below the bound, a few unplaced meetings get their
   neighbourhood (the meetings of their participants and partners, all slots) re-optimised
   exactly by CP-SAT (`large_lns.py`): moves and swaps that make room.
5. ``breaks`` — iterated local search with Kempe-chain swaps inside blocks (priority never
   changes), then anything that still fits is added. With ``fairness`` the moves are judged
   by the excess over the break-spread bound first (`large_fairness.py`), and a repair
   (Kempe, then CP-SAT steps around participants above the cap) follows the last fill;
   ``stats["fairness_relaxed"]`` says whether the bound had to be given up.

Determinism: every phase has a deterministic budget (counted moves, counted CP-SAT steps with
deterministic-time limits, single-threaded CP-SAT) proportional to `time_limit`, and random
choices come from `seed`; the same problem, seed and time limit give the same schedule. A
wall-clock deadline (92 % of the time limit) cuts the search short only on a machine much
slower than the one the budgets were calibrated on, and then the result depends on timing.
"""

from __future__ import annotations

import itertools
import math
import random
import time

from amity.engine.scheduling.compact.occupancy import UNPLACED, Occupancy
from amity.engine.scheduling.compact.problem import CompactProblem, compact
from amity.engine.scheduling.compact.result import build_schedule
from amity.engine.scheduling.large.bound import priority_bound
from amity.engine.scheduling.large.fairness import BreakLedger
from amity.engine.scheduling.large.greedy import greedy_portfolio, priority_fill
from amity.engine.scheduling.large.kempe import KempeSearch
from amity.engine.scheduling.large.lns import reoptimize
from amity.engine.scheduling.large.lp_layout import base_layout
from amity.engine.scheduling.large.repair import (
    NEIGHBOURHOOD_MEETINGS,
    meetings_around,
    repair_fairness,
)
from amity.engine.scheduling.model import (
    InfeasibleProblem,
    OutOfTime,
    Problem,
    Progress,
    ProgressCallback,
    Schedule,
)
from amity.engine.scheduling.objective import explain_unscheduled

# What stats["bound_kind"] codes: the relaxation that gave the reported priority bound.
BOUND_KINDS = ("none", "coarse", "fine", "counting")
GREEDY_ORDERS = ("priority_breaks", "priority_earliest", "demand_breaks", "request_earliest")
# CP-SAT re-optimisations of the neighbourhood of an unplaced meeting, per second of time
# limit: each takes about 0.3-0.6 s here (model building included), and on the generated
# fairs the LP-guided layout leaves little for them to find.
PRIORITY_STEPS_PER_SECOND = 0.2
STEP_WORK = 0.05
# Deterministic time of a step that makes room for a required meeting the greedy left out.
REQUIRED_STEP_WORK = 0.5
# Kempe-chain moves evaluated per second of time limit.
MOVES_PER_SECOND = 40000
# ... but no more than this many per meeting: small fairs converge long before, and finishing
# early keeps them clear of the wall-clock safety net (hence deterministic).
MOVES_PER_MEETING = 600


def solve_large(
    problem: Problem,
    *,
    time_limit: float,
    seed: int = 0,
    progress: ProgressCallback | None = None,
) -> Schedule:
    """A schedule for a large fair: priority close to the LP bound, few breaks, valid always."""
    start = time.perf_counter()
    deadline = start + 0.92 * time_limit
    stats: dict[str, float] = {}
    report = _Reporter(start, stats, progress)

    cp = compact(problem)
    t = time.perf_counter()
    greedy, order = greedy_portfolio(cp)
    # Building the result after the deadline (assignments, reasons) costs about what three
    # greedy passes cost: keep that much, however slow the machine is today.
    deadline = min(deadline, start + time_limit - (time.perf_counter() - t))
    stats["greedy_order"] = float(GREEDY_ORDERS.index(order))
    stats["greedy_priority"] = float(greedy.total_priority())
    stats["greedy_breaks"] = float(greedy.total_breaks())
    report("greedy", greedy)

    found = priority_bound(cp, max(1.0, 0.25 * (deadline - time.perf_counter())))
    bound = found.value
    stats["bound_kind"] = float(BOUND_KINDS.index(found.kind))
    report("bound", greedy, bound)

    rng = random.Random(seed)
    moves = round(min(MOVES_PER_SECOND * time_limit, MOVES_PER_MEETING * cp.n_meetings))
    # The greedy's layout, with its breaks reduced, is the base the LP's choices are laid
    # into: insertions then disturb an already compact layout.
    occ = base_layout(cp, greedy, found, rng, moves, deadline, stats)
    report("lp_guided", occ, bound)

    search = _Search(cp, occ, rng, deadline, stats)
    if occ.total_priority() < math.floor(bound + 1e-6):
        search.improve_priority(max(3, round(PRIORITY_STEPS_PER_SECOND * time_limit)))
    stats["lns_steps"] = float(search.steps)
    # Before the break search, which cannot add meetings its moves do not make room for.
    _place_required(occ, rng, deadline)
    report("priority", occ, bound)

    spread = None if problem.fairness is None else problem.fairness.max_break_spread
    kempe = KempeSearch(occ, rng, spread)
    stats["kempe_gain"] = float(kempe.run(moves, deadline))
    stats["kempe_moves"] = float(kempe.moves_tried)
    priority_fill(cp, occ)
    if spread is not None:
        stats["fairness_relaxed"] = float(repair_fairness(occ, spread, rng, moves, deadline))
    report("breaks", occ, bound)

    if _better(greedy, occ, spread):
        # Never worse than the greedy, by construction: its schedule is a candidate too.
        occ = greedy
        stats["greedy_kept"] = 1.0
    _check_required(problem, cp, occ)
    # The budgets are counted moves and steps; the wall clock cut in if time ran this close.
    stats["clock_cut"] = float(time.perf_counter() >= deadline)
    schedule = _result(problem, cp, occ, stats, bound)
    stats["time_total"] = round(time.perf_counter() - start, 3)
    return schedule


class _Reporter:
    """Times each phase into ``stats`` and reports it through the progress callback."""

    def __init__(
        self, start: float, stats: dict[str, float], progress: ProgressCallback | None
    ) -> None:
        self.start, self.clock, self.stats, self.progress = start, start, stats, progress

    def __call__(self, phase: str, occ: Occupancy, bound: float | None = None) -> None:
        now = time.perf_counter()
        self.stats[f"time_{phase}"] = round(now - self.clock, 3)
        self.clock = now
        if self.progress is not None:
            self.progress(
                Progress(
                    phase=phase,
                    elapsed=now - self.start,
                    best_priority=occ.total_priority(),
                    best_breaks=occ.total_breaks(),
                    bound=bound,
                )
            )


def _missing_required(cp: CompactProblem, occ: Occupancy) -> list[int]:
    return [m for m in range(cp.n_meetings) if cp.required[m] and occ.slot_of[m] == UNPLACED]


def _place_required(occ: Occupancy, rng: random.Random, deadline: float) -> None:
    """Make room for required meetings a greedy left out: CP-SAT over the meetings of their
    participants and partners, the required meeting forced in (``reoptimize``)."""
    cp = occ.cp
    for _ in range(3):
        missing = _missing_required(cp, occ)
        if not missing or time.perf_counter() >= deadline:
            return
        for m in missing:
            if time.perf_counter() >= deadline:
                return
            free = sorted({o for p in cp.meeting_parts[m] for o in meetings_around(occ, p)})
            reoptimize(
                occ, free, [m], None, seed=rng.randrange(1 << 30), work_limit=REQUIRED_STEP_WORK
            )


def _pinned_clash(cp: CompactProblem, m: int) -> bool:
    """Every candidate slot of m is taken by a pinned meeting of one of its participants."""
    for s in cp.candidates[m]:
        if not any(
            o != m and cp.required[o] and cp.candidates[o] == [s]
            for p in cp.meeting_parts[m]
            for o in cp.part_meetings[p]
        ):
            return False
    return True


def _check_required(problem: Problem, cp: CompactProblem, occ: Occupancy) -> None:
    """Raise when a required meeting is left out: ``InfeasibleProblem`` when that is proven
    (no candidate slot, or every one taken by pinned meetings), else ``OutOfTime`` — the
    search did not find room, which proves nothing."""
    missing = _missing_required(cp, occ)
    if not missing:
        return
    reasons = {u.meeting: u.reason.value for u in explain_unscheduled(problem, occ.assignments())}
    first = problem.meetings[missing[0]].id
    more = f" and {len(missing) - 1} more required meetings" if len(missing) > 1 else ""
    if any(_pinned_clash(cp, m) for m in missing):
        reason = reasons[first]
        raise InfeasibleProblem(f"required meeting {first} cannot be scheduled ({reason}){more}")
    raise OutOfTime(f"required meeting {first} could not be placed in time{more}")


def _result(
    problem: Problem, cp: CompactProblem, occ: Occupancy, stats: dict[str, float], bound: float
) -> Schedule:
    """The public schedule, with what is proven and the lower bound on breaks."""
    proven = occ.total_priority() >= bound - 1e-6
    lower = forced_breaks(cp)
    stats["breaks_lower_bound"] = float(lower)
    return build_schedule(
        problem,
        occ,
        stats,
        bound=bound,
        proven_optimal={
            "priority": proven,
            # The lower bound counts only the breaks fixed meetings force.
            "breaks": proven and occ.total_breaks() <= lower,
            "table_changes": False,
        },
    )


def forced_breaks(cp: CompactProblem) -> int:
    """A lower bound on the breaks: gaps between two meetings of a participant that are pinned
    to one slot each (fixed, or required with one candidate) where no slot in between could
    hold any of the participant's meetings — every schedule has a break there."""
    total = 0
    for p in range(cp.n_participants):
        pinned: set[int] = set()
        usable: set[int] = set()
        for m in cp.part_meetings[p]:
            usable.update(cp.candidates[m])
            if cp.required[m] and len(cp.candidates[m]) == 1:
                pinned.add(cp.candidates[m][0])
        for slots in cp.block_slots:
            mine = [k for k, s in enumerate(slots) if s in pinned]
            for i, j in itertools.pairwise(mine):
                if j > i + 1 and not any(slots[k] in usable for k in range(i + 1, j)):
                    total += 1
    return total


def _better(a: Occupancy, b: Occupancy, spread: int | None) -> bool:
    """a before b in the objective's order (the fairness bound kept first, when there is one)."""

    def key(o: Occupancy) -> tuple[int, int, int, int]:
        placed = -len(_missing_required(o.cp, o))
        kept = 0 if spread is None else -int(BreakLedger(o, spread).excess > 0)
        return (placed, kept, o.total_priority(), -o.total_breaks())

    return key(a) > key(b)


class _Search:
    """The neighbourhood choices of the large-neighbourhood search, and its work counter."""

    def __init__(
        self,
        cp: CompactProblem,
        occ: Occupancy,
        rng: random.Random,
        deadline: float,
        stats: dict[str, float],
    ) -> None:
        self.cp, self.occ, self.rng, self.deadline, self.stats = cp, occ, rng, deadline, stats
        self.work = 0.0
        self.steps = 0

    def _step(self, free: list[int], extra: list[int], allowed: set[int] | None) -> bool:
        result = reoptimize(
            self.occ, free, extra, allowed, seed=self.rng.randrange(1 << 30), work_limit=STEP_WORK
        )
        self.work += result.work
        self.steps += 1
        return result.improved

    def _out_of_budget(self, max_steps: int) -> bool:
        return self.steps >= max_steps or time.perf_counter() >= self.deadline

    def _could_gain(self, m: int) -> bool:
        """False when a participant is full with meetings all at least as important as m."""
        cp, occ = self.cp, self.occ
        for p in cp.meeting_parts[m]:
            if occ.count[p] >= cp.max_meetings[p] and all(
                cp.priority[o] >= cp.priority[m]
                for o in cp.part_meetings[p]
                if occ.slot_of[o] != UNPLACED
            ):
                return False
        return True

    def improve_priority(self, max_steps: int) -> None:
        cp, occ = self.cp, self.occ
        order = sorted(
            (m for m in range(cp.n_meetings) if occ.slot_of[m] == UNPLACED and cp.candidates[m]),
            key=lambda m: (-cp.priority[m], m),
        )
        gained = 0
        for m in order:
            if self._out_of_budget(max_steps):
                break
            if occ.slot_of[m] != UNPLACED or not self._could_gain(m):
                continue
            free, extra = self._around(m)
            if self._step(free, extra, None):
                gained += 1
        self.stats["priority_steps_improved"] = float(gained)
        self.stats["work_priority"] = round(self.work, 3)

    def _around(self, m: int) -> tuple[list[int], list[int]]:
        """Placed meetings of m's participants and their partners; their unplaced meetings."""
        cp, occ = self.cp, self.occ
        free: list[int] = []
        seen: set[int] = set()
        people = list(cp.meeting_parts[m])
        extra = [m]
        for p in cp.meeting_parts[m]:
            for o in cp.part_meetings[p]:
                if occ.slot_of[o] != UNPLACED:
                    free.append(o)
                    seen.add(o)
                    people.extend(q for q in cp.meeting_parts[o] if q != p)
                elif o != m and cp.candidates[o] and len(extra) < 8:
                    extra.append(o)
        for q in people[len(cp.meeting_parts[m]) :]:
            for o in cp.part_meetings[q]:
                if len(free) >= NEIGHBOURHOOD_MEETINGS:
                    break
                if o not in seen and occ.slot_of[o] != UNPLACED:
                    free.append(o)
                    seen.add(o)
        return free, extra
