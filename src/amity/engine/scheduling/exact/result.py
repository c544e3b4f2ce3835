"""Between the exact path's answers and the public types: a ``StageResult`` from a finished
schedule, the final ``Schedule`` from the best answer and its tables, and why none exists."""

from __future__ import annotations

from amity.engine.scheduling.exact.cpsat_model import Instance
from amity.engine.scheduling.exact.stage import StageResult
from amity.engine.scheduling.model import (
    Assignment,
    InfeasibleProblem,
    OutOfTime,
    Problem,
    Schedule,
)
from amity.engine.scheduling.objective import compute_objective, explain_unscheduled


def infeasible_reason(problem: Problem, inst: Instance) -> str:
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


def as_stage_result(schedule: Schedule, value: int, proven: bool = False) -> StageResult:
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


def large_fair_schedule(
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
    return as_stage_result(schedule, schedule.objective.breaks)


def to_schedule(
    problem: Problem,
    best: StageResult,
    tables: dict[str, str],
    priority_bound: float,
    proven: dict[str, bool],
    stats: dict[str, float],
) -> Schedule:
    """The public schedule of the best answer, seated at ``tables``."""
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
        priority_upper_bound=max(priority_bound, float(objective.priority)),
        proven_optimal=proven,
        stats=stats,
    )
