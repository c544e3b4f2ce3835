"""The schedule run as a background job: the organiser watches the solver's progress."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from amity.fair.domain.schedule import execute_run
from amity.fair.models import RunStatus, ScheduleRun
from amity.jobs.domain import job_task, start_job

STEPS = {
    "done": gettext_noop("Schedule ready: %(scheduled)s of %(requested)s meetings"),
    "failed": gettext_noop("No schedule: %(error)s"),
}
# The engine names its phases; anything else reads as "searching".
PHASE = gettext_noop("Searching for the best schedule (%(phase)s)")
SCHEDULE_KIND = "fair.schedule"


@task()
@job_task
def run_schedule(progress, *, run_id: int) -> dict:
    run = ScheduleRun.objects.select_related("fair__event").get(pk=run_id)

    def report(done: int, total: int, phase: str) -> None:
        progress(done, total, PHASE, phase=phase)

    run = execute_run(run, report)
    url = reverse("fair:schedule-run", args=[run.pk])
    if run.status != RunStatus.FINISHED:
        progress(1, 1, STEPS["failed"], error=run.error)
        return {"url": url}
    progress(1, 1, STEPS["done"], **{k: run.stats[k] for k in ("scheduled", "requested")})
    return {"url": url, "scheduled": run.stats["scheduled"]}


def start_schedule_run(run: ScheduleRun, owner):
    job = start_job(
        kind=f"{SCHEDULE_KIND}:{run.fair_id}",
        title=lambda: _("Schedule for %(fair)s") % {"fair": run.fair.event.name_en},
        owner=owner,
        task=run_schedule,
        run_id=run.pk,
    )
    ScheduleRun.objects.filter(pk=run.pk).update(job=job)
    return job
