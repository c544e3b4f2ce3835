"""Large-neighbourhood search step: free some meetings, re-optimise them exactly with CP-SAT.

Everything outside the neighbourhood stays where it is and enters the model as constants:
the participants' other meetings (busy slots, meeting counts, break patterns), the tables and
home tables taken, and the interpreters booked in each slot. The freed meetings and a few
unplaced ones get x[m,s] for their candidate slots (optionally restricted to some slots); the
model maximises W · (priority placed) − (breaks of every participant it touches), with W
above any possible change in breaks so priority always comes first. The step is kept only if
it improves (priority, −breaks) lexicographically, so the search never gets worse.

For the fairness repair (`fair` = (participant, cap)) the model also keeps the priority and
caps the total breaks of that participant at ``cap`` and of everyone else it touches at
max(cap, their current total), so the step is kept whenever CP-SAT finds such a schedule,
even if it costs breaks: it brings one participant within the bound, nobody else beyond it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ortools.sat.python import cp_model

from amity.engine.scheduling.compact.occupancy import NO_INTERPRETER, UNPLACED, Occupancy
from amity.engine.scheduling.compact.problem import NO_TABLE, block_breaks


@dataclass
class StepResult:
    improved: bool
    priority_gain: int
    breaks_gain: int
    # CP-SAT's deterministic time plus a model-size term: the search's deterministic clock.
    work: float


def _touched_breaks(occ: Occupancy, pbs: set[tuple[int, int]]) -> int:
    return sum(block_breaks(occ.masks[p][b]) for p, b in pbs)


def reoptimize(
    occ: Occupancy,
    free: list[int],
    extra: list[int],
    allowed: set[int] | None,
    *,
    seed: int,
    work_limit: float,
    fair: tuple[int, int] | None = None,
    band: tuple[int, int] | None = None,
) -> StepResult:
    """Re-place `free` (placed) and `extra` (unplaced) meetings optimally, the rest fixed.

    ``band`` = (lo, hi) keeps every touched participant's total breaks within [lo, hi]: with
    lo and hi taken from the untouched participants' breaks widened by the fairness bound, the
    step cannot break the bound (the exact path's break search, ``break_lns.py``).
    """
    cp = occ.cp
    meetings = [m for m in free if occ.slot_of[m] != UNPLACED]
    meetings += [m for m in extra if occ.slot_of[m] == UNPLACED]
    before = {m: (occ.slot_of[m], occ.type_of[m]) for m in meetings}
    touched_parts = {p for m in meetings for p in cp.meeting_parts[m]}
    blocks_of = {cp.slot_block[s] for m in meetings for s in cp.candidates[m]}
    pbs = {(p, b) for p in touched_parts for b in blocks_of}
    old_priority = sum(cp.priority[m] for m, (s, _) in before.items() if s != UNPLACED)
    old_breaks = _touched_breaks(occ, pbs)
    totals = {p: sum(block_breaks(mask) for mask in occ.masks[p]) for p in touched_parts}
    for m in meetings:
        occ.remove(m)

    step = _StepModel(occ)
    for m in meetings:
        step.add_meeting(m, before[m], allowed)
    step.add_capacities()
    weight = step.add_breaks(pbs, touched_parts)
    if fair is not None or band is not None:
        step.add_break_caps(pbs, old_priority, totals, fair, band)
    step.model.maximize(weight * sum(step.gains) - sum(step.break_terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_deterministic_time = work_limit
    solver.parameters.max_time_in_seconds = 10 * work_limit + 1.0
    # One worker and a deterministic-time limit: the same step always gives the same result.
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    status = solver.solve(step.model)
    work = solver.deterministic_time + 2e-5 * len(step.x)

    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        step.apply(solver)
        new_priority = sum(cp.priority[m] for m in meetings if occ.slot_of[m] != UNPLACED)
        new_breaks = _touched_breaks(occ, pbs)
        if fair is not None and new_priority >= old_priority:
            return StepResult(True, 0, old_breaks - new_breaks, work)
        if (new_priority, -new_breaks) > (old_priority, -old_breaks):
            return StepResult(True, new_priority - old_priority, old_breaks - new_breaks, work)
        for m in meetings:
            occ.remove(m)
    for m, (s, k) in before.items():
        if s != UNPLACED:
            occ.place(m, s, k)
    return StepResult(False, 0, 0, work)


class _StepModel:
    """The CP-SAT model of one step: x[m,s] for the freed meetings, the rest as constants."""

    def __init__(self, occ: Occupancy) -> None:
        self.occ, self.cp = occ, occ.cp
        self.model = cp_model.CpModel()
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        self.y: dict[tuple[int, int, int], cp_model.IntVar] = {}
        self.at_part_slot: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        self.at_slot: dict[int, list[cp_model.IntVar]] = {}
        self.at_table: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        self.at_type: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        self.per_part: dict[int, list[cp_model.IntVar]] = {}
        self.gains: list[cp_model.LinearExprT] = []
        self.break_terms: list[cp_model.LinearExprT] = []
        # Per participant: its breaks in the blocks the model decides (expressions).
        self.person_terms: dict[int, list[cp_model.LinearExprT]] = {}

    def _usable_types(self, m: int, s: int) -> list[int] | None:
        """Interpreter types with room for m in s ([] if none is needed), None if s is out."""
        occ, cp = self.occ, self.cp
        if any(occ.busy[p] >> s & 1 for p in cp.meeting_parts[m]):
            return None
        if occ.tables_used[s] >= cp.n_tables:
            return None
        table = cp.home_table[m]
        if table != NO_TABLE and table in occ.home_used[s]:
            return None
        kind = cp.interp_types[m]
        if kind is None:
            return []
        usable = [k for k in kind if occ.type_used[s][k] < occ.type_cap[s][k]]
        return usable or None

    def add_meeting(self, m: int, before: tuple[int, int], allowed: set[int] | None) -> None:
        cp, model = self.cp, self.model
        options = []
        table = cp.home_table[m]
        for s in cp.candidates[m]:
            if allowed is not None and s not in allowed and before[0] != s:
                continue
            usable = self._usable_types(m, s)
            if usable is None:
                continue
            var = model.new_bool_var("")
            self.x[m, s] = var
            options.append(var)
            model.add_hint(var, before[0] == s)
            for p in cp.meeting_parts[m]:
                self.at_part_slot.setdefault((p, s), []).append(var)
                self.per_part.setdefault(p, []).append(var)
            self.at_slot.setdefault(s, []).append(var)
            if table != NO_TABLE:
                self.at_table.setdefault((s, table), []).append(var)
            if len(usable) == 1:
                self.at_type.setdefault((s, usable[0]), []).append(var)
            elif usable:
                choices = []
                for k in usable:
                    yv = model.new_bool_var("")
                    self.y[m, s, k] = yv
                    choices.append(yv)
                    self.at_type.setdefault((s, k), []).append(yv)
                    model.add_hint(yv, before == (s, k))
                model.add(sum(choices) == var)
        if options:
            if cp.required[m]:
                model.add_exactly_one(options)
            elif len(options) > 1:
                model.add_at_most_one(options)
            self.gains.append(cp.priority[m] * sum(options))

    def add_capacities(self) -> None:
        occ, cp, model = self.occ, self.cp, self.model
        for vs in self.at_part_slot.values():
            if len(vs) > 1:
                model.add_at_most_one(vs)
        for p, vs in self.per_part.items():
            room = cp.max_meetings[p] - occ.count[p]
            if len(vs) > room:
                model.add(sum(vs) <= room)
        for s, vs in self.at_slot.items():
            room = cp.n_tables - occ.tables_used[s]
            if len(vs) > room:
                model.add(sum(vs) <= room)
        for vs in self.at_table.values():
            if len(vs) > 1:
                model.add_at_most_one(vs)
        for (s, k), vs in self.at_type.items():
            room = occ.type_cap[s][k] - occ.type_used[s][k]
            if len(vs) > room:
                model.add(sum(vs) <= room)

    def add_breaks(self, pbs: set[tuple[int, int]], touched: set[int]) -> int:
        """Break expressions of every touched (participant, block); returns the weight W."""
        cp, model = self.cp, self.model
        self.person_terms = {p: [] for p in touched}
        weight = 1
        for p, b in pbs:
            slots = cp.block_slots[b]
            fixed = self.occ.masks[p][b]
            occupancy: list[cp_model.LinearExprT] = []
            variable = False
            for i, s in enumerate(slots):
                if fixed >> i & 1:
                    occupancy.append(1)
                elif (p, s) in self.at_part_slot:
                    occupancy.append(sum(self.at_part_slot[p, s]))
                    variable = True
                else:
                    occupancy.append(0)
            if not variable:
                self.person_terms[p].append(block_breaks(fixed))
                continue
            weight += (len(slots) + 1) // 2
            starts = []
            for i, o in enumerate(occupancy):
                prev = occupancy[i - 1] if i else 0
                if isinstance(o, int) and isinstance(prev, int):
                    starts.append(int(o > prev))
                    continue
                st = model.new_bool_var("")
                model.add(st >= o - prev)
                starts.append(st)
            if fixed:
                self.break_terms.append(sum(starts) - 1)
            else:
                present = model.new_bool_var("")
                model.add(present <= sum(occupancy))
                model.add(sum(starts) >= present)
                self.break_terms.append(sum(starts) - present)
            self.person_terms[p].append(self.break_terms[-1])
        return weight

    def add_break_caps(
        self,
        pbs: set[tuple[int, int]],
        old_priority: int,
        totals: dict[int, int],
        fair: tuple[int, int] | None,
        band: tuple[int, int] | None,
    ) -> None:
        """The fairness repair's caps (``fair``) and the break search's band (``band``)."""
        blocks_in = {b for _, b in pbs}
        if fair is not None:
            self.model.add(sum(self.gains) >= old_priority)
        for p, terms in self.person_terms.items():
            rest = sum(
                block_breaks(mask) for b, mask in enumerate(self.occ.masks[p]) if b not in blocks_in
            )
            if fair is not None:
                target, cap = fair
                limit = cap if p == target else max(cap, totals[p])
                self.model.add(sum(terms) + rest <= limit)
            total = sum(terms) + rest
            if band is not None and not isinstance(total, int):
                self.model.add_linear_constraint(total, band[0], band[1])

    def apply(self, solver: cp_model.CpSolver) -> None:
        """Place the freed meetings where the solver put them."""
        occ, cp = self.occ, self.cp
        for (m, s), var in self.x.items():
            if not solver.boolean_value(var):
                continue
            kind = cp.interp_types[m]
            k = NO_INTERPRETER
            if kind is not None:
                usable = [t for t in kind if (m, s, t) in self.y]
                if usable:
                    k = next(t for t in usable if solver.boolean_value(self.y[m, s, t]))
                else:
                    k = next(t for t in kind if occ.type_used[s][t] < occ.type_cap[s][t])
            occ.place(m, s, k)
