"""The sector picker: search by label in either language, the profile form, the marketplace."""

import pytest
from django.urls import reverse
from django.utils import translation

from amity.engine.matching.isic import isic_table
from amity.fair.forms import ProfileForm
from amity.fair.models import ParticipantStatus
from amity.fair.views.pickers import MAX_RESULTS, sector_matches
from tests.factories.accounts import EnterpriseUserFactory
from tests.factories.fair import FairFactory, ParticipantFactory


def test_search_finds_an_english_label():
    codes = [entry.code for entry in sector_matches("tour operator")]

    assert "7912" in codes


def test_search_finds_a_chinese_label():
    label_zh = isic_table()["7911"].label_zh

    codes = [entry.code for entry in sector_matches(label_zh)]

    assert "7911" in codes


def test_search_by_code_puts_the_code_first():
    assert sector_matches("49")[0].code == "49"


def test_search_results_are_bounded():
    assert len(sector_matches("a")) == MAX_RESULTS


def test_blank_search_finds_nothing():
    assert sector_matches("  ") == []


def _form(data):
    base = {"name_en": "Harbour Ltd", "city_name": "Dunedin", "country": "NZ", "max_meetings": 8}
    return ProfileForm({**base, **data})


def test_profile_form_takes_chips_and_typed_codes():
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    data.update({"name_en": "Harbour Ltd", "city_name": "Dunedin", "country": "NZ"})
    data.update({"max_meetings": "8"})
    data.setlist("sectors", ["7911", "4923, 79.12", ""])
    form = ProfileForm(data)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["sectors"] == ["7911", "4923", "7912"]


def test_profile_form_refuses_an_unknown_code_naming_the_field():
    form = _form({"sectors": "7911, 9999"})

    assert not form.is_valid()
    assert list(form.errors) == ["sectors"]
    assert "9999" in form.errors["sectors"][0]


@pytest.mark.django_db
def test_search_page_groups_by_section_in_chinese(client):
    client.force_login(EnterpriseUserFactory())
    table = isic_table()

    with translation.override("zh-hans"):
        response = client.get(reverse("fair:sector-search"), {"field": "sectors", "sectors": "旅"})

    text = response.content.decode()
    assert table["7911"].label_zh in text
    assert table["N"].label_zh in text  # the section heading
    assert 'data-code="7911"' in text


@pytest.mark.django_db
def test_profile_page_shows_chosen_sectors_as_chips_in_chinese(client):
    participant = ParticipantFactory(sectors=["7911"])
    client.force_login(EnterpriseUserFactory(organisation=participant.organisation))

    with translation.override("zh-hans"):
        response = client.get(reverse("fair:profile-edit", args=[participant.pk]))

    text = response.content.decode()
    assert isic_table()["7911"].label_zh in text
    assert 'name="sectors" value="7911" checked' in text
    assert "amity/js/pickers.js" in text


@pytest.mark.django_db
def test_profile_edit_refuses_unknown_code_and_keeps_sectors(client):
    participant = ParticipantFactory(sectors=["7911"])
    client.force_login(EnterpriseUserFactory(organisation=participant.organisation))
    data = {
        "name_en": participant.name_en,
        "city_name": "Dunedin",
        "country": "NZ",
        "max_meetings": 8,
        "sectors": ["4923", "9999"],
    }

    response = client.post(reverse("fair:profile-edit", args=[participant.pk]), data)

    participant.refresh_from_db()
    assert response.status_code == 200
    assert "9999" in response.context["form"].errors["sectors"][0]
    assert participant.sectors == ["7911"]


def _marketplace_fair():
    fair = FairFactory()
    tours = ParticipantFactory(fair=fair, sectors=["7911"], status=ParticipantStatus.APPROVED)
    ParticipantFactory(fair=fair, sectors=["4923"], status=ParticipantStatus.APPROVED)
    return fair, tours


@pytest.mark.django_db
@pytest.mark.parametrize("sector", ["7911", "travel agency", "79"])
def test_marketplace_filters_by_code_or_label(client, sector):
    fair, tours = _marketplace_fair()
    client.force_login(EnterpriseUserFactory())

    response = client.get(reverse("fair:marketplace", args=[fair.pk]), {"sector": ["", sector]})

    assert [p.pk for p in response.context["page"]] == [tours.pk]


@pytest.mark.django_db
def test_marketplace_filter_by_chinese_label(client):
    fair, tours = _marketplace_fair()
    client.force_login(EnterpriseUserFactory())

    with translation.override("zh-hans"):
        response = client.get(
            reverse("fair:marketplace", args=[fair.pk]), {"sector": isic_table()["7911"].label_zh}
        )

    assert [p.pk for p in response.context["page"]] == [tours.pk]
    assert isic_table()["7911"].label_zh in response.content.decode()


@pytest.mark.django_db
def test_marketplace_sector_filter_queries_do_not_grow_with_rows(client, django_assert_num_queries):
    fair = FairFactory()
    client.force_login(EnterpriseUserFactory())
    url = reverse("fair:marketplace", args=[fair.pk])
    ParticipantFactory(fair=fair, sectors=["7911"], status=ParticipantStatus.APPROVED)
    client.get(url, {"sector": "travel agency"})
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(url, {"sector": "travel agency"})
    ParticipantFactory.create_batch(
        25, fair=fair, sectors=["7911"], status=ParticipantStatus.APPROVED
    )
    with django_assert_num_queries(len(one)):
        client.get(url, {"sector": "travel agency"})
