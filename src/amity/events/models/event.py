"""An event of the programme (a forum, a fair, a delegation visit …) and where it happens."""

from zoneinfo import ZoneInfo

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    FORUM = "forum", _("Forum")
    # Translators: a business matching fair (one-to-one meetings between enterprises).
    FAIR = "fair", _("Matching fair")
    DELEGATION_VISIT = "delegation_visit", _("Delegation visit")
    ANNIVERSARY = "anniversary", _("Anniversary")
    SIGNING_CEREMONY = "signing_ceremony", _("Signing ceremony")
    OTHER = "other", pgettext_lazy("kind of event", "Other")


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    REGISTRATION_OPEN = "registration_open", _("Open for registration")
    # Translators: registration for the event has closed.
    CLOSED = "closed", pgettext_lazy("event status", "Closed")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Venue(models.Model):
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=300, blank=True)
    address_zh = models.CharField(_("address (Chinese)"), max_length=300, blank=True)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name_en"]
        constraints = [
            # A map pin needs both coordinates.
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                # NULL compares as unknown, which a CHECK lets through: say "not null" too.
                | Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="venue_coordinates_pair_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name_en


class Event(models.Model):
    name_en = models.CharField(_("name (English)"), max_length=300)
    name_zh = models.CharField(_("name (Chinese)"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    status = models.CharField(
        _("status"), max_length=30, choices=EventStatus.choices, default=EventStatus.PLANNED
    )
    # Empty when the event is held in the home city (which is not a registry place); a partner
    # place when the home city's delegation travels there.
    host_place = models.ForeignKey(
        "cities.Place",
        verbose_name=_("host city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_events",
    )
    venues = models.ManyToManyField(Venue, verbose_name=_("venues"), blank=True)
    # Dates are calendar days in the event's own time zone; times of sessions, arrivals and
    # meetings are stored in UTC and shown in this zone.
    time_zone = models.CharField(_("time zone"), max_length=64, default="Asia/Shanghai")
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh = models.TextField(_("description (Chinese)"), blank=True)
    # Only published events and their programmes are shown to the public.
    is_published = models.BooleanField(_("published"), default=False)
    # Until then a delegate may edit their own delegation; empty means no deadline.
    delegation_deadline = models.DateTimeField(
        _("delegations editable until"), null=True, blank=True
    )
    partnerships = models.ManyToManyField(
        "cities.Partnership",
        verbose_name=_("partnerships concerned"),
        blank=True,
        related_name="events",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_on", "name_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="event_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.name_en

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)
