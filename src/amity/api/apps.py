from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "amity.api"
    verbose_name = "API"
