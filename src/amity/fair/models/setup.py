"""A fair's set-up: its days and sessions, slots, tables, interpreters, caps and deadlines."""

from __future__ import annotations

from datetime import timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Fair(models.Model):
    """The matching fair of one event (an event has at most one)."""

    event = models.OneToOneField(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="fair"
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length (minutes)"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(120)],
    )
    pause_minutes = models.PositiveSmallIntegerField(
        _("pause between slots (minutes)"), default=5, validators=[MaxValueValidator(60)]
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    request_deadline = models.DateTimeField(_("meeting requests until"), null=True, blank=True)
    request_expiry_days = models.PositiveSmallIntegerField(
        _("a request expires after (days)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    max_meetings = models.PositiveSmallIntegerField(
        _("meetings per participant at most"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    max_pending_requests = models.PositiveSmallIntegerField(
        _("pending requests per participant at most"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
    )
    approval_required = models.BooleanField(_("participants need an organiser's approval"))
    recommendations_computed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Set by a profile change, cleared when a recomputation starts: "suggestions are stale".
    recommendations_stale = models.BooleanField(default=True, editable=False)
    # The second-stage survey goes out this many days after the fair's last day.
    survey_after_days = models.PositiveSmallIntegerField(
        _("second-stage survey after (days)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("matching fair")
        verbose_name_plural = _("matching fairs")
        ordering = ["-event__starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="fair_registration_window_ordered",
            ),
            models.CheckConstraint(condition=Q(slot_minutes__gte=5), name="fair_slot_positive"),
        ]

    def __str__(self) -> str:
        return self.event.name_en

    @property
    def name_en(self) -> str:
        return self.event.name_en

    @property
    def name_zh(self) -> str:
        return self.event.name_zh


class SessionPart(models.TextChoices):
    MORNING = "morning", _("Morning")
    AFTERNOON = "afternoon", _("Afternoon")


class FairSession(models.Model):
    """A block of meeting slots on one day (a morning or an afternoon); times in UTC."""

    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="sessions")
    part = models.CharField(_("part of the day"), max_length=10, choices=SessionPart.choices)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("fair session")
        verbose_name_plural = _("fair sessions")
        ordering = ["fair", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="fair_session_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fair} {self.starts_at:%Y-%m-%d} {self.part}"

    def slot_starts(self, slot_minutes: int, pause_minutes: int) -> list:
        """The start of every slot that fits into the session."""
        step = timedelta(minutes=slot_minutes + pause_minutes)
        length = timedelta(minutes=slot_minutes)
        starts, current = [], self.starts_at
        while current + length <= self.ends_at:
            starts.append(current)
            current += step
        return starts


class Table(models.Model):
    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="tables")
    number = models.PositiveSmallIntegerField(_("number"))
    # An exhibitor keeps its own table for all its meetings.
    exhibitor = models.OneToOneField(
        "fair.Participant",
        verbose_name=_("fixed exhibitor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fixed_table",
    )

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["fair", "number"]
        constraints = [
            models.UniqueConstraint(fields=["fair", "number"], name="fair_table_number_unique"),
        ]

    def __str__(self) -> str:
        return str(self.number)


class Interpreter(models.Model):
    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="interpreters")
    name = models.CharField(_("name"), max_length=200)
    # ISO 639-1 codes, e.g. ["zh", "en"].
    languages = models.JSONField(_("languages"), default=list)
    sessions = models.ManyToManyField(
        FairSession, verbose_name=_("available in sessions"), blank=True
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")
        ordering = ["fair", "name"]

    def __str__(self) -> str:
        return self.name
