"""Suggestions are recomputed as a background job when profiles change, with progress."""

import pytest
from django.urls import reverse

from amity.fair.models import Recommendation
from amity.fair.tasks import recompute_kind
from amity.jobs.models import Job, JobStatus
from tests.factories.accounts import PASSWORD, EnterpriseUserFactory, OrganiserFactory
from tests.factories.fair import FairFactory, OpportunityFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def test_organiser_recompute_runs_a_job_that_stores_suggestions(
    client, django_capture_on_commit_callbacks
):
    fair = FairFactory()
    a, b = ParticipantFactory(fair=fair), ParticipantFactory(fair=fair)
    OpportunityFactory(participant=a, kind="offer", title="Port cranes")
    OpportunityFactory(participant=b, kind="request", title="We seek port cranes")
    organiser = OrganiserFactory()
    client.login(username=organiser.username, password=PASSWORD)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("fair:recompute", args=[fair.pk]))

    job = Job.objects.get(kind=recompute_kind(fair.pk))
    assert response.status_code == 302
    assert (job.status, job.done, job.total) == (JobStatus.SUCCEEDED, 3, 3)
    assert Recommendation.objects.filter(participant=b, partner=a).exists()


def test_adding_an_opportunity_recomputes_the_suggestions(
    client, django_capture_on_commit_callbacks
):
    fair = FairFactory()
    a, b = ParticipantFactory(fair=fair), ParticipantFactory(fair=fair)
    OpportunityFactory(participant=a, kind="offer", title="Guided wine tours")
    member = EnterpriseUserFactory(organisation=b.organisation)
    client.login(username=member.username, password=PASSWORD)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("fair:opportunity-add", args=[b.pk]),
            {"kind": "request", "title": "We want wine tours for our groups"},
        )

    fair.refresh_from_db()
    assert Recommendation.objects.filter(participant=b, partner=a).exists()
    assert fair.recommendations_stale is False
