"""One CP-SAT solve of the exact model: a stage, or one question of the break search."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field, replace

from ortools.sat.python import cp_model

from amity.engine.scheduling.exact.cpsat_model import ExactOptions, Instance, ModelBuilder
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
    # CP-SAT's deterministic time: the same on every run of the same question.
    dtime: float = 0.0

    @property
    def found(self) -> bool:
        """A schedule was found (possibly an empty one)."""
        return self.status in ("OPTIMAL", "FEASIBLE")


class Cancel:
    """Lets another thread stop a question that is running (or about to run).

    CP-SAT ignores a stop requested before its search begins, so ``poke`` repeats the
    request; the lane runner calls it until the question returns.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._solver: cp_model.CpSolver | None = None
        self.cancelled = False

    def attach(self, solver: cp_model.CpSolver | None) -> bool:
        with self._lock:
            self._solver = solver
            return not self.cancelled

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
        self.poke()

    def poke(self) -> None:
        with self._lock:
            if self.cancelled and self._solver is not None:
                self._solver.stop_search()


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


def _params(
    opts: ExactOptions, time_limit: float, seed: int, max_dtime: float | None = None
) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    p = solver.parameters
    p.max_time_in_seconds = max(0.05, time_limit)
    if max_dtime is not None:
        p.max_deterministic_time = max_dtime
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


def _base_model(
    inst: Instance, opts: ExactOptions, stage: str, bound: int | None, min_priority: int | None
) -> ModelBuilder:
    """The model shared by every question of one stage, built once per instance and options."""
    key = (stage, opts.implied, opts.alldiff, opts.windows, bound, min_priority)
    with inst.models_lock:
        # One lock per model: two lanes may ask for the same one at once, and a model built
        # ahead of time (``prebuild``) must not hold up the others.
        lock = inst.model_locks.setdefault(key, threading.Lock())
    with lock:
        b = inst.models.get(key)
        if b is None:
            b = ModelBuilder(inst, opts)
            if stage != "priority":
                if min_priority is not None:
                    b.model.add(b.priority_expr() >= min_priority)
                b.add_breaks(bound)
            inst.models[key] = b
    return b


def prebuild(
    problem: Problem,
    inst: Instance,
    opts: ExactOptions,
    *,
    min_priority: int | None,
    fairness: bool = True,
) -> threading.Thread:
    """Build the breaks model with ``opts`` in the background (Python work while CP-SAT runs).

    The window-literal model takes 0.3 s to build; built on demand, at the end of a lane, it
    held up forum-13crafb's search by that much.
    """
    bound = problem.fairness.max_break_spread if problem.fairness and fairness else None
    thread = threading.Thread(
        target=_base_model, args=(inst, opts, "breaks", bound, min_priority), daemon=True
    )
    thread.start()
    return thread


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
    max_dtime: float | None = None,
    cancel: Cancel | None = None,
) -> StageResult:
    """Solve one CP-SAT model.

    ``"priority"`` maximises the total priority. ``"breaks"`` keeps the priority at least
    ``min_priority`` and, with ``minimize``, minimises the total breaks; with ``max_breaks``
    it asks only for a schedule with at most that many (the linear search from below).
    ``value`` is the priority or the total breaks of the returned schedule.
    ``max_dtime`` caps the search in CP-SAT's deterministic time, so that the answer does not
    depend on the machine's load (``time_limit`` stays the wall-clock safety net);
    ``cancel`` lets another thread stop it (status ``"CANCELLED"``).
    """
    opts = opts or ExactOptions()
    inst = inst or Instance(problem)
    start = time.monotonic()
    bound = problem.fairness.max_break_spread if problem.fairness and fairness else None
    b = _base_model(inst, opts, stage, bound, min_priority)
    # Each question works on a copy of the base model: copying takes milliseconds where
    # building takes 0.1-0.2 s, and the break search asks up to twenty questions.
    model = b.model.clone()
    if stage == "priority":
        model.maximize(b.priority_expr())
    else:
        _limit_breaks(model, b, max_breaks, min_breaks, may_break, minimize)
    if hint and opts.hint:
        for (mid, s), v in b.x.items():
            model.add_hint(v, hint.get(mid) == s)
    if stage == "priority":
        # Priority is a weighted packing problem: there the LP relaxation is what prunes.
        opts = replace(opts, linearization_level=None)
    solver = _params(opts, time_limit, seed, max_dtime)
    if cancel is not None and not cancel.attach(solver):
        return StageResult({}, {}, 0, 0.0, False, "CANCELLED", 0.0)
    # Feasibility steps have no objective to report; the caller reports their outcome.
    callback = _ProgressPrinter(stage, start, progress) if stage == "priority" or minimize else None
    status = solver.solve(model, callback)
    return _answer(
        b, solver, status, stage, time.monotonic() - start, time_limit, max_dtime, cancel
    )


def _limit_breaks(
    model: cp_model.CpModel,
    b: ModelBuilder,
    max_breaks: int | None,
    min_breaks: int,
    may_break: set[str] | None,
    minimize: bool,
) -> None:
    """The break stage's constraints and objective on the copied model."""
    total = sum(b.break_lits)
    if may_break is not None:
        for pid, hb in b.hb_owner:
            if pid not in may_break:
                model.add(hb == 0)
    if min_breaks > 0:
        model.add(total >= min_breaks)
    if max_breaks is not None:
        model.add(total <= max_breaks)
        if b.has_break:
            # Implied: at most that many participants (per block) have a break at all.
            model.add(sum(b.has_break) <= max_breaks)
    if minimize:
        model.minimize(total)


def _answer(
    b: ModelBuilder,
    solver: cp_model.CpSolver,
    status: int,
    stage: str,
    seconds: float,
    time_limit: float,
    max_dtime: float | None,
    cancel: Cancel | None,
) -> StageResult:
    """The solver's outcome as a ``StageResult``, with whether the wall clock cut it."""
    name = solver.status_name(status)
    dtime = solver.deterministic_time
    if cancel is not None:
        cancel.attach(None)
        if cancel.cancelled and status == cp_model.UNKNOWN:
            name = "CANCELLED"
    # The wall clock, not the deterministic budget, ended an unfinished search: its outcome
    # then depends on the machine's load (reported as ``stats["clock_cut"]``).
    cut = status in (cp_model.UNKNOWN, cp_model.FEASIBLE) and name != "CANCELLED"
    cut = cut and (max_dtime is None or dtime < 0.98 * max_dtime) and seconds >= 0.9 * time_limit
    extra = {"clock_cut": 1.0} if cut else {}
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return StageResult(
            {}, {}, 0, 0.0, status == cp_model.INFEASIBLE, name, seconds, dtime=dtime, extra=extra
        )
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
        dtime=dtime,
        extra=extra,
    )
