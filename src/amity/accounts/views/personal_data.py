"""A person's data on request, for organisers: see it, download it (JSON, XLSX), erase it."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from amity.accounts.models import User
from amity.accounts.permissions import ObjectPermissionRequiredMixin
from amity.accounts.personal_data import as_json, as_xlsx, erase_person, export_person, registered

FORMATS = {
    "json": ("application/json", as_json),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", as_xlsx),
}


class _PersonMixin(ObjectPermissionRequiredMixin):
    def get_permission_object(self) -> User:
        self.object = get_object_or_404(User, pk=self.kwargs["pk"])
        return self.object


class PersonalDataView(_PersonMixin, View):
    permission_required = ("accounts.export_personal_data",)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render_page()

    def render_page(self, error: str = "", status: int = 200) -> HttpResponse:
        data = export_person(self.object)
        sections = [(entry.label, len(data[entry.key])) for entry in registered()]
        context = {
            "person": self.object,
            "sections": sections,
            "error": error,
            "may_erase": self.request.user.has_perm("accounts.erase_personal_data", self.object),
        }
        return render(self.request, "accounts/personal_data.html", context, status=status)


class PersonalDataDownloadView(_PersonMixin, View):
    permission_required = ("accounts.export_personal_data",)

    def get(self, request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
        if fmt not in FORMATS:
            raise Http404(fmt)
        content_type, render_as = FORMATS[fmt]
        response = HttpResponse(render_as(export_person(self.object)), content_type=content_type)
        name = f"personal-data-{self.object.pk}.{fmt}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        # Personal data: no copy in a shared cache.
        response["Cache-Control"] = "private, no-store"
        return response


class EraseView(_PersonMixin, View):
    """POST with ``confirm`` = the person's user name: the erasure cannot be undone."""

    permission_required = ("accounts.erase_personal_data",)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = self.object
        if request.POST.get("confirm", "").strip() != person.username:
            page = PersonalDataView()
            page.setup(request, pk=pk)
            page.object = person
            error = _("Type the user name %(username)s to confirm the erasure.") % {
                "username": person.username
            }
            return page.render_page(error=error, status=422)
        counts = erase_person(person, by=request.user)
        messages.success(
            request,
            _("The person's data is erased (%(count)s records anonymised).")
            % {"count": sum(counts.values())},
        )
        return redirect("accounts:people")
