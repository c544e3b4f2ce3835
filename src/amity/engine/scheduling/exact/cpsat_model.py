"""The CP-SAT model of the exact path (small and medium fairs, the JAIR instances).

* Tables are not variables. With identical tables a slot can host as many meetings as there
  are tables, and a home table hosts one meeting per slot; concrete tables are assigned
  afterwards (``tables.py``), which removes the table symmetry altogether.
* A participant's breaks in a block are one literal per possible break start, so total breaks
  is a plain sum of literals; implied constraints (window matching, busy-slot cardinalities,
  far-apart meetings force a break) make small break budgets propagate.

``stage.py`` solves this model; ``lexicographic.py`` orders the stages and the break search.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from amity.engine.scheduling.model import Meeting, Problem
from amity.engine.scheduling.objective import (
    candidate_slots,
    needs_interpreter,
    suitable_interpreters,
)


@dataclass
class ExactOptions:
    """Solver knobs (the defaults are the measured best; the others exist for experiments)."""

    # One worker keeps the search deterministic (same input and seed, same schedule) and
    # measured as fast as two on the JAIR instances (see docs/algorithms/scheduling.md).
    num_workers: int = 1
    core: bool = False
    implied: bool = True
    hint: bool = True
    subsolvers: tuple[str, ...] = ()
    log: bool = False
    alldiff: bool = True
    # Only for a single worker: 0 is the pure clause-learning search the multi-worker
    # "no_lp" subsolver runs.
    linearization_level: int | None = 0
    # One literal per break-free window of each participant ("this participant's meetings
    # fill exactly these slots"): with linearization level 2 the LP over them proves hard
    # break budgets infeasible about twice as fast (tic-13crafc: 5 s instead of 12 s).
    windows: bool = False


class Instance:
    """Precomputed structure shared by both stages: candidate slots, interpreter options."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.slot_ids = [s.id for s in problem.slots]
        self.slot_index = {s.id: i for i, s in enumerate(problem.slots)}
        home = {p.id: p.home_table for p in problem.participants}
        self.cands: dict[str, list[str]] = {}
        self.interp_options: dict[tuple[str, str], list[str]] = {}
        self.home_of: dict[str, str | None] = {}
        for m in problem.meetings:
            homes = {home[pid] for pid in m.participants if home[pid] is not None}
            if len(homes) > 1:
                # Two participants bound to different home tables can never meet.
                self.cands[m.id] = []
                self.home_of[m.id] = None
                continue
            self.home_of[m.id] = next(iter(homes)) if homes else None
            slots = candidate_slots(problem, m)
            if needs_interpreter(problem, m):
                kept = []
                for s in slots:
                    options = suitable_interpreters(problem, m, s)
                    if options:
                        self.interp_options[(m.id, s)] = options
                        kept.append(s)
                slots = kept
            self.cands[m.id] = slots
        self.by_person: dict[str, list[Meeting]] = defaultdict(list)
        for m in problem.meetings:
            for pid in m.participants:
                self.by_person[pid].append(m)
        blocks: dict[str, list[str]] = defaultdict(list)
        for s in problem.slots:
            blocks[s.block].append(s.id)
        self.blocks = dict(blocks)
        # Built models by stage and options, reused by every question (see stage.py).
        self.models: dict[tuple, ModelBuilder] = {}
        self.models_lock = threading.Lock()
        self.model_locks: dict[tuple, threading.Lock] = {}


def break_free_windows(inst: Instance, pid: str) -> int:
    """How many windows of consecutive slots could hold all of a participant's meetings.

    0 means the participant must break; few means it is a likely breaker. Participants whose
    meetings are optional or span blocks get a large number (no information).
    """
    mine = inst.by_person[pid]
    blocks = (
        [b for b in inst.blocks.values() if set(inst.cands[mine[0].id]) <= set(b)] if mine else []
    )
    if not mine or not all(m.required for m in mine) or not blocks:
        return 1 << 20
    slots = blocks[0]
    if not all(set(inst.cands[m.id]) <= set(slots) for m in mine):
        return 1 << 20
    position = {s: k for k, s in enumerate(slots)}
    cands = [{position[s] for s in inst.cands[m.id]} for m in mine]
    n = len(mine)
    return sum(
        1
        for start in range(len(slots) - n + 1)
        if _perfect_matching(cands, range(start, start + n))
    )


