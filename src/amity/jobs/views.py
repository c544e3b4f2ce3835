"""A job's page, the fragment htmx polls while the job runs, and starting a failed job again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.jobs.domain import can_restart, fail_stalled, job_message, restart_job
from amity.jobs.models import Job


def _visible_job(request, pk, perm: str = "jobs.view_job") -> Job:
    # A job whose worker died shows as failed (and restartable) as soon as anyone looks.
    fail_stalled(job_id=pk)
    job = get_object_or_404(Job, pk=pk)
    if not request.user.has_perm(perm, job):
        raise PermissionDenied
    return job


def _context(request, job: Job) -> dict:
    return {
        "job": job,
        "message": job_message(job),
        "can_restart": can_restart(job) and request.user.has_perm("jobs.restart_job", job),
    }


@login_required
def job_detail(request, pk):
    job = _visible_job(request, pk)
    return render(request, "jobs/job_detail.html", _context(request, job))


@login_required
def job_status(request, pk):
    job = _visible_job(request, pk)
    return render(request, "jobs/partials/job_status.html", _context(request, job))


@login_required
@require_POST
def job_restart(request, pk):
    job = _visible_job(request, pk, perm="jobs.restart_job")
    try:
        again = restart_job(job, owner=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("jobs:job-detail", job.pk)
    messages.success(request, _("The job was started again."))
    return redirect("jobs:job-detail", again.pk)
