""" "All agendas" for the welcome desk: one PDF, a page per participant, made as a job."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from amity.fair.agenda_documents import ALL_AGENDAS_KIND
from amity.fair.domain.schedule import add_meeting
from amity.fair.models import Participant, Table
from amity.jobs.models import Job, JobStatus
from tests.factories.accounts import OrganiserFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db


def _fair():
    fair, people, requests, slots = small_fair(participants=3)
    Participant.objects.filter(pk=people[0].pk).update(name_zh="上海港务集团")
    Participant.objects.filter(pk=people[1].pk).update(name_zh="杭州茶业")
    table = Table.objects.filter(fair=fair).first()
    add_meeting(requests[0], slot=slots[0], table=table)
    add_meeting(requests[1], slot=slots[1], table=table)
    return fair, people


def test_the_welcome_desk_pdf_has_a_page_per_participant_with_chinese_names(
    client, django_capture_on_commit_callbacks
):
    fair, people = _fair()
    client.force_login(OrganiserFactory())

    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(reverse("fair:all-agendas", args=[fair.pk]))
    job = Job.objects.get(kind=f"{ALL_AGENDAS_KIND}:{fair.pk}")
    download = client.get(job.result["url"])

    reader = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    pages = [page.extract_text() for page in reader.pages]
    assert started.status_code == 302
    assert (job.status, job.done, job.total) == (JobStatus.SUCCEEDED, 4, 4)
    assert len(pages) == len(people) == 3
    assert "上海港务集团" in "".join(pages)
    assert "杭州茶业" in "".join(pages)
    assert all("Agenda" in text or "Time" in text for text in pages)


def test_the_api_starts_the_same_job(client, django_capture_on_commit_callbacks):
    fair, _people = _fair()
    client.force_login(OrganiserFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/api/v1/fairs/{fair.pk}/agendas/all")

    job = client.get(response.json()["job_url"]).json()
    assert response.status_code == 202
    assert (job["status"], job["result"]["pages"]) == ("succeeded", 3)


def test_a_file_name_of_another_fair_is_not_served(client):
    fair, _people = _fair()
    client.force_login(OrganiserFactory())

    response = client.get(
        reverse(
            "fair:all-agendas-file", args=[fair.pk, f"agendas-{fair.pk + 1}-0123456789abcdef.pdf"]
        )
    )

    assert response.status_code == 404
