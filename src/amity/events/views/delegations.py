"""A delegation's page and editors: organisers register it and its members, or invite its
head; the head (a delegate of the place) edits travel and needs until the deadline."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from amity.cities.views.editing import attach_errors
from amity.events.domain import queries
from amity.events.domain.attendees import add_attendee
from amity.events.domain.delegations import (
    delegate_may_edit,
    invite_delegation_head,
    register_delegation,
    send_confirmation,
    update_delegation,
)
from amity.events.forms import DelegationForm, InviteHeadForm, MemberForm, NewDelegationForm
from amity.events.views.base import (
    DelegationPermissionMixin,
    EventPermissionMixin,
    in_event_zone,
)


class DelegationCreateView(EventPermissionMixin, View):
    permission_required = ("events.add_delegation",)
    template_name = "events/delegation_form.html"

    @in_event_zone
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        context = {"form": NewDelegationForm(), "event": self.event}
        return render(request, self.template_name, context)

    @in_event_zone
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = NewDelegationForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                delegation = register_delegation(event=self.event, place=data.pop("place"), **data)
            except ValidationError as error:
                attach_errors(error, form)
            else:
                messages.success(request, _("The delegation is registered."))
                return redirect("events:delegation-detail", delegation.pk)
        context = {"form": form, "event": self.event}
        return render(request, self.template_name, context, status=422)


class DelegationDetailView(DelegationPermissionMixin, View):
    permission_required = ("events.view_delegation",)

    @in_event_zone
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        delegation = self.delegation
        context = {
            "delegation": delegation,
            "event": self.event,
            "members": queries.delegation_members(delegation),
            "member_form": MemberForm(prefix="member"),
            "invite_form": InviteHeadForm(prefix="invite"),
            "may_edit": request.user.is_organiser or delegate_may_edit(self.event),
        }
        return render(request, "events/delegation_detail.html", context)


class DelegationUpdateView(DelegationPermissionMixin, View):
    permission_required = ("events.change_delegation",)
    template_name = "events/delegation_form.html"

    def _form(self, *args, **kwargs) -> DelegationForm:
        delegate = not self.request.user.is_organiser
        return DelegationForm(*args, delegate=delegate, **kwargs)

    @in_event_zone
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = self._form(instance=self.delegation)
        context = {"form": form, "event": self.event, "delegation": self.delegation}
        return render(request, self.template_name, context)

    @in_event_zone
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = self._form(request.POST)
        if form.is_valid():
            try:
                update_delegation(self.delegation, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                attach_errors(error, form)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect("events:delegation-detail", self.delegation.pk)
        self.delegation.refresh_from_db()
        context = {"form": form, "event": self.event, "delegation": self.delegation}
        return render(request, self.template_name, context, status=422)


class MemberAddView(DelegationPermissionMixin, View):
    permission_required = ("events.change_delegation",)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = MemberForm(request.POST, prefix="member")
        if form.is_valid():
            try:
                add_attendee(delegation=self.delegation, **form.cleaned_data)
            except ValidationError as error:
                attach_errors(error, form)
            else:
                messages.success(request, _("The member is added."))
                return redirect("events:delegation-detail", self.delegation.pk)
        context = {
            "delegation": self.delegation,
            "event": self.event,
            "members": queries.delegation_members(self.delegation),
            "member_form": form,
            "invite_form": InviteHeadForm(prefix="invite"),
            "may_edit": True,
        }
        return render(request, "events/delegation_detail.html", context, status=422)


class InviteHeadView(DelegationPermissionMixin, View):
    permission_required = ("events.invite_delegation_head",)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = InviteHeadForm(request.POST, prefix="invite")
        if form.is_valid():
            try:
                invite_delegation_head(self.delegation, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                attach_errors(error, form)
            else:
                send_confirmation(self.delegation, form.cleaned_data["email"])
                messages.success(request, _("The head of delegation is invited."))
                return redirect("events:delegation-detail", self.delegation.pk)
        context = {
            "delegation": self.delegation,
            "event": self.event,
            "members": queries.delegation_members(self.delegation),
            "member_form": MemberForm(prefix="member"),
            "invite_form": form,
            "may_edit": True,
        }
        return render(request, "events/delegation_detail.html", context, status=422)
