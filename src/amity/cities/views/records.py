"""Organisers add to a partner on its page: a visit or event, an agreement, a contact, a source
of a fact, another name of its place.

Each form opens in place (htmx loads it into the page; without JavaScript the link opens it as
a page of its own), is checked by the domain action it calls, and on success returns to the
partner's page with a confirmation.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from amity.accounts.permissions import ObjectPermissionRequiredMixin
from amity.cities import domain
from amity.cities.domain.names import add_alternate_name, remove_alternate_name
from amity.cities.domain.timeline import recorded_value
from amity.cities.models import Partnership, PlaceName
from amity.cities.record_forms import (
    AgreementForm,
    AlternateNameForm,
    CitationForm,
    ContactForm,
    ExchangeForm,
)
from amity.cities.templatetags.registry import local_name
from amity.cities.views.editing import attach_errors


def _add_exchange(partnership: Partnership, data: dict) -> None:
    domain.record_exchange(partnership, **data)


def _add_agreement(partnership: Partnership, data: dict) -> None:
    domain.add_agreement(partnership, **data)


def _add_contact(partnership: Partnership, data: dict) -> None:
    domain.add_contact(partnership, **{**data, "languages": data["languages"] or ""})


def _cite(partnership: Partnership, data: dict) -> None:
    value = data["value"] or recorded_value(partnership, data["fact"])
    domain.cite_fact(
        partnership,
        data["fact"],
        value,
        data["source_title"],
        note_en=data["note_en"],
        note_zh=data["note_zh"],
        url=data["source_url"],
    )


@dataclass(frozen=True)
class Record:
    """One kind of thing an organiser adds to a partner, and how."""

    form: type[Form]
    permission: str
    add: Callable[[Partnership, dict], None]
    title: str
    saved: str
    # The section of the partner's page the form opens in and returns to.
    anchor: str


RECORDS = {
    "exchange": Record(
        ExchangeForm,
        "cities.add_exchange",
        _add_exchange,
        gettext_lazy("Add a visit or event"),
        gettext_lazy("The visit or event is on the timeline."),
        "timeline-heading",
    ),
    "agreement": Record(
        AgreementForm,
        "cities.add_agreement",
        _add_agreement,
        gettext_lazy("Add an agreement"),
        gettext_lazy("The agreement is on the timeline."),
        "timeline-heading",
    ),
    "contact": Record(
        ContactForm,
        "cities.add_contact",
        _add_contact,
        gettext_lazy("Add a contact"),
        gettext_lazy("The contact is saved."),
        "contacts-heading",
    ),
    "citation": Record(
        CitationForm,
        "cities.add_citation",
        _cite,
        gettext_lazy("Add a source"),
        gettext_lazy("The source is recorded."),
        "facts-heading",
    ),
}


def back_to_partner(request: HttpRequest, partnership: Partnership, anchor: str) -> HttpResponse:
    page = reverse("cities:partner-detail", args=[partnership.pk])
    if request.htmx:
        # A full page load shows the new record and the confirmation in their places. (To the
        # page itself: a browser does not reload for a change of the #fragment alone.)
        response = HttpResponse(status=204)
        response["HX-Redirect"] = page
        return response
    return redirect(f"{page}#{anchor}")


class RecordAddView(ObjectPermissionRequiredMixin, View):
    """GET: the form (a fragment for htmx, else a page); POST: add, or the form with errors."""

    record: str = ""

    @property
    def spec(self) -> Record:
        return RECORDS[self.record]

    def get_permission_required(self):
        return (self.spec.permission,)

    def get_permission_object(self) -> Partnership:
        self.object = get_object_or_404(
            Partnership.objects.select_related("place"), pk=self.kwargs["pk"]
        )
        return self.object

    def render_form(self, form: Form, status: int = 200) -> HttpResponse:
        context = {
            "form": form,
            "partnership": self.object,
            "title": self.spec.title,
            "action": self.request.path,
            "anchor": self.spec.anchor,
            "multipart": any(field.widget.needs_multipart_form for field in form.fields.values()),
        }
        if self.request.htmx:
            # htmx swaps only 2xx answers: a form with errors comes back as 200.
            return render(self.request, "cities/partials/record_form.html", context)
        return render(self.request, "cities/record_form.html", context, status=status)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        initial = {"fact": request.GET["fact"]} if "fact" in request.GET else None
        return self.render_form(self.spec.form(initial=initial))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = self.spec.form(request.POST, request.FILES)
        if form.is_valid():
            try:
                self.spec.add(self.object, form.cleaned_data)
            except ValidationError as error:
                attach_errors(error, form)
            else:
                messages.success(request, str(self.spec.saved))
                return back_to_partner(request, self.object, self.spec.anchor)
        return self.render_form(form, status=422)


class AlternateNameView(ObjectPermissionRequiredMixin, View):
    """The place's other names, on its edit page: add one, or remove one (POST)."""

    permission_required = ("cities.change_place",)

    def get_permission_object(self):
        self.object = get_object_or_404(
            Partnership.objects.select_related("place"), pk=self.kwargs["pk"]
        )
        return self.object.place

    def post(self, request: HttpRequest, pk: int, name_id: int | None = None) -> HttpResponse:
        place = self.object.place
        edit_page = reverse("cities:partner-update", args=[pk]) + "#names-heading"
        if name_id is not None:
            entry = get_object_or_404(PlaceName, pk=name_id, place=place)
            remove_alternate_name(entry)
            messages.success(request, _("“%(name)s” is removed.") % {"name": entry.name})
            return redirect(edit_page)
        form = AlternateNameForm(request.POST)
        if form.is_valid():
            try:
                add_alternate_name(place, form.cleaned_data["name"])
            except ValidationError as error:
                attach_errors(error, form)
            else:
                messages.success(
                    request,
                    _("%(place)s can now be found as “%(name)s”.")
                    % {"place": local_name(place), "name": form.cleaned_data["name"]},
                )
                return redirect(edit_page)
        for message in form.errors.get("name", []):
            messages.error(request, message)
        return redirect(edit_page)
