"""A partner's page: facts with sources, timeline, map pin, queries."""

import datetime
import re

import pytest

from amity.cities.models import Citation
from tests.cities.views.browsing import count_queries, make_partner, url
from tests.factories import (
    AgreementFactory,
    CitationFactory,
    ContactFactory,
    ExchangeFactory,
    PartnershipFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def test_partner_page_query_count_is_the_same_for_1_and_many_exchanges(
    organiser_client, django_assert_num_queries
):
    partnership = PartnershipFactory()
    ExchangeFactory(partnership=partnership, source=SourceFactory())
    AgreementFactory(partnership=partnership)
    CitationFactory(partnership=partnership)
    ContactFactory(partnership=partnership)
    address = url("cities:partner-detail", partnership.pk)
    with_one = count_queries(organiser_client, address)
    # session, user, the partnership with its place, fields, citations with sources,
    # agreements, exchanges, (organisers) contacts, the cooperation section's projects and
    # transfers of the city, and the history of the partnership, its place, agreements,
    # exchanges, citations and contacts (one query each)
    assert with_one == 10 + 6
    ExchangeFactory.create_batch(30, partnership=partnership, source=SourceFactory())
    AgreementFactory.create_batch(5, partnership=partnership)
    CitationFactory.create_batch(5, partnership=partnership)
    ContactFactory.create_batch(5, partnership=partnership)

    with django_assert_num_queries(with_one):
        response = organiser_client.get(address)

    assert len(response.context["timeline"]) == 31 + 6
    # created: the partnership, its place, 31 exchanges, 6 agreements, citations, contacts
    assert len(response.context["history"]) == 1 + 1 + 31 + 6 + 6 + 6


def test_partner_page_shows_conflicting_sources_side_by_side(client):
    partnership = make_partner(
        "Hamburg", established_on=datetime.date(1986, 5, 29), place__country="DE"
    )
    CitationFactory(
        partnership=partnership,
        fact=Citation.Fact.ESTABLISHED_ON,
        value="1986-05-29",
        source=SourceFactory(title_en="Shanghai FAO list"),
    )
    CitationFactory(
        partnership=partnership,
        fact=Citation.Fact.ESTABLISHED_ON,
        value="1985-06-29",
        source=SourceFactory(title_en="Statistical Yearbook"),
    )

    html = client.get(url("cities:partner-detail", partnership.pk)).content.decode()

    assert "The sources give different dates:" in html
    assert "<strong>May 29, 1986</strong> — Shanghai FAO list" in html
    assert "<strong>June 29, 1985</strong> — Statistical Yearbook" in html


def test_partner_page_timeline_merges_agreements_and_exchanges_chronologically(client):
    partnership = PartnershipFactory()
    ExchangeFactory(partnership=partnership, title_en="Forum", starts_on=datetime.date(2023, 11, 1))
    AgreementFactory(
        partnership=partnership, title_en="Agreement", signed_on=datetime.date(1994, 1, 1)
    )
    ExchangeFactory(
        partnership=partnership, title_en="Visit", starts_on=datetime.date(2001, 5, 1), ends_on=None
    )

    response = client.get(url("cities:partner-detail", partnership.pk))

    assert [entry.record.title_en for entry in response.context["timeline"]] == [
        "Agreement",
        "Visit",
        "Forum",
    ]


def test_partner_page_labels_demo_records(client):
    partnership = PartnershipFactory(is_demo=True)
    ExchangeFactory(partnership=partnership, is_demo=True)

    html = client.get(url("cities:partner-detail", partnership.pk)).content.decode()

    assert html.count('<span class="badge badge--demo">demo data</span>') == 2


def test_partner_page_pins_the_place_on_the_map(client):
    partnership = PartnershipFactory()

    html = client.get(url("cities:partner-detail", partnership.pk)).content.decode()

    assert re.search(r'<circle class="marker marker--friendship_city" cx="9\d\d\.\d"', html)
    assert "amity/map/world" in html


def test_partner_page_unknown_partner_is_404(client):
    assert client.get(url("cities:partner-detail", 999_999)).status_code == 404


def test_partner_page_never_links_a_javascript_address(client):
    partnership = PartnershipFactory()
    source = SourceFactory(title_en="Old entry", url="javascript:alert(1)")
    CitationFactory(partnership=partnership, source=source)

    html = client.get(url("cities:partner-detail", partnership.pk)).content.decode()

    assert "Old entry" in html
    assert "javascript:" not in html
