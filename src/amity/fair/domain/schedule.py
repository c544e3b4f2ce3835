"""Schedule runs and the live schedule: slots, solving, adopting a run, locking and moving.

Every change to ``Meeting`` rows goes through here; the database constraints refuse a double
booking, and these actions turn that refusal into a message naming what is taken.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.audit.tracking import delete_on_record
from amity.engine.scheduling.model import InfeasibleProblem, OutOfTime, Progress
from amity.fair.calendar_cache import meetings_written
from amity.fair.models import (
    ACTIVE_MEETING_STATES,
    Fair,
    Interpreter,
    Meeting,
    MeetingRequest,
    MeetingSeat,
    MeetingStatus,
    RequestState,
    RunStatus,
    ScheduleRun,
    ScheduleSlot,
    Table,
)
from amity.fair.scheduling_io import (
    engine_version,
    fair_problem,
    meeting_rows,
    problem_hash,
    schedule_result,
)
from amity.id_lists import InIds


def sync_slots(fair: Fair) -> list[ScheduleSlot]:
    """Make the fair's slot rows match its sessions, slot length and pauses.

    Slots that already hold a meeting are kept (a meeting is never orphaned); new ones are
    added, unused ones that no longer fit are removed.
    """
    wanted = {}
    for session in fair.sessions.all():
        for index, start in enumerate(session.slot_starts(fair.slot_minutes, fair.pause_minutes)):
            wanted[(session.pk, index)] = start
    with transaction.atomic():
        existing = {(s.session_id, s.index): s for s in ScheduleSlot.objects.filter(fair=fair)}
        length = timedelta(minutes=fair.slot_minutes)
        for key, start in wanted.items():
            slot = existing.get(key)
            if slot is None:
                ScheduleSlot.objects.create(
                    fair=fair,
                    session_id=key[0],
                    index=key[1],
                    starts_at=start,
                    ends_at=start + length,
                )
            elif slot.starts_at != start or slot.ends_at != start + length:
                slot.starts_at, slot.ends_at = start, start + length
                slot.save(update_fields=["starts_at", "ends_at"])
        stale = [s.pk for k, s in existing.items() if k not in wanted]
        ScheduleSlot.objects.filter(pk__in=stale, meetings__isnull=True).delete()
    return list(ScheduleSlot.objects.filter(fair=fair))


def new_run(
    fair: Fair,
    *,
    started_by=None,
    seed: int = 0,
    time_limit: int = 30,
    max_break_spread: int | None = None,
    keep_locked: bool = True,
) -> ScheduleRun:
    if not 1 <= time_limit <= 600:
        raise ValidationError({"time_limit": _("The time limit must be 1 to 600 seconds.")})
    return ScheduleRun.objects.create(
        fair=fair,
        started_by=started_by if started_by is not None and started_by.is_authenticated else None,
        seed=seed,
        time_limit=time_limit,
        max_break_spread=max_break_spread,
        keep_locked=keep_locked,
        engine_version=engine_version(),
    )


ProgressReport = Callable[[int, int, str], None]


def execute_run(run: ScheduleRun, report: ProgressReport | None = None) -> ScheduleRun:
    """Solve the run's problem and record the result; the run never changes afterwards."""
    if run.status != RunStatus.QUEUED:
        raise ValidationError(_("This schedule run has already been started."))
    fair = run.fair
    sync_slots(fair)
    problem = fair_problem(fair, keep_locked=run.keep_locked, max_break_spread=run.max_break_spread)
    ScheduleRun.objects.filter(pk=run.pk).update(
        status=RunStatus.RUNNING, input_hash=problem_hash(problem)
    )
    budget = max(1, run.time_limit)

    def on_progress(event: Progress) -> None:
        if report is not None:
            report(min(int(event.elapsed), budget - 1), budget, event.phase)

    try:
        # Imported here: the solver loads OR-Tools and SciPy, which only a run needs.
        from amity.engine.scheduling.solver import solve

        schedule = solve(problem, time_limit=run.time_limit, seed=run.seed, progress=on_progress)
    except (InfeasibleProblem, OutOfTime) as error:
        ScheduleRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED, error=str(error), finished_at=timezone.now()
        )
        run.refresh_from_db()
        return run
    result = schedule_result(schedule)
    stats = preview_stats(problem, result)
    ScheduleRun.objects.filter(pk=run.pk).update(
        status=RunStatus.FINISHED, result=result, stats=stats, finished_at=timezone.now()
    )
    if report is not None:
        report(budget, budget, "done")
    run.refresh_from_db()
    return run


