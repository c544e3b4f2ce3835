from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.utils.translation import gettext as _

from amity.accounts.throttle import clear_failed_logins, login_blocked, record_failed_login


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs) -> HttpResponse:
        username = request.POST.get("username", "")
        if login_blocked(request, username):
            form = self.get_form()
            form.errors.clear()
            form.add_error(
                None, _("Too many failed attempts. Please wait 15 minutes and try again.")
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form) -> HttpResponse:
        record_failed_login(self.request, self.request.POST.get("username", ""))
        return super().form_invalid(form)

    def form_valid(self, form) -> HttpResponse:
        clear_failed_logins(self.request, form.get_user().get_username())
        return super().form_valid(form)


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"
