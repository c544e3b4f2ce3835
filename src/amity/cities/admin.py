"""The Django admin for the registry: the organisers' back office for every record.

Access follows the same rules as the pages (rules.py), asked with the object; the admin site
itself also wants staff. Every form asks the registry's invariants
(amity.cities.domain.invariants) before the admin saves a model, as the domain actions do.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import admin
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.forms.models import construct_instance
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.cities.domain import PLACE_FIELDS
from amity.cities.domain.invariants import (
    continent_for_country,
    normalise_dates,
    validate_agreement,
    validate_citation,
    validate_contact,
    validate_exchange,
    validate_partnership,
    validate_place,
    validate_source,
)
from amity.cities.domain.names import refresh_search_names
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


class OrganiserOnly:
    """The admin is the organisers' back office.

    The public may view the registry on the pages, but the admin shows internal notes and
    contacts, so viewing here asks its own rule (``cities.use_back_office``), with the object.
    """

    def has_module_permission(self, request) -> bool:
        return request.user.has_perm("cities.use_back_office")

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("cities.use_back_office", obj)


class RulesForm(forms.ModelForm):
    """A model form that asks one of the registry's invariants before the admin saves."""

    check: Callable[[models.Model], None] | None = None

    def _post_clean(self) -> None:
        # Before Django's own model checks: the rules name the field, where a broken database
        # constraint would only say "constraint … is violated".
        if not self.errors and type(self).check is not None:
            instance = construct_instance(
                self, self.instance, self._meta.fields, self._meta.exclude
            )
            try:
                self.prepare(instance)
                # What prepare derived is what the form saves.
                for name in self.cleaned_data:
                    if name in self._model_field_names():
                        self.cleaned_data[name] = getattr(instance, name)
                type(self).check(instance)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    self.add_error(field if field in self.fields else None, messages)
                return
        super()._post_clean()

    def prepare(self, instance: models.Model) -> None:
        """Derive what the domain actions derive before their checks."""

    def _model_field_names(self) -> set[str]:
        return {field.name for field in self._meta.model._meta.concrete_fields}


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


def _partnership_of(instance: models.Model) -> Partnership | None:
    try:
        return instance.partnership
    except ObjectDoesNotExist:
        return None


def _check_citation(citation: Citation) -> None:
    validate_citation(citation, CooperationField.objects.values_list("code", flat=True))


def _check_agreement(agreement: Agreement) -> None:
    validate_agreement(agreement, _partnership_of(agreement))


class CitationForm(RulesForm):
    check = staticmethod(_check_citation)

    class Meta:
        model = Citation
        fields = ("partnership", "fact", "value", "source", "note_en", "note_zh")


class AgreementForm(RulesForm):
    check = staticmethod(_check_agreement)

    class Meta:
        model = Agreement
        fields = (
            "partnership",
            "kind",
            "title_en",
            "title_zh",
            "signed_on",
            "signatories",
            "summary_en",
            "summary_zh",
            "document",
            "source",
            "is_demo",
        )


class ExchangeForm(RulesForm):
    check = staticmethod(validate_exchange)

    class Meta:
        model = Exchange
        fields = (
            "partnership",
            "kind",
            "title_en",
            "title_zh",
            "starts_on",
            "ends_on",
            "description_en",
            "description_zh",
            "delegation_head",
            "delegation_size",
            "source",
            "is_demo",
        )


class ContactForm(RulesForm):
    check = staticmethod(validate_contact)

    class Meta:
        model = Contact
        fields = (
            "partnership",
            "kind",
            "name",
            "position_en",
            "position_zh",
            "organisation",
            "email",
            "phone",
            "address",
            "languages",
            "protocol_notes_en",
            "protocol_notes_zh",
            "is_demo",
        )


class SourceForm(RulesForm):
    check = staticmethod(validate_source)
    url = forms.URLField(label=_("address"), required=False, assume_scheme="https")

    class Meta:
        model = Source
        fields = ("title_en", "title_zh", "url", "publisher", "published_on")


