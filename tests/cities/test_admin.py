"""The registry admin opens for staff organisers and lists without a query per row."""

import pytest

from tests.factories import (
    AgreementFactory,
    CitationFactory,
    ContactFactory,
    DelegateFactory,
    ExchangeFactory,
    OrganiserFactory,
    PartnershipFactory,
)


@pytest.fixture
def staff_organiser_client(client, db):
    client.force_login(OrganiserFactory(is_staff=True))
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/en/admin/cities/partnership/",
        "/en/admin/cities/place/",
        "/en/admin/cities/source/",
        "/en/admin/cities/agreement/",
        "/en/admin/cities/exchange/",
        "/en/admin/cities/contact/",
        "/en/admin/cities/cooperationfield/",
    ],
)
def test_admin_lists_open_for_staff_organisers(staff_organiser_client, path):
    PartnershipFactory()

    assert staff_organiser_client.get(path).status_code == 200


def test_admin_partnership_page_shows_every_inline(staff_organiser_client):
    partnership = PartnershipFactory()
    CitationFactory(partnership=partnership, source__title_en="Official list")
    AgreementFactory(partnership=partnership, title_en="Friendship agreement")
    ExchangeFactory(partnership=partnership, title_en="Mayor's visit")
    ContactFactory(partnership=partnership, name="Aroha Tane")

    response = staff_organiser_client.get(f"/en/admin/cities/partnership/{partnership.pk}/change/")

    content = response.content.decode()
    assert response.status_code == 200
    for text in ("Official list", "Friendship agreement", "Mayor&#x27;s visit", "Aroha Tane"):
        assert text in content


def test_admin_partnership_list_queries_do_not_grow_with_rows(
    staff_organiser_client, django_assert_max_num_queries
):
    PartnershipFactory.create_batch(30)

    # session, user, counts, the page of partnerships with their places, the filters' lists
    with django_assert_max_num_queries(12):
        staff_organiser_client.get("/en/admin/cities/partnership/")


def test_admin_is_closed_to_a_staff_delegate(client, db):
    client.force_login(DelegateFactory(is_staff=True))

    response = client.get("/en/admin/cities/partnership/")

    assert response.status_code == 403


def _place_form(place, **changes) -> dict[str, object]:
    data = {
        "kind": place.kind,
        "name_en": place.name_en,
        "name_zh": place.name_zh,
        "country": place.country,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "population": place.population,
        "time_zone": place.time_zone,
        "geonames_id": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"country": "XX"}, "country"),
        ({"longitude": ""}, "longitude"),
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
    ],
)
def test_admin_place_form_refuses_what_the_domain_refuses(staff_organiser_client, changes, field):
    from amity.cities.models import Place
    from tests.factories import PlaceFactory

    place = PlaceFactory(name_en="Dunedin", country="NZ", continent="OC")

    response = staff_organiser_client.post(
        f"/en/admin/cities/place/{place.pk}/change/", _place_form(place, **changes)
    )

    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert Place.objects.values_list("country", "continent", "longitude").get(pk=place.pk) == (
        "NZ",
        "OC",
        170.5,
    )


def test_admin_place_new_country_derives_the_continent(staff_organiser_client):
    from amity.cities.models import Place
    from tests.factories import PlaceFactory

    place = PlaceFactory(name_en="Vientiane", country="NZ", continent="OC", time_zone="")

    response = staff_organiser_client.post(
        f"/en/admin/cities/place/{place.pk}/change/", _place_form(place, country="la")
    )

    assert response.status_code == 302
    assert Place.objects.values_list("country", "continent").get(pk=place.pk) == ("LA", "AS")


def test_admin_agreement_links_its_document_to_the_download_page(staff_organiser_client):
    from django.core.files.base import ContentFile

    agreement = AgreementFactory()
    agreement.document.save("agreement.pdf", ContentFile(b"%PDF-1.4"))

    html = staff_organiser_client.get(
        f"/en/admin/cities/agreement/{agreement.pk}/change/"
    ).content.decode()

    assert f'href="/en/agreements/{agreement.pk}/document/"' in html
    assert 'href="/media/' not in html