def preview_stats(problem, result: dict) -> dict:
    """What an organiser checks before adopting a run (all from the run's own result)."""
    per_participant: Counter[str] = Counter()
    sides = {m.id: m.participants for m in problem.meetings}
    interpreters: Counter[str] = Counter()
    for request, _slot, _table, interpreter in result["assignments"]:
        per_participant.update(sides[request])
        if interpreter:
            interpreters[interpreter] += 1
    for participant in problem.participants:
        per_participant.setdefault(participant.id, 0)
    counts = list(per_participant.values()) or [0]
    reasons = Counter(reason for _m, reason in result["unscheduled"])
    return {
        "requested": len(problem.meetings),
        "scheduled": len(result["assignments"]),
        "priority": result["objective"]["priority"],
        "priority_bound": result["priority_upper_bound"],
        "requested_priority": sum(m.priority for m in problem.meetings),
        "breaks": result["objective"]["breaks"],
        "break_spread": result["objective"]["break_spread"],
        "meetings_min": min(counts),
        "meetings_max": max(counts),
        "meetings_mean": round(sum(counts) / len(counts), 2),
        "interpreter_use": dict(sorted(interpreters.items())),
        "unscheduled_by_reason": dict(sorted(reasons.items())),
    }


def compare_runs(first: ScheduleRun, second: ScheduleRun) -> dict:
    """Side by side: both runs' figures, and how many meetings sit elsewhere or only in one."""
    a = {m: (s, t) for m, s, t, _i in first.result.get("assignments", [])}
    b = {m: (s, t) for m, s, t, _i in second.result.get("assignments", [])}
    return {
        "first": first.stats,
        "second": second.stats,
        "only_first": len(a.keys() - b.keys()),
        "only_second": len(b.keys() - a.keys()),
        "moved": sum(1 for m in a.keys() & b.keys() if a[m][0] != b[m][0]),
    }


def adopt_run(run: ScheduleRun) -> int:
    """Make a finished run the live schedule: unlocked meetings are replaced by its result.

    Locked meetings stay as they are (the run kept their slots, so nothing clashes); held and
    no-show meetings are history and are not touched either.
    """
    if run.status != RunStatus.FINISHED:
        raise ValidationError(_("Only a finished schedule run can be used."))
    fair = run.fair
    with transaction.atomic():
        keep = Meeting.objects.filter(fair=fair, status__in=ACTIVE_MEETING_STATES).exclude(
            locked=False, status=MeetingStatus.SCHEDULED
        )
        kept = set(keep.values_list("request_id", flat=True))
        stale = Meeting.objects.filter(fair=fair, status=MeetingStatus.SCHEDULED, locked=False)
        before = {
            m.request_id: m
            for m in stale.only(
                "pk", "request_id", "slot_id", "table_id", "interpreter_id", "sequence"
            )
        }
        # A request withdrawn or declined since the run is not placed.
        accepted = set(
            MeetingRequest.objects.filter(fair=fair, state=RequestState.ACCEPTED).values_list(
                "pk", flat=True
            )
        )
        rows = [
            m
            for m in meeting_rows(fair, run.result, run)
            if m.request_id not in kept and m.request_id in accepted
        ]
        placed = {m.request_id for m in rows}
        MeetingSeat.objects.filter(meeting__in=stale).delete()
        # A re-placed meeting's old row goes (its successor carries the calendar entry on); a
        # dropped one stays, cancelled with a higher SEQUENCE, so calendars cancel it.
        delete_on_record(stale.filter(InIds(F("request_id"), placed)))
        dropped = list(stale.values_list("pk", flat=True))
        stale.update(status=MeetingStatus.CANCELLED, sequence=_next_sequence())
        meetings_written(fair.pk, dropped)
        rows = _keep_locked_tables(fair, rows)
        previous = _previous_sequences(fair, list(placed))
        for row in rows:
            old = before.get(row.request_id)
            if old is not None and _same_place(old, row):
                row.sequence = old.sequence
            else:
                row.sequence = previous.get(row.request_id, -1) + 1
                if old is not None:
                    row.sequence = max(row.sequence, old.sequence + 1)
        created = Meeting.objects.bulk_create(rows, batch_size=1000)
        meetings_written(fair.pk, [m.pk for m in created], created=True)
        _seat(created)
    return len(created)


