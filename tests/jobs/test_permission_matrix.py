"""A background job's page, status and API answer are for the one who started it and for
organisers: firm B's member may not follow firm A's import, nor Busan's delegate Dunedin's."""

import pytest

from amity.jobs.models import Job, JobStatus
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
PAGES = {"jobs:job-detail": PAGE, "jobs:job-status": PAGE}
API = {"GET /api/v1/jobs/{job_id}": {**PAGE, ANONYMOUS: 401}}
# Starting a failed job again (POST): the same people; allowed ones are sent to a job page.
RESTART = {"jobs:job-restart": {**PAGE, ORGANISER: 302, FIRM_A: 302}}
COVERED_ROUTES: set[str] = set(PAGES) | set(API) | set(RESTART)


@pytest.fixture
def job(world):
    return Job.objects.create(kind="tests.sample", title_en="Import", owner=world.users[FIRM_A])


@pytest.mark.parametrize(("route", "role", "expected"), cases(PAGES))
def test_page_permission_matrix(client, world, job, route, role, expected):
    as_role(client, world, role)

    expect(client.get(en(route, job.pk)), expected)


@pytest.mark.parametrize(("route", "role", "expected"), cases(RESTART))
def test_restart_permission_matrix(client, world, route, role, expected):
    failed = Job.objects.create(
        kind="tests.sample",
        title_en="Import",
        owner=world.users[FIRM_A],
        status=JobStatus.FAILED,
        task_path="tests.jobs.sample_tasks.count_to",
        arguments={"n": 1},
    )
    as_role(client, world, role)

    response = client.post(en(route, failed.pk))

    expect(response, expected)
    if expected == 302:
        assert Job.objects.filter(restarted_from=failed).exists()


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
