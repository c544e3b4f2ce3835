"""What came of a meeting: each side's one-question rating and an optional note."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutcomeRating(models.TextChoices):
    NO_FURTHER_CONTACT = "none", _("No further contact")
    FOLLOW_UP = "follow_up", _("Follow-up planned")
    NEGOTIATING = "negotiating", _("Negotiating")
    AGREEMENT = "agreement", _("Agreement reached")


class MeetingOutcome(models.Model):
    meeting = models.ForeignKey("fair.Meeting", on_delete=models.CASCADE, related_name="outcomes")
    participant = models.ForeignKey(
        "fair.Participant", on_delete=models.CASCADE, related_name="outcomes"
    )
    rating = models.CharField(_("outcome"), max_length=12, choices=OutcomeRating.choices)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting outcome")
        verbose_name_plural = _("meeting outcomes")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="fair_outcome_one_per_side"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}: {self.rating}"
