"""A job whose worker died: found by its silent heartbeat, failed with the reason, restartable.

The clock is not waited on: a job's last sign of life is set back in time, as it is when its
worker was killed that long ago (.ci/e2e-production kills a real RQ worker mid-import).
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from amity.jobs.domain import Heartbeat, can_restart, fail_stalled, start_job
from amity.jobs.models import Job, JobStatus
from tests.factories import EnterpriseUserFactory, OrganiserFactory
from tests.jobs.sample_tasks import count_to

pytestmark = pytest.mark.django_db

REASON = "The job stopped reporting progress (its worker stopped); start it again."


def job_left_running(owner, silent_for: timedelta) -> Job:
    """A job a worker took (and began) and then died on, ``silent_for`` ago."""
    job = start_job(kind="tests.sample", title=lambda: "Counting", owner=owner, task=count_to, n=4)
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING,
        started_at=timezone.now() - silent_for,
        updated_at=timezone.now() - silent_for,
        done=1,
        total=4,
    )
    return job


def test_a_job_silent_past_the_stall_limit_reads_failed_with_its_reason(client, settings):
    owner = EnterpriseUserFactory()
    job = job_left_running(owner, timedelta(seconds=settings.AMITY_JOB_STALL_SECONDS + 1))
    client.force_login(owner)

    page = client.get(reverse("jobs:job-detail", args=[job.pk])).content.decode()
    api = client.get(f"/api/v1/jobs/{job.pk}").json()

    assert (api["status"], api["error"]) == ("failed", REASON)
    assert REASON in page
    assert "Start again" in page
    job.refresh_from_db()
    assert job.finished_at is not None


def test_a_job_within_the_stall_limit_keeps_running(client, settings):
    owner = EnterpriseUserFactory()
    job = job_left_running(owner, timedelta(seconds=settings.AMITY_JOB_STALL_SECONDS - 5))
    client.force_login(owner)

    api = client.get(f"/api/v1/jobs/{job.pk}").json()

    assert (api["status"], api["error"]) == ("running", "")


def test_a_heartbeat_keeps_a_job_that_reports_nothing_alive(settings):
    job = job_left_running(None, timedelta(hours=1))

    Heartbeat(str(job.pk)).beat()

    assert fail_stalled() == 0
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING


def test_a_heartbeat_never_revives_a_finished_job():
    job = job_left_running(None, timedelta(hours=1))
    fail_stalled()
    failed_at = Job.objects.get(pk=job.pk).updated_at

    Heartbeat(str(job.pk)).beat()

    job.refresh_from_db()
    assert (job.status, job.updated_at) == (JobStatus.FAILED, failed_at)


def test_the_owner_starts_the_failed_job_again_once_and_it_finishes(
    client, django_capture_on_commit_callbacks
):
    owner = EnterpriseUserFactory()
    job = job_left_running(owner, timedelta(hours=1))
    fail_stalled()
    client.force_login(owner)

    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(reverse("jobs:job-restart", args=[job.pk]))
    again = Job.objects.get(restarted_from=job)
    second = client.post(reverse("jobs:job-restart", args=[job.pk]), follow=True)

    assert answer.url == reverse("jobs:job-detail", args=[again.pk])
    assert (again.status, again.result, again.arguments) == (
        JobStatus.SUCCEEDED,
        {"counted": 4, "url": "/en/"},
        {"n": 4},
    )
    assert Job.objects.get(pk=job.pk).status == JobStatus.FAILED  # the record of the failure
    assert "Only a failed job can be started again, and once." in second.content.decode()
    assert Job.objects.filter(restarted_from=job).count() == 1


@pytest.mark.parametrize(("who", "expected"), [("other member", 403), ("organiser", 302)])
def test_only_the_owner_and_organisers_may_restart(client, who, expected):
    job = job_left_running(EnterpriseUserFactory(), timedelta(hours=1))
    fail_stalled()
    client.force_login(OrganiserFactory() if who == "organiser" else EnterpriseUserFactory())

    answer = client.post(reverse("jobs:job-restart", args=[job.pk]))

    assert answer.status_code == expected


def test_running_and_finished_jobs_cannot_be_restarted(django_capture_on_commit_callbacks):
    running = job_left_running(None, timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        done = start_job(kind="tests.sample", title=lambda: "x", owner=None, task=count_to, n=1)
    done.refresh_from_db()

    assert (can_restart(running), can_restart(done)) == (False, False)


def test_restart_needs_post(client):
    job = job_left_running(EnterpriseUserFactory(), timedelta(hours=1))
    client.force_login(job.owner)

    assert client.get(reverse("jobs:job-restart", args=[job.pk])).status_code == 405