class PartnershipForm(RulesForm):
    check = staticmethod(validate_partnership)

    class Meta:
        model = Partnership
        fields = (
            "place",
            "kind",
            "status",
            "level",
            "home_district",
            "established_on",
            "established_precision",
            "ended_on",
            "fields",
            "summary_en",
            "summary_zh",
            "notes",
            "is_demo",
        )

    def prepare(self, instance: Partnership) -> None:
        normalise_dates(instance)


class CitationInline(admin.TabularInline):
    form = CitationForm
    model = Citation
    extra = 0
    fields = ("fact", "value", "source", "note_en", "note_zh")
    autocomplete_fields = ("source",)


class AgreementInline(admin.StackedInline):
    form = AgreementForm
    model = Agreement
    extra = 0
    formfield_overrides = _DOCUMENT_WIDGET
    fields = (
        ("kind", "signed_on", "is_demo"),
        ("title_en", "title_zh"),
        "signatories",
        ("summary_en", "summary_zh"),
        "document",
        "source",
    )
    autocomplete_fields = ("source",)


class ExchangeInline(admin.StackedInline):
    form = ExchangeForm
    model = Exchange
    extra = 0
    fields = (
        ("kind", "starts_on", "ends_on", "is_demo"),
        ("title_en", "title_zh"),
        ("delegation_head", "delegation_size"),
        ("description_en", "description_zh"),
        "source",
    )
    autocomplete_fields = ("source",)


class ContactInline(admin.StackedInline):
    form = ContactForm
    model = Contact
    extra = 0
    fields = (
        ("kind", "name", "is_demo"),
        ("position_en", "position_zh"),
        "organisation",
        ("email", "phone"),
        "address",
        "languages",
        ("protocol_notes_en", "protocol_notes_zh"),
    )


class PlaceAdminForm(RulesForm):
    """The place as the domain actions see it: a known country, paired coordinates, a real zone.

    Otherwise an unknown country would be stored with no continent and drop off the map and
    the filters.
    """

    check = staticmethod(validate_place)

    class Meta:
        model = Place
        # The continent is derived (read-only in the admin).
        fields = PLACE_FIELDS

    def prepare(self, instance: Place) -> None:
        instance.country = (instance.country or "").upper()


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
        refresh_search_names(obj)


@admin.register(Partnership)
class PartnershipAdmin(OrganiserOnly, admin.ModelAdmin):
    form = PartnershipForm
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
    form = SourceForm
    list_display = ("title_en", "title_zh", "publisher", "published_on")
    search_fields = ("title_en", "title_zh", "publisher")


@admin.register(Agreement)
class AgreementAdmin(OrganiserOnly, admin.ModelAdmin):
    form = AgreementForm
    formfield_overrides = _DOCUMENT_WIDGET
    list_display = ("title_en", "title_zh", "partnership", "kind", "signed_on", "is_demo")
    list_filter = ("kind", "is_demo")
    search_fields = (
        "title_en",
        "title_zh",
        "partnership__place__name_en",
        "partnership__place__name_zh",
    )
    list_select_related = ("partnership__place",)
    autocomplete_fields = ("partnership", "source")


@admin.register(Exchange)
class ExchangeAdmin(OrganiserOnly, admin.ModelAdmin):
    form = ExchangeForm
    list_display = ("title_en", "partnership", "kind", "starts_on", "ends_on", "is_demo")
    list_filter = ("kind", "is_demo")
    search_fields = ("title_en", "title_zh", "partnership__place__name_en")
    list_select_related = ("partnership__place",)
    autocomplete_fields = ("partnership", "source")
    date_hierarchy = "starts_on"


@admin.register(Contact)
class ContactAdmin(OrganiserOnly, admin.ModelAdmin):
    form = ContactForm
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
