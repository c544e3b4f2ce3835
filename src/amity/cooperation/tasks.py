"""Background work of cooperation: the yearly report's bilingual PDF."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext_noop
from django_tasks import task

from amity.cooperation.domain.report import yearly_report
from amity.documents.pdf import render_pdf
from amity.jobs.domain import job_task

RENDERING = gettext_noop("Rendering the report for %(year)s")


def report_path(year: int) -> str:
    return f"cooperation/reports/yearly-report-{year}.pdf"


@task()
@job_task
def build_yearly_report(progress, *, year: int) -> dict:
    progress(0, 2, RENDERING, year=year)
    report = yearly_report(year)
    pdf = render_pdf("cooperation/report_pdf.html", {"report": report})
    progress(1, 2, RENDERING, year=year)
    path = report_path(year)
    if default_storage.exists(path):
        default_storage.delete(path)
    default_storage.save(path, ContentFile(pdf))
    progress(2, 2, RENDERING, year=year)
    return {"year": year, "bytes": len(pdf), "url": reverse("cooperation:report-pdf", args=[year])}
