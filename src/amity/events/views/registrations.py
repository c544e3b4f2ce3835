"""An enterprise member registers their organisation for an event."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View

from amity.events.domain.attendees import register_organisation
from amity.events.views.base import EventPermissionMixin


class RegisterView(EventPermissionMixin, View):
    permission_required = ("events.register_organisation",)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = request.user.organisation
        if organisation is None:
            raise PermissionDenied
        try:
            register_organisation(event=self.event, organisation=organisation, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Your organisation is registered."))
        return redirect("events:event-detail", self.event.pk)
