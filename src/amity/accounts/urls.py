from django.urls import path

from amity.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path(
        "invitation/<uidb64>/<token>/",
        views.accept_invitation_view,
        name="accept-invitation",
    ),
]
