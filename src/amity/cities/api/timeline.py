"""What a partnership gathers: cited facts, agreements, exchanges and contacts."""

from django.http import HttpRequest
from ninja import Router
from ninja.responses import Status

from amity.api import error_responses, get_or_404, require_perm
from amity.cities import domain
from amity.cities.api.schemas import (
    AgreementIn,
    AgreementOut,
    CitationIn,
    CitationOut,
    ContactIn,
    ContactOut,
    ExchangeIn,
    ExchangeOut,
)
from amity.cities.models import Partnership

router = Router(tags=["registry"])
WRITE_ERRORS = error_responses(401, 403, 404, 409, 422)


@router.post(
    "/partnerships/{int:partnership_id}/exchanges", response={201: ExchangeOut, **WRITE_ERRORS}
)
def add_exchange(request: HttpRequest, partnership_id: int, payload: ExchangeIn):
    """Put a visit, an event or an anniversary on the partnership's timeline."""
    partnership = get_or_404(Partnership, partnership_id)
    require_perm(request, "cities.add_exchange", partnership)
    return Status(201, domain.record_exchange(partnership, **payload.dict()))


@router.post(
    "/partnerships/{int:partnership_id}/agreements", response={201: AgreementOut, **WRITE_ERRORS}
)
def add_agreement(request: HttpRequest, partnership_id: int, payload: AgreementIn):
    """Record an agreement (its file is uploaded on the partner's page)."""
    partnership = get_or_404(Partnership, partnership_id)
    require_perm(request, "cities.add_agreement", partnership)
    return Status(201, domain.add_agreement(partnership, **payload.dict()))


@router.post(
    "/partnerships/{int:partnership_id}/contacts", response={201: ContactOut, **WRITE_ERRORS}
)
def add_contact(request: HttpRequest, partnership_id: int, payload: ContactIn):
    """Add a person or office (organisers only, like everything about contacts)."""
    partnership = get_or_404(Partnership, partnership_id)
    require_perm(request, "cities.add_contact", partnership)
    return Status(201, domain.add_contact(partnership, **payload.dict()))


@router.post(
    "/partnerships/{int:partnership_id}/citations", response={201: CitationOut, **WRITE_ERRORS}
)
def cite_fact(request: HttpRequest, partnership_id: int, payload: CitationIn):
    """Record that a source states a fact; a conflicting statement is kept beside the others.

    The value must fit the fact: a date (1994, 1994-10 or 1994-10-21) for `established_on`,
    a kind of relationship for `kind`, a status for `status`, field codes separated by `;` for
    `fields`, "latitude, longitude" for `location`, anything for `general`.
    """
    partnership = get_or_404(Partnership, partnership_id)
    require_perm(request, "cities.add_citation", partnership)
    return Status(201, domain.cite_fact(partnership, **payload.dict()))
