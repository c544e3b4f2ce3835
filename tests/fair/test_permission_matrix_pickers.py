"""Who may use the sector picker's search: any signed-in person (the classification is public
data, but the fair's pages are for signed-in people only)."""

import pytest
from django.urls import reverse

from tests.factories.accounts import (
    DelegateFactory,
    EnterpriseUserFactory,
    OrganiserFactory,
    UserFactory,
)
from tests.factories.fair import FairFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

COVERED_ROUTES: set[str] = {"fair:sector-search", "fair:exhibitor-search"}


@pytest.mark.parametrize("make_user", [OrganiserFactory, EnterpriseUserFactory, UserFactory])
def test_signed_in_people_may_search_sectors(client, make_user):
    client.force_login(make_user())

    response = client.get(reverse("fair:sector-search"), {"q": "tour"})

    assert response.status_code == 200


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("fair:sector-search"), {"q": "tour"})

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("make_user", "expected"),
    [
        (OrganiserFactory, 200),
        (EnterpriseUserFactory, 403),
        (DelegateFactory, 403),
        (UserFactory, 403),
        (None, 302),
    ],
    ids=["organiser", "member", "delegate", "nobody", "anonymous"],
)
def test_only_organisers_search_exhibitors(client, make_user, expected):
    fair = FairFactory()
    ParticipantFactory(fair=fair, name_en="Harbour Ltd")
    if make_user is not None:
        client.force_login(make_user())

    response = client.get(reverse("fair:exhibitor-search", args=[fair.pk]), {"q": "Harbour"})

    assert response.status_code == expected
    assert ("Harbour Ltd" in response.content.decode()) == (expected == 200)
