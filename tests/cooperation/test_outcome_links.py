"""A fair meeting's outcome linked to the project it led to: on the project's timeline, on the
fair's dashboard and in the API; refused for an outcome that led nowhere, or twice."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from amity.cooperation.domain import link_outcome
from amity.cooperation.domain.report import yearly_report
from amity.cooperation.models import ProjectOutcome
from amity.fair.domain.day import mark_meeting, record_outcome
from amity.fair.domain.schedule import add_meeting
from amity.fair.models import MeetingStatus, Table
from tests.factories.accounts import OrganiserFactory
from tests.factories.cities import AgreementFactory
from tests.factories.cooperation import ProjectFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db


def held_meeting_outcomes():
    """One held meeting at a fair on 10 May 2027 (Shanghai time), rated by both sides."""
    fair, people, requests, slots = small_fair(participants=2)
    meeting = add_meeting(requests[0], slot=slots[0], table=Table.objects.filter(fair=fair).first())
    mark_meeting(meeting, MeetingStatus.HELD)
    agreed = record_outcome(meeting, people[0], "agreement", "Letter of intent signed")
    nothing = record_outcome(meeting, people[1], "none")
    return fair, agreed, nothing


def test_link_outcome_puts_the_meeting_on_the_projects_timeline(client):
    _fair, agreed, _nothing = held_meeting_outcomes()
    project = ProjectFactory()

    link_outcome(project, outcome_id=agreed.pk)

    client.force_login(OrganiserFactory())
    with translation.override("en"):
        page = client.get(reverse("cooperation:project-detail", args=[project.pk]))
    text = page.content.decode()
    assert "Fair outcome" in text
    assert "Agreement reached" in text
    assert 'datetime="2027-05-10"' in text
    assert "Letter of intent signed" in text


def test_the_public_sees_the_fair_but_not_who_met_or_their_note(client):
    _fair, agreed, _nothing = held_meeting_outcomes()
    project = ProjectFactory(is_published=True)
    link_outcome(project, outcome_id=agreed.pk)

    with translation.override("en"):
        text = client.get(reverse("cooperation:project-detail", args=[project.pk])).content
    text = text.decode()

    assert "A meeting at" in text
    assert agreed.participant.name_en not in text
    assert "Letter of intent" not in text


@pytest.mark.parametrize(
    ("outcome", "message"),
    [("nothing", "no further contact"), ("missing", "Choose a recorded outcome")],
)
def test_link_outcome_refuses_an_outcome_that_led_nowhere_or_none(outcome, message):
    _fair, _agreed, nothing = held_meeting_outcomes()
    ids = {"nothing": nothing.pk, "missing": 10**9}

    with pytest.raises(ValidationError) as caught:
        link_outcome(ProjectFactory(), outcome_id=ids[outcome])

    assert list(caught.value.message_dict) == ["outcome"]
    assert message in caught.value.message_dict["outcome"][0]
    assert ProjectOutcome.objects.count() == 0


def test_link_outcome_twice_is_refused_and_the_first_stays():
    _fair, agreed, _nothing = held_meeting_outcomes()
    project = ProjectFactory()
    link_outcome(project, outcome_id=agreed.pk)

    with pytest.raises(ValidationError, match="already linked"):
        link_outcome(project, outcome_id=agreed.pk)

    assert ProjectOutcome.objects.count() == 1


def test_the_page_offers_only_outcomes_that_may_have_led_somewhere(client):
    _fair, agreed, nothing = held_meeting_outcomes()
    project = ProjectFactory()
    client.force_login(OrganiserFactory())
    with translation.override("en"):
        url = reverse("cooperation:outcome-link", args=[project.pk])

    form = client.get(url).content.decode()
    refused = client.post(url, {"outcome": nothing.pk})
    linked = client.post(url, {"outcome": agreed.pk})

    assert f'value="{agreed.pk}"' in form
    assert f'value="{nothing.pk}"' not in form
    assert refused.status_code == 422
    assert linked.status_code == 302
    assert ProjectOutcome.objects.get().outcome == agreed


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("en", "Cooperation projects from this fair"), ("zh-hans", "本次对接会促成的合作项目")],
)
def test_the_fair_dashboard_shows_the_linked_project(client, lang, heading):
    fair, agreed, _nothing = held_meeting_outcomes()
    project = ProjectFactory(title_en="Green corridor", title_zh="绿色航运走廊")
    link_outcome(project, outcome_id=agreed.pk)
    client.force_login(OrganiserFactory())

    with translation.override(lang):
        text = client.get(reverse("fair:dashboard", args=[fair.pk])).content.decode()
        link = reverse("cooperation:project-detail", args=[project.pk])

    assert heading in text
    assert link in text


def test_the_api_links_and_lists_the_outcome(client):
    fair, agreed, _nothing = held_meeting_outcomes()
    project = ProjectFactory()
    client.force_login(OrganiserFactory())

    created = client.post(
        f"/api/v1/cooperation/projects/{project.pk}/outcomes",
        json.dumps({"outcome_id": agreed.pk}),
        content_type="application/json",
    )
    detail = client.get(f"/api/v1/cooperation/projects/{project.pk}").json()

    assert created.status_code == 201
    assert detail["outcomes"] == [
        {
            "id": created.json()["id"],
            "outcome_id": agreed.pk,
            "fair_id": fair.pk,
            "rating": "agreement",
            "meeting_day": str(datetime.date(2027, 5, 10)),
        }
    ]


def test_a_project_resting_on_a_cities_agreement_shows_on_the_partner_page(client):
    agreement = AgreementFactory()
    project = ProjectFactory(title_en="Port twinning", is_published=True)
    project.agreements.add(agreement)

    with translation.override("en"):
        url = reverse("cities:partner-detail", args=[agreement.partnership_id])
        html = client.get(url).content.decode()

    assert "Port twinning" in html


def test_the_yearly_report_counts_the_fairs_outcomes_and_linked_projects():
    fair, agreed, _nothing = held_meeting_outcomes()
    link_outcome(ProjectFactory(), outcome_id=agreed.pk)
    year = fair.event.starts_on.year

    rows = {
        str(row.label): row.value
        for section in yearly_report(year).sections
        if section.key == "fair"
        for row in section.rows
    }

    assert rows["Meetings held"] == 1
    assert rows["Meetings where a side reported an agreement"] == 1
    assert rows["Meetings where a side reported follow-up or negotiation"] == 0
    assert rows["Cooperation projects linked to the fair's outcomes"] == 1
