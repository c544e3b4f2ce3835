from django.urls import path

from amity.accounts.views import people, personal_data, sessions

app_name = "accounts"
urlpatterns = [
    path("login/", sessions.LoginView.as_view(), name="login"),
    path("logout/", sessions.LogoutView.as_view(), name="logout"),
    path(
        "invitation/<uidb64>/<token>/",
        sessions.accept_invitation_view,
        name="accept-invitation",
    ),
    path("people/", people.PeopleView.as_view(), name="people"),
    path("people/invite/", people.InviteView.as_view(), name="invite"),
    path(
        "people/<id:pk>/deactivate/",
        people.StandingView.as_view(action="deactivate"),
        name="deactivate",
    ),
    path(
        "people/<id:pk>/reactivate/",
        people.StandingView.as_view(action="reactivate"),
        name="reactivate",
    ),
    path("organisations/", people.OrganisationsView.as_view(), name="organisations"),
    path(
        "people/<id:pk>/data/",
        personal_data.PersonalDataView.as_view(),
        name="personal-data",
    ),
    path(
        "people/<id:pk>/data.<str:fmt>",
        personal_data.PersonalDataDownloadView.as_view(),
        name="personal-data-download",
    ),
    path(
        "people/<id:pk>/erase/",
        personal_data.EraseView.as_view(),
        name="personal-data-erase",
    ),
]
