"""A schedule run whose worker died mid-solve: failed with the reason, restartable, no meeting
half-written. The worker's death is set up as ``fail_stalled`` finds it (its job silent past
the stall limit); .ci/e2e-production kills a real RQ worker in the middle of a run."""

from datetime import timedelta

import pytest
from django.utils import timezone

from amity.fair.domain.schedule import new_run
from amity.fair.models import Meeting, RunStatus, ScheduleRun
from amity.fair.schedule_tasks import fail_abandoned_run, start_schedule_run
from amity.jobs.domain import can_restart, fail_stalled, restart_job
from amity.jobs.models import Job, JobStatus
from tests.factories import OrganiserFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db(transaction=True)

REASON = "The job stopped reporting progress (its worker stopped); start it again."


def run_left_running(organiser, settings) -> ScheduleRun:
    """A run whose job a worker took and began solving, then died on."""
    fair, *_ = small_fair()
    run = new_run(fair, started_by=organiser, time_limit=2)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    job = start_schedule_run(run, organiser)
    silent = timezone.now() - timedelta(seconds=settings.AMITY_JOB_STALL_SECONDS + 1)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, updated_at=silent)
    ScheduleRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)
    run.refresh_from_db()
    return run


def test_a_run_whose_worker_died_reads_failed_with_the_reason_and_wrote_no_meeting(settings):
    organiser = OrganiserFactory()
    run = run_left_running(organiser, settings)

    assert fail_stalled() == 1
    run = fail_abandoned_run(run)

    assert (run.status, run.error) == (RunStatus.FAILED, REASON)
    assert run.finished_at is not None
    assert not Meeting.objects.filter(fair=run.fair).exists()
    assert can_restart(run.job)


def test_a_run_still_beating_is_not_failed(settings):
    run = run_left_running(OrganiserFactory(), settings)
    Job.objects.filter(pk=run.job_id).update(updated_at=timezone.now())

    assert fail_stalled() == 0
    assert fail_abandoned_run(run).status == RunStatus.RUNNING


def test_the_restarted_job_solves_a_fresh_run_with_the_same_settings(settings):
    organiser = OrganiserFactory()
    run = run_left_running(organiser, settings)
    fail_stalled()
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    again = restart_job(Job.objects.get(pk=run.job_id), owner=organiser)

    again.refresh_from_db()
    assert again.status == JobStatus.SUCCEEDED, again.error
    run.refresh_from_db()
    assert (run.status, run.error) == (RunStatus.FAILED, REASON)
    fresh = ScheduleRun.objects.exclude(pk=run.pk).get(fair=run.fair)
    assert (fresh.status, fresh.job_id, fresh.time_limit) == (RunStatus.FINISHED, again.pk, 2)
    assert again.result["url"].endswith(f"/schedule-runs/{fresh.pk}/")


@pytest.mark.parametrize("where", ["run page", "schedule page", "api run", "api list"])
def test_a_run_whose_worker_died_reads_failed_wherever_it_is_read(client, settings, where):
    """Nobody has to restart anything first: reading the run settles it."""
    organiser = OrganiserFactory()
    run = run_left_running(organiser, settings)
    client.force_login(organiser)
    url = {
        "run page": f"/en/fair/schedule-runs/{run.pk}/",
        "schedule page": f"/en/fair/{run.fair_id}/schedule/",
        "api run": f"/api/v1/fairs/{run.fair_id}/schedule-runs/{run.pk}",
        "api list": f"/api/v1/fairs/{run.fair_id}/schedule-runs",
    }[where]

    answer = client.get(url)

    assert answer.status_code == 200
    run.refresh_from_db()
    assert (run.status, run.error) == (RunStatus.FAILED, REASON)
    text = answer.content.decode()
    assert "failed" in text.lower()
    if where == "run page":
        assert "worker stopped" in text
