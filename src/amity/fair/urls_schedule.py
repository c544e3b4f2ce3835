"""Part 2's pages (schedule, agendas, feeds), included by ``fair/urls.py``."""

from django.urls import path

from amity.fair.views import (
    agenda,
    all_agendas,
    dashboard,
    day,
    exports,
    freed_slots,
    schedule,
    survey,
)

urlpatterns = [
    path("<id:fair_id>/schedule/", schedule.schedule_view, name="schedule"),
    path("<id:fair_id>/schedule/start/", schedule.schedule_start, name="schedule-start"),
    path("<id:fair_id>/schedule/publish/", schedule.schedule_publish, name="schedule-publish"),
    path("schedule-runs/<id:pk>/", schedule.schedule_run, name="schedule-run"),
    path("schedule-runs/<id:pk>/adopt/", schedule.schedule_adopt, name="schedule-adopt"),
    path("meetings/<id:pk>/lock/", schedule.meeting_lock, name="meeting-lock"),
    path("meetings/<id:pk>/move/", schedule.meeting_move, name="meeting-move"),
    path("participants/<id:pk>/agenda/", agenda.agenda_view, name="agenda"),
    path("participants/<id:pk>/agenda.pdf", agenda.agenda_pdf, name="agenda-pdf"),
    path("participants/<id:pk>/feed/revoke/", agenda.feed_revoke, name="feed-revoke"),
    path("feeds/<str:token>.ics", agenda.ics_view, name="ics-feed"),
    path("slots/<id:pk>/tables/", agenda.table_plan_view, name="table-plan"),
    path("interpreters/<id:pk>/agenda/", agenda.interpreter_agenda_view, name="interpreter-agenda"),
    path("<id:fair_id>/checkin/", day.checkin_view, name="checkin"),
    path("meetings/<id:pk>/mark/", day.meeting_mark, name="meeting-mark"),
    path("meetings/<id:pk>/outcome/", day.outcome_record, name="outcome-record"),
    path("<id:fair_id>/dashboard/", dashboard.dashboard_view, name="dashboard"),
    # Exports and "all agendas" (issue 10, part-2 API helper).
    path("<id:fair_id>/exports/meetings.xlsx", exports.meetings_export, name="export-meetings"),
    path("<id:fair_id>/exports/outcomes.xlsx", exports.outcomes_export, name="export-outcomes"),
    path("<id:fair_id>/agendas/all/", all_agendas.all_agendas_start, name="all-agendas"),
    path(
        "<id:fair_id>/agendas/all/<str:name>",
        all_agendas.all_agendas_file,
        name="all-agendas-file",
    ),
    # Follow-up (helper followup): freed-slot offers and the second-stage survey.
    path("<id:fair_id>/freed-slots/", freed_slots.freed_slots_view, name="freed-slots"),
    path("offers/<str:token>/", freed_slots.slot_offer_view, name="slot-offer"),
    path("<id:fair_id>/survey/", survey.survey_admin_view, name="survey-admin"),
    path("survey/<str:token>/", survey.survey_view, name="survey"),
]
