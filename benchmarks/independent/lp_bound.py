"""An upper bound on total priority: the LP relaxation of the scheduling rules (HiGHS).

    python benchmarks/independent/lp_bound.py PROBLEM.json|.dzn [--time-limit 600] [--json]

The integer model, with only integrality relaxed:
  x[m, s] in [0, 1] for each slot s where every member of m is available, in m's session and
  fixed slot (none for a meeting whose members have different home tables);
  each meeting at most once (exactly once if required);
  each participant at most one meeting per slot and at most max_meetings;
  at most |tables| meetings per slot, and at most one per slot at a home table shared by
  several participants (with that, a fractional table assignment always exists);
  a meeting that needs an interpreter sends its x through w[c, s, i] to an eligible
  interpreter i available in s (c: the meetings with the same set of eligible interpreters),
  and each interpreter takes at most one per slot.
Maximise the sum of priority * x. Every schedule is a feasible point, so the optimum bounds
every schedule's priority; priorities are integers, so floor(optimum) does too.

HiGHS's interior point method (no crossover) solves it; its tolerances do not matter, because
the bound reported is recomputed from the row duals y by weak duality: for any y+ >= 0 on
upper and y- >= 0 on lower row limits, priority <= y+.U - y-.L + sum_j max(0, (c - A'y)_j)
(each x_j <= 1). Any dual vector gives a valid bound, even one cut short by the time limit.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass

import highspy
import numpy as np
from instances import Instance, load
from scipy.sparse import csc_matrix


@dataclass
class Bound:
    instance: str
    status: str
    lp: float | None  # the solver's objective value
    certified: float | None  # the weak-duality bound recomputed from its duals
    bound: int | None  # floor(certified): what to compare schedules with
    total_priority: int
    columns: int
    rows: int
    seconds: float


class _Builder:
    def __init__(self) -> None:
        self.cost: list[float] = []
        self.row_lo: list[float] = []
        self.row_hi: list[float] = []
        self.entries: tuple[list[int], list[int], list[float]] = ([], [], [])

    def column(self, cost: float) -> int:
        self.cost.append(cost)
        return len(self.cost) - 1

    def row(self, terms: list[tuple[int, float]], lo: float, hi: float) -> None:
        r = len(self.row_lo)
        self.row_lo.append(lo)
        self.row_hi.append(hi)
        for col, value in terms:
            self.entries[0].append(r)
            self.entries[1].append(col)
            self.entries[2].append(value)


def _meeting_columns(inst: Instance, b: _Builder) -> dict[tuple[int, int], int] | None:
    x: dict[tuple[int, int], int] = {}
    for m, req in enumerate(inst.meetings):
        slots = [] if inst.home_table(m) == -1 else inst.allowed_slots(m)
        cols = [b.column(float(req.priority)) for _ in slots]
        x.update({(m, s): c for s, c in zip(slots, cols, strict=True)})
        if req.required and not cols:
            return None
        if cols:
            b.row([(c, 1.0) for c in cols], 1.0 if req.required else 0.0, 1.0)
    return x


def _people_rows(inst: Instance, b: _Builder, x: dict[tuple[int, int], int]) -> None:
    for p, person in enumerate(inst.people):
        per_slot: dict[int, list[int]] = defaultdict(list)
        for m in inst.meetings_of[p]:
            for s in range(inst.n_slots):
                if (m, s) in x:
                    per_slot[s].append(x[m, s])
        for cols in per_slot.values():
            if len(cols) > 1:
                b.row([(c, 1.0) for c in cols], 0.0, 1.0)
        total = sum(len(c) for c in per_slot.values())
        if person.max_meetings is not None and total > person.max_meetings:
            cols = [c for cs in per_slot.values() for c in cs]
            b.row([(c, 1.0) for c in cols], 0.0, float(person.max_meetings))


def _table_rows(inst: Instance, b: _Builder, x: dict[tuple[int, int], int]) -> None:
    per_slot: dict[int, list[int]] = defaultdict(list)
    per_home: dict[tuple[int, int], list[int]] = defaultdict(list)
    for (m, s), c in x.items():
        per_slot[s].append(c)
        home = inst.home_table(m)
        if home is not None:
            per_home[home, s].append(c)
    for cols in per_slot.values():
        if len(cols) > len(inst.table_ids):
            b.row([(c, 1.0) for c in cols], 0.0, float(len(inst.table_ids)))
    shared = defaultdict(int)
    for person in inst.people:
        if person.home_table is not None:
            shared[person.home_table] += 1
    for (home, _s), cols in per_home.items():
        if shared[home] > 1 and len(cols) > 1:
            b.row([(c, 1.0) for c in cols], 0.0, 1.0)


def _interpreter_rows(inst: Instance, b: _Builder, x: dict[tuple[int, int], int]) -> None:
    classes: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for m in range(len(inst.meetings)):
        if inst.needs_interpreter(m):
            classes[tuple(inst.eligible_interpreters(m))].append(m)
    load_of: dict[tuple[int, int], list[int]] = defaultdict(list)  # (interpreter, slot)
    for eligible, members in classes.items():
        for s in range(inst.n_slots):
            cols = [x[m, s] for m in members if (m, s) in x]
            if not cols:
                continue
            present = [
                i
                for i in eligible
                if inst.interpreters[i].available is None or s in inst.interpreters[i].available
            ]
            flows = [b.column(0.0) for _ in present]
            for i, w in zip(present, flows, strict=True):
                load_of[i, s].append(w)
            b.row([(c, 1.0) for c in cols] + [(w, -1.0) for w in flows], -np.inf, 0.0)
    for cols in load_of.values():
        if len(cols) > 1:
            b.row([(c, 1.0) for c in cols], 0.0, 1.0)


def bound(inst: Instance, time_limit: float = 600.0) -> Bound:
    started = time.perf_counter()
    total = sum(m.priority for m in inst.meetings)
    b = _Builder()
    x = _meeting_columns(inst, b)
    if x is None:
        return Bound(inst.name, "infeasible", None, None, None, total, 0, 0, 0.0)
    _people_rows(inst, b, x)
    _table_rows(inst, b, x)
    _interpreter_rows(inst, b, x)
    lp = highspy.HighsLp()
    n_cols, n_rows = len(b.cost), len(b.row_lo)
    lp.num_col_, lp.num_row_ = n_cols, n_rows
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.col_cost_ = np.array(b.cost)
    lp.col_lower_, lp.col_upper_ = np.zeros(n_cols), np.ones(n_cols)
    lp.row_lower_, lp.row_upper_ = np.array(b.row_lo), np.array(b.row_hi)
    rows, cols, values = b.entries
    matrix = csc_matrix((values, (rows, cols)), shape=(n_rows, n_cols))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = matrix.indptr
    lp.a_matrix_.index_ = matrix.indices
    lp.a_matrix_.value_ = matrix.data
    with _no_banner():
        h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    h.setOptionValue("solver", "ipm")
    h.setOptionValue("run_crossover", "off")
    h.setOptionValue("time_limit", float(time_limit))
    h.passModel(lp)
    h.run()
    status = h.getModelStatus()
    seconds = round(time.perf_counter() - started, 1)
    name = (
        "optimal" if status == highspy.HighsModelStatus.kOptimal else h.modelStatusToString(status)
    )
    if status == highspy.HighsModelStatus.kInfeasible:
        return Bound(inst.name, "infeasible", None, None, None, total, n_cols, n_rows, seconds)
    duals = np.array(h.getSolution().row_dual)
    certified = _weak_duality(matrix, lp, duals) if len(duals) == n_rows else None
    value = h.getInfo().objective_function_value
    return Bound(
        inst.name,
        name,
        round(value, 3),
        None if certified is None else round(certified, 6),
        None if certified is None else int(np.floor(certified + 1e-6)),
        total,
        n_cols,
        n_rows,
        seconds,
    )


@contextlib.contextmanager
def _no_banner():
    """HiGHS prints its banner on standard output when created; keep the tables clean."""
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "w") as null:
        os.dup2(null.fileno(), 1)
        try:
            yield
        finally:
            os.dup2(saved, 1)
            os.close(saved)


def _weak_duality(matrix: csc_matrix, lp: highspy.HighsLp, duals: np.ndarray) -> float:
    """min over both sign conventions of y+.U - y-.L + sum max(0, c - A'y), with 0 <= x <= 1."""
    cost = np.asarray(lp.col_cost_)
    lo, hi = np.asarray(lp.row_lower_), np.asarray(lp.row_upper_)
    best = np.inf
    for y in (duals, -duals):
        y_up = np.where(np.isfinite(hi), np.maximum(y, 0.0), 0.0)
        y_low = np.where(np.isfinite(lo), np.maximum(-y, 0.0), 0.0)
        reduced = cost - matrix.T @ (y_up - y_low)
        value = y_up @ np.where(np.isfinite(hi), hi, 0.0) - y_low @ np.where(
            np.isfinite(lo), lo, 0.0
        )
        best = min(best, value + np.maximum(reduced, 0.0).sum())
    return float(best)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("problem")
    parser.add_argument("--time-limit", type=float, default=600.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = bound(load(args.problem), args.time_limit)
    if args.json:
        print(json.dumps(asdict(result)))
    else:
        print(
            f"{result.instance}: {result.status}, priority <= {result.bound} "
            f"(certified {result.certified}, LP {result.lp}, all meetings "
            f"{result.total_priority}); "
            f"{result.columns} columns, {result.rows} rows, {result.seconds} s"
        )
    return 0 if result.bound is not None else 1


if __name__ == "__main__":
    sys.exit(main())
