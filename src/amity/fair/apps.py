from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FairConfig(AppConfig):
    name = "amity.fair"
    # Translators: the business matching fair (one-to-one meetings between enterprises).
    verbose_name = _("Matching fair")
