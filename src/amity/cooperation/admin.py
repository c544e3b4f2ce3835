"""The Django admin for cooperation: the organisers' back office for projects and practices.

The admin saves models directly, so every form asks the invariants the domain actions ask
(``domain/invariants.py``) through the registry's ``RulesForm`` before Django's own checks.
"""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from amity.cities.admin_forms import RulesForm
from amity.cooperation.domain.invariants import (
    normalise_transfer,
    validate_indicator,
    validate_milestone,
    validate_partner,
    validate_practice,
    validate_project,
    validate_transfer,
    validate_update,
    validate_value,
)
from amity.cooperation.models import (
    PRACTICE_SECTIONS,
    Indicator,
    IndicatorValue,
    Milestone,
    Practice,
    Project,
    ProjectDocument,
    ProjectOutcome,
    ProjectPartner,
    ProjectUpdate,
    Transfer,
)


class BackOffice:
    """Only organisers, for every action (``cooperation.use_back_office``, rules.py)."""

    # As ``_formfield`` below, for the forms the admin builds from its own ones.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def _allowed(self, request, obj=None) -> bool:
        return request.user.has_perm("cooperation.use_back_office", obj)

    def has_module_permission(self, request) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._allowed(request, obj)


def _formfield(field, **options):
    # A web address typed without its scheme is https, as on the pages (and Django 6's default).
    if isinstance(field, models.URLField):
        options.setdefault("assume_scheme", "https")
    return field.formfield(**options)


def _form(model_class, invariant, prepare=None) -> type[RulesForm]:
    """A ``RulesForm`` for ``model_class`` asking ``invariant`` (after ``prepare``)."""
    attributes = {
        "check": staticmethod(invariant),
        "Meta": type(
            "Meta",
            (),
            {"model": model_class, "fields": "__all__", "formfield_callback": _formfield},
        ),
    }
    if prepare is not None:
        attributes["prepare"] = lambda self, instance: prepare(instance)
    return type(f"{model_class.__name__}AdminForm", (RulesForm,), attributes)


class PartnerInline(BackOffice, admin.TabularInline):
    model = ProjectPartner
    form = _form(ProjectPartner, validate_partner)
    extra = 0
    autocomplete_fields = ("partnership", "organisation")
    # The fair has no admin to search in; an id box keeps thousands of participants off the page.
    raw_id_fields = ("participant",)


class MilestoneInline(BackOffice, admin.TabularInline):
    model = Milestone
    form = _form(Milestone, validate_milestone)
    extra = 0
    fields = ("title_en", "title_zh", "starts_on", "ends_on", "reached_on", "status", "is_demo")


class UpdateInline(BackOffice, admin.StackedInline):
    model = ProjectUpdate
    form = _form(ProjectUpdate, validate_update)
    extra = 0
    fields = (("posted_on", "author", "is_demo"), ("text_en", "text_zh"))
    raw_id_fields = ("author",)


class OutcomeInline(BackOffice, admin.TabularInline):
    # Linked on the project's page (which offers the outcomes); here they are seen or removed.
    model = ProjectOutcome
    extra = 0
    fields = ("outcome", "linked_by", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class DocumentInline(BackOffice, admin.TabularInline):
    # Uploads go through the page, which checks them against the shared upload limits.
    model = ProjectDocument
    extra = 0
    fields = ("title", "content_type", "size", "uploaded_on", "uploaded_by")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Project)
class ProjectAdmin(BackOffice, admin.ModelAdmin):
    form = _form(Project, validate_project)
    list_display = ("title_en", "title_zh", "status", "starts_on", "ends_on", "is_published")
    list_filter = ("status", "is_published", "is_demo", "fields")
    search_fields = ("title_en", "title_zh")
    filter_horizontal = ("fields", "agreements")
    autocomplete_fields = ("source",)
    inlines = (PartnerInline, MilestoneInline, UpdateInline, OutcomeInline, DocumentInline)


class ValueInline(BackOffice, admin.TabularInline):
    model = IndicatorValue
    form = _form(IndicatorValue, validate_value)
    extra = 0
    autocomplete_fields = ("source",)


@admin.register(Indicator)
class IndicatorAdmin(BackOffice, admin.ModelAdmin):
    form = _form(Indicator, validate_indicator)
    list_display = ("name_en", "name_zh", "project", "unit", "baseline", "target")
    list_select_related = ("project",)
    search_fields = ("name_en", "name_zh", "project__title_en")
    autocomplete_fields = ("project",)
    inlines = (ValueInline,)


class TransferInline(BackOffice, admin.StackedInline):
    model = Transfer
    form = _form(Transfer, validate_transfer, prepare=normalise_transfer)
    extra = 0
    fk_name = "practice"
    autocomplete_fields = ("from_place", "to_place", "source")


@admin.register(Practice)
class PracticeAdmin(BackOffice, admin.ModelAdmin):
    form = _form(Practice, validate_practice)
    list_display = ("title_en", "title_zh", "place", "looking_for_partners", "is_published")
    list_filter = ("looking_for_partners", "is_published", "is_demo", "fields")
    list_select_related = ("place",)
    search_fields = ("title_en", "title_zh", "place__name_en", "place__name_zh")
    filter_horizontal = ("fields",)
    autocomplete_fields = ("place", "source")
    inlines = (TransferInline,)
    fieldsets = (
        (None, {"fields": (("title_en", "title_zh"), "place", "fields", "source")}),
        (
            _("Organisation running it"),
            {"fields": (("organisation_en", "organisation_zh"), "organisation_url")},
        ),
        (
            _("The practice"),
            {"fields": tuple((f"{stem}_en", f"{stem}_zh") for stem, _label in PRACTICE_SECTIONS)},
        ),
        (None, {"fields": (("looking_for_partners", "is_published", "is_demo"),)}),
    )
