"""How domain errors look in the API: 422 naming each bad field, 409 for a lost race."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI


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
            request, {"detail": "invalid input, nothing changed", "errors": errors}, status=422
        )

    @api.exception_handler(IntegrityError)
    def integrity_error(request: HttpRequest, exc: IntegrityError) -> HttpResponse:
        # A concurrent change won the race for a unique record; nothing of this request stays.
        return api.create_response(
            request, {"detail": "conflicts with an existing record, nothing changed"}, status=409
        )
