"""The exact path: priority, then breaks, then table changes, each stage fixing the previous.

Breaks are minimised by a linear search from below — "is there a schedule with at most k
breaks?" for k from the number of participants who must break upwards — because on the JAIR
instances a CP-SAT feasibility question with a tight break budget propagates far better than an
optimisation run: the first k that is feasible is optimal, and every infeasible k is a proven
lower bound. From k = 1 on, each budget is settled by two lanes of questions side by side
(``lanes.py``): at k = 1 the full question and a group-testing sweep; at k >= 2 a guess, a
short try and the hint-free proof in one lane, a schedule one break above and the LP proof in
the other. Every question is capped in deterministic time, so the answer does not depend on
the machine's load. A first schedule far above the bound is improved (``incumbent.py``:
annealing over Kempe chains, then break LNS) before the lanes start; should the search not
finish, the remaining time goes to schedules a little above the bound, more of that
improvement and an ordinary minimisation from
the best schedule. Budgets come from one ``Budget`` (``budget.py``): deterministic work caps,
the wall clock only as the guard.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace

from amity.engine.scheduling.budget import Budget, Clock
from amity.engine.scheduling.exact.cpsat_model import ExactOptions, Instance, break_free_windows
from amity.engine.scheduling.exact.incumbent import improve_incumbent
from amity.engine.scheduling.exact.lanes import Question, run_lanes
from amity.engine.scheduling.exact.levels import PROBE_ABOVE_DT, hard_level, one_break_level
from amity.engine.scheduling.exact.result import (
    as_stage_result,
    infeasible_reason,
    large_fair_schedule,
    to_schedule,
)
from amity.engine.scheduling.exact.stage import Cancel, StageResult, prebuild, solve_stage
from amity.engine.scheduling.exact.tables import assign_tables
from amity.engine.scheduling.large.greedy import schedule_priority_greedy
from amity.engine.scheduling.model import (
    InfeasibleProblem,
    OutOfTime,
    Problem,
    Progress,
    ProgressCallback,
    Schedule,
)

# Share of the time limit kept for stage 3 (tables), capped: tables never decide quality.
_TABLE_SHARE = 0.1
_TABLE_CAP = 0.5
# Share of the time limit kept for improving the best schedule when the search from below
# does not finish (without it a cut-off run could return its very first schedule).
_RESERVE_SHARE = 0.15
# Share of the work budget for each of the last searches (the proof, the minimisation).
_TAIL_SHARE = 0.5
# Share of the work budget for improving the best schedule by large-neighbourhood search.
_LNS_SHARE = 0.3
# ... and for the short search when the first schedule is far from the bound.
_EARLY_LNS_SHARE = 0.1


def solve_exact(
    problem: Problem,
    *,
    time_limit: float = 30.0,
    seed: int = 0,
    progress: ProgressCallback | None = None,
    opts: ExactOptions | None = None,
    start_from: Schedule | None = None,
    budget: Budget | None = None,
) -> Schedule:
    """Solve ``problem`` lexicographically with CP-SAT; see the module docstring.

    ``start_from`` is a schedule to start from (the large-fair method's, see ``solver.py``):
    the hint of the first stages, and its priority is taken as optimal when it reaches the
    schedule's own upper bound. ``budget`` (default: ``time_limit`` alone) caps the searches
    in deterministic work, with its time limit as the wall-clock guard.
    """
    search = _ExactSearch(problem, budget or Budget(time_limit), seed, progress, opts)
    return search.run(start_from)


class _ExactSearch:
    """The state of one exact solve: the stages in order, each a short method."""

    def __init__(
        self,
        problem: Problem,
        budget: Budget,
        seed: int,
        progress: ProgressCallback | None,
        opts: ExactOptions | None,
    ) -> None:
        self.problem, self.budget, self.seed, self.progress = problem, budget, seed, progress
        self.opts = opts or ExactOptions()
        self.clock = Clock(budget)
        self.table_time = min(_TABLE_CAP, _TABLE_SHARE * budget.time_limit)
        self.stats: dict[str, float] = {}
        self.proven: dict[str, bool] = {}
        self.inst = Instance(problem)
        # Budgets of 2 and more are where proofs get hard: there window literals and the LP
        # (linearization level 2) prune far more than they cost (see ExactOptions.windows).
        self.hard_opts = replace(self.opts, windows=True, linearization_level=2)
        self.fairness_relaxed = False
        self.best_priority = 0
        self.priority_bound = 0.0
        self.cut = False
        self.work_lock = threading.Lock()
        # The deterministic work charged so far (dt): what every cap below is measured
        # against, so which questions are asked depends on the input, seed and budget only.
        self.charged = 0.0

    # ------------------------------------------------------------------ helpers
    def left(self) -> float:
        return self.clock.left(self.table_time)

    def search_left(self) -> float:
        # The search from below stops early enough to leave time for improving the best
        # schedule should it not finish.
        return max(0.0, self.left() - _RESERVE_SHARE * self.budget.time_limit)

    def work_left(self) -> float:
        """Deterministic work not yet charged."""
        return max(0.0, self.budget.total_work - self.charged)

    def search_work_left(self) -> float:
        # The same reserve in work: the improvement after the search always has some.
        return max(0.0, self.work_left() - _RESERVE_SHARE * self.budget.total_work)

    def charge(self, dtime: float) -> None:
        self.charged += dtime
        self.stats["work_charged"] = round(self.charged, 3)

    def out_of_time(self, seconds: float) -> bool:
        """The wall-clock guard, asked before a question: True (and the run marked as cut
        by the clock) when fewer than ``seconds`` are left."""
        if self.left() >= seconds:
            return False
        self.cut = True
        return True

    def report(self, phase: str, **values: float | int | None) -> None:
        if self.progress is not None:
            self.progress(Progress(phase=phase, elapsed=self.clock.elapsed(), **values))

    def ask(
        self,
        stage: str,
        options: ExactOptions | None = None,
        charge: bool = True,
        **kwargs: object,
    ) -> StageResult:
        """One CP-SAT question, capped at the work left; ``charge``: charge its work now (the
        lanes' questions are charged by ``run_lanes``' outcome instead)."""
        cap = self.work_left()
        if kwargs.get("max_dtime") is not None:
            cap = min(cap, float(kwargs["max_dtime"]))  # type: ignore[arg-type]
        if cap <= 1e-6 or self.out_of_time(0.05):
            # Nothing left to spend (or no time to build a model): no answer, no work.
            return StageResult({}, {}, 0, 0.0, False, "UNKNOWN", 0.0)
        kwargs["max_dtime"] = cap
        r = solve_stage(
            self.problem,
            stage,
            seed=self.seed,
            opts=options or self.opts,
            inst=self.inst,
            progress=self.progress,
            **kwargs,
        )
        self.cut = self.cut or bool(r.extra.get("clock_cut"))
        with self.work_lock:
            # The deterministic work done (dt): the same on every run whatever the load, as
            # long as the guard did not cut a search.
            self.stats["work_dt"] = round(self.stats.get("work_dt", 0.0) + r.dtime, 3)
        if charge:
            self.charge(r.dtime)
        return r

    def breaks(self, **kwargs: object) -> StageResult:
        """A question of the break stage at the best priority (fairness as decided)."""
        kwargs.setdefault("minimize", False)
        return self.ask(
            "breaks",
            min_priority=self.best_priority,
            fairness=not self.fairness_relaxed,
            **kwargs,
        )

    # ------------------------------------------------------------------ stages
    def run(self, start_from: Schedule | None) -> Schedule:
        incumbent = self.priority_stage(start_from)
        t = time.monotonic()
        best = self.first_schedule(incumbent)
        best, lower = self.search_from_below(best)
        best, lower = self.finish(best, lower, start_from)
        self.proven["breaks"] = lower >= best.value
        self.stats["breaks_seconds"] = time.monotonic() - t
        self.stats["breaks_lower_bound"] = float(lower)
        self.stats["fairness_relaxed"] = float(self.fairness_relaxed)
        return self.with_tables(best)

    def priority_stage(self, start_from: Schedule | None) -> StageResult | None:
        """Stage 1: the best total priority (known at once when every meeting is required)."""
        problem = self.problem
        total_priority = sum(m.priority for m in problem.meetings)
        if all(m.required for m in problem.meetings):
            self.best_priority, self.priority_bound = total_priority, float(total_priority)
            self.proven["priority"] = True
            return None
        t = time.monotonic()
        # A schedule to start from as the hint (the large-fair method's, or the priority
        # greedy's): CP-SAT starts from it, so a search cut short still has a schedule at
        # least that good (a 120-participant generated fair took 14 s to its optimum, and
        # 8 s had found nothing without a hint). When it reaches its bound it is optimal.
        given = start_from or schedule_priority_greedy(problem)
        # ``solve`` hands over the large-fair schedule with its LP bound already rounded down.
        settled = given.objective.priority >= total_priority or (
            start_from is not None and given.objective.priority >= given.priority_upper_bound
        )
        if settled:
            r = as_stage_result(given, given.objective.priority, proven=True)
        else:
            hint = {a.meeting: a.slot for a in given.assignments}
            r = self.ask(
                "priority",
                time_limit=0.4 * self.left(),
                max_dtime=0.4 * self.budget.total_work,
                hint=hint,
            )
        self.stats["priority_seconds"] = time.monotonic() - t
        if r.status == "INFEASIBLE":
            raise InfeasibleProblem(infeasible_reason(problem, self.inst))
        if not r.found:
            raise OutOfTime("no schedule found within the time limit")
        self.best_priority, self.priority_bound = r.value, min(r.bound, float(total_priority))
        self.proven["priority"] = r.proven
        self.report("priority", best_priority=self.best_priority, bound=self.priority_bound)
        return r

    def first_schedule(self, incumbent: StageResult | None) -> StageResult:
        """Stage 2: a first schedule that honours the fairness bound (or proof there is none).

        Everything else starts from it, so it may use all the time there is (it stops at the
        first schedule it finds: 0.8 s on forum-13crafb).
        """
        hint = incumbent.slots if incumbent else None
        work = self.budget.total_work
        if self.left() < 0.05:
            # Building the model takes 0.1-0.5 s (seconds on a loaded machine) and cannot be
            # interrupted: with no time left, say so rather than overrun the limit.
            raise OutOfTime("no schedule found within the time limit")
        first = self.breaks(time_limit=self.left(), max_dtime=work, hint=hint)
        if first.status == "INFEASIBLE" and self.problem.fairness is not None:
            self.fairness_relaxed = True
            first = self.breaks(time_limit=self.left(), max_dtime=work, hint=hint)
        if first.status == "INFEASIBLE":
            raise InfeasibleProblem(infeasible_reason(self.problem, self.inst))
        if not first.found:
            raise OutOfTime("no schedule found within the time limit")
        return first

    def ranked_breakers(self) -> tuple[list[str], int]:
        """Participants by how few break-free windows they have, and how many have none."""
        inst = self.inst
        windows = {
            p.id: break_free_windows(inst, p.id)
            for p in self.problem.participants
            if len(inst.by_person[p.id]) >= 2
        }
        ranked = sorted(windows, key=lambda pid: (windows[pid], -len(inst.by_person[pid])))
        return ranked, sum(1 for n in windows.values() if n == 0)

    def search_from_below(self, best: StageResult) -> tuple[StageResult, int]:
        """The linear search from below; returns the best schedule and the proven bound."""
        ranked, must_break = self.ranked_breakers()
        # A participant whose required meetings fit no window of consecutive slots breaks at
        # least once in every schedule: the search from below starts at their number
        # (forum-13crafb: 3), and the budgets below need no question.
        lower = min(best.value, must_break)
        self.report("breaks", best_breaks=best.value, bound=lower)
        if best.value > 2 * (lower + 2):
            # A first schedule far from the bound (forum-13crafb: 73 breaks, bound 3): a short
            # local search gives the lanes a better hint and the call a better fallback.
            best = self.lns(best, lower, _EARLY_LNS_SHARE, self.search_left())
        steps = 0
        self.stalled = False
        prebuilt = None
        while lower < best.value and self.search_work_left() > 0.05:
            if self.search_left() <= 0.05:
                # The guard, not the work budget, ends the search: the result now depends
                # on the machine's speed (``stats["clock_cut"]``).
                self.cut = True
                break
            steps += 1
            if lower >= 2 and prebuilt is None:
                # Lane 1's LP questions need the window-literal model: build it while the
                # first questions run in CP-SAT.
                prebuilt = prebuild(
                    self.problem,
                    self.inst,
                    self.hard_opts,
                    min_priority=self.best_priority,
                    fairness=not self.fairness_relaxed,
                )
            step = self.zero_step if lower == 0 else self.one_break_step
            if lower >= 2:
                step = self.hard_step
            best, lower, moved = step(best, lower, ranked)
            self.report("breaks", best_breaks=best.value, bound=lower)
            if not moved:
                self.stalled = True
                break
        self.stats["breaks_search_steps"] = float(steps)
        return best, lower

    def ask_lane(self, q: Question, cancel: Cancel) -> StageResult:
        # The wall clock is checked before every lane question: building a model alone takes
        # 0.1-0.5 s, and a question asked with no time left would overrun the limit.
        if self.search_left() <= 0.05:
            self.cut = True
            return StageResult({}, {}, 0, 0.0, False, "UNKNOWN", 0.0)
        return self.breaks(
            charge=False,
            options=q.options,
            time_limit=self.search_left(),
            max_dtime=q.max_dtime,
            max_breaks=q.budget,
            hint=q.hint,
            may_break=q.may_break,
            cancel=cancel,
        )

    def hard_step(
        self, best: StageResult, lower: int, ranked: list[str]
    ) -> tuple[StageResult, int, bool]:
        """Budgets of 2 and more: two lanes side by side (see lanes.py and levels.hard_level)."""
        outcome = run_lanes(
            lower,
            hard_level(lower, best, ranked, self.hard_opts),
            self.ask_lane,
            allowance=self.search_work_left() / 2,
        )
        self.charge(outcome.charged)
        moved = False
        if outcome.infeasible_upto >= lower:
            lower, moved = outcome.infeasible_upto + 1, True
        if outcome.found is not None and outcome.found.result.value < best.value:
            best, moved = outcome.found.result, True
        return best, lower, moved

    def one_break_step(
        self, best: StageResult, lower: int, ranked: list[str]
    ) -> tuple[StageResult, int, bool]:
        """A budget of one break: the full question and a group-testing sweep."""
        lanes, states = one_break_level(self.problem, self.inst, best)
        outcome = run_lanes(1, lanes, self.ask_lane, allowance=self.search_work_left() / 2)
        self.charge(outcome.charged)
        if outcome.found is not None:
            return outcome.found.result, lower, True
        if outcome.infeasible_upto >= 1 or (
            not outcome.lane1_discarded and all(st.finished and not st.undecided for st in states)
        ):
            return best, 2, True
        return best, lower, False

    def zero_step(
        self, best: StageResult, lower: int, ranked: list[str]
    ) -> tuple[StageResult, int, bool]:
        """No break at all: one question, hinted with the best schedule."""
        r = self.breaks(
            time_limit=self.search_left() * (0.7 if lower + 1 < best.value else 1.0),
            max_dtime=self.budget.total_work,
            max_breaks=lower,
            hint=best.slots,
        )
        if r.status == "INFEASIBLE":
            return best, lower + 1, True
        if r.found:
            return r, lower, True
        return best, lower, False

    def finish(
        self, best: StageResult, lower: int, start_from: Schedule | None
    ) -> tuple[StageResult, int]:
        """The search from below stopped short: improve the best schedule, then prove."""
        best = self.probe_above(best, lower)
        work = _TAIL_SHARE * self.budget.total_work
        if lower + 1 == best.value and self.left() > 0.05:
            # Only the proof is left and the lanes' caps ran out: the clause-learning search
            # without a hint, with all the time that is left.
            r = self.breaks(time_limit=self.left(), max_dtime=work, max_breaks=lower)
            if r.found:
                best = r
            elif r.status == "INFEASIBLE":
                lower += 1
        elif lower < best.value and self.left() > 0.05:
            best = self.improve(best, lower, start_from)
            r = self.breaks(
                time_limit=self.left(),
                max_dtime=work,
                min_breaks=lower,
                hint=best.slots,
                minimize=True,
            )
            if r.found and r.value < best.value:
                best = r
            if r.proven:
                lower = best.value
        return best, lower

    def probe_above(self, best: StageResult, lower: int) -> StageResult:
        """Schedules a little above the lower bound, widening the budget each time."""
        # After stalled lanes at k >= 2, k + 1 was asked already.
        budget = lower + 1 if self.stalled and lower >= 2 else lower
        while (
            lower < best.value
            and budget + 1 < best.value
            and self.search_work_left() > 0.05
            and not self.out_of_time(0.5 + _RESERVE_SHARE * self.budget.time_limit)
        ):
            # Questions with slack are easier.
            budget = budget + 1 if budget == lower else lower + 2 * (budget - lower)
            above = self.breaks(
                time_limit=0.5 * self.search_left(),
                max_dtime=PROBE_ABOVE_DT,
                max_breaks=min(budget, best.value - 1),
                hint=best.slots,
            )
            if above.found:
                self.report("breaks", best_breaks=above.value, bound=lower)
                return above
        return best

    def improve(self, best: StageResult, lower: int, start_from: Schedule | None) -> StageResult:
        """Bring the best schedule's breaks down (``incumbent.py``: annealing, break LNS)
        before the final minimisation: a search cut short may still hold its first schedule
        (forum-13crafb, seed 1: 73 breaks, never improved before)."""
        if start_from is not None:
            # The large-fair method's schedule (``solve`` started from it) is a candidate.
            other = large_fair_schedule(
                self.problem, 0.0, self.seed, self.best_priority, self.fairness_relaxed, start_from
            )
            if other is not None and other.value < best.value:
                best = other
        # Keep a little of the time for the minimisation that follows.
        return self.lns(best, lower, _LNS_SHARE, 0.8 * self.left())

    def lns(self, best: StageResult, lower: int, share: float, seconds: float) -> StageResult:
        """``share`` of the work budget (at most ``seconds``) of incumbent improvement."""
        spread = self.problem.fairness.max_break_spread if self.problem.fairness else None
        found = improve_incumbent(
            self.problem,
            best.slots,
            spread=None if self.fairness_relaxed else spread,
            lower=lower,
            work=min(share * self.budget.total_work, self.work_left()),
            seed=self.seed,
            deadline=time.monotonic() + seconds,
        )
        if found is None:
            return best
        self.cut = self.cut or found.cut
        self.stats["lns_steps"] = self.stats.get("lns_steps", 0.0) + found.steps
        self.stats["lns_work"] = round(self.stats.get("lns_work", 0.0) + found.work, 3)
        self.stats["work_dt"] = round(self.stats.get("work_dt", 0.0) + found.work, 3)
        self.charge(found.work)
        if found.breaks < best.value:
            self.report("breaks", best_breaks=found.breaks, bound=lower)
            return StageResult(
                found.slots, found.interpreters, found.breaks, 0.0, False, "FEASIBLE", 0.0
            )
        return best

    def with_tables(self, best: StageResult) -> Schedule:
        """Stage 3: concrete tables, then the public schedule."""
        t = time.monotonic()
        # The table polish is capped in deterministic time; the wall clock is only the guard,
        # and past the limit only the greedy seating is left (it takes milliseconds).
        guard = max(0.0, self.clock.start + self.budget.time_limit - time.monotonic())
        tables, self.proven["table_changes"] = assign_tables(
            self.problem, best.slots, time_limit=guard, seed=self.seed
        )
        self.stats["tables_seconds"] = time.monotonic() - t
        self.stats["total_seconds"] = self.clock.elapsed()
        self.stats["clock_cut"] = float(self.cut)
        return to_schedule(self.problem, best, tables, self.priority_bound, self.proven, self.stats)
