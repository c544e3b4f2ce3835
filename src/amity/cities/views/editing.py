"""Adding and editing a partner (organisers), with the offline world-city look-up."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from amity.cities.domain import (
    PARTNERSHIP_CHANGES,
    PLACE_CHANGES,
    find_or_create_place,
    record_partnership,
    update_partnership,
    update_place,
)
from amity.cities.forms import CitySearchForm, PlaceForm, RelationshipForm
from amity.cities.models import Partnership, Place
from amity.cities.world_cities import find_world_city, search_world_cities, world_city_by_id

# The editor's forms show what the domain actions may change, less what they handle apart
# (the demo flag is never edited by hand; the place's kind and GeoNames id have their own fields).
RELATIONSHIP_ATTRIBUTES = PARTNERSHIP_CHANGES - {"is_demo"}
PLACE_ATTRIBUTES = PLACE_CHANGES - {"kind", "geonames_id"}


def attach_errors(error: ValidationError, *forms: Form) -> None:
    """Show a domain action's errors next to the form fields they name, the rest on top."""
    messages = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for field, field_messages in messages.items():
        target = next((form for form in forms if field in form.fields), None)
        for message in field_messages:
            if target is None:
                forms[0].add_error(None, message)
            else:
                target.add_error(field, message)


def place_errors(error: ValidationError) -> ValidationError:
    """A place action's errors keyed by the place form's names (its kind is `place_kind`)."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {
            ("place_kind" if field == "kind" else field): messages
            for field, messages in error.message_dict.items()
        }
    )


def place_initial(place: Place) -> dict[str, object]:
    initial = {name: getattr(place, name) for name in PLACE_ATTRIBUTES}
    initial["place_kind"] = place.kind
    initial["geonames_id"] = place.geonames_id
    return initial


def place_changes(form: PlaceForm) -> dict[str, object]:
    """What the place editor asks to store; a GeoNames id only if it is that country's city."""
    data = {name: form.cleaned_data[name] for name in PLACE_ATTRIBUTES}
    data["kind"] = form.cleaned_data["place_kind"]
    city = world_city_by_id(form.cleaned_data["geonames_id"] or 0)
    data["geonames_id"] = city.geonames_id if city and city.country == data["country"] else None
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
        context = {"place_form": PlaceForm(prefix="place"), "form": RelationshipForm()}
        return render(request, self.template_name, context)

    def post(self, request: HttpRequest) -> HttpResponse:
        place_form = PlaceForm(request.POST, prefix="place")
        form = RelationshipForm(request.POST)
        if place_form.is_valid() and form.is_valid():
            place_data = dict(place_form.cleaned_data)
            geonames_id = place_data.pop("geonames_id")
            world_city = find_world_city(place_data["name_en"], place_data["country"])
            if world_city is not None and world_city.geonames_id != geonames_id:
                # Only the city the organiser picked may fill in what they left empty.
                world_city = None
            try:
                with transaction.atomic():
                    place = find_or_create_place(
                        kind=place_data.pop("place_kind"), world_city=world_city, **place_data
                    )
                    partnership = record_partnership(
                        place=place,
                        fields=form.cleaned_data["fields"],
                        **relationship_changes(form),
                    )
            except ValidationError as error:
                attach_errors(error, form, place_form)
            else:
                return redirect("cities:partner-detail", partnership.pk)
        context = {"place_form": place_form, "form": form}
        return render(request, self.template_name, context, status=422)


class PartnerUpdateView(PermissionRequiredMixin, View):
    """The relationship and, next to it, the place: organisers correct names, coordinates …"""

    permission_required = "cities.change_partnership"
    template_name = "cities/partner_form.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        partnership = get_object_or_404(Partnership.objects.select_related("place"), pk=pk)
        initial = {name: getattr(partnership, name) for name in RELATIONSHIP_ATTRIBUTES}
        initial["fields"] = [field.code for field in partnership.fields.all()]
        context = {
            "partnership": partnership,
            "place_form": PlaceForm(prefix="place", initial=place_initial(partnership.place)),
            "form": RelationshipForm(initial=initial),
        }
        return render(request, self.template_name, context)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        partnership = get_object_or_404(Partnership.objects.select_related("place"), pk=pk)
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
                        raise place_errors(error) from error
                    update_partnership(
                        partnership,
                        fields=form.cleaned_data["fields"],
                        **relationship_changes(form),
                    )
            except ValidationError as error:
                attach_errors(error, place_form, form)
            else:
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
