from django.urls import path

from amity.cooperation.views.network import LearningNetworkView
from amity.cooperation.views.overview import OverviewView
from amity.cooperation.views.practice_meetings import PracticeMeetingView
from amity.cooperation.views.practices import (
    PracticeCreateView,
    PracticeDetailView,
    PracticeListView,
    PracticeUpdateView,
    TransferCreateView,
    TransferUpdateView,
)
from amity.cooperation.views.projects import (
    DocumentDownloadView,
    ProjectCreateView,
    ProjectDetailView,
    ProjectListView,
    ProjectUpdateView,
)
from amity.cooperation.views.records import RecordAddView
from amity.cooperation.views.report import ReportIndexView, ReportPdfView, ReportView

app_name = "cooperation"
urlpatterns = [
    path("", OverviewView.as_view(), name="overview"),
    path("projects/", ProjectListView.as_view(), name="project-list"),
    path("projects/new/", ProjectCreateView.as_view(), name="project-create"),
    path("projects/<id:pk>/", ProjectDetailView.as_view(), name="project-detail"),
    path("projects/<id:pk>/edit/", ProjectUpdateView.as_view(), name="project-update"),
    path(
        "projects/<id:pk>/partners/new/",
        RecordAddView.as_view(record="partner"),
        name="partner-add",
    ),
    path(
        "projects/<id:pk>/partners/participant/",
        RecordAddView.as_view(record="participant"),
        name="participant-partner-add",
    ),
    path(
        "projects/<id:pk>/milestones/new/",
        RecordAddView.as_view(record="milestone"),
        name="milestone-add",
    ),
    path(
        "projects/<id:pk>/indicators/new/",
        RecordAddView.as_view(record="indicator"),
        name="indicator-add",
    ),
    path(
        "indicators/<id:pk>/values/new/",
        RecordAddView.as_view(record="value"),
        name="value-add",
    ),
    path(
        "projects/<id:pk>/updates/new/",
        RecordAddView.as_view(record="update"),
        name="update-add",
    ),
    path(
        "projects/<id:pk>/documents/new/",
        RecordAddView.as_view(record="document"),
        name="document-add",
    ),
    path(
        "projects/<id:pk>/outcomes/new/",
        RecordAddView.as_view(record="outcome"),
        name="outcome-link",
    ),
    path("documents/<id:pk>/", DocumentDownloadView.as_view(), name="document-download"),
    path("practices/", PracticeListView.as_view(), name="practice-list"),
    path("practices/new/", PracticeCreateView.as_view(), name="practice-create"),
    path("practices/<id:pk>/", PracticeDetailView.as_view(), name="practice-detail"),
    path("practices/<id:pk>/edit/", PracticeUpdateView.as_view(), name="practice-update"),
    path("practices/<id:pk>/meeting/", PracticeMeetingView.as_view(), name="practice-meeting"),
    path("practices/<id:pk>/transfers/new/", TransferCreateView.as_view(), name="transfer-create"),
    path("transfers/<id:pk>/edit/", TransferUpdateView.as_view(), name="transfer-update"),
    path("network/", LearningNetworkView.as_view(), name="network"),
    path("reports/", ReportIndexView.as_view(), name="report-index"),
    path("reports/<int:year>/", ReportView.as_view(), name="report"),
    path("reports/<int:year>/pdf/", ReportPdfView.as_view(), name="report-pdf"),
]
