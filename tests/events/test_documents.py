"""The event's documents: PDFs carry the Chinese names, the ICS feed the programme's instants,
and a big event's badges are made by a background job."""

import datetime
import io

import icalendar
import pytest
from django.urls import reverse
from pypdf import PdfReader

from amity.events import printing
from amity.events.views import documents
from amity.jobs.models import Job, JobStatus
from tests.factories import OrganiserFactory
from tests.factories.events import DelegationMemberFactory, SessionFactory

pytestmark = pytest.mark.django_db


def text_of(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_badges_pdf_shows_the_chinese_name_and_a_qr_per_person():
    member = DelegationMemberFactory(name_en="Jules Example", name_zh="朱尔斯")

    text = text_of(printing.badges_pdf(member.event))

    assert "Jules Example" in text
    assert "朱尔斯" in text


def test_programme_pdf_shows_the_chinese_title_at_local_time():
    session = SessionFactory(
        title_zh="开幕式", starts_at=datetime.datetime(2023, 12, 1, 1, 0, tzinfo=datetime.UTC)
    )

    text = text_of(printing.programme_pdf(session.event))

    assert "开幕式" in text
    assert "09:00" in text


def test_invitation_letter_is_bilingual_per_member():
    member = DelegationMemberFactory(name_en="Ana Example", name_zh="安娜")

    text = text_of(printing.invitation_pdf(member.delegation))

    assert "Letter of invitation" in text
    assert "邀请函" in text
    assert "安娜" in text


def test_ics_feed_lists_each_session_at_its_utc_instant():
    session = SessionFactory(title_en="Opening")

    calendar = icalendar.Calendar.from_ical(printing.programme_ics(session.event, "http://x/"))
    entries = list(calendar.walk("VEVENT"))

    assert [str(e["summary"]).split(" / ")[0] for e in entries] == ["Opening"]
    assert entries[0].decoded("dtstart") == session.starts_at


def test_big_event_badges_run_as_a_job_with_the_sheet_as_result(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    member = DelegationMemberFactory(name_zh="大型")
    DelegationMemberFactory(delegation=member.delegation, event=member.event)
    monkeypatch.setattr(documents, "BADGES_IN_REQUEST", 1)
    client.force_login(OrganiserFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("events:badges", args=[member.event.pk]))

    job = Job.objects.get()
    assert response["Location"] == reverse("jobs:job-detail", args=[job.pk])
    assert job.status == JobStatus.SUCCEEDED
    sheet = client.get(job.result["url"])
    assert sheet.status_code == 200
    assert "大型" in text_of(b"".join(sheet.streaming_content))


def test_a6_badges_are_one_per_page():
    member = DelegationMemberFactory()
    DelegationMemberFactory(delegation=member.delegation, event=member.event)

    reader = PdfReader(io.BytesIO(printing.badges_pdf(member.event, paper="a6")))

    assert len(reader.pages) == 2
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert round(width_mm) == 105


def test_documents_print_no_template_comment():
    member = DelegationMemberFactory()

    text = text_of(printing.badges_pdf(member.event))

    assert "Content Security Policy" not in text
