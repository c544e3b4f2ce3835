"""The registry pages: rendering, queries, filters, translations, import/export, CSP."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from amity.cities.forms import PAGE_SIZE
from amity.cities.importing.columns import ALL_COLUMNS
from amity.cities.models import (
    Citation,
    CooperationField,
    DatePrecision,
    Partnership,
    PartnershipStatus,
    RelationshipKind,
)
from tests.catalogue import PO_FILE
from tests.factories import (
    AgreementFactory,
    CitationFactory,
    ContactFactory,
    DelegateFactory,
    EnterpriseUserFactory,
    ExchangeFactory,
    OrganiserFactory,
    PartnershipFactory,
    PlaceFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "enterprise", "delegate", "organiser"]
USER_FACTORIES = {
    "enterprise": EnterpriseUserFactory,
    "delegate": DelegateFactory,
    "organiser": OrganiserFactory,
}


def log_in(client, role: str) -> None:
    if role != "anonymous":
        client.force_login(USER_FACTORIES[role]())


def url(name: str, *args, lang: str = "en") -> str:
    with translation.override(lang):
        return reverse(name, args=args)


def partner_names(response) -> list[str]:
    return [partnership.place.name_en for partnership in response.context["page"].object_list]


def make_partner(name: str, **kwargs) -> Partnership:
    place_fields = {
        key.removeprefix("place__"): kwargs.pop(key) for key in list(kwargs) if "place__" in key
    }
    return PartnershipFactory(place=PlaceFactory(name_en=name, **place_fields), **kwargs)


# --- every page renders for every role -------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["cities:partner-list", "cities:network", "cities:partner-detail"])
def test_public_pages_render_for_every_role(client, role, page):
    partnership = PartnershipFactory()
    log_in(client, role)
    args = [partnership.pk] if page == "cities:partner-detail" else []

    response = client.get(url(page, *args))

    assert response.status_code == 200


# --- no N+1: the same number of queries for one and many rows ---------------------------------


def count_queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


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


def test_network_query_count_is_the_same_for_1_and_50_partners(client, django_assert_num_queries):
    PartnershipFactory()
    with_one = count_queries(client, url("cities:network"))
    PartnershipFactory.create_batch(49)

    with django_assert_num_queries(with_one):
        response = client.get(url("cities:network"))

    assert len(response.context["markers"]) == 50


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
    ExchangeFactory.create_batch(30, partnership=partnership, source=SourceFactory())
    AgreementFactory.create_batch(5, partnership=partnership)
    CitationFactory.create_batch(5, partnership=partnership)
    ContactFactory.create_batch(5, partnership=partnership)

    with django_assert_num_queries(with_one):
        response = organiser_client.get(address)

    assert len(response.context["timeline"]) == 31 + 6


# --- filters, search, sorting, pagination ------------------------------------------------------


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
        "Lyon",
        place__country="FR",
        place__continent="EU",
        kind=RelationshipKind.LETTER_OF_INTENT,
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


# --- the partner page --------------------------------------------------------------------------


def test_partner_page_shows_conflicting_sources_side_by_side(client):
    partnership = make_partner(
        "Hamburg", established_on=datetime.date(1986, 5, 29), place__country="DE"
    )
    CitationFactory(
        partnership=partnership,
        fact=Citation.Fact.ESTABLISHED_ON,
        value="1986-05-29",
        source=SourceFactory(title="Shanghai FAO list"),
    )
    CitationFactory(
        partnership=partnership,
        fact=Citation.Fact.ESTABLISHED_ON,
        value="1985-06-29",
        source=SourceFactory(title="Statistical Yearbook"),
    )

    html = client.get(url("cities:partner-detail", partnership.pk)).content.decode()

    assert "The sources give different dates:" in html
    assert "<strong>May 29, 1986</strong> — Shanghai FAO list" in html
    assert "<strong>June 29, 1985</strong> — Statistical Yearbook" in html


def test_partner_page_timeline_merges_agreements_and_exchanges_chronologically(client):
    partnership = PartnershipFactory()
    ExchangeFactory(partnership=partnership, title_en="Forum", starts_on=datetime.date(2023, 11, 1))
    AgreementFactory(
        partnership=partnership, title="Agreement", signed_on=datetime.date(1994, 1, 1)
    )
    ExchangeFactory(
        partnership=partnership,
        title_en="Visit",
        starts_on=datetime.date(2001, 5, 1),
        ends_on=None,
    )

    response = client.get(url("cities:partner-detail", partnership.pk))

    assert [entry.title for entry in response.context["timeline"]] == [
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


# --- network overview ----------------------------------------------------------------------


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


# --- import and export -------------------------------------------------------------------------

GOOD_CSV = (
    "partner,country_iso2,partner_kind,relationship,established_on,source\n"
    "Dunedin,NZ,city,friendship_city,1994-10-21,Shanghai FAO list\n"
    "Yokohama,JP,city,friendship_city,1973-11-30,Shanghai FAO list\n"
)
BAD_CSV = GOOD_CSV + "Atlantis,ZZ,city,friendship_city,1990-01-01,Shanghai FAO list\n"


def upload(client, content: str, name: str = "partners.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile(name, content.encode(), content_type="text/csv")
    return client.post(url("cities:partner-import"), {"file": file})


def test_import_page_shows_every_bad_row_and_imports_nothing(organiser_client):
    response = upload(organiser_client, BAD_CSV)

    assert response.status_code == 422
    assert Partnership.objects.count() == 0
    errors = response.context["errors"]
    assert [(error.row, error.column) for error in errors] == [(4, "country_iso2")]
    html = response.content.decode()
    assert "<td>4</td><td>country_iso2</td>" in html
    assert "nothing was imported" in html


def test_import_page_reports_the_summary_of_a_good_file(organiser_client):
    response = upload(organiser_client, GOOD_CSV)

    assert response.status_code == 200
    summary = response.context["summary"]
    assert (summary.created, summary.updated, summary.unchanged) == (2, 0, 0)
    assert Partnership.objects.count() == 2


def test_import_page_refuses_other_file_types(organiser_client):
    response = upload(organiser_client, GOOD_CSV, name="partners.pdf")

    assert response.status_code == 422
    assert response.context["form"].errors["file"] == ["Choose a .csv or .xlsx file."]


def test_import_page_in_chinese_shows_a_bad_rows_error_in_chinese(organiser_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad_date = GOOD_CSV + "Hamburg,DE,city,friendship_city,1986-13-01,Shanghai FAO list\n"
    file = SimpleUploadedFile("partners.csv", bad_date.encode(), content_type="text/csv")

    response = organiser_client.post(url("cities:partner-import", lang="zh-hans"), {"file": file})

    html = response.content.decode()
    assert response.status_code == 422
    assert "<td>4</td><td>established_on</td>" in html
    assert "“1986-13-01”不是日期（YYYY、YYYY-MM 或 YYYY-MM-DD）" in html
    assert "is not a date" not in html
    assert Partnership.objects.count() == 0


def test_import_page_links_to_the_file_format_help(organiser_client):
    html = organiser_client.get(url("cities:partner-import")).content.decode()

    assert f'href="{url("cities:import-format")}"' in html


def test_import_format_help_describes_every_column_and_lists_chinese_labels(client):
    response = client.get(url("cities:import-format"))

    html = response.content.decode()
    assert response.status_code == 200
    assert [name for name, _required, _help in response.context["columns"]] == list(ALL_COLUMNS)
    assert ("friendly_exchange", "Friendly exchange relationship", "友好交流关系") in (
        response.context["value_lists"][1][1]
    )
    assert "<td><code>smart-city</code></td><td>Smart city</td>" in html
    # Where the data comes from (docs/data.md in short), licences included.
    assert "Natural Earth (public domain)" in html
    assert "GeoNames (CC BY 4.0)" in html


def test_import_format_example_imports_as_it_is_shown(organiser_client):
    from amity.cities.views.transfer import EXAMPLE_CSV

    response = upload(organiser_client, EXAMPLE_CSV)

    hamburg = Partnership.objects.get(place__name_en="Hamburg")
    assert response.status_code == 200
    # The row's own date and the yearbook's conflicting one are both kept, each with its source.
    dates = hamburg.citations.filter(fact=Citation.Fact.ESTABLISHED_ON)
    assert sorted(dates.values_list("value", "source__title")) == [
        ("1985-06-29", "2007 Shanghai Statistical Yearbook"),
        ("1986-05-29", "Shanghai FAO list of friendship cities (2012 edition)"),
    ]


def test_export_of_the_filtered_list_contains_only_the_matching_partners(client):
    make_partner("Dunedin")
    make_partner("Hamburg", place__country="DE", place__continent="EU")

    response = client.get(url("cities:partner-export", "csv"), {"continent": "OC"})

    body = response.content.decode("utf-8-sig")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="partnerships-')
    assert "Dunedin" in body
    assert "Hamburg" not in body


def test_export_as_xlsx_is_a_zip_container(client):
    make_partner("Dunedin")

    response = client.get(url("cities:partner-export", "xlsx"))

    assert response.content[:2] == b"PK"


def test_export_unknown_format_is_404(client):
    assert client.get(url("cities:partner-export", "pdf")).status_code == 404


# --- adding and editing a partner ---------------------------------------------------------------


def test_world_city_search_offers_cities_with_their_coordinates(organiser_client):
    response = organiser_client.get(url("cities:world-city-search"), {"q": "Duned"})

    html = response.content.decode()
    assert 'data-name="Dunedin"' in html
    assert 'data-country="NZ"' in html
    assert 'data-time-zone="Pacific/Auckland"' in html


def test_add_partner_records_place_and_partnership(organiser_client):
    response = organiser_client.post(
        url("cities:partner-create"),
        {
            "place-name_en": "Dunedin",
            "place-name_zh": "达尼丁",
            "place-place_kind": "city",
            "place-country": "NZ",
            "place-latitude": "-45.87",
            "place-longitude": "170.50",
            "place-population": "114347",
            "place-time_zone": "Pacific/Auckland",
            "kind": RelationshipKind.FRIENDSHIP_CITY,
            "status": PartnershipStatus.ACTIVE,
            "level": "municipal",
            "established_on": "1994-10-21",
            "established_precision": DatePrecision.DAY,
            "fields": ["tourism", "education-talent"],
        },
    )

    partnership = Partnership.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("cities:partner-detail", partnership.pk)
    assert (partnership.place.name_zh, partnership.place.continent) == ("达尼丁", "OC")
    assert sorted(partnership.fields.values_list("code", flat=True)) == [
        "education-talent",
        "tourism",
    ]


def test_add_partner_twice_shows_the_domain_error(organiser_client):
    existing = PartnershipFactory()
    place = existing.place

    response = organiser_client.post(
        url("cities:partner-create"),
        {
            "place-name_en": place.name_en,
            "place-place_kind": place.kind,
            "place-country": place.country,
            "kind": RelationshipKind.FRIENDSHIP_CITY,
            "status": PartnershipStatus.ACTIVE,
            "level": "municipal",
            "established_precision": DatePrecision.DAY,
        },
    )

    assert response.status_code == 422
    assert "already has a partnership at this level" in response.content.decode()
    assert Partnership.objects.count() == 1


def test_edit_partner_changes_the_relationship(organiser_client):
    partnership = PartnershipFactory()

    response = organiser_client.post(
        url("cities:partner-update", partnership.pk),
        {
            "place-name_en": partnership.place.name_en,
            "place-place_kind": partnership.place.kind,
            "place-country": partnership.place.country,
            "kind": RelationshipKind.FRIENDSHIP_CITY,
            "status": PartnershipStatus.DORMANT,
            "level": "municipal",
            "established_on": "1994-10-21",
            "established_precision": DatePrecision.MONTH,
            "notes": "Call before visiting.",
        },
    )

    partnership.refresh_from_db()
    assert response.status_code == 302
    assert (partnership.status, partnership.established_precision, partnership.notes) == (
        PartnershipStatus.DORMANT,
        DatePrecision.MONTH,
        "Call before visiting.",
    )


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_edit_page_gives_the_date_picker_an_iso_date_in_every_language(organiser_client, lang):
    partnership = PartnershipFactory(
        established_on=datetime.date(1994, 10, 21), ended_on=datetime.date(2020, 6, 30)
    )

    html = organiser_client.get(url("cities:partner-update", partnership.pk, lang=lang)).content

    assert b'name="established_on" value="1994-10-21"' in html
    assert b'name="ended_on" value="2020-06-30"' in html


def test_edit_partner_records_the_end_of_a_relationship(organiser_client):
    partnership = PartnershipFactory()

    organiser_client.post(
        url("cities:partner-update", partnership.pk),
        {
            "place-name_en": partnership.place.name_en,
            "place-place_kind": partnership.place.kind,
            "place-country": partnership.place.country,
            "kind": RelationshipKind.FRIENDSHIP_CITY,
            "status": PartnershipStatus.ENDED,
            "level": "municipal",
            "established_on": "1994-10-21",
            "established_precision": DatePrecision.DAY,
            "ended_on": "2020-06-30",
        },
    )

    partnership.refresh_from_db()
    assert (partnership.status, partnership.ended_on) == (
        PartnershipStatus.ENDED,
        datetime.date(2020, 6, 30),
    )


def test_edit_partner_to_a_level_already_taken_shows_the_error(organiser_client):
    municipal = PartnershipFactory()
    district = PartnershipFactory(place=municipal.place, level="district", home_district="Huangpu")

    response = organiser_client.post(
        url("cities:partner-update", district.pk),
        {
            "place-name_en": district.place.name_en,
            "place-place_kind": district.place.kind,
            "place-country": district.place.country,
            "kind": RelationshipKind.FRIENDSHIP_CITY,
            "status": PartnershipStatus.ACTIVE,
            "level": "municipal",
            "established_precision": DatePrecision.DAY,
        },
    )

    district.refresh_from_db()
    assert response.status_code == 422
    assert "already has a partnership at this level" in response.content.decode()
    assert district.level == "district"


# --- translations ------------------------------------------------------------------------------

# Labels of the main pages, each with its expected Simplified Chinese.
CHINESE_LABELS = {
    "cities:partner-list": [
        "友好城市",
        "按名称搜索",
        "大洲",
        "国家",
        "关系类型",
        "状态",
        "合作领域",
    ],
    "cities:network": ["网络概览", "按年代建立的关系", "各大洲的伙伴"],
    "cities:partner-detail": ["主要事实", "建立时间", "时间线", "在地图上"],
}
ENGLISH_LABELS = {
    "cities:partner-list": ["Partner cities", "Search by name", "Continent", "Sort by", "Apply"],
    "cities:network": ["Network overview", "per decade", "per continent", "Legend"],
    "cities:partner-detail": ["Key facts", "Established", "Timeline", "On the map", "Status"],
}


@pytest.mark.parametrize("page", list(CHINESE_LABELS))
def test_chinese_pages_show_chinese_labels_and_no_english_ones(client, page):
    partnership = make_partner("Dunedin", place__name_zh="达尼丁")
    args = [partnership.pk] if page == "cities:partner-detail" else []

    html = client.get(url(page, *args, lang="zh-hans")).content.decode()

    assert [label for label in CHINESE_LABELS[page] if label not in html] == []
    visible = re.sub(r"<[^>]+>", " ", html)
    assert [label for label in ENGLISH_LABELS[page] if label in visible] == []
    assert "达尼丁" in html


# English UI labels of the registry's pages; none may show on a page in Chinese mode. Choice
# labels are left out: the import format page lists them in English on purpose.
ENGLISH_UI_LABELS = [
    "Partners",
    "Network",
    "Add partner",
    "Import",
    "Administration",
    "Log out",
    "Log in",
    "Password",
    "Skip to content",
    "Search",
    "Key facts",
    "Timeline",
    "On the map",
    "Edit",
    "Find a city",
    "The partner place",
    "The relationship",
    "Latitude",
    "Time zone",
    "Population",
    "Save",
    "Cancel",
    "Check and import",
    "Required columns",
    "Help: file format",
    "Import file format",
    "The rules",
    "All or nothing",
    "Accepted values",
    "What it holds",
    "optional",
    "Example",
    "Legend",
    "per decade",
]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href and href.startswith("/zh-hans/"):
            self.hrefs.append(href)


def _visible_text(html: str) -> str:
    html = re.sub(r"<(script|style|code|pre)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("role", ["anonymous", "organiser"])
def test_every_page_reachable_from_the_navigation_is_chinese_in_chinese_mode(client, role):
    log_in(client, role)
    partnership = make_partner("Dunedin", place__name_zh="达尼丁")
    ExchangeFactory(partnership=partnership)
    ContactFactory(partnership=partnership)
    start = url("cities:partner-list", lang="zh-hans")
    # Follow links three steps from the list (menu, partner page, its edit page, import help,
    # login); a page's filtered or paginated variants, downloads and the admin are left out.
    seen, frontier, problems = {start}, [start], {}
    for _depth in range(3):
        next_frontier = []
        for page in frontier:
            response = client.get(page)
            assert response.status_code == 200, page
            html = response.content.decode()
            text = _visible_text(html)
            found = [label for label in ENGLISH_UI_LABELS if re.search(rf"\b{label}\b", text)]
            if found:
                problems[page] = found
            links = _Links()
            links.feed(html)
            for href in links.hrefs:
                path = href.split("#")[0].split("?")[0]
                if "/admin/" in path or "/export." in path or path in seen:
                    continue
                seen.add(path)
                next_frontier.append(path)
        frontier = next_frontier

    expected = {
        "anonymous": {"cities:network", "cities:partner-detail", "accounts:login"},
        "organiser": {
            "cities:network",
            "cities:partner-detail",
            "cities:partner-update",
            "cities:partner-create",
            "cities:partner-import",
            "cities:import-format",
        },
    }[role]
    with_pk = {"cities:partner-detail", "cities:partner-update"}
    assert problems == {}
    assert {
        url(name, *([partnership.pk] if name in with_pk else []), lang="zh-hans")
        for name in expected
    } <= seen


def test_catalogue_has_every_entry_translated_and_none_fuzzy():
    with PO_FILE.open("rb") as po:
        catalogue = read_po(po, locale="zh_Hans")

    untranslated = [
        message.id
        for message in catalogue
        if message.id
        and (
            not all(message.string if isinstance(message.string, tuple) else [message.string])
            or message.fuzzy
        )
    ]
    assert untranslated == []
    assert len(catalogue) > 200


# --- Content Security Policy -------------------------------------------------------------------


class InlineCodeFinder(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, <style>, style attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _value in attrs}
        if tag == "script" and "src" not in names:
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        if "style" in names:
            self.problems.append(f"style attribute on <{tag}>")
        self.problems += [f"{name} handler on <{tag}>" for name in names if name.startswith("on")]


@pytest.mark.parametrize(
    "page",
    [
        "cities:partner-list",
        "cities:network",
        "cities:partner-detail",
        "cities:partner-import",
        "cities:partner-create",
        "cities:partner-update",
        "accounts:login",
    ],
)
def test_pages_send_a_strict_csp_and_contain_no_inline_code(organiser_client, page):
    partnership = PartnershipFactory(is_demo=True)
    ContactFactory(partnership=partnership)
    args = [partnership.pk] if page in {"cities:partner-detail", "cities:partner-update"} else []
    if page == "accounts:login":
        organiser_client.logout()

    response = organiser_client.get(url(page, *args))

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    finder = InlineCodeFinder()
    finder.feed(response.content.decode())
    assert finder.problems == []


# --- error pages -------------------------------------------------------------------------------


def test_not_found_page_is_translated(client):
    response = client.get("/zh-hans/no-such-page/")

    assert response.status_code == 404
    assert "页面未找到" in response.content.decode()


def test_server_error_page_renders_without_any_context(rf):
    from django.views.defaults import server_error

    # No middleware runs here, so the language is set as LocaleMiddleware would set it.
    with translation.override("en"):
        response = server_error(rf.get("/en/"))

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
