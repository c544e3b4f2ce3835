"""An event linked to partnerships appears on each partner's timeline, once."""

import pytest
from django.urls import reverse

from amity.cities.models import Exchange
from amity.events.domain.links import link_partnerships
from tests.factories import PartnershipFactory
from tests.factories.events import DelegationFactory, DelegationMemberFactory, EventFactory

pytestmark = pytest.mark.django_db


def test_linked_event_shows_on_the_partner_page_timeline_with_its_head(client):
    partnership = PartnershipFactory()
    event = EventFactory(name_en="Friendship Forum 2031")
    delegation = DelegationFactory(event=event, place=partnership.place)
    DelegationMemberFactory(delegation=delegation, role="head", name_en="A. Mayor")

    link_partnerships(event, [partnership])

    html = client.get(reverse("cities:partner-detail", args=[partnership.pk])).content.decode()
    assert "Friendship Forum 2031" in html
    assert Exchange.objects.get().delegation_head == "A. Mayor"


def test_linking_again_adds_no_second_timeline_entry():
    partnership = PartnershipFactory()
    event = EventFactory()

    link_partnerships(event, [partnership])
    link_partnerships(event, [partnership])

    assert Exchange.objects.count() == 1
    assert list(event.partnerships.all()) == [partnership]
