"""A background job's page, status and API answer are for the one who started it and for
organisers: firm B's member may not follow firm A's import, nor Busan's delegate Dunedin's."""

import pytest

from amity.jobs.domain import start_job
from amity.jobs.models import Job, JobStatus
from tests.jobs.sample_tasks import count_to
from tests.permissions.matrix import (
    ANONYMOUS,
    BUSAN,
    DUNEDIN,
    FIRM_A,
    FIRM_B,
    LOGIN,
    ORGANISER,
    api_headers,
    as_role,
    cases,
    en,
    expect,
)

pytestmark = pytest.mark.django_db

# The job is firm A's member's.
PAGE = {ANONYMOUS: LOGIN, ORGANISER: 200, FIRM_A: 200, FIRM_B: 403, DUNEDIN: 403, BUSAN: 403}
# Restarting a job that has not failed is refused with a message on the job's page (302).
RESTART = {**PAGE, ORGANISER: 302, FIRM_A: 302}
PAGES = {"jobs:job-detail": PAGE, "jobs:job-status": PAGE, "jobs:job-restart": RESTART}
API = {"GET /api/v1/jobs/{job_id}": {**PAGE, ANONYMOUS: 401}}
# Starting a failed job again: the same people, by POST; success leads to the new job's page.
RESTART = {**PAGE, ORGANISER: 302, FIRM_A: 302}
ACTIONS = {"jobs:job-restart": RESTART}
COVERED_ROUTES: set[str] = set(PAGES) | set(API) | set(ACTIONS)


@pytest.fixture
def job(world):
    return Job.objects.create(kind="tests.sample", title_en="Import", owner=world.users[FIRM_A])


@pytest.mark.parametrize(("route", "role", "expected"), cases(PAGES))
def test_page_permission_matrix(client, world, job, route, role, expected):
    as_role(client, world, role)
    call = client.post if route == "jobs:job-restart" else client.get

    expect(call(en(route, job.pk)), expected)


@pytest.mark.parametrize(("operation", "role", "expected"), cases(API))
def test_api_permission_matrix(client, world, job, operation, role, expected):
    address = operation.split(" ", 1)[1].format(job_id=job.pk)

    response = client.get(address, headers=api_headers(world, role))

    assert response.status_code == expected, response.content[:300]


@pytest.mark.parametrize("role", [DUNEDIN, BUSAN])
def test_a_delegates_job_is_theirs_alone(client, world, role):
    job = Job.objects.create(kind="tests.sample", title_en="Badges", owner=world.users[DUNEDIN])
    as_role(client, world, role)

    response = client.get(en("jobs:job-detail", job.pk))

    assert response.status_code == (200 if role == DUNEDIN else 403)


@pytest.mark.parametrize(("route", "role", "expected"), cases(ACTIONS))
def test_restart_permission_matrix(client, world, route, role, expected):
    job = start_job(
        kind="tests.sample", title=lambda: "Counting", owner=world.users[FIRM_A], task=count_to, n=2
    )
    Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED)
    as_role(client, world, role)

    response = client.post(en(route, job.pk))

    expect(response, expected)
    restarted = Job.objects.filter(kind=job.kind).exclude(pk=job.pk).exists()
    assert restarted == (expected == 302)
