"""Editing one opportunity of a participant (adding and removing are on the profile page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from amity.fair.domain import update_opportunity
from amity.fair.forms import OpportunityForm
from amity.fair.models import Opportunity
from amity.fair.tasks import recompute_soon
from amity.fair.views.common import errors_onto, is_chinese, load_participant


@login_required
def opportunity_edit(request, pk: int, opportunity_id: int):
    participant = load_participant(request, pk, "fair.change_participant")
    opportunity = get_object_or_404(Opportunity, participant=participant, pk=opportunity_id)
    initial = {
        name: getattr(opportunity, name) for name in ("kind", "title", "text", "cooperation")
    }
    form = OpportunityForm(request.POST or None, initial=initial, chinese=is_chinese())
    if request.method == "POST" and form.is_valid():
        try:
            update_opportunity(opportunity, **form.cleaned_data)
        except ValidationError as error:
            errors_onto(form, error)
        else:
            recompute_soon(participant.fair_id, request.user)
            messages.success(request, _("The opportunity is saved."))
            return redirect("fair:profile-edit", participant.pk)
    context = {"form": form, "participant": participant, "fair": participant.fair}
    return render(request, "fair/opportunity_form.html", context)
