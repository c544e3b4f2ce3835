"""Editing on the pages: bad input comes back with the field's message and saves nothing; the
partner page lists the city's projects and transfers."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from amity.cooperation.models import IndicatorValue, Milestone, ProjectDocument, Transfer
from tests.factories.cities import PartnershipFactory, PlaceFactory
from tests.factories.cooperation import (
    IndicatorFactory,
    PracticeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TransferFactory,
)

pytestmark = pytest.mark.django_db


def test_milestone_ending_before_it_starts_is_shown_at_the_end_field(organiser_client):
    project = ProjectFactory()

    response = organiser_client.post(
        reverse("cooperation:milestone-add", args=[project.pk]),
        {
            "title_en": "Plan",
            "starts_on": "2023-09-22",
            "ends_on": "2023-01-01",
            "status": "planned",
        },
    )

    assert response.status_code == 422
    assert response.context["form"].errors == {"ends_on": ["The end must not be before the start."]}
    assert Milestone.objects.count() == 0


def test_value_without_a_date_is_shown_at_the_date_field(organiser_client):
    indicator = IndicatorFactory()

    response = organiser_client.post(
        reverse("cooperation:value-add", args=[indicator.pk]), {"value": "4"}
    )

    assert response.status_code == 422
    assert list(response.context["form"].errors) == ["measured_on"]
    assert IndicatorValue.objects.count() == 0


def test_transfer_to_the_city_it_comes_from_is_shown_at_the_to_city(organiser_client):
    city = PlaceFactory()
    practice = PracticeFactory(place=city)

    response = organiser_client.post(
        reverse("cooperation:transfer-create", args=[practice.pk]),
        {"from_place": city.pk, "to_place": city.pk, "stage": "pilot"},
    )

    assert response.status_code == 422
    assert list(response.context["form"].errors) == ["to_place"]
    assert Transfer.objects.count() == 0


def test_document_of_a_refused_type_is_not_stored(organiser_client):
    project = ProjectFactory()

    response = organiser_client.post(
        reverse("cooperation:document-add", args=[project.pk]),
        {"title": "Tool", "file": SimpleUploadedFile("tool.exe", b"MZ")},
    )

    assert response.status_code == 422
    assert list(response.context["form"].errors) == ["file"]
    assert ProjectDocument.objects.count() == 0


def test_document_over_the_size_limit_is_refused(organiser_client, settings):
    settings.AMITY_DOCUMENT_MAX_BYTES = 10
    project = ProjectFactory()

    response = organiser_client.post(
        reverse("cooperation:document-add", args=[project.pk]),
        {"title": "Plan", "file": SimpleUploadedFile("plan.pdf", b"%PDF-1.4 too long")},
    )

    assert response.status_code == 422
    assert ProjectDocument.objects.count() == 0


def test_partner_page_lists_the_citys_published_projects_and_transfers(client):
    partnership = PartnershipFactory()
    shown = ProjectPartnerFactory(partnership=partnership, project=ProjectFactory(title_en="Shown"))
    ProjectPartnerFactory(
        partnership=partnership, project=ProjectFactory(title_en="Hidden", is_published=False)
    )
    TransferFactory(to_place=partnership.place, practice=PracticeFactory(title_en="Wi-Fi"))

    html = client.get(reverse("cities:partner-detail", args=[partnership.pk])).content.decode()

    assert reverse("cooperation:project-detail", args=[shown.project.pk]) in html
    assert "Hidden" not in html
    assert "Wi-Fi" in html


def test_api_value_without_a_date_is_a_422_naming_the_date(organiser_client):
    indicator = IndicatorFactory()

    response = organiser_client.post(
        f"/api/v1/cooperation/indicators/{indicator.pk}/values",
        {"value": 3},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["measured_on"]


def test_api_transfer_to_itself_is_a_422(organiser_client):
    city = PlaceFactory()
    practice = PracticeFactory(place=city)

    response = organiser_client.post(
        "/api/v1/cooperation/transfers",
        {"practice_id": practice.pk, "to_place_id": city.pk, "stage": "pilot"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["to_place"]
    assert Transfer.objects.count() == 0


def test_api_milestone_ending_before_it_starts_is_a_422(organiser_client):
    project = ProjectFactory()

    response = organiser_client.post(
        f"/api/v1/cooperation/projects/{project.pk}/milestones",
        {"title_en": "x", "starts_on": "2024-01-02", "ends_on": "2024-01-01"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["ends_on"]


def test_project_list_pages_keep_the_filters(client):
    for _ in range(30):
        ProjectFactory(status="running")

    html = client.get(reverse("cooperation:project-list"), {"status": "running"}).content.decode()

    assert "?status=running&amp;page=2" in html


@pytest.mark.parametrize("endpoint", ["projects?q=%00", "practices?field=%00"])
def test_api_filter_with_a_nul_character_is_a_422(client, endpoint):
    response = client.get(f"/api/v1/cooperation/{endpoint}")

    assert response.status_code == 422
