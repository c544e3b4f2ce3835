"""The partner list: search, filters with counts, sorting, pagination, queries."""

import datetime

import pytest

from amity.cities.forms import PAGE_SIZE
from amity.cities.models import CooperationField, DatePrecision, PartnershipStatus, RelationshipKind
from tests.cities.views.browsing import count_queries, make_partner, partner_names, url
from tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


def test_partner_list_query_count_is_the_same_for_1_and_50_partners(
    client, django_assert_num_queries
):
    fields = list(CooperationField.objects.all()[:3])
    PartnershipFactory(fields=fields)
    with_one = count_queries(client, url("cities:partner-list"))
    for _ in range(49):
        PartnershipFactory(fields=fields)

    with django_assert_num_queries(with_one):
        response = client.get(url("cities:partner-list"))

    assert response.context["page"].paginator.count == 50


def test_partner_list_search_finds_english_and_chinese_names(client):
    make_partner("Dunedin", place__name_zh="达尼丁")
    make_partner("Yokohama", place__name_zh="横滨")

    by_english = client.get(url("cities:partner-list"), {"q": "dune"})
    by_chinese = client.get(url("cities:partner-list"), {"q": "横"})

    assert partner_names(by_english) == ["Dunedin"]
    assert partner_names(by_chinese) == ["Yokohama"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"continent": "EU"}, ["Hamburg"]),
        ({"country": "nz"}, ["Dunedin"]),
        ({"kind": RelationshipKind.FRIENDLY_EXCHANGE}, ["Johannesburg"]),
        ({"status": PartnershipStatus.DORMANT}, ["Hamburg"]),
        ({"field": "tourism"}, ["Dunedin"]),
        ({"decade": "1980"}, ["Hamburg"]),
        ({"decade": "1986"}, ["Hamburg"]),  # any year of the decade names the decade
        ({"continent": "EU", "kind": RelationshipKind.FRIENDSHIP_CITY}, ["Hamburg"]),
        ({"continent": "AS"}, []),
    ],
)
def test_partner_list_filters_select_matching_partners(client, params, expected):
    tourism = CooperationField.objects.get(code="tourism")
    make_partner("Dunedin", fields=[tourism], established_on=datetime.date(1994, 10, 21))
    make_partner(
        "Hamburg",
        place__country="DE",
        place__continent="EU",
        status=PartnershipStatus.DORMANT,
        established_on=datetime.date(1986, 5, 29),
    )
    make_partner(
        "Johannesburg",
        place__country="ZA",
        place__continent="AF",
        kind=RelationshipKind.FRIENDLY_EXCHANGE,
        established_on=datetime.date(2009, 1, 1),
    )

    response = client.get(url("cities:partner-list"), params)

    assert partner_names(response) == expected


def test_partner_list_invalid_filter_values_are_ignored(client):
    make_partner("Dunedin")

    response = client.get(url("cities:partner-list"), {"continent": "XX", "decade": "soon"})

    assert response.status_code == 200
    assert partner_names(response) == ["Dunedin"]


def test_partner_list_counts_each_filter_value_under_the_other_filters(client):
    make_partner("Hamburg", place__country="DE", place__continent="EU")
    make_partner("Marseille", place__country="FR", place__continent="EU")
    make_partner(
        "Lyon", place__country="FR", place__continent="EU", kind=RelationshipKind.LETTER_OF_INTENT
    )
    make_partner("Dunedin")

    response = client.get(url("cities:partner-list"), {"kind": RelationshipKind.FRIENDSHIP_CITY})

    facets = response.context["facets"]
    assert {option.value: option.count for option in facets["continent"]} == {"EU": 2, "OC": 1}
    assert {option.value: option.count for option in facets["country"]} == {
        "DE": 1,
        "FR": 1,
        "NZ": 1,
    }
    # The kind facet ignores the kind filter itself, so the other kinds stay selectable.
    assert {option.value: option.count for option in facets["kind"]} == {
        RelationshipKind.FRIENDSHIP_CITY: 3,
        RelationshipKind.LETTER_OF_INTENT: 1,
    }


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Antwerp", "Busan", "Chicago"]),
        ("-name", ["Chicago", "Busan", "Antwerp"]),
        ("date", ["Busan", "Chicago", "Antwerp"]),
        ("-date", ["Antwerp", "Chicago", "Busan"]),
        ("country", ["Antwerp", "Busan", "Chicago"]),
    ],
)
def test_partner_list_sorts_by_name_date_and_country(client, sort, expected):
    make_partner("Antwerp", place__country="BE", established_on=datetime.date(1984, 5, 27))
    make_partner("Busan", place__country="KR", established_on=datetime.date(1973, 1, 1))
    make_partner("Chicago", place__country="US", established_on=datetime.date(1980, 1, 1))

    response = client.get(url("cities:partner-list"), {"sort": sort})

    assert partner_names(response) == expected


def test_partner_list_paginates_and_keeps_filters_in_page_links(client):
    for number in range(PAGE_SIZE + 5):
        make_partner(f"City {number:02d}")

    response = client.get(url("cities:partner-list"), {"sort": "name", "page": "2"})

    assert partner_names(response) == [f"City {n:02d}" for n in range(PAGE_SIZE, PAGE_SIZE + 5)]
    assert 'href="?sort=name&amp;page=1"' in response.content.decode()


def test_partner_list_htmx_request_returns_only_the_results_and_the_counts(client):
    make_partner("Dunedin")

    response = client.get(url("cities:partner-list"), {"q": "dun"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert "<html" not in html
    assert 'id="results"' in html
    assert 'id="facet-selects" class="facet-selects" hx-swap-oob="true"' in html


def test_partner_list_empty_registry_says_so(client):
    response = client.get(url("cities:partner-list"))

    assert "The registry is empty" in response.content.decode()


def test_partner_list_no_match_offers_to_clear_filters(client):
    make_partner("Dunedin")

    response = client.get(url("cities:partner-list"), {"q": "zzz"})

    assert "No partner matches" in response.content.decode()


@pytest.mark.parametrize(
    ("precision", "lang", "expected", "absent"),
    [
        (DatePrecision.YEAR, "en", 'Since <time datetime="1994-01-01">1994</time>', "Jan"),
        (DatePrecision.MONTH, "en", ">October 1994</time>", "Oct. 21"),
        (DatePrecision.DAY, "en", ">Oct. 21, 1994</time>", None),
        (DatePrecision.YEAR, "zh-hans", ">1994年</time>", "1月"),
        (DatePrecision.MONTH, "zh-hans", ">1994年10月</time>", "21日"),
    ],
)
def test_partner_list_shows_dates_only_as_precisely_as_known(
    client, precision, lang, expected, absent
):
    day = datetime.date(1994, 1, 1) if precision == DatePrecision.YEAR else None
    make_partner(
        "Dunedin",
        established_on=day or datetime.date(1994, 10, 21),
        established_precision=precision,
    )

    html = client.get(url("cities:partner-list", lang=lang)).content.decode()

    assert expected in html
    if absent:
        assert absent not in html
