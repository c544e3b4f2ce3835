"""Background work of the fair: recomputing suggestions, with progress for the organiser."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from amity.fair.domain.suggestions import refresh_recommendations
from amity.fair.models import Fair
from amity.jobs.domain import job_task, start_job
from amity.jobs.models import Job, JobStatus

STEPS = {
    "reading profiles": gettext_noop("Reading the participants' profiles"),
    "embedding and scoring": gettext_noop("Embedding texts and scoring pairs"),
    "saving suggestions": gettext_noop("Saving the suggestions"),
    "done": gettext_noop("%(count)s suggestions stored"),
}
RECOMPUTE_KIND = "fair.recompute"


def recompute_kind(fair_id: int) -> str:
    # The fair's id in the kind lets the overview find this fair's runs.
    return f"{RECOMPUTE_KIND}:{fair_id}"


@task()
@job_task
def recompute_recommendations(progress, *, fair_id: int) -> dict:
    fair = Fair.objects.select_related("event").get(pk=fair_id)
    count = refresh_recommendations(
        fair, lambda done, total, step: progress(done, total, STEPS[step], count=0)
    )
    progress(3, 3, STEPS["done"], count=count)
    return {"count": count, "url": reverse("fair:organiser-overview", args=[fair_id])}


def start_recompute(fair: Fair, owner):
    """Start the recomputation as a job; the organiser follows it on the job's page."""
    return start_job(
        kind=recompute_kind(fair.pk),
        title=lambda: _("Suggestions for %(fair)s") % {"fair": fair.event.name_en},
        owner=owner,
        task=recompute_recommendations,
        fair_id=fair.pk,
    )


def recompute_soon(fair_id: int, owner=None) -> Job | None:
    """After a profile change: queue a recomputation unless one is already waiting to run.

    A run already under way read the profiles before this change; the fair stays marked
    stale and the next change (or the organiser's button) queues the next run.
    """
    fair = Fair.objects.select_related("event").get(pk=fair_id)
    waiting = Job.objects.filter(kind=recompute_kind(fair_id), status=JobStatus.QUEUED)
    if waiting.exists():
        return None
    return start_recompute(fair, owner)
