from django.urls import path

from amity.accounts.views import people, sessions

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
]
