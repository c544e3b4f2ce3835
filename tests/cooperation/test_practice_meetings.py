"""A practice looking for partners: asking for a meeting about it at the next fair goes through
the fair's own request action, and every reason it cannot is said plainly."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from amity.cooperation.domain.practice_meetings import ask_about_practice, next_fair
from amity.fair.models import MeetingRequest, RequestState
from tests.factories.accounts import DelegateFactory, EnterpriseUserFactory
from tests.factories.cities import PlaceFactory
from tests.factories.cooperation import PracticeFactory
from tests.factories.events import EventFactory
from tests.factories.fair import FairFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def upcoming_fair(days: int = 30):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return FairFactory(event=EventFactory(kind="fair", starts_on=day, ends_on=day))


@pytest.fixture
def scene():
    """A Johannesburg practice looking for partners, the next fair with a Johannesburg
    participant, and an enterprise member whose organisation takes part."""
    city = PlaceFactory()
    fair = upcoming_fair()
    host = ParticipantFactory(fair=fair, place=city, city_name=city.name_en, country="ZA")
    asker = EnterpriseUserFactory()
    mine = ParticipantFactory(fair=fair, organisation=asker.organisation)
    practice = PracticeFactory(place=city, looking_for_partners=True, title_en="Free Wi-Fi")
    return {"fair": fair, "host": host, "asker": asker, "mine": mine, "practice": practice}


def test_ask_about_practice_sends_the_fairs_request_with_the_practice_named(scene):
    request = ask_about_practice(
        scene["practice"], user=scene["asker"], receiver_id=scene["host"].pk, note="Hello."
    )

    assert (request.fair, request.sender, request.receiver, request.state) == (
        scene["fair"],
        scene["mine"],
        scene["host"],
        RequestState.PENDING,
    )
    assert request.note == "About the practice “Free Wi-Fi”. Hello."


def test_next_fair_skips_fairs_that_are_over_and_takes_the_earliest(scene):
    FairFactory()  # 2023: over
    later = upcoming_fair(days=90)

    assert next_fair() == scene["fair"]
    assert next_fair(today=scene["fair"].event.ends_on + datetime.timedelta(days=1)) == later


def _refusal(scene, **changes) -> dict:
    args = {"user": scene["asker"], "receiver_id": scene["host"].pk, **changes}
    with pytest.raises(ValidationError) as caught:
        ask_about_practice(scene["practice"], **args)
    assert MeetingRequest.objects.count() == 0
    return caught.value.message_dict


def test_ask_about_practice_without_an_upcoming_fair_says_so(scene):
    scene["fair"].event.__class__.objects.filter(pk=scene["fair"].event_id).update(
        starts_on=datetime.date(2023, 11, 30), ends_on=datetime.date(2023, 12, 1)
    )

    assert list(_refusal(scene)) == ["fair"]


def test_ask_about_practice_refuses_a_participant_from_another_city(scene):
    elsewhere = ParticipantFactory(fair=scene["fair"])

    assert list(_refusal(scene, receiver_id=elsewhere.pk)) == ["receiver"]


def test_ask_about_practice_without_ones_own_participant_names_the_sender(scene):
    assert list(_refusal(scene, user=EnterpriseUserFactory())) == ["sender"]


def test_ask_about_practice_not_looking_for_partners_is_refused(scene):
    scene["practice"].looking_for_partners = False

    assert list(_refusal(scene)) == ["practice"]


def test_a_home_city_practice_is_met_through_the_home_citys_participants(scene):
    practice = PracticeFactory(place=None, looking_for_partners=True)
    shanghai = ParticipantFactory(fair=scene["fair"], city_name="Shanghai", country="CN")

    request = ask_about_practice(practice, user=scene["asker"], receiver_id=shanghai.pk)

    assert request.receiver == shanghai


def test_a_delegate_asks_as_their_organisations_participant(scene):
    delegate = DelegateFactory(organisation=scene["mine"].organisation)

    request = ask_about_practice(scene["practice"], user=delegate, receiver_id=scene["host"].pk)

    assert request.sender == scene["mine"]


def _page(practice, lang: str = "en") -> str:
    with translation.override(lang):
        return reverse("cooperation:practice-detail", args=[practice.pk])


@pytest.mark.parametrize(("lang", "text"), [("en", "Ask for a meeting"), ("zh-hans", "请求会面")])
def test_the_practice_page_offers_the_meeting_in_both_languages(client, scene, lang, text):
    client.force_login(scene["asker"])

    page = client.get(_page(scene["practice"], lang)).content.decode()

    assert text in page
    assert f'<option value="{scene["host"].pk}">' in page


def test_the_practice_page_explains_when_nobody_from_the_city_is_at_the_fair(client, scene):
    scene["host"].delete()
    client.force_login(scene["asker"])

    page = client.get(_page(scene["practice"])).content.decode()

    assert "there is nobody to meet about it there" in page


def test_the_page_post_sends_the_request_and_the_refusal_lands_in_a_message(client, scene):
    client.force_login(scene["asker"])
    with translation.override("en"):
        url = reverse("cooperation:practice-meeting", args=[scene["practice"].pk])

    refused = client.post(url, {"receiver": ParticipantFactory(fair=scene["fair"]).pk}, follow=True)
    sent = client.post(url, {"receiver": scene["host"].pk, "note": "Hi"})

    assert "Choose one of the fair&#x27;s participants" in refused.content.decode()
    assert sent.status_code == 302
    assert MeetingRequest.objects.get().receiver == scene["host"]


def test_the_api_answers_with_the_fairs_request(client, scene):
    client.force_login(scene["asker"])

    response = client.post(
        f"/api/v1/cooperation/practices/{scene['practice'].pk}/meeting-requests",
        json.dumps({"receiver_id": scene["host"].pk}),
        content_type="application/json",
    )

    assert response.status_code == 201
    assert response.json()["receiver_id"] == scene["host"].pk


def test_the_api_names_the_field_of_a_refusal(client, scene):
    client.force_login(EnterpriseUserFactory())

    response = client.post(
        f"/api/v1/cooperation/practices/{scene['practice'].pk}/meeting-requests",
        json.dumps({"receiver_id": scene["host"].pk}),
        content_type="application/json",
    )

    assert (response.status_code, list(response.json()["errors"])) == (422, ["sender"])
