"""Organisers manage people: who has which role, invitations, deactivation; organisations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from amity.accounts.domain import (
    deactivate_person,
    invite_person,
    people,
    reactivate_person,
    role_label,
    standing,
)
from amity.accounts.forms import InviteForm, OrganisationForm, PeopleFilterForm
from amity.accounts.models import Organisation, User
from amity.accounts.permissions import ObjectPermissionRequiredMixin

PAGE_SIZE = 50


class PeopleView(ObjectPermissionRequiredMixin, View):
    permission_required = ("accounts.view_people",)

    def get(self, request: HttpRequest) -> HttpResponse:
        form = PeopleFilterForm(request.GET)
        form.is_valid()
        found = people(
            role=form.cleaned_data.get("role", ""),
            standing_filter=form.cleaned_data.get("standing", ""),
        )
        page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
        rows = [
            {
                "person": person,
                "role": role_label(person),
                "standing": standing(person),
                "may_deactivate": request.user.has_perm("accounts.deactivate_person", person),
            }
            for person in page.object_list
        ]
        context = {"form": form, "page": page, "rows": rows, "invite_form": InviteForm()}
        return render(request, "accounts/people.html", context)


class InviteView(ObjectPermissionRequiredMixin, View):
    permission_required = ("accounts.invite_person",)

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "accounts/invite.html", {"form": InviteForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = InviteForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                person = invite_person(
                    email=data["email"],
                    role=data["role"],
                    invited_by=request.user,
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    organisation=data["organisation"],
                    partner_place=data["partner_place"],
                    language=data["language"],
                )
            except ValidationError as error:
                for field, field_messages in error.message_dict.items():
                    for message in field_messages:
                        form.add_error(field if field in form.fields else None, message)
            else:
                messages.success(
                    request,
                    _("An invitation is on its way to %(email)s.") % {"email": person.email},
                )
                return redirect("accounts:people")
        return render(request, "accounts/invite.html", {"form": form}, status=422)


class StandingView(ObjectPermissionRequiredMixin, View):
    """POST: deactivate or reactivate one person."""

    permission_required = ("accounts.deactivate_person",)
    action = "deactivate"

    def get_permission_object(self) -> User:
        self.object = get_object_or_404(User, pk=self.kwargs["pk"])
        return self.object

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = self.object
        name = person.get_full_name() or person.email or person.username
        if self.action == "deactivate":
            deactivate_person(person, by=request.user)
            messages.success(request, _("%(name)s can no longer log in.") % {"name": name})
        else:
            reactivate_person(person)
            messages.success(request, _("%(name)s is active again.") % {"name": name})
        return redirect("accounts:people")


class OrganisationsView(ObjectPermissionRequiredMixin, View):
    permission_required = ("accounts.view_organisations",)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_page(OrganisationForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        if not request.user.has_perm("accounts.add_organisation"):
            return self.handle_no_permission()
        form = OrganisationForm(request.POST)
        if form.is_valid():
            organisation = form.save()
            messages.success(request, _("%(name)s is added.") % {"name": organisation.name_en})
            return redirect("accounts:organisations")
        return self.render_page(form, status=422)

    def render_page(self, form: OrganisationForm, status: int = 200) -> HttpResponse:
        page = Paginator(Organisation.objects.order_by("name_en"), PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        return render(
            self.request,
            "accounts/organisations.html",
            {"form": form, "page": page},
            status=status,
        )
