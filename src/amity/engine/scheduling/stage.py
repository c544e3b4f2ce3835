"""One CP-SAT solve of the exact model: a stage, or one question of the break search."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from ortools.sat.python import cp_model

from amity.engine.scheduling.exact import ExactOptions, Instance, ModelBuilder
from amity.engine.scheduling.model import Problem, Progress, ProgressCallback


@dataclass
class StageResult:
    """The slots (and interpreters) chosen, with the objective value and whether it is proven."""

    slots: dict[str, str]
    interpreters: dict[str, str | None]
    value: int
    bound: float
    proven: bool
    status: str
    seconds: float
    branches: int = 0
    fairness_relaxed: bool = False
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def found(self) -> bool:
        """A schedule was found (possibly an empty one)."""
        return self.status in ("OPTIMAL", "FEASIBLE")


class _ProgressPrinter(cp_model.CpSolverSolutionCallback):
    def __init__(self, phase: str, start: float, progress: ProgressCallback | None) -> None:
        super().__init__()
        self.phase = phase
        self.start = start
        self.progress = progress

    def on_solution_callback(self) -> None:
        if self.progress is not None:
            self.progress(
                Progress(
                    phase=self.phase,
                    elapsed=time.monotonic() - self.start,
                    best_breaks=int(self.objective_value) if self.phase == "breaks" else None,
                    best_priority=int(-self.objective_value) if self.phase == "priority" else None,
                    bound=self.best_objective_bound,
                )
            )


def _params(opts: ExactOptions, time_limit: float, seed: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    p = solver.parameters
    p.max_time_in_seconds = max(0.05, time_limit)
    p.num_workers = opts.num_workers
    p.random_seed = seed
    p.log_search_progress = opts.log
    if opts.linearization_level is not None:
        p.linearization_level = opts.linearization_level
    if opts.subsolvers:
        p.subsolvers.extend(opts.subsolvers)
    elif opts.core and opts.num_workers >= 2:
        p.extra_subsolvers.append("core")
    return solver


def _extract(
    b: ModelBuilder, solver: cp_model.CpSolver
) -> tuple[dict[str, str], dict[str, str | None]]:
    slots: dict[str, str] = {}
    interps: dict[str, str | None] = {}
    for (mid, s), v in b.x.items():
        if solver.boolean_value(v):
            slots[mid] = s
            interps[mid] = None
    for (mid, _s, i), v in b.z.items():
        if solver.boolean_value(v):
            interps[mid] = i
    return slots, interps


def solve_stage(
    problem: Problem,
    stage: str,
    *,
    time_limit: float,
    seed: int = 0,
    opts: ExactOptions | None = None,
    min_priority: int | None = None,
    hint: dict[str, str] | None = None,
    max_breaks: int | None = None,
    min_breaks: int = 0,
    may_break: set[str] | None = None,
    fairness: bool = True,
    minimize: bool = True,
    progress: ProgressCallback | None = None,
    inst: Instance | None = None,
) -> StageResult:
    """Solve one CP-SAT model.

    ``"priority"`` maximises the total priority. ``"breaks"`` keeps the priority at least
    ``min_priority`` and, with ``minimize``, minimises the total breaks; with ``max_breaks``
    it asks only for a schedule with at most that many (the linear search from below).
    ``value`` is the priority or the total breaks of the returned schedule.
    """
    opts = opts or ExactOptions()
    inst = inst or Instance(problem)
    start = time.monotonic()
    b = ModelBuilder(inst, opts)
    bound = problem.fairness.max_break_spread if problem.fairness and fairness else None
    if stage == "priority":
        b.model.maximize(b.priority_expr())
    else:
        if min_priority is not None:
            b.model.add(b.priority_expr() >= min_priority)
        total = b.add_breaks(bound)
        if may_break is not None:
            for pid, hb in b.hb_owner:
                if pid not in may_break:
                    b.model.add(hb == 0)
        if min_breaks > 0:
            b.model.add(total >= min_breaks)
        if max_breaks is not None:
            b.model.add(total <= max_breaks)
            if b.has_break:
                # Implied: at most that many participants (per block) have a break at all.
                b.model.add(sum(b.has_break) <= max_breaks)
        if minimize:
            b.model.minimize(total)
    if hint and opts.hint:
        for (mid, s), v in b.x.items():
            b.model.add_hint(v, hint.get(mid) == s)
    if stage == "priority":
        # Priority is a weighted packing problem: there the LP relaxation is what prunes.
        opts = replace(opts, linearization_level=None)
    solver = _params(opts, time_limit, seed)
    # Feasibility steps have no objective to report; the caller reports their outcome.
    callback = _ProgressPrinter(stage, start, progress) if stage == "priority" or minimize else None
    status = solver.solve(b.model, callback)
    seconds = time.monotonic() - start
    name = solver.status_name(status)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return StageResult({}, {}, 0, 0.0, status == cp_model.INFEASIBLE, name, seconds)
    slots, interps = _extract(b, solver)
    if stage == "priority":
        value = round(solver.objective_value)
    else:
        value = sum(solver.value(lit) for lit in b.break_lits)
    return StageResult(
        slots=slots,
        interpreters=interps,
        value=value,
        bound=solver.best_objective_bound,
        proven=status == cp_model.OPTIMAL,
        status=name,
        seconds=seconds,
        branches=solver.num_branches,
    )
