"""Linking a matching fair's meeting outcome to the cooperation project it led to."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from amity.cooperation.domain.checks import save_valid
from amity.cooperation.models import Project, ProjectOutcome
from amity.fair.models import MeetingOutcome, OutcomeRating

# How many outcomes the page's chooser offers, newest first (the API takes any id).
CHOOSER_SIZE = 200


def outcome_details() -> QuerySet[MeetingOutcome]:
    """An outcome with what names it: the fair, the two sides, who rated it."""
    return MeetingOutcome.objects.select_related(
        "participant",
        "meeting__fair__event",
        "meeting__slot",
        "meeting__request__sender",
        "meeting__request__receiver",
    )


def linkable_outcomes(project: Project) -> QuerySet[MeetingOutcome]:
    """Outcomes that may have led somewhere, not linked to the project yet, newest first."""
    return (
        outcome_details()
        .exclude(rating=OutcomeRating.NO_FURTHER_CONTACT)
        .exclude(project_links__project=project)
        .order_by("-created_at", "-pk")
    )


@transaction.atomic
def link_outcome(project: Project, *, outcome_id: int | None, linked_by=None) -> ProjectOutcome:
    outcome = MeetingOutcome.objects.filter(pk=outcome_id).first() if outcome_id else None
    if outcome is None:
        raise ValidationError({"outcome": _("Choose a recorded outcome of a fair meeting.")})
    if outcome.rating == OutcomeRating.NO_FURTHER_CONTACT:
        raise ValidationError(
            {"outcome": _("This meeting ended with no further contact: it led to no project.")}
        )
    if project.outcome_links.filter(outcome=outcome).exists():
        raise ValidationError({"outcome": _("This outcome is already linked to the project.")})
    link = ProjectOutcome(
        project=project,
        outcome=outcome,
        linked_by=linked_by if linked_by is not None and linked_by.is_authenticated else None,
    )
    try:
        with transaction.atomic():
            return save_valid(link)
    except IntegrityError:
        # Two organisers linked it at once: the constraint answers as the check above.
        raise ValidationError(
            {"outcome": _("This outcome is already linked to the project.")}
        ) from None
