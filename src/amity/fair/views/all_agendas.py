""" "All agendas" for the welcome desk: start the job from the schedule page, download its PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.fair.agenda_documents import file_path, start_all_agendas
from amity.fair.views.common import load_fair


@login_required
@require_POST
def all_agendas_start(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_schedule")
    job = start_all_agendas(fair, request.user)
    messages.info(request, _("The agendas are being put together; this page shows the progress."))
    return redirect("jobs:job-detail", job.pk)


@login_required
def all_agendas_file(request, fair_id: int, name: str):
    fair = load_fair(request, fair_id, "fair.manage_schedule")
    path = file_path(fair.pk, name)
    if path is None or not default_storage.exists(path):
        raise Http404
    return FileResponse(
        default_storage.open(path, "rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=name,
    )
