"""The organisers' XLSX exports of a fair's meetings and outcomes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect

from amity.fair.exports import XLSX_TYPE, meetings_xlsx, outcomes_xlsx
from amity.fair.views.common import error_text, load_fair


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _export(request, fair_id: int, make, name: str) -> HttpResponse:
    fair = load_fair(request, fair_id, "fair.manage_schedule")
    try:
        data = make(fair)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("fair:schedule", fair.pk)
    return xlsx_response(data, f"{name}-{fair.pk}.xlsx")


@login_required
def meetings_export(request, fair_id: int):
    return _export(request, fair_id, meetings_xlsx, "meetings")


@login_required
def outcomes_export(request, fair_id: int):
    return _export(request, fair_id, outcomes_xlsx, "outcomes")
