"""The events list, an event's page with its tabs, and the event and session editors."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from amity.cities.views.editing import attach_errors
from amity.events.domain import queries
from amity.events.domain.links import link_partnerships
from amity.events.domain.programme import save_event, save_session
from amity.events.forms import EventForm, SessionForm
from amity.events.models import Event
from amity.events.views.base import EventPermissionMixin, in_event_zone

TABS = ("programme", "delegations", "registrations", "badges")
# The tabs other than the programme are organisers' work.
TAB_PERMISSIONS = {
    "delegations": "events.view_delegations",
    "registrations": "events.view_registrations",
    "badges": "events.print_badges",
}


class EventListView(PermissionRequiredMixin, View):
    permission_required = "events.view_event"

    def get(self, request: HttpRequest) -> HttpResponse:
        events = queries.listed_events(request.user)
        return render(request, "events/event_list.html", {"events": events})


class EventDetailView(EventPermissionMixin, View):
    permission_required = ("events.view_event",)

    @in_event_zone
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        event = self.event
        tabs = [
            tab
            for tab in TABS
            if tab not in TAB_PERMISSIONS or request.user.has_perm(TAB_PERMISSIONS[tab], event)
        ]
        tab = request.GET.get("tab", "programme")
        if tab not in tabs:
            tab = "programme"
        context = {"event": event, "tabs": tabs, "tab": tab}
        if tab == "programme":
            context["sessions"] = queries.programme(event)
        elif tab == "delegations":
            context["delegations"] = queries.delegations(event)
            context["counts"] = queries.counts(event)
        elif tab == "registrations":
            context["registrations"] = event.registrations.select_related("organisation")
        else:
            context["counts"] = queries.counts(event)
        return render(request, "events/event_detail.html", context)


class EventCreateView(PermissionRequiredMixin, View):
    permission_required = "events.add_event"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "events/event_form.html", {"form": EventForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = EventForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            partnerships = data.pop("partnerships")
            try:
                with transaction.atomic():
                    event = save_event(**data)
                    link_partnerships(event, partnerships)
            except ValidationError as error:
                attach_errors(error, form)
            else:
                messages.success(request, _("The event is created."))
                return redirect("events:event-detail", event.pk)
        return render(request, "events/event_form.html", {"form": form}, status=422)


class EventUpdateView(EventPermissionMixin, View):
    permission_required = ("events.change_event",)

    @in_event_zone
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = EventForm(
            instance=self.event, initial={"partnerships": self.event.partnerships.all()}
        )
        return render(request, "events/event_form.html", {"form": form, "event": self.event})

    @in_event_zone
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = EventForm(request.POST, instance=Event.objects.get(pk=self.event.pk))
        if form.is_valid():
            data = dict(form.cleaned_data)
            partnerships = data.pop("partnerships")
            try:
                with transaction.atomic():
                    save_event(self.event, **data)
                    link_partnerships(self.event, partnerships)
            except ValidationError as error:
                attach_errors(error, form)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect("events:event-detail", self.event.pk)
        context = {"form": form, "event": self.event}
        return render(request, "events/event_form.html", context, status=422)


class SessionAddView(EventPermissionMixin, View):
    permission_required = ("events.change_event",)

    @in_event_zone
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = SessionForm()
        return render(request, "events/session_form.html", {"form": form, "event": self.event})

    @in_event_zone
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = SessionForm(request.POST)
        if form.is_valid():
            try:
                save_session(event=self.event, **form.cleaned_data)
            except ValidationError as error:
                attach_errors(error, form)
            else:
                messages.success(request, _("The session is added to the programme."))
                return redirect("events:event-detail", self.event.pk)
        context = {"form": form, "event": self.event}
        return render(request, "events/session_form.html", context, status=422)
