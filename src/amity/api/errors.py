"""How errors look in the API, the same for every domain's routes.

Every error is JSON with a ``detail`` in the request's language (``Accept-Language``: en or
zh-hans): 401 without (valid) authentication, 403 without the permission, 404 naming the kind
of record and its id (also for an address that matches no route), 409 when a concurrent change
won a race, 422 with ``errors`` per field for bad input (nothing is changed), and a 500 that
says only that the error is logged. ``error_responses(…)`` documents them in the OpenAPI schema.
"""

import logging
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as InputError

M = TypeVar("M", bound=Model)
logger = logging.getLogger("amity.api")


class ErrorOut(Schema):
    """An error: what went wrong, in the request's language."""

    detail: str


class FieldErrorsOut(Schema):
    """Bad input: every bad field (``place.country``, ``limit``, …) with its messages."""

    detail: str
    errors: dict[str, list[str]]


def error_responses(*codes: int) -> dict[int, type[Schema]]:
    """The documented error bodies of an operation, to merge into its ``response``:

    ``@router.post("/x", response={201: XOut, **error_responses(401, 403, 422)})``
    """
    return {code: FieldErrorsOut if code == 422 else ErrorOut for code in codes}


# Ids are 64-bit integers: a larger number in an address names no record (and must not reach
# the database, which cannot hold it).
MAX_ID = 2**63 - 1


def get_or_404(source: type[M] | QuerySet[M], pk: int) -> M:
    """The record with this id, or a 404 that says which kind of record and which id."""
    queryset = source if isinstance(source, QuerySet) else source._default_manager.all()
    try:
        if isinstance(pk, int) and not 0 < pk <= MAX_ID:
            raise queryset.model.DoesNotExist
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, OverflowError):
        # OverflowError: another number of the address (a filter's id, e.g. the event's in
        # /events/{event_id}/delegations/{delegation_id}) too large for the database.
        raise HttpError(
            404,
            _("no %(what)s with id %(id)s") % {"what": queryset.model._meta.verbose_name, "id": pk},
        ) from None


def _field_name(location: tuple | list) -> str:
    """("body", "payload", "place", "name_en") -> "place.name_en"; ("query", "limit") -> "limit"."""
    parts = [str(part) for part in location]
    if parts and parts[0] in {"body", "form", "file"}:
        parts = parts[2:] if len(parts) > 1 else []
    elif parts and parts[0] in {"query", "path", "header", "cookie"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


def _message(error: dict) -> str:
    """A pydantic error in words of the request's language."""
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    simple = {
        "missing": _("is required"),
        "string_type": _("must be text"),
        "int_type": _("must be a whole number"),
        "int_parsing": _("must be a whole number"),
        "int_from_float": _("must be a whole number"),
        "float_type": _("must be a number"),
        "float_parsing": _("must be a number"),
        "finite_number": _("must be a finite number (not NaN or infinity)"),
        "bool_type": _("must be true or false"),
        "bool_parsing": _("must be true or false"),
        "date_type": _("must be a date (YYYY-MM-DD)"),
        "date_parsing": _("must be a date (YYYY-MM-DD)"),
        "date_from_datetime_parsing": _("must be a date (YYYY-MM-DD)"),
        "date_from_datetime_inexact": _("must be a date (YYYY-MM-DD)"),
        "list_type": _("must be a list"),
        "dict_type": _("must be an object"),
        "model_type": _("must be an object"),
        "model_attributes_type": _("must be an object"),
        "extra_forbidden": _("is not a field of this request"),
        "string_unicode": _("must be text"),
    }
    if kind in simple:
        return simple[kind]
    with_limit = {
        "less_than_equal": (_("must be at most %(limit)s"), "le"),
        "less_than": (_("must be less than %(limit)s"), "lt"),
        "greater_than_equal": (_("must be at least %(limit)s"), "ge"),
        "greater_than": (_("must be more than %(limit)s"), "gt"),
        "string_too_long": (_("must be at most %(limit)s characters"), "max_length"),
        "string_too_short": (_("must be at least %(limit)s characters"), "min_length"),
        "too_long": (_("must have at most %(limit)s items"), "max_length"),
        "literal_error": (_("must be one of %(limit)s"), "expected"),
    }
    if kind in with_limit:
        message, key = with_limit[kind]
        return message % {"limit": context.get(key, "")}
    if kind == "value_error" and "error" in context:
        # Our own validators' messages, already in the request's language.
        return str(context["error"])
    return str(error.get("msg", kind))


def field_errors(errors: list[dict]) -> dict[str, list[str]]:
    by_field: dict[str, list[str]] = {}
    for error in errors:
        messages = by_field.setdefault(_field_name(error.get("loc", ())), [])
        message = _message(error)
        if message not in messages:
            messages.append(message)
    return by_field


def _bad_input(request: HttpRequest, errors: dict[str, list[str]]) -> HttpResponse:
    body = {"detail": _("invalid input, nothing changed"), "errors": errors}
    return JsonResponse(body, status=422)


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """An API address that matches no route: JSON, like every other API answer."""
    return JsonResponse(
        {"detail": _("no such API address: %(path)s") % {"path": request.path}}, status=404
    )


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(InputError)
    def input_error(request: HttpRequest, exc: InputError) -> HttpResponse:
        return _bad_input(request, field_errors(exc.errors))

    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        if hasattr(exc, "error_dict"):
            errors = {
                field: [str(m) for m in messages] for field, messages in exc.message_dict.items()
            }
        else:
            errors = {"__all__": [str(message) for message in exc.messages]}
        return _bad_input(request, errors)

    @api.exception_handler(IntegrityError)
    def integrity_error(request: HttpRequest, exc: IntegrityError) -> HttpResponse:
        # A concurrent change won the race for a unique record; nothing of this request stays.
        return api.create_response(
            request, {"detail": _("conflicts with an existing record, nothing changed")}, status=409
        )

    @api.exception_handler(AuthenticationError)
    def not_authenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return api.create_response(request, {"detail": _("authentication required")}, status=401)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 400 and isinstance(exc.__cause__, ValueError):
            # Ninja's "Cannot parse request body": the body is not JSON (or not UTF-8).
            return _bad_input(request, {"body": [_("is not valid JSON")]})
        return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)

    @api.exception_handler(Exception)
    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.error("API error at %s", request.path, exc_info=exc)
        return JsonResponse(
            {"detail": _("something went wrong on our side; the error is logged")}, status=500
        )
