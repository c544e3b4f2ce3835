"""An upper bound on the total priority: the LP relaxation, aggregated over equivalent slots.

Model. Slots that belong to the same block and session and in which exactly the same
participants and interpreters are available are interchangeable for the priority stage; they
form a *slot class* c with n_c slots. With x[m,c] ∈ [0, 1] the share of meeting m placed in
class c (only classes containing a candidate slot of m) the relaxation is

    maximise   Σ priority_m · x[m,c]
    subject to Σ_c x[m,c] ≤ 1              (= 1 for a required meeting)
               Σ_{m ∋ p} x[m,c] ≤ n_c        participant p is in one meeting per slot
               Σ_{m ∋ p, c} x[m,c] ≤ max_p   max_meetings
               Σ_m x[m,c] ≤ n_c · tables     tables per slot
               Σ_{m at home table t} x[m,c] ≤ n_c
               interpreters: meetings of each language kind r are served by capable
               interpreter types k through a flow z[c,r,k]; Σ_r z[c,r,k] ≤ n_c · |k available|.

Every schedule gives a feasible point (x[m,c] = 1 for the class of its slot), so the optimum
is an upper bound on the priority; when slots in a class are identical it equals the plain
per-slot LP relaxation (a fractional class solution spread evenly over the class's slots is
feasible there), with up to 9 times fewer variables on the generated fairs.

Validity of the reported number. The LP is solved by HiGHS (dual simplex); the number
returned is not the solver's objective but a bound recomputed from its dual values y: for any
y ≥ 0 (free on equality rows), b·y + Σ_j u_j · max(0, c_j − (Aᵀy)_j) bounds the LP by weak
duality. Clipping y to its sign constraints and adding a relative margin of 1e-9 for rounding
makes the bound valid even when the solver stops early or its duals are slightly infeasible;
if no duals are available at all the bound falls back to the total priority of the meetings
that have a candidate slot.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix

from amity.engine.scheduling.compact.problem import NO_TABLE, CompactProblem, compact
from amity.engine.scheduling.large.counting_bound import counting_bound
from amity.engine.scheduling.model import Problem


@dataclass(frozen=True)
class SlotClass:
    """Interchangeable slots (same block, session, available participants and interpreters)."""

    block: int
    slots: tuple[int, ...]


def slot_classes(cp: CompactProblem) -> tuple[list[SlotClass], list[int]]:
    """The slot classes, and the class of every slot."""
    problem = cp.problem
    present: list[list[int]] = [[] for _ in range(cp.n_slots)]
    slot_index = {s.id: i for i, s in enumerate(problem.slots)}
    for p, person in enumerate(problem.participants):
        if person.available is not None:
            for sid in person.available:
                if sid in slot_index:
                    present[slot_index[sid]].append(p)
    keys: dict[tuple[object, ...], int] = {}
    classes: list[list[int]] = []
    blocks: list[int] = []
    class_of = [0] * cp.n_slots
    for s in range(cp.n_slots):
        key = (
            cp.slot_block[s],
            problem.slots[s].session,
            tuple(sorted(present[s])),
            tuple(t.available[s] for t in cp.types),
        )
        c = keys.setdefault(key, len(classes))
        if c == len(classes):
            classes.append([])
            blocks.append(cp.slot_block[s])
        classes[c].append(s)
        class_of[s] = c
    return [SlotClass(b, tuple(x)) for b, x in zip(blocks, classes, strict=True)], class_of


@dataclass
class AggregatedLP:
    """The relaxation in matrix form: maximise c·x, A x ≤ b (first `n_eq` rows: A x = b)."""

    c: np.ndarray
    upper: np.ndarray
    a_ub: csr_matrix
    b_ub: np.ndarray
    a_eq: csr_matrix
    b_eq: np.ndarray
    # (meeting, class) of the first len(pairs) columns; the rest are interpreter flows.
    pairs: list[tuple[int, int]]
    # The block of each class (the LP-guided layout inserts a meeting in its class's block).
    class_block: list[int] = field(default_factory=list)


def coarse_classes(cp: CompactProblem) -> tuple[list[SlotClass], list[int]]:
    """Slots grouped by block and session only, whoever is present: few, large classes."""
    problem = cp.problem
    keys: dict[tuple[object, ...], int] = {}
    members: list[list[int]] = []
    class_of = [0] * cp.n_slots
    for s in range(cp.n_slots):
        c = keys.setdefault((cp.slot_block[s], problem.slots[s].session), len(members))
        if c == len(members):
            members.append([])
        members[c].append(s)
        class_of[s] = c
    return [SlotClass(cp.slot_block[x[0]], tuple(x)) for x in members], class_of


def _room(cp: CompactProblem, class_of: list[int]) -> dict[tuple[str, int, int], int]:
    """Slots of each class a participant ("p") or home table ("t") could be busy in: its
    meetings' candidates. In a fine class that is the whole class or nothing."""
    usable: set[tuple[str, int, int]] = set()
    for m in range(cp.n_meetings):
        for s in cp.candidates[m]:
            for p in cp.meeting_parts[m]:
                usable.add(("p", p, s))
            if cp.home_table[m] != NO_TABLE:
                usable.add(("t", cp.home_table[m], s))
    room: dict[tuple[str, int, int], int] = {}
    for kind, who, s in usable:
        key = (kind, who, class_of[s])
        room[key] = room.get(key, 0) + 1
    return room


