"""Registry routes of the API (/api/v1/registry/…): the same rules as the pages."""

from datetime import date
from typing import Literal

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, File, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from amity.api.errors import get_or_404
from amity.api.permissions import require_perm
from amity.cities import domain
from amity.cities.domain.queries import (
    DECADES,
    SEARCH_MAX_LENGTH,
    PartnerFilters,
    Sort,
    filter_partnerships,
    listed_partnerships,
)
from amity.cities.exporting import export_partnerships
from amity.cities.importing import ImportRejected, import_partnerships
from amity.cities.models import Citation, Contact, Exchange, Partnership, Place
from amity.cities.world_cities import search_world_cities

router = Router(tags=["registry"])


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


class CitationOut(Schema):
    fact: str
    value: str
    source: str
    source_title_zh: str
    source_url: str
    note_en: str
    note_zh: str

    @staticmethod
    def resolve_source(obj: Citation) -> str:
        return obj.source.title_en

    @staticmethod
    def resolve_source_title_zh(obj: Citation) -> str:
        return obj.source.title_zh

    @staticmethod
    def resolve_source_url(obj: Citation) -> str:
        return obj.source.url


class AgreementOut(Schema):
    id: int
    kind: str
    title_en: str
    title_zh: str
    signed_on: date | None
    signatories: str
    summary_en: str
    summary_zh: str
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
    # Present only for organisers: personal data and working notes (null for other roles).
    contacts: list[ContactOut] | None = None
    notes: str | None = None

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


class RowErrorOut(Schema):
    row: int | None
    column: str | None
    message: str


class ImportErrorsOut(Schema):
    detail: str
    errors: list[RowErrorOut]


@router.get("/partnerships", response=list[PartnershipOut])
@paginate(LimitOffsetPagination)
def list_partnerships(request: HttpRequest, filters: Query[PartnerFiltersIn]):
    require_perm(request, "cities.view_partnership")
    return listed_partnerships(filters.filters())


@router.get("/partnerships/{int:partnership_id}", response=PartnershipDetailOut)
def get_partnership(request: HttpRequest, partnership_id: int):
    partnership = get_or_404(
        Partnership.objects.select_related("place").prefetch_related(
            "fields",
            Prefetch("citations", queryset=Citation.objects.select_related("source")),
            "agreements",
            "exchanges",
        ),
        partnership_id,
    )
    require_perm(request, "cities.view_partnership", partnership)
    return partnership


@router.post(
    "/partnerships/import",
    response={200: ImportSummaryOut, 422: ImportErrorsOut},
)
def import_partnerships_file(request: HttpRequest, file: File[UploadedFile]):
    """Import a CSV or XLSX file: every row is validated; if any is bad, nothing is imported."""
    require_perm(request, "cities.import_partnerships")
    try:
        summary = import_partnerships(file.read(), file.name or "upload.csv")
    except ImportRejected as rejected:
        errors = [
            RowErrorOut(row=error.row, column=error.column, message=error.message)
            for error in rejected.errors
        ]
        return Status(422, ImportErrorsOut(detail=_("nothing was imported"), errors=errors))
    return Status(
        200,
        ImportSummaryOut(
            created=summary.created, updated=summary.updated, unchanged=summary.unchanged
        ),
    )


@router.get("/partnerships.{fmt}")
def export_partnerships_file(
    request: HttpRequest, fmt: Literal["csv", "xlsx"], filters: Query[PartnerFiltersIn]
):
    require_perm(request, "cities.export_partnerships")
    content = export_partnerships(filter_partnerships(filters.filters()), fmt)
    content_type = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }[fmt]
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="partnerships.{fmt}"'
    return response


@router.get("/world-cities", response=list[WorldCityOut])
def world_cities(request: HttpRequest, q: str, country: str | None = None, limit: int = 10):
    """Offline look-up of world cities (GeoNames), for organisers adding a partner."""
    require_perm(request, "cities.add_place")
    return search_world_cities(q, country=country, limit=min(max(limit, 1), 50))


