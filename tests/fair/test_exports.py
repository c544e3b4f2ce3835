"""XLSX exports of meetings and outcomes: every column, safe cells, bounded, organisers only."""

import io

import openpyxl
import pytest
from django.urls import reverse

from amity.fair import exports
from amity.fair.domain.day import mark_meeting, record_outcome
from amity.fair.domain.schedule import add_meeting
from amity.fair.exports import XLSX_TYPE
from amity.fair.models import Interpreter, MeetingStatus, Participant, Table
from tests.factories.accounts import EnterpriseUserFactory, OrganiserFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db


def _rows(content: bytes) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return list(sheet.iter_rows(values_only=True))


def _fair_with_a_held_meeting():
    fair, people, requests, slots = small_fair(participants=3)
    # A name that a spreadsheet would run as a formula if it were written as one.
    Participant.objects.filter(pk=people[1].pk).update(name_en='=HYPERLINK("http://x","y")')
    people[1].refresh_from_db()
    table = Table.objects.filter(fair=fair).order_by("number").first()
    interpreter = Interpreter.objects.create(fair=fair, name="Li Na", languages=["zh", "en"])
    held = add_meeting(requests[0], slot=slots[0], table=table, interpreter=interpreter)
    add_meeting(requests[1], slot=slots[1], table=table)
    mark_meeting(held, MeetingStatus.HELD)
    record_outcome(held, people[0], "negotiating", "Price list sent")
    return fair, people, held


def test_the_meetings_export_has_every_meeting_with_both_sides_and_its_status(client):
    fair, people, _held = _fair_with_a_held_meeting()
    client.force_login(OrganiserFactory())

    response = client.get(reverse("fair:export-meetings", args=[fair.pk]))

    rows = _rows(response.content)
    assert response["Content-Type"] == XLSX_TYPE
    assert len(rows) == 3
    assert rows[1][2:] == (
        "1",
        people[0].name_en,
        people[0].name_zh,
        '=HYPERLINK("http://x","y")',
        people[1].name_zh,
        "Li Na",
        "Held",
        "yes",
    )
    assert rows[2][8] == "Scheduled"


def test_a_formula_in_a_name_stays_text_in_the_workbook(client):
    fair, _people, _held = _fair_with_a_held_meeting()
    client.force_login(OrganiserFactory())

    content = client.get(reverse("fair:export-meetings", args=[fair.pk])).content

    cell = openpyxl.load_workbook(io.BytesIO(content)).active["F2"]
    assert (cell.data_type, cell.value) == ("s", '=HYPERLINK("http://x","y")')


def test_the_outcomes_export_in_chinese_has_the_rating_and_note(client):
    fair, people, held = _fair_with_a_held_meeting()
    client.force_login(OrganiserFactory())

    response = client.get(
        reverse("fair:export-outcomes", args=[fair.pk]).replace("/en/", "/zh-hans/", 1)
    )

    rows = _rows(response.content)
    assert rows[0][0] == "会谈"
    assert rows[1][0] == str(held.pk)
    assert rows[1][2:6] == (people[0].name_en, people[1].name_en, "洽谈中", "Price list sent")


def test_an_export_larger_than_the_bound_is_refused_with_a_message(client, monkeypatch):
    fair, _people, _held = _fair_with_a_held_meeting()
    monkeypatch.setattr(exports, "MAX_EXPORT_ROWS", 1)
    client.force_login(OrganiserFactory())

    page = client.get(reverse("fair:export-meetings", args=[fair.pk]), follow=True)
    api = client.get(f"/api/v1/fairs/{fair.pk}/exports/meetings")

    assert "more than one export holds" in page.content.decode()
    assert api.status_code == 422


def test_the_api_export_is_the_same_workbook_and_members_may_not_have_it(client):
    fair, people, _held = _fair_with_a_held_meeting()
    client.force_login(EnterpriseUserFactory(organisation=people[0].organisation))
    refused = client.get(f"/api/v1/fairs/{fair.pk}/exports/outcomes")
    client.force_login(OrganiserFactory())

    rows = _rows(client.get(f"/api/v1/fairs/{fair.pk}/exports/outcomes").content)

    assert refused.status_code == 403
    assert len(rows) == 2
