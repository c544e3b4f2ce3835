"""The yearly report: pick a year, read it on the web, have its bilingual PDF made in the
background and download it."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from amity.cooperation.domain.report import yearly_report
from amity.cooperation.forms import ReportForm
from amity.cooperation.tasks import build_yearly_report, report_path
from amity.jobs.domain import start_job


def _context(form: ReportForm) -> dict:
    this_year = timezone.localdate().year
    return {"form": form, "recent_years": range(this_year, this_year - 6, -1)}


class ReportIndexView(PermissionRequiredMixin, View):
    permission_required = "cooperation.view_report"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = ReportForm(initial={"year": timezone.localdate().year - 1})
        return render(request, "cooperation/report_index.html", _context(form))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ReportForm(request.POST)
        if not form.is_valid():
            return render(request, "cooperation/report_index.html", _context(form), status=422)
        year = form.cleaned_data["year"]
        job = start_job(
            kind="cooperation.yearly_report",
            title=lambda: _("Yearly report %(year)s (PDF)") % {"year": year},
            owner=request.user,
            task=build_yearly_report,
            year=year,
        )
        return redirect("jobs:job-detail", job.pk)


class ReportView(PermissionRequiredMixin, View):
    permission_required = "cooperation.view_report"

    def get(self, request: HttpRequest, year: int) -> HttpResponse:
        if not 1949 <= year <= 2200:
            raise Http404
        context = {
            "report": yearly_report(year),
            "has_pdf": default_storage.exists(report_path(year)),
        }
        return render(request, "cooperation/report.html", context)


class ReportPdfView(PermissionRequiredMixin, View):
    permission_required = "cooperation.view_report"

    def get(self, request: HttpRequest, year: int) -> FileResponse:
        path = report_path(year)
        if not default_storage.exists(path):
            raise Http404
        return FileResponse(
            default_storage.open(path, "rb"),
            as_attachment=True,
            filename=f"amity-yearly-report-{year}.pdf",
            content_type="application/pdf",
        )