class PlaceIn(Schema):
    name_en: str
    name_zh: str = ""
    country: str
    kind: str = "city"
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = None
    time_zone: str = ""
    # The GeoNames city to take the location from (see GET /world-cities).
    geonames_id: int | None = None


class PartnershipIn(Schema):
    place: PlaceIn
    kind: str
    status: str | None = None
    level: str = "municipal"
    home_district: str = ""
    established_on: date | None = None
    established_precision: str = ""
    ended_on: date | None = None
    fields: list[str] = []
    summary_en: str = ""
    summary_zh: str = ""
    notes: str = ""
    # Where the relationship is stated: cited for its kind and its date.
    source_title: str = ""
    source_url: str = ""


class PartnershipPatch(Schema):
    kind: str | None = None
    status: str | None = None
    level: str | None = None
    home_district: str | None = None
    established_on: date | None = None
    established_precision: str | None = None
    ended_on: date | None = None
    fields: list[str] | None = None
    summary_en: str | None = None
    summary_zh: str | None = None
    notes: str | None = None


class PlacePatch(Schema):
    kind: str | None = None
    name_en: str | None = None
    name_zh: str | None = None
    # ISO 3166-1 alpha-2; the continent follows it.
    country: str | None = None
    # Both coordinates or neither: set one to null and the other must be null too.
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = None
    time_zone: str | None = None


class ExchangeIn(Schema):
    kind: str
    title_en: str = ""
    title_zh: str = ""
    starts_on: date
    ends_on: date | None = None
    description_en: str = ""
    description_zh: str = ""
    delegation_head: str = ""
    delegation_size: int | None = None
    source_title: str = ""


class CitationIn(Schema):
    fact: str
    value: str
    source_title: str
    url: str = ""
    note_en: str = ""
    note_zh: str = ""


@router.post("/partnerships", response={201: PartnershipOut})
def create_partnership(request: HttpRequest, payload: PartnershipIn):
    """Add a partner: the place is found (any letter case) or created, then the relationship.

    A city's empty location fields are filled from GeoNames (the city of `place.geonames_id`,
    or the one of that exact name in the country) and cited to GeoNames.
    """
    require_perm(request, "cities.add_partnership")
    data = payload.dict()
    partnership = domain.add_partner(
        place=data.pop("place"),
        fields=data.pop("fields"),
        source_title=data.pop("source_title"),
        source_url=data.pop("source_url"),
        relationship=data,
    )
    return Status(201, partnership)


@router.patch("/partnerships/{int:partnership_id}", response=PartnershipOut)
def change_partnership(request: HttpRequest, partnership_id: int, payload: PartnershipPatch):
    partnership = get_or_404(Partnership.objects.select_related("place"), partnership_id)
    require_perm(request, "cities.change_partnership", partnership)
    changes = payload.dict(exclude_unset=True)
    return domain.update_partnership(partnership, **changes)


@router.patch("/places/{int:place_id}", response=PlaceOut)
def change_place(request: HttpRequest, place_id: int, payload: PlacePatch):
    """Correct a partner place: names, kind, country, coordinates, population, time zone."""
    place = get_or_404(Place, place_id)
    require_perm(request, "cities.change_place", place)
    return domain.update_place(place, **payload.dict(exclude_unset=True))


@router.post("/partnerships/{int:partnership_id}/exchanges", response={201: ExchangeOut})
def add_exchange(request: HttpRequest, partnership_id: int, payload: ExchangeIn):
    partnership = get_or_404(Partnership, partnership_id)
    require_perm(request, "cities.add_exchange", partnership)
    exchange: Exchange = domain.record_exchange(partnership, **payload.dict())
    return Status(201, exchange)


@router.post("/partnerships/{int:partnership_id}/citations", response={201: CitationOut})
def cite_fact(request: HttpRequest, partnership_id: int, payload: CitationIn):
    partnership = get_or_404(Partnership, partnership_id)
    require_perm(request, "cities.add_citation", partnership)
    return Status(201, domain.cite_fact(partnership, **payload.dict()))
