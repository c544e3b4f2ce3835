"""Changing an event and its programme: sessions (no two at once in one room) and speakers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from amity.events.models import Event, Session, SessionKind, Speaker

EVENT_FIELDS = (
    "name_en",
    "name_zh",
    "kind",
    "status",
    "host_place",
    "time_zone",
    "starts_on",
    "ends_on",
    "description_en",
    "description_zh",
    "is_published",
    "delegation_deadline",
)
SESSION_FIELDS = (
    "kind",
    "title_en",
    "title_zh",
    "starts_at",
    "ends_at",
    "venue",
    "room",
    "languages",
    "interpretation",
    "description_en",
    "description_zh",
    "source_url",
)
SPEAKER_FIELDS = (
    "attendee",
    "name_en",
    "name_zh",
    "role_en",
    "role_zh",
    "organisation",
    "place",
    "order",
    "source_url",
)


def _refuse_unknown(fields: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValidationError({name: _("Unknown field.") for name in sorted(unknown)})


def _clean(value):
    return value.strip() if isinstance(value, str) else value


@transaction.atomic
def save_event(event: Event | None = None, /, **fields) -> Event:
    """Create an event (``event`` None) or change the given fields of one."""
    _refuse_unknown(fields, EVENT_FIELDS)
    event = event or Event()
    for name, value in fields.items():
        setattr(event, name, _clean(value))
    event.full_clean(exclude=["venues", "partnerships"], validate_constraints=False)
    if event.ends_on < event.starts_on:
        raise ValidationError({"ends_on": _("The last day is before the first day.")})
    event.save()
    return event


def _check_session(session: Session) -> None:
    if session.kind not in SessionKind.values:
        raise ValidationError({"kind": _("Choose a kind of session.")})
    session.full_clean(exclude=["event"], validate_constraints=False)
    if session.ends_at <= session.starts_at:
        raise ValidationError({"ends_at": _("The session ends before it starts.")})
    if not (session.room or session.venue_id):
        return
    # Two sessions cannot be in the same room at once (touching ends are fine).
    clash = (
        Session.objects.filter(
            event_id=session.event_id,
            venue_id=session.venue_id,
            room__iexact=session.room,
            starts_at__lt=session.ends_at,
            ends_at__gt=session.starts_at,
        )
        .exclude(pk=session.pk)
        .first()
    )
    if clash is not None:
        raise ValidationError(
            {
                "room": _("The room is taken at that time by “%(session)s”.")
                % {"session": clash.title_en}
            }
        )


@transaction.atomic
def save_session(session: Session | None = None, /, *, event: Event | None = None, **fields):
    """Add a session to ``event`` or change one; refused if it overlaps another in its room."""
    _refuse_unknown(fields, SESSION_FIELDS)
    if session is None:
        if event is None:
            raise ValidationError(_("A new session needs its event."))
        session = Session(event=event)
    # Lock the event's row: two organisers booking one room queue up instead of both winning.
    Event.objects.select_for_update().filter(pk=session.event_id).first()
    for name, value in fields.items():
        setattr(session, name, _clean(value))
    _check_session(session)
    session.save()
    return session


@transaction.atomic
def add_speaker(session: Session, **fields) -> Speaker:
    _refuse_unknown(fields, SPEAKER_FIELDS)
    speaker = Speaker(session=session, **{k: _clean(v) for k, v in fields.items()})
    if speaker.attendee_id and speaker.attendee.event_id != session.event_id:
        raise ValidationError({"attendee": _("This person does not attend this event.")})
    if speaker.attendee_id and not speaker.name_en:
        speaker.name_en = speaker.attendee.name_en
        speaker.name_zh = speaker.name_zh or speaker.attendee.name_zh
    speaker.full_clean(exclude=["session"])
    speaker.save()
    return speaker
