"""What a project grew from at a matching fair: a meeting's recorded outcome.

(A project's registry agreements are ``Project.agreements``.) Cooperation sits above the fair
in the layers, so the link lives here and the fair's pages read it through a template include.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectOutcome(models.Model):
    project = models.ForeignKey(
        "cooperation.Project", on_delete=models.CASCADE, related_name="outcome_links"
    )
    outcome = models.ForeignKey(
        "fair.MeetingOutcome",
        verbose_name=_("fair outcome"),
        on_delete=models.CASCADE,
        related_name="project_links",
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("linked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("fair outcome of a project")
        verbose_name_plural = _("fair outcomes of projects")
        ordering = ["project", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "outcome"], name="project_outcome_linked_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} ← {self.outcome}"
