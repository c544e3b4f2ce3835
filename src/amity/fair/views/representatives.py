"""A participant's people and time: its representatives and its availability per slot.

For the organisation's own members and for organisers (``fair.change_participant``, asked
with the participant). The representatives' card swaps in place with htmx.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.fair.domain import (
    add_representative,
    remove_representative,
    session_slots,
    set_unavailability,
)
from amity.fair.forms_setup import RepresentativeForm
from amity.fair.models import Participant, Representative
from amity.fair.views.common import error_text, errors_onto, load_participant

CARD = "fair/partials/representatives.html"


def _show_people(request, participant: Participant, form=None):
    context = {
        "participant": participant,
        "fair": participant.fair,
        "representatives": list(participant.representatives.all()),
        "form": form or RepresentativeForm(),
    }
    return render(request, CARD if request.htmx else "fair/representatives.html", context)


@login_required
def representatives(request, pk: int):
    participant = load_participant(request, pk, "fair.change_participant")
    form = RepresentativeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            add_representative(participant, **form.cleaned_data)
        except ValidationError as error:
            errors_onto(form, error)
        else:
            if request.htmx:
                return _show_people(request, participant)
            messages.success(request, _("The representative is added."))
            return redirect("fair:representatives", participant.pk)
    return _show_people(request, participant, form if request.method == "POST" else None)


@login_required
@require_POST
def representative_delete(request, pk: int, representative_id: int):
    participant = load_participant(request, pk, "fair.change_participant")
    representative = get_object_or_404(
        Representative, participant=participant, pk=representative_id
    )
    remove_representative(representative)
    if request.htmx:
        return _show_people(request, participant)
    messages.success(request, _("The representative is removed."))
    return redirect("fair:representatives", participant.pk)


def _grid(participant: Participant) -> tuple[list, list]:
    """Columns (one per session) and rows (one per slot number) of the availability grid."""
    busy = set(participant.unavailable_slots.values_list("session_id", "slot"))
    columns = session_slots(participant.fair)
    depth = max((len(starts) for _session, starts in columns), default=0)
    rows = []
    for index in range(depth):
        cells = []
        for session, starts in columns:
            if index < len(starts):
                cells.append(
                    {
                        "key": f"{session.pk}:{index}",
                        "time": timezone.localtime(starts[index]),
                        "available": (session.pk, index) not in busy,
                    }
                )
            else:
                cells.append(None)
        rows.append((index + 1, cells))
    return [session for session, _starts in columns], rows


def _keys(values: list[str]) -> list[tuple[int, int]]:
    """Parse "session:slot" keys; a malformed one names the slots field."""
    keys = []
    for value in values:
        session_id, _sep, index = value.partition(":")
        if not (session_id.isdigit() and index.isdigit()):
            raise ValidationError({"slots": _("%(value)s is not a slot.") % {"value": value}})
        keys.append((int(session_id), int(index)))
    return keys


@login_required
def availability(request, pk: int):
    participant = load_participant(request, pk, "fair.change_participant")
    # The grid shows the slots' times in the event's time zone.
    with timezone.override(participant.fair.event.time_zone):
        return _availability_page(request, participant)


def _availability_page(request, participant: Participant):
    error = ""
    if request.method == "POST":
        try:
            # Every slot the page showed that is not ticked is unavailable.
            shown = set(_keys(request.POST.getlist("slot")))
            available = set(_keys(request.POST.getlist("available")))
            count = set_unavailability(participant, sorted(shown - available))
        except ValidationError as problem:
            error = error_text(problem)
        else:
            messages.success(
                request,
                _("Availability saved: %(count)s slots marked unavailable.") % {"count": count},
            )
            return redirect("fair:availability", participant.pk)
    sessions, rows = _grid(participant)
    context = {
        "participant": participant,
        "fair": participant.fair,
        "sessions": sessions,
        "rows": rows,
        "error": error,
    }
    return render(request, "fair/availability.html", context, status=422 if error else 200)
