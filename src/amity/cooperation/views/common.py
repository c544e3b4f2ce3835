"""Pieces every cooperation page uses: the editor page, and the way back after saving."""

from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from amity.cities.views.editing import attach_errors


def render_editor(
    request: HttpRequest, form: Form, *, title: str, back: str, status: int = 200, **extra
) -> HttpResponse:
    context = {
        "form": form,
        "title": title,
        "back": back,
        "action": request.path,
        "multipart": any(field.widget.needs_multipart_form for field in form.fields.values()),
        **extra,
    }
    if request.htmx:
        # htmx swaps only 2xx answers: a form with errors comes back as 200.
        return render(request, "cooperation/partials/editor_form.html", context)
    return render(request, "cooperation/editor.html", context, status=status)


def go_to(request: HttpRequest, page: str) -> HttpResponse:
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = page
        return response
    return redirect(page)


def run_action(form: Form, action) -> object | None:
    """``action(cleaned_data)`` when the form is valid; its refusals land on the form."""
    if not form.is_valid():
        return None
    try:
        return action(dict(form.cleaned_data))
    except ValidationError as error:
        attach_errors(error, form)
        return None