class ModelBuilder:
    """Builds the CP-SAT model of one stage."""

    def __init__(self, inst: Instance, opts: ExactOptions) -> None:
        self.inst = inst
        self.opts = opts
        self.model = cp_model.CpModel()
        self.x: dict[tuple[str, str], cp_model.IntVar] = {}
        self.z: dict[tuple[str, str, str], cp_model.IntVar] = {}
        self.scheduled: dict[str, cp_model.LinearExprT] = {}
        self._build_assignment()

    def _add_alldiff(self) -> None:
        inst, model, problem = self.inst, self.model, self.inst.problem
        # Slot index per meeting, with an AllDifferent per participant: CP-SAT's Hall
        # interval reasoning prunes what clause learning alone finds slowly.
        index = inst.slot_index
        self.t: dict[str, cp_model.IntVar] = {}
        for m in problem.meetings:
            if not m.required or not inst.cands[m.id]:
                continue
            values = [index[s] for s in inst.cands[m.id]]
            t = model.new_int_var_from_domain(cp_model.Domain.from_values(values), "")
            model.add(t == sum(index[s] * self.x[(m.id, s)] for s in inst.cands[m.id]))
            self.t[m.id] = t
        for p in problem.participants:
            ts = [self.t[m.id] for m in inst.by_person[p.id] if m.id in self.t]
            if len(ts) > 1:
                model.add_all_different(ts)

    def _build_busy(self) -> None:
        """Whether a participant is busy in a slot, the implied count, and meeting caps."""
        inst, model, problem = self.inst, self.model, self.inst.problem
        self.busy: dict[tuple[str, str], cp_model.IntVar] = {}
        for p in problem.participants:
            slot_lits: dict[str, list[cp_model.IntVar]] = defaultdict(list)
            for m in inst.by_person[p.id]:
                for s in inst.cands[m.id]:
                    slot_lits[s].append(self.x[(m.id, s)])
            for s, lits in slot_lits.items():
                if len(lits) == 1:
                    self.busy[(p.id, s)] = lits[0]
                else:
                    b = model.new_bool_var(f"b_{p.id}_{s}")
                    model.add(sum(lits) == b)
                    self.busy[(p.id, s)] = b
            mine = inst.by_person[p.id]
            if mine and all(m.required for m in mine) and len(slot_lits) > 1:
                # Implied: the participant is busy in exactly as many slots as it has meetings.
                model.add(sum(self.busy[(p.id, s)] for s in slot_lits) == len(mine))
            if p.max_meetings is not None:
                total = [self.x[(m.id, s)] for m in inst.by_person[p.id] for s in inst.cands[m.id]]
                if len(total) > p.max_meetings:
                    model.add(sum(total) <= p.max_meetings)

    def _build_assignment(self) -> None:
        inst, model = self.inst, self.model
        problem = inst.problem
        per_slot: dict[str, list[cp_model.IntVar]] = defaultdict(list)
        per_home: dict[tuple[str, str], list[cp_model.IntVar]] = defaultdict(list)
        per_interp: dict[tuple[str, str], list[cp_model.IntVar]] = defaultdict(list)
        for m in problem.meetings:
            lits = []
            for s in inst.cands[m.id]:
                v = model.new_bool_var(f"x_{m.id}_{s}")
                self.x[(m.id, s)] = v
                lits.append(v)
                per_slot[s].append(v)
                if inst.home_of[m.id] is not None:
                    per_home[(inst.home_of[m.id], s)].append(v)
                options = inst.interp_options.get((m.id, s))
                if options is not None:
                    zs = []
                    for i in options:
                        z = model.new_bool_var(f"z_{m.id}_{s}_{i}")
                        self.z[(m.id, s, i)] = z
                        per_interp[(i, s)].append(z)
                        zs.append(z)
                    model.add(sum(zs) == v)
            if m.required:
                if not lits:
                    model.add_bool_or([])  # infeasible: reported by the caller
                else:
                    model.add_exactly_one(lits)
                self.scheduled[m.id] = 1
            else:
                if lits:
                    model.add_at_most_one(lits)
                self.scheduled[m.id] = sum(lits)
        if self.opts.alldiff:
            self._add_alldiff()
        n_tables = len(problem.tables)
        for lits in per_slot.values():
            if len(lits) > n_tables:
                model.add(sum(lits) <= n_tables)
        for lits in per_home.values():
            if len(lits) > 1:
                model.add_at_most_one(lits)
        for lits in per_interp.values():
            if len(lits) > 1:
                model.add_at_most_one(lits)
        self._build_busy()

        if self.opts.implied:
            # Implied: two participants per meeting, so at most 2 x tables busy in a slot;
            # stated on the busy literals it propagates without the LP.
            by_slot: dict[str, list[cp_model.IntVar]] = defaultdict(list)
            for (_pid, s), b in self.busy.items():
                by_slot[s].append(b)
            for lits in by_slot.values():
                if len(lits) > 2 * n_tables:
                    model.add(sum(lits) <= 2 * n_tables)

    def priority_expr(self) -> cp_model.LinearExprT:
        return sum(m.priority * self.scheduled[m.id] for m in self.inst.problem.meetings)

    def add_breaks(self, fairness: int | None) -> cp_model.LinearExprT:
        """Add one literal per possible break start; return the total-breaks expression.

        br[k] <=> busy[k] and not busy[k-1] and (a meeting before k), so a participant's
        breaks are exactly the sum of its br literals and the objective is a sum of positive
        literals with a trivial bound of 0 — the form core-based (MaxSAT) search needs.
        """
        inst, model = self.inst, self.model
        per_person: list[cp_model.LinearExprT] = []
        self.break_lits: list[cp_model.IntVar] = []
        self.has_break: list[cp_model.IntVar] = []
        self.hb_owner: list[tuple[str, cp_model.IntVar]] = []
        for p in inst.problem.participants:
            self._person = p.id
            person: list[cp_model.IntVar] = []
            for slots in inst.blocks.values():
                busy = [self.busy.get((p.id, s)) for s in slots]
                present = [b for b in busy if b is not None]
                if len(present) < 2:
                    continue
                n_max = len(inst.by_person[p.id])
                if p.max_meetings is not None:
                    n_max = min(n_max, p.max_meetings)
                lits = self._block_breaks(busy, n_max)
                person.extend(lits)
                mine = inst.by_person[p.id]
                if (
                    self.opts.implied
                    and lits
                    and all(m.required for m in mine)
                    and all(set(inst.cands[m.id]) <= set(slots) for m in mine)
                ):
                    self._window_clauses(mine, slots, busy)
            if person:
                self.break_lits.extend(person)
                per_person.append(sum(person))
        if fairness is not None and per_person and len(per_person) < len(inst.problem.participants):
            # Someone cannot break, so the minimum is 0 and fairness caps each participant:
            # stated per participant it needs no max/min variables and propagates at once.
            for e in per_person:
                model.add(e <= fairness)
        elif fairness is not None and per_person:
            hi = model.new_int_var(0, len(inst.slot_ids), "max_breaks")
            lo = model.new_int_var(0, len(inst.slot_ids), "min_breaks")
            for e in per_person:
                model.add(e <= hi)
                model.add(e >= lo)
            model.add(hi - lo <= fairness)
        return sum(self.break_lits)

    def _block_breaks(self, busy: list, n_max: int) -> list[cp_model.IntVar]:
        """Break literals of one participant in one block (``busy``: literal or None per slot).

        ``n_max`` bounds the participant's meetings. Besides the exact definition we add
        implied clauses that make small break budgets propagate: with no break, every slot
        between two meetings is busy, and two meetings ``n_max`` or more slots apart force one.
        """
        model = self.model
        n = len(busy)
        breaks = []
        # prefix[k]: a meeting in slots < k; suffix[k]: a meeting in slots > k (None: false).
        prefix: list = [None] * (n + 1)
        for k, b in enumerate(busy):
            prefix[k + 1] = self._or(prefix[k], b)
        suffix: list = [None] * (n + 1)
        for k in range(n - 1, -1, -1):
            suffix[k] = self._or(suffix[k + 1], busy[k])
        for k, b in enumerate(busy):
            if b is None or prefix[k] is None:
                continue
            br = model.new_bool_var("")
            # br <=> b and not busy[k-1] and a meeting before k-1
            model.add_implication(br, b)
            model.add_implication(br, prefix[k])
            clause = [br, b.Not(), prefix[k].Not()]
            prev = busy[k - 1]
            if prev is not None:
                model.add_implication(br, prev.Not())
                clause.append(prev)
            model.add_bool_or(clause)
            breaks.append(br)
        if self.opts.implied and breaks:
            has_break = model.new_bool_var("")
            model.add_max_equality(has_break, breaks)
            self.has_break.append(has_break)
            self.hb_owner.append((self._person, has_break))
            for k in range(1, n - 1):
                if prefix[k] is None or suffix[k + 1] is None:
                    continue
                clause = [prefix[k].Not(), suffix[k + 1].Not(), has_break]
                if busy[k] is not None:
                    clause.append(busy[k])
                model.add_bool_or(clause)
            for i in range(n):
                for j in range(i + n_max, n):
                    if busy[i] is not None and busy[j] is not None:
                        model.add_bool_or([busy[i].Not(), busy[j].Not(), has_break])
        return breaks

    def _window_clauses(self, mine: list[Meeting], slots: list[str], busy: list) -> None:
        """Without a break, a participant's meetings fill a window of consecutive slots.

        Try every window: it is possible only if the meetings can be matched to its slots
        (each to a candidate slot). A busy slot outside every possible window forces a break
        — often the whole reason an instance cannot reach zero breaks.
        """
        inst = self.inst
        n = len(mine)
        position = {s: k for k, s in enumerate(slots)}
        cands = [{position[s] for s in inst.cands[m.id]} for m in mine]
        covered: set[int] = set()
        starts = []
        for start in range(len(slots) - n + 1):
            window = range(start, start + n)
            if _perfect_matching(cands, window):
                covered.update(window)
                starts.append(start)
        has_break = self.has_break[-1]
        if self.opts.windows:
            # Exactly one of: a break, or one window whose slots are all busy (the others
            # free). The meetings fill the window since there are exactly n of them.
            chosen = []
            for start in starts:
                w = self.model.new_bool_var("")
                chosen.append(w)
                for k, b in enumerate(busy):
                    if b is not None:
                        inside = start <= k < start + n
                        self.model.add_implication(w, b if inside else b.Not())
            self.model.add(sum(chosen) + has_break == 1)
        if not covered:
            self.model.add(has_break == 1)
            return
        for k, b in enumerate(busy):
            if b is not None and k not in covered:
                self.model.add_implication(b, has_break)

    def _or(self, a, b):
        if a is None:
            return b
        if b is None:
            return a
        c = self.model.new_bool_var("")
        self.model.add_implication(a, c)
        self.model.add_implication(b, c)
        self.model.add_bool_or([c.Not(), a, b])
        return c


def _perfect_matching(cands: list[set[int]], window: range) -> bool:
    """Can every meeting get its own slot of ``window`` among its candidates (Kuhn's method)?"""
    owner: dict[int, int] = {}

    def place(m: int, seen: set[int]) -> bool:
        for s in cands[m]:
            if s in window and s not in seen:
                seen.add(s)
                if s not in owner or place(owner[s], seen):
                    owner[s] = m
                    return True
        return False

    return all(place(m, set()) for m in range(len(cands)))
