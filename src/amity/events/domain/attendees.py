"""Who comes: an organisation's registration, and each attendee (with a badge) of an event."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from amity.accounts.models import Organisation, User
from amity.events.models import (
    Attendee,
    AttendeeRole,
    Delegation,
    Event,
    EventStatus,
    Registration,
    RegistrationStatus,
)

# The fields of an attendee that pages, the API and imports may set.
ATTENDEE_FIELDS = (
    "role",
    "name_en",
    "name_zh",
    "name_native",
    "title_en",
    "title_zh",
    "organisation_name",
    "email",
    "phone",
)


@transaction.atomic
def register_organisation(*, event: Event, organisation: Organisation, by: User) -> Registration:
    """The organisation's registration for ``event``, created if it has none yet.

    Organisers may register anyone at any time; others only while registration is open.
    """
    existing = Registration.objects.filter(event=event, organisation=organisation).first()
    if existing is not None:
        return existing
    if not by.is_organiser and event.status != EventStatus.REGISTRATION_OPEN:
        raise ValidationError(
            {"event": _("Registration for %(event)s is not open.") % {"event": event.name_en}}
        )
    status = RegistrationStatus.CONFIRMED if by.is_organiser else RegistrationStatus.PENDING
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event, organisation=organisation, status=status
            )
    except IntegrityError:
        # A concurrent registration of the same organisation won: use it.
        return Registration.objects.get(event=event, organisation=organisation)
    if by.email:
        transaction.on_commit(lambda: _confirm(registration, by.email))
    return registration


def _confirm(registration: Registration, recipient: str) -> None:
    """Tell the person who registered that it is recorded (console backend in the demo)."""
    event = registration.event
    send_mail(
        subject=_("Registration for %(event)s") % {"event": event.name_en},
        message=_("%(organisation)s is registered for %(event)s (%(start)s – %(end)s): %(status)s.")
        % {
            "organisation": registration.organisation.name_en,
            "event": event.name_en,
            "start": event.starts_on,
            "end": event.ends_on,
            "status": registration.get_status_display(),
        },
        from_email=None,
        recipient_list=[recipient],
    )


def _check_attendee(attendee: Attendee) -> None:
    if attendee.role not in AttendeeRole.values:
        raise ValidationError({"role": _("Choose a role.")})
    attendee.full_clean(
        exclude=["event", "delegation", "registration", "user", "checkin_token"],
        validate_unique=False,
        validate_constraints=False,
    )
    others = Attendee.objects.filter(event_id=attendee.event_id).exclude(pk=attendee.pk)
    if attendee.email and others.filter(email__iexact=attendee.email).exists():
        raise ValidationError(
            {
                "email": _("%(email)s is already an attendee of this event.")
                % {"email": attendee.email}
            }
        )
    if attendee.user_id and others.filter(user_id=attendee.user_id).exists():
        raise ValidationError({"user": _("This person already attends this event.")})
    if (
        attendee.role == AttendeeRole.HEAD
        and attendee.delegation_id
        and others.filter(delegation_id=attendee.delegation_id, role=AttendeeRole.HEAD).exists()
    ):
        raise ValidationError({"role": _("This delegation already has a head.")})


def _save(attendee: Attendee) -> Attendee:
    _check_attendee(attendee)
    try:
        with transaction.atomic():
            attendee.save()
    except IntegrityError:
        # The checks above passed, so a concurrent change took the same e-mail, account or
        # head role between the check and the write.
        raise ValidationError(
            {"__all__": _("Someone else changed this event's attendees; nothing was saved.")}
        ) from None
    return attendee


@transaction.atomic
def add_attendee(
    *,
    delegation: Delegation | None = None,
    registration: Registration | None = None,
    user: User | None = None,
    is_demo: bool = False,
    **fields: str,
) -> Attendee:
    """Add a person to a delegation or to an organisation's registration (exactly one)."""
    if (delegation is None) == (registration is None):
        raise ValidationError(_("An attendee belongs to a delegation or to a registration."))
    unknown = set(fields) - set(ATTENDEE_FIELDS)
    if unknown:
        raise ValidationError({name: _("Unknown field.") for name in sorted(unknown)})
    event_id = (delegation or registration).event_id
    # Lock the event's row: concurrent additions to one event queue up behind each other.
    Event.objects.select_for_update().filter(pk=event_id).first()
    attendee = Attendee(
        event_id=event_id,
        delegation=delegation,
        registration=registration,
        user=user,
        is_demo=is_demo,
        **{name: (value or "").strip() for name, value in fields.items()},
    )
    return _save(attendee)


@transaction.atomic
def update_attendee(attendee: Attendee, **fields: str) -> Attendee:
    unknown = set(fields) - set(ATTENDEE_FIELDS)
    if unknown:
        raise ValidationError({name: _("Unknown field.") for name in sorted(unknown)})
    Event.objects.select_for_update().filter(pk=attendee.event_id).first()
    for name, value in fields.items():
        setattr(attendee, name, (value or "").strip())
    return _save(attendee)
