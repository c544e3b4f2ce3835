"""The organisation running a practice: named in English and Chinese, with its web address as
the link; a web address without a name is refused everywhere (page, API, admin, database)."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from amity.cooperation import domain
from amity.cooperation.models import Practice
from tests.factories.accounts import OrganiserFactory
from tests.factories.cooperation import PracticeFactory

pytestmark = pytest.mark.django_db

RUNNER = {
    "organisation_en": "City of Johannesburg, Group ICT",
    "organisation_zh": "约翰内斯堡市信息通信技术局",
    "organisation_url": "https://www.joburg.org.za/",
}


def test_the_page_saves_the_organisation_and_the_practice_page_links_it(organiser_client):
    response = organiser_client.post(
        reverse("cooperation:practice-create"), {"title_en": "Free public Wi-Fi", **RUNNER}
    )
    practice = Practice.objects.get()
    page = reverse("cooperation:practice-detail", args=[practice.pk])
    english = organiser_client.get(page).content.decode()
    with translation.override("zh-hans"):
        chinese = organiser_client.get(
            reverse("cooperation:practice-detail", args=[practice.pk])
        ).content.decode()

    assert response.status_code == 302
    assert (practice.organisation_en, practice.organisation_url) == (
        "City of Johannesburg, Group ICT",
        "https://www.joburg.org.za/",
    )
    assert 'href="https://www.joburg.org.za/"' in english
    assert "City of Johannesburg, Group ICT" in english
    assert "实施机构" in chinese
    assert "约翰内斯堡市信息通信技术局" in chinese


def test_the_edit_page_shows_the_organisation_it_has(organiser_client):
    practice = PracticeFactory(**RUNNER)

    html = organiser_client.get(
        reverse("cooperation:practice-update", args=[practice.pk])
    ).content.decode()

    assert 'value="City of Johannesburg, Group ICT"' in html
    assert 'value="https://www.joburg.org.za/"' in html


def test_the_page_refuses_a_web_address_without_a_name_and_saves_nothing(organiser_client):
    response = organiser_client.post(
        reverse("cooperation:practice-create"),
        {"title_en": "Free public Wi-Fi", "organisation_url": "https://www.joburg.org.za/"},
    )

    assert response.status_code == 422
    assert "Name the organisation whose web address this is." in response.content.decode()
    assert Practice.objects.count() == 0


def test_update_practice_refuses_a_web_address_without_a_name_and_keeps_the_old_one():
    practice = PracticeFactory(**RUNNER)

    with pytest.raises(ValidationError) as refused:
        domain.update_practice(practice, organisation_en="", organisation_zh="")

    assert list(refused.value.message_dict) == ["organisation_en"]
    practice.refresh_from_db()
    assert practice.organisation_en == "City of Johannesburg, Group ICT"


def test_the_database_refuses_a_web_address_without_a_name():
    with pytest.raises(IntegrityError), transaction.atomic():
        Practice.objects.create(title_en="Wi-Fi", organisation_url="https://www.joburg.org.za/")


def test_api_creates_and_reads_the_organisation(organiser_client):
    response = organiser_client.post(
        "/api/v1/cooperation/practices",
        json.dumps({"title_en": "Free public Wi-Fi", "is_published": True, **RUNNER}),
        content_type="application/json",
    )
    read = organiser_client.get(f"/api/v1/cooperation/practices/{response.json()['id']}").json()

    assert response.status_code == 201
    assert {key: read[key] for key in RUNNER} == RUNNER


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"organisation_url": "https://www.joburg.org.za/"}, "organisation_en"),
        (
            {"organisation_en": "City", "organisation_url": "javascript:alert(1)"},
            "organisation_url",
        ),
    ],
)
def test_api_bad_organisation_is_a_422_naming_the_field(organiser_client, body, field):
    response = organiser_client.post(
        "/api/v1/cooperation/practices",
        json.dumps({"title_en": "Free public Wi-Fi", **body}),
        content_type="application/json",
    )

    assert response.status_code == 422
    assert field in response.content.decode()
    assert Practice.objects.count() == 0


def test_admin_refuses_a_web_address_without_a_name(client):
    client.force_login(OrganiserFactory(is_staff=True))
    practice = PracticeFactory()
    data = {
        "title_en": practice.title_en,
        "organisation_url": "https://www.joburg.org.za/",
        "transfers-TOTAL_FORMS": "0",
        "transfers-INITIAL_FORMS": "0",
        "transfers-MIN_NUM_FORMS": "0",
        "transfers-MAX_NUM_FORMS": "1000",
    }

    response = client.post(f"/en/admin/cooperation/practice/{practice.pk}/change/", data)

    assert response.status_code == 200
    assert "Name the organisation whose web address this is." in response.content.decode()
    practice.refresh_from_db()
    assert practice.organisation_url == ""
