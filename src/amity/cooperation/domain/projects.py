"""Verbs of cooperation projects: every page and API route changes projects through these."""

import mimetypes
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.accounts.models import Organisation
from amity.cities.models import Agreement, CooperationField, Partnership
from amity.cooperation.domain.checks import save_valid, with_source
from amity.cooperation.domain.invariants import (
    validate_indicator,
    validate_milestone,
    validate_partner,
    validate_project,
    validate_update,
    validate_value,
)
from amity.cooperation.models import (
    Indicator,
    IndicatorValue,
    Milestone,
    Project,
    ProjectDocument,
    ProjectPartner,
    ProjectUpdate,
)
from amity.documents.uploads import check_upload
from amity.fair.models import Participant


@transaction.atomic
def create_project(
    *,
    fields: Iterable[CooperationField] = (),
    agreements: Iterable[Agreement] = (),
    **values: Any,
) -> Project:
    with_source(values)
    project = Project(**values)
    validate_project(project)
    save_valid(project)
    project.fields.set(fields)
    project.agreements.set(agreements)
    return project


@transaction.atomic
def update_project(
    project: Project,
    *,
    fields: Iterable[CooperationField] | None = None,
    agreements: Iterable[Agreement] | None = None,
    **values: Any,
) -> Project:
    for name, value in with_source(values).items():
        setattr(project, name, value)
    validate_project(project)
    save_valid(project)
    if fields is not None:
        project.fields.set(fields)
    if agreements is not None:
        project.agreements.set(agreements)
    return project


@transaction.atomic
def add_partner(
    project: Project,
    *,
    role: str,
    partnership: Partnership | None = None,
    organisation: Organisation | None = None,
    participant: Participant | None = None,
) -> ProjectPartner:
    partner = ProjectPartner(
        project=project,
        partnership=partnership,
        organisation=organisation,
        participant=participant,
        role=role,
    )
    validate_partner(partner)
    return save_valid(partner)


@transaction.atomic
def add_milestone(project: Project, **values: Any) -> Milestone:
    with_source(values)
    milestone = Milestone(project=project, **values)
    validate_milestone(milestone)
    return save_valid(milestone)


@transaction.atomic
def add_indicator(project: Project, **values: Any) -> Indicator:
    indicator = Indicator(project=project, **values)
    validate_indicator(indicator)
    return save_valid(indicator)


@transaction.atomic
def record_value(
    indicator: Indicator, *, measured_on: date | None, **values: Any
) -> IndicatorValue:
    """A measured value of an indicator; the day of the measurement is required."""
    with_source(values)
    value = IndicatorValue(indicator=indicator, measured_on=measured_on, **values)
    validate_value(value)
    return save_valid(value)


@transaction.atomic
def post_update(project: Project, *, author, posted_on: date | None = None, **values: Any):
    update = ProjectUpdate(
        project=project,
        author=author if author is not None and author.is_authenticated else None,
        posted_on=posted_on or timezone.localdate(),
        **values,
    )
    validate_update(update)
    return save_valid(update)


def check_document(upload) -> str:
    """The content type stored for an upload, or a ValidationError on ``file``.

    The limits (size, kinds, content matching the extension) are the shared ones of
    ``amity.documents.uploads``, as for every file field.
    """
    try:
        check_upload("document", upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    return mimetypes.guess_type(upload.name)[0] or "application/octet-stream"


@transaction.atomic
def add_document(project: Project, *, title: str, upload, uploaded_by) -> ProjectDocument:
    content_type = check_document(upload)
    if not title.strip():
        raise ValidationError({"title": _("Give the document a title.")})
    document = ProjectDocument(
        project=project,
        title=title,
        file=upload,
        content_type=content_type,
        size=upload.size,
        uploaded_on=timezone.localdate(),
        uploaded_by=uploaded_by
        if uploaded_by is not None and uploaded_by.is_authenticated
        else None,
    )
    return save_valid(document)
