"""Asking for a meeting about a practice at the next fair, from the practice's page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from amity.accounts.permissions import ObjectPermissionRequiredMixin
from amity.cooperation.domain.practice_meetings import ask_about_practice
from amity.cooperation.forms import PracticeMeetingForm
from amity.cooperation.models import Practice


class PracticeMeetingView(ObjectPermissionRequiredMixin, View):
    permission_required = ("cooperation.ask_about_practice",)
    http_method_names = ["post"]

    def get_permission_object(self) -> Practice:
        self.object = get_object_or_404(Practice, pk=self.kwargs["pk"])
        return self.object

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        page = reverse("cooperation:practice-detail", args=[pk]) + "#meeting-heading"
        form = PracticeMeetingForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose whom to meet."))
            return redirect(page)
        try:
            meeting = ask_about_practice(
                self.object,
                user=request.user,
                receiver_id=form.cleaned_data["receiver"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Your request to %(name)s is sent; the answer comes on your fair page.")
                % {"name": meeting.receiver.name_en},
            )
        return redirect(page)
