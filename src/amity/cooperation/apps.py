from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "amity.cooperation"
    verbose_name = _("Cooperation")

    def ready(self) -> None:
        from amity.cooperation import history, personal_records

        history.register()
        personal_records.register_all()
