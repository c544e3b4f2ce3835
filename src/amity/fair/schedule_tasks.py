"""The schedule run as a background job: the organiser watches the solver's progress."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from amity.fair.domain.schedule import execute_run, new_run
from amity.fair.models import RunStatus, ScheduleRun
from amity.jobs.domain import fail_stalled, job_task, start_job
from amity.jobs.models import Job, JobStatus

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
    if run.status != RunStatus.QUEUED:
        run = _fresh_copy(run, progress.job_id)

    def report(done: int, total: int, phase: str) -> None:
        progress(done, total, PHASE, phase=phase)

    run = execute_run(run, report)
    url = reverse("fair:schedule-run", args=[run.pk])
    if run.status != RunStatus.FINISHED:
        progress(1, 1, STEPS["failed"], error=run.error)
        return {"url": url}
    progress(1, 1, STEPS["done"], **{k: run.stats[k] for k in ("scheduled", "requested")})
    return {"url": url, "scheduled": run.stats["scheduled"]}


def fail_abandoned_run(run: ScheduleRun) -> ScheduleRun:
    """A run left ``running`` by a job that failed (its worker was killed mid-solve) reads
    failed with the job's reason. The solver writes no meeting: only adopting a finished run
    does, so nothing is half-written."""
    job = Job.objects.filter(pk=run.job_id, status=JobStatus.FAILED).first()
    if run.status == RunStatus.RUNNING and job is not None:
        ScheduleRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(
            status=RunStatus.FAILED, error=job.error, finished_at=job.finished_at
        )
        run.refresh_from_db()
    return run


def settle_abandoned_runs(fair_id: int) -> None:
    """Called wherever runs are read: a run whose worker died reads failed at once, not
    "running" until somebody restarts its job. Cheap: it looks only at running runs."""
    running = ScheduleRun.objects.filter(fair_id=fair_id, status=RunStatus.RUNNING)
    for run in running.exclude(job=None):
        fail_stalled(job_id=run.job_id)
        fail_abandoned_run(run)


def _fresh_copy(run: ScheduleRun, job_id) -> ScheduleRun:
    """The restarted job of an abandoned run solves a new run with the same settings (a run
    never changes once started); the abandoned one stays failed, as the record."""
    fail_abandoned_run(run)
    copy = new_run(
        run.fair,
        started_by=run.started_by,
        seed=run.seed,
        time_limit=run.time_limit,
        max_break_spread=run.max_break_spread,
        keep_locked=run.keep_locked,
    )
    ScheduleRun.objects.filter(pk=copy.pk).update(job_id=job_id)
    copy.refresh_from_db()
    return copy


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
