"""Factories for the registry: places, partnerships, sources, agreements, exchanges, contacts."""

import datetime

import factory
from factory.django import DjangoModelFactory

from amity.cities.domain.names import place_search_key
from amity.cities.models import (
    Agreement,
    AgreementKind,
    Citation,
    Contact,
    ContactKind,
    DatePrecision,
    Exchange,
    ExchangeKind,
    Partnership,
    PartnershipStatus,
    Place,
    PlaceKind,
    RelationshipKind,
    Source,
)


class PlaceFactory(DjangoModelFactory):
    class Meta:
        model = Place

    kind = PlaceKind.CITY
    name_en = factory.Sequence(lambda n: f"Partner City {n}")
    name_zh = factory.Sequence(lambda n: f"友城{n}")
    country = "NZ"
    continent = "OC"
    latitude = -45.87
    longitude = 170.50
    population = 114_347
    time_zone = "Pacific/Auckland"
    # As the domain actions keep it (amity.cities.domain.names).
    search_names = factory.LazyAttribute(lambda place: place_search_key(place, []))


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = Partnership
        skip_postgeneration_save = True

    place = factory.SubFactory(PlaceFactory)
    kind = RelationshipKind.FRIENDSHIP_CITY
    status = PartnershipStatus.ACTIVE
    established_on = datetime.date(1994, 10, 21)
    established_precision = DatePrecision.DAY
    summary_en = "A friendship city."

    @factory.post_generation
    def fields(self, create: bool, extracted: object, **kwargs: object) -> None:
        """Pass ``fields=[CooperationField, …]`` to set the fields of cooperation."""
        if create and extracted:
            self.fields.set(extracted)


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ("title_en",)

    title_en = factory.Sequence(lambda n: f"Official list of friendship cities, edition {n}")
    publisher = "Foreign Affairs Office"


class CitationFactory(DjangoModelFactory):
    class Meta:
        model = Citation

    partnership = factory.SubFactory(PartnershipFactory)
    fact = Citation.Fact.ESTABLISHED_ON
    value = "1994-10-21"
    source = factory.SubFactory(SourceFactory)


class AgreementFactory(DjangoModelFactory):
    class Meta:
        model = Agreement

    partnership = factory.SubFactory(PartnershipFactory)
    kind = AgreementKind.FRIENDSHIP_AGREEMENT
    title_en = factory.Sequence(lambda n: f"Friendship agreement {n}")
    signed_on = datetime.date(1994, 10, 21)
    signatories = "The two mayors"


class ExchangeFactory(DjangoModelFactory):
    class Meta:
        model = Exchange

    partnership = factory.SubFactory(PartnershipFactory)
    kind = ExchangeKind.INCOMING_VISIT
    title_en = factory.Sequence(lambda n: f"Delegation visit {n}")
    title_zh = factory.Sequence(lambda n: f"代表团访问{n}")
    starts_on = datetime.date(2023, 11, 1)
    ends_on = datetime.date(2023, 11, 3)
    delegation_head = "Deputy Mayor"
    delegation_size = 6


class ContactFactory(DjangoModelFactory):
    class Meta:
        model = Contact

    partnership = factory.SubFactory(PartnershipFactory)
    kind = ContactKind.REPRESENTATIVE
    name = factory.Sequence(lambda n: f"Contact Person {n}")
    position_en = "International relations manager"
    email = factory.Sequence(lambda n: f"contact{n}@partner.example")
    languages = "en"
    protocol_notes_en = "Prefers meetings in the morning."
