from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path, register_converter

from amity.api.errors import not_found as api_not_found
from amity.api.urls import api
from amity.config.converters import IdConverter
from amity.config.home import my_home
from amity.config.language import switch_language

# Before the domains' URLs are included: they use it.
register_converter(IdConverter, "id")

urlpatterns = [
    path("i18n/setlang/", switch_language, name="set_language"),
    path("api/v1/", api.urls),
    # Any other address under /api/ answers JSON too, not the HTML 404 page.
    re_path(r"^api/(?P<rest>.*)$", api_not_found),
]
# Pages carry the language in the URL (/en/…, /zh-hans/…) so links and bookmarks keep it.
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("amity.accounts.urls")),
    path("jobs/", include("amity.jobs.urls")),
    path("me/", my_home, name="my-home"),
    path("events/", include("amity.events.urls")),
    path("fair/", include("amity.fair.urls")),
    path("cooperation/", include("amity.cooperation.urls")),
    path("", include("amity.cities.urls")),
    prefix_default_language=True,
)
