"""Outcomes over time (first vs. second stage by month), per sector and per partner city."""

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from amity.fair.domain.day import mark_meeting, record_outcome
from amity.fair.domain.outcomes_report import (
    month_chart,
    outcomes_by_month,
    outcomes_per_group,
    section_of,
)
from amity.fair.domain.schedule import add_meeting
from amity.fair.domain.survey import answer_meeting
from amity.fair.models import FollowUpAnswer, MeetingOutcome, MeetingStatus, Table
from tests.factories.accounts import OrganiserFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db


def _outcomes(meetings: int = 2):
    """p0 held ``meetings`` meetings; p0 rated each, p1 answered the survey for the first."""
    fair, people, requests, slots = small_fair(participants=meetings + 1)
    people[1].sectors = ["4923", "7911"]
    people[1].city_name, people[1].city_name_zh = "Busan", "釜山"
    people[1].save()
    table = Table.objects.filter(fair=fair).first()
    held = []
    for i, request in enumerate(requests):
        meeting = add_meeting(request, slot=slots[i], table=table)
        mark_meeting(meeting, MeetingStatus.HELD)
        record_outcome(meeting, people[0], "follow_up")
        held.append(meeting)
    MeetingOutcome.objects.update(created_at=datetime(2027, 5, 10, tzinfo=UTC))
    answer_meeting(held[0], people[1], "contract")
    FollowUpAnswer.objects.update(answered_at=datetime(2027, 9, 2, tzinfo=UTC))
    return fair, people, held


def test_first_and_second_stage_are_counted_by_month():
    fair, _people, _held = _outcomes()

    months = outcomes_by_month(fair)

    assert months == [
        {"month": date(2027, 5, 1), "first": {"follow_up": 2}, "second": {}},
        {"month": date(2027, 9, 1), "first": {}, "second": {"contract": 1}},
    ]


def test_outcomes_per_sector_and_city_name_both_languages():
    fair, _people, _held = _outcomes()

    groups = outcomes_per_group(fair)

    transport = next(row for row in groups["sectors"] if row["code"] == "H")
    assert (transport["held"], transport["label_en"][:15]) == (2, "Transportation ")
    assert transport["label_zh"]
    travel = next(row for row in groups["sectors"] if row["code"] == "N")
    assert (travel["held"], travel["second_positive"]) == (1, 1)
    busan = next(row for row in groups["cities"] if row["label_en"] == "Busan")
    assert (busan["label_zh"], busan["held"], busan["second_positive"]) == ("釜山", 1, 1)


def test_an_unknown_sector_code_is_left_out():
    assert section_of("9999") is None
    assert section_of("79.11") == "N"


def test_the_report_is_a_constant_number_of_queries(django_assert_num_queries):
    small, _people, _held = _outcomes(meetings=1)
    large, _people, _held = _outcomes(meetings=3)
    for fair in (small, large):
        with django_assert_num_queries(5):
            outcomes_by_month(fair)
            outcomes_per_group(fair)


def test_the_month_chart_scales_to_the_busiest_month():
    rows = [
        {"month": date(2027, 5, 1), "first": {"follow_up": 4}, "second": {}},
        {"month": date(2027, 9, 1), "first": {}, "second": {"mou": 2}},
    ]
    chart = month_chart(rows)
    assert [(c["label"], c["h1"], c["h2"]) for c in chart["columns"]] == [
        ("2027-05", 120, 0),
        ("2027-09", 0, 60),
    ]
    assert month_chart([])["columns"] == []


def test_the_dashboard_shows_the_charts_in_both_languages_and_when_empty(client):
    fair, _people, _held = _outcomes()
    empty, *_ = small_fair()
    client.force_login(OrganiserFactory())

    page = client.get(reverse("fair:dashboard", args=[fair.pk])).content.decode()
    with translation.override("zh-hans"):
        chinese = client.get(reverse("fair:dashboard", args=[fair.pk])).content.decode()
    nothing = client.get(reverse("fair:dashboard", args=[empty.pk])).content.decode()

    assert 'data-month="2027-09"' in page
    assert "Busan" in page
    assert "釜山" in chinese
    assert "随时间的成果" in chinese
    assert "No outcome has been recorded yet." in nothing


def test_the_dashboard_queries_do_not_grow_with_the_fair(client):
    small, _people, _held = _outcomes(meetings=1)
    large, _people, _held = _outcomes(meetings=3)
    client.force_login(OrganiserFactory())
    counts = []
    for fair in (small, large):
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("fair:dashboard", args=[fair.pk]))
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_api_report_carries_the_same_figures(client):
    fair, _people, _held = _outcomes()
    client.force_login(OrganiserFactory())

    body = client.get(f"/api/v1/fairs/{fair.pk}/outcomes-report").json()

    assert [m["month"] for m in body["months"]] == ["2027-05-01", "2027-09-01"]
    assert {row["code"] for row in body["sectors"]} == {"H", "N"}
