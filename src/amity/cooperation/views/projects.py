"""The project list, a project's page (timeline and indicator charts) and its editors."""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from amity.accounts.permissions import ObjectPermissionRequiredMixin
from amity.cities.models import CooperationField
from amity.cooperation import domain
from amity.cooperation.charts import line_chart
from amity.cooperation.domain.queries import listed_projects, project_details
from amity.cooperation.forms import ProjectFilterForm, ProjectForm
from amity.cooperation.history import project_history
from amity.cooperation.models import Project, ProjectDocument, ProjectStatus
from amity.cooperation.timeline import project_timeline
from amity.cooperation.views.common import go_to, render_editor, run_action

PAGE_SIZE = 25


class ProjectListView(PermissionRequiredMixin, View):
    permission_required = "cooperation.view_projects"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = ProjectFilterForm(request.GET)
        projects = listed_projects(request.user, **form.filters())
        page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            "form": form,
            "page": page,
            "statuses": ProjectStatus.choices,
            "fields": CooperationField.objects.all(),
            "can_add": request.user.has_perm("cooperation.add_project"),
        }
        return render(request, "cooperation/project_list.html", context)


def indicator_charts(project: Project) -> list[tuple[object, object]]:
    return [
        (
            indicator,
            line_chart(
                [(v.measured_on, v.value) for v in indicator.values.all()],
                baseline=indicator.baseline,
                target=indicator.target,
            ),
        )
        for indicator in project.indicators.all()
    ]


class ProjectDetailView(ObjectPermissionRequiredMixin, View):
    permission_required = ("cooperation.view_project",)

    def get_permission_object(self) -> Project:
        self.object = get_object_or_404(project_details(), pk=self.kwargs["pk"])
        return self.object

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        project = self.object
        user = request.user
        context = {
            "project": project,
            "timeline": project_timeline(project),
            "charts": indicator_charts(project),
            "can_edit": user.has_perm("cooperation.change_project", project),
            "can_add_update": user.has_perm("cooperation.add_update", project),
            "history": (
                project_history(project)
                if user.has_perm("cooperation.view_history", project)
                else None
            ),
        }
        return render(request, "cooperation/project_detail.html", context)


def _project_data(data: dict) -> dict:
    return {**data, "fields": data["fields"], "agreements": data["agreements"]}


class ProjectCreateView(PermissionRequiredMixin, View):
    permission_required = "cooperation.add_project"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render_editor(request, ProjectForm(), title=_("New project"), back=_list_url())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ProjectForm(request.POST)
        project = run_action(form, lambda data: domain.create_project(**_project_data(data)))
        if project is None:
            return render_editor(
                request, form, title=_("New project"), back=_list_url(), status=422
            )
        messages.success(request, _("The project is saved."))
        return go_to(request, reverse("cooperation:project-detail", args=[project.pk]))


def _list_url() -> str:
    return reverse("cooperation:project-list")


class ProjectUpdateView(ObjectPermissionRequiredMixin, View):
    permission_required = ("cooperation.change_project",)

    def get_permission_object(self) -> Project:
        self.object = get_object_or_404(Project, pk=self.kwargs["pk"])
        return self.object

    def _page(self) -> str:
        return reverse("cooperation:project-detail", args=[self.object.pk])

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        project = self.object
        initial = {
            name: getattr(project, name)
            for name in ProjectForm.base_fields
            if hasattr(project, name) and name not in ("fields", "agreements")
        }
        initial["fields"] = list(project.fields.all())
        initial["agreements"] = list(project.agreements.all())
        if project.source:
            initial.update(source_title=project.source.title_en, source_url=project.source.url)
        form = ProjectForm(initial=initial)
        return render_editor(request, form, title=_("Edit the project"), back=self._page())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = ProjectForm(request.POST)
        saved = run_action(
            form, lambda data: domain.update_project(self.object, **_project_data(data))
        )
        if saved is None:
            return render_editor(
                request, form, title=_("Edit the project"), back=self._page(), status=422
            )
        messages.success(request, _("The project is saved."))
        return go_to(request, self._page())


class DocumentDownloadView(ObjectPermissionRequiredMixin, View):
    """A project document, sent to whoever may see the project (never from a public URL)."""

    permission_required = ("cooperation.view_project",)

    def get_permission_object(self) -> Project:
        self.document = get_object_or_404(
            ProjectDocument.objects.select_related("project"), pk=self.kwargs["pk"]
        )
        return self.document.project

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        try:
            handle = self.document.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        return FileResponse(
            handle,
            as_attachment=True,
            filename=Path(self.document.file.name).name,
            content_type=self.document.content_type,
        )
