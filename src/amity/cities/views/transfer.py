"""Moving partnerships in and out: the organisers' import page and the export downloads."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from amity.cities.exporting import export_partnerships
from amity.cities.forms import ImportForm, PartnerFilterForm
from amity.cities.importing import ImportRejected, import_partnerships
from amity.cities.views.partner_list import listed_partnerships

EXPORT_CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


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


class ExportView(PermissionRequiredMixin, View):
    """The partner list as a file, with the same filters and order as the page it came from."""

    permission_required = "cities.export_partnerships"

    def get(self, request: HttpRequest, fmt: str) -> HttpResponse:
        if fmt not in EXPORT_CONTENT_TYPES:
            raise Http404
        partnerships = listed_partnerships(PartnerFilterForm(request.GET).filters())
        response = HttpResponse(
            export_partnerships(partnerships, fmt), content_type=EXPORT_CONTENT_TYPES[fmt]
        )
        filename = f"partnerships-{timezone.localdate():%Y-%m-%d}.{fmt}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
