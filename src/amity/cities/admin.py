"""The Django admin for the registry: the organisers' back office for every record.

Access follows the same rules as the pages (rules.py): organisers who are staff may edit,
anyone else sees nothing here.
"""

import copy
from dataclasses import dataclass

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.cities.domain import PLACE_FIELDS, continent_for_country, validate_place
from amity.cities.models import (
    Agreement,
    Citation,
    Contact,
    CooperationField,
    Exchange,
    Partnership,
    Place,
    Source,
)


def _is_staff_organiser(request) -> bool:
    return bool(getattr(request.user, "is_organiser", False) and request.user.is_staff)


class OrganiserOnly:
    """The admin is the organisers' back office.

    The public may view the registry on the pages (rules.py), but the admin shows internal
    notes and contacts, so viewing here needs an organiser too; the rules backend does not
    answer the admin's module check by itself.
    """

    def has_module_permission(self, request) -> bool:
        return _is_staff_organiser(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return _is_staff_organiser(request)


@dataclass(frozen=True)
class _DocumentLink:
    """What the file widget links to: the rules-checked download page, not a media URL."""

    name: str
    url: str

    def __str__(self) -> str:
        return self.name


class AgreementDocumentInput(forms.ClearableFileInput):
    # Uploaded agreements are not served from MEDIA_URL (they are organisers-only), so the
    # default "Currently: <link>" would lead nowhere.
    def format_value(self, value):
        if self.is_initial(value) and getattr(value.instance, "pk", None):
            url = reverse("cities:agreement-document", args=[value.instance.pk])
            return _DocumentLink(value.name, url)
        return super().format_value(value)


_DOCUMENT_WIDGET = {models.FileField: {"widget": AgreementDocumentInput}}


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    fields = ("fact", "value", "source", "note")
    autocomplete_fields = ("source",)


class AgreementInline(admin.StackedInline):
    model = Agreement
    extra = 0
    formfield_overrides = _DOCUMENT_WIDGET
    fields = (
        ("kind", "signed_on", "is_demo"),
        "title",
        "signatories",
        "summary",
        "document",
        "source",
    )
    autocomplete_fields = ("source",)


class ExchangeInline(admin.StackedInline):
    model = Exchange
    extra = 0
    fields = (
        ("kind", "starts_on", "ends_on", "is_demo"),
        ("title_en", "title_zh"),
        ("delegation_head", "delegation_size"),
        "description",
        "source",
    )
    autocomplete_fields = ("source",)


class ContactInline(admin.StackedInline):
    model = Contact
    extra = 0
    fields = (
        ("kind", "name", "is_demo"),
        ("position", "organisation"),
        ("email", "phone"),
        "address",
        "languages",
        "protocol_notes",
    )


class PlaceAdminForm(forms.ModelForm):
    """The place as the domain actions see it: a known country, paired coordinates, a real zone.

    The admin saves models directly, so it asks the same checks as update_place; otherwise an
    unknown country would be stored with no continent and drop off the map and the filters.
    """

    class Meta:
        model = Place
        # The continent is derived (read-only in the admin).
        fields = PLACE_FIELDS

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        place = copy.copy(self.instance)
        for name, value in cleaned.items():
            setattr(place, name, value)
        try:
            place.country = (place.country or "").upper()
            place.continent = continent_for_country(place.country)
            validate_place(place)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            cleaned["country"] = place.country
        return cleaned


@admin.register(Place)
class PlaceAdmin(OrganiserOnly, admin.ModelAdmin):
    form = PlaceAdminForm
    list_display = ("name_en", "name_zh", "kind", "country", "continent", "population")
    list_filter = ("kind", "continent")
    search_fields = ("name_en", "name_zh", "country")
    readonly_fields = ("continent",)

    def save_model(self, request, obj: Place, form, change: bool) -> None:
        # The continent is derived from the country, as the domain actions do (the form has
        # checked that the country is known).
        obj.continent = continent_for_country(obj.country)
        super().save_model(request, obj, form, change)


@admin.register(Partnership)
class PartnershipAdmin(OrganiserOnly, admin.ModelAdmin):
    list_display = (
        "place",
        "place_name_zh",
        "country",
        "kind",
        "status",
        "level",
        "established_on",
        "is_demo",
    )
    list_filter = ("kind", "status", "level", "place__continent", "fields", "is_demo")
    search_fields = ("place__name_en", "place__name_zh", "home_district")
    list_select_related = ("place",)
    autocomplete_fields = ("place",)
    filter_horizontal = ("fields",)
    date_hierarchy = "established_on"
    inlines = (CitationInline, AgreementInline, ExchangeInline, ContactInline)
    fieldsets = (
        (None, {"fields": ("place", ("kind", "status"), ("level", "home_district"))}),
        (_("Dates"), {"fields": (("established_on", "established_precision"), "ended_on")}),
        (_("Cooperation"), {"fields": ("fields", "summary_en", "summary_zh")}),
        (_("Internal"), {"fields": ("notes", "is_demo")}),
    )

    @admin.display(description=_("name (Chinese)"), ordering="place__name_zh")
    def place_name_zh(self, obj: Partnership) -> str:
        return obj.place.name_zh

    @admin.display(description=_("country"), ordering="place__country")
    def country(self, obj: Partnership) -> str:
        return obj.place.country


@admin.register(Source)
class SourceAdmin(OrganiserOnly, admin.ModelAdmin):
    list_display = ("title", "publisher", "published_on")
    search_fields = ("title", "publisher")


@admin.register(Agreement)
class AgreementAdmin(OrganiserOnly, admin.ModelAdmin):
    formfield_overrides = _DOCUMENT_WIDGET
    list_display = ("title", "partnership", "kind", "signed_on", "is_demo")
    list_filter = ("kind", "is_demo")
    search_fields = ("title", "partnership__place__name_en", "partnership__place__name_zh")
    list_select_related = ("partnership__place",)
    autocomplete_fields = ("partnership", "source")


@admin.register(Exchange)
class ExchangeAdmin(OrganiserOnly, admin.ModelAdmin):
    list_display = ("title_en", "partnership", "kind", "starts_on", "ends_on", "is_demo")
    list_filter = ("kind", "is_demo")
    search_fields = ("title_en", "title_zh", "partnership__place__name_en")
    list_select_related = ("partnership__place",)
    autocomplete_fields = ("partnership", "source")
    date_hierarchy = "starts_on"


@admin.register(Contact)
class ContactAdmin(OrganiserOnly, admin.ModelAdmin):
    list_display = ("name", "partnership", "kind", "organisation", "languages", "is_demo")
    list_filter = ("kind", "is_demo")
    search_fields = ("name", "organisation", "partnership__place__name_en")
    list_select_related = ("partnership__place",)
    autocomplete_fields = ("partnership",)


@admin.register(CooperationField)
class CooperationFieldAdmin(OrganiserOnly, admin.ModelAdmin):
    """Read-only: the controlled list is seeded by a migration and its codes are in files."""

    list_display = ("code", "name_en", "name_zh")
    search_fields = ("code", "name_en", "name_zh")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
