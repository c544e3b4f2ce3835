"""An organiser's set-up of a fair: the fair itself, its sessions, tables and interpreters."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from amity.events.models import Event
from amity.fair.domain.profiles import clean_languages
from amity.fair.models import Fair, FairSession, Interpreter, Participant, SessionPart, Table

FAIR_FIELDS = (
    "slot_minutes",
    "pause_minutes",
    "registration_opens_at",
    "registration_closes_at",
    "request_deadline",
    "request_expiry_days",
    "max_meetings",
    "max_pending_requests",
    "approval_required",
)


def _apply(fair: Fair, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(FAIR_FIELDS)
    if unknown:
        raise ValidationError({name: _("Unknown field.") for name in sorted(unknown)})
    for name, value in fields.items():
        setattr(fair, name, value)
    fair.full_clean(exclude=["event"], validate_unique=False)


@transaction.atomic
def create_fair(*, event: Event, is_demo: bool = False, **fields: Any) -> Fair:
    if Fair.objects.filter(event=event).exists():
        raise ValidationError({"event": _("This event already has a fair.")})
    fields.setdefault("approval_required", True)
    fair = Fair(event=event, is_demo=is_demo)
    _apply(fair, fields)
    try:
        with transaction.atomic():
            fair.save()
    except IntegrityError:
        raise ValidationError({"event": _("This event already has a fair.")}) from None
    return fair


@transaction.atomic
def update_fair(fair: Fair, **fields: Any) -> Fair:
    _apply(fair, fields)
    fair.save()
    return fair


@transaction.atomic
def add_session(fair: Fair, *, part: str, starts_at: datetime, ends_at: datetime) -> FairSession:
    if part not in SessionPart.values:
        raise ValidationError({"part": _("Choose morning or afternoon.")})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("A session ends after it starts.")})
    overlapping = FairSession.objects.filter(
        fair=fair, starts_at__lt=ends_at, ends_at__gt=starts_at
    )
    if overlapping.exists():
        raise ValidationError({"starts_at": _("This session overlaps another one.")})
    return FairSession.objects.create(fair=fair, part=part, starts_at=starts_at, ends_at=ends_at)


@transaction.atomic
def add_table(fair: Fair, *, number: int, exhibitor: Participant | None = None) -> Table:
    if number < 1:
        raise ValidationError({"number": _("Tables are numbered from 1.")})
    if exhibitor is not None and exhibitor.fair_id != fair.pk:
        raise ValidationError({"exhibitor": _("This participant is not at this fair.")})
    if Table.objects.filter(fair=fair, number=number).exists():
        raise ValidationError(
            {"number": _("Table %(number)s exists already.") % {"number": number}}
        )
    return Table.objects.create(fair=fair, number=number, exhibitor=exhibitor)


@transaction.atomic
def add_interpreter(
    fair: Fair,
    *,
    name: str,
    languages: list[str] | str,
    sessions: list[FairSession] = (),
    is_demo: bool = False,
) -> Interpreter:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the interpreter's name.")})
    codes = clean_languages(languages)
    if len(codes) < 2:
        raise ValidationError({"languages": _("An interpreter works between two languages.")})
    interpreter = Interpreter.objects.create(fair=fair, name=name, languages=codes, is_demo=is_demo)
    # A refused session rolls the new interpreter back with it.
    return set_interpreter_sessions(interpreter, list(sessions))


@transaction.atomic
def set_interpreter_languages(interpreter: Interpreter, languages: list[str] | str) -> Interpreter:
    """The languages the interpreter works between (the profile's ISO 639 rule, two at least).

    Dropping a language is refused while meetings are scheduled with the interpreter: the
    schedule chose them for the languages they had.
    """
    codes = clean_languages(languages)
    if len(codes) < 2:
        raise ValidationError({"languages": _("An interpreter works between two languages.")})
    interpreter = Interpreter.objects.select_for_update().get(pk=interpreter.pk)
    dropped = set(interpreter.languages) - set(codes)
    if dropped and _placed_meetings(interpreter=interpreter):
        raise ValidationError(
            {
                "languages": _(
                    "Meetings are scheduled with this interpreter: move them before removing "
                    "%(codes)s."
                )
                % {"codes": ", ".join(sorted(dropped))}
            }
        )
    interpreter.languages = codes
    interpreter.save(update_fields=["languages"])
    return interpreter


def _placed_meetings(**where: Any) -> bool:
    from amity.fair.models import Meeting

    return Meeting.objects.filter(**where).exists()


@transaction.atomic
def remove_session(session: FairSession) -> None:
    """Remove a session and its slots; refused while the schedule has meetings in it."""
    if _placed_meetings(slot__session=session):
        raise ValidationError(
            {"session": _("Meetings are scheduled in this session: move them first.")}
        )
    session.delete()


@transaction.atomic
def remove_table(table: Table) -> None:
    if _placed_meetings(table=table):
        raise ValidationError(
            {"table": _("Meetings are scheduled at this table: move them first.")}
        )
    table.delete()


@transaction.atomic
def remove_interpreter(interpreter: Interpreter) -> None:
    if _placed_meetings(interpreter=interpreter):
        raise ValidationError(
            {"interpreter": _("This interpreter has scheduled meetings: move them first.")}
        )
    interpreter.delete()


@transaction.atomic
def set_interpreter_sessions(interpreter: Interpreter, sessions: list[FairSession]) -> Interpreter:
    """The sessions the interpreter works in; one with their scheduled meetings stays."""
    from amity.fair.models import Meeting

    if any(session.fair_id != interpreter.fair_id for session in sessions):
        raise ValidationError({"sessions": _("A session of another fair was given.")})
    kept = {session.pk for session in sessions}
    busy = (
        Meeting.objects.filter(interpreter=interpreter).exclude(slot__session_id__in=kept).exists()
    )
    if busy:
        raise ValidationError(
            {"sessions": _("The interpreter has scheduled meetings in a session you removed.")}
        )
    interpreter.sessions.set(sessions)
    return interpreter