def _same_place(one: Meeting, other: Meeting) -> bool:
    return (one.slot_id, one.table_id, one.interpreter_id) == (
        other.slot_id,
        other.table_id,
        other.interpreter_id,
    )


def _next_sequence() -> F:
    return F("sequence") + 1


def _previous_sequences(fair: Fair, request_ids: list[int]) -> dict[int, int]:
    found: dict[int, int] = {}
    for request_id, sequence in Meeting.objects.filter(
        InIds(F("request_id"), request_ids), fair=fair
    ).values_list("request_id", "sequence"):
        found[request_id] = max(sequence, found.get(request_id, -1))
    return found


def _keep_locked_tables(fair: Fair, rows: list[Meeting]) -> list[Meeting]:
    """A locked meeting keeps its table; the run may have put another meeting there."""
    taken: dict[int, set[int]] = {}
    interpreters: dict[int, set[int]] = {}
    for slot_id, table_id, interpreter_id in Meeting.objects.filter(
        fair=fair, status__in=ACTIVE_MEETING_STATES
    ).values_list("slot_id", "table_id", "interpreter_id"):
        taken.setdefault(slot_id, set()).add(table_id)
        if interpreter_id:
            interpreters.setdefault(slot_id, set()).add(interpreter_id)
    all_tables = list(
        Table.objects.filter(fair=fair).order_by("number").values_list("pk", flat=True)
    )
    for row in rows:
        used = taken.setdefault(row.slot_id, set())
        if row.table_id in used:
            row.table_id = next(t for t in all_tables if t not in used)
        used.add(row.table_id)
        if row.interpreter_id and row.interpreter_id in interpreters.get(row.slot_id, set()):
            # The locked meeting kept the interpreter the run gave this one: leave it to the
            # organiser rather than guess (the move page shows who is free).
            row.interpreter_id = None
    return rows


def _seat(meetings: list[Meeting]) -> None:
    requests = MeetingRequest.objects.filter(InIds(F("pk"), [m.request_id for m in meetings]))
    sides = {
        pk: (sender, receiver)
        for pk, sender, receiver in requests.values_list("pk", "sender_id", "receiver_id")
    }
    seats = []
    for meeting in meetings:
        for participant_id in sides[meeting.request_id]:
            seats.append(
                MeetingSeat(meeting=meeting, participant_id=participant_id, slot_id=meeting.slot_id)
            )
    MeetingSeat.objects.bulk_create(seats, batch_size=2000)


def set_locked(meeting: Meeting, locked: bool) -> Meeting:
    with transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(locked=locked)
        meetings_written(meeting.fair_id, [meeting.pk])
    meeting.locked = locked
    return meeting


class PlaceTaken(ValidationError):
    """The slot, table or interpreter is taken, found before the write or by the database's
    constraints during it (another organiser was quicker). Pages show the messages; the API
    answers 409 with them."""


