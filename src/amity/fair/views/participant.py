"""One participant: its page, its profile editing, opportunities, requests and marks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.fair.domain import (
    accept_request,
    add_opportunity,
    decline_request,
    delete_opportunity,
    register_participant,
    send_request,
    set_mark,
    update_profile,
    withdraw_request,
)
from amity.fair.domain.queries import participation
from amity.fair.forms import DeclineForm, OpportunityForm, ProfileForm, RequestForm
from amity.fair.models import Mark, MeetingRequest, Opportunity
from amity.fair.tasks import recompute_soon
from amity.fair.views.common import (
    allowed,
    back,
    error_text,
    errors_onto,
    is_chinese,
    load_fair,
    load_participant,
    load_request,
)


@login_required
def participant_detail(request, pk: int):
    participant = load_participant(request, pk)
    me = participation(participant.fair, request.user)
    between = None
    if me is not None and me.pk != participant.pk:
        between = (
            MeetingRequest.objects.filter(
                Q(sender=me, receiver=participant) | Q(sender=participant, receiver=me)
            )
            .order_by("-created_at")
            .first()
        )
    can_contact = request.user.has_perm("fair.view_contact", participant)
    context = {
        "participant": participant,
        "fair": participant.fair,
        "opportunities": list(participant.opportunities.order_by("kind", "pk")),
        # Contact data is private: not even loaded for those who may not see it.
        "representatives": list(participant.representatives.all()) if can_contact else None,
        "can_contact": can_contact,
        "can_edit": request.user.has_perm("fair.change_participant", participant),
        "me": me,
        "between": between,
        "mark": Mark.objects.filter(participant=me, target=participant).first() if me else None,
        "request_form": RequestForm(),
    }
    return render(request, "fair/participant_detail.html", context)


def _profile_initial(participant) -> dict:
    return {
        "name_en": participant.name_en,
        "name_zh": participant.name_zh,
        "city_name": participant.city_name,
        "country": participant.country,
        "size": participant.size,
        "sectors": list(participant.sectors),
        "languages": ", ".join(participant.languages),
        "description": participant.description,
        "max_meetings": participant.max_meetings,
        "contact_email": participant.contact_email,
        "contact_phone": participant.contact_phone,
        "website": participant.website,
    }


@login_required
def register_view(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.register")
    organisation = request.user.organisation
    if organisation is None:
        messages.error(request, _("Your account belongs to no organisation."))
        return redirect("fair:participant-home")
    initial = {
        "name_en": organisation.name_en,
        "name_zh": organisation.name_zh,
        "city_name": organisation.city_name,
        "country": organisation.country,
        "max_meetings": fair.max_meetings,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            register_participant(
                fair=fair, organisation=organisation, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            recompute_soon(fair.pk, request.user)
            messages.success(request, _("Your organisation is registered."))
            return redirect("fair:participant-home")
    return render(request, "fair/profile_form.html", {"form": form, "fair": fair, "new": True})


@login_required
def profile_edit(request, pk: int):
    participant = load_participant(request, pk, "fair.change_participant")
    form = ProfileForm(request.POST or None, initial=_profile_initial(participant))
    if request.method == "POST" and form.is_valid():
        try:
            update_profile(participant, **form.cleaned_data)
        except ValidationError as error:
            participant.refresh_from_db()
            errors_onto(form, error)
        else:
            recompute_soon(participant.fair_id, request.user)
            messages.success(request, _("The profile is saved."))
            return redirect("fair:participant-detail", participant.pk)
    opportunity_form = OpportunityForm(chinese=is_chinese())
    context = {
        "form": form,
        "fair": participant.fair,
        "participant": participant,
        "opportunities": list(participant.opportunities.order_by("kind", "pk")),
        "opportunity_form": opportunity_form,
    }
    return render(request, "fair/profile_form.html", context)


@login_required
@require_POST
def opportunity_add(request, pk: int):
    participant = load_participant(request, pk, "fair.change_participant")
    form = OpportunityForm(request.POST, chinese=is_chinese())
    if form.is_valid():
        try:
            add_opportunity(participant, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            recompute_soon(participant.fair_id, request.user)
            messages.success(request, _("The opportunity is added."))
    else:
        messages.error(
            request,
            " ".join(f"{form.fields[n].label}: {' '.join(e)}" for n, e in form.errors.items()),
        )
    return redirect("fair:profile-edit", participant.pk)


@login_required
@require_POST
def opportunity_delete(request, pk: int, opportunity_id: int):
    participant = load_participant(request, pk, "fair.change_participant")
    opportunity = Opportunity.objects.filter(participant=participant, pk=opportunity_id).first()
    if opportunity is not None:
        delete_opportunity(opportunity)
        recompute_soon(participant.fair_id, request.user)
        messages.success(request, _("The opportunity is removed."))
    return redirect("fair:profile-edit", participant.pk)


def _my_participant(request, fair):
    me = participation(fair, request.user)
    if me is None:
        # Only those who could register are told to; for anyone else it is not theirs to do.
        allowed(request, "fair.register", fair)
        messages.error(request, _("Register your organisation for the fair first."))
    else:
        allowed(request, "fair.act_for_participant", me)
    return me


@login_required
@require_POST
def request_send(request, pk: int):
    receiver = load_participant(request, pk)
    me = _my_participant(request, receiver.fair)
    if me is not None:
        form = RequestForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        try:
            send_request(sender=me, receiver=receiver, note=note)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(
                request, _("Your request to %(name)s is sent.") % {"name": receiver.name_en}
            )
    return back(request)


@login_required
@require_POST
def mark_view(request, pk: int):
    target = load_participant(request, pk)
    me = _my_participant(request, target.fair)
    if me is not None:
        kind = request.POST.get("kind") or None
        try:
            set_mark(me, target, kind)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            recompute_soon(target.fair_id, request.user)
    return back(request)


ANSWERS = {
    "accept": ("fair.answer_request", lambda r, _post: accept_request(r)),
    "decline": (
        "fair.answer_request",
        lambda r, post: decline_request(r, DeclineForm(post).data.get("reason", "")),
    ),
    "withdraw": ("fair.withdraw_request", lambda r, _post: withdraw_request(r)),
}


@login_required
@require_POST
def request_answer(request, pk: int, action: str):
    if action not in ANSWERS:
        raise Http404
    perm, act = ANSWERS[action]
    meeting_request = load_request(request, pk, perm)
    try:
        act(meeting_request, request.POST)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("Done: the request is %(state)s.")
            % {"state": MeetingRequest.objects.get(pk=pk).get_state_display()},
        )
    return redirect("fair:participant-home")
