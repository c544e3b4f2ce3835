"""A fair's schedule: its slots, the runs of the scheduler, the meetings placed, publications.

A ``ScheduleRun`` is a record of one solve (input hash, seed, budget, engine version, result)
and never changes once finished. The live schedule is the fair's ``Meeting`` rows: a run's
result is adopted into them, organisers edit them, publications snapshot them.

No double booking is a database rule, not a check in Python: per slot a table and an
interpreter hold at most one active meeting, and each side of a meeting holds a
``MeetingSeat`` that is unique per (participant, slot). Two organisers editing at once get an
``IntegrityError`` for the second write, never a double booking.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Meetings in these states occupy their slot, table and interpreter.
ACTIVE_MEETING_STATES = ("scheduled", "held", "no_show")


class ScheduleSlot(models.Model):
    """One meeting slot of a session (``index`` counts from 0 within the session)."""

    fair = models.ForeignKey("fair.Fair", on_delete=models.CASCADE, related_name="slots")
    session = models.ForeignKey("fair.FairSession", on_delete=models.CASCADE, related_name="slots")
    index = models.PositiveSmallIntegerField(_("slot number in the session"))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))

    class Meta:
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        ordering = ["fair", "starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "index"], name="fair_slot_one_per_session_index"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}"


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    FAILED = "failed", _("Failed")


class ScheduleRun(models.Model):
    fair = models.ForeignKey("fair.Fair", on_delete=models.CASCADE, related_name="schedule_runs")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    job = models.ForeignKey(
        "jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    # SHA-256 of the engine's problem as canonical JSON: two runs of the same input match.
    input_hash = models.CharField(_("input hash"), max_length=64, blank=True)
    seed = models.PositiveIntegerField(_("seed"), default=0)
    time_limit = models.PositiveIntegerField(_("time limit (seconds)"), default=30)
    # The most breaks one participant may have beyond another's; null: no bound.
    max_break_spread = models.PositiveSmallIntegerField(
        _("fairness (break spread at most)"), null=True, blank=True
    )
    keep_locked = models.BooleanField(_("keep locked meetings"), default=True)
    engine_version = models.CharField(_("engine version"), max_length=40, blank=True)
    # The engine's schedule (assignments by request id, unscheduled with reasons, objective,
    # bound) and the preview's statistics, both as JSON.
    result = models.JSONField(default=dict, blank=True, editable=False)
    stats = models.JSONField(default=dict, blank=True, editable=False)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("schedule run")
        verbose_name_plural = _("schedule runs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.fair} run {self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status == RunStatus.FINISHED


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    NO_SHOW = "no_show", _("No-show")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(models.Model):
    """A meeting of the fair's live schedule: an accepted request in a slot at a table."""

    fair = models.ForeignKey("fair.Fair", on_delete=models.CASCADE, related_name="meetings")
    request = models.ForeignKey(
        "fair.MeetingRequest", on_delete=models.CASCADE, related_name="meetings"
    )
    # The run that placed it; null for a meeting an organiser added or moved by hand.
    run = models.ForeignKey(
        ScheduleRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )
    slot = models.ForeignKey(ScheduleSlot, on_delete=models.PROTECT, related_name="meetings")
    table = models.ForeignKey("fair.Table", on_delete=models.PROTECT, related_name="meetings")
    interpreter = models.ForeignKey(
        "fair.Interpreter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
    )
    locked = models.BooleanField(_("locked"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    # Raised on every move: the ICS feed's SEQUENCE, so calendars update the one entry.
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["slot__starts_at", "table__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "table"],
                condition=Q(status__in=ACTIVE_MEETING_STATES),
                name="fair_meeting_one_per_table_slot",
            ),
            models.UniqueConstraint(
                fields=["slot", "interpreter"],
                condition=Q(status__in=ACTIVE_MEETING_STATES, interpreter__isnull=False),
                name="fair_meeting_one_per_interpreter_slot",
            ),
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(status__in=ACTIVE_MEETING_STATES),
                name="fair_meeting_one_per_request",
            ),
        ]
        indexes = [models.Index(fields=["fair", "status"])]

    def __str__(self) -> str:
        return f"{self.request} @ {self.slot} T{self.table}"

    @property
    def uid(self) -> str:
        # Stable across moves and re-runs: the request is what the two sides agreed on.
        return f"fair-{self.fair_id}-request-{self.request_id}@amity"


class MeetingSeat(models.Model):
    """One side's place in a meeting; exists only while the meeting is active."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="seats")
    participant = models.ForeignKey(
        "fair.Participant", on_delete=models.CASCADE, related_name="seats"
    )
    # A copy of the meeting's slot, so the database can refuse a second seat in one slot.
    slot = models.ForeignKey(ScheduleSlot, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("meeting seat")
        verbose_name_plural = _("meeting seats")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "slot"], name="fair_seat_one_per_participant_slot"
            ),
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="fair_seat_one_per_meeting_side"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} @ {self.slot}"


class PublicationKind(models.TextChoices):
    PRELIMINARY = "preliminary", _("Preliminary")
    FINAL = "final", _("Final")


class Publication(models.Model):
    """A published state of the schedule; ``snapshot`` lets participants see what changed."""

    fair = models.ForeignKey("fair.Fair", on_delete=models.CASCADE, related_name="publications")
    run = models.ForeignKey(
        ScheduleRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=PublicationKind.choices)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    # {request id: [slot id, table id, interpreter id or null]} at publication.
    snapshot = models.JSONField(default=dict, editable=False)

    class Meta:
        verbose_name = _("schedule publication")
        verbose_name_plural = _("schedule publications")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.fair} {self.kind} {self.published_at:%Y-%m-%d %H:%M}"


class FeedToken(models.Model):
    """A participant's private calendar-feed address; revoking deletes the row."""

    participant = models.OneToOneField(
        "fair.Participant", on_delete=models.CASCADE, related_name="feed_token"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed token")
        verbose_name_plural = _("calendar feed tokens")

    def __str__(self) -> str:
        return f"feed of {self.participant}"
