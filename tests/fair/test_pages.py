"""The fair's pages: what each shows, in both languages, in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from amity.fair.domain import accept_request, send_request
from amity.fair.models import MeetingRequest, Recommendation, RequestState
from tests.factories.accounts import PASSWORD, EnterpriseUserFactory, OrganiserFactory
from tests.factories.fair import FairFactory, OpportunityFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def _member_client(client, participant):
    user = EnterpriseUserFactory(organisation=participant.organisation)
    client.login(username=user.username, password=PASSWORD)
    return client


def _fair_with(count: int):
    fair = FairFactory()
    me = ParticipantFactory(fair=fair)
    others = ParticipantFactory.create_batch(count, fair=fair)
    for rank, other in enumerate(others, start=1):
        OpportunityFactory(participant=other)
        OpportunityFactory(participant=other, kind="request", title="Port logistics")
        Recommendation.objects.create(
            participant=me,
            partner=other,
            rank=rank,
            score=0.5,
            reasons=[{"kind": "sector", "code": "4923", "label_en": "Freight", "label_zh": "货运"}],
        )
        send_request(sender=other, receiver=me) if rank % 2 else send_request(
            sender=me, receiver=other
        )
    return fair, me


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_home_shows_suggestions_with_reasons_and_requests(client, language):
    _fair, me = _fair_with(2)
    _member_client(client, me)

    response = client.get(f"/{language}/fair/")

    assert response.status_code == 200
    body = response.content.decode()
    assert ("Shared sector: Freight" if language == "en" else "货运") in body
    assert body.count('class="request request--pending"') == 2


def test_home_queries_do_not_grow_with_rows(client):
    counts = []
    for size in (1, 8):
        _fair, me = _fair_with(size)
        _member_client(client, me)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/fair/").status_code == 200
        counts.append(len(queries))
        client.logout()
    assert counts[0] == counts[1]


def test_marketplace_queries_do_not_grow_with_rows(client):
    counts = []
    for size in (1, 12):
        fair, me = _fair_with(size)
        _member_client(client, me)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("fair:marketplace", args=[fair.pk]))
        assert response.status_code == 200
        counts.append(len(queries))
        client.logout()
    assert counts[0] == counts[1]


def test_overview_queries_do_not_grow_with_rows(client):
    organiser = OrganiserFactory()
    client.login(username=organiser.username, password=PASSWORD)
    counts = []
    for size in (1, 10):
        fair, _me = _fair_with(size)
        ParticipantFactory.create_batch(size, fair=fair, status="pending")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("fair:organiser-overview", args=[fair.pk]))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.parametrize(("language", "words"), [("en", "Check-in"), ("zh-hans", "签到")])
def test_the_overview_leads_to_the_days_check_in_and_dashboard(client, language, words):
    fair, _me = _fair_with(1)
    client.force_login(OrganiserFactory())
    with translation.override(language):
        overview, checkin, dashboard = (
            reverse(f"fair:{name}", args=[fair.pk])
            for name in ("organiser-overview", "checkin", "dashboard")
        )
    body = client.get(overview).content.decode()
    assert f'href="{checkin}">{words}</a>' in body
    assert f'href="{dashboard}">' in body


def test_contact_is_hidden_until_a_meeting_is_accepted(client):
    fair = FairFactory()
    me, other = ParticipantFactory(fair=fair), ParticipantFactory(fair=fair)
    _member_client(client, me)
    url = reverse("fair:participant-detail", args=[other.pk])

    before = client.get(url).content.decode()
    accept_request(send_request(sender=me, receiver=other))
    after = client.get(url).content.decode()

    assert other.contact_email not in before
    assert other.contact_email in after


def test_member_accepts_a_request_from_the_home_page(client):
    fair = FairFactory()
    me, other = ParticipantFactory(fair=fair), ParticipantFactory(fair=fair)
    request = send_request(sender=other, receiver=me)
    _member_client(client, me)

    response = client.post(reverse("fair:request-answer", args=[request.pk, "accept"]))

    assert response.status_code == 302
    assert MeetingRequest.objects.get().state == RequestState.ACCEPTED


def test_sender_cannot_accept_its_own_request(client):
    fair = FairFactory()
    me, other = ParticipantFactory(fair=fair), ParticipantFactory(fair=fair)
    request = send_request(sender=me, receiver=other)
    _member_client(client, me)

    response = client.post(reverse("fair:request-answer", args=[request.pk, "accept"]))

    assert response.status_code == 403
    assert MeetingRequest.objects.get().state == RequestState.PENDING


def test_request_to_self_through_the_page_says_why(client):
    fair = FairFactory()
    me = ParticipantFactory(fair=fair)
    _member_client(client, me)

    response = client.post(reverse("fair:request-send", args=[me.pk]), follow=True)

    assert "You cannot ask yourself" in response.content.decode()
    assert MeetingRequest.objects.count() == 0
