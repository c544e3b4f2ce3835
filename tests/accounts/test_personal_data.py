"""A person's data on request: exported whole, erased everywhere (history too), on record;
delegation members' data erased after the retention period."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from amity.accounts.personal_data import ERASED, erase_expired, erase_person, export_person
from amity.accounts.tokens import create_api_token
from amity.audit.models import Action
from amity.events.models import Attendee, Delegation
from tests.factories import DelegateFactory, OrganiserFactory
from tests.factories.events import DelegationFactory, DelegationMemberFactory, EventFactory
from tests.permissions.matrix import en

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegate():
    person = DelegateFactory(first_name="Aroha", last_name="Tane", email="aroha@dcc.example")
    create_api_token(person, "phone")
    delegation = DelegationFactory(
        place=person.partner_place, hotel="Peace Hotel", dietary_needs="vegetarian"
    )
    DelegationMemberFactory(
        delegation=delegation,
        user=person,
        name_en="Aroha Tane",
        email="aroha@dcc.example",
        phone="+64 3 477 4000",
        role="head",
    )
    return person


def test_the_export_holds_the_account_its_tokens_and_its_attendances(delegate):
    data = export_person(delegate)

    assert data["accounts.account"][0]["email"] == "aroha@dcc.example"
    assert data["accounts.api_tokens"][0]["name"] == "phone"
    (attendance,) = data["events.attendances"]
    assert (attendance["name_en"], attendance["phone"], attendance["role"]) == (
        "Aroha Tane",
        "+64 3 477 4000",
        "head",
    )
    assert attendance["hotel"] == "Peace Hotel"
    assert attendance["delegation_of"] == delegate.partner_place.name_en


def test_the_organiser_downloads_json_and_xlsx(client, delegate):
    client.force_login(OrganiserFactory())

    as_json = client.get(en("accounts:personal-data-download", delegate.pk, "json"))
    as_xlsx = client.get(en("accounts:personal-data-download", delegate.pk, "xlsx"))

    assert as_json["Cache-Control"] == "private, no-store"
    assert json.loads(as_json.content)["events.attendances"][0]["name_en"] == "Aroha Tane"
    book = load_workbook(io.BytesIO(as_xlsx.content), read_only=True)
    rows = list(book["events.attendances"].values)
    assert "Aroha Tane" in rows[1]


def test_erasure_anonymises_everywhere_keeps_what_counts_and_is_on_record(delegate):
    organiser = OrganiserFactory()
    attendee = Attendee.objects.get(user=delegate)
    old_token = attendee.checkin_token

    counts = erase_person(delegate, by=organiser)

    delegate.refresh_from_db()
    attendee.refresh_from_db()
    assert (delegate.email, delegate.first_name, delegate.is_active) == ("", "", False)
    assert not delegate.has_usable_password()
    assert not delegate.api_tokens.exists()
    assert (attendee.name_en, attendee.email, attendee.phone, attendee.user) == (
        ERASED,
        "",
        "",
        None,
    )
    # What counts stays: the badge's role and event, one attendee more at the event.
    assert (attendee.role, attendee.event_id) == ("head", attendee.delegation.event_id)
    assert attendee.checkin_token != old_token
    # The audit log keeps no copy of what was erased.
    assert not Attendee.history.filter(id=attendee.pk).exclude(name_en=ERASED).exists()
    assert not Attendee.history.filter(id=attendee.pk, email="aroha@dcc.example").exists()
    action = Action.objects.get(kind="accounts.personal_data.erase")
    assert (action.actor, action.subject_id) == (organiser, str(delegate.pk))
    assert action.details == counts
    assert counts["events.attendances"] == 1
    assert "aroha" not in json.dumps(action.details).lower()


def test_the_page_asks_for_the_user_name_before_erasing(client, delegate):
    client.force_login(OrganiserFactory())
    page = client.get(en("accounts:personal-data", delegate.pk))
    assert 'id="erase-heading"' in page.content.decode()

    refused = client.post(en("accounts:personal-data-erase", delegate.pk), {"confirm": "yes"})
    assert refused.status_code == 422
    assert Attendee.objects.get(user=delegate).name_en == "Aroha Tane"

    done = client.post(
        en("accounts:personal-data-erase", delegate.pk), {"confirm": delegate.username}
    )
    assert done.status_code == 302
    assert not Attendee.objects.filter(name_en="Aroha Tane").exists()


def test_the_page_reads_in_chinese(client, delegate):
    client.force_login(OrganiserFactory())

    html = client.get(
        en("accounts:personal-data", delegate.pk).replace("/en/", "/zh-hans/")
    ).content.decode()

    assert "个人信息" in html
    assert "出席记录和代表团成员身份" in html


def test_delegation_data_is_erased_after_the_retention_period(settings):
    settings.AMITY_ERASE_DELEGATION_DATA_AFTER_DAYS = 180
    today = timezone.now()
    old = EventFactory(
        starts_on=(today - datetime.timedelta(days=200)).date(),
        ends_on=(today - datetime.timedelta(days=199)).date(),
    )
    recent = EventFactory(
        starts_on=(today - datetime.timedelta(days=20)).date(),
        ends_on=(today - datetime.timedelta(days=19)).date(),
    )
    gone = DelegationMemberFactory(
        delegation=DelegationFactory(event=old, dietary_needs="halal"), email="a@x.example"
    )
    kept = DelegationMemberFactory(
        delegation=DelegationFactory(event=recent, dietary_needs="halal"), email="b@x.example"
    )

    assert erase_expired(today) == {"events.attendances": 1}
    # A second run finds nothing more to erase.
    assert erase_expired(today) == {"events.attendances": 0}

    gone.refresh_from_db()
    kept.refresh_from_db()
    assert (gone.name_en, gone.email, gone.role) == (ERASED, "", "official")
    assert Delegation.objects.get(event=old).dietary_needs == ""
    assert kept.email == "b@x.example"
    assert Delegation.objects.get(event=recent).dietary_needs == "halal"


def test_the_command_applies_the_retention(settings, capsys):
    settings.AMITY_ERASE_DELEGATION_DATA_AFTER_DAYS = 0
    member = DelegationMemberFactory(delegation=DelegationFactory(event=EventFactory()))

    call_command("erase_expired_personal_data")

    member.refresh_from_db()
    assert member.name_en == ERASED
    assert "events.attendances: 1 records erased" in capsys.readouterr().out
