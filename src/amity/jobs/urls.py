from django.urls import path

from amity.jobs import views

app_name = "jobs"
urlpatterns = [
    path("<uuid:pk>/", views.job_detail, name="job-detail"),
    path("<uuid:pk>/status/", views.job_status, name="job-status"),
    path("<uuid:pk>/restart/", views.job_restart, name="job-restart"),
]
