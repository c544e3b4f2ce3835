"""What the registry's API reads and writes (Django Ninja schemas).

Bodies are ``InputSchema``s (unknown fields and NaN refused); patches are ``PatchSchema``s where
only a field that may really be empty accepts null.
"""

from datetime import date
from typing import Literal

from ninja import Field, Schema

from amity.api import InputSchema, PatchSchema
from amity.cities.domain.queries import DECADES, SEARCH_MAX_LENGTH, PartnerFilters, Sort
from amity.cities.models import Citation, Contact, Partnership

# ---- read --------------------------------------------------------------------------------


class PartnerFiltersIn(Schema):
    """The partner list's filters, as the page's query string has them."""

    q: str = Field("", max_length=SEARCH_MAX_LENGTH)
    continent: str = Field("", max_length=2)
    country: str = Field("", max_length=2)
    kind: str = Field("", max_length=30)
    status: str = Field("", max_length=20)
    field: str = Field("", max_length=40)
    # The first year of a decade, e.g. 1980 for 1980–1989.
    decade: int | None = Field(None, ge=DECADES[0], le=DECADES[1])
    sort: Sort = "date"

    def filters(self) -> PartnerFilters:
        return PartnerFilters(**self.dict())


class PlaceOut(Schema):
    id: int
    kind: str
    name_en: str
    name_zh: str
    country: str
    continent: str
    latitude: float | None
    longitude: float | None
    population: int | None
    time_zone: str
    geonames_id: int | None
    alternate_names: list[str]

    @staticmethod
    def resolve_alternate_names(obj) -> list[str]:
        return [name.name for name in obj.alternate_names.all()]


class PartnershipOut(Schema):
    id: int
    place: PlaceOut
    kind: str
    status: str
    level: str
    home_district: str
    established_on: date | None
    established_precision: str
    ended_on: date | None
    fields: list[str]
    is_demo: bool

    @staticmethod
    def resolve_fields(obj: Partnership) -> list[str]:
        return [field.code for field in obj.fields.all()]


class SourceOut(Schema):
    id: int
    title_en: str
    title_zh: str
    url: str
    publisher: str
    published_on: date | None


class CitationOut(Schema):
    id: int
    fact: str
    value: str
    source: SourceOut
    note_en: str
    note_zh: str


class AgreementOut(Schema):
    id: int
    kind: str
    title_en: str
    title_zh: str
    signed_on: date | None
    signatories: str
    summary_en: str
    summary_zh: str
    source: SourceOut | None
    is_demo: bool


class ExchangeOut(Schema):
    id: int
    kind: str
    title_en: str
    title_zh: str
    starts_on: date
    ends_on: date | None
    description_en: str
    description_zh: str
    delegation_head: str
    delegation_size: int | None
    source: SourceOut | None
    is_demo: bool


class ContactOut(Schema):
    id: int
    kind: str
    name: str
    position_en: str
    position_zh: str
    organisation: str
    email: str
    phone: str
    address: str
    languages: str
    protocol_notes_en: str
    protocol_notes_zh: str
    is_demo: bool


class PartnershipDetailOut(PartnershipOut):
    summary_en: str
    summary_zh: str
    citations: list[CitationOut]
    agreements: list[AgreementOut]
    exchanges: list[ExchangeOut]
    # Facts no source states (see "unsourced" on the partner's page).
    unsourced: list[str]
    # Present only for organisers: personal data and working notes (null for other roles).
    contacts: list[ContactOut] | None = None
    notes: str | None = None

    @staticmethod
    def resolve_unsourced(obj: Partnership) -> list[str]:
        cited = {citation.fact for citation in obj.citations.all()}
        return [fact for fact in UNSOURCED_CHECKED if fact not in cited]

    @staticmethod
    def resolve_contacts(obj: Partnership, context) -> list[Contact] | None:
        if not context["request"].user.has_perm("cities.view_contact", obj):
            return None
        return list(Contact.objects.filter(partnership=obj))

    @staticmethod
    def resolve_notes(obj: Partnership, context) -> str | None:
        if not context["request"].user.has_perm("cities.view_notes", obj):
            return None
        return obj.notes


# The facts of a partnership that its page marks when no source states them.
UNSOURCED_CHECKED = (Citation.Fact.KIND, Citation.Fact.ESTABLISHED_ON)


class WorldCityOut(Schema):
    name: str
    # GeoNames' Simplified Chinese name, when it has one.
    name_zh: str
    country: str
    latitude: float
    longitude: float
    population: int
    time_zone: str
    geonames_id: int


class ImportSummaryOut(Schema):
    created: int
    updated: int
    unchanged: int
    warnings: list[str]


class ImportJobOut(Schema):
    """A large file is imported in the background: follow the job."""

    job: str
    status_url: str


class RowErrorOut(Schema):
    row: int | None
    column: str | None
    message: str


class ImportErrorsOut(Schema):
    detail: str
    errors: list[RowErrorOut]
    # How many errors there were in all; the list stops at the first few hundred.
    total: int


# ---- write -------------------------------------------------------------------------------


class PlaceIn(InputSchema):
    name_en: str
    name_zh: str = ""
    country: str
    kind: Literal["city", "province", "region"] = "city"
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = None
    time_zone: str = ""
    # The GeoNames city to take the location from (see GET /world-cities).
    geonames_id: int | None = None


class PartnershipIn(InputSchema):
    place: PlaceIn
    kind: str
    status: str | None = None
    level: str = "municipal"
    home_district: str = ""
    established_on: date | None = None
    established_precision: str = ""
    ended_on: date | None = None
    fields: list[str] = Field([], max_length=50)
    summary_en: str = ""
    summary_zh: str = ""
    notes: str = ""
    # Where the relationship is stated: cited for its kind and its date.
    source_title: str = ""
    source_url: str = ""


class PartnershipPatch(PatchSchema):
    kind: str = None
    status: str = None
    level: str = None
    home_district: str = None
    established_on: date | None = None
    established_precision: str = None
    ended_on: date | None = None
    fields: list[str] = Field(None, max_length=50)
    summary_en: str = None
    summary_zh: str = None
    notes: str = None


class PlacePatch(PatchSchema):
    kind: Literal["city", "province", "region"] = None
    name_en: str = None
    name_zh: str = None
    # ISO 3166-1 alpha-2; the continent follows it.
    country: str = None
    # Both coordinates or neither: set one to null and the other must be null too.
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = None
    time_zone: str = None


class ExchangeIn(InputSchema):
    kind: str
    title_en: str = ""
    title_zh: str = ""
    starts_on: date
    ends_on: date | None = None
    description_en: str = ""
    description_zh: str = ""
    delegation_head: str = ""
    delegation_size: int | None = Field(None, ge=0, le=10_000)
    source_title: str = ""


class AgreementIn(InputSchema):
    kind: str
    title_en: str = ""
    title_zh: str = ""
    signed_on: date | None = None
    signatories: str = ""
    summary_en: str = ""
    summary_zh: str = ""
    source_title: str = ""


class ContactIn(InputSchema):
    name: str
    kind: str = "representative"
    position_en: str = ""
    position_zh: str = ""
    organisation: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    languages: list[str] = Field([], max_length=20)
    protocol_notes_en: str = ""
    protocol_notes_zh: str = ""


class CitationIn(InputSchema):
    fact: str
    value: str = ""
    source_title: str
    url: str = ""
    note_en: str = ""
    note_zh: str = ""


class AlternateNameIn(InputSchema):
    name: str
