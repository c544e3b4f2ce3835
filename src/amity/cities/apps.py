from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "amity.cities"
    verbose_name = _("Partner cities")

    def ready(self) -> None:
        from amity.cities.caching import registry_changed

        # Any change to a registry record outdates the cached pages (see caching.py).
        for model in self.get_models():
            post_save.connect(registry_changed, sender=model, dispatch_uid=f"cache-{model}")
            post_delete.connect(registry_changed, sender=model, dispatch_uid=f"cache-d-{model}")
        m2m_changed.connect(registry_changed, dispatch_uid="cache-m2m")
        from amity.cities import history

        history.register()
