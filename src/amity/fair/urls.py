from django.urls import path

from amity.fair.urls_schedule import urlpatterns as schedule_urlpatterns
from amity.fair.views import (
    home,
    marketplace,
    opportunities,
    organiser,
    participant,
    pickers,
    representatives,
    setup_pages,
    transfer,
)

app_name = "fair"
urlpatterns = [
    path("", home.participant_home_view, name="participant-home"),
    path("sectors/search/", pickers.sector_search, name="sector-search"),
    path("<id:fair_id>/marketplace/", marketplace.marketplace_view, name="marketplace"),
    path("<id:fair_id>/register/", participant.register_view, name="register"),
    path("<id:fair_id>/overview/", organiser.overview, name="organiser-overview"),
    path("<id:fair_id>/setup/", organiser.setup, name="setup"),
    path("<id:fair_id>/recompute/", organiser.recompute, name="recompute"),
    path("<id:fair_id>/meetings/new/", organiser.meeting_create, name="meeting-create"),
    path("<id:fair_id>/import/", transfer.import_view, name="import"),
    path("<id:fair_id>/export.<str:fmt>", transfer.export_view, name="export"),
    path("participants/<id:pk>/", participant.participant_detail, name="participant-detail"),
    path("participants/<id:pk>/edit/", participant.profile_edit, name="profile-edit"),
    path(
        "participants/<id:pk>/opportunities/new/",
        participant.opportunity_add,
        name="opportunity-add",
    ),
    path(
        "participants/<id:pk>/opportunities/<id:opportunity_id>/delete/",
        participant.opportunity_delete,
        name="opportunity-delete",
    ),
    path("participants/<id:pk>/approve/", organiser.approve, name="approve"),
    path("participants/<id:pk>/request/", participant.request_send, name="request-send"),
    path("participants/<id:pk>/mark/", participant.mark_view, name="mark"),
    path(
        "requests/<id:pk>/<str:action>/",
        participant.request_answer,
        name="request-answer",
    ),
]
# The organiser's set-up tabs, and a participant's representatives and availability.
urlpatterns += [
    path("<id:fair_id>/setup/sessions/", setup_pages.sessions, name="setup-sessions"),
    path(
        "<id:fair_id>/setup/sessions/<id:session_id>/delete/",
        setup_pages.session_delete,
        name="session-delete",
    ),
    path("<id:fair_id>/setup/tables/", setup_pages.tables, name="setup-tables"),
    path(
        "<id:fair_id>/setup/tables/exhibitors/",
        pickers.exhibitor_search,
        name="exhibitor-search",
    ),
    path(
        "<id:fair_id>/setup/tables/<id:table_id>/delete/",
        setup_pages.table_delete,
        name="table-delete",
    ),
    path("<id:fair_id>/setup/interpreters/", setup_pages.interpreters, name="setup-interpreters"),
    path(
        "<id:fair_id>/setup/interpreters/<id:interpreter_id>/sessions/",
        setup_pages.interpreter_sessions,
        name="interpreter-sessions",
    ),
    path(
        "<id:fair_id>/setup/interpreters/<id:interpreter_id>/delete/",
        setup_pages.interpreter_delete,
        name="interpreter-delete",
    ),
    path(
        "participants/<id:pk>/representatives/",
        representatives.representatives,
        name="representatives",
    ),
    path(
        "participants/<id:pk>/representatives/<id:representative_id>/delete/",
        representatives.representative_delete,
        name="representative-delete",
    ),
    path("participants/<id:pk>/availability/", representatives.availability, name="availability"),
    path(
        "participants/<id:pk>/opportunities/<id:opportunity_id>/edit/",
        opportunities.opportunity_edit,
        name="opportunity-edit",
    ),
]
urlpatterns += schedule_urlpatterns