def conflicts(
    meeting: Meeting | None,
    request: MeetingRequest,
    slot: ScheduleSlot,
    table: Table,
    interpreter: Interpreter | None = None,
) -> list[str]:
    """What stands in the way of holding ``request`` at ``slot``/``table`` (empty: free)."""
    active = Meeting.objects.filter(slot=slot, status__in=ACTIVE_MEETING_STATES)
    if meeting is not None:
        active = active.exclude(pk=meeting.pk)
    problems = []
    if active.filter(table=table).exists():
        problems.append(_("Table %(table)s is taken in this slot.") % {"table": table.number})
    if interpreter is not None and active.filter(interpreter=interpreter).exists():
        problems.append(
            _("%(name)s interprets another meeting in this slot.") % {"name": interpreter.name}
        )
    for side in (request.sender, request.receiver):
        if (
            MeetingSeat.objects.filter(participant=side, slot=slot)
            .exclude(meeting=meeting)
            .exists()
        ):
            problems.append(
                _("%(name)s has another meeting in this slot.") % {"name": side.name_en}
            )
    return problems


def move_meeting(
    meeting: Meeting,
    *,
    slot: ScheduleSlot,
    table: Table,
    interpreter: Interpreter | None = None,
) -> Meeting:
    """Move a meeting; a taken slot, table or interpreter is refused and nothing changes."""
    if meeting.status != MeetingStatus.SCHEDULED:
        raise ValidationError(_("Only a scheduled meeting can be moved."))
    if slot.fair_id != meeting.fair_id or table.fair_id != meeting.fair_id:
        raise ValidationError(_("The slot and the table must belong to this fair."))
    found = conflicts(meeting, meeting.request, slot, table, interpreter)
    if found:
        raise PlaceTaken(found)
    try:
        with transaction.atomic():
            Meeting.objects.filter(pk=meeting.pk).update(
                slot=slot,
                table=table,
                interpreter=interpreter,
                sequence=_next_sequence(),
                updated_at=timezone.now(),
            )
            MeetingSeat.objects.filter(meeting=meeting).update(slot=slot)
            meetings_written(meeting.fair_id, [meeting.pk])
    except IntegrityError as error:
        # Another organiser took the place between the check and the write.
        raise PlaceTaken(_("That slot was just taken; reload and try again.")) from error
    meeting.refresh_from_db()
    return meeting


def add_meeting(
    request: MeetingRequest,
    *,
    slot: ScheduleSlot,
    table: Table,
    interpreter: Interpreter | None = None,
    locked: bool = True,
) -> Meeting:
    """Place an accepted request by hand (a late meeting); locked so a re-run keeps it."""
    if request.state != RequestState.ACCEPTED:
        raise ValidationError(_("Only an accepted request can be scheduled."))
    if Meeting.objects.filter(request=request, status__in=ACTIVE_MEETING_STATES).exists():
        raise ValidationError(_("This meeting is already in the schedule."))
    found = conflicts(None, request, slot, table, interpreter)
    if found:
        raise PlaceTaken(found)
    sequence = _previous_sequences(request.fair, [request.pk]).get(request.pk, -1) + 1
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                fair=request.fair,
                request=request,
                slot=slot,
                table=table,
                interpreter=interpreter,
                locked=locked,
                sequence=sequence,
            )
            _seat([meeting])
    except IntegrityError as error:
        raise PlaceTaken(_("That slot was just taken; reload and try again.")) from error
    return meeting


def cancel_meeting(meeting: Meeting) -> None:
    """Cancel a meeting; its slot is offered to pairs still waiting to meet."""
    # Imported here: freed slots place their meetings with this module's add_meeting.
    from amity.fair.domain.freed_slots import offer_freed_slot

    with transaction.atomic():
        MeetingSeat.objects.filter(meeting=meeting).delete()
        Meeting.objects.filter(pk=meeting.pk).update(
            status=MeetingStatus.CANCELLED, sequence=_next_sequence()
        )
        meetings_written(meeting.fair_id, [meeting.pk])
        offer_freed_slot(meeting)
