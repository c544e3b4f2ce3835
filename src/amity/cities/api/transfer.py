"""Importing a registry file and exporting the partner list."""

from typing import Literal

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import File, Query, Router
from ninja.files import UploadedFile
from ninja.responses import Status

from amity.api import error_responses, require_perm
from amity.cities.api.schemas import (
    ImportErrorsOut,
    ImportSummaryOut,
    PartnerFiltersIn,
    RowErrorOut,
)
from amity.cities.domain.queries import filter_partnerships
from amity.cities.exporting import CONTENT_TYPES, export_partnerships
from amity.cities.importing import ImportRejected, import_partnerships

router = Router(tags=["registry"])


@router.post(
    "/partnerships/import",
    response={200: ImportSummaryOut, 422: ImportErrorsOut, **error_responses(401, 403, 409)},
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
        return Status(
            422,
            ImportErrorsOut(detail=_("nothing was imported"), errors=errors, total=len(errors)),
        )
    return Status(
        200,
        ImportSummaryOut(
            created=summary.created,
            updated=summary.updated,
            unchanged=summary.unchanged,
            warnings=summary.warnings,
        ),
    )


@router.get("/partnerships.{fmt}", response={200: None, **error_responses(401, 422)})
def export_partnerships_file(
    request: HttpRequest, fmt: Literal["csv", "xlsx"], filters: Query[PartnerFiltersIn]
):
    """The filtered partner list as a file in the import's columns (no notes, no contacts)."""
    require_perm(request, "cities.export_partnerships")
    content = export_partnerships(filter_partnerships(filters.filters()), fmt)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="partnerships.{fmt}"'
    return response
