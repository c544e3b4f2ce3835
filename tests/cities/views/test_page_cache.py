"""Cached registry pages and API reads: reused while nothing changes, never stale, never leaking.

Each test reads a page twice or more and changes the registry in between the way the site does
(a model save, an import, an alternate name); the second reading must show the change.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from amity.cities.domain.names import add_alternate_name
from amity.cities.importing import import_partnerships
from tests.cities.views.browsing import make_partner, url
from tests.factories import ContactFactory, EnterpriseUserFactory, OrganiserFactory

pytestmark = pytest.mark.django_db


def queries_of(client, address: str, **headers) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, headers=headers)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_partner_list_is_rendered_once_per_registry_version(client):
    make_partner("Dunedin")
    first, _ = queries_of(client, url("cities:partner-list"))

    again, page = queries_of(client, url("cities:partner-list"))

    assert (first > 5, again) == (True, 0)
    assert "Dunedin" in page


def test_a_saved_change_shows_on_the_next_reading(client):
    partnership = make_partner("Dunedin")
    queries_of(client, url("cities:partner-list"))
    queries_of(client, url("cities:partner-detail", partnership.pk))

    partnership.place.name_en = "Ōtepoti Dunedin"
    partnership.place.save()

    assert "Ōtepoti Dunedin" in queries_of(client, url("cities:partner-list"))[1]
    assert "Ōtepoti Dunedin" in queries_of(client, url("cities:partner-detail", partnership.pk))[1]


@pytest.mark.usefixtures("cooperation_fields")
def test_an_import_shows_on_the_next_reading(client):
    make_partner("Dunedin")
    queries_of(client, url("cities:partner-list"))

    import_partnerships(
        b"partner,country_iso2,partner_kind,relationship,source\n"
        b"Cachetown,NZ,city,friendship_city,Cache test list\n",
        "cache.csv",
    )

    assert "Cachetown" in queries_of(client, url("cities:partner-list"))[1]


def test_a_new_alternate_name_is_found_by_the_next_search(client):
    partnership = make_partner("Dunedin")
    search = url("cities:partner-list") + "?q=Otepoti"
    assert f"/partners/{partnership.pk}/" not in queries_of(client, search)[1]

    add_alternate_name(partnership.place, "Otepoti")

    assert f"/partners/{partnership.pk}/" in queries_of(client, search)[1]


def test_an_organisers_partner_page_is_never_cached_nor_served_to_others(client):
    partnership = make_partner("Dunedin")
    ContactFactory(partnership=partnership, name="Aroha Contact")
    client.force_login(OrganiserFactory())
    organiser_page = queries_of(client, url("cities:partner-detail", partnership.pk))[1]
    client.logout()

    public = queries_of(client, url("cities:partner-detail", partnership.pk))[1]
    client.force_login(EnterpriseUserFactory())
    member = queries_of(client, url("cities:partner-detail", partnership.pk))[1]

    assert "Aroha Contact" in organiser_page
    assert "Aroha Contact" not in public
    assert "Aroha Contact" not in member


def test_the_organisers_list_keeps_its_import_link_and_visitors_do_not_get_it(client):
    # An empty registry shows organisers the import button.
    client.force_login(OrganiserFactory())
    organiser = queries_of(client, url("cities:partner-list"))[1]
    client.logout()

    visitor = queries_of(client, url("cities:partner-list"))[1]

    assert url("cities:partner-import") in organiser
    assert url("cities:partner-import") not in visitor


def test_each_language_has_its_own_copy(client):
    make_partner("Dunedin", place__name_zh="达尼丁")
    english = queries_of(client, url("cities:partner-list"))[1]

    chinese = queries_of(client, url("cities:partner-list", lang="zh-hans"))[1]

    assert "<h1>友好城市</h1>" in chinese
    assert "<h1>Partner cities</h1>" in english


def test_each_visitor_gets_their_own_csrf_token(client):
    queries_of(client, url("cities:partner-list"))
    first = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else None
    client.cookies.clear()

    page = queries_of(client, url("cities:partner-list"))[1]

    assert 'name="csrfmiddlewaretoken"' in page
    assert client.cookies["csrftoken"].value != first


def test_anonymous_api_reads_are_answered_from_the_cache_until_a_change(client):
    partnership = make_partner("Dunedin")
    address = "/api/v1/registry/partnerships"
    first, _ = queries_of(client, address)
    again, body = queries_of(client, address)

    partnership.place.name_en = "Ōtepoti"
    partnership.place.save()
    after, changed = queries_of(client, address)

    assert (first > 0, again, after > 0) == (True, 0, True)
    assert "Dunedin" in body
    assert "\\u014ctepoti" in changed


def test_api_callers_with_a_session_always_reach_the_view(client):
    make_partner("Dunedin")
    client.force_login(OrganiserFactory())
    queries_of(client, "/api/v1/registry/partnerships")

    again, _ = queries_of(client, "/api/v1/registry/partnerships")

    assert again > 0


def test_an_anonymous_visitor_with_a_csrf_cookie_still_gets_the_cached_api_answer(client):
    make_partner("Dunedin")
    queries_of(client, url("cities:partner-list"))  # sets the CSRF cookie
    queries_of(client, "/api/v1/registry/partnerships")

    again, _ = queries_of(client, "/api/v1/registry/partnerships")

    assert "csrftoken" in client.cookies
    assert again == 0
