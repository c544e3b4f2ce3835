"""The exact path: priority, then breaks, then table changes, each stage fixing the previous.

Breaks are minimised by a linear search from below — "is there a schedule with at most k
breaks?" for k from the number of participants who must break upwards — because on the JAIR
instances a CP-SAT feasibility question with a tight break budget propagates far better than an
optimisation run: the first k that is feasible is optimal, and every infeasible k is a proven
lower bound. From k = 1 on, each budget is settled by two lanes of questions side by side
(``lanes.py``): at k = 1 the full question and a group-testing sweep; at k >= 2 a guess, a
short try and the hint-free proof in one lane, a schedule one break above and the LP proof in
the other. Every question is capped in deterministic time, so the answer does not depend on
the machine's load. A first schedule far above the bound is improved by break LNS
(``break_lns.py``) before the lanes start; should the search not finish, the remaining time
goes to schedules a little above the bound, more break LNS and an ordinary minimisation from
the best schedule. Budgets come from one ``Budget`` (``budget.py``): deterministic work caps,
the wall clock only as the guard.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from amity.engine.scheduling.budget import Budget, Clock
from amity.engine.scheduling.exact.break_lns import improve_breaks
from amity.engine.scheduling.exact.cpsat_model import ExactOptions, Instance, break_free_windows
from amity.engine.scheduling.exact.lanes import CANCELLED, Lane, Question, run_lanes
from amity.engine.scheduling.exact.stage import Cancel, StageResult, prebuild, solve_stage
from amity.engine.scheduling.exact.tables import assign_tables
from amity.engine.scheduling.large.greedy import schedule_priority_greedy
from amity.engine.scheduling.model import (
    Assignment,
    InfeasibleProblem,
    OutOfTime,
    Problem,
    Progress,
    ProgressCallback,
    Schedule,
)
from amity.engine.scheduling.objective import compute_objective, explain_unscheduled

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
# Caps of the questions at budgets of 2 and more, in CP-SAT's deterministic time ("dt"; with
# the pure clause-learning search about 0.6 s of this machine's wall clock per dt, with the LP
# about 2 s), so that the same input gives the same answer however busy the machine is. Each
# is set above the longest successful answer measured on the JAIR instances (in brackets),
# see docs/algorithms/scheduling.md, "Design notes" (hard budgets).
#   lane 0 (prove the budget): the likeliest-breakers guess at the budget (10 candidates per
#   break; ticf-13crafb's 3-break schedule [5.5 dt]), a short hinted try [1.2 dt], then the
#   hint-free clause-learning search (forum-13crafb's bound 6 [7.6 dt]);
#   lane 1 (find one above): the guess one above with 2.5 candidates per break (forum-13crafb's
#   6-break schedule [9.6 dt]), a quick hinted look one break above [0.1 dt], a longer one,
#   then the LP over window literals at the budget (tic-13crafc's bound 4 [3.2 dt]).
_BREAKERS = 10
# The guess at the bound is skipped when it would let more than this share of the possible
# breakers break: it then restricts little and is nearly the full question (forum-13crafb at
# 5 breaks: 50 of 56, 4 s for nothing; where it decides, 20-30 of 56-72).
_GUESS_SHARE = 2 / 3
_BREAKERS_DT = 8.0
_SHORT_DT = 1.25
_PROOF_DT = 0.5
_FREE_PROOF_DT = 12.0
_QUICK_DT = 0.25
_BREAKERS_ABOVE = 2.5
_BREAKERS_ABOVE_DT = 14.0
_PROBE_ABOVE_DT = 3.0
_LP_DT = 6.0
# Time for the full one-break question before sweeping participant by participant, and the
# sweep's group size and limits per group and per single participant (dt).
_FIRST_DT = 2.3
_SINGLES = 12
_GROUP = 6
_GROUP_DT = 2.3
_SINGLE_DT = 6.0


def _infeasible_reason(problem: Problem, inst: Instance) -> str:
    for m in problem.meetings:
        if m.required and not inst.cands[m.id]:
            return (
                f"required meeting {m.id} has no slot where all its participants are available"
                " (with its session, fixed slot, home tables and interpreters)"
            )
    return (
        "the required meetings cannot all be scheduled together: participants' slots, tables"
        " or interpreters run out"
    )


@dataclass
class _SweepState:
    """How one lane's share of the one-break sweep ended."""

    finished: bool = False
    undecided: bool = False


