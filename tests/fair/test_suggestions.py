"""Suggestions from the engine stored per participant, and search by meaning across languages."""

import pytest

from amity.fair.domain.suggestions import refresh_recommendations
from amity.fair.engine_io import fair_profiles
from amity.fair.models import Recommendation, TextEmbedding
from amity.fair.reasons import reason_texts
from amity.fair.search import search_opportunities
from tests.factories.fair import FairFactory, OpportunityFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bus_fair():
    fair = FairFactory()
    shanghai = ParticipantFactory(fair=fair, languages=["zh"], sectors=["2910"])
    OpportunityFactory(
        participant=shanghai,
        kind="offer",
        title="电动公交车整车出口",
        text="纯电动城市公交车及充电站",
    )
    dunedin = ParticipantFactory(
        fair=fair, city_name="Dunedin", country="NZ", languages=["en"], sectors=["4921"]
    )
    OpportunityFactory(
        participant=dunedin,
        kind="request",
        title="Battery-electric buses for our city fleet",
        text="We want to replace diesel buses with electric ones.",
    )
    tourism = ParticipantFactory(fair=fair, languages=["en"], sectors=["7911"])
    OpportunityFactory(
        participant=tourism,
        kind="offer",
        title="Guided wine tours",
        text="Vineyard tours for visiting groups.",
        cooperation="tourism",
    )
    return fair, shanghai, dunedin, tourism


def test_profiles_carry_offers_seeks_and_marks(bus_fair):
    fair, shanghai, dunedin, _tourism = bus_fair

    profiles = fair_profiles(fair)

    by_id = {o.id: o for o in profiles.organisations}
    assert by_id[str(shanghai.pk)].offers == ("电动公交车整车出口. 纯电动城市公交车及充电站",)
    assert by_id[str(dunedin.pk)].seeks[0].startswith("Battery-electric buses")


def test_refresh_stores_a_chinese_offer_for_an_english_request_with_its_reason(bus_fair):
    fair, shanghai, dunedin, _tourism = bus_fair

    refresh_recommendations(fair)

    first = Recommendation.objects.filter(participant=dunedin).order_by("rank").first()
    assert first.partner_id == shanghai.pk
    assert any(r["kind"] == "seek_offer" for r in first.reasons)
    assert reason_texts(first.reasons, first.interpreter_needed)[0].startswith("You seek")
    assert first.interpreter_needed


def test_refresh_stores_each_text_once(bus_fair):
    fair = bus_fair[0]
    refresh_recommendations(fair)
    stored = TextEmbedding.objects.count()

    refresh_recommendations(fair)

    assert stored > 0
    assert TextEmbedding.objects.count() == stored


def test_chinese_query_finds_the_english_request(bus_fair):
    fair, _shanghai, dunedin, tourism = bus_fair

    found = search_opportunities(fair, "电动公交车")

    ids = [pk for pk, _score in found]
    assert ids[0] in set(dunedin.opportunities.values_list("pk", flat=True)) | set(
        bus_fair[1].opportunities.values_list("pk", flat=True)
    )
    assert tourism.opportunities.get().pk not in ids[:2]


def test_english_query_finds_the_chinese_offer(bus_fair):
    fair, shanghai, _dunedin, _tourism = bus_fair

    found = search_opportunities(fair, "electric buses")

    assert shanghai.opportunities.get().pk in [pk for pk, _score in found[:2]]
