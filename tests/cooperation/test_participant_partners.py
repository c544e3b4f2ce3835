"""A matching fair's participant as a project partner: exactly one kind of partner (in the
domain and in the database), found by name on the page, named with its fair on the project page
and its timeline, in the API, the admin and the audit history."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from amity.audit.tracking import acting_as
from amity.cooperation import domain
from amity.cooperation.forms import PARTICIPANT_CHOICES
from amity.cooperation.models import ProjectPartner
from tests.factories.accounts import OrganiserFactory
from tests.factories.cities import PartnershipFactory
from tests.factories.cooperation import ProjectFactory
from tests.factories.events import EventFactory
from tests.factories.fair import FairFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def harbour():
    fair = FairFactory(
        event=EventFactory(
            name_en="Friendship Cities Business Fair",
            name_zh="友好城市商务对接会",
            starts_on=datetime.date(2023, 11, 30),
            ends_on=datetime.date(2023, 11, 30),
        )
    )
    return ParticipantFactory(
        fair=fair,
        name_en="Harbour Fuels",
        name_zh="港口燃料",
        city_name="Los Angeles",
        city_name_zh="洛杉矶",
    )


def _add_page(project) -> str:
    return reverse("cooperation:participant-partner-add", args=[project.pk])


def test_two_kinds_set_at_once_is_refused_by_the_database(harbour):
    project = ProjectFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectPartner.objects.create(
            project=project, partnership=PartnershipFactory(), participant=harbour, role="lead"
        )


def test_a_partner_of_no_kind_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectPartner.objects.create(project=ProjectFactory(), role="lead")


def test_add_partner_with_a_city_and_a_participant_names_the_rule_and_saves_nothing(harbour):
    project = ProjectFactory()

    with pytest.raises(ValidationError) as refused:
        domain.add_partner(
            project, role="lead", partnership=PartnershipFactory(), participant=harbour
        )

    assert refused.value.message_dict == {
        "partnership": [
            "Choose exactly one of a partner city, an organisation or a fair participant."
        ]
    }
    assert ProjectPartner.objects.count() == 0


def test_the_same_participant_twice_is_refused_at_the_participant(harbour):
    project = ProjectFactory()
    domain.add_partner(project, role="partner", participant=harbour)

    with pytest.raises(ValidationError) as refused:
        domain.add_partner(project, role="funder", participant=harbour)

    assert refused.value.message_dict == {"participant": ["This partner already takes part."]}
    assert ProjectPartner.objects.count() == 1


def test_the_search_offers_participants_named_like_it_in_either_language(organiser_client, harbour):
    project = ProjectFactory()
    ParticipantFactory(name_en="Shanghai Textiles", name_zh="上海纺织")

    by_english = organiser_client.get(_add_page(project), {"q": "harbour"}).content.decode()
    by_chinese = organiser_client.get(_add_page(project), {"q": "燃料"}).content.decode()

    assert "Harbour Fuels (Los Angeles) · Friendship Cities Business Fair" in by_english
    assert "Shanghai Textiles" not in by_english
    assert "Harbour Fuels" in by_chinese
    assert "Shanghai Textiles" not in by_chinese


def test_the_search_offers_a_bounded_slice_at_a_constant_cost(organiser_client):
    project = ProjectFactory()
    fair = FairFactory()
    ParticipantFactory(fair=fair, name_en="Port Logistics 0")
    with CaptureQueriesContext(connection) as one:
        organiser_client.get(_add_page(project), {"q": "Port"})
    for n in range(1, PARTICIPANT_CHOICES + 10):
        ParticipantFactory(fair=fair, name_en=f"Port Logistics {n}")

    with CaptureQueriesContext(connection) as many:
        html = organiser_client.get(_add_page(project), {"q": "Port"}).content.decode()

    assert html.count("Port Logistics") == PARTICIPANT_CHOICES
    assert f"The first {PARTICIPANT_CHOICES} matches are offered" in html
    assert len(many) == len(one)


def test_a_participant_already_taking_part_is_not_offered_again(organiser_client, harbour):
    project = ProjectFactory()
    domain.add_partner(project, role="partner", participant=harbour)

    html = organiser_client.get(_add_page(project), {"q": "Harbour"}).content.decode()

    assert "Harbour Fuels (" not in html
    assert "No fair participant with this name" in html


def test_an_organiser_adds_a_participant_and_the_project_names_it_with_its_fair(
    organiser_client, harbour
):
    project = ProjectFactory(is_published=True)

    response = organiser_client.post(
        _add_page(project), {"role": "partner", "participant": harbour.pk}
    )
    page = reverse("cooperation:project-detail", args=[project.pk])
    english = organiser_client.get(page).content.decode()
    with translation.override("zh-hans"):
        chinese = organiser_client.get(
            reverse("cooperation:project-detail", args=[project.pk])
        ).content.decode()

    assert response.status_code == 302
    partner = ProjectPartner.objects.get()
    assert (partner.participant, partner.role) == (harbour, "partner")
    assert "(Los Angeles), participant of Friendship Cities Business Fair" in english
    assert reverse("fair:participant-detail", args=[harbour.pk]) in english
    assert "港口燃料" in chinese
    assert "（洛杉矶），友好城市商务对接会参会方" in chinese


def test_a_participant_partner_enters_the_timeline_on_its_fairs_first_day(
    organiser_client, harbour
):
    project = ProjectFactory(is_published=True)
    domain.add_partner(project, role="observer", participant=harbour)

    html = organiser_client.get(
        reverse("cooperation:project-detail", args=[project.pk])
    ).content.decode()

    timeline = html[html.index('id="timeline-heading"') :]
    assert "timeline__entry--participant" in timeline
    assert '<time datetime="2023-11-30">' in timeline
    assert "Harbour Fuels" in timeline


def test_the_page_refuses_an_unknown_participant_and_saves_nothing(organiser_client):
    project = ProjectFactory()

    response = organiser_client.post(
        _add_page(project), {"role": "partner", "participant": "999999"}
    )

    assert response.status_code == 422
    assert ProjectPartner.objects.count() == 0


def test_api_adds_a_participant_and_says_the_kind(organiser_client, harbour):
    project = ProjectFactory()

    response = organiser_client.post(
        f"/api/v1/cooperation/projects/{project.pk}/partners",
        json.dumps({"role": "lead", "participant_id": harbour.pk}),
        content_type="application/json",
    )
    detail = organiser_client.get(f"/api/v1/cooperation/projects/{project.pk}").json()

    assert response.status_code == 201
    assert detail["partners"] == [
        {
            "kind": "participant",
            "role": "lead",
            "partnership_id": None,
            "place_id": None,
            "organisation_id": None,
            "participant_id": harbour.pk,
            "fair_id": harbour.fair_id,
            "name_en": "Harbour Fuels",
            "name_zh": "港口燃料",
        }
    ]


def test_api_two_kinds_is_a_422_and_saves_nothing(organiser_client, harbour):
    project = ProjectFactory()

    response = organiser_client.post(
        f"/api/v1/cooperation/projects/{project.pk}/partners",
        json.dumps(
            {
                "role": "lead",
                "participant_id": harbour.pk,
                "partnership_id": PartnershipFactory().pk,
            }
        ),
        content_type="application/json",
    )

    assert response.status_code == 422
    assert "exactly one of" in response.content.decode()
    assert ProjectPartner.objects.count() == 0


def test_api_unknown_participant_is_a_422_naming_the_field(organiser_client):
    project = ProjectFactory()

    response = organiser_client.post(
        f"/api/v1/cooperation/projects/{project.pk}/partners",
        json.dumps({"role": "lead", "participant_id": 999999}),
        content_type="application/json",
    )

    assert response.status_code == 422
    assert "participant_id" in response.content.decode()
    assert ProjectPartner.objects.count() == 0


def test_a_participant_partner_is_in_the_projects_history(organiser_client, harbour):
    project = ProjectFactory()
    with acting_as(OrganiserFactory()):
        domain.add_partner(project, role="funder", participant=harbour)

    assert ProjectPartner.history.filter(participant_id=harbour.pk).count() == 1
    html = organiser_client.get(
        reverse("cooperation:project-detail", args=[project.pk])
    ).content.decode()
    history = html[html.index('id="history-heading"') :]
    assert "Funder" in history


def test_admin_refuses_a_partner_with_two_kinds(client, harbour):
    client.force_login(OrganiserFactory(is_staff=True))
    project = ProjectFactory()
    empty = {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0"}
    data = {
        "title_en": project.title_en,
        "status": "running",
        "partners-TOTAL_FORMS": "1",
        "partners-INITIAL_FORMS": "0",
        "partners-MIN_NUM_FORMS": "0",
        "partners-MAX_NUM_FORMS": "1000",
        "partners-0-partnership": PartnershipFactory().pk,
        "partners-0-participant": harbour.pk,
        "partners-0-role": "lead",
        **{
            f"{prefix}-{key}": value
            for prefix in ("milestones", "updates", "outcome_links", "documents")
            for key, value in {**empty, "MAX_NUM_FORMS": "1000"}.items()
        },
    }

    response = client.post(f"/en/admin/cooperation/project/{project.pk}/change/", data)

    assert response.status_code == 200
    assert "Choose exactly one of a partner city" in response.content.decode()
    assert ProjectPartner.objects.count() == 0
