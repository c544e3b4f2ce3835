"""Background jobs: progress and outcome are recorded; only the owner and organisers see them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from amity.jobs.domain import fail_stalled, start_job
from amity.jobs.models import Job, JobStatus
from tests.factories import EnterpriseUserFactory, OrganiserFactory
from tests.jobs.sample_tasks import count_to, refuse

pytestmark = pytest.mark.django_db


def run_job(django_capture_on_commit_callbacks, owner, task, **arguments) -> Job:
    with django_capture_on_commit_callbacks(execute=True):
        job = start_job(
            kind="tests.sample", title=lambda: "Counting", owner=owner, **arguments, task=task
        )
    job.refresh_from_db()
    return job


def test_start_job_runs_the_task_after_commit_and_records_the_result(
    django_capture_on_commit_callbacks,
):
    owner = EnterpriseUserFactory()

    job = run_job(django_capture_on_commit_callbacks, owner, count_to, n=7)

    assert (job.status, job.done, job.total, job.result) == (
        JobStatus.SUCCEEDED,
        7,
        7,
        {"counted": 7, "url": "/en/"},
    )
    assert job.owner == owner
    assert job.started_at <= job.finished_at


def test_start_job_does_not_run_before_the_transaction_commits():
    job = start_job(kind="tests.sample", title=lambda: "Counting", owner=None, task=count_to, n=3)

    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED


def test_a_validation_error_fails_the_job_with_its_message(django_capture_on_commit_callbacks):
    job = run_job(django_capture_on_commit_callbacks, EnterpriseUserFactory(), refuse, field="x")

    assert (job.status, job.error, job.total) == (
        JobStatus.FAILED,
        "row 2: unknown sector code 9999",
        3,
    )


def test_a_job_delivered_twice_runs_once(django_capture_on_commit_callbacks):
    job = run_job(django_capture_on_commit_callbacks, None, count_to, n=2)
    finished_at = job.finished_at

    count_to.func(job_id=str(job.pk), n=5)

    job.refresh_from_db()
    assert (job.done, job.result["counted"], job.finished_at) == (2, 2, finished_at)


def test_title_is_kept_in_both_languages():
    job = start_job(
        kind="tests.sample",
        title=lambda: translation.gettext("Background jobs"),
        owner=None,
        task=count_to,
        n=1,
    )

    assert (job.title_en, job.title_zh) == ("Background jobs", "后台任务")


def test_fail_stalled_fails_only_jobs_without_recent_progress():
    stalled = Job.objects.create(kind="k", title_en="old", status=JobStatus.RUNNING)
    moving = Job.objects.create(kind="k", title_en="new", status=JobStatus.RUNNING)
    Job.objects.filter(pk=stalled.pk).update(updated_at=timezone.now() - timedelta(hours=2))

    count = fail_stalled(timedelta(minutes=30))

    stalled.refresh_from_db()
    moving.refresh_from_db()
    assert (count, stalled.status, moving.status) == (1, JobStatus.FAILED, JobStatus.RUNNING)


@pytest.fixture
def running_job():
    owner = EnterpriseUserFactory()
    return Job.objects.create(
        kind="k",
        title_en="Suggestions",
        title_zh="推荐",
        owner=owner,
        status=JobStatus.RUNNING,
        done=3,
        total=10,
        message="%(done)s of %(total)s",
        message_params={"done": 3, "total": 10},
    )


@pytest.mark.parametrize(
    ("who", "expected"),
    [("anonymous", 302), ("owner", 200), ("other member", 403), ("organiser", 200)],
)
def test_job_page_is_for_the_owner_and_organisers(client, running_job, who, expected):
    users = {
        "owner": running_job.owner,
        "other member": EnterpriseUserFactory(),
        "organiser": OrganiserFactory(),
    }
    if who in users:
        client.force_login(users[who])

    page = client.get(reverse("jobs:job-detail", args=[running_job.pk]))
    api = client.get(f"/api/v1/jobs/{running_job.pk}")

    assert page.status_code == expected
    assert api.status_code == {302: 401}.get(expected, expected)


def test_status_fragment_polls_while_running_and_stops_when_finished(client, running_job):
    client.force_login(running_job.owner)
    url = reverse("jobs:job-status", args=[running_job.pk])

    running = client.get(url).content.decode()
    Job.objects.filter(pk=running_job.pk).update(status=JobStatus.SUCCEEDED, done=10)
    finished = client.get(url).content.decode()

    assert 'hx-trigger="every 1s"' in running
    assert '<progress max="10" value="3">' in running
    assert "hx-trigger" not in finished


def test_job_message_is_shown_in_the_readers_language(client, running_job):
    client.force_login(running_job.owner)

    with translation.override("zh-hans"):
        page = client.get(reverse("jobs:job-detail", args=[running_job.pk]))
    api = client.get(f"/api/v1/jobs/{running_job.pk}", headers={"accept-language": "zh-hans"})

    assert "推荐" in page.content.decode()
    assert "3 / 10" in page.content.decode()
    assert (api.json()["title"], api.json()["message"]) == ("推荐", "3 / 10")


def test_unknown_job_is_a_404_naming_the_kind_of_record(client):
    client.force_login(OrganiserFactory())

    response = client.get("/api/v1/jobs/8d3c6a59-5b2f-4b7e-9a53-2f1f2c0f6d11")

    assert response.status_code == 404
    assert "background job" in response.json()["detail"]
