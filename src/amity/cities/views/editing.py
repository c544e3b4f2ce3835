"""Adding and editing a partner (organisers), with the offline world-city look-up."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from amity.accounts.permissions import ObjectPermissionRequiredMixin
from amity.cities.domain import (
    PARTNERSHIP_CHANGES,
    PLACE_CHANGES,
    add_partner,
    update_partnership,
    update_place,
)
from amity.cities.forms import CitySearchForm, PartnerSourceForm, PlaceForm, RelationshipForm
from amity.cities.models import Partnership, Place
from amity.cities.templatetags.registry import local_name
from amity.cities.world_cities import search_world_cities, world_city_by_id

# The editor's forms show what the domain actions may change, less what they handle apart
# (the demo flag is never edited by hand; the place's kind and GeoNames id have their own fields).
RELATIONSHIP_ATTRIBUTES = PARTNERSHIP_CHANGES - {"is_demo"}
PLACE_ATTRIBUTES = PLACE_CHANGES - {"kind", "geonames_id"}
# A source's errors from the actions, by the name of the source form's field.
SOURCE_ERROR_NAMES = {"source_title": "title", "source_url": "url"}


def _place_prefixed(error: ValidationError) -> ValidationError:
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError({f"place.{field}": m for field, m in error.message_dict.items()})


def attach_errors(error: ValidationError, *forms: Form) -> None:
    """Show a domain action's errors next to the form fields they name, the rest on top."""
    by_field = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for field, field_messages in by_field.items():
        target = next((form for form in forms if field in form.fields), None)
        for message in field_messages:
            if target is None:
                forms[0].add_error(None, message)
            else:
                target.add_error(field, message)


def partner_errors(error: ValidationError) -> ValidationError:
    """An action's errors keyed by the editor's form fields.

    ``add_partner`` names the place's fields ``place.<field>``; the place form calls the place's
    kind ``place_kind``; a source's ``source_title`` is the source form's ``title``.
    """
    if not hasattr(error, "error_dict"):
        return error
    renamed = {}
    for field, field_messages in error.message_dict.items():
        name = field.removeprefix("place.")
        if name == "kind" and field.startswith("place."):
            name = "place_kind"
        renamed[SOURCE_ERROR_NAMES.get(name, name)] = field_messages
    return ValidationError(renamed)


def place_initial(place: Place) -> dict[str, object]:
    initial = {name: getattr(place, name) for name in PLACE_ATTRIBUTES}
    initial["place_kind"] = place.kind
    initial["geonames_id"] = place.geonames_id
    return initial


def place_changes(form: PlaceForm, *, check_geonames: bool = True) -> dict[str, object]:
    """What the place editor asks to store.

    For a correction, a GeoNames id is kept only if it is a city of that country; a new
    partner's id goes to ``add_partner``, whose rule decides the same.
    """
    data = {name: form.cleaned_data[name] for name in PLACE_ATTRIBUTES}
    data["kind"] = form.cleaned_data["place_kind"]
    geonames_id = form.cleaned_data["geonames_id"]
    if check_geonames:
        city = world_city_by_id(geonames_id or 0)
        geonames_id = city.geonames_id if city and city.country == data["country"] else None
    data["geonames_id"] = geonames_id
    return data


def relationship_changes(form: RelationshipForm) -> dict[str, object]:
    data = {name: form.cleaned_data[name] for name in RELATIONSHIP_ATTRIBUTES}
    if data["established_on"] is None:
        data["established_precision"] = ""
    return data


class PartnerCreateView(PermissionRequiredMixin, View):
    permission_required = "cities.add_partnership"
    template_name = "cities/partner_form.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        context = {
            "place_form": PlaceForm(prefix="place"),
            "form": RelationshipForm(),
            "source_form": PartnerSourceForm(prefix="source"),
        }
        return render(request, self.template_name, context)

    def post(self, request: HttpRequest) -> HttpResponse:
        place_form = PlaceForm(request.POST, prefix="place")
        form = RelationshipForm(request.POST)
        source_form = PartnerSourceForm(request.POST, prefix="source")
        if place_form.is_valid() and form.is_valid() and source_form.is_valid():
            try:
                partnership = add_partner(
                    place=place_changes(place_form, check_geonames=False),
                    relationship=relationship_changes(form),
                    fields=form.cleaned_data["fields"],
                    source_title=source_form.cleaned_data["title"],
                    source_url=source_form.cleaned_data["url"],
                )
            except ValidationError as error:
                attach_errors(partner_errors(error), form, place_form, source_form)
            else:
                messages.success(
                    request,
                    _("%(partner)s is now in the registry.")
                    % {"partner": local_name(partnership.place)},
                )
                return redirect("cities:partner-detail", partnership.pk)
        context = {"place_form": place_form, "form": form, "source_form": source_form}
        return render(request, self.template_name, context, status=422)


class PartnerUpdateView(ObjectPermissionRequiredMixin, View):
    """The relationship and, next to it, the place: organisers correct names, coordinates …"""

    permission_required = ("cities.change_partnership",)
    template_name = "cities/partner_form.html"

    def get_permission_object(self) -> Partnership:
        self.object = get_object_or_404(
            Partnership.objects.select_related("place"), pk=self.kwargs["pk"]
        )
        return self.object

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        partnership = self.object
        initial = {name: getattr(partnership, name) for name in RELATIONSHIP_ATTRIBUTES}
        initial["fields"] = [field.code for field in partnership.fields.all()]
        context = {
            "partnership": partnership,
            "place_form": PlaceForm(prefix="place", initial=place_initial(partnership.place)),
            "form": RelationshipForm(initial=initial),
        }
        return render(request, self.template_name, context)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        partnership = self.object
        if not request.user.has_perm("cities.change_place", partnership.place):
            raise PermissionDenied
        place_form = PlaceForm(request.POST, prefix="place")
        form = RelationshipForm(request.POST)
        if place_form.is_valid() and form.is_valid():
            try:
                with transaction.atomic():
                    try:
                        update_place(partnership.place, **place_changes(place_form))
                    except ValidationError as error:
                        raise _place_prefixed(error) from error
                    update_partnership(
                        partnership,
                        fields=form.cleaned_data["fields"],
                        **relationship_changes(form),
                    )
            except ValidationError as error:
                attach_errors(partner_errors(error), place_form, form)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect("cities:partner-detail", partnership.pk)
            # The refused changes were rolled back in the database; show the saved names.
            partnership.refresh_from_db()
            partnership.place.refresh_from_db()
        context = {"partnership": partnership, "place_form": place_form, "form": form}
        return render(request, self.template_name, context, status=422)


class CitySearchView(PermissionRequiredMixin, View):
    """htmx fragment: world cities whose name starts with what the organiser typed."""

    permission_required = "cities.add_partnership"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = CitySearchForm(request.GET)
        cities = []
        if form.is_valid() and len(form.cleaned_data["q"].strip()) >= 2:
            cities = search_world_cities(
                form.cleaned_data["q"], country=form.cleaned_data["country"] or None, limit=8
            )
        return render(request, "cities/partials/world_city_results.html", {"cities": cities})
