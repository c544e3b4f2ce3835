"""After logging in, each person lands where their own work starts."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_my_home_sends_anonymous_visitors_to_the_login_page(client):
    response = client.get(reverse("my-home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_my_home_sends_a_user_without_a_role_to_the_partner_list(client):
    client.force_login(UserFactory())

    response = client.get(reverse("my-home"))

    assert response["Location"] == reverse("cities:partner-list")
