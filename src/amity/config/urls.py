from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from amity.api.urls import api
from amity.config.home import my_home

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", api.urls),
]
# Pages carry the language in the URL (/en/…, /zh-hans/…) so links and bookmarks keep it.
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("amity.accounts.urls")),
    path("jobs/", include("amity.jobs.urls")),
    path("me/", my_home, name="my-home"),
    path("", include("amity.cities.urls")),
    prefix_default_language=True,
)
