"""A MaxSAT model of the JAIR-style problem, solved with RC2 or LSU (python-sat).

Hard clauses: x[m, s] for the slots a meeting may use, exactly one per meeting; at most
nTables meetings per slot; used[p, s] <-> some x of p in s, at most one; (implied) each
participant uses exactly as many slots as it has meetings; later[p, s] <-> used in s or
after; brk[p, s] <-> used[p, s] and not used[p, s + 1] and later[p, s + 2...], i.e. a break
starts after s. Soft: not brk, weight 1, so the cost is the total number of breaks.
Fairness: exact unary counts of each participant's breaks (two totalizers, one per
direction), hi[j] = "some participant has >= j", lo[j] = "every compared participant has
>= j", and hi[j + d + 1] -> lo[j + 1].
"""

from __future__ import annotations

import threading

from instances import Instance
from pysat.card import CardEnc, EncType, ITotalizer
from pysat.examples.lsu import LSU
from pysat.examples.rc2 import RC2
from pysat.formula import WCNF, IDPool


def _card(kind: str, lits: list[int], bound: int, pool: IDPool) -> list[list[int]]:
    enc = EncType.pairwise if bound == 1 and len(lits) <= 6 else EncType.seqcounter
    make = CardEnc.equals if kind == "eq" else CardEnc.atmost
    return make(lits, bound, vpool=pool, encoding=enc).clauses


class Encoding:
    def __init__(self, inst: Instance, scope: str = "all") -> None:
        self.inst = inst
        self.pool = IDPool()
        self.wcnf = WCNF()
        self.feasible = True
        self._meetings()
        counts = [self._person(p) for p in range(len(inst.people))]
        if inst.max_break_spread is not None:
            self._fairness(counts, inst.max_break_spread, scope)

    def x(self, m: int, s: int) -> int:
        return self.pool.id(("x", m, s))

    def _hard(self, clauses: list[list[int]]) -> None:
        for clause in clauses:
            self.wcnf.append(clause)

    def _meetings(self) -> None:
        inst = self.inst
        self.allowed = [inst.allowed_slots(m) for m in range(len(inst.meetings))]
        by_slot: dict[int, list[int]] = {}
        for m, slots in enumerate(self.allowed):
            if not slots:
                self.feasible = False
                continue
            self._hard(_card("eq", [self.x(m, s) for s in slots], 1, self.pool))
            for s in slots:
                by_slot.setdefault(s, []).append(self.x(m, s))
        for lits in by_slot.values():
            if len(lits) > len(inst.table_ids):
                self._hard(_card("le", lits, len(inst.table_ids), self.pool))

    def _person(self, p: int) -> list[int] | None:
        inst, pool, n = self.inst, self.pool, self.inst.n_slots
        mine = inst.meetings_of[p]
        if not mine:
            return None
        used = []
        for s in range(n):
            lits = [self.x(m, s) for m in mine if s in self.allowed[m]]
            u = pool.id(("used", p, s))
            used.append(u)
            if not lits:
                self._hard([[-u]])
                continue
            if len(lits) > 1:
                self._hard(_card("le", lits, 1, pool))
            self._hard([[-u, *lits], *([-x, u] for x in lits)])
        self._hard(_card("eq", used, len(mine), pool))
        later = [pool.id(("later", p, s)) for s in range(n)]
        for s in range(n):
            self._hard([[-used[s], later[s]]])
            if s + 1 < n:
                self._hard([[-later[s + 1], later[s]], [-later[s], used[s], later[s + 1]]])
            else:
                self._hard([[-later[s], used[s]]])
        breaks = []
        for s in range(n - 2):
            b = pool.id(("brk", p, s))
            breaks.append(b)
            a, nxt, rest = used[s], used[s + 1], later[s + 2]
            self._hard([[-a, nxt, -rest, b], [-b, a], [-b, -nxt], [-b, rest]])
            self.wcnf.append([-b], weight=1)
        return self._exact_count(p, breaks)

    def _exact_count(self, p: int, lits: list[int]) -> list[int]:
        """at_least[j] <-> at least j + 1 of lits are true."""
        if not lits:
            return []
        pool = self.pool
        up = ITotalizer(lits=lits, ubound=len(lits), top_id=pool.top)
        pool.top = up.top_id
        down = ITotalizer(lits=[-x for x in lits], ubound=len(lits), top_id=pool.top)
        pool.top = down.top_id
        self._hard(up.cnf.clauses + down.cnf.clauses)
        n = len(lits)
        at_least = []
        for j in range(n):
            e = pool.id(("count", p, j))
            at_least.append(e)
            self._hard([[-up.rhs[j], e]])
            # At most j true <-> at least n - j false: down.rhs[n - j - 1].
            self._hard([[-down.rhs[n - j - 1], -e]])
        return at_least

    def _fairness(self, counts: list[list[int] | None], d: int, scope: str) -> None:
        pool, top = self.pool, self.inst.n_slots
        hi = [pool.id(("hi", j)) for j in range(top + 1)]
        lo = [pool.id(("lo", j)) for j in range(top + 1)]
        for count in counts:
            if count is None and scope == "active":
                continue
            count = count or []
            for j in range(1, top + 1):
                if j - 1 < len(count):
                    self._hard([[-count[j - 1], hi[j]], [-lo[j], count[j - 1]]])
                else:
                    self._hard([[-lo[j]]])
        for j in range(top + 1):
            if j + d + 1 <= top:
                self._hard([[-hi[j + d + 1], lo[j + 1]]])


def solve_rc2(inst: Instance, scope: str = "all") -> tuple[int, list[tuple[int, int]]] | None:
    """The optimum (total breaks) and the meeting-slot pairs of an optimal schedule, or None
    when the hard clauses are unsatisfiable."""
    enc = Encoding(inst, scope)
    if not enc.feasible:
        return None
    with RC2(enc.wcnf, adapt=True, exhaust=True, minz=True) as rc2:
        model = rc2.compute()
        if model is None:
            return None
        true = {lit for lit in model if lit > 0}
        pairs = [
            (m, s) for m, slots in enumerate(enc.allowed) for s in slots if enc.x(m, s) in true
        ]
        return rc2.cost, pairs


def _pairs(enc: Encoding, model: list[int]) -> list[tuple[int, int]]:
    true = {lit for lit in model if lit > 0}
    return [(m, s) for m, slots in enumerate(enc.allowed) for s in slots if enc.x(m, s) in true]


def solve_lsu(
    inst: Instance, seconds: float, scope: str = "all"
) -> tuple[str, int | None, list[tuple[int, int]] | None]:
    """Linear search from above (SAT, then "fewer breaks than that", ...), stopped after
    ``seconds``: ("optimal" | "feasible", cost, pairs), ("infeasible", None, None) or
    ("unknown", None, None)."""
    enc = Encoding(inst, scope)
    if not enc.feasible:
        return "infeasible", None, None
    lsu = LSU(enc.wcnf, solver="g4", expect_interrupt=True)
    timer = threading.Timer(seconds, lsu.interrupt)
    timer.start()
    try:
        found = lsu.solve()
    finally:
        timer.cancel()
    if not found:
        proven = lsu.oracle.get_status() is False
        return ("infeasible" if proven else "unknown"), None, None
    status = "optimal" if lsu.found_optimum() else "feasible"
    return status, lsu.cost, _pairs(enc, lsu.model)
