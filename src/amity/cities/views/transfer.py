"""Moving partnerships in and out: the organisers' import page and the export downloads."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.views import View
from django.views.generic import TemplateView

from amity.cities.domain.queries import listed_partnerships
from amity.cities.exporting import CONTENT_TYPES, export_partnerships
from amity.cities.forms import ImportForm, PartnerFilterForm
from amity.cities.importing import ImportRejected, import_partnerships
from amity.cities.importing.columns import ALL_COLUMNS, COLUMN_HELP, REQUIRED_COLUMNS
from amity.cities.models import (
    CooperationField,
    PartnershipLevel,
    PartnershipStatus,
    PlaceKind,
    RelationshipKind,
)


class ImportView(PermissionRequiredMixin, View):
    permission_required = "cities.import_partnerships"
    template_name = "cities/import.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, self.template_name, {"form": ImportForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ImportForm(request.POST, request.FILES)
        context: dict[str, object] = {"form": form}
        status = 200
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                context["summary"] = import_partnerships(upload.read(), upload.name)
                context["form"] = ImportForm()
            except ImportRejected as rejection:
                # All or nothing: the importer has rolled back; list every bad row.
                context["errors"] = rejection.errors
                context["filename"] = upload.name
                status = 422
        else:
            status = 422
        return render(request, self.template_name, context, status=status)


# Real rows of the seed registry: a conflicting date, a year-only date, fields with a source.
EXAMPLE_CSV = """\
partner,country_iso2,partner_kind,relationship,established_on,source,name_zh,fields
Hamburg,DE,city,friendship_city,1986-05-29,"Shanghai FAO list of friendship cities \
(2012 edition); the 2007 Shanghai Statistical Yearbook gives 1985-06-29",汉堡,
Johannesburg,ZA,city,friendly_exchange,2009,"China Daily 2023 forum report: friendly \
exchange relations since 2009",约翰内斯堡,
Los Angeles,US,city,partner,,"China Daily 2023 forum report: green shipping corridor \
between the ports of Shanghai and Los Angeles; type and date not found",洛杉矶,\
transport;environment
"""


def _bilingual(choices: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(code, English label, Chinese label): the file takes the code, people know the labels."""
    rows = []
    for code, label in choices:
        with translation.override("en"):
            english = str(label)
        with translation.override("zh-hans"):
            chinese = str(label)
        rows.append((code, english, chinese))
    return rows


class ImportFormatView(TemplateView):
    """The import file format, for anyone preparing a file (docs/import-format.md in full)."""

    template_name = "cities/import_format.html"

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        context["columns"] = [
            (name, name in REQUIRED_COLUMNS, COLUMN_HELP[name]) for name in ALL_COLUMNS
        ]
        context["value_lists"] = [
            ("partner_kind", _bilingual(PlaceKind.choices)),
            ("relationship", _bilingual(RelationshipKind.choices)),
            ("status", _bilingual(PartnershipStatus.choices)),
            ("level", _bilingual(PartnershipLevel.choices)),
        ]
        context["fields"] = [
            (field.code, field.name_en, field.name_zh) for field in CooperationField.objects.all()
        ]
        context["example"] = EXAMPLE_CSV
        return context


class ExportView(PermissionRequiredMixin, View):
    """The partner list as a file, with the same filters and order as the page it came from."""

    permission_required = "cities.export_partnerships"

    def get(self, request: HttpRequest, fmt: str) -> HttpResponse:
        if fmt not in CONTENT_TYPES:
            raise Http404
        partnerships = listed_partnerships(PartnerFilterForm(request.GET).filters())
        response = HttpResponse(
            export_partnerships(partnerships, fmt), content_type=CONTENT_TYPES[fmt]
        )
        filename = f"partnerships-{timezone.localdate():%Y-%m-%d}.{fmt}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
