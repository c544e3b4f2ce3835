"""The network overview: markers, charts, queries."""

import datetime

import pytest

from amity.cities.models import RelationshipKind
from tests.cities.views.browsing import count_queries, make_partner, url
from tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


def test_network_query_count_is_the_same_for_1_and_50_partners(client, django_assert_num_queries):
    PartnershipFactory()
    with_one = count_queries(client, url("cities:network"))
    PartnershipFactory.create_batch(49)

    with django_assert_num_queries(with_one):
        response = client.get(url("cities:network"))

    assert len(response.context["markers"]) == 50


def test_network_links_markers_to_partner_pages_and_draws_charts(client):
    dunedin = make_partner("Dunedin", established_on=datetime.date(1994, 10, 21))
    make_partner(
        "Hamburg",
        place__country="DE",
        place__continent="EU",
        established_on=datetime.date(1986, 5, 29),
        kind=RelationshipKind.FRIENDLY_EXCHANGE,
    )

    response = client.get(url("cities:network"))

    html = response.content.decode()
    assert f'href="{url("cities:partner-detail", dunedin.pk)}"' in html
    assert [(bar.label, bar.value) for bar in response.context["by_decade"].bars] == [
        ("1980s", 1),
        ("1990s", 1),
    ]
    assert [(bar.label, bar.value) for bar in response.context["by_continent"].bars] == [
        ("Europe", 1),
        ("Oceania", 1),
    ]
    assert [value for value, _label, _n in response.context["legend"]] == [
        RelationshipKind.FRIENDSHIP_CITY,
        RelationshipKind.FRIENDLY_EXCHANGE,
    ]
