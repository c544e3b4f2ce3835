"""A job's page and the fragment htmx polls while the job runs."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from amity.jobs.domain import job_message
from amity.jobs.models import Job


def _visible_job(request, pk) -> Job:
    job = get_object_or_404(Job, pk=pk)
    if not request.user.has_perm("jobs.view_job", job):
        raise PermissionDenied
    return job


def _context(job: Job) -> dict:
    return {"job": job, "message": job_message(job)}


@login_required
def job_detail(request, pk):
    return render(request, "jobs/job_detail.html", _context(_visible_job(request, pk)))


@login_required
def job_status(request, pk):
    return render(request, "jobs/partials/job_status.html", _context(_visible_job(request, pk)))
