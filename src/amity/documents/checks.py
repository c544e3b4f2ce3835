"""System check: every file field of every model has its upload limits (uploads.py)."""

from django.apps import apps
from django.core import checks
from django.db import models

from amity.documents.uploads import UploadValidator


def unlimited_file_fields() -> list[models.FileField]:
    return [
        field
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
        and not any(isinstance(v, UploadValidator) for v in field.validators)
    ]


@checks.register(checks.Tags.models)
def file_fields_have_upload_limits(app_configs=None, **kwargs) -> list[checks.Error]:
    return [
        checks.Error(
            f"{field.model._meta.label}.{field.name} has no size and type limits",
            hint='Add validators=upload_validators("document") (amity.documents.uploads).',
            obj=field,
            id="amity.E010",
        )
        for field in unlimited_file_fields()
    ]
