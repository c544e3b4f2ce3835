"""Problems as Amity JSON (issue 3 format): read with every id and value checked, and written.

Every malformed input raises ``ProblemError`` with a one-line message that names the field
and the id, so the CLI can print it and exit with code 2. One reader per section; each takes
the ids the later sections refer to.
"""

from __future__ import annotations

import json
from typing import Any

from amity.engine.scheduling.formats.checks import check_fixed_slots
from amity.engine.scheduling.formats.fields import (
    as_int,
    as_list,
    as_object,
    as_str,
    languages,
    slot_set,
    unique_ids,
)
from amity.engine.scheduling.model import (
    Fairness,
    Interpreter,
    Meeting,
    Participant,
    Problem,
    ProblemError,
    Slot,
    Table,
)


def _section(data: dict[str, Any], name: str, default: Any = None) -> list[dict[str, Any]]:
    raw = as_list(data.get(name, default), name)
    return [as_object(x, f"{name}[{n}]") for n, x in enumerate(raw)]


def _slots(data: dict[str, Any]) -> tuple[Slot, ...]:
    raw_slots = _section(data, "slots")
    slots = []
    for sid, raw in zip(unique_ids(raw_slots, "slots"), raw_slots, strict=True):
        session = raw.get("session")
        minutes = raw.get("minutes")
        slots.append(
            Slot(
                id=sid,
                block=as_str(raw.get("block", "all"), f"slots.block (slot {sid})"),
                session=None if session is None else as_str(session, f"slots.session (slot {sid})"),
                start=raw.get("start") if isinstance(raw.get("start"), str) else None,
                minutes=None if minutes is None else as_int(minutes, f"slots.minutes (slot {sid})"),
            )
        )
    return tuple(slots)


def _participants(
    data: dict[str, Any], known_slots: set[str], table_ids: set[str]
) -> tuple[Participant, ...]:
    raw_people = _section(data, "participants")
    people = []
    for pid, raw in zip(unique_ids(raw_people, "participants"), raw_people, strict=True):
        home = raw.get("home_table")
        if home is not None and home not in table_ids:
            raise ProblemError(f"participants.home_table (participant {pid}): unknown table {home}")
        mx = raw.get("max_meetings")
        people.append(
            Participant(
                id=pid,
                languages=languages(raw.get("languages"), f"participants.languages ({pid})"),
                available=slot_set(
                    raw.get("available"), f"participants.available (participant {pid})", known_slots
                ),
                max_meetings=None
                if mx is None
                else as_int(mx, f"participants.max_meetings (participant {pid})"),
                home_table=home,
            )
        )
    return tuple(people)


def _members(raw: dict[str, Any], where: str, people: set[str]) -> tuple[str, ...]:
    field = f"meetings.participants {where}"
    members = [as_str(x, field) for x in as_list(raw.get("participants"), field)]
    if len(set(members)) < 2:
        raise ProblemError(f"{field}: needs at least two participants")
    if len(set(members)) != len(members):
        raise ProblemError(f"{field}: a participant is listed twice")
    for pid in members:
        if pid not in people:
            raise ProblemError(f"{field}: unknown participant {pid}")
    return tuple(members)


def _meeting(mid: str, raw: dict[str, Any], known_slots: set[str], people: set[str]) -> Meeting:
    where = f"(meeting {mid})"
    session = raw.get("session")
    if session is not None:
        session = as_str(session, f"meetings.session {where}")
    fixed = raw.get("slot")
    if fixed is not None:
        fixed = as_str(fixed, f"meetings.slot {where}")
        if fixed not in known_slots:
            raise ProblemError(f"meetings.slot {where}: unknown slot {fixed}")
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise ProblemError(f"meetings.required {where}: expected true or false")
    return Meeting(
        id=mid,
        participants=_members(raw, where, people),
        priority=as_int(raw.get("priority", 1), f"meetings.priority {where}"),
        required=required,
        session=session,
        slot=fixed,
    )


def _interpreters(data: dict[str, Any], known_slots: set[str]) -> tuple[Interpreter, ...]:
    raw_interp = _section(data, "interpreters", [])
    return tuple(
        Interpreter(
            id=iid,
            languages=languages(raw.get("languages"), f"interpreters.languages ({iid})"),
            available=slot_set(
                raw.get("available"), f"interpreters.available (interpreter {iid})", known_slots
            ),
        )
        for iid, raw in zip(unique_ids(raw_interp, "interpreters"), raw_interp, strict=True)
    )


def _fairness(data: dict[str, Any]) -> Fairness | None:
    if data.get("fairness") is None:
        return None
    raw = as_object(data["fairness"], "fairness")
    return Fairness(
        max_break_spread=as_int(raw.get("max_break_spread"), "fairness.max_break_spread")
    )


def problem_from_dict(data: Any) -> Problem:
    """Build a ``Problem`` from parsed JSON, checking every id and value."""
    data = as_object(data, "problem")
    slots = _slots(data)
    known_slots = {s.id for s in slots}
    tables = tuple(Table(id=tid) for tid in unique_ids(_section(data, "tables"), "tables"))
    participants = _participants(data, known_slots, {t.id for t in tables})
    people = {p.id for p in participants}
    raw_meetings = _section(data, "meetings")
    meetings = tuple(
        _meeting(mid, raw, known_slots, people)
        for mid, raw in zip(unique_ids(raw_meetings, "meetings"), raw_meetings, strict=True)
    )
    problem = Problem(
        slots=slots,
        tables=tables,
        participants=participants,
        meetings=meetings,
        interpreters=_interpreters(data, known_slots),
        fairness=_fairness(data),
    )
    check_fixed_slots(problem)
    return problem


def read_problem_json(text: str) -> Problem:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProblemError(f"malformed JSON: {exc.msg} at line {exc.lineno}") from None
    return problem_from_dict(data)


def problem_to_dict(problem: Problem) -> dict[str, Any]:
    """The problem as the JSON document ``problem_from_dict`` reads (issue 3 format)."""

    def avail(value: frozenset[str] | None) -> dict[str, Any]:
        order = {s.id: i for i, s in enumerate(problem.slots)}
        return {} if value is None else {"available": sorted(value, key=order.__getitem__)}

    data: dict[str, Any] = {
        "slots": [
            {"id": s.id, "start": s.start, "minutes": s.minutes, "block": s.block}
            | ({"session": s.session} if s.session is not None else {})
            for s in problem.slots
        ],
        "tables": [{"id": t.id} for t in problem.tables],
        "participants": [
            {"id": p.id, "languages": sorted(p.languages)}
            | avail(p.available)
            | ({"max_meetings": p.max_meetings} if p.max_meetings is not None else {})
            | ({"home_table": p.home_table} if p.home_table is not None else {})
            for p in problem.participants
        ],
        "meetings": [
            {
                "id": m.id,
                "participants": list(m.participants),
                "priority": m.priority,
                "required": m.required,
                "session": m.session,
                "slot": m.slot,
            }
            for m in problem.meetings
        ],
        "interpreters": [
            {"id": i.id, "languages": sorted(i.languages)} | avail(i.available)
            for i in problem.interpreters
        ],
    }
    if problem.fairness is not None:
        data["fairness"] = {"max_break_spread": problem.fairness.max_break_spread}
    return data
