"""One rule, one place: the actions, the importer, the admin and the database agree."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from amity.cities import domain
from amity.cities.admin import ContactForm, ExchangeForm, PartnershipForm, PlaceAdminForm
from amity.cities.importing import ImportRejected, import_partnerships
from amity.cities.models import Partnership
from tests.factories.cities import PartnershipFactory, PlaceFactory

pytestmark = pytest.mark.django_db

HEADER = "partner,country_iso2,partner_kind,relationship,level,home_district,established_on,"
HEADER += "ended_on,latitude,longitude,time_zone\n"


def import_errors(row: str) -> dict[str, str]:
    with pytest.raises(ImportRejected) as rejected:
        import_partnerships((HEADER + row + "\n").encode(), "partners.csv")
    return {error.column: error.message for error in rejected.value.errors}


def action_errors(**changes) -> dict[str, str]:
    place = {"name_en": "Dunedin", "country": "NZ", "kind": "city"}
    place.update(changes.pop("place", {}))
    record = {"kind": "friendship_city", **changes}

    def add() -> None:
        domain.record_partnership(place=domain.find_or_create_place(**place), **record)

    with pytest.raises(ValidationError) as refused:
        add()
    return {field: messages[0] for field, messages in refused.value.message_dict.items()}


@pytest.mark.parametrize(
    ("row", "action", "column", "field"),
    [
        (
            "Dunedin,NZ,city,friendship_city,district,,,,,,",
            {"level": "district"},
            "home_district",
            "home_district",
        ),
        (
            "Dunedin,NZ,city,friendship_city,,,1994-10-21,1990-01-01,,,",
            {
                "established_on": datetime.date(1994, 10, 21),
                "ended_on": datetime.date(1990, 1, 1),
            },
            "ended_on",
            "ended_on",
        ),
        (
            "Dunedin,NZ,city,friendship_city,,,,,-45.9,,",
            {"place": {"latitude": -45.9}},
            "longitude",
            "longitude",
        ),
        (
            "Dunedin,NZ,city,friendship_city,,,,,,,Mars/Olympus",
            {"place": {"time_zone": "Mars/Olympus"}},
            "time_zone",
            "time_zone",
        ),
        (
            "Atlantis,XX,city,friendship_city,,,,,,,",
            {"place": {"country": "XX"}},
            "country_iso2",
            "country",
        ),
    ],
)
def test_importer_and_actions_refuse_a_row_with_the_same_message(row, action, column, field):
    from_import = import_errors(row)
    from_action = action_errors(**action)

    assert from_import[column] == from_action[field]
    assert Partnership.objects.count() == 0


def test_database_refuses_a_district_partnership_without_its_district():
    partnership = PartnershipFactory.build(place=PlaceFactory(), level="district")

    with pytest.raises(IntegrityError), transaction.atomic():
        partnership.save()


def _partnership_form_data(place, **changes) -> dict[str, object]:
    data = {
        "place": place.pk,
        "kind": "friendship_city",
        "status": "active",
        "level": "municipal",
        "home_district": "",
        "established_on": "",
        "established_precision": "",
        "ended_on": "",
        "summary_en": "",
        "summary_zh": "",
        "notes": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"level": "district"}, "home_district"),
        ({"established_on": "1994-10-21", "ended_on": "1990-01-01"}, "ended_on"),
        ({"summary_en": "Bell\u0007Town"}, "summary_en"),
    ],
)
def test_admin_partnership_form_asks_the_same_rules(changes, field):
    form = PartnershipForm(data=_partnership_form_data(PlaceFactory(), **changes))

    assert not form.is_valid()
    assert field in form.errors


def test_admin_partnership_form_gives_a_date_its_precision():
    form = PartnershipForm(data=_partnership_form_data(PlaceFactory(), established_on="1994-10-21"))

    assert form.is_valid(), form.errors
    assert form.save().established_precision == "day"


def test_admin_exchange_form_refuses_an_end_before_the_start():
    partnership = PartnershipFactory()
    data = {
        "partnership": partnership.pk,
        "kind": "incoming_visit",
        "title_en": "Mayor's visit",
        "starts_on": "2023-11-03",
        "ends_on": "2023-11-01",
    }

    form = ExchangeForm(data=data)

    assert not form.is_valid()
    assert "ends_on" in form.errors


def test_admin_contact_form_refuses_what_add_contact_refuses():
    partnership = PartnershipFactory()
    data = {"partnership": partnership.pk, "kind": "representative", "name": "A", "languages": "?!"}

    form = ContactForm(data=data)

    assert not form.is_valid()
    assert "languages" in form.errors


def test_admin_place_form_refuses_a_control_character():
    data = {"kind": "city", "name_en": "Bell\u0007Town", "country": "NZ"}

    form = PlaceAdminForm(data=data)

    assert not form.is_valid()
    assert "name_en" in form.errors