class _Rows:
    """The LP's columns and rows as they are written: costs, upper bounds, sparse rows."""

    def __init__(self, cost: list[float]) -> None:
        self.cost = cost
        self.upper = [1.0] * len(cost)
        self.rows: list[list[tuple[int, float]]] = []
        self.rhs: list[float] = []
        self.eq_rows: list[list[tuple[int, float]]] = []
        self.eq_rhs: list[float] = []

    def at_most(self, members: list[int], limit: float) -> None:
        # Rows that cannot bind are left out: they change neither the optimum nor the bound.
        if len(members) > limit:
            self.rows.append([(j, 1.0) for j in members])
            self.rhs.append(limit)

    def column(self, upper: float) -> int:
        self.cost.append(0.0)
        self.upper.append(upper)
        return len(self.cost) - 1


def _group(cp: CompactProblem, pairs: list[tuple[int, int]]) -> dict[str, dict]:
    """The columns of each row family: per meeting, participant and class, participant,
    class, home table and class, interpreter kind (set of capable types) and class."""
    groups: dict[str, dict] = {k: {} for k in ("meeting", "part_class", "part", "class")}
    groups |= {"table_class": {}, "kind_class": {}}
    for j, (m, c) in enumerate(pairs):
        groups["meeting"].setdefault(m, []).append(j)
        for p in cp.meeting_parts[m]:
            groups["part_class"].setdefault((p, c), []).append(j)
            groups["part"].setdefault(p, []).append(j)
        groups["class"].setdefault(c, []).append(j)
        if cp.home_table[m] != NO_TABLE:
            groups["table_class"].setdefault((cp.home_table[m], c), []).append(j)
        if cp.interp_types[m] is not None:
            groups["kind_class"].setdefault((cp.interp_types[m], c), []).append(j)
    return groups


def _interpreter_flow(cp: CompactProblem, classes: list, by_kind_class: dict, lp: _Rows) -> None:
    """Meetings of a kind in a class <= the flow into the kind from its capable types, and
    each type's flow <= its interpreter-slots in the class."""

    def type_cap(k: int, c: int) -> int:
        available = cp.types[k].available
        return len(cp.types[k].members) * sum(1 for s in classes[c].slots if available[s])

    type_rows: dict[tuple[int, int], list[tuple[int, float]]] = {}
    for (kind, c), cols in by_kind_class.items():
        row = [(j, 1.0) for j in cols]
        for k in kind:
            cap = type_cap(k, c)
            if cap == 0:
                continue
            z = lp.column(float(min(cap, len(cols))))
            row.append((z, -1.0))
            type_rows.setdefault((k, c), []).append((z, 1.0))
        lp.rows.append(row)
        lp.rhs.append(0.0)
    for (k, c), row in type_rows.items():
        lp.rows.append(row)
        lp.rhs.append(float(type_cap(k, c)))


def build_lp(cp: CompactProblem, *, coarse: bool = False) -> AggregatedLP:
    """The aggregated relaxation of the priority stage (see the module docstring).

    ``coarse`` groups the slots by block and session only (``coarse_classes``): a weaker but
    much smaller relaxation, for fairs where presence differs from slot to slot and the fine
    classes are single slots (3,000 participants: 200,000 columns, no answer in 2 minutes).
    Its rows count, per participant, home table and interpreter type, the slots of the class
    where they can be used at all, so it stays a valid relaxation.
    """
    classes, class_of = coarse_classes(cp) if coarse else slot_classes(cp)
    size = [len(k.slots) for k in classes]
    room = _room(cp, class_of)
    pairs = [
        (m, c)
        for m in range(cp.n_meetings)
        for c in sorted({class_of[s] for s in cp.candidates[m]})
    ]
    lp = _Rows([float(cp.priority[m]) for m, _ in pairs])
    groups = _group(cp, pairs)
    for m, cols in groups["meeting"].items():
        if cp.required[m]:
            lp.eq_rows.append([(j, 1.0) for j in cols])
            lp.eq_rhs.append(1.0)
        else:
            lp.at_most(cols, 1.0)
    for (p, c), cols in groups["part_class"].items():
        lp.at_most(cols, room[("p", p, c)])
    for p, cols in groups["part"].items():
        lp.at_most(cols, cp.max_meetings[p])
    for c, cols in groups["class"].items():
        lp.at_most(cols, size[c] * cp.n_tables)
    for (table, c), cols in groups["table_class"].items():
        lp.at_most(cols, room[("t", table, c)])
    _interpreter_flow(cp, classes, groups["kind_class"], lp)
    n = len(lp.cost)
    return AggregatedLP(
        c=np.array(lp.cost),
        upper=np.array(lp.upper),
        a_ub=_matrix(lp.rows, n),
        b_ub=np.array(lp.rhs, dtype=float),
        a_eq=_matrix(lp.eq_rows, n),
        b_eq=np.array(lp.eq_rhs, dtype=float),
        pairs=pairs,
        class_block=[k.block for k in classes],
    )


