"""Editing a session of the programme and adding its speakers (organisers)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from amity.cities.views.editing import attach_errors
from amity.events.domain.programme import add_speaker, save_session
from amity.events.forms import SessionForm, SpeakerForm
from amity.events.models import Session
from amity.events.views.base import SessionPermissionMixin, in_event_zone


class SessionUpdateView(SessionPermissionMixin, View):
    permission_required = ("events.change_event",)

    def _render(self, request, form, speaker_form, status: int = 200) -> HttpResponse:
        context = {
            "event": self.event,
            "session": self.session,
            "form": form,
            "speaker_form": speaker_form,
            "speakers": self.session.speakers.select_related("place"),
        }
        return render(request, "events/session_edit.html", context, status=status)

    @in_event_zone
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = SessionForm(instance=self.session)
        return self._render(request, form, SpeakerForm(prefix="speaker", event=self.event))

    @in_event_zone
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = SessionForm(request.POST, instance=Session.objects.get(pk=self.session.pk))
        if form.is_valid():
            try:
                save_session(self.session, **form.cleaned_data)
            except ValidationError as error:
                attach_errors(error, form)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect("events:event-detail", self.event.pk)
        self.session.refresh_from_db()
        speaker_form = SpeakerForm(prefix="speaker", event=self.event)
        return self._render(request, form, speaker_form, status=422)


class SpeakerAddView(SessionUpdateView):
    @in_event_zone
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        speaker_form = SpeakerForm(request.POST, prefix="speaker", event=self.event)
        if speaker_form.is_valid():
            try:
                add_speaker(self.session, **speaker_form.cleaned_data)
            except ValidationError as error:
                attach_errors(error, speaker_form)
            else:
                messages.success(request, _("The speaker is added."))
                return redirect("events:session-update", self.session.pk)
        form = SessionForm(instance=self.session)
        return self._render(request, form, speaker_form, status=422)
