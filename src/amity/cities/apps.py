from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "amity.cities"
    verbose_name = _("Partner cities")

    def ready(self) -> None:
        from amity.cities import history

        history.register()
