"""The demo forum: two days, the reported sessions and speakers with their source, 13
delegations from 12 countries, invented people labelled demo data, and idempotent."""

import io

import pytest
from django.core.management import call_command

from amity.events.demo import CHINA_DAILY, forum_2023
from amity.events.models import Attendee, Event, SessionKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    call_command("demo", "--no-serve", stdout=io.StringIO(), stderr=io.StringIO())
    return forum_2023()


def test_demo_forum_has_13_delegations_from_12_countries(forum):
    countries = set(forum.delegations.values_list("place__country", flat=True))

    assert (forum.delegations.count(), len(countries)) == (13, 12)
    assert {"Dunedin", "Vientiane", "Johannesburg", "Los Angeles"} <= set(
        forum.delegations.values_list("place__name_en", flat=True)
    )


def test_demo_forum_runs_two_days_with_a_business_matching_thursday(forum):
    days = {session.starts_at.astimezone(forum.tz).date() for session in forum.sessions.all()}
    matching = forum.sessions.get(kind=SessionKind.BUSINESS_MATCHING)

    assert (forum.kind, forum.starts_on.isoformat(), forum.ends_on.isoformat()) == (
        "forum",
        "2023-11-30",
        "2023-12-01",
    )
    assert len(days) == 2
    assert matching.starts_at.astimezone(forum.tz).strftime("%A") == "Thursday"


def test_demo_forum_real_speakers_carry_the_report_and_invented_people_are_demo(forum):
    opening = forum.sessions.get(kind=SessionKind.PLENARY)
    speakers = {speaker.name_en: speaker.source_url for speaker in opening.speakers.all()}

    assert speakers["Hua Yuan"] == CHINA_DAILY
    assert speakers["Jules Radich"] == CHINA_DAILY
    real = Attendee.objects.filter(event=forum, is_demo=False)
    assert set(real.values_list("name_en", flat=True)) == {"Jules Radich", "Wajenda Chambeshi"}


def test_demo_twice_changes_nothing(forum):
    before = (Event.objects.count(), Attendee.objects.count())

    call_command("demo", "--no-serve", stdout=io.StringIO(), stderr=io.StringIO())

    assert (Event.objects.count(), Attendee.objects.count()) == before


def test_demo_delegate_is_in_dunedins_delegation_and_sees_the_opening(client, forum):
    from django.urls import reverse

    client.login(username="delegate", password="amity-demo")
    html = client.get(reverse("events:delegate-home")).content.decode()

    assert "Opening of the forum" in html
    assert "Dunedin" in html


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_every_events_page_of_the_demo_forum_opens_for_the_organiser(client, forum, lang):
    from django.urls import reverse
    from django.utils import translation

    client.login(username="organiser", password="amity-demo")
    delegation = forum.delegations.get(place__name_en="Dunedin")
    session = forum.sessions.get(kind=SessionKind.PLENARY)
    with translation.override(lang):
        addresses = [reverse("events:event-list")]
        addresses += [
            reverse("events:event-detail", args=[forum.pk]) + f"?tab={tab}"
            for tab in ("programme", "delegations", "registrations", "badges")
        ]
        addresses += [
            reverse(name, args=[forum.pk])
            for name in ("events:timetable", "events:arrivals", "events:event-update")
        ]
        addresses += [
            reverse(name, args=[delegation.pk])
            for name in ("events:delegation-detail", "events:delegation-update")
        ]
        addresses.append(reverse("events:session-update", args=[session.pk]))

    statuses = {address: client.get(address).status_code for address in addresses}

    assert statuses == dict.fromkeys(addresses, 200)
    page = client.get(reverse("events:event-detail", args=[forum.pk]) + "?tab=delegations")
    assert "13" in page.content.decode()
