import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Finished")
    FAILED = "failed", _("Failed")


class Job(models.Model):
    """One run of a background task, as its owner sees it: what, how far, and what came out."""

    # Random ids: a job's page must not be found by counting.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Dotted name of the work, e.g. "fair.recommendations"; its label comes from the domain.
    kind = models.CharField(_("kind"), max_length=80)
    # What the job is about, in both languages, so its page reads well whoever opens it.
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_zh = models.CharField(_("title (Chinese)"), max_length=300, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jobs",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    # The starter's language: the task runs in it, so its errors read in that language too.
    language = models.CharField(_("language"), max_length=10, default="en")
    done = models.PositiveIntegerField(pgettext_lazy("progress", "done"), default=0)
    total = models.PositiveIntegerField(_("total"), null=True, blank=True)
    # The latest step as an untranslated message id plus its parameters: translated when shown,
    # so each reader sees it in their own language.
    message = models.CharField(_("message"), max_length=300, blank=True)
    message_params = models.JSONField(default=dict, blank=True)
    # What the finished job made, e.g. {"url": "/en/fair/3/suggestions/"} or counts.
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Last sign of life; a running job whose worker died stops moving (see domain.fail_stalled).
    updated_at = models.DateTimeField(_("last progress"), auto_now=True)
    # What to run again when a failed job is restarted: the task's dotted path and its JSON
    # arguments (empty for jobs recorded before restarts existed: those cannot be restarted).
    task_path = models.CharField(_("task"), max_length=200, blank=True)
    arguments = models.JSONField(_("arguments"), default=dict, blank=True)
    restarted_from = models.OneToOneField(
        "self",
        verbose_name=_("restart of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="restart",
    )

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["kind", "status"], name="job_kind_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(total__isnull=True) | Q(done__lte=models.F("total")),
                name="job_done_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.id}"

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.SUCCEEDED, JobStatus.FAILED)
