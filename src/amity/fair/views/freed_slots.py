"""Freed slots: the one-click offer page (its link is the key) and the organisers' list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from amity.fair.domain.freed_slots import (
    STATUS_MESSAGES,
    accept_offer,
    expire_past,
    freed_slots,
    offer_by_token,
    offer_status,
)
from amity.fair.views.common import back, error_text, load_fair


def slot_offer_view(request, token: str):
    """Opened from the notification; whoever holds the link acts for one side of the pair."""
    offer = offer_by_token(token)
    if offer is None:
        raise Http404
    if request.method == "POST":
        try:
            accept_offer(offer)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Accepted: the meeting is in both agendas."))
        # The agenda page's accept button comes back to the agenda; the link's page to itself.
        if request.POST.get("next"):
            return back(request, default=reverse("fair:slot-offer", args=[token]))
        return redirect("fair:slot-offer", token)
    status = offer_status(offer)
    context = {
        "offer": offer,
        "fair": offer.freed_slot.fair,
        "slot": offer.freed_slot.slot,
        "status": status,
        "status_message": _(STATUS_MESSAGES[status]) if status in STATUS_MESSAGES else "",
        "tz": offer.freed_slot.fair.event.time_zone,
    }
    return render(request, "fair/slot_offer.html", context)


@login_required
def freed_slots_view(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_schedule")
    expire_past(fair.pk)
    context = {"fair": fair, "freed": freed_slots(fair.pk), "tz": fair.event.time_zone}
    return render(request, "fair/freed_slots.html", context)
