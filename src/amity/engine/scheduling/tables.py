"""Stage 3: give each scheduled meeting a concrete table, with few table changes.

The slot stages treat tables as a per-slot capacity (identical tables, home tables as one
meeting per slot), so any slot assignment they return has a table assignment; this stage only
chooses one that keeps participants seated where they were.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Mapping

from ortools.sat.python import cp_model

from amity.engine.scheduling.model import Problem


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
    """Slot by slot, seat each meeting where one of its participants sat last, if free."""
    home = _home_tables(problem)
    by_slot: dict[str, list[str]] = defaultdict(list)
    for m in problem.meetings:
        if m.id in slots:
            by_slot[slots[m.id]].append(m.id)
    members = {m.id: m.participants for m in problem.meetings}
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
        for mid in meetings:
            if home[mid] is not None:
                continue
            wanted = [last[pid] for pid in members[mid] if pid in last]
            choice = next((t for t in wanted if t in free), None)
            if choice is None:
                # Leave tables someone in this slot is hoping to keep for as long as possible.
                hoped = {last[pid] for m2 in meetings for pid in members[m2] if pid in last}
                choice = next((t for t in free if t not in hoped), free[0])
            free.remove(choice)
            taken.add(choice)
            result[mid] = choice
        for mid in meetings:
            for pid in members[mid]:
                last[pid] = result[mid]
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
    solver.parameters.max_time_in_seconds = time_limit
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
