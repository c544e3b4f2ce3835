"""Editing an interpreter's languages: the domain rule, the interpreters tab and the API."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from amity.fair.domain import add_interpreter, add_session, set_interpreter_languages
from amity.fair.domain.schedule import add_meeting
from amity.fair.models import FairSession, Interpreter, Table
from tests.factories.accounts import OrganiserFactory
from tests.factories.fair import FairFactory
from tests.fair.schedule_helpers import small_fair
from tests.fair.test_setup_pages import at

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def organiser(client):
    client.force_login(OrganiserFactory())
    return client


def test_languages_are_replaced_and_normalised():
    interpreter = add_interpreter(FairFactory(), name="Li Na", languages="zh, en")

    set_interpreter_languages(interpreter, " ZH; ko , en")

    interpreter.refresh_from_db()
    assert interpreter.languages == ["zh", "ko", "en"]


@pytest.mark.parametrize(
    "languages", [["zh"], ["zh", "english"], ["zh", "e1"]], ids=["one", "word", "digit"]
)
def test_bad_languages_are_refused_naming_the_field(languages):
    interpreter = add_interpreter(FairFactory(), name="Li Na", languages="zh, en")

    with pytest.raises(ValidationError) as refused:
        set_interpreter_languages(interpreter, languages)

    assert list(refused.value.message_dict) == ["languages"]
    interpreter.refresh_from_db()
    assert interpreter.languages == ["zh", "en"]


def test_a_language_of_scheduled_meetings_stays():
    fair, _people, requests, slots = small_fair(participants=2)
    session = FairSession.objects.get(fair=fair)
    interpreter = add_interpreter(fair, name="Li Na", languages="zh, en", sessions=[session])
    table = Table.objects.filter(fair=fair).first()
    add_meeting(requests[0], slot=slots[0], table=table, interpreter=interpreter)

    with pytest.raises(ValidationError) as refused:
        set_interpreter_languages(interpreter, ["zh", "ko"])
    set_interpreter_languages(interpreter, ["zh", "en", "ko"])  # adding is fine

    assert "en" in refused.value.message_dict["languages"][0]
    interpreter.refresh_from_db()
    assert interpreter.languages == ["zh", "en", "ko"]


def test_the_tab_saves_languages_and_sessions_of_a_row(organiser):
    fair = FairFactory()
    morning = add_session(fair, part="morning", starts_at=at(14, 1), ends_at=at(14, 3))
    interpreter = add_interpreter(fair, name="Li Na", languages="zh, en")
    with translation.override("en"):
        address = reverse("fair:interpreter-sessions", args=[fair.pk, interpreter.pk])

    response = organiser.post(address, {"languages": "zh, ko", "sessions": [morning.pk]}, **HTMX)

    interpreter.refresh_from_db()
    assert response.status_code == 200
    assert 'name="languages" value="zh, ko"' in response.content.decode()
    assert (interpreter.languages, list(interpreter.sessions.all())) == (["zh", "ko"], [morning])


def test_the_tab_refuses_bad_languages_and_changes_nothing(organiser):
    fair = FairFactory()
    morning = add_session(fair, part="morning", starts_at=at(14, 1), ends_at=at(14, 3))
    interpreter = add_interpreter(fair, name="Li Na", languages="zh, en")
    with translation.override("zh-hans"):
        address = reverse("fair:interpreter-sessions", args=[fair.pk, interpreter.pk])
        response = organiser.post(address, {"languages": "zh", "sessions": [morning.pk]}, **HTMX)

        expected = gettext("An interpreter works between two languages.")

    interpreter.refresh_from_db()
    assert expected != "An interpreter works between two languages."  # the page is in Chinese
    assert expected in response.content.decode()
    assert (interpreter.languages, list(interpreter.sessions.all())) == (["zh", "en"], [])


def test_api_patch_changes_languages(organiser):
    fair = FairFactory()
    interpreter = add_interpreter(fair, name="Li Na", languages="zh, en")
    path = f"/api/v1/fairs/{fair.pk}/interpreters/{interpreter.pk}"

    saved = organiser.patch(path, json.dumps({"languages": ["zh", "ja"]}), "application/json")
    refused = organiser.patch(path, json.dumps({"languages": ["zh"]}), "application/json")

    assert saved.status_code == 200
    assert saved.json()["languages"] == ["zh", "ja"]
    assert refused.status_code == 422
    assert "languages" in refused.content.decode()
    assert Interpreter.objects.get(pk=interpreter.pk).languages == ["zh", "ja"]
