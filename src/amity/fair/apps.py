from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FairConfig(AppConfig):
    name = "amity.fair"
    # Translators: the business matching fair (one-to-one meetings between enterprises).
    verbose_name = _("Matching fair")

    def ready(self) -> None:
        from amity.fair import calendar_cache, history, personal_records

        history.register()
        calendar_cache.connect()
        personal_records.register_all()