def _one_break_level(
    problem: Problem, inst: Instance, best: StageResult
) -> tuple[list[Lane], list[_SweepState]]:
    """The two lanes for "one break in all?": the full question, then group testing.

    With a budget of one break exactly one participant breaks, so the question splits into
    "may one of the participants in G break?" for groups G covering everybody. Each is nearly
    as easy as the zero-break question, which is fast: an infeasible group is ruled out in
    one solve, a group that times out is split. All groups infeasible proves the budget
    infeasible. Measured on forum-13crafc: the full question was still open after 60 s, the
    sweep answers it in a few seconds. Lane 0 first asks the full question (``phase1``: it
    settles the easy instances), the groups are dealt to the two lanes alternately.
    """
    candidates = [p.id for p in problem.participants if len(inst.by_person[p.id]) >= 2]
    # Busy participants are the likeliest to need the break.
    candidates.sort(key=lambda pid: -len(inst.by_person[pid]))
    # The busiest participants one by one (a feasible group can be much harder to solve than
    # its breaker alone), the others in groups; then undecided singles again, for longer.
    groups = [[pid] for pid in candidates[:_SINGLES]]
    rest = candidates[_SINGLES:]
    groups += [rest[i : i + _GROUP] for i in range(0, len(rest), _GROUP)]
    states = [_SweepState(), _SweepState()]

    def sweep(share: list[list[str]], state: _SweepState) -> Lane:
        queue = [(g, _GROUP_DT) for g in share]
        retry: list[str] = []
        while queue or retry:
            if not queue:
                queue = [([pid], _SINGLE_DT) for pid in retry]
                retry = []
            group, limit = queue.pop(0)
            r = yield Question(1, limit, best.slots, frozenset(group))
            if r.found or r.status == CANCELLED:
                return
            if r.status == "UNKNOWN":
                if len(group) > 1:
                    queue.extend(([pid], _GROUP_DT) for pid in group)
                elif limit < _SINGLE_DT:
                    retry.append(group[0])
                else:
                    state.undecided = True
        state.finished = True

    def full_then_sweep() -> Lane:
        r = yield Question(1, _FIRST_DT, best.slots, phase1=True)
        if r.status == "UNKNOWN":
            yield from sweep(groups[0::2], states[0])

    return [full_then_sweep(), sweep(groups[1::2], states[1])], states


def _as_result(schedule: Schedule, value: int, proven: bool = False) -> StageResult:
    """A finished schedule in the form of a stage's answer (``value``: priority or breaks)."""
    return StageResult(
        slots={a.meeting: a.slot for a in schedule.assignments},
        interpreters={a.meeting: a.interpreter for a in schedule.assignments},
        value=value,
        bound=float(value) if proven else 0.0,
        proven=proven,
        status="OPTIMAL" if proven else "FEASIBLE",
        seconds=0.0,
    )


def _large_fair_schedule(
    problem: Problem,
    time_limit: float,
    seed: int,
    priority: int,
    fairness_relaxed: bool,
    known: Schedule | None = None,
) -> StageResult | None:
    """The large-fair method's schedule as a break-search result, if it is as good in priority
    and keeps the fairness bound (unless the exact path had to relax it too). ``known``: its
    schedule when the caller already has it (``solve`` started from it), not computed again."""
    from amity.engine.scheduling.large.search import solve_large

    try:
        schedule = known or solve_large(problem, time_limit=time_limit, seed=seed)
    except (InfeasibleProblem, OutOfTime):
        return None
    relaxed = bool(schedule.stats.get("fairness_relaxed", 0.0))
    if schedule.objective.priority < priority or (relaxed and not fairness_relaxed):
        return None
    return _as_result(schedule, schedule.objective.breaks)


