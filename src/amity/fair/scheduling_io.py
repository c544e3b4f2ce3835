"""The one place that turns the fair's models into the scheduling engine's ``Problem`` and back.

Ids cross the boundary as strings of primary keys: slots ``ScheduleSlot``, tables ``Table``,
participants ``Participant``, meetings ``MeetingRequest`` (an accepted request is the meeting
to place), interpreters ``Interpreter``. A slot's block is its session, so a free slot between
a morning and an afternoon is not a break.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import defaultdict
from importlib import metadata

from amity.engine.scheduling.model import (
    Fairness,
    Problem,
    Schedule,
    Slot,
)
from amity.engine.scheduling.model import (
    Interpreter as EngineInterpreter,
)
from amity.engine.scheduling.model import (
    Meeting as EngineMeeting,
)
from amity.engine.scheduling.model import (
    Participant as EngineParticipant,
)
from amity.engine.scheduling.model import (
    Table as EngineTable,
)
from amity.fair.models import (
    ACTIVE_MEETING_STATES,
    Fair,
    Interpreter,
    Meeting,
    MeetingRequest,
    Participant,
    RequestState,
    ScheduleSlot,
    Table,
    Unavailability,
)


def engine_version() -> str:
    try:
        return f"amity {metadata.version('amity')}"
    except metadata.PackageNotFoundError:  # pragma: no cover - source checkout only
        return "amity (source)"


def fair_problem(
    fair: Fair, *, keep_locked: bool = True, max_break_spread: int | None = None
) -> Problem:
    """The fair's accepted requests as the engine's problem; locked meetings keep their slot."""
    slots = list(ScheduleSlot.objects.filter(fair=fair).select_related("session"))
    slot_of = {(s.session_id, s.index): str(s.pk) for s in slots}
    requests = list(
        MeetingRequest.objects.filter(fair=fair, state=RequestState.ACCEPTED).order_by("pk")
    )
    people = {r.sender_id for r in requests} | {r.receiver_id for r in requests}
    locked = {}
    if keep_locked:
        locked = dict(
            Meeting.objects.filter(
                fair=fair, locked=True, status__in=ACTIVE_MEETING_STATES
            ).values_list("request_id", "slot_id")
        )
    return Problem(
        slots=tuple(
            Slot(
                id=str(s.pk),
                block=str(s.session_id),
                session=s.session.part,
                start=s.starts_at.isoformat(),
                minutes=fair.slot_minutes,
            )
            for s in slots
        ),
        tables=tuple(EngineTable(id=str(pk)) for pk in _table_ids(fair)),
        participants=_participants(fair, people, slot_of),
        meetings=tuple(
            EngineMeeting(
                id=str(r.pk),
                participants=(str(r.sender_id), str(r.receiver_id)),
                priority=int(r.priority),
                slot=str(locked[r.pk]) if r.pk in locked else None,
            )
            for r in requests
        ),
        interpreters=_interpreters(fair, slots),
        fairness=Fairness(max_break_spread) if max_break_spread is not None else None,
    )


def _table_ids(fair: Fair) -> list[int]:
    return list(Table.objects.filter(fair=fair).order_by("number").values_list("pk", flat=True))


def _participants(
    fair: Fair, people: set[int], slot_of: dict[tuple[int, int], str]
) -> tuple[EngineParticipant, ...]:
    busy: dict[int, set[str]] = defaultdict(set)
    for participant_id, session_id, index in Unavailability.objects.filter(
        participant__fair=fair
    ).values_list("participant_id", "session_id", "slot"):
        if (session_id, index) in slot_of:
            busy[participant_id].add(slot_of[(session_id, index)])
    home = dict(
        Table.objects.filter(fair=fair, exhibitor__isnull=False).values_list("exhibitor_id", "pk")
    )
    every = frozenset(slot_of.values())
    result = []
    for p in Participant.objects.filter(pk__in=people).order_by("pk"):
        result.append(
            EngineParticipant(
                id=str(p.pk),
                languages=frozenset(p.languages),
                available=(every - busy[p.pk]) if busy[p.pk] else None,
                max_meetings=min(p.max_meetings, fair.max_meetings),
                home_table=str(home[p.pk]) if p.pk in home else None,
            )
        )
    return tuple(result)


def _interpreters(fair: Fair, slots: list[ScheduleSlot]) -> tuple[EngineInterpreter, ...]:
    by_session: dict[int, list[str]] = defaultdict(list)
    for s in slots:
        by_session[s.session_id].append(str(s.pk))
    result = []
    for interpreter in Interpreter.objects.filter(fair=fair).prefetch_related("sessions"):
        sessions = [s.pk for s in interpreter.sessions.all()]
        # No session ticked: available all day.
        available = (
            frozenset(slot for pk in sessions for slot in by_session[pk]) if sessions else None
        )
        result.append(
            EngineInterpreter(
                id=str(interpreter.pk),
                languages=frozenset(interpreter.languages),
                available=available,
            )
        )
    return tuple(result)


def problem_hash(problem: Problem) -> str:
    """SHA-256 of the problem as canonical JSON (sets sorted): the run's input fingerprint."""

    def plain(value):
        if isinstance(value, frozenset | set):
            return sorted(value)
        raise TypeError(type(value))

    text = json.dumps(dataclasses.asdict(problem), sort_keys=True, default=plain)
    return hashlib.sha256(text.encode()).hexdigest()


def schedule_result(schedule: Schedule) -> dict:
    """The engine's schedule as the run's JSON result (ids stay strings of primary keys)."""
    return {
        "assignments": [[a.meeting, a.slot, a.table, a.interpreter] for a in schedule.assignments],
        "unscheduled": [[u.meeting, str(u.reason)] for u in schedule.unscheduled],
        "objective": dataclasses.asdict(schedule.objective),
        "priority_upper_bound": schedule.priority_upper_bound,
        "proven_optimal": dict(schedule.proven_optimal),
    }


def meeting_rows(fair: Fair, result: dict, run=None) -> list[Meeting]:
    """Unsaved ``Meeting`` rows for a run's result (seats are made by the domain action)."""
    return [
        Meeting(
            fair=fair,
            run=run,
            request_id=int(request),
            slot_id=int(slot),
            table_id=int(table),
            interpreter_id=int(interpreter) if interpreter else None,
        )
        for request, slot, table, interpreter in result["assignments"]
    ]
