"""How errors look in the API: 422 naming each bad field, 409 for a lost race, 404 naming the id.

Messages follow the request's language (``Accept-Language``: en or zh-hans), like the pages.
"""

from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError

M = TypeVar("M", bound=Model)


def get_or_404(source: type[M] | QuerySet[M], pk: int) -> M:
    """The record with this id, or a 404 that says which kind of record and which id."""
    queryset = source if isinstance(source, QuerySet) else source._default_manager.all()
    try:
        return queryset.get(pk=pk)
    except queryset.model.DoesNotExist:
        raise HttpError(
            404,
            _("no %(what)s with id %(id)s") % {"what": queryset.model._meta.verbose_name, "id": pk},
        ) from None


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        if hasattr(exc, "error_dict"):
            errors = {
                field: [str(m) for m in messages] for field, messages in exc.message_dict.items()
            }
        else:
            errors = {"__all__": [str(message) for message in exc.messages]}
        return api.create_response(
            request, {"detail": _("invalid input, nothing changed"), "errors": errors}, status=422
        )

    @api.exception_handler(IntegrityError)
    def integrity_error(request: HttpRequest, exc: IntegrityError) -> HttpResponse:
        # A concurrent change won the race for a unique record; nothing of this request stays.
        return api.create_response(
            request, {"detail": _("conflicts with an existing record, nothing changed")}, status=409
        )
