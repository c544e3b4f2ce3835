"""The exact path: priority, then breaks, then table changes, each stage fixing the previous.

Breaks are minimised by a linear search from below — "is there a schedule with at most k
breaks?" for k = 0, 1, 2, … — because on the JAIR instances a CP-SAT feasibility question with
a tight break budget propagates far better than an optimisation run: the first k that is
feasible is optimal, and every infeasible k is a proven lower bound. Hard budgets (k >= 2) get
primal guesses (only the likeliest breakers may break) beside short proofs, then (when the
schedule one above came from a guess) a hint-free proof, then the LP over window literals.
Should the search not finish, the remaining time goes to schedules a little above the bound and
an ordinary minimisation from the best schedule.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from amity.engine.scheduling.exact import ExactOptions, Instance, break_free_windows
from amity.engine.scheduling.model import (
    Assignment,
    InfeasibleProblem,
    Problem,
    Progress,
    ProgressCallback,
    Schedule,
)
from amity.engine.scheduling.objective import compute_objective, explain_unscheduled
from amity.engine.scheduling.stage import StageResult, solve_stage
from amity.engine.scheduling.tables import assign_tables

# Share of the time limit kept for stage 3 (tables), capped: tables never decide quality.
_TABLE_SHARE = 0.1
_TABLE_CAP = 1.0
# Share of the time limit kept for improving the best schedule when the search from below
# does not finish (without it a cut-off run could return its very first schedule).
_RESERVE_SHARE = 0.15
# Budgets of 2 and more (times in seconds, see docs/algorithms/scheduling.md, "Hard bounds"):
# a quick look one break above; the likeliest-breakers guess (10 candidates per break at the
# bound, 2.5 per break one above, the latter with twice the time); a short try of the full
# question (shorter when only the proof is left); a schedule one break above; the question
# again with the LP over window literals.
_QUICK_PROBE = 0.5
_BREAKERS = 10
# The guess at the bound is skipped when it would let more than this share of the possible
# breakers break: it then restricts little and is nearly the full question (forum-13crafb at
# 5 breaks: 50 of 56, 4 s for nothing; where it decides, 20-30 of 56-72).
_GUESS_SHARE = 2 / 3
_BREAKERS_TRY = 4.0
_BREAKERS_ABOVE = 2.5
_SHORT_TRY = 2.0
_PROOF_TRY = 0.5
_PROBE_ABOVE = 3.0
_LP_TRY = 8.0
# The hint-free proof tried before the LP when the schedule one break above came late (see
# the search loop).
_FREE_PROOF_TRY = 6.0
# Time for the full one-break question before sweeping participant by participant, and the
# sweep's group size and time limits per group and per single participant.
_FIRST_TRY = 1.5
_SINGLES = 12
_GROUP = 6
_GROUP_TRY = 1.5
_SINGLE_TRY = 4.0


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


def _sweep_single_breaker(
    problem: Problem,
    inst: Instance,
    run: Callable[..., StageResult],
    left: Callable[[], float],
    min_priority: int,
    fairness: bool,
    hint: dict[str, str],
) -> StageResult:
    """Answer "one break in all?" by group testing over participants.

    With a budget of one break exactly one participant breaks, so the question splits into
    "may one of the participants in G break?" for groups G covering everybody. Each is nearly
    as easy as the zero-break question, which is fast: an infeasible group is ruled out in
    one solve, a group that times out is split in two. All groups infeasible proves the
    budget infeasible. Measured on forum-13crafc: the full question was still open after
    60 s, the sweep answers it in a few seconds.
    """
    candidates = [p.id for p in problem.participants if len(inst.by_person[p.id]) >= 2]
    # Busy participants are the likeliest to need the break.
    candidates.sort(key=lambda pid: -len(inst.by_person[pid]))
    # The busiest participants one by one (a feasible group can be much harder to solve than
    # its breaker alone), the others in groups; then undecided singles again, for longer.
    queue: list[tuple[list[str], float]] = [([pid], _GROUP_TRY) for pid in candidates[:_SINGLES]]
    rest = candidates[_SINGLES:]
    queue += [(rest[i : i + _GROUP], _GROUP_TRY) for i in range(0, len(rest), _GROUP)]
    retry: list[str] = []
    undecided = False
    while queue or retry:
        if not queue:
            queue = [([pid], _SINGLE_TRY) for pid in retry]
            retry = []
        group, limit = queue.pop(0)
        if left() <= 0.05:
            return StageResult({}, {}, 0, 0.0, False, "UNKNOWN", 0.0)
        r = run(
            "breaks",
            time_limit=min(limit, left()),
            min_priority=min_priority,
            max_breaks=1,
            minimize=False,
            fairness=fairness,
            may_break=set(group),
            hint=hint,
        )
        if r.found:
            return r
        if r.status == "UNKNOWN":
            if len(group) > 1:
                queue.extend((group[i : i + 1], _GROUP_TRY) for i in range(len(group)))
            elif limit < _SINGLE_TRY:
                retry.append(group[0])
            else:
                undecided = True
    status = "UNKNOWN" if undecided else "INFEASIBLE"
    return StageResult({}, {}, 0, 0.0, not undecided, status, 0.0)


def solve_exact(
    problem: Problem,
    *,
    time_limit: float = 30.0,
    seed: int = 0,
    progress: ProgressCallback | None = None,
    opts: ExactOptions | None = None,
) -> Schedule:
    """Solve ``problem`` lexicographically with CP-SAT; see the module docstring."""
    opts = opts or ExactOptions()
    start = time.monotonic()
    deadline = start + time_limit
    table_time = min(_TABLE_CAP, _TABLE_SHARE * time_limit)
    stats: dict[str, float] = {}
    proven: dict[str, bool] = {}
    inst = Instance(problem)

    def left() -> float:
        return max(0.0, deadline - table_time - time.monotonic())

    def search_left() -> float:
        # The search from below stops early enough to leave time for improving the best
        # schedule should it not finish.
        return max(0.0, left() - _RESERVE_SHARE * time_limit)

    def report(phase: str, **values: float | int | None) -> None:
        if progress is not None:
            progress(Progress(phase=phase, elapsed=time.monotonic() - start, **values))

    def run(stage: str, options: ExactOptions | None = None, **kwargs: object) -> StageResult:
        return solve_stage(
            problem, stage, seed=seed, opts=options or opts, inst=inst, progress=progress, **kwargs
        )

    # Budgets of 2 and more are where proofs get hard: there window literals and the LP
    # (linearization level 2) prune far more than they cost (see ExactOptions.windows).
    hard_opts = replace(opts, windows=True, linearization_level=2)

    # Stage 1: priority. When every meeting is required the answer is known (all of them);
    # only feasibility remains, which stage 2 settles.
    total_priority = sum(m.priority for m in problem.meetings)
    incumbent: StageResult | None = None
    if all(m.required for m in problem.meetings):
        best_priority, priority_bound = total_priority, float(total_priority)
        proven["priority"] = True
    else:
        t = time.monotonic()
        r = run("priority", time_limit=0.4 * left())
        stats["priority_seconds"] = time.monotonic() - t
        if r.status == "INFEASIBLE":
            raise InfeasibleProblem(_infeasible_reason(problem, inst))
        if not r.found:
            raise InfeasibleProblem("no schedule found within the time limit")
        best_priority, priority_bound = r.value, min(r.bound, float(total_priority))
        proven["priority"] = r.proven
        incumbent = r
        report("priority", best_priority=best_priority, bound=priority_bound)

    # Stage 2: a first schedule that honours the fairness bound (or proof there is none).
    t = time.monotonic()
    fairness_relaxed = False
    first = run(
        "breaks",
        time_limit=0.25 * left(),
        min_priority=best_priority,
        minimize=False,
        hint=incumbent.slots if incumbent else None,
    )
    if first.status == "INFEASIBLE" and problem.fairness is not None:
        fairness_relaxed = True
        first = run(
            "breaks",
            time_limit=0.25 * left(),
            min_priority=best_priority,
            minimize=False,
            fairness=False,
            hint=incumbent.slots if incumbent else None,
        )
    if first.status == "INFEASIBLE":
        raise InfeasibleProblem(_infeasible_reason(problem, inst))
    if not first.found:
        raise InfeasibleProblem("no schedule found within the time limit")
    best = first
    lower = 0
    report("breaks", best_breaks=best.value, bound=lower)

    # Linear search from below.
    ranked = sorted(
        (p.id for p in problem.participants if len(inst.by_person[p.id]) >= 2),
        key=lambda pid: (break_free_windows(inst, pid), -len(inst.by_person[pid])),
    )
    steps = 0
    probed = False
    # Set when the schedule one break above the bound was found only after the short try
    # at the bound, so the short try was hinted with a schedule far above the budget.
    late_above = False
    while lower < best.value and search_left() > 0.05:
        steps += 1

        def ask(
            budget: int,
            limit: float,
            hint: dict[str, str],
            may: set[str] | None = None,
            options: ExactOptions | None = None,
        ) -> StageResult:
            return run(
                "breaks",
                options,
                time_limit=limit,
                min_priority=best_priority,
                max_breaks=budget,
                minimize=False,
                fairness=not fairness_relaxed,
                hint=hint,
                may_break=may,
            )

        if lower >= 2 and lower + 1 < best.value and not probed:
            # A quick look one break above: when that is easy (tic-13crafc: 0.2 s) only the
            # proof is left and the primal heuristic below is skipped.
            above = ask(lower + 1, min(search_left(), _QUICK_PROBE), best.slots)
            if above.found:
                best = above
                report("breaks", best_breaks=best.value, bound=lower)
        limit = search_left() * (0.7 if lower + 1 < best.value else 1.0)
        if lower == 1:
            limit = min(limit, _FIRST_TRY)
        elif lower >= 2 and not probed:
            # First a short try: a hard question is put aside until a schedule one break
            # above is known (a time-out still leaves a near-optimal schedule) and is then
            # asked again with the LP (below).
            # Shorter when only the proof is left: nothing else waits on it.
            limit = min(limit, _SHORT_TRY if lower + 1 < best.value else _PROOF_TRY)
        if (
            lower >= 2
            and lower + 1 < best.value
            and not probed
            and _BREAKERS * lower <= _GUESS_SHARE * len(ranked)
        ):
            # Primal heuristic: let only the likeliest breakers break (fewest break-free
            # windows first). A schedule when it succeeds; no proof when it fails. Most
            # participants then cannot break, which propagates strongly: ticf-13crafb's
            # 3-break schedule takes 3.4 s this way and 8 s or more without.
            # No hint: the best schedule's breakers are mostly not among the candidates, and
            # measured, the hint slowed this question from 3.4 s to over 4 s.
            guess = ask(
                lower,
                min(search_left(), _BREAKERS_TRY),
                {},
                set(ranked[: _BREAKERS * lower]),
            )
            if guess.found:
                best = guess
                report("breaks", best_breaks=best.value, bound=lower)
                continue
        if late_above and lower + 1 == best.value:
            # Only the proof is left and it has not yet been tried with a hint near the
            # budget: the hint-free clause-learning search first, which proves forum-13crafb's
            # bound 6 in 4.5 s where the LP below did not in 8 s. (Where the short try was
            # already a proof try, tic-13crafc, it is the LP that proves.)
            late_above = False
            r = ask(lower, min(search_left(), _FREE_PROOF_TRY), {})
            if r.status == "INFEASIBLE":
                lower += 1
                probed = False
                report("breaks", best_breaks=best.value, bound=lower)
                continue
            if r.found:
                best = r
                report("breaks", best_breaks=best.value, bound=lower)
                continue
        # A question that outlasted its short try is asked again with the LP over window
        # literals: slower on easy questions (ticf-13crafb's bound: 2.8 s -> 9 s), far faster
        # on the hardest proof (tic-13crafc's bound 4: 12 s -> 5 s).
        r = ask(
            lower,
            min(limit, search_left(), _LP_TRY if lower >= 2 and probed else limit),
            best.slots,
            options=hard_opts if lower >= 2 and probed else None,
        )
        if r.status == "UNKNOWN" and lower == 1:
            r = _sweep_single_breaker(
                problem, inst, run, search_left, best_priority, not fairness_relaxed, best.slots
            )
        if r.status == "UNKNOWN" and lower >= 2 and not probed:
            probed = True
            size = int(_BREAKERS_ABOVE * (lower + 1))
            if lower + 1 < best.value and size < len(ranked):
                # The same guess one break above, with fewer candidates: forum-13crafb's
                # 6-break schedule takes 5.3 s with its 15 likeliest breakers, while with 25
                # or with everybody it is not found in 10 s (and 10 is infeasible).
                guess = ask(
                    lower + 1, min(search_left(), 2 * _BREAKERS_TRY), {}, set(ranked[:size])
                )
                if guess.found:
                    best = guess
                    late_above = True
                    report("breaks", best_breaks=best.value, bound=lower)
            if lower + 1 < best.value:
                above = ask(lower + 1, min(search_left(), _PROBE_ABOVE), best.slots)
                if above.found:
                    best = above
                    late_above = True
                    report("breaks", best_breaks=best.value, bound=lower)
            continue
        if r.status == "INFEASIBLE":
            lower += 1
            probed = False
            late_above = False
            report("breaks", best_breaks=best.value, bound=lower)
        elif r.found:
            best = r
            report("breaks", best_breaks=best.value, bound=lower)
        else:
            break
    budget = lower + 1 if probed else lower
    while lower < best.value and budget + 1 < best.value and search_left() > 0.5:
        # A step ran out of time: look for a schedule a little above the lower bound,
        # widening the budget each time (questions with slack are easier).
        budget = budget + 1 if budget == lower else lower + 2 * (budget - lower)
        above = run(
            "breaks",
            time_limit=min(0.5 * search_left(), _PROBE_ABOVE),
            min_priority=best_priority,
            max_breaks=min(budget, best.value - 1),
            minimize=False,
            fairness=not fairness_relaxed,
            hint=best.slots,
        )
        if above.found:
            best = above
            report("breaks", best_breaks=best.value, bound=lower)
            break
    if lower + 1 == best.value and left() > 0.05:
        # Only the proof is left: the clause-learning search without a hint, which proves
        # forum-13crafb's bound 6 in 4.4 s where the hinted short try and the LP did not.
        r = run(
            "breaks",
            time_limit=left(),
            min_priority=best_priority,
            max_breaks=lower,
            minimize=False,
            fairness=not fairness_relaxed,
        )
        if r.found:
            best = r
        elif r.status == "INFEASIBLE":
            lower += 1
    elif lower < best.value and left() > 0.05:
        # Then minimise from the best schedule with what is left.
        r = run(
            "breaks",
            time_limit=left(),
            min_priority=best_priority,
            min_breaks=lower,
            fairness=not fairness_relaxed,
            hint=best.slots,
        )
        if r.found and r.value < best.value:
            best = r
        if r.proven:
            lower = best.value
    proven["breaks"] = lower >= best.value
    stats["breaks_seconds"] = time.monotonic() - t
    stats["breaks_lower_bound"] = float(lower)
    stats["breaks_search_steps"] = float(steps)
    stats["fairness_relaxed"] = float(fairness_relaxed)

    # Stage 3: concrete tables.
    t = time.monotonic()
    remaining = max(0.0, deadline - time.monotonic())
    tables, proven["table_changes"] = assign_tables(
        problem, best.slots, time_limit=min(remaining, table_time), seed=seed
    )
    stats["tables_seconds"] = time.monotonic() - t
    stats["total_seconds"] = time.monotonic() - start

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
    if objective.priority > priority_bound:
        priority_bound = float(objective.priority)
    return Schedule(
        assignments=assignments,
        unscheduled=explain_unscheduled(problem, assignments),
        objective=objective,
        priority_upper_bound=priority_bound,
        proven_optimal=proven,
        stats=stats,
    )