def _hard_level(
    level: int, best: StageResult, ranked: list[str], hard_opts: ExactOptions
) -> list[Lane]:
    """The two lanes at a lower bound ``level`` >= 2 (constants and measurements above).

    Lane 0 settles the level: a guess and a short hinted try first (``phase1``: a level they
    settle is easy, and lane 1's work is then dropped), then the hint-free clause-learning
    search. Lane 1 looks for a schedule one break above (unless one is known) and then asks
    the level again with the LP, hinted with the best schedule it knows: the two proofs
    complement each other (forum-13crafb's bound 6 needs the first, tic-13crafc's bound 4 the
    second).
    """
    only_proof = level + 1 >= best.value
    may_guess = not only_proof and _BREAKERS * level <= _GUESS_SHARE * len(ranked)

    def prove() -> Lane:
        if may_guess:
            r = yield Question(
                level, _BREAKERS_DT, None, frozenset(ranked[: _BREAKERS * level]), phase1=True
            )
            if r.found:
                return
        r = yield Question(level, _PROOF_DT if only_proof else _SHORT_DT, best.slots, phase1=True)
        if r.status == "UNKNOWN":
            yield Question(level, _FREE_PROOF_DT)

    def find() -> Lane:
        hint, value = best.slots, best.value
        size = int(_BREAKERS_ABOVE * (level + 1))
        if level + 1 < value and size < len(ranked):
            # No hint: the best schedule's breakers are mostly not among the candidates (a
            # hint slowed ticf-13crafb's guess from 3.4 s to over 4 s). First: it is what
            # takes longest where it is needed (forum-13crafb), and where it is not it is
            # answered at once (tic-13crafc: infeasible in 0.0 dt).
            r = yield Question(level + 1, _BREAKERS_ABOVE_DT, None, frozenset(ranked[:size]))
            if r.found:
                hint, value = r.slots, r.value
        if level + 1 < value:
            r = yield Question(level + 1, _QUICK_DT, hint)
            if r.status == "INFEASIBLE":
                return
            if r.found:
                hint, value = r.slots, r.value
        if level + 1 < value:
            r = yield Question(level + 1, _PROBE_ABOVE_DT, hint)
            if r.found:
                hint, value = r.slots, r.value
        yield Question(level, _LP_DT, hint, options=hard_opts)

    return [prove(), find()]


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

    # ------------------------------------------------------------------ helpers
    def left(self) -> float:
        return self.clock.left(self.table_time)

    def search_left(self) -> float:
        # The search from below stops early enough to leave time for improving the best
        # schedule should it not finish.
        return max(0.0, self.left() - _RESERVE_SHARE * self.budget.time_limit)

    def report(self, phase: str, **values: float | int | None) -> None:
        if self.progress is not None:
            self.progress(Progress(phase=phase, elapsed=self.clock.elapsed(), **values))

    def ask(self, stage: str, options: ExactOptions | None = None, **kwargs: object) -> StageResult:
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
            r = _as_result(given, given.objective.priority, proven=True)
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
            raise InfeasibleProblem(_infeasible_reason(problem, self.inst))
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
            raise InfeasibleProblem(_infeasible_reason(self.problem, self.inst))
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
        while lower < best.value and self.search_left() > 0.05:
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
        return self.breaks(
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
        """Budgets of 2 and more: two lanes side by side (see lanes.py and _hard_level)."""
        outcome = run_lanes(lower, _hard_level(lower, best, ranked, self.hard_opts), self.ask_lane)
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
        lanes, states = _one_break_level(self.problem, self.inst, best)
        outcome = run_lanes(1, lanes, self.ask_lane)
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
        while lower < best.value and budget + 1 < best.value and self.search_left() > 0.5:
            # Questions with slack are easier.
            budget = budget + 1 if budget == lower else lower + 2 * (budget - lower)
            above = self.breaks(
                time_limit=0.5 * self.search_left(),
                max_dtime=_PROBE_ABOVE_DT,
                max_breaks=min(budget, best.value - 1),
                hint=best.slots,
            )
            if above.found:
                self.report("breaks", best_breaks=above.value, bound=lower)
                return above
        return best

    def improve(self, best: StageResult, lower: int, start_from: Schedule | None) -> StageResult:
        """Bring the best schedule's breaks down by large-neighbourhood search (``break_lns``)
        before the final minimisation: a search cut short may still hold its first schedule
        (forum-13crafb, seed 1: 73 breaks, never improved before)."""
        if start_from is not None:
            # The large-fair method's schedule (``solve`` started from it) is a candidate.
            other = _large_fair_schedule(
                self.problem, 0.0, self.seed, self.best_priority, self.fairness_relaxed, start_from
            )
            if other is not None and other.value < best.value:
                best = other
        # Keep a little of the time for the minimisation that follows.
        return self.lns(best, lower, _LNS_SHARE, 0.8 * self.left())

    def lns(self, best: StageResult, lower: int, share: float, seconds: float) -> StageResult:
        """``share`` of the work budget (at most ``seconds``) of break LNS from ``best``."""
        spread = self.problem.fairness.max_break_spread if self.problem.fairness else None
        found = improve_breaks(
            self.problem,
            best.slots,
            spread=None if self.fairness_relaxed else spread,
            lower=lower,
            work=share * self.budget.total_work,
            seed=self.seed,
            deadline=time.monotonic() + seconds,
        )
        if found is None:
            return best
        self.stats["lns_steps"] = self.stats.get("lns_steps", 0.0) + found.steps
        self.stats["lns_work"] = round(self.stats.get("lns_work", 0.0) + found.work, 3)
        if found.breaks < best.value:
            self.report("breaks", best_breaks=found.breaks, bound=lower)
            return StageResult(
                found.slots, found.interpreters, found.breaks, 0.0, False, "FEASIBLE", 0.0
            )
        return best

    def with_tables(self, best: StageResult) -> Schedule:
        """Stage 3: concrete tables, then the public schedule."""
        problem = self.problem
        t = time.monotonic()
        # The table polish is capped in deterministic time; the wall clock is only the guard,
        # and past the limit only the greedy seating is left (it takes milliseconds).
        guard = max(0.0, self.clock.start + self.budget.time_limit - time.monotonic())
        tables, self.proven["table_changes"] = assign_tables(
            problem, best.slots, time_limit=guard, seed=self.seed
        )
        self.stats["tables_seconds"] = time.monotonic() - t
        self.stats["total_seconds"] = self.clock.elapsed()
        self.stats["clock_cut"] = float(self.cut)
        assignments = [
            Assignment(
                meeting=m.id,
                slot=best.slots[m.id],
                table=tables[m.id],
                interpreter=best.interpreters.get(m.id),
            )
            for m in problem.meetings
            if m.id in best.slots
        ]
        objective = compute_objective(problem, assignments)
        return Schedule(
            assignments=assignments,
            unscheduled=explain_unscheduled(problem, assignments),
            objective=objective,
            priority_upper_bound=max(self.priority_bound, float(objective.priority)),
            proven_optimal=self.proven,
            stats=self.stats,
        )
