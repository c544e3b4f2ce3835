from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from amity.accounts.domain import accept_invitation, user_for_invitation


class LoginView(auth_views.LoginView):
    """Failed logins are counted and locked out by django-axes (amity.accounts.lockout)."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


def accept_invitation_view(request, uidb64: str, token: str) -> HttpResponse:
    """The invitee chooses a password; the link then stops working."""
    user = user_for_invitation(uidb64, token)
    if user is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accept_invitation(user, form.cleaned_data["new_password1"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome to Amity. Your password is set."))
            return redirect("my-home")
    return render(request, "accounts/accept_invitation.html", {"form": form, "invitee": user})
