"""Meeting requests between participants, and each participant's must-meet / no-thanks marks."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least
from django.utils.translation import gettext_lazy as _


class RequestState(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")


# A pair may have one of these at a time: a pending request, or the meeting it became.
OPEN_STATES = (RequestState.PENDING, RequestState.ACCEPTED)


class RequestPriority(models.IntegerChoices):
    """How firmly part 2's scheduler must place the meeting: higher first."""

    ORGANISER = 1, _("Organiser's suggestion")
    ACCEPTED = 2, _("Accepted request")
    MUST_MEET = 3, _("Must meet")


class MeetingRequest(models.Model):
    fair = models.ForeignKey("fair.Fair", on_delete=models.CASCADE, related_name="requests")
    sender = models.ForeignKey(
        "fair.Participant", on_delete=models.CASCADE, related_name="sent_requests"
    )
    receiver = models.ForeignKey(
        "fair.Participant", on_delete=models.CASCADE, related_name="received_requests"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=RequestState.choices, default=RequestState.PENDING
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=RequestPriority.choices, default=RequestPriority.ACCEPTED
    )
    note = models.TextField(_("note"), blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    # An organiser created the meeting directly (it starts accepted).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    by_organiser = models.BooleanField(_("created by an organiser"), default=False)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(sender=F("receiver")), name="fair_request_not_to_oneself"
            ),
            # One open request per unordered pair: A→B and B→A count as the same pair.
            models.UniqueConstraint(
                Least("sender", "receiver"),
                Greatest("sender", "receiver"),
                condition=Q(state__in=["pending", "accepted"]),
                name="fair_request_one_open_per_pair",
            ),
        ]
        indexes = [
            models.Index(fields=["fair", "state"]),
            models.Index(fields=["sender", "state"]),
            models.Index(fields=["receiver", "state"]),
        ]

    def __str__(self) -> str:
        return f"{self.sender} → {self.receiver} ({self.state})"

    def other_side(self, participant) -> models.Model:
        return self.receiver if participant.pk == self.sender_id else self.sender


class MarkKind(models.TextChoices):
    MUST_MEET = "must_meet", _("Must meet")
    NO_THANKS = "no_thanks", _("No thanks")


class Mark(models.Model):
    participant = models.ForeignKey(
        "fair.Participant", on_delete=models.CASCADE, related_name="marks"
    )
    target = models.ForeignKey("fair.Participant", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("mark"), max_length=10, choices=MarkKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mark")
        verbose_name_plural = _("marks")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "target"], name="fair_mark_one_per_pair"
            ),
            models.CheckConstraint(
                condition=~Q(participant=F("target")), name="fair_mark_not_oneself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} {self.kind} {self.target}"
