"""Factories for the matching fair: fairs, participants, opportunities and requests."""

import factory
from factory.django import DjangoModelFactory

from amity.events.models import EventKind
from amity.fair.domain.profiles import fill_indexes
from amity.fair.models import (
    Fair,
    MeetingRequest,
    Opportunity,
    OpportunityKind,
    Participant,
    ParticipantStatus,
)
from tests.factories.accounts import OrganisationFactory
from tests.factories.events import EventFactory


class FairFactory(DjangoModelFactory):
    class Meta:
        model = Fair

    event = factory.SubFactory(EventFactory, kind=EventKind.FAIR)
    approval_required = False
    max_meetings = 12
    max_pending_requests = 10


class ParticipantFactory(DjangoModelFactory):
    class Meta:
        model = Participant
        skip_postgeneration_save = True

    fair = factory.SubFactory(FairFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = ParticipantStatus.APPROVED
    name_en = factory.LazyAttribute(lambda p: p.organisation.name_en)
    name_zh = factory.LazyAttribute(lambda p: p.organisation.name_zh)
    city_name = "Shanghai"
    city_name_zh = "上海"
    country = "CN"
    sectors = factory.LazyFunction(lambda: ["4923"])
    languages = factory.LazyFunction(lambda: ["zh", "en"])
    description = "A test enterprise."
    max_meetings = 8
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.org")
    contact_phone = "+86 21 0000 0000"

    @factory.post_generation
    def _indexes(self, create: bool, extracted: object, **kwargs: object) -> None:
        # As the domain actions do: the marketplace filters on these.
        fill_indexes(self)
        if create:
            self.save(update_fields=["sector_index", "language_index"])


class OpportunityFactory(DjangoModelFactory):
    class Meta:
        model = Opportunity

    participant = factory.SubFactory(ParticipantFactory)
    kind = OpportunityKind.OFFER
    title = factory.Sequence(lambda n: f"Battery-electric buses, model {n}")
    text = "Fleets of battery-electric city buses with charging depots."
    cooperation = "export_import"


class MeetingRequestFactory(DjangoModelFactory):
    class Meta:
        model = MeetingRequest

    sender = factory.SubFactory(ParticipantFactory)
    receiver = factory.SubFactory(ParticipantFactory, fair=factory.SelfAttribute("..sender.fair"))
    fair = factory.LazyAttribute(lambda r: r.sender.fair)
    note = "Shall we meet?"
