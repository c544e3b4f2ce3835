"""The tables tab's exhibitor picker: search by name in either language, the no-JS fallback."""

import pytest
from django.urls import reverse
from django.utils import translation

from amity.fair.domain import add_table
from amity.fair.forms_setup import MAX_EXHIBITORS
from amity.fair.models import Table
from tests.factories.accounts import OrganiserFactory
from tests.factories.fair import FairFactory, ParticipantFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def organiser(client):
    client.force_login(OrganiserFactory())
    return client


def _search(client, fair, query, lang="en"):
    with translation.override(lang):
        url = reverse("fair:exhibitor-search", args=[fair.pk])
        return client.get(url, {"field": "exhibitor", "exhibitor": query})


def test_search_by_english_and_chinese_name(organiser):
    fair = FairFactory()
    harbour = ParticipantFactory(fair=fair, name_en="Harbour Logistics", name_zh="港口物流")
    ParticipantFactory(fair=fair, name_en="Tea House", name_zh="茶馆")

    english = _search(organiser, fair, "harbour").content.decode()
    chinese = _search(organiser, fair, "港口", lang="zh-hans").content.decode()

    assert f'data-code="{harbour.pk}"' in english
    assert "Tea House" not in english
    assert "港口物流" in chinese
    assert "茶馆" not in chinese


def test_search_leaves_out_exhibitors_with_a_table_and_other_fairs(organiser):
    fair = FairFactory()
    seated = ParticipantFactory(fair=fair, name_en="Harbour One")
    add_table(fair, number=1, exhibitor=seated)
    ParticipantFactory(name_en="Harbour Two")  # another fair

    text = _search(organiser, fair, "Harbour").content.decode()

    assert "Harbour One" not in text
    assert "Harbour Two" not in text


def test_search_results_are_bounded(organiser):
    fair = FairFactory()
    ParticipantFactory.create_batch(MAX_EXHIBITORS + 5, fair=fair, name_en="Harbour Co")

    response = _search(organiser, fair, "Harbour")

    assert response.content.decode().count("data-picker-choice") == MAX_EXHIBITORS


def test_a_typed_unique_name_chooses_the_exhibitor_without_javascript(organiser):
    fair = FairFactory()
    harbour = ParticipantFactory(fair=fair, name_en="Harbour Logistics")
    ParticipantFactory(fair=fair, name_en="Tea House")

    organiser.post(reverse("fair:setup-tables", args=[fair.pk]), {"number": 4, "exhibitor": "harb"})

    assert Table.objects.get(fair=fair, number=4).exhibitor == harbour


def test_an_ambiguous_name_is_refused_naming_the_field(organiser):
    fair = FairFactory()
    ParticipantFactory.create_batch(2, fair=fair, name_en="Harbour Co")

    response = organiser.post(
        reverse("fair:setup-tables", args=[fair.pk]), {"number": 4, "exhibitor": "Harbour"}, **HTMX
    )

    assert "Several participants match" in response.content.decode()
    assert not Table.objects.filter(fair=fair).exists()


def test_the_tables_tab_does_not_list_every_participant(organiser):
    fair = FairFactory()
    ParticipantFactory.create_batch(5, fair=fair, name_en="Harbour Co")

    with translation.override("en"):
        response = organiser.get(reverse("fair:setup-tables", args=[fair.pk]))

    text = response.content.decode()
    assert "Harbour Co" not in text
    assert 'data-picker="exhibitor"' in text
