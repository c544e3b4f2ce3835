"""The audit log's own record of domain actions that are not a field change, such as a
person's data exported or erased on request. (The historical models of the tracked records
live in their domains' apps; see ``amity.audit.tracking.track``.)
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.Model):
    """One domain action on record: who did what to which record, and when.

    Holds no personal data of the subject (an erased person's name must not survive here):
    the subject is named by its model and id only.
    """

    # Dotted and stable, e.g. "accounts.personal_data.erase"; its label comes from the domain.
    kind = models.CharField(_("kind"), max_length=80)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    subject_type = models.CharField(_("record type"), max_length=80)
    subject_id = models.CharField(_("record id"), max_length=64)
    # Counts and other non-personal facts, e.g. {"attendees": 3}.
    details = models.JSONField(_("details"), default=dict, blank=True)
    done_at = models.DateTimeField(_("done"), auto_now_add=True)

    class Meta:
        verbose_name = _("recorded action")
        verbose_name_plural = _("recorded actions")
        ordering = ["-done_at", "-id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="action_subject")]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject_type}#{self.subject_id}"
