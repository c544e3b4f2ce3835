"""Delegations: organisers register one for a partner place, or invite its head to fill it in."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.accounts.domain import invite_person
from amity.accounts.models import Role, User
from amity.cities.models import Place
from amity.events.models import Delegation, Event

# What an organiser may change; a delegate may change the travel and needs part only.
DELEGATION_FIELDS = (
    "protocol_order",
    "arrival_flight",
    "arrival_at",
    "departure_flight",
    "departure_at",
    "hotel",
    "interpreter_languages",
    "dietary_needs",
    "accessibility_needs",
    "protocol_notes",
    "invitation_status",
)
DELEGATE_FIELDS = (
    "arrival_flight",
    "arrival_at",
    "departure_flight",
    "departure_at",
    "interpreter_languages",
    "dietary_needs",
    "accessibility_needs",
)


def delegate_may_edit(event: Event) -> bool:
    return event.delegation_deadline is None or timezone.now() <= event.delegation_deadline


def _check(delegation: Delegation) -> None:
    delegation.full_clean(exclude=["event", "place"], validate_constraints=False)
    if (
        delegation.arrival_at
        and delegation.departure_at
        and delegation.departure_at <= delegation.arrival_at
    ):
        raise ValidationError({"departure_at": _("The departure is before the arrival.")})


def _strip(fields: dict) -> dict:
    return {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}


@transaction.atomic
def register_delegation(*, event: Event, place: Place, is_demo: bool = False, **fields):
    """The place's delegation to ``event``; refused if the place already has one there."""
    unknown = set(fields) - set(DELEGATION_FIELDS)
    if unknown:
        raise ValidationError({name: _("Unknown field.") for name in sorted(unknown)})
    delegation = Delegation(event=event, place=place, is_demo=is_demo, **_strip(fields))
    _check(delegation)
    if Delegation.objects.filter(event=event, place=place).exists():
        raise ValidationError(
            {"place": _("%(place)s already has a delegation to this event.") % {"place": place}}
        )
    try:
        with transaction.atomic():
            delegation.save()
    except IntegrityError:
        raise ValidationError(
            {"place": _("%(place)s already has a delegation to this event.") % {"place": place}}
        ) from None
    return delegation


@transaction.atomic
def update_delegation(delegation: Delegation, *, by: User, **fields) -> Delegation:
    allowed = DELEGATION_FIELDS if by.is_organiser else DELEGATE_FIELDS
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValidationError({name: _("You may not change this field.") for name in unknown})
    if not by.is_organiser and not delegate_may_edit(delegation.event):
        raise ValidationError(_("The deadline for changes to delegations has passed."))
    Delegation.objects.select_for_update().filter(pk=delegation.pk).first()
    for name, value in _strip(fields).items():
        setattr(delegation, name, value)
    _check(delegation)
    delegation.save()
    return delegation


@transaction.atomic
def invite_delegation_head(
    delegation: Delegation, *, email: str, by: User, first_name: str = "", last_name: str = ""
) -> User:
    """Invite the head of ``delegation`` as a delegate of its place, who then fills it in."""
    user = invite_person(
        email=email,
        role=Role.DELEGATE,
        invited_by=by,
        first_name=first_name,
        last_name=last_name,
        partner_place=delegation.place,
    )
    return user


def send_confirmation(delegation: Delegation, recipient: str) -> None:
    """E-mail the delegation's registration to ``recipient`` (console backend in the demo)."""
    event = delegation.event
    send_mail(
        subject=_("Your delegation to %(event)s") % {"event": event.name_en},
        message=_("The delegation of %(place)s to %(event)s (%(start)s – %(end)s) is registered.")
        % {
            "place": delegation.place,
            "event": event.name_en,
            "start": event.starts_on,
            "end": event.ends_on,
        },
        from_email=None,
        recipient_list=[recipient],
    )
