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
    CitationFactory(partnership=partnership, source__title="Official list")
    AgreementFactory(partnership=partnership, title="Friendship agreement")
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
