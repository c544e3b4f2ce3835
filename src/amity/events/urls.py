from django.urls import path

from amity.events.views import (
    arrivals,
    delegations,
    documents,
    events,
    registrations,
    sessions,
)

app_name = "events"
urlpatterns = [
    path("", events.EventListView.as_view(), name="event-list"),
    path("new/", events.EventCreateView.as_view(), name="event-create"),
    path("me/", arrivals.DelegateHomeView.as_view(), name="delegate-home"),
    path("<id:pk>/", events.EventDetailView.as_view(), name="event-detail"),
    path("<id:pk>/edit/", events.EventUpdateView.as_view(), name="event-update"),
    path("<id:pk>/sessions/new/", events.SessionAddView.as_view(), name="session-add"),
    path("sessions/<id:pk>/", sessions.SessionUpdateView.as_view(), name="session-update"),
    path("sessions/<id:pk>/speakers/new/", sessions.SpeakerAddView.as_view(), name="speaker-add"),
    path("<id:pk>/timetable/", documents.TimetableView.as_view(), name="timetable"),
    path("<id:pk>/programme.ics", documents.ProgrammeIcsView.as_view(), name="programme-ics"),
    path("<id:pk>/programme.pdf", documents.ProgrammePdfView.as_view(), name="programme-pdf"),
    path("<id:pk>/badges.pdf", documents.BadgesView.as_view(), name="badges"),
    path("<id:pk>/badges/<str:name>", documents.BadgesFileView.as_view(), name="badges-file"),
    path("<id:pk>/arrivals/", arrivals.ArrivalsView.as_view(), name="arrivals"),
    path("<id:pk>/register/", registrations.RegisterView.as_view(), name="register"),
    path(
        "<id:pk>/delegations/new/",
        delegations.DelegationCreateView.as_view(),
        name="delegation-create",
    ),
    path(
        "delegations/<id:pk>/",
        delegations.DelegationDetailView.as_view(),
        name="delegation-detail",
    ),
    path(
        "delegations/<id:pk>/edit/",
        delegations.DelegationUpdateView.as_view(),
        name="delegation-update",
    ),
    path(
        "delegations/<id:pk>/members/new/",
        delegations.MemberAddView.as_view(),
        name="member-add",
    ),
    path(
        "delegations/<id:pk>/invite/",
        delegations.InviteHeadView.as_view(),
        name="invite-head",
    ),
    path(
        "delegations/<id:pk>/invitation.pdf",
        documents.InvitationLetterView.as_view(),
        name="invitation-letter",
    ),
]
