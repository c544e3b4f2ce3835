"""The practice list and page (UN-Habitat's form), the practice editor and the transfer editor."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from amity.accounts.permissions import ObjectPermissionRequiredMixin
from amity.cities.models import CooperationField
from amity.cooperation import domain
from amity.cooperation.domain.practice_meetings import meeting_offer
from amity.cooperation.domain.queries import listed_practices, practice_details
from amity.cooperation.forms import NetworkFilterForm, PracticeForm, TransferForm
from amity.cooperation.history import practice_history
from amity.cooperation.models import PRACTICE_SECTIONS, Practice, Transfer
from amity.cooperation.views.common import go_to, render_editor, run_action


class PracticeListView(PermissionRequiredMixin, View):
    permission_required = "cooperation.view_practices"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = NetworkFilterForm(request.GET)
        field = form.cleaned_data.get("field", "") if form.is_valid() else ""
        looking = request.GET.get("looking") == "1"
        context = {
            "practices": listed_practices(request.user, field=field, looking=looking),
            "fields": CooperationField.objects.all(),
            "field": field,
            "looking": looking,
            "can_add": request.user.has_perm("cooperation.add_practice"),
        }
        return render(request, "cooperation/practice_list.html", context)


class PracticeDetailView(ObjectPermissionRequiredMixin, View):
    permission_required = ("cooperation.view_practice",)

    def get_permission_object(self) -> Practice:
        self.object = get_object_or_404(practice_details(), pk=self.kwargs["pk"])
        return self.object

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        practice = self.object
        context = {
            "practice": practice,
            "sections": [(stem, label) for stem, label in PRACTICE_SECTIONS],
            "can_edit": request.user.has_perm("cooperation.change_practice", practice),
            "can_add_transfer": request.user.has_perm("cooperation.add_transfer", practice),
            "can_ask": request.user.has_perm("cooperation.ask_about_practice", practice),
        }
        can_see_history = request.user.has_perm("cooperation.view_history", practice)
        context["history"] = practice_history(practice) if can_see_history else None
        if context["can_ask"]:
            context["offer"] = meeting_offer(practice, request.user)
        return render(request, "cooperation/practice_detail.html", context)


def _practice_url(practice: Practice) -> str:
    return reverse("cooperation:practice-detail", args=[practice.pk])


class PracticeCreateView(PermissionRequiredMixin, View):
    permission_required = "cooperation.add_practice"

    def get(self, request: HttpRequest) -> HttpResponse:
        back = reverse("cooperation:practice-list")
        return render_editor(request, PracticeForm(), title=_("New practice"), back=back)

    def post(self, request: HttpRequest) -> HttpResponse:
        form = PracticeForm(request.POST)
        practice = run_action(form, lambda data: domain.create_practice(**data))
        if practice is None:
            back = reverse("cooperation:practice-list")
            return render_editor(request, form, title=_("New practice"), back=back, status=422)
        messages.success(request, _("The practice is saved."))
        return go_to(request, _practice_url(practice))


class PracticeUpdateView(ObjectPermissionRequiredMixin, View):
    permission_required = ("cooperation.change_practice",)

    def get_permission_object(self) -> Practice:
        self.object = get_object_or_404(Practice, pk=self.kwargs["pk"])
        return self.object

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        practice = self.object
        initial = {
            name: getattr(practice, name)
            for name in PracticeForm.base_fields
            if hasattr(practice, name) and name != "fields"
        }
        initial["fields"] = list(practice.fields.all())
        if practice.source:
            initial.update(source_title=practice.source.title_en, source_url=practice.source.url)
        return render_editor(
            request,
            PracticeForm(initial=initial),
            title=_("Edit the practice"),
            back=_practice_url(practice),
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = PracticeForm(request.POST)
        if run_action(form, lambda data: domain.update_practice(self.object, **data)) is None:
            return render_editor(
                request,
                form,
                title=_("Edit the practice"),
                back=_practice_url(self.object),
                status=422,
            )
        messages.success(request, _("The practice is saved."))
        return go_to(request, _practice_url(self.object))


class TransferCreateView(ObjectPermissionRequiredMixin, View):
    permission_required = ("cooperation.add_transfer",)

    def get_permission_object(self) -> Practice:
        self.object = get_object_or_404(
            Practice.objects.select_related("place"), pk=self.kwargs["pk"]
        )
        return self.object

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = TransferForm(initial={"from_place": self.object.place})
        return render_editor(
            request, form, title=_("Add a transfer"), back=_practice_url(self.object)
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = TransferForm(request.POST)
        if run_action(form, lambda data: domain.record_transfer(self.object, **data)) is None:
            return render_editor(
                request,
                form,
                title=_("Add a transfer"),
                back=_practice_url(self.object),
                status=422,
            )
        messages.success(request, _("The transfer is recorded."))
        return go_to(request, _practice_url(self.object) + "#transfers-heading")


class TransferUpdateView(ObjectPermissionRequiredMixin, View):
    permission_required = ("cooperation.change_transfer",)

    def get_permission_object(self) -> Transfer:
        self.object = get_object_or_404(
            Transfer.objects.select_related("practice", "source"), pk=self.kwargs["pk"]
        )
        return self.object

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        transfer = self.object
        initial = {
            name: getattr(transfer, name)
            for name in TransferForm.base_fields
            if hasattr(transfer, name)
        }
        if transfer.source:
            initial.update(source_title=transfer.source.title_en, source_url=transfer.source.url)
        return render_editor(
            request,
            TransferForm(initial=initial),
            title=_("Edit the transfer"),
            back=_practice_url(transfer.practice),
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = TransferForm(request.POST)
        back = _practice_url(self.object.practice)
        if run_action(form, lambda data: domain.update_transfer(self.object, **data)) is None:
            return render_editor(request, form, title=_("Edit the transfer"), back=back, status=422)
        messages.success(request, _("The transfer is saved."))
        return go_to(request, back + "#transfers-heading")
