from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "amity.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from amity.accounts import history, personal_records

        history.register()
        personal_records.register_all()
