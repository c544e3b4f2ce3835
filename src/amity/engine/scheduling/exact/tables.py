"""Stage 3: give each scheduled meeting a concrete table, with few table changes.

The slot stages treat tables as a per-slot capacity (identical tables, home tables as one
meeting per slot), so any slot assignment they return has a table assignment; this stage only
chooses one that keeps participants seated where they were.
"""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from collections.abc import Mapping

import numpy as np
from ortools.sat.python import cp_model
from scipy.optimize import linear_sum_assignment

from amity.engine.scheduling.model import Problem

# The slot-by-slot assignment leaves little to gain (measured on the JAIR instances: at most
# one change fewer after 10 s of CP-SAT), so the polish gets a short deterministic budget.
_POLISH_DTIME = 0.2


def _home_tables(problem: Problem) -> dict[str, str | None]:
    home = {p.id: p.home_table for p in problem.participants}
    result: dict[str, str | None] = {}
    for m in problem.meetings:
        homes = [home[pid] for pid in m.participants if home[pid] is not None]
        result[m.id] = homes[0] if homes else None
    return result


def _sequences(problem: Problem, slots: Mapping[str, str]) -> dict[str, list[str]]:
    """Each participant's scheduled meetings in chronological order."""
    order = {s.id: i for i, s in enumerate(problem.slots)}
    per: dict[str, list[str]] = defaultdict(list)
    for m in problem.meetings:
        if m.id in slots:
            for pid in m.participants:
                per[pid].append(m.id)
    for seq in per.values():
        seq.sort(key=lambda mid: order[slots[mid]])
    return per


def greedy_tables(problem: Problem, slots: Mapping[str, str]) -> dict[str, str]:
    """Slot by slot, seat the meetings so that as many participants as possible stay put.

    Within a slot this is an assignment problem (meetings x free tables, one point per
    participant who sat at that table last), solved exactly; a table someone absent from the
    slot will want back counts slightly against taking it.
    """
    home = _home_tables(problem)
    by_slot: dict[str, list[str]] = defaultdict(list)
    for m in problem.meetings:
        if m.id in slots:
            by_slot[slots[m.id]].append(m.id)
    members = {m.id: m.participants for m in problem.meetings}
    remaining = defaultdict(int)
    for mid in slots:
        for pid in members[mid]:
            remaining[pid] += 1
    last: dict[str, str] = {}
    result: dict[str, str] = {}
    table_ids = [t.id for t in problem.tables]
    for slot in problem.slots:
        meetings = by_slot.get(slot.id, [])
        taken = {home[mid] for mid in meetings if home[mid] is not None}
        for mid in meetings:
            if home[mid] is not None:
                result[mid] = home[mid]
        free = [t for t in table_ids if t not in taken]
        open_ = [mid for mid in meetings if home[mid] is None]
        if open_:
            present = {pid for mid in meetings for pid in members[mid]}
            column = {t: j for j, t in enumerate(free)}
            # Costs, to minimise: -1 per participant kept at its table, +0.01 per absent
            # participant (with meetings still to come) whose table is taken from it.
            cost = np.zeros((len(open_), len(free)))
            for pid, t in last.items():
                if t in column and pid not in present and remaining[pid] > 0:
                    cost[:, column[t]] += 0.01
            for i, mid in enumerate(open_):
                for pid in members[mid]:
                    t = last.get(pid)
                    if t in column:
                        cost[i, column[t]] -= 1.0
            rows, cols = linear_sum_assignment(cost)
            for i, j in zip(rows, cols, strict=True):
                result[open_[i]] = free[j]
        for mid in meetings:
            for pid in members[mid]:
                last[pid] = result[mid]
                remaining[pid] -= 1
    return result


def count_changes(problem: Problem, slots: Mapping[str, str], tables: Mapping[str, str]) -> int:
    return sum(
        1
        for seq in _sequences(problem, slots).values()
        for a, b in itertools.pairwise(seq)
        if tables[a] != tables[b]
    )


def assign_tables(
    problem: Problem, slots: Mapping[str, str], *, time_limit: float, seed: int = 0
) -> tuple[dict[str, str], bool]:
    """Tables for the scheduled meetings and whether the number of changes is proven minimal."""
    greedy = greedy_tables(problem, slots)
    if count_changes(problem, slots, greedy) == 0 or time_limit <= 0.05:
        return greedy, count_changes(problem, slots, greedy) == 0
    # Building the polish model takes 0.1-0.3 s on a quiet machine and over a second on a
    # loaded one (forum-13crafc, load 8: the call ended 1.1 s after its limit): the clock is
    # read while building, and past it the greedy tables stand.
    deadline = time.monotonic() + time_limit
    home = _home_tables(problem)
    model = cp_model.CpModel()
    table_ids = [t.id for t in problem.tables]
    y: dict[tuple[str, str], cp_model.IntVar] = {}
    per_cell: dict[tuple[str, str], list[cp_model.IntVar]] = defaultdict(list)
    for mid, slot in slots.items():
        options = [home[mid]] if home[mid] is not None else table_ids
        lits = []
        for t in options:
            v = model.new_bool_var("")
            y[(mid, t)] = v
            per_cell[(t, slot)].append(v)
            lits.append(v)
            model.add_hint(v, greedy[mid] == t)
        model.add_exactly_one(lits)
    for lits in per_cell.values():
        if len(lits) > 1:
            model.add_at_most_one(lits)
    changes = []
    for seq in _sequences(problem, slots).values():
        if time.monotonic() >= deadline:
            return greedy, False
        for a, b in itertools.pairwise(seq):
            c = model.new_bool_var("")
            for t in table_ids:
                ya, yb = y.get((a, t)), y.get((b, t))
                if ya is not None and yb is not None:
                    model.add(ya - yb <= c)
                elif ya is not None:
                    model.add_implication(ya, c)
                elif yb is not None:
                    model.add_implication(yb, c)
            changes.append(c)
    model.minimize(sum(changes))
    solver = cp_model.CpSolver()
    left = deadline - time.monotonic()
    if left <= 0.05:
        return greedy, False
    solver.parameters.max_time_in_seconds = left
    # Capped in deterministic time too, so that a busy machine does not change the tables.
    solver.parameters.max_deterministic_time = _POLISH_DTIME
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return greedy, False
    result = {mid: t for (mid, t), v in y.items() if solver.boolean_value(v)}
    if status != cp_model.OPTIMAL and count_changes(problem, slots, result) > count_changes(
        problem, slots, greedy
    ):
        # A short run may not get back to its hint: never return worse than the greedy.
        return greedy, False
    return result, status == cp_model.OPTIMAL
