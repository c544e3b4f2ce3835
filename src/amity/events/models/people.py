"""Who comes to an event: partner-city delegations, organisations' registrations, and attendees.

Every person who wears a badge is one ``Attendee`` row, whether a delegation member or an
enterprise's representative: badges, the check-in desk and the fair's meeting agendas all start
from it. The check-in token printed in the badge's QR code is opaque and unique.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def new_checkin_token() -> str:
    # 128 random bits in URL-safe base64: unguessable, short enough for a QR code at badge size.
    return secrets.token_urlsafe(16)


class InvitationStatus(models.TextChoices):
    NOT_NEEDED = "not_needed", _("Not needed")
    # Translators: the invitation letter (for a visa) has not been sent yet.
    TO_SEND = "to_send", _("Letter to send")
    SENT = "sent", _("Letter sent")
    VISA_GRANTED = "visa_granted", _("Visa granted")
    VISA_REFUSED = "visa_refused", _("Visa refused")


class Delegation(models.Model):
    """A partner place's delegation to an event.

    Travel, hotel and needs are the delegation's: the programme office books one pick-up, one
    hotel block and one interpreter per delegation. Needs and notes are organiser-only.
    """

    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="delegations",
    )
    place = models.ForeignKey(
        "cities.Place",
        verbose_name=_("partner city"),
        on_delete=models.PROTECT,
        related_name="delegations",
    )
    # Protocol order of the delegations (1 first); the programme office sets it.
    protocol_order = models.PositiveIntegerField(_("protocol order"), null=True, blank=True)
    arrival_flight = models.CharField(_("arrival flight"), max_length=20, blank=True)
    # Stored in UTC; the arrivals board shows the landing in the event's time zone.
    arrival_at = models.DateTimeField(_("arrival"), null=True, blank=True)
    departure_flight = models.CharField(_("departure flight"), max_length=20, blank=True)
    departure_at = models.DateTimeField(_("departure"), null=True, blank=True)
    hotel = models.CharField(_("hotel"), max_length=200, blank=True)
    # Language codes separated by commas ("es,en"): the interpreters the delegation needs.
    interpreter_languages = models.CharField(
        _("interpreters needed (languages)"), max_length=100, blank=True
    )
    dietary_needs = models.TextField(_("dietary needs"), blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    protocol_notes = models.TextField(_("protocol notes"), blank=True)
    invitation_status = models.CharField(
        _("invitation letter / visa"),
        max_length=20,
        choices=InvitationStatus.choices,
        default=InvitationStatus.TO_SEND,
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["event", "protocol_order", "place__name_en"]
        constraints = [
            models.UniqueConstraint(fields=["event", "place"], name="delegation_one_per_place"),
            models.CheckConstraint(
                condition=Q(arrival_at__isnull=True)
                | Q(departure_at__isnull=True)
                | Q(departure_at__gt=F("arrival_at")),
                name="delegation_departs_after_arrival",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.place} → {self.event}"


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")


class Registration(models.Model):
    """An organisation (an enterprise, an institution) registered for an event."""

    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "organisation__name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation"], name="registration_one_per_organisation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.event}"


class AttendeeRole(models.TextChoices):
    # Translators: the head of a delegation.
    HEAD = "head", _("Head of delegation")
    OFFICIAL = "official", _("Official")
    BUSINESS = "business", _("Business")
    INTERPRETER = "interpreter", _("Interpreter")
    STAFF = "staff", _("Staff")
    PRESS = "press", _("Press")


class Attendee(models.Model):
    """One person at one event, with a badge: a delegation member or a registration's person."""

    # Kept beside the delegation or registration (which belong to the same event, as the
    # domain actions ensure) so that "one person, one place per event" is a constraint.
    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="attendees"
    )
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="members",
    )
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attendees",
    )
    # The person's account, when they log in (a delegate, an enterprise member).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attendances",
    )
    role = models.CharField(_("role"), max_length=20, choices=AttendeeRole.choices)
    name_en = models.CharField(_("name (Latin script)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    # The name in the person's own script when it is neither Latin nor Chinese (ວຽງຈັນ, 김민준).
    name_native = models.CharField(_("name (native script)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=200, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    # Personal data: organisers only (see rules.py). Passport numbers are never stored.
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    checkin_token = models.CharField(
        _("check-in code"), max_length=32, unique=True, default=new_checkin_token, editable=False
    )
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["event", "name_en"]
        constraints = [
            # Exactly one of: a delegation member, or a registered organisation's person.
            models.CheckConstraint(
                condition=Q(delegation__isnull=False, registration__isnull=True)
                | Q(delegation__isnull=True, registration__isnull=False),
                name="attendee_in_delegation_xor_registration",
            ),
            # One person appears once per event: not in two delegations, not twice in one.
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(user__isnull=False),
                name="attendee_one_per_user_and_event",
            ),
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~Q(email=""),
                name="attendee_one_per_email_and_event",
            ),
            models.UniqueConstraint(
                fields=["delegation"],
                condition=Q(role="head"),
                name="delegation_one_head",
            ),
        ]

    def __str__(self) -> str:
        return self.name_en
