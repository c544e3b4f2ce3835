"""The yearly report counts what happened in its year, and its PDF prints both languages."""

import datetime
import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from pypdf import PdfReader

from amity.cooperation.domain.report import REPORT_SECTIONS, ReportRow, ReportSection, yearly_report
from amity.cooperation.tasks import report_path
from amity.jobs.models import Job, JobStatus
from tests.factories.cities import AgreementFactory, ExchangeFactory, PartnershipFactory
from tests.factories.cooperation import MilestoneFactory, ProjectFactory, TransferFactory
from tests.factories.events import DelegationFactory, EventFactory
from tests.factories.fair import FairFactory, MeetingRequestFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def figures(year: int) -> dict[str, dict[str, int]]:
    return {
        section.key: {str(row.label): row.value for row in section.rows}
        for section in yearly_report(year).sections
    }


def test_report_counts_only_the_records_of_its_year():
    PartnershipFactory(established_on=datetime.date(2023, 5, 1))
    PartnershipFactory(established_on=datetime.date(2022, 5, 1))
    AgreementFactory(kind="renewal", signed_on=datetime.date(2023, 2, 1))
    ExchangeFactory(kind="incoming_visit", starts_on=datetime.date(2023, 4, 9), ends_on=None)
    event = EventFactory(starts_on=datetime.date(2023, 11, 30), ends_on=datetime.date(2023, 12, 1))
    DelegationFactory.create_batch(3, event=event)
    DelegationFactory(
        event=EventFactory(starts_on=datetime.date(2024, 1, 2), ends_on=datetime.date(2024, 1, 3))
    )
    project = ProjectFactory(starts_on=datetime.date(2023, 3, 1))
    MilestoneFactory(project=project, status="reached", reached_on=datetime.date(2023, 9, 22))
    MilestoneFactory(project=project, status="reached", reached_on=datetime.date(2022, 1, 31))
    TransferFactory(since=datetime.date(2023, 12, 1), since_precision="day", stage="interest")
    TransferFactory(since=datetime.date(2011, 1, 1), since_precision="year")

    result = figures(2023)

    assert result["partnerships"] == {
        "Partnerships established": 1,
        "Partnerships renewed": 1,
        # The renewal, and the agreement factory's partnerships sign none in 2023 otherwise.
        "Agreements signed": 1,
    }
    assert result["visits"]["Visits to the home city"] == 1
    assert result["visits"]["Events of the programme"] == 1
    assert result["delegations"] == {
        "Delegations at events in the home city": 3,
        "Partner cities that sent a delegation": 3,
    }
    assert result["projects"]["Projects started"] == 1
    assert result["projects"]["Milestones reached"] == 1
    assert result["practices"] == {"Transfers begun": 1, "Of which adopted": 0}


def test_a_section_can_be_added_through_the_extension_point(monkeypatch):
    def outcomes(year: int) -> ReportSection | None:
        return ReportSection("outcomes", "Outcomes", [ReportRow("Agreements reached", 4)])

    def nothing(year: int) -> ReportSection | None:
        return None

    monkeypatch.setattr(
        "amity.cooperation.domain.report.REPORT_SECTIONS", [*REPORT_SECTIONS, outcomes, nothing]
    )

    sections = yearly_report(2023).sections

    # No fair in 2023 here: its section is left out; the added one comes last.
    assert [section.key for section in sections] == [
        "partnerships",
        "visits",
        "delegations",
        "projects",
        "practices",
        "outcomes",
    ]


def test_report_pdf_job_renders_both_languages_with_chinese_text(
    organiser_client, django_capture_on_commit_callbacks
):
    project = ProjectFactory(title_en="Green corridor", title_zh="绿色航运走廊")
    MilestoneFactory(
        project=project,
        title_en="Plan outline",
        title_zh="实施计划纲要",
        status="reached",
        reached_on=datetime.date(2023, 9, 22),
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(reverse("cooperation:report-index"), {"year": "2023"})

    job = Job.objects.get()
    assert (response.status_code, job.status, job.kind) == (
        302,
        JobStatus.SUCCEEDED,
        "cooperation.yearly_report",
    )
    with default_storage.open(report_path(2023), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Yearly report 2023" in text
    assert "2023 年度报告" in text
    assert "达成的里程碑" in text
    assert "实施计划纲要" in text
    assert "Plan outline" in text


def test_report_page_of_a_year_outside_the_programme_is_404(organiser_client):
    response = organiser_client.get(reverse("cooperation:report", args=[3000]))

    assert response.status_code == 404


def test_report_counts_the_fair_of_its_year():
    fair = FairFactory(
        event__starts_on=datetime.date(2023, 11, 30), event__ends_on=datetime.date(2023, 11, 30)
    )
    sender, receiver, third = ParticipantFactory.create_batch(3, fair=fair)
    MeetingRequestFactory(sender=sender, receiver=receiver, state="accepted")
    MeetingRequestFactory(sender=sender, receiver=third, state="pending")

    assert figures(2023)["fair"] == {
        "Fairs held": 1,
        "Participating organisations": 3,
        "Meeting requests": 2,
        "Meetings agreed": 1,
        "Meetings held": 0,
        "Meetings where a side reported an agreement": 0,
        "Meetings where a side reported follow-up or negotiation": 0,
        "Cooperation projects linked to the fair's outcomes": 0,
    }
    assert "fair" not in figures(2022)
