"""Cooperation records in the audit log (registered from the app's ``ready()``)."""

from django.db.models import Q

from amity.audit.entries import Entry, history_entries
from amity.audit.tracking import track
from amity.cooperation.models import (
    Indicator,
    IndicatorValue,
    Milestone,
    Practice,
    Project,
    ProjectDocument,
    ProjectOutcome,
    ProjectPartner,
    ProjectUpdate,
    Transfer,
)

AUTOMATIC = ("created_at", "updated_at")


def register() -> None:
    track(Project, excluded_fields=AUTOMATIC)
    track(ProjectPartner, describe=lambda row: row.get_role_display())
    track(Milestone)
    track(Indicator)
    track(IndicatorValue, describe=lambda row: f"{row.measured_on}: {row.value:g}")
    track(ProjectDocument, describe=lambda row: row.title)
    track(ProjectUpdate, excluded_fields=("created_at",), describe=lambda row: str(row.posted_on))
    track(ProjectOutcome, excluded_fields=("created_at",), describe=lambda row: str(row.outcome_id))
    track(Practice, excluded_fields=AUTOMATIC)
    track(Transfer, describe=lambda row: row.get_stage_display())


def project_history(project: Project) -> list[Entry]:
    """The project and everything recorded on it, for organisers on the project's page."""
    by_project = Q(project_id=project.pk)
    return history_entries(
        (Project, Q(id=project.pk)),
        (ProjectPartner, by_project),
        (Milestone, by_project),
        (Indicator, by_project),
        (IndicatorValue, Q(indicator__project_id=project.pk)),
        (ProjectDocument, by_project),
        (ProjectUpdate, by_project),
        (ProjectOutcome, by_project),
    )


def practice_history(practice: Practice) -> list[Entry]:
    return history_entries((Practice, Q(id=practice.pk)), (Transfer, Q(practice_id=practice.pk)))
