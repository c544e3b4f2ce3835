"""Reading problems (Amity JSON; ``.dzn`` via ``dzn.py``) and reading/writing schedules.

Every malformed input raises ``ProblemError`` with a one-line message that names the field
and the id, so the CLI can print it and exit with code 2.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from amity.engine.scheduling.checks import check_fixed_slots
from amity.engine.scheduling.dzn import read_problem_dzn
from amity.engine.scheduling.model import (
    Assignment,
    Fairness,
    Interpreter,
    Meeting,
    Objective,
    Participant,
    Problem,
    ProblemError,
    Schedule,
    Slot,
    Table,
    Unscheduled,
    UnscheduledReason,
)

# ---------------------------------------------------------------- JSON problem


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProblemError(f"{where}: expected an object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ProblemError(f"{where}: expected a list")
    return value


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise ProblemError(f"{where}: expected a non-empty string")
    return value


def _int(value: Any, where: str, minimum: int = 0) -> int:
    # bool is an int in Python; "true" is never a sensible count.
    if not isinstance(value, int) or isinstance(value, bool):
        raise ProblemError(f"{where}: expected an integer")
    if value < minimum:
        raise ProblemError(f"{where}: must be at least {minimum}, got {value}")
    return value


def _ids(items: list[dict[str, Any]], section: str) -> list[str]:
    ids = [_str(item.get("id"), f"{section}[{n}].id") for n, item in enumerate(items)]
    for value, count in Counter(ids).items():
        if count > 1:
            raise ProblemError(f"{section}.id: duplicate id {value}")
    return ids


def _slot_set(value: Any, where: str, known: set[str]) -> frozenset[str] | None:
    if value is None:
        return None
    result = []
    for n, sid in enumerate(_list(value, where)):
        sid = _str(sid, f"{where}[{n}]")
        if sid not in known:
            raise ProblemError(f"{where}: unknown slot {sid}")
        result.append(sid)
    return frozenset(result)


def _languages(value: Any, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    return frozenset(_str(x, f"{where}[{n}]") for n, x in enumerate(_list(value, where)))


def problem_from_dict(data: Any) -> Problem:
    """Build a ``Problem`` from parsed JSON, checking every id and value."""
    data = _obj(data, "problem")
    raw_slots = [_obj(x, f"slots[{n}]") for n, x in enumerate(_list(data.get("slots"), "slots"))]
    slot_ids = _ids(raw_slots, "slots")
    slots = []
    for sid, raw in zip(slot_ids, raw_slots, strict=True):
        session = raw.get("session")
        minutes = raw.get("minutes")
        slots.append(
            Slot(
                id=sid,
                block=_str(raw.get("block", "all"), f"slots.block (slot {sid})"),
                session=None if session is None else _str(session, f"slots.session (slot {sid})"),
                start=raw.get("start") if isinstance(raw.get("start"), str) else None,
                minutes=None if minutes is None else _int(minutes, f"slots.minutes (slot {sid})"),
            )
        )
    known_slots = set(slot_ids)

    raw_tables = [
        _obj(x, f"tables[{n}]") for n, x in enumerate(_list(data.get("tables"), "tables"))
    ]
    tables = tuple(Table(id=tid) for tid in _ids(raw_tables, "tables"))
    table_ids = {t.id for t in tables}

    raw_people = [
        _obj(x, f"participants[{n}]")
        for n, x in enumerate(_list(data.get("participants"), "participants"))
    ]
    people = []
    for pid, raw in zip(_ids(raw_people, "participants"), raw_people, strict=True):
        home = raw.get("home_table")
        if home is not None and home not in table_ids:
            raise ProblemError(f"participants.home_table (participant {pid}): unknown table {home}")
        mx = raw.get("max_meetings")
        people.append(
            Participant(
                id=pid,
                languages=_languages(raw.get("languages"), f"participants.languages ({pid})"),
                available=_slot_set(
                    raw.get("available"), f"participants.available (participant {pid})", known_slots
                ),
                max_meetings=None
                if mx is None
                else _int(mx, f"participants.max_meetings (participant {pid})"),
                home_table=home,
            )
        )
    by_person = {p.id: p for p in people}

    raw_meetings = [
        _obj(x, f"meetings[{n}]") for n, x in enumerate(_list(data.get("meetings"), "meetings"))
    ]
    meetings = []
    for mid, raw in zip(_ids(raw_meetings, "meetings"), raw_meetings, strict=True):
        where = f"(meeting {mid})"
        members = [
            _str(x, f"meetings.participants {where}")
            for x in _list(raw.get("participants"), f"meetings.participants {where}")
        ]
        if len(set(members)) < 2:
            raise ProblemError(f"meetings.participants {where}: needs at least two participants")
        if len(set(members)) != len(members):
            raise ProblemError(f"meetings.participants {where}: a participant is listed twice")
        for pid in members:
            if pid not in by_person:
                raise ProblemError(f"meetings.participants {where}: unknown participant {pid}")
        session = raw.get("session")
        if session is not None:
            session = _str(session, f"meetings.session {where}")
        fixed = raw.get("slot")
        if fixed is not None:
            fixed = _str(fixed, f"meetings.slot {where}")
            if fixed not in known_slots:
                raise ProblemError(f"meetings.slot {where}: unknown slot {fixed}")
        required = raw.get("required", False)
        if not isinstance(required, bool):
            raise ProblemError(f"meetings.required {where}: expected true or false")
        meetings.append(
            Meeting(
                id=mid,
                participants=tuple(members),
                priority=_int(raw.get("priority", 1), f"meetings.priority {where}"),
                required=required,
                session=session,
                slot=fixed,
            )
        )

    raw_interp = [
        _obj(x, f"interpreters[{n}]")
        for n, x in enumerate(_list(data.get("interpreters", []), "interpreters"))
    ]
    interpreters = tuple(
        Interpreter(
            id=iid,
            languages=_languages(raw.get("languages"), f"interpreters.languages ({iid})"),
            available=_slot_set(
                raw.get("available"), f"interpreters.available (interpreter {iid})", known_slots
            ),
        )
        for iid, raw in zip(_ids(raw_interp, "interpreters"), raw_interp, strict=True)
    )

    fairness = None
    if data.get("fairness") is not None:
        raw = _obj(data["fairness"], "fairness")
        fairness = Fairness(
            max_break_spread=_int(raw.get("max_break_spread"), "fairness.max_break_spread")
        )

    problem = Problem(
        slots=tuple(slots),
        tables=tables,
        participants=tuple(people),
        meetings=tuple(meetings),
        interpreters=interpreters,
        fairness=fairness,
    )
    check_fixed_slots(problem)
    return problem


def read_problem_json(text: str) -> Problem:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProblemError(f"malformed JSON: {exc.msg} at line {exc.lineno}") from None
    return problem_from_dict(data)


def read_problem_file(path: str | Path, *, fairness: int | None = None) -> Problem:
    """Read ``.json`` or ``.dzn`` by extension; ``fairness`` overrides the file's bound."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProblemError(f"problem file {path}: {exc.strerror}") from None
    if path.suffix == ".dzn":
        return read_problem_dzn(text, fairness=2 if fairness is None else fairness)
    problem = read_problem_json(text)
    if fairness is not None:
        problem = Problem(
            slots=problem.slots,
            tables=problem.tables,
            participants=problem.participants,
            meetings=problem.meetings,
            interpreters=problem.interpreters,
            fairness=Fairness(max_break_spread=fairness),
        )
    return problem


# ---------------------------------------------------------------- schedules


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
        data = _obj(json.loads(text), "schedule")
        assignments = []
        for n, raw in enumerate(_list(data.get("assignments"), "assignments")):
            raw = _obj(raw, f"assignments[{n}]")
            interp = raw.get("interpreter")
            assignments.append(
                Assignment(
                    meeting=_str(raw.get("meeting"), f"assignments[{n}].meeting"),
                    slot=_str(raw.get("slot"), f"assignments[{n}].slot"),
                    table=_str(raw.get("table"), f"assignments[{n}].table"),
                    interpreter=None if interp is None else _str(interp, f"assignments[{n}]"),
                )
            )
        unscheduled = []
        for n, raw in enumerate(_list(data.get("unscheduled", []), "unscheduled")):
            raw = _obj(raw, f"unscheduled[{n}]")
            try:
                reason = UnscheduledReason(raw.get("reason"))
            except ValueError:
                raise ProblemError(f"unscheduled[{n}].reason: unknown reason") from None
            unscheduled.append(
                Unscheduled(meeting=_str(raw.get("meeting"), f"unscheduled[{n}]"), reason=reason)
            )
        o = _obj(data.get("objective", {}), "objective")
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
