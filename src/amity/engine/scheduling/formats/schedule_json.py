"""Schedules as JSON: written by ``amity schedule``, read back by ``amity schedule --check``."""

from __future__ import annotations

import json
from typing import Any

from amity.engine.scheduling.formats.fields import as_list, as_object, as_str
from amity.engine.scheduling.model import (
    Assignment,
    Objective,
    ProblemError,
    Schedule,
    Unscheduled,
    UnscheduledReason,
)


def schedule_to_dict(schedule: Schedule) -> dict[str, Any]:
    o = schedule.objective
    return {
        "assignments": [
            {"meeting": a.meeting, "slot": a.slot, "table": a.table, "interpreter": a.interpreter}
            for a in schedule.assignments
        ],
        "unscheduled": [
            {"meeting": u.meeting, "reason": u.reason.value} for u in schedule.unscheduled
        ],
        "objective": {
            "priority": o.priority,
            "breaks": o.breaks,
            "break_spread": o.break_spread,
            "table_changes": o.table_changes,
        },
        "priority_upper_bound": schedule.priority_upper_bound,
        "proven_optimal": dict(schedule.proven_optimal),
        "stats": dict(schedule.stats),
    }


def schedule_to_json(schedule: Schedule) -> str:
    return json.dumps(schedule_to_dict(schedule), indent=2, ensure_ascii=False) + "\n"


def read_schedule_json(text: str) -> Schedule:
    """Read a schedule written by ``schedule_to_json`` (for ``amity schedule --check``)."""
    try:
        data = as_object(json.loads(text), "schedule")
        assignments = []
        for n, raw in enumerate(as_list(data.get("assignments"), "assignments")):
            raw = as_object(raw, f"assignments[{n}]")
            interp = raw.get("interpreter")
            assignments.append(
                Assignment(
                    meeting=as_str(raw.get("meeting"), f"assignments[{n}].meeting"),
                    slot=as_str(raw.get("slot"), f"assignments[{n}].slot"),
                    table=as_str(raw.get("table"), f"assignments[{n}].table"),
                    interpreter=None if interp is None else as_str(interp, f"assignments[{n}]"),
                )
            )
        unscheduled = []
        for n, raw in enumerate(as_list(data.get("unscheduled", []), "unscheduled")):
            raw = as_object(raw, f"unscheduled[{n}]")
            try:
                reason = UnscheduledReason(raw.get("reason"))
            except ValueError:
                raise ProblemError(f"unscheduled[{n}].reason: unknown reason") from None
            unscheduled.append(
                Unscheduled(meeting=as_str(raw.get("meeting"), f"unscheduled[{n}]"), reason=reason)
            )
        o = as_object(data.get("objective", {}), "objective")
        objective = Objective(
            priority=int(o.get("priority", 0)),
            breaks=int(o.get("breaks", 0)),
            break_spread=int(o.get("break_spread", 0)),
            table_changes=int(o.get("table_changes", 0)),
        )
        return Schedule(
            assignments=assignments,
            unscheduled=unscheduled,
            objective=objective,
            priority_upper_bound=float(data.get("priority_upper_bound", 0.0)),
            proven_optimal={k: bool(x) for k, x in data.get("proven_optimal", {}).items()},
            stats={k: float(x) for k, x in data.get("stats", {}).items()},
        )
    except json.JSONDecodeError as exc:
        raise ProblemError(f"schedule: malformed JSON: {exc.msg} at line {exc.lineno}") from None
    except (TypeError, ValueError, AttributeError) as exc:
        if isinstance(exc, ProblemError):
            raise
        raise ProblemError(f"schedule: malformed value ({exc})") from None
