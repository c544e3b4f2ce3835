from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "amity.events"
    verbose_name = _("Events and delegations")

    def ready(self) -> None:
        from amity.events import history, personal_records

        history.register()
        personal_records.register_all()
