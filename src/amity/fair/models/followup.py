"""After the plan: freed slots offered to waiting pairs, and the second-stage survey.

A ``FreedSlot`` is one slot given back by a cancelled or no-show meeting; each pair that could
use it gets a ``SlotOffer`` with its own token. The first accept takes the freed slot (a row
lock on it decides), the others then read "already taken". A ``SurveyInvitation`` is one
participant's private link to the survey months after the fair; its answers are
``FollowUpAnswer`` rows, one per meeting and side.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class FreedSlotState(models.TextChoices):
    OPEN = "open", _("Open")
    TAKEN = "taken", _("Taken")
    EXPIRED = "expired", _("Expired")


class FreedSlot(models.Model):
    fair = models.ForeignKey("fair.Fair", on_delete=models.CASCADE, related_name="freed_slots")
    slot = models.ForeignKey("fair.ScheduleSlot", on_delete=models.CASCADE, related_name="+")
    # The meeting that gave the slot back.
    source = models.OneToOneField(
        "fair.Meeting", on_delete=models.CASCADE, related_name="freed_slot"
    )
    state = models.CharField(
        _("state"), max_length=8, choices=FreedSlotState.choices, default=FreedSlotState.OPEN
    )
    expires_at = models.DateTimeField(_("offers end"))
    # The meeting the winning offer placed.
    filled_by = models.OneToOneField(
        "fair.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("freed slot")
        verbose_name_plural = _("freed slots")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.slot} freed by {self.source_id}"


class SlotOffer(models.Model):
    freed_slot = models.ForeignKey(FreedSlot, on_delete=models.CASCADE, related_name="offers")
    request = models.ForeignKey(
        "fair.MeetingRequest", on_delete=models.CASCADE, related_name="slot_offers"
    )
    # The one-click link of the notification: whoever holds it acts for one side of the pair.
    token = models.CharField(max_length=64, unique=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("freed-slot offer")
        verbose_name_plural = _("freed-slot offers")
        ordering = ["freed_slot", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["freed_slot", "request"], name="fair_offer_one_per_slot_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"offer of {self.freed_slot_id} to {self.request_id}"


class FollowUpResult(models.TextChoices):
    CONTRACT = "contract", _("Contract signed")
    MOU = "mou", _("Memorandum of understanding")
    VISIT = "visit", _("Follow-up visit")
    NEGOTIATING = "negotiating", _("Still negotiating")
    NOTHING_YET = "nothing_yet", _("Nothing yet")
    NONE = "none", _("Nothing came of it")


class SurveyInvitation(models.Model):
    participant = models.OneToOneField(
        "fair.Participant", on_delete=models.CASCADE, related_name="survey_invitation"
    )
    token = models.CharField(max_length=64, unique=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")

    def __str__(self) -> str:
        return f"survey of {self.participant}"


class FollowUpAnswer(models.Model):
    meeting = models.ForeignKey(
        "fair.Meeting", on_delete=models.CASCADE, related_name="follow_up_answers"
    )
    participant = models.ForeignKey(
        "fair.Participant", on_delete=models.CASCADE, related_name="follow_up_answers"
    )
    result = models.CharField(_("what came of it"), max_length=12, choices=FollowUpResult.choices)
    note = models.TextField(_("note"), blank=True)
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("second-stage answer")
        verbose_name_plural = _("second-stage answers")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="fair_follow_up_one_per_side"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}: {self.result}"
