"""Adding to a project on its page: a partner (a city or an organisation, or a fair participant
found by name), a milestone, an indicator, a measured value, an update, a document. Each
form opens in place (htmx) or as a page, and calls a domain action."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views import View

from amity.accounts.permissions import ObjectPermissionRequiredMixin
from amity.cooperation import domain
from amity.cooperation.forms import (
    DocumentForm,
    IndicatorForm,
    MilestoneForm,
    OutcomeForm,
    ParticipantPartnerForm,
    PartnerForm,
    UpdateForm,
    ValueForm,
)
from amity.cooperation.models import Indicator, Project
from amity.cooperation.views.common import go_to, render_editor, run_action


@dataclass(frozen=True)
class Record:
    form: type[Form]
    permission: str
    add: Callable[[object, dict, HttpRequest], object]
    title: object
    saved: object
    anchor: str
    # The record the form adds to (a project, or an indicator of one).
    model: type = Project
    # A form that needs the record it adds to (its choices depend on it).
    takes_target: bool = False
    # A form whose choices follow a search by name (``?q=`` on the page's address).
    searches: bool = False

    def make_form(self, target, request: HttpRequest, *args) -> Form:
        options: dict = {"project": target} if self.takes_target else {}
        if self.searches:
            options["query"] = search_text(request)
        return self.form(*args, **options)


def search_text(request: HttpRequest) -> str:
    return request.GET.get("q", "").strip()[:100]


def _document(project, data, request):
    return domain.add_document(
        project, title=data["title"], upload=data["file"], uploaded_by=request.user
    )


RECORDS = {
    "partner": Record(
        PartnerForm,
        "cooperation.change_project",
        lambda project, data, request: domain.add_partner(project, **data),
        gettext_lazy("Add a partner"),
        gettext_lazy("The partner takes part."),
        "partners-heading",
    ),
    "participant": Record(
        ParticipantPartnerForm,
        "cooperation.change_project",
        lambda project, data, request: domain.add_partner(project, **data),
        gettext_lazy("Add a fair participant as partner"),
        gettext_lazy("The fair participant takes part."),
        "partners-heading",
        takes_target=True,
        searches=True,
    ),
    "milestone": Record(
        MilestoneForm,
        "cooperation.change_project",
        lambda project, data, request: domain.add_milestone(project, **data),
        gettext_lazy("Add a milestone"),
        gettext_lazy("The milestone is on the timeline."),
        "timeline-heading",
    ),
    "indicator": Record(
        IndicatorForm,
        "cooperation.change_project",
        lambda project, data, request: domain.add_indicator(project, **data),
        gettext_lazy("Add an indicator"),
        gettext_lazy("The indicator is saved."),
        "indicators-heading",
    ),
    "value": Record(
        ValueForm,
        "cooperation.change_project",
        lambda indicator, data, request: domain.record_value(indicator, **data),
        gettext_lazy("Record a measured value"),
        gettext_lazy("The value is on the chart."),
        "indicators-heading",
        model=Indicator,
    ),
    "update": Record(
        UpdateForm,
        "cooperation.add_update",
        lambda project, data, request: domain.post_update(project, author=request.user, **data),
        gettext_lazy("Add an update"),
        gettext_lazy("The update is on the timeline."),
        "timeline-heading",
    ),
    "document": Record(
        DocumentForm,
        "cooperation.change_project",
        _document,
        gettext_lazy("Add a document"),
        gettext_lazy("The document is on the timeline."),
        "timeline-heading",
    ),
    "outcome": Record(
        OutcomeForm,
        "cooperation.change_project",
        lambda project, data, request: domain.link_outcome(
            project, outcome_id=data["outcome"], linked_by=request.user
        ),
        gettext_lazy("Link a fair outcome"),
        gettext_lazy("The fair outcome is on the timeline."),
        "timeline-heading",
        takes_target=True,
    ),
}


class RecordAddView(ObjectPermissionRequiredMixin, View):
    record: str = ""

    @property
    def spec(self) -> Record:
        return RECORDS[self.record]

    def get_permission_required(self):
        return (self.spec.permission,)

    def get_permission_object(self) -> Project:
        if self.spec.model is Indicator:
            self.target = get_object_or_404(
                Indicator.objects.select_related("project"), pk=self.kwargs["pk"]
            )
            self.project = self.target.project
        else:
            self.target = self.project = get_object_or_404(Project, pk=self.kwargs["pk"])
        return self.project

    def _page(self) -> str:
        return reverse("cooperation:project-detail", args=[self.project.pk])

    def _render(self, form: Form, status: int = 200) -> HttpResponse:
        search = {"q": search_text(self.request)} if self.spec.searches else None
        return render_editor(
            self.request,
            form,
            title=str(self.spec.title),
            back=f"{self._page()}#{self.spec.anchor}",
            status=status,
            project=self.project,
            search=search,
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._render(self.spec.make_form(self.target, request))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = self.spec.make_form(self.target, request, request.POST, request.FILES)
        if run_action(form, lambda data: self.spec.add(self.target, data, request)) is None:
            return self._render(form, status=422)
        messages.success(request, str(self.spec.saved))
        return go_to(request, f"{self._page()}#{self.spec.anchor}")
