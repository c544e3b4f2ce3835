"""A participant's agenda (page, PDF, ICS feed), the table plan per slot, interpreter agendas."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.fair.agenda_documents import agenda_pdf_bytes
from amity.fair.calendar_cache import cached_feed
from amity.fair.domain.agenda import (
    agenda,
    feed_token,
    ics_feed,
    interpreter_agenda,
    revoke_feed_token,
    table_plan,
    with_own_outcomes,
)
from amity.fair.domain.freed_slots import open_offers
from amity.fair.domain.publish import latest_publication
from amity.fair.models import FeedToken, Interpreter, OutcomeRating, ScheduleSlot
from amity.fair.views.common import allowed, load_participant


def _context(request, participant) -> dict:
    fair = participant.fair
    return {
        "fair": fair,
        "participant": participant,
        "entries": with_own_outcomes(participant, agenda(participant)),
        "publication": latest_publication(fair),
        "tz": fair.event.time_zone,
        "ratings": OutcomeRating.choices,
        "offers": [(o, o.request.other_side(participant)) for o in open_offers(participant)],
    }


@login_required
def agenda_view(request, pk: int):
    participant = load_participant(request, pk, "fair.view_agenda")
    context = _context(request, participant)
    context["feed_url"] = request.build_absolute_uri(
        reverse("fair:ics-feed", args=[feed_token(participant).token])
    )
    return render(request, "fair/agenda.html", context)


@login_required
def agenda_pdf(request, pk: int):
    participant = load_participant(request, pk, "fair.view_agenda")
    response = HttpResponse(agenda_pdf_bytes(participant), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="agenda-{participant.pk}.pdf"'
    return response


def ics_view(request, token: str):
    """No login: calendar programs fetch it; the unguessable token is the key."""
    found = FeedToken.objects.select_related("participant__fair__event").filter(token=token)
    row = found.first()
    if row is None:
        raise Http404
    response = HttpResponse(
        cached_feed(row.participant, ics_feed), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response


@login_required
@require_POST
def feed_revoke(request, pk: int):
    participant = load_participant(request, pk, "fair.view_agenda")
    revoke_feed_token(participant)
    messages.success(request, _("A new calendar address is made; the old one no longer works."))
    return redirect("fair:agenda", participant.pk)


@login_required
def table_plan_view(request, pk: int):
    slot = get_object_or_404(ScheduleSlot.objects.select_related("fair__event", "session"), pk=pk)
    allowed(request, "fair.manage_schedule", slot.fair)
    context = {"fair": slot.fair, "slot": slot, "rows": table_plan(slot)}
    return render(request, "fair/table_plan.html", context)


@login_required
def interpreter_agenda_view(request, pk: int):
    interpreter = get_object_or_404(Interpreter.objects.select_related("fair__event"), pk=pk)
    allowed(request, "fair.manage_schedule", interpreter.fair)
    context = {
        "fair": interpreter.fair,
        "interpreter": interpreter,
        "meetings": interpreter_agenda(interpreter),
    }
    return render(request, "fair/interpreter_agenda.html", context)
