"""Agendas on paper: one participant's PDF, and "all agendas" as one PDF for the welcome desk
(a background job, a page per participant). Both bilingual, with the CJK font."""

from __future__ import annotations

import re
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from amity.documents.pdf import render_pdf
from amity.fair.domain.agenda import agenda
from amity.fair.models import Fair, Participant, ParticipantStatus
from amity.jobs.domain import job_task, start_job

ALL_AGENDAS_KIND = "fair.all-agendas"
COLLECTING = gettext_noop("Agenda %(done)s of %(total)s collected")
WRITING = gettext_noop("Writing the PDF of %(total)s agendas")
DONE = gettext_noop("%(total)s agendas in one PDF")
# Stored under MEDIA_ROOT/fair/; the random part keeps one file's address from guessing
# another's, and the download view accepts only this shape.
FILE_NAME = r"agendas-{fair_id}-[0-9a-f]{{16}}\.pdf"


def file_path(fair_id: int, name: str) -> str | None:
    """The storage path of a made PDF, or None when ``name`` is not one of this fair's."""
    if not re.fullmatch(FILE_NAME.format(fair_id=fair_id), name):
        return None
    return f"fair/{name}"


def desk_participants(fair: Fair):
    return (
        Participant.objects.filter(fair=fair, status=ParticipantStatus.APPROVED)
        .select_related("fair__event")
        .order_by("name_en", "pk")
    )


def agenda_pdf_bytes(participant: Participant) -> bytes:
    fair = participant.fair
    context = {
        "fair": fair,
        "participant": participant,
        "entries": agenda(participant),
        "tz": fair.event.time_zone,
    }
    return render_pdf("fair/agenda_pdf.html", context)


@task()
@job_task
def make_all_agendas(progress, *, fair_id: int) -> dict:
    fair = Fair.objects.select_related("event").get(pk=fair_id)
    participants = list(desk_participants(fair))
    total = len(participants)
    # One more step than participants: writing the PDF is the last (and longest) one.
    sheets = []
    for done, participant in enumerate(participants, 1):
        sheets.append({"participant": participant, "entries": agenda(participant)})
        progress(done, total + 1, COLLECTING, done=done, total=total)
    progress(total, total + 1, WRITING, total=total)
    context = {"fair": fair, "sheets": sheets, "tz": fair.event.time_zone}
    # The sheets are bilingual whatever the organiser's language (as the single agenda PDF).
    with translation.override("en"):
        data = render_pdf("fair/all_agendas_pdf.html", context)
    name = f"agendas-{fair_id}-{secrets.token_hex(8)}.pdf"
    default_storage.save(f"fair/{name}", ContentFile(data))
    progress(total + 1, total + 1, DONE, total=total)
    return {"url": reverse("fair:all-agendas-file", args=[fair_id, name]), "pages": total}


def start_all_agendas(fair: Fair, owner):
    return start_job(
        kind=f"{ALL_AGENDAS_KIND}:{fair.pk}",
        title=lambda: _("All agendas of %(fair)s") % {"fair": fair.event.name_en},
        owner=owner,
        task=make_all_agendas,
        fair_id=fair.pk,
    )
