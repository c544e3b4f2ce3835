from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "amity.documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from amity.documents import checks  # noqa: F401 (registers the system check)