def _matrix(rows: list[list[tuple[int, float]]], n: int) -> csr_matrix:
    data, indices, indptr = [], [], [0]
    for row in rows:
        for j, v in row:
            indices.append(j)
            data.append(v)
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), n))


def dual_bound(lp: AggregatedLP, y_ub: np.ndarray, y_eq: np.ndarray) -> float:
    """A valid upper bound on the LP from any dual vector (weak duality), safely rounded."""
    y_ub = np.maximum(y_ub, 0.0)
    reduced = lp.c - lp.a_ub.T @ y_ub - lp.a_eq.T @ y_eq
    terms = np.concatenate([lp.b_ub * y_ub, lp.b_eq * y_eq, lp.upper * np.maximum(reduced, 0.0)])
    value = math.fsum(terms.tolist())
    return value + 1e-9 * (math.fsum(np.abs(terms).tolist()) + 1.0)


def solve_lp(lp: AggregatedLP, time_limit: float) -> tuple[float, np.ndarray | None]:
    """(valid upper bound, primal x or None) for the aggregated LP within `time_limit`."""
    trivial = float(lp.c[: len(lp.pairs)].sum()) if len(lp.pairs) else 0.0
    if not lp.pairs:
        return 0.0, np.zeros(0)
    res = linprog(
        -lp.c,
        A_ub=lp.a_ub if lp.a_ub.shape[0] else None,
        b_ub=lp.b_ub if lp.a_ub.shape[0] else None,
        A_eq=lp.a_eq if lp.a_eq.shape[0] else None,
        b_eq=lp.b_eq if lp.a_eq.shape[0] else None,
        bounds=np.column_stack([np.zeros_like(lp.upper), lp.upper]),
        method="highs-ds",
        options={"time_limit": max(0.1, time_limit), "presolve": True},
    )
    if res.status != 0 or res.x is None:
        return trivial, None
    # linprog minimises -c·x, so its marginals are the negated duals of the maximisation.
    y_ub = -res.ineqlin.marginals if lp.a_ub.shape[0] else np.zeros(0)
    y_eq = -res.eqlin.marginals if lp.a_eq.shape[0] else np.zeros(0)
    return min(trivial, dual_bound(lp, y_ub, y_eq)), res.x


# The fine LP is tried after the coarse one only up to this many columns (at 3,000
# participants with presence varying by slot it has 200,000 and HiGHS needs minutes).
FINE_LP_MAX_COLUMNS = 60_000


@dataclass
class PriorityBound:
    """The best valid upper bound found, which relaxation gave it, and that one's solution."""

    value: float
    # "fine" or "coarse" (an LP optimum, certified by its duals), "counting" (the counting
    # bound, ``counting_bound.py``: the LP found nothing smaller, or ran out of time) or
    # "none" (the trivial bound: the total priority of the meetings with a candidate slot).
    kind: str
    lp: AggregatedLP | None
    x: np.ndarray | None


def _fine_columns(cp: CompactProblem) -> int:
    """How many (meeting, class) columns the fine LP would have."""
    _, class_of = slot_classes(cp)
    return sum(len({class_of[s] for s in cp.candidates[m]}) for m in range(cp.n_meetings))


def priority_bound(cp: CompactProblem, time_limit: float) -> PriorityBound:
    """The counting bound, the coarse LP (fast), then the fine LP if it is small enough and
    time is left.

    All are valid; the smallest is reported, and the last LP solved is kept for the layout
    even when the counting bound is smaller. On the generated fairs the two LPs agree (400
    and 1,000 participants, hard shape: equal bounds, 0.1-0.2 s against 1-37 s).
    """
    start = time.perf_counter()
    trivial = float(sum(cp.priority[m] for m in range(cp.n_meetings) if cp.candidates[m]))
    best = PriorityBound(trivial, "none", None, None)
    counted = float(counting_bound(cp))
    if counted < best.value:
        best = PriorityBound(counted, "counting", None, None)
    for coarse in (True, False):
        left = time_limit - (time.perf_counter() - start)
        if left <= 0.2:
            break
        if not coarse and _fine_columns(cp) > FINE_LP_MAX_COLUMNS:
            # Counted before building: building 200,000 columns alone takes seconds.
            break
        lp = build_lp(cp, coarse=coarse)
        value, x = solve_lp(lp, time_limit - (time.perf_counter() - start))
        if x is None:
            continue
        if value <= best.value + 1e-9:
            best = PriorityBound(value, "coarse" if coarse else "fine", lp, x)
        else:
            best = PriorityBound(best.value, best.kind, lp, x)
    return best


def priority_upper_bound(problem: Problem, time_limit: float = 60.0) -> float:
    """An upper bound on the total priority any valid schedule of `problem` can reach."""
    start = time.perf_counter()
    cp = compact(problem)
    return priority_bound(cp, time_limit - (time.perf_counter() - start)).value
